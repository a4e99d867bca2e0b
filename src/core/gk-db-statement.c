/* gk-db-statement.c: a prepared statement of a ledger connection, and SQL functions written in C. */
#include "config.h"

#include "gk-db-private.h"

struct _GkDbStatement
{
  GkDb *db;
  sqlite3_stmt *stmt;
};

struct _GkDbCall
{
  sqlite3_context *context;
  sqlite3_value **argv;
  int argc;
};

GkDbStatement *
gk_db_statement_new (GkDb         *db,
                     sqlite3_stmt *stmt)
{
  GkDbStatement *self = g_new0 (GkDbStatement, 1);

  self->db = db;
  self->stmt = stmt;
  return self;
}

const char *
gk_db_statement_get_sql (GkDbStatement *self)
{
  return sqlite3_sql (self->stmt);
}

void
gk_db_statement_free (gpointer data)
{
  GkDbStatement *self = data;

  sqlite3_finalize (self->stmt);
  g_free (self);
}

void
gk_db_statement_clear (GkDbStatement *self)
{
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
}

static gboolean
check_bind (GkDbStatement  *self,
            int             rc,
            GError        **error)
{
  if (rc == SQLITE_OK)
    return TRUE;
  return gk_db_set_error_from_code (self->db, rc, error);
}

gboolean
gk_db_statement_bind_null (GkDbStatement  *self,
                           int             index,
                           GError        **error)
{
  return check_bind (self, sqlite3_bind_null (self->stmt, index), error);
}

gboolean
gk_db_statement_bind_int (GkDbStatement  *self,
                          int             index,
                          int             value,
                          GError        **error)
{
  return check_bind (self, sqlite3_bind_int (self->stmt, index, value), error);
}

gboolean
gk_db_statement_bind_int64 (GkDbStatement  *self,
                            int             index,
                            gint64          value,
                            GError        **error)
{
  return check_bind (self, sqlite3_bind_int64 (self->stmt, index, value), error);
}

gboolean
gk_db_statement_bind_double (GkDbStatement  *self,
                             int             index,
                             double          value,
                             GError        **error)
{
  return check_bind (self, sqlite3_bind_double (self->stmt, index, value), error);
}

gboolean
gk_db_statement_bind_text (GkDbStatement  *self,
                           int             index,
                           const char     *text,
                           GError        **error)
{
  if (text == NULL)
    return gk_db_statement_bind_null (self, index, error);
  return check_bind (self, sqlite3_bind_text (self->stmt, index, text, -1, SQLITE_TRANSIENT), error);
}

gboolean
gk_db_statement_step (GkDbStatement  *self,
                      GError        **error)
{
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    gk_db_set_error_from_code (self->db, rc, error);
  /* A finished or failed read holds no lock and no snapshot from here on. */
  sqlite3_reset (self->stmt);
  return FALSE;
}

