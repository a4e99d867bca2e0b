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

/* JSON text as json-glib's generator writes it (the bundle's other JSON
 * files come from there): '"' and '\\' escaped, control characters but
 * U+001F as \b \f \n \r \t or \u00XX, DEL as \u007f, the rest as it is.
 * Runs that need nothing are appended whole. */
void
gk_bundle_data_append_json_string (GString    *out,
                                   const char *text)
{
  const char *run;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar b = (guchar) *p;

      if (b != '\\' && b != '"' && b >= 0x1F && b != 0x7F)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (b)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '"': g_string_append (out, "\\\""); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u00%02x", (guint) b);
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* A node as json_to_string (node, FALSE) writes it. */
void
gk_bundle_data_append_json_node (GString  *out,
                                 JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_STRING)
          gk_bundle_data_append_json_string (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else
          {
            /* A double, rare here: written by json-glib itself. */
            g_autofree char *text = json_to_string (node, FALSE);

            g_string_append (out, text);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            gk_bundle_data_append_json_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            gk_bundle_data_append_json_string (out, name);
            g_string_append_c (out, ':');
            gk_bundle_data_append_json_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

/* @before: ',' or '{' to write first, or 0. */
static void
append_member (GString    *out,
               char        before,
               const char *name,
               const char *value)
{
  if (before != 0)
    g_string_append_c (out, before);
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
  gk_bundle_data_append_json_string (out, value);
}

/* One record of records-MONTH.json, on one line without its newline:
 * written directly, as json-glib would write it, rather than built as a
 * tree first (75 000 records a publish). */
char *
gk_bundle_data_record_json (const GkBundleSite  *site,
                            const GkBundleEntry *entry)
{
  const GkBundleRow *row = entry->row;
  GString *out = g_string_sized_new (4096);

  g_string_append_c (out, '{');
  append_member (out, 0, "index_no", row->index_no);
  append_member (out, ',', "title", entry->title);
  append_member (out, ',', "domain", row->domain);
  append_member (out, ',', "domain_name", row->domain_name);
  append_member (out, ',', "item", row->item_key);
  append_member (out, ',', "item_name", row->item_name);
  append_member (out, ',', "publisher", row->unit_name != NULL ? row->unit_name : site->org_name);
  append_member (out, ',', "doc_no", entry->doc_no);
  append_member (out, ',', "formed_on", row->formed_on);
  append_member (out, ',', "published_on", row->published_on);
  append_member (out, ',', "changed_on", row->changed_on);
  append_member (out, ',', "page", entry->page);
  g_string_append (out, ",\"project\":");
  if (row->project_uuid != NULL)
    {
      append_member (out, '{', "id", row->project_uuid);
      append_member (out, ',', "kind", row->project_kind);
      append_member (out, ',', "name", row->project_name);
      append_member (out, ',', "code", row->project_code);
      g_string_append_c (out, '}');
    }
  else
    g_string_append (out, "null");
  append_member (out, ',', "body", entry->body);
  g_string_append (out, ",\"values\":");
  gk_bundle_data_append_json_node (out, entry->values);
  g_string_append (out, ",\"attachments\":[");
  for (guint a = 0; a < entry->attachments->len; a++)
    {
      const GkAttachment *attachment = g_ptr_array_index (entry->attachments, a);
      GBytes *text = g_ptr_array_index (entry->attachment_texts, a);

      if (a > 0)
        g_string_append_c (out, ',');
      append_member (out, '{', "name", g_ptr_array_index (entry->attachment_names, a));
      g_string_append_printf (out, ",\"size\":%" G_GINT64_FORMAT,
                              text != NULL ? (gint64) g_bytes_get_size (text) : attachment->size);
      append_member (out, ',', "sha256", g_ptr_array_index (entry->attachment_sha256, a));
      append_member (out, ',', "url", g_ptr_array_index (entry->attachment_paths, a));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
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
