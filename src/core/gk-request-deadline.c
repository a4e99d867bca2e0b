/* gk-request-deadline.c: the reply deadline of a request (依申请公开) from its receipt and what happened since. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-date.h"
#include "gk-request-deadline.h"

G_DEFINE_ENUM_TYPE (GkRequestEventKind, gk_request_event_kind,
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_EXTENSION, "extension"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_CORRECTION, "correction"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_CONSULTATION, "consultation"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_FEE, "fee"))

G_DEFINE_ENUM_TYPE (GkRequestState, gk_request_state,
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_AWAITING_CORRECTION, "awaiting-correction"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_CONSULTING, "consulting"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_AWAITING_PAYMENT, "awaiting-payment"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_ABANDONED, "abandoned"))

G_DEFINE_FLAGS_TYPE (GkRequestFlags, gk_request_flags,
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_NONE, "none"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_LATE_CORRECTION, "late-correction"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_LATE_EXTENSION, "late-extension"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_LATE_CONSULTATION, "late-consultation"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_CONSULTATION_CAPPED, "consultation-capped"))

/*
 * How a request's reply deadline is counted (条例 第三十条 to 第三十四条):
 *
 * - The period starts on the receipt date (第三十一条) and runs 20 working
 *   days; the start day does not count.
 * - A correction notice (补正, 第三十条) sent within 7 working days of receipt
 *   stops the clock; the period starts again, whole, from the day the
 *   corrected application is received. A notice sent later did not meet the
 *   rule: the period keeps running from the receipt date (the earlier,
 *   stricter deadline), and LATE_CORRECTION says so.
 * - Consultation time (第三十二条, 第三十四条) is not counted: the working days
 *   after the day the letter is sent up to and including the day the answer
 *   arrives — at most up to the 15th working day after the third party
 *   received the letter (the day it was sent when that is not known) — push the
 *   due date back by as many working days. Overlapping consultations pause
 *   once. While an answer is outstanding the full 15 are assumed (CONSULTING).
 *   A letter sent after the due date pauses nothing (LATE_CONSULTATION).
 * - A fee notice (国办函〔2020〕109号 第十条) stops the clock from the day
 *   after it is sent up to and including the day the fee is paid; while it
 *   is unpaid there is no due date (AWAITING_PAYMENT). An applicant who does
 *   not pay within 20 working days of the notice has abandoned the request
 *   (视为放弃, table 三's 其他处理 2): ABANDONED when the payment came later,
 *   gk_request_deadline_is_abandoned() while it is still outstanding.
 * - One extension of at most 20 working days (第三十三条) adds its days, if the
 *   applicant was told on or before the due date it extends; otherwise it is
 *   ignored (LATE_EXTENSION).
 */

typedef struct
{
  GDate    start;     /* the day the letter was sent: it still counts */
  GDate    end;       /* the last paused day */
  gboolean open;
  gboolean capped;
} Pause;

static int
compare_pauses (gconstpointer a,
                gconstpointer b)
{
  return g_date_compare (&((const Pause *) a)->start, &((const Pause *) b)->start);
}

/* The consultations as disjoint pauses in date order. */
static GArray *
collect_pauses (GkCalendar           *calendar,
                const GkRequestEvent *events,
                gsize                 n_events,
                int                  *missing)
{
  g_autoptr(GArray) pauses = g_array_new (FALSE, FALSE, sizeof (Pause));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Pause));

  for (gsize i = 0; i < n_events; i++)
    {
      Pause pause;
      int cap_missing = 0;

      /* A paid fee pauses from the notice to the payment, with no cap. */
      if (events[i].kind == GK_REQUEST_EVENT_FEE && g_date_valid (&events[i].end))
        {
          memset (&pause, 0, sizeof pause);
          pause.start = events[i].start;
          pause.end = events[i].end;
          g_array_append_val (pauses, pause);
          continue;
        }
      if (events[i].kind != GK_REQUEST_EVENT_CONSULTATION)
        continue;

      memset (&pause, 0, sizeof pause);
      pause.start = events[i].start;
      /* 第三十二条: the third party answers within 15 working days of
       * receiving the letter; the pause itself starts when it is sent. */
      gk_calendar_add_workdays (calendar,
                                g_date_valid (&events[i].delivered) ? &events[i].delivered : &events[i].start,
                                GK_REQUEST_CONSULTATION_MAX_WORKDAYS, &pause.end, &cap_missing);
      if (!g_date_valid (&events[i].end))
        pause.open = TRUE;
      else if (g_date_compare (&events[i].end, &pause.end) > 0)
        pause.capped = TRUE;
      else
        pause.end = events[i].end;

      /* The limit's own days matter only when it is the end that counts. */
      if (pause.open || pause.capped)
        gk_calendar_merge_missing_year (missing, cap_missing);

      g_array_append_val (pauses, pause);
    }

  g_array_sort (pauses, compare_pauses);
  for (guint i = 0; i < pauses->len; i++)
    {
      Pause *pause = &g_array_index (pauses, Pause, i);
      Pause *last = merged->len > 0 ? &g_array_index (merged, Pause, merged->len - 1) : NULL;

      if (last != NULL && g_date_compare (&pause->start, &last->end) <= 0)
        {
          if (g_date_compare (&pause->end, &last->end) > 0)
            last->end = pause->end;
          last->open |= pause->open;
          last->capped |= pause->capped;
        }
      else
        g_array_append_val (merged, *pause);
    }

  return merged;
}

