/* gk-bundle-dialog.c: Publish Bundle…: what the bundle will hold and hold back, then writing it in a worker. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-bundle-dialog.h"
#include "gk-bundle.h"
#include "gk-progress.h"

/* A ledger of 100 000 records can hold back thousands: the first are
 * listed, the rest counted. */
#define MAX_HELD_ROWS 200

struct _GkBundleDialog
{
  AdwWindow parent_instance;

  GkStore *store;
  GFile *folder;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  gboolean busy;
  gboolean planned;

  AdwActionRow *folder_row;
  GtkLabel *summary_label;
  GtkListBox *held_list;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;
  GtkButton *publish_button;
  GtkButton *open_button;
};

G_DEFINE_FINAL_TYPE (GkBundleDialog, gk_bundle_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a worker needs: nothing it shares with the window. */
typedef struct
{
  char *db_path;
  GStrv hidden;
  char *dir;              /* NULL: only the preview */
  GkBundleDialog *self;  /* for progress, on the main thread only */
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_strfreev (job->hidden);
  g_free (job->dir);
  g_clear_object (&job->self);
  g_free (job);
}

/* Called in the worker. */
static void
on_worker_progress (double   fraction,
                    gpointer user_data)
{
  Job *job = user_data;

  gk_progress_bar_post (job->self->progress_bar, fraction, NULL);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GkStore) store = NULL;
  GkBundleSummary *summary;
  GError *error = NULL;
  GkBundleOptions options = { 0 };

  /* Its own read-only connection: the window stays free while this runs,
   * and what the clerk has just deleted stays out here too. */
  store = gk_store_open_read_only (job->db_path, (const char * const *) job->hidden, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->dir == NULL)
    summary = gk_bundle_plan (store, &options, &error);
  else
    summary = gk_bundle_publish (store, &options, job->dir, on_worker_progress, job, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) gk_bundle_summary_free);
}

static void
set_busy (GkBundleDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button),
                            !busy && self->planned && self->folder != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start_job (GkBundleDialog     *self,
           const char          *dir,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (gk_store_get_path (self->store));
  job->hidden = gk_store_dup_hidden_records (self->store);
  job->dir = g_strdup (dir);
  job->self = g_object_ref (self);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, run_job);
}

static GtkWidget *
held_row (const GkBundleHeld *held)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", gk_bundle_hold_to_label (held->hold),
                                               held->item_name, held->index_no);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), held->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_plan (GkBundleDialog       *self,
           const GkBundleSummary *plan)
{
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_requests = plan->n_held[GK_BUNDLE_HOLD_REQUEST];

  summary = g_strdup_printf (_("%u records on %u pages, with %u attachments, will be published. "
                               "%u records are held back, and %u applications and review cases are never published."),
                             plan->n_records, plan->n_pages, plan->n_attachments, plan->held->len, n_requests);
  gtk_label_set_text (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->held_list))) != NULL)
    gtk_list_box_remove (self->held_list, child);
  for (guint i = 0; i < plan->held->len && i < MAX_HELD_ROWS; i++)
    gtk_list_box_append (self->held_list, held_row (g_ptr_array_index (plan->held, i)));
  if (plan->held->len > MAX_HELD_ROWS)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("And %u more"), plan->held->len - MAX_HELD_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      gtk_list_box_append (self->held_list, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->held_list), plan->held->len > 0);
}

static void
on_plan_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GkBundleDialog *self = GK_BUNDLE_DIALOG (source);
  g_autoptr(GkBundleSummary) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (plan == NULL)
    gtk_label_set_text (self->status_label, error->message);
  else
    {
      self->planned = TRUE;
      show_plan (self, plan);
    }
  set_busy (self, FALSE);
}

static void
on_publish_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GkBundleDialog *self = GK_BUNDLE_DIALOG (source);
  g_autoptr(GkBundleSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  summary = g_task_propagate_pointer (G_TASK (result), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (summary == NULL)
    message = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
              ? g_strdup (_("Cancelled. The folder may hold part of the bundle; publish again to complete it."))
              : g_strdup (error->message);
  else
    message = g_strdup_printf (_("Published %u records: %u files written, %u unchanged, %u removed."),
                               summary->n_records, summary->n_written,
                               summary->n_files - summary->n_written, summary->n_removed);
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), summary != NULL);
  set_busy (self, FALSE);
}

void
gk_bundle_dialog_set_folder (GkBundleDialog *self,
                              GFile           *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (GK_IS_BUNDLE_DIALOG (self));

  g_set_object (&self->folder, folder);
  path = folder != NULL ? g_file_get_path (folder) : NULL;
  adw_action_row_set_subtitle (self->folder_row, path != NULL ? path : _("None chosen"));
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), FALSE);
  set_busy (self, self->busy);
}

gboolean
gk_bundle_dialog_get_busy (GkBundleDialog *self)
{
  g_return_val_if_fail (GK_IS_BUNDLE_DIALOG (self), FALSE);

  return self->busy;
}

static void
on_chooser_response_cb (GkBundleDialog *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gk_bundle_dialog_set_folder (self, folder);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_button_clicked_cb (GkBundleDialog *self)
{
  self->chooser = gtk_file_chooser_native_new (_("Folder of the Bundle"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_publish_button_clicked_cb (GkBundleDialog *self)
{
  g_autofree char *dir = NULL;

  if (self->folder == NULL || self->busy)
    return;
  dir = g_file_get_path (self->folder);
  gtk_label_set_text (self->status_label, "");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), FALSE);
  start_job (self, dir, on_publish_done_cb);
}

/* Cancel stops a publish under way; otherwise it closes the dialog. */
static void
on_cancel_button_clicked_cb (GkBundleDialog *self)
{
  if (self->busy && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_open_button_clicked_cb (GkBundleDialog *self)
{
  g_autoptr(GFile) index = g_file_get_child (self->folder, "index.html");
  g_autofree char *uri = g_file_get_uri (index);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
gk_bundle_dialog_constructed (GObject *object)
{
  GkBundleDialog *self = GK_BUNDLE_DIALOG (object);

  G_OBJECT_CLASS (gk_bundle_dialog_parent_class)->constructed (object);

  start_job (self, NULL, on_plan_done_cb);
}

static void
gk_bundle_dialog_dispose (GObject *object)
{
  GkBundleDialog *self = GK_BUNDLE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->folder);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_BUNDLE_DIALOG);

  G_OBJECT_CLASS (gk_bundle_dialog_parent_class)->dispose (object);
}

static void
gk_bundle_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkBundleDialog *self = GK_BUNDLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_bundle_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GkBundleDialog *self = GK_BUNDLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_bundle_dialog_class_init (GkBundleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_bundle_dialog_constructed;
  object_class->dispose = gk_bundle_dialog_dispose;
  object_class->get_property = gk_bundle_dialog_get_property;
  object_class->set_property = gk_bundle_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-bundle-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, held_list);
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, GkBundleDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_button_clicked_cb);
}

static void
gk_bundle_dialog_init (GkBundleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkBundleDialog *
gk_bundle_dialog_new (GtkWindow *parent,
                       GkStore   *store)
{
  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  return g_object_new (GK_TYPE_BUNDLE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
