/* gk-money.c: exact amounts of money in integer 分 (fen), parsed from 元 and formatted in 元 or 万元. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-money.h"
#include "gk-validate.h"

G_DEFINE_QUARK (gk-money-error-quark, gk_money_error)

#define MAX_DECIMALS 6

static const gint64 powers_of_ten[] = {
  1, 10, 100, 1000, 10000, 100000, 1000000,
};

/* Currency signs and the 元 suffix are decoration; spaces, including the
 * thin and no-break spaces of copied spreadsheets, group digits. */
static char *
strip_decoration (const char *text)
{
  g_autofree char *folded = gk_fold_full_width (text);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        continue;
      if (c == 0xFFE5 || c == 0x00A5)  /* ￥ ¥ */
        continue;
      if (c == 0x2212 || c == 0xFE63)  /* − ﹣ */
        c = '-';
      g_string_append_unichar (out, c);
    }

  if (g_str_has_suffix (out->str, "元"))
    g_string_truncate (out, out->len - strlen ("元"));
  if (g_str_has_prefix (out->str, "RMB"))
    g_string_erase (out, 0, 3);

  return g_string_free (out, FALSE);
}

/* Commas must separate groups of three: "12,34" is more likely a mistyped
 * decimal point than 1234, so it is refused rather than guessed. */
static gboolean
check_grouping (const char *integer_part,
                gsize       len)
{
  gsize group = 0;
  gboolean seen_comma = FALSE;

  for (gsize i = len; i > 0; i--)
    {
      if (integer_part[i - 1] == ',')
        {
          if (group != 3)
            return FALSE;
          group = 0;
          seen_comma = TRUE;
        }
      else
        group++;
    }

  return !seen_comma || (group >= 1 && group <= 3);
}

gboolean
gk_decimal_parse (const char         *text,
                  guint               decimals,
                  GkMoneyParseFlags   flags,
                  gint64             *out_scaled,
                  GError            **error)
{
  g_autofree char *s = NULL;
  const char *p;
  const char *int_start;
  gsize int_len;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint n_decimals = 0;
  guint n_digits = 0;

  g_return_val_if_fail (decimals <= MAX_DECIMALS, FALSE);

  s = strip_decoration (text);
  p = s;

  if (*p == '\0')
    {
      g_set_error_literal (error, GK_MONEY_ERROR, GK_MONEY_ERROR_EMPTY, _("No number was entered"));
      return FALSE;
    }

  if (*p == '-' || *p == '+')
    {
      negative = *p == '-';
      p++;
    }

  int_start = p;
  while (g_ascii_isdigit (*p) || *p == ',')
    p++;
  int_len = p - int_start;

  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (p[n_decimals]))
        n_decimals++;
      p += n_decimals;
    }

  for (gsize i = 0; i < int_len; i++)
    if (g_ascii_isdigit (int_start[i]))
      n_digits++;

  if (*p != '\0' || n_digits + n_decimals == 0)
    {
      g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_INVALID,
                   _("“%s” is not a number: type digits, e.g. 1234.56"), text);
      return FALSE;
    }

  if (!check_grouping (int_start, int_len))
    {
      g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_GROUPING,
                   _("“%s”: commas must separate groups of three digits"), text);
      return FALSE;
    }

  if (n_decimals > decimals)
    {
      if (decimals == 0)
        g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS,
                     _("“%s”: enter a whole number"), text);
      else
        g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "“%s” has more than %u decimal",
                                  "“%s” has more than %u decimals",
                                  decimals),
                     text, decimals);
      return FALSE;
    }

  /* Accumulate every digit, then pad the missing decimals with zeros. */
  {
    const char *frac = int_start + int_len + (n_decimals > 0 || int_start[int_len] == '.' ? 1 : 0);
    guint64 limit = (guint64) G_MAXINT64 + (negative ? 1 : 0);

    for (gsize i = 0; i < int_len + decimals; i++)
      {
        guint digit;

        if (i < int_len)
          {
            if (int_start[i] == ',')
              continue;
            digit = (guint) (int_start[i] - '0');
          }
        else
          {
            gsize k = i - int_len;

            digit = k < n_decimals ? (guint) (frac[k] - '0') : 0;
          }

        if (value > (limit - digit) / 10)
          {
            g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_OVERFLOW,
                         _("“%s” is too large"), text);
            return FALSE;
          }
        value = value * 10 + digit;
      }
  }

  if (negative && value != 0 && !(flags & GK_MONEY_PARSE_ALLOW_NEGATIVE))
    {
      g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_NEGATIVE,
                   _("“%s”: the amount cannot be negative"), text);
      return FALSE;
    }

  if (out_scaled != NULL)
    {
      if (negative)
        *out_scaled = value == (guint64) G_MAXINT64 + 1 ? G_MININT64 : -(gint64) value;
      else
        *out_scaled = (gint64) value;
    }

  return TRUE;
}

