/* gk-schema-mask.c: the copy of a record's values that public outputs show, sensitive values masked. */
#include "config.h"

#include "gk-schema-private.h"

static JsonNode *
mask_scalar (GkFieldKind         kind,
             JsonNode           *node,
             const GkMaskPolicy *policy)
{
  if (gk_json_holds_type (node, G_TYPE_STRING))
    {
      g_autofree char *masked = gk_mask_value (kind, json_node_get_string (node), policy);

      return gk_json_string_node (masked);
    }

  /* A number cannot be half shown: it is withheld. */
  return json_node_new (JSON_NODE_NULL);
}

static JsonNode *
mask_table (const GkField      *field,
            JsonNode           *node,
            const GkMaskPolicy *policy)
{
  g_autoptr(JsonArray) rows = NULL;
  JsonArray *source;
  JsonNode *result;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return json_node_new (JSON_NODE_NULL);

  source = json_node_get_array (node);
  rows = json_array_sized_new (json_array_get_length (source));
  for (guint r = 0; r < json_array_get_length (source); r++)
    {
      JsonNode *row_node = json_array_get_element (source, r);
      g_autoptr(JsonObject) row = NULL;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        {
          json_array_add_null_element (rows);
          continue;
        }

      row = json_object_new ();
      members = json_object_get_members (json_node_get_object (row_node));
      for (GList *l = members; l != NULL; l = l->next)
        {
          const GkField *column = gk_field_lookup_column (field, l->data);
          JsonNode *cell = json_object_get_member (json_node_get_object (row_node), l->data);

          /* A cell of an unknown column may hold anything: it is not published. */
          if (column == NULL)
            json_object_set_null_member (row, l->data);
          else if ((field->sensitive || column->sensitive) && !JSON_NODE_HOLDS_NULL (cell))
            json_object_set_member (row, l->data, mask_scalar (column->kind, cell, policy));
          else
            json_object_set_member (row, l->data, json_node_copy (cell));
        }
      json_array_add_object_element (rows, g_steal_pointer (&row));
    }

  result = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (result, rows);
  return result;
}

JsonNode *
gk_schema_mask_values (GkSchema           *schema,
                       JsonNode           *values,
                       const GkMaskPolicy *policy)
{
  g_autoptr(JsonObject) masked = json_object_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *source;
  JsonNode *result;

  g_return_val_if_fail (schema != NULL, NULL);

  result = json_node_new (JSON_NODE_OBJECT);
  if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values))
    {
      json_node_set_object (result, masked);
      return result;
    }

  /* Built afresh: json_node_copy() shares objects and arrays, and the
   * masked copy must never alias the ledger's own values. */
  source = json_node_get_object (values);
  members = json_object_get_members (source);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const GkField *field = gk_schema_lookup_field (schema, l->data);
      JsonNode *value = json_object_get_member (source, l->data);

      if (field == NULL)
        continue;  /* unknown keys are never published */
      if (JSON_NODE_HOLDS_NULL (value))
        json_object_set_null_member (masked, l->data);
      else if (field->kind == GK_FIELD_TABLE)
        json_object_set_member (masked, l->data, mask_table (field, value, policy));
      else if (field->sensitive)
        json_object_set_member (masked, l->data, mask_scalar (field->kind, value, policy));
      else
        json_object_set_member (masked, l->data, json_node_copy (value));
    }

  json_node_set_object (result, masked);
  return result;
}
