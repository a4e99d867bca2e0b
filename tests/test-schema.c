/* test-schema.c: field schemas as data: parsing, round trips, checking values, masking and text. */
#include "config.h"

#include <locale.h>

#include "gk-item-edit.h"
#include "gk-schema.h"

/* Every kind, a choice with keyed values, a table with a sensitive column. */
static const char sample_schema[] =
  "["
  " {\"id\": \"title\", \"label\": \"项目名称\", \"kind\": \"text\", \"required\": true, \"help\": \"全称\"},"
  " {\"id\": \"summary\", \"label\": \"概况\", \"kind\": \"longtext\"},"
  " {\"id\": \"budget\", \"label\": \"预算金额\", \"kind\": \"money\", \"required\": true, \"unit\": \"元\"},"
  " {\"id\": \"day\", \"label\": \"日期\", \"kind\": \"date\"},"
  " {\"id\": \"count\", \"label\": \"套数\", \"kind\": \"integer\", \"min\": 1, \"max\": 500},"
  " {\"id\": \"area\", \"label\": \"面积\", \"kind\": \"decimal\", \"decimals\": 1},"
  " {\"id\": \"method\", \"label\": \"采购方式\", \"kind\": \"choice\","
  "  \"choices\": [\"公开招标\", {\"value\": \"inquiry\", \"label\": \"询价\"}]},"
  " {\"id\": \"uscc\", \"label\": \"统一社会信用代码\", \"kind\": \"uscc\"},"
  " {\"id\": \"idcard\", \"label\": \"身份证号\", \"kind\": \"idcard\"},"
  " {\"id\": \"org\", \"label\": \"组织机构代码\", \"kind\": \"orgcode\"},"
  " {\"id\": \"code\", \"label\": \"投资项目统一代码\", \"kind\": \"projectcode\"},"
  " {\"id\": \"phone\", \"label\": \"联系电话\", \"kind\": \"phone\", \"sensitive\": true},"
  " {\"id\": \"url\", \"label\": \"网址\", \"kind\": \"url\"},"
  " {\"id\": \"old\", \"label\": \"旧字段\", \"kind\": \"text\", \"required\": true, \"retired\": true},"
  " {\"id\": \"results\", \"label\": \"分配结果\", \"kind\": \"table\", \"required\": true, \"columns\": ["
  "   {\"id\": \"no\", \"label\": \"序号\", \"kind\": \"integer\", \"min\": 1},"
  "   {\"id\": \"name\", \"label\": \"姓名\", \"kind\": \"text\", \"required\": true},"
  "   {\"id\": \"idcard\", \"label\": \"身份证号\", \"kind\": \"idcard\"},"
  "   {\"id\": \"household_size\", \"label\": \"家庭人口\", \"kind\": \"integer\"},"
  "   {\"id\": \"location\", \"label\": \"房源位置\", \"kind\": \"text\"},"
  "   {\"id\": \"layout\", \"label\": \"户型\", \"kind\": \"text\"},"
  "   {\"id\": \"area\", \"label\": \"面积\", \"kind\": \"decimal\"}"
  " ]}"
  "]";

static const char good_values[] =
  "{\"title\": \"长安区公租房项目\", \"summary\": \"概况\\n第二行\", \"budget\": 123456,"
  " \"day\": \"2025-03-07\", \"count\": 12, \"area\": \"89.5\", \"method\": \"inquiry\","
  " \"uscc\": \"91110000600037341L\", \"idcard\": \"11010519491231002X\", \"org\": \"000014349\","
  " \"code\": \"2018-130102-47-03-012345\", \"phone\": \"13812341234\", \"url\": \"https://www.sjz.gov.cn/\","
  " \"results\": ["
  "  {\"no\": 1, \"name\": \"张三\", \"idcard\": \"360426199101010071\", \"household_size\": 3,"
  "   \"location\": \"青园街道1号楼101\", \"layout\": \"两室一厅\", \"area\": \"60.25\"},"
  "  {\"no\": 2, \"name\": \"李四\", \"idcard\": \"110105200002290013\", \"household_size\": 2,"
  "   \"location\": \"青园街道1号楼102\", \"area\": 45.5}"
  " ]}";

static GkSchema *
sample (void)
{
  g_autoptr(GError) error = NULL;
  GkSchema *schema = gk_schema_new_from_json (sample_schema, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static GPtrArray *
validate (GkSchema   *schema,
          const char *values)
{
  g_autoptr(JsonNode) node = parse (values);

  return gk_schema_validate (schema, node);
}

static void
dump_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      g_test_message ("issue: %s row %d column %s severity %d: %s",
                      issue->field_id, issue->row, issue->column_id, issue->severity, issue->message);
    }
}

/* The one issue for @field_id (and @row, @column_id); fails unless exactly one. */
static const GkIssue *
find_issue (GPtrArray  *issues,
            const char *field_id,
            int         row,
            const char *column_id)
{
  const GkIssue *found = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      if (g_strcmp0 (issue->field_id, field_id) == 0 && issue->row == row &&
          g_strcmp0 (issue->column_id, column_id) == 0)
        {
          if (found != NULL)
            {
              dump_issues (issues);
              g_error ("two issues for %s/%d/%s", field_id, row, column_id);
            }
          found = issue;
        }
    }

  if (found == NULL)
    {
      dump_issues (issues);
      g_error ("no issue for %s/%d/%s", field_id, row, column_id);
    }
  return found;
}

