/* gk-table-editor.c: a table field as a column view of editable cells: add, reorder, remove, paste from a spreadsheet. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gk-field-editor.h"
#include "gk-table-cell.h"
#include "gk-table-editor.h"
#include "gk-table-row.h"

/* Problems listed under the table; the rest are counted. */
#define MAX_LISTED_PROBLEMS 3
/* The table is as tall as its rows up to this height, then scrolls. GTK
 * 4.8's list views report no natural height before their rows exist, so
 * the least height is estimated from the row count (an entry row is about
 * 38 px); the natural height of the laid-out rows takes over from there. */
#define ROW_HEIGHT 38
#define HEADER_HEIGHT 32
#define MAX_TABLE_HEIGHT 420

struct _GkTableEditor
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *count_label;
  GtkLabel *help_label;
  GtkScrolledWindow *scrolled;
  GtkColumnView *column_view;
  GtkLabel *wide_label;
  GtkLabel *empty_label;
  GtkWidget *toolbar;
  GtkLabel *problems_label;

  GkField *field;
  GListStore *rows;              /* GkTableRow */
  GtkSingleSelection *selection;
  GCancellable *cancellable;     /* a clipboard read in flight */
  char *report;
  guint scroll_tick_id;
  guint scroll_ticks;
};

G_DEFINE_FINAL_TYPE (GkTableEditor, gk_table_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a column's cell factory needs to know. */
typedef struct
{
  GkTableEditor *self;
  guint index;                   /* into field->columns */
} CellColumn;

static void
gk_table_editor_dispose (GObject *object)
{
  GkTableEditor *self = GK_TABLE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_TABLE_EDITOR);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gk_table_editor_parent_class)->dispose (object);
}

static void
gk_table_editor_finalize (GObject *object)
{
  GkTableEditor *self = GK_TABLE_EDITOR (object);

  g_clear_pointer (&self->field, gk_field_free);
  g_free (self->report);

  G_OBJECT_CLASS (gk_table_editor_parent_class)->finalize (object);
}

static const char *
column_label (GkTableEditor *self,
              guint          index)
{
  return ((GkField *) g_ptr_array_index (self->field->columns, index))->label;
}

/* The words under the table: the last paste, then what is wrong, first few listed. */
static void
update_summary (GkTableEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *count = NULL;
  guint n_problems = 0, n_empty = 0, n_listed = 0;
  GkSeverity worst = GK_SEVERITY_OK;

  count = g_strdup_printf (ngettext ("%u row", "%u rows", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_scrolled_window_set_min_content_height (self->scrolled,
                                              MIN (HEADER_HEIGHT + (int) MAX (n, 1) * ROW_HEIGHT, MAX_TABLE_HEIGHT));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);

  if (self->report != NULL)
    g_string_append (text, self->report);

  for (guint r = 0; r < n; r++)
    {
      g_autoptr(GkTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);

      for (guint c = 0; c < self->field->columns->len; c++)
        {
          GkSeverity severity = gk_table_row_get_severity (row, c);

          if (severity == GK_SEVERITY_OK)
            continue;
          /* Empty required cells are counted, not listed one by one. */
          if (gk_table_row_get_value (row, c) == NULL)
            {
              n_empty++;
              continue;
            }
          n_problems++;
          worst = MAX (worst, severity);
          if (n_listed < MAX_LISTED_PROBLEMS)
            {
              if (text->len > 0)
                g_string_append_c (text, '\n');
              /* Translators: 1-based row number, column label, problem */
              g_string_append_printf (text, _("Row %u, %s: %s"), r + 1, column_label (self, c),
                                      gk_table_row_get_message (row, c));
              n_listed++;
            }
        }
    }

  if (n_problems > n_listed)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("and %u more problem", "and %u more problems",
                                              n_problems - n_listed),
                              n_problems - n_listed);
    }
  if (n_empty > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u required cell is empty", "%u required cells are empty", n_empty),
                              n_empty);
    }

  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), text->len > 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "dim-label");
  if (worst == GK_SEVERITY_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
  else if (worst == GK_SEVERITY_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "dim-label");
}

