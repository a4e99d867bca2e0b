/* gk-compat.c: what the pinned GTK 4.8 lacks, supplied in one place. */
#include "config.h"

#include "gk-compat.h"

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drop-down's popup lists a selection over the filter model it made for
 * its search; that model's string filter is the one its entry feeds. It
 * makes a new one whenever its model or expression changes. */
static void
set_substring_mode (GtkDropDown *drop_down)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (drop_down));
  GtkSelectionModel *selection = list != NULL ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  GListModel *filtered;
  GtkFilter *filter;

  if (!GTK_IS_SINGLE_SELECTION (selection))
    return;
  filtered = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  if (!GTK_IS_FILTER_LIST_MODEL (filtered))
    return;
  filter = gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (filtered));
  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter), GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

void
gk_drop_down_search_anywhere (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect (drop_down, "notify::model", G_CALLBACK (set_substring_mode), NULL);
  g_signal_connect (drop_down, "notify::expression", G_CALLBACK (set_substring_mode), NULL);
  g_signal_connect (drop_down, "notify::enable-search", G_CALLBACK (set_substring_mode), NULL);
  set_substring_mode (drop_down);
}
