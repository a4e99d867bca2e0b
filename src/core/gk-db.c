/* gk-db.c: one SQLite connection to a ledger file, checked and migrated at open. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-core.h"
#include "gk-db-private.h"

/* Each step is a file in data/sql/, applied in its own transaction. */
static const char *migrations[] = {
  "001-ledger.sql",
  "002-search.sql",
  "003-calendar.sql",
  "004-publications.sql",
};

struct _GkDb
{
  sqlite3 *handle;
  char *path;
  GHashTable *statements;   /* SQL text → GkDbStatement */
  guint transaction_depth;
  gboolean transaction_failed;
  int verified;             /* the integrity check passed; set from a worker thread */
};

G_DEFINE_QUARK (gk-db-error-quark, gk_db_error)

int
gk_db_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
gk_db_get_sqlite_version (void)
{
  return sqlite3_libversion ();
}

/* @rc is what the failed call returned: the connection's own error code
 * can be stale when the failure was a misuse caught before SQLite ran. */
gboolean
gk_db_set_error_from_code (GkDb    *db,
                           int      rc,
                           GError **error)
{
  GkDbError kind = GK_DB_ERROR_SQL;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      kind = GK_DB_ERROR_CONSTRAINT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = GK_DB_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      kind = GK_DB_ERROR_BUSY;
      break;
    default:
      break;
    }

  if ((sqlite3_errcode (db->handle) & 0xff) == (rc & 0xff))
    message = sqlite3_errmsg (db->handle);
  else
    message = sqlite3_errstr (rc);

  g_set_error (error, GK_DB_ERROR, kind, _("Database error: %s"), message);
  return FALSE;
}

gboolean
gk_db_exec (GkDb        *db,
            const char  *sql,
            GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      /* sqlite3_exec() reports the message of the statement that failed. */
      if (message != NULL)
        {
          g_autoptr(GError) local_error = NULL;

          gk_db_set_error_from_code (db, rc, &local_error);
          g_set_error (error, GK_DB_ERROR, local_error->code, _("Database error: %s"), message);
        }
      else
        gk_db_set_error_from_code (db, rc, error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gint64
gk_db_get_last_insert_id (GkDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

int
gk_db_get_changes (GkDb *db)
{
  return sqlite3_changes (db->handle);
}

gint64
gk_db_get_total_changes (GkDb *db)
{
  return sqlite3_total_changes64 (db->handle);
}

gboolean
gk_db_in_transaction (GkDb *db)
{
  return !sqlite3_get_autocommit (db->handle);
}

void
gk_db_set_busy_timeout (GkDb *db,
                        int   milliseconds)
{
  sqlite3_busy_timeout (db->handle, milliseconds);
}

GkDbStatement *
gk_db_prepare (GkDb        *db,
               const char  *sql,
               GError     **error)
{
  GkDbStatement *statement = g_hash_table_lookup (db->statements, sql);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (statement != NULL)
    {
      gk_db_statement_clear (statement);
      return statement;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_from_code (db, rc, error);
      return NULL;
    }

  statement = gk_db_statement_new (db, stmt);
  g_hash_table_insert (db->statements, g_strdup (sql), statement);
  return statement;
}

gboolean
gk_db_begin (GkDb    *db,
             GError **error)
{
  if (db->transaction_depth++ > 0)
    return TRUE;

  db->transaction_failed = FALSE;
  /* IMMEDIATE takes the write lock now, so two windows or a window and the
   * CLI never interleave a read-modify-write such as the 索引号 serial. */
  if (!gk_db_exec (db, "BEGIN IMMEDIATE", error))
    {
      db->transaction_depth = 0;
      return FALSE;
    }

  return TRUE;
}

gboolean
gk_db_commit (GkDb    *db,
              GError **error)
{
  g_return_val_if_fail (db->transaction_depth > 0, FALSE);

  if (--db->transaction_depth > 0)
    return TRUE;

  if (db->transaction_failed)
    {
      gk_db_exec (db, "ROLLBACK", NULL);
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_SQL,
                           _("The change was undone because part of it failed"));
      return FALSE;
    }

  if (!gk_db_exec (db, "COMMIT", error))
    {
      gk_db_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

void
gk_db_rollback (GkDb *db)
{
  g_return_if_fail (db->transaction_depth > 0);

  if (--db->transaction_depth > 0)
    {
      /* The outermost commit turns into a rollback. */
      db->transaction_failed = TRUE;
      return;
    }

  gk_db_exec (db, "ROLLBACK", NULL);
}

static int
query_int (GkDb       *db,
           const char *sql,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_from_code (db, rc, error);
      return -1;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_SQL, _("Database error: the query gave no value"));
  else
    gk_db_set_error_from_code (db, rc, error);

  sqlite3_finalize (stmt);
  return value;
}

int
gk_db_get_user_version (GkDb *db)
{
  return query_int (db, "PRAGMA user_version", NULL);
}

/* A file that is not SQLite at all is refused before SQLite touches it. */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              goffset     *size,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16];
  gsize n_read = 0;

  *is_empty = FALSE;

  *size = 0;
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *is_empty = TRUE;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

    if (info != NULL)
      *size = g_file_info_get_size (info);
  }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL, error))
    return FALSE;

  if (n_read == 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }

  if (n_read < sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger: it is not a database file"), path);
      return FALSE;
    }

  return TRUE;
}

