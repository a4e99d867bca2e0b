/* gk-test-report-ledger.c: the prepared ledger whose annual-report figures the tests know by hand. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gk-item.h"
#include "gk-record.h"
#include "gk-test-report-ledger.h"

void
gk_test_report_add_record (GkStore    *store,
                           const char *item_key,
                           const char *unit,
                           const char *title,
                           const char *formed_on,
                           const char *published_on,
                           const char *mode,
                           const char *exemption,
                           const char *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item (store, item_key, &error);
  g_autoptr(GkRecord) record = gk_record_new ();
  g_autofree char *created_at = NULL;

  g_assert_no_error (error);
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_title (record, title);
  if (unit != NULL)
    {
      gint64 unit_id = gk_store_find_unit (store, unit, &error);

      g_assert_no_error (error);
      g_assert_cmpint (unit_id, !=, 0);
      gk_record_set_unit_id (record, unit_id);
    }
  gk_record_set_formed_on (record, formed_on);
  gk_record_set_published_on (record, published_on);
  gk_record_set_status (record, published_on != NULL ? GK_STATUS_PUBLISHED : GK_STATUS_PENDING);
  if (mode != NULL)
    gk_record_set_mode (record, mode);
  if (exemption != NULL)
    gk_record_set_exemption (record, exemption);
  if (fields != NULL)
    {
      g_assert_true (gk_record_set_values_json (record, fields, &error));
      g_assert_no_error (error);
    }
  created_at = g_strdup_printf ("%sT09:00:00+08:00", formed_on != NULL ? formed_on : "2024-01-01");
  gk_record_set_created_at (record, created_at);
  g_assert_true (gk_store_insert_record (store, record, FALSE, &error));
  g_assert_no_error (error);
}

void
gk_test_report_add_application (GkStore    *store,
                                const char *received,
                                const char *replied,
                                const char *applicant,
                                const char *outcome)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *json = NULL;
  g_autofree char *title = g_strdup_printf ("申请%s", received);

  json_object_set_string_member (fields, "received_date", received);
  json_object_set_string_member (fields, "applicant_name", "张三丰");
  /* Personal data a public workbook must not show in full. */
  json_object_set_string_member (fields, "applicant_id", "11010519491231002X");
  json_object_set_string_member (fields, "applicant_phone", "13812345678");
  json_object_set_string_member (fields, "content", "某项目的批复文件");
  if (replied != NULL)
    json_object_set_string_member (fields, "reply_date", replied);
  if (applicant != NULL)
    json_object_set_string_member (fields, "applicant_type", applicant);
  if (outcome != NULL)
    json_object_set_string_member (fields, "outcome", outcome);
  json_node_set_object (root, fields);
  json = json_to_string (root, FALSE);

  gk_test_report_add_record (store, "request.application", NULL, title, received, replied,
                             GK_MODE_ON_REQUEST, NULL, json);
}

static void
add_case (GkStore    *store,
          const char *kind,
          const char *received,
          const char *result,
          const char *decided)
{
  g_autofree char *fields = NULL;

  if (decided != NULL)
    fields = g_strdup_printf ("{\"case_kind\": \"%s\", \"received_date\": \"%s\", \"applicant\": \"李四\", "
                              "\"result\": \"%s\", \"decided_date\": \"%s\"}", kind, received, result, decided);
  else
    fields = g_strdup_printf ("{\"case_kind\": \"%s\", \"received_date\": \"%s\", \"applicant\": \"李四\", "
                              "\"result\": \"%s\"}", kind, received, result);
  gk_test_report_add_record (store, "request.case", NULL, "复议案件", received, NULL, GK_MODE_ON_REQUEST, NULL, fields);
}

/*
 * Table 三 of 2024, by hand (columns 自然人, 商业企业, 科研机构, 社会公益组织,
 * 法律服务机构, 其他, 总计):
 *   一 (received in 2024):   3 1 1 1 1 1 | 8
 *   二 (carried in):         1 0 0 0 0 0 | 1   (received 2023-12-20)
 *   （一）予以公开:          2 0 0 0 0 0 | 2
 *   （二）部分公开:          1 0 0 0 0 0 | 1
 *   （三）4.保护第三方:      0 1 0 0 0 0 | 1
 *   （四）1.不掌握:          0 0 0 0 1 0 | 1
 *   （五）2.重复申请:        0 0 0 0 0 1 | 1
 *   （六）1.逾期不补正:      1 0 0 0 0 0 | 1
 *   （七）总计:              4 1 0 0 1 1 | 7
 *   四 (carried over):       0 0 1 1 0 0 | 2
 * Table 四 of 2024: 行政复议 1 0 0 1 2; 未经复议直接起诉 0 0 1 0 1; 复议后起诉 0 0 0 1 1.
 * Public resources of 2024 (as of 2025-01-15): 招标公告 of 区发改局 due 2, on
 * time 1, late 1 by 2 working days; of 区园林局 due 1, overdue 1; 采购合同 of
 * 区财政局 due 1 on time, 1 not to be disclosed; the blacklist entry of
 * 区发改局 due 1, on time.
 */
