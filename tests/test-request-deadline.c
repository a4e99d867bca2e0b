/* test-request-deadline.c: the reply deadlines of requests on the shipped calendar. */
#include "config.h"

#include <string.h>

#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-request-deadline.h"
#include "gk-test-util.h"

static GkCalendar *calendar;

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
    e.start = gk_test_date (start);
  if (end != NULL)
    e.end = gk_test_date (end);
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
  GDate received_date = gk_test_date (received);

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
  gk_test_assert_date (&deadline.period_start, "2024-03-01");
  gk_test_assert_date (&deadline.due, "2024-03-29");
  gk_test_assert_date (&deadline.correction_notice_due, "2024-03-12");
  g_assert_cmpuint (deadline.paused_workdays, ==, 0);
  g_assert_cmpint (deadline.missing_year, ==, 0);

  /* Over National Day 2024 and both its make-up days. */
  deadline = compute ("2024-09-20", NULL, 0);
  gk_test_assert_date (&deadline.due, "2024-10-23");

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
  gk_test_assert_date (&deadline.due, "2024-04-28");
  g_assert_cmpuint (deadline.extension_workdays, ==, 20);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_NONE);

  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-20", NULL, 10);
  deadline = compute ("2024-03-01", events, 1);
  gk_test_assert_date (&deadline.due, "2024-04-15");

  /* Told on the due date itself: still in time. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-03-29", NULL, 10);
  deadline = compute ("2024-03-01", events, 1);
  gk_test_assert_date (&deadline.due, "2024-04-15");

  /* Told after the due date: it extends nothing. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-04-01", NULL, 20);
  deadline = compute ("2024-03-01", events, 1);
  gk_test_assert_date (&deadline.due, "2024-03-29");
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
  gk_test_assert_date (&deadline.period_start, "2024-03-20");
  gk_test_assert_date (&deadline.due, "2024-04-18");
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
  gk_test_assert_date (&deadline.period_start, "2024-03-01");
  gk_test_assert_date (&deadline.due, "2024-03-29");

  /* Received just before Spring Festival 2025: the notice window spans the block. */
  events[0] = event (GK_REQUEST_EVENT_CORRECTION, "2025-02-07", "2025-02-17", 0);
  deadline = compute ("2025-01-24", events, 1);
  gk_test_assert_date (&deadline.correction_notice_due, "2025-02-10");
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_NONE);
  gk_test_assert_date (&deadline.due, "2025-03-17");

  /* Events in the order they were entered, not necessarily by date. */
  events[0] = event (GK_REQUEST_EVENT_EXTENSION, "2024-04-10", NULL, 5);
  events[1] = event (GK_REQUEST_EVENT_CORRECTION, "2024-03-05", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 2);
  gk_test_assert_date (&deadline.due, "2024-04-25");
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
  gk_test_assert_date (&deadline.due, "2024-04-07");
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);

  /* No answer yet: the full 15 working days are assumed. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", NULL, 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_CONSULTING);
  g_assert_cmpuint (deadline.paused_workdays, ==, 15);
  gk_test_assert_date (&deadline.due, "2024-04-22");

  /* An answer after 15 working days pauses only 15. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-04-10", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_CONSULTATION_CAPPED);
  g_assert_cmpuint (deadline.paused_workdays, ==, 15);
  gk_test_assert_date (&deadline.due, "2024-04-22");

  /* A third party and another agency at once: overlapping time pauses once. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-03-15", 0);
  events[1] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-13", "2024-03-20", 0);
  deadline = compute ("2024-03-01", events, 2);
  g_assert_cmpuint (deadline.paused_workdays, ==, 7);
  gk_test_assert_date (&deadline.due, "2024-04-10");

  /* Two separate consultations add up. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-18", "2024-03-19", 0);
  events[1] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-05", "2024-03-06", 0);
  deadline = compute ("2024-03-01", events, 2);
  g_assert_cmpuint (deadline.paused_workdays, ==, 2);
  gk_test_assert_date (&deadline.due, "2024-04-02");

  /* Sent on the last day: the reply is due the day the answer arrives. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-29", "2024-04-02", 0);
  deadline = compute ("2024-03-01", events, 1);
  gk_test_assert_date (&deadline.due, "2024-04-02");

  /* Sent after the due date: it pauses nothing. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-04-01", "2024-04-03", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (deadline.flags, ==, GK_REQUEST_FLAG_LATE_CONSULTATION);
  g_assert_cmpuint (deadline.paused_workdays, ==, 0);
  gk_test_assert_date (&deadline.due, "2024-03-29");
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
  gk_test_assert_date (&deadline.period_start, "2024-03-20");
  g_assert_cmpuint (deadline.paused_workdays, ==, 2);
  g_assert_cmpuint (deadline.extension_workdays, ==, 15);
  gk_test_assert_date (&deadline.due, "2024-05-14");

  /* Without the extension. */
  deadline = compute ("2024-03-01", events + 1, 2);
  gk_test_assert_date (&deadline.due, "2024-04-22");
}

/* 国办函〔2020〕109号: the days from the fee notice to the payment are not
 * counted; unpaid for 20 working days, the request is abandoned. */
