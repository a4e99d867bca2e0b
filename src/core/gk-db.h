/* gk-db.h: private to the core: one SQLite connection (open checks, migrations) and its statements. */
#pragma once

#include <glib.h>

#include "gk-error.h"

G_BEGIN_DECLS

/* Ledgers up to this size are integrity-checked before they open (well
 * under 0.1 s); larger ones are checked by gk_db_verify(). */
#define GK_DB_CHECK_AT_OPEN_MAX_BYTES (48 * 1024 * 1024)

/* "GkLg": marks a SQLite file as a Gongkai ledger. */
#define GK_DB_APPLICATION_ID 0x476b4c67

typedef struct _GkDb GkDb;
typedef struct _GkDbStatement GkDbStatement;
typedef struct _GkDbCall GkDbCall;

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
const char   *gk_db_get_sqlite_version (void);
int           gk_db_get_user_version  (GkDb         *db);
const char   *gk_db_get_path          (GkDb         *db);
/* How long a statement waits for another connection's lock before it
 * fails with GK_DB_ERROR_BUSY. */
void          gk_db_set_busy_timeout  (GkDb         *db,
                                       int           milliseconds);

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

/* Statements are cached per SQL text and owned by @db: the one returned
 * is reset and unbound, and stays valid until @db closes. */
GkDbStatement *gk_db_prepare          (GkDb          *db,
                                       const char    *sql,
                                       GError       **error);
/* Parameters count from 1, as ?1 does in the SQL. */
gboolean      gk_db_statement_bind_null  (GkDbStatement *self,
                                          int            index,
                                          GError       **error);
gboolean      gk_db_statement_bind_int   (GkDbStatement *self,
                                          int            index,
                                          int            value,
                                          GError       **error);
gboolean      gk_db_statement_bind_int64 (GkDbStatement *self,
                                          int            index,
                                          gint64         value,
                                          GError       **error);
gboolean      gk_db_statement_bind_double (GkDbStatement *self,
                                          int            index,
                                          double         value,
                                          GError       **error);
/* A NULL @text binds SQL NULL. */
gboolean      gk_db_statement_bind_text  (GkDbStatement *self,
                                          int            index,
                                          const char    *text,
                                          GError       **error);
/* TRUE when a row is ready to read. FALSE either when the statement is
 * done (@error left unset) or when it failed (@error set): only the first
 * means "no more rows". After FALSE the statement is reset. */
gboolean      gk_db_statement_step       (GkDbStatement *self,
                                          GError       **error);
/* Steps to the one row a lookup expects. FALSE with @error set either way:
 * GK_DB_ERROR_NOT_FOUND, with the message @not_found formats, when the
 * statement finished without a row; another code when it failed. */
gboolean      gk_db_statement_step_one   (GkDbStatement *self,
                                          GError       **error,
                                          const char    *not_found,
                                          ...) G_GNUC_PRINTF (3, 4);
/* Runs a write (or any statement whose rows do not matter) to the end. */
gboolean      gk_db_statement_step_done  (GkDbStatement *self,
                                          GError       **error);
/* Ends a read early, releasing what it holds; the bindings stay. */
void          gk_db_statement_reset      (GkDbStatement *self);
const char   *gk_db_statement_get_sql    (GkDbStatement *self);

/* Columns count from 0. NULL reads as 0 or as a NULL string. */
gboolean      gk_db_statement_get_is_null (GkDbStatement *self,
                                          int            column);
int           gk_db_statement_get_int    (GkDbStatement *self,
                                          int            column);
gint64        gk_db_statement_get_int64  (GkDbStatement *self,
                                          int            column);
double        gk_db_statement_get_double (GkDbStatement *self,
                                          int            column);
/* Valid until the next step or reset. */
const char   *gk_db_statement_get_text   (GkDbStatement *self,
                                          int            column);
char         *gk_db_statement_dup_text   (GkDbStatement *self,
                                          int            column);

/* SQL functions written in C: @func reads its arguments from @call and
 * sets one result. */
typedef void (*GkDbFunc) (GkDbCall *call,
                          gpointer  user_data);

gboolean      gk_db_add_function      (GkDb         *db,
                                       const char   *name,
                                       int           n_args,
                                       GkDbFunc      func,
                                       gpointer      user_data,
                                       GError      **error);
gint64        gk_db_call_get_int64    (GkDbCall     *call,
                                       int           arg);
const char   *gk_db_call_get_text     (GkDbCall     *call,
                                       int           arg);
/* Data kept with argument @arg while it stays the same within one run of a
 * statement (a constant argument): computed on the first row, reused. */
gpointer      gk_db_call_get_cached   (GkDbCall     *call,
                                       int           arg);
void          gk_db_call_set_cached   (GkDbCall     *call,
                                       int           arg,
                                       gpointer      data,
                                       GDestroyNotify destroy);
void          gk_db_call_return_int   (GkDbCall     *call,
                                       int           value);
void          gk_db_call_return_null  (GkDbCall     *call);
void          gk_db_call_return_error (GkDbCall     *call,
                                       const char   *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDb, gk_db_close)

G_END_DECLS
