/* gk-header-section.c: the record's identity and dates: title, item, project, unit, 索引号, 文号, deadline. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-a11y-value.h"
#include "gk-calendar.h"
#include "gk-date.h"
#include "gk-date-button.h"
#include "gk-deadline.h"
#include "gk-header-section.h"
#include "gk-item-edit.h"
#include "gk-unit-choice.h"
#include "gk-unit-item.h"
#include "gk-message-row.h"
#include "gk-project-row.h"

struct _GkHeaderSection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;
  AdwEntryRow *title_row;
  GkMessageRow *title_message_row;
  AdwActionRow *item_row;
  GkProjectRow *project_row;
  GtkDropDown *unit_dropdown;
  AdwActionRow *index_row;
  GtkWidget *copy_button;
  AdwEntryRow *doc_no_row;
  AdwEntryRow *formed_row;
  GkDateButton *formed_button;
  GkMessageRow *formed_message_row;
  AdwActionRow *due_row;
  GtkWidget *overdue_label;
  AdwActionRow *status_row;
  AdwActionRow *published_row;

  GkStore *store;
  GkRecord *record;        /* the record shown, which the rows are bound to */
  GPtrArray *bindings;     /* GBinding, to the record */
  char *formed_iso;        /* what the formation date entry holds, parsed; NULL when empty */
  char *formed_error;
  gboolean formed_follows_fields;  /* a request's formation date is its receipt date */
  char *formed_source;     /* the label of the field it follows otherwise (决定日期), or NULL */
  gboolean title_empty;    /* as last reported: the editor counts it as a problem */
};

static void gk_header_section_editor_section_init (GkEditorSectionInterface *iface);
static void unbind_record (GkHeaderSection *self);

/* The window's "due soon" setting, when the schema is installed. */
static guint
due_soon_workdays (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS;
  settings = g_settings_new (APP_ID);
  return g_settings_get_uint (settings, "due-soon-workdays");
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GkHeaderSection, gk_header_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_header_section_editor_section_init))

static void
gk_header_section_dispose (GObject *object)
{
  GkHeaderSection *self = GK_HEADER_SECTION (object);

  unbind_record (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_HEADER_SECTION);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_header_section_parent_class)->dispose (object);
}

static void
gk_header_section_finalize (GObject *object)
{
  GkHeaderSection *self = GK_HEADER_SECTION (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->formed_source, g_free);
  g_free (self->formed_iso);
  g_free (self->formed_error);

  G_OBJECT_CLASS (gk_header_section_parent_class)->finalize (object);
}

static gboolean
title_is_empty (GkHeaderSection *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  return *title == '\0';
}

static void
update_title_message (GkHeaderSection *self)
{
  gboolean empty = title_is_empty (self);

  gk_message_row_set_message (self->title_message_row,
                              empty ? _("A record needs a title; the last one is kept until then") : NULL,
                              GK_SEVERITY_ERROR);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->title_row), GTK_ACCESSIBLE_STATE_INVALID,
                               empty ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
parse_formed (GkHeaderSection *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->formed_row));

  g_clear_pointer (&self->formed_iso, g_free);
  g_clear_pointer (&self->formed_error, g_free);

  self->formed_iso = gk_date_parse_to_iso (text, &error);
  if (self->formed_iso == NULL && !g_error_matches (error, GK_DATE_ERROR, GK_DATE_ERROR_EMPTY))
    self->formed_error = g_strdup (error->message);
}

static void
update_formed_message (GkHeaderSection *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->formed_row), "error");

  if (self->formed_follows_fields && self->formed_source != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("This is the date the deadline runs from, “%s”, entered below"),
                                                  self->formed_source);

      gk_message_row_set_message (self->formed_message_row, message, GK_SEVERITY_OK);
    }
  else if (self->formed_follows_fields)
    gk_message_row_set_message (self->formed_message_row,
                                _("For a request this is the date the application was received, entered below"),
                                GK_SEVERITY_OK);
  else if (self->formed_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->formed_row), "error");
      gk_message_row_set_message (self->formed_message_row, self->formed_error, GK_SEVERITY_ERROR);
    }
  else
    gk_message_row_set_message (self->formed_message_row, NULL, GK_SEVERITY_OK);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->formed_row), GTK_ACCESSIBLE_STATE_INVALID,
                               self->formed_error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* The title, 文号 and formation date reach the record through their
 * bindings; the editor saves what changed there. The section itself reports
 * only a problem appearing or going, which the record does not see (an empty
 * title or an impossible date is not written into it). */
