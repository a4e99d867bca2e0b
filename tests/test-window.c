/* test-window.c: the main window under a real display: sections, folding, actions, templates. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-application.h"
#include "gk-catalog-channels.h"
#include "gk-catalog-fields.h"
#include "gk-core.h"
#include "gk-plan.h"
#include "gk-preferences-window.h"
#include "gk-publish-dialog.h"
#include "gk-record-editor-private.h"
#include "gk-record-row.h"
#include "gk-sidebar-row.h"
#include "gk-store.h"
#include "gk-supervision-view.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window.h"
#include "gk-window-private.h"

static char *tmp_dir;

/* A ledger in the run's temporary folder. */
static GkStore *
open_temp_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  return gk_test_open_store (path);
}

/* One application for the whole run: it is exported on the session bus. */
static GkApplication *app;

static gboolean
action_enabled (GkWindow   *window,
                const char *name)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), name);

  g_assert_nonnull (action);
  return g_action_get_enabled (action);
}

static void
test_window_opens (void)
{
  g_autoptr(GkStore) store = open_temp_store ("opens.db");
  GkWindow *window = gk_window_new (app, store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gk_window_get_store (window) == store);

  /* An empty ledger explains itself and offers the sample. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "empty-ledger");
  g_assert_true (action_enabled (window, "load-sample-data"));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

static void
test_sections (void)
{
  static const char *keys[] = {
    "housing-construction", "housing-allocation", "procurement", "bidding",
    "blacklist", "work-plan", "catalog", "requests", "supervision",
  };
  g_autoptr(GkStore) store = open_temp_store ("sections.db");
  GkWindow *window = gk_window_new (app, store, NULL);
  guint n_rows = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (gk_sidebar_get_list_box (window->sidebar)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GkSidebarRow *row = GK_SIDEBAR_ROW (child);

      g_assert_cmpstr (gk_sidebar_row_get_key (row), ==, keys[n_rows]);
      /* Selecting the row is what the clerk does: the window follows. */
      gtk_list_box_select_row (gk_sidebar_get_list_box (window->sidebar), GTK_LIST_BOX_ROW (row));
      gk_test_ui_flush ();
      g_assert_cmpstr (gk_window_get_section (window), ==, keys[n_rows]);
      g_assert_cmpstr (gk_record_list_pane_get_title (window->list_pane), ==, gk_sidebar_row_get_title (row));

      /* New records everywhere but in the catalog, whose + would read as "new item". */
      g_assert_cmpint (action_enabled (window, "new-record"), ==, g_strcmp0 (keys[n_rows], "catalog") != 0);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (keys));

  /* The catalog section lists the default catalog's items. */
  gk_window_set_section (window, "catalog");
  g_assert_cmpstr (gk_record_list_pane_get_page (window->list_pane), ==, "catalog");
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (gk_record_list_pane_get_catalog_list (window->list_pane))));

  /* The last section is remembered. */
  gk_window_set_section (window, "bidding");
  gtk_window_close (GTK_WINDOW (window));
  gk_test_ui_flush ();
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *saved = g_settings_get_string (settings, "selected-section");
    g_assert_cmpstr (saved, ==, "bidding");
  }
  window = gk_window_new (app, store, NULL);
  g_assert_cmpstr (gk_window_get_section (window), ==, "bidding");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_actions (void)
{
  g_autoptr(GkStore) store = open_temp_store ("actions.db");
  GkWindow *window = gk_window_new (app, store, NULL);
  static const char *accels[][2] = {
    { "win.new-record", "<Control>n" },
    { "win.search", "<Control>f" },
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "win.show-help-overlay", "<Control>question" },
  };

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Every command has its accelerator. */
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accels[i][0]);
      g_assert_nonnull (set[0]);
      g_assert_cmpstr (set[0], ==, accels[i][1]);
    }

  /* Nothing selected: nothing to delete. */
  g_assert_false (action_enabled (window, "delete-record"));

  /* Search toggles the search bar. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  g_assert_true (gk_record_list_pane_get_search_mode (window->list_pane));
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  g_assert_false (gk_record_list_pane_get_search_mode (window->list_pane));

  /* A new record (of the item chosen) is created and shown. */
  gk_window_set_section (window, "procurement");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item", g_variant_new_string ("procurement.notice"));
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "record");
  g_assert_nonnull (window->record);
  g_assert_cmpstr (gk_record_get_domain (window->record), ==, "procurement");
  /* …in the editor, made on first use, whose actions the header uses. */
  g_assert_nonnull (window->record_editor);
  g_assert_cmpstr (gk_record_get_uuid (gk_record_editor_get_record (window->record_editor)), ==, gk_record_get_uuid (window->record));
  g_assert_true (gtk_widget_get_visible (window->status_menu_button));
  g_assert_true (g_action_group_get_action_enabled (gk_record_editor_get_actions (window->record_editor), "submit"));
  g_assert_true (action_enabled (window, "delete-record"));
  g_assert_false (action_enabled (window, "load-sample-data"));

  /* With a record open, Ctrl+Shift+N makes another of its item. */
  {
    g_autoptr(GkRecord) first = g_object_ref (window->record);
    g_autoptr(GkRecord) result = gk_store_create_record (store, "procurement.result", NULL, NULL);

    g_assert_cmpstr (gk_record_get_item_key (first), !=, "procurement.result");
    gk_window_show_record (window, result);
    g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-same-item", NULL);
    gk_test_ui_flush ();
    g_assert_cmpstr (gk_record_get_item_key (window->record), ==, "procurement.result");
    g_assert_cmpstr (gk_record_get_uuid (window->record), !=, gk_record_get_uuid (result));
    g_assert_true (gk_store_delete_record (store, gk_record_get_uuid (result), NULL));
    g_assert_true (gk_store_delete_record (store, gk_record_get_uuid (window->record), NULL));
    gk_test_ui_flush ();
    gk_window_show_record (window, first);
  }

  /* A published record is withdrawn, never deleted: no delete is offered. */
  {
    g_autoptr(GkRecord) first = g_object_ref (window->record);
    g_autoptr(GkRecord) published = gk_store_create_record (store, "housing-allocation.procedure", "分配程序", NULL);

    g_assert_true (gk_record_set_values_json (published, "{\"procedure\": \"申请、审核、公示、轮候、配租\"}", NULL));
    g_assert_true (gk_store_save_record (store, published, NULL));
    g_assert_true (gk_store_set_status (store, published, GK_STATUS_PENDING, NULL, NULL));
    g_assert_true (gk_store_set_status (store, published, GK_STATUS_PUBLISHED, NULL, NULL));
    gk_window_show_record (window, published);
    gk_test_ui_flush ();
    g_assert_false (action_enabled (window, "delete-record"));
    gk_window_show_record (window, first);
    gk_test_ui_flush ();
    g_assert_true (action_enabled (window, "delete-record"));
  }

  /* Its sidebar row counts it, and the list shows it. */
  {
    guint count = 0;
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (gk_sidebar_get_list_box (window->sidebar)));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (g_strcmp0 (gk_sidebar_row_get_key (GK_SIDEBAR_ROW (child)), "procurement") == 0)
        count = gk_sidebar_row_get_count (GK_SIDEBAR_ROW (child));
    g_assert_cmpuint (count, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 1);
  }

  /* A record formed today is due in 20 working days: "due soon" only once
   * Preferences (the setting) look 20 working days ahead. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    gk_window_set_section (window, "supervision");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 0);
    g_settings_set_uint (settings, "due-soon-workdays", 20);
    gk_test_ui_flush ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 1);
    g_settings_reset (settings, "due-soon-workdays");
    gk_test_ui_flush ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}


/* A record made with win.new-record (Ctrl+N) has its item's first unit,
 * in every domain that takes new records. */
