/* test-calendar.c: the working-day calendar against the official notices and the independent oracle. */
#include "config.h"

#include <string.h>

#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-test-util.h"

static GkCalendar *shipped;

static GDate
date_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!gk_date_from_iso (text, &date, &error))
    g_error ("bad test date %s: %s", text, error->message);
  return date;
}

static void
assert_date_equals (const GDate *date,
                    const char  *expected,
                    const char  *context)
{
  g_autofree char *text = gk_date_format_iso (date);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s: got %s, expected %s", context, text, expected);
}

/* The oracle lives beside the project, not in it; without it those tests skip. */
static char *
oracle_path (const char *name)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");

  if (root == NULL)
    return NULL;
  return g_build_filename (root, "..", "shared", "oracles", "cn-workdays", name, NULL);
}

static char **
read_oracle_lines (const char *name)
{
  g_autofree char *path = oracle_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return g_strsplit (contents, "\n", -1);
}

/* ------------------------------------------------------------------ */

static void
test_shipped_years (void)
{
  g_autoptr(GArray) years = gk_calendar_list_years (shipped);
  const char * const *notices;

  g_assert_cmpuint (years->len, ==, 9);
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autofree char *title = g_strdup_printf ("国务院办公厅关于%d年部分节假日安排的通知", year);

      g_assert_cmpint (year, ==, 2018 + (int) i);
      g_assert_true (gk_calendar_has_year (shipped, year));
      notices = gk_calendar_get_notices (shipped, year);
      g_assert_nonnull (notices);
      g_assert_cmpstr (notices[0], ==, title);
    }

  g_assert_false (gk_calendar_has_year (shipped, 2017));
  g_assert_false (gk_calendar_has_year (shipped, 2027));
  g_assert_null (gk_calendar_get_notices (shipped, 2027));
  g_assert_null (gk_calendar_serialize_year (shipped, 2027));

  /* The amending notices are named too. */
  notices = gk_calendar_get_notices (shipped, 2019);
  g_assert_cmpuint (g_strv_length ((char **) notices), ==, 2);
  g_assert_cmpstr (notices[1], ==, "国务院办公厅关于调整2019年劳动节假期安排的通知");
  notices = gk_calendar_get_notices (shipped, 2020);
  g_assert_cmpuint (g_strv_length ((char **) notices), ==, 2);
  g_assert_cmpstr (notices[1], ==, "国务院办公厅关于延长2020年春节假期的通知");
}

