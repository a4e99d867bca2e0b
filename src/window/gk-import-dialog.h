/* gk-import-dialog.h: "Import Spreadsheet": a workbook's or CSV's columns mapped to an item's fields, previewed, then imported as one batch. */
#pragma once

#include <adwaita.h>

#include "gk-import.h"

G_BEGIN_DECLS

#define GK_TYPE_IMPORT_DIALOG (gk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkImportDialog, gk_import_dialog, GK, IMPORT_DIALOG, AdwWindow)

/* Reads the header and first rows of @file and guesses the catalog item
 * whose fields its headers name best. Emits "imported" (the batch id and
 * the records it added) and closes once an import went in. */
GkImportDialog *gk_import_dialog_new             (GtkWindow      *parent,
                                                  GkStore        *store,
                                                  GFile          *file,
                                                  GError        **error);
GkImport       *gk_import_dialog_get_import      (GkImportDialog *self);
/* What the dialog shows, for tests: the combo row choosing column
 * @column's field, and the problems listed. */
AdwComboRow    *gk_import_dialog_get_column_row  (GkImportDialog *self,
                                                  guint           column);
AdwComboRow    *gk_import_dialog_get_item_row    (GkImportDialog *self);
guint           gk_import_dialog_get_n_problems  (GkImportDialog *self);
/* The text of the preview's cell of data row @row (0-based) and column
 * @column, or NULL when the preview does not show it. */
const char     *gk_import_dialog_get_preview_text (GkImportDialog *self,
                                                   guint           row,
                                                   guint           column);

G_END_DECLS
