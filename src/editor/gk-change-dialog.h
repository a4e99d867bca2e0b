/* gk-change-dialog.h: "Record a Change": the date a published record changed, and what changed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_CHANGE_DIALOG (gk_change_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkChangeDialog, gk_change_dialog, GK, CHANGE_DIALOG, AdwMessageDialog)

GtkWidget  *gk_change_dialog_new      (GtkWindow      *parent);
/* As typed (any date form gk_date_parse() reads); today at first. */
const char *gk_change_dialog_get_date (GkChangeDialog *self);
void        gk_change_dialog_set_date (GkChangeDialog *self,
                                       const char     *date);
const char *gk_change_dialog_get_note (GkChangeDialog *self);
void        gk_change_dialog_set_note (GkChangeDialog *self,
                                       const char     *note);

G_END_DECLS
