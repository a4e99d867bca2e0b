/* gk-exchange.c: writes a ledger's own data as an exchange file and merges one into a ledger, record by record. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gk-db-statement.h"
#include "gk-exchange.h"
#include "gk-store-private.h"

/* How often progress is told, in records. */
#define PROGRESS_STEP 100

/* TEXT columns that hold JSON: the file carries them as JSON values, so
 * that a reader sees a record's fields, not a string of them. */
static const char * const json_columns[] = { "fields", "channels", NULL };

void
gk_exchange_conflict_free (GkExchangeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uuid);
  g_free (conflict->index_no);
  g_free (conflict->title);
  g_free (conflict->reason);
  g_free (conflict);
}

void
gk_exchange_result_free (GkExchangeResult *result)
{
  if (result == NULL)
    return;
  g_free (result->organisation_code);
  g_free (result->organisation_name);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

void
gk_organisation_free (GkOrganisation *organisation)
{
  if (organisation == NULL)
    return;
  g_free (organisation->code);
  g_free (organisation->name);
  g_free (organisation->source);
  g_free (organisation->imported_at);
  g_free (organisation);
}

/* Rows as JSON */

static gboolean
is_skipped (const char        *name,
            const char * const *skip)
{
  return skip != NULL && g_strv_contains (skip, name);
}

/* Adds the current row's columns as members, leaving out @skip; a column
 * named gk_NAME is added as NAME (a reference by key, UUID or name that
 * stands for the local id). */
static void
add_row_members (JsonBuilder        *builder,
                 GkDbStatement      *stmt,
                 const char * const *skip)
{
  int n = gk_db_statement_get_n_columns (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = gk_db_statement_get_name (stmt, i);
      const char *text;

      if (is_skipped (name, skip))
        continue;
      json_builder_set_member_name (builder, g_str_has_prefix (name, "gk_") ? name + 3 : name);

      if (gk_db_statement_get_is_null (stmt, i))
        {
          json_builder_add_null_value (builder);
          continue;
        }
      if (gk_db_statement_get_is_int (stmt, i))
        {
          json_builder_add_int_value (builder, gk_db_statement_get_int64 (stmt, i));
          continue;
        }

      text = gk_db_statement_get_text (stmt, i);
      if (g_strv_contains (json_columns, name))
        {
          g_autoptr(JsonNode) node = json_from_string (text, NULL);

          if (node != NULL)
            {
              json_builder_add_value (builder, g_steal_pointer (&node));
              continue;
            }
        }
      json_builder_add_string_value (builder, text);
    }
}

/* Every row of @stmt (bound, not yet stepped) as an array member @name. */
static gboolean
add_rows (JsonBuilder        *builder,
          const char         *name,
          GkDbStatement      *stmt,
          const char * const *skip,
          GError            **error)
{
  GError *local_error = NULL;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  while (gk_db_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      add_row_members (builder, stmt, skip);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static char *
builder_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A record's columns with its item, project and unit by key, UUID and name. */
#define RECORD_SQL \
  "SELECT r.*, i.key AS gk_item, p.uuid AS gk_project, u.name AS gk_unit " \
  "FROM records r JOIN catalog_items i ON i.id = r.item_id " \
  "LEFT JOIN projects p ON p.id = r.project_id LEFT JOIN units u ON u.id = r.unit_id "

static const char * const record_skip[] = { "id", "item_id", "project_id", "unit_id", "organisation_id", NULL };
static const char * const child_skip[] = { "id", "record_id", NULL };
static const char * const history_skip[] = { "id", "record_uuid", NULL };

/* Columns each ledger derives from its own calendar and rules: a due date
 * recomputed after a calendar update is no change of the clerk's, so the
 * hash leaves them out (else it would be a conflict at the next import). */
static const char * const derived_columns[] = { "due_on", "due_missing_year", NULL };

/* The record at the current row of @stmt (RECORD_SQL) as JSON text in
 * *@text (when not NULL), with its channels, 变更 and attachments but not
 * its history; and in *@hash what both sides compare to tell whether a
 * record changed: the SHA-256 of the same text without the derived
 * columns. An import compares, and needs no text. */
static gboolean
get_record_text (GkStore        *store,
                 GkDbStatement  *stmt,
                 char          **text,
                 char          **hash,
                 GError        **error)
{
  static const struct { const char *member, *sql; } children[] = {
    { "channels", "SELECT * FROM record_channels WHERE record_id = ?1 ORDER BY channel" },
    { "changes", "SELECT * FROM record_changes WHERE record_id = ?1 ORDER BY id" },
    { "attachments", "SELECT * FROM attachments WHERE record_id = ?1 ORDER BY id" },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 id = gk_db_statement_get_int64 (stmt, 0);
  GkDb *db = gk_store_get_db (store);

  json_builder_begin_object (builder);
  add_row_members (builder, stmt, record_skip);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      GkDbStatement *child = gk_db_prepare (db, children[i].sql, error);

      if (child == NULL ||
          !gk_db_statement_bind_int64 (child, 1, id, error) ||
          !add_rows (builder, children[i].member, child, child_skip, error))
        return FALSE;
    }
  json_builder_end_object (builder);

  {
    g_autoptr(JsonNode) root = json_builder_get_root (builder);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    JsonObject *object = json_node_get_object (root);
    g_autofree char *compared = NULL;

    json_generator_set_root (generator, root);
    if (text != NULL)
      *text = json_generator_to_data (generator, NULL);
    for (guint i = 0; derived_columns[i] != NULL; i++)
      json_object_remove_member (object, derived_columns[i]);
    compared = json_generator_to_data (generator, NULL);
    *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, compared, -1);
    return TRUE;
  }
}

static char *
dup_history_text (GkStore     *store,
                  const char  *uuid,
                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (store),
                                       "SELECT * FROM history WHERE record_uuid = ?1 ORDER BY id", error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  json_builder_begin_object (builder);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error) ||
      !add_rows (builder, "history", stmt, history_skip, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, json_object_get_member (json_node_get_object (root), "history"));
  return json_generator_to_data (generator, NULL);
}

/* Writing */

static gboolean
write_text (GOutputStream  *out,
            const char     *text,
            GCancellable   *cancellable,
            GError        **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, error);
}

/* "name":VALUE, with the value a JSON text. */
static gboolean
write_member (GOutputStream  *out,
              const char     *name,
              const char     *json,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autofree char *text = g_strdup_printf ("\"%s\":%s,\n", name, json);

  return write_text (out, text, cancellable, error);
}

