/* gk-bundle-dialog.h: Publish Bundle…: what the bundle will hold and hold back, then writing it in a worker. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_BUNDLE_DIALOG (gk_bundle_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkBundleDialog, gk_bundle_dialog, GK, BUNDLE_DIALOG, AdwWindow)

/* Counts what would be published, and lists what is held back, at once
 * and in a worker of its own connection to @store's ledger. */
GkBundleDialog *gk_bundle_dialog_new        (GtkWindow       *parent,
                                               GkStore         *store);
/* The folder the bundle goes to (what the folder chooser sets). */
void             gk_bundle_dialog_set_folder (GkBundleDialog *self,
                                               GFile           *folder);
/* TRUE while the preview or the bundle is being written. */
gboolean         gk_bundle_dialog_get_busy   (GkBundleDialog *self);

G_END_DECLS
