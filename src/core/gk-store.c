/* gk-store.c: the ledger in one SQLite file: catalog, units, projects, records, history. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-core.h"
#include "gk-schema.h"
#include <json-glib/json-glib.h>

#include "gk-backup.h"
#include "gk-store-private.h"
#include "gk-plan.h"
#include "gk-settings.h"
#include "gk-validate.h"

G_DEFINE_FINAL_TYPE (GkStore, gk_store, G_TYPE_OBJECT)

enum {
  RECORDS_CHANGED,
  CATALOG_CHANGED,
  SETTINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
gk_unit_free (GkUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit);
}

void
gk_project_free (GkProject *project)
{
  if (project == NULL)
    return;
  g_free (project->uuid);
  g_free (project->kind);
  g_free (project->name);
  g_free (project->code);
  g_free (project->investment_code);
  g_free (project);
}

void
gk_stage_free (GkStage *stage)
{
  if (stage == NULL)
    return;
  g_clear_object (&stage->item);
  g_clear_object (&stage->record);
  g_free (stage);
}

void
gk_history_entry_free (GkHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->record_uuid);
  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

char *
gk_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format_iso8601 (now);
}

void
gk_store_emit_records_changed (GkStore *self)
{
  g_signal_emit (self, signals[RECORDS_CHANGED], 0);
}

void
gk_store_emit_catalog_changed (GkStore *self)
{
  g_signal_emit (self, signals[CATALOG_CHANGED], 0);
}

void
gk_store_emit_settings_changed (GkStore    *self,
                                const char *key)
{
  g_signal_emit (self, signals[SETTINGS_CHANGED], g_quark_from_string (key), key);
}

void
gk_store_hide_record (GkStore    *self,
                      const char *uuid)
{
  g_return_if_fail (GK_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  if (g_hash_table_add (self->hidden, g_strdup (uuid)))
    gk_store_emit_records_changed (self);
}

void
gk_store_unhide_record (GkStore    *self,
                        const char *uuid)
{
  g_return_if_fail (GK_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  if (g_hash_table_remove (self->hidden, uuid))
    gk_store_emit_records_changed (self);
}

char **
gk_store_dup_hidden_records (GkStore *self)
{
  g_autofree char **uuids = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  uuids = (char **) g_hash_table_get_keys_as_array (self->hidden, NULL);
  return g_strdupv (uuids);
}

gboolean
gk_store_is_record_hidden (GkStore    *self,
                           const char *uuid)
{
  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  return uuid != NULL && g_hash_table_contains (self->hidden, uuid);
}

char *
gk_store_dup_hidden_json (GkStore *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer uuid;

  if (g_hash_table_size (self->hidden) == 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    json_builder_add_string_value (builder, uuid);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* What was deleted pending an undo is deleted when the ledger closes. */
static void
delete_hidden_records (GkStore *self)
{
  g_autofree char **uuids = NULL;

  /* A read-only store only mirrors what another one hides. */
  if (self->db == NULL || self->read_only || g_hash_table_size (self->hidden) == 0)
    return;

  uuids = (char **) g_hash_table_get_keys_as_array (self->hidden, NULL);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!gk_store_delete_record (self, uuids[i], &error))
        g_warning ("Could not delete record %s: %s", uuids[i], error->message);
    }
  g_hash_table_remove_all (self->hidden);
}

static void
gk_store_dispose (GObject *object)
{
  delete_hidden_records (GK_STORE (object));

  G_OBJECT_CLASS (gk_store_parent_class)->dispose (object);
}

static void
gk_store_finalize (GObject *object)
{
  GkStore *self = GK_STORE (object);

  g_clear_pointer (&self->db, gk_db_close);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  /* The connection's gk_search_hit() used it until the line above. */
  g_clear_pointer (&self->search_cache, gk_search_cache_free);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->item_cache, g_hash_table_unref);
  g_clear_pointer (&self->deferred_index, g_hash_table_unref);

  G_OBJECT_CLASS (gk_store_parent_class)->finalize (object);
}

