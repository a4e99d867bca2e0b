/* gk-editor-section.h: the contract every part of the record editor keeps. */
#pragma once

#include <gtk/gtk.h>

#include "gk-item.h"
#include "gk-record.h"
#include "gk-schema.h"
#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_EDITOR_SECTION (gk_editor_section_get_type ())
G_DECLARE_INTERFACE (GkEditorSection, gk_editor_section, GK, EDITOR_SECTION, GtkWidget)

/* A section shows one part of a record, reports its problems as the clerk
 * types, and writes itself back into the record when the editor saves.
 * It never saves on its own: the editor decides when (debounced, on leaving
 * the record) so that nothing is lost and every save is one undo step. */
struct _GkEditorSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows @record (NULL: nothing) of catalog item @item, which the editor
   * asked the store for once for every section (NULL with @record, or
   * when the ledger has lost the item). A section may bind its widgets to
   * @record until the next call; what it writes into @record is saved
   * (the editor follows the record's notifications). It may keep a
   * reference to @item, which is shared and never changes: a saved item is
   * a new one. Emits no "changed". */
  void       (*set_record) (GkEditorSection  *self,
                            GkStore          *store,
                            GkRecord         *record,
                            GkItem           *item);
  /* Optional: the stored state moved under the clerk (saved, published,
   * changed): update what is read-only, keep what is being typed. */
  void       (*refresh)    (GkEditorSection  *self,
                            GkRecord         *record);
  /* Optional: saves what lives beside the record's own row (its channels;
   * later its attachments), after the record itself was saved. */
  gboolean   (*save)       (GkEditorSection  *self,
                            GkStore          *store,
                            GkRecord         *record,
                            gboolean         *changed,
                            GError          **error);
  /* Problems of what the section shows, as GkIssue (transfer full). */
  GPtrArray *(*get_issues) (GkEditorSection  *self);
  /* Optional: puts the keyboard focus on what @issue (one of
   * get_issues()) is about. The default focuses the section's first
   * focusable widget. */
  void       (*focus_issue) (GkEditorSection *self,
                            const GkIssue    *issue);
};

void       gk_editor_section_set_record  (GkEditorSection  *self,
                                          GkStore          *store,
                                          GkRecord         *record,
                                          GkItem           *item);
void       gk_editor_section_refresh     (GkEditorSection  *self,
                                          GkRecord         *record);
gboolean   gk_editor_section_save        (GkEditorSection  *self,
                                          GkStore          *store,
                                          GkRecord         *record,
                                          gboolean         *changed,
                                          GError          **error);
GPtrArray *gk_editor_section_get_issues  (GkEditorSection  *self);
void       gk_editor_section_focus_issue (GkEditorSection  *self,
                                          const GkIssue    *issue);
/* For implementations: the clerk edited something. */
void       gk_editor_section_changed     (GkEditorSection  *self);

G_END_DECLS
