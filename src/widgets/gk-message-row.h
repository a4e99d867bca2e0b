/* gk-message-row.h: the words under a field in a boxed list: its problem, or its help. */
#pragma once

#include <adwaita.h>

#include "gk-validate.h"

G_BEGIN_DECLS

#define GK_TYPE_MESSAGE_ROW (gk_message_row_get_type ())
G_DECLARE_FINAL_TYPE (GkMessageRow, gk_message_row, GK, MESSAGE_ROW, AdwPreferencesRow)

GtkWidget  *gk_message_row_new         (void);
/* Shows @message styled by @severity (OK: help, dimmed); NULL hides the row. */
void        gk_message_row_set_message (GkMessageRow *self,
                                        const char   *message,
                                        GkSeverity    severity);
const char *gk_message_row_get_message (GkMessageRow *self);
/* Shows the error @message (NULL: none) for @row, the entry above it,
 * which is marked invalid and styled as an error meanwhile. */
void        gk_message_row_show_error  (GkMessageRow *self,
                                        GtkWidget    *row,
                                        const char   *message);
GtkWidget  *gk_message_row_get_label   (GkMessageRow *self);

G_END_DECLS
