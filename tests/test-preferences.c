/* test-preferences.c: Preferences under a real display: channels, guide, masks and report figures reach the ledger. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gk-calendar.h"
#include "gk-calendar-year-dialog.h"
#include "gk-core.h"
#include "gk-disclosure-section.h"
#include "gk-preferences-masks-page.h"
#include "gk-message-row.h"
#include "gk-plan.h"
#include "gk-preferences-window.h"
#include "gk-preferences-publication-page.h"
#include "gk-preferences-report-page.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-string-list.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"

static char *tmp_dir;

typedef struct
{
  GType type;
  const char *title;
} RowMatch;

static gboolean
match_row (GtkWidget *widget,
           gpointer   data)
{
  const RowMatch *match = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, match->type) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), match->title) == 0;
}

/* The first preferences row under @root of @type titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  RowMatch match = { type, title };

  return gk_test_find_widget (root, match_row, &match);
}

static gboolean
match_type (GtkWidget *widget,
            gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The message row shown under @row, or NULL when it says nothing. */
static const char *
message_after (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  g_assert_true (GK_IS_MESSAGE_ROW (next));
  return gk_message_row_get_message (GK_MESSAGE_ROW (next));
}

static void
type_into (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gk_test_ui_flush ();
}

static void
test_round_trip (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "prefs.db", NULL);
  GkStore *store = gk_test_open_store (path);
  GtkWidget *window = gk_preferences_window_new (NULL, store);
  GtkWidget *publication = template_child (window, GK_TYPE_PREFERENCES_WINDOW, "publication_page");
  GtkWidget *masks = template_child (window, GK_TYPE_PREFERENCES_WINDOW, "masks_page");
  GtkWidget *report = template_child (window, GK_TYPE_PREFERENCES_WINDOW, "report_page");
  GtkWidget *idcard_head = template_child (masks, GK_TYPE_PREFERENCES_MASKS_PAGE, "idcard_head_spin");
  GtkWidget *idcard_preview = template_child (masks, GK_TYPE_PREFERENCES_MASKS_PAGE, "idcard_preview");
  GtkWidget *row;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) channels = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(GkReportFigures) figures = NULL;
  GkMaskPolicy policy;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Channels: add one, rename the first, move the new one up. */
  row = find_row (publication, ADW_TYPE_ENTRY_ROW, "Add a Channel");
  g_assert_nonnull (row);
  type_into (row, "  村务公开栏 ");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  row = find_row (publication, ADW_TYPE_ENTRY_ROW, "Channel 1");
  type_into (row, "区政府网站");
  g_signal_emit_by_name (row, "apply");
  row = find_row (publication, ADW_TYPE_ENTRY_ROW, "Channel 5");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "村务公开栏");
  g_signal_emit_by_name (gk_string_list_get_button (GK_STRING_LIST (gk_test_find_descendant (publication, GK_TYPE_STRING_LIST)),
                                                    4, "up"), "clicked");
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (publication, ADW_TYPE_ENTRY_ROW, "Channel 4"))),
                   ==, "村务公开栏");
  /* The second channel goes; the list closes up. */
  g_signal_emit_by_name (gk_string_list_get_button (GK_STRING_LIST (gk_test_find_descendant (publication, GK_TYPE_STRING_LIST)),
                                                    1, "remove"), "clicked");
  gk_test_ui_flush ();
  g_assert_null (find_row (publication, ADW_TYPE_ENTRY_ROW, "Channel 5"));

  /* The guide's phone: refused at the field until it is a number. */
  row = find_row (publication, ADW_TYPE_ENTRY_ROW, "Phone");
  g_assert_nonnull (row);
  type_into (row, "call the office");
  g_assert_nonnull (message_after (row));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  type_into (row, "0311-86012345");
  g_assert_null (message_after (row));
  row = find_row (publication, ADW_TYPE_ENTRY_ROW, "Postal Code");
  type_into (row, "0500");
  g_assert_nonnull (message_after (row));

  /* Masks: the preview follows; a setting that shows too much is refused. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (idcard_preview)), ==, "110105********002X");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idcard_head), 4);
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (idcard_preview)), ==, "1101**********002X");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idcard_head), 15);
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (idcard_preview)), ==, "1101**********002X");
  g_assert_nonnull (gk_message_row_get_message (GK_MESSAGE_ROW (template_child (masks, GK_TYPE_PREFERENCES_MASKS_PAGE,
                                                                                "idcard_message_row"))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idcard_head), 3);
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (idcard_preview)), ==, "110***********002X");
  g_assert_null (gk_message_row_get_message (GK_MESSAGE_ROW (template_child (masks, GK_TYPE_PREFERENCES_MASKS_PAGE,
                                                                             "idcard_message_row"))));

  /* Report figures of 2024: a count, a bad count, the fees, the overview. */
  gk_preferences_report_page_set_year (GK_PREFERENCES_REPORT_PAGE (report), 2024);
  g_assert_cmpint (gk_preferences_report_page_get_year (GK_PREFERENCES_REPORT_PAGE (report)), ==, 2024);
  row = find_row (report, ADW_TYPE_ENTRY_ROW, "Regulations: Issued This Year");
  g_assert_nonnull (row);
  type_into (row, "7");
  g_assert_null (message_after (row));
  row = find_row (report, ADW_TYPE_ENTRY_ROW, "Administrative Penalties: Decisions This Year");
  type_into (row, "-2");
  g_assert_nonnull (message_after (row));
  row = find_row (report, ADW_TYPE_ENTRY_ROW, "Administrative Fees: Fees This Year (10,000 Yuan)");
  type_into (row, "3.25");
  g_assert_null (message_after (row));
  /* Last year's carried-over applications, by hand: the total follows. */
  row = find_row (report, ADW_TYPE_ACTION_ROW, "II. Applications Carried Over from Last Year");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (find_row (report, ADW_TYPE_ENTRY_ROW, "Natural Persons")));
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))), TRUE);
  row = find_row (report, ADW_TYPE_ENTRY_ROW, "Natural Persons");
  g_assert_true (gtk_widget_get_visible (row));
  type_into (row, "3");
  type_into (find_row (report, ADW_TYPE_ENTRY_ROW, "Others"), "2");
  views = gk_test_collect_widgets (report, match_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));
  g_assert_cmpuint (views->len, ==, 3);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), "总体情况。", -1);
  /* Another year shows its own (empty) figures. */
  gk_preferences_report_page_set_year (GK_PREFERENCES_REPORT_PAGE (report), 2023);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (report, ADW_TYPE_ENTRY_ROW,
                                                                  "Regulations: Issued This Year"))), ==, "0");

  /* Close, let go of the ledger, and open it again. */
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_ui_flush ();
  g_object_unref (store);
  g_assert_null (store);
  store = gk_test_open_store (path);

  channels = gk_store_get_default_channels (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (channels), ==, 4);
  g_assert_cmpstr (channels[0], ==, "区政府网站");
  g_assert_cmpstr (channels[1], ==, "公开查阅点");
  g_assert_cmpstr (channels[2], ==, "村务公开栏");
  g_assert_cmpstr (channels[3], ==, "公告栏");

  phone = gk_store_get_guide (store, GK_GUIDE_PHONE, &error);
  g_assert_cmpstr (phone, ==, "0311-86012345");

  g_assert_true (gk_store_get_mask_policy (store, &policy, &error));
  g_assert_cmpuint (policy.idcard_head, ==, 3);
  g_assert_cmpuint (policy.idcard_tail, ==, 4);

  figures = gk_store_get_report_figures (store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->rules_issued, ==, 7);
  g_assert_cmpint (figures->penalty_decisions, ==, 0);
  g_assert_cmpint (figures->fees_fen, ==, 3250000);
  g_assert_cmpstr (figures->overview, ==, "总体情况。");
  g_assert_true (figures->has_carried_over);
  g_assert_cmpint (figures->carried_over[GK_APPLICANT_PERSON], ==, 3);
  g_assert_cmpint (figures->carried_over[GK_APPLICANT_OTHER], ==, 2);
  g_assert_cmpint (figures->carried_over[GK_APPLICANT_TOTAL], ==, 5);
  g_clear_pointer (&figures, gk_report_figures_free);
  figures = gk_store_get_report_figures (store, 2023, &error);
  g_assert_cmpint (figures->rules_issued, ==, 0);

  g_object_unref (store);
}