static void
test_notice_days (void)
{
  g_autofree char *text = gk_calendar_serialize_year (shipped, 2019);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *first = NULL;
  const char *last = NULL;
  g_autofree char *previous = NULL;

  /* The 2019 notice starts with the end of December 2018, and its days are
   * written in date order, each day once. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) range = NULL;

      if (!g_str_has_prefix (lines[i], "holiday\t") && !g_str_has_prefix (lines[i], "workday\t"))
        continue;

      if (first == NULL)
        first = lines[i];
      last = lines[i];

      fields = g_strsplit (lines[i], "\t", -1);
      range = g_strsplit (fields[1], "..", 2);
      if (previous != NULL)
        g_assert_cmpstr (previous, <, range[0]);
      g_free (previous);
      previous = g_strdup (range[1] != NULL ? range[1] : range[0]);
    }

  g_assert_cmpstr (first, ==, "workday\t2018-12-29\t元旦");
  g_assert_true (g_str_has_prefix (last, "workday\t2019-10-12\t"));
}

/* Working days per calendar year, from the notices: Mon–Fri less the statutory days. */
static void
test_year_totals (void)
{
  static const struct { int year; int workdays; } totals[] = {
    { 2018, 250 }, { 2019, 250 }, { 2020, 249 }, { 2021, 250 }, { 2022, 249 },
    { 2023, 249 }, { 2024, 251 }, { 2025, 248 }, { 2026, 248 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      GDate from, to, day;
      int missing = -1;
      int count, by_day = 0;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 31, G_DATE_DECEMBER, totals[i].year - 1);
      g_date_set_dmy (&to, 31, G_DATE_DECEMBER, totals[i].year);

      count = gk_calendar_workdays_between (shipped, &from, &to, &missing);
      g_assert_cmpint (count, ==, totals[i].workdays);
      /* The last days of December 2026 wait for the 2027 notice. */
      g_assert_cmpint (missing, ==, totals[i].year == 2026 ? 2027 : 0);

      g_assert_cmpint (gk_calendar_workdays_between (shipped, &to, &from, NULL), ==, -totals[i].workdays);

      for (day = from, g_date_add_days (&day, 1); g_date_compare (&day, &to) <= 0; g_date_add_days (&day, 1))
        by_day += gk_calendar_is_workday (shipped, &day, NULL);
      g_assert_cmpint (by_day, ==, totals[i].workdays);
    }
}

static void
test_spot_days (void)
{
  static const struct { const char *date; gboolean workday; } days[] = {
    { "2018-02-11", TRUE },   /* make-up Sunday */
    { "2018-12-29", TRUE },   /* make-up Saturday set by the 2019 notice */
    { "2018-12-30", FALSE },
    { "2018-12-31", FALSE },  /* a Monday off, set by the 2019 notice */
    { "2019-04-28", TRUE },   /* revised Labour Day */
    { "2019-05-02", FALSE },
    { "2019-05-03", FALSE },
    { "2019-05-05", TRUE },
    { "2020-01-19", TRUE },
    { "2020-01-31", FALSE },  /* extension */
    { "2020-02-01", FALSE },  /* was a make-up Saturday before the extension */
    { "2020-02-03", TRUE },
    { "2022-12-31", FALSE },
    { "2023-01-02", FALSE },
    { "2024-02-09", TRUE },   /* 除夕 2024: only encouraged off */
    { "2024-02-18", TRUE },
    { "2025-01-28", FALSE },
    { "2025-02-08", TRUE },
    { "2026-01-04", TRUE },
    { "2026-02-23", FALSE },
    { "2026-02-28", TRUE },
    { "2026-09-20", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date = date_from_text (days[i].date);
      gboolean known = FALSE;

      if (gk_calendar_is_workday (shipped, &date, &known) != days[i].workday)
        g_error ("%s should %sbe a working day", days[i].date, days[i].workday ? "" : "not ");
      g_assert_true (known);
    }
}

/* Starts on the eve, on the first and inside each holiday block, on make-up
 * days and on weekends, 2018–2026: each worked out by hand from the notices. */
static const struct
{
  const char *start;
  guint       workdays;
  const char *due;
} hand_cases[] = {
  /* 2018 */
  { "2017-12-31", 1, "2018-01-02" },
  { "2018-02-09", 1, "2018-02-11" },
  { "2018-02-14", 1, "2018-02-22" },
  { "2018-02-15", 1, "2018-02-22" },
  { "2018-02-15", 3, "2018-02-24" },
  { "2018-04-04", 1, "2018-04-08" },
  { "2018-04-27", 1, "2018-04-28" },
  { "2018-04-27", 2, "2018-05-02" },
  { "2018-06-15", 1, "2018-06-19" },
  { "2018-09-21", 1, "2018-09-25" },
  { "2018-09-28", 1, "2018-09-29" },
  { "2018-09-28", 3, "2018-10-08" },
  { "2018-10-03", 1, "2018-10-08" },
  /* 2019 */
  { "2018-12-28", 1, "2018-12-29" },
  { "2018-12-28", 2, "2019-01-02" },
  { "2019-02-01", 2, "2019-02-03" },
  { "2019-02-01", 3, "2019-02-11" },
  { "2019-02-04", 1, "2019-02-11" },
  { "2019-04-04", 1, "2019-04-08" },
  { "2019-04-27", 1, "2019-04-28" },
  { "2019-04-30", 1, "2019-05-05" },
  { "2019-04-30", 2, "2019-05-06" },
  { "2019-06-06", 1, "2019-06-10" },
  { "2019-09-12", 1, "2019-09-16" },
  { "2019-09-28", 1, "2019-09-29" },
  { "2019-10-07", 1, "2019-10-08" },
  { "2019-10-11", 1, "2019-10-12" },
  /* 2020, with the Spring Festival extension */
  { "2019-12-31", 1, "2020-01-02" },
  { "2020-01-18", 1, "2020-01-19" },
  { "2020-01-23", 1, "2020-02-03" },
  { "2020-01-30", 1, "2020-02-03" },
  { "2020-01-31", 1, "2020-02-03" },
  { "2020-01-31", 5, "2020-02-07" },
  { "2020-04-03", 1, "2020-04-07" },
  { "2020-04-25", 1, "2020-04-26" },
  { "2020-04-30", 1, "2020-05-06" },
  { "2020-05-08", 1, "2020-05-09" },
  { "2020-06-24", 1, "2020-06-28" },
  { "2020-09-26", 1, "2020-09-27" },
  { "2020-09-30", 1, "2020-10-09" },
  { "2020-09-30", 2, "2020-10-10" },
  /* 2021 */
  { "2020-12-31", 1, "2021-01-04" },
  { "2021-02-06", 1, "2021-02-07" },
  { "2021-02-10", 1, "2021-02-18" },
  { "2021-02-19", 1, "2021-02-20" },
  { "2021-04-02", 1, "2021-04-06" },
  { "2021-04-30", 1, "2021-05-06" },
  { "2021-05-07", 1, "2021-05-08" },
  { "2021-06-11", 1, "2021-06-15" },
  { "2021-09-17", 1, "2021-09-18" },
  { "2021-09-17", 2, "2021-09-22" },
  { "2021-09-30", 1, "2021-10-08" },
  { "2021-09-30", 2, "2021-10-09" },
  /* 2022 */
  { "2021-12-31", 1, "2022-01-04" },
  { "2022-01-28", 1, "2022-01-29" },
  { "2022-01-28", 3, "2022-02-07" },
  { "2022-01-31", 1, "2022-02-07" },
  { "2022-04-01", 1, "2022-04-02" },
  { "2022-04-01", 2, "2022-04-06" },
  { "2022-04-29", 1, "2022-05-05" },
  { "2022-04-29", 3, "2022-05-07" },
  { "2022-06-02", 1, "2022-06-06" },
  { "2022-09-09", 1, "2022-09-13" },
  { "2022-09-30", 1, "2022-10-08" },
  { "2022-10-07", 3, "2022-10-10" },
  /* 2023 */
  { "2022-12-30", 1, "2023-01-03" },
  { "2023-01-20", 1, "2023-01-28" },
  { "2023-01-21", 2, "2023-01-29" },
  { "2023-04-04", 1, "2023-04-06" },
  { "2023-04-22", 1, "2023-04-23" },
  { "2023-04-28", 1, "2023-05-04" },
  { "2023-04-28", 3, "2023-05-06" },
  { "2023-06-21", 1, "2023-06-25" },
  { "2023-09-28", 1, "2023-10-07" },
  { "2023-10-01", 2, "2023-10-08" },
  /* 2024 */
  { "2023-12-29", 1, "2024-01-02" },
  { "2024-02-03", 1, "2024-02-04" },
  { "2024-02-08", 1, "2024-02-09" },
  { "2024-02-09", 1, "2024-02-18" },
  { "2024-02-09", 20, "2024-03-14" },
  { "2024-03-02", 1, "2024-03-04" },
  { "2024-04-03", 1, "2024-04-07" },
  { "2024-04-30", 1, "2024-05-06" },
  { "2024-05-10", 1, "2024-05-11" },
  { "2024-06-07", 1, "2024-06-11" },
  { "2024-09-13", 1, "2024-09-14" },
  { "2024-09-13", 2, "2024-09-18" },
  { "2024-09-28", 2, "2024-09-30" },
  { "2024-09-30", 1, "2024-10-08" },
  /* 2025 */
  { "2024-12-31", 1, "2025-01-02" },
  { "2025-01-25", 1, "2025-01-26" },
  { "2025-01-27", 1, "2025-02-05" },
  { "2025-01-27", 4, "2025-02-08" },
  { "2025-01-27", 20, "2025-03-03" },
  { "2025-04-03", 1, "2025-04-07" },
  { "2025-04-26", 1, "2025-04-27" },
  { "2025-04-30", 1, "2025-05-06" },
  { "2025-05-30", 1, "2025-06-03" },
  { "2025-09-27", 1, "2025-09-28" },
  { "2025-09-30", 1, "2025-10-09" },
  { "2025-09-30", 3, "2025-10-11" },
  /* 2026 */
  { "2025-12-31", 1, "2026-01-04" },
  { "2026-02-13", 1, "2026-02-14" },
  { "2026-02-13", 2, "2026-02-24" },
  { "2026-02-16", 1, "2026-02-24" },
  { "2026-02-27", 1, "2026-02-28" },
  { "2026-04-03", 1, "2026-04-07" },
  { "2026-04-30", 1, "2026-05-06" },
  { "2026-05-08", 1, "2026-05-09" },
  { "2026-06-18", 1, "2026-06-22" },
  { "2026-09-19", 1, "2026-09-20" },
  { "2026-09-24", 1, "2026-09-28" },
  { "2026-09-30", 1, "2026-10-08" },
  { "2026-09-30", 3, "2026-10-10" },
  /* Zero days: the start itself. */
  { "2024-02-10", 0, "2024-02-10" },
};

static void
test_hand_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hand_cases); i++)
    {
      GDate start = date_from_text (hand_cases[i].start);
      GDate due;
      int missing = -1;
      g_autofree char *context = g_strdup_printf ("%s + %u", hand_cases[i].start, hand_cases[i].workdays);

      g_assert_true (gk_calendar_add_workdays (shipped, &start, hand_cases[i].workdays, &due, &missing));
      g_assert_cmpint (missing, ==, 0);
      assert_date_equals (&due, hand_cases[i].due, context);
      g_assert_cmpint (gk_calendar_workdays_between (shipped, &start, &due, NULL), ==, hand_cases[i].workdays);
    }
}

