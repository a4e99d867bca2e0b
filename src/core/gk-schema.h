/* gk-schema.h: the fields of a catalog item as data, and the checking, masking and indexing of their values. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "gk-mask.h"
#include "gk-validate.h"

G_BEGIN_DECLS

#define GK_SCHEMA_ERROR (gk_schema_error_quark ())

typedef enum
{
  GK_SCHEMA_ERROR_PARSE,    /* not JSON */
  GK_SCHEMA_ERROR_INVALID,  /* JSON, but not a field schema */
} GkSchemaError;

GQuark gk_schema_error_quark (void);

/* One choice of a choice field: @value is stored, @label is shown. A choice
 * written in the JSON as a plain string has both equal. */
typedef struct
{
  char *value;
  char *label;
} GkChoice;

/* One field. In JSON (a schema is an array of these):
 *   {"id": "budget", "label": "预算金额", "kind": "money", "required": true,
 *    "help": "…", "unit": "元", "sensitive": false, "retired": false,
 *    "choices": ["公开招标", {"value": "other", "label": "其他"}],   (choice)
 *    "decimals": 2,                                                (decimal)
 *    "min": 1, "max": 99,                                          (integer)
 *    "columns": [ …fields of scalar kinds… ]}                      (table)
 * Labels are data from the catalog (Chinese), shown as they are. */
typedef struct _GkField GkField;
struct _GkField
{
  char        *id;         /* ASCII key: [a-z][a-z0-9_]* */
  char        *label;
  GkFieldKind  kind;
  gboolean     required;
  gboolean     sensitive;  /* masked in public outputs; idcard by default; on a table, every cell */
  gboolean     retired;    /* kept for old values; not offered for new ones */
  char        *help;
  char        *unit;
  GPtrArray   *choices;    /* of GkChoice; choice only */
  guint        decimals;   /* decimal only; 2 unless set */
  gboolean     has_min;
  gint64       min;        /* integer only */
  gboolean     has_max;
  gint64       max;
  GPtrArray   *columns;    /* of GkField; table only */
};

GkField        *gk_field_new              (const char      *id,
                                           const char      *label,
                                           GkFieldKind      kind);
GkField        *gk_field_copy             (const GkField   *field);
void            gk_field_free             (GkField         *field);
void            gk_field_add_choice       (GkField         *field,
                                           const char      *value,
                                           const char      *label);
/* Takes ownership of @column. */
void            gk_field_add_column       (GkField         *field,
                                           GkField         *column);
const GkField  *gk_field_lookup_column    (const GkField   *field,
                                           const char      *id);
/* Finds a choice by its value, or else by its label. */
const GkChoice *gk_field_lookup_choice    (const GkField   *field,
                                           const char      *value_or_label);
gboolean        gk_field_kind_sensitive_by_default (GkFieldKind kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkField, gk_field_free)

/* A problem with one value. @row is the 0-based row of a table (-1
 * otherwise) and @column_id the table's column; @field_id is NULL for a
 * problem with the values as a whole. */
typedef struct
{
  char       *field_id;
  int         row;
  char       *column_id;
  GkSeverity  severity;
  char       *message;
} GkIssue;

GkIssue        *gk_issue_new              (const char      *field_id,
                                           int              row,
                                           const char      *column_id,
                                           GkSeverity       severity,
                                           const char      *message);
void            gk_issue_free             (GkIssue         *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkIssue, gk_issue_free)

/* A schema is shared (a catalog item and every record editor of it). */
typedef struct _GkSchema GkSchema;

#define GK_TYPE_SCHEMA (gk_schema_get_type ())

GType           gk_schema_get_type        (void) G_GNUC_CONST;
GkSchema       *gk_schema_new             (void);
GkSchema       *gk_schema_ref             (GkSchema        *schema);
void            gk_schema_unref           (GkSchema        *schema);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkSchema, gk_schema_unref)

GkSchema       *gk_schema_new_from_json   (const char      *json,
                                           GError         **error);
GkSchema       *gk_schema_new_from_json_node (JsonNode     *node,
                                           GError         **error);
JsonNode       *gk_schema_to_json_node    (GkSchema        *schema);
char           *gk_schema_to_json         (GkSchema        *schema,
                                           gboolean         pretty);
/* The same fields, written the same (what the catalog editor and the
 * record editor's sections compare to know whether a schema changed). */
gboolean        gk_schema_equal           (GkSchema        *a,
                                           GkSchema        *b);

guint           gk_schema_get_n_fields    (GkSchema        *schema);
const GkField  *gk_schema_get_field       (GkSchema        *schema,
                                           guint            position);
const GkField  *gk_schema_lookup_field    (GkSchema        *schema,
                                           const char      *id);
/* Takes ownership of @field; refuses a duplicate id or a malformed field. */
gboolean        gk_schema_add_field       (GkSchema        *schema,
                                           GkField         *field,
                                           GError         **error);

/* Editing, as the catalog editor does it. A field is never removed, only
 * retired, so that the values old records hold stay readable; and its id
 * never changes, so that renaming keeps them too. */

/* Whether @label may name field @id (NULL: a new field): not empty, and no
 * other field, retired or not, has it. The message says why in plain words. */
