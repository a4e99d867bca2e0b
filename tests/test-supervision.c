/* test-supervision.c: the supervision section on a prepared ledger: urgent list, report, badge against `gongkai-cli check`. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-application.h"
#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-deadline.h"
#include "gk-record-row.h"
#include "gk-sidebar-row.h"
#include "gk-store.h"
#include "gk-supervision-print.h"
#include "gk-supervision-view.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window.h"
#include "gk-window-private.h"

/* One application for the whole run: it is exported on the session bus. */

/* Whether the list pane shows its report button or its unit filter. */
static gboolean
pane_shows (GkWindow   *window,
            const char *what)
{
  gboolean shown;

  g_object_get (window->list_pane, what, &shown, NULL);
  return shown;
}

static GkApplication *app;
static char *tmp_dir;

/* The prepared ledger: what each record is, as of the real today. */
typedef struct
{
  char *path;
  GkStore *store;
  char *oldest_overdue;   /* 区财政局, procurement: the most urgent */
  char *overdue;          /* 区住建局, housing construction */
  char *due_soon;         /* 区发改局, procurement, due within 3 working days */
  char *oldest_due_on;
  char *today;
} Ledger;

static char *
days_ago (const char *today,
          guint       days)
{
  GDate date;

  g_assert_true (gk_date_from_iso (today, &date, NULL));
  g_date_subtract_days (&date, days);
  return gk_date_format_iso (&date);
}

static GkRecord *
add_record (GkStore    *store,
            const char *key,
            const char *title,
            const char *unit,
            const char *formed,
            const char *published)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) record = gk_store_create_record (store, key, title, &error);

  g_assert_no_error (error);
  gk_record_set_unit_id (record, gk_store_find_unit (store, unit, NULL));
  g_assert_cmpint (gk_record_get_unit_id (record), !=, 0);
  gk_record_set_formed_on (record, formed);
  g_assert_true (gk_store_save_record (store, record, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gk_record_get_due_on (record));
  if (published != NULL)
    {
      g_assert_true (gk_store_set_status (store, record, GK_STATUS_PUBLISHED, published, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&record);
}

/* The latest formation date whose due date falls from today to the last
 * day of "due soon": a record formed then is due soon. */
static char *
formed_for_due_soon (GkStore    *store,
                     const char *today_text)
{
  GkCalendar *calendar = gk_store_get_calendar (store);
  GDate today, soon_by, formed, due;

  gk_date_from_iso (today_text, &today, NULL);
  gk_calendar_add_workdays (calendar, &today, GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &soon_by, NULL);
  formed = today;
  for (guint i = 0; i < 60; i++, g_date_subtract_days (&formed, 1))
    {
      gk_calendar_add_workdays (calendar, &formed, GK_DEADLINE_PROACTIVE_WORKDAYS, &due, NULL);
      if (g_date_compare (&due, &soon_by) <= 0)
        {
          g_assert_cmpint (g_date_compare (&due, &today), >=, 0);
          return gk_date_format_iso (&formed);
        }
    }
  g_assert_not_reached ();
}

/* Two records overdue, one due soon, two published (one late, today), one
 * not yet due: the mix a clerk's ledger has on any day. */
static Ledger *
ledger_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  Ledger *ledger = g_new0 (Ledger, 1);
  g_autofree char *long_ago = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *soon_formed = NULL;
  g_autofree char *day_after = NULL;
  g_autoptr(GkRecord) oldest = NULL;
  g_autoptr(GkRecord) overdue = NULL;
  g_autoptr(GkRecord) due_soon = NULL;
  g_autoptr(GkRecord) on_time = NULL;
  g_autoptr(GkRecord) late = NULL;
  g_autoptr(GkRecord) not_due = NULL;

  ledger->path = g_build_filename (tmp_dir, name, NULL);
  ledger->store = gk_test_open_store (ledger->path);
  ledger->today = gk_today ();

  gk_test_add_plain_item (ledger->store, "test.sup-procurement", "procurement");
  gk_test_add_plain_item (ledger->store, "test.sup-housing", "housing-construction");

  long_ago = days_ago (ledger->today, 120);
  earlier = days_ago (ledger->today, 90);
  day_after = days_ago (ledger->today, 119);
  soon_formed = formed_for_due_soon (ledger->store, ledger->today);

  oldest = add_record (ledger->store, "test.sup-procurement", "最早逾期的采购结果公告", "区财政局", long_ago, NULL);
  overdue = add_record (ledger->store, "test.sup-housing", "逾期的年度建设计划", "区住建局", earlier, NULL);
  due_soon = add_record (ledger->store, "test.sup-procurement", "即将到期的采购合同公告", "区发改局", soon_formed, NULL);
  on_time = add_record (ledger->store, "test.sup-procurement", "按时公开的采购公告", "区财政局", long_ago, day_after);
  late = add_record (ledger->store, "test.sup-procurement", "逾期公开的采购公告", "区财政局", long_ago, ledger->today);
  not_due = add_record (ledger->store, "test.sup-procurement", "刚形成的采购文件", "区农办", ledger->today, NULL);

  ledger->oldest_overdue = g_strdup (gk_record_get_uuid (oldest));
  ledger->overdue = g_strdup (gk_record_get_uuid (overdue));
  ledger->due_soon = g_strdup (gk_record_get_uuid (due_soon));
  ledger->oldest_due_on = g_strdup (gk_record_get_due_on (oldest));
  return ledger;
}

static void
ledger_free (Ledger *ledger)
{
  g_clear_object (&ledger->store);
  g_free (ledger->path);
  g_free (ledger->oldest_overdue);
  g_free (ledger->overdue);
  g_free (ledger->due_soon);
  g_free (ledger->oldest_due_on);
  g_free (ledger->today);
  g_free (ledger);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ledger, ledger_free)

static GkSidebarRow *
sidebar_row (GkWindow   *window,
             const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (gk_sidebar_get_list_box (window->sidebar)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gk_sidebar_row_get_key (GK_SIDEBAR_ROW (child)), key) == 0)
      return GK_SIDEBAR_ROW (child);
  g_assert_not_reached ();
}

