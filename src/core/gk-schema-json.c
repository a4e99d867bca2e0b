/* gk-schema-json.c: a schema read from and written to the catalog's JSON. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-schema-private.h"

/* A string member, or NULL when absent or not a string. */
static char *
dup_string_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static const char * const field_keys[] = {
  "id", "label", "kind", "required", "sensitive", "retired", "help", "unit",
  "choices", "decimals", "min", "max", "columns", NULL,
};

static gboolean
read_string (JsonObject  *object,
             const char  *key,
             char       **out,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      gk_schema_set_invalid (error, where, _("“%s” must be a string"), key);
      return FALSE;
    }

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *key,
              gboolean    *out,
              const char  *where,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      gk_schema_set_invalid (error, where, _("“%s” must be true or false"), key);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_integer (JsonObject  *object,
              const char  *key,
              gboolean    *has,
              gint64      *out,
              const char  *where,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      gk_schema_set_invalid (error, where, _("“%s” must be a whole number"), key);
      return FALSE;
    }

  *out = json_node_get_int (node);
  if (has != NULL)
    *has = TRUE;
  return TRUE;
}

static GkField *
field_from_json (JsonNode    *node,
                 gboolean     in_table,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(GkField) field = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *kind = NULL;
  JsonObject *object;
  JsonNode *member;
  gint64 decimals = GK_FIELD_DEFAULT_DECIMALS;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gk_schema_set_invalid (error, where, _("a field must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);

  /* The catalog is edited by hand: a misspelt key must not pass silently. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (field_keys, l->data))
        {
          gk_schema_set_invalid (error, where, _("unknown key “%s”"), (const char *) l->data);
          return NULL;
        }
    }

  field = gk_field_new (NULL, NULL, GK_FIELD_TEXT);
  if (!read_string (object, "id", &field->id, where, error) ||
      !read_string (object, "label", &field->label, where, error) ||
      !read_string (object, "kind", &kind, where, error) ||
      !read_boolean (object, "required", &field->required, where, error) ||
      !read_boolean (object, "retired", &field->retired, where, error) ||
      !read_string (object, "help", &field->help, where, error) ||
      !read_string (object, "unit", &field->unit, where, error) ||
      !read_integer (object, "decimals", NULL, &decimals, where, error) ||
      !read_integer (object, "min", &field->has_min, &field->min, where, error) ||
      !read_integer (object, "max", &field->has_max, &field->max, where, error))
    return NULL;

  field->kind = gk_field_kind_from_string (kind);
  if (field->kind == GK_FIELD_KIND_INVALID)
    {
      gk_schema_set_invalid (error, where, _("unknown kind “%s”"), kind != NULL ? kind : "");
      return NULL;
    }

  field->sensitive = gk_field_kind_sensitive_by_default (field->kind);
  if (!read_boolean (object, "sensitive", &field->sensitive, where, error))
    return NULL;

  if (decimals < 0 || decimals > GK_FIELD_MAX_DECIMALS)
    {
      gk_schema_set_invalid (error, where, _("at most %u decimals"), (guint) GK_FIELD_MAX_DECIMALS);
      return NULL;
    }
  if (json_object_has_member (object, "decimals") && field->kind != GK_FIELD_DECIMAL)
    {
      gk_schema_set_invalid (error, where, _("only a decimal field has decimals"));
      return NULL;
    }
  field->decimals = (guint) decimals;

  member = json_object_get_member (object, "choices");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          gk_schema_set_invalid (error, where, _("“%s” must be an array"), "choices");
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *value = NULL;
          g_autofree char *label = NULL;

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            value = g_strdup (json_node_get_string (element));
          else if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *choice = json_node_get_object (element);

              g_autoptr(GList) keys = json_object_get_members (choice);
              gboolean ok = TRUE;

              for (GList *l = keys; l != NULL; l = l->next)
                ok = ok && (strcmp (l->data, "value") == 0 || strcmp (l->data, "label") == 0);
              if (ok)
                {
                  value = dup_string_member (choice, "value");
                  label = dup_string_member (choice, "label");
                }
            }

          if (value == NULL)
            {
              gk_schema_set_invalid (error, where, _("a choice must be a string or {\"value\": …, \"label\": …}"));
              return NULL;
            }
          gk_field_add_choice (field, value, label);
        }
    }

  member = json_object_get_member (object, "columns");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          gk_schema_set_invalid (error, where, _("“%s” must be an array"), "columns");
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *column_where = NULL;
          GkField *column;

          /* Translators: the 1-based position of a column in a table (its id) */
          column_where = g_strdup_printf (_("column %u of “%s”"), i + 1, field->id != NULL ? field->id : "");
          column = field_from_json (json_array_get_element (array, i), TRUE, column_where, error);
          if (column == NULL)
            return NULL;
          gk_field_add_column (field, column);
        }
    }

  if (!gk_field_check (field, in_table, where, error))
    return NULL;

  return g_steal_pointer (&field);
}

