/* gk-report-dialog.h: Export Annual Report: year, unit and privacy, the checks, then the workbook written off the main thread. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_REPORT_DIALOG (gk_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkReportDialog, gk_report_dialog, GK, REPORT_DIALOG, AdwWindow)

GkReportDialog *gk_report_dialog_new      (GtkWindow      *parent,
                                           GkStore        *store);
int             gk_report_dialog_get_year (GkReportDialog *self);
void            gk_report_dialog_set_year (GkReportDialog *self,
                                           int             year);
/* The file to write: once set, Export writes it without asking. */
void            gk_report_dialog_set_file (GkReportDialog *self,
                                           GFile          *file);

G_END_DECLS
