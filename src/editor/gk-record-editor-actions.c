/* gk-record-editor-actions.c: the editor's commands (status moves, 变更, undo) as GActions, and when they apply. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-change-dialog.h"
#include "gk-date.h"
#include "gk-publish-dialog.h"
#include "gk-record-editor-private.h"

static const char *
current_status (GkRecordEditor *self)
{
  return self->record != NULL ? gk_record_get_status (self->record) : NULL;
}

static gboolean
status_is (GkRecordEditor *self,
           const char     *status)
{
  return g_strcmp0 (current_status (self), status) == 0;
}

static void
set_enabled (GkRecordEditor *self,
             const char     *name,
             gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
gk_record_editor_actions_update (GkRecordEditor *self)
{
  gboolean has_record = self->record != NULL && self->store != NULL;
  gboolean exempt = has_record && g_strcmp0 (gk_record_get_mode (self->record), GK_MODE_EXEMPT) == 0;

  set_enabled (self, "undo", has_record && (self->modified || !g_queue_is_empty (&self->undo)));
  set_enabled (self, "copy-index-number", has_record && gk_record_get_index_no (self->record) != NULL);
  set_enabled (self, "submit", has_record && status_is (self, GK_STATUS_DRAFT));
  /* Enabled even with errors: publishing then says what is missing. */
  set_enabled (self, "publish", has_record && !exempt &&
                                (status_is (self, GK_STATUS_DRAFT) || status_is (self, GK_STATUS_PENDING)));
  set_enabled (self, "explain-publish", has_record && exempt &&
                                        (status_is (self, GK_STATUS_DRAFT) || status_is (self, GK_STATUS_PENDING)));
  set_enabled (self, "withdraw", has_record && status_is (self, GK_STATUS_PUBLISHED));
  set_enabled (self, "reopen", has_record && (status_is (self, GK_STATUS_PENDING) || status_is (self, GK_STATUS_WITHDRAWN)));
  set_enabled (self, "record-change", has_record && status_is (self, GK_STATUS_PUBLISHED));
}

/* Every status move saves the pending edits first: the store judges what is stored. */
static gboolean
move_status (GkRecordEditor *self,
             const char     *status,
             const char     *date,
             const char     *done)
{
  g_autoptr(GError) error = NULL;

  if (!gk_record_editor_flush (self, NULL))
    return FALSE;

  if (!gk_store_set_status (self->store, self->record, status, date, &error))
    {
      gk_record_editor_show_banner (self, error->message);
      return FALSE;
    }

  gk_record_editor_show_banner (self, NULL);
  gk_record_editor_refresh (self);
  gk_record_editor_show_toast (self, done);
  return TRUE;
}

static void
submit_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  move_status (GK_RECORD_EDITOR (user_data), GK_STATUS_PENDING, NULL, _("Submitted for review"));
}

static void
on_publish_response_cb (GkPublishDialog *dialog,
                        const char      *response,
                        GkRecordEditor  *self)
{
  g_autofree char *date = gk_publish_dialog_dup_date (dialog);
  g_autoptr(GPtrArray) chosen = NULL;
  g_auto(GStrv) names = NULL;

  self->publish_dialog = NULL;
  if (g_strcmp0 (response, "publish") != 0 || date == NULL || self->record == NULL)
    return;

  /* The channels ticked are used, dated with the publication unless the
   * clerk dated them already; the others are not used. */
  chosen = gk_publish_dialog_get_channels (dialog);
  names = gk_publish_dialog_dup_names (dialog);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const GkRecordChannel *used = NULL;
      g_autofree char *old_date = NULL;

      for (guint j = 0; j < chosen->len; j++)
        if (g_strcmp0 (((GkRecordChannel *) g_ptr_array_index (chosen, j))->channel, names[i]) == 0)
          used = g_ptr_array_index (chosen, j);

      if (used == NULL)
        {
          gk_disclosure_section_set_channel (self->disclosure_section, names[i], NULL, NULL);
          continue;
        }
      if (!gk_disclosure_section_get_channel (self->disclosure_section, names[i], &old_date, NULL) ||
          old_date == NULL || *old_date == '\0')
        {
          g_free (old_date);
          old_date = g_strdup (date);
        }
      gk_disclosure_section_set_channel (self->disclosure_section, names[i], old_date,
                                         used->address != NULL ? used->address : "");
    }

  if (!move_status (self, GK_STATUS_PUBLISHED, date, _("Published")))
    return;
  gk_record_editor_flush (self, NULL);
}

static void
publish_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (user_data);
  g_autofree char *errors = NULL;
  g_autofree char *today = gk_today ();
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  GkPublishDialog *dialog;
  gboolean any_used = FALSE;
  GtkRoot *root;

  if (self->publish_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->publish_dialog));
      return;
    }

  if (!gk_record_editor_flush (self, &error))
    return;

  /* Say everything that is missing at once, in the clerk's words. */
  errors = gk_record_editor_dup_issues_text (self, GK_SEVERITY_ERROR);
  if (*errors != '\0')
    {
      gk_record_editor_show_publish_issues (self);
      return;
    }

  /* When and where: the date (today unless the clerk says otherwise) and
   * the channels, as the disclosure section has them so far. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gk_publish_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, gk_record_get_title (self->record), today);
  names = gk_disclosure_section_dup_channel_names (self->disclosure_section);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *address = NULL;
      gboolean used = gk_disclosure_section_get_channel (self->disclosure_section, names[i], NULL, &address);
      g_autofree char *known = gk_store_dup_channel_address_hint (self->store, names[i], NULL);

      gk_publish_dialog_add_channel (dialog, names[i], used, address, known);
      any_used |= used;
    }
  /* None chosen yet: the item's first channel, usually the portal. */
  if (!any_used && names[0] != NULL)
    gk_publish_dialog_set_channel (dialog, names[0], TRUE, NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response_cb), self, 0);
  self->publish_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
