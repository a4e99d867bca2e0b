/* gk-deadline.h: disclosure time limits and the timeliness of a record over a GkCalendar. */
#pragma once

#include <glib-object.h>

#include "gk-calendar.h"

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
#define GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS  3

/* ------------------------------------------------------------------ */
/* Rules for proactive disclosure                                     */

typedef enum
{
  GK_DEADLINE_PROACTIVE,  /* 20 working days from the day the information is formed or changed */
  GK_DEADLINE_DECISION,   /* 7 working days from a licensing or penalty decision */
  GK_DEADLINE_CUSTOM,     /* a catalog item's own count */
} GkDeadlineKind;

/* A rule as the catalog stores it. @workdays matters for CUSTOM only:
 * the other kinds have their count fixed by law. */
typedef struct
{
  GkDeadlineKind kind;
  guint          workdays;
} GkDeadlineRule;

#define GK_TYPE_DEADLINE_KIND (gk_deadline_kind_get_type ())

GQuark    gk_deadline_error_quark          (void);
GType     gk_deadline_kind_get_type        (void);

gboolean  gk_deadline_rule_parse           (const char            *text,
                                            GkDeadlineRule        *rule,
                                            GError               **error);
char     *gk_deadline_rule_to_string       (const GkDeadlineRule  *rule);
guint     gk_deadline_rule_get_workdays    (const GkDeadlineRule  *rule);
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
