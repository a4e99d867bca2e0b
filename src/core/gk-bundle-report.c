/* gk-bundle-report.c: 政府信息公开工作年度报告 pages, counted by the annual report's own code. */
#include "config.h"

#include <string.h>

#include "gk-bundle-private.h"
#include "gk-catalog.h"
#include "gk-report-count.h"
#include "gk-report-template.h"
#include "gk-settings.h"

/* The years from the national format's first to @today's whose figures
 * Preferences hold: a year without them has no report to publish. */
GArray *
gk_bundle_report_years (GkStore     *store,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int last = (int) g_ascii_strtoll (today, NULL, 10);

  for (int year = GK_REPORT_FIRST_YEAR; year <= last; year++)
    {
      g_autofree char *key = g_strdup_printf ("%s%d", GK_SETTING_REPORT_PREFIX, year);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *value = gk_store_get_setting (store, key, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (value != NULL)
        g_array_append_val (years, year);
    }
  return g_steal_pointer (&years);
}

static void
append_heading (GString    *out,
                const char *text)
{
  g_string_append (out, "<h2>");
  gk_bundle_append_escaped (out, text);
  g_string_append (out, "</h2>\n");
}

static void
append_text (GString            *out,
             const GkBundleSite *site,
             GkReportTemplate   *template,
             const char         *text)
{
  g_autofree char *masked = gk_bundle_mask_text (text, site->policy);

  if (*masked == '\0')
    {
      g_string_append (out, "<p>");
      gk_bundle_append_escaped (out, gk_report_template_get (template, "report.empty_text"));
      g_string_append (out, "</p>\n");
    }
  else
    gk_bundle_html_paragraphs (out, masked);
}

static void
append_number_row (GString      *out,
                   const char   *label,
                   const gint64 *values,
                   guint         n_values)
{
  g_string_append (out, "<tr><th scope=\"row\">");
  gk_bundle_append_escaped (out, label);
  g_string_append (out, "</th>");
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (out, "<td>%" G_GINT64_FORMAT "</td>", values[i]);
  g_string_append (out, "</tr>\n");
}

/* 万元 with up to four decimals, as the workbook shows it. */
static char *
format_fees (gint64 fen)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, fen / 1000000, fen % 1000000);
  char *end = text + strlen (text) - 2;  /* 分 below a 元 cannot occur: four decimals */

  *end = '\0';
  while (end > text && end[-1] == '0')
    *--end = '\0';
  if (end > text && end[-1] == '.')
    end[-1] = '\0';
  return g_steal_pointer (&text);
}

static void
append_proactive (GString          *out,
                  GkReportTemplate *template,
                  GkReportCounts   *counts)
{
  JsonArray *blocks = gk_report_template_get_array (template, "report.proactive");

  for (guint b = 0; blocks != NULL && b < json_array_get_length (blocks); b++)
    {
      JsonObject *block = json_array_get_object_element (blocks, b);
      JsonArray *header = json_object_get_array_member (block, "header");
      JsonArray *rows = json_object_get_array_member (block, "rows");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) headers = NULL;

      for (guint h = 0; h < json_array_get_length (header); h++)
        g_strv_builder_add (builder, json_array_get_string_element (header, h));
      headers = g_strv_builder_end (builder);
      gk_bundle_html_table_begin (out, json_object_get_string_member (block, "caption"), (const char * const *) headers);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          JsonArray *values = json_object_get_array_member (row, "values");

          g_string_append (out, "<tr><th scope=\"row\">");
          gk_bundle_append_escaped (out, json_object_get_string_member (row, "label"));
          g_string_append (out, "</th>");
          for (guint v = 0; v < json_array_get_length (values); v++)
            {
              const char *member = json_array_get_string_element (values, v);
              gint64 value = 0;

              gk_report_figures_lookup (counts->figures, member, &value);
              if (g_str_equal (member, "fees-fen"))
                {
                  g_autofree char *fees = format_fees (value);

                  gk_bundle_html_cell (out, fees);
                }
              else
                g_string_append_printf (out, "<td>%" G_GINT64_FORMAT "</td>", value);
            }
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, "</tbody>\n</table>\n</div>\n");
    }
}