static void
test_new_record_unit (void)
{
  g_autoptr(GkStore) store = open_temp_store ("new-record-unit.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = gk_store_list_domains (store, &error);
  GkWindow *window = gk_window_new (app, store, NULL);
  guint made = 0;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < domains->len; i++)
    {
      const char *domain = g_ptr_array_index (domains, i);
      g_autoptr(GPtrArray) items = gk_store_list_items (store, domain, FALSE, &error);
      g_autoptr(GkRecord) stored = NULL;
      const char *section = gk_sidebar_domain_section (domain);
      GkItem *first;

      g_assert_no_error (error);

      g_assert_nonnull (section);
      gk_window_set_section (window, section);
      if (items->len == 0 || !action_enabled (window, "new-record-of-item"))
        continue;
      first = g_ptr_array_index (items, 0);

      /* What the item chooser activates for the item chosen. */
      g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item",
                                      g_variant_new_string (gk_item_get_key (first)));
      g_assert_nonnull (window->record);
      g_assert_cmpstr (gk_record_get_item_key (window->record), ==, gk_item_get_key (first));
      stored = gk_store_get_record (store, gk_record_get_uuid (window->record), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (gk_record_get_unit_name (stored), ==, gk_item_get_units (first)[0]);
      g_assert_cmpint (gk_record_get_unit_id (window->record), ==, gk_record_get_unit_id (stored));
      made++;
    }
  g_assert_cmpuint (made, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
sidebar_count (GkWindow   *window,
               const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (gk_sidebar_get_list_box (window->sidebar)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gk_sidebar_row_get_key (GK_SIDEBAR_ROW (child)), key) == 0)
      return gk_sidebar_row_get_count (GK_SIDEBAR_ROW (child));
  g_assert_not_reached ();
}

/* The Delete key of the record list, as its shortcut controller has it. */
static void
press_delete_in_list (GkWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane)));
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "Delete") == NULL)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane)), NULL));
          pressed = TRUE;
          break;
        }
    }
  g_assert_true (pressed);
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* What Tab does: the window moves the focus along its chain. */
static void
press_tab (GkWindow *window)
{
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  gk_test_ui_flush ();
}

