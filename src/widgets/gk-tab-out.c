/* gk-tab-out.c: Tab leaves a list in one step instead of walking its rows. */
#include "config.h"

#include "gk-tab-out.h"

static gboolean
holds_focus (GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list));
}

gboolean
gk_tab_out_focus (GtkWidget        *widget,
                  GtkDirectionType  direction,
                  GtkWidget        *list,
                  GtkWidgetClass   *parent_class)
{
  gboolean moved;

  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) || !holds_focus (list))
    return parent_class->focus (widget, direction);

  /* With the list out of the focus chain for a moment, the focus moves on
   * from it as from any single widget. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = parent_class->focus (widget, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}
