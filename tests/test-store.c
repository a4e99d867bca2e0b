/* test-store.c: the ledger store: records, history, 索引号, search, supervision report. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "gk-bundle-private.h"
#include "gk-core.h"
#include "gk-date.h"
#include "gk-deadline.h"
#include "gk-demo.h"
#include "gk-record-list.h"
#include "gk-store.h"
#include "gk-settings.h"
#include "gk-search-text.h"
#include "gk-store-private.h"
#include "gk-supervision-export.h"
#include "gk-store-report.h"
#include "gk-report-count.h"
#include "gk-test-util.h"

typedef GkTestLedger Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gk_test_ledger_set_up (f, data);
  gk_store_set_user (f->store, "tester");
}

#define fixture_teardown gk_test_ledger_tear_down

/* Any item of @domain, as the default catalog provides. */
static char *
first_item_key (GkStore    *store,
                const char *domain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = gk_store_list_items (store, domain, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  return g_strdup (gk_item_get_key (g_ptr_array_index (items, 0)));
}

static GkRecord *
create (Fixture    *f,
        const char *domain,
        const char *title,
        const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = first_item_key (f->store, domain);
  GkRecord *record = gk_store_create_record (f->store, key, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  if (body != NULL)
    {
      gk_record_set_body (record, body);
      gk_store_save_record (f->store, record, &error);
      g_assert_no_error (error);
    }
  return record;
}

static void
test_schema_created (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpint (gk_store_get_format_version (f->store), ==, gk_store_format_version ());

  domains = gk_store_list_domains (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (domains->len, >=, 5);
  /* Its name heads the domain's items where a clerk chooses one. */
  {
    g_autofree char *domain_name = gk_store_dup_domain_name (f->store, "procurement", &error);
    g_autofree char *no_name = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (domain_name, ==, "政府采购");
    no_name = gk_store_dup_domain_name (f->store, "no-such-domain", &error);
    g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
    g_assert_null (no_name);
    g_clear_error (&error);
  }

  units = gk_store_list_units (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >=, 7);
  g_assert_cmpint (gk_store_find_unit (f->store, "区住建局", &error), !=, 0);
  g_assert_cmpint (gk_store_find_unit (f->store, "区财政局", &error), !=, 0);
  g_assert_cmpint (gk_store_find_unit (f->store, "没有这个单位", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (gk_store_get_organisation (f->store, &name, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, !=, "");
  g_assert_cmpstr (code, !=, "");
}

static void
test_crud_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = create (f, "procurement", "某采购项目结果公告", NULL);
  g_autoptr(GkRecord) loaded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GkHistoryEntry *entry;

  g_assert_nonnull (gk_record_get_uuid (record));
  g_assert_cmpstr (gk_record_get_status (record), ==, "draft");
  g_assert_cmpstr (gk_record_get_domain (record), ==, "procurement");
  g_assert_nonnull (gk_record_get_formed_on (record));

  gk_record_set_title (record, "某采购项目中标结果公告");
  gk_record_set_body (record, "正文");
  gk_record_set_doc_no (record, "长财采〔2025〕12号");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);

  loaded = gk_store_get_record (f->store, gk_record_get_uuid (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_title (loaded), ==, "某采购项目中标结果公告");

  /* …and by its 索引号, as the published page prints it. */
  {
    g_autoptr(GkRecord) by_index = gk_store_get_record_by_index_no (f->store, gk_record_get_index_no (record), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gk_record_get_uuid (by_index), ==, gk_record_get_uuid (record));
    g_assert_null (gk_store_get_record_by_index_no (f->store, "no/such-00000", &error));
    g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_cmpstr (gk_record_get_doc_no (loaded), ==, "长财采〔2025〕12号");

  history = gk_store_get_history (f->store, gk_record_get_uuid (record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);   /* create, title, body, doc_no */
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->user, ==, "tester");
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (entry->field, ==, "title");
  g_assert_cmpstr (entry->old_value, ==, "某采购项目结果公告");
  g_assert_cmpstr (entry->new_value, ==, "某采购项目中标结果公告");

  /* Saving without a change writes no history. */
  g_assert_true (gk_store_save_record (f->store, loaded, &error));
  g_clear_pointer (&history, g_ptr_array_unref);
  history = gk_store_get_history (f->store, gk_record_get_uuid (record), NULL);
  g_assert_cmpuint (history->len, ==, 4);

  /* Field values: one history entry per changed key. */
  g_assert_true (gk_record_set_values_json (loaded, "{\"note\": \"甲\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = gk_store_get_history (f->store, gk_record_get_uuid (record), NULL);
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (entry->field, ==, "fields.note");
  g_assert_cmpstr (entry->new_value, ==, "甲");

  /* Delete: gone, but its history stays. */
  g_assert_true (gk_store_delete_record (f->store, gk_record_get_uuid (record), &error));
  g_assert_no_error (error);
  g_assert_null (gk_store_get_record (f->store, gk_record_get_uuid (record), &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = gk_store_get_history (f->store, gk_record_get_uuid (record), NULL);
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (entry->action, ==, "delete");
}

/* An item of our own, with one required field, through the catalog API. */
static void
add_test_item (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_item_new ("test.notice", "bidding");
  g_autoptr(GkSchema) schema =
    gk_schema_new_from_json ("[{\"id\": \"winner\", \"label\": \"中标人\", \"kind\": \"text\", \"required\": true},"
                             " {\"id\": \"code\", \"label\": \"统一社会信用代码\", \"kind\": \"uscc\"}]", &error);

  g_assert_no_error (error);
  gk_item_set_level1 (item, "测试");
  gk_item_set_level2 (item, "测试公告");
  gk_item_set_deadline_rule (item, "proactive");
  gk_item_set_schema (item, schema);
  g_assert_true (gk_store_save_item (store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_item_get_id (item), >, 0);
}

static void
test_status_and_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;

  add_test_item (f->store);
  record = gk_store_create_record (f->store, "test.notice", "某工程招标公告", &error);
  g_assert_no_error (error);

  gk_record_set_formed_on (record, "2025-09-01");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gk_record_get_due_on (record));

  g_assert_false (gk_store_set_status (f->store, record, "withdrawn", NULL, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gk_store_set_status (f->store, record, "pending", NULL, &error));
  g_assert_no_error (error);

  /* A required field is empty: it cannot be published yet. */
  g_assert_false (gk_store_set_status (f->store, record, "published", "2025-09-10", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* A wrong credit code check digit is only a warning (pilot codes are real);
   * a filled required field is all it takes. */
  g_assert_true (gk_record_set_values_json (record, "{\"winner\": \"河北某建设集团有限公司\", \"code\": \"91350100M0001TGQXM\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_true (gk_store_set_status (f->store, record, "published", "2025-09-10", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_published_on (record), ==, "2025-09-10");

  /* Published: it is withdrawn, never deleted, and keeps its 索引号. */
  g_assert_false (gk_store_can_delete_record (f->store, record, NULL));
  g_assert_false (gk_store_delete_record (f->store, gk_record_get_uuid (record), &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* A change after publication opens a new deadline from its own date. */
  g_assert_true (gk_store_record_change (f->store, record, "2025-10-09", "中标金额更正", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_status (record), ==, "draft");
  g_assert_null (gk_record_get_published_on (record));
  g_assert_cmpstr (gk_record_get_formed_on (record), ==, "2025-10-09");
  g_assert_cmpstr (gk_record_get_due_on (record), >, "2025-10-09");

  /* Back in draft after a change, it was published all the same. */
  g_assert_false (gk_store_can_delete_record (f->store, record, NULL));

  /* The first publication (due Sunday 09-28, a make-up working day;
   * published 09-10) still counts as on time in September's figures… */
  {
    g_autoptr(GPtrArray) rows = gk_store_supervision_report (f->store, "2025-09-01", "2025-09-30", "2025-11-20", &error);
    const GkSupervisionRow *total;

    g_assert_no_error (error);
    total = g_ptr_array_index (rows, rows->len - 1);
    g_assert_cmpint (total->kind, ==, GK_SUPERVISION_ROW_TOTAL);
    g_assert_cmpuint (total->due, ==, 1);
    g_assert_cmpuint (total->on_time, ==, 1);
  }
  /* …and the change is due in its own period, with its own deadline. */
  {
    g_autoptr(GPtrArray) rows = gk_store_supervision_report (f->store, "2025-10-01", "2025-12-31", "2025-10-20", &error);
    const GkSupervisionRow *total;

    g_assert_no_error (error);
    total = g_ptr_array_index (rows, rows->len - 1);
    g_assert_cmpuint (total->due, ==, 1);
    g_assert_cmpuint (total->on_time, ==, 0);
    g_assert_cmpuint (total->pending, ==, 1);
  }
}

/* A request runs from its receipt; an extension moves the reply deadline,
 * and the reply closes it. */
static void
test_request_deadline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (f->store, "request.application", "关于某小区分配名单的申请", &error);
  g_autoptr(GkRecord) loaded = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_domain (record), ==, "request");

  /* Received Monday 2025-09-01: the 20th working day after it is Sunday
   * 2025-09-28, a make-up working day before National Day. */
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-09-01\", \"applicant_type\": \"natural-person\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_formed_on (record), ==, "2025-09-01");
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-09-28");
  g_assert_true (gk_record_is_overdue (record, "2025-10-10"));

  /* Extended by 20 working days (National Day week in between). */
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-09-01\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-09-20\", \"workdays\": 20}]}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-10-31");

  /* Replied: no longer open. */
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-09-01\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-09-20\", \"workdays\": 20}],"
                        " \"reply_date\": \"2025-10-20\", \"outcome\": \"disclosed\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  loaded = gk_store_get_record (f->store, gk_record_get_uuid (record), &error);
  g_assert_cmpstr (gk_record_get_published_on (loaded), ==, "2025-10-20");
  g_assert_false (gk_record_is_overdue (loaded, "2025-11-10"));
}

static GkRecord *
create_with_values (Fixture    *f,
                    const char *item_key,
                    const char *entered_on,
                    const char *values)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_create_record (f->store, item_key, NULL, &error);

  g_assert_no_error (error);
  /* The day the clerk entered it, as a new record's formation date is. */
  gk_record_set_formed_on (record, entered_on);
  g_assert_true (gk_record_set_values_json (record, values, NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  return record;
}

static GkTimeliness
timeliness_of (Fixture    *f,
               GkRecord   *record,
               const char *published)
{
  GDate due = gk_test_date (gk_record_get_due_on (record));
  GDate on = gk_test_date (published);

  return gk_deadline_get_timeliness (gk_store_get_calendar (f->store), &due, &on, &on, 3, NULL);
}

/* The 7 working days of a penalty run from the decision, not from the day
 * it was entered: decided Mon 2025-03-03, entered a week later on 03-10,
 * published Fri 03-14. Due 03-12, so late; counted from the entry it would
 * have been due 03-19 and shown on time. */
static void
test_deadline_start_field (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;

  record = create_with_values (f, "procurement.violation-record", "2025-03-10",
                               "{\"subject_name\": \"某供应商\", \"violation\": \"提供虚假材料\", \"penalty\": \"罚款\","
                               " \"decision_date\": \"2025-03-03\", \"authority\": \"区财政局\"}");
  g_assert_cmpstr (gk_record_get_formed_on (record), ==, "2025-03-03");
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-12");
  g_assert_cmpint (timeliness_of (f, record, "2025-03-14"), ==, GK_TIMELINESS_LATE);

  /* A formation date set apart from the decision is refused at publication. */
  gk_record_set_formed_on (record, "2025-03-10");
  {
    g_autoptr(GPtrArray) issues = gk_store_validate_record (f->store, record, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < issues->len; i++)
      found |= g_strcmp0 (((GkIssue *) g_ptr_array_index (issues, i))->field_id, "decision_date") == 0;
    g_assert_true (found);
  }
  g_assert_true (gk_store_save_record (f->store, record, &error));
  /* …and saving brings it back to the decision. */
  g_assert_cmpstr (gk_record_get_formed_on (record), ==, "2025-03-03");

  /* A complaint decision is no licensing or penalty decision: 20 working days. */
  g_clear_object (&record);
  record = create_with_values (f, "procurement.complaint-decision", "2025-03-10",
                               "{\"complainant\": \"某公司\", \"matter\": \"评审程序\", \"decision\": \"驳回投诉\","
                               " \"decision_date\": \"2025-03-03\", \"authority\": \"区财政局\"}");
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-31");

  /* A 备案 is no licence: 20 working days; an approval (a licence): 7. */
  g_clear_object (&record);
  record = create_with_values (f, "bidding.approval", "2025-03-10",
                               "{\"approval_type\": \"备案\", \"approval_date\": \"2025-03-03\"}");
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-31");
  g_assert_true (gk_record_set_values_json (record, "{\"approval_type\": \"核准\", \"approval_date\": \"2025-03-03\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-12");
}

/* 中标候选人: 3 calendar days from the evaluation report, the last one
 * moved past rest days; a publication period of at least 3 days. */
static void
test_deadline_calendar_days (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  gboolean short_period = FALSE;

  /* Received Thu 2025-03-06: the third day is Sunday 03-09, so Monday. */
  record = create_with_values (f, "bidding.candidates", "2025-03-07",
                               "{\"report_date\": \"2025-03-06\", \"publicity_start\": \"2025-03-07\","
                               " \"publicity_end\": \"2025-03-08\"}");
  g_assert_cmpstr (gk_record_get_formed_on (record), ==, "2025-03-06");
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-10");
  g_assert_cmpint (timeliness_of (f, record, "2025-03-10"), ==, GK_TIMELINESS_ON_TIME);
  g_assert_cmpint (timeliness_of (f, record, "2025-03-11"), ==, GK_TIMELINESS_LATE);

  /* 03-07 to 03-08 is two days: too short. */
  issues = gk_store_validate_record (f->store, record, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < issues->len; i++)
    short_period |= g_strcmp0 (((GkIssue *) g_ptr_array_index (issues, i))->field_id, "publicity_end") == 0;
  g_assert_true (short_period);

  /* Received Sun 2025-09-28: the third day, 10-01, is in the National Day
   * holiday (10-01 to 10-08): due Thursday 10-09. */
  g_assert_true (gk_record_set_values_json (record, "{\"report_date\": \"2025-09-28\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-10-09");
}

/* Events that cannot all have happened are an error at the field, and the
 * request keeps a reply deadline: it stays supervised. */
static void
test_request_impossible_events (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (f->store, "request.application", "申请", &error);
  g_autoptr(GPtrArray) issues = NULL;
  gboolean at_events = FALSE;

  g_assert_no_error (error);
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-09-01\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-09-20\", \"workdays\": 20},"
                        " {\"kind\": \"extension\", \"date\": \"2025-09-22\", \"workdays\": 10}]}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-09-28");
  g_assert_true (gk_record_is_overdue (record, "2025-10-10"));

  issues = gk_store_validate_record (f->store, record, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < issues->len; i++)
    at_events |= g_strcmp0 (((GkIssue *) g_ptr_array_index (issues, i))->field_id, "events") == 0;
  g_assert_true (at_events);
  {
    GkRequestDeadline deadline;

    g_assert_false (gk_store_get_request_deadline (f->store, record, &deadline, &error));
    g_assert_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT);
    g_clear_error (&error);
  }

  /* A fee asked for on Wed 09-03 and never paid: no reply is due, and after
   * 20 working days (04–05, 08–12, 15–19, 22–26, the make-up Sunday 28,
   * 29, 30) the application is deemed abandoned; the state says so. */
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-09-01\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"fee-notice\", \"date\": \"2025-09-03\"}]}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_null (gk_record_get_due_on (record));
  {
    GkRequestDeadline deadline;
    GDate day = gk_test_date ("2025-10-09");
    g_auto(GStrv) notes = NULL;

    g_assert_true (gk_store_get_request_deadline (f->store, record, &deadline, &error));
    g_assert_cmpint (deadline.state, ==, GK_REQUEST_STATE_AWAITING_PAYMENT);
    gk_test_assert_date (&deadline.payment_due, "2025-09-30");
    g_assert_true (gk_request_deadline_is_abandoned (&deadline, &day));
    notes = gk_request_deadline_describe (&deadline, &day);
    g_assert_cmpuint (g_strv_length (notes), ==, 1);
    g_assert_nonnull (strstr (notes[0], "2025-09-30"));
  }
  /* The editor lists the state as a warning at the events. */
  {
    g_autoptr(GPtrArray) editing = gk_store_get_deadline_issues (f->store, record);
    const GkIssue *issue;

    g_assert_cmpuint (editing->len, ==, 1);
    issue = g_ptr_array_index (editing, 0);
    g_assert_cmpint (issue->severity, ==, GK_SEVERITY_WARNING);
    g_assert_cmpstr (issue->field_id, ==, "events");
  }
}

/* A record of an item the law makes proactive keeps its deadline when the
 * clerk sets it to "on request", and cannot be published that way. */
static void
test_proactive_item_mode (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;

  record = create_with_values (f, "procurement.complaint-decision", "2025-03-10",
                               "{\"complainant\": \"某公司\", \"matter\": \"评审程序\", \"decision\": \"驳回投诉\","
                               " \"decision_date\": \"2025-03-03\", \"authority\": \"区财政局\"}");
  gk_record_set_mode (record, GK_MODE_ON_REQUEST);
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-31");
  g_assert_true (gk_store_set_status (f->store, record, GK_STATUS_PENDING, NULL, &error));
  g_assert_false (gk_store_set_status (f->store, record, GK_STATUS_PUBLISHED, "2025-03-20", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
}

/* A 索引号 carries the year the information was formed, not the year it
 * was entered: a request received in 2025 and entered later is a 2025 one. */
static void
test_index_year_of_formation (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item (f->store, "request.application", &error);
  g_autoptr(GkRecord) record = gk_record_new ();

  g_assert_no_error (error);
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_title (record, "补录的2025年申请");
  gk_record_set_created_at (record, "2026-02-10T09:00:00");
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-03-03\"}", NULL));
  g_assert_true (gk_store_insert_record (f->store, record, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_formed_on (record), ==, "2025-03-03");
  /* A request takes no 索引号: its 申请编号 is of the year it was received. */
  g_assert_cmpstr (gk_record_get_index_no (record), ==, "依申〔2025〕1号");
  g_assert_cmpstr (gk_record_get_number_label (record), ==, "Request Number");
}

static gboolean
has_error_at (GkStore    *store,
              GkRecord   *record,
              const char *field_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = gk_store_validate_record (store, record, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      found |= issue->severity == GK_SEVERITY_ERROR && g_strcmp0 (issue->field_id, field_id) == 0;
    }
  return found;
}

/* A reply's outcome and its ground for withholding agree: 不予公开 names
 * the ground it is counted under, 部分公开 names one, other outcomes none. */
static void
test_request_outcome_ground (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (f->store, "request.application", "申请公开某批复", &error);
  static const struct { const char *outcome, *ground; gboolean wrong; } cases[] = {
    { "withheld-state-secret", "state-secret", FALSE },
    { "withheld-state-secret", "trade-secret", TRUE },      /* counted under 保护第三方合法权益 */
    { "withheld-third-party", "personal-privacy", FALSE },
    { "withheld-third-party", NULL, TRUE },
    { "withheld-inquiry", NULL, FALSE },                    /* 行政查询事项: no ground of 第十四–十六条 */
    { "partly-disclosed", "internal-affairs", FALSE },
    { "partly-disclosed", NULL, TRUE },
    { "disclosed", "state-secret", TRUE },
    { "disclosed", NULL, FALSE },
    { "unavailable-not-held", "process-information", TRUE },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"received_date\": \"2025-09-01\", \"outcome\": \"%s\"%s%s%s}",
                                               cases[i].outcome,
                                               cases[i].ground != NULL ? ", \"exemption\": \"" : "",
                                               cases[i].ground != NULL ? cases[i].ground : "",
                                               cases[i].ground != NULL ? "\"" : "");

      g_assert_true (gk_record_set_values_json (record, json, NULL));
      g_assert_true (gk_store_save_record (f->store, record, &error));
      g_assert_no_error (error);
      if (has_error_at (f->store, record, "exemption") != cases[i].wrong)
        g_error ("%s with %s: expected %s", cases[i].outcome, cases[i].ground, cases[i].wrong ? "an error" : "none");
    }
}

/* A request's whole deadline state in words, as 督查 and `check` show it.
 * Received Mon 2025-03-03: the correction notice may go out until 03-12
 * (7 working days), the reply is due 03-31 (20), and an extension of 20
 * working days moves it to 04-28 (Qingming Fri 04-04 off, Sunday 04-27 a
 * make-up working day). Two extensions cannot have happened: the notes
 * say so, and the request keeps its plain 20 days and stays supervised. */
static void
test_request_state_notes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (f->store, "request.application", "申请公开某规划", &error);
  g_autoptr(GkRecord) other = create (f, "procurement", "采购公告", NULL);
  GDate day = gk_test_date ("2025-03-10");

  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_mode (record), ==, "on-request");
  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-03-03\", \"applicant_type\": \"natural-person\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-31");
  {
    g_auto(GStrv) notes = gk_store_describe_request (f->store, record, &day);

    g_assert_cmpuint (g_strv_length (notes), ==, 1);
    g_assert_cmpstr (notes[0], ==, "A correction notice (补正) may be sent until 2025-03-12");
  }

  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-03-03\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-03-20\", \"workdays\": 20}]}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-04-28");
  {
    g_auto(GStrv) notes = gk_store_describe_request (f->store, record, &day);

    g_assert_cmpuint (g_strv_length (notes), ==, 2);
    g_assert_cmpstr (notes[0], ==, "Extended by 20 working days");
    g_assert_cmpstr (notes[1], ==, "A correction notice (补正) may be sent until 2025-03-12");
  }

  g_assert_true (gk_record_set_values_json (record, "{\"received_date\": \"2025-03-03\", \"applicant_type\": \"natural-person\","
                        " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-03-20\", \"workdays\": 20},"
                        " {\"kind\": \"extension\", \"date\": \"2025-03-25\", \"workdays\": 5}]}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-03-31");
  g_assert_true (gk_record_is_overdue (record, "2025-04-01"));
  {
    g_auto(GStrv) notes = gk_store_describe_request (f->store, record, &day);

    g_assert_cmpuint (g_strv_length (notes), ==, 1);
    g_assert_true (g_str_has_prefix (notes[0], "Events in error"));
  }

  /* Other records have no request notes. */
  {
    g_auto(GStrv) notes = gk_store_describe_request (f->store, other, &day);

    g_assert_cmpuint (g_strv_length (notes), ==, 0);
  }
}

/* A due date reaching into 2027, whose notice is not shipped, is counted
 * with its fixed-date holidays and flagged; Preferences counts the records
 * relying on it. From Mon 2026-12-28, 20 working days: 12-29 to 12-31 (3),
 * 1 January off, 01-04 to 01-08 (8), 11–15 (13), 18–22 (18), 25, 26. */
static void
test_calendar_guesses (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  guint count = 99;

  add_test_item (f->store);
  g_assert_true (gk_store_count_calendar_guesses (f->store, 2027, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);

  record = gk_store_create_record (f->store, "test.notice", "跨年的公告", &error);
  g_assert_no_error (error);
  gk_record_set_formed_on (record, "2026-12-28");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2027-01-26");
  g_assert_cmpint (gk_record_get_due_missing_year (record), ==, 2027);
  g_assert_true (gk_store_count_calendar_guesses (f->store, 2027, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
}

/* A record of a proactive item that is not disclosed (不予公开) leaves the
 * timeliness figures but counts as withheld, with its ground, in 督查 and
 * in the annual report alike. */
static void
test_exempt_figures (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  const GkSupervisionRow *total;
  gint64 withheld = 0, due = 0;
  gboolean ground_named = FALSE;

  add_test_item (f->store);
  record = gk_store_create_record (f->store, "test.notice", "含商业秘密的公告", &error);
  g_assert_no_error (error);
  gk_record_set_formed_on (record, "2025-05-06");
  gk_record_set_mode (record, GK_MODE_EXEMPT);
  gk_record_set_exemption (record, "trade-secret");
  gk_record_set_exemption_reason (record, "含投标人报价构成");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_null (gk_record_get_due_on (record));

  rows = gk_store_supervision_report (f->store, "2025-01-01", "2025-12-31", "2025-12-31", &error);
  g_assert_no_error (error);
  total = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpint (total->kind, ==, GK_SUPERVISION_ROW_TOTAL);
  g_assert_cmpuint (total->due, ==, 0);
  g_assert_cmpuint (total->overdue, ==, 0);
  g_assert_cmpuint (total->withheld, ==, 1);
  g_assert_cmpstr (total->grounds, ==, "涉及商业秘密，公开会对第三方合法权益造成损害的政府信息");
  /* Not in a period it was not formed in. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = gk_store_supervision_report (f->store, "2024-01-01", "2024-12-31", "2025-12-31", &error);
  g_assert_no_error (error);
  total = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpuint (total->withheld, ==, 0);

  resources = gk_store_report_resources (f->store, 2025, 0, "2025-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < resources->len; i++)
    {
      GkReportResourceRow *r = g_ptr_array_index (resources, i);

      due += r->due;
      withheld += r->withheld;
      ground_named |= g_strcmp0 (r->grounds, "涉及商业秘密，公开会对第三方合法权益造成损害的政府信息") == 0;
    }
  g_assert_cmpint (due, ==, 0);
  g_assert_cmpint (withheld, ==, 1);
  g_assert_true (ground_named);
}

/* Requests and cases are numbered in registers of their own; no 索引号 is
 * issued on an organisation code that is not set, and those issued stay. */
static void
test_register_numbers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = first_item_key (f->store, "housing-allocation");
  g_autoptr(GkRecord) before = gk_store_create_record (f->store, key, "代码清空前的记录", &error);
  g_autoptr(GkRecord) loaded = NULL;
  g_autoptr(GkRecord) refused = NULL;
  g_autofree char *year = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strchr (gk_record_get_index_no (before), '/'));

  for (int i = 1; i <= 2; i++)
    {
      g_autoptr(GkRecord) request = gk_store_create_record (f->store, "request.application", "申请", &error);
      g_autoptr(GkRecord) review = gk_store_create_record (f->store, "request.case", "复议", &error);
      g_autofree char *request_no = NULL;
      g_autofree char *case_no = NULL;

      g_assert_no_error (error);
      g_clear_pointer (&year, g_free);
      year = g_strndup (gk_record_get_formed_on (request) != NULL ? gk_record_get_formed_on (request)
                                                                : gk_record_get_created_at (request), 4);
      request_no = g_strdup_printf ("依申〔%s〕%d号", year, i);
      case_no = g_strdup_printf ("案〔%.4s〕%d号", gk_record_get_formed_on (review) != NULL ? gk_record_get_formed_on (review)
                                                                                      : gk_record_get_created_at (review), i);
      g_assert_cmpstr (gk_record_get_index_no (request), ==, request_no);
      g_assert_cmpstr (gk_record_get_index_no (review), ==, case_no);
      g_assert_cmpstr (gk_record_get_number_label (review), ==, "Case Number");
    }

  /* The organisation's code emptied (a ledger before its setup): a record
   * that needs a 索引号 is refused with a message saying where to set it… */
  g_assert_true (gk_db_exec (gk_store_get_db (f->store), "UPDATE organisation SET code = ''", &error));
  g_assert_no_error (error);
  refused = gk_store_create_record (f->store, key, "代码未设时的记录", &error);
  g_assert_null (refused);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Preferences"));
  g_clear_error (&error);

  /* …requests are still numbered, and the records issued keep theirs. */
  {
    g_autoptr(GkRecord) request = gk_store_create_record (f->store, "request.application", "申请", &error);

    g_assert_no_error (error);
    expected = g_strdup_printf ("依申〔%s〕3号", year);
    g_assert_cmpstr (gk_record_get_index_no (request), ==, expected);
  }
  loaded = gk_store_get_record (f->store, gk_record_get_uuid (before), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_index_no (loaded), ==, gk_record_get_index_no (before));
}

typedef struct
{
  const char *uuid;
  gint64 id;
  char *status, *title, *published_on, *formed_on;
} BriefSearch;

static void
find_brief_cb (GkBundleRow *row,
               gpointer     user_data)
{
  BriefSearch *search = user_data;

  if (g_strcmp0 (row->uuid, search->uuid) != 0)
    return;
  search->id = row->id;
  search->status = g_strdup (row->status);
  search->title = g_strdup (row->title);
  search->published_on = g_strdup (row->published_on);
  search->formed_on = g_strdup (row->formed_on);
}

/* The record as the bundle reads it, whole; its brief row (what decides
 * its place in the bundle) must say the same of it. */
static GkBundleRow *
get_bundle_row (GkStore    *store,
                const char *uuid)
{
  g_autoptr(GkBundleConfig) config = gk_bundle_config_load (NULL);
  g_autoptr(GError) error = NULL;
  BriefSearch search = { uuid, 0, NULL, NULL, NULL, NULL };
  GkBundleRow *row;

  g_assert_nonnull (config);
  g_assert_true (gk_store_foreach_bundle_row (store, config, find_brief_cb, &search, &error));
  g_assert_no_error (error);
  g_assert_cmpint (search.id, >, 0);
  row = gk_store_get_bundle_row (store, search.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (search.status, ==, row->status);
  g_assert_cmpstr (search.title, ==, row->title);
  g_assert_cmpstr (search.published_on, ==, row->published_on);
  g_assert_cmpstr (search.formed_on, ==, row->formed_on);
  g_free (search.status);
  g_free (search.title);
  g_free (search.published_on);
  g_free (search.formed_on);
  return row;
}

static gint64
published_in_month (GkStore    *store,
                    const char *domain,
                    int         year,
                    int         month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = gk_store_report_months (store, year, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      GkReportMonthRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->domain, domain) == 0)
        return row->months[month - 1];
    }
  return 0;
}

/* A 变更 is a new publication of the same record: while it is prepared the
 * earlier publication stays public (list, bundle, report), with its date,
 * channels and timeliness, and it still counts in its own period. */
static void
test_change_stays_public (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkRecord) loaded = NULL;
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  g_autoptr(GPtrArray) publications = NULL;
  g_autofree char *described = NULL;
  const GkPublication *earlier;
  GkBundleRow *row;
  const char *first_due;

  add_test_item (f->store);
  record = gk_store_create_record (f->store, "test.notice", "某工程招标公告", &error);
  g_assert_no_error (error);
  gk_record_set_formed_on (record, "2025-09-01");
  g_assert_true (gk_record_set_values_json (record, "{\"winner\": \"河北某建设集团有限公司\"}", NULL));
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  /* 20 working days from Mon 09-01: Sunday 09-28, a make-up working day. */
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-09-28");
  g_ptr_array_add (channels, gk_record_channel_new ("政府网站", "2025-09-10", "https://example.gov.cn/1"));
  g_assert_true (gk_store_set_record_channels (f->store, gk_record_get_uuid (record), channels, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gk_store_set_status (f->store, record, "published", "2025-09-10", &error));
  g_assert_no_error (error);
  g_assert_null (gk_record_get_public_on (record));

  /* Published, its text is not edited silently: a 变更 comes first. */
  gk_record_set_title (record, "某工程招标公告（更正）");
  g_assert_false (gk_store_save_record (f->store, record, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  gk_record_set_title (record, "某工程招标公告");

  g_assert_true (gk_store_record_change (f->store, record, "2025-10-09", "中标人更正", &error));
  g_assert_no_error (error);
  first_due = "2025-09-28";

  /* Prepared: a draft with its own deadline, yet still public. */
  g_assert_cmpstr (gk_record_get_status (record), ==, "draft");
  g_assert_cmpstr (gk_record_get_due_on (record), ==, "2025-11-05");
  g_assert_cmpstr (gk_record_get_public_on (record), ==, "2025-09-10");
  g_assert_true (gk_record_is_public (record));
  g_assert_cmpstr (gk_record_get_status_label (record), ==, "Published · Change Being Prepared");
  loaded = gk_store_get_record (f->store, gk_record_get_uuid (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_public_on (loaded), ==, "2025-09-10");
  g_assert_true (gk_record_is_public (loaded));
  /* …and the list of published records still has it. */
  {
    g_autoptr(GkQuery) query = gk_query_new ();
    guint n = 0;

    query->status = g_strdup (GK_STATUS_PUBLISHED);
    g_assert_true (gk_store_count (f->store, query, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
  }

  /* The changed text is edited freely now. */
  gk_record_set_title (record, "某工程招标公告（更正）");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);

  publications = gk_store_get_publications (f->store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (publications->len, ==, 1);
  earlier = g_ptr_array_index (publications, 0);
  g_assert_true (earlier->still_public);
  g_assert_cmpstr (earlier->published_on, ==, "2025-09-10");
  g_assert_cmpstr (earlier->due_on, ==, first_due);
  g_assert_cmpstr (earlier->formed_on, ==, "2025-09-01");
  g_assert_cmpstr (earlier->changed_on, ==, "2025-10-09");
  g_assert_cmpuint (earlier->channels->len, ==, 1);
  g_assert_cmpstr (((GkRecordChannel *) g_ptr_array_index (earlier->channels, 0))->address, ==, "https://example.gov.cn/1");
  described = gk_publication_describe (earlier);
  g_assert_cmpstr (described, ==, "2025-09-10 · 政府网站 · on time");

  /* The bundle publishes what was public, not the text being prepared. */
  row = get_bundle_row (f->store, gk_record_get_uuid (record));
  g_assert_cmpstr (row->status, ==, "published");
  g_assert_cmpstr (row->published_on, ==, "2025-09-10");
  g_assert_cmpstr (row->title, ==, "某工程招标公告");
  g_clear_pointer (&row, gk_bundle_row_free);

  /* The report counts the September publication in September, on time,
   * and the change (due 11-05: 20 working days on from 10-09, Saturday
   * 10-11 a make-up working day) as open. */
  g_assert_cmpint (published_in_month (f->store, "bidding", 2025, 9), ==, 1);
  {
    g_autoptr(GPtrArray) resources = gk_store_report_resources (f->store, 2025, 0, "2025-10-15", &error);
    gint64 due = 0, on_time = 0, overdue = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < resources->len; i++)
      {
        GkReportResourceRow *r = g_ptr_array_index (resources, i);

        if (g_strcmp0 (r->domain, "bidding") != 0)
          continue;
        due += r->due;
        on_time += r->on_time;
        overdue += r->overdue;
      }
    g_assert_cmpint (due, ==, 2);
    g_assert_cmpint (on_time, ==, 1);
    g_assert_cmpint (overdue, ==, 0);
  }

  /* Publishing the change ends it: the new text and date are public, the
   * earlier publication stays in the history. */
  g_assert_true (gk_store_set_status (f->store, record, "published", "2025-10-15", &error));
  g_assert_no_error (error);
  g_assert_null (gk_record_get_public_on (record));
  g_clear_pointer (&publications, g_ptr_array_unref);
  publications = gk_store_get_publications (f->store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (publications->len, ==, 1);
  g_assert_false (((GkPublication *) g_ptr_array_index (publications, 0))->still_public);
  row = get_bundle_row (f->store, gk_record_get_uuid (record));
  g_assert_cmpstr (row->title, ==, "某工程招标公告（更正）");
  g_assert_cmpstr (row->published_on, ==, "2025-10-15");
  g_assert_cmpstr (row->prev_published_on, ==, "2025-09-10");
  g_assert_cmpint (published_in_month (f->store, "bidding", 2025, 9), ==, 1);
  g_assert_cmpint (published_in_month (f->store, "bidding", 2025, 10), ==, 1);
  g_clear_pointer (&row, gk_bundle_row_free);
}

static void
test_exemption (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = create (f, "procurement", "涉及商业秘密的采购文件", NULL);
  g_autoptr(GkRecord) loaded = NULL;

  /* 不予公开 without a legal ground is refused. */
  gk_record_set_mode (record, "exempt");
  g_assert_false (gk_store_save_record (f->store, record, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);

  gk_record_set_exemption (record, "commercial-secret");
  gk_record_set_exemption_reason (record, "含投标人报价构成");
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);

  loaded = gk_store_get_record (f->store, gk_record_get_uuid (record), &error);
  g_assert_cmpstr (gk_record_get_mode (loaded), ==, "exempt");
  g_assert_null (gk_record_get_due_on (loaded));   /* nothing to disclose, no deadline */

  /* …and it can never be published. */
  g_assert_false (gk_store_set_status (f->store, loaded, "published", NULL, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_index_numbers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *code = NULL;
  g_autofree char *key = first_item_key (f->store, "housing-allocation");
  g_autoptr(GkStore) other = NULL;
  g_autoptr(GkItem) item = NULL;
  char *numbers[2];

  g_assert_true (gk_store_set_organisation (f->store, "长安区人民政府办公室", "11130102000014349N", &error));
  g_assert_no_error (error);

  for (int i = 0; i < 30; i++)
    {
      g_autoptr(GkRecord) record = gk_store_create_record (f->store, key, "分配结果", &error);
      g_autofree char *year_prefix = NULL;

      g_assert_no_error (error);
      year_prefix = g_strdup_printf ("11130102000014349N/%.4s-", gk_record_get_created_at (record));
      g_assert_true (g_str_has_prefix (gk_record_get_index_no (record), year_prefix));
      g_assert_cmpuint (strlen (gk_record_get_index_no (record)), ==, strlen (year_prefix) + 5);
      g_assert_false (g_hash_table_contains (seen, gk_record_get_index_no (record)));
      g_hash_table_add (seen, g_strdup (gk_record_get_index_no (record)));
    }

  /* Serials run per prefix and per year (the year the record was made),
   * and are never reissued. */
  item = gk_store_get_item (f->store, key, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GkRecord) record = gk_record_new ();

      gk_record_set_item_id (record, gk_item_get_id (item));
      gk_record_set_title (record, "旧年的记录");
      gk_record_set_created_at (record, "2019-05-01T09:00:00+08:00");
      g_assert_true (gk_store_insert_record (f->store, record, FALSE, &error));
      g_assert_no_error (error);
      numbers[i] = g_strdup (gk_record_get_index_no (record));
    }
  g_assert_cmpstr (numbers[0], ==, "11130102000014349N/2019-00001");
  g_assert_cmpstr (numbers[1], ==, "11130102000014349N/2019-00002");
  g_free (numbers[0]);
  g_free (numbers[1]);

  /* Two connections to one file never draw the same number. */
  other = gk_store_open (f->path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 20; i++)
    {
      GkStore *store = i % 2 == 0 ? f->store : other;
      g_autoptr(GkRecord) record = gk_store_create_record (store, key, "分配结果", &error);

      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (seen, gk_record_get_index_no (record)));
      g_hash_table_add (seen, g_strdup (gk_record_get_index_no (record)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);
}

static guint
search_count (GkStore    *store,
              const char *text)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  query->text = g_strdup (text);
  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  return count;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GkRecord) a = create (f, "housing-allocation", "公租房分配结果公示", "建北街道保障性住房分配对象名单");
  g_autoptr(GkRecord) b = create (f, "procurement", "办公设备采购项目中标公告", "采购人：区财政局");
  g_autoptr(GkRecord) c = create (f, "bidding", "道路改造工程招标公告", "投资项目统一代码 2018-130102-47-03-012345");
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  /* 1, 2 and 4 characters, and more. */
  g_assert_cmpuint (search_count (f->store, "房"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "公"), ==, 3);
  g_assert_cmpuint (search_count (f->store, "采购"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "公告"), ==, 2);
  g_assert_cmpuint (search_count (f->store, "分配结果"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "中标公告"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "保障性住房"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "2018-130102"), ==, 1);
  /* Characters that are not adjacent do not match as a phrase. */
  g_assert_cmpuint (search_count (f->store, "房公"), ==, 0);
  g_assert_cmpuint (search_count (f->store, "不存在的内容"), ==, 0);
  /* Several words: all must match. */
  g_assert_cmpuint (search_count (f->store, "公告 采购"), ==, 1);
  /* FTS syntax in the query is taken literally. */
  g_assert_cmpuint (search_count (f->store, "\"公告\" OR"), ==, 0);
  g_assert_cmpuint (search_count (f->store, "*"), ==, 0);

  /* Edits are searchable at once. */
  gk_record_set_title (c, "道路改造工程中标候选人公示");
  g_assert_true (gk_store_save_record (f->store, c, &error));
  g_assert_cmpuint (search_count (f->store, "候选人"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "公告"), ==, 1);

  /* Filters combine with the text. */
  query->text = g_strdup ("公");
  query->domain = g_strdup ("procurement");
  page = gk_store_query (f->store, query, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (gk_record_get_uuid (((GkRecord *) g_ptr_array_index (page, 0))), ==, gk_record_get_uuid (b));

  /* Deleted: gone from both indexes, and the trigram index still agrees
   * with the text it was built from. */
  g_assert_true (gk_store_delete_record (f->store, gk_record_get_uuid (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f->store, "采购"), ==, 0);
  g_assert_cmpuint (search_count (f->store, "中标公告"), ==, 0);
  g_assert_cmpuint (search_count (f->store, "公"), ==, 2);
  (void) a;
}

/* The numbers a colleague quotes find the record, whole or in part, and
 * punctuation is only itself. */
static void
test_search_identifiers (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GkRecord) a = create (f, "procurement", "办公设备采购项目", NULL);
  g_autoptr(GkRecord) b = create (f, "bidding", "道路改造工程招标公告", "100% 完成 a_b \"引号\"");
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tail = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  guint count = 0;

  project = gk_store_create_project (f->store, "procurement", "办公设备采购项目", "CABZ-2026-0012", NULL, 0, &error);
  g_assert_no_error (error);
  gk_record_set_doc_no (a, "长政公〔2026〕98号");
  gk_record_set_project_id (a, project->id);
  g_assert_true (gk_store_save_record (f->store, a, &error));
  g_assert_no_error (error);

  /* 索引号 whole and by its serial. */
  tail = g_strdup (strrchr (gk_record_get_index_no (a), '/') + 1);
  g_assert_cmpuint (search_count (f->store, gk_record_get_index_no (a)), ==, 1);
  g_assert_cmpuint (search_count (f->store, tail), ==, 1);
  /* The serial alone (the organisation code before it holds "00001"). */
  g_assert_cmpuint (search_count (f->store, strrchr (gk_record_get_index_no (b), '-') + 1), ==, 1);
  /* 文号 and the project's code, by fragments. */
  g_assert_cmpuint (search_count (f->store, "长政"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "〔2026〕98号"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "CABZ-2026"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "cabz"), ==, 1);
  /* One Latin letter: only the record holding it. */
  g_assert_cmpuint (search_count (f->store, "Z"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "b"), ==, 2);

  /* LIKE's wildcards and FTS's quote are literal. */
  g_assert_cmpuint (search_count (f->store, "%"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "_"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "\""), ==, 1);
  g_assert_cmpuint (search_count (f->store, "0%"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "%%"), ==, 0);
  g_assert_cmpuint (search_count (f->store, "#"), ==, 0);

  /* Past the cap, the search is refused rather than run. */
  for (guint i = 0; i < GK_SEARCH_MAX_CHARS; i++)
    g_string_append (long_text, "公");
  g_assert_cmpuint (search_count (f->store, long_text->str), ==, 0);
  g_string_append (long_text, "告");
  query->text = g_strdup (long_text->str);
  g_assert_false (gk_store_count (f->store, query, &count, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  (void) b;
}

/* A ledger indexed before identifiers were is indexed again when opened. */
static void
test_search_index_upgrade (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GkRecord) a = create (f, "procurement", "办公设备采购项目", NULL);
  g_autofree char *index_no = g_strdup (gk_record_get_index_no (a));
  g_autoptr(GError) error = NULL;
  GkDb *db = gk_store_get_db (f->store);

  /* The index as an older version left it: no identifiers. */
  g_assert_true (gk_db_exec (db, "DELETE FROM records_search; "
                                 "INSERT INTO records_fts (records_fts) VALUES ('delete-all'); "
                                 "INSERT INTO records_chars (records_chars) VALUES ('delete-all'); "
                                 "UPDATE settings SET value = '1' WHERE key = 'search-index-version'",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f->store, index_no), ==, 0);

  g_clear_object (&f->store);
  f->store = gk_test_open_store (f->path);
  g_assert_cmpuint (search_count (f->store, index_no), ==, 1);
  g_assert_cmpuint (search_count (f->store, "采购"), ==, 1);
}

static void
test_record_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GkRecordList) list = gk_record_list_new (f->store);
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GkRecord) first = NULL;
  g_autoptr(GkRecord) last = NULL;
  g_autofree char *key = first_item_key (f->store, "procurement");

  for (int i = 0; i < 120; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("采购公告 %03d", i);
      g_autoptr(GkRecord) record = gk_store_create_record (f->store, key, title, &error);
      g_assert_no_error (error);
    }

  query->domain = g_strdup ("procurement");
  query->sort = GK_SORT_TITLE;
  gk_record_list_set_query (list, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 120);
  /* Nothing is read until asked for, then one page at a time. */
  g_assert_cmpuint (gk_record_list_get_pages_loaded (list), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (gk_record_get_title (first), ==, "采购公告 000");
  g_assert_cmpuint (gk_record_list_get_pages_loaded (list), ==, 1);
  last = g_list_model_get_item (G_LIST_MODEL (list), 119);
  g_assert_cmpstr (gk_record_get_title (last), ==, "采购公告 119");
  g_assert_cmpuint (gk_record_list_get_pages_loaded (list), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 120));

  /* A write updates the list. */
  g_assert_true (gk_store_delete_record (f->store, gk_record_get_uuid (first), NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 119);
}

/* A record of @key by @unit (NULL: none), formed on @formed, published on
 * @published unless NULL. */
static GkRecord *
add_due_record (Fixture    *f,
                const char *key,
                const char *unit,
                const char *formed,
                const char *published)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (f->store, key, "督查测试记录", &error);

  g_assert_no_error (error);
  gk_record_set_unit_id (record, unit != NULL ? gk_store_find_unit (f->store, unit, NULL) : 0);
  if (unit != NULL)
    g_assert_cmpint (gk_record_get_unit_id (record), !=, 0);
  gk_record_set_formed_on (record, formed);
  g_assert_true (gk_store_save_record (f->store, record, &error));
  g_assert_no_error (error);
  if (published != NULL)
    {
      g_assert_true (gk_store_set_status (f->store, record, GK_STATUS_PUBLISHED, published, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&record);
}

static void
assert_row (GkSupervisionRow     *row,
            GkSupervisionRowKind  kind,
            const char           *domain,
            const char           *unit,
            guint                 due,
            guint                 on_time,
            guint                 late,
            guint                 late_workdays,
            guint                 overdue,
            guint                 pending)
{
  g_assert_cmpint (row->kind, ==, kind);
  g_assert_cmpstr (row->domain, ==, domain);
  g_assert_cmpstr (row->unit_name, ==, unit);
  g_assert_cmpuint (row->due, ==, due);
  g_assert_cmpuint (row->on_time, ==, on_time);
  g_assert_cmpuint (row->late, ==, late);
  g_assert_cmpuint (row->late_workdays, ==, late_workdays);
  g_assert_cmpuint (row->overdue, ==, overdue);
  g_assert_cmpuint (row->pending, ==, pending);
}

/* The supervision report: every unit × domain with something due in the
 * period, counted as of a fixed day, with totals; and the query of what is
 * overdue or due soon. Formed 2025-09-01 (Monday), a record is due on
 * Sunday 2025-09-28, a make-up working day before the National Day week. */
static void
test_supervision_report (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GkRecord) exempt = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) open = NULL;
  guint count = 0;
  static const struct { GkPeriod period; const char *today, *from, *to; } periods[] = {
    { GK_PERIOD_THIS_MONTH, "2025-11-20", "2025-11-01", "2025-11-30" },
    { GK_PERIOD_THIS_MONTH, "2024-02-10", "2024-02-01", "2024-02-29" },
    { GK_PERIOD_THIS_QUARTER, "2025-11-20", "2025-10-01", "2025-12-31" },
    { GK_PERIOD_THIS_QUARTER, "2025-05-15", "2025-04-01", "2025-06-30" },
    { GK_PERIOD_THIS_QUARTER, "2025-01-01", "2025-01-01", "2025-03-31" },
    { GK_PERIOD_THIS_YEAR, "2025-11-20", "2025-01-01", "2025-12-31" },
    { GK_PERIOD_LAST_YEAR, "2025-11-20", "2024-01-01", "2024-12-31" },
  };

  gk_test_add_plain_item (f->store, "test.sup-procurement", "procurement");
  gk_test_add_plain_item (f->store, "test.sup-bidding", "bidding");

#define ADD(key, unit, formed, published) \
  g_ptr_array_add (records, add_due_record (f, key, unit, formed, published))
  /* 区财政局, procurement: two on time (one on the due day itself), one
   * late by 4 working days (29, 30 September, 9, 10 October), one
   * overdue, one not yet due (due 2025-12-15). */
  ADD ("test.sup-procurement", "区财政局", "2025-09-01", "2025-09-26");
  ADD ("test.sup-procurement", "区财政局", "2025-09-01", "2025-09-28");
  ADD ("test.sup-procurement", "区财政局", "2025-09-01", "2025-10-10");
  ADD ("test.sup-procurement", "区财政局", "2025-09-01", NULL);
  ADD ("test.sup-procurement", "区财政局", "2025-11-17", NULL);
  /* 区住建局, procurement: late by 3 working days. */
  ADD ("test.sup-procurement", "区住建局", "2025-09-01", "2025-10-09");
  /* Bidding: 区发改局 overdue; a record without a unit, on time. */
  ADD ("test.sup-bidding", "区发改局", "2025-09-01", NULL);
  ADD ("test.sup-bidding", NULL, "2025-09-01", "2025-09-02");
  /* Due in 2024: overdue, but outside the period. */
  ADD ("test.sup-procurement", "区财政局", "2024-06-03", NULL);
#undef ADD
  g_assert_cmpstr (gk_record_get_due_on (((GkRecord *) g_ptr_array_index (records, 0))), ==, "2025-09-28");
  g_assert_cmpstr (gk_record_get_due_on (((GkRecord *) g_ptr_array_index (records, 4))), ==, "2025-12-15");

  /* Not disclosed: no deadline, so not counted. */
  exempt = add_due_record (f, "test.sup-procurement", "区财政局", "2025-09-01", NULL);
  gk_record_set_mode (exempt, GK_MODE_EXEMPT);
  gk_record_set_exemption (exempt, "commercial-secret");
  g_assert_true (gk_store_save_record (f->store, exempt, &error));
  g_assert_no_error (error);
  g_assert_null (gk_record_get_due_on (exempt));

  rows = gk_store_supervision_report (f->store, "2025-01-01", "2025-12-31", "2025-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 7);
  /* Domains in sidebar order, units in their order, a record without a unit last. */
  assert_row (g_ptr_array_index (rows, 0), GK_SUPERVISION_ROW_UNIT, "procurement", "区住建局", 1, 0, 1, 3, 0, 0);
  assert_row (g_ptr_array_index (rows, 1), GK_SUPERVISION_ROW_UNIT, "procurement", "区财政局", 5, 2, 1, 4, 1, 1);
  assert_row (g_ptr_array_index (rows, 2), GK_SUPERVISION_ROW_DOMAIN_TOTAL, "procurement", NULL, 6, 2, 2, 7, 1, 1);
  assert_row (g_ptr_array_index (rows, 3), GK_SUPERVISION_ROW_UNIT, "bidding", "区发改局", 1, 0, 0, 0, 1, 0);
  assert_row (g_ptr_array_index (rows, 4), GK_SUPERVISION_ROW_UNIT, "bidding", NULL, 1, 1, 0, 0, 0, 0);
  assert_row (g_ptr_array_index (rows, 5), GK_SUPERVISION_ROW_DOMAIN_TOTAL, "bidding", NULL, 2, 1, 0, 0, 1, 0);
  assert_row (g_ptr_array_index (rows, 6), GK_SUPERVISION_ROW_TOTAL, NULL, NULL, 8, 3, 2, 7, 2, 1);
  g_assert_cmpuint (((GkSupervisionRow *) g_ptr_array_index (rows, 4))->unit_id, ==, 0);
  g_assert_cmpstr (((GkSupervisionRow *) g_ptr_array_index (rows, 0))->domain_name, ==, "政府采购");

  /* The same rows as files to hand in: CSV with Chinese labels, a workbook. */
  {
    g_autofree char *dir = g_dir_make_tmp ("gongkai-supervision-XXXXXX", NULL);
    g_autofree char *csv_path = g_build_filename (dir, "督查.csv", NULL);
    g_autofree char *xlsx_path = g_build_filename (dir, "督查.xlsx", NULL);
    g_autofree char *csv = NULL;
    g_autofree char *xlsx = NULL;
    g_autofree char *text = NULL;
    gsize xlsx_length = 0;
    GkSupervisionExportFormat format;

    g_assert_true (gk_supervision_export_format_for_path (csv_path, &format));
    g_assert_true (gk_supervision_export_write (rows, "2025-01-01", "2025-12-31", "2025-11-20", format, csv_path, &error));
    g_assert_no_error (error);
    g_assert_true (gk_supervision_export_format_for_path (xlsx_path, &format));
    g_assert_true (gk_supervision_export_write (rows, "2025-01-01", "2025-12-31", "2025-11-20", format, xlsx_path, &error));
    g_assert_no_error (error);
    g_assert_false (gk_supervision_export_format_for_path ("督查.pdf", &format));

    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"领域\",\"责任单位\""));
    g_assert_nonnull (strstr (csv, "\"政府采购\",\"区财政局\",\"5\",\"2\",\"1\",\"1\",\"1\""));
    g_assert_nonnull (strstr (csv, "\"工程建设项目招标投标\",\"（未指定）\""));
    g_assert_nonnull (strstr (csv, "\"合计\",\"全部单位\",\"8\""));
    g_assert_true (g_file_get_contents (xlsx_path, &xlsx, &xlsx_length, NULL));
    g_assert_cmpuint (xlsx_length, >, 4);
    g_assert_true (memcmp (xlsx, "PK", 2) == 0);
    text = gk_supervision_export_dup_text (rows, "2025-01-01", "2025-12-31", "2025-11-20", &error);
    g_assert_nonnull (strstr (text, "\n政府采购\t区财政局\t5\t"));
    gk_test_remove_tree (dir);
  }

  /* The rate leaves out what is not yet due. */
  g_assert_cmpfloat_with_epsilon (gk_supervision_row_get_rate (g_ptr_array_index (rows, 1)), 2.0 / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (gk_supervision_row_get_rate (g_ptr_array_index (rows, 0)), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gk_supervision_row_get_rate (g_ptr_array_index (rows, 6)), 3.0 / 7, 1e-9);

  /* The same ledger a day before the due date: nothing overdue yet. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = gk_store_supervision_report (f->store, "2025-09-01", "2025-09-30", "2025-09-27", &error);
  g_assert_no_error (error);
  assert_row (g_ptr_array_index (rows, rows->len - 1), GK_SUPERVISION_ROW_TOTAL, NULL, NULL, 7, 3, 2, 7, 0, 2);

  /* A period with nothing due: the total alone, with no rate. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = gk_store_supervision_report (f->store, "2030-01-01", "2030-12-31", "2025-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (g_ptr_array_index (rows, 0), GK_SUPERVISION_ROW_TOTAL, NULL, NULL, 0, 0, 0, 0, 0, 0);
  g_assert_true (isnan (gk_supervision_row_get_rate (g_ptr_array_index (rows, 0))));

  /* A period that ends before it begins, or is not a date, is refused. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_null (gk_store_supervision_report (f->store, "2025-12-31", "2025-01-01", NULL, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gk_store_supervision_report (f->store, "2025-1-1", "2025-12-31", NULL, &error));
  g_assert_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      g_assert_true (gk_period_get_range (periods[i].period, periods[i].today, &from, &to, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (from, ==, periods[i].from);
      g_assert_cmpstr (to, ==, periods[i].to);
    }

  /* Overdue and due soon in one list: unpublished and due by a day, the
   * most urgent first; published and exempt records are not in it. */
  query->open_due_by = g_strdup ("2025-12-15");
  query->sort = GK_SORT_DUE;
  g_assert_true (gk_store_count (f->store, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);
  open = gk_store_query (f->store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 4);
  g_assert_cmpstr (gk_record_get_due_on (((GkRecord *) g_ptr_array_index (open, 0))), <, "2025-01-01");
  g_assert_cmpstr (gk_record_get_due_on (((GkRecord *) g_ptr_array_index (open, 1))), ==, "2025-09-28");
  g_assert_cmpstr (gk_record_get_due_on (((GkRecord *) g_ptr_array_index (open, 3))), ==, "2025-12-15");

  /* …and a unit's share of it. */
  query->unit_id = gk_store_find_unit (f->store, "区发改局", NULL);
  g_assert_true (gk_store_count (f->store, query, &count, &error));
  g_assert_cmpuint (count, ==, 1);
  g_clear_pointer (&query->open_due_by, g_free);
  query->open_due_by = g_strdup ("2025-09-27");
  g_assert_true (gk_store_count (f->store, query, &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

/* The channels' store API: one transaction, history per change, refusals before writing. */
static void
test_channels (Fixture       *fixture,
               gconstpointer  data)
{
  GkStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (store, "procurement.result", NULL, &error);
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gboolean changed = FALSE;
  guint n_history;

  g_assert_no_error (error);
  history = gk_store_get_history (store, gk_record_get_uuid (record), NULL);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  g_ptr_array_add (channels, gk_record_channel_new ("政府门户网站", "2025-03-11", "https://www.example.gov.cn/1"));
  g_ptr_array_add (channels, gk_record_channel_new ("河北政府采购网", NULL, "http://www.ccgp-hebei.gov.cn/"));
  g_ptr_array_add (channels, gk_record_channel_new ("政务微信", NULL, NULL));  /* unused: not stored */
  g_assert_true (gk_store_set_record_channels (store, gk_record_get_uuid (record), channels, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  stored = gk_store_get_record_channels (store, gk_record_get_uuid (record), &error);
  g_assert_cmpuint (stored->len, ==, 2);

  /* The same again changes nothing. */
  g_assert_true (gk_store_set_record_channels (store, gk_record_get_uuid (record), channels, &changed, &error));
  g_assert_false (changed);

  /* Refused whole: an impossible date, a channel twice. */
  g_ptr_array_add (channels, gk_record_channel_new ("政务微博", "2025-02-30", NULL));
  g_assert_false (gk_store_set_record_channels (store, gk_record_get_uuid (record), channels, &changed, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (channels, channels->len - 1);
  g_ptr_array_add (channels, gk_record_channel_new ("政府门户网站", "2025-03-12", NULL));
  g_assert_false (gk_store_set_record_channels (store, gk_record_get_uuid (record), channels, &changed, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (channels, channels->len - 1);

  /* One removed, one changed: two history entries. */
  g_ptr_array_remove_index (channels, 1);
  g_free (((GkRecordChannel *) g_ptr_array_index (channels, 0))->published_on);
  ((GkRecordChannel *) g_ptr_array_index (channels, 0))->published_on = g_strdup ("2025-03-12");
  g_assert_true (gk_store_set_record_channels (store, gk_record_get_uuid (record), channels, &changed, &error));
  g_assert_true (changed);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = gk_store_get_record_channels (store, gk_record_get_uuid (record), &error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((GkRecordChannel *) g_ptr_array_index (stored, 0))->published_on, ==, "2025-03-12");

  history = gk_store_get_history (store, gk_record_get_uuid (record), NULL);
  g_assert_cmpuint (history->len, ==, n_history + 4);
  {
    const GkHistoryEntry *last = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpstr (last->field, ==, "channels.政府门户网站");
    g_assert_cmpstr (last->old_value, ==, "2025-03-11 · https://www.example.gov.cn/1");
    g_assert_cmpstr (last->new_value, ==, "2025-03-12 · https://www.example.gov.cn/1");
  }

  /* An unknown record. */
  g_assert_null (gk_store_get_record_channels (store, "no-such-uuid", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
}

/* A record deleted pending an undo is out of every figure and list the
 * supervision view shows, and back in them after the undo. */
static void
test_hidden_records (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) overdue = NULL;
  g_autoptr(GkRecord) on_time = NULL;
  g_autoptr(GkRecord) late = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  guint total = 0, n_overdue = 0, count = 0;

  gk_test_add_plain_item (f->store, "test.sup-procurement", "procurement");
  overdue = add_due_record (f, "test.sup-procurement", "区财政局", "2025-09-01", NULL);
  on_time = add_due_record (f, "test.sup-procurement", "区财政局", "2025-09-01", "2025-09-26");
  late = add_due_record (f, "test.sup-procurement", "区财政局", "2025-09-01", "2025-10-10");
  query->open_due_by = g_strdup ("2025-12-31");
  query->unit_id = gk_store_find_unit (f->store, "区财政局", &error);
  g_assert_no_error (error);

  for (int hidden = 0; hidden < 3; hidden++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) open = NULL;

      /* Hide the overdue and the on-time record; then undo both. */
      if (hidden == 1)
        {
          gk_store_hide_record (f->store, gk_record_get_uuid (overdue));
          gk_store_hide_record (f->store, gk_record_get_uuid (on_time));
        }
      else if (hidden == 2)
        {
          gk_store_unhide_record (f->store, gk_record_get_uuid (overdue));
          gk_store_unhide_record (f->store, gk_record_get_uuid (on_time));
        }

      rows = gk_store_supervision_report (f->store, "2025-01-01", "2025-12-31", "2025-11-20", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 3);
      if (hidden == 1)
        {
          assert_row (g_ptr_array_index (rows, 0), GK_SUPERVISION_ROW_UNIT, "procurement", "区财政局", 1, 0, 1, 4, 0, 0);
          assert_row (g_ptr_array_index (rows, 2), GK_SUPERVISION_ROW_TOTAL, NULL, NULL, 1, 0, 1, 4, 0, 0);
        }
      else
        {
          assert_row (g_ptr_array_index (rows, 0), GK_SUPERVISION_ROW_UNIT, "procurement", "区财政局", 3, 1, 1, 4, 1, 0);
          assert_row (g_ptr_array_index (rows, 2), GK_SUPERVISION_ROW_TOTAL, NULL, NULL, 3, 1, 1, 4, 1, 0);
        }

      g_assert_true (gk_store_count_domain (f->store, "procurement", "2025-11-20", &total, &n_overdue, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (total, ==, hidden == 1 ? 1 : 3);
      g_assert_cmpuint (n_overdue, ==, hidden == 1 ? 0 : 1);

      g_assert_true (gk_store_count (f->store, query, &count, &error));
      g_assert_no_error (error);
      open = gk_store_query (f->store, query, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, hidden == 1 ? 0 : 1);
      g_assert_cmpuint (open->len, ==, count);
    }
}

/* The sample ledger gives every record one of its item's units (by name:
 * the ledger's units are rows, an item names them), over every item. */
static void
test_demo_units (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) units_used = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (gk_demo_fill (f->store, 400, 7, &error));
  g_assert_no_error (error);

  records = gk_store_query (f->store, query, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 400);
  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GkItem) item = gk_store_get_item_by_id (f->store, gk_record_get_item_id (record), &error);

      g_assert_no_error (error);
      if (gk_record_get_unit_name (record) == NULL || !gk_item_has_unit (item, gk_record_get_unit_name (record)))
        g_error ("%s (%s): unit “%s” is none of the item's units", gk_record_get_title (record), gk_item_get_key (item),
                 gk_record_get_unit_name (record) != NULL ? gk_record_get_unit_name (record) : "(none)");
      gint64 item_id = gk_record_get_item_id (record);

      g_hash_table_add (seen, g_memdup2 (&item_id, sizeof item_id));
      g_hash_table_add (units_used, (gpointer) gk_record_get_unit_name (record));
    }

  /* Every item has records, and its units are not all one. */
  items = gk_store_list_items (f->store, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = gk_item_get_id (g_ptr_array_index (items, i));

      g_assert_true (g_hash_table_contains (seen, &id));
    }
  g_assert_cmpuint (g_hash_table_size (units_used), >, 3);
}

/* A record created through the store gets its item's first unit, for
 * every item the default catalog has. */
static void
test_new_record_unit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = gk_store_list_items (f->store, NULL, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 20);
  for (guint i = 0; i < items->len; i++)
    {
      GkItem *item = g_ptr_array_index (items, i);
      g_autoptr(GkRecord) record = gk_store_create_record (f->store, gk_item_get_key (item), NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (gk_item_get_units (item)[0]);
      g_assert_cmpstr (gk_record_get_unit_name (record), ==, gk_item_get_units (item)[0]);
      g_assert_cmpint (gk_record_get_unit_id (record), ==, gk_store_find_unit (f->store, gk_item_get_units (item)[0], NULL));
    }
}

/* Items are read and their fields parsed once, until an item is saved;
 * the item read before a save stays as it was. */
static void
test_item_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) first = NULL;
  g_autoptr(GkItem) again = NULL;
  g_autoptr(GkItem) edited = NULL;
  g_autoptr(GkItem) saved = NULL;
  g_autoptr(GkSchema) schema = NULL;
  guint parses;

  gk_store_forget_items (f->store);
  parses = gk_store_get_n_schema_parses (f->store);
  first = gk_store_get_item (f->store, "procurement.result", &error);
  g_assert_no_error (error);
  again = gk_store_get_item_by_id (f->store, gk_item_get_id (first), &error);
  g_assert_no_error (error);
  schema = gk_store_get_item_schema (f->store, gk_item_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_true (schema == gk_item_get_schema (first));
  g_assert_cmpuint (gk_store_get_n_schema_parses (f->store), ==, parses + 1);

  edited = gk_item_copy (first);
  gk_item_set_units (edited, (const char *[]) { "区财政局", "区审计局", NULL });
  g_assert_true (gk_store_save_item (f->store, edited, &error));
  g_assert_no_error (error);
  saved = gk_store_get_item (f->store, "procurement.result", &error);
  g_assert_no_error (error);
  g_assert_true (saved != first);
  g_assert_cmpstrv (gk_item_get_units (saved), ((const char *[]) { "区财政局", "区审计局", NULL }));
  g_assert_cmpstr (gk_item_get_units (first)[0], ==, "区财政局");
  g_assert_cmpuint (g_strv_length ((GStrv) gk_item_get_units (first)), ==, 1);
  g_assert_true (gk_schema_equal (gk_item_get_schema (saved), schema));

  g_assert_null (gk_store_get_item_schema (f->store, 999999, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
}

/* What needs attention first: open records by due date, so the overdue
 * lead, then everything else newest first. */
static void
test_attention_sort (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *today = gk_today ();
  const char *previous = NULL;
  gboolean in_rest = FALSE;
  guint n_open = 0;

  g_assert_true (gk_demo_fill (f->store, 200, 5, &error));
  g_assert_no_error (error);
  query->sort = GK_SORT_ATTENTION;
  records = gk_store_query (f->store, query, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 200);

  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      gboolean open = gk_record_get_published_on (record) == NULL && gk_record_get_due_on (record) != NULL;

      if (open)
        {
          g_assert_false (in_rest);
          if (previous != NULL)
            g_assert_cmpstr (previous, <=, gk_record_get_due_on (record));
          previous = gk_record_get_due_on (record);
          n_open++;
        }
      else
        {
          if (in_rest)
            g_assert_cmpstr (previous, >=, gk_record_get_formed_on (record));
          in_rest = TRUE;
          previous = gk_record_get_formed_on (record);
        }
    }

  /* The sample has overdue records, and they come first. */
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpstr (gk_record_get_due_on (g_ptr_array_index (records, 0)), <, today);
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, >=, *last);
  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
on_rebuilt (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *finished = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_store_rebuild_search_index_finish (GK_STORE (source), result, &error));
  g_assert_no_error (error);
  *finished = TRUE;
}

/* An outdated search index waits for the worker, which rebuilds it on a
 * connection of its own, batch by batch, reporting how far it is. */
static void
test_index_deferred (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) reopened = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  guint last = 0;
  gboolean finished = FALSE;

  for (guint i = 0; i < 230; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u号公告", i);
      g_autoptr(GkRecord) record = gk_store_create_record (f->store, "procurement.notice", title, &error);

      g_assert_no_error (error);
    }
  g_assert_true (gk_store_set_setting (f->store, "search-index-version", "1", &error));

  reopened = gk_store_open_deferring_index (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_get_search_index_pending (reopened));
  gk_store_rebuild_search_index_async (reopened, count_progress, &last, NULL, on_rebuilt, &finished);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (last, ==, 230);
  g_assert_false (gk_store_get_search_index_pending (reopened));

  query->text = g_strdup ("第229号");
  found = gk_store_query (reopened, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  /* An up-to-date index leaves nothing pending. */
  g_clear_object (&reopened);
  reopened = gk_store_open_deferring_index (f->path, &error);
  g_assert_false (gk_store_get_search_index_pending (reopened));
}

/* The records of every search text, as a string of their ids. */
static char *
search_answers (GkStore            *store,
                const char * const *texts)
{
  GString *answers = g_string_new (NULL);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(GkQuery) query = gk_query_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      query->text = g_strdup (texts[i]);
      query->sort = GK_SORT_TITLE;
      found = gk_store_query (store, query, 0, 1000, &error);
      g_assert_no_error (error);
      g_string_append_printf (answers, "%s:", texts[i]);
      for (guint j = 0; j < found->len; j++)
        g_string_append_printf (answers, " %" G_GINT64_FORMAT, gk_record_get_id (g_ptr_array_index (found, j)));
      g_string_append_c (answers, '\n');
    }
  return g_string_free (answers, FALSE);
}

static void
assert_fts_whole (GkStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_db_exec (gk_store_get_db (store),
                             "INSERT INTO records_fts (records_fts) VALUES ('integrity-check');"
                             "INSERT INTO records_chars (records_chars) VALUES ('integrity-check')",
                             &error));
  g_assert_no_error (error);
}

static guint
n_search_pending (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (gk_store_count_search_pending (store, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* A large import leaves its records out of the full-text indexes, for a
 * pass after its commit; a search meanwhile reads their text and finds
 * exactly what the indexes find once they hold them. */
static void
test_search_pending (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const texts[] = {
    "公租房分配结果公示", "建北街道保障性住房分配对象名单：王秀英",
    "Ärger im Amt ABC", "第12号·ΣΑΣ Straße ϐ", "采，购 人", "say \"hi\" 100%_done",
    "ⱥȺ9 CABZ-2026-0012", "道路改造\n工程招标", "",
    "ſtraße \u212Aelvin İstanbul ıi",
  };
  static const char * const searches[] = {
    "房", "公示", "保障性", "分配结果", "王秀英", "骗", "ärger", "ÄRGER", "rger im", "abc", "AB", "b",
    "σας", "ΣΑΣ", "σα", "ς", "ϐ", "Β", "straße", "STRASSE", "采购", "采，购", "购人", "\"hi\"", "hi", "100%", "0%_",
    "_", "%", "ⱥ", "Ⱥ9", "ⱥⱥ9", "cabz-2026", "2026-0012", "12号", "改造工程", "造\n工", "第 号",
    "公示 名单", "分配 王", "im", "m a", "路改", "招标", "无此内容", "示建", "单r", "e第",
    "s", "st", "k", "kel", "KELVIN", "i", "is", "ii", "ı", "İ",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pending_answers = NULL;
  g_autofree char *indexed_answers = NULL;
  g_autofree char *reopened_answers = NULL;
  g_autoptr(GkStore) reopened = NULL;
  GkDb *db = gk_store_get_db (f->store);
  gboolean finished = FALSE;
  guint last = 0;

  /* An import's transaction, as gk_exchange_read() and gk_import_run()
   * make it, with every batch counted as large. */
  f->store->index_now_max = 0;
  g_assert_true (gk_db_begin (db, &error));
  gk_store_defer_indexing (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = first_item_key (f->store, i % 2 ? "procurement" : "housing-allocation");
      GkRecord *record = gk_store_create_record (f->store, key, texts[i], &error);

      g_assert_no_error (error);
      /* (One of them with an empty body: a save that changes nothing.) */
      gk_record_set_body (record, texts[(i + 1) % G_N_ELEMENTS (texts)]);
      g_assert_true (gk_store_save_record (f->store, record, &error));
      g_assert_no_error (error);
      g_ptr_array_add (records, record);
    }
  g_assert_true (gk_store_flush_indexing (f->store, &error));
  g_assert_true (gk_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_search_pending (f->store), ==, G_N_ELEMENTS (texts));

  /* A record changed and one deleted while they wait. */
  gk_record_set_title (g_ptr_array_index (records, 0), "公租房分配结果公告");
  g_assert_true (gk_store_save_record (f->store, g_ptr_array_index (records, 0), &error));
  g_assert_true (gk_store_delete_record (f->store, gk_record_get_uuid (g_ptr_array_index (records, 8)), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_search_pending (f->store), ==, G_N_ELEMENTS (texts) - 2);

  pending_answers = search_answers (f->store, searches);
  g_assert_true (gk_store_index_pending (f->store, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_search_pending (f->store), ==, 0);
  assert_fts_whole (f->store);
  indexed_answers = search_answers (f->store, searches);
  g_assert_cmpstr (pending_answers, ==, indexed_answers);
  /* Not an empty comparison: most searches find something. */
  g_assert_nonnull (strstr (indexed_answers, "ärger: 3 2\n"));
  g_assert_nonnull (strstr (indexed_answers, "采购: 4 5\n"));

  /* Left pending by an import through another connection: opening the
   * ledger indexes them; a window's store finds them and defers. */
  g_assert_true (gk_db_exec (db, "INSERT INTO search_pending (id) SELECT id FROM records_search;"
                                 "INSERT INTO records_fts (records_fts) VALUES ('delete-all');"
                                 "INSERT INTO records_chars (records_chars) VALUES ('delete-all')", &error));
  g_assert_no_error (error);
  reopened = gk_store_open_deferring_index (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_get_search_index_pending (reopened));
  reopened_answers = search_answers (reopened, searches);
  g_assert_cmpstr (reopened_answers, ==, indexed_answers);
  g_clear_pointer (&reopened_answers, g_free);
  g_clear_object (&reopened);
  reopened = gk_store_open_existing (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (gk_store_get_search_index_pending (reopened));
  g_assert_cmpuint (n_search_pending (reopened), ==, 0);
  reopened_answers = search_answers (reopened, searches);
  g_assert_cmpstr (reopened_answers, ==, indexed_answers);
  assert_fts_whole (reopened);

  /* The window's worker: on its own connection, while the window's store
   * reads; reloading tells the store of what another import left. */
  g_assert_true (gk_db_exec (db, "INSERT INTO search_pending (id) SELECT id FROM records_search;"
                                 "INSERT INTO records_fts (records_fts) VALUES ('delete-all');"
                                 "INSERT INTO records_chars (records_chars) VALUES ('delete-all')", &error));
  g_assert_false (gk_store_get_search_index_pending (reopened));
  gk_store_reload (reopened);
  g_assert_true (gk_store_get_search_index_pending (reopened));
  gk_store_rebuild_search_index_async (reopened, count_progress, &last, NULL, on_rebuilt, &finished);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (last, ==, G_N_ELEMENTS (texts) - 1);
  g_assert_false (gk_store_get_search_index_pending (reopened));
  g_assert_cmpuint (n_search_pending (reopened), ==, 0);
  assert_fts_whole (reopened);
  g_clear_pointer (&reopened_answers, g_free);
  reopened_answers = search_answers (reopened, searches);
  g_assert_cmpstr (reopened_answers, ==, indexed_answers);
}

/* The records not yet indexed are searched with FTS5's folding and its
 * character tokens, character for character: checked here against FTS5's
 * own tokenizers for every character of Unicode's first two planes. */
static void
test_search_fold (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL, *vocab = NULL;
  g_autoptr(GHashTable) terms = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n_folded = 0, n_tokens = 0;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE tri USING fts5 (x, tokenize = 'trigram');"
                                 "CREATE VIRTUAL TABLE uni USING fts5 (x, tokenize = 'unicode61 remove_diacritics 0');"
                                 "CREATE VIRTUAL TABLE tri_v USING fts5vocab (tri, 'instance');"
                                 "CREATE VIRTUAL TABLE uni_v USING fts5vocab (uni, 'instance');"
                                 "BEGIN",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* The trigram index: "##" and the character. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tri (rowid, x) VALUES (?1, ?2)", -1, &insert, NULL), ==, SQLITE_OK);
  for (gunichar c = 0x80; c < 0x20000; c++)
    {
      char text[8] = "##";

      if (!g_unichar_validate (c))
        continue;
      text[2 + g_unichar_to_utf8 (c, text + 2)] = '\0';
      sqlite3_bind_int64 (insert, 1, c);
      sqlite3_bind_text (insert, 2, text, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);
  /* The character index: the text gk_text_to_chars() makes of it. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO uni (rowid, x) VALUES (?1, ?2)", -1, &insert, NULL), ==, SQLITE_OK);
  for (gunichar c = 0x80; c < 0x20000; c++)
    {
      char text[8];
      g_autofree char *chars = NULL;

      if (!g_unichar_validate (c))
        continue;
      text[g_unichar_to_utf8 (c, text)] = '\0';
      chars = gk_text_to_chars (text);
      sqlite3_bind_int64 (insert, 1, c);
      sqlite3_bind_text (insert, 2, chars, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT doc, term FROM tri_v", -1, &vocab, NULL), ==, SQLITE_OK);
  while (sqlite3_step (vocab) == SQLITE_ROW)
    {
      gunichar c = (gunichar) sqlite3_column_int64 (vocab, 0);
      gunichar folded = g_utf8_get_char ((const char *) sqlite3_column_text (vocab, 1) + 2);

      if (gk_search_fold_char (c) != folded)
        g_error ("U+%04X: FTS5 folds it to U+%04X, the search to U+%04X", c, folded, gk_search_fold_char (c));
      /* The search looks for an ASCII letter where these stand too. */
      if (folded < 0x80 && c != 0x17f && c != 0x212a)
        g_error ("U+%04X folds to ASCII", c);
      /* Searched for as it is only if nothing else folds to it. */
      if (folded != c && gk_search_is_caseless_char (folded))
        g_error ("U+%04X folds to U+%04X, which is taken to have no case", c, folded);
      n_folded++;
    }
  sqlite3_finalize (vocab);

  /* Every character: a token of the same text, or none. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT doc, term FROM uni_v", -1, &vocab, NULL), ==, SQLITE_OK);
  while (sqlite3_step (vocab) == SQLITE_ROW)
    g_hash_table_insert (terms, GINT_TO_POINTER (sqlite3_column_int (vocab, 0)),
                         g_strdup ((const char *) sqlite3_column_text (vocab, 1)));
  sqlite3_finalize (vocab);
  for (gunichar c = 0x80; c < 0x20000; c++)
    {
      const char *term = g_hash_table_lookup (terms, GINT_TO_POINTER (c));
      gunichar token = 0;
      gboolean is_token;

      if (!g_unichar_validate (c))
        continue;
      is_token = gk_search_token_char (c, &token);
      if (is_token != (term != NULL) || (term != NULL && (g_utf8_strlen (term, -1) != 1 || g_utf8_get_char (term) != token)))
        g_error ("U+%04X: FTS5's token %s, the search's %s U+%04X", c, term != NULL ? term : "(none)",
                 is_token ? "" : "none", token);
      /* The search looks for an ASCII letter where these stand too, and
       * for a token without case only where it stands itself. */
      if (is_token && token < 0x80 && c != 0x130 && c != 0x17f && c != 0x212a)
        g_error ("U+%04X is the token %c", c, token);
      if (is_token && token != c && gk_search_is_caseless_char (token))
        g_error ("U+%04X is the token U+%04X, which is taken to have no case", c, token);
      n_tokens += is_token;
    }
  sqlite3_close (db);

  /* Not an empty comparison. */
  g_assert_cmpuint (n_folded, >, 100000);
  g_assert_cmpuint (n_tokens, >, 50000);
}

/* The character index's text: one token per character, lower-cased,
 * whatever script; punctuation and spaces become one phrase break. */
static void
test_search_chars (void)
{
  static const struct { const char *text, *chars; } cases[] = {
    { "ABC，中文 Ärger!", "a b c  . 中 文  . ä r g e r  . " },
    /* Ⱥ lower-cases to a longer UTF-8 sequence; full-width space, middle dot. */
    { "Ⱥ9\u3000第12号·ΣΑΣ", "ⱥ 9  . 第 1 2 号  . σ α σ " },
    { "..a", "a " },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *chars = gk_text_to_chars (cases[i].text);

      g_assert_cmpstr (chars, ==, cases[i].chars);
    }
}

/* Every change a published page shows raises the revision of its record
 * (0: every page) above all before it, and a re-publish since a revision
 * lists exactly those records. */
static GArray *
changes_since (Fixture *f,
               gint64  *revision)
{
  g_autoptr(GError) error = NULL;
  gint64 now = gk_store_get_bundle_revision (f->store, &error);
  GArray *ids;

  g_assert_no_error (error);
  g_assert_cmpint (now, >, *revision);
  ids = gk_store_list_bundle_changes (f->store, *revision, &error);
  g_assert_no_error (error);
  *revision = now;
  return ids;
}

static void
assert_changed (Fixture    *f,
                gint64     *revision,
                guint       n,
                ...)
{
  g_autoptr(GArray) ids = changes_since (f, revision);
  va_list args;

  g_assert_cmpuint (ids->len, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, va_arg (args, gint64));
  va_end (args);
}

static void
test_bundle_revisions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) a = NULL;
  g_autoptr(GkRecord) b = NULL;
  gint64 revision, unit;

  revision = gk_store_get_bundle_revision (f->store, &error);
  g_assert_no_error (error);

  a = create (f, "procurement", "办公设备采购公告", NULL);
  assert_changed (f, &revision, 1, gk_record_get_id (a));
  b = create (f, "bidding", "道路改造工程招标公告", NULL);
  assert_changed (f, &revision, 1, gk_record_get_id (b));

  gk_record_set_title (a, "办公设备采购公告（更正）");
  g_assert_true (gk_store_save_record (f->store, a, &error));
  g_assert_no_error (error);
  assert_changed (f, &revision, 1, gk_record_get_id (a));

  /* A unit's name shows on its records' pages. */
  unit = gk_store_add_unit (f->store, "修订测试科", &error);
  g_assert_no_error (error);
  gk_record_set_unit_id (b, unit);
  g_assert_true (gk_store_save_record (f->store, b, &error));
  assert_changed (f, &revision, 1, gk_record_get_id (b));
  g_assert_true (gk_store_update_unit (f->store, unit, "修订测试二科", FALSE, &error));
  g_assert_no_error (error);
  assert_changed (f, &revision, 1, gk_record_get_id (b));

  /* Preferences show on every page, set the first time and after. */
  g_assert_true (gk_store_set_setting (f->store, "bundle-test", "1", &error));
  g_assert_no_error (error);
  assert_changed (f, &revision, 1, (gint64) 0);
  g_assert_true (gk_store_set_setting (f->store, "bundle-test", "2", &error));
  g_assert_no_error (error);
  assert_changed (f, &revision, 1, (gint64) 0);

  /* A deleted record keeps its row: the next publish removes its page. */
  g_assert_true (gk_store_delete_record (f->store, gk_record_get_uuid (a), &error));
  g_assert_no_error (error);
  assert_changed (f, &revision, 1, gk_record_get_id (a));

  /* Several changes in one transaction: each record once, all of them newer. */
  g_assert_true (gk_db_begin (gk_store_get_db (f->store), &error));
  gk_record_set_title (b, "道路改造工程招标公告（更正）");
  g_assert_true (gk_store_save_record (f->store, b, &error));
  g_assert_true (gk_store_set_setting (f->store, "bundle-test", "3", &error));
  g_assert_true (gk_db_commit (gk_store_get_db (f->store), &error));
  g_assert_no_error (error);
  assert_changed (f, &revision, 2, (gint64) 0, gk_record_get_id (b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add ("/store/schema", Fixture, NULL, fixture_setup, test_schema_created, fixture_teardown);
  g_test_add ("/store/crud-history", Fixture, NULL, fixture_setup, test_crud_history, fixture_teardown);
  g_test_add ("/store/status-change", Fixture, NULL, fixture_setup, test_status_and_change, fixture_teardown);
  g_test_add ("/store/request-deadline", Fixture, NULL, fixture_setup, test_request_deadline, fixture_teardown);
  g_test_add ("/store/exemption", Fixture, NULL, fixture_setup, test_exemption, fixture_teardown);
  g_test_add ("/store/deadline/start-field", Fixture, NULL, fixture_setup, test_deadline_start_field, fixture_teardown);
  g_test_add ("/store/deadline/calendar-days", Fixture, NULL, fixture_setup, test_deadline_calendar_days, fixture_teardown);
  g_test_add ("/store/deadline/proactive-item-mode", Fixture, NULL, fixture_setup, test_proactive_item_mode, fixture_teardown);
  g_test_add ("/store/request-impossible-events", Fixture, NULL, fixture_setup, test_request_impossible_events, fixture_teardown);
  g_test_add ("/store/index-numbers", Fixture, NULL, fixture_setup, test_index_numbers, fixture_teardown);
  g_test_add ("/store/index-year-of-formation", Fixture, NULL, fixture_setup, test_index_year_of_formation, fixture_teardown);
  g_test_add ("/store/register-numbers", Fixture, NULL, fixture_setup, test_register_numbers, fixture_teardown);
  g_test_add ("/store/exempt-figures", Fixture, NULL, fixture_setup, test_exempt_figures, fixture_teardown);
  g_test_add ("/store/calendar-guesses", Fixture, NULL, fixture_setup, test_calendar_guesses, fixture_teardown);
  g_test_add ("/store/request-state-notes", Fixture, NULL, fixture_setup, test_request_state_notes, fixture_teardown);
  g_test_add ("/store/request-outcome-ground", Fixture, NULL, fixture_setup, test_request_outcome_ground, fixture_teardown);
  g_test_add ("/store/change-stays-public", Fixture, NULL, fixture_setup, test_change_stays_public, fixture_teardown);
  g_test_add ("/store/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/store/search-identifiers", Fixture, NULL, fixture_setup, test_search_identifiers, fixture_teardown);
  g_test_add_func ("/store/search-chars", test_search_chars);
  g_test_add_func ("/store/search-fold", test_search_fold);
  g_test_add ("/store/search-index-upgrade", Fixture, NULL, fixture_setup, test_search_index_upgrade, fixture_teardown);
  g_test_add ("/store/record-list", Fixture, NULL, fixture_setup, test_record_list, fixture_teardown);
  g_test_add ("/store/supervision-report", Fixture, NULL, fixture_setup, test_supervision_report, fixture_teardown);
  g_test_add ("/store/index-deferred", Fixture, NULL, fixture_setup, test_index_deferred, fixture_teardown);
  g_test_add ("/store/search-pending", Fixture, NULL, fixture_setup, test_search_pending, fixture_teardown);
  g_test_add ("/store/channels", Fixture, NULL, fixture_setup, test_channels, fixture_teardown);
  g_test_add ("/store/hidden-records", Fixture, NULL, fixture_setup, test_hidden_records, fixture_teardown);
  g_test_add ("/store/demo-units", Fixture, NULL, fixture_setup, test_demo_units, fixture_teardown);
  g_test_add ("/store/attention-sort", Fixture, NULL, fixture_setup, test_attention_sort, fixture_teardown);
  g_test_add ("/store/new-record-unit", Fixture, NULL, fixture_setup, test_new_record_unit, fixture_teardown);
  g_test_add ("/store/item-cache", Fixture, NULL, fixture_setup, test_item_cache, fixture_teardown);
  g_test_add ("/store/bundle-revisions", Fixture, NULL, fixture_setup, test_bundle_revisions, fixture_teardown);

  return g_test_run ();
}
