/* gk-deadline.h: disclosure time limits and the timeliness of a record over a GkCalendar. */
#pragma once

#include <glib-object.h>

#include "gk-calendar.h"
#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_DEADLINE_ERROR (gk_deadline_error_quark ())

typedef enum
{
  GK_DEADLINE_ERROR_INVALID_RULE,   /* a stored rule string cannot be read */
  GK_DEADLINE_ERROR_INVALID_EVENT,  /* request events that cannot have happened */
} GkDeadlineError;

/* The limits of 《政府信息公开条例》(2019) and of the 双公示 rule (DOMAIN.md §1). */
#define GK_DEADLINE_PROACTIVE_WORKDAYS          20  /* 第二十六条 */
#define GK_DEADLINE_DECISION_WORKDAYS            7  /* 国办发〔2015〕51号 etc. */
#define GK_DEADLINE_CUSTOM_MAX_WORKDAYS        250  /* about a working year */
#define GK_DEADLINE_MAX_DAYS                   366  /* a calendar-day count */
#define GK_DEADLINE_FIELD_MAX                   64  /* bytes of a field id, with its NUL */
#define GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS  3

/* ------------------------------------------------------------------ */
/* Rules for proactive disclosure                                     */

typedef enum
{
  GK_DEADLINE_PROACTIVE,  /* 20 working days from the day the information is formed or changed */
  GK_DEADLINE_DECISION,   /* 7 working days from a licensing or penalty decision */
  GK_DEADLINE_CUSTOM,     /* a catalog item's own count of working days */
  GK_DEADLINE_DAYS,       /* calendar days; a last day that is a rest day moves to the next working day */
} GkDeadlineKind;

/* A rule as the catalog stores it: "KIND [from:FIELD] [period:N]
 * [proactive-when:FIELD=VALUE]".
 *
 * @workdays matters for CUSTOM (working days) and DAYS (calendar days)
 * only: the other kinds have their count fixed by law.
 * @start_field names the record field holding the legally relevant date
 * the period runs from (a decision date, an award date); empty when it is
 * the record's own formation date.
 * @period_days is the shortest publication period (公示期) the law allows,
 * checked on the publicity_start and publicity_end fields; 0 for none.
 * @proactive_field and @proactive_value: a record whose field holds that
 * value falls under the proactive 20-working-day rule instead (a 备案 is
 * not a licensing decision). */
typedef struct
{
  GkDeadlineKind kind;
  guint          workdays;
  char           start_field[GK_DEADLINE_FIELD_MAX];
  guint          period_days;
  char           proactive_field[GK_DEADLINE_FIELD_MAX];
  char           proactive_value[GK_DEADLINE_FIELD_MAX];
} GkDeadlineRule;

/* The fields a minimum publication period is checked on. */
#define GK_DEADLINE_PERIOD_START_FIELD "publicity_start"
#define GK_DEADLINE_PERIOD_END_FIELD   "publicity_end"

#define GK_TYPE_DEADLINE_KIND (gk_deadline_kind_get_type ())

GQuark    gk_deadline_error_quark          (void);
GType     gk_deadline_kind_get_type        (void);

gboolean  gk_deadline_rule_parse           (const char            *text,
                                            GkDeadlineRule        *rule,
                                            GError               **error);
char     *gk_deadline_rule_to_string       (const GkDeadlineRule  *rule);
guint     gk_deadline_rule_get_workdays    (const GkDeadlineRule  *rule);
gboolean  gk_deadline_rule_check_fields    (const GkDeadlineRule  *rule,
                                            GkSchema              *schema,
                                            GError               **error);
gboolean  gk_deadline_rule_check_period    (const GkDeadlineRule  *rule,
                                            const GDate           *first,
                                            const GDate           *last);
gboolean  gk_deadline_rule_compute_due     (const GkDeadlineRule  *rule,
                                            GkCalendar            *calendar,
                                            const GDate           *start,
                                            GDate                 *due,
                                            int                   *missing_year);

/* ------------------------------------------------------------------ */
/* Timeliness of a record (or of a request's reply)                   */

typedef enum
{
  GK_TIMELINESS_NOT_DUE,   /* 未到期 */
  GK_TIMELINESS_DUE_SOON,  /* 即将到期 */
  GK_TIMELINESS_OVERDUE,   /* 已逾期: not published, past due */
  GK_TIMELINESS_ON_TIME,   /* 按时公开 */
  GK_TIMELINESS_LATE,      /* 逾期公开 */
} GkTimeliness;

typedef struct
{
  GkTimeliness status;
  /* NOT_DUE, DUE_SOON: working days left (0: due today); OVERDUE: working
   * days past due so far; LATE: working days late; ON_TIME: 0. */
  int          workdays;
  /* The first year without a notice the counting relied on, or 0. */
  int          missing_year;
} GkTimelinessInfo;

#define GK_TYPE_TIMELINESS (gk_timeliness_get_type ())

GType         gk_timeliness_get_type        (void);
GkTimeliness  gk_deadline_get_timeliness    (GkCalendar             *calendar,
                                             const GDate            *due,
                                             const GDate            *published,
                                             const GDate            *today,
                                             guint                   due_soon_workdays,
                                             GkTimelinessInfo       *info);
char         *gk_timeliness_info_describe   (const GkTimelinessInfo *info);

G_END_DECLS
