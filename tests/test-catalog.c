/* test-catalog.c: the default catalog loads, names every item of the plan's section 四, and carries DOMAIN.md §2–§3 exactly. */
#include "config.h"

#include <locale.h>

#include "gk-catalog.h"
#include "gk-core.h"
#include "gk-deadline.h"
#include "gk-item-edit.h"
#include "gk-store.h"
#include "gk-test-util.h"

static GkCatalog *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  GkCatalog *catalog = gk_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
assert_names (GPtrArray          *list,
              gsize               name_offset,
              const char * const *expected)
{
  guint n = g_strv_length ((GStrv) expected);

  for (guint i = 0; i < MIN (list->len, n); i++)
    {
      const char *name = G_STRUCT_MEMBER (const char *, g_ptr_array_index (list, i), name_offset);

      g_assert_cmpstr (name, ==, expected[i]);
    }
  g_assert_cmpuint (list->len, ==, n);
}

static void
assert_item_names (GPtrArray          *items,
                   const char * const *expected)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, gk_item_get_level2 (g_ptr_array_index (items, i)));
  names = g_strv_builder_end (builder);
  g_assert_cmpstrv (names, expected);
}

static void
test_domains (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const char * const keys[] = {
    "housing-construction", "housing-allocation", "procurement", "bidding", "blacklist", "work-plan", "request", NULL,
  };
  static const char * const names[] = {
    "保障性安居工程建设", "保障性住房分配", "政府采购", "工程建设项目招标投标", "黑名单", "工作目标与实施方案", "依申请公开", NULL,
  };

  assert_names (catalog->domains, G_STRUCT_OFFSET (GkCatalogDomain, key), keys);
  assert_names (catalog->domains, G_STRUCT_OFFSET (GkCatalogDomain, name), names);
  g_assert_cmpint (gk_catalog_lookup_domain (catalog, "procurement")->kind, ==, GK_DOMAIN_KIND_DISCLOSURE);
  g_assert_cmpint (gk_catalog_lookup_domain (catalog, "blacklist")->kind, ==, GK_DOMAIN_KIND_BLACKLIST);
  g_assert_cmpint (gk_catalog_lookup_domain (catalog, "request")->kind, ==, GK_DOMAIN_KIND_REQUEST);
  g_assert_null (gk_catalog_lookup_domain (catalog, "nope"));
  g_assert_cmpint (catalog->format, ==, GK_CATALOG_FORMAT);
}

/* Every item the plan's section 四 names, per domain, in its order, with
 * those of 五(二) (资格审查结果, 交易过程信息, 更正公告) and 八(一). */
static void
test_items_per_domain (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const struct {
    const char *domain;
    const char *items[12];
  } expected[] = {
    { "housing-construction", { "规划建设方案", "年度建设计划", "建设计划完成情况" } },
    { "housing-allocation", { "分配政策", "分配对象", "分配房源", "分配程序", "分配过程", "分配结果" } },
    { "procurement", { "采购项目公告", "采购文件", "资格审查结果", "交易过程信息", "采购项目预算金额", "采购结果",
                       "采购合同", "更正公告", "投诉处理决定", "监督检查处理决定", "违法失信行为记录" } },
    { "bidding", { "审批核准备案信息", "市场主体信用信息", "招标公告", "资格审查结果", "交易过程信息", "中标候选人",
                   "中标结果", "合同订立及履行", "更正公告", "招标投标违法行为记录" } },
    { "blacklist", { "骗取公共资源等不良行为信息" } },
    { "work-plan", { "工作目标、具体实施方案及工作措施" } },
    { "request", { NULL } },
  };
  guint total = 0;

  for (guint d = 0; d < G_N_ELEMENTS (expected); d++)
    {
      g_autoptr(GPtrArray) items = gk_catalog_list_items (catalog, expected[d].domain);

      assert_item_names (items, expected[d].items);
      total += items->len;
    }

  g_assert_cmpuint (total, ==, catalog->items->len);
  g_assert_cmpuint (total, ==, 32);

  {
    g_autoptr(GPtrArray) all = gk_catalog_list_items (catalog, NULL);

    g_assert_cmpuint (all->len, ==, 32);
  }
}

static gboolean
has_name (GPtrArray  *list,
          gsize       offset,
          const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (G_STRUCT_MEMBER (const char *, g_ptr_array_index (list, i), offset), name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_items_complete (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();

  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GkSchema) again = NULL;
      g_autofree char *fields = NULL;
      g_autofree char *basis = NULL;
      GkDeadlineRule rule;

      g_test_message ("%s", gk_item_get_key (item));
      g_assert_true (g_str_has_prefix (gk_item_get_key (item), gk_item_get_domain (item)));
      g_assert_true (gk_catalog_lookup_item (catalog, gk_item_get_key (item)) == item);
      g_assert_nonnull (gk_catalog_lookup_domain (catalog, gk_item_get_domain (item)));
      g_assert_cmpstr (gk_item_get_level1 (item), !=, "");
      g_assert_cmpstr (gk_item_get_contents (item), !=, "");
      g_assert_cmpstr (gk_item_get_audience (item), ==, "全社会");
      g_assert_cmpstr (gk_item_get_mode (item), ==, "主动公开");
      g_assert_true (g_str_has_prefix (gk_item_get_level (item), "县级"));
      g_assert_cmpstr (gk_item_get_supervision (item), !=, "");
      g_assert_cmpstr (gk_item_get_time_limit (item), !=, "");

      /* Every schema is valid, has fields, and survives a round trip. */
      g_assert_nonnull (gk_item_get_schema (item));
      g_assert_cmpuint (gk_schema_get_n_fields (gk_item_get_schema (item)), >, 0);
      fields = gk_schema_to_json (gk_item_get_schema (item), FALSE);
      again = gk_schema_new_from_json (fields, &error);
      g_assert_no_error (error);
      {
        g_autofree char *reread = gk_schema_to_json (again, FALSE);

        g_assert_cmpstr (reread, ==, fields);
      }

      /* Every rule reads as the deadline engine reads it. */
      g_assert_true (gk_deadline_rule_parse (gk_item_get_deadline_rule (item), &rule, &error));
      g_assert_no_error (error);

      /* 公开依据 cites the regulation first; the unit and channel keys of
       * the file resolved to names of the catalog's units and channels. */
      g_assert_cmpuint (g_strv_length ((GStrv) gk_item_get_basis (item)), >=, 2);
      g_assert_true (g_str_has_prefix (gk_item_get_basis (item)[0], "《中华人民共和国政府信息公开条例》"));
      basis = gk_item_dup_basis_text (item);
      g_assert_nonnull (strstr (basis, "；"));
      g_assert_cmpuint (g_strv_length ((GStrv) gk_item_get_units (item)), >, 0);
      g_assert_cmpuint (g_strv_length ((GStrv) gk_item_get_channels (item)), >, 0);
      for (guint u = 0; gk_item_get_units (item)[u] != NULL; u++)
        g_assert_true (has_name (catalog->units, G_STRUCT_OFFSET (GkCatalogUnit, name), gk_item_get_units (item)[u]));
      for (guint c = 0; gk_item_get_channels (item)[c] != NULL; c++)
        g_assert_true (has_name (catalog->channels, G_STRUCT_OFFSET (GkCatalogTerm, name), gk_item_get_channels (item)[c]));

      /* Labels are unique within a schema: the editor shows them side by side. */
      for (guint f = 0; f < gk_schema_get_n_fields (gk_item_get_schema (item)); f++)
        for (guint g = 0; g < f; g++)
          g_assert_cmpstr (gk_schema_get_field (gk_item_get_schema (item), f)->label, !=,
                           gk_schema_get_field (gk_item_get_schema (item), g)->label);
    }
}

