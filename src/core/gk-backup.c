/* gk-backup.c: rolling copies of a ledger with SQLite's online backup, listed, pruned and restored. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gk-backup.h"
#include "gk-db-private.h"
#include "gk-settings.h"
#include "gk-store-private.h"

/* "<stem>-YYYYMMDD-HHMMSS-NN-<reason>.db": sorted by name is sorted by
 * time, NN telling apart the copies of one second. */
#define NAME_PATTERN "^(.+)-([0-9]{8})-([0-9]{6})-([0-9]{2})-([a-z-]+)\\.db$"

/* A copy in progress: ".backup-<pid>-XXXXXX", renamed when finished. */
#define TEMP_PREFIX ".backup-"

/* A copy is written page after page, so its file changes all the while;
 * one left this long unchanged was abandoned even if its writer's id now
 * belongs to another process (or to another sandbox's namespace). */
#define TEMP_STALE_SECONDS (60 * 60)

void
gk_backup_free (GkBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->created, g_date_time_unref);
  g_free (backup->reason);
  g_free (backup);
}

char *
gk_backup_get_dir (const char *ledger_path)
{
  return g_strconcat (ledger_path, ".backups", NULL);
}

static char *
ledger_stem (const char *ledger_path)
{
  g_autofree char *base = g_path_get_basename (ledger_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

static void
set_file_error (GError    **error,
                int         saved_errno,
                const char *path)
{
  int code = GK_DB_ERROR_IO;

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    code = GK_DB_ERROR_DISK_FULL;
  else if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
    code = GK_DB_ERROR_READ_ONLY;

  g_set_error (error, GK_DB_ERROR, code, _("Could not write the backup “%s”: %s"), path, g_strerror (saved_errno));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of @stem's copies in @dir, newest first. */
static GPtrArray *
list_names (const char  *dir,
            const char  *stem,
            GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) regex = g_regex_new (NAME_PATTERN, 0, 0, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) folder = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *name_stem = NULL;

      if (!g_regex_match (regex, name, 0, &match))
        continue;
      name_stem = g_match_info_fetch (match, 1);
      if (g_strcmp0 (name_stem, stem) == 0)
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_newest_first);
  return g_steal_pointer (&names);
}

static void
remove_copy (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Removes the copies in progress that a writer killed midway left in
 * @dir: their process is gone and the file has not changed for a minute,
 * or the file has not changed for an hour whoever wrote it. */
static void
sweep_abandoned (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      gint64 age;
      gboolean writer_gone;
      char *end = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      age = now - st.st_mtime;
      pid = g_ascii_strtoull (name + strlen (TEMP_PREFIX), &end, 10);
      writer_gone = end != NULL && *end == '-' && pid > 0 && pid != (guint64) getpid () &&
                    pid <= G_MAXINT && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;

      if ((writer_gone && age > 60) || age > TEMP_STALE_SECONDS)
        g_unlink (path);
    }
}

/* The setting, read through @db: a ledger older than the settings table
 * (a copy before an update) keeps the default. */
static guint
read_keep (GkDb *db)
{
  GkDbStatement *stmt = gk_db_prepare (db, "SELECT value FROM settings WHERE key = ?1", NULL);
  guint keep = GK_BACKUP_KEEP_DEFAULT;

  if (stmt != NULL &&
      gk_db_statement_bind_text (stmt, 1, GK_BACKUP_KEEP_SETTING, NULL) &&
      gk_db_statement_step (stmt, NULL))
    {
      guint64 value = g_ascii_strtoull (gk_db_statement_get_text (stmt, 0), NULL, 10);

      if (value >= 1 && value <= 1000)
        keep = value;
      gk_db_statement_reset (stmt);
    }
  return keep;
}

static void
prune (const char *dir,
       const char *stem,
       guint       keep)
{
  g_autoptr(GPtrArray) names = list_names (dir, stem, NULL);

  for (guint i = keep; names != NULL && i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      remove_copy (path);
    }
}

/* Gives the file at @tmp (a finished copy, or a ledger set aside) the next
 * free name of this second, by link(): a name is never overwritten, even by
 * another process backing up the same ledger at the same moment. */
static char *
claim_name (const char  *tmp,
            const char  *dir,
            const char  *stem,
            const char  *reason,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *prefix = g_strdup_printf ("%s-%s-", stem, stamp);
  g_autoptr(GPtrArray) names = list_names (dir, stem, NULL);
  int first = 1;

  /* After the newest copy of this second, even if older ones of it were
   * pruned: a reused number would sort before the copies it follows. */
  if (names != NULL && names->len > 0 && g_str_has_prefix (g_ptr_array_index (names, 0), prefix))
    first = atoi ((const char *) g_ptr_array_index (names, 0) + strlen (prefix)) + 1;

  for (int n = first; n < 100; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s-%02d-%s.db", stem, stamp, n, reason);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (link (tmp, path) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        {
          set_file_error (error, errno, path);
          return NULL;
        }
    }

  g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_IO, _("Could not name the backup in “%s”"), dir);
  return NULL;
}

