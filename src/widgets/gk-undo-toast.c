/* gk-undo-toast.c: the toast that says a change took effect and offers to take it back. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-undo-toast.h"

/* The toast went, or its Undo was pressed (it goes after its button): it can
 * no longer be told about the next change. */
static void
on_toast_gone_cb (AdwToast  *toast,
                  AdwToast **location)
{
  if (*location != toast)
    return;
  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) location);
  *location = NULL;
}

void
gk_undo_toast_offer (GtkWidget   *widget,
                     AdwToast   **toast,
                     const char  *title,
                     GCallback    undo)
{
  GtkWidget *overlay;
  AdwToast *shown;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (toast != NULL);

  if (*toast != NULL)
    {
      adw_toast_set_title (*toast, title);
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  shown = adw_toast_new (title);
  adw_toast_set_button_label (shown, _("_Undo"));
  adw_toast_set_priority (shown, ADW_TOAST_PRIORITY_HIGH);
  /* Forgotten before @undo runs: the undo may itself offer a toast. */
  g_signal_connect (shown, "button-clicked", G_CALLBACK (on_toast_gone_cb), toast);
  g_signal_connect (shown, "dismissed", G_CALLBACK (on_toast_gone_cb), toast);
  g_signal_connect_object (shown, "button-clicked", undo, widget, G_CONNECT_SWAPPED);
  *toast = shown;
  g_object_add_weak_pointer (G_OBJECT (shown), (gpointer *) toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), shown);
}

void
gk_undo_toast_forget (AdwToast **toast)
{
  AdwToast *shown;

  g_return_if_fail (toast != NULL);

  if ((shown = *toast) == NULL)
    return;
  /* Its owner may be going: nothing of the toast points back at it any more. */
  g_signal_handlers_disconnect_by_data (shown, toast);
  g_object_remove_weak_pointer (G_OBJECT (shown), (gpointer *) toast);
  *toast = NULL;
  adw_toast_dismiss (shown);
}
