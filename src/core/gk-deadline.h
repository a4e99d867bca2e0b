/* gk-deadline.h: disclosure time limits, request reply deadlines and timeliness over a GkCalendar. */
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
#define GK_REQUEST_REPLY_WORKDAYS               20  /* 第三十三条 */
#define GK_REQUEST_EXTENSION_MAX_WORKDAYS       20  /* 第三十三条 */
#define GK_REQUEST_CORRECTION_NOTICE_WORKDAYS    7  /* 第三十条 */
#define GK_REQUEST_CONSULTATION_MAX_WORKDAYS    15  /* 第三十二条, 第三十四条 */
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
char     *gk_deadline_rule_describe        (const GkDeadlineRule  *rule);
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
GkTimeliness  gk_deadline_rule_evaluate     (const GkDeadlineRule   *rule,
                                             GkCalendar             *calendar,
                                             const GDate            *start,
                                             const GDate            *published,
                                             const GDate            *today,
                                             guint                   due_soon_workdays,
                                             GDate                  *due,
                                             GkTimelinessInfo       *info);
const char   *gk_timeliness_to_string       (GkTimeliness            status);
char         *gk_timeliness_info_describe   (const GkTimelinessInfo *info);

/* ------------------------------------------------------------------ */
/* Requests (依申请公开)                                               */

typedef enum
{
  /* 第三十三条: @start is the day the applicant was told; @workdays 1–20. */
  GK_REQUEST_EVENT_EXTENSION,
  /* 第三十条: @start is the day the correction notice was sent; @end the day
   * the corrected application was received (cleared while waiting). */
  GK_REQUEST_EVENT_CORRECTION,
  /* 第三十二条 / 第三十四条: @start is the day the letter to the third party
   * or other agency was sent; @end the day its answer arrived (cleared while waiting). */
  GK_REQUEST_EVENT_CONSULTATION,
} GkRequestEventKind;

typedef struct
{
  GkRequestEventKind kind;
  GDate              start;
  GDate              end;
  guint              workdays;
} GkRequestEvent;

typedef enum
{
  GK_REQUEST_STATE_RUNNING,              /* the period runs; @due is the reply deadline */
  GK_REQUEST_STATE_AWAITING_CORRECTION,  /* the clock stopped for a correction: no due date */
  GK_REQUEST_STATE_CONSULTING,           /* an answer is outstanding: @due assumes the full 15 working days */
} GkRequestState;

typedef enum /*< flags >*/
{
  GK_REQUEST_FLAG_NONE                = 0,
  GK_REQUEST_FLAG_LATE_CORRECTION     = 1 << 0,  /* sent after 7 working days: it did not restart the period */
  GK_REQUEST_FLAG_LATE_EXTENSION      = 1 << 1,  /* told after the due date: it did not extend it */
  GK_REQUEST_FLAG_LATE_CONSULTATION   = 1 << 2,  /* sent after the due date: it did not pause the period */
  GK_REQUEST_FLAG_CONSULTATION_CAPPED = 1 << 3,  /* an answer took longer than 15 working days: only 15 paused */
} GkRequestFlags;

typedef struct
{
  GkRequestState state;
  GkRequestFlags flags;
  GDate          period_start;          /* receipt, or receipt of the corrected application */
  GDate          correction_notice_due; /* last day a correction notice may be sent */
  GDate          due;                   /* the reply deadline; cleared while AWAITING_CORRECTION */
  guint          extension_workdays;    /* the extension that counted */
  guint          paused_workdays;       /* consultation days that did not count */
  int            missing_year;          /* first year without a notice relied on, or 0 */
} GkRequestDeadline;

#define GK_TYPE_REQUEST_EVENT_KIND (gk_request_event_kind_get_type ())
#define GK_TYPE_REQUEST_STATE (gk_request_state_get_type ())
#define GK_TYPE_REQUEST_FLAGS (gk_request_flags_get_type ())

GType         gk_request_event_kind_get_type (void);
GType         gk_request_state_get_type      (void);
GType         gk_request_flags_get_type      (void);
gboolean      gk_request_deadline_compute    (GkCalendar           *calendar,
                                              const GDate          *received,
                                              const GkRequestEvent *events,
                                              gsize                 n_events,
                                              GkRequestDeadline    *deadline,
                                              GError              **error);
const char   *gk_request_state_to_string     (GkRequestState        state);

G_END_DECLS