/* The organisation @organisation_id (0 the home one) with its units. */
static char *
dup_organisation_text (GkStore  *store,
                       gint64    organisation_id,
                       GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GkDb *db = gk_store_get_db (store);
  GkDbStatement *stmt;
  static const char * const organisation_skip[] = { "id", NULL };
  static const char * const unit_skip[] = { "id", "organisation_id", NULL };

  /* An imported organisation is known by what its file said of it. */
  if (organisation_id == 0)
    stmt = gk_db_prepare (db, "SELECT * FROM organisation WHERE id = 1 AND ?1 = 0", error);
  else
    stmt = gk_db_prepare (db, "SELECT name, code FROM organisations WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, organisation_id, error) ||
      !gk_db_statement_step_one (stmt, error, _("The ledger has no organisation")))
    return NULL;
  json_builder_begin_object (builder);
  add_row_members (builder, stmt, organisation_skip);
  gk_db_statement_reset (stmt);

  stmt = gk_db_prepare (db, "SELECT * FROM units WHERE organisation_id IS nullif (?1, 0) ORDER BY position, id", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, organisation_id, error) ||
      !add_rows (builder, "units", stmt, unit_skip, error))
    return NULL;
  json_builder_end_object (builder);
  return builder_to_text (builder);
}

/* The rows of @sql (bound to the hidden records as ?1 and the organisation
 * as ?2) as a JSON array. */
static char *
dup_array_text (GkStore            *store,
                const char         *sql,
                const char         *hidden,
                gint64              organisation_id,
                const char * const *skip,
                GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (store), sql, error);

  json_builder_begin_object (builder);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, hidden, error) ||
      !gk_db_statement_bind_int64 (stmt, 2, organisation_id, error) ||
      !add_rows (builder, "rows", stmt, skip, error))
    return NULL;
  json_builder_end_object (builder);

  text = builder_to_text (builder);
  /* {"rows":[…]} → […] */
  return g_strndup (text + strlen ("{\"rows\":"), strlen (text) - strlen ("{\"rows\":") - 1);
}

/* The exported organisation's records (?2: its organisations.id, 0 the
 * home one), less those deleted pending an undo (?1). */
#define OWN_RECORDS \
  "(SELECT id FROM records WHERE organisation_id IS nullif (?2, 0) AND uuid NOT IN (SELECT value FROM json_each (?1)))"

gint64
gk_exchange_get_organisation_id (GkStore *store)
{
  /* -1 is the home organisation, 0 every one: a file carries one. */
  return MAX (store->report_scope, 0);
}

