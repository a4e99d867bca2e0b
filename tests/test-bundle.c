/* test-bundle.c: the publication bundle publishes exactly what is public, masked and escaped, the same way every time. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-bundle-private.h"
#include "gk-demo.h"
#include "gk-item.h"
#include "gk-settings.h"
#include "gk-test-util.h"

#define TODAY "2025-10-15"

/* Full numbers the ledger holds; none may leave it unmasked. */
static const char *const secrets[] = {
  "11010519491231002X", "11010519491231002x", "360426199101010071", "110105200002290013",
  "13812345678", "15011112222", "13900001111", "18622223333", "17700001111",
  "１３７００００２２２２", "137 0000 3333", "136-0000-4444",
};

#define INJECTION "<script>alert(1)</script>\"><img src=x onerror=alert(2)></title>"
/* The same inside a JSON string. */
#define INJECTION_JSON "<script>alert(1)</script>\\\"><img src=x onerror=alert(2)></title>"

typedef struct
{
  GkTestLedger ledger;
  char *out;
} Fixture;

/* A published record is published on @published_on. */
static GkRecord *
add_record_on (Fixture    *f,
               const char *item_key,
               const char *title,
               const char *body,
               const char *fields,
               const char *status,
               const char *mode,
               gint64      project_id,
               const char *published_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item (f->ledger.store, item_key, &error);
  GkRecord *record = gk_record_new ();

  g_assert_no_error (error);
  gk_record_set_item_id (record, gk_item_get_id (item));
  gk_record_set_project_id (record, project_id);
  gk_record_set_title (record, title);
  gk_record_set_body (record, body);
  g_assert_true (gk_record_set_values_json (record, fields != NULL ? fields : "{}", &error));
  g_assert_no_error (error);
  gk_record_set_doc_no (record, "长政〔2025〕1号" INJECTION);
  gk_record_set_formed_on (record, "2025-09-01");
  gk_record_set_status (record, status);
  gk_record_set_mode (record, mode);
  if (g_strcmp0 (mode, GK_MODE_EXEMPT) == 0)
    gk_record_set_exemption (record, "commercial-secret");
  if (g_strcmp0 (status, GK_STATUS_PUBLISHED) == 0 || g_strcmp0 (status, GK_STATUS_WITHDRAWN) == 0)
    gk_record_set_published_on (record, published_on);
  gk_store_insert_record (f->ledger.store, record, FALSE, &error);
  g_assert_no_error (error);
  return record;
}

static GkRecord *
add_record (Fixture    *f,
            const char *item_key,
            const char *title,
            const char *body,
            const char *fields,
            const char *status,
            const char *mode,
            gint64      project_id)
{
  return add_record_on (f, item_key, title, body, fields, status, mode, project_id, "2025-09-05");
}

static void
attach (Fixture    *f,
        GkRecord   *record,
        const char *name,
        const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->ledger.dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkAttachment) attachment = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  attachment = gk_store_add_attachment (f->ledger.store, record, file, &error);
  g_assert_no_error (error);
}

