/* gk-bundle-writer.c: writes the bundle's files, skipping those whose content is unchanged, and keeps the manifest. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gk-bundle-private.h"

#define MANIFEST ".gongkai-bundle"
#define MANIFEST_FORMAT 1

struct _GkBundleWriter
{
  char *dir;
  char *last_parent;       /* the folder made last: pages come folder by folder */
  GHashTable *old_files;   /* path → SHA-256, as the last publish wrote them */
  GHashTable *files;       /* path → SHA-256, this time */
  guint written;
};

/* The manifest of @dir: path → SHA-256; empty when there is none. */
GHashTable *
gk_bundle_read_manifest (const char  *dir,
                         GError     **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (dir, MANIFEST, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *root, *list;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&files);
  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  list = root != NULL && json_object_has_member (root, "files") ? json_object_get_object_member (root, "files") : NULL;
  if (list == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a bundle manifest"), path);
      return NULL;
    }
  members = json_object_get_members (list);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *file = l->data;

      /* A manifest edited to point outside the folder is not followed. */
      if (g_path_is_absolute (file) || g_str_has_prefix (file, "../") || strstr (file, "/../") != NULL)
        continue;
      g_hash_table_insert (files, g_strdup (file), g_strdup (json_object_get_string_member (list, file)));
    }
  return g_steal_pointer (&files);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The manifest: path → SHA-256, sorted so that it too is the same for the
 * same bundle. */
static gboolean
write_manifest (const char  *dir,
                GHashTable  *files,
                guint       *n_files,
                GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = g_build_filename (dir, MANIFEST, NULL);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    g_ptr_array_add (paths, path);
  g_ptr_array_sort (paths, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_object (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (paths, i));
      json_builder_add_string_value (builder, g_hash_table_lookup (files, g_ptr_array_index (paths, i)));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  if (n_files != NULL)
    *n_files = paths->len;
  return g_file_set_contents_full (manifest, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

GkBundleWriter *
gk_bundle_writer_new (const char  *dir,
                      GError     **error)
{
  g_autoptr(GHashTable) old_files = NULL;
  GkBundleWriter *writer;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  old_files = gk_bundle_read_manifest (dir, error);
  if (old_files == NULL)
    return NULL;
  /* Until this publish completes, the manifest vouches for no content:
   * after a crash half-way, the next publish rewrites every file, and still
   * knows which files to remove. */
  {
    g_autoptr(GHashTable) unknown = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer path;

    g_hash_table_iter_init (&iter, old_files);
    while (g_hash_table_iter_next (&iter, &path, NULL))
      g_hash_table_insert (unknown, path, (gpointer) "");
    if (!write_manifest (dir, unknown, NULL, error))
      return NULL;
  }

  writer = g_new0 (GkBundleWriter, 1);
  writer->dir = g_strdup (dir);
  writer->old_files = g_steal_pointer (&old_files);
  writer->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return writer;
}

void
gk_bundle_writer_free (GkBundleWriter *writer)
{
  if (writer == NULL)
    return;
  g_free (writer->dir);
  g_free (writer->last_parent);
  g_hash_table_unref (writer->old_files);
  g_hash_table_unref (writer->files);
  g_free (writer);
}

static gboolean
make_parent (GkBundleWriter  *writer,
             const char      *path,
             GError         **error)
{
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_strcmp0 (parent, writer->last_parent) == 0)
    return TRUE;
  g_free (writer->last_parent);
  writer->last_parent = g_strdup (parent);
  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* TRUE when @relative needs writing: new, changed, or gone from disk. */
static gboolean
needs_writing (GkBundleWriter *writer,
               const char     *relative,
               const char     *full,
               const char     *sha256)
{
  const char *old = g_hash_table_lookup (writer->old_files, relative);

  return g_strcmp0 (old, sha256) != 0 || !g_file_test (full, G_FILE_TEST_IS_REGULAR);
}

gboolean
gk_bundle_writer_put (GkBundleWriter  *writer,
                      const char      *relative,
                      const char      *data,
                      gsize            length,
                      GError         **error)
{
  g_autofree char *full = g_build_filename (writer->dir, relative, NULL);
  char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  g_hash_table_replace (writer->files, g_strdup (relative), sha256);
  if (!needs_writing (writer, relative, full, sha256))
    return TRUE;
  /* Written in place, without a sync per file: a publish writes 100 000
   * pages, and the manifest (written last) vouches for all of them. */
  if (!make_parent (writer, full, error) ||
      !g_file_set_contents_full (full, data, length, G_FILE_SET_CONTENTS_NONE, 0644, error))
    return FALSE;
  writer->written++;
  return TRUE;
}

gboolean
gk_bundle_writer_put_string (GkBundleWriter  *writer,
                             const char      *relative,
                             GString         *text,
                             GError         **error)
{
  return gk_bundle_writer_put (writer, relative, text->str, text->len, error);
}

/* Attachments are named by their content's SHA-256 already: copied only
 * when the bundle does not hold them yet. */
gboolean
gk_bundle_writer_copy (GkBundleWriter  *writer,
                       const char      *relative,
                       GFile           *source,
                       const char      *sha256,
                       GError         **error)
{
  g_autofree char *full = g_build_filename (writer->dir, relative, NULL);
  g_autofree char *tmp = g_strconcat (full, ".part", NULL);
  g_autoptr(GFile) tmp_file = g_file_new_for_path (tmp);

  if (g_hash_table_contains (writer->files, relative))
    return TRUE;
  g_hash_table_insert (writer->files, g_strdup (relative), g_strdup (sha256));
  if (!needs_writing (writer, relative, full, sha256))
    return TRUE;
  if (!make_parent (writer, full, error) ||
      !g_file_copy (source, tmp_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  if (g_rename (tmp, full) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), full, g_strerror (saved_errno));
      return FALSE;
    }
  writer->written++;
  return TRUE;
}

/* Removes what the last publish wrote and this one did not, then writes
 * the manifest, sorted so that it too is the same for the same bundle. */
gboolean
gk_bundle_writer_finish (GkBundleWriter  *writer,
                         GkBundleSummary *summary,
                         GError         **error)
{
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, writer->old_files);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    {
      g_autofree char *full = NULL;

      if (g_hash_table_contains (writer->files, path))
        continue;
      full = g_build_filename (writer->dir, path, NULL);
      if (g_remove (full) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), full, g_strerror (saved_errno));
          return FALSE;
        }
      summary->n_removed++;
    }

  summary->n_written = writer->written;
  return write_manifest (writer->dir, writer->files, &summary->n_files, error);
}
