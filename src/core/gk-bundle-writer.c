/* gk-bundle-writer.c: writes the bundle's files, skipping those whose content is unchanged, and keeps the manifest. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gk-bundle-private.h"

#define MANIFEST ".gongkai-bundle"
/* Present while a publish runs: after a crash half-way the manifest vouches
 * for no content, and the next publish rewrites everything. */
#define PARTIAL ".gongkai-bundle.partial"
#define MANIFEST_MAGIC "gongkai-bundle 3"
/* Its files carried SHA-256 sums: still a list of what to remove, but the
 * next publish writes every file again. */
#define MANIFEST_MAGIC_2 "gongkai-bundle 2"
#define STREAM_BUFFER (1 << 20)

struct _GkBundleWriter
{
  char *dir;
  char *last_parent;       /* the folder made last: pages come folder by folder */
  GHashTable *old_files;   /* path → size, as the last publish wrote them ("" when unknown) */
  GHashTable *files;       /* path → size, this time: borrowed from old_files or strings */
  GStringChunk *strings;   /* the paths and sizes this publish adds to files */
  guint written;
  /* Pages are written by several threads at once: @lock guards the
   * fields above but @dir and @old_files, which nothing changes then. */
  GMutex lock;
};

struct _GkBundleStream
{
  char *relative;
  char *full;
  char *part;
  FILE *file;
  char *buffer;
  guint64 size;
};

void
gk_bundle_stub_free (GkBundleStub *stub)
{
  if (stub == NULL)
    return;
  g_free (stub->index_no);
  g_free (stub->title);
  g_free (stub->published_on);
  g_free (stub->formed_on);
  g_free (stub->page);
  g_strfreev (stub->attachments);
  g_free (stub);
}

void
gk_bundle_manifest_free (GkBundleManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->site);
  g_free (manifest->today);
  g_clear_pointer (&manifest->files, g_hash_table_unref);
  g_clear_pointer (&manifest->stubs, g_ptr_array_unref);
  g_clear_pointer (&manifest->held, g_hash_table_unref);
  g_free (manifest);
}

/* Titles may hold any character: tabs and line breaks are escaped. */
static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    return;
  /* Most fields hold none of them. */
  if (strpbrk (text, "\\\t\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p);
      }
}

static char *
dup_field (const char *text)
{
  GString *out;

  if (*text == '\0')
    return NULL;
  if (strchr (text, '\\') == NULL)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
    }
  return g_string_free (out, FALSE);
}

/* Domains, items and kinds repeat on every line: interned without a copy
 * when they hold nothing escaped. */
static const char *
intern_field (const char *text)
{
  g_autofree char *unescaped = NULL;

  if (strchr (text, '\\') == NULL)
    return g_intern_string (text);
  unescaped = dup_field (text);
  return g_intern_string (unescaped);
}

#define N_STUB_FIELDS 14

/* Splits @line at its tabs, in place. */
static guint
split_fields (char  *line,
              char **fields,
              guint  max)
{
  guint n = 0;

  fields[n++] = line;
  for (char *p = line; *p != '\0'; p++)
    if (*p == '\t')
      {
        if (n == max)
          return max + 1;
        *p = '\0';
        fields[n++] = p + 1;
      }
  return n;
}

