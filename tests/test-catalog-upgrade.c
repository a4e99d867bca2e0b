/* test-catalog-upgrade.c: a ledger made with the earlier catalog gains the new items and stage order on open. */
#include "config.h"

#include <string.h>

#include "gk-catalog.h"
#include "gk-core.h"
#include "gk-db.h"
#include "gk-schema.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-test-util.h"

/* The format ledgers had before the plan's items (001 … 004). */
#define EARLIER_FORMAT 4

/* Items the earlier catalog did not have. */
static const char * const added_keys[] = {
  "procurement.qualification", "procurement.process", "procurement.correction",
  "bidding.qualification", "bidding.process", "bidding.correction", "work-plan.plan", NULL,
};

/* The stages the earlier catalog gave the items that now moved. */
static int
earlier_stage (const char *key,
               int         stage)
{
  static const struct { const char *key; int stage; } earlier[] = {
    { "procurement.result", 4 }, { "procurement.contract", 5 },
    { "bidding.candidates", 3 }, { "bidding.result", 4 }, { "bidding.contract", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (earlier); i++)
    if (g_strcmp0 (earlier[i].key, key) == 0)
      return earlier[i].stage;
  return stage;
}

static void
exec (GkDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
add_item_row (GkDb       *db,
              GkItem     *item,
              const char *level2,
              int         stage,
              int         position)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = gk_schema_to_json (gk_item_get_schema (item), FALSE);
  GkDbStatement *stmt = gk_db_prepare (db,
                                       "INSERT INTO catalog_items (key, domain, level1, level2, deadline_rule, "
                                       "fields, project_kind, stage, position) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                       &error);

  g_assert_no_error (error);
  g_assert_true (gk_db_statement_bind_text (stmt, 1, gk_item_get_key (item), &error) &&
                 gk_db_statement_bind_text (stmt, 2, gk_item_get_domain (item), &error) &&
                 gk_db_statement_bind_text (stmt, 3, gk_item_get_level1 (item), &error) &&
                 gk_db_statement_bind_text (stmt, 4, level2, &error) &&
                 gk_db_statement_bind_text (stmt, 5, gk_item_get_deadline_rule (item), &error) &&
                 gk_db_statement_bind_text (stmt, 6, fields, &error) &&
                 gk_db_statement_bind_text (stmt, 7, gk_item_get_project_kind (item), &error) &&
                 gk_db_statement_bind_int (stmt, 8, stage, &error) &&
                 gk_db_statement_bind_int (stmt, 9, position, &error) &&
                 gk_db_statement_step_done (stmt, &error));
  g_assert_no_error (error);
}

static void
add_record_row (GkDb       *db,
                const char *uuid,
                const char *item_key,
                int         project_id,
                const char *index_no,
                const char *published_on)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO records (uuid, item_id, domain, project_id, title, fields, index_no, "
                                          "formed_on, published_on, status, created_at, updated_at) "
                                          "SELECT '%s', id, domain, %d, '长安区某项目' || level2, '{\"note\": \"旧\"}', '%s', "
                                          "'%s', '%s', 'published', '2025-01-02T09:00:00+08:00', '2025-01-02T09:00:00+08:00' "
                                          "FROM catalog_items WHERE key = '%s'",
                                          uuid, project_id, index_no, published_on, published_on, item_key);

  exec (db, sql);
}

/* A ledger as the earlier Gongkai left it: the earlier catalog (with one
 * item the clerk renamed, one whose stage the clerk set, and one of the
 * clerk's own), and a procurement and a tender project with records. */
static void
make_earlier_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalog) catalog = gk_catalog_new_default (&error);
  GkDb *db;
  int position = 0;

  g_assert_no_error (error);
  db = gk_db_open_at_version (path, EARLIER_FORMAT, &error);
  g_assert_no_error (error);

  exec (db, "INSERT INTO organisation (id, name, code) VALUES (1, '长安区人民政府办公室', '000014349')");
  exec (db, "INSERT INTO units (name, position) VALUES ('区财政局', 1)");
  for (guint i = 0, n = 0; i < catalog->domains->len; i++)
    {
      const GkCatalogDomain *domain = g_ptr_array_index (catalog->domains, i);
      g_autofree char *sql = NULL;

      if (g_strcmp0 (domain->key, "work-plan") == 0)
        continue;
      sql = g_strdup_printf ("INSERT INTO domains (key, name, position) VALUES ('%s', '%s', %u)", domain->key, domain->name, ++n);
      exec (db, sql);
    }

  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);
      const char *key = gk_item_get_key (item);
      const char *level2 = gk_item_get_level2 (item);
      int stage = earlier_stage (key, gk_item_get_stage (item));

      if (g_strv_contains (added_keys, key))
        continue;
      if (g_strcmp0 (key, "procurement.result") == 0)
        level2 = "中标（成交）结果公告（本区格式）";
      if (g_strcmp0 (key, "bidding.contract") == 0)
        stage = 8;
      add_item_row (db, item, level2, stage, ++position);
    }
  {
    g_autoptr(GkItem) request = gk_catalog_new_request_item (catalog, GK_ITEM_KEY_REQUEST);
    g_autoptr(GkItem) review = gk_catalog_new_request_item (catalog, GK_ITEM_KEY_CASE);
    g_autoptr(GkItem) own = gk_item_new ("clerk.framework-notice", "procurement");

    add_item_row (db, request, gk_item_get_level2 (request), 0, ++position);
    add_item_row (db, review, gk_item_get_level2 (review), 0, ++position);
    /* The clerk's own item, added last. */
    gk_item_set_level1 (own, "采购信息");
    gk_item_set_deadline_rule (own, "proactive");
    gk_item_set_schema (own, gk_item_get_schema (gk_catalog_lookup_item (catalog, "procurement.notice")));
    add_item_row (db, own, "框架协议采购公告", 0, ++position);
  }

  exec (db, "INSERT INTO projects (id, uuid, kind, name, created_at) VALUES "
            "(1, 'p-1', 'procurement', '长安区某学校设备采购', '2025-01-02T09:00:00+08:00'), "
            "(2, 'p-2', 'tender', '长安区某道路改造工程', '2025-01-02T09:00:00+08:00')");
  add_record_row (db, "r-1", "procurement.notice", 1, "000014349/2025-00001", "2025-03-03");
  add_record_row (db, "r-2", "procurement.documents", 1, "000014349/2025-00002", "2025-03-04");
  add_record_row (db, "r-3", "procurement.result", 1, "000014349/2025-00003", "2025-04-01");
  add_record_row (db, "r-4", "bidding.notice", 2, "000014349/2025-00004", "2025-03-03");
  add_record_row (db, "r-5", "bidding.candidates", 2, "000014349/2025-00005", "2025-05-06");
  gk_db_close (db);
}

