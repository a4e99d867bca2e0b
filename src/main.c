/* main.c: starts the Gongkai window application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GkApplication) app = NULL;

  const char *localedir;

  setlocale (LC_ALL, "");
  /* An uninstalled build (./dev run, the tests) points at its own catalogs. */
  localedir = g_getenv ("GONGKAI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
