/* gk-schema-edit.c: editing a schema as the catalog editor does: fields added, renamed, moved, retired. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-schema-private.h"

#define NEW_FIELD_PREFIX "field_"

static GkField *
find_field_or_error (GkSchema    *schema,
                     const char  *id,
                     GError     **error)
{
  int position = gk_schema_find_field (schema, id);

  if (position < 0)
    {
      g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, _("There is no field “%s”"), id != NULL ? id : "");
      return NULL;
    }
  return g_ptr_array_index (schema->fields, position);
}

GkValidation *
gk_schema_check_label (GkSchema   *schema,
                       const char *id,
                       const char *label)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label != NULL ? label : ""));

  g_return_val_if_fail (schema != NULL, NULL);

  if (gk_text_is_blank (stripped))
    return gk_validation_new (GK_SEVERITY_ERROR, stripped, _("A field needs a label."));

  for (guint i = 0; i < schema->fields->len; i++)
    {
      const GkField *field = g_ptr_array_index (schema->fields, i);
      g_autofree char *message = NULL;

      if (g_strcmp0 (field->id, id) == 0 || strcmp (field->label, stripped) != 0)
        continue;

      if (field->retired)
        message = g_strdup_printf (_("A retired field is already called “%s”: choose another label."), stripped);
      else
        message = g_strdup_printf (_("Another field is already called “%s”: choose another label."), stripped);
      return gk_validation_new (GK_SEVERITY_ERROR, stripped, message);
    }

  return gk_validation_new (GK_SEVERITY_OK, stripped, NULL);
}

/* N of "field_N", or 0 for any other id. */
static guint64
new_field_number (const char *id)
{
  guint64 n = 0;

  if (id == NULL || !g_str_has_prefix (id, NEW_FIELD_PREFIX))
    return 0;
  if (!g_ascii_string_to_unsigned (id + strlen (NEW_FIELD_PREFIX), 10, 1, G_MAXUINT32, &n, NULL))
    return 0;
  return n;
}

char *
gk_schema_new_field_id (GkSchema           *schema,
                        const char * const *taken)
{
  guint64 last = 0;
  char *id = NULL;

  g_return_val_if_fail (schema != NULL, NULL);

  /* Above the highest number in use rather than the first gap: a number
   * once given is not given again while any trace of it remains. */
  for (guint i = 0; i < schema->fields->len; i++)
    last = MAX (last, new_field_number (((const GkField *) g_ptr_array_index (schema->fields, i))->id));
  for (guint i = 0; taken != NULL && taken[i] != NULL; i++)
    last = MAX (last, new_field_number (taken[i]));

  do
    {
      g_free (id);
      id = g_strdup_printf (NEW_FIELD_PREFIX "%" G_GUINT64_FORMAT, ++last);
    }
  while (gk_schema_find_field (schema, id) >= 0 || (taken != NULL && g_strv_contains (taken, id)));

  return id;
}

/* The non-blank, stripped @parts, each once; NULL (and @error) when none
 * is left or one comes twice. @what names the parts for the message. */
static GPtrArray *
collect_parts (const char * const  *parts,
               gboolean             choices,
               GError             **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (gk_text_is_blank (part))
        continue;
      for (guint j = 0; j < kept->len; j++)
        if (strcmp (g_ptr_array_index (kept, j), part) == 0)
          {
            g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                         choices ? _("“%s” is listed twice among the choices.")
                                 : _("“%s” is listed twice among the columns."), part);
            return NULL;
          }
      g_ptr_array_add (kept, g_steal_pointer (&part));
    }

  if (kept->len == 0)
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                           choices ? _("A choice field needs at least one choice.")
                                   : _("A table field needs at least one column."));
      return NULL;
    }
  return g_steal_pointer (&kept);
}

gboolean
gk_field_kind_needs_parts (GkFieldKind kind)
{
  return kind == GK_FIELD_CHOICE || kind == GK_FIELD_TABLE;
}

const GkField *
gk_schema_append_field_with_parts (GkSchema            *schema,
                                   const char          *label,
                                   GkFieldKind          kind,
                                   const char * const  *parts,
                                   const char * const  *taken,
                                   GError             **error)
{
  g_autoptr(GkValidation) check = NULL;
  g_autoptr(GkField) field = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (schema != NULL, NULL);

  check = gk_schema_check_label (schema, NULL, label);
  if (check->severity != GK_SEVERITY_OK)
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, check->message);
      return NULL;
    }

  if (gk_field_kind_needs_parts (kind))
    {
      kept = collect_parts (parts, kind == GK_FIELD_CHOICE, error);
      if (kept == NULL)
        return NULL;
    }

  id = gk_schema_new_field_id (schema, taken);
  field = gk_field_new (id, check->normalized, kind);
  for (guint i = 0; kept != NULL && i < kept->len; i++)
    {
      const char *part = g_ptr_array_index (kept, i);

      if (kind == GK_FIELD_CHOICE)
        gk_field_add_choice (field, part, part);
      else
        {
          g_autofree char *column_id = g_strdup_printf ("c%u", i + 1);

          gk_field_add_column (field, gk_field_new (column_id, part, GK_FIELD_TEXT));
        }
    }

  if (!gk_schema_add_field (schema, g_steal_pointer (&field), error))
    return NULL;

  return g_ptr_array_index (schema->fields, schema->fields->len - 1);
}

