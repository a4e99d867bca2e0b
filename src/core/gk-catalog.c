/* gk-catalog.c: the default catalog (公开目录) and the fixed lists it carries, read from JSON. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "gk-catalog.h"
#include "gk-deadline.h"

G_DEFINE_QUARK (gk-catalog-error-quark, gk_catalog_error)

/* ------------------------------------------------------------------ */
/* Plain data                                                          */

static void
domain_free (GkCatalogDomain *domain)
{
  g_free (domain->key);
  g_free (domain->name);
  g_strfreev (domain->units);
  g_free (domain);
}

static void
unit_free (GkCatalogUnit *unit)
{
  g_free (unit->key);
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit);
}

static void
term_free (GkCatalogTerm *term)
{
  g_free (term->key);
  g_free (term->name);
  g_free (term->group);
  g_free (term);
}

static void
project_kind_free (GkCatalogProjectKind *kind)
{
  g_free (kind->key);
  g_free (kind->name);
  g_free (kind->code_label);
  g_free (kind);
}

static void
exemption_free (GkCatalogExemption *exemption)
{
  g_free (exemption->key);
  g_free (exemption->article);
  g_free (exemption->text);
  g_free (exemption->kind);
  g_free (exemption->outcome);
  g_free (exemption);
}

static void
catalog_clear (GkCatalog *catalog)
{
  GkCatalogRequestReport *report = &catalog->request_report;

  g_free (catalog->title);
  g_free (catalog->source);
  g_clear_pointer (&catalog->domains, g_ptr_array_unref);
  g_clear_pointer (&catalog->units, g_ptr_array_unref);
  g_clear_pointer (&catalog->channels, g_ptr_array_unref);
  g_clear_pointer (&catalog->project_kinds, g_ptr_array_unref);
  g_clear_pointer (&catalog->exemptions, g_ptr_array_unref);
  g_clear_pointer (&catalog->applicant_types, g_ptr_array_unref);
  g_clear_pointer (&catalog->outcome_groups, g_ptr_array_unref);
  g_clear_pointer (&catalog->outcomes, g_ptr_array_unref);
  g_clear_pointer (&catalog->case_kinds, g_ptr_array_unref);
  g_clear_pointer (&catalog->case_results, g_ptr_array_unref);
  g_clear_pointer (&catalog->request_schema, gk_schema_unref);
  g_clear_pointer (&catalog->case_schema, gk_schema_unref);
  g_clear_pointer (&catalog->items, g_ptr_array_unref);
  g_free (report->balance_note);
  g_free (report->applicants);
  g_free (report->organisations);
  g_free (report->sum);
  g_free (report->received);
  g_free (report->carried_in);
  g_free (report->results);
  g_free (report->total);
  g_free (report->carried_over);
}

G_DEFINE_BOXED_TYPE (GkCatalog, gk_catalog, gk_catalog_ref, gk_catalog_unref)

static GkCatalog *
catalog_new (void)
{
  GkCatalog *catalog = g_atomic_rc_box_new0 (GkCatalog);

  catalog->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) domain_free);
  catalog->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  catalog->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  catalog->project_kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) project_kind_free);
  catalog->exemptions = g_ptr_array_new_with_free_func ((GDestroyNotify) exemption_free);
  catalog->applicant_types = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  catalog->outcome_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  catalog->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  catalog->case_kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  catalog->case_results = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  catalog->items = g_ptr_array_new_with_free_func (g_object_unref);
  return catalog;
}

GkCatalog *
gk_catalog_ref (GkCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  return g_atomic_rc_box_acquire (catalog);
}

void
gk_catalog_unref (GkCatalog *catalog)
{
  g_return_if_fail (catalog != NULL);

  g_atomic_rc_box_release_full (catalog, (GDestroyNotify) catalog_clear);
}

/* ------------------------------------------------------------------ */
/* Reading JSON                                                        */

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError     **error,
             const char  *where,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: where in the catalog (e.g. item “procurement.result”), then the problem */
  g_set_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID, _("Catalog, %s: %s"), where, message);
}

/* The catalog is edited by hand: a misspelt key must not pass silently. */
static gboolean
check_keys (JsonObject          *object,
            const char * const  *allowed,
            const char          *where,
            GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          set_invalid (error, where, _("unknown key “%s”"), (const char *) l->data);
          return FALSE;
        }
    }

  return TRUE;
}

