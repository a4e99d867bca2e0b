/* gk-store-index.c: the search indexes of records: the text a record is found by, kept in step with each save. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-schema.h"
#include "gk-settings.h"
#include "gk-search-text.h"
#include "gk-store-private.h"

/* Leaves of the field values as text, for the search index. */
static void
collect_text (JsonNode *node,
              GString  *text)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          collect_text (member, text);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          collect_text (json_array_get_element (array, i), text);
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, json_node_get_string (node));
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* The values as the clerk reads them (choices by label, money in 元), so a
 * search finds what the screen shows. */
static char *
record_fields_text (GkStore     *self,
                    gint64       item_id,
                    JsonObject  *values)
{
  GkSchema *schema = gk_store_lookup_schema (self, item_id);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), values);
  GString *text;

  if (schema != NULL)
    return gk_schema_extract_text (schema, node);
  text = g_string_new (NULL);
  collect_text (node, text);
  return g_string_free (text, FALSE);
}

/* The numbers a colleague quotes (索引号, 文号, the project's code), then
 * the values: a search by any of them or a fragment finds the record. */
static char *
record_search_text (GkStore                *self,
                    const GkIndexedRecord  *record,
                    GError                **error)
{
  g_autofree char *fields = record_fields_text (self, record->item_id, record->values);
  g_autofree char *project_code = NULL;
  GString *text = g_string_new (NULL);

  if (record->project_id != 0)
    {
      GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT code FROM projects WHERE id = ?1", error);
      GError *local_error = NULL;

      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, record->project_id, error))
        return (g_string_free (text, TRUE), NULL);
      if (gk_db_statement_step (stmt, &local_error))
        {
          project_code = gk_db_statement_dup_text (stmt, 0);
          gk_db_statement_reset (stmt);
        }
      else if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return (g_string_free (text, TRUE), NULL);
        }
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *id = i == 0 ? record->index_no : i == 1 ? record->doc_no : project_code;

      if (id != NULL && *id != '\0')
        g_string_append_printf (text, "%s\n", id);
    }
  g_string_append (text, fields);
  return g_string_free (text, FALSE);
}

/* Runs @sql with the record's id and its three texts as ?1 to ?4. */
static gboolean
exec_text_row (GkStore     *self,
               const char  *sql,
               gint64       id,
               const char  *title,
               const char  *body,
               const char  *fields,
               GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, sql, error);

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_bind_text (stmt, 2, title, error) ||
      !gk_db_statement_bind_text (stmt, 3, body, error) ||
      !gk_db_statement_bind_text (stmt, 4, fields, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

static gboolean
delete_search_row (GkStore  *self,
                   gint64    id,
                   GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "DELETE FROM records_search WHERE id = ?1", error);

  return stmt != NULL &&
         gk_db_statement_bind_int64 (stmt, 1, id, error) &&
         gk_db_statement_step_done (stmt, error);
}

/* Adds the record's text to both full-text indexes. */
static gboolean
add_full_text (GkStore     *self,
               gint64       id,
               const char  *title,
               const char  *body,
               const char  *fields,
               GError     **error)
{
  g_autofree char *all = NULL;
  g_autofree char *chars = NULL;
  GkDbStatement *stmt;

  if (!exec_text_row (self, "INSERT INTO records_fts (rowid, title, body, fields) VALUES (?1, ?2, ?3, ?4)",
                      id, title, body, fields, error))
    return FALSE;

  all = g_strjoin (" \n ", title, body, fields, NULL);
  chars = gk_text_to_chars (all);
  stmt = gk_db_prepare (self->db, "INSERT INTO records_chars (rowid, text) VALUES (?1, ?2)", error);
  return stmt != NULL &&
         gk_db_statement_bind_int64 (stmt, 1, id, error) &&
         gk_db_statement_bind_text (stmt, 2, chars, error) &&
         gk_db_statement_step_done (stmt, error);
}

