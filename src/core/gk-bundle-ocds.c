/* gk-bundle-ocds.c: procurement and tendering projects as an Open Contracting Data Standard 1.1 release package. */
#include "config.h"

#include "gk-bundle-private.h"

static JsonObject *
values_of (const GkBundleEntry *entry)
{
  return json_node_get_object (entry->values);
}

static const char *
get_text (JsonObject *values,
          const char *id)
{
  JsonNode *node = values != NULL ? json_object_get_member (values, id) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return *json_node_get_string (node) != '\0' ? json_node_get_string (node) : NULL;
}

/* Money is stored in 分; OCDS wants an amount in the currency's unit. */
static gboolean
get_fen (JsonObject *values,
         const char *id,
         gint64     *fen)
{
  JsonNode *node = values != NULL ? json_object_get_member (values, id) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *fen = json_node_get_int (node);
  return TRUE;
}

static void
add_value (JsonBuilder *builder,
           const char  *member,
           gint64       fen)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amount");
  if (fen % 100 == 0)
    json_builder_add_int_value (builder, fen / 100);
  else
    json_builder_add_double_value (builder, (double) fen / 100.0);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, "CNY");
  json_builder_end_object (builder);
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const char  *date)
{
  g_autofree char *stamp = NULL;

  if (date == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date, 0, 0))
    return;
  stamp = g_strdup_printf ("%sT00:00:00+08:00", date);
  add_member_string (builder, member, stamp);
}

/* An organisation reference: by its credit code when it has one. */
static char *
party_id (const char *name,
          const char *code)
{
  return g_strdup (code != NULL ? code : name);
}

static void
add_party_ref (JsonBuilder *builder,
               const char  *name,
               const char  *code)
{
  g_autofree char *id = party_id (name, code);

  json_builder_begin_object (builder);
  add_member_string (builder, "id", id);
  add_member_string (builder, "name", name);
  json_builder_end_object (builder);
}

typedef struct
{
  char *id;
  char *name;
  char *role;
} Party;

static void
party_free (Party *party)
{
  g_free (party->id);
  g_free (party->name);
  g_free (party->role);
  g_free (party);
}

static void
note_party (GPtrArray  *parties,
            const char *name,
            const char *code,
            const char *role)
{
  Party *party;

  if (name == NULL)
    return;
  party = g_new0 (Party, 1);
  party->id = party_id (name, code);
  party->name = g_strdup (name);
  party->role = g_strdup (role);
  g_ptr_array_add (parties, party);
}

static const char *
stage_of (const GkBundleConfig *config,
          const GkBundleEntry  *entry)
{
  JsonObject *ocds = json_object_get_object_member (config->root, "ocds");
  JsonObject *stages = json_object_get_object_member (ocds, "stages");

  return json_object_get_string_member_with_default (stages, entry->row->item_key, NULL);
}

static const char *
method_of (const GkBundleConfig *config,
           const char           *label)
{
  JsonObject *ocds = json_object_get_object_member (config->root, "ocds");
  JsonObject *methods = json_object_get_object_member (ocds, "methods");

  return label != NULL ? json_object_get_string_member_with_default (methods, label, NULL) : NULL;
}

