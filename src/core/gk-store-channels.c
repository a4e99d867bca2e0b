/* gk-store-channels.c: where a record was published: per channel, a date and an address. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-date.h"
#include "gk-store-private.h"

GkRecordChannel *
gk_record_channel_new (const char *channel,
                       const char *published_on,
                       const char *address)
{
  GkRecordChannel *self = g_new0 (GkRecordChannel, 1);

  self->channel = g_strdup (channel);
  self->published_on = published_on != NULL && *published_on != '\0' ? g_strdup (published_on) : NULL;
  self->address = g_strdup (address != NULL ? address : "");
  return self;
}

void
gk_record_channel_free (GkRecordChannel *self)
{
  if (self == NULL)
    return;
  g_free (self->channel);
  g_free (self->published_on);
  g_free (self->address);
  g_free (self);
}

static gboolean
channel_is_empty (const GkRecordChannel *channel)
{
  return (channel->published_on == NULL || *channel->published_on == '\0') &&
         (channel->address == NULL || *channel->address == '\0');
}

/* "2025-03-07 · https://…": what the history shows for one channel. */
static char *
describe_channel (const GkRecordChannel *channel)
{
  if (channel == NULL || channel_is_empty (channel))
    return NULL;
  if (channel->published_on == NULL || *channel->published_on == '\0')
    return g_strdup (channel->address);
  if (channel->address == NULL || *channel->address == '\0')
    return g_strdup (channel->published_on);
  return g_strdup_printf ("%s · %s", channel->published_on, channel->address);
}

static gint64
lookup_record_id (GkStore     *self,
                  const char  *uuid,
                  GError     **error)
{
  GkDbStatement *stmt;
  gint64 id;

  stmt = gk_db_prepare (self->db, "SELECT id FROM records WHERE uuid = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error) ||
      !gk_db_statement_step_one (stmt, error, _("No record “%s” in the ledger"), uuid))
    return 0;

  id = gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);
  return id;
}

static GPtrArray *
read_channels (GkStore  *self,
               gint64    record_id,
               GError  **error)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT channel, published_on, address FROM record_channels "
                        "WHERE record_id = ?1 ORDER BY channel",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, record_id, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkRecordChannel *channel = g_new0 (GkRecordChannel, 1);

      channel->channel = gk_db_statement_dup_text (stmt, 0);
      channel->published_on = gk_db_statement_dup_text (stmt, 1);
      channel->address = gk_db_statement_dup_text (stmt, 2);
      g_ptr_array_add (channels, channel);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&channels);
}

GPtrArray *
gk_store_get_record_channels (GkStore     *self,
                              const char  *uuid,
                              GError     **error)
{
  gint64 record_id;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  record_id = lookup_record_id (self, uuid, error);
  if (record_id == 0)
    return NULL;
  return read_channels (self, record_id, error);
}

char *
gk_store_dup_channel_address_hint (GkStore     *self,
                                   const char  *channel,
                                   GError     **error)
{
  g_autofree char *address = NULL;
  g_autoptr(GUri) uri = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (channel != NULL, NULL);

  stmt = gk_db_prepare (self->db,
                        "SELECT address FROM record_channels WHERE channel = ?1 AND address != '' "
                        "ORDER BY published_on IS NULL, published_on DESC, record_id DESC LIMIT 1",
                        error);
  if (stmt == NULL || !gk_db_statement_bind_text (stmt, 1, channel, error))
    return NULL;
  if (gk_db_statement_step (stmt, &local_error))
    address = gk_db_statement_dup_text (stmt, 0);
  gk_db_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (address == NULL)
    return NULL;

  /* A page's address belongs to that record: the site is what repeats. */
  uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && g_uri_get_host (uri) != NULL &&
      (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0))
    return g_strdup_printf ("%s://%s/", g_uri_get_scheme (uri), g_uri_get_host (uri));
  return g_steal_pointer (&address);
}

