/* gk-field-editor.c: one scalar field as a row that checks what the clerk types, in plain words. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-a11y-value.h"
#include "gk-date-button.h"
#include "gk-field-editor.h"
#include "gk-message-row.h"

struct _GkFieldEditor
{
  GObject parent_instance;

  GkField *field;
  GtkWidget *row;
  GtkWidget *message_row;       /* GkMessageRow */

  /* One of these takes the input, by kind. */
  GtkEditable *editable;
  GtkTextView *text_view;
  GtkStringList *choices;       /* item 0: not chosen; then the labels; then an unknown stored value */
  char *unknown_choice;

  JsonNode *value;
  GkSeverity severity;
  char *message;
  char *help;
  gboolean touched;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GkFieldEditor, gk_field_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gk_field_editor_dispose (GObject *object)
{
  GkFieldEditor *self = GK_FIELD_EDITOR (object);

  g_clear_object (&self->row);
  g_clear_object (&self->message_row);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (gk_field_editor_parent_class)->dispose (object);
}

static void
gk_field_editor_finalize (GObject *object)
{
  GkFieldEditor *self = GK_FIELD_EDITOR (object);

  g_clear_pointer (&self->field, gk_field_free);
  g_clear_pointer (&self->value, json_node_unref);
  g_free (self->message);
  g_free (self->help);
  g_free (self->unknown_choice);

  G_OBJECT_CLASS (gk_field_editor_parent_class)->finalize (object);
}

static void
gk_field_editor_class_init (GkFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_field_editor_dispose;
  object_class->finalize = gk_field_editor_finalize;

  /**
   * GkFieldEditor::changed:
   *
   * The clerk changed the value (not emitted by gk_field_editor_set_value()).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_field_editor_init (GkFieldEditor *self)
{
}

void
gk_field_check_value (const GkField  *field,
                      JsonNode       *value,
                      GkSeverity     *severity,
                      char          **message)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  GkSeverity worst;

  gk_field_validate_value (field, value, issues);
  worst = gk_issues_get_severity (issues);
  *severity = worst;
  *message = NULL;
  for (guint i = 0; i < issues->len; i++)
    {
      const GkIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == worst)
        {
          *message = g_strdup (issue->message);
          break;
        }
    }
}

char *
gk_field_dup_title (const GkField *field)
{
  if (field->required)
    /* Translators: the label of a field the clerk must fill */
    return g_strdup_printf (_("%s *"), field->label);
  return g_strdup (field->label);
}

static char *
dup_input_text (GkFieldEditor *self)
{
  if (self->editable != NULL)
    return g_strdup (gtk_editable_get_text (self->editable));

  if (self->text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  if (self->choices != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->row));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected >= n)
        return g_strdup ("");
      if (self->unknown_choice != NULL && selected == n - 1)
        return g_strdup (self->unknown_choice);
      return g_strdup (((GkChoice *) g_ptr_array_index (self->field->choices, selected - 1))->value);
    }

  return g_strdup ("");
}

/* What the row shows: problems once the clerk has typed or left the field,
 * so a new record is not a wall of red; help otherwise. */
