/* gk-store-imports.c: import batches: what each spreadsheet import added, listed and undone as one step. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-import-private.h"

void
gk_import_batch_free (GkImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->item_key);
  g_free (batch->item_name);
  g_free (batch->file_name);
  g_free (batch->sheet);
  g_free (batch->imported_at);
  g_free (batch->user);
  g_free (batch);
}

gint64
gk_store_add_import_batch (GkStore     *self,
                           gint64       item_id,
                           const char  *file_name,
                           const char  *sheet,
                           GError     **error)
{
  g_autofree char *now = gk_store_now ();
  GkDbStatement *stmt;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO import_batches (item_id, file_name, sheet, imported_at, user) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, item_id, error) ||
      !gk_db_statement_bind_text (stmt, 2, file_name, error) ||
      !gk_db_statement_bind_text (stmt, 3, sheet != NULL ? sheet : "", error) ||
      !gk_db_statement_bind_text (stmt, 4, now, error) ||
      !gk_db_statement_bind_text (stmt, 5, self->user, error) ||
      !gk_db_statement_step_done (stmt, error))
    return 0;
  return gk_db_get_last_insert_id (self->db);
}

gboolean
gk_store_has_import_row (GkStore     *self,
                         gint64       item_id,
                         const char  *row_key,
                         gboolean    *found,
                         GError     **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db, "SELECT 1 FROM import_rows WHERE item_id = ?1 AND row_key = ?2", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, item_id, error) ||
      !gk_db_statement_bind_text (stmt, 2, row_key, error))
    return FALSE;
  *found = gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  gk_db_statement_reset (stmt);
  return TRUE;
}

gboolean
gk_store_add_import_row (GkStore     *self,
                         gint64       batch_id,
                         GkRecord    *record,
                         const char  *row_key,
                         GError     **error)
{
  GkDbStatement *stmt;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO import_rows (record_id, batch_id, item_id, row_key) VALUES (?1, ?2, ?3, ?4)",
                        error);
  return stmt != NULL &&
         gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), error) &&
         gk_db_statement_bind_int64 (stmt, 2, batch_id, error) &&
         gk_db_statement_bind_int64 (stmt, 3, gk_record_get_item_id (record), error) &&
         gk_db_statement_bind_text (stmt, 4, row_key, error) &&
         gk_db_statement_step_done (stmt, error);
}

GPtrArray *
gk_store_list_import_batches (GkStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_import_batch_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  stmt = gk_db_prepare (self->db,
                        "SELECT b.id, i.key, i.level2, b.file_name, b.sheet, b.imported_at, b.user, "
                        "(SELECT count (*) FROM import_rows r WHERE r.batch_id = b.id) "
                        "FROM import_batches b JOIN catalog_items i ON i.id = b.item_id ORDER BY b.id",
                        error);
  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkImportBatch *batch = g_new0 (GkImportBatch, 1);

      batch->id = gk_db_statement_get_int64 (stmt, 0);
      batch->item_key = gk_db_statement_dup_text (stmt, 1);
      batch->item_name = gk_db_statement_dup_text (stmt, 2);
      batch->file_name = gk_db_statement_dup_text (stmt, 3);
      batch->sheet = gk_db_statement_dup_text (stmt, 4);
      batch->imported_at = gk_db_statement_dup_text (stmt, 5);
      batch->user = gk_db_statement_dup_text (stmt, 6);
      batch->n_records = gk_db_statement_get_int64 (stmt, 7);
      g_ptr_array_add (batches, batch);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&batches);
}

/* The batch's records go, each with its history's "delete" entry, then
 * the batch: all of it or, if one record cannot go (published since),
 * none of it. */
gboolean
gk_store_undo_import_batch (GkStore  *self,
                            gint64    batch_id,
                            guint    *n_removed,
                            GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stmt = gk_db_prepare (self->db, "SELECT 1 FROM import_batches WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, batch_id, error) ||
      !gk_db_statement_step_one (stmt, error, _("No import %lld in the ledger"), (long long) batch_id))
    goto fail;
  gk_db_statement_reset (stmt);

  stmt = gk_db_prepare (self->db,
                        "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM
                        " JOIN import_rows ir ON ir.record_id = r.id WHERE ir.batch_id = ?1",
                        error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, batch_id, error))
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
      GkRecord *record = g_ptr_array_index (records, i);

      if (!gk_store_can_delete_record (self, record, error) ||
          !gk_store_unindex_record (self, gk_record_get_id (record), error))
        goto fail;
      stmt = gk_db_prepare (self->db, "DELETE FROM records WHERE id = ?1", error);
      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), error) ||
          !gk_db_statement_step_done (stmt, error) ||
          !gk_store_add_history (self, gk_record_get_uuid (record), "delete", NULL,
                                 gk_record_get_title (record), NULL, error))
        goto fail;
    }

  stmt = gk_db_prepare (self->db, "DELETE FROM import_batches WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, batch_id, error) ||
      !gk_db_statement_step_done (stmt, error) ||
      !gk_db_commit (self->db, error))
    goto fail;

  if (n_removed != NULL)
    *n_removed = records->len;
  if (records->len > 0)
    gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}
