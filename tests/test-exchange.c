/* test-exchange.c: exchange files between ledgers: a copy equal record for record, updates, conflicts and a district's merge. */
#include <glib/gstdio.h>
#include <string.h>

#include "gk-db-statement.h"
#include "gk-demo.h"
#include "gk-exchange.h"
#include "gk-store.h"
#include "gk-store-report.h"
#include "gk-store-private.h"
#include "gk-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("gongkai-exchange-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A department's ledger: its own name and 索引号 code, and a sample. */
static GkStore *
open_department (Fixture    *fixture,
                 const char *file,
                 const char *name,
                 const char *code,
                 guint       n_records,
                 guint32     seed)
{
  g_autofree char *path = g_build_filename (fixture->dir, file, NULL);
  GkStore *store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_store_set_organisation (store, name, code, &error));
  g_assert_no_error (error);
  if (n_records > 0)
    {
      g_assert_true (gk_demo_fill (store, n_records, seed, &error));
      g_assert_no_error (error);
    }
  return store;
}

static char *
export_to (Fixture    *fixture,
           GkStore    *store,
           const char *file)
{
  g_autofree char *path = g_build_filename (fixture->dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_exchange_export (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static GkExchangeResult *
import_from (GkStore    *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  GkExchangeResult *result = gk_exchange_import (store, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static GPtrArray *
all_records (GkStore *store)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *records = gk_store_query (store, query, 0, G_MAXUINT, &error);

  g_assert_no_error (error);
  return records;
}

/* A clerk's edit of a title: a published record changes through a 变更
 * first, as the window has it. */
static void
retitle (GkStore    *store,
         GkRecord   *record,
         const char *title)
{
  g_autoptr(GError) error = NULL;

  if (gk_record_is_public (record))
    {
      g_autofree char *on = g_strdup (gk_record_get_published_on (record));

      g_assert_true (gk_store_record_change (store, record, on, "更正标题", &error));
      g_assert_no_error (error);
    }
  gk_record_set_title (record, title);
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
}

static void
assert_same_history (GkStore    *a,
                     GkStore    *b,
                     const char *uuid)
{
  g_autoptr(GPtrArray) ha = gk_store_get_history (a, uuid, NULL);
  g_autoptr(GPtrArray) hb = gk_store_get_history (b, uuid, NULL);

  g_assert_nonnull (ha);
  g_assert_nonnull (hb);
  g_assert_cmpuint (ha->len, >, 0);
  g_assert_cmpuint (ha->len, ==, hb->len);
  for (guint i = 0; i < ha->len; i++)
    {
      GkHistoryEntry *ea = g_ptr_array_index (ha, i), *eb = g_ptr_array_index (hb, i);

      g_assert_cmpstr (ea->at, ==, eb->at);
      g_assert_cmpstr (ea->user, ==, eb->user);
      g_assert_cmpstr (ea->action, ==, eb->action);
      g_assert_cmpstr (ea->field, ==, eb->field);
      g_assert_cmpstr (ea->old_value, ==, eb->old_value);
      g_assert_cmpstr (ea->new_value, ==, eb->new_value);
    }
}

static void
assert_same_channels (GkStore    *a,
                      GkStore    *b,
                      const char *uuid,
                      guint      *n_channels)
{
  g_autoptr(GPtrArray) ca = gk_store_get_record_channels (a, uuid, NULL);
  g_autoptr(GPtrArray) cb = gk_store_get_record_channels (b, uuid, NULL);

  g_assert_nonnull (ca);
  g_assert_nonnull (cb);
  g_assert_cmpuint (ca->len, ==, cb->len);
  for (guint i = 0; i < ca->len; i++)
    {
      GkRecordChannel *x = g_ptr_array_index (ca, i), *y = g_ptr_array_index (cb, i);

      g_assert_cmpstr (x->channel, ==, y->channel);
      g_assert_cmpstr (x->published_on, ==, y->published_on);
      g_assert_cmpstr (x->address, ==, y->address);
    }
  *n_channels += ca->len;
}

/* Export a ledger, import it into an empty one of another organisation:
 * every record comes over as it was, history and channels included, its
 * 索引号 the sender's. */
static void
test_copy_is_equal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 80, 5);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *path = export_to (fixture, department, "dept.json");
  g_autoptr(GkExchangeResult) result = import_from (district, path);
  g_autoptr(GPtrArray) records = all_records (department);
  g_autoptr(GPtrArray) copies = all_records (district);
  guint n_channels = 0;

  g_assert_cmpstr (result->organisation_code, ==, "11130102MB0110011L");
  g_assert_cmpuint (result->added, ==, 80);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  g_assert_cmpuint (copies->len, ==, records->len);

  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      const char *uuid = gk_record_get_uuid (record);
      g_autoptr(GkRecord) copy = gk_store_get_record (district, uuid, NULL);
      g_autofree char *values = gk_record_dup_values_json (record);
      g_autofree char *copy_values = NULL;

      g_assert_nonnull (copy);
      copy_values = gk_record_dup_values_json (copy);
      g_assert_true (g_str_has_prefix (gk_record_get_index_no (copy), "11130102MB0110011L/"));
      g_assert_cmpstr (gk_record_get_index_no (copy), ==, gk_record_get_index_no (record));
      g_assert_cmpstr (gk_record_get_item_key (copy), ==, gk_record_get_item_key (record));
      g_assert_cmpstr (gk_record_get_title (copy), ==, gk_record_get_title (record));
      g_assert_cmpstr (gk_record_get_body (copy), ==, gk_record_get_body (record));
      g_assert_cmpstr (copy_values, ==, values);
      g_assert_cmpstr (gk_record_get_unit_name (copy), ==, gk_record_get_unit_name (record));
      g_assert_cmpstr (gk_record_get_status (copy), ==, gk_record_get_status (record));
      g_assert_cmpstr (gk_record_get_mode (copy), ==, gk_record_get_mode (record));
      g_assert_cmpstr (gk_record_get_formed_on (copy), ==, gk_record_get_formed_on (record));
      g_assert_cmpstr (gk_record_get_due_on (copy), ==, gk_record_get_due_on (record));
      g_assert_cmpstr (gk_record_get_published_on (copy), ==, gk_record_get_published_on (record));
      g_assert_cmpstr (gk_record_get_updated_at (copy), ==, gk_record_get_updated_at (record));
      g_assert_cmpint (gk_record_get_project_id (copy) != 0, ==, gk_record_get_project_id (record) != 0);
      assert_same_history (department, district, uuid);
      assert_same_channels (department, district, uuid, &n_channels);
    }
  /* The sample publishes on channels: the comparison compared some. */
  g_assert_cmpuint (n_channels, >, 0);

  /* The district's own units and 索引号 are untouched by the department's;
   * the department's units are found by id, as an editor shows them. */
  {
    GkRecord *first = g_ptr_array_index (copies, 0);
    g_autoptr(GkUnit) unit = gk_store_get_unit (district, gk_record_get_unit_id (first), NULL);

    g_assert_nonnull (gk_record_get_unit_name (first));
    g_assert_nonnull (unit);
    g_assert_cmpstr (unit->name, ==, gk_record_get_unit_name (first));
  }
  {
    g_autoptr(GPtrArray) units = gk_store_list_units (district, TRUE, NULL);
    g_autoptr(GPtrArray) department_units = gk_store_list_units (department, TRUE, NULL);
    g_autoptr(GkRecord) own = gk_store_create_record (district, "housing-construction.scheme", "规划建设方案", NULL);

    g_assert_nonnull (own);
    g_assert_true (g_str_has_prefix (gk_record_get_index_no (own), "11130102MB0110038C/"));
    g_assert_cmpuint (units->len, ==, department_units->len);
  }
}

static int
get_cache_size (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (store), "PRAGMA cache_size", &error);
  int cache_size;

  g_assert_no_error (error);
  g_assert_true (gk_db_statement_step_one (stmt, &error, "No cache_size"));
  cache_size = gk_db_statement_get_int (stmt, 0);
  gk_db_statement_reset (stmt);
  return cache_size;
}