static void
test_parse (void)
{
  g_autoptr(GkSchema) schema = sample ();
  const GkField *field;
  const GkField *column;
  const GkChoice *choice;

  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, 15);

  field = gk_schema_get_field (schema, 0);
  g_assert_cmpstr (field->id, ==, "title");
  g_assert_cmpstr (field->label, ==, "项目名称");
  g_assert_cmpint (field->kind, ==, GK_FIELD_TEXT);
  g_assert_true (field->required);
  g_assert_false (field->sensitive);
  g_assert_cmpstr (field->help, ==, "全称");

  field = gk_schema_lookup_field (schema, "budget");
  g_assert_cmpint (field->kind, ==, GK_FIELD_MONEY);
  g_assert_cmpstr (field->unit, ==, "元");

  field = gk_schema_lookup_field (schema, "area");
  g_assert_cmpuint (field->decimals, ==, 1);
  field = gk_schema_lookup_field (schema, "count");
  g_assert_true (field->has_min && field->min == 1);
  g_assert_true (field->has_max && field->max == 500);

  field = gk_schema_lookup_field (schema, "method");
  g_assert_cmpuint (field->choices->len, ==, 2);
  choice = gk_field_lookup_choice (field, "公开招标");
  g_assert_cmpstr (choice->value, ==, "公开招标");
  g_assert_cmpstr (choice->label, ==, "公开招标");
  choice = gk_field_lookup_choice (field, "询价");
  g_assert_cmpstr (choice->value, ==, "inquiry");
  g_assert_true (gk_field_lookup_choice (field, "inquiry") == choice);
  g_assert_null (gk_field_lookup_choice (field, "单一来源"));

  /* ID numbers are sensitive unless said otherwise; phones only when said. */
  g_assert_true (gk_schema_lookup_field (schema, "idcard")->sensitive);
  g_assert_true (gk_schema_lookup_field (schema, "phone")->sensitive);
  g_assert_false (gk_schema_lookup_field (schema, "uscc")->sensitive);
  g_assert_true (gk_schema_lookup_field (schema, "old")->retired);

  field = gk_schema_lookup_field (schema, "results");
  g_assert_cmpint (field->kind, ==, GK_FIELD_TABLE);
  g_assert_cmpuint (field->columns->len, ==, 7);
  column = gk_field_lookup_column (field, "idcard");
  g_assert_cmpint (column->kind, ==, GK_FIELD_IDCARD);
  g_assert_true (column->sensitive);
  g_assert_null (gk_field_lookup_column (field, "nope"));
  g_assert_null (gk_schema_lookup_field (schema, "nope"));
}

static void
test_round_trip (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(GkSchema) again = NULL;
  g_autoptr(GkSchema) pretty_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = gk_schema_to_json (schema, FALSE);
  g_autofree char *pretty = gk_schema_to_json (schema, TRUE);
  g_autofree char *json2 = NULL;

  again = gk_schema_new_from_json (json, &error);
  g_assert_no_error (error);
  json2 = gk_schema_to_json (again, FALSE);
  g_assert_cmpstr (json, ==, json2);

  /* The serialization is canonical (fixed key order, defaults omitted):
   * equal schemas write the same text. */
  pretty_again = gk_schema_new_from_json (pretty, &error);
  g_assert_no_error (error);
  g_free (json2);
  json2 = gk_schema_to_json (pretty_again, FALSE);
  g_assert_cmpstr (json, ==, json2);

  /* Defaults are left out, and the non-default ones kept. */
  g_assert_null (strstr (json, "\"required\":false"));
  g_assert_nonnull (strstr (json, "\"sensitive\":true"));
  g_assert_nonnull (strstr (json, "{\"value\":\"inquiry\",\"label\":\"询价\"}"));
  g_assert_nonnull (strstr (json, "\"decimals\":1"));

  /* A copy is equal; a change is not. */
  {
    g_autoptr(GkSchema) other = gk_schema_new ();
    g_autofree char *other_json = NULL;

    for (guint i = 0; i < gk_schema_get_n_fields (schema); i++)
      {
        GkField *copy = gk_field_copy (gk_schema_get_field (schema, i));

        if (i == 2)
          copy->required = FALSE;
        g_assert_true (gk_schema_add_field (other, copy, &error));
        g_assert_no_error (error);
      }
    other_json = gk_schema_to_json (other, FALSE);
    g_assert_cmpstr (other_json, !=, json);
  }

  /* An empty schema is an empty array. */
  {
    g_autoptr(GkSchema) empty = gk_schema_new_from_json ("[]", &error);
    g_autofree char *s = NULL;

    g_assert_no_error (error);
    s = gk_schema_to_json (empty, FALSE);
    g_assert_cmpstr (s, ==, "[]");
  }
}

