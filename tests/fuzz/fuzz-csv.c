/* fuzz-csv.c: any bytes as a CSV file: its encoding guessed, then read row by row. */
#include <gio/gio.h>

#include "fuzz-common.h"
#include "fuzz-table.h"
#include "gk-csv-reader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = fuzz_input_string (data, size, FALSE);
  g_autoptr(GInputStream) detect = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  const char *encoding;
  FuzzRows rows = { 0 };

  fuzz_catch_traps ();
  encoding = gk_csv_detect_encoding (detect, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (encoding);

  if (!gk_csv_read_stream (stream, encoding, fuzz_check_row_cb, &rows, NULL, &error))
    g_assert_nonnull (error);
  else
    g_assert_no_error (error);
  return 0;
}
