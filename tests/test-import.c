/* test-import.c: spreadsheets into records: a libxlsxwriter workbook, a GBK CSV, dates in every form, a bad row, batches undone and imports repeated. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "gk-core.h"
#include "gk-date.h"
#include "gk-import.h"
#include "gk-test-util.h"
#include "gk-validate.h"
#include "gk-xlsx-reader.h"

#define ITEM "procurement.contract"

static char *
valid_uscc (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, gk_uscc_compute_check (first17));
}

static char *
write_file (GkTestLedger *ledger,
            const char   *name,
            const char   *contents,
            gssize        length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (ledger->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static GkImport *
open_import (GkTestLedger *ledger,
             const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkImport *import = gk_import_new (ledger->store, file, &error);

  g_assert_no_error (error);
  g_assert_true (gk_import_set_item (import, ITEM, &error));
  g_assert_no_error (error);
  return import;
}

static GkImportResult *
run_import (GkImport *import,
            gboolean  dry_run)
{
  g_autoptr(GError) error = NULL;
  GkImportResult *result = gk_import_run (import, dry_run, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *line = gk_import_problem_format (g_ptr_array_index (result->problems, i));

      g_test_message ("%s", line);
    }
  return result;
}

static GPtrArray *
list_records (GkStore *store)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;
  GPtrArray *records;

  query->item_key = g_strdup (ITEM);
  query->sort = GK_SORT_TITLE;
  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  records = gk_store_query (store, query, 0, count, &error);
  g_assert_no_error (error);
  return records;
}

static GkRecord *
find_record (GPtrArray  *records,
             const char *title)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (gk_record_get_title (g_ptr_array_index (records, i)), title) == 0)
      return g_ptr_array_index (records, i);
  g_error ("No record titled %s", title);
}

static gint64
money_of (GkRecord   *record,
          const char *key)
{
  JsonNode *value = gk_record_get_value (record, key);

  g_assert_nonnull (value);
  return json_node_get_int (value);
}

static guint
n_batches (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = gk_store_list_import_batches (store, &error);

  g_assert_no_error (error);
  return batches->len;
}

/* Excel's day numbers, with the 29 February 1900 it invented. */
static void
test_serials (void)
{
  g_autofree char *first = gk_xlsx_serial_to_iso (1, FALSE);
  g_autofree char *before = gk_xlsx_serial_to_iso (59, FALSE);
  g_autofree char *phantom = gk_xlsx_serial_to_iso (60, FALSE);
  g_autofree char *after = gk_xlsx_serial_to_iso (61, FALSE);
  g_autofree char *day = gk_xlsx_serial_to_iso (45723.75, FALSE);
  g_autofree char *mac = gk_xlsx_serial_to_iso (0, TRUE);
  g_autofree char *none = gk_xlsx_serial_to_iso (-1, FALSE);

  g_assert_cmpstr (first, ==, "1900-01-01");
  g_assert_cmpstr (before, ==, "1900-02-28");
  g_assert_cmpstr (phantom, ==, "1900-02-29");
  g_assert_cmpstr (after, ==, "1900-03-01");
  g_assert_cmpstr (day, ==, "2025-03-07");
  g_assert_cmpstr (mac, ==, "1904-01-01");
  g_assert_null (none);
}

/* A workbook as libxlsxwriter writes it (shared strings, a date format,
 * a merged title over the header row): the columns go to the fields
 * their headers name, with money in 万元, dates and identifiers right. */
