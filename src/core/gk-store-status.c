/* gk-store-status.c: the status workflow of records: submit, publish, withdraw, and record a change (变更). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-store-private.h"

static gboolean
status_move_allowed (const char *from,
                     const char *to)
{
  static const struct { const char *from, *to; } moves[] = {
    { GK_STATUS_DRAFT, GK_STATUS_PENDING },
    { GK_STATUS_DRAFT, GK_STATUS_PUBLISHED },      /* a unit without a reviewer */
    { GK_STATUS_PENDING, GK_STATUS_DRAFT },        /* sent back */
    { GK_STATUS_PENDING, GK_STATUS_PUBLISHED },
    { GK_STATUS_PUBLISHED, GK_STATUS_WITHDRAWN },
    { GK_STATUS_WITHDRAWN, GK_STATUS_DRAFT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (g_strcmp0 (moves[i].from, from) == 0 && g_strcmp0 (moves[i].to, to) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gk_store_set_status (GkStore     *self,
                     GkRecord    *record,
                     const char  *status,
                     const char  *date,
                     GError     **error)
{
  g_autoptr(GkRecord) stored = NULL;
  g_autofree char *today = NULL;
  g_autofree char *now = NULL;
  const char *published_on;
  GkDbStatement *stmt;

  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);

  if (!gk_status_is_valid (status))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("Unknown status “%s”"), status);
      return FALSE;
    }

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stored = gk_store_get_record (self, gk_record_get_uuid (record), error);
  if (stored == NULL)
    goto fail;

  if (g_strcmp0 (gk_record_get_status (stored), status) == 0)
    {
      gk_db_rollback (self->db);
      return TRUE;
    }

  if (!status_move_allowed (gk_record_get_status (stored), status))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A record cannot go from “%s” to “%s”"),
                   gk_status_to_label (gk_record_get_status (stored)), gk_status_to_label (status));
      goto fail;
    }

  if (g_strcmp0 (status, GK_STATUS_PUBLISHED) == 0)
    {
      g_autoptr(GPtrArray) issues = NULL;

      if (g_strcmp0 (gk_record_get_mode (stored), GK_MODE_EXEMPT) == 0)
        {
          g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                               _("This record is marked “not disclosed” and can never be published"));
          goto fail;
        }

      issues = gk_store_validate_record (self, stored, error);
      if (issues == NULL)
        goto fail;
      if (issues->len > 0)
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                       ngettext ("The record cannot be published: %u field needs attention",
                                 "The record cannot be published: %u fields need attention", issues->len),
                       issues->len);
          goto fail;
        }

      today = gk_today ();
      published_on = date != NULL ? date : today;
    }
  else if (g_strcmp0 (status, GK_STATUS_WITHDRAWN) == 0)
    published_on = gk_record_get_published_on (stored);   /* it was public until now */
  else
    published_on = NULL;

  now = gk_store_now ();
  stmt = gk_db_prepare (self->db,
                        "UPDATE records SET status = ?2, published_on = ?3, updated_at = ?4 WHERE id = ?1",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (stored), error) ||
      !gk_db_statement_bind_text (stmt, 2, status, error) ||
      !gk_db_statement_bind_text (stmt, 3, published_on, error) ||
      !gk_db_statement_bind_text (stmt, 4, now, error) ||
      !gk_db_statement_step_done (stmt, error) ||
      !gk_store_add_history (self, gk_record_get_uuid (stored), "status", "status", gk_record_get_status (stored), status, error))
    goto fail;

  if (g_strcmp0 (published_on, gk_record_get_published_on (stored)) != 0 &&
      !gk_store_add_history (self, gk_record_get_uuid (stored), "status", "published_on", gk_record_get_published_on (stored), published_on, error))
    goto fail;

  if (!gk_db_commit (self->db, error))
    return FALSE;

  gk_record_set_status (record, status);
  gk_record_set_published_on (record, published_on);
  gk_record_set_updated_at (record, now);
  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

/* 变更: the information changed after it was published. The change date is
 * a new formation date with its own deadline; the record goes back to draft
 * until the changed version is published. The earlier publication is kept
 * with its deadline, and still counts in the period it was due in. */
gboolean
gk_store_record_change (GkStore     *self,
                        GkRecord    *record,
                        const char  *changed_on,
                        const char  *note,
                        GError     **error)
{
  g_autoptr(GkRecord) stored = NULL;
  GkDbStatement *stmt;

  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (changed_on != NULL, FALSE);

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stored = gk_store_get_record (self, gk_record_get_uuid (record), error);
  if (stored == NULL)
    goto fail;

  if (g_strcmp0 (gk_record_get_status (stored), GK_STATUS_PUBLISHED) != 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("Only a published record can record a change; edit a draft directly"));
      goto fail;
    }

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO record_changes (record_id, changed_on, note, prev_formed_on, "
                        "prev_published_on, created_at, prev_due_on, prev_due_missing_year) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (stmt == NULL)
    goto fail;
  {
    g_autofree char *now = gk_store_now ();

    if (!gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (stored), error) ||
        !gk_db_statement_bind_text (stmt, 2, changed_on, error) ||
        !gk_db_statement_bind_text (stmt, 3, note != NULL ? note : "", error) ||
        !gk_db_statement_bind_text (stmt, 4, gk_record_get_formed_on (stored), error) ||
        !gk_db_statement_bind_text (stmt, 5, gk_record_get_published_on (stored), error) ||
        !gk_db_statement_bind_text (stmt, 6, now, error) ||
        !gk_db_statement_bind_text (stmt, 7, gk_record_get_due_on (stored), error) ||
        !gk_db_statement_bind_int (stmt, 8, gk_record_get_due_missing_year (stored), error))
      goto fail;
  }
  if (!gk_db_statement_step_done (stmt, error))
    goto fail;

  gk_record_set_formed_on (stored, changed_on);
  gk_record_set_published_on (stored, NULL);
  gk_record_set_status (stored, GK_STATUS_DRAFT);
  gk_store_compute_due (self, stored);

  stmt = gk_db_prepare (self->db,
                        "UPDATE records SET formed_on = ?2, published_on = NULL, status = 'draft', "
                        "due_on = ?3, due_missing_year = ?4, updated_at = ?5 WHERE id = ?1",
                        error);
  if (stmt == NULL)
    goto fail;
  {
    g_autofree char *now = gk_store_now ();

    if (!gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (stored), error) ||
        !gk_db_statement_bind_text (stmt, 2, changed_on, error) ||
        !gk_db_statement_bind_text (stmt, 3, gk_record_get_due_on (stored), error) ||
        !gk_db_statement_bind_int (stmt, 4, gk_record_get_due_missing_year (stored), error) ||
        !gk_db_statement_bind_text (stmt, 5, now, error))
      goto fail;
  }
  if (!gk_db_statement_step_done (stmt, error) ||
      !gk_store_add_history (self, gk_record_get_uuid (stored), "change", "formed_on", gk_record_get_formed_on (record), changed_on, error))
    goto fail;

  if (!gk_db_commit (self->db, error))
    return FALSE;

  gk_record_set_formed_on (record, gk_record_get_formed_on (stored));
  gk_record_set_due_on (record, gk_record_get_due_on (stored));
  gk_record_set_published_on (record, NULL);
  gk_record_set_status (record, GK_STATUS_DRAFT);
  gk_record_set_due_missing_year (record, gk_record_get_due_missing_year (stored));
  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}