/* Tab leaves the sidebar for the record list, without walking (and
 * switching) the sections, and leaves the record list in one press too;
 * the arrows still move within them. New Record and Enter on a row put
 * the focus in the editor. */
static void
test_tab (void)
{
  g_autoptr(GkStore) store = open_temp_store ("tab.db");
  GkWindow *window = gk_window_new (app, store, NULL);
  GtkWidget *sidebar_list;
  GtkWidget *record_list;
  GtkWidget *editor;
  guint presses = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gk_window_set_section (window, "housing-allocation");
  for (guint i = 0; i < 3; i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item",
                                      g_variant_new_string ("housing-allocation.policy"));
      gk_test_ui_flush ();
      /* A new record is typed in at once: the focus is in its title. */
      g_assert_true (focus_is_in (GTK_WIDGET (window->record_editor)));
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  editor = GTK_WIDGET (window->record_editor);
  sidebar_list = GTK_WIDGET (gk_sidebar_get_list_box (window->sidebar));
  record_list = GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane));

  gtk_widget_grab_focus (GTK_WIDGET (gk_sidebar_get_row (window->sidebar, "housing-allocation")));
  g_assert_true (focus_is_in (sidebar_list));
  press_tab (window);
  g_assert_false (focus_is_in (sidebar_list));
  g_assert_cmpstr (gk_window_get_section (window), ==, "housing-allocation");
  /* Past the list's header buttons, the list. */
  while (!focus_is_in (record_list) && presses++ < 5)
    press_tab (window);
  g_assert_true (focus_is_in (record_list));

  /* Down moves to the next record; Tab leaves the list at once. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  g_assert_true (focus_is_in (record_list));
  press_tab (window);
  g_assert_false (focus_is_in (record_list));

  /* Enter on a row opens the record and goes into it. */
  gtk_widget_grab_focus (record_list);
  g_signal_emit_by_name (record_list, "activate", 0);
  gk_test_ui_flush ();
  g_assert_true (focus_is_in (editor));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

/* Delete hides the record at once, Undo on the toast brings it back, and
 * a delete left alone is carried out, at the latest when the ledger closes. */
