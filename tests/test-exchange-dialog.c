/* test-exchange-dialog.c: Import Ledger… and Export Ledger… in the window: the worker's result, the conflicts listed, the window's list refreshed. */
#include "config.h"

#include <adwaita.h>

#include "gk-demo.h"
#include "gk-exchange.h"
#include "gk-exchange-dialog.h"
#include "gk-store.h"
#include "gk-store-private.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-unit-item.h"
#include "gk-unit-model.h"
#include "gk-window.h"

static char *tmp_dir;

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

static gboolean
is_done (GkExchangeDialog *dialog)
{
  return !gk_exchange_dialog_get_busy (dialog);
}

static gboolean
has_window_with_store (GkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return GK_IS_WINDOW (window) && gk_window_get_store (GK_WINDOW (window)) != NULL;
}

static void
on_records_changed_cb (GkStore *store,
                       guint   *n_signals)
{
  (*n_signals)++;
}

static GkExchangeDialog *
run_dialog (GtkWindow  *window,
            gboolean    importing,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkExchangeDialog *dialog = gk_exchange_dialog_new (window, gk_window_get_store (GK_WINDOW (window)), importing, file);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gk_exchange_dialog_get_busy (dialog));
  gk_test_ui_wait_until (is_done, dialog);
  return dialog;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static gboolean
is_indexed (GkStore *store)
{
  return !gk_store_get_search_index_pending (store);
}

/* More than a thousand records: the import commits without indexing
 * them, searches find them meanwhile, and the window indexes them in its
 * worker, after which nothing waits and the answers are the same. */