/* A string member; @required refuses a missing, null or empty one. */
static gboolean
read_string (JsonObject  *object,
             const char  *key,
             gboolean     required,
             char       **out,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          set_invalid (error, where, _("“%s” is missing"), key);
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_invalid (error, where, _("“%s” must be a string"), key);
      return FALSE;
    }

  if (required && *json_node_get_string (node) == '\0')
    {
      set_invalid (error, where, _("“%s” is empty"), key);
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_strv (JsonObject  *object,
           const char  *key,
           GStrv       *out,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          set_invalid (error, where, _("“%s” must be an array of strings"), key);
          return FALSE;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            {
              set_invalid (error, where, _("“%s” must be an array of strings"), key);
              return FALSE;
            }
          g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Calls @read on every object of the array member @key. */
typedef gboolean (*ReadFunc) (GkCatalog   *catalog,
                              JsonObject  *object,
                              const char  *where,
                              gpointer     user_data,
                              GError     **error);

static gboolean
read_list (GkCatalog   *catalog,
           JsonObject  *root,
           const char  *key,
           ReadFunc     read,
           gpointer     user_data,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, key, _("an array is expected"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = NULL;
      const char *element_key = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          json_object_has_member (json_node_get_object (element), "key") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (json_node_get_object (element), "key")) &&
          json_node_get_value_type (json_object_get_member (json_node_get_object (element), "key")) == G_TYPE_STRING)
        element_key = json_object_get_string_member (json_node_get_object (element), "key");

      /* Translators: a catalog list (e.g. items), and the key or 1-based position of one entry */
      if (element_key != NULL)
        where = g_strdup_printf (_("%s “%s”"), key, element_key);
      else
        where = g_strdup_printf (_("%s #%u"), key, i + 1);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_invalid (error, where, _("an object is expected"));
          return FALSE;
        }
      if (!read (catalog, json_node_get_object (element), where, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* Keys identify entries in the database and in records: they must be
 * unique within a list, and plain. */
static gboolean
check_key (GPtrArray   *existing,
           const char  *key,
           const char  *where,
           GError     **error)
{
  for (const char *p = key; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.' || *p == '_'))
        {
          set_invalid (error, where, _("the key “%s” must be lower-case ASCII"), key);
          return FALSE;
        }
    }

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      /* Every entry struct starts with its key. */
      const char * const *other = g_ptr_array_index (existing, i);

      if (strcmp (*other, key) == 0)
        {
          set_invalid (error, where, _("the key “%s” is used twice"), key);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_domain (GkCatalog   *catalog,
             JsonObject  *object,
             const char  *where,
             gpointer     user_data,
             GError     **error)
{
  static const char * const keys[] = { "key", "name", "kind", "units", NULL };
  g_autofree char *key = NULL;
  g_autofree char *kind = NULL;
  GkCatalogDomain *domain;

  if (!check_keys (object, keys, where, error) ||
      !read_string (object, "key", TRUE, &key, where, error) ||
      !check_key (catalog->domains, key, where, error))
    return FALSE;

  domain = g_new0 (GkCatalogDomain, 1);
  domain->key = g_steal_pointer (&key);
  g_ptr_array_add (catalog->domains, domain);
  if (!read_string (object, "name", TRUE, &domain->name, where, error) ||
      !read_string (object, "kind", TRUE, &kind, where, error) ||
      !read_strv (object, "units", &domain->units, where, error))
    return FALSE;

  if (g_str_equal (kind, "disclosure"))
    domain->kind = GK_DOMAIN_KIND_DISCLOSURE;
  else if (g_str_equal (kind, "blacklist"))
    domain->kind = GK_DOMAIN_KIND_BLACKLIST;
  else if (g_str_equal (kind, "request"))
    domain->kind = GK_DOMAIN_KIND_REQUEST;
  else
    {
      set_invalid (error, where, _("unknown kind “%s”"), kind);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_unit (GkCatalog   *catalog,
           JsonObject  *object,
           const char  *where,
           gpointer     user_data,
           GError     **error)
{
  static const char * const keys[] = { "key", "name", "kind", NULL };
  static const char * const kinds[] = { "office", "department", "branch", "street", "town", "group", "role", NULL };
  g_autofree char *key = NULL;
  GkCatalogUnit *unit;

  if (!check_keys (object, keys, where, error) ||
      !read_string (object, "key", TRUE, &key, where, error) ||
      !check_key (catalog->units, key, where, error))
    return FALSE;

  unit = g_new0 (GkCatalogUnit, 1);
  unit->key = g_steal_pointer (&key);
  g_ptr_array_add (catalog->units, unit);
  if (!read_string (object, "name", TRUE, &unit->name, where, error) ||
      !read_string (object, "kind", TRUE, &unit->kind, where, error))
    return FALSE;

  if (!g_strv_contains (kinds, unit->kind))
    {
      set_invalid (error, where, _("unknown kind “%s”"), unit->kind);
      return FALSE;
    }

  return TRUE;
}

/* @user_data: the list to fill, its JSON name key ("name" or "label"),
 * and whether it has a group. */
typedef struct
{
  GPtrArray  *list;
  const char *name_key;
  gboolean    has_group;
} TermList;

static gboolean
read_term (GkCatalog   *catalog,
           JsonObject  *object,
           const char  *where,
           gpointer     user_data,
           GError     **error)
{
  const TermList *spec = user_data;
  const char *keys[] = { "key", spec->name_key, spec->has_group ? "group" : NULL, NULL };
  g_autofree char *key = NULL;
  GkCatalogTerm *term;

  if (!check_keys (object, keys, where, error) ||
      !read_string (object, "key", TRUE, &key, where, error) ||
      !check_key (spec->list, key, where, error))
    return FALSE;

  term = g_new0 (GkCatalogTerm, 1);
  term->key = g_steal_pointer (&key);
  g_ptr_array_add (spec->list, term);
  return read_string (object, spec->name_key, TRUE, &term->name, where, error) &&
         read_string (object, "group", FALSE, &term->group, where, error);
}

static gboolean
read_project_kind (GkCatalog   *catalog,
                   JsonObject  *object,
                   const char  *where,
                   gpointer     user_data,
                   GError     **error)
{
  static const char * const keys[] = { "key", "name", "code_label", NULL };
  g_autofree char *key = NULL;
  GkCatalogProjectKind *kind;

  if (!check_keys (object, keys, where, error) ||
      !read_string (object, "key", TRUE, &key, where, error) ||
      !check_key (catalog->project_kinds, key, where, error))
    return FALSE;

  kind = g_new0 (GkCatalogProjectKind, 1);
  kind->key = g_steal_pointer (&key);
  g_ptr_array_add (catalog->project_kinds, kind);
  return read_string (object, "name", TRUE, &kind->name, where, error) &&
         read_string (object, "code_label", FALSE, &kind->code_label, where, error);
}

static gboolean
read_exemption (GkCatalog   *catalog,
                JsonObject  *object,
                const char  *where,
                gpointer     user_data,
                GError     **error)
{
  static const char * const keys[] = { "key", "article", "text", "kind", "outcome", NULL };
  static const char * const kinds[] = { "must-not", "third-party", "may-withhold", NULL };
  g_autofree char *key = NULL;
  GkCatalogExemption *exemption;

  if (!check_keys (object, keys, where, error) ||
      !read_string (object, "key", TRUE, &key, where, error) ||
      !check_key (catalog->exemptions, key, where, error))
    return FALSE;

  exemption = g_new0 (GkCatalogExemption, 1);
  exemption->key = g_steal_pointer (&key);
  g_ptr_array_add (catalog->exemptions, exemption);
  if (!read_string (object, "article", TRUE, &exemption->article, where, error) ||
      !read_string (object, "text", TRUE, &exemption->text, where, error) ||
      !read_string (object, "kind", TRUE, &exemption->kind, where, error) ||
      !read_string (object, "outcome", TRUE, &exemption->outcome, where, error))
    return FALSE;

  if (!g_strv_contains (kinds, exemption->kind))
    {
      set_invalid (error, where, _("unknown kind “%s”"), exemption->kind);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_schema (JsonObject  *object,
             const char  *key,
             GkSchema   **out,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GError) local_error = NULL;

  if (node == NULL)
    {
      set_invalid (error, where, _("“%s” is missing"), key);
      return FALSE;
    }

  *out = gk_schema_new_from_json_node (node, &local_error);
  if (*out == NULL)
    {
      set_invalid (error, where, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_refs (GPtrArray   *list,
            GStrv        keys,
            const char  *what,
            const char  *where,
            GError     **error)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < list->len && !found; j++)
        found = strcmp (*(const char * const *) g_ptr_array_index (list, j), keys[i]) == 0;

      if (!found)
        {
          /* Translators: the first %s is a list name such as units */
          set_invalid (error, where, _("no %s “%s”"), what, keys[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gpointer lookup_key (GPtrArray  *list,
                            const char *key);

/* The names of @keys in @list (units or channels, whose entries start with
 * key, then name): an item holds names, as the ledger does. */
static GStrv
dup_names (GPtrArray          *list,
           const char * const *keys)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char * const *entry = lookup_key (list, keys[i]);

      g_strv_builder_add (names, entry != NULL ? entry[1] : keys[i]);
    }

  return g_strv_builder_end (names);
}

static gboolean
read_item (GkCatalog   *catalog,
           JsonObject  *object,
           const char  *where,
           gpointer     user_data,
           GError     **error)
{
  static const char * const keys[] = {
    "key", "domain", "level1", "level2", "contents", "basis", "deadline_rule", "time_limit",
    "units", "channels", "audience", "mode", "level", "supervision", "stage", "fields", NULL,
  };
  static const char * const texts[] = {
    "level1", "level2", "contents", "deadline_rule", "time_limit", "audience", "mode", "level", "supervision",
  };
  g_autoptr(GError) rule_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *domain_key = NULL;
  g_auto(GStrv) basis = NULL;
  g_auto(GStrv) unit_keys = NULL;
  g_auto(GStrv) channel_keys = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GkSchema) schema = NULL;
  g_autoptr(GkItem) item = NULL;
  const GkCatalogDomain *domain;
  GkDeadlineRule rule;
  JsonNode *stage;

  if (!check_keys (object, keys, where, error) ||
      !read_string (object, "key", TRUE, &key, where, error) ||
      !check_key (NULL, key, where, error))
    return FALSE;
  if (gk_catalog_lookup_item (catalog, key) != NULL)
    {
      set_invalid (error, where, _("the key “%s” is used twice"), key);
      return FALSE;
    }

  if (!read_string (object, "domain", TRUE, &domain_key, where, error))
    return FALSE;
  item = gk_item_new (key, domain_key);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = NULL;

      if (!read_string (object, texts[i], TRUE, &text, where, error))
        return FALSE;
      g_object_set (item, g_str_equal (texts[i], "deadline_rule") ? "deadline-rule" :
                          g_str_equal (texts[i], "time_limit") ? "time-limit" : texts[i],
                    text, NULL);
    }
  if (!read_strv (object, "basis", &basis, where, error) ||
      !read_strv (object, "units", &unit_keys, where, error) ||
      !read_strv (object, "channels", &channel_keys, where, error) ||
      !read_schema (object, "fields", &schema, where, error))
    return FALSE;
  gk_item_set_basis (item, (const char * const *) basis);
  gk_item_set_schema (item, schema);

  domain = gk_catalog_lookup_domain (catalog, domain_key);
  if (domain == NULL || domain->kind == GK_DOMAIN_KIND_REQUEST)
    {
      set_invalid (error, where, _("no domain “%s” that holds items"), domain_key);
      return FALSE;
    }

  /* The key names its domain so that a key alone says where it belongs. */
  if (!g_str_has_prefix (key, domain_key) || key[strlen (domain_key)] != '.')
    {
      set_invalid (error, where, _("the key must start with “%s.”"), domain_key);
      return FALSE;
    }

  if (!gk_deadline_rule_parse (gk_item_get_deadline_rule (item), &rule, &rule_error) ||
      !gk_deadline_rule_check_fields (&rule, gk_item_get_schema (item), &rule_error))
    {
      set_invalid (error, where, "%s", rule_error->message);
      return FALSE;
    }

  if (!check_refs (catalog->units, unit_keys, "unit", where, error) ||
      !check_refs (catalog->channels, channel_keys, "channel", where, error))
    return FALSE;
  names = dup_names (catalog->units, (const char * const *) unit_keys);
  gk_item_set_units (item, (const char * const *) names);
  g_clear_pointer (&names, g_strfreev);
  names = dup_names (catalog->channels, (const char * const *) channel_keys);
  gk_item_set_channels (item, (const char * const *) names);

  stage = json_object_get_member (object, "stage");
  if (stage != NULL && !JSON_NODE_HOLDS_NULL (stage))
    {
      static const char * const stage_keys[] = { "project_kind", "order", "required", NULL };
      g_autofree char *project_kind = NULL;
      JsonObject *s;
      JsonNode *order;
      JsonNode *required;

      if (!JSON_NODE_HOLDS_OBJECT (stage))
        {
          set_invalid (error, where, _("“stage” must be an object"));
          return FALSE;
        }
      s = json_node_get_object (stage);
      order = json_object_get_member (s, "order");
      required = json_object_get_member (s, "required");
      if (!check_keys (s, stage_keys, where, error) ||
          !read_string (s, "project_kind", TRUE, &project_kind, where, error))
        return FALSE;

      if (gk_catalog_lookup_project_kind (catalog, project_kind) == NULL)
        {
          set_invalid (error, where, _("no project kind “%s”"), project_kind);
          return FALSE;
        }
      if (order == NULL || !JSON_NODE_HOLDS_VALUE (order) || json_node_get_value_type (order) != G_TYPE_INT64 ||
          json_node_get_int (order) < 1 || json_node_get_int (order) > 99)
        {
          set_invalid (error, where, _("the stage order must be a whole number from 1 to 99"));
          return FALSE;
        }
      if (required != NULL && (!JSON_NODE_HOLDS_VALUE (required) || json_node_get_value_type (required) != G_TYPE_BOOLEAN))
        {
          set_invalid (error, where, _("“%s” must be true or false"), "required");
          return FALSE;
        }
      gk_item_set_stage (item, project_kind, (int) json_node_get_int (order));
      gk_item_set_stage_required (item, required != NULL && json_node_get_boolean (required));
    }

  g_ptr_array_add (catalog->items, g_steal_pointer (&item));
  return TRUE;
}

static gboolean
read_request_report (GkCatalog   *catalog,
                     JsonObject  *root,
                     GError     **error)
{
  static const char * const keys[] = {
    "balance_note", "applicants", "organisations", "sum", "received", "carried_in", "results", "total",
    "carried_over", NULL,
  };
  GkCatalogRequestReport *report = &catalog->request_report;
  JsonNode *node = json_object_get_member (root, "request_report");
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, "request_report", _("an object is expected"));
      return FALSE;
    }

  object = json_node_get_object (node);
  return check_keys (object, keys, "request_report", error) &&
         read_string (object, "balance_note", TRUE, &report->balance_note, "request_report", error) &&
         read_string (object, "applicants", TRUE, &report->applicants, "request_report", error) &&
         read_string (object, "organisations", TRUE, &report->organisations, "request_report", error) &&
         read_string (object, "sum", TRUE, &report->sum, "request_report", error) &&
         read_string (object, "received", TRUE, &report->received, "request_report", error) &&
         read_string (object, "carried_in", TRUE, &report->carried_in, "request_report", error) &&
         read_string (object, "results", TRUE, &report->results, "request_report", error) &&
         read_string (object, "total", TRUE, &report->total, "request_report", error) &&
         read_string (object, "carried_over", TRUE, &report->carried_over, "request_report", error);
}

/* Cross-references that need every list read first. */
static gboolean
check_catalog (GkCatalog  *catalog,
               GError    **error)
{
  for (guint i = 0; i < catalog->domains->len; i++)
    {
      const GkCatalogDomain *domain = g_ptr_array_index (catalog->domains, i);
      g_autofree char *where = g_strdup_printf (_("%s “%s”"), "domains", domain->key);

      if (!check_refs (catalog->units, domain->units, "unit", where, error))
        return FALSE;
    }

  for (guint i = 0; i < catalog->outcomes->len; i++)
    {
      const GkCatalogTerm *outcome = g_ptr_array_index (catalog->outcomes, i);
      g_autofree char *where = g_strdup_printf (_("%s “%s”"), "outcomes", outcome->key);
      const char *group[] = { outcome->group, NULL };

      if (outcome->group != NULL &&
          !check_refs (catalog->outcome_groups, (GStrv) group, "outcome group", where, error))
        return FALSE;
    }

  for (guint i = 0; i < catalog->exemptions->len; i++)
    {
      const GkCatalogExemption *exemption = g_ptr_array_index (catalog->exemptions, i);
      g_autofree char *where = g_strdup_printf (_("%s “%s”"), "exemptions", exemption->key);
      const char *outcome[] = { exemption->outcome, NULL };

      if (!check_refs (catalog->outcomes, (GStrv) outcome, "outcome", where, error))
        return FALSE;
    }

  return TRUE;
}

static GkCatalog *
catalog_from_node (JsonNode  *node,
                   GError   **error)
{
  static const char * const keys[] = {
    "format", "title", "source", "domains", "units", "channels", "project_kinds", "exemptions",
    "applicant_types", "outcome_groups", "outcomes", "request_report", "case_kinds", "case_results",
    "request_fields", "case_fields", "items", NULL,
  };
  g_autoptr(GkCatalog) catalog = catalog_new ();
  JsonObject *root;
  JsonNode *format;
  TermList channels, applicant_types, outcome_groups, outcomes, case_kinds, case_results;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID,
                           _("The catalog must be a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  /* A newer format may mean things this version would get wrong. */
  format = json_object_get_member (root, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64)
    {
      g_set_error_literal (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID,
                           _("The catalog has no format number"));
      return NULL;
    }
  catalog->format = (int) json_node_get_int (format);
  if (catalog->format > GK_CATALOG_FORMAT)
    {
      g_set_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_NEWER_FORMAT,
                   _("The catalog was written for a newer version of Gongkai (format %d)"), catalog->format);
      return NULL;
    }

  channels = (TermList) { catalog->channels, "name", FALSE };
  applicant_types = (TermList) { catalog->applicant_types, "name", TRUE };
  outcome_groups = (TermList) { catalog->outcome_groups, "label", FALSE };
  outcomes = (TermList) { catalog->outcomes, "label", TRUE };
  case_kinds = (TermList) { catalog->case_kinds, "name", TRUE };
  case_results = (TermList) { catalog->case_results, "name", FALSE };

  if (!check_keys (root, keys, "/", error) ||
      !read_string (root, "title", TRUE, &catalog->title, "/", error) ||
      !read_string (root, "source", FALSE, &catalog->source, "/", error) ||
      !read_list (catalog, root, "units", read_unit, NULL, error) ||
      !read_list (catalog, root, "domains", read_domain, NULL, error) ||
      !read_list (catalog, root, "channels", read_term, &channels, error) ||
      !read_list (catalog, root, "project_kinds", read_project_kind, NULL, error) ||
      !read_list (catalog, root, "applicant_types", read_term, &applicant_types, error) ||
      !read_list (catalog, root, "outcome_groups", read_term, &outcome_groups, error) ||
      !read_list (catalog, root, "outcomes", read_term, &outcomes, error) ||
      !read_list (catalog, root, "exemptions", read_exemption, NULL, error) ||
      !read_request_report (catalog, root, error) ||
      !read_list (catalog, root, "case_kinds", read_term, &case_kinds, error) ||
      !read_list (catalog, root, "case_results", read_term, &case_results, error) ||
      !read_schema (root, "request_fields", &catalog->request_schema, "request_fields", error) ||
      !read_schema (root, "case_fields", &catalog->case_schema, "case_fields", error) ||
      !check_catalog (catalog, error) ||
      !read_list (catalog, root, "items", read_item, NULL, error))
    return NULL;

  return g_steal_pointer (&catalog);
}

GkCatalog *
gk_catalog_new_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_PARSE,
                   _("The catalog is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_PARSE, _("The catalog is empty"));
      return NULL;
    }

  return catalog_from_node (json_parser_get_root (parser), error);
}

GkCatalog *
gk_catalog_new_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return gk_catalog_new_from_data (data, (gssize) length, error);
}

GkCatalog *
gk_catalog_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (GK_CATALOG_DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return gk_catalog_new_from_data (data, (gssize) length, error);
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */

/* Every entry struct starts with its key. */
static gpointer
lookup_key (GPtrArray  *list,
            const char *key)
{
  for (guint i = 0; key != NULL && i < list->len; i++)
    {
      const char * const *entry = g_ptr_array_index (list, i);

      if (strcmp (*entry, key) == 0)
        return (gpointer) entry;
    }

  return NULL;
}

const GkCatalogDomain *
gk_catalog_lookup_domain (GkCatalog  *catalog,
                          const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return lookup_key (catalog->domains, key);
}

GkItem *
gk_catalog_lookup_item (GkCatalog  *catalog,
                        const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  for (guint i = 0; key != NULL && i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);

      if (strcmp (gk_item_get_key (item), key) == 0)
        return item;
    }

  return NULL;
}

const GkCatalogUnit *
gk_catalog_lookup_unit (GkCatalog  *catalog,
                        const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return lookup_key (catalog->units, key);
}

const GkCatalogTerm *
gk_catalog_lookup_channel (GkCatalog  *catalog,
                           const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return lookup_key (catalog->channels, key);
}

const GkCatalogExemption *
gk_catalog_lookup_exemption (GkCatalog  *catalog,
                             const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return lookup_key (catalog->exemptions, key);
}

const GkCatalogTerm *
gk_catalog_lookup_outcome (GkCatalog  *catalog,
                           const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return lookup_key (catalog->outcomes, key);
}

const GkCatalogProjectKind *
gk_catalog_lookup_project_kind (GkCatalog  *catalog,
                                const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return lookup_key (catalog->project_kinds, key);
}

GPtrArray *
gk_catalog_list_items (GkCatalog  *catalog,
                       const char *domain_key)
{
  GPtrArray *items = g_ptr_array_new ();

  g_return_val_if_fail (catalog != NULL, items);

  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);

      if (domain_key == NULL || strcmp (gk_item_get_domain (item), domain_key) == 0)
        g_ptr_array_add (items, item);
    }

  return items;
}

/* Units and channels both start with key, then name. */
static char *
join_names (GPtrArray          *list,
            const char * const *keys)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char * const *entry = lookup_key (list, keys[i]);

      if (i > 0)
        g_string_append (out, "、");
      g_string_append (out, entry != NULL ? entry[1] : keys[i]);
    }

  return g_string_free (out, FALSE);
}

char *
gk_catalog_dup_unit_names (GkCatalog          *catalog,
                           const char * const *keys)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return join_names (catalog->units, keys);
}

