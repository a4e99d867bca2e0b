/* gk-db.c: one SQLite connection to a ledger file, checked and migrated at open. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gk-core.h"
#include "gk-db-private.h"

/* Each step is a file in data/sql/, applied in its own transaction. */
static const char *migrations[] = {
  "001-ledger.sql",
  "002-search.sql",
  "003-calendar.sql",
  "004-publications.sql",
  "009-report.sql",
  "008-import-batches.sql",
  "011-catalog-stages.sql",
  "010-bundle-revisions.sql",
  "005-pending-changes.sql",
  "007-organisations.sql",
  "006-organisation.sql",
  "012-cheaper-revisions.sql",
  "013-search-pending.sql",
};

/* A migration that rebuilds a table others refer to starts with this line:
 * it runs with the foreign keys off and is checked before it commits. */
#define GK_DB_FOREIGN_KEYS_OFF "-- gk: foreign-keys-off"

/* Every commit waits until the WAL is on the disk: a clerk's saved record
 * survives a power cut, for one fsync per save (see bench/ and README). */
#define GK_DB_SYNCHRONOUS "FULL"

struct _GkDb
{
  sqlite3 *handle;
  char *path;
  GHashTable *statements;   /* SQL text → GkDbStatement */
  GHashTable *by_address;   /* where the caller's SQL text was → GkDbStatement */
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

/* Says what happened to the ledger at @path in the clerk's words, with what
 * to do. Only SQLite's own verdict (CORRUPT, NOTADB) means "damaged": a
 * lock, a read-only folder or a full disk leaves a healthy file. @rc is
 * what the failed call returned: the connection's own error code can be
 * stale when the failure was a misuse caught before SQLite ran. */
void
gk_db_set_error_for (sqlite3     *handle,
                  const char  *path,
                  int          rc,
                  GError     **error)
{
  const char *message;
  int system_errno = handle != NULL ? sqlite3_system_errno (handle) : 0;

  if (handle != NULL && (sqlite3_errcode (handle) & 0xff) == (rc & 0xff))
    message = sqlite3_errmsg (handle);
  else
    message = sqlite3_errstr (rc);

  /* The system's reason beats SQLite's guess at a category. */
  if ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN)
    {
      if (system_errno == ENOSPC || system_errno == EDQUOT)
        rc = SQLITE_FULL;
      else if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM)
        rc = SQLITE_READONLY;
      /* A WAL ledger opened read-only needs its -shm file, which a
       * read-only folder cannot get. */
      else if ((rc & 0xff) == SQLITE_CANTOPEN && handle != NULL && sqlite3_db_readonly (handle, "main") == 1)
        rc = SQLITE_READONLY;
    }

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT,
                   _("The ledger “%s” is damaged. Restore it from a backup (Restore from Backup… in the main menu, or gongkai-cli restore)."),
                   path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_BUSY,
                   _("The ledger “%s” is in use by another program. Close the other program or window that has it open, then try again."),
                   path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_READ_ONLY,
                   _("The ledger “%s” cannot be written: the file or its folder is read-only. Choose a folder you can write, or ask for permission to write this one."),
                   path);
      break;
    case SQLITE_FULL:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_DISK_FULL,
                   _("The disk holding the ledger “%s” is full. Free some disk space, then try again."),
                   path);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOLFS:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_IO,
                   _("The ledger “%s” could not be read or written (%s). Check that the disk is connected and working, then try again."),
                   path, system_errno != 0 ? g_strerror (system_errno) : message);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CONSTRAINT,
                   _("The change was refused because it breaks a rule of the ledger (%s)."), message);
      break;
    default:
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL, _("Database error: %s"), message);
      break;
    }
}

gboolean
gk_db_set_error_from_code (GkDb    *db,
                           int      rc,
                           GError **error)
{
  gk_db_set_error_for (db->handle, db->path, rc, error);
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
      if (message != NULL && (rc & 0xff) == SQLITE_ERROR)
        g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_SQL, _("Database error: %s"), message);
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

/* SQL made at run time leaves addresses behind: the table is emptied
 * rather than left to grow. */
static void
remember_address (GkDb          *db,
                  const char    *sql,
                  GkDbStatement *statement)
{
  if (g_hash_table_size (db->by_address) >= 1024)
    g_hash_table_remove_all (db->by_address);
  g_hash_table_insert (db->by_address, (gpointer) sql, statement);
}

