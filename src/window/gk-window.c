/* gk-window.c: the main window: sidebar of sections, record list, content pane. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-deadline.h"
#include "gk-demo.h"
#include "gk-settings.h"
#include "gk-record-row.h"
#include "gk-sidebar.h"
#include "gk-window-private.h"

G_DEFINE_FINAL_TYPE (GkWindow, gk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_supervision (GkWindow *self)
{
  return self->section_kind == GK_SECTION_SUPERVISION;
}

static gboolean
is_catalog (GkWindow *self)
{
  return self->section_kind == GK_SECTION_CATALOG;
}

/* The empty list explains itself: in supervision, nothing urgent is good news. */
static void
update_empty_page (GkWindow *self)
{
  g_autofree char *description = NULL;

  if (is_supervision (self))
    {
      description = g_strdup_printf (ngettext ("No record is past its deadline or due within %d working day.",
                                               "No record is past its deadline or due within %d working days.",
                                               self->due_soon_workdays),
                                     self->due_soon_workdays);
      gk_record_list_pane_set_empty (self->list_pane, "emblem-ok-symbolic", _("Nothing Overdue"), description);
    }
  else
    {
      gk_record_list_pane_set_empty (self->list_pane, "folder-documents-symbolic", _("No Records"),
                                     _("Press “New Record” to add what this section must disclose."));
    }
}

void
gk_window_update_panes (GkWindow *self)
{
  GkSidebarRow *row = gk_sidebar_get_row (self->sidebar, self->section);
  guint shown = self->records != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->records)) : 0;
  gboolean searching = gk_record_list_pane_get_search_text (self->list_pane)[0] != '\0';
  gboolean supervision = is_supervision (self);
  g_autofree char *subtitle = NULL;
  const char *list_page;

  if (row != NULL)
    g_object_set (self->list_pane, "title", gk_sidebar_row_get_title (row), NULL);

  if (is_catalog (self))
    {
      guint n_items = gk_sidebar_row_get_count (row);

      subtitle = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);
      list_page = "catalog";
    }
  else
    {
      subtitle = g_strdup_printf (ngettext ("%u record", "%u records", shown), shown);
      list_page = shown > 0 ? "records" : searching ? "no-results" : "empty";
    }
  /* Searches may miss records until the index is rebuilt: the list says so. */
  if (self->store != NULL && gk_store_get_search_index_pending (self->store))
    {
      g_free (subtitle);
      /* Translators: the search index is being rebuilt; %u is the percentage done */
      subtitle = g_strdup_printf (_("Indexing for search… %u%%"),
                                  self->index_total > 0 ? self->index_done * 100 / self->index_total : 0);
    }

  update_empty_page (self);
  g_object_set (self->list_pane,
                "subtitle", subtitle,
                "page", list_page,
                "shows-units", supervision && self->store != NULL,
                "shows-report", supervision,
                NULL);

  if (self->store == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "error");
  else if (self->needs_setup && self->record == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "setup");
    }
  else if (self->record != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "record");
  else if (is_catalog (self))
    {
      GkItem *item = self->catalog_editor != NULL ? gk_catalog_editor_get_item (self->catalog_editor) : NULL;

      adw_window_title_set_title (self->content_title, item != NULL ? gk_item_get_level2 (item) : "");
      adw_window_title_set_subtitle (self->content_title, item != NULL ? gk_item_get_level1 (item) : "");
      gtk_stack_set_visible_child_name (self->content_stack, item != NULL ? "catalog-item" : "no-item");
    }
  else if (supervision)
    {
      /* Supervision with no record chosen: how timely each unit was. */
      adw_window_title_set_title (self->content_title, _("Timeliness Report"));
      adw_window_title_set_subtitle (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "supervision");
    }
  else
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack,
                                        self->total_records == 0 ? "empty-ledger" : "no-selection");
    }

  gtk_widget_set_visible (self->status_menu_button, self->store != NULL && self->record != NULL);
}

/* The order the clerk chose in the list's sort menu. */
static GkSort
chosen_sort (GkWindow *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "sort-records");
  const char *name = state != NULL ? g_variant_get_string (state, NULL) : "attention";

  if (g_str_equal (name, "date"))
    return GK_SORT_DATE;
  if (g_str_equal (name, "due"))
    return GK_SORT_DUE;
  if (g_str_equal (name, "title"))
    return GK_SORT_TITLE;
  return GK_SORT_ATTENTION;
}

