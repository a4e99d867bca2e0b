/* gk-bundle-private.h: the pieces of the publication bundle shared by its source files. */
#pragma once

#include <json-glib/json-glib.h>

#include "gk-bundle.h"
#include "gk-schema.h"
#include "gk-store.h"

G_BEGIN_DECLS

/* One record as the ledger holds it, with what the bundle needs around it
 * (its domain's name, its project, its latest change, its attachments). */
typedef struct
{
  gint64 id;
  char *uuid;
  gint64 item_id;
  char *item_key;
  char *item_name;
  char *domain;
  char *domain_name;
  gint64 project_id;
  char *project_uuid;
  char *project_kind;
  char *project_name;
  char *project_code;
  int stage;
  char *title;
  char *body;
  char *fields;
  char *unit_name;
  char *index_no;
  char *doc_no;
  char *formed_on;
  char *published_on;
  char *status;
  char *mode;
  char *audience;
  char *time_limit;
  char *changed_on;         /* the latest 变更, or NULL */
  char *change_note;
  char *prev_published_on;
  char *prev_title;         /* what the latest 变更 replaced */
  char *prev_doc_no;
  GPtrArray *attachments;   /* of GkAttachment */
} GkBundleRow;

void       gk_bundle_row_free            (GkBundleRow  *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleRow, gk_bundle_row_free)

/* What lists, feeds and the pages of a project's other records show of a
 * published record, kept for the whole ledger (and in the manifest) while
 * the records themselves are read one at a time. */
typedef struct
{
  gint64 id;
  gint64 project_id;
  gint64 item_id;
  int stage;
  const char *domain;        /* interned */
  const char *item_name;     /* interned */
  const char *project_kind;  /* interned, or NULL */
  char *index_no;
  char *title;               /* masked */
  char *published_on;
  char *formed_on;
  char *page;                /* "record/<name>.html" */
  char **attachments;        /* "files/…" paths, or NULL */
  gboolean dirty;            /* read from the ledger this time */
} GkBundleStub;

void       gk_bundle_stub_free           (GkBundleStub *stub);
/* The month of its data files: "2025-09", or "undated". */
const char *gk_bundle_stub_month         (const GkBundleStub *stub);
int        gk_bundle_stub_compare_newest (gconstpointer a,
                                          gconstpointer b);

/* The bundle's settings and labels (data/bundle/bundle.json). */
typedef struct
{
  JsonObject *root;
  JsonObject *labels;
  char **withdraw_items;
  char *withdraw_end_field;
  char *blacklist_domain;
  char *revoked_field;
  char *revoked_value;
  char *blacklist_end_field;
  char **blacklist_columns;
  char **without_idcard_domains;
  char **never_published_domains;
  char **ocds_project_kinds;
  char *ocid_prefix;
  char **text_attachments;      /* extensions read, masked and published as text */
  char **binary_held_domains;   /* where other attachments are held back */
  char *checksum;               /* of bundle.json: the pages' template */
  GBytes *stylesheet;
} GkBundleConfig;

GkBundleConfig *gk_bundle_config_load    (GError      **error);
void       gk_bundle_config_free         (GkBundleConfig *config);
const char *gk_bundle_label              (const GkBundleConfig *config,
                                          const char   *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleConfig, gk_bundle_config_free)

/* gk-store-bundle.c. Records hidden pending an undo are left out. */
typedef void (*GkBundleRowFunc)        (GkBundleRow  *row,
                                        gpointer      user_data);
typedef void (*GkBundleAttachmentFunc) (GkAttachment *attachment,
                                        gpointer      user_data);
/* Every record by id, briefly: no body, no attachments, and fields only
 * where gk_bundle_classify() reads them. */
gboolean   gk_store_foreach_bundle_row   (GkStore      *store,
                                          const GkBundleConfig *config,
                                          GkBundleRowFunc func,
                                          gpointer      user_data,
                                          GError      **error);
/* Every attachment, by record and then as added. */
gboolean   gk_store_foreach_bundle_attachment (GkStore *store,
                                          GkBundleAttachmentFunc func,
                                          gpointer      user_data,
                                          GError      **error);
/* One record whole, with its attachments; GK_DB_ERROR_NOT_FOUND when it
 * is gone or hidden. */