static void
test_build (void)
{
  g_autoptr(GkSchema) schema = gk_schema_new ();
  g_autoptr(GError) error = NULL;
  GkField *field;
  GkField *table;

  field = gk_field_new ("method", "采购方式", GK_FIELD_CHOICE);
  gk_field_add_choice (field, "公开招标", NULL);
  g_assert_true (gk_schema_add_field (schema, field, &error));
  g_assert_no_error (error);

  table = gk_field_new ("rows", "名单", GK_FIELD_TABLE);
  gk_field_add_column (table, gk_field_new ("idcard", "身份证号", GK_FIELD_IDCARD));
  g_assert_true (gk_schema_add_field (schema, table, &error));

  /* A duplicate id, a choice without choices, a table without columns. */
  g_assert_false (gk_schema_add_field (schema, gk_field_new ("method", "重复", GK_FIELD_TEXT), &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_schema_add_field (schema, gk_field_new ("other", "其他", GK_FIELD_CHOICE), &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_schema_add_field (schema, gk_field_new ("t", "表", GK_FIELD_TABLE), &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, 2);
  g_assert_true (gk_schema_lookup_field (schema, "rows")->columns->len == 1);
}

static void
test_invalid (void)
{
  static const struct {
    const char *json;
    int code;
    const char *message_part;
  } cases[] = {
    { "", GK_SCHEMA_ERROR_PARSE, NULL },
    { "[{\"id\": ", GK_SCHEMA_ERROR_PARSE, NULL },
    { "{}", GK_SCHEMA_ERROR_INVALID, "array" },
    { "[1]", GK_SCHEMA_ERROR_INVALID, "object" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"text\", \"requried\": true}]", GK_SCHEMA_ERROR_INVALID, "requried" },
    { "[{\"id\": \"Budget\", \"label\": \"甲\", \"kind\": \"text\"}]", GK_SCHEMA_ERROR_INVALID, "Budget" },
    { "[{\"id\": \"1a\", \"label\": \"甲\", \"kind\": \"text\"}]", GK_SCHEMA_ERROR_INVALID, NULL },
    { "[{\"id\": \"预算\", \"label\": \"甲\", \"kind\": \"text\"}]", GK_SCHEMA_ERROR_INVALID, NULL },
    { "[{\"label\": \"甲\", \"kind\": \"text\"}]", GK_SCHEMA_ERROR_INVALID, NULL },
    { "[{\"id\": \"a\", \"kind\": \"text\"}]", GK_SCHEMA_ERROR_INVALID, "label" },
    { "[{\"id\": \"a\", \"label\": \" \", \"kind\": \"text\"}]", GK_SCHEMA_ERROR_INVALID, "label" },
    { "[{\"id\": \"a\", \"label\": \"甲\"}]", GK_SCHEMA_ERROR_INVALID, "kind" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"currency\"}]", GK_SCHEMA_ERROR_INVALID, "currency" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"text\", \"required\": \"yes\"}]", GK_SCHEMA_ERROR_INVALID, "required" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"text\"}, {\"id\": \"a\", \"label\": \"乙\", \"kind\": \"text\"}]",
      GK_SCHEMA_ERROR_INVALID, "twice" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"choice\"}]", GK_SCHEMA_ERROR_INVALID, "choices" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"choice\", \"choices\": []}]", GK_SCHEMA_ERROR_INVALID, "choices" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"choice\", \"choices\": [\"是\", \"是\"]}]", GK_SCHEMA_ERROR_INVALID, "twice" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"choice\", \"choices\": [{\"value\": \"y\", \"name\": \"是\"}]}]",
      GK_SCHEMA_ERROR_INVALID, NULL },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"choice\", \"choices\": [1]}]", GK_SCHEMA_ERROR_INVALID, NULL },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"text\", \"choices\": [\"是\"]}]", GK_SCHEMA_ERROR_INVALID, "choice" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"money\", \"decimals\": 2}]", GK_SCHEMA_ERROR_INVALID, "decimal" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"decimal\", \"decimals\": 7}]", GK_SCHEMA_ERROR_INVALID, NULL },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"money\", \"min\": 0}]", GK_SCHEMA_ERROR_INVALID, "minimum" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"integer\", \"min\": 5, \"max\": 1}]", GK_SCHEMA_ERROR_INVALID, "minimum" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"integer\", \"min\": 1.5}]", GK_SCHEMA_ERROR_INVALID, "min" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"table\"}]", GK_SCHEMA_ERROR_INVALID, "columns" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"table\", \"columns\": []}]", GK_SCHEMA_ERROR_INVALID, "columns" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"table\", \"columns\": [{\"id\": \"t\", \"label\": \"表\", \"kind\": \"table\","
      " \"columns\": [{\"id\": \"x\", \"label\": \"乙\", \"kind\": \"text\"}]}]}]", GK_SCHEMA_ERROR_INVALID, "table" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"table\", \"columns\": [{\"id\": \"x\", \"label\": \"乙\", \"kind\": \"text\"},"
      " {\"id\": \"x\", \"label\": \"丙\", \"kind\": \"text\"}]}]", GK_SCHEMA_ERROR_INVALID, "twice" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"table\", \"columns\": [{\"id\": \"x\", \"label\": \"乙\", \"kind\": \"txt\"}]}]",
      GK_SCHEMA_ERROR_INVALID, "txt" },
    { "[{\"id\": \"a\", \"label\": \"甲\", \"kind\": \"text\", \"columns\": [{\"id\": \"x\", \"label\": \"乙\", \"kind\": \"text\"}]}]",
      GK_SCHEMA_ERROR_INVALID, "columns" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkSchema) schema = gk_schema_new_from_json (cases[i].json, &error);

      if (schema != NULL)
        g_error ("case %u accepted: %s", i, cases[i].json);
      g_assert_error (error, GK_SCHEMA_ERROR, cases[i].code);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message_part);
    }
}

