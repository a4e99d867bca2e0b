/* test-record-editor.c: the record editor under a real display: every field kind, validation, paste, undo, status, saving. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-core.h"
#include "gk-date-button.h"
#include "gk-demo.h"
#include "gk-item-edit.h"
#include "gk-money.h"
#include "gk-project-dialog.h"
#include "gk-project-row.h"
#include "gk-record-editor-private.h"
#include "gk-store.h"
#include "gk-store-private.h"
#include "gk-table-cell.h"
#include "gk-table-row.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"

static char *tmp_dir;

static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* The editor in a plain window, as the main window will hold it. */
typedef struct
{
  char *path;
  GkStore *store;
  GtkWindow *window;
  GkRecordEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("editor-%u.db", counter++);

  fixture->path = temp_path (name);
  fixture->store = gk_test_open_store (fixture->path);
  gk_store_set_user (fixture->store, "测试员");
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 760);
  fixture->editor = GK_RECORD_EDITOR (gk_record_editor_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  gtk_window_destroy (fixture->window);
  gk_test_ui_wait_until (gk_test_ui_is_null, &fixture->editor);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

static GkRecord *
create_record (Fixture    *fixture,
               const char *item_key)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_create_record (fixture->store, item_key, NULL, &error);

  g_assert_no_error (error);
  gk_record_editor_set_record (fixture->editor, record);
  gk_test_ui_flush ();
  return record;
}

static GkFieldEditor *
field (Fixture    *fixture,
       const char *id)
{
  GkFieldEditor *editor = gk_fields_section_get_editor (fixture->editor->fields_section, id);

  g_assert_nonnull (editor);
  return editor;
}

static GkTableEditor *
table (Fixture    *fixture,
       const char *id)
{
  GkTableEditor *editor = gk_tables_section_get_editor (fixture->editor->tables_section, id);

  g_assert_nonnull (editor);
  return editor;
}

static GtkWidget *
header_row (Fixture    *fixture,
            const char *name)
{
  return gk_header_section_get_row (fixture->editor->header_section, name);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  GActionGroup *actions = gk_record_editor_get_actions (fixture->editor);

  g_assert_true (g_action_group_has_action (actions, action));
  g_action_group_activate_action (actions, action, NULL);
  gk_test_ui_flush ();
}

/* Publish as the clerk does: the dialog asks for the date and the
 * channels; the first channel is ticked when none is. */
static void
publish (Fixture *fixture)
{
  GkPublishDialog *dialog;
  g_autoptr(GPtrArray) chosen = NULL;
  g_auto(GStrv) names = NULL;

  activate (fixture, "publish");
  dialog = fixture->editor->publish_dialog;
  g_assert_nonnull (dialog);
  chosen = gk_publish_dialog_get_channels (dialog);
  names = gk_publish_dialog_dup_names (dialog);
  if (chosen->len == 0 && names[0] != NULL)
    {
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "publish"));
      gk_publish_dialog_set_channel (dialog, names[0], TRUE, NULL);
    }
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "publish"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  gk_test_ui_wait_until (gk_test_ui_is_null, &fixture->editor->publish_dialog);
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  return g_action_group_get_action_enabled (gk_record_editor_get_actions (fixture->editor), action);
}

static GkRecord *
reread (const char *path,
        const char *uuid)
{
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_get_record (store, uuid, &error);

  g_assert_no_error (error);
  return record;
}

/* The record's stored field values hold @text somewhere. */
static gboolean
values_contain (GkRecord   *record,
                const char *text)
{
  g_autofree char *json = gk_record_dup_values_json (record);

  return strstr (json, text) != NULL;
}

static JsonObject *
fields_of (GkRecord *record)
{
  return json_object_ref (gk_record_get_values (record));
}

static char *
valid_orgcode (void)
{
  char code[11] = "12345678-";

  code[9] = gk_orgcode_compute_check ("12345678");
  code[10] = '\0';
  return g_strdup (code);
}

/* What a clerk types for a field of @kind, and what the ledger must then hold. */
static char *
typed_text (const GkField *f,
            char         **expected_json)
{
  switch (f->kind)
    {
    case GK_FIELD_TEXT:
      *expected_json = g_strdup_printf ("\"文本%s\"", f->id);
      return g_strdup_printf (" 文本%s ", f->id);
    case GK_FIELD_LONGTEXT:
      *expected_json = g_strdup ("\"第一行\\n第二行\"");
      return g_strdup ("第一行\n第二行");
    case GK_FIELD_MONEY:
      *expected_json = g_strdup ("123456780");
      return g_strdup ("1,234,567.8");
    case GK_FIELD_DATE:
      *expected_json = g_strdup ("\"2025-03-07\"");
      return g_strdup ("2025年3月7日");
    case GK_FIELD_DATETIME:
      *expected_json = g_strdup ("\"2025-03-07T09:30\"");
      return g_strdup ("2025年3月7日 9:30");
    case GK_FIELD_INTEGER:
      {
        gint64 value = f->has_min ? MAX (f->min, 3) : 3;

        *expected_json = g_strdup_printf ("%" G_GINT64_FORMAT, value);
        return g_strdup_printf ("%" G_GINT64_FORMAT, value);
      }
    case GK_FIELD_DECIMAL:
      *expected_json = g_strdup ("\"89.50\"");
      return g_strdup ("89.5");
    case GK_FIELD_CHOICE:
      {
        const GkChoice *choice = g_ptr_array_index (f->choices, 0);

        *expected_json = g_strdup_printf ("\"%s\"", choice->value);
        return g_strdup (choice->label);
      }
    case GK_FIELD_USCC:
      *expected_json = g_strdup ("\"91110000600037341L\"");
      return g_strdup ("9111 0000 6000 3734 1l");
    case GK_FIELD_IDCARD:
      *expected_json = g_strdup ("\"11010519491231002X\"");
      return g_strdup ("11010519491231002x");
    case GK_FIELD_ORGCODE:
      {
        g_autofree char *code = valid_orgcode ();

        /* Kept without the hyphen, as the code is compared and masked. */
        *expected_json = g_strdup_printf ("\"%.8s%c\"", code, code[9]);
        return g_strdup (code);
      }
    case GK_FIELD_PROJECTCODE:
      *expected_json = g_strdup ("\"2018-130102-47-03-012345\"");
      return g_strdup ("2018-130102-47-03-012345");
    case GK_FIELD_PHONE:
      *expected_json = g_strdup ("\"13812341234\"");
      return g_strdup ("13812341234");
    case GK_FIELD_URL:
      *expected_json = g_strdup ("\"https://www.example.gov.cn/gk/1.html\"");
      return g_strdup ("https://www.example.gov.cn/gk/1.html");
    case GK_FIELD_TABLE:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_json_equal (JsonNode   *node,
                   const char *expected_json,
                   const char *what)
{
  g_autoptr(JsonNode) expected = json_from_string (expected_json, NULL);

  if (node == NULL || !json_node_equal (node, expected))
    {
      g_autofree char *got = node != NULL ? json_to_string (node, FALSE) : g_strdup ("(none)");

      g_error ("%s: expected %s, got %s", what, expected_json, got);
    }
}

typedef struct
{
  guint row;
  const char *column_id;
} CellMatch;

static gboolean
is_cell (GtkWidget *widget,
         gpointer   data)
{
  CellMatch *match = data;

  return GK_IS_TABLE_CELL (widget) && gk_table_cell_get_position (GK_TABLE_CELL (widget)) == match->row &&
         g_strcmp0 (gk_table_cell_get_column (GK_TABLE_CELL (widget))->id, match->column_id) == 0;
}

/* The entry or dropdown of the cell of @column_id in row @row of a table
 * under @widget, or NULL while its row is not laid out. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           guint       row,
           const char *column_id)
{
  CellMatch match = { row, column_id };
  GtkWidget *cell = gk_test_find_widget (widget, is_cell, &match);

  return cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
}

typedef struct
{
  GtkWidget *table;
  CellMatch *cell;
} CellInTable;

/* TRUE once the cell is a widget in the table: its row has been laid out. */
static gboolean
shows_cell (gpointer data)
{
  CellInTable *wanted = data;

  return find_cell (wanted->table, wanted->cell->row, wanted->cell->column_id) != NULL;
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text_cb, &text);
  gk_test_ui_wait_until (is_set, &text);
  return text;
}

/* ------------------------------------------------------------------ */

static void
test_templates (void)
{
  g_autoptr(GkField) column = gk_field_new ("name", "姓名", GK_FIELD_TEXT);
  g_autoptr(GkField) rows = gk_field_new ("rows", "名单", GK_FIELD_TABLE);
  GType types[] = {
    GK_TYPE_RECORD_EDITOR, GK_TYPE_HEADER_SECTION, GK_TYPE_FIELDS_SECTION, GK_TYPE_TABLES_SECTION,
    GK_TYPE_DISCLOSURE_SECTION, GK_TYPE_HISTORY_SECTION, GK_TYPE_DATE_BUTTON,
    GK_TYPE_ATTACHMENTS_SECTION, GK_TYPE_PROJECT_SECTION, GK_TYPE_PROJECT_ROW, GK_TYPE_CORRECTIONS_SECTION,
  };
  /* The editor's sections, in the order they are shown, saved and asked for issues. */
  GType section_types[] = {
    GK_TYPE_HEADER_SECTION, GK_TYPE_FIELDS_SECTION, GK_TYPE_TABLES_SECTION, GK_TYPE_DISCLOSURE_SECTION,
    GK_TYPE_ATTACHMENTS_SECTION, GK_TYPE_PROJECT_SECTION, GK_TYPE_CORRECTIONS_SECTION, GK_TYPE_HISTORY_SECTION,
  };
  GkRecordEditor *editor;
  GtkWidget *widget;

  /* Every template instantiates into a widget of its type. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      widget = g_object_ref_sink (g_object_new (types[i], NULL));
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, types[i]));
      g_assert_finalize_object (widget);
    }

  /* The editor drives exactly these sections, each through the section contract. */
  editor = g_object_ref_sink (g_object_new (GK_TYPE_RECORD_EDITOR, NULL));
  g_assert_cmpuint (editor->sections->len, ==, G_N_ELEMENTS (section_types));
  for (guint i = 0; i < G_N_ELEMENTS (section_types); i++)
    {
      GObject *section = g_ptr_array_index (editor->sections, i);

      g_assert_true (GK_IS_EDITOR_SECTION (section));
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (section), ==, g_type_name (section_types[i]));
      g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (section), GTK_WIDGET (editor)));
    }
  g_assert_finalize_object (editor);

  /* A window: GTK holds it until it is destroyed. */
  widget = g_object_new (GK_TYPE_PROJECT_DIALOG, NULL);
  g_object_ref (widget);
  gtk_window_destroy (GTK_WINDOW (widget));
  g_assert_finalize_object (widget);

  gk_field_add_column (rows, g_steal_pointer (&column));
  widget = g_object_ref_sink (gk_table_editor_new (rows));
  g_assert_cmpuint (gk_table_editor_get_n_rows (GK_TABLE_EDITOR (widget)), ==, 0);
  g_assert_finalize_object (widget);
}

