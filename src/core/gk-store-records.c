/* gk-store-records.c: records: create, load, save with history, delete, 索引号. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-schema.h"
#include "gk-store-private.h"

GkRecord *
gk_store_record_from_row (GkDbStatement *stmt)
{
  GkRecord *record = gk_record_new ();
  g_autoptr(GError) error = NULL;
  int c = 0;

  gk_record_set_id (record, gk_db_statement_get_int64 (stmt, c++));
  gk_record_set_uuid (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_item_id (record, gk_db_statement_get_int64 (stmt, c++));
  gk_record_set_item_key (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_item_name (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_domain (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_project_id (record, gk_db_statement_get_int64 (stmt, c++));
  gk_record_set_title (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_body (record, gk_db_statement_get_text (stmt, c++));
  if (!gk_record_set_values_json (record, gk_db_statement_get_text (stmt, c++), &error))
    g_warning ("The field values of a record cannot be read: %s", error->message);
  gk_record_set_unit_id (record, gk_db_statement_get_int64 (stmt, c++));
  gk_record_set_unit_name (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_index_no (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_doc_no (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_formed_on (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_due_on (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_due_missing_year (record, gk_db_statement_get_int (stmt, c++));
  gk_record_set_published_on (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_status (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_mode (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_exemption (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_exemption_reason (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_created_at (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_updated_at (record, gk_db_statement_get_text (stmt, c++));
  gk_record_set_public_on (record, gk_db_statement_get_text (stmt, c++));

  return record;
}

gboolean
gk_store_add_history (GkStore     *self,
                      const char  *uuid,
                      const char  *action,
                      const char  *field,
                      const char  *old_value,
                      const char  *new_value,
                      GError     **error)
{
  g_autofree char *now = gk_store_now ();
  GkDbStatement *stmt;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO history (record_uuid, at, user, action, field, old_value, new_value) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error) ||
      !gk_db_statement_bind_text (stmt, 2, now, error) ||
      !gk_db_statement_bind_text (stmt, 3, self->user, error) ||
      !gk_db_statement_bind_text (stmt, 4, action, error) ||
      !gk_db_statement_bind_text (stmt, 5, field != NULL ? field : "", error) ||
      !gk_db_statement_bind_text (stmt, 6, old_value, error) ||
      !gk_db_statement_bind_text (stmt, 7, new_value, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

/* The caller holds the write transaction, so two connections never draw
 * the same serial: BEGIN IMMEDIATE serializes them. */
static gint64
draw_serial (GkStore     *self,
             const char  *prefix,
             int          year,
             GError     **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gint64 serial = 0;

  /* Read, then write: the caller's IMMEDIATE transaction makes the pair
   * atomic. (An INSERT … RETURNING here made FTS5 flush its pending index
   * data at every record, and a sample ledger took half again as long.) */
  stmt = gk_db_prepare (self->db, "SELECT last FROM index_serials WHERE prefix = ?1 AND year = ?2", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, prefix, error) ||
      !gk_db_statement_bind_int (stmt, 2, year, error))
    return 0;
  /* No row is the year's first serial; a failed read must not be taken
   * for one, or a number already issued would be issued again. */
  if (gk_db_statement_step (stmt, &local_error))
    {
      serial = gk_db_statement_get_int64 (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  serial++;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO index_serials (prefix, year, last) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (prefix, year) DO UPDATE SET last = excluded.last",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, prefix, error) ||
      !gk_db_statement_bind_int (stmt, 2, year, error) ||
      !gk_db_statement_bind_int64 (stmt, 3, serial, error) ||
      !gk_db_statement_step_done (stmt, error))
    return 0;

  if (serial <= 0 || serial > 99999)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The index numbers of %d are used up (at most 99999 a year)"), year);
      return 0;
    }
  return serial;
}

char *
gk_store_next_index_no (GkStore  *self,
                        int       year,
                        GError  **error)
{
  g_autofree char *prefix = NULL;
  gint64 serial;

  if (!gk_store_get_organisation (self, NULL, &prefix, error))
    return NULL;

  /* A 索引号 once issued is printed and quoted for good: none is issued on
   * a code that is not the organisation's. */
  if (prefix == NULL || *g_strstrip (prefix) == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("No index number can be issued before the organisation’s code is set: "
                             "enter it in Preferences, then create the record again"));
      return NULL;
    }

  serial = draw_serial (self, prefix, year, error);
  if (serial == 0)
    return NULL;
  return g_strdup_printf ("%s/%04d-%05" G_GINT64_FORMAT, prefix, year, serial);
}

