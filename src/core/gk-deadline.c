/* gk-deadline.c: disclosure time limits, request reply deadlines and timeliness over a GkCalendar. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-deadline.h"

G_DEFINE_QUARK (gk-deadline-error-quark, gk_deadline_error)

G_DEFINE_ENUM_TYPE (GkDeadlineKind, gk_deadline_kind,
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_PROACTIVE, "proactive"),
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_DECISION, "decision"),
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_CUSTOM, "custom"))

G_DEFINE_ENUM_TYPE (GkTimeliness, gk_timeliness,
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_NOT_DUE, "not-due"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_DUE_SOON, "due-soon"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_OVERDUE, "overdue"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_ON_TIME, "on-time"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_LATE, "late"))

G_DEFINE_ENUM_TYPE (GkRequestEventKind, gk_request_event_kind,
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_EXTENSION, "extension"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_CORRECTION, "correction"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_EVENT_CONSULTATION, "consultation"))

G_DEFINE_ENUM_TYPE (GkRequestState, gk_request_state,
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_AWAITING_CORRECTION, "awaiting-correction"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_STATE_CONSULTING, "consulting"))

G_DEFINE_FLAGS_TYPE (GkRequestFlags, gk_request_flags,
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_NONE, "none"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_LATE_CORRECTION, "late-correction"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_LATE_EXTENSION, "late-extension"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_LATE_CONSULTATION, "late-consultation"),
  G_DEFINE_ENUM_VALUE (GK_REQUEST_FLAG_CONSULTATION_CAPPED, "consultation-capped"))

#define RULE_PROACTIVE "proactive"
#define RULE_DECISION "decision"
#define RULE_CUSTOM_PREFIX "workdays:"

/* Keeps the earliest missing year: the one a clerk has to enter first. */
static void
merge_missing (int *missing,
               int  year)
{
  if (year != 0 && (*missing == 0 || year < *missing))
    *missing = year;
}

/* ------------------------------------------------------------------ */
/* Rules                                                              */

/**
 * gk_deadline_rule_parse:
 * @text: "proactive", "decision" or "workdays:N"
 * @rule: (out caller-allocates): the rule
 *
 * Reads a rule as the catalog stores it.
 */
gboolean
gk_deadline_rule_parse (const char      *text,
                        GkDeadlineRule  *rule,
                        GError         **error)
{
  g_autofree char *stripped = NULL;
  guint64 workdays;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));

  if (g_str_equal (stripped, RULE_PROACTIVE))
    {
      rule->kind = GK_DEADLINE_PROACTIVE;
      rule->workdays = GK_DEADLINE_PROACTIVE_WORKDAYS;
      return TRUE;
    }
  if (g_str_equal (stripped, RULE_DECISION))
    {
      rule->kind = GK_DEADLINE_DECISION;
      rule->workdays = GK_DEADLINE_DECISION_WORKDAYS;
      return TRUE;
    }
  if (g_str_has_prefix (stripped, RULE_CUSTOM_PREFIX) &&
      g_ascii_string_to_unsigned (stripped + strlen (RULE_CUSTOM_PREFIX), 10,
                                  1, GK_DEADLINE_CUSTOM_MAX_WORKDAYS, &workdays, NULL))
    {
      rule->kind = GK_DEADLINE_CUSTOM;
      rule->workdays = workdays;
      return TRUE;
    }

  g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_RULE,
               _("“%s” is not a deadline rule (expected proactive, decision, or workdays:N with N from 1 to %u)"),
               text, GK_DEADLINE_CUSTOM_MAX_WORKDAYS);
  return FALSE;
}

/**
 * gk_deadline_rule_to_string:
 *
 * Returns: (transfer full): @rule as gk_deadline_rule_parse() reads it.
 */