static void
update_query (GkWindow *self)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  const char *text = gk_record_list_pane_get_search_text (self->list_pane);

  if (self->records == NULL)
    return;

  query->text = g_strdup (text);
  /* A search of all records looks past the section (not past supervision's
   * urgency nor into the catalog, which lists items). */
  if (*text == '\0' || !gk_record_list_pane_get_search_all (self->list_pane))
    query->domain = g_strdup (gk_sidebar_section_domain (self->section));
  query->sort = chosen_sort (self);
  if (is_supervision (self))
    {
      /* Supervision lists what is past due or due soon across all units (or
       * the one chosen), the most urgent first: as `gongkai-cli check` does. */
      query->open_due_by = g_strdup (self->due_soon_by);
      query->unit_id = gk_window_supervision_get_unit (self);
      query->sort = GK_SORT_DUE;
    }
  else if (is_catalog (self))
    {
      /* The catalog shows items, not records: an empty record list. */
      query->domain = g_strdup ("-");
    }

  gk_record_list_set_query (self->records, query);
}

void
gk_window_update_list (GkWindow *self)
{
  update_query (self);
  gk_window_update_panes (self);
}

void
gk_window_refresh_counts (GkWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint total = 0;
  guint overdue_total = 0;
  guint urgent_total = 0;

  if (self->store == NULL)
    return;

  /* A window left open past midnight, or a calendar edited, moves the window of "due soon". */
  if (gk_window_supervision_update_today (self) && is_supervision (self))
    update_query (self);

  for (const char * const *key = gk_sidebar_list_sections (); *key != NULL; key++)
    {
      const char *domain = gk_sidebar_section_domain (*key);
      GkSidebarRow *row = gk_sidebar_get_row (self->sidebar, *key);
      guint count = 0, overdue = 0;

      if (domain == NULL)
        continue;

      if (!gk_store_count_domain (self->store, domain, self->today, &count, &overdue, &error))
        {
          g_warning ("Could not count records: %s", error->message);
          g_clear_error (&error);
        }
      gk_sidebar_row_set_count (row, count);
      gk_sidebar_row_set_overdue (row, overdue);
      total += count;
    }

  gk_window_supervision_count (self, &overdue_total, &urgent_total);
  /* Beside the badge, what the supervision list holds: overdue and due soon. */
  gk_sidebar_row_set_count (gk_sidebar_get_row (self->sidebar, "supervision"), urgent_total);
  gk_sidebar_row_set_overdue (gk_sidebar_get_row (self->sidebar, "supervision"), overdue_total);

  self->total_records = total;
  self->overdue_records = overdue_total;
  gk_window_update_panes (self);
  gk_window_actions_update (self);
}

static void
on_store_catalog_changed_cb (GkWindow *self)
{
  gk_window_catalog_fill (self);
  /* The item's name heads the content pane. */
  gk_window_update_panes (self);
}

static void
on_sidebar_section_cb (GkWindow  *self,
                       GParamSpec *pspec,
                       GkSidebar *sidebar)
{
  gk_window_set_section (self, gk_sidebar_get_section (sidebar));
}