static void
add_awards_of (JsonBuilder         *builder,
               const GkBundleEntry *entry,
               const char          *stage,
               GPtrArray           *parties)
{
  JsonObject *values = values_of (entry);
  JsonNode *table = json_object_get_member (values, g_str_equal (stage, "candidates") ? "candidates" : "suppliers");
  g_autofree char *award_id = g_strdup_printf ("%s", entry->row->index_no);
  gint64 fen;

  json_builder_begin_object (builder);
  add_member_string (builder, "id", award_id);
  add_member_string (builder, "title", entry->title);
  /* Candidates are proposed, not yet awarded: "pending" (DOMAIN.md §7). */
  add_member_string (builder, "status", g_str_equal (stage, "candidates") ? "pending" : "active");
  add_date (builder, "date", get_text (values, "award_date") != NULL ? get_text (values, "award_date") : entry->row->published_on);
  if (get_fen (values, "amount", &fen))
    add_value (builder, "value", fen);
  json_builder_set_member_name (builder, "suppliers");
  json_builder_begin_array (builder);
  if (get_text (values, "winner") != NULL)
    {
      add_party_ref (builder, get_text (values, "winner"), get_text (values, "winner_uscc"));
      note_party (parties, get_text (values, "winner"), get_text (values, "winner_uscc"), "supplier");
    }
  for (guint r = 0; table != NULL && JSON_NODE_HOLDS_ARRAY (table) && r < json_array_get_length (json_node_get_array (table)); r++)
    {
      JsonNode *row = json_array_get_element (json_node_get_array (table), r);
      JsonObject *cells = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;

      if (get_text (cells, "name") == NULL)
        continue;
      add_party_ref (builder, get_text (cells, "name"), get_text (cells, "uscc"));
      note_party (parties, get_text (cells, "name"), get_text (cells, "uscc"),
                  g_str_equal (stage, "candidates") ? "tenderer" : "supplier");
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_release (JsonBuilder          *builder,
             const GkBundleConfig *config,
             const char           *ocid_prefix,
             GPtrArray            *chain)
{
  const GkBundleEntry *first = g_ptr_array_index (chain, 0);
  const GkBundleEntry *latest = first;
  const GkBundleEntry *tender = NULL;
  g_autoptr(GPtrArray) awards = g_ptr_array_new ();
  g_autoptr(GPtrArray) contracts = g_ptr_array_new ();
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *ocid = g_strconcat (ocid_prefix, first->row->project_uuid, NULL);
  const char *buyer_name = NULL;
  const char *award_id = NULL;
  gint64 fen;

  for (guint i = 0; i < chain->len; i++)
    {
      const GkBundleEntry *entry = g_ptr_array_index (chain, i);
      const char *stage = stage_of (config, entry);

      if (g_strcmp0 (entry->row->published_on, latest->row->published_on) > 0)
        latest = entry;
      if (g_strcmp0 (stage, "tender") == 0)
        tender = entry;
      else if (g_strcmp0 (stage, "award") == 0 || g_strcmp0 (stage, "candidates") == 0)
        g_ptr_array_add (awards, (gpointer) entry);
      if (g_strcmp0 (stage, "award") == 0)
        award_id = entry->row->index_no;
      else if (g_strcmp0 (stage, "contract") == 0)
        g_ptr_array_add (contracts, (gpointer) entry);
    }

  json_builder_begin_object (builder);
  add_member_string (builder, "ocid", ocid);
  add_member_string (builder, "id", latest->row->index_no);
  add_date (builder, "date", latest->row->published_on);
  json_builder_set_member_name (builder, "tag");
  json_builder_begin_array (builder);
  /* What this release tells: the stages the chain has reached. */
  if (tender != NULL)
    json_builder_add_string_value (builder, "tender");
  if (awards->len > 0)
    json_builder_add_string_value (builder, "award");
  if (contracts->len > 0 && award_id != NULL)
    json_builder_add_string_value (builder, "contract");
  if (tender == NULL && awards->len == 0 && award_id == NULL)
    json_builder_add_string_value (builder, "planning");
  json_builder_end_array (builder);
  add_member_string (builder, "initiationType", "tender");
  add_member_string (builder, "language", "zh");

  if (tender != NULL)
    buyer_name = get_text (values_of (tender), g_str_equal (tender->row->domain, "bidding") ? "tenderer" : "purchaser");
  if (buyer_name != NULL)
    {
      json_builder_set_member_name (builder, "buyer");
      add_party_ref (builder, buyer_name, NULL);
      note_party (parties, buyer_name, NULL, "buyer");
    }

  json_builder_set_member_name (builder, "tender");
  json_builder_begin_object (builder);
  add_member_string (builder, "id", first->row->project_code != NULL && *first->row->project_code != '\0'
                                    ? first->row->project_code : first->row->project_uuid);
  add_member_string (builder, "title", first->row->project_name);
  add_member_string (builder, "status", contracts->len > 0 || awards->len > 0 ? "complete" : "active");
  if (tender != NULL)
    {
      JsonObject *values = values_of (tender);
      const char *method = get_text (values, tender->row->domain != NULL && g_str_equal (tender->row->domain, "bidding") ? "tender_method" : "method");

      if (get_fen (values, "budget", &fen))
        add_value (builder, "value", fen);
      if (method_of (config, method) != NULL)
        add_member_string (builder, "procurementMethod", method_of (config, method));
      add_member_string (builder, "procurementMethodDetails", method);
      add_date (builder, "datePublished", tender->row->published_on);
    }
  json_builder_end_object (builder);

  if (awards->len > 0)
    {
      json_builder_set_member_name (builder, "awards");
      json_builder_begin_array (builder);
      for (guint i = 0; i < awards->len; i++)
        {
          const GkBundleEntry *award = g_ptr_array_index (awards, i);

          add_awards_of (builder, award, stage_of (config, award), parties);
        }
      json_builder_end_array (builder);
    }

  /* A contract names the award it follows: without a published result
   * there is none to name, and the contract waits for it. */
  if (contracts->len > 0 && award_id != NULL)
    {
      json_builder_set_member_name (builder, "contracts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < contracts->len; i++)
        {
          const GkBundleEntry *contract = g_ptr_array_index (contracts, i);
          JsonObject *values = values_of (contract);

          json_builder_begin_object (builder);
          add_member_string (builder, "id", contract->row->index_no);
          add_member_string (builder, "awardID", award_id);
          add_member_string (builder, "title", get_text (values, "contract_name") != NULL ? get_text (values, "contract_name") : contract->title);
          add_member_string (builder, "status", get_text (values, "completion_date") != NULL ? "terminated" : "active");
          if (get_fen (values, "amount", &fen))
            add_value (builder, "value", fen);
          add_date (builder, "dateSigned", get_text (values, "sign_date"));
          if (get_fen (values, "settlement", &fen))
            {
              g_autofree char *transaction_id = g_strdup_printf ("%s-settlement", contract->row->index_no);

              json_builder_set_member_name (builder, "implementation");
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "transactions");
              json_builder_begin_array (builder);
              json_builder_begin_object (builder);
              add_member_string (builder, "id", transaction_id);
              add_date (builder, "date", get_text (values, "completion_date"));
              add_value (builder, "value", fen);
              json_builder_end_object (builder);
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  /* Every organisation referred to, once, with all its roles. */
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    {
      Party *party = g_ptr_array_index (parties, i);

      if (g_hash_table_contains (seen, party->id))
        continue;
      g_hash_table_add (seen, party->id);
      json_builder_begin_object (builder);
      add_member_string (builder, "id", party->id);
      add_member_string (builder, "name", party->name);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (guint j = i; j < parties->len; j++)
        {
          Party *other = g_ptr_array_index (parties, j);
          gboolean repeated = FALSE;

          if (!g_str_equal (other->id, party->id))
            continue;
          for (guint k = i; k < j; k++)
            {
              Party *earlier = g_ptr_array_index (parties, k);

              repeated |= g_str_equal (earlier->id, party->id) && g_str_equal (earlier->role, other->role);
            }
          if (!repeated)
            json_builder_add_string_value (builder, other->role);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/* The package opens with everything but its releases, which follow one a
 * line, so that a re-publish can keep the lines of projects that did not
 * change (see gk-bundle.c). */
char *
gk_bundle_data_ocds_head (const GkBundleSite *site,
                          const char         *org_code,
                          const char         *published_on)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = g_strdup_printf ("urn:gongkai:bundle:%s:ocds-releases",
                                          org_code != NULL && *org_code != '\0' ? org_code : "ledger");
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_member_string (builder, "uri", uri);
  add_member_string (builder, "version", "1.1");
  add_date (builder, "publishedDate", published_on != NULL ? published_on : "1970-01-01");
  json_builder_set_member_name (builder, "publisher");
  json_builder_begin_object (builder);
  add_member_string (builder, "name", site->org_name);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  /* Open the object again for the releases: text ends with '}'. */
  text[strlen (text) - 1] = '\0';
  return g_strconcat (text, ",\"releases\":[\n", NULL);
}

/* @chain: the project's published records, in lifecycle order. One line,
 * without its newline. */
char *
gk_bundle_data_ocds_release (const GkBundleSite *site,
                             const char         *ocid_prefix,
                             GPtrArray          *chain)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  add_release (builder, site->config, ocid_prefix, chain);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
