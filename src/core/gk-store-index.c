/* gk-store-index.c: the search indexes of records: the text a record is found by, kept in step with each save. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-schema.h"
#include "gk-store-private.h"

/* Leaves of the field values as text, for the search index. */
static void
collect_text (JsonNode *node,
              GString  *text)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          collect_text (member, text);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          collect_text (json_array_get_element (array, i), text);
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, json_node_get_string (node));
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* One token per character, lower-cased: a phrase of one or two tokens
 * then finds any one- or two-character substring. */
char *
gk_text_to_chars (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) * 2);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (!g_unichar_isalnum (c))
        {
          /* Punctuation and spaces break phrases, as they do in the text. */
          if (out->len > 0 && out->str[out->len - 1] != '.')
            g_string_append (out, " . ");
          continue;
        }
      g_string_append_unichar (out, c);
      g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

/* The values as the clerk reads them (choices by label, money in 元), so a
 * search finds what the screen shows. */
static char *
record_fields_text (GkStore  *self,
                    GkRecord *record)
{
  GkSchema *schema = gk_store_lookup_schema (self, gk_record_get_item_id (record));
  g_autoptr(JsonNode) values = json_node_init_object (json_node_alloc (), gk_record_get_values (record));
  GString *text;

  if (schema != NULL)
    return gk_schema_extract_text (schema, values);
  text = g_string_new (NULL);
  collect_text (values, text);
  return g_string_free (text, FALSE);
}

/* Runs @sql with the record's id and its three texts as ?1 to ?4. */
static gboolean
exec_text_row (GkStore     *self,
               const char  *sql,
               gint64       id,
               const char  *title,
               const char  *body,
               const char  *fields,
               GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, sql, error);

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_bind_text (stmt, 2, title, error) ||
      !gk_db_statement_bind_text (stmt, 3, body, error) ||
      !gk_db_statement_bind_text (stmt, 4, fields, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

/* Takes a record out of both indexes, with the text it was indexed with. */
gboolean
gk_store_unindex_record (GkStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *all = NULL;
  g_autofree char *chars = NULL;
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db, "SELECT title, body, fields FROM records_search WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return FALSE;
  if (!gk_db_statement_step (stmt, &local_error))
    {
      /* Not indexed yet; but a failed read must not leave stale index rows. */
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }
  title = gk_db_statement_dup_text (stmt, 0);
  body = gk_db_statement_dup_text (stmt, 1);
  fields = gk_db_statement_dup_text (stmt, 2);
  gk_db_statement_reset (stmt);

  if (!exec_text_row (self,
                      "INSERT INTO records_fts (records_fts, rowid, title, body, fields) "
                      "VALUES ('delete', ?1, ?2, ?3, ?4)",
                      id, title, body, fields, error))
    return FALSE;

  all = g_strjoin (" \n ", title, body, fields, NULL);
  chars = gk_text_to_chars (all);
  stmt = gk_db_prepare (self->db,
                        "INSERT INTO records_chars (records_chars, rowid, text) VALUES ('delete', ?1, ?2)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_bind_text (stmt, 2, chars, error) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;

  stmt = gk_db_prepare (self->db, "DELETE FROM records_search WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

gboolean
gk_store_index_record (GkStore   *self,
                       GkRecord  *record,
                       GError   **error)
{
  g_autofree char *fields_text = record_fields_text (self, record);
  const char *body = gk_record_get_body (record) != NULL ? gk_record_get_body (record) : "";
  g_autofree char *all = NULL;
  g_autofree char *chars = NULL;
  GkDbStatement *stmt;

  if (!gk_store_unindex_record (self, gk_record_get_id (record), error))
    return FALSE;

  if (!exec_text_row (self, "INSERT INTO records_search (id, title, body, fields) VALUES (?1, ?2, ?3, ?4)",
                      gk_record_get_id (record), gk_record_get_title (record), body, fields_text, error) ||
      !exec_text_row (self, "INSERT INTO records_fts (rowid, title, body, fields) VALUES (?1, ?2, ?3, ?4)",
                      gk_record_get_id (record), gk_record_get_title (record), body, fields_text, error))
    return FALSE;

  all = g_strjoin (" \n ", gk_record_get_title (record), body, fields_text, NULL);
  chars = gk_text_to_chars (all);
  stmt = gk_db_prepare (self->db, "INSERT INTO records_chars (rowid, text) VALUES (?1, ?2)", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), error) ||
      !gk_db_statement_bind_text (stmt, 2, chars, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}
