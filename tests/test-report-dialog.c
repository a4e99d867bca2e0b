/* test-report-dialog.c: Export Annual Report from the window: the checks shown first, the workbook written by a worker. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-core.h"
#include "gk-plan.h"
#include "gk-report-dialog.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-test-report-ledger.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window.h"
#include "gk-window-private.h"

static GkApplication *app;
static char *tmp_dir;

static GkReportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_REPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GK_REPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
file_written (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) && find_dialog () == NULL;
}

static gboolean
find_row_titled (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_label_reading (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_spin_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
open_offered (gpointer data)
{
  GkWindow *window = data;

  return gk_test_find_button (GTK_WIDGET (window->toast_overlay), "_Open") != NULL;
}

#define CHECK_NAME "首选项中填写的上年结转数字与台账一致"

/* The checks are counted off the main thread. */
static gboolean
check_shown (GkReportDialog *dialog)
{
  return gk_test_find_widget (GTK_WIDGET (dialog), find_row_titled, (gpointer) CHECK_NAME) != NULL;
}

static void
test_export (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "report.db", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "年报.xlsx", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GkStore) store = gk_test_open_store (db_path);
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (2024);
  g_autoptr(GError) error = NULL;
  GkReportDialog *dialog;
  GkWindow *window;
  GtkWidget *check;

  gk_test_report_fill_ledger (store);
  /* Carried-over figures that disagree with the ledger: a failed check to show. */
  figures->has_carried_over = TRUE;
  figures->carried_over[GK_APPLICANT_PERSON] = 5;
  figures->carried_over[GK_APPLICANT_TOTAL] = 5;
  g_assert_true (gk_store_set_report_figures (store, figures, &error));
  g_assert_no_error (error);

  window = gk_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", NULL);
  gk_test_ui_wait_until (dialog_shown, NULL);
  dialog = find_dialog ();

  /* The checks of the year chosen are shown before anything is written. */
  gk_report_dialog_set_year (dialog, 2024);
  gk_test_ui_wait_until (check_shown, dialog);
  check = gk_test_find_widget (GTK_WIDGET (dialog), find_row_titled, (gpointer) CHECK_NAME);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (check)), ==, "自然人：首选项中填写 5，按台账计算为 1；总计：首选项中填写 5，按台账计算为 1");
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));

  /* The file chooser is the portal's; the test names the file instead. */
  gk_report_dialog_set_file (dialog, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.export", NULL));
  gk_test_ui_wait_until (file_written, out_path);
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "PK"));
  }

  /* The window offers to open the workbook (the button is not pressed:
   * it would launch another program). */
  gk_test_ui_wait_until (open_offered, window);
  g_assert_nonnull (gk_test_find_widget (GTK_WIDGET (window->toast_overlay), is_label_reading,
                                         (gpointer) "Annual report saved"));
  /* The export of the whole organisation's report is on record: the
   * year's report can be marked submitted. */
  {
    g_autoptr(GkDuty) duty = gk_store_get_duty (store, GK_DUTY_ANNUAL_REPORT, 2024, "2025-01-10", &error);

    g_assert_no_error (error);
    g_assert_nonnull (duty->exported_at);
    g_assert_null (duty->submitted_on);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_progress_bar (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

/* The checks are counted: a passed or failed check's icon shows. */
static gboolean
is_check_icon (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_IMAGE (widget) &&
         (gtk_widget_has_css_class (widget, "success") || gtk_widget_has_css_class (widget, "error"));
}

static gboolean
checks_counted (gpointer data)
{
  return gk_test_find_widget (data, is_check_icon, NULL) != NULL;
}

static gboolean
export_stopped (gpointer data)
{
  GtkWidget *bar = gk_test_find_widget (data, is_progress_bar, NULL);

  return !gtk_widget_get_visible (bar) &&
         gk_test_find_widget (data, is_label_reading, (gpointer) "The export was cancelled; no file was written") != NULL;
}

/* Cancel while the worker writes: the dialog stays, says so, offers the
 * export again, and no file (not even a temporary one) is left. */
static void
test_export_cancelled (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "cancel.db", NULL);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "cancelled", NULL);
  g_autofree char *out_path = g_build_filename (out_dir, "年报.xlsx", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GkStore) store = gk_test_open_store (db_path);
  g_autoptr(GDir) listing = NULL;
  GkReportDialog *dialog;
  GkWindow *window;

  gk_test_report_fill_ledger (store);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  window = gk_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", NULL);
  gk_test_ui_wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  gk_report_dialog_set_year (dialog, 2024);
  gk_report_dialog_set_file (dialog, out);
  /* The count shown first is done, so that only the export is running. */
  gk_test_ui_wait_until (checks_counted, dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.export", NULL));
  /* The progress bar shows, the options are locked while it runs. */
  g_assert_true (gtk_widget_get_visible (gk_test_find_widget (GTK_WIDGET (dialog), is_progress_bar, NULL)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gk_test_find_widget (GTK_WIDGET (dialog), is_spin_button, NULL))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.cancel", NULL));
  gk_test_ui_wait_until (export_stopped, dialog);

  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gk_test_find_widget (GTK_WIDGET (dialog), is_spin_button, NULL))));
  listing = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  g_assert_null (gk_test_find_button (GTK_WIDGET (window->toast_overlay), "_Open"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_status_reading (GtkWidget *widget,
                   gpointer   data)
{
  return is_label_reading (widget, data) && gtk_widget_get_visible (widget);
}

static gboolean
export_cancelled_and_checks_counted (gpointer data)
{
  return export_stopped (data) && checks_counted (data);
}

/* The checks are counted again whenever the year changes, off the main
 * thread; the count that finishes after the export said something must
 * not wipe what it said. The export's word here comes before the main
 * loop runs again (the worker cannot write to a file that is not local),
 * so the count started just before always finishes after it. */
static void
test_status_kept_after_count (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "status.db", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "status", "年报.xlsx", NULL);
  g_autoptr(GFile) remote = g_file_new_for_uri ("sftp://example.org/年报.xlsx");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GkStore) store = gk_test_open_store (db_path);
  const char *local_only = "The workbook can only be saved to a local file";
  const char *cancelled = "The export was cancelled; no file was written";
  GkReportDialog *dialog;
  GkWindow *window;

  gk_test_report_fill_ledger (store);
  window = gk_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-report", NULL);
  gk_test_ui_wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  gk_report_dialog_set_year (dialog, 2024);
  gk_test_ui_wait_until (checks_counted, dialog);

  /* A new count runs; the export refuses the file at once. */
  gk_report_dialog_set_year (dialog, 2023);
  g_assert_false (checks_counted (dialog));
  gk_report_dialog_set_file (dialog, remote);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.export", NULL));
  g_assert_nonnull (gk_test_find_widget (GTK_WIDGET (dialog), is_status_reading, (gpointer) local_only));
  gk_test_ui_wait_until (checks_counted, dialog);
  g_assert_nonnull (gk_test_find_widget (GTK_WIDGET (dialog), is_status_reading, (gpointer) local_only));

  /* The same with an export cancelled while a count runs: whichever ends
   * first, the dialog still says the export was cancelled. */
  gk_report_dialog_set_year (dialog, 2024);
  gk_report_dialog_set_file (dialog, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.export", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.cancel", NULL));
  gk_test_ui_wait_until (export_cancelled_and_checks_counted, dialog);
  g_assert_nonnull (gk_test_find_widget (GTK_WIDGET (dialog), is_status_reading, (gpointer) cancelled));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "report-dialog");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/report-dialog/export", test_export);
  g_test_add_func ("/report-dialog/export-cancelled", test_export_cancelled);
  g_test_add_func ("/report-dialog/status-kept-after-count", test_status_kept_after_count);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