static void
update_actions (GkTableEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean has_selection = selected != GTK_INVALID_LIST_POSITION && selected < n;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.remove-row", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.move-up", has_selection && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.move-down", has_selection && selected + 1 < n);
}

static void
emit_changed (GkTableEditor *self)
{
  update_summary (self);
  update_actions (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
free_cell_column (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
on_cell_changed_cb (GkTableEditor *self)
{
  emit_changed (self);
}

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *controller,
                        GkTableEditor           *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint position = gk_table_cell_get_position (GK_TABLE_CELL (cell));

  /* Editing a cell selects its row, so "remove" and "move" act on it. */
  if (position != GTK_INVALID_LIST_POSITION && gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

/* A row's number changes without a rebind when rows above it come or go. */
static void
on_item_position_cb (GtkListItem *item,
                     GParamSpec  *pspec,
                     GkTableCell *cell)
{
  gk_table_cell_set_position (cell, gtk_list_item_get_position (item));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellColumn               *column)
{
  GtkWidget *cell = gk_table_cell_new (column->self->field, column->index);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (cell, "changed", G_CALLBACK (on_cell_changed_cb), column->self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter_cb), column->self);
  gtk_widget_add_controller (cell, focus);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (on_item_position_cb), cell, 0);
  gtk_list_item_set_child (item, cell);
  /* The cell's own widget takes focus and clicks: the row needs neither. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellColumn               *column)
{
  GkTableCell *cell = GK_TABLE_CELL (gtk_list_item_get_child (item));

  gk_table_cell_set_row (cell, gtk_list_item_get_item (item));
  gk_table_cell_set_position (cell, gtk_list_item_get_position (item));
}

static void
update_number_label (GtkListItem *item,
                     GParamSpec  *pspec,
                     GtkLabel    *label)
{
  g_autofree char *text = NULL;
  guint position = gtk_list_item_get_position (item);

  if (position != GTK_INVALID_LIST_POSITION)
    text = g_strdup_printf ("%u", position + 1);
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
setup_number_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (update_number_label), label, 0);
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  update_number_label (item, NULL, GTK_LABEL (gtk_list_item_get_child (item)));
}

static void
add_columns (GkTableEditor *self)
{
  g_autoptr(GtkListItemFactory) number_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) number = NULL;

  g_signal_connect (number_factory, "setup", G_CALLBACK (setup_number_cb), NULL);
  g_signal_connect (number_factory, "bind", G_CALLBACK (bind_number_cb), NULL);
  number = gtk_column_view_column_new ("#", g_steal_pointer (&number_factory));
  gtk_column_view_append_column (self->column_view, number);

  for (guint i = 0; i < self->field->columns->len; i++)
    {
      const GkField *column = g_ptr_array_index (self->field->columns, i);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autofree char *title = NULL;
      CellColumn *cell;

      /* Retired columns keep their values in the rows, out of sight. */
      if (column->retired)
        continue;

      cell = g_new0 (CellColumn, 1);
      cell->self = self;
      cell->index = i;
      factory = gtk_signal_list_item_factory_new ();
      /* The setup handler owns the struct; bind shares it. */
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell_cb), cell, free_cell_column, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), cell);

      if (column->kind == GK_FIELD_MONEY && column->unit != NULL && strstr (column->label, column->unit) == NULL)
        /* Translators: a column label, then its unit (元) */
        title = g_strdup_printf (_("%s (%s)"), column->label, column->unit);
      else
        title = g_strdup (column->label);
      if (column->required)
        {
          g_autofree char *plain = g_steal_pointer (&title);

          /* Translators: the label of a field the clerk must fill */
          title = g_strdup_printf (_("%s *"), plain);
        }

      view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      /* Names and addresses take the room a wide window has left. */
      gtk_column_view_column_set_expand (view_column, (column->kind == GK_FIELD_TEXT ||
                                                       column->kind == GK_FIELD_LONGTEXT ||
                                                       column->kind == GK_FIELD_URL) &&
                                                      gk_table_cell_width_for_column (column) >= 14);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/* Brings the last row into view. GTK 4.8 has no gtk_column_view_scroll_to():
 * its inner list view's "list.scroll-to-item" action does it, once the new
 * rows are laid out (moving the adjustment earlier makes the list warn). */
