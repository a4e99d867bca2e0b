/* gk-sidebar.h: the window's first pane: the sections (domains and views) with their counts, and the main menu. */
#pragma once

#include <gtk/gtk.h>

#include "gk-sidebar-row.h"

G_BEGIN_DECLS

#define GK_TYPE_SIDEBAR (gk_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GkSidebar, gk_sidebar, GK, SIDEBAR, GtkWidget)

/* Properties: "section" (the key of the section chosen), "folded" (the
 * window shows one pane at a time: the header bar then has the window's
 * buttons). Signal: "section-activated" when the clerk chooses a section
 * (a click or Enter), as against moving the selection with the arrows. */
GtkWidget    *gk_sidebar_new               (void);
const char   *gk_sidebar_get_section       (GkSidebar  *self);
/* FALSE, with nothing changed, when there is no section @key. */
gboolean      gk_sidebar_set_section       (GkSidebar  *self,
                                            const char *key);
/* The row of section @key, or NULL. */
GkSidebarRow *gk_sidebar_get_row           (GkSidebar  *self,
                                            const char *key);
GtkListBox   *gk_sidebar_get_list_box      (GkSidebar  *self);

/* What a section shows: records of a domain, requests (records too), or a view. */
typedef enum
{
  GK_SECTION_NONE,          /* no such section */
  GK_SECTION_DOMAIN,
  GK_SECTION_REQUESTS,
  GK_SECTION_CATALOG,
  GK_SECTION_SUPERVISION,
} GkSectionKind;

/* The sections' keys, in order (owned by the sidebar's table). */
const char * const *gk_sidebar_list_sections (void);
GkSectionKind gk_sidebar_section_kind      (const char *key);
/* The records domain a section shows, or NULL (catalog, supervision). */
const char   *gk_sidebar_section_domain    (const char *key);
/* The section of a records domain, or NULL. */
const char   *gk_sidebar_domain_section    (const char *domain);

void        gk_sidebar_set_subtitle (GkSidebar  *self,
                                     const char *subtitle);

G_END_DECLS