static void
test_delete_undo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "delete.db", NULL);
  g_autofree char *kept_uuid = NULL;
  g_autofree char *gone_uuid = NULL;
  GkStore *store = open_temp_store ("delete.db");
  GkWindow *window = gk_window_new (app, store, NULL);
  GtkWidget *undo;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  gk_window_set_section (window, "housing-allocation");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item", g_variant_new_string ("housing-allocation.policy"));
  gk_test_ui_flush ();
  kept_uuid = g_strdup (gk_record_get_uuid (window->record));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-same-item", NULL);
  gk_test_ui_flush ();
  gone_uuid = g_strdup (gk_record_get_uuid (window->record));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 2);
  g_assert_cmpuint (sidebar_count (window, "housing-allocation"), ==, 2);

  /* Delete: gone from the list, the count and the editor at once. */
  gtk_widget_grab_focus (GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane)));
  press_delete_in_list (window);
  gk_test_ui_wait_until (gk_test_ui_is_null, &window->record);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 1);
  g_assert_cmpuint (sidebar_count (window, "housing-allocation"), ==, 1);

  /* Undo: back in the list and open again. */
  undo = gk_test_find_button (GTK_WIDGET (window->toast_overlay), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gk_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 2);
  g_assert_cmpuint (sidebar_count (window, "housing-allocation"), ==, 2);
  g_assert_nonnull (window->record);
  g_assert_cmpstr (gk_record_get_uuid (window->record), ==, gone_uuid);

  /* Delete again and close before the toast times out: the delete stands. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-record", NULL);
  gk_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->records)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_flush ();
  g_object_unref (store);

  store = open_temp_store ("delete.db");
  {
    g_autoptr(GkRecord) kept = gk_store_get_record (store, kept_uuid, NULL);
    g_autoptr(GkRecord) gone = gk_store_get_record (store, gone_uuid, NULL);

    g_assert_nonnull (kept);
    g_assert_null (gone);
  }
  g_object_unref (store);
}


typedef struct
{
  const char *uuid;
  const char *text;
} RowLabel;

static gboolean
is_row_of (GtkWidget *widget,
           gpointer   data)
{
  return GK_IS_RECORD_ROW (widget) && gk_record_row_get_record (GK_RECORD_ROW (widget)) != NULL &&
         g_strcmp0 (gk_record_get_uuid (gk_record_row_get_record (GK_RECORD_ROW (widget))), data) == 0;
}

static gboolean
is_label_with (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* The row of @uuid in the list shows @text in one of its labels. */
static gboolean
row_shows (gpointer data)
{
  RowLabel *expected = data;
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *row = gk_test_find_widget (GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane)), is_row_of, (gpointer) expected->uuid);

  return row != NULL && gk_test_find_widget (row, is_label_with, (gpointer) expected->text) != NULL;
}

/* The editor edits the very record the list row shows. */
static gboolean
editor_edits_row (gpointer data)
{
  GkWindow *window = data;
  GtkWidget *row;

  if (window->record == NULL || window->record_editor == NULL)
    return FALSE;
  row = gk_test_find_widget (GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane)), is_row_of,
                             (gpointer) gk_record_get_uuid (window->record));
  return row != NULL &&
         gk_record_row_get_record (GK_RECORD_ROW (row)) == gk_record_editor_get_record (window->record_editor);
}

static gboolean
list_has_two (gpointer data)
{
  GkWindow *window = data;

  return window->records != NULL && g_list_model_get_n_items (G_LIST_MODEL (window->records)) == 2 &&
         gtk_single_selection_get_model (window->selection) != NULL;
}

/* The list row and the window title follow the title typed in the
 * header, before anything is saved or the list read again. */
static void
test_title_follows (void)
{
  g_autoptr(GkStore) store = open_temp_store ("title-follows.db");
  GkWindow *window = gk_window_new (app, store, NULL);
  g_autoptr(GkRecord) stored = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *stored_title = NULL;
  GtkEditable *title;
  RowLabel expected;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  gk_window_set_section (window, "housing-allocation");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item",
                                  g_variant_new_string ("housing-allocation.result"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item",
                                  g_variant_new_string ("housing-allocation.result"));
  gk_test_ui_wait_until (list_has_two, window);

  /* The clerk picks the first record in the list. */
  gtk_single_selection_set_selected (window->selection, 0);
  g_assert_nonnull (window->record);
  uuid = g_strdup (gk_record_get_uuid (window->record));
  stored = gk_store_get_record (store, uuid, NULL);
  stored_title = g_strdup (gk_record_get_title (stored));
  expected = (RowLabel) { uuid, stored_title };
  gk_test_ui_wait_until (row_shows, &expected);

  title = GTK_EDITABLE (gk_header_section_get_row (window->record_editor->header_section, "title"));
  gtk_editable_set_text (title, "幸福里小区公租房分配结果");

  /* At once, with the edit not yet saved. */
  expected.text = "幸福里小区公租房分配结果";
  g_assert_true (row_shows (&expected));
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "幸福里小区公租房分配结果");
  g_clear_object (&stored);
  stored = gk_store_get_record (store, uuid, NULL);
  g_assert_cmpstr (gk_record_get_title (stored), ==, stored_title);

  /* Saving reads the list again; the row and the editor still share the record. */
  g_assert_true (gk_record_editor_flush (window->record_editor, NULL));
  gk_test_ui_wait_until (editor_edits_row, window);
  gtk_editable_set_text (title, "幸福里小区公租房分配结果（更正）");
  expected.text = "幸福里小区公租房分配结果（更正）";
  g_assert_true (row_shows (&expected));
  /* A field typed now goes into the same record too. */
  gtk_editable_set_text (GTK_EDITABLE (gk_test_find_descendant (GTK_WIDGET (window->record_editor->fields_section),
                                                                ADW_TYPE_ENTRY_ROW)),
                         "共分配住房120套");
  g_assert_true (gk_record_editor_flush (window->record_editor, NULL));
  g_clear_object (&stored);
  stored = gk_store_get_record (store, uuid, NULL);
  g_assert_cmpstr (gk_record_get_title (stored), ==, "幸福里小区公租房分配结果（更正）");
  {
    g_autofree char *values = gk_record_dup_values_json (stored);

    g_assert_nonnull (strstr (values, "共分配住房120套"));
  }
  gtk_editable_set_text (title, "幸福里小区公租房分配结果");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
  g_clear_object (&stored);
  stored = gk_store_get_record (store, uuid, NULL);
  g_assert_cmpstr (gk_record_get_title (stored), ==, "幸福里小区公租房分配结果");
}


