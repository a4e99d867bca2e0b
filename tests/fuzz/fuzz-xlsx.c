/* fuzz-xlsx.c: any bytes as an .xlsx workbook: the package, workbook, shared strings, styles and every sheet's rows. */
#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "gk-xlsx-reader.h"

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
  g_assert_cmpuint (row, <=, GK_TABLE_MAX_ROWS);
  g_assert_cmpuint (n_cells, >, 0);
  g_assert_cmpuint (n_cells, <=, GK_TABLE_MAX_COLUMNS);
  for (guint i = 0; i < n_cells; i++)
    {
      g_assert_true ((cells[i].kind == GK_CELL_EMPTY) == (cells[i].text == NULL));
      if (cells[i].text != NULL)
        g_assert_true (g_utf8_validate (cells[i].text, -1, NULL));
      if (cells[i].kind == GK_CELL_DATE)
        g_assert_cmpuint (strlen (cells[i].text), <=, 10);
    }
  rows->last_row = row;
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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GkXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *sheets;

  reader = gk_xlsx_reader_new_for_bytes (bytes, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  sheets = gk_xlsx_reader_get_sheet_names (reader);
  g_assert_nonnull (sheets);
  for (guint i = 0; sheets[i] != NULL && i < 4; i++)
    {
      Rows rows = { 0 };

      g_assert_true (g_utf8_validate (sheets[i], -1, NULL));
      if (!gk_xlsx_reader_read_sheet (reader, i, check_row_cb, &rows, &error))
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
    }
  return 0;
}
