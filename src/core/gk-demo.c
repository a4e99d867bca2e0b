/* gk-demo.c: fills a ledger with sample records in every domain, item, status and year. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-calendar.h"
#include "gk-catalog.h"
#include "gk-demo.h"
#include "gk-report-figures.h"
#include "gk-schema.h"
#include "gk-settings.h"
#include "gk-store-private.h"
#include "gk-validate.h"

/* The sample spans these years; the end is fixed so a seed always gives the
 * same ledger, whatever the day it runs. */
#define FIRST_DAY "2022-01-04"
#define LAST_DAY  "2026-11-25"

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
};
static const char *given_names[] = {
  "建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "国华", "晓明", "文博", "雅静", "子轩", "欣怡", "振华", "玉梅", "立新",
  "红霞", "德胜", "淑珍", "俊杰", "慧敏",
};
static const char *company_stems[] = {
  "华建", "冀中", "长安", "恒信", "宏图", "正元", "鼎盛", "中诚", "燕赵", "广源", "同创", "博远", "天成", "润泽", "安信",
};
static const char *company_kinds[] = {
  "建筑工程有限公司", "建设集团有限公司", "工程咨询有限公司", "科技有限公司", "招标代理有限公司",
  "办公设备有限公司", "物业服务有限公司", "园林绿化工程有限公司", "市政工程有限公司", "信息技术股份有限公司",
};
static const char *places[] = {
  "建北街道", "青园街道", "广安街道", "南村镇", "跃进街道", "育才街道", "胜北街道", "谈固街道", "桃园镇", "长丰街道",
};
static const char *roads[] = {
  "中山东路", "建设北大街", "胜利北街", "体育北大街", "和平东路", "谈固大街", "青园街", "光华路", "育才街", "建华大街",
};
static const char *procurement_subjects[] = {
  "办公设备", "公务用车", "物业管理服务", "信息化系统运维服务", "校园安防设备", "道路保洁服务",
  "老旧小区改造设计服务", "政务云服务", "图书资料", "绿化养护服务",
};
static const char *works[] = {
  "道路改造工程", "老旧小区改造工程", "雨污分流改造工程", "公园提升改造工程", "学校教学楼建设工程",
  "社区服务中心建设工程", "供热管网改造工程", "背街小巷整治工程",
};
static const char *housing_names[] = {
  "公共租赁住房", "棚户区改造安置房", "保障性租赁住房", "经济适用住房", "人才公寓",
};

typedef struct
{
  GkStore *store;
  GRand *rand;
  GRand *uuid_salt;          /* NULL on an empty ledger; see gk_demo_fill() */
  GkCalendar *calendar;
  GPtrArray *items;          /* GkItem, active */
  GPtrArray *units;          /* GkUnit */
  GHashTable *chains;        /* project kind → GPtrArray of GkItem in stage order */
  GkCatalog *catalog;        /* the shipped catalog: exemption grounds */
  char *attachment_dir;
  GFile *attachment;         /* a sample file that some records carry */
  /* The record being made, so that its fields agree with each other. */
  const char *domain;
  char *project;
  const char *applicant_type;
  GDate first_day;
  int n_days;
  guint counter;
} Demo;

static const char *
pick (Demo         *demo,
      const char  **pool,
      guint         n)
{
  return pool[g_rand_int_range (demo->rand, 0, n)];
}
#define PICK(demo, pool) pick ((demo), (pool), G_N_ELEMENTS (pool))

static char *
random_uuid (Demo *demo)
{
  guint8 bytes[16];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (demo->rand, 0, 256);
  if (demo->uuid_salt != NULL)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] ^= g_rand_int_range (demo->uuid_salt, 0, 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                          bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
}

static char *
random_person (Demo *demo)
{
  return g_strconcat (PICK (demo, surnames), PICK (demo, given_names), NULL);
}

static char *
random_company (Demo *demo)
{
  return g_strconcat ("河北", PICK (demo, company_stems), PICK (demo, company_kinds), NULL);
}

/* A code that passes the GB 32100 check: 91 + 130102 (长安区) + 9 + check. */
static char *
random_uscc (Demo *demo)
{
  char code[19];

  g_snprintf (code, sizeof code, "91130102%09u", g_rand_int_range (demo->rand, 0, 999999999));
  for (int i = 8; i < 17; i++)
    if (code[i] == 'I' || code[i] == 'O')
      code[i] = '0';
  code[17] = gk_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

static char *
random_idcard (Demo *demo)
{
  char id[19];
  GDate birth;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, 1, 1950);
  g_date_add_days (&birth, g_rand_int_range (demo->rand, 0, 365 * 50));
  g_snprintf (id, sizeof id, "130102%04d%02d%02d%03d", g_date_get_year (&birth), g_date_get_month (&birth),
              g_date_get_day (&birth), g_rand_int_range (demo->rand, 1, 999));
  id[17] = gk_idcard_compute_check (id);
  id[18] = '\0';
  return g_strdup (id);
}