static void
append_requests (GString        *out,
                 GkCatalog      *catalog,
                 GkReportCounts *counts)
{
  const GkCatalogRequestReport *labels = &catalog->request_report;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) headers = NULL;
  const char *group = NULL;

  g_strv_builder_add (builder, labels->applicants);
  for (guint c = 0; c < catalog->applicant_types->len; c++)
    g_strv_builder_add (builder, ((GkCatalogTerm *) g_ptr_array_index (catalog->applicant_types, c))->name);
  g_strv_builder_add (builder, labels->sum);
  headers = g_strv_builder_end (builder);

  gk_bundle_html_table_begin (out, labels->balance_note, (const char * const *) headers);
  append_number_row (out, labels->received, counts->requests[GK_REPORT_ROW_RECEIVED], GK_APPLICANT_N_COLUMNS);
  append_number_row (out, labels->carried_in, counts->requests[GK_REPORT_ROW_CARRIED_IN], GK_APPLICANT_N_COLUMNS);
  g_string_append_printf (out, "<tr><th scope=\"rowgroup\" colspan=\"%d\">", GK_APPLICANT_N_COLUMNS + 1);
  gk_bundle_append_escaped (out, labels->results);
  g_string_append (out, "</th></tr>\n");
  for (guint o = 0; o < catalog->outcomes->len && o < GK_REPORT_N_OUTCOMES; o++)
    {
      const GkCatalogTerm *outcome = g_ptr_array_index (catalog->outcomes, o);
      g_autofree char *label = NULL;

      /* An outcome of a group (（三）不予公开 …) says which. */
      if (outcome->group != NULL && g_strcmp0 (outcome->group, group) != 0)
        for (guint g = 0; g < catalog->outcome_groups->len; g++)
          {
            const GkCatalogTerm *term = g_ptr_array_index (catalog->outcome_groups, g);

            if (g_strcmp0 (term->key, outcome->group) == 0)
              {
                g_string_append_printf (out, "<tr><th scope=\"rowgroup\" colspan=\"%d\">", GK_APPLICANT_N_COLUMNS + 1);
                gk_bundle_append_escaped (out, term->name);
                g_string_append (out, "</th></tr>\n");
              }
          }
      group = outcome->group;
      append_number_row (out, outcome->name, counts->requests[GK_REPORT_ROW_FIRST_OUTCOME + o], GK_APPLICANT_N_COLUMNS);
    }
  append_number_row (out, labels->total, counts->requests[GK_REPORT_ROW_TOTAL], GK_APPLICANT_N_COLUMNS);
  append_number_row (out, labels->carried_over, counts->requests[GK_REPORT_ROW_CARRIED_OVER], GK_APPLICANT_N_COLUMNS);
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

static void
append_cases (GString        *out,
              GkCatalog      *catalog,
              GkReportCounts *counts)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) headers = NULL;

  g_strv_builder_add (builder, "");
  for (guint r = 0; r < catalog->case_results->len && r < GK_REPORT_N_CASE_RESULTS; r++)
    g_strv_builder_add (builder, ((GkCatalogTerm *) g_ptr_array_index (catalog->case_results, r))->name);
  headers = g_strv_builder_end (builder);

  gk_bundle_html_table_begin (out, NULL, (const char * const *) headers);
  for (guint k = 0; k < catalog->case_kinds->len && k < GK_REPORT_N_CASE_KINDS; k++)
    {
      const GkCatalogTerm *kind = g_ptr_array_index (catalog->case_kinds, k);
      g_autofree char *label = kind->group != NULL ? g_strdup_printf ("%s：%s", kind->group, kind->name) : g_strdup (kind->name);

      append_number_row (out, label, counts->cases[k], GK_REPORT_N_CASE_RESULTS);
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

gboolean
gk_bundle_html_report (GString            *out,
                       const GkBundleSite *site,
                       GkStore            *store,
                       int                 year,
                       const char         *today,
                       GError            **error)
{
  g_autoptr(GkReportTemplate) template = gk_report_template_new_default (error);
  g_autoptr(GkCatalog) catalog = template != NULL ? gk_catalog_new_default (error) : NULL;
  g_autoptr(GkReportCounts) counts = NULL;
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *title = NULL;
  JsonArray *sections;
  /* The figures as of the year's end, or today for the current year. */
  g_autofree char *end = g_strdup_printf ("%d-12-31", year);
  const char *as_of = g_strcmp0 (today, end) < 0 ? today : end;

  if (catalog == NULL)
    return FALSE;
  counts = gk_report_count (store, year, 0, as_of, NULL, error);
  if (counts == NULL)
    return FALSE;

  title = gk_report_expand (gk_report_template_get (template, "title"),
                            "organisation", site->org_name, "year", year_text, NULL);
  sections = gk_report_template_get_array (template, "report.sections");
  gk_bundle_html_begin (out, site, "", title);

  append_heading (out, json_array_get_string_element (sections, 0));
  append_text (out, site, template, counts->figures->overview);
  append_heading (out, json_array_get_string_element (sections, 1));
  append_proactive (out, template, counts);
  append_heading (out, json_array_get_string_element (sections, 2));
  append_requests (out, catalog, counts);
  append_heading (out, json_array_get_string_element (sections, 3));
  append_cases (out, catalog, counts);
  append_heading (out, json_array_get_string_element (sections, 4));
  append_text (out, site, template, counts->figures->problems);
  append_heading (out, json_array_get_string_element (sections, 5));
  append_text (out, site, template, counts->figures->other);

  gk_bundle_html_end (out, site);
  return TRUE;
}
