/* gk-window-catalog.c: the window's catalog (公开目录) section: the list of items and the item editor. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-item-row.h"
#include "gk-window-private.h"

static const char *
get_catalog_row_key (GtkListBoxRow *row)
{
  return row != NULL ? gk_catalog_item_row_get_item_key (GK_CATALOG_ITEM_ROW (row)) : NULL;
}

void
gk_window_catalog_fill (GkWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;
  guint n_rows = 0;
  gboolean same_items = TRUE;
  const char *shown;

  if (self->store == NULL)
    return;

  items = gk_store_list_items (self->store, NULL, TRUE, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the catalog: %s", error->message);
      return;
    }

  /* An edit in the catalog editor changes one row's texts: update the rows
   * in place, so that the selection and the focus stay where they are. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (gk_record_list_pane_get_catalog_list (self->list_pane)));
       child != NULL && same_items;
       child = gtk_widget_get_next_sibling (child), n_rows++)
    same_items = n_rows < items->len &&
                 g_strcmp0 (get_catalog_row_key (GTK_LIST_BOX_ROW (child)),
                            gk_item_get_key (g_ptr_array_index (items, n_rows))) == 0;
  same_items = same_items && n_rows == items->len;

  if (same_items)
    {
      guint i = 0;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (gk_record_list_pane_get_catalog_list (self->list_pane)));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gk_catalog_item_row_set_item (GK_CATALOG_ITEM_ROW (child), g_ptr_array_index (items, i++));
    }
  else
    {
      /* The list box keeps one row per item: a catalog has dozens, not thousands. */
      shown = self->catalog_editor != NULL ? gk_catalog_editor_get_item_key (self->catalog_editor) : NULL;
      self->filling_catalog = TRUE;
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (gk_record_list_pane_get_catalog_list (self->list_pane)))) != NULL)
        gtk_list_box_remove (gk_record_list_pane_get_catalog_list (self->list_pane), child);
      for (guint i = 0; i < items->len; i++)
        {
          GkItem *item = g_ptr_array_index (items, i);
          GtkWidget *row = gk_catalog_item_row_new (item);

          gtk_list_box_append (gk_record_list_pane_get_catalog_list (self->list_pane), row);
          if (g_strcmp0 (gk_item_get_key (item), shown) == 0)
            gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (self->list_pane), GTK_LIST_BOX_ROW (row));
        }
      self->filling_catalog = FALSE;
    }

  gk_sidebar_row_set_count (gk_sidebar_get_row (self->sidebar, "catalog"), items->len);
}

void
gk_window_show_catalog_item (GkWindow   *self,
                             const char *key)
{
  if (key != NULL && self->catalog_editor == NULL && self->store != NULL)
    {
      self->catalog_editor = GK_CATALOG_EDITOR (gk_catalog_editor_new (self->store));
      adw_bin_set_child (self->catalog_page, GTK_WIDGET (self->catalog_editor));
    }

  /* The editor saves what the clerk typed in the item it showed before. */
  if (self->catalog_editor != NULL)
    gk_catalog_editor_set_item_key (self->catalog_editor, key);

  if (key == NULL && gtk_list_box_get_selected_row (gk_record_list_pane_get_catalog_list (self->list_pane)) != NULL)
    {
      self->filling_catalog = TRUE;
      gtk_list_box_unselect_all (gk_record_list_pane_get_catalog_list (self->list_pane));
      self->filling_catalog = FALSE;
    }

  gk_window_update_panes (self);
  gk_window_actions_update (self);
}

static void
on_catalog_list_row_selected_cb (GkWindow      *self,
                                 GtkListBoxRow *row)
{
  g_autofree char *key = NULL;

  if (self->filling_catalog || row == NULL)
    return;

  /* Saving the item shown before updates the rows, this one's item too. */
  key = g_strdup (get_catalog_row_key (row));
  gk_window_show_catalog_item (self, key);
}

static void
on_catalog_list_row_activated_cb (GkWindow      *self,
                                  GtkListBoxRow *row)
{
  if (gtk_list_box_get_selected_row (gk_record_list_pane_get_catalog_list (self->list_pane)) != row)
    gtk_list_box_select_row (gk_record_list_pane_get_catalog_list (self->list_pane), row);
  /* On a folded window, choosing an item moves on to its editor. */
  gk_window_reveal_content (self);
}

void
gk_window_catalog_init (GkWindow *self)
{
  g_signal_connect_object (gk_record_list_pane_get_catalog_list (self->list_pane), "row-selected",
                           G_CALLBACK (on_catalog_list_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gk_record_list_pane_get_catalog_list (self->list_pane), "row-activated",
                           G_CALLBACK (on_catalog_list_row_activated_cb), self, G_CONNECT_SWAPPED);
}