GkBundleRow *gk_store_get_bundle_row     (GkStore      *store,
                                          gint64        id,
                                          GError      **error);
/* The latest revision (data/sql/010-bundle-revisions.sql), -1 on error. */
gint64     gk_store_get_bundle_revision  (GkStore      *store,
                                          GError      **error);
/* The ids (gint64) of records changed after revision @since; 0 stands for
 * the catalog and Preferences. */
GArray    *gk_store_list_bundle_changes  (GkStore      *store,
                                          gint64        since,
                                          GError      **error);

/* gk-bundle-select.c */

/* GK_BUNDLE_HOLD_NONE when @row is published; @today is an ISO date. */
GkBundleHold gk_bundle_classify          (const GkBundleConfig *config,
                                          const GkBundleRow    *row,
                                          const char   *today);
/* @text with every valid 18-character ID number and every mobile number
 * in it masked by @policy. */
char      *gk_bundle_mask_text           (const char   *text,
                                          const GkMaskPolicy *policy);

/* A published record as the bundle shows it: every text masked. */
typedef struct
{
  const GkBundleRow *row;
  GkBundleRow *owned_row;    /* @row, when the entry keeps it */
  GkSchema *schema;
  char *title;
  char *body;
  char *doc_no;
  char *change_note;
  char *prev_title;          /* of the publication the latest 变更 corrected */
  char *prev_doc_no;
  JsonNode *values;          /* masked, free text scanned, ID columns dropped where asked */
  GPtrArray *attachments;        /* GkAttachment of row->attachments that are published */
  GPtrArray *attachment_names;   /* masked, parallel to attachments */
  GPtrArray *attachment_paths;   /* "files/<sha256>.<ext>", parallel */
  GPtrArray *attachment_texts;   /* GBytes: a text file masked, or NULL to copy; parallel */
  GPtrArray *attachment_sha256;  /* of what is published, parallel */
  char *page;                /* "record/<name>.html" */
  char *validity;            /* the item's validity field when it has one */
} GkBundleEntry;

GkBundleEntry *gk_bundle_entry_new       (const GkBundleConfig *config,
                                          GkStore      *store,
                                          const GkBundleRow    *row,
                                          GkSchema     *schema,
                                          const GkMaskPolicy *policy,
                                          const char   *page);
void       gk_bundle_entry_free          (GkBundleEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleEntry, gk_bundle_entry_free)

typedef enum
{
  GK_BUNDLE_ATTACHMENT_TEXT,     /* read, masked, published as text */
  GK_BUNDLE_ATTACHMENT_BINARY,   /* copied as it is */
  GK_BUNDLE_ATTACHMENT_HELD,     /* unreadable where records name people */
} GkBundleAttachmentKind;

/* @name: the attachment's masked name. */
GkBundleAttachmentKind gk_bundle_attachment_kind (const GkBundleConfig *config,
                                          const char   *domain,
                                          const char   *name);
char      *gk_bundle_attachment_path     (const GkBundleConfig *config,
                                          const char   *sha256,
                                          const char   *masked_name);

/* A file name made of [A-Za-z0-9._-] only, from a 索引号, one per 索引号. */
char      *gk_bundle_safe_name           (const char   *index_no);

/* gk-bundle-html.c: text for HTML (element content and quoted attribute
 * values alike), control characters dropped. */
void       gk_bundle_append_escaped      (GString      *out,
                                          const char   *text);
/* TRUE when @url may be a link: http or https only. */
gboolean   gk_bundle_url_is_linkable     (const char   *url);

/* What every page shows around its content. */
typedef struct
{
  const GkBundleConfig *config;
  const char *org_name;
  const char *site_title;
  const GkMaskPolicy *policy;
} GkBundleSite;

/* gk-bundle-html.c. @root leads from the page back to the bundle's top
 * ("" or "../"): every link is relative. */
void       gk_bundle_html_begin          (GString      *out,
                                          const GkBundleSite *site,
                                          const char   *root,
                                          const char   *title);
void       gk_bundle_html_end            (GString      *out,
                                          const GkBundleSite *site);
