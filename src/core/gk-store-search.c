/* gk-store-search.c: filtered, sorted, paged queries over the records, with full-text search. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-search-text.h"
#include "gk-store-private.h"

GkQuery *
gk_query_new (void)
{
  return g_new0 (GkQuery, 1);
}

void
gk_query_free (GkQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->domain);
  g_free (query->item_key);
  g_free (query->status);
  g_free (query->mode);
  g_free (query->from);
  g_free (query->to);
  g_free (query->text);
  g_free (query->today);
  g_free (query->due_from);
  g_free (query->due_to);
  g_free (query->open_due_by);
  g_free (query);
}

GkQuery *
gk_query_copy (const GkQuery *query)
{
  GkQuery *copy = gk_query_new ();

  copy->domain = g_strdup (query->domain);
  copy->item_key = g_strdup (query->item_key);
  copy->unit_id = query->unit_id;
  copy->status = g_strdup (query->status);
  copy->mode = g_strdup (query->mode);
  copy->from = g_strdup (query->from);
  copy->to = g_strdup (query->to);
  copy->overdue = query->overdue;
  copy->due_from = g_strdup (query->due_from);
  copy->due_to = g_strdup (query->due_to);
  copy->open_due_by = g_strdup (query->open_due_by);
  copy->text = g_strdup (query->text);
  copy->sort = query->sort;
  copy->today = g_strdup (query->today);
  return copy;
}

/* An FTS5 phrase: the user's text quoted, so no character of it is syntax. */
static char *
fts_phrase (const char *term)
{
  GString *s = g_string_new ("\"");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* Full-text matches are read once per text and state of the ledger, as a
 * sorted array of record ids that the count, the first page and the pages
 * after it share. Joining the index's matches to the records in SQL made
 * SQLite read the wide row of every match to test the filters and sort by
 * date: 60–170 ms for a common character in 100 000 records. */
typedef struct
{
  grefcount ref;
  char *key;            /* the index terms, one "table\nterm" a line */
  GArray *ids;          /* gint64, ascending */
  guint8 *bits;         /* one bit per id from first_id on, if ids are dense */
  gint64 first_id;
  gint64 n_bits;
} Hits;

/* Up to this many matches, the records are read by id and sorted; above,
 * SQLite walks a date index and keeps the rows whose id matched, which
 * ends after a page when matches are common. */
#define SEEK_MAX_HITS 250
#define MAX_CACHED_SEARCHES 4

struct _GkSearchCache
{
  gint64 data_version;  /* PRAGMA data_version: commits of other connections */
  gint64 total_changes; /* rows this connection wrote; -1 = forget all */
  GQueue hits;          /* Hits, the latest first */
};
typedef GkSearchCache SearchCache;

static Hits *
hits_ref (Hits *hits)
{
  g_ref_count_inc (&hits->ref);
  return hits;
}

static void
hits_unref (gpointer data)
{
  Hits *hits = data;

  if (g_ref_count_dec (&hits->ref))
    {
      g_free (hits->key);
      g_clear_pointer (&hits->ids, g_array_unref);
      g_free (hits->bits);
      g_free (hits);
    }
}

static void
search_cache_clear (SearchCache *cache)
{
  g_queue_clear_full (&cache->hits, hits_unref);
}

/* After the connection that calls gk_search_hit() has closed. */
void
gk_search_cache_free (GkSearchCache *cache)
{
  if (cache == NULL)
    return;
  search_cache_clear (cache);
  g_free (cache);
}

static Hits *
search_cache_find (SearchCache *cache,
                   const char  *key)
{
  for (GList *l = cache->hits.head; l != NULL && key != NULL; l = l->next)
    if (strcmp (((Hits *) l->data)->key, key) == 0)
      return l->data;
  return NULL;
}

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Record ids are dense (SQLite hands out the next one), so a bitmap over
 * their range is small: 12 kB for 100 000 records. */
static void
hits_index (Hits *hits)
{
  gint64 n;

  if (hits->ids->len == 0)
    return;

  hits->first_id = g_array_index (hits->ids, gint64, 0);
  n = g_array_index (hits->ids, gint64, hits->ids->len - 1) - hits->first_id + 1;
  if (n > (gint64) hits->ids->len * 64 + 65536)
    return;

  hits->n_bits = n;
  hits->bits = g_malloc0 ((n + 7) / 8);
  for (guint i = 0; i < hits->ids->len; i++)
    {
      gint64 bit = g_array_index (hits->ids, gint64, i) - hits->first_id;
      hits->bits[bit / 8] |= 1 << (bit % 8);
    }
}

static gboolean
hits_contains (const Hits *hits,
               gint64      id)
{
  if (hits->bits != NULL)
    {
      gint64 bit = id - hits->first_id;

      return bit >= 0 && bit < hits->n_bits && (hits->bits[bit / 8] & (1 << (bit % 8))) != 0;
    }
  return bsearch (&id, hits->ids->data, hits->ids->len, sizeof (gint64), compare_id) != NULL;
}

/* gk_search_hit(key, id): whether record @id matches the search @key. */
static void
search_hit_func (GkDbCall *call,
                 gpointer  user_data)
{
  Hits *hits = gk_db_call_get_cached (call, 0);
  gint64 id = gk_db_call_get_int64 (call, 1);

  if (hits == NULL)
    {
      /* Found once per run of the statement, not once per row. */
      hits = search_cache_find (user_data, gk_db_call_get_text (call, 0));
      if (hits == NULL)
        {
          gk_db_call_return_error (call, "gk_search_hit: no such search");
          return;
        }
      gk_db_call_set_cached (call, 0, hits_ref (hits), hits_unref);
    }

  gk_db_call_return_int (call, hits_contains (hits, id));
}

static SearchCache *
get_search_cache (GkStore  *self,
                  GError  **error)
{
  SearchCache *cache = self->search_cache;
  gint64 data_version;
  GkDbStatement *stmt;

  if (cache == NULL)
    {
      cache = g_new0 (SearchCache, 1);
      g_queue_init (&cache->hits);
      if (!gk_db_add_function (self->db, "gk_search_hit", 2, search_hit_func, cache, error))
        {
          gk_search_cache_free (cache);
          return NULL;
        }
      cache->total_changes = -1;
      /* Freed by the store after its connection closes. */
      self->search_cache = cache;
    }

  /* Any write, here or through another connection, makes the matches stale. */
  stmt = gk_db_prepare (self->db, "PRAGMA data_version", error);
  if (stmt == NULL ||
      !gk_db_statement_step_one (stmt, error, "%s", _("Database error: the query gave no value")))
    return NULL;
  data_version = gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);

  if (data_version != cache->data_version ||
      gk_db_get_total_changes (self->db) != cache->total_changes)
    {
      search_cache_clear (cache);
      cache->data_version = data_version;
      cache->total_changes = gk_db_get_total_changes (self->db);
    }

  /* Inside a transaction, what is read now may be rolled back, which no
   * counter shows: use the matches for this query only. */
  if (gk_db_in_transaction (self->db))
    cache->total_changes = -1;

  return cache;
}

