/* test-search.c: searching the record list in the real window: identifiers, punctuation, scope, highlight, the length cap. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gk-header-section.h"
#include "gk-record-editor-private.h"
#include "gk-record-row.h"
#include "gk-settings.h"
#include "gk-unit-item.h"
#include "gk-unit-model.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"
#include "gk-window-private.h"

static GkApplication *app;

typedef struct
{
  GkTestLedger ledger;
  GkWindow *window;
  GkRecord *notice;     /* procurement, with a 文号 */
  GkRecord *contract;   /* procurement, a Latin letter in its title */
  GkRecord *percent;    /* procurement, "%" and markup characters */
  GkRecord *tender;     /* bidding: another section */
} Fixture;

/* What the list must show, exactly. */
typedef struct
{
  GkWindow *window;
  GkRecord *expected[4];
} Expected;

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GkRecord *
create (Fixture    *f,
        const char *item_key,
        const char *title,
        const char *body,
        const char *doc_no)
{
  g_autoptr(GError) error = NULL;
  GkRecord *record = gk_store_create_record (f->ledger.store, item_key, title, &error);

  g_assert_no_error (error);
  gk_record_set_body (record, body);
  gk_record_set_doc_no (record, doc_no != NULL ? doc_no : "");
  gk_store_save_record (f->ledger.store, record, &error);
  g_assert_no_error (error);
  return record;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gk_test_ledger_set_up (&f->ledger, data);
  f->notice = create (f, "procurement.budget", "办公设备采购意向公开", "预算金额50万元", "长政公〔2026〕98号");
  f->contract = create (f, "procurement.contract", "Q区办公楼维修合同公告", "合同已签订", NULL);
  f->percent = create (f, "procurement.notice", "物业服务 <续签> & 采购", "完成率100%", NULL);
  f->tender = create (f, "bidding.notice", "道路改造工程招标公告", "长政发文件要求", "长政发〔2026〕3号");

  f->window = gk_window_new (app, f->ledger.store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gk_test_ui_wait_until (window_is_mapped, f->window);
  gk_window_set_section (f->window, "procurement");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "search", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gk_test_ui_wait_until (gk_test_ui_is_null, &f->window);
  g_clear_object (&f->notice);
  g_clear_object (&f->contract);
  g_clear_object (&f->percent);
  g_clear_object (&f->tender);
  gk_test_ledger_tear_down (&f->ledger, data);
}

static GtkEditable *
search_entry (Fixture *f)
{
  return GTK_EDITABLE (gk_test_find_descendant (GTK_WIDGET (f->window->list_pane), GTK_TYPE_SEARCH_ENTRY));
}

/* The list holds the expected records and no other, and the pane shows
 * the list, or "no results" when none is expected. */
static gboolean
list_is (gpointer data)
{
  Expected *e = data;
  GListModel *list = G_LIST_MODEL (e->window->records);
  guint n_expected = 0;

  while (n_expected < G_N_ELEMENTS (e->expected) && e->expected[n_expected] != NULL)
    n_expected++;
  if (list == NULL || g_list_model_get_n_items (list) != n_expected)
    return FALSE;
  for (guint i = 0; i < n_expected; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_expected && !found; j++)
        {
          g_autoptr(GkRecord) shown = g_list_model_get_item (list, j);
          found = g_strcmp0 (gk_record_get_uuid (shown), gk_record_get_uuid (e->expected[i])) == 0;
        }
      if (!found)
        return FALSE;
    }
  return g_strcmp0 (gk_record_list_pane_get_page (e->window->list_pane),
                    n_expected > 0 ? "records" : "no-results") == 0;
}

static void
search_finds (Fixture    *f,
              const char *text,
              GkRecord   *first,
              GkRecord   *second)
{
  Expected expected = { f->window, { first, second, NULL } };

  gtk_editable_set_text (search_entry (f), text);
  gk_test_ui_wait_until (list_is, &expected);
}

static gboolean
is_row_of (GtkWidget *widget,
           gpointer   data)
{
  return GK_IS_RECORD_ROW (widget) && gk_record_row_get_record (GK_RECORD_ROW (widget)) == data;
}

