/* gk-crash-writer.c: a ledger writer through the core API, for tests/crash/run.sh to kill at random moments.
 *
 *   gk-crash-writer write LEDGER FIRST   records op-FIRST, op-FIRST+1, … one commit each, printing
 *                                        each number once its commit has returned, until killed
 *   gk-crash-writer check LEDGER LAST    integrity_check, then every op-1 … op-LAST is in the ledger;
 *                                        prints "ok N" (N records) or what is wrong, exits 0 or 1
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "gk-core.h"
#include "gk-db.h"
#include "gk-store-private.h"

static int
write_ops (const char *path,
           guint64     first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = gk_store_open (path, &error);
  g_autoptr(GPtrArray) items = NULL;
  const char *key;

  /* Records are numbered with the organisation's code: a ledger needs one. */
  if (store == NULL || !gk_store_set_organisation (store, "崩溃测试单位", "000014349", &error))
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }
  items = gk_store_list_items (store, NULL, FALSE, &error);
  if (items == NULL || items->len == 0)
    {
      fprintf (stderr, "no catalog items\n");
      return 1;
    }
  key = gk_item_get_key (g_ptr_array_index (items, 0));

  for (guint64 op = first; ; op++)
    {
      g_autofree char *title = g_strdup_printf ("op-%" G_GUINT64_FORMAT, op);
      g_autoptr(GkRecord) record = gk_store_create_record (store, key, title, &error);

      if (record == NULL)
        {
          fprintf (stderr, "%s: %s\n", title, error->message);
          return 1;
        }
      /* Every third operation is an edit of what was just made, a second commit. */
      if (op % 3 == 0)
        {
          gk_record_set_body (record, "崩溃测试：保存后的正文");
          if (!gk_store_save_record (store, record, &error))
            {
              fprintf (stderr, "%s: %s\n", title, error->message);
              return 1;
            }
        }
      /* Acknowledged only now: the driver counts this operation as committed. */
      printf ("%" G_GUINT64_FORMAT "\n", op);
      fflush (stdout);
    }
}

static int
check_ops (const char *path,
           guint64     last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDb) db = NULL;
  GkDbStatement *stmt;
  gint64 found, edited, records;

  /* Opened as the next writer would (never created): a commit cut short
   * leaves a hot journal that only a connection that can write rolls back,
   * and a first open cut short a ledger of an older format. */
  db = gk_db_open_full (path, gk_db_schema_version (), GK_DB_OPEN_NONE, &error);
  if (db == NULL)
    {
      struct stat info;

      /* Killed before the first commit: no ledger, or an empty file. */
      if (last == 0 && (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_MISSING) ||
                        (g_stat (path, &info) == 0 && info.st_size == 0)))
        {
          printf ("ok 0\n");
          return 0;
        }
      printf ("open: %s\n", error->message);
      return 1;
    }

  stmt = gk_db_prepare (db, "PRAGMA integrity_check", &error);
  if (stmt == NULL || !gk_db_statement_step (stmt, &error) ||
      g_strcmp0 (gk_db_statement_get_text (stmt, 0), "ok") != 0)
    {
      printf ("integrity_check: %s\n", error != NULL ? error->message : gk_db_statement_get_text (stmt, 0));
      return 1;
    }
  gk_db_statement_reset (stmt);

  /* Each acknowledged operation once at least (one that committed without
   * its acknowledgement is made again by the next run). */
  stmt = gk_db_prepare (db,
                        "SELECT count (DISTINCT title), count (DISTINCT CASE WHEN body <> '' THEN title END),"
                        " (SELECT count (*) FROM records) FROM records"
                        " WHERE title GLOB 'op-[0-9]*' AND CAST (substr (title, 4) AS INTEGER) <= ?1",
                        &error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, last, &error) ||
      !gk_db_statement_step_one (stmt, &error, "no row"))
    {
      printf ("count: %s\n", error->message);
      return 1;
    }
  found = gk_db_statement_get_int64 (stmt, 0);
  edited = gk_db_statement_get_int64 (stmt, 1);
  records = gk_db_statement_get_int64 (stmt, 2);
  gk_db_statement_reset (stmt);

  if ((guint64) found != last || (guint64) edited != last / 3)
    {
      printf ("lost: %" G_GUINT64_FORMAT " acknowledged, %" G_GINT64_FORMAT " found, %" G_GINT64_FORMAT
              " edits of %" G_GUINT64_FORMAT " found\n", last, found, edited, last / 3);
      return 1;
    }
  printf ("ok %" G_GINT64_FORMAT "\n", records);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gk_core_init ();

  if (argc == 4 && g_strcmp0 (argv[1], "write") == 0)
    return write_ops (argv[2], g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && g_strcmp0 (argv[1], "check") == 0)
    return check_ops (argv[2], g_ascii_strtoull (argv[3], NULL, 10));

  fprintf (stderr, "usage: gk-crash-writer write|check LEDGER NUMBER\n");
  return 2;
}
