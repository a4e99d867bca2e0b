/* gk-unit-item.h: one responsible unit (责任单位) as an item of a list model. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_TYPE_UNIT_ITEM (gk_unit_item_get_type ())
G_DECLARE_FINAL_TYPE (GkUnitItem, gk_unit_item, GK, UNIT_ITEM, GObject)

/* @id 0 stands for "no unit" (or "every unit"), named @name. */
GkUnitItem *gk_unit_item_new         (gint64      id,
                                      const char *name,
                                      gboolean    retired);
gint64      gk_unit_item_get_id      (GkUnitItem *self);
const char *gk_unit_item_get_name    (GkUnitItem *self);
gboolean    gk_unit_item_get_retired (GkUnitItem *self);

G_END_DECLS
