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

/* Items in the order of their domains, each domain's in catalog order. */
static GPtrArray *
group_by_domain (GkWindow  *self,
                 GPtrArray *items)
{
  g_autoptr(GPtrArray) domains = gk_store_list_domains (self->store, NULL);
  GPtrArray *grouped = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gboolean *taken = g_new0 (gboolean, items->len + 1);

  for (guint d = 0; domains != NULL && d < domains->len; d++)
    for (guint i = 0; i < items->len; i++)
      if (!taken[i] && g_strcmp0 (gk_item_get_domain (g_ptr_array_index (items, i)), g_ptr_array_index (domains, d)) == 0)
        {
          taken[i] = TRUE;
          g_ptr_array_add (grouped, g_object_ref (g_ptr_array_index (items, i)));
        }
  for (guint i = 0; i < items->len; i++)
    if (!taken[i])
      g_ptr_array_add (grouped, g_object_ref (g_ptr_array_index (items, i)));
  return grouped;
}

/* A heading over the first item of each domain: 27 items read as 8 groups. */
static void
catalog_header_cb (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (user_data);
  const char *domain = gk_item_get_domain (gk_catalog_item_row_get_item (GK_CATALOG_ITEM_ROW (row)));
  g_autofree char *name = NULL;
  GtkWidget *header;

  if (before != NULL &&
      g_strcmp0 (domain, gk_item_get_domain (gk_catalog_item_row_get_item (GK_CATALOG_ITEM_ROW (before)))) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  name = self->store != NULL ? gk_store_dup_domain_name (self->store, domain, NULL) : NULL;
  header = gtk_label_new (name != NULL ? name : domain);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : domain, -1);
  gtk_list_box_row_set_header (row, header);
}

void
gk_window_catalog_fill (GkWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkListBox *list;
  GtkListBoxRow *row;
  guint n_rows = 0;
  gboolean same_items = TRUE;
  const char *shown;

  if (self->store == NULL)
    return;

  {
    g_autoptr(GPtrArray) listed = gk_store_list_items (self->store, NULL, TRUE, &error);

    if (listed == NULL)
      {
        g_warning ("Could not read the catalog: %s", error->message);
        return;
      }
    items = group_by_domain (self, listed);
  }

  /* An edit in the catalog editor changes one row's texts: update the rows
   * in place, so that the selection and the focus stay where they are.
   * Rows are walked by index: the domain headings are children too. */
  list = gk_record_list_pane_get_catalog_list (self->list_pane);
  for (row = gtk_list_box_get_row_at_index (list, 0); row != NULL && same_items;
       row = gtk_list_box_get_row_at_index (list, (int) ++n_rows))
    same_items = n_rows < items->len &&
                 g_strcmp0 (get_catalog_row_key (row), gk_item_get_key (g_ptr_array_index (items, n_rows))) == 0;
  same_items = same_items && n_rows == items->len;

  if (same_items)
    {
      for (guint i = 0; i < items->len; i++)
        gk_catalog_item_row_set_item (GK_CATALOG_ITEM_ROW (gtk_list_box_get_row_at_index (list, (int) i)),
                                      g_ptr_array_index (items, i));
    }
  else
    {
      /* The list box keeps one row per item: a catalog has dozens, not thousands. */
      shown = self->catalog_editor != NULL ? gk_catalog_editor_get_item_key (self->catalog_editor) : NULL;
      self->filling_catalog = TRUE;
      while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
        gtk_list_box_remove (list, GTK_WIDGET (row));
      for (guint i = 0; i < items->len; i++)
        {
          GkItem *item = g_ptr_array_index (items, i);
          GtkWidget *item_row = gk_catalog_item_row_new (item);

          gtk_list_box_append (list, item_row);
          if (g_strcmp0 (gk_item_get_key (item), shown) == 0)
            gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (item_row));
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
  /* The list box lives no longer than the window. */
  gtk_list_box_set_header_func (gk_record_list_pane_get_catalog_list (self->list_pane), catalog_header_cb, self, NULL);
}
