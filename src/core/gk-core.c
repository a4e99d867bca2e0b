/* gk-core.c: one-time setup of the core library and version queries. */
#include "config.h"

#include <gio/gio.h>
#include <xlsxwriter.h>

#include "gk-core.h"
#include "gk-db.h"

extern GResource *gk_core_get_resource (void);

void
gk_core_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_resources_register (gk_core_get_resource ());
      g_once_init_leave (&initialized, 1);
    }
}

const char *
gk_core_sqlite_version (void)
{
  return gk_db_get_sqlite_version ();
}

char *
gk_core_xlsxwriter_version (void)
{
  return g_strdup (LXW_VERSION);
}

/* The window and the CLI share one database by default. A development
 * build keeps its own, so that it never migrates the clerk's real ledger. */
char *
gk_core_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), DEVELOPMENT ? "gongkai-devel" : "gongkai", "gongkai.db", NULL);
}
