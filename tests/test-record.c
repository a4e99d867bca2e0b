/* test-record.c: the record object: notifications, field values, deep copies, values through the ledger. */
#include "config.h"

#include "gk-core.h"
#include "gk-store.h"
#include "gk-test-util.h"

typedef GkTestLedger Fixture;

static void
count_cb (gpointer  object,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

/* A binding or a list row redraws on each notification: one per real
 * change, none for an equal value. */
static void
test_notify_once (void)
{
  g_autoptr(GkRecord) record = gk_record_new ();
  guint title = 0, unit_id = 0, formed_on = 0, due_missing_year = 0, any = 0;

  g_signal_connect (record, "notify::title", G_CALLBACK (count_cb), &title);
  g_signal_connect (record, "notify::unit-id", G_CALLBACK (count_cb), &unit_id);
  g_signal_connect (record, "notify::formed-on", G_CALLBACK (count_cb), &formed_on);
  g_signal_connect (record, "notify::due-missing-year", G_CALLBACK (count_cb), &due_missing_year);
  g_signal_connect (record, "notify", G_CALLBACK (count_cb), &any);

  gk_record_set_title (record, "采购结果公告");
  g_assert_cmpuint (title, ==, 1);
  /* Equal text from another buffer is no change. */
  {
    g_autofree char *same = g_strdup ("采购结果公告");

    gk_record_set_title (record, same);
  }
  g_assert_cmpuint (title, ==, 1);
  g_assert_cmpstr (gk_record_get_title (record), ==, "采购结果公告");
  gk_record_set_title (record, "中标结果公告");
  g_assert_cmpuint (title, ==, 2);

  gk_record_set_unit_id (record, 7);
  gk_record_set_unit_id (record, 7);
  g_assert_cmpuint (unit_id, ==, 1);
  g_assert_cmpint (gk_record_get_unit_id (record), ==, 7);

  gk_record_set_formed_on (record, "2025-03-01");
  gk_record_set_formed_on (record, "2025-03-01");
  gk_record_set_formed_on (record, NULL);
  gk_record_set_formed_on (record, NULL);
  g_assert_cmpuint (formed_on, ==, 2);
  g_assert_null (gk_record_get_formed_on (record));

  gk_record_set_due_missing_year (record, 0);
  g_assert_cmpuint (due_missing_year, ==, 0);

  /* Through GObject, as a binding sets it. */
  g_object_set (record, "title", "中标结果公告", NULL);
  g_assert_cmpuint (title, ==, 2);
  g_object_set (record, "title", "成交结果公告", NULL);
  g_assert_cmpuint (title, ==, 3);

  g_assert_cmpuint (any, ==, title + unit_id + formed_on);
}

/* A section follows only its own keys, and hears of a change once. */
static void
test_value_changed (void)
{
  g_autoptr(GkRecord) record = gk_record_new ();
  g_autoptr(JsonNode) rows = parse ("[{\"name\": \"张三\", \"area\": 60.5}]");
  g_autoptr(JsonNode) same_rows = parse ("[{\"name\": \"张三\", \"area\": 60.5}]");
  g_autoptr(JsonNode) other_rows = parse ("[{\"name\": \"李四\", \"area\": 60.5}]");
  guint winner = 0, results = 0, any = 0;

  g_signal_connect (record, "value-changed::winner", G_CALLBACK (count_cb), &winner);
  g_signal_connect (record, "value-changed::results", G_CALLBACK (count_cb), &results);
  g_signal_connect (record, "value-changed", G_CALLBACK (count_cb), &any);

  gk_record_set_value_string (record, "winner", "河北某建设集团有限公司");
  gk_record_set_value_string (record, "winner", "河北某建设集团有限公司");
  g_assert_cmpuint (winner, ==, 1);
  g_assert_cmpuint (results, ==, 0);
  g_assert_cmpstr (gk_record_get_value_string (record, "winner"), ==, "河北某建设集团有限公司");

  gk_record_set_value (record, "results", rows);
  gk_record_set_value (record, "results", same_rows);
  g_assert_cmpuint (results, ==, 1);
  gk_record_set_value (record, "results", other_rows);
  g_assert_cmpuint (results, ==, 2);
  g_assert_true (json_node_equal (gk_record_get_value (record, "results"), other_rows));

  /* The record keeps its own copy: changing the node given changes nothing. */
  json_object_set_string_member (json_array_get_object_element (json_node_get_array (other_rows), 0), "name", "王五");
  g_assert_false (json_node_equal (gk_record_get_value (record, "results"), other_rows));

  gk_record_set_value (record, "results", NULL);
  gk_record_set_value (record, "results", NULL);
  g_assert_cmpuint (results, ==, 3);
  g_assert_null (gk_record_get_value (record, "results"));
  g_assert_null (gk_record_get_value_string (record, "results"));

  g_assert_cmpuint (any, ==, winner + results);
}

static void
test_copy_is_deep (void)
{
  g_autoptr(GkRecord) record = gk_record_new ();
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(JsonNode) rows = parse ("[{\"name\": \"张三\"}]");
  JsonNode *copied_rows;

  gk_record_set_title (record, "分配结果");
  gk_record_set_unit_id (record, 3);
  gk_record_set_value (record, "results", rows);

  copy = gk_record_copy (record);
  g_assert_cmpstr (gk_record_get_title (copy), ==, "分配结果");
  g_assert_cmpint (gk_record_get_unit_id (copy), ==, 3);
  g_assert_cmpstr (gk_record_get_status (copy), ==, GK_STATUS_DRAFT);

  /* A row changed in the copy's table is not changed in the original's. */
  copied_rows = gk_record_get_value (copy, "results");
  json_object_set_string_member (json_array_get_object_element (json_node_get_array (copied_rows), 0), "name", "李四");
  g_assert_true (json_node_equal (gk_record_get_value (record, "results"), rows));
}

static GkRecord *
create (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record;

  gk_test_add_plain_item (f->store, "test.values", "procurement");
  record = gk_store_create_record (f->store, "test.values", "值的往返", &error);
  g_assert_no_error (error);
  return record;
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&f->store));
  f->store = gk_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* What is typed comes back from the ledger as it was: strings, numbers,
 * tables, nested objects. */
