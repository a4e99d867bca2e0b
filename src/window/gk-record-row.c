/* gk-record-row.c: a record in the list: title, item and unit, status, due date, overdue or due-soon badge. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-record-row.h"

struct _GkRecordRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *status_label;
  GtkLabel *due_label;
  GtkLabel *overdue_label;
  GtkLabel *due_soon_label;

  GkRecord *record;
  GBinding *title_binding;
  GBinding *status_binding;
  char *today;
  char *due_soon_by;
};

G_DEFINE_FINAL_TYPE (GkRecordRow, gk_record_row, GTK_TYPE_WIDGET)

static void
unbind_record (GkRecordRow *self)
{
  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_clear_pointer (&self->status_binding, g_binding_unbind);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_clear_object (&self->record);
}

static void
gk_record_row_dispose (GObject *object)
{
  GkRecordRow *self = GK_RECORD_ROW (object);

  unbind_record (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_RECORD_ROW);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->due_soon_by, g_free);

  G_OBJECT_CLASS (gk_record_row_parent_class)->dispose (object);
}

static void
gk_record_row_class_init (GkRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, box);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, due_soon_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_record_row_init (GkRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_record_row_new (void)
{
  return g_object_new (GK_TYPE_RECORD_ROW, NULL);
}

static gboolean
status_to_label_cb (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_string (to, gk_status_to_label (g_value_get_string (from)));
  return TRUE;
}

static void
update_subtitle (GkRecordRow *self)
{
  g_autofree char *subtitle = NULL;
  const char *unit_name = gk_record_get_unit_name (self->record);

  if (unit_name != NULL)
    subtitle = g_strdup_printf ("%s · %s", gk_record_get_item_name (self->record), unit_name);
  else
    subtitle = g_strdup (gk_record_get_item_name (self->record));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/* The due date and the urgency badges depend on two dates and the day. */
static void
update_due (GkRecordRow *self)
{
  GkRecord *record = self->record;
  const char *published_on = gk_record_get_published_on (record);
  const char *due_on = gk_record_get_due_on (record);
  g_autofree char *due = NULL;
  gboolean overdue, due_soon;

  overdue = gk_record_is_overdue (record, self->today);
  due_soon = !overdue && self->due_soon_by != NULL && published_on == NULL &&
             due_on != NULL && g_strcmp0 (due_on, self->due_soon_by) <= 0;

  if (published_on != NULL)
    /* Translators: %s is a date */
    due = g_strdup_printf (_("Published %s"), published_on);
  else if (due_on != NULL)
    /* Translators: %s is a date */
    due = g_strdup_printf (_("Due %s"), due_on);
  gtk_label_set_text (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->due_soon_label), due_soon);

  /* The row's own classes let the list tint it, and tests read them. */
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
  if (due_soon)
    gtk_widget_add_css_class (GTK_WIDGET (self), "due-soon");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "due-soon");
}

/* The row follows @record as it changes (the editor edits the same
 * record), so a new title shows in the list before it is saved. */
void
gk_record_row_set_record (GkRecordRow *self,
                          GkRecord    *record,
                          const char  *today,
                          const char  *due_soon_by)
{
  g_return_if_fail (GK_IS_RECORD_ROW (self));

  unbind_record (self);
  g_free (self->today);
  self->today = g_strdup (today);
  g_free (self->due_soon_by);
  self->due_soon_by = g_strdup (due_soon_by);
  if (record == NULL)
    {
      /* A recycled row must not keep the last record's urgency. */
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "due-soon");
      return;
    }

  self->record = g_object_ref (record);
  self->title_binding = g_object_bind_property (record, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  self->status_binding = g_object_bind_property_full (record, "status", self->status_label, "label",
                                                      G_BINDING_SYNC_CREATE, status_to_label_cb, NULL, NULL, NULL);
  g_signal_connect_swapped (record, "notify::item-name", G_CALLBACK (update_subtitle), self);
  g_signal_connect_swapped (record, "notify::unit-name", G_CALLBACK (update_subtitle), self);
  g_signal_connect_swapped (record, "notify::due-on", G_CALLBACK (update_due), self);
  g_signal_connect_swapped (record, "notify::published-on", G_CALLBACK (update_due), self);
  update_subtitle (self);
  update_due (self);
}

GkRecord *
gk_record_row_get_record (GkRecordRow *self)
{
  g_return_val_if_fail (GK_IS_RECORD_ROW (self), NULL);
  return self->record;
}
