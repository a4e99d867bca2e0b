/* gk-store-supervision.c: the supervision (督查) report: each unit's timeliness, domain by domain. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gk-calendar.h"
#include "gk-date.h"
#include "gk-deadline.h"
#include "gk-store-private.h"

G_DEFINE_ENUM_TYPE (GkPeriod, gk_period,
  G_DEFINE_ENUM_VALUE (GK_PERIOD_THIS_MONTH, "this-month"),
  G_DEFINE_ENUM_VALUE (GK_PERIOD_THIS_QUARTER, "this-quarter"),
  G_DEFINE_ENUM_VALUE (GK_PERIOD_THIS_YEAR, "this-year"),
  G_DEFINE_ENUM_VALUE (GK_PERIOD_LAST_YEAR, "last-year"))

void
gk_supervision_row_free (GkSupervisionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->domain);
  g_free (row->domain_name);
  g_free (row->unit_name);
  g_free (row->grounds);
  g_free (row->organisation_code);
  g_free (row->organisation_name);
  g_free (row);
}

double
gk_supervision_row_get_rate (const GkSupervisionRow *row)
{
  guint judged;

  g_return_val_if_fail (row != NULL, NAN);

  /* Records not yet due say nothing about timeliness either way. */
  judged = row->on_time + row->late + row->overdue;
  if (judged == 0)
    return NAN;
  return (double) row->on_time / judged;
}

GkRateBand
gk_rate_get_band (double rate)
{
  if (isnan (rate))
    return GK_RATE_BAND_NONE;
  if (rate >= GK_RATE_GOOD)
    return GK_RATE_BAND_GOOD;
  if (rate >= GK_RATE_FAIR)
    return GK_RATE_BAND_FAIR;
  return GK_RATE_BAND_POOR;
}

/* gk_workdays_late(due, published): the working days a publication came
 * late, counted as the timeliness of a single record counts them, so the
 * report and the record agree. The calendar lives in C, hence a function. */
static void
workdays_late_func (GkDbCall *call,
                    gpointer  user_data)
{
  GkStore *self = user_data;
  GkTimelinessInfo info;
  GDate due, published;

  if (!gk_date_from_iso (gk_db_call_get_text (call, 0), &due, NULL) ||
      !gk_date_from_iso (gk_db_call_get_text (call, 1), &published, NULL) ||
      self->calendar == NULL)
    {
      gk_db_call_return_null (call);
      return;
    }

  if (gk_deadline_get_timeliness (self->calendar, &due, &published, &published, 0, &info) != GK_TIMELINESS_LATE)
    {
      gk_db_call_return_int (call, 0);
      return;
    }
  gk_db_call_return_int (call, info.workdays);
}

/* gk_in_report (organisation_id): whether a record of that organisation
 * (NULL: the home one) is one the reports count now. */
static void
in_report_func (GkDbCall *call,
                gpointer  user_data)
{
  GkStore *self = user_data;
  gint64 organisation = gk_db_call_get_int64 (call, 0);

  if (self->report_scope == 0)
    gk_db_call_return_int (call, 1);
  else
    gk_db_call_return_int (call, self->report_scope == -1 ? organisation == 0 : organisation == self->report_scope);
}

/* gk_report_all (): whether the reports count every organisation. */
static void
report_all_func (GkDbCall *call,
                 gpointer  user_data)
{
  GkStore *self = user_data;

  gk_db_call_return_int (call, self->report_scope == 0);
}

gboolean
gk_store_register_sql_functions (GkStore  *self,
                                 GError  **error)
{
  /* The result follows the calendar, which clerks edit. */
  return gk_db_add_function (self->db, "gk_workdays_late", 2, workdays_late_func, self, error) &&
         gk_db_add_function (self->db, "gk_in_report", 1, in_report_func, self, error) &&
         gk_db_add_function (self->db, "gk_report_all", 0, report_all_func, self, error);
}

