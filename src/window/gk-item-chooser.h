/* gk-item-chooser.h: the dialog in which a clerk chooses the catalog item of a new record. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_ITEM_CHOOSER (gk_item_chooser_get_type ())
G_DECLARE_FINAL_TYPE (GkItemChooser, gk_item_chooser, GK, ITEM_CHOOSER, AdwWindow)

/* Lists the catalog items that take new records, those of @domain first
 * (NULL: every domain in catalog order), grouped by domain and 一级事项.
 * Choosing one closes the dialog and activates win.new-record-of-item on
 * @parent with the item's key. */
GkItemChooser *gk_item_chooser_new              (GtkWindow     *parent,
                                                 GkStore       *store,
                                                 const char    *domain);
/* Selects item @key (what Enter then creates), now if the search finds
 * it, and again whenever the search is cleared. */
void           gk_item_chooser_select           (GkItemChooser *self,
                                                 const char    *key);
/* The key of the item Enter would create, or NULL. */
const char    *gk_item_chooser_get_selected_key (GkItemChooser *self);
/* How many items the search leaves listed. */
guint          gk_item_chooser_get_n_matches    (GkItemChooser *self);

G_END_DECLS
