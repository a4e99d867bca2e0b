/* gk-report-template.c: the annual report workbook's Chinese labels, kept as data in the core's resources. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "gk-report-template.h"

struct _GkReportTemplate
{
  JsonNode *root;
};

GkReportTemplate *
gk_report_template_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GkReportTemplate) self = g_new0 (GkReportTemplate, 1);
  gsize size = 0;
  const char *data;

  bytes = g_resources_lookup_data (GK_REPORT_TEMPLATE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  self->root = json_from_string (data, error);
  if (self->root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (self->root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "The report template is not a JSON object");
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
gk_report_template_free (GkReportTemplate *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self);
}

static JsonNode *
lookup (GkReportTemplate *self,
        const char       *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = self->root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
    }
  return node;
}

const char *
gk_report_template_get (GkReportTemplate *self,
                        const char       *path)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, "");

  node = lookup (self, path);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_critical ("The report template has no text at “%s”", path);
      return "";
    }
  return json_node_get_string (node);
}

JsonArray *
gk_report_template_get_array (GkReportTemplate *self,
                              const char       *path)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  node = lookup (self, path);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

char *
gk_report_expand (const char *pattern,
                  ...)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);
  const char *name;
  const char *p = pattern;
  va_list args;

  va_start (args, pattern);
  while ((name = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (values, (gpointer) name, va_arg (args, char *));
  va_end (args);

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *key = NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      key = g_strndup (open + 1, close - open - 1);
      value = g_hash_table_lookup (values, key);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}
