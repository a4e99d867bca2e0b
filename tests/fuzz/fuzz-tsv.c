/* fuzz-tsv.c: rows pasted from a spreadsheet into a table field, and text typed into each kind of field. */
#include "fuzz-common.h"
#include "gk-schema.h"

static const char schema_json[] =
  "[{\"id\": \"results\", \"label\": \"分配结果\", \"kind\": \"table\", \"columns\": ["
  "   {\"id\": \"no\", \"label\": \"序号\", \"kind\": \"integer\", \"min\": 1},"
  "   {\"id\": \"name\", \"label\": \"姓名\", \"kind\": \"text\", \"required\": true},"
  "   {\"id\": \"idcard\", \"label\": \"身份证号\", \"kind\": \"idcard\"},"
  "   {\"id\": \"amount\", \"label\": \"金额\", \"kind\": \"money\"},"
  "   {\"id\": \"day\", \"label\": \"日期\", \"kind\": \"date\"},"
  "   {\"id\": \"method\", \"label\": \"方式\", \"kind\": \"choice\", \"choices\": [\"公开招标\", \"询价\"]},"
  "   {\"id\": \"area\", \"label\": \"面积\", \"kind\": \"decimal\", \"decimals\": 2}"
  " ]}]";

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_string (data, size, TRUE);
  static GkSchema *schema;
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  g_autoptr(JsonNode) rows = NULL;
  const GkField *table;

  if (text == NULL)
    return 0;
  if (schema == NULL)
    {
      g_autoptr(GError) error = NULL;

      schema = gk_schema_new_from_json (schema_json, &error);
      g_assert_no_error (error);
    }
  table = gk_schema_lookup_field (schema, "results");

  rows = gk_field_parse_tsv (table, text, issues);
  g_assert_nonnull (rows);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (rows));

  for (guint i = 0; i < table->columns->len; i++)
    {
      const GkField *column = g_ptr_array_index (table->columns, i);
      g_autoptr(JsonNode) value = NULL;
      g_autoptr(GkValidation) validation = gk_field_parse_text (column, text, &value);
      g_autofree char *shown = NULL;

      g_assert_nonnull (validation);
      if (value != NULL)
        shown = gk_field_format_value (column, value);
    }
  return 0;
}
