/* gk-store-catalog.c: the catalog of disclosure items (公开目录) and the first-run defaults. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gk-deadline.h"
#include "gk-schema.h"
#include "gk-store-private.h"

#define ITEM_COLUMNS \
  "id, key, domain, level1, level2, contents, basis, time_limit, deadline_rule, units, " \
  "channels, audience, mode, level, supervision, fields, project_kind, stage, retired"

static GkItem *
item_from_row (GkDbStatement *stmt)
{
  GkItem *item = g_new0 (GkItem, 1);

  item->id = gk_db_statement_get_int64 (stmt, 0);
  item->key = gk_db_statement_dup_text (stmt, 1);
  item->domain = gk_db_statement_dup_text (stmt, 2);
  item->level1 = gk_db_statement_dup_text (stmt, 3);
  item->level2 = gk_db_statement_dup_text (stmt, 4);
  item->contents = gk_db_statement_dup_text (stmt, 5);
  item->basis = gk_db_statement_dup_text (stmt, 6);
  item->time_limit = gk_db_statement_dup_text (stmt, 7);
  item->deadline_rule = gk_db_statement_dup_text (stmt, 8);
  item->units = gk_db_statement_dup_text (stmt, 9);
  item->channels = gk_db_statement_dup_text (stmt, 10);
  item->audience = gk_db_statement_dup_text (stmt, 11);
  item->mode = gk_db_statement_dup_text (stmt, 12);
  item->level = gk_db_statement_dup_text (stmt, 13);
  item->supervision = gk_db_statement_dup_text (stmt, 14);
  item->fields = gk_db_statement_dup_text (stmt, 15);
  item->project_kind = gk_db_statement_dup_text (stmt, 16);
  item->stage = gk_db_statement_get_int (stmt, 17);
  item->retired = gk_db_statement_get_int (stmt, 18);
  return item;
}

GPtrArray *
gk_store_list_items (GkStore     *self,
                     const char  *domain,
                     gboolean     include_retired,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_item_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT " ITEM_COLUMNS " FROM catalog_items "
                        "WHERE (?1 IS NULL OR domain = ?1) AND (?2 OR retired = 0) "
                        "ORDER BY position, id",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, domain, error) ||
      !gk_db_statement_bind_int (stmt, 2, include_retired, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (items, item_from_row (stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

GkItem *
gk_store_get_item (GkStore     *self,
                   const char  *key,
                   GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT " ITEM_COLUMNS " FROM catalog_items WHERE key = ?1", error);
  GkItem *item;

  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, key, error) ||
      !gk_db_statement_step_one (stmt, error, _("No catalog item “%s”"), key))
    return NULL;

  item = item_from_row (stmt);
  gk_db_statement_reset (stmt);
  return item;
}

GkItem *
gk_store_get_item_by_id (GkStore  *self,
                         gint64    item_id,
                         GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT " ITEM_COLUMNS " FROM catalog_items WHERE id = ?1", error);
  GkItem *item;

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, item_id, error) ||
      !gk_db_statement_step_one (stmt, error, _("No catalog item %lld"), (long long) item_id))
    return NULL;

  item = item_from_row (stmt);
  gk_db_statement_reset (stmt);
  return item;
}

/* Items change rarely and every due date needs its item's rule: keep them. */
const GkItem *
gk_store_lookup_item (GkStore *self,
                      gint64   item_id)
{
  GkItem *item = g_hash_table_lookup (self->item_cache, &item_id);

  if (item == NULL)
    {
      item = gk_store_get_item_by_id (self, item_id, NULL);
      if (item != NULL)
        g_hash_table_insert (self->item_cache, g_memdup2 (&item_id, sizeof item_id), item);
    }

  return item;
}

GkSchema *
gk_store_lookup_schema (GkStore *self,
                        gint64   item_id)
{
  GkSchema *schema = g_hash_table_lookup (self->schema_cache, &item_id);

  if (schema == NULL)
    {
      const GkItem *item = gk_store_lookup_item (self, item_id);
      g_autoptr(GError) error = NULL;

      if (item == NULL)
        return NULL;
      schema = gk_schema_new_from_json (item->fields, &error);
      if (schema == NULL)
        {
          g_warning ("The fields of “%s” cannot be read: %s", item->key, error->message);
          return NULL;
        }
      g_hash_table_insert (self->schema_cache, g_memdup2 (&item_id, sizeof item_id), schema);
    }

  return schema;
}

void
gk_store_forget_items (GkStore *self)
{
  g_hash_table_remove_all (self->item_cache);
  g_hash_table_remove_all (self->schema_cache);
}