/* The import takes a larger page cache for its transaction; the window's
 * connection, open for the day, has its own back afterwards. */
static void
test_cache_restored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 5, 1);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *path = export_to (fixture, department, "dept.json");
  g_autoptr(GkExchangeResult) result = NULL;
  int before = get_cache_size (district);

  result = import_from (district, path);
  g_assert_cmpuint (result->added, ==, 5);
  g_assert_cmpint (get_cache_size (district), ==, before);
}

/* The same file again a month later: nothing is added twice; what only
 * the department changed is updated, with its history. */
static void
test_reimport_updates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区住建局", "11130102MB0110020J", 30, 9);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *first = export_to (fixture, department, "first.json");
  g_autoptr(GkExchangeResult) result = import_from (district, first);
  g_autoptr(GkExchangeResult) again = import_from (district, first);
  g_autoptr(GPtrArray) records = all_records (department);
  GkRecord *changed = g_ptr_array_index (records, 0);
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GkExchangeResult) later = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->updated, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 30);

  retitle (department, changed, "更正后的标题");
  second = export_to (fixture, department, "second.json");
  later = import_from (district, second);
  g_assert_cmpuint (later->added, ==, 0);
  g_assert_cmpuint (later->updated, ==, 1);
  g_assert_cmpuint (later->unchanged, ==, 29);
  g_assert_cmpuint (later->conflicts->len, ==, 0);

  copy = gk_store_get_record (district, gk_record_get_uuid (changed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_title (copy), ==, "更正后的标题");
  /* The search finds the new title and every record added. */
  g_assert_cmpuint (gk_test_search_count (district, "更正后的标题"), ==, 1);
  g_assert_cmpuint (gk_test_search_count (district, gk_record_get_index_no (changed)), ==, 1);
  {
    g_autoptr(GPtrArray) copies = all_records (district);

    for (guint i = 0; i < copies->len; i++)
      {
        GkRecord *other = g_ptr_array_index (copies, i);

        if (g_strcmp0 (gk_record_get_uuid (other), gk_record_get_uuid (changed)) != 0)
          g_assert_cmpuint (gk_test_search_count (district, gk_record_get_index_no (other)), ==, 1);
      }
  }
  assert_same_history (department, district, gk_record_get_uuid (changed));
  {
    guint n = 0;

    assert_same_channels (department, district, gk_record_get_uuid (changed), &n);
  }
}

