/* gk-bundle-zip.c: the bundle packed as one zip file with libarchive, the same bytes for the same bundle. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gk-bundle-private.h"

/* 2000-01-01 00:00 UTC: a zip stores a time, and a fixed one keeps the
 * archive byte-identical; the dates that matter are in the pages. */
#define FIXED_TIME 946684800

static gboolean
archive_failed (struct archive *archive,
                const char     *zip_path,
                GError        **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), zip_path, archive_error_string (archive));
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

gboolean
gk_bundle_write_zip (const char  *dir,
                     const char  *zip_path,
                     GError     **error)
{
  g_autoptr(GHashTable) files = gk_bundle_read_manifest (dir, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *tmp_path = g_strconcat (zip_path, ".part", NULL);
  struct archive *archive;
  GHashTableIter iter;
  gpointer path;
  gboolean ok = TRUE;

  if (files == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    g_ptr_array_add (paths, path);
  g_ptr_array_sort (paths, compare_strings);

  archive = archive_write_new ();
  if (archive_write_set_format_zip (archive) != ARCHIVE_OK ||
      archive_write_set_options (archive, "zip:compression=deflate,zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
      archive_write_open_filename (archive, tmp_path) != ARCHIVE_OK)
    {
      ok = archive_failed (archive, zip_path, error);
      archive_write_free (archive);
      return ok;
    }

  for (guint i = 0; ok && i < paths->len; i++)
    {
      g_autofree char *full = g_build_filename (dir, g_ptr_array_index (paths, i), NULL);
      g_autofree char *contents = NULL;
      struct archive_entry *entry;
      gsize length;

      if (!g_file_get_contents (full, &contents, &length, error))
        {
          ok = FALSE;
          break;
        }
      entry = archive_entry_new ();
      archive_entry_set_pathname_utf8 (entry, g_ptr_array_index (paths, i));
      archive_entry_set_size (entry, (la_int64_t) length);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_mtime (entry, FIXED_TIME, 0);
      if (archive_write_header (archive, entry) != ARCHIVE_OK ||
          (length > 0 && archive_write_data (archive, contents, length) != (la_ssize_t) length))
        ok = archive_failed (archive, zip_path, error);
      archive_entry_free (entry);
    }

  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    ok = archive_failed (archive, zip_path, error);
  archive_write_free (archive);

  if (ok && g_rename (tmp_path, zip_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), zip_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_remove (tmp_path);
  return ok;
}
