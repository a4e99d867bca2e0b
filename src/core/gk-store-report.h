/* gk-store-report.h: private to the core: the annual report's reads of the ledger, grouped or row by row. */
#pragma once

#include <json-glib/json-glib.h>

#include "gk-report-count.h"
#include "gk-store.h"

G_BEGIN_DECLS

/* Applications of one applicant type and outcome, counted for one year by
 * the rules of gk-report-count.h. */
typedef struct
{
  char   *applicant;
  char   *outcome;
  gint64  received;      /* received in the year */
  gint64  carried_in;    /* received before, not replied before 1 January */
  gint64  replied;       /* replied in the year */
  gint64  carried_over;  /* received by 31 December, not replied by then */
} GkStoreRequestGroup;

void       gk_store_request_group_free  (GkStoreRequestGroup *group);

/* Cases received in the year, of one kind and result ("pending" when not
 * decided by 31 December). */
typedef struct
{
  char   *kind;
  char   *result;
  gint64  count;
} GkStoreCaseGroup;

void       gk_store_case_group_free     (GkStoreCaseGroup *group);

void       gk_report_resource_row_free  (GkReportResourceRow *row);
void       gk_report_channel_row_free   (GkReportChannelRow  *row);
void       gk_report_month_row_free     (GkReportMonthRow    *row);

/* The ledger's domains in sidebar order, as pairs: key, name, key, name … */
GPtrArray *gk_store_report_domains      (GkStore      *self,
                                         GError      **error);
GPtrArray *gk_store_report_requests     (GkStore      *self,
                                         int           year,
                                         gint64        unit_id,
                                         GError      **error);
GPtrArray *gk_store_report_cases        (GkStore      *self,
                                         int           year,
                                         gint64        unit_id,
                                         GError      **error);
GPtrArray *gk_store_report_resources    (GkStore      *self,
                                         int           year,
                                         gint64        unit_id,
                                         const char   *as_of,
                                         GError      **error);
GPtrArray *gk_store_report_channels     (GkStore      *self,
                                         int           year,
                                         gint64        unit_id,
                                         GError      **error);
GPtrArray *gk_store_report_months       (GkStore      *self,
                                         int           year,
                                         gint64        unit_id,
                                         GError      **error);

/* One record as the workbook's lists show it; the strings are valid for
 * the call only. */
typedef struct
{
  gint64      item_id;
  const char *item_name;
  const char *domain;
  const char *domain_name;
  const char *title;
  const char *unit_name;
  const char *index_no;
  const char *doc_no;
  const char *formed_on;
  const char *due_on;
  const char *published_on;
  const char *status;
  const char *mode;
  const char *exemption;
  gint64      late_workdays;  /* overdue list only */
  JsonNode  **values;         /* ledger sheets only: the value of each key asked for, or NULL */
  guint       n_values;
} GkReportRecordRow;

/* Returns FALSE with @error set to stop. */
typedef gboolean (*GkReportRowFunc) (const GkReportRecordRow *row,
                                     gpointer                 user_data,
                                     GError                 **error);

/* Records due in the year, outside the request domain, published late or
 * unpublished and past due on @as_of; by unit, domain, due date. */
gboolean   gk_store_report_foreach_overdue (GkStore         *self,
                                            int              year,
                                            gint64           unit_id,
                                            const char      *as_of,
                                            GkReportRowFunc  func,
                                            gpointer         user_data,
                                            GError         **error);
/* Which of @keys (a set of field ids) hold a value in some record of
 * @item_id in @domain that the year touched (see below): a new set. The
 * records are read only until every key is found. */
GHashTable *gk_store_report_used_keys      (GkStore         *self,
                                            int              year,
                                            const char      *domain,
                                            gint64           item_id,
                                            gint64           unit_id,
                                            GHashTable      *keys,
                                            GError         **error);
/* Every record of @domain formed, due or published in the year, by item,
 * formation date and id: one row at a time, so that a large ledger is
 * never held in memory. Each row's values have a slot for each field id of
 * the NULL-terminated @keys, in that order; @item_keys (item id → GArray
 * of guint, the slots of the keys its schema has) says which are read for
 * an item's records, the others staying NULL: an item fills a few of the
 * domain's keys, and each key read costs a JSON lookup per record. An item
 * not in @item_keys reads none. @table_columns (NULL, or one entry per
 * key) names for a key that holds a table the one column wanted of it: its
 * rows then come with that member only. */
gboolean   gk_store_report_foreach_record  (GkStore            *self,
                                            int                 year,
                                            const char         *domain,
                                            gint64              unit_id,
                                            const char * const *keys,
                                            const char * const *table_columns,
                                            GHashTable         *item_keys,
                                            GkReportRowFunc     func,
                                            gpointer            user_data,
                                            GError            **error);

G_END_DECLS
