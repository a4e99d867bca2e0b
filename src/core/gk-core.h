/* gk-core.h: entry points and versions of the GTK-free core library. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_CORE_RESOURCE_BASE "/io/github/gongkai/Gongkai/core"

void         gk_core_init                (void);
const char  *gk_core_sqlite_version      (void);
char        *gk_core_xlsxwriter_version  (void);
char        *gk_core_default_db_path     (void);

G_END_DECLS
