/* gk-report-figures.h: the annual report's figures the ledger cannot count, one set per year. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Section 三's numeric columns, in order; the last is the total of the others. */
typedef enum
{
  GK_APPLICANT_PERSON,          /* 自然人 */
  GK_APPLICANT_BUSINESS,        /* 商业企业 */
  GK_APPLICANT_RESEARCH,        /* 科研机构 */
  GK_APPLICANT_NONPROFIT,       /* 社会公益组织 */
  GK_APPLICANT_LEGAL,           /* 法律服务机构 */
  GK_APPLICANT_OTHER,           /* 其他 */
  GK_APPLICANT_TOTAL,           /* 总计 */
  GK_APPLICANT_N_COLUMNS,
} GkApplicantColumn;

/* Counts are non-negative whole numbers; the fees are kept in 分 and
 * shown in 万元 with up to four decimals (so always whole 元). */
typedef struct
{
  int year;

  /* 二、主动公开政府信息情况 */
  gint64 rules_issued;              /* 规章: 本年制发件数 */
  gint64 rules_repealed;            /* 本年废止件数 */
  gint64 rules_in_force;            /* 现行有效件数 */
  gint64 normative_issued;          /* 行政规范性文件 */
  gint64 normative_repealed;
  gint64 normative_in_force;
  gint64 licensing_decisions;       /* 行政许可: 本年处理决定数量 */
  gint64 penalty_decisions;         /* 行政处罚 */
  gint64 coercion_decisions;        /* 行政强制 */
  gint64 fees_fen;                  /* 行政事业性收费: 本年收费金额 */

  /* 三: row 二、上年结转, entered only when last year is not in this ledger. */
  gboolean has_carried_over;
  gint64 carried_over[GK_APPLICANT_N_COLUMNS];

  /* Sections 一, 五, 六: text. */
  char *overview;
  char *problems;
  char *other;
} GkReportFigures;

#define GK_REPORT_FIGURES_ERROR (gk_report_figures_error_quark ())

typedef enum
{
  GK_REPORT_FIGURES_ERROR_INVALID,
} GkReportFiguresError;

/* The first year of the national format (国办公开办函〔2021〕30号). */
#define GK_REPORT_FIRST_YEAR 2021

GQuark           gk_report_figures_error_quark (void);

GkReportFigures *gk_report_figures_new        (int                     year);
void             gk_report_figures_free       (GkReportFigures        *figures);
/* Every count non-negative, the carried-over total the sum of its columns. */
gboolean         gk_report_figures_check      (const GkReportFigures  *figures,
                                               GError                **error);
char            *gk_report_figures_to_json    (const GkReportFigures  *figures);
/* The count stored under @member, as the JSON document names it
 * ("rules-issued", …, "fees-fen"); FALSE for an unknown member. */
gboolean         gk_report_figures_lookup     (const GkReportFigures  *figures,
                                               const char             *member,
                                               gint64                 *out_value);
/* Refuses a document of another year, a negative or fractional count. */
GkReportFigures *gk_report_figures_from_json  (const char             *json,
                                               int                     year,
                                               GError                **error);

/* A count as typed: a whole number, 0 or more (full-width digits too). */
gboolean         gk_report_parse_count        (const char             *text,
                                               gint64                 *out_count,
                                               GError                **error);
/* An amount in 万元 with at most four decimals, to 分. */
gboolean         gk_report_parse_fees         (const char             *text,
                                               gint64                 *out_fen,
                                               GError                **error);
/* 分 to 万元 without trailing zeros: 123400 → "0.1234", 1000000 → "1". */
char            *gk_report_format_fees        (gint64                  fen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReportFigures, gk_report_figures_free)

G_END_DECLS
