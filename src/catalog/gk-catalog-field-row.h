/* gk-catalog-field-row.h: one field of a catalog item in its editor: its label to edit, and buttons to move and retire it. */
#pragma once

#include <adwaita.h>

#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_FIELD_ROW (gk_catalog_field_row_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogFieldRow, gk_catalog_field_row, GK, CATALOG_FIELD_ROW, AdwEntryRow)

/* The row of @field at @position of @n_fields, showing @text (NULL: the
 * field's label). Its buttons act through catalog.move-field-up,
 * catalog.move-field-down, catalog.retire-field and catalog.restore-field. */
GtkWidget  *gk_catalog_field_row_new               (const GkField      *field,
                                                    guint               position,
                                                    guint               n_fields,
                                                    const char         *text);
const char *gk_catalog_field_row_get_field_id      (GkCatalogFieldRow  *self);
/* The row under it that tells what is wrong with the label. */
GtkWidget  *gk_catalog_field_row_get_message_row   (GkCatalogFieldRow  *self);
GtkWidget  *gk_catalog_field_row_get_move_button   (GkCatalogFieldRow  *self,
                                                    gboolean            up);
GtkWidget  *gk_catalog_field_row_get_retire_button (GkCatalogFieldRow  *self);
/* Shows @check of the label typed (NULL or OK: nothing wrong). */
void        gk_catalog_field_row_show_check        (GkCatalogFieldRow  *self,
                                                    const GkValidation *check);

G_END_DECLS
