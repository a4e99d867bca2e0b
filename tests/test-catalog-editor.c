/* test-catalog-editor.c: the catalog editor in the main window: an item's texts, rule and fields edited, saved as typed, found again after a reopen. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "gk-application.h"
#include "gk-catalog-editor.h"
#include "gk-catalog-fields.h"
#include "gk-core.h"
#include "gk-item-edit.h"
#include "gk-record-editor-private.h"
#include "gk-store.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window-private.h"

#define ITEM_KEY "procurement.notice"

static char *tmp_dir;
/* One application for the whole run: it is exported on the session bus. */
static GkApplication *app;

static gboolean
is_saved (gpointer data)
{
  return !gk_catalog_editor_get_modified (GK_CATALOG_EDITOR (data));
}

/* Runs the main loop until the autosave ran. */
static void
wait_for_save (GkCatalogEditor *editor)
{
  gk_test_ui_wait_until (is_saved, editor);
}

static GtkListBoxRow *
find_catalog_row (GkWindow   *window,
                  const char *key)
{
  return GTK_LIST_BOX_ROW (gk_test_find_with_property (GTK_WIDGET (gk_record_list_pane_get_catalog_list (window->list_pane)), "item-key", key));
}

static GkItem *
get_item (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  GkItem *item = gk_store_get_item (store, ITEM_KEY, &error);

  g_assert_no_error (error);
  return item;
}

