/* gk-store-projects.c: projects and their disclosure chains (notice → … → contract). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gk-calendar.h"
#include "gk-plan.h"
#include "gk-schema.h"
#include "gk-store-private.h"

static GkProject *
project_from_row (GkDbStatement *stmt)
{
  GkProject *project = g_new0 (GkProject, 1);

  project->id = gk_db_statement_get_int64 (stmt, 0);
  project->uuid = gk_db_statement_dup_text (stmt, 1);
  project->kind = gk_db_statement_dup_text (stmt, 2);
  project->name = gk_db_statement_dup_text (stmt, 3);
  project->code = gk_db_statement_dup_text (stmt, 4);
  project->investment_code = gk_db_statement_dup_text (stmt, 5);
  project->unit_id = gk_db_statement_get_int64 (stmt, 6);
  return project;
}

#define PROJECT_COLUMNS "id, uuid, kind, name, code, investment_code, unit_id"

GkProject *
gk_store_create_project (GkStore     *self,
                         const char  *kind,
                         const char  *name,
                         const char  *code,
                         const char  *investment_code,
                         gint64       unit_id,
                         GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = gk_store_now ();
  GkDbStatement *stmt;

  if (g_strcmp0 (kind, "procurement") != 0 && g_strcmp0 (kind, "tender") != 0 && g_strcmp0 (kind, "housing") != 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("Unknown project kind “%s”"), kind);
      return NULL;
    }
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A project needs a name"));
      return NULL;
    }

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO projects (uuid, kind, name, code, investment_code, unit_id, created_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, uuid, error) ||
      !gk_db_statement_bind_text (stmt, 2, kind, error) ||
      !gk_db_statement_bind_text (stmt, 3, name, error) ||
      !gk_db_statement_bind_text (stmt, 4, code != NULL ? code : "", error) ||
      !gk_db_statement_bind_text (stmt, 5, investment_code != NULL ? investment_code : "", error) ||
      !gk_db_statement_bind_int64 (stmt, 6, unit_id, error) ||
      !gk_db_statement_bind_text (stmt, 7, now, error) ||
      !gk_db_statement_step_done (stmt, error))
    return NULL;

  return gk_store_get_project (self, gk_db_get_last_insert_id (self->db), error);
}

GkProject *
gk_store_get_project (GkStore  *self,
                      gint64    project_id,
                      GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT " PROJECT_COLUMNS " FROM projects WHERE id = ?1", error);
  GkProject *project;

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, project_id, error) ||
      !gk_db_statement_step_one (stmt, error, "%s", _("No such project")))
    return NULL;

  project = project_from_row (stmt);
  gk_db_statement_reset (stmt);
  return project;
}

GPtrArray *
gk_store_list_projects (GkStore     *self,
                        const char  *kind,
                        GError     **error)
{
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_project_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT " PROJECT_COLUMNS " FROM projects WHERE ?1 IS NULL OR kind = ?1 ORDER BY id DESC",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, kind, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    g_ptr_array_add (projects, project_from_row (stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&projects);
}

static int
compare_stages (gconstpointer a,
                gconstpointer b)
{
  const GkStage *stage_a = *(const GkStage **) a;
  const GkStage *stage_b = *(const GkStage **) b;

  return gk_item_get_stage (stage_a->item) - gk_item_get_stage (stage_b->item);
}

/* The stages of a project's kind, each with its latest record and a state:
 * a stage skipped while a later one exists is missing, or optional when the
 * item says a project may go without it (资格审查结果, 交易过程信息); the
 * next required stage after the last present one is due, or overdue once
 * the last present record was published more than 20 working days ago (or
 * was itself overdue), the optional ones before it not yet reached. A
 * correction notice (更正公告) is no step of the chain: it is listed when
 * the project has one, after the chain, and never missing or due. */
