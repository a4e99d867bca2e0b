/* gk-store-seed.c: a new ledger starts with the default catalog and units; the organisation is set up by the clerk. */
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
                   gboolean  *no_units,
                   gboolean  *no_items,
                   GError   **error)
{
  return table_is_empty (self, "SELECT 1 FROM units", no_units, error) &&
         table_is_empty (self, "SELECT 1 FROM catalog_items", no_items, error);
}

static gboolean
seed_request_items (GkStore    *self,
                    GkCatalog  *catalog,
                    int         position,
                    GError    **error)
{
  g_autoptr(GkItem) request = gk_catalog_new_request_item (catalog, GK_ITEM_KEY_REQUEST);
  g_autoptr(GkItem) review = gk_catalog_new_request_item (catalog, GK_ITEM_KEY_CASE);

  return gk_store_write_item (self, request, position, error) &&
         gk_store_write_item (self, review, position + 1, error);
}

gboolean
gk_store_seed_defaults (GkStore  *self,
                        GError  **error)
{
  g_autoptr(GkCatalog) catalog = NULL;
  gboolean no_units, no_items;

  /* A seeded ledger (nearly every open) is only read, so that a ledger in a
   * read-only folder still opens. */
  if (!find_empty_tables (self, &no_units, &no_items, error))
    return FALSE;
  if (!no_units && !no_items)
    return TRUE;

  catalog = gk_catalog_new_default (error);
  if (catalog == NULL)
    return FALSE;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  /* Again under the write lock: another process opening the same new
   * ledger may have seeded it meanwhile. */
  if (!find_empty_tables (self, &no_units, &no_items, error))
    goto fail;

  /* No organisation is seeded: its code is the front of every 索引号, so a
   * placeholder would be printed on records for good. The clerk enters
   * the real one in the first-run setup. */

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