/* A canary: a record that must stay out, with an attachment that must too. */
static void
add_canary (Fixture    *f,
            const char *item_key,
            const char *name,
            const char *status,
            const char *mode,
            const char *fields)
{
  g_autofree char *title = g_strdup_printf ("CANARY-%s-TITLE", name);
  g_autofree char *body = g_strdup_printf ("CANARY-%s-BODY", name);
  g_autofree char *file = g_strdup_printf ("CANARY-%s-FILE.txt", name);
  g_autofree char *contents = g_strdup_printf ("CANARY-%s-CONTENT", name);
  g_autoptr(GkRecord) record = add_record (f, item_key, title, body, fields, status, mode, 0);

  attach (f, record, file, contents);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GkRecord) notice = NULL;
  g_autoptr(GkRecord) result = NULL;
  g_autoptr(GkRecord) contract = NULL;
  g_autoptr(GkRecord) allocation = NULL;
  g_autoptr(GkRecord) blacklist = NULL;
  g_autoptr(GkRecord) bidding = NULL;

  gk_test_ledger_set_up (&f->ledger, data);
  f->out = g_build_filename (f->ledger.dir, "bundle", NULL);
  g_assert_true (gk_store_set_guide (f->ledger.store, GK_GUIDE_PHONE, "0311-86001234", &error));
  g_assert_no_error (error);

  project = gk_store_create_project (f->ledger.store, "procurement", "长安区办公设备采购项目 13812345678" INJECTION,
                                     "CAZC-2025-001", "", 0, &error);
  g_assert_no_error (error);

  notice = add_record (f, "procurement.notice",
                       "办公设备采购公告 " INJECTION " 联系人身份证11010519491231002X 手机13812345678",
                       "第一段 \"><img src=x onerror=alert(3)> 联系电话：15011112222。\n\n"
                       "第二段 javascript:alert(4) 身份证号：360426199101010071，全角手机１３７００００２２２２，"
                       "分组手机137 0000 3333 与 136-0000-4444，+8618622223333。",
                       "{\"project_no\": \"CAZC-2025-001\", \"project_name\": \"=HYPERLINK(\\\"http://evil.example/\\\",\\\"x\\\")\","
                       " \"method\": \"公开招标\", \"budget\": 12345678, \"purchaser\": \"长安区机关事务中心" INJECTION_JSON "\","
                       " \"purchaser_phone\": \"13900001111\", \"requirements\": \"联系人 17700001111\","
                       " \"unknown_key\": \"CANARY-UNKNOWN-FIELD\"}",
                       GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, project->id);
  attach (f, notice, "采购文件 13812345678 <b>.pdf", "public attachment");

  result = add_record (f, "procurement.result", "办公设备采购结果", "结果公告",
                       "{\"project_name\": \"长安区办公设备采购项目\", \"method\": \"公开招标\", \"award_date\": \"2025-09-20\","
                       " \"suppliers\": [{\"lot\": \"1\", \"name\": \"河北某科技有限公司" INJECTION_JSON "\", \"uscc\": \"91110000600037341L\","
                       " \"amount\": 12000050, \"subject\": \"联系 13812345678\"}]}",
                       GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, project->id);
  contract = add_record (f, "procurement.contract", "办公设备采购合同", "",
                         "{\"contract_no\": \"HT-1\", \"supplier\": \"河北某科技有限公司\", \"supplier_uscc\": \"91110000600037341L\","
                         " \"amount\": 12000050, \"sign_date\": \"2025-09-25\"}",
                         GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, project->id);

  bidding = add_record (f, "bidding.notice", "道路工程招标公告", "招标",
                        "{\"tender_no\": \"ZB-1\", \"platform_url\": \"javascript:alert(5)\", \"tenderer\": \"区住建局\"}",
                        GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, 0);

  /* An allocation list within its 公示期: names stay, ID numbers go. */
  allocation = add_record (f, "housing-allocation.result", "公租房分配结果公示", "公示",
                           "{\"project_name\": \"某小区\", \"publicity_start\": \"2025-10-10\", \"publicity_end\": \"2025-10-20\","
                           " \"results\": [{\"no\": 1, \"name\": \"张三" INJECTION_JSON "\", \"idcard\": \"110105200002290013\","
                           " \"household_size\": 3, \"location\": \"1-101 联系18622223333\"}]}",
                           GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, 0);

  /* A text attachment is read and masked; a scan of the list, which the
   * bundle cannot read, stays out where records name people. */
  attach (f, bidding, "联系人名单 13812345678.txt",
          "联系人 李四 身份证 11010519491231002X 手机 13900001111\n<script>alert(6)</script>\n");
  attach (f, allocation, "分配名单扫描件.pdf", "110105200002290013 CANARY-SCAN");

  /* A blacklisted natural person: the entry is public, the ID masked. */
  blacklist = add_record (f, "blacklist.entry", "失信主体公示", "",
                          "{\"subject_name\": \"李四\", \"person_id\": \"360426199101010071\", \"subject_category\": \"自然人\","
                          " \"reason\": \"骗取补贴\", \"penalty_date\": \"2025-01-01\", \"period_end\": \"2026-12-31\", \"revoked\": \"否\"}",
                          GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, 0);

  /* The annual report of 2025: Preferences' figures and texts. */
  {
    g_autoptr(GkReportFigures) figures = gk_report_figures_new (2025);

    figures->rules_issued = 3;
    figures->fees_fen = 12345600;
    g_free (figures->overview);
    figures->overview = g_strdup ("总体情况：联系电话 13812345678。" INJECTION);
    g_assert_true (gk_store_set_report_figures (f->ledger.store, figures, &error));
    g_assert_no_error (error);
  }

  add_canary (f, "procurement.notice", "DRAFT", GK_STATUS_DRAFT, GK_MODE_PROACTIVE, NULL);
  add_canary (f, "procurement.notice", "PENDING", GK_STATUS_PENDING, GK_MODE_PROACTIVE, NULL);
  add_canary (f, "procurement.notice", "WITHDRAWN", GK_STATUS_WITHDRAWN, GK_MODE_PROACTIVE, NULL);
  add_canary (f, "procurement.result", "EXEMPT", GK_STATUS_PENDING, GK_MODE_EXEMPT, NULL);
  add_canary (f, "procurement.result", "ONREQUEST", GK_STATUS_PUBLISHED, GK_MODE_ON_REQUEST, NULL);
  add_canary (f, "request.application", "REQUEST", GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, NULL);
  add_canary (f, "request.case", "CASE", GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, NULL);
  add_canary (f, "housing-allocation.result", "ENDED", GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE,
              "{\"publicity_start\": \"2025-09-01\", \"publicity_end\": \"2025-09-10\"}");
  add_canary (f, "blacklist.entry", "REVOKED", GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE,
              "{\"subject_name\": \"CANARY-REVOKED-NAME\", \"revoked\": \"是\"}");
  add_canary (f, "blacklist.entry", "EXPIRED", GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE,
              "{\"subject_name\": \"CANARY-EXPIRED-NAME\", \"revoked\": \"否\", \"period_end\": \"2025-01-01\"}");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->out);
  gk_test_ledger_tear_down (&f->ledger, data);
}

