/* gk-store-seed.c: a new ledger starts with the default catalog, units and organisation. */
#include "config.h"

#include <glib/gi18n-lib.h>

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

static gboolean
find_empty_tables (GkStore   *self,
                   gboolean  *no_organisation,
                   gboolean  *no_units,
                   gboolean  *no_items,
                   GError   **error)
{
  return table_is_empty (self, "SELECT 1 FROM organisation", no_organisation, error) &&
         table_is_empty (self, "SELECT 1 FROM units", no_units, error) &&
         table_is_empty (self, "SELECT 1 FROM catalog_items", no_items, error);
}

/* Requests and review or litigation cases are records too, of two items of
 * the request domain that the catalog describes by their field sets. */
static GkItem *
new_request_item (GkCatalog  *catalog,
                  const char *key,
                  const char *level2,
                  const char *contents,
                  const char *basis,
                  const char *time_limit,
                  const char *rule,
                  const char *audience,
                  const char *mode,
                  GkSchema   *schema)
{
  const GkCatalogUnit *office = gk_catalog_lookup_unit (catalog, "district-office");
  GkItem *item = gk_item_new (key, "request");

  gk_item_set_level1 (item, "依申请公开");
  gk_item_set_level2 (item, level2);
  gk_item_set_contents (item, contents);
  gk_item_set_basis (item, (const char * const *) (const char *[]) { basis, NULL });
  gk_item_set_time_limit (item, time_limit);
  gk_item_set_deadline_rule (item, rule);
  gk_item_set_units (item, (const char * const *) (const char *[]) { office != NULL ? office->name : "district-office", NULL });
  gk_item_set_audience (item, audience);
  gk_item_set_mode (item, mode);
  gk_item_set_schema (item, schema);
  return item;
}

static gboolean
seed_request_items (GkStore    *self,
                    GkCatalog  *catalog,
                    int         position,
                    GError    **error)
{
  g_autoptr(GkItem) request = NULL;
  g_autoptr(GkItem) review = NULL;

  request = new_request_item (catalog, "request.application", "政府信息公开申请",
                              "申请人、申请内容、收到日期、补正、延期、征求意见、答复结果",
                              "《中华人民共和国政府信息公开条例》第二十七条至第四十五条",
                              "收到申请之日起20个工作日内答复；需延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日",
                              GK_ITEM_RULE_REQUEST, "申请人", "依申请公开", catalog->request_schema);
  review = new_request_item (catalog, "request.case", "行政复议和行政诉讼",
                             "因政府信息公开被申请行政复议、提起行政诉讼的案件及其结果",
                             "《中华人民共和国政府信息公开条例》第五十一条",
                             "", GK_ITEM_RULE_NONE, "", "", catalog->case_schema);

  return gk_store_write_item (self, request, position, error) &&
         gk_store_write_item (self, review, position + 1, error);
}

gboolean
gk_store_seed_defaults (GkStore  *self,
                        GError  **error)
{
  g_autoptr(GkCatalog) catalog = NULL;
  gboolean no_organisation, no_units, no_items;

  /* A seeded ledger (nearly every open) is only read, so that a ledger in a
   * read-only folder still opens. */
  if (!find_empty_tables (self, &no_organisation, &no_units, &no_items, error))
    return FALSE;
  if (!no_organisation && !no_units && !no_items)
    return TRUE;

  catalog = gk_catalog_new_default (error);
  if (catalog == NULL)
    return FALSE;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  /* Again under the write lock: another process opening the same new
   * ledger may have seeded it meanwhile. */
  if (!find_empty_tables (self, &no_organisation, &no_units, &no_items, error))
    goto fail;

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
        if (!gk_store_write_item (self, g_ptr_array_index (catalog->items, i), i + 1, error))
          goto fail;
      if (!seed_request_items (self, catalog, catalog->items->len + 1, error))
        goto fail;
    }

  return gk_db_commit (self->db, error);

fail:
  gk_db_rollback (self->db);
  return FALSE;
}
