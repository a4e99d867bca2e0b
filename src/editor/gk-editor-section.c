/* gk-editor-section.c: the contract every part of the record editor keeps. */
#include "config.h"

#include "gk-editor-section.h"
#include "gk-schema.h"

G_DEFINE_INTERFACE (GkEditorSection, gk_editor_section, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
gk_editor_section_real_get_issues (GkEditorSection *self)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
}

static void
gk_editor_section_real_focus_issue (GkEditorSection *self,
                                    const GkIssue   *issue)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
gk_editor_section_default_init (GkEditorSectionInterface *iface)
{
  iface->get_issues = gk_editor_section_real_get_issues;
  iface->focus_issue = gk_editor_section_real_focus_issue;

  /**
   * GkEditorSection::changed:
   *
   * The clerk edited the section: the editor validates again and schedules
   * a save. Not emitted when the record is set or refreshed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
gk_editor_section_set_record (GkEditorSection *self,
                              GkStore         *store,
                              GkRecord        *record,
                              GkItem          *item)
{
  g_return_if_fail (GK_IS_EDITOR_SECTION (self));
  g_return_if_fail (item == NULL || GK_IS_ITEM (item));

  GK_EDITOR_SECTION_GET_IFACE (self)->set_record (self, store, record, record != NULL ? item : NULL);
}

void
gk_editor_section_refresh (GkEditorSection *self,
                           GkRecord        *record)
{
  GkEditorSectionInterface *iface;

  g_return_if_fail (GK_IS_EDITOR_SECTION (self));

  iface = GK_EDITOR_SECTION_GET_IFACE (self);
  if (iface->refresh != NULL)
    iface->refresh (self, record);
}

gboolean
gk_editor_section_save (GkEditorSection  *self,
                        GkStore          *store,
                        GkRecord         *record,
                        gboolean         *changed,
                        GError          **error)
{
  GkEditorSectionInterface *iface;

  g_return_val_if_fail (GK_IS_EDITOR_SECTION (self), FALSE);

  if (changed != NULL)
    *changed = FALSE;
  iface = GK_EDITOR_SECTION_GET_IFACE (self);
  if (iface->save == NULL)
    return TRUE;
  return iface->save (self, store, record, changed, error);
}

GPtrArray *
gk_editor_section_get_issues (GkEditorSection *self)
{
  g_return_val_if_fail (GK_IS_EDITOR_SECTION (self), NULL);

  return GK_EDITOR_SECTION_GET_IFACE (self)->get_issues (self);
}

void
gk_editor_section_focus_issue (GkEditorSection *self,
                               const GkIssue   *issue)
{
  g_return_if_fail (GK_IS_EDITOR_SECTION (self));
  g_return_if_fail (issue != NULL);

  GK_EDITOR_SECTION_GET_IFACE (self)->focus_issue (self, issue);
}

void
gk_editor_section_changed (GkEditorSection *self)
{
  g_return_if_fail (GK_IS_EDITOR_SECTION (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
