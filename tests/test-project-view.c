/* test-project-view.c: a project's stages in the editor of a real window: marks, opening, the next stage, the header's project row. */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-application.h"
#include "gk-core.h"
#include "gk-project-dialog.h"
#include "gk-project-choice.h"
#include "gk-project-row.h"
#include "gk-record-editor-private.h"
#include "gk-store.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window-private.h"

static char *tmp_dir;
static GkApplication *app;

static GkRecord *
add_record (GkStore    *store,
            GkProject  *project,
            const char *item_key,
            const char *fields)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_create_record (store, item_key, NULL, &error);

  g_assert_no_error (error);
  gk_record_set_project_id (record, project->id);
  g_assert_true (gk_record_set_values_json (record, fields, NULL));
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
open_record (GkWindow   *window,
             const char *uuid)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-record", g_variant_new_string (uuid));
  gk_test_ui_flush ();
  g_assert_nonnull (window->record);
  g_assert_cmpstr (gk_record_get_uuid (window->record), ==, uuid);
}

static const char *shown_uuid;

static gboolean
is_current_choice (GtkWidget *widget,
                   gpointer   data)
{
  gboolean current = FALSE;

  if (GK_IS_PROJECT_CHOICE (widget))
    g_object_get (widget, "current", &current, NULL);
  return current;
}