GkSchema *
gk_schema_new_from_json_node (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(GkSchema) schema = gk_schema_new ();
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                           _("A field schema must be a JSON array of fields"));
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = NULL;
      g_autofree char *id = NULL;
      GkField *field;

      if (JSON_NODE_HOLDS_OBJECT (element))
        id = dup_string_member (json_node_get_object (element), "id");
      /* Translators: the 1-based position of a field in a schema, and its id */
      where = g_strdup_printf (_("field %u (“%s”)"), i + 1, id != NULL ? id : "");

      field = field_from_json (element, FALSE, where, error);
      if (field == NULL)
        return NULL;

      if (gk_schema_lookup_field (schema, field->id) != NULL)
        {
          gk_field_free (field);
          gk_schema_set_invalid (error, where, _("the id is used twice"));
          return NULL;
        }
      g_ptr_array_add (schema->fields, field);
    }

  return g_steal_pointer (&schema);
}

GkSchema *
gk_schema_new_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  node = json_from_string (json != NULL ? json : "", &local_error);
  if (node == NULL)
    {
      g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_PARSE,
                   _("The field schema is not valid JSON: %s"),
                   local_error != NULL ? local_error->message : _("empty"));
      return NULL;
    }

  return gk_schema_new_from_json_node (node, error);
}

static void
field_to_json (JsonBuilder   *builder,
               const GkField *field)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, field->id);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, field->label);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, gk_field_kind_to_string (field->kind));

  /* Defaults are left out so that the catalog stays short to read. */
  if (field->required)
    {
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (field->sensitive != gk_field_kind_sensitive_by_default (field->kind))
    {
      json_builder_set_member_name (builder, "sensitive");
      json_builder_add_boolean_value (builder, field->sensitive);
    }
  if (field->retired)
    {
      json_builder_set_member_name (builder, "retired");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (field->help != NULL)
    {
      json_builder_set_member_name (builder, "help");
      json_builder_add_string_value (builder, field->help);
    }
  if (field->unit != NULL)
    {
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, field->unit);
    }
  if (field->choices != NULL && field->choices->len > 0)
    {
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint i = 0; i < field->choices->len; i++)
        {
          const GkChoice *choice = g_ptr_array_index (field->choices, i);

          if (strcmp (choice->value, choice->label) == 0)
            json_builder_add_string_value (builder, choice->value);
          else
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "value");
              json_builder_add_string_value (builder, choice->value);
              json_builder_set_member_name (builder, "label");
              json_builder_add_string_value (builder, choice->label);
              json_builder_end_object (builder);
            }
        }
      json_builder_end_array (builder);
    }
  if (field->kind == GK_FIELD_DECIMAL && field->decimals != GK_FIELD_DEFAULT_DECIMALS)
    {
      json_builder_set_member_name (builder, "decimals");
      json_builder_add_int_value (builder, field->decimals);
    }
  if (field->has_min)
    {
      json_builder_set_member_name (builder, "min");
      json_builder_add_int_value (builder, field->min);
    }
  if (field->has_max)
    {
      json_builder_set_member_name (builder, "max");
      json_builder_add_int_value (builder, field->max);
    }
  if (field->columns != NULL && field->columns->len > 0)
    {
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint i = 0; i < field->columns->len; i++)
        field_to_json (builder, g_ptr_array_index (field->columns, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

JsonNode *
gk_schema_to_json_node (GkSchema *schema)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (schema != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < schema->fields->len; i++)
    field_to_json (builder, g_ptr_array_index (schema->fields, i));
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

char *
gk_schema_to_json (GkSchema *schema,
                   gboolean  pretty)
{
  g_autoptr(JsonNode) node = gk_schema_to_json_node (schema);

  return json_to_string (node, pretty);
}

/* Two schemas are equal when they write the same canonical JSON. */
gboolean
gk_schema_equal (GkSchema *a,
                 GkSchema *b)
{
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  ja = gk_schema_to_json (a, FALSE);
  jb = gk_schema_to_json (b, FALSE);
  return g_strcmp0 (ja, jb) == 0;
}
