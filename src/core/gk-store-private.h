/* gk-store-private.h: state and helpers shared by the store's source files. */
#pragma once

#include "gk-catalog.h"
#include "gk-db.h"
#include "gk-store.h"

G_BEGIN_DECLS

struct _GkStore
{
  GObject parent_instance;

  GkDb *db;
  GkCalendar *calendar;
  char *user;
  GHashTable *item_cache;   /* item id → GkItem, until an item is saved */
  guint n_item_requests;    /* gk_store_get_item*() calls, for tests */
  guint n_schema_parses;    /* field schemas read from the ledger, for tests */
  struct _GkSearchCache *search_cache;  /* the ids of recent searches */
  GHashTable *hidden;       /* UUIDs of records deleted pending an undo */
  gboolean read_only;       /* a worker's connection: it never writes */
  gboolean index_pending;   /* opened before its search index was rebuilt */
  gint64 report_scope;      /* the organisation reports count: 0 every one,
                             * -1 the home one, else organisations.id */
  GHashTable *deferred_index;  /* ids (gint64) whose full-text rows wait for
                                * gk_store_flush_indexing(), or NULL */
  guint index_now_max;      /* a flush of more records leaves them pending */
};

typedef struct _GkSearchCache GkSearchCache;
void      gk_search_cache_free          (GkSearchCache *cache);

char     *gk_store_now                  (void);
/* The store's connection, for the core's own writers (the demo ledger). */
GkDb     *gk_store_get_db               (GkStore      *self);
void      gk_store_emit_records_changed (GkStore      *self);
/* The hidden records as a JSON array of UUIDs, or NULL when none is hidden. */
char     *gk_store_dup_hidden_json      (GkStore      *self);
void      gk_store_emit_catalog_changed (GkStore      *self);
void      gk_store_emit_settings_changed (GkStore     *self,
                                         const char   *key);

/* gk-store-catalog.c */
gboolean  gk_store_seed_defaults        (GkStore      *self,
                                         GError      **error);
/* gk-store-upgrade.c: adds the shipped domains and items the ledger lacks
 * and brings its catalog to the shipped version; once per ledger. */
gboolean  gk_store_upgrade_catalog      (GkStore      *self,
                                         GError      **error);
/* The cached item (not a reference), for the store's own use: unlike
 * gk_store_get_item_by_id() it is not counted as a request. */
GkItem   *gk_store_lookup_item          (GkStore      *self,
                                         gint64        item_id);
/* Its field schema; NULL if it does not parse. */
GkSchema *gk_store_lookup_schema        (GkStore      *self,
                                         gint64        item_id);
void      gk_store_forget_items         (GkStore      *self);
/* The ledger unit a new record of @item gets: the first of the item's
 * units that the ledger has (some name a role such as 采购人); 0 if none
 * (@error unset) or when the ledger cannot be read (@error set). */
gint64    gk_store_find_item_unit       (GkStore      *self,
                                         GkItem       *item,
                                         GError      **error);
gboolean  gk_store_write_item           (GkStore      *self,
                                         GkItem       *item,
                                         int           position,
                                         GError      **error);
/* How often items were asked for through the public API, and how often a
 * field schema was parsed, since the store opened: tests check that
 * showing a record costs one of each. */
guint     gk_store_get_n_item_requests  (GkStore      *self);
guint     gk_store_get_n_schema_parses  (GkStore      *self);

/* gk-store-deadlines.c */
gboolean  gk_store_load_calendar        (GkStore      *self,
                                         GError      **error);
void      gk_store_compute_due          (GkStore      *self,
                                         GkRecord     *record);
gboolean  gk_store_record_has_change    (GkStore      *self,
                                         GkRecord     *record);
void      gk_store_check_deadline       (GkStore      *self,
                                         GkRecord     *record,
                                         GPtrArray    *errors);

/* gk-store-supervision.c */
gboolean  gk_store_register_sql_functions (GkStore    *self,
                                         GError     **error);

/* gk-store-records.c */
gboolean  gk_store_add_history          (GkStore      *self,
                                         const char   *uuid,
                                         const char   *action,
                                         const char   *field,
                                         const char   *old_value,
                                         const char   *new_value,
                                         GError      **error);
/* Draws the next 索引号 of @year; the caller holds a write transaction. */
char     *gk_store_next_index_no        (GkStore      *self,
                                         int           year,
                                         GError      **error);
