/* gk-application.c: application-wide actions, accelerators and the main window. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-application.h"
#include "gk-core.h"
#include "gk-preferences-window.h"
#include "gk-window.h"

struct _GkApplication
{
  AdwApplication parent_instance;

  char *db_path;
  GkStore *store;
  GError *store_error;
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
        self->store = gk_store_open (self->db_path, &self->store_error);
      window = GTK_WINDOW (gk_window_new (self, self->store, self->store_error));
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
  { "win.search", { "<Control>f", NULL } },
  { "win.go-back", { "<Alt>Left", NULL } },
};

static void
gk_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (gk_application_parent_class)->startup (app);

  gk_core_init ();
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
  static const char *developers[] = { "The Gongkai developers", NULL };

  debug_info = g_strdup_printf ("Gongkai %s\n"
                                "GLib %u.%u.%u\n"
                                "GTK %u.%u.%u\n"
                                "libadwaita %u.%u.%u\n"
                                "SQLite %s\n"
                                "libxlsxwriter %s\n"
                                "Database: %s\n",
                                PACKAGE_VERSION,
                                glib_major_version, glib_minor_version, glib_micro_version,
                                gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                                gk_core_sqlite_version (),
                                xlsxwriter,
                                self->db_path);

  adw_show_about_window (window,
                         "application-name", _("Gongkai"),
                         "application-icon", APP_ID,
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

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (gk_preferences_window_new (window, self->store)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
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

GkStore *
gk_application_get_store (GkApplication *self)
{
  g_return_val_if_fail (GK_IS_APPLICATION (self), NULL);

  return self->store;
}

const char *
gk_application_get_db_path (GkApplication *self)
{
  g_return_val_if_fail (GK_IS_APPLICATION (self), NULL);

  return self->db_path;
}
