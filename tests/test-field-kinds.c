/* test-field-kinds.c: a date-and-time field and an amount in 万元, typed into the record editor, stored and shown. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gk-fields-section.h"
#include "gk-record-editor-private.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"

static GkApplication *app;

typedef struct
{
  GkTestLedger ledger;
  GtkWindow *window;
  GkRecordEditor *editor;
  GkRecord *record;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gk_test_ledger_set_up (&f->ledger, data);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 760);
  f->editor = GK_RECORD_EDITOR (gk_record_editor_new (f->ledger.store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* 采购公告 holds 提交投标（响应）文件截止时间 and 预算金额. */
  f->record = gk_store_create_record (f->ledger.store, "procurement.notice", "办公设备采购公告", &error);
  g_assert_no_error (error);
  gk_record_editor_set_record (f->editor, f->record);
  gk_test_ui_flush ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->record);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_destroy (f->window);
  gk_test_ui_wait_until (gk_test_ui_is_null, &f->editor);
  gk_test_ledger_tear_down (&f->ledger, data);
}

static GkFieldEditor *
field (Fixture    *f,
       const char *id)
{
  GkFieldEditor *editor = gk_fields_section_get_editor (f->editor->fields_section, id);

  g_assert_nonnull (editor);
  return editor;
}

/* The value the ledger holds for @id, as JSON. */
static char *
stored_value (Fixture    *f,
              const char *id)
{
  g_autoptr(GkRecord) stored = gk_store_get_record (f->ledger.store, gk_record_get_uuid (f->record), NULL);
  JsonNode *value = gk_record_get_value (stored, id);

  return value != NULL ? json_to_string (value, FALSE) : NULL;
}

static gboolean
is_label_with (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
has_issue_for (GkRecordEditor *editor,
               const char     *field_id)
{
  g_autoptr(GPtrArray) issues = gk_record_editor_get_issues (editor);

  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      if (g_strcmp0 (issue->field_id, field_id) == 0 && issue->severity == GK_SEVERITY_ERROR)
        return TRUE;
    }
  return FALSE;
}

/* Shows the ledger's copy of the record again, as opening it does. */
static void
reopen (Fixture *f)
{
  g_autofree char *uuid = g_strdup (gk_record_get_uuid (f->record));

  gk_record_editor_set_record (f->editor, NULL);
  gk_test_ui_flush ();
  g_clear_object (&f->record);
  f->record = gk_store_get_record (f->ledger.store, uuid, NULL);
  g_assert_nonnull (f->record);
  gk_record_editor_set_record (f->editor, f->record);
  gk_test_ui_flush ();
}

/* Typed with its time, a deadline is stored as ISO and shown as typed. */
static void
test_datetime (Fixture       *f,
               gconstpointer  data)
{
  GkFieldEditor *deadline = field (f, "response_deadline");
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  g_assert_cmpint (gk_field_editor_get_field (deadline)->kind, ==, GK_FIELD_DATETIME);
  gk_field_editor_set_text (deadline, "2026年5月10日 9:30");
  g_assert_cmpint (gk_field_editor_get_severity (deadline), ==, GK_SEVERITY_OK);
  g_assert_true (gk_record_editor_flush (f->editor, NULL));
  stored = stored_value (f, "response_deadline");
  g_assert_cmpstr (stored, ==, "\"2026-05-10T09:30\"");
  g_assert_false (has_issue_for (f->editor, "response_deadline"));

  reopen (f);
  deadline = field (f, "response_deadline");
  shown = gk_field_editor_dup_text (deadline);
  g_assert_cmpstr (shown, ==, "2026-05-10 09:30");
  g_assert_cmpint (gk_field_editor_get_severity (deadline), ==, GK_SEVERITY_OK);
}

/* A date without its time, or a time that is none, is never taken for a
 * deadline: the field says why, and the record cannot be published. */
static void
test_datetime_invalid (Fixture       *f,
                       gconstpointer  data)
{
  const char *invalid[] = { "2026-05-10", "2026-05-10 25:00" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      GkFieldEditor *deadline = field (f, "response_deadline");
      g_autofree char *stored = NULL;
      g_autofree char *expected = g_strdup_printf ("\"%s\"", invalid[i]);

      gk_field_editor_set_text (deadline, invalid[i]);
      g_assert_cmpint (gk_field_editor_get_severity (deadline), ==, GK_SEVERITY_ERROR);
      g_assert_nonnull (gk_field_editor_get_shown_message (deadline));
      g_assert_true (gtk_widget_get_visible (gk_field_editor_get_message_row (deadline)));

      /* Kept as typed, as every kind keeps what it cannot read, and flagged. */
      g_assert_true (gk_record_editor_flush (f->editor, NULL));
      stored = stored_value (f, "response_deadline");
      g_assert_cmpstr (stored, ==, expected);
      g_assert_true (has_issue_for (f->editor, "response_deadline"));

      /* Still flagged once opened again. */
      reopen (f);
      deadline = field (f, "response_deadline");
      g_assert_cmpint (gk_field_editor_get_severity (deadline), ==, GK_SEVERITY_ERROR);
      g_assert_true (has_issue_for (f->editor, "response_deadline"));
    }
}

/* An amount typed in 万元 is stored in 分 and shown in 元, its unit beside it. */
static void
test_money_wan (Fixture       *f,
                gconstpointer  data)
{
  GkFieldEditor *budget = field (f, "budget");
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  gk_field_editor_set_text (budget, "35.5 万元");
  g_assert_cmpint (gk_field_editor_get_severity (budget), ==, GK_SEVERITY_OK);
  g_assert_true (gk_record_editor_flush (f->editor, NULL));
  stored = stored_value (f, "budget");
  g_assert_cmpstr (stored, ==, "35500000");

  reopen (f);
  budget = field (f, "budget");
  shown = gk_field_editor_dup_text (budget);
  g_assert_cmpstr (shown, ==, "355,000.00");
  g_assert_nonnull (gk_test_find_widget (gk_field_editor_get_row (budget), is_label_with, (gpointer) "元"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = gk_test_ui_init (&argc, &argv, "field-kinds");
  int status;

  app = gk_test_ui_new_application ();

  g_test_add ("/field-kinds/datetime", Fixture, NULL, fixture_set_up, test_datetime, fixture_tear_down);
  g_test_add ("/field-kinds/datetime-invalid", Fixture, NULL, fixture_set_up, test_datetime_invalid, fixture_tear_down);
  g_test_add ("/field-kinds/money-wan", Fixture, NULL, fixture_set_up, test_money_wan, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  return status;
}