static GkBundleStub *
stub_from_line (char *line)
{
  char *fields[N_STUB_FIELDS];
  GkBundleStub *stub;

  if (split_fields (line, fields, N_STUB_FIELDS) != N_STUB_FIELDS)
    return NULL;
  stub = g_new0 (GkBundleStub, 1);
  stub->id = g_ascii_strtoll (fields[1], NULL, 10);
  stub->project_id = g_ascii_strtoll (fields[2], NULL, 10);
  stub->item_id = g_ascii_strtoll (fields[3], NULL, 10);
  stub->stage = (int) g_ascii_strtoll (fields[4], NULL, 10);
  stub->domain = intern_field (fields[5]);
  stub->item_name = intern_field (fields[6]);
  stub->project_kind = *fields[7] != '\0' ? intern_field (fields[7]) : NULL;
  stub->index_no = dup_field (fields[8]);
  stub->published_on = dup_field (fields[9]);
  stub->formed_on = dup_field (fields[10]);
  stub->page = dup_field (fields[11]);
  stub->title = dup_field (fields[12]);
  if (*fields[13] != '\0')
    stub->attachments = g_strsplit (fields[13], " ", 0);
  if (stub->title == NULL)
    stub->title = g_strdup ("");
  if (stub->page == NULL || stub->id <= 0)
    {
      gk_bundle_stub_free (stub);
      return NULL;
    }
  return stub;
}

static void
append_stub (GString            *out,
             const GkBundleStub *stub)
{
  g_string_append_printf (out, "R\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%d\t",
                          stub->id, stub->project_id, stub->item_id, stub->stage);
  append_field (out, stub->domain);
  g_string_append_c (out, '\t');
  append_field (out, stub->item_name);
  g_string_append_c (out, '\t');
  append_field (out, stub->project_kind);
  g_string_append_c (out, '\t');
  append_field (out, stub->index_no);
  g_string_append_c (out, '\t');
  append_field (out, stub->published_on);
  g_string_append_c (out, '\t');
  append_field (out, stub->formed_on);
  g_string_append_c (out, '\t');
  append_field (out, stub->page);
  g_string_append_c (out, '\t');
  append_field (out, stub->title);
  g_string_append_c (out, '\t');
  for (guint i = 0; stub->attachments != NULL && stub->attachments[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, stub->attachments[i]);
    }
  g_string_append_c (out, '\n');
}

/* A manifest edited to point outside the folder is not followed. */
static gboolean
is_inside (const char *file)
{
  return *file != '\0' && !g_path_is_absolute (file) && !g_str_has_prefix (file, "../") &&
         strstr (file, "/../") == NULL && g_strcmp0 (file, "..") != 0;
}

/* The first bundles kept their manifest as JSON: it still says which
 * files to remove, but vouches for no content. */
static gboolean
read_json_manifest (GkBundleManifest *manifest,
                    const char       *path,
                    GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *root, *list;

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return FALSE;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  list = root != NULL && json_object_has_member (root, "files") ? json_object_get_object_member (root, "files") : NULL;
  if (list == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a bundle manifest"), path);
      return FALSE;
    }
  members = json_object_get_members (list);
  for (GList *l = members; l != NULL; l = l->next)
    if (is_inside (l->data))
      g_hash_table_insert (manifest->files, g_strdup (l->data), g_strdup (""));
  return TRUE;
}

