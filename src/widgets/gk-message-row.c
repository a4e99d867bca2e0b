/* gk-message-row.c: the words under a field: a row Tab passes over without leaving the list. */
#include "config.h"

#include "gk-message-row.h"

struct _GkMessageRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (GkMessageRow, gk_message_row, ADW_TYPE_PREFERENCES_ROW)

static gboolean
row_takes_focus (GtkWidget *row)
{
  return GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_visible (row) && gtk_widget_is_sensitive (row);
}

/* A list box moves Tab from row to row and gives up at a row that takes no
 * focus: this one hands it on to its neighbour instead. */
static gboolean
gk_message_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  GtkWidget *next = NULL;

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN)
    {
      for (next = gtk_widget_get_next_sibling (widget); next != NULL; next = gtk_widget_get_next_sibling (next))
        if (row_takes_focus (next))
          break;
    }
  else if (direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP)
    {
      for (next = gtk_widget_get_prev_sibling (widget); next != NULL; next = gtk_widget_get_prev_sibling (next))
        if (row_takes_focus (next))
          break;
    }

  return next != NULL && gtk_widget_child_focus (next, direction);
}

static void
gk_message_row_class_init (GkMessageRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = gk_message_row_focus;
}

static void
gk_message_row_init (GkMessageRow *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), label);
  self->label = GTK_LABEL (label);

  /* Words, not a control. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gk_message_row_new (void)
{
  return g_object_new (GK_TYPE_MESSAGE_ROW, NULL);
}

void
gk_message_row_set_message (GkMessageRow *self,
                            const char   *message,
                            GkSeverity    severity)
{
  GtkWidget *label;

  g_return_if_fail (GK_IS_MESSAGE_ROW (self));

  label = GTK_WIDGET (self->label);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (severity == GK_SEVERITY_ERROR)
    gtk_widget_add_css_class (label, "error");
  else if (severity == GK_SEVERITY_WARNING)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");

  gtk_label_set_text (self->label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL && *message != '\0');
}

const char *
gk_message_row_get_message (GkMessageRow *self)
{
  g_return_val_if_fail (GK_IS_MESSAGE_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  return gtk_label_get_text (self->label);
}

GtkWidget *
gk_message_row_get_label (GkMessageRow *self)
{
  g_return_val_if_fail (GK_IS_MESSAGE_ROW (self), NULL);
  return GTK_WIDGET (self->label);
}

void
gk_message_row_show_error (GkMessageRow *self,
                           GtkWidget    *row,
                           const char   *message)
{
  g_return_if_fail (GK_IS_MESSAGE_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  gk_message_row_set_message (self, message, GK_SEVERITY_ERROR);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}
