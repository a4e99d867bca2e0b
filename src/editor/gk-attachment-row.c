/* gk-attachment-row.c: one file attached to a record: its name, size and date, and "open" and "remove" for the section to act on. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-attachment-row.h"

struct _GkAttachmentRow
{
  AdwActionRow parent_instance;

  GkAttachment *attachment;
};

G_DEFINE_FINAL_TYPE (GkAttachmentRow, gk_attachment_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ATTACHMENT_ID,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GkAttachment *
copy_attachment (const GkAttachment *attachment)
{
  GkAttachment *copy = g_new0 (GkAttachment, 1);

  copy->id = attachment->id;
  copy->record_id = attachment->record_id;
  copy->name = g_strdup (attachment->name);
  copy->size = attachment->size;
  copy->sha256 = g_strdup (attachment->sha256);
  copy->added_at = g_strdup (attachment->added_at);
  return copy;
}

static void
on_open_clicked_cb (GkAttachmentRow *self)
{
  g_signal_emit (self, signals[OPEN], 0);
}

static void
on_remove_clicked_cb (GkAttachmentRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
add_button (GkAttachmentRow *self,
            const char      *icon_name,
            const char      *tooltip,
            GCallback        callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
}

static void
gk_attachment_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkAttachmentRow *self = GK_ATTACHMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT_ID:
      g_value_set_int64 (value, self->attachment->id);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->attachment->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_attachment_row_finalize (GObject *object)
{
  GkAttachmentRow *self = GK_ATTACHMENT_ROW (object);

  g_clear_pointer (&self->attachment, gk_attachment_free);

  G_OBJECT_CLASS (gk_attachment_row_parent_class)->finalize (object);
}

static void
gk_attachment_row_class_init (GkAttachmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_attachment_row_finalize;
  object_class->get_property = gk_attachment_row_get_property;

  properties[PROP_ATTACHMENT_ID] =
    g_param_spec_int64 ("attachment-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The clerk asked to open the file, or to remove it from the record. */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_attachment_row_init (GkAttachmentRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
  add_button (self, "document-open-symbolic", _("Open"), G_CALLBACK (on_open_clicked_cb));
  add_button (self, "user-trash-symbolic", _("Remove"), G_CALLBACK (on_remove_clicked_cb));
}

GtkWidget *
gk_attachment_row_new (const GkAttachment *attachment)
{
  GkAttachmentRow *self;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (attachment != NULL, NULL);

  self = g_object_new (GK_TYPE_ATTACHMENT_ROW, "title", attachment->name, NULL);
  self->attachment = copy_attachment (attachment);
  size = g_format_size (attachment->size);
  subtitle = g_strdup_printf ("%s · %.10s", size, attachment->added_at);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return GTK_WIDGET (self);
}

const GkAttachment *
gk_attachment_row_get_attachment (GkAttachmentRow *self)
{
  g_return_val_if_fail (GK_IS_ATTACHMENT_ROW (self), NULL);
  return self->attachment;
}

GkAttachment *
gk_attachment_row_dup_attachment (GkAttachmentRow *self)
{
  g_return_val_if_fail (GK_IS_ATTACHMENT_ROW (self), NULL);
  return copy_attachment (self->attachment);
}