gboolean
gk_store_set_report_organisation (GkStore     *self,
                                  const char  *code,
                                  GError     **error)
{
  GkDbStatement *stmt;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  if (code == NULL)
    {
      self->report_scope = 0;
      return TRUE;
    }
  stmt = gk_db_prepare (self->db,
                        "SELECT -1 FROM organisation WHERE id = 1 AND code = upper (?1) "
                        "UNION ALL SELECT id FROM organisations WHERE code = upper (?1)",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, code, error) ||
      !gk_db_statement_step_one (stmt, error, _("The ledger holds no organisation with the code “%s”"), code))
    return FALSE;
  self->report_scope = gk_db_statement_get_int64 (stmt, 0);
  gk_db_statement_reset (stmt);
  return TRUE;
}

char *
gk_store_dup_report_organisation_name (GkStore  *self,
                                       GError  **error)
{
  GkDbStatement *stmt;
  char *name;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  if (self->report_scope <= 0)
    return gk_store_get_organisation (self, &name, NULL, error) ? name : NULL;
  stmt = gk_db_prepare (self->db, "SELECT name FROM organisations WHERE id = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int64 (stmt, 1, self->report_scope, error) ||
      !gk_db_statement_step_one (stmt, error, _("No such organisation")))
    return NULL;
  name = gk_db_statement_dup_text (stmt, 0);
  gk_db_statement_reset (stmt);
  return name;
}

gint64
gk_store_find_report_unit (GkStore     *self,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  GkDbStatement *stmt;
  GError *local_error = NULL;
  gint64 unit_id = 0, scope = 0;
  guint n_found = 0;

  g_return_val_if_fail (GK_IS_STORE (self), 0);

  /* ?2: the organisation chosen (-1 the home one, 0 any). */
  stmt = gk_db_prepare (self->db,
                        "SELECT u.id, coalesce (u.organisation_id, -1), coalesce (o.code, h.code, '') "
                        "FROM units u LEFT JOIN organisations o ON o.id = u.organisation_id "
                        "LEFT JOIN organisation h ON h.id = 1 "
                        "WHERE u.name = ?1 AND ?2 IN (0, coalesce (u.organisation_id, -1)) "
                        "ORDER BY u.organisation_id IS NOT NULL, o.code",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, name, error) ||
      !gk_db_statement_bind_int64 (stmt, 2, self->report_scope, error))
    return 0;
  while (gk_db_statement_step (stmt, &local_error))
    {
      unit_id = gk_db_statement_get_int64 (stmt, 0);
      scope = gk_db_statement_get_int64 (stmt, 1);
      g_string_append_printf (codes, "%s%s", n_found++ > 0 ? ", " : "", gk_db_statement_get_text (stmt, 2));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  if (n_found > 1)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("Several organisations have a unit called “%s” (%s): choose the organisation first"),
                   name, codes->str);
      return 0;
    }
  if (n_found == 1)
    self->report_scope = scope;
  return unit_id;
}

/* Adds each of @grounds ("；"-separated) not in *@into yet. */
static void
merge_grounds (char       **into,
               const char  *grounds)
{
  g_auto(GStrv) parts = NULL;

  if (grounds == NULL)
    return;
  parts = g_strsplit (grounds, "；", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) have = *into != NULL ? g_strsplit (*into, "；", -1) : g_new0 (char *, 1);

      if (!g_strv_contains ((const char * const *) have, parts[i]))
        {
          char *joined = *into != NULL ? g_strconcat (*into, "；", parts[i], NULL) : g_strdup (parts[i]);

          g_free (*into);
          *into = joined;
        }
    }
}

static void
add_counts (GkSupervisionRow       *sum,
            const GkSupervisionRow *row)
{
  sum->due += row->due;
  sum->on_time += row->on_time;
  sum->late += row->late;
  sum->late_workdays += row->late_workdays;
  sum->overdue += row->overdue;
  sum->pending += row->pending;
  gk_calendar_merge_missing_year (&sum->missing_year, row->missing_year);
  sum->withheld += row->withheld;
  merge_grounds (&sum->grounds, row->grounds);
}