static GkWindow *
open_window (GkStore *store)
{
  GkWindow *window = gk_window_new (app, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  return window;
}

/* What a clerk does: click the section in the sidebar. */
static void
click_section (GkWindow   *window,
               const char *key)
{
  GkSidebarRow *row = sidebar_row (window, key);

  gtk_list_box_select_row (gk_sidebar_get_list_box (window->sidebar), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (gk_sidebar_get_list_box (window->sidebar), "row-activated", row);
  gk_test_ui_flush ();
  g_assert_cmpstr (gk_window_get_section (window), ==, key);
}

static GkRecord *
list_item (GkWindow *window,
           guint     position)
{
  return g_list_model_get_item (G_LIST_MODEL (window->selection), position);
}

static gboolean
is_record_row (GtkWidget *widget,
               gpointer   data)
{
  return GK_IS_RECORD_ROW (widget) && gk_record_row_get_record (GK_RECORD_ROW (widget)) != NULL;
}

/* The record rows shown under @widget, by record uuid. */
static void
collect_record_rows (GtkWidget  *widget,
                     GHashTable *rows)
{
  g_autoptr(GPtrArray) found = gk_test_collect_widgets (widget, is_record_row, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (found, i);

      g_hash_table_insert (rows, g_strdup (gk_record_get_uuid (gk_record_row_get_record (GK_RECORD_ROW (row)))), row);
    }
}

typedef struct
{
  GtkWidget *list;
  guint n_rows;
} RowsWanted;

/* TRUE once the list shows as many record rows as wanted. */
static gboolean
shows_record_rows (gpointer data)
{
  RowsWanted *wanted = data;
  g_autoptr(GPtrArray) found = gk_test_collect_widgets (wanted->list, is_record_row, NULL);

  return found->len == wanted->n_rows;
}

static gboolean
is_visible_label (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget);
}

/* The texts of the labels shown under @widget, in order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  g_autoptr(GPtrArray) labels = gk_test_collect_widgets (widget, is_visible_label, NULL);

  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (g_ptr_array_index (labels, i))));
}

/* The texts a clerk reads on the report's line for @unit in the table of
 * @domain_name: the unit, its details, then due, on time, late, overdue, rate. */
static GPtrArray *
report_line (GkWindow   *window,
             const char *domain_name,
             const char *unit)
{
  GtkWidget *group = gk_test_find_group (GTK_WIDGET (window->supervision_view), domain_name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  for (GtkWidget *w = gtk_widget_get_first_child (group); w != NULL; w = gtk_widget_get_next_sibling (w))
    g_ptr_array_add (rows, w);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (rows, i);

      if (GTK_IS_LIST_BOX_ROW (w))
        {
          GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

          collect_labels (w, texts);
          if (texts->len > 0 && g_strcmp0 (g_ptr_array_index (texts, 0), unit) == 0)
            return texts;
          g_ptr_array_unref (texts);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (rows, child);
    }
  return NULL;
}

static const GkSupervisionRow *
report_row (GkWindow   *window,
            const char *domain,
            const char *unit)
{
  GPtrArray *report = gk_supervision_view_get_report (window->supervision_view);

  g_assert_nonnull (report);
  for (guint i = 0; i < report->len; i++)
    {
      const GkSupervisionRow *row = g_ptr_array_index (report, i);

      if (row->kind == GK_SUPERVISION_ROW_UNIT && g_strcmp0 (row->domain, domain) == 0 &&
          g_strcmp0 (row->unit_name, unit) == 0)
        return row;
    }
  return NULL;
}

/* The report counts the period of the oldest record's due date, chosen in
 * the period drop-down as a clerk would. */
static void
show_period_of_oldest (GkWindow *window,
                       Ledger   *ledger)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gk_test_find_descendant (GTK_WIDGET (window->supervision_view), GTK_TYPE_DROP_DOWN));
  GkPeriod period = strncmp (ledger->oldest_due_on, ledger->today, 4) == 0 ? GK_PERIOD_THIS_YEAR
                                                                            : GK_PERIOD_LAST_YEAR;

  /* This year unless chosen otherwise, and the drop-down says so. */
  g_assert_nonnull (dropdown);
  g_assert_cmpint (gk_supervision_view_get_period (window->supervision_view), ==, GK_PERIOD_THIS_YEAR);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, GK_PERIOD_THIS_YEAR);

  gtk_drop_down_set_selected (dropdown, period);
  gk_test_ui_flush ();
  g_assert_cmpint (gk_supervision_view_get_period (window->supervision_view), ==, period);
}