gboolean
gk_exchange_write (GkStore            *store,
                   GOutputStream      *out,
                   GkExchangeProgress  progress,
                   gpointer            user_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  static const char * const item_skip[] = { "id", NULL };
  static const char * const project_skip[] = { "id", "unit_id", NULL };
  g_autofree char *hidden = gk_store_dup_hidden_json (store);
  g_autofree char *now = gk_store_now ();
  g_autofree char *header = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;
  guint total = 0, done = 0;
  gint64 organisation_id;

  g_return_val_if_fail (GK_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (hidden == NULL)
    hidden = g_strdup ("[]");
  organisation_id = gk_exchange_get_organisation_id (store);

  stmt = gk_db_prepare (gk_store_get_db (store), "SELECT count (*) FROM " OWN_RECORDS, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, hidden, error) ||
      !gk_db_statement_bind_int64 (stmt, 2, organisation_id, error) ||
      !gk_db_statement_step_one (stmt, error, "count"))
    return FALSE;
  total = gk_db_statement_get_int (stmt, 0);
  gk_db_statement_reset (stmt);

  organisation = dup_organisation_text (store, organisation_id, error);
  if (organisation == NULL)
    return FALSE;
  catalog = dup_array_text (store, "SELECT * FROM catalog_items WHERE id IN "
                            "(SELECT item_id FROM records WHERE id IN " OWN_RECORDS ") ORDER BY position, id",
                            hidden, organisation_id, item_skip, error);
  if (catalog == NULL)
    return FALSE;
  projects = dup_array_text (store, "SELECT p.*, u.name AS gk_unit FROM projects p LEFT JOIN units u ON u.id = p.unit_id "
                             "WHERE p.id IN (SELECT project_id FROM records WHERE id IN " OWN_RECORDS ") ORDER BY p.id",
                             hidden, organisation_id, project_skip, error);
  if (projects == NULL)
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (out, 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  header = g_strdup_printf ("{\"format\":\"%s\",\n\"version\":%d,\n\"generator\":\"Gongkai %s\",\n\"exported_at\":\"%s\",\n",
                            GK_EXCHANGE_FORMAT, GK_EXCHANGE_VERSION, PACKAGE_VERSION, now);
  if (!write_text (buffered, header, cancellable, error) ||
      !write_member (buffered, "organisation", organisation, cancellable, error) ||
      !write_member (buffered, "catalog", catalog, cancellable, error) ||
      !write_member (buffered, "projects", projects, cancellable, error) ||
      !write_text (buffered, "\"records\":[", cancellable, error))
    return FALSE;

  stmt = gk_db_prepare (gk_store_get_db (store), RECORD_SQL "WHERE r.id IN " OWN_RECORDS " ORDER BY r.id", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, hidden, error) ||
      !gk_db_statement_bind_int64 (stmt, 2, organisation_id, error))
    return FALSE;
  while (gk_db_statement_step (stmt, &local_error))
    {
      g_autofree char *uuid = gk_db_statement_dup_text (stmt, 1);
      g_autofree char *hash = NULL;
      g_autofree char *record = NULL;
      g_autofree char *history = NULL;
      g_autofree char *line = NULL;

      if (!get_record_text (store, stmt, &record, &hash, &local_error) ||
          (history = dup_history_text (store, uuid, &local_error)) == NULL)
        break;
      /* The record's object, then its history and hash: the hash covers
       * what the record is, not the history that leads to it. */
      record[strlen (record) - 1] = '\0';
      line = g_strdup_printf ("%s\n%s,\"history\":%s,\"hash\":\"%s\"}", done > 0 ? "," : "", record, history, hash);
      if (!write_text (buffered, line, cancellable, &local_error))
        break;
      done++;
      if (progress != NULL && done % PROGRESS_STEP == 0)
        progress (done, total, user_data);
    }
  if (local_error != NULL)
    {
      gk_db_statement_reset (stmt);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  footer = g_strdup_printf ("\n],\n\"count\":%u}\n", done);
  if (!write_text (buffered, footer, cancellable, error) ||
      !g_output_stream_flush (buffered, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (done, done, user_data);
  return TRUE;
}

static gboolean
is_zip (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".zip");
}

gboolean
gk_exchange_export (GkStore            *store,
                    const char         *path,
                    GkExchangeProgress  progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;

  if (is_zip (path))
    return gk_exchange_export_zip (store, path, progress, user_data, cancellable, error);

  /* A replace stream writes beside the file and renames it on close. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!gk_exchange_write (store, G_OUTPUT_STREAM (out), progress, user_data, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing a cancelled replace stream drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/* Reading: a scanner that cuts the top-level object into its members and
 * the records array into its elements, so that only one record is ever
 * parsed and held at a time. */

typedef struct
{
  GInputStream *in;
  GCancellable *cancellable;
  guchar buffer[64 * 1024];
  gsize length;
  gsize position;
  goffset offset;      /* of buffer[0] in the file, for messages */
} Scanner;

static gboolean
invalid (Scanner  *scanner,
         GError  **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The exchange file is damaged or not an exchange file (at byte %lld)"),
               (long long) (scanner->offset + (goffset) scanner->position));
  return FALSE;
}

/* The next byte without taking it; -1 at the end (@error unset) or on failure (set). */
static int
scanner_peek (Scanner  *scanner,
              GError  **error)
{
  if (scanner->position == scanner->length)
    {
      gssize n = g_input_stream_read (scanner->in, scanner->buffer, sizeof scanner->buffer,
                                      scanner->cancellable, error);

      if (n <= 0)
        return -1;
      scanner->offset += scanner->length;
      scanner->length = n;
      scanner->position = 0;
    }
  return scanner->buffer[scanner->position];
}

static int
scanner_peek_token (Scanner  *scanner,
                    GError  **error)
{
  int c;

  while ((c = scanner_peek (scanner, error)) == ' ' || c == '\n' || c == '\r' || c == '\t')
    scanner->position++;
  return c;
}

static gboolean
scanner_expect (Scanner  *scanner,
                char      expected,
                GError  **error)
{
  GError *local_error = NULL;

  if (scanner_peek_token (scanner, &local_error) != expected)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return invalid (scanner, error);
    }
  scanner->position++;
  return TRUE;
}

/* After a member or an element: TRUE at a "," (another one follows) or at
 * @close (and *@end is set); FALSE, with @error, at anything else. */
static gboolean
scanner_next (Scanner   *scanner,
              char       close,
              gboolean  *end,
              GError   **error)
{
  GError *local_error = NULL;
  int c = scanner_peek_token (scanner, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (c != ',' && c != close)
    return invalid (scanner, error);
  scanner->position++;
  *end = c == close;
  return TRUE;
}

/* Copies one JSON value, whatever it holds, into @out. */
static gboolean
scanner_take_value (Scanner  *scanner,
                    GString  *out,
                    GError  **error)
{
  GError *local_error = NULL;
  gboolean in_string = FALSE, escaped = FALSE;
  int depth = 0;
  int c = scanner_peek_token (scanner, &local_error);

  if (c == '"' || c == '{' || c == '[')
    {
      /* A buffer's worth at a time: a record is some 4 KiB of text. */
      while (scanner_peek (scanner, &local_error) >= 0)
        {
          const guchar *start = scanner->buffer + scanner->position;
          const guchar *end = scanner->buffer + scanner->length;
          const guchar *p;
          gboolean done = FALSE;

          for (p = start; p < end && !done; p++)
            {
              c = *p;
              if (in_string)
                {
                  if (escaped)
                    escaped = FALSE;
                  else if (c == '\\')
                    escaped = TRUE;
                  else if (c == '"')
                    in_string = FALSE;
                }
              else if (c == '"')
                in_string = TRUE;
              else if (c == '{' || c == '[')
                depth++;
              else if (c == '}' || c == ']')
                depth--;

              done = !in_string && depth == 0;
            }
          g_string_append_len (out, (const char *) start, p - start);
          scanner->position += p - start;
          if (done)
            return TRUE;
        }
    }
  else
    {
      /* A number, true, false or null ends where its container goes on. */
      while ((c = scanner_peek (scanner, &local_error)) >= 0 && strchr (",}] \t\r\n", c) == NULL)
        {
          g_string_append_c (out, (char) c);
          scanner->position++;
        }
      if (local_error == NULL && out->len > 0)
        return TRUE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return invalid (scanner, error);
}

/* Import */

typedef struct
{
  GkStore *store;
  GkDb *db;
  GkExchangeResult *result;
  JsonParser *parser;
  char *source;
  gboolean seen_format;
  gboolean seen_organisation;
  gint64 organisation_id;       /* 0: the home organisation */
  GHashTable *units;            /* name → id */
  GHashTable *items;            /* key → id */
  GHashTable *projects;         /* UUID → id */
  GHashTable *columns;          /* table → GHashTable of its column names */
  gboolean items_added;
  gboolean same_columns;        /* a record written hashes as the file's */
  guint done;
} Import;

static void
import_clear (Import *import)
{
  g_clear_object (&import->parser);
  g_clear_pointer (&import->source, g_free);
  g_clear_pointer (&import->units, g_hash_table_unref);
  g_clear_pointer (&import->items, g_hash_table_unref);
  g_clear_pointer (&import->projects, g_hash_table_unref);
  g_clear_pointer (&import->columns, g_hash_table_unref);
}

static gint64
lookup_id (GHashTable *table,
           const char *key)
{
  gint64 *id = key != NULL ? g_hash_table_lookup (table, key) : NULL;

  return id != NULL ? *id : 0;
}

static void
remember_id (GHashTable *table,
             const char *key,
             gint64      id)
{
  g_hash_table_insert (table, g_strdup (key), g_memdup2 (&id, sizeof id));
}

static GHashTable *
table_columns (Import      *import,
               const char  *table,
               GError     **error)
{
  GHashTable *columns = g_hash_table_lookup (import->columns, table);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (columns != NULL)
    return columns;

  stmt = gk_db_prepare (import->db, "SELECT name FROM pragma_table_info (?1)", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, table, error))
    return NULL;
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (gk_db_statement_step (stmt, &local_error))
    g_hash_table_add (columns, gk_db_statement_dup_text (stmt, 0));
  if (local_error != NULL)
    {
      g_hash_table_unref (columns);
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_hash_table_insert (import->columns, g_strdup (table), columns);
  return columns;
}

static gboolean
bind_node (GkDbStatement  *stmt,
           int             index,
           JsonNode       *node,
           GError        **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return gk_db_statement_bind_null (stmt, index, error);
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return gk_db_statement_bind_int64 (stmt, index, json_node_get_int (node), error);
        case G_TYPE_BOOLEAN:
          return gk_db_statement_bind_int (stmt, index, json_node_get_boolean (node), error);
        case G_TYPE_DOUBLE:
          return gk_db_statement_bind_double (stmt, index, json_node_get_double (node), error);
        default:
          return gk_db_statement_bind_text (stmt, index, json_node_get_string (node), error);
        }
    }
  {
    g_autofree char *text = json_to_string (node, FALSE);

    return gk_db_statement_bind_text (stmt, index, text, error);
  }
}

/* Writes the members of @object that are columns of @table, and the
 * columns @extra names (bound from @extra_values, NULL binds NULL): an
 * INSERT, or an UPDATE of row @id when @id is not 0. */
static gboolean
write_row (Import              *import,
           const char          *table,
           JsonObject          *object,
           const char * const  *skip,
           const char * const  *extra,
           const gint64        *extra_values,
           gint64               id,
           GError             **error)
{
  GHashTable *columns = table_columns (import, table, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GList) members = NULL;
  GkDbStatement *stmt;
  guint n_extra = extra != NULL ? g_strv_length ((char **) extra) : 0;
  int index = 1;

  if (columns == NULL)
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (g_hash_table_contains (columns, l->data) && !is_skipped (l->data, skip) &&
        !(extra != NULL && g_strv_contains (extra, l->data)))
      g_ptr_array_add (names, l->data);

  if (id == 0)
    {
      g_string_append_printf (sql, "INSERT INTO %s (", table);
      for (guint i = 0; i < names->len + n_extra; i++)
        g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "",
                                i < names->len ? (char *) names->pdata[i] : extra[i - names->len]);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < names->len + n_extra; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET ", table);
      for (guint i = 0; i < names->len + n_extra; i++)
        g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "",
                                i < names->len ? (char *) names->pdata[i] : extra[i - names->len], i + 1);
      g_string_append_printf (sql, " WHERE id = ?%u", names->len + n_extra + 1);
    }

  stmt = gk_db_prepare (import->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (!bind_node (stmt, index++, json_object_get_member (object, names->pdata[i]), error))
      return FALSE;
  for (guint i = 0; i < n_extra; i++, index++)
    if (!(extra_values[i] != 0 ? gk_db_statement_bind_int64 (stmt, index, extra_values[i], error)
                               : gk_db_statement_bind_null (stmt, index, error)))
      return FALSE;
  if (id != 0 && !gk_db_statement_bind_int64 (stmt, index, id, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
find_id (Import      *import,
         const char  *sql,
         const char  *text,
         gint64       number,
         GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (import->db, sql, error);
  gint64 id = 0;

  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, text, error) ||
      !gk_db_statement_bind_int64 (stmt, 2, number, error))
    return -1;
  if (gk_db_statement_step (stmt, error))
    {
      id = gk_db_statement_get_int64 (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  else if (error != NULL && *error != NULL)
    return -1;
  return id;
}

static gboolean
import_organisation (Import      *import,
                     JsonObject  *object,
                     GError     **error)
{
  const char *code = member_string (object, "code");
  const char *name = member_string (object, "name");
  g_autofree char *home_code = NULL;
  g_autofree char *now = gk_store_now ();
  JsonArray *units = member_array (object, "units");
  GkDbStatement *stmt;

  if (code == NULL || *code == '\0' || name == NULL || units == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The exchange file does not say which organisation sent it"));
      return FALSE;
    }
  if (!gk_store_get_organisation (import->store, NULL, &home_code, error))
    return FALSE;

  import->result->organisation_code = g_strdup (code);
  import->result->organisation_name = g_strdup (name);
  import->seen_organisation = TRUE;

  /* The ledger's own organisation: a colleague's copy of the same ledger. */
  if (g_strcmp0 (code, home_code) == 0)
    import->organisation_id = 0;
  else
    {
      stmt = gk_db_prepare (import->db,
                            "INSERT INTO organisations (code, name, source, imported_at) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (code) DO UPDATE SET name = excluded.name, source = excluded.source, "
                            "  imported_at = excluded.imported_at",
                            error);
      if (stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, code, error) ||
          !gk_db_statement_bind_text (stmt, 2, name, error) ||
          !gk_db_statement_bind_text (stmt, 3, import->source, error) ||
          !gk_db_statement_bind_text (stmt, 4, now, error) ||
          !gk_db_statement_step_done (stmt, error))
        return FALSE;
      import->organisation_id = find_id (import, "SELECT id FROM organisations WHERE code = ?1 AND ?2 = ?2", code, 0, error);
      if (import->organisation_id <= 0)
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      JsonObject *unit = json_array_get_object_element (units, i);
      const char *unit_name = unit != NULL ? member_string (unit, "name") : NULL;
      gint64 id;

      if (unit_name == NULL)
        continue;
      id = find_id (import, "SELECT id FROM units WHERE name = ?1 AND coalesce (organisation_id, 0) = ?2",
                    unit_name, import->organisation_id, error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          static const char * const unit_skip[] = { "id", NULL };
          static const char * const unit_extra[] = { "organisation_id", NULL };

          if (!write_row (import, "units", unit, unit_skip, unit_extra, &import->organisation_id, 0, error))
            return FALSE;
          id = gk_db_get_last_insert_id (import->db);
        }
      remember_id (import->units, unit_name, id);
    }
  return TRUE;
}

/* The id of the row of @table whose @column is @key, written from @row
 * (with the columns @extra names) when the ledger lacks it; -1 on failure. */
static gint64
find_or_add (Import              *import,
             const char          *table,
             const char          *column,
             const char          *key,
             JsonObject          *row,
             const char * const  *extra,
             const gint64        *extra_values,
             gboolean            *added,
             GError             **error)
{
  static const char * const skip[] = { "id", NULL };
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 AND ?2 = ?2", table, column);
  gint64 id = find_id (import, sql, key, 0, error);

  if (id != 0)
    return id;
  if (!write_row (import, table, row, skip, extra, extra_values, 0, error))
    return -1;
  *added = TRUE;
  return gk_db_get_last_insert_id (import->db);
}

static gboolean
import_catalog (Import      *import,
                JsonArray   *items,
                GError     **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *key = item != NULL ? member_string (item, "key") : NULL;
      gint64 id;

      if (key == NULL)
        continue;
      /* An item this ledger lacks comes with the records that use it. */
      id = find_or_add (import, "catalog_items", "key", key, item, NULL, NULL, &import->items_added, error);
      if (id < 0)
        {
          g_prefix_error (error, _("Could not add the catalog item “%s”: "), key);
          return FALSE;
        }
      remember_id (import->items, key, id);
    }
  if (import->items_added)
    gk_store_forget_items (import->store);
  return TRUE;
}

static gboolean
import_projects (Import      *import,
                 JsonArray   *projects,
                 GError     **error)
{
  static const char * const extra[] = { "unit_id", NULL };

  for (guint i = 0; i < json_array_get_length (projects); i++)
    {
      JsonObject *project = json_array_get_object_element (projects, i);
      const char *uuid = project != NULL ? member_string (project, "uuid") : NULL;
      gint64 unit_id, id;
      gboolean added = FALSE;

      if (uuid == NULL)
        continue;
      unit_id = lookup_id (import->units, member_string (project, "unit"));
      id = find_or_add (import, "projects", "uuid", uuid, project, extra, &unit_id, &added, error);
      if (id < 0)
        return FALSE;
      remember_id (import->projects, uuid, id);
    }
  return TRUE;
}

/* The hash an export would give the record @id. */
static char *
dup_local_hash (Import  *import,
                gint64   id,
                GError **error)
{
  GkDbStatement *stmt = gk_db_prepare (import->db, RECORD_SQL "WHERE r.id = ?1", error);
  char *hash = NULL;

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_step_one (stmt, error, _("No record %lld in the ledger"), (long long) id))
    return NULL;
  get_record_text (import->store, stmt, NULL, &hash, error);
  gk_db_statement_reset (stmt);
  return hash;
}