static void
test_oracle_deadlines (void)
{
  g_auto(GStrv) lines = read_oracle_lines ("deadlines.tsv");
  guint cases = 0;

  if (lines == NULL)
    {
      g_test_skip ("the cn-workdays oracle is not beside the source tree");
      return;
    }

  g_assert_cmpstr (lines[0], ==, "start\tworkdays\tdue");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      GDate start, due;
      guint64 n;
      int missing = -1;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      start = date_from_text (fields[0]);
      g_assert_true (g_ascii_string_to_unsigned (fields[1], 10, 0, 1000, &n, NULL));

      g_assert_true (gk_calendar_add_workdays (shipped, &start, n, &due, &missing));
      g_assert_cmpint (missing, ==, 0);
      assert_date_equals (&due, fields[2], lines[i]);
      g_assert_cmpint (gk_calendar_workdays_between (shipped, &start, &due, NULL), ==, (int) n);
      cases++;
    }

  g_assert_cmpuint (cases, ==, 236);
}

/* Every date of 2018–2026 against the oracle's list of special days. */
static void
test_oracle_days (void)
{
  g_autoptr(GHashTable) special = g_hash_table_new (NULL, NULL);
  GDate day, last;
  guint checked = 0;

  for (int year = 2018; year <= 2026; year++)
    {
      g_autofree char *name = g_strdup_printf ("%d.tsv", year);
      g_auto(GStrv) lines = read_oracle_lines (name);

      if (lines == NULL)
        {
          g_test_skip ("the cn-workdays oracle is not beside the source tree");
          return;
        }

      g_assert_cmpstr (lines[0], ==, "date\tkind\tname");
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;
          GDate date;

          if (*lines[i] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", -1);
          date = date_from_text (fields[0]);
          g_assert_true (g_str_equal (fields[1], "holiday") || g_str_equal (fields[1], "workday"));
          g_hash_table_insert (special, GUINT_TO_POINTER (g_date_get_julian (&date)),
                               GINT_TO_POINTER (g_str_equal (fields[1], "workday") ? 2 : 1));
        }
    }

  day = date_from_text ("2018-01-01");
  last = date_from_text ("2026-12-31");
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      int kind = GPOINTER_TO_INT (g_hash_table_lookup (special, GUINT_TO_POINTER (g_date_get_julian (&day))));
      gboolean expected = kind == 2 || (kind == 0 && g_date_get_weekday (&day) <= G_DATE_FRIDAY);
      gboolean known = FALSE;

      if (gk_calendar_is_workday (shipped, &day, &known) != expected)
        {
          g_autofree char *text = gk_date_format_iso (&day);
          g_error ("%s: the oracle says %s", text, expected ? "working day" : "day off");
        }
      /* Only the last week of 2026 waits for a later notice. */
      g_assert_cmpint (known, ==, !(g_date_get_year (&day) == 2026 &&
                                    g_date_get_month (&day) == G_DATE_DECEMBER &&
                                    g_date_get_day (&day) >= GK_CALENDAR_DECEMBER_TAIL_DAY));
      checked++;
    }

  g_assert_cmpuint (checked, ==, 3287);
}