static void
set_text (GtkWidget  *row,
          const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_edit_item (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "edit.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkItem) item = get_item (store);
  g_autoptr(GkSchema) schema = gk_schema_ref (gk_item_get_schema (item));
  g_autoptr(GkRecord) old_record = NULL;
  g_autoptr(GkRecord) new_record = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) channels = NULL;
  g_autofree char *first_id = g_strdup (gk_schema_get_field (schema, 0)->id);
  g_autofree char *second_id = g_strdup (gk_schema_get_field (schema, 1)->id);
  g_autofree char *third_id = g_strdup (gk_schema_get_field (schema, 2)->id);
  g_autofree char *third_label = g_strdup (gk_schema_get_field (schema, 2)->label);
  g_autofree char *old_uuid = NULL;
  g_autofree char *new_uuid = NULL;
  guint n_fields = gk_schema_get_n_fields (schema);
  GkWindow *window;
  GkCatalogEditor *editor;
  GtkWidget *fields_part;
  GtkWidget *channels_part;
  GtkListBoxRow *row;

  /* A record that holds a value in the field about to be retired. */
  old_record = gk_store_create_record (store, ITEM_KEY, "旧的采购公告", &error);
  g_assert_no_error (error);
  {
    g_autofree char *values = g_strdup_printf ("{\"%s\": \"旧值\"}", second_id);

    g_assert_true (gk_record_set_values_json (old_record, values, NULL));
  }
  g_assert_true (gk_store_save_record (store, old_record, &error));
  old_uuid = g_strdup (gk_record_get_uuid (old_record));

  window = gk_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The catalog section, then an item: its editor fills the content pane. */
  gk_window_set_section (window, "catalog");
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "no-item");
  row = find_catalog_row (window, ITEM_KEY);
  g_assert_nonnull (row);
  gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (window->list_pane), row);
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "catalog-item");
  editor = window->catalog_editor;
  g_assert_nonnull (editor);
  /* The field list and the channels are parts of the editor with their own actions. */
  fields_part = GTK_WIDGET (gk_catalog_editor_get_fields (editor));
  channels_part = GTK_WIDGET (gk_catalog_editor_get_channels (editor));
  g_assert_cmpstr (gk_catalog_editor_get_item_key (editor), ==, ITEM_KEY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gk_catalog_editor_get_row (editor, "name"))), ==, gk_item_get_level2 (item));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (gk_catalog_editor_get_row (editor, "rule"))), ==,
                    GK_ITEM_RULE_CHOICE_PROACTIVE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (gk_catalog_editor_get_row (editor, "workdays"),
                                                                   ADW_TYPE_ACTION_ROW)));
  g_assert_nonnull (gk_catalog_editor_get_field_row (editor, first_id));
  g_assert_nonnull (gk_catalog_editor_get_channel_row (editor, 0));

  /* The name and the rule. */
  set_text (gk_catalog_editor_get_row (editor, "name"), "采购项目公告（修订）");
  g_assert_true (gk_catalog_editor_get_modified (editor));
  adw_combo_row_set_selected (ADW_COMBO_ROW (gk_catalog_editor_get_row (editor, "rule")), GK_ITEM_RULE_CHOICE_WORKDAYS);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (gk_catalog_editor_get_row (editor, "workdays"),
                                                                  ADW_TYPE_ACTION_ROW)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gk_catalog_editor_get_row (editor, "workdays")), 5);
  gtk_widget_activate_action (GTK_WIDGET (editor), "catalog.add-unit", "s", "区财政局");
  gtk_widget_activate_action (channels_part, "catalog.add-channel", NULL);
  {
    set_text (gk_catalog_editor_get_channel_row (editor, g_strv_length ((GStrv) gk_item_get_channels (item))),
              "区政务服务中心公示栏");
  }

  /* A field added, one renamed, one moved, one retired. */
  set_text (gk_catalog_editor_get_row (editor, "new-label"), "公告发布媒介");
  gtk_widget_activate_action (fields_part, "catalog.add-field", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gk_catalog_editor_get_row (editor, "new-label"))), ==, "");
  g_assert_nonnull (gk_catalog_editor_get_field_row (editor, "field_1"));
  set_text (gk_catalog_editor_get_field_row (editor, first_id), "公告项目编号");
  g_assert_null (gk_catalog_editor_get_field_message (editor, first_id));
  gtk_widget_activate_action (fields_part, "catalog.move-field-down", "s", first_id);
  gtk_widget_activate_action (fields_part, "catalog.retire-field", "s", second_id);
  /* What was typed survives the rows being rebuilt. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gk_catalog_editor_get_field_row (editor, first_id))), ==,
                   "公告项目编号");
  /* Each row says which field it edits. */
  {
    g_autofree char *row_field = NULL;

    g_object_get (gk_catalog_editor_get_field_row (editor, first_id), "field-id", &row_field, NULL);
    g_assert_cmpstr (row_field, ==, first_id);
  }

  /* Bad labels: said at the row, never saved. */
  set_text (gk_catalog_editor_get_field_row (editor, third_id), "  ");
  g_assert_nonnull (gk_catalog_editor_get_field_message (editor, third_id));
  g_assert_true (gtk_widget_has_css_class (gk_catalog_editor_get_field_row (editor, third_id), "error"));
  set_text (gk_catalog_editor_get_row (editor, "new-label"), "公告项目编号");
  g_assert_nonnull (gk_catalog_editor_get_message (editor, "new-label"));
  gtk_widget_activate_action (fields_part, "catalog.add-field", NULL);
  g_assert_null (gk_catalog_editor_get_field_row (editor, "field_2"));
  set_text (gk_catalog_editor_get_row (editor, "new-label"), "");
  g_assert_null (gk_catalog_editor_get_message (editor, "new-label"));
  gtk_widget_activate_action (fields_part, "catalog.add-field", NULL);
  g_assert_nonnull (gk_catalog_editor_get_message (editor, "new-label"));
  g_assert_null (gk_catalog_editor_get_field_row (editor, "field_2"));

  wait_for_save (editor);

  {
    g_autoptr(GkItem) saved = get_item (store);
    GkSchema *saved_schema = gk_item_get_schema (saved);

    g_assert_cmpstr (gk_item_get_level2 (saved), ==, "采购项目公告（修订）");
    g_assert_cmpstr (gk_item_get_deadline_rule (saved), ==, "workdays:5");
    g_assert_cmpstr (gk_schema_lookup_field (saved_schema, third_id)->label, ==, third_label);
    /* The list and the pane's title follow. */
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_catalog_row (window, ITEM_KEY))), ==,
                     "采购项目公告（修订）");
    g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "采购项目公告（修订）");
    g_assert_true (gtk_list_box_get_selected_row (gk_record_list_pane_get_catalog_list (window->list_pane)) == find_catalog_row (window, ITEM_KEY));
  }

  /* An empty name is said at its row; the last one stays saved. */
  set_text (gk_catalog_editor_get_row (editor, "name"), "");
  g_assert_nonnull (gk_catalog_editor_get_message (editor, "name"));
  wait_for_save (editor);
  {
    g_autoptr(GkItem) saved = get_item (store);

    g_assert_cmpstr (gk_item_get_level2 (saved), ==, "采购项目公告（修订）");
  }
  set_text (gk_catalog_editor_get_row (editor, "name"), "采购项目公告（第二版）");
  g_assert_null (gk_catalog_editor_get_message (editor, "name"));

  /* The last edit, closed before its autosave: saved on closing. */
  set_text (gk_catalog_editor_get_row (editor, "supervision"), "区财政局 0311-00000000");
  set_text (gk_catalog_editor_get_field_row (editor, third_id), "采购组织形式");
  g_assert_true (gk_catalog_editor_get_modified (editor));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);

  g_clear_object (&item);
  g_clear_pointer (&schema, gk_schema_unref);
  g_clear_object (&old_record);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Reopened: every change is there. */
  store = gk_test_open_store (path);
  item = get_item (store);
  g_assert_cmpstr (gk_item_get_level2 (item), ==, "采购项目公告（第二版）");
  g_assert_cmpstr (gk_item_get_deadline_rule (item), ==, "workdays:5");
  g_assert_cmpstr (gk_item_get_supervision (item), ==, "区财政局 0311-00000000");
  /* The unit chosen from the menu is listed once, as a unit of its own. */
  {
    guint listed = 0;

    for (guint i = 0; gk_item_get_units (item)[i] != NULL; i++)
      listed += g_str_equal (gk_item_get_units (item)[i], "区财政局");
    g_assert_cmpuint (listed, ==, 1);
  }
  g_assert_true (g_strv_contains (gk_item_get_channels (item), "区政务服务中心公示栏"));

  schema = gk_schema_ref (gk_item_get_schema (item));
  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, n_fields + 1);
  g_assert_cmpstr (gk_schema_get_field (schema, 0)->id, ==, second_id);
  g_assert_cmpstr (gk_schema_get_field (schema, 1)->id, ==, first_id);
  g_assert_cmpstr (gk_schema_lookup_field (schema, first_id)->label, ==, "公告项目编号");
  g_assert_true (gk_schema_lookup_field (schema, second_id)->retired);
  g_assert_cmpstr (gk_schema_lookup_field (schema, third_id)->label, ==, "采购组织形式");
  g_assert_cmpstr (gk_schema_get_field (schema, n_fields)->id, ==, "field_1");
  g_assert_cmpstr (gk_schema_get_field (schema, n_fields)->label, ==, "公告发布媒介");
  g_assert_cmpint (gk_schema_get_field (schema, n_fields)->kind, ==, GK_FIELD_TEXT);

  /* In the record editor: the retired field shows where it holds a value,
   * not in a new record; the added one shows in both. */
  new_record = gk_store_create_record (store, ITEM_KEY, "新的采购公告", &error);
  g_assert_no_error (error);
  new_uuid = g_strdup (gk_record_get_uuid (new_record));
  window = gk_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "procurement");
  old_record = gk_store_get_record (store, old_uuid, &error);
  gk_window_show_record (window, old_record);
  gk_test_ui_flush ();
  g_assert_nonnull (gk_fields_section_get_editor (window->record_editor->fields_section, second_id));
  g_assert_nonnull (gk_fields_section_get_editor (window->record_editor->fields_section, "field_1"));
  gk_window_show_record (window, new_record);
  gk_test_ui_flush ();
  g_assert_null (gk_fields_section_get_editor (window->record_editor->fields_section, second_id));
  g_assert_nonnull (gk_fields_section_get_editor (window->record_editor->fields_section, "field_1"));
  g_assert_cmpstr (gk_field_editor_get_field (gk_fields_section_get_editor (window->record_editor->fields_section,
                                                                             first_id))->label, ==, "公告项目编号");
  gk_window_show_record (window, old_record);
  gk_test_ui_flush ();
  g_assert_nonnull (gk_fields_section_get_editor (window->record_editor->fields_section, second_id));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
  g_clear_object (&old_record);
  g_clear_object (&new_record);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Switching item or section saves at once; leaving the catalog empties the pane. */