GkDbStatement *
gk_db_prepare (GkDb        *db,
               const char  *sql,
               GError     **error)
{
  GkDbStatement *statement = g_hash_table_lookup (db->by_address, sql);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Most SQL is a string constant, asked for again from the same place:
   * comparing it with the statement's own text costs less than hashing
   * it, and a text at an address used before for another is looked up. */
  if (statement == NULL || strcmp (gk_db_statement_get_sql (statement), sql) != 0)
    {
      statement = g_hash_table_lookup (db->statements, sql);
      if (statement != NULL)
        remember_address (db, sql, statement);
    }
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
  remember_address (db, sql, statement);
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
gk_db_begin_read (GkDb    *db,
                  GError **error)
{
  if (db->transaction_depth++ > 0)
    return TRUE;

  db->transaction_failed = FALSE;
  /* DEFERRED: a read-only connection may take it, and it locks nothing
   * until the first read. */
  if (!gk_db_exec (db, "BEGIN DEFERRED", error))
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

/* What the header of a ledger says, read in one transaction so that another
 * process creating or upgrading it is seen either before or after. */
typedef struct
{
  int application_id;
  int user_version;
  int n_tables;
  int n_pages;
} Header;

static gboolean
read_header (GkDb    *db,
             Header  *header,
             GError **error)
{
  if (!gk_db_exec (db, "BEGIN", error))
    return FALSE;

  /* Each read stops at the first failure: one GError is set at most. */
  if ((header->application_id = query_int (db, "PRAGMA application_id", error)) < 0 ||
      (header->user_version = query_int (db, "PRAGMA user_version", error)) < 0 ||
      (header->n_tables = query_int (db, "SELECT count(*) FROM sqlite_schema", error)) < 0 ||
      (header->n_pages = query_int (db, "PRAGMA page_count", error)) < 0)
    {
      gk_db_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return gk_db_exec (db, "COMMIT", error);
}

/* The file is looked at before SQLite opens it: anything that is not a
 * regular file starting as a SQLite database is refused untouched. A FIFO
 * is never opened for reading in earnest (O_NONBLOCK, then fstat()). */
static gboolean
check_file (const char  *path,
            gboolean     create,
            gboolean    *is_new,
            goffset     *size,
            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  struct stat info;
  gssize n_read;
  int saved_errno;
  int fd;

  *is_new = FALSE;
  *size = 0;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT && create)
        {
          *is_new = TRUE;
          return TRUE;
        }
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_MISSING,
                     _("There is no ledger at “%s”. Check the file name and folder."), path);
      else if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_READ_ONLY,
                     _("The ledger “%s” cannot be read: you have no permission to read it. Ask for permission, or choose another ledger."),
                     path);
      else
        g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_IO,
                     _("The ledger “%s” could not be read (%s). Check that the disk is connected and working, then try again."),
                     path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger: it is not a regular file"), path);
      return FALSE;
    }

  *size = info.st_size;
  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);
  saved_errno = errno;
  close (fd);

  if (n_read < 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_IO,
                   _("The ledger “%s” could not be read (%s). Check that the disk is connected and working, then try again."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  /* An empty file is what a first open leaves when it is stopped before
   * its first commit: a new ledger, but only for a caller who creates. */
  if (n_read == 0)
    {
      if (create)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger: the file is empty"), path);
      return FALSE;
    }

  if (n_read < (gssize) sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger: it is not a database file"), path);
      return FALSE;
    }

  return TRUE;
}

/* quick_check is O(size) but skips the index cross-checks: it catches the
 * damage a crash or a bad copy leaves. The file is called damaged only
 * when the check ran and found problems, or SQLite itself said so. */
static gboolean
check_integrity (sqlite3     *handle,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check(5)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_for (handle, path, rc, error);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      gk_db_set_error_for (handle, path, rc, error);
      return FALSE;
    }

  if (problems->len > 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT,
                   _("The ledger “%s” is damaged (%s). Restore it from a backup (Restore from Backup… in the main menu, or gongkai-cli restore)."),
                   path, problems->str);
      return FALSE;
    }

  return TRUE;
}

/* The full check on a connection of its own, so that it can run in a
 * worker thread while the window already shows the ledger. */
