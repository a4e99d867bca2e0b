/* gk-window-actions.c: the window's commands, as GActions, and when they apply. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-application.h"
#include "gk-demo.h"
#include "gk-item-chooser.h"
#include "gk-bundle-dialog.h"
#include "gk-exchange-dialog.h"
#include "gk-import-dialog.h"
#include "gk-report-dialog.h"
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
  return gk_sidebar_section_domain (self->section);
}

/* Shows @record in the section of its domain and, on a folded window,
 * moves on to it. */
static void
open_record_in_section (GkWindow *self,
                        GkRecord *record)
{
  const char *section = gk_sidebar_domain_section (gk_record_get_domain (record));
  GkRecord *selected;

  if (section != NULL && g_strcmp0 (gk_sidebar_section_domain (self->section), gk_record_get_domain (record)) != 0)
    gk_window_set_section (self, section);

  /* The list's selection would otherwise name another record than the one shown. */
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL && g_strcmp0 (gk_record_get_uuid (selected), gk_record_get_uuid (record)) != 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  gk_window_open_record (self, record);
}

/* Creates a record of catalog item @item_key, shows it and puts the focus
 * in its title, which is what the clerk types first. */
static void
create_record (GkWindow   *self,
               const char *item_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;

  if (self->store == NULL)
    return;

  record = gk_store_create_record (self->store, item_key, NULL, &error);
  if (record == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  open_record_in_section (self, record);
  if (self->record_editor != NULL)
    gk_record_editor_focus_title (self->record_editor);
}

/* The chooser of the item, unless the section leaves no choice to make. */
static void
new_record_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  const char *domain = current_domain (self);
  GkItemChooser *chooser;

  if (self->store == NULL)
    return;

  /* Requests arrive daily and each begins as an application: the request
   * section creates one at once. A review or litigation case is rarer: it
   * is in the chooser of every other section, and Ctrl+Shift+N on a case. */
  if (g_strcmp0 (domain, "request") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = gk_store_list_items (self->store, domain, FALSE, &error);

      if (items == NULL)
        show_error_toast (self, error);
      else if (items->len > 0)
        create_record (self, gk_item_get_key (g_ptr_array_index (items, 0)));
      return;
    }

  chooser = gk_item_chooser_new (GTK_WINDOW (self), self->store, domain);
  /* New Record and Enter go on with a series of records of the item open. */
  if (self->record != NULL)
    gk_item_chooser_select (chooser, gk_record_get_item_key (self->record));
  gtk_window_present (GTK_WINDOW (chooser));
}

/* A record of the item named by the parameter, in that item's section:
 * what the chooser creates. */
static void
new_record_of_item_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  create_record (GK_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

/* Another record of the open record's item, without the chooser. */
static void
new_record_of_same_item_activated (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  /* Creating one replaces the open record, and its key with it. */
  g_autofree char *item_key = self->record != NULL ? g_strdup (gk_record_get_item_key (self->record)) : NULL;

  if (item_key != NULL)
    create_record (self, item_key);
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

  if (self->store == NULL)
    return;

  record = gk_store_get_record (self->store, g_variant_get_string (parameter, NULL), &error);
  if (record == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  open_record_in_section (self, record);
}

/* The record a delete toast is about; owned by the toast's handlers. */
typedef struct
{
  GWeakRef window;
  char *uuid;
} PendingDelete;

static void
pending_delete_free (gpointer  data,
                     GClosure *closure)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->window);
  g_free (pending->uuid);
  g_free (pending);
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast,
                              PendingDelete *pending)
{
  g_autoptr(GkWindow) self = g_weak_ref_get (&pending->window);
  const char *uuid = pending->uuid;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

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
on_delete_toast_undo_cb (AdwToast      *toast,
                         PendingDelete *pending)
{
  g_autoptr(GkWindow) self = g_weak_ref_get (&pending->window);
  const char *uuid = pending->uuid;
  g_autoptr(GkRecord) record = NULL;

  if (self == NULL || self->store == NULL)
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
  g_autoptr(GkRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  PendingDelete *pending;

  if (self->record == NULL)
    return;
  /* As stored: the editor may have published it since the list was read. */
  stored = gk_store_get_record (self->store, gk_record_get_uuid (self->record), &error);
  if (stored == NULL || !gk_store_can_delete_record (self->store, stored, &error))
    {
      show_error_toast (self, error);
      return;
    }

  /* Deferred delete: the record is hidden now and removed when the toast
   * goes, unless the clerk presses Undo. Whatever the editor holds is
   * saved first, so that Undo brings back the record as it was. */
  uuid = g_strdup (gk_record_get_uuid (self->record));
  /* Translators: %s is a record title */
  title = g_strdup_printf (_("“%s” deleted"), gk_record_get_title (self->record));
  gk_window_show_record (self, NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->window, self);
  pending->uuid = g_strdup (uuid);
  /* The toast goes after its last signal: the dismissed handler frees what both use. */
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_delete_toast_undo_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), pending,
                         pending_delete_free, 0);
  gk_store_hide_record (self->store, uuid);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The sample goes into a ledger of its own beside the clerk's, opened in
 * a window of its own: nothing of it ever enters the real ledger. */
static void
load_sample_data_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) sample = NULL;
  GkWindow *window;

  if (self->store == NULL || self->is_sample)
    return;

  sample = gk_demo_open_sample (gk_store_get_path (self->store), 400, &error);
  if (sample == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  window = gk_window_new (GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), sample, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
leave_sample_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  /* The clerk's own window is still open behind, or is opened anew. */
  g_application_hold (app);
  gtk_window_close (GTK_WINDOW (self));
  g_application_activate (app);
  g_application_release (app);
}

