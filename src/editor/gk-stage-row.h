/* gk-stage-row.h: one stage of a project in the project section: its item, its state and the record that fills it. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_STAGE_ROW (gk_stage_row_get_type ())
G_DECLARE_FINAL_TYPE (GkStageRow, gk_stage_row, GK, STAGE_ROW, AdwActionRow)

/* @current_uuid: the record the editor shows; its stage is marked, not opened. */
GtkWidget  *gk_stage_row_new             (GkStage    *stage,
                                          const char *current_uuid);
const char *gk_stage_row_get_item_key    (GkStageRow *self);
/* The record that activating the row opens, or NULL (none, or the one shown). */
const char *gk_stage_row_get_record_uuid (GkStageRow *self);
/* The state in words ("Missing", "Overdue", …). */
const char *gk_stage_row_get_state_text  (GkStageRow *self);

G_END_DECLS
