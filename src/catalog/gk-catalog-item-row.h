/* gk-catalog-item-row.h: one catalog item in the window's catalog list. */
#pragma once

#include <adwaita.h>

#include "gk-item.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_ITEM_ROW (gk_catalog_item_row_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogItemRow, gk_catalog_item_row, GK, CATALOG_ITEM_ROW, AdwActionRow)

GtkWidget  *gk_catalog_item_row_new          (GkItem           *item);
GkItem     *gk_catalog_item_row_get_item     (GkCatalogItemRow *self);
/* An edit in the catalog editor: the row shows the item's texts again. */
void        gk_catalog_item_row_set_item     (GkCatalogItemRow *self,
                                              GkItem           *item);
const char *gk_catalog_item_row_get_item_key (GkCatalogItemRow *self);

G_END_DECLS
