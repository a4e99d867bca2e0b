/* gk-store-catalog.c: the catalog of disclosure items (公开目录) and the first-run defaults. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gk-deadline.h"
#include "gk-item-edit.h"
#include "gk-schema.h"
#include "gk-store-private.h"

#define ITEM_COLUMNS \
  "id, key, domain, level1, level2, contents, basis, time_limit, deadline_rule, units, " \
  "channels, audience, mode, level, supervision, fields, project_kind, stage, retired, stage_required"

/* How the ledger keeps the lists of an item: basis rules joined by "；",
 * unit names by "、" (older ledgers may hold a comma or semicolon as the
 * clerk typed it), channel names and fields as JSON. */
#define UNIT_SEPARATOR "、"

static GStrv
channels_from_json (const char *json)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) root = json_from_string (json != NULL ? json : "[]", NULL);

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

static char *
channels_to_json (const char * const *channels)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (channels[i]));

      if (*name != '\0')
        json_builder_add_string_value (builder, name);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The item of a row, from the cache when it holds it: an item's lists and
 * schema are read once until an item is saved. Returns a reference. */
static GkItem *
item_from_row (GkStore       *self,
               GkDbStatement *stmt)
{
  gint64 id = gk_db_statement_get_int64 (stmt, 0);
  GkItem *item = g_hash_table_lookup (self->item_cache, &id);
  g_autoptr(GkSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) basis = NULL;
  g_auto(GStrv) units = NULL;
  g_auto(GStrv) channels = NULL;

  if (item != NULL)
    return g_object_ref (item);

  item = gk_item_new (gk_db_statement_get_text (stmt, 1), gk_db_statement_get_text (stmt, 2));
  gk_item_set_id (item, id);
  gk_item_set_level1 (item, gk_db_statement_get_text (stmt, 3));
  gk_item_set_level2 (item, gk_db_statement_get_text (stmt, 4));
  gk_item_set_contents (item, gk_db_statement_get_text (stmt, 5));
  basis = gk_item_split_list (gk_db_statement_get_text (stmt, 6), GK_ITEM_BASIS_SEPARATORS);
  gk_item_set_basis (item, (const char * const *) basis);
  gk_item_set_time_limit (item, gk_db_statement_get_text (stmt, 7));
  gk_item_set_deadline_rule (item, gk_db_statement_get_text (stmt, 8));
  units = gk_item_split_list (gk_db_statement_get_text (stmt, 9), GK_ITEM_UNIT_SEPARATORS);
  gk_item_set_units (item, (const char * const *) units);
  channels = channels_from_json (gk_db_statement_get_text (stmt, 10));
  gk_item_set_channels (item, (const char * const *) channels);
  gk_item_set_audience (item, gk_db_statement_get_text (stmt, 11));
  gk_item_set_mode (item, gk_db_statement_get_text (stmt, 12));
  gk_item_set_level (item, gk_db_statement_get_text (stmt, 13));
  gk_item_set_supervision (item, gk_db_statement_get_text (stmt, 14));
  gk_item_set_stage (item, gk_db_statement_get_text (stmt, 16), gk_db_statement_get_int (stmt, 17));
  gk_item_set_retired (item, gk_db_statement_get_int (stmt, 18));
  gk_item_set_stage_required (item, gk_db_statement_get_int (stmt, 19));

  self->n_schema_parses++;
  schema = gk_schema_new_from_json (gk_db_statement_get_text (stmt, 15), &error);
  if (schema == NULL)
    g_warning ("The fields of “%s” cannot be read: %s", gk_item_get_key (item), error->message);
  gk_item_set_schema (item, schema);

  g_hash_table_insert (self->item_cache, g_memdup2 (&id, sizeof id), g_object_ref (item));
  return item;
}

GPtrArray *
gk_store_list_items (GkStore     *self,
                     const char  *domain,
                     gboolean     include_retired,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
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
    g_ptr_array_add (items, item_from_row (self, stmt));

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
  GkDbStatement *stmt;
  GkItem *item;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  self->n_item_requests++;
  stmt = gk_db_prepare (self->db, "SELECT " ITEM_COLUMNS " FROM catalog_items WHERE key = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, key, error) ||
      !gk_db_statement_step_one (stmt, error, _("No catalog item “%s”"), key))
    return NULL;

  item = item_from_row (self, stmt);
  gk_db_statement_reset (stmt);
  return item;
}

