/* gk-xlsx-reader.h: reads the sheets of an .xlsx workbook (Excel, WPS, LibreOffice) row by row, streaming. */
#pragma once

#include <gio/gio.h>

#include "gk-table.h"

G_BEGIN_DECLS

#define GK_TYPE_XLSX_READER (gk_xlsx_reader_get_type ())
G_DECLARE_FINAL_TYPE (GkXlsxReader, gk_xlsx_reader, GK, XLSX_READER, GObject)

/* Opens the workbook's package and reads what every sheet needs: the
 * sheet names, the shared strings and which cell styles are dates. */
GkXlsxReader       *gk_xlsx_reader_new_for_file      (GFile           *file,
                                                      GError         **error);
GkXlsxReader       *gk_xlsx_reader_new_for_bytes     (GBytes          *bytes,
                                                      GError         **error);

/* The sheets in the workbook's order. */
const char * const *gk_xlsx_reader_get_sheet_names   (GkXlsxReader    *self);

/* Streams the rows of sheet @index to @func. Shared strings come as
 * text, numbers as the file writes them, numbers in a date format as ISO
 * dates (the 1900 system with its fictitious 1900-02-29, or 1904). A cell
 * inside merged cells takes the value of the merge's first cell, so that
 * a header merged over two columns names both. */
gboolean            gk_xlsx_reader_read_sheet        (GkXlsxReader    *self,
                                                      guint            index,
                                                      GkTableRowFunc   func,
                                                      gpointer         user_data,
                                                      GError         **error);

/* Excel's serial day number as an ISO date; NULL outside 1900–9999. */
char               *gk_xlsx_serial_to_iso            (double           serial,
                                                      gboolean         date1904);

G_END_DECLS