GkValidation   *gk_schema_check_label     (GkSchema        *schema,
                                           const char      *id,
                                           const char      *label);
/* An id no field of @schema has, nor any of @taken (e.g. the keys old
 * records still hold): "field_N", N above every such id in use. */
char           *gk_schema_new_field_id    (GkSchema        *schema,
                                           const char * const *taken);
/* Appends a new field of @kind labelled @label with a fresh id (see
 * gk_schema_new_field_id()). Kinds that need more (choices, columns)
 * are refused. Returns the field, owned by @schema. */
const GkField  *gk_schema_append_field    (GkSchema        *schema,
                                           const char      *label,
                                           GkFieldKind      kind,
                                           const char * const *taken,
                                           GError         **error);
/* A choice or a table field needs @parts: its choices' labels (each
 * stored as itself), or its columns' labels (text columns c1, c2 …). */
gboolean        gk_field_kind_needs_parts (GkFieldKind      kind);
const GkField  *gk_schema_append_field_with_parts (GkSchema   *schema,
                                           const char      *label,
                                           GkFieldKind      kind,
                                           const char * const *parts,
                                           const char * const *taken,
                                           GError         **error);
gboolean        gk_schema_set_field_required (GkSchema     *schema,
                                           const char      *id,
                                           gboolean         required,
                                           GError         **error);
/* @used: the values records of the item hold for the field (JsonNode, see
 * gk_store_list_field_values()). A choice keeps its stored value when its
 * label stays; a choice that records hold cannot go, and the error says so. */
gboolean        gk_schema_set_field_choices (GkSchema      *schema,
                                           const char      *id,
                                           const char * const *labels,
                                           GPtrArray       *used,
                                           GError         **error);
/* Refused, with the reason, for choice and table fields (either way) and
 * when a value in @used does not read as the new kind. */
gboolean        gk_schema_set_field_kind  (GkSchema        *schema,
                                           const char      *id,
                                           GkFieldKind      kind,
                                           GPtrArray       *used,
                                           GError         **error);
gboolean        gk_schema_rename_field    (GkSchema        *schema,
                                           const char      *id,
                                           const char      *label,
                                           GError         **error);
/* Moves field @id to @position (0-based, clamped to the last). */
gboolean        gk_schema_move_field      (GkSchema        *schema,
                                           const char      *id,
                                           guint            position,
                                           GError         **error);
gboolean        gk_schema_set_field_retired (GkSchema      *schema,
                                           const char      *id,
                                           gboolean         retired,
                                           GError         **error);
/* The position of field @id, or -1. */
int             gk_schema_find_field      (GkSchema        *schema,
                                           const char      *id);

/* Values are a JSON object: {"budget": 123456, "candidates": [{…}, …]}.
 * money is integer 分, dates ISO strings, decimals plain decimal strings
 * (numbers accepted), tables arrays of row objects. Returns a GPtrArray
 * of GkIssue, empty when all is well. */
GPtrArray      *gk_schema_validate        (GkSchema        *schema,
                                           JsonNode        *values);
/* The same over stored text; unreadable JSON is one error issue. */
GPtrArray      *gk_schema_validate_json   (GkSchema        *schema,
                                           const char      *values_json);
/* Appends the issues of one field's value (NULL when absent) to @issues. */
void            gk_field_validate_value   (const GkField   *field,
                                           JsonNode        *value,
                                           GPtrArray       *issues);
GkSeverity      gk_issues_get_severity    (GPtrArray       *issues);
/* "分配结果, row 2, 身份证号: …" with the labels of @schema. */
char           *gk_issue_format           (const GkIssue   *issue,
                                           GkSchema        *schema);

/* A deep copy in which sensitive values are masked (strings) or withheld
 * (null, for values that are not strings). NULL @policy: the defaults. */
JsonNode       *gk_schema_mask_values     (GkSchema           *schema,
                                           JsonNode           *values,
                                           const GkMaskPolicy *policy);
/* The same, masking @values itself, which it takes: for a tree read
 * afresh that nothing else holds, with no copy made. */
JsonNode       *gk_schema_mask_values_in_place (GkSchema      *schema,
                                           JsonNode           *values,
                                           const GkMaskPolicy *policy);
/* Every value as text, one per line, for the full-text index: choices by
 * label, money in plain 元, dates in ISO and Chinese form, table cells. */
char           *gk_schema_extract_text    (GkSchema        *schema,
                                           JsonNode        *values);

/* Turns what the clerk typed into the value to store in *@out_value
 * (NULL when the text is empty). The value is stored even when the check
 * fails, as typed, so that an invalid draft can still be saved. */
GkValidation   *gk_field_parse_text       (const GkField   *field,
                                           const char      *text,
                                           JsonNode       **out_value);
/* A stored scalar value for display: money "1,234.56", choices by label.
 * NULL for an empty value or a table. */
char           *gk_field_format_value     (const GkField   *field,
                                           JsonNode        *value);
/* Rows pasted from a spreadsheet (tab-separated, quoted cells allowed) into
 * a table's rows. A first row of column labels is recognized and then
 * decides the column order. Cell problems are appended to @issues. */
JsonNode       *gk_field_parse_tsv        (const GkField   *table,
                                           const char      *tsv,
                                           GPtrArray       *issues);

G_END_DECLS
