/* gk-bench-durability.c: the cost of one saved record with synchronous=NORMAL and FULL (WAL). */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "gk-core.h"
#include "gk-db.h"
#include "gk-store-private.h"

#define N_SAVES 300

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Saves one record @N_SAVES times, each its own transaction as the editor
 * saves, and prints the median and p90 of one save in ms. */
static void
measure (GkStore    *store,
         const char *mode)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA synchronous = %s", mode);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  double times[N_SAVES];

  if (!gk_db_exec (gk_store_get_db (store), pragma, &error))
    g_error ("%s", error->message);
  items = gk_store_list_items (store, NULL, FALSE, &error);
  if (items == NULL || items->len == 0)
    g_error ("no catalog items");
  record = gk_store_create_record (store, gk_item_get_key (g_ptr_array_index (items, 0)), "耐久性测试记录", &error);
  if (record == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < N_SAVES; i++)
    {
      g_autofree char *body = g_strdup_printf ("第 %u 次保存的正文。", i);
      gint64 start;

      gk_record_set_body (record, body);
      start = g_get_monotonic_time ();
      if (!gk_store_save_record (store, record, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, N_SAVES, sizeof times[0], compare_doubles);
  printf ("| synchronous=%s | %.2f | %.2f |\n", mode, times[N_SAVES / 2], times[N_SAVES * 9 / 10]);
}

int
main (int   argc,
      char *argv[])
{
  const char *parent = argc > 1 ? argv[1] : g_get_tmp_dir ();
  g_autofree char *dir = g_build_filename (parent, "gongkai-durability-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  gk_core_init ();
  if (g_mkdtemp (dir) == NULL)
    g_error ("cannot make a folder in %s", parent);
  path = g_build_filename (dir, "ledger.db", NULL);
  store = gk_store_open (path, &error);
  /* Records are numbered with the organisation's code: a ledger needs one. */
  if (store == NULL || !gk_store_set_organisation (store, "基准测试单位", "000014349", &error))
    g_error ("%s", error->message);

  printf ("| mode | median ms per save | p90 ms |\n|---|---|---|\n");
  /* Twice each, alternating, so that a warming disk cache favours neither. */
  for (int round = 0; round < 2; round++)
    {
      measure (store, "NORMAL");
      measure (store, "FULL");
    }

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  return 0;
}
