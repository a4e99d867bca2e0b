/* gk-schema-validate.c: the checking of stored values against their fields, and the issues found. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-date.h"
#include "gk-money.h"
#include "gk-schema-private.h"

/* ------------------------------------------------------------------ */
/* Issues                                                             */

GkIssue *
gk_issue_new (const char *field_id,
              int         row,
              const char *column_id,
              GkSeverity  severity,
              const char *message)
{
  GkIssue *issue = g_new0 (GkIssue, 1);

  issue->field_id = g_strdup (field_id);
  issue->row = row;
  issue->column_id = g_strdup (column_id);
  issue->severity = severity;
  issue->message = g_strdup (message);
  return issue;
}

void
gk_issue_free (GkIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->field_id);
  g_free (issue->column_id);
  g_free (issue->message);
  g_free (issue);
}

GkSeverity
gk_issues_get_severity (GPtrArray *issues)
{
  GkSeverity worst = GK_SEVERITY_OK;

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      worst = MAX (worst, issue->severity);
    }

  return worst;
}

char *
gk_issue_format (const GkIssue *issue,
                 GkSchema      *schema)
{
  const GkField *field;
  const GkField *column = NULL;
  const char *field_name;

  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->field_id == NULL)
    return g_strdup (issue->message);

  field = schema != NULL ? gk_schema_lookup_field (schema, issue->field_id) : NULL;
  field_name = field != NULL ? field->label : issue->field_id;
  if (field != NULL && issue->column_id != NULL)
    column = gk_field_lookup_column (field, issue->column_id);

  if (issue->row >= 0 && issue->column_id != NULL)
    /* Translators: table label, 1-based row number, column label, problem */
    return g_strdup_printf (_("%s, row %d, %s: %s"), field_name, issue->row + 1,
                            column != NULL ? column->label : issue->column_id, issue->message);
  if (issue->row >= 0)
    /* Translators: table label, 1-based row number, problem */
    return g_strdup_printf (_("%s, row %d: %s"), field_name, issue->row + 1, issue->message);

  /* Translators: field label, problem */
  return g_strdup_printf (_("%s: %s"), field_name, issue->message);
}

/* ------------------------------------------------------------------ */
/* Values: checking                                                   */

void
gk_issue_place_add (const GkIssuePlace *place,
                    GkSeverity          severity,
                    const char         *message)
{
  g_ptr_array_add (place->issues,
                   gk_issue_new (place->field_id, place->row, place->column_id, severity, message));
}

G_GNUC_PRINTF (3, 4)
static void
add_issue_printf (const GkIssuePlace *place,
                  GkSeverity          severity,
                  const char         *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  gk_issue_place_add (place, severity, message);
}

static gboolean
is_empty_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (gk_json_holds_type (node, G_TYPE_STRING))
    return gk_text_is_blank (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  return FALSE;
}

/* A number typed as text where a number is stored: say what is wrong with it. */
static void
report_number_text (const GkIssuePlace *place,
                    const GkField      *field,
                    const char         *text)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (field->kind == GK_FIELD_MONEY)
    ok = gk_money_parse (text, GK_MONEY_PARSE_NONE, NULL, &error);
  else
    ok = gk_decimal_parse (text, 0, GK_MONEY_PARSE_ALLOW_NEGATIVE, NULL, &error);

  if (!ok)
    gk_issue_place_add (place, GK_SEVERITY_ERROR, error->message);
  else if (field->kind == GK_FIELD_MONEY)
    gk_issue_place_add (place, GK_SEVERITY_ERROR, _("The amount is stored as text, not in fen: enter it again"));
  else
    gk_issue_place_add (place, GK_SEVERITY_ERROR, _("The number is stored as text: enter it again"));
}

void
gk_field_check_integer_range (const GkIssuePlace *place,
                              const GkField      *field,
                              gint64              value)
{
  if (field->has_min && value < field->min)
    add_issue_printf (place, GK_SEVERITY_ERROR, _("The value must be at least %lld"), (long long) field->min);
  else if (field->has_max && value > field->max)
    add_issue_printf (place, GK_SEVERITY_ERROR, _("The value must be at most %lld"), (long long) field->max);
}

