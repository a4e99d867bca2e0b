/* gk-exchange-dialog.h: Export Ledger… and Import Ledger…: an exchange file written or merged in a worker, with progress and what came of it. */
#pragma once

#include <adwaita.h>

#include "gk-exchange.h"
#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_EXCHANGE_DIALOG (gk_exchange_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkExchangeDialog, gk_exchange_dialog, GK, EXCHANGE_DIALOG, AdwMessageDialog)

/* Starts at once: writes @store's exchange file to @file, or (@importing)
 * merges @file into @store, on a connection of its own. "busy" turns FALSE
 * when it is done. */
GkExchangeDialog       *gk_exchange_dialog_new        (GtkWindow        *parent,
                                                       GkStore          *store,
                                                       gboolean          importing,
                                                       GFile            *file);
gboolean                gk_exchange_dialog_get_busy   (GkExchangeDialog *self);
/* What the import did, once done; NULL for an export or a failure. */
const GkExchangeResult *gk_exchange_dialog_get_result (GkExchangeDialog *self);
/* The rows listing the conflicts (tests). */
GtkListBox             *gk_exchange_dialog_get_conflict_list (GkExchangeDialog *self);

G_END_DECLS
