/* gk-deadline.c: disclosure time limits and the timeliness of a record over a GkCalendar. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-deadline.h"

G_DEFINE_QUARK (gk-deadline-error-quark, gk_deadline_error)

G_DEFINE_ENUM_TYPE (GkDeadlineKind, gk_deadline_kind,
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_PROACTIVE, "proactive"),
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_DECISION, "decision"),
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_CUSTOM, "custom"),
  G_DEFINE_ENUM_VALUE (GK_DEADLINE_DAYS, "days"))

G_DEFINE_ENUM_TYPE (GkTimeliness, gk_timeliness,
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_NOT_DUE, "not-due"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_DUE_SOON, "due-soon"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_OVERDUE, "overdue"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_ON_TIME, "on-time"),
  G_DEFINE_ENUM_VALUE (GK_TIMELINESS_LATE, "late"))

#define RULE_PROACTIVE "proactive"
#define RULE_DECISION "decision"
#define RULE_CUSTOM_PREFIX "workdays:"
#define RULE_DAYS_PREFIX "days:"
#define RULE_FROM_PREFIX "from:"
#define RULE_PERIOD_PREFIX "period:"
#define RULE_PROACTIVE_WHEN_PREFIX "proactive-when:"

/* ------------------------------------------------------------------ */
/* Rules                                                              */

static gboolean
read_count (const char *text,
            const char *prefix,
            guint       max,
            guint      *count)
{
  guint64 value;

  if (!g_str_has_prefix (text, prefix) ||
      !g_ascii_string_to_unsigned (text + strlen (prefix), 10, 1, max, &value, NULL))
    return FALSE;
  *count = value;
  return TRUE;
}

/* A field id: ASCII letters, digits and '_', short enough to keep. */
static gboolean
read_field_id (const char *text,
               gsize       length,
               char       *out)
{
  if (length == 0 || length >= GK_DEADLINE_FIELD_MAX)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '_')
      return FALSE;
  memcpy (out, text, length);
  out[length] = '\0';
  return TRUE;
}