/* A record of an item that names no channel offers the ledger's defaults. */
static void
test_disclosure_defaults (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "disclosure.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = NULL;
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *defaults[] = { "区政府网站", "村务公开栏", NULL };
  GtkWidget *section = g_object_ref_sink (gk_disclosure_section_new ());

  gk_test_add_plain_item (store, "test.plain", "procurement");
  g_assert_true (gk_store_set_default_channels (store, defaults, &error));
  g_assert_no_error (error);
  record = gk_store_create_record (store, "test.plain", "无渠道事项的记录", &error);
  g_assert_no_error (error);

  item = gk_store_get_item (store, "test.plain", &error);
  g_assert_no_error (error);
  gk_editor_section_set_record (GK_EDITOR_SECTION (section), store, record, item);
  rows = gk_test_collect_widgets (section, match_type, GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "区政府网站");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "村务公开栏");

  gk_editor_section_set_record (GK_EDITOR_SECTION (section), store, NULL, NULL);
  g_assert_finalize_object (section);
}

static GkCalendarYearDialog *
find_year_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_CALENDAR_YEAR_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GK_CALENDAR_YEAR_DIALOG (window);
    }
  return NULL;
}

static gboolean
year_dialog_shown (gpointer data)
{
  return find_year_dialog () != NULL;
}

