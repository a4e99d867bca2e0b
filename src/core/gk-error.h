/* gk-error.h: the errors a ledger reports, from its database up through the store. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_DB_ERROR (gk_db_error_quark ())

typedef enum
{
  GK_DB_ERROR_NOT_LEDGER,     /* not a SQLite file, or a SQLite file of another program */
  GK_DB_ERROR_CORRUPT,        /* the integrity check failed */
  GK_DB_ERROR_TOO_NEW,        /* written by a newer Gongkai */
  GK_DB_ERROR_SQL,            /* any other SQLite failure */
  GK_DB_ERROR_CONSTRAINT,     /* a write broke a rule of the schema */
  GK_DB_ERROR_NOT_FOUND,      /* the ledger was read, and holds no such thing */
  GK_DB_ERROR_INVALID,        /* the caller asked for something the ledger does not allow */
  GK_DB_ERROR_BUSY,           /* another program holds the ledger locked */
  GK_DB_ERROR_OUTDATED,       /* a read-only open found a ledger that needs updating */
  GK_DB_ERROR_MISSING,        /* no ledger at the path, and none was to be created */
  GK_DB_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  GK_DB_ERROR_DISK_FULL,      /* the disk holding the ledger is full */
  GK_DB_ERROR_IO,             /* the system could not read or write the file */
} GkDbError;

GQuark gk_db_error_quark (void);

G_END_DECLS