withdraw_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  move_status (GK_RECORD_EDITOR (user_data), GK_STATUS_WITHDRAWN, NULL, _("Withdrawn"));
}

static void
reopen_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  move_status (GK_RECORD_EDITOR (user_data), GK_STATUS_DRAFT, NULL, _("Back to draft"));
}

gboolean
gk_record_editor_record_change (GkRecordEditor  *self,
                                const char      *date,
                                const char      *note,
                                GError         **error)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (GK_IS_RECORD_EDITOR (self), FALSE);

  if (self->record == NULL)
    return TRUE;

  iso = gk_date_parse_to_iso (date, error);
  if (iso == NULL)
    return FALSE;

  if (!gk_record_editor_flush (self, error))
    return FALSE;

  if (!gk_store_record_change (self->store, self->record, iso, note, error))
    return FALSE;

  /* The change date is the new formation date: show it and the new deadline. */
  for (guint i = 0; i < self->sections->len; i++)
    gk_editor_section_set_record (g_ptr_array_index (self->sections, i), self->store, self->record, self->item);
  gk_record_editor_refresh (self);
  gk_record_editor_show_toast (self, _("Change recorded: the earlier publication stays public until this one is published"));
  return TRUE;
}

static void
on_change_dialog_response_cb (GkChangeDialog *dialog,
                              const char     *response,
                              GkRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") == 0 &&
      !gk_record_editor_record_change (self, gk_change_dialog_get_date (dialog), gk_change_dialog_get_note (dialog), &error))
    gk_record_editor_show_banner (self, error->message);

  self->change_dialog = NULL;
}

static void
record_change_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (user_data);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->change_dialog == NULL)
    {
      self->change_dialog = GK_CHANGE_DIALOG (gk_change_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL));
      g_signal_connect_object (self->change_dialog, "response", G_CALLBACK (on_change_dialog_response_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (self->change_dialog));
}

void
gk_record_editor_undo (GkRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  GkEditorSnapshot *snapshot;
  GkRecord *record = self->record;
  GkRecord *before;

  if (record == NULL)
    return;

  /* Pending edits become the last save, so they are what is undone. */
  if (!gk_record_editor_flush (self, NULL))
    return;

  snapshot = g_queue_pop_head (&self->undo);
  if (snapshot == NULL)
    return;

  before = snapshot->record;
  /* Restoring is not an edit: no save is scheduled for it. */
  self->saving = TRUE;
  gk_record_set_title (record, gk_record_get_title (before));
  gk_record_set_body (record, gk_record_get_body (before));
  gk_record_set_values (record, gk_record_get_values (before));
  gk_record_set_doc_no (record, gk_record_get_doc_no (before));
  gk_record_set_formed_on (record, gk_record_get_formed_on (before));
  gk_record_set_unit_name (record, gk_record_get_unit_name (before));
  gk_record_set_unit_id (record, gk_record_get_unit_id (before));
  gk_record_set_project_id (record, gk_record_get_project_id (before));
  /* A published record cannot go back to 不予公开: its mode stays. */
  if (!(g_strcmp0 (gk_record_get_mode (before), GK_MODE_EXEMPT) == 0 && g_strcmp0 (gk_record_get_status (record), GK_STATUS_PUBLISHED) == 0))
    {
      gk_record_set_mode (record, gk_record_get_mode (before));
      gk_record_set_exemption (record, gk_record_get_exemption (before));
      gk_record_set_exemption_reason (record, gk_record_get_exemption_reason (before));
    }

  if (!gk_store_save_record (self->store, record, &error) ||
      !gk_store_set_record_channels (self->store, gk_record_get_uuid (record), snapshot->channels, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The change could not be undone: %s"), error->message);

      gk_record_editor_show_banner (self, message);
    }
  gk_editor_snapshot_free (snapshot);

  for (guint i = 0; i < self->sections->len; i++)
    gk_editor_section_set_record (g_ptr_array_index (self->sections, i), self->store, record, self->item);
  self->saving = FALSE;
  gk_record_editor_refresh (self);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  gk_record_editor_undo (GK_RECORD_EDITOR (user_data));
}

static void
copy_index_number_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GkRecordEditor *self = GK_RECORD_EDITOR (user_data);

  if (self->record == NULL || gk_record_get_index_no (self->record) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), gk_record_get_index_no (self->record));
  gk_record_editor_show_toast (self, _("Index number copied"));
}

/* In the ✓ menu in place of Publish, for a record that may not be published. */
static void
explain_publish_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  gk_record_editor_show_toast (GK_RECORD_EDITOR (user_data),
                               _("A record not to be disclosed (不予公开) is never published: change its disclosure mode first"));
}

static const GActionEntry action_entries[] = {
  { "undo", undo_activated },
  { "submit", submit_activated },
  { "publish", publish_activated },
  { "withdraw", withdraw_activated },
  { "reopen", reopen_activated },
  { "record-change", record_change_activated },
  { "copy-index-number", copy_index_number_activated },
  { "explain-publish", explain_publish_activated },
};

void
gk_record_editor_actions_init (GkRecordEditor *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "editor", G_ACTION_GROUP (self->actions));

  /* Ctrl+Z undoes the record's last edit even while a text field has the
   * focus: caught in the capture phase, before the entry's own undo. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                               gtk_named_action_new ("editor.undo"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gk_record_editor_actions_update (self);
}
