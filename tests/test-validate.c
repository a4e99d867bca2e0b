/* test-validate.c: identifiers (DOMAIN.md §5), masking (§6), money in fen and typed dates. */
#include "config.h"

#include <locale.h>

#include "gk-date.h"
#include "gk-money.h"
#include "gk-mask.h"
#include "gk-validate.h"

typedef GkValidation *(*Validator) (const char *value);

static void
assert_check (Validator   validator,
              const char *input,
              GkSeverity  severity,
              const char *normalized,
              const char *message_part)
{
  g_autoptr(GkValidation) check = validator (input);

  if (check->severity != severity)
    g_error ("“%s”: severity %d, expected %d (%s)", input, check->severity, severity,
             check->message != NULL ? check->message : "no message");
  if (normalized != NULL)
    g_assert_cmpstr (check->normalized, ==, normalized);
  if (severity == GK_SEVERITY_OK)
    g_assert_null (check->message);
  else
    {
      g_assert_nonnull (check->message);
      if (message_part != NULL && strstr (check->message, message_part) == NULL)
        g_error ("“%s”: message “%s” lacks “%s”", input, check->message, message_part);
    }
}

static void
test_uscc (void)
{
  /* Valid (DOMAIN.md §5). */
  assert_check (gk_validate_uscc, "91110000600037341L", GK_SEVERITY_OK, "91110000600037341L", NULL);
  assert_check (gk_validate_uscc, "91310110666007217T", GK_SEVERITY_OK, "91310110666007217T", NULL);
  assert_check (gk_validate_uscc, "121200004013590816", GK_SEVERITY_OK, "121200004013590816", NULL);
  assert_check (gk_validate_uscc, "91350100M000100Y43", GK_SEVERITY_OK, "91350100M000100Y43", NULL);

  /* Lower case, spaces and full-width characters are normalized first. */
  assert_check (gk_validate_uscc, " 9111 0000 6000 3734 1l ", GK_SEVERITY_OK, "91110000600037341L", NULL);
  assert_check (gk_validate_uscc, "９１１１００００６０００３７３４１Ｌ", GK_SEVERITY_OK, "91110000600037341L", NULL);

  /* A wrong check character is a warning the clerk can override. */
  assert_check (gk_validate_uscc, "91110000600037341N", GK_SEVERITY_WARNING, "91110000600037341N", "expected L");
  /* Early Fujian pilot code: real, fails the check. */
  assert_check (gk_validate_uscc, "91350100M0001TGQXM", GK_SEVERITY_WARNING, NULL, NULL);
  /* Z is not in the code's character set. */
  assert_check (gk_validate_uscc, "91350100M000100Y4Z", GK_SEVERITY_ERROR, NULL, "“Z”");
  assert_check (gk_validate_uscc, "91110000600037341O", GK_SEVERITY_ERROR, NULL, "“O”");

  assert_check (gk_validate_uscc, "9111000060003734", GK_SEVERITY_ERROR, NULL, "16");
  assert_check (gk_validate_uscc, "91110000600037341LL", GK_SEVERITY_ERROR, NULL, "19");
  assert_check (gk_validate_uscc, "", GK_SEVERITY_ERROR, "", NULL);
  assert_check (gk_validate_uscc, "9111000060003734中L", GK_SEVERITY_ERROR, NULL, "“中”");

  g_assert_cmpint (gk_uscc_compute_check ("91110000600037341"), ==, 'L');
  g_assert_cmpint (gk_uscc_compute_check ("91350100M000100Y4"), ==, '3');
  g_assert_cmpint (gk_uscc_compute_check ("9111000060003734O"), ==, '\0');
}