static void
update_display (GkFieldEditor *self)
{
  gboolean show_problem = self->severity != GK_SEVERITY_OK && (self->value != NULL || self->touched);
  GtkWidget *styled = self->text_view != NULL ? GTK_WIDGET (self->text_view) : self->row;

  gtk_widget_remove_css_class (styled, "error");
  gtk_widget_remove_css_class (styled, "warning");

  if (show_problem)
    {
      gtk_widget_add_css_class (styled, self->severity == GK_SEVERITY_ERROR ? "error" : "warning");
      gk_message_row_set_message (GK_MESSAGE_ROW (self->message_row), self->message, self->severity);
    }
  else
    gk_message_row_set_message (GK_MESSAGE_ROW (self->message_row), self->help, GK_SEVERITY_OK);

  gtk_accessible_update_state (GTK_ACCESSIBLE (gk_field_editor_get_input (self)),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               show_problem && self->severity == GK_SEVERITY_ERROR
                                 ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
set_check (GkFieldEditor *self,
           GkSeverity     severity,
           const char    *message)
{
  self->severity = severity;
  g_free (self->message);
  self->message = g_strdup (message);
}

static void
on_input_changed_cb (GkFieldEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GkValidation) check = NULL;
  JsonNode *value = NULL;

  if (self->updating)
    return;

  text = dup_input_text (self);
  check = gk_field_parse_text (self->field, text, &value);
  g_clear_pointer (&self->value, json_node_unref);
  self->value = value;
  set_check (self, check->severity, check->message);
  self->touched = TRUE;
  update_display (self);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Leaving the field shows the value as it will be kept: 1,234,567.80 for
 * money, 2025-03-07 for a date typed 2025年3月7日, a code upper-cased. */
static void
on_focus_leave_cb (GkFieldEditor *self)
{
  g_autofree char *shown = NULL;

  self->touched = TRUE;
  update_display (self);

  if (self->editable == NULL || self->value == NULL || self->severity == GK_SEVERITY_ERROR)
    return;

  shown = gk_field_format_value (self->field, self->value);
  if (shown != NULL && g_strcmp0 (shown, gtk_editable_get_text (self->editable)) != 0)
    {
      self->updating = TRUE;
      gtk_editable_set_text (self->editable, shown);
      self->updating = FALSE;
    }
}

static void
add_unit_suffix (AdwEntryRow *row,
                 const char  *unit)
{
  GtkWidget *label;

  if (unit == NULL || *unit == '\0')
    return;
  label = gtk_label_new (unit);
  gtk_widget_add_css_class (label, "dim-label");
  adw_entry_row_add_suffix (row, label);
}

static GtkWidget *
build_entry_row (GkFieldEditor *self)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = gk_field_dup_title (self->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_REQUIRED, self->field->required, -1);

  switch (self->field->kind)
    {
    case GK_FIELD_MONEY:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      add_unit_suffix (ADW_ENTRY_ROW (row), self->field->unit != NULL ? self->field->unit : _("yuan"));
      break;
    case GK_FIELD_INTEGER:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      add_unit_suffix (ADW_ENTRY_ROW (row), self->field->unit);
      break;
    case GK_FIELD_DECIMAL:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      add_unit_suffix (ADW_ENTRY_ROW (row), self->field->unit);
      break;
    case GK_FIELD_PHONE:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
      break;
    case GK_FIELD_URL:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_URL);
      break;
    case GK_FIELD_USCC:
    case GK_FIELD_IDCARD:
    case GK_FIELD_ORGCODE:
    case GK_FIELD_PROJECTCODE:
      gtk_widget_add_css_class (row, "monospace");
      break;
    case GK_FIELD_DATE:
    case GK_FIELD_DATETIME:
      {
        /* A date and time is typed after the date the calendar sets. */
        GtkWidget *button = gk_date_button_new (GTK_EDITABLE (row));

        gk_date_button_set_field_label (GK_DATE_BUTTON (button), self->field->label);
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      }
      break;
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
    case GK_FIELD_CHOICE:
    case GK_FIELD_TABLE:
    default:
      break;
    }

  self->editable = GTK_EDITABLE (row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_input_changed_cb), self);
  return row;
}

static GtkWidget *
build_text_row (GkFieldEditor *self)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = gk_field_dup_title (self->field);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the text for the next field, as everywhere else in the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* Named as shown, "*" included, and required for a screen reader too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, self->field->required,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  self->text_view = GTK_TEXT_VIEW (view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (on_input_changed_cb), self);
  return row;
}

static GtkWidget *
build_choice_row (GkFieldEditor *self)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *title = gk_field_dup_title (self->field);
  gboolean long_labels = FALSE;

  self->choices = gtk_string_list_new (NULL);
  /* Nothing is chosen for the clerk: a required choice left alone is an error, not a guess. */
  gtk_string_list_append (self->choices, _("Not chosen"));
  for (guint i = 0; self->field->choices != NULL && i < self->field->choices->len; i++)
    {
      const GkChoice *choice = g_ptr_array_index (self->field->choices, i);

      gtk_string_list_append (self->choices, choice->label);
      long_labels |= g_utf8_strlen (choice->label, -1) > 10;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->choices));
  /* Long labels (request outcomes) wrap under the title instead of squeezing it. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), long_labels);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_input_changed_cb), self);
  gk_a11y_value_follow (row, NULL);
  return row;
}

GkFieldEditor *
gk_field_editor_new (const GkField *field)
{
  GkFieldEditor *self;
  GtkEventController *focus;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (field->kind != GK_FIELD_TABLE, NULL);

  self = g_object_new (GK_TYPE_FIELD_EDITOR, NULL);
  self->field = gk_field_copy (field);
  self->help = g_strdup (field->help);
  /* Building the rows may notify (a combo's selection): not an edit. */
  self->updating = TRUE;

  switch (field->kind)
    {
    case GK_FIELD_LONGTEXT:
      self->row = build_text_row (self);
      break;
    case GK_FIELD_CHOICE:
      self->row = build_choice_row (self);
      break;
    default:
      self->row = build_entry_row (self);
      break;
    }
  g_object_ref_sink (self->row);
  self->message_row = g_object_ref_sink (gk_message_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->message_row), field->label);
  self->updating = FALSE;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (gk_field_editor_get_input (self)),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (GK_MESSAGE_ROW (self->message_row)), NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gk_field_editor_get_input (self)),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, field->required,
                                  -1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (self->row, focus);

  gk_field_editor_set_value (self, NULL);
  return self;
}

