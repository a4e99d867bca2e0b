/* test-deadline.c: deadline rules and record timeliness on the shipped calendar. */
#include "config.h"

#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-deadline.h"
#include "gk-test-util.h"

static GkCalendar *calendar;

/* ------------------------------------------------------------------ */
/* Rules                                                              */

static void
test_rule_parse (void)
{
  static const struct { const char *text; GkDeadlineKind kind; guint workdays; const char *canonical; } good[] = {
    { "proactive", GK_DEADLINE_PROACTIVE, 20, "proactive" },
    { "decision", GK_DEADLINE_DECISION, 7, "decision" },
    { "workdays:15", GK_DEADLINE_CUSTOM, 15, "workdays:15" },
    { " workdays:1 ", GK_DEADLINE_CUSTOM, 1, "workdays:1" },
    { "workdays:250", GK_DEADLINE_CUSTOM, 250, "workdays:250" },
    { "days:3", GK_DEADLINE_DAYS, 3, "days:3" },
    { "days:3  from:report_date period:3", GK_DEADLINE_DAYS, 3, "days:3 from:report_date period:3" },
    { "decision from:approval_date proactive-when:approval_type=备案", GK_DEADLINE_DECISION, 7,
      "decision from:approval_date proactive-when:approval_type=备案" },
  };
  static const char *bad[] = {
    "", "Proactive", "proactive:20", "workdays:", "workdays:0", "workdays:-1",
    "workdays:abc", "workdays:15x", "workdays:251", "workdays: 15", "days:0", "days:367",
    "from:decision_date", "decision from:", "decision from:决定日期", "decision period:0",
    "decision proactive-when:approval_type", "decision proactive-when:=备案", "decision soon",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GkDeadlineRule rule;

      g_assert_true (gk_deadline_rule_parse (good[i].text, &rule, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rule.kind, ==, good[i].kind);
      g_assert_cmpuint (gk_deadline_rule_get_workdays (&rule), ==, good[i].workdays);
      text = gk_deadline_rule_to_string (&rule);
      g_assert_cmpstr (text, ==, good[i].canonical);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GkDeadlineRule rule;

      if (gk_deadline_rule_parse (bad[i], &rule, &error))
        g_error ("“%s” was accepted as a rule", bad[i]);
      g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_RULE);
    }

  /* The law fixes the counts of the named rules, whatever the struct says. */
  {
    GkDeadlineRule rule = { GK_DEADLINE_PROACTIVE, 3 };

    g_assert_cmpuint (gk_deadline_rule_get_workdays (&rule), ==, 20);
  }
  {
    GkDeadlineRule rule = { GK_DEADLINE_DECISION, 30 };

    g_assert_cmpuint (gk_deadline_rule_get_workdays (&rule), ==, 7);
  }
}

