/* gk-window.h: the main window: sidebar of sections, record list, editor. */
#pragma once

#include <adwaita.h>

#include "gk-application.h"
#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_WINDOW (gk_window_get_type ())
G_DECLARE_FINAL_TYPE (GkWindow, gk_window, GK, WINDOW, AdwApplicationWindow)

GkWindow   *gk_window_new              (GkApplication *application,
                                        GkStore       *store,
                                        const GError  *error);
GkStore    *gk_window_get_store        (GkWindow      *self);
const char *gk_window_get_section      (GkWindow      *self);
void        gk_window_set_section      (GkWindow      *self,
                                        const char    *key);
gboolean    gk_window_save_edits       (GkWindow      *self,
                                        GError       **error);
/* Opens the mapping page of Import Spreadsheet on @file, as choosing it
 * in the file chooser does; its import ends in a toast with Undo. The
 * page (a GkImportDialog), or NULL after a toast saying why not. */
GtkWindow  *gk_window_import_file      (GkWindow      *self,
                                        GFile         *file);

G_END_DECLS