/* The due date for @budget working days from @start with the pauses applied. */
static void
compute_with_pauses (GkCalendar        *calendar,
                     const GDate       *start,
                     guint              budget,
                     GArray            *pauses,
                     GkRequestDeadline *deadline)
{
  GDate due;
  int base_missing = 0;

  gk_calendar_add_workdays (calendar, start, budget, &due, &base_missing);
  gk_calendar_merge_missing_year (&deadline->missing_year, base_missing);
  deadline->paused_workdays = 0;
  deadline->state = GK_REQUEST_STATE_RUNNING;
  deadline->flags &= ~(GK_REQUEST_FLAG_LATE_CONSULTATION | GK_REQUEST_FLAG_CONSULTATION_CAPPED);

  for (guint i = 0; i < pauses->len; i++)
    {
      const Pause *pause = &g_array_index (pauses, Pause, i);
      int missing = 0;
      int paused;

      /* Pauses are in order and the due date only moves later: once one
       * comes too late, so do all that follow. */
      if (g_date_compare (&pause->start, &due) > 0)
        {
          deadline->flags |= GK_REQUEST_FLAG_LATE_CONSULTATION;
          break;
        }

      paused = gk_calendar_workdays_between (calendar, &pause->start, &pause->end, &missing);
      gk_calendar_merge_missing_year (&deadline->missing_year, missing);
      missing = 0;
      gk_calendar_add_workdays (calendar, &due, paused, &due, &missing);
      gk_calendar_merge_missing_year (&deadline->missing_year, missing);

      deadline->paused_workdays += paused;
      if (pause->open)
        deadline->state = GK_REQUEST_STATE_CONSULTING;
      if (pause->capped)
        deadline->flags |= GK_REQUEST_FLAG_CONSULTATION_CAPPED;
    }

  deadline->due = due;
}

static gboolean
check_events (const GDate           *received,
              const GkRequestEvent  *events,
              gsize                  n_events,
              const GkRequestEvent **extension,
              const GkRequestEvent **correction,
              const GkRequestEvent **fee,
              GError               **error)
{
  *extension = NULL;
  *correction = NULL;
  *fee = NULL;

  for (gsize i = 0; i < n_events; i++)
    {
      const GkRequestEvent *event = &events[i];

      if (!g_date_valid (&event->start))
        {
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                       _("A request event has no date"));
          return FALSE;
        }
      if (g_date_compare (&event->start, received) < 0)
        {
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                       _("A request event is dated before the request was received"));
          return FALSE;
        }
      if (g_date_valid (&event->delivered) && g_date_compare (&event->delivered, &event->start) < 0)
        {
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                       _("A consultation letter is received before it was sent"));
          return FALSE;
        }
      if (g_date_valid (&event->end) && g_date_compare (&event->end, &event->start) < 0)
        {
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                       _("A request event ends before it begins"));
          return FALSE;
        }

      switch (event->kind)
        {
        case GK_REQUEST_EVENT_EXTENSION:
          if (*extension != NULL)
            {
              g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                           _("A request can be extended only once"));
              return FALSE;
            }
          if (event->workdays < 1 || event->workdays > GK_REQUEST_EXTENSION_MAX_WORKDAYS)
            {
              g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                           _("An extension is from 1 to %u working days"),
                           GK_REQUEST_EXTENSION_MAX_WORKDAYS);
              return FALSE;
            }
          *extension = event;
          break;

        case GK_REQUEST_EVENT_CORRECTION:
          /* 第三十条: the applicant is told once what to correct. */
          if (*correction != NULL)
            {
              g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                           _("A correction can be asked for only once"));
              return FALSE;
            }
          *correction = event;
          break;

        case GK_REQUEST_EVENT_CONSULTATION:
          break;

        case GK_REQUEST_EVENT_FEE:
          if (*fee != NULL)
            {
              g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                           _("A fee can be asked for only once"));
              return FALSE;
            }
          *fee = event;
          break;

        default:
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                       _("Unknown request event %d"), (int) event->kind);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gk_request_deadline_compute:
 * @received: the receipt date (第三十一条)
 * @events: (array length=n_events) (nullable): what happened since, in any order
 * @deadline: (out caller-allocates): the result
 *
 * Computes the reply deadline of a request as described at the top of this
 * file. Events that cannot have happened (dated before receipt, ending
 * before they begin, a second extension or correction, an extension of more
 * than 20 days, an extension or consultation before the corrected application
 * arrived) are an error; events that happened too late are flagged.
 */