/* Items change rarely and every due date needs its item's rule: keep them. */
static GkItem *
read_item_by_id (GkStore  *self,
                 gint64    item_id,
                 GError  **error)
{
  GkItem *item = g_hash_table_lookup (self->item_cache, &item_id);
  GkDbStatement *stmt;

  if (item != NULL)
    return g_object_ref (item);

  stmt = gk_db_prepare (self->db, "SELECT " ITEM_COLUMNS " FROM catalog_items WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, item_id, error) ||
      !gk_db_statement_step_one (stmt, error, _("No catalog item %lld"), (long long) item_id))
    return NULL;

  item = item_from_row (self, stmt);
  gk_db_statement_reset (stmt);
  return item;
}

GkItem *
gk_store_get_item_by_id (GkStore  *self,
                         gint64    item_id,
                         GError  **error)
{
  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  self->n_item_requests++;
  return read_item_by_id (self, item_id, error);
}

GkSchema *
gk_store_get_item_schema (GkStore  *self,
                          gint64    item_id,
                          GError  **error)
{
  g_autoptr(GkItem) item = NULL;
  GkSchema *schema;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  self->n_item_requests++;
  item = read_item_by_id (self, item_id, error);
  if (item == NULL)
    return NULL;

  schema = gk_item_get_schema (item);
  if (schema == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The catalog item's fields cannot be read"));
      return NULL;
    }
  return gk_schema_ref (schema);
}

GkItem *
gk_store_lookup_item (GkStore *self,
                      gint64   item_id)
{
  g_autoptr(GkItem) item = read_item_by_id (self, item_id, NULL);

  /* The cache keeps it alive. */
  return item;
}

GkSchema *
gk_store_lookup_schema (GkStore *self,
                        gint64   item_id)
{
  GkItem *item = gk_store_lookup_item (self, item_id);

  return item != NULL ? gk_item_get_schema (item) : NULL;
}

void
gk_store_forget_items (GkStore *self)
{
  g_hash_table_remove_all (self->item_cache);
}

gint64
gk_store_find_item_unit (GkStore  *self,
                         GkItem   *item,
                         GError  **error)
{
  const char * const *units = gk_item_get_units (item);

  for (guint i = 0; units[i] != NULL; i++)
    {
      GError *local_error = NULL;
      gint64 unit_id = gk_store_find_unit (self, units[i], &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return 0;
        }
      if (unit_id != 0)
        return unit_id;
    }

  return 0;
}

guint
gk_store_get_n_item_requests (GkStore *self)
{
  return self->n_item_requests;
}

guint
gk_store_get_n_schema_parses (GkStore *self)
{
  return self->n_schema_parses;
}

gboolean
gk_store_write_item (GkStore  *self,
                     GkItem   *item,
                     int       position,
                     GError  **error)
{
  g_autofree char *basis = gk_item_dup_basis_text (item);
  g_autofree char *units = g_strjoinv (UNIT_SEPARATOR, (GStrv) gk_item_get_units (item));
  g_autofree char *channels = channels_to_json (gk_item_get_channels (item));
  g_autofree char *fields = NULL;
  GkDbStatement *stmt;

  g_return_val_if_fail (gk_item_get_schema (item) != NULL, FALSE);

  fields = gk_schema_to_json (gk_item_get_schema (item), FALSE);
  stmt = gk_db_prepare (self->db,
                        "INSERT INTO catalog_items (key, domain, level1, level2, contents, basis, time_limit, "
                        "deadline_rule, units, channels, audience, mode, level, supervision, fields, "
                        "project_kind, stage, position, retired, stage_required) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                        "coalesce (?18, (SELECT coalesce (max (position), 0) + 1 FROM catalog_items)), ?19, ?20) "
                        "ON CONFLICT (key) DO UPDATE SET domain = excluded.domain, level1 = excluded.level1, "
                        "level2 = excluded.level2, contents = excluded.contents, basis = excluded.basis, "
                        "time_limit = excluded.time_limit, deadline_rule = excluded.deadline_rule, "
                        "units = excluded.units, channels = excluded.channels, audience = excluded.audience, "
                        "mode = excluded.mode, level = excluded.level, supervision = excluded.supervision, "
                        "fields = excluded.fields, project_kind = excluded.project_kind, "
                        "stage = excluded.stage, retired = excluded.retired, stage_required = excluded.stage_required",
                        error);
