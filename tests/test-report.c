/* test-report.c: the annual report: figures counted from a prepared ledger, its checks, the workbook's file handling. */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-core.h"
#include "gk-db.h"
#include "gk-report-count.h"
#include "gk-report-xlsx.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-store-report.h"
#include "gk-test-report-ledger.h"
#include "gk-test-util.h"

typedef GkTestLedger Fixture;

static const gint64 expected_requests[GK_REPORT_N_ROWS][GK_APPLICANT_N_COLUMNS] = {
  [GK_REPORT_ROW_RECEIVED] = { 3, 1, 1, 1, 1, 1, 8 },
  [GK_REPORT_ROW_CARRIED_IN] = { 1, 0, 0, 0, 0, 0, 1 },
  [GK_REPORT_ROW_FIRST_OUTCOME + 0] = { 2, 0, 0, 0, 0, 0, 2 },   /* （一）予以公开 */
  [GK_REPORT_ROW_FIRST_OUTCOME + 1] = { 1, 0, 0, 0, 0, 0, 1 },   /* （二）部分公开 */
  [GK_REPORT_ROW_FIRST_OUTCOME + 5] = { 0, 1, 0, 0, 0, 0, 1 },   /* （三）4.保护第三方合法权益 */
  [GK_REPORT_ROW_FIRST_OUTCOME + 10] = { 0, 0, 0, 0, 1, 0, 1 },  /* （四）1.本机关不掌握 */
  [GK_REPORT_ROW_FIRST_OUTCOME + 14] = { 0, 0, 0, 0, 0, 1, 1 },  /* （五）2.重复申请 */
  [GK_REPORT_ROW_FIRST_OUTCOME + 18] = { 1, 0, 0, 0, 0, 0, 1 },  /* （六）1.逾期不补正 */
  [GK_REPORT_ROW_TOTAL] = { 4, 1, 0, 0, 1, 1, 7 },
  [GK_REPORT_ROW_CARRIED_OVER] = { 0, 0, 1, 1, 0, 0, 2 },
};

static const gint64 expected_cases[GK_REPORT_N_CASE_KINDS][GK_REPORT_N_CASE_RESULTS] = {
  { 1, 0, 0, 1, 2 },
  { 0, 0, 1, 0, 1 },
  { 0, 0, 0, 1, 1 },
};

static const GkReportCheck *
find_check (GkReportCounts *counts,
            const char     *prefix)
{
  for (guint i = 0; i < counts->checks->len; i++)
    {
      const GkReportCheck *check = g_ptr_array_index (counts->checks, i);

      if (g_str_has_prefix (check->name, prefix))
        return check;
    }
  return NULL;
}

static const GkReportResourceRow *
find_resource (GkReportCounts *counts,
               const char     *item,
               const char     *unit)
{
  for (guint i = 0; i < counts->resources->len; i++)
    {
      const GkReportResourceRow *row = g_ptr_array_index (counts->resources, i);

      if (g_strcmp0 (row->item_name, item) == 0 && g_strcmp0 (row->unit_name, unit) == 0)
        return row;
    }
  return NULL;
}

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  const GkReportResourceRow *row;
  const GkReportCheck *check;

  gk_test_report_fill_ledger (f->store);
  counts = gk_report_count (f->store, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);

  for (guint r = 0; r < GK_REPORT_N_ROWS; r++)
    for (guint c = 0; c < GK_APPLICANT_N_COLUMNS; c++)
      if (counts->requests[r][c] != expected_requests[r][c])
        g_error ("Table 三 row %u column %u: %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 r, c, counts->requests[r][c], expected_requests[r][c]);
  for (guint k = 0; k < GK_REPORT_N_CASE_KINDS; k++)
    for (guint r = 0; r < GK_REPORT_N_CASE_RESULTS; r++)
      g_assert_cmpint (counts->cases[k][r], ==, expected_cases[k][r]);
  g_assert_false (counts->carried_in_from_figures);

  /* The ledger holds 2023: this year's 二 was compared with its 四. */
  check = find_check (counts, "本年“上年结转”等于2023年");
  g_assert_nonnull (check);
  g_assert_true (check->passed);
  g_assert_true (gk_report_counts_passed (counts));
  for (guint i = 0; i < counts->checks->len; i++)
    {
      check = g_ptr_array_index (counts->checks, i);
      g_assert_true (check->passed || check->warning);
    }

  row = find_resource (counts, "招标公告", "区发改局");
  g_assert_nonnull (row);
  g_assert_cmpint (row->due, ==, 2);
  g_assert_cmpint (row->on_time, ==, 1);
  g_assert_cmpint (row->late, ==, 1);
  g_assert_cmpint (row->late_workdays, ==, 2);
  g_assert_cmpint (row->overdue, ==, 0);
  row = find_resource (counts, "招标公告", "区园林局");
  g_assert_nonnull (row);
  g_assert_cmpint (row->due, ==, 1);
  g_assert_cmpint (row->overdue, ==, 1);
  row = find_resource (counts, "采购合同", "区财政局");
  g_assert_nonnull (row);
  g_assert_cmpint (row->due, ==, 1);
  g_assert_cmpint (row->on_time, ==, 1);
  g_assert_cmpint (row->withheld, ==, 1);
  g_assert_cmpstr (row->grounds, ==, "第十五条 商业秘密");
  row = find_resource (counts, "骗取公共资源等不良行为信息", "区发改局");
  g_assert_nonnull (row);
  g_assert_cmpint (row->on_time, ==, 1);
  g_assert_cmpuint (counts->resources->len, ==, 4);
}

