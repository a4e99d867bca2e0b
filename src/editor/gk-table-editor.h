/* gk-table-editor.h: a table field (中标候选人, 分配结果 …) as rows to add, reorder, remove and paste. */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_TYPE_TABLE_EDITOR (gk_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (GkTableEditor, gk_table_editor, GK, TABLE_EDITOR, GtkWidget)

/* Actions, in the widget's "table" group: table.add-row, table.remove-row,
 * table.move-up, table.move-down, table.paste (rows from the clipboard). */
GtkWidget     *gk_table_editor_new            (const GkField *table);
const GkField *gk_table_editor_get_field      (GkTableEditor *self);
GListModel    *gk_table_editor_get_model      (GkTableEditor *self);
guint          gk_table_editor_get_n_rows     (GkTableEditor *self);

/* Shows stored rows (a JSON array, or NULL). Emits no "changed". */
void           gk_table_editor_set_rows       (GkTableEditor *self,
                                               JsonNode      *rows);
/* The rows to store: an array, or NULL when there are none. */
JsonNode      *gk_table_editor_dup_rows       (GkTableEditor *self);
/* GkIssue of the table's cells and of the table as a whole (transfer full). */
GPtrArray     *gk_table_editor_get_issues     (GkTableEditor *self);

/* As if the clerk typed @text in a cell. */
void           gk_table_editor_set_cell_text  (GkTableEditor *self,
                                               guint          row,
                                               const char    *column_id,
                                               const char    *text);
/* Appends tab-separated rows, as the paste action does with the clipboard;
 * returns the number of rows added. */
guint          gk_table_editor_paste_text     (GkTableEditor *self,
                                               const char    *tsv);
/* The words under the table: the last paste, then its problems. */
const char    *gk_table_editor_get_summary    (GkTableEditor *self);
/* What the last paste did, in words, or NULL. */
const char    *gk_table_editor_get_report     (GkTableEditor *self);
void           gk_table_editor_select_row     (GkTableEditor *self,
                                               guint          row);

G_END_DECLS
