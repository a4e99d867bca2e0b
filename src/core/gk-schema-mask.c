/* gk-schema-mask.c: the copy of a record's values that public outputs show, sensitive values masked. */
#include "config.h"

#include "gk-schema-private.h"

/* Masking works on a tree of its own: a value masked is a new node put in
 * its place (json-glib changes no value node safely in place). */
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

static void
mask_row (const GkField      *field,
          JsonObject         *row,
          const GkMaskPolicy *policy)
{
  g_autoptr(GList) members = json_object_get_members (row);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const GkField *column = gk_field_lookup_column (field, l->data);
      JsonNode *cell = json_object_get_member (row, l->data);

      /* A cell of an unknown column may hold anything: it is not published. */
      if (column == NULL)
        json_object_set_null_member (row, l->data);
      else if ((field->sensitive || column->sensitive) && !JSON_NODE_HOLDS_NULL (cell))
        json_object_set_member (row, l->data, mask_scalar (column->kind, cell, policy));
    }
}

/* Masks the table in @node; returns what replaces it, or NULL when it is
 * masked where it is. */
static JsonNode *
mask_table (const GkField      *field,
            JsonNode           *node,
            const GkMaskPolicy *policy)
{
  JsonArray *rows;
  g_autoptr(JsonArray) replaced = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return json_node_new (JSON_NODE_NULL);

  rows = json_node_get_array (node);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, r)))
      {
        /* A row that is not an object becomes null: the array is made anew. */
        replaced = json_array_sized_new (json_array_get_length (rows));
        for (guint i = 0; i < json_array_get_length (rows); i++)
          {
            JsonNode *row = json_array_get_element (rows, i);

            if (JSON_NODE_HOLDS_OBJECT (row))
              json_array_add_element (replaced, json_node_ref (row));
            else
              json_array_add_null_element (replaced);
          }
        rows = replaced;
        break;
      }

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row = json_array_get_element (rows, r);

      if (JSON_NODE_HOLDS_OBJECT (row))
        mask_row (field, json_node_get_object (row), policy);
    }
  return replaced != NULL ? json_node_init_array (json_node_alloc (), replaced) : NULL;
}

JsonNode *
gk_schema_mask_values_in_place (GkSchema           *schema,
                                JsonNode           *values,
                                const GkMaskPolicy *policy)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (schema != NULL, NULL);

  if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values))
    {
      g_autoptr(JsonObject) empty = json_object_new ();

      g_clear_pointer (&values, json_node_unref);
      return json_node_init_object (json_node_alloc (), empty);
    }

  object = json_node_get_object (values);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const GkField *field = gk_schema_lookup_field (schema, l->data);
      JsonNode *value = json_object_get_member (object, l->data);

      if (field == NULL)
        json_object_remove_member (object, l->data);  /* unknown keys are never published */
      else if (JSON_NODE_HOLDS_NULL (value))
        continue;
      else if (field->kind == GK_FIELD_TABLE)
        {
          JsonNode *table = mask_table (field, value, policy);

          if (table != NULL)
            json_object_set_member (object, l->data, table);
        }
      else if (field->sensitive)
        json_object_set_member (object, l->data, mask_scalar (field->kind, value, policy));
    }
  return values;
}

/* A copy of @node whose objects and arrays are its own. */
static JsonNode *
copy_tree (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) object = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (object, name, copy_tree (member));
      return json_node_init_object (json_node_alloc (), object);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      g_autoptr(JsonArray) array = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, copy_tree (json_array_get_element (source, i)));
      return json_node_init_array (json_node_alloc (), array);
    }
  return json_node_copy (node);
}

JsonNode *
gk_schema_mask_values (GkSchema           *schema,
                       JsonNode           *values,
                       const GkMaskPolicy *policy)
{
  g_return_val_if_fail (schema != NULL, NULL);

  /* Copied whole: the masked copy must never alias the ledger's own values. */
  return gk_schema_mask_values_in_place (schema, values != NULL ? copy_tree (values) : NULL, policy);
}