static void
test_request_fee (void)
{
  GkRequestEvent paid[] = { event (GK_REQUEST_EVENT_FEE, "2025-03-05", "2025-03-12", 0) };
  GkRequestEvent unpaid[] = { event (GK_REQUEST_EVENT_FEE, "2025-03-05", NULL, 0) };
  GkRequestEvent late[] = { event (GK_REQUEST_EVENT_FEE, "2025-03-05", "2025-04-03", 0) };
  GkRequestDeadline deadline;
  GDate day;

  /* Received Mon 03-03: due 03-31 without the fee. Paused 03-06..03-12,
   * five working days: 04-01, 02, 03, (Qingming 04-04 off), 04-07, 04-08. */
  deadline = compute ("2025-03-03", paid, G_N_ELEMENTS (paid));
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_RUNNING);
  g_assert_cmpuint (deadline.paused_workdays, ==, 5);
  gk_test_assert_date (&deadline.payment_due, "2025-04-02");
  gk_test_assert_date (&deadline.due, "2025-04-08");

  /* Unpaid: the clock stands; the 20th working day after the notice is 04-02. */
  deadline = compute ("2025-03-03", unpaid, G_N_ELEMENTS (unpaid));
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_AWAITING_PAYMENT);
  g_assert_false (g_date_valid (&deadline.due));
  gk_test_assert_date (&deadline.payment_due, "2025-04-02");
  day = gk_test_date ("2025-04-02");
  g_assert_false (gk_request_deadline_is_abandoned (&deadline, &day));
  day = gk_test_date ("2025-04-03");
  g_assert_true (gk_request_deadline_is_abandoned (&deadline, &day));

  /* Paid after the window: abandoned all the same, nothing due. */
  deadline = compute ("2025-03-03", late, G_N_ELEMENTS (late));
  g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_ABANDONED);
  g_assert_false (g_date_valid (&deadline.due));
  g_assert_true (gk_request_deadline_is_abandoned (&deadline, &day));
}

/* 第三十二条: the third party's 15 working days run from its receipt of
 * the letter. Sent Mon 2025-03-03, received Wed 03-05, answered Wed 03-26:
 * the 15th working day after receipt, so nothing is capped and the 17
 * working days after the sending up to the answer are not counted. Counted
 * from the sending, the cap would have been 03-24. */
static void
test_request_consultation_delivered (void)
{
  GkRequestEvent sent_only[] = { event (GK_REQUEST_EVENT_CONSULTATION, "2025-03-03", "2025-03-26", 0) };
  GkRequestEvent delivered[] = { event (GK_REQUEST_EVENT_CONSULTATION, "2025-03-03", "2025-03-26", 0) };
  GkRequestEvent impossible[] = { event (GK_REQUEST_EVENT_CONSULTATION, "2025-03-03", NULL, 0) };
  g_autoptr(GError) error = NULL;
  GkRequestDeadline deadline;
  GDate received = gk_test_date ("2025-03-03");

  deadline = compute ("2025-03-03", sent_only, G_N_ELEMENTS (sent_only));
  g_assert_true (deadline.flags & GK_REQUEST_FLAG_CONSULTATION_CAPPED);
  g_assert_cmpuint (deadline.paused_workdays, ==, 15);

  delivered[0].delivered = gk_test_date ("2025-03-05");
  deadline = compute ("2025-03-03", delivered, G_N_ELEMENTS (delivered));
  g_assert_false (deadline.flags & GK_REQUEST_FLAG_CONSULTATION_CAPPED);
  g_assert_cmpuint (deadline.paused_workdays, ==, 17);

  impossible[0].delivered = gk_test_date ("2025-03-02");
  g_assert_false (gk_request_deadline_compute (calendar, &received, impossible, 1, &deadline, &error));
  g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT);
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
  GDate received = gk_test_date ("2024-03-01");
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
  GDate replied = gk_test_date ("2024-04-08");
  GDate today = gk_test_date ("2024-04-08");

  /* The consultation moved the deadline to 04-07: a reply on 04-08 is a day late. */
  events[0] = event (GK_REQUEST_EVENT_CONSULTATION, "2024-03-11", "2024-03-15", 0);
  deadline = compute ("2024-03-01", events, 1);
  g_assert_cmpint (gk_deadline_get_timeliness (calendar, &deadline.due, &replied, &today, 3, &info),
                   ==, GK_TIMELINESS_LATE);
  g_assert_cmpint (info.workdays, ==, 1);
}

static void
test_request_types (void)
{
  g_assert_true (G_TYPE_IS_FLAGS (GK_TYPE_REQUEST_FLAGS));
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

  g_test_add_func ("/request-deadline/plain", test_request_plain);
  g_test_add_func ("/request-deadline/extension", test_request_extension);
  g_test_add_func ("/request-deadline/correction", test_request_correction);
  g_test_add_func ("/request-deadline/consultation", test_request_consultation);
  g_test_add_func ("/request-deadline/combined", test_request_combined);
  g_test_add_func ("/request-deadline/fee", test_request_fee);
  g_test_add_func ("/request-deadline/consultation-delivered", test_request_consultation_delivered);
  g_test_add_func ("/request-deadline/errors", test_request_errors);
  g_test_add_func ("/request-deadline/timeliness", test_request_timeliness);
  g_test_add_func ("/request-deadline/types", test_request_types);

  status = g_test_run ();
  g_clear_object (&calendar);
  return status;
}