static void
test_idcard (void)
{
  assert_check (gk_validate_idcard, "11010519491231002X", GK_SEVERITY_OK, "11010519491231002X", NULL);
  assert_check (gk_validate_idcard, "360426199101010071", GK_SEVERITY_OK, NULL, NULL);
  assert_check (gk_validate_idcard, "110105200002290013", GK_SEVERITY_OK, NULL, NULL);
  assert_check (gk_validate_idcard, "11010519491231002x", GK_SEVERITY_OK, "11010519491231002X", NULL);
  assert_check (gk_validate_idcard, "110105 19491231 002X", GK_SEVERITY_OK, "11010519491231002X", NULL);

  /* Wrong check digit. */
  assert_check (gk_validate_idcard, "36042619910102009X", GK_SEVERITY_ERROR, NULL, "expected");
  /* Check digit right, but 1900 was not a leap year. */
  assert_check (gk_validate_idcard, "110105190002290017", GK_SEVERITY_ERROR, NULL, "1900-02-29");
  g_assert_cmpint (gk_idcard_compute_check ("11010519000229001"), ==, '7');

  assert_check (gk_validate_idcard, "110105491231002", GK_SEVERITY_ERROR, NULL, "15");
  assert_check (gk_validate_idcard, "1101051949123100", GK_SEVERITY_ERROR, NULL, "16");
  assert_check (gk_validate_idcard, "1101051949123100AX", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_idcard, "990105194912310021", GK_SEVERITY_ERROR, NULL, "99");
  assert_check (gk_validate_idcard, "110105194913310023", GK_SEVERITY_ERROR, NULL, "1949-13-31");
  assert_check (gk_validate_idcard, "", GK_SEVERITY_ERROR, NULL, NULL);

  /* Born in 2999: the date exists but cannot be a birth date yet. */
  {
    char code[19] = "11010529990101001";

    code[17] = gk_idcard_compute_check (code);
    code[18] = '\0';
    assert_check (gk_validate_idcard, code, GK_SEVERITY_ERROR, NULL, "future");
  }
}

static void
test_orgcode (void)
{
  assert_check (gk_validate_orgcode, "000014349", GK_SEVERITY_OK, "000014349", NULL);
  assert_check (gk_validate_orgcode, "00001434-9", GK_SEVERITY_OK, "000014349", NULL);
  /* The organization codes inside the valid credit codes above. */
  assert_check (gk_validate_orgcode, "60003734-1", GK_SEVERITY_OK, "600037341", NULL);
  assert_check (gk_validate_orgcode, "40135908-1", GK_SEVERITY_OK, "401359081", NULL);
  assert_check (gk_validate_orgcode, "m0001000-6", GK_SEVERITY_OK, "M00010006", NULL);

  assert_check (gk_validate_orgcode, "00001434-8", GK_SEVERITY_ERROR, NULL, "expected 9");
  assert_check (gk_validate_orgcode, "0000143", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_orgcode, "0000143*9", GK_SEVERITY_ERROR, NULL, "“*”");

  g_assert_cmpint (gk_orgcode_compute_check ("00001434"), ==, '9');
}

static void
test_orgcode_check_mapping (void)
{
  /* 11 − (Σ mod 11): 10 is written X and 11 is written 0. Find bodies
   * giving both by brute force over the last digit. */
  gboolean seen_x = FALSE, seen_0 = FALSE;

  for (int d = 0; d < 10000; d++)
    {
      char body[9];
      char check;

      g_snprintf (body, sizeof body, "1234%04d", d);
      check = gk_orgcode_compute_check (body);
      g_assert_true (g_ascii_isdigit (check) || check == 'X');
      seen_x |= check == 'X';
      seen_0 |= check == '0';
      if (check == 'X')
        {
          g_autofree char *code = g_strdup_printf ("%sX", body);
          assert_check (gk_validate_orgcode, code, GK_SEVERITY_OK, code, NULL);
        }
    }

  g_assert_true (seen_x);
  g_assert_true (seen_0);
}

static void
test_project_code (void)
{
  assert_check (gk_validate_project_code, "2018-130102-47-03-012345", GK_SEVERITY_OK, "2018-130102-47-03-012345", NULL);
  assert_check (gk_validate_project_code, "20181301024703012345", GK_SEVERITY_OK, "2018-130102-47-03-012345", NULL);
  assert_check (gk_validate_project_code, "２０１８－１３０１０２－４７－０３－０１２３４５", GK_SEVERITY_OK,
                "2018-130102-47-03-012345", NULL);
  assert_check (gk_validate_project_code, "2018—130102—47—03—012345", GK_SEVERITY_OK, "2018-130102-47-03-012345", NULL);

  assert_check (gk_validate_project_code, "2018-13010-47-03-012345", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_project_code, "2018-130102-47-03-01234A", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_project_code, "2018-130102-47-03-0123456", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_project_code, "", GK_SEVERITY_ERROR, NULL, NULL);
}

