/* gk-record-list-pane.h: the window's middle pane: the records of a section (or the catalog's items), search and the unit filter. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_RECORD_LIST_PANE (gk_record_list_pane_get_type ())
G_DECLARE_FINAL_TYPE (GkRecordListPane, gk_record_list_pane, GK, RECORD_LIST_PANE, GtkWidget)

/* Properties: "model" (a GtkSelectionModel of GkRecord), "title" and
 * "subtitle" (its header), "page" (records, empty, no-results, catalog),
 * "search-text" (read-only), "search-mode", "search-all" (search every
 * section rather than this one), "shows-report", "shows-units",
 * "units" (the unit filter's GListModel of GkUnitItem), "selected-unit"
 * (its position), "today" and "due-soon-by" (how rows mark deadlines),
 * "folded" (the window shows one pane at a time).
 * Signal: "record-activated" (GkRecord) when the clerk opens a record: a
 * double click or Enter, or, folded, a tap. */
GtkWidget   *gk_record_list_pane_new              (void);
const char  *gk_record_list_pane_get_title        (GkRecordListPane *self);
const char  *gk_record_list_pane_get_page         (GkRecordListPane *self);
const char  *gk_record_list_pane_get_search_text  (GkRecordListPane *self);
gboolean     gk_record_list_pane_get_search_mode  (GkRecordListPane *self);
/* Opening the search puts the keyboard in it; closing it empties it. */
void         gk_record_list_pane_set_search_mode  (GkRecordListPane *self,
                                                   gboolean          search_mode);
gboolean     gk_record_list_pane_get_search_all   (GkRecordListPane *self);
void         gk_record_list_pane_set_search_all   (GkRecordListPane *self,
                                                   gboolean          search_all);
guint        gk_record_list_pane_get_selected_unit (GkRecordListPane *self);
/* What the empty list says. */
void         gk_record_list_pane_set_empty        (GkRecordListPane *self,
                                                   const char       *icon_name,
                                                   const char       *title,
                                                   const char       *description);
/* The catalog's items, listed by the window's catalog part. */
GtkListBox  *gk_record_list_pane_get_catalog_list (GkRecordListPane *self);
GtkListView *gk_record_list_pane_get_list_view    (GkRecordListPane *self);

G_END_DECLS