static void
test_xlsxwriter_workbook (GkTestLedger  *ledger,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (ledger->dir, "合同.xlsx", NULL);
  g_autofree char *uscc = valid_uscc ("91130100MA07L8XX1");
  g_autofree char *typed_uscc = NULL;
  g_autoptr(GkImport) import = NULL;
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const char *headers[] = { "标题", "合同编号", "供应商", "供应商统一社会信用代码", "合同金额（万元）", "合同签订日期", "文号" };
  lxw_datetime signed_on = { 2025, 3, 7, 0, 0, 0 };
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "台账");
  lxw_format *date = workbook_add_format (book);
  GkRecord *record;

  workbook_add_worksheet (book, "说明");
  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_merge_range (sheet, 0, 0, 0, 6, "2025年政府采购合同", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 1, c, headers[c], NULL);
  worksheet_write_string (sheet, 2, 0, "办公设备采购合同", NULL);
  worksheet_write_string (sheet, 2, 1, "HT-2025-001", NULL);
  worksheet_write_string (sheet, 2, 2, "华建科技有限公司", NULL);
  /* Typed with spaces and in lower case: the editor's check normalizes it. */
  typed_uscc = g_ascii_strdown (uscc, -1);
  worksheet_write_string (sheet, 2, 3, typed_uscc, NULL);
  worksheet_write_number (sheet, 2, 4, 35.5, NULL);
  worksheet_write_datetime (sheet, 2, 5, &signed_on, date);
  worksheet_write_string (sheet, 2, 6, "冀财采〔2025〕1号", NULL);
  worksheet_write_string (sheet, 3, 0, "物业服务合同", NULL);
  worksheet_write_string (sheet, 3, 1, "HT-2025-002", NULL);
  worksheet_write_string (sheet, 3, 2, "恒信物业服务有限公司", NULL);
  worksheet_write_string (sheet, 3, 3, uscc, NULL);
  worksheet_write_string (sheet, 3, 4, "12.5万元", NULL);
  worksheet_write_string (sheet, 3, 5, "2025/3/8", NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);

  import = open_import (ledger, path);
  g_assert_cmpstrv (gk_import_get_sheet_names (import), ((const char *[]) { "台账", "说明", NULL }));
  /* Row 1 is the merged title, filled across: every column "has" it. */
  g_assert_cmpstr (gk_import_get_column_header (import, 6), ==, "2025年政府采购合同");
  g_assert_true (gk_import_set_header_row (import, 2, NULL));
  g_assert_true (gk_import_set_item (import, ITEM, NULL));

  g_assert_cmpstr (gk_import_get_column_target (import, 0), ==, GK_IMPORT_TITLE);
  g_assert_cmpstr (gk_import_get_column_target (import, 1), ==, "contract_no");
  g_assert_cmpstr (gk_import_get_column_target (import, 2), ==, "supplier");
  g_assert_cmpstr (gk_import_get_column_target (import, 3), ==, "supplier_uscc");
  g_assert_cmpstr (gk_import_get_column_target (import, 4), ==, "amount");
  g_assert_cmpstr (gk_import_get_column_target (import, 5), ==, "sign_date");
  g_assert_cmpstr (gk_import_get_column_target (import, 6), ==, GK_IMPORT_DOC_NO);

  result = run_import (import, FALSE);
  g_assert_cmpuint (result->n_problems, ==, 0);
  g_assert_cmpuint (result->n_imported, ==, 2);
  g_assert_cmpint (result->batch_id, >, 0);

  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 2);
  record = find_record (records, "办公设备采购合同");
  g_assert_cmpstr (gk_record_get_value_string (record, "contract_no"), ==, "HT-2025-001");
  g_assert_cmpstr (gk_record_get_value_string (record, "supplier_uscc"), ==, uscc);
  g_assert_cmpint (money_of (record, "amount"), ==, 35500000);
  g_assert_cmpstr (gk_record_get_value_string (record, "sign_date"), ==, "2025-03-07");
  g_assert_cmpstr (gk_record_get_doc_no (record), ==, "冀财采〔2025〕1号");
  g_assert_cmpstr (gk_record_get_status (record), ==, GK_STATUS_DRAFT);
  record = find_record (records, "物业服务合同");
  g_assert_cmpint (money_of (record, "amount"), ==, 12500000);
  g_assert_cmpstr (gk_record_get_value_string (record, "sign_date"), ==, "2025-03-08");
}

