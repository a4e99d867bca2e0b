/* gk-attachments-section.h: the files attached to a record: add, open, remove with undo. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"

G_BEGIN_DECLS

#define GK_TYPE_ATTACHMENTS_SECTION (gk_attachments_section_get_type ())
G_DECLARE_FINAL_TYPE (GkAttachmentsSection, gk_attachments_section, GK, ATTACHMENTS_SECTION, GtkWidget)

/* Attaches @file now (the file chooser and a drop end here). */
gboolean   gk_attachments_section_add_file   (GkAttachmentsSection *self,
                                              GFile                *file,
                                              GError              **error);
guint      gk_attachments_section_get_n_rows (GkAttachmentsSection *self);

G_END_DECLS