static void
test_list (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("list.db");
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GkWindow *window = open_window (ledger->store);
  RowsWanted three_rows = { NULL, 3 };
  GkRecord *record;
  guint unit_position = 0;

  click_section (window, "procurement");
  click_section (window, "supervision");

  /* With nothing chosen, the content pane shows the report. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "supervision");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->supervision_view)));
  g_assert_true (pane_shows (window, "shows-units"));

  /* Overdue first, the oldest first, then the due-soon; nothing published,
   * nothing not yet due. */
  g_assert_cmpstr (gk_record_list_pane_get_page (window->list_pane), ==, "records");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 3);
  record = list_item (window, 0);
  g_assert_cmpstr (gk_record_get_uuid (record), ==, ledger->oldest_overdue);
  g_object_unref (record);
  record = list_item (window, 1);
  g_assert_cmpstr (gk_record_get_uuid (record), ==, ledger->overdue);
  g_object_unref (record);
  record = list_item (window, 2);
  g_assert_cmpstr (gk_record_get_uuid (record), ==, ledger->due_soon);
  g_object_unref (record);

  /* Each row says why it is there (rows are made when the list is laid out). */
  three_rows.list = GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane));
  gk_test_ui_wait_until (shows_record_rows, &three_rows);
  collect_record_rows (GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane)), rows);
  g_assert_cmpuint (g_hash_table_size (rows), ==, 3);
  g_assert_true (gtk_widget_has_css_class (g_hash_table_lookup (rows, ledger->oldest_overdue), "overdue"));
  g_assert_true (gtk_widget_has_css_class (g_hash_table_lookup (rows, ledger->overdue), "overdue"));
  g_assert_true (gtk_widget_has_css_class (g_hash_table_lookup (rows, ledger->due_soon), "due-soon"));
  g_assert_false (gtk_widget_has_css_class (g_hash_table_lookup (rows, ledger->due_soon), "overdue"));

  /* Activating the first row opens that record in the content pane. */
  g_signal_emit_by_name (gk_record_list_pane_get_list_view (window->list_pane), "activate", 0);
  gk_test_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "record");
  g_assert_nonnull (window->record);
  g_assert_cmpstr (gk_record_get_uuid (window->record), ==, ledger->oldest_overdue);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "最早逾期的采购结果公告");

  /* …and the report is one button away. */
  g_assert_true (pane_shows (window, "shows-report"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-report", NULL);
  gk_test_ui_wait_until (gk_test_ui_is_null, &window->record);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "supervision");

  /* The unit filter: one unit's urgent records only. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window->units)); i++)
    {
      g_autoptr(GkUnitItem) unit = g_list_model_get_item (G_LIST_MODEL (window->units), i);

      if (g_strcmp0 (gk_unit_item_get_name (unit), "区住建局") == 0)
        unit_position = i;
    }
  g_assert_cmpuint (unit_position, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gk_test_find_descendant (GTK_WIDGET (window->list_pane), GTK_TYPE_DROP_DOWN)), unit_position);
  gk_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 1);
  record = list_item (window, 0);
  g_assert_cmpstr (gk_record_get_uuid (record), ==, ledger->overdue);
  g_object_unref (record);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gk_test_find_descendant (GTK_WIDGET (window->list_pane), GTK_TYPE_DROP_DOWN)), 0);
  gk_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 3);

  /* The search entry narrows it too. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  g_assert_true (gk_record_list_pane_get_search_mode (window->list_pane));
  gtk_editable_set_text (GTK_EDITABLE (gk_test_find_descendant (GTK_WIDGET (window->list_pane), GTK_TYPE_SEARCH_ENTRY)), "即将到期");
  g_signal_emit_by_name (gk_test_find_descendant (GTK_WIDGET (window->list_pane), GTK_TYPE_SEARCH_ENTRY), "search-changed");
  gk_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 1);
  record = list_item (window, 0);
  g_assert_cmpstr (gk_record_get_uuid (record), ==, ledger->due_soon);
  g_object_unref (record);
  gtk_editable_set_text (GTK_EDITABLE (gk_test_find_descendant (GTK_WIDGET (window->list_pane), GTK_TYPE_SEARCH_ENTRY)), "");
  g_signal_emit_by_name (gk_test_find_descendant (GTK_WIDGET (window->list_pane), GTK_TYPE_SEARCH_ENTRY), "search-changed");
  gk_test_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 3);

  /* Another section shows its own list, without the unit filter. */
  click_section (window, "procurement");
  g_assert_false (pane_shows (window, "shows-units"));
  g_assert_false (pane_shows (window, "shows-report"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

/* The sidebar badge and `gongkai-cli check`, run as cron would run it, agree. */
static void
test_badge_matches_cli (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("badge.db");
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *cli_path = g_getenv ("GK_CLI");
  GkWindow *window;
  guint cli_overdue;

  g_assert_nonnull (cli_path);
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                          cli_path, "--db", ledger->path, "check", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (cli));
  /* Something is overdue: the command fails, so a timer can alert. */
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);

  cli_overdue = count_lines (out, "overdue\t");
  g_assert_cmpuint (cli_overdue, ==, 2);
  g_assert_cmpuint (count_lines (out, "due-soon\t"), ==, 1);

  window = open_window (ledger->store);
  click_section (window, "supervision");
  g_assert_cmpuint (gk_sidebar_row_get_overdue (sidebar_row (window, "supervision")), ==, cli_overdue);
  /* The list, and the count beside the badge, hold what the command
   * prints, overdue and due soon alike. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==,
                    count_lines (out, "overdue\t") + count_lines (out, "due-soon\t"));
  g_assert_cmpuint (gk_sidebar_row_get_count (sidebar_row (window, "supervision")), ==,
                    count_lines (out, "overdue\t") + count_lines (out, "due-soon\t"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The report's line for 区财政局 in procurement, in data and on screen,
 * and how it follows the ledger. */
static void
test_report (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("report.db");
  g_autoptr(GPtrArray) line = NULL;
  g_autoptr(GkRecord) oldest = NULL;
  g_autoptr(GError) error = NULL;
  const GkSupervisionRow *row;
  GkTimelinessInfo info;
  GDate due, today;
  GkWindow *window = open_window (ledger->store);

  click_section (window, "supervision");
  show_period_of_oldest (window, ledger);

  /* Due: the overdue one, one on time, one late (published today). */
  row = report_row (window, "procurement", "区财政局");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->due, ==, 3);
  g_assert_cmpuint (row->on_time, ==, 1);
  g_assert_cmpuint (row->late, ==, 1);
  g_assert_cmpuint (row->overdue, ==, 1);
  g_assert_cmpuint (row->pending, ==, 0);
  g_assert_cmpfloat_with_epsilon (gk_supervision_row_get_rate (row), 1.0 / 3, 1e-9);

  /* Late by as many working days as the record itself would say. */
  gk_date_from_iso (ledger->oldest_due_on, &due, NULL);
  gk_date_from_iso (ledger->today, &today, NULL);
  g_assert_cmpint (gk_deadline_get_timeliness (gk_store_get_calendar (ledger->store), &due, &today, &today,
                                               GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &info),
                   ==, GK_TIMELINESS_LATE);
  g_assert_cmpuint (row->late_workdays, ==, (guint) info.workdays);

  /* On screen: unit, its details, due, on time, late, overdue, not yet
   * due, rate: the four counts after "due" add up to it. */
  line = report_line (window, "政府采购", "区财政局");
  g_assert_nonnull (line);
  g_assert_cmpuint (line->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (line, 2), ==, "3");
  g_assert_cmpstr (g_ptr_array_index (line, 3), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (line, 4), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (line, 5), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (line, 6), ==, "0");
  g_assert_cmpstr (g_ptr_array_index (line, 7), ==, "33.3%");

  /* One set of bands colours every rate: 0 % is as red as 33 %, never amber. */
  g_assert_cmpint (gk_rate_get_band (0.0), ==, GK_RATE_BAND_POOR);
  g_assert_cmpint (gk_rate_get_band (1.0 / 3), ==, GK_RATE_BAND_POOR);
  g_assert_cmpint (gk_rate_get_band (0.75), ==, GK_RATE_BAND_FAIR);
  g_assert_cmpint (gk_rate_get_band (0.9), ==, GK_RATE_BAND_GOOD);
  g_assert_cmpint (gk_rate_get_band (NAN), ==, GK_RATE_BAND_NONE);

  /* Publishing the overdue record moves it from overdue to late, in the
   * report, the list and the badge alike. */
  oldest = gk_store_get_record (ledger->store, ledger->oldest_overdue, &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_set_status (ledger->store, oldest, GK_STATUS_PUBLISHED, NULL, &error));
  g_assert_no_error (error);
  gk_test_ui_flush ();
  row = report_row (window, "procurement", "区财政局");
  g_assert_cmpuint (row->late, ==, 2);
  g_assert_cmpuint (row->overdue, ==, 0);
  g_clear_pointer (&line, g_ptr_array_unref);
  line = report_line (window, "政府采购", "区财政局");
  g_assert_cmpstr (g_ptr_array_index (line, 4), ==, "2");
  g_assert_cmpstr (g_ptr_array_index (line, 5), ==, "0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 2);
  g_assert_cmpuint (gk_sidebar_row_get_overdue (sidebar_row (window, "supervision")), ==, 1);

  /* A period with nothing due says so instead of a table of zeros. */
  gk_supervision_view_set_period (window->supervision_view, GK_PERIOD_LAST_YEAR);
  if (strncmp (ledger->oldest_due_on, ledger->today, 4) == 0)
    g_assert_null (report_row (window, "procurement", "区财政局"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_list_box_row (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_LIST_BOX_ROW (widget);
}

/* The report's line (a GtkListBoxRow) for @unit in the table of @domain_name. */
static GtkWidget *
report_list_row (GkWindow   *window,
                 const char *domain_name,
                 const char *unit)
{
  GtkWidget *group = gk_test_find_group (GTK_WIDGET (window->supervision_view), domain_name);
  g_autoptr(GPtrArray) rows = gk_test_collect_widgets (group, is_list_box_row, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      collect_labels (g_ptr_array_index (rows, i), texts);
      if (texts->len > 0 && g_strcmp0 (g_ptr_array_index (texts, 0), unit) == 0)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static gboolean
lists_only_unit (gpointer data)
{
  GkWindow *window = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (window->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRecord) record = list_item (window, i);

      if (g_strcmp0 (gk_record_get_unit_name (record), "区财政局") != 0)
        return FALSE;
    }
  return n > 0;
}

/* The JSON the independent reader prints for the two exported files. */
static JsonObject *
read_back (const char *csv,
           const char *xlsx)
{
  g_autofree char *script = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "check-supervision-export.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, csv, xlsx, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    return NULL;
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("the reader failed: %s\n%s", error->message, err);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

/* The line of @rows (arrays of cells) whose first two cells are @domain and @unit. */
static JsonArray *
find_line (JsonArray  *rows,
           const char *domain,
           const char *unit)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *line = json_array_get_array_element (rows, i);

      if (g_strcmp0 (json_array_get_string_element (line, 0), domain) == 0 &&
          g_strcmp0 (json_array_get_string_element (line, 1), unit) == 0)
        return line;
    }
  return NULL;
}

/* The report as a file to hand in (CSV and workbook, read back by another
 * program), on the clipboard as text, and each row leading to its records. */
static void
test_export_and_drill_down (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("export.db");
  g_autofree char *csv = g_build_filename (tmp_dir, "督查.csv", NULL);
  g_autofree char *xlsx = g_build_filename (tmp_dir, "督查.xlsx", NULL);
  g_autofree char *wrong = g_build_filename (tmp_dir, "督查.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(GError) error = NULL;
  GkWindow *window = open_window (ledger->store);
  GtkWidget *row;
  JsonArray *line;

  click_section (window, "supervision");
  show_period_of_oldest (window, ledger);

  g_assert_true (gk_supervision_view_export (window->supervision_view, csv, &error));
  g_assert_no_error (error);
  g_assert_true (gk_supervision_view_export (window->supervision_view, xlsx, &error));
  g_assert_no_error (error);
  g_assert_false (gk_supervision_view_export (window->supervision_view, wrong, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);
  g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));

  /* Copied as a spreadsheet pastes it: a tab between cells. */
  text = gk_supervision_view_dup_text (window->supervision_view, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "领域\t责任单位\t应公开"));
  g_assert_nonnull (strstr (text, "\n政府采购\t区财政局\t3\t1\t1\t1\t0\t33.3%\t"));

  read = read_back (csv, xlsx);
  if (read == NULL)
    g_test_message ("no /usr/bin/python3 with openpyxl: the files are not read back");
  else
    {
      JsonArray *header = json_array_get_array_element (json_object_get_array_member (read, "csv"), 0);

      /* Chinese labels, whatever the interface's language. */
      g_assert_cmpstr (json_array_get_string_element (header, 0), ==, "领域");
      g_assert_cmpstr (json_array_get_string_element (header, 7), ==, "按时公开率");
      line = find_line (json_object_get_array_member (read, "csv"), "政府采购", "区财政局");
      g_assert_nonnull (line);
      g_assert_cmpstr (json_array_get_string_element (line, 2), ==, "3");
      g_assert_cmpstr (json_array_get_string_element (line, 5), ==, "1");
      g_assert_cmpstr (json_array_get_string_element (line, 7), ==, "33.3%");
      g_assert_nonnull (find_line (json_object_get_array_member (read, "csv"), "合计", "全部单位"));

      g_assert_cmpstr (json_object_get_string_member (read, "title"), ==, "政府信息公开时效督查通报");
      line = find_line (json_object_get_array_member (read, "xlsx"), "政府采购", "区财政局");
      g_assert_nonnull (line);
      /* Numbers as numbers, the rate as a fraction shown in percent. */
      g_assert_cmpint (json_array_get_int_element (line, 2), ==, 3);
      g_assert_cmpint (json_array_get_int_element (line, 3), ==, 1);
      g_assert_cmpfloat_with_epsilon (json_array_get_double_element (line, 7), 1.0 / 3, 1e-9);
      g_assert_cmpstr (json_object_get_string_member (read, "rate_format"), ==, "0.0%");
    }

  /* A unit's row shows its records in the list: 区财政局's only. */
  g_assert_false (lists_only_unit (window));
  row = report_list_row (window, "政府采购", "区财政局");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  gk_test_ui_wait_until (lists_only_unit, window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
fits_width (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 1;
}

/* At 360 pixels the report fits the window: numbers under the names, no
 * sideways scrolling. */
static void
test_narrow (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("narrow.db");
  GkWindow *window = gk_window_new (app, ledger->store, NULL);
  GtkScrolledWindow *scrolled;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_window_set_section (window, "supervision");
  show_period_of_oldest (window, ledger);
  gk_window_reveal_content (window);
  scrolled = GTK_SCROLLED_WINDOW (gk_test_find_descendant (GTK_WIDGET (window->supervision_view), GTK_TYPE_SCROLLED_WINDOW));
  gk_test_ui_wait_until (fits_width, gtk_scrolled_window_get_hadjustment (scrolled));
  g_assert_nonnull (report_list_row (window, "政府采购", "区财政局"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A request whose events cannot all have happened (two extensions) keeps
 * its plain reply period and stays in 督查, its row saying why; the row
 * speaks of a reply, not of publication. */
static void
test_request_notes (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "requests.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) request = gk_store_create_record (store, "request.application", "申请公开某批复", &error);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = gk_today ();
  g_autofree char *received = days_ago (today, 90);
  g_autofree char *first = days_ago (today, 80);
  g_autofree char *second = days_ago (today, 75);
  g_autofree char *values = g_strdup_printf ("{\"received_date\": \"%s\", \"applicant_type\": \"natural-person\","
                                             " \"events\": [{\"kind\": \"extension\", \"date\": \"%s\", \"workdays\": 20},"
                                             " {\"kind\": \"extension\", \"date\": \"%s\", \"workdays\": 10}]}",
                                             received, first, second);
  RowsWanted one_row = { NULL, 1 };
  GkWindow *window;
  GkRecordRow *row;
  GtkLabel *status;

  g_assert_no_error (error);
  g_assert_true (gk_record_set_values_json (request, values, NULL));
  g_assert_true (gk_store_save_record (store, request, &error));
  g_assert_no_error (error);

  window = open_window (store);
  click_section (window, "supervision");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 1);
  one_row.list = GTK_WIDGET (gk_record_list_pane_get_list_view (window->list_pane));
  gk_test_ui_wait_until (shows_record_rows, &one_row);
  collect_record_rows (one_row.list, rows);
  row = g_hash_table_lookup (rows, gk_record_get_uuid (request));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));
  g_assert_true (g_str_has_prefix (gk_record_row_get_notes (row), "Events in error"));
  status = GTK_LABEL (gk_test_find_with_property (GTK_WIDGET (row), "label", "Awaiting Reply"));
  g_assert_nonnull (status);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Start-up: a notification when something is overdue, none otherwise; its
 * action leads to the supervision section. */
static void
test_notification (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("notify.db");
  g_autofree char *empty_path = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autoptr(GkStore) empty = gk_test_open_store (empty_path);
  GkWindow *window;

  g_assert_nonnull (empty);
  g_assert_cmpuint (gk_application_notify_overdue (app, empty), ==, 0);
  g_assert_cmpuint (gk_application_notify_overdue (app, ledger->store), ==, 2);

  window = open_window (ledger->store);
  click_section (window, "procurement");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "show-supervision"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-supervision", NULL);
  gk_test_ui_flush ();
  g_assert_cmpstr (gk_window_get_section (window), ==, "supervision");
  g_assert_true (gtk_list_box_get_selected_row (gk_sidebar_get_list_box (window->sidebar)) ==
                 GTK_LIST_BOX_ROW (sidebar_row (window, "supervision")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What @program (a poppler tool, independent of the cairo that wrote the
 * PDF) prints for @args; NULL when it is not installed. */
static char *
run_poppler (const char *program,
             ...)
{
  g_autofree char *path = g_find_program_in_path (program);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  if (path == NULL)
    return NULL;
  g_ptr_array_add (argv, path);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  return path != NULL;
}

/* Runs @operation as Print… does, into a PDF instead of the dialog. */
static void
print_to_pdf (GtkPrintOperation *operation,
              const char        *pdf)
{
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_poppler ("pdfinfo", pdf, NULL);
  const char *pages;

  g_assert_nonnull (info);
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The report printed to hand in (督查通报): the heading, the period and
 * the table in Chinese, on A4, read back by poppler. */
static void
test_print (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("print.db");
  g_autofree char *pdf = g_build_filename (tmp_dir, "督查.pdf", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "督查-page", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GkWindow *window = open_window (ledger->store);

  if (!have_poppler ())
    {
      g_test_skip ("no pdftotext (poppler-utils) to read the printed report back");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  /* Nothing counted yet, nothing to print. */
  g_assert_null (gk_supervision_view_new_print (window->supervision_view, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  click_section (window, "supervision");
  show_period_of_oldest (window, ledger);
  operation = gk_supervision_view_new_print (window->supervision_view, &error);
  g_assert_no_error (error);
  print_to_pdf (operation, pdf);

  text = run_poppler ("pdftotext", "-layout", pdf, "-", NULL);
  g_assert_nonnull (strstr (text, "政府信息公开时效督查通报"));
  g_assert_nonnull (strstr (text, "应公开日期"));
  g_assert_nonnull (strstr (text, "按时公开率"));
  g_assert_nonnull (strstr (text, "区财政局"));
  g_assert_nonnull (strstr (text, "33.3%"));
  g_assert_nonnull (strstr (text, "合计"));
  g_assert_nonnull (strstr (text, "第 1 页"));
  g_assert_nonnull (strstr (text, "共 1 页"));
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);

  /* A4, landscape as the workbook prints. */
  info = run_poppler ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "(A4)"));

  /* Another renderer draws page one. */
  g_free (run_poppler ("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png, NULL));
  {
    g_autofree char *image = g_strconcat (png, ".png", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (image, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpmem (bytes, 4, "\x89PNG", 4);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The print dialog, among the application's windows. */
static gpointer
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
print_dialog_gone (gpointer data)
{
  return find_print_dialog () == NULL;
}

/* Ctrl+P is the report's, run by the window wherever the focus is. */
static gboolean
has_print_shortcut (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_p &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_CONTROL_MASK &&
              GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "supervision.print") == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Print… opens the print dialog for the report; cancelled, nothing is left open. */
static void
test_print_dialog (void)
{
  g_autoptr(Ledger) ledger = ledger_new ("print-dialog.db");
  GkWindow *window = open_window (ledger->store);

  g_assert_true (has_print_shortcut (GTK_WIDGET (window->supervision_view)));
  click_section (window, "supervision");
  show_period_of_oldest (window, ledger);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->supervision_view), "supervision.print", NULL));
  gk_test_ui_wait_until (print_dialog_shown, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gk_test_ui_wait_until (print_dialog_gone, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A report longer than a page goes on to a second one that repeats the
 * header row; every unit is printed once and the pages are numbered. */
static void
test_print_pages (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_supervision_row_free);
  g_autofree char *pdf = g_build_filename (tmp_dir, "督查-long.pdf", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GkSupervisionTable *table;
  GkSupervisionRow *total;
  const guint n_units = 40;

  if (!have_poppler ())
    {
      g_test_skip ("no pdftotext (poppler-utils) to read the printed report back");
      return;
    }

  for (guint i = 1; i <= n_units; i++)
    {
      GkSupervisionRow *row = g_new0 (GkSupervisionRow, 1);

      row->kind = GK_SUPERVISION_ROW_UNIT;
      row->domain = g_strdup ("procurement");
      row->domain_name = g_strdup ("政府采购");
      row->unit_id = i;
      row->unit_name = g_strdup_printf ("测试单位%03u", i);
      row->due = i;
      row->on_time = i;
      g_ptr_array_add (rows, row);
    }
  total = g_new0 (GkSupervisionRow, 1);
  total->kind = GK_SUPERVISION_ROW_TOTAL;
  total->due = total->on_time = n_units * (n_units + 1) / 2;
  g_ptr_array_add (rows, total);

  table = gk_supervision_table_new (rows, "2026-01-01", "2026-12-31", "2026-12-06", &error);
  g_assert_no_error (error);
  operation = gk_supervision_print_new (table);
  print_to_pdf (operation, pdf);

  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  first = run_poppler ("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-", NULL);
  second = run_poppler ("pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-", NULL);
  g_assert_nonnull (strstr (first, "政府信息公开时效督查通报"));
  g_assert_nonnull (strstr (first, "测试单位001"));
  /* pdftotext may close up the space between the two halves. */
  g_assert_nonnull (strstr (first, "第 1 页"));
  g_assert_nonnull (strstr (first, "共 2 页"));
  /* The heading once; the header row again. */
  g_assert_null (strstr (second, "政府信息公开时效督查通报"));
  g_assert_nonnull (strstr (second, "责任单位"));
  g_assert_nonnull (strstr (second, "测试单位040"));
  g_assert_nonnull (strstr (second, "820"));
  g_assert_nonnull (strstr (second, "第 2 页"));
  g_assert_nonnull (strstr (second, "共 2 页"));
  for (guint i = 1; i <= n_units; i++)
    {
      g_autofree char *unit = g_strdup_printf ("测试单位%03u", i);

      /* On exactly one page. */
      g_assert_true ((strstr (first, unit) != NULL) != (strstr (second, unit) != NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = gk_test_ui_init (&argc, &argv, "supervision");
  app = gk_test_ui_new_application ();

  g_test_add_func ("/supervision/list", test_list);
  g_test_add_func ("/supervision/badge-matches-cli", test_badge_matches_cli);
  g_test_add_func ("/supervision/report", test_report);
  g_test_add_func ("/supervision/export-and-drill-down", test_export_and_drill_down);
  g_test_add_func ("/supervision/print", test_print);
  g_test_add_func ("/supervision/print-pages", test_print_pages);
  g_test_add_func ("/supervision/print-dialog", test_print_dialog);
  g_test_add_func ("/supervision/narrow", test_narrow);
  g_test_add_func ("/supervision/notification", test_notification);
  g_test_add_func ("/supervision/request-notes", test_request_notes);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