gboolean
gk_db_verify (GkDb    *db,
              GError **error)
{
  sqlite3 *handle = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (db->path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_for (handle, db->path, rc, error);
      sqlite3_close (handle);
      return FALSE;
    }

  sqlite3_extended_result_codes (handle, TRUE);
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

/* Each step runs in its own IMMEDIATE transaction and reads the version
 * again inside it: another process opening the same ledger at the same
 * moment may have applied the step already. */
static gboolean
apply_migration (GkDb    *db,
                 int      step,
                 GError **error)
{
  g_autofree char *resource = g_build_path ("/", GK_CORE_RESOURCE_BASE, "sql", migrations[step], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  gboolean keys_off;
  int current;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_version = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
  keys_off = g_str_has_prefix (sql, GK_DB_FOREIGN_KEYS_OFF);

  /* The pragma is a no-op inside a transaction. */
  if (keys_off && !gk_db_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!gk_db_begin (db, error))
    goto restore_keys;

  current = query_int (db, "PRAGMA user_version", error);
  if (current < 0)
    goto fail;
  if (current > step)
    {
      if (!gk_db_commit (db, error))
        goto restore_keys;
      return !keys_off || gk_db_exec (db, "PRAGMA foreign_keys = ON", error);
    }

  /* The mark goes in with the first tables, so a ledger is never seen
   * with tables and without it. */
  if (step == 0)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", GK_DB_APPLICATION_ID);

      if (!gk_db_exec (db, set_id, error))
        goto fail;
    }

  if (!gk_db_exec (db, sql, error) ||
      !gk_db_exec (db, set_version, error))
    goto fail;
  if (keys_off && query_int (db, "SELECT count (*) FROM pragma_foreign_key_check", error) != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT,
                             _("A reference between the ledger’s tables is broken"));
      goto fail;
    }

  if (!gk_db_commit (db, error))
    goto failed;
  return !keys_off || gk_db_exec (db, "PRAGMA foreign_keys = ON", error);

fail:
  gk_db_rollback (db);
failed:
  g_prefix_error (error, _("Could not update the ledger to version %d: "), step + 1);
restore_keys:
  if (keys_off)
    gk_db_exec (db, "PRAGMA foreign_keys = ON", NULL);
  return FALSE;
}

/* A new ledger is created in the rollback journal, so that another process
 * never sees it half made, and turns to WAL once it has tables. The switch
 * needs the file to itself and SQLite does not wait for that (the busy
 * handler is skipped while the pragma holds its read lock): retry here
 * while other processes open the same new ledger. */
static gboolean
switch_to_wal (GkDb    *db,
               GError **error)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (gk_db_exec (db, "PRAGMA journal_mode = WAL", &local_error))
        return TRUE;
      if (!g_error_matches (local_error, GK_DB_ERROR, GK_DB_ERROR_BUSY) ||
          g_get_monotonic_time () > give_up)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
}

/* A statement that fires a trigger (every write the bundle's revisions
 * follow) keeps the pages it changes in a statement journal, which SQLite
 * moves to a temporary file past 64 KiB. One import INSERT into records
 * touches about 17 pages: 35 writes to /var/tmp a record, a third of an
 * import's time. Up to 4 MiB a statement's journal stays in memory; a
 * larger one (an UPDATE of every record) still goes to a file. The
 * setting is the library's, taken before its first connection: should
 * another part of the process have started SQLite first, it is kept. */
#define GK_DB_STATEMENT_JOURNAL_SPILL (4 * 1024 * 1024)

static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      int rc = sqlite3_config (SQLITE_CONFIG_STMTJRNL_SPILL, GK_DB_STATEMENT_JOURNAL_SPILL);

      if (rc != SQLITE_OK)
        g_debug ("SQLite keeps its statement journal setting: %s", sqlite3_errstr (rc));
      g_once_init_leave (&configured, 1);
    }
}