GPtrArray *
gk_store_project_stages (GkStore     *self,
                         gint64       project_id,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(GkProject) project = gk_store_get_project (self, project_id, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autofree char *real_today = today != NULL ? g_strdup (today) : gk_today ();
  /* A record deleted pending an undo no longer stands for its stage. */
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GError *local_error = NULL;
  int last_present = -1;
  int next_required = -1;

  if (project == NULL)
    return NULL;

  items = gk_store_list_items (self, NULL, TRUE, error);
  if (items == NULL)
    return NULL;

  stages = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_stage_free);
  for (guint i = 0; i < items->len; i++)
    {
      GkItem *item = g_ptr_array_index (items, i);
      GkStage *stage;
      GkDbStatement *stmt;

      if (g_strcmp0 (gk_item_get_project_kind (item), project->kind) != 0 || gk_item_get_stage (item) <= 0)
        continue;

      stage = g_new0 (GkStage, 1);
      stage->item = g_object_ref (item);
      stmt = gk_db_prepare (self->db,
                            "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM
                            " WHERE r.project_id = ?1 AND r.item_id = ?2"
                            " AND r.uuid NOT IN (SELECT value FROM json_each (?3))"
                            " ORDER BY r.formed_on DESC, r.id DESC LIMIT 1",
                            error);
      if (stmt == NULL ||
          !gk_db_statement_bind_int64 (stmt, 1, project_id, error) ||
          !gk_db_statement_bind_int64 (stmt, 2, gk_item_get_id (item), error) ||
          !gk_db_statement_bind_text (stmt, 3, hidden != NULL ? hidden : "[]", error))
        {
          gk_stage_free (stage);
          return NULL;
        }
      /* No record is a stage not reached yet; a failed read is not. */
      if (gk_db_statement_step (stmt, &local_error))
        {
          stage->record = gk_store_record_from_row (stmt);
          gk_db_statement_reset (stmt);
        }
      else if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          gk_stage_free (stage);
          return NULL;
        }

      if (stage->record == NULL && gk_item_is_correction (item))
        gk_stage_free (stage);
      else
        g_ptr_array_add (stages, stage);
    }

  /* The catalog lists items in its own order; a chain runs by stage. */
  g_ptr_array_sort (stages, compare_stages);
  for (guint i = 0; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (stage->record != NULL && !gk_item_is_correction (stage->item))
        last_present = i;
    }
  for (guint i = last_present + 1; last_present >= 0 && i < stages->len && next_required < 0; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (gk_item_get_stage_required (stage->item) && !gk_item_is_correction (stage->item))
        next_required = i;
    }

  for (guint i = 0; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (stage->record != NULL)
        {
          gboolean late = gk_record_is_overdue (stage->record, real_today) ||
                          (gk_record_get_published_on (stage->record) != NULL && gk_record_get_due_on (stage->record) != NULL &&
                           g_strcmp0 (gk_record_get_published_on (stage->record), gk_record_get_due_on (stage->record)) > 0);
          stage->state = late ? GK_STAGE_LATE : GK_STAGE_PRESENT;
        }
      else if ((int) i < last_present)
        stage->state = gk_item_get_stage_required (stage->item) ? GK_STAGE_MISSING : GK_STAGE_OPTIONAL;
      else if ((int) i == next_required)
        {
          GkRecord *previous = ((GkStage *) g_ptr_array_index (stages, last_present))->record;
          gboolean stalled = gk_record_is_overdue (previous, real_today);

          if (!stalled && gk_record_get_published_on (previous) != NULL)
            {
              GDate published, limit;

              g_date_clear (&published, 1);
              if (gk_date_from_iso (gk_record_get_published_on (previous), &published, NULL))
                {
                  g_autofree char *limit_text = NULL;

                  gk_calendar_add_workdays (self->calendar, &published, 20, &limit, NULL);
                  limit_text = gk_date_format_iso (&limit);
                  stalled = g_strcmp0 (limit_text, real_today) < 0;
                }
            }
          stage->state = stalled ? GK_STAGE_OVERDUE : GK_STAGE_DUE;
        }
      else
        stage->state = GK_STAGE_FUTURE;
    }

  return g_steal_pointer (&stages);
}

