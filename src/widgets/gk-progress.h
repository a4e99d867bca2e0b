/* gk-progress.h: a worker thread's progress shown on a GtkProgressBar, in the main loop. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gk_progress_bar_post (GtkProgressBar *bar,
                           double          fraction,
                           const char     *text);

G_END_DECLS