const GkField *
gk_field_editor_get_field (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return self->field;
}

GtkWidget *
gk_field_editor_get_row (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return self->row;
}

GtkWidget *
gk_field_editor_get_message_row (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return self->message_row;
}

GtkWidget *
gk_field_editor_get_input (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return self->text_view != NULL ? GTK_WIDGET (self->text_view) : self->row;
}

void
gk_field_editor_add_to_group (GkFieldEditor       *self,
                              AdwPreferencesGroup *group)
{
  g_return_if_fail (GK_IS_FIELD_EDITOR (self));

  adw_preferences_group_add (group, self->row);
  adw_preferences_group_add (group, self->message_row);
}

/* A stored value that is not one of the choices is shown, not dropped. */
static guint
choice_position (GkFieldEditor *self,
                 JsonNode      *value)
{
  const char *text;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return 0;

  text = json_node_get_string (value);
  for (guint i = 0; self->field->choices != NULL && i < self->field->choices->len; i++)
    if (g_strcmp0 (((GkChoice *) g_ptr_array_index (self->field->choices, i))->value, text) == 0)
      return i + 1;

  if (*text == '\0')
    return 0;
  self->unknown_choice = g_strdup (text);
  gtk_string_list_append (self->choices, text);
  return g_list_model_get_n_items (G_LIST_MODEL (self->choices)) - 1;
}

void
gk_field_editor_set_value (GkFieldEditor *self,
                           JsonNode      *value)
{
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  GkSeverity severity;

  g_return_if_fail (GK_IS_FIELD_EDITOR (self));

  if (value != NULL && JSON_NODE_HOLDS_NULL (value))
    value = NULL;

  g_clear_pointer (&self->value, json_node_unref);
  self->value = value != NULL ? json_node_copy (value) : NULL;
  gk_field_check_value (self->field, self->value, &severity, &message);
  set_check (self, severity, message);
  self->touched = FALSE;

  self->updating = TRUE;
  if (self->choices != NULL)
    {
      if (self->unknown_choice != NULL)
        {
          gtk_string_list_remove (self->choices, g_list_model_get_n_items (G_LIST_MODEL (self->choices)) - 1);
          g_clear_pointer (&self->unknown_choice, g_free);
        }
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->row), choice_position (self, self->value));
    }
  else
    {
      /* Strings as stored (an invalid one as typed); numbers formatted. */
      text = gk_field_format_value (self->field, self->value);
      if (self->editable != NULL)
        gtk_editable_set_text (self->editable, text != NULL ? text : "");
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
    }
  self->updating = FALSE;

  update_display (self);
}

JsonNode *
gk_field_editor_get_value (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return self->value;
}

void
gk_field_editor_set_text (GkFieldEditor *self,
                          const char    *text)
{
  g_return_if_fail (GK_IS_FIELD_EDITOR (self));

  if (text == NULL)
    text = "";

  if (self->editable != NULL)
    gtk_editable_set_text (self->editable, text);
  else if (self->text_view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  else
    {
      const GkChoice *choice = *text != '\0' ? gk_field_lookup_choice (self->field, text) : NULL;
      guint position = 0;

      for (guint i = 0; choice != NULL && i < self->field->choices->len; i++)
        if (g_ptr_array_index (self->field->choices, i) == choice)
          position = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->row), position);
    }
}

char *
gk_field_editor_dup_text (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return dup_input_text (self);
}

GkSeverity
gk_field_editor_get_severity (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), GK_SEVERITY_OK);
  return self->severity;
}

const char *
gk_field_editor_get_message (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);
  return self->message;
}

const char *
gk_field_editor_get_shown_message (GkFieldEditor *self)
{
  g_return_val_if_fail (GK_IS_FIELD_EDITOR (self), NULL);

  return gk_message_row_get_message (GK_MESSAGE_ROW (self->message_row));
}