static void
validate_scalar (const GkField      *field,
                 JsonNode           *node,
                 const GkIssuePlace *place)
{
  if (is_empty_value (node))
    {
      if (field->required && !field->retired)
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This field is required"));
      return;
    }

  switch (field->kind)
    {
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
      if (!gk_json_holds_type (node, G_TYPE_STRING))
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This value should be text"));
      break;

    case GK_FIELD_CHOICE:
      if (!gk_json_holds_type (node, G_TYPE_STRING))
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This value should be one of the choices"));
      else if (gk_field_lookup_choice_value (field, json_node_get_string (node)) == NULL)
        add_issue_printf (place, GK_SEVERITY_ERROR, _("“%s” is not one of the choices"),
                          json_node_get_string (node));
      break;

    case GK_FIELD_USCC:
    case GK_FIELD_IDCARD:
    case GK_FIELD_ORGCODE:
    case GK_FIELD_PROJECTCODE:
    case GK_FIELD_PHONE:
    case GK_FIELD_URL:
      if (!gk_json_holds_type (node, G_TYPE_STRING))
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This value should be text"));
      else
        {
          g_autoptr(GkValidation) check = gk_validate_by_kind (field->kind, json_node_get_string (node));

          if (check->severity != GK_SEVERITY_OK)
            gk_issue_place_add (place, check->severity, check->message);
        }
      break;

    case GK_FIELD_DATETIME:
      if (!gk_json_holds_type (node, G_TYPE_STRING))
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This value should be a date and time"));
      else
        {
          g_autoptr(GError) error = NULL;
          gboolean has_time = FALSE;

          if (!gk_datetime_from_iso (json_node_get_string (node), &has_time, &error))
            gk_issue_place_add (place, GK_SEVERITY_ERROR, error->message);
          else if (!has_time)
            /* Stored before the field took a time: readable, but incomplete,
             * as the same date typed now is. */
            gk_issue_place_add (place, GK_SEVERITY_ERROR, _("Add the time of day to this date"));
        }
      break;

    case GK_FIELD_DATE:
      if (!gk_json_holds_type (node, G_TYPE_STRING))
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This value should be a date"));
      else
        {
          g_autoptr(GError) error = NULL;

          if (!gk_date_from_iso (json_node_get_string (node), NULL, &error))
            gk_issue_place_add (place, GK_SEVERITY_ERROR, error->message);
        }
      break;

    case GK_FIELD_MONEY:
      if (gk_json_holds_type (node, G_TYPE_INT64))
        {
          if (json_node_get_int (node) < 0)
            gk_issue_place_add (place, GK_SEVERITY_ERROR, _("The amount cannot be negative"));
        }
      else if (gk_json_holds_type (node, G_TYPE_STRING))
        report_number_text (place, field, json_node_get_string (node));
      else
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("Amounts are stored as a whole number of fen"));
      break;

    case GK_FIELD_INTEGER:
      if (gk_json_holds_type (node, G_TYPE_INT64))
        gk_field_check_integer_range (place, field, json_node_get_int (node));
      else if (gk_json_holds_type (node, G_TYPE_STRING))
        report_number_text (place, field, json_node_get_string (node));
      else
        gk_issue_place_add (place, GK_SEVERITY_ERROR, _("This value should be a whole number"));
      break;

    case GK_FIELD_DECIMAL:
      {
        g_autoptr(GError) error = NULL;
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (gk_json_holds_type (node, G_TYPE_STRING))
          gk_decimal_parse (json_node_get_string (node), field->decimals, GK_MONEY_PARSE_ALLOW_NEGATIVE, NULL, &error);
        else if (gk_json_holds_type (node, G_TYPE_DOUBLE))
          /* Fifteen significant digits give back 89.5 for 89.5, not 89.500000000000001. */
          gk_decimal_parse (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)),
                            field->decimals, GK_MONEY_PARSE_ALLOW_NEGATIVE, NULL, &error);
        else if (!gk_json_holds_type (node, G_TYPE_INT64))
          g_set_error_literal (&error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, _("This value should be a number"));

        if (error != NULL)
          gk_issue_place_add (place, GK_SEVERITY_ERROR, error->message);
      }
      break;

    case GK_FIELD_TABLE:
    default:
      g_assert_not_reached ();
    }
}

