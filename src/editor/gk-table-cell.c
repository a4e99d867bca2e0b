/* gk-table-cell.c: one cell of a table field: shows its row's value in an entry or a dropdown and writes what the clerk types back to the row. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-a11y-value.h"
#include "gk-field-editor.h"
#include "gk-table-cell.h"
#include "gk-tooltip.h"

struct _GkTableCell
{
  GtkWidget parent_instance;

  GtkWidget *child;              /* a GtkEntry, or a GtkDropDown for a choice */
  GtkWidget *shown;              /* over an entry without focus: its text, ellipsized */
  GtkEventController *focus;     /* the entry's */
  const GkField *table;
  guint column;
  GkTableRow *row;
  guint revision;                /* of the row when last shown */
  guint position;
};

G_DEFINE_FINAL_TYPE (GkTableCell, gk_table_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_COLUMN,
  PROP_ROW,
  PROP_POSITION,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GkField *
column_field (GkTableCell *self)
{
  return g_ptr_array_index (self->table->columns, self->column);
}

static void
style_cell (GkTableCell *self)
{
  GkSeverity severity = self->row != NULL ? gk_table_row_get_severity (self->row, self->column) : GK_SEVERITY_OK;
  /* An empty required cell is not red: the summary under the table counts those. */
  gboolean shown = severity != GK_SEVERITY_OK && gk_table_row_get_value (self->row, self->column) != NULL;

  gtk_widget_remove_css_class (self->child, "error");
  gtk_widget_remove_css_class (self->child, "warning");
  if (shown)
    gtk_widget_add_css_class (self->child, severity == GK_SEVERITY_ERROR ? "error" : "warning");
  gtk_widget_set_tooltip_text (self->child, shown ? gk_table_row_get_message (self->row, self->column) : NULL);
  /* The whole text of an ellipsized entry is a tooltip too. */
  if (self->shown != NULL)
    gtk_widget_set_has_tooltip (self->child, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->child), GTK_ACCESSIBLE_STATE_INVALID,
                               shown && severity == GK_SEVERITY_ERROR
                                 ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* A cell too narrow for its text shows it ellipsized; the whole text is
 * in the tooltip (and, for a screen reader, in the entry itself). */
static gboolean
on_query_tooltip_cb (GtkWidget   *widget,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip,
                     GkTableCell *self)
{
  const char *message = gtk_widget_get_tooltip_text (widget);

  if (message != NULL && *message != '\0')
    {
      gk_tooltip_set_wide_text (tooltip, message);
      return TRUE;
    }
  if (gk_table_cell_is_ellipsized (self))
    {
      gk_tooltip_set_wide_text (tooltip, gtk_editable_get_text (GTK_EDITABLE (self->child)));
      return TRUE;
    }
  return FALSE;
}

static void
show_text (GkTableCell *self,
           gboolean     focused)
{
  gboolean covered = !focused;

  if (self->shown == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->shown), gtk_editable_get_text (GTK_EDITABLE (self->child)));
  gtk_widget_set_visible (self->shown, covered);
  /* The entry's own text is hidden under the label, not drawn twice. */
  if (covered)
    gtk_widget_add_css_class (self->child, "gk-cell-covered");
  else
    gtk_widget_remove_css_class (self->child, "gk-cell-covered");
}

static void
update_shown (GkTableCell *self)
{
  if (self->focus != NULL)
    show_text (self, gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus)));
}

/* The dropdown's position of a choice's value or label; 0 is "—". */
static guint
choice_position (GkTableCell *self,
                 const char  *value)
{
  const GkField *column = column_field (self);
  const GkChoice *choice = value != NULL ? gk_field_lookup_choice (column, value) : NULL;

  for (guint i = 0; choice != NULL && i < column->choices->len; i++)
    if (g_ptr_array_index (column->choices, i) == choice)
      return i + 1;
  return 0;
}

