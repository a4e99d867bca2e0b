/* gk-catalog-editor.h: the content pane for a catalog item (公开目录): its texts, rule, channels and fields, saved as the clerk works. */
#pragma once

#include <adwaita.h>

#include "gk-catalog-channels.h"
#include "gk-catalog-fields.h"
#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_EDITOR (gk_catalog_editor_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogEditor, gk_catalog_editor, GK, CATALOG_EDITOR, GtkWidget)

/* Saves this long after the last edit; and at once on leaving the item. */
#define GK_CATALOG_EDITOR_SAVE_DELAY_MS 500

GtkWidget  *gk_catalog_editor_new            (GkStore         *store);
/* Saves the pending edits of the item shown, then shows item @key (NULL: none). */
void        gk_catalog_editor_set_item_key   (GkCatalogEditor *self,
                                              const char      *key);
const char *gk_catalog_editor_get_item_key   (GkCatalogEditor *self);
/* The item as last saved (or loaded), or NULL. */
GkItem     *gk_catalog_editor_get_item       (GkCatalogEditor *self);
/* Saves the pending edits now. */
gboolean    gk_catalog_editor_flush          (GkCatalogEditor *self,
                                              GError         **error);
/* Edits made but not saved yet. */
gboolean    gk_catalog_editor_get_modified   (GkCatalogEditor *self);

/* The rows, by name: "name", "level1", "contents", "basis", "retired",
 * "rule", "workdays", "time-limit", "units", "supervision", "new-label",
 * "new-kind"; and their problems shown ("name", "new-label"). */
GtkWidget  *gk_catalog_editor_get_row        (GkCatalogEditor *self,
                                              const char      *name);
const char *gk_catalog_editor_get_message    (GkCatalogEditor *self,
                                              const char      *name);
/* The row of field @id, and the problem shown under it (NULL: none). */
GtkWidget  *gk_catalog_editor_get_field_row  (GkCatalogEditor *self,
                                              const char      *id);
const char *gk_catalog_editor_get_field_message (GkCatalogEditor *self,
                                              const char      *id);
/* The row of channel @index, or NULL. */
GtkWidget  *gk_catalog_editor_get_channel_row (GkCatalogEditor *self,
                                              guint            index);
/* The parts that edit the item's field list and its channels, with their actions. */
GkCatalogFields   *gk_catalog_editor_get_fields   (GkCatalogEditor *self);
GkCatalogChannels *gk_catalog_editor_get_channels (GkCatalogEditor *self);

G_END_DECLS