static void
check_large_import (GtkWindow *window)
{
  g_autofree char *department_path = g_build_filename (tmp_dir, "large-department.db", NULL);
  g_autofree char *file = g_build_filename (tmp_dir, "large-department.json", NULL);
  g_autoptr(GkStore) department = gk_test_open_store (department_path);
  g_autoptr(GError) error = NULL;
  GkStore *store = gk_window_get_store (GK_WINDOW (window));
  GkExchangeDialog *dialog;
  guint before[3], n_pending = G_MAXUINT;
  static const char * const texts[] = { "房", "采购", "中标结果" };

  g_assert_true (gk_store_set_organisation (department, "长安区住房和城乡建设局", "11130102MB01100467", &error));
  g_assert_true (gk_demo_fill (department, GK_STORE_INDEX_NOW_MAX + 100, 7, &error));
  g_assert_true (gk_exchange_export (department, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    before[i] = gk_test_search_count (department, texts[i]) + gk_test_search_count (store, texts[i]);

  dialog = run_dialog (window, TRUE, file);
  g_assert_cmpuint (gk_exchange_dialog_get_result (dialog)->added, ==, GK_STORE_INDEX_NOW_MAX + 100);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Whether the worker has indexed some or none of them yet. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_cmpuint (before[i], >, 0);
      g_assert_cmpuint (gk_test_search_count (store, texts[i]), ==, before[i]);
    }

  gk_test_ui_wait_until (is_indexed, store);
  g_assert_true (gk_store_count_search_pending (store, &n_pending, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pending, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpuint (gk_test_search_count (store, texts[i]), ==, before[i]);
}

/* A department's file imported through the window: the summary says what
 * came, the window's list is told; the file again after a change on each
 * side lists the conflict; the window's own export reads back whole; a
 * large file is indexed for search after it. */
static void
test_import_and_export (void)
{
  g_autofree char *department_path = g_build_filename (tmp_dir, "department.db", NULL);
  g_autofree char *district_path = g_build_filename (tmp_dir, "district.db", NULL);
  g_autofree char *file = g_build_filename (tmp_dir, "department.json", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "district.json", NULL);
  g_autoptr(GkApplication) app = gk_test_ui_new_application ();
  g_autoptr(GkStore) department = gk_test_open_store (department_path);
  g_autoptr(GkStore) district = gk_test_open_store (district_path);
  g_autoptr(GkRecord) theirs = NULL;
  g_autoptr(GkRecord) ours = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  const GkExchangeResult *result;
  GkExchangeDialog *dialog;
  GtkWindow *window;
  GkStore *store;
  guint n_signals = 0;

  g_assert_true (gk_store_set_organisation (department, "长安区财政局", "11130102MB0110011L", &error));
  g_assert_true (gk_demo_fill (department, 25, 6, &error));
  g_assert_true (gk_exchange_export (department, file, NULL, NULL, NULL, &error));
  g_assert_true (gk_store_set_organisation (district, "长安区人民政府办公室", "11130102MB0110038C", &error));
  g_assert_no_error (error);
  g_clear_object (&district);

  gk_application_set_db_path (app, district_path);
  g_application_activate (G_APPLICATION (app));
  gk_test_ui_wait_until (has_window_with_store, app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  store = gk_window_get_store (GK_WINDOW (window));
  g_signal_connect (store, "records-changed", G_CALLBACK (on_records_changed_cb), &n_signals);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import-ledger"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-ledger"));

  dialog = run_dialog (window, TRUE, file);
  result = gk_exchange_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->added, ==, 25);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (gk_exchange_dialog_get_conflict_list (dialog))))));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "close"), ==, "_Close");
  g_assert_cmpuint (n_signals, >, 0);
  g_assert_cmpuint (count_records (store), ==, 25);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* The editor's unit choice shows a department's record with its own
   * unit, which is none of the district's. */
  {
    g_autoptr(GPtrArray) copies = gk_store_query (store, query, 0, 1, &error);
    GkRecord *copy = g_ptr_array_index (copies, 0);
    g_autoptr(GkUnitModel) units = gk_unit_model_new (store, "None", FALSE);
    g_autoptr(GkUnitItem) item = NULL;

    g_assert_true (gk_unit_model_reload (units, gk_record_get_unit_id (copy), &error));
    g_assert_no_error (error);
    g_assert_cmpint (gk_record_get_unit_id (copy), !=, 0);
    item = g_list_model_get_item (G_LIST_MODEL (units), gk_unit_model_find (units, gk_record_get_unit_id (copy)));
    g_assert_cmpint (gk_unit_item_get_id (item), ==, gk_record_get_unit_id (copy));
  }

  /* One record changed in each ledger since (a published one through a
   * 变更, as the window has it). */
  records = gk_store_query (department, query, 0, 1, &error);
  g_assert_no_error (error);
  theirs = g_object_ref (g_ptr_array_index (records, 0));
  if (gk_record_is_public (theirs))
    g_assert_true (gk_store_record_change (department, theirs, gk_record_get_published_on (theirs), "更正", &error));
  gk_record_set_title (theirs, "部门改的标题");
  g_assert_true (gk_store_save_record (department, theirs, &error));
  g_assert_true (gk_exchange_export (department, file, NULL, NULL, NULL, &error));
  ours = gk_store_get_record (store, gk_record_get_uuid (theirs), &error);
  if (gk_record_is_public (ours))
    g_assert_true (gk_store_record_change (store, ours, gk_record_get_published_on (ours), "更正", &error));
  gk_record_set_title (ours, "区里改的标题");
  g_assert_true (gk_store_save_record (store, ours, &error));
  g_assert_no_error (error);

  dialog = run_dialog (window, TRUE, file);
  result = gk_exchange_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpuint (count_rows (gk_exchange_dialog_get_conflict_list (dialog)), ==, 1);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (gk_exchange_dialog_get_conflict_list (dialog))))));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* The district's own export: its own records only, none yet. */
  dialog = run_dialog (window, FALSE, exported);
  g_assert_null (gk_exchange_dialog_get_result (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Ledger Exported");
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  {
    g_autoptr(GkExchangeResult) back = gk_exchange_import (department, exported, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (back->organisation_code, ==, "11130102MB0110038C");
    g_assert_cmpuint (back->added, ==, 0);
  }

  check_large_import (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "exchange-dialog");

  g_test_add_func ("/exchange-dialog/import-and-export", test_import_and_export);

  status = g_test_run ();
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