static void
on_title_row_changed_cb (GkHeaderSection *self)
{
  gboolean empty = title_is_empty (self);

  update_title_message (self);
  if (empty != self->title_empty)
    {
      self->title_empty = empty;
      gk_editor_section_changed (GK_EDITOR_SECTION (self));
    }
}

static void
on_formed_row_changed_cb (GkHeaderSection *self)
{
  gboolean had_error = self->formed_error != NULL;

  parse_formed (self);
  update_formed_message (self);
  if (had_error != (self->formed_error != NULL))
    gk_editor_section_changed (GK_EDITOR_SECTION (self));
}

static void
on_unit_dropdown_selected_cb (GkHeaderSection *self)
{
  /* Filling the choices for a record comes before showing it. */
  if (self->record == NULL || gtk_drop_down_get_selected (self->unit_dropdown) == GTK_INVALID_LIST_POSITION)
    return;

  gk_record_set_unit_id (self->record, gk_unit_choice_get (self->unit_dropdown));
  gk_record_set_unit_name (self->record, gk_unit_choice_get_name (self->unit_dropdown));
}

static void
on_project_row_changed_cb (GkHeaderSection *self)
{
  if (self->record != NULL && gtk_widget_get_visible (GTK_WIDGET (self->project_row)))
    gk_record_set_project_id (self->record, gk_project_row_get_project_id (self->project_row));
}

static void
on_formed_row_leave_cb (GkHeaderSection *self)
{
  /* Show the date as it is kept. */
  if (self->formed_iso != NULL &&
      g_strcmp0 (self->formed_iso, gtk_editable_get_text (GTK_EDITABLE (self->formed_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->formed_row), self->formed_iso);
}

static char *
describe_due (GkHeaderSection *self,
              GkRecord        *record,
              gboolean        *overdue)
{
  g_autofree char *today_iso = gk_today ();
  g_autofree char *words = NULL;
  GkTimelinessInfo info = { 0 };
  GDate due, published, today;
  gboolean has_published;

  *overdue = FALSE;
  if (gk_record_get_due_on (record) == NULL || !gk_date_from_iso (gk_record_get_due_on (record), &due, NULL))
    {
      if (gk_record_get_due_missing_year (record) != 0)
        return gk_calendar_describe_missing_year (gk_record_get_due_missing_year (record));
      if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_PROACTIVE) != 0)
        return g_strdup (_("No deadline: not disclosed proactively"));
      return g_strdup (_("No deadline"));
    }

  has_published = gk_record_get_published_on (record) != NULL && gk_date_from_iso (gk_record_get_published_on (record), &published, NULL);
  gk_date_from_iso (today_iso, &today, NULL);
  gk_deadline_get_timeliness (gk_store_get_calendar (self->store), &due, has_published ? &published : NULL,
                              &today, due_soon_workdays (), &info);
  /* The due date itself may have been counted over an unknown year. */
  if (info.missing_year == 0)
    info.missing_year = gk_record_get_due_missing_year (record);
  words = gk_timeliness_info_describe (&info);
  *overdue = info.status == GK_TIMELINESS_OVERDUE;

  /* A request's period may have been extended or paused: say so here,
   * where the reply due date is read. */
  if (gk_record_is_request (record))
    {
      GkRequestDeadline deadline;

      if (gk_store_get_request_deadline (self->store, record, &deadline, NULL))
        {
          g_auto(GStrv) progress = gk_request_deadline_describe_progress (&deadline, &today);

          if (progress[0] != NULL)
            {
              g_autofree char *joined = g_strjoinv (" · ", progress);
              g_autofree char *with_progress = g_strdup_printf ("%s · %s", words, joined);

              g_free (words);
              words = g_steal_pointer (&with_progress);
            }
        }
    }

  /* Translators: a due date, then its status in words ("Due in 3 working days") */
  return g_strdup_printf (_("%s · %s"), gk_record_get_due_on (record), words);
}