static void
test_rule_due (void)
{
  static const struct { const char *rule; const char *start; const char *due; } cases[] = {
    /* Formed the day before 除夕 2024; 02-09 works, the block is skipped, 02-18 works. */
    { "proactive", "2024-02-08", "2024-03-13" },
    /* A decision on the eve of National Day 2024: 10-12 is a make-up Saturday. */
    { "decision", "2024-09-30", "2024-10-15" },
    /* A decision on a holiday: counting starts after it anyway. */
    { "decision", "2025-10-03", "2025-10-16" },
    { "workdays:15", "2020-01-23", "2020-02-21" },
    { "workdays:1", "2019-04-30", "2019-05-05" },
    /* 招标投标法实施条例 第五十四条, 3日: calendar days, the last one moved
     * past a rest day (民法典 第二百零三条). Thu 03-06 + 3 = Sun 03-09 -> Mon. */
    { "days:3 from:report_date", "2025-03-06", "2025-03-10" },
    /* Tue + 3 = Fri: nothing to move. */
    { "days:3", "2025-03-04", "2025-03-07" },
    /* Sun 09-28 + 3 = Wed 10-01, in the National Day holiday (10-01..10-08). */
    { "days:3", "2025-09-28", "2025-10-09" },
    /* Tue 2025-09-30 + 3 = Fri 10-03: the holiday again; Sat 10-11 would be a make-up day but Thu 10-09 comes first. */
    { "days:3", "2025-09-30", "2025-10-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GkDeadlineRule rule;
      GDate start = gk_test_date (cases[i].start);
      GDate due;
      int missing = -1;

      g_assert_true (gk_deadline_rule_parse (cases[i].rule, &rule, NULL));
      g_assert_true (gk_deadline_rule_compute_due (&rule, calendar, &start, &due, &missing));
      g_assert_cmpint (missing, ==, 0);
      gk_test_assert_date (&due, cases[i].due);
    }
}

/* A year without its notice still gives a date, and says so. */
static void
test_rule_days_unknown_year (void)
{
  GkDeadlineRule rule;
  GDate start = gk_test_date ("2027-03-04");
  GDate due;
  int missing = 0;

  g_assert_true (gk_deadline_rule_parse ("days:3", &rule, NULL));
  g_assert_false (gk_deadline_rule_compute_due (&rule, calendar, &start, &due, &missing));
  g_assert_cmpint (missing, ==, 2027);
  gk_test_assert_date (&due, "2027-03-08");
}

/* 公示期不得少于3日: both ends count, as a notice announces them. */
static void
test_rule_period (void)
{
  GkDeadlineRule rule;
  GDate first = gk_test_date ("2025-03-07");
  GDate two = gk_test_date ("2025-03-08");
  GDate three = gk_test_date ("2025-03-09");

  g_assert_true (gk_deadline_rule_parse ("days:3 from:report_date period:3", &rule, NULL));
  g_assert_cmpuint (rule.period_days, ==, 3);
  g_assert_false (gk_deadline_rule_check_period (&rule, &first, &two));
  g_assert_true (gk_deadline_rule_check_period (&rule, &first, &three));
  g_assert_false (gk_deadline_rule_check_period (&rule, &three, &first));

  g_assert_true (gk_deadline_rule_parse ("days:3", &rule, NULL));
  g_assert_true (gk_deadline_rule_check_period (&rule, &first, &first));
}

/* ------------------------------------------------------------------ */
/* Timeliness                                                         */

static void
test_timeliness (void)
{
  static const struct
  {
    const char   *due;
    const char   *published;
    const char   *today;
    guint         due_soon;
    GkTimeliness  status;
    int           workdays;
  } cases[] = {
    /* Due Wednesday 2024-03-13. */
    { "2024-03-13", "2024-03-13", "2024-04-01", 3, GK_TIMELINESS_ON_TIME, 0 },
    { "2024-03-13", "2024-03-01", "2024-03-02", 3, GK_TIMELINESS_ON_TIME, 0 },
    { "2024-03-13", "2024-03-14", "2024-04-01", 3, GK_TIMELINESS_LATE, 1 },
    { "2024-03-13", "2024-03-20", "2024-04-01", 3, GK_TIMELINESS_LATE, 5 },
    /* Published on a Saturday: as late as the Monday after. */
    { "2024-03-13", "2024-03-16", "2024-04-01", 3, GK_TIMELINESS_LATE, 3 },
    { "2024-03-13", NULL, "2024-03-14", 3, GK_TIMELINESS_OVERDUE, 1 },
    { "2024-03-13", NULL, "2024-03-25", 3, GK_TIMELINESS_OVERDUE, 8 },
    { "2024-03-13", NULL, "2024-03-13", 3, GK_TIMELINESS_DUE_SOON, 0 },
    { "2024-03-13", NULL, "2024-03-08", 3, GK_TIMELINESS_DUE_SOON, 3 },
    { "2024-03-13", NULL, "2024-03-09", 3, GK_TIMELINESS_DUE_SOON, 3 },
    { "2024-03-13", NULL, "2024-03-07", 3, GK_TIMELINESS_NOT_DUE, 4 },
    { "2024-03-13", NULL, "2024-03-08", 0, GK_TIMELINESS_NOT_DUE, 3 },
    { "2024-03-13", NULL, "2024-03-13", 0, GK_TIMELINESS_DUE_SOON, 0 },
    { "2024-03-13", NULL, "2024-03-06", 5, GK_TIMELINESS_DUE_SOON, 5 },
    /* Due on the working 除夕 2024, then a week off. */
    { "2024-02-09", NULL, "2024-02-10", 3, GK_TIMELINESS_OVERDUE, 1 },
    { "2024-02-09", NULL, "2024-02-17", 3, GK_TIMELINESS_OVERDUE, 1 },
    { "2024-02-09", NULL, "2024-02-18", 3, GK_TIMELINESS_OVERDUE, 1 },
    { "2024-02-09", NULL, "2024-02-19", 3, GK_TIMELINESS_OVERDUE, 2 },
    { "2024-02-09", "2024-02-19", "2024-03-01", 3, GK_TIMELINESS_LATE, 2 },
    /* Due on the make-up Sunday after it: only two working days away on 02-08. */
    { "2024-02-18", NULL, "2024-02-08", 3, GK_TIMELINESS_DUE_SOON, 2 },
    { "2024-02-18", NULL, "2024-02-07", 3, GK_TIMELINESS_DUE_SOON, 3 },
    { "2024-02-18", NULL, "2024-02-06", 3, GK_TIMELINESS_NOT_DUE, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate due = gk_test_date (cases[i].due);
      GDate published;
      GDate today = gk_test_date (cases[i].today);
      GkTimelinessInfo info;
      GkTimeliness status;

      if (cases[i].published != NULL)
        published = gk_test_date (cases[i].published);

      status = gk_deadline_get_timeliness (calendar, &due,
                                           cases[i].published != NULL ? &published : NULL,
                                           &today, cases[i].due_soon, &info);
      if (status != cases[i].status || info.workdays != cases[i].workdays)
        g_error ("case %u (due %s, published %s, today %s): got %d/%d, expected %d/%d", i,
                 cases[i].due, cases[i].published, cases[i].today,
                 status, info.workdays, cases[i].status, cases[i].workdays);
      g_assert_cmpint (info.status, ==, status);
      g_assert_cmpint (info.missing_year, ==, 0);
    }
}

static void
test_timeliness_missing_year (void)
{
  GkDeadlineRule rule = { GK_DEADLINE_PROACTIVE, 0 };
  GkTimelinessInfo info;
  GDate start = gk_test_date ("2026-12-01");
  GDate today = gk_test_date ("2026-12-01");
  GDate due;
  int missing = 0;
  g_autofree char *described = NULL;

  /* Counting reaches the end of December 2026, which the 2027 notice may still move. */
  g_assert_false (gk_deadline_rule_compute_due (&rule, calendar, &start, &due, &missing));
  gk_test_assert_date (&due, "2026-12-29");
  g_assert_cmpint (missing, ==, 2027);
  g_assert_cmpint (gk_deadline_get_timeliness (calendar, &due, NULL, &today,
                                               GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &info),
                   ==, GK_TIMELINESS_NOT_DUE);
  g_assert_cmpint (info.workdays, ==, 20);
  g_assert_cmpint (info.missing_year, ==, 2027);
  described = gk_timeliness_info_describe (&info);
  g_assert_cmpstr (described, ==, "Due in 20 working days (Calendar for 2027 missing)");

  /* A due date well inside 2026 is trusted. */
  start = gk_test_date ("2026-10-09");
  today = gk_test_date ("2026-11-20");
  missing = 0;
  g_assert_true (gk_deadline_rule_compute_due (&rule, calendar, &start, &due, &missing));
  gk_test_assert_date (&due, "2026-11-05");
  g_assert_cmpint (missing, ==, 0);
  g_assert_cmpint (gk_deadline_get_timeliness (calendar, &due, NULL, &today, 3, &info),
                   ==, GK_TIMELINESS_OVERDUE);
  g_assert_cmpint (info.workdays, ==, 11);
  g_assert_cmpint (info.missing_year, ==, 0);

  /* Published in 2027: late, on a guessed count. */
  {
    GDate due_date = gk_test_date ("2026-12-15");
    GDate published = gk_test_date ("2027-01-05");

    g_assert_cmpint (gk_deadline_get_timeliness (calendar, &due_date, &published, &published, 3, &info),
                     ==, GK_TIMELINESS_LATE);
    g_assert_cmpint (info.missing_year, ==, 2027);
  }
}

static void
test_timeliness_strings (void)
{
  static const struct { GkTimelinessInfo info; const char *text; } cases[] = {
    { { GK_TIMELINESS_NOT_DUE, 5, 0 }, "Due in 5 working days" },
    { { GK_TIMELINESS_DUE_SOON, 1, 0 }, "Due in 1 working day" },
    { { GK_TIMELINESS_DUE_SOON, 0, 0 }, "Due today" },
    { { GK_TIMELINESS_OVERDUE, 2, 0 }, "Overdue by 2 working days" },
    { { GK_TIMELINESS_ON_TIME, 0, 0 }, "Published on time" },
    { { GK_TIMELINESS_LATE, 1, 0 }, "Published 1 working day late" },
    { { GK_TIMELINESS_LATE, 3, 2017 }, "Published 3 working days late (Calendar for 2017 missing)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gk_timeliness_info_describe (&cases[i].info);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_true (G_TYPE_IS_ENUM (GK_TYPE_TIMELINESS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  gk_core_init ();
  calendar = gk_calendar_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/deadline/rule/parse", test_rule_parse);
  g_test_add_func ("/deadline/rule/due", test_rule_due);
  g_test_add_func ("/deadline/rule/days-unknown-year", test_rule_days_unknown_year);
  g_test_add_func ("/deadline/rule/period", test_rule_period);
  g_test_add_func ("/deadline/timeliness/status", test_timeliness);
  g_test_add_func ("/deadline/timeliness/missing-year", test_timeliness_missing_year);
  g_test_add_func ("/deadline/timeliness/strings", test_timeliness_strings);

  status = g_test_run ();
  g_clear_object (&calendar);
  return status;
}
