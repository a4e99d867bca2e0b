/* gk-xlsx-reader.c: the OOXML package through libgsf, its parts through libxml2's streaming reader. */
/* memmem() */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <gsf/gsf-infile-impl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "gk-xlsx-reader.h"

/* libgsf 1.14 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

struct _GkXlsxReader
{
  GObject parent_instance;

  GBytes *bytes;            /* what a memory package reads from */
  GsfInfile *zip;
  GStrv sheet_names;
  GStrv sheet_paths;        /* the parts, "xl/worksheets/sheet1.xml" */
  GPtrArray *shared;        /* the shared strings, held whole */
  GArray *date_styles;      /* gboolean per cell style (cellXfs) */
  gboolean date1904;
};

G_DEFINE_FINAL_TYPE (GkXlsxReader, gk_xlsx_reader, G_TYPE_OBJECT)

typedef struct
{
  guint first_row, last_row;
  guint first_column, last_column;
  GkCellKind kind;
  char *text;               /* the first cell's, once its row is read */
} Merge;

static void
gk_xlsx_reader_finalize (GObject *object)
{
  GkXlsxReader *self = GK_XLSX_READER (object);

  g_clear_object (&self->zip);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sheet_names, g_strfreev);
  g_clear_pointer (&self->sheet_paths, g_strfreev);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->date_styles, g_array_unref);

  G_OBJECT_CLASS (gk_xlsx_reader_parent_class)->finalize (object);
}

static void
gk_xlsx_reader_class_init (GkXlsxReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_xlsx_reader_finalize;
}

static void
gk_xlsx_reader_init (GkXlsxReader *self)
{
  self->shared = g_ptr_array_new_with_free_func (g_free);
  self->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

static void
set_format_error (GError **error)
{
  g_set_error_literal (error, GK_TABLE_ERROR, GK_TABLE_ERROR_FORMAT,
                       _("The file is not an Excel workbook (.xlsx) that can be read"));
}

/* Parts */

/* A member of @dir, or NULL. The class's own call: gsf_infile_child_by_name()
 * logs a warning for a damaged member, and a damaged file is no program error. */
static GsfInput *
open_child (GsfInfile  *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;

  return G_TYPE_INSTANCE_GET_CLASS (dir, GSF_INFILE_TYPE, GsfInfileClass)->child_by_name (dir, name, &error);
}

/* "xl/worksheets/../sharedStrings.xml" → the part, or NULL. */
static GsfInput *
open_part (GkXlsxReader *self,
           const char   *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GsfInput) dir = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (names->len > 0)
            g_ptr_array_remove_index (names, names->len - 1);
          continue;
        }
      g_ptr_array_add (names, parts[i]);
    }
  if (names->len == 0)
    return NULL;
  dir = GSF_INPUT (g_object_ref (self->zip));
  for (guint i = 0; i < names->len; i++)
    {
      GsfInput *child;

      if (!GSF_IS_INFILE (dir))
        return NULL;
      child = open_child (GSF_INFILE (dir), g_ptr_array_index (names, i));
      if (child == NULL)
        return NULL;
      g_object_unref (dir);
      dir = child;
    }
  /* A folder is no part. */
  if (GSF_IS_INFILE (dir) && gsf_infile_num_children (GSF_INFILE (dir)) >= 0)
    return NULL;
  return g_steal_pointer (&dir);
}

static int
read_input_cb (void *context,
               char *buffer,
               int   length)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);
  size_t n;

  if (remaining <= 0 || length <= 0)
    return 0;
  n = (size_t) MIN ((gsf_off_t) length, remaining);
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

static int
close_input_cb (void *context)
{
  g_object_unref (context);
  return 0;
}

