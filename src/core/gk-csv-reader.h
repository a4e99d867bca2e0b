/* gk-csv-reader.h: reads a CSV file row by row (libcsv), in UTF-8 or the GBK/GB18030 that Chinese Excel and WPS write. */
#pragma once

#include <gio/gio.h>

#include "gk-table.h"

G_BEGIN_DECLS

/* The encoding of @stream's bytes: "UTF-8" when they start with its byte
 * order mark or are valid UTF-8 throughout, else "GB18030" (a superset of
 * GBK and GB2312). Reads the stream to its end. */
const char *gk_csv_detect_encoding (GInputStream   *stream,
                                    GCancellable   *cancellable,
                                    GError        **error);

/* Hands each row of @stream, in @encoding (NULL: UTF-8), to @func. The
 * delimiter is a comma, or a tab or semicolon when the first line has
 * more of those. Cells are text: a CSV has no types. */
gboolean    gk_csv_read_stream     (GInputStream   *stream,
                                    const char     *encoding,
                                    GkTableRowFunc  func,
                                    gpointer        user_data,
                                    GCancellable   *cancellable,
                                    GError        **error);

/* Detects the encoding of @file, then reads it as above. */
gboolean    gk_csv_read_file       (GFile          *file,
                                    GkTableRowFunc  func,
                                    gpointer        user_data,
                                    GCancellable   *cancellable,
                                    GError        **error);

G_END_DECLS