#define TEXT_OR(getter, fallback) (gk_item_get_##getter (item) != NULL ? gk_item_get_##getter (item) : (fallback))
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, gk_item_get_key (item), error) ||
      !gk_db_statement_bind_text (stmt, 2, gk_item_get_domain (item), error) ||
      !gk_db_statement_bind_text (stmt, 3, TEXT_OR (level1, ""), error) ||
      !gk_db_statement_bind_text (stmt, 4, TEXT_OR (level2, ""), error) ||
      !gk_db_statement_bind_text (stmt, 5, TEXT_OR (contents, ""), error) ||
      !gk_db_statement_bind_text (stmt, 6, basis, error) ||
      !gk_db_statement_bind_text (stmt, 7, TEXT_OR (time_limit, ""), error) ||
      !gk_db_statement_bind_text (stmt, 8, TEXT_OR (deadline_rule, "proactive"), error) ||
      !gk_db_statement_bind_text (stmt, 9, units, error) ||
      !gk_db_statement_bind_text (stmt, 10, channels, error) ||
      !gk_db_statement_bind_text (stmt, 11, TEXT_OR (audience, ""), error) ||
      !gk_db_statement_bind_text (stmt, 12, TEXT_OR (mode, ""), error) ||
      !gk_db_statement_bind_text (stmt, 13, TEXT_OR (level, ""), error) ||
      !gk_db_statement_bind_text (stmt, 14, TEXT_OR (supervision, ""), error) ||
      !gk_db_statement_bind_text (stmt, 15, fields, error) ||
      !gk_db_statement_bind_text (stmt, 16, gk_item_get_project_kind (item), error) ||
      !gk_db_statement_bind_int (stmt, 17, gk_item_get_stage (item), error) ||
      !(position > 0
        ? gk_db_statement_bind_int (stmt, 18, position, error)
        : gk_db_statement_bind_null (stmt, 18, error)) ||
      !gk_db_statement_bind_int (stmt, 19, gk_item_get_retired (item), error) ||
      !gk_db_statement_bind_int (stmt, 20, gk_item_get_stage_required (item), error))
    return FALSE;
#undef TEXT_OR
  return gk_db_statement_step_done (stmt, error);
}

gboolean
gk_store_save_item (GkStore   *self,
                    GkItem    *item,
                    GError   **error)
{
  g_autoptr(GkItem) stored = NULL;
  const char *level2;
  GkDeadlineRule rule;
  gboolean rule_changed;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (GK_IS_ITEM (item), FALSE);

  level2 = gk_item_get_level2 (item);
  if (level2 == NULL || *level2 == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A catalog item needs a name"));
      return FALSE;
    }

  if (gk_item_get_schema (item) == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The catalog item's fields cannot be read"));
      return FALSE;
    }

  /* 条例 第二十六条 gives every proactive item a deadline: "no deadline" is
   * for review and litigation cases, whose basis sets none. */
  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_NONE) == 0 &&
      g_strcmp0 (gk_item_get_mode (item), "主动公开") == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("An item disclosed proactively has a deadline by law (条例 第二十六条)"));
      return FALSE;
    }

  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) != 0 &&
      g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_NONE) != 0 &&
      (!gk_deadline_rule_parse (gk_item_get_deadline_rule (item), &rule, error) ||
       !gk_deadline_rule_check_fields (&rule, gk_item_get_schema (item), error)))
    return FALSE;

  stored = gk_store_get_item (self, gk_item_get_key (item), NULL);
  rule_changed = stored == NULL || g_strcmp0 (gk_item_get_deadline_rule (stored), gk_item_get_deadline_rule (item)) != 0;

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
      gk_store_forget_items (self);
      return FALSE;
    }

  if (!gk_db_commit (self->db, error))
    {
      gk_store_forget_items (self);
      return FALSE;
    }

  {
    g_autoptr(GkItem) saved = gk_store_get_item (self, gk_item_get_key (item), NULL);

    gk_item_set_id (item, saved != NULL ? gk_item_get_id (saved) : 0);
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
gk_store_list_field_values (GkStore     *self,
                            gint64       item_id,
                            const char  *field_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  /* json_quote gives every value as JSON text: strings quoted, arrays as they are. */
  stmt = gk_db_prepare (self->db,
                        "SELECT DISTINCT json_quote (value_keys.value) "
                        "FROM records, json_each (records.fields) AS value_keys "
                        "WHERE records.item_id = ?1 AND value_keys.key = ?2 AND value_keys.type != 'null'",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, item_id, error) ||
      !gk_db_statement_bind_text (stmt, 2, field_id, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      JsonNode *value = json_from_string (gk_db_statement_get_text (stmt, 0), NULL);

      if (value != NULL)
        g_ptr_array_add (values, value);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&values);
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