/* About names the versions a bug report needs, the ledger and its schema. */
static void
test_about (void)
{
  g_autoptr(GkStore) store = open_temp_store ("about.db");
  GkWindow *window = gk_window_new (app, store, NULL);
  g_autofree char *schema = g_strdup_printf ("Schema version: %d", gk_store_format_version ());
  AdwAboutWindow *about = NULL;
  const char *info;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gk_test_ui_flush ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (toplevel))
          about = ADW_ABOUT_WINDOW (toplevel);
      }
  }
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  /* Its icon is found, run from the build tree as installed. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                          adw_about_window_get_application_icon (about)));
  g_assert_cmpstr (adw_about_window_get_license_type (about) == GTK_LICENSE_GPL_3_0 ? "gpl3" : "other", ==, "gpl3");
  g_assert_nonnull (adw_about_window_get_issue_url (about));
  info = adw_about_window_get_debug_info (about);
  g_assert_nonnull (strstr (info, "SQLite 3."));
  g_assert_nonnull (strstr (info, "libxlsxwriter 1."));
  g_assert_nonnull (strstr (info, gk_store_get_path (store)));
  g_assert_nonnull (strstr (info, schema));
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_fold (void)
{
  g_autoptr(GkStore) store = open_temp_store ("fold.db");
  GkWindow *window = gk_window_new (app, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (window->leaflet));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gk_test_ui_wait_until (is_folded, window->leaflet);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (adw_leaflet_get_folded (window->leaflet));

  /* Folded: a section leads to its list, and back returns to the sidebar. */
  g_signal_emit_by_name (gk_sidebar_get_list_box (window->sidebar), "row-activated",
                         gtk_list_box_get_row_at_index (gk_sidebar_get_list_box (window->sidebar), 2));
  gk_test_ui_flush ();
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == GTK_WIDGET (window->list_pane));
  g_action_group_activate_action (G_ACTION_GROUP (window), "go-back", NULL);
  gk_test_ui_flush ();
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == GTK_WIDGET (window->sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (data);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) && g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

/* No item of the ✓ menu is left greyed without a word: a status move
 * that does not apply is hidden (Undo excepted, greyed when there is
 * nothing to undo). */
static void
assert_moves_hidden_when_disabled (GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *hidden = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          assert_moves_hidden_when_disabled (section);
          continue;
        }
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
          g_str_equal (action, "editor.undo") || g_str_equal (action, "win.delete-record"))
        continue;
      g_assert_true (g_menu_model_get_item_attribute (menu, i, "hidden-when", "s", &hidden));
      g_assert_cmpstr (hidden, ==, "action-disabled");
    }
}

/* A record open on a wide window stays open when the window folds to
 * 360 px; its header keeps the title, with Delete in the ✓ menu. */
