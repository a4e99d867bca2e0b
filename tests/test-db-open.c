/* test-db-open.c: opening a ledger: files that are not one, locks, damage, and several processes at once. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gk-core.h"
#include "gk-db.h"
#include "gk-store-private.h"
#include "gk-test-util.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Asserts that opening @path, to create or only to read, fails with @code
 * and leaves the file as it was. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_len = 0;
  struct stat info;
  gboolean regular = g_stat (path, &info) == 0 && S_ISREG (info.st_mode);

  if (regular)
    before = read_file (path, &before_len);

  for (int create = 0; create < 2; create++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkStore) store = create ? gk_store_open (path, &error) : gk_store_open_existing (path, &error);

      g_assert_null (store);
      g_assert_error (error, GK_DB_ERROR, code);
      g_assert_null (strstr (error->message, "damaged"));
    }

  if (regular)
    {
      gsize after_len = 0;
      g_autofree char *after = read_file (path, &after_len);

      g_assert_cmpmem (before, before_len, after, after_len);
    }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A mistyped path: the read commands' open creates neither folders nor a file. */
static void
test_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-missing-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = gk_store_open_existing (path, &error);

  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = gk_store_open_existing ("", &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_MISSING);

  gk_test_remove_tree (dir);
}

/* An empty file is what a first open stopped before its first commit
 * leaves: only an open that creates takes it for a new ledger. */
static void
test_zero_length (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-zero-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = NULL;
  struct stat info;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = gk_store_open_existing (path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);

  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  gk_test_remove_tree (dir);
}

/* A FIFO is refused at once, by either open: reading it would wait forever. */
static void
test_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-fifo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused (path, GK_DB_ERROR_NOT_LEDGER);

  gk_test_remove_tree (dir);
}

/* An empty SQLite file that another program made (its header written, no
 * tables) is not ours to mark: its application id stays as it was. */
static void
test_empty_database_of_another_program (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-other-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *marked = g_build_filename (dir, "marked.db", NULL);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (plain, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_cmpint (sqlite3_open (marked, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA application_id = 1234", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  assert_refused (plain, GK_DB_ERROR_NOT_LEDGER);
  assert_refused (marked, GK_DB_ERROR_NOT_LEDGER);

  gk_test_remove_tree (dir);
}

/* Another program holds the ledger with an exclusive lock: the open says
 * the ledger is in use, never that it is damaged, and changes nothing. */
static void
test_exclusive_lock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-lock-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                 "UPDATE organisation SET name = name", NULL, NULL, NULL), ==, SQLITE_OK);

  for (int create = 0; create < 2; create++)
    {
      store = create ? gk_store_open (path, &error) : gk_store_open_existing (path, &error);
      g_assert_null (store);
      g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_BUSY);
      g_assert_nonnull (strstr (error->message, "in use by another program"));
      g_assert_null (strstr (error->message, "damaged"));
      g_clear_error (&error);
    }

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  store = gk_store_open_existing (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  gk_test_remove_tree (dir);
}

/* A folder the user cannot write: the ledger is reported read-only (or
 * opens for reading), never damaged. Root writes anywhere, so the CLI test
 * covers root with a read-only mount. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-ro-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write any folder (tests/test-cli-ledger-files.sh mounts a read-only one)");
      gk_test_remove_tree (dir);
      return;
    }

  store = gk_test_open_store (path);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  store = gk_store_open_existing (path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "folder you can write"));

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  gk_test_remove_tree (dir);
}

/* Over GK_DB_CHECK_AT_OPEN_MAX_BYTES the check is deferred: damage is found
 * by the check (never by a warning or an abort, as G_DEBUG=fatal-warnings
 * would make of a GError set twice), the CLI says so with its own exit
 * code, and a damaged schema page fails the open with one error. */
