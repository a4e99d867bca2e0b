/* test-item-chooser.c: choosing the catalog item of a new record, by search and keyboard, in the real window. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gk-item-chooser.h"
#include "gk-record-editor-private.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window-private.h"

static GkApplication *app;

typedef struct
{
  GkTestLedger ledger;
  GkWindow *window;
} Fixture;

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gk_test_ledger_set_up (&f->ledger, data);
  f->window = gk_window_new (app, f->ledger.store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gk_test_ui_wait_until (window_is_mapped, f->window);
  gk_window_set_section (f->window, "procurement");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &f->window);
  gk_test_ledger_tear_down (&f->ledger, data);
}

static guint
count_records (GkStore *store)
{
  g_autoptr(GPtrArray) domains = gk_store_list_domains (store, NULL);
  g_autofree char *today = gk_today ();
  guint total = 0;

  g_assert_nonnull (domains);
  for (guint i = 0; i < domains->len; i++)
    {
      guint count = 0, overdue = 0;

      g_assert_true (gk_store_count_domain (store, g_ptr_array_index (domains, i), today, &count, &overdue, NULL));
      total += count;
    }
  return total;
}

/* The chooser @window opened, or NULL. */
static GkItemChooser *
find_chooser (GkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GK_IS_ITEM_CHOOSER (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return GK_ITEM_CHOOSER (toplevel);
    }
  return NULL;
}

static GkItemChooser *
open_chooser (Fixture *f)
{
  GkItemChooser *chooser;

  g_assert_null (find_chooser (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record", NULL);
  chooser = find_chooser (f->window);
  g_assert_nonnull (chooser);
  gk_test_ui_wait_until (window_is_mapped, chooser);
  return chooser;
}

static GtkWidget *
get_search_entry (GkItemChooser *chooser)
{
  GtkWidget *entry = gk_test_find_descendant (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

typedef struct
{
  GkItemChooser *chooser;
  guint n_matches;
} MatchWait;

static gboolean
has_n_matches (gpointer data)
{
  MatchWait *wait = data;

  return gk_item_chooser_get_n_matches (wait->chooser) == wait->n_matches;
}

/* Types @text as a clerk does and waits for the list to follow. */
static void
search (GkItemChooser *chooser,
        const char    *text,
        guint          n_matches)
{
  MatchWait wait = { chooser, n_matches };

  gtk_editable_set_text (GTK_EDITABLE (get_search_entry (chooser)), text);
  gk_test_ui_wait_until (has_n_matches, &wait);
}

typedef struct
{
  GkWindow *window;
  const char *item_key;
} RecordWait;

static gboolean
shows_record_of (gpointer data)
{
  RecordWait *wait = data;

  return wait->window->record != NULL && g_strcmp0 (gk_record_get_item_key (wait->window->record), wait->item_key) == 0;
}

static void
wait_for_record_of (GkWindow   *window,
                    const char *item_key)
{
  RecordWait wait = { window, item_key };

  gk_test_ui_wait_until (shows_record_of, &wait);
}

/* The keyboard is in the new record's title, ready for typing. */
static void
assert_focus_in_title (GkWindow *window)
{
  GtkWidget *title = gk_header_section_get_row (window->record_editor->header_section, "title");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (focus == title || gtk_widget_is_ancestor (focus, title));
}

/* Presses a key in the search entry through its key controller. */
static gboolean
press_in_entry (GkItemChooser *chooser,
                guint          keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (get_search_entry (chooser));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static gboolean
is_item_row (GtkWidget *widget,
             gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget) && GTK_IS_LIST_BOX (gtk_widget_get_parent (widget));
}

/* New Record opens the chooser; typing "采购结果" and Enter create that
 * item's record, show it and put the keyboard in its title. */
static void
test_search_and_create (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GkItem) shared = gk_store_get_item (f->ledger.store, "procurement.budget", NULL);
  g_autoptr(GkItem) budget = gk_item_copy (shared);
  g_autoptr(GPtrArray) rows = NULL;
  GkItemChooser *chooser;
  GtkWidget *entry;
  GtkWidget *focus;
  guint n_records = count_records (f->ledger.store);

  /* A retired item takes no new records: it is not offered. */
  gk_item_set_retired (budget, TRUE);
  g_assert_true (gk_store_save_item (f->ledger.store, budget, NULL));

  chooser = open_chooser (f);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (chooser)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chooser)), ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  entry = get_search_entry (chooser);
  focus = gtk_root_get_focus (GTK_ROOT (chooser));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* The section's own items come first, and every row says what it is. */
  rows = gk_test_collect_widgets (GTK_WIDGET (chooser), is_item_row, NULL);
  g_assert_cmpuint (rows->len, >, 20);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "采购项目公告");
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.notice");
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_autofree char *failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, title);

      g_assert_cmpstr (title, !=, "");
      g_assert_cmpstr (title, !=, "采购项目预算金额");
      g_assert_null (failure);
    }

  /* Nothing found, nothing to create. */
  search (chooser, "预算", 0);
  g_assert_null (gk_item_chooser_get_selected_key (chooser));
  g_assert_false (gtk_widget_get_sensitive (gk_test_find_button (GTK_WIDGET (chooser), "C_reate")));
  search (chooser, "采购结果", 1);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.result");
  g_assert_true (gtk_widget_get_sensitive (gk_test_find_button (GTK_WIDGET (chooser), "C_reate")));

  /* Enter in the search entry. */
  g_signal_emit_by_name (entry, "activate");
  wait_for_record_of (f->window, "procurement.result");
  gk_test_ui_wait_until (gk_test_ui_is_null, &chooser);
  g_assert_cmpuint (count_records (f->ledger.store), ==, n_records + 1);
  g_assert_cmpstr (gk_window_get_section (f->window), ==, "procurement");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "record");
  g_assert_cmpstr (gk_record_get_uuid (gk_record_editor_get_record (f->window->record_editor)), ==, gk_record_get_uuid (f->window->record));
  assert_focus_in_title (f->window);
}