static void
validate_table (const GkField *field,
                JsonNode      *node,
                GPtrArray     *issues)
{
  GkIssuePlace place = { issues, field->id, -1, NULL };
  JsonArray *rows;

  if (is_empty_value (node))
    {
      if (field->required && !field->retired)
        gk_issue_place_add (&place, GK_SEVERITY_ERROR, _("Add at least one row"));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gk_issue_place_add (&place, GK_SEVERITY_ERROR, _("This value should be a list of rows"));
      return;
    }

  rows = json_node_get_array (node);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row_node = json_array_get_element (rows, r);
      g_autoptr(GList) members = NULL;
      JsonObject *row;

      place.row = (int) r;
      place.column_id = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        {
          gk_issue_place_add (&place, GK_SEVERITY_ERROR, _("A row should be an object of cells"));
          continue;
        }

      row = json_node_get_object (row_node);
      members = json_object_get_members (row);
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (gk_field_lookup_column (field, l->data) == NULL)
            {
              place.column_id = l->data;
              add_issue_printf (&place, GK_SEVERITY_ERROR, _("There is no column “%s” in this table"),
                                (const char *) l->data);
            }
        }

      for (guint c = 0; c < field->columns->len; c++)
        {
          const GkField *column = g_ptr_array_index (field->columns, c);

          place.column_id = column->id;
          validate_scalar (column, json_object_get_member (row, column->id), &place);
        }
    }
}

void
gk_field_validate_value (const GkField *field,
                         JsonNode      *value,
                         GPtrArray     *issues)
{
  g_return_if_fail (field != NULL);
  g_return_if_fail (issues != NULL);

  if (field->kind == GK_FIELD_TABLE)
    validate_table (field, value, issues);
  else
    {
      GkIssuePlace place = { issues, field->id, -1, NULL };

      validate_scalar (field, value, &place);
    }
}

GPtrArray *
gk_schema_validate (GkSchema *schema,
                    JsonNode *values)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  JsonObject *object = NULL;

  g_return_val_if_fail (schema != NULL, issues);

  if (values != NULL && JSON_NODE_HOLDS_OBJECT (values))
    object = json_node_get_object (values);
  else if (values != NULL && !JSON_NODE_HOLDS_NULL (values))
    {
      g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR,
                                             _("The values are not a JSON object")));
      return issues;
    }

  if (object != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          if (gk_schema_lookup_field (schema, l->data) == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("There is no field “%s” in this item"),
                                                          (const char *) l->data);

              g_ptr_array_add (issues, gk_issue_new (l->data, -1, NULL, GK_SEVERITY_ERROR, message));
            }
        }
    }

  for (guint i = 0; i < schema->fields->len; i++)
    {
      const GkField *field = g_ptr_array_index (schema->fields, i);

      gk_field_validate_value (field, object != NULL ? json_object_get_member (object, field->id) : NULL, issues);
    }

  return issues;
}

GPtrArray *
gk_schema_validate_json (GkSchema   *schema,
                         const char *values_json)
{
  g_autoptr(JsonNode) values = NULL;
  g_autoptr(GError) error = NULL;

  if (values_json == NULL || *values_json == '\0')
    return gk_schema_validate (schema, NULL);

  values = json_from_string (values_json, &error);
  if (values == NULL)
    {
      GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
      g_autofree char *message = g_strdup_printf (_("The stored values are not valid JSON: %s"), error->message);

      g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, message));
      return issues;
    }

  return gk_schema_validate (schema, values);
}
