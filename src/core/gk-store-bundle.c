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
  g_free (row->prev_title);
  g_free (row->prev_doc_no);
  g_clear_pointer (&row->attachments, g_ptr_array_unref);
  g_free (row);
}

/* While a 变更 is prepared (pc), what was published before it stays
 * public: its text, date and status, and the change before it (c). */
#define EARLIER "(pc.id IS NOT NULL AND r.status IN ('draft', 'pending'))"
#define PUBLIC(column) "CASE WHEN " EARLIER " THEN coalesce (pc.prev_" column ", r." column ") ELSE r." column " END"

/* One record whole, and after its ROW_COLUMNS how many attachments it has. */
#define ROW_SELECT \
  "SELECT r.id, r.uuid, r.item_id, i.key, i.level2, r.domain, d.name, " \
  "       coalesce (r.project_id, 0), p.uuid, p.kind, p.name, p.code, i.stage, " \
  "       " PUBLIC ("title") ", " PUBLIC ("body") ", " PUBLIC ("fields") ", u.name, r.index_no, " \
  "       " PUBLIC ("doc_no") ", " PUBLIC ("formed_on") ", " PUBLIC ("published_on") ", " \
  "       CASE WHEN " EARLIER " THEN 'published' ELSE r.status END, r.mode, i.audience, i.time_limit, " \
  "       c.changed_on, c.note, c.prev_published_on, c.prev_title, c.prev_doc_no, " \
  "       (SELECT count (*) FROM attachments WHERE record_id = r.id) " \
  "FROM records r " \
  "JOIN catalog_items i ON i.id = r.item_id " \
  "JOIN domains d ON d.key = r.domain " \
  "LEFT JOIN units u ON u.id = r.unit_id " \
  "LEFT JOIN projects p ON p.id = r.project_id " \
  "LEFT JOIN record_changes pc ON pc.record_id = r.id AND pc.published_on IS NULL " \
  "LEFT JOIN record_changes c ON c.id = " \
  "  (SELECT max (id) FROM record_changes WHERE record_id = r.id AND published_on IS NOT NULL) " \
  "WHERE r.id = ?1"

/* What deciding a record's place in the bundle needs, without its body:
 * its fields only where they decide whether it is public (?2, ?3). */
#define BRIEF_SQL \
  "SELECT r.id, r.uuid, r.item_id, i.key, i.level2, r.domain, NULL, " \
  "       coalesce (r.project_id, 0), NULL, p.kind, NULL, NULL, i.stage, " \
  "       " PUBLIC ("title") ", NULL, " \
  "       CASE WHEN r.domain = ?2 OR i.key IN (SELECT value FROM json_each (?3)) THEN " PUBLIC ("fields") " END, " \
  "       NULL, r.index_no, NULL, " PUBLIC ("formed_on") ", " PUBLIC ("published_on") ", " \
  "       CASE WHEN " EARLIER " THEN 'published' ELSE r.status END, r.mode, " \
  "       NULL, NULL, NULL, NULL, NULL, NULL, NULL " \
  "FROM records r " \
  "JOIN catalog_items i ON i.id = r.item_id " \
  "LEFT JOIN projects p ON p.id = r.project_id " \
  "LEFT JOIN record_changes pc ON pc.record_id = r.id AND pc.published_on IS NULL " \
  "WHERE r.uuid NOT IN (SELECT value FROM json_each (coalesce (?1, '[]'))) " \
  "ORDER BY r.id"

/* The columns row_from_statement() reads; what a query selects after
 * them is its own. */
#define ROW_COLUMNS 30

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
  row->prev_title = gk_db_statement_dup_text (stmt, c++);
  row->prev_doc_no = gk_db_statement_dup_text (stmt, c++);
  g_assert (c == ROW_COLUMNS);
  row->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_attachment_free);
  return row;
}

gboolean
gk_store_foreach_bundle_row (GkStore              *store,
                             const GkBundleConfig *config,
                             GkBundleRowFunc       func,
                             gpointer              user_data,
                             GError              **error)
{
  g_autofree char *hidden = gk_store_dup_hidden_json (store);
  g_autofree char *withdraw_items = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), FALSE);

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_array (builder);
    for (guint i = 0; config->withdraw_items[i] != NULL; i++)
      json_builder_add_string_value (builder, config->withdraw_items[i]);
    json_builder_end_array (builder);
    root = json_builder_get_root (builder);
    withdraw_items = json_to_string (root, FALSE);
  }

  stmt = gk_db_prepare (gk_store_get_db (store), BRIEF_SQL, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, hidden, error) ||
      !gk_db_statement_bind_text (stmt, 2, config->blacklist_domain, error) ||
      !gk_db_statement_bind_text (stmt, 3, withdraw_items, error))
    return FALSE;

  while (gk_db_statement_step (stmt, &local_error))
    {
      g_autoptr(GkBundleRow) row = row_from_statement (stmt);

      func (row, user_data);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_store_foreach_bundle_attachment (GkStore               *store,
                                    GkBundleAttachmentFunc func,
                                    gpointer               user_data,
                                    GError               **error)
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
      GkAttachment *attachment = gk_store_attachment_from_statement (stmt);

      func (attachment, user_data);
      gk_attachment_free (attachment);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

GkBundleRow *
gk_store_get_bundle_row (GkStore  *store,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(GkBundleRow) row = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gint64 n_attachments;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  stmt = gk_db_prepare (gk_store_get_db (store), ROW_SELECT, error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return NULL;
  if (gk_db_statement_step (stmt, &local_error))
    {
      row = row_from_statement (stmt);
      n_attachments = gk_db_statement_get_int64 (stmt, ROW_COLUMNS);
      gk_db_statement_reset (stmt);
    }
  /* Records hidden pending an undo are deleted as far as any output goes. */
  if (row == NULL || gk_store_is_record_hidden (store, row->uuid))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, "record %" G_GINT64_FORMAT " is gone", id);
      return NULL;
    }
  if (n_attachments == 0)
    return g_steal_pointer (&row);

  stmt = gk_db_prepare (gk_store_get_db (store),
                        "SELECT id, record_id, name, size, sha256, added_at "
                        "FROM attachments WHERE record_id = ?1 ORDER BY id",
                        error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (row->attachments, gk_store_attachment_from_statement (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&row);
}

gint64
gk_store_get_bundle_revision (GkStore  *store,
                              GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (store),
                                       "SELECT coalesce (max (revision), 0) FROM record_revisions", error);
  gint64 revision;

  if (stmt == NULL ||
      !gk_db_statement_step_one (stmt, error, "no revision"))
    return -1;
  revision = gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);
  return revision;
}

GArray *
gk_store_list_bundle_changes (GkStore  *store,
                              gint64    since,
                              GError  **error)
{
  GkDbStatement *stmt;

  stmt = gk_db_prepare (gk_store_get_db (store),
                        "SELECT record_id FROM record_revisions WHERE revision > ?1 ORDER BY record_id",
                        error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, since, error))
    return NULL;
  return gk_db_statement_collect_int64 (stmt, error);
}
