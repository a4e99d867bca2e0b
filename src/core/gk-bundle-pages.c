/* gk-bundle-pages.c: the bundle's pages beside the records: index, 公开目录, 黑名单 and 公开指南. */
#include "config.h"

#include "gk-bundle-private.h"
#include "gk-item.h"
#include "gk-settings.h"

#define LATEST 10

static void
append_heading (GString    *out,
                const char *text,
                const char *id)
{
  if (id != NULL)
    g_string_append_printf (out, "<h2 id=\"%s\">", id);
  else
    g_string_append (out, "<h2>");
  gk_bundle_append_escaped (out, text);
  g_string_append (out, "</h2>\n");
}

static void
append_link_item (GString    *out,
                  const char *href,
                  const char *text,
                  const char *note)
{
  g_string_append (out, "<li><a href=\"");
  gk_bundle_append_escaped (out, href);
  g_string_append (out, "\">");
  gk_bundle_append_escaped (out, text);
  g_string_append (out, "</a>");
  if (note != NULL)
    {
      g_string_append (out, " <span class=\"muted\">");
      gk_bundle_append_escaped (out, note);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</li>\n");
}

static void
append_list_link (GString              *out,
                  const GkBundleConfig *config,
                  const GkBundleList   *list)
{
  g_autofree char *href = gk_bundle_list_path (list->base, 1);

  g_string_append (out, "<a href=\"");
  gk_bundle_append_escaped (out, href);
  g_string_append (out, "\">");
  gk_bundle_append_escaped (out, list->title);
  g_string_append_printf (out, "</a> <span class=\"muted\">%u ", list->entries->len);
  gk_bundle_append_escaped (out, gk_bundle_label (config, "records"));
  g_string_append (out, "</span>");
}

void
gk_bundle_html_index (GString            *out,
                      const GkBundleSite *site,
                      GPtrArray          *lists,
                      GPtrArray          *latest,
                      GArray             *report_years,
                      GPtrArray          *months,
                      gboolean            with_ocds)
{
  const GkBundleConfig *config = site->config;

  gk_bundle_html_begin (out, site, "", site->site_title);

  append_heading (out, gk_bundle_label (config, "domains"), NULL);
  g_string_append (out, "<ul>\n");
  for (guint i = 0; i < lists->len; i++)
    {
      const GkBundleList *list = g_ptr_array_index (lists, i);
      gboolean has_items = FALSE;

      if (list->is_item)
        continue;
      g_string_append (out, "<li>");
      append_list_link (out, config, list);
      /* The domain's items nest under it. */
      for (guint j = 0; j < lists->len; j++)
        {
          const GkBundleList *item = g_ptr_array_index (lists, j);

          if (!item->is_item || g_strcmp0 (item->domain, list->domain) != 0)
            continue;
          if (!has_items)
            g_string_append (out, "\n<ul>\n");
          has_items = TRUE;
          g_string_append (out, "<li>");
          append_list_link (out, config, item);
          g_string_append (out, "</li>\n");
        }
      if (has_items)
        g_string_append (out, "</ul>\n");
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");

  append_heading (out, gk_bundle_label (config, "latest"), NULL);
  if (latest->len == 0)
    {
      g_string_append (out, "<p>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "none"));
      g_string_append (out, "</p>\n");
    }
  else
    gk_bundle_html_entry_items (out, "", latest, 0, LATEST);

  if (report_years->len > 0)
    {
      append_heading (out, gk_bundle_label (config, "annual_reports"), NULL);
      g_string_append (out, "<ul>\n");
      for (guint i = report_years->len; i-- > 0;)
        {
          int year = g_array_index (report_years, int, i);
          g_autofree char *href = g_strdup_printf ("report-%d.html", year);
          g_autofree char *text = g_strdup_printf ("%d%s", year, gk_bundle_label (config, "annual_report_year"));

          append_link_item (out, href, text, NULL);
        }
      g_string_append (out, "</ul>\n");
    }

  append_heading (out, gk_bundle_label (config, "data"), "data");
  g_string_append (out, "<ul>\n");
  append_link_item (out, "data/records.json", gk_bundle_label (config, "data_json"), NULL);
  for (guint i = 0; i < months->len; i++)
    {
      const GkBundleMonth *month = g_ptr_array_index (months, i);
      g_autofree char *json = gk_bundle_data_month_path (month->month, "json");
      g_autofree char *csv = gk_bundle_data_month_path (month->month, "csv");
      g_autoptr(GString) json_text = g_string_new (gk_bundle_label (config, "data_month_json"));
      g_autoptr(GString) csv_text = g_string_new (gk_bundle_label (config, "data_month_csv"));
      g_autofree char *count = g_strdup_printf ("%u %s", month->count, gk_bundle_label (config, "records"));

      g_string_replace (json_text, "{month}", month->month, 0);
      g_string_replace (csv_text, "{month}", month->month, 0);
      append_link_item (out, json, json_text->str, count);
      append_link_item (out, csv, csv_text->str, NULL);
    }
  if (with_ocds)
    append_link_item (out, "data/ocds-releases.json", gk_bundle_label (config, "data_ocds"), NULL);
  append_link_item (out, "feed.atom", gk_bundle_label (config, "feed"), NULL);
  g_string_append (out, "</ul>\n");

  gk_bundle_html_end (out, site);
}

void
gk_bundle_html_catalog (GString            *out,
                        const GkBundleSite *site,
                        GPtrArray          *items)
{
  const GkBundleConfig *config = site->config;
  const char *headers[] = {
    gk_bundle_label (config, "catalog_no"),
    gk_bundle_label (config, "catalog_level1"),
    gk_bundle_label (config, "catalog_level2"),
    gk_bundle_label (config, "catalog_contents"),
    gk_bundle_label (config, "catalog_basis"),
    gk_bundle_label (config, "catalog_time_limit"),
    gk_bundle_label (config, "catalog_units"),
    gk_bundle_label (config, "catalog_channels"),
    gk_bundle_label (config, "catalog_audience"),
    gk_bundle_label (config, "catalog_mode"),
    gk_bundle_label (config, "catalog_level"),
    NULL,
  };
  guint n = 0;

  gk_bundle_html_begin (out, site, "", gk_bundle_label (config, "catalog"));
  gk_bundle_html_table_begin (out, NULL, headers);
  for (guint i = 0; i < items->len; i++)
    {
      GkItem *item = g_ptr_array_index (items, i);
      g_autofree char *number = g_strdup_printf ("%u", ++n);
      g_autofree char *basis = gk_item_dup_basis_text (item);
      g_autofree char *units = g_strjoinv ("、", (char **) gk_item_get_units (item));
      g_autofree char *channels = g_strjoinv ("、", (char **) gk_item_get_channels (item));

      g_string_append (out, "<tr>");
      gk_bundle_html_cell (out, number);
      gk_bundle_html_cell (out, gk_item_get_level1 (item));
      gk_bundle_html_cell (out, gk_item_get_level2 (item));
      gk_bundle_html_cell (out, gk_item_get_contents (item));
      gk_bundle_html_cell (out, basis);
      gk_bundle_html_cell (out, gk_item_get_time_limit (item));
      gk_bundle_html_cell (out, units);
      gk_bundle_html_cell (out, channels);
      gk_bundle_html_cell (out, gk_item_get_audience (item));
      gk_bundle_html_cell (out, gk_item_get_mode (item));
      gk_bundle_html_cell (out, gk_item_get_level (item));
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
  gk_bundle_html_end (out, site);
}

void
gk_bundle_html_blacklist (GString            *out,
                          const GkBundleSite *site,
                          GPtrArray          *entries)
{
  const GkBundleConfig *config = site->config;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) headers = NULL;
  GkSchema *schema = entries->len > 0 ? ((GkBundleEntry *) g_ptr_array_index (entries, 0))->schema : NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  gk_bundle_html_begin (out, site, "", gk_bundle_label (config, "blacklist"));
  g_string_append (out, "<p>");
  gk_bundle_append_escaped (out, gk_bundle_label (config, "blacklist_note"));
  g_string_append (out, "</p>\n");

  if (schema == NULL)
    {
      g_string_append (out, "<p>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "none"));
      g_string_append (out, "</p>\n");
      gk_bundle_html_end (out, site);
      return;
    }

  for (guint i = 0; config->blacklist_columns[i] != NULL; i++)
    {
      const GkField *field = gk_schema_lookup_field (schema, config->blacklist_columns[i]);

      if (field == NULL || field->kind == GK_FIELD_TABLE)
        continue;
      g_ptr_array_add (columns, (gpointer) field);
      g_strv_builder_add (builder, field->label);
    }
  g_strv_builder_add (builder, gk_bundle_label (config, "index_no"));
  headers = g_strv_builder_end (builder);

  gk_bundle_html_table_begin (out, NULL, (const char * const *) headers);
  for (guint i = 0; i < entries->len; i++)
    {
      const GkBundleEntry *entry = g_ptr_array_index (entries, i);
      JsonObject *values = json_node_get_object (entry->values);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < columns->len; c++)
        {
          const GkField *field = g_ptr_array_index (columns, c);
          g_autofree char *text = gk_bundle_format_value (field, json_object_get_member (values, field->id));

          gk_bundle_html_cell (out, text);
        }
      g_string_append (out, "<td><a href=\"");
      gk_bundle_append_escaped (out, entry->page);
      g_string_append (out, "\">");
      gk_bundle_append_escaped (out, entry->row->index_no);
      g_string_append (out, "</a></td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
  gk_bundle_html_end (out, site);
}

void
gk_bundle_html_guide (GString            *out,
                      const GkBundleSite *site,
                      char              **guide)
{
  const GkBundleConfig *config = site->config;
  static const char *const keys[GK_GUIDE_N_FIELDS] = {
    "guide_office", "guide_address", "guide_postcode", "guide_phone",
    "guide_fax", "guide_email", "guide_hours", "guide_website",
  };
  JsonArray *how = json_object_get_array_member (config->labels, "guide_how_text");

  gk_bundle_html_begin (out, site, "", gk_bundle_label (config, "guide"));
  g_string_append (out, "<p>");
  gk_bundle_append_escaped (out, gk_bundle_label (config, "guide_intro"));
  g_string_append (out, "</p>\n");

  append_heading (out, gk_bundle_label (config, "guide_contacts"), NULL);
  g_string_append (out, "<div class=\"table-wrap\">\n<table class=\"meta\">\n<tbody>\n");
  for (guint i = 0; i < GK_GUIDE_N_FIELDS; i++)
    {
      const char *value = guide[i] != NULL && *guide[i] != '\0' ? guide[i] : gk_bundle_label (config, "guide_unset");

      g_string_append (out, "<tr><th scope=\"row\">");
      gk_bundle_append_escaped (out, gk_bundle_label (config, keys[i]));
      g_string_append (out, "</th><td>");
      if ((i == GK_GUIDE_WEBSITE && gk_bundle_url_is_linkable (value)))
        {
          g_string_append (out, "<a href=\"");
          gk_bundle_append_escaped (out, value);
          g_string_append (out, "\">");
          gk_bundle_append_escaped (out, value);
          g_string_append (out, "</a>");
        }
      else
        gk_bundle_append_escaped (out, value);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");

  append_heading (out, gk_bundle_label (config, "guide_how"), NULL);
  for (guint i = 0; how != NULL && i < json_array_get_length (how); i++)
    {
      g_string_append (out, "<p>");
      gk_bundle_append_escaped (out, json_array_get_string_element (how, i));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p><a href=\"catalog.html\">");
  gk_bundle_append_escaped (out, gk_bundle_label (config, "catalog"));
  g_string_append (out, "</a></p>\n");
  gk_bundle_html_end (out, site);
}
