/* gk-supervision-print.h: the supervision (督查) report printed on A4 pages, as a clerk hands it in. */
#pragma once

#include <gtk/gtk.h>

#include "gk-supervision-export.h"

G_BEGIN_DECLS

#define GK_TYPE_SUPERVISION_PRINT (gk_supervision_print_get_type ())
G_DECLARE_FINAL_TYPE (GkSupervisionPrint, gk_supervision_print, GK, SUPERVISION_PRINT, GtkPrintOperation)

/* A print operation for @table, which it takes: A4 landscape, the heading on the
 * first page, the header row on every page, 第 N 页 共 M 页 below. */
GtkPrintOperation *gk_supervision_print_new (GkSupervisionTable *table);

G_END_DECLS
