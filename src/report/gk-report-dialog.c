/* gk-report-dialog.c: Export Annual Report: year, unit and privacy, the checks, then the workbook written off the main thread. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-plan.h"
#include "gk-progress.h"
#include "gk-report-count.h"
#include "gk-report-dialog.h"
#include "gk-report-xlsx.h"

struct _GkReportDialog
{
  AdwWindow parent_instance;

  /* Template children */
  GtkSpinButton *year_spin;
  AdwComboRow *unit_row;
  GtkStringList *unit_names;
  GtkSwitch *public_switch;
  GtkListBox *checks_list;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;

  GkStore *store;
  GArray *unit_ids;              /* gint64 per unit_row position; 0 = every unit */
  GFile *file;                   /* set by the caller: no file chooser */
  GtkFileChooserNative *chooser;
  GCancellable *cancellable;     /* the running export, or NULL */
  GCancellable *count_cancellable; /* the running count of the checks, or NULL */
};

G_DEFINE_FINAL_TYPE (GkReportDialog, gk_report_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker needs: it opens the ledger again, and never touches the
 * window's connection or widgets. */
typedef struct
{
  char *db_path;
  char **hidden;        /* records deleted pending an undo: left out too */
  char *path;
  GkReportOptions options;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_strfreev (job->hidden);
  g_free (job->path);
  g_free (job);
}

static gint64
selected_unit (GkReportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->unit_row);

  if (self->unit_ids == NULL || position == GTK_INVALID_LIST_POSITION || position >= self->unit_ids->len)
    return 0;
  return g_array_index (self->unit_ids, gint64, position);
}

static void
show_status (GkReportDialog *self,
             const char     *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static GtkWidget *
check_row_new (const GkReportCheck *check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  /* The checks are the workbook's own Chinese texts, shown as they will be printed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->name);
  if (check->detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), check->detail);
  icon = gtk_image_new_from_icon_name (check->passed ? "emblem-ok-symbolic"
                                       : check->warning ? "dialog-information-symbolic"
                                       : "dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check->passed ? _("Passed") : check->warning ? _("Note") : _("Failed"), -1);
  if (!check->passed && !check->warning)
    gtk_widget_add_css_class (icon, "error");
  else if (check->passed)
    gtk_widget_add_css_class (icon, "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static GtkWidget *
count_failed_row_new (const GError *error)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The checks could not be counted"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Failed"), -1);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

typedef struct
{
  char *db_path;
  char **hidden;
  int year;
  gint64 unit_id;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->db_path);
  g_strfreev (job->hidden);
  g_free (job);
}

/* Counting a large ledger takes a second or two: it runs on a connection
 * of its own, off the main thread, as the export does. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(GkStore) store = NULL;
  GkReportCounts *counts = NULL;
  GError *error = NULL;

  store = gk_store_open_read_only (job->db_path, (const char * const *) job->hidden, &error);
  if (store != NULL)
    counts = gk_report_count (store, job->year, job->unit_id, NULL, cancellable, &error);
  if (counts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) gk_report_counts_free);
}

static void
on_count_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GkReportCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  GkReportDialog *self;

  counts = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer count replaced this one, or the dialog is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = GK_REPORT_DIALOG (source);
  g_clear_object (&self->count_cancellable);
  /* The status line below belongs to the export, which may have said
   * something since this count started: the count speaks in its list. */
  if (counts == NULL)
    {
      gtk_list_box_append (self->checks_list, count_failed_row_new (error));
      return;
    }
  for (guint i = 0; i < counts->checks->len; i++)
    gtk_list_box_append (self->checks_list, check_row_new (g_ptr_array_index (counts->checks, i)));
}

/* The checks of the year and unit chosen, shown before anything is written. */
static void
update_checks (GkReportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job;
  GtkWidget *child;

  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))) != NULL)
    gtk_list_box_remove (self->checks_list, child);
  if (self->store == NULL)
    return;

  job = g_new0 (CountJob, 1);
  job->db_path = g_strdup (gk_store_get_path (self->store));
  job->hidden = gk_store_dup_hidden_records (self->store);
  job->year = gk_report_dialog_get_year (self);
  job->unit_id = selected_unit (self);
  self->count_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->count_cancellable, on_count_done_cb, NULL);
  g_task_set_source_tag (task, update_checks);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread);
}

static void
on_options_changed_cb (GkReportDialog *self)
{
  if (self->cancellable == NULL)
    update_checks (self);
}

