/* gk-bundle-data.c: the bundle's open data: records.json, records.csv, feed.atom and the OCDS release package. */
#include "config.h"

#include <string.h>

#include "gk-bundle-private.h"

#define FEED_SIZE 50
#define RECORDS_FORMAT "gongkai-bundle-records"
#define RECORDS_INDEX_FORMAT "gongkai-bundle-records-index"
#define RECORDS_VERSION 3

static char *
generate (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text;
  char *with_newline;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  text = json_generator_to_data (generator, NULL);
  with_newline = g_strconcat (text, "\n", NULL);
  g_free (text);
  return with_newline;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The index of the data files: one pair (JSON, CSV) per month of
 * publication, so that a change rewrites one month's files only. */
char *
gk_bundle_data_records_index (const GkBundleSite *site,
                              const char         *org_code,
                              GPtrArray          *months)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint total = 0;

  for (guint i = 0; i < months->len; i++)
    total += ((GkBundleMonth *) g_ptr_array_index (months, i))->count;

  json_builder_begin_object (builder);
  add_string (builder, "format", RECORDS_INDEX_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORDS_VERSION);
  json_builder_set_member_name (builder, "publisher");
  json_builder_begin_object (builder);
  add_string (builder, "name", site->org_name);
  add_string (builder, "code", org_code);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "months");
  json_builder_begin_array (builder);
  for (guint i = 0; i < months->len; i++)
    {
      const GkBundleMonth *month = g_ptr_array_index (months, i);
      g_autofree char *json = gk_bundle_data_month_path (month->month, "json");
      g_autofree char *csv = gk_bundle_data_month_path (month->month, "csv");

      json_builder_begin_object (builder);
      add_string (builder, "month", month->month);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, month->count);
      add_string (builder, "json", json);
      add_string (builder, "csv", csv);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return generate (builder);
}

char *
gk_bundle_data_month_path (const char *month,
                           const char *extension)
{
  return g_strdup_printf ("data/records-%s.%s", month, extension);
}

/* A month's JSON file: this line, then a record a line. */
char *
gk_bundle_data_records_head (const GkBundleSite *site,
                             const char         *org_code,
                             const char         *month)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", RECORDS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORDS_VERSION);
  add_string (builder, "month", month);
  json_builder_set_member_name (builder, "publisher");
  json_builder_begin_object (builder);
  add_string (builder, "name", site->org_name);
  add_string (builder, "code", org_code);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  text[strlen (text) - 1] = '\0';
  return g_strconcat (text, ",\"records\":[\n", NULL);
}