static GkRecordRow *
row_of (Fixture  *f,
        GkRecord *record)
{
  GListModel *list = G_LIST_MODEL (f->window->records);

  /* The row shows the list's copy of the record. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkRecord) shown = g_list_model_get_item (list, i);

      if (g_strcmp0 (gk_record_get_uuid (shown), gk_record_get_uuid (record)) == 0)
        return GK_RECORD_ROW (gk_test_find_widget (GTK_WIDGET (gk_record_list_pane_get_list_view (f->window->list_pane)),
                                                   is_row_of, shown));
    }
  return NULL;
}

static gboolean
row_is_drawn (gpointer data)
{
  gpointer *args = data;

  return row_of (args[0], args[1]) != NULL;
}

static GkRecordRow *
wait_for_row (Fixture  *f,
              GkRecord *record)
{
  gpointer args[] = { f, record };

  gk_test_ui_wait_until (row_is_drawn, args);
  return row_of (f, record);
}

/* An 索引号 fragment, a 文号, one Latin letter and "%" each find what
 * holds them and nothing else. */
static void
test_identifiers (Fixture       *f,
                  gconstpointer  data)
{
  const char *index_no = gk_record_get_index_no (f->contract);

  search_finds (f, index_no, f->contract, NULL);
  search_finds (f, strrchr (index_no, '/') + 1, f->contract, NULL);
  /* The serial alone: the organisation code before it is the same for all. */
  search_finds (f, strrchr (index_no, '-') + 1, f->contract, NULL);
  search_finds (f, "长政", f->notice, NULL);
  search_finds (f, "〔2026〕98", f->notice, NULL);
  search_finds (f, "Q", f->contract, NULL);
  search_finds (f, "q", f->contract, NULL);
  search_finds (f, "%", f->percent, NULL);
  search_finds (f, "_", NULL, NULL);
  search_finds (f, "\"", NULL, NULL);
  search_finds (f, "不存在的内容", NULL, NULL);

  /* "No results" shows as soon as the search has run, with no blank list
   * between: the search runs when the entry says the text changed. */
  search_finds (f, "长政", f->notice, NULL);
  gtk_editable_set_text (search_entry (f), "没有这样的记录");
  g_signal_emit_by_name (search_entry (f), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->records)), ==, 0);
  g_assert_cmpstr (gk_record_list_pane_get_page (f->window->list_pane), ==, "no-results");
  gtk_editable_set_text (search_entry (f), "");
}

/* The scope switch widens the search to every section. */
static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  search_finds (f, "长政", f->notice, NULL);
  gk_record_list_pane_set_search_all (f->window->list_pane, TRUE);
  search_finds (f, "长政", f->notice, f->tender);
  gk_record_list_pane_set_search_all (f->window->list_pane, FALSE);
  search_finds (f, "长政", f->notice, NULL);
}

/* The row shows why it matched, in bold, its text escaped. */
static void
test_highlight (Fixture       *f,
                gconstpointer  data)
{
  GkRecordRow *row;

  search_finds (f, "q", f->contract, NULL);
  row = wait_for_row (f, f->contract);
  g_assert_cmpstr (gk_record_row_get_title_markup (row), ==, "<b>Q</b>区办公楼维修合同公告");
  g_assert_null (gk_record_row_get_match_markup (row));

  search_finds (f, "长政", f->notice, NULL);
  row = wait_for_row (f, f->notice);
  g_assert_cmpstr (gk_record_row_get_title_markup (row), ==, "办公设备采购意向公开");
  g_assert_cmpstr (gk_record_row_get_match_markup (row), ==, "Document Number: <b>长政</b>公〔2026〕98号");

  search_finds (f, gk_record_get_index_no (f->contract), f->contract, NULL);
  row = wait_for_row (f, f->contract);
  g_assert_nonnull (strstr (gk_record_row_get_match_markup (row), "Index Number: "));
  g_assert_nonnull (strstr (gk_record_row_get_match_markup (row), "</b>"));

  search_finds (f, "采购 100%", f->percent, NULL);
  row = wait_for_row (f, f->percent);
  g_assert_cmpstr (gk_record_row_get_title_markup (row), ==, "物业服务 &lt;续签&gt; &amp; <b>采购</b>");
  g_assert_cmpstr (gk_record_row_get_match_markup (row), ==, "Contents: 完成率<b>100%</b>");
}

/* The entry takes no more than the store searches. */
static void
test_length_cap (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 8000; i++)
    g_string_append (text, "公");
  gtk_editable_set_text (search_entry (f), text->str);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (search_entry (f)), -1), ==, GK_SEARCH_MAX_CHARS);
  /* What it kept is searched, and finds nothing. */
  {
    Expected expected = { f->window, { NULL } };
    gk_test_ui_wait_until (list_is, &expected);
  }
}

typedef struct
{
  GtkDropDown *drop_down;
  const char *text;
} UnitSearch;

/* The drop-down's search list holds only units whose names contain the
 * text, and 区园林局 among them. */
static gboolean
units_found (gpointer data)
{
  UnitSearch *search = data;
  GtkWidget *list = gk_test_find_descendant (GTK_WIDGET (search->drop_down), GTK_TYPE_LIST_VIEW);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  gboolean landscape = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GkUnitItem) unit = g_list_model_get_item (shown, i);

      if (strstr (gk_unit_item_get_name (unit), search->text) == NULL)
        return FALSE;
      landscape |= g_strcmp0 (gk_unit_item_get_name (unit), "区园林局") == 0;
    }
  return landscape;
}

static void
assert_search_finds_landscape (GtkDropDown *drop_down)
{
  GtkEditable *entry = GTK_EDITABLE (gk_test_find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_SEARCH_ENTRY));
  UnitSearch search = { drop_down, "园林" };

  g_assert_true (gtk_drop_down_get_enable_search (drop_down));
  gtk_editable_set_text (entry, "园林");
  g_signal_emit_by_name (entry, "search-changed");
  gk_test_ui_wait_until (units_found, &search);
  search.text = "林局";
  gtk_editable_set_text (entry, "林局");
  g_signal_emit_by_name (entry, "search-changed");
  gk_test_ui_wait_until (units_found, &search);
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
}

