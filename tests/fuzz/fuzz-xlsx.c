/* fuzz-xlsx.c: any bytes as an .xlsx workbook: the package, workbook, shared strings, styles and every sheet's rows. */
#include <gio/gio.h>

#include "fuzz-common.h"
#include "fuzz-table.h"
#include "gk-xlsx-reader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = fuzz_input_string (data, size, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GkXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *sheets;

  fuzz_catch_traps ();
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
      FuzzRows rows = { 0 };

      g_assert_true (g_utf8_validate (sheets[i], -1, NULL));
      if (!gk_xlsx_reader_read_sheet (reader, i, fuzz_check_row_cb, &rows, &error))
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
    }
  return 0;
}