static void
test_large_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *schema_path = g_build_filename (dir, "schema.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (48);
  g_autofree char *contents = NULL;
  const char *cli = g_getenv ("GK_CLI");
  sqlite3 *handle = NULL;
  gsize length = 0;
  guint n_pages;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE filler (b BLOB);"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)"
                                 "  INSERT INTO filler SELECT zeroblob (1024 * 1024) FROM n;"
                                 "PRAGMA wal_checkpoint (TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  contents = read_file (path, &length);
  g_assert_cmpuint (length, >, GK_DB_CHECK_AT_OPEN_MAX_BYTES);
  g_assert_true (g_file_set_contents (schema_path, contents, length, NULL));

  /* 50 random pages, the header page kept. */
  n_pages = length / 4096;
  for (int i = 0; i < 50; i++)
    memset (contents + g_rand_int_range (rand, 1, n_pages) * 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = gk_store_open (path, &error);
  if (store != NULL)
    {
      g_assert_no_error (error);
      g_assert_false (gk_store_is_verified (store));
      g_assert_false (gk_store_verify (store, &error));
    }
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_clear_object (&store);

  if (cli != NULL)
    {
      for (guint i = 0; i < 2; i++)
        {
          const char *command = i == 0 ? "check" : "list";
          const char *argv[] = { cli, "--db", path, command, NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          int status = 0;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                       &out, &err, &status, &error));
          g_assert_no_error (error);
          g_assert_cmpint (WEXITSTATUS (status), ==, 6);
          g_assert_cmpstr (out, ==, "");
          g_assert_nonnull (strstr (err, "damaged"));
        }
    }

  /* The schema on the first page, after the 100 bytes of the header. */
  g_clear_pointer (&contents, g_free);
  contents = read_file (schema_path, &length);
  memset (contents + 100, 0x5a, 4096 - 100);
  g_assert_true (g_file_set_contents (schema_path, contents, length, NULL));
  store = gk_store_open_existing (schema_path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT);

  gk_test_remove_tree (dir);
}

/* Three processes open the same ledger at once, new or of an older format
 * (the window and a check timer after an upgrade): all of them succeed. */
static void
run_three (const char *path,
           const char *command,
           guint      *n_failed)
{
  const char *cli = g_getenv ("GK_CLI");
  GSubprocess *processes[3];

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      g_autoptr(GError) error = NULL;

      processes[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                       cli, "--db", path, command, command[0] == 'd' ? "--records=1" : NULL, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, NULL, &err, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_successful (processes[i]))
        {
          g_test_message ("%s failed: %s", command, err);
          (*n_failed)++;
        }
      g_object_unref (processes[i]);
    }
}

static void
test_concurrent_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-three-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  guint n_failed_new = 0;
  guint n_failed_old = 0;

  if (g_getenv ("GK_CLI") == NULL)
    {
      g_test_skip ("GK_CLI is not set");
      return;
    }

  for (int round = 0; round < 20; round++)
    {
      g_autoptr(GError) error = NULL;
      GkDb *old;

      gk_test_remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      run_three (path, "demo", &n_failed_new);

      /* A ledger of format 1, as an older Gongkai left it. */
      gk_test_remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      old = gk_db_open_at_version (path, 1, &error);
      g_assert_no_error (error);
      gk_db_close (old);
      run_three (path, "list", &n_failed_old);
    }

  g_assert_cmpuint (n_failed_new, ==, 0);
  g_assert_cmpuint (n_failed_old, ==, 0);
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/db-open/missing", test_missing);
  g_test_add_func ("/db-open/zero-length", test_zero_length);
  g_test_add_func ("/db-open/fifo", test_fifo);
  g_test_add_func ("/db-open/empty-database-of-another-program", test_empty_database_of_another_program);
  g_test_add_func ("/db-open/exclusive-lock", test_exclusive_lock);
  g_test_add_func ("/db-open/read-only-folder", test_read_only_folder);
  g_test_add_func ("/db-open/large-damaged", test_large_damaged);
  g_test_add_func ("/db-open/concurrent-open", test_concurrent_open);

  return g_test_run ();
}