/* quick_check is O(size) but skips the index cross-checks: it catches the
 * damage a crash or a bad copy leaves. */
static gboolean
check_integrity (sqlite3     *handle,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  if (sqlite3_prepare_v2 (handle, "PRAGMA quick_check(5)", -1, &stmt, NULL) != SQLITE_OK)
    goto corrupt;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_DONE)
    goto corrupt;

  if (problems->len > 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT,
                   _("The ledger “%s” is damaged (%s). Restore it from a backup."),
                   path, problems->str);
      return FALSE;
    }

  return TRUE;

corrupt:
  g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT,
               _("The ledger “%s” is damaged (%s). Restore it from a backup."),
               path, sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* The full check on a connection of its own, so that it can run in a
 * worker thread while the window already shows the ledger. */
gboolean
gk_db_verify (GkDb    *db,
              GError **error)
{
  sqlite3 *handle = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (db->path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL, _("Could not open “%s”: %s"),
                   db->path, handle != NULL ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      sqlite3_close (handle);
      return FALSE;
    }

  sqlite3_busy_timeout (handle, 5000);
  ok = check_integrity (handle, db->path, error);
  sqlite3_close (handle);

  if (ok)
    g_atomic_int_set (&db->verified, TRUE);
  return ok;
}

gboolean
gk_db_is_verified (GkDb *db)
{
  return g_atomic_int_get (&db->verified);
}

