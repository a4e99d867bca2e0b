/* gk-report-count.c: the annual report's figures counted from the ledger, and their consistency checks. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-catalog.h"
#include "gk-report-count.h"
#include "gk-report-template.h"
#include "gk-settings.h"
#include "gk-store-report.h"

void
gk_report_resource_row_free (GkReportResourceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->domain);
  g_free (row->domain_name);
  g_free (row->item_name);
  g_free (row->unit_name);
  g_free (row->grounds);
  g_free (row);
}

void
gk_report_channel_row_free (GkReportChannelRow *row)
{
  if (row == NULL)
    return;
  g_free (row->domain);
  g_free (row->domain_name);
  g_free (row->channel);
  g_free (row);
}

void
gk_report_month_row_free (GkReportMonthRow *row)
{
  if (row == NULL)
    return;
  g_free (row->domain);
  g_free (row->domain_name);
  g_free (row);
}

static void
gk_report_check_free (GkReportCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->name);
  g_free (check->detail);
  g_free (check);
}

void
gk_report_counts_free (GkReportCounts *counts)
{
  if (counts == NULL)
    return;
  g_free (counts->as_of);
  g_free (counts->organisation);
  g_free (counts->unit_name);
  g_clear_pointer (&counts->figures, gk_report_figures_free);
  g_clear_pointer (&counts->resources, g_ptr_array_unref);
  g_clear_pointer (&counts->channels, g_ptr_array_unref);
  g_clear_pointer (&counts->months, g_ptr_array_unref);
  g_clear_pointer (&counts->checks, g_ptr_array_unref);
  g_free (counts);
}

gboolean
gk_report_counts_passed (const GkReportCounts *counts)
{
  for (guint i = 0; i < counts->checks->len; i++)
    {
      const GkReportCheck *check = g_ptr_array_index (counts->checks, i);

      if (!check->passed && !check->warning)
        return FALSE;
    }
  return TRUE;
}

/* The position of @key among @terms; @fallback when it is not there. */
static guint
term_index (GPtrArray  *terms,
            const char *key,
            guint       fallback)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (((GkCatalogTerm *) g_ptr_array_index (terms, i))->key, key) == 0)
      return i;
  return fallback;
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A check made of one condition per column or group: passed when every one
 * holds, else the failing ones, "；"-separated. */
static GkReportCheck *
add_check (GkReportCounts *counts,
           const char     *name,
           gboolean        warning)
{
  GkReportCheck *check = g_new0 (GkReportCheck, 1);

  check->name = g_strdup (name);
  check->passed = TRUE;
  check->warning = warning;
  g_ptr_array_add (counts->checks, check);
  return check;
}

static void
check_fail (GkReportCheck *check,
            char          *detail)
{
  g_autofree char *old = g_steal_pointer (&check->detail);

  check->passed = FALSE;
  check->detail = old != NULL ? g_strconcat (old, "；", detail, NULL) : g_strdup (detail);
  g_free (detail);
}

typedef struct
{
  GkReportCounts   *counts;
  GkCatalog        *catalog;
  GkReportTemplate *template;
} Counting;

static const char *
column_label (Counting *c,
              guint     column)
{
  if (column == GK_APPLICANT_TOTAL)
    return c->catalog->request_report.sum;
  return ((GkCatalogTerm *) g_ptr_array_index (c->catalog->applicant_types, column))->name;
}

static const char *
row_label (Counting *c,
           guint     row)
{
  const GkCatalogRequestReport *labels = &c->catalog->request_report;

  switch (row)
    {
    case GK_REPORT_ROW_RECEIVED:
      return labels->received;
    case GK_REPORT_ROW_CARRIED_IN:
      return labels->carried_in;
    case GK_REPORT_ROW_TOTAL:
      return labels->total;
    case GK_REPORT_ROW_CARRIED_OVER:
      return labels->carried_over;
    default:
      return ((GkCatalogTerm *) g_ptr_array_index (c->catalog->outcomes, row - GK_REPORT_ROW_FIRST_OUTCOME))->name;
    }
}