/* The ids of the records that one index term matches, ascending. */
static GArray *
read_matches (GkStore     *self,
              const char  *term,
              GError     **error)
{
  const char *text = strchr (term, '\n') + 1;
  gboolean trigram = g_str_has_prefix (term, "records_fts\n");
  g_autofree char *phrase = NULL;
  GkDbStatement *stmt;

  if (trigram)
    phrase = fts_phrase (text);
  else
    {
      g_autofree char *chars = gk_text_to_chars (text);

      phrase = fts_phrase (g_strstrip (chars));
    }
  stmt = gk_db_prepare (self->db,
                        trigram
                        ? "SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid"
                        : "SELECT rowid FROM records_chars WHERE records_chars MATCH ? ORDER BY rowid",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, phrase, error))
    return NULL;
  return gk_db_statement_collect_int64 (stmt, error);
}

/* The records of search_pending (in no index yet) that @term matches,
 * added to @ids, which stays ascending. */
static gboolean
read_pending_matches (GkStore     *self,
                      const char  *term,
                      GArray      *ids,
                      GError     **error)
{
  g_autoptr(GkTextMatcher) matcher = gk_text_matcher_new (strchr (term, '\n') + 1,
                                                          g_str_has_prefix (term, "records_fts\n"));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local_error = NULL;
  GkDbStatement *stmt;
  guint n_fts;

  stmt = gk_db_prepare (self->db,
                        "SELECT s.id, s.title, s.body, s.fields FROM search_pending p "
                        "JOIN records_search s ON s.id = p.id ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  while (gk_db_statement_step (stmt, &local_error))
    if (gk_text_matcher_matches (matcher,
                                 gk_db_statement_get_text (stmt, 1),
                                 gk_db_statement_get_text (stmt, 2),
                                 gk_db_statement_get_text (stmt, 3)))
      {
        gint64 id = gk_db_statement_get_int64 (stmt, 0);
        g_array_append_val (found, id);
      }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (found->len == 0)
    return TRUE;

  /* A record is in the index or pending, never both: merge. */
  n_fts = ids->len;
  g_array_append_vals (ids, found->data, found->len);
  if (n_fts > 0 && g_array_index (ids, gint64, n_fts - 1) > g_array_index (found, gint64, 0))
    g_array_sort (ids, compare_id);
  return TRUE;
}

/* Keeps in @ids only what @other holds too; both ascending. */
static void
intersect_ids (GArray *ids,
               GArray *other)
{
  guint kept = 0;

  for (guint i = 0, j = 0; i < ids->len && j < other->len; )
    {
      gint64 a = g_array_index (ids, gint64, i), b = g_array_index (other, gint64, j);

      if (a < b)
        i++;
      else if (a > b)
        j++;
      else
        {
          g_array_index (ids, gint64, kept++) = a;
          i++, j++;
        }
    }
  g_array_set_size (ids, kept);
}

/* The records every one of @terms matches. */
static Hits *
search_hits (GkStore    *self,
             GPtrArray  *terms,
             GError    **error)
{
  SearchCache *cache = get_search_cache (self, error);
  g_autofree char *key = NULL;
  guint n_pending = 0;
  Hits *hits;

  if (cache == NULL)
    return NULL;

  g_ptr_array_add (terms, NULL);
  key = g_strjoinv ("\n", (char **) terms->pdata);
  g_ptr_array_remove_index (terms, terms->len - 1);

  hits = search_cache_find (cache, key);
  if (hits != NULL)
    {
      g_queue_remove (&cache->hits, hits);
      g_queue_push_head (&cache->hits, hits);
      return hits_ref (hits);
    }

  if (!gk_store_count_search_pending (self, &n_pending, error))
    return NULL;

  hits = g_new0 (Hits, 1);
  g_ref_count_init (&hits->ref);
  hits->key = g_steal_pointer (&key);
  for (guint i = 0; i < terms->len; i++)
    {
      g_autoptr(GArray) ids = read_matches (self, g_ptr_array_index (terms, i), error);

      if (ids != NULL && n_pending > 0 &&
          !read_pending_matches (self, g_ptr_array_index (terms, i), ids, error))
        g_clear_pointer (&ids, g_array_unref);
      if (ids == NULL)
        {
          hits_unref (hits);
          return NULL;
        }
      if (hits->ids == NULL)
        hits->ids = g_steal_pointer (&ids);
      else
        intersect_ids (hits->ids, ids);
    }

  hits_index (hits);
  g_queue_push_head (&cache->hits, hits_ref (hits));
  while (g_queue_get_length (&cache->hits) > MAX_CACHED_SEARCHES)
    hits_unref (g_queue_pop_tail (&cache->hits));
  return hits;
}

typedef struct
{
  GString *where;
  GPtrArray *params;   /* strings, bound in order as ?1, ?2, … */
  Hits *hits;          /* what the full-text terms matched, or NULL */
} Filter;

/* Every "?" in @clause stands for @param, bound under one number. */
static void
filter_add (Filter     *filter,
            const char *clause,
            const char *param)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *placeholder = NULL;
  g_autofree char *numbered = NULL;

  g_string_append (filter->where, filter->where->len == 0 ? " WHERE " : " AND ");

  g_ptr_array_add (filter->params, g_strdup (param));
  placeholder = g_strdup_printf ("?%u", filter->params->len);
  parts = g_strsplit (clause, "?", -1);
  numbered = g_strjoinv (placeholder, parts);
  g_string_append (filter->where, numbered);
}