static gboolean
scroll_to_end_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  GkTableEditor *self = GK_TABLE_EDITOR (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  /* The first frame lays the rows out; the next one may scroll to them. */
  if (self->scroll_ticks++ == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL && n > 0; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", n - 1);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_end (GkTableEditor *self)
{
  self->scroll_ticks = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_end_tick_cb, NULL, NULL);
}

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GkTableEditor *self = GK_TABLE_EDITOR (widget);
  g_autoptr(GkTableRow) row = gk_table_row_new (self->field);

  g_list_store_append (self->rows, row);
  gtk_single_selection_set_selected (self->selection, g_list_model_get_n_items (G_LIST_MODEL (self->rows)) - 1);
  scroll_to_end (self);
  emit_changed (self);
}

static void
remove_row_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GkTableEditor *self = GK_TABLE_EDITOR (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  g_list_store_remove (self->rows, selected);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, MIN (selected, n - 1));
  emit_changed (self);
}

static void
move_row (GkTableEditor *self,
          int            delta)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint target;

  if (selected == GTK_INVALID_LIST_POSITION || (delta < 0 && selected == 0) || (delta > 0 && selected + 1 >= n))
    return;

  target = selected + delta;
  {
    guint first = MIN (selected, target);
    g_autoptr(GkTableRow) upper = g_list_model_get_item (G_LIST_MODEL (self->rows), first);
    g_autoptr(GkTableRow) lower = g_list_model_get_item (G_LIST_MODEL (self->rows), first + 1);
    gpointer swapped[] = { lower, upper };

    /* One change of two rows, not a removal and an insertion. */
    g_list_store_splice (self->rows, first, 2, swapped, 2);
  }
  gtk_single_selection_set_selected (self->selection, target);
  emit_changed (self);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_row (GK_TABLE_EDITOR (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_row (GK_TABLE_EDITOR (widget), +1);
}

static void
set_report (GkTableEditor *self,
            const char    *report)
{
  g_free (self->report);
  self->report = g_strdup (report);
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  GkTableEditor *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GK_TABLE_EDITOR (user_data);
  if (text == NULL || *text == '\0')
    {
      set_report (self, _("The clipboard holds no text to paste: copy the rows in the spreadsheet first"));
      update_summary (self);
      return;
    }

  gk_table_editor_paste_text (self, text);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GkTableEditor *self = GK_TABLE_EDITOR (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* The editor outlives the read or cancels it in dispose: no reference needed. */
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 on_clipboard_text_cb, self);
}

/* ------------------------------------------------------------------ */

static void
on_selection_changed_cb (GkTableEditor *self)
{
  update_actions (self);
}

/* Columns out of sight to the right are said under the table: an overlay
 * scrollbar alone does not show until the pointer moves over it. */
static void
on_hadjustment_changed_cb (GtkAdjustment *adjustment,
                           GkTableEditor *self)
{
  gboolean hidden = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
                    gtk_adjustment_get_upper (adjustment) - 1;

  if (gtk_widget_get_visible (GTK_WIDGET (self->wide_label)) != hidden)
    gtk_widget_set_visible (GTK_WIDGET (self->wide_label), hidden);
}

/* The wheel over a table that has nothing more to show in that direction
 * scrolls the form around it: GtkScrolledWindow keeps every scroll event
 * it gets, even one it cannot use, so the form would stop over each table.
 * This runs in the capture phase, before the table's own scrolling. */
static gboolean
on_scroll_capture_cb (GtkEventControllerScroll *controller,
                      double                    dx,
                      double                    dy,
                      GkTableEditor            *self)
{
  GtkAdjustment *inner = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *outer;
  GtkAdjustment *adjustment;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double step, value;

  /* Shift turns the wheel sideways: the table's own. */
  if (dy == 0 || (state & GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;
  if ((dy > 0 && gtk_adjustment_get_value (inner) + gtk_adjustment_get_page_size (inner) < gtk_adjustment_get_upper (inner) - 0.5) ||
      (dy < 0 && gtk_adjustment_get_value (inner) > gtk_adjustment_get_lower (inner) + 0.5))
    return GDK_EVENT_PROPAGATE;

  outer = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (self)), GTK_TYPE_SCROLLED_WINDOW);
  if (outer == NULL)
    return GDK_EVENT_PROPAGATE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  /* The step GtkScrolledWindow takes for a wheel notch; smooth deltas are pixels. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
           ? pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0) : 1.0;
  value = CLAMP (gtk_adjustment_get_value (adjustment) + dy * step, gtk_adjustment_get_lower (adjustment),
                 gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, value);
  return GDK_EVENT_STOP;
}

static void
gk_table_editor_class_init (GkTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_table_editor_dispose;
  object_class->finalize = gk_table_editor_finalize;

  /**
   * GkTableEditor::changed:
   *
   * The clerk edited, added, moved, removed or pasted rows.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, box);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, help_label);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, column_view);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, wide_label);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, toolbar);
  gtk_widget_class_bind_template_child (widget_class, GkTableEditor, problems_label);

  gtk_widget_class_install_action (widget_class, "table.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "table.remove-row", NULL, remove_row_activated);
  gtk_widget_class_install_action (widget_class, "table.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "table.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "table.paste", NULL, paste_activated);

  /* Keys that a cell's own text entry leaves alone: Ctrl+V still pastes
   * into the cell, Ctrl+Shift+V pastes whole rows. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "table.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "table.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "table.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_table_editor_init (GkTableEditor *self)
{
  GtkEventController *scroll;
  GtkAdjustment *hadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (GK_TYPE_TABLE_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_scrolled_window_set_max_content_height (self->scrolled, MAX_TABLE_HEIGHT);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_capture_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), scroll);

  hadjustment = gtk_scrolled_window_get_hadjustment (self->scrolled);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (on_hadjustment_changed_cb), self, 0);
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (on_hadjustment_changed_cb), self, 0);
}

GtkWidget *
gk_table_editor_new (const GkField *table)
{
  GkTableEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (table != NULL && table->kind == GK_FIELD_TABLE, NULL);

  self = g_object_new (GK_TYPE_TABLE_EDITOR, NULL);
  self->field = gk_field_copy (table);

  title = gk_field_dup_title (self->field);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->help_label, self->field->help != NULL ? self->field->help : "");
  gtk_widget_set_visible (GTK_WIDGET (self->help_label), self->field->help != NULL && *self->field->help != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->field->label, -1);
  add_columns (self);
  update_summary (self);
  update_actions (self);
  return GTK_WIDGET (self);
}

const GkField *
gk_table_editor_get_field (GkTableEditor *self)
{
  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), NULL);
  return self->field;
}

GListModel *
gk_table_editor_get_model (GkTableEditor *self)
{
  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
gk_table_editor_get_n_rows (GkTableEditor *self)
{
  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static GPtrArray *
rows_from_json (GkTableEditor *self,
                JsonNode      *rows)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (rows == NULL || !JSON_NODE_HOLDS_ARRAY (rows))
    return items;

  array = json_node_get_array (rows);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, gk_table_row_new_from_json (self->field, json_array_get_element (array, i)));
  return items;
}

void
gk_table_editor_set_rows (GkTableEditor *self,
                          JsonNode      *rows)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (GK_IS_TABLE_EDITOR (self));

  /* One splice: a list of 500 households is one model change, not 500. */
  items = rows_from_json (self, rows);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  g_clear_pointer (&self->report, g_free);
  update_summary (self);
  update_actions (self);
}

JsonNode *
gk_table_editor_dup_rows (GkTableEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), NULL);

  if (n == 0)
    return NULL;

  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      json_array_add_element (array, gk_table_row_to_json (row, self->field));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

