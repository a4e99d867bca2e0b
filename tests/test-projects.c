/* test-projects.c: disclosure chains of projects, and retired catalog items. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-store.h"
#include "gk-test-util.h"

/* Each test has its own ledger (GkTestLedger); tests that close and reopen it
 * take the store from the fixture. */

static GkRecord *
add_stage (GkStore    *store,
           GkProject  *project,
           const char *item_key,
           const char *formed_on,
           const char *published_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item (store, item_key, &error);
  GkRecord *record = gk_record_new ();

  g_assert_no_error (error);
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_project_id (record, project->id);
  gk_record_set_title (record, gk_item_get_level2 (item));
  gk_record_set_formed_on (record, formed_on);
  /* Inserted as an import would, already published: the test is about the
   * chain, not the fields publishing checks. */
  if (published_on != NULL)
    {
      gk_record_set_status (record, GK_STATUS_PUBLISHED);
      gk_record_set_published_on (record, published_on);
    }
  g_assert_true (gk_store_insert_record (store, record, TRUE, &error));
  g_assert_no_error (error);
  return record;
}

static void
test_tender_chain (GkTestLedger  *ledger,
                   gconstpointer  data)
{
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GkRecord) candidates = NULL;
  g_autoptr(GkRecord) approval = NULL;

  project = gk_store_create_project (store, "tender", "长安区某道路改造工程", "CAZB-2025-0001",
                                     "2025-130102-48-01-000123", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project->kind, ==, "tender");

  /* Approval published, notice skipped, candidates published on time. */
  approval = add_stage (store, project, "bidding.approval", "2025-03-03", "2025-03-05");
  candidates = add_stage (store, project, "bidding.candidates", "2025-05-06", "2025-05-07");

  stages = gk_store_project_stages (store, project->id, "2025-09-01", &error);
  g_assert_no_error (error);
  /* No correction notice: none is listed. */
  g_assert_cmpuint (stages->len, ==, 7);

  /* In lifecycle order, whatever the catalog's order. */
  for (guint i = 1; i < stages->len; i++)
    g_assert_cmpint (gk_item_get_stage (((GkStage *) g_ptr_array_index (stages, i - 1))->item), <,
                     gk_item_get_stage (((GkStage *) g_ptr_array_index (stages, i))->item));

  g_assert_cmpint (gk_test_stage_state (stages, "bidding.approval"), ==, GK_STAGE_PRESENT);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.notice"), ==, GK_STAGE_MISSING);
  /* Qualification results and process information are optional. */
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.qualification"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.process"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.candidates"), ==, GK_STAGE_PRESENT);
  /* Candidates published in May and no result by September: stalled. */
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.result"), ==, GK_STAGE_OVERDUE);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.contract"), ==, GK_STAGE_FUTURE);

  /* A week after the candidates, the result is merely due. */
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = gk_store_project_stages (store, project->id, "2025-05-14", &error);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.result"), ==, GK_STAGE_DUE);

  /* Candidates deleted pending an undo no longer stand for their stage. */
  gk_store_hide_record (store, gk_record_get_uuid (candidates));
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = gk_store_project_stages (store, project->id, "2025-09-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.candidates"), !=, GK_STAGE_PRESENT);
  gk_store_unhide_record (store, gk_record_get_uuid (candidates));
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = gk_store_project_stages (store, project->id, "2025-09-01", &error);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.candidates"), ==, GK_STAGE_PRESENT);
}

/* A project that skips only optional stages (budget, qualification
 * results, process information) misses nothing, and the next required
 * stage is the one due; a required stage skipped is still missing. */