static void
filter_add_hits (Filter *filter)
{
  GArray *ids = filter->hits->ids;

  if (ids->len <= SEEK_MAX_HITS)
    {
      g_autoptr(GString) list = g_string_new ("[");

      /* Few: read those records by id. */
      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
      g_string_append_c (list, ']');
      filter_add (filter, "r.id IN (SELECT value FROM json_each (?))", list->str);
    }
  else
    filter_add (filter, "gk_search_hit (?, r.id)", filter->hits->key);
}

/* A LIKE pattern that finds @term anywhere, its own "%", "_" and "\\" literal. */
static char *
like_pattern (const char *term)
{
  GString *s = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* Index terms go to @index_terms as "table\nterm"; what no index can
 * answer becomes a clause of its own. */
static void
add_text_terms (Filter     *filter,
                const char *text,
                GPtrArray  *index_terms)
{
  g_auto(GStrv) terms = NULL;
  g_autoptr(GString) spaced = g_string_new (text);

  /* Chinese input methods type the ideographic space; split on it too.
   * (A byte set cannot hold it: its bytes occur inside other characters.) */
  g_string_replace (spaced, "\u3000", " ", 0);
  terms = g_strsplit_set (spaced->str, " \t\n", -1);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      glong length;

      if (*terms[i] == '\0')
        continue;

      length = g_utf8_strlen (terms[i], -1);
      if (length >= 3)
        g_ptr_array_add (index_terms, g_strconcat ("records_fts\n", terms[i], NULL));
      else
        {
          /* Below three characters the trigram index matches nothing: ask
           * the one-token-per-character index for the characters in a row. */
          g_autofree char *chars = gk_text_to_chars (terms[i]);
          g_autofree char *clean = g_strstrip (g_strdup (chars));

          if (*clean == '\0' || strchr (clean, '.') != NULL)
            {
              /* Punctuation: match it literally in the text that was
               * indexed, "%" and "_" included. */
              g_autofree char *pattern = like_pattern (terms[i]);
              filter_add (filter,
                          "r.id IN (SELECT id FROM records_search WHERE title LIKE ? ESCAPE '\\' "
                          "OR body LIKE ? ESCAPE '\\' OR fields LIKE ? ESCAPE '\\')",
                          pattern);
              continue;
            }
          g_ptr_array_add (index_terms, g_strconcat ("records_chars\n", terms[i], NULL));
        }
    }
}

