/* gk-store-search.c: filtered, sorted, paged queries over the records, with full-text search. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

typedef struct
{
  GString *where;
  GPtrArray *params;   /* strings, bound in order as ?1, ?2, … */
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
add_text_terms (Filter     *filter,
                const char *text)
{
  g_auto(GStrv) terms = NULL;
  g_autoptr(GString) spaced = g_string_new (text);

  /* Chinese input methods type the ideographic space; split on it too.
   * (A byte set cannot hold it: its bytes occur inside other characters.) */
  g_string_replace (spaced, "\u3000", " ", 0);
  terms = g_strsplit_set (spaced->str, " \t\n", -1);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *phrase = NULL;
      glong length;

      if (*terms[i] == '\0')
        continue;

      length = g_utf8_strlen (terms[i], -1);
      if (length >= 3)
        {
          phrase = fts_phrase (terms[i]);
          filter_add (filter, "r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)", phrase);
        }
      else
        {
          /* Below three characters the trigram index matches nothing: ask
           * the one-token-per-character index for the characters in a row. */
          g_autofree char *chars = gk_text_to_chars (terms[i]);
          g_autofree char *clean = g_strstrip (g_strdup (chars));

          if (*clean == '\0' || strchr (clean, '.') != NULL)
            {
              /* Punctuation only: match it literally. */
              g_autofree char *pattern = g_strconcat ("%", terms[i], "%", NULL);
              filter_add (filter, "(r.title LIKE ? OR r.body LIKE ? OR r.fields LIKE ?)", pattern);
              continue;
            }
          phrase = fts_phrase (clean);
          filter_add (filter, "r.id IN (SELECT rowid FROM records_chars WHERE records_chars MATCH ?)", phrase);
        }
    }
}

static Filter *
build_filter (const GkQuery *query)
{
  Filter *filter = g_new0 (Filter, 1);

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
  if (query->status != NULL)
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
  if (query->text != NULL && *query->text != '\0')
    add_text_terms (filter, query->text);

  return filter;
}

static void
filter_free (Filter *filter)
{
  g_string_free (filter->where, TRUE);
  g_ptr_array_unref (filter->params);
  g_free (filter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Filter, filter_free)

static void
bind_params (sqlite3_stmt *stmt,
             Filter       *filter)
{
  for (guint i = 0; i < filter->params->len; i++)
    gk_bind_text (stmt, i + 1, g_ptr_array_index (filter->params, i));
}

gboolean
gk_store_count (GkStore        *self,
                const GkQuery  *query,
                guint          *count,
                GError        **error)
{
  g_autoptr(Filter) filter = build_filter (query);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM records r", filter->where->str, NULL);
  sqlite3_stmt *stmt = gk_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_params (stmt, filter);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
gk_store_query (GkStore        *self,
                const GkQuery  *query,
                guint           offset,
                guint           limit,
                GError        **error)
{
  g_autoptr(Filter) filter = build_filter (query);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  const char *order;
  sqlite3_stmt *stmt;
  int rc;

  switch (query->sort)
    {
    case GK_SORT_DUE:
      order = " ORDER BY r.due_on IS NULL, r.due_on, r.id";
      break;
    case GK_SORT_TITLE:
      order = " ORDER BY r.title, r.id";
      break;
    case GK_SORT_DATE:
    default:
      order = " ORDER BY r.formed_on DESC, r.id DESC";
      break;
    }

  sql = g_strdup_printf ("SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM "%s%s LIMIT %u OFFSET %u",
                         filter->where->str, order, limit, offset);
  stmt = gk_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_params (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, gk_store_record_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gk_db_set_error (self->db, error);
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
  sqlite3_stmt *stmt;

  stmt = gk_db_prepare (self->db,
                        "SELECT (SELECT count(*) FROM records WHERE domain = ?1), "
                        "(SELECT count(*) FROM records WHERE domain = ?1 AND published_on IS NULL "
                        "AND due_on IS NOT NULL AND due_on < ?2)",
                        error);
  if (stmt == NULL)
    return FALSE;

  gk_bind_text (stmt, 1, domain);
  gk_bind_text (stmt, 2, real_today);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  if (total != NULL)
    *total = sqlite3_column_int (stmt, 0);
  if (overdue != NULL)
    *overdue = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}