static void
test_phone (void)
{
  assert_check (gk_validate_phone, "13800138000", GK_SEVERITY_OK, "13800138000", NULL);
  assert_check (gk_validate_phone, "138 0013 8000", GK_SEVERITY_OK, "13800138000", NULL);
  assert_check (gk_validate_phone, "138-0013-8000", GK_SEVERITY_OK, "13800138000", NULL);
  assert_check (gk_validate_phone, "+86 138 0013 8000", GK_SEVERITY_OK, "13800138000", NULL);
  assert_check (gk_validate_phone, "8613800138000", GK_SEVERITY_OK, "13800138000", NULL);
  assert_check (gk_validate_phone, "１３８００１３８０００", GK_SEVERITY_OK, "13800138000", NULL);
  assert_check (gk_validate_phone, "19912345678", GK_SEVERITY_OK, "19912345678", NULL);

  assert_check (gk_validate_phone, "0311-86012345", GK_SEVERITY_OK, "0311-86012345", NULL);
  assert_check (gk_validate_phone, "(0311)86012345", GK_SEVERITY_OK, "0311-86012345", NULL);
  assert_check (gk_validate_phone, "（0311）86012345", GK_SEVERITY_OK, "0311-86012345", NULL);
  assert_check (gk_validate_phone, "031186012345", GK_SEVERITY_OK, "0311-86012345", NULL);
  assert_check (gk_validate_phone, "0311 8601 2345", GK_SEVERITY_OK, "0311-86012345", NULL);
  assert_check (gk_validate_phone, "010-62345678", GK_SEVERITY_OK, "010-62345678", NULL);
  assert_check (gk_validate_phone, "01062345678", GK_SEVERITY_OK, "010-62345678", NULL);
  assert_check (gk_validate_phone, "0311-86012345转801", GK_SEVERITY_OK, "0311-86012345转801", NULL);
  assert_check (gk_validate_phone, "0311-86012345-801", GK_SEVERITY_OK, "0311-86012345转801", NULL);
  assert_check (gk_validate_phone, "0311-8601234", GK_SEVERITY_OK, "0311-8601234", NULL);
  assert_check (gk_validate_phone, "0311-86012345 Ext. 801", GK_SEVERITY_OK, "0311-86012345转801", NULL);

  assert_check (gk_validate_phone, "400-123-4567", GK_SEVERITY_OK, "400-123-4567", NULL);
  assert_check (gk_validate_phone, "86012345", GK_SEVERITY_WARNING, "86012345", "area code");

  assert_check (gk_validate_phone, "800-123-4567", GK_SEVERITY_OK, "800-123-4567", NULL);
  assert_check (gk_validate_phone, "4001234567", GK_SEVERITY_OK, "400-123-4567", NULL);
  /* Mobile numbers start 13 to 19. */
  assert_check (gk_validate_phone, "12012345678", GK_SEVERITY_ERROR, NULL, NULL);
  /* Five or six digits are no landline, mobile or 400 number. */
  assert_check (gk_validate_phone, "12345", GK_SEVERITY_ERROR, NULL, "not a Chinese mobile or landline number");
  assert_check (gk_validate_phone, "95588", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_phone, "123456", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_phone, "12345678901", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_phone, "1380013800", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_phone, "0311-06012345", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_phone, "call me", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_phone, "", GK_SEVERITY_ERROR, NULL, NULL);
}

