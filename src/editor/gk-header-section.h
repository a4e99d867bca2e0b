/* gk-header-section.h: the record's identity and dates: title, item, project, unit, 索引号, 文号, deadline. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"

G_BEGIN_DECLS

#define GK_TYPE_HEADER_SECTION (gk_header_section_get_type ())
G_DECLARE_FINAL_TYPE (GkHeaderSection, gk_header_section, GK, HEADER_SECTION, GtkWidget)

/* One of its rows by name: "title", "project" (a GkProjectRow), "unit", "doc-no", "formed", "due",
 * "status", "published" (tests, and the window's focus on new records). */
GtkWidget *gk_header_section_get_row (GkHeaderSection *self,
                                      const char      *name);

G_END_DECLS
