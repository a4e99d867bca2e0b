/* test-deadline.c: deadline rules, record timeliness and request reply deadlines on the shipped calendar. */
#include "config.h"

#include <string.h>

#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-deadline.h"

static GkCalendar *calendar;

static GDate
d (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!gk_date_from_iso (text, &date, &error))
    g_error ("bad test date %s: %s", text, error->message);
  return date;
}

static void
assert_date_equals (const GDate *date,
                    const char  *expected)
{
  g_autofree char *text = NULL;

  if (!g_date_valid (date))
    g_error ("got no date, expected %s", expected);
  text = gk_date_format_iso (date);
  g_assert_cmpstr (text, ==, expected);
}

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
  };
  static const char *bad[] = {
    "", "Proactive", "proactive:20", "workdays:", "workdays:0", "workdays:-1",
    "workdays:abc", "workdays:15x", "workdays:251", "workdays: 15", "days:15",
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
    g_autofree char *described = gk_deadline_rule_describe (&rule);

    g_assert_cmpuint (gk_deadline_rule_get_workdays (&rule), ==, 20);
    g_assert_nonnull (strstr (described, "20 working days"));
  }
  {
    GkDeadlineRule rule = { GK_DEADLINE_CUSTOM, 1 };
    g_autofree char *described = gk_deadline_rule_describe (&rule);

    g_assert_cmpstr (described, ==, "Within 1 working day of the start date");
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GkDeadlineRule rule;
      GDate start = d (cases[i].start);
      GDate due;
      int missing = -1;

      g_assert_true (gk_deadline_rule_parse (cases[i].rule, &rule, NULL));
      g_assert_true (gk_deadline_rule_compute_due (&rule, calendar, &start, &due, &missing));
      g_assert_cmpint (missing, ==, 0);
      assert_date_equals (&due, cases[i].due);
    }
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
      GDate due = d (cases[i].due);
      GDate published;
      GDate today = d (cases[i].today);
      GkTimelinessInfo info;
      GkTimeliness status;

      if (cases[i].published != NULL)
        published = d (cases[i].published);

      status = gk_deadline_get_timeliness (calendar, &due,
                                           cases[i].published != NULL ? &published : NULL,
                                           &today, cases[i].due_soon, &info);
      if (status != cases[i].status || info.workdays != cases[i].workdays)
        g_error ("case %u (due %s, published %s, today %s): got %s/%d, expected %s/%d", i,
                 cases[i].due, cases[i].published, cases[i].today,
                 gk_timeliness_to_string (status), info.workdays,
                 gk_timeliness_to_string (cases[i].status), cases[i].workdays);
      g_assert_cmpint (info.status, ==, status);
      g_assert_cmpint (info.missing_year, ==, 0);
    }
}

