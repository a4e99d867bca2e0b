/* gk-window-actions.c: the window's commands, as GActions, and when they apply. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-window-private.h"

static void
new_record_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  gtk_stack_set_visible_child_name (self->content_stack, "record");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
search_changed_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  gboolean active = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_search_bar_set_search_mode (self->search_bar, active);
  if (active)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));

  g_action_change_state (G_ACTION (action), g_variant_new_boolean (!g_variant_get_boolean (state)));
}

static void
go_back_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
unavailable_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
}

static const GActionEntry win_actions[] = {
  { "new-record", new_record_activated },
  { "search", search_activated, NULL, "false", search_changed_state },
  { "go-back", go_back_activated },
  { "load-sample-data", unavailable_activated },
  { "export-report", unavailable_activated },
  { "publish-bundle", unavailable_activated },
};

static void
on_search_mode_changed_cb (GkWindow   *self,
                           GParamSpec *pspec,
                           GtkSearchBar *bar)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "search");
  gboolean mode = gtk_search_bar_get_search_mode (bar);
  g_autoptr(GVariant) state = g_action_get_state (action);

  /* Escape closes the bar without going through the action: keep the two in step. */
  if (g_variant_get_boolean (state) != mode)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (mode));
}

static void
set_enabled (GkWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
gk_window_actions_update (GkWindow *self)
{
  gboolean is_domain_or_requests;

  if (self->section == NULL)
    return;

  /* Records belong to a domain or are requests; the catalog, supervision
   * and the like have no "new record". */
  is_domain_or_requests = g_strcmp0 (self->section, "catalog") != 0 &&
                          g_strcmp0 (self->section, "supervision") != 0;

  set_enabled (self, "new-record", is_domain_or_requests);
  set_enabled (self, "search", g_strcmp0 (self->section, "supervision") != 0);
  set_enabled (self, "load-sample-data", self->total_records == 0);
  /* The exporters are not part of this build yet. */
  set_enabled (self, "export-report", FALSE);
  set_enabled (self, "publish-bundle", FALSE);
}

void
gk_window_actions_init (GkWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed_cb), self, G_CONNECT_SWAPPED);
}