/* Table 三 of @year into @table (rows × columns, without the totals); the
 * number of applications received in the year; the replies without an
 * outcome and the applications without an applicant type. */
static gboolean
count_requests (Counting  *c,
                GkStore   *store,
                int        year,
                gint64     table[GK_REPORT_N_ROWS][GK_APPLICANT_N_COLUMNS],
                gint64    *received,
                gint64    *no_outcome,
                gint64    *no_applicant,
                GError   **error)
{
  g_autoptr(GPtrArray) groups = gk_store_report_requests (store, year, c->counts->unit_id, error);
  guint other_outcome = term_index (c->catalog->outcomes, "other-other", GK_REPORT_N_OUTCOMES - 1);

  if (groups == NULL)
    return FALSE;

  *received = *no_outcome = *no_applicant = 0;
  for (guint i = 0; i < groups->len; i++)
    {
      GkStoreRequestGroup *group = g_ptr_array_index (groups, i);
      guint column = term_index (c->catalog->applicant_types, group->applicant, G_MAXUINT);
      guint outcome = term_index (c->catalog->outcomes, group->outcome, G_MAXUINT);

      if (column == G_MAXUINT)
        {
          column = GK_APPLICANT_OTHER;
          /* Each application of the year is in exactly one of 一 and 二. */
          *no_applicant += group->received + group->carried_in;
        }
      if (outcome == G_MAXUINT)
        {
          outcome = other_outcome;
          *no_outcome += group->replied;
        }

      table[GK_REPORT_ROW_RECEIVED][column] += group->received;
      table[GK_REPORT_ROW_CARRIED_IN][column] += group->carried_in;
      table[GK_REPORT_ROW_FIRST_OUTCOME + outcome][column] += group->replied;
      table[GK_REPORT_ROW_CARRIED_OVER][column] += group->carried_over;
      *received += group->received;
    }
  return TRUE;
}

/* （七）总计 and the 总计 column, as the format defines them. */
static void
add_totals (gint64 table[GK_REPORT_N_ROWS][GK_APPLICANT_N_COLUMNS])
{
  for (guint column = 0; column < GK_APPLICANT_TOTAL; column++)
    {
      table[GK_REPORT_ROW_TOTAL][column] = 0;
      for (guint row = GK_REPORT_ROW_FIRST_OUTCOME; row < GK_REPORT_ROW_TOTAL; row++)
        table[GK_REPORT_ROW_TOTAL][column] += table[row][column];
    }
  for (guint row = 0; row < GK_REPORT_N_ROWS; row++)
    {
      table[row][GK_APPLICANT_TOTAL] = 0;
      for (guint column = 0; column < GK_APPLICANT_TOTAL; column++)
        table[row][GK_APPLICANT_TOTAL] += table[row][column];
    }
}

/* Every check of DOMAIN.md §3 on table 三, evaluated on the figures as
 * they will be written, whatever produced them. */
