/* gk-change-dialog.c: "Record a Change": asks for the change date (its response stays off until the date reads) and a note. */
#include "config.h"

#include "gk-change-dialog.h"
#include "gk-date.h"

struct _GkChangeDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *date_row;
  AdwEntryRow *note_row;

  char *date;
  char *note;
};

G_DEFINE_FINAL_TYPE (GkChangeDialog, gk_change_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_DATE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_change_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkChangeDialog *self = GK_CHANGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_change_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkChangeDialog *self = GK_CHANGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATE:
      gk_change_dialog_set_date (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      gk_change_dialog_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_change_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_CHANGE_DIALOG);

  G_OBJECT_CLASS (gk_change_dialog_parent_class)->dispose (object);
}

static void
gk_change_dialog_finalize (GObject *object)
{
  GkChangeDialog *self = GK_CHANGE_DIALOG (object);

  g_free (self->date);
  g_free (self->note);

  G_OBJECT_CLASS (gk_change_dialog_parent_class)->finalize (object);
}

static void
gk_change_dialog_class_init (GkChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_change_dialog_dispose;
  object_class->finalize = gk_change_dialog_finalize;
  object_class->get_property = gk_change_dialog_get_property;
  object_class->set_property = gk_change_dialog_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkChangeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkChangeDialog, note_row);
}

static void
gk_change_dialog_init (GkChangeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->date = gk_today ();
  self->note = g_strdup ("");
  /* The rows edit the properties, and a date set from code shows in its row. */
  g_object_bind_property (self, "date", self->date_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "note", self->note_row, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

GtkWidget *
gk_change_dialog_new (GtkWindow *parent)
{
  return g_object_new (GK_TYPE_CHANGE_DIALOG, "transient-for", parent, NULL);
}

const char *
gk_change_dialog_get_date (GkChangeDialog *self)
{
  g_return_val_if_fail (GK_IS_CHANGE_DIALOG (self), NULL);
  return self->date;
}

void
gk_change_dialog_set_date (GkChangeDialog *self,
                           const char     *date)
{
  g_return_if_fail (GK_IS_CHANGE_DIALOG (self));

  if (date == NULL)
    date = "";
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  /* A change needs a date that reads as one. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", gk_date_parse (date, NULL, NULL));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
gk_change_dialog_get_note (GkChangeDialog *self)
{
  g_return_val_if_fail (GK_IS_CHANGE_DIALOG (self), NULL);
  return self->note;
}

void
gk_change_dialog_set_note (GkChangeDialog *self,
                           const char     *note)
{
  g_return_if_fail (GK_IS_CHANGE_DIALOG (self));

  if (note == NULL)
    note = "";
  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