void
gk_test_report_fill_ledger (GkStore *store)
{
  /* 2023: one application carried into 2024, one closed within 2023. */
  gk_test_report_add_application (store, "2023-12-20", "2024-01-10", "natural-person", "disclosed");
  gk_test_report_add_application (store, "2023-05-10", "2023-06-01", "business", "disclosed");

  gk_test_report_add_application (store, "2024-03-01", "2024-03-20", "natural-person", "disclosed");
  gk_test_report_add_application (store, "2024-04-01", "2024-04-25", "natural-person", "partly-disclosed");
  gk_test_report_add_application (store, "2024-05-06", "2024-05-30", "business", "withheld-third-party");
  gk_test_report_add_application (store, "2024-06-03", "2024-06-20", "legal-service", "unavailable-not-held");
  gk_test_report_add_application (store, "2024-12-20", NULL, "research", NULL);
  gk_test_report_add_application (store, "2024-12-25", "2025-01-08", "public-welfare", "disclosed");
  gk_test_report_add_application (store, "2024-07-01", "2024-07-10", "other", "not-handled-repeated");
  gk_test_report_add_application (store, "2024-08-01", "2024-08-15", "natural-person", "other-no-correction");
  /* Next year's: counted nowhere in 2024. */
  gk_test_report_add_application (store, "2025-01-05", NULL, "natural-person", NULL);

  add_case (store, "review", "2024-02-01", "upheld", "2024-04-01");
  add_case (store, "review", "2024-09-01", "corrected", "2025-01-10");
  add_case (store, "litigation-direct", "2024-05-01", "other", "2024-10-01");
  add_case (store, "litigation-after-review", "2024-11-01", "pending", NULL);
  add_case (store, "review", "2023-06-01", "upheld", "2023-08-01");

  /* 20 working days from 2024-03-01: due 2024-03-29. */
  /* A table: its ledger cell counts the rows and lists their first column. */
  gk_test_report_add_record (store, "bidding.notice", "区发改局", "某道路工程招标公告", "2024-03-01", "2024-03-28",
                             NULL, NULL, "{\"lots\": [{\"lot_no\": \"一标段\", \"name\": \"路基\", \"estimate\": 100000}, "
                             "{\"name\": \"无编号\"}, {\"lot_no\": \"三标段\"}]}");
  gk_test_report_add_record (store, "bidding.notice", "区发改局", "某绿化工程招标公告", "2024-03-01", "2024-04-02",
                             NULL, NULL, NULL);
  gk_test_report_add_record (store, "bidding.notice", "区园林局", "某公园改造招标公告", "2024-03-01", NULL,
                             NULL, NULL, NULL);
  /* 2 working days from 2024-06-03: due 2024-06-05. */
  gk_test_report_add_record (store, "procurement.contract", "区财政局", "某设备采购合同", "2024-06-03", "2024-06-04",
                             NULL, NULL, "{\"amount\": 12345678, \"sign_date\": \"2024-06-01\", \"supplier\": \"某某公司\"}");
  gk_test_report_add_record (store, "procurement.contract", "区财政局", "某涉密采购合同", "2024-06-01", NULL,
                             GK_MODE_EXEMPT, "第十五条 商业秘密", NULL);
  /* A natural person on the blacklist: the ID is masked even there, and so
   * is the mobile number the clerk typed into the title. */
  gk_test_report_add_record (store, "blacklist.entry", "区发改局", "王五（电话13812345678）骗取补贴", "2024-05-06", "2024-05-06",
                             NULL, NULL, "{\"subject_name\": \"王五\", \"person_id\": \"11010519491231002X\"}");
  /* Due 2025-01-02: outside 2024. */
  gk_test_report_add_record (store, "procurement.contract", "区财政局", "某年末采购合同", "2024-12-30", NULL,
                             NULL, NULL, NULL);
}