static void
on_sidebar_section_activated_cb (GkWindow *self)
{
  /* On a folded window, choosing a section moves on to its list. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
}

static void
on_list_pane_search_text_cb (GkWindow *self)
{
  update_query (self);
  gk_window_update_panes (self);
}

/* The Publish… button while the record can be published, on a wide
 * window; folded, the header has no room and the ✓ menu offers it. */
static void
on_publish_state_cb (GkWindow *self)
{
  /* The leaflet notifies while the template is built and torn down. */
  if (self->publish_button == NULL || self->leaflet == NULL)
    return;
  gtk_widget_set_visible (self->publish_button,
                          gtk_widget_get_sensitive (self->publish_button) && !adw_leaflet_get_folded (self->leaflet));
}

/* Folding keeps what the clerk was working on in sight: the open record or
 * catalog item, not the sidebar the leaflet would otherwise show. The
 * header then keeps its title and the ✓ menu: Delete moves into it. */
static void
on_leaflet_folded_cb (GkWindow *self)
{
  gboolean folded;

  if (self->leaflet == NULL || self->delete_button == NULL)
    return;

  folded = adw_leaflet_get_folded (self->leaflet);
  gtk_widget_set_visible (self->delete_button, !folded);
  if (folded && (self->record != NULL ||
                 (is_catalog (self) && self->catalog_editor != NULL && gk_catalog_editor_get_item (self->catalog_editor) != NULL)))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
on_list_pane_record_activated_cb (GkWindow *self,
                                  GkRecord *record)
{
  gk_window_open_record (self, record);
  /* Enter on a row goes on into the record, as a click does. */
  if (self->record_editor != NULL && self->record != NULL)
    gk_record_editor_focus_title (self->record_editor);
}

static void
on_selection_changed_cb (GkWindow           *self,
                         guint               position,
                         guint               n_items,
                         GtkSingleSelection *selection)
{
  GkRecord *record = gtk_single_selection_get_selected_item (selection);

  /* Only follow the selection on a wide window; folded, activation navigates. */
  if (record != NULL && !adw_leaflet_get_folded (self->leaflet))
    gk_window_show_record (self, record);
}

/* A binding we keep a reference to stays valid after its source is gone. */
static void
clear_binding (GBinding **binding)
{
  if (*binding == NULL)
    return;
  g_binding_unbind (*binding);
  g_clear_object (binding);
}

void
gk_window_reveal_content (GkWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

void
gk_window_open_record (GkWindow *self,
                       GkRecord *record)
{
  gk_window_show_record (self, record);
  gk_window_reveal_content (self);
}

void
gk_window_show_record (GkWindow *self,
                       GkRecord *record)
{
  g_autoptr(GkRecord) keep = NULL;
  GkRecord *edited;

  /* The list's own record, when it has one: its row then shows what is typed. */
  if (record != NULL && self->records != NULL)
    {
      GkRecord *listed = gk_record_list_lookup (self->records, gk_record_get_uuid (record));

      if (listed != NULL)
        record = listed;
    }
  /* Saving the record left reloads the list, which may drop @record. */
  keep = record != NULL ? g_object_ref (record) : NULL;
  g_set_object (&self->record, record);
  clear_binding (&self->title_binding);
  clear_binding (&self->subtitle_binding);

  if (record != NULL && self->record_editor == NULL && self->store != NULL)
    {
      self->record_editor = GK_RECORD_EDITOR (gk_record_editor_new (self->store));
      adw_bin_set_child (self->record_page, GTK_WIDGET (self->record_editor));
      gtk_widget_insert_action_group (GTK_WIDGET (self), "editor",
                                      gk_record_editor_get_actions (self->record_editor));
    }

  /* The editor saves what the clerk typed in the record it showed before;
   * that save reloads the list, and self->record is then the list's fresh
   * copy of @record, which the editor follows. */
  if (self->record_editor != NULL)
    {
      gk_record_editor_set_record (self->record_editor, record);
      if (self->record != record)
        gk_record_editor_set_record (self->record_editor, self->record);
    }

  /* The editor keeps its own record when @record is a fresh copy of it:
   * the title follows the one the clerk types in. */
  edited = self->record_editor != NULL ? gk_record_editor_get_record (self->record_editor) : record;
  if (edited != NULL)
    {
      self->title_binding = g_object_ref (g_object_bind_property (edited, "title", self->content_title, "title",
                                                                  G_BINDING_SYNC_CREATE));
      self->subtitle_binding = g_object_ref (g_object_bind_property (edited, "item-name", self->content_title,
                                                                     "subtitle", G_BINDING_SYNC_CREATE));
    }

  gk_window_update_panes (self);
  gk_window_actions_update (self);
}

static gboolean
follow_list_idle (gpointer user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  GkRecord *edited = self->record_editor != NULL ? gk_record_editor_get_record (self->record_editor) : NULL;
  GkRecord *listed;

  self->follow_list_id = 0;
  if (edited == NULL || self->records == NULL)
    return G_SOURCE_REMOVE;
  listed = gk_record_list_lookup (self->records, gk_record_get_uuid (edited));
  if (listed != NULL && listed != edited)
    gk_window_show_record (self, listed);
  return G_SOURCE_REMOVE;
}

/* After the pane binds a row: when the list read the open record again
 * (after a save), the editor moves to the row's copy, so that the row keeps
 * showing what is typed. Not from here, in the middle of the list's layout. */
static void
on_record_row_bound_cb (GkWindow    *self,
                        GtkListItem *item)
{
  GkRecord *record = gtk_list_item_get_item (item);
  GkRecord *edited = self->record_editor != NULL ? gk_record_editor_get_record (self->record_editor) : NULL;

  /* A request's row says what its events did to the reply period (督查
   * and the requests' list alike), as `gongkai-cli check` does. */
  if (record != NULL && gk_record_is_request (record))
    {
      g_auto(GStrv) notes = NULL;
      GDate today;

      if (gk_date_from_iso (self->today, &today, NULL))
        {
          notes = gk_store_describe_request (self->store, record, &today);
          gk_record_row_set_notes (GK_RECORD_ROW (gtk_list_item_get_child (item)), (const char * const *) notes);
        }
    }

  if (edited != NULL && record != NULL && record != edited &&
      g_strcmp0 (gk_record_get_uuid (record), gk_record_get_uuid (edited)) == 0 &&
      self->follow_list_id == 0)
    self->follow_list_id = g_idle_add (follow_list_idle, self);
}

static void start_indexing (GkWindow *self);

static void
on_store_records_changed_cb (GkWindow *self)
{
  start_indexing (self);
  gk_window_supervision_fill_units (self);
  gk_window_refresh_counts (self);

  /* Show the stored state of the open record, or nothing if it is gone. */
  if (self->record != NULL)
    {
      g_autoptr(GkRecord) fresh = gk_store_get_record (self->store, gk_record_get_uuid (self->record), NULL);
      gk_window_show_record (self, fresh);
    }
}

static void
save_window_state (GkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "selected-section", self->section);
  g_settings_apply (self->settings);
}

/**
 * gk_window_save_edits:
 *
 * Saves at once what is being typed in the record and the catalog item
 * shown, instead of after the editors' pause: before the ledger is closed
 * under the window (a restore), where a failure must stop what follows.
 */
gboolean
gk_window_save_edits (GkWindow  *self,
                      GError   **error)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);

  if (self->record_editor != NULL && !gk_record_editor_flush (self->record_editor, error))
    return FALSE;
  if (self->catalog_editor != NULL && !gk_catalog_editor_flush (self->catalog_editor, error))
    return FALSE;
  return TRUE;
}

