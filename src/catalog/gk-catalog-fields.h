/* gk-catalog-fields.h: the fields of a catalog item in its editor: rename, move, retire and add them. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_FIELDS (gk_catalog_fields_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogFields, gk_catalog_fields, GK, CATALOG_FIELDS, GtkWidget)

GtkWidget  *gk_catalog_fields_new               (void);
/* The ledger asked which value keys old records hold, so that a new field never takes one. */
void        gk_catalog_fields_set_store         (GkCatalogFields *self,
                                                 GkStore         *store);
/* Shows the fields of item @item_id as @json (a field schema) has them;
 * @json NULL: no item. FALSE with @error when @json cannot be read: then
 * no field is shown and none can be added. */
gboolean    gk_catalog_fields_set_fields        (GkCatalogFields *self,
                                                 gint64           item_id,
                                                 const char      *json,
                                                 GError         **error);
/* The field schema with the edits so far, as JSON; NULL when none was read. */
char       *gk_catalog_fields_dup_fields        (GkCatalogFields *self);

/* The rows of the new field, by name: "new-label", "new-kind"; and the
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