/* Requests and cases are not published and take no 索引号: they are
 * numbered in a sequence of their own per year of receipt, as a clerk's
 * register does: 依申〔2026〕1号 (申请编号), 案〔2026〕1号 (案号). */
static const struct { const char *item_key, *prefix; } register_numbers[] = {
  { "request.application", "依申" },
  { "request.case", "案" },
};

static char *
next_record_number (GkStore     *self,
                    const char  *item_key,
                    int          year,
                    GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (register_numbers); i++)
    if (g_strcmp0 (register_numbers[i].item_key, item_key) == 0)
      {
        gint64 serial = draw_serial (self, register_numbers[i].prefix, year, error);

        if (serial == 0)
          return NULL;
        return g_strdup_printf ("%s〔%04d〕%" G_GINT64_FORMAT "号", register_numbers[i].prefix, year, serial);
      }
  return gk_store_next_index_no (self, year, error);
}

GPtrArray *
gk_store_validate_record (GkStore   *self,
                          GkRecord  *record,
                          GError   **error)
{
  GkSchema *schema = gk_store_lookup_schema (self, gk_record_get_item_id (record));
  g_autoptr(JsonNode) values = NULL;
  GPtrArray *issues;
  GPtrArray *errors;

  if (schema == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The catalog item's fields cannot be read"));
      return NULL;
    }

  values = json_node_init_object (json_node_alloc (), gk_record_get_values (record));
  issues = gk_schema_validate (schema, values);
  /* Warnings (a pilot credit code) do not stop anything. */
  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  for (guint i = 0; i < issues->len; i++)
    {
      GkIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == GK_SEVERITY_ERROR)
        g_ptr_array_add (errors, gk_issue_new (issue->field_id, issue->row, issue->column_id,
                                               issue->severity, issue->message));
    }
  if (gk_record_get_title (record) == NULL || gk_record_get_title (record)[0] == '\0')
    g_ptr_array_add (errors, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, _("The title is empty")));
  gk_store_check_deadline (self, record, errors);
  g_ptr_array_unref (issues);
  return errors;
}