/* What the clerk did reaches the row. */
static void
take_text (GkTableCell *self,
           const char  *text)
{
  if (self->row == NULL)
    return;

  gk_table_row_set_text (self->row, self->table, self->column, text);
  self->revision = gk_table_row_get_revision (self->row);
  style_cell (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_changed_cb (GtkEditable *entry,
                     GkTableCell *self)
{
  take_text (self, gtk_editable_get_text (entry));
}

static void
on_entry_text_cb (GkTableCell *self)
{
  gtk_label_set_text (GTK_LABEL (self->shown), gtk_editable_get_text (GTK_EDITABLE (self->child)));
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   GkTableCell             *self)
{
  show_text (self, TRUE);
}

static void
on_dropdown_selected_cb (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         GkTableCell *self)
{
  const GkField *column = column_field (self);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected <= column->choices->len)
    take_text (self, ((GkChoice *) g_ptr_array_index (column->choices, selected - 1))->value);
  else
    take_text (self, "");
}

/* A money cell shows 1,234.50 once the clerk moves on. */
static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   GkTableCell             *self)
{
  g_autofree char *shown = NULL;

  show_text (self, FALSE);
  if (self->row == NULL || gk_table_row_get_severity (self->row, self->column) == GK_SEVERITY_ERROR)
    return;

  shown = gk_field_format_value (column_field (self), gk_table_row_get_value (self->row, self->column));
  if (shown != NULL && g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (self->child))) != 0)
    {
      /* Only the shape changes, not the value: the row keeps its text. */
      g_signal_handlers_block_by_func (self->child, on_entry_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->child), shown);
      g_signal_handlers_unblock_by_func (self->child, on_entry_changed_cb, self);
    }
}

/* The row's value into the child, without echoing it back to the row. */
static void
show_row (GkTableCell *self)
{
  if (GTK_IS_DROP_DOWN (self->child))
    {
      JsonNode *value = self->row != NULL ? gk_table_row_get_value (self->row, self->column) : NULL;
      guint selected = 0;

      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        selected = choice_position (self, json_node_get_string (value));
      g_signal_handlers_block_by_func (self->child, on_dropdown_selected_cb, self);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->child), selected);
      g_signal_handlers_unblock_by_func (self->child, on_dropdown_selected_cb, self);
    }
  else
    {
      g_signal_handlers_block_by_func (self->child, on_entry_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->child),
                             self->row != NULL ? gk_table_row_get_text (self->row, self->column) : "");
      g_signal_handlers_unblock_by_func (self->child, on_entry_changed_cb, self);
    }
  style_cell (self);
}

int
gk_table_cell_width_for_column (const GkField *column)
{
  switch (column->kind)
    {
    case GK_FIELD_INTEGER:
      return 5;
    case GK_FIELD_DATETIME:
      return 16;
    case GK_FIELD_DATE:
    case GK_FIELD_MONEY:
    case GK_FIELD_DECIMAL:
    case GK_FIELD_PHONE:
      return 11;
    case GK_FIELD_USCC:
    case GK_FIELD_IDCARD:
      return 21;
    case GK_FIELD_PROJECTCODE:
      return 26;
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
    case GK_FIELD_URL:
      {
        /* A short label (包号, 户型) hints at short values; a Chinese character takes about two. */
        int label = 0;

        for (const char *p = column->label; *p != '\0'; p = g_utf8_next_char (p))
          label += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
        return CLAMP (label + 6, 8, 20);
      }
    case GK_FIELD_ORGCODE:
    case GK_FIELD_CHOICE:
    case GK_FIELD_TABLE:
    default:
      return 10;
    }
}

static void
gk_table_cell_constructed (GObject *object)
{
  GkTableCell *self = GK_TABLE_CELL (object);
  const GkField *column;

  G_OBJECT_CLASS (gk_table_cell_parent_class)->constructed (object);

  g_return_if_fail (self->table != NULL && self->table->columns != NULL && self->column < self->table->columns->len);
  column = column_field (self);

  if (column->kind == GK_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      gtk_string_list_append (labels, "—");
      for (guint i = 0; i < column->choices->len; i++)
        gtk_string_list_append (labels, ((GkChoice *) g_ptr_array_index (column->choices, i))->label);
      self->child = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      gtk_widget_add_css_class (self->child, "flat");
      g_signal_connect (self->child, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
      gk_a11y_value_follow (self->child, NULL);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      self->child = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (self->child), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->child), gk_table_cell_width_for_column (column));
      if (column->kind == GK_FIELD_MONEY || column->kind == GK_FIELD_DECIMAL || column->kind == GK_FIELD_INTEGER)
        gtk_editable_set_alignment (GTK_EDITABLE (self->child), 1.0);
      g_signal_connect (self->child, "changed", G_CALLBACK (on_entry_changed_cb), self);
      g_signal_connect_swapped (self->child, "notify::text", G_CALLBACK (on_entry_text_cb), self);
      g_signal_connect (self->child, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
      g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
      gtk_widget_add_controller (self->child, focus);
      self->focus = focus;

      /* GtkEntry clips a long text at the cell's edge; a label over it
       * ellipsizes it instead, and steps aside while the clerk types.
       * Clicks go through it to the entry. */
      self->shown = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->shown), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (self->shown), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->shown), gtk_editable_get_alignment (GTK_EDITABLE (self->child)));
      gtk_widget_set_can_target (self->shown, FALSE);
      gtk_widget_add_css_class (self->shown, "gk-cell-text");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->shown), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
  /* The cell's layout gives every child the whole cell: the label lies over the entry. */
  if (self->shown != NULL)
    {
      gtk_widget_set_parent (self->shown, GTK_WIDGET (self));
      update_shown (self);
    }
}

