/* gk-store-status.c: the status workflow of records: submit, publish, withdraw, and record a change (变更). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

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

  /* Publishing the changed version ends the 变更 being prepared: from now
   * on it is what is public. */
  if (g_strcmp0 (status, GK_STATUS_PUBLISHED) == 0)
    {
      stmt = gk_db_prepare (self->db,
                            "UPDATE record_changes SET published_on = ?2 WHERE record_id = ?1 AND published_on IS NULL",
                            error);
      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (stored), error) ||
          !gk_db_statement_bind_text (stmt, 2, published_on, error) ||
          !gk_db_statement_step_done (stmt, error))
        goto fail;
    }

  if (!gk_db_commit (self->db, error))
    return FALSE;

  /* Before the status, which the list's label follows. */
  if (g_strcmp0 (status, GK_STATUS_PUBLISHED) == 0)
    gk_record_set_public_on (record, NULL);
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
 * with its deadline, text and channels: it stays public meanwhile, and
 * still counts in the period it was due in. */
gboolean
gk_store_record_change (GkStore     *self,
                        GkRecord    *record,
                        const char  *changed_on,
                        const char  *note,
                        GError     **error)
{
  g_autoptr(GkRecord) stored = NULL;
  g_autofree char *earlier = NULL;
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
                        "prev_published_on, created_at, prev_due_on, prev_due_missing_year, "
                        "prev_title, prev_body, prev_fields, prev_doc_no, prev_channels) "
                        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, r.title, r.body, r.fields, r.doc_no, "
                        "       (SELECT json_group_array (json_object ('channel', c.channel, "
                        "                                              'published_on', c.published_on, "
                        "                                              'address', c.address)) "
                        "        FROM record_channels c WHERE c.record_id = r.id) "
                        "FROM records r WHERE r.id = ?1",
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

  earlier = g_strdup (gk_record_get_published_on (stored));
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
  gk_record_set_public_on (record, earlier);
  gk_record_set_status (record, GK_STATUS_DRAFT);
  gk_record_set_due_missing_year (record, gk_record_get_due_missing_year (stored));
  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

void
gk_publication_free (GkPublication *self)
{
  if (self == NULL)
    return;
  g_free (self->changed_on);
  g_free (self->note);
  g_free (self->formed_on);
  g_free (self->due_on);
  g_free (self->published_on);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_free (self);
}

static GPtrArray *
channels_from_json (const char *json)
{
  GPtrArray *channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  g_autoptr(JsonNode) root = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return channels;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (object == NULL)
        continue;
      g_ptr_array_add (channels, gk_record_channel_new (json_object_get_string_member_with_default (object, "channel", ""),
                                                        json_object_get_string_member_with_default (object, "published_on", NULL),
                                                        json_object_get_string_member_with_default (object, "address", "")));
    }
  return channels;
}

GPtrArray *
gk_store_get_publications (GkStore   *self,
                           GkRecord  *record,
                           GError   **error)
{
  g_autoptr(GPtrArray) publications = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_publication_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (GK_IS_RECORD (record), NULL);

  stmt = gk_db_prepare (self->db,
                        "SELECT changed_on, note, prev_formed_on, prev_due_on, prev_due_missing_year, "
                        "       prev_published_on, prev_channels, published_on IS NULL "
                        "FROM record_changes WHERE record_id = ?1 AND prev_published_on IS NOT NULL "
                        "ORDER BY id DESC",
                        error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkPublication *publication = g_new0 (GkPublication, 1);

      publication->changed_on = gk_db_statement_dup_text (stmt, 0);
      publication->note = gk_db_statement_dup_text (stmt, 1);
      publication->formed_on = gk_db_statement_dup_text (stmt, 2);
      publication->due_on = gk_db_statement_dup_text (stmt, 3);
      publication->due_missing_year = gk_db_statement_get_int (stmt, 4);
      publication->published_on = gk_db_statement_dup_text (stmt, 5);
      publication->channels = channels_from_json (gk_db_statement_get_text (stmt, 6));
      /* A withdrawn record is public no more, whatever was being prepared. */
      publication->still_public = gk_db_statement_get_int (stmt, 7) != 0 &&
                                  g_strcmp0 (gk_record_get_status (record), GK_STATUS_WITHDRAWN) != 0;
      g_ptr_array_add (publications, publication);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&publications);
}

char *
gk_publication_describe (const GkPublication *self)
{
  GString *text = g_string_new (self->published_on);

  for (guint i = 0; i < self->channels->len; i++)
    {
      const GkRecordChannel *channel = g_ptr_array_index (self->channels, i);

      /* Translators: between a publication's date and its channels, and between channels */
      g_string_append (text, i == 0 ? _(" · ") : _(", "));
      g_string_append (text, channel->channel);
    }
  if (self->due_on != NULL)
    {
      g_string_append (text, _(" · "));
      g_string_append (text, g_strcmp0 (self->published_on, self->due_on) <= 0 ? _("on time") : _("late"));
      if (self->due_missing_year != 0)
        {
          g_autofree char *missing = gk_calendar_describe_missing_year (self->due_missing_year);

          g_string_append_printf (text, " (%s)", missing);
        }
    }
  return g_string_free (text, FALSE);
}
