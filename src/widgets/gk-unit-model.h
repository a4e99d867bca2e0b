/* gk-unit-model.h: the ledger's responsible units as a GListModel of GkUnitItem, for every unit chooser. */
#pragma once

#include <gio/gio.h>

#include "gk-store.h"
#include "gk-unit-item.h"

G_BEGIN_DECLS

#define GK_TYPE_UNIT_MODEL (gk_unit_model_get_type ())
G_DECLARE_FINAL_TYPE (GkUnitModel, gk_unit_model, GK, UNIT_MODEL, GObject)

/* The units of @store, after an item of id 0 named @none_label (or none when
 * NULL). Retired units are listed with @with_retired; otherwise only the
 * kept unit (see gk_unit_model_reload()) is, as what already names it. */
GkUnitModel *gk_unit_model_new          (GkStore     *store,
                                         const char  *none_label,
                                         gboolean     with_retired);
GkStore     *gk_unit_model_get_store    (GkUnitModel *self);
/* Reads the units again, listing the retired unit @kept_id, or another
 * organisation's (a district's ledger holds its records), if there is one.
 * Changes the model only where the units changed; FALSE when they could not be read. */
gboolean     gk_unit_model_reload       (GkUnitModel *self,
                                         gint64       kept_id,
                                         GError     **error);
/* The unit at @position, 0 for the "none" item or outside the list. */
gint64       gk_unit_model_get_id       (GkUnitModel *self,
                                         guint        position);
/* Where unit @id is, or the "none" item's position (0) when it is not listed. */
guint        gk_unit_model_find         (GkUnitModel *self,
                                         gint64       id);

G_END_DECLS
