/* gk-exchange-dialog.c: Export Ledger… and Import Ledger…: an exchange file written or merged in a worker, with progress and what came of it. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-exchange-dialog.h"
#include "gk-progress.h"

struct _GkExchangeDialog
{
  AdwMessageDialog parent_instance;

  GkStore *store;
  GFile *file;
  gboolean importing;
  gboolean busy;
  GCancellable *cancellable;
  GkExchangeResult *result;

  GtkProgressBar *progress_bar;
  GtkWidget *conflict_scroller;
  GtkListBox *conflict_list;
};

G_DEFINE_FINAL_TYPE (GkExchangeDialog, gk_exchange_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a worker needs: nothing it shares with the window. */
typedef struct
{
  char *db_path;
  GStrv hidden;
  char *file_path;
  gboolean importing;
  GkExchangeDialog *self;   /* for progress, on the main thread only */
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_strfreev (job->hidden);
  g_free (job->file_path);
  g_clear_object (&job->self);
  g_free (job);
}

/* Called in the worker. An import learns its total at the end: the bar
 * pulses until then. */
static void
on_worker_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Job *job = user_data;
  g_autofree char *text = g_strdup_printf (ngettext ("%u record", "%u records", done), done);

  gk_progress_bar_post (job->self->progress_bar, total > 0 ? (double) done / total : -1, text);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GkStore) store = NULL;
  GError *error = NULL;

  /* Its own connection: the window stays free while this runs. An export
   * only reads, and leaves out what the clerk has just deleted. Records an
   * earlier import left for the search index are the window's worker's. */
  if (job->importing)
    store = gk_store_open_deferring_index (job->db_path, &error);
  else
    store = gk_store_open_read_only (job->db_path, (const char * const *) job->hidden, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->importing)
    {
      GkExchangeResult *result = gk_exchange_import (store, job->file_path, on_worker_progress, job, cancellable, &error);

      if (result == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, result, (GDestroyNotify) gk_exchange_result_free);
    }
  else if (!gk_exchange_export (store, job->file_path, on_worker_progress, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static GtkWidget *
conflict_row (const GkExchangeConflict *conflict)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", conflict->index_no, conflict->reason);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->title != NULL ? conflict->title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_result (GkExchangeDialog *self)
{
  const GkExchangeResult *result = self->result;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("From %s (%s): %u added, %u updated, %u unchanged. "
                            "%u records were changed in both ledgers since the last exchange: "
                            "this ledger kept its own, listed below."),
                          result->organisation_name, result->organisation_code,
                          result->added, result->updated, result->unchanged, result->conflicts->len);
  if (result->conflicts->len == 0)
    {
      g_free (body);
      body = g_strdup_printf (_("From %s (%s): %u added, %u updated, %u unchanged. No conflicts."),
                              result->organisation_name, result->organisation_code,
                              result->added, result->updated, result->unchanged);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < result->conflicts->len; i++)
    gtk_list_box_append (self->conflict_list, conflict_row (g_ptr_array_index (result->conflicts, i)));
  gtk_widget_set_visible (self->conflict_scroller, result->conflicts->len > 0);
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  GkExchangeDialog *self = GK_EXCHANGE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->importing)
    {
      self->result = g_task_propagate_pointer (G_TASK (res), &error);
      ok = self->result != NULL;
    }
  else
    ok = g_task_propagate_boolean (G_TASK (res), &error);

  self->busy = FALSE;
  /* Closed while it ran: there is nothing left to show it in. */
  if (self->store == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));

  if (!ok)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                      self->importing ? _("Could Not Import the Ledger") : _("Could Not Export the Ledger"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
    }
  else if (self->importing)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Ledger Imported"));
      show_result (self);
      /* The worker wrote through its own connection. */
      gk_store_reload (self->store);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *body = g_strdup_printf (_("The ledger’s records were written to “%s”."), name);

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Ledger Exported"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start_job (GkExchangeDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (gk_store_get_path (self->store));
  job->hidden = gk_store_dup_hidden_records (self->store);
  job->file_path = g_file_get_path (self->file);
  job->importing = self->importing;
  job->self = g_object_ref (self);

  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  task = g_task_new (self, self->cancellable, on_job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* Closing while it runs cancels: an import then changes nothing, an
 * export leaves no file. */
static void
gk_exchange_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  GkExchangeDialog *self = GK_EXCHANGE_DIALOG (dialog);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
}

static void
gk_exchange_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GkExchangeDialog *self = GK_EXCHANGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_exchange_dialog_dispose (GObject *object)
{
  GkExchangeDialog *self = GK_EXCHANGE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->result, gk_exchange_result_free);

  G_OBJECT_CLASS (gk_exchange_dialog_parent_class)->dispose (object);
}

static void
gk_exchange_dialog_class_init (GkExchangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->get_property = gk_exchange_dialog_get_property;
  object_class->dispose = gk_exchange_dialog_dispose;
  dialog_class->response = gk_exchange_dialog_response;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-exchange-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkExchangeDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GkExchangeDialog, conflict_scroller);
  gtk_widget_class_bind_template_child (widget_class, GkExchangeDialog, conflict_list);
}

static void
gk_exchange_dialog_init (GkExchangeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkExchangeDialog *
gk_exchange_dialog_new (GtkWindow *parent,
                        GkStore   *store,
                        gboolean   importing,
                        GFile     *file)
{
  GkExchangeDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GK_TYPE_EXCHANGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->importing = importing;

  name = g_file_get_basename (file);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), importing ? _("Importing Ledger") : _("Exporting Ledger"));
  body = g_strdup_printf (importing ? _("Merging “%s” into the ledger, record by record.")
                                    : _("Writing the ledger’s records to “%s”."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  start_job (self);
  return self;
}

gboolean
gk_exchange_dialog_get_busy (GkExchangeDialog *self)
{
  g_return_val_if_fail (GK_IS_EXCHANGE_DIALOG (self), FALSE);
  return self->busy;
}

const GkExchangeResult *
gk_exchange_dialog_get_result (GkExchangeDialog *self)
{
  g_return_val_if_fail (GK_IS_EXCHANGE_DIALOG (self), NULL);
  return self->result;
}

GtkListBox *
gk_exchange_dialog_get_conflict_list (GkExchangeDialog *self)
{
  g_return_val_if_fail (GK_IS_EXCHANGE_DIALOG (self), NULL);
  return self->conflict_list;
}