/* Each kind's row on its own: what it stores for good text, and that bad text is an error. */
static void
test_field_kinds (void)
{
  static const struct { GkFieldKind kind; const char *bad; } kinds[] = {
    { GK_FIELD_TEXT, NULL }, { GK_FIELD_LONGTEXT, NULL }, { GK_FIELD_MONEY, "1.234" },
    { GK_FIELD_DATE, "2025-13-01" }, { GK_FIELD_INTEGER, "3.5" }, { GK_FIELD_DECIMAL, "八十" },
    { GK_FIELD_CHOICE, NULL }, { GK_FIELD_USCC, "ABC" }, { GK_FIELD_IDCARD, "110105190002290017" },
    { GK_FIELD_ORGCODE, "12345678-0" }, { GK_FIELD_PROJECTCODE, "2018-13010-47-03-012345" },
    { GK_FIELD_PHONE, "12" }, { GK_FIELD_URL, "not a url" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GkField) f = gk_field_new ("value", "值", kinds[i].kind);
      g_autoptr(GkFieldEditor) editor = NULL;
      g_autofree char *expected_json = NULL;
      g_autofree char *text = NULL;
      GtkWidget *row;

      f->required = TRUE;
      if (kinds[i].kind == GK_FIELD_CHOICE)
        {
          gk_field_add_choice (f, "yes", "是");
          gk_field_add_choice (f, "no", "否");
        }
      editor = gk_field_editor_new (f);
      row = g_object_ref_sink (gk_field_editor_get_row (editor));
      g_assert_cmpint (gk_field_editor_get_severity (editor), ==, GK_SEVERITY_ERROR);  /* required, empty */
      g_assert_null (gk_field_editor_get_value (editor));

      text = typed_text (f, &expected_json);
      gk_field_editor_set_text (editor, text);
      g_assert_cmpint (gk_field_editor_get_severity (editor), ==, GK_SEVERITY_OK);
      assert_json_equal (gk_field_editor_get_value (editor), expected_json, gk_field_kind_to_string (kinds[i].kind));

      if (kinds[i].bad != NULL)
        {
          gk_field_editor_set_text (editor, kinds[i].bad);
          g_assert_cmpint (gk_field_editor_get_severity (editor), >=, GK_SEVERITY_WARNING);
          g_assert_nonnull (gk_field_editor_get_shown_message (editor));
          /* Kept as typed, so the draft can be saved. */
          g_assert_nonnull (gk_field_editor_get_value (editor));
        }
      g_object_unref (row);
    }
}

/* A request speaks of its reply: 答复期限, 答复日期, 待答复/已答复; its
 * number is its 申请编号; its due row says what extended its period. */
static void
test_request_words (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (fixture->store, "request.application", "申请公开某规划", &error);
  GtkWidget *due;

  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_mode (record), ==, GK_MODE_ON_REQUEST);
  /* Received Mon 2025-03-03: due 03-31; 20 working days more, 04-28. */
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-03-03\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-03-20\", \"workdays\": 20}]}", NULL));
  g_assert_true (gk_store_save_record (fixture->store, record, &error));
  g_assert_no_error (error);
  gk_record_editor_set_record (fixture->editor, record);
  gk_test_ui_flush ();

  due = header_row (fixture, "due");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (due)), ==, "Reply Due");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (due)), "2025-04-28 · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (due)), "Extended by 20 working days"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (header_row (fixture, "published"))), ==, "Replied On");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (header_row (fixture, "status"))), ==, "Awaiting Reply");
  g_assert_true (g_str_has_prefix (gk_record_get_index_no (record), "依申〔"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (header_row (fixture, "index"))), ==, "Request Number");
  g_assert_false (gtk_widget_get_visible (fixture->editor->published_card));

  /* Another record speaks of publication again. */
  create_record (fixture, "procurement.result");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (header_row (fixture, "due"))), ==, "Due On");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (header_row (fixture, "published"))), ==, "Published On");
}