static GkSupervisionRow *
new_total (GkSupervisionRowKind  kind,
           const char           *domain,
           const char           *domain_name)
{
  GkSupervisionRow *row = g_new0 (GkSupervisionRow, 1);

  row->kind = kind;
  row->domain = g_strdup (domain);
  row->domain_name = g_strdup (domain_name);
  return row;
}

/* One GROUP BY over the publications due in the period (each record's
 * current one, and those a 变更 superseded): a row per domain and unit, in
 * the order the sidebar and Preferences list them. Totals are sums of
 * those rows. */
#define REPORT_SQL \
  "SELECT r.domain, coalesce (d.name, r.domain), coalesce (r.unit_id, 0), u.name, " \
  "       sum (r.due_on IS NOT NULL), " \
  "       sum (r.published_on IS NOT NULL AND r.published_on <= r.due_on), " \
  "       sum (r.published_on IS NOT NULL AND r.published_on > r.due_on), " \
  "       sum (CASE WHEN r.published_on > r.due_on THEN gk_workdays_late (r.due_on, r.published_on) END), " \
  "       sum (r.published_on IS NULL AND r.due_on < ?3), " \
  "       min (nullif (r.due_missing_year, 0)), " \
  "       sum (r.withheld), group_concat (DISTINCT CASE WHEN r.withheld THEN r.exemption END), " \
  "       coalesce (o.code, h.code), coalesce (o.name, h.name) " \
  "FROM (SELECT uuid, domain, unit_id, organisation_id, due_on, published_on, due_missing_year, 0 AS withheld, '' AS exemption " \
  "      FROM records WHERE gk_in_report (organisation_id) " \
  "      UNION ALL " \
  "      SELECT p.uuid, p.domain, p.unit_id, p.organisation_id, c.prev_due_on, c.prev_published_on, c.prev_due_missing_year, 0, '' " \
  "      FROM record_changes c JOIN records p ON p.id = c.record_id " \
  "      WHERE c.prev_due_on IS NOT NULL AND c.prev_published_on IS NOT NULL " \
  "        AND gk_in_report (p.organisation_id) " \
  "      UNION ALL " \
  "      SELECT uuid, domain, unit_id, organisation_id, NULL, NULL, 0, 1, exemption FROM records " \
  "      WHERE mode = 'exempt' AND domain <> 'request' AND formed_on BETWEEN ?1 AND ?2 " \
  "        AND gk_in_report (organisation_id)) r " \
  "LEFT JOIN domains d ON d.key = r.domain " \
  "LEFT JOIN units u ON u.id = r.unit_id " \
  "LEFT JOIN organisations o ON o.id = r.organisation_id " \
  "LEFT JOIN organisation h ON h.id = 1 " \
  "WHERE (r.withheld OR r.due_on BETWEEN ?1 AND ?2) " \
  "  AND r.uuid NOT IN (SELECT value FROM json_each (?4)) " \
  "GROUP BY r.organisation_id, r.domain, r.unit_id " \
  "ORDER BY r.organisation_id IS NOT NULL, min (o.code), " \
  "  min (d.position), r.domain, min (u.position) IS NULL, min (u.position), min (u.name)"

