/* gk-report-count.h: the annual report's figures counted from the ledger, and their consistency checks. */
#pragma once

#include <gio/gio.h>

#include "gk-report-figures.h"
#include "gk-store.h"

G_BEGIN_DECLS

/*
 * Counting rules for year Y (国办公开办函〔2021〕30号; the 说明 sheet says
 * the same in Chinese):
 *
 * Table 三 counts records of item request.application by the fields
 * received_date, reply_date, applicant_type and outcome. Row 一: received
 * in Y. Row 二: received before Y and not replied before 1 January Y; when
 * the figures entered in Preferences for Y carry a row 二 (the ledger does
 * not hold last year), those figures instead. Outcome rows: replied in Y,
 * by outcome; a reply without an outcome counts under （六）3.其他. Row 四:
 * received on or before 31 December Y and not replied by then. Columns by
 * applicant type; a missing type counts under 其他. So 一 + 二 = （七）总计 + 四
 * holds by construction unless the dates contradict each other (a reply
 * before its receipt) or row 二 comes from Preferences: it is checked all
 * the same, as is this year's 二 against last year's 四 when the ledger
 * holds applications received last year.
 *
 * Table 四 counts records of item request.case received in Y, by
 * case_kind and result; a case whose result is 尚未审结 or whose
 * decided_date falls after 31 December Y counts as 尚未审结.
 *
 * Table 二 and sections 一, 五, 六 are the figures entered in Preferences.
 *
 * The public-resource figures count records outside the request domain
 * whose due date falls in Y, with the timeliness rules of the supervision
 * report: published on or before the due date is on time, after it late
 * (in working days of the calendar), unpublished and past due on the "as
 * of" date overdue. Records not to be disclosed (不予公开) count in the year
 * they were formed. Records deleted pending an undo count nowhere.
 */

/* Rows of table 三, in the national order: 一, 二, the 21 outcomes of the
 * catalog, （七）总计, 四. */
#define GK_REPORT_N_OUTCOMES 21
enum
{
  GK_REPORT_ROW_RECEIVED = 0,
  GK_REPORT_ROW_CARRIED_IN = 1,
  GK_REPORT_ROW_FIRST_OUTCOME = 2,
  GK_REPORT_ROW_TOTAL = GK_REPORT_ROW_FIRST_OUTCOME + GK_REPORT_N_OUTCOMES,
  GK_REPORT_ROW_CARRIED_OVER,
  GK_REPORT_N_ROWS,
};

/* Table 四: 行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正,
 * 其他结果, 尚未审结, 总计. */
#define GK_REPORT_N_CASE_KINDS   3
#define GK_REPORT_N_CASE_RESULTS 5

/* One consistency check, its name and outcome in the workbook's Chinese. */
typedef struct
{
  char     *name;
  gboolean  passed;
  gboolean  warning;  /* a remark that does not make the report wrong */
  char     *detail;   /* what failed, with the numbers; NULL when passed */
} GkReportCheck;

/* Timeliness of one domain × item × unit (unit_id 0: none). */
typedef struct
{
  char   *domain;
  char   *domain_name;
  gint64  item_id;
  char   *item_name;
  gint64  unit_id;
  char   *unit_name;
  gint64  due;
  gint64  on_time;
  gint64  late;
  gint64  late_workdays;
  gint64  overdue;
  gint64  withheld;
  char   *grounds;    /* the legal grounds of the withheld records, "；"-separated */
} GkReportResourceRow;

typedef struct
{
  char   *domain;
  char   *domain_name;
  char   *channel;
  gint64  count;
} GkReportChannelRow;

typedef struct
{
  char   *domain;
  char   *domain_name;
  gint64  months[12];
} GkReportMonthRow;

typedef struct
{
  int              year;
  char            *as_of;          /* ISO date the overdue figures are counted at */
  char            *organisation;
  gint64           unit_id;        /* 0: every unit */
  char            *unit_name;

  GkReportFigures *figures;        /* the Preferences figures of the year */
  gboolean         carried_in_from_figures;
  gint64           requests[GK_REPORT_N_ROWS][GK_APPLICANT_N_COLUMNS];
  gint64           cases[GK_REPORT_N_CASE_KINDS][GK_REPORT_N_CASE_RESULTS];

  GPtrArray       *resources;      /* GkReportResourceRow, by domain, item, unit */
  GPtrArray       *channels;       /* GkReportChannelRow */
  GPtrArray       *months;         /* GkReportMonthRow, records published in Y */
  GPtrArray       *checks;         /* GkReportCheck */
} GkReportCounts;

void            gk_report_counts_free      (GkReportCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReportCounts, gk_report_counts_free)

/* Counts year @year of @store for unit @unit_id (0: all) and runs every
 * check. @as_of NULL: today. */
GkReportCounts *gk_report_count            (GkStore        *store,
                                            int             year,
                                            gint64          unit_id,
                                            const char     *as_of,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* TRUE when every check passed (warnings aside). */
gboolean        gk_report_counts_passed    (const GkReportCounts *counts);

G_END_DECLS