/* One item of every domain, every field kind filled through the rows. */
static void
test_every_domain (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *items[] = {
    "housing-construction.annual-plan", "housing-allocation.result", "procurement.result",
    "bidding.candidates", "bidding.notice", "blacklist.entry", "request.application",
  };
  g_autoptr(GHashTable) kinds_seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) units = gk_store_list_units (fixture->store, FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GkRecord) record = create_record (fixture, items[i]);
      g_autoptr(GkItem) item = gk_store_get_item (fixture->store, items[i], NULL);
      g_autoptr(GkSchema) schema = gk_schema_ref (gk_item_get_schema (item));
      GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *title = g_strdup_printf ("测试记录 %s", items[i]);
      const GkUnit *unit = g_ptr_array_index (units, 2);
      gboolean is_request = g_str_has_prefix (items[i], "request.");

      g_test_message ("Filling %s", items[i]);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->header_section)));

      /* The header. */
      gtk_editable_set_text (GTK_EDITABLE (header_row (fixture, "title")), title);
      gtk_editable_set_text (GTK_EDITABLE (header_row (fixture, "doc-no")), "长住建〔2025〕7号");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (header_row (fixture, "unit")), 3);
      if (!is_request)
        gtk_editable_set_text (GTK_EDITABLE (header_row (fixture, "formed")), "2025/3/3");
      g_assert_true (gk_record_editor_get_modified (fixture->editor));

      for (guint f = 0; f < gk_schema_get_n_fields (schema); f++)
        {
          const GkField *schema_field = gk_schema_get_field (schema, f);
          g_autofree char *expected_json = NULL;
          g_autofree char *text = NULL;

          g_hash_table_add (kinds_seen, GINT_TO_POINTER (schema_field->kind));

          if (schema_field->kind != GK_FIELD_TABLE)
            {
              GkFieldEditor *editor = field (fixture, schema_field->id);

              text = typed_text (schema_field, &expected_json);
              /* The outcome agrees with the ground typed (the first, 国家秘密). */
              if (is_request && g_str_equal (schema_field->id, "outcome"))
                for (guint c = 0; c < schema_field->choices->len; c++)
                  {
                    const GkChoice *choice = g_ptr_array_index (schema_field->choices, c);

                    if (g_str_equal (choice->value, "withheld-state-secret"))
                      {
                        g_free (text);
                        g_free (expected_json);
                        text = g_strdup (choice->label);
                        expected_json = g_strdup_printf ("\"%s\"", choice->value);
                      }
                  }
              gk_field_editor_set_text (editor, text);
              g_assert_cmpint (gk_field_editor_get_severity (editor), ==, GK_SEVERITY_OK);
              g_hash_table_insert (expected, g_strdup (schema_field->id), g_steal_pointer (&expected_json));
              continue;
            }

          /* A table: two rows added with the action, every cell typed. */
          {
            GkTableEditor *rows = table (fixture, schema_field->id);
            g_autoptr(GString) rows_json = g_string_new ("[");

            gtk_widget_activate_action (GTK_WIDGET (rows), "table.add-row", NULL);
            gtk_widget_activate_action (GTK_WIDGET (rows), "table.add-row", NULL);
            g_assert_cmpuint (gk_table_editor_get_n_rows (rows), ==, 2);
            gk_test_ui_flush ();

            for (guint r = 0; r < 2; r++)
              {
                g_string_append (rows_json, r > 0 ? ",{" : "{");
                for (guint c = 0; c < schema_field->columns->len; c++)
                  {
                    const GkField *column = g_ptr_array_index (schema_field->columns, c);
                    g_autofree char *cell_json = NULL;
                    g_autofree char *cell_text = typed_text (column, &cell_json);

                    /* A request asks for one correction: the second row receives it. */
                    if (g_str_equal (schema_field->id, "events") && g_str_equal (column->id, "kind") && r == 1)
                      {
                        const GkChoice *received = g_ptr_array_index (column->choices, 1);

                        g_free (cell_text);
                        g_free (cell_json);
                        cell_text = g_strdup (received->label);
                        cell_json = g_strdup_printf ("\"%s\"", received->value);
                      }
                    g_hash_table_add (kinds_seen, GINT_TO_POINTER (column->kind));
                    gk_table_editor_set_cell_text (rows, r, column->id, cell_text);
                    g_string_append_printf (rows_json, "%s\"%s\":%s", c > 0 ? "," : "", column->id, cell_json);
                  }
                g_string_append_c (rows_json, '}');
              }
            g_string_append_c (rows_json, ']');
            g_hash_table_insert (expected, g_strdup (schema_field->id), g_strdup (rows_json->str));
          }
        }

      /* 公示期不得少于3日: a one-day period is refused, four days stand. */
      if (gk_schema_lookup_field (schema, "publicity_end") != NULL)
        {
          GkFieldEditor *end = field (fixture, "publicity_end");

          if (g_str_equal (gk_item_get_key (item), "bidding.candidates"))
            {
              g_autofree char *errors = NULL;

              gk_test_ui_flush ();
              errors = gk_record_editor_dup_issues_text (fixture->editor, GK_SEVERITY_ERROR);
              g_assert_nonnull (strstr (errors, "3"));
              g_assert_false (gk_record_editor_get_valid (fixture->editor));
            }
          gk_field_editor_set_text (end, "2025年3月10日");
          g_hash_table_insert (expected, g_strdup ("publicity_end"), g_strdup ("\"2025-03-10\""));
        }

      /* Every required field is filled: the record may be published. */
      gk_test_ui_flush ();
      {
        g_autofree char *errors = gk_record_editor_dup_issues_text (fixture->editor, GK_SEVERITY_ERROR);

        g_assert_cmpstr (errors, ==, "");
      }
      g_assert_true (gk_record_editor_get_valid (fixture->editor));
      g_assert_true (action_enabled (fixture, "publish"));
      publish (fixture);
      g_assert_cmpstr (gk_record_get_status (gk_record_editor_get_record (fixture->editor)), ==, GK_STATUS_PUBLISHED);
      g_assert_false (action_enabled (fixture, "publish"));
      g_assert_true (action_enabled (fixture, "withdraw"));
      g_assert_true (action_enabled (fixture, "record-change"));

      g_hash_table_insert (expected, g_strdup ("@title"), g_strdup (title));
      g_hash_table_insert (expected, g_strdup ("@unit"), g_strdup (unit->name));
      {
        g_autofree char *follows = gk_item_dup_start_label (item);

        if (follows != NULL)
          g_hash_table_insert (expected, g_strdup ("@follows"), g_strdup (follows));
      }
      g_ptr_array_add (uuids, g_strdup (gk_record_get_uuid (record)));
      g_ptr_array_add (expectations, expected);
    }

  /* Every kind a field can have was typed somewhere; no default item has a
   * 组织机构代码 (test_field_kinds types one). */
  for (GkFieldKind kind = GK_FIELD_TEXT; kind <= GK_FIELD_TABLE; kind++)
    if (kind != GK_FIELD_ORGCODE && !g_hash_table_contains (kinds_seen, GINT_TO_POINTER (kind)))
      g_error ("No field of kind %s was filled", gk_field_kind_to_string (kind));

  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  gk_record_editor_set_record (fixture->editor, NULL);

  /* A new connection to the file finds everything. */
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GkRecord) stored = reread (fixture->path, g_ptr_array_index (uuids, i));
      g_autoptr(JsonObject) values = fields_of (stored);
      GHashTable *expected = g_ptr_array_index (expectations, i);
      GHashTableIter iter;
      const char *key, *json;

      g_assert_cmpstr (gk_record_get_status (stored), ==, GK_STATUS_PUBLISHED);
      g_assert_nonnull (gk_record_get_published_on (stored));
      g_assert_cmpstr (gk_record_get_doc_no (stored), ==, "长住建〔2025〕7号");
      g_assert_cmpstr (gk_record_get_title (stored), ==, g_hash_table_lookup (expected, "@title"));
      g_assert_cmpstr (gk_record_get_unit_name (stored), ==, g_hash_table_lookup (expected, "@unit"));
      if (g_str_has_prefix (gk_record_get_item_key (stored), "request."))
        /* A request is formed on its receipt date. */
        g_assert_cmpstr (gk_record_get_formed_on (stored), ==, "2025-03-07");
      else if (g_hash_table_contains (expected, "@follows"))
        /* …and a decision on its decision date, the date its deadline runs from. */
        g_assert_cmpstr (gk_record_get_formed_on (stored), ==, "2025-03-07");
      else
        g_assert_cmpstr (gk_record_get_formed_on (stored), ==, "2025-03-03");

      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &json))
        {
          g_autofree char *what = g_strdup_printf ("%s %s", gk_record_get_item_key (stored), key);

          if (key[0] == '@')
            continue;
          assert_json_equal (json_object_get_member (values, key), json, what);
        }
    }
}

/* The row of the issues list about field @field_id. */
static GtkListBoxRow *
issue_row (Fixture    *fixture,
           const char *field_id)
{
  for (guint i = 0; i < fixture->editor->issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (fixture->editor->issues, i);

      if (g_strcmp0 (issue->field_id, field_id) == 0)
        return gtk_list_box_get_row_at_index (fixture->editor->issues_list, (int) i);
    }
  g_assert_not_reached ();
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The count of problems opens their list before any try to publish; each
 * entry takes the clerk to its field; the banner of a refused publication
 * follows the fields and goes once they are fixed. */
static void
test_issues_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "blacklist.entry");
  GtkWidget *name_row = gk_field_editor_get_row (field (fixture, "subject_name"));
  GtkWidget *reason_row = gk_field_editor_get_row (field (fixture, "reason"));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->problems_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->issues_list)));
  gtk_toggle_button_set_active (fixture->editor->problems_button, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->issues_list)));
  g_assert_cmpuint (fixture->editor->issues->len, >, 2);

  g_assert_false (focus_is_in (name_row));
  gtk_widget_activate (GTK_WIDGET (issue_row (fixture, "subject_name")));
  gk_test_ui_wait_until (focus_is_in, name_row);
  gtk_widget_activate (GTK_WIDGET (issue_row (fixture, "reason")));
  gk_test_ui_wait_until (focus_is_in, reason_row);

  /* Refused, the banner says why, to a screen reader too. */
  activate (fixture, "publish");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->banner_revealer)));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->editor->banner_label), "主体名称"));
  g_assert_true (fixture->editor->banner_shows_issues);

  /* One fixed: gone from the banner. All fixed: the banner goes. */
  gk_field_editor_set_text (field (fixture, "subject_name"), "某某建设有限公司");
  gk_test_ui_flush ();
  g_assert_null (strstr (gtk_label_get_text (fixture->editor->banner_label), "主体名称"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->banner_revealer)));
  gk_field_editor_set_text (field (fixture, "subject_code"), "91110000600037341N");
  gk_field_editor_set_text (field (fixture, "subject_category"), "法人");
  gk_field_editor_set_text (field (fixture, "reason"), "提供虚假材料");
  gk_field_editor_set_text (field (fixture, "penalty_date"), "2025-2-28");
  gk_field_editor_set_text (field (fixture, "authority"), "区住建局");
  gk_field_editor_set_text (field (fixture, "restrictions"), "三年内不得参与政府采购");
  gk_field_editor_set_text (field (fixture, "revoked"), "否");
  gk_test_ui_flush ();
  g_assert_true (gk_record_editor_get_valid (fixture->editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->banner_revealer)));
}