static void
filter_free (Filter *filter)
{
  g_string_free (filter->where, TRUE);
  g_ptr_array_unref (filter->params);
  g_clear_pointer (&filter->hits, hits_unref);
  g_free (filter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Filter, filter_free)

static Filter *
build_filter (GkStore        *self,
              const GkQuery  *query,
              GError        **error)
{
  g_autoptr(Filter) filter = g_new0 (Filter, 1);
  g_autoptr(GPtrArray) index_terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *hidden = gk_store_dup_hidden_json (self);

  filter->where = g_string_new (NULL);
  filter->params = g_ptr_array_new_with_free_func (g_free);

  if (query->domain != NULL)
    filter_add (filter, "r.domain = ?", query->domain);
  if (query->item_key != NULL)
    filter_add (filter, "r.item_id = (SELECT id FROM catalog_items WHERE key = ?)", query->item_key);
  if (query->unit_id != 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, query->unit_id);
      filter_add (filter, "r.unit_id = CAST (? AS INTEGER)", id);
    }
  /* A record whose 变更 is being prepared is still published: what was
   * published before it stays public. */
  if (g_strcmp0 (query->status, GK_STATUS_PUBLISHED) == 0)
    filter_add (filter, "(? = 'published' AND " GK_RECORD_IS_PUBLIC_SQL ")", query->status);
  else if (query->status != NULL)
    filter_add (filter, "r.status = ?", query->status);
  if (query->mode != NULL)
    filter_add (filter, "r.mode = ?", query->mode);
  if (query->from != NULL)
    filter_add (filter, "r.formed_on >= ?", query->from);
  if (query->to != NULL)
    filter_add (filter, "r.formed_on <= ?", query->to);
  if (query->overdue)
    {
      g_autofree char *today = query->today != NULL ? g_strdup (query->today) : gk_today ();
      filter_add (filter, "r.published_on IS NULL AND r.due_on IS NOT NULL AND r.due_on < ?", today);
    }
  if (query->due_from != NULL)
    filter_add (filter, "r.published_on IS NULL AND r.due_on >= ?", query->due_from);
  if (query->due_to != NULL)
    filter_add (filter, "r.published_on IS NULL AND r.due_on <= ?", query->due_to);
  if (query->open_due_by != NULL)
    filter_add (filter, "r.published_on IS NULL AND r.due_on IS NOT NULL AND r.due_on <= ?", query->open_due_by);
  if (query->text != NULL && g_utf8_strlen (query->text, -1) > GK_SEARCH_MAX_CHARS)
    {
      /* A longer text is no one's search, and would cost seconds. */
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The search text is longer than %d character",
                                "The search text is longer than %d characters", GK_SEARCH_MAX_CHARS),
                   GK_SEARCH_MAX_CHARS);
      return NULL;
    }
  if (query->text != NULL && *query->text != '\0')
    add_text_terms (filter, query->text, index_terms);
  if (hidden != NULL)
    filter_add (filter, "r.uuid NOT IN (SELECT value FROM json_each (?))", hidden);
  if (self->report_scope != 0)
    {
      /* -1, the home organisation, is what a NULL organisation stands for. */
      g_autofree char *scope = g_strdup_printf ("%" G_GINT64_FORMAT, self->report_scope);
      filter_add (filter, "coalesce (r.organisation_id, -1) = CAST (? AS INTEGER)", scope);
    }

  if (index_terms->len > 0)
    {
      filter->hits = search_hits (self, index_terms, error);
      if (filter->hits == NULL)
        return NULL;
      filter_add_hits (filter);
    }

  return g_steal_pointer (&filter);
}