static void
gk_store_class_init (GkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_store_dispose;
  object_class->finalize = gk_store_finalize;

  /* Emitted after any write that changes which records exist or how they list. */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CATALOG_CHANGED] =
    g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A value of the settings table changed; the detail is its key. */
  signals[SETTINGS_CHANGED] =
    g_signal_new ("settings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gk_store_init (GkStore *self)
{
  self->user = g_strdup (g_get_user_name ());
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->index_now_max = GK_STORE_INDEX_NOW_MAX;
}

/* @defer_index: an outdated search index is marked pending, not rebuilt. */
static GkStore *
open_store (const char     *path,
            GkDbOpenFlags   flags,
            gboolean        defer_index,
            GError        **error)
{
  g_autoptr(GkStore) self = g_object_new (GK_TYPE_STORE, NULL);
  gboolean current = TRUE;

  self->db = gk_db_open_full (path, gk_db_schema_version (), flags, error);
  if (self->db == NULL)
    return NULL;

  if (!gk_store_seed_defaults (self, error) ||
      !gk_store_upgrade_catalog (self, error))
    return NULL;
  if (defer_index)
    {
      guint n_pending = 0;

      if (!gk_store_search_index_is_current (self, &current, error) ||
          !gk_store_count_search_pending (self, &n_pending, error))
        return NULL;
      self->index_pending = !current || n_pending > 0;
    }
  else if (!gk_store_update_search_index (self, error))
    return NULL;

  if (!gk_store_load_calendar (self, error) ||
      !gk_store_register_sql_functions (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

GkStore *
gk_store_open_read_only (const char         *path,
                         const char * const *hidden,
                         GError            **error)
{
  g_autoptr(GkStore) self = g_object_new (GK_TYPE_STORE, NULL);

  self->read_only = TRUE;
  self->db = gk_db_open_read_only (path, error);
  if (self->db == NULL)
    return NULL;

  if (!gk_store_load_calendar (self, error) ||
      !gk_store_register_sql_functions (self, error))
    return NULL;

  for (guint i = 0; hidden != NULL && hidden[i] != NULL; i++)
    gk_store_hide_record (self, hidden[i]);
  return g_steal_pointer (&self);
}

static GkStore *
open_with_backup (const char  *path,
                  gboolean     defer_index,
                  GError     **error)
{
  g_autoptr(GkStore) self = open_store (path, GK_DB_OPEN_CREATE, defer_index, error);
  g_autoptr(GError) backup_error = NULL;

  if (self == NULL)
    return NULL;

  /* The day's copy, of a ledger known to be whole (a large one is checked
   * later: its copy waits for the next day's first open after that). A
   * copy that fails does not keep the clerk from the ledger. */
  if (gk_db_is_verified (self->db) && !gk_store_backup_daily (self, &backup_error))
    g_debug ("No daily backup of %s: %s", path, backup_error->message);

  return g_steal_pointer (&self);
}

GkStore *
gk_store_open (const char  *path,
               GError     **error)
{
  return open_with_backup (path, FALSE, error);
}

GkStore *
gk_store_open_deferring_index (const char  *path,
                               GError     **error)
{
  return open_with_backup (path, TRUE, error);
}

GkStore *
gk_store_open_existing (const char  *path,
                        GError     **error)
{
  return open_store (path, GK_DB_OPEN_NONE, FALSE, error);
}

gboolean
gk_store_get_search_index_pending (GkStore *self)
{
  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  return self->index_pending;
}

/* The worker's progress, handed to the caller's main context. */
typedef struct
{
  GMainContext *context;
  GkIndexProgressFunc progress;
  gpointer progress_data;
  char *path;
} ReindexData;

typedef struct
{
  GTask *task;
  guint done;
  guint total;
} ReindexProgress;

static void
reindex_progress_free (ReindexProgress *report)
{
  g_object_unref (report->task);
  g_free (report);
}

static void
reindex_data_free (ReindexData *data)
{
  g_main_context_unref (data->context);
  g_free (data->path);
  g_free (data);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  ReindexProgress *report = user_data;
  ReindexData *data = g_task_get_task_data (report->task);
  GCancellable *cancellable = g_task_get_cancellable (report->task);

  /* Cancelled: whoever asked may be gone. */
  if (!g_cancellable_is_cancelled (cancellable))
    data->progress (report->done, report->total, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
on_worker_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  GTask *task = user_data;
  ReindexData *data = g_task_get_task_data (task);
  ReindexProgress *report;

  if (data->progress == NULL)
    return;
  report = g_new0 (ReindexProgress, 1);
  report->task = g_object_ref (task);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                              (GDestroyNotify) reindex_progress_free);
}

/* Records indexed per transaction after an import: a save in the window
 * waits for one batch at most (about a tenth of a second). */
#define PENDING_BATCH 500

static void
reindex_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReindexData *data = task_data;
  g_autoptr(GkStore) worker = NULL;
  GError *error = NULL;
  gboolean current = FALSE;

  /* A connection of its own: the window's stays free for the clerk. */
  worker = open_store (data->path, GK_DB_OPEN_NONE, TRUE, &error);
  if (worker == NULL ||
      !gk_store_search_index_is_current (worker, &current, &error) ||
      (!current && !gk_store_rebuild_search_index (worker, on_worker_progress, task, cancellable, &error)) ||
      /* What a large import left, a batch per transaction. */
      !gk_store_index_pending (worker, PENDING_BATCH, on_worker_progress, task, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
gk_store_rebuild_search_index_async (GkStore             *self,
                                     GkIndexProgressFunc  progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReindexData *data;

  g_return_if_fail (GK_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_store_rebuild_search_index_async);
  data = g_new0 (ReindexData, 1);
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->path = g_strdup (gk_store_get_path (self));
  g_task_set_task_data (task, data, (GDestroyNotify) reindex_data_free);
  g_task_run_in_thread (task, reindex_thread);
}

gboolean
gk_store_rebuild_search_index_finish (GkStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  guint n_pending = 0;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* Searches may now find every record: the lists ask again. Another
   * import may have left more meanwhile. */
  self->index_pending = gk_store_count_search_pending (self, &n_pending, NULL) && n_pending > 0;
  g_clear_pointer (&self->search_cache, gk_search_cache_free);
  gk_store_emit_records_changed (self);
  return TRUE;
}

GkDb *
gk_store_get_db (GkStore *self)
{
  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  return self->db;
}

const char *
gk_store_get_path (GkStore *self)
{
  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  return gk_db_get_path (self->db);
}

GkCalendar *
gk_store_get_calendar (GkStore *self)
{
  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  return self->calendar;
}

char *
gk_store_get_attachments_dir (GkStore *self)
{
  g_autofree char *dir = g_path_get_dirname (gk_db_get_path (self->db));
  g_autofree char *base = g_path_get_basename (gk_db_get_path (self->db));
  g_autofree char *name = g_strconcat (base, ".files", NULL);

  return g_build_filename (dir, name, NULL);
}

void
gk_store_set_user (GkStore    *self,
                   const char *user)
{
  g_return_if_fail (GK_IS_STORE (self));
  g_free (self->user);
  self->user = g_strdup (user);
}

void
gk_store_reload (GkStore *self)
{
  guint n_pending = 0;

  g_return_if_fail (GK_IS_STORE (self));

  gk_store_forget_items (self);
  /* An import through the other connection may have left records for
   * the indexing pass. */
  if (!self->read_only && gk_store_count_search_pending (self, &n_pending, NULL) && n_pending > 0)
    self->index_pending = TRUE;
  gk_store_emit_catalog_changed (self);
  gk_store_emit_records_changed (self);
}

/* Organisation and units */

gboolean
gk_store_get_organisation (GkStore  *self,
                           char    **name,
                           char    **code,
                           GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT name, code FROM organisation WHERE id = 1", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;

  if (!gk_db_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      /* Not set up yet: no name, and no code to issue 索引号 with. */
      if (name != NULL)
        *name = g_strdup ("");
      if (code != NULL)
        *code = g_strdup ("");
      return TRUE;
    }

  if (name != NULL)
    *name = gk_db_statement_dup_text (stmt, 0);
  if (code != NULL)
    *code = gk_db_statement_dup_text (stmt, 1);
  gk_db_statement_reset (stmt);
  return TRUE;
}

gboolean
gk_store_set_organisation (GkStore     *self,
                           const char  *name,
                           const char  *code,
                           GError     **error)
{
  GkDbStatement *stmt;
  g_autofree char *clean_name = NULL;
  g_autoptr(GkValidation) check = NULL;

  g_return_val_if_fail (name != NULL && code != NULL, FALSE);

  clean_name = g_strstrip (g_strdup (name));
  if (*clean_name == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The organisation needs a name"));
      return FALSE;
    }
  /* The code is the front of every 索引号 issued from now on: a mistyped
   * one would be printed on public pages for good. */
  check = gk_validate_index_prefix (code);
  if (check->severity == GK_SEVERITY_ERROR)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The organisation code “%s” is not valid: %s"),
                   code, check->message);
      return FALSE;
    }

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO organisation (id, name, code) VALUES (1, ?1, ?2) "
                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, clean_name, error) ||
      !gk_db_statement_bind_text (stmt, 2, check->normalized, error))
    return FALSE;
  return gk_db_statement_step_done (stmt, error);
}

gboolean
gk_store_set_organisation_level (GkStore     *self,
                                 const char  *level,
                                 GError     **error)
{
  if (g_strcmp0 (level, GK_ORGANISATION_DISTRICT) != 0 && g_strcmp0 (level, GK_ORGANISATION_DEPARTMENT) != 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The organisation's level is “district” or “department”, not “%s”"), level);
      return FALSE;
    }
  return gk_store_set_setting (self, GK_SETTING_ORGANISATION_LEVEL, level, error);
}

GPtrArray *
gk_store_list_units (GkStore   *self,
                     gboolean   include_retired,
                     GError   **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_unit_free);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db,
                        "SELECT id, name, retired FROM units "
                        "WHERE organisation_id IS NULL AND (?1 OR retired = 0) ORDER BY position, id",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int (stmt, 1, include_retired, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkUnit *unit = g_new0 (GkUnit, 1);

      unit->id = gk_db_statement_get_int64 (stmt, 0);
      unit->name = gk_db_statement_dup_text (stmt, 1);
      unit->retired = gk_db_statement_get_int (stmt, 2);
      g_ptr_array_add (units, unit);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&units);
}

gint64
gk_store_add_unit (GkStore     *self,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (*clean == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A unit needs a name"));
      return 0;
    }

  if (gk_store_find_unit (self, clean, &local_error) != 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CONSTRAINT, _("The unit “%s” already exists"), clean);
      return 0;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  stmt = gk_db_prepare (self->db,
                        "INSERT INTO units (name, position) "
                        "VALUES (?1, (SELECT coalesce (max (position), 0) + 1 FROM units WHERE organisation_id IS NULL))",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, clean, error) ||
      !gk_db_statement_step_done (stmt, error))
    return 0;

  return gk_db_get_last_insert_id (self->db);
}