static gboolean
insert_record (GkStore   *self,
               GkRecord  *record,
               GError   **error)
{
  g_autofree char *fields = gk_record_dup_values_json (record);
  GkDbStatement *stmt;

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO records (uuid, item_id, domain, project_id, title, body, fields, "
                        "unit_id, index_no, doc_no, formed_on, due_on, due_missing_year, published_on, "
                        "status, mode, exemption, exemption_reason, created_at, updated_at) "
                        "VALUES (?1, ?2, ?3, nullif (?4, 0), ?5, ?6, ?7, nullif (?8, 0), ?9, ?10, ?11, "
                        "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, gk_record_get_uuid (record), error) ||
      !gk_db_statement_bind_int64 (stmt, 2, gk_record_get_item_id (record), error) ||
      !gk_db_statement_bind_text (stmt, 3, gk_record_get_domain (record), error) ||
      !gk_db_statement_bind_int64 (stmt, 4, gk_record_get_project_id (record), error) ||
      !gk_db_statement_bind_text (stmt, 5, gk_record_get_title (record), error) ||
      !gk_db_statement_bind_text (stmt, 6, gk_record_get_body (record), error) ||
      !gk_db_statement_bind_text (stmt, 7, fields, error) ||
      !gk_db_statement_bind_int64 (stmt, 8, gk_record_get_unit_id (record), error) ||
      !gk_db_statement_bind_text (stmt, 9, gk_record_get_index_no (record), error) ||
      !gk_db_statement_bind_text (stmt, 10, gk_record_get_doc_no (record), error) ||
      !gk_db_statement_bind_text (stmt, 11, gk_record_get_formed_on (record), error) ||
      !gk_db_statement_bind_text (stmt, 12, gk_record_get_due_on (record), error) ||
      !gk_db_statement_bind_int (stmt, 13, gk_record_get_due_missing_year (record), error) ||
      !gk_db_statement_bind_text (stmt, 14, gk_record_get_published_on (record), error) ||
      !gk_db_statement_bind_text (stmt, 15, gk_record_get_status (record), error) ||
      !gk_db_statement_bind_text (stmt, 16, gk_record_get_mode (record), error) ||
      !gk_db_statement_bind_text (stmt, 17, gk_record_get_exemption (record), error) ||
      !gk_db_statement_bind_text (stmt, 18, gk_record_get_exemption_reason (record), error) ||
      !gk_db_statement_bind_text (stmt, 19, gk_record_get_created_at (record), error) ||
      !gk_db_statement_bind_text (stmt, 20, gk_record_get_updated_at (record), error) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;

  gk_record_set_id (record, gk_db_get_last_insert_id (self->db));
  return TRUE;
}

/* Inserts a complete record (the demo generator and importers use this);
 * the 索引号 is drawn when the record has none. */
gboolean
gk_store_insert_record (GkStore   *self,
                        GkRecord  *record,
                        gboolean   with_history,
                        GError   **error)
{
  GkItem *item = gk_store_lookup_item (self, gk_record_get_item_id (record));

  if (item == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, _("No such catalog item"));
      return FALSE;
    }

  if (!gk_db_begin (self->db, error))
    return FALSE;

  gk_record_set_domain (record, gk_item_get_domain (item));
  gk_record_set_item_key (record, gk_item_get_key (item));
  gk_record_set_item_name (record, gk_item_get_level2 (item));
  if (gk_record_get_uuid (record) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      gk_record_set_uuid (record, uuid);
    }
  if (gk_record_get_created_at (record) == NULL)
    {
      g_autofree char *now = gk_store_now ();

      gk_record_set_created_at (record, now);
    }
  if (gk_record_get_updated_at (record) == NULL)
    gk_record_set_updated_at (record, gk_record_get_created_at (record));
  /* The formation date first: it follows a request's receipt or a
   * decision's date, and its year is the 索引号's. */
  gk_store_compute_due (self, record);
  if (gk_record_get_index_no (record) == NULL)
    {
      GDate formed;
      int year;
      g_autofree char *index_no = NULL;

      if (gk_record_get_formed_on (record) != NULL && gk_date_from_iso (gk_record_get_formed_on (record), &formed, NULL))
        year = g_date_get_year (&formed);
      else
        year = (int) g_ascii_strtoll (gk_record_get_created_at (record), NULL, 10);
      index_no = next_record_number (self, gk_item_get_key (item), year, error);
      if (index_no == NULL)
        goto fail;
      gk_record_set_index_no (record, index_no);
    }

  if (!insert_record (self, record, error) ||
      !gk_store_index_record (self, record, error))
    goto fail;

  if (with_history &&
      !gk_store_add_history (self, gk_record_get_uuid (record), "create", NULL, NULL, gk_record_get_title (record), error))
    goto fail;

  return gk_db_commit (self->db, error);

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

GkRecord *
gk_store_create_record (GkStore     *self,
                        const char  *item_key,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autofree char *today = gk_today ();
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  item = gk_store_get_item (self, item_key, error);
  if (item == NULL)
    return NULL;

  if (gk_item_get_retired (item))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The catalog item “%s” is retired: no new records"), gk_item_get_level2 (item));
      return NULL;
    }

  record = gk_record_new ();
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_title (record, title != NULL && *title != '\0' ? title : gk_item_get_level2 (item));
  gk_record_set_formed_on (record, today);
  /* A request is disclosure on request by its nature (条例 第二十七条). */
  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) == 0)
    gk_record_set_mode (record, GK_MODE_ON_REQUEST);
  gk_record_set_unit_id (record, gk_store_find_item_unit (self, item, &local_error));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!gk_store_insert_record (self, record, TRUE, error))
    return NULL;

  gk_store_emit_records_changed (self);
  return gk_store_get_record (self, gk_record_get_uuid (record), error);
}

