/* gk-catalog-channels.h: the channels of a catalog item in its editor: add, rename and remove them. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_CHANNELS (gk_catalog_channels_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogChannels, gk_catalog_channels, GK, CATALOG_CHANNELS, GtkWidget)

GtkWidget *gk_catalog_channels_new          (void);
/* Shows a row per channel of @names; NULL: no item, nothing to add to. */
void       gk_catalog_channels_set_channels (GkCatalogChannels  *self,
                                             const char * const *names);
/* The channel names as typed, empty ones included; NULL while one is a
 * problem (shown at its row), or when there is no item. */
GStrv      gk_catalog_channels_dup_channels (GkCatalogChannels  *self);
/* The row of channel @index, or NULL. */
GtkWidget *gk_catalog_channels_get_row      (GkCatalogChannels  *self,
                                             guint               index);

G_END_DECLS
