/* gk-store-attachments.c: files attached to records, kept once each by their SHA-256 beside the ledger. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "gk-store-private.h"

void
gk_attachment_free (GkAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->name);
  g_free (attachment->sha256);
  g_free (attachment->added_at);
  g_free (attachment);
}

/* <ledger>.files/ab/abcdef…: two hex digits spread the files over folders. */
static GFile *
content_file (GkStore    *self,
              const char *sha256)
{
  g_autofree char *dir = gk_store_get_attachments_dir (self);
  char prefix[3] = { sha256[0], sha256[1], '\0' };
  g_autofree char *path = g_build_filename (dir, prefix, sha256, NULL);

  return g_file_new_for_path (path);
}

GFile *
gk_store_get_attachment_file (GkStore            *self,
                              const GkAttachment *attachment)
{
  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  return content_file (self, attachment->sha256);
}

/* Copies @source into a temporary file beside the content store while
 * hashing it, then moves it to its name: a crash leaves no half file under
 * a real name. */
static char *
store_content (GkStore  *self,
               GFile    *source,
               goffset  *size,
               GError  **error)
{
  g_autofree char *dir = gk_store_get_attachments_dir (self);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileIOStream) tmp_stream = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) target_dir = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GOutputStream *output;
  guint8 buffer[64 * 1024];
  gssize n_read;
  char *sha256;

  *size = 0;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  input = g_file_read (source, NULL, error);
  if (input == NULL)
    return NULL;

  {
    g_autofree char *template_path = g_build_filename (dir, ".incoming-XXXXXX", NULL);
    int fd = g_mkstemp (template_path);

    if (fd < 0)
      {
        int saved_errno = errno;
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not write in “%s”: %s"), dir, g_strerror (saved_errno));
        return NULL;
      }
    close (fd);
    tmp = g_file_new_for_path (template_path);
  }

  tmp_stream = g_file_open_readwrite (tmp, NULL, error);
  if (tmp_stream == NULL)
    goto fail;
  output = g_io_stream_get_output_stream (G_IO_STREAM (tmp_stream));

  while ((n_read = g_input_stream_read (G_INPUT_STREAM (input), buffer, sizeof buffer, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n_read);
      if (!g_output_stream_write_all (output, buffer, n_read, NULL, NULL, error))
        goto fail;
      *size += n_read;
    }
  if (n_read < 0 || !g_io_stream_close (G_IO_STREAM (tmp_stream), NULL, error))
    goto fail;

  sha256 = g_strdup (g_checksum_get_string (checksum));
  target = content_file (self, sha256);
  target_dir = g_file_get_parent (target);
  if (!g_file_make_directory_with_parents (target_dir, NULL, NULL) && !g_file_query_exists (target_dir, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the folder for “%s”"), sha256);
      g_free (sha256);
      goto fail;
    }

  /* The same content is kept once, whatever its name and record. */
  if (g_file_query_exists (target, NULL))
    g_file_delete (tmp, NULL, NULL);
  else if (!g_file_move (tmp, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    {
      g_free (sha256);
      goto fail;
    }

  return sha256;

fail:
  g_file_delete (tmp, NULL, NULL);
  return NULL;
}

GkAttachment *
gk_store_add_attachment (GkStore   *self,
                         GkRecord  *record,
                         GFile     *file,
                         GError   **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *now = gk_store_now ();
  GkAttachment *attachment;
  GkDbStatement *stmt;
  goffset size = 0;
  gint64 id;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (GK_IS_RECORD (record), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  sha256 = store_content (self, file, &size, error);
  if (sha256 == NULL)
    return NULL;
  name = g_file_get_basename (file);

  if (!gk_db_begin (self->db, error))
    return NULL;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO attachments (record_id, name, size, sha256, added_at) "
                        "VALUES ((SELECT id FROM records WHERE uuid = ?1), ?2, ?3, ?4, ?5)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, gk_record_get_uuid (record), error) ||
      !gk_db_statement_bind_text (stmt, 2, name, error) ||
      !gk_db_statement_bind_int64 (stmt, 3, size, error) ||
      !gk_db_statement_bind_text (stmt, 4, sha256, error) ||
      !gk_db_statement_bind_text (stmt, 5, now, error) ||
      !gk_db_statement_step_done (stmt, error))
    goto fail;
  id = gk_db_get_last_insert_id (self->db);
  if (!gk_store_add_history (self, gk_record_get_uuid (record), "attach", "attachments", NULL, name, error))
    goto fail;

  if (!gk_db_commit (self->db, error))
    return NULL;

  attachment = g_new0 (GkAttachment, 1);
  attachment->id = id;
  attachment->record_id = gk_record_get_id (record);
  attachment->name = g_steal_pointer (&name);
  attachment->size = size;
  attachment->sha256 = g_steal_pointer (&sha256);
  attachment->added_at = g_steal_pointer (&now);
  return attachment;

fail:
  gk_db_rollback (self->db);
  return NULL;
}

/* A row of "SELECT id, record_id, name, size, sha256, added_at FROM
 * attachments …". */
GkAttachment *
gk_store_attachment_from_statement (GkDbStatement *stmt)
{
  GkAttachment *attachment = g_new0 (GkAttachment, 1);

  attachment->id = gk_db_statement_get_int64 (stmt, 0);
  attachment->record_id = gk_db_statement_get_int64 (stmt, 1);
  attachment->name = gk_db_statement_dup_text (stmt, 2);
  attachment->size = gk_db_statement_get_int64 (stmt, 3);
  attachment->sha256 = gk_db_statement_dup_text (stmt, 4);
  attachment->added_at = gk_db_statement_dup_text (stmt, 5);
  return attachment;
}

GPtrArray *
gk_store_list_attachments (GkStore   *self,
                           GkRecord  *record,
                           GError   **error)
{
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_attachment_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT a.id, a.record_id, a.name, a.size, a.sha256, a.added_at FROM attachments a "
                        "JOIN records r ON r.id = a.record_id WHERE r.uuid = ?1 ORDER BY a.id",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, gk_record_get_uuid (record), error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      g_ptr_array_add (attachments, gk_store_attachment_from_statement (stmt));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&attachments);
}

/* The file goes only when no other attachment has the same content. */
gboolean
gk_store_remove_attachment (GkStore             *self,
                            GkRecord            *record,
                            const GkAttachment  *attachment,
                            GError             **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gboolean still_used;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stmt = gk_db_prepare (self->db, "DELETE FROM attachments WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, attachment->id, error) ||
      !gk_db_statement_step_done (stmt, error))
    goto fail;
  if (gk_db_get_changes (self->db) == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, _("No such attachment"));
      goto fail;
    }

  if (!gk_store_add_history (self, gk_record_get_uuid (record), "detach", "attachments", attachment->name, NULL, error))
    goto fail;

  stmt = gk_db_prepare (self->db, "SELECT 1 FROM attachments WHERE sha256 = ?1 LIMIT 1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, attachment->sha256, error))
    goto fail;
  /* A failed read must not count as "unused": the file would be deleted. */
  still_used = gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }
  gk_db_statement_reset (stmt);

  if (!gk_db_commit (self->db, error))
    return FALSE;

  if (!still_used)
    {
      g_autoptr(GFile) file = content_file (self, attachment->sha256);
      g_file_delete (file, NULL, NULL);
    }
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}
