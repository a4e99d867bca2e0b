/* gk-masks-page.h: Preferences: how much of an ID number, a phone number and a name public outputs show. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_MASKS_PAGE (gk_masks_page_get_type ())
G_DECLARE_FINAL_TYPE (GkMasksPage, gk_masks_page, GK, MASKS_PAGE, AdwPreferencesPage)

void gk_masks_page_set_store (GkMasksPage *self,
                              GkStore     *store);

G_END_DECLS