static gboolean
gk_window_close_request (GtkWindow *window)
{
  GkWindow *self = GK_WINDOW (window);

  save_window_state (self);
  /* A failure stays shown in the editor; the window closes all the same. */
  if (self->catalog_editor != NULL)
    gk_catalog_editor_flush (self->catalog_editor, NULL);

  return GTK_WINDOW_CLASS (gk_window_parent_class)->close_request (window);
}

static void
set_store (GkWindow *self,
           GkStore  *store)
{
  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  gk_window_supervision_update_today (self);
  self->records = gk_record_list_new (store);
  /* The list gets its model after the first frame (see constructed). */
  g_signal_connect_object (store, "records-changed", G_CALLBACK (on_store_records_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "catalog-changed", G_CALLBACK (on_store_catalog_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gk_supervision_view_set_store (self->supervision_view, store);
  gk_window_supervision_fill_units (self);
  gk_setup_page_set_store (self->setup_page, store);
  gk_window_update_ledger (self);
}

void
gk_window_update_ledger (GkWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;
  sample = gk_store_get_setting (self->store, GK_SAMPLE_LEDGER_KEY, NULL);
  self->is_sample = g_strcmp0 (sample, "1") == 0;
  if (!gk_store_get_organisation (self->store, &name, &code, NULL))
    {
      name = g_strdup ("");
      code = g_strdup ("");
    }
  self->needs_setup = *code == '\0';

  /* The window always says which ledger is open. */
  if (self->is_sample)
    gk_sidebar_set_subtitle (self->sidebar, _("Sample Ledger"));
  else if (*name != '\0')
    gk_sidebar_set_subtitle (self->sidebar, name);
  else
    {
      g_autofree char *base = g_path_get_basename (gk_store_get_path (self->store));

      gk_sidebar_set_subtitle (self->sidebar, base);
    }
  gtk_revealer_set_reveal_child (self->sample_banner, self->is_sample);
  title = self->is_sample ? g_strdup_printf ("%s — %s", _("Sample Ledger"), _("Gongkai")) : g_strdup (_("Gongkai"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The organisation may have changed in Preferences or from gongkai-cli
 * while the window was in the background. */
static void
on_is_active_cb (GkWindow *self)
{
  gboolean needed_setup = self->needs_setup;

  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->store == NULL)
    return;
  gk_window_update_ledger (self);
  if (needed_setup != self->needs_setup)
    {
      gk_window_update_panes (self);
      gk_window_actions_update (self);
    }
}

static void
on_setup_done_cb (GkWindow *self)
{
  gk_window_update_ledger (self);
  gk_window_update_panes (self);
  gk_window_actions_update (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The ledger is set up: new records get index numbers with your code")));
}

/* The record list's rows are the costliest part of the first frame (GTK
 * 4.8 builds a screenful and more at once): show the window, then fill it. */
static gboolean
attach_records_idle (gpointer user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  self->attach_records_id = 0;
  if (self->records != NULL && gtk_single_selection_get_model (self->selection) == NULL)
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));
  return G_SOURCE_REMOVE;
}

/* A damaged ledger found by the background check: show why and stop
 * using it, so that nothing more is read from or written to it. */
static void
drop_store (GkWindow     *self,
            const GError *error)
{
  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->store, self);
  gk_supervision_view_set_store (self->supervision_view, NULL);
  if (self->record_editor != NULL)
    {
      gk_record_editor_set_record (self->record_editor, NULL);
      gk_record_editor_set_store (self->record_editor, NULL);
    }
  if (self->catalog_editor != NULL)
    gk_catalog_editor_set_item_key (self->catalog_editor, NULL);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->records);
  clear_binding (&self->title_binding);
  clear_binding (&self->subtitle_binding);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  adw_status_page_set_description (self->error_page, error->message);
  gk_window_update_panes (self);
  gk_window_actions_update (self);
}

static void
on_store_verified_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (gk_store_verify_finish (GK_STORE (source), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  drop_store (GK_WINDOW (user_data), error);
}

static void
on_index_progress_cb (guint    done,
                      guint    total,
                      gpointer user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  self->index_done = done;
  self->index_total = total;
  gk_window_update_panes (self);
}

static void
on_index_rebuilt_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_store_rebuild_search_index_finish (GK_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->index_cancellable);
  if (!ok)
    {
      /* The next start tries again; searching works meanwhile. */
      g_warning ("Could not update the search index: %s", error->message);
      return;
    }
  gk_window_update_panes (self);
  /* Another import came in meanwhile. */
  start_indexing (self);
}

/* A ledger from an older version opened before its search index was
 * rebuilt (minutes for 100 000 records), or records a large import left
 * for the index: indexed now, in a worker, the list pane saying how far
 * it is. Searches find the records that wait meanwhile, more slowly. */
static void
start_indexing (GkWindow *self)
{
  if (self->store == NULL || self->index_cancellable != NULL ||
      !gk_store_get_search_index_pending (self->store))
    return;
  self->index_done = 0;
  self->index_total = 0;
  self->index_cancellable = g_cancellable_new ();
  gk_store_rebuild_search_index_async (self->store, on_index_progress_cb, self, self->index_cancellable,
                                       on_index_rebuilt_cb, g_object_ref (self));
}

/* Preferences changed how early "due soon" begins: recount and relist. */
static void
on_due_soon_changed_cb (GkWindow *self)
{
  self->due_soon_workdays = g_settings_get_uint (self->settings, "due-soon-workdays");
  if (self->store == NULL)
    return;

  gk_window_supervision_update_today (self);
  update_query (self);
  gk_window_refresh_counts (self);
}

static void
gk_window_constructed (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);
  g_autofree char *saved_section = NULL;

  G_OBJECT_CLASS (gk_window_parent_class)->constructed (object);

  gk_window_catalog_fill (self);
  gk_window_refresh_counts (self);

  if (self->records != NULL)
    self->attach_records_id = g_idle_add_full (G_PRIORITY_LOW, attach_records_idle, self, NULL);

  start_indexing (self);

  /* A large ledger opened before its integrity check; run it now that the
   * window can show the ledger meanwhile. */
  if (self->store != NULL && !gk_store_is_verified (self->store))
    {
      self->verify_cancellable = g_cancellable_new ();
      gk_store_verify_async (self->store, self->verify_cancellable, on_store_verified_cb, self);
    }

  saved_section = g_settings_get_string (self->settings, "selected-section");
  if (gk_sidebar_get_row (self->sidebar, saved_section) == NULL)
    {
      g_free (saved_section);
      saved_section = g_strdup (gk_sidebar_list_sections ()[0]);
    }
  gk_window_set_section (self, saved_section);
}

static void
gk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      gk_window_set_section (self, g_value_get_string (value));
      break;
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_dispose (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_handle_id (&self->attach_records_id, g_source_remove);
  g_clear_handle_id (&self->follow_list_id, g_source_remove);
  /* A window destroyed without closing still saves the item being edited,
   * while it can hear of it; then it stops listening. */
  if (self->catalog_editor != NULL)
    gk_catalog_editor_flush (self->catalog_editor, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_WINDOW);
  self->catalog_editor = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->records);
  clear_binding (&self->title_binding);
  clear_binding (&self->subtitle_binding);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_window_parent_class)->dispose (object);
}

