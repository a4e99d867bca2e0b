/* test-bundle-dialog.c: Publish Bundle… from the window: the preview lists what is held back, the worker writes the bundle. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gk-demo.h"
#include "gk-bundle-dialog.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window-private.h"

static GkApplication *app;

typedef struct
{
  GkTestLedger ledger;
  GkWindow *window;
  GkBundleDialog *dialog;
  char *out;
} Fixture;

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !gk_bundle_dialog_get_busy (GK_BUNDLE_DIALOG (data));
}

static gboolean
is_visible_button (GtkWidget *widget,
                   gpointer   label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_action_row (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gk_test_ledger_set_up (&f->ledger, data);
  g_assert_true (gk_demo_fill (f->ledger.store, 120, 3, &error));
  g_assert_no_error (error);
  f->out = g_build_filename (f->ledger.dir, "site", NULL);
  f->window = gk_window_new (app, f->ledger.store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  gk_test_ui_wait_until (window_is_mapped, f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dialog != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
      gtk_window_destroy (GTK_WINDOW (f->dialog));
      gk_test_ui_wait_until (gk_test_ui_is_null, &f->dialog);
    }
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &f->window);
  g_free (f->out);
  gk_test_ledger_tear_down (&f->ledger, data);
}

static GkBundleDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_BUNDLE_DIALOG (window))
        return GK_BUNDLE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_dialog () != NULL;
}

static void
test_preview_and_publish (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->out);
  g_autofree char *index = g_build_filename (f->out, "index.html", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *publish, *open;
  gboolean exempt_listed = FALSE;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "publish-bundle"));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "publish-bundle", NULL);
  gk_test_ui_wait_until (dialog_is_open, NULL);
  f->dialog = find_dialog ();
  gk_test_ui_wait_until (dialog_is_idle, f->dialog);

  /* The preview names the records held back, the exempt ones among them. */
  rows = gk_test_collect_widgets (GTK_WIDGET (f->dialog), is_action_row, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

      exempt_listed |= subtitle != NULL && strstr (subtitle, "Exempt from disclosure") != NULL;
    }
  g_assert_true (exempt_listed);

  /* Nothing to publish into yet. */
  publish = gk_test_find_button (GTK_WIDGET (f->dialog), "_Publish");
  g_assert_nonnull (publish);
  g_assert_false (gtk_widget_get_sensitive (publish));

  gk_bundle_dialog_set_folder (f->dialog, folder);
  g_assert_true (gtk_widget_get_sensitive (publish));
  g_signal_emit_by_name (publish, "clicked");
  g_assert_true (gk_bundle_dialog_get_busy (f->dialog));
  gk_test_ui_wait_until (dialog_is_idle, f->dialog);

  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  open = gk_test_find_widget (GTK_WIDGET (f->dialog), is_visible_button, (gpointer) "_Open in Browser");
  g_assert_nonnull (open);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "bundle-dialog");
  app = gk_test_ui_new_application ();

  g_test_add ("/bundle-dialog/preview-and-publish", Fixture, NULL, fixture_set_up, test_preview_and_publish, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  return status;
}
