/* gk-table.h: the rows of a spreadsheet as its readers (CSV, .xlsx) hand them out, one at a time. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GK_CELL_EMPTY,
  GK_CELL_TEXT,
  GK_CELL_NUMBER,   /* text is the number as the file writes it: "1234.5" */
  GK_CELL_DATE,     /* a number the file formats as a date; text is "2025-03-07" */
  GK_CELL_BOOLEAN,  /* text is "TRUE" or "FALSE" */
  GK_CELL_ERROR,    /* a formula's error: text is "#DIV/0!" … */
} GkCellKind;

typedef struct
{
  GkCellKind  kind;
  char       *text;   /* never NULL but for GK_CELL_EMPTY */
} GkCell;

/* Called for each row that has a cell, top to bottom: @row is the row's
 * number as the spreadsheet shows it (1-based), @cells its cells from
 * column A, @n_cells up to the last one that is not empty. The cells
 * are the reader's: copy what outlives the call. Return FALSE to stop
 * reading: with @error set, the read fails with it; without, it ends
 * there, successfully (a preview of the first rows). */
typedef gboolean (*GkTableRowFunc) (guint          row,
                                    const GkCell  *cells,
                                    guint          n_cells,
                                    gpointer       user_data,
                                    GError       **error);

#define GK_TABLE_ERROR (gk_table_error_quark ())

typedef enum
{
  GK_TABLE_ERROR_FORMAT,    /* not a workbook or CSV we can read */
  GK_TABLE_ERROR_NO_SHEET,
  GK_TABLE_ERROR_TOO_LARGE, /* a cell or row past what a clerk's sheet holds */
} GkTableError;

GQuark  gk_table_error_quark        (void);

/* The most columns and rows Excel allows: what lies beyond is refused. */
#define GK_TABLE_MAX_COLUMNS 16384
#define GK_TABLE_MAX_ROWS    1048576

/* "A" for 0, "AA" for 26. */
char   *gk_table_column_name        (guint          column);
/* The column of "C7" or "C" (2), -1 when @ref does not start with one. */
int     gk_table_column_from_ref    (const char    *ref,
                                     const char   **end);

/* For the readers: one row being filled, cell by cell, then handed out. */
typedef struct
{
  GkCell *cells;
  guint   n_cells;      /* up to the last cell set */
  guint   allocated;
} GkTableRow;

void      gk_table_row_init         (GkTableRow    *row);
/* Takes @text; refuses a column past GK_TABLE_MAX_COLUMNS. */
gboolean  gk_table_row_take         (GkTableRow    *row,
                                     guint          column,
                                     GkCellKind     kind,
                                     char          *text,
                                     GError       **error);
/* Empties the row for the next, keeping its memory. */
void      gk_table_row_clear        (GkTableRow    *row);
void      gk_table_row_free_cells   (GkTableRow    *row);

G_END_DECLS
