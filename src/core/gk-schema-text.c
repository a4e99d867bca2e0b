/* gk-schema-text.c: values from what the clerk types, to what is shown, and as text for the search index. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-date.h"
#include "gk-money.h"
#include "gk-schema-private.h"

/* ------------------------------------------------------------------ */
/* What the clerk types, and what is shown                            */

GkValidation *
gk_field_parse_text (const GkField  *field,
                     const char     *text,
                     JsonNode      **out_value)
{
  g_autoptr(GkValidation) trimmed = gk_validate_required (text);
  g_autoptr(GError) error = NULL;
  const char *t = trimmed->normalized;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (out_value != NULL, NULL);

  *out_value = NULL;

  if (*t == '\0')
    {
      if (field->required && field->kind != GK_FIELD_TABLE)
        return gk_validation_new (GK_SEVERITY_ERROR, "", _("This field is required"));
      return gk_validation_new (GK_SEVERITY_OK, "", NULL);
    }

  switch (field->kind)
    {
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
      *out_value = gk_json_string_node (t);
      return gk_validation_new (GK_SEVERITY_OK, t, NULL);

    case GK_FIELD_CHOICE:
      {
        const GkChoice *choice = gk_field_lookup_choice (field, t);

        if (choice == NULL)
          {
            g_autofree char *message = g_strdup_printf (_("“%s” is not one of the choices"), t);

            *out_value = gk_json_string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, message);
          }
        *out_value = gk_json_string_node (choice->value);
        return gk_validation_new (GK_SEVERITY_OK, choice->value, NULL);
      }

    case GK_FIELD_USCC:
    case GK_FIELD_IDCARD:
    case GK_FIELD_ORGCODE:
    case GK_FIELD_PROJECTCODE:
    case GK_FIELD_PHONE:
    case GK_FIELD_URL:
      {
        GkValidation *check = gk_validate_by_kind (field->kind, t);

        *out_value = gk_json_string_node (check->normalized);
        return check;
      }

    case GK_FIELD_DATE:
      {
        g_autofree char *iso = gk_date_parse_to_iso (t, &error);

        if (iso == NULL)
          {
            *out_value = gk_json_string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = gk_json_string_node (iso);
        return gk_validation_new (GK_SEVERITY_OK, iso, NULL);
      }

    case GK_FIELD_DATETIME:
      {
        g_autofree char *iso = gk_datetime_parse_to_iso (t, &error);
        g_autofree char *shown = NULL;

        if (iso == NULL)
          {
            /* Kept as typed and flagged, as every kind keeps what it cannot read. */
            *out_value = gk_json_string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = gk_json_string_node (iso);
        shown = gk_datetime_iso_to_display (iso);
        return gk_validation_new (GK_SEVERITY_OK, shown, NULL);
      }

    case GK_FIELD_MONEY:
      {
        gint64 fen;
        g_autofree char *shown = NULL;

        if (!gk_money_parse (t, GK_MONEY_PARSE_NONE, &fen, &error))
          {
            *out_value = gk_json_string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = gk_json_int_node (fen);
        shown = gk_money_format_yuan (fen);
        return gk_validation_new (GK_SEVERITY_OK, shown, NULL);
      }

    case GK_FIELD_INTEGER:
      {
        gint64 value;
        g_autofree char *shown = NULL;
        g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
        GkIssuePlace place = { issues, field->id, -1, NULL };

        if (!gk_decimal_parse (t, 0, GK_MONEY_PARSE_ALLOW_NEGATIVE, &value, &error))
          {
            *out_value = gk_json_string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = gk_json_int_node (value);
        shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);
        gk_field_check_integer_range (&place, field, value);
        if (issues->len > 0)
          return gk_validation_new (GK_SEVERITY_ERROR, shown, ((GkIssue *) issues->pdata[0])->message);
        return gk_validation_new (GK_SEVERITY_OK, shown, NULL);
      }

    case GK_FIELD_DECIMAL:
      {
        gint64 scaled;
        g_autofree char *canonical = NULL;

        if (!gk_decimal_parse (t, field->decimals, GK_MONEY_PARSE_ALLOW_NEGATIVE, &scaled, &error))
          {
            *out_value = gk_json_string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        canonical = gk_decimal_format (scaled, field->decimals, FALSE);
        *out_value = gk_json_string_node (canonical);
        return gk_validation_new (GK_SEVERITY_OK, canonical, NULL);
      }

    case GK_FIELD_TABLE:
    default:
      return gk_validation_new (GK_SEVERITY_ERROR, t, _("A table is filled row by row, not from one text"));
    }
}

char *
gk_field_format_value (const GkField *field,
                       JsonNode      *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || field->kind == GK_FIELD_TABLE)
    return NULL;

  if (gk_json_holds_type (value, G_TYPE_INT64))
    {
      if (field->kind == GK_FIELD_MONEY)
        return gk_money_format_yuan (json_node_get_int (value));
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    }

  if (gk_json_holds_type (value, G_TYPE_DOUBLE))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (value)));
    }

  if (gk_json_holds_type (value, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (value);
      const GkChoice *choice = NULL;

      if (*text == '\0')
        return NULL;
      if (field->kind == GK_FIELD_DATETIME)
        return gk_datetime_iso_to_display (text);
      if (field->kind == GK_FIELD_CHOICE)
        choice = gk_field_lookup_choice_value (field, text);
      return g_strdup (choice != NULL ? choice->label : text);
    }

  if (gk_json_holds_type (value, G_TYPE_BOOLEAN))
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Text for the search index                                          */

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

static void
append_scalar_text (GString       *text,
                    const GkField *field,
                    JsonNode      *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return;

  if (field->kind == GK_FIELD_MONEY && gk_json_holds_type (node, G_TYPE_INT64))
    {
      /* Ungrouped, as people type amounts into a search box. */
      g_autofree char *yuan = gk_money_format_yuan_plain (json_node_get_int (node));

      append_line (text, yuan);
    }
  else if (field->kind == GK_FIELD_DATE && gk_json_holds_type (node, G_TYPE_STRING))
    {
      g_autofree char *chinese = gk_date_iso_to_chinese (json_node_get_string (node));

      append_line (text, json_node_get_string (node));
      append_line (text, chinese);
    }
  else if (field->kind == GK_FIELD_DATETIME && gk_json_holds_type (node, G_TYPE_STRING))
    {
      g_autofree char *shown = gk_datetime_iso_to_display (json_node_get_string (node));
      g_autofree char *chinese = gk_datetime_iso_to_chinese (json_node_get_string (node));

      append_line (text, shown);
      append_line (text, chinese);
    }
  else
    {
      g_autofree char *shown = gk_field_format_value (field, node);

      append_line (text, shown);
    }
}

char *
gk_schema_extract_text (GkSchema *schema,
                        JsonNode *values)
{
  GString *text = g_string_new (NULL);
  JsonObject *object;

  g_return_val_if_fail (schema != NULL, g_string_free (text, FALSE));

  if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values))
    return g_string_free (text, FALSE);

  /* Labels are left out: every record of an item has them, so they would
   * make every record match. */
  object = json_node_get_object (values);
  for (guint i = 0; i < schema->fields->len; i++)
    {
      const GkField *field = g_ptr_array_index (schema->fields, i);
      JsonNode *value = json_object_get_member (object, field->id);

      if (value == NULL)
        continue;

      if (field->kind != GK_FIELD_TABLE)
        {
          append_scalar_text (text, field, value);
          continue;
        }

      if (!JSON_NODE_HOLDS_ARRAY (value))
        continue;
      for (guint r = 0; r < json_array_get_length (json_node_get_array (value)); r++)
        {
          JsonNode *row = json_array_get_element (json_node_get_array (value), r);

          if (!JSON_NODE_HOLDS_OBJECT (row))
            continue;
          for (guint c = 0; c < field->columns->len; c++)
            {
              const GkField *column = g_ptr_array_index (field->columns, c);

              append_scalar_text (text, column, json_object_get_member (json_node_get_object (row), column->id));
            }
        }
    }

  return g_string_free (text, FALSE);
}
