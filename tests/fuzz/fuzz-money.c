/* fuzz-money.c: amounts in 元 and decimals as typed, to integers without floating point. */
#include "fuzz-common.h"
#include "gk-money.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  GkMoneyParseFlags flags;
  guint decimals;
  gint64 value = 0;

  if (size < 1)
    return 0;
  /* The first byte picks the decimals and the flags. */
  decimals = data[0] % 7;
  flags = (data[0] >> 4) & GK_MONEY_PARSE_ALLOW_NEGATIVE;
  text = fuzz_input_string (data + 1, size - 1, TRUE);
  if (text == NULL)
    return 0;

  if (gk_money_parse (text, flags, &value, NULL))
    {
      g_autofree char *yuan = gk_money_format_yuan (value);
      g_autofree char *plain = gk_money_format_yuan_plain (value);
      gint64 again = 0;

      /* What parses prints back to the same amount. */
      g_assert_true (gk_money_parse (plain, flags, &again, NULL));
      g_assert_cmpint (again, ==, value);
      g_assert_true (gk_money_parse (yuan, flags, &again, NULL));
      g_assert_cmpint (again, ==, value);
    }

  if (gk_decimal_parse (text, decimals, flags, &value, NULL))
    {
      g_autofree char *formatted = gk_decimal_format (value, decimals, TRUE);
      gint64 again = 0;

      g_assert_true (gk_decimal_parse (formatted, decimals, flags, &again, NULL));
      g_assert_cmpint (again, ==, value);
    }
  return 0;
}