char *
gk_db_backup (GkDb        *db,
              const char  *reason,
              GError     **error)
{
  const char *ledger_path = gk_db_get_path (db);
  g_autofree char *dir = gk_backup_get_dir (ledger_path);
  g_autofree char *stem = ledger_stem (ledger_path);
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_file_error (error, errno, dir);
      return NULL;
    }

  sweep_abandoned (dir);
  {
    g_autofree char *template = g_strdup_printf (TEMP_PREFIX "%d-XXXXXX", (int) getpid ());

    tmp = g_build_filename (dir, template, NULL);
  }
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      set_file_error (error, errno, dir);
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", gk_db_get_handle (db), "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* All pages in one step: the copy is of one moment. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_errcode (dest);
        }
    }
  /* The pages carry the ledger's WAL mark: a copy is one plain file. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gk_db_set_error_for (dest, ledger_path, rc, error);
      g_prefix_error (error, _("Could not make a backup: "));
      sqlite3_close (dest);
      remove_copy (tmp);
      return NULL;
    }
  sqlite3_close (dest);

  path = claim_name (tmp, dir, stem, reason, error);
  remove_copy (tmp);
  if (path == NULL)
    return NULL;

  prune (dir, stem, read_keep (db));
  return g_steal_pointer (&path);
}

/* The records of the copy at @path, or -1 with @error set. */
static gint64
count_records (const char  *path,
               GError     **error)
{
  g_autoptr(GkDb) db = gk_db_open_full (path, gk_db_schema_version (), GK_DB_OPEN_READ_ONLY, error);
  GkDbStatement *stmt;
  gint64 n;

  if (db == NULL)
    return -1;
  if (!gk_db_is_verified (db) && !gk_db_verify (db, error))
    return -1;
  stmt = gk_db_prepare (db, "SELECT count(*) FROM records", error);
  if (stmt == NULL || !gk_db_statement_step_one (stmt, error, "%s", _("The backup holds no records table")))
    return -1;
  n = gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);
  return n;
}

GPtrArray *
gk_backup_list (const char  *ledger_path,
                GError     **error)
{
  g_autofree char *dir = gk_backup_get_dir (ledger_path);
  g_autofree char *stem = ledger_stem (ledger_path);
  g_autoptr(GPtrArray) names = list_names (dir, stem, error);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_backup_free);
  g_autoptr(GRegex) regex = g_regex_new (NAME_PATTERN, 0, 0, NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  if (names == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *day = NULL;
      g_autofree char *time = NULL;
      GkBackup *backup = g_new0 (GkBackup, 1);
      guint64 d, t;

      g_regex_match (regex, name, 0, &match);
      day = g_match_info_fetch (match, 2);
      time = g_match_info_fetch (match, 3);
      d = g_ascii_strtoull (day, NULL, 10);
      t = g_ascii_strtoull (time, NULL, 10);
      backup->path = g_build_filename (dir, name, NULL);
      backup->reason = g_match_info_fetch (match, 5);
      backup->created = g_date_time_new (local, d / 10000, d / 100 % 100, d % 100,
                                         t / 10000, t / 100 % 100, t % 100);
      backup->n_records = count_records (backup->path, NULL);
      if (backup->created == NULL)
        gk_backup_free (backup);
      else
        g_ptr_array_add (backups, backup);
    }

  return g_steal_pointer (&backups);
}

/* Finishes moving @from to @to, which link() made: the WAL goes along,
 * since a WAL left beside the restored file would be replayed into it. */
