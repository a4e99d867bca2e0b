/* gk-record-editor-private.h: state shared by the record editor's source files and its tests. */
#pragma once

#include "gk-disclosure-section.h"
#include "gk-fields-section.h"
#include "gk-header-section.h"
#include "gk-attachments-section.h"
#include "gk-history-section.h"
#include "gk-publish-dialog.h"
#include "gk-project-section.h"
#include "gk-change-dialog.h"
#include "gk-corrections-section.h"
#include "gk-record-editor.h"
#include "gk-schema.h"
#include "gk-tables-section.h"

G_BEGIN_DECLS

/* The stored state before one save: what Ctrl+Z goes back to. */
typedef struct
{
  GkRecord *record;
  GPtrArray *channels;     /* GkRecordChannel */
} GkEditorSnapshot;

struct _GkRecordEditor
{
  GtkWidget parent_instance;

  /* Template children */
  GtkScrolledWindow *scrolled;
  GtkRevealer *banner_revealer;
  GtkWidget *banner;
  GtkLabel *banner_label;
  GtkLabel *save_label;
  GtkToggleButton *problems_button;
  GtkLabel *problems_label;
  GtkListBox *issues_list;
  GtkWidget *published_card;
  GtkListBox *publications_list;
  GkHeaderSection *header_section;
  GkFieldsSection *fields_section;
  GkTablesSection *tables_section;
  GkDisclosureSection *disclosure_section;
  GkAttachmentsSection *attachments_section;
  GkProjectSection *project_section;
  GkCorrectionsSection *corrections_section;
  GkHistorySection *history_section;

  GkStore *store;
  GkRecord *record;          /* the record shown (the list's own), edited in place */
  GkItem *item;              /* the record's, fetched once for every section */
  GPtrArray *sections;       /* GkEditorSection, in order; not owned */
  GPtrArray *issues;         /* GkIssue, as issues_list shows them */
  GPtrArray *issue_sections; /* GkEditorSection of each of those; not owned */
  gboolean banner_shows_issues; /* the banner lists what blocks publishing */
  GSimpleActionGroup *actions;
  GQueue undo;               /* GkEditorSnapshot, newest first */
  guint save_timeout_id;
  gboolean modified;
  gboolean valid;
  gboolean saving;           /* our own save or undo: the store echoes it back and moves the record */
  GkChangeDialog *change_dialog;
  GkPublishDialog *publish_dialog;
};

void gk_editor_snapshot_free           (GkEditorSnapshot *snapshot);

void gk_record_editor_show_banner      (GkRecordEditor   *self,
                                        const char       *message);
/* The banner with what blocks publishing; it follows the fields until they are fixed. */
void gk_record_editor_show_publish_issues (GkRecordEditor *self);
void gk_record_editor_show_toast       (GkRecordEditor   *self,
                                        const char       *message);
/* After a status change: the stored state moved, show it. */
void gk_record_editor_refresh          (GkRecordEditor   *self);
char *gk_record_editor_dup_issues_text (GkRecordEditor   *self,
                                        GkSeverity        severity);

/* gk-record-editor-actions.c */
void gk_record_editor_actions_init     (GkRecordEditor   *self);
void gk_record_editor_actions_update   (GkRecordEditor   *self);
void gk_record_editor_undo             (GkRecordEditor   *self);
/* What the record-change dialog does with its date (as typed) and note. */
gboolean gk_record_editor_record_change (GkRecordEditor  *self,
                                        const char       *date,
                                        const char       *note,
                                        GError          **error);

G_END_DECLS
