/* gk-string-list.h: a preferences group that edits a list of names (channels): add, rename, reorder, remove. */
#pragma once

#include <adwaita.h>

#include "gk-validate.h"

G_BEGIN_DECLS

#define GK_TYPE_STRING_LIST (gk_string_list_get_type ())
G_DECLARE_FINAL_TYPE (GkStringList, gk_string_list, GK, STRING_LIST, AdwPreferencesGroup)

/* Properties: "strings" (the names, in order), "row-title" (rows are titled
 * "<row-title> <n>"), "reorderable" (up and down buttons), "apply-each"
 * (a row is taken when its apply button is pressed, not as it is typed),
 * "adding-title" (the title of a last, empty row that adds a name when
 * applied; without it, the "string-list.add" action adds an empty row).
 * Signals: "changed" when the clerk renamed, added, moved or removed a name;
 * "removed" (index, name) just before the "changed" of a removal. */
GtkWidget  *gk_string_list_new          (void);
GStrv       gk_string_list_dup_strings  (GkStringList       *self);
/* Shows @strings, keeping the rows there are (and so the keyboard focus). */
void        gk_string_list_set_strings  (GkStringList       *self,
                                         const char * const *strings);
guint       gk_string_list_get_n_rows   (GkStringList       *self);
/* The entry row of name @index, or NULL. */
GtkWidget  *gk_string_list_get_row      (GkStringList       *self,
                                         guint               index);
/* The buttons of the row of name @index: "up", "down" or "remove". */
GtkWidget  *gk_string_list_get_button   (GkStringList       *self,
                                         guint               index,
                                         const char         *which);
/* Shows what is wrong with name @index under its row; NULL clears it. */
void        gk_string_list_set_problem  (GkStringList       *self,
                                         guint               index,
                                         const char         *message);
/* Appends an empty row and puts the keyboard in it. */
void        gk_string_list_add          (GkStringList       *self);

G_END_DECLS