GkRecord *
gk_store_get_record (GkStore     *self,
                     const char  *uuid,
                     GError     **error)
{
  GkDbStatement *stmt;
  GkRecord *record;

  stmt = gk_db_prepare (self->db, "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM " WHERE r.uuid = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error) ||
      !gk_db_statement_step_one (stmt, error, _("No record “%s” in the ledger"), uuid))
    return NULL;

  record = gk_store_record_from_row (stmt);
  gk_db_statement_reset (stmt);
  return record;
}

GkRecord *
gk_store_get_record_by_id (GkStore  *self,
                           gint64    id,
                           GError  **error)
{
  GkDbStatement *stmt;
  GkRecord *record;

  stmt = gk_db_prepare (self->db, "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM " WHERE r.id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error) ||
      !gk_db_statement_step_one (stmt, error, _("No record %lld in the ledger"), (long long) id))
    return NULL;

  record = gk_store_record_from_row (stmt);
  gk_db_statement_reset (stmt);
  return record;
}

GkRecord *
gk_store_get_record_by_index_no (GkStore     *self,
                                 const char  *index_no,
                                 GError     **error)
{
  GkDbStatement *stmt;
  GkRecord *record;

  stmt = gk_db_prepare (self->db, "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM " WHERE r.index_no = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, index_no, error) ||
      !gk_db_statement_step_one (stmt, error, _("No record with the index number “%s”"), index_no))
    return NULL;

  record = gk_store_record_from_row (stmt);
  gk_db_statement_reset (stmt);
  return record;
}

static char *
json_member_to_string (JsonObject *object,
                       const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void
add_member_names (GHashTable *keys,
                  JsonObject *object)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (keys, l->data);
}

/* History of the field values, key by key, so a clerk sees "中标金额: 1 → 2"
 * and not two blobs of JSON. */
static gboolean
add_fields_history (GkStore     *self,
                    const char  *uuid,
                    const char  *old_json,
                    const char  *new_json,
                    GError     **error)
{
  g_autoptr(JsonNode) old_root = json_from_string (old_json, NULL);
  g_autoptr(JsonNode) new_root = json_from_string (new_json, NULL);
  JsonObject *old_object = old_root != NULL && JSON_NODE_HOLDS_OBJECT (old_root) ? json_node_get_object (old_root) : NULL;
  JsonObject *new_object = new_root != NULL && JSON_NODE_HOLDS_OBJECT (new_root) ? json_node_get_object (new_root) : NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) sorted = NULL;

  add_member_names (keys, old_object);
  add_member_names (keys, new_object);

  sorted = g_list_sort (g_hash_table_get_keys (keys), (GCompareFunc) g_strcmp0);
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      g_autofree char *old_value = json_member_to_string (old_object, l->data);
      g_autofree char *new_value = json_member_to_string (new_object, l->data);
      g_autofree char *field = NULL;

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;

      field = g_strconcat ("fields.", l->data, NULL);
      if (!gk_store_add_history (self, uuid, "update", field, old_value, new_value, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
gk_store_save_record (GkStore   *self,
                      GkRecord  *record,
                      GError   **error)
{
  g_autoptr(GkRecord) stored = NULL;
  g_autofree char *title = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *stored_fields = NULL;
  g_autofree char *now = NULL;
  GkDbStatement *stmt;
  gboolean changed = FALSE;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);

  title = g_strdup (gk_record_get_title (record));
  if (title == NULL || *g_strstrip (title) == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A record needs a title"));
      return FALSE;
    }
  gk_record_set_title (record, title);

  if (!gk_mode_is_valid (gk_record_get_mode (record)))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("Unknown disclosure mode “%s”"), gk_record_get_mode (record));
      return FALSE;
    }

  if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_EXEMPT) == 0 &&
      (gk_record_get_exemption (record) == NULL || *gk_record_get_exemption (record) == '\0'))
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("A record that is not disclosed needs its legal ground"));
      return FALSE;
    }

  if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_EXEMPT) == 0 &&
      g_strcmp0 (gk_record_get_status (record), GK_STATUS_PUBLISHED) == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("A published record cannot be marked “not disclosed”: withdraw it first"));
      return FALSE;
    }

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stored = gk_store_get_record (self, gk_record_get_uuid (record), error);
  if (stored == NULL)
    goto fail;

  /* Status moves only through gk_store_set_status(), which checks the rules. */
  gk_record_set_status (record, gk_record_get_status (stored));
  gk_record_set_published_on (record, gk_record_get_published_on (stored));
  gk_record_set_public_on (record, gk_record_get_public_on (stored));
  gk_record_set_index_no (record, gk_record_get_index_no (stored));
  gk_record_set_created_at (record, gk_record_get_created_at (stored));
  gk_record_set_id (record, gk_record_get_id (stored));
  gk_record_set_item_id (record, gk_record_get_item_id (stored));
  gk_record_set_domain (record, gk_record_get_domain (stored));

