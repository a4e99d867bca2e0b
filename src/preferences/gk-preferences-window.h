/* gk-preferences-window.h: the organisation, units, channels, guide, masks, report figures and calendar. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_WINDOW (gk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, GK, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *gk_preferences_window_new (GtkWindow *parent,
                                      GkStore   *store);

G_END_DECLS