static gboolean
apply_migration (GkDb    *db,
                 int      step,
                 GError **error)
{
  g_autofree char *resource = g_build_path ("/", GK_CORE_RESOURCE_BASE, "sql", migrations[step], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_version = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

  if (!gk_db_begin (db, error))
    return FALSE;

  if (!gk_db_exec (db, sql, error) ||
      !gk_db_exec (db, set_version, error))
    {
      gk_db_rollback (db);
      g_prefix_error (error, _("Could not update the ledger to version %d: "), step + 1);
      return FALSE;
    }

  return gk_db_commit (db, error);
}

GkDb *
gk_db_open_at_version (const char  *path,
                       int          version,
                       GError     **error)
{
  g_autoptr(GkDb) db = NULL;
  g_autofree char *dir = NULL;
  gboolean is_empty = FALSE;
  goffset size = 0;
  int application_id;
  int user_version;
  int n_tables;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= gk_db_schema_version (), NULL);

  gk_core_init ();

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!check_header (path, &is_empty, &size, error))
    return NULL;

  db = g_new0 (GkDb, 1);
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gk_db_statement_free);

  if (sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL, _("Could not open “%s”: %s"),
                   path, db->handle != NULL ? sqlite3_errmsg (db->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, 5000);

  /* Everything up to the version check only reads, so a file we refuse is
   * left exactly as it was. A small ledger is checked whole now; a large
   * one (seconds of reading) is left to gk_db_verify() in the background,
   * and every read still fails cleanly on a damaged page. (Tests set
   * GONGKAI_DEFER_CHECK to take the large-ledger path with small files.) */
  if (is_empty)
    db->verified = TRUE;
  else if (size <= GK_DB_CHECK_AT_OPEN_MAX_BYTES && g_getenv ("GONGKAI_DEFER_CHECK") == NULL)
    {
      if (!check_integrity (db->handle, path, error))
        return NULL;
      db->verified = TRUE;
    }

  application_id = query_int (db, "PRAGMA application_id", error);
  user_version = query_int (db, "PRAGMA user_version", error);
  n_tables = query_int (db, "SELECT count(*) FROM sqlite_schema", error);
  if (application_id < 0 || user_version < 0 || n_tables < 0)
    return NULL;

  if (n_tables > 0 && application_id != GK_DB_APPLICATION_ID)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger: it is a database of another program"), path);
      return NULL;
    }

  if (user_version > gk_db_schema_version ())
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Gongkai (format %d; this version reads up to %d). Update Gongkai to open it."),
                   path, user_version, gk_db_schema_version ());
      return NULL;
    }

  if (!gk_db_exec (db, "PRAGMA journal_mode = WAL", error) ||
      !gk_db_exec (db, "PRAGMA synchronous = NORMAL", error) ||
      !gk_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (n_tables == 0)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", GK_DB_APPLICATION_ID);

      if (!gk_db_exec (db, set_id, error))
        return NULL;
    }

  for (int step = user_version; step < version; step++)
    {
      if (!apply_migration (db, step, error))
        return NULL;
    }

  return g_steal_pointer (&db);
}

GkDb *
gk_db_open (const char  *path,
            GError     **error)
{
  return gk_db_open_at_version (path, gk_db_schema_version (), error);
}

/* For workers that only read beside the window's own connection: nothing
 * is created, migrated or seeded, and SQLite refuses every write. The
 * integrity check is left to the connection that opened the ledger for
 * writing. */
GkDb *
gk_db_open_read_only (const char  *path,
                      GError     **error)
{
  g_autoptr(GkDb) db = NULL;
  int application_id;
  int user_version;

  g_return_val_if_fail (path != NULL, NULL);

  gk_core_init ();

  db = g_new0 (GkDb, 1);
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gk_db_statement_free);

  if (sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL, _("Could not open “%s”: %s"),
                   path, db->handle != NULL ? sqlite3_errmsg (db->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, 5000);

  application_id = query_int (db, "PRAGMA application_id", error);
  if (application_id < 0)
    return NULL;
  user_version = query_int (db, "PRAGMA user_version", error);
  if (user_version < 0)
    return NULL;

  if (application_id != GK_DB_APPLICATION_ID)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger"), path);
      return NULL;
    }
  if (user_version > gk_db_schema_version ())
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Gongkai (format %d; this version reads up to %d). Update Gongkai to open it."),
                   path, user_version, gk_db_schema_version ());
      return NULL;
    }
  if (user_version < gk_db_schema_version ())
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_OUTDATED,
                   _("The ledger “%s” is in an older format (%d; this version writes %d) and cannot be read without updating it. Open it in Gongkai once to update it."),
                   path, user_version, gk_db_schema_version ());
      return NULL;
    }

  if (!gk_db_exec (db, "PRAGMA query_only = ON", error))
    return NULL;
  return g_steal_pointer (&db);
}

void
gk_db_close (GkDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    {
      /* Keeps the planner's statistics current, so that it picks the small
       * partial indexes of open records; cheap when nothing changed. */
      if (db->verified && !sqlite3_db_readonly (db->handle, "main"))
        sqlite3_exec (db->handle, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (db->handle);
    }
  g_free (db->path);
  g_free (db);
}

sqlite3 *
gk_db_get_handle (GkDb *db)
{
  return db->handle;
}

const char *
gk_db_get_path (GkDb *db)
{
  return db->path;
}