GPtrArray *
gk_table_editor_get_issues (GkTableEditor *self)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  guint n;

  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), issues);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n == 0 && self->field->required && !self->field->retired)
    g_ptr_array_add (issues, gk_issue_new (self->field->id, -1, NULL, GK_SEVERITY_ERROR, _("Add at least one row")));

  for (guint r = 0; r < n; r++)
    {
      g_autoptr(GkTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);

      for (guint c = 0; c < self->field->columns->len; c++)
        {
          const GkField *column = g_ptr_array_index (self->field->columns, c);

          if (gk_table_row_get_severity (row, c) != GK_SEVERITY_OK)
            g_ptr_array_add (issues, gk_issue_new (self->field->id, (int) r, column->id,
                                                   gk_table_row_get_severity (row, c),
                                                   gk_table_row_get_message (row, c)));
        }
    }

  return issues;
}

void
gk_table_editor_set_cell_text (GkTableEditor *self,
                               guint          row,
                               const char    *column_id,
                               const char    *text)
{
  g_autoptr(GkTableRow) item = NULL;

  g_return_if_fail (GK_IS_TABLE_EDITOR (self));
  g_return_if_fail (row < g_list_model_get_n_items (G_LIST_MODEL (self->rows)));

  for (guint c = 0; c < self->field->columns->len; c++)
    {
      if (g_strcmp0 (((GkField *) g_ptr_array_index (self->field->columns, c))->id, column_id) != 0)
        continue;

      item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
      gk_table_row_set_text (item, self->field, c, text);
      /* Rebinds the row's cells, so what is shown follows. */
      g_list_store_splice (self->rows, row, 1, (gpointer *) &item, 1);
      emit_changed (self);
      return;
    }

  g_critical ("No column “%s” in the table “%s”", column_id, self->field->id);
}

