/* gk-tab-out.h: Tab leaves a list in one step instead of walking its rows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes Tab and Shift+Tab move the focus from inside @list to the widget
 * after (before) it, as one stop in the window's focus chain; the arrows
 * still move between the rows. GTK 4.8's list box and list view give each
 * row its own Tab stop. */
void gk_tab_out_install (GtkWidget *list);

G_END_DECLS