static void
fill_units (GkReportDialog *self)
{
  g_autoptr(GPtrArray) units = NULL;
  gint64 all = 0;

  g_clear_pointer (&self->unit_ids, g_array_unref);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_splice (self->unit_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)), NULL);

  gtk_string_list_append (self->unit_names, _("All Units"));
  g_array_append_val (self->unit_ids, all);
  units = gk_store_list_units (self->store, FALSE, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      GkUnit *unit = g_ptr_array_index (units, i);

      gtk_string_list_append (self->unit_names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
  adw_combo_row_set_selected (self->unit_row, 0);
}

static void
set_busy (GkReportDialog *self,
          gboolean        busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->public_switch), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

/* Called in the worker. */
static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  gk_progress_bar_post (GK_REPORT_DIALOG (user_data)->progress_bar, fraction, NULL);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of its own: the window goes on reading and writing on its own. */
  store = gk_store_open_read_only (job->db_path, (const char * const *) job->hidden, &error);
  if (store == NULL ||
      !gk_report_export (store, &job->options, job->path, cancellable, on_export_progress, source_object, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GkReportDialog *self = GK_REPORT_DIALOG (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("The export was cancelled; no file was written"));
      else
        show_status (self, error->message);
      return;
    }

  /* The whole organisation's workbook is the year's report: 督查 follows
   * it until it is marked submitted. */
  if (selected_unit (self) == 0 &&
      !gk_store_record_report_export (self->store, gk_report_dialog_get_year (self), NULL, &error))
    g_warning ("Could not record the export of the %d report: %s", gk_report_dialog_get_year (self), error->message);

  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (GkReportDialog *self,
              GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (gk_store_get_path (self->store));
  job->hidden = gk_store_dup_hidden_records (self->store);
  job->path = g_file_get_path (file);
  job->options.year = gk_report_dialog_get_year (self);
  job->options.unit_id = selected_unit (self);
  job->options.public_ = gtk_switch_get_active (self->public_switch);
  if (job->path == NULL)
    {
      job_free (job);
      show_status (self, _("The workbook can only be saved to a local file"));
      return;
    }

  show_status (self, NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_export_done_cb, g_object_ref (file));
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_chooser_response_cb (GkReportDialog       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    start_export (self, file);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkReportDialog *self = GK_REPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->cancellable != NULL)
    return;
  if (self->file != NULL)
    {
      start_export (self, self->file);
      return;
    }

  /* The portal's chooser: the Flatpak sees only the file the clerk picks. */
  self->chooser = gtk_file_chooser_native_new (_("Save Annual Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the file name of the annual report workbook; %d is the year */
  name = g_strdup_printf (_("Annual Report %d.xlsx"), gk_report_dialog_get_year (self));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkReportDialog *self = GK_REPORT_DIALOG (widget);

  /* Cancel stops a running export (which then removes its file) or closes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gk_report_dialog_close_request (GtkWindow *window)
{
  GkReportDialog *self = GK_REPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (gk_report_dialog_parent_class)->close_request (window);
}

static void
gk_report_dialog_dispose (GObject *object)
{
  GkReportDialog *self = GK_REPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (gk_report_dialog_parent_class)->dispose (object);
}

static void
gk_report_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkReportDialog *self = GK_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_report_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkReportDialog *self = GK_REPORT_DIALOG (object);

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
gk_report_dialog_constructed (GObject *object)
{
  GkReportDialog *self = GK_REPORT_DIALOG (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  G_OBJECT_CLASS (gk_report_dialog_parent_class)->constructed (object);

  fill_units (self);
  /* Reports are written in January for the year before. */
  gk_report_dialog_set_year (self, MAX (GK_REPORT_FIRST_YEAR, g_date_time_get_year (now) - 1));
  update_checks (self);
}

static void
gk_report_dialog_class_init (GkReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gk_report_dialog_constructed;
  object_class->dispose = gk_report_dialog_dispose;
  object_class->get_property = gk_report_dialog_get_property;
  object_class->set_property = gk_report_dialog_set_property;
  window_class->close_request = gk_report_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The workbook was written to the GFile given. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/report/gk-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, unit_names);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, public_switch);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, checks_list);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "report.cancel", NULL);
}

static void
gk_report_dialog_init (GkReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkReportDialog *
gk_report_dialog_new (GtkWindow *parent,
                      GkStore   *store)
{
  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  return g_object_new (GK_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

int
gk_report_dialog_get_year (GkReportDialog *self)
{
  g_return_val_if_fail (GK_IS_REPORT_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->year_spin);
}

void
gk_report_dialog_set_year (GkReportDialog *self,
                           int             year)
{
  g_return_if_fail (GK_IS_REPORT_DIALOG (self));

  gtk_spin_button_set_value (self->year_spin, year);
}

void
gk_report_dialog_set_file (GkReportDialog *self,
                           GFile          *file)
{
  g_return_if_fail (GK_IS_REPORT_DIALOG (self));

  g_set_object (&self->file, file);
}
