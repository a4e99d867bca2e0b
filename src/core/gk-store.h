/* gk-store.h: the ledger: organisation, units, catalog, projects, records, history, search. */
#pragma once

#include <gio/gio.h>

#include "gk-db.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_STORE (gk_store_get_type ())
G_DECLARE_FINAL_TYPE (GkStore, gk_store, GK, STORE, GObject)

typedef struct _GkCalendar GkCalendar;

typedef struct
{
  gint64 id;
  char *name;
  gboolean retired;
} GkUnit;

void gk_unit_free (GkUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkUnit, gk_unit_free)

/* Deadline rules beyond gk_deadline_rule_parse(): a request's statutory
 * reply period, and no deadline at all (review and litigation cases). */
#define GK_ITEM_RULE_REQUEST "request"
#define GK_ITEM_RULE_NONE    "none"

/* A catalog item as the ledger keeps it (公开目录 row). */
typedef struct
{
  gint64 id;
  char *key;
  char *domain;
  char *level1;
  char *level2;
  char *contents;
  char *basis;
  char *time_limit;
  char *deadline_rule;
  char *units;
  char *channels;        /* JSON array of channel names */
  char *audience;
  char *mode;
  char *level;
  char *supervision;
  char *fields;          /* JSON field schema */
  char *project_kind;    /* procurement, tender, housing or NULL */
  int stage;
  gboolean retired;
} GkItem;

void    gk_item_free (GkItem *item);
GkItem *gk_item_copy (const GkItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkItem, gk_item_free)

typedef struct
{
  gint64 id;
  char *uuid;
  char *kind;
  char *name;
  char *code;
  char *investment_code;
  gint64 unit_id;
} GkProject;

void gk_project_free (GkProject *project);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkProject, gk_project_free)

typedef enum
{
  GK_STAGE_PRESENT,
  GK_STAGE_LATE,        /* present, but published late or still overdue */
  GK_STAGE_MISSING,     /* absent although a later stage exists */
  GK_STAGE_DUE,         /* the next stage, not yet overdue */
  GK_STAGE_OVERDUE,     /* the next stage, and the chain has stalled past its deadline */
  GK_STAGE_FUTURE,
} GkStageState;

typedef struct
{
  GkItem *item;
  GkRecord *record;     /* the latest record of that stage, or NULL */
  GkStageState state;
} GkStage;

void gk_stage_free (GkStage *stage);

typedef struct
{
  gint64 id;
  char *record_uuid;
  char *at;
  char *user;
  char *action;
  char *field;
  char *old_value;
  char *new_value;
} GkHistoryEntry;

void gk_history_entry_free (GkHistoryEntry *entry);

typedef enum
{
  GK_SORT_DATE,       /* formation or change date, newest first */
  GK_SORT_DUE,        /* due date, soonest first */
  GK_SORT_TITLE,
} GkSort;

/* What the record list shows: every filter is optional. */
typedef struct
{
  char *domain;
  char *item_key;
  gint64 unit_id;
  char *status;
  char *mode;
  char *from;           /* formation date range, inclusive */
  char *to;
  gboolean overdue;     /* only records past due and not published */
  char *due_from;       /* only unpublished records due in this range, inclusive */
  char *due_to;
  char *text;           /* full-text query */
  GkSort sort;
  char *today;          /* "today" for the overdue filter; NULL = the real today */
} GkQuery;

GkQuery *gk_query_new  (void);
void     gk_query_free (GkQuery *query);
GkQuery *gk_query_copy (const GkQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkQuery, gk_query_free)

GkStore    *gk_store_open                (const char   *path,
                                          GError      **error);
