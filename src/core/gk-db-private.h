/* gk-db-private.h: what the connection and its statements share, inside gk-db*.c only. */
#pragma once

#include <sqlite3.h>

#include "gk-db.h"

G_BEGIN_DECLS

sqlite3       *gk_db_get_handle          (GkDb          *db);
/* @rc is what the failed call returned. */
gboolean       gk_db_set_error_from_code (GkDb          *db,
                                          int            rc,
                                          GError       **error);

/* The same for a connection that is not a GkDb (a backup's), about @path. */
void           gk_db_set_error_for       (sqlite3       *handle,
                                          const char    *path,
                                          int            rc,
                                          GError       **error);

GkDbStatement *gk_db_statement_new       (GkDb          *db,
                                          sqlite3_stmt  *stmt);
void           gk_db_statement_free      (gpointer       statement);
const char    *gk_db_statement_get_sql   (GkDbStatement *self);
/* Reset and unbound, for the next caller of gk_db_prepare(). */
void           gk_db_statement_clear     (GkDbStatement *self);

G_END_DECLS
