/* gk-schema.c: the fields of a catalog item as data: a shared, ordered list of fields that follow the rules. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-schema-private.h"

G_DEFINE_QUARK (gk-schema-error-quark, gk_schema_error)

G_DEFINE_BOXED_TYPE (GkSchema, gk_schema, gk_schema_ref, gk_schema_unref)

GkSchema *
gk_schema_new (void)
{
  GkSchema *schema = g_atomic_rc_box_new0 (GkSchema);

  schema->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_field_free);
  return schema;
}

GkSchema *
gk_schema_ref (GkSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);

  return g_atomic_rc_box_acquire (schema);
}

static void
schema_clear (GkSchema *schema)
{
  g_ptr_array_unref (schema->fields);
}

void
gk_schema_unref (GkSchema *schema)
{
  g_return_if_fail (schema != NULL);

  g_atomic_rc_box_release_full (schema, (GDestroyNotify) schema_clear);
}

guint
gk_schema_get_n_fields (GkSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);

  return schema->fields->len;
}

const GkField *
gk_schema_get_field (GkSchema *schema,
                     guint     position)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (position < schema->fields->len, NULL);

  return g_ptr_array_index (schema->fields, position);
}

const GkField *
gk_schema_lookup_field (GkSchema   *schema,
                        const char *id)
{
  g_return_val_if_fail (schema != NULL, NULL);

  for (guint i = 0; id != NULL && i < schema->fields->len; i++)
    {
      const GkField *field = g_ptr_array_index (schema->fields, i);

      if (strcmp (field->id, id) == 0)
        return field;
    }

  return NULL;
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || !(*id >= 'a' && *id <= 'z'))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;

  return TRUE;
}

void
gk_schema_set_invalid (GError     **error,
                       const char  *where,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: where in the schema (e.g. field “budget”), then the problem */
  g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, _("%s: %s"), where, message);
}

/* Rules a field must follow wherever it comes from: JSON or the catalog editor. */
gboolean
gk_field_check (const GkField  *field,
                gboolean        in_table,
                const char     *where,
                GError        **error)
{
  if (!is_valid_id (field->id))
    {
      gk_schema_set_invalid (error, where, _("the id “%s” must be lower-case ASCII letters, digits and _, starting with a letter"),
                             field->id != NULL ? field->id : "");
      return FALSE;
    }

  if (gk_text_is_blank (field->label))
    {
      gk_schema_set_invalid (error, where, _("the label is empty"));
      return FALSE;
    }

  if (gk_field_kind_to_string (field->kind) == NULL)
    {
      gk_schema_set_invalid (error, where, _("unknown kind"));
      return FALSE;
    }

  if (field->kind == GK_FIELD_CHOICE)
    {
      if (field->choices == NULL || field->choices->len == 0)
        {
          gk_schema_set_invalid (error, where, _("a choice field needs choices"));
          return FALSE;
        }
      for (guint i = 0; i < field->choices->len; i++)
        {
          const GkChoice *choice = g_ptr_array_index (field->choices, i);

          if (*choice->value == '\0' || *choice->label == '\0')
            {
              gk_schema_set_invalid (error, where, _("a choice is empty"));
              return FALSE;
            }
          for (guint j = 0; j < i; j++)
            {
              const GkChoice *other = g_ptr_array_index (field->choices, j);

              if (strcmp (other->value, choice->value) == 0 || strcmp (other->label, choice->label) == 0)
                {
                  gk_schema_set_invalid (error, where, _("the choice “%s” appears twice"), choice->label);
                  return FALSE;
                }
            }
        }
    }
  else if (field->choices != NULL && field->choices->len > 0)
    {
      gk_schema_set_invalid (error, where, _("only a choice field has choices"));
      return FALSE;
    }

  if (field->kind == GK_FIELD_DECIMAL && field->decimals > GK_FIELD_MAX_DECIMALS)
    {
      gk_schema_set_invalid (error, where, _("at most %u decimals"), (guint) GK_FIELD_MAX_DECIMALS);
      return FALSE;
    }

  if ((field->has_min || field->has_max) && field->kind != GK_FIELD_INTEGER)
    {
      gk_schema_set_invalid (error, where, _("only an integer field has a minimum or maximum"));
      return FALSE;
    }

  if (field->has_min && field->has_max && field->min > field->max)
    {
      gk_schema_set_invalid (error, where, _("the minimum is above the maximum"));
      return FALSE;
    }

  if (field->kind == GK_FIELD_TABLE)
    {
      if (in_table)
        {
          gk_schema_set_invalid (error, where, _("a table cannot hold a table"));
          return FALSE;
        }
      if (field->columns == NULL || field->columns->len == 0)
        {
          gk_schema_set_invalid (error, where, _("a table needs columns"));
          return FALSE;
        }
      for (guint i = 0; i < field->columns->len; i++)
        {
          const GkField *column = g_ptr_array_index (field->columns, i);
          g_autofree char *column_where = NULL;

          /* Translators: a column (its id) of a table (its id) in a schema */
          column_where = g_strdup_printf (_("column “%s” of “%s”"), column->id != NULL ? column->id : "", field->id);
          if (!gk_field_check (column, TRUE, column_where, error))
            return FALSE;
          for (guint j = 0; j < i; j++)
            {
              const GkField *other = g_ptr_array_index (field->columns, j);

              if (strcmp (other->id, column->id) == 0)
                {
                  gk_schema_set_invalid (error, column_where, _("the id is used twice"));
                  return FALSE;
                }
            }
        }
    }
  else if (field->columns != NULL && field->columns->len > 0)
    {
      gk_schema_set_invalid (error, where, _("only a table has columns"));
      return FALSE;
    }

  return TRUE;
}

gboolean
gk_schema_add_field (GkSchema  *schema,
                     GkField   *field,
                     GError   **error)
{
  g_autoptr(GkField) owned = field;
  g_autofree char *where = NULL;

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  /* Translators: a field (its id) in a schema */
  where = g_strdup_printf (_("field “%s”"), field->id != NULL ? field->id : "");
  if (!gk_field_check (field, FALSE, where, error))
    return FALSE;

  if (gk_schema_lookup_field (schema, field->id) != NULL)
    {
      gk_schema_set_invalid (error, where, _("the id is used twice"));
      return FALSE;
    }

  g_ptr_array_add (schema->fields, g_steal_pointer (&owned));
  return TRUE;
}

int
gk_schema_find_field (GkSchema   *schema,
                      const char *id)
{
  g_return_val_if_fail (schema != NULL, -1);

  for (guint i = 0; id != NULL && i < schema->fields->len; i++)
    {
      const GkField *field = g_ptr_array_index (schema->fields, i);

      if (strcmp (field->id, id) == 0)
        return (int) i;
    }

  return -1;
}