static GkBundleSummary *
publish (Fixture    *f,
         const char *dir)
{
  g_autoptr(GError) error = NULL;
  GkBundleOptions options = { .today = TODAY };
  GkBundleSummary *summary = gk_bundle_publish (f->ledger.store, &options, dir, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* Every file below @dir, relative path → contents. */
static void
read_tree (const char *root,
           const char *relative,
           GHashTable *files)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative != '\0' ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);
      char *contents = NULL;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          read_tree (root, child, files);
          continue;
        }
      g_assert_true (g_file_get_contents (full, &contents, NULL, NULL));
      g_hash_table_insert (files, g_steal_pointer (&child), contents);
    }
}

static GHashTable *
read_bundle (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  read_tree (dir, "", files);
  return files;
}

static void
assert_clean (const char *name,
              const char *contents)
{
  if (strstr (contents, "CANARY") != NULL)
    g_error ("%s publishes a record that must stay out: %s", name, strstr (contents, "CANARY"));
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (contents, secrets[i]) != NULL)
      g_error ("%s publishes %s unmasked", name, secrets[i]);

  if (g_str_has_suffix (name, ".html"))
    {
      g_autofree char *lower = g_ascii_strdown (contents, -1);
      const char *title_end = strstr (lower, "</title>");

      g_assert_null (strstr (lower, "<script"));
      g_assert_null (strstr (lower, "<img"));
      g_assert_null (strstr (lower, "<b>"));
      g_assert_null (strstr (lower, "href=\"javascript"));
      g_assert_nonnull (title_end);
      g_assert_null (strstr (title_end + 1, "</title>"));
      g_assert_nonnull (strstr (contents, "<meta http-equiv=\"Content-Security-Policy\""));
      g_assert_nonnull (strstr (contents, "<html lang=\"zh-CN\">"));
      /* Relative links only. */
      g_assert_null (strstr (lower, "href=\"/"));
      g_assert_null (strstr (lower, "src=\""));
    }
}

static void
test_nothing_private (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GkBundleSummary) summary = publish (f, f->out);
  g_autoptr(GHashTable) files = read_bundle (f->out);
  const char *record_json = g_hash_table_lookup (files, "data/records-2025-09.json");
  const char *csv = g_hash_table_lookup (files, "data/records-2025-09.csv");
  const char *blacklist = g_hash_table_lookup (files, "blacklist.html");
  GHashTableIter iter;
  gpointer name, contents;
  gboolean masked_id = FALSE, masked_mobile = FALSE, attachment = FALSE, text = FALSE;

  /* Six records are public: three of a procurement project, a tender
   * notice, an allocation list in its period and a blacklist entry. */
  g_assert_cmpuint (summary->n_records, ==, 6);
  g_assert_cmpuint (summary->n_attachments, ==, 2);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_DRAFT], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_PENDING], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_WITHDRAWN], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_EXEMPT], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_ON_REQUEST], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_REQUEST], ==, 2);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_PUBLICITY_ENDED], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_REVOKED], ==, 1);
  g_assert_cmpuint (summary->n_held[GK_BUNDLE_HOLD_EXPIRED], ==, 1);
  /* Applications are counted, never listed. */
  g_assert_cmpuint (summary->held->len, ==, 8);

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    {
      assert_clean (name, contents);
      masked_id |= strstr (contents, "110105********002X") != NULL;
      masked_mobile |= strstr (contents, "138****5678") != NULL;
      attachment |= g_str_has_prefix (name, "files/") && g_str_has_suffix (name, ".pdf");
      /* Published as plain text, with its numbers masked. */
      text |= g_str_has_prefix (name, "files/") && g_str_has_suffix (name, ".txt") &&
              strstr (contents, "110105********002X") != NULL && strstr (contents, "139****1111") != NULL;
    }
  g_assert_true (text);
  g_assert_true (masked_id);
  g_assert_true (masked_mobile);
  g_assert_true (attachment);

  /* The validators (test-bundle-check.sh) read this bundle too. */
  if (g_getenv ("GK_TEST_BUNDLE_KEEP") != NULL)
    {
      g_autoptr(GkBundleSummary) kept = publish (f, g_getenv ("GK_TEST_BUNDLE_KEEP"));

      g_assert_cmpuint (kept->n_records, ==, summary->n_records);
    }

  /* The blacklisted person's ID is masked, not dropped; the allocation
   * list has no ID column at all. */
  g_assert_nonnull (strstr (blacklist, "360426********0071"));
  g_assert_null (strstr (record_json, "1101052000"));
  g_assert_nonnull (strstr (record_json, "\"household_size\":3"));
  g_assert_nonnull (strstr (g_hash_table_lookup (files, "data/records.json"), "\"csv\" : \"data/records-2025-09.csv\""));

  /* The annual report of the year with figures, counted and masked. */
  {
    const char *report = g_hash_table_lookup (files, "report-2025.html");

    g_assert_nonnull (report);
    g_assert_nonnull (strstr (report, "12.3456"));
    g_assert_nonnull (strstr (report, "138****5678"));
    g_assert_nonnull (strstr (g_hash_table_lookup (files, "index.html"), "href=\"report-2025.html\""));
    g_assert_null (g_hash_table_lookup (files, "report-2024.html"));
  }

  /* CSV: a BOM, CRLF rows, and no cell a spreadsheet would run. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\""));
  g_assert_nonnull (strstr (csv, "\r\n"));
  g_assert_null (strstr (csv, "\"=HYPERLINK"));
  g_assert_null (strstr (csv, ",\"="));

  /* The javascript: URL is shown as text, never as a link. */
  {
    GHashTableIter pages;
    gboolean shown = FALSE;

    g_hash_table_iter_init (&pages, files);
    while (g_hash_table_iter_next (&pages, &name, &contents))
      shown |= strstr (contents, "<td>javascript:alert(5)</td>") != NULL;
    g_assert_true (shown);
  }
}

