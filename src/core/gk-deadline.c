/* gk-deadline.c: disclosure time limits and the timeliness of a record over a GkCalendar. */
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

#define RULE_PROACTIVE "proactive"
#define RULE_DECISION "decision"
#define RULE_CUSTOM_PREFIX "workdays:"

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
