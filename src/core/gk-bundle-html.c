/* gk-bundle-html.c: the bundle's pages as HTML5: escaping, the page frame, record pages and lists. */
#include "config.h"

#include <string.h>

#include "gk-bundle-private.h"

#define PAGE_SIZE 50

/* No script, no inline style, nothing from elsewhere. */
#define CSP "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

static gboolean
is_dropped (gunichar c)
{
  /* Control characters and noncharacters are not allowed in HTML text. */
  return (c < 0x20 && c != '\t' && c != '\n') ||
         (c >= 0x7F && c <= 0x9F) ||
         (c >= 0xFDD0 && c <= 0xFDEF) ||
         (c & 0xFFFE) == 0xFFFE;
}

/* The length of the UTF-8 sequence at @p, whose lead byte is 0x80 or
 * above, when g_utf8_validate() would take it (shortest form, no
 * surrogate, at most U+10FFFF); 0 otherwise. Checked here, inline, on the
 * escaping's own pass: g_utf8_validate() over the text first, or
 * g_utf8_get_char_validated() for each character, cost 4 and 5 % more of
 * a whole publish's instructions (cachegrind, 5 000 records). */
static guint
sequence_length (const guchar *p)
{
  guchar lo = 0x80, hi = 0xBF;

  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    return (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (p[0] >= 0xE0 && p[0] <= 0xEF)
    {
      lo = p[0] == 0xE0 ? 0xA0 : lo;
      hi = p[0] == 0xED ? 0x9F : hi;
      return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
  if (p[0] >= 0xF0 && p[0] <= 0xF4)
    {
      lo = p[0] == 0xF0 ? 0x90 : lo;
      hi = p[0] == 0xF4 ? 0x8F : hi;
      return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }
  return 0;
}

void
gk_bundle_append_escaped (GString    *out,
                          const char *text)
{
  gsize start = out->len;

  if (text == NULL)
    return;

  /* Runs of text that need nothing are appended whole, and the text is
   * checked for UTF-8 on the way rather than before. Only a lead byte of
   * 0xC2 (U+0080 to U+00BF), 0xEF (U+F000 to U+FFFF) or 0xF0 and above
   * can begin a character that is dropped. */
  for (const char *p = text, *run = text;; )
    {
      guchar b = (guchar) *p;
      const char *entity = NULL;
      gsize length = 1;

      if (b == '\0' || b == '&' || b == '<' || b == '>' || b == '"' || b == '\'' ||
          (b < 0x20 && b != '\t' && b != '\n') || b == 0x7F)
        {
          g_string_append_len (out, run, p - run);
          if (b == '\0')
            return;
          entity = b == '&' ? "&amp;" : b == '<' ? "&lt;" : b == '>' ? "&gt;" :
                   b == '"' ? "&quot;" : b == '\'' ? "&#39;" : NULL;
          if (entity != NULL)
            g_string_append (out, entity);
          run = ++p;
          continue;
        }
      if (b >= 0x80)
        {
          length = sequence_length ((const guchar *) p);
          if (length == 0)
            {
              /* Not UTF-8: escaped again whole, made valid. */
              g_autofree char *valid = g_utf8_make_valid (text, -1);

              g_string_truncate (out, start);
              gk_bundle_append_escaped (out, valid);
              return;
            }
          if ((b == 0xC2 || b == 0xEF || b >= 0xF0) && is_dropped (g_utf8_get_char (p)))
            {
              g_string_append_len (out, run, p - run);
              p += length;
              run = p;
              continue;
            }
        }
      p += length;
    }
}

gboolean
gk_bundle_url_is_linkable (const char *url)
{
  const char *scheme;

  if (url == NULL)
    return FALSE;
  scheme = g_uri_peek_scheme (url);
  if (scheme == NULL || (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https")))
    return FALSE;
  /* A URL with spaces or controls is not one a reader can trust either. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
      return FALSE;
  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static void
append_link (GString    *out,
             const char *root,
             const char *href,
             const char *text)
{
  g_string_append (out, "<a href=\"");
  gk_bundle_append_escaped (out, root);
  gk_bundle_append_escaped (out, href);
  g_string_append (out, "\">");
  gk_bundle_append_escaped (out, text);
  g_string_append (out, "</a>");
}

void
gk_bundle_html_begin (GString            *out,
                      const GkBundleSite *site,
                      const char         *root,
                      const char         *title)
{
  const GkBundleConfig *config = site->config;
  static const char *const nav[][2] = {
    { "index.html", "home" },
    { "catalog.html", "catalog" },
    { "blacklist.html", "blacklist" },
    { "guide.html", "guide" },
    { "index.html#data", "data" },
  };

  g_string_append (out,
                   "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\">\n<title>");
  gk_bundle_append_escaped (out, title);
  g_string_append (out, " - ");
  gk_bundle_append_escaped (out, site->site_title);
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" href=\"");
  gk_bundle_append_escaped (out, root);
  g_string_append (out, "assets/style.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">");
  gk_bundle_append_escaped (out, gk_bundle_label (config, "skip"));
  g_string_append (out, "</a>\n<header class=\"site\">\n<p class=\"org\">");
  gk_bundle_append_escaped (out, site->org_name);
  g_string_append (out, "</p>\n<p class=\"name\">");
  append_link (out, root, "index.html", site->site_title);
  g_string_append (out, "</p>\n<nav class=\"site\" aria-label=\"");
  gk_bundle_append_escaped (out, gk_bundle_label (config, "nav"));
  g_string_append (out, "\">\n<ul>\n");
  for (guint i = 0; i < G_N_ELEMENTS (nav); i++)
    {
      g_string_append (out, "<li>");
      append_link (out, root, nav[i][0], gk_bundle_label (config, nav[i][1]));
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</nav>\n</header>\n<main id=\"main\">\n<h1>");
  gk_bundle_append_escaped (out, title);
  g_string_append (out, "</h1>\n");
}

void
gk_bundle_html_end (GString            *out,
                    const GkBundleSite *site)
{
  g_string_append (out, "</main>\n<footer class=\"site\">\n<p>");
  gk_bundle_append_escaped (out, site->org_name);
  g_string_append (out, "。");
  gk_bundle_append_escaped (out, gk_bundle_label (site->config, "footer"));
  g_string_append (out, "</p>\n</footer>\n</body>\n</html>\n");
}

/* A blank line: compiled once, for every record's body. */
static GRegex *
paragraph_break (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\r?\\n[ \\t]*\\r?\\n", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

void
gk_bundle_html_paragraphs (GString    *out,
                           const char *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL || *text == '\0')
    return;
  paragraphs = g_regex_split (paragraph_break (), text, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_strstrip (paragraphs[i]), "\n", -1);

      if (*paragraphs[i] == '\0')
        continue;
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>");
          gk_bundle_append_escaped (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

void
gk_bundle_html_table_begin (GString            *out,
                            const char         *caption,
                            const char * const *headers)
{
  /* A wide table scrolls sideways in its wrapper on a phone: the wrapper
   * takes the keyboard focus so that the arrow keys scroll it, and is named
   * by the caption where there is one. */
  if (caption != NULL)
    {
      g_string_append (out, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
      gk_bundle_append_escaped (out, caption);
      g_string_append (out, "\">\n<table>\n");
    }
  else
    g_string_append (out, "<div class=\"table-wrap\" tabindex=\"0\">\n<table>\n");
  if (caption != NULL)
    {
      g_string_append (out, "<caption>");
      gk_bundle_append_escaped (out, caption);
      g_string_append (out, "</caption>\n");
    }
  g_string_append (out, "<thead><tr>");
  for (guint i = 0; headers[i] != NULL; i++)
    {
      g_string_append (out, "<th scope=\"col\">");
      gk_bundle_append_escaped (out, headers[i]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
}

void
gk_bundle_html_cell (GString    *out,
                     const char *text)
{
  g_string_append (out, "<td>");
  gk_bundle_append_escaped (out, text);
  g_string_append (out, "</td>");
}

char *
gk_bundle_format_value (const GkField *field,
                        JsonNode      *value)
{
  char *text;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value) || !JSON_NODE_HOLDS_VALUE (value))
    return NULL;
  /* A string where the kind wants a number is a masked value: as it is. */
  if (json_node_get_value_type (value) == G_TYPE_STRING &&
      field->kind != GK_FIELD_CHOICE && field->kind != GK_FIELD_MONEY)
    return g_strdup (json_node_get_string (value));
  text = gk_field_format_value (field, value);
  if (text == NULL && json_node_get_value_type (value) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (value));
  if (text != NULL && field->kind == GK_FIELD_MONEY)
    {
      char *with_unit = g_strconcat (text, " 元", NULL);

      g_free (text);
      text = with_unit;
    }
  return text;
}

static void
append_value (GString       *out,
              const GkField *field,
              JsonNode      *value)
{
  g_autofree char *text = gk_bundle_format_value (field, value);

  if (text == NULL)
    return;
  if (field->kind == GK_FIELD_URL && gk_bundle_url_is_linkable (text))
    append_link (out, "", text, text);
  else if (field->kind == GK_FIELD_LONGTEXT)
    gk_bundle_html_paragraphs (out, text);
  else
    {
      gk_bundle_append_escaped (out, text);
      if (field->unit != NULL && *field->unit != '\0' && field->kind != GK_FIELD_MONEY)
        {
          g_string_append_c (out, ' ');
          gk_bundle_append_escaped (out, field->unit);
        }
    }
}

static void
append_table (GString       *out,
              const GkField *field,
              JsonNode      *value)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) headers = g_strv_builder_new ();
  g_auto(GStrv) header_strv = NULL;
  JsonArray *rows;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return;
  rows = json_node_get_array (value);

  /* A column whose cells were all left out (ID numbers of an allocation
   * list) is not shown at all. */
  for (guint c = 0; c < field->columns->len; c++)
    {
      const GkField *column = g_ptr_array_index (field->columns, c);
      gboolean present = column->kind != GK_FIELD_IDCARD;

      for (guint r = 0; !present && r < json_array_get_length (rows); r++)
        {
          JsonNode *row = json_array_get_element (rows, r);

          present = JSON_NODE_HOLDS_OBJECT (row) &&
                    json_object_has_member (json_node_get_object (row), column->id);
        }
      if (!present)
        continue;
      g_ptr_array_add (columns, (gpointer) column);
      g_strv_builder_add (headers, column->label);
    }
  header_strv = g_strv_builder_end (headers);

  gk_bundle_html_table_begin (out, field->label, (const char * const *) header_strv);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;

      g_string_append (out, "<tr>");
      for (guint c = 0; c < columns->len; c++)
        {
          const GkField *column = g_ptr_array_index (columns, c);

          g_string_append (out, "<td>");
          if (object != NULL)
            append_value (out, column, json_object_get_member (object, column->id));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

static void
append_meta_row (GString    *out,
                 const char *label,
                 const char *value)
{
  g_string_append (out, "<tr><th scope=\"row\">");
  gk_bundle_append_escaped (out, label);
  g_string_append (out, "</th><td>");
  gk_bundle_append_escaped (out, value);
  g_string_append (out, "</td></tr>\n");
}

static void
append_metadata (GString             *out,
                 const GkBundleSite  *site,
                 const GkBundleEntry *entry)
{
  const GkBundleConfig *config = site->config;
  const GkBundleRow *row = entry->row;
  g_autofree char *classification = g_strdup_printf ("%s / %s", row->domain_name, row->item_name);

  g_string_append (out, "<div class=\"table-wrap\">\n<table class=\"meta\">\n<caption>");
  gk_bundle_append_escaped (out, gk_bundle_label (config, "metadata"));
  g_string_append (out, "</caption>\n<tbody>\n");
  append_meta_row (out, gk_bundle_label (config, "index_no"), row->index_no);
  append_meta_row (out, gk_bundle_label (config, "classification"), classification);
  append_meta_row (out, gk_bundle_label (config, "publisher"),
                   row->unit_name != NULL ? row->unit_name : site->org_name);
  append_meta_row (out, gk_bundle_label (config, "formed_on"), row->formed_on);
  append_meta_row (out, gk_bundle_label (config, "published_on"), row->published_on);
  append_meta_row (out, gk_bundle_label (config, "doc_no"), entry->doc_no);
  append_meta_row (out, gk_bundle_label (config, "mode"), gk_bundle_label (config, "mode_value"));
  append_meta_row (out, gk_bundle_label (config, "scope"), gk_bundle_label (config, "scope_value"));
  append_meta_row (out, gk_bundle_label (config, "time_limit"), row->time_limit);
  append_meta_row (out, gk_bundle_label (config, "validity"),
                   entry->validity != NULL ? entry->validity : gk_bundle_label (config, "validity_value"));
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

static void
append_fields (GString             *out,
               const GkBundleSite  *site,
               const GkBundleEntry *entry)
{
  JsonObject *values = json_node_get_object (entry->values);
  gboolean open = FALSE;

  g_string_append (out, "<h2>");
  gk_bundle_append_escaped (out, gk_bundle_label (site->config, "fields"));
  g_string_append (out, "</h2>\n");
  for (guint f = 0; f < gk_schema_get_n_fields (entry->schema); f++)
    {
      const GkField *field = gk_schema_get_field (entry->schema, f);
      JsonNode *value = json_object_get_member (values, field->id);

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if (field->kind == GK_FIELD_TABLE)
        {
          if (open)
            g_string_append (out, "</tbody>\n</table>\n</div>\n");
          open = FALSE;
          append_table (out, field, value);
          continue;
        }
      if (!open)
        g_string_append (out, "<div class=\"table-wrap\">\n<table class=\"meta\">\n<tbody>\n");
      open = TRUE;
      g_string_append (out, "<tr><th scope=\"row\">");
      gk_bundle_append_escaped (out, field->label);
      g_string_append (out, "</th><td>");
      append_value (out, field, value);
      g_string_append (out, "</td></tr>\n");
    }
  if (open)
    g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

static void
append_size (GString *out,
             gint64   size)
{
  g_autofree char *human = g_format_size ((guint64) size);

  g_string_append_printf (out, " <span class=\"muted\">（%s）</span>", human);
}

/* A line of a 更正公告, unless @text is empty. */
static void
append_notice_item (GString              *out,
                    const GkBundleConfig *config,
                    const char           *label,
                    const char           *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (out, "<li>");
  gk_bundle_append_escaped (out, gk_bundle_label (config, label));
  g_string_append (out, "：");
  gk_bundle_append_escaped (out, text);
  g_string_append (out, "</li>\n");
}

void
gk_bundle_html_record (GString             *out,
                       const GkBundleSite  *site,
                       const GkBundleEntry *entry,
                       GPtrArray           *related)
{
  const GkBundleConfig *config = site->config;
  const GkBundleRow *row = entry->row;

  gk_bundle_html_begin (out, site, "../", entry->title);
  append_metadata (out, site, entry);

  /* A 变更 published: its 更正公告, what was corrected and when, and the
   * publication it corrected, whose title and 文号 are shown where they
   * differ from today's. */
  if (row->changed_on != NULL)
    {
      g_string_append (out, "<h2>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "change"));
      g_string_append (out, "</h2>\n<ul class=\"notice\">\n");
      append_notice_item (out, config, "changed_on", row->changed_on);
      if (entry->change_note != NULL && *entry->change_note != '\0')
        append_notice_item (out, config, "change_note", entry->change_note);
      append_notice_item (out, config, "previous_published_on", row->prev_published_on);
      if (g_strcmp0 (entry->prev_title, entry->title) != 0)
        append_notice_item (out, config, "previous_title", entry->prev_title);
      if (g_strcmp0 (entry->prev_doc_no, entry->doc_no) != 0)
        append_notice_item (out, config, "previous_doc_no", entry->prev_doc_no);
      g_string_append (out, "</ul>\n");
    }

  if (entry->body != NULL && *entry->body != '\0')
    {
      g_string_append (out, "<h2>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "body"));
      g_string_append (out, "</h2>\n<div class=\"body\">\n");
      gk_bundle_html_paragraphs (out, entry->body);
      g_string_append (out, "</div>\n");
    }

  append_fields (out, site, entry);

  if (entry->attachments->len > 0)
    {
      g_string_append (out, "<h2>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "attachments"));
      g_string_append (out, "</h2>\n<ul>\n");
      for (guint i = 0; i < entry->attachments->len; i++)
        {
          const GkAttachment *attachment = g_ptr_array_index (entry->attachments, i);
          GBytes *text = g_ptr_array_index (entry->attachment_texts, i);

          g_string_append (out, "<li>");
          append_link (out, "../", g_ptr_array_index (entry->attachment_paths, i),
                       g_ptr_array_index (entry->attachment_names, i));
          append_size (out, text != NULL ? (gint64) g_bytes_get_size (text) : attachment->size);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }

  if (related != NULL && related->len > 1)
    {
      g_string_append (out, "<h2>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "project"));
      g_string_append (out, "</h2>\n<p>");
      gk_bundle_append_escaped (out, row->project_name);
      g_string_append (out, "</p>\n<ol class=\"records\">\n");
      for (guint i = 0; i < related->len; i++)
        {
          const GkBundleStub *other = g_ptr_array_index (related, i);

          g_string_append (out, "<li>");
          gk_bundle_append_escaped (out, other->item_name);
          g_string_append (out, "：");
          if (other->id == row->id)
            gk_bundle_append_escaped (out, other->title);
          else
            append_link (out, "../", other->page, other->title);
          g_string_append (out, " <span class=\"date\">");
          gk_bundle_append_escaped (out, other->published_on);
          g_string_append (out, "</span></li>\n");
        }
      g_string_append (out, "</ol>\n");
    }

  gk_bundle_html_end (out, site);
}

char *
gk_bundle_list_path (const char *base,
                     guint       page)
{
  if (page <= 1)
    return g_strdup_printf ("list/%s.html", base);
  return g_strdup_printf ("list/%s-%u.html", base, page);
}

void
gk_bundle_html_entry_items (GString    *out,
                            const char *root,
                            GPtrArray  *entries,
                            guint       first,
                            guint       count)
{
  g_string_append (out, "<ul class=\"records\">\n");
  for (guint i = first; i < first + count && i < entries->len; i++)
    {
      const GkBundleStub *stub = g_ptr_array_index (entries, i);

      g_string_append (out, "<li>");
      append_link (out, root, stub->page, stub->title);
      g_string_append (out, " <span class=\"date\">");
      gk_bundle_append_escaped (out, stub->published_on);
      g_string_append (out, "</span></li>\n");
    }
  g_string_append (out, "</ul>\n");
}

void
gk_bundle_html_list (GString            *out,
                     const GkBundleSite *site,
                     const char         *title,
                     GPtrArray          *entries,
                     guint               page,
                     guint               n_pages,
                     const char         *base)
{
  const GkBundleConfig *config = site->config;
  g_autofree char *heading = NULL;
  g_autofree char *position = NULL;

  heading = n_pages > 1 ? g_strdup_printf ("%s（%u/%u）", title, page, n_pages) : g_strdup (title);
  gk_bundle_html_begin (out, site, "../", heading);
  if (entries->len == 0)
    {
      g_string_append (out, "<p>");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "none"));
      g_string_append (out, "</p>\n");
    }
  gk_bundle_html_entry_items (out, "../", entries, (page - 1) * PAGE_SIZE, PAGE_SIZE);

  if (n_pages > 1)
    {
      g_autoptr(GString) label = g_string_new (gk_bundle_label (config, "page"));
      g_autofree char *page_text = g_strdup_printf ("%u", page);
      g_autofree char *pages_text = g_strdup_printf ("%u", n_pages);

      g_string_replace (label, "{pages}", pages_text, 0);
      g_string_replace (label, "{page}", page_text, 0);
      position = g_string_free (g_steal_pointer (&label), FALSE);
      g_string_append (out, "<nav class=\"pages\" aria-label=\"");
      gk_bundle_append_escaped (out, gk_bundle_label (config, "pages"));
      g_string_append (out, "\">\n<ul>\n");
      if (page > 1)
        {
          g_autofree char *prev = gk_bundle_list_path (base, page - 1);

          g_string_append (out, "<li><a rel=\"prev\" href=\"../");
          gk_bundle_append_escaped (out, prev);
          g_string_append (out, "\">");
          gk_bundle_append_escaped (out, gk_bundle_label (config, "previous"));
          g_string_append (out, "</a></li>\n");
        }
      g_string_append (out, "<li>");
      gk_bundle_append_escaped (out, position);
      g_string_append (out, "</li>\n");
      if (page < n_pages)
        {
          g_autofree char *next = gk_bundle_list_path (base, page + 1);

          g_string_append (out, "<li><a rel=\"next\" href=\"../");
          gk_bundle_append_escaped (out, next);
          g_string_append (out, "\">");
          gk_bundle_append_escaped (out, gk_bundle_label (config, "next"));
          g_string_append (out, "</a></li>\n");
        }
      g_string_append (out, "</ul>\n</nav>\n");
    }
  gk_bundle_html_end (out, site);
}
