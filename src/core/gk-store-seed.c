/* gk-store-seed.c: a new ledger starts with the default catalog, units and organisation. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gk-catalog.h"
#include "gk-schema.h"
#include "gk-store-private.h"
#include "gk-validate.h"

static gboolean
table_is_empty (GkStore    *self,
                const char *sql,
                gboolean   *empty,
                GError    **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  /* Seeding a table that only failed to read would duplicate its rows. */
  *empty = !gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  gk_db_statement_reset (stmt);
  return TRUE;
}

static char *
channel_names_json (GkCatalog   *catalog,
                    const char * const *keys)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const GkCatalogTerm *channel = gk_catalog_lookup_channel (catalog, keys[i]);
      json_builder_add_string_value (builder, channel != NULL ? channel->name : keys[i]);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
seed_item (GkStore             *self,
           GkCatalog           *catalog,
           const GkCatalogItem *source,
           int                  position,
           GError             **error)
{
  GkItem item = { 0 };
  g_autofree char *basis = gk_catalog_item_dup_basis_text (source);
  g_autofree char *units = gk_catalog_dup_unit_names (catalog, (const char * const *) source->units);
  g_autofree char *channels = channel_names_json (catalog, (const char * const *) source->channels);
  g_autofree char *fields = gk_catalog_item_dup_fields_json (source);

  item.key = source->key;
  item.domain = source->domain;
  item.level1 = source->level1;
  item.level2 = source->level2;
  item.contents = source->contents;
  item.basis = basis;
  item.time_limit = source->time_limit;
  item.deadline_rule = source->deadline_rule;
  item.units = units;
  item.channels = channels;
  item.audience = source->audience;
  item.mode = source->mode;
  item.level = source->level;
  item.supervision = source->supervision;
  item.fields = fields;
  item.project_kind = source->project_kind;
  item.stage = source->stage;
  return gk_store_write_item (self, &item, position, error);
}

/* Requests and review or litigation cases are records too, of two items of
 * the request domain that the catalog describes by their field sets. */
static gboolean
seed_request_items (GkStore    *self,
                    GkCatalog  *catalog,
                    int         position,
                    GError    **error)
{
  g_autofree char *request_fields = gk_schema_to_json (catalog->request_schema, FALSE);
  g_autofree char *case_fields = gk_schema_to_json (catalog->case_schema, FALSE);
  g_autofree char *units = gk_catalog_dup_unit_names (catalog, (const char * const *) (const char *[]) { "district-office", NULL });
  GkItem request = {
    .key = (char *) "request.application",
    .domain = (char *) "request",
    .level1 = (char *) "依申请公开",
    .level2 = (char *) "政府信息公开申请",
    .contents = (char *) "申请人、申请内容、收到日期、补正、延期、征求意见、答复结果",
    .basis = (char *) "《中华人民共和国政府信息公开条例》第二十七条至第四十五条",
    .time_limit = (char *) "收到申请之日起20个工作日内答复；需延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日",
    .deadline_rule = (char *) GK_ITEM_RULE_REQUEST,
    .units = units,
    .channels = (char *) "[]",
    .audience = (char *) "申请人",
    .mode = (char *) "依申请公开",
    .fields = request_fields,
  };
  GkItem review = {
    .key = (char *) "request.case",
    .domain = (char *) "request",
    .level1 = (char *) "依申请公开",
    .level2 = (char *) "行政复议和行政诉讼",
    .contents = (char *) "因政府信息公开被申请行政复议、提起行政诉讼的案件及其结果",
    .basis = (char *) "《中华人民共和国政府信息公开条例》第五十一条",
    .time_limit = (char *) "",
    .deadline_rule = (char *) GK_ITEM_RULE_NONE,
    .units = units,
    .channels = (char *) "[]",
    .audience = (char *) "",
    .mode = (char *) "",
    .fields = case_fields,
  };

  return gk_store_write_item (self, &request, position, error) &&
         gk_store_write_item (self, &review, position + 1, error);
}

gboolean
gk_store_seed_defaults (GkStore  *self,
                        GError  **error)
{
  g_autoptr(GkCatalog) catalog = NULL;
  gboolean no_organisation, no_units, no_items;

  if (!table_is_empty (self, "SELECT 1 FROM organisation", &no_organisation, error) ||
      !table_is_empty (self, "SELECT 1 FROM units", &no_units, error) ||
      !table_is_empty (self, "SELECT 1 FROM catalog_items", &no_items, error))
    return FALSE;

  if (!no_organisation && !no_units && !no_items)
    return TRUE;

  catalog = gk_catalog_new_default (error);
  if (catalog == NULL)
    return FALSE;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  if (no_organisation)
    {
      /* A well-formed placeholder code until the clerk enters the real one. */
      char code[19] = "11130102000000000";

      code[17] = gk_uscc_compute_check (code);
      code[18] = '\0';
      if (!gk_store_set_organisation (self, "石家庄市长安区人民政府办公室", code, error))
        goto fail;
    }

  for (guint i = 0; i < catalog->domains->len; i++)
    {
      const GkCatalogDomain *domain = g_ptr_array_index (catalog->domains, i);
      GkDbStatement *stmt = gk_db_prepare (self->db,
                                          "INSERT OR IGNORE INTO domains (key, name, position) VALUES (?1, ?2, ?3)",
                                          error);
      if (stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, domain->key, error) ||
          !gk_db_statement_bind_text (stmt, 2, domain->name, error) ||
          !gk_db_statement_bind_int (stmt, 3, i + 1, error) ||
          !gk_db_statement_step_done (stmt, error))
        goto fail;
    }

  /* Units of the organisation; roles such as 采购人 are not units of it. */
  if (no_units)
    {
      for (guint i = 0; i < catalog->units->len; i++)
        {
          const GkCatalogUnit *unit = g_ptr_array_index (catalog->units, i);

          if (g_strcmp0 (unit->kind, "role") == 0 || g_strcmp0 (unit->kind, "group") == 0)
            continue;
          if (gk_store_add_unit (self, unit->name, error) == 0)
            goto fail;
        }
    }

  if (no_items)
    {
      for (guint i = 0; i < catalog->items->len; i++)
        if (!seed_item (self, catalog, g_ptr_array_index (catalog->items, i), i + 1, error))
          goto fail;
      if (!seed_request_items (self, catalog, catalog->items->len + 1, error))
        goto fail;
    }

  return gk_db_commit (self->db, error);

fail:
  gk_db_rollback (self->db);
  return FALSE;
}
