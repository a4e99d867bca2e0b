/* gk-schema.c: the fields of a catalog item as data, and the checking, masking and indexing of their values. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-date.h"
#include "gk-money.h"
#include "gk-schema.h"

G_DEFINE_QUARK (gk-schema-error-quark, gk_schema_error)

#define DEFAULT_DECIMALS 2
#define MAX_DECIMALS     6

struct _GkSchema
{
  GPtrArray *fields;  /* of GkField */
};

/* ------------------------------------------------------------------ */
/* Fields                                                              */

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
  field->decimals = DEFAULT_DECIMALS;
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

static const GkChoice *
lookup_choice_value (const GkField *field,
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

  choice = lookup_choice_value (field, value_or_label);
  for (guint i = 0; choice == NULL && value_or_label != NULL && field->choices != NULL && i < field->choices->len; i++)
    {
      const GkChoice *c = g_ptr_array_index (field->choices, i);

      if (strcmp (c->label, value_or_label) == 0)
        choice = c;
    }

  return choice;
}

/* ------------------------------------------------------------------ */
/* Issues                                                              */

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
/* Schemas: construction, JSON                                         */

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
is_blank (const char *text)
{
  g_autoptr(GkValidation) check = gk_validate_required (text);

  return check->severity != GK_SEVERITY_OK;
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

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError     **error,
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
static gboolean
check_field (const GkField  *field,
             gboolean        in_table,
             const char     *where,
             GError        **error)
{
  if (!is_valid_id (field->id))
    {
      set_invalid (error, where, _("the id “%s” must be lower-case ASCII letters, digits and _, starting with a letter"),
                   field->id != NULL ? field->id : "");
      return FALSE;
    }

  if (is_blank (field->label))
    {
      set_invalid (error, where, _("the label is empty"));
      return FALSE;
    }

  if (gk_field_kind_to_string (field->kind) == NULL)
    {
      set_invalid (error, where, _("unknown kind"));
      return FALSE;
    }

  if (field->kind == GK_FIELD_CHOICE)
    {
      if (field->choices == NULL || field->choices->len == 0)
        {
          set_invalid (error, where, _("a choice field needs choices"));
          return FALSE;
        }
      for (guint i = 0; i < field->choices->len; i++)
        {
          const GkChoice *choice = g_ptr_array_index (field->choices, i);

          if (*choice->value == '\0' || *choice->label == '\0')
            {
              set_invalid (error, where, _("a choice is empty"));
              return FALSE;
            }
          for (guint j = 0; j < i; j++)
            {
              const GkChoice *other = g_ptr_array_index (field->choices, j);

              if (strcmp (other->value, choice->value) == 0 || strcmp (other->label, choice->label) == 0)
                {
                  set_invalid (error, where, _("the choice “%s” appears twice"), choice->label);
                  return FALSE;
                }
            }
        }
    }
  else if (field->choices != NULL && field->choices->len > 0)
    {
      set_invalid (error, where, _("only a choice field has choices"));
      return FALSE;
    }

  if (field->kind == GK_FIELD_DECIMAL && field->decimals > MAX_DECIMALS)
    {
      set_invalid (error, where, _("at most %u decimals"), (guint) MAX_DECIMALS);
      return FALSE;
    }

  if ((field->has_min || field->has_max) && field->kind != GK_FIELD_INTEGER)
    {
      set_invalid (error, where, _("only an integer field has a minimum or maximum"));
      return FALSE;
    }

  if (field->has_min && field->has_max && field->min > field->max)
    {
      set_invalid (error, where, _("the minimum is above the maximum"));
      return FALSE;
    }

  if (field->kind == GK_FIELD_TABLE)
    {
      if (in_table)
        {
          set_invalid (error, where, _("a table cannot hold a table"));
          return FALSE;
        }
      if (field->columns == NULL || field->columns->len == 0)
        {
          set_invalid (error, where, _("a table needs columns"));
          return FALSE;
        }
      for (guint i = 0; i < field->columns->len; i++)
        {
          const GkField *column = g_ptr_array_index (field->columns, i);
          g_autofree char *column_where = NULL;

          /* Translators: a column (its id) of a table (its id) in a schema */
          column_where = g_strdup_printf (_("column “%s” of “%s”"), column->id != NULL ? column->id : "", field->id);
          if (!check_field (column, TRUE, column_where, error))
            return FALSE;
          for (guint j = 0; j < i; j++)
            {
              const GkField *other = g_ptr_array_index (field->columns, j);

              if (strcmp (other->id, column->id) == 0)
                {
                  set_invalid (error, column_where, _("the id is used twice"));
                  return FALSE;
                }
            }
        }
    }
  else if (field->columns != NULL && field->columns->len > 0)
    {
      set_invalid (error, where, _("only a table has columns"));
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
  if (!check_field (field, FALSE, where, error))
    return FALSE;

  if (gk_schema_lookup_field (schema, field->id) != NULL)
    {
      set_invalid (error, where, _("the id is used twice"));
      return FALSE;
    }

  g_ptr_array_add (schema->fields, g_steal_pointer (&owned));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Schemas: editing                                                    */

#define NEW_FIELD_PREFIX "field_"

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

  if (is_blank (stripped))
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

/* A string member, or NULL when absent or not a string. */
static char *
dup_string_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static const char * const field_keys[] = {
  "id", "label", "kind", "required", "sensitive", "retired", "help", "unit",
  "choices", "decimals", "min", "max", "columns", NULL,
};

static gboolean
read_string (JsonObject  *object,
             const char  *key,
             char       **out,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_invalid (error, where, _("“%s” must be a string"), key);
      return FALSE;
    }

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *key,
              gboolean    *out,
              const char  *where,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_invalid (error, where, _("“%s” must be true or false"), key);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_integer (JsonObject  *object,
              const char  *key,
              gboolean    *has,
              gint64      *out,
              const char  *where,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_invalid (error, where, _("“%s” must be a whole number"), key);
      return FALSE;
    }

  *out = json_node_get_int (node);
  if (has != NULL)
    *has = TRUE;
  return TRUE;
}

static GkField *
field_from_json (JsonNode    *node,
                 gboolean     in_table,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(GkField) field = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *kind = NULL;
  JsonObject *object;
  JsonNode *member;
  gint64 decimals = DEFAULT_DECIMALS;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, where, _("a field must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);

  /* The catalog is edited by hand: a misspelt key must not pass silently. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (field_keys, l->data))
        {
          set_invalid (error, where, _("unknown key “%s”"), (const char *) l->data);
          return NULL;
        }
    }

  field = gk_field_new (NULL, NULL, GK_FIELD_TEXT);
  if (!read_string (object, "id", &field->id, where, error) ||
      !read_string (object, "label", &field->label, where, error) ||
      !read_string (object, "kind", &kind, where, error) ||
      !read_boolean (object, "required", &field->required, where, error) ||
      !read_boolean (object, "retired", &field->retired, where, error) ||
      !read_string (object, "help", &field->help, where, error) ||
      !read_string (object, "unit", &field->unit, where, error) ||
      !read_integer (object, "decimals", NULL, &decimals, where, error) ||
      !read_integer (object, "min", &field->has_min, &field->min, where, error) ||
      !read_integer (object, "max", &field->has_max, &field->max, where, error))
    return NULL;

  field->kind = gk_field_kind_from_string (kind);
  if (field->kind == GK_FIELD_KIND_INVALID)
    {
      set_invalid (error, where, _("unknown kind “%s”"), kind != NULL ? kind : "");
      return NULL;
    }

  field->sensitive = gk_field_kind_sensitive_by_default (field->kind);
  if (!read_boolean (object, "sensitive", &field->sensitive, where, error))
    return NULL;

  if (decimals < 0 || decimals > MAX_DECIMALS)
    {
      set_invalid (error, where, _("at most %u decimals"), (guint) MAX_DECIMALS);
      return NULL;
    }
  if (json_object_has_member (object, "decimals") && field->kind != GK_FIELD_DECIMAL)
    {
      set_invalid (error, where, _("only a decimal field has decimals"));
      return NULL;
    }
  field->decimals = (guint) decimals;

  member = json_object_get_member (object, "choices");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_invalid (error, where, _("“%s” must be an array"), "choices");
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *value = NULL;
          g_autofree char *label = NULL;

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            value = g_strdup (json_node_get_string (element));
          else if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *choice = json_node_get_object (element);

              g_autoptr(GList) keys = json_object_get_members (choice);
              gboolean ok = TRUE;

              for (GList *l = keys; l != NULL; l = l->next)
                ok = ok && (strcmp (l->data, "value") == 0 || strcmp (l->data, "label") == 0);
              if (ok)
                {
                  value = dup_string_member (choice, "value");
                  label = dup_string_member (choice, "label");
                }
            }

          if (value == NULL)
            {
              set_invalid (error, where, _("a choice must be a string or {\"value\": …, \"label\": …}"));
              return NULL;
            }
          gk_field_add_choice (field, value, label);
        }
    }

  member = json_object_get_member (object, "columns");
  if (member != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_invalid (error, where, _("“%s” must be an array"), "columns");
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *column_where = NULL;
          GkField *column;

          /* Translators: the 1-based position of a column in a table (its id) */
          column_where = g_strdup_printf (_("column %u of “%s”"), i + 1, field->id != NULL ? field->id : "");
          column = field_from_json (json_array_get_element (array, i), TRUE, column_where, error);
          if (column == NULL)
            return NULL;
          gk_field_add_column (field, column);
        }
    }

  if (!check_field (field, in_table, where, error))
    return NULL;

  return g_steal_pointer (&field);
}

GkSchema *
gk_schema_new_from_json_node (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(GkSchema) schema = gk_schema_new ();
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID,
                           _("A field schema must be a JSON array of fields"));
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = NULL;
      g_autofree char *id = NULL;
      GkField *field;

      if (JSON_NODE_HOLDS_OBJECT (element))
        id = dup_string_member (json_node_get_object (element), "id");
      /* Translators: the 1-based position of a field in a schema, and its id */
      where = g_strdup_printf (_("field %u (“%s”)"), i + 1, id != NULL ? id : "");

      field = field_from_json (element, FALSE, where, error);
      if (field == NULL)
        return NULL;

      if (gk_schema_lookup_field (schema, field->id) != NULL)
        {
          gk_field_free (field);
          set_invalid (error, where, _("the id is used twice"));
          return NULL;
        }
      g_ptr_array_add (schema->fields, field);
    }

  return g_steal_pointer (&schema);
}