/* Entities stay unexpanded and nothing is fetched from the network. */
static xmlTextReaderPtr
open_xml (GkXlsxReader *self,
          const char   *path)
{
  GsfInput *input = open_part (self, path);

  if (input == NULL)
    return NULL;
  return xmlReaderForIO (read_input_cb, close_input_cb, input, NULL, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

/* An attribute by its local name, whatever its namespace prefix ("r:id"):
 * strict OOXML and the transitional kind name it differently. */
static char *
dup_attribute (xmlTextReaderPtr  reader,
               const char       *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (strcmp ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

/* Frees @reader; FALSE with the format error unless it read to the end. */
static gboolean
finish_xml (xmlTextReaderPtr   reader,
            int                status,
            GError           **error)
{
  xmlFreeTextReader (reader);
  if (status != 0)
    {
      set_format_error (error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT ||
         type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
         type == XML_READER_TYPE_WHITESPACE;
}

/* The workbook: its sheets and where their parts are */

/* Relationship id → target part, resolved against xl/. */
static GHashTable *
read_relationships (GkXlsxReader *self,
                    char        **shared_strings,
                    char        **styles)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlTextReaderPtr reader = open_xml (self, "xl/_rels/workbook.xml.rels");

  if (reader == NULL)
    return targets;
  while (xmlTextReaderRead (reader) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      char *path;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || !is_element (reader, "Relationship"))
        continue;
      id = dup_attribute (reader, "Id");
      target = dup_attribute (reader, "Target");
      type = dup_attribute (reader, "Type");
      if (id == NULL || target == NULL)
        continue;
      path = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
      if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
        {
          g_free (*shared_strings);
          *shared_strings = g_strdup (path);
        }
      else if (type != NULL && g_str_has_suffix (type, "/styles"))
        {
          g_free (*styles);
          *styles = g_strdup (path);
        }
      g_hash_table_replace (targets, g_steal_pointer (&id), path);
    }
  xmlFreeTextReader (reader);
  return targets;
}

static gboolean
read_workbook (GkXlsxReader  *self,
               GHashTable    *targets,
               GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  xmlTextReaderPtr reader = open_xml (self, "xl/workbook.xml");
  guint n_sheets = 0;
  int status;

  if (reader == NULL)
    {
      set_format_error (error);
      return FALSE;
    }
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_element (reader, "workbookPr"))
        {
          g_autofree char *date1904 = dup_attribute (reader, "date1904");

          self->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
        }
      else if (is_element (reader, "sheet"))
        {
          g_autofree char *name = dup_attribute (reader, "name");
          g_autofree char *id = dup_attribute (reader, "id");
          const char *path = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
          g_autofree char *fallback = NULL;

          if (path == NULL)
            path = fallback = g_strdup_printf ("xl/worksheets/sheet%u.xml", n_sheets + 1);
          g_strv_builder_add (names, name != NULL ? name : "");
          g_strv_builder_add (paths, path);
          n_sheets++;
        }
    }
  xmlFreeTextReader (reader);
  if (status != 0 || n_sheets == 0)
    {
      set_format_error (error);
      return FALSE;
    }

  self->sheet_names = g_strv_builder_end (names);
  self->sheet_paths = g_strv_builder_end (paths);
  return TRUE;
}

/* Shared strings: each <si> is plain <t> or rich-text runs <r><t>; the
 * phonetic guides (<rPh>) are not part of the text. */
static gboolean
read_shared_strings (GkXlsxReader  *self,
                     const char    *path,
                     GError       **error)
{
  xmlTextReaderPtr reader = open_xml (self, path);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE, in_t = FALSE;
  int phonetic_depth = -1;
  int status;

  if (reader == NULL)
    return TRUE;  /* a workbook of numbers has none */
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (is_element (reader, "si"))
            {
              g_string_truncate (text, 0);
              in_si = !empty;
              if (empty)
                g_ptr_array_add (self->shared, g_strdup (""));
            }
          else if (is_element (reader, "rPh") && !empty && phonetic_depth < 0)
            phonetic_depth = xmlTextReaderDepth (reader);
          else if (is_element (reader, "t") && !empty)
            in_t = in_si && phonetic_depth < 0;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (reader, "si") && in_si)
            {
              g_ptr_array_add (self->shared, g_strndup (text->str, text->len));
              in_si = FALSE;
            }
          else if (is_element (reader, "rPh") && xmlTextReaderDepth (reader) == phonetic_depth)
            phonetic_depth = -1;
          else if (is_element (reader, "t"))
            in_t = FALSE;
        }
      else if (in_t && is_text_node (type))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return finish_xml (reader, status, error);
}

