/* gk-record-editor.c: the record editor: its sections, validation, debounced saving and undo. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-record-editor-private.h"

/* Undo goes back this many saves. */
#define MAX_UNDO 50

G_DEFINE_FINAL_TYPE (GkRecordEditor, gk_record_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_MODIFIED,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
gk_editor_snapshot_free (GkEditorSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_object (&snapshot->record);
  g_clear_pointer (&snapshot->channels, g_ptr_array_unref);
  g_free (snapshot);
}

static void
clear_undo (GkRecordEditor *self)
{
  g_queue_clear_full (&self->undo, (GDestroyNotify) gk_editor_snapshot_free);
}

static void
set_modified (GkRecordEditor *self,
              gboolean        modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_save_state (GkRecordEditor *self,
                 const char     *text)
{
  gtk_label_set_text (self->save_label, text != NULL ? text : "");
}

GPtrArray *
gk_record_editor_get_issues (GkRecordEditor *self)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), issues);

  if (self->record == NULL)
    return issues;

  for (guint i = 0; i < self->sections->len; i++)
    {
      g_autoptr(GPtrArray) section_issues = gk_editor_section_get_issues (g_ptr_array_index (self->sections, i));

      g_ptr_array_extend_and_steal (issues, g_steal_pointer (&section_issues));
    }
  if (self->store != NULL)
    g_ptr_array_extend_and_steal (issues, gk_store_get_deadline_issues (self->store, self->record));

  return issues;
}

/* One issue a line, with the labels of the item's fields. */
char *
gk_record_editor_dup_issues_text (GkRecordEditor *self,
                                  GkSeverity      severity)
{
  g_autoptr(GPtrArray) issues = gk_record_editor_get_issues (self);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *line = NULL;

      if (issue->severity != severity)
        continue;
      line = gk_issue_format (issue, self->item != NULL ? gk_item_get_schema (self->item) : NULL);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One row of the issues list: the problem in the clerk's words; activating it goes to the field. */
static GtkWidget *
create_issue_row (GkRecordEditor *self,
                  const GkIssue  *issue)
{
  g_autofree char *text = gk_issue_format (issue, self->item != NULL ? gk_item_get_schema (self->item) : NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (issue->severity == GK_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                                                      : "dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (icon, issue->severity == GK_SEVERITY_ERROR ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  issue->severity == GK_SEVERITY_ERROR ? _("Problem") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The issues list, rebuilt from every section's issues. */
static void
update_issues_list (GkRecordEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_list))) != NULL)
    gtk_list_box_remove (self->issues_list, child);
  g_ptr_array_set_size (self->issues, 0);
  g_ptr_array_set_size (self->issue_sections, 0);

  if (self->record == NULL)
    return;

  for (guint i = 0; i < self->sections->len; i++)
    {
      GkEditorSection *section = g_ptr_array_index (self->sections, i);
      g_autoptr(GPtrArray) section_issues = gk_editor_section_get_issues (section);

      for (guint j = 0; j < section_issues->len; j++)
        {
          const GkIssue *issue = g_ptr_array_index (section_issues, j);

          gtk_list_box_append (self->issues_list, create_issue_row (self, issue));
          g_ptr_array_add (self->issue_sections, section);
        }
      g_ptr_array_extend_and_steal (self->issues, g_steal_pointer (&section_issues));
    }

  /* The deadline rules' problems are about fields: their section takes the clerk there. */
  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) deadline_issues = gk_store_get_deadline_issues (self->store, self->record);

      for (guint j = 0; j < deadline_issues->len; j++)
        {
          const GkIssue *issue = g_ptr_array_index (deadline_issues, j);
          gpointer section = self->header_section;

          if (issue->field_id != NULL && gk_fields_section_get_editor (self->fields_section, issue->field_id) != NULL)
            section = self->fields_section;
          else if (issue->field_id != NULL && gk_tables_section_get_editor (self->tables_section, issue->field_id) != NULL)
            section = self->tables_section;
          gtk_list_box_append (self->issues_list, create_issue_row (self, issue));
          g_ptr_array_add (self->issue_sections, section);
        }
      g_ptr_array_extend_and_steal (self->issues, g_steal_pointer (&deadline_issues));
    }
}