gboolean
gk_store_update_unit (GkStore     *self,
                      gint64       unit_id,
                      const char  *name,
                      gboolean     retired,
                      GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gint64 existing;

  if (*clean == '\0')
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A unit needs a name"));
      return FALSE;
    }

  /* A rename onto another unit's name would merge two units' records. */
  existing = gk_store_find_unit (self, clean, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (existing != 0 && existing != unit_id)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_CONSTRAINT, _("The unit “%s” already exists"), clean);
      return FALSE;
    }

  stmt = gk_db_prepare (self->db, "UPDATE units SET name = ?2, retired = ?3 WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, unit_id, error) ||
      !gk_db_statement_bind_text (stmt, 2, clean, error) ||
      !gk_db_statement_bind_int (stmt, 3, retired, error) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;

  if (gk_db_get_changes (self->db) == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, _("No such unit"));
      return FALSE;
    }

  gk_store_emit_records_changed (self);
  return TRUE;
}

GkUnit *
gk_store_get_unit (GkStore  *self,
                   gint64    unit_id,
                   GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT id, name, retired FROM units WHERE id = ?1", error);
  GkUnit *unit;

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, unit_id, error) ||
      !gk_db_statement_step_one (stmt, error, _("No such unit")))
    return NULL;
  unit = g_new0 (GkUnit, 1);
  unit->id = gk_db_statement_get_int64 (stmt, 0);
  unit->name = gk_db_statement_dup_text (stmt, 1);
  unit->retired = gk_db_statement_get_int (stmt, 2);
  gk_db_statement_reset (stmt);
  return unit;
}

