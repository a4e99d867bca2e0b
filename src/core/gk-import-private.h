/* gk-import-private.h: what the import engine asks of the store: its batches and the keys of the rows it brought in. */
#pragma once

#include "gk-import.h"
#include "gk-store-private.h"

G_BEGIN_DECLS

/* Adds the batch's row; the caller holds the write transaction. */
gint64    gk_store_add_import_batch     (GkStore      *self,
                                         gint64        item_id,
                                         const char   *file_name,
                                         const char   *sheet,
                                         GError      **error);
/* Whether a record of @item_id came from a row with @row_key. */
gboolean  gk_store_has_import_row       (GkStore      *self,
                                         gint64        item_id,
                                         const char   *row_key,
                                         gboolean     *found,
                                         GError      **error);
gboolean  gk_store_add_import_row       (GkStore      *self,
                                         gint64        batch_id,
                                         GkRecord     *record,
                                         const char   *row_key,
                                         GError      **error);

G_END_DECLS
