/* gk-table-cell.h: one cell of a table field's column view: the entry or dropdown that edits one column of one row. */
#pragma once

#include <gtk/gtk.h>

#include "gk-schema.h"
#include "gk-table-row.h"

G_BEGIN_DECLS

#define GK_TYPE_TABLE_CELL (gk_table_cell_get_type ())
G_DECLARE_FINAL_TYPE (GkTableCell, gk_table_cell, GK, TABLE_CELL, GtkWidget)

/* A cell of column @column (an index into @table's columns, retired ones
 * included). @table must outlive the cell. */
GtkWidget     *gk_table_cell_new          (const GkField *table,
                                           guint          column);
const GkField *gk_table_cell_get_column   (GkTableCell   *self);
guint          gk_table_cell_get_column_index (GkTableCell *self);
/* How wide a cell of @column is, in Latin characters. */
int            gk_table_cell_width_for_column (const GkField *column);

/* The row shown; showing the row it already shows at its current revision
 * changes nothing, so a rebind does not disturb the clerk's typing. */
GkTableRow    *gk_table_cell_get_row      (GkTableCell   *self);
void           gk_table_cell_set_row      (GkTableCell   *self,
                                           GkTableRow    *row);
/* The 0-based position of the row in the table (its accessible name says it). */
guint          gk_table_cell_get_position (GkTableCell   *self);
void           gk_table_cell_set_position (GkTableCell   *self,
                                           guint          position);

/* The cell's text as the clerk typed it; for a choice, the stored value.
 * Setting it is editing the cell as the clerk does: the row takes it and
 * "changed" is emitted. */
const char    *gk_table_cell_get_value    (GkTableCell   *self);
void           gk_table_cell_set_value    (GkTableCell   *self,
                                           const char    *value);

/* The cell shows its text cut short with "…" (the whole text is its tooltip). */
gboolean       gk_table_cell_is_ellipsized (GkTableCell *self);

G_END_DECLS
