/* gk-backup-dialog.h: "Restore from Backup": the ledger's copies with their dates and records, one to restore. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_BACKUP_DIALOG (gk_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkBackupDialog, gk_backup_dialog, GK, BACKUP_DIALOG, AdwMessageDialog)

/* Lists the copies of the ledger at @ledger_path. The parent answers its
 * "response": on "restore", gk_backup_dialog_get_backup_path() is the copy. */
GkBackupDialog *gk_backup_dialog_new             (GtkWindow      *parent,
                                                  const char     *ledger_path);
const char     *gk_backup_dialog_get_ledger_path (GkBackupDialog *self);
/* The selected copy, or NULL. */
const char     *gk_backup_dialog_get_backup_path (GkBackupDialog *self);
/* Selects the copy at @index of the list, newest first (tests). */
void            gk_backup_dialog_select          (GkBackupDialog *self,
                                                  guint           index);
guint           gk_backup_dialog_get_n_backups   (GkBackupDialog *self);

G_END_DECLS
