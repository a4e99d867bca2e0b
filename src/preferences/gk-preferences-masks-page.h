/* gk-preferences-masks-page.h: Preferences: how much of an ID number, a phone number and a name public outputs show. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_MASKS_PAGE (gk_preferences_masks_page_get_type ())
G_DECLARE_FINAL_TYPE (GkPreferencesMasksPage, gk_preferences_masks_page, GK, PREFERENCES_MASKS_PAGE, AdwPreferencesPage)

void gk_preferences_masks_page_set_store (GkPreferencesMasksPage *self,
                              GkStore     *store);

G_END_DECLS