GkSchema *
gk_schema_new_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  node = json_from_string (json != NULL ? json : "", &local_error);
  if (node == NULL)
    {
      g_set_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_PARSE,
                   _("The field schema is not valid JSON: %s"),
                   local_error != NULL ? local_error->message : _("empty"));
      return NULL;
    }

  return gk_schema_new_from_json_node (node, error);
}

static void
field_to_json (JsonBuilder   *builder,
               const GkField *field)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, field->id);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, field->label);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, gk_field_kind_to_string (field->kind));

  /* Defaults are left out so that the catalog stays short to read. */
  if (field->required)
    {
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (field->sensitive != gk_field_kind_sensitive_by_default (field->kind))
    {
      json_builder_set_member_name (builder, "sensitive");
      json_builder_add_boolean_value (builder, field->sensitive);
    }
  if (field->retired)
    {
      json_builder_set_member_name (builder, "retired");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (field->help != NULL)
    {
      json_builder_set_member_name (builder, "help");
      json_builder_add_string_value (builder, field->help);
    }
  if (field->unit != NULL)
    {
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, field->unit);
    }
  if (field->choices != NULL && field->choices->len > 0)
    {
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint i = 0; i < field->choices->len; i++)
        {
          const GkChoice *choice = g_ptr_array_index (field->choices, i);

          if (strcmp (choice->value, choice->label) == 0)
            json_builder_add_string_value (builder, choice->value);
          else
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "value");
              json_builder_add_string_value (builder, choice->value);
              json_builder_set_member_name (builder, "label");
              json_builder_add_string_value (builder, choice->label);
              json_builder_end_object (builder);
            }
        }
      json_builder_end_array (builder);
    }
  if (field->kind == GK_FIELD_DECIMAL && field->decimals != DEFAULT_DECIMALS)
    {
      json_builder_set_member_name (builder, "decimals");
      json_builder_add_int_value (builder, field->decimals);
    }
  if (field->has_min)
    {
      json_builder_set_member_name (builder, "min");
      json_builder_add_int_value (builder, field->min);
    }
  if (field->has_max)
    {
      json_builder_set_member_name (builder, "max");
      json_builder_add_int_value (builder, field->max);
    }
  if (field->columns != NULL && field->columns->len > 0)
    {
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint i = 0; i < field->columns->len; i++)
        field_to_json (builder, g_ptr_array_index (field->columns, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

JsonNode *
gk_schema_to_json_node (GkSchema *schema)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (schema != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < schema->fields->len; i++)
    field_to_json (builder, g_ptr_array_index (schema->fields, i));
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

char *
gk_schema_to_json (GkSchema *schema,
                   gboolean  pretty)
{
  g_autoptr(JsonNode) node = gk_schema_to_json_node (schema);

  return json_to_string (node, pretty);
}

/* The serialization is canonical (fixed key order, defaults omitted). */
gboolean
gk_schema_equal (GkSchema *a,
                 GkSchema *b)
{
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  ja = gk_schema_to_json (a, FALSE);
  jb = gk_schema_to_json (b, FALSE);
  return g_strcmp0 (ja, jb) == 0;
}

/* ------------------------------------------------------------------ */
/* Values: checking                                                    */

/* Where an issue belongs: a field, or a cell of a table. */
typedef struct
{
  GPtrArray  *issues;
  const char *field_id;
  int         row;
  const char *column_id;
} Place;

static void
add_issue (const Place *place,
           GkSeverity   severity,
           const char  *message)
{
  g_ptr_array_add (place->issues,
                   gk_issue_new (place->field_id, place->row, place->column_id, severity, message));
}

G_GNUC_PRINTF (3, 4)
static void
add_issue_printf (const Place *place,
                  GkSeverity   severity,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_issue (place, severity, message);
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_empty_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (holds_type (node, G_TYPE_STRING))
    return is_blank (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  return FALSE;
}

/* A number typed as text where a number is stored: say what is wrong with it. */
static void
report_number_text (const Place   *place,
                    const GkField *field,
                    const char    *text)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (field->kind == GK_FIELD_MONEY)
    ok = gk_money_parse (text, GK_MONEY_PARSE_NONE, NULL, &error);
  else
    ok = gk_decimal_parse (text, 0, GK_MONEY_PARSE_ALLOW_NEGATIVE, NULL, &error);

  if (!ok)
    add_issue (place, GK_SEVERITY_ERROR, error->message);
  else if (field->kind == GK_FIELD_MONEY)
    add_issue (place, GK_SEVERITY_ERROR, _("The amount is stored as text, not in fen: enter it again"));
  else
    add_issue (place, GK_SEVERITY_ERROR, _("The number is stored as text: enter it again"));
}

static void
check_integer_range (const Place   *place,
                     const GkField *field,
                     gint64         value)
{
  if (field->has_min && value < field->min)
    add_issue_printf (place, GK_SEVERITY_ERROR, _("The value must be at least %lld"), (long long) field->min);
  else if (field->has_max && value > field->max)
    add_issue_printf (place, GK_SEVERITY_ERROR, _("The value must be at most %lld"), (long long) field->max);
}

static void
validate_scalar (const GkField *field,
                 JsonNode      *node,
                 const Place   *place)
{
  if (is_empty_value (node))
    {
      if (field->required && !field->retired)
        add_issue (place, GK_SEVERITY_ERROR, _("This field is required"));
      return;
    }

  switch (field->kind)
    {
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
      if (!holds_type (node, G_TYPE_STRING))
        add_issue (place, GK_SEVERITY_ERROR, _("This value should be text"));
      break;

    case GK_FIELD_CHOICE:
      if (!holds_type (node, G_TYPE_STRING))
        add_issue (place, GK_SEVERITY_ERROR, _("This value should be one of the choices"));
      else if (lookup_choice_value (field, json_node_get_string (node)) == NULL)
        add_issue_printf (place, GK_SEVERITY_ERROR, _("“%s” is not one of the choices"),
                          json_node_get_string (node));
      break;

    case GK_FIELD_USCC:
    case GK_FIELD_IDCARD:
    case GK_FIELD_ORGCODE:
    case GK_FIELD_PROJECTCODE:
    case GK_FIELD_PHONE:
    case GK_FIELD_URL:
      if (!holds_type (node, G_TYPE_STRING))
        add_issue (place, GK_SEVERITY_ERROR, _("This value should be text"));
      else
        {
          g_autoptr(GkValidation) check = gk_validate_by_kind (field->kind, json_node_get_string (node));

          if (check->severity != GK_SEVERITY_OK)
            add_issue (place, check->severity, check->message);
        }
      break;

    case GK_FIELD_DATE:
      if (!holds_type (node, G_TYPE_STRING))
        add_issue (place, GK_SEVERITY_ERROR, _("This value should be a date"));
      else
        {
          g_autoptr(GError) error = NULL;

          if (!gk_date_from_iso (json_node_get_string (node), NULL, &error))
            add_issue (place, GK_SEVERITY_ERROR, error->message);
        }
      break;

    case GK_FIELD_MONEY:
      if (holds_type (node, G_TYPE_INT64))
        {
          if (json_node_get_int (node) < 0)
            add_issue (place, GK_SEVERITY_ERROR, _("The amount cannot be negative"));
        }
      else if (holds_type (node, G_TYPE_STRING))
        report_number_text (place, field, json_node_get_string (node));
      else
        add_issue (place, GK_SEVERITY_ERROR, _("Amounts are stored as a whole number of fen"));
      break;

    case GK_FIELD_INTEGER:
      if (holds_type (node, G_TYPE_INT64))
        check_integer_range (place, field, json_node_get_int (node));
      else if (holds_type (node, G_TYPE_STRING))
        report_number_text (place, field, json_node_get_string (node));
      else
        add_issue (place, GK_SEVERITY_ERROR, _("This value should be a whole number"));
      break;

    case GK_FIELD_DECIMAL:
      {
        g_autoptr(GError) error = NULL;
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (holds_type (node, G_TYPE_STRING))
          gk_decimal_parse (json_node_get_string (node), field->decimals, GK_MONEY_PARSE_ALLOW_NEGATIVE, NULL, &error);
        else if (holds_type (node, G_TYPE_DOUBLE))
          /* Fifteen significant digits give back 89.5 for 89.5, not 89.500000000000001. */
          gk_decimal_parse (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)),
                            field->decimals, GK_MONEY_PARSE_ALLOW_NEGATIVE, NULL, &error);
        else if (!holds_type (node, G_TYPE_INT64))
          g_set_error_literal (&error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID, _("This value should be a number"));

        if (error != NULL)
          add_issue (place, GK_SEVERITY_ERROR, error->message);
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
  Place place = { issues, field->id, -1, NULL };
  JsonArray *rows;

  if (is_empty_value (node))
    {
      if (field->required && !field->retired)
        add_issue (&place, GK_SEVERITY_ERROR, _("Add at least one row"));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_issue (&place, GK_SEVERITY_ERROR, _("This value should be a list of rows"));
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
          add_issue (&place, GK_SEVERITY_ERROR, _("A row should be an object of cells"));
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
      Place place = { issues, field->id, -1, NULL };

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

/* ------------------------------------------------------------------ */
/* Values: masking and text                                            */

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static JsonNode *
mask_scalar (GkFieldKind         kind,
             JsonNode           *node,
             const GkMaskPolicy *policy)
{
  if (holds_type (node, G_TYPE_STRING))
    {
      g_autofree char *masked = gk_mask_value (kind, json_node_get_string (node), policy);

      return string_node (masked);
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

  if (field->kind == GK_FIELD_MONEY && holds_type (node, G_TYPE_INT64))
    {
      /* Ungrouped, as people type amounts into a search box. */
      g_autofree char *yuan = gk_money_format_yuan_plain (json_node_get_int (node));

      append_line (text, yuan);
    }
  else if (field->kind == GK_FIELD_DATE && holds_type (node, G_TYPE_STRING))
    {
      g_autofree char *chinese = gk_date_iso_to_chinese (json_node_get_string (node));

      append_line (text, json_node_get_string (node));
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

/* ------------------------------------------------------------------ */
/* Values: from and to text                                            */

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
      *out_value = string_node (t);
      return gk_validation_new (GK_SEVERITY_OK, t, NULL);

    case GK_FIELD_CHOICE:
      {
        const GkChoice *choice = gk_field_lookup_choice (field, t);

        if (choice == NULL)
          {
            g_autofree char *message = g_strdup_printf (_("“%s” is not one of the choices"), t);

            *out_value = string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, message);
          }
        *out_value = string_node (choice->value);
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

        *out_value = string_node (check->normalized);
        return check;
      }

    case GK_FIELD_DATE:
      {
        g_autofree char *iso = gk_date_parse_to_iso (t, &error);

        if (iso == NULL)
          {
            *out_value = string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = string_node (iso);
        return gk_validation_new (GK_SEVERITY_OK, iso, NULL);
      }

    case GK_FIELD_MONEY:
      {
        gint64 fen;
        g_autofree char *shown = NULL;

        if (!gk_money_parse (t, GK_MONEY_PARSE_NONE, &fen, &error))
          {
            *out_value = string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = int_node (fen);
        shown = gk_money_format_yuan (fen);
        return gk_validation_new (GK_SEVERITY_OK, shown, NULL);
      }

    case GK_FIELD_INTEGER:
      {
        gint64 value;
        g_autofree char *shown = NULL;
        g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
        Place place = { issues, field->id, -1, NULL };

        if (!gk_decimal_parse (t, 0, GK_MONEY_PARSE_ALLOW_NEGATIVE, &value, &error))
          {
            *out_value = string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        *out_value = int_node (value);
        shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);
        check_integer_range (&place, field, value);
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
            *out_value = string_node (t);
            return gk_validation_new (GK_SEVERITY_ERROR, t, error->message);
          }
        canonical = gk_decimal_format (scaled, field->decimals, FALSE);
        *out_value = string_node (canonical);
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

  if (holds_type (value, G_TYPE_INT64))
    {
      if (field->kind == GK_FIELD_MONEY)
        return gk_money_format_yuan (json_node_get_int (value));
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    }

  if (holds_type (value, G_TYPE_DOUBLE))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (value)));
    }

  if (holds_type (value, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (value);
      const GkChoice *choice = NULL;

      if (*text == '\0')
        return NULL;
      if (field->kind == GK_FIELD_CHOICE)
        choice = lookup_choice_value (field, text);
      return g_strdup (choice != NULL ? choice->label : text);
    }

  if (holds_type (value, G_TYPE_BOOLEAN))
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");

  return NULL;
}

/* Spreadsheets copy cells with tabs and newlines between them and quote a
 * cell that holds a tab, a newline or a quote ("a ""b"" c"). */
static GPtrArray *
read_tsv (const char *tsv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean in_quotes = FALSE;
  gboolean cell_started = FALSE;

  for (const char *p = tsv; *p != '\0'; p++)
    {
      if (in_quotes)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (cell, *p);
          continue;
        }

      if (*p == '"' && !cell_started)
        {
          in_quotes = TRUE;
          cell_started = TRUE;
        }
      else if (*p == '\t')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          cell_started = FALSE;
        }
      else if (*p == '\n' || *p == '\r')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          cell = g_string_new (NULL);
          cell_started = FALSE;
        }
      else
        {
          g_string_append_c (cell, *p);
          cell_started = TRUE;
        }
    }

  if (cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
      g_ptr_array_add (rows, row);
    }
  else
    {
      g_string_free (cell, TRUE);
      g_ptr_array_unref (row);
    }

  return rows;
}

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (!is_blank (g_ptr_array_index (row, i)))
      return FALSE;
  return TRUE;
}

static const GkField *
column_for_header (const GkField *table,
                   const char    *header)
{
  g_autoptr(GkValidation) trimmed = gk_validate_required (header);

  for (guint i = 0; i < table->columns->len; i++)
    {
      const GkField *column = g_ptr_array_index (table->columns, i);

      if (strcmp (column->label, trimmed->normalized) == 0 || strcmp (column->id, trimmed->normalized) == 0)
        return column;
    }

  return NULL;
}

JsonNode *
gk_field_parse_tsv (const GkField *table,
                    const char    *tsv,
                    GPtrArray     *issues)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) mapping = g_ptr_array_new ();
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(GPtrArray) own_issues = NULL;
  JsonNode *result;
  guint first = 0;

  g_return_val_if_fail (table != NULL && table->kind == GK_FIELD_TABLE, NULL);

  if (issues == NULL)
    issues = own_issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  lines = read_tsv (tsv != NULL ? tsv : "");
  while (first < lines->len && row_is_blank (g_ptr_array_index (lines, first)))
    first++;

  /* A header row names its columns, possibly in another order. */
  if (first < lines->len)
    {
      GPtrArray *header = g_ptr_array_index (lines, first);
      gboolean is_header = TRUE;

      for (guint i = 0; i < header->len && is_header; i++)
        {
          const char *cell = g_ptr_array_index (header, i);

          if (!is_blank (cell) && column_for_header (table, cell) == NULL)
            is_header = FALSE;
        }

      if (is_header)
        {
          for (guint i = 0; i < header->len; i++)
            g_ptr_array_add (mapping, (gpointer) column_for_header (table, g_ptr_array_index (header, i)));
          first++;
        }
    }

  if (mapping->len == 0)
    {
      for (guint i = 0; i < table->columns->len; i++)
        {
          const GkField *column = g_ptr_array_index (table->columns, i);

          if (!column->retired)
            g_ptr_array_add (mapping, (gpointer) column);
        }
    }

  for (guint l = first; l < lines->len; l++)
    {
      GPtrArray *cells = g_ptr_array_index (lines, l);
      g_autoptr(JsonObject) row = NULL;
      Place place = { issues, table->id, -1, NULL };
      gboolean extra = FALSE;

      if (row_is_blank (cells))
        continue;

      place.row = (int) json_array_get_length (rows);
      row = json_object_new ();
      for (guint c = 0; c < cells->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);
          const GkField *column = c < mapping->len ? g_ptr_array_index (mapping, c) : NULL;
          g_autoptr(GkValidation) check = NULL;
          JsonNode *value = NULL;

          if (is_blank (cell))
            continue;
          if (column == NULL)
            {
              extra = TRUE;
              continue;
            }

          check = gk_field_parse_text (column, cell, &value);
          if (value != NULL)
            json_object_set_member (row, column->id, value);
          if (check->severity != GK_SEVERITY_OK)
            {
              place.column_id = column->id;
              add_issue (&place, check->severity, check->message);
            }
        }

      place.column_id = NULL;
      if (extra)
        add_issue (&place, GK_SEVERITY_WARNING, _("Cells beyond the table’s columns were left out"));
      json_array_add_object_element (rows, g_steal_pointer (&row));
    }

  result = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (result, rows);
  return result;
}