static void
test_url (void)
{
  assert_check (gk_validate_url, "https://www.sjz.gov.cn/col/1490239468383/index.html", GK_SEVERITY_OK, NULL, NULL);
  assert_check (gk_validate_url, "  http://www.ccgp-hebei.gov.cn/  ", GK_SEVERITY_OK, "http://www.ccgp-hebei.gov.cn/", NULL);
  assert_check (gk_validate_url, "HTTPS://example.org", GK_SEVERITY_OK, NULL, NULL);

  assert_check (gk_validate_url, "www.sjz.gov.cn", GK_SEVERITY_ERROR, NULL, "http://");
  assert_check (gk_validate_url, "ftp://example.org/file", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_url, "javascript://alert(1)", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_url, "http://", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_url, "http://exa mple.org/", GK_SEVERITY_ERROR, NULL, NULL);
  assert_check (gk_validate_url, "", GK_SEVERITY_ERROR, NULL, NULL);
}

static void
test_required (void)
{
  assert_check (gk_validate_required, "区住建局", GK_SEVERITY_OK, "区住建局", NULL);
  assert_check (gk_validate_required, "  区住建局\n", GK_SEVERITY_OK, "区住建局", NULL);
  assert_check (gk_validate_required, "", GK_SEVERITY_ERROR, "", NULL);
  assert_check (gk_validate_required, NULL, GK_SEVERITY_ERROR, "", NULL);
  assert_check (gk_validate_required, " \t\n", GK_SEVERITY_ERROR, "", NULL);
  assert_check (gk_validate_required, "\u3000\u200b", GK_SEVERITY_ERROR, "", NULL);
}

static void
test_kinds (void)
{
  for (GkFieldKind kind = GK_FIELD_TEXT; kind <= GK_FIELD_TABLE; kind++)
    g_assert_cmpint (gk_field_kind_from_string (gk_field_kind_to_string (kind)), ==, kind);
  g_assert_cmpint (gk_field_kind_from_string ("money"), ==, GK_FIELD_MONEY);
  g_assert_cmpint (gk_field_kind_from_string ("Money"), ==, GK_FIELD_KIND_INVALID);
  g_assert_cmpint (gk_field_kind_from_string (NULL), ==, GK_FIELD_KIND_INVALID);

  {
    g_autoptr(GkValidation) check = gk_validate_by_kind (GK_FIELD_USCC, "91110000600037341N");

    g_assert_cmpint (check->severity, ==, GK_SEVERITY_WARNING);
  }
  {
    g_autoptr(GkValidation) check = gk_validate_by_kind (GK_FIELD_TEXT, "  文本 ");

    g_assert_cmpint (check->severity, ==, GK_SEVERITY_OK);
    g_assert_cmpstr (check->normalized, ==, "文本");
  }
}

static void
test_mask (void)
{
  GkMaskPolicy policy;
  char *s;

  /* DOMAIN.md §6 defaults. */
  s = gk_mask_idcard ("11010519491231002X", NULL);
  g_assert_cmpstr (s, ==, "110105********002X");
  g_free (s);
  s = gk_mask_phone ("13812341234", NULL);
  g_assert_cmpstr (s, ==, "138****1234");
  g_free (s);
  s = gk_mask_phone ("138 1234 1234", NULL);
  g_assert_cmpstr (s, ==, "138****1234");
  g_free (s);
  s = gk_mask_phone ("0311-86012345转801", NULL);
  g_assert_cmpstr (s, ==, "0311-****2345");
  g_free (s);

  /* Configurable counts. */
  gk_mask_policy_init_default (&policy);
  policy.idcard_head = 3;
  policy.idcard_tail = 2;
  policy.phone_head = 0;
  policy.mask_char = 0x00D7;  /* × */
  s = gk_mask_idcard ("11010519491231002X", &policy);
  g_assert_cmpstr (s, ==, "110×××××××××××××2X");
  g_free (s);
  s = gk_mask_phone ("13812341234", &policy);
  g_assert_cmpstr (s, ==, "×××××××1234");
  g_free (s);

  /* By kind: names keep their surname; a too-short value is masked whole. */
  s = gk_mask_value (GK_FIELD_TEXT, "张三", NULL);
  g_assert_cmpstr (s, ==, "张*");
  g_free (s);
  s = gk_mask_value (GK_FIELD_TEXT, "欧阳娜娜", NULL);
  g_assert_cmpstr (s, ==, "欧***");
  g_free (s);
  s = gk_mask_value (GK_FIELD_TEXT, "张", NULL);
  g_assert_cmpstr (s, ==, "*");
  g_free (s);
  s = gk_mask_value (GK_FIELD_IDCARD, "11010519491231002X", NULL);
  g_assert_cmpstr (s, ==, "110105********002X");
  g_free (s);
  s = gk_mask_value (GK_FIELD_PHONE, "13812341234", NULL);
  g_assert_cmpstr (s, ==, "138****1234");
  g_free (s);
  s = gk_mask_value (GK_FIELD_USCC, "91110000600037341L", NULL);
  g_assert_cmpstr (s, ==, "******************");
  g_free (s);
  /* An ID number too short to mask partly is masked whole. */
  s = gk_mask_idcard ("1234567890", NULL);
  g_assert_cmpstr (s, ==, "**********");
  g_free (s);
  s = gk_mask_keep ("", 1, 1, '*');
  g_assert_cmpstr (s, ==, "");
  g_free (s);
}