/* Export, change one record on each side, import: the conflict is listed
 * and the receiving ledger keeps its own version. */
static void
test_conflict_is_listed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 20, 3);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *first = export_to (fixture, department, "first.json");
  g_autoptr(GkExchangeResult) result = import_from (district, first);
  g_autoptr(GPtrArray) records = all_records (department);
  const char *uuid = gk_record_get_uuid (g_ptr_array_index (records, 2));
  g_autoptr(GkRecord) theirs = gk_store_get_record (department, uuid, NULL);
  g_autoptr(GkRecord) ours = gk_store_get_record (district, uuid, NULL);
  g_autoptr(GkRecord) kept = NULL;
  g_autoptr(GkExchangeResult) later = NULL;
  g_autofree char *second = NULL;
  const GkExchangeConflict *conflict;
  g_autoptr(GError) error = NULL;

  retitle (department, theirs, "部门改的标题");
  retitle (district, ours, "区里改的标题");

  second = export_to (fixture, department, "second.json");
  later = import_from (district, second);
  g_assert_cmpuint (later->conflicts->len, ==, 1);
  g_assert_cmpuint (later->updated, ==, 0);
  g_assert_cmpuint (later->unchanged, ==, 19);
  conflict = g_ptr_array_index (later->conflicts, 0);
  g_assert_cmpstr (conflict->uuid, ==, uuid);
  g_assert_cmpstr (conflict->index_no, ==, gk_record_get_index_no (theirs));
  g_assert_nonnull (conflict->reason);

  kept = gk_store_get_record (district, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_title (kept), ==, "区里改的标题");
}

