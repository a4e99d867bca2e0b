/* gk-demo.c: fills a ledger with sample records in every domain, item, status and year. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-calendar.h"
#include "gk-demo.h"
#include "gk-schema.h"
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
  "建北街道", "青园街道", "广安街道", "南村镇", "西兴街道", "育才街道", "胜北街道", "谈固街道", "桃园镇", "长丰街道",
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
static const char *exemption_grounds[] = {
  "state-secret", "commercial-secret", "personal-privacy", "internal-affairs", "process-information",
};

typedef struct
{
  GkStore *store;
  GRand *rand;
  GkCalendar *calendar;
  GPtrArray *items;          /* GkItem, active */
  GPtrArray *units;          /* GkUnit */
  GHashTable *chains;        /* project kind → GPtrArray of GkItem in stage order */
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
        else
          json_builder_add_int_value (builder, low + g_rand_int_range (demo->rand, 0, (gint32) MAX (1, high - low + 1)));
      }
      return;
    case GK_FIELD_TABLE:
      add_table (demo, builder, field, formed);
      return;
    case GK_FIELD_DATE:
      text = date_after (demo, formed, -20, 0);
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
      text = g_strdup_printf ("经%s研究，%s相关工作已按程序完成，现予公开。如有异议，请于公示期内向%s反映。",
                              ((GkUnit *) g_ptr_array_index (demo->units, g_rand_int_range (demo->rand, 0, demo->units->len)))->name,
                              label, PICK (demo, places));
      break;
    case GK_FIELD_TEXT:
    default:
      if (strstr (label, "姓名") != NULL || strstr (label, "负责人") != NULL || strstr (label, "联系人") != NULL)
        text = random_person (demo);
      else if (strstr (label, "位置") != NULL || strstr (label, "地址") != NULL || strstr (label, "地点") != NULL)
        text = g_strdup_printf ("长安区%s%d号", PICK (demo, roads), g_rand_int_range (demo->rand, 1, 300));
      else if (strstr (label, "户型") != NULL)
        text = g_strdup_printf ("%d室%d厅", g_rand_int_range (demo->rand, 1, 4), g_rand_int_range (demo->rand, 1, 3));
      else if (strstr (label, "名称") != NULL || strstr (label, "供应商") != NULL || strstr (label, "中标人") != NULL ||
               strstr (label, "代理") != NULL || strstr (label, "主体") != NULL || strstr (label, "单位") != NULL)
        text = random_company (demo);
      else if (strstr (label, "编号") != NULL || strstr (label, "文号") != NULL || strstr (label, "证书") != NULL)
        text = g_strdup_printf ("CA%04d-%05u", g_date_get_year (formed), g_rand_int_range (demo->rand, 1, 99999));
      else if (strstr (label, "工期") != NULL || strstr (label, "期限") != NULL || strstr (label, "公示期") != NULL)
        text = g_strdup_printf ("%d日历天", g_rand_int_range (demo->rand, 30, 540));
      else
        text = g_strdup_printf ("%s（%s）", label, PICK (demo, places));
      break;
    }

  json_builder_add_string_value (builder, text);
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
  return json_to_string (root, FALSE);
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
  body = g_strdup_printf ("根据《中华人民共和国政府信息公开条例》和%s的规定，现将%s有关情况公开如下。%s",
                          *basis != '\0' ? basis : "有关规定",
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
      gk_record_set_exemption (record, PICK (demo, exemption_grounds));
      gk_record_set_exemption_reason (record, "涉及第三方合法权益，经征求意见不同意公开");
    }
  else if (roll < 0.07)
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
  g_clear_pointer (&demo->items, g_ptr_array_unref);
  g_clear_pointer (&demo->units, g_ptr_array_unref);
  g_clear_pointer (&demo->chains, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

static int
compare_stage (gconstpointer a,
               gconstpointer b)
{
  GkItem *item_a = *(GkItem **) a;
  GkItem *item_b = *(GkItem **) b;

  return gk_item_get_stage (item_a) - gk_item_get_stage (item_b);
}

gboolean
gk_demo_fill (GkStore  *store,
              guint     n_records,
              guint32   seed,
              GError  **error)
{
  g_auto(Demo) demo = { 0 };
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  GDate last_day;
  guint added = 0;
  guint standalone = 0;

  g_return_val_if_fail (GK_IS_STORE (store), FALSE);

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  demo.calendar = gk_store_get_calendar (store);
  demo.items = gk_store_list_items (store, NULL, FALSE, error);
  demo.units = gk_store_list_units (store, FALSE, error);
  if (demo.items == NULL || demo.units == NULL)
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
