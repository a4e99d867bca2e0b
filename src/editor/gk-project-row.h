/* gk-project-row.h: the project a record belongs to: chosen from a searchable list, created, or detached. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_ROW (gk_project_row_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectRow, gk_project_row, GK, PROJECT_ROW, AdwActionRow)

/* The ledger, the kind of project the record's item belongs to (NULL: any
 * kind, for a record of an item that left its chain) and the unit a new
 * project starts with. Does not notify "project-id". */
void          gk_project_row_setup          (GkProjectRow *self,
                                             GkStore      *store,
                                             const char   *kind,
                                             gint64        unit_id,
                                             gint64        project_id);
/* 0: no project. Notified when the clerk chooses. */
gint64        gk_project_row_get_project_id (GkProjectRow *self);
void          gk_project_row_set_project_id (GkProjectRow *self,
                                             gint64        project_id);
/* Opens the "New Project" dialog (also the popover's button). */
GtkWidget    *gk_project_row_new_project    (GkProjectRow *self);
/* The popover’s search entry (tests). */
GtkEditable  *gk_project_row_get_search     (GkProjectRow *self);

G_END_DECLS