static GkSupervisionRow *
supervision_total (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = gk_store_supervision_report (store, "2015-01-01", "2030-12-31", "2026-06-30", &error);
  GkSupervisionRow *total;

  g_assert_no_error (error);
  total = g_ptr_array_steal_index (rows, rows->len - 1);
  g_assert_cmpint (total->kind, ==, GK_SUPERVISION_ROW_TOTAL);
  return total;
}

static void
assert_sum (const GkSupervisionRow *sum,
            const GkSupervisionRow *a,
            const GkSupervisionRow *b)
{
  g_assert_cmpuint (sum->due, ==, a->due + (b != NULL ? b->due : 0));
  g_assert_cmpuint (sum->on_time, ==, a->on_time + (b != NULL ? b->on_time : 0));
  g_assert_cmpuint (sum->late, ==, a->late + (b != NULL ? b->late : 0));
  g_assert_cmpuint (sum->overdue, ==, a->overdue + (b != NULL ? b->overdue : 0));
  g_assert_cmpuint (sum->pending, ==, a->pending + (b != NULL ? b->pending : 0));
  g_assert_cmpuint (sum->late_workdays, ==, a->late_workdays + (b != NULL ? b->late_workdays : 0));
}

/* `report` of the organisation @organisation (and of its unit @unit when
 * not NULL): its status, and its error output in *@err_out. */
static int
run_report (const char  *db,
            const char  *organisation,
            const char  *unit,
            const char  *output,
            char       **err_out)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { g_getenv ("GK_CLI"), "--db", db, "report", "--year", "2024", "--on", "2026-06-30",
                         "--organisation", organisation, "-o", output,
                         unit != NULL ? "--unit" : NULL, unit, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err_out, &status, &error));
  g_assert_no_error (error);
  return status;
}

static void
run_cli (const char *db,
         const char *organisation,
         const char *output)
{
  g_autofree char *err = NULL;
  int status = run_report (db, organisation, NULL, output, &err);

  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
}

/* The annual report's public-resource and monthly figures of @year, summed
 * over every row: records due, published, withheld. */
static void
report_totals (GkStore *store,
               int      year,
               gint64   totals[3])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = gk_store_report_resources (store, year, 0, "2026-06-30", &error);
  g_autoptr(GPtrArray) months = NULL;

  g_assert_no_error (error);
  months = gk_store_report_months (store, year, 0, &error);
  g_assert_no_error (error);
  totals[0] = totals[1] = totals[2] = 0;
  for (guint i = 0; i < resources->len; i++)
    {
      GkReportResourceRow *row = g_ptr_array_index (resources, i);

      totals[0] += row->due;
      totals[2] += row->withheld;
    }
  for (guint i = 0; i < months->len; i++)
    for (guint m = 0; m < 12; m++)
      totals[1] += ((GkReportMonthRow *) g_ptr_array_index (months, i))->months[m];
}

/* The report's figures of the district scoped to one department are that
 * department's own; of all, the sum of the two. */
static void
assert_report_scoped (GkStore *district,
                      GkStore *finance,
                      GkStore *housing)
{
  g_autoptr(GError) error = NULL;
  gint64 counted = 0;

  for (int year = 2020; year <= 2027; year++)
    {
      gint64 a[3], b[3], all[3], only[3];

      report_totals (finance, year, a);
      report_totals (housing, year, b);
      report_totals (district, year, all);
      g_assert_true (gk_store_set_report_organisation (district, "11130102MB0110011L", &error));
      g_assert_no_error (error);
      report_totals (district, year, only);
      g_assert_true (gk_store_set_report_organisation (district, NULL, &error));
      for (guint k = 0; k < 3; k++)
        {
          g_assert_cmpint (all[k], ==, a[k] + b[k]);
          g_assert_cmpint (only[k], ==, a[k]);
          counted += a[k] + b[k];
        }
    }
  g_assert_cmpint (counted, >, 0);
}