/* One line of text for what @sql selects (a single value), read from the
 * ledger at @path, which must be at @version. */
static char *
dump (const char *path,
      int         version,
      const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDb) db = gk_db_open_at_version (path, version, &error);
  GkDbStatement *stmt;
  char *text;

  g_assert_no_error (error);
  stmt = gk_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (gk_db_statement_step (stmt, &error));
  text = g_strdup (gk_db_statement_get_text (stmt, 0));
  gk_db_statement_reset (stmt);
  return text != NULL ? text : g_strdup ("");
}

#define RECORDS_DUMP \
  "SELECT group_concat (quote (r.id) || quote (r.uuid) || quote (i.key) || quote (r.domain) || quote (r.project_id) " \
  "  || quote (r.title) || quote (r.fields) || quote (r.index_no) || quote (r.formed_on) " \
  "  || quote (r.published_on) || quote (r.status), ' ') " \
  "FROM (SELECT * FROM records ORDER BY id) r JOIN catalog_items i ON i.id = r.item_id"
#define PROJECTS_DUMP \
  "SELECT group_concat (quote (id) || quote (uuid) || quote (kind) || quote (name), ' ') FROM (SELECT * FROM projects ORDER BY id)"
#define CATALOG_DUMP \
  "SELECT group_concat (quote (id) || quote (key) || quote (level2) || quote (project_kind) || quote (stage) " \
  "  || quote (stage_required) || quote (position) || quote (fields), ' ') FROM (SELECT * FROM catalog_items ORDER BY id)"
#define DOMAINS_DUMP \
  "SELECT group_concat (quote (key) || quote (position), ' ') FROM (SELECT * FROM domains ORDER BY key)"
#define SETTINGS_DUMP \
  "SELECT group_concat (quote (key) || quote (value), ' ') FROM (SELECT * FROM settings ORDER BY key)"

