/* gk-fields-section.h: the catalog item's own scalar fields, generated from its schema. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"
#include "gk-field-editor.h"

G_BEGIN_DECLS

#define GK_TYPE_FIELDS_SECTION (gk_fields_section_get_type ())
G_DECLARE_FINAL_TYPE (GkFieldsSection, gk_fields_section, GK, FIELDS_SECTION, GtkWidget)

/* The editor of field @id, or NULL (tests and the project view use it). */
GkFieldEditor *gk_fields_section_get_editor   (GkFieldsSection *self,
                                               const char      *id);

G_END_DECLS
