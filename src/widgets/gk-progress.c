/* gk-progress.c: a worker thread's progress shown on a GtkProgressBar, in the main loop. */
#include "config.h"

#include "gk-progress.h"

typedef struct
{
  GtkProgressBar *bar;
  double fraction;
  char *text;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;

  /* A bar hidden meanwhile belongs to a job that has ended. */
  if (gtk_widget_get_visible (GTK_WIDGET (progress->bar)))
    {
      if (progress->fraction < 0)
        gtk_progress_bar_pulse (progress->bar);
      else
        gtk_progress_bar_set_fraction (progress->bar, progress->fraction);
      if (progress->text != NULL)
        gtk_progress_bar_set_text (progress->bar, progress->text);
    }
  g_object_unref (progress->bar);
  g_free (progress->text);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/**
 * gk_progress_bar_post:
 * @bar: the bar, shown while the job runs
 * @fraction: done so far, from 0 to 1; negative to pulse (the total is not known)
 * @text: (nullable): what the bar says, or %NULL to leave it
 *
 * Called from a worker thread: the bar is updated in the main loop.
 */
void
gk_progress_bar_post (GtkProgressBar *bar,
                      double          fraction,
                      const char     *text)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->bar = g_object_ref (bar);
  progress->fraction = fraction;
  progress->text = g_strdup (text);
  g_main_context_invoke (NULL, show_progress_cb, progress);
}
