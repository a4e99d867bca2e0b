/* gk-schema-private.h: what the files of the schema module share and callers do not see. */
#pragma once

#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_FIELD_DEFAULT_DECIMALS 2
#define GK_FIELD_MAX_DECIMALS     6

struct _GkSchema
{
  GPtrArray *fields;  /* of GkField */
};

/* Where an issue belongs: a field, or a cell of a table. */
typedef struct
{
  GPtrArray  *issues;
  const char *field_id;
  int         row;
  const char *column_id;
} GkIssuePlace;

/* Blank as a required value is: empty once every kind of space is trimmed. */
static inline gboolean
gk_text_is_blank (const char *text)
{
  g_autoptr(GkValidation) check = gk_validate_required (text);

  return check->severity != GK_SEVERITY_OK;
}

static inline gboolean
gk_json_holds_type (JsonNode *node,
                    GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static inline JsonNode *
gk_json_string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static inline JsonNode *
gk_json_int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

/* gk-field.c */
const GkChoice *gk_field_lookup_choice_value (const GkField *field,
                                              const char    *value);

/* gk-schema.c */
void            gk_schema_set_invalid        (GError       **error,
                                              const char    *where,
                                              const char    *format,
                                              ...) G_GNUC_PRINTF (3, 4);
gboolean        gk_field_check               (const GkField *field,
                                              gboolean       in_table,
                                              const char    *where,
                                              GError       **error);

/* gk-schema-validate.c */
void            gk_issue_place_add           (const GkIssuePlace *place,
                                              GkSeverity          severity,
                                              const char         *message);
void            gk_field_check_integer_range (const GkIssuePlace *place,
                                              const GkField      *field,
                                              gint64              value);

G_END_DECLS