static void
test_validate_good (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(GPtrArray) issues = validate (schema, good_values);

  dump_issues (issues);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpint (gk_issues_get_severity (issues), ==, GK_SEVERITY_OK);

  /* Optional fields may be absent, null or blank. */
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = validate (schema, "{\"title\": \"x\", \"budget\": 0, \"summary\": null, \"day\": \"\", \"uscc\": \"  \","
                             " \"results\": [{\"name\": \"王五\"}]}");
  dump_issues (issues);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_validate_issues (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(GPtrArray) issues = NULL;
  const GkIssue *issue;

  issues = validate (schema,
                     "{\"summary\": 5, \"budget\": 12.5, \"day\": \"2025-3-7\", \"count\": 0, \"area\": \"1.25\","
                     " \"method\": \"单一来源\", \"uscc\": \"91350100M0001TGQXM\", \"idcard\": \"36042619910102009X\","
                     " \"org\": \"00001434-8\", \"code\": \"2018-13\", \"phone\": \"call\", \"url\": \"www.x.cn\","
                     " \"surprise\": 1,"
                     " \"results\": [7,"
                     "   {\"no\": 0, \"idcard\": \"110105190002290017\", \"colour\": \"red\", \"area\": \"abc\"},"
                     "   {\"name\": \"  \", \"household_size\": \"3\"}]}");
  dump_issues (issues);

  g_assert_cmpint (find_issue (issues, "title", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);  /* required */
  g_assert_cmpint (find_issue (issues, "summary", -1, NULL)->severity, ==, GK_SEVERITY_ERROR); /* type */
  g_assert_nonnull (strstr (find_issue (issues, "budget", -1, NULL)->message, "fen"));
  g_assert_nonnull (strstr (find_issue (issues, "day", -1, NULL)->message, "YYYY-MM-DD"));
  g_assert_nonnull (strstr (find_issue (issues, "count", -1, NULL)->message, "at least 1"));
  g_assert_cmpint (find_issue (issues, "area", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_nonnull (strstr (find_issue (issues, "method", -1, NULL)->message, "单一来源"));
  /* A failed credit-code check is only a warning. */
  g_assert_cmpint (find_issue (issues, "uscc", -1, NULL)->severity, ==, GK_SEVERITY_WARNING);
  g_assert_cmpint (find_issue (issues, "idcard", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "org", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "code", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "phone", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "url", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_nonnull (strstr (find_issue (issues, "surprise", -1, NULL)->message, "surprise"));
  /* A retired field is never required. */
  for (guint i = 0; i < issues->len; i++)
    g_assert_cmpstr (((GkIssue *) g_ptr_array_index (issues, i))->field_id, !=, "old");

  /* Table rows: a row that is not an object; cells by row and column. */
  g_assert_cmpint (find_issue (issues, "results", 0, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "results", 1, "no")->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "results", 1, "name")->severity, ==, GK_SEVERITY_ERROR);
  g_assert_nonnull (strstr (find_issue (issues, "results", 1, "idcard")->message, "1900-02-29"));
  g_assert_nonnull (strstr (find_issue (issues, "results", 1, "colour")->message, "colour"));
  g_assert_cmpint (find_issue (issues, "results", 1, "area")->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "results", 2, "name")->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpint (find_issue (issues, "results", 2, "household_size")->severity, ==, GK_SEVERITY_ERROR);

  g_assert_cmpuint (issues->len, ==, 22);
  g_assert_cmpint (gk_issues_get_severity (issues), ==, GK_SEVERITY_ERROR);

  /* A required table with no rows. */
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = validate (schema, "{\"title\": \"x\", \"budget\": 1, \"results\": []}");
  issue = find_issue (issues, "results", -1, NULL);
  g_assert_nonnull (strstr (issue->message, "row"));
  g_assert_cmpuint (issues->len, ==, 1);

  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = validate (schema, "{\"title\": \"x\", \"budget\": 1, \"results\": {}}");
  g_assert_cmpint (find_issue (issues, "results", -1, NULL)->severity, ==, GK_SEVERITY_ERROR);

  /* Money: negative and text that is not an amount. */
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = validate (schema, "{\"title\": \"x\", \"budget\": -1, \"results\": [{\"name\": \"甲\"}]}");
  g_assert_nonnull (strstr (find_issue (issues, "budget", -1, NULL)->message, "negative"));
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = validate (schema, "{\"title\": \"x\", \"budget\": \"abc\", \"results\": [{\"name\": \"甲\"}]}");
  g_assert_nonnull (strstr (find_issue (issues, "budget", -1, NULL)->message, "not a number"));

  /* Only warnings: the worst severity is a warning. */
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = validate (schema, "{\"title\": \"x\", \"budget\": 1, \"uscc\": \"91110000600037341N\", \"phone\": \"86012345\","
                             " \"results\": [{\"name\": \"甲\"}]}");
  g_assert_cmpuint (issues->len, ==, 2);
  g_assert_cmpint (gk_issues_get_severity (issues), ==, GK_SEVERITY_WARNING);
}

static void
test_validate_whole (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(GPtrArray) issues = NULL;

  issues = validate (schema, "[1, 2]");
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_null (find_issue (issues, NULL, -1, NULL)->field_id);
  g_clear_pointer (&issues, g_ptr_array_unref);

  issues = gk_schema_validate_json (schema, "{not json");
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (find_issue (issues, NULL, -1, NULL)->severity, ==, GK_SEVERITY_ERROR);
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* No values at all: the required fields are missing. */
  issues = gk_schema_validate (schema, NULL);
  g_assert_cmpuint (issues->len, ==, 3);
  g_clear_pointer (&issues, g_ptr_array_unref);

  issues = gk_schema_validate_json (schema, good_values);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_issue_format (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(GkIssue) cell = gk_issue_new ("results", 1, "idcard", GK_SEVERITY_ERROR, "坏");
  g_autoptr(GkIssue) row = gk_issue_new ("results", 0, NULL, GK_SEVERITY_ERROR, "坏");
  g_autoptr(GkIssue) field = gk_issue_new ("budget", -1, NULL, GK_SEVERITY_ERROR, "坏");
  g_autoptr(GkIssue) whole = gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, "坏");
  g_autoptr(GkIssue) unknown = gk_issue_new ("zzz", -1, NULL, GK_SEVERITY_ERROR, "坏");
  char *s;

  s = gk_issue_format (cell, schema);
  g_assert_cmpstr (s, ==, "分配结果, row 2, 身份证号: 坏");
  g_free (s);
  s = gk_issue_format (row, schema);
  g_assert_cmpstr (s, ==, "分配结果, row 1: 坏");
  g_free (s);
  s = gk_issue_format (field, schema);
  g_assert_cmpstr (s, ==, "预算金额: 坏");
  g_free (s);
  s = gk_issue_format (whole, schema);
  g_assert_cmpstr (s, ==, "坏");
  g_free (s);
  s = gk_issue_format (unknown, schema);
  g_assert_cmpstr (s, ==, "zzz: 坏");
  g_free (s);
}

static void
test_mask (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(JsonNode) values = parse (good_values);
  g_autoptr(JsonNode) masked = NULL;
  g_autoptr(JsonNode) with_unknown = parse ("{\"title\": \"x\", \"secret\": \"y\", \"budget\": 5}");
  g_autoptr(JsonNode) masked_unknown = NULL;
  g_autofree char *before = json_to_string (values, FALSE);
  g_autofree char *after = NULL;
  JsonObject *object;
  JsonObject *row;
  GkMaskPolicy policy;

  masked = gk_schema_mask_values (schema, values, NULL);
  object = json_node_get_object (masked);
  g_assert_cmpstr (json_object_get_string_member (object, "idcard"), ==, "110105********002X");
  g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, "138****1234");
  /* Not sensitive: unchanged. */
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "长安区公租房项目");
  g_assert_cmpint (json_object_get_int_member (object, "budget"), ==, 123456);
  g_assert_cmpstr (json_object_get_string_member (object, "uscc"), ==, "91110000600037341L");

  row = json_array_get_object_element (json_object_get_array_member (object, "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "idcard"), ==, "360426********0071");
  /* Names stay in an allocation list: the list is the point. */
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "张三");
  g_assert_cmpint (json_object_get_int_member (row, "household_size"), ==, 3);

  /* The ledger's own values are untouched. */
  after = json_to_string (values, FALSE);
  g_assert_cmpstr (before, ==, after);

  /* Unknown keys are never published. */
  masked_unknown = gk_schema_mask_values (schema, with_unknown, NULL);
  g_assert_false (json_object_has_member (json_node_get_object (masked_unknown), "secret"));

  /* Other policies; sensitive non-strings are withheld. */
  {
    g_autoptr(GkSchema) s2 = gk_schema_new_from_json (
      "[{\"id\": \"name\", \"label\": \"姓名\", \"kind\": \"text\", \"sensitive\": true},"
      " {\"id\": \"income\", \"label\": \"收入\", \"kind\": \"money\", \"sensitive\": true},"
      " {\"id\": \"idcard\", \"label\": \"身份证号\", \"kind\": \"idcard\"}]", NULL);
    g_autoptr(JsonNode) v2 = parse ("{\"name\": \"欧阳娜娜\", \"income\": 100, \"idcard\": \"11010519491231002X\"}");
    g_autoptr(JsonNode) m2 = NULL;

    gk_mask_policy_init_default (&policy);
    policy.idcard_head = 0;
    policy.idcard_tail = 0;
    m2 = gk_schema_mask_values (s2, v2, &policy);
    object = json_node_get_object (m2);
    g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "欧***");
    g_assert_true (json_object_get_null_member (object, "income"));
    g_assert_cmpstr (json_object_get_string_member (object, "idcard"), ==, "******************");
  }

  /* Masking a tree of one's own in place gives the copy's values, in the
   * copy's order, unknown keys and table cells included. */
  {
    const char *texts[] = {
      good_values,
      "{\"title\": \"x\", \"secret\": \"y\", \"budget\": 5}",
      "{\"results\": [{\"idcard\": \"360426199101010071\", \"zzz\": \"z\", \"name\": \"张三\"}, 5],"
      " \"idcard\": 110105, \"phone\": null, \"title\": [1]}",
      "{\"results\": \"not a table\"}",
      "[\"not an object\"]",
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(JsonNode) source = parse (texts[i]);
        g_autoptr(JsonNode) copied = gk_schema_mask_values (schema, source, NULL);
        g_autoptr(JsonNode) in_place = gk_schema_mask_values_in_place (schema, parse (texts[i]), NULL);
        g_autofree char *copied_text = json_to_string (copied, FALSE);
        g_autofree char *in_place_text = json_to_string (in_place, FALSE);
        g_autoptr(JsonNode) again = parse (texts[i]);
        g_autofree char *source_text = json_to_string (source, FALSE);
        g_autofree char *original = json_to_string (again, FALSE);

        g_assert_cmpstr (in_place_text, ==, copied_text);
        g_assert_cmpstr (source_text, ==, original);
      }
  }
}

static void
test_extract_text (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(JsonNode) values = parse (good_values);
  g_autofree char *text = gk_schema_extract_text (schema, values);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_strv_contains ((const char * const *) lines, "长安区公租房项目"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "1234.56"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "2025-03-07"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "2025年3月7日"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "询价"));  /* the label, not "inquiry" */
  g_assert_true (g_strv_contains ((const char * const *) lines, "12"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "89.5"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "张三"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "110105200002290013"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "45.5"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "青园街道1号楼102"));
  g_assert_nonnull (strstr (text, "概况\n第二行"));
  /* Labels would make every record of the item match. */
  g_assert_null (strstr (text, "预算金额"));
  g_assert_null (strstr (text, "inquiry"));

  g_free (g_steal_pointer (&text));
  text = gk_schema_extract_text (schema, NULL);
  g_assert_cmpstr (text, ==, "");
}

static void
assert_parse_text (const GkField *field,
                   const char    *text,
                   GkSeverity     severity,
                   const char    *stored_json)
{
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GkValidation) check = gk_field_parse_text (field, text, &value);
  g_autofree char *json = value != NULL ? json_to_string (value, FALSE) : NULL;

  if (check->severity != severity)
    g_error ("“%s”: severity %d (%s)", text, check->severity, check->message);
  g_assert_cmpstr (json, ==, stored_json);
}

static void
test_parse_text (void)
{
  g_autoptr(GkSchema) schema = sample ();

  assert_parse_text (gk_schema_lookup_field (schema, "budget"), "1,234.5", GK_SEVERITY_OK, "123450");
  assert_parse_text (gk_schema_lookup_field (schema, "budget"), "￥１２３４", GK_SEVERITY_OK, "123400");
  /* Invalid input is kept as typed: an invalid draft can be saved. */
  assert_parse_text (gk_schema_lookup_field (schema, "budget"), "一千", GK_SEVERITY_ERROR, "\"一千\"");
  assert_parse_text (gk_schema_lookup_field (schema, "budget"), "", GK_SEVERITY_ERROR, NULL);
  assert_parse_text (gk_schema_lookup_field (schema, "summary"), "  ", GK_SEVERITY_OK, NULL);
  assert_parse_text (gk_schema_lookup_field (schema, "title"), " 项目 ", GK_SEVERITY_OK, "\"项目\"");
  assert_parse_text (gk_schema_lookup_field (schema, "day"), "2025年3月7日", GK_SEVERITY_OK, "\"2025-03-07\"");
  assert_parse_text (gk_schema_lookup_field (schema, "day"), "2025-02-30", GK_SEVERITY_ERROR, "\"2025-02-30\"");
  assert_parse_text (gk_schema_lookup_field (schema, "count"), "12", GK_SEVERITY_OK, "12");
  assert_parse_text (gk_schema_lookup_field (schema, "count"), "0", GK_SEVERITY_ERROR, "0");
  assert_parse_text (gk_schema_lookup_field (schema, "count"), "1.5", GK_SEVERITY_ERROR, "\"1.5\"");
  assert_parse_text (gk_schema_lookup_field (schema, "area"), "89.5", GK_SEVERITY_OK, "\"89.5\"");
  assert_parse_text (gk_schema_lookup_field (schema, "area"), "89", GK_SEVERITY_OK, "\"89.0\"");
  assert_parse_text (gk_schema_lookup_field (schema, "area"), "89.55", GK_SEVERITY_ERROR, "\"89.55\"");
  assert_parse_text (gk_schema_lookup_field (schema, "method"), "询价", GK_SEVERITY_OK, "\"inquiry\"");
  assert_parse_text (gk_schema_lookup_field (schema, "method"), "公开招标", GK_SEVERITY_OK, "\"公开招标\"");
  assert_parse_text (gk_schema_lookup_field (schema, "method"), "拍卖", GK_SEVERITY_ERROR, "\"拍卖\"");
  assert_parse_text (gk_schema_lookup_field (schema, "uscc"), "91110000 600037341l", GK_SEVERITY_OK, "\"91110000600037341L\"");
  assert_parse_text (gk_schema_lookup_field (schema, "uscc"), "91350100M0001TGQXM", GK_SEVERITY_WARNING, "\"91350100M0001TGQXM\"");
  assert_parse_text (gk_schema_lookup_field (schema, "idcard"), "11010519491231002x", GK_SEVERITY_OK, "\"11010519491231002X\"");
  assert_parse_text (gk_schema_lookup_field (schema, "phone"), "(0311)86012345", GK_SEVERITY_OK, "\"0311-86012345\"");
  assert_parse_text (gk_schema_lookup_field (schema, "results"), "张三", GK_SEVERITY_ERROR, NULL);
}

static void
test_format_value (void)
{
  g_autoptr(GkSchema) schema = sample ();
  g_autoptr(JsonNode) values = parse (good_values);
  JsonObject *object = json_node_get_object (values);
  char *s;

  s = gk_field_format_value (gk_schema_lookup_field (schema, "budget"), json_object_get_member (object, "budget"));
  g_assert_cmpstr (s, ==, "1,234.56");
  g_free (s);
  s = gk_field_format_value (gk_schema_lookup_field (schema, "method"), json_object_get_member (object, "method"));
  g_assert_cmpstr (s, ==, "询价");
  g_free (s);
  s = gk_field_format_value (gk_schema_lookup_field (schema, "count"), json_object_get_member (object, "count"));
  g_assert_cmpstr (s, ==, "12");
  g_free (s);
  g_assert_null (gk_field_format_value (gk_schema_lookup_field (schema, "results"), json_object_get_member (object, "results")));
  g_assert_null (gk_field_format_value (gk_schema_lookup_field (schema, "summary"), NULL));
}

static void
test_parse_tsv (void)
{
  g_autoptr(GkSchema) schema = sample ();
  const GkField *table = gk_schema_lookup_field (schema, "results");
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  g_autoptr(JsonNode) rows = NULL;
  g_autofree char *json = NULL;
  JsonArray *array;

  /* Three rows as a spreadsheet copies them: no header, CRLF, a blank line. */
  rows = gk_field_parse_tsv (table,
                             "1\t张三\t360426199101010071\t3\t青园街道1号楼101\t两室一厅\t60.25\r\n"
                             "\r\n"
                             "2\t李四\t110105200002290013\t2\t青园街道1号楼102\t一室一厅\t45.5\r\n"
                             "3\t王五\t36042619910102009X\t１\t\"广安街道\n2号楼\"\t\t50\r\n",
                             issues);
  array = json_node_get_array (rows);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  json = json_to_string (json_array_get_element (array, 0), FALSE);
  g_assert_cmpstr (json, ==, "{\"no\":1,\"name\":\"张三\",\"idcard\":\"360426199101010071\",\"household_size\":3,"
                             "\"location\":\"青园街道1号楼101\",\"layout\":\"两室一厅\",\"area\":\"60.25\"}");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "location"), ==,
                   "广安街道\n2号楼");
  g_assert_false (json_object_has_member (json_array_get_object_element (array, 2), "layout"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 2), "household_size"), ==, 1);
  /* The bad ID number is reported at its row and column, and kept. */
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (find_issue (issues, "results", 2, "idcard")->severity, ==, GK_SEVERITY_ERROR);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "idcard"), ==,
                   "36042619910102009X");

  /* A header row decides the column order; extra cells are reported. */
  g_ptr_array_set_size (issues, 0);
  g_clear_pointer (&rows, json_node_unref);
  rows = gk_field_parse_tsv (table,
                             "姓名\t面积\t序号\n"
                             "赵六\t70\t4\t多余\n",
                             issues);
  array = json_node_get_array (rows);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_clear_pointer (&json, g_free);
  json = json_to_string (json_array_get_element (array, 0), FALSE);
  g_assert_cmpstr (json, ==, "{\"name\":\"赵六\",\"area\":\"70.00\",\"no\":4}");
  g_assert_cmpint (find_issue (issues, "results", 0, NULL)->severity, ==, GK_SEVERITY_WARNING);

  /* The parsed rows validate. */
  {
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

    gk_field_validate_value (table, rows, more);
    g_assert_cmpuint (more->len, ==, 0);
  }

  /* Nothing pasted: no rows. */
  g_clear_pointer (&rows, json_node_unref);
  rows = gk_field_parse_tsv (table, "\n\n", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (rows)), ==, 0);
}