static void
gk_table_cell_dispose (GObject *object)
{
  GkTableCell *self = GK_TABLE_CELL (object);

  g_clear_pointer (&self->shown, gtk_widget_unparent);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_object (&self->row);

  G_OBJECT_CLASS (gk_table_cell_parent_class)->dispose (object);
}

static void
gk_table_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkTableCell *self = GK_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_pointer (value, (gpointer) self->table);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_VALUE:
      g_value_set_string (value, gk_table_cell_get_value (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_table_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkTableCell *self = GK_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_pointer (value);
      break;
    case PROP_COLUMN:
      self->column = g_value_get_uint (value);
      break;
    case PROP_ROW:
      gk_table_cell_set_row (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      gk_table_cell_set_position (self, g_value_get_uint (value));
      break;
    case PROP_VALUE:
      gk_table_cell_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_table_cell_class_init (GkTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_table_cell_constructed;
  object_class->dispose = gk_table_cell_dispose;
  object_class->get_property = gk_table_cell_get_property;
  object_class->set_property = gk_table_cell_set_property;

  /* The table field (a GkField), which outlives the cell. */
  properties[PROP_TABLE] =
    g_param_spec_pointer ("table", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL, GK_TYPE_TABLE_ROW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkTableCell::changed:
   *
   * The clerk changed the cell's value (showing another row does not emit it).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_table_cell_init (GkTableCell *self)
{
  self->position = GTK_INVALID_LIST_POSITION;
}

GtkWidget *
gk_table_cell_new (const GkField *table,
                   guint          column)
{
  return g_object_new (GK_TYPE_TABLE_CELL, "table", table, "column", column, NULL);
}

const GkField *
gk_table_cell_get_column (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return column_field (self);
}

guint
gk_table_cell_get_column_index (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), 0);
  return self->column;
}

GkTableRow *
gk_table_cell_get_row (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return self->row;
}

void
gk_table_cell_set_row (GkTableCell *self,
                       GkTableRow  *row)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));
  g_return_if_fail (row == NULL || GK_IS_TABLE_ROW (row));

  /* GTK 4.8 rebinds every kept row when rows move above it: a cell
   * already showing its row's current revision stays as it is. */
  if (row == self->row && (row == NULL || gk_table_row_get_revision (row) == self->revision))
    return;

  g_set_object (&self->row, row);
  self->revision = row != NULL ? gk_table_row_get_revision (row) : 0;
  show_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

guint
gk_table_cell_get_position (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), GTK_INVALID_LIST_POSITION);
  return self->position;
}

void
gk_table_cell_set_position (GkTableCell *self,
                            guint        position)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GK_IS_TABLE_CELL (self));

  if (self->position == position)
    return;

  self->position = position;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      /* Translators: a column label, then the 1-based row number of a table */
      name = g_strdup_printf (_("%s, row %u"), column_field (self)->label, position + 1);
      gk_a11y_value_set_label (self->child, name);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
gk_table_cell_get_value (GkTableCell *self)
{
  JsonNode *value;

  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);

  if (self->row == NULL)
    return "";
  /* A choice read from the ledger shows its label; its value is what is stored. */
  value = gk_table_row_get_value (self->row, self->column);
  if (column_field (self)->kind == GK_FIELD_CHOICE && value != NULL &&
      JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return json_node_get_string (value);
  return gk_table_row_get_text (self->row, self->column);
}

void
gk_table_cell_set_value (GkTableCell *self,
                         const char  *value)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));

  /* Through the child, as the clerk would: its handler writes the row. */
  if (GTK_IS_DROP_DOWN (self->child))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->child), choice_position (self, value));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->child), value != NULL ? value : "");
}

gboolean
gk_table_cell_is_ellipsized (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), FALSE);

  return self->shown != NULL && gtk_widget_get_visible (self->shown) &&
         pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (self->shown)));
}
