/* gk-table-row.h: one row of a table field as the table editor shows it: cell texts, values and checks. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_TYPE_TABLE_ROW (gk_table_row_get_type ())
G_DECLARE_FINAL_TYPE (GkTableRow, gk_table_row, GK, TABLE_ROW, GObject)

/* Cells are indexed by the table's columns (retired ones included). */
GkTableRow *gk_table_row_new            (const GkField *table);
/* From a stored row object; members without a column are kept aside and
 * written back, so nothing stored is lost by editing. */
GkTableRow *gk_table_row_new_from_json  (const GkField *table,
                                         JsonNode      *row);
/* As the clerk typed it: parsed and checked. */
void        gk_table_row_set_text       (GkTableRow    *self,
                                         const GkField *table,
                                         guint          column,
                                         const char    *text);
const char *gk_table_row_get_text       (GkTableRow    *self,
                                         guint          column);
JsonNode   *gk_table_row_get_value      (GkTableRow    *self,
                                         guint          column);
GkSeverity  gk_table_row_get_severity   (GkTableRow    *self,
                                         guint          column);
const char *gk_table_row_get_message    (GkTableRow    *self,
                                         guint          column);
/* Grows with every change of a cell: a cell widget showing this revision is current. */
guint       gk_table_row_get_revision   (GkTableRow    *self);
/* The row object to store. */
JsonNode   *gk_table_row_to_json        (GkTableRow    *self,
                                         const GkField *table);

G_END_DECLS
