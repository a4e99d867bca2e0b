/* gk-store-upgrade.c: an existing ledger's catalog gains the domains and items shipped since it was created. */
#include "config.h"

#include "gk-catalog.h"
#include "gk-settings.h"
#include "gk-store-private.h"

/* What the ledger's catalog has caught up with. 2: the plan's 资格审查结果,
 * 交易过程信息, 更正公告 and work plans, and each stage's required flag.
 * A ledger without the setting was made before. */
#define CATALOG_VERSION_SETTING "catalog-version"
#define CATALOG_VERSION         2

static int
read_catalog_version (GkStore  *self,
                      GError  **error)
{
  GError *local_error = NULL;
  g_autofree char *text = gk_store_get_setting (self, CATALOG_VERSION_SETTING, &local_error);
  guint64 version = 1;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &version, NULL))
    version = 1;
  return (int) version;
}

/* Where the row of @key stands (@sql reads its position); *found is
 * FALSE when there is none. */
static gboolean
find_position (GkStore     *self,
               const char  *sql,
               const char  *key,
               gboolean    *found,
               int         *position,
               GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, sql, error);
  GError *local_error = NULL;

  *found = FALSE;
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, key, error))
    return FALSE;
  if (gk_db_statement_step (stmt, &local_error))
    {
      *found = TRUE;
      *position = gk_db_statement_get_int (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Makes room at @position: what stood there and after moves down one, so
 * that the clerk's order around the new row stays as it was. */
static gboolean
shift_from (GkStore     *self,
            const char  *sql,
            int          position,
            GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, sql, error);

  return stmt != NULL &&
         gk_db_statement_bind_int (stmt, 1, position, error) &&
         gk_db_statement_step_done (stmt, error);
}

/* Each missing domain goes right after the one the catalog lists before it. */
static gboolean
add_missing_domains (GkStore    *self,
                     GkCatalog  *catalog,
                     GError    **error)
{
  int anchor = 0;

  for (guint i = 0; i < catalog->domains->len; i++)
    {
      const GkCatalogDomain *domain = g_ptr_array_index (catalog->domains, i);
      GkDbStatement *stmt;
      gboolean found;
      int position;

      if (!find_position (self, "SELECT position FROM domains WHERE key = ?1", domain->key,
                          &found, &position, error))
        return FALSE;
      if (found)
        {
          anchor = position;
          continue;
        }

      stmt = gk_db_prepare (self->db, "INSERT INTO domains (key, name, position) VALUES (?1, ?2, ?3)", error);
      if (!shift_from (self, "UPDATE domains SET position = position + 1 WHERE position > ?1", anchor, error) ||
          stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, domain->key, error) ||
          !gk_db_statement_bind_text (stmt, 2, domain->name, error) ||
          !gk_db_statement_bind_int (stmt, 3, anchor + 1, error) ||
          !gk_db_statement_step_done (stmt, error))
        return FALSE;
      anchor++;
    }

  return TRUE;
}

/* Each missing item goes right after the shipped item the catalog lists
 * before it (a new qualification stage after the procurement documents),
 * the clerk's own items and order left as they were. An item present
 * under its key is never written: the clerk may have edited it. */
static gboolean
add_missing_items (GkStore    *self,
                   GkCatalog  *catalog,
                   guint      *n_added,
                   GError    **error)
{
  int anchor = 0;

  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);
      gboolean found;
      int position;

      if (!find_position (self, "SELECT position FROM catalog_items WHERE key = ?1", gk_item_get_key (item),
                          &found, &position, error))
        return FALSE;
      if (found)
        {
          anchor = position;
          continue;
        }

      if (!shift_from (self, "UPDATE catalog_items SET position = position + 1 WHERE position > ?1", anchor, error) ||
          !gk_store_write_item (self, item, anchor + 1, error))
        return FALSE;
      anchor++;
      (*n_added)++;
    }

  return TRUE;
}

/* A ledger before version 2 did not keep whether a stage is required;
 * its shipped stages take the catalog's word (the clerk could not set it). */
static gboolean
set_required_flags (GkStore    *self,
                    GkCatalog  *catalog,
                    GError    **error)
{
  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);
      GkDbStatement *stmt;

      if (gk_item_get_stage (item) <= 0)
        continue;
      stmt = gk_db_prepare (self->db, "UPDATE catalog_items SET stage_required = ?2 WHERE key = ?1", error);
      if (stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, gk_item_get_key (item), error) ||
          !gk_db_statement_bind_int (stmt, 2, gk_item_get_stage_required (item), error) ||
          !gk_db_statement_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
gk_store_upgrade_catalog (GkStore  *self,
                          GError  **error)
{
  g_autoptr(GkCatalog) catalog = NULL;
  g_autofree char *version_text = NULL;
  guint n_added = 0;
  int version;

  /* Once caught up (nearly every open) the ledger is only read, so that
   * one in a read-only folder still opens. */
  version = read_catalog_version (self, error);
  if (version < 0)
    return FALSE;
  if (version >= CATALOG_VERSION)
    return TRUE;

  catalog = gk_catalog_new_default (error);
  if (catalog == NULL)
    return FALSE;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  /* Again under the write lock: another process may have done it. */
  version = read_catalog_version (self, error);
  if (version < 0)
    goto fail;
  if (version >= CATALOG_VERSION)
    return gk_db_commit (self->db, error);

  version_text = g_strdup_printf ("%d", CATALOG_VERSION);
  if (!add_missing_domains (self, catalog, error) ||
      !add_missing_items (self, catalog, &n_added, error) ||
      (version < 2 && !set_required_flags (self, catalog, error)) ||
      !gk_store_set_setting (self, CATALOG_VERSION_SETTING, version_text, error))
    goto fail;

  if (!gk_db_commit (self->db, error))
    {
      gk_store_forget_items (self);
      return FALSE;
    }

  g_debug ("The ledger's catalog is at version %d: %u items added", CATALOG_VERSION, n_added);
  gk_store_forget_items (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  gk_store_forget_items (self);
  return FALSE;
}
