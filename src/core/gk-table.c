/* gk-table.c: what the spreadsheet readers share: errors, column names and the row being read. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-table.h"

G_DEFINE_QUARK (gk-table-error-quark, gk_table_error)

char *
gk_table_column_name (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);

  return g_strdup (buffer + i);
}

int
gk_table_column_from_ref (const char  *ref,
                          const char **end)
{
  int column = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      /* Past XFD, whatever follows. */
      if (column > GK_TABLE_MAX_COLUMNS)
        return -1;
    }
  if (end != NULL)
    *end = p;
  return column - 1;
}

void
gk_table_row_init (GkTableRow *row)
{
  row->cells = NULL;
  row->n_cells = 0;
  row->allocated = 0;
}

gboolean
gk_table_row_take (GkTableRow  *row,
                   guint        column,
                   GkCellKind   kind,
                   char        *text,
                   GError     **error)
{
  if (column >= GK_TABLE_MAX_COLUMNS)
    {
      g_free (text);
      g_set_error (error, GK_TABLE_ERROR, GK_TABLE_ERROR_TOO_LARGE,
                   _("The sheet has more than %d columns"), GK_TABLE_MAX_COLUMNS);
      return FALSE;
    }

  if (column >= row->allocated)
    {
      guint allocated = MAX (16, row->allocated);

      while (allocated <= column)
        allocated *= 2;
      row->cells = g_renew (GkCell, row->cells, allocated);
      for (guint i = row->allocated; i < allocated; i++)
        row->cells[i] = (GkCell) { GK_CELL_EMPTY, NULL };
      row->allocated = allocated;
    }

  g_free (row->cells[column].text);
  row->cells[column].kind = text != NULL ? kind : GK_CELL_EMPTY;
  row->cells[column].text = text;
  if (text != NULL && column >= row->n_cells)
    row->n_cells = column + 1;
  return TRUE;
}

void
gk_table_row_clear (GkTableRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_clear_pointer (&row->cells[i].text, g_free);
      row->cells[i].kind = GK_CELL_EMPTY;
    }
  row->n_cells = 0;
}

void
gk_table_row_free_cells (GkTableRow *row)
{
  gk_table_row_clear (row);
  g_clear_pointer (&row->cells, g_free);
  row->allocated = 0;
}