static void
on_issues_list_row_activated_cb (GkRecordEditor *self,
                                 GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->issues->len)
    return;
  gk_record_editor_focus_issue (self, g_ptr_array_index (self->issues, index));
}

static void
update_validity (GkRecordEditor *self)
{
  guint n_errors = 0, n_warnings = 0;
  g_autofree char *text = NULL;
  gboolean valid;

  update_issues_list (self);
  for (guint i = 0; i < self->issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (self->issues, i);

      if (issue->severity == GK_SEVERITY_ERROR)
        n_errors++;
      else if (issue->severity == GK_SEVERITY_WARNING)
        n_warnings++;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "warning");
  if (n_errors > 0)
    {
      text = g_strdup_printf (ngettext ("%u problem to fix before publishing",
                                        "%u problems to fix before publishing", n_errors), n_errors);
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
    }
  else if (n_warnings > 0)
    {
      text = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "warning");
    }
  gtk_label_set_text (self->problems_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), text != NULL);
  if (text == NULL)
    gtk_toggle_button_set_active (self->problems_button, FALSE);

  /* What blocked publishing follows the fields, and goes once they are fixed. */
  if (self->banner_shows_issues)
    {
      if (n_errors == 0)
        gk_record_editor_show_banner (self, NULL);
      else
        gk_record_editor_show_publish_issues (self);
    }

  valid = self->record != NULL && n_errors == 0;
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
set_banner (GkRecordEditor *self,
            const char     *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  /* Hidden, the banner takes no room (a revealer would keep the box's spacing). */
  gtk_widget_set_visible (GTK_WIDGET (self->banner_revealer), message != NULL);
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
  /* GTK 4.8 cannot announce: a screen reader reads an alert by its name
   * when it appears or changes, so the name is the message. */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
gk_record_editor_show_banner (GkRecordEditor *self,
                              const char     *message)
{
  self->banner_shows_issues = FALSE;
  set_banner (self, message);
  /* The banner is at the top of a long form: bring it into view. */
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

void
gk_record_editor_show_publish_issues (GkRecordEditor *self)
{
  g_autofree char *errors = gk_record_editor_dup_issues_text (self, GK_SEVERITY_ERROR);
  g_autofree char *message = g_strdup_printf ("%s\n%s", _("This record cannot be published yet:"), errors);
  gboolean shown = self->banner_shows_issues;

  set_banner (self, message);
  self->banner_shows_issues = TRUE;
  if (!shown)
    {
      gtk_toggle_button_set_active (self->problems_button, TRUE);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
    }
}

void
gk_record_editor_focus_issue (GkRecordEditor *self,
                              const GkIssue  *issue)
{
  g_return_if_fail (GK_IS_RECORD_EDITOR (self));
  g_return_if_fail (issue != NULL);

  for (guint i = 0; i < self->issues->len; i++)
    {
      const GkIssue *shown = g_ptr_array_index (self->issues, i);

      if (shown == issue ||
          (g_strcmp0 (shown->field_id, issue->field_id) == 0 && g_strcmp0 (shown->message, issue->message) == 0))
        {
          gk_editor_section_focus_issue (g_ptr_array_index (self->issue_sections, i), shown);
          return;
        }
    }
}

void
gk_record_editor_show_toast (GkRecordEditor *self,
                             const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_banner_close_button_clicked_cb (GkRecordEditor *self)
{
  gk_record_editor_show_banner (self, NULL);
}

/* The stored record and channels, as undo restores them. */
static GkEditorSnapshot *
take_snapshot (GkRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  GkEditorSnapshot *snapshot = g_new0 (GkEditorSnapshot, 1);

  snapshot->record = gk_store_get_record (self->store, gk_record_get_uuid (self->record), &error);
  if (snapshot->record != NULL)
    snapshot->channels = gk_store_get_record_channels (self->store, gk_record_get_uuid (self->record), &error);
  if (snapshot->record == NULL || snapshot->channels == NULL)
    {
      g_warning ("Could not keep the state of %s for undo: %s", gk_record_get_uuid (self->record), error->message);
      gk_editor_snapshot_free (snapshot);
      return NULL;
    }
  return snapshot;
}

static void
refresh_sections (GkRecordEditor *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    gk_editor_section_refresh (g_ptr_array_index (self->sections, i), self->record);
}

gboolean
gk_record_editor_flush (GkRecordEditor  *self,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GkEditorSnapshot *snapshot;
  g_autofree char *updated_before = NULL;
  gboolean changed = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (!self->modified || self->saving || self->record == NULL || self->store == NULL)
    return TRUE;

  snapshot = take_snapshot (self);
  updated_before = g_strdup (snapshot != NULL ? gk_record_get_updated_at (snapshot->record) : NULL);

  /* The sections wrote into the record as the clerk edited. What the store
   * moves while saving (dates, index number) and announces back is not an
   * edit. */
  self->saving = TRUE;

  /* An invalid draft is saved all the same: only publishing needs it valid. */
  ok = gk_store_save_record (self->store, self->record, &local_error);
  changed = ok && g_strcmp0 (updated_before, gk_record_get_updated_at (self->record)) != 0;
  for (guint i = 0; ok && i < self->sections->len; i++)
    {
      gboolean section_changed = FALSE;

      ok = gk_editor_section_save (g_ptr_array_index (self->sections, i), self->store, self->record,
                                   &section_changed, &local_error);
      changed |= section_changed;
    }
  self->saving = FALSE;

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The last changes could not be saved: %s"), local_error->message);

      gk_editor_snapshot_free (snapshot);
      gk_record_editor_show_banner (self, message);
      show_save_state (self, _("Not saved"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (changed && snapshot != NULL)
    {
      g_queue_push_head (&self->undo, snapshot);
      while (g_queue_get_length (&self->undo) > MAX_UNDO)
        gk_editor_snapshot_free (g_queue_pop_tail (&self->undo));
    }
  else
    gk_editor_snapshot_free (snapshot);

  set_modified (self, FALSE);
  show_save_state (self, _("All changes saved"));
  refresh_sections (self);
  gk_record_editor_actions_update (self);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (user_data);

  self->save_timeout_id = 0;
  /* A failure shows in the banner; the edits stay pending. */
  gk_record_editor_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_section_changed_cb (GkRecordEditor *self)
{
  /* While saving or undoing, the widgets follow the record: not an edit. */
  if (self->record == NULL || self->saving)
    return;

  set_modified (self, TRUE);
  show_save_state (self, _("Editing…"));
  update_validity (self);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (GK_RECORD_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
  gk_record_editor_actions_update (self);
}

/* What the clerk edits; the rest only the store moves (status, dates it
 * computes, the index number), and that is not an edit to save. */
static gboolean
is_edited_property (const char *name)
{
  static const char * const edited[] = {
    "title", "body", "doc-no", "formed-on", "unit-id", "unit-name", "project-id",
    "mode", "exemption", "exemption-reason",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edited); i++)
    if (g_strcmp0 (edited[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Autosave follows the record: whatever a section or a binding changed in
 * it is saved after the delay. */
static void
on_record_notify_cb (GkRecordEditor *self,
                     GParamSpec     *pspec)
{
  if (!self->saving && is_edited_property (pspec->name))
    on_section_changed_cb (self);
}

static void
on_record_value_changed_cb (GkRecordEditor *self)
{
  if (!self->saving)
    on_section_changed_cb (self);
}

/* The earlier publications a 变更 superseded, latest first; the one still
 * public while the change is prepared says so. */
static void
update_publications (GkRecordEditor *self)
{
  g_autoptr(GPtrArray) publications = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->publications_list))) != NULL)
    gtk_list_box_remove (self->publications_list, child);

  if (self->record != NULL && self->store != NULL)
    {
      publications = gk_store_get_publications (self->store, self->record, &error);
      if (publications == NULL)
        g_warning ("The record's earlier publications cannot be read: %s", error->message);
    }
  for (guint i = 0; publications != NULL && i < publications->len; i++)
    {
      const GkPublication *publication = g_ptr_array_index (publications, i);
      g_autofree char *subtitle = gk_publication_describe (publication);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     publication->still_public ? _("Earlier Publication, Still Public")
                                                               : _("Earlier Publication"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->publications_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->publications_list), publications != NULL && publications->len > 0);
}

/* A published record's text is read-only until a 变更 is recorded; the
 * card offers it. Requests are answered, not published, and stay open. */
static void
update_published_state (GkRecordEditor *self)
{
  gboolean locked = self->record != NULL &&
                    g_strcmp0 (gk_record_get_status (self->record), GK_STATUS_PUBLISHED) == 0 &&
                    g_strcmp0 (gk_record_get_domain (self->record), "request") != 0;

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A text field losing its sensitivity while it has the focus misses its
   * focus-out: let go of it first. */
  if (locked && focus != NULL &&
      (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->header_section)) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->fields_section)) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tables_section))))
    gtk_root_set_focus (root, NULL);

  gtk_widget_set_visible (self->published_card, locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->header_section), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_section), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tables_section), !locked);
}