void       gk_bundle_html_record         (GString      *out,
                                          const GkBundleSite *site,
                                          const GkBundleEntry *entry,
                                          GPtrArray    *related);
/* Page @page (from 1) of @n_pages of a list whose files are
 * "list/<base>.html", "list/<base>-2.html"… */
void       gk_bundle_html_list           (GString      *out,
                                          const GkBundleSite *site,
                                          const char   *title,
                                          GPtrArray    *entries,
                                          guint         page,
                                          guint         n_pages,
                                          const char   *base);
char      *gk_bundle_list_path           (const char   *base,
                                          guint         page);
void       gk_bundle_html_entry_items    (GString      *out,
                                          const char   *root,
                                          GPtrArray    *entries,
                                          guint         first,
                                          guint         count);
void       gk_bundle_html_table_begin    (GString      *out,
                                          const char   *caption,
                                          const char * const *headers);
void       gk_bundle_html_cell           (GString      *out,
                                          const char   *text);
/* Paragraphs from plain text: blank lines part them, single breaks stay. */
void       gk_bundle_html_paragraphs     (GString      *out,
                                          const char   *text);
/* A stored value for reading: choices by label, money in 元, tables NULL. */
char      *gk_bundle_format_value        (const GkField *field,
                                          JsonNode     *value);

/* A list of records: a domain's, or one catalog item's. */
typedef struct
{
  char *base;             /* "domain-procurement", "item-procurement.notice" */
  char *title;
  char *domain;
  gboolean is_item;
  GPtrArray *entries;     /* of GkBundleStub, not owned, newest first */
} GkBundleList;

/* gk-bundle-pages.c */
/* @report_years: the years of report-YEAR.html pages, as ints. */
/* @latest: GkBundleStub, newest first; @months: GkBundleMonth. */
void       gk_bundle_html_index          (GString      *out,
                                          const GkBundleSite *site,
                                          GPtrArray    *lists,
                                          GPtrArray    *latest,
                                          GArray       *report_years,
                                          GPtrArray    *months,
                                          gboolean      with_ocds);
/* @items: GkItem, in catalog order. */
void       gk_bundle_html_catalog        (GString      *out,
                                          const GkBundleSite *site,
                                          GPtrArray    *items);
void       gk_bundle_html_blacklist      (GString      *out,
                                          const GkBundleSite *site,
                                          GPtrArray    *entries);
/* @guide: GK_GUIDE_N_FIELDS strings from Preferences. */
void       gk_bundle_html_guide          (GString      *out,
                                          const GkBundleSite *site,
                                          char        **guide);

/* gk-bundle-report.c */
GArray    *gk_bundle_report_years        (GkStore      *store,
                                          const char   *today,
                                          GError      **error);
gboolean   gk_bundle_html_report         (GString      *out,
                                          const GkBundleSite *site,
                                          GkStore      *store,
                                          int           year,
                                          const char   *today,
                                          GError      **error);

/* gk-bundle-writer.c */
typedef struct _GkBundleWriter GkBundleWriter;
typedef struct _GkBundleStream GkBundleStream;

/* What the last publish into a folder wrote, and what it read. */
typedef struct
{
  char *site;             /* the checksum of what every page shows, or NULL: unknown */
  char *today;
  gint64 revision;        /* the ledger's revision it read, -1 when unknown */
  GHashTable *files;      /* path → size in bytes ("" when unknown) */
  GPtrArray *stubs;       /* GkBundleStub: the published records */
  GHashTable *held;       /* gint64 id → GkBundleHold: the others */
} GkBundleManifest;

GkBundleManifest *gk_bundle_manifest_read (const char  *dir,
                                          GError      **error);
void       gk_bundle_manifest_free       (GkBundleManifest *manifest);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleManifest, gk_bundle_manifest_free)

GHashTable *gk_bundle_read_manifest      (const char   *dir,
                                          GError      **error);
/* @keep_old: the files of @old stay in the bundle unless forgotten. The
 * writer takes @old's list of files (it is NULL afterwards). */
GkBundleWriter *gk_bundle_writer_new     (const char   *dir,
                                          GkBundleManifest *old,
                                          gboolean      keep_old,
                                          GError      **error);