GkBundleManifest *
gk_bundle_manifest_read (const char  *dir,
                         GError     **error)
{
  g_autoptr(GkBundleManifest) manifest = g_new0 (GkBundleManifest, 1);
  g_autofree char *path = g_build_filename (dir, MANIFEST, NULL);
  g_autofree char *partial = g_build_filename (dir, PARTIAL, NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  char *text, *end, *line;
  gsize length;
  gboolean trusted;

  manifest->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  manifest->stubs = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_stub_free);
  manifest->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  manifest->revision = -1;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&manifest);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > 0 && *g_mapped_file_get_contents (mapped) == '{')
    return read_json_manifest (manifest, path, error) ? g_steal_pointer (&manifest) : NULL;

  /* A private mapping, written over in place as it is parsed. */
  g_clear_pointer (&mapped, g_mapped_file_unref);
  mapped = g_mapped_file_new (path, TRUE, error);
  if (mapped == NULL)
    return NULL;
  text = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (length < strlen (MANIFEST_MAGIC "\n") || text[length - 1] != '\n' ||
      (strncmp (text, MANIFEST_MAGIC "\n", strlen (MANIFEST_MAGIC "\n")) != 0 &&
       strncmp (text, MANIFEST_MAGIC_2 "\n", strlen (MANIFEST_MAGIC_2 "\n")) != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a bundle manifest"), path);
      return NULL;
    }
  trusted = strncmp (text, MANIFEST_MAGIC "\n", strlen (MANIFEST_MAGIC "\n")) == 0 &&
            !g_file_test (partial, G_FILE_TEST_EXISTS);
  for (line = text; line < text + length; line = end)
    {
      end = memchr (line, '\n', text + length - line);
      *end++ = '\0';
      if (g_str_has_prefix (line, "F\t"))
        {
          char *tab = strchr (line + 2, '\t');

          if (tab != NULL && is_inside (tab + 1))
            g_hash_table_insert (manifest->files, g_strdup (tab + 1),
                                 g_strndup (trusted ? line + 2 : "", trusted ? (gsize) (tab - line - 2) : 0));
        }
      else if (!trusted)
        continue;
      else if (g_str_has_prefix (line, "R\t"))
        {
          GkBundleStub *stub = stub_from_line (line);

          if (stub != NULL)
            g_ptr_array_add (manifest->stubs, stub);
        }
      else if (g_str_has_prefix (line, "H\t"))
        {
          char *tab = NULL;
          gint64 id = g_ascii_strtoll (line + 2, &tab, 10);
          int hold = tab != NULL && *tab == '\t' ? (int) g_ascii_strtoll (tab + 1, NULL, 10) : 0;

          if (id > 0 && hold > 0 && hold < GK_BUNDLE_N_HOLDS)
            g_hash_table_insert (manifest->held, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (hold));
        }
      else if (g_str_has_prefix (line, "site "))
        manifest->site = g_strdup (line + 5);
      else if (g_str_has_prefix (line, "today "))
        manifest->today = g_strdup (line + 6);
      else if (g_str_has_prefix (line, "revision "))
        manifest->revision = g_ascii_strtoll (line + 9, NULL, 10);
    }
  if (!trusted)
    {
      g_clear_pointer (&manifest->site, g_free);
      manifest->revision = -1;
    }
  return g_steal_pointer (&manifest);
}

/* The manifest of @dir: path → size; empty when there is none. */
GHashTable *
gk_bundle_read_manifest (const char  *dir,
                         GError     **error)
{
  g_autoptr(GkBundleManifest) manifest = gk_bundle_manifest_read (dir, error);

  return manifest != NULL ? g_steal_pointer (&manifest->files) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
set_io_error (GError     **error,
              const char  *format,
              const char  *path)
{
  int saved_errno = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        length,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  if (fd < 0)
    return set_io_error (error, _("Could not write “%s”: %s"), path);
  while (length > 0)
    {
      gssize done = write (fd, data, length);

      if (done < 0 && errno == EINTR)
        continue;
      if (done <= 0)
        {
          set_io_error (error, _("Could not write “%s”: %s"), path);
          close (fd);
          return FALSE;
        }
      data += done;
      length -= done;
    }
  if (close (fd) != 0)
    return set_io_error (error, _("Could not write “%s”: %s"), path);
  return TRUE;
}

/* Sorted, so that it too is the same for the same bundle: the files by
 * path, the records newest first as @state has them (the order the next
 * publish arranges them in, so that it has little to sort). */
static gboolean
write_manifest (GkBundleWriter    *writer,
                GkBundleManifest  *state,
                guint             *n_files,
                GError           **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GPtrArray *stubs = state->stubs;
  g_autofree char *manifest = g_build_filename (writer->dir, MANIFEST, NULL);
  g_autofree char *part = g_build_filename (writer->dir, MANIFEST ".part", NULL);
  g_autoptr(GString) text = g_string_sized_new (256 * 1024);
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, writer->files);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    g_ptr_array_add (paths, path);
  g_ptr_array_sort (paths, compare_strings);

  g_string_append (text, MANIFEST_MAGIC "\n");
  g_string_append_printf (text, "site %s\ntoday %s\nrevision %" G_GINT64_FORMAT "\n",
                          state->site, state->today, state->revision);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *name = g_ptr_array_index (paths, i);

      g_string_append (text, "F\t");
      g_string_append (text, g_hash_table_lookup (writer->files, name));
      g_string_append_c (text, '\t');
      g_string_append (text, name);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < stubs->len; i++)
    append_stub (text, g_ptr_array_index (stubs, i));
  {
    g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64));
    gpointer key;

    g_hash_table_iter_init (&iter, state->held);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_array_append_val (held, *(gint64 *) key);
    g_array_sort (held, compare_ids);
    for (guint i = 0; i < held->len; i++)
      {
        gint64 id = g_array_index (held, gint64, i);

        g_string_append_printf (text, "H\t%" G_GINT64_FORMAT "\t%d\n", id,
                                GPOINTER_TO_INT (g_hash_table_lookup (state->held, &id)));
      }
  }

  if (n_files != NULL)
    *n_files = paths->len;
  /* Whole or not at all, but without a sync: the pages it vouches for are
   * not synced either, and a publish cut short leaves the partial mark. */
  if (!write_in_place (part, text->str, text->len, error))
    return FALSE;
  if (g_rename (part, manifest) != 0)
    {
      set_io_error (error, _("Could not write “%s”: %s"), manifest);
      g_remove (part);
      return FALSE;
    }
  return TRUE;
}