void
gk_record_editor_refresh (GkRecordEditor *self)
{
  update_publications (self);
  update_published_state (self);
  refresh_sections (self);
  update_validity (self);
  gk_record_editor_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* The record's item, asked for once: the sections receive it with the record. */
static void
load_item (GkRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->item);
  if (self->record == NULL || self->store == NULL)
    return;
  self->item = gk_store_get_item_by_id (self->store, gk_record_get_item_id (self->record), &error);
  if (self->item == NULL)
    g_warning ("Could not read the catalog item of %s: %s", gk_record_get_uuid (self->record), error->message);
}

static void
connect_record (GkRecordEditor *self)
{
  g_signal_connect_swapped (self->record, "notify", G_CALLBACK (on_record_notify_cb), self);
  g_signal_connect_swapped (self->record, "value-changed", G_CALLBACK (on_record_value_changed_cb), self);
}

/* The same record, fresh from the store (the list read it again): edit
 * that one from now on, so that the list row keeps following it. What the
 * clerk typed and is not saved yet moves over; the rest is the store's. */
static void
adopt_record (GkRecordEditor *self,
              GkRecord       *fresh)
{
  g_autoptr(GkRecord) old = g_object_ref (self->record);

  g_signal_handlers_disconnect_by_data (old, self);
  if (self->modified)
    {
      gk_record_set_title (fresh, gk_record_get_title (old));
      gk_record_set_body (fresh, gk_record_get_body (old));
      gk_record_set_values (fresh, gk_record_get_values (old));
      gk_record_set_doc_no (fresh, gk_record_get_doc_no (old));
      gk_record_set_formed_on (fresh, gk_record_get_formed_on (old));
      gk_record_set_unit_id (fresh, gk_record_get_unit_id (old));
      gk_record_set_unit_name (fresh, gk_record_get_unit_name (old));
      gk_record_set_project_id (fresh, gk_record_get_project_id (old));
      gk_record_set_mode (fresh, gk_record_get_mode (old));
      gk_record_set_exemption (fresh, gk_record_get_exemption (old));
      gk_record_set_exemption_reason (fresh, gk_record_get_exemption_reason (old));
    }
  g_set_object (&self->record, fresh);
  connect_record (self);
}

