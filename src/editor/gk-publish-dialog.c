/* gk-publish-dialog.c: publishing a record asks for its date and the channels it appears in. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-channel-row.h"
#include "gk-date.h"
#include "gk-date-button.h"
#include "gk-publish-dialog.h"

struct _GkPublishDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *date_row;
  GtkListBox *channels_list;
  GtkLabel *problem_label;

  GPtrArray *channels;      /* GkChannelRow, in the list's order */
};

G_DEFINE_FINAL_TYPE (GkPublishDialog, gk_publish_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Publishing needs a possible date and at least one channel (when the
 * item offers any): the dialog says which is missing. */
static void
update_response (GkPublishDialog *self)
{
  g_autofree char *date = gk_publish_dialog_dup_date (self);
  const char *problem = NULL;
  gboolean any = self->channels->len == 0;

  for (guint i = 0; i < self->channels->len && !any; i++)
    any = gk_channel_row_get_used (g_ptr_array_index (self->channels, i));

  if (date == NULL)
    problem = _("Type the publication date as 2025-03-07 or 2025年3月7日.");
  else if (!any)
    problem = _("Switch on at least one channel the record is published in.");

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "publish", problem == NULL);
}

static void
on_date_changed_cb (GkPublishDialog *self)
{
  g_autofree char *date = gk_publish_dialog_dup_date (self);

  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  update_response (self);
}

static void
gk_publish_dialog_finalize (GObject *object)
{
  GkPublishDialog *self = GK_PUBLISH_DIALOG (object);

  g_clear_pointer (&self->channels, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_publish_dialog_parent_class)->finalize (object);
}

static void
gk_publish_dialog_class_init (GkPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gk_publish_dialog_finalize;

  g_type_ensure (GK_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPublishDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkPublishDialog, channels_list);
  gtk_widget_class_bind_template_child (widget_class, GkPublishDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
}

static void
gk_publish_dialog_init (GkPublishDialog *self)
{
  self->channels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkPublishDialog *
gk_publish_dialog_new (GtkWindow  *parent,
                       const char *title,
                       const char *date)
{
  GkPublishDialog *self = g_object_new (GK_TYPE_PUBLISH_DIALOG,
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  /* Translators: %s is a record title */
                                  _("“%s” will be marked published on this date, in the channels switched on below."),
                                  title);
  gk_publish_dialog_set_date (self, date);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->channels_list)), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->channels_list), FALSE);
  update_response (self);
  return self;
}


void
gk_publish_dialog_add_channel (GkPublishDialog *self,
                               const char      *name,
                               gboolean         used,
                               const char      *address,
                               const char      *known)
{
  GtkWidget *row;

  g_return_if_fail (GK_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (name != NULL);

  if (gk_channel_row_find (self->channels, name) != NULL)
    return;

  /* One publication date for all: the rows ask only the address. */
  row = gk_channel_row_new (name, FALSE);
  gk_channel_row_set_stored (GK_CHANNEL_ROW (row), NULL, address);
  gk_channel_row_set_known_address (GK_CHANNEL_ROW (row), known);
  gk_channel_row_set_used (GK_CHANNEL_ROW (row), used);
  g_signal_connect_object (row, "changed", G_CALLBACK (update_response), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->channels_list, row);
  g_ptr_array_add (self->channels, row);

  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->channels_list)), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->channels_list), TRUE);
  update_response (self);
}

void
gk_publish_dialog_set_channel (GkPublishDialog *self,
                               const char      *name,
                               gboolean         used,
                               const char      *address)
{
  GkChannelRow *row;
  g_autofree char *kept = NULL;

  g_return_if_fail (GK_IS_PUBLISH_DIALOG (self));

  row = gk_channel_row_find (self->channels, name);
  g_return_if_fail (row != NULL);

  kept = address == NULL ? gk_channel_row_dup_address_text (row) : NULL;
  gk_channel_row_set_text (row, NULL, address != NULL ? address : kept);
  gk_channel_row_set_used (row, used);
}

void
gk_publish_dialog_set_date (GkPublishDialog *self,
                            const char      *text)
{
  g_return_if_fail (GK_IS_PUBLISH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text != NULL ? text : "");
}

char *
gk_publish_dialog_dup_date (GkPublishDialog *self)
{
  g_return_val_if_fail (GK_IS_PUBLISH_DIALOG (self), NULL);

  return gk_date_parse_to_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), NULL);
}

GPtrArray *
gk_publish_dialog_get_channels (GkPublishDialog *self)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);

  g_return_val_if_fail (GK_IS_PUBLISH_DIALOG (self), chosen);

  for (guint i = 0; i < self->channels->len; i++)
    {
      GkRecordChannel *channel = gk_channel_row_dup_record_channel (g_ptr_array_index (self->channels, i));

      if (channel != NULL)
        g_ptr_array_add (chosen, channel);
    }
  return chosen;
}

GStrv
gk_publish_dialog_dup_names (GkPublishDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GK_IS_PUBLISH_DIALOG (self), NULL);

  for (guint i = 0; i < self->channels->len; i++)
    g_strv_builder_add (builder, gk_channel_row_get_channel (g_ptr_array_index (self->channels, i)));
  return g_strv_builder_end (builder);
}

GkChannelRow *
gk_publish_dialog_get_channel_row (GkPublishDialog *self,
                                   const char      *name)
{
  g_return_val_if_fail (GK_IS_PUBLISH_DIALOG (self), NULL);
  return gk_channel_row_find (self->channels, name);
}
