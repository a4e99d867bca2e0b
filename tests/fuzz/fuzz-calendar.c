/* fuzz-calendar.c: working-day calendar files (as in data/calendar/), then working days over what loaded. */
#include "fuzz-common.h"
#include "gk-calendar.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_string (data, size, FALSE);
  g_autoptr(GkCalendar) calendar = gk_calendar_new ();
  g_autoptr(GArray) years = NULL;

  if (!gk_calendar_load_data (calendar, text, NULL))
    return 0;

  years = gk_calendar_list_years (calendar);
  for (guint i = 0; i < years->len; i++)
    {
      GDate start, end;
      int year = g_array_index (years, int, i);

      if (!g_date_valid_year (year) || year > 9000)
        continue;
      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
      gk_calendar_add_workdays (calendar, &start, 40, &end, NULL);
    }
  return 0;
}
