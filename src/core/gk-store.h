/* gk-store.h: the ledger: organisation, units, catalog, projects, records, history, search. */
#pragma once

#include <gio/gio.h>

#include "gk-date.h"
#include "gk-error.h"
#include "gk-item.h"
#include "gk-record.h"
#include "gk-request-deadline.h"

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

void       gk_project_free (GkProject       *project);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkProject, gk_project_free)

/* "Government Procurement Project", translated; what a project's code is
 * called ("Procurement Project Number"). */
const char *gk_project_kind_to_label   (const char *kind);
const char *gk_project_kind_code_label (const char *kind);

typedef enum
{
  GK_STAGE_PRESENT,
  GK_STAGE_LATE,        /* present, but published late or still overdue */
  GK_STAGE_MISSING,     /* absent although a later stage exists, and required */
  GK_STAGE_DUE,         /* the next required stage, not yet overdue */
  GK_STAGE_OVERDUE,     /* the next required stage, and the chain has stalled past its deadline */
  GK_STAGE_FUTURE,
  GK_STAGE_OPTIONAL,    /* absent although a later stage exists, and a project may go without it */
} GkStageState;

typedef struct
{
  GkItem *item;         /* a reference */
  GkRecord *record;     /* the latest record of that stage, or NULL */
  GkStageState state;
} GkStage;

void     gk_stage_free              (GkStage   *stage);
/* The stage to enter next (not owned): the first missing, due or overdue
 * one; the first stage of a project with no record yet; NULL when the
 * chain is complete as far as it goes. */
GkStage *gk_project_stages_get_next (GPtrArray *stages);

/* A file attached to a record, kept by its content's SHA-256. */
typedef struct
{
  gint64 id;
  gint64 record_id;
  char *name;
  gint64 size;
  char *sha256;
  char *added_at;
} GkAttachment;

void gk_attachment_free (GkAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAttachment, gk_attachment_free)

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
  GK_SORT_ATTENTION,  /* open records by due date (the overdue first), then
                       * the rest newest first */
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
  char *open_due_by;    /* only unpublished records due on or before this date:
                         * the overdue and the due-soon in one list */
  char *text;           /* full-text query, at most GK_SEARCH_MAX_CHARS characters */
  GkSort sort;
  char *today;          /* "today" for the overdue filter; NULL = the real today */
} GkQuery;

/* A longer search text is refused (GK_DB_ERROR_INVALID). */
#define GK_SEARCH_MAX_CHARS 200

GkQuery *gk_query_new  (void);
void     gk_query_free (GkQuery *query);
GkQuery *gk_query_copy (const GkQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkQuery, gk_query_free)

/* Creates the ledger (and its folder) when there is none at @path. */
GkStore    *gk_store_open                (const char   *path,
                                          GError      **error);
/* A worker's own connection beside the window's: it reads only (every
 * write fails), does not migrate or seed, and refuses a ledger in an older
 * format (GK_DB_ERROR_OUTDATED). It leaves out the records in @hidden
 * (gk_store_dup_hidden_records() of the window's store, or NULL), as the
 * window does while their delete can still be undone. */
GkStore    *gk_store_open_read_only      (const char   *path,
                                          const char * const *hidden,
                                          GError      **error);
/* As gk_store_open(), but a search index that predates what this version
 * indexes, or records a large import left for the index, are left for
 * gk_store_rebuild_search_index_async(): the window opens a large older
 * ledger at once. (gk_store_open() and gk_store_open_existing() index
 * them before they return.) */
GkStore    *gk_store_open_deferring_index (const char  *path,
                                          GError      **error);
/* TRUE while the search index of a ledger so opened is not yet rebuilt
 * (searches may miss records), or while records an import left wait for
 * the index (searches read their text, more slowly). gk_store_reload()
 * finds the latter too. */
gboolean    gk_store_get_search_index_pending (GkStore *self);
/* @done of @total records indexed; called in the caller's main context. */
typedef void (*GkIndexProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);
/* Rebuilds an outdated search index, then indexes the records waiting for
 * it, in a worker thread on a connection of its own, a batch of records
 * per transaction, so the window keeps working. */
