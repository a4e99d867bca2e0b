/* gk-attachment-row.h: one file attached to a record, with buttons to open and remove it. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_ATTACHMENT_ROW (gk_attachment_row_get_type ())
G_DECLARE_FINAL_TYPE (GkAttachmentRow, gk_attachment_row, GK, ATTACHMENT_ROW, AdwActionRow)

/* The row keeps its own copy of @attachment. */
GtkWidget          *gk_attachment_row_new            (const GkAttachment *attachment);
const GkAttachment *gk_attachment_row_get_attachment (GkAttachmentRow    *self);
/* A copy that outlives the row (an undoable removal keeps one). */
GkAttachment       *gk_attachment_row_dup_attachment (GkAttachmentRow    *self);

G_END_DECLS