static void
test_unknown_years (void)
{
  g_autoptr(GkCalendar) empty = gk_calendar_new ();
  GDate date, due;
  gboolean known = TRUE;
  int missing = 0;

  /* 2027: a Monday is a guess, never trusted. */
  date = date_from_text ("2027-01-04");
  g_assert_true (gk_calendar_is_workday (shipped, &date, &known));
  g_assert_false (known);
  /* 元旦 is a fixed-date holiday (全国年节及纪念日放假办法): a Friday off
   * even without the notice, and still a guess. */
  date = date_from_text ("2027-01-01");
  g_assert_false (gk_calendar_is_workday (shipped, &date, &known));
  g_assert_false (known);

  date = date_from_text ("2026-12-30");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 3, &due, &missing));
  g_assert_cmpint (missing, ==, 2027);
  assert_date_equals (&due, "2027-01-05", "over 元旦 2027, a guess");

  /* 国庆节 1–3 October: Thu 2027-09-30 + 3 skips Fri 10-01 and the weekend. */
  date = date_from_text ("2027-09-30");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 3, &due, &missing));
  assert_date_equals (&due, "2027-10-06", "over 国庆节 2027, a guess");
  /* 劳动节 1 and 2 May (from 2025): Fri 2028-04-28 + 1 skips Mon and Tue. */
  date = date_from_text ("2028-04-28");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 1, &due, &missing));
  g_assert_cmpint (missing, ==, 2028);
  assert_date_equals (&due, "2028-05-03", "over 劳动节 2028, a guess");

  date = date_from_text ("2027-03-01");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 20, &due, &missing));
  g_assert_cmpint (missing, ==, 2027);
  assert_date_equals (&due, "2027-03-29", "Mon–Fri guess in 2027");

  /* The end of December 2026 can still be moved by the 2027 notice. */
  date = date_from_text ("2026-12-24");
  gk_calendar_is_workday (shipped, &date, &known);
  g_assert_true (known);
  date = date_from_text ("2026-12-25");
  gk_calendar_is_workday (shipped, &date, &known);
  g_assert_false (known);
  date = date_from_text ("2026-12-01");
  g_assert_true (gk_calendar_add_workdays (shipped, &date, 10, &due, &missing));
  g_assert_cmpint (missing, ==, 0);
  assert_date_equals (&due, "2026-12-15", "before the December tail");
  date = date_from_text ("2026-12-20");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 5, &due, &missing));
  g_assert_cmpint (missing, ==, 2027);
  assert_date_equals (&due, "2026-12-25", "into the December tail");

  /* 2017: days before the first notice. */
  date = date_from_text ("2017-12-20");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 1, &due, &missing));
  g_assert_cmpint (missing, ==, 2017);
  assert_date_equals (&due, "2017-12-21", "Mon–Fri guess in 2017");
  date = date_from_text ("2017-12-29");
  g_assert_false (gk_calendar_add_workdays (shipped, &date, 1, &due, &missing));
  g_assert_cmpint (missing, ==, 2017);
  assert_date_equals (&due, "2018-01-02", "out of 2017 over 元旦 2018");
  /* The start day does not count, so a start on 31 December 2017 is fine. */
  date = date_from_text ("2017-12-31");
  g_assert_true (gk_calendar_add_workdays (shipped, &date, 1, &due, &missing));
  g_assert_cmpint (missing, ==, 0);

  {
    GDate from = date_from_text ("2017-06-01");
    GDate to = date_from_text ("2028-01-10");

    gk_calendar_workdays_between (shipped, &from, &to, &missing);
    g_assert_cmpint (missing, ==, 2017);
    from = date_from_text ("2024-01-01");
    gk_calendar_workdays_between (shipped, &from, &to, &missing);
    g_assert_cmpint (missing, ==, 2027);
    gk_calendar_workdays_between (shipped, &to, &from, &missing);
    g_assert_cmpint (missing, ==, 2027);
  }

  /* An empty calendar knows nothing but still counts the plain week. */
  date = date_from_text ("2024-02-09");
  g_assert_false (gk_calendar_add_workdays (empty, &date, 1, &due, &missing));
  g_assert_cmpint (missing, ==, 2024);
  assert_date_equals (&due, "2024-02-12", "plain week");

  {
    g_autofree char *text = gk_calendar_describe_missing_year (2027);
    g_assert_cmpstr (text, ==, "Calendar for 2027 missing");
  }
}

