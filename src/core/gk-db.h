/* gk-db.h: private to the core: one SQLite connection (open checks, migrations) and its statements. */
#pragma once

#include <glib.h>

#include "gk-db-statement.h"
#include "gk-error.h"

G_BEGIN_DECLS

/* Ledgers up to this size are integrity-checked before they open (well
 * under 0.1 s); larger ones are checked by gk_db_verify(). */
#define GK_DB_CHECK_AT_OPEN_MAX_BYTES (48 * 1024 * 1024)

/* "GkLg": marks a SQLite file as a Gongkai ledger. */
#define GK_DB_APPLICATION_ID 0x476b4c67

typedef struct _GkDb GkDb;

typedef enum
{
  GK_DB_OPEN_NONE = 0,
  /* A missing or empty file becomes a new ledger. Without it, only an
   * existing ledger opens (read commands must not create files). */
  GK_DB_OPEN_CREATE = 1 << 0,
  /* Only to read, as it is: no migration, no change of journal (backups). */
  GK_DB_OPEN_READ_ONLY = 1 << 1,
} GkDbOpenFlags;

GkDb         *gk_db_open              (const char   *path,
                                       GError      **error);
/* A connection that can only read (SQLite refuses writes): no migration,
 * no seeding, no check of the whole file; it reads a ledger on a read-only
 * disk or in a read-only folder, and leaves no file beside the ledger. A
 * ledger in an older format fails with GK_DB_ERROR_OUTDATED. */
GkDb         *gk_db_open_read_only    (const char   *path,
                                       GError      **error);
/* For tests of the migrations: stop at @version instead of the newest. */
GkDb         *gk_db_open_at_version   (const char   *path,
                                       int           version,
                                       GError      **error);
GkDb         *gk_db_open_full         (const char   *path,
                                       int           version,
                                       GkDbOpenFlags flags,
                                       GError      **error);
void          gk_db_close             (GkDb         *db);
/* The full integrity check; safe to call from another thread. */
gboolean      gk_db_verify            (GkDb         *db,
                                       GError      **error);
gboolean      gk_db_is_verified       (GkDb         *db);
int           gk_db_schema_version    (void);
const char   *gk_db_get_sqlite_version (void);
int           gk_db_get_user_version  (GkDb         *db);
const char   *gk_db_get_path          (GkDb         *db);
/* How long a statement waits for another connection's lock before it
 * fails with GK_DB_ERROR_BUSY. */
void          gk_db_set_busy_timeout  (GkDb         *db,
                                       int           milliseconds);

/* Copies the ledger with SQLite's online backup into its backups folder
 * (see gk-backup.h), named by the time and @reason, and keeps the newest
 * of them as the ledger's setting says. Returns the copy's path. */
char         *gk_db_backup            (GkDb         *db,
                                       const char   *reason,
                                       GError      **error);

gboolean      gk_db_exec              (GkDb         *db,
                                       const char   *sql,
                                       GError      **error);

/* The row id of the last INSERT, and the rows the last write changed. */
gint64        gk_db_get_last_insert_id (GkDb        *db);
int           gk_db_get_changes       (GkDb         *db);
/* Rows changed through this connection since it opened. */
gint64        gk_db_get_total_changes (GkDb         *db);
gboolean      gk_db_in_transaction    (GkDb         *db);

/* Writes go through one IMMEDIATE transaction at a time; nesting is counted. */
gboolean      gk_db_begin             (GkDb         *db,
                                       GError      **error);
gboolean      gk_db_commit            (GkDb         *db,
                                       GError      **error);
void          gk_db_rollback          (GkDb         *db);
/* A read in one snapshot, ended with gk_db_commit() or gk_db_rollback():
 * its statements share one lock instead of taking one each. */
gboolean      gk_db_begin_read        (GkDb         *db,
                                       GError      **error);

/* Statements are cached per SQL text and owned by @db: the one returned
 * is reset and unbound, and stays valid until @db closes. */
GkDbStatement *gk_db_prepare          (GkDb          *db,
                                       const char    *sql,
                                       GError       **error);
/* SQL functions written in C (see GkDbFunc). */
gboolean      gk_db_add_function      (GkDb         *db,
                                       const char   *name,
                                       int           n_args,
                                       GkDbFunc      func,
                                       gpointer      user_data,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDb, gk_db_close)

G_END_DECLS
