/* gk-exchange-zip.c: an exchange file with the attached files themselves: a zip of ledger.json and files/SHA256, via libarchive. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gk-db-statement.h"
#include "gk-exchange.h"
#include "gk-store-private.h"

#define LEDGER_ENTRY "ledger.json"
#define FILES_PREFIX "files/"
#define CHUNK (64 * 1024)

static gboolean
archive_failed (struct archive *archive,
                const char     *path,
                GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, archive_error_string (archive));
  return FALSE;
}

/* Copies the file at @path into the archive as @name, a chunk at a time. */
static gboolean
add_file (struct archive  *archive,
          const char      *name,
          const char      *path,
          const char      *zip_path,
          GError         **error)
{
  g_autofree char *buffer = NULL;
  struct archive_entry *entry;
  GStatBuf st;
  FILE *in;
  size_t n;
  gboolean ok = TRUE;

  if (g_stat (path, &st) != 0 || (in = g_fopen (path, "rb")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read “%s”"), path);
      return FALSE;
    }
  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, (la_int64_t) st.st_size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, st.st_mtime, 0);
  if (archive_write_header (archive, entry) != ARCHIVE_OK)
    ok = archive_failed (archive, zip_path, error);
  buffer = g_malloc (CHUNK);
  while (ok && (n = fread (buffer, 1, CHUNK, in)) > 0)
    if (archive_write_data (archive, buffer, n) < 0)
      ok = archive_failed (archive, zip_path, error);
  archive_entry_free (entry);
  fclose (in);
  return ok;
}

/* The attached files of the records the file holds, once per content. */
static GPtrArray *
list_attachment_files (GkStore  *store,
                       GError  **error)
{
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *hidden = gk_store_dup_hidden_json (store);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (gk_store_get_db (store),
                        "SELECT DISTINCT a.sha256 FROM attachments a JOIN records r ON r.id = a.record_id "
                        "WHERE r.organisation_id IS nullif (?2, 0) AND r.uuid NOT IN (SELECT value FROM json_each (?1)) "
                        "ORDER BY a.sha256",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, hidden != NULL ? hidden : "[]", error) ||
      !gk_db_statement_bind_int64 (stmt, 2, gk_exchange_get_organisation_id (store), error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (hashes, gk_db_statement_dup_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&hashes);
}

static char *
content_path (GkStore    *store,
              const char *sha256)
{
  g_autofree char *dir = gk_store_get_attachments_dir (store);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, prefix, sha256, NULL);
}

gboolean
gk_exchange_export_zip (GkStore            *store,
                        const char         *zip_path,
                        GkExchangeProgress  progress,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autofree char *json_path = NULL;
  g_autofree char *part_path = g_strconcat (zip_path, ".part", NULL);
  g_autoptr(GPtrArray) hashes = NULL;
  struct archive *archive;
  gboolean ok;
  int fd;

  /* The JSON first, in a file of its own: a zip entry states its size. */
  fd = g_file_open_tmp ("gongkai-exchange-XXXXXX.json", &json_path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  hashes = list_attachment_files (store, error);
  if (hashes == NULL ||
      !gk_exchange_export (store, json_path, progress, user_data, cancellable, error))
    {
      g_unlink (json_path);
      return FALSE;
    }

  archive = archive_write_new ();
  ok = archive_write_set_format_zip (archive) == ARCHIVE_OK &&
       archive_write_set_options (archive, "zip:compression=deflate,zip:hdrcharset=UTF-8") == ARCHIVE_OK &&
       archive_write_open_filename (archive, part_path) == ARCHIVE_OK;
  if (!ok)
    archive_failed (archive, zip_path, error);
  else
    ok = add_file (archive, LEDGER_ENTRY, json_path, zip_path, error);
  for (guint i = 0; ok && i < hashes->len; i++)
    {
      g_autofree char *path = content_path (store, g_ptr_array_index (hashes, i));
      g_autofree char *name = g_strconcat (FILES_PREFIX, g_ptr_array_index (hashes, i), NULL);

      /* A file missing from the ledger's folder stays described in the JSON. */
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        ok = add_file (archive, name, path, zip_path, error) &&
             !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    ok = archive_failed (archive, zip_path, error);
  archive_write_free (archive);
  g_unlink (json_path);

  if (ok && g_rename (part_path, zip_path) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), zip_path);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part_path);
  return ok;
}

