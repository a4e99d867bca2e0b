/* gk-table-row.c: one row of a table field: what each cell shows, what it stores, and what is wrong with it. */
#include "config.h"

#include "gk-field-editor.h"
#include "gk-table-row.h"

struct _GkTableRow
{
  GObject parent_instance;

  guint n_cells;
  char **texts;
  JsonNode **values;
  GkSeverity *severities;
  char **messages;
  JsonObject *extra;
  guint revision;
};

G_DEFINE_FINAL_TYPE (GkTableRow, gk_table_row, G_TYPE_OBJECT)

static void
gk_table_row_finalize (GObject *object)
{
  GkTableRow *self = GK_TABLE_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    {
      g_free (self->texts[i]);
      g_free (self->messages[i]);
      if (self->values[i] != NULL)
        json_node_unref (self->values[i]);
    }
  g_free (self->texts);
  g_free (self->values);
  g_free (self->severities);
  g_free (self->messages);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gk_table_row_parent_class)->finalize (object);
}

static void
gk_table_row_class_init (GkTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_table_row_finalize;
}

static void
gk_table_row_init (GkTableRow *self)
{
}

GkTableRow *
gk_table_row_new (const GkField *table)
{
  GkTableRow *self;

  g_return_val_if_fail (table != NULL && table->kind == GK_FIELD_TABLE, NULL);

  self = g_object_new (GK_TYPE_TABLE_ROW, NULL);
  self->n_cells = table->columns->len;
  self->texts = g_new0 (char *, self->n_cells);
  self->values = g_new0 (JsonNode *, self->n_cells);
  self->severities = g_new0 (GkSeverity, self->n_cells);
  self->messages = g_new0 (char *, self->n_cells);

  /* An empty cell of a required column is an error, like a typed one. */
  for (guint i = 0; i < self->n_cells; i++)
    gk_field_check_value (g_ptr_array_index (table->columns, i), NULL, &self->severities[i], &self->messages[i]);
  return self;
}

GkTableRow *
gk_table_row_new_from_json (const GkField *table,
                            JsonNode      *row)
{
  GkTableRow *self = gk_table_row_new (table);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (row == NULL || !JSON_NODE_HOLDS_OBJECT (row))
    return self;

  object = json_node_get_object (row);
  for (guint i = 0; i < self->n_cells; i++)
    {
      const GkField *column = g_ptr_array_index (table->columns, i);
      JsonNode *value = json_object_get_member (object, column->id);

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      self->values[i] = json_node_copy (value);
      self->texts[i] = gk_field_format_value (column, value);
      g_clear_pointer (&self->messages[i], g_free);
      gk_field_check_value (column, value, &self->severities[i], &self->messages[i]);
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (gk_field_lookup_column (table, l->data) != NULL)
        continue;
      if (self->extra == NULL)
        self->extra = json_object_new ();
      json_object_set_member (self->extra, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  return self;
}

void
gk_table_row_set_text (GkTableRow    *self,
                       const GkField *table,
                       guint          column,
                       const char    *text)
{
  g_autoptr(GkValidation) check = NULL;
  JsonNode *value = NULL;

  g_return_if_fail (GK_IS_TABLE_ROW (self));
  g_return_if_fail (column < self->n_cells);

  check = gk_field_parse_text (g_ptr_array_index (table->columns, column), text, &value);
  g_free (self->texts[column]);
  self->texts[column] = g_strdup (text);
  if (self->values[column] != NULL)
    json_node_unref (self->values[column]);
  self->values[column] = value;
  self->severities[column] = check->severity;
  g_free (self->messages[column]);
  self->messages[column] = g_strdup (check->message);
  self->revision++;
}

guint
gk_table_row_get_revision (GkTableRow *self)
{
  g_return_val_if_fail (GK_IS_TABLE_ROW (self), 0);
  return self->revision;
}

const char *
gk_table_row_get_text (GkTableRow *self,
                       guint       column)
{
  g_return_val_if_fail (GK_IS_TABLE_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_cells, NULL);
  return self->texts[column] != NULL ? self->texts[column] : "";
}

JsonNode *
gk_table_row_get_value (GkTableRow *self,
                        guint       column)
{
  g_return_val_if_fail (GK_IS_TABLE_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_cells, NULL);
  return self->values[column];
}

GkSeverity
gk_table_row_get_severity (GkTableRow *self,
                           guint       column)
{
  g_return_val_if_fail (GK_IS_TABLE_ROW (self), GK_SEVERITY_OK);
  g_return_val_if_fail (column < self->n_cells, GK_SEVERITY_OK);
  return self->severities[column];
}

const char *
gk_table_row_get_message (GkTableRow *self,
                          guint       column)
{
  g_return_val_if_fail (GK_IS_TABLE_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_cells, NULL);
  return self->messages[column];
}

JsonNode *
gk_table_row_to_json (GkTableRow    *self,
                      const GkField *table)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (GK_IS_TABLE_ROW (self), NULL);

  if (self->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (self->extra);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data, json_node_copy (json_object_get_member (self->extra, l->data)));
    }
  for (guint i = 0; i < self->n_cells; i++)
    if (self->values[i] != NULL)
      json_object_set_member (object, ((GkField *) g_ptr_array_index (table->columns, i))->id,
                              json_node_copy (self->values[i]));

  json_node_take_object (node, object);
  return node;
}