static void
search_changed_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  gboolean active = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  if (active && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
  gk_record_list_pane_set_search_mode (self->list_pane, active);
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

/* The list's order: what needs attention (the default), formation date,
 * due date or title. */
static void
sort_records_changed_state (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  gk_window_update_list (self);
}

static void
on_launch_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the annual report: %s", error->message);
}

/* GTK 4.8 has no GtkFileLauncher: GIO's launcher goes through the portal
 * inside the Flatpak. */
static void
on_report_toast_open_cb (AdwToast   *toast,
                         const char *uri)
{
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_launch_done_cb, NULL);
}

static void
on_report_exported_cb (GkReportDialog *dialog,
                       GFile          *file,
                       GkWindow       *self)
{
  AdwToast *toast = adw_toast_new (_("Annual report saved"));

  adw_toast_set_button_label (toast, _("_Open"));
  /* The toast owns the file's address for as long as it can be clicked. */
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_report_toast_open_cb),
                         g_file_get_uri (file), (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_report_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  GkReportDialog *dialog = gk_report_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_report_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
publish_bundle_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);

  gtk_window_present (GTK_WINDOW (gk_bundle_dialog_new (GTK_WINDOW (self), self->store)));
}

/* The batch an import toast undoes; owned by the toast's handler. */
typedef struct
{
  GWeakRef window;
  gint64 batch_id;
} ImportUndo;

static void
import_undo_free (gpointer data,
                  GClosure *closure)
{
  ImportUndo *undo = data;

  g_weak_ref_clear (&undo->window);
  g_free (undo);
}

static void
on_import_toast_undo_cb (AdwToast   *toast,
                         ImportUndo *undo)
{
  g_autoptr(GkWindow) self = g_weak_ref_get (&undo->window);
  g_autoptr(GError) error = NULL;

  if (self != NULL && self->store != NULL &&
      !gk_store_undo_import_batch (self->store, undo->batch_id, NULL, &error))
    show_error_toast (self, error);
}

static void
on_import_dialog_imported_cb (GkImportDialog *dialog,
                              gint64          batch_id,
                              guint           n_records,
                              GkWindow       *self)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Imported %u record", "Imported %u records", n_records), n_records);
  AdwToast *toast = adw_toast_new (title);
  ImportUndo *undo = g_new0 (ImportUndo, 1);

  /* Undo removes the whole batch, as the CLI's import-undo does. */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_weak_ref_init (&undo->window, self);
  undo->batch_id = batch_id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_import_toast_undo_cb), undo, import_undo_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWindow *
gk_window_import_file (GkWindow *self,
                       GFile    *file)
{
  g_autoptr(GError) error = NULL;
  GkImportDialog *dialog;

  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = gk_import_dialog_new (GTK_WINDOW (self), self->store, file, &error);
  if (dialog == NULL)
    {
      show_error_toast (self, error);
      return NULL;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_dialog_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    gk_window_import_file (self, file);
}

static void
import_table_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  /* The portal's chooser: the Flatpak has no broad file access. */
  chooser = gtk_file_chooser_native_new (_("Import Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_ledger_chooser_response_cb (GtkNativeDialog *chooser,
                                      int              response,
                                      GkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gtk_window_present (GTK_WINDOW (gk_exchange_dialog_new (GTK_WINDOW (self), self->store, FALSE, file)));
    }
  g_object_unref (chooser);
}

static void
on_import_ledger_chooser_response_cb (GtkNativeDialog *chooser,
                                      int              response,
                                      GkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gtk_window_present (GTK_WINDOW (gk_exchange_dialog_new (GTK_WINDOW (self), self->store, TRUE, file)));
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
exchange_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Exchange Files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  /* With the attached files themselves. */
  gtk_file_filter_add_pattern (filter, "*.zip");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
export_ledger_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  GtkFileChooserNative *chooser;
  g_autofree char *code = NULL;
  g_autofree char *today = gk_today ();
  g_autofree char *name = NULL;

  /* The file is named by the organisation's code, which the district
   * office reads to know whose it is. */
  gk_store_get_organisation (self->store, NULL, &code, NULL);
  name = g_strdup_printf ("%s-%s.json", code != NULL ? code : "gongkai", today);
  chooser = gtk_file_chooser_native_new (_("Export Ledger"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), exchange_filter ());
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_ledger_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_ledger_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Ledger"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), exchange_filter ());
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_ledger_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry win_actions[] = {
  { "new-record", new_record_activated },
  { "new-record-of-item", new_record_of_item_activated, "s" },
  { "new-record-of-same-item", new_record_of_same_item_activated },
  { "open-record", open_record_activated, "s" },
  { "search", search_activated, NULL, "false", search_changed_state },
  { "sort-records", NULL, "s", "'attention'", sort_records_changed_state },
  { "go-back", go_back_activated },
  { "load-sample-data", load_sample_data_activated },
  { "leave-sample", leave_sample_activated },
  { "delete-record", delete_record_activated },
  { "show-report", show_report_activated },
  { "export-report", export_report_activated },
  { "publish-bundle", publish_bundle_activated },
  { "import-table", import_table_activated },
  { "export-ledger", export_ledger_activated },
  { "import-ledger", import_ledger_activated },
};

static void
on_search_mode_changed_cb (GkWindow         *self,
                           GParamSpec       *pspec,
                           GkRecordListPane *pane)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "search");
  gboolean mode = gk_record_list_pane_get_search_mode (pane);
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
  if (self->section == NULL)
    return;

  /* Supervision offers the items of every domain; the catalog section edits
   * items, and its + would read as "new item". */
  /* Before the setup no 索引号 can be issued, so no record can be made. */
  set_enabled (self, "new-record", self->section_kind != GK_SECTION_CATALOG && self->store != NULL && !self->needs_setup);
  set_enabled (self, "new-record-of-item", self->store != NULL && !self->needs_setup);
  set_enabled (self, "new-record-of-same-item", self->store != NULL && self->record != NULL && !self->needs_setup);
  set_enabled (self, "open-record", self->store != NULL);
  set_enabled (self, "delete-record", self->record != NULL && self->store != NULL &&
               gk_store_can_delete_record (self->store, self->record, NULL));
  set_enabled (self, "search", self->store != NULL);
  set_enabled (self, "show-report", self->store != NULL && self->section_kind == GK_SECTION_SUPERVISION);
  set_enabled (self, "load-sample-data", self->store != NULL && !self->is_sample &&
               (self->total_records == 0 || self->needs_setup));
  set_enabled (self, "leave-sample", self->store != NULL && self->is_sample);
  set_enabled (self, "export-report", self->store != NULL);
  set_enabled (self, "publish-bundle", self->store != NULL);
  set_enabled (self, "import-table", self->store != NULL && !self->needs_setup);
  set_enabled (self, "export-ledger", self->store != NULL);
  set_enabled (self, "import-ledger", self->store != NULL);
}

void
gk_window_actions_init (GkWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_signal_connect_object (self->list_pane, "notify::search-mode",
                           G_CALLBACK (on_search_mode_changed_cb), self, G_CONNECT_SWAPPED);
}