char *
gk_deadline_rule_to_string (const GkDeadlineRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  switch (rule->kind)
    {
    case GK_DEADLINE_PROACTIVE:
      return g_strdup (RULE_PROACTIVE);
    case GK_DEADLINE_DECISION:
      return g_strdup (RULE_DECISION);
    case GK_DEADLINE_CUSTOM:
      return g_strdup_printf (RULE_CUSTOM_PREFIX "%u", rule->workdays);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gk_deadline_rule_describe:
 *
 * Returns: (transfer full): the rule in words, for the 公开时限 column.
 */
char *
gk_deadline_rule_describe (const GkDeadlineRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  switch (rule->kind)
    {
    case GK_DEADLINE_PROACTIVE:
      return g_strdup (_("Within 20 working days of the day the information is formed or changed"));
    case GK_DEADLINE_DECISION:
      return g_strdup (_("Within 7 working days of the licensing or penalty decision"));
    case GK_DEADLINE_CUSTOM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Within %u working day of the start date",
                                           "Within %u working days of the start date",
                                           rule->workdays),
                              rule->workdays);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gk_deadline_rule_get_workdays:
 *
 * Returns: how many working days @rule allows; the law fixes them for
 *   proactive information and decisions, whatever @rule->workdays says.
 */
guint
gk_deadline_rule_get_workdays (const GkDeadlineRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);

  switch (rule->kind)
    {
    case GK_DEADLINE_PROACTIVE:
      return GK_DEADLINE_PROACTIVE_WORKDAYS;
    case GK_DEADLINE_DECISION:
      return GK_DEADLINE_DECISION_WORKDAYS;
    case GK_DEADLINE_CUSTOM:
      return MIN (rule->workdays, GK_DEADLINE_CUSTOM_MAX_WORKDAYS);
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * gk_deadline_rule_compute_due:
 * @start: the formation or change date, or the decision date; it does not count
 * @due: (out caller-allocates): the last permitted day
 * @missing_year: (out) (optional): see gk_calendar_add_workdays()
 *
 * Returns: %TRUE when the calendar covered every day counted.
 */
gboolean
gk_deadline_rule_compute_due (const GkDeadlineRule *rule,
                              GkCalendar           *calendar,
                              const GDate          *start,
                              GDate                *due,
                              int                  *missing_year)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return gk_calendar_add_workdays (calendar, start, gk_deadline_rule_get_workdays (rule),
                                   due, missing_year);
}

/* ------------------------------------------------------------------ */
/* Timeliness                                                         */

/* Working days from @due to @date, @date after @due. A day off past the due
 * date is already late: it counts as the working day that follows it, so a
 * Saturday after a Friday deadline is one working day late, like Monday. */
static int
workdays_past (GkCalendar  *calendar,
               const GDate *due,
               const GDate *date,
               int         *missing)
{
  int days = gk_calendar_workdays_between (calendar, due, date, missing);

  if (!gk_calendar_is_workday (calendar, date, NULL))
    days++;
  return days;
}

/**
 * gk_deadline_get_timeliness:
 * @due: the last permitted day
 * @published: (nullable): the day it was published (the reply sent), or %NULL
 * @today: the day to judge on
 * @due_soon_workdays: how close the due date must be to count as due soon
 *   (%GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS unless the clerk changed it)
 * @info: (out caller-allocates) (optional): the status with its working days
 *
 * Published on or before @due is on time; after it, late. Unpublished, past
 * @due is overdue; otherwise due soon when at most @due_soon_workdays working
 * days are left (0 = due today), else not yet due. A publication date is
 * taken as given even when it is after @today.
 */
GkTimeliness
gk_deadline_get_timeliness (GkCalendar       *calendar,
                            const GDate      *due,
                            const GDate      *published,
                            const GDate      *today,
                            guint             due_soon_workdays,
                            GkTimelinessInfo *info)
{
  GkTimelinessInfo result = { GK_TIMELINESS_NOT_DUE, 0, 0 };

  g_return_val_if_fail (GK_IS_CALENDAR (calendar), GK_TIMELINESS_NOT_DUE);
  g_return_val_if_fail (due != NULL && g_date_valid (due), GK_TIMELINESS_NOT_DUE);
  g_return_val_if_fail (published == NULL || g_date_valid (published), GK_TIMELINESS_NOT_DUE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), GK_TIMELINESS_NOT_DUE);

  if (published != NULL)
    {
      if (g_date_compare (published, due) <= 0)
        result.status = GK_TIMELINESS_ON_TIME;
      else
        {
          result.status = GK_TIMELINESS_LATE;
          result.workdays = workdays_past (calendar, due, published, &result.missing_year);
        }
    }
  else if (g_date_compare (today, due) > 0)
    {
      result.status = GK_TIMELINESS_OVERDUE;
      result.workdays = workdays_past (calendar, due, today, &result.missing_year);
    }
  else
    {
      result.workdays = gk_calendar_workdays_between (calendar, today, due, &result.missing_year);
      result.status = (guint) result.workdays <= due_soon_workdays ? GK_TIMELINESS_DUE_SOON
                                                                   : GK_TIMELINESS_NOT_DUE;
    }

  if (info != NULL)
    *info = result;
  return result.status;
}

/**
 * gk_deadline_rule_evaluate:
 * @due: (out caller-allocates) (optional): the due date computed on the way
 *
 * gk_deadline_rule_compute_due() then gk_deadline_get_timeliness(), with the
 * missing years of both: what the supervision view needs for one record.
 */
GkTimeliness
gk_deadline_rule_evaluate (const GkDeadlineRule *rule,
                           GkCalendar           *calendar,
                           const GDate          *start,
                           const GDate          *published,
                           const GDate          *today,
                           guint                 due_soon_workdays,
                           GDate                *due,
                           GkTimelinessInfo     *info)
{
  GkTimelinessInfo result;
  GDate computed;
  int missing = 0;

  g_return_val_if_fail (rule != NULL, GK_TIMELINESS_NOT_DUE);

  gk_deadline_rule_compute_due (rule, calendar, start, &computed, &missing);
  gk_deadline_get_timeliness (calendar, &computed, published, today, due_soon_workdays, &result);
  merge_missing (&result.missing_year, missing);

  if (due != NULL)
    *due = computed;
  if (info != NULL)
    *info = result;
  return result.status;
}

/**
 * gk_timeliness_to_string:
 *
 * Returns: (transfer none): the status's short name (未到期, 即将到期, …).
 */
const char *
gk_timeliness_to_string (GkTimeliness status)
{
  switch (status)
    {
    case GK_TIMELINESS_NOT_DUE:
      return _("Not yet due");
    case GK_TIMELINESS_DUE_SOON:
      return _("Due soon");
    case GK_TIMELINESS_OVERDUE:
      return _("Overdue");
    case GK_TIMELINESS_ON_TIME:
      return _("Published on time");
    case GK_TIMELINESS_LATE:
      return _("Published late");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gk_timeliness_info_describe:
 *
 * Returns: (transfer full): the status with its count, and the missing
 *   calendar year when there is one ("Due in 2 working days").
 */
char *
gk_timeliness_info_describe (const GkTimelinessInfo *info)
{
  g_autofree char *text = NULL;
  g_autofree char *warning = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  switch (info->status)
    {
    case GK_TIMELINESS_NOT_DUE:
    case GK_TIMELINESS_DUE_SOON:
      if (info->workdays == 0)
        text = g_strdup (_("Due today"));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Due in %d working day",
                                             "Due in %d working days",
                                             info->workdays),
                                info->workdays);
      break;
    case GK_TIMELINESS_OVERDUE:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Overdue by %d working day",
                                           "Overdue by %d working days",
                                           info->workdays),
                              info->workdays);
      break;
    case GK_TIMELINESS_ON_TIME:
      text = g_strdup (_("Published on time"));
      break;
    case GK_TIMELINESS_LATE:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Published %d working day late",
                                           "Published %d working days late",
                                           info->workdays),
                              info->workdays);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (info->missing_year == 0)
    return g_steal_pointer (&text);

  warning = gk_calendar_describe_missing_year (info->missing_year);
  /* Translators: a deadline status, then the warning that a year's calendar is missing */
  return g_strdup_printf (_("%s (%s)"), text, warning);
}

