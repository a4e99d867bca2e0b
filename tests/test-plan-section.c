/* test-plan-section.c: the supervision of reports, credit pushes and work plans, and correction notices in the editor. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gk-application.h"
#include "gk-core.h"
#include "gk-plan-section.h"
#include "gk-plan.h"
#include "gk-preferences-window.h"
#include "gk-record-editor-private.h"
#include "gk-store.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window-private.h"

static char *tmp_dir;
static GkApplication *app;

static GkRecord *
add_record (GkStore    *store,
            const char *item_key,
            const char *title,
            const char *fields)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_create_record (store, item_key, title, &error);

  g_assert_no_error (error);
  g_assert_true (gk_record_set_values_json (record, fields, NULL));
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static gboolean
has_text (GStrv       texts,
          const char *wanted)
{
  for (guint i = 0; texts[i] != NULL; i++)
    if (strstr (texts[i], wanted) != NULL)
      return TRUE;
  return FALSE;
}

static const char *wanted_duty;

static gboolean
shows_duty (gpointer data)
{
  g_auto(GStrv) texts = gk_plan_section_dup_duty_texts (data);

  return has_text (texts, wanted_duty);
}

/* A blacklist entry past its push deadline is overdue; the exported annual
 * report is marked submitted from the page; the units without a work plan
 * are listed as missing. */
static void
test_supervision (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "plan.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkRecord) entry = NULL;
  g_autoptr(GkRecord) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pushes = NULL;
  g_auto(GStrv) duties = NULL;
  g_auto(GStrv) plans = NULL;
  g_autofree char *push_row = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *section = gk_plan_section_new ();
  GtkWidget *button;

  entry = add_record (store, "blacklist.entry", "某公司列入黑名单", "{\"penalty_date\": \"2026-12-14\"}");
  notice = add_record (store, "procurement.notice", "某项目采购公告", "{}");
  gk_record_set_formed_on (notice, "2026-05-06");
  g_assert_true (gk_store_save_record (store, notice, &error));
  g_assert_true (gk_store_record_report_export (store, 2026, "2026-12-20T09:00:00+08:00", &error));
  g_assert_no_error (error);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), section);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gk_plan_section_set_today (GK_PLAN_SECTION (section), "2026-12-24");
  gk_plan_section_set_store (GK_PLAN_SECTION (section), store);
  gtk_window_present (GTK_WINDOW (window));
  wanted_duty = "Annual Report 2026\tDue 2027-01-31 · exported, not yet marked submitted";
  gk_test_ui_wait_until (shows_duty, section);

  pushes = gk_plan_section_dup_push_texts (GK_PLAN_SECTION (section));
  push_row = g_strdup_printf ("某公司列入黑名单\t%s · push due 2026-12-23\tOverdue", gk_record_get_index_no (entry));
  g_assert_true (has_text (pushes, push_row));
  /* A notice is no credit information. */
  g_assert_false (has_text (pushes, "某项目采购公告"));

  plans = gk_plan_section_dup_plan_texts (GK_PLAN_SECTION (section));
  g_assert_true (has_text (plans, "区财政局\tNot yet published\tMissing"));

  /* Mark as Submitted (a button emits "clicked" a moment after it is activated). */
  button = gk_test_find_button (section, "Mark as _Submitted");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wanted_duty = "Annual Report 2026\tSubmitted on 2026-12-24 (due 2027-01-31)\tOn Time";
  gk_test_ui_wait_until (shows_duty, section);
  duties = gk_plan_section_dup_duty_texts (GK_PLAN_SECTION (section));
  /* The progress report is marked on its own. */
  g_assert_true (has_text (duties, "Progress Report 2026\tDue 2027-01-31 · exported, not yet marked submitted"));

  /* Pushed: the entry leaves the list. */
  gk_record_set_value_string (entry, GK_CREDIT_PUSHED_FIELD, "2026-12-24");
  g_assert_true (gk_store_save_record (store, entry, &error));
  g_assert_no_error (error);
  gk_test_ui_flush ();
  g_clear_pointer (&pushes, g_strfreev);
  pushes = gk_plan_section_dup_push_texts (GK_PLAN_SECTION (section));
  g_assert_false (has_text (pushes, "某公司列入黑名单"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *shown_uuid;

static gboolean
shows_other_record (gpointer data)
{
  GkWindow *window = data;

  return window->record != NULL && g_strcmp0 (gk_record_get_uuid (window->record), shown_uuid) != 0;
}

/* The notice shows "更正公告: …" linking to its correction, which links back. */
static void
test_corrections (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "corrections.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GkRecord) notice = add_record (store, "procurement.notice", "某项目采购公告", "{}");
  g_autoptr(GkRecord) correction = NULL;
  g_autofree char *values = NULL;
  g_autofree char *link = NULL;
  GkCorrectionsSection *section;
  GPtrArray *rows;
  GkWindow *window;

  values = g_strdup_printf ("{\"corrected_index_no\": \"%s\", \"correction_date\": \"2026-12-01\"}",
                            gk_record_get_index_no (notice));
  correction = add_record (store, "procurement.correction", "某项目更正公告", values);

  window = gk_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "open-record",
                                  g_variant_new_string (gk_record_get_uuid (notice)));
  gk_test_ui_flush ();
  section = window->record_editor->corrections_section;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  rows = gk_corrections_section_get_rows (section);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "更正公告: 某项目更正公告");

  /* The link opens the correction, whose section names the notice. */
  shown_uuid = gk_record_get_uuid (notice);
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activated");
  gk_test_ui_wait_until (shows_other_record, window);
  g_assert_cmpstr (gk_record_get_uuid (window->record), ==, gk_record_get_uuid (correction));
  rows = gk_corrections_section_get_rows (window->record_editor->corrections_section);
  g_assert_cmpuint (rows->len, ==, 1);
  link = g_strdup_printf ("Corrects: %s", gk_record_get_title (notice));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, link);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_credit_push_spin (GtkWidget *widget,
                     gpointer   data)
{
  /* The only spin button of Preferences that goes up to 60 working days. */
  return GTK_IS_SPIN_BUTTON (widget) &&
         gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget))) == GK_CREDIT_PUSH_MAX_WORKDAYS;
}

/* Preferences set the push deadline in the ledger. */
static void
test_preferences (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "preferences.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  GtkWidget *window = gk_preferences_window_new (NULL, store);
  GtkWidget *spin = gk_test_find_widget (window, is_credit_push_spin, NULL);

  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
  g_assert_cmpuint (gk_store_get_credit_push_workdays (store, NULL), ==, 10);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Opened again, it shows what the ledger holds. */
  window = gk_preferences_window_new (NULL, store);
  spin = gk_test_find_widget (window, is_credit_push_spin, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 10);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "plan-section");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/plan-section/supervision", test_supervision);
  g_test_add_func ("/plan-section/corrections", test_corrections);
  g_test_add_func ("/plan-section/preferences", test_preferences);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