/* Searching finds an item by a fragment of its name, its group, its
 * domain or its key, in any domain; words are matched in any order. */
static void
test_search_terms (Fixture       *f,
                   gconstpointer  data)
{
  GkItemChooser *chooser = open_chooser (f);

  search (chooser, "分配结果", 1);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "housing-allocation.result");
  search (chooser, "procurement.contract", 1);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.contract");
  search (chooser, "RESULT", 3);
  /* 资格审查结果 and 采购结果, both of 政府采购, in catalog order. */
  search (chooser, "结果 采购", 2);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.qualification");
  /* A 一级事项 lists its items: 监督处罚信息 has three. */
  search (chooser, "监督处罚", 3);
  /* Review and litigation cases are offered too, under 依申请公开. */
  search (chooser, "复议", 1);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "request.case");
  search (chooser, "没有这个事项", 0);
  g_assert_null (gk_item_chooser_get_selected_key (chooser));

  gtk_window_destroy (GTK_WINDOW (chooser));
}

/* Up and Down walk the matches while the keyboard stays in the search. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GkItemChooser *chooser = open_chooser (f);
  GtkWidget *entry = get_search_entry (chooser);

  /* The section's own 采购结果 first, then the other domains' in catalog
   * order (by key: "结果" also finds the 资格审查结果). */
  search (chooser, "result", 3);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.result");
  g_assert_true (press_in_entry (chooser, GDK_KEY_Down));
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "housing-allocation.result");
  g_assert_true (press_in_entry (chooser, GDK_KEY_Down));
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "bidding.result");
  g_assert_true (press_in_entry (chooser, GDK_KEY_Down));
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "bidding.result");
  g_assert_true (press_in_entry (chooser, GDK_KEY_Up));
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "housing-allocation.result");
  g_assert_false (press_in_entry (chooser, GDK_KEY_a));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (chooser)), entry));

  /* Enter creates the selected one, in its own section. */
  g_signal_emit_by_name (entry, "activate");
  wait_for_record_of (f->window, "housing-allocation.result");
  g_assert_cmpstr (gk_window_get_section (f->window), ==, "housing-allocation");
  g_assert_null (find_chooser (f->window));
  assert_focus_in_title (f->window);
}

/* Enter right after typing creates what was typed, even before the
 * search entry's delay has let the list follow. */
static void
test_enter_at_once (Fixture       *f,
                    gconstpointer  data)
{
  GkItemChooser *chooser = open_chooser (f);
  GtkWidget *entry = get_search_entry (chooser);

  gtk_editable_set_text (GTK_EDITABLE (entry), "采购合同");
  g_signal_emit_by_name (entry, "activate");
  wait_for_record_of (f->window, "procurement.contract");
}

/* Escape cancels, from the search entry and from anywhere in the dialog:
 * nothing is created. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  guint n_records = count_records (f->ledger.store);
  GkItemChooser *chooser = open_chooser (f);
  g_autoptr(GListModel) controllers = NULL;
  gboolean pressed = FALSE;

  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  search (chooser, "采购结果", 1);
  /* What Escape does in the search entry. */
  g_signal_emit_by_name (get_search_entry (chooser), "stop-search");
  gk_test_ui_wait_until (gk_test_ui_is_null, &chooser);
  g_assert_null (find_chooser (f->window));

  /* The dialog's own Escape, with the focus elsewhere. */
  chooser = open_chooser (f);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, "Escape") != 0)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (chooser), NULL));
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
  gk_test_ui_wait_until (gk_test_ui_is_null, &chooser);

  g_assert_cmpuint (count_records (f->ledger.store), ==, n_records);
  g_assert_null (f->window->record);
}

