/* gk-project-choice.h: one project offered in the project row's searchable list. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_CHOICE (gk_project_choice_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectChoice, gk_project_choice, GK, PROJECT_CHOICE, GtkListBoxRow)

/* @current: the project the record belongs to now, marked with a check. */
GtkWidget  *gk_project_choice_new            (const GkProject *project,
                                              gboolean         current);
gint64      gk_project_choice_get_project_id (GkProjectChoice *self);
/* Whether the name or code holds @casefolded_key (already case-folded). */
gboolean    gk_project_choice_matches        (GkProjectChoice *self,
                                              const char      *casefolded_key);

G_END_DECLS