static char **
zip_contents (const char *zip_path)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, zip_path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GString) data = g_string_new (archive_entry_pathname (entry));
      char buffer[8192];
      la_ssize_t n;

      g_string_append_c (data, '\n');
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_string_append_len (data, buffer, n);
      g_assert_cmpint (n, ==, 0);
      g_strv_builder_add (builder, data->str);
    }
  archive_read_free (archive);
  return g_strv_builder_end (builder);
}

static void
test_zip (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GkBundleSummary) summary = publish (f, f->out);
  g_autoptr(GError) error = NULL;
  g_autofree char *zip = g_build_filename (f->ledger.dir, "bundle.zip", NULL);
  g_autofree char *zip2 = g_build_filename (f->ledger.dir, "bundle2.zip", NULL);
  g_autofree char *bytes = NULL, *bytes2 = NULL;
  gsize length, length2;
  g_auto(GStrv) entries = NULL;

  g_assert_true (gk_bundle_write_zip (f->out, zip, &error));
  g_assert_no_error (error);
  entries = zip_contents (zip);
  g_assert_cmpuint (g_strv_length (entries), ==, summary->n_files);
  for (guint i = 0; entries[i] != NULL; i++)
    assert_clean (entries[i], entries[i]);

  /* The same bundle gives the same archive. */
  g_assert_true (gk_bundle_write_zip (f->out, zip2, &error));
  g_assert_true (g_file_get_contents (zip, &bytes, &length, NULL));
  g_assert_true (g_file_get_contents (zip2, &bytes2, &length2, NULL));
  g_assert_cmpmem (bytes, length, bytes2, length2);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *second = g_build_filename (f->ledger.dir, "again", NULL);
  g_autoptr(GkBundleSummary) one = publish (f, f->out);
  g_autoptr(GkBundleSummary) two = publish (f, second);
  g_autoptr(GHashTable) a = read_bundle (f->out);
  g_autoptr(GHashTable) b = read_bundle (second);
  GHashTableIter iter;
  gpointer name, contents;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    g_assert_cmpstr (contents, ==, g_hash_table_lookup (b, name));
}

static void
test_republish (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkBundleSummary) first = publish (f, f->out);
  g_autoptr(GkBundleSummary) unchanged = publish (f, f->out);
  g_autoptr(GkBundleSummary) after = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *page = NULL;
  g_autofree char *name = NULL;
  GHashTableIter iter;
  gpointer path, contents;

  g_assert_cmpuint (unchanged->n_written, ==, 0);
  g_assert_cmpuint (unchanged->n_removed, ==, 0);

  /* The tender notice is withdrawn: its page goes, and it is in no list,
   * feed or data file any more. */
  record = gk_store_get_record_by_id (f->ledger.store, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_title (record), ==, "道路工程招标公告");
  name = gk_bundle_safe_name (gk_record_get_index_no (record));
  page = g_strdup_printf ("%s/record/%s.html", f->out, name);
  g_assert_true (g_file_test (page, G_FILE_TEST_EXISTS));
  g_assert_true (gk_store_set_status (f->ledger.store, record, GK_STATUS_WITHDRAWN, NULL, &error));
  g_assert_no_error (error);

  after = publish (f, f->out);
  g_assert_cmpuint (after->n_records, ==, first->n_records - 1);
  g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (after->n_removed, >=, 1);
  /* Only what shows the record was rewritten, not every page. */
  g_assert_cmpuint (after->n_written, <, first->n_written / 2);

  files = read_bundle (f->out);
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, &contents))
    if (strstr (contents, "道路工程招标公告") != NULL)
      g_error ("%s still shows the withdrawn record", (char *) path);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GkBundleOptions options = { .today = TODAY };
  g_autoptr(GkBundleSummary) plan = gk_bundle_plan (f->ledger.store, &options, &error);
  g_autoptr(GkBundleSummary) done = NULL;
  gboolean exempt_listed = FALSE;

  g_assert_no_error (error);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < plan->held->len; i++)
    {
      GkBundleHeld *held = g_ptr_array_index (plan->held, i);

      if (held->hold == GK_BUNDLE_HOLD_EXEMPT)
        exempt_listed = g_str_equal (held->title, "CANARY-EXEMPT-TITLE");
    }
  g_assert_true (exempt_listed);

  /* The preview counts what the publish then writes. */
  done = publish (f, f->out);
  g_assert_cmpuint (plan->n_records, ==, done->n_records);
  g_assert_cmpuint (plan->n_pages, ==, done->n_pages);
  g_assert_cmpuint (plan->n_attachments, ==, done->n_attachments);
  /* style.css, records.json, 2025-09's JSON and CSV, the feed, OCDS. */
  g_assert_cmpuint (done->n_files, ==, done->n_pages + done->n_attachments + 6);
  /* The scanned list is held back, and said so. */
  g_assert_cmpuint (plan->n_held_attachments, ==, 1);
  g_assert_cmpstr (((GkBundleHeld *) g_ptr_array_index (plan->held_attachments, 0))->title, ==, "分配名单扫描件.pdf");
  g_assert_true (g_file_test (f->out, G_FILE_TEST_IS_DIR));

  /* A record deleted pending an undo is as good as deleted. */
  {
    g_autoptr(GkRecord) record = gk_store_get_record_by_id (f->ledger.store, 4, &error);
    g_autoptr(GkBundleSummary) after = NULL;

    g_assert_no_error (error);
    gk_store_hide_record (f->ledger.store, gk_record_get_uuid (record));
    after = gk_bundle_plan (f->ledger.store, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->n_records, ==, done->n_records - 1);
    /* Read again after a change, it is gone too. */
    g_assert_null (gk_store_get_bundle_row (f->ledger.store, 4, &error));
    g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
    gk_store_unhide_record (f->ledger.store, gk_record_get_uuid (record));
  }
}

