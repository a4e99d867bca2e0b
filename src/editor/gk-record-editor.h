/* gk-record-editor.h: the content pane: one record, edited through its sections, saved as the clerk works. */
#pragma once

#include <adwaita.h>

#include "gk-record.h"
#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_RECORD_EDITOR (gk_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (GkRecordEditor, gk_record_editor, GK, RECORD_EDITOR, GtkWidget)

/* Saves this long after the last edit; and at once on leaving the record. */
#define GK_RECORD_EDITOR_SAVE_DELAY_MS 500

GtkWidget    *gk_record_editor_new          (GkStore        *store);
void          gk_record_editor_set_store    (GkRecordEditor *self,
                                             GkStore        *store);
/* The editor's own copy of the record, with the edits applied so far. */
GkRecord     *gk_record_editor_get_record   (GkRecordEditor *self);
/* Saves the pending edits of the current record first. The same record
 * again (same UUID, e.g. a fresh copy after "records-changed") only
 * updates its status and dates: what the clerk is typing stays. */
void          gk_record_editor_set_record   (GkRecordEditor *self,
                                             GkRecord       *record);
/* Puts the keyboard focus in the title, the first thing a clerk types in
 * a new record. */
void          gk_record_editor_focus_title  (GkRecordEditor *self);
/* Saves the pending edits now. */
gboolean      gk_record_editor_flush        (GkRecordEditor *self,
                                             GError        **error);
/* Edits typed but not saved yet. */
gboolean      gk_record_editor_get_modified (GkRecordEditor *self);
/* No error is left (warnings allowed): the record may be published. */
gboolean      gk_record_editor_get_valid    (GkRecordEditor *self);
/* Every section's issues (GkIssue, transfer full). */
GPtrArray    *gk_record_editor_get_issues   (GkRecordEditor *self);
/* Puts the keyboard focus on the field @issue (one of the above) is about. */
void          gk_record_editor_focus_issue  (GkRecordEditor *self,
                                             const GkIssue  *issue);
/* The "editor" action group: insert it into the window too, for header
 * buttons (editor.submit, editor.publish, editor.withdraw, editor.reopen,
 * editor.record-change, editor.undo, editor.copy-index-number). */
GActionGroup *gk_record_editor_get_actions  (GkRecordEditor *self);

G_END_DECLS