/* Replaces the record's rows in @table with the member @name's. A record
 * just inserted (@is_new) has none to take out: its rows went with any
 * earlier record of its id (ON DELETE CASCADE). */
static gboolean
write_children (Import      *import,
                JsonObject  *record,
                const char  *name,
                const char  *table,
                gint64       record_id,
                gboolean     is_new,
                GError     **error)
{
  static const char * const skip[] = { "id", "record_id", NULL };
  static const char * const extra[] = { "record_id", NULL };
  JsonArray *rows = member_array (record, name);

  if (!is_new)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE record_id = ?1", table);
      GkDbStatement *stmt = gk_db_prepare (import->db, sql, error);

      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, record_id, error) ||
          !gk_db_statement_step_done (stmt, error))
        return FALSE;
    }
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (row != NULL && !write_row (import, table, row, skip, extra, &record_id, 0, error))
        return FALSE;
    }
  return TRUE;
}

/* An entry of the file's history as the columns it is compared and
 * written by: at, user, action, field, old_value, new_value. */
static void
get_history_values (JsonObject  *entry,
                    const char **values)
{
  values[0] = member_string (entry, "at") ?: "";
  values[1] = member_string (entry, "user") ?: "";
  values[2] = member_string (entry, "action") ?: "";
  values[3] = member_string (entry, "field") ?: "";
  values[4] = member_string (entry, "old_value");
  values[5] = member_string (entry, "new_value");
}