static void
test_fold_keeps_record (void)
{
  g_autoptr(GkStore) store = open_temp_store ("fold-record.db");
  g_autoptr(GkRecord) record = gk_store_create_record (store, "procurement.notice", "道路维修采购公告", NULL);
  GkWindow *window = gk_window_new (app, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "procurement");
  gk_window_show_record (window, record);
  gk_test_ui_flush ();
  g_assert_true (gtk_widget_get_visible (window->delete_button));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gk_test_ui_wait_until (is_folded, window->leaflet);
  gk_test_ui_flush ();
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content_pane);
  g_assert_false (gtk_widget_get_visible (window->delete_button));
  g_assert_true (gtk_widget_get_visible (window->status_menu_button));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (window->status_menu_button)),
                                  "win.delete-record"));
  assert_moves_hidden_when_disabled (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (window->status_menu_button)));

  /* Wide again: the button comes back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gk_test_ui_wait_until (is_unfolded, window->leaflet);
  g_assert_true (gtk_widget_get_visible (window->delete_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every .ui file in ui/ is a template we instantiate here, so a typo in one
 * fails a test instead of a clerk's session. */
static void
test_templates (void)
{
  static const char *known[] = {
    "gk-window.ui", "gk-sidebar.ui", "gk-sidebar-row.ui", "gk-record-list-pane.ui", "gk-record-row.ui",
    /* Part of the window: its first-run setup page. */
    "gk-setup-page.ui",
    "gk-preferences-window.ui",
    /* Instantiated by test-item-chooser. */
    "gk-item-chooser.ui",
    "gk-supervision-view.ui", "help-overlay.ui",
    /* The pages of Preferences: instantiated with it, and by test-preferences. */
    "gk-preferences-publication-page.ui", "gk-preferences-masks-page.ui", "gk-preferences-report-page.ui",
    "gk-calendar-year-dialog.ui",
    /* The record editor and its sections: instantiated by test-record-editor. */
    "gk-record-editor.ui", "gk-attachments-section.ui", "gk-header-section.ui", "gk-fields-section.ui", "gk-tables-section.ui",
    "gk-table-editor.ui", "gk-disclosure-section.ui", "gk-history-section.ui", "gk-date-button.ui",
    "gk-publish-dialog.ui", "gk-change-dialog.ui",
    /* Instantiated by test-backup-dialog. */
    "gk-backup-dialog.ui",
    "gk-project-section.ui", "gk-project-row.ui", "gk-project-dialog.ui",
    /* Instantiated by test-record-editor and test-plan-section. */
    "gk-corrections-section.ui", "gk-plan-section.ui",
    /* Instantiated by test-catalog-editor, inside the window. */
    "gk-catalog-editor.ui", "gk-catalog-fields.ui", "gk-catalog-channels.ui",
    /* Instantiated by test-report-dialog, from the window's action. */
    "gk-report-dialog.ui",
    /* Instantiated by test-bundle-dialog, from the window's action. */
    "gk-bundle-dialog.ui",
    /* Instantiated by test-import-dialog, from the window. */
    "gk-import-dialog.ui",
    /* Instantiated by test-exchange-dialog. */
    "gk-exchange-dialog.ui",
    NULL,
  };
  const char *source_root = g_getenv ("GK_SOURCE_ROOT");
  g_autoptr(GkStore) store = open_temp_store ("templates.db");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *widget;

  g_assert_nonnull (source_root);
  g_ptr_array_add (dirs, g_build_filename (source_root, "ui", NULL));
  for (guint d = 0; d < dirs->len; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (g_ptr_array_index (dirs, d), 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (g_ptr_array_index (dirs, d), name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (dirs, g_steal_pointer (&path));
          else if (g_str_has_suffix (name, ".ui"))
            g_ptr_array_add (files, g_strdup (name));
        }
    }
  for (guint i = 0; i < files->len; i++)
    g_assert_true (g_strv_contains (known, g_ptr_array_index (files, i)));

  widget = GTK_WIDGET (gk_window_new (app, store, NULL));
  gtk_window_destroy (GTK_WINDOW (widget));

  widget = gk_preferences_window_new (NULL, store);
  gtk_window_destroy (GTK_WINDOW (widget));

  widget = GTK_WIDGET (gk_publish_dialog_new (NULL, "Test", "2025-03-07"));
  gk_publish_dialog_add_channel (GK_PUBLISH_DIALOG (widget), "门户网站", TRUE, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (widget));

  widget = g_object_ref_sink (gk_sidebar_row_new ("test", "Test", "view-list-symbolic"));
  g_assert_finalize_object (widget);
  widget = g_object_ref_sink (gk_record_row_new ());
  g_assert_finalize_object (widget);
  /* The catalog editor's parts, on their own (test-catalog-editor edits with them). */
  widget = g_object_ref_sink (gk_catalog_fields_new ());
  {
    g_autoptr(GkSchema) schema = gk_schema_new ();

    gk_catalog_fields_set_schema (GK_CATALOG_FIELDS (widget), 0, schema);
  }
  g_assert_nonnull (gk_catalog_fields_get_row (GK_CATALOG_FIELDS (widget), "new-label"));
  g_assert_finalize_object (widget);
  widget = g_object_ref_sink (gk_catalog_channels_new ());
  gk_catalog_channels_set_channels (GK_CATALOG_CHANNELS (widget), (const char *[]) { "门户网站", NULL });
  g_assert_nonnull (gk_catalog_channels_get_row (GK_CATALOG_CHANNELS (widget), 0));
  g_assert_finalize_object (widget);
  widget = g_object_ref_sink (gk_supervision_view_new ());
  gk_supervision_view_set_store (GK_SUPERVISION_VIEW (widget), store);
  /* Not counted while it is not shown (tests/test-supervision.c shows it). */
  g_assert_null (gk_supervision_view_get_report (GK_SUPERVISION_VIEW (widget)));
  g_assert_finalize_object (widget);

  builder = gtk_builder_new_from_resource ("/io/github/gongkai/Gongkai/gtk/help-overlay.ui");
  widget = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (widget));
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
test_finalize (void)
{
  GkStore *store = open_temp_store ("finalize.db");
  GkWindow *window = gk_window_new (app, store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "procurement");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item", g_variant_new_string ("procurement.notice"));
  gk_test_ui_flush ();

  /* The window holds its own references: when it goes, nothing is left. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_flush ();
  g_assert_finalize_object (window);
  g_assert_finalize_object (store);
}

static void
test_error_page (void)
{
  g_autoptr(GError) error = g_error_new_literal (GK_DB_ERROR, GK_DB_ERROR_CORRUPT, "The ledger is damaged.");
  GkWindow *window = gk_window_new (app, NULL, error);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "error");
  g_assert_false (action_enabled (window, "new-record"));
  g_assert_false (action_enabled (window, "load-sample-data"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new ledger starts at its setup: the organisation, its code (checked
 * at the field), its level and its units; the first record then gets a
 * 索引号 with that code. */
static gboolean
stack_left_setup (gpointer data)
{
  GkWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->content_stack), "setup") != 0;
}

