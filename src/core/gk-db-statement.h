/* gk-db-statement.h: private to the core: a statement of a ledger connection (see gk_db_prepare()), and SQL functions in C. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GkDbStatement GkDbStatement;
typedef struct _GkDbCall GkDbCall;

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
/* Runs a read to the end: its rows' first column as gint64, in order, or
 * NULL with @error set when it failed. */
GArray       *gk_db_statement_collect_int64 (GkDbStatement *self,
                                             GError       **error);
/* Ends a read early, releasing what it holds; the bindings stay. */
void          gk_db_statement_reset      (GkDbStatement *self);

/* Columns count from 0. NULL reads as 0 or as a NULL string. */
gboolean      gk_db_statement_get_is_null (GkDbStatement *self,
                                          int            column);
int           gk_db_statement_get_int    (GkDbStatement *self,
                                          int            column);
gint64        gk_db_statement_get_int64  (GkDbStatement *self,
                                          int            column);
double        gk_db_statement_get_double (GkDbStatement *self,
                                          int            column);
/* The columns a statement gives, by name: for writers that copy every
 * column of a table, whichever migrations added them. */
int           gk_db_statement_get_n_columns (GkDbStatement *self);
const char   *gk_db_statement_get_name   (GkDbStatement *self,
                                          int            column);
/* TRUE when the column of the current row holds an integer. */
gboolean      gk_db_statement_get_is_int (GkDbStatement *self,
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

G_END_DECLS