static void
test_switch_saves (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "switch.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  GkWindow *window = gk_window_new (app, store, NULL);
  GtkListBoxRow *first;
  GtkListBoxRow *second;
  GkCatalogEditor *editor;
  g_autofree char *first_key = NULL;
  g_autofree char *second_key = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "catalog");
  first = gtk_list_box_get_row_at_index (gk_record_list_pane_get_catalog_list (window->list_pane), 0);
  second = gtk_list_box_get_row_at_index (gk_record_list_pane_get_catalog_list (window->list_pane), 1);
  g_object_get (first, "item-key", &first_key, NULL);
  g_object_get (second, "item-key", &second_key, NULL);
  gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (window->list_pane), first);
  editor = window->catalog_editor;

  set_text (gk_catalog_editor_get_row (editor, "basis"), "《政府信息公开条例》第二十条");
  g_assert_true (gk_catalog_editor_get_modified (editor));
  gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (window->list_pane), second);
  g_assert_false (gk_catalog_editor_get_modified (editor));
  g_assert_cmpstr (gk_catalog_editor_get_item_key (editor), ==, second_key);
  {
    g_autoptr(GkItem) saved = gk_store_get_item (store, first_key, NULL);

    g_assert_cmpstrv (gk_item_get_basis (saved), ((const char *[]) { "《政府信息公开条例》第二十条", NULL }));
  }

  /* Retiring the item keeps it listed, marked. */
  gtk_switch_set_active (GTK_SWITCH (gk_catalog_editor_get_row (editor, "retired")), TRUE);
  gk_window_set_section (window, "bidding");
  g_assert_false (gk_catalog_editor_get_modified (editor));
  g_assert_null (gk_catalog_editor_get_item_key (editor));
  g_assert_null (gtk_list_box_get_selected_row (gk_record_list_pane_get_catalog_list (window->list_pane)));
  gk_window_set_section (window, "catalog");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "no-item");
  second = gtk_list_box_get_row_at_index (gk_record_list_pane_get_catalog_list (window->list_pane), 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (second), "dim-label"));

  /* A window destroyed (not closed) with an edit pending still saves it. */
  gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (window->list_pane), first);
  set_text (gk_catalog_editor_get_row (editor, "time-limit"), "信息形成之日起5个工作日内");
  g_assert_true (gk_catalog_editor_get_modified (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_flush ();
  {
    g_autoptr(GkItem) saved = gk_store_get_item (store, first_key, NULL);

    g_assert_cmpstr (gk_item_get_time_limit (saved), ==, "信息形成之日起5个工作日内");
  }
}

static guint
kind_position (GkFieldKind kind)
{
  guint position = 0;

  /* The kinds of the new-field list, in the order of GkFieldKind. */
  for (GkFieldKind k = 0; k < kind; k++)
    position++;
  return position;
}

static gboolean
is_undo_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

/* A toast going away still shows while it fades, but takes no clicks. */
static GtkWidget *
toast_of (GtkWidget *widget)
{
  while (widget != NULL && g_strcmp0 (gtk_widget_get_css_name (widget), "toast") != 0)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static gboolean
is_current_undo_button (GtkWidget *widget,
                        gpointer   data)
{
  return is_undo_button (widget, NULL) && gtk_widget_get_can_target (toast_of (widget));
}

static gboolean
current_undo_shown (GkWindow *window)
{
  return gk_test_find_widget (GTK_WIDGET (window->toast_overlay), is_current_undo_button, NULL) != NULL;
}

/* Clicks the Undo of the toast that is up once it has come in, as a clerk
 * sees it (libadwaita 1.2 frees a toast twice when it goes while still
 * sliding in). */
static void
click_undo (GkWindow *window)
{
  gk_test_ui_wait_until (current_undo_shown, window);
  gk_test_ui_wait_animations (GTK_WIDGET (window->toast_overlay), 500 * 1000);
  g_signal_emit_by_name (gk_test_find_widget (GTK_WIDGET (window->toast_overlay), is_current_undo_button, NULL), "clicked");
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static guint
count_undo_buttons (GtkWidget *widget)
{
  guint n = is_current_undo_button (widget, NULL) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_undo_buttons (child);
  return n;
}

static const GkField *
lookup (GkCatalogFields *fields,
        GkSchema       **schema,
        const char      *id)
{
  g_clear_pointer (schema, gk_schema_unref);
  *schema = gk_catalog_fields_dup_schema (fields);
  return gk_schema_lookup_field (*schema, id);
}

static const GkField *
last_field (GkCatalogFields *fields,
            GkSchema       **schema)
{
  g_clear_pointer (schema, gk_schema_unref);
  *schema = gk_catalog_fields_dup_schema (fields);
  return gk_schema_get_field (*schema, gk_schema_get_n_fields (*schema) - 1);
}

/* Items are grouped under their domain; a field's kind, required flag and
 * choices change where the records' values allow, and say why not where
 * they do not; choice, table and date-time fields can be added; a move and
 * a retirement are taken back by the toast's Undo. */
static void
test_fields_kind_choices_undo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fields.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  GkCatalogFields *fields;
  const GkField *field;
  GkWindow *window;
  GkCatalogEditor *editor;
  GtkWidget *header;
  int position;

  record = gk_store_create_record (store, ITEM_KEY, "道路维修采购公告", &error);
  g_assert_no_error (error);
  g_assert_true (gk_record_set_values_json (record, "{\"method\": \"公开招标\", \"project_name\": \"道路维修\"}", NULL));
  g_assert_true (gk_store_save_record (store, record, &error));

  window = gk_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "catalog");
  gk_test_ui_flush ();

  /* The first procurement item opens the group 政府采购; the next one has no heading. */
  header = gtk_list_box_row_get_header (find_catalog_row (window, ITEM_KEY));
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "政府采购");
  g_assert_null (gtk_list_box_row_get_header (find_catalog_row (window, "procurement.documents")));
  g_assert_nonnull (gtk_list_box_row_get_header (find_catalog_row (window, "bidding.approval")));

  gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (window->list_pane), find_catalog_row (window, ITEM_KEY));
  gk_test_ui_flush ();
  editor = window->catalog_editor;
  fields = gk_catalog_editor_get_fields (editor);

  /* Required, then a kind the record's "道路维修" cannot take: refused, said under the field. */
  g_assert_true (gk_catalog_fields_edit_field (fields, "project_name", TRUE, GK_FIELD_TEXT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lookup (fields, &schema, "project_name")->required);
  g_assert_false (gk_catalog_fields_edit_field (fields, "project_name", TRUE, GK_FIELD_DATE, NULL, &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "道路维修"));
  g_clear_error (&error);
  g_assert_nonnull (gk_catalog_fields_get_field_message (fields, "project_name"));
  g_assert_cmpint (lookup (fields, &schema, "project_name")->kind, ==, GK_FIELD_TEXT);
  /* A field no record fills takes any kind; a choice field keeps its own. */
  g_assert_true (gk_catalog_fields_edit_field (fields, "opening_place", FALSE, GK_FIELD_DATETIME, NULL, &error));
  g_assert_cmpint (lookup (fields, &schema, "opening_place")->kind, ==, GK_FIELD_DATETIME);
  g_assert_false (gk_catalog_fields_edit_field (fields, "method", FALSE, GK_FIELD_TEXT, NULL, &error));
  g_clear_error (&error);

  /* Choices: the one the record holds cannot go; others come and go. */
  g_assert_false (gk_catalog_fields_edit_field (fields, "method", FALSE, GK_FIELD_CHOICE, "邀请招标、询价", &error));
  g_assert_nonnull (strstr (error->message, "公开招标"));
  g_clear_error (&error);
  g_assert_true (gk_catalog_fields_edit_field (fields, "method", FALSE, GK_FIELD_CHOICE, "公开招标、询价、框架协议", &error));
  g_assert_no_error (error);
  field = lookup (fields, &schema, "method");
  g_assert_cmpuint (field->choices->len, ==, 3);
  g_assert_cmpstr (((GkChoice *) g_ptr_array_index (field->choices, 2))->label, ==, "框架协议");

  /* New choice, table and date-time fields. */
  set_text (gk_catalog_fields_get_row (fields, "new-label"), "评审方法");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gk_catalog_fields_get_row (fields, "new-kind")), kind_position (GK_FIELD_CHOICE));
  g_assert_true (gtk_widget_get_visible (gk_catalog_fields_get_row (fields, "new-parts")));
  set_text (gk_catalog_fields_get_row (fields, "new-parts"), "综合评分法、最低评标价法");
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.add-field", NULL);
  field = last_field (fields, &schema);
  g_assert_cmpstr (field->label, ==, "评审方法");
  g_assert_cmpint (field->kind, ==, GK_FIELD_CHOICE);
  g_assert_cmpuint (field->choices->len, ==, 2);

  set_text (gk_catalog_fields_get_row (fields, "new-label"), "采购包");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gk_catalog_fields_get_row (fields, "new-kind")), kind_position (GK_FIELD_TABLE));
  set_text (gk_catalog_fields_get_row (fields, "new-parts"), "包号、包名称、预算");
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.add-field", NULL);
  field = last_field (fields, &schema);
  g_assert_cmpint (field->kind, ==, GK_FIELD_TABLE);
  g_assert_cmpuint (field->columns->len, ==, 3);

  set_text (gk_catalog_fields_get_row (fields, "new-label"), "开标时间");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gk_catalog_fields_get_row (fields, "new-kind")), kind_position (GK_FIELD_DATETIME));
  g_assert_false (gtk_widget_get_visible (gk_catalog_fields_get_row (fields, "new-parts")));
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.add-field", NULL);
  g_assert_cmpint (last_field (fields, &schema)->kind, ==, GK_FIELD_DATETIME);

  /* A move, taken back through the toast's Undo button. */
  position = gk_schema_find_field (schema, "budget");
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.move-field-up", "s", "budget");
  lookup (fields, &schema, "budget");
  g_assert_cmpint (gk_schema_find_field (schema, "budget"), ==, position - 1);
  click_undo (window);
  lookup (fields, &schema, "budget");
  g_assert_cmpint (gk_schema_find_field (schema, "budget"), ==, position);

  /* A retirement, taken back the same way. */
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.retire-field", "s", "agency");
  g_assert_true (lookup (fields, &schema, "agency")->retired);
  click_undo (window);
  g_assert_false (lookup (fields, &schema, "agency")->retired);

  /* A change right after another, while the first one's toast is still up:
   * that toast, not a new one (replacing a toast as it slides in crashes
   * libadwaita 1.2), says the second, and its Undo takes back the
   * second and keeps the first. */
  position = gk_schema_find_field (schema, "budget");
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.move-field-up", "s", "budget");
  gk_test_ui_wait_until (current_undo_shown, window);
  {
    g_autofree char *retired_title = g_strdup_printf ("“%s” retired", lookup (fields, &schema, "agency")->label);
    GtkWidget *toast_widget = toast_of (gk_test_find_widget (GTK_WIDGET (window->toast_overlay), is_current_undo_button, NULL));

    g_object_add_weak_pointer (G_OBJECT (toast_widget), (gpointer *) &toast_widget);
    gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.retire-field", "s", "agency");
    gk_test_ui_wait_until (current_undo_shown, window);
    g_assert_cmpuint (count_undo_buttons (GTK_WIDGET (window->toast_overlay)), ==, 1);
    g_assert_nonnull (toast_widget);
    g_assert_true (toast_of (gk_test_find_widget (GTK_WIDGET (window->toast_overlay), is_current_undo_button, NULL)) == toast_widget);
    g_assert_nonnull (gk_test_find_widget (toast_widget, is_label_with_text, retired_title));
    g_object_remove_weak_pointer (G_OBJECT (toast_widget), (gpointer *) &toast_widget);
    click_undo (window);
  }
  g_assert_false (lookup (fields, &schema, "agency")->retired);
  g_assert_cmpint (gk_schema_find_field (schema, "budget"), ==, position - 1);
  gtk_widget_activate_action (GTK_WIDGET (fields), "catalog.move-field-down", "s", "budget");
  lookup (fields, &schema, "budget");

  /* All of it is saved. */
  wait_for_save (editor);
  {
    g_autoptr(GkItem) saved = get_item (store);
    GkSchema *saved_schema = gk_item_get_schema (saved);

    g_assert_true (gk_schema_lookup_field (saved_schema, "project_name")->required);
    g_assert_cmpint (gk_schema_lookup_field (saved_schema, "opening_place")->kind, ==, GK_FIELD_DATETIME);
    g_assert_cmpuint (gk_schema_lookup_field (saved_schema, "method")->choices->len, ==, 3);
    g_assert_cmpint (gk_schema_find_field (saved_schema, "budget"), ==, position);
    g_assert_false (gk_schema_lookup_field (saved_schema, "agency")->retired);
    g_assert_cmpint (gk_schema_get_field (saved_schema, gk_schema_get_n_fields (saved_schema) - 1)->kind, ==, GK_FIELD_DATETIME);
  }

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
  g_clear_object (&record);
  g_clear_pointer (&schema, gk_schema_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Retiring a whole item is saved at once, and the toast's Undo offers it again, saved so. */
static void
test_retire_item_undo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "retire.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  GkWindow *window = gk_window_new (app, store, NULL);
  GkCatalogEditor *editor;
  GtkWidget *retired;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "catalog");
  gk_test_ui_flush ();
  gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (window->list_pane), find_catalog_row (window, ITEM_KEY));
  gk_test_ui_flush ();
  editor = window->catalog_editor;
  retired = gk_catalog_editor_get_row (editor, "retired");

  gtk_switch_set_active (GTK_SWITCH (retired), TRUE);
  g_assert_false (gk_catalog_editor_get_modified (editor));
  {
    g_autoptr(GkItem) saved = get_item (store);

    g_assert_true (gk_item_get_retired (saved));
  }
  click_undo (window);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (retired)));
  g_assert_false (gk_catalog_editor_get_modified (editor));
  {
    g_autoptr(GkItem) saved = get_item (store);

    g_assert_false (gk_item_get_retired (saved));
  }
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_catalog_row (window, ITEM_KEY)), "dim-label"));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "catalog-ui");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/catalog-editor/edit-item", test_edit_item);
  g_test_add_func ("/catalog-editor/switch-saves", test_switch_saves);
  g_test_add_func ("/catalog-editor/fields-kind-choices-undo", test_fields_kind_choices_undo);
  g_test_add_func ("/catalog-editor/retire-item-undo", test_retire_item_undo);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