static const char *purchasers[] = {
  "石家庄市长安区教育局", "石家庄市长安区卫生健康局", "石家庄市长安区城市管理和综合执法局", "石家庄市长安区青园街道办事处",
  "石家庄市长安区人民医院", "石家庄市第四十中学", "石家庄市长安区民政局", "石家庄市长安区园林绿化中心",
};
static const char *agencies[] = {
  "河北中诚招标代理有限公司", "河北广源工程咨询有限公司", "河北正元项目管理有限公司", "河北博远招标有限公司",
};
static const char *notice_periods[] = {
  "5个工作日", "自公告发布之日起5个工作日", "3个工作日", "7个工作日",
};
static const char *categories[] = {
  "城镇低收入住房困难家庭", "城镇中等偏下收入住房困难家庭", "新就业无房职工", "外来务工人员",
};
static const char *acceptance_notes[] = {
  "已通过竣工验收", "已通过竣工验收并备案", "分户验收合格",
};
static const char *laws[] = {
  "《中华人民共和国政府采购法》第七十七条", "《中华人民共和国招标投标法》第五十四条",
  "《中华人民共和国政府采购法实施条例》第七十二条", "《中华人民共和国招标投标法实施条例》第六十八条",
};

/* The authority that decides in the record's domain. */
static const char *
authority (Demo *demo)
{
  if (g_strcmp0 (demo->domain, "procurement") == 0)
    return "石家庄市长安区财政局";
  if (g_strcmp0 (demo->domain, "bidding") == 0)
    return "石家庄市长安区发展和改革局";
  if (g_str_has_prefix (demo->domain != NULL ? demo->domain : "", "housing"))
    return "石家庄市长安区住房和城乡建设局";
  return "石家庄市长安区人民政府";
}

/* The project a record is about: its own project, or one made up for it. */
static const char *
subject_project (Demo *demo)
{
  if (demo->project == NULL)
    {
      if (g_strcmp0 (demo->domain, "procurement") == 0)
        demo->project = g_strdup_printf ("长安区%s%s采购项目", PICK (demo, places), PICK (demo, procurement_subjects));
      else if (g_str_has_prefix (demo->domain != NULL ? demo->domain : "", "housing"))
        demo->project = g_strdup_printf ("长安区%s%s项目", PICK (demo, places), PICK (demo, housing_names));
      else
        demo->project = g_strdup_printf ("长安区%s%s", PICK (demo, places), PICK (demo, works));
    }
  return demo->project;
}

/* A text value for a field of kind text, chosen by what its label asks
 * for; never the label itself. */
static char *
text_for_label (Demo        *demo,
                const char  *label,
                const GDate *formed,
                guint        row)
{
  int year = g_date_get_year (formed);

#define HAS(word) (strstr (label, (word)) != NULL)
  if (HAS ("身份证明"))
    return g_strcmp0 (demo->applicant_type, "natural-person") == 0 ? random_idcard (demo)
         : demo->applicant_type != NULL ? random_uscc (demo) : g_strdup ("");
  if (HAS ("申请人"))
    return g_strcmp0 (demo->applicant_type, "natural-person") == 0 || demo->applicant_type == NULL
         ? random_person (demo) : random_company (demo);
  if (HAS ("姓名") || HAS ("负责人") || HAS ("联系人"))
    return random_person (demo);
  if (HAS ("专家"))
    {
      g_autofree char *a = random_person (demo);
      g_autofree char *b = random_person (demo);
      g_autofree char *c = random_person (demo);

      return g_strdup_printf ("%s、%s、%s", a, b, c);
    }
  if (HAS ("位置") || HAS ("地址") || HAS ("地点"))
    return g_strdup_printf ("石家庄市长安区%s%d号", PICK (demo, roads), g_rand_int_range (demo->rand, 1, 300));
  if (HAS ("项目名称") || HAS ("批次）名称"))
    return g_strdup (subject_project (demo));
  if (HAS ("合同名称"))
    return g_strdup_printf ("%s合同", subject_project (demo));
  if (HAS ("采购文件名称"))
    return g_strdup_printf ("%s采购文件", subject_project (demo));
  if (HAS ("政策文件名称"))
    return g_strdup_printf ("长安区%s管理办法", PICK (demo, housing_names));
  if (HAS ("标段名称") || HAS ("包名称"))
    return g_strdup_printf ("%s第%u%s", subject_project (demo), row + 1, HAS ("标段") ? "标段" : "包");
  if (HAS ("包号") || HAS ("标段"))
    return g_strdup_printf (HAS ("包") && !HAS ("标段") ? "第%u包" : "第%u标段", row + 1);
  if (HAS ("代理"))
    return g_strdup (PICK (demo, agencies));
  if (HAS ("采购人") || HAS ("招标人") || HAS ("项目单位") || HAS ("建设单位") || HAS ("被检查单位"))
    return g_strdup (PICK (demo, purchasers));
  if (HAS ("机关") || HAS ("部门") || HAS ("法院"))
    return g_strdup (HAS ("法院") && demo->counter % 2 == 0 ? "石家庄市长安区人民法院" : authority (demo));
  if (HAS ("名称") || HAS ("供应商") || HAS ("中标人") || HAS ("主体") || HAS ("单位") || HAS ("投诉人"))
    return random_company (demo);
  if (HAS ("所在街道"))
    return g_strdup_printf ("%s%s社区", PICK (demo, places), PICK (demo, company_stems));
  if (HAS ("户型"))
    return g_strdup_printf ("%d室%d厅", g_rand_int_range (demo->rand, 1, 4), g_rand_int_range (demo->rand, 1, 3));
  if (HAS ("楼号"))
    return g_strdup_printf ("%d号楼", g_rand_int_range (demo->rand, 1, 12));
  if (HAS ("房号"))
    return g_strdup_printf ("%d单元%d%02d", g_rand_int_range (demo->rand, 1, 4), g_rand_int_range (demo->rand, 1, 19),
                            g_rand_int_range (demo->rand, 1, 5));
  if (HAS ("案号"))
    return g_strdup_printf ("（%d）冀0102行初%d号", year, g_rand_int_range (demo->rand, 1, 300));
  if (HAS ("文号"))
    return g_strdup_printf ("长%s〔%d〕%d号", authority (demo) + strlen ("石家庄市长安区"), year,
                            g_rand_int_range (demo->rand, 1, 120));
  if (HAS ("关联的"))
    return g_strdup_printf ("长政公申〔%d〕%d号", year, g_rand_int_range (demo->rand, 1, 80));
  if (HAS ("编号") || HAS ("证书"))
    return g_strdup_printf ("CA%04d-%05u", year, g_rand_int_range (demo->rand, 1, 99999));
  if (HAS ("公告期限"))
    return g_strdup (PICK (demo, notice_periods));
  if (HAS ("工期"))
    return g_strdup_printf ("%d日历天", 30 * g_rand_int_range (demo->rand, 2, 13));
  if (HAS ("规划期限"))
    return g_strdup_printf ("%d—%d年", year, year + 2);
  if (HAS ("期限"))
    return g_strdup_printf ("%d个月", 6 * g_rand_int_range (demo->rand, 1, 5));
  if (HAS ("依据"))
    return g_strdup (PICK (demo, laws));
  if (HAS ("保障类别"))
    return g_strdup (PICK (demo, categories));
  if (HAS ("竣工验收"))
    return g_strdup (PICK (demo, acceptance_notes));
  if (HAS ("租金"))
    return g_strdup_printf ("每月每平方米%d元", g_rand_int_range (demo->rand, 8, 16));
  if (HAS ("办理时间"))
    return g_strdup ("工作日上午9:00—12:00，下午13:30—17:00");
  if (HAS ("公证"))
    return g_strdup ("石家庄市长安区公证处现场公证，区纪委监委派员全程监督");
  if (HAS ("质量"))
    return g_strdup ("合格");
  if (HAS ("招标范围"))
    return g_strdup ("勘察、设计、施工、监理");
  if (HAS ("资格"))
    return g_strdup ("具备建筑工程施工总承包三级及以上资质");
  if (HAS ("主要标的"))
    return g_strdup (PICK (demo, procurement_subjects));
  return g_strdup ("详见附件");
#undef HAS
}