GPtrArray *
gk_store_supervision_report (GkStore     *self,
                             const char  *from,
                             const char  *to,
                             const char  *today,
                             GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_supervision_row_free);
  g_autoptr(GkSupervisionRow) total = new_total (GK_SUPERVISION_ROW_TOTAL, NULL, NULL);
  g_autoptr(GkSupervisionRow) domain_total = NULL;
  g_autofree char *real_today = NULL;
  /* Records deleted pending an undo are out of every figure. */
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GDate from_date, to_date, today_date;
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  real_today = today != NULL ? g_strdup (today) : gk_today ();
  if (!gk_date_from_iso (from, &from_date, error) ||
      !gk_date_from_iso (to, &to_date, error) ||
      !gk_date_from_iso (real_today, &today_date, error))
    return NULL;
  if (g_date_compare (&from_date, &to_date) > 0)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   /* Translators: a period of dates, first and last */
                   _("The period from %s to %s ends before it begins"), from, to);
      return NULL;
    }

  stmt = gk_db_prepare (self->db, REPORT_SQL, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, from, error) ||
      !gk_db_statement_bind_text (stmt, 2, to, error) ||
      !gk_db_statement_bind_text (stmt, 3, real_today, error) ||
      !gk_db_statement_bind_text (stmt, 4, hidden != NULL ? hidden : "[]", error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkSupervisionRow *row = g_new0 (GkSupervisionRow, 1);

      row->kind = GK_SUPERVISION_ROW_UNIT;
      row->domain = gk_db_statement_dup_text (stmt, 0);
      row->domain_name = gk_db_statement_dup_text (stmt, 1);
      row->unit_id = gk_db_statement_get_int64 (stmt, 2);
      row->unit_name = gk_db_statement_dup_text (stmt, 3);
      row->due = gk_db_statement_get_int (stmt, 4);
      row->on_time = gk_db_statement_get_int (stmt, 5);
      row->late = gk_db_statement_get_int (stmt, 6);
      row->late_workdays = gk_db_statement_get_int (stmt, 7);
      row->overdue = gk_db_statement_get_int (stmt, 8);
      row->pending = row->due - row->on_time - row->late - row->overdue;
      row->missing_year = gk_db_statement_get_int (stmt, 9);
      row->withheld = gk_db_statement_get_int (stmt, 10);
      row->grounds = gk_store_dup_ground_texts (gk_db_statement_get_text (stmt, 11));
      row->organisation_code = gk_db_statement_dup_text (stmt, 12);
      row->organisation_name = gk_db_statement_dup_text (stmt, 13);

      if (domain_total != NULL &&
          (g_strcmp0 (domain_total->domain, row->domain) != 0 ||
           g_strcmp0 (domain_total->organisation_code, row->organisation_code) != 0))
        g_ptr_array_add (rows, g_steal_pointer (&domain_total));
      if (domain_total == NULL)
        {
          domain_total = new_total (GK_SUPERVISION_ROW_DOMAIN_TOTAL, row->domain, row->domain_name);
          domain_total->organisation_code = g_strdup (row->organisation_code);
          domain_total->organisation_name = g_strdup (row->organisation_name);
        }

      add_counts (domain_total, row);
      add_counts (total, row);
      g_ptr_array_add (rows, row);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (domain_total != NULL)
    g_ptr_array_add (rows, g_steal_pointer (&domain_total));
  g_ptr_array_add (rows, g_steal_pointer (&total));
  return g_steal_pointer (&rows);
}

gboolean
gk_period_get_range (GkPeriod     period,
                     const char  *today,
                     char       **from,
                     char       **to,
                     GError     **error)
{
  g_autofree char *real_today = today != NULL ? g_strdup (today) : gk_today ();
  GDate day, first, last;
  GDateYear year;
  GDateMonth first_month, last_month;

  if (!gk_date_from_iso (real_today, &day, error))
    return FALSE;

  year = g_date_get_year (&day);
  switch (period)
    {
    case GK_PERIOD_THIS_MONTH:
      first_month = last_month = g_date_get_month (&day);
      break;
    case GK_PERIOD_THIS_QUARTER:
      first_month = (g_date_get_month (&day) - 1) / 3 * 3 + 1;
      last_month = first_month + 2;
      break;
    case GK_PERIOD_LAST_YEAR:
      year--;
      G_GNUC_FALLTHROUGH;
    case GK_PERIOD_THIS_YEAR:
      first_month = G_DATE_JANUARY;
      last_month = G_DATE_DECEMBER;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, first_month, year);
  g_date_set_dmy (&last, g_date_get_days_in_month (last_month, year), last_month, year);
  *from = gk_date_format_iso (&first);
  *to = gk_date_format_iso (&last);
  return TRUE;
}
