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
};

G_DEFINE_FINAL_TYPE (GkRecordRow, gk_record_row, GTK_TYPE_WIDGET)

static void
gk_record_row_dispose (GObject *object)
{
  GkRecordRow *self = GK_RECORD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_RECORD_ROW);
  g_clear_object (&self->record);

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

void
gk_record_row_set_record (GkRecordRow *self,
                          GkRecord    *record,
                          const char  *today,
                          const char  *due_soon_by)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  gboolean overdue, due_soon;

  g_return_if_fail (GK_IS_RECORD_ROW (self));

  g_set_object (&self->record, record);
  if (record == NULL)
    {
      /* A recycled row must not keep the last record's urgency. */
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "due-soon");
      return;
    }

  overdue = gk_record_is_overdue (record, today);
  due_soon = !overdue && due_soon_by != NULL && gk_record_get_published_on (record) == NULL &&
             gk_record_get_due_on (record) != NULL && g_strcmp0 (gk_record_get_due_on (record), due_soon_by) <= 0;
  gtk_label_set_text (self->title_label, gk_record_get_title (record));
  if (gk_record_get_unit_name (record) != NULL)
    subtitle = g_strdup_printf ("%s · %s", gk_record_get_item_name (record), gk_record_get_unit_name (record));
  else
    subtitle = g_strdup (gk_record_get_item_name (record));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->status_label, gk_status_to_label (gk_record_get_status (record)));

  if (gk_record_get_published_on (record) != NULL)
    /* Translators: %s is a date */
    due = g_strdup_printf (_("Published %s"), gk_record_get_published_on (record));
  else if (gk_record_get_due_on (record) != NULL)
    /* Translators: %s is a date */
    due = g_strdup_printf (_("Due %s"), gk_record_get_due_on (record));
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

GkRecord *
gk_record_row_get_record (GkRecordRow *self)
{
  g_return_val_if_fail (GK_IS_RECORD_ROW (self), NULL);
  return self->record;
}