gboolean
gk_request_deadline_compute (GkCalendar            *calendar,
                             const GDate           *received,
                             const GkRequestEvent  *events,
                             gsize                  n_events,
                             GkRequestDeadline     *deadline,
                             GError               **error)
{
  const GkRequestEvent *extension;
  const GkRequestEvent *correction;
  const GkRequestEvent *fee;
  g_autoptr(GArray) pauses = NULL;
  GkRequestDeadline result;
  guint budget = GK_REQUEST_REPLY_WORKDAYS;
  int notice_missing = 0;

  g_return_val_if_fail (GK_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (received != NULL && g_date_valid (received), FALSE);
  g_return_val_if_fail (events != NULL || n_events == 0, FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);

  if (!check_events (received, events, n_events, &extension, &correction, &fee, error))
    return FALSE;

  memset (&result, 0, sizeof result);
  g_date_clear (&result.period_start, 1);
  g_date_clear (&result.correction_notice_due, 1);
  g_date_clear (&result.due, 1);
  g_date_clear (&result.payment_due, 1);
  result.period_start = *received;
  gk_calendar_add_workdays (calendar, received, GK_REQUEST_CORRECTION_NOTICE_WORKDAYS,
                            &result.correction_notice_due, &notice_missing);

  if (correction != NULL)
    {
      gk_calendar_merge_missing_year (&result.missing_year, notice_missing);
      if (g_date_compare (&correction->start, &result.correction_notice_due) > 0)
        result.flags |= GK_REQUEST_FLAG_LATE_CORRECTION;
      else if (!g_date_valid (&correction->end))
        {
          result.state = GK_REQUEST_STATE_AWAITING_CORRECTION;
          *deadline = result;
          return TRUE;
        }
      else
        result.period_start = correction->end;
    }

  for (gsize i = 0; i < n_events; i++)
    {
      if (events[i].kind != GK_REQUEST_EVENT_CORRECTION &&
          g_date_compare (&events[i].start, &result.period_start) < 0)
        {
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                       _("An extension or consultation is dated before the corrected application was received"));
          return FALSE;
        }
    }

  if (fee != NULL)
    {
      int payment_missing = 0;

      gk_calendar_add_workdays (calendar, &fee->start, GK_REQUEST_PAYMENT_WORKDAYS,
                                &result.payment_due, &payment_missing);
      gk_calendar_merge_missing_year (&result.missing_year, payment_missing);
      if (!g_date_valid (&fee->end) || g_date_compare (&fee->end, &result.payment_due) > 0)
        {
          result.state = g_date_valid (&fee->end) ? GK_REQUEST_STATE_ABANDONED : GK_REQUEST_STATE_AWAITING_PAYMENT;
          *deadline = result;
          return TRUE;
        }
    }

  pauses = collect_pauses (calendar, events, n_events, &result.missing_year);
  compute_with_pauses (calendar, &result.period_start, budget, pauses, &result);

  if (extension != NULL)
    {
      if (g_date_compare (&extension->start, &result.due) > 0)
        result.flags |= GK_REQUEST_FLAG_LATE_EXTENSION;
      else
        {
          budget += extension->workdays;
          result.extension_workdays = extension->workdays;
          compute_with_pauses (calendar, &result.period_start, budget, pauses, &result);
        }
    }

  *deadline = result;
  return TRUE;
}

