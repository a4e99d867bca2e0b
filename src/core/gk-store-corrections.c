/* gk-store-corrections.c: correction notices (更正公告) and the records they correct. */
#include "config.h"

#include "gk-plan.h"
#include "gk-store-private.h"

gboolean
gk_item_is_correction (GkItem *item)
{
  GkSchema *schema;

  g_return_val_if_fail (GK_IS_ITEM (item), FALSE);

  schema = gk_item_get_schema (item);
  return schema != NULL && gk_schema_lookup_field (schema, GK_CORRECTED_FIELD) != NULL;
}

GPtrArray *
gk_store_list_corrections (GkStore   *self,
                           GkRecord  *record,
                           GError   **error)
{
  g_autoptr(GPtrArray) corrections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GError *local_error = NULL;
  GkDbStatement *stmt;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (GK_IS_RECORD (record), NULL);

  if (gk_record_get_index_no (record) == NULL || gk_record_get_index_no (record)[0] == '\0')
    return g_steal_pointer (&corrections);

  stmt = gk_db_prepare (self->db,
                        "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM " "
                        "WHERE json_extract (r.fields, '$." GK_CORRECTED_FIELD "') = ?1 "
                        "  AND r.uuid NOT IN (SELECT value FROM json_each (?2)) "
                        "ORDER BY r.formed_on IS NULL, r.formed_on, r.id",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, gk_record_get_index_no (record), error) ||
      !gk_db_statement_bind_text (stmt, 2, hidden != NULL ? hidden : "[]", error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (corrections, gk_store_record_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&corrections);
}

GkRecord *
gk_store_get_corrected_record (GkStore   *self,
                               GkRecord  *correction,
                               GError   **error)
{
  const char *index_no;
  GError *local_error = NULL;
  GkRecord *record;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (GK_IS_RECORD (correction), NULL);

  index_no = gk_record_get_value_string (correction, GK_CORRECTED_FIELD);
  if (index_no == NULL || index_no[0] == '\0')
    return NULL;
  index_no = g_strstrip (g_strdup (index_no));
  record = gk_store_get_record_by_index_no (self, index_no, &local_error);
  g_free ((char *) index_no);
  /* A 索引号 not (or no longer) in the ledger is no error of the ledger. */
  if (record == NULL && local_error != NULL && !g_error_matches (local_error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND))
    g_propagate_error (error, local_error);
  else
    g_clear_error (&local_error);
  if (record != NULL && gk_store_is_record_hidden (self, gk_record_get_uuid (record)))
    g_clear_object (&record);
  return record;
}