/* A CSV saved by a Chinese Excel or WPS: GBK bytes, no BOM. */
static void
test_gbk_csv (GkTestLedger  *ledger,
              gconstpointer  data)
{
  g_autofree char *uscc = valid_uscc ("91130100MA07L8XX1");
  g_autofree char *utf8 = g_strdup_printf ("标题,合同编号,供应商统一社会信用代码,合同金额（元）,合同签订日期\r\n"
                                           "“绿化养护”合同,HT-3,%s,\"1,234.56\",2025年3月9日\r\n", uscc);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr(GkImport) import = NULL;
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GkRecord *record;

  g_assert_no_error (error);
  /* Not UTF-8: otherwise this would not test the conversion. */
  g_assert_false (g_utf8_validate (gbk, length, NULL));
  path = write_file (ledger, "gbk.csv", gbk, length);

  import = open_import (ledger, path);
  g_assert_cmpstr (gk_import_get_column_header (import, 0), ==, "标题");
  result = run_import (import, FALSE);
  g_assert_cmpuint (result->n_problems, ==, 0);
  g_assert_cmpuint (result->n_imported, ==, 1);

  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 1);
  record = find_record (records, "“绿化养护”合同");
  g_assert_cmpint (money_of (record, "amount"), ==, 123456);
  g_assert_cmpstr (gk_record_get_value_string (record, "sign_date"), ==, "2025-03-09");
  g_assert_cmpstr (gk_record_get_value_string (record, "supplier_uscc"), ==, uscc);
}

/* Dates as clerks write them, and Excel's day number saved into a CSV. */
static void
test_date_forms (GkTestLedger  *ledger,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (ledger, "dates.csv",
                                      "标题,合同签订日期,合同金额\n"
                                      "一,2025-03-07,35万元\n"
                                      "二,2025/3/7,35万\n"
                                      "三,2025年3月7日,350000\n"
                                      "四,2025.3.7,\"350,000.00元\"\n"
                                      "五,45723,￥350000\n"
                                      "六,２０２５－０３－０７,350000.00\n", -1);
  g_autoptr(GkImport) import = open_import (ledger, path);
  g_autoptr(GkImportResult) result = run_import (import, FALSE);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpuint (result->n_problems, ==, 0);
  g_assert_cmpuint (result->n_imported, ==, 6);
  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 6);
  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpstr (gk_record_get_value_string (record, "sign_date"), ==, "2025-03-07");
      g_assert_cmpint (money_of (record, "amount"), ==, 35000000);
    }
}

static const char bad_date_csv[] =
  "标题,合同编号,合同签订日期,合同金额\n"
  "一,HT-1,2025-03-01,100\n"
  "二,HT-2,2025-03-02,100\n"
  "三,HT-3,2025-03-03,100\n"
  "四,HT-4,2025-03-04,100\n"
  "五,HT-5,2025-03-05,100\n"
  "六,HT-6,2025-02-30,100\n"
  "七,HT-7,2025-03-07,100\n";

/* One bad date in row 7, column C: that, and only that, is reported, in
 * the editor's words, and nothing is imported. */
static void
test_bad_date_imports_nothing (GkTestLedger  *ledger,
                               gconstpointer  data)
{
  g_autofree char *path = write_file (ledger, "bad.csv", bad_date_csv, -1);
  g_autoptr(GkImport) import = open_import (ledger, path);
  g_autoptr(GkImportResult) result = run_import (import, FALSE);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *line = NULL;
  g_autofree char *iso = gk_date_parse_to_iso ("2025-02-30", &date_error);
  GkImportProblem *problem;

  g_assert_null (iso);
  g_assert_cmpuint (result->n_rows, ==, 7);
  g_assert_cmpuint (result->n_problems, ==, 1);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpuint (result->n_imported, ==, 0);
  g_assert_cmpint (result->batch_id, ==, 0);

  problem = g_ptr_array_index (result->problems, 0);
  g_assert_cmpstr (problem->sheet, ==, "bad.csv");
  g_assert_cmpuint (problem->row, ==, 7);
  g_assert_cmpint (problem->column, ==, 2);
  g_assert_cmpstr (problem->header, ==, "合同签订日期");
  g_assert_cmpstr (problem->value, ==, "2025-02-30");
  g_assert_cmpstr (problem->message, ==, date_error->message);
  line = gk_import_problem_format (problem);
  expected = g_strdup_printf ("bad.csv, row 7, column C (合同签订日期), “2025-02-30”: %s", date_error->message);
  g_assert_cmpstr (line, ==, expected);

  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 0);
  g_assert_cmpuint (n_batches (ledger->store), ==, 0);
  /* Nothing of the rows before the bad one stays in the search index. */
  g_assert_cmpuint (gk_test_search_count (ledger->store, "一"), ==, 0);
  g_assert_cmpuint (gk_test_search_count (ledger->store, "HT-1"), ==, 0);
}