static void
show_due (GkHeaderSection *self)
{
  gboolean overdue;
  g_autofree char *due = describe_due (self, self->record, &overdue);

  adw_action_row_set_subtitle (self->due_row, due);
  gtk_widget_set_visible (self->overdue_label, overdue);
}

static gboolean
text_to_label_cb (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

/* An entry that already shows the value (the clerk's "标题 " is the
 * record's "标题") is left alone: setting it would move the cursor and eat
 * the space being typed. */
static gboolean
text_to_entry_cb (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GObject) entry = g_binding_dup_target (binding);
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  const char *text = g_value_get_string (from);

  if (g_strcmp0 (shown, text != NULL ? text : "") == 0)
    return FALSE;
  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

/* What the clerk typed, trimmed, is what the record keeps. */
static gboolean
entry_to_text_cb (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_take_string (to, g_strstrip (g_strdup (g_value_get_string (from))));
  return TRUE;
}

/* The ledger refuses an empty title: keep the last one until a new one is typed. */
static gboolean
entry_to_title_cb (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_autofree char *title = g_strstrip (g_strdup (g_value_get_string (from)));

  if (*title == '\0')
    return FALSE;
  g_value_take_string (to, g_steal_pointer (&title));
  return TRUE;
}

/* An impossible date is not kept (the deadline is counted from it); the row
 * says why. A request's date is its receipt date, set in its fields. */
static gboolean
entry_to_formed_cb (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  GkHeaderSection *self = GK_HEADER_SECTION (user_data);

  parse_formed (self);
  if (self->formed_follows_fields || self->formed_error != NULL)
    return FALSE;
  g_value_set_string (to, self->formed_iso);
  return TRUE;
}


static gboolean
published_to_label_cb (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  const char *published_on = g_value_get_string (from);

  g_value_set_string (to, published_on != NULL ? published_on : _("Not published"));
  return TRUE;
}

static void
bind (GkHeaderSection       *self,
      const char            *property,
      gpointer               target,
      const char            *target_property,
      GBindingFlags          flags,
      GBindingTransformFunc  to_target,
      GBindingTransformFunc  to_source)
{
  GBinding *binding = g_object_bind_property_full (self->record, property, target, target_property,
                                                   flags | G_BINDING_SYNC_CREATE,
                                                   to_target, to_source, self, NULL);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind_record (GkHeaderSection *self)
{
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL;

  bind (self, "title", self->title_row, "text", both, text_to_entry_cb, entry_to_title_cb);
  bind (self, "doc-no", self->doc_no_row, "text", both, text_to_entry_cb, entry_to_text_cb);
  bind (self, "formed-on", self->formed_row, "text", both, text_to_entry_cb, entry_to_formed_cb);
  bind (self, "index-no", self->index_row, "subtitle", 0, text_to_label_cb, NULL);
  bind (self, "status", self->status_row, "subtitle", 0, gk_record_transform_status_label, NULL);
  bind (self, "published-on", self->published_row, "subtitle", 0, published_to_label_cb, NULL);
}

static void
unbind_record (GkHeaderSection *self)
{
  for (guint i = 0; self->bindings != NULL && i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  if (self->bindings != NULL)
    g_ptr_array_set_size (self->bindings, 0);
  g_clear_object (&self->record);
}

static void
gk_header_section_set_record (GkEditorSection *section,
                              GkStore         *store,
                              GkRecord        *record,
                              GkItem          *item)
{
  GkHeaderSection *self = GK_HEADER_SECTION (section);
  g_autofree char *item_text = NULL;

  unbind_record (self);
  g_set_object (&self->store, store);
  gtk_widget_set_visible (GTK_WIDGET (self), record != NULL);
  if (record == NULL)
    return;

  g_clear_pointer (&self->formed_source, g_free);
  if (item != NULL)
    self->formed_source = gk_item_dup_start_label (item);
  self->formed_follows_fields = item != NULL && (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) == 0 ||
                                                 self->formed_source != NULL);
  if (item != NULL)
    /* Translators: a catalog item's first-level and second-level names */
    item_text = g_strdup_printf (_("%s · %s"), gk_item_get_level1 (item), gk_item_get_level2 (item));
  else
    item_text = g_strdup (gk_record_get_item_name (record));

  adw_action_row_set_subtitle (self->item_row, item_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->index_row), gk_record_get_number_label (record));
  /* A request is answered within its reply period (答复期限), not published. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row),
                                 gk_record_is_request (record) ? _("Reply Due") : _("Due On"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->published_row),
                                 gk_record_is_request (record) ? _("Replied On") : _("Published On"));
  gk_unit_choice_fill (self->unit_dropdown, self->store, gk_record_get_unit_id (record));
  /* Records of a chain's items belong to a project; a record of an item
   * since taken out of its chain may still be detached. */
  gk_project_row_setup (self->project_row, store, item != NULL ? gk_item_get_project_kind (item) : NULL,
                        gk_record_get_unit_id (record), gk_record_get_project_id (record));
  gtk_widget_set_visible (GTK_WIDGET (self->project_row),
                          (item != NULL && gk_item_get_project_kind (item) != NULL) || gk_record_get_project_id (record) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->formed_row), !self->formed_follows_fields);

  /* The choices show the record's own unit and project: from here on, what
   * the clerk chooses is written into it. */
  self->record = g_object_ref (record);
  bind_record (self);

  parse_formed (self);
  self->title_empty = title_is_empty (self);
  update_title_message (self);
  update_formed_message (self);
  show_due (self);
}

