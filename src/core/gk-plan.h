/* gk-plan.h: what the district plan asks beyond the catalog: credit pushes, corrections, work plans and yearly reports. */
#pragma once

#include "gk-deadline.h"
#include "gk-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Credit push (实施方案 第五条第（三）项、第七条): credit information and
 * blacklist entries go to 信用石家庄 "及时". The plan gives no count; the
 * 双公示 rule (国办发〔2015〕51号 (十八), 国发〔2016〕33号 (十七)) puts
 * decisions online within 7 working days and has them "及时归集" to the
 * credit site, so the push deadline defaults to that count and the clerk
 * may set another in Preferences. */

/* The channel whose items carry credit information, by its catalog name. */
#define GK_CREDIT_CHANNEL              "信用石家庄"
/* A field that records the push where an item has one (黑名单). */
#define GK_CREDIT_PUSHED_FIELD         "pushed_date"
#define GK_SETTING_CREDIT_PUSH_WORKDAYS "credit-push-workdays"
#define GK_CREDIT_PUSH_MAX_WORKDAYS    60

typedef struct
{
  GkRecord         *record;
  char             *start_on;    /* the decision the push runs from (ISO), or NULL when not entered */
  char             *due_on;      /* the push deadline (ISO), or NULL without a start */
  char             *pushed_on;   /* when it reached the credit site, or NULL */
  GkTimelinessInfo  info;        /* of the push, as of the day asked */
} GkCreditPush;

void        gk_credit_push_free                 (GkCreditPush *push);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCreditPush, gk_credit_push_free)

guint       gk_store_get_credit_push_workdays   (GkStore      *self,
                                                 GError      **error);
/* From 1 to GK_CREDIT_PUSH_MAX_WORKDAYS. */
gboolean    gk_store_set_credit_push_workdays   (GkStore      *self,
                                                 guint         workdays,
                                                 GError      **error);
/* The records of items published to GK_CREDIT_CHANNEL (neither withdrawn
 * nor exempt), soonest deadline first, those without one last. A record
 * counts as pushed when its GK_CREDIT_PUSHED_FIELD or its GK_CREDIT_CHANNEL
 * channel has a date. @pending_only: only those not yet pushed. @today
 * NULL: the real today. */
GPtrArray  *gk_store_list_credit_pushes         (GkStore      *self,
                                                 gboolean      pending_only,
                                                 const char   *today,
                                                 guint         due_soon_workdays,
                                                 GError      **error);

/* ------------------------------------------------------------------ */
/* Corrections (更正公告): an item whose fields include
 * GK_CORRECTED_FIELD corrects the record of that 索引号. */
#define GK_CORRECTED_FIELD "corrected_index_no"

gboolean    gk_item_is_correction               (GkItem       *item);
/* The records that correct @record, oldest first (GkRecord). */
GPtrArray  *gk_store_list_corrections           (GkStore      *self,
                                                 GkRecord     *record,
                                                 GError      **error);
/* The record @correction corrects; NULL with no error when it names none
 * or an unknown one. */
GkRecord   *gk_store_get_corrected_record       (GkStore      *self,
                                                 GkRecord     *correction,
                                                 GError      **error);

/* ------------------------------------------------------------------ */
/* Work plans (实施方案 第八条第（一）项): each named department and every
 * street and town publishes its own 工作目标、具体实施方案及工作措施. */
#define GK_WORK_PLAN_ITEM       "work-plan.plan"
#define GK_WORK_PLAN_YEAR_FIELD "plan_year"

typedef struct
{
  gint64    unit_id;
  char     *unit_name;
  GkRecord *record;    /* the unit's published plan for the year, or NULL */
} GkWorkPlanRow;

void        gk_work_plan_row_free               (GkWorkPlanRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkWorkPlanRow, gk_work_plan_row_free)

/* A row per ledger unit the work-plan item names (a street or town for
 * the group 各街镇), in unit order. */
GPtrArray  *gk_store_work_plan_status           (GkStore      *self,
                                                 int           year,
                                                 GError      **error);

/* ------------------------------------------------------------------ */
/* Yearly reports (条例 第四十九条; 实施方案 第八条第（二）项). */

/* The organisation's level decides the annual report's date: a department
 * reports by 31 January, the district by 31 March. */
#define GK_SETTING_ORGANISATION_LEVEL "organisation-level"
#define GK_ORGANISATION_DEPARTMENT    "department"
#define GK_ORGANISATION_DISTRICT      "district"
#define GK_SETTING_DUTY_PREFIX        "duty/"

/* "department" unless the ledger says "district". */
char       *gk_store_dup_organisation_level     (GkStore      *self,
                                                 GError      **error);

typedef enum
{
  GK_DUTY_ANNUAL_REPORT,    /* 政府信息公开工作年度报告 */
  GK_DUTY_PROGRESS_REPORT,  /* 推进公共资源配置领域政府信息公开工作进展情况 */
  GK_DUTY_N_KINDS,
} GkDutyKind;

typedef struct
{
  GkDutyKind        kind;
  int               year;          /* the year reported on */
  char             *due_on;        /* ISO */
  char             *exported_at;   /* when the report was last exported, or NULL */
  char             *submitted_on;  /* when the clerk marked it submitted, or NULL */
  GkTimelinessInfo  info;          /* as of the day asked; ON_TIME or LATE once done */
} GkDuty;

void        gk_duty_free                        (GkDuty       *duty);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDuty, gk_duty_free)

/* "annual-report", "progress-report". */
const char *gk_duty_kind_to_key                 (GkDutyKind    kind);
gboolean    gk_duty_kind_from_key               (const char   *key,
                                                 GkDutyKind   *kind);
/* "Annual Report", translated. */
const char *gk_duty_kind_to_label               (GkDutyKind    kind);
/* Done: exported and marked submitted. */
gboolean    gk_duty_is_done                     (const GkDuty *duty);

/* The duties to show on @today (NULL: the real today): last year's until
 * done, and this year's from 1 December; only for years the ledger holds
 * records formed in. @include_done keeps the done ones. */
GPtrArray  *gk_store_list_duties                (GkStore      *self,
                                                 const char   *today,
                                                 gboolean      include_done,
                                                 GError      **error);
GkDuty     *gk_store_get_duty                   (GkStore      *self,
                                                 GkDutyKind    kind,
                                                 int           year,
                                                 const char   *today,
                                                 GError      **error);
/* The whole organisation's annual report workbook for @year was written
 * at @when (NULL: now): it holds both reports. */
gboolean    gk_store_record_report_export       (GkStore      *self,
                                                 int           year,
                                                 const char   *when,
                                                 GError      **error);
/* Marks a duty submitted on @on (ISO, NULL: today); refused before the
 * report was exported. */
gboolean    gk_store_submit_duty                (GkStore      *self,
                                                 GkDutyKind    kind,
                                                 int           year,
                                                 const char   *on,
                                                 GError      **error);

G_END_DECLS
