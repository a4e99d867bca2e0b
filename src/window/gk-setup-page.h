/* gk-setup-page.h: the first-run setup of a new ledger: organisation, code, level, units. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_SETUP_PAGE (gk_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (GkSetupPage, gk_setup_page, GK, SETUP_PAGE, AdwBin)

GtkWidget *gk_setup_page_new       (void);
void       gk_setup_page_set_store (GkSetupPage  *self,
                                    GkStore      *store);
/* Writes what the page holds into the ledger; "done" follows on success. */
gboolean   gk_setup_page_apply     (GkSetupPage  *self,
                                    GError      **error);

G_END_DECLS