static void
test_timeliness_missing_year (void)
{
  GkDeadlineRule rule = { GK_DEADLINE_PROACTIVE, 0 };
  GkTimelinessInfo info;
  GDate start = d ("2026-12-01");
  GDate today = d ("2026-12-01");
  GDate due;
  g_autofree char *described = NULL;

  /* Counting reaches the end of December 2026, which the 2027 notice may still move. */
  g_assert_cmpint (gk_deadline_rule_evaluate (&rule, calendar, &start, NULL, &today,
                                              GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &due, &info),
                   ==, GK_TIMELINESS_NOT_DUE);
  assert_date_equals (&due, "2026-12-29");
  g_assert_cmpint (info.workdays, ==, 20);
  g_assert_cmpint (info.missing_year, ==, 2027);
  described = gk_timeliness_info_describe (&info);
  g_assert_cmpstr (described, ==, "Due in 20 working days (Calendar for 2027 missing)");

  /* A due date well inside 2026 is trusted. */
  start = d ("2026-10-09");
  today = d ("2026-11-20");
  g_assert_cmpint (gk_deadline_rule_evaluate (&rule, calendar, &start, NULL, &today, 3, &due, &info),
                   ==, GK_TIMELINESS_OVERDUE);
  assert_date_equals (&due, "2026-11-05");
  g_assert_cmpint (info.workdays, ==, 11);
  g_assert_cmpint (info.missing_year, ==, 0);

  /* Published in 2027: late, on a guessed count. */
  {
    GDate due_date = d ("2026-12-15");
    GDate published = d ("2027-01-05");

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

  g_assert_cmpstr (gk_timeliness_to_string (GK_TIMELINESS_NOT_DUE), ==, "Not yet due");
  g_assert_cmpstr (gk_timeliness_to_string (GK_TIMELINESS_DUE_SOON), ==, "Due soon");
  g_assert_cmpstr (gk_timeliness_to_string (GK_TIMELINESS_OVERDUE), ==, "Overdue");
  g_assert_cmpstr (gk_timeliness_to_string (GK_TIMELINESS_ON_TIME), ==, "Published on time");
  g_assert_cmpstr (gk_timeliness_to_string (GK_TIMELINESS_LATE), ==, "Published late");

  g_assert_nonnull (gk_request_state_to_string (GK_REQUEST_STATE_AWAITING_CORRECTION));
  g_assert_true (G_TYPE_IS_ENUM (GK_TYPE_TIMELINESS));
  g_assert_true (G_TYPE_IS_FLAGS (GK_TYPE_REQUEST_FLAGS));
}

/* ------------------------------------------------------------------ */
/* Requests                                                           */

static GkRequestEvent
event (GkRequestEventKind  kind,
       const char         *start,
       const char         *end,
       guint               workdays)
{
  GkRequestEvent e;

  memset (&e, 0, sizeof e);
  e.kind = kind;
  g_date_clear (&e.start, 1);
  g_date_clear (&e.end, 1);
  if (start != NULL)
    e.start = d (start);
  if (end != NULL)
    e.end = d (end);
  e.workdays = workdays;
  return e;
}

static GkRequestDeadline
compute (const char     *received,
         GkRequestEvent *events,
         gsize           n_events)
{
  g_autoptr(GError) error = NULL;
  GkRequestDeadline deadline;
  GDate received_date = d (received);

  g_assert_true (gk_request_deadline_compute (calendar, &received_date, events, n_events, &deadline, &error));
  g_assert_no_error (error);
  return deadline;
}

static void
test_request_plain (void)
{
  GkRequestDeadline deadline;

  deadline = compute ("2024-03-01", NULL, 0);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_NONE);
  assert_date_equals (&deadline.period_start, "2024-03-01");
  assert_date_equals (&deadline.due, "2024-03-29");
  assert_date_equals (&deadline.correction_notice_due, "2024-03-12");
  g_assert_cmpuint (deadline.paused_workdays, ==, 0);
  g_assert_cmpint (deadline.missing_year, ==, 0);

  /* Over National Day 2024 and both its make-up days. */
  deadline = compute ("2024-09-20", NULL, 0);
  assert_date_equals (&deadline.due, "2024-10-23");

  /* Received on the last working days of 2026: the reply falls in 2027. */
  deadline = compute ("2026-12-10", NULL, 0);
  g_assert_cmpint (deadline.missing_year, ==, 2027);
}