/* A failed 统一社会信用代码 check warns, a malformed one and a bad 身份证号 are errors. */
static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "blacklist.entry");
  GkFieldEditor *code = field (fixture, "subject_code");
  GkFieldEditor *person = field (fixture, "person_id");
  GtkWidget *code_row = gk_field_editor_get_row (code);

  /* A new record is not a wall of red: empty required fields wait. */
  g_assert_null (gk_field_editor_get_shown_message (field (fixture, "subject_name")));
  g_assert_false (gk_record_editor_get_valid (fixture->editor));

  gk_field_editor_set_text (code, "91110000600037341N");
  g_assert_cmpint (gk_field_editor_get_severity (code), ==, GK_SEVERITY_WARNING);
  g_assert_nonnull (gk_field_editor_get_shown_message (code));
  g_assert_true (gtk_widget_has_css_class (code_row, "warning"));
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));

  gk_field_editor_set_text (code, "9111000060003734");
  g_assert_cmpint (gk_field_editor_get_severity (code), ==, GK_SEVERITY_ERROR);
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_nonnull (gk_field_editor_get_shown_message (code));

  gk_field_editor_set_text (person, "36042619910102009X");
  g_assert_cmpint (gk_field_editor_get_severity (person), ==, GK_SEVERITY_ERROR);
  g_assert_true (gtk_widget_has_css_class (gk_field_editor_get_row (person), "error"));
  g_assert_true (gtk_widget_get_visible (gk_field_editor_get_message_row (person)));

  /* Money that is not a number, an impossible date. */
  {
    g_autoptr(GkRecord) other = NULL;

    gk_field_editor_set_text (field (fixture, "penalty_date"), "2025-02-30");
    g_assert_cmpint (gk_field_editor_get_severity (field (fixture, "penalty_date")), ==, GK_SEVERITY_ERROR);
    g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
    /* The invalid draft is saved as typed. */
    other = reread (fixture->path, gk_record_get_uuid (record));
    g_assert_true (values_contain (other, "9111000060003734"));
    g_assert_true (values_contain (other, "36042619910102009X"));
  }

  /* Publishing refuses and says what is missing, before asking anything. */
  activate (fixture, "publish");
  g_assert_null (fixture->editor->publish_dialog);
  g_assert_cmpstr (gk_record_get_status (gk_record_editor_get_record (fixture->editor)), ==, GK_STATUS_DRAFT);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->editor->banner_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->editor->banner_label), "身份证号（自然人）"));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->editor->banner_label), "主体名称"));

  /* Fixed, but for the pilot code's warning, which the clerk keeps. */
  gk_field_editor_set_text (code, "91110000600037341N");
  gk_field_editor_set_text (person, "360426199101010071");
  gk_field_editor_set_text (field (fixture, "subject_name"), "某某建设有限公司");
  gk_field_editor_set_text (field (fixture, "subject_category"), "法人");
  gk_field_editor_set_text (field (fixture, "reason"), "提供虚假材料");
  gk_field_editor_set_text (field (fixture, "penalty_date"), "2025-2-28");
  gk_field_editor_set_text (field (fixture, "authority"), "区住建局");
  gk_field_editor_set_text (field (fixture, "restrictions"), "三年内不得参与政府采购");
  gk_field_editor_set_text (field (fixture, "revoked"), "否");
  g_assert_true (gk_record_editor_get_valid (fixture->editor));
  g_assert_cmpstr (gtk_label_get_text (fixture->editor->problems_label), ==, "1 warning");
  publish (fixture);
  g_assert_cmpstr (gk_record_get_status (gk_record_editor_get_record (fixture->editor)), ==, GK_STATUS_PUBLISHED);

  /* In a table, the same checks by cell. */
  {
    g_autoptr(GkRecord) result = create_record (fixture, "procurement.result");
    GkTableEditor *suppliers = table (fixture, "suppliers");
    g_autoptr(GkTableRow) row = NULL;
    g_autoptr(GPtrArray) issues = NULL;
    CellMatch amount = { 0, "amount" };
    CellInTable amount_shown = { GTK_WIDGET (suppliers), &amount };

    gtk_widget_activate_action (GTK_WIDGET (suppliers), "table.add-row", NULL);
    gk_table_editor_set_cell_text (suppliers, 0, "uscc", "91110000600037341N");
    /* The record shown holds the cell at once, before any save. */
    {
      JsonNode *rows = gk_record_get_value (fixture->editor->record, "suppliers");

      g_assert_nonnull (rows);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (rows), 0), "uscc"),
                       ==, "91110000600037341N");
    }
    row = g_list_model_get_item (gk_table_editor_get_model (suppliers), 0);
    g_assert_cmpint (gk_table_row_get_severity (row, 2), ==, GK_SEVERITY_WARNING);
    gk_table_editor_set_cell_text (suppliers, 0, "uscc", "ABC");
    g_assert_cmpint (gk_table_row_get_severity (row, 2), ==, GK_SEVERITY_ERROR);
    gk_table_editor_set_cell_text (suppliers, 0, "amount", "十万元");
    g_assert_cmpint (gk_table_row_get_severity (row, 4), ==, GK_SEVERITY_ERROR);
    issues = gk_table_editor_get_issues (suppliers);
    g_assert_cmpuint (issues->len, >=, 3);

    /* Typing in the cell's own entry goes the same way (once the row is laid out). */
    gk_test_ui_wait_until (shows_cell, &amount_shown);
    {
      GtkWidget *cell = find_cell (GTK_WIDGET (suppliers), 0, "amount");

      g_assert_true (GTK_IS_ENTRY (cell));
      g_assert_true (gtk_widget_has_css_class (cell, "error"));
      gtk_editable_set_text (GTK_EDITABLE (cell), "100000");
      g_assert_cmpint (gk_table_row_get_severity (row, 4), ==, GK_SEVERITY_OK);
      g_assert_false (gtk_widget_has_css_class (cell, "error"));
      assert_json_equal (gk_table_row_get_value (row, 4), "10000000", "typed amount");
    }
  }
}

static gboolean
has_rows (gpointer data)
{
  return gk_table_editor_get_n_rows (GK_TABLE_EDITOR (data)) > 0;
}

/* Choosing in the dropdown cell of a request's 办理过程 stores the choice
 * (its handler used to take the GParamSpec for its column and crash). */
static void
test_dropdown_cell (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "request.application");
  GkTableEditor *events = table (fixture, "events");
  CellMatch kind = { 0, "kind" };
  CellInTable kind_shown = { GTK_WIDGET (events), &kind };
  GtkWidget *dropdown;

  gtk_widget_activate_action (GTK_WIDGET (events), "table.add-row", NULL);
  gk_test_ui_wait_until (shows_cell, &kind_shown);
  dropdown = find_cell (GTK_WIDGET (events), 0, "kind");
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));

  /* 0 is "—", then the choices in order: 2 is 收到补正, 3 延长答复期限. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));

  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));
    g_autoptr(JsonObject) values = fields_of (stored);
    JsonArray *rows = json_object_get_array_member (values, "events");

    g_assert_cmpuint (json_array_get_length (rows), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "kind"), ==,
                     "extension");
  }
}

/* Households copied from a spreadsheet, pasted through the clipboard. */
static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "housing-allocation.result");
  GkTableEditor *results = table (fixture, "results");
  const char *tsv =
    "1\t张三\t11010519491231002X\t3\t幸福里1号楼101\t两室一厅\t65.5\r\n"
    "2\t李四\t360426199101010071\t2\t幸福里1号楼102\t一室一厅\t48\r\n"
    "3\t王五\t36042619910102009X\t4\t幸福里2号楼201\t三室一厅\t89.20\r\n";

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->editor)), tsv);
  gtk_widget_activate_action (GTK_WIDGET (results), "table.paste", NULL);
  gk_test_ui_wait_until (has_rows, results);
  g_assert_cmpuint (gk_table_editor_get_n_rows (results), ==, 3);
  g_assert_nonnull (strstr (gk_table_editor_get_report (results), "3"));

  /* The third household's number fails its check: reported by row and column. */
  {
    g_autoptr(GPtrArray) issues = gk_table_editor_get_issues (results);
    gboolean found = FALSE;

    for (guint i = 0; i < issues->len; i++)
      {
        const GkIssue *issue = g_ptr_array_index (issues, i);

        if (issue->row == 2 && g_strcmp0 (issue->column_id, "idcard") == 0 && issue->severity == GK_SEVERITY_ERROR)
          found = TRUE;
      }
    g_assert_true (found);
    g_assert_nonnull (strstr (gk_table_editor_get_summary (results), "Row 3"));
  }

  /* Fixed in place, reordered, then saved and read back. */
  gk_table_editor_set_cell_text (results, 2, "idcard", "110105200002290013");
  gk_table_editor_select_row (results, 2);
  gtk_widget_activate_action (GTK_WIDGET (results), "table.move-up", NULL);
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));

  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));
    g_autoptr(JsonObject) values = fields_of (stored);
    JsonArray *rows = json_object_get_array_member (values, "results");

    g_assert_cmpuint (json_array_get_length (rows), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "name"), ==, "张三");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "name"), ==, "王五");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "idcard"), ==,
                     "110105200002290013");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 2), "idcard"), ==,
                     "360426199101010071");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0), "household_size"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "area"), ==, "65.50");
  }

  /* Remove the last row. */
  gk_table_editor_select_row (results, 2);
  gtk_widget_activate_action (GTK_WIDGET (results), "table.remove-row", NULL);
  g_assert_cmpuint (gk_table_editor_get_n_rows (results), ==, 2);
}

