/* gk-tab-out.h: Tab leaves a list in one step instead of walking its rows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the focus vfunc of a widget that holds @list: Tab and Shift+Tab move
 * the focus from inside @list to what comes after (before) it, as from a
 * single widget, while the arrows still move between the rows. GTK 4.8's
 * list box and list view give each row its own Tab stop. Otherwise it is
 * @parent_class's focus. */
gboolean gk_tab_out_focus (GtkWidget        *widget,
                           GtkDirectionType  direction,
                           GtkWidget        *list,
                           GtkWidgetClass   *parent_class);

G_END_DECLS