static void
test_setup_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "setup.db", NULL);
  g_autoptr(GkStore) store = gk_store_open (path, &error);
  GkWindow *window;
  GtkWidget *page, *name_row, *code_row, *level_row, *start, *town_row, *message;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *level = NULL;

  g_assert_no_error (error);
  window = gk_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* No code yet: the setup, and no record can be made. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "setup");
  g_assert_false (action_enabled (window, "new-record"));
  g_assert_false (action_enabled (window, "new-record-of-item"));
  g_assert_true (action_enabled (window, "load-sample-data"));

  page = GTK_WIDGET (window->setup_page);
  name_row = gk_test_find_with_property (page, "title", "Name");
  code_row = gk_test_find_with_property (page, "title", "Code for Index Numbers");
  level_row = gk_test_find_with_property (page, "title", "Level");
  town_row = gk_test_find_with_property (page, "title", "西兆通镇");
  start = gtk_widget_get_parent (gk_test_find_with_property (page, "label", "_Start the Ledger"));
  message = gk_test_find_descendant (page, GTK_TYPE_LABEL);
  g_assert_nonnull (name_row);
  g_assert_nonnull (code_row);
  g_assert_nonnull (level_row);
  g_assert_nonnull (town_row);
  g_assert_nonnull (start);
  /* The shipped list is 长安区's: no 西兴街道, no roles. */
  g_assert_null (gk_test_find_with_property (page, "title", "西兴街道"));
  g_assert_null (gk_test_find_with_property (page, "title", "采购人"));
  (void) message;

  /* A code with a wrong check character is refused at the field. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "石家庄市长安区发展和改革局");
  gtk_editable_set_text (GTK_EDITABLE (code_row), "11130102000014349X");
  gk_test_ui_flush ();
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (start));
  g_signal_emit_by_name (start, "clicked");
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "setup");
  g_assert_true (gk_store_get_organisation (store, NULL, &code, &error));
  g_assert_cmpstr (code, ==, "");
  g_clear_pointer (&code, g_free);

  /* Corrected: the district government, without one of the towns. */
  gtk_editable_set_text (GTK_EDITABLE (code_row), "11130102000014349N");
  adw_combo_row_set_selected (ADW_COMBO_ROW (level_row), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (town_row))), FALSE);
  gk_test_ui_flush ();
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (start));
  g_signal_emit_by_name (start, "clicked");
  gk_test_ui_wait_until (stack_left_setup, window);

  g_assert_true (gk_store_get_organisation (store, &name, &code, &error));
  g_assert_cmpstr (name, ==, "石家庄市长安区发展和改革局");
  g_assert_cmpstr (code, ==, "11130102000014349N");
  level = gk_store_dup_organisation_level (store, &error);
  g_assert_cmpstr (level, ==, GK_ORGANISATION_DISTRICT);
  g_assert_cmpint (gk_store_find_unit (store, "西兆通镇", &error), ==, 0);
  g_assert_cmpint (gk_store_find_unit (store, "南村镇", &error), !=, 0);
  g_assert_no_error (error);

  /* The first record, made from the window, carries the code. */
  g_assert_true (action_enabled (window, "new-record-of-item"));
  gk_window_set_section (window, "procurement");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-record-of-item", g_variant_new_string ("procurement.notice"));
  gk_test_ui_flush ();
  g_assert_nonnull (window->record);
  g_assert_true (g_str_has_prefix (gk_record_get_index_no (window->record), "11130102000014349N/"));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