static void
random_date (Demo  *demo,
             GDate *date)
{
  *date = demo->first_day;
  g_date_add_days (date, g_rand_int_range (demo->rand, 0, demo->n_days));
}

static char *
date_after (Demo        *demo,
            const GDate *from,
            int          min_days,
            int          max_days)
{
  GDate date = *from;
  int days = g_rand_int_range (demo->rand, min_days, max_days + 1);

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return gk_date_format_iso (&date);
}

static void add_value (Demo *demo, JsonBuilder *builder, const GkField *field, const GDate *formed, guint row);

static void
add_table (Demo          *demo,
           JsonBuilder   *builder,
           const GkField *field,
           const GDate   *formed)
{
  guint n_rows = g_rand_int_range (demo->rand, 3, 9);

  json_builder_begin_array (builder);
  for (guint row = 0; field->columns != NULL && row < n_rows; row++)
    {
      json_builder_begin_object (builder);
      for (guint c = 0; c < field->columns->len; c++)
        {
          const GkField *column = g_ptr_array_index (field->columns, c);

          json_builder_set_member_name (builder, column->id);
          add_value (demo, builder, column, formed, row);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A plausible value for a field, guessed from its kind and its Chinese label. */
static void
add_value (Demo          *demo,
           JsonBuilder   *builder,
           const GkField *field,
           const GDate   *formed,
           guint          row)
{
  const char *label = field->label != NULL ? field->label : "";
  g_autofree char *text = NULL;

  switch (field->kind)
    {
    case GK_FIELD_MONEY:
      json_builder_add_int_value (builder, (gint64) g_rand_int_range (demo->rand, 50000, 50000000) * 100);
      return;
    case GK_FIELD_INTEGER:
      {
        gint64 low = field->has_min ? field->min : 1;
        gint64 high = field->has_max ? field->max : (strstr (label, "人口") != NULL ? 6 : 400);

        if (strstr (label, "序号") != NULL || strstr (label, "排序") != NULL || strstr (label, "排名") != NULL)
          json_builder_add_int_value (builder, CLAMP ((gint64) row + 1, low, high));
        else if (strstr (label, "年度") != NULL)
          json_builder_add_int_value (builder, g_date_get_year (formed) + (g_date_get_month (formed) >= G_DATE_OCTOBER));
        else
          json_builder_add_int_value (builder, low + g_rand_int_range (demo->rand, 0, (gint32) MAX (1, high - low + 1)));
      }
      return;
    case GK_FIELD_TABLE:
      add_table (demo, builder, field, formed);
      return;
    case GK_FIELD_DATE:
      /* A deadline a notice sets lies ahead of it; other dates led to it. */
      text = strstr (label, "截止时间") != NULL ? date_after (demo, formed, 20, 30) : date_after (demo, formed, -20, 0);
      break;
    case GK_FIELD_DATETIME:
      {
        /* Deadlines fall on the hour or half hour of a working morning. */
        g_autofree char *date = date_after (demo, formed, 20, 30);

        text = g_strdup_printf ("%sT%02d:%s", date, g_rand_int_range (demo->rand, 9, 12),
                                g_rand_boolean (demo->rand) ? "00" : "30");
      }
      break;
    case GK_FIELD_DECIMAL:
      text = g_strdup_printf ("%d.%0*d", g_rand_int_range (demo->rand, 40, 120), (int) MAX (field->decimals, 1),
                              g_rand_int_range (demo->rand, 0, field->decimals >= 2 ? 100 : 10));
      break;
    case GK_FIELD_CHOICE:
      {
        guint n = field->choices != NULL ? field->choices->len : 0;

        /* Cycling, not drawing: every choice (every request outcome) appears. */
        text = n > 0 ? g_strdup (((GkChoice *) g_ptr_array_index (field->choices, (demo->counter + row) % n))->value)
                     : g_strdup ("");
        /* The applicant's name and papers follow from their type. */
        if (g_strcmp0 (field->id, "applicant_type") == 0)
          demo->applicant_type = ((GkChoice *) g_ptr_array_index (field->choices, (demo->counter + row) % n))->value;
      }
      break;
    case GK_FIELD_USCC:
      text = random_uscc (demo);
      break;
    case GK_FIELD_IDCARD:
      text = random_idcard (demo);
      break;
    case GK_FIELD_ORGCODE:
      {
        char code[10];
        g_snprintf (code, sizeof code, "%08u", g_rand_int_range (demo->rand, 10000000, 99999999));
        code[8] = gk_orgcode_compute_check (code);
        code[9] = '\0';
        text = g_strdup (code);
      }
      break;
    case GK_FIELD_PROJECTCODE:
      text = g_strdup_printf ("%04d-130102-%02d-%02d-%06d", g_date_get_year (formed),
                              g_rand_int_range (demo->rand, 10, 99), g_rand_int_range (demo->rand, 1, 4),
                              g_rand_int_range (demo->rand, 1, 999999));
      break;
    case GK_FIELD_PHONE:
      text = g_strdup_printf ("13%d%08d", g_rand_int_range (demo->rand, 0, 10), g_rand_int_range (demo->rand, 0, 99999999));
      break;
    case GK_FIELD_URL:
      text = g_strdup_printf ("https://www.example.gov.cn/gk/%u.html", g_rand_int_range (demo->rand, 1000, 99999));
      break;
    case GK_FIELD_LONGTEXT:
      text = g_strdup_printf ("经%s研究，%s有关工作已按程序完成，现予公开。如有异议，请于公示期内向%s反映。",
                              ((GkUnit *) g_ptr_array_index (demo->units, g_rand_int_range (demo->rand, 0, demo->units->len)))->name,
                              subject_project (demo), PICK (demo, places));
      break;
    case GK_FIELD_TEXT:
    default:
      text = text_for_label (demo, label, formed, row);
      break;
    }

  json_builder_add_string_value (builder, text);
}

/* Sets @to to a date @min_days to @max_days after @from, when both fields
 * exist; FALSE when that date would be after the sample's last day. */
static gboolean
set_date_after (Demo       *demo,
                JsonObject *values,
                const char *from,
                const char *to,
                int         min_days,
                int         max_days)
{
  g_autofree char *end = NULL;
  GDate start;
  GDate last_day;

  g_date_clear (&start, 1);
  g_date_clear (&last_day, 1);
  if (!json_object_has_member (values, from) || !json_object_has_member (values, to) ||
      !gk_date_from_iso (json_object_get_string_member (values, from), &start, NULL))
    return TRUE;
  end = date_after (demo, &start, min_days, max_days);
  json_object_set_string_member (values, to, end);
  gk_date_from_iso (LAST_DAY, &last_day, NULL);
  g_date_add_days (&start, max_days);
  return g_date_compare (&start, &last_day) <= 0;
}

/* Fields that depend on each other: an end after its start, a decision
 * after the case was received, a person's papers for a person. */
static void
make_coherent (Demo       *demo,
               JsonObject *values)
{
  set_date_after (demo, values, "publicity_start", "publicity_end", 5, 10);
  set_date_after (demo, values, "period_start", "period_end", 365, 1095);
  set_date_after (demo, values, "decision_date", "ban_end", 365, 1095);
  set_date_after (demo, values, "decision_date", "valid_until", 365, 730);

  if (json_object_has_member (values, "decided_date"))
    {
      /* A case still open has no decision; one decided after the
       * sample ends is still open too. */
      if (g_strcmp0 (json_object_get_string_member_with_default (values, "result", ""), "pending") == 0 ||
          !set_date_after (demo, values, "received_date", "decided_date", 20, 60))
        {
          json_object_set_string_member (values, "result", "pending");
          json_object_remove_member (values, "decided_date");
        }
    }

  if (json_object_has_member (values, "subject_category") && json_object_has_member (values, "person_id"))
    {
      if (g_strcmp0 (json_object_get_string_member (values, "subject_category"), "自然人") == 0)
        {
          g_autofree char *name = random_person (demo);

          json_object_set_string_member (values, "subject_name", name);
          json_object_remove_member (values, "subject_code");
        }
      else
        json_object_remove_member (values, "person_id");
    }
}

static char *
make_fields (Demo         *demo,
             GkItem *item,
             const GDate  *formed)
{
  GkSchema *schema = gk_store_lookup_schema (demo->store, gk_item_get_id (item));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; schema != NULL && i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);

      if (field->retired)
        continue;
      json_builder_set_member_name (builder, field->id);
      add_value (demo, builder, field, formed, 0);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  make_coherent (demo, json_node_get_object (root));
  return json_to_string (root, FALSE);
}

/* The ground for withholding agrees with the outcome, as a clerk records
 * it: a 不予公开 outcome's own ground, any for a partial disclosure, none
 * otherwise. */
static void
set_request_ground (Demo     *demo,
                    GkRecord *record)
{
  JsonNode *node = json_object_get_member (gk_record_get_values (record), "outcome");
  const char *outcome = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

  gk_record_set_value (record, "exemption", NULL);
  if (g_strcmp0 (outcome, "partly-disclosed") == 0)
    {
      const GkCatalogExemption *ground = g_ptr_array_index (demo->catalog->exemptions,
                                                            g_rand_int_range (demo->rand, 0, demo->catalog->exemptions->len));

      gk_record_set_value_string (record, "exemption", ground->key);
      return;
    }
  for (guint i = 0; outcome != NULL && i < demo->catalog->exemptions->len; i++)
    {
      const GkCatalogExemption *ground = g_ptr_array_index (demo->catalog->exemptions, i);

      if (g_strcmp0 (ground->outcome, outcome) == 0)
        {
          gk_record_set_value_string (record, "exemption", ground->key);
          return;
        }
    }
}

/* A request's dates are its receipt and its reply; one in five was
 * corrected, extended or sent for consultation on the way. */
static void
set_request_dates (Demo        *demo,
                   GkRecord    *record,
                   const GDate *received)
{
  JsonArray *events = json_array_new ();
  g_autoptr(JsonNode) events_node = NULL;
  g_autofree char *received_on = gk_date_format_iso (received);

  gk_record_set_value_string (record, "received_date", received_on);
  if (demo->counter % 5 == 0)
    {
      static const char *kinds[][2] = {
        { "extension", NULL }, { "correction", "correction-received" }, { "consultation", "consultation-received" },
      };
      guint k = (demo->counter / 5) % G_N_ELEMENTS (kinds);
      JsonObject *row = json_object_new ();
      g_autofree char *start = date_after (demo, received, 2, 5);

      json_object_set_string_member (row, "kind", kinds[k][0]);
      json_object_set_string_member (row, "date", start);
      if (kinds[k][1] == NULL)
        json_object_set_int_member (row, "workdays", 20);
      json_array_add_object_element (events, row);
      if (kinds[k][1] != NULL)
        {
          g_autofree char *end = date_after (demo, received, 8, 14);

          row = json_object_new ();
          json_object_set_string_member (row, "kind", kinds[k][1]);
          json_object_set_string_member (row, "date", end);
          json_array_add_object_element (events, row);
        }
    }
  events_node = json_node_init_array (json_node_alloc (), events);
  json_array_unref (events);
  gk_record_set_value (record, "events", events_node);

  gk_record_set_value_string (record, "reply_date", gk_record_get_published_on (record));
  if (gk_record_get_published_on (record) == NULL)
    gk_record_set_value (record, "outcome", NULL);
  set_request_ground (demo, record);
}

/* One of the item's units that the ledger has, the first most often:
 * a unit name may stand for a role (采购人) that is no unit of the ledger. */
static gint64
unit_for_item (Demo   *demo,
               GkItem *item)
{
  const char * const *names = gk_item_get_units (item);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; names[i] != NULL; i++)
    {
      /* A unit that cannot be read now is left out; the insert that
       * follows reports a ledger that cannot be read. */
      gint64 id = gk_store_find_unit (demo->store, names[i], NULL);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return 0;
  if (g_rand_int_range (demo->rand, 0, 2) == 0)
    return g_array_index (ids, gint64, 0);
  return g_array_index (ids, gint64, g_rand_int_range (demo->rand, 0, ids->len));
}

/* A published record appeared on one to three of its channels, on the day
 * it was published or a day later, at a web address or a place. */
static gboolean
add_channels (Demo      *demo,
              GkItem    *item,
              GkRecord  *record,
              GError   **error)
{
  g_auto(GStrv) defaults = NULL;
  const char * const *names = gk_item_get_channels (item);
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);
  guint n_names;
  guint n;
  GDate published;

  if (names == NULL || names[0] == NULL)
    {
      defaults = gk_store_get_default_channels (demo->store, error);
      if (defaults == NULL)
        return FALSE;
      names = (const char * const *) defaults;
    }
  n_names = g_strv_length ((char **) names);
  if (n_names == 0)
    return TRUE;

  g_date_clear (&published, 1);
  gk_date_from_iso (gk_record_get_published_on (record), &published, NULL);
  n = (guint) g_rand_int_range (demo->rand, 1, 4);
  n = MIN (n_names, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *on = date_after (demo, &published, 0, i == 0 ? 0 : 1);
      g_autofree char *address = NULL;

      if (strstr (names[i], "网") != NULL || strstr (names[i], "平台") != NULL || strstr (names[i], "信用") != NULL)
        address = g_strdup_printf ("https://www.sjzca.gov.cn/col/%u/art/%s.html",
                                   g_rand_int_range (demo->rand, 1000, 9999), gk_record_get_uuid (record));
      else if (strstr (names[i], "微信") != NULL || strstr (names[i], "微博") != NULL || strstr (names[i], "客户端") != NULL)
        address = g_strdup_printf ("长安发布（%s）", names[i]);
      else
        address = g_strdup_printf ("长安区%s便民服务中心一楼", PICK (demo, places));
      g_ptr_array_add (channels, gk_record_channel_new (names[i], on, address));
    }

  return gk_store_set_record_channels (demo->store, gk_record_get_uuid (record), channels, NULL, error);
}

/* Status, dates and mode: most records published on time, some late, some
 * still open past their deadline, a few withdrawn or not to be disclosed. */
static gboolean
add_record (Demo         *demo,
            GkItem *item,
            gint64        project_id,
            const char   *project_name,
            const GDate  *formed,
            GError      **error)
{
  g_autoptr(GkRecord) record = gk_record_new ();
  g_autofree char *formed_on = gk_date_format_iso (formed);
  g_autofree char *basis = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  double roll = g_rand_double (demo->rand);
  GDate last_day;

  demo->counter++;
  demo->domain = gk_item_get_domain (item);
  demo->applicant_type = NULL;
  g_free (demo->project);
  demo->project = g_strdup (project_name);
  uuid = random_uuid (demo);
  gk_record_set_uuid (record, uuid);
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_project_id (record, project_id);
  gk_record_set_unit_id (record, unit_for_item (demo, item));
  created_at = g_strdup_printf ("%sT09:%02d:00+08:00", formed_on, demo->counter % 60);
  gk_record_set_formed_on (record, formed_on);
  gk_record_set_created_at (record, created_at);
  gk_record_set_updated_at (record, created_at);
  fields = make_fields (demo, item, formed);
  gk_record_set_values_json (record, fields, NULL);

  if (project_name != NULL)
    title = g_strdup_printf ("%s%s", project_name, gk_item_get_level2 (item));
  else
    title = g_strdup_printf ("%d年%s%s", g_date_get_year (formed), PICK (demo, places), gk_item_get_level2 (item));
  gk_record_set_title (record, title);
  basis = gk_item_dup_basis_text (item);
  body = g_strdup_printf ("根据%s的规定，现将%s有关情况公开如下。%s",
                          *basis != '\0' ? basis : "《中华人民共和国政府信息公开条例》",
                          title, gk_item_get_contents (item) != NULL ? gk_item_get_contents (item) : "");
  gk_record_set_body (record, body);
  if (g_rand_int_range (demo->rand, 0, 3) == 0)
    {
      g_autofree char *doc_no = g_strdup_printf ("长政公〔%d〕%d号", g_date_get_year (formed),
                                                 g_rand_int_range (demo->rand, 1, 200));

      gk_record_set_doc_no (record, doc_no);
    }

  g_date_clear (&last_day, 1);
  gk_date_from_iso (LAST_DAY, &last_day, NULL);

  if (g_strcmp0 (gk_item_get_domain (item), "request") == 0)
    {
      gk_record_set_mode (record, GK_MODE_ON_REQUEST);
    }
  else if (roll < 0.04)
    {
      gk_record_set_mode (record, GK_MODE_EXEMPT);
      const GkCatalogExemption *ground = g_ptr_array_index (demo->catalog->exemptions,
                                                            g_rand_int_range (demo->rand, 0, demo->catalog->exemptions->len));

      gk_record_set_exemption (record, ground->key);
      gk_record_set_exemption_reason (record, "涉及第三方合法权益，经征求意见不同意公开");
    }
  else if (roll < 0.07 && !gk_item_is_proactive (item))
    gk_record_set_mode (record, GK_MODE_ON_REQUEST);

  /* Publication: for proactive records 1–20 working days after formation,
   * one in ten late; requests are answered the same way. */
  if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_EXEMPT) != 0)
    {
      double fate = g_rand_double (demo->rand);
      int age = g_date_days_between (formed, &last_day);

      if (age > 40 ? fate < 0.95 : fate < 0.45)
        {
          GDate published;
          guint days = fate < 0.08 ? g_rand_int_range (demo->rand, 21, 40) : g_rand_int_range (demo->rand, 1, 21);

          gk_calendar_add_workdays (demo->calendar, formed, days, &published, NULL);
          if (g_date_compare (&published, &last_day) <= 0)
            {
              g_autofree char *published_on = gk_date_format_iso (&published);

              gk_record_set_published_on (record, published_on);
              gk_record_set_status (record,
                                    fate > 0.93 && age > 200 ? GK_STATUS_WITHDRAWN : GK_STATUS_PUBLISHED);
            }
        }
      if (gk_record_get_published_on (record) == NULL)
        gk_record_set_status (record, demo->counter % 3 != 0 ? GK_STATUS_DRAFT : GK_STATUS_PENDING);
    }
  else
    gk_record_set_status (record, roll < 0.02 ? GK_STATUS_DRAFT : GK_STATUS_PENDING);

  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) == 0)
    set_request_dates (demo, record, formed);

  if (!gk_store_insert_record (demo->store, record, TRUE, error))
    return FALSE;
  if (gk_record_get_published_on (record) != NULL && !add_channels (demo, item, record, error))
    return FALSE;
  if (demo->counter % 6 == 0)
    {
      g_autoptr(GkAttachment) attachment = gk_store_add_attachment (demo->store, record, demo->attachment, error);

      if (attachment == NULL)
        return FALSE;
    }

  return TRUE;
}