static void
check_requests (Counting *c)
{
  GkReportCounts *counts = c->counts;
  GkReportCheck *balance = add_check (counts, gk_report_template_get (c->template, "checks.balance"), FALSE);
  GkReportCheck *outcomes = add_check (counts, gk_report_template_get (c->template, "checks.outcome_total"), FALSE);
  GkReportCheck *columns = add_check (counts, gk_report_template_get (c->template, "checks.column_total"), FALSE);

  for (guint column = 0; column < GK_APPLICANT_N_COLUMNS; column++)
    {
      gint64 (*t)[GK_APPLICANT_N_COLUMNS] = counts->requests;
      gint64 left = t[GK_REPORT_ROW_RECEIVED][column] + t[GK_REPORT_ROW_CARRIED_IN][column];
      gint64 right = t[GK_REPORT_ROW_TOTAL][column] + t[GK_REPORT_ROW_CARRIED_OVER][column];
      gint64 sum = 0;

      if (left != right)
        {
          g_autofree char *a = number (t[GK_REPORT_ROW_RECEIVED][column]);
          g_autofree char *b = number (t[GK_REPORT_ROW_CARRIED_IN][column]);
          g_autofree char *l = number (left);
          g_autofree char *x = number (t[GK_REPORT_ROW_TOTAL][column]);
          g_autofree char *y = number (t[GK_REPORT_ROW_CARRIED_OVER][column]);
          g_autofree char *r = number (right);

          check_fail (balance, gk_report_expand (gk_report_template_get (c->template, "checks.balance_failed"),
                                                 "column", column_label (c, column), "received", a,
                                                 "carried_in", b, "left", l, "total", x,
                                                 "carried_over", y, "right", r, NULL));
        }

      for (guint row = GK_REPORT_ROW_FIRST_OUTCOME; row < GK_REPORT_ROW_TOTAL; row++)
        sum += t[row][column];
      if (sum != t[GK_REPORT_ROW_TOTAL][column])
        {
          g_autofree char *x = number (t[GK_REPORT_ROW_TOTAL][column]);
          g_autofree char *s = number (sum);

          check_fail (outcomes, gk_report_expand (gk_report_template_get (c->template, "checks.outcome_total_failed"),
                                                  "column", column_label (c, column), "total", x, "sum", s, NULL));
        }
    }

  for (guint row = 0; row < GK_REPORT_N_ROWS; row++)
    {
      gint64 sum = 0;

      for (guint column = 0; column < GK_APPLICANT_TOTAL; column++)
        sum += counts->requests[row][column];
      if (sum != counts->requests[row][GK_APPLICANT_TOTAL])
        {
          g_autofree char *x = number (counts->requests[row][GK_APPLICANT_TOTAL]);
          g_autofree char *s = number (sum);

          check_fail (columns, gk_report_expand (gk_report_template_get (c->template, "checks.column_total_failed"),
                                                 "row", row_label (c, row), "total", x, "sum", s, NULL));
        }
    }
}

/* Row 二 against last year: the ledger's own 四 of last year when it holds
 * that year, the figures entered in Preferences otherwise. */
static gboolean
count_carried_in (Counting  *c,
                  GkStore   *store,
                  GError   **error)
{
  GkReportCounts *counts = c->counts;
  gint64 last[GK_REPORT_N_ROWS][GK_APPLICANT_N_COLUMNS] = { { 0 } };
  gint64 received = 0, no_outcome = 0, no_applicant = 0;
  g_autofree char *last_year = g_strdup_printf ("%d", counts->year - 1);
  g_autofree char *name = NULL;
  GkReportCheck *check;

  if (!count_requests (c, store, counts->year - 1, last, &received, &no_outcome, &no_applicant, error))
    return FALSE;
  add_totals (last);

  if (received == 0)
    {
      /* The ledger does not hold last year: the clerk's figures stand in. */
      if (counts->figures->has_carried_over)
        {
          counts->carried_in_from_figures = TRUE;
          memcpy (counts->requests[GK_REPORT_ROW_CARRIED_IN], counts->figures->carried_over,
                  sizeof counts->requests[GK_REPORT_ROW_CARRIED_IN]);
          check = add_check (counts, gk_report_template_get (c->template, "checks.carried_in_figures"), TRUE);
          check->detail = gk_report_expand (gk_report_template_get (c->template, "checks.carried_in_figures_source"),
                                            "last_year", last_year, NULL);
        }
      return TRUE;
    }

  name = gk_report_expand (gk_report_template_get (c->template, "checks.carried_in"), "last_year", last_year, NULL);
  check = add_check (counts, name, FALSE);
  for (guint column = 0; column < GK_APPLICANT_N_COLUMNS; column++)
    if (counts->requests[GK_REPORT_ROW_CARRIED_IN][column] != last[GK_REPORT_ROW_CARRIED_OVER][column])
      {
        g_autofree char *a = number (counts->requests[GK_REPORT_ROW_CARRIED_IN][column]);
        g_autofree char *b = number (last[GK_REPORT_ROW_CARRIED_OVER][column]);

        check_fail (check, gk_report_expand (gk_report_template_get (c->template, "checks.carried_in_failed"),
                                             "column", column_label (c, column), "this", a,
                                             "last_year", last_year, "last", b, NULL));
      }

  if (counts->figures->has_carried_over)
    {
      check = add_check (counts, gk_report_template_get (c->template, "checks.carried_in_figures"), FALSE);
      for (guint column = 0; column < GK_APPLICANT_N_COLUMNS; column++)
        if (counts->figures->carried_over[column] != last[GK_REPORT_ROW_CARRIED_OVER][column])
          {
            g_autofree char *a = number (counts->figures->carried_over[column]);
            g_autofree char *b = number (last[GK_REPORT_ROW_CARRIED_OVER][column]);

            check_fail (check, gk_report_expand (gk_report_template_get (c->template, "checks.carried_in_figures_failed"),
                                                 "column", column_label (c, column), "figure", a, "counted", b, NULL));
          }
    }
  return TRUE;
}

