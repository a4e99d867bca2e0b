/* gk-bench-json: what json-glib alone costs a full publish. Reads the
 * fields of the records a bundle holds (their 索引号, one a line, on
 * standard input), then times json-glib parsing each record's fields,
 * writing them out again and freeing them, on one thread per processor:
 * the least a publish does with every record's fields before it masks,
 * renders or writes anything.
 *
 *   gk-bench-json LEDGER < index-numbers
 *
 * Prints "records wall_s cpu_s bytes_out". Built by bench/bundle. */
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

typedef struct
{
  GPtrArray *texts;
  guint from;
  guint to;
  gsize out;
} Part;

static gpointer
run (gpointer data)
{
  Part *part = data;

  for (guint i = part->from; i < part->to; i++)
    {
      JsonNode *node = json_from_string (g_ptr_array_index (part->texts, i), NULL);
      char *text = json_to_string (node, FALSE);

      part->out += strlen (text);
      g_free (text);
      json_node_unref (node);
    }
  return NULL;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_threads = g_get_num_processors ();
  g_autofree Part *parts = g_new0 (Part, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char line[256];
  gint64 start;
  double cpu;
  gsize out = 0;

  if (argc != 2 || sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT fields FROM records WHERE index_no = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "usage: gk-bench-json LEDGER < index-numbers\n");
      return 2;
    }
  while (fgets (line, sizeof line, stdin) != NULL)
    {
      line[strcspn (line, "\n")] = '\0';
      sqlite3_bind_text (stmt, 1, line, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  for (guint t = 0; t < n_threads; t++)
    {
      parts[t] = (Part) { texts, texts->len * t / n_threads, texts->len * (t + 1) / n_threads, 0 };
      threads[t] = g_thread_new ("json", run, &parts[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    {
      g_thread_join (threads[t]);
      out += parts[t].out;
    }
  printf ("%u %.2f %.2f %" G_GSIZE_FORMAT "\n", texts->len,
          (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu, out);
  return 0;
}