char *
gk_catalog_dup_channel_names (GkCatalog          *catalog,
                              const char * const *keys)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return join_names (catalog->channels, keys);
}

/* Requests and review or litigation cases are records too, of two items of
 * the request domain that the catalog describes by their field sets. */
static GkItem *
new_request_item (GkCatalog  *catalog,
                  const char *key,
                  const char *level2,
                  const char *contents,
                  const char *basis,
                  const char *time_limit,
                  const char *rule,
                  const char *audience,
                  const char *mode,
                  GkSchema   *schema)
{
  const GkCatalogUnit *office = gk_catalog_lookup_unit (catalog, "district-office");
  GkItem *item = gk_item_new (key, "request");

  gk_item_set_level1 (item, "依申请公开");
  gk_item_set_level2 (item, level2);
  gk_item_set_contents (item, contents);
  gk_item_set_basis (item, (const char * const *) (const char *[]) { basis, NULL });
  gk_item_set_time_limit (item, time_limit);
  gk_item_set_deadline_rule (item, rule);
  gk_item_set_units (item, (const char * const *) (const char *[]) { office != NULL ? office->name : "district-office", NULL });
  gk_item_set_audience (item, audience);
  gk_item_set_mode (item, mode);
  gk_item_set_schema (item, schema);
  return item;
}

GkItem *
gk_catalog_new_request_item (GkCatalog  *catalog,
                             const char *key)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  if (g_strcmp0 (key, GK_ITEM_KEY_REQUEST) == 0)
    return new_request_item (catalog, GK_ITEM_KEY_REQUEST, "政府信息公开申请",
                             "申请人、申请内容、收到日期、补正、延期、征求意见、答复结果",
                             "《中华人民共和国政府信息公开条例》第二十七条至第四十五条",
                             "收到申请之日起20个工作日内答复；需延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日",
                             GK_ITEM_RULE_REQUEST, "申请人", "依申请公开", catalog->request_schema);
  if (g_strcmp0 (key, GK_ITEM_KEY_CASE) == 0)
    return new_request_item (catalog, GK_ITEM_KEY_CASE, "行政复议和行政诉讼",
                             "因政府信息公开被申请行政复议、提起行政诉讼的案件及其结果",
                             "《中华人民共和国政府信息公开条例》第五十一条",
                             "", GK_ITEM_RULE_NONE, "", "", catalog->case_schema);
  return NULL;
}
