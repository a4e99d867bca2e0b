/* test-widgets.c: the small shared widgets on their own: the channel row, the string-list editor, the units model and its chooser. */
#include "config.h"

#include <adwaita.h>

#include "gk-channel-row.h"
#include "gk-core.h"
#include "gk-disclosure-section.h"
#include "gk-publish-dialog.h"
#include "gk-string-list.h"
#include "gk-test-ui.h"
#include "gk-tooltip.h"
#include "gk-test-util.h"
#include "gk-unit-choice.h"
#include "gk-unit-model.h"

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static void
count (guint *n)
{
  (*n)++;
}

/* A channel's switch is named after its channel, and the row reports what to store. */
static void
test_channel_row (void)
{
  GtkWidget *row = g_object_ref_sink (gk_channel_row_new ("政府门户网站", TRUE));
  GtkWidget *toggle = gk_test_find_descendant (row, GTK_TYPE_SWITCH);
  g_autoptr(GkRecordChannel) channel = NULL;
  guint n_changed = 0;

  g_assert_nonnull (toggle);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, "Published in 政府门户网站");
  g_assert_false (gk_channel_row_get_used (GK_CHANNEL_ROW (row)));
  g_assert_null (gk_channel_row_dup_record_channel (GK_CHANNEL_ROW (row)));

  g_signal_connect_swapped (row, "changed", G_CALLBACK (count), &n_changed);
  /* The clerk switches it on and types a date and an address. */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (gk_channel_row_get_used (GK_CHANNEL_ROW (row)));
  gk_channel_row_set_text (GK_CHANNEL_ROW (row), "2025年3月7日", " https://www.example.gov.cn/1.html ");
  g_assert_cmpuint (n_changed, >=, 3);
  channel = gk_channel_row_dup_record_channel (GK_CHANNEL_ROW (row));
  g_assert_cmpstr (channel->channel, ==, "政府门户网站");
  g_assert_cmpstr (channel->published_on, ==, "2025-03-07");
  g_assert_cmpstr (channel->address, ==, "https://www.example.gov.cn/1.html");
  g_clear_pointer (&channel, gk_record_channel_free);

  /* An impossible date is reported and keeps the stored one. */
  gk_channel_row_set_stored (GK_CHANNEL_ROW (row), "2025-03-01", NULL);
  g_assert_true (gk_channel_row_get_used (GK_CHANNEL_ROW (row)));
  gk_channel_row_set_text (GK_CHANNEL_ROW (row), "2025年2月30日", NULL);
  g_assert_nonnull (gk_channel_row_get_date_problem (GK_CHANNEL_ROW (row)));
  channel = gk_channel_row_dup_record_channel (GK_CHANNEL_ROW (row));
  g_assert_cmpstr (channel->published_on, ==, "2025-03-01");

  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_null (gk_channel_row_get_date_problem (GK_CHANNEL_ROW (row)));
  g_assert_null (gk_channel_row_dup_record_channel (GK_CHANNEL_ROW (row)));
  g_assert_finalize_object (row);
}

