/* fuzz-money.c: amounts in 元 and decimals as typed, to integers without floating point. */
#include "fuzz-common.h"
#include "gk-money.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  guint decimals;
  gint64 value = 0;

  if (size < 1)
    return 0;
  /* The first byte picks the decimals and the flags. */
  decimals = data[0] % 7;
  text = fuzz_input_string (data + 1, size - 1, TRUE);
  if (text == NULL)
    return 0;

  if (gk_money_parse (text, data[0] >> 4, &value, NULL))
    {
      g_autofree char *yuan = gk_money_format_yuan (value);
      g_autofree char *plain = gk_money_format_yuan_plain (value);
      gint64 again = 0;

      /* What parses prints back to the same amount. */
      g_assert_true (gk_money_parse (plain, 0, &again, NULL));
      g_assert_cmpint (again, ==, value);
      g_assert_true (gk_money_parse (yuan, 0, &again, NULL));
      g_assert_cmpint (again, ==, value);
    }

  if (gk_decimal_parse (text, decimals, data[0] >> 4, &value, NULL))
    {
      g_autofree char *formatted = gk_decimal_format (value, decimals, TRUE);
      gint64 again = 0;

      g_assert_true (gk_decimal_parse (formatted, decimals, 0, &again, NULL));
      g_assert_cmpint (again, ==, value);
    }
  return 0;
}
