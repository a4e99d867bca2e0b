/* gk-window-private.h: state shared by the window's source files. */
#pragma once

#include "gk-catalog-editor.h"
#include "gk-record-editor.h"
#include "gk-record-list.h"
#include "gk-record-list-pane.h"
#include "gk-sidebar.h"
#include "gk-store.h"
#include "gk-supervision-view.h"
#include "gk-unit-model.h"
#include "gk-setup-page.h"
#include "gk-window.h"

G_BEGIN_DECLS

struct _GkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GkSidebar *sidebar;
  GkRecordListPane *list_pane;
  GtkWidget *content_pane;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  AdwBin *record_page;
  GkRecordEditor *record_editor;   /* made when the first record is shown */
  GtkWidget *status_menu_button;
  GtkWidget *publish_button;
  GtkWidget *delete_button;
  GkSupervisionView *supervision_view;

  AdwStatusPage *error_page;
  GkSetupPage *setup_page;
  GtkRevealer *sample_banner;
  gboolean is_sample;              /* the store is the sample ledger, not the clerk's */
  gboolean needs_setup;            /* no organisation code yet: no 索引号 can be issued */
  AdwBin *catalog_page;
  GkCatalogEditor *catalog_editor; /* made when the first catalog item is shown */
  gboolean filling_catalog;        /* catalog_list is being refilled: not a choice */

  GSettings *settings;
  guint due_soon_workdays;     /* the "due-soon-workdays" setting */
  GCancellable *verify_cancellable;
  GCancellable *index_cancellable;
  guint index_done;              /* records indexed so far, while the search index is rebuilt */
  guint index_total;
  guint attach_records_id;         /* idle that gives the list its model */
  guint follow_list_id;            /* idle that moves the open record to the list's copy */
  GkStore *store;
  GkRecordList *records;
  GtkSingleSelection *selection;
  GkRecord *record;          /* the record shown in the content pane */
  GBinding *title_binding;   /* the content title follows the record being edited */
  GBinding *subtitle_binding;
  char *section;
  GkSectionKind section_kind;
  char *today;
  char *due_soon_by;         /* the last day an unpublished record is "due soon" */
  GkUnitModel *units;        /* the unit_dropdown's model; 0 = all units */
  guint total_records;
  guint overdue_records;
};

void gk_window_refresh_counts (GkWindow *self);
/* Shows the panes as the section, the record and the item shown have them. */
void gk_window_update_panes   (GkWindow *self);
/* Queries the list again for the section and its filters, and updates the panes. */
void gk_window_update_list    (GkWindow *self);
/* Shows @record and, on a folded window, moves on to it: what the clerk
 * choosing a record expects. */
void gk_window_open_record    (GkWindow *self,
                               GkRecord *record);
/* On a folded window, moves on to the content pane. */
void gk_window_reveal_content (GkWindow *self);
void gk_window_show_record    (GkWindow *self,
                               GkRecord *record);
void gk_window_actions_init   (GkWindow *self);
void gk_window_actions_update (GkWindow *self);
/* Reads whether the ledger still needs its first-run setup, and which ledger it is. */
void gk_window_update_ledger  (GkWindow *self);

/* gk-window-supervision.c */
void     gk_window_supervision_init         (GkWindow *self);
/* TRUE when the last day of "due soon" moved. */
gboolean gk_window_supervision_update_today (GkWindow *self);
void     gk_window_supervision_fill_units   (GkWindow *self);
/* The unit the supervision list is narrowed to, or 0 for all. */
gint64   gk_window_supervision_get_unit     (GkWindow *self);
/* Supervision without a record: the report in the content pane. */
void     gk_window_show_report              (GkWindow *self);
void     gk_window_supervision_count        (GkWindow *self,
                                             guint    *overdue,
                                             guint    *urgent);

/* gk-window-catalog.c */
void gk_window_catalog_init      (GkWindow   *self);
/* Lists the catalog's items again, keeping the one shown selected. */
void gk_window_catalog_fill      (GkWindow   *self);
/* Shows catalog item @key in the content pane (NULL: none), after saving
 * what was typed in the item shown before. */
void gk_window_show_catalog_item (GkWindow   *self,
                                  const char *key);

G_END_DECLS