#define DIFF(f, name) \
  if (g_strcmp0 (gk_record_get_##f (stored), gk_record_get_##f (record)) != 0) \
    { \
      changed = TRUE; \
      if (!gk_store_add_history (self, gk_record_get_uuid (record), "update", name, \
                                 gk_record_get_##f (stored), gk_record_get_##f (record), error)) \
        goto fail; \
    }
  DIFF (title, "title");
  DIFF (body, "body");
  DIFF (doc_no, "doc_no");
  DIFF (formed_on, "formed_on");
  DIFF (mode, "mode");
  DIFF (exemption, "exemption");
  DIFF (exemption_reason, "exemption_reason");
#undef DIFF

  if (gk_record_get_unit_id (stored) != gk_record_get_unit_id (record) || gk_record_get_project_id (stored) != gk_record_get_project_id (record))
    {
      g_autofree char *old_unit = g_strdup_printf ("%" G_GINT64_FORMAT, gk_record_get_unit_id (stored));
      g_autofree char *new_unit = g_strdup_printf ("%" G_GINT64_FORMAT, gk_record_get_unit_id (record));
      g_autofree char *old_project = g_strdup_printf ("%" G_GINT64_FORMAT, gk_record_get_project_id (stored));
      g_autofree char *new_project = g_strdup_printf ("%" G_GINT64_FORMAT, gk_record_get_project_id (record));

      changed = TRUE;
      if (gk_record_get_unit_id (stored) != gk_record_get_unit_id (record) &&
          !gk_store_add_history (self, gk_record_get_uuid (record), "update", "unit", gk_record_get_unit_name (stored), gk_record_get_unit_name (record), error))
        goto fail;
      if (gk_record_get_project_id (stored) != gk_record_get_project_id (record) &&
          !gk_store_add_history (self, gk_record_get_uuid (record), "update", "project", old_project, new_project, error))
        goto fail;
    }

  /* The values are compared and kept as one JSON object, whichever section
   * set which key. */
  fields = gk_record_dup_values_json (record);
  stored_fields = gk_record_dup_values_json (stored);
  if (g_strcmp0 (stored_fields, fields) != 0)
    {
      changed = TRUE;
      if (!add_fields_history (self, gk_record_get_uuid (record), stored_fields, fields, error))
        goto fail;
    }

  /* Nothing to write: an outer transaction (an import's) goes on. */
  if (!changed)
    return gk_db_commit (self->db, error);

  /* What was published is what the public read: a change to it is a 变更,
   * with its own date and deadline, never a silent edit. */
  if (g_strcmp0 (gk_record_get_status (stored), GK_STATUS_PUBLISHED) == 0 &&
      g_strcmp0 (gk_record_get_domain (stored), "request") != 0 &&
      (g_strcmp0 (gk_record_get_title (stored), gk_record_get_title (record)) != 0 ||
       g_strcmp0 (gk_record_get_body (stored), gk_record_get_body (record)) != 0 ||
       g_strcmp0 (gk_record_get_doc_no (stored), gk_record_get_doc_no (record)) != 0 ||
       g_strcmp0 (gk_record_get_formed_on (stored), gk_record_get_formed_on (record)) != 0 ||
       g_strcmp0 (stored_fields, fields) != 0))
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("The record is published: record a change (变更) before editing what it says"));
      goto fail;
    }

  now = gk_store_now ();
  gk_record_set_updated_at (record, now);
  gk_store_compute_due (self, record);

  stmt = gk_db_prepare (self->db,
                        "UPDATE records SET title = ?2, body = ?3, fields = ?4, unit_id = nullif (?5, 0), "
                        "project_id = nullif (?6, 0), doc_no = ?7, formed_on = ?8, due_on = ?9, "
                        "due_missing_year = ?10, mode = ?11, exemption = ?12, exemption_reason = ?13, "
                        "updated_at = ?14, published_on = ?15 WHERE id = ?1",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), error) ||
      !gk_db_statement_bind_text (stmt, 2, gk_record_get_title (record), error) ||
      !gk_db_statement_bind_text (stmt, 3, gk_record_get_body (record), error) ||
      !gk_db_statement_bind_text (stmt, 4, fields, error) ||
      !gk_db_statement_bind_int64 (stmt, 5, gk_record_get_unit_id (record), error) ||
      !gk_db_statement_bind_int64 (stmt, 6, gk_record_get_project_id (record), error) ||
      !gk_db_statement_bind_text (stmt, 7, gk_record_get_doc_no (record), error) ||
      !gk_db_statement_bind_text (stmt, 8, gk_record_get_formed_on (record), error) ||
      !gk_db_statement_bind_text (stmt, 9, gk_record_get_due_on (record), error) ||
      !gk_db_statement_bind_int (stmt, 10, gk_record_get_due_missing_year (record), error) ||
      !gk_db_statement_bind_text (stmt, 11, gk_record_get_mode (record), error) ||
      !gk_db_statement_bind_text (stmt, 12, gk_record_get_exemption (record), error) ||
      !gk_db_statement_bind_text (stmt, 13, gk_record_get_exemption_reason (record), error) ||
      !gk_db_statement_bind_text (stmt, 14, gk_record_get_updated_at (record), error))
    goto fail;
  /* Unchanged, except for a request, whose reply date closes it. */
  if (!gk_db_statement_bind_text (stmt, 15, gk_record_get_published_on (record), error) ||
      !gk_db_statement_step_done (stmt, error) ||
      !gk_store_index_record (self, record, error))
    goto fail;

  if (!gk_db_commit (self->db, error))
    return FALSE;

  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

