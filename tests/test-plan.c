/* test-plan.c: what the district plan adds to the catalog: the new chain stages, corrections, credit pushes, work plans and yearly reports. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-calendar.h"
#include "gk-catalog.h"
#include "gk-core.h"
#include "gk-plan.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-test-util.h"

static GkRecord *
new_record (GkStore    *store,
            const char *item_key,
            const char *unit,
            const char *values_json)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_create_record (store, item_key, item_key, &error);

  g_assert_no_error (error);
  g_assert_true (gk_record_set_values_json (record, values_json, &error));
  g_assert_no_error (error);
  if (unit != NULL)
    gk_record_set_unit_id (record, gk_store_find_unit (store, unit, NULL));
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
publish (GkStore    *store,
         GkRecord   *record,
         const char *on)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_store_set_status (store, record, GK_STATUS_PUBLISHED, on, &error));
  g_assert_no_error (error);
}

/* The new items, with their rules and bases (their place in the chains:
 * test-catalog's /catalog/lifecycle). */
static void
test_catalog_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalog) catalog = gk_catalog_new_default (&error);
  struct { const char *key, *level2, *rule; } expected[] = {
    { "procurement.qualification", "资格审查结果", "proactive from:review_date" },
    { "procurement.process", "交易过程信息", "proactive from:opening_date" },
    { "procurement.correction", "更正公告", "proactive from:correction_date" },
    { "bidding.qualification", "资格审查结果", "proactive from:review_date" },
    { "bidding.process", "交易过程信息", "proactive from:opening_date" },
    { "bidding.correction", "更正公告", "proactive from:correction_date" },
    { "work-plan.plan", "工作目标、具体实施方案及工作措施", "proactive from:adopted_date" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GkItem *item = gk_catalog_lookup_item (catalog, expected[i].key);
      const char * const *basis;
      gboolean plan_cited = FALSE;

      g_assert_nonnull (item);
      g_assert_cmpstr (gk_item_get_level2 (item), ==, expected[i].level2);
      g_assert_cmpstr (gk_item_get_deadline_rule (item), ==, expected[i].rule);
      g_assert_nonnull (gk_item_get_channels (item)[0]);
      basis = gk_item_get_basis (item);
      for (guint b = 0; basis[b] != NULL; b++)
        plan_cited |= g_str_has_prefix (basis[b], "《长安区推进公共资源配置领域政府信息公开实施方案》");
      g_assert_true (plan_cited);
      /* Corrections name the record they correct; nothing else does. */
      g_assert_cmpint (gk_item_is_correction (item), ==, g_str_has_suffix (expected[i].key, ".correction"));
    }
  g_assert_false (gk_item_is_correction (gk_catalog_lookup_item (catalog, "procurement.notice")));
  /* The corrections' time limits cite the articles on clarifications. */
  g_assert_nonnull (strstr (gk_item_get_time_limit (gk_catalog_lookup_item (catalog, "procurement.correction")),
                            "财政部令第87号第二十七条"));
  g_assert_nonnull (strstr (gk_item_get_time_limit (gk_catalog_lookup_item (catalog, "bidding.correction")),
                            "《招标投标法实施条例》第二十一条"));
}

/* A qualification result is due 20 working days after the review, on the
 * official calendar (2025-06-03 → 2025-07-01, after 端午节). */
static void
test_item_rules (GkTestLedger  *ledger,
                 gconstpointer  data)
{
  g_autoptr(GkRecord) review = new_record (ledger->store, "bidding.qualification", NULL,
                                           "{\"review_date\": \"2025-06-03\"}");
  g_autoptr(GkRecord) opening = new_record (ledger->store, "procurement.process", NULL,
                                            "{\"opening_date\": \"2025-06-03\"}");
  g_autoptr(GkRecord) correction = new_record (ledger->store, "procurement.correction", NULL,
                                               "{\"correction_date\": \"2025-09-30\"}");

  g_assert_cmpstr (gk_record_get_formed_on (review), ==, "2025-06-03");
  g_assert_cmpstr (gk_record_get_due_on (review), ==, "2025-07-01");
  g_assert_cmpstr (gk_record_get_due_on (opening), ==, "2025-07-01");
  /* 国庆 and 中秋 2025: 1–8 October off, 28 September and 11 October worked. */
  g_assert_cmpstr (gk_record_get_due_on (correction), ==, "2025-11-04");
}

static GkStageState
state_of (GPtrArray  *stages,
          const char *item_key,
          gboolean   *found)
{
  *found = FALSE;
  for (guint i = 0; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (g_strcmp0 (gk_item_get_key (stage->item), item_key) == 0)
        {
          *found = TRUE;
          return stage->state;
        }
    }
  return GK_STAGE_FUTURE;
}