GkDb *
gk_db_open_full (const char     *path,
                 int             version,
                 GkDbOpenFlags   flags,
                 GError        **error)
{
  g_autoptr(GkDb) db = NULL;
  gboolean create = (flags & GK_DB_OPEN_CREATE) != 0;
  gboolean is_new = FALSE;
  gboolean read_only = FALSE;
  goffset size = 0;
  Header header = { 0 };
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= gk_db_schema_version (), NULL);

  gk_core_init ();
  configure_sqlite ();

  if (*path == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_MISSING, _("No ledger file was given."));
      return NULL;
    }

  if (!check_file (path, create, &is_new, &size, error))
    return NULL;

  if (is_new)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, GK_DB_ERROR,
                       saved_errno == ENOSPC ? GK_DB_ERROR_DISK_FULL : GK_DB_ERROR_READ_ONLY,
                       _("Could not create the folder “%s” for the ledger (%s). Choose a folder you can write."),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
      if (g_access (dir, W_OK) != 0)
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_READ_ONLY,
                       _("The ledger “%s” cannot be written: the file or its folder is read-only. Choose a folder you can write, or ask for permission to write this one."),
                       path);
          return NULL;
        }
    }

  db = g_new0 (GkDb, 1);
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gk_db_statement_free);
  db->by_address = g_hash_table_new (NULL, NULL);

  /* A ledger on a read-only disk or in a folder we cannot write still
   * opens for reading (SQLite could not even make its WAL files); a save
   * then says why it failed. access() answers as the kernel will. */
  if (!is_new)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      read_only = g_access (dir, W_OK) != 0 || g_access (path, W_OK) != 0;
    }
  if (flags & GK_DB_OPEN_READ_ONLY)
    read_only = TRUE;

  rc = sqlite3_open_v2 (path, &db->handle,
                        read_only ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_for (db->handle, path, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, 5000);

  /* Everything up to the version check only reads, so a file we refuse is
   * left exactly as it was. A small ledger is checked whole now; a large
   * one (seconds of reading) is left to gk_db_verify() in the background,
   * and every read still fails cleanly on a damaged page. (Tests set
   * GONGKAI_DEFER_CHECK to take the large-ledger path with small files.) */
  if (is_new)
    db->verified = TRUE;
  else if (size <= GK_DB_CHECK_AT_OPEN_MAX_BYTES && g_getenv ("GONGKAI_DEFER_CHECK") == NULL)
    {
      if (!check_integrity (db->handle, path, error))
        return NULL;
      db->verified = TRUE;
    }

  if (!read_header (db, &header, error))
    return NULL;

  /* A SQLite file with another mark, or with tables and no mark, belongs
   * to another program; so does an empty one that is not ours to create
   * (we write nothing until the first step commits, mark and tables). The
   * pages are counted after the header read, which rolled back a first
   * commit cut short: that leaves no page at all. */
  if ((header.n_tables > 0 && header.application_id != GK_DB_APPLICATION_ID) ||
      (header.n_tables == 0 && header.application_id != 0 && header.application_id != GK_DB_APPLICATION_ID) ||
      (header.n_tables == 0 && header.application_id == 0 && header.n_pages > 0))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER,
                   _("“%s” is not a Gongkai ledger: it is a database of another program"), path);
      return NULL;
    }

  if (header.user_version > gk_db_schema_version ())
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Gongkai (format %d; this version reads up to %d). Update Gongkai to open it."),
                   path, header.user_version, gk_db_schema_version ());
      return NULL;
    }

  if (flags & GK_DB_OPEN_READ_ONLY)
    return g_steal_pointer (&db);

  if (!gk_db_exec (db, "PRAGMA synchronous = " GK_DB_SYNCHRONOUS, error) ||
      !gk_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return NULL;

  /* An existing ledger is copied before its format changes. */
  if (header.n_tables > 0 && header.user_version < version)
    {
      g_autofree char *copy = gk_db_backup (db, "before-update", error);

      if (copy == NULL)
        {
          g_prefix_error (error, _("Could not make a backup before updating the ledger: "));
          return NULL;
        }
    }

  for (int step = header.user_version; step < version; step++)
    {
      if (!apply_migration (db, step, error))
        return NULL;
    }

  if (!switch_to_wal (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

GkDb *
gk_db_open_at_version (const char  *path,
                       int          version,
                       GError     **error)
{
  return gk_db_open_full (path, version, GK_DB_OPEN_CREATE, error);
}

GkDb *
gk_db_open (const char  *path,
            GError     **error)
{
  return gk_db_open_full (path, gk_db_schema_version (), GK_DB_OPEN_CREATE, error);
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
  g_autofree char *wal = NULL;
  g_autofree char *dir = NULL;
  gboolean is_new;
  goffset size;
  int application_id;
  int user_version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  gk_core_init ();

  if (!check_file (path, FALSE, &is_new, &size, error))
    return NULL;

  db = g_new0 (GkDb, 1);
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gk_db_statement_free);
  db->by_address = g_hash_table_new (NULL, NULL);

  /* A reader of a WAL ledger needs its -wal and -shm files, and only the
   * last connection that can write removes them on close. So: while
   * another connection has the ledger open (its -wal is there), read
   * beside it; where we may write, connect as a writer that never writes
   * (query_only, below), so that closing leaves the folder as it was;
   * where nobody can write (read-only file, folder or disk, and no -wal),
   * nothing can change the file either: read it as immutable, which needs
   * no files beside it. */
  wal = g_strconcat (path, "-wal", NULL);
  dir = g_path_get_dirname (path);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    rc = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READONLY, NULL);
  else if (g_access (dir, W_OK) == 0 && g_access (path, W_OK) == 0)
    rc = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE, NULL);
  else
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *uri = g_strconcat (file_uri, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, &db->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_for (db->handle, path, rc, error);
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

  g_clear_pointer (&db->by_address, g_hash_table_unref);
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