guint
gk_table_editor_paste_text (GkTableEditor *self,
                            const char    *tsv)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  guint first;

  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), 0);

  first = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  parsed = gk_field_parse_tsv (self->field, tsv, issues);
  items = rows_from_json (self, parsed);
  g_list_store_splice (self->rows, first, 0, items->pdata, items->len);

  if (items->len == 0)
    g_string_append (report, _("The clipboard text has no rows to paste"));
  else
    g_string_append_printf (report, ngettext ("Pasted %u row", "Pasted %u rows", items->len), items->len);

  /* Problems of the text as a whole (cells beyond the columns); cell
   * problems are listed with the others, by row. */
  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      if (issue->column_id == NULL)
        {
          g_string_append_c (report, '\n');
          /* Translators: 1-based row number, problem */
          g_string_append_printf (report, _("Row %d: %s"), issue->row + (int) first + 1, issue->message);
        }
    }

  set_report (self, report->str);
  if (items->len > 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      scroll_to_end (self);
    }
  emit_changed (self);
  return items->len;
}

const char *
gk_table_editor_get_summary (GkTableEditor *self)
{
  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), NULL);
  return gtk_label_get_text (self->problems_label);
}

const char *
gk_table_editor_get_report (GkTableEditor *self)
{
  g_return_val_if_fail (GK_IS_TABLE_EDITOR (self), NULL);
  return self->report;
}

void
gk_table_editor_select_row (GkTableEditor *self,
                            guint          row)
{
  g_return_if_fail (GK_IS_TABLE_EDITOR (self));
  gtk_single_selection_set_selected (self->selection, row);
}