const GkField *
gk_schema_append_field (GkSchema            *schema,
                        const char          *label,
                        GkFieldKind          kind,
                        const char * const  *taken,
                        GError             **error)
{
  return gk_schema_append_field_with_parts (schema, label, kind, NULL, taken, error);
}

gboolean
gk_schema_set_field_required (GkSchema    *schema,
                              const char  *id,
                              gboolean     required,
                              GError     **error)
{
  GkField *field;

  g_return_val_if_fail (schema != NULL, FALSE);

  field = find_field_or_error (schema, id, error);
  if (field == NULL)
    return FALSE;
  field->required = !!required;
  return TRUE;
}

/* A value as the clerk would recognise it in a message. */
static char *
describe_value (JsonNode *value)
{
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return json_to_string (value, FALSE);
}

gboolean
gk_schema_set_field_choices (GkSchema            *schema,
                             const char          *id,
                             const char * const  *labels,
                             GPtrArray           *used,
                             GError             **error)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GkField) changed = NULL;
  GkField *field;

  g_return_val_if_fail (schema != NULL, FALSE);

  field = find_field_or_error (schema, id, error);
  if (field == NULL)
    return FALSE;
  if (field->kind != GK_FIELD_CHOICE)
    {
      g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                   _("“%s” is not a choice field: it has no choices to edit."), field->label);
      return FALSE;
    }
  kept = collect_parts (labels, TRUE, error);
  if (kept == NULL)
    return FALSE;

  /* A choice keeps the value records store under it; a new one stores its label. */
  changed = gk_field_new (field->id, field->label, GK_FIELD_CHOICE);
  for (guint i = 0; i < kept->len; i++)
    {
      const char *label = g_ptr_array_index (kept, i);
      const GkChoice *old = gk_field_lookup_choice (field, label);

      gk_field_add_choice (changed, old != NULL ? old->value : label, label);
    }

  for (guint i = 0; used != NULL && i < used->len; i++)
    {
      JsonNode *value = g_ptr_array_index (used, i);
      const GkChoice *old;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      if (gk_field_lookup_choice (changed, json_node_get_string (value)) != NULL)
        continue;
      old = gk_field_lookup_choice (field, json_node_get_string (value));
      g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                   _("Records of this item hold “%s”: keep it among the choices."),
                   old != NULL ? old->label : json_node_get_string (value));
      return FALSE;
    }

  g_ptr_array_unref (field->choices);
  field->choices = g_steal_pointer (&changed->choices);
  return TRUE;
}

gboolean
gk_schema_set_field_kind (GkSchema     *schema,
                          const char   *id,
                          GkFieldKind   kind,
                          GPtrArray    *used,
                          GError      **error)
{
  g_autoptr(GkField) trial = NULL;
  GkField *field;

  g_return_val_if_fail (schema != NULL, FALSE);

  field = find_field_or_error (schema, id, error);
  if (field == NULL)
    return FALSE;
  if (field->kind == kind)
    return TRUE;

  if (gk_field_kind_needs_parts (field->kind) || gk_field_kind_needs_parts (kind))
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                           _("Choice and table fields keep their kind: add a new field of the kind wanted and retire this one."));
      return FALSE;
    }

  /* Every value records hold must read as the new kind. */
  trial = gk_field_copy (field);
  trial->kind = kind;
  trial->required = FALSE;
  for (guint i = 0; used != NULL && i < used->len; i++)
    {
      JsonNode *value = g_ptr_array_index (used, i);
      g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

      gk_field_validate_value (trial, value, issues);
      if (gk_issues_get_severity (issues) == GK_SEVERITY_ERROR)
        {
          g_autofree char *shown = describe_value (value);

          g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                       _("Records of this item hold “%s”, which is not a valid value of that kind: the field stays as it is."),
                       shown);
          return FALSE;
        }
    }

  field->kind = kind;
  return TRUE;
}

gboolean
gk_schema_rename_field (GkSchema    *schema,
                        const char  *id,
                        const char  *label,
                        GError     **error)
{
  g_autoptr(GkValidation) check = NULL;
  GkField *field;

  g_return_val_if_fail (schema != NULL, FALSE);

  field = find_field_or_error (schema, id, error);
  if (field == NULL)
    return FALSE;

  check = gk_schema_check_label (schema, id, label);
  if (check->severity != GK_SEVERITY_OK)
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, check->message);
      return FALSE;
    }

  g_free (field->label);
  field->label = g_strdup (check->normalized);
  return TRUE;
}

gboolean
gk_schema_move_field (GkSchema    *schema,
                      const char  *id,
                      guint        position,
                      GError     **error)
{
  int from;
  GkField *field;

  g_return_val_if_fail (schema != NULL, FALSE);

  from = gk_schema_find_field (schema, id);
  if (find_field_or_error (schema, id, error) == NULL)
    return FALSE;

  position = MIN (position, schema->fields->len - 1);
  if ((guint) from == position)
    return TRUE;

  field = g_ptr_array_steal_index (schema->fields, from);
  g_ptr_array_insert (schema->fields, position, field);
  return TRUE;
}

gboolean
gk_schema_set_field_retired (GkSchema    *schema,
                             const char  *id,
                             gboolean     retired,
                             GError     **error)
{
  GkField *field;

  g_return_val_if_fail (schema != NULL, FALSE);

  field = find_field_or_error (schema, id, error);
  if (field == NULL)
    return FALSE;

  field->retired = !!retired;
  return TRUE;
}
