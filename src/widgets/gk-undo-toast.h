/* gk-undo-toast.h: the toast that says a change took effect and offers to take it back. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @title with an Undo button in the toast overlay above @widget and
 * keeps the toast at *@toast until it goes. A toast still up at *@toast is
 * retitled instead: a change right after another is said by the same
 * toast, whose Undo then takes back the latest. (A new toast would replace
 * the old one, and libadwaita 1.2 frees a toast twice when it goes while
 * still sliding in.) Undo calls @undo with @widget, once *@toast is clear.
 * The owner of *@toast calls gk_undo_toast_forget() in its dispose. */
void gk_undo_toast_offer  (GtkWidget   *widget,
                           AdwToast   **toast,
                           const char  *title,
                           GCallback    undo);
/* Dismisses the toast at *@toast, if any, and clears it. */
void gk_undo_toast_forget (AdwToast   **toast);

G_END_DECLS