/* Whether an entry before @i of @history has the values @values. */
static gboolean
history_repeats (JsonArray   *history,
                 guint        i,
                 const char **values)
{
  for (guint j = 0; j < i; j++)
    {
      JsonObject *entry = json_array_get_object_element (history, j);
      const char *earlier[6];
      guint k = 0;

      if (entry == NULL)
        continue;
      get_history_values (entry, earlier);
      while (k < G_N_ELEMENTS (earlier) && g_strcmp0 (earlier[k], values[k]) == 0)
        k++;
      if (k == G_N_ELEMENTS (earlier))
        return TRUE;
    }
  return FALSE;
}

/* Whether the ledger holds the history entry @values of @uuid. */
static gboolean
has_history_entry (Import      *import,
                   const char  *uuid,
                   const char **values,
                   gboolean    *found,
                   GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (import->db,
                                       "SELECT 1 FROM history WHERE record_uuid = ?1 AND at = ?2 AND user = ?3 "
                                       "  AND action = ?4 AND field = ?5 AND old_value IS ?6 AND new_value IS ?7",
                                       error);
  GError *local_error = NULL;

  if (stmt == NULL || !gk_db_statement_bind_text (stmt, 1, uuid, error))
    return FALSE;
  for (guint j = 0; j < 6; j++)
    if (!gk_db_statement_bind_text (stmt, j + 2, values[j], error))
      return FALSE;
  *found = gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (*found)
    gk_db_statement_reset (stmt);
  return TRUE;
}

/* Adds the entries of @history the ledger does not hold yet: an updated
 * record keeps the receiving ledger's history and gains the sender's.
 * A lookup, then a plain INSERT: an INSERT … SELECT opens a statement
 * savepoint, which makes FTS5 flush the search index's pending rows at
 * every record. A record new to the ledger (no history of its UUID, one
 * query) has its entries compared with each other alone. */
static gboolean
merge_history (Import      *import,
               const char  *uuid,
               JsonArray   *history,
               GError     **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gboolean held;

  if (history == NULL || json_array_get_length (history) == 0)
    return TRUE;
  stmt = gk_db_prepare (import->db, "SELECT 1 FROM history WHERE record_uuid = ?1 LIMIT 1", error);
  if (stmt == NULL || !gk_db_statement_bind_text (stmt, 1, uuid, error))
    return FALSE;
  held = gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (held)
    gk_db_statement_reset (stmt);

  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *entry = json_array_get_object_element (history, i);
      const char *values[6];
      gboolean found;

      if (entry == NULL)
        continue;
      get_history_values (entry, values);
      if (held)
        {
          if (!has_history_entry (import, uuid, values, &found, error))
            return FALSE;
        }
      else
        found = history_repeats (history, i, values);
      if (found)
        continue;

      stmt = gk_db_prepare (import->db,
                            "INSERT INTO history (record_uuid, at, user, action, field, old_value, new_value) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
      if (stmt == NULL || !gk_db_statement_bind_text (stmt, 1, uuid, error))
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        if (!gk_db_statement_bind_text (stmt, j + 2, values[j], error))
          return FALSE;
      if (!gk_db_statement_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_conflict (Import      *import,
              JsonObject  *record,
              const char  *reason)
{
  GkExchangeConflict *conflict = g_new0 (GkExchangeConflict, 1);

  conflict->uuid = g_strdup (member_string (record, "uuid"));
  conflict->index_no = g_strdup (member_string (record, "index_no"));
  conflict->title = g_strdup (member_string (record, "title"));
  conflict->reason = g_strdup (reason);
  g_ptr_array_add (import->result->conflicts, conflict);
}

/* Indexes the record written as @id from the file's members (no read
 * back, no copy of its fields); from a read back when the file leaves one
 * out and the ledger kept its own. */
static gboolean
index_written_record (Import        *import,
                      JsonObject    *record,
                      gint64         id,
                      const gint64  *ids,
                      gboolean       is_new,
                      GError       **error)
{
  static const char * const members[] = { "title", "body", "index_no", "doc_no", NULL };
  JsonNode *fields = json_object_get_member (record, "fields");
  GkIndexedRecord indexed = {
    .id = id,
    .item_id = ids[0],
    .project_id = ids[1],
    .is_new = is_new,
  };

  for (guint i = 0; members[i] != NULL; i++)
    if (!json_object_has_member (record, members[i]))
      goto read_back;
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    goto read_back;

  indexed.title = member_string (record, "title");
  indexed.body = member_string (record, "body");
  indexed.index_no = member_string (record, "index_no");
  indexed.doc_no = member_string (record, "doc_no");
  indexed.values = json_node_get_object (fields);
  return gk_store_index_values (import->store, &indexed, error);

read_back:
  {
    g_autoptr(GkRecord) stored = gk_store_get_record_by_id (import->store, id, error);

    return stored != NULL && gk_store_index_record (import->store, stored, error);
  }
}

/* Writes the record's row, its children and index entries; an @id of 0
 * inserts, and is set to the new row's. */
static gboolean
write_record (Import      *import,
              JsonObject  *record,
              gint64      *id,
              GError     **error)
{
  static const char * const extra[] = { "item_id", "project_id", "unit_id", "organisation_id", NULL };
  gint64 values[] = {
    lookup_id (import->items, member_string (record, "item")),
    lookup_id (import->projects, member_string (record, "project")),
    lookup_id (import->units, member_string (record, "unit")),
    import->organisation_id,
  };
  gboolean is_new = *id == 0;

  if (values[0] == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The record “%s” is of a catalog item the exchange file does not list"),
                   member_string (record, "index_no"));
      return FALSE;
    }
  if (!write_row (import, "records", record, record_skip, extra, values, *id, error))
    return FALSE;
  if (*id == 0)
    *id = gk_db_get_last_insert_id (import->db);

  if (!write_children (import, record, "channels", "record_channels", *id, is_new, error) ||
      !write_children (import, record, "changes", "record_changes", *id, is_new, error) ||
      !write_children (import, record, "attachments", "attachments", *id, is_new, error))
    return FALSE;

  return index_written_record (import, record, *id, values, is_new, error);
}

static gboolean
set_base (Import      *import,
          const char  *uuid,
          const char  *local_hash,
          const char  *remote_hash,
          GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (import->db,
                                       "INSERT INTO exchange_bases (record_uuid, local_hash, remote_hash) VALUES (?1, ?2, ?3) "
                                       "ON CONFLICT (record_uuid) DO UPDATE SET local_hash = excluded.local_hash, "
                                       "  remote_hash = excluded.remote_hash",
                                       error);

  return stmt != NULL &&
         gk_db_statement_bind_text (stmt, 1, uuid, error) &&
         gk_db_statement_bind_text (stmt, 2, local_hash, error) &&
         gk_db_statement_bind_text (stmt, 3, remote_hash, error) &&
         gk_db_statement_step_done (stmt, error);
}

/* The hashes the record had at the last exchange; FALSE with @error unset when there was none. */
static gboolean
get_base (Import   *import,
          const char *uuid,
          char    **local_hash,
          char    **remote_hash,
          GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (import->db,
                                       "SELECT local_hash, remote_hash FROM exchange_bases WHERE record_uuid = ?1", error);

  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error) ||
      !gk_db_statement_step (stmt, error))
    return FALSE;
  *local_hash = gk_db_statement_dup_text (stmt, 0);
  *remote_hash = gk_db_statement_dup_text (stmt, 1);
  gk_db_statement_reset (stmt);
  return TRUE;
}

