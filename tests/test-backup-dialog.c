/* test-backup-dialog.c: Restore from Backup in the window: the copies listed, one restored, the ledger reopened. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-backup.h"
#include "gk-backup-dialog.h"
#include "gk-core.h"
#include "gk-demo.h"
#include "gk-header-section.h"
#include "gk-record-editor-private.h"
#include "gk-store.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window.h"
#include "gk-window-private.h"

static char *tmp_dir;
static GkApplication *app;

static guint
count_records (GkStore *store)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  return count;
}

static GkBackupDialog *
find_backup_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GK_IS_BACKUP_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_window_with_store (GkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return GK_IS_WINDOW (window) && gk_window_get_store (GK_WINDOW (window)) != NULL;
}

/* The dialog lists the copies newest first with their records; restoring
 * one while the window has the ledger open closes the window, puts the copy
 * in place (the ledger kept aside) and opens a window on it. */
static void
test_restore_from_window (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "ledger.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  GkBackupDialog *dialog;
  GtkWindow *window;
  const char *reasons[] = { NULL, NULL, NULL };

  g_assert_true (gk_demo_fill (store, 30, 4, &error));
  g_assert_no_error (error);
  copy = gk_store_backup (store, "manual", &error);
  g_assert_no_error (error);
  g_assert_true (gk_demo_fill (store, 10, 8, &error));
  g_assert_cmpuint (count_records (store), ==, 40);
  g_clear_object (&store);

  gk_application_set_db_path (app, path);
  g_application_activate (G_APPLICATION (app));
  gk_test_ui_wait_until (has_window_with_store, app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* As the main menu does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "restore-backup", NULL);
  dialog = find_backup_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  /* The day's copy of the new ledger, then the one made by hand. */
  g_assert_cmpuint (gk_backup_dialog_get_n_backups (dialog), ==, 2);
  /* Restore is offered only with a copy chosen. */
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore") ==
                 (gk_backup_dialog_get_backup_path (dialog) != NULL));
  gk_backup_dialog_select (dialog, 1);
  g_assert_true (g_str_has_suffix (gk_backup_dialog_get_backup_path (dialog), "-daily.db"));
  gk_backup_dialog_select (dialog, 0);
  g_assert_cmpstr (gk_backup_dialog_get_backup_path (dialog), ==, copy);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore"));

  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_nullify_pointer), &window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
  gk_test_ui_wait_until (has_window_with_store, app);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_cmpuint (count_records (gk_window_get_store (GK_WINDOW (window))), ==, 30);

  backups = gk_backup_list (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len && i < G_N_ELEMENTS (reasons); i++)
    reasons[i] = ((GkBackup *) g_ptr_array_index (backups, i))->reason;
  g_assert_cmpstr (reasons[0], ==, "before-restore");
  g_assert_cmpint (((GkBackup *) g_ptr_array_index (backups, 0))->n_records, ==, 40);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

static gboolean
list_has_rows (gpointer data)
{
  GkWindow *window = data;

  return g_list_model_get_n_items (G_LIST_MODEL (window->selection)) > 0;
}

static gboolean
window_has_record (gpointer data)
{
  GkWindow *window = data;

  return window->record != NULL;
}

/* What the clerk was typing when they chose to restore is saved into the
 * ledger before it is set aside, so the copy kept aside holds it. */
static void
test_restore_keeps_typing (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "typing.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkStore) aside = NULL;
  g_autoptr(GkRecord) kept = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *draft_uuid = NULL;
  GkWindow *window;
  GtkEditable *title;

  g_assert_true (gk_demo_fill (store, 5, 4, &error));
  g_assert_no_error (error);
  /* A draft: a published record's text asks for a 变更 before it is typed in. */
  {
    g_autoptr(GkRecord) draft = gk_store_create_record (store, "housing-allocation.procedure", "待补充的分配程序", &error);

    g_assert_no_error (error);
    draft_uuid = g_strdup (gk_record_get_uuid (draft));
  }
  copy = gk_store_backup (store, "manual", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  gk_application_set_db_path (app, path);
  g_application_activate (G_APPLICATION (app));
  gk_test_ui_wait_until (has_window_with_store, app);
  window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gk_window_set_section (window, "housing-allocation");
  gk_test_ui_wait_until (list_has_rows, window);
  {
    g_autoptr(GkRecord) draft = gk_store_get_record (window->store, draft_uuid, &error);

    g_assert_no_error (error);
    gk_window_show_record (window, draft);
  }
  gk_test_ui_wait_until (window_has_record, window);
  uuid = g_strdup (gk_record_get_uuid (window->record));
  g_assert_cmpstr (uuid, ==, draft_uuid);

  /* Typed, and restored before the editor's pause to save has passed. */
  title = GTK_EDITABLE (gk_header_section_get_row (window->record_editor->header_section, "title"));
  gtk_editable_set_text (title, "恢复前输入的标题");
  g_assert_true (gk_application_restore_backup (app, copy, &error));
  g_assert_no_error (error);
  gk_test_ui_wait_until (has_window_with_store, app);

  backups = gk_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GkBackup *) g_ptr_array_index (backups, 0))->reason, ==, "before-restore");
  aside = gk_store_open_read_only (((GkBackup *) g_ptr_array_index (backups, 0))->path, NULL, &error);
  g_assert_no_error (error);
  kept = gk_store_get_record (aside, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_title (kept), ==, "恢复前输入的标题");

  window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "backup-dialog");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/backup-dialog/restore-from-window", test_restore_from_window);
  g_test_add_func ("/backup-dialog/restore-keeps-typing", test_restore_keeps_typing);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