GkBundleWriter *
gk_bundle_writer_new (const char        *dir,
                      GkBundleManifest  *old,
                      gboolean           keep_old,
                      GError           **error)
{
  g_autofree char *partial = g_build_filename (dir, PARTIAL, NULL);
  GkBundleWriter *writer;
  GHashTableIter iter;
  gpointer path, size;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      set_io_error (error, _("Could not create the folder “%s”: %s"), dir);
      return NULL;
    }
  if (!g_file_set_contents (partial, "", 0, error))
    return NULL;

  writer = g_new0 (GkBundleWriter, 1);
  writer->dir = g_strdup (dir);
  /* Taken, not copied: the old manifest's list of files is the writer's alone. */
  writer->old_files = g_steal_pointer (&old->files);
  /* Neither keys nor values are owned: 80 000 paths are not copied. */
  writer->files = g_hash_table_new (g_str_hash, g_str_equal);
  writer->strings = g_string_chunk_new (64 * 1024);
  g_mutex_init (&writer->lock);
  /* What this publish does not write again stays as it is. */
  g_hash_table_iter_init (&iter, writer->old_files);
  while (keep_old && g_hash_table_iter_next (&iter, &path, &size))
    g_hash_table_insert (writer->files, path, size);
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
  g_string_chunk_free (writer->strings);
  g_mutex_clear (&writer->lock);
  g_free (writer);
}

static gboolean
make_parent (GkBundleWriter  *writer,
             const char      *path,
             GError         **error)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&writer->lock);

  if (g_strcmp0 (parent, writer->last_parent) == 0)
    return TRUE;
  g_free (writer->last_parent);
  writer->last_parent = g_strdup (parent);
  if (g_mkdir_with_parents (parent, 0755) != 0)
    return set_io_error (error, _("Could not create the folder “%s”: %s"), parent);
  return TRUE;
}

static char *
size_key (guint64 size)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, size);
}

/* @relative is part of the bundle, @size bytes long. */
static void
set_file (GkBundleWriter *writer,
          const char     *relative,
          const char     *size)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&writer->lock);
  gpointer known;

  if (!g_hash_table_lookup_extended (writer->files, relative, &known, NULL))
    known = g_string_chunk_insert (writer->strings, relative);
  g_hash_table_insert (writer->files, known, g_string_chunk_insert_const (writer->strings, size));
}

static void
count_written (GkBundleWriter *writer)
{
  g_mutex_lock (&writer->lock);
  writer->written++;
  g_mutex_unlock (&writer->lock);
}

