/* gk-store-duties.c: the yearly duties the law and the plan set: the reports' dates and each unit's work plan. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-plan.h"
#include "gk-settings.h"
#include "gk-store-private.h"

/* The group the catalog names for every street and town (各街镇). */
#define TOWNS_STREETS_GROUP "各街镇"

char *
gk_store_dup_organisation_level (GkStore  *self,
                                 GError  **error)
{
  g_autofree char *level = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  level = gk_store_get_setting (self, GK_SETTING_ORGANISATION_LEVEL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  /* Most ledgers are a department's: the earlier date is the safe guess. */
  if (g_strcmp0 (level, GK_ORGANISATION_DISTRICT) == 0)
    return g_strdup (GK_ORGANISATION_DISTRICT);
  return g_strdup (GK_ORGANISATION_DEPARTMENT);
}

/* ------------------------------------------------------------------ */
/* Duties                                                             */

static const char * const duty_keys[GK_DUTY_N_KINDS] = { "annual-report", "progress-report" };

void
gk_duty_free (GkDuty *duty)
{
  if (duty == NULL)
    return;
  g_free (duty->due_on);
  g_free (duty->exported_at);
  g_free (duty->submitted_on);
  g_free (duty);
}

const char *
gk_duty_kind_to_key (GkDutyKind kind)
{
  g_return_val_if_fail (kind < GK_DUTY_N_KINDS, NULL);
  return duty_keys[kind];
}

gboolean
gk_duty_kind_from_key (const char *key,
                       GkDutyKind *kind)
{
  for (guint i = 0; i < GK_DUTY_N_KINDS; i++)
    if (g_strcmp0 (key, duty_keys[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gk_duty_kind_to_label (GkDutyKind kind)
{
  switch (kind)
    {
    case GK_DUTY_ANNUAL_REPORT:
      return _("Annual Report");
    case GK_DUTY_PROGRESS_REPORT:
      /* Translators: the yearly report on the progress of the public resource disclosure work */
      return _("Progress Report");
    case GK_DUTY_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
gk_duty_is_done (const GkDuty *duty)
{
  g_return_val_if_fail (duty != NULL, FALSE);
  return duty->exported_at != NULL && duty->submitted_on != NULL;
}

static char *
exported_key (int year)
{
  return g_strdup_printf (GK_SETTING_DUTY_PREFIX "%d/exported", year);
}

static char *
submitted_key (GkDutyKind kind,
               int        year)
{
  return g_strdup_printf (GK_SETTING_DUTY_PREFIX "%s/%d/submitted", gk_duty_kind_to_key (kind), year);
}

/* 条例 第四十九条: a department's annual report by 31 January, the
 * district's by 31 March. The plan (第八条第（二）项) has the progress
 * report sent to the office and published in the annual report, so it is
 * due with it. */
static char *
dup_due_on (const char *level,
            int         year)
{
  if (g_strcmp0 (level, GK_ORGANISATION_DISTRICT) == 0)
    return g_strdup_printf ("%04d-03-31", year + 1);
  return g_strdup_printf ("%04d-01-31", year + 1);
}

static gboolean
check_year (int      year,
            GError **error)
{
  if (year < 1900 || year > 9998)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("%d is not a report year"), year);
      return FALSE;
    }
  return TRUE;
}

static GkDuty *
read_duty (GkStore     *self,
           GkDutyKind   kind,
           int          year,
           const char  *level,
           const GDate *today,
           GError     **error)
{
  g_autoptr(GkDuty) duty = g_new0 (GkDuty, 1);
  g_autofree char *exported = exported_key (year);
  g_autofree char *submitted = submitted_key (kind, year);
  GError *local_error = NULL;
  GDate due, done;

  duty->kind = kind;
  duty->year = year;
  duty->due_on = dup_due_on (level, year);
  duty->exported_at = gk_store_get_setting (self, exported, &local_error);
  if (local_error == NULL)
    duty->submitted_on = gk_store_get_setting (self, submitted, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  gk_date_from_iso (duty->due_on, &due, NULL);
  if (gk_duty_is_done (duty) && gk_date_from_iso (duty->submitted_on, &done, NULL))
    gk_deadline_get_timeliness (self->calendar, &due, &done, today, GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &duty->info);
  else
    gk_deadline_get_timeliness (self->calendar, &due, NULL, today, GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &duty->info);
  return g_steal_pointer (&duty);
}

GkDuty *
gk_store_get_duty (GkStore     *self,
                   GkDutyKind   kind,
                   int          year,
                   const char  *today,
                   GError     **error)
{
  g_autofree char *real_today = today != NULL ? g_strdup (today) : gk_today ();
  g_autofree char *level = NULL;
  GDate today_date;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < GK_DUTY_N_KINDS, NULL);

  if (!check_year (year, error) || !gk_date_from_iso (real_today, &today_date, error))
    return NULL;
  level = gk_store_dup_organisation_level (self, error);
  if (level == NULL)
    return NULL;
  return read_duty (self, kind, year, level, &today_date, error);
}

/* Whether the ledger holds anything formed in @year: a ledger begun later
 * cannot tell whether that year's reports went out, and does not ask. */
static gboolean
has_year (GkStore  *self,
          int       year,
          gboolean *has,
          GError  **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  stmt = gk_db_prepare (self->db, "SELECT 1 FROM records WHERE formed_on BETWEEN ?1 AND ?2 LIMIT 1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, first, error) ||
      !gk_db_statement_bind_text (stmt, 2, last, error))
    return FALSE;
  *has = gk_db_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  gk_db_statement_reset (stmt);
  return TRUE;
}

GPtrArray *
gk_store_list_duties (GkStore     *self,
                      const char  *today,
                      gboolean     include_done,
                      GError     **error)
{
  g_autoptr(GPtrArray) duties = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_duty_free);
  g_autofree char *real_today = today != NULL ? g_strdup (today) : gk_today ();
  g_autofree char *level = NULL;
  GDate today_date;
  int first, last;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  if (!gk_date_from_iso (real_today, &today_date, error))
    return NULL;
  level = gk_store_dup_organisation_level (self, error);
  if (level == NULL)
    return NULL;

  /* Last year's reports are due early this year; this year's show from
   * December on, so that the office sees them coming. */
  first = g_date_get_year (&today_date) - 1;
  last = g_date_get_month (&today_date) == G_DATE_DECEMBER ? first + 1 : first;
  for (int year = first; year <= last; year++)
    {
      gboolean has = FALSE;

      if (!has_year (self, year, &has, error))
        return NULL;
      if (!has)
        continue;
      for (guint kind = 0; kind < GK_DUTY_N_KINDS; kind++)
        {
          GkDuty *duty = read_duty (self, kind, year, level, &today_date, error);

          if (duty == NULL)
            return NULL;
          if (!include_done && gk_duty_is_done (duty))
            gk_duty_free (duty);
          else
            g_ptr_array_add (duties, duty);
        }
    }
  return g_steal_pointer (&duties);
}

gboolean
gk_store_record_report_export (GkStore     *self,
                               int          year,
                               const char  *when,
                               GError     **error)
{
  g_autofree char *key = exported_key (year);
  g_autofree char *now = when != NULL ? g_strdup (when) : gk_store_now ();

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  return check_year (year, error) &&
         gk_store_set_setting (self, key, now, error);
}

gboolean
gk_store_submit_duty (GkStore     *self,
                      GkDutyKind   kind,
                      int          year,
                      const char  *on,
                      GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *real_on = on != NULL ? g_strdup (on) : gk_today ();
  GError *local_error = NULL;
  GDate date;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < GK_DUTY_N_KINDS, FALSE);

  if (!check_year (year, error) || !gk_date_from_iso (real_on, &date, error))
    return FALSE;

  key = exported_key (year);
  exported = gk_store_get_setting (self, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  /* What is submitted is the exported workbook. */
  if (exported == NULL)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The annual report for %d has not been exported yet: export it first"), year);
      return FALSE;
    }

  g_free (key);
  key = submitted_key (kind, year);
  g_free (real_on);
  real_on = gk_date_format_iso (&date);
  return gk_store_set_setting (self, key, real_on, error);
}

/* ------------------------------------------------------------------ */
/* Work plans                                                         */

void
gk_work_plan_row_free (GkWorkPlanRow *row)
{
  if (row == NULL)
    return;
  g_free (row->unit_name);
  g_clear_object (&row->record);
  g_free (row);
}

static gboolean
is_town_or_street (const char *name)
{
  return g_str_has_suffix (name, "街道") || g_str_has_suffix (name, "镇") || g_str_has_suffix (name, "乡");
}

#define WORK_PLAN_SQL \
  "SELECT " GK_RECORD_COLUMNS " FROM " GK_RECORD_FROM " " \
  "WHERE i.key = ?1 AND r.unit_id = ?2 AND " GK_RECORD_IS_PUBLIC_SQL " " \
  "  AND CAST (json_extract (r.fields, '$." GK_WORK_PLAN_YEAR_FIELD "') AS INTEGER) = ?3 " \
  "  AND r.uuid NOT IN (SELECT value FROM json_each (?4)) " \
  "ORDER BY r.published_on DESC, r.id DESC LIMIT 1"

GPtrArray *
gk_store_work_plan_status (GkStore  *self,
                           int       year,
                           GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_work_plan_row_free);
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GError *local_error = NULL;
  GkItem *item;
  gboolean towns;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  item = gk_store_get_item (self, GK_WORK_PLAN_ITEM, &local_error);
  if (item == NULL)
    {
      /* A ledger whose catalog has no such item expects no plan. */
      if (g_error_matches (local_error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          return g_steal_pointer (&rows);
        }
      g_propagate_error (error, local_error);
      return NULL;
    }
  units = gk_store_list_units (self, FALSE, error);
  if (units == NULL)
    return NULL;

  towns = gk_item_has_unit (item, TOWNS_STREETS_GROUP);
  for (guint i = 0; i < units->len; i++)
    {
      GkUnit *unit = g_ptr_array_index (units, i);
      g_autoptr(GkWorkPlanRow) row = NULL;
      GkDbStatement *stmt;

      if (!gk_item_has_unit (item, unit->name) && !(towns && is_town_or_street (unit->name)))
        continue;

      row = g_new0 (GkWorkPlanRow, 1);
      row->unit_id = unit->id;
      row->unit_name = g_strdup (unit->name);
      stmt = gk_db_prepare (self->db, WORK_PLAN_SQL, error);
      if (stmt == NULL ||
          !gk_db_statement_bind_text (stmt, 1, GK_WORK_PLAN_ITEM, error) ||
          !gk_db_statement_bind_int64 (stmt, 2, unit->id, error) ||
          !gk_db_statement_bind_int (stmt, 3, year, error) ||
          !gk_db_statement_bind_text (stmt, 4, hidden != NULL ? hidden : "[]", error))
        return NULL;
      if (gk_db_statement_step (stmt, &local_error))
        {
          row->record = gk_store_record_from_row (stmt);
          gk_db_statement_reset (stmt);
        }
      else if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return g_steal_pointer (&rows);
}
