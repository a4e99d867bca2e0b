/* gk-project-dialog.h: "New Project": name, code, 投资项目统一代码 (tender projects), unit. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_DIALOG (gk_project_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectDialog, gk_project_dialog, GK, PROJECT_DIALOG, AdwMessageDialog)

/* The parent answers its "response"; on "create", it calls
 * gk_project_dialog_create_project(). */
GkProjectDialog *gk_project_dialog_new            (GtkWindow       *parent,
                                                   GkStore         *store,
                                                   const char      *kind,
                                                   gint64           unit_id);
/* "name", "code" or "investment-code" (tests). */
GtkEditable     *gk_project_dialog_get_entry      (GkProjectDialog *self,
                                                   const char      *name);
/* Creates the project in the store, as the dialog's entries say. */
GkProject       *gk_project_dialog_create_project (GkProjectDialog *self,
                                                   GError         **error);
/* The name is given and the 投资项目统一代码, if any, is valid. */
gboolean         gk_project_dialog_get_can_create (GkProjectDialog *self);

G_END_DECLS