GkRecord *gk_store_record_from_row      (GkDbStatement *stmt);
/* gk-store-attachments.c: a row of "SELECT id, record_id, name, size,
 * sha256, added_at FROM attachments …". */
GkAttachment *gk_store_attachment_from_statement (GkDbStatement *stmt);

/* gk-store-index.c */
/* (Re)writes the record's rows in the search indexes. */
gboolean  gk_store_index_record         (GkStore      *self,
                                         GkRecord     *record,
                                         GError      **error);
/* What the search indexes read of a record, for a writer that holds it in
 * another form than a GkRecord (an exchange file's parsed members). */
typedef struct
{
  gint64 id;
  gint64 item_id;
  gint64 project_id;
  const char *title;
  const char *body;
  const char *index_no;
  const char *doc_no;
  JsonObject *values;
  gboolean is_new;              /* a row just inserted: nothing to take out first */
} GkIndexedRecord;
gboolean  gk_store_index_values         (GkStore                *self,
                                         const GkIndexedRecord  *record,
                                         GError                **error);
/* Takes the record out of the indexes, before it is deleted. */
gboolean  gk_store_unindex_record       (GkStore      *self,
                                         gint64        id,
                                         GError      **error);
/* An import of many records, in its transaction: gk_store_index_record()
 * keeps the text in records_search and leaves the full-text indexes to
 * gk_store_flush_indexing(), one pass before the commit. Written between
 * two records, FTS5 flushes its pending rows at the statement journal of
 * every later write that fires a trigger, one small segment per record.
 * gk_store_cancel_indexing() forgets them after a rollback. */
void      gk_store_defer_indexing       (GkStore      *self);
gboolean  gk_store_flush_indexing       (GkStore      *self,
                                         GError      **error);
void      gk_store_cancel_indexing      (GkStore      *self);
/* Above this many records, gk_store_flush_indexing() does not index them
 * but lists them in search_pending (013-search-pending.sql) for
 * gk_store_index_pending() after the commit. */
#define GK_STORE_INDEX_NOW_MAX 1000
gboolean  gk_store_count_search_pending (GkStore      *self,
                                         guint        *n_pending,
                                         GError      **error);
/* Indexes the pending records, @batch per transaction. */
gboolean  gk_store_index_pending        (GkStore            *self,
                                         guint               batch,
                                         GkIndexProgressFunc progress,
                                         gpointer            progress_data,
                                         GCancellable       *cancellable,
                                         GError            **error);

/* Indexes every record again when the ledger's index predates what the
 * index holds now (the identifiers); once per ledger. */
gboolean  gk_store_update_search_index  (GkStore      *self,
                                         GError      **error);
gboolean  gk_store_search_index_is_current (GkStore   *self,
                                         gboolean     *current,
                                         GError      **error);
/* Indexes every record again, a batch per transaction. */
gboolean  gk_store_rebuild_search_index (GkStore            *self,
                                         GkIndexProgressFunc progress,
                                         gpointer            progress_data,
                                         GCancellable       *cancellable,
                                         GError            **error);

/* The shipped catalog (legal grounds, request outcomes), read once. */
GkCatalog *gk_store_default_catalog     (void);
char      *gk_store_dup_ground_texts    (const char   *keys);

/* The columns gk_store_record_from_row() reads, in order. */
#define GK_RECORD_COLUMNS \
  "r.id, r.uuid, r.item_id, i.key, i.level2, r.domain, r.project_id, r.title, r.body, " \
  "r.fields, r.unit_id, u.name, r.index_no, r.doc_no, r.formed_on, r.due_on, " \
  "r.due_missing_year, r.published_on, r.status, r.mode, r.exemption, " \
  "r.exemption_reason, r.created_at, r.updated_at, " \
  "(SELECT c.prev_published_on FROM record_changes c WHERE c.record_id = r.id AND c.published_on IS NULL)"
/* How many they are: a read that selects more after them starts there. */
#define GK_RECORD_N_COLUMNS 25
/* Whether the record r is public: published, or published before and
 * with a 变更 being prepared (what was published stays public). */
#define GK_RECORD_IS_PUBLIC_SQL \
  "(r.status = 'published' OR (r.status IN ('draft', 'pending') AND " \
  "EXISTS (SELECT 1 FROM record_changes c WHERE c.record_id = r.id AND c.published_on IS NULL)))"

#define GK_RECORD_FROM \
  "records r JOIN catalog_items i ON i.id = r.item_id LEFT JOIN units u ON u.id = r.unit_id"

G_END_DECLS