/* A unit's report counts that unit's records only. */
static void
test_count_unit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  gint64 unit_id;

  gk_test_report_fill_ledger (f->store);
  unit_id = gk_store_find_unit (f->store, "区园林局", &error);
  g_assert_no_error (error);
  counts = gk_report_count (f->store, 2024, unit_id, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (counts->unit_name, ==, "区园林局");
  g_assert_cmpuint (counts->resources->len, ==, 1);
  g_assert_nonnull (find_resource (counts, "招标公告", "区园林局"));
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_RECEIVED][GK_APPLICANT_TOTAL], ==, 0);
}

/* Carried-over figures entered in Preferences that disagree with the
 * ledger's own last year are caught, with the numbers. */
static void
test_inconsistent_figures (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (2024);
  const GkReportCheck *check;

  gk_test_report_fill_ledger (f->store);
  figures->has_carried_over = TRUE;
  figures->carried_over[GK_APPLICANT_PERSON] = 5;
  figures->carried_over[GK_APPLICANT_TOTAL] = 5;
  g_assert_true (gk_store_set_report_figures (f->store, figures, &error));
  g_assert_no_error (error);

  counts = gk_report_count (f->store, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  /* The ledger holds 2023, so its count stands in the table … */
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_CARRIED_IN][GK_APPLICANT_PERSON], ==, 1);
  /* … and the figures that disagree are reported. */
  check = find_check (counts, "首选项中填写的上年结转数字");
  g_assert_nonnull (check);
  g_assert_false (check->passed);
  g_assert_false (check->warning);
  g_assert_nonnull (strstr (check->detail, "自然人：首选项中填写 5，按台账计算为 1"));
  g_assert_nonnull (strstr (check->detail, "总计：首选项中填写 5，按台账计算为 1"));
  g_assert_false (gk_report_counts_passed (counts));
}

/* Without last year in the ledger, row 二 is the clerk's figures; then
 * 一 + 二 = 七 + 四 fails when those applications are nowhere else. A reply
 * dated before its receipt breaks the balance too. */
static void
test_inconsistent_balance (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (2024);
  const GkReportCheck *check;

  gk_test_report_add_application (f->store, "2024-03-01", "2024-03-20", "natural-person", "disclosed");
  gk_test_report_add_application (f->store, "2024-05-10", "2023-12-01", "business", "disclosed");
  figures->has_carried_over = TRUE;
  figures->carried_over[GK_APPLICANT_PERSON] = 2;
  figures->carried_over[GK_APPLICANT_TOTAL] = 2;
  g_assert_true (gk_store_set_report_figures (f->store, figures, &error));
  g_assert_no_error (error);

  counts = gk_report_count (f->store, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (counts->carried_in_from_figures);
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_CARRIED_IN][GK_APPLICANT_PERSON], ==, 2);

  check = find_check (counts, "表三各列：第一项加第二项之和");
  g_assert_nonnull (check);
  g_assert_false (check->passed);
  g_assert_nonnull (strstr (check->detail, "自然人：1 + 2 = 3，而 1 + 0 = 1"));
  g_assert_nonnull (strstr (check->detail, "商业企业：1 + 0 = 1，而 0 + 0 = 0"));
  g_assert_nonnull (strstr (check->detail, "总计：2 + 2 = 4，而 1 + 0 = 1"));
  g_assert_null (strstr (check->detail, "科研机构"));
  g_assert_false (gk_report_counts_passed (counts));
}