static gboolean
import_record (Import      *import,
               JsonObject  *record,
               GError     **error)
{
  const char *uuid = member_string (record, "uuid");
  const char *index_no = member_string (record, "index_no");
  const char *remote_hash = member_string (record, "hash");
  g_autoptr(JsonArray) history = NULL;
  g_autofree char *local_hash = NULL;
  g_autofree char *base_local = NULL;
  g_autofree char *base_remote = NULL;
  g_autofree char *new_hash = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gint64 id = 0, organisation_id = 0;

  if (uuid == NULL || index_no == NULL || remote_hash == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A record of the exchange file has no UUID, index number or hash"));
      return FALSE;
    }
  if (member_array (record, "history") != NULL)
    history = json_array_ref (member_array (record, "history"));

  stmt = gk_db_prepare (import->db, "SELECT id, coalesce (organisation_id, 0) FROM records WHERE uuid = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error))
    return FALSE;
  if (gk_db_statement_step (stmt, &local_error))
    {
      id = gk_db_statement_get_int64 (stmt, 0);
      organisation_id = gk_db_statement_get_int64 (stmt, 1);
      gk_db_statement_reset (stmt);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (id == 0)
    {
      gint64 taken = find_id (import, "SELECT id FROM records WHERE index_no = ?1 AND ?2 = ?2", index_no, 0, error);

      if (taken < 0)
        return FALSE;
      if (taken > 0)
        {
          add_conflict (import, record, _("Another record of this ledger has the same index number"));
          return TRUE;
        }
      if (!write_record (import, record, &id, error) ||
          !merge_history (import, uuid, history, error))
        return FALSE;
      /* The copy hashes as the file's record when both ledgers write the
       * same columns: checked on the first record, trusted for the rest. */
      if (!import->same_columns)
        {
          if ((new_hash = dup_local_hash (import, id, error)) == NULL)
            return FALSE;
          import->same_columns = g_str_equal (new_hash, remote_hash);
        }
      else
        new_hash = g_strdup (remote_hash);
      import->result->added++;
      return set_base (import, uuid, new_hash, remote_hash, error);
    }

  if (organisation_id != import->organisation_id)
    {
      add_conflict (import, record, _("The ledger holds this record for another organisation"));
      return TRUE;
    }

  local_hash = dup_local_hash (import, id, error);
  if (local_hash == NULL)
    return FALSE;
  if (!get_base (import, uuid, &base_local, &base_remote, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (g_strcmp0 (local_hash, remote_hash) == 0 ||
      (base_remote != NULL && g_strcmp0 (base_remote, remote_hash) == 0))
    {
      /* The sender did not change it since (this ledger may have). Both
       * alike: that is the version last exchanged, whatever the base said
       * (a ledger that hashed the due dates too, before). */
      import->result->unchanged++;
      if (base_remote == NULL ||
          (g_strcmp0 (local_hash, remote_hash) == 0 &&
           (g_strcmp0 (base_local, local_hash) != 0 || g_strcmp0 (base_remote, remote_hash) != 0)))
        return set_base (import, uuid, local_hash, remote_hash, error);
      return TRUE;
    }
  if (base_local == NULL || g_strcmp0 (base_local, local_hash) != 0)
    {
      add_conflict (import, record,
                    base_local == NULL ? _("Both ledgers hold a different version and have not exchanged it before")
                                       : _("Changed in both ledgers since the last exchange"));
      return TRUE;
    }

  if (!write_record (import, record, &id, error) ||
      !merge_history (import, uuid, history, error) ||
      (new_hash = dup_local_hash (import, id, error)) == NULL)
    return FALSE;
  import->result->updated++;
  return set_base (import, uuid, new_hash, remote_hash, error);
}

static JsonNode *
parse_value (Import      *import,
             GString     *text,
             GError     **error)
{
  JsonNode *root;

  if (!json_parser_load_from_data (import->parser, text->str, text->len, error))
    {
      g_prefix_error (error, _("The exchange file is damaged: "));
      return NULL;
    }
  root = json_parser_get_root (import->parser);
  return root != NULL ? json_node_ref (root) : NULL;
}

static gboolean
import_member (Import      *import,
               const char  *name,
               JsonNode    *value,
               GError     **error)
{
  if (g_str_equal (name, "format"))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || g_strcmp0 (json_node_get_string (value), GK_EXCHANGE_FORMAT) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not a Gongkai exchange file"));
          return FALSE;
        }
      import->seen_format = TRUE;
    }
  else if (g_str_equal (name, "version"))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_int (value) > GK_EXCHANGE_VERSION ||
          json_node_get_int (value) < 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The exchange file was written by a newer version of Gongkai (format %d; this version reads %d)"),
                       JSON_NODE_HOLDS_VALUE (value) ? (int) json_node_get_int (value) : 0, GK_EXCHANGE_VERSION);
          return FALSE;
        }
    }
  else if (g_str_equal (name, "organisation") && JSON_NODE_HOLDS_OBJECT (value))
    return import_organisation (import, json_node_get_object (value), error);
  else if (g_str_equal (name, "catalog") && JSON_NODE_HOLDS_ARRAY (value))
    return import_catalog (import, json_node_get_array (value), error);
  else if (g_str_equal (name, "projects") && JSON_NODE_HOLDS_ARRAY (value))
    return import_projects (import, json_node_get_array (value), error);
  return TRUE;
}