static gboolean
finish_move (const char  *from,
             const char  *to,
             GError     **error)
{
  g_autofree char *from_wal = g_strconcat (from, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *from_shm = g_strconcat (from, "-shm", NULL);

  if (g_file_test (from_wal, G_FILE_TEST_EXISTS) && g_rename (from_wal, to_wal) != 0)
    {
      set_file_error (error, errno, to_wal);
      g_unlink (to);
      return FALSE;
    }
  g_unlink (from_shm);
  g_unlink (from);
  return TRUE;
}

/* Fails with GK_DB_ERROR_BUSY while another connection has the ledger
 * open: in WAL mode even an idle one keeps the exclusive lock from us. A
 * damaged ledger cannot always be locked; that is no reason to refuse. */
static gboolean
check_not_in_use (const char  *ledger_path,
                  GError     **error)
{
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (ledger_path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (handle, 1000);
      rc = sqlite3_exec (handle, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                         "SELECT count(*) FROM sqlite_schema; COMMIT;", NULL, NULL, NULL);
      /* Folds the WAL into the file, so that what is set aside is one file. */
      if (rc == SQLITE_OK)
        sqlite3_exec (handle, "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL, NULL);
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      gk_db_set_error_for (handle, ledger_path, rc, error);
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_close (handle);
  return TRUE;
}

gboolean
gk_backup_restore (const char  *ledger_path,
                   const char  *backup_path,
                   char       **aside_path,
                   GError     **error)
{
  g_autofree char *dir = gk_backup_get_dir (ledger_path);
  g_autofree char *stem = ledger_stem (ledger_path);
  g_autofree char *restoring = g_strconcat (ledger_path, ".restoring", NULL);
  g_autofree char *aside = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (backup_path);
  g_autoptr(GFile) target = g_file_new_for_path (restoring);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ledger_path != NULL && backup_path != NULL, FALSE);

  /* The copy must be a whole ledger before anything moves. */
  if (count_records (backup_path, &local_error) < 0)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The backup “%s” cannot be restored: %s"), backup_path, local_error->message);
      return FALSE;
    }

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_IO, _("Could not copy the backup “%s”: %s"),
                   backup_path, local_error->message);
      g_unlink (restoring);
      return FALSE;
    }

  if (g_file_test (ledger_path, G_FILE_TEST_EXISTS))
    {
      gboolean moved = FALSE;

      if (check_not_in_use (ledger_path, error))
        {
          if (g_mkdir_with_parents (dir, 0700) != 0)
            set_file_error (error, errno, dir);
          else
            {
              aside = claim_name (ledger_path, dir, stem, "before-restore", error);
              moved = aside != NULL && finish_move (ledger_path, aside, error);
            }
        }
      if (!moved)
        {
          g_clear_pointer (&aside, g_free);
          g_unlink (restoring);
          return FALSE;
        }
    }

  if (g_rename (restoring, ledger_path) != 0)
    {
      int saved_errno = errno;

      /* Put the ledger back where it was. */
      if (aside != NULL && link (aside, ledger_path) == 0)
        finish_move (aside, ledger_path, NULL);
      g_unlink (restoring);
      set_file_error (error, saved_errno, ledger_path);
      return FALSE;
    }

  if (aside_path != NULL)
    *aside_path = g_steal_pointer (&aside);
  return TRUE;
}

char *
gk_store_backup (GkStore     *store,
                 const char  *reason,
                 GError     **error)
{
  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  return gk_db_backup (gk_store_get_db (store), reason, error);
}

gboolean
gk_store_backup_daily (GkStore  *store,
                       GError  **error)
{
  const char *ledger_path = gk_store_get_path (store);
  g_autofree char *dir = gk_backup_get_dir (ledger_path);
  g_autofree char *stem = ledger_stem (ledger_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y%m%d");
  g_autofree char *prefix = g_strdup_printf ("%s-%s-", stem, today);
  g_autoptr(GPtrArray) names = list_names (dir, stem, error);
  g_autofree char *path = NULL;

  if (names == NULL)
    return FALSE;
  if (names->len > 0 && g_str_has_prefix (g_ptr_array_index (names, 0), prefix))
    return TRUE;

  path = gk_store_backup (store, "daily", error);
  return path != NULL;
}

guint
gk_store_get_backup_keep (GkStore *store)
{
  g_return_val_if_fail (GK_IS_STORE (store), GK_BACKUP_KEEP_DEFAULT);
  return read_keep (gk_store_get_db (store));
}

gboolean
gk_store_set_backup_keep (GkStore  *store,
                          guint     keep,
                          GError  **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), FALSE);

  if (keep < 1 || keep > 1000)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("Keep between 1 and 1000 backups"));
      return FALSE;
    }
  value = g_strdup_printf ("%u", keep);
  return gk_store_set_setting (store, GK_BACKUP_KEEP_SETTING, value, error);
}