static void
gk_header_section_refresh (GkEditorSection *section,
                           GkRecord        *record)
{
  GkHeaderSection *self = GK_HEADER_SECTION (section);

  /* The editor went on to a fresh copy of the same record. */
  if (record != NULL && self->record != NULL && record != self->record)
    {
      unbind_record (self);
      self->record = g_object_ref (record);
      bind_record (self);
    }
  if (self->record != NULL && self->store != NULL)
    {
      show_due (self);
      update_formed_message (self);
    }
}

static GPtrArray *
gk_header_section_get_issues (GkEditorSection *section)
{
  GkHeaderSection *self = GK_HEADER_SECTION (section);
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  if (title_is_empty (self))
    g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, _("The title is empty")));
  if (!self->formed_follows_fields && self->formed_error != NULL)
    {
      /* Translators: the label of the formation date, then what is wrong with it */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), _("Formed or Changed On"), self->formed_error);

      g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, message));
    }

  return issues;
}

/* The header reports two problems at most: an empty title, then a bad date. */
static void
gk_header_section_focus_issue (GkEditorSection *section,
                               const GkIssue   *issue)
{
  GkHeaderSection *self = GK_HEADER_SECTION (section);

  gtk_widget_grab_focus (GTK_WIDGET (title_is_empty (self) ? self->title_row : self->formed_row));
}

static void
gk_header_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_header_section_set_record;
  iface->refresh = gk_header_section_refresh;
  iface->get_issues = gk_header_section_get_issues;
  iface->focus_issue = gk_header_section_focus_issue;
}

static void
gk_header_section_class_init (GkHeaderSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_header_section_dispose;
  object_class->finalize = gk_header_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-header-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, group);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, title_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, title_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, item_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, project_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, index_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, copy_button);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, doc_no_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, formed_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, formed_button);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, formed_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, due_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, GkHeaderSection, published_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_formed_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_project_row_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_DATE_BUTTON);
  g_type_ensure (GK_TYPE_MESSAGE_ROW);
  g_type_ensure (GK_TYPE_PROJECT_ROW);
  g_type_ensure (GK_TYPE_UNIT_ITEM);
}

static void
gk_header_section_init (GkHeaderSection *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  gk_a11y_value_follow (GTK_WIDGET (self->unit_dropdown), _("Responsible Unit"));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gk_date_button_set_field_label (self->formed_button, _("Formed or Changed On"));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_formed_row_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->formed_row), focus);
}

GtkWidget *
gk_header_section_get_row (GkHeaderSection *self,
                           const char      *name)
{
  const struct { const char *name; gpointer row; } rows[] = {
    { "title", self->title_row },
    { "project", self->project_row },
    { "unit", self->unit_dropdown },
    { "doc-no", self->doc_no_row },
    { "formed", self->formed_row },
    { "index", self->index_row },
    { "due", self->due_row },
    { "status", self->status_row },
    { "published", self->published_row },
  };

  g_return_val_if_fail (GK_IS_HEADER_SECTION (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, name) == 0)
      return rows[i].row;
  g_return_val_if_reached (NULL);
}