static int
stage_of (GkStore    *store,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item (store, key, &error);

  g_assert_no_error (error);
  return gk_item_get_stage (item);
}

static gboolean
required (GkStore    *store,
          const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item (store, key, &error);

  g_assert_no_error (error);
  return gk_item_get_stage_required (item);
}

/* Opening the earlier ledger adds the new items where the catalog has
 * them, moves the shipped stages to the new chain, keeps the clerk's
 * edits and every record, and reads the required flags. */
static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-upgrade-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GkCatalog) catalog = gk_catalog_new_default (&error);
  g_autofree char *records_before = NULL;
  g_autofree char *records_after = NULL;
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GkItem) renamed = NULL;
  g_autoptr(GkRecord) result = NULL;
  guint next_shipped = 0;

  g_assert_no_error (error);
  make_earlier_ledger (path);
  records_before = dump (path, EARLIER_FORMAT, RECORDS_DUMP);

  store = gk_store_open (path, &error);
  g_assert_no_error (error);

  /* Every new item and the new domain, in the catalog's order. */
  for (guint i = 0; added_keys[i] != NULL; i++)
    {
      g_autoptr(GkItem) item = gk_store_get_item (store, added_keys[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (gk_item_get_schema (item));
      g_assert_cmpstr (gk_item_get_level2 (item), ==, gk_item_get_level2 (gk_catalog_lookup_item (catalog, added_keys[i])));
    }
  domains = gk_store_list_domains (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (domains->len, ==, catalog->domains->len);
  for (guint i = 0; i < domains->len; i++)
    g_assert_cmpstr (g_ptr_array_index (domains, i), ==, ((GkCatalogDomain *) g_ptr_array_index (catalog->domains, i))->key);

  items = gk_store_list_items (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const char *key = gk_item_get_key (g_ptr_array_index (items, i));

      if (gk_catalog_lookup_item (catalog, key) == NULL)
        continue;
      g_assert_cmpuint (next_shipped, <, catalog->items->len);
      g_assert_cmpstr (key, ==, gk_item_get_key (g_ptr_array_index (catalog->items, next_shipped)));
      next_shipped++;
    }
  g_assert_cmpuint (next_shipped, ==, catalog->items->len);
  /* The clerk's own item stays last. */
  g_assert_cmpstr (gk_item_get_key (g_ptr_array_index (items, items->len - 1)), ==, "clerk.framework-notice");

  /* The new chain, the clerk's own stage number kept. */
  g_assert_cmpint (stage_of (store, "procurement.notice"), ==, 2);
  g_assert_cmpint (stage_of (store, "procurement.qualification"), ==, 4);
  g_assert_cmpint (stage_of (store, "procurement.process"), ==, 5);
  g_assert_cmpint (stage_of (store, "procurement.result"), ==, 6);
  g_assert_cmpint (stage_of (store, "procurement.contract"), ==, 7);
  g_assert_cmpint (stage_of (store, "bidding.qualification"), ==, 3);
  g_assert_cmpint (stage_of (store, "bidding.candidates"), ==, 5);
  g_assert_cmpint (stage_of (store, "bidding.result"), ==, 6);
  g_assert_cmpint (stage_of (store, "bidding.contract"), ==, 8);
  g_assert_false (required (store, "procurement.budget"));
  g_assert_false (required (store, "procurement.qualification"));
  g_assert_false (required (store, "bidding.approval"));
  g_assert_true (required (store, "procurement.result"));
  g_assert_true (required (store, "bidding.candidates"));

  /* The clerk's name for an item is kept. */
  renamed = gk_store_get_item (store, "procurement.result", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_item_get_level2 (renamed), ==, "中标（成交）结果公告（本区格式）");

  /* The records stand where they stood in their chains. */
  result = gk_store_get_record (store, "r-3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_item_key (result), ==, "procurement.result");
  stages = gk_store_project_stages (store, 1, "2025-04-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, 7);
  for (guint i = 1; i < stages->len; i++)
    g_assert_cmpint (gk_item_get_stage (((GkStage *) g_ptr_array_index (stages, i - 1))->item), <,
                     gk_item_get_stage (((GkStage *) g_ptr_array_index (stages, i))->item));
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.budget"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.notice"), ==, GK_STAGE_PRESENT);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.documents"), ==, GK_STAGE_PRESENT);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.qualification"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.process"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.result"), ==, GK_STAGE_PRESENT);
  g_assert_cmpint (gk_test_stage_state (stages, "procurement.contract"), ==, GK_STAGE_DUE);
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = gk_store_project_stages (store, 2, "2025-05-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.notice"), ==, GK_STAGE_PRESENT);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.qualification"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.process"), ==, GK_STAGE_OPTIONAL);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.candidates"), ==, GK_STAGE_PRESENT);
  g_assert_cmpint (gk_test_stage_state (stages, "bidding.result"), ==, GK_STAGE_DUE);

  g_clear_object (&store);
  records_after = dump (path, gk_db_schema_version (), RECORDS_DUMP);
  g_assert_cmpstr (records_after, ==, records_before);
  gk_test_remove_tree (dir);
}