/* ------------------------------------------------------------------ */
/* Requests                                                           */

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
 *   arrives — at most 15, the time the third party has to answer — push the
 *   due date back by as many working days. Overlapping consultations pause
 *   once. While an answer is outstanding the full 15 are assumed (CONSULTING).
 *   A letter sent after the due date pauses nothing (LATE_CONSULTATION).
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

      if (events[i].kind != GK_REQUEST_EVENT_CONSULTATION)
        continue;

      memset (&pause, 0, sizeof pause);
      pause.start = events[i].start;
      gk_calendar_add_workdays (calendar, &events[i].start, GK_REQUEST_CONSULTATION_MAX_WORKDAYS,
                                &pause.end, &cap_missing);
      if (!g_date_valid (&events[i].end))
        pause.open = TRUE;
      else if (g_date_compare (&events[i].end, &pause.end) > 0)
        pause.capped = TRUE;
      else
        pause.end = events[i].end;

      /* The limit's own days matter only when it is the end that counts. */
      if (pause.open || pause.capped)
        merge_missing (missing, cap_missing);

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
  merge_missing (&deadline->missing_year, base_missing);
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
      merge_missing (&deadline->missing_year, missing);
      missing = 0;
      gk_calendar_add_workdays (calendar, &due, paused, &due, &missing);
      merge_missing (&deadline->missing_year, missing);

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
              GError               **error)
{
  *extension = NULL;
  *correction = NULL;

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
 * section. Events that cannot have happened (dated before receipt, ending
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
  g_autoptr(GArray) pauses = NULL;
  GkRequestDeadline result;
  guint budget = GK_REQUEST_REPLY_WORKDAYS;
  int notice_missing = 0;

  g_return_val_if_fail (GK_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (received != NULL && g_date_valid (received), FALSE);
  g_return_val_if_fail (events != NULL || n_events == 0, FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);

  if (!check_events (received, events, n_events, &extension, &correction, error))
    return FALSE;

  memset (&result, 0, sizeof result);
  g_date_clear (&result.period_start, 1);
  g_date_clear (&result.correction_notice_due, 1);
  g_date_clear (&result.due, 1);
  result.period_start = *received;
  gk_calendar_add_workdays (calendar, received, GK_REQUEST_CORRECTION_NOTICE_WORKDAYS,
                            &result.correction_notice_due, &notice_missing);

  if (correction != NULL)
    {
      merge_missing (&result.missing_year, notice_missing);
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
 * gk_request_state_to_string:
 *
 * Returns: (transfer none): the state in words.
 */
const char *
gk_request_state_to_string (GkRequestState state)
{
  switch (state)
    {
    case GK_REQUEST_STATE_RUNNING:
      return _("Reply period running");
    case GK_REQUEST_STATE_AWAITING_CORRECTION:
      return _("Waiting for the corrected application");
    case GK_REQUEST_STATE_CONSULTING:
      return _("Waiting for a consultation answer");
    default:
      g_return_val_if_reached (NULL);
    }
}