/* Every item's rule, the field its period runs from, as the law writes
 * them: 7 working days only for licensing and penalty decisions (seed §一,
 * 国办发〔2015〕51号); 3 calendar days for 中标候选人 (招标投标法实施条例
 * 第五十四条); 2 working days for procurement results and contracts
 * (政府采购法实施条例 第四十三条, 第五十条); else 20 working days
 * (条例 第二十六条). */
static void
test_deadline_rules (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const struct { const char *key; GkDeadlineKind kind; guint days; const char *from; } expected[] = {
    { "procurement.violation-record", GK_DEADLINE_DECISION, 7, "decision_date" },
    { "bidding.violation-record", GK_DEADLINE_DECISION, 7, "decision_date" },
    { "bidding.approval", GK_DEADLINE_DECISION, 7, "approval_date" },
    { "procurement.complaint-decision", GK_DEADLINE_PROACTIVE, 20, "decision_date" },
    { "procurement.inspection-decision", GK_DEADLINE_PROACTIVE, 20, "decision_date" },
    { "blacklist.entry", GK_DEADLINE_PROACTIVE, 20, "penalty_date" },
    { "bidding.candidates", GK_DEADLINE_DAYS, 3, "report_date" },
    { "procurement.result", GK_DEADLINE_CUSTOM, 2, "award_date" },
    { "procurement.contract", GK_DEADLINE_CUSTOM, 2, "sign_date" },
    { "bidding.result", GK_DEADLINE_PROACTIVE, 20, "award_date" },
    { "housing-allocation.result", GK_DEADLINE_PROACTIVE, 20, "" },
  };

  for (guint i = 0; i < catalog->items->len; i++)
    {
      GkItem *item = g_ptr_array_index (catalog->items, i);
      GkDeadlineRule rule;

      g_assert_true (gk_deadline_rule_parse (gk_item_get_deadline_rule (item), &rule, NULL));
      /* The field a rule runs from is a date field of the item. */
      if (rule.start_field[0] != '\0')
        {
          const GkField *field = gk_schema_lookup_field (gk_item_get_schema (item), rule.start_field);

          g_assert_nonnull (field);
          g_assert_cmpint (field->kind, ==, GK_FIELD_DATE);
        }
      if (rule.kind == GK_DEADLINE_DECISION)
        g_assert_true (g_str_has_suffix (gk_item_get_key (item), "violation-record") ||
                       g_str_equal (gk_item_get_key (item), "bidding.approval"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GkDeadlineRule rule;

      g_test_message ("%s", expected[i].key);
      g_assert_true (gk_deadline_rule_parse (gk_item_get_deadline_rule (gk_catalog_lookup_item (catalog, expected[i].key)),
                                             &rule, NULL));
      g_assert_cmpint (rule.kind, ==, expected[i].kind);
      g_assert_cmpuint (gk_deadline_rule_get_workdays (&rule), ==, expected[i].days);
      g_assert_cmpstr (rule.start_field, ==, expected[i].from);
    }

  /* 公示期不得少于3日; a 备案 is no licence. */
  g_assert_cmpstr (gk_item_get_deadline_rule (gk_catalog_lookup_item (catalog, "bidding.candidates")), ==,
                   "days:3 from:report_date period:3");
  g_assert_cmpstr (gk_item_get_deadline_rule (gk_catalog_lookup_item (catalog, "bidding.approval")), ==,
                   "decision from:approval_date proactive-when:approval_type=备案");
}

static void
assert_columns (GkItem *item,
                const char          *table_id,
                const char * const  *labels)
{
  const GkField *table = gk_schema_lookup_field (gk_item_get_schema (item), table_id);

  g_assert_nonnull (table);
  g_assert_cmpint (table->kind, ==, GK_FIELD_TABLE);
  assert_names (table->columns, G_STRUCT_OFFSET (GkField, label), labels);
}

static const GkField *
find_label (GkItem *item,
            const char          *label)
{
  for (guint i = 0; i < gk_schema_get_n_fields (gk_item_get_schema (item)); i++)
    if (g_str_equal (gk_schema_get_field (gk_item_get_schema (item), i)->label, label))
      return gk_schema_get_field (gk_item_get_schema (item), i);

  g_error ("%s has no field %s", gk_item_get_key (item), label);
  return NULL;
}

/* The fields DOMAIN.md §7 and the plan name. */
static void
test_item_fields (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  GkItem *item;
  const GkField *table;

  item = gk_catalog_lookup_item (catalog, "bidding.candidates");
  assert_columns (item, "candidates", (const char *[]) {
    "排序", "名称", "统一社会信用代码", "投标报价", "质量", "工期", "项目负责人", "证书编号", "个人业绩", "资格能力条件", NULL });
  table = gk_schema_lookup_field (gk_item_get_schema (item), "candidates");
  g_assert_cmpint (gk_field_lookup_column (table, "uscc")->kind, ==, GK_FIELD_USCC);
  g_assert_cmpint (gk_field_lookup_column (table, "bid_price")->kind, ==, GK_FIELD_MONEY);
  g_assert_cmpint (gk_field_lookup_column (table, "rank")->kind, ==, GK_FIELD_INTEGER);
  g_assert_cmpint (find_label (item, "公示期（起）")->kind, ==, GK_FIELD_DATE);
  g_assert_cmpint (find_label (item, "公示期（止）")->kind, ==, GK_FIELD_DATE);
  g_assert_true (find_label (item, "异议渠道和方式")->required);
  g_assert_true (find_label (item, "评标情况")->required);

  item = gk_catalog_lookup_item (catalog, "housing-allocation.result");
  assert_columns (item, "results", (const char *[]) {
    "序号", "姓名", "身份证号", "家庭人口", "房源位置", "户型", "面积（平方米）", NULL });
  table = gk_schema_lookup_field (gk_item_get_schema (item), "results");
  g_assert_true (gk_field_lookup_column (table, "idcard")->sensitive);
  g_assert_false (gk_field_lookup_column (table, "name")->sensitive);
  g_assert_cmpint (gk_field_lookup_column (table, "area")->kind, ==, GK_FIELD_DECIMAL);

  item = gk_catalog_lookup_item (catalog, "procurement.result");
  table = gk_schema_lookup_field (gk_item_get_schema (item), "suppliers");
  g_assert_cmpint (gk_field_lookup_column (table, "uscc")->kind, ==, GK_FIELD_USCC);
  g_assert_cmpint (gk_field_lookup_column (table, "amount")->kind, ==, GK_FIELD_MONEY);
  g_assert_cmpint (find_label (item, "采购方式")->choices->len, ==, 6);

  item = gk_catalog_lookup_item (catalog, "procurement.contract");
  g_assert_cmpint (find_label (item, "合同编号")->kind, ==, GK_FIELD_TEXT);
  g_assert_cmpint (find_label (item, "合同金额")->kind, ==, GK_FIELD_MONEY);
  g_assert_cmpint (find_label (item, "合同签订日期")->kind, ==, GK_FIELD_DATE);

  item = gk_catalog_lookup_item (catalog, "bidding.contract");
  find_label (item, "合同编号");
  g_assert_cmpint (find_label (item, "合同金额")->kind, ==, GK_FIELD_MONEY);
  g_assert_cmpint (find_label (item, "结算金额")->kind, ==, GK_FIELD_MONEY);
  g_assert_cmpint (find_label (item, "签署时间")->kind, ==, GK_FIELD_DATE);
  find_label (item, "合同期限");
  find_label (item, "履约变更");
  g_assert_cmpint (find_label (item, "完成时间")->kind, ==, GK_FIELD_DATE);

  item = gk_catalog_lookup_item (catalog, "bidding.approval");
  g_assert_cmpint (find_label (item, "投资项目统一代码")->kind, ==, GK_FIELD_PROJECTCODE);
  g_assert_true (find_label (item, "投资项目统一代码")->required);

  item = gk_catalog_lookup_item (catalog, "bidding.notice");
  find_label (item, "招标条件");
  find_label (item, "项目概况与招标范围");
  find_label (item, "投标人资格要求");
  find_label (item, "招标文件获取");
  find_label (item, "投标文件递交");

  item = gk_catalog_lookup_item (catalog, "blacklist.entry");
  {
    static const char * const labels[] = {
      "主体名称", "主体代码（统一社会信用代码）", "身份证号（自然人）", "主体类别", "处罚原因", "处罚日期", "处罚部门",
      "处理文件文号", "限制行为", "期限（起）", "期限（止）", "是否撤销", "推送信用石家庄日期", NULL,
    };

    for (guint i = 0; labels[i] != NULL; i++)
      find_label (item, labels[i]);
    g_assert_cmpint (find_label (item, "主体代码（统一社会信用代码）")->kind, ==, GK_FIELD_USCC);
    g_assert_true (find_label (item, "身份证号（自然人）")->sensitive);
    g_assert_false (find_label (item, "主体名称")->sensitive);
  }

  item = gk_catalog_lookup_item (catalog, "housing-construction.annual-plan");
  find_label (item, "建设计划任务量（套）");
  g_assert_cmpint (find_label (item, "计划项目信息")->kind, ==, GK_FIELD_TABLE);
  g_assert_cmpint (find_label (item, "计划户型")->kind, ==, GK_FIELD_TABLE);
  item = gk_catalog_lookup_item (catalog, "housing-construction.progress");
  find_label (item, "计划任务完成进度");
  find_label (item, "已开工项目基本信息");
  find_label (item, "已竣工项目基本信息");
  find_label (item, "配套设施建设情况");
}

static void
assert_chain (GkCatalog          *catalog,
              const char         *project_kind,
              const char * const *expected)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (guint order = 1; order < 100; order++)
    for (guint i = 0; i < catalog->items->len; i++)
      {
        GkItem *item = g_ptr_array_index (catalog->items, i);

        if (g_strcmp0 (gk_item_get_project_kind (item), project_kind) == 0 && gk_item_get_stage (item) == (int) order)
          g_ptr_array_add (chain, item);
      }

  assert_item_names (chain, expected);
}

static void
test_lifecycle (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();

  assert_chain (catalog, "tender", (const char *[]) {
    "审批核准备案信息", "招标公告", "资格审查结果", "交易过程信息", "中标候选人", "中标结果", "合同订立及履行",
    "更正公告", NULL });
  assert_chain (catalog, "procurement", (const char *[]) {
    "采购项目预算金额", "采购项目公告", "采购文件", "资格审查结果", "交易过程信息", "采购结果", "采购合同",
    "更正公告", NULL });
  assert_chain (catalog, "housing", (const char *[]) {
    "年度建设计划", "建设计划完成情况", "分配房源", "分配对象", "分配过程", "分配结果", NULL });

  g_assert_true (gk_item_get_stage_required (gk_catalog_lookup_item (catalog, "bidding.result")));
  g_assert_false (gk_item_get_stage_required (gk_catalog_lookup_item (catalog, "bidding.approval")));
  g_assert_null (gk_item_get_project_kind (gk_catalog_lookup_item (catalog, "procurement.complaint-decision")));
  g_assert_cmpint (gk_item_get_stage (gk_catalog_lookup_item (catalog, "procurement.complaint-decision")), ==, 0);

  g_assert_cmpstr (gk_catalog_lookup_project_kind (catalog, "tender")->code_label, ==, "招标项目编号");
  g_assert_cmpstr (gk_catalog_lookup_project_kind (catalog, "procurement")->code_label, ==, "采购项目编号");
  g_assert_nonnull (gk_catalog_lookup_project_kind (catalog, "housing"));
}

static void
test_units_channels (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const char * const units[] = {
    "区住建局", "区财政局", "区发改局", "区农办", "区园林局", "区卫计局", "区审计局", "区网络中心",
    "长安国土分局", "长安环保分局", "长安国税分局", "长安地税分局", "区政府办公室（区政务公开办公室）",
    "建北街道", "青园街道", "广安街道", "育才街道", "跃进街道", "河东街道", "长丰街道", "谈固街道",
    "中山东路街道", "阜康街道", "建安街道", "胜北街道", "西兆通镇", "南村镇", "高营镇", "桃园镇", "各街镇",
    NULL,
  };
  /* Not streets or towns of 长安区, and roles rather than departments. */
  static const char * const not_units[] = {
    "西兴街道", "采购人", "采购代理机构", "招标人", "招标代理机构", NULL,
  };
  guint n_streets = 0, n_towns = 0;
  static const char * const channels[] = {
    "政府门户网站", "政务微博", "政务微信", "新闻媒体", "政务客户端", "石家庄市公共资源交易平台",
    "河北政府采购网", "石家庄市招标投标公共服务平台", "信用石家庄", NULL,
  };
  g_autofree char *names = NULL;

  for (guint i = 0; units[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < catalog->units->len && !found; j++)
        found = g_str_equal (((GkCatalogUnit *) g_ptr_array_index (catalog->units, j))->name, units[i]);
      if (!found)
        g_error ("no unit %s", units[i]);
    }
  for (guint i = 0; not_units[i] != NULL; i++)
    for (guint j = 0; j < catalog->units->len; j++)
      g_assert_cmpstr (((GkCatalogUnit *) g_ptr_array_index (catalog->units, j))->name, !=, not_units[i]);
  /* 12 街道 and 4 镇, no more. */
  for (guint j = 0; j < catalog->units->len; j++)
    {
      const GkCatalogUnit *unit = g_ptr_array_index (catalog->units, j);

      n_streets += g_strcmp0 (unit->kind, "street") == 0;
      n_towns += g_strcmp0 (unit->kind, "town") == 0;
    }
  g_assert_cmpuint (n_streets, ==, 12);
  g_assert_cmpuint (n_towns, ==, 4);

  for (guint i = 0; channels[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < catalog->channels->len && !found; j++)
        found = g_str_equal (((GkCatalogTerm *) g_ptr_array_index (catalog->channels, j))->name, channels[i]);
      if (!found)
        g_error ("no channel %s", channels[i]);
    }

  /* An item holds the names of its units and channels, as the ledger does. */
  g_assert_cmpstrv (gk_item_get_units (gk_catalog_lookup_item (catalog, "housing-allocation.result")),
                    ((const char *[]) { "区住建局", "各街镇", NULL }));
  names = gk_catalog_dup_unit_names (catalog, (const char *[]) { "housing", "towns-streets", NULL });
  g_assert_cmpstr (names, ==, "区住建局、各街镇");
  g_clear_pointer (&names, g_free);
  names = gk_catalog_dup_channel_names (catalog, (const char *[]) { "portal", "credit-sjz", "unknown", NULL });
  g_assert_cmpstr (names, ==, "政府门户网站、信用石家庄、unknown");
  g_clear_pointer (&names, g_free);

  /* Domains name their default units. */
  names = gk_catalog_dup_unit_names (catalog, (const char * const *) gk_catalog_lookup_domain (catalog, "procurement")->units);
  g_assert_cmpstr (names, ==, "区财政局");
  g_assert_cmpstr (gk_catalog_lookup_unit (catalog, "towns-streets")->kind, ==, "group");
}

/* DOMAIN.md §2 */
static void
test_exemptions (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const struct {
    const char *key;
    const char *article;
    const char *outcome;
  } expected[] = {
    { "state-secret", "第十四条", "withheld-state-secret" },
    { "prohibited-by-law", "第十四条", "withheld-prohibited" },
    { "three-security-one-stability", "第十四条", "withheld-security" },
    { "trade-secret", "第十五条", "withheld-third-party" },
    { "personal-privacy", "第十五条", "withheld-third-party" },
    { "internal-affairs", "第十六条第一款", "withheld-internal" },
    { "process-information", "第十六条第二款", "withheld-process" },
    { "enforcement-files", "第十六条第二款", "withheld-enforcement" },
  };

  g_assert_cmpuint (catalog->exemptions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GkCatalogExemption *exemption = g_ptr_array_index (catalog->exemptions, i);

      g_assert_cmpstr (exemption->key, ==, expected[i].key);
      g_assert_cmpstr (exemption->article, ==, expected[i].article);
      g_assert_cmpstr (exemption->outcome, ==, expected[i].outcome);
      g_assert_nonnull (gk_catalog_lookup_outcome (catalog, exemption->outcome));
    }
  g_assert_nonnull (strstr (gk_catalog_lookup_exemption (catalog, "state-secret")->text, "国家秘密"));
  g_assert_nonnull (strstr (gk_catalog_lookup_exemption (catalog, "three-security-one-stability")->text,
                            "国家安全、公共安全、经济安全、社会稳定"));
  g_assert_nonnull (strstr (gk_catalog_lookup_exemption (catalog, "process-information")->text, "请示报告"));
}

/* DOMAIN.md §3, cell for cell. */
static void
test_request_tables (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const char * const applicant_names[] = {
    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", NULL,
  };
  static const char * const applicant_keys[] = {
    "natural-person", "business", "research", "public-welfare", "legal-service", "other", NULL,
  };
  static const struct {
    const char *key;
    const char *group;
    const char *label;
  } outcomes[] = {
    { "disclosed", NULL, "（一）予以公开" },
    { "partly-disclosed", NULL, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
    { "withheld-state-secret", "（三）不予公开", "1.属于国家秘密" },
    { "withheld-prohibited", "（三）不予公开", "2.其他法律行政法规禁止公开" },
    { "withheld-security", "（三）不予公开", "3.危及“三安全一稳定”" },
    { "withheld-third-party", "（三）不予公开", "4.保护第三方合法权益" },
    { "withheld-internal", "（三）不予公开", "5.属于三类内部事务信息" },
    { "withheld-process", "（三）不予公开", "6.属于四类过程性信息" },
    { "withheld-enforcement", "（三）不予公开", "7.属于行政执法案卷" },
    { "withheld-inquiry", "（三）不予公开", "8.属于行政查询事项" },
    { "unavailable-not-held", "（四）无法提供", "1.本机关不掌握相关政府信息" },
    { "unavailable-needs-creation", "（四）无法提供", "2.没有现成信息需要另行制作" },
    { "unavailable-unclear", "（四）无法提供", "3.补正后申请内容仍不明确" },
    { "not-handled-petition", "（五）不予处理", "1.信访举报投诉类申请" },
    { "not-handled-repeated", "（五）不予处理", "2.重复申请" },
    { "not-handled-publication", "（五）不予处理", "3.要求提供公开出版物" },
    { "not-handled-excessive", "（五）不予处理", "4.无正当理由大量反复申请" },
    { "not-handled-confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息" },
    { "other-no-correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" },
    { "other-no-fee", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" },
    { "other-other", "（六）其他处理", "3.其他" },
  };
  const GkCatalogRequestReport *report = &catalog->request_report;

  assert_names (catalog->applicant_types, G_STRUCT_OFFSET (GkCatalogTerm, name), applicant_names);
  assert_names (catalog->applicant_types, G_STRUCT_OFFSET (GkCatalogTerm, key), applicant_keys);
  g_assert_null (((GkCatalogTerm *) g_ptr_array_index (catalog->applicant_types, 0))->group);
  for (guint i = 1; i < catalog->applicant_types->len; i++)
    g_assert_cmpstr (((GkCatalogTerm *) g_ptr_array_index (catalog->applicant_types, i))->group, ==, "法人或其他组织");

  /* 21 outcome rows; with 一, 二, （七）总计 and 四 the table's 25. */
  g_assert_cmpuint (catalog->outcomes->len, ==, G_N_ELEMENTS (outcomes));
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      const GkCatalogTerm *outcome = g_ptr_array_index (catalog->outcomes, i);
      const GkCatalogTerm *group = NULL;

      g_assert_cmpstr (outcome->key, ==, outcomes[i].key);
      g_assert_cmpstr (outcome->name, ==, outcomes[i].label);
      for (guint j = 0; outcome->group != NULL && j < catalog->outcome_groups->len; j++)
        if (g_str_equal (((GkCatalogTerm *) g_ptr_array_index (catalog->outcome_groups, j))->key, outcome->group))
          group = g_ptr_array_index (catalog->outcome_groups, j);
      g_assert_cmpstr (group != NULL ? group->name : NULL, ==, outcomes[i].group);
    }
  g_assert_cmpuint (catalog->outcome_groups->len, ==, 4);

  g_assert_cmpstr (report->balance_note, ==, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  g_assert_cmpstr (report->applicants, ==, "申请人情况");
  g_assert_cmpstr (report->organisations, ==, "法人或其他组织");
  g_assert_cmpstr (report->sum, ==, "总计");
  g_assert_cmpstr (report->received, ==, "一、本年新收政府信息公开申请数量");
  g_assert_cmpstr (report->carried_in, ==, "二、上年结转政府信息公开申请数量");
  g_assert_cmpstr (report->results, ==, "三、本年度办理结果");
  g_assert_cmpstr (report->total, ==, "（七）总计");
  g_assert_cmpstr (report->carried_over, ==, "四、结转下年度继续办理");

  /* 四: 行政复议, then 行政诉讼 in two groups, each with these results. */
  assert_names (catalog->case_kinds, G_STRUCT_OFFSET (GkCatalogTerm, name),
                (const char *[]) { "行政复议", "未经复议直接起诉", "复议后起诉", NULL });
  g_assert_null (((GkCatalogTerm *) g_ptr_array_index (catalog->case_kinds, 0))->group);
  g_assert_cmpstr (((GkCatalogTerm *) g_ptr_array_index (catalog->case_kinds, 1))->group, ==, "行政诉讼");
  assert_names (catalog->case_results, G_STRUCT_OFFSET (GkCatalogTerm, name),
                (const char *[]) { "结果维持", "结果纠正", "其他结果", "尚未审结", NULL });
}

static void
assert_choice_values (const GkField *field,
                      GPtrArray     *terms)
{
  g_assert_nonnull (field);
  g_assert_cmpint (field->kind, ==, GK_FIELD_CHOICE);
  g_assert_cmpuint (field->choices->len, ==, terms->len);
  for (guint i = 0; i < terms->len; i++)
    g_assert_cmpstr (((GkChoice *) g_ptr_array_index (field->choices, i))->value, ==,
                     *(const char **) g_ptr_array_index (terms, i));
}

/* The request and case field sets store the keys the annual report counts by. */
static void
test_request_fields (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonNode) values = NULL;

  g_assert_nonnull (catalog->request_schema);
  assert_choice_values (gk_schema_lookup_field (catalog->request_schema, "applicant_type"), catalog->applicant_types);
  assert_choice_values (gk_schema_lookup_field (catalog->request_schema, "outcome"), catalog->outcomes);
  assert_choice_values (gk_schema_lookup_field (catalog->request_schema, "exemption"), catalog->exemptions);
  assert_choice_values (gk_schema_lookup_field (catalog->case_schema, "case_kind"), catalog->case_kinds);
  assert_choice_values (gk_schema_lookup_field (catalog->case_schema, "result"), catalog->case_results);
  g_assert_true (gk_schema_lookup_field (catalog->request_schema, "applicant_name")->sensitive);
  g_assert_true (gk_schema_lookup_field (catalog->request_schema, "received_date")->required);
  g_assert_cmpint (gk_schema_lookup_field (catalog->request_schema, "events")->kind, ==, GK_FIELD_TABLE);

  values = json_from_string ("{\"received_date\": \"2025-03-07\", \"receipt_channel\": \"internet\","
                             " \"applicant_type\": \"natural-person\", \"applicant_name\": \"张三\","
                             " \"content\": \"2024年公租房分配结果\","
                             " \"events\": [{\"kind\": \"extension\", \"date\": \"2025-04-01\", \"workdays\": 20}],"
                             " \"outcome\": \"withheld-third-party\", \"exemption\": \"personal-privacy\"}", NULL);
  issues = gk_schema_validate (catalog->request_schema, values);
  g_assert_cmpuint (issues->len, ==, 0);
}

/* A realistic record of one item of every domain validates and masks. */
static void
test_sample_records (void)
{
  g_autoptr(GkCatalog) catalog = load_default ();
  static const struct {
    const char *item;
    const char *values;
  } records[] = {
    { "housing-construction.annual-plan",
      "{\"plan_year\": 2025, \"task_units\": 300, \"projects\": [{\"name\": \"南村镇公租房\", \"units\": 300,"
      " \"housing_type\": \"公共租赁住房\", \"investment\": 1200000000, \"planned_start\": \"2025-04-01\"}]}" },
    { "housing-allocation.result",
      "{\"project_name\": \"2025年第一批公租房\", \"publicity_start\": \"2025-03-10\", \"publicity_end\": \"2025-03-16\","
      " \"results\": [{\"no\": 1, \"name\": \"张三\", \"idcard\": \"11010519491231002X\", \"household_size\": 3,"
      " \"location\": \"青园街道1号楼101\", \"layout\": \"两室一厅\", \"area\": \"60.50\"}]}" },
    { "procurement.result",
      "{\"project_no\": \"CAQ-2025-001\", \"project_name\": \"办公设备采购\", \"method\": \"公开招标\","
      " \"award_date\": \"2025-03-07\", \"suppliers\": [{\"name\": \"某某科技有限公司\","
      " \"uscc\": \"91310110666007217T\", \"amount\": 123456}]}" },
    { "bidding.candidates",
      "{\"tender_no\": \"T2025-01\", \"project_name\": \"道路改造工程\", \"report_date\": \"2025-03-03\","
      " \"evaluation\": \"经评审……\", \"publicity_start\": \"2025-03-05\", \"publicity_end\": \"2025-03-07\","
      " \"objection\": \"书面向招标人提出\", \"candidates\": ["
      " {\"rank\": 1, \"name\": \"甲公司\", \"uscc\": \"91110000600037341L\", \"bid_price\": 98765432, \"manager\": \"王五\"},"
      " {\"rank\": 2, \"name\": \"乙公司\", \"uscc\": \"91350100M0001TGQXM\", \"bid_price\": 99765432, \"manager\": \"赵六\"}]}" },
    { "blacklist.entry",
      "{\"subject_name\": \"李四\", \"person_id\": \"360426199101010071\", \"subject_category\": \"自然人\","
      " \"reason\": \"隐瞒收入骗取公共租赁住房\", \"penalty_date\": \"2025-01-15\", \"authority\": \"区住建局\","
      " \"restrictions\": \"五年内不得申请保障性住房\", \"revoked\": \"否\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      GkItem *item = gk_catalog_lookup_item (catalog, records[i].item);
      g_autoptr(JsonNode) values = json_from_string (records[i].values, NULL);
      g_autoptr(GPtrArray) issues = gk_schema_validate (gk_item_get_schema (item), values);
      g_autoptr(JsonNode) masked = gk_schema_mask_values (gk_item_get_schema (item), values, NULL);
      g_autofree char *published = json_to_string (masked, FALSE);

      for (guint j = 0; j < issues->len; j++)
        {
          g_autofree char *text = gk_issue_format (g_ptr_array_index (issues, j), gk_item_get_schema (item));
          g_test_message ("%s: %s", gk_item_get_key (item), text);
        }
      /* The pilot credit code is the only (warning) issue. */
      g_assert_cmpint (gk_issues_get_severity (issues), <=, GK_SEVERITY_WARNING);
      g_assert_cmpuint (issues->len, ==, g_str_equal (gk_item_get_key (item), "bidding.candidates") ? 1 : 0);

      /* No full ID number leaves in a public output. */
      g_assert_null (strstr (published, "11010519491231002X"));
      g_assert_null (strstr (published, "360426199101010071"));
    }
}

static void
test_file_matches_resource (void)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GkCatalog) from_file = NULL;
  g_autoptr(GkCatalog) from_resource = load_default ();
  g_autoptr(GError) error = NULL;

  if (root == NULL)
    {
      g_test_skip ("GK_SOURCE_ROOT is not set");
      return;
    }

  path = g_build_filename (root, "data", "catalog", "default-catalog.json", NULL);
  from_file = gk_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_file->items->len, ==, from_resource->items->len);
}