void        gk_store_rebuild_search_index_async  (GkStore             *self,
                                                  GkIndexProgressFunc  progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    gk_store_rebuild_search_index_finish (GkStore             *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Opens only an existing ledger: for commands that read. */
GkStore    *gk_store_open_existing       (const char   *path,
                                          GError      **error);
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
/* The same check, run now (the CLI's verify). */
gboolean    gk_store_verify              (GkStore      *self,
                                          GError      **error);
/* The format version of the open ledger, and the newest this build writes. */
int         gk_store_get_format_version  (GkStore      *self);
int         gk_store_format_version      (void);
/* The user name written into the history; defaults to the OS user. */
void        gk_store_set_user            (GkStore      *self,
                                          const char   *user);

/* Another connection wrote the ledger (a worker's import): forgets what
 * this one keeps of it and tells the views, as its own write would. */
void        gk_store_reload              (GkStore      *self);

/* Organisation and units. A new ledger has no organisation until the
 * clerk sets it up: its name and code read as "" and no 索引号 can be
 * issued. */
gboolean    gk_store_get_organisation    (GkStore      *self,
                                          char        **name,
                                          char        **code,
                                          GError      **error);
gboolean    gk_store_set_organisation    (GkStore      *self,
                                          const char   *name,
                                          const char   *code,
                                          GError      **error);
/* Which organisation the supervision report, the annual report and
 * gk_store_query() count, and whose records an exchange file carries: @code
 * is the home organisation's or an imported one's (GK_DB_ERROR_NOT_FOUND for
 * another), NULL every organisation the ledger holds (the default; an
 * exchange file then carries the home organisation's). */
gboolean    gk_store_set_report_organisation (GkStore  *self,
                                          const char   *code,
                                          GError      **error);
/* The name of that organisation; the home organisation's when it is all. */
char       *gk_store_dup_report_organisation_name (GkStore *self,
                                          GError      **error);
/* The unit called @name that a report of one unit counts: among the
 * units of the organisation chosen above, or, when every organisation
 * counts, of whichever organisation has a unit by that name, which then
 * becomes the report's organisation. 0 when there is none; fails with
 * GK_DB_ERROR_INVALID when several organisations have one (their codes in
 * the message), so that the caller chooses the organisation first. */
gint64      gk_store_find_report_unit    (GkStore      *self,
                                          const char   *name,
                                          GError      **error);
/* @level is "district" or "department" (gk-plan.h), read back with
 * gk_store_dup_organisation_level(). */
gboolean    gk_store_set_organisation_level (GkStore             *self,
                                             const char          *level,
                                             GError             **error);
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
/* Any unit by id, one of another organisation's too (whose records a
 * district's ledger holds); NULL with @error when there is none. */
GkUnit     *gk_store_get_unit            (GkStore      *self,
                                          gint64        unit_id,
                                          GError      **error);
/* Only a unit no record or project names: the others are retired instead,
 * so that what was attributed to them keeps their name. */
gboolean    gk_store_remove_unit         (GkStore      *self,
                                          gint64        unit_id,
                                          GError      **error);
/* 0 when no unit has @name (@error unset) or when the ledger cannot be read (@error set). */
/* The name of unit @id of any organisation; NULL (@error unset) when the
 * ledger has none. */
char       *gk_store_dup_unit_name       (GkStore      *self,
                                          gint64        id,
                                          GError      **error);
gint64      gk_store_find_unit           (GkStore      *self,
                                          const char   *name,
                                          GError      **error);

/* Catalog. The items are shared and cached until an item is saved: each
 * holds its field schema, read from the ledger once. gk_item_copy() one
 * to edit it, then gk_store_save_item(). */
/* GkItem, in catalog order. */
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
/* The fields of item @item_id (a reference); an error when the item is
 * unknown or its fields cannot be read. */
GkSchema   *gk_store_get_item_schema     (GkStore      *self,
                                          gint64        item_id,
                                          GError      **error);
/* Writes @item (by key: a new key adds an item) and sets its id. */
gboolean    gk_store_save_item           (GkStore      *self,
                                          GkItem       *item,
                                          GError      **error);
/* The keys the values of @item_id's records hold, whether or not its
 * schema still has them: a new field must take none of them. */
GStrv       gk_store_list_item_value_keys (GkStore     *self,
                                          gint64        item_id,
                                          GError      **error);
/* The distinct values @item_id's records hold for field @field_id (JsonNode,
 * nulls left out): what a change of the field's kind or choices must keep. */
GPtrArray  *gk_store_list_field_values   (GkStore      *self,
                                          gint64        item_id,
                                          const char   *field_id,
                                          GError      **error);
GPtrArray  *gk_store_list_domains        (GkStore      *self,
                                          GError      **error);
/* The domain's name as the catalog gives it (政府采购). */
char       *gk_store_dup_domain_name     (GkStore      *self,
                                          const char   *key,
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
/* Creates the record of the stage @item_key of a project, in one
 * transaction: titled "<project><stage>", with the project's unit, its
 * name and codes, and every value the project's other records hold for a
 * field of the same key or label (the nearest earlier stage first).
 * Refuses an item that is not a stage of the project's kind. */
GkRecord   *gk_store_create_stage_record (GkStore      *self,
                                          gint64        project_id,
                                          const char   *item_key,
                                          GError      **error);

/* Records */
GkRecord   *gk_store_create_record       (GkStore      *self,
                                          const char   *item_key,
                                          const char   *title,
                                          GError      **error);
GkRecord   *gk_store_get_record          (GkStore      *self,
                                          const char   *uuid,
                                          GError      **error);
GkRecord   *gk_store_get_record_by_index_no (GkStore    *self,
                                          const char   *index_no,
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
/* Whether @record may be deleted: a record that was ever published is
 * withdrawn instead, so that it and its 索引号 stay on file. */
gboolean    gk_store_can_delete_record   (GkStore      *self,
                                          GkRecord     *record,
                                          GError      **error);
gboolean    gk_store_delete_record       (GkStore      *self,
                                          const char   *uuid,
                                          GError      **error);
/* Deferred delete: a hidden record is left out of every list and count
 * until it is shown again (undo) or deleted. Records still hidden when the
 * store closes are deleted then: the clerk deleted them. */
void        gk_store_hide_record         (GkStore      *self,
                                          const char   *uuid);
void        gk_store_unhide_record       (GkStore      *self,
                                          const char   *uuid);
gboolean    gk_store_is_record_hidden    (GkStore      *self,
                                          const char   *uuid);
/* The hidden records' UUIDs, for a worker's own store to hide them too
 * (gk_store_hide_record() on it): its workbook or bundle then leaves out
 * what the clerk has just deleted. */
char      **gk_store_dup_hidden_records  (GkStore      *self);
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
/* Attachments: copied into the ledger's content folder, once per content. */
GkAttachment *gk_store_add_attachment    (GkStore      *self,
                                          GkRecord     *record,
                                          GFile        *file,
                                          GError      **error);
GPtrArray  *gk_store_list_attachments    (GkStore      *self,
                                          GkRecord     *record,
                                          GError      **error);
gboolean    gk_store_remove_attachment   (GkStore      *self,
                                          GkRecord     *record,
                                          const GkAttachment *attachment,
                                          GError      **error);
GFile      *gk_store_get_attachment_file (GkStore      *self,
                                          const GkAttachment *attachment);

/* The validation issues of a record against its item's field schema. */
GPtrArray  *gk_store_validate_record     (GkStore      *self,
                                          GkRecord     *record,
                                          GError      **error);
/* The deadline problems of a record being edited (a start date missing, a
 * publication period too short, request events that cannot have happened);
 * every one also stops publication. */
GPtrArray  *gk_store_get_deadline_issues (GkStore      *self,
                                          GkRecord     *record);
/* A request's reply deadline as its events give it, with its state and
 * warnings; FALSE with @error when @record is no request or its events
 * cannot all have happened. */
gboolean    gk_store_get_request_deadline (GkStore          *self,
                                           GkRecord         *record,
                                           GkRequestDeadline *deadline,
                                           GError          **error);

/* How many records' due dates rely on @year, whose notice is missing. */
gboolean    gk_store_count_calendar_guesses (GkStore     *self,
                                             int          year,
                                             guint       *count,
                                             GError     **error);
GStrv       gk_store_describe_request    (GkStore          *self,
                                          GkRecord         *record,
                                          const GDate      *today);

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

/* Supervision (督查): how timely each unit published, domain by domain. */
typedef enum
{
  GK_SUPERVISION_ROW_UNIT,          /* one unit in one domain */
  GK_SUPERVISION_ROW_DOMAIN_TOTAL,  /* every unit of one domain */
  GK_SUPERVISION_ROW_TOTAL,         /* every unit of every domain */
} GkSupervisionRowKind;

/* The records whose due date falls in a period, as of a day. */
typedef struct
{
  GkSupervisionRowKind kind;
  char *domain;          /* NULL in the overall total */
  char *domain_name;
  gint64 unit_id;        /* 0 in totals, and for records without a unit */
  char *unit_name;       /* NULL likewise */
  char *organisation_code;  /* the unit's organisation; NULL in the overall total */
  char *organisation_name;
  guint due;             /* every record due in the period */
  guint on_time;         /* published on or before the due date */
  guint late;            /* published after it */
  guint late_workdays;   /* working days late, summed over the late ones */
  guint overdue;         /* not published, past due */
  guint pending;         /* not published, not yet past due */
  int missing_year;      /* the first year an unknown calendar decided, or 0 */
  guint withheld;        /* 不予公开: formed in the period, not disclosed on a legal ground */
  char *grounds;         /* those grounds' texts, "；"-separated, or NULL */
} GkSupervisionRow;

void        gk_supervision_row_free      (GkSupervisionRow *row);
/* on time / (on time + late + overdue); NaN when none of them was due yet. */
double      gk_supervision_row_get_rate  (const GkSupervisionRow *row);

/* How an on-time rate reads, the same wherever it is shown: good from
 * GK_RATE_GOOD up, fair from GK_RATE_FAIR, poor below; none when nothing
 * was due yet. */
#define GK_RATE_GOOD 0.9
#define GK_RATE_FAIR 0.6
typedef enum
{
  GK_RATE_BAND_NONE,
  GK_RATE_BAND_POOR,
  GK_RATE_BAND_FAIR,
  GK_RATE_BAND_GOOD,
} GkRateBand;

GkRateBand  gk_rate_get_band             (double                  rate);
/* Unit rows in organisation (the home one first), domain and unit order,
 * each organisation's domain followed by its total, the overall total
 * last. @from and @to are ISO dates, inclusive; @today
 * NULL means the real today. */
GPtrArray  *gk_store_supervision_report  (GkStore      *self,
                                          const char   *from,
                                          const char   *to,
                                          const char   *today,
                                          GError      **error);

typedef enum
{
  GK_PERIOD_THIS_MONTH,
  GK_PERIOD_THIS_QUARTER,
  GK_PERIOD_THIS_YEAR,
  GK_PERIOD_LAST_YEAR,
} GkPeriod;

#define GK_TYPE_PERIOD (gk_period_get_type ())

GType       gk_period_get_type           (void);
/* The first and last day of @period around @today (NULL: the real today). */
gboolean    gk_period_get_range          (GkPeriod      period,
                                          const char   *today,
                                          char        **from,
                                          char        **to,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkSupervisionRow, gk_supervision_row_free)

/* Where a record was published (公开渠道): one entry per channel, with the
 * date it appeared there and its address (a URL or a place). */
typedef struct
{
  char *channel;        /* the channel's name, as the catalog item lists it */
  char *published_on;   /* ISO date, or NULL */
  char *address;
} GkRecordChannel;

GkRecordChannel *gk_record_channel_new   (const char             *channel,
                                          const char             *published_on,
                                          const char             *address);
void             gk_record_channel_free  (GkRecordChannel        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkRecordChannel, gk_record_channel_free)

/* The record's channels (GkRecordChannel), by name. */
GPtrArray  *gk_store_get_record_channels (GkStore      *self,
                                          const char   *uuid,
                                          GError      **error);
/* Replaces the record's channels in one transaction, with a history entry
 * per channel that changed; a channel with neither date nor address is
 * removed. @changed (optional) tells whether anything was written. */
/* What the last record published in @channel had as its address: the site
 * (https://host/) of a web page, a place as it was written; NULL if none. */
char       *gk_store_dup_channel_address_hint (GkStore   *self,
                                          const char   *channel,
                                          GError      **error);
gboolean    gk_store_set_record_channels (GkStore      *self,
                                          const char   *uuid,
                                          GPtrArray    *channels,
                                          gboolean     *changed,
                                          GError      **error);

/* An earlier publication of a record, superseded by a 变更: when it was
 * formed, due and published, and where. */
typedef struct
{
  char *changed_on;        /* the 变更 that superseded it */
  char *note;
  char *formed_on;
  char *due_on;
  int due_missing_year;
  char *published_on;
  GPtrArray *channels;     /* GkRecordChannel */
  gboolean still_public;   /* the change is being prepared: this is what is public */
} GkPublication;

void        gk_publication_free          (GkPublication *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPublication, gk_publication_free)

/* The record's earlier publications (GkPublication), latest first. */
GPtrArray  *gk_store_get_publications    (GkStore      *self,
                                          GkRecord     *record,
                                          GError      **error);
/* "2026-03-02 · 政府网站, 政务新媒体": a publication in one line. */
char       *gk_publication_describe      (const GkPublication *self);

G_END_DECLS