static void
test_optional_stages (GkTestLedger  *ledger,
                      gconstpointer  data)
{
  GkStore *store = ledger->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) whole = NULL;
  g_autoptr(GkProject) gap = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GkRecord) notice = NULL;
  g_autoptr(GkRecord) documents = NULL;
  g_autoptr(GkRecord) result = NULL;
  g_autoptr(GkRecord) gap_notice = NULL;
  g_autoptr(GkRecord) gap_result = NULL;

  whole = gk_store_create_project (store, "procurement", "长安区某学校设备采购", "CAZC-2025-0007", "", 0, &error);
  g_assert_no_error (error);
  notice = add_stage (store, whole, "procurement.notice", "2025-03-03", "2025-03-03");
  /* Before the result: the documents are due, not the optional stages. */
  documents = add_stage (store, whole, "procurement.documents", "2025-03-03", "2025-03-04");
  stages = gk_store_project_stages (store, whole->id, "2025-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.qualification"), ==, GK_STAGE_FUTURE);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.process"), ==, GK_STAGE_FUTURE);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.result"), ==, GK_STAGE_DUE);
  g_assert_cmpstr (gk_item_get_key (gk_project_stages_get_next (stages)->item), ==, "procurement.result");
  g_clear_pointer (&stages, g_ptr_array_unref);

  result = add_stage (store, whole, "procurement.result", "2025-04-01", "2025-04-01");
  stages = gk_store_project_stages (store, whole->id, "2025-04-10", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stages->len; i++)
    g_assert_cmpint (((GkStage *) g_ptr_array_index (stages, i))->state, !=, GK_STAGE_MISSING);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.budget"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.qualification"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.process"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.contract"), ==, GK_STAGE_DUE);
  g_assert_cmpstr (gk_item_get_key (gk_project_stages_get_next (stages)->item), ==, "procurement.contract");
  g_clear_pointer (&stages, g_ptr_array_unref);

  /* The documents skipped: missing, and what comes next. */
  gap = gk_store_create_project (store, "procurement", "长安区某社区服务采购", "CAZC-2025-0008", "", 0, &error);
  g_assert_no_error (error);
  gap_notice = add_stage (store, gap, "procurement.notice", "2025-03-03", "2025-03-03");
  gap_result = add_stage (store, gap, "procurement.result", "2025-04-01", "2025-04-01");
  stages = gk_store_project_stages (store, gap->id, "2025-04-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.documents"), ==, GK_STAGE_MISSING);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.qualification"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpstr (gk_item_get_key (gk_project_stages_get_next (stages)->item), ==, "procurement.documents");
}

static JsonObject *
fields_of (GkRecord *record)
{
  return json_object_ref (gk_record_get_values (record));
}

static void
set_fields (GkStore    *store,
            GkRecord   *record,
            const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_record_set_values_json (record, json, NULL));
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
}

/* The next stage's record: the right item, the project, values carried
 * over from the earlier stages by key and by label; then the chain shows it. */