/* Allocation lists run to hundreds of households. */
static void
test_paste_many (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "housing-allocation.result");
  GkTableEditor *results = table (fixture, "results");
  g_autoptr(GString) tsv = g_string_new ("序号\t姓名\t身份证号\t家庭人口\t房源位置\t户型\t面积（平方米）\n");
  CellMatch last = { 499, "name" };
  CellInTable last_shown = { GTK_WIDGET (results), &last };

  for (guint i = 1; i <= 500; i++)
    g_string_append_printf (tsv, "%u\t住户%u\t11010519491231002X\t%u\t幸福里%u号楼%u\t两室一厅\t%u.5\n",
                            i, i, 1 + i % 5, 1 + i / 50, 100 + i % 50, 40 + i % 60);

  /* How long this takes is measured by bench/gk-bench-editor.c, not here. */
  g_assert_cmpuint (gk_table_editor_paste_text (results, tsv->str), ==, 500);
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  /* The pasted rows are brought into view. */
  gk_test_ui_wait_until (shows_cell, &last_shown);
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (find_cell (GTK_WIDGET (results), 499, "name"), GTK_TYPE_SCROLLED_WINDOW);

    g_assert_nonnull (scrolled);
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))), >, 1000);
  }

  /* Adding, moving and removing rows of a long list. */
  gtk_widget_activate_action (GTK_WIDGET (results), "table.add-row", NULL);
  g_assert_cmpuint (gk_table_editor_get_n_rows (results), ==, 501);
  gk_table_editor_select_row (results, 100);
  gtk_widget_activate_action (GTK_WIDGET (results), "table.move-up", NULL);
  gtk_widget_activate_action (GTK_WIDGET (results), "table.remove-row", NULL);
  g_assert_cmpuint (gk_table_editor_get_n_rows (results), ==, 500);

  /* Typing in one cell of a long list. */
  gk_table_editor_set_cell_text (results, 250, "name", "改名");
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));

  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));
    g_autoptr(JsonObject) values = fields_of (stored);

    JsonArray *rows = json_object_get_array_member (values, "results");

    g_assert_cmpuint (json_array_get_length (rows), ==, 500);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 250), "name"), ==, "改名");
  }
}

/* Ctrl+Z goes back one save at a time, pending edits first. */
/* A file added to the open record is in the ledger's own copy, listed in
 * the section, and there when the file is opened again. */
static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.documents");
  g_autofree char *path = temp_path ("评标报告.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) again = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_cmpuint (gk_attachments_section_get_n_rows (fixture->editor->attachments_section), ==, 0);
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 评标报告正文", -1, NULL));
  g_assert_true (gk_attachments_section_add_file (fixture->editor->attachments_section, file, &error));
  g_assert_no_error (error);
  gk_test_ui_flush ();
  g_assert_cmpuint (gk_attachments_section_get_n_rows (fixture->editor->attachments_section), ==, 1);

  again = gk_test_open_store (fixture->path);
  listed = gk_store_list_attachments (again, record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((GkAttachment *) g_ptr_array_index (listed, 0))->name, ==, "评标报告.pdf");
}

static gboolean
is_toast (GtkWidget *widget,
          gpointer   data)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") == 0;
}

static gboolean
shows_toast (gpointer overlay)
{
  return gk_test_find_widget (overlay, is_toast, NULL) != NULL;
}

static gboolean
shows_no_toast (gpointer overlay)
{
  return !shows_toast (overlay);
}

static gboolean
has_one_attachment (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GkStore) store = gk_test_open_store (fixture->path);
  g_autoptr(GkRecord) record = gk_store_get_record (store, gk_record_get_uuid (fixture->editor->record), NULL);
  g_autoptr(GPtrArray) listed = gk_store_list_attachments (store, record, NULL);

  return listed != NULL && listed->len == 1;
}

/* Remove on a file's row removes that file, and only once its toast goes
 * without Undo; Undo brings the row back. */
static void
test_attachment_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.documents");
  const char *names[] = { "评标报告.pdf", "中标通知书.pdf" };
  GtkWidget *section = GTK_WIDGET (fixture->editor->attachments_section);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) again = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  gint64 kept_id;

  /* Toasts need an overlay, as in the window. */
  g_object_ref (fixture->editor);
  gtk_window_set_child (fixture->window, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->editor));
  g_object_unref (fixture->editor);
  gtk_window_set_child (fixture->window, overlay);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = temp_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (g_file_set_contents (path, names[i], -1, NULL));
      g_assert_true (gk_attachments_section_add_file (fixture->editor->attachments_section, file, &error));
      g_assert_no_error (error);
    }
  gk_test_ui_flush ();
  g_assert_cmpuint (gk_attachments_section_get_n_rows (fixture->editor->attachments_section), ==, 2);
  row = gk_test_find_with_property (section, "file-name", "中标通知书.pdf");
  g_assert_nonnull (row);
  g_object_get (row, "attachment-id", &kept_id, NULL);

  /* Undo: the row is back and nothing was removed. */
  row = gk_test_find_with_property (section, "file-name", "评标报告.pdf");
  g_signal_emit_by_name (row, "remove");
  g_assert_cmpuint (gk_attachments_section_get_n_rows (fixture->editor->attachments_section), ==, 1);
  /* As a clerk sees it: the toast has come in before its Undo is clicked.
   * (libadwaita 1.2 frees a toast twice when it is dismissed while its
   * showing animation still runs.) */
  gk_test_ui_wait_until (shows_toast, overlay);
  gk_test_ui_wait_animations (overlay, 500 * 1000);
  g_signal_emit_by_name (gk_test_find_button (overlay, "_Undo"), "clicked");
  gk_test_ui_flush ();
  g_assert_cmpuint (gk_attachments_section_get_n_rows (fixture->editor->attachments_section), ==, 2);
  /* The undone toast is still leaving (an animation, slow on a loaded
   * machine): closing it instead of the next one would close it twice. */
  gk_test_ui_wait_until (shows_no_toast, overlay);

  /* The toast closed without Undo: that file, and only that one, is gone. */
  row = gk_test_find_with_property (section, "file-name", "评标报告.pdf");
  g_signal_emit_by_name (row, "remove");
  gk_test_ui_wait_until (shows_toast, overlay);
  gk_test_ui_wait_animations (overlay, 500 * 1000);
  gtk_widget_activate_action (gk_test_find_widget (overlay, is_toast, NULL), "toast.close", NULL);
  gk_test_ui_wait_until (has_one_attachment, fixture);

  again = gk_test_open_store (fixture->path);
  listed = gk_store_list_attachments (again, record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((GkAttachment *) g_ptr_array_index (listed, 0))->id, ==, kept_id);
  g_assert_cmpstr (((GkAttachment *) g_ptr_array_index (listed, 0))->name, ==, "中标通知书.pdf");
}

static gboolean
is_saved (gpointer data)
{
  return !gk_record_editor_get_modified (data);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.result");
  GtkEditable *title = GTK_EDITABLE (header_row (fixture, "title"));
  g_autofree char *original = g_strdup (gk_record_get_title (record));

  g_assert_false (action_enabled (fixture, "undo"));

  /* Ctrl+Z is caught before a text field's own undo takes it. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->editor));
    g_autoptr(GtkShortcutTrigger) ctrl_z = gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_z) &&
                GTK_IS_NAMED_ACTION (action) &&
                g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "editor.undo") == 0)
              found = TRUE;
          }
      }
    g_assert_true (found);
  }

  gtk_editable_set_text (title, "第一个标题");
  g_assert_true (action_enabled (fixture, "undo"));
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));

  gk_field_editor_set_text (field (fixture, "project_no"), "ZB-2025-001");
  /* Saved by itself after the debounce. */
  gk_test_ui_wait_until (is_saved, fixture->editor);

  gtk_editable_set_text (title, "第二个标题");
  /* Pending, not yet saved: undo reverts it. */
  g_assert_true (gk_record_editor_get_modified (fixture->editor));
  activate (fixture, "undo");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "第一个标题");
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));

    g_assert_cmpstr (gk_record_get_title (stored), ==, "第一个标题");
    g_assert_true (values_contain (stored, "ZB-2025-001"));
  }

  activate (fixture, "undo");
  {
    g_autofree char *text = gk_field_editor_dup_text (field (fixture, "project_no"));

    g_assert_cmpstr (text, ==, "");
  }
  activate (fixture, "undo");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, original);
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));

    g_assert_cmpstr (gk_record_get_title (stored), ==, original);
  }
  g_assert_false (action_enabled (fixture, "undo"));
}