const char *
gk_project_kind_to_label (const char *kind)
{
  if (g_strcmp0 (kind, "procurement") == 0)
    return _("Government Procurement Project");
  if (g_strcmp0 (kind, "tender") == 0)
    return _("Construction Tender Project");
  if (g_strcmp0 (kind, "housing") == 0)
    return _("Affordable Housing Project");
  return kind;
}

const char *
gk_project_kind_code_label (const char *kind)
{
  if (g_strcmp0 (kind, "procurement") == 0)
    return _("Procurement Project Number");
  if (g_strcmp0 (kind, "tender") == 0)
    return _("Tender Project Number");
  return _("Project Number");
}

GkStage *
gk_project_stages_get_next (GPtrArray *stages)
{
  gboolean any_record = FALSE;

  g_return_val_if_fail (stages != NULL, NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (stage->state == GK_STAGE_MISSING || stage->state == GK_STAGE_DUE || stage->state == GK_STAGE_OVERDUE)
        return stage;
      any_record |= stage->record != NULL;
    }

  /* A project without any record yet starts at its first stage. */
  if (!any_record && stages->len > 0)
    return g_ptr_array_index (stages, 0);
  return NULL;
}

/* "招标人（发包人）" and "招标人" name the same party: compare labels
 * without what is in brackets, and without spaces. */
static char *
label_key (const char *label)
{
  GString *key = g_string_new (NULL);
  int depth = 0;

  for (const char *p = label != NULL ? label : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08)
        depth++;
      else if ((c == ')' || c == 0xFF09) && depth > 0)
        depth--;
      else if (depth == 0 && !g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
value_is_empty (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return *json_node_get_string (value) == '\0';
  if (JSON_NODE_HOLDS_ARRAY (value))
    return json_array_get_length (json_node_get_array (value)) == 0;
  return FALSE;
}

/* @value, if @field would take it as it is: the same kind, and valid (a
 * choice the new item does not offer is left for the clerk). */
static gboolean
field_accepts (const GkField *field,
               const GkField *source,
               JsonNode      *value)
{
  g_autoptr(GPtrArray) issues = NULL;

  if (source->kind != field->kind || field->kind == GK_FIELD_TABLE || value_is_empty (value))
    return FALSE;

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  gk_field_validate_value (field, value, issues);
  return gk_issues_get_severity (issues) != GK_SEVERITY_ERROR;
}

/* Fills the fields of @schema still missing from @values with those of
 * @source (a record of another stage) that match by key or by label. */
static void
copy_matching_fields (GkStore    *self,
                      GkSchema   *schema,
                      JsonObject *values,
                      GkRecord   *source)
{
  GkSchema *source_schema = gk_store_lookup_schema (self, gk_record_get_item_id (source));
  JsonObject *source_values = gk_record_get_values (source);

  if (source_schema == NULL)
    return;

  for (guint i = 0; i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);
      const GkField *match = NULL;
      g_autofree char *key = NULL;
      JsonNode *value;

      if (field->retired || json_object_has_member (values, field->id))
        continue;

      match = gk_schema_lookup_field (source_schema, field->id);
      if (match == NULL || !json_object_has_member (source_values, match->id))
        {
          key = label_key (field->label);
          match = NULL;
          for (guint j = 0; j < gk_schema_get_n_fields (source_schema); j++)
            {
              const GkField *candidate = gk_schema_get_field (source_schema, j);
              g_autofree char *candidate_key = label_key (candidate->label);

              if (g_strcmp0 (key, candidate_key) == 0 && json_object_has_member (source_values, candidate->id))
                {
                  match = candidate;
                  break;
                }
            }
        }
      if (match == NULL)
        continue;

      value = json_object_get_member (source_values, match->id);
      if (field_accepts (field, match, value))
        json_object_set_member (values, field->id, json_node_copy (value));
    }
}

/* The project's own name and codes, where the item asks for them: they
 * win over what an earlier record said. */
static void
set_project_fields (GkSchema   *schema,
                    JsonObject *values,
                    GkProject  *project)
{
  for (guint i = 0; i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);
      const char *value = NULL;

      if (field->retired)
        continue;
      if (field->kind == GK_FIELD_PROJECTCODE)
        value = project->investment_code;
      else if (field->kind != GK_FIELD_TEXT)
        continue;
      else if (g_strcmp0 (field->id, "project_name") == 0)
        value = project->name;
      else if (g_strcmp0 (field->id, "project_no") == 0 || g_strcmp0 (field->id, "tender_no") == 0)
        value = project->code;

      if (value != NULL && *value != '\0')
        json_object_set_string_member (values, field->id, value);
    }
}