static void
test_stage_record (GkTestLedger  *ledger,
                   gconstpointer  data)
{
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GkProject) other = NULL;
  g_autoptr(GkRecord) budget = NULL;
  g_autoptr(GkRecord) notice = NULL;
  g_autoptr(GkRecord) result = NULL;
  g_autoptr(GkRecord) refused = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonObject) values = NULL;
  GkStage *next;
  gint64 unit_id;

  unit_id = gk_store_add_unit (store, "长安区第二小学", &error);
  g_assert_no_error (error);
  project = gk_store_create_project (store, "procurement", "长安区第二小学课桌椅采购项目", "CACG-2025-0042",
                                     NULL, unit_id, &error);
  g_assert_no_error (error);

  /* A project without records starts at its first stage. */
  stages = gk_store_project_stages (store, project->id, "2025-03-01", &error);
  g_assert_no_error (error);
  next = gk_project_stages_get_next (stages);
  g_assert_nonnull (next);
  g_assert_cmpstr (gk_item_get_key (next->item), ==, "procurement.budget");
  g_clear_pointer (&stages, g_ptr_array_unref);

  /* The budget says who buys; its code differs from the project's, which wins. */
  budget = add_stage (store, project, "procurement.budget", "2025-03-03", NULL);
  set_fields (store, budget,
              "{\"project_no\": \"旧编号\", \"project_name\": \"课桌椅\", \"budget\": 48000000, "
              "\"purchaser\": \"长安区第二小学\", \"funding_source\": \"财政资金\"}");

  stages = gk_store_project_stages (store, project->id, NULL, &error);
  next = gk_project_stages_get_next (stages);
  g_assert_cmpstr (gk_item_get_key (next->item), ==, "procurement.notice");

  notice = gk_store_create_stage_record (store, project->id, gk_item_get_key (next->item), &error);
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  g_assert_cmpstr (gk_record_get_item_key (notice), ==, "procurement.notice");
  g_assert_cmpint (gk_record_get_project_id (notice), ==, project->id);
  g_assert_cmpint (gk_record_get_unit_id (notice), ==, unit_id);
  g_assert_cmpstr (gk_record_get_title (notice), ==, "长安区第二小学课桌椅采购项目采购项目公告");
  g_assert_cmpstr (gk_record_get_status (notice), ==, GK_STATUS_DRAFT);
  g_assert_nonnull (gk_record_get_index_no (notice));

  values = fields_of (notice);
  g_assert_cmpstr (json_object_get_string_member (values, "project_no"), ==, "CACG-2025-0042");
  g_assert_cmpstr (json_object_get_string_member (values, "project_name"), ==, "长安区第二小学课桌椅采购项目");
  g_assert_cmpint (json_object_get_int_member (values, "budget"), ==, 48000000);
  g_assert_cmpstr (json_object_get_string_member (values, "purchaser"), ==, "长安区第二小学");
  /* Nothing the earlier stage did not have. */
  g_assert_false (json_object_has_member (values, "agency"));
  g_assert_false (json_object_has_member (values, "funding_source"));
  g_clear_pointer (&values, json_object_unref);

  history = gk_store_get_history (store, gk_record_get_uuid (notice), &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((GkHistoryEntry *) g_ptr_array_index (history, 0))->action, ==, "create");

  /* The chain now shows it, and moves on. */
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = gk_store_project_stages (store, project->id, NULL, &error);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.notice"), ==, GK_STAGE_PRESENT);
  g_assert_cmpstr (gk_item_get_key (gk_project_stages_get_next (stages)->item), ==, "procurement.documents");

  /* Labels match where keys do not: "招标人（发包人）" takes "招标人"; "中标人（承包人）"
   * takes the result's "中标人"; the nearest stage comes first. */
  other = gk_store_create_project (store, "tender", "长安区某道路改造工程", "CAZB-2025-0001",
                                   "2025-130102-48-01-000123", 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GkRecord) tender_notice = add_stage (store, other, "bidding.notice", "2025-03-03", NULL);
    g_autoptr(GkRecord) tender_result = add_stage (store, other, "bidding.result", "2025-05-03", NULL);
    g_autoptr(GkRecord) contract = NULL;

    set_fields (store, tender_notice, "{\"tenderer\": \"长安区住房和城乡建设局\", \"agency\": \"某招标代理有限公司\"}");
    set_fields (store, tender_result, "{\"winner\": \"某建设集团有限公司\", \"amount\": 123456700, \"duration\": \"180日历天\"}");

    contract = gk_store_create_stage_record (store, other->id, "bidding.contract", &error);
    g_assert_no_error (error);
    values = fields_of (contract);
    g_assert_cmpstr (json_object_get_string_member (values, "tender_no"), ==, "CAZB-2025-0001");
    g_assert_cmpstr (json_object_get_string_member (values, "tenderer"), ==, "长安区住房和城乡建设局");
    g_assert_cmpstr (json_object_get_string_member (values, "contractor"), ==, "某建设集团有限公司");
    g_assert_cmpint (json_object_get_int_member (values, "amount"), ==, 123456700);
    g_clear_pointer (&values, json_object_unref);

    /* A missing earlier stage takes the 投资项目统一代码 from the project. */
    g_clear_object (&contract);
    contract = gk_store_create_stage_record (store, other->id, "bidding.approval", &error);
    g_assert_no_error (error);
    values = fields_of (contract);
    g_assert_cmpstr (json_object_get_string_member (values, "project_code"), ==, "2025-130102-48-01-000123");
    g_clear_pointer (&values, json_object_unref);
  }

  /* A stage of another kind of project is refused, and nothing is written. */
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = gk_store_project_stages (store, project->id, NULL, &error);
  refused = gk_store_create_stage_record (store, project->id, "bidding.result", &error);
  g_assert_null (refused);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "长安区第二小学课桌椅采购项目"));
  g_clear_error (&error);
  refused = gk_store_create_stage_record (store, project->id, "housing-construction.scheme", &error);
  g_assert_null (refused);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  refused = gk_store_create_stage_record (store, 9999, "procurement.result", &error);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) again = gk_store_project_stages (store, project->id, NULL, &error);
    guint n_records = 0;

    for (guint i = 0; i < again->len; i++)
      n_records += ((GkStage *) g_ptr_array_index (again, i))->record != NULL;
    g_assert_cmpuint (n_records, ==, 2);
  }

  /* The ledger is still writable: the refusals left no transaction open. */
  result = gk_store_create_stage_record (store, project->id, "procurement.result", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_record_get_project_id (result), ==, project->id);
}

