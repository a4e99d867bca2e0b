/* gk-bench-search.c: times search through the store's API as the record list uses it, against the former query shape. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gk-core.h"
#include "gk-record-list.h"
#include "gk-store.h"
/* For the former query shape only: the record columns, the character
 * index's text, and the connection to run it on. */
#include "gk-search-text.h"
#include "gk-store-private.h"

/* The record list's first screen: count the matches, read the first page. */
#define PAGE GK_RECORD_LIST_PAGE_SIZE

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted samples. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank = (guint) (p * n + 0.999999);

  return sorted[CLAMP (rank, 1, n) - 1];
}

typedef enum { STEP_COUNT, STEP_PAGE, STEP_BOTH, STEP_AGAIN } Step;
static const char *step_names[] = { "count", "page", "count+page", "again" };

typedef struct
{
  guint count;
  GArray *page_ids;     /* gint64 */
} Result;

/* The store keeps the matches of its last few searches: before a fresh
 * run, push them out with searches for text that is nowhere (cheap). */
static void
forget_searches (GkStore *store)
{
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GkQuery) filler = gk_query_new ();
      guint count;

      filler->text = g_strdup_printf ("无此内容%u", i);
      gk_store_count (store, filler, &count, NULL);
    }
}

static double
run_api (GkStore       *store,
         const GkQuery *query,
         Step           step,
         Result        *result)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (step != STEP_AGAIN)
    forget_searches (store);
  else if (!gk_store_count (store, query, &result->count, &error))
    g_error ("count: %s", error->message);

  start = g_get_monotonic_time ();
  if (step != STEP_PAGE && !gk_store_count (store, query, &result->count, &error))
    g_error ("count: %s", error->message);
  if (step != STEP_COUNT)
    {
      g_autoptr(GPtrArray) records = gk_store_query (store, query, 0, PAGE, &error);
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;

      if (records == NULL)
        g_error ("query: %s", error->message);
      g_array_set_size (result->page_ids, 0);
      for (guint i = 0; i < records->len; i++)
        {
          gint64 id = gk_record_get_id (g_ptr_array_index (records, i));
          g_array_append_val (result->page_ids, id);
        }
      return elapsed;
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The shape gk-store-search.c used before: the full-text index's matches
 * as `r.id IN (SELECT rowid …)`, joined to the records, sorted by date. */
static char *
former_match (const char *term,
              char      **phrase)
{
  if (g_utf8_strlen (term, -1) >= 3)
    {
      *phrase = g_strdup_printf ("\"%s\"", term);
      return g_strdup ("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?1)");
    }
  else
    {
      g_autofree char *chars = gk_text_to_chars (term);

      *phrase = g_strdup_printf ("\"%s\"", g_strstrip (chars));
      return g_strdup ("r.id IN (SELECT rowid FROM records_chars WHERE records_chars MATCH ?1)");
    }
}

static double
run_former (GkDb       *db,
            const char *term,
            const char *domain,
            Step        step,
            Result     *result)
{
  g_autofree char *phrase = NULL;
  g_autofree char *match = former_match (term, &phrase);
  g_autofree char *where = g_strdup_printf (" WHERE %s%s", domain != NULL ? "r.domain = ?2 AND " : "", match);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  GkDbStatement *stmt;

  if (step != STEP_PAGE)
    {
      g_autofree char *sql = g_strconcat ("SELECT count(*) FROM records r", where, NULL);

      stmt = gk_db_prepare (db, sql, &error);
      if (stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, phrase, &error) ||
          (domain != NULL && !gk_db_statement_bind_text (stmt, 2, domain, &error)) ||
          !gk_db_statement_step_one (stmt, &error, "no count"))
        g_error ("%s", error->message);
      result->count = gk_db_statement_get_int (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  if (step != STEP_COUNT)
    {
      g_autofree char *sql = g_strconcat ("SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM, where,
                                          " ORDER BY r.formed_on DESC, r.id DESC LIMIT 50 OFFSET 0", NULL);

      stmt = gk_db_prepare (db, sql, &error);
      if (stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, phrase, &error) ||
          (domain != NULL && !gk_db_statement_bind_text (stmt, 2, domain, &error)))
        g_error ("%s", error->message);
      g_array_set_size (result->page_ids, 0);
      while (gk_db_statement_step (stmt, &error))
        {
          /* Read the row as the store does. */
          g_autoptr(GkRecord) record = gk_store_record_from_row (stmt);
          gint64 id = gk_record_get_id (record);

          g_array_append_val (result->page_ids, id);
        }
      if (error != NULL)
        g_error ("%s", error->message);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_stats (const char *shape,
             const char *term,
             Step        step,
             Result     *result,
             double      first,
             double     *samples,
             int         runs)
{
  qsort (samples, runs, sizeof (double), compare_double);
  printf ("%s\t%s\t%ld\t%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n",
          shape, term, g_utf8_strlen (term, -1), step_names[step],
          step != STEP_PAGE ? (int) result->count : -1,
          step != STEP_COUNT ? (int) result->page_ids->len : -1,
          first, percentile (samples, runs, 0.5), percentile (samples, runs, 0.9),
          samples[0], samples[runs - 1]);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DB QUERY…");
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = NULL;
  gboolean deferring = FALSE;
  int runs = 31;
  int former_runs = 11;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs per query and step (default 31)", "N" },
    { "former-runs", 'f', 0, G_OPTION_ARG_INT, &former_runs, "Timed runs of the former query shape (default 11; 0: skip)", "N" },
    { "domain", 'd', 0, G_OPTION_ARG_STRING, &domain, "Search within one domain, as a sidebar section does", "KEY" },
    { "deferring-index", 'w', 0, G_OPTION_ARG_NONE, &deferring,
      "Open the ledger as the window does, leaving the records an import left for the search index unindexed", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context,
                                "Prints tab-separated lines:\n"
                                "  api|former  query chars step matches page first_ms median_ms p90_ms min_ms max_ms\n"
                                "  check       query ok|MISMATCH what\n"
                                "api is gk_store_count() and gk_store_query(0, 50), sorted by date. Its steps\n"
                                "count, page and count+page are a new search (the store has forgotten the\n"
                                "matches of earlier ones); again is count+page once more, as when the list\n"
                                "refreshes or scrolls. former is the query shape the store used before,\n"
                                "run on the same connection. The first run of each step is reported on its\n"
                                "own and left out of the statistics.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 3 || runs < 1 || former_runs < 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: gk-bench-search [--runs N] [--domain KEY] DB QUERY…");
      return 2;
    }

  gk_core_init ();
  store = deferring ? gk_store_open_deferring_index (argv[1], &error) : gk_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int q = 2; q < argc; q++)
    {
      g_autoptr(GkQuery) query = gk_query_new ();
      Result api = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)) };
      Result former = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)) };
      g_autofree double *samples = g_new (double, MAX (runs, former_runs));
      GkDb *db = gk_store_get_db (store);

      query->text = g_strdup (argv[q]);
      query->domain = g_strdup (domain);
      query->sort = GK_SORT_DATE;

      for (Step step = STEP_COUNT; step <= STEP_AGAIN; step++)
        {
          /* The first run prepares statements and warms SQLite's cache. */
          double first = run_api (store, query, step, &api);

          for (int i = 0; i < runs; i++)
            samples[i] = run_api (store, query, step, &api);
          print_stats ("api", argv[q], step, &api, first, samples, runs);
        }

      /* One term only: the former shape here knows no more. */
      if (former_runs > 0 && strchr (argv[q], ' ') == NULL)
        {
          for (Step step = STEP_COUNT; step <= STEP_BOTH; step++)
            {
              double first = run_former (db, argv[q], domain, step, &former);

              for (int i = 0; i < former_runs; i++)
                samples[i] = run_former (db, argv[q], domain, step, &former);
              print_stats ("former", argv[q], step, &former, first, samples, former_runs);
            }

          /* Same answer as before: the count, and the first page in order. */
          if (api.count != former.count)
            printf ("check\t%s\tMISMATCH\tcount %u, formerly %u\n", argv[q], api.count, former.count);
          else if (api.page_ids->len != former.page_ids->len ||
                   memcmp (api.page_ids->data, former.page_ids->data, api.page_ids->len * sizeof (gint64)) != 0)
            printf ("check\t%s\tMISMATCH\tfirst page differs\n", argv[q]);
          else
            printf ("check\t%s\tok\tcount %u and first page of %u as before\n", argv[q], api.count, api.page_ids->len);
          fflush (stdout);
        }

      g_array_unref (api.page_ids);
      g_array_unref (former.page_ids);
    }

  return 0;
}