static gboolean
bind_params (GkDbStatement  *stmt,
             Filter         *filter,
             GError        **error)
{
  for (guint i = 0; i < filter->params->len; i++)
    if (!gk_db_statement_bind_text (stmt, i + 1, g_ptr_array_index (filter->params, i), error))
      return FALSE;
  return TRUE;
}

gboolean
gk_store_count (GkStore        *self,
                const GkQuery  *query,
                guint          *count,
                GError        **error)
{
  g_autoptr(Filter) filter = build_filter (self, query, error);
  g_autofree char *sql = NULL;
  GkDbStatement *stmt;

  if (filter == NULL)
    return FALSE;

  /* Every match is a record: with no other filter, or no match, the
   * matches are the count. */
  if (filter->hits != NULL && (filter->params->len == 1 || filter->hits->ids->len == 0))
    {
      *count = filter->hits->ids->len;
      return TRUE;
    }

  sql = g_strconcat ("SELECT count(*) FROM records r", filter->where->str, NULL);
  stmt = gk_db_prepare (self->db, sql, error);
  if (stmt == NULL ||
      !bind_params (stmt, filter, error) ||
      !gk_db_statement_step_one (stmt, error, "%s", _("Database error: the query gave no value")))
    return FALSE;

  *count = gk_db_statement_get_int (stmt, 0);
  gk_db_statement_reset (stmt);
  return TRUE;
}