static void
assert_money (const char        *text,
              GkMoneyParseFlags  flags,
              gint64             expected)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -12345;

  if (!gk_money_parse (text, flags, &fen, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpint (fen, ==, expected);
}

static void
assert_money_error (const char        *text,
                    GkMoneyParseFlags  flags,
                    GkMoneyError       code)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 7;

  g_assert_false (gk_money_parse (text, flags, &fen, &error));
  g_assert_error (error, GK_MONEY_ERROR, (int) code);
  g_assert_cmpint (fen, ==, 7);
}

static void
test_money_parse (void)
{
  assert_money ("1234.5", 0, 123450);
  assert_money ("1,234.56", 0, 123456);
  assert_money ("１２３４．５", 0, 123450);
  assert_money ("￥1 234.56", 0, 123456);
  assert_money ("¥1,234", 0, 123400);
  assert_money ("1234元", 0, 123400);
  assert_money ("１，２３４．５６元", 0, 123456);
  assert_money ("0.01", 0, 1);
  assert_money (".5", 0, 50);
  assert_money ("1234.", 0, 123400);
  assert_money ("0", 0, 0);
  assert_money ("-0", 0, 0);
  assert_money ("+12", 0, 1200);
  assert_money ("1,234,567,890.12", 0, 123456789012);
  assert_money ("-12.5", GK_MONEY_PARSE_ALLOW_NEGATIVE, -1250);
  assert_money ("－12.5", GK_MONEY_PARSE_ALLOW_NEGATIVE, -1250);
  assert_money ("92233720368547758.07", 0, G_MAXINT64);
  assert_money ("-92233720368547758.08", GK_MONEY_PARSE_ALLOW_NEGATIVE, G_MININT64);

  assert_money_error ("-12.5", 0, GK_MONEY_ERROR_NEGATIVE);
  assert_money_error ("abc", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("12a", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("1.2.3", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("1e5", 0, GK_MONEY_ERROR_INVALID);
  /* 万元, with or without 元, spaces or full-width digits. */
  assert_money ("35万", 0, 35000000);
  assert_money ("35万元", 0, 35000000);
  assert_money ("35.5 万元", 0, 35500000);
  assert_money ("３５．５万元", 0, 35500000);
  assert_money ("350000元", 0, 35000000);
  assert_money ("0.000001万元", 0, 1);
  assert_money ("1,200万元", 0, 1200000000);
  assert_money_error ("万元", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("三十五万", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("35万万", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("0.0000001万元", 0, GK_MONEY_ERROR_TOO_MANY_DECIMALS);
  assert_money_error ("-3万", 0, GK_MONEY_ERROR_NEGATIVE);
  assert_money_error (".", 0, GK_MONEY_ERROR_INVALID);
  assert_money_error ("--1", GK_MONEY_PARSE_ALLOW_NEGATIVE, GK_MONEY_ERROR_INVALID);
  assert_money_error ("1.234", 0, GK_MONEY_ERROR_TOO_MANY_DECIMALS);
  assert_money_error ("12,34", 0, GK_MONEY_ERROR_GROUPING);
  assert_money_error ("1,2345", 0, GK_MONEY_ERROR_GROUPING);
  assert_money_error (",123", 0, GK_MONEY_ERROR_GROUPING);
  assert_money_error ("", 0, GK_MONEY_ERROR_EMPTY);
  assert_money_error ("  ", 0, GK_MONEY_ERROR_EMPTY);
  assert_money_error ("92233720368547758.08", 0, GK_MONEY_ERROR_OVERFLOW);
  assert_money_error ("99999999999999999999999", 0, GK_MONEY_ERROR_OVERFLOW);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gk_money_parse ("1.234", 0, NULL, &error));
    g_assert_nonnull (strstr (error->message, "fen"));
  }
}

static void
assert_format (char       *formatted,
               const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_money_format (void)
{
  assert_format (gk_money_format_yuan (123456), "1,234.56");
  assert_format (gk_money_format_yuan (0), "0.00");
  assert_format (gk_money_format_yuan (5), "0.05");
  assert_format (gk_money_format_yuan (-123456), "-1,234.56");
  assert_format (gk_money_format_yuan (100000000000), "1,000,000,000.00");
  assert_format (gk_money_format_yuan (99999), "999.99");
  assert_format (gk_money_format_yuan (G_MININT64), "-92,233,720,368,547,758.08");
  assert_format (gk_money_format_yuan_plain (123456789), "1234567.89");

  /* 123456789 分 = 1,234,567.89 元 = 123.456789 万元. */
  assert_format (gk_money_format_wan (123456789, 2, TRUE), "123.46");
  assert_format (gk_money_format_wan (123456789, 4, TRUE), "123.4568");
  assert_format (gk_money_format_wan (123456789, 0, TRUE), "123");
  assert_format (gk_money_format_wan (123456789, 6, TRUE), "123.456789");
  /* Half away from zero. */
  assert_format (gk_money_format_wan (1005000, 2, TRUE), "1.01");
  assert_format (gk_money_format_wan (1004999, 2, TRUE), "1.00");
  assert_format (gk_money_format_wan (-1005000, 2, TRUE), "-1.01");
  assert_format (gk_money_format_wan (1234567890000, 2, TRUE), "1,234,567.89");
  assert_format (gk_money_format_wan (1234567890000, 2, FALSE), "1234567.89");
  assert_format (gk_money_format_wan (0, 2, TRUE), "0.00");
  assert_format (gk_money_format_wan (G_MININT64, 2, FALSE), "-9223372036854.78");
  assert_format (gk_money_format_wan (G_MININT64, 6, FALSE), "-9223372036854.775808");

  assert_format (gk_decimal_format (8950, 2, FALSE), "89.50");
  assert_format (gk_decimal_format (-5, 3, FALSE), "-0.005");

  g_assert_cmpfloat_with_epsilon (gk_money_to_yuan_double (123456), 1234.56, 1e-9);
  g_assert_cmpfloat_with_epsilon (gk_money_to_wan_double (123456789), 123.456789, 1e-9);
}

static void
test_decimal (void)
{
  g_autoptr(GError) error = NULL;
  gint64 v;

  g_assert_true (gk_decimal_parse ("89.5", 2, 0, &v, NULL));
  g_assert_cmpint (v, ==, 8950);
  g_assert_true (gk_decimal_parse ("7", 0, 0, &v, NULL));
  g_assert_cmpint (v, ==, 7);
  g_assert_true (gk_decimal_parse ("1.234567", 6, 0, &v, NULL));
  g_assert_cmpint (v, ==, 1234567);
  g_assert_false (gk_decimal_parse ("1.5", 0, 0, &v, &error));
  g_assert_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS);
}

static void
assert_date (const char *text,
             const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = gk_date_parse_to_iso (text, &error);

  if (parsed == NULL)
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpstr (parsed, ==, iso);
}

static void
assert_date_error (const char  *text,
                   GkDateError  code,
                   const char  *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = gk_date_parse_to_iso (text, &error);

  g_assert_null (parsed);
  g_assert_error (error, GK_DATE_ERROR, (int) code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", text, error->message, message_part);
}

static void
test_date_parse (void)
{
  assert_date ("2025-3-7", "2025-03-07");
  assert_date ("2025-03-07", "2025-03-07");
  assert_date ("2025/03/07", "2025-03-07");
  assert_date ("2025/3/7", "2025-03-07");
  assert_date ("2025.3.7", "2025-03-07");
  assert_date ("20250307", "2025-03-07");
  assert_date ("2025年3月7日", "2025-03-07");
  assert_date ("2025年03月07日", "2025-03-07");
  assert_date ("2025年3月7号", "2025-03-07");
  assert_date ("2025 年 3 月 7 日", "2025-03-07");
  assert_date ("２０２５年３月７日", "2025-03-07");
  assert_date ("２０２５－３－７", "2025-03-07");
  assert_date ("２０２５／０３／０７", "2025-03-07");
  assert_date (" 2025-3-7 ", "2025-03-07");
  assert_date ("2024-02-29", "2024-02-29");
  assert_date ("2000-2-29", "2000-02-29");

  assert_date_error ("2025-02-30", GK_DATE_ERROR_IMPOSSIBLE, "28");
  assert_date_error ("1900-02-29", GK_DATE_ERROR_IMPOSSIBLE, "1900-02-29");
  assert_date_error ("2025-04-31", GK_DATE_ERROR_IMPOSSIBLE, "30");
  assert_date_error ("2025-13-01", GK_DATE_ERROR_IMPOSSIBLE, "13");
  assert_date_error ("2025-00-01", GK_DATE_ERROR_IMPOSSIBLE, NULL);
  assert_date_error ("2025-01-00", GK_DATE_ERROR_IMPOSSIBLE, NULL);
  assert_date_error ("20250230", GK_DATE_ERROR_IMPOSSIBLE, NULL);
  assert_date_error ("2025年2月30日", GK_DATE_ERROR_IMPOSSIBLE, NULL);
  assert_date_error ("25-3-7", GK_DATE_ERROR_INVALID, "2025年3月7日");
  assert_date_error ("2025-3/7", GK_DATE_ERROR_INVALID, NULL);
  assert_date_error ("2025-3-7-1", GK_DATE_ERROR_INVALID, NULL);
  assert_date_error ("2025-003-07", GK_DATE_ERROR_INVALID, NULL);
  assert_date_error ("2025年3月", GK_DATE_ERROR_INVALID, NULL);
  assert_date_error ("3/7/2025", GK_DATE_ERROR_INVALID, NULL);
  assert_date_error ("yesterday", GK_DATE_ERROR_INVALID, NULL);
  assert_date_error ("", GK_DATE_ERROR_EMPTY, NULL);
}

static void
test_date_iso (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  char *s;

  g_date_clear (&date, 1);
  g_assert_true (gk_date_from_iso ("2025-03-07", &date, NULL));
  g_assert_cmpint (g_date_get_year (&date), ==, 2025);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 7);

  s = gk_date_format_iso (&date);
  g_assert_cmpstr (s, ==, "2025-03-07");
  g_free (s);
  s = gk_date_format_chinese (&date);
  g_assert_cmpstr (s, ==, "2025年3月7日");
  g_free (s);
  s = gk_date_iso_to_chinese ("2018-12-25");
  g_assert_cmpstr (s, ==, "2018年12月25日");
  g_free (s);
  g_assert_null (gk_date_iso_to_chinese ("2018-2-5"));

  /* Stored values are exactly YYYY-MM-DD. */
  g_assert_false (gk_date_from_iso ("2025-3-7", &date, &error));
  g_assert_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_date_from_iso ("2025-02-30", &date, &error));
  g_assert_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE);
  g_clear_error (&error);
  g_assert_false (gk_date_from_iso ("2023-02-29", &date, &error));
  g_assert_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE);
  g_clear_error (&error);
  g_assert_false (gk_date_from_iso (" 2024-02-09", &date, &error));
  g_assert_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_date_from_iso ("2024-02-29", &date, &error));
  g_assert_no_error (error);
  g_assert_true (gk_date_from_iso ("2024-02-29", NULL, &error));
  g_assert_no_error (error);

  /* Today is a stored date. */
  s = gk_today ();
  g_assert_true (gk_date_from_iso (s, NULL, &error));
  g_assert_no_error (error);
  g_free (s);
}

