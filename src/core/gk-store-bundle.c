/* gk-store-bundle.c: the rows the publication bundle reads from the ledger, in one pass. */
#include "config.h"

#include "gk-bundle-private.h"
#include "gk-store-private.h"

void
gk_bundle_row_free (GkBundleRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->item_key);
  g_free (row->item_name);
  g_free (row->domain);
  g_free (row->domain_name);
  g_free (row->project_uuid);
  g_free (row->project_kind);
  g_free (row->project_name);
  g_free (row->project_code);
  g_free (row->title);
  g_free (row->body);
  g_free (row->fields);
  g_free (row->unit_name);
  g_free (row->index_no);
  g_free (row->doc_no);
  g_free (row->formed_on);
  g_free (row->published_on);
  g_free (row->status);
  g_free (row->mode);
  g_free (row->audience);
  g_free (row->time_limit);
  g_free (row->changed_on);
  g_free (row->change_note);
  g_free (row->prev_published_on);
  g_clear_pointer (&row->attachments, g_ptr_array_unref);
  g_free (row);
}

/* While a 变更 is prepared (pc), what was published before it stays
 * public: its text, date and status, and the change before it (c). */
#define EARLIER "(pc.id IS NOT NULL AND r.status IN ('draft', 'pending'))"
#define PUBLIC(column) "CASE WHEN " EARLIER " THEN coalesce (pc.prev_" column ", r." column ") ELSE r." column " END"

/* Records hidden pending an undo are deleted as far as any output goes. */
#define ROWS_SQL \
  "SELECT r.id, r.uuid, r.item_id, i.key, i.level2, r.domain, d.name, " \
  "       coalesce (r.project_id, 0), p.uuid, p.kind, p.name, p.code, i.stage, " \
  "       " PUBLIC ("title") ", " PUBLIC ("body") ", " PUBLIC ("fields") ", u.name, r.index_no, " \
  "       " PUBLIC ("doc_no") ", " PUBLIC ("formed_on") ", " PUBLIC ("published_on") ", " \
  "       CASE WHEN " EARLIER " THEN 'published' ELSE r.status END, r.mode, i.audience, i.time_limit, " \
  "       c.changed_on, c.note, c.prev_published_on " \
  "FROM records r " \
  "JOIN catalog_items i ON i.id = r.item_id " \
  "JOIN domains d ON d.key = r.domain " \
  "LEFT JOIN units u ON u.id = r.unit_id " \
  "LEFT JOIN projects p ON p.id = r.project_id " \
  "LEFT JOIN record_changes pc ON pc.record_id = r.id AND pc.published_on IS NULL " \
  "LEFT JOIN record_changes c ON c.id = " \
  "  (SELECT max (id) FROM record_changes WHERE record_id = r.id AND published_on IS NOT NULL) " \
  "WHERE r.uuid NOT IN (SELECT value FROM json_each (coalesce (?1, '[]'))) " \
  "ORDER BY r.id"

static GkBundleRow *
row_from_statement (GkDbStatement *stmt)
{
  GkBundleRow *row = g_new0 (GkBundleRow, 1);
  int c = 0;

  row->id = gk_db_statement_get_int64 (stmt, c++);
  row->uuid = gk_db_statement_dup_text (stmt, c++);
  row->item_id = gk_db_statement_get_int64 (stmt, c++);
  row->item_key = gk_db_statement_dup_text (stmt, c++);
  row->item_name = gk_db_statement_dup_text (stmt, c++);
  row->domain = gk_db_statement_dup_text (stmt, c++);
  row->domain_name = gk_db_statement_dup_text (stmt, c++);
  row->project_id = gk_db_statement_get_int64 (stmt, c++);
  row->project_uuid = gk_db_statement_dup_text (stmt, c++);
  row->project_kind = gk_db_statement_dup_text (stmt, c++);
  row->project_name = gk_db_statement_dup_text (stmt, c++);
  row->project_code = gk_db_statement_dup_text (stmt, c++);
  row->stage = gk_db_statement_get_int (stmt, c++);
  row->title = gk_db_statement_dup_text (stmt, c++);
  row->body = gk_db_statement_dup_text (stmt, c++);
  row->fields = gk_db_statement_dup_text (stmt, c++);
  row->unit_name = gk_db_statement_dup_text (stmt, c++);
  row->index_no = gk_db_statement_dup_text (stmt, c++);
  row->doc_no = gk_db_statement_dup_text (stmt, c++);
  row->formed_on = gk_db_statement_dup_text (stmt, c++);
  row->published_on = gk_db_statement_dup_text (stmt, c++);
  row->status = gk_db_statement_dup_text (stmt, c++);
  row->mode = gk_db_statement_dup_text (stmt, c++);
  row->audience = gk_db_statement_dup_text (stmt, c++);
  row->time_limit = gk_db_statement_dup_text (stmt, c++);
  row->changed_on = gk_db_statement_dup_text (stmt, c++);
  row->change_note = gk_db_statement_dup_text (stmt, c++);
  row->prev_published_on = gk_db_statement_dup_text (stmt, c++);
  row->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_attachment_free);
  return row;
}

static gboolean
read_attachments (GkStore    *store,
                  GHashTable *by_id,
                  GError    **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (gk_store_get_db (store),
                        "SELECT id, record_id, name, size, sha256, added_at "
                        "FROM attachments ORDER BY record_id, id",
                        error);
  if (stmt == NULL)
    return FALSE;

  while (gk_db_statement_step (stmt, &local_error))
    {
      gint64 record_id = gk_db_statement_get_int64 (stmt, 1);
      GkBundleRow *row = g_hash_table_lookup (by_id, &record_id);
      GkAttachment *attachment;

      if (row == NULL)
        continue;
      attachment = g_new0 (GkAttachment, 1);
      attachment->id = gk_db_statement_get_int64 (stmt, 0);
      attachment->record_id = record_id;
      attachment->name = gk_db_statement_dup_text (stmt, 2);
      attachment->size = gk_db_statement_get_int64 (stmt, 3);
      attachment->sha256 = gk_db_statement_dup_text (stmt, 4);
      attachment->added_at = gk_db_statement_dup_text (stmt, 5);
      g_ptr_array_add (row->attachments, attachment);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
gk_store_list_bundle_rows (GkStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *hidden = gk_store_dup_hidden_json (store);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  stmt = gk_db_prepare (gk_store_get_db (store), ROWS_SQL, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, hidden, error))
    return NULL;

  while (gk_db_statement_step (stmt, &local_error))
    {
      GkBundleRow *row = row_from_statement (stmt);

      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!read_attachments (store, by_id, error))
    return NULL;

  return g_steal_pointer (&rows);
}