static void
test_retired_item (GkTestLedger  *ledger,
                   gconstpointer  data)
{
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) stored = gk_store_get_item (store, "procurement.budget", &error);
  g_autoptr(GkItem) item = gk_item_copy (stored);
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkRecord) kept = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n_active_before;

  g_assert_no_error (error);
  record = gk_store_create_record (store, "procurement.budget", "2025年办公设备采购预算", &error);
  g_assert_no_error (error);

  active = gk_store_list_items (store, "procurement", FALSE, &error);
  n_active_before = active->len;
  g_clear_pointer (&active, g_ptr_array_unref);

  gk_item_set_retired (item, TRUE);
  g_assert_true (gk_store_save_item (store, item, &error));
  g_assert_no_error (error);

  /* Retired: not offered, no new records, old records kept. */
  active = gk_store_list_items (store, "procurement", FALSE, &error);
  all = gk_store_list_items (store, "procurement", TRUE, &error);
  g_assert_cmpuint (active->len, ==, n_active_before - 1);
  g_assert_cmpuint (all->len, ==, n_active_before);
  g_assert_null (gk_store_create_record (store, "procurement.budget", NULL, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  kept = gk_store_get_record (store, gk_record_get_uuid (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_item_key (kept), ==, "procurement.budget");

  /* An item without fields (its ledger copy unreadable) is refused. */
  gk_item_set_schema (item, NULL);
  g_assert_false (gk_store_save_item (store, item, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
}

/* A rule change moves the due dates of the item's records. */
static void
test_rule_change (GkTestLedger  *ledger,
                  gconstpointer  data)
{
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) stored = gk_store_get_item (store, "housing-allocation.policy", &error);
  g_autoptr(GkItem) item = gk_item_copy (stored);
  g_autoptr(GkRecord) record = gk_store_create_record (store, "housing-allocation.policy", NULL, &error);
  g_autoptr(GkRecord) loaded = NULL;

  gk_record_set_formed_on (record, "2025-09-01");
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-09-28");

  gk_item_set_deadline_rule (item, "decision");
  g_assert_true (gk_store_save_item (store, item, &error));
  g_assert_no_error (error);
  loaded = gk_store_get_record (store, gk_record_get_uuid (record), &error);
  g_assert_cmpstr (gk_record_get_due_on (loaded), ==, "2025-09-10");

  gk_item_set_deadline_rule (item, "every now and then");
  g_assert_false (gk_store_save_item (store, item, &error));
  g_assert_nonnull (error);
}

/* Next year's notice, entered by a clerk: stored in the ledger, used at
 * once, and still there when the ledger is opened again. */
static void
test_user_calendar (GkTestLedger  *ledger,
                    gconstpointer  data)
{
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autoptr(GkStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (store, "housing-allocation.policy", NULL, &error);
  g_autoptr(GkRecord) loaded = NULL;
  g_autoptr(GArray) years = NULL;
  const char *path = ledger->path;
  const char *notice_2027 =
    "year\t2027\n"
    "notice\t国务院办公厅关于2027年部分节假日安排的通知\n"
    "holiday\t2027-01-01..2027-01-03\t元旦\n";

  /* Formed 2026-12-15: 20 working days reach into 2027, unknown so far. */
  gk_record_set_formed_on (record, "2026-12-15");
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_cmpint (gk_record_get_due_missing_year (record), ==, 2027);

  /* A bad file changes nothing. */
  g_assert_false (gk_store_import_calendar (store, "year\t2027\nholiday\t2027-13-01\n", &years, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  loaded = gk_store_get_record (store, gk_record_get_uuid (record), &error);
  g_assert_cmpint (gk_record_get_due_missing_year (loaded), ==, 2027);
  g_clear_object (&loaded);

  g_assert_true (gk_store_import_calendar (store, notice_2027, &years, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2027);

  /* Recomputed: 2026-12-16..31 gives 12 working days, then 2027-01-04.. */
  loaded = gk_store_get_record (store, gk_record_get_uuid (record), &error);
  g_assert_cmpint (gk_record_get_due_missing_year (loaded), ==, 0);
  g_assert_cmpstr (gk_record_get_due_on (loaded), ==, "2027-01-13");

  g_clear_object (&store);
  again = gk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gk_calendar_has_year (gk_store_get_calendar (again), 2027));
}

static void
on_verified_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!gk_store_verify_finish (GK_STORE (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "verified");
}

/* A large ledger opens at once and is checked in the background; here a
 * small one takes that path, as GONGKAI_DEFER_CHECK asks. */
static void
test_deferred_check (GkTestLedger  *ledger,
                     gconstpointer  data)
{
  const char *path = ledger->path;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autofree char *contents = NULL;
  gsize length;

  for (int i = 0; i < 60; i++)
    {
      g_autoptr(GkRecord) record = gk_store_create_record (store, "procurement.notice", "将被损坏的记录，标题写得长一些以占满页面", NULL);
    }
  g_assert_true (gk_store_is_verified (store));
  g_clear_object (&store);

  g_setenv ("GONGKAI_DEFER_CHECK", "1", TRUE);
  store = gk_test_open_store (path);
  g_assert_false (gk_store_is_verified (store));
  gk_store_verify_async (store, NULL, on_verified_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* the callback's "passed" */
  g_assert_true (gk_store_is_verified (store));
  g_clear_error (&error);
  g_clear_object (&store);

  /* Damaged where the records live (the last pages): it opens, and the
   * background check says so. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  g_free (gk_test_damage_file (path, length - 6 * 4096, 4 * 4096, &length));
  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  gk_store_verify_async (store, NULL, on_verified_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT);
  g_assert_false (gk_store_is_verified (store));
  g_unsetenv ("GONGKAI_DEFER_CHECK");
}

/* An attachment is copied into the ledger's content folder, once per
 * content; removing the last reference removes the file. */
static void
test_attachments (GkTestLedger  *ledger,
                  gconstpointer  data)
{
  g_autoptr(GkStore) store = g_steal_pointer (&ledger->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) a = gk_store_create_record (store, "procurement.documents", "采购文件", &error);
  g_autoptr(GkRecord) b = gk_store_create_record (store, "procurement.result", "采购结果", &error);
  g_autofree char *source_path = g_build_filename (ledger->dir, "招标文件.pdf", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GkAttachment) first = NULL;
  g_autoptr(GkAttachment) second = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (source_path, "%PDF-1.4 评标报告", -1, NULL));
  first = gk_store_add_attachment (store, a, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->name, ==, "招标文件.pdf");
  g_assert_cmpint (first->size, ==, strlen ("%PDF-1.4 评标报告"));
  /* sha256 of the bytes above */
  {
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4 评标报告", -1);
    g_assert_cmpstr (first->sha256, ==, expected);
  }

  /* The original may go: the ledger keeps its own copy. */
  g_assert_cmpint (g_remove (source_path), ==, 0);
  stored = gk_store_get_attachment_file (store, first);
  g_assert_true (g_file_load_contents (stored, NULL, &contents, &length, NULL, NULL));
  g_assert_cmpmem (contents, length, "%PDF-1.4 评标报告", strlen ("%PDF-1.4 评标报告"));

  /* The same content on another record is stored once. */
  g_assert_true (g_file_set_contents (source_path, "%PDF-1.4 评标报告", -1, NULL));
  second = gk_store_add_attachment (store, b, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->sha256, ==, first->sha256);

  listed = gk_store_list_attachments (store, a, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  history = gk_store_get_history (store, gk_record_get_uuid (a), &error);
  g_assert_cmpstr (((GkHistoryEntry *) g_ptr_array_index (history, history->len - 1))->action, ==, "attach");

  /* Removed from one record, the file stays for the other; then it goes. */
  g_assert_true (gk_store_remove_attachment (store, a, first, &error));
  g_assert_true (g_file_query_exists (stored, NULL));
  g_assert_true (gk_store_remove_attachment (store, b, second, &error));
  g_assert_false (g_file_query_exists (stored, NULL));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = gk_store_list_attachments (store, b, &error);
  g_assert_cmpuint (listed->len, ==, 0);

  /* A file that cannot be read is a clear error, and nothing is recorded. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/评标报告.pdf");
    g_assert_null (gk_store_add_attachment (store, a, missing, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add ("/projects/tender-chain", GkTestLedger, NULL, gk_test_ledger_set_up, test_tender_chain, gk_test_ledger_tear_down);
  g_test_add ("/projects/optional-stages", GkTestLedger, NULL, gk_test_ledger_set_up, test_optional_stages, gk_test_ledger_tear_down);
  g_test_add ("/projects/stage-record", GkTestLedger, NULL, gk_test_ledger_set_up, test_stage_record, gk_test_ledger_tear_down);
  g_test_add ("/catalog/retired-item", GkTestLedger, NULL, gk_test_ledger_set_up, test_retired_item, gk_test_ledger_tear_down);
  g_test_add ("/catalog/rule-change", GkTestLedger, NULL, gk_test_ledger_set_up, test_rule_change, gk_test_ledger_tear_down);
  g_test_add ("/calendar/user-year", GkTestLedger, NULL, gk_test_ledger_set_up, test_user_calendar, gk_test_ledger_tear_down);
  g_test_add ("/store/deferred-check", GkTestLedger, NULL, gk_test_ledger_set_up, test_deferred_check, gk_test_ledger_tear_down);
  g_test_add ("/store/attachments", GkTestLedger, NULL, gk_test_ledger_set_up, test_attachments, gk_test_ledger_tear_down);

  return g_test_run ();
}
