/* gk-application.c: application-wide actions, accelerators, the main window and the overdue notification. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-a11y-value.h"
#include "gk-application.h"
#include "gk-backup.h"
#include "gk-backup-dialog.h"
#include "gk-core.h"
#include "gk-preferences-window.h"
#include "gk-tooltip.h"
#include "gk-window.h"

struct _GkApplication
{
  AdwApplication parent_instance;

  char *db_path;
  GkStore *store;
  GError *store_error;
  gboolean overdue_notified;   /* once per run: a reminder, not a nag */
};

G_DEFINE_FINAL_TYPE (GkApplication, gk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the ledger database FILE"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static int
gk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  GkApplication *self = GK_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("gongkai %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
    }

  return -1;
}

static void
gk_application_activate (GApplication *app)
{
  GtkWindow *window;

  GkApplication *self = GK_APPLICATION (app);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      /* A ledger that cannot be opened is left alone and explained in the window. */
      if (self->store == NULL && self->store_error == NULL)
        self->store = gk_store_open_deferring_index (self->db_path, &self->store_error);
      window = GTK_WINDOW (gk_window_new (self, self->store, self->store_error));
      if (self->store != NULL && !self->overdue_notified)
        {
          self->overdue_notified = TRUE;
          gk_application_notify_overdue (self, self->store);
        }
    }

  gtk_window_present (window);
}

static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.new-record", { "<Control>n", NULL } },
  { "win.new-record-of-same-item", { "<Shift><Control>n", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.go-back", { "<Alt>Left", NULL } },
};

static void
gk_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (gk_application_parent_class)->startup (app);

  gk_core_init ();
  gk_a11y_name_mnemonic_buttons ();
  gk_tooltip_attach_everywhere ();
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accelerators[i].action,
                                           accelerators[i].accels);
}

static void
gk_application_finalize (GObject *object)
{
  GkApplication *self = GK_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (gk_application_parent_class)->finalize (object);
}

static void
gk_application_class_init (GkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gk_application_finalize;

  app_class->activate = gk_application_activate;
  app_class->startup = gk_application_startup;
  app_class->handle_local_options = gk_application_handle_local_options;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing each window lets it save its state before the application ends. */
  for (GList *l = windows; l != NULL; )
    {
      GList *next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *xlsxwriter = gk_core_xlsxwriter_version ();
  g_autofree char *debug_info = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *schema = NULL;
  static const char *developers[] = { "The Gongkai developers", NULL };

  /* The ledger of the window asking, with its schema version. */
  if (GK_IS_WINDOW (window) && gk_window_get_store (GK_WINDOW (window)) != NULL)
    {
      GkStore *store = gk_window_get_store (GK_WINDOW (window));

      db_path = g_strdup (gk_store_get_path (store));
      schema = g_strdup_printf ("%d", gk_store_get_format_version (store));
    }
  else
    {
      db_path = g_strdup (self->db_path);
      schema = g_strdup ("—");
    }

  debug_info = g_strdup_printf ("Gongkai %s\n"
                                "GLib %u.%u.%u\n"
                                "GTK %u.%u.%u\n"
                                "libadwaita %u.%u.%u\n"
                                "SQLite %s\n"
                                "libxlsxwriter %s\n"
                                "Database: %s\n"
                                "Schema version: %s (this build: %d)\n",
                                PACKAGE_VERSION,
                                glib_major_version, glib_minor_version, glib_micro_version,
                                gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                                gk_core_sqlite_version (),
                                xlsxwriter,
                                db_path != NULL ? db_path : "—",
                                schema, gk_store_format_version ());

  adw_show_about_window (window,
                         "application-name", _("Gongkai"),
                         /* The icon's own name: a development build's APP_ID has none. */
                         "application-icon", "io.github.gongkai.Gongkai",
                         "developer-name", _("The Gongkai developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/gongkai/gongkai",
                         "issue-url", "https://github.com/gongkai/gongkai/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Gongkai developers",
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "debug-info", debug_info,
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* The sample ledger's window has its own preferences: not the clerk's. */
  GkStore *store = GK_IS_WINDOW (window) && gk_window_get_store (GK_WINDOW (window)) != NULL
                   ? gk_window_get_store (GK_WINDOW (window)) : self->store;

  if (store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (gk_preferences_window_new (window, store)));
}

/* The notification's default action: straight to what is overdue. */
static void
show_supervision_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!GK_IS_WINDOW (window))
    return;

  gk_window_set_section (GK_WINDOW (window), "supervision");
  gtk_window_present (window);
}

static void
show_restore_error (GkApplication *self,
                    const GError  *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("The Backup Was Not Restored"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GkApplication *app;
  char *backup_path;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_object_unref (job->app);
  g_free (job->backup_path);
  g_free (job);
}

static gboolean
run_restore_cb (gpointer user_data)
{
  RestoreJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!gk_application_restore_backup (job->app, job->backup_path, &error))
    show_restore_error (job->app, error);
  return G_SOURCE_REMOVE;
}

static void
on_backup_dialog_response_cb (GkBackupDialog *dialog,
                              const char     *response,
                              GkApplication  *self)
{
  RestoreJob *job;

  if (g_strcmp0 (response, "restore") != 0 || gk_backup_dialog_get_backup_path (dialog) == NULL)
    return;

  /* Once the dialog has closed: the restore destroys its parent window. */
  job = g_new0 (RestoreJob, 1);
  job->app = g_object_ref (self);
  job->backup_path = g_strdup (gk_backup_dialog_get_backup_path (dialog));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_restore_cb, job, (GDestroyNotify) restore_job_free);
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GkBackupDialog *dialog = gk_backup_dialog_new (window, self->db_path);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_backup_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "restore-backup", restore_backup_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "show-supervision", show_supervision_activated },
};