static char *
project_name (Demo       *demo,
              const char *kind,
              const GDate *formed)
{
  if (g_strcmp0 (kind, "procurement") == 0)
    return g_strdup_printf ("长安区%s%s采购项目", PICK (demo, places), PICK (demo, procurement_subjects));
  if (g_strcmp0 (kind, "tender") == 0)
    return g_strdup_printf ("长安区%s%s", PICK (demo, places), PICK (demo, works));
  return g_strdup_printf ("%d年%s%s项目", g_date_get_year (formed), PICK (demo, places), PICK (demo, housing_names));
}

static gboolean
add_project_chain (Demo        *demo,
                   const char  *kind,
                   GPtrArray   *chain,
                   guint        budget,
                   guint       *added,
                   GError     **error)
{
  g_autoptr(GkProject) project = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  GDate formed;
  guint length;

  random_date (demo, &formed);
  name = project_name (demo, kind, &formed);
  code = g_strdup_printf ("CA%s-%04d-%04u", g_strcmp0 (kind, "procurement") == 0 ? "CG" : g_strcmp0 (kind, "tender") == 0 ? "ZB" : "BZ",
                          g_date_get_year (&formed), demo->counter);
  project = gk_store_create_project (demo->store, kind, name, code,
                                     g_strcmp0 (kind, "tender") == 0 ? "2024-130102-48-01-000123" : "",
                                     0, error);
  if (project == NULL)
    return FALSE;

  /* Two chains in three are complete; the rest stop part of the way. */
  length = g_rand_int_range (demo->rand, 0, 3) == 0 ? (guint) g_rand_int_range (demo->rand, 1, chain->len + 1) : chain->len;
  length = MIN (length, budget);
  for (guint i = 0; i < length; i++)
    {
      if (!add_record (demo, g_ptr_array_index (chain, i), project->id, name, &formed, error))
        return FALSE;
      (*added)++;
      g_date_add_days (&formed, g_rand_int_range (demo->rand, 3, 25));
      if (g_date_compare (&formed, &demo->first_day) < 0 || g_date_get_julian (&formed) > g_date_get_julian (&demo->first_day) + demo->n_days)
        break;
    }

  return TRUE;
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->uuid_salt, g_rand_free);
  g_clear_pointer (&demo->items, g_ptr_array_unref);
  g_clear_pointer (&demo->units, g_ptr_array_unref);
  g_clear_pointer (&demo->chains, g_hash_table_unref);
  g_clear_pointer (&demo->catalog, gk_catalog_unref);
  g_clear_pointer (&demo->project, g_free);
  if (demo->attachment != NULL)
    g_file_delete (demo->attachment, NULL, NULL);
  g_clear_object (&demo->attachment);
  if (demo->attachment_dir != NULL)
    g_rmdir (demo->attachment_dir);
  g_clear_pointer (&demo->attachment_dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* The year before the sample's last one, as a clerk would have filled it
 * in Preferences for the annual report. */
static gboolean
add_report_figures (Demo    *demo,
                    int      year,
                    GError **error)
{
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (year);

  figures->normative_issued = 3;
  figures->normative_repealed = 1;
  figures->normative_in_force = 14;
  figures->licensing_decisions = 156;
  figures->penalty_decisions = 23;
  figures->coercion_decisions = 2;
  g_free (figures->overview);
  figures->overview = g_strdup ("长安区坚持以公开为常态、不公开为例外，围绕公共资源配置领域重点信息，"
                                "及时公开保障性安居工程、政府采购和工程建设项目招标投标信息。");
  g_free (figures->problems);
  figures->problems = g_strdup ("个别单位公开时效性有待提高。下一步将加强督查，确保在规定时限内公开。");
  return gk_store_set_report_figures (demo->store, figures, error);
}

/* A small file to attach: the publicity material a record refers to. */
static gboolean
make_attachment (Demo    *demo,
                 GError **error)
{
  static const char contents[] = "长安区公共资源配置领域政府信息公开\n公示材料（示例）\n";
  g_autofree char *path = NULL;

  demo->attachment_dir = g_dir_make_tmp ("gongkai-demo-XXXXXX", error);
  if (demo->attachment_dir == NULL)
    return FALSE;
  path = g_build_filename (demo->attachment_dir, "公示材料.txt", NULL);
  if (!g_file_set_contents (path, contents, -1, error))
    return FALSE;
  demo->attachment = g_file_new_for_path (path);
  return TRUE;
}

static int
compare_stage (gconstpointer a,
               gconstpointer b)
{
  GkItem *item_a = *(GkItem **) a;
  GkItem *item_b = *(GkItem **) b;

  return gk_item_get_stage (item_a) - gk_item_get_stage (item_b);
}

/* A sample ledger is its own organisation, named as a sample so that
 * nothing from it passes for the real one, and is marked as the sample;
 * a ledger already set up keeps its own. */
static gboolean
set_up_sample_organisation (GkStore  *store,
                            GError  **error)
{
  g_autofree char *code = NULL;

  if (!gk_db_begin (gk_store_get_db (store), error))
    return FALSE;
  /* Read again under the write lock, and the organisation and the mark
   * written together: another sample being written into the same new
   * ledger sees both or neither. */
  if (!gk_store_get_organisation (store, NULL, &code, error))
    goto fail;
  if (*code == '\0' &&
      (!gk_store_set_organisation (store, GK_DEMO_ORGANISATION_NAME, GK_DEMO_ORGANISATION_CODE, error) ||
       !gk_store_set_setting (store, GK_SAMPLE_LEDGER_KEY, "1", error)))
    goto fail;
  return gk_db_commit (gk_store_get_db (store), error);

fail:
  gk_db_rollback (gk_store_get_db (store));
  return FALSE;
}

gboolean
gk_demo_fill (GkStore  *store,
              guint     n_records,
              guint32   seed,
              GError  **error)
{
  g_auto(Demo) demo = { 0 };
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GkQuery) everything = gk_query_new ();
  guint n_existing = 0;
  GDate last_day;
  guint added = 0;
  guint standalone = 0;

  g_return_val_if_fail (GK_IS_STORE (store), FALSE);

  if (!set_up_sample_organisation (store, error))
    return FALSE;

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  demo.calendar = gk_store_get_calendar (store);
  demo.items = gk_store_list_items (store, NULL, FALSE, error);
  demo.units = gk_store_list_units (store, FALSE, error);
  if (demo.items == NULL || demo.units == NULL)
    return FALSE;
  demo.catalog = gk_catalog_new_default (error);
  if (demo.catalog == NULL || !make_attachment (&demo, error))
    return FALSE;
  if (demo.items->len == 0 || demo.units->len == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The ledger has no catalog items or no units"));
      return FALSE;
    }

  g_date_clear (&demo.first_day, 1);
  g_date_clear (&last_day, 1);
  gk_date_from_iso (FIRST_DAY, &demo.first_day, NULL);
  gk_date_from_iso (LAST_DAY, &last_day, NULL);
  demo.n_days = g_date_days_between (&demo.first_day, &last_day);

  /* Project chains: the items of each project kind, sorted by stage below. */
  demo.chains = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < demo.items->len; i++)
    {
      GkItem *item = g_ptr_array_index (demo.items, i);
      GPtrArray *chain;

      if (gk_item_get_project_kind (item) == NULL || gk_item_get_stage (item) <= 0)
        continue;
      chain = g_hash_table_lookup (demo.chains, gk_item_get_project_kind (item));
      if (chain == NULL)
        {
          chain = g_ptr_array_new ();
          g_hash_table_insert (demo.chains, (gpointer) gk_item_get_project_kind (item), chain);
          g_ptr_array_add (kinds, (gpointer) gk_item_get_project_kind (item));
        }
      g_ptr_array_add (chain, item);
    }

  for (guint i = 0; i < kinds->len; i++)
    g_ptr_array_sort (g_hash_table_lookup (demo.chains, g_ptr_array_index (kinds, i)), compare_stage);

  if (!gk_db_begin (gk_store_get_db (store), error))
    return FALSE;

  /* A second sample in the same ledger draws the same records with other
   * identifiers; the first, on an empty ledger, stays as the seed gives it.
   * Counted under the write lock, so two samples at once differ too. */
  if (!gk_store_count (store, everything, &n_existing, error))
    goto fail;
  if (n_existing > 0)
    demo.uuid_salt = g_rand_new_with_seed (n_existing ^ seed);

  while (added < n_records)
    {
      /* About two records in five belong to a project's disclosure chain. */
      if (kinds->len > 0 && g_rand_int_range (demo.rand, 0, 5) < 2)
        {
          const char *kind = g_ptr_array_index (kinds, g_rand_int_range (demo.rand, 0, kinds->len));

          if (!add_project_chain (&demo, kind, g_hash_table_lookup (demo.chains, kind),
                                  n_records - added, &added, error))
            goto fail;
        }
      else
        {
          /* Cycle through the items so that every one of them appears. */
          GkItem *item = g_ptr_array_index (demo.items, standalone++ % demo.items->len);
          GDate formed;

          random_date (&demo, &formed);
          if (!add_record (&demo, item, 0, NULL, &formed, error))
            goto fail;
          added++;
        }
    }

  if (!add_report_figures (&demo, g_date_get_year (&last_day) - 1, error))
    goto fail;
  if (!gk_db_commit (gk_store_get_db (store), error))
    return FALSE;

  /* After a bulk load the planner needs fresh statistics to choose the
   * partial indexes of open records over the larger ones. */
  if (!gk_db_exec (gk_store_get_db (store), "ANALYZE", error))
    return FALSE;

  gk_store_emit_records_changed (store);
  return TRUE;

fail:
  gk_db_rollback (gk_store_get_db (store));
  return FALSE;
}

char *
gk_demo_sample_path (const char *ledger_path)
{
  g_autofree char *dir = g_path_get_dirname (ledger_path);
  g_autofree char *base = g_path_get_basename (ledger_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".sample.db", NULL);
  return g_build_filename (dir, name, NULL);
}

GkStore *
gk_demo_open_sample (const char  *ledger_path,
                     guint        n_records,
                     GError     **error)
{
  g_autofree char *path = gk_demo_sample_path (ledger_path);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkQuery) everything = gk_query_new ();
  guint n_existing = 0;

  store = gk_store_open (path, error);
  if (store == NULL || !gk_store_count (store, everything, &n_existing, error))
    return NULL;
  /* Filled once; opened again as it was left. */
  if (n_existing == 0)
    {
      gk_store_set_user (store, "demo");
      if (!gk_demo_fill (store, n_records, 1, error))
        return NULL;
    }
  return g_steal_pointer (&store);
}
