/* gk-cli-ledger.c: gongkai-cli list, show and catalog: read the ledger as TSV or JSON. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-cli.h"
#include "gk-record-list.h"
#include "gk-store.h"

static gboolean
parse_format (const char *command,
              const char *format,
              gboolean   *json,
              int        *status)
{
  if (format == NULL || g_strcmp0 (format, "tsv") == 0)
    *json = FALSE;
  else if (g_strcmp0 (format, "json") == 0)
    *json = TRUE;
  else
    {
      *status = gk_cli_usage_error (command, _("unknown format “%s” (use tsv or json)"), format);
      return FALSE;
    }
  return TRUE;
}

/* TSV cells may not hold tabs or line breaks. */
static char *
tsv_cell (const char *text)
{
  char *cell = g_strdup (text != NULL ? text : "");

  for (char *p = cell; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return cell;
}

static void
print_tsv_row (const char *first,
               ...)
{
  GString *line = g_string_new (NULL);
  va_list args;
  const char *cell = first;

  va_start (args, first);
  while (cell != (const char *) -1)
    {
      g_autofree char *clean = tsv_cell (cell);

      if (line->len > 0 || cell != first)
        g_string_append_c (line, '\t');
      g_string_append (line, clean);
      cell = va_arg (args, const char *);
    }
  va_end (args);

  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}
#define END ((const char *) -1)

static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
gk_cli_add_record_json (JsonBuilder *builder,
                        GkRecord    *record,
                        gboolean     full)
{
  json_builder_begin_object (builder);
  add_string (builder, "uuid", gk_record_get_uuid (record));
  add_string (builder, "index_no", gk_record_get_index_no (record));
  add_string (builder, "domain", gk_record_get_domain (record));
  add_string (builder, "item", gk_record_get_item_key (record));
  add_string (builder, "item_name", gk_record_get_item_name (record));
  add_string (builder, "title", gk_record_get_title (record));
  add_string (builder, "unit", gk_record_get_unit_name (record));
  add_string (builder, "status", gk_record_get_status (record));
  add_string (builder, "mode", gk_record_get_mode (record));
  add_string (builder, "formed_on", gk_record_get_formed_on (record));
  add_string (builder, "due_on", gk_record_get_due_on (record));
  add_string (builder, "published_on", gk_record_get_published_on (record));
  if (full)
    {
      JsonNode *fields = json_node_init_object (json_node_alloc (), gk_record_get_values (record));

      add_string (builder, "doc_no", gk_record_get_doc_no (record));
      add_string (builder, "body", gk_record_get_body (record));
      add_string (builder, "exemption", gk_record_get_exemption (record));
      add_string (builder, "exemption_reason", gk_record_get_exemption_reason (record));
      add_string (builder, "created_at", gk_record_get_created_at (record));
      add_string (builder, "updated_at", gk_record_get_updated_at (record));
      json_builder_set_member_name (builder, "fields");
      json_builder_add_value (builder, fields);
    }
  json_builder_end_object (builder);
}

static gboolean
is_known_domain (GkStore    *store,
                 const char *domain)
{
  g_autoptr(GPtrArray) domains = gk_store_list_domains (store, NULL);

  for (guint i = 0; domains != NULL && i < domains->len; i++)
    if (g_strcmp0 (g_ptr_array_index (domains, i), domain) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_known_item (GkStore    *store,
               const char *key)
{
  g_autoptr(GPtrArray) items = gk_store_list_items (store, NULL, TRUE, NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_strcmp0 (gk_item_get_key (g_ptr_array_index (items, i)), key) == 0)
      return TRUE;
  return FALSE;
}

int
gk_cli_list (GkCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *status_filter = NULL;
  g_autofree char *format = NULL;
  g_autofree char *text = NULL;
  g_autofree char *item = NULL;
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  int status = GK_CLI_EXIT_OK;
  guint count = 0;
  const GOptionEntry entries[] = {
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain, N_("Only records of DOMAIN (housing-construction, housing-allocation, procurement, bidding, blacklist, request)"), N_("DOMAIN") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("Only records of the catalog item KEY"), N_("KEY") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_filter, N_("Only records in STATUS (draft, pending, published, withdrawn)"), N_("STATUS") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &text, N_("Only records containing TEXT (words, 索引号, 文号 or project code)"), N_("TEXT") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only records past their deadline and not published"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("List the records of the ledger, newest first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("list", _("unexpected argument “%s”"), argv[1]);
  if (!parse_format ("list", format, &json, &status))
    return status;
  if (status_filter != NULL && !gk_status_is_valid (status_filter))
    return gk_cli_usage_error ("list", _("unknown status “%s”"), status_filter);
  if (text != NULL && g_utf8_strlen (text, -1) > GK_SEARCH_MAX_CHARS)
    return gk_cli_usage_error ("list",
                               g_dngettext (GETTEXT_PACKAGE, "the search text is longer than %d character",
                                            "the search text is longer than %d characters", GK_SEARCH_MAX_CHARS),
                               GK_SEARCH_MAX_CHARS);

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;

  if (domain != NULL && !is_known_domain (store, domain))
    return gk_cli_usage_error ("list", _("unknown domain “%s”"), domain);
  if (item != NULL && !is_known_item (store, item))
    return gk_cli_usage_error ("list", _("unknown catalog item “%s”"), item);

  query->domain = g_steal_pointer (&domain);
  query->status = g_steal_pointer (&status_filter);
  query->item_key = g_steal_pointer (&item);
  query->text = g_steal_pointer (&text);
  query->overdue = overdue;

  if (!gk_store_count (store, query, &count, &error))
    return gk_cli_failure (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint offset = 0; offset < count; offset += 1000)
        {
          g_autoptr(GPtrArray) page = gk_store_query (store, query, offset, 1000, &error);

          if (page == NULL)
            return gk_cli_failure (error);
          for (guint i = 0; i < page->len; i++)
            gk_cli_add_record_json (builder, g_ptr_array_index (page, i), FALSE);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return GK_CLI_EXIT_OK;
    }

  print_tsv_row ("uuid", "index_no", "domain", "item", "title", "unit", "status", "formed_on", "due_on", "published_on", END);
  for (guint offset = 0; offset < count; offset += 1000)
    {
      g_autoptr(GPtrArray) page = gk_store_query (store, query, offset, 1000, &error);

      if (page == NULL)
        return gk_cli_failure (error);
      for (guint i = 0; i < page->len; i++)
        {
          GkRecord *r = g_ptr_array_index (page, i);

          print_tsv_row (gk_record_get_uuid (r), gk_record_get_index_no (r), gk_record_get_domain (r), gk_record_get_item_key (r), gk_record_get_title (r), gk_record_get_unit_name (r),
                         gk_record_get_status (r), gk_record_get_formed_on (r), gk_record_get_due_on (r), gk_record_get_published_on (r), END);
        }
    }

  return GK_CLI_EXIT_OK;
}

int
gk_cli_show (GkCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) publications = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  int status = GK_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Show one record, with its fields and history, as JSON.\n"
                                           "ID is the record's UUID or its index number (索引号)."));
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc != 2)
    return gk_cli_usage_error ("show", _("expected one record ID"));

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;

  /* A UUID, or else the 索引号 printed on the published page. */
  record = gk_store_get_record (store, argv[1], NULL);
  if (record == NULL)
    record = gk_store_get_record_by_index_no (store, argv[1], NULL);
  if (record == NULL)
    {
      g_printerr ("gongkai-cli show: %s\n", _("no record with that UUID or index number"));
      return GK_CLI_EXIT_FAILURE;
    }

  history = gk_store_get_history (store, gk_record_get_uuid (record), &error);
  if (history == NULL)
    return gk_cli_failure (error);
  publications = gk_store_get_publications (store, record, &error);
  if (publications == NULL)
    return gk_cli_failure (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "record");
  gk_cli_add_record_json (builder, record, TRUE);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      GkHistoryEntry *entry = g_ptr_array_index (history, i);

      json_builder_begin_object (builder);
      add_string (builder, "at", entry->at);
      add_string (builder, "user", entry->user);
      add_string (builder, "action", entry->action);
      add_string (builder, "field", entry->field);
      add_string (builder, "old", entry->old_value);
      add_string (builder, "new", entry->new_value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* What a 变更 superseded, latest first; "public" while the change is prepared. */
  json_builder_set_member_name (builder, "earlier_publications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < publications->len; i++)
    {
      GkPublication *publication = g_ptr_array_index (publications, i);

      json_builder_begin_object (builder);
      add_string (builder, "formed_on", publication->formed_on);
      add_string (builder, "due_on", publication->due_on);
      add_string (builder, "published_on", publication->published_on);
      add_string (builder, "changed_on", publication->changed_on);
      add_string (builder, "change_note", publication->note);
      json_builder_set_member_name (builder, "public");
      json_builder_add_boolean_value (builder, publication->still_public);
      json_builder_set_member_name (builder, "channels");
      json_builder_begin_array (builder);
      for (guint c = 0; c < publication->channels->len; c++)
        json_builder_add_string_value (builder, ((GkRecordChannel *) g_ptr_array_index (publication->channels, c))->channel);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  print_json (root);
  return GK_CLI_EXIT_OK;
}

int
gk_cli_catalog (GkCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *domain = NULL;
  gboolean json = FALSE;
  gboolean all = FALSE;
  int status = GK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain, N_("Only items of DOMAIN"), N_("DOMAIN") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include retired items"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Print the disclosure catalog (公开目录): every item with its deadline rule."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("catalog", _("unexpected argument “%s”"), argv[1]);
  if (!parse_format ("catalog", format, &json, &status))
    return status;

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;

  if (domain != NULL && !is_known_domain (store, domain))
    return gk_cli_usage_error ("catalog", _("unknown domain “%s”"), domain);

  items = gk_store_list_items (store, domain, all, &error);
  if (items == NULL)
    return gk_cli_failure (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          GkItem *item = g_ptr_array_index (items, i);
          GkSchema *schema = gk_item_get_schema (item);
          g_autofree char *basis = gk_item_dup_basis_text (item);
          g_autofree char *units = g_strjoinv ("、", (GStrv) gk_item_get_units (item));
          const char * const *channels = gk_item_get_channels (item);

          json_builder_begin_object (builder);
          add_string (builder, "key", gk_item_get_key (item));
          add_string (builder, "domain", gk_item_get_domain (item));
          add_string (builder, "level1", gk_item_get_level1 (item));
          add_string (builder, "level2", gk_item_get_level2 (item));
          add_string (builder, "contents", gk_item_get_contents (item));
          add_string (builder, "basis", basis);
          add_string (builder, "time_limit", gk_item_get_time_limit (item));
          add_string (builder, "deadline_rule", gk_item_get_deadline_rule (item));
          add_string (builder, "units", units);
          json_builder_set_member_name (builder, "channels");
          json_builder_begin_array (builder);
          for (guint c = 0; channels[c] != NULL; c++)
            json_builder_add_string_value (builder, channels[c]);
          json_builder_end_array (builder);
          add_string (builder, "audience", gk_item_get_audience (item));
          add_string (builder, "mode", gk_item_get_mode (item));
          add_string (builder, "supervision", gk_item_get_supervision (item));
          json_builder_set_member_name (builder, "retired");
          json_builder_add_boolean_value (builder, gk_item_get_retired (item));
          json_builder_set_member_name (builder, "fields");
          json_builder_add_value (builder, schema != NULL ? gk_schema_to_json_node (schema) : json_node_new (JSON_NODE_NULL));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return GK_CLI_EXIT_OK;
    }

  print_tsv_row ("key", "domain", "level1", "level2", "deadline_rule", "time_limit", "units", "retired", END);
  for (guint i = 0; i < items->len; i++)
    {
      GkItem *item = g_ptr_array_index (items, i);
      g_autofree char *units = g_strjoinv ("、", (GStrv) gk_item_get_units (item));

      print_tsv_row (gk_item_get_key (item), gk_item_get_domain (item), gk_item_get_level1 (item), gk_item_get_level2 (item), gk_item_get_deadline_rule (item),
                     gk_item_get_time_limit (item), units, gk_item_get_retired (item) ? "yes" : "no", END);
    }

  return GK_CLI_EXIT_OK;
}

int
gk_cli_verify (GkCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = GK_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Check the whole ledger file for damage (the window does this in the background)."));
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("verify", _("unexpected argument “%s”"), argv[1]);

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;

  if (!gk_store_verify (store, &error))
    return gk_cli_failure (error);

  g_print ("%s\n", _("The ledger is intact."));
  return GK_CLI_EXIT_OK;
}