/* TRUE when the file at @full holds @data: only a file the last publish
 * wrote with as many bytes is read. */
static gboolean
holds (const char *full,
       const char *data,
       gsize       length)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (full, FALSE, NULL);

  return mapped != NULL && g_mapped_file_get_length (mapped) == length &&
         (length == 0 || memcmp (g_mapped_file_get_contents (mapped), data, length) == 0);
}

/* TRUE when @relative needs writing: new, changed, or changed on disk.
 * Its content is compared with the old file's when their sizes agree: a
 * publish rewrites a few pages and compares them, and a publish into an
 * empty folder compares nothing. */
static gboolean
needs_writing (GkBundleWriter *writer,
               const char     *relative,
               const char     *full,
               const char     *size,
               const char     *data,
               gsize           length)
{
  const char *old = g_hash_table_lookup (writer->old_files, relative);

  return old == NULL || *old == '\0' || !g_str_equal (old, size) || !holds (full, data, length);
}


gboolean
gk_bundle_writer_put (GkBundleWriter  *writer,
                      const char      *relative,
                      const char      *data,
                      gsize            length,
                      GError         **error)
{
  g_autofree char *full = g_build_filename (writer->dir, relative, NULL);
  g_autofree char *size = size_key (length);

  set_file (writer, relative, size);
  if (!needs_writing (writer, relative, full, size, data, length))
    return TRUE;
  /* Written in place, without a sync per file: a publish writes 100 000
   * pages, and the manifest (written last) vouches for all of them. */
  if (!make_parent (writer, full, error) ||
      !write_in_place (full, data, length, error))
    return FALSE;
  count_written (writer);
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
                       gint64           size,
                       GError         **error)
{
  g_autofree char *full = g_build_filename (writer->dir, relative, NULL);
  g_autofree char *tmp = g_strconcat (full, ".part", NULL);
  g_autoptr(GFile) tmp_file = g_file_new_for_path (tmp);
  g_autofree char *key = size_key ((guint64) MAX (size, 0));
  const char *known;
  const char *old = g_hash_table_lookup (writer->old_files, relative);

  g_mutex_lock (&writer->lock);
  known = g_hash_table_lookup (writer->files, relative);
  g_mutex_unlock (&writer->lock);
  if (known != NULL && g_str_equal (known, key) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  set_file (writer, relative, key);
  if (old != NULL && g_str_equal (old, key) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (!make_parent (writer, full, error) ||
      !g_file_copy (source, tmp_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  if (g_rename (tmp, full) != 0)
    return set_io_error (error, _("Could not write “%s”: %s"), full);
  count_written (writer);
  return TRUE;
}

gboolean
gk_bundle_writer_has (GkBundleWriter *writer,
                      const char     *relative)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&writer->lock);

  return g_hash_table_contains (writer->files, relative);
}

/* The file is no longer part of the bundle: gk_bundle_writer_finish()
 * removes it. */
void
gk_bundle_writer_forget (GkBundleWriter *writer,
                         const char     *relative)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&writer->lock);

  g_hash_table_remove (writer->files, relative);
}

/* Forgets every file under one of @prefixes that the set of the same
 * index in @keeps does not hold. */
void
gk_bundle_writer_forget_unless (GkBundleWriter *writer,
                                const char    **prefixes,
                                GHashTable    **keeps)
{
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, writer->files);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    for (guint i = 0; prefixes[i] != NULL; i++)
      if (g_str_has_prefix (path, prefixes[i]))
        {
          if (!g_hash_table_contains (keeps[i], path))
            g_hash_table_iter_remove (&iter);
          break;
        }
}

/* The path of @relative as the last publish wrote it, when it vouched for
 * its content; NULL otherwise. */
