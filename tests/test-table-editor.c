/* test-table-editor.c: a table field edited through its cells under a real display: every column kind. */
#include "config.h"

#include <adwaita.h>

#include "gk-core.h"
#include "gk-table-cell.h"
#include "gk-table-editor.h"
#include "gk-test-ui.h"
#include "gk-test-util.h"

typedef struct
{
  GtkWidget *root;
  guint row;
  const char *column_id;
  GtkWidget *found;
} CellQuery;

static gboolean
is_cell (GtkWidget *widget,
         gpointer   data)
{
  CellQuery *query = data;
  const GkField *column;

  if (!GK_IS_TABLE_CELL (widget))
    return FALSE;
  column = gk_table_cell_get_column (GK_TABLE_CELL (widget));
  return gk_table_cell_get_position (GK_TABLE_CELL (widget)) == query->row &&
         column != NULL && g_strcmp0 (column->id, query->column_id) == 0;
}

static gboolean
cell_found (gpointer data)
{
  CellQuery *query = data;

  query->found = gk_test_find_widget (query->root, is_cell, query);
  return query->found != NULL;
}

/* The cell of @column_id in row @row, once the table has laid it out. */
static GkTableCell *
wait_for_cell (GkTableEditor *editor,
               guint          row,
               const char    *column_id)
{
  CellQuery query = { GTK_WIDGET (editor), row, column_id, NULL };

  gk_test_ui_wait_until (cell_found, &query);
  return GK_TABLE_CELL (query.found);
}

/* What a clerk types in a cell of each column kind, and what the row then stores. */
static const struct
{
  GkFieldKind kind;
  const char *typed;
  const char *stored;            /* JSON */
} cell_kinds[] = {
  { GK_FIELD_TEXT, " 幸福里1号楼 ", "\"幸福里1号楼\"" },
  { GK_FIELD_LONGTEXT, "第一行\n第二行", "\"第一行\\n第二行\"" },
  { GK_FIELD_MONEY, "1,234,567.8", "123456780" },
  { GK_FIELD_DATE, "2025年3月7日", "\"2025-03-07\"" },
  { GK_FIELD_INTEGER, "12", "12" },
  { GK_FIELD_DECIMAL, "89.5", "\"89.50\"" },
  { GK_FIELD_CHOICE, "否", "\"no\"" },
  { GK_FIELD_USCC, "9111 0000 6000 3734 1l", "\"91110000600037341L\"" },
  { GK_FIELD_IDCARD, "11010519491231002x", "\"11010519491231002X\"" },
  { GK_FIELD_ORGCODE, NULL, NULL },  /* computed: its check character */
  { GK_FIELD_PROJECTCODE, "2018-130102-47-03-012345", "\"2018-130102-47-03-012345\"" },
  { GK_FIELD_PHONE, "13812341234", "\"13812341234\"" },
  { GK_FIELD_URL, "https://www.example.gov.cn/gk/1.html", "\"https://www.example.gov.cn/gk/1.html\"" },
};

static void
count_changed (guint *n_changed)
{
  (*n_changed)++;
}

/* Every kind of column, edited through its cell, reaches the rows to store. */
static void
test_every_column_kind (void)
{
  g_autoptr(GkField) field = gk_field_new ("cells", "各类单元格", GK_FIELD_TABLE);
  g_autoptr(JsonNode) rows = NULL;
  char orgcode[11] = "12345678-";
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GkTableEditor *editor;
  JsonObject *stored;
  guint n_changed = 0;

  orgcode[9] = gk_orgcode_compute_check ("12345678");
  for (GkFieldKind kind = GK_FIELD_TEXT; kind < GK_FIELD_TABLE; kind++)
    {
      g_autofree char *id = g_strdup_printf ("c_%s", gk_field_kind_to_string (kind));
      GkField *column = gk_field_new (id, gk_field_kind_to_string (kind), kind);

      g_assert_cmpint (cell_kinds[kind].kind, ==, kind);
      if (kind == GK_FIELD_CHOICE)
        {
          gk_field_add_choice (column, "yes", "是");
          gk_field_add_choice (column, "no", "否");
        }
      gk_field_add_column (field, column);
    }

  editor = GK_TABLE_EDITOR (gk_table_editor_new (field));
  g_signal_connect_swapped (editor, "changed", G_CALLBACK (count_changed), &n_changed);
  gtk_window_set_default_size (window, 1600, 600);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (editor), "table.add-row", NULL);
  n_changed = 0;

  for (guint c = 0; c < field->columns->len; c++)
    {
      const GkField *column = g_ptr_array_index (field->columns, c);
      GkTableCell *cell = wait_for_cell (editor, 0, column->id);
      const char *typed = column->kind == GK_FIELD_ORGCODE ? orgcode : cell_kinds[column->kind].typed;

      g_assert_cmpuint (gk_table_cell_get_column_index (cell), ==, c);
      gk_table_cell_set_value (cell, typed);
      g_assert_cmpuint (n_changed, ==, c + 1);
      if (column->kind == GK_FIELD_CHOICE)
        g_assert_cmpstr (gk_table_cell_get_value (cell), ==, "no");
      else
        g_assert_cmpstr (gk_table_cell_get_value (cell), ==, typed);
    }

  rows = gk_table_editor_dup_rows (editor);
  g_assert_nonnull (rows);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (rows)), ==, 1);
  stored = json_array_get_object_element (json_node_get_array (rows), 0);
  for (guint c = 0; c < field->columns->len; c++)
    {
      const GkField *column = g_ptr_array_index (field->columns, c);
      g_autofree char *orgcode_json = g_strdup_printf ("\"%.8s%c\"", orgcode, orgcode[9]);
      g_autoptr(JsonNode) expected = json_from_string (column->kind == GK_FIELD_ORGCODE
                                                         ? orgcode_json : cell_kinds[column->kind].stored, NULL);
      JsonNode *value = json_object_get_member (stored, column->id);

      if (value == NULL || !json_node_equal (value, expected))
        g_error ("column %s: expected %s, got %s", column->id, json_to_string (expected, FALSE),
                 value != NULL ? json_to_string (value, FALSE) : "(none)");
    }
  /* Nothing is wrong with any of them. */
  g_assert_cmpstr (gk_table_editor_get_summary (editor), ==, "");

  gtk_window_destroy (window);
}

