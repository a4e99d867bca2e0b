/* test-import-dialog.c: Import Spreadsheet in the window: a file opened, a column's field changed, the rows imported and undone from the toast. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-core.h"
#include "gk-import-dialog.h"
#include "gk-store.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window.h"

#define ITEM "procurement.contract"

static char *tmp_dir;

static guint
count_records (GkStore *store)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  query->item_key = g_strdup (ITEM);
  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  return count;
}

static gboolean
has_window_with_store (GkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return GK_IS_WINDOW (window) && gk_window_get_store (GK_WINDOW (window)) != NULL;
}

typedef struct
{
  GkStore *store;
  guint expected;
} CountWait;

static gboolean
has_count (CountWait *wait)
{
  return count_records (wait->store) == wait->expected;
}

static gboolean
has_undo_button (GtkWidget *window)
{
  return gk_test_find_button (window, "_Undo") != NULL;
}

static GkRecord *
find_titled (GkStore    *store,
             const char *title)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  query->item_key = g_strdup (ITEM);
  records = gk_store_query (store, query, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (gk_record_get_title (records->pdata[i]), title) == 0)
      return g_object_ref (records->pdata[i]);
  return NULL;
}

/* The column rows offer "Not imported" first, then the targets in order. */
static guint
position_of (GkImportDialog *dialog,
             const char     *target)
{
  GPtrArray *targets = gk_import_get_targets (gk_import_dialog_get_import (dialog));

  for (guint t = 0; t < targets->len; t++)
    if (g_strcmp0 (((GkImportTarget *) targets->pdata[t])->id, target) == 0)
      return t + 1;
  g_assert_not_reached ();
}

/* A CSV whose first column's header names no field: the page guesses the
 * item and the other columns, the clerk points the first column at the
 * title, the preview follows, Import brings the rows in, and the toast's
 * Undo takes them out again. */
static void
test_map_and_import (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "ledger.db", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "合同.csv", NULL);
  g_autoptr(GkApplication) app = gk_test_ui_new_application ();
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  GkImportDialog *dialog;
  GtkWindow *window;
  GkStore *store;
  GtkWidget *undo;
  CountWait wait;

  g_file_set_contents (csv,
                       "名字,合同编号,供应商,合同金额（万元）,合同签订日期\n"
                       "办公设备采购合同,HT-1,华建科技有限公司,35.5,2025年3月7日\n"
                       "物业服务合同,HT-2,恒信物业服务有限公司,12,2025/3/8\n", -1, &error);
  g_assert_no_error (error);

  /* Imported records are numbered with the organisation's code: the
   * ledger is set up first, as a clerk's is. */
  g_object_unref (gk_test_open_store (path));
  gk_application_set_db_path (app, path);
  g_application_activate (G_APPLICATION (app));
  gk_test_ui_wait_until (has_window_with_store, app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  store = gk_window_get_store (GK_WINDOW (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import-table"));

  /* What the file chooser's answer leads to. */
  dialog = GK_IMPORT_DIALOG (gk_window_import_file (GK_WINDOW (window), file));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gk_test_ui_flush ();

  g_assert_cmpstr (gk_import_get_item_key (gk_import_dialog_get_import (dialog)), ==, ITEM);
  g_assert_cmpuint (adw_combo_row_get_selected (gk_import_dialog_get_column_row (dialog, 0)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (gk_import_dialog_get_column_row (dialog, 1)), ==,
                    position_of (dialog, "contract_no"));
  g_assert_cmpuint (adw_combo_row_get_selected (gk_import_dialog_get_column_row (dialog, 3)), ==,
                    position_of (dialog, "amount"));
  g_assert_null (gk_import_dialog_get_preview_text (dialog, 0, 0));
  g_assert_cmpstr (gk_import_dialog_get_preview_text (dialog, 0, 3), ==, "355,000.00");
  g_assert_cmpstr (gk_import_dialog_get_preview_text (dialog, 0, 4), ==, "2025-03-07");
  g_assert_cmpuint (gk_import_dialog_get_n_problems (dialog), ==, 0);

  /* The clerk points column A at the title. */
  adw_combo_row_set_selected (gk_import_dialog_get_column_row (dialog, 0), position_of (dialog, GK_IMPORT_TITLE));
  g_assert_cmpstr (gk_import_get_column_target (gk_import_dialog_get_import (dialog), 0), ==, GK_IMPORT_TITLE);
  g_assert_cmpstr (gk_import_dialog_get_preview_text (dialog, 0, 0), ==, "办公设备采购合同");

  /* And column E nowhere: the records keep no signing date. */
  adw_combo_row_set_selected (gk_import_dialog_get_column_row (dialog, 4), 0);
  g_assert_null (gk_import_dialog_get_preview_text (dialog, 0, 4));
  g_assert_cmpuint (gk_import_dialog_get_n_problems (dialog), ==, 0);

  g_assert_cmpuint (count_records (store), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  gk_test_ui_wait_until (gk_test_ui_is_null, &dialog);

  g_assert_cmpuint (count_records (store), ==, 2);
  record = find_titled (store, "办公设备采购合同");
  g_assert_nonnull (record);
  g_assert_cmpstr (gk_record_get_value_string (record, "contract_no"), ==, "HT-1");
  g_assert_cmpint (json_node_get_int (gk_record_get_value (record, "amount")), ==, 35500000);
  g_assert_null (gk_record_get_value (record, "sign_date"));

  /* The toast's Undo removes the batch. */
  gk_test_ui_wait_until (has_undo_button, window);
  undo = gk_test_find_button (GTK_WIDGET (window), "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  wait = (CountWait) { store, 0 };
  gk_test_ui_wait_until (has_count, &wait);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

/* A file with a bad row imports nothing and lists the problem where the
 * clerk can read it; the dialog stays open. */
static void
test_problem_keeps_dialog (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "ledger2.db", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "bad.csv", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  GkImportDialog *dialog;

  g_file_set_contents (csv, "标题,供应商,合同签订日期\n一,甲,2025-03-01\n二,乙,2025-02-30\n", -1, &error);
  g_assert_no_error (error);
  dialog = gk_import_dialog_new (NULL, store, file, &error);
  g_assert_no_error (error);
  adw_combo_row_set_selected (gk_import_dialog_get_item_row (dialog), 0);
  g_assert_true (gk_import_set_item (gk_import_dialog_get_import (dialog), ITEM, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  gk_test_ui_flush ();

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  gk_test_ui_flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (gk_import_dialog_get_n_problems (dialog), ==, 1);
  g_assert_cmpuint (count_records (store), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gk_test_ui_wait_until (gk_test_ui_is_null, &dialog);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "import-dialog");

  g_test_add_func ("/import-dialog/map-and-import", test_map_and_import);
  g_test_add_func ("/import-dialog/problem-keeps-dialog", test_problem_keeps_dialog);

  status = g_test_run ();
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