static gboolean
is_label_naming (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* win.new-record-of-item creates a record of the item it names, in that
 * item's section, whichever section is shown. */
static void
test_new_record_of_item (Fixture       *f,
                         gconstpointer  data)
{
  guint n_records = count_records (f->ledger.store);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record-of-item",
                                  g_variant_new_string ("housing-allocation.result"));
  wait_for_record_of (f->window, "housing-allocation.result");
  g_assert_cmpstr (gk_window_get_section (f->window), ==, "housing-allocation");
  g_assert_cmpstr (gk_record_get_title (f->window->record), ==, "分配结果");
  g_assert_cmpuint (count_records (f->ledger.store), ==, n_records + 1);
  assert_focus_in_title (f->window);

  /* From supervision too, which has no domain of its own. */
  gk_window_set_section (f->window, "supervision");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record-of-item",
                                  g_variant_new_string ("procurement.result"));
  wait_for_record_of (f->window, "procurement.result");
  g_assert_cmpstr (gk_window_get_section (f->window), ==, "procurement");

  /* A key that names no item creates nothing and says so. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record-of-item",
                                  g_variant_new_string ("no.such-item"));
  g_assert_cmpstr (gk_record_get_item_key (f->window->record), ==, "procurement.result");
  g_assert_cmpuint (count_records (f->ledger.store), ==, n_records + 2);
  g_assert_nonnull (gk_test_find_widget (GTK_WIDGET (f->window->toast_overlay), is_label_naming, "no.such-item"));
}

static gboolean
selects_contract (gpointer data)
{
  return g_strcmp0 (gk_item_chooser_get_selected_key (data), "procurement.contract") == 0;
}

/* Ctrl+Shift+N makes another record of the open record's item, as Ctrl+N
 * did before there was a chooser; the chooser starts on that item too. */
static void
test_same_item (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new-record-of-same-item");
  g_autofree char *first_uuid = NULL;
  GkItemChooser *chooser;

  g_assert_nonnull (accels[0]);
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>n");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "new-record-of-same-item"));

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record-of-item",
                                  g_variant_new_string ("procurement.contract"));
  wait_for_record_of (f->window, "procurement.contract");
  first_uuid = g_strdup (gk_record_get_uuid (f->window->record));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "new-record-of-same-item"));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record-of-same-item", NULL);
  wait_for_record_of (f->window, "procurement.contract");
  g_assert_cmpstr (gk_record_get_uuid (f->window->record), !=, first_uuid);
  assert_focus_in_title (f->window);

  /* The chooser opens on the open record's item, and returns to it when
   * the search is cleared. */
  chooser = open_chooser (f);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.contract");
  search (chooser, "采购结果", 1);
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "procurement.result");
  gtk_editable_set_text (GTK_EDITABLE (get_search_entry (chooser)), "");
  gk_test_ui_wait_until (selects_contract, chooser);
  gtk_window_destroy (GTK_WINDOW (chooser));
}

/* Requests have their own New Record: one is created at once, as before;
 * supervision offers every domain's items. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  GkItemChooser *chooser;

  gk_window_set_section (f->window, "requests");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-record", NULL);
  g_assert_null (find_chooser (f->window));
  wait_for_record_of (f->window, "request.application");
  assert_focus_in_title (f->window);

  gk_window_set_section (f->window, "catalog");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "new-record"));

  gk_window_set_section (f->window, "supervision");
  chooser = open_chooser (f);
  /* Every domain in catalog order: the first is 保障性安居工程建设's. */
  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "housing-construction.scheme");
  search (chooser, "采购结果", 1);
  gtk_window_destroy (GTK_WINDOW (chooser));
}

/* The shortcuts window tells the truth about both accelerators. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/gongkai/Gongkai/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  static const char *shown[][2] = {
    { "win.new-record", "<Control>n" },
    { "win.new-record-of-same-item", "<Shift><Control>n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), shown[i][0]);
      gboolean listed = FALSE;
      GObject *object;
      g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

      g_assert_cmpstr (accels[0], ==, shown[i][1]);
      for (GSList *l = objects; l != NULL; l = l->next)
        {
          g_autofree char *accelerator = NULL;

          object = l->data;
          if (!GTK_IS_SHORTCUTS_SHORTCUT (object))
            continue;
          g_object_get (object, "accelerator", &accelerator, NULL);
          listed = listed || g_strcmp0 (accelerator, shown[i][1]) == 0;
        }
      g_assert_true (listed);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* The dialog goes with its references when closed. */
static void
test_finalize (Fixture       *f,
               gconstpointer  data)
{
  GkItemChooser *chooser = gk_item_chooser_new (GTK_WINDOW (f->window), f->ledger.store, "bidding");

  g_assert_cmpstr (gk_item_chooser_get_selected_key (chooser), ==, "bidding.approval");
  g_object_ref (chooser);
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_assert_finalize_object (chooser);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;
  int status;

  /* Accessible names are kept by GTK's test context, which needs no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  tmp_dir = gk_test_ui_init (&argc, &argv, "item-chooser");

  app = gk_test_ui_new_application ();

#define ADD(path, func) g_test_add ("/item-chooser/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("search-and-create", test_search_and_create);
  ADD ("search-terms", test_search_terms);
  ADD ("keyboard", test_keyboard);
  ADD ("enter-at-once", test_enter_at_once);
  ADD ("escape", test_escape);
  ADD ("new-record-of-item", test_new_record_of_item);
  ADD ("same-item", test_same_item);
  ADD ("sections", test_sections);
  ADD ("finalize", test_finalize);
#undef ADD
  g_test_add_func ("/item-chooser/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  return status;
}