static gboolean
read_kind (const char     *word,
           GkDeadlineRule *rule)
{
  if (g_str_equal (word, RULE_PROACTIVE))
    {
      rule->kind = GK_DEADLINE_PROACTIVE;
      rule->workdays = GK_DEADLINE_PROACTIVE_WORKDAYS;
      return TRUE;
    }
  if (g_str_equal (word, RULE_DECISION))
    {
      rule->kind = GK_DEADLINE_DECISION;
      rule->workdays = GK_DEADLINE_DECISION_WORKDAYS;
      return TRUE;
    }
  if (read_count (word, RULE_CUSTOM_PREFIX, GK_DEADLINE_CUSTOM_MAX_WORKDAYS, &rule->workdays))
    {
      rule->kind = GK_DEADLINE_CUSTOM;
      return TRUE;
    }
  if (read_count (word, RULE_DAYS_PREFIX, GK_DEADLINE_MAX_DAYS, &rule->workdays))
    {
      rule->kind = GK_DEADLINE_DAYS;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_option (const char     *word,
             GkDeadlineRule *rule)
{
  if (g_str_has_prefix (word, RULE_FROM_PREFIX))
    {
      const char *id = word + strlen (RULE_FROM_PREFIX);

      return read_field_id (id, strlen (id), rule->start_field);
    }
  if (g_str_has_prefix (word, RULE_PERIOD_PREFIX))
    return read_count (word, RULE_PERIOD_PREFIX, GK_DEADLINE_MAX_DAYS, &rule->period_days);
  if (g_str_has_prefix (word, RULE_PROACTIVE_WHEN_PREFIX))
    {
      const char *id = word + strlen (RULE_PROACTIVE_WHEN_PREFIX);
      const char *equals = strchr (id, '=');

      if (equals == NULL || equals[1] == '\0' || strlen (equals + 1) >= GK_DEADLINE_FIELD_MAX ||
          !read_field_id (id, equals - id, rule->proactive_field))
        return FALSE;
      g_strlcpy (rule->proactive_value, equals + 1, GK_DEADLINE_FIELD_MAX);
      return TRUE;
    }
  return FALSE;
}

/**
 * gk_deadline_rule_parse:
 * @text: "proactive", "decision", "workdays:N" or "days:N", then optionally
 *   "from:FIELD", "period:N" and "proactive-when:FIELD=VALUE", separated by
 *   spaces
 * @rule: (out caller-allocates): the rule
 *
 * Reads a rule as the catalog stores it.
 */
gboolean
gk_deadline_rule_parse (const char      *text,
                        GkDeadlineRule  *rule,
                        GError         **error)
{
  g_auto(GStrv) words = NULL;
  GkDeadlineRule parsed = { 0, };
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  words = g_strsplit_set (text, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (n++ == 0 ? !read_kind (words[i], &parsed) : !read_option (words[i], &parsed))
        {
          n = 0;
          break;
        }
    }

  if (n == 0)
    {
      g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_RULE,
                   _("“%s” is not a deadline rule (expected proactive, decision, workdays:N or days:N with N from 1 to %u, then from:FIELD, period:N or proactive-when:FIELD=VALUE)"),
                   text, GK_DEADLINE_CUSTOM_MAX_WORKDAYS);
      return FALSE;
    }

  *rule = parsed;
  return TRUE;
}

/**
 * gk_deadline_rule_to_string:
 *
 * Returns: (transfer full): @rule as gk_deadline_rule_parse() reads it.
 */
char *
gk_deadline_rule_to_string (const GkDeadlineRule *rule)
{
  GString *text;

  g_return_val_if_fail (rule != NULL, NULL);

  switch (rule->kind)
    {
    case GK_DEADLINE_PROACTIVE:
      text = g_string_new (RULE_PROACTIVE);
      break;
    case GK_DEADLINE_DECISION:
      text = g_string_new (RULE_DECISION);
      break;
    case GK_DEADLINE_CUSTOM:
      text = g_string_new (NULL);
      g_string_printf (text, RULE_CUSTOM_PREFIX "%u", rule->workdays);
      break;
    case GK_DEADLINE_DAYS:
      text = g_string_new (NULL);
      g_string_printf (text, RULE_DAYS_PREFIX "%u", rule->workdays);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (rule->start_field[0] != '\0')
    g_string_append_printf (text, " " RULE_FROM_PREFIX "%s", rule->start_field);
  if (rule->period_days > 0)
    g_string_append_printf (text, " " RULE_PERIOD_PREFIX "%u", rule->period_days);
  if (rule->proactive_field[0] != '\0')
    g_string_append_printf (text, " " RULE_PROACTIVE_WHEN_PREFIX "%s=%s", rule->proactive_field, rule->proactive_value);
  return g_string_free (text, FALSE);
}

/**
 * gk_deadline_rule_get_workdays:
 *
 * Returns: how many days @rule allows (working days, or calendar days for
 *   %GK_DEADLINE_DAYS); the law fixes them for proactive information and
 *   decisions, whatever @rule->workdays says.
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
      return CLAMP (rule->workdays, 1, GK_DEADLINE_CUSTOM_MAX_WORKDAYS);
    case GK_DEADLINE_DAYS:
      return CLAMP (rule->workdays, 1, GK_DEADLINE_MAX_DAYS);
    default:
      g_return_val_if_reached (0);
    }
}

/* 民法典 第二百零一条: the start day does not count; 第二百零三条: a last
 * day that is a statutory holiday or rest day moves to the day after the
 * holiday ends. */
static gboolean
add_calendar_days (GkCalendar  *calendar,
                   const GDate *start,
                   guint        days,
                   GDate       *due,
                   int         *missing_year)
{
  int missing = 0;
  gboolean known = TRUE;

  *due = *start;
  g_date_add_days (due, days);
  for (;;)
    {
      gboolean day_known = TRUE;

      if (gk_calendar_is_workday (calendar, due, &day_known))
        {
          if (!day_known)
            gk_calendar_merge_missing_year (&missing, g_date_get_year (due));
          break;
        }
      if (!day_known)
        gk_calendar_merge_missing_year (&missing, g_date_get_year (due));
      g_date_add_days (due, 1);
    }

  known = missing == 0;
  if (missing_year != NULL)
    *missing_year = missing;
  return known;
}

/**
 * gk_deadline_rule_compute_due:
 * @start: the day the period runs from (see @rule->start_field); it does not count
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
  g_return_val_if_fail (GK_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  if (rule->kind == GK_DEADLINE_DAYS)
    return add_calendar_days (calendar, start, gk_deadline_rule_get_workdays (rule), due, missing_year);

  return gk_calendar_add_workdays (calendar, start, gk_deadline_rule_get_workdays (rule),
                                   due, missing_year);
}

/**
 * gk_deadline_rule_check_fields:
 * @schema: the fields of the item the rule belongs to
 *
 * Returns: %TRUE when the fields @rule names are fields of @schema, the
 *   one it runs from a date.
 */
gboolean
gk_deadline_rule_check_fields (const GkDeadlineRule  *rule,
                               GkSchema              *schema,
                               GError               **error)
{
  const GkField *field;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (schema != NULL, FALSE);

  if (rule->start_field[0] != '\0')
    {
      field = gk_schema_lookup_field (schema, rule->start_field);
      if (field == NULL || field->kind != GK_FIELD_DATE)
        {
          g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_RULE,
                       _("The deadline runs from “%s”, which is not a date field of the item"), rule->start_field);
          return FALSE;
        }
    }
  if (rule->proactive_field[0] != '\0' && gk_schema_lookup_field (schema, rule->proactive_field) == NULL)
    {
      g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_RULE,
                   _("The deadline rule names “%s”, which is not a field of the item"), rule->proactive_field);
      return FALSE;
    }
  return TRUE;
}

/**
 * gk_deadline_rule_check_period:
 * @first: the first day of the publication period
 * @last: its last day
 *
 * A period "不少于N日" from @first to @last counts both days, as a notice
 * giving "公示期：3月7日至3月9日" announces three days.
 *
 * Returns: %TRUE when @rule asks for no period or the period is long enough.
 */
gboolean
gk_deadline_rule_check_period (const GkDeadlineRule *rule,
                               const GDate          *first,
                               const GDate          *last)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  if (rule->period_days == 0)
    return TRUE;
  return g_date_days_between (first, last) + 1 >= (int) rule->period_days;
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
