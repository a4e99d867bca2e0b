/* gk-field.c: one field of a catalog item, with its choices and columns. */
#include "config.h"

#include <string.h>

#include "gk-schema-private.h"

static GkChoice *
gk_choice_new (const char *value,
               const char *label)
{
  GkChoice *choice = g_new0 (GkChoice, 1);

  choice->value = g_strdup (value);
  choice->label = g_strdup (label != NULL ? label : value);
  return choice;
}

static void
gk_choice_free (GkChoice *choice)
{
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

gboolean
gk_field_kind_sensitive_by_default (GkFieldKind kind)
{
  /* An ID number is personal wherever it appears, even on the blacklist
   * (DOMAIN.md §6); other kinds depend on what the field holds. */
  return kind == GK_FIELD_IDCARD;
}

GkField *
gk_field_new (const char  *id,
              const char  *label,
              GkFieldKind  kind)
{
  GkField *field = g_new0 (GkField, 1);

  field->id = g_strdup (id);
  field->label = g_strdup (label);
  field->kind = kind;
  field->sensitive = gk_field_kind_sensitive_by_default (kind);
  field->decimals = GK_FIELD_DEFAULT_DECIMALS;
  return field;
}

void
gk_field_free (GkField *field)
{
  if (field == NULL)
    return;

  g_free (field->id);
  g_free (field->label);
  g_free (field->help);
  g_free (field->unit);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  g_clear_pointer (&field->columns, g_ptr_array_unref);
  g_free (field);
}

GkField *
gk_field_copy (const GkField *field)
{
  GkField *copy;

  g_return_val_if_fail (field != NULL, NULL);

  copy = gk_field_new (field->id, field->label, field->kind);
  copy->required = field->required;
  copy->sensitive = field->sensitive;
  copy->retired = field->retired;
  copy->help = g_strdup (field->help);
  copy->unit = g_strdup (field->unit);
  copy->decimals = field->decimals;
  copy->has_min = field->has_min;
  copy->min = field->min;
  copy->has_max = field->has_max;
  copy->max = field->max;

  for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
    {
      const GkChoice *choice = g_ptr_array_index (field->choices, i);

      gk_field_add_choice (copy, choice->value, choice->label);
    }

  for (guint i = 0; field->columns != NULL && i < field->columns->len; i++)
    gk_field_add_column (copy, gk_field_copy (g_ptr_array_index (field->columns, i)));

  return copy;
}

void
gk_field_add_choice (GkField    *field,
                     const char *value,
                     const char *label)
{
  g_return_if_fail (field != NULL && value != NULL);

  if (field->choices == NULL)
    field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_choice_free);
  g_ptr_array_add (field->choices, gk_choice_new (value, label));
}

void
gk_field_add_column (GkField *field,
                     GkField *column)
{
  g_return_if_fail (field != NULL && column != NULL);

  if (field->columns == NULL)
    field->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_field_free);
  g_ptr_array_add (field->columns, column);
}

const GkField *
gk_field_lookup_column (const GkField *field,
                        const char    *id)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; id != NULL && field->columns != NULL && i < field->columns->len; i++)
    {
      const GkField *column = g_ptr_array_index (field->columns, i);

      if (strcmp (column->id, id) == 0)
        return column;
    }

  return NULL;
}

const GkChoice *
gk_field_lookup_choice_value (const GkField *field,
                              const char    *value)
{
  for (guint i = 0; value != NULL && field->choices != NULL && i < field->choices->len; i++)
    {
      const GkChoice *choice = g_ptr_array_index (field->choices, i);

      if (strcmp (choice->value, value) == 0)
        return choice;
    }

  return NULL;
}

const GkChoice *
gk_field_lookup_choice (const GkField *field,
                        const char    *value_or_label)
{
  const GkChoice *choice;

  g_return_val_if_fail (field != NULL, NULL);

  choice = gk_field_lookup_choice_value (field, value_or_label);
  for (guint i = 0; choice == NULL && value_or_label != NULL && field->choices != NULL && i < field->choices->len; i++)
    {
      const GkChoice *c = g_ptr_array_index (field->choices, i);

      if (strcmp (c->label, value_or_label) == 0)
        choice = c;
    }

  return choice;
}