static void
test_consistency (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240210);

  for (guint i = 0; i < 20000; i++)
    {
      GDate start = date_from_text ("2018-01-01");
      GDate due, previous;
      guint n = g_rand_int_range (rand, 0, 61);
      int missing;

      g_date_add_days (&start, g_rand_int_range (rand, 0, 3100));
      gk_calendar_add_workdays (shipped, &start, n, &due, &missing);
      g_assert_cmpint (gk_calendar_workdays_between (shipped, &start, &due, NULL), ==, n);
      g_assert_cmpint (gk_calendar_workdays_between (shipped, &due, &start, NULL), ==, -(int) n);
      if (n > 0)
        {
          /* The due date is a working day, and the day before it is still short of n. */
          g_assert_true (gk_calendar_is_workday (shipped, &due, NULL));
          previous = due;
          g_date_subtract_days (&previous, 1);
          g_assert_cmpint (gk_calendar_workdays_between (shipped, &start, &previous, NULL), ==, n - 1);
        }

      /* The result may be written over the start. */
      gk_calendar_add_workdays (shipped, &start, n, &start, NULL);
      g_assert_cmpint (g_date_compare (&start, &due), ==, 0);
    }
}

static void
test_parse_errors (void)
{
  static const struct { const char *text; int code; const char *message; } cases[] = {
    { "", GK_CALENDAR_ERROR_INVALID, "no “year” line" },
    { "# only a comment\n", GK_CALENDAR_ERROR_INVALID, "no “year” line" },
    { "holiday 2024-01-01\n", GK_CALENDAR_ERROR_PARSE, "Line 1:" },
    { "year 24\n", GK_CALENDAR_ERROR_PARSE, "Line 1:" },
    { "year 2024\nnotice N\nholiday 2024-02-30 春节\n", GK_CALENDAR_ERROR_PARSE, "Line 3:" },
    { "year 2024\nnotice N\n\nholiday 2024/02/10\n", GK_CALENDAR_ERROR_PARSE, "Line 4:" },
    { "year 2024\nnotice N\nholiday\n", GK_CALENDAR_ERROR_PARSE, "Line 3:" },
    { "year 2024\nnotice N\nholiday 2024-02-17..2024-02-10\n", GK_CALENDAR_ERROR_PARSE, "Line 3:" },
    { "year 2024\nnotice N\nholiday 2024-02-10..\n", GK_CALENDAR_ERROR_PARSE, "Line 3:" },
    { "year 2024\nnotice N\nfeiertag 2024-02-10\n", GK_CALENDAR_ERROR_PARSE, "Line 3:" },
    { "year 2024\nnotice\n", GK_CALENDAR_ERROR_PARSE, "Line 2:" },
    { "year 2024\nnotice N\nholiday 2024-02-10..2024-02-17\nworkday 2024-02-11\n", GK_CALENDAR_ERROR_INVALID, "Line 4:" },
    { "year 2024\nnotice N\nholiday 2023-11-30\n", GK_CALENDAR_ERROR_INVALID, "Line 3:" },
    { "year 2024\nnotice N\nholiday 2025-01-01\n", GK_CALENDAR_ERROR_INVALID, "Line 3:" },
    { "year 2024\nholiday 2024-01-01\n", GK_CALENDAR_ERROR_INVALID, "no “notice” line" },
    { "year 2024\nnotice N\nyear 2024\nnotice M\n", GK_CALENDAR_ERROR_INVALID, "Line 3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GkCalendar) calendar = gk_calendar_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (gk_calendar_load_data (calendar, cases[i].text, &error));
      g_assert_error (error, GK_CALENDAR_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].message);
      /* Nothing of a rejected file is used. */
      g_assert_false (gk_calendar_has_year (calendar, 2024));
    }
}

