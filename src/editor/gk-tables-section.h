/* gk-tables-section.h: the catalog item's table fields, one table editor each. */
#pragma once

#include <gtk/gtk.h>

#include "gk-editor-section.h"
#include "gk-table-editor.h"

G_BEGIN_DECLS

#define GK_TYPE_TABLES_SECTION (gk_tables_section_get_type ())
G_DECLARE_FINAL_TYPE (GkTablesSection, gk_tables_section, GK, TABLES_SECTION, GtkWidget)

/* The editor of table field @id, or NULL. */
GkTableEditor *gk_tables_section_get_editor (GkTablesSection *self,
                                             const char      *id);

G_END_DECLS
