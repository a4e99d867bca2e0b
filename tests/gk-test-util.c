/* gk-test-util.c: small helpers the tests share. */
#include "gk-test-util.h"

#include <glib/gstdio.h>

void
gk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          gk_test_remove_tree (child);
        }
    }
  g_remove (path);
}