static gint64
add_unit (GkStore    *store,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gk_store_add_unit (store, name, &error);

  g_assert_no_error (error);
  return id;
}

/* The district recomputes its due dates (after a calendar update), the
 * department changes a record: the next file updates it, as the district's
 * clerk changed nothing; no record is a conflict. */
static void
test_recomputed_due_dates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 20, 4);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *first = export_to (fixture, department, "first.json");
  g_autoptr(GkExchangeResult) result = import_from (district, first);
  g_autoptr(GPtrArray) records = all_records (department);
  GkRecord *changed = g_ptr_array_index (records, 2);
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GkExchangeResult) later = NULL;
  g_autoptr(GkExchangeResult) again = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (result->added, ==, 20);
  /* What a recompute writes when the calendar moved a working day: the
   * due dates, and nothing a clerk typed. */
  g_assert_true (gk_db_exec (gk_store_get_db (district),
                             "UPDATE records SET due_on = date (due_on, '+1 day') WHERE due_on IS NOT NULL", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gk_db_get_changes (gk_store_get_db (district)), >, 10);

  /* The same file again: nothing changed on either side that counts. */
  again = import_from (district, first);
  g_assert_cmpuint (again->unchanged, ==, 20);
  g_assert_cmpuint (again->conflicts->len, ==, 0);

  retitle (department, changed, "部门改的标题");
  second = export_to (fixture, department, "second.json");
  later = import_from (district, second);
  g_assert_cmpuint (later->conflicts->len, ==, 0);
  g_assert_cmpuint (later->updated, ==, 1);
  g_assert_cmpuint (later->unchanged, ==, 19);
  copy = gk_store_get_record (district, gk_record_get_uuid (changed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_title (copy), ==, "部门改的标题");
}

/* A district passes a department's records on (to the city, or back to
 * the department): the file is the department's, and its own ledger finds
 * every record unchanged. */
static void
test_district_reexport (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GkStore) finance = open_department (fixture, "finance.db", "长安区财政局", "11130102MB0110011L", 25, 31);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 5, 32);
  g_autoptr(GkStore) city = open_department (fixture, "city.db", "石家庄市人民政府办公室", "11130102000014349N", 0, 0);
  g_autofree char *finance_file = export_to (fixture, finance, "finance.json");
  g_autoptr(GkExchangeResult) merged = import_from (district, finance_file);
  g_autofree char *again_file = NULL;
  g_autofree char *home_file = NULL;
  g_autoptr(GkExchangeResult) back = NULL;
  g_autoptr(GkExchangeResult) onward = NULL;
  g_autoptr(GkExchangeResult) home = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (merged->added, ==, 25);
  g_assert_true (gk_store_set_report_organisation (district, "11130102MB0110011L", &error));
  g_assert_no_error (error);
  again_file = export_to (fixture, district, "finance-from-district.json");

  back = import_from (finance, again_file);
  g_assert_cmpstr (back->organisation_code, ==, "11130102MB0110011L");
  g_assert_cmpstr (back->organisation_name, ==, "长安区财政局");
  g_assert_cmpuint (back->added, ==, 0);
  g_assert_cmpuint (back->unchanged, ==, 25);
  g_assert_cmpuint (back->conflicts->len, ==, 0);

  onward = import_from (city, again_file);
  g_assert_cmpuint (onward->added, ==, 25);
  organisations = gk_store_list_organisations (city, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, 2);
  g_assert_cmpstr (((GkOrganisation *) g_ptr_array_index (organisations, 1))->code, ==, "11130102MB0110011L");
  g_assert_cmpuint (((GkOrganisation *) g_ptr_array_index (organisations, 1))->n_records, ==, 25);

  /* Without a choice, the district's own records, as before. */
  g_assert_true (gk_store_set_report_organisation (district, NULL, &error));
  home_file = export_to (fixture, district, "district.json");
  g_clear_pointer (&organisations, g_ptr_array_unref);
  home = import_from (city, home_file);
  g_assert_cmpstr (home->organisation_code, ==, "11130102MB0110038C");
  g_assert_cmpuint (home->added, ==, 5);

  /* The command takes the code, and refuses "all". */
  {
    g_autofree char *db = g_build_filename (fixture->dir, "district.db", NULL);
    g_autofree char *output = g_build_filename (fixture->dir, "cli.json", NULL);
    g_autofree char *finance_path = g_build_filename (fixture->dir, "finance.db", NULL);
    g_autofree char *err = NULL;
    int status = -1;
    const char *argv[] = { g_getenv ("GK_CLI"), "--db", db, "export", "--organisation", "11130102MB0110011L",
                           "-o", output, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("%s", err);
    g_clear_object (&finance);
    finance = gk_test_open_store (finance_path);
    g_clear_pointer (&back, gk_exchange_result_free);
    back = import_from (finance, output);
    g_assert_cmpuint (back->unchanged, ==, 25);

    argv[5] = "all";
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }
}