/* 不予公开 needs its legal ground and a reason, and is never published. */
static void
test_exempt (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.result");
  GkDisclosureSection *disclosure = fixture->editor->disclosure_section;

  g_assert_null (gk_disclosure_section_get_ground_message (disclosure));
  gk_disclosure_section_set_mode (disclosure, GK_MODE_EXEMPT);
  g_assert_nonnull (gk_disclosure_section_get_ground_message (disclosure));
  g_assert_false (gk_record_editor_get_valid (fixture->editor));
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  {
    /* Not without its ground: the stored mode waits for it. */
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));

    g_assert_cmpstr (gk_record_get_mode (stored), ==, GK_MODE_PROACTIVE);
  }

  gk_disclosure_section_set_ground (disclosure, "trade-secret");
  g_assert_null (gk_disclosure_section_get_ground_message (disclosure));
  /* The record shown follows the choice at once, before any save. */
  g_assert_cmpstr (gk_record_get_mode (fixture->editor->record), ==, GK_MODE_EXEMPT);
  g_assert_cmpstr (gk_record_get_exemption (fixture->editor->record), ==, "trade-secret");
  g_assert_true (gk_record_editor_get_modified (fixture->editor));
  /* Still no reason. */
  g_assert_false (gk_record_editor_get_valid (fixture->editor));
  gk_disclosure_section_set_reason (disclosure, "第三方不同意公开其报价构成");
  g_assert_cmpstr (gk_record_get_exemption_reason (fixture->editor->record), ==, "第三方不同意公开其报价构成");
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));

    g_assert_cmpstr (gk_record_get_mode (stored), ==, GK_MODE_EXEMPT);
    g_assert_cmpstr (gk_record_get_exemption (stored), ==, "trade-secret");
    g_assert_cmpstr (gk_record_get_exemption_reason (stored), ==, "第三方不同意公开其报价构成");
  }
  g_assert_false (action_enabled (fixture, "publish"));
  /* The ✓ menu offers one that says why instead. */
  g_assert_true (action_enabled (fixture, "explain-publish"));

  /* Back to proactive disclosure: the ground and reason leave the record. */
  gk_disclosure_section_set_mode (disclosure, GK_MODE_PROACTIVE);
  g_assert_cmpstr (gk_record_get_mode (fixture->editor->record), ==, GK_MODE_PROACTIVE);
  g_assert_cmpstr (gk_record_get_exemption (fixture->editor->record), ==, "");
  g_assert_false (action_enabled (fixture, "explain-publish"));
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (record));

    g_assert_cmpstr (gk_record_get_mode (stored), ==, GK_MODE_PROACTIVE);
  }
}

static void
fill_procurement_result (Fixture *fixture)
{
  GkTableEditor *suppliers = table (fixture, "suppliers");

  gk_field_editor_set_text (field (fixture, "project_no"), "HBZC-2025-0107");
  gk_field_editor_set_text (field (fixture, "project_name"), "长安区政务服务中心办公设备采购");
  gk_field_editor_set_text (field (fixture, "method"), "竞争性磋商");
  gk_field_editor_set_text (field (fixture, "award_date"), "2025-3-10");
  gtk_widget_activate_action (GTK_WIDGET (suppliers), "table.add-row", NULL);
  gk_table_editor_set_cell_text (suppliers, 0, "name", "石家庄某某科技有限公司");
  gk_table_editor_set_cell_text (suppliers, 0, "uscc", "91310110666007217T");
  gk_table_editor_set_cell_text (suppliers, 0, "amount", "386000");
}

/* Status moves are actions, each enabled when the status allows it, each in the history. */
static void
test_status_actions (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.result");
  GkRecord *current;

  /* The 索引号 is copied whole. */
  {
    g_autofree char *copied = NULL;

    activate (fixture, "copy-index-number");
    copied = read_clipboard (GTK_WIDGET (fixture->editor));
    g_assert_cmpstr (copied, ==, gk_record_get_index_no (record));
  }

  g_assert_true (action_enabled (fixture, "submit"));
  g_assert_false (action_enabled (fixture, "withdraw"));
  g_assert_false (action_enabled (fixture, "record-change"));
  g_assert_false (action_enabled (fixture, "reopen"));

  fill_procurement_result (fixture);
  activate (fixture, "submit");
  current = gk_record_editor_get_record (fixture->editor);
  g_assert_cmpstr (gk_record_get_status (current), ==, GK_STATUS_PENDING);
  g_assert_false (action_enabled (fixture, "submit"));
  g_assert_true (action_enabled (fixture, "reopen"));
  g_assert_true (action_enabled (fixture, "publish"));

  /* Publishing asks when and where: the channel the clerk switched on is
   * ticked with its address; the date must be possible and a channel ticked. */
  gk_disclosure_section_set_channel (fixture->editor->disclosure_section, "河北政府采购网",
                                     NULL, "http://www.ccgp-hebei.gov.cn/");
  activate (fixture, "publish");
  g_assert_cmpstr (gk_record_get_status (current), ==, GK_STATUS_PENDING);
  {
    GkPublishDialog *dialog = fixture->editor->publish_dialog;
    AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
    g_autoptr(GPtrArray) chosen = NULL;
    g_auto(GStrv) names = NULL;
    g_autofree char *today = gk_today ();
    g_autofree char *date = NULL;

    g_assert_nonnull (dialog);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
    date = gk_publish_dialog_dup_date (dialog);
    g_assert_cmpstr (date, ==, today);
    names = gk_publish_dialog_dup_names (dialog);
    g_assert_cmpuint (g_strv_length (names), >=, 2);
    chosen = gk_publish_dialog_get_channels (dialog);
    g_assert_cmpuint (chosen->len, ==, 1);
    g_assert_cmpstr (((GkRecordChannel *) g_ptr_array_index (chosen, 0))->address, ==, "http://www.ccgp-hebei.gov.cn/");
    g_assert_true (adw_message_dialog_get_response_enabled (message, "publish"));

    gk_publish_dialog_set_date (dialog, "2025年2月30日");
    g_assert_false (adw_message_dialog_get_response_enabled (message, "publish"));
    gk_publish_dialog_set_date (dialog, "2025/3/12");
    g_assert_true (adw_message_dialog_get_response_enabled (message, "publish"));
    gk_publish_dialog_set_channel (dialog, "河北政府采购网", FALSE, NULL);
    g_assert_false (adw_message_dialog_get_response_enabled (message, "publish"));
    gk_publish_dialog_set_channel (dialog, "河北政府采购网", TRUE, NULL);
    adw_message_dialog_response (message, "publish");
    gk_test_ui_flush ();
  }
  g_assert_cmpstr (gk_record_get_status (current), ==, GK_STATUS_PUBLISHED);
  g_assert_cmpstr (gk_record_get_published_on (current), ==, "2025-03-12");
  {
    g_autoptr(GkStore) store = gk_test_open_store (fixture->path);
    g_autoptr(GPtrArray) channels = gk_store_get_record_channels (store, gk_record_get_uuid (record), NULL);
    const GkRecordChannel *channel;

    g_assert_cmpuint (channels->len, ==, 1);
    channel = g_ptr_array_index (channels, 0);
    g_assert_cmpstr (channel->channel, ==, "河北政府采购网");
    g_assert_cmpstr (channel->published_on, ==, gk_record_get_published_on (current));
    g_assert_cmpstr (channel->address, ==, "http://www.ccgp-hebei.gov.cn/");
  }

  /* Published, its text is read-only: the card offers a 变更 instead. */
  g_assert_true (gtk_widget_get_visible (fixture->editor->published_card));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->editor->header_section)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->editor->fields_section)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->publications_list)));

  /* 变更: asked for its date in a dialog. */
  activate (fixture, "record-change");
  g_assert_nonnull (fixture->editor->change_dialog);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (fixture->editor->change_dialog);
    GtkEditable *date = GTK_EDITABLE (gk_test_find_with_property (GTK_WIDGET (dialog), "title", "Change Date"));
    GtkEditable *note = GTK_EDITABLE (gk_test_find_with_property (GTK_WIDGET (dialog), "title", "What Changed"));

    /* What the clerk types is what the dialog holds. */
    gtk_editable_set_text (date, "2025年3月40日");
    g_assert_cmpstr (gk_change_dialog_get_date (fixture->editor->change_dialog), ==, "2025年3月40日");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
    gtk_editable_set_text (date, "2025年3月20日");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
    gtk_editable_set_text (note, "更正中标金额");
    g_assert_cmpstr (gk_change_dialog_get_note (fixture->editor->change_dialog), ==, "更正中标金额");
    adw_message_dialog_response (dialog, "record");
    gk_test_ui_flush ();
  }
  g_assert_null (fixture->editor->change_dialog);
  g_assert_cmpstr (gk_record_get_status (current), ==, GK_STATUS_DRAFT);
  g_assert_cmpstr (gk_record_get_formed_on (current), ==, "2025-03-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (header_row (fixture, "formed"))), ==, "2025-03-20");
  /* The change is prepared in the open text, and the earlier publication,
   * still public, is shown with its date and channel. */
  g_assert_false (gtk_widget_get_visible (fixture->editor->published_card));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture->editor->header_section)));
  g_assert_cmpstr (gk_record_get_public_on (current), ==, "2025-03-12");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor->publications_list)));
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fixture->editor->publications_list));

    g_assert_true (ADW_IS_ACTION_ROW (row));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Earlier Publication, Still Public");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2025-03-12 · 河北政府采购网"));
    g_assert_null (gtk_widget_get_next_sibling (row));
  }

  publish (fixture);
  activate (fixture, "withdraw");
  g_assert_cmpstr (gk_record_get_status (current), ==, GK_STATUS_WITHDRAWN);
  activate (fixture, "reopen");
  g_assert_cmpstr (gk_record_get_status (current), ==, GK_STATUS_DRAFT);

  /* The history shows it all, newest first, in the item's words. */
  {
    GkHistorySection *history = fixture->editor->history_section;
    gboolean saw_label = FALSE, saw_change = FALSE, saw_channel = FALSE;

    g_assert_cmpuint (gk_history_section_get_n_rows (history), >, 5);
    /* Reopening was the last move: its status entry and the cleared date come first. */
    g_assert_nonnull (strstr (gk_history_section_get_row_title (history, 0), "Published On"));
    g_assert_cmpstr (gk_history_section_get_row_title (history, 1), ==, "Status: Withdrawn → Draft");
    for (guint i = 0; i < gk_history_section_get_n_rows (history); i++)
      {
        const char *title = gk_history_section_get_row_title (history, i);

        saw_label |= strstr (title, "采购项目编号: — → HBZC-2025-0107") != NULL;
        saw_change |= strstr (title, "Change recorded") != NULL;
        saw_channel |= strstr (title, "河北政府采购网") != NULL;
      }
    g_assert_true (saw_label);
    g_assert_true (saw_change);
    g_assert_true (saw_channel);
  }
}

