/* gk-supervision-export.h: the supervision (督查) report as a file to hand in: CSV, a workbook, or text for the clipboard. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  GK_SUPERVISION_EXPORT_CSV,   /* UTF-8 with BOM, RFC 4180 */
  GK_SUPERVISION_EXPORT_XLSX,
} GkSupervisionExportFormat;

/* The export's format from a file name (.csv or .xlsx); FALSE for another. */
gboolean gk_supervision_export_format_for_path (const char                *path,
                                                GkSupervisionExportFormat *format);

/* Writes @rows (GkSupervisionRow, as gk_store_supervision_report() gives
 * them) counted from @from to @to as of @today to @path, whole or not at
 * all. The labels are the report template's, in Chinese. */
gboolean gk_supervision_export_write (GPtrArray                 *rows,
                                      const char                *from,
                                      const char                *to,
                                      const char                *today,
                                      GkSupervisionExportFormat  format,
                                      const char                *path,
                                      GError                   **error);
/* The same table as tab-separated lines, for pasting into a spreadsheet. */
char    *gk_supervision_export_dup_text (GPtrArray              *rows,
                                         const char             *from,
                                         const char             *to,
                                         const char             *today,
                                         GError                **error);

/* The same table with its heading, as a printed page lays it out. */
typedef struct
{
  char *title;
  char *range;
  char *page;           /* the page number's pattern, with {page} and {pages} */
  GStrv columns;        /* the header row */
  GPtrArray *lines;     /* GStrv each, as many cells as columns */
  GArray *totals;       /* gboolean per line: a total, set apart */
} GkSupervisionTable;

GkSupervisionTable *gk_supervision_table_new  (GPtrArray              *rows,
                                               const char             *from,
                                               const char             *to,
                                               const char             *today,
                                               GError                **error);
void                gk_supervision_table_free (GkSupervisionTable     *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkSupervisionTable, gk_supervision_table_free)

G_END_DECLS