/* Styles: which number formats show a date */

static gboolean
is_builtin_date_format (gint64 id)
{
  /* 14–17 and 22 everywhere; 27–31, 36, 50–54, 57–58 are the Chinese
   * (and other East Asian) date formats. Times alone are not dates. */
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
         (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* A format code shows a date when, outside quoted text, escapes and
 * [brackets] (colours, locales, elapsed time), it has a year or a day.
 * "General" (LibreOffice names its default format so) has neither. */
static gboolean
is_date_format_code (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      if (g_ascii_strncasecmp (p, "General", 7) == 0)
        {
          p += 6;
          continue;
        }
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;
        case 'y': case 'Y': case 'd': case 'D':
          return TRUE;
        default:
          if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "日"))
            return TRUE;
          break;
        }
    }
  return FALSE;
}

static gboolean
read_styles (GkXlsxReader  *self,
             const char    *path,
             GError       **error)
{
  xmlTextReaderPtr reader = open_xml (self, path);
  g_autoptr(GHashTable) custom = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) custom_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean in_cell_xfs = FALSE;
  int status;

  if (reader == NULL)
    return TRUE;
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && is_element (reader, "cellXfs"))
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = dup_attribute (reader, "numFmtId");
          g_autofree char *code = dup_attribute (reader, "formatCode");

          if (id != NULL && code != NULL && is_date_format_code (code))
            {
              gint64 value = g_ascii_strtoll (id, NULL, 10);

              /* The hash table keys point into the array: it must not grow under them. */
              g_array_append_val (custom_ids, value);
            }
        }
      else if (is_element (reader, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell_xfs && is_element (reader, "xf"))
        {
          g_autofree char *id = dup_attribute (reader, "numFmtId");
          gint64 value = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
          gboolean date = is_builtin_date_format (value);

          for (guint i = 0; !date && i < custom_ids->len; i++)
            date = g_array_index (custom_ids, gint64, i) == value;
          g_array_append_val (self->date_styles, date);
        }
    }
  return finish_xml (reader, status, error);
}

/* Whether every member's modification time in the zip's central
 * directory is a real date and time. libgsf 1.14 passes an impossible one
 * to g_date_time_unref() as NULL, a critical warning; such a package is
 * damaged, and refused before libgsf reads it. A directory this cannot
 * find is left for libgsf to judge. */
static gboolean
zip_times_are_valid (GsfInput *input)
{
  gsf_off_t size = gsf_input_size (input);
  gsf_off_t tail = MIN (size, 65535 + 22);
  const guint8 *data;
  guint32 entries, offset;
  gsf_off_t end = -1;

  if (tail < 22 || gsf_input_seek (input, size - tail, G_SEEK_SET) ||
      (data = gsf_input_read (input, (size_t) tail, NULL)) == NULL)
    return TRUE;
  for (gsf_off_t i = tail - 22; i >= 0; i--)
    if (GSF_LE_GET_GUINT32 (data + i) == 0x06054b50)
      {
        end = i;
        break;
      }
  if (end < 0)
    return TRUE;
  entries = GSF_LE_GET_GUINT16 (data + end + 10);
  offset = GSF_LE_GET_GUINT32 (data + end + 16);

  for (guint32 i = 0; i < entries; i++)
    {
      guint8 header[46];
      guint32 dostime;
      guint year, month, day, minute, second;

      if (gsf_input_seek (input, offset, G_SEEK_SET) ||
          gsf_input_read (input, sizeof header, header) == NULL ||
          GSF_LE_GET_GUINT32 (header) != 0x02014b50)
        break;
      dostime = GSF_LE_GET_GUINT32 (header + 12);
      year = (dostime >> 25) + 1980;
      month = (dostime >> 21) & 0x0f;
      day = (dostime >> 16) & 0x1f;
      minute = (dostime >> 5) & 0x3f;
      second = (dostime & 0x1f) * 2;
      if (dostime != 0 &&
          (!g_date_valid_dmy (day, month, year) || minute > 59 || second > 59))
        return FALSE;
      offset += 46 + GSF_LE_GET_GUINT16 (header + 28) + GSF_LE_GET_GUINT16 (header + 30) +
                GSF_LE_GET_GUINT16 (header + 32);
    }
  return TRUE;
}

