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

const GkField *
gk_schema_append_field (GkSchema            *schema,
                        const char          *label,
                        GkFieldKind          kind,
                        const char * const  *taken,
                        GError             **error)
{
  g_autoptr(GkValidation) check = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (schema != NULL, NULL);

  check = gk_schema_check_label (schema, NULL, label);
  if (check->severity != GK_SEVERITY_OK)
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, check->message);
      return NULL;
    }

  if (kind == GK_FIELD_CHOICE || kind == GK_FIELD_TABLE)
    {
      g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                   _("A field of kind “%s” cannot be added here"), gk_field_kind_to_string (kind));
      return NULL;
    }

  id = gk_schema_new_field_id (schema, taken);
  if (!gk_schema_add_field (schema, gk_field_new (id, check->normalized, kind), error))
    return NULL;

  return g_ptr_array_index (schema->fields, schema->fields->len - 1);
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
