/* gk-window-actions.c: the window's commands, as GActions, and when they apply. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-demo.h"
#include "gk-window-private.h"

static void
show_error_toast (GkWindow     *self,
                  const GError *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static const char *
current_domain (GkWindow *self)
{
  return gk_window_section_domain (self->section);
}

static void
new_record_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GkRecord) record = NULL;
  const char *domain = current_domain (self);
  const char *item_key;

  if (self->store == NULL || domain == NULL)
    return;

  /* A record of the item open, as the clerk is entering a series of them;
   * with none open, the domain's first item. */
  if (self->record != NULL && g_strcmp0 (self->record->domain, domain) == 0 && self->record->item_key != NULL)
    item_key = self->record->item_key;
  else
    {
      items = gk_store_list_items (self->store, domain, FALSE, &error);
      if (items == NULL || items->len == 0)
        {
          if (error != NULL)
            show_error_toast (self, error);
          return;
        }
      item_key = gk_item_get_key (g_ptr_array_index (items, 0));
    }

  record = gk_store_create_record (self->store, item_key, NULL, &error);
  if (record == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  gk_window_open_record (self, record);
}

/* Opens a record by its UUID (a project's other stages link here), in the
 * section of its domain. */
static void
open_record_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  GkRecord *selected;
  const char *section;

  if (self->store == NULL)
    return;

  record = gk_store_get_record (self->store, g_variant_get_string (parameter, NULL), &error);
  if (record == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  section = gk_window_domain_section (record->domain);
  if (section != NULL && g_strcmp0 (gk_window_section_domain (self->section), record->domain) != 0)
    gk_window_set_section (self, section);

  /* The list's selection would otherwise name another record than the one shown. */
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL && g_strcmp0 (selected->uuid, record->uuid) != 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  gk_window_open_record (self, record);
}

static void
on_delete_toast_dismissed_cb (AdwToast *toast,
                              GkWindow *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (toast), "gk-uuid");
  g_autoptr(GError) error = NULL;

  /* Undo showed the record again; otherwise the delete happens now. */
  if (self->store == NULL || !gk_store_is_record_hidden (self->store, uuid))
    return;

  if (!gk_store_delete_record (self->store, uuid, &error))
    {
      gk_store_unhide_record (self->store, uuid);
      show_error_toast (self, error);
    }
}

static void
on_delete_toast_undo_cb (AdwToast *toast,
                         GkWindow *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (toast), "gk-uuid");
  g_autoptr(GkRecord) record = NULL;

  if (self->store == NULL)
    return;

  gk_store_unhide_record (self->store, uuid);

  /* Back where the clerk was: the record open again. */
  record = gk_store_get_record (self->store, uuid, NULL);
  if (record != NULL && self->record == NULL)
    gk_window_show_record (self, record);
}

static void
delete_record_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  g_autofree char *title = NULL;
  g_autofree char *uuid = NULL;
  AdwToast *toast;

  if (self->record == NULL)
    return;

  /* Deferred delete: the record is hidden now and removed when the toast
   * goes, unless the clerk presses Undo. Whatever the editor holds is
   * saved first, so that Undo brings back the record as it was. */
  uuid = g_strdup (self->record->uuid);
  /* Translators: %s is a record title */
  title = g_strdup_printf (_("“%s” deleted"), self->record->title);
  gk_window_show_record (self, NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "gk-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_delete_toast_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self, 0);
  gk_store_hide_record (self->store, uuid);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_sample_data_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!gk_demo_fill (self->store, 400, 1, &error))
    show_error_toast (self, error);
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
show_report_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  gk_window_show_report (self);
  gk_window_reveal_content (self);
}

static void
unavailable_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
}

static const GActionEntry win_actions[] = {
  { "new-record", new_record_activated },
  { "new-record-of-item", new_record_activated, "s" },
  { "open-record", open_record_activated, "s" },
  { "search", search_activated, NULL, "false", search_changed_state },
  { "go-back", go_back_activated },
  { "load-sample-data", load_sample_data_activated },
  { "delete-record", delete_record_activated },
  { "show-report", show_report_activated },
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

  set_enabled (self, "new-record", is_domain_or_requests && self->store != NULL);
  set_enabled (self, "new-record-of-item", is_domain_or_requests && self->store != NULL);
  set_enabled (self, "open-record", self->store != NULL);
  set_enabled (self, "delete-record", self->record != NULL);
  set_enabled (self, "search", self->store != NULL);
  set_enabled (self, "show-report", self->store != NULL && g_strcmp0 (self->section, "supervision") == 0);
  set_enabled (self, "load-sample-data", self->store != NULL && self->total_records == 0);
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