static gboolean
load (GkXlsxReader  *self,
      GsfInput      *input,
      GError       **error)
{
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GHashTable) targets = NULL;
  g_autofree char *shared_strings = g_strdup ("xl/sharedStrings.xml");
  g_autofree char *styles = g_strdup ("xl/styles.xml");

  if (!zip_times_are_valid (input) || gsf_input_seek (input, 0, G_SEEK_SET))
    {
      set_format_error (error);
      return FALSE;
    }
  self->zip = gsf_infile_zip_new (input, &zip_error);
  if (self->zip == NULL)
    {
      set_format_error (error);
      return FALSE;
    }

  targets = read_relationships (self, &shared_strings, &styles);
  return read_workbook (self, targets, error) &&
         read_shared_strings (self, shared_strings, error) &&
         read_styles (self, styles, error);
}

GkXlsxReader *
gk_xlsx_reader_new_for_file (GFile   *file,
                             GError **error)
{
  g_autoptr(GkXlsxReader) self = g_object_new (GK_TYPE_XLSX_READER, NULL);
  g_autoptr(GsfInput) input = NULL;
  g_autofree char *path = g_file_get_path (file);
  GError *local_error = NULL;

  input = path != NULL ? gsf_input_stdio_new (path, &local_error) : NULL;
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        set_format_error (error);
      return NULL;
    }
  if (!load (self, input, error))
    return NULL;
  return g_steal_pointer (&self);
}