static void
assert_same_bundle (const char *dir,
                    const char *other)
{
  g_autoptr(GHashTable) a = read_bundle (dir);
  g_autoptr(GHashTable) b = read_bundle (other);
  GHashTableIter iter;
  gpointer name, contents;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    {
      const char *theirs = g_hash_table_lookup (b, name);

      if (theirs == NULL)
        g_error ("%s is only in the re-published bundle", (char *) name);
      if (!g_str_equal (contents, theirs))
        g_error ("%s differs between the re-published bundle and a full publish", (char *) name);
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (a, name))
      g_error ("%s is missing from the re-published bundle", (char *) name);
}

/* After each change, a re-publish into the same folder (which reads only
 * what changed) gives the very files a publish into an empty folder does. */
static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkBundleSummary) first = publish (f, f->out);
  g_autoptr(GkRecord) result = gk_store_get_record_by_id (f->ledger.store, 2, &error);
  g_autoptr(GkRecord) added = NULL;
  g_autoptr(GkRecord) tender = NULL;

  g_assert_no_error (error);
  for (guint step = 0; step < 5; step++)
    {
      g_autofree char *fresh = g_strdup_printf ("%s/full-%u", f->ledger.dir, step);
      g_autoptr(GkBundleSummary) again = NULL;
      g_autoptr(GkBundleSummary) full = NULL;

      switch (step)
        {
        case 0:   /* a title, shown in lists, the project's pages and OCDS:
                   * a published record changes through a 变更 */
          {
            g_autofree char *on = g_strdup (gk_record_get_published_on (result));

            g_assert_true (gk_store_record_change (f->ledger.store, result, on, "更正标题", &error));
            g_assert_no_error (error);
            gk_record_set_title (result, "办公设备采购结果（更正）");
            /* The change also fills what the first publication lacked. */
            gk_record_set_value_string (result, "project_no", "CAQ-2025-001");
            g_assert_true (gk_store_save_record (f->ledger.store, result, &error));
            g_assert_no_error (error);
            g_assert_true (gk_store_set_status (f->ledger.store, result, "published", on, &error));
          }
          break;
        case 1:   /* a new record, newest of all */
          added = add_record (f, "procurement.notice", "新增采购公告 13812345678", "正文",
                              "{\"method\": \"公开招标\"}", GK_STATUS_PUBLISHED, GK_MODE_PROACTIVE, 0);
          break;
        case 2:   /* a record no longer public */
          tender = gk_store_get_record_by_id (f->ledger.store, 4, &error);
          g_assert_true (gk_store_set_status (f->ledger.store, tender, GK_STATUS_WITHDRAWN, NULL, &error));
          break;
        case 3:   /* an attachment added to a record of a project */
          attach (f, result, "补充说明.txt", "补充说明，联系 15011112222。");
          break;
        case 4:   /* a record of a project withdrawn: its project's pages and OCDS */
          g_assert_true (gk_store_set_status (f->ledger.store, result, GK_STATUS_WITHDRAWN, NULL, &error));
          break;
        }
      g_assert_no_error (error);
      again = publish (f, f->out);
      full = publish (f, fresh);
      g_assert_cmpuint (again->n_records, ==, full->n_records);
      g_assert_cmpuint (again->n_files, ==, full->n_files);
      /* Not every page again: only what shows the change. */
      g_assert_cmpuint (again->n_written, <, full->n_written);
      assert_same_bundle (f->out, fresh);
    }
}

/* A 变更 published: the record's page carries its 更正公告, what was
 * corrected, when, and what had been published before; the note is masked
 * like any text. While a further 变更 is prepared, the page still shows
 * what is public. */