static char *
text_of (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A line the notice cannot hold is shown at its field; the dialog stays
 * open with everything typed, and 添加 waits until the line is fixed. */
static void
test_holiday_notice_keeps_text (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "calendar.db", NULL);
  GkStore *store = gk_test_open_store (path);
  GtkWidget *window = gk_preferences_window_new (NULL, store);
  GkCalendarYearDialog *dialog;
  GtkWidget *holidays, *holidays_error;
  g_autofree char *kept = NULL;
  GDate day = gk_test_date ("2031-02-10");
  gboolean known = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  g_signal_emit_by_name (gk_test_find_button (window, "_Add Year…"), "clicked");
  gk_test_ui_wait_until (year_dialog_shown, NULL);
  dialog = find_year_dialog ();
  holidays = template_child (GTK_WIDGET (dialog), GK_TYPE_CALENDAR_YEAR_DIALOG, "holidays_view");
  holidays_error = template_child (GTK_WIDGET (dialog), GK_TYPE_CALENDAR_YEAR_DIALOG, "holidays_error");

  type_into (template_child (GTK_WIDGET (dialog), GK_TYPE_CALENDAR_YEAR_DIALOG, "year_row"), "2031");
  type_into (template_child (GTK_WIDGET (dialog), GK_TYPE_CALENDAR_YEAR_DIALOG, "notice_row"),
             "国务院办公厅关于2031年部分节假日安排的通知");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (holidays)),
                            "2031-01-01 元旦\n2031年2月6日至32日 春节", -1);
  gk_test_ui_flush ();

  g_assert_true (gtk_widget_get_visible (holidays_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (holidays_error)), "Line 2"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (holidays_error)), "2027年2月6日"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  kept = text_of (holidays);
  g_assert_cmpstr (kept, ==, "2031-01-01 元旦\n2031年2月6日至32日 春节");

  /* Fixed, the notice is saved with the range as the clerk wrote it. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (holidays)),
                            "2031-01-01 元旦\n2031年2月6日至12日 春节", -1);
  gk_test_ui_flush ();
  g_assert_false (gtk_widget_get_visible (holidays_error));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gk_test_ui_flush ();

  g_assert_true (gk_calendar_has_year (gk_store_get_calendar (store), 2031));
  g_assert_false (gk_calendar_is_workday (gk_store_get_calendar (store), &day, &known));
  g_assert_true (known);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
}

/* The organisation page: the level is stored when chosen, a wrong code is
 * marked at the field and not taken, units are renamed in place and
 * retired with their switch. */
static gboolean
match_unit_row (GtkWidget *widget,
                gpointer   data)
{
  return ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), data) == 0;
}

static void
test_organisation_units (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "organisation.db", NULL);
  GkStore *store = gk_test_open_store (path);
  GtkWidget *window = gk_preferences_window_new (NULL, store);
  GtkWidget *level_row, *code_row, *unit_row, *toggle;
  g_autofree char *code = NULL;
  g_autofree char *level = NULL;
  gint64 unit_id = gk_store_find_unit (store, "胜北街道", &error);

  gtk_window_present (GTK_WINDOW (window));
  level_row = template_child (window, GK_TYPE_PREFERENCES_WINDOW, "level_row");
  code_row = template_child (window, GK_TYPE_PREFERENCES_WINDOW, "code_row");
  /* Unset, a department's (the earlier due date). */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (level_row)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (level_row), 0);
  gk_test_ui_flush ();
  level = gk_store_dup_organisation_level (store, &error);
  g_assert_cmpstr (level, ==, GK_ORGANISATION_DISTRICT);

  type_into (code_row, "11130102000014349X");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_signal_emit_by_name (code_row, "apply");
  gk_test_ui_flush ();
  g_assert_true (gk_store_get_organisation (store, NULL, &code, &error));
  g_assert_cmpstr (code, ==, GK_TEST_ORG_CODE);
  type_into (code_row, GK_TEST_ORG_CODE);
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));

  /* Renamed in place: the same unit, its new name. */
  g_assert_cmpint (unit_id, !=, 0);
  unit_row = gk_test_find_widget (window, match_unit_row, (gpointer) "胜北街道");
  g_assert_nonnull (unit_row);
  type_into (unit_row, "胜北街道办事处");
  g_signal_emit_by_name (unit_row, "apply");
  gk_test_ui_flush ();
  g_assert_cmpint (gk_store_find_unit (store, "胜北街道办事处", &error), ==, unit_id);

  /* Its switch retires it, under the new name. */
  toggle = gk_test_find_descendant (unit_row, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  gk_test_ui_flush ();
  {
    g_autoptr(GPtrArray) units = gk_store_list_units (store, TRUE, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < units->len; i++)
      {
        GkUnit *unit = g_ptr_array_index (units, i);

        if (unit->id == unit_id)
          {
            found = TRUE;
            g_assert_cmpstr (unit->name, ==, "胜北街道办事处");
            g_assert_true (unit->retired);
          }
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "prefs");

  g_test_add_func ("/preferences/round-trip", test_round_trip);
  g_test_add_func ("/preferences/disclosure-defaults", test_disclosure_defaults);
  g_test_add_func ("/preferences/holiday-notice-keeps-text", test_holiday_notice_keeps_text);
  g_test_add_func ("/preferences/organisation-units", test_organisation_units);

  status = g_test_run ();
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
