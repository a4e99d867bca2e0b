/* gk-test-ui.c: helpers the widget tests share: starting up, running the main loop, finding widgets in a tree. */
#include "config.h"

#include "gk-test-ui.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "gk-core.h"

/* Long enough for a cold start on a loaded machine; reaching it is a failure. */
#define WAIT_LIMIT_SECONDS 30

void
gk_test_ui_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_wait_limit_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
gk_test_ui_run_until (GkTestPredicate predicate,
                      gpointer        data)
{
  gboolean expired = FALSE;
  guint limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, on_wait_limit_cb, &expired);

  /* Block in the main loop: every change the predicate can see arrives
   * through it, and the limit's timeout wakes it up at the latest. */
  while (!predicate (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (limit);
  return predicate (data);
}

gboolean
gk_test_ui_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

GtkWidget *
gk_test_find_widget (GtkWidget         *root,
                     GkTestWidgetMatch  match,
                     gpointer           data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gk_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget         *widget,
                 GkTestWidgetMatch  match,
                 gpointer           data,
                 GPtrArray         *found)
{
  if (match (widget, data))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, match, data, found);
}

GPtrArray *
gk_test_collect_widgets (GtkWidget         *root,
                         GkTestWidgetMatch  match,
                         gpointer           data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, match, data, found);
  return found;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
gk_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  return gk_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

GtkWidget *
gk_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return gk_test_find_widget (root, is_button_labelled, (gpointer) label);
}

static gboolean
is_group_titled (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

GtkWidget *
gk_test_find_group (GtkWidget  *root,
                    const char *title)
{
  return gk_test_find_widget (root, is_group_titled, (gpointer) title);
}

typedef struct
{
  const char *name;
  const char *value;
} PropertyMatch;

static gboolean
has_property (GtkWidget *widget,
              gpointer   data)
{
  PropertyMatch *match = data;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), match->name);
  g_autofree char *value = NULL;

  if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
    return FALSE;
  g_object_get (widget, match->name, &value, NULL);
  return value != NULL && g_strcmp0 (value, match->value) == 0;
}

GtkWidget *
gk_test_find_with_property (GtkWidget  *root,
                            const char *name,
                            const char *value)
{
  PropertyMatch match = { name, value };

  return gk_test_find_widget (root, has_property, &match);
}

char *
gk_test_ui_init (int         *argc,
                 char      ***argv,
                 const char  *name)
{
  g_autofree char *template = g_strdup_printf ("gongkai-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir;

  /* What gtk_test_init() does, but asking whether a display can be opened
   * first: without one the test is skipped (77), not crashed. */
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "en_US.UTF-8");
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display to open\n");
      exit (77);
    }
  adw_init ();
  gk_core_init ();
  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  return dir;
}

GkApplication *
gk_test_ui_new_application (void)
{
  GkApplication *app = gk_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

typedef struct
{
  gint64 start;
  gint64 duration;
  gboolean done;
} ClockWait;

static gboolean
clock_wait_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  ClockWait *wait = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (wait->start == 0)
    wait->start = now;
  wait->done = now - wait->start >= wait->duration;
  return wait->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static gboolean
clock_wait_done (gpointer data)
{
  return ((ClockWait *) data)->done;
}

void
gk_test_ui_wait_animations (GtkWidget *widget,
                            gint64     usec)
{
  ClockWait wait = { 0, usec, FALSE };

  /* Our own tick keeps the clock running after the animation stops. */
  gtk_widget_add_tick_callback (widget, clock_wait_tick_cb, &wait, NULL);
  gk_test_ui_wait_until (clock_wait_done, &wait);
}
