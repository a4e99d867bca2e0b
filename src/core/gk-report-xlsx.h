/* gk-report-xlsx.h: the annual report workbook (libxlsxwriter): national tables, public-resource figures, ledgers. */
#pragma once

#include <gio/gio.h>

#include "gk-report-count.h"
#include "gk-store.h"

G_BEGIN_DECLS

/* Called now and then with the share of the work done, 0 to 1. */
typedef void (*GkReportProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef struct
{
  int         year;
  gint64      unit_id;     /* 0: every unit */
  gboolean    public_;     /* mask personal data with the ledger's mask policy */
  const char *as_of;       /* NULL: today */
} GkReportOptions;

/* Writes @counts and the ledger of @store to @path: into a temporary file
 * beside it, renamed over @path at the end, so that a failed or cancelled
 * export leaves nothing behind. Numbers are written under the C numeric
 * locale whatever the user's. */
gboolean gk_report_write_xlsx (GkStore               *store,
                               const GkReportCounts  *counts,
                               gboolean               public_,
                               const char            *path,
                               GCancellable          *cancellable,
                               GkReportProgressFunc   progress,
                               gpointer               progress_data,
                               GError               **error);

/* Counts, then writes. */
gboolean gk_report_export     (GkStore               *store,
                               const GkReportOptions *options,
                               const char            *path,
                               GCancellable          *cancellable,
                               GkReportProgressFunc   progress,
                               gpointer               progress_data,
                               GError               **error);

G_END_DECLS