/* The catalog JSON with one change made by @edit. */
static char *
edited_catalog (void (*edit) (JsonObject *root))
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (GK_CATALOG_DEFAULT_RESOURCE, 0, NULL);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);

  edit (json_node_get_object (root));
  return json_to_string (root, FALSE);
}

static JsonObject *
first_item (JsonObject *root)
{
  return json_array_get_object_element (json_object_get_array_member (root, "items"), 0);
}

static void edit_newer (JsonObject *root) { json_object_set_int_member (root, "format", GK_CATALOG_FORMAT + 1); }
static void edit_unknown_key (JsonObject *root) { json_object_set_string_member (root, "itmes", "x"); }
static void edit_bad_rule (JsonObject *root) { json_object_set_string_member (first_item (root), "deadline_rule", "weeks:3"); }
static void edit_bad_start (JsonObject *root) { json_object_set_string_member (first_item (root), "deadline_rule", "decision from:nothing"); }
static void edit_bad_unit (JsonObject *root)
{
  JsonArray *units = json_array_new ();

  json_array_add_string_element (units, "mayor");
  json_object_set_array_member (first_item (root), "units", units);
}
static void edit_bad_domain (JsonObject *root) { json_object_set_string_member (first_item (root), "domain", "request"); }
static void edit_bad_fields (JsonObject *root)
{
  json_object_set_string_member (first_item (root), "fields", "budget");
}
static void edit_duplicate (JsonObject *root)
{
  JsonArray *items = json_object_get_array_member (root, "items");

  json_array_add_element (items, json_node_copy (json_array_get_element (items, 0)));
}
static void edit_item_typo (JsonObject *root) { json_object_set_string_member (first_item (root), "suprevision", "x"); }
static void edit_bad_outcome (JsonObject *root)
{
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "exemptions"), 0),
                                 "outcome", "nope");
}

