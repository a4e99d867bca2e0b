/* gk-compat.h: what the pinned GTK 4.8 lacks, supplied in one place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the search of @drop_down (enable-search, with an expression) find
 * its words anywhere in an item's name, now and after any later change of
 * its model or expression; call it once. GTK 4.8 matches only from the start ("区园"
 * finds 区园林局, "园林" does not); GTK 4.12 has search-match-mode. */
void gk_drop_down_search_anywhere (GtkDropDown *drop_down);

G_END_DECLS