void       gk_bundle_writer_free         (GkBundleWriter *writer);
gboolean   gk_bundle_writer_put          (GkBundleWriter *writer,
                                          const char   *relative,
                                          const char   *data,
                                          gsize         length,
                                          GError      **error);
gboolean   gk_bundle_writer_put_string   (GkBundleWriter *writer,
                                          const char   *relative,
                                          GString      *text,
                                          GError      **error);
gboolean   gk_bundle_writer_copy         (GkBundleWriter *writer,
                                          const char   *relative,
                                          GFile        *source,
                                          gint64        size,
                                          GError      **error);
gboolean   gk_bundle_writer_has          (GkBundleWriter *writer,
                                          const char   *relative);
void       gk_bundle_writer_forget       (GkBundleWriter *writer,
                                          const char   *relative);
void       gk_bundle_writer_forget_unless (GkBundleWriter *writer,
                                          const char  **prefixes,
                                          GHashTable  **keeps);
char      *gk_bundle_writer_dup_trusted  (GkBundleWriter *writer,
                                          const char   *relative);
GkBundleStream *gk_bundle_writer_open    (GkBundleWriter *writer,
                                          const char   *relative,
                                          GError      **error);
gboolean   gk_bundle_stream_write        (GkBundleStream *stream,
                                          const char   *data,
                                          gsize         length,
                                          GError      **error);
void       gk_bundle_stream_free         (GkBundleStream *stream);
/* Takes @stream. */
gboolean   gk_bundle_writer_close        (GkBundleWriter *writer,
                                          GkBundleStream *stream,
                                          GError      **error);
gboolean   gk_bundle_writer_finish       (GkBundleWriter *writer,
                                          GkBundleSummary *summary,
                                          GkBundleManifest *state,
                                          GError      **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleWriter, gk_bundle_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleStream, gk_bundle_stream_free)

/* gk-bundle-queue.c: jobs run by worker threads, taken back in the order
 * they were queued. Used from one thread (the one that queues). */
typedef struct _GkBundleQueue GkBundleQueue;

/* @scratch: an empty buffer of the worker's, for the job to use. */
typedef void (*GkBundleQueueFunc) (gpointer      job,
                                   GString      *scratch,
                                   gpointer      user_data);

GkBundleQueue *gk_bundle_queue_new       (GkBundleQueueFunc func,
                                          gpointer      user_data,
                                          GDestroyNotify job_free,
                                          guint         n_workers,
                                          GError      **error);
void       gk_bundle_queue_free          (GkBundleQueue *queue);
void       gk_bundle_queue_push          (GkBundleQueue *queue,
                                          gpointer      job,
                                          gboolean      run);
guint      gk_bundle_queue_get_length    (GkBundleQueue *queue);
gpointer   gk_bundle_queue_pop           (GkBundleQueue *queue,
                                          gboolean      wait);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleQueue, gk_bundle_queue_free)

/* gk-bundle-data.c, gk-bundle-ocds.c */
typedef struct
{
  char *month;            /* "2025-09", or "undated" */
  guint count;
} GkBundleMonth;

char      *gk_bundle_data_month_path     (const char   *month,
                                          const char   *extension);
char      *gk_bundle_data_records_index  (const GkBundleSite *site,
                                          const char   *org_code,
                                          GPtrArray    *months);
char      *gk_bundle_data_records_head   (const GkBundleSite *site,
                                          const char   *org_code,
                                          const char   *month);
char      *gk_bundle_data_record_json    (const GkBundleSite *site,
                                          const GkBundleEntry *entry);
char      *gk_bundle_data_csv_head       (const GkBundleSite *site);
char      *gk_bundle_data_record_csv     (const GkBundleSite *site,
                                          const GkBundleEntry *entry);
/* @entries: the newest, GkBundleEntry. */
char      *gk_bundle_data_feed           (const GkBundleSite *site,
                                          const char   *org_code,
                                          GPtrArray    *entries);
char      *gk_bundle_data_ocds_head      (const GkBundleSite *site,
                                          const char   *org_code,
                                          const char   *published_on);
char      *gk_bundle_data_ocds_release   (const GkBundleSite *site,
                                          const char   *ocid_prefix,
                                          GPtrArray    *chain);

G_END_DECLS