/* TRUE once the window shows a record other than the one in shown_uuid. */
static gboolean
shows_other_record (gpointer data)
{
  GkWindow *window = data;

  return window->record != NULL && g_strcmp0 (gk_record_get_uuid (window->record), shown_uuid) != 0;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
is_shown (gpointer data)
{
  return gtk_widget_is_visible (data);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static JsonObject *
fields_of (GkRecord *record)
{
  return json_object_ref (gk_record_get_values (record));
}

static void
test_project_view (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "project-view.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkProject) desks = NULL;
  g_autoptr(GkProject) books = NULL;
  g_autoptr(GkRecord) budget = NULL;
  g_autoptr(GkRecord) result = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autofree char *notice_uuid = NULL;
  GkProjectSection *section;
  GkProjectRow *project_row;
  GkWindow *window;
  GtkWidget *dialog;
  gint64 new_project_id;
  gboolean searched = FALSE;

  g_assert_no_error (error);
  desks = gk_store_create_project (store, "procurement", "长安区第二小学课桌椅采购项目", "CACG-2025-0042", NULL, 0, &error);
  books = gk_store_create_project (store, "procurement", "长安区图书馆图书采购项目", "CACG-2025-0077", NULL, 0, &error);
  g_assert_no_error (error);
  /* The budget and the result, but no notice or documents between them. */
  budget = add_record (store, desks, "procurement.budget",
                       "{\"budget\": 48000000, \"purchaser\": \"长安区第二小学\"}");
  result = add_record (store, desks, "procurement.result", "{\"budget\": 48000000}");

  window = gk_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Opened from elsewhere: the window moves to the record's section. */
  gk_window_set_section (window, "bidding");
  open_record (window, gk_record_get_uuid (result));
  g_assert_cmpstr (gk_window_get_section (window), ==, "procurement");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "record");

  section = window->record_editor->project_section;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.budget"), ==, "Present");
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.notice"), ==, "Missing");
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.documents"), ==, "Missing");
  /* Skipped optional stages say so, and are not missing. */
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.qualification"), ==, "Optional");
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.process"), ==, "Optional");
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.result"), ==, "Present");
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.contract"), ==, "Due");
  g_assert_cmpstr (gk_project_section_get_next_item (section), ==, "procurement.notice");

  /* Each stage row knows its record; the one shown is not opened again. */
  {
    g_autofree char *budget_uuid = NULL;
    g_autofree char *result_uuid = NULL;
    g_autofree char *state = NULL;
    GtkWidget *result_row = gk_project_section_get_row (section, "procurement.result");

    g_object_get (gk_project_section_get_row (section, "procurement.budget"), "record-uuid", &budget_uuid, NULL);
    g_object_get (result_row, "record-uuid", &result_uuid, NULL);
    g_object_get (gk_project_section_get_row (section, "procurement.notice"), "state-text", &state, NULL);
    g_assert_cmpstr (budget_uuid, ==, gk_record_get_uuid (budget));
    g_assert_null (result_uuid);
    g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (result_row)));
    g_assert_cmpstr (state, ==, "Missing");
  }

  /* A stage with a record opens it. */
  g_signal_emit_by_name (gk_project_section_get_row (section, "procurement.budget"), "activated");
  gk_test_ui_flush ();
  g_assert_cmpstr (gk_record_get_uuid (window->record), ==, gk_record_get_uuid (budget));
  open_record (window, gk_record_get_uuid (result));
  section = window->record_editor->project_section;
  shown_uuid = gk_record_get_uuid (result);

  /* Create Next Stage: the notice, filled in and opened (a button emits
   * "clicked" a moment after it is activated). */
  gtk_widget_activate (gk_project_section_get_next_button (section));
  gk_test_ui_wait_until (shows_other_record, window);
  g_assert_cmpstr (gk_record_get_item_key (window->record), ==, "procurement.notice");
  g_assert_cmpint (gk_record_get_project_id (window->record), ==, desks->id);
  g_assert_cmpstr (gk_record_get_title (window->record), ==, "长安区第二小学课桌椅采购项目采购项目公告");
  values = fields_of (gk_record_editor_get_record (window->record_editor));
  g_assert_cmpstr (json_object_get_string_member (values, "project_no"), ==, "CACG-2025-0042");
  g_assert_cmpstr (json_object_get_string_member (values, "purchaser"), ==, "长安区第二小学");
  g_assert_cmpint (json_object_get_int_member (values, "budget"), ==, 48000000);
  g_clear_pointer (&values, json_object_unref);
  notice_uuid = g_strdup (gk_record_get_uuid (window->record));
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.notice"), ==, "Present");
  g_assert_cmpstr (gk_project_section_get_next_item (section), ==, "procurement.documents");

  /* The header moves it to another project, found by searching. */
  project_row = GK_PROJECT_ROW (gk_header_section_get_row (window->record_editor->header_section, "project"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (project_row)));
  g_assert_cmpint (gk_project_row_get_project_id (project_row), ==, desks->id);
  g_assert_true (adw_action_row_get_subtitle (ADW_ACTION_ROW (project_row)) != NULL);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (project_row)), "课桌椅"));
  /* Activating the row clicks its menu button, which pops the search up a moment later. */
  adw_action_row_activate (ADW_ACTION_ROW (project_row));
  gk_test_ui_wait_until (is_shown, gk_project_row_get_search (project_row));
  /* The project the record belongs to is offered, checked. */
  {
    g_autoptr(GPtrArray) current = gk_test_collect_widgets (GTK_WIDGET (project_row), is_current_choice, NULL);

    g_assert_cmpuint (current->len, ==, 1);
    g_assert_cmpint (gk_project_choice_get_project_id (g_ptr_array_index (current, 0)), ==, desks->id);
  }
  /* The search entry tells what is typed after a pause: wait for it. */
  g_signal_connect_swapped (gk_project_row_get_search (project_row), "search-changed",
                            G_CALLBACK (set_true), &searched);
  gtk_editable_set_text (gk_project_row_get_search (project_row), "图书馆");
  gk_test_ui_wait_until (is_true, &searched);
  g_signal_emit_by_name (gk_project_row_get_search (project_row), "activate");
  gk_test_ui_flush ();
  g_assert_cmpint (gk_project_row_get_project_id (project_row), ==, books->id);
  g_assert_true (gk_record_editor_get_modified (window->record_editor));
  g_assert_true (gk_record_editor_flush (window->record_editor, &error));
  g_assert_no_error (error);
  gk_test_ui_flush ();
  /* The stages are now the other project's: only this record so far, the
   * budget before it optional. */
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.notice"), ==, "Present");
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.budget"), ==, "Optional");

  /* A new project from the header: the tender dialog checks the 投资项目统一代码. */
  dialog = GTK_WIDGET (gk_project_dialog_new (GTK_WINDOW (window), store, "tender", 0));
  gtk_editable_set_text (gk_project_dialog_get_entry (GK_PROJECT_DIALOG (dialog), "name"), "长安区某道路改造工程");
  gtk_editable_set_text (gk_project_dialog_get_entry (GK_PROJECT_DIALOG (dialog), "investment-code"), "2025-13");
  g_assert_false (gk_project_dialog_get_can_create (GK_PROJECT_DIALOG (dialog)));
  gtk_editable_set_text (gk_project_dialog_get_entry (GK_PROJECT_DIALOG (dialog), "investment-code"),
                         "2025-130102-48-01-000123");
  g_assert_true (gk_project_dialog_get_can_create (GK_PROJECT_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = gk_project_row_new_project (project_row);
  g_assert_false (gk_project_dialog_get_can_create (GK_PROJECT_DIALOG (dialog)));
  gtk_editable_set_text (gk_project_dialog_get_entry (GK_PROJECT_DIALOG (dialog), "name"), "长安区第三中学实验设备采购项目");
  gtk_editable_set_text (gk_project_dialog_get_entry (GK_PROJECT_DIALOG (dialog), "code"), "CACG-2025-0101");
  g_assert_true (gk_project_dialog_get_can_create (GK_PROJECT_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gk_test_ui_flush ();
  new_project_id = gk_project_row_get_project_id (project_row);
  g_assert_cmpint (new_project_id, !=, books->id);
  g_assert_cmpint (new_project_id, !=, 0);

  /* Leaving the record saves it. */
  open_record (window, gk_record_get_uuid (budget));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_flush ();
  g_assert_finalize_object (window);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* All of it is in the ledger. */
  {
    g_autoptr(GkStore) again = gk_test_open_store (path);
    g_autoptr(GkRecord) notice = NULL;
    g_autoptr(GkProject) created = NULL;
    g_autoptr(GPtrArray) history = NULL;
    g_autoptr(GPtrArray) stages = NULL;
    guint project_changes = 0;

    g_assert_no_error (error);
    notice = gk_store_get_record (again, notice_uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gk_record_get_project_id (notice), ==, new_project_id);
    values = fields_of (notice);
    g_assert_cmpstr (json_object_get_string_member (values, "purchaser"), ==, "长安区第二小学");
    created = gk_store_get_project (again, new_project_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (created->name, ==, "长安区第三中学实验设备采购项目");
    g_assert_cmpstr (created->code, ==, "CACG-2025-0101");
    g_assert_cmpstr (created->kind, ==, "procurement");

    history = gk_store_get_history (again, notice_uuid, &error);
    for (guint i = 0; i < history->len; i++)
      project_changes += g_strcmp0 (((GkHistoryEntry *) g_ptr_array_index (history, i))->field, "project") == 0;
    g_assert_cmpuint (project_changes, ==, 2);

    /* The first project is back to its gap. */
    stages = gk_store_project_stages (again, desks->id, NULL, &error);
    for (guint i = 0; i < stages->len; i++)
      {
        GkStage *stage = g_ptr_array_index (stages, i);
        if (g_strcmp0 (gk_item_get_key (stage->item), "procurement.notice") == 0)
          g_assert_cmpint (stage->state, ==, GK_STAGE_MISSING);
      }
  }
}

/* 逾期公开 only for a stage published late; one still unpublished past its
 * deadline has its own word (one English word, two msgids). */
static void
test_late_words (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "late-words.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GkRecord) budget = NULL;
  g_autoptr(GkRecord) notice = NULL;
  GkProjectSection *section;
  GkWindow *window;

  project = gk_store_create_project (store, "procurement", "长安区第三小学食堂设备采购项目", "CACG-2020-0003", NULL, 0, &error);
  g_assert_no_error (error);
  budget = add_record (store, project, "procurement.budget", "{\"budget\": 1000000}");
  notice = add_record (store, project, "procurement.notice", "{\"budget\": 1000000}");
  gk_record_set_formed_on (notice, "2020-03-02");
  g_assert_true (gk_store_save_record (store, notice, &error));

  window = gk_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  open_record (window, gk_record_get_uuid (notice));
  section = window->record_editor->project_section;
  g_assert_cmpstr (gk_project_section_get_state_text (section, "procurement.notice"), ==, "Overdue");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "project-view");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/project-view/stages", test_project_view);
  g_test_add_func ("/project-view/late-words", test_late_words);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