gboolean
gk_db_statement_step_one (GkDbStatement  *self,
                          GError        **error,
                          const char     *not_found,
                          ...)
{
  GError *local_error = NULL;
  va_list args;

  if (gk_db_statement_step (self, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  va_start (args, not_found);
  g_propagate_error (error, g_error_new_valist (GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, not_found, args));
  va_end (args);
  return FALSE;
}

gboolean
gk_db_statement_step_done (GkDbStatement  *self,
                           GError        **error)
{
  GError *local_error = NULL;

  while (gk_db_statement_step (self, &local_error))
    ;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

GArray *
gk_db_statement_collect_int64 (GkDbStatement  *self,
                               GError        **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local_error = NULL;

  while (gk_db_statement_step (self, &local_error))
    {
      gint64 value = gk_db_statement_get_int64 (self, 0);

      g_array_append_val (values, value);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

void
gk_db_statement_reset (GkDbStatement *self)
{
  sqlite3_reset (self->stmt);
}

/* Reading a column with no row ready (after step gave FALSE) or past the
 * last one is a mistake of the caller, not of the ledger. */
#define CHECK_COLUMN(self, column, value) \
  g_return_val_if_fail ((column) >= 0 && (column) < sqlite3_data_count ((self)->stmt), (value))

gboolean
gk_db_statement_get_is_null (GkDbStatement *self,
                             int            column)
{
  CHECK_COLUMN (self, column, TRUE);
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

int
gk_db_statement_get_int (GkDbStatement *self,
                         int            column)
{
  CHECK_COLUMN (self, column, 0);
  return sqlite3_column_int (self->stmt, column);
}

gint64
gk_db_statement_get_int64 (GkDbStatement *self,
                           int            column)
{
  CHECK_COLUMN (self, column, 0);
  return sqlite3_column_int64 (self->stmt, column);
}

double
gk_db_statement_get_double (GkDbStatement *self,
                            int            column)
{
  CHECK_COLUMN (self, column, 0.0);
  return sqlite3_column_double (self->stmt, column);
}

int
gk_db_statement_get_n_columns (GkDbStatement *self)
{
  return sqlite3_column_count (self->stmt);
}

const char *
gk_db_statement_get_name (GkDbStatement *self,
                          int            column)
{
  g_return_val_if_fail (column >= 0 && column < sqlite3_column_count (self->stmt), NULL);
  return sqlite3_column_name (self->stmt, column);
}

gboolean
gk_db_statement_get_is_int (GkDbStatement *self,
                            int            column)
{
  CHECK_COLUMN (self, column, FALSE);
  return sqlite3_column_type (self->stmt, column) == SQLITE_INTEGER;
}

const char *
gk_db_statement_get_text (GkDbStatement *self,
                          int            column)
{
  CHECK_COLUMN (self, column, NULL);
  return (const char *) sqlite3_column_text (self->stmt, column);
}

char *
gk_db_statement_dup_text (GkDbStatement *self,
                          int            column)
{
  return g_strdup (gk_db_statement_get_text (self, column));
}

/* gk_db_add_function() is the connection's, but lives here, with the call
 * it hands each function. */
typedef struct
{
  GkDbFunc func;
  gpointer user_data;
} Function;

static void
call_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  Function *function = sqlite3_user_data (context);
  GkDbCall call = { context, argv, argc };

  function->func (&call, function->user_data);
}

gboolean
gk_db_add_function (GkDb        *db,
                    const char  *name,
                    int          n_args,
                    GkDbFunc     func,
                    gpointer     user_data,
                    GError     **error)
{
  Function *function = g_new0 (Function, 1);
  int rc;

  function->func = func;
  function->user_data = user_data;
  /* Not deterministic: our functions follow data that clerks edit (the
   * calendar, the searches of the moment). SQLite frees @function even
   * when the registration fails. */
  rc = sqlite3_create_function_v2 (gk_db_get_handle (db), name, n_args, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                   function, call_function, NULL, NULL, g_free);
  if (rc != SQLITE_OK)
    return gk_db_set_error_from_code (db, rc, error);
  return TRUE;
}

gint64
gk_db_call_get_int64 (GkDbCall *call,
                      int       arg)
{
  g_return_val_if_fail (arg >= 0 && arg < call->argc, 0);
  return sqlite3_value_int64 (call->argv[arg]);
}

const char *
gk_db_call_get_text (GkDbCall *call,
                     int       arg)
{
  g_return_val_if_fail (arg >= 0 && arg < call->argc, NULL);
  return (const char *) sqlite3_value_text (call->argv[arg]);
}

gpointer
gk_db_call_get_cached (GkDbCall *call,
                       int       arg)
{
  return sqlite3_get_auxdata (call->context, arg);
}

void
gk_db_call_set_cached (GkDbCall       *call,
                       int             arg,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  sqlite3_set_auxdata (call->context, arg, data, destroy);
}

void
gk_db_call_return_int (GkDbCall *call,
                       int       value)
{
  sqlite3_result_int (call->context, value);
}

void
gk_db_call_return_null (GkDbCall *call)
{
  sqlite3_result_null (call->context);
}

void
gk_db_call_return_error (GkDbCall   *call,
                         const char *message)
{
  sqlite3_result_error (call->context, message, -1);
}
