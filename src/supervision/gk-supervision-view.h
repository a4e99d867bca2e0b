/* gk-supervision-view.h: the supervision (督查) report: each unit's timeliness, domain by domain. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_SUPERVISION_VIEW (gk_supervision_view_get_type ())
G_DECLARE_FINAL_TYPE (GkSupervisionView, gk_supervision_view, GK, SUPERVISION_VIEW, AdwBin)

GtkWidget       *gk_supervision_view_new        (void);
void             gk_supervision_view_set_store  (GkSupervisionView *self,
                                                 GkStore           *store);
GkPeriod         gk_supervision_view_get_period (GkSupervisionView *self);
void             gk_supervision_view_set_period (GkSupervisionView *self,
                                                 GkPeriod           period);
/* The rows shown, as gk_store_supervision_report() returned them; NULL
 * before the first report. */
GPtrArray       *gk_supervision_view_get_report (GkSupervisionView *self);
/* Saves the report shown as a workbook (.xlsx) or CSV (.csv), by @path's
 * ending, as its Export menu does after the file chooser. */
gboolean         gk_supervision_view_export     (GkSupervisionView  *self,
                                                 const char         *path,
                                                 GError            **error);
/* The report shown as tab-separated text, as Copy Table puts it on the clipboard. */
char            *gk_supervision_view_dup_text   (GkSupervisionView  *self,
                                                 GError            **error);
/* The report shown as a print operation (A4, Chinese labels), as Print…
 * runs it with the print dialog. */
GtkPrintOperation *gk_supervision_view_new_print (GkSupervisionView  *self,
                                                  GError            **error);

G_END_DECLS
