/* gk-backup-dialog.c: "Restore from Backup": the ledger's copies with their dates and records, one to restore. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-backup.h"
#include "gk-backup-dialog.h"

struct _GkBackupDialog
{
  AdwMessageDialog parent_instance;

  GtkListBox *list;

  char *ledger_path;
  GPtrArray *backups;        /* GkBackup, in the list's order */
};

G_DEFINE_FINAL_TYPE (GkBackupDialog, gk_backup_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_LEDGER_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
describe_reason (const char *reason)
{
  if (g_strcmp0 (reason, "daily") == 0)
    return _("Daily");
  if (g_strcmp0 (reason, "manual") == 0)
    return _("Made by hand");
  if (g_strcmp0 (reason, "before-update") == 0)
    return _("Before an update");
  if (g_strcmp0 (reason, "before-restore") == 0)
    return _("The ledger before a restore");
  return reason;
}

static GtkWidget *
create_row (GkBackup *backup)
{
  g_autofree char *date = g_date_time_format (backup->created, "%Y-%m-%d %H:%M");
  g_autofree char *records = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (backup->n_records >= 0)
    records = g_strdup_printf (ngettext ("%d record", "%d records", backup->n_records),
                               (int) backup->n_records);
  else
    records = g_strdup (_("Cannot be read"));
  /* Translators: the number of records, then why the copy was made */
  subtitle = g_strdup_printf (_("%s · %s"), records, describe_reason (backup->reason));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A copy that cannot be read cannot be restored. */
  gtk_widget_set_sensitive (row, backup->n_records >= 0);
  return row;
}

static void
on_list_row_selected_cb (GkBackupDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "restore",
                                           gk_backup_dialog_get_backup_path (self) != NULL);
}

static void
load_backups (GkBackupDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  self->backups = gk_backup_list (self->ledger_path, &error);
  if (self->backups == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      self->backups = g_ptr_array_new ();
      return;
    }

  for (guint i = 0; i < self->backups->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (self->backups, i)));
  on_list_row_selected_cb (self);
}

static void
gk_backup_dialog_constructed (GObject *object)
{
  GkBackupDialog *self = GK_BACKUP_DIALOG (object);

  G_OBJECT_CLASS (gk_backup_dialog_parent_class)->constructed (object);

  if (self->ledger_path != NULL)
    load_backups (self);
}

static void
gk_backup_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkBackupDialog *self = GK_BACKUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LEDGER_PATH:
      g_value_set_string (value, self->ledger_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_backup_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkBackupDialog *self = GK_BACKUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LEDGER_PATH:
      g_free (self->ledger_path);
      self->ledger_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_backup_dialog_dispose (GObject *object)
{
  GkBackupDialog *self = GK_BACKUP_DIALOG (object);

  /* The rows go with the dialog's own parts: no selection to follow then. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  self->list = NULL;

  G_OBJECT_CLASS (gk_backup_dialog_parent_class)->dispose (object);
}

static void
gk_backup_dialog_finalize (GObject *object)
{
  GkBackupDialog *self = GK_BACKUP_DIALOG (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_free (self->ledger_path);

  G_OBJECT_CLASS (gk_backup_dialog_parent_class)->finalize (object);
}

static void
gk_backup_dialog_class_init (GkBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_backup_dialog_constructed;
  object_class->get_property = gk_backup_dialog_get_property;
  object_class->set_property = gk_backup_dialog_set_property;
  object_class->dispose = gk_backup_dialog_dispose;
  object_class->finalize = gk_backup_dialog_finalize;

  properties[PROP_LEDGER_PATH] =
    g_param_spec_string ("ledger-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-backup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkBackupDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
}

static void
gk_backup_dialog_init (GkBackupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkBackupDialog *
gk_backup_dialog_new (GtkWindow  *parent,
                      const char *ledger_path)
{
  g_return_val_if_fail (ledger_path != NULL, NULL);

  return g_object_new (GK_TYPE_BACKUP_DIALOG,
                       "transient-for", parent,
                       "ledger-path", ledger_path,
                       NULL);
}

const char *
gk_backup_dialog_get_ledger_path (GkBackupDialog *self)
{
  g_return_val_if_fail (GK_IS_BACKUP_DIALOG (self), NULL);
  return self->ledger_path;
}

const char *
gk_backup_dialog_get_backup_path (GkBackupDialog *self)
{
  GtkListBoxRow *row;
  int index;

  g_return_val_if_fail (GK_IS_BACKUP_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    return NULL;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= self->backups->len)
    return NULL;
  return ((GkBackup *) g_ptr_array_index (self->backups, index))->path;
}

void
gk_backup_dialog_select (GkBackupDialog *self,
                         guint           index)
{
  g_return_if_fail (GK_IS_BACKUP_DIALOG (self));

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

guint
gk_backup_dialog_get_n_backups (GkBackupDialog *self)
{
  g_return_val_if_fail (GK_IS_BACKUP_DIALOG (self), 0);
  return self->backups->len;
}