/* GTK's delivery of a scroll event over @target, as in gtkmain.c: the
 * capture phase from the window down, then the bubble phase back up; the
 * first scroll controller that takes it ends it. GDK cannot make a scroll
 * event, so the controllers' own signal is what is emitted. */
static void
dispatch_scroll (GtkWidget *target,
                 double     dy)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *w = target; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);

  for (int phase = 0; phase < 2; phase++)
    for (guint i = 0; i < path->len; i++)
      {
        GtkWidget *widget = g_ptr_array_index (path, phase == 0 ? i : path->len - 1 - i);
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

        for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
          {
            g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);
            gboolean handled = FALSE;

            if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller) ||
                gtk_event_controller_get_propagation_phase (controller) != (phase == 0 ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE))
              continue;
            g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
            if (handled)
              return;
          }
      }
}

/* The table's rows are all in sight: nothing left to scroll to. */
static gboolean
rows_all_shown (GtkScrolledWindow *scrolled)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 0.5;
}

static gboolean
outer_has_room (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 200;
}

static GkField *
new_names_table (guint n_columns)
{
  GkField *field = gk_field_new ("winners", "中标候选人", GK_FIELD_TABLE);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autofree char *label = g_strdup_printf ("名称%u", i);

      gk_field_add_column (field, gk_field_new (id, label, GK_FIELD_TEXT));
    }
  return field;
}

/* In a form, a table of three rows shows the three, and the wheel over it
 * scrolls the form rather than stopping there. */
static void
test_table_in_form (void)
{
  g_autoptr(GkField) field = new_names_table (2);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *outer = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *above = gtk_label_new ("above");
  GtkWidget *below = gtk_label_new ("below");
  GkTableEditor *editor = GK_TABLE_EDITOR (gk_table_editor_new (field));
  GtkScrolledWindow *inner = GTK_SCROLLED_WINDOW (gk_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *form = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  GkTableCell *cell;
  double before;

  gtk_widget_set_size_request (above, -1, 500);
  gtk_widget_set_size_request (below, -1, 800);
  gtk_box_append (GTK_BOX (box), above);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_box_append (GTK_BOX (box), below);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (outer), box);
  gtk_window_set_default_size (window, 700, 600);
  gtk_window_set_child (window, outer);
  gtk_window_present (window);

  g_assert_cmpuint (gk_table_editor_paste_text (editor, "甲\t乙\n丙\t丁\n戊\t己\n"), ==, 3);
  cell = wait_for_cell (editor, 2, "c0");
  gk_test_ui_wait_until (rows_all_shown, inner);
  gk_test_ui_wait_until (outer_has_room, form);

  /* Down and up over the table's last row move the form, both ways. */
  gtk_adjustment_set_value (form, 300);
  before = gtk_adjustment_get_value (form);
  dispatch_scroll (GTK_WIDGET (cell), 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (form), >, before);
  before = gtk_adjustment_get_value (form);
  dispatch_scroll (GTK_WIDGET (cell), -1.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (form), <, before);

  gtk_window_destroy (window);
}

static gboolean
is_visible_label (GtkWidget  *widget,
                  const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
wide_hint_shown (GtkWidget *editor)
{
  return gk_test_find_widget (editor, (GkTestWidgetMatch) is_visible_label,
                              (gpointer) "More columns to the right: scroll sideways (Shift + wheel)") != NULL;
}

static gboolean
cell_ellipsized (GkTableCell *cell)
{
  return gk_table_cell_is_ellipsized (cell);
}

/* A long name in a narrow cell ends in "…" and is whole in the entry; a
 * table wider than the window says it scrolls sideways. */
static void
test_narrow_cells (void)
{
  g_autoptr(GkField) field = new_names_table (12);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GkTableEditor *editor = GK_TABLE_EDITOR (gk_table_editor_new (field));
  const char *name = "杭州市长青区城市建设发展集团有限公司第三工程分公司";
  GkTableCell *cell;
  GtkWidget *entry;

  gtk_window_set_default_size (window, 500, 500);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (editor), "table.add-row", NULL);
  cell = wait_for_cell (editor, 0, "c1");
  gk_table_editor_set_cell_text (editor, 0, "c1", name);
  cell = wait_for_cell (editor, 0, "c1");

  gk_test_ui_wait_until (cell_ellipsized, cell);
  entry = gk_test_find_descendant (GTK_WIDGET (cell), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, name);
  g_assert_true (gtk_widget_get_has_tooltip (entry));
  gk_test_ui_wait_until (wide_hint_shown, editor);

  /* Scrolled to the right end, nothing more is hidden: the hint goes. */
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gk_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scrolled);

    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h));
    g_assert_false (wide_hint_shown (GTK_WIDGET (editor)));
  }

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = gk_test_ui_init (&argc, &argv, "table-editor");
  int status;

  g_test_add_func ("/table-editor/every-column-kind", test_every_column_kind);
  g_test_add_func ("/table-editor/table-in-form", test_table_in_form);
  g_test_add_func ("/table-editor/narrow-cells", test_narrow_cells);

  status = g_test_run ();
  gk_test_remove_tree (tmp_dir);
  return status;
}