/* Nothing typed is lost: leaving the record, a fresh copy of it, closing. */
static void
test_nothing_lost (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GkRecord) first = create_record (fixture, "procurement.result");
  g_autoptr(GkRecord) second = NULL;
  g_autoptr(GkRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;

  gk_field_editor_set_text (field (fixture, "project_no"), "未保存的编号");
  /* The window shows a fresh copy after "records-changed": the edit stays. */
  fresh = gk_store_get_record (fixture->store, gk_record_get_uuid (first), &error);
  g_assert_no_error (error);
  gk_record_editor_set_record (fixture->editor, fresh);
  {
    g_autofree char *text = gk_field_editor_dup_text (field (fixture, "project_no"));

    g_assert_cmpstr (text, ==, "未保存的编号");
  }
  g_assert_true (gk_record_editor_get_modified (fixture->editor));

  /* Another record: the first is saved on the way. */
  second = gk_store_create_record (fixture->store, "bidding.candidates", NULL, &error);
  g_assert_no_error (error);
  gk_record_editor_set_record (fixture->editor, second);
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (first));

    g_assert_true (values_contain (stored, "未保存的编号"));
  }

  /* The editor goes away with an edit pending: saved too. */
  gk_field_editor_set_text (field (fixture, "tender_no"), "招标编号-最后一刻");
  gtk_window_set_child (fixture->window, NULL);
  gk_test_ui_flush ();
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (second));

    g_assert_true (values_contain (stored, "招标编号-最后一刻"));
  }
  fixture->editor = GK_RECORD_EDITOR (gk_record_editor_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
}

/* What the main window does: show a fresh copy of its record on every "records-changed". */
typedef struct
{
  Fixture *fixture;
  char *uuid;
  guint echoes;
} Window;

static void
on_records_changed_cb (GkStore *store,
                       Window  *window)
{
  g_autoptr(GkRecord) fresh = gk_store_get_record (store, window->uuid, NULL);

  window->echoes++;
  gk_record_editor_set_record (window->fixture->editor, fresh);
}

static void
test_window_echo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GkRecord) first = gk_store_create_record (fixture->store, "procurement.result", NULL, NULL);
  g_autoptr(GkRecord) second = gk_store_create_record (fixture->store, "housing-allocation.result", NULL, NULL);
  Window window = { fixture, g_strdup (gk_record_get_uuid (first)), 0 };
  gulong handler = g_signal_connect (fixture->store, "records-changed", G_CALLBACK (on_records_changed_cb), &window);

  gk_record_editor_set_record (fixture->editor, first);
  gk_field_editor_set_text (field (fixture, "project_no"), "ECHO-1");
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  g_assert_cmpuint (window.echoes, >, 0);
  g_assert_cmpstr (gk_record_get_uuid (gk_record_editor_get_record (fixture->editor)), ==, gk_record_get_uuid (first));

  /* The window selects another record while an edit is pending: the
   * save it causes echoes back in the middle of switching. */
  gk_field_editor_set_text (field (fixture, "project_name"), "切换前的名称");
  g_free (window.uuid);
  window.uuid = g_strdup (gk_record_get_uuid (second));
  gk_record_editor_set_record (fixture->editor, second);
  g_assert_cmpstr (gk_record_get_uuid (gk_record_editor_get_record (fixture->editor)), ==, gk_record_get_uuid (second));
  g_assert_nonnull (gk_tables_section_get_editor (fixture->editor->tables_section, "results"));
  {
    g_autoptr(GkRecord) stored = reread (fixture->path, gk_record_get_uuid (first));

    g_assert_true (values_contain (stored, "切换前的名称"));
  }

  /* A status move echoes too; what is being typed stays. */
  gk_field_editor_set_text (field (fixture, "project_name"), "正在输入");
  activate (fixture, "submit");
  g_assert_cmpstr (gk_record_get_status (gk_record_editor_get_record (fixture->editor)), ==, GK_STATUS_PENDING);
  {
    g_autofree char *text = gk_field_editor_dup_text (field (fixture, "project_name"));

    g_assert_cmpstr (text, ==, "正在输入");
  }

  g_signal_handler_disconnect (fixture->store, handler);
  g_free (window.uuid);
}

/* A date can be pointed at in the calendar, which opens on the date typed. */
static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  /* An item whose deadline runs from the formation date the clerk enters. */
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.notice");
  /* The formation date, near the top: the popover opens where the button is on screen. */
  GtkWidget *row = header_row (fixture, "formed");
  GtkWidget *button = gk_test_find_descendant (row, GTK_TYPE_MENU_BUTTON);
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 4, 30, 0, 0, 0);
  GtkWidget *calendar;

  g_assert_nonnull (gk_test_find_descendant (row, GK_TYPE_DATE_BUTTON));
  g_assert_nonnull (button);
  gtk_editable_set_text (GTK_EDITABLE (row), "2025年3月7日");
  gk_test_ui_flush ();
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gk_test_ui_flush ();
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 7);

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_signal_emit_by_name (calendar, "day-selected");
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-04-30");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  g_assert_true (gk_record_editor_flush (fixture->editor, NULL));
  g_assert_cmpstr (gk_record_get_formed_on (gk_record_editor_get_record (fixture->editor)), ==, "2025-04-30");
}

/* The sample ledger's records, whatever they hold, open, show and leave untouched. */
static void
test_sample_ledger (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  guint history_before = 0, history_after = 0;

  g_assert_true (gk_demo_fill (fixture->store, 120, 7, &error));
  g_assert_no_error (error);
  records = gk_store_query (fixture->store, query, 0, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, >, 100);

  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) history = gk_store_get_history (fixture->store, gk_record_get_uuid (record), NULL);

      history_before += history->len;
      gk_record_editor_set_record (fixture->editor, record);
      g_assert_false (gk_record_editor_get_modified (fixture->editor));
      if (i % 10 == 0)
        gk_test_ui_flush ();
    }
  gk_record_editor_set_record (fixture->editor, NULL);

  /* Looking is not editing: nothing was written. */
  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) history = gk_store_get_history (fixture->store, gk_record_get_uuid (record), NULL);

      history_after += history->len;
    }
  g_assert_cmpuint (history_after, ==, history_before);
}

