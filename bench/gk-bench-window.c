/* gk-bench-window.c: starts the application on a ledger and times its first painted frame. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gk-application.h"

static gint64 t_launch;      /* µs, wall clock: when the process was started */
static gint64 t_main;        /* µs, wall clock */
static gint64 t_startup;     /* GTK and libadwaita ready: activate opens the ledger next */
static gint64 t_window;      /* the window exists: ledger open, counts and first page read */

/* When the process began: the launcher's $EPOCHREALTIME if it passed one
 * (µs), else the kernel's start time (10 ms ticks). */
static gint64
launch_time (void)
{
  const char *env = g_getenv ("GK_BENCH_LAUNCH_US");
  g_autofree char *stat = NULL;
  struct timespec boot;
  const char *p;
  guint64 ticks;

  if (env != NULL && *env != '\0')
    return g_ascii_strtoll (env, NULL, 10);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return g_get_real_time ();
  /* Field 22, counted after the command name: state is field 3. */
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return g_get_real_time ();
  ticks = g_ascii_strtoull (p + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &boot);
  return g_get_real_time () - ((gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000)
         + (gint64) (ticks * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK));
}

static long
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;
  return strtol (line + strlen (key) + 1, NULL, 10);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GApplication  *app)
{
  gint64 now = g_get_real_time ();

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  printf ("%.1f\t%.1f\t%.1f\t%.1f\t%ld\t%ld\n",
          (now - t_launch) / 1000.0, (now - t_main) / 1000.0,
          (t_startup - t_main) / 1000.0, (t_window - t_startup) / 1000.0,
          status_kb ("VmRSS:"), status_kb ("VmHWM:"));
  fflush (stdout);
  g_application_quit (app);
}

static void
on_window_realize_cb (GtkWidget    *window,
                      GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  t_window = g_get_real_time ();
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize_cb), app);
}

static void
on_startup_cb (GApplication *app)
{
  t_startup = g_get_real_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GkApplication) app = NULL;
  char *app_argv[4];

  t_main = g_get_real_time ();
  t_launch = launch_time ();

  if (argc != 2)
    {
      g_printerr ("usage: gk-bench-window DB\n"
                  "Prints: ms from launch to the first frame, ms from main(), ms of GTK start-up,\n"
                  "ms of opening the ledger and building the window, VmRSS kB, VmHWM kB\n");
      return 2;
    }

  /* What main.c does, then the application's own start-up path. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GONGKAI_LOCALEDIR") != NULL ? g_getenv ("GONGKAI_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gk_application_new ();
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--db";
  app_argv[2] = argv[1];
  app_argv[3] = NULL;
  return g_application_run (G_APPLICATION (app), 3, app_argv);
}
