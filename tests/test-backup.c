/* test-backup.c: rolling copies of a ledger: made, listed, pruned, and restored after damage. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "gk-backup.h"
#include "gk-core.h"
#include "gk-db.h"
#include "gk-demo.h"
#include "gk-store-private.h"
#include "gk-test-util.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_uuids (GkStore *store)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  guint count = 0;

  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  records = gk_store_query (store, query, 0, count, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (uuids, g_strdup (gk_record_get_uuid (g_ptr_array_index (records, i))));
  g_ptr_array_sort (uuids, compare_strings);
  return uuids;
}

/* Backups are made, listed newest first with their records, and the ledger
 * damaged afterwards comes back whole, every record in it, with the damaged
 * file kept aside rather than overwritten. */
static void
test_damage_and_restore (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-backup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manual = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *kept = NULL;
  gsize damaged_len = 0, kept_len = 0;
  GkBackup *newest;

  g_assert_true (gk_demo_fill (store, 120, 5, &error));
  g_assert_no_error (error);
  before = list_uuids (store);
  g_assert_cmpuint (before->len, ==, 120);

  manual = gk_store_backup (store, "manual", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (manual, G_FILE_TEST_IS_REGULAR));

  backups = gk_backup_list (path, &error);
  g_assert_no_error (error);
  /* The day's copy made when the new ledger opened, then this one. */
  g_assert_cmpuint (backups->len, ==, 2);
  newest = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (newest->path, ==, manual);
  g_assert_cmpstr (newest->reason, ==, "manual");
  g_assert_cmpint (newest->n_records, ==, 120);
  g_assert_nonnull (newest->created);
  g_assert_cmpstr (((GkBackup *) g_ptr_array_index (backups, 1))->reason, ==, "daily");
  g_assert_cmpint (((GkBackup *) g_ptr_array_index (backups, 1))->n_records, ==, 0);

  /* The window has the ledger open: no restore under it. */
  g_assert_false (gk_backup_restore (path, manual, NULL, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Damage: scribble over the middle of the file. */
  damaged = gk_test_damage_file (path, 10 * 4096, 20 * 4096, &damaged_len);
  g_assert_cmpuint (damaged_len, >, 40 * 4096);
  store = gk_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (gk_backup_restore (path, manual, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &kept, &kept_len, NULL));
  g_assert_cmpmem (kept, kept_len, damaged, damaged_len);

  store = gk_store_open (path, &error);
  g_assert_no_error (error);
  after = list_uuids (store);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));
  g_assert_true (gk_store_verify (store, &error));
  g_assert_no_error (error);

  /* The damaged file is listed too, so that a restore can be undone. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gk_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GkBackup *) g_ptr_array_index (backups, 0))->path, ==, aside);
  g_assert_cmpstr (((GkBackup *) g_ptr_array_index (backups, 0))->reason, ==, "before-restore");
  g_assert_cmpint (((GkBackup *) g_ptr_array_index (backups, 0))->n_records, ==, -1);

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

/* Only the newest copies are kept, as many as the ledger's setting says. */
static void
test_keep (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-keep-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpuint (gk_store_get_backup_keep (store), ==, GK_BACKUP_KEEP_DEFAULT);
  g_assert_false (gk_store_set_backup_keep (store, 0, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_store_set_backup_keep (store, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gk_store_get_backup_keep (store), ==, 3);

  for (int i = 0; i < 5; i++)
    {
      g_free (last);
      last = gk_store_backup (store, "manual", &error);
      g_assert_no_error (error);
    }

  backups = gk_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpstr (((GkBackup *) g_ptr_array_index (backups, 0))->path, ==, last);

  /* The day's copy exists: a second open the same day makes none. */
  g_assert_true (gk_store_backup_daily (store, &error));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gk_backup_list (path, &error);
  g_assert_cmpuint (backups->len, ==, 3);

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

static char *
write_temp_copy (const char *dir,
                 const char *name,
                 gint64      age_seconds)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "SQLite format 3", -1, NULL));
  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - age_seconds;
  g_assert_cmpint (utime (path, &times), ==, 0);
  return g_steal_pointer (&path);
}

/* A process killed while it copied the ledger leaves its unfinished copy;
 * the next backup removes it, but never a copy another living process is
 * still writing. */
static void
test_abandoned_copies (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-abandoned-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *backups = gk_backup_get_dir (path);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dead_name = NULL, *live_name = NULL;
  g_autofree char *dead = NULL, *dead_journal = NULL, *live = NULL, *fresh = NULL, *ancient = NULL;
  g_autofree char *copy = NULL;
  pid_t child;
  int status;

  /* The id of a process that has ended. */
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  dead_name = g_strdup_printf (".backup-%d-Ab12Cd", (int) child);
  live_name = g_strdup_printf (".backup-%d-Ef34Gh", (int) getppid ());
  dead = write_temp_copy (backups, dead_name, 120);
  {
    g_autofree char *journal_name = g_strconcat (dead_name, "-journal", NULL);
    dead_journal = write_temp_copy (backups, journal_name, 120);
  }
  live = write_temp_copy (backups, live_name, 120);
  /* Just written: its writer may be in another sandbox we cannot see. */
  {
    g_autofree char *fresh_name = g_strdup_printf (".backup-%d-Ij56Kl", (int) child + 1000000);
    fresh = write_temp_copy (backups, fresh_name, 0);
  }
  ancient = write_temp_copy (backups, ".backup-Mn78Op", 2 * 60 * 60);

  copy = gk_store_backup (store, "manual", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ancient, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* The finished copy left no temporary of its own behind. */
  {
    g_autoptr(GDir) folder = g_dir_open (backups, 0, NULL);
    const char *name;
    guint temps = 0;

    while ((name = g_dir_read_name (folder)) != NULL)
      temps += g_str_has_prefix (name, ".backup-");
    g_assert_cmpuint (temps, ==, 2);
  }

  g_clear_object (&store);
  gk_test_remove_tree (dir);
}

/* A ledger of an older format is copied before it is updated; a copy that
 * is not a ledger is refused, and the ledger is left alone. */
static void
test_before_update_and_bad_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-update-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = NULL;
  gboolean found = FALSE;
  GkDb *db;

  db = gk_db_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  gk_db_close (db);

  store = gk_test_open_store (path);
  backups = gk_backup_list (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    found |= g_strcmp0 (((GkBackup *) g_ptr_array_index (backups, i))->reason, "before-update") == 0;
  g_assert_true (found);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (bad, "不是台账", -1, NULL));
  g_assert_false (gk_backup_restore (path, bad, NULL, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_LEDGER);
  g_clear_error (&error);
  store = gk_store_open_existing (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/backup/damage-and-restore", test_damage_and_restore);
  g_test_add_func ("/backup/keep", test_keep);
  g_test_add_func ("/backup/abandoned-copies", test_abandoned_copies);
  g_test_add_func ("/backup/before-update-and-bad-copy", test_before_update_and_bad_copy);

  return g_test_run ();
}
