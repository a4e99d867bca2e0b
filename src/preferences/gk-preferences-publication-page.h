/* gk-preferences-publication-page.h: Preferences: the default channels and the disclosure guide's contacts. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_PUBLICATION_PAGE (gk_preferences_publication_page_get_type ())
G_DECLARE_FINAL_TYPE (GkPreferencesPublicationPage, gk_preferences_publication_page, GK, PREFERENCES_PUBLICATION_PAGE, AdwPreferencesPage)

void gk_preferences_publication_page_set_store (GkPreferencesPublicationPage *self,
                                    GkStore           *store);

G_END_DECLS