gboolean
gk_store_can_delete_record (GkStore   *self,
                            GkRecord  *record,
                            GError   **error)
{
  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);

  if (gk_record_get_published_on (record) != NULL ||
      g_strcmp0 (gk_record_get_status (record), GK_STATUS_PUBLISHED) == 0 ||
      g_strcmp0 (gk_record_get_status (record), GK_STATUS_WITHDRAWN) == 0 ||
      gk_store_record_has_change (self, record))
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("A record that was published is withdrawn, not deleted: it and its index number stay on file"));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_store_delete_record (GkStore     *self,
                        const char  *uuid,
                        GError     **error)
{
  g_autoptr(GkRecord) stored = NULL;
  GkDbStatement *stmt;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stored = gk_store_get_record (self, uuid, error);
  if (stored == NULL || !gk_store_can_delete_record (self, stored, error))
    goto fail;

  /* Out of the indexes first: they need the text the record still has. */
  if (!gk_store_unindex_record (self, gk_record_get_id (stored), error))
    goto fail;

  stmt = gk_db_prepare (self->db, "DELETE FROM records WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (stored), error) ||
      !gk_db_statement_step_done (stmt, error) ||
      !gk_store_add_history (self, uuid, "delete", NULL, gk_record_get_title (stored), NULL, error))
    goto fail;

  if (!gk_db_commit (self->db, error))
    return FALSE;

  g_hash_table_remove (self->hidden, uuid);
  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

GPtrArray *
gk_store_get_history (GkStore     *self,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_history_entry_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT id, record_uuid, at, user, action, field, old_value, new_value "
                        "FROM history WHERE record_uuid = ?1 ORDER BY id",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkHistoryEntry *entry = g_new0 (GkHistoryEntry, 1);

      entry->id = gk_db_statement_get_int64 (stmt, 0);
      entry->record_uuid = gk_db_statement_dup_text (stmt, 1);
      entry->at = gk_db_statement_dup_text (stmt, 2);
      entry->user = gk_db_statement_dup_text (stmt, 3);
      entry->action = gk_db_statement_dup_text (stmt, 4);
      entry->field = gk_db_statement_dup_text (stmt, 5);
      entry->old_value = gk_db_statement_dup_text (stmt, 6);
      entry->new_value = gk_db_statement_dup_text (stmt, 7);
      g_ptr_array_add (entries, entry);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