static void
test_values_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = create (f);
  g_autoptr(GkRecord) reread = NULL;
  g_autoptr(JsonNode) rows = parse ("[{\"name\": \"张三\", \"people\": 3, \"area\": 60.5},"
                                    " {\"name\": \"李四\", \"people\": 1, \"area\": 42.0}]");
  g_autoptr(JsonNode) amount = parse ("{\"yuan\": 1234567, \"note\": \"含税\"}");
  g_autofree char *uuid = g_strdup (gk_record_get_uuid (record));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  gk_record_set_value_string (record, "winner", "河北某建设集团有限公司");
  gk_record_set_value (record, "results", rows);
  gk_record_set_value (record, "amount", amount);
  gk_record_set_doc_no (record, "长政公〔2025〕12号");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  before = gk_record_dup_values_json (record);
  g_clear_object (&record);

  reopen (f);
  reread = gk_store_get_record (f->store, uuid, &error);
  g_assert_no_error (error);
  after = gk_record_dup_values_json (reread);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (json_node_equal (gk_record_get_value (reread, "results"), rows));
  g_assert_true (json_node_equal (gk_record_get_value (reread, "amount"), amount));
  g_assert_cmpstr (gk_record_get_value_string (reread, "winner"), ==, "河北某建设集团有限公司");
  g_assert_cmpstr (gk_record_get_doc_no (reread), ==, "长政公〔2025〕12号");
}

/* The fields and the tables of one record are edited by two sections;
 * whichever writes first, both edits are saved. */
static void
test_two_paths_both_saved (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GkRecord) record = create (f);
  g_autofree char *uuid = g_strdup (gk_record_get_uuid (record));
  g_autoptr(JsonNode) first_rows = parse ("[{\"name\": \"张三\"}]");
  g_autoptr(JsonNode) second_rows = parse ("[{\"name\": \"李四\"}]");

  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkRecord) shown = gk_store_get_record (f->store, uuid, &error);
      g_autoptr(GkRecord) stored = NULL;
      const char *winner = order == 0 ? "甲公司" : "乙公司";
      JsonNode *rows = order == 0 ? first_rows : second_rows;

      g_assert_no_error (error);
      /* Each path sets its own key on the record both see. */
      if (order == 0)
        {
          gk_record_set_value_string (shown, "winner", winner);
          gk_record_set_value (shown, "results", rows);
        }
      else
        {
          gk_record_set_value (shown, "results", rows);
          gk_record_set_value_string (shown, "winner", winner);
        }
      g_assert_true (gk_store_save_record (f->store, shown, &error));
      g_assert_no_error (error);

      stored = gk_store_get_record (f->store, uuid, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (gk_record_get_value_string (stored, "winner"), ==, winner);
      g_assert_true (json_node_equal (gk_record_get_value (stored, "results"), rows));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/record/notify-once", test_notify_once);
  g_test_add_func ("/record/value-changed", test_value_changed);
  g_test_add_func ("/record/copy-is-deep", test_copy_is_deep);
  g_test_add ("/record/values-round-trip", Fixture, NULL, gk_test_ledger_set_up, test_values_round_trip,
              gk_test_ledger_tear_down);
  g_test_add ("/record/two-paths-both-saved", Fixture, NULL, gk_test_ledger_set_up, test_two_paths_both_saved,
              gk_test_ledger_tear_down);

  return g_test_run ();
}
