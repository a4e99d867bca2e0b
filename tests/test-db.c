/* test-db.c: the ledger file under the store: statements, open checks, migrations, and reads that fail. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gk-core.h"
#include "gk-db.h"
#include "gk-store-private.h"
#include "gk-test-util.h"

typedef GkTestLedger Fixture;

/* A record of the item without fields that add_plain_item() adds. */
static GkRecord *
create_plain (GkStore    *store,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  GkRecord *record;

  /* A 索引号 needs the organisation's code. */
  g_assert_true (gk_store_get_organisation (store, NULL, &code, &error));
  if (*code == '\0')
    g_assert_true (gk_store_set_organisation (store, "石家庄市长安区人民政府", GK_TEST_ORG_CODE, &error));
  g_assert_no_error (error);
  record = gk_store_create_record (store, "test.plain", title, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
add_plain_item (GkStore *store)
{
  gk_test_add_plain_item (store, "test.plain", "procurement");
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  GkDb *db = gk_store_get_db (f->store);
  g_autoptr(GError) error = NULL;
  GkDbStatement *stmt;

  g_assert_cmpint (gk_db_get_user_version (db), ==, gk_db_schema_version ());

  stmt = gk_db_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_cmpstr (gk_db_statement_get_text (stmt, 0), ==, "wal");
  gk_db_statement_reset (stmt);

  stmt = gk_db_prepare (db, "PRAGMA foreign_keys", &error);
  g_assert_no_error (error);
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_cmpint (gk_db_statement_get_int (stmt, 0), ==, 1);
  gk_db_statement_reset (stmt);
}

/* Binding, stepping and reading columns, and each way they fail. */
static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  GkDb *db = gk_store_get_db (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GkDbStatement *stmt;
  GkDbStatement *again;
  int n_rows = 0;

  /* SQL that does not compile. */
  g_assert_null (gk_db_prepare (db, "SELEKT 1", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_clear_error (&error);

  /* One statement per SQL text, handed out reset and unbound. */
  stmt = gk_db_prepare (db, "SELECT ?1, ?2 * 2", &error);
  g_assert_no_error (error);
  g_assert_true (gk_db_statement_bind_text (stmt, 1, "公开", &error));
  g_assert_true (gk_db_statement_bind_double (stmt, 2, 1.25, &error));
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_db_statement_get_text (stmt, 0), ==, "公开");
  g_assert_cmpfloat (gk_db_statement_get_double (stmt, 1), ==, 2.5);
  text = gk_db_statement_dup_text (stmt, 0);
  again = gk_db_prepare (db, "SELECT ?1, ?2 * 2", &error);
  g_assert_true (again == stmt);
  g_assert_cmpstr (text, ==, "公开");
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_true (gk_db_statement_get_is_null (stmt, 0));
  g_assert_null (gk_db_statement_get_text (stmt, 0));
  g_assert_null (gk_db_statement_dup_text (stmt, 0));
  g_assert_cmpint (gk_db_statement_get_int (stmt, 0), ==, 0);
  gk_db_statement_reset (stmt);

  /* SQL made at run time may come at the address of other SQL before it:
   * the statement is the one for its text, and the same text at another
   * address finds its statement again. */
  {
    g_autofree char *sql = g_strdup ("SELECT 'one'");
    g_autofree char *copy = g_strdup (sql);
    GkDbStatement *one = gk_db_prepare (db, sql, &error);
    GkDbStatement *two;

    g_assert_no_error (error);
    strcpy (sql, "SELECT 'two'");
    two = gk_db_prepare (db, sql, &error);
    g_assert_no_error (error);
    g_assert_true (two != one);
    g_assert_true (gk_db_statement_step (two, &error));
    g_assert_cmpstr (gk_db_statement_get_text (two, 0), ==, "two");
    gk_db_statement_reset (two);
    g_assert_true (gk_db_prepare (db, copy, &error) == one);
  }

  /* A read's first column, every row in order. */
  {
    g_autoptr(GArray) values = gk_db_statement_collect_int64 (gk_db_prepare (db, "SELECT value FROM json_each ('[3, 1, 2]')", &error), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (values->len, ==, 3);
    g_assert_cmpint (g_array_index (values, gint64, 0), ==, 3);
    g_assert_cmpint (g_array_index (values, gint64, 2), ==, 2);
  }

  /* A NULL text binds SQL NULL; parameters count from 1 and only so far. */
  g_assert_true (gk_db_statement_bind_text (stmt, 1, NULL, &error));
  g_assert_true (gk_db_statement_bind_null (stmt, 2, &error));
  g_assert_false (gk_db_statement_bind_int (stmt, 3, 1, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_clear_error (&error);
  g_assert_false (gk_db_statement_bind_int64 (stmt, 0, 1, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_clear_error (&error);
  g_assert_false (gk_db_statement_bind_text (stmt, 9, "x", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_clear_error (&error);

  /* Done is FALSE without an error, and the statement starts over. */
  stmt = gk_db_prepare (db, "SELECT value FROM json_each ('[1, 2, 3]')", &error);
  while (gk_db_statement_step (stmt, &error))
    g_assert_cmpint (gk_db_statement_get_int64 (stmt, 0), ==, ++n_rows);
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, 3);
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_cmpint (gk_db_statement_get_int64 (stmt, 0), ==, 1);
  gk_db_statement_reset (stmt);

  /* A step that fails is FALSE with the error, and is not "done". */
  stmt = gk_db_prepare (db, "SELECT abs (?1)", &error);
  g_assert_true (gk_db_statement_bind_int64 (stmt, 1, G_MININT64, &error));
  g_assert_false (gk_db_statement_step (stmt, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "integer overflow"));
  g_clear_error (&error);
  /* …and the statement is usable again afterwards. */
  g_assert_true (gk_db_statement_bind_int64 (stmt, 1, -5, &error));
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_cmpint (gk_db_statement_get_int64 (stmt, 0), ==, 5);
  gk_db_statement_reset (stmt);

  /* A lookup: NOT_FOUND only when the statement ran and found nothing. */
  stmt = gk_db_prepare (db, "SELECT abs (?1) WHERE ?2", &error);
  g_assert_true (gk_db_statement_bind_int (stmt, 1, 7, &error));
  g_assert_true (gk_db_statement_bind_int (stmt, 2, 0, &error));
  g_assert_false (gk_db_statement_step_one (stmt, &error, "No thing %d", 7));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No thing 7");
  g_clear_error (&error);
  g_assert_true (gk_db_statement_bind_int64 (stmt, 1, G_MININT64, &error));
  g_assert_true (gk_db_statement_bind_int (stmt, 2, 1, &error));
  g_assert_false (gk_db_statement_step_one (stmt, &error, "No thing %d", 7));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_clear_error (&error);
  g_assert_true (gk_db_statement_bind_int (stmt, 1, 7, &error));
  g_assert_true (gk_db_statement_step_one (stmt, &error, "No thing %d", 7));
  g_assert_cmpint (gk_db_statement_get_int (stmt, 0), ==, 7);
  gk_db_statement_reset (stmt);

  /* A write that breaks a rule of the schema. */
  stmt = gk_db_prepare (db, "INSERT INTO units (name, position) VALUES (?1, 1)", &error);
  g_assert_true (gk_db_statement_bind_text (stmt, 1, "区财政局", &error));
  g_assert_false (gk_db_statement_step_done (stmt, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Reading a column with no row ready is the caller's mistake. */
  if (g_test_subprocess ())
    {
      stmt = gk_db_prepare (db, "SELECT 1 WHERE 0", &error);
      g_assert_false (gk_db_statement_step (stmt, &error));
      g_assert_no_error (error);
      gk_db_statement_get_int (stmt, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*gk_db_statement_get_int*");
}

typedef struct
{
  int n_lookups;
} Lookups;

static void
times_func (GkDbCall *call,
            gpointer  user_data)
{
  Lookups *lookups = user_data;
  gint64 *factor = gk_db_call_get_cached (call, 0);

  if (gk_db_call_get_text (call, 0) == NULL)
    {
      gk_db_call_return_null (call);
      return;
    }
  if (factor == NULL)
    {
      lookups->n_lookups++;
      if (g_strcmp0 (gk_db_call_get_text (call, 0), "ten") != 0)
        {
          gk_db_call_return_error (call, "test_times: unknown factor");
          return;
        }
      factor = g_new (gint64, 1);
      *factor = 10;
      gk_db_call_set_cached (call, 0, factor, g_free);
    }
  gk_db_call_return_int (call, *factor * gk_db_call_get_int64 (call, 1));
}

/* SQL functions in C: results, NULL, errors, and data kept for a
 * constant argument through one run of a statement. */
static void
test_functions (Fixture       *f,
                gconstpointer  data)
{
  GkDb *db = gk_store_get_db (f->store);
  g_autoptr(GError) error = NULL;
  Lookups lookups = { 0 };
  GkDbStatement *stmt;
  gint64 sum = 0;

  g_assert_true (gk_db_add_function (db, "test_times", 2, times_func, &lookups, &error));
  g_assert_no_error (error);

  stmt = gk_db_prepare (db, "SELECT test_times (?1, value) FROM json_each ('[1, 2, 3]')", &error);
  g_assert_true (gk_db_statement_bind_text (stmt, 1, "ten", &error));
  while (gk_db_statement_step (stmt, &error))
    sum += gk_db_statement_get_int64 (stmt, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sum, ==, 60);
  g_assert_cmpint (lookups.n_lookups, ==, 1);

  g_assert_true (gk_db_statement_bind_null (stmt, 1, &error));
  g_assert_true (gk_db_statement_step (stmt, &error));
  g_assert_true (gk_db_statement_get_is_null (stmt, 0));
  gk_db_statement_reset (stmt);

  g_assert_true (gk_db_statement_bind_text (stmt, 1, "eleven", &error));
  g_assert_false (gk_db_statement_step (stmt, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "unknown factor"));
}

/* A ledger made by every earlier version opens, keeps its data, and ends
 * at the newest version. */
static void
test_migrations (void)
{
  for (int version = 1; version < gk_db_schema_version (); version++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("gongkai-migrate-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GkStore) store = NULL;
      g_autoptr(GkRecord) record = NULL;
      GkDb *db;

      db = gk_db_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gk_db_get_user_version (db), ==, version);
      /* Data an older version would have: the organisation and a unit. */
      gk_db_exec (db, "INSERT INTO organisation (id, name, code) VALUES (1, '旧区政府', '000014349')", &error);
      g_assert_no_error (error);
      gk_db_exec (db, "INSERT INTO units (name, position) VALUES ('旧单位', 99)", &error);
      g_assert_no_error (error);
      gk_db_close (db);

      store = gk_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gk_store_get_format_version (store), ==, gk_db_schema_version ());
      g_assert_cmpint (gk_store_find_unit (store, "旧单位", &error), !=, 0);
      g_assert_no_error (error);

      add_plain_item (store);
      record = create_plain (store, "迁移后的记录");
      g_assert_true (g_str_has_prefix (gk_record_get_index_no (record), "000014349/"));

      g_clear_object (&store);
      gk_test_remove_tree (dir);
    }
}

/* Rules the schema keeps whatever the caller, and a search index that
 * still agrees with its text after a record is deleted. */
static void
test_schema_rules (Fixture       *f,
                   gconstpointer  data)
{
  GkDb *db = gk_store_get_db (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) kept = NULL;
  g_autoptr(GkRecord) deleted = NULL;

  add_plain_item (f->store);
  kept = create_plain (f->store, "办公设备采购项目中标公告");
  deleted = create_plain (f->store, "公租房分配结果公示");

  gk_record_set_mode (kept, "exempt");
  gk_record_set_exemption (kept, "commercial-secret");
  gk_record_set_exemption_reason (kept, "含投标人报价构成");
  g_assert_true (gk_store_save_record (f->store, kept, &error));
  g_assert_no_error (error);
  g_assert_false (gk_db_exec (db, "UPDATE records SET exemption = '' WHERE mode = 'exempt'", &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (gk_store_delete_record (f->store, gk_record_get_uuid (deleted), &error));
  g_assert_no_error (error);
  g_assert_true (gk_db_exec (db, "INSERT INTO records_fts (records_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
}

/* Another program holds the ledger's write lock: every write, drawing a
 * 索引号 among them, fails as busy (never as "not found"), and no number is
 * drawn twice once the lock is gone. Reads go on: in WAL mode a writer
 * never blocks them. */
static void
test_locked_ledger (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) first = NULL;
  g_autoptr(GkRecord) loaded = NULL;
  g_autoptr(GkRecord) refused = NULL;
  g_autoptr(GkRecord) after = NULL;
  g_autofree char *prefix = NULL;
  sqlite3 *other = NULL;

  g_assert_true (gk_store_set_organisation (f->store, "长安区人民政府办公室", "11130102000014349N", &error));
  g_assert_no_error (error);
  add_plain_item (f->store);
  first = create_plain (f->store, "锁之前的记录");
  prefix = g_strndup (gk_record_get_index_no (first), strlen (gk_record_get_index_no (first)) - 5);
  g_assert_true (g_str_has_suffix (gk_record_get_index_no (first), "-00001"));
  gk_db_set_busy_timeout (gk_store_get_db (f->store), 10);

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  /* The other program draws the next serial itself. */
  g_assert_cmpint (sqlite3_exec (other, "UPDATE index_serials SET last = last + 1", NULL, NULL, NULL), ==, SQLITE_OK);

  refused = gk_store_create_record (f->store, "test.plain", "锁住时的记录", &error);
  g_assert_null (refused);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_BUSY);
  g_clear_error (&error);

  gk_record_set_body (first, "锁住时的修改");
  g_assert_false (gk_store_save_record (f->store, first, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_BUSY);
  g_clear_error (&error);

  loaded = gk_store_get_record (f->store, gk_record_get_uuid (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_index_no (loaded), ==, gk_record_get_index_no (first));

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  after = gk_store_create_record (f->store, "test.plain", "锁之后的记录", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gk_record_get_index_no (after), prefix));
  g_assert_cmpstr (gk_record_get_index_no (after) + strlen (prefix), ==, "00003");
}

/* A large ledger opens before its check; a read that then meets a damaged
 * page is an error, never "no such record" (which the window would take
 * for a deleted record). */
static void
test_damaged_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-damaged-read-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *body = NULL;
  GkStore *store;
  gsize length;
  guint n_damaged = 0;
  guint n_failed = 0;

  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  add_plain_item (store);
  body = g_strnfill (600, 'x');
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("将被损坏的记录 %d", i);
      g_autoptr(GkRecord) record = create_plain (store, title);

      gk_record_set_body (record, body);
      g_assert_true (gk_store_save_record (store, record, &error));
      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (gk_record_get_uuid (record)));
    }
  g_object_unref (store);

  /* Scribble over the pages that hold the records' rows, and only those:
   * the ledger still opens, and the index finds each record's row. */
  {
    sqlite3 *handle = NULL;
    sqlite3_stmt *leaves = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT pageno, pgsize FROM dbstat WHERE name = 'records' AND pagetype = 'leaf'",
                                         -1, &leaves, NULL), ==, SQLITE_OK);
    while (sqlite3_step (leaves) == SQLITE_ROW)
      {
        gsize page_size = sqlite3_column_int (leaves, 1);
        gsize offset = (sqlite3_column_int64 (leaves, 0) - 1) * page_size;

        g_assert_cmpuint (offset + page_size, <=, length);
        memset (contents + offset, 0x5a, page_size);
        n_damaged++;
      }
    g_assert_cmpint (sqlite3_finalize (leaves), ==, SQLITE_OK);
    sqlite3_close (handle);
    g_assert_cmpuint (n_damaged, >, 1);
    g_assert_true (g_file_set_contents (path, contents, length, NULL));
  }

  g_setenv ("GONGKAI_DEFER_CHECK", "1", TRUE);
  store = gk_store_open (path, &error);
  g_unsetenv ("GONGKAI_DEFER_CHECK");
  g_assert_no_error (error);

  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GkRecord) record = gk_store_get_record (store, g_ptr_array_index (uuids, i), &error);

      if (record != NULL)
        continue;
      g_assert_nonnull (error);
      g_assert_false (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND));
      g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT);
      g_clear_error (&error);
      n_failed++;
    }
  /* Every row is on a damaged page. */
  g_assert_cmpuint (n_failed, ==, uuids->len);

  g_object_unref (store);
  gk_test_remove_tree (dir);
}

static void
test_damaged_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-bad-XXXXXX", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  GkStore *store;

  /* Not a database at all. */
  g_assert_true (g_file_set_contents (text_path, "这不是数据库，只是一段文字。\n", -1, NULL));
  store = gk_store_open (text_path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER);
  g_assert_nonnull (strstr (error->message, text_path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (text_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "这不是数据库，只是一段文字。\n");
  g_clear_pointer (&after, g_free);

  /* A database of another program. */
  {
    sqlite3 *db;
    g_assert_cmpint (sqlite3_open (other_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (g_file_get_contents (other_path, &before, &before_len, NULL));
  store = gk_store_open (other_path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (other_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* A ledger with damaged pages. */
  store = gk_store_open (bad_path, &error);
  g_assert_no_error (error);
  add_plain_item (store);
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(GkRecord) record = create_plain (store, "将被损坏的记录，标题写得长一些以占满页面");
    }
  g_object_unref (store);
  {
    g_autofree char *wal = g_strconcat (bad_path, "-wal", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) &&
                    g_file_get_contents (wal, &contents, &length, NULL) && length > 0);
    /* Scribble over the middle pages, keeping the header. */
    before = gk_test_damage_file (bad_path, 3 * 4096, 4 * 4096, &before_len);
    g_assert_cmpuint (before_len, >, 8 * 4096);
  }
  store = gk_store_open (bad_path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (bad_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  gk_test_remove_tree (dir);
}

static void
test_newer_version (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  GkStore *store;

  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  {
    sqlite3 *db;
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", gk_db_schema_version () + 1);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = gk_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add ("/db/pragmas", Fixture, NULL, gk_test_ledger_set_up, test_pragmas, gk_test_ledger_tear_down);
  g_test_add ("/db/statement", Fixture, NULL, gk_test_ledger_set_up, test_statement, gk_test_ledger_tear_down);
  g_test_add ("/db/functions", Fixture, NULL, gk_test_ledger_set_up, test_functions, gk_test_ledger_tear_down);
  g_test_add_func ("/db/migrations", test_migrations);
  g_test_add ("/db/schema-rules", Fixture, NULL, gk_test_ledger_set_up, test_schema_rules, gk_test_ledger_tear_down);
  g_test_add ("/db/locked-ledger", Fixture, NULL, gk_test_ledger_set_up, test_locked_ledger, gk_test_ledger_tear_down);
  g_test_add_func ("/db/damaged-read", test_damaged_read);
  g_test_add_func ("/db/damaged-file", test_damaged_file);
  g_test_add_func ("/db/newer-version", test_newer_version);

  return g_test_run ();
}