static void
gk_window_finalize (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->due_soon_by, g_free);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (gk_window_parent_class)->finalize (object);
}

static void
gk_window_class_init (GkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gk_window_constructed;
  object_class->dispose = gk_window_dispose;
  object_class->finalize = gk_window_finalize;
  object_class->get_property = gk_window_get_property;
  object_class->set_property = gk_window_set_property;
  window_class->close_request = gk_window_close_request;

  /* The sidebar section shown: a domain key, or catalog, requests, supervision. */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The ledger shown; NULL when it could not be opened. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, leaflet);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, record_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, status_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, supervision_view);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, catalog_page);

  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_section_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_search_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_done_cb);

  g_type_ensure (GK_TYPE_SIDEBAR);
  g_type_ensure (GK_TYPE_SETUP_PAGE);
  g_type_ensure (GK_TYPE_RECORD_LIST_PANE);
  g_type_ensure (GK_TYPE_RECORD_EDITOR);
  g_type_ensure (GK_TYPE_CATALOG_EDITOR);
  g_type_ensure (GK_TYPE_SUPERVISION_VIEW);
}

static void
gk_window_init (GkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_publish_state_cb (self);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_cb), NULL);

  self->today = gk_today ();
  self->settings = g_settings_new (APP_ID);
  self->due_soon_workdays = g_settings_get_uint (self->settings, "due-soon-workdays");
  g_signal_connect_object (self->settings, "changed::due-soon-workdays",
                           G_CALLBACK (on_due_soon_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_set (self->list_pane, "model", self->selection, "today", self->today, NULL);
  g_signal_connect_object (gtk_list_view_get_factory (gk_record_list_pane_get_list_view (self->list_pane)), "bind",
                           G_CALLBACK (on_record_row_bound_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  gk_window_actions_init (self);
  gk_window_supervision_init (self);
  gk_window_catalog_init (self);
}

GkWindow *
gk_window_new (GkApplication *application,
               GkStore       *store,
               const GError  *error)
{
  GkWindow *self = g_object_new (GK_TYPE_WINDOW,
                                 "application", application,
                                 "store", store,
                                 NULL);

  if (error != NULL)
    adw_status_page_set_description (self->error_page, error->message);

  return self;
}

GkStore *
gk_window_get_store (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
gk_window_get_section (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  return self->section;
}

void
gk_window_set_section (GkWindow   *self,
                       const char *key)
{
  GkSidebarRow *row;

  g_return_if_fail (GK_IS_WINDOW (self));

  row = gk_sidebar_get_row (self->sidebar, key);
  if (row == NULL)
    {
      g_warning ("Unknown section “%s”", key);
      return;
    }

  if (g_strcmp0 (self->section, key) != 0)
    {
      g_free (self->section);
      self->section = g_strdup (key);
      self->section_kind = gk_sidebar_section_kind (key);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
      update_query (self);
      /* The record of another section would stand beside a list it is not in. */
      if (self->record != NULL)
        gk_window_show_record (self, NULL);
      /* Likewise the catalog item, saved as it goes. */
      if (!is_catalog (self) && self->catalog_editor != NULL &&
          gk_catalog_editor_get_item_key (self->catalog_editor) != NULL)
        gk_window_show_catalog_item (self, NULL);
    }

  gk_sidebar_set_section (self->sidebar, key);

  gk_window_update_panes (self);
  gk_window_actions_update (self);
}