/* A second open changes nothing; an upgrade run again (its mark lost)
 * adds nothing twice and leaves the ledger as it was. */
static void
test_upgrade_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-upgrade-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *catalog_first = NULL;
  g_autofree char *domains_first = NULL;
  g_autofree char *settings_first = NULL;
  g_autofree char *records_first = NULL;
  g_autofree char *projects_first = NULL;
  GkStore *store;

  make_earlier_ledger (path);
  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  catalog_first = dump (path, gk_db_schema_version (), CATALOG_DUMP);
  domains_first = dump (path, gk_db_schema_version (), DOMAINS_DUMP);
  settings_first = dump (path, gk_db_schema_version (), SETTINGS_DUMP);
  records_first = dump (path, gk_db_schema_version (), RECORDS_DUMP);
  projects_first = dump (path, gk_db_schema_version (), PROJECTS_DUMP);
  g_assert_nonnull (strstr (settings_first, "'catalog-version'"));

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *catalog_again = NULL;
      g_autofree char *domains_again = NULL;
      g_autofree char *settings_again = NULL;
      g_autofree char *records_again = NULL;
      g_autofree char *projects_again = NULL;

      /* The second round: as if the upgrade had stopped before its mark. */
      if (round == 1)
        {
          g_autoptr(GkDb) db = gk_db_open (path, &error);

          g_assert_no_error (error);
          exec (db, "DELETE FROM settings WHERE key = 'catalog-version'");
        }

      store = gk_store_open (path, &error);
      g_assert_no_error (error);
      g_object_unref (store);
      catalog_again = dump (path, gk_db_schema_version (), CATALOG_DUMP);
      domains_again = dump (path, gk_db_schema_version (), DOMAINS_DUMP);
      settings_again = dump (path, gk_db_schema_version (), SETTINGS_DUMP);
      records_again = dump (path, gk_db_schema_version (), RECORDS_DUMP);
      projects_again = dump (path, gk_db_schema_version (), PROJECTS_DUMP);
      g_assert_cmpstr (catalog_again, ==, catalog_first);
      g_assert_cmpstr (domains_again, ==, domains_first);
      g_assert_cmpstr (settings_again, ==, settings_first);
      g_assert_cmpstr (records_again, ==, records_first);
      g_assert_cmpstr (projects_again, ==, projects_first);
    }

  gk_test_remove_tree (dir);
}

/* A new ledger has the shipped catalog and its mark from the start: the
 * upgrade finds nothing to add. */
static void
test_new_ledger (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-upgrade-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GkCatalog) catalog = gk_catalog_new_default (&error);
  g_autoptr(GkStore) store = gk_store_open (path, &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *version = NULL;

  g_assert_no_error (error);
  items = gk_store_list_items (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  /* The catalog's items and the two of requests. */
  g_assert_cmpuint (items->len, ==, catalog->items->len + 2);
  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *shipped = g_ptr_array_index (catalog->items, i);

      g_assert_cmpstr (gk_item_get_key (g_ptr_array_index (items, i)), ==, gk_item_get_key (shipped));
      g_assert_cmpint (gk_item_get_stage_required (g_ptr_array_index (items, i)), ==, gk_item_get_stage_required (shipped));
    }
  version = gk_store_get_setting (store, "catalog-version", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "2");

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/catalog-upgrade/earlier-ledger", test_upgrade);
  g_test_add_func ("/catalog-upgrade/once", test_upgrade_once);
  g_test_add_func ("/catalog-upgrade/new-ledger", test_new_ledger);

  return g_test_run ();
}