GkDb       *gk_store_get_db              (GkStore      *self);
const char *gk_store_get_path            (GkStore      *self);
GkCalendar *gk_store_get_calendar        (GkStore      *self);
char       *gk_store_get_attachments_dir (GkStore      *self);
/* A large ledger opens before its integrity check: run it, off the main thread. */
gboolean    gk_store_is_verified         (GkStore      *self);
void        gk_store_verify_async        (GkStore             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    gk_store_verify_finish       (GkStore      *self,
                                          GAsyncResult *result,
                                          GError      **error);
/* The user name written into the history; defaults to the OS user. */
void        gk_store_set_user            (GkStore      *self,
                                          const char   *user);

/* Organisation and units */
gboolean    gk_store_get_organisation    (GkStore      *self,
                                          char        **name,
                                          char        **code,
                                          GError      **error);
gboolean    gk_store_set_organisation    (GkStore      *self,
                                          const char   *name,
                                          const char   *code,
                                          GError      **error);
GPtrArray  *gk_store_list_units          (GkStore      *self,
                                          gboolean      include_retired,
                                          GError      **error);
gint64      gk_store_add_unit            (GkStore      *self,
                                          const char   *name,
                                          GError      **error);
gboolean    gk_store_update_unit         (GkStore      *self,
                                          gint64        unit_id,
                                          const char   *name,
                                          gboolean      retired,
                                          GError      **error);
gint64      gk_store_find_unit           (GkStore      *self,
                                          const char   *name);

/* Catalog */
GPtrArray  *gk_store_list_items          (GkStore      *self,
                                          const char   *domain,
                                          gboolean      include_retired,
                                          GError      **error);
GkItem     *gk_store_get_item            (GkStore      *self,
                                          const char   *key,
                                          GError      **error);
GkItem     *gk_store_get_item_by_id      (GkStore      *self,
                                          gint64        item_id,
                                          GError      **error);
gboolean    gk_store_save_item           (GkStore      *self,
                                          GkItem       *item,
                                          GError      **error);
GPtrArray  *gk_store_list_domains        (GkStore      *self,
                                          GError      **error);

/* Projects */
GkProject  *gk_store_create_project      (GkStore      *self,
                                          const char   *kind,
                                          const char   *name,
                                          const char   *code,
                                          const char   *investment_code,
                                          gint64        unit_id,
                                          GError      **error);
GkProject  *gk_store_get_project         (GkStore      *self,
                                          gint64        project_id,
                                          GError      **error);
GPtrArray  *gk_store_list_projects       (GkStore      *self,
                                          const char   *kind,
                                          GError      **error);
GPtrArray  *gk_store_project_stages      (GkStore      *self,
                                          gint64        project_id,
                                          const char   *today,
                                          GError      **error);

/* Records */
GkRecord   *gk_store_create_record       (GkStore      *self,
                                          const char   *item_key,
                                          const char   *title,
                                          GError      **error);
GkRecord   *gk_store_get_record          (GkStore      *self,
                                          const char   *uuid,
                                          GError      **error);
GkRecord   *gk_store_get_record_by_id    (GkStore      *self,
                                          gint64        id,
                                          GError      **error);
/* Writes what differs from the stored record, with a history entry per field. */
gboolean    gk_store_save_record         (GkStore      *self,
                                          GkRecord     *record,
                                          GError      **error);
/* Inserts a complete record as is (importers, the sample ledger). */
gboolean    gk_store_insert_record       (GkStore      *self,
                                          GkRecord     *record,
                                          gboolean      with_history,
                                          GError      **error);
gboolean    gk_store_delete_record       (GkStore      *self,
                                          const char   *uuid,
                                          GError      **error);
gboolean    gk_store_set_status          (GkStore      *self,
                                          GkRecord     *record,
                                          const char   *status,
                                          const char   *date,
                                          GError      **error);
gboolean    gk_store_record_change       (GkStore      *self,
                                          GkRecord     *record,
                                          const char   *changed_on,
                                          const char   *note,
                                          GError      **error);
GPtrArray  *gk_store_get_history         (GkStore      *self,
                                          const char   *uuid,
                                          GError      **error);
/* The validation issues of a record against its item's field schema. */
GPtrArray  *gk_store_validate_record     (GkStore      *self,
                                          GkRecord     *record,
                                          GError      **error);

/* Search and counts */
gboolean    gk_store_count               (GkStore      *self,
                                          const GkQuery *query,
                                          guint        *count,
                                          GError      **error);
GPtrArray  *gk_store_query               (GkStore      *self,
                                          const GkQuery *query,
                                          guint         offset,
                                          guint         limit,
                                          GError      **error);
gboolean    gk_store_count_domain        (GkStore      *self,
                                          const char   *domain,
                                          const char   *today,
                                          guint        *total,
                                          guint        *overdue,
                                          GError      **error);

/* Calendar years the clerks entered, overriding the shipped ones. */
gboolean    gk_store_save_calendar_year  (GkStore      *self,
                                          int           year,
                                          const char   *data,
                                          GError      **error);
/* Imports every year of @data (the shipped calendar format). */
gboolean    gk_store_import_calendar     (GkStore      *self,
                                          const char   *data,
                                          GArray      **years,
                                          GError      **error);
/* Recomputes every due date, after the calendar or a deadline rule changed. */
gboolean    gk_store_recompute_due_dates (GkStore      *self,
                                          GError      **error);

/* Draws the next 索引号 of @year; the caller holds a write transaction. */
char       *gk_store_next_index_no       (GkStore      *self,
                                          int           year,
                                          GError      **error);

char       *gk_today                     (void);

G_END_DECLS