char *
gk_bundle_writer_dup_trusted (GkBundleWriter *writer,
                              const char     *relative)
{
  const char *old = g_hash_table_lookup (writer->old_files, relative);

  if (old == NULL || *old == '\0')
    return NULL;
  return g_build_filename (writer->dir, relative, NULL);
}

/* A large file written as it is made: into "<name>.part", moved over the
 * old one at the end unless its content is the same. */
GkBundleStream *
gk_bundle_writer_open (GkBundleWriter  *writer,
                       const char      *relative,
                       GError         **error)
{
  GkBundleStream *stream = g_new0 (GkBundleStream, 1);

  stream->relative = g_strdup (relative);
  stream->full = g_build_filename (writer->dir, relative, NULL);
  stream->part = g_strconcat (stream->full, ".part", NULL);
  if (!make_parent (writer, stream->full, error))
    {
      gk_bundle_stream_free (stream);
      return NULL;
    }
  stream->file = fopen (stream->part, "wb");
  if (stream->file == NULL)
    {
      set_io_error (error, _("Could not write “%s”: %s"), stream->part);
      gk_bundle_stream_free (stream);
      return NULL;
    }
  /* glibc ignores a size given without a buffer. */
  stream->buffer = g_malloc (STREAM_BUFFER);
  setvbuf (stream->file, stream->buffer, _IOFBF, STREAM_BUFFER);
  return stream;
}

gboolean
gk_bundle_stream_write (GkBundleStream  *stream,
                        const char      *data,
                        gsize            length,
                        GError         **error)
{
  stream->size += length;
  if (length > 0 && fwrite (data, 1, length, stream->file) != length)
    return set_io_error (error, _("Could not write “%s”: %s"), stream->part);
  return TRUE;
}

void
gk_bundle_stream_free (GkBundleStream *stream)
{
  if (stream == NULL)
    return;
  if (stream->file != NULL)
    {
      fclose (stream->file);
      g_remove (stream->part);
    }
  g_free (stream->relative);
  g_free (stream->full);
  g_free (stream->part);
  g_free (stream->buffer);
  g_free (stream);
}

gboolean
gk_bundle_writer_close (GkBundleWriter  *writer,
                        GkBundleStream  *stream,
                        GError         **error)
{
  g_autofree char *size = size_key (stream->size);
  FILE *file = g_steal_pointer (&stream->file);
  gboolean ok = TRUE;

  if (fclose (file) != 0)
    ok = set_io_error (error, _("Could not write “%s”: %s"), stream->part);
  else
    {
      const char *old = g_hash_table_lookup (writer->old_files, stream->relative);
      gboolean same = FALSE;

      set_file (writer, stream->relative, size);
      /* Read back only when the old file is as long. */
      if (old != NULL && g_str_equal (old, size))
        {
          g_autoptr(GMappedFile) part = g_mapped_file_new (stream->part, FALSE, NULL);

          same = part != NULL &&
                 !needs_writing (writer, stream->relative, stream->full, size,
                                 g_mapped_file_get_contents (part), g_mapped_file_get_length (part));
        }
      if (same)
        g_remove (stream->part);
      else if (g_rename (stream->part, stream->full) != 0)
        ok = set_io_error (error, _("Could not write “%s”: %s"), stream->full);
      else
        count_written (writer);
    }
  if (!ok)
    g_remove (stream->part);
  gk_bundle_stream_free (stream);
  return ok;
}

/* Removes what the last publish wrote and this one did not, then writes
 * the manifest with @state. */
gboolean
gk_bundle_writer_finish (GkBundleWriter   *writer,
                         GkBundleSummary  *summary,
                         GkBundleManifest *state,
                         GError          **error)
{
  g_autofree char *partial = g_build_filename (writer->dir, PARTIAL, NULL);
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
        return set_io_error (error, _("Could not remove “%s”: %s"), full);
      summary->n_removed++;
    }

  summary->n_written = writer->written;
  if (!write_manifest (writer, state, &summary->n_files, error))
    return FALSE;
  g_remove (partial);
  return TRUE;
}