static void
cancel_on_progress_cb (double   fraction,
                       gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* A cancelled export leaves no file, not even a temporary one, and an
 * older workbook of the same name as it was. */
static void
test_write_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "report.xlsx", NULL);
  g_autofree char *contents = NULL;
  GkReportOptions options = { .year = 2024, .as_of = GK_TEST_REPORT_AS_OF };

  gk_test_report_fill_ledger (f->store);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  /* Cancelled while the ledgers are written. */
  g_assert_false (gk_report_export (f->store, &options, path, cancellable, cancel_on_progress_cb, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (out_dir), ==, 0);

  /* Cancelled before it began, over an older file. */
  g_assert_true (g_file_set_contents (path, "older", -1, NULL));
  g_assert_false (gk_report_export (f->store, &options, path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older");

  /* Not cancelled: the workbook replaces it, and nothing else is left. */
  g_cancellable_reset (cancellable);
  g_assert_true (gk_report_export (f->store, &options, path, cancellable, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_assert_cmpuint (count_files (out_dir), ==, 1);
}

/* A folder that cannot be written to fails with a message and leaves nothing. */
static void
test_write_unwritable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing", "report.xlsx", NULL);
  GkReportOptions options = { .year = 2024, .as_of = GK_TEST_REPORT_AS_OF };

  g_assert_false (gk_report_export (f->store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}


static GkRecord *
find_application (GkStore    *store,
                  const char *title)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  query->item_key = g_strdup ("request.application");
  records = gk_store_query (store, query, 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (gk_record_get_title (g_ptr_array_index (records, i)), title) == 0)
      return g_object_ref (g_ptr_array_index (records, i));
  return NULL;
}

/* A worker's store reads what the window's store reads, and SQLite
 * refuses its writes. */
static void
test_read_only_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) reader = NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  g_autoptr(GkReportCounts) read_counts = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GkRecord) record = NULL;
  guint n_written = 0;
  guint n_read = 0;

  gk_test_report_fill_ledger (f->store);
  reader = gk_store_open_read_only (f->path, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gk_store_count (f->store, query, &n_written, &error));
  g_assert_true (gk_store_count (reader, query, &n_read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, >, 0);
  g_assert_cmpuint (n_read, ==, n_written);

  counts = gk_report_count (f->store, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  read_counts = gk_report_count (reader, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (read_counts->requests, sizeof read_counts->requests, counts->requests, sizeof counts->requests);
  g_assert_cmpmem (read_counts->cases, sizeof read_counts->cases, counts->cases, sizeof counts->cases);
  g_assert_cmpuint (read_counts->resources->len, ==, counts->resources->len);

  /* SQLite refuses the write as read-only, and says so in its own code. */
  g_assert_cmpint (gk_store_add_unit (reader, "只读的科室", &error), ==, 0);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_READ_ONLY);
  g_clear_error (&error);
  record = find_application (reader, "申请2024-03-01");
  g_assert_nonnull (record);
  g_assert_false (gk_store_delete_record (reader, gk_record_get_uuid (record), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing was written through it. */
  g_assert_cmpint (gk_store_find_unit (f->store, "只读的科室", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (gk_store_count (f->store, query, &n_read, &error));
  g_assert_cmpuint (n_read, ==, n_written);
}

/* A ledger in an older format is refused, and left in that format. */
static void
test_read_only_outdated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.gongkai", NULL);
  GkDb *db;
  GkStore *reader;

  g_assert_no_error (error);
  db = gk_db_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  gk_db_close (db);

  reader = gk_store_open_read_only (path, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_OUTDATED);
  g_clear_error (&error);

  db = gk_db_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_db_get_user_version (db), ==, 1);
  gk_db_close (db);
  gk_test_remove_tree (dir);
}

/* A record deleted pending an undo in the window is left out of a report
 * made through the worker's own store, given the hidden records. */
static void
test_hidden_in_worker_store (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkStore) reader = NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  g_auto(GStrv) hidden = NULL;

  gk_test_report_fill_ledger (f->store);
  record = find_application (f->store, "申请2024-03-01");
  g_assert_nonnull (record);
  gk_store_hide_record (f->store, gk_record_get_uuid (record));

  hidden = gk_store_dup_hidden_records (f->store);
  g_assert_cmpuint (g_strv_length (hidden), ==, 1);
  reader = gk_store_open_read_only (f->path, NULL, &error);
  g_assert_no_error (error);

  /* Not given the hidden set, it still sees the record … */
  counts = gk_report_count (reader, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_RECEIVED][GK_APPLICANT_TOTAL], ==, 8);
  g_clear_pointer (&counts, gk_report_counts_free);

  /* … opened with it, the report leaves it out. */
  g_clear_object (&reader);
  reader = gk_store_open_read_only (f->path, (const char * const *) hidden, &error);
  g_assert_no_error (error);
  counts = gk_report_count (reader, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_RECEIVED][GK_APPLICANT_TOTAL], ==, 7);
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_RECEIVED][GK_APPLICANT_PERSON], ==, 2);
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_FIRST_OUTCOME][GK_APPLICANT_PERSON], ==, 1);

  /* Closing the reader deletes nothing: the window may still undo. */
  g_clear_object (&reader);
  gk_store_unhide_record (f->store, gk_record_get_uuid (record));
  g_clear_pointer (&counts, gk_report_counts_free);
  counts = gk_report_count (f->store, 2024, 0, GK_TEST_REPORT_AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts->requests[GK_REPORT_ROW_RECEIVED][GK_APPLICANT_TOTAL], ==, 8);
}