GkXlsxReader *
gk_xlsx_reader_new_for_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(GkXlsxReader) self = g_object_new (GK_TYPE_XLSX_READER, NULL);
  g_autoptr(GsfInput) input = NULL;
  gsize size;
  const guint8 *data;

  self->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (bytes, &size);
  input = gsf_input_memory_new (data != NULL ? data : (const guint8 *) "", (gsf_off_t) size, FALSE);
  if (!load (self, input, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char * const *
gk_xlsx_reader_get_sheet_names (GkXlsxReader *self)
{
  g_return_val_if_fail (GK_IS_XLSX_READER (self), NULL);

  return (const char * const *) self->sheet_names;
}

/* Cells */

char *
gk_xlsx_serial_to_iso (double   serial,
                       gboolean date1904)
{
  g_autoptr(GDate) date = NULL;
  double day = floor (serial);

  /* 2958465 is 9999-12-31, Excel's last day. */
  if (!(day >= 0 && day <= 2958465))
    return NULL;
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else
    {
      /* Excel counts a 29 February 1900 that never was (Lotus's mistake):
       * serial 60 names it, and from 61 on the days are one ahead. */
      if (day == 60)
        return g_strdup ("1900-02-29");
      if (day < 1)
        return NULL;
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      if (day > 60)
        day -= 1;
    }
  g_date_add_days (date, (guint) day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

typedef struct
{
  GkXlsxReader *self;
  GkTableRow row;
  GPtrArray *merges;        /* Merge, by first row */
  guint next_merge;
  GPtrArray *active;        /* the merges over the current row */
} SheetState;

static void
merge_free (gpointer data)
{
  Merge *merge = data;

  g_free (merge->text);
  g_free (merge);
}

static int
compare_merges (gconstpointer a,
                gconstpointer b)
{
  const Merge *x = *(Merge **) a, *y = *(Merge **) b;

  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

/* "B2" → column 1, row 2; FALSE unless that is all of it. */
static gboolean
parse_cell_ref (const char  *ref,
                guint       *column,
                guint       *row)
{
  const char *end;
  int c = gk_table_column_from_ref (ref, &end);
  guint64 r;

  if (c < 0 || end == ref || !g_ascii_isdigit (*end))
    return FALSE;
  r = g_ascii_strtoull (end, (char **) &end, 10);
  if (*end != '\0' || r < 1 || r > GK_TABLE_MAX_ROWS)
    return FALSE;
  *column = (guint) c;
  *row = (guint) r;
  return TRUE;
}

/* Whether the part's bytes name a merged cell at all: most sheets have
 * none, and a byte search costs a tenth of parsing them. */
static gboolean
has_merges (GkXlsxReader *self,
            const char   *path)
{
  g_autoptr(GsfInput) input = open_part (self, path);
  static const char needle[] = "mergeCell";
  const gsize length = sizeof needle - 1;
  guint8 buffer[65536 + sizeof needle];
  gsize kept = 0;

  if (input == NULL)
    return FALSE;
  for (;;)
    {
      gsize n = (gsize) MIN (gsf_input_remaining (input), 65536);
      gsize total = kept + n;

      if (n == 0 || gsf_input_read (input, n, buffer + kept) == NULL)
        return FALSE;
      if (memmem (buffer, total, needle, length) != NULL)
        return TRUE;
      /* A name cut by the chunk's end is found with the next chunk. */
      kept = MIN (total, length - 1);
      memmove (buffer, buffer + total - kept, kept);
    }
}

/* The merged ranges come after the rows in the sheet's XML: one pass
 * over it collects them first (the rows are skipped, not kept). */
static gboolean
read_merges (GkXlsxReader  *self,
             const char    *path,
             GPtrArray     *merges,
             GError       **error)
{
  xmlTextReaderPtr reader;
  int status;

  if (!has_merges (self, path))
    return TRUE;
  reader = open_xml (self, path);
  if (reader == NULL)
    {
      set_format_error (error);
      return FALSE;
    }
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      g_autofree char *ref = NULL;
      g_auto(GStrv) corners = NULL;
      guint c1, r1, c2, r2;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_element (reader, "sheetData") && !xmlTextReaderIsEmptyElement (reader))
        {
          status = xmlTextReaderNext (reader);
          if (status != 1)
            break;
        }
      if (!is_element (reader, "mergeCell"))
        continue;
      ref = dup_attribute (reader, "ref");
      if (ref == NULL)
        continue;
      corners = g_strsplit (ref, ":", 3);
      if (g_strv_length (corners) != 2 ||
          !parse_cell_ref (corners[0], &c1, &r1) || !parse_cell_ref (corners[1], &c2, &r2) ||
          c2 < c1 || r2 < r1)
        continue;

      Merge *merge = g_new0 (Merge, 1);
      merge->first_row = r1;
      merge->last_row = r2;
      merge->first_column = c1;
      merge->last_column = c2;
      g_ptr_array_add (merges, merge);
    }
  if (!finish_xml (reader, status, error))
    return FALSE;
  g_ptr_array_sort (merges, compare_merges);
  return TRUE;
}

/* Fills the cells of row @number that lie under a merge with its first
 * cell's value, which is the row's own when the merge starts here. */
static gboolean
fill_merged_cells (SheetState  *state,
                   guint        number,
                   GError     **error)
{
  while (state->next_merge < state->merges->len)
    {
      Merge *merge = g_ptr_array_index (state->merges, state->next_merge);

      if (merge->first_row > number)
        break;
      g_ptr_array_add (state->active, merge);
      state->next_merge++;
    }

  for (guint i = 0; i < state->active->len;)
    {
      Merge *merge = g_ptr_array_index (state->active, i);

      if (merge->last_row < number)
        {
          g_ptr_array_remove_index_fast (state->active, i);
          continue;
        }
      i++;
      if (merge->first_row == number && merge->text == NULL)
        {
          GkCell *first = merge->first_column < state->row.n_cells ? &state->row.cells[merge->first_column] : NULL;

          if (first == NULL || first->kind == GK_CELL_EMPTY)
            continue;
          merge->kind = first->kind;
          merge->text = g_strdup (first->text);
        }
      if (merge->text == NULL)
        continue;
      for (guint column = merge->first_column; column <= merge->last_column; column++)
        {
          if (column < state->row.n_cells && state->row.cells[column].kind != GK_CELL_EMPTY)
            continue;
          if (!gk_table_row_take (&state->row, column, merge->kind, g_strdup (merge->text), error))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
cell_text (SheetState  *state,
           const char  *type,
           gint64       style,
           GString     *value,
           GkCellKind  *kind)
{
  GkXlsxReader *self = state->self;
  const char *v = value->str;

  if (type == NULL || strcmp (type, "n") == 0)
    {
      char *end;
      double number;
      g_autofree char *trimmed = g_strstrip (g_strdup (v));

      if (*trimmed == '\0')
        return NULL;
      number = g_ascii_strtod (trimmed, &end);
      if (*end != '\0')
        {
          *kind = GK_CELL_TEXT;
          return g_steal_pointer (&trimmed);
        }
      if (style >= 0 && (guint64) style < self->date_styles->len &&
          g_array_index (self->date_styles, gboolean, style))
        {
          char *iso = gk_xlsx_serial_to_iso (number, self->date1904);

          if (iso != NULL)
            {
              *kind = GK_CELL_DATE;
              return iso;
            }
        }
      *kind = GK_CELL_NUMBER;
      return g_steal_pointer (&trimmed);
    }
  if (strcmp (type, "s") == 0)
    {
      char *end;
      guint64 index = g_ascii_strtoull (v, &end, 10);

      if (end == v || index >= self->shared->len)
        return NULL;
      *kind = GK_CELL_TEXT;
      return g_strdup (g_ptr_array_index (self->shared, index));
    }
  if (strcmp (type, "b") == 0)
    {
      *kind = GK_CELL_BOOLEAN;
      return g_strdup (strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0 ? "TRUE" : "FALSE");
    }
  if (strcmp (type, "e") == 0)
    {
      *kind = GK_CELL_ERROR;
      return g_strdup (v);
    }
  if (strcmp (type, "d") == 0)
    {
      /* An ISO 8601 date and time; the day is what a ledger keeps. */
      *kind = GK_CELL_DATE;
      return g_strndup (v, MIN (value->len, 10));
    }
  /* inlineStr, str (a formula's text) and anything newer: as text. */
  if (value->len == 0)
    return NULL;
  *kind = GK_CELL_TEXT;
  return g_strdup (v);
}

/* Hands the row out and empties it; FALSE when reading ends here, with
 * @error set when the caller failed, unset when it only stopped. */
static gboolean
emit_row (SheetState      *state,
          guint            number,
          GkTableRowFunc   func,
          gpointer         user_data,
          GError         **error)
{
  GError *local_error = NULL;
  gboolean go_on = TRUE;

  if (!fill_merged_cells (state, number, error))
    return FALSE;
  if (state->row.n_cells > 0)
    go_on = func (number, state->row.cells, state->row.n_cells, user_data, &local_error);
  gk_table_row_clear (&state->row);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return go_on;
}

gboolean
gk_xlsx_reader_read_sheet (GkXlsxReader    *self,
                           guint            index,
                           GkTableRowFunc   func,
                           gpointer         user_data,
                           GError         **error)
{
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (merge_free);
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *type = NULL;
  SheetState state = { .self = self, .merges = merges, .active = active };
  xmlTextReaderPtr reader;
  const char *path;
  guint row_number = 0, column = 0;
  gint64 style = -1;
  gboolean in_cell = FALSE, in_value = FALSE, in_sheet_data = FALSE;
  int phonetic_depth = -1;
  GError *local_error = NULL;
  gboolean ok = FALSE;
  int status;

  g_return_val_if_fail (GK_IS_XLSX_READER (self), FALSE);

  if (index >= g_strv_length (self->sheet_paths))
    {
      g_set_error (error, GK_TABLE_ERROR, GK_TABLE_ERROR_NO_SHEET, _("The workbook has no sheet %u"), index + 1);
      return FALSE;
    }
  path = self->sheet_paths[index];
  if (!read_merges (self, path, merges, error))
    return FALSE;

  reader = open_xml (self, path);
  if (reader == NULL)
    {
      set_format_error (error);
      return FALSE;
    }
  gk_table_row_init (&state.row);

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int node = xmlTextReaderNodeType (reader);

      if (node == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (is_element (reader, "sheetData"))
            {
              if (empty)
                break;
              in_sheet_data = TRUE;
            }
          else if (!in_sheet_data)
            continue;
          else if (is_element (reader, "row"))
            {
              g_autofree char *r = dup_attribute (reader, "r");
              guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : row_number + 1;

              /* Rows come in order; one out of it is a damaged sheet's. */
              if (number <= row_number || number > GK_TABLE_MAX_ROWS)
                {
                  set_format_error (error);
                  goto out;
                }
              row_number = (guint) number;
              column = 0;
              if (empty && !emit_row (&state, row_number, func, user_data, &local_error))
                {
                  ok = local_error == NULL;
                  goto out;
                }
            }
          else if (is_element (reader, "c"))
            {
              g_autofree char *r = dup_attribute (reader, "r");
              g_autofree char *s = dup_attribute (reader, "s");
              const char *end;
              int c = r != NULL ? gk_table_column_from_ref (r, &end) : (int) column;

              if (c < 0 || (r != NULL && end == r))
                {
                  set_format_error (error);
                  goto out;
                }
              column = (guint) c;
              g_free (type);
              type = dup_attribute (reader, "t");
              style = s != NULL ? g_ascii_strtoll (s, NULL, 10) : -1;
              g_string_truncate (value, 0);
              in_cell = !empty;
              if (empty)
                column++;
            }
          else if (in_cell && is_element (reader, "rPh") && !empty && phonetic_depth < 0)
            phonetic_depth = xmlTextReaderDepth (reader);
          else if (in_cell && (is_element (reader, "v") || is_element (reader, "t")))
            in_value = !empty && phonetic_depth < 0;
        }
      else if (node == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (reader, "sheetData"))
            break;
          if (is_element (reader, "v") || is_element (reader, "t"))
            in_value = FALSE;
          else if (is_element (reader, "rPh") && xmlTextReaderDepth (reader) == phonetic_depth)
            phonetic_depth = -1;
          else if (in_cell && is_element (reader, "c"))
            {
              GkCellKind kind = GK_CELL_EMPTY;
              char *text = cell_text (&state, type, style, value, &kind);

              in_cell = FALSE;
              if (text != NULL && !gk_table_row_take (&state.row, column, kind, text, error))
                goto out;
              column++;
            }
          else if (is_element (reader, "row") &&
                   !emit_row (&state, row_number, func, user_data, &local_error))
            {
              ok = local_error == NULL;
              goto out;
            }
        }
      else if (in_value && is_text_node (node))
        g_string_append (value, (const char *) xmlTextReaderConstValue (reader));
    }
  if (status < 0)
    {
      set_format_error (error);
      goto out;
    }
  ok = TRUE;

out:
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  xmlFreeTextReader (reader);
  gk_table_row_free_cells (&state.row);
  return ok;
}