static void
test_change_notice (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) result = gk_store_get_record_by_id (f->ledger.store, 2, &error);
  g_autoptr(GkBundleSummary) summary = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *name = NULL;
  g_autofree char *page_path = NULL;
  const char *page, *notice;

  g_assert_no_error (error);
  /* Not yet changed: no notice. */
  summary = publish (f, f->out);
  files = read_bundle (f->out);
  name = gk_bundle_safe_name (gk_record_get_index_no (result));
  page_path = g_strdup_printf ("record/%s.html", name);
  page = g_hash_table_lookup (files, page_path);
  g_assert_nonnull (page);
  g_assert_null (strstr (page, "更正公告"));
  g_clear_pointer (&summary, gk_bundle_summary_free);
  g_clear_pointer (&files, g_hash_table_unref);

  g_assert_true (gk_store_record_change (f->ledger.store, result, "2025-09-25",
                                         "中标金额更正，联系人手机13812345678", &error));
  g_assert_no_error (error);
  gk_record_set_title (result, "办公设备采购结果（更正）");
  gk_record_set_doc_no (result, "长政〔2025〕2号");
  /* What the first publication lacked, which publishing now requires. */
  gk_record_set_value_string (result, "project_no", "CAQ-2025-001");
  g_assert_true (gk_store_save_record (f->ledger.store, result, &error));
  g_assert_no_error (error);
  gk_store_set_status (f->ledger.store, result, GK_STATUS_PUBLISHED, "2025-09-26", &error);
  g_assert_no_error (error);

  summary = publish (f, f->out);
  files = read_bundle (f->out);
  page = g_hash_table_lookup (files, page_path);
  g_assert_nonnull (page);
  assert_clean (page_path, page);
  notice = strstr (page, "<h2>更正公告</h2>");
  g_assert_nonnull (notice);
  /* The notice, after the record's metadata: the date of the change, the
   * note masked, and the earlier publication: its date, title and 文号. */
  g_assert_nonnull (strstr (notice, "2025-09-25"));
  g_assert_nonnull (strstr (notice, "中标金额更正，联系人手机138****5678"));
  g_assert_nonnull (strstr (notice, "2025-09-05"));
  g_assert_nonnull (strstr (notice, "办公设备采购结果</"));
  g_assert_nonnull (strstr (notice, "长政〔2025〕1号"));
  g_assert_nonnull (strstr (page, "2025-09-26"));
  g_assert_nonnull (strstr (page, "办公设备采购结果（更正）"));

  /* For the outside validators (tests/test-bundle-check.sh). */
  if (g_getenv ("GK_TEST_BUNDLE_KEEP") != NULL)
    {
      g_autoptr(GkBundleSummary) kept = publish (f, g_getenv ("GK_TEST_BUNDLE_KEEP"));

      g_assert_cmpuint (kept->n_records, ==, summary->n_records);
    }
}

static guint64
inode_of (const char *dir,
          const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return (guint64) buf.st_ino;
}

/* The data files come a pair per month of publication, listed by
 * records.json; a change rewrites its own month's pair, not another's. */
static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) october = add_record_on (f, "procurement.notice", "十月采购公告", "正文",
                                               "{\"method\": \"公开招标\"}", GK_STATUS_PUBLISHED,
                                               GK_MODE_PROACTIVE, 0, "2025-10-09");
  g_autoptr(GkRecord) tender = NULL;
  g_autoptr(GkBundleSummary) first = NULL;
  g_autoptr(GkBundleSummary) again = NULL;
  g_autoptr(GHashTable) files = NULL;
  const char *index;
  guint64 september_json, october_json, october_csv;

  first = publish (f, f->out);
  files = read_bundle (f->out);
  index = g_hash_table_lookup (files, "data/records.json");
  g_assert_nonnull (strstr (index, "\"month\" : \"2025-10\""));
  g_assert_nonnull (strstr (index, "\"json\" : \"data/records-2025-10.json\""));
  g_assert_nonnull (strstr (index, "\"month\" : \"2025-09\""));
  g_assert_nonnull (strstr (g_hash_table_lookup (files, "data/records-2025-10.json"), "十月采购公告"));
  g_assert_null (strstr (g_hash_table_lookup (files, "data/records-2025-09.json"), "十月采购公告"));
  g_assert_nonnull (strstr (g_hash_table_lookup (files, "data/records-2025-10.csv"), "十月采购公告"));
  g_assert_false (g_hash_table_contains (files, "data/records-2025.json"));
  /* Each file is JSON a reader parses, with its month's records. */
  {
    const char *months[] = { "2025-09", "2025-10" };
    guint total = 0;

    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      {
        g_autofree char *path = g_strdup_printf ("data/records-%s.json", months[m]);
        g_autoptr(JsonParser) parser = json_parser_new ();
        JsonObject *root;
        JsonArray *records;

        g_assert_true (json_parser_load_from_data (parser, g_hash_table_lookup (files, path), -1, &error));
        g_assert_no_error (error);
        root = json_node_get_object (json_parser_get_root (parser));
        g_assert_cmpstr (json_object_get_string_member (root, "month"), ==, months[m]);
        records = json_object_get_array_member (root, "records");
        for (guint r = 0; r < json_array_get_length (records); r++)
          g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (records, r), "published_on"),
                                           months[m]));
        total += json_array_get_length (records);
      }
    g_assert_cmpuint (total, ==, first->n_records);
  }

  /* A September record withdrawn: September's files are made again,
   * October's stay as they were. */
  september_json = inode_of (f->out, "data/records-2025-09.json");
  october_json = inode_of (f->out, "data/records-2025-10.json");
  october_csv = inode_of (f->out, "data/records-2025-10.csv");
  tender = gk_store_get_record_by_id (f->ledger.store, 4, &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_set_status (f->ledger.store, tender, GK_STATUS_WITHDRAWN, NULL, &error));
  g_assert_no_error (error);
  again = publish (f, f->out);
  g_assert_cmpuint (again->n_records, ==, first->n_records - 1);
  g_assert_cmpuint (inode_of (f->out, "data/records-2025-09.json"), !=, september_json);
  g_assert_cmpuint (inode_of (f->out, "data/records-2025-10.json"), ==, october_json);
  g_assert_cmpuint (inode_of (f->out, "data/records-2025-10.csv"), ==, october_csv);
}