/* The catalog editor's operations: renaming keeps the id, retiring keeps
 * the field, reordering persists, a new id never collides. */
static void
test_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkSchema) schema = gk_schema_new_from_json (sample_schema, &error);
  g_autoptr(GkSchema) reread = NULL;
  g_autoptr(GkValidation) check = NULL;
  g_autofree char *json = NULL;
  g_autofree char *id = NULL;
  static const char * const taken[] = { "field_7", "field_x", "other", NULL };
  guint n;
  const GkField *added;

  g_assert_no_error (error);
  n = gk_schema_get_n_fields (schema);

  /* Labels: not empty, not another field's, retired ones included. */
  check = gk_schema_check_label (schema, "title", "  项目全称 ");
  g_assert_cmpint (check->severity, ==, GK_SEVERITY_OK);
  g_assert_cmpstr (check->normalized, ==, "项目全称");
  g_clear_pointer (&check, gk_validation_free);
  check = gk_schema_check_label (schema, "title", "项目名称");
  g_assert_cmpint (check->severity, ==, GK_SEVERITY_OK);
  g_clear_pointer (&check, gk_validation_free);
  check = gk_schema_check_label (schema, "title", " \t");
  g_assert_cmpint (check->severity, ==, GK_SEVERITY_ERROR);
  g_assert_nonnull (check->message);
  g_clear_pointer (&check, gk_validation_free);
  check = gk_schema_check_label (schema, "title", "预算金额");
  g_assert_cmpint (check->severity, ==, GK_SEVERITY_ERROR);
  g_assert_nonnull (strstr (check->message, "预算金额"));
  g_clear_pointer (&check, gk_validation_free);
  check = gk_schema_check_label (schema, NULL, "旧字段");
  g_assert_cmpint (check->severity, ==, GK_SEVERITY_ERROR);
  g_clear_pointer (&check, gk_validation_free);

  /* Renaming keeps the id; a bad label changes nothing. */
  g_assert_true (gk_schema_rename_field (schema, "budget", " 预算 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_schema_lookup_field (schema, "budget")->label, ==, "预算");
  g_assert_false (gk_schema_rename_field (schema, "budget", "", &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_schema_rename_field (schema, "budget", "日期", &error));
  g_clear_error (&error);
  g_assert_false (gk_schema_rename_field (schema, "nope", "某", &error));
  g_clear_error (&error);
  g_assert_cmpstr (gk_schema_lookup_field (schema, "budget")->label, ==, "预算");

  /* Reordering. */
  g_assert_cmpint (gk_schema_find_field (schema, "day"), ==, 3);
  g_assert_true (gk_schema_move_field (schema, "day", 0, &error));
  g_assert_cmpstr (gk_schema_get_field (schema, 0)->id, ==, "day");
  g_assert_cmpstr (gk_schema_get_field (schema, 1)->id, ==, "title");
  g_assert_true (gk_schema_move_field (schema, "title", G_MAXUINT, &error));
  g_assert_cmpstr (gk_schema_get_field (schema, n - 1)->id, ==, "title");
  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, n);

  /* Retiring keeps the field, with its id and label. */
  g_assert_true (gk_schema_set_field_retired (schema, "summary", TRUE, &error));
  g_assert_true (gk_schema_lookup_field (schema, "summary")->retired);
  g_assert_true (gk_schema_set_field_retired (schema, "old", FALSE, &error));
  g_assert_false (gk_schema_lookup_field (schema, "old")->retired);
  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, n);

  /* New ids: above every field_N in the schema and in the keys taken. */
  id = gk_schema_new_field_id (schema, NULL);
  g_assert_cmpstr (id, ==, "field_1");
  g_clear_pointer (&id, g_free);
  id = gk_schema_new_field_id (schema, taken);
  g_assert_cmpstr (id, ==, "field_8");
  added = gk_schema_append_field (schema, " 备注 ", GK_FIELD_LONGTEXT, taken, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->id, ==, "field_8");
  g_assert_cmpstr (added->label, ==, "备注");
  added = gk_schema_append_field (schema, "金额二", GK_FIELD_MONEY, NULL, &error);
  g_assert_cmpstr (added->id, ==, "field_9");
  /* Retiring the newest does not free its number. */
  g_assert_true (gk_schema_set_field_retired (schema, "field_9", TRUE, &error));
  g_clear_pointer (&id, g_free);
  id = gk_schema_new_field_id (schema, NULL);
  g_assert_cmpstr (id, ==, "field_10");
  g_assert_null (gk_schema_append_field (schema, "备注", GK_FIELD_TEXT, NULL, &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gk_schema_append_field (schema, "清单", GK_FIELD_TABLE, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, n + 2);

  /* All of it survives the JSON. */
  json = gk_schema_to_json (schema, FALSE);
  reread = gk_schema_new_from_json (json, &error);
  g_assert_no_error (error);
  {
    g_autofree char *json_again = gk_schema_to_json (reread, FALSE);

    g_assert_cmpstr (json_again, ==, json);
  }
  g_assert_cmpstr (gk_schema_get_field (reread, 0)->id, ==, "day");
  g_assert_cmpstr (gk_schema_lookup_field (reread, "budget")->label, ==, "预算");
  g_assert_true (gk_schema_lookup_field (reread, "summary")->retired);
  g_assert_true (gk_schema_lookup_field (reread, "field_9")->retired);
  g_assert_cmpint (gk_schema_lookup_field (reread, "field_8")->kind, ==, GK_FIELD_LONGTEXT);
}

static void
test_item_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) units = NULL;
  g_autofree char *text = NULL;
  GkItemRuleChoice choice;
  guint workdays;
  static const char * const edited[] = { " 政务微博 ", "", "新闻媒体", NULL };
  static const char * const twice[] = { "政务微博", "新闻媒体", " 政务微博", NULL };

  /* Rules: every choice builds a string the parser reads back. */
  for (GkItemRuleChoice c = 0; c < GK_ITEM_RULE_N_CHOICES; c++)
    {
      g_autofree char *rule = gk_item_rule_build (c, 12);

      g_assert_nonnull (gk_item_rule_choice_describe (c));
      g_assert_true (gk_item_rule_read (rule, &choice, &workdays, &error));
      g_assert_no_error (error);
      g_assert_cmpint (choice, ==, c);
    }
  g_assert_true (gk_item_rule_read ("workdays:12", &choice, &workdays, NULL));
  g_assert_cmpuint (workdays, ==, 12);
  g_assert_true (gk_item_rule_read ("decision", &choice, &workdays, NULL));
  g_assert_cmpuint (workdays, ==, 7);
  text = gk_item_rule_build (GK_ITEM_RULE_CHOICE_WORKDAYS, 0);
  g_assert_cmpstr (text, ==, "workdays:1");
  g_clear_pointer (&text, g_free);
  text = gk_item_rule_build (GK_ITEM_RULE_CHOICE_WORKDAYS, 9999);
  g_assert_cmpstr (text, ==, "workdays:250");
  g_clear_pointer (&text, g_free);
  text = gk_item_rule_build (GK_ITEM_RULE_CHOICE_REQUEST, 5);
  g_assert_cmpstr (text, ==, GK_ITEM_RULE_REQUEST);
  g_clear_pointer (&text, g_free);
  g_assert_false (gk_item_rule_read ("soon", &choice, &workdays, &error));
  g_clear_error (&error);

  /* Channels: a name, listed once. */
  {
    g_autoptr(GkValidation) ok = gk_item_check_channel (edited, 0);
    g_autoptr(GkValidation) empty = gk_item_check_channel (edited, 1);
    g_autoptr(GkValidation) again = gk_item_check_channel (twice, 2);

    g_assert_cmpint (ok->severity, ==, GK_SEVERITY_OK);
    g_assert_cmpint (empty->severity, ==, GK_SEVERITY_ERROR);
    g_assert_cmpint (again->severity, ==, GK_SEVERITY_ERROR);
  }

  /* Lists typed on one line are cut at whole characters: "局" is E5 B1 80
   * in UTF-8 and "、" is E3 80 81, so cutting at bytes would split "局". */
  units = gk_item_split_list ("区住建局、各街镇，区财政局; ;", GK_ITEM_UNIT_SEPARATORS);
  g_assert_cmpstrv (units, ((const char *[]) { "区住建局", "各街镇", "区财政局", NULL }));
  g_clear_pointer (&units, g_strfreev);
  units = gk_item_split_list ("", GK_ITEM_UNIT_SEPARATORS);
  g_assert_cmpuint (g_strv_length (units), ==, 0);
  g_clear_pointer (&units, g_strfreev);
  units = gk_item_split_list ("《条例》第十九条、第二十条；《办法》第三条", GK_ITEM_BASIS_SEPARATORS);
  g_assert_cmpstrv (units, ((const char *[]) { "《条例》第十九条、第二十条", "《办法》第三条", NULL }));

  /* Kinds in words; only those that need nothing more can be added. */
  g_assert_true (gk_field_kind_can_add (GK_FIELD_MONEY));
  g_assert_false (gk_field_kind_can_add (GK_FIELD_CHOICE));
  g_assert_false (gk_field_kind_can_add (GK_FIELD_TABLE));
  g_assert_cmpstr (gk_field_kind_describe (GK_FIELD_DATE), ==, "Date");
}