/* The values of the record titled @title, as the ledger sheets read them. */
typedef struct
{
  const char *title;
  JsonNode   *values[12];
  guint       n_rows;
} LedgerValues;

static gboolean
collect_values_cb (const GkReportRecordRow  *row,
                   gpointer                  user_data,
                   GError                  **error)
{
  LedgerValues *seen = user_data;

  if (g_strcmp0 (row->title, seen->title) != 0)
    return TRUE;
  seen->n_rows++;
  g_assert_cmpuint (row->n_values, <=, G_N_ELEMENTS (seen->values));
  for (guint i = 0; i < row->n_values; i++)
    seen->values[i] = row->values[i] != NULL ? json_node_copy (row->values[i]) : NULL;
  return TRUE;
}

/* The ledger sheets read each value as the record holds it, whatever JSON
 * makes of it in the ledger: text with quotes, line breaks, a backslash and
 * control characters, brackets and commas, integers, decimals, booleans,
 * nested arrays and objects where text is expected; null and missing values
 * are no value; a key of the domain that the item does not have is not
 * read. */
static void
test_ledger_values (Fixture       *f,
                    gconstpointer  data)
{
  static const char *fields =
    "{\"supplier\": \"某\\\"公司\\\"\\n二部\\\\ caf\\u00e9\\t\\u0001 end\", \"amount\": 12345678, "
    "\"contract_name\": \"\", \"period\": 25.5, \"project_no\": -7, \"purchaser\": true, "
    "\"contract_no\": [\"a,]\", 1, {\"b\": \"}\\\",\", \"c\": [[], {}]}], \"project_name\": \"逗号,括号]}[{\", "
    "\"sign_date\": null, \"other\": \"不读\"}";
  const char *keys[] = { "supplier", "amount", "contract_name", "period", "project_no", "purchaser",
                         "contract_no", "project_name", "sign_date", "missing", "other", NULL };
  g_autoptr(JsonNode) expected = json_from_string (fields, NULL);
  JsonObject *object = json_node_get_object (expected);
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GHashTable) item_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  LedgerValues seen = { "某合同" };
  gint64 id;

  gk_test_report_add_record (f->store, "procurement.contract", "区财政局", "某合同", "2024-06-03", NULL,
                             NULL, NULL, fields);
  item = gk_store_get_item (f->store, "procurement.contract", &error);
  g_assert_no_error (error);
  id = gk_item_get_id (item);
  /* Every key but the last. */
  for (guint i = 0; keys[i + 1] != NULL; i++)
    g_array_append_val (slots, i);
  g_hash_table_insert (item_keys, g_memdup2 (&id, sizeof id), g_array_ref (slots));

  g_assert_true (gk_store_report_foreach_record (f->store, 2024, "procurement", 0, keys, NULL, item_keys,
                                                 collect_values_cb, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_rows, ==, 1);
  for (guint i = 0; i < 8; i++)
    {
      JsonNode *value = json_object_get_member (object, keys[i]);

      g_assert_nonnull (seen.values[i]);
      g_assert_cmpint (json_node_get_node_type (seen.values[i]), ==, json_node_get_node_type (value));
      if (JSON_NODE_HOLDS_VALUE (value))
        g_assert_true (json_node_get_value_type (seen.values[i]) == json_node_get_value_type (value));
      g_assert_true (json_node_equal (seen.values[i], value));
    }
  g_assert_cmpstr (json_node_get_string (seen.values[0]), ==, "某\"公司\"\n二部\\ café\t\001 end");
  g_assert_cmpfloat (json_node_get_double (seen.values[3]), ==, 25.5);
  g_assert_cmpstr (json_node_get_string (seen.values[7]), ==, "逗号,括号]}[{");
  g_assert_null (seen.values[8]);
  g_assert_null (seen.values[9]);
  g_assert_null (seen.values[10]);
  for (guint i = 0; i < G_N_ELEMENTS (seen.values); i++)
    g_clear_pointer (&seen.values[i], json_node_unref);

  /* A single key, and a string with escapes alone. */
  for (guint k = 0; k < 2; k++)
    {
      guint slot = k == 0 ? 1 : 0;

      g_array_set_size (slots, 0);
      g_array_append_val (slots, slot);
      seen.n_rows = 0;
      g_assert_true (gk_store_report_foreach_record (f->store, 2024, "procurement", 0, keys, NULL, item_keys,
                                                     collect_values_cb, &seen, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (seen.n_rows, ==, 1);
      g_assert_true (json_node_equal (seen.values[slot], json_object_get_member (object, keys[slot])));
      g_assert_null (seen.values[1 - slot]);
      for (guint i = 0; i < G_N_ELEMENTS (seen.values); i++)
        g_clear_pointer (&seen.values[i], json_node_unref);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add ("/report/count", Fixture, NULL, gk_test_ledger_set_up, test_count, gk_test_ledger_tear_down);
  g_test_add ("/report/count-unit", Fixture, NULL, gk_test_ledger_set_up, test_count_unit, gk_test_ledger_tear_down);
  g_test_add ("/report/inconsistent-figures", Fixture, NULL, gk_test_ledger_set_up, test_inconsistent_figures,
              gk_test_ledger_tear_down);
  g_test_add ("/report/inconsistent-balance", Fixture, NULL, gk_test_ledger_set_up, test_inconsistent_balance,
              gk_test_ledger_tear_down);

  g_test_add ("/report/ledger-values", Fixture, NULL, gk_test_ledger_set_up, test_ledger_values, gk_test_ledger_tear_down);

  g_test_add ("/report/write-cancelled", Fixture, NULL, gk_test_ledger_set_up, test_write_cancelled,
              gk_test_ledger_tear_down);
  g_test_add ("/report/write-unwritable", Fixture, NULL, gk_test_ledger_set_up, test_write_unwritable,
              gk_test_ledger_tear_down);

  g_test_add ("/report/read-only-store", Fixture, NULL, gk_test_ledger_set_up, test_read_only_store,
              gk_test_ledger_tear_down);
  g_test_add_func ("/report/read-only-outdated", test_read_only_outdated);
  g_test_add ("/report/hidden-in-worker-store", Fixture, NULL, gk_test_ledger_set_up, test_hidden_in_worker_store,
              gk_test_ledger_tear_down);

  return g_test_run ();
}
