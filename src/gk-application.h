/* gk-application.h: the Gongkai application object. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_APPLICATION (gk_application_get_type ())
G_DECLARE_FINAL_TYPE (GkApplication, gk_application, GK, APPLICATION, AdwApplication)

GkApplication *gk_application_new          (void);
guint          gk_application_notify_overdue (GkApplication *self,
                                              GkStore       *store);
/* The ledger the next window opens (--db sets it). */
void           gk_application_set_db_path    (GkApplication *self,
                                              const char    *path);
/* Closes the windows, puts the copy at @backup_path in place of the ledger
 * (keeping the ledger aside) and opens a window on the result. */
gboolean       gk_application_restore_backup (GkApplication *self,
                                              const char    *backup_path,
                                              GError       **error);

G_END_DECLS
