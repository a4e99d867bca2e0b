/* test-organisation.c: the organisation a ledger belongs to, its units, the role fields and the sample ledger. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gk-core.h"
#include "gk-db.h"
#include "gk-demo.h"
#include "gk-plan.h"
#include "gk-schema.h"
#include "gk-settings.h"
#include "gk-store-private.h"
#include "gk-test-util.h"

static GkStore *
open_fresh (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GkStore *store = gk_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
lists_unit (GkStore    *store,
            gboolean    include_retired,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = gk_store_list_units (store, include_retired, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    if (g_str_equal (((GkUnit *) g_ptr_array_index (units, i))->name, name))
      return TRUE;
  return FALSE;
}

static guint
count_records (GkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  guint count = 0;

  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  return count;
}

/* A new ledger has no organisation of anyone else's: no name, no code, so
 * no 索引号 can be printed with a placeholder; its units are 长安区's. */
static void
test_new_ledger (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-org-XXXXXX", NULL);
  g_autoptr(GkStore) store = open_fresh (dir, "new.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *level = NULL;
  static const char * const streets_and_towns[] = {
    "建北街道", "青园街道", "广安街道", "育才街道", "跃进街道", "河东街道", "长丰街道", "谈固街道",
    "中山东路街道", "阜康街道", "建安街道", "胜北街道", "西兆通镇", "南村镇", "高营镇", "桃园镇", NULL,
  };

  g_assert_true (gk_store_get_organisation (store, &name, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpstr (code, ==, "");
  /* Until set, the earlier due date: a department's. */
  level = gk_store_dup_organisation_level (store, &error);
  g_assert_cmpstr (level, ==, GK_ORGANISATION_DEPARTMENT);

  for (guint i = 0; streets_and_towns[i] != NULL; i++)
    g_assert_true (lists_unit (store, FALSE, streets_and_towns[i]));
  g_assert_false (lists_unit (store, TRUE, "西兴街道"));
  g_assert_false (lists_unit (store, TRUE, "采购人"));
  g_assert_false (lists_unit (store, TRUE, "招标代理机构"));
  /* The group of all streets and towns is how items name them, not a unit. */
  g_assert_false (lists_unit (store, TRUE, "各街镇"));

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

/* The code is the front of every 索引号: a mistyped one is refused, a right
 * one (either kind) is stored as printed on the certificate. */
static void
test_organisation_code (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-org-XXXXXX", NULL);
  g_autoptr(GkStore) store = open_fresh (dir, "code.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *level = NULL;

  /* A wrong check character, a wrong length, no name. */
  g_assert_false (gk_store_set_organisation (store, "长安区人民政府", "11130102000014349X", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_store_set_organisation (store, "长安区人民政府", "1113010200001", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_store_set_organisation (store, "长安区人民政府", "00001434-8", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_store_set_organisation (store, "  ", "000014349", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_store_get_organisation (store, NULL, &code, &error));
  g_assert_cmpstr (code, ==, "");
  g_clear_pointer (&code, g_free);

  /* The older organisation code, as printed with its hyphen. */
  g_assert_true (gk_store_set_organisation (store, "长安区发改局", "00001434-9", &error));
  g_assert_no_error (error);
  g_assert_true (gk_store_get_organisation (store, &name, &code, &error));
  g_assert_cmpstr (name, ==, "长安区发改局");
  g_assert_cmpstr (code, ==, "000014349");
  g_clear_pointer (&code, g_free);

  /* The unified social credit code, typed in lower case with spaces. */
  g_assert_true (gk_store_set_organisation (store, "石家庄市长安区人民政府", " 11130102000014349n ", &error));
  g_assert_no_error (error);
  g_assert_true (gk_store_get_organisation (store, NULL, &code, &error));
  g_assert_cmpstr (code, ==, "11130102000014349N");

  record = gk_store_create_record (store, "procurement.notice", "采购公告", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gk_record_get_index_no (record), "11130102000014349N/"));

  /* The level, which decides the annual report's due date, is one of two. */
  g_assert_true (gk_store_set_organisation_level (store, GK_ORGANISATION_DISTRICT, &error));
  g_assert_no_error (error);
  level = gk_store_dup_organisation_level (store, &error);
  g_assert_cmpstr (level, ==, GK_ORGANISATION_DISTRICT);
  g_assert_false (gk_store_set_organisation_level (store, "city", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);

  g_clear_object (&record);
  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

/* Units are data the clerk keeps: renamed, retired, removed while unused. */
static void
test_unit_rename_retire (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-org-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "units.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkRecord) again = NULL;
  gint64 street = gk_store_find_unit (store, "谈固街道", &error);
  gint64 spare;

  g_assert_cmpint (street, !=, 0);
  record = gk_store_create_record (store, "procurement.notice", "谈固街道办公设备采购", &error);
  g_assert_no_error (error);
  gk_record_set_unit_id (record, street);
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);

  /* A rename onto another unit's name would merge them: refused. */
  g_assert_false (gk_store_update_unit (store, street, "建北街道", FALSE, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A rename keeps the unit, so its records follow the corrected name. */
  g_assert_true (gk_store_update_unit (store, street, "谈固街道办事处", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_store_find_unit (store, "谈固街道办事处", &error), ==, street);
  g_assert_cmpint (gk_store_find_unit (store, "谈固街道", &error), ==, 0);
  again = gk_store_get_record (store, gk_record_get_uuid (record), &error);
  g_assert_cmpint (gk_record_get_unit_id (again), ==, street);
  g_clear_object (&again);

  /* A unit with records cannot be removed; retired, it is no longer
   * offered, and its records keep it and its name. */
  g_assert_false (gk_store_remove_unit (store, street, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_store_update_unit (store, street, "谈固街道办事处", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (lists_unit (store, FALSE, "谈固街道办事处"));
  g_assert_true (lists_unit (store, TRUE, "谈固街道办事处"));
  again = gk_store_get_record (store, gk_record_get_uuid (record), &error);
  g_assert_cmpint (gk_record_get_unit_id (again), ==, street);

  /* An unused unit goes altogether. */
  spare = gk_store_add_unit (store, "区数据和政务服务局", &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_remove_unit (store, spare, &error));
  g_assert_no_error (error);
  g_assert_false (lists_unit (store, TRUE, "区数据和政务服务局"));
  g_assert_false (gk_store_remove_unit (store, spare, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

static gboolean
schema_has_field (GkItem     *item,
                  const char *id)
{
  g_autofree char *json = gk_schema_to_json (gk_item_get_schema (item), FALSE);
  g_autofree char *needle = g_strdup_printf ("\"id\":\"%s\"", id);
  g_autofree char *spaced = g_strdup_printf ("\"id\": \"%s\"", id);

  return strstr (json, needle) != NULL || strstr (json, spaced) != NULL;
}

/* A ledger of an earlier version: the purchaser as a unit, 西兴街道, an item
 * naming roles among its units. After the update the roles are fields,
 * the old attribution is kept on a retired unit, the streets are right. */
static void
test_role_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-org-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  gint64 purchaser;
  GkDb *db;

  db = gk_db_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  gk_db_exec (db,
              "INSERT INTO organisation (id, name, code) VALUES (1, '长安区财政局', '000014349');"
              "INSERT INTO units (id, name, position) VALUES (1, '区财政局', 1), (2, '建北街道', 2),"
              "  (3, '西兴街道', 3), (4, '采购人', 4), (5, '招标代理机构', 5);"
              "INSERT INTO domains (key, name, position) VALUES ('procurement', '政府采购', 1);"
              "INSERT INTO catalog_items (id, key, domain, level1, level2, units, fields) VALUES"
              "  (1, 'procurement.result', 'procurement', '采购结果', '中标（成交）结果公告',"
              "   '区财政局、采购人、采购代理机构',"
              "   '[{\"id\": \"project_name\", \"label\": \"采购项目名称\", \"kind\": \"text\"}]');"
              "INSERT INTO records (id, uuid, item_id, domain, title, fields, unit_id, index_no, created_at, updated_at)"
              "  VALUES (1, 'old-record', 1, 'procurement', '办公设备采购结果公告',"
              "  '{\"project_name\": \"办公设备采购\"}', 4, '000014349/2025-00001',"
              "  '2025-03-03T09:00:00+08:00', '2025-03-03T09:00:00+08:00');",
              &error);
  g_assert_no_error (error);
  gk_db_close (db);

  store = gk_store_open (path, &error);
  g_assert_no_error (error);

  /* The organisation stays the ledger's own. */
  g_assert_true (gk_store_get_organisation (store, &name, &code, &error));
  g_assert_cmpstr (name, ==, "长安区财政局");
  g_assert_cmpstr (code, ==, "000014349");

  /* Roles are no longer offered as units… */
  purchaser = gk_store_find_unit (store, "采购人", &error);
  g_assert_cmpint (purchaser, ==, 4);
  g_assert_false (lists_unit (store, FALSE, "采购人"));
  g_assert_false (lists_unit (store, FALSE, "招标代理机构"));
  /* …and the record attributed to one keeps it, with its values. */
  record = gk_store_get_record (store, "old-record", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_record_get_unit_id (record), ==, purchaser);
  g_assert_cmpstr (gk_record_get_index_no (record), ==, "000014349/2025-00001");

  /* The item names the purchaser and the agency as fields, and no role
   * among its responsible units. */
  item = gk_store_get_item (store, "procurement.result", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (gk_item_get_units (item), ((const char *[]) { "区财政局", NULL }));
  g_assert_true (schema_has_field (item, "project_name"));
  g_assert_true (schema_has_field (item, "purchaser"));
  g_assert_true (schema_has_field (item, "agency"));

  /* The streets and towns: 西兴街道 retired, the missing ones added. */
  g_assert_false (lists_unit (store, FALSE, "西兴街道"));
  g_assert_true (lists_unit (store, TRUE, "西兴街道"));
  g_assert_true (lists_unit (store, FALSE, "建北街道"));
  g_assert_true (lists_unit (store, FALSE, "跃进街道"));
  g_assert_true (lists_unit (store, FALSE, "桃园镇"));
  g_assert_true (lists_unit (store, FALSE, "中山东路街道"));

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

/* A ledger that still has the placeholder code earlier versions seeded
 * keeps the 索引号 issued with it, and issues no more with it. */
static void
test_placeholder_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-org-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "placeholder.db", NULL);
  g_autoptr(GkStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  GkDb *db;

  db = gk_db_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  gk_db_exec (db, "INSERT INTO organisation (id, name, code) VALUES (1, '石家庄市长安区人民政府办公室', '111301020000000001');"
                  "INSERT INTO index_serials (prefix, year, last) VALUES ('111301020000000001', 2026, 3);",
              &error);
  g_assert_no_error (error);
  gk_db_close (db);

  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_get_organisation (store, &name, &code, &error));
  g_assert_cmpstr (name, ==, "石家庄市长安区人民政府办公室");
  g_assert_cmpstr (code, ==, "");

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

/* The sample goes into a ledger of its own beside the clerk's; the
 * clerk's ledger is not touched, and the sample is filled only once. */
static void
test_sample_ledger (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-org-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gongkai.db", NULL);
  g_autofree char *sample_path = gk_demo_sample_path (path);
  g_autoptr(GkStore) real = gk_test_open_store (path);
  g_autoptr(GkStore) sample = NULL;
  g_autoptr(GkStore) reopened = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *code = NULL;
  guint n_sample;

  g_assert_cmpstr (sample_path, !=, path);
  g_assert_true (g_str_has_suffix (sample_path, "gongkai.sample.db"));
  sample = gk_demo_open_sample (path, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_store_get_path (sample), ==, sample_path);
  n_sample = count_records (sample);
  g_assert_cmpuint (n_sample, >=, 40);
  marked = gk_store_get_setting (sample, GK_SAMPLE_LEDGER_KEY, &error);
  g_assert_cmpstr (marked, ==, "1");
  g_assert_true (gk_store_get_organisation (sample, NULL, &code, &error));
  g_assert_cmpstr (code, ==, GK_DEMO_ORGANISATION_CODE);
  g_clear_pointer (&code, g_free);

  /* The real ledger: no record, its own organisation, not a sample. */
  g_assert_cmpuint (count_records (real), ==, 0);
  g_clear_pointer (&marked, g_free);
  marked = gk_store_get_setting (real, GK_SAMPLE_LEDGER_KEY, &error);
  g_assert_null (marked);
  g_assert_true (gk_store_get_organisation (real, NULL, &code, &error));
  g_assert_cmpstr (code, ==, GK_TEST_ORG_CODE);

  /* Opened again, as it was left. */
  g_clear_object (&sample);
  reopened = gk_demo_open_sample (path, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (reopened), ==, n_sample);

  g_clear_object (&reopened);
  g_clear_object (&real);
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/organisation/new-ledger", test_new_ledger);
  g_test_add_func ("/organisation/code", test_organisation_code);
  g_test_add_func ("/organisation/unit-rename-retire", test_unit_rename_retire);
  g_test_add_func ("/organisation/role-migration", test_role_migration);
  g_test_add_func ("/organisation/placeholder-code", test_placeholder_code);
  g_test_add_func ("/organisation/sample-ledger", test_sample_ledger);

  return g_test_run ();
}