gboolean
gk_store_write_item (GkStore       *self,
            const GkItem  *item,
            int            position,
            GError       **error)
{
  GkDbStatement *stmt;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO catalog_items (key, domain, level1, level2, contents, basis, time_limit, "
                        "deadline_rule, units, channels, audience, mode, level, supervision, fields, "
                        "project_kind, stage, position, retired) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                        "coalesce (?18, (SELECT coalesce (max (position), 0) + 1 FROM catalog_items)), ?19) "
                        "ON CONFLICT (key) DO UPDATE SET domain = excluded.domain, level1 = excluded.level1, "
                        "level2 = excluded.level2, contents = excluded.contents, basis = excluded.basis, "
                        "time_limit = excluded.time_limit, deadline_rule = excluded.deadline_rule, "
                        "units = excluded.units, channels = excluded.channels, audience = excluded.audience, "
                        "mode = excluded.mode, level = excluded.level, supervision = excluded.supervision, "
                        "fields = excluded.fields, project_kind = excluded.project_kind, "
                        "stage = excluded.stage, retired = excluded.retired",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, item->key, error) ||
      !gk_db_statement_bind_text (stmt, 2, item->domain, error) ||
      !gk_db_statement_bind_text (stmt, 3, item->level1 != NULL ? item->level1 : "", error) ||
      !gk_db_statement_bind_text (stmt, 4, item->level2 != NULL ? item->level2 : "", error) ||
      !gk_db_statement_bind_text (stmt, 5, item->contents != NULL ? item->contents : "", error) ||
      !gk_db_statement_bind_text (stmt, 6, item->basis != NULL ? item->basis : "", error) ||
      !gk_db_statement_bind_text (stmt, 7, item->time_limit != NULL ? item->time_limit : "", error) ||
      !gk_db_statement_bind_text (stmt, 8, item->deadline_rule != NULL ? item->deadline_rule : "proactive", error) ||
      !gk_db_statement_bind_text (stmt, 9, item->units != NULL ? item->units : "", error) ||
      !gk_db_statement_bind_text (stmt, 10, item->channels != NULL ? item->channels : "[]", error) ||
      !gk_db_statement_bind_text (stmt, 11, item->audience != NULL ? item->audience : "", error) ||
      !gk_db_statement_bind_text (stmt, 12, item->mode != NULL ? item->mode : "", error) ||
      !gk_db_statement_bind_text (stmt, 13, item->level != NULL ? item->level : "", error) ||
      !gk_db_statement_bind_text (stmt, 14, item->supervision != NULL ? item->supervision : "", error) ||
      !gk_db_statement_bind_text (stmt, 15, item->fields != NULL ? item->fields : "[]", error) ||
      !gk_db_statement_bind_text (stmt, 16, item->project_kind, error) ||
      !gk_db_statement_bind_int (stmt, 17, item->stage, error) ||
      !(position > 0
        ? gk_db_statement_bind_int (stmt, 18, position, error)
        : gk_db_statement_bind_null (stmt, 18, error)) ||
      !gk_db_statement_bind_int (stmt, 19, item->retired, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

gboolean
gk_store_save_item (GkStore   *self,
                    GkItem    *item,
                    GError   **error)
{
  g_autoptr(GkSchema) schema = NULL;
  g_autoptr(GkItem) stored = NULL;
  GkDeadlineRule rule;
  gboolean rule_changed;

  g_return_val_if_fail (item != NULL && item->key != NULL && item->domain != NULL, FALSE);

  if (item->level2 == NULL || *item->level2 == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A catalog item needs a name"));
      return FALSE;
    }

  if (g_strcmp0 (item->deadline_rule, GK_ITEM_RULE_REQUEST) != 0 &&
      g_strcmp0 (item->deadline_rule, GK_ITEM_RULE_NONE) != 0 &&
      !gk_deadline_rule_parse (item->deadline_rule, &rule, error))
    return FALSE;

  schema = gk_schema_new_from_json (item->fields, error);
  if (schema == NULL)
    return FALSE;

  stored = gk_store_get_item (self, item->key, NULL);
  rule_changed = stored == NULL || g_strcmp0 (stored->deadline_rule, item->deadline_rule) != 0;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  if (!gk_store_write_item (self, item, stored != NULL ? 0 : -1, error))
    {
      gk_db_rollback (self->db);
      return FALSE;
    }

  gk_store_forget_items (self);
  if (stored != NULL && rule_changed && !gk_store_recompute_due_dates (self, error))
    {
      gk_db_rollback (self->db);
      return FALSE;
    }

  if (!gk_db_commit (self->db, error))
    return FALSE;

  {
    g_autoptr(GkItem) saved = gk_store_get_item (self, item->key, NULL);

    item->id = saved != NULL ? saved->id : 0;
  }
  gk_store_emit_catalog_changed (self);
  if (rule_changed)
    gk_store_emit_records_changed (self);
  return TRUE;
}

GStrv
gk_store_list_item_value_keys (GkStore  *self,
                               gint64    item_id,
                               GError  **error)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT DISTINCT value_keys.key FROM records, json_each (records.fields) AS value_keys "
                        "WHERE records.item_id = ?1 ORDER BY 1",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, item_id, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_strv_builder_add (keys, gk_db_statement_get_text (stmt, 0));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_strv_builder_end (keys);
}

GPtrArray *
gk_store_list_domains (GkStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT key FROM domains ORDER BY position", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;

  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (keys, gk_db_statement_dup_text (stmt, 0));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

char *
gk_store_dup_domain_name (GkStore     *self,
                          const char  *key,
                          GError     **error)
{
  GkDbStatement *stmt;
  char *name;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  stmt = gk_db_prepare (self->db, "SELECT name FROM domains WHERE key = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, key, error) ||
      !gk_db_statement_step_one (stmt, error, _("No domain “%s”"), key))
    return NULL;

  name = gk_db_statement_dup_text (stmt, 0);
  gk_db_statement_reset (stmt);
  return name;
}
