/* gk-project-section.h: the record's project: its stages in lifecycle order, and the next stage's record. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_SECTION (gk_project_section_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectSection, gk_project_section, GK, PROJECT_SECTION, GtkWidget)

/* The row of the stage of catalog item @item_key, or NULL (tests). */
GtkWidget  *gk_project_section_get_row        (GkProjectSection *self,
                                               const char       *item_key);
/* What the row of a stage says of its state ("Missing", "Overdue", …). */
const char *gk_project_section_get_state_text (GkProjectSection *self,
                                               const char       *item_key);
/* The catalog item "Create Next Stage" makes a record of, or NULL. */
const char *gk_project_section_get_next_item  (GkProjectSection *self);
GtkWidget  *gk_project_section_get_next_button (GkProjectSection *self);
/* Creates the next stage's record and opens it (win.open-record). */
gboolean    gk_project_section_create_next    (GkProjectSection *self,
                                               GError          **error);

G_END_DECLS