static void
test_request_extension (void)
{
  GkRequestEvent events[1];
  GkRequestDeadline deadline;

  /* The full 20 days more: the 40th working day is the make-up Sunday 2024-04-28. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-20", NULL, 20);
  deadline = compute ("2024-03-01", events, 1);
  assert_date_equals (&deadline.due, "2024-04-28");
  g_assert_cmpuint (deadline.extension_workdays, ==, 20);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_NONE);

  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-20", NULL, 10);
  deadline = compute ("2024-03-01", events, 1);
  assert_date_equals (&deadline.due, "2024-04-15");

  /* Told on the due date itself: still in time. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-29", NULL, 10);
  deadline = compute ("2024-03-01", events, 1);
  assert_date_equals (&deadline.due, "2024-04-15");

  /* Told after the due date: it extends nothing. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-04-01", NULL, 20);
  deadline = compute ("2024-03-01", events, 1);
  assert_date_equals (&deadline.due, "2024-03-29");
  g_assert_cmpuint (deadline.extension_workdays, ==, 0);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_LATE_EXTENSION);
}

static void
test_request_correction (void)
{
  GkRequestEvent events[2];
  GkRequestDeadline deadline;

  /* Notice on the 7th working day; the period restarts from the corrected application. */
  events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-12", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);
  assert_date_equals (&deadline.period_start, "2024-03-20");
  assert_date_equals (&deadline.due, "2024-04-18");
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_NONE);

  /* Still waiting for the corrected application: the clock is stopped. */
  events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-05", NULL, 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_AWAITING_CORRECTION);
  g_assert_false (g_date_valid (&deadline.due));

  /* Sent on the 8th working day: too late to restart anything. */
  events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-13", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_LATE_CORRECTION);
  assert_date_equals (&deadline.period_start, "2024-03-01");
  assert_date_equals (&deadline.due, "2024-03-29");

  /* Received just before Spring Festival 2025: the notice window spans the block. */
  events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2025-02-07", "2025-02-17", 0);
  deadline = compute ("2025-01-24", events, 1);
  assert_date_equals (&deadline.correction_notice_due, "2025-02-10");
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_NONE);
  assert_date_equals (&deadline.due, "2025-03-17");

  /* Events in the order they were entered, not necessarily by date. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-04-10", NULL, 5);
  events[1] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-05", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 2);
  assert_date_equals (&deadline.due, "2024-04-25");
}

static void
test_request_consultation (void)
{
  GkRequestEvent events[2];
  GkRequestDeadline deadline;

  /* Letter Monday 03-11, answer Friday 03-15: four working days do not count. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-03-15", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpuint (deadline.paused_workdays, ==, 4);
  assert_date_equals (&deadline.due, "2024-04-07");
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);

  /* No answer yet: the full 15 working days are assumed. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", NULL, 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_CONSULTING);
  g_assert_cmpuint (deadline.paused_workdays, ==, 15);
  assert_date_equals (&deadline.due, "2024-04-22");

  /* An answer after 15 working days pauses only 15. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-04-10", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_CONSULTATION_CAPPED);
  g_assert_cmpuint (deadline.paused_workdays, ==, 15);
  assert_date_equals (&deadline.due, "2024-04-22");

  /* A third party and another agency at once: overlapping time pauses once. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-03-15", 0);
  events[1] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-13", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 2);
  g_assert_cmpuint (deadline.paused_workdays, ==, 7);
  assert_date_equals (&deadline.due, "2024-04-10");

  /* Two separate consultations add up. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-18", "2024-03-19", 0);
  events[1] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-05", "2024-03-06", 0);
  deadline = compute ("2024-03-01", events, 2);
  g_assert_cmpuint (deadline.paused_workdays, ==, 2);
  assert_date_equals (&deadline.due, "2024-04-02");

  /* Sent on the last day: the reply is due the day the answer arrives. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-29", "2024-04-02", 0);
  deadline = compute ("2024-03-01", events, 1);
  assert_date_equals (&deadline.due, "2024-04-02");

  /* Sent after the due date: it pauses nothing. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-04-01", "2024-04-03", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_LATE_CONSULTATION);
  g_assert_cmpuint (deadline.paused_workdays, ==, 0);
  assert_date_equals (&deadline.due, "2024-03-29");
}

static void
test_request_combined (void)
{
  GkRequestEvent events[3];
  GkRequestDeadline deadline;

  /* Correction, then a consultation, then a 15-day extension, across the
   * Qingming and Labour Day blocks of 2024 and three make-up days. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-04-15", NULL, 15);
  events[1] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-25", "2024-03-27", 0);
  events[2] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-05", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 3);
  assert_date_equals (&deadline.period_start, "2024-03-20");
  g_assert_cmpuint (deadline.paused_workdays, ==, 2);
  g_assert_cmpuint (deadline.extension_workdays, ==, 15);
  assert_date_equals (&deadline.due, "2024-05-14");

  /* Without the extension. */
  deadline = compute ("2024-03-01", events + 1, 2);
  assert_date_equals (&deadline.due, "2024-04-22");
}