static gboolean
count_cases (Counting  *c,
             GkStore   *store,
             GError   **error)
{
  GkReportCounts *counts = c->counts;
  g_autoptr(GPtrArray) groups = gk_store_report_cases (store, counts->year, counts->unit_id, error);
  GkReportCheck *check;

  if (groups == NULL)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      GkStoreCaseGroup *group = g_ptr_array_index (groups, i);
      guint kind = term_index (c->catalog->case_kinds, group->kind, G_MAXUINT);
      /* A result the catalog does not know cannot be placed: 其他结果. */
      guint result = term_index (c->catalog->case_results, group->result,
                                 term_index (c->catalog->case_results, "other", 2));

      if (kind >= GK_REPORT_N_CASE_KINDS || result >= GK_REPORT_N_CASE_RESULTS - 1)
        continue;
      counts->cases[kind][result] += group->count;
    }

  check = add_check (counts, gk_report_template_get (c->template, "checks.case_total"), FALSE);
  for (guint kind = 0; kind < GK_REPORT_N_CASE_KINDS; kind++)
    {
      gint64 sum = 0;

      for (guint result = 0; result < GK_REPORT_N_CASE_RESULTS - 1; result++)
        sum += counts->cases[kind][result];
      counts->cases[kind][GK_REPORT_N_CASE_RESULTS - 1] = sum;
      /* Evaluated as written: the sum above is the only producer today. */
      if (counts->cases[kind][GK_REPORT_N_CASE_RESULTS - 1] != sum)
        {
          g_autofree char *x = number (counts->cases[kind][GK_REPORT_N_CASE_RESULTS - 1]);
          g_autofree char *s = number (sum);

          check_fail (check, gk_report_expand (gk_report_template_get (c->template, "checks.case_total_failed"),
                                               "kind", ((GkCatalogTerm *) g_ptr_array_index (c->catalog->case_kinds, kind))->name,
                                               "total", x, "sum", s, NULL));
        }
    }
  return TRUE;
}

static gboolean
figures_entered (const GkReportFigures *figures)
{
  return figures->rules_issued || figures->rules_repealed || figures->rules_in_force ||
         figures->normative_issued || figures->normative_repealed || figures->normative_in_force ||
         figures->licensing_decisions || figures->penalty_decisions || figures->coercion_decisions ||
         figures->fees_fen || figures->has_carried_over ||
         *figures->overview != '\0' || *figures->problems != '\0' || *figures->other != '\0';
}

