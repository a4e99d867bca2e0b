/* gk-sidebar-row.h: one section of the window's sidebar (a domain or a view). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_SIDEBAR_ROW (gk_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (GkSidebarRow, gk_sidebar_row, GK, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget  *gk_sidebar_row_new          (const char *key,
                                         const char *title,
                                         const char *icon_name);
const char *gk_sidebar_row_get_key      (GkSidebarRow *self);
const char *gk_sidebar_row_get_title    (GkSidebarRow *self);
void        gk_sidebar_row_set_count    (GkSidebarRow *self,
                                         guint         count);
guint       gk_sidebar_row_get_count    (GkSidebarRow *self);
void        gk_sidebar_row_set_overdue  (GkSidebarRow *self,
                                         guint         overdue);
guint       gk_sidebar_row_get_overdue  (GkSidebarRow *self);

G_END_DECLS
