/* gk-publication-page.h: Preferences: the default channels and the disclosure guide's contacts. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PUBLICATION_PAGE (gk_publication_page_get_type ())
G_DECLARE_FINAL_TYPE (GkPublicationPage, gk_publication_page, GK, PUBLICATION_PAGE, AdwPreferencesPage)

void gk_publication_page_set_store (GkPublicationPage *self,
                                    GkStore           *store);

G_END_DECLS