/* Writes the entry's bytes to @path, and tells their SHA-256. */
static gboolean
extract_entry (struct archive  *archive,
               const char      *path,
               char           **sha256,
               const char      *zip_path,
               GError         **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *buffer = g_malloc (CHUNK);
  FILE *out = g_fopen (path, "wb");
  la_ssize_t n;
  gboolean ok = TRUE;

  if (out == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), path);
      return FALSE;
    }
  while ((n = archive_read_data (archive, buffer, CHUNK)) > 0)
    {
      g_checksum_update (checksum, (const guchar *) buffer, n);
      if (fwrite (buffer, 1, n, out) != (size_t) n)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), path);
          ok = FALSE;
          break;
        }
    }
  if (ok && n < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Could not read “%s”: %s"),
                   zip_path, archive_error_string (archive));
      ok = FALSE;
    }
  if (fclose (out) != 0 && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), path);
      ok = FALSE;
    }
  if (sha256 != NULL)
    *sha256 = g_strdup (g_checksum_get_string (checksum));
  return ok;
}

/* Puts an attached file into the ledger's content folder, once, and only
 * when its bytes are what its name says. */
static gboolean
extract_attachment (GkStore         *store,
                    struct archive  *archive,
                    const char      *sha256,
                    const char      *zip_path,
                    GError         **error)
{
  g_autofree char *target = content_path (store, sha256);
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *part = g_strconcat (target, ".part", NULL);
  g_autofree char *actual = NULL;

  if (g_file_test (target, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), folder);
      return FALSE;
    }
  if (!extract_entry (archive, part, &actual, zip_path, error))
    {
      g_unlink (part);
      return FALSE;
    }
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_unlink (part);
      return TRUE;
    }
  return g_rename (part, target) == 0 ||
         (g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), target), FALSE);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

GkExchangeResult *
gk_exchange_import_zip (GkStore            *store,
                        const char         *zip_path,
                        GkExchangeProgress  progress,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autofree char *json_path = NULL;
  g_autofree char *source = g_path_get_basename (zip_path);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  GkExchangeResult *result = NULL;
  gboolean found = FALSE, ok = TRUE;
  int fd, rc = ARCHIVE_EOF;

  fd = g_file_open_tmp ("gongkai-exchange-XXXXXX.json", &json_path, error);
  if (fd < 0)
    {
      archive_read_free (archive);
      return NULL;
    }
  close (fd);

  archive_read_support_format_zip (archive);
  if (archive_read_open_filename (archive, zip_path, CHUNK) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Could not read “%s”: %s"),
                   zip_path, archive_error_string (archive));
      ok = FALSE;
    }
  while (ok && (rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);

      if (name == NULL)
        continue;
      if (g_str_equal (name, LEDGER_ENTRY))
        {
          ok = extract_entry (archive, json_path, NULL, zip_path, error);
          found = TRUE;
        }
      else if (g_str_has_prefix (name, FILES_PREFIX) && is_sha256 (name + strlen (FILES_PREFIX)))
        ok = extract_attachment (store, archive, name + strlen (FILES_PREFIX), zip_path, error);
      if (ok)
        ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (ok && rc != ARCHIVE_EOF)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Could not read “%s”: %s"),
                   zip_path, archive_error_string (archive));
      ok = FALSE;
    }
  archive_read_free (archive);

  if (ok && !found)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not a Gongkai exchange file"));
  else if (ok)
    {
      g_autoptr(GFile) file = g_file_new_for_path (json_path);
      g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);

      if (in != NULL)
        result = gk_exchange_read (store, G_INPUT_STREAM (in), source, progress, user_data, cancellable, error);
    }
  g_unlink (json_path);
  return result;
}