/* Every record of a month's data file, newest first as the lists show
 * them: the workers finish out of order, the files must not. */
static void
assert_months_newest_first (GHashTable *files)
{
  GHashTableIter iter;
  gpointer name, contents;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonArray *records;

      if (!g_str_has_prefix (name, "data/records-") || !g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
      g_assert_no_error (error);
      records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "records");
      for (guint r = 1; r < json_array_get_length (records); r++)
        {
          JsonObject *before = json_array_get_object_element (records, r - 1);
          JsonObject *after = json_array_get_object_element (records, r);

          g_assert_cmpstr (json_object_get_string_member (before, "published_on"), >=,
                           json_object_get_string_member (after, "published_on"));
        }
    }
}

/* More records than the workers are handed at once: four threads make
 * the same bundle, byte for byte, as one. */
static void
test_threads (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = g_build_filename (f->ledger.dir, "one-thread", NULL);
  g_autofree char *four = g_build_filename (f->ledger.dir, "four-threads", NULL);
  GkBundleOptions options = { .today = TODAY, .n_threads = 1 };
  g_autoptr(GkBundleSummary) first = NULL;
  g_autoptr(GkBundleSummary) second = NULL;
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  GHashTableIter iter;
  gpointer name, contents;

  g_assert_true (gk_demo_fill (f->ledger.store, 400, 11, &error));
  g_assert_no_error (error);
  first = gk_bundle_publish (f->ledger.store, &options, one, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  options.n_threads = 4;
  second = gk_bundle_publish (f->ledger.store, &options, four, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_records, >, 4 * 32);
  g_assert_cmpuint (second->n_records, ==, first->n_records);
  g_assert_cmpuint (second->n_written, ==, first->n_written);

  a = read_bundle (one);
  b = read_bundle (four);
  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    g_assert_cmpstr (contents, ==, g_hash_table_lookup (b, name));
  assert_months_newest_first (b);
}

/* A page that cannot be written (the disk full, a folder in the way)
 * fails the publish with its error, and the folder's manifest vouches
 * for nothing of it; once the cause is gone, a publish writes it all. */
static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (f->out, "record", NULL);
  g_autofree char *manifest = g_build_filename (f->out, ".gongkai-bundle", NULL);
  GkBundleOptions options = { .today = TODAY, .n_threads = 2 };
  g_autoptr(GkBundleSummary) failed = NULL;
  g_autoptr(GkBundleSummary) summary = NULL;
  g_autoptr(GHashTable) files = NULL;

  g_assert_true (gk_demo_fill (f->ledger.store, 150, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (f->out, 0755), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  failed = gk_bundle_publish (f->ledger.store, &options, f->out, NULL, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_false (g_file_test (manifest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_remove (blocker), ==, 0);
  summary = gk_bundle_publish (f->ledger.store, &options, f->out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_written, ==, summary->n_files);
  files = read_bundle (f->out);
  assert_months_newest_first (files);
}

static void
on_progress_cancel (double   fraction,
                    gpointer user_data)
{
  if (fraction > 0.1)
    g_cancellable_cancel (user_data);
}

/* Cancel, as the window's button does, while the records are written:
 * the publish stops with G_IO_ERROR_CANCELLED, and the next one writes
 * the whole bundle. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *manifest = g_build_filename (f->out, ".gongkai-bundle", NULL);
  GkBundleOptions options = { .today = TODAY };
  g_autoptr(GkBundleSummary) cancelled = NULL;
  g_autoptr(GkBundleSummary) summary = NULL;

  g_assert_true (gk_demo_fill (f->ledger.store, 300, 9, &error));
  g_assert_no_error (error);
  cancelled = gk_bundle_publish (f->ledger.store, &options, f->out, on_progress_cancel, cancellable, cancellable, &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (manifest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  summary = gk_bundle_publish (f->ledger.store, &options, f->out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_written, ==, summary->n_files);
}

static void
test_mask_text (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "身份证11010519491231002X。", "身份证110105********002X。" },
    { "tel:13812345678", "tel:138****5678" },
    { "+86 138 1234 5678", "+86 138 **** 5678" },
    { "8613812345678", "86138****5678" },
    { "１３８１２３４５６７８", "１３８****５６７８" },
    { "国办发〔2017〕97号，2018年4月27日，电话137-0000-4444。", "国办发〔2017〕97号，2018年4月27日，电话137-****-4444。" },
    { "第711号 2025-10-15 13700002222", "第711号 2025-10-15 137****2222" },
    /* Not people: a credit code, a wrong check digit, an impossible date,
     * an amount, a longer account of digits. */
    { "91130102050839392B", "91130102050839392B" },
    { "36042619910102009X", "36042619910102009X" },
    { "110105190002290017", "110105190002290017" },
    { "12345678901", "12345678901" },
    { "138123456789", "138123456789" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = gk_bundle_mask_text (cases[i].in, NULL);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

/* A body's paragraphs: a blank line (spaces and tabs on it, CRLF or LF)
 * parts them, a single break stays a <br>, each is trimmed. */
static void
test_paragraphs (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "一\n\n二", "<p>一</p>\n<p>二</p>\n" },
    { "  行一\n行二  \r\n \t \r\n第三<b>段\n", "<p>行一<br>行二</p>\n<p>第三&lt;b&gt;段</p>\n" },
    { "\n\n\n开头\n\n\n\n结尾\n\n", "<p>开头</p>\n<p>结尾</p>\n" },
    { "a\n\r\r\nb", "<p>a<br><br>b</p>\n" },
    { "x\r\ny\n \nz", "<p>x<br>y</p>\n<p>z</p>\n" },
    { "a\n  b\n\t\n", "<p>a<br>  b</p>\n" },
    { "   ", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      gk_bundle_html_paragraphs (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

static void
test_escape_and_links (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  gk_bundle_append_escaped (out, "<a href=\"x\">'&'</a>\x01\x7f");
  g_assert_cmpstr (out->str, ==, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");

  /* Text that is not UTF-8 is made so, whatever was appended before it;
   * noncharacters and C1 controls go. */
  {
    static const struct { const char *in; const char *out; } cases[] = {
      { "前<\xff>后", "前&lt;\xef\xbf\xbd&gt;后" },
      { "a&\xed\xa0\x80" "b", "a&amp;\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b" },
      { "\xc0\xafx\xe4\xb8", "\xef\xbf\xbd\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbd" },
      { "\xf4\x90\x80\x80\xf0\x9f\x98\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xf0\x9f\x98\x80" },
      { "\xc2\x85\xef\xbf\xbe\xef\xb7\x90\xf4\x8f\xbf\xbf\xc2\xa0\xe2\x82\xac", "\xc2\xa0\xe2\x82\xac" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_string_assign (out, "已有");
        gk_bundle_append_escaped (out, cases[i].in);
        g_assert_true (g_str_has_prefix (out->str, "已有"));
        g_assert_cmpstr (out->str + strlen ("已有"), ==, cases[i].out);
      }
  }

  g_assert_true (gk_bundle_url_is_linkable ("https://www.sjz.gov.cn/a?b=1&c=2"));
  g_assert_true (gk_bundle_url_is_linkable ("http://example.org/"));
  g_assert_false (gk_bundle_url_is_linkable ("javascript:alert(1)"));
  g_assert_false (gk_bundle_url_is_linkable ("JavaScript:alert(1)"));
  g_assert_false (gk_bundle_url_is_linkable (" javascript:alert(1)"));
  g_assert_false (gk_bundle_url_is_linkable ("data:text/html,<script>"));
  g_assert_false (gk_bundle_url_is_linkable ("http://a\" onmouseover=\"x"));

  {
    g_autofree char *name = gk_bundle_safe_name ("11370812004339255B/2020-22849");

    g_assert_cmpstr (name, ==, "11370812004339255B.2020-22849");
  }
  /* One name per 索引号, whatever characters they differ in. */
  {
    g_autofree char *a = gk_bundle_safe_name ("A/1_2");
    g_autofree char *b = gk_bundle_safe_name ("A_1/2");
    g_autofree char *c = gk_bundle_safe_name ("A/1/2");

    g_assert_cmpstr (a, !=, b);
    g_assert_cmpstr (a, !=, c);
    g_assert_cmpstr (b, !=, c);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle/mask-text", test_mask_text);
  g_test_add_func ("/bundle/escape-and-links", test_escape_and_links);
  g_test_add_func ("/bundle/paragraphs", test_paragraphs);
  g_test_add ("/bundle/nothing-private", Fixture, NULL, fixture_set_up, test_nothing_private, fixture_tear_down);
  g_test_add ("/bundle/zip", Fixture, NULL, fixture_set_up, test_zip, fixture_tear_down);
  g_test_add ("/bundle/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add ("/bundle/republish", Fixture, NULL, fixture_set_up, test_republish, fixture_tear_down);
  g_test_add ("/bundle/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/bundle/incremental", Fixture, NULL, fixture_set_up, test_incremental, fixture_tear_down);
  g_test_add ("/bundle/change-notice", Fixture, NULL, fixture_set_up, test_change_notice, fixture_tear_down);
  g_test_add ("/bundle/months", Fixture, NULL, fixture_set_up, test_months, fixture_tear_down);
  g_test_add ("/bundle/threads", Fixture, NULL, fixture_set_up, test_threads, fixture_tear_down);
  g_test_add ("/bundle/write-error", Fixture, NULL, fixture_set_up, test_write_error, fixture_tear_down);
  g_test_add ("/bundle/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  return g_test_run ();
}
