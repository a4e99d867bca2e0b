/* fuzz-table.h: what the spreadsheet readers' fuzz targets check of every row they hand out. */
#pragma once

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gk-table.h"

typedef struct
{
  guint last_row;
  guint n_rows;
} FuzzRows;

/* A GkTableRowFunc: rows in order, cells within bounds and in UTF-8
 * whatever the file held, dates as ISO days; stops after 5000 rows, as a
 * preview does, which must end cleanly too. */
static inline gboolean
fuzz_check_row_cb (guint          row,
                   const GkCell  *cells,
                   guint          n_cells,
                   gpointer       user_data,
                   GError       **error)
{
  FuzzRows *rows = user_data;

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
fuzz_on_trap (int signal_number)
{
  abort ();
}

static inline void
fuzz_catch_traps (void)
{
  signal (SIGTRAP, fuzz_on_trap);
}
