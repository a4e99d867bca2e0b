/* gk-request-deadline.h: the reply deadline of a request (依申请公开) from its receipt and what happened since. */
#pragma once

#include <glib-object.h>

#include "gk-calendar.h"
#include "gk-deadline.h"

G_BEGIN_DECLS

/* The limits of 《政府信息公开条例》(2019) for requests (DOMAIN.md §1). */
#define GK_REQUEST_REPLY_WORKDAYS               20  /* 第三十三条 */
#define GK_REQUEST_EXTENSION_MAX_WORKDAYS       20  /* 第三十三条 */
#define GK_REQUEST_CORRECTION_NOTICE_WORKDAYS    7  /* 第三十条 */
#define GK_REQUEST_CONSULTATION_MAX_WORKDAYS    15  /* 第三十二条, 第三十四条 */
#define GK_REQUEST_PAYMENT_WORKDAYS             20  /* 国办函〔2020〕109号 第十条 */

typedef enum
{
  /* 第三十三条: @start is the day the applicant was told; @workdays 1–20. */
  GK_REQUEST_EVENT_EXTENSION,
  /* 第三十条: @start is the day the correction notice was sent; @end the day
   * the corrected application was received (cleared while waiting). */
  GK_REQUEST_EVENT_CORRECTION,
  /* 第三十二条 / 第三十四条: @start is the day the letter to the third party
   * or other agency was sent; @end the day its answer arrived (cleared while
   * waiting); @delivered the day the third party received it, from which its
   * 15 working days run (cleared when not known: then from @start). */
  GK_REQUEST_EVENT_CONSULTATION,
  /* 国办函〔2020〕109号: @start is the day the fee notice was sent; @end the
   * day the fee was paid (cleared while waiting). */
  GK_REQUEST_EVENT_FEE,
} GkRequestEventKind;

typedef struct
{
  GkRequestEventKind kind;
  GDate              start;
  GDate              end;
  guint              workdays;
  GDate              delivered;
} GkRequestEvent;

typedef enum
{
  GK_REQUEST_STATE_RUNNING,              /* the period runs; @due is the reply deadline */
  GK_REQUEST_STATE_AWAITING_CORRECTION,  /* the clock stopped for a correction: no due date */
  GK_REQUEST_STATE_CONSULTING,           /* an answer is outstanding: @due assumes the full 15 working days */
  GK_REQUEST_STATE_AWAITING_PAYMENT,     /* the clock stopped for a fee: no due date; unpaid after @payment_due, abandoned */
  GK_REQUEST_STATE_ABANDONED,            /* paid after @payment_due: 视为放弃, nothing is due */
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
  GDate          due;                   /* the reply deadline; cleared while AWAITING_CORRECTION or _PAYMENT, and when ABANDONED */
  GDate          payment_due;           /* last day to pay a fee asked for; cleared when none was */
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
gboolean      gk_request_deadline_is_abandoned (const GkRequestDeadline *deadline,
                                                const GDate             *today);
GStrv         gk_request_deadline_describe     (const GkRequestDeadline *deadline,
                                                const GDate             *today);
GStrv         gk_request_deadline_describe_progress (const GkRequestDeadline *deadline,
                                                     const GDate             *today);

G_END_DECLS