/* The records array is read and parsed in a thread of its own while the
 * records before are written: parsing is about a sixth of an import's
 * time. At most READ_AHEAD parsed records wait, so memory stays flat. */
#define READ_AHEAD 64

typedef struct
{
  Scanner *scanner;
  JsonParser *parser;   /* the reading thread's own */
  GMutex lock;
  GCond cond;
  GQueue nodes;         /* of JsonNode, parsed and not taken yet */
  GQueue used;          /* of JsonNode, imported, for the reader to free */
  gboolean finished;    /* the array's end was read, or @error set */
  gboolean reader_waits; /* for room in @nodes */
  gboolean taker_waits;  /* for a node in @nodes */
  gboolean stop;        /* the import gave up: read no further */
  GError *error;
} RecordReader;

/* Reads a record's JSON and parses it: NULL (and @error) when there is
 * none that is an object. */
static JsonNode *
read_record (RecordReader  *reader,
             GString       *text,
             GError       **error)
{
  JsonNode *node;

  g_string_truncate (text, 0);
  if (!scanner_take_value (reader->scanner, text, error))
    return NULL;
  if (!json_parser_load_from_data (reader->parser, text->str, text->len, error))
    {
      g_prefix_error (error, _("The exchange file is damaged: "));
      return NULL;
    }
  node = json_parser_get_root (reader->parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (reader->scanner, error);
      return NULL;
    }
  return json_node_ref (node);
}

static gpointer
read_records_thread (gpointer data)
{
  RecordReader *reader = data;
  g_autoptr(GString) text = g_string_new (NULL);
  GError *error = NULL;
  gboolean end = FALSE;

  while (!end)
    {
      GQueue used = G_QUEUE_INIT;
      JsonNode *node;

      g_mutex_lock (&reader->lock);
      if (reader->nodes.length >= READ_AHEAD)
        {
          /* Woken when half are taken: not once a record. */
          reader->reader_waits = TRUE;
          while (reader->nodes.length > READ_AHEAD / 2 && !reader->stop)
            g_cond_wait (&reader->cond, &reader->lock);
          reader->reader_waits = FALSE;
        }
      end = reader->stop;
      used = reader->used;
      g_queue_init (&reader->used);
      g_mutex_unlock (&reader->lock);
      /* Freed where they were made: memory handed back across threads
       * cost more than the parsing saved. */
      g_queue_clear_full (&used, (GDestroyNotify) json_node_unref);
      if (end)
        break;

      node = read_record (reader, text, &error);
      if (node == NULL ||
          !scanner_next (reader->scanner, ']', &end, &error))
        {
          g_clear_pointer (&node, json_node_unref);
          break;
        }
      g_mutex_lock (&reader->lock);
      g_queue_push_tail (&reader->nodes, node);
      if (reader->taker_waits)
        g_cond_broadcast (&reader->cond);
      g_mutex_unlock (&reader->lock);
    }

  g_mutex_lock (&reader->lock);
  reader->error = error;
  reader->finished = TRUE;
  g_cond_broadcast (&reader->cond);
  g_mutex_unlock (&reader->lock);
  return NULL;
}

/* The next record read, waiting for it; NULL at the end or, with @error,
 * when the reading failed. */
static JsonNode *
reader_take (RecordReader  *reader,
             GError       **error)
{
  JsonNode *node;

  g_mutex_lock (&reader->lock);
  reader->taker_waits = TRUE;
  while (reader->nodes.length == 0 && !reader->finished)
    g_cond_wait (&reader->cond, &reader->lock);
  reader->taker_waits = FALSE;
  node = g_queue_pop_head (&reader->nodes);
  if (node != NULL)
    {
      if (reader->reader_waits && reader->nodes.length <= READ_AHEAD / 2)
        g_cond_broadcast (&reader->cond);
    }
  else if (reader->error != NULL)
    g_propagate_error (error, g_steal_pointer (&reader->error));
  g_mutex_unlock (&reader->lock);
  return node;
}

static gboolean
import_records (Import              *import,
                Scanner             *scanner,
                GkExchangeProgress   progress,
                gpointer             user_data,
                GError             **error)
{
  RecordReader reader = { .scanner = scanner };
  GError *local_error = NULL;
  GThread *thread;
  gboolean ok = TRUE;

  if (!import->seen_format || !import->seen_organisation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The exchange file’s records come before its format and organisation"));
      return FALSE;
    }
  if (!scanner_expect (scanner, '[', error))
    return FALSE;
  if (scanner_peek_token (scanner, &local_error) == ']')
    {
      scanner->position++;
      return TRUE;
    }
  /* A failed read shows again where the first record is taken. */
  g_clear_error (&local_error);

  reader.parser = json_parser_new ();
  g_mutex_init (&reader.lock);
  g_cond_init (&reader.cond);
  g_queue_init (&reader.nodes);
  g_queue_init (&reader.used);
  thread = g_thread_new ("gk-exchange-read", read_records_thread, &reader);
  for (;;)
    {
      JsonNode *node = NULL;
      gboolean imported;

      if (g_cancellable_set_error_if_cancelled (scanner->cancellable, error) ||
          ((node = reader_take (&reader, &local_error)) == NULL && local_error != NULL))
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          ok = FALSE;
          break;
        }
      if (node == NULL)
        break;
      imported = import_record (import, json_node_get_object (node), error);
      g_mutex_lock (&reader.lock);
      g_queue_push_tail (&reader.used, node);
      g_mutex_unlock (&reader.lock);
      if (!imported)
        {
          ok = FALSE;
          break;
        }
      import->done++;
      if (progress != NULL && import->done % PROGRESS_STEP == 0)
        progress (import->done, 0, user_data);
    }

  /* The reader stops after the record it reads, if the import gave up. */
  g_mutex_lock (&reader.lock);
  reader.stop = TRUE;
  g_cond_broadcast (&reader.cond);
  g_mutex_unlock (&reader.lock);
  g_thread_join (thread);
  g_queue_clear_full (&reader.nodes, (GDestroyNotify) json_node_unref);
  g_queue_clear_full (&reader.used, (GDestroyNotify) json_node_unref);
  g_clear_error (&reader.error);
  g_object_unref (reader.parser);
  g_mutex_clear (&reader.lock);
  g_cond_clear (&reader.cond);
  return ok;
}

