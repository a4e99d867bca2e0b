/* gk-history-section.h: who changed what in a record, and when, newest first. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"

G_BEGIN_DECLS

#define GK_TYPE_HISTORY_SECTION (gk_history_section_get_type ())
G_DECLARE_FINAL_TYPE (GkHistorySection, gk_history_section, GK, HISTORY_SECTION, GtkWidget)

guint      gk_history_section_get_n_rows (GkHistorySection *self);
/* The text of row @position ("采购项目编号: — → ZB-1"), newest first. */
const char *gk_history_section_get_row_title (GkHistorySection *self,
                                              guint             position);

G_END_DECLS