static void
test_invalid (void)
{
  static const struct {
    void (*edit) (JsonObject *root);
    int code;
    const char *message_part;
  } cases[] = {
    { edit_newer, GK_CATALOG_ERROR_NEWER_FORMAT, NULL },
    { edit_unknown_key, GK_CATALOG_ERROR_INVALID, "itmes" },
    { edit_bad_rule, GK_CATALOG_ERROR_INVALID, "weeks:3" },
    { edit_bad_start, GK_CATALOG_ERROR_INVALID, "nothing" },
    { edit_bad_unit, GK_CATALOG_ERROR_INVALID, "mayor" },
    { edit_bad_domain, GK_CATALOG_ERROR_INVALID, "request" },
    { edit_bad_fields, GK_CATALOG_ERROR_INVALID, "array" },
    { edit_duplicate, GK_CATALOG_ERROR_INVALID, "twice" },
    { edit_item_typo, GK_CATALOG_ERROR_INVALID, "suprevision" },
    { edit_bad_outcome, GK_CATALOG_ERROR_INVALID, "nope" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = edited_catalog (cases[i].edit);
      g_autoptr(GError) error = NULL;
      g_autoptr(GkCatalog) catalog = gk_catalog_new_from_data (json, -1, &error);

      g_assert_null (catalog);
      g_assert_error (error, GK_CATALOG_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message_part);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (gk_catalog_new_from_data ("{", -1, &error));
    g_assert_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_PARSE);
    g_clear_error (&error);
    g_assert_null (gk_catalog_new_from_data ("", -1, &error));
    g_assert_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_PARSE);
    g_clear_error (&error);
    g_assert_null (gk_catalog_new_from_data ("[]", -1, &error));
    g_assert_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_item_copy (void)
{
  g_auto(GStrv) units = NULL;
  guint notified = 0;
  g_autoptr(GkCatalog) catalog = load_default ();
  GkItem *item = gk_catalog_lookup_item (catalog, "procurement.result");
  g_autoptr(GkItem) copy = gk_item_copy (item);

  g_assert_cmpstr (gk_item_get_key (copy), ==, gk_item_get_key (item));
  g_assert_cmpstr (gk_item_get_level1 (copy), ==, "采购信息");
  g_assert_true (gk_item_get_schema (copy) == gk_item_get_schema (item));
  g_assert_cmpstr (gk_item_get_basis (copy)[1], ==, gk_item_get_basis (item)[1]);
  g_assert_cmpstr (gk_item_get_project_kind (copy), ==, "procurement");
  g_assert_cmpint (gk_item_get_stage (copy), ==, gk_item_get_stage (item));
  g_assert_true (gk_item_equal (copy, item));

  /* Edits go to the copy only, and say so once (a list row binds to them). */
  g_signal_connect (copy, "notify::level2", G_CALLBACK (count_notify_cb), &notified);
  gk_item_set_level2 (copy, "采购结果（修订）");
  gk_item_set_level2 (copy, "采购结果（修订）");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (gk_item_get_level2 (item), !=, "采购结果（修订）");
  g_assert_false (gk_item_equal (copy, item));
  g_object_get (copy, "units", &units, NULL);
  g_assert_cmpstrv (units, gk_item_get_units (item));
}

static void
count_signal_cb (gpointer  instance,
                 guint    *count)
{
  (*count)++;
}

/* What the catalog editor does to an item, through the store and a reopen
 * of the ledger: the item's texts, its rule (and the due dates it moves),
 * its channels and its fields renamed, reordered, retired and added. */
static void
test_edit_item_in_store (GkTestLedger  *ledger,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *path = ledger->path;
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GkItem) edited = NULL;
  g_autoptr(GkItem) reread = NULL;
  g_autoptr(GkSchema) schema = NULL;
  g_autofree char *fields = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkRecord) stored = NULL;
  g_auto(GStrv) taken = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *due_before = NULL;
  g_autofree char *values_before = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *last_id = NULL;
  const GkField *added;
  guint n_fields, catalog_changes = 0;
  static const char * const new_channels[] = { "政府门户网站", "政务微信", "区政务服务中心公示栏", NULL };

  store = g_steal_pointer (&ledger->store);
  g_signal_connect (store, "catalog-changed", G_CALLBACK (count_signal_cb), &catalog_changes);

  item = gk_store_get_item (store, "procurement.notice", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_item_get_deadline_rule (item), ==, "proactive");
  /* The editor edits a copy of the schema: the item's is shared. */
  fields = gk_schema_to_json (gk_item_get_schema (item), FALSE);
  schema = gk_schema_new_from_json (fields, &error);
  g_assert_no_error (error);
  n_fields = gk_schema_get_n_fields (schema);
  g_assert_cmpuint (n_fields, >=, 3);
  first_id = g_strdup (gk_schema_get_field (schema, 0)->id);
  second_id = g_strdup (gk_schema_get_field (schema, 1)->id);
  last_id = g_strdup (gk_schema_get_field (schema, n_fields - 1)->id);

  /* A record with a value in the field to retire, and a key no field has. */
  record = gk_store_create_record (store, gk_item_get_key (item), "某采购项目公告", &error);
  g_assert_no_error (error);
  uuid = g_strdup (gk_record_get_uuid (record));
  {
    g_autofree char *values = g_strdup_printf ("{\"%s\": \"旧值\", \"field_4\": \"导入的值\"}", second_id);

    g_assert_true (gk_record_set_values_json (record, values, NULL));
  }
  gk_record_set_formed_on (record, "2024-03-01");
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
  g_clear_object (&record);
  record = gk_store_get_record (store, uuid, &error);
  due_before = g_strdup (gk_record_get_due_on (record));
  values_before = gk_record_dup_values_json (record);
  g_assert_nonnull (due_before);

  /* The editor's work. */
  taken = gk_store_list_item_value_keys (store, gk_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) taken, "field_4"));
  g_assert_true (gk_schema_rename_field (schema, first_id, "公告项目编号", &error));
  g_assert_true (gk_schema_set_field_retired (schema, second_id, TRUE, &error));
  g_assert_true (gk_schema_move_field (schema, last_id, 0, &error));
  added = gk_schema_append_field (schema, "公告发布媒介", GK_FIELD_TEXT, (const char * const *) taken, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->id, ==, "field_5");

  edited = gk_item_copy (item);
  gk_item_set_schema (edited, schema);
  gk_item_set_level2 (edited, "采购项目公告（修订）");
  /* A proactive item always has a deadline (条例 第二十六条). */
  gk_item_set_deadline_rule (edited, GK_ITEM_RULE_NONE);
  g_assert_false (gk_store_save_item (store, edited, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (catalog_changes, ==, 0);

  rule = gk_item_rule_build (GK_ITEM_RULE_CHOICE_WORKDAYS, 5);
  gk_item_set_deadline_rule (edited, rule);
  gk_item_set_channels (edited, new_channels);
  gk_item_set_supervision (edited, "区财政局监督电话 0311-00000000");
  g_assert_true (gk_store_save_item (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (catalog_changes, ==, 1);
  g_assert_cmpint (gk_item_get_id (edited), ==, gk_item_get_id (item));
  /* The item read before stays as it was; the store hands out the saved one. */
  g_assert_cmpstr (gk_item_get_level2 (item), ==, "采购项目公告");
  reread = gk_store_get_item (store, "procurement.notice", &error);
  g_assert_cmpstr (gk_item_get_level2 (reread), ==, "采购项目公告（修订）");
  g_clear_object (&reread);

  /* A name cannot be emptied. */
  gk_item_set_level2 (edited, "");
  g_assert_false (gk_store_save_item (store, edited, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (catalog_changes, ==, 1);

  /* The rule moved the due date, at once. */
  stored = gk_store_get_record (store, uuid, &error);
  g_assert_cmpstr (gk_record_get_due_on (stored), !=, due_before);
  g_clear_object (&stored);
  g_clear_object (&record);

  g_clear_pointer (&schema, gk_schema_unref);
  g_clear_object (&item);
  g_clear_object (&edited);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Reopened. */
  store = gk_test_open_store (path);
  reread = gk_store_get_item (store, "procurement.notice", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_item_get_level2 (reread), ==, "采购项目公告（修订）");
  g_assert_cmpstr (gk_item_get_deadline_rule (reread), ==, "workdays:5");
  g_assert_cmpstr (gk_item_get_supervision (reread), ==, "区财政局监督电话 0311-00000000");
  g_assert_cmpstrv (gk_item_get_channels (reread), new_channels);

  schema = gk_schema_ref (gk_item_get_schema (reread));
  g_assert_cmpuint (gk_schema_get_n_fields (schema), ==, n_fields + 1);
  g_assert_cmpstr (gk_schema_get_field (schema, 0)->id, ==, last_id);
  g_assert_cmpstr (gk_schema_get_field (schema, 1)->id, ==, first_id);
  g_assert_cmpstr (gk_schema_lookup_field (schema, first_id)->label, ==, "公告项目编号");
  g_assert_true (gk_schema_lookup_field (schema, second_id)->retired);
  g_assert_cmpstr (gk_schema_get_field (schema, n_fields)->id, ==, "field_5");
  g_assert_cmpstr (gk_schema_get_field (schema, n_fields)->label, ==, "公告发布媒介");

  /* The old value is still there, and still reads as it did. */
  record = gk_store_get_record (store, uuid, &error);
  g_assert_no_error (error);
  {
    g_autofree char *values_after = gk_record_dup_values_json (record);
    g_autofree char *shown = gk_field_format_value (gk_schema_lookup_field (schema, second_id),
                                                    gk_record_get_value (record, second_id));

    g_assert_cmpstr (values_after, ==, values_before);
    g_assert_cmpstr (shown, ==, "旧值");
  }
  g_assert_cmpstr (gk_record_get_due_on (record), !=, due_before);
  g_clear_object (&record);

  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add_func ("/catalog/domains", test_domains);
  g_test_add_func ("/catalog/items-per-domain", test_items_per_domain);
  g_test_add_func ("/catalog/items-complete", test_items_complete);
  g_test_add_func ("/catalog/deadline-rules", test_deadline_rules);
  g_test_add_func ("/catalog/item-fields", test_item_fields);
  g_test_add_func ("/catalog/lifecycle", test_lifecycle);
  g_test_add_func ("/catalog/units-channels", test_units_channels);
  g_test_add_func ("/catalog/exemptions", test_exemptions);
  g_test_add_func ("/catalog/request-tables", test_request_tables);
  g_test_add_func ("/catalog/request-fields", test_request_fields);
  g_test_add_func ("/catalog/sample-records", test_sample_records);
  g_test_add_func ("/catalog/file-matches-resource", test_file_matches_resource);
  g_test_add_func ("/catalog/invalid", test_invalid);
  g_test_add_func ("/catalog/item-copy", test_item_copy);
  g_test_add ("/catalog/edit-item-in-store", GkTestLedger, NULL, gk_test_ledger_set_up, test_edit_item_in_store,
              gk_test_ledger_tear_down);

  return g_test_run ();
}