static const GkRecordChannel *
find_channel (GPtrArray  *channels,
              const char *name)
{
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      const GkRecordChannel *channel = g_ptr_array_index (channels, i);

      if (g_strcmp0 (channel->channel, name) == 0)
        return channel;
    }
  return NULL;
}

gboolean
gk_store_set_record_channels (GkStore     *self,
                              const char  *uuid,
                              GPtrArray   *channels,
                              gboolean    *changed,
                              GError     **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_change = FALSE;
  gint64 record_id;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;

  /* Refuse before writing anything: a half-written list is worse than none. */
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      const GkRecordChannel *channel = g_ptr_array_index (channels, i);

      if (channel->channel == NULL || *channel->channel == '\0')
        {
          g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A channel needs a name"));
          return FALSE;
        }
      if (channel->published_on != NULL && *channel->published_on != '\0' &&
          !gk_date_from_iso (channel->published_on, NULL, NULL))
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                       _("“%s” is not a date for the channel “%s”"), channel->published_on, channel->channel);
          return FALSE;
        }
      if (!g_hash_table_add (names, channel->channel))
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                       _("The channel “%s” is listed twice"), channel->channel);
          return FALSE;
        }
    }

  if (!gk_db_begin (self->db, error))
    return FALSE;

  record_id = lookup_record_id (self, uuid, error);
  if (record_id == 0)
    goto fail;
  stored = read_channels (self, record_id, error);
  if (stored == NULL)
    goto fail;

  /* Channels no longer used, or emptied. */
  for (guint i = 0; i < stored->len; i++)
    {
      const GkRecordChannel *old = g_ptr_array_index (stored, i);
      const GkRecordChannel *new = find_channel (channels, old->channel);
      g_autofree char *old_text = NULL;
      g_autofree char *field = NULL;
      GkDbStatement *stmt;

      if (new != NULL && !channel_is_empty (new))
        continue;

      stmt = gk_db_prepare (self->db, "DELETE FROM record_channels WHERE record_id = ?1 AND channel = ?2", error);
      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, record_id, error) ||
          !gk_db_statement_bind_text (stmt, 2, old->channel, error) ||
          !gk_db_statement_step_done (stmt, error))
        goto fail;

      old_text = describe_channel (old);
      field = g_strconcat ("channels.", old->channel, NULL);
      if (!gk_store_add_history (self, uuid, "update", field, old_text, NULL, error))
        goto fail;
      any_change = TRUE;
    }

  /* New or changed channels. */
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      const GkRecordChannel *new = g_ptr_array_index (channels, i);
      const GkRecordChannel *old = find_channel (stored, new->channel);
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *field = NULL;
      GkDbStatement *stmt;

      if (channel_is_empty (new))
        continue;
      if (old != NULL &&
          g_strcmp0 (old->published_on, new->published_on) == 0 &&
          g_strcmp0 (old->address, new->address) == 0)
        continue;

      stmt = gk_db_prepare (self->db,
                            "INSERT INTO record_channels (record_id, channel, published_on, address) "
                            "VALUES (?1, ?2, nullif (?3, ''), ?4) "
                            "ON CONFLICT (record_id, channel) DO UPDATE "
                            "SET published_on = excluded.published_on, address = excluded.address",
                            error);
      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, record_id, error) ||
          !gk_db_statement_bind_text (stmt, 2, new->channel, error) ||
          !gk_db_statement_bind_text (stmt, 3, new->published_on != NULL ? new->published_on : "", error) ||
          !gk_db_statement_bind_text (stmt, 4, new->address != NULL ? new->address : "", error) ||
          !gk_db_statement_step_done (stmt, error))
        goto fail;

      old_text = describe_channel (old);
      new_text = describe_channel (new);
      field = g_strconcat ("channels.", new->channel, NULL);
      if (!gk_store_add_history (self, uuid, "update", field, old_text, new_text, error))
        goto fail;
      any_change = TRUE;
    }

  if (!any_change)
    {
      gk_db_rollback (self->db);
      return TRUE;
    }

  if (!gk_db_commit (self->db, error))
    return FALSE;

  if (changed != NULL)
    *changed = TRUE;
  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}
