/* gk-window-private.h: state shared by the window's source files. */
#pragma once

#include "gk-record-list.h"
#include "gk-store.h"
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

  AdwStatusPage *error_page;
  GtkListBox *catalog_list;
  AdwPreferencesGroup *details_group;

  GSettings *settings;
  GkStore *store;
  GkRecordList *records;
  GtkSingleSelection *selection;
  GkRecord *record;          /* the record shown in the content pane */
  char *section;
  char *today;
  guint total_records;
  guint overdue_records;
};

void gk_window_refresh_counts (GkWindow *self);
/* The records domain a sidebar section shows, or NULL (catalog, supervision). */
const char *gk_window_section_domain (const char *key);
void gk_window_show_record    (GkWindow *self,
                               GkRecord *record);

void gk_window_actions_init   (GkWindow *self);
void gk_window_actions_update (GkWindow *self);

G_END_DECLS