/* Any organisation's unit: a district reports on its departments' too. */
static char *
find_unit_name (GkStore  *store,
                gint64    unit_id,
                GError  **error)
{
  char *name = gk_store_dup_unit_name (store, unit_id, error);

  if (name == NULL && error != NULL && *error == NULL)
    {
      g_autofree char *id = number (unit_id);

      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND, _("No unit has the id %s"), id);
    }
  return name;
}

GkReportCounts *
gk_report_count (GkStore       *store,
                 int            year,
                 gint64         unit_id,
                 const char    *as_of,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GkReportCounts) counts = g_new0 (GkReportCounts, 1);
  g_autoptr(GkCatalog) catalog = NULL;
  g_autoptr(GkReportTemplate) template = NULL;
  g_autofree char *code = NULL;
  gint64 received = 0, no_outcome = 0, no_applicant = 0;
  Counting c;
  GkReportCheck *check;
  GDate date;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  counts->year = year;
  counts->unit_id = unit_id;
  counts->as_of = as_of != NULL ? g_strdup (as_of) : gk_today ();
  counts->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_report_check_free);
  if (!gk_date_from_iso (counts->as_of, &date, error))
    return NULL;

  /* The labels of the national tables are the default catalog's: the
   * format is national, whatever a ledger's own catalog says. */
  catalog = gk_catalog_new_default (error);
  if (catalog == NULL)
    return NULL;
  template = gk_report_template_new_default (error);
  if (template == NULL)
    return NULL;
  g_return_val_if_fail (catalog->outcomes->len == GK_REPORT_N_OUTCOMES, NULL);
  g_return_val_if_fail (catalog->applicant_types->len == GK_APPLICANT_TOTAL, NULL);
  g_return_val_if_fail (catalog->case_kinds->len == GK_REPORT_N_CASE_KINDS, NULL);
  c = (Counting) { counts, catalog, template };

  if (!gk_store_get_organisation (store, NULL, &code, error) ||
      (counts->organisation = gk_store_dup_report_organisation_name (store, error)) == NULL)
    return NULL;
  if (unit_id != 0 && (counts->unit_name = find_unit_name (store, unit_id, error)) == NULL)
    return NULL;

  counts->figures = gk_store_get_report_figures (store, year, error);
  if (counts->figures == NULL)
    return NULL;
  if (!figures_entered (counts->figures))
    {
      g_autofree char *y = g_strdup_printf ("%d", year);

      check = add_check (counts, gk_report_template_get (template, "checks.figures"), TRUE);
      check_fail (check, gk_report_expand (gk_report_template_get (template, "checks.figures_missing"), "year", y, NULL));
    }

  if (!count_requests (&c, store, year, counts->requests, &received, &no_outcome, &no_applicant, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  add_totals (counts->requests);
  if (!count_carried_in (&c, store, error))
    return NULL;
  /* Row 二 may now be the clerk's figures. */
  add_totals (counts->requests);
  check_requests (&c);

  if (no_outcome > 0 || no_applicant > 0)
    {
      g_autofree char *n = number (no_outcome);
      g_autofree char *m = number (no_applicant);

      check = add_check (counts, gk_report_template_get (template, "checks.no_outcome"), TRUE);
      if (no_outcome > 0)
        check_fail (check, gk_report_expand (gk_report_template_get (template, "checks.no_outcome_failed"), "count", n, NULL));
      check = add_check (counts, gk_report_template_get (template, "checks.no_applicant"), TRUE);
      if (no_applicant > 0)
        check_fail (check, gk_report_expand (gk_report_template_get (template, "checks.no_applicant_failed"), "count", m, NULL));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !count_cases (&c, store, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  counts->resources = gk_store_report_resources (store, year, unit_id, counts->as_of, error);
  if (counts->resources == NULL)
    return NULL;
  counts->channels = gk_store_report_channels (store, year, unit_id, error);
  if (counts->channels == NULL)
    return NULL;
  counts->months = gk_store_report_months (store, year, unit_id, error);
  if (counts->months == NULL)
    return NULL;

  return g_steal_pointer (&counts);
}
