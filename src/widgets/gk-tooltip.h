/* gk-tooltip.h: tooltips in a label wide enough for Chinese text, which GTK 4.8's own tooltip label wraps after a few characters. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @text in @tooltip as one line up to about 36 characters, wrapped beyond. */
void gk_tooltip_set_wide_text (GtkTooltip *tooltip,
                               const char *text);
/* Shows @widget's tooltip text through gk_tooltip_set_wide_text(). */
void gk_tooltip_attach        (GtkWidget  *widget);

/* From now on, every widget with a tooltip text shows it through
 * gk_tooltip_set_wide_text() once realized (handlers of its own first). */
void gk_tooltip_attach_everywhere (void);

G_END_DECLS
