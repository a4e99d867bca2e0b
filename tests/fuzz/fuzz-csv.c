/* fuzz-csv.c: any bytes as a CSV file: its encoding guessed, then read row by row. */
#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "gk-csv-reader.h"

typedef struct
{
  guint last_row;
  guint n_rows;
} Rows;

static gboolean
check_row_cb (guint          row,
              const GkCell  *cells,
              guint          n_cells,
              gpointer       user_data,
              GError       **error)
{
  Rows *rows = user_data;

  g_assert_cmpuint (row, >, rows->last_row);
  g_assert_cmpuint (n_cells, >, 0);
  g_assert_cmpuint (n_cells, <=, GK_TABLE_MAX_COLUMNS);
  g_assert_cmpint (cells[n_cells - 1].kind, !=, GK_CELL_EMPTY);
  for (guint i = 0; i < n_cells; i++)
    {
      g_assert_true ((cells[i].kind == GK_CELL_EMPTY) == (cells[i].text == NULL));
      /* Whatever the file's encoding, what comes out is UTF-8 or nothing. */
      if (cells[i].text != NULL)
        g_assert_true (g_utf8_validate (cells[i].text, -1, NULL));
    }
  rows->last_row = row;
  /* Stopping early must be clean too. */
  return ++rows->n_rows < 5000;
}

/* GLib stops at a fatal warning with SIGTRAP, which libFuzzer does not
 * catch: as an abort, the input that caused it is saved. */
static void
on_trap (int signal_number)
{
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = fuzz_input_string (data, size, FALSE);

  signal (SIGTRAP, on_trap);
  g_autoptr(GInputStream) detect = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  const char *encoding;
  Rows rows = { 0 };

  encoding = gk_csv_detect_encoding (detect, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (encoding);

  if (!gk_csv_read_stream (stream, encoding, check_row_cb, &rows, NULL, &error))
    g_assert_nonnull (error);
  else
    g_assert_no_error (error);
  return 0;
}
