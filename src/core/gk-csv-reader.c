/* gk-csv-reader.c: CSV rows through libcsv, converted to UTF-8 as they stream. */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-csv-reader.h"

#define CHUNK_SIZE 65536
/* A cell longer than this is not a clerk's: the file is not a table. */
#define MAX_CELL_BYTES (1024 * 1024)

typedef struct
{
  GkTableRow row;
  guint column;
  guint number;           /* the row's number, from 1 */
  GkTableRowFunc func;
  gpointer user_data;
  gboolean stopped;
  gboolean check_utf8;    /* bytes that were not converted, so not checked */
  GError *error;
} CsvState;

const char *
gk_csv_detect_encoding (GInputStream  *stream,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE + 4);
  gsize carried = 0;
  gboolean first = TRUE;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer + carried, CHUNK_SIZE, cancellable, error);
      const char *end;
      gsize length;

      if (n < 0)
        return NULL;
      length = carried + (gsize) n;
      if (first && length >= 3 && memcmp (buffer, "\xEF\xBB\xBF", 3) == 0)
        return "UTF-8";
      first = FALSE;
      if (n == 0)
        return g_utf8_validate (buffer, length, NULL) ? "UTF-8" : "GB18030";

      /* A character cut by the chunk's end is checked with the next. */
      if (!g_utf8_validate (buffer, length, &end))
        {
          gsize rest = length - (gsize) (end - buffer);

          if (rest > 3 || g_utf8_get_char_validated (end, rest) != (gunichar) -2)
            return "GB18030";
          memmove (buffer, end, rest);
          carried = rest;
        }
      else
        carried = 0;
    }
}

static void
on_field (void   *text,
          size_t  length,
          void   *data)
{
  CsvState *state = data;

  if (state->stopped)
    return;
  /* A BOM promises UTF-8, but a file pasted together can break it. */
  if (state->check_utf8 && !g_utf8_validate (text, length, NULL))
    {
      g_set_error (&state->error, GK_TABLE_ERROR, GK_TABLE_ERROR_FORMAT,
                   _("Row %u of the file is not written in UTF-8, as the rest of the file is"), state->number + 1);
      state->stopped = TRUE;
      return;
    }
  if (!gk_table_row_take (&state->row, state->column++, GK_CELL_TEXT,
                          length > 0 ? g_strndup (text, length) : NULL, &state->error))
    state->stopped = TRUE;
}

static void
on_row_end (int   terminator,
            void *data)
{
  CsvState *state = data;

  if (state->stopped)
    return;
  state->number++;
  if (state->number > GK_TABLE_MAX_ROWS)
    {
      g_set_error (&state->error, GK_TABLE_ERROR, GK_TABLE_ERROR_TOO_LARGE,
                   _("The file has more than %d rows"), GK_TABLE_MAX_ROWS);
      state->stopped = TRUE;
    }
  else if (state->row.n_cells > 0 &&
           !state->func (state->number, state->row.cells, state->row.n_cells, state->user_data, &state->error))
    state->stopped = TRUE;
  gk_table_row_clear (&state->row);
  state->column = 0;
}

/* A tab or a semicolon when the first line has more of them than commas
 * (outside quotes): what a German Excel or a pasted table writes. */
static unsigned char
guess_delimiter (const char *text,
                 gsize       length)
{
  guint commas = 0, tabs = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && (quoted || (text[i] != '\n' && text[i] != '\r')); i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == ',')
        commas++;
      else if (!quoted && text[i] == '\t')
        tabs++;
      else if (!quoted && text[i] == ';')
        semicolons++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

gboolean
gk_csv_read_stream (GInputStream   *stream,
                    const char     *encoding,
                    GkTableRowFunc  func,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  struct csv_parser parser;
  CsvState state = { .func = func, .user_data = user_data };
  gboolean first = TRUE;
  gboolean ok = FALSE;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", encoding, error);

      if (converter == NULL)
        return FALSE;
      input = g_converter_input_stream_new (stream, G_CONVERTER (converter));
    }
  else
    {
      input = g_object_ref (stream);
      state.check_utf8 = TRUE;
    }

  /* Not CSV_STRICT: a stray quote inside a cell is text, as Excel reads it. */
  if (csv_init (&parser, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
    g_error ("libcsv could not start: out of memory");
  gk_table_row_init (&state.row);

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, CHUNK_SIZE, cancellable, error);
      const char *data = buffer;

      if (n < 0)
        goto out;
      if (n == 0)
        break;
      if (first)
        {
          first = FALSE;
          if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
            {
              data += 3;
              n -= 3;
            }
          csv_set_delim (&parser, guess_delimiter (data, (gsize) n));
        }
      if (csv_parse (&parser, data, (gsize) n, on_field, on_row_end, &state) != (gsize) n)
        {
          g_set_error (error, GK_TABLE_ERROR, GK_TABLE_ERROR_FORMAT,
                       _("The file cannot be read as CSV: %s"), csv_strerror (csv_error (&parser)));
          goto out;
        }
      if (state.stopped)
        break;
      if (csv_get_buffer_size (&parser) > MAX_CELL_BYTES)
        {
          g_set_error (error, GK_TABLE_ERROR, GK_TABLE_ERROR_TOO_LARGE,
                       _("The file cannot be read as CSV: a cell is longer than %d bytes"), MAX_CELL_BYTES);
          goto out;
        }
    }

  if (!state.stopped)
    csv_fini (&parser, on_field, on_row_end, &state);
  if (state.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&state.error));
      goto out;
    }
  ok = TRUE;

out:
  g_clear_error (&state.error);
  gk_table_row_free_cells (&state.row);
  csv_free (&parser);
  return ok;
}

gboolean
gk_csv_read_file (GFile           *file,
                  GkTableRowFunc   func,
                  gpointer         user_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GFileInputStream) detect = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  const char *encoding;

  detect = g_file_read (file, cancellable, error);
  if (detect == NULL)
    return FALSE;
  encoding = gk_csv_detect_encoding (G_INPUT_STREAM (detect), cancellable, error);
  if (encoding == NULL)
    return FALSE;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  return gk_csv_read_stream (G_INPUT_STREAM (stream), encoding, func, user_data, cancellable, error);
}