/* One record of records-MONTH.json, on one line without its newline. */
char *
gk_bundle_data_record_json (const GkBundleSite  *site,
                            const GkBundleEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const GkBundleRow *row = entry->row;

  json_builder_begin_object (builder);
  add_string (builder, "index_no", row->index_no);
  add_string (builder, "title", entry->title);
  add_string (builder, "domain", row->domain);
  add_string (builder, "domain_name", row->domain_name);
  add_string (builder, "item", row->item_key);
  add_string (builder, "item_name", row->item_name);
  add_string (builder, "publisher", row->unit_name != NULL ? row->unit_name : site->org_name);
  add_string (builder, "doc_no", entry->doc_no);
  add_string (builder, "formed_on", row->formed_on);
  add_string (builder, "published_on", row->published_on);
  add_string (builder, "changed_on", row->changed_on);
  add_string (builder, "page", entry->page);
  json_builder_set_member_name (builder, "project");
  if (row->project_uuid != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", row->project_uuid);
      add_string (builder, "kind", row->project_kind);
      add_string (builder, "name", row->project_name);
      add_string (builder, "code", row->project_code);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_string (builder, "body", entry->body);
  json_builder_set_member_name (builder, "values");
  json_builder_add_value (builder, json_node_ref (entry->values));
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint a = 0; a < entry->attachments->len; a++)
    {
      const GkAttachment *attachment = g_ptr_array_index (entry->attachments, a);
      GBytes *text = g_ptr_array_index (entry->attachment_texts, a);

      json_builder_begin_object (builder);
      add_string (builder, "name", g_ptr_array_index (entry->attachment_names, a));
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, text != NULL ? (gint64) g_bytes_get_size (text) : attachment->size);
      add_string (builder, "sha256", g_ptr_array_index (entry->attachment_sha256, a));
      add_string (builder, "url", g_ptr_array_index (entry->attachment_paths, a));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* RFC 4180, and a cell a spreadsheet would run as a formula starts with
 * an apostrophe instead (OWASP's advice against CSV injection). */
static void
append_csv_cell (GString    *out,
                 const char *text,
                 gboolean    last)
{
  g_string_append_c (out, '"');
  if (text != NULL && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

/* A month's CSV file begins with a BOM (Excel then reads UTF-8) and this
 * header row. */
char *
gk_bundle_data_csv_head (const GkBundleSite *site)
{
  const GkBundleConfig *config = site->config;
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *headers[] = {
    gk_bundle_label (config, "index_no"),
    gk_bundle_label (config, "title"),
    gk_bundle_label (config, "classification"),
    gk_bundle_label (config, "items"),
    gk_bundle_label (config, "publisher"),
    gk_bundle_label (config, "doc_no"),
    gk_bundle_label (config, "formed_on"),
    gk_bundle_label (config, "published_on"),
    gk_bundle_label (config, "project"),
    gk_bundle_label (config, "body"),
    "URL",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_csv_cell (out, headers[i], i + 1 == G_N_ELEMENTS (headers));
  return g_string_free (out, FALSE);
}

/* One record's row, ending with CRLF. */
char *
gk_bundle_data_record_csv (const GkBundleSite  *site,
                           const GkBundleEntry *entry)
{
  GString *out = g_string_new (NULL);
  const GkBundleRow *row = entry->row;

  append_csv_cell (out, row->index_no, FALSE);
  append_csv_cell (out, entry->title, FALSE);
  append_csv_cell (out, row->domain_name, FALSE);
  append_csv_cell (out, row->item_name, FALSE);
  append_csv_cell (out, row->unit_name != NULL ? row->unit_name : site->org_name, FALSE);
  append_csv_cell (out, entry->doc_no, FALSE);
  append_csv_cell (out, row->formed_on, FALSE);
  append_csv_cell (out, row->published_on, FALSE);
  append_csv_cell (out, row->project_name, FALSE);
  append_csv_cell (out, entry->body, FALSE);
  append_csv_cell (out, entry->page, TRUE);
  return g_string_free (out, FALSE);
}

static char *
timestamp (const char *date)
{
  /* Dates are days in China: midnight, Beijing time. */
  return g_strdup_printf ("%sT00:00:00+08:00", date != NULL ? date : "1970-01-01");
}

static void
append_xml_element (GString    *out,
                    const char *name,
                    const char *text)
{
  g_string_append_printf (out, "<%s>", name);
  gk_bundle_append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

char *
gk_bundle_data_feed (const GkBundleSite *site,
                     const char         *org_code,
                     GPtrArray          *entries)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                               "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
  g_autofree char *id = g_strdup_printf ("urn:gongkai:bundle:%s", org_code != NULL && *org_code != '\0' ? org_code : "ledger");
  g_autofree char *updated = timestamp (entries->len > 0 ? ((GkBundleEntry *) g_ptr_array_index (entries, 0))->row->published_on : NULL);

  append_xml_element (out, "title", site->site_title);
  g_string_append (out, "<id>");
  gk_bundle_append_escaped (out, id);
  g_string_append (out, "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n");
  append_xml_element (out, "updated", updated);
  g_string_append (out, "<author>\n");
  append_xml_element (out, "name", site->org_name);
  g_string_append (out, "</author>\n");

  for (guint i = 0; i < entries->len && i < FEED_SIZE; i++)
    {
      const GkBundleEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *entry_updated = timestamp (entry->row->published_on);
      g_autofree char *entry_id = g_strdup_printf ("urn:uuid:%s", entry->row->uuid);
      g_autofree char *summary = NULL;

      summary = g_utf8_substring (entry->body, 0, MIN (g_utf8_strlen (entry->body, -1), 200));
      g_string_append (out, "<entry>\n");
      append_xml_element (out, "title", entry->title);
      append_xml_element (out, "id", entry_id);
      append_xml_element (out, "updated", entry_updated);
      g_string_append (out, "<link rel=\"alternate\" type=\"text/html\" href=\"");
      gk_bundle_append_escaped (out, entry->page);
      g_string_append (out, "\"/>\n<category term=\"");
      gk_bundle_append_escaped (out, entry->row->domain);
      g_string_append (out, "\" label=\"");
      gk_bundle_append_escaped (out, entry->row->domain_name);
      g_string_append (out, "\"/>\n");
      if (*summary != '\0')
        append_xml_element (out, "summary", summary);
      g_string_append (out, "</entry>\n");
    }
  g_string_append (out, "</feed>\n");
  return g_string_free (out, FALSE);
}
