/* gk-corrections-section.h: the correction notices (更正公告) of a record, or the record a correction corrects. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"

G_BEGIN_DECLS

#define GK_TYPE_CORRECTIONS_SECTION (gk_corrections_section_get_type ())
G_DECLARE_FINAL_TYPE (GkCorrectionsSection, gk_corrections_section, GK, CORRECTIONS_SECTION, GtkWidget)

/* The rows shown, in order (tests): AdwActionRow, each opening a record. */
GPtrArray *gk_corrections_section_get_rows (GkCorrectionsSection *self);

G_END_DECLS