GPtrArray *
gk_store_query (GkStore        *self,
                const GkQuery  *query,
                guint           offset,
                guint           limit,
                GError        **error)
{
  g_autoptr(Filter) filter = build_filter (self, query, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  const char *order;
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (filter == NULL)
    return NULL;
  if (filter->hits != NULL && filter->hits->ids->len == 0)
    return g_steal_pointer (&records);

  switch (query->sort)
    {
    case GK_SORT_DUE:
      order = " ORDER BY r.due_on IS NULL, r.due_on, r.id";
      break;
    case GK_SORT_TITLE:
      order = " ORDER BY r.title, r.id";
      break;
    case GK_SORT_ATTENTION:
      order = " ORDER BY (r.published_on IS NULL AND r.due_on IS NOT NULL) DESC,"
              " CASE WHEN r.published_on IS NULL THEN r.due_on END, r.formed_on DESC, r.id DESC";
      break;
    case GK_SORT_DATE:
    default:
      order = " ORDER BY r.formed_on DESC, r.id DESC";
      break;
    }

  /* The page's ids first, then its rows: the ids of the rows skipped over
   * come from an index, where reading the rows themselves for the joins
   * made a page 30 000 rows down cost 100 ms. Limit and offset are bound,
   * so that one statement serves every page. */
  sql = g_strdup_printf ("SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM
                         " WHERE r.id IN (SELECT r.id FROM records r%s%s LIMIT ?%u OFFSET ?%u)%s",
                         filter->where->str, order, filter->params->len + 1, filter->params->len + 2, order);
  stmt = gk_db_prepare (self->db, sql, error);
  if (stmt == NULL ||
      !bind_params (stmt, filter, error) ||
      !gk_db_statement_bind_int64 (stmt, filter->params->len + 1, limit, error) ||
      !gk_db_statement_bind_int64 (stmt, filter->params->len + 2, offset, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (records, gk_store_record_from_row (stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

gboolean
gk_store_count_domain (GkStore     *self,
                       const char  *domain,
                       const char  *today,
                       guint       *total,
                       guint       *overdue,
                       GError     **error)
{
  g_autofree char *real_today = today != NULL ? g_strdup (today) : gk_today ();
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GkDbStatement *stmt;

  /* Records deleted pending an undo are not counted. */
  if (hidden == NULL)
    stmt = gk_db_prepare (self->db,
                          "SELECT (SELECT count(*) FROM records WHERE domain = ?1), "
                          "(SELECT count(*) FROM records WHERE domain = ?1 AND published_on IS NULL "
                          "AND due_on IS NOT NULL AND due_on < ?2)",
                          error);
  else
    stmt = gk_db_prepare (self->db,
                          "SELECT (SELECT count(*) FROM records WHERE domain = ?1 "
                          "AND uuid NOT IN (SELECT value FROM json_each (?3))), "
                          "(SELECT count(*) FROM records WHERE domain = ?1 AND published_on IS NULL "
                          "AND due_on IS NOT NULL AND due_on < ?2 "
                          "AND uuid NOT IN (SELECT value FROM json_each (?3)))",
                          error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, domain, error) ||
      !gk_db_statement_bind_text (stmt, 2, real_today, error) ||
      (hidden != NULL && !gk_db_statement_bind_text (stmt, 3, hidden, error)) ||
      !gk_db_statement_step_one (stmt, error, "%s", _("Database error: the query gave no value")))
    return FALSE;

  if (total != NULL)
    *total = gk_db_statement_get_int (stmt, 0);
  if (overdue != NULL)
    *overdue = gk_db_statement_get_int (stmt, 1);
  gk_db_statement_reset (stmt);
  return TRUE;
}