/* A correction shows on the record it corrects and among its project's
 * stages, without making a chain step missing. */
static void
test_correction (GkTestLedger  *ledger,
                 gconstpointer  data)
{
  GkStore *store = ledger->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) project = gk_store_create_project (store, "procurement", "长安区某学校设备采购", "CAZC-2025-01", "", 0, &error);
  g_autoptr(GkRecord) notice = NULL;
  g_autoptr(GkRecord) correction = NULL;
  g_autoptr(GkRecord) corrected = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autofree char *values = NULL;
  gboolean found;

  g_assert_no_error (error);
  notice = new_record (store, "procurement.notice", NULL, "{}");
  gk_record_set_project_id (notice, project->id);
  g_assert_true (gk_store_save_record (store, notice, &error));
  g_assert_no_error (error);

  stages = gk_store_project_stages (store, project->id, "2025-06-10", &error);
  g_assert_no_error (error);
  state_of (stages, "procurement.correction", &found);
  g_assert_false (found);
  g_clear_pointer (&stages, g_ptr_array_unref);

  corrections = gk_store_list_corrections (store, notice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 0);
  g_clear_pointer (&corrections, g_ptr_array_unref);

  values = g_strdup_printf ("{\"corrected_index_no\": \"%s\", \"correction_date\": \"2025-06-05\"}",
                            gk_record_get_index_no (notice));
  correction = new_record (store, "procurement.correction", NULL, values);
  gk_record_set_project_id (correction, project->id);
  g_assert_true (gk_store_save_record (store, correction, &error));
  g_assert_no_error (error);

  corrections = gk_store_list_corrections (store, notice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_cmpstr (gk_record_get_uuid (g_ptr_array_index (corrections, 0)), ==, gk_record_get_uuid (correction));
  corrected = gk_store_get_corrected_record (store, correction, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corrected);
  g_assert_cmpstr (gk_record_get_uuid (corrected), ==, gk_record_get_uuid (notice));
  /* Nothing corrects the correction itself. */
  g_clear_pointer (&corrections, g_ptr_array_unref);
  corrections = gk_store_list_corrections (store, correction, &error);
  g_assert_cmpuint (corrections->len, ==, 0);

  stages = gk_store_project_stages (store, project->id, "2025-06-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (stages, "procurement.correction", &found), ==, GK_STAGE_PRESENT);
  g_assert_true (found);
  /* The chain goes on from the notice: the documents are next, the
   * qualification results not missing. */
  g_assert_cmpint (state_of (stages, "procurement.documents", &found), ==, GK_STAGE_DUE);
  g_assert_cmpint (state_of (stages, "procurement.qualification", &found), ==, GK_STAGE_FUTURE);
  g_assert_cmpstr (gk_item_get_key (((GkStage *) g_ptr_array_index (stages, stages->len - 1))->item), ==,
                   "procurement.correction");

  /* A correction naming no record of the ledger corrects nothing. */
  gk_record_set_value_string (correction, GK_CORRECTED_FIELD, "没有这个索引号");
  g_clear_object (&corrected);
  corrected = gk_store_get_corrected_record (store, correction, &error);
  g_assert_no_error (error);
  g_assert_null (corrected);
}

static GkCreditPush *
find_push (GPtrArray *pushes,
           GkRecord  *record)
{
  for (guint i = 0; i < pushes->len; i++)
    {
      GkCreditPush *push = g_ptr_array_index (pushes, i);

      if (g_strcmp0 (gk_record_get_uuid (push->record), gk_record_get_uuid (record)) == 0)
        return push;
    }
  return NULL;
}

/* A blacklist entry goes to 信用石家庄 within 7 working days of the
 * penalty unless Preferences say otherwise; its push date or the credit
 * channel's date ends the wait. */
static void
test_credit_push (GkTestLedger  *ledger,
                  gconstpointer  data)
{
  GkStore *store = ledger->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) entry = new_record (store, "blacklist.entry", NULL, "{\"penalty_date\": \"2025-06-03\"}");
  g_autoptr(GkRecord) violation = new_record (store, "procurement.violation-record", NULL, "{\"decision_date\": \"2025-06-03\"}");
  g_autoptr(GkRecord) notice = new_record (store, "procurement.notice", NULL, "{}");
  g_autoptr(GPtrArray) pushes = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  GkCreditPush *push;

  g_assert_cmpuint (gk_store_get_credit_push_workdays (store, &error), ==, 7);
  pushes = gk_store_list_credit_pushes (store, TRUE, "2025-06-12", 3, &error);
  g_assert_no_error (error);
  push = find_push (pushes, entry);
  g_assert_nonnull (push);
  g_assert_cmpstr (push->start_on, ==, "2025-06-03");
  g_assert_cmpstr (push->due_on, ==, "2025-06-12");
  g_assert_cmpint (push->info.status, ==, GK_TIMELINESS_DUE_SOON);
  g_assert_nonnull (find_push (pushes, violation));
  /* A notice is no credit information. */
  g_assert_null (find_push (pushes, notice));
  g_clear_pointer (&pushes, g_ptr_array_unref);

  pushes = gk_store_list_credit_pushes (store, TRUE, "2025-06-13", 3, &error);
  push = find_push (pushes, entry);
  g_assert_cmpint (push->info.status, ==, GK_TIMELINESS_OVERDUE);
  g_assert_cmpint (push->info.workdays, ==, 1);
  g_clear_pointer (&pushes, g_ptr_array_unref);

  /* Another count, set in Preferences. */
  g_assert_false (gk_store_set_credit_push_workdays (store, 0, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_store_set_credit_push_workdays (store, 10, &error));
  g_assert_no_error (error);
  pushes = gk_store_list_credit_pushes (store, TRUE, "2025-06-13", 3, &error);
  g_assert_cmpstr (find_push (pushes, entry)->due_on, ==, "2025-06-17");
  g_clear_pointer (&pushes, g_ptr_array_unref);
  g_assert_true (gk_store_set_credit_push_workdays (store, 7, &error));

  /* Pushed late: out of the waiting list, judged late. */
  gk_record_set_value_string (entry, GK_CREDIT_PUSHED_FIELD, "2025-06-16");
  g_assert_true (gk_store_save_record (store, entry, &error));
  g_assert_no_error (error);
  pushes = gk_store_list_credit_pushes (store, TRUE, "2025-06-20", 3, &error);
  g_assert_null (find_push (pushes, entry));
  g_clear_pointer (&pushes, g_ptr_array_unref);
  pushes = gk_store_list_credit_pushes (store, FALSE, "2025-06-20", 3, &error);
  push = find_push (pushes, entry);
  g_assert_cmpstr (push->pushed_on, ==, "2025-06-16");
  g_assert_cmpint (push->info.status, ==, GK_TIMELINESS_LATE);
  g_clear_pointer (&pushes, g_ptr_array_unref);

  /* The credit channel's date counts as the push. */
  channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  g_ptr_array_add (channels, gk_record_channel_new (GK_CREDIT_CHANNEL, "2025-06-10", "https://credit.sjz.gov.cn/"));
  g_assert_true (gk_store_set_record_channels (store, gk_record_get_uuid (violation), channels, NULL, &error));
  g_assert_no_error (error);
  pushes = gk_store_list_credit_pushes (store, FALSE, "2025-06-20", 3, &error);
  push = find_push (pushes, violation);
  g_assert_cmpstr (push->pushed_on, ==, "2025-06-10");
  g_assert_cmpint (push->info.status, ==, GK_TIMELINESS_ON_TIME);
}

/* Each unit the work-plan item names, with its published plan of the year. */
static void
test_work_plans (GkTestLedger  *ledger,
                 gconstpointer  data)
{
  GkStore *store = ledger->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) finance = NULL;
  g_autoptr(GkRecord) draft = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean saw_finance = FALSE, saw_street = FALSE, saw_housing = FALSE;

  finance = new_record (store, GK_WORK_PLAN_ITEM, "区财政局",
                        "{\"plan_year\": 2026, \"adopted_date\": \"2026-02-10\", \"goals\": \"目标\", "
                        "\"scheme\": \"方案\", \"measures\": \"措施\"}");
  publish (store, finance, "2026-02-20");
  /* A draft is not published. */
  draft = new_record (store, GK_WORK_PLAN_ITEM, "区住建局",
                      "{\"plan_year\": 2026, \"adopted_date\": \"2026-02-10\"}");

  rows = gk_store_work_plan_status (store, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      GkWorkPlanRow *row = g_ptr_array_index (rows, i);

      /* The office coordinates; it has no plan of its own to publish. */
      g_assert_false (g_str_has_prefix (row->unit_name, "区政府办公室"));
      if (g_strcmp0 (row->unit_name, "区财政局") == 0)
        {
          saw_finance = TRUE;
          g_assert_nonnull (row->record);
          g_assert_cmpstr (gk_record_get_uuid (row->record), ==, gk_record_get_uuid (finance));
        }
      else if (g_strcmp0 (row->unit_name, "区住建局") == 0)
        {
          saw_housing = TRUE;
          g_assert_null (row->record);
        }
      else if (g_strcmp0 (row->unit_name, "建北街道") == 0)
        {
          saw_street = TRUE;
          g_assert_null (row->record);
        }
    }
  g_assert_true (saw_finance && saw_housing && saw_street);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A 变更 being prepared leaves the plan published meanwhile. */
  g_assert_true (gk_store_record_change (store, finance, "2026-03-02", "调整工作措施", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_status (finance), ==, GK_STATUS_DRAFT);
  rows = gk_store_work_plan_status (store, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      GkWorkPlanRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->unit_name, "区财政局") == 0)
        g_assert_nonnull (row->record);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The 2026 plan is not the 2025 one. */
  rows = gk_store_work_plan_status (store, 2025, &error);
  for (guint i = 0; i < rows->len; i++)
    g_assert_null (((GkWorkPlanRow *) g_ptr_array_index (rows, i))->record);
}

