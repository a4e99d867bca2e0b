/* gk-window-private.h: state shared by the window's source files. */
#pragma once

#include "gk-window.h"

G_BEGIN_DECLS

struct _GkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_pane;
  GtkListBox *sidebar_list;
  GtkWidget *list_pane;
  AdwWindowTitle *list_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *record_list;
  AdwStatusPage *list_empty_page;
  GtkWidget *content_pane;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkBox *record_box;

  GSettings *settings;
  char *section;
  guint total_records;
};

void gk_window_actions_init   (GkWindow *self);
void gk_window_actions_update (GkWindow *self);

G_END_DECLS
