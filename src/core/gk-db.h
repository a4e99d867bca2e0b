/* gk-db.h: a small wrapper over one SQLite connection: open checks, migrations, statements. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define GK_DB_ERROR (gk_db_error_quark ())

typedef enum
{
  GK_DB_ERROR_NOT_LEDGER,     /* not a SQLite file, or a SQLite file of another program */
  GK_DB_ERROR_CORRUPT,        /* the integrity check failed */
  GK_DB_ERROR_TOO_NEW,        /* written by a newer Gongkai */
  GK_DB_ERROR_SQL,            /* any other SQLite failure */
  GK_DB_ERROR_CONSTRAINT,     /* a write broke a rule of the schema */
  GK_DB_ERROR_NOT_FOUND,
  GK_DB_ERROR_INVALID,        /* the caller asked for something the ledger does not allow */
} GkDbError;

/* Ledgers up to this size are integrity-checked before they open (well
 * under 0.1 s); larger ones are checked by gk_db_verify(). */
#define GK_DB_CHECK_AT_OPEN_MAX_BYTES (48 * 1024 * 1024)

/* "GkLg": marks a SQLite file as a Gongkai ledger. */
#define GK_DB_APPLICATION_ID 0x476b4c67

typedef struct _GkDb GkDb;

GQuark        gk_db_error_quark       (void);

GkDb         *gk_db_open              (const char   *path,
                                       GError      **error);
/* For tests of the migrations: stop at @version instead of the newest. */
GkDb         *gk_db_open_at_version   (const char   *path,
                                       int           version,
                                       GError      **error);
void          gk_db_close             (GkDb         *db);
/* The full integrity check; safe to call from another thread. */
gboolean      gk_db_verify            (GkDb         *db,
                                       GError      **error);
gboolean      gk_db_is_verified       (GkDb         *db);
int           gk_db_schema_version    (void);
int           gk_db_get_user_version  (GkDb         *db);
sqlite3      *gk_db_get_handle        (GkDb         *db);
const char   *gk_db_get_path          (GkDb         *db);

gboolean      gk_db_exec              (GkDb         *db,
                                       const char   *sql,
                                       GError      **error);
/* Statements are cached per SQL text; the returned one is reset and unbound. */
sqlite3_stmt *gk_db_prepare           (GkDb         *db,
                                       const char   *sql,
                                       GError      **error);
gboolean      gk_db_step_done         (GkDb         *db,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
gboolean      gk_db_set_error         (GkDb         *db,
                                       GError      **error);

/* Writes go through one IMMEDIATE transaction at a time; nesting is counted. */
gboolean      gk_db_begin             (GkDb         *db,
                                       GError      **error);
gboolean      gk_db_commit            (GkDb         *db,
                                       GError      **error);
void          gk_db_rollback          (GkDb         *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDb, gk_db_close)

G_END_DECLS