/* Skipping bad rows imports the rest and lists what it left out. */
static void
test_skip_bad_rows (GkTestLedger  *ledger,
                    gconstpointer  data)
{
  g_autofree char *path = write_file (ledger, "bad.csv", bad_date_csv, -1);
  g_autoptr(GkImport) import = open_import (ledger, path);
  g_autoptr(GkImportResult) dry = NULL;
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;

  gk_import_set_skip_bad_rows (import, TRUE);
  dry = run_import (import, TRUE);
  g_assert_cmpuint (dry->n_imported, ==, 6);
  g_assert_cmpint (dry->batch_id, ==, 0);
  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);

  result = run_import (import, FALSE);
  g_assert_cmpuint (result->n_imported, ==, 6);
  g_assert_cmpuint (result->skipped_rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (result->skipped_rows, guint, 0), ==, 7);
  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 6);
}

/* The same file twice adds nothing; undoing the batch removes exactly its
 * records, after which the rows can come in again. */
static void
test_twice_and_undo (GkTestLedger  *ledger,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (ledger, "ok.csv",
                                      "标题,合同编号,合同金额\n一,HT-1,100\n二,HT-2,200\n三,HT-3,300\n", -1);
  g_autoptr(GkImport) import = open_import (ledger, path);
  g_autoptr(GkImportResult) first = NULL;
  g_autoptr(GkImportResult) second = NULL;
  g_autoptr(GkImportResult) third = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GkRecord) own = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  /* A record typed by hand stays through the undo. */
  own = gk_store_create_record (ledger->store, ITEM, "手工录入", &error);
  g_assert_no_error (error);

  first = run_import (import, FALSE);
  g_assert_cmpuint (first->n_imported, ==, 3);
  /* Found at once, by one character and by three. */
  g_assert_cmpuint (gk_test_search_count (ledger->store, "二"), ==, 1);
  g_assert_cmpuint (gk_test_search_count (ledger->store, "HT-2"), ==, 1);
  second = run_import (import, FALSE);
  g_assert_cmpuint (second->n_imported, ==, 0);
  g_assert_cmpuint (second->n_duplicates, ==, 3);
  g_assert_cmpint (second->batch_id, ==, 0);
  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 4);
  g_clear_pointer (&records, g_ptr_array_unref);

  batches = gk_store_list_import_batches (ledger->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpint (((GkImportBatch *) batches->pdata[0])->id, ==, first->batch_id);
  g_assert_cmpint (((GkImportBatch *) batches->pdata[0])->n_records, ==, 3);
  g_assert_cmpstr (((GkImportBatch *) batches->pdata[0])->file_name, ==, "ok.csv");

  g_assert_true (gk_store_undo_import_batch (ledger->store, first->batch_id, &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 3);
  records = list_records (ledger->store);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (gk_record_get_title (records->pdata[0]), ==, "手工录入");
  g_assert_cmpuint (n_batches (ledger->store), ==, 0);
  g_assert_cmpuint (gk_test_search_count (ledger->store, "二"), ==, 0);
  g_assert_cmpuint (gk_test_search_count (ledger->store, "HT-2"), ==, 0);
  g_assert_cmpuint (gk_test_search_count (ledger->store, "手工录入"), ==, 1);

  /* Undone twice: there is no such batch any more. */
  g_assert_false (gk_store_undo_import_batch (ledger->store, first->batch_id, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  third = run_import (import, FALSE);
  g_assert_cmpuint (third->n_imported, ==, 3);
}

/* With a key column, a row whose 文号 came in before is left out even
 * when its other cells changed; without one, the changed row is new. */
static void
test_key_column (GkTestLedger  *ledger,
                 gconstpointer  data)
{
  g_autofree char *before = write_file (ledger, "before.csv", "标题,文号,合同金额\n一,冀财〔2025〕1号,100\n", -1);
  g_autofree char *after = write_file (ledger, "after.csv",
                                       "标题,文号,合同金额\n一,冀财〔2025〕1号,150\n二,冀财〔2025〕2号,200\n", -1);
  g_autoptr(GkImport) first = open_import (ledger, before);
  g_autoptr(GkImport) second = open_import (ledger, after);
  g_autoptr(GkImportResult) a = NULL;
  g_autoptr(GkImportResult) b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_import_set_key (first, "doc_no", &error));
  g_assert_true (gk_import_set_key (second, "文号", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_import_get_key (second), ==, GK_IMPORT_DOC_NO);
  a = run_import (first, FALSE);
  g_assert_cmpuint (a->n_imported, ==, 1);
  b = run_import (second, FALSE);
  g_assert_cmpuint (b->n_imported, ==, 1);
  g_assert_cmpuint (b->n_duplicates, ==, 1);
}

/* --map: columns by header or letter, fields by id or label, "-" to
 * leave one out; an unknown name is refused with what it was. */
static void
test_map (GkTestLedger  *ledger,
          gconstpointer  data)
{
  g_autofree char *path = write_file (ledger, "map.csv", "名字,编号,钱,备注\n甲,HT-9,5,无\n", -1);
  g_autoptr(GkImport) import = open_import (ledger, path);
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) preview = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_import_problem_free);

  g_assert_true (gk_import_set_map (import, "名字=title, B=contract_no, 钱=合同金额, D=-", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_import_get_column_target (import, 0), ==, GK_IMPORT_TITLE);
  g_assert_cmpstr (gk_import_get_column_target (import, 1), ==, "contract_no");
  g_assert_cmpstr (gk_import_get_column_target (import, 2), ==, "amount");
  g_assert_null (gk_import_get_column_target (import, 3));

  g_assert_false (gk_import_set_map (import, "Z=title", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Z”"));
  g_clear_error (&error);
  g_assert_false (gk_import_set_map (import, "A=no_such_field", &error));
  g_assert_nonnull (strstr (error->message, "no_such_field"));
  g_clear_error (&error);

  /* The preview shows the values as they will be stored. */
  g_assert_cmpuint (gk_import_get_n_preview_rows (import), ==, 1);
  g_assert_cmpuint (gk_import_get_preview_row_number (import, 0), ==, 2);
  preview = gk_import_dup_preview_row (import, 0, problems);
  g_assert_cmpstr (preview[0], ==, "甲");
  g_assert_cmpstr (preview[2], ==, "5.00");
  g_assert_null (preview[3]);
  g_assert_cmpuint (problems->len, ==, 0);

  result = run_import (import, FALSE);
  g_assert_cmpuint (result->n_imported, ==, 1);
  records = list_records (ledger->store);
  g_assert_cmpint (money_of (records->pdata[0], "amount"), ==, 500);
}

/* What the editor calls an error, the import refuses in the same words:
 * a credit code with a letter such codes never use. (A wrong check
 * character is only a warning there, and imports.) */
static void
test_identifier_problem (GkTestLedger  *ledger,
                         gconstpointer  data)
{
  g_autofree char *uscc = valid_uscc ("91130100MA07L8XX1");
  g_autofree char *wrong = g_strdup (uscc);
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GkImport) import = NULL;
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GkValidation) check = NULL;
  GkImportProblem *problem;

  wrong[10] = 'O';
  check = gk_validate_uscc (wrong);
  g_assert_cmpint (check->severity, ==, GK_SEVERITY_ERROR);
  csv = g_strdup_printf ("标题,供应商统一社会信用代码\n一,%s\n", wrong);
  path = write_file (ledger, "id.csv", csv, -1);
  import = open_import (ledger, path);
  result = run_import (import, FALSE);
  g_assert_cmpuint (result->n_problems, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_cmpuint (problem->row, ==, 2);
  g_assert_cmpint (problem->column, ==, 1);
  g_assert_cmpstr (problem->message, ==, check->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

#define ADD(name, func) \
  g_test_add ("/import/" name, GkTestLedger, NULL, gk_test_ledger_set_up, func, gk_test_ledger_tear_down)

  g_test_add_func ("/import/serials", test_serials);
  ADD ("xlsxwriter-workbook", test_xlsxwriter_workbook);
  ADD ("gbk-csv", test_gbk_csv);
  ADD ("date-forms", test_date_forms);
  ADD ("bad-date-imports-nothing", test_bad_date_imports_nothing);
  ADD ("skip-bad-rows", test_skip_bad_rows);
  ADD ("twice-and-undo", test_twice_and_undo);
  ADD ("key-column", test_key_column);
  ADD ("map", test_map);
  ADD ("identifier-problem", test_identifier_problem);

  return g_test_run ();
}