static gboolean
is_label_with (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
editor_shows (gpointer data)
{
  Fixture *f = data;

  return f->window->record_editor != NULL &&
         gk_record_editor_get_record (f->window->record_editor) != NULL &&
         gtk_widget_get_mapped (gk_header_section_get_row (f->window->record_editor->header_section, "unit"));
}

/* Supervision's unit filter and the editor's 责任单位 find a unit by any
 * part of its name; the editor's shows whole names. */
static void
test_unit_search (Fixture       *f,
                  gconstpointer  data)
{
  GtkDropDown *unit;

  gk_window_set_section (f->window, "supervision");
  assert_search_finds_landscape (GTK_DROP_DOWN (gk_test_find_descendant (GTK_WIDGET (f->window->list_pane),
                                                                         GTK_TYPE_DROP_DOWN)));

  gk_window_set_section (f->window, "procurement");
  gk_window_open_record (f->window, f->notice);
  gk_test_ui_wait_until (editor_shows, f);
  unit = GTK_DROP_DOWN (gk_header_section_get_row (f->window->record_editor->header_section, "unit"));
  assert_search_finds_landscape (unit);

  /* The longest name is shown whole, wrapping if it must. */
  gtk_drop_down_set_selected (unit, gk_unit_model_find (GK_UNIT_MODEL (gtk_drop_down_get_model (unit)),
                                                        gk_store_find_unit (f->ledger.store, "区政府办公室（区政务公开办公室）", NULL)));
  gk_test_ui_flush ();
  {
    GtkWidget *label = gk_test_find_widget (GTK_WIDGET (unit), is_label_with, "区政府办公室（区政务公开办公室）");

    g_assert_nonnull (label);
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  }
  g_assert_cmpstr (gk_record_get_unit_name (gk_record_editor_get_record (f->window->record_editor)), ==,
                   "区政府办公室（区政务公开办公室）");
}

static char *index_dir;

static gboolean
index_rebuilt (gpointer data)
{
  return !gk_store_get_search_index_pending (GK_STORE (data));
}

static char *
list_subtitle (GkWindow *window)
{
  char *subtitle = NULL;

  g_object_get (window->list_pane, "subtitle", &subtitle, NULL);
  return subtitle;
}

/* An older ledger opens at once; its search index is rebuilt in a worker,
 * the list saying how far, and searching finds everything afterwards. */
static void
test_index_in_background (void)
{
  g_autofree char *path = g_build_filename (index_dir, "older.db", NULL);
  g_autoptr(GkStore) store = gk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  GkWindow *window;

  for (guint i = 0; i < 450; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u号采购意向公开", i);
      g_autoptr(GkRecord) record = gk_store_create_record (store, "procurement.budget", title, &error);

      g_assert_no_error (error);
    }
  /* As a ledger of the version before the identifiers were indexed. */
  g_assert_true (gk_store_set_setting (store, "search-index-version", "1", &error));
  g_assert_finalize_object (g_steal_pointer (&store));

  store = gk_store_open_deferring_index (path, &error);
  g_assert_no_error (error);
  g_assert_true (gk_store_get_search_index_pending (store));
  window = gk_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  subtitle = list_subtitle (window);
  g_assert_true (g_str_has_prefix (subtitle, "Indexing for search"));

  gk_test_ui_wait_until (index_rebuilt, store);
  g_assert_cmpuint (window->index_done, ==, 450);
  g_assert_cmpuint (window->index_total, ==, 450);
  g_clear_pointer (&subtitle, g_free);
  subtitle = list_subtitle (window);
  g_assert_false (g_str_has_prefix (subtitle, "Indexing for search"));
  version = gk_store_get_setting (store, "search-index-version", &error);
  g_assert_cmpstr (version, ==, "2");
  query->text = g_strdup ("第449号");
  found = gk_store_query (store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = gk_test_ui_init (&argc, &argv, "search");
  int status;

  app = gk_test_ui_new_application ();

  g_test_add ("/search/identifiers", Fixture, NULL, fixture_set_up, test_identifiers, fixture_tear_down);
  g_test_add ("/search/scope", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/search/highlight", Fixture, NULL, fixture_set_up, test_highlight, fixture_tear_down);
  g_test_add ("/search/unit-search", Fixture, NULL, fixture_set_up, test_unit_search, fixture_tear_down);
  g_test_add ("/search/length-cap", Fixture, NULL, fixture_set_up, test_length_cap, fixture_tear_down);
  index_dir = tmp_dir;
  g_test_add_func ("/search/index-in-background", test_index_in_background);

  status = g_test_run ();
  g_clear_object (&app);
  gk_test_remove_tree (tmp_dir);
  return status;
}