/* Takes a record out of both indexes, with the text it was indexed with. */
gboolean
gk_store_unindex_record (GkStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *all = NULL;
  g_autofree char *chars = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;

  /* Indexed in this batch, or waiting for the indexing pass since an
   * import: its text is in records_search alone. */
  if (self->deferred_index != NULL && g_hash_table_remove (self->deferred_index, &id))
    return delete_search_row (self, id, error);
  stmt = gk_db_prepare (self->db, "DELETE FROM search_pending WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;
  if (gk_db_get_changes (self->db) > 0)
    return delete_search_row (self, id, error);

  stmt = gk_db_prepare (self->db, "SELECT title, body, fields FROM records_search WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return FALSE;
  if (!gk_db_statement_step (stmt, &local_error))
    {
      /* Not indexed yet; but a failed read must not leave stale index rows. */
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }
  title = gk_db_statement_dup_text (stmt, 0);
  body = gk_db_statement_dup_text (stmt, 1);
  fields = gk_db_statement_dup_text (stmt, 2);
  gk_db_statement_reset (stmt);

  if (!exec_text_row (self,
                      "INSERT INTO records_fts (records_fts, rowid, title, body, fields) "
                      "VALUES ('delete', ?1, ?2, ?3, ?4)",
                      id, title, body, fields, error))
    return FALSE;

  all = g_strjoin (" \n ", title, body, fields, NULL);
  chars = gk_text_to_chars (all);
  stmt = gk_db_prepare (self->db,
                        "INSERT INTO records_chars (records_chars, rowid, text) VALUES ('delete', ?1, ?2)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_bind_text (stmt, 2, chars, error) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;

  return delete_search_row (self, id, error);
}

gboolean
gk_store_index_values (GkStore                *self,
                       const GkIndexedRecord  *record,
                       GError                **error)
{
  g_autofree char *fields_text = record_search_text (self, record, error);
  const char *body = record->body != NULL ? record->body : "";
  gint64 id = record->id;

  if (fields_text == NULL ||
      (!record->is_new && !gk_store_unindex_record (self, id, error)) ||
      !exec_text_row (self, "INSERT INTO records_search (id, title, body, fields) VALUES (?1, ?2, ?3, ?4)",
                      id, record->title, body, fields_text, error))
    return FALSE;

  if (self->deferred_index != NULL)
    {
      g_hash_table_add (self->deferred_index, g_memdup2 (&id, sizeof id));
      return TRUE;
    }
  return add_full_text (self, id, record->title, body, fields_text, error);
}

gboolean
gk_store_index_record (GkStore   *self,
                       GkRecord  *record,
                       GError   **error)
{
  GkIndexedRecord indexed = {
    .id = gk_record_get_id (record),
    .item_id = gk_record_get_item_id (record),
    .project_id = gk_record_get_project_id (record),
    .title = gk_record_get_title (record),
    .body = gk_record_get_body (record),
    .index_no = gk_record_get_index_no (record),
    .doc_no = gk_record_get_doc_no (record),
    .values = gk_record_get_values (record),
  };

  return gk_store_index_values (self, &indexed, error);
}

void
gk_store_defer_indexing (GkStore *self)
{
  g_return_if_fail (self->deferred_index == NULL);
  self->deferred_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* FTS5 merges an index's segments once four of one level exist (its
 * 'automerge' default, restored after the pass): over the thousands of
 * records of one pass that rewrites each doclist several times. The pass
 * waits for eight instead; later writes go on merging in small steps, as
 * they always do.
 *
 * FTS5 also writes a segment whenever the terms it holds in memory pass
 * its 'hashsize', 1 MiB by default: for 10 000 imported records that was
 * dozens of small segments to write and merge. The pass holds 8 MiB for
 * each index (12 % fewer instructions for the whole import of 10 000
 * records; 16 or 32 MiB saved nothing more), then gives the default back
 * to the single saves that follow. */
#define FLUSH_AUTOMERGE 8
#define DEFAULT_AUTOMERGE 4
#define FLUSH_HASHSIZE (8 * 1024 * 1024)
#define DEFAULT_HASHSIZE (1024 * 1024)

static gboolean
set_merging (GkStore  *self,
             int       automerge,
             int       hashsize,
             GError  **error)
{
  static const char * const sql[] = {
    "INSERT INTO records_fts (records_fts, rank) VALUES ('automerge', ?1)",
    "INSERT INTO records_chars (records_chars, rank) VALUES ('automerge', ?1)",
    "INSERT INTO records_fts (records_fts, rank) VALUES ('hashsize', ?1)",
    "INSERT INTO records_chars (records_chars, rank) VALUES ('hashsize', ?1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      GkDbStatement *stmt = gk_db_prepare (self->db, sql[i], error);

      if (stmt == NULL ||
          !gk_db_statement_bind_int (stmt, 1, i < 2 ? automerge : hashsize, error) ||
          !gk_db_statement_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads the text of record @id from records_search and adds it to both
 * indexes; a record deleted since (its search row went with it) is skipped. */
static gboolean
index_stored_text (GkStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *fields = NULL;
  GError *local_error = NULL;
  GkDbStatement *stmt;

  stmt = gk_db_prepare (self->db, "SELECT title, body, fields FROM records_search WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return FALSE;
  if (!gk_db_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }
  title = gk_db_statement_dup_text (stmt, 0);
  body = gk_db_statement_dup_text (stmt, 1);
  fields = gk_db_statement_dup_text (stmt, 2);
  gk_db_statement_reset (stmt);
  return add_full_text (self, id, title, body, fields, error);
}

/* Indexes the stored texts of the records @ids (ascending, as FTS5 keeps
 * its doclists) in one pass, FTS5 merging as described above. */
static gboolean
index_stored_texts (GkStore  *self,
                    GArray   *ids,
                    GError  **error)
{
  if (ids->len == 0)
    return TRUE;
  if (!set_merging (self, FLUSH_AUTOMERGE, FLUSH_HASHSIZE, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!index_stored_text (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return set_merging (self, DEFAULT_AUTOMERGE, DEFAULT_HASHSIZE, error);
}

gboolean
gk_store_flush_indexing (GkStore  *self,
                         GError  **error)
{
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->deferred_index);
  g_autoptr(GArray) ids = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (pending != NULL, FALSE);

  /* In rowid order, as FTS5 keeps its doclists. */
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (pending));
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  /* Many: the indexing pass after the commit takes them. */
  if (ids->len > self->index_now_max)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          GkDbStatement *stmt = gk_db_prepare (self->db, "INSERT INTO search_pending (id) VALUES (?1)", error);

          if (stmt == NULL ||
              !gk_db_statement_bind_int64 (stmt, 1, g_array_index (ids, gint64, i), error) ||
              !gk_db_statement_step_done (stmt, error))
            return FALSE;
        }
      self->index_pending = TRUE;
      return TRUE;
    }
  return index_stored_texts (self, ids, error);
}

gboolean
gk_store_count_search_pending (GkStore  *self,
                               guint    *n_pending,
                               GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT count (*) FROM search_pending", error);

  if (stmt == NULL || !gk_db_statement_step_one (stmt, error, "No count of pending records"))
    return FALSE;
  *n_pending = (guint) gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);
  return TRUE;
}

/* Indexes up to @limit waiting records, the lowest ids first, in one
 * transaction; *@n_done counts them. */
static gboolean
index_pending_batch (GkStore  *self,
                     guint     limit,
                     guint    *n_done,
                     GError  **error)
{
  g_autoptr(GArray) ids = NULL;
  GkDbStatement *stmt;

  if (!gk_db_begin (self->db, error))
    return FALSE;
  stmt = gk_db_prepare (self->db, "SELECT id FROM search_pending ORDER BY id LIMIT ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int (stmt, 1, (int) MIN (limit, G_MAXINT), error) ||
      (ids = gk_db_statement_collect_int64 (stmt, error)) == NULL)
    goto fail;
  if (ids->len == 0)
    return gk_db_commit (self->db, error);

  if (!index_stored_texts (self, ids, error))
    goto fail;
  stmt = gk_db_prepare (self->db, "DELETE FROM search_pending WHERE id <= ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, g_array_index (ids, gint64, ids->len - 1), error) ||
      !gk_db_statement_step_done (stmt, error))
    goto fail;
  *n_done += ids->len;
  return gk_db_commit (self->db, error);

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

gboolean
gk_store_index_pending (GkStore            *self,
                        guint               batch,
                        GkIndexProgressFunc progress,
                        gpointer            progress_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  guint total = 0, done = 0, before;

  if (!gk_store_count_search_pending (self, &total, error))
    return FALSE;
  while (done < total)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      before = done;
      if (!index_pending_batch (self, batch, &done, error))
        return FALSE;
      if (progress != NULL)
        progress (MIN (done, total), total, progress_data);
      /* Taken by another connection meanwhile. */
      if (done == before)
        break;
    }
  self->index_pending = FALSE;
  return TRUE;
}

void
gk_store_cancel_indexing (GkStore *self)
{
  g_clear_pointer (&self->deferred_index, g_hash_table_unref);
}

/* What the index holds changed with this number: 2 added the identifiers. */
#define SEARCH_INDEX_VERSION "2"
#define SEARCH_INDEX_SETTING "search-index-version"

/* Records indexed per transaction: a window saving meanwhile waits for
 * one batch at most, not for the whole ledger. */
#define REINDEX_BATCH 200

gboolean
gk_store_search_index_is_current (GkStore  *self,
                                  gboolean *current,
                                  GError  **error)
{
  g_autofree char *version = NULL;
  GError *local_error = NULL;

  version = gk_store_get_setting (self, SEARCH_INDEX_SETTING, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *current = g_strcmp0 (version, SEARCH_INDEX_VERSION) == 0;
  return TRUE;
}

/* Indexes the records after @after_id (by id), @limit of them, in one
 * transaction; *@last_id is the last one done, 0 when none was left. */
static gboolean
reindex_batch (GkStore  *self,
               gint64    after_id,
               guint     limit,
               gint64   *last_id,
               guint    *n_done,
               GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GError *local_error = NULL;
  GkDbStatement *stmt;

  *last_id = 0;
  if (!gk_db_begin (self->db, error))
    return FALSE;

  stmt = gk_db_prepare (self->db, "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM
                                  " WHERE r.id > ?1 ORDER BY r.id LIMIT ?2", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, after_id, error) ||
      !gk_db_statement_bind_int (stmt, 2, (int) limit, error))
    goto fail;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (records, gk_store_record_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }

  for (guint i = 0; i < records->len; i++)
    {
      if (!gk_store_index_record (self, g_ptr_array_index (records, i), error))
        goto fail;
      *last_id = gk_record_get_id (g_ptr_array_index (records, i));
    }
  *n_done += records->len;
  return gk_db_commit (self->db, error);

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

gboolean
gk_store_rebuild_search_index (GkStore            *self,
                               GkIndexProgressFunc progress,
                               gpointer            progress_data,
                               GCancellable       *cancellable,
                               GError            **error)
{
  GkDbStatement *stmt;
  gint64 last_id = 0;
  guint total = 0, done = 0;

  stmt = gk_db_prepare (self->db, "SELECT count(*) FROM records", error);
  if (stmt == NULL || !gk_db_statement_step_one (stmt, error, "No count of records"))
    return FALSE;
  total = (guint) gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!reindex_batch (self, last_id, REINDEX_BATCH, &last_id, &done, error))
        return FALSE;
      if (progress != NULL)
        progress (MIN (done, total), total, progress_data);
    }
  while (last_id != 0);

  return gk_store_set_setting (self, SEARCH_INDEX_SETTING, SEARCH_INDEX_VERSION, error);
}

gboolean
gk_store_update_search_index (GkStore  *self,
                              GError  **error)
{
  gboolean current = FALSE;

  if (!gk_store_search_index_is_current (self, &current, error))
    return FALSE;
  if (!current)
    return gk_store_rebuild_search_index (self, NULL, NULL, NULL, error);
  /* What a large import left: in one pass, nobody waiting for a batch. */
  return gk_store_index_pending (self, G_MAXUINT, NULL, NULL, NULL, error);
}
