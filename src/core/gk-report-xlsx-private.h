/* gk-report-xlsx-private.h: state shared by the annual report workbook's sheet writers. */
#pragma once

#include <xlsxwriter.h>

#include "gk-catalog.h"
#include "gk-mask.h"
#include "gk-report-template.h"
#include "gk-report-xlsx.h"

G_BEGIN_DECLS

typedef struct
{
  lxw_format *title;      /* 黑体, large */
  lxw_format *heading;    /* 黑体 */
  lxw_format *text;       /* 仿宋, wrapped */
  lxw_format *plain;      /* 宋体 */
  lxw_format *header;     /* 宋体 bold, centred, bordered */
  lxw_format *label;      /* 宋体, bordered, wrapped */
  lxw_format *label_centre;
  lxw_format *count;      /* whole number, bordered */
  lxw_format *wan;        /* 万元 with four decimals, bordered */
  lxw_format *yuan;       /* 元 with two decimals */
  lxw_format *rate;       /* percentage, bordered */
  lxw_format *date;       /* a date cell */
  lxw_format *cell;       /* ledger cell: 宋体, bordered */
  lxw_format *total;      /* bold whole number, bordered */
  lxw_format *total_label;
  lxw_format *passed;
  lxw_format *failed;
  lxw_format *right;      /* the signature */
} GkReportFormats;

typedef struct
{
  GkStore               *store;
  const GkReportCounts  *counts;
  gboolean               public_;
  GkMaskPolicy           policy;
  GRegex                *id_pattern;     /* ID numbers in free text, for public workbooks */
  GRegex                *phone_pattern;  /* mobile numbers in free text */
  GkCatalog             *catalog;
  GkReportTemplate      *template;
  lxw_workbook          *workbook;
  GkReportFormats        f;
  GCancellable          *cancellable;
  GkReportProgressFunc   progress;
  gpointer               progress_data;
  guint                  rows_written;
} GkReportWriter;

/* 说明 and 年度报告 (gk-report-xlsx-tables.c). */
gboolean gk_report_write_notes      (GkReportWriter *w,
                                     GError        **error);
gboolean gk_report_write_report     (GkReportWriter *w,
                                     GError        **error);
/* 公共资源配置公开情况, 逾期清单 and the ledgers (gk-report-xlsx-ledger.c). */
gboolean gk_report_write_resources  (GkReportWriter *w,
                                     GError        **error);
gboolean gk_report_write_overdue    (GkReportWriter *w,
                                     GError        **error);
gboolean gk_report_write_ledgers    (GkReportWriter *w,
                                     GError        **error);

/* Helpers (gk-report-xlsx.c). */
const char *gk_report_writer_label  (GkReportWriter *w,
                                     const char     *path);
/* The template's text at @path with {organisation} and {year} filled in. */
char       *gk_report_writer_dup_title (GkReportWriter *w,
                                     const char     *path);
/* A worksheet on A4, in constant-memory mode when @streamed (rows strictly
 * in order), printed one page wide when @fit_width. */
lxw_worksheet *gk_report_writer_add_sheet (GkReportWriter *w,
                                     const char     *name,
                                     gboolean        streamed,
                                     gboolean        landscape,
                                     gboolean        fit_width);
/* Text as a cell takes it: at most 32767 characters; masked in public workbooks when @free_text. */
void     gk_report_write_text       (GkReportWriter *w,
                                     lxw_worksheet  *sheet,
                                     lxw_row_t       row,
                                     lxw_col_t       col,
                                     const char     *text,
                                     gboolean        free_text,
                                     lxw_format     *format);
/* An ISO date as a date cell; anything else as text. */
void     gk_report_write_date       (GkReportWriter *w,
                                     lxw_worksheet  *sheet,
                                     lxw_row_t       row,
                                     lxw_col_t       col,
                                     const char     *iso,
                                     lxw_format     *format);
/* Row height that shows @text wrapped in @width characters of column. */
double   gk_report_text_height      (const char     *text,
                                     double          width,
                                     double          line_height);
/* Between rows: FALSE with @error set once the export is cancelled. */
gboolean gk_report_writer_tick      (GkReportWriter *w,
                                     GError        **error);

G_END_DECLS