/**
 * gk_request_deadline_is_abandoned:
 * @today: the day to judge on
 *
 * Returns: whether the applicant has abandoned the request by not paying
 *   the fee asked for within 20 working days of the notice (视为放弃).
 */
gboolean
gk_request_deadline_is_abandoned (const GkRequestDeadline *deadline,
                                  const GDate             *today)
{
  g_return_val_if_fail (deadline != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (deadline->state == GK_REQUEST_STATE_ABANDONED)
    return TRUE;
  return deadline->state == GK_REQUEST_STATE_AWAITING_PAYMENT &&
         g_date_compare (today, &deadline->payment_due) > 0;
}

static void
add_dated (GStrvBuilder *builder,
           const char   *format,
           const GDate  *date)
{
  g_autofree char *iso = gk_date_format_iso (date);
  g_autofree char *text = g_strdup_printf (format, iso);

  g_strv_builder_add (builder, text);
}

/**
 * gk_request_deadline_describe:
 * @today: the day to judge on
 *
 * Returns: (transfer full): the state and every warning of @deadline in
 *   words, one a string; empty when the period simply runs.
 */
GStrv
gk_request_deadline_describe (const GkRequestDeadline *deadline,
                              const GDate             *today)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (deadline != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  switch (deadline->state)
    {
    case GK_REQUEST_STATE_AWAITING_CORRECTION:
      g_strv_builder_add (builder, _("Waiting for the corrected application: the reply period starts again when it arrives"));
      break;
    case GK_REQUEST_STATE_CONSULTING:
      g_strv_builder_add (builder, _("Waiting for an answer to a consultation: the due date assumes the full 15 working days"));
      break;
    case GK_REQUEST_STATE_AWAITING_PAYMENT:
      if (gk_request_deadline_is_abandoned (deadline, today))
        add_dated (builder, _("The fee was not paid by %s: the application is deemed abandoned"), &deadline->payment_due);
      else
        add_dated (builder, _("Waiting for the fee to be paid, at the latest on %s: the reply period is paused"),
                   &deadline->payment_due);
      break;
    case GK_REQUEST_STATE_ABANDONED:
      add_dated (builder, _("The fee was paid after %s: the application was deemed abandoned"), &deadline->payment_due);
      break;
    case GK_REQUEST_STATE_RUNNING:
    default:
      break;
    }

  if (deadline->flags & GK_REQUEST_FLAG_LATE_CORRECTION)
    add_dated (builder, _("The correction notice was sent after %s, the last day allowed: the period ran on from receipt"),
               &deadline->correction_notice_due);
  if (deadline->flags & GK_REQUEST_FLAG_LATE_EXTENSION)
    g_strv_builder_add (builder, _("The extension was told after the due date: it did not extend the period"));
  if (deadline->flags & GK_REQUEST_FLAG_LATE_CONSULTATION)
    g_strv_builder_add (builder, _("A consultation was sent after the due date: it did not pause the period"));
  if (deadline->flags & GK_REQUEST_FLAG_CONSULTATION_CAPPED)
    g_strv_builder_add (builder, _("An answer took longer than 15 working days: only 15 were not counted"));

  return g_strv_builder_end (builder);
}

/**
 * gk_request_deadline_describe_progress:
 * @today: the day to judge on
 *
 * Returns: (transfer full): what moved the period of @deadline (an
 *   extension, days not counted for a consultation) and what may still be
 *   done in time (a correction notice), one a string; maybe none.
 */
GStrv
gk_request_deadline_describe_progress (const GkRequestDeadline *deadline,
                                       const GDate             *today)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (deadline != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (deadline->extension_workdays > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Extended by %u working day",
                                                         "Extended by %u working days",
                                                         deadline->extension_workdays),
                                               deadline->extension_workdays);

      g_strv_builder_add (builder, text);
    }
  if (deadline->paused_workdays > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u working day not counted for a consultation",
                                                         "%u working days not counted for a consultation",
                                                         deadline->paused_workdays),
                                               deadline->paused_workdays);

      g_strv_builder_add (builder, text);
    }
  if (deadline->state == GK_REQUEST_STATE_RUNNING && g_date_valid (&deadline->correction_notice_due) &&
      g_date_compare (today, &deadline->correction_notice_due) <= 0)
    add_dated (builder, _("A correction notice (补正) may be sent until %s"), &deadline->correction_notice_due);

  return g_strv_builder_end (builder);
}