GkRecord *
gk_store_create_stage_record (GkStore     *self,
                              gint64       project_id,
                              const char  *item_key,
                              GError     **error)
{
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = gk_today ();
  GkSchema *schema;
  JsonObject *values;
  GError *local_error = NULL;
  int position = -1;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (item_key != NULL, NULL);

  /* Read and write in one transaction: no other window slips a record in between. */
  if (!gk_db_begin (self->db, error))
    return NULL;

  project = gk_store_get_project (self, project_id, error);
  if (project == NULL)
    goto fail;
  item = gk_store_get_item (self, item_key, error);
  if (item == NULL)
    goto fail;

  if (g_strcmp0 (gk_item_get_project_kind (item), project->kind) != 0 || gk_item_get_stage (item) <= 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   /* Translators: a catalog item, then a project's name and its kind */
                   _("“%s” is not a stage of “%s” (%s)"),
                   gk_item_get_level2 (item), project->name, gk_project_kind_to_label (project->kind));
      goto fail;
    }
  if (gk_item_get_retired (item))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The catalog item “%s” is retired: no new records"), gk_item_get_level2 (item));
      goto fail;
    }

  schema = gk_store_lookup_schema (self, gk_item_get_id (item));
  if (schema == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The catalog item's fields cannot be read"));
      goto fail;
    }

  stages = gk_store_project_stages (self, project_id, NULL, error);
  if (stages == NULL)
    goto fail;

  /* Where the values come from: the nearest earlier stage first, then the
   * ones before it, then (for a stage entered late) the later ones. */
  for (guint i = 0; i < stages->len; i++)
    if (gk_item_get_id (((GkStage *) g_ptr_array_index (stages, i))->item) == gk_item_get_id (item))
      position = i;
  sources = g_ptr_array_new ();
  for (int i = position - 1; i >= 0; i--)
    {
      GkStage *stage = g_ptr_array_index (stages, i);
      if (stage->record != NULL)
        g_ptr_array_add (sources, stage->record);
    }
  for (guint i = position + 1; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);
      if (stage->record != NULL)
        g_ptr_array_add (sources, stage->record);
    }

  root = json_node_init_object (json_node_alloc (), json_object_new ());
  values = json_node_get_object (root);
  set_project_fields (schema, values, project);
  for (guint i = 0; i < sources->len; i++)
    copy_matching_fields (self, schema, values, g_ptr_array_index (sources, i));

  record = gk_record_new ();
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_project_id (record, project->id);
  /* "长安区某道路改造工程中标结果": the project, then what this stage publishes. */
  title = g_strconcat (project->name, gk_item_get_level2 (item), NULL);
  gk_record_set_title (record, title);
  gk_record_set_values (record, json_node_get_object (root));
  gk_record_set_formed_on (record, today);
  gk_record_set_unit_id (record, project->unit_id);
  if (gk_record_get_unit_id (record) == 0 && sources->len > 0)
    gk_record_set_unit_id (record, gk_record_get_unit_id (((GkRecord *) g_ptr_array_index (sources, 0))));
  if (gk_record_get_unit_id (record) == 0)
    {
      gk_record_set_unit_id (record, gk_store_find_item_unit (self, item, &local_error));
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          goto fail;
        }
    }

  if (!gk_store_insert_record (self, record, TRUE, error))
    goto fail;
  if (!gk_db_commit (self->db, error))
    return NULL;

  gk_store_emit_records_changed (self);
  return gk_store_get_record (self, gk_record_get_uuid (record), error);

fail:
  gk_db_rollback (self->db);
  return NULL;
}