static void
test_request_errors (void)
{
  static const struct { GkRequestEventKind kind; const char *start; const char *end; guint workdays; } single[] = {
    { GK_REQUEST_EVENT_EXTENSION, "2024-03-05", NULL, 21 },
    { GK_REQUEST_EVENT_EXTENSION, "2024-03-05", NULL, 0 },
    { GK_REQUEST_EVENT_CONSULTATION, "2024-02-28", "2024-03-04", 0 },   /* before receipt */
    { GK_REQUEST_EVENT_CONSULTATION, "2024-03-06", "2024-03-04", 0 },   /* ends before it begins */
    { GK_REQUEST_EVENT_CONSULTATION, NULL, NULL, 0 },                   /* no date */
  };
  GkRequestEvent events[2];
  GDate received = d ("2024-03-01");
  GkRequestDeadline deadline;

  for (guint i = 0; i < G_N_ELEMENTS (single); i++)
    {
      g_autoptr(GError) error = NULL;

      events[0] = event (single[i].kind, single[i].start, single[i].end, single[i].workdays);
      g_assert_false (gk_request_deadline_compute (calendar, &received, events, 1, &deadline, &error));
      g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT);
    }

  {
    g_autoptr(GError) error = NULL;

    events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-05", NULL, 5);
    events[1] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-06", NULL, 5);
    g_assert_false (gk_request_deadline_compute (calendar, &received, events, 2, &deadline, &error));
    g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT);
  }
  {
    g_autoptr(GError) error = NULL;

    events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-05", "2024-03-08", 0);
    events[1] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-11", "2024-03-12", 0);
    g_assert_false (gk_request_deadline_compute (calendar, &received, events, 2, &deadline, &error));
    g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT);
  }
  {
    g_autoptr(GError) error = NULL;

    /* Consulting on an application that was still being corrected. */
    events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-05", "2024-03-20", 0);
    events[1] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-15", "2024-03-22", 0);
    g_assert_false (gk_request_deadline_compute (calendar, &received, events, 2, &deadline, &error));
    g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT);
  }
}

static void
test_request_timeliness (void)
{
  GkRequestEvent events[1];
  GkRequestDeadline deadline;
  GkTimelinessInfo info;
  GDate replied = d ("2024-04-08");
  GDate today = d ("2024-04-08");

  /* The consultation moved the deadline to 04-07: a reply on 04-08 is a day late. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-03-15", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (gk_deadline_get_timeliness (calendar, &deadline.due, &replied, &today, 3, &info),
                   ==, GK_TIMELINESS_LATE);
  g_assert_cmpint (info.workdays, ==, 1);
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
  g_test_add_func ("/deadline/timeliness/status", test_timeliness);
  g_test_add_func ("/deadline/timeliness/missing-year", test_timeliness_missing_year);
  g_test_add_func ("/deadline/timeliness/strings", test_timeliness_strings);
  g_test_add_func ("/deadline/request/plain", test_request_plain);
  g_test_add_func ("/deadline/request/extension", test_request_extension);
  g_test_add_func ("/deadline/request/correction", test_request_correction);
  g_test_add_func ("/deadline/request/consultation", test_request_consultation);
  g_test_add_func ("/deadline/request/combined", test_request_combined);
  g_test_add_func ("/deadline/request/errors", test_request_errors);
  g_test_add_func ("/deadline/request/timeliness", test_request_timeliness);

  status = g_test_run ();
  g_clear_object (&calendar);
  return status;
}