/* Two departments' files merged into one district ledger: 督查's totals are
 * the sum of the two; each department alone is its own; the reports work
 * for each and for all. */
static void
test_district_merge (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GkStore) finance = open_department (fixture, "finance.db", "长安区财政局", "11130102MB0110011L", 60, 21);
  g_autoptr(GkStore) housing = open_department (fixture, "housing.db", "长安区住建局", "11130102MB0110020J", 70, 22);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  gint64 planning = add_unit (housing, "住建局城建科");
  g_autofree char *finance_file = export_to (fixture, finance, "finance.json");
  g_autofree char *housing_file = export_to (fixture, housing, "housing.json");
  g_autoptr(GkExchangeResult) r1 = import_from (district, finance_file);
  g_autoptr(GkExchangeResult) r2 = import_from (district, housing_file);
  g_autoptr(GkSupervisionRow) finance_total = supervision_total (finance);
  g_autoptr(GkSupervisionRow) housing_total = supervision_total (housing);
  g_autoptr(GkSupervisionRow) district_total = supervision_total (district);
  g_autoptr(GkSupervisionRow) finance_only = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "11130102MB0110011L", "11130102MB0110020J", "all" };

  g_assert_cmpuint (r1->added, ==, 60);
  g_assert_cmpuint (r2->added, ==, 70);
  g_assert_cmpuint (finance_total->due, >, 0);
  assert_sum (district_total, finance_total, housing_total);
  assert_report_scoped (district, finance, housing);

  g_assert_true (gk_store_set_report_organisation (district, "11130102MB0110011L", &error));
  g_assert_no_error (error);
  finance_only = supervision_total (district);
  assert_sum (finance_only, finance_total, NULL);
  g_assert_false (gk_store_set_report_organisation (district, "NOSUCH", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gk_store_set_report_organisation (district, NULL, &error));

  /* Where each organisation's data came from, the home one first. */
  organisations = gk_store_list_organisations (district, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, 3);
  {
    GkOrganisation *home = g_ptr_array_index (organisations, 0);
    GkOrganisation *first = g_ptr_array_index (organisations, 1);

    g_assert_cmpstr (home->code, ==, "11130102MB0110038C");
    g_assert_null (home->source);
    g_assert_cmpuint (home->n_records, ==, 0);
    g_assert_cmpstr (first->code, ==, "11130102MB0110011L");
    g_assert_cmpstr (first->source, ==, "finance.json");
    g_assert_nonnull (first->imported_at);
    g_assert_cmpuint (first->n_records, ==, 60);
  }

  /* A unit of one department is found from the whole district, and its
   * report is that department's; a unit name several organisations have
   * is found only once the organisation is chosen. */
  g_assert_cmpint (planning, >, 0);
  {
    gint64 unit = gk_store_find_report_unit (district, "住建局城建科", &error);
    g_autofree char *name = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (unit, >, 0);
    name = gk_store_dup_report_organisation_name (district, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "长安区住建局");
    g_assert_true (gk_store_set_report_organisation (district, NULL, &error));
    g_assert_cmpint (gk_store_find_report_unit (district, "建北街道", &error), ==, 0);
    g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "11130102MB0110011L"));
    g_assert_nonnull (strstr (error->message, "11130102MB0110038C"));
    g_clear_error (&error);
    g_assert_true (gk_store_set_report_organisation (district, "11130102MB0110011L", &error));
    unit = gk_store_find_report_unit (district, "建北街道", &error);
    g_assert_no_error (error);
    g_assert_cmpint (unit, >, 0);
    g_assert_cmpint (unit, !=, gk_store_find_unit (district, "建北街道", NULL));
    g_assert_true (gk_store_set_report_organisation (district, NULL, &error));
  }

  /* The report for each department and for the district. */
  g_clear_object (&district);
  {
    g_autofree char *db = g_build_filename (fixture->dir, "district.db", NULL);
    g_autofree char *output = g_build_filename (fixture->dir, "report-unit.xlsx", NULL);
    g_autofree char *err = NULL;

    if (!g_spawn_check_wait_status (run_report (db, "all", "住建局城建科", output, &err), NULL))
      g_error ("%s", err);
    g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&err, g_free);
    g_assert_false (g_spawn_check_wait_status (run_report (db, "all", "建北街道", output, &err), NULL));
    g_assert_nonnull (strstr (err, "--organisation"));
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_check_wait_status (run_report (db, "11130102MB0110020J", "建北街道", output, &err), NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.xlsx", codes[i]);
      g_autofree char *output = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *db = g_build_filename (fixture->dir, "district.db", NULL);

      run_cli (db, codes[i], output);
    }
}