/* Every control has a name, and Tab reaches every field. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "bidding.candidates");
  g_autoptr(GkItem) item = gk_store_get_item (fixture->store, "bidding.candidates", NULL);
  g_autoptr(GkSchema) schema = gk_schema_ref (gk_item_get_schema (item));
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GkTableEditor *candidates = table (fixture, "candidates");
  GtkWidget *first_focus = NULL;

  gtk_widget_activate_action (GTK_WIDGET (candidates), "table.add-row", NULL);
  /* The row's cells are made when the table is laid out. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL)
        continue;
      if (focus == first_focus)
        break;
      if (first_focus == NULL)
        first_focus = focus;

      for (guint f = 0; f < gk_schema_get_n_fields (schema); f++)
        {
          const GkField *schema_field = gk_schema_get_field (schema, f);
          GtkWidget *input = schema_field->kind == GK_FIELD_TABLE
                               ? GTK_WIDGET (table (fixture, schema_field->id))
                               : gk_field_editor_get_input (field (fixture, schema_field->id));

          if (focus == input || gtk_widget_is_ancestor (focus, input))
            g_hash_table_add (reached, (gpointer) schema_field);
        }
    }

  for (guint f = 0; f < gk_schema_get_n_fields (schema); f++)
    {
      const GkField *schema_field = gk_schema_get_field (schema, f);

      if (!g_hash_table_contains (reached, schema_field))
        g_error ("Tab never reaches %s (%s)", schema_field->label, schema_field->id);

      if (schema_field->kind != GK_FIELD_TABLE)
        {
          GtkWidget *row = gk_field_editor_get_row (field (fixture, schema_field->id));
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

          g_assert_nonnull (strstr (title, schema_field->label));
          if (schema_field->required)
            g_assert_true (g_str_has_suffix (title, "*"));
        }
    }
}

/* Showing a record asks the store for its item once and parses its field
 * schema once (the ledger just opened), every section getting the item
 * with the record; another record of the same item parses nothing. */
static void
test_item_once (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) first = gk_store_create_record (fixture->store, "bidding.candidates", NULL, &error);
  g_autoptr(GkRecord) second = gk_store_create_record (fixture->store, "bidding.candidates", "第二条", &error);
  guint requests, parses;

  g_assert_no_error (error);
  gk_store_forget_items (fixture->store);
  requests = gk_store_get_n_item_requests (fixture->store);
  parses = gk_store_get_n_schema_parses (fixture->store);

  gk_record_editor_set_record (fixture->editor, first);
  /* Whatever the sections deferred has run too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (gk_store_get_n_item_requests (fixture->store) - requests, ==, 1);
  g_assert_cmpuint (gk_store_get_n_schema_parses (fixture->store) - parses, ==, 1);
  /* The sections did show the item: its fields and its tables. */
  g_assert_nonnull (gk_fields_section_get_editor (fixture->editor->fields_section, "project_name"));
  g_assert_nonnull (table (fixture, "candidates"));

  requests = gk_store_get_n_item_requests (fixture->store);
  parses = gk_store_get_n_schema_parses (fixture->store);
  gk_record_editor_set_record (fixture->editor, second);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (gk_store_get_n_item_requests (fixture->store) - requests, ==, 1);
  g_assert_cmpuint (gk_store_get_n_schema_parses (fixture->store) - parses, ==, 0);
}

/* The history names a project and attachments as the clerk knows them,
 * never by the ledger's keys or numbers. */
static void
test_history_words (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "procurement.notice");
  g_autoptr(GkProject) first = NULL;
  g_autoptr(GkProject) second = NULL;
  g_autoptr(GkRecord) stored = NULL;
  g_autoptr(GkAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (tmp_dir, "采购文件.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autofree char *first_id = NULL;
  GkHistorySection *history = fixture->editor->history_section;
  gboolean seen_project = FALSE, seen_attachment = FALSE;

  first = gk_store_create_project (fixture->store, "procurement", "城区道路维修工程", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  second = gk_store_create_project (fixture->store, "procurement", "老旧小区改造工程", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  first_id = g_strdup_printf ("%" G_GINT64_FORMAT, first->id);

  stored = gk_store_get_record (fixture->store, gk_record_get_uuid (record), &error);
  gk_record_set_project_id (stored, first->id);
  g_assert_true (gk_store_save_record (fixture->store, stored, &error));
  gk_record_set_project_id (stored, second->id);
  g_assert_true (gk_store_save_record (fixture->store, stored, &error));
  g_assert_true (g_file_set_contents (file_path, "%PDF-1.4\n", -1, NULL));
  attachment = gk_store_add_attachment (fixture->store, stored, file, &error);
  g_assert_no_error (error);

  gk_record_editor_set_record (fixture->editor, NULL);
  gk_record_editor_set_record (fixture->editor, stored);
  gk_test_ui_flush ();
  for (guint i = 0; i < gk_history_section_get_n_rows (history); i++)
    {
      const char *title = gk_history_section_get_row_title (history, i);

      g_assert_null (strstr (title, "attachments"));
      if (strstr (title, "老旧小区改造工程") != NULL)
        {
          g_assert_nonnull (strstr (title, "城区道路维修工程"));
          g_assert_null (strstr (title, first_id));
          seen_project = TRUE;
        }
      if (g_strcmp0 (title, "Attachment added: 采购文件.pdf") == 0)
        seen_attachment = TRUE;
    }
  g_assert_true (seen_project);
  g_assert_true (seen_attachment);
}

/* The publish dialog's address entries say what to type, and start from
 * the site the channel's records were published on before. */
static void
test_publish_address_hint (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GkRecord) earlier = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  g_autoptr(GError) error = NULL;
  GkRecordChannel *channel = g_new0 (GkRecordChannel, 1);
  GkPublishDialog *dialog;
  GkChannelRow *row;
  g_auto(GStrv) names = NULL;
  g_autofree char *address = NULL;

  earlier = gk_store_create_record (fixture->store, "procurement.notice", "较早的采购公告", &error);
  g_assert_no_error (error);
  channel->channel = g_strdup ("河北政府采购网");
  channel->address = g_strdup ("http://www.ccgp-hebei.gov.cn/zfcg/2025/12345.html");
  g_ptr_array_add (channels, channel);
  g_assert_true (gk_store_set_record_channels (fixture->store, gk_record_get_uuid (earlier), channels, NULL, &error));
  g_assert_no_error (error);

  record = create_record (fixture, "procurement.result");
  fill_procurement_result (fixture);
  activate (fixture, "publish");
  dialog = fixture->editor->publish_dialog;
  g_assert_nonnull (dialog);
  row = gk_publish_dialog_get_channel_row (dialog, "河北政府采购网");
  g_assert_nonnull (row);
  address = gk_channel_row_dup_address_text (row);
  g_assert_cmpstr (address, ==, "http://www.ccgp-hebei.gov.cn/");
  /* A channel never used before still says what to type, naming itself. */
  names = gk_publish_dialog_dup_names (dialog);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *typed = NULL;
      GkChannelRow *other = gk_publish_dialog_get_channel_row (dialog, names[i]);

      if (g_str_equal (names[i], "河北政府采购网"))
        continue;
      typed = gk_channel_row_dup_address_text (other);
      g_assert_cmpstr (typed, ==, "");
    }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gk_test_ui_wait_until (gk_test_ui_is_null, &fixture->editor->publish_dialog);
}

/* The attachments say whose files they are, from the catalog item: not
 * procurement documents in a housing record. */
static void
test_attachments_hint (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GkRecord) record = create_record (fixture, "housing-allocation.result");
  g_autoptr(GkItem) item = gk_store_get_item (fixture->store, "housing-allocation.result", NULL);
  GtkWidget *group = gk_test_find_group (GTK_WIDGET (fixture->editor), "Attachments");
  const char *description;

  g_assert_nonnull (group);
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_nonnull (strstr (description, gk_item_get_level2 (item)));
  g_assert_null (strstr (description, "Procurement"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "editor");

  g_test_add_func ("/record-editor/templates", test_templates);
  g_test_add_func ("/record-editor/field-kinds", test_field_kinds);
  g_test_add ("/record-editor/attachments", Fixture, NULL, fixture_set_up, test_attachments, fixture_tear_down);
  g_test_add ("/record-editor/attachment-remove", Fixture, NULL, fixture_set_up, test_attachment_remove, fixture_tear_down);
#define ADD(path, func) \
  g_test_add ("/record-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("every-domain", test_every_domain);
  ADD ("request-words", test_request_words);
  ADD ("validation", test_validation);
  ADD ("issues-list", test_issues_list);
  ADD ("dropdown-cell", test_dropdown_cell);
  ADD ("paste", test_paste);
  ADD ("paste-many", test_paste_many);
  ADD ("undo", test_undo);
  ADD ("exempt", test_exempt);
  ADD ("status-actions", test_status_actions);
  ADD ("nothing-lost", test_nothing_lost);
  ADD ("window-echo", test_window_echo);
  ADD ("sample-ledger", test_sample_ledger);
  ADD ("calendar", test_calendar);
  ADD ("keyboard", test_keyboard);
  ADD ("item-once", test_item_once);
  ADD ("history-words", test_history_words);
  ADD ("publish-address-hint", test_publish_address_hint);
  ADD ("attachments-hint", test_attachments_hint);
#undef ADD

  status = g_test_run ();
  g_free (tmp_dir);
  return status;
}