static void
gk_application_init (GkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  self->db_path = gk_core_default_db_path ();
}

GkApplication *
gk_application_new (void)
{
  return g_object_new (GK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

void
gk_application_set_db_path (GkApplication *self,
                            const char    *path)
{
  g_return_if_fail (GK_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  if (g_strcmp0 (canonical, self->db_path) == 0)
    return;

  /* The next window opens the new ledger, not the one already open. */
  g_free (self->db_path);
  self->db_path = g_steal_pointer (&canonical);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
}

gboolean
gk_application_restore_backup (GkApplication  *self,
                               const char     *backup_path,
                               GError        **error)
{
  GList *windows;
  gboolean restored;

  g_return_val_if_fail (GK_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* What is being typed goes into the ledger that is set aside; if it
   * cannot be saved, nothing is restored and the clerk still has it. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data) && !gk_window_save_edits (GK_WINDOW (l->data), error))
      {
        g_prefix_error (error, _("The backup was not restored, because an edit could not be saved: "));
        return FALSE;
      }

  /* Every window lets go of the ledger, so that its file can be moved
   * aside; the application stays up meanwhile. */
  g_application_hold (G_APPLICATION (self));
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  restored = gk_backup_restore (self->db_path, backup_path, NULL, error);

  /* The restored ledger, or the one that was there if the restore failed. */
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
  return restored;
}

static gboolean
bus_has_name (GDBusConnection *bus,
              const char      *method,
              const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method,
                                       g_strcmp0 (method, "NameHasOwner") == 0 ? g_variant_new ("(s)", name) : NULL,
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 500, NULL, &error);
  if (reply == NULL)
    {
      g_debug ("Could not ask the session bus for %s: %s", name, error->message);
      return FALSE;
    }

  if (g_strcmp0 (method, "NameHasOwner") == 0)
    {
      g_variant_get (reply, "(b)", &found);
      return found;
    }

  names = g_variant_get_child_value (reply, 0);
  for (gsize i = 0; !found && i < g_variant_n_children (names); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (names, i);
      found = g_strcmp0 (g_variant_get_string (child, NULL), name) == 0;
    }
  return found;
}

/* Whether some notification service can take one. Without it (no session
 * bus, a bare X session, the tests) GIO warns at every attempt, and a
 * warning at start-up would only alarm. */
static gboolean
notifications_available (GkApplication *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  if (bus == NULL)
    return FALSE;
  /* Sandboxed, GIO goes through the portal, which is always there. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  return bus_has_name (bus, "NameHasOwner", "org.gtk.Notifications") ||
         bus_has_name (bus, "NameHasOwner", "org.freedesktop.Notifications") ||
         bus_has_name (bus, "ListActivatableNames", "org.freedesktop.Notifications");
}

/**
 * gk_application_notify_overdue:
 * @store: the ledger to count
 *
 * Sends the desktop notification "overdue" saying how many records are past
 * their deadline, with the supervision section as its default action; sends
 * nothing when none is.
 *
 * Returns: the number of overdue records
 */
guint
gk_application_notify_overdue (GkApplication *self,
                               GkStore       *store)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint overdue = 0;

  g_return_val_if_fail (GK_IS_APPLICATION (self), 0);
  g_return_val_if_fail (GK_IS_STORE (store), 0);

  /* The same count as the sidebar badge and `gongkai-cli check`. */
  query->overdue = TRUE;
  if (!gk_store_count (store, query, &overdue, &error))
    {
      g_warning ("Could not count overdue records: %s", error->message);
      return 0;
    }
  if (overdue == 0)
    return 0;

  if (!notifications_available (self))
    return overdue;

  body = g_strdup_printf (ngettext ("%u record is past its disclosure deadline.",
                                    "%u records are past their disclosure deadline.", overdue),
                          overdue);
  notification = g_notification_new (_("Overdue Disclosures"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.show-supervision");
  g_application_send_notification (G_APPLICATION (self), "overdue", notification);
  return overdue;
}