/* With a .zip, the attached files travel too: the receiving ledger can open
 * every attachment, byte for byte the sender's. */
static void
test_zip_with_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 40, 8);
  g_autofree char *district_dir = g_build_filename (fixture->dir, "district", NULL);
  g_autofree char *district_path = g_build_filename (district_dir, "district.db", NULL);
  g_autoptr(GkStore) district = NULL;
  g_autofree char *path = export_to (fixture, department, "dept.zip");
  g_autoptr(GkExchangeResult) result = NULL;
  g_autoptr(GPtrArray) records = all_records (department);
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir (district_dir, 0755), ==, 0);
  district = gk_test_open_store (district_path);
  g_assert_true (gk_store_set_organisation (district, "长安区人民政府办公室", "11130102MB0110038C", &error));
  result = import_from (district, path);
  g_assert_cmpuint (result->added, ==, 40);

  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GkRecord) copy = gk_store_get_record (district, gk_record_get_uuid (record), NULL);
      g_autoptr(GPtrArray) theirs = gk_store_list_attachments (department, record, NULL);
      g_autoptr(GPtrArray) ours = gk_store_list_attachments (district, copy, NULL);

      g_assert_cmpuint (theirs->len, ==, ours->len);
      for (guint j = 0; j < ours->len; j++)
        {
          g_autoptr(GFile) source = gk_store_get_attachment_file (department, g_ptr_array_index (theirs, j));
          g_autoptr(GFile) target = gk_store_get_attachment_file (district, g_ptr_array_index (ours, j));
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;
          gsize la, lb;

          g_assert_true (g_file_load_contents (source, NULL, &a, &la, NULL, NULL));
          g_assert_true (g_file_load_contents (target, NULL, &b, &lb, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpmem (a, la, b, lb);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, >, 0);
}

/* Importing @path into @store fails with @code and leaves no record. */
static void
assert_imports_nothing (GkStore            *store,
                        const char         *path,
                        GkExchangeProgress  progress,
                        GCancellable       *cancellable,
                        GQuark              domain,
                        int                 code)
{
  g_autoptr(GkExchangeResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  result = gk_exchange_import (store, path, progress, cancellable, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, domain, code);
  records = all_records (store);
  g_assert_cmpuint (records->len, ==, 0);
}

/* A file that is not an exchange file, or one cut short, changes nothing. */
static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 10, 4);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *path = export_to (fixture, department, "dept.json");
  g_autofree char *contents = NULL;
  g_autofree char *cut = g_build_filename (fixture->dir, "cut.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.json", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length * 2 / 3, NULL));
  g_assert_true (g_file_set_contents (other, "{\"format\":\"something-else\",\"records\":[]}", -1, NULL));

  /* All or nothing: the records before the cut are not kept either. */
  assert_imports_nothing (district, cut, NULL, NULL, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_imports_nothing (district, other, NULL, NULL, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
cancel_after_100 (guint    done,
                  guint    total,
                  gpointer user_data)
{
  if (done >= 100)
    g_cancellable_cancel (user_data);
}

/* The records are read ahead of the ones being written: an import
 * cancelled partway, or stopped by a damaged record far into the file,
 * keeps nothing of it, and the same file then imports whole. */
static void
test_stopped_partway (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GkStore) department = open_department (fixture, "dept.db", "长安区财政局", "11130102MB0110011L", 400, 7);
  g_autoptr(GkStore) district = open_department (fixture, "district.db", "长安区人民政府办公室", "11130102MB0110038C", 0, 0);
  g_autofree char *path = export_to (fixture, department, "dept.json");
  g_autofree char *cut = g_build_filename (fixture->dir, "cut.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GkExchangeResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  assert_imports_nothing (district, path, cancel_after_100, cancellable, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Cut inside one of the last records: hundreds were written before. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length * 9 / 10, NULL));
  assert_imports_nothing (district, cut, NULL, NULL, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  /* A record that is not an object, far into the array. */
  {
    GString *bad = g_string_new (contents);
    const char *at = bad->str;

    for (guint i = 0; i < 300; i++)
      {
        at = strstr (at + 1, "\n{\"uuid\"");
        g_assert_nonnull (at);
      }
    g_string_insert (bad, at - bad->str + 1, "42,\n");
    g_assert_true (g_file_set_contents (cut, bad->str, bad->len, NULL));
    g_string_free (bad, TRUE);
  }
  assert_imports_nothing (district, cut, NULL, NULL, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  result = import_from (district, path);
  g_assert_cmpuint (result->added, ==, 400);
  records = all_records (district);
  g_assert_cmpuint (records->len, ==, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/copy-is-equal", Fixture, NULL, fixture_set_up, test_copy_is_equal, fixture_tear_down);
  g_test_add ("/exchange/cache-restored", Fixture, NULL, fixture_set_up, test_cache_restored, fixture_tear_down);
  g_test_add ("/exchange/reimport-updates", Fixture, NULL, fixture_set_up, test_reimport_updates, fixture_tear_down);
  g_test_add ("/exchange/conflict-is-listed", Fixture, NULL, fixture_set_up, test_conflict_is_listed, fixture_tear_down);
  g_test_add ("/exchange/recomputed-due-dates", Fixture, NULL, fixture_set_up, test_recomputed_due_dates, fixture_tear_down);
  g_test_add ("/exchange/district-merge", Fixture, NULL, fixture_set_up, test_district_merge, fixture_tear_down);
  g_test_add ("/exchange/district-reexport", Fixture, NULL, fixture_set_up, test_district_reexport, fixture_tear_down);
  g_test_add ("/exchange/zip-with-files", Fixture, NULL, fixture_set_up, test_zip_with_files, fixture_tear_down);
  g_test_add ("/exchange/damaged-file", Fixture, NULL, fixture_set_up, test_damaged_file, fixture_tear_down);
  g_test_add ("/exchange/stopped-partway", Fixture, NULL, fixture_set_up, test_stopped_partway, fixture_tear_down);
  return g_test_run ();
}