/* Lines as clerks copy them from a notice, in the calendar's own format. */
static void
test_day_lines (void)
{
  static const struct { const char *line; const char *expected; } good[] = {
    { "2027-02-06..2027-02-13 春节", "2027-02-06..2027-02-13\t春节" },
    { "2027-02-06至2027-02-13 春节", "2027-02-06..2027-02-13\t春节" },
    { "2027-02-06~2027-02-13\t春节", "2027-02-06..2027-02-13\t春节" },
    { "2027-02-06～2027-02-13 春节", "2027-02-06..2027-02-13\t春节" },
    { "2027-02-06—2027-02-13 春节", "2027-02-06..2027-02-13\t春节" },
    { "2027年2月6日至13日 春节", "2027-02-06..2027-02-13\t春节" },
    { "2027年2月6日 至 13日 春节", "2027-02-06..2027-02-13\t春节" },
    { "2027年4月30日至5月4日 劳动节", "2027-04-30..2027-05-04\t劳动节" },
    { "2026年12月31日至2027年1月1日 元旦", "2026-12-31..2027-01-01\t元旦" },
    { "2027-2-14 春节", "2027-02-14\t春节" },
    { "2027年2月14日", "2027-02-14" },
  };
  static const struct { const char *line; const char *message; } bad[] = {
    { "", "No date" },
    { "春节 2027-02-06", "2027年2月6日" },
    { "2027-02-13至2027-02-06 春节", "before it begins" },
    { "2027年2月6日至32日 春节", "2027年2月6日" },
    { "2028-01-02 元旦", "December 2026 to December 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = gk_calendar_normalize_day_line (good[i].line, 2027, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = gk_calendar_normalize_day_line (bad[i].line, 2027, &error);

      g_assert_null (line);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s”: “%s” does not mention “%s”", bad[i].line, error->message, bad[i].message);
      /* The clerk is told how to write a date, not a pattern. */
      g_assert_null (strstr (error->message, "YYYY"));
    }
}

/* December asks for next year's notice, January for this year's. */
static void
test_year_to_enter (void)
{
  g_autoptr(GkCalendar) calendar = gk_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate day = gk_test_date ("2030-12-01");

  g_assert_true (gk_calendar_load_data (calendar, "year 2030\nnotice N\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_calendar_get_year_to_enter (calendar, &day), ==, 2031);
  day = gk_test_date ("2030-11-30");
  g_assert_cmpint (gk_calendar_get_year_to_enter (calendar, &day), ==, 0);
  day = gk_test_date ("2031-01-15");
  g_assert_cmpint (gk_calendar_get_year_to_enter (calendar, &day), ==, 2031);
  day = gk_test_date ("2030-01-15");
  g_assert_cmpint (gk_calendar_get_year_to_enter (calendar, &day), ==, 0);
  g_assert_true (gk_calendar_load_data (calendar, "year 2031\nnotice N\n", &error));
  day = gk_test_date ("2030-12-01");
  g_assert_cmpint (gk_calendar_get_year_to_enter (calendar, &day), ==, 0);
}

static void
on_changed_cb (GkCalendar *calendar,
               guint      *count)
{
  (*count)++;
}

static void
test_format_flexibility (void)
{
  g_autoptr(GkCalendar) calendar = gk_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text_2030 = NULL;
  g_autofree char *text_2031 = NULL;

  /* Spaces or tabs, CRLF line ends, indented comments, several years, a name with spaces. */
  g_assert_true (gk_calendar_load_data (calendar,
                                        "  # exported\r\n"
                                        "year   2030\r\n"
                                        "notice\t国务院办公厅关于2030年部分节假日安排的通知\r\n"
                                        "holiday 2029-12-31..2030-01-01   元旦 (New Year)\r\n"
                                        "\r\n"
                                        "year\t2031\n"
                                        "notice\tN 2031\n"
                                        "workday\t2031-01-04\n",
                                        &error));
  g_assert_no_error (error);
  g_assert_true (gk_calendar_has_year (calendar, 2030));
  g_assert_true (gk_calendar_has_year (calendar, 2031));
  g_assert_false (gk_calendar_has_year (calendar, 2029));

  /* The range, the name with its spaces, and a day without a name. */
  text_2030 = gk_calendar_serialize_year (calendar, 2030);
  g_assert_cmpstr (text_2030, ==, "year\t2030\n"
                                  "notice\t国务院办公厅关于2030年部分节假日安排的通知\n"
                                  "holiday\t2029-12-31..2030-01-01\t元旦 (New Year)\n");
  text_2031 = gk_calendar_serialize_year (calendar, 2031);
  g_assert_cmpstr (text_2031, ==, "year\t2031\nnotice\tN 2031\nworkday\t2031-01-04\n");
}

static void
test_override (void)
{
  g_autoptr(GkCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *notices;
  GDate date, due;
  guint changed = 0;
  int missing;

  calendar = gk_calendar_new_default (&error);
  g_assert_no_error (error);
  g_signal_connect (calendar, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* The clerk's 2024 replaces the shipped one as a whole. */
  g_assert_true (gk_calendar_load_data (calendar,
                                        "year 2024\n"
                                        "notice 本区补充通知\n"
                                        "holiday 2024-02-09 除夕\n",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  notices = gk_calendar_get_notices (calendar, 2024);
  g_assert_cmpstr (notices[0], ==, "本区补充通知");
  g_assert_null (notices[1]);
  date = date_from_text ("2024-02-09");
  g_assert_false (gk_calendar_is_workday (calendar, &date, NULL));
  date = date_from_text ("2024-02-12");
  g_assert_true (gk_calendar_is_workday (calendar, &date, NULL));  /* shipped block gone */
  date = date_from_text ("2023-10-07");
  g_assert_true (gk_calendar_is_workday (calendar, &date, NULL));  /* other years untouched */

  /* A bad file changes nothing and emits nothing. */
  g_assert_false (gk_calendar_load_data (calendar, "year 2024\nnotice X\nholiday nope\n", &error));
  g_assert_error (error, GK_CALENDAR_ERROR, GK_CALENDAR_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 1);
  notices = gk_calendar_get_notices (calendar, 2024);
  g_assert_cmpstr (notices[0], ==, "本区补充通知");

  /* Entering the 2027 notice makes 2027 known, and with it the end of 2026;
   * the 2027 notice has the last word on the December days it sets. */
  g_assert_true (gk_calendar_load_data (calendar,
                                        "year 2027\n"
                                        "notice 国务院办公厅关于2027年部分节假日安排的通知\n"
                                        "holiday 2026-12-31..2027-01-01 元旦\n"
                                        "workday 2026-12-26 元旦\n",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  date = date_from_text ("2026-12-30");
  g_assert_true (gk_calendar_add_workdays (calendar, &date, 1, &due, &missing));
  g_assert_cmpint (missing, ==, 0);
  assert_date_equals (&due, "2027-01-04", "over a user-entered 元旦 2027");
  date = date_from_text ("2026-12-26");
  g_assert_true (gk_calendar_is_workday (calendar, &date, NULL));
}

static void
test_serialize (void)
{
  g_autofree char *text = NULL;

  text = gk_calendar_serialize_year (shipped, 2024);
  g_assert_cmpstr (text, ==,
                   "year\t2024\n"
                   "notice\t国务院办公厅关于2024年部分节假日安排的通知\n"
                   "holiday\t2024-01-01\t元旦\n"
                   "workday\t2024-02-04\t春节\n"
                   "holiday\t2024-02-10..2024-02-17\t春节\n"
                   "workday\t2024-02-18\t春节\n"
                   "holiday\t2024-04-04..2024-04-06\t清明节\n"
                   "workday\t2024-04-07\t清明节\n"
                   "workday\t2024-04-28\t劳动节\n"
                   "holiday\t2024-05-01..2024-05-05\t劳动节\n"
                   "workday\t2024-05-11\t劳动节\n"
                   "holiday\t2024-06-10\t端午节\n"
                   "workday\t2024-09-14\t中秋节\n"
                   "holiday\t2024-09-15..2024-09-17\t中秋节\n"
                   "workday\t2024-09-29\t国庆节\n"
                   "holiday\t2024-10-01..2024-10-07\t国庆节\n"
                   "workday\t2024-10-12\t国庆节\n");

  /* Every shipped year survives a round trip through its own text. */
  for (int year = 2018; year <= 2026; year++)
    {
      g_autoptr(GkCalendar) copy = gk_calendar_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *serialized = gk_calendar_serialize_year (shipped, year);
      g_autofree char *again = NULL;

      g_assert_true (gk_calendar_load_data (copy, serialized, &error));
      g_assert_no_error (error);
      again = gk_calendar_serialize_year (copy, year);
      g_assert_cmpstr (again, ==, serialized);
      g_assert_cmpstrv ((char **) gk_calendar_get_notices (copy, year),
                        (char **) gk_calendar_get_notices (shipped, year));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  gk_core_init ();
  shipped = gk_calendar_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/calendar/shipped/years", test_shipped_years);
  g_test_add_func ("/calendar/shipped/notice-days", test_notice_days);
  g_test_add_func ("/calendar/shipped/year-totals", test_year_totals);
  g_test_add_func ("/calendar/shipped/spot-days", test_spot_days);
  g_test_add_func ("/calendar/shipped/holiday-blocks", test_hand_cases);
  g_test_add_func ("/calendar/oracle/deadlines", test_oracle_deadlines);
  g_test_add_func ("/calendar/oracle/every-day", test_oracle_days);
  g_test_add_func ("/calendar/unknown-years", test_unknown_years);
  g_test_add_func ("/calendar/consistency", test_consistency);
  g_test_add_func ("/calendar/format/errors", test_parse_errors);
  g_test_add_func ("/calendar/format/flexible", test_format_flexibility);
  g_test_add_func ("/calendar/format/serialize", test_serialize);
  g_test_add_func ("/calendar/format/day-lines", test_day_lines);
  g_test_add_func ("/calendar/year-to-enter", test_year_to_enter);
  g_test_add_func ("/calendar/override", test_override);

  status = g_test_run ();
  g_clear_object (&shipped);
  return status;
}
