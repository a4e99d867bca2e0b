/* gk-store-projects.c: projects and their disclosure chains (notice → … → contract). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-calendar.h"
#include "gk-store-private.h"

static GkProject *
project_from_row (sqlite3_stmt *stmt)
{
  GkProject *project = g_new0 (GkProject, 1);

  project->id = sqlite3_column_int64 (stmt, 0);
  project->uuid = gk_column_dup (stmt, 1);
  project->kind = gk_column_dup (stmt, 2);
  project->name = gk_column_dup (stmt, 3);
  project->code = gk_column_dup (stmt, 4);
  project->investment_code = gk_column_dup (stmt, 5);
  project->unit_id = sqlite3_column_int64 (stmt, 6);
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
  sqlite3_stmt *stmt;

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
  if (stmt == NULL)
    return NULL;

  gk_bind_text (stmt, 1, uuid);
  gk_bind_text (stmt, 2, kind);
  gk_bind_text (stmt, 3, name);
  gk_bind_text (stmt, 4, code != NULL ? code : "");
  gk_bind_text (stmt, 5, investment_code != NULL ? investment_code : "");
  sqlite3_bind_int64 (stmt, 6, unit_id);
  gk_bind_text (stmt, 7, now);
  if (!gk_db_step_done (self->db, stmt, error))
    return NULL;

  return gk_store_get_project (self, sqlite3_last_insert_rowid (gk_db_get_handle (self->db)), error);
}

GkProject *
gk_store_get_project (GkStore  *self,
                      gint64    project_id,
                      GError  **error)
{
  sqlite3_stmt *stmt = gk_db_prepare (self->db, "SELECT " PROJECT_COLUMNS " FROM projects WHERE id = ?1", error);
  GkProject *project = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, project_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    project = project_from_row (stmt);
  sqlite3_reset (stmt);

  if (project == NULL)
    g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, _("No such project"));
  return project;
}

GPtrArray *
gk_store_list_projects (GkStore     *self,
                        const char  *kind,
                        GError     **error)
{
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_project_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = gk_db_prepare (self->db,
                        "SELECT " PROJECT_COLUMNS " FROM projects WHERE ?1 IS NULL OR kind = ?1 ORDER BY id DESC",
                        error);
  if (stmt == NULL)
    return NULL;

  gk_bind_text (stmt, 1, kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (projects, project_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gk_db_set_error (self->db, error);
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

  return stage_a->item->stage - stage_b->item->stage;
}

/* The stages of a project's kind, each with its latest record and a state:
 * a stage skipped while a later one exists is missing; the next stage after
 * the last present one is due, or overdue once the last present record was
 * published more than 20 working days ago (or was itself overdue). */
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
  int last_present = -1;

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
      sqlite3_stmt *stmt;

      if (g_strcmp0 (item->project_kind, project->kind) != 0 || item->stage <= 0)
        continue;

      stage = g_new0 (GkStage, 1);
      stage->item = gk_item_copy (item);
      stmt = gk_db_prepare (self->db,
                            "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM
                            " WHERE r.project_id = ?1 AND r.item_id = ?2 ORDER BY r.formed_on DESC, r.id DESC LIMIT 1",
                            error);
      if (stmt == NULL)
        {
          gk_stage_free (stage);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        stage->record = gk_store_record_from_row (stmt);
      sqlite3_reset (stmt);

      g_ptr_array_add (stages, stage);
    }

  /* The catalog lists items in its own order; a chain runs by stage. */
  g_ptr_array_sort (stages, compare_stages);
  for (guint i = 0; i < stages->len; i++)
    if (((GkStage *) g_ptr_array_index (stages, i))->record != NULL)
      last_present = i;

  for (guint i = 0; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (stage->record != NULL)
        {
          gboolean late = gk_record_is_overdue (stage->record, real_today) ||
                          (stage->record->published_on != NULL && stage->record->due_on != NULL &&
                           g_strcmp0 (stage->record->published_on, stage->record->due_on) > 0);
          stage->state = late ? GK_STAGE_LATE : GK_STAGE_PRESENT;
        }
      else if ((int) i < last_present)
        stage->state = GK_STAGE_MISSING;
      else if ((int) i == last_present + 1 && last_present >= 0)
        {
          GkRecord *previous = ((GkStage *) g_ptr_array_index (stages, last_present))->record;
          gboolean stalled = gk_record_is_overdue (previous, real_today);

          if (!stalled && previous->published_on != NULL)
            {
              GDate published, limit;

              g_date_clear (&published, 1);
              if (gk_calendar_parse_date (previous->published_on, &published, NULL))
                {
                  g_autofree char *limit_text = NULL;

                  gk_calendar_add_workdays (self->calendar, &published, 20, &limit, NULL);
                  limit_text = gk_calendar_format_date (&limit);
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