static void
append_grouped (GString *out,
                guint64  value,
                gboolean group)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (group && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
gk_decimal_format (gint64   scaled,
                   guint    decimals,
                   gboolean group_thousands)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude;
  guint64 unit;

  g_return_val_if_fail (decimals <= MAX_DECIMALS, NULL);

  /* Negate in unsigned arithmetic: -G_MININT64 does not fit a gint64. */
  magnitude = scaled < 0 ? (guint64) 0 - (guint64) scaled : (guint64) scaled;
  unit = (guint64) powers_of_ten[decimals];

  if (scaled < 0)
    g_string_append_c (out, '-');
  append_grouped (out, magnitude / unit, group_thousands);
  if (decimals > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % unit);

  return g_string_free (out, FALSE);
}

gboolean
gk_money_parse (const char         *text,
                GkMoneyParseFlags   flags,
                gint64             *out_fen,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *plain = strip_decoration (text);

  if (g_str_has_suffix (plain, "万"))
    {
      /* "35万", "35.5 万元": 1 万元 is 10^6 分, so the amount in 万元 read
       * with six decimals is the amount in 分. */
      plain[strlen (plain) - strlen ("万")] = '\0';
      if (gk_decimal_parse (plain, 6, flags, out_fen, &local_error))
        return TRUE;
      if (local_error->code == GK_MONEY_ERROR_TOO_MANY_DECIMALS)
        g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS,
                     _("“%s” has more than six decimals: amounts in 万元 are counted to the fen (0.000001 万元)"), text);
      else if (local_error->code == GK_MONEY_ERROR_EMPTY || local_error->code == GK_MONEY_ERROR_INVALID)
        g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_INVALID,
                     _("“%s” is not an amount: type e.g. 350000, 350000元 or 35万元"), text);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (gk_decimal_parse (text, 2, flags, out_fen, &local_error))
    return TRUE;

  /* Say "fen" rather than "2 decimals": that is the clerk's own word. */
  if (g_error_matches (local_error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS))
    {
      g_set_error (error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS,
                   _("“%s” has more than two decimals: amounts are counted to the fen (0.01 yuan)"), text);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
gk_money_format_yuan (gint64 fen)
{
  return gk_decimal_format (fen, 2, TRUE);
}

char *
gk_money_format_yuan_plain (gint64 fen)
{
  return gk_decimal_format (fen, 2, FALSE);
}

char *
gk_money_format_wan (gint64   fen,
                     guint    decimals,
                     gboolean group_thousands)
{
  guint64 magnitude;
  guint64 divisor;
  guint64 rounded;
  gint64 scaled;

  g_return_val_if_fail (decimals <= MAX_DECIMALS, NULL);

  /* 1 万元 = 10^6 分: keep @decimals of them, rounding half away from zero. */
  magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
  divisor = (guint64) powers_of_ten[MAX_DECIMALS - decimals];
  if (divisor == 1)
    return gk_decimal_format (fen, decimals, group_thousands);
  rounded = magnitude / divisor + (magnitude % divisor * 2 >= divisor ? 1 : 0);

  /* Divided by at least 10, the rounded value always fits. */
  scaled = fen < 0 ? -(gint64) rounded : (gint64) rounded;
  return gk_decimal_format (scaled, decimals, group_thousands);
}

double
gk_money_to_yuan_double (gint64 fen)
{
  return (double) fen / GK_FEN_PER_YUAN;
}

double
gk_money_to_wan_double (gint64 fen)
{
  return (double) fen / GK_FEN_PER_WAN;
}