static GkDuty *
find_duty (GPtrArray  *duties,
           GkDutyKind  kind,
           int         year)
{
  for (guint i = 0; i < duties->len; i++)
    {
      GkDuty *duty = g_ptr_array_index (duties, i);

      if (duty->kind == kind && duty->year == year)
        return duty;
    }
  return NULL;
}

/* The annual report: due 31 January for a department, 31 March for the
 * district; shown from December; done once exported and submitted. */
static void
test_duties (GkTestLedger  *ledger,
             gconstpointer  data)
{
  GkStore *store = ledger->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = new_record (store, "procurement.notice", NULL, "{}");
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GkDuty) duty = NULL;
  g_autofree char *level = NULL;

  gk_record_set_formed_on (record, "2026-05-06");
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);

  level = gk_store_dup_organisation_level (store, &error);
  g_assert_cmpstr (level, ==, GK_ORGANISATION_DEPARTMENT);

  /* Not yet in November. */
  duties = gk_store_list_duties (store, "2026-11-30", FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (find_duty (duties, GK_DUTY_ANNUAL_REPORT, 2026));
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = gk_store_list_duties (store, "2026-12-01", FALSE, &error);
  g_assert_nonnull (find_duty (duties, GK_DUTY_ANNUAL_REPORT, 2026));
  g_assert_nonnull (find_duty (duties, GK_DUTY_PROGRESS_REPORT, 2026));
  /* No record of 2025: the ledger does not ask for that year's reports. */
  g_assert_null (find_duty (duties, GK_DUTY_ANNUAL_REPORT, 2025));
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = gk_store_list_duties (store, "2027-01-05", FALSE, &error);
  duty = find_duty (duties, GK_DUTY_ANNUAL_REPORT, 2026);
  g_assert_nonnull (duty);
  g_assert_cmpstr (duty->due_on, ==, "2027-01-31");
  g_assert_cmpint (duty->info.status, ==, GK_TIMELINESS_NOT_DUE);
  duty = NULL;
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = gk_store_list_duties (store, "2027-02-01", FALSE, &error);
  g_assert_cmpint (find_duty (duties, GK_DUTY_ANNUAL_REPORT, 2026)->info.status, ==, GK_TIMELINESS_OVERDUE);
  g_clear_pointer (&duties, g_ptr_array_unref);

  /* The district's own report is due on 31 March. */
  g_assert_true (gk_store_set_setting (store, GK_SETTING_ORGANISATION_LEVEL, GK_ORGANISATION_DISTRICT, &error));
  duty = gk_store_get_duty (store, GK_DUTY_ANNUAL_REPORT, 2026, "2027-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (duty->due_on, ==, "2027-03-31");
  g_assert_cmpint (duty->info.status, ==, GK_TIMELINESS_NOT_DUE);
  g_clear_pointer (&duty, gk_duty_free);
  g_assert_true (gk_store_set_setting (store, GK_SETTING_ORGANISATION_LEVEL, NULL, &error));

  /* Submitted only once exported. */
  g_assert_false (gk_store_submit_duty (store, GK_DUTY_ANNUAL_REPORT, 2026, "2027-01-20", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_store_record_report_export (store, 2026, "2027-01-19T10:00:00+08:00", &error));
  duty = gk_store_get_duty (store, GK_DUTY_ANNUAL_REPORT, 2026, "2027-01-20", &error);
  g_assert_false (gk_duty_is_done (duty));
  g_clear_pointer (&duty, gk_duty_free);
  g_assert_true (gk_store_submit_duty (store, GK_DUTY_ANNUAL_REPORT, 2026, "2027-01-20", &error));
  g_assert_no_error (error);

  duty = gk_store_get_duty (store, GK_DUTY_ANNUAL_REPORT, 2026, "2027-01-21", &error);
  g_assert_true (gk_duty_is_done (duty));
  g_assert_cmpint (duty->info.status, ==, GK_TIMELINESS_ON_TIME);
  g_clear_pointer (&duty, gk_duty_free);

  duties = gk_store_list_duties (store, "2027-01-21", FALSE, &error);
  g_assert_null (find_duty (duties, GK_DUTY_ANNUAL_REPORT, 2026));
  g_assert_nonnull (find_duty (duties, GK_DUTY_PROGRESS_REPORT, 2026));
  g_clear_pointer (&duties, g_ptr_array_unref);

  /* The progress report, submitted after the date, was late. */
  g_assert_true (gk_store_submit_duty (store, GK_DUTY_PROGRESS_REPORT, 2026, "2027-02-03", &error));
  duty = gk_store_get_duty (store, GK_DUTY_PROGRESS_REPORT, 2026, "2027-02-05", &error);
  g_assert_cmpint (duty->info.status, ==, GK_TIMELINESS_LATE);
}

/* `gongkai-cli check` as cron runs it: the push and the annual report. */
static char *
run_cli (const char  *path,
         int         *exit_status,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("GK_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  cli = g_subprocess_newv ((const char * const *) argv->pdata,
                           G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  *exit_status = g_subprocess_get_exit_status (cli);
  return out;
}

static void
test_check_cli (GkTestLedger  *ledger,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) entry = new_record (ledger->store, "blacklist.entry", NULL,
                                          "{\"penalty_date\": \"2026-12-14\", \"subject_name\": \"某公司\"}");
  g_autofree char *out = NULL;
  g_autofree char *line = NULL;
  int status;

  g_assert_nonnull (g_getenv ("GK_CLI"));
  g_clear_object (&ledger->store);

  /* 2026-12-14 + 7 working days = 2026-12-23: overdue on the 24th. */
  out = run_cli (ledger->path, &status, "check", "--on", "2026-12-24", NULL);
  line = g_strdup_printf ("push-overdue\t1\t2026-12-23\t%s\t", gk_record_get_index_no (entry));
  g_assert_nonnull (strstr (out, line));
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);

  out = run_cli (ledger->path, &status, "check", "--on", "2027-01-05", NULL);
  g_assert_nonnull (strstr (out, "\t2027-01-31\tannual-report/2026\t"));
  g_assert_nonnull (strstr (out, "\t2027-01-31\tprogress-report/2026\t"));
  g_clear_pointer (&out, g_free);

  /* Submitting before the export is refused; after it, the report is done. */
  out = run_cli (ledger->path, &status, "duty", "submit", "annual-report", "2026", "--on", "2027-01-20", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *dir = g_path_get_dirname (ledger->path);
    g_autofree char *book = g_build_filename (dir, "2026.xlsx", NULL);

    out = run_cli (ledger->path, &status, "report", "--year", "2026", "-o", book, NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
  }
  out = run_cli (ledger->path, &status, "duty", "submit", "annual-report", "2026", "--on", "2027-01-20", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  out = run_cli (ledger->path, &status, "check", "--on", "2027-01-21", NULL);
  g_assert_null (strstr (out, "annual-report/2026"));
  g_assert_nonnull (strstr (out, "progress-report/2026"));
  g_clear_pointer (&out, g_free);

  out = run_cli (ledger->path, &status, "duty", "list", "--all", "--on", "2027-01-21", NULL);
  g_assert_nonnull (strstr (out, "annual-report\t2026\t2027-01-31\ton-time\t"));
  g_assert_nonnull (strstr (out, "\t2027-01-20\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/plan/catalog-items", test_catalog_items);
  g_test_add ("/plan/item-rules", GkTestLedger, NULL, gk_test_ledger_set_up, test_item_rules, gk_test_ledger_tear_down);
  g_test_add ("/plan/correction", GkTestLedger, NULL, gk_test_ledger_set_up, test_correction, gk_test_ledger_tear_down);
  g_test_add ("/plan/credit-push", GkTestLedger, NULL, gk_test_ledger_set_up, test_credit_push, gk_test_ledger_tear_down);
  g_test_add ("/plan/work-plans", GkTestLedger, NULL, gk_test_ledger_set_up, test_work_plans, gk_test_ledger_tear_down);
  g_test_add ("/plan/duties", GkTestLedger, NULL, gk_test_ledger_set_up, test_duties, gk_test_ledger_tear_down);
  g_test_add ("/plan/check-cli", GkTestLedger, NULL, gk_test_ledger_set_up, test_check_cli, gk_test_ledger_tear_down);

  return g_test_run ();
}