static gboolean
import_stream (Import              *import,
               Scanner             *scanner,
               GkExchangeProgress   progress,
               gpointer             user_data,
               GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean end;

  if (!scanner_expect (scanner, '{', error))
    return FALSE;
  for (;;)
    {
      g_autoptr(JsonNode) key = NULL;
      g_autoptr(JsonNode) value = NULL;
      g_autofree char *name = NULL;

      g_string_truncate (text, 0);
      if (!scanner_take_value (scanner, text, error) ||
          (key = parse_value (import, text, error)) == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_VALUE (key) || json_node_get_value_type (key) != G_TYPE_STRING)
        return invalid (scanner, error);
      name = g_strdup (json_node_get_string (key));
      if (!scanner_expect (scanner, ':', error))
        return FALSE;

      if (g_str_equal (name, "records"))
        {
          if (!import_records (import, scanner, progress, user_data, error))
            return FALSE;
        }
      else
        {
          g_string_truncate (text, 0);
          if (!scanner_take_value (scanner, text, error) ||
              (value = parse_value (import, text, error)) == NULL ||
              !import_member (import, name, value, error))
            return FALSE;
        }

      if (!scanner_next (scanner, '}', &end, error))
        return FALSE;
      if (end)
        break;
    }
  if (!import->seen_format || !import->seen_organisation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not a Gongkai exchange file"));
      return FALSE;
    }
  return TRUE;
}

/* A colleague's records of the home organisation carry serials this
 * ledger has not issued: the next 索引号 must come after them. */
static gboolean
advance_serials (Import  *import,
                 GError **error)
{
  g_autofree char *prefix = NULL;
  GkDbStatement *stmt;

  if (import->organisation_id != 0)
    return TRUE;
  if (!gk_store_get_organisation (import->store, NULL, &prefix, error))
    return FALSE;
  stmt = gk_db_prepare (import->db,
                        "INSERT INTO index_serials (prefix, year, last) "
                        "SELECT ?1, CAST (substr (index_no, length (?1) + 2, 4) AS INTEGER), "
                        "       max (CAST (substr (index_no, length (?1) + 7) AS INTEGER)) "
                        "FROM records WHERE organisation_id IS NULL AND substr (index_no, 1, length (?1) + 1) = ?1 || '/' "
                        "GROUP BY 2 HAVING true "
                        "ON CONFLICT (prefix, year) DO UPDATE SET last = max (last, excluded.last)",
                        error);
  return stmt != NULL &&
         gk_db_statement_bind_text (stmt, 1, prefix, error) &&
         gk_db_statement_step_done (stmt, error);
}

/* The import's page cache, in KiB. Within SQLite's 2 MiB the pages of
 * the indexes keyed by UUID (records, history, exchange bases), written
 * in no order, were spilled and read back over and over before the
 * commit; 8 MiB keeps them, and the importer's memory stays the same for
 * any file. */
#define IMPORT_CACHE_KIB 8192

/* Sets the connection's cache_size and tells the one it had. */
static gboolean
swap_cache_size (GkDb     *db,
                 int       cache_size,
                 int      *old_cache_size,
                 GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (db, "PRAGMA cache_size", error);
  g_autofree char *sql = NULL;

  if (stmt == NULL ||
      !gk_db_statement_step_one (stmt, error, "No cache_size"))
    return FALSE;
  *old_cache_size = gk_db_statement_get_int (stmt, 0);
  gk_db_statement_reset (stmt);
  sql = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
  return gk_db_exec (db, sql, error);
}

static void
free_id_table (gpointer data)
{
  g_hash_table_unref (data);
}

GkExchangeResult *
gk_exchange_read (GkStore            *store,
                  GInputStream       *in,
                  const char         *source,
                  GkExchangeProgress  progress,
                  gpointer            user_data,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GkExchangeResult) result = g_new0 (GkExchangeResult, 1);
  g_autofree Scanner *scanner = g_new0 (Scanner, 1);
  Import import = { 0 };
  int cache_size = 0;
  gboolean ok;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);

  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_exchange_conflict_free);
  scanner->in = in;
  scanner->cancellable = cancellable;

  import.store = store;
  import.db = gk_store_get_db (store);
  import.result = result;
  /* Not an immutable parser: sealing hashes every node of every record,
   * and nothing here compares or shares them. */
  import.parser = json_parser_new ();
  import.source = g_strdup (source != NULL ? source : "");
  import.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_id_table);

  if (!swap_cache_size (import.db, -IMPORT_CACHE_KIB, &cache_size, error))
    {
      import_clear (&import);
      return NULL;
    }
  if (!gk_db_begin (import.db, error))
    {
      swap_cache_size (import.db, cache_size, &cache_size, NULL);
      import_clear (&import);
      return NULL;
    }
  gk_store_defer_indexing (store);
  ok = import_stream (&import, scanner, progress, user_data, error) &&
       advance_serials (&import, error) &&
       gk_store_flush_indexing (store, error);
  if (ok)
    ok = gk_db_commit (import.db, error);
  else
    {
      gk_store_cancel_indexing (store);
      gk_db_rollback (import.db);
    }
  swap_cache_size (import.db, cache_size, &cache_size, NULL);
  if (import.items_added)
    {
      gk_store_forget_items (store);
      gk_store_emit_catalog_changed (store);
    }
  import_clear (&import);
  if (!ok)
    return NULL;

  if (progress != NULL)
    progress (import.done, import.done, user_data);
  gk_store_emit_records_changed (store);
  return g_steal_pointer (&result);
}

GkExchangeResult *
gk_exchange_import (GkStore            *store,
                    const char         *path,
                    GkExchangeProgress  progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *source = g_path_get_basename (path);

  if (is_zip (path))
    return gk_exchange_import_zip (store, path, progress, user_data, cancellable, error);
  file = g_file_new_for_path (path);
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  return gk_exchange_read (store, G_INPUT_STREAM (in), source, progress, user_data, cancellable, error);
}

GPtrArray *
gk_store_list_organisations (GkStore  *self,
                             GError  **error)
{
  g_autoptr(GPtrArray) organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_organisation_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  stmt = gk_db_prepare (gk_store_get_db (self),
                        "SELECT * FROM ("
                        "  SELECT 0 AS id, code, name, NULL, NULL, "
                        "         (SELECT count (*) FROM records WHERE organisation_id IS NULL) "
                        "  FROM organisation WHERE id = 1 "
                        "  UNION ALL "
                        "  SELECT o.id, o.code, o.name, o.source, o.imported_at, "
                        "         (SELECT count (*) FROM records WHERE organisation_id = o.id) "
                        "  FROM organisations o) "
                        "ORDER BY id <> 0, code",
                        error);
  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkOrganisation *organisation = g_new0 (GkOrganisation, 1);

      organisation->id = gk_db_statement_get_int64 (stmt, 0);
      organisation->code = gk_db_statement_dup_text (stmt, 1);
      organisation->name = gk_db_statement_dup_text (stmt, 2);
      organisation->source = gk_db_statement_dup_text (stmt, 3);
      organisation->imported_at = gk_db_statement_dup_text (stmt, 4);
      organisation->n_records = gk_db_statement_get_int (stmt, 5);
      g_ptr_array_add (organisations, organisation);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&organisations);
}