/* A field's kind and choices change only where the values records hold
 * allow it; choice and table fields are added with their parts. */
static void
test_edit_kinds (void)
{
  g_autoptr(GkSchema) schema = gk_schema_new ();
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GError) error = NULL;
  const char *labels[] = { "公开招标", " 询价 ", "", NULL };
  const char *twice[] = { "甲", "甲", NULL };
  const char *columns[] = { "包号", "名称", NULL };
  const GkField *field;

  field = gk_schema_append_field_with_parts (schema, "采购方式", GK_FIELD_CHOICE, labels, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (field->choices->len, ==, 2);
  g_assert_cmpstr (((GkChoice *) g_ptr_array_index (field->choices, 1))->value, ==, "询价");
  g_assert_null (gk_schema_append_field_with_parts (schema, "方式二", GK_FIELD_CHOICE, twice, NULL, &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gk_schema_append_field (schema, "方式三", GK_FIELD_CHOICE, NULL, &error));
  g_clear_error (&error);
  field = gk_schema_append_field_with_parts (schema, "采购包", GK_FIELD_TABLE, columns, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (field->columns->len, ==, 2);
  g_assert_cmpstr (((GkField *) g_ptr_array_index (field->columns, 0))->id, ==, "c1");
  field = gk_schema_append_field (schema, "截止时间", GK_FIELD_TEXT, NULL, &error);
  g_assert_no_error (error);

  /* Records hold "公开招标" and "2026-03-01T09:30". */
  g_ptr_array_add (used, json_from_string ("\"公开招标\"", NULL));
  g_assert_false (gk_schema_set_field_choices (schema, "field_1", (const char *[]) { "询价", NULL }, used, &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_schema_set_field_choices (schema, "field_1", (const char *[]) { "公开招标", "单一来源", NULL }, used, &error));
  g_assert_cmpuint (gk_schema_lookup_field (schema, "field_1")->choices->len, ==, 2);
  g_assert_false (gk_schema_set_field_kind (schema, "field_1", GK_FIELD_TEXT, used, &error));
  g_clear_error (&error);

  g_ptr_array_set_size (used, 0);
  g_ptr_array_add (used, json_from_string ("\"2026-03-01T09:30\"", NULL));
  g_assert_false (gk_schema_set_field_kind (schema, "field_3", GK_FIELD_DATE, used, &error));
  g_assert_error (error, GK_SCHEMA_ERROR, GK_SCHEMA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_schema_set_field_kind (schema, "field_3", GK_FIELD_DATETIME, used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_schema_lookup_field (schema, "field_3")->kind, ==, GK_FIELD_DATETIME);
  g_assert_true (gk_schema_set_field_required (schema, "field_3", TRUE, &error));
  g_assert_true (gk_schema_lookup_field (schema, "field_3")->required);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/parse", test_parse);
  g_test_add_func ("/schema/round-trip", test_round_trip);
  g_test_add_func ("/schema/build", test_build);
  g_test_add_func ("/schema/invalid", test_invalid);
  g_test_add_func ("/schema/validate/good", test_validate_good);
  g_test_add_func ("/schema/validate/issues", test_validate_issues);
  g_test_add_func ("/schema/validate/whole", test_validate_whole);
  g_test_add_func ("/schema/issue-format", test_issue_format);
  g_test_add_func ("/schema/mask", test_mask);
  g_test_add_func ("/schema/extract-text", test_extract_text);
  g_test_add_func ("/schema/parse-text", test_parse_text);
  g_test_add_func ("/schema/format-value", test_format_value);
  g_test_add_func ("/schema/parse-tsv", test_parse_tsv);
  g_test_add_func ("/schema/edit", test_edit);
  g_test_add_func ("/schema/item-edit", test_item_edit);
  g_test_add_func ("/schema/edit-kinds", test_edit_kinds);

  return g_test_run ();
}