/* The publish dialog shows its channels with the same rows, switched by name. */
static void
test_publish_dialog_channels (void)
{
  GkPublishDialog *dialog = gk_publish_dialog_new (NULL, "测试记录", "2025-03-07");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  GtkWidget *toggle;

  gk_publish_dialog_add_channel (dialog, "政务微博", FALSE, NULL, NULL);
  gk_publish_dialog_add_channel (dialog, "政府门户网站", TRUE, "https://www.example.gov.cn/1.html", NULL);
  rows = gk_test_collect_widgets (GTK_WIDGET (dialog), is_of_type, GSIZE_TO_POINTER (GK_TYPE_CHANNEL_ROW));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (gk_channel_row_get_channel (g_ptr_array_index (rows, 0)), ==, "政务微博");
  toggle = gk_test_find_descendant (g_ptr_array_index (rows, 0), GTK_TYPE_SWITCH);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, "Published in 政务微博");

  /* Switching both off leaves nothing to publish in. */
  gtk_switch_set_active (GTK_SWITCH (gk_test_find_descendant (g_ptr_array_index (rows, 1), GTK_TYPE_SWITCH)), FALSE);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "publish"));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "publish"));
  gk_publish_dialog_set_channel (dialog, "政府门户网站", TRUE, NULL);

  chosen = gk_publish_dialog_get_channels (dialog);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_cmpstr (((GkRecordChannel *) g_ptr_array_index (chosen, 0))->channel, ==, "政务微博");
  g_assert_cmpstr (((GkRecordChannel *) g_ptr_array_index (chosen, 0))->address, ==, "");
  g_assert_cmpstr (((GkRecordChannel *) g_ptr_array_index (chosen, 1))->address, ==, "https://www.example.gov.cn/1.html");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_mapped (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_class (GtkWidget *widget,
           gpointer   name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* A channel the clerk has not ticked looks like any other choice, not like a
 * greyed, unavailable one (libadwaita dims an expander row's arrow while its
 * own switch is off); ticking it, or opening it, asks for its address. */
static void
test_publish_dialog_unticked (void)
{
  GkPublishDialog *dialog = gk_publish_dialog_new (NULL, "测试记录", "2025-03-07");
  GtkWidget *row;
  GtkWidget *title;
  GtkWidget *address;

  gk_publish_dialog_add_channel (dialog, "政务微博", FALSE, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  row = GTK_WIDGET (gk_publish_dialog_get_channel_row (dialog, "政务微博"));
  gk_test_ui_wait_until (is_mapped, row);
  g_assert_false (gk_channel_row_get_used (GK_CHANNEL_ROW (row)));

  title = gk_test_find_with_property (row, "label", "政务微博");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_true (gtk_widget_is_sensitive (title));
  for (GtkWidget *w = title; w != NULL && w != gtk_widget_get_parent (row); w = gtk_widget_get_parent (w))
    g_assert_false (gtk_widget_has_css_class (w, "dim-label"));
  g_assert_true (gtk_widget_is_sensitive (gk_test_find_widget (row, has_class, (gpointer) "expander-row-arrow")));

  /* Folded while unticked; ticking shows where to type the address. */
  address = gk_test_find_with_property (row, "title",
                                        "Address in 政务微博: its web page (https://…) or the place it is posted");
  g_assert_nonnull (address);
  g_assert_false (gtk_widget_get_mapped (address));
  gtk_switch_set_active (GTK_SWITCH (gk_test_find_descendant (row, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (gk_channel_row_get_used (GK_CHANNEL_ROW (row)));
  gk_test_ui_wait_until (is_mapped, address);
  g_assert_true (gtk_widget_is_sensitive (address));

  /* Switched off, it folds; opening it again, as a click on its name does, ticks it. */
  gk_publish_dialog_set_channel (dialog, "政务微博", FALSE, NULL);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (gk_channel_row_get_used (GK_CHANNEL_ROW (row)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The string list adds, renames, reorders and removes names, and says so. */
static void
test_string_list (void)
{
  GtkWidget *list = g_object_ref_sink (g_object_new (GK_TYPE_STRING_LIST, "row-title", "Channel",
                                                     "reorderable", TRUE, NULL));
  const char *names[] = { "政府门户网站", "政务微博", NULL };
  g_auto(GStrv) strings = NULL;
  guint n_changed = 0;
  guint n_removed = 0;

  g_signal_connect_swapped (list, "changed", G_CALLBACK (count), &n_changed);
  g_signal_connect_swapped (list, "removed", G_CALLBACK (count), &n_removed);
  gk_string_list_set_strings (GK_STRING_LIST (list), names);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gk_string_list_get_row (GK_STRING_LIST (list), 1))),
                   ==, "Channel 2");
  g_assert_false (gtk_widget_get_sensitive (gk_string_list_get_button (GK_STRING_LIST (list), 0, "up")));

  /* Add a name and type it. */
  gtk_widget_activate_action (list, "string-list.add", NULL);
  g_assert_cmpuint (gk_string_list_get_n_rows (GK_STRING_LIST (list)), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (gk_string_list_get_row (GK_STRING_LIST (list), 2)), "政务微信");
  g_assert_cmpuint (n_changed, ==, 1);
  /* Rename the first. */
  gtk_editable_set_text (GTK_EDITABLE (gk_string_list_get_row (GK_STRING_LIST (list), 0)), "区政府网站");
  /* Move the new one up. */
  g_signal_emit_by_name (gk_string_list_get_button (GK_STRING_LIST (list), 2, "up"), "clicked");
  g_object_get (list, "strings", &strings, NULL);
  g_assert_cmpstrv (strings, ((const char *[]) { "区政府网站", "政务微信", "政务微博", NULL }));
  g_clear_pointer (&strings, g_strfreev);
  /* Remove the first. */
  g_signal_emit_by_name (gk_string_list_get_button (GK_STRING_LIST (list), 0, "remove"), "clicked");
  g_assert_cmpuint (n_removed, ==, 1);
  strings = gk_string_list_dup_strings (GK_STRING_LIST (list));
  g_assert_cmpstrv (strings, ((const char *[]) { "政务微信", "政务微博", NULL }));
  g_assert_cmpuint (n_changed, >=, 4);  /* typing over a name changes it twice: deleted, then typed */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gk_string_list_get_row (GK_STRING_LIST (list), 0))),
                   ==, "Channel 1");

  g_assert_finalize_object (list);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_changes)
{
  (*n_changes)++;
}

/* One units model serves every chooser: "none" first, retired units only
 * where they are still named, and no change when the units did not change. */
static void
test_unit_model (GkTestLedger  *ledger,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkUnitModel) model = gk_unit_model_new (ledger->store, "无", FALSE);
  g_autoptr(GkUnitModel) all = gk_unit_model_new (ledger->store, NULL, TRUE);
  g_autoptr(GPtrArray) units = gk_store_list_units (ledger->store, TRUE, &error);
  g_autoptr(GkUnitItem) first = NULL;
  GtkWidget *row = g_object_ref_sink (gtk_drop_down_new (NULL, gtk_property_expression_new (GK_TYPE_UNIT_ITEM, NULL, "name")));
  guint n_changes = 0;
  gint64 added;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (gk_unit_model_reload (model, 0, &error));
  g_assert_true (gk_unit_model_reload (all, 0, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, units->len + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, units->len);
  g_assert_cmpint (gk_unit_model_get_id (model, 0), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (gk_unit_item_get_name (first), ==, ((GkUnit *) g_ptr_array_index (units, 0))->name);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &n_changes);
  g_assert_true (gk_unit_model_reload (model, 0, &error));
  g_assert_cmpuint (n_changes, ==, 0);

  /* A new unit shows; once retired it stays only where it is named. */
  added = gk_store_add_unit (ledger->store, "测试单位", &error);
  g_assert_no_error (error);
  g_assert_true (gk_unit_model_reload (model, 0, &error));
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (gk_unit_model_find (model, added), ==, n);
  g_assert_true (gk_store_update_unit (ledger->store, added, "测试单位", TRUE, &error));
  g_assert_true (gk_unit_model_reload (model, 0, &error));
  g_assert_cmpuint (gk_unit_model_find (model, added), ==, 0);
  g_assert_true (gk_unit_model_reload (model, added, &error));
  g_assert_cmpuint (gk_unit_model_find (model, added), ==, n);
  g_assert_true (gk_unit_model_reload (all, 0, &error));
  g_assert_cmpuint (gk_unit_model_find (all, added), ==, n - 1);

  /* The drop-down chooser over it. */
  gk_unit_choice_fill (GTK_DROP_DOWN (row), ledger->store, added);
  g_assert_cmpint (gk_unit_choice_get (GTK_DROP_DOWN (row)), ==, added);
  g_assert_cmpstr (gk_unit_choice_get_name (GTK_DROP_DOWN (row)), ==, "测试单位");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row), 0);
  g_assert_cmpint (gk_unit_choice_get (GTK_DROP_DOWN (row)), ==, 0);
  g_assert_null (gk_unit_choice_get_name (GTK_DROP_DOWN (row)));
  g_assert_finalize_object (row);
}

/* Tooltips show in a label as wide as their text needs: GTK 4.8's own
 * wraps Chinese after a few characters. */
static void
test_wide_tooltips (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *button = gtk_button_new_with_label ("公开");

  gk_tooltip_attach_everywhere ();
  gtk_widget_set_tooltip_text (button, "检查记录中的问题并公开此记录");
  gtk_window_set_child (window, button);
  gtk_window_present (window);
  gtk_widget_realize (button);
  g_assert_true (g_signal_has_handler_pending (button, g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET), 0, FALSE));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;
  int status;

  /* Accessible names are read back through GTK's test accessibility backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  tmp_dir = gk_test_ui_init (&argc, &argv, "widgets");

  g_test_add_func ("/widgets/channel-row", test_channel_row);
  g_test_add_func ("/widgets/publish-dialog-channels", test_publish_dialog_channels);
  g_test_add_func ("/widgets/publish-dialog-unticked", test_publish_dialog_unticked);
  g_test_add_func ("/widgets/string-list", test_string_list);
  g_test_add ("/widgets/unit-model", GkTestLedger, NULL, gk_test_ledger_set_up, test_unit_model, gk_test_ledger_tear_down);

  g_test_add_func ("/widgets/wide-tooltips", test_wide_tooltips);

  status = g_test_run ();
  gk_test_remove_tree (tmp_dir);
  return status;
}