/* Load Sample Data opens the sample ledger in a window of its own, which
 * says it is the sample and leads back; the clerk's ledger stays empty. */
static gboolean
has_two_windows (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) >= 2;
}

static void
test_sample_ledger (void)
{
  g_autoptr(GkStore) store = open_temp_store ("real.db");
  g_autoptr(GkQuery) everything = gk_query_new ();
  g_autoptr(GError) error = NULL;
  GkWindow *window = gk_window_new (app, store, NULL);
  GkWindow *sample = NULL;
  guint count = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->sample_banner));
  g_assert_true (action_enabled (window, "load-sample-data"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-sample-data", NULL);
  gk_test_ui_wait_until (has_two_windows, NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data) && l->data != (gpointer) window)
      sample = l->data;
  g_assert_nonnull (sample);
  g_assert_true (gk_window_get_store (sample) != store);
  g_assert_true (g_str_has_suffix (gk_store_get_path (gk_window_get_store (sample)), "real.sample.db"));
  g_assert_true (gtk_revealer_get_reveal_child (sample->sample_banner));
  g_assert_true (action_enabled (sample, "leave-sample"));
  g_assert_false (action_enabled (sample, "load-sample-data"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (sample)), ==, "Sample Ledger — Gongkai");
  g_assert_true (gk_store_count (gk_window_get_store (sample), everything, &count, &error));
  g_assert_cmpuint (count, >, 0);

  /* Nothing entered the clerk's ledger. */
  g_assert_true (gk_store_count (store, everything, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);
  g_assert_false (action_enabled (window, "leave-sample"));

  g_object_add_weak_pointer (G_OBJECT (sample), (gpointer *) &sample);
  g_action_group_activate_action (G_ACTION_GROUP (sample), "leave-sample", NULL);
  gk_test_ui_wait_until (gk_test_ui_is_null, &sample);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "ui");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/sections", test_sections);
  g_test_add_func ("/window/actions", test_actions);
  g_test_add_func ("/window/new-record-unit", test_new_record_unit);
  g_test_add_func ("/window/fold", test_fold);
  g_test_add_func ("/window/fold-keeps-record", test_fold_keeps_record);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/delete-undo", test_delete_undo);
  g_test_add_func ("/window/tab", test_tab);
  g_test_add_func ("/window/title-follows", test_title_follows);
  g_test_add_func ("/window/templates", test_templates);
  g_test_add_func ("/window/finalize", test_finalize);
  g_test_add_func ("/window/error-page", test_error_page);
  g_test_add_func ("/window/setup-page", test_setup_page);
  g_test_add_func ("/window/sample-ledger", test_sample_ledger);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (tmp_dir);
  return status;
}
