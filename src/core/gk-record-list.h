/* gk-record-list.h: a lazy GListModel of the records a query finds. */
#pragma once

#include <gio/gio.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_RECORD_LIST (gk_record_list_get_type ())
G_DECLARE_FINAL_TYPE (GkRecordList, gk_record_list, GK, RECORD_LIST, GObject)

#define GK_RECORD_LIST_PAGE_SIZE 50

GkRecordList  *gk_record_list_new        (GkStore       *store);
void           gk_record_list_set_query  (GkRecordList  *self,
                                          const GkQuery *query);
/* Re-reads the count and drops loaded pages, e.g. after a write. */
void           gk_record_list_refresh    (GkRecordList  *self);
guint          gk_record_list_get_pages_loaded (GkRecordList *self);
/* The list's own record of @uuid if its page is loaded, or NULL: what
 * edits it shows in its row at once. */
GkRecord      *gk_record_list_lookup     (GkRecordList  *self,
                                          const char    *uuid);

G_END_DECLS
