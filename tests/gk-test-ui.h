/* gk-test-ui.h: helpers the widget tests share: running the main loop and finding widgets in a tree. */
#pragma once

#include <gtk/gtk.h>

#include "gk-application.h"

G_BEGIN_DECLS

/* Starts GTK, libadwaita and the core for a widget test, and returns a new
 * temporary folder named after @name, for the test to remove. Without a
 * display to open, the test is skipped: it exits 77. */
char          *gk_test_ui_init            (int         *argc,
                                           char      ***argv,
                                           const char  *name);
/* The application the tests' windows belong to, registered on the bus. */
GkApplication *gk_test_ui_new_application (void);

/* Widget tests wait for what they need, never for a number of milliseconds:
 * a machine under load can take seconds where an idle one takes none. */

/* Runs the main-loop work that is ready now, until none is left. */
void       gk_test_ui_flush        (void);

typedef gboolean (*GkTestPredicate) (gpointer data);

/* Runs the main loop until @predicate answers TRUE; gives up (and returns
 * FALSE) only after a limit far beyond any honest wait. Use through
 * gk_test_ui_wait_until(), which fails the test then. */
gboolean   gk_test_ui_run_until    (GkTestPredicate predicate,
                                    gpointer        data);
#define gk_test_ui_wait_until(predicate, data) \
  g_assert_true (gk_test_ui_run_until ((GkTestPredicate) (predicate), (data)))

/* A predicate: TRUE when the pointer at @data is NULL (a weak pointer
 * cleared by finalization, a dialog pointer cleared when it closes). */
gboolean   gk_test_ui_is_null      (gpointer data);

/* Waits until @widget's frame clock has run @usec further: an animation
 * started on it (a toast coming in) has then run its course. */
void       gk_test_ui_wait_animations (GtkWidget *widget,
                                       gint64     usec);

/* TRUE when @widget is the one looked for. */
typedef gboolean (*GkTestWidgetMatch) (GtkWidget *widget,
                                       gpointer   data);

/* The first widget of the tree under @root, @root included, depth first,
 * that @match accepts; or NULL. */
GtkWidget *gk_test_find_widget     (GtkWidget        *root,
                                    GkTestWidgetMatch match,
                                    gpointer          data);
/* Every widget of the tree under @root that @match accepts, depth first;
 * the array owns no reference. */
GPtrArray *gk_test_collect_widgets (GtkWidget        *root,
                                    GkTestWidgetMatch match,
                                    gpointer          data);
/* The first widget of type @type. */
GtkWidget *gk_test_find_descendant (GtkWidget        *root,
                                    GType             type);
/* The first button labelled @label (its mnemonic included). */
GtkWidget *gk_test_find_button     (GtkWidget        *root,
                                    const char       *label);
/* The first preferences group titled @title. */
GtkWidget *gk_test_find_group      (GtkWidget        *root,
                                    const char       *title);
/* The first widget whose string property @name is @value. */
GtkWidget *gk_test_find_with_property (GtkWidget     *root,
                                       const char    *name,
                                       const char    *value);

G_END_DECLS