void
gk_record_editor_set_record (GkRecordEditor *self,
                             GkRecord       *record)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GK_IS_RECORD_EDITOR (self));
  g_return_if_fail (record == NULL || GK_IS_RECORD (record));

  /* Called back from our own save, as the window follows "records-changed":
   * the record being saved or being set stays. */
  if (self->saving)
    return;

  if (record != NULL && self->record != NULL && g_strcmp0 (gk_record_get_uuid (record), gk_record_get_uuid (self->record)) == 0)
    {
      if (record == self->record)
        return;
      adopt_record (self, record);
      gk_record_editor_refresh (self);
      return;
    }

  /* Leaving a record never loses what was typed in it. */
  if (!gk_record_editor_flush (self, &error))
    g_warning ("Could not save the record before leaving it: %s", error->message);

  /* A change date asked for the record being left is not for the next one. */
  if (self->change_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->change_dialog)));
  if (self->publish_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->publish_dialog)));

  clear_undo (self);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_set_object (&self->record, record);
  load_item (self);
  if (record != NULL)
    connect_record (self);

  for (guint i = 0; i < self->sections->len; i++)
    gk_editor_section_set_record (g_ptr_array_index (self->sections, i), self->store, self->record, self->item);

  update_publications (self);
  update_published_state (self);
  gk_record_editor_show_banner (self, NULL);
  show_save_state (self, self->record != NULL ? _("Changes are saved as you type") : NULL);
  set_modified (self, FALSE);
  update_validity (self);
  gk_record_editor_actions_update (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

static void
gk_record_editor_unmap (GtkWidget *widget)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  /* Hidden, folded away or closing: save now rather than in 500 ms. */
  if (!gk_record_editor_flush (self, &error))
    g_warning ("Could not save the record: %s", error->message);

  GTK_WIDGET_CLASS (gk_record_editor_parent_class)->unmap (widget);
}

