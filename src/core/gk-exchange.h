/* gk-exchange.h: the exchange file: a ledger's own data as versioned JSON, written and merged in a stream. */
#pragma once

#include <gio/gio.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* The format's name and version, as the file's "format" and "version"
 * members give them (data/exchange/gongkai-exchange-1.schema.json). */
#define GK_EXCHANGE_FORMAT "gongkai-exchange"
#define GK_EXCHANGE_VERSION 1

/* Called every few records; @total is 0 while the total is unknown (an
 * import learns it at the end). */
typedef void (*GkExchangeProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* A record both ledgers changed since the last exchange: the receiving
 * ledger keeps its own, the file's is not written. */
typedef struct
{
  char *uuid;
  char *index_no;
  char *title;
  char *reason;    /* why it was not merged, in the clerk's words */
} GkExchangeConflict;

void gk_exchange_conflict_free (GkExchangeConflict *conflict);

typedef struct
{
  char *organisation_code;  /* the sending organisation */
  char *organisation_name;
  guint added;
  guint updated;
  guint unchanged;
  GPtrArray *conflicts;     /* GkExchangeConflict */
} GkExchangeResult;

void gk_exchange_result_free (GkExchangeResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkExchangeResult, gk_exchange_result_free)

/* Writes one organisation's records (with their channels, 变更,
 * attachments' metadata and history), its units, the projects and catalog
 * items they use, one record at a time: the home organisation's or, in a
 * district's ledger, the one gk_store_set_report_organisation() chose, as
 * that organisation (its name, code and units) sent them. */
gboolean gk_exchange_write      (GkStore            *store,
                                 GOutputStream      *out,
                                 GkExchangeProgress  progress,
                                 gpointer            user_data,
                                 GCancellable       *cancellable,
                                 GError            **error);
/* Writes @path through a temporary file beside it: no partial file is left
 * behind. A @path ending in .zip is a zip of the exchange file
 * (ledger.json) and the attached files themselves (files/SHA256). */
gboolean gk_exchange_export     (GkStore            *store,
                                 const char         *path,
                                 GkExchangeProgress  progress,
                                 gpointer            user_data,
                                 GCancellable       *cancellable,
                                 GError            **error);

/* Merges an exchange file into @store in one transaction, reading it one
 * record at a time: records new to the ledger are added, records only the
 * sender changed are updated (their history added to), records both
 * changed are listed as conflicts and left as they are. The sender's
 * organisation and units are added when they are not the home one;
 * @source (the file's name) is kept as where its data came from. */
GkExchangeResult *gk_exchange_read (GkStore            *store,
                                    GInputStream       *in,
                                    const char         *source,
                                    GkExchangeProgress  progress,
                                    gpointer            user_data,
                                    GCancellable       *cancellable,
                                    GError            **error);
/* The same for a file: an exchange file, or a zip of one with the attached
 * files (a @path ending in .zip), which go into the ledger's folder. */
GkExchangeResult *gk_exchange_import (GkStore            *store,
                                      const char         *path,
                                      GkExchangeProgress  progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* The organisation an export writes (organisations.id, 0 the home one):
 * the one gk_store_set_report_organisation() chose, else the home one. */
gint64            gk_exchange_get_organisation_id (GkStore *store);

/* gk-exchange-zip.c: what gk_exchange_export() and gk_exchange_import() do
 * for a .zip. */
gboolean          gk_exchange_export_zip (GkStore            *store,
                                          const char         *zip_path,
                                          GkExchangeProgress  progress,
                                          gpointer            user_data,
                                          GCancellable       *cancellable,
                                          GError            **error);
GkExchangeResult *gk_exchange_import_zip (GkStore            *store,
                                          const char         *zip_path,
                                          GkExchangeProgress  progress,
                                          gpointer            user_data,
                                          GCancellable       *cancellable,
                                          GError            **error);

/* The organisations a ledger holds: the home one first. */
typedef struct
{
  gint64 id;             /* 0 for the home organisation */
  char *code;
  char *name;
  char *source;          /* the file it was last imported from; NULL for home */
  char *imported_at;     /* when; NULL for home */
  guint n_records;
} GkOrganisation;

void       gk_organisation_free          (GkOrganisation *organisation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkOrganisation, gk_organisation_free)

GPtrArray *gk_store_list_organisations   (GkStore      *self,
                                          GError      **error);

G_END_DECLS
