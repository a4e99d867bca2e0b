/* test-settings.c: the ledger's settings: channels, guide contacts, masks, the annual report's figures. */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-core.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-test-util.h"

typedef GkTestLedger Fixture;

#define fixture_setup gk_test_ledger_set_up
#define fixture_teardown gk_test_ledger_tear_down

/* Closes the ledger and opens it again: what was saved must come back. */
static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (f->store);
  f->store = gk_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
on_settings_changed_cb (GkStore    *store,
                        const char *key,
                        GPtrArray  *keys)
{
  g_ptr_array_add (keys, g_strdup (key));
}

static void
test_generic (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) guide_keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *value = NULL;

  g_signal_connect (f->store, "settings-changed", G_CALLBACK (on_settings_changed_cb), keys);
  g_signal_connect (f->store, "settings-changed::guide/phone", G_CALLBACK (on_settings_changed_cb), guide_keys);

  value = gk_store_get_setting (f->store, "test/key", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_true (gk_store_set_setting (f->store, "test/key", "一", &error));
  g_assert_no_error (error);
  /* The same value again writes nothing and says nothing. */
  g_assert_true (gk_store_set_setting (f->store, "test/key", "一", &error));
  g_assert_true (gk_store_set_guide (f->store, GK_GUIDE_PHONE, "0311-86012345", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "test/key");
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, "guide/phone");
  g_assert_cmpuint (guide_keys->len, ==, 1);

  reopen (f);
  value = gk_store_get_setting (f->store, "test/key", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "一");
  g_clear_pointer (&value, g_free);

  g_assert_true (gk_store_set_setting (f->store, "test/key", NULL, &error));
  g_assert_no_error (error);
  value = gk_store_get_setting (f->store, "test/key", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

static void
test_default_channels (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) channels = NULL;
  const char *mine[] = { " 政府门户网站 ", "公开查阅点", "村务公开栏", NULL };
  const char *twice[] = { "公告栏", "公告栏 ", NULL };
  const char *blank[] = { "公告栏", " ", NULL };
  const char *none[] = { NULL };

  /* Built in until the clerk edits them. */
  channels = gk_store_get_default_channels (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (channels), ==, 4);
  g_assert_cmpstr (channels[0], ==, "政府门户网站");
  g_clear_pointer (&channels, g_strfreev);

  g_assert_true (gk_store_set_default_channels (f->store, mine, &error));
  g_assert_no_error (error);
  g_assert_false (gk_store_set_default_channels (f->store, twice, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_store_set_default_channels (f->store, blank, &error));
  g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
  g_clear_error (&error);

  reopen (f);
  channels = gk_store_get_default_channels (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (channels), ==, 3);
  g_assert_cmpstr (channels[0], ==, "政府门户网站");
  g_assert_cmpstr (channels[2], ==, "村务公开栏");
  g_clear_pointer (&channels, g_strfreev);

  /* An empty list is a choice; NULL goes back to the built-in one. */
  g_assert_true (gk_store_set_default_channels (f->store, none, &error));
  channels = gk_store_get_default_channels (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (channels), ==, 0);
  g_clear_pointer (&channels, g_strfreev);
  g_assert_true (gk_store_set_default_channels (f->store, NULL, &error));
  channels = gk_store_get_default_channels (f->store, &error);
  g_assert_cmpuint (g_strv_length (channels), ==, 4);
}

static void
test_item_channels (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GkItem) item = gk_item_new ("test.channels", "procurement");
  g_autoptr(GkItem) request = gk_store_get_item (f->store, "request.application", NULL);

  gk_item_set_deadline_rule (item, "proactive");
  gk_item_set_channels (item, (const char *[]) { "政府门户网站", NULL });
  g_assert_false (gk_item_takes_default_channels (item));
  gk_item_set_channels (item, (const char *[]) { NULL });
  g_assert_true (gk_item_takes_default_channels (item));
  gk_item_set_channels (item, NULL);
  g_assert_true (gk_item_takes_default_channels (item));

  /* Applications are answered, not published. */
  g_assert_nonnull (request);
  g_assert_false (gk_item_takes_default_channels (request));
}

static void
test_guide (Fixture       *f,
            gconstpointer  data)
{
  static const struct { GkGuideField field; const char *value; const char *stored; } good[] = {
    { GK_GUIDE_OFFICE, " 长安区人民政府办公室 ", "长安区人民政府办公室" },
    { GK_GUIDE_ADDRESS, "石家庄市长安区中山东路1号", "石家庄市长安区中山东路1号" },
    { GK_GUIDE_POSTCODE, "０５００１１", "050011" },
    { GK_GUIDE_PHONE, "0311-86012345", "0311-86012345" },
    { GK_GUIDE_FAX, "0311-86012346", "0311-86012346" },
    { GK_GUIDE_EMAIL, "xxgk@example.gov.cn", "xxgk@example.gov.cn" },
    { GK_GUIDE_HOURS, "工作日 9:00–12:00，13:30–17:30", "工作日 9:00–12:00，13:30–17:30" },
    { GK_GUIDE_WEBSITE, "https://www.example.gov.cn/", "https://www.example.gov.cn/" },
  };
  static const struct { GkGuideField field; const char *value; } bad[] = {
    { GK_GUIDE_POSTCODE, "05001" },
    { GK_GUIDE_POSTCODE, "05001a" },
    { GK_GUIDE_PHONE, "call us" },
    { GK_GUIDE_EMAIL, "xxgk@example" },
    { GK_GUIDE_EMAIL, "xxgk example.gov.cn" },
    { GK_GUIDE_WEBSITE, "not a site" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (gk_store_set_guide (f->store, good[i].field, good[i].value, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GkValidation) check = gk_guide_validate (bad[i].field, bad[i].value);

      g_assert_cmpint (check->severity, ==, GK_SEVERITY_ERROR);
      g_assert_nonnull (check->message);
      g_assert_false (gk_store_set_guide (f->store, bad[i].field, bad[i].value, &error));
      g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
      g_clear_error (&error);
    }

  reopen (f);
  /* The refused values left the good ones in place. */
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *value = gk_store_get_guide (f->store, good[i].field, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, good[i].stored);
    }

  /* Emptying a field removes it. */
  g_assert_true (gk_store_set_guide (f->store, GK_GUIDE_FAX, "", &error));
  g_assert_no_error (error);
  {
    g_autofree char *fax = gk_store_get_guide (f->store, GK_GUIDE_FAX, &error);
    g_autofree char *raw = gk_store_get_setting (f->store, GK_SETTING_GUIDE_PREFIX "fax", &error);

    g_assert_cmpstr (fax, ==, "");
    g_assert_null (raw);
  }
}

static void
test_masks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GkMaskPolicy policy;
  GkMaskPolicy wanted;
  g_autofree char *id = NULL;
  g_autofree char *mobile = NULL;

  /* Defaults when unset (DOMAIN.md §6). */
  g_assert_true (gk_store_get_mask_policy (f->store, &policy, &error));
  g_assert_no_error (error);
  id = gk_mask_idcard ("11010519491231002X", &policy);
  mobile = gk_mask_phone ("13812341234", &policy);
  g_assert_cmpstr (id, ==, "110105********002X");
  g_assert_cmpstr (mobile, ==, "138****1234");
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&mobile, g_free);

  wanted = policy;
  wanted.idcard_head = 4;
  wanted.idcard_tail = 2;
  wanted.phone_head = 3;
  wanted.phone_tail = 2;
  wanted.text_head = 0;
  wanted.mask_char = 0x25CF; /* ● */
  g_assert_true (gk_store_set_mask_policy (f->store, &wanted, &error));
  g_assert_no_error (error);

  reopen (f);
  g_assert_true (gk_store_get_mask_policy (f->store, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (policy.idcard_head, ==, 4);
  g_assert_cmpuint (policy.idcard_tail, ==, 2);
  g_assert_cmpuint (policy.phone_tail, ==, 2);
  g_assert_cmpuint (policy.text_head, ==, 0);
  g_assert_cmpuint (policy.mask_char, ==, 0x25CF);
  id = gk_mask_idcard ("11010519491231002X", &policy);
  g_assert_cmpstr (id, ==, "1101●●●●●●●●●●●●2X");
}

static void
test_mask_refusals (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { guint id_head, id_tail, phone_head, phone_tail, name_head, name_tail; gunichar c; } bad[] = {
    { 14, 4, 3, 4, 1, 0, '*' },   /* the whole ID number */
    { 16, 1, 3, 4, 1, 0, '*' },   /* one hidden digit: the check digit gives it back */
    { 6, 5, 3, 4, 1, 0, '*' },    /* fewer than 8 hidden */
    { 6, 4, 4, 4, 1, 0, '*' },    /* a mobile number with 3 hidden */
    { 6, 4, 0, 6, 1, 0, '*' },    /* most of a landline's subscriber number */
    { 6, 4, 3, 4, 2, 1, '*' },    /* a three-character name whole */
    { 6, 4, 3, 4, 1, 0, '0' },    /* a digit as the mask */
    { 6, 4, 3, 4, 1, 0, 'X' },
    { 6, 4, 3, 4, 1, 0, ' ' },
  };
  g_autoptr(GError) error = NULL;
  GkMaskPolicy policy;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GkMaskPolicy p = {
        bad[i].id_head, bad[i].id_tail, bad[i].phone_head, bad[i].phone_tail,
        bad[i].name_head, bad[i].name_tail, bad[i].c,
      };

      g_assert_false (gk_mask_policy_check (&p, NULL));
      g_assert_false (gk_store_set_mask_policy (f->store, &p, &error));
      g_assert_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* The largest allowed: 10 of 18 shown. */
  gk_mask_policy_init_default (&policy);
  policy.idcard_head = 8;
  policy.idcard_tail = 2;
  g_assert_true (gk_mask_policy_check (&policy, NULL));

  /* A ledger edited by hand never widens what public outputs show. */
  g_assert_true (gk_store_set_setting (f->store, GK_SETTING_MASKS,
                                       "{\"idcard-head\": 17, \"idcard-tail\": 1, \"phone-head\": 2,"
                                       " \"phone-tail\": 4, \"char\": \"7\"}",
                                       &error));
  g_assert_no_error (error);
  g_assert_true (gk_store_get_mask_policy (f->store, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (policy.idcard_head, ==, 6);
  g_assert_cmpuint (policy.idcard_tail, ==, 4);
  g_assert_cmpuint (policy.phone_head, ==, 2);
  g_assert_cmpuint (policy.mask_char, ==, '*');
  g_assert_true (gk_mask_policy_check (&policy, NULL));

  /* So does a damaged value. */
  g_assert_true (gk_store_set_setting (f->store, GK_SETTING_MASKS, "not json", &error));
  g_assert_true (gk_store_get_mask_policy (f->store, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (policy.idcard_head, ==, 6);
}

static void
test_report_figures (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (2024);
  g_autoptr(GkReportFigures) other = gk_report_figures_new (2023);
  g_autoptr(GkReportFigures) loaded = NULL;
  gint64 fen = 0;

  /* Unset: zeros and empty texts. */
  loaded = gk_store_get_report_figures (f->store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->year, ==, 2024);
  g_assert_cmpint (loaded->rules_issued, ==, 0);
  g_assert_cmpstr (loaded->overview, ==, "");
  g_assert_false (loaded->has_carried_over);
  g_clear_pointer (&loaded, gk_report_figures_free);

  figures->rules_issued = 2;
  figures->rules_repealed = 1;
  figures->rules_in_force = 15;
  figures->normative_issued = 12;
  figures->normative_in_force = 87;
  figures->licensing_decisions = 3456;
  figures->penalty_decisions = 78;
  figures->coercion_decisions = 4;
  g_assert_true (gk_report_parse_fees ("12.3456", &fen, &error));
  g_assert_no_error (error);
  figures->fees_fen = fen;
  g_free (figures->overview);
  figures->overview = g_strdup ("2024年，长安区深入贯彻落实《条例》。\n第二段。");
  g_free (figures->other);
  figures->other = g_strdup ("无。");
  figures->has_carried_over = TRUE;
  figures->carried_over[GK_APPLICANT_PERSON] = 3;
  figures->carried_over[GK_APPLICANT_BUSINESS] = 1;
  figures->carried_over[GK_APPLICANT_TOTAL] = 4;
  g_assert_true (gk_store_set_report_figures (f->store, figures, &error));
  g_assert_no_error (error);

  other->licensing_decisions = 1;
  g_assert_true (gk_store_set_report_figures (f->store, other, &error));
  g_assert_no_error (error);

  reopen (f);
  loaded = gk_store_get_report_figures (f->store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->rules_issued, ==, 2);
  g_assert_cmpint (loaded->rules_repealed, ==, 1);
  g_assert_cmpint (loaded->rules_in_force, ==, 15);
  g_assert_cmpint (loaded->normative_issued, ==, 12);
  g_assert_cmpint (loaded->normative_repealed, ==, 0);
  g_assert_cmpint (loaded->normative_in_force, ==, 87);
  g_assert_cmpint (loaded->licensing_decisions, ==, 3456);
  g_assert_cmpint (loaded->penalty_decisions, ==, 78);
  g_assert_cmpint (loaded->coercion_decisions, ==, 4);
  g_assert_cmpint (loaded->fees_fen, ==, 12345600);
  g_assert_cmpstr (loaded->overview, ==, figures->overview);
  g_assert_cmpstr (loaded->problems, ==, "");
  g_assert_cmpstr (loaded->other, ==, "无。");
  g_assert_true (loaded->has_carried_over);
  g_assert_cmpint (loaded->carried_over[GK_APPLICANT_TOTAL], ==, 4);
  g_clear_pointer (&loaded, gk_report_figures_free);

  /* Each year keeps its own figures. */
  loaded = gk_store_get_report_figures (f->store, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->licensing_decisions, ==, 1);
  g_assert_cmpint (loaded->rules_issued, ==, 0);
  g_assert_false (loaded->has_carried_over);
  g_clear_pointer (&loaded, gk_report_figures_free);
  loaded = gk_store_get_report_figures (f->store, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->licensing_decisions, ==, 0);
}

static void
test_bad_figures (Fixture       *f,
                  gconstpointer  data)
{
  static const char *bad_counts[] = { "-1", "1.5", "abc", "", "1e3", NULL };
  static const char *bad_fees[] = { "-0.5", "1.23456", "x", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (2024);
  g_autoptr(GkReportFigures) loaded = NULL;
  g_autofree char *text = NULL;
  gint64 value = -1;

  for (guint i = 0; bad_counts[i] != NULL; i++)
    {
      g_assert_false (gk_report_parse_count (bad_counts[i], NULL, &error));
      g_assert_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID);
      g_assert_nonnull (error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; bad_fees[i] != NULL; i++)
    {
      g_assert_false (gk_report_parse_fees (bad_fees[i], NULL, &error));
      g_assert_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (gk_report_parse_count ("１２", &value, &error));
  g_assert_cmpint (value, ==, 12);
  g_assert_true (gk_report_parse_fees ("0.0001", &value, &error));
  g_assert_cmpint (value, ==, 100);
  text = gk_report_format_fees (value);
  g_assert_cmpstr (text, ==, "0.0001");
  g_clear_pointer (&text, g_free);
  text = gk_report_format_fees (12000000);
  g_assert_cmpstr (text, ==, "12");
  g_clear_pointer (&text, g_free);

  /* The store refuses negative counts and a total that does not add up. */
  figures->penalty_decisions = -3;
  g_assert_false (gk_store_set_report_figures (f->store, figures, &error));
  g_assert_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID);
  g_clear_error (&error);
  figures->penalty_decisions = 3;
  figures->has_carried_over = TRUE;
  figures->carried_over[GK_APPLICANT_PERSON] = 2;
  figures->carried_over[GK_APPLICANT_TOTAL] = 3;
  g_assert_false (gk_store_set_report_figures (f->store, figures, &error));
  g_assert_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID);
  g_clear_error (&error);
  figures->fees_fen = 150; /* 1.5 元: not four decimals of 万元 */
  figures->carried_over[GK_APPLICANT_TOTAL] = 2;
  g_assert_false (gk_store_set_report_figures (f->store, figures, &error));
  g_clear_error (&error);
  figures->year = 2019; /* the trial format's years are not produced */
  figures->fees_fen = 0;
  g_assert_false (gk_store_set_report_figures (f->store, figures, &error));
  g_clear_error (&error);

  /* Nothing was written; a stored document with a fraction or another year is refused. */
  loaded = gk_store_get_report_figures (f->store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->penalty_decisions, ==, 0);
  g_clear_pointer (&loaded, gk_report_figures_free);
  g_assert_true (gk_store_set_setting (f->store, "report/2024", "{\"year\": 2024, \"penalty-decisions\": 1.5}", &error));
  loaded = gk_store_get_report_figures (f->store, 2024, &error);
  g_assert_null (loaded);
  g_assert_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_store_set_setting (f->store, "report/2024", "{\"year\": 2023}", &error));
  loaded = gk_store_get_report_figures (f->store, 2024, &error);
  g_assert_null (loaded);
  g_assert_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add ("/settings/generic", Fixture, NULL, fixture_setup, test_generic, fixture_teardown);
  g_test_add ("/settings/default-channels", Fixture, NULL, fixture_setup, test_default_channels, fixture_teardown);
  g_test_add ("/settings/item-channels", Fixture, NULL, fixture_setup, test_item_channels, fixture_teardown);
  g_test_add ("/settings/guide", Fixture, NULL, fixture_setup, test_guide, fixture_teardown);
  g_test_add ("/settings/masks", Fixture, NULL, fixture_setup, test_masks, fixture_teardown);
  g_test_add ("/settings/mask-refusals", Fixture, NULL, fixture_setup, test_mask_refusals, fixture_teardown);
  g_test_add ("/settings/report-figures", Fixture, NULL, fixture_setup, test_report_figures, fixture_teardown);
  g_test_add ("/settings/bad-figures", Fixture, NULL, fixture_setup, test_bad_figures, fixture_teardown);

  return g_test_run ();
}