static void
gk_record_editor_dispose (GObject *object)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (object);
  g_autoptr(GError) error = NULL;

  if (!gk_record_editor_flush (self, &error))
    g_warning ("Could not save the record: %s", error->message);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);

  if (self->change_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->change_dialog)));
  if (self->publish_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->publish_dialog)));

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_RECORD_EDITOR);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->issue_sections, g_ptr_array_unref);
  clear_undo (self);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gk_record_editor_parent_class)->dispose (object);
}

static void
gk_record_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gk_record_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      gk_record_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_editor_class_init (GkRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_record_editor_dispose;
  object_class->get_property = gk_record_editor_get_property;
  object_class->set_property = gk_record_editor_set_property;
  widget_class->unmap = gk_record_editor_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, GK_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, published_card);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, publications_list);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, problems_button);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, issues_list);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, header_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, fields_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, tables_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, disclosure_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, attachments_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, project_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, corrections_section);
  gtk_widget_class_bind_template_child (widget_class, GkRecordEditor, history_section);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_issues_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_HEADER_SECTION);
  g_type_ensure (GK_TYPE_FIELDS_SECTION);
  g_type_ensure (GK_TYPE_TABLES_SECTION);
  g_type_ensure (GK_TYPE_DISCLOSURE_SECTION);
  g_type_ensure (GK_TYPE_ATTACHMENTS_SECTION);
  g_type_ensure (GK_TYPE_PROJECT_SECTION);
  g_type_ensure (GK_TYPE_CORRECTIONS_SECTION);
  g_type_ensure (GK_TYPE_HISTORY_SECTION);
}

static void
gk_record_editor_init (GkRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->undo);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  self->issue_sections = g_ptr_array_new ();
  self->sections = g_ptr_array_new ();
  g_ptr_array_add (self->sections, self->header_section);
  g_ptr_array_add (self->sections, self->fields_section);
  g_ptr_array_add (self->sections, self->tables_section);
  g_ptr_array_add (self->sections, self->disclosure_section);
  g_ptr_array_add (self->sections, self->attachments_section);
  g_ptr_array_add (self->sections, self->project_section);
  g_ptr_array_add (self->sections, self->corrections_section);
  g_ptr_array_add (self->sections, self->history_section);

  gk_record_editor_actions_init (self);

  for (guint i = 0; i < self->sections->len; i++)
    gk_editor_section_set_record (g_ptr_array_index (self->sections, i), NULL, NULL, NULL);
}

GtkWidget *
gk_record_editor_new (GkStore *store)
{
  return g_object_new (GK_TYPE_RECORD_EDITOR, "store", store, NULL);
}

void
gk_record_editor_set_store (GkRecordEditor *self,
                            GkStore        *store)
{
  g_return_if_fail (GK_IS_RECORD_EDITOR (self));
  g_return_if_fail (store == NULL || GK_IS_STORE (store));

  if (self->store == store)
    return;

  /* A record belongs to its ledger: leave it, saved, first. */
  gk_record_editor_set_record (self, NULL);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GkRecord *
gk_record_editor_get_record (GkRecordEditor *self)
{
  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

void
gk_record_editor_focus_title (GkRecordEditor *self)
{
  g_return_if_fail (GK_IS_RECORD_EDITOR (self));

  gtk_widget_grab_focus (gk_header_section_get_row (self->header_section, "title"));
}

gboolean
gk_record_editor_get_modified (GkRecordEditor *self)
{
  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), FALSE);
  return self->modified;
}

gboolean
gk_record_editor_get_valid (GkRecordEditor *self)
{
  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), FALSE);
  return self->valid;
}

GActionGroup *
gk_record_editor_get_actions (GkRecordEditor *self)
{
  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), NULL);
  return G_ACTION_GROUP (self->actions);
}
