/* gk-backup.h: rolling copies of a ledger beside it, listed with their dates and records, and restored. */
#pragma once

#include <glib.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* How many copies a ledger keeps when its setting is unset. */
#define GK_BACKUP_KEEP_DEFAULT 7
/* The ledger setting (settings table) with the number of copies to keep. */
#define GK_BACKUP_KEEP_SETTING "backup-keep"

typedef struct
{
  char *path;
  GDateTime *created;   /* local time, from the file name */
  char *reason;         /* "daily", "manual", "before-update", "before-restore" */
  gint64 n_records;     /* -1 when the copy cannot be read */
} GkBackup;

void        gk_backup_free         (GkBackup     *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBackup, gk_backup_free)

/* The folder of the ledger at @ledger_path's copies: "<ledger>.backups". */
char       *gk_backup_get_dir      (const char   *ledger_path);
/* The copies of the ledger at @ledger_path, newest first; an empty array
 * when there are none. */
GPtrArray  *gk_backup_list         (const char   *ledger_path,
                                    GError      **error);
/* Puts the copy at @backup_path in place of the ledger at @ledger_path.
 * The ledger is first moved aside into its backups folder ("before-restore",
 * its path in @aside_path): nothing is overwritten. Fails with
 * GK_DB_ERROR_BUSY while another program has the ledger open, and refuses
 * a copy that is damaged or not a ledger. */
gboolean    gk_backup_restore      (const char   *ledger_path,
                                    const char   *backup_path,
                                    char        **aside_path,
                                    GError      **error);

/* A copy of @store's ledger now; returns its path. */
char       *gk_store_backup        (GkStore      *store,
                                    const char   *reason,
                                    GError      **error);
/* The first open of a day makes that day's copy ("daily"). Returns TRUE
 * without copying when one was made today. */
gboolean    gk_store_backup_daily  (GkStore      *store,
                                    GError      **error);
guint       gk_store_get_backup_keep (GkStore    *store);
gboolean    gk_store_set_backup_keep (GkStore    *store,
                                    guint         keep,
                                    GError      **error);

G_END_DECLS