static void
assert_datetime (const char *text,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = gk_datetime_parse_to_iso (text, &error);

  if (iso == NULL)
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpstr (iso, ==, expected);
  g_assert_true (gk_datetime_from_iso (iso, NULL, NULL));
}

static void
assert_datetime_error (const char *text,
                       int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gk_datetime_parse_to_iso (text, &error));
  g_assert_error (error, GK_DATE_ERROR, code);
}

static void
test_datetime (void)
{
  gboolean has_time = TRUE;
  g_autofree char *shown = NULL;
  g_autofree char *chinese = NULL;

  assert_datetime ("2026-05-10 09:30", "2026-05-10T09:30");
  assert_datetime ("2026-5-10 9:30", "2026-05-10T09:30");
  assert_datetime ("2026-05-10T09:30", "2026-05-10T09:30");
  assert_datetime ("2026/5/10 9：30", "2026-05-10T09:30");
  assert_datetime ("２０２６年５月１０日９时３０分", "2026-05-10T09:30");
  assert_datetime ("2026年5月10日 9点", "2026-05-10T09:00") ;
  assert_datetime ("2026年5月10日 14:00:30", "2026-05-10T14:00:30");
  assert_datetime ("2026-05-10 09:30:00", "2026-05-10T09:30");

  /* A date alone is not enough where the time of day is the point. */
  assert_datetime_error ("2026-05-10", GK_DATE_ERROR_NO_TIME);
  assert_datetime_error ("2026年5月10日", GK_DATE_ERROR_NO_TIME);
  assert_datetime_error ("2026-05-10 25:00", GK_DATE_ERROR_INVALID);
  assert_datetime_error ("2026-05-10 9:60", GK_DATE_ERROR_INVALID);
  assert_datetime_error ("2026-05-10 上午", GK_DATE_ERROR_INVALID);
  assert_datetime_error ("2026-02-30 09:30", GK_DATE_ERROR_IMPOSSIBLE);
  assert_datetime_error ("", GK_DATE_ERROR_EMPTY);

  /* Stored values: with a time, or a date stored before the field took one. */
  g_assert_true (gk_datetime_from_iso ("2026-05-10T09:30", &has_time, NULL));
  g_assert_true (has_time);
  g_assert_true (gk_datetime_from_iso ("2026-05-10", &has_time, NULL));
  g_assert_false (has_time);
  g_assert_false (gk_datetime_from_iso ("2026-05-10T9:30", NULL, NULL));
  g_assert_false (gk_datetime_from_iso ("2026-05-10 09:30", NULL, NULL));
  g_assert_false (gk_datetime_from_iso ("2026-05-10T24:00", NULL, NULL));

  shown = gk_datetime_iso_to_display ("2026-05-10T09:30");
  g_assert_cmpstr (shown, ==, "2026-05-10 09:30");
  chinese = gk_datetime_iso_to_chinese ("2026-05-10T09:30");
  g_assert_cmpstr (chinese, ==, "2026年5月10日 09:30");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/uscc", test_uscc);
  g_test_add_func ("/validate/idcard", test_idcard);
  g_test_add_func ("/validate/orgcode", test_orgcode);
  g_test_add_func ("/validate/orgcode-check-mapping", test_orgcode_check_mapping);
  g_test_add_func ("/validate/project-code", test_project_code);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/url", test_url);
  g_test_add_func ("/validate/required", test_required);
  g_test_add_func ("/validate/kinds", test_kinds);
  g_test_add_func ("/mask/values", test_mask);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/decimal", test_decimal);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/datetime", test_datetime);
  g_test_add_func ("/date/iso", test_date_iso);

  return g_test_run ();
}
