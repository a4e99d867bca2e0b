/* gk-catalog-fields.h: the fields of a catalog item in its editor: rename, move, retire and add them. */
#pragma once

#include <adwaita.h>

#include "gk-schema.h"
#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_FIELDS (gk_catalog_fields_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogFields, gk_catalog_fields, GK, CATALOG_FIELDS, GtkWidget)

GtkWidget  *gk_catalog_fields_new               (void);
/* The ledger asked which value keys old records hold, so that a new field never takes one. */
void        gk_catalog_fields_set_store         (GkCatalogFields *self,
                                                 GkStore         *store);
/* Shows the fields of item @item_id, an editable copy of @schema; NULL:
 * no item, or fields that cannot be read (then none can be added). */
void        gk_catalog_fields_set_schema        (GkCatalogFields *self,
                                                 gint64           item_id,
                                                 GkSchema        *schema);
/* A copy of the field schema with the edits so far; NULL when none was shown. */
GkSchema   *gk_catalog_fields_dup_schema        (GkCatalogFields *self);

/* Takes back the last move, retirement or offer-again (as the toast's
 * Undo does); FALSE when there is none to take back. */
gboolean    gk_catalog_fields_undo              (GkCatalogFields *self);
/* Changes field @id as its Edit Field dialog does: required, kind, and for
 * a choice field its choices (labels separated by 、; NULL keeps them).
 * What the values records hold refuses: the reason is in @error and
 * under the field's row, and nothing changes. */
gboolean    gk_catalog_fields_edit_field        (GkCatalogFields *self,
                                                 const char      *id,
                                                 gboolean         required,
                                                 GkFieldKind      kind,
                                                 const char      *choices,
                                                 GError         **error);
/* A choice field's choices as the dialog shows them, or NULL. */
char       *gk_catalog_fields_dup_choices_text  (GkCatalogFields *self,
                                                 const char      *id);

/* The rows of the new field, by name: "new-label", "new-kind", "new-parts"; and the
 * problem shown under "new-label". */
GtkWidget  *gk_catalog_fields_get_row           (GkCatalogFields *self,
                                                 const char      *name);
const char *gk_catalog_fields_get_message       (GkCatalogFields *self,
                                                 const char      *name);
/* The row of field @id, and the problem shown under it (NULL: none). */
GtkWidget  *gk_catalog_fields_get_field_row     (GkCatalogFields *self,
                                                 const char      *id);
const char *gk_catalog_fields_get_field_message (GkCatalogFields *self,
                                                 const char      *id);

G_END_DECLS