gboolean
gk_store_remove_unit (GkStore  *self,
                      gint64    unit_id,
                      GError  **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gboolean used;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stmt = gk_db_prepare (self->db,
                        "SELECT 1 WHERE EXISTS (SELECT 1 FROM records WHERE unit_id = ?1) "
                        "OR EXISTS (SELECT 1 FROM projects WHERE unit_id = ?1)",
                        error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, unit_id, error))
    goto fail;
  used = gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }
  if (used)
    {
      gk_db_statement_reset (stmt);
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("Records are attributed to this unit: retire it instead"));
      goto fail;
    }

  stmt = gk_db_prepare (self->db, "DELETE FROM units WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, unit_id, error) ||
      !gk_db_statement_step_done (stmt, error))
    goto fail;
  if (gk_db_get_changes (self->db) == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, _("No such unit"));
      goto fail;
    }
  if (!gk_db_commit (self->db, error))
    return FALSE;

  gk_store_emit_records_changed (self);
  return TRUE;

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

char *
gk_store_dup_unit_name (GkStore  *self,
                        gint64    id,
                        GError  **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT name FROM units WHERE id = ?1", error);
  char *name = NULL;

  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, id, error))
    return NULL;
  if (gk_db_statement_step (stmt, error))
    {
      name = gk_db_statement_dup_text (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  return name;
}

gint64
gk_store_find_unit (GkStore     *self,
                    const char  *name,
                    GError     **error)
{
  GkDbStatement *stmt = gk_db_prepare (self->db, "SELECT id FROM units WHERE organisation_id IS NULL AND name = ?1", error);
  gint64 id = 0;

  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, name, error))
    return 0;
  if (gk_db_statement_step (stmt, error))
    {
      id = gk_db_statement_get_int64 (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  return id;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GkDb *db = task_data;
  GError *error = NULL;

  if (gk_db_verify (db, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs the integrity check of a large ledger in a worker thread, on a
 * connection of its own; the store stays usable meanwhile. */
void
gk_store_verify_async (GkStore             *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, gk_store_verify_async);
  /* The store (and so the GkDb) outlives the task: the task holds it. */
  g_task_set_task_data (task, self->db, NULL);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
gk_store_verify_finish (GkStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
gk_store_verify (GkStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  return gk_db_verify (self->db, error);
}

int
gk_store_get_format_version (GkStore *self)
{
  g_return_val_if_fail (GK_IS_STORE (self), -1);

  return gk_db_get_user_version (self->db);
}

int
gk_store_format_version (void)
{
  return gk_db_schema_version ();
}

gboolean
gk_store_is_verified (GkStore *self)
{
  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  return gk_db_is_verified (self->db);
}
