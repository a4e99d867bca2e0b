/* gk-fields-section.c: the catalog item's scalar fields as rows generated from its schema, never hand-built per item. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-fields-section.h"

struct _GkFieldsSection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;

  gint64 item_id;            /* the item the rows were built for */
  GkSchema *schema;          /* and its schema then */
  char *retired_shown;       /* the retired fields given a row (they held a value) */
  GPtrArray *editors;        /* GkFieldEditor, schema order */
  GkFieldEditor *body_editor;
  GkRecord *record;          /* the record shown, once its values are in the rows */
};

static void gk_fields_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkFieldsSection, gk_fields_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_fields_section_editor_section_init))

static void
write_editor (GkFieldsSection *self,
              GkFieldEditor   *editor)
{
  if (editor == self->body_editor)
    {
      g_autofree char *body = gk_field_editor_dup_text (editor);

      gk_record_set_body (self->record, g_strstrip (body));
    }
  else
    gk_record_set_value (self->record, gk_field_editor_get_field (editor)->id, gk_field_editor_get_value (editor));
}

/* What the clerk types goes into the record at once, key by key; the
 * section still reports the change, for the problems it shows. */
static void
on_editor_changed_cb (GkFieldsSection *self,
                      GkFieldEditor   *editor)
{
  /* Filling the rows for a record comes before showing it. */
  if (self->record == NULL)
    return;
  write_editor (self, editor);
  gk_editor_section_changed (GK_EDITOR_SECTION (self));
}

static void
remove_editor (GkFieldsSection *self,
               GkFieldEditor   *editor)
{
  g_signal_handlers_disconnect_by_func (editor, on_editor_changed_cb, self);
  adw_preferences_group_remove (self->group, gk_field_editor_get_row (editor));
  adw_preferences_group_remove (self->group, gk_field_editor_get_message_row (editor));
}

static void
clear_editors (GkFieldsSection *self)
{
  for (guint i = 0; self->editors != NULL && i < self->editors->len; i++)
    remove_editor (self, g_ptr_array_index (self->editors, i));
  if (self->editors != NULL)
    g_ptr_array_set_size (self->editors, 0);
  if (self->body_editor != NULL)
    {
      remove_editor (self, self->body_editor);
      g_clear_object (&self->body_editor);
    }
  self->item_id = 0;
}

static void
gk_fields_section_dispose (GObject *object)
{
  GkFieldsSection *self = GK_FIELDS_SECTION (object);

  for (guint i = 0; self->editors != NULL && i < self->editors->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->editors, i), on_editor_changed_cb, self);
  if (self->body_editor != NULL)
    g_signal_handlers_disconnect_by_func (self->body_editor, on_editor_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_FIELDS_SECTION);
  g_clear_object (&self->record);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->body_editor);
  g_clear_pointer (&self->schema, gk_schema_unref);
  g_clear_pointer (&self->retired_shown, g_free);

  G_OBJECT_CLASS (gk_fields_section_parent_class)->dispose (object);
}

static GkFieldEditor *
add_editor (GkFieldsSection *self,
            const GkField   *field)
{
  GkFieldEditor *editor = gk_field_editor_new (field);

  g_signal_connect_swapped (editor, "changed", G_CALLBACK (on_editor_changed_cb), self);
  gk_field_editor_add_to_group (editor, self->group);
  return editor;
}

static void
build_editors (GkFieldsSection *self,
               GkSchema        *schema,
               JsonObject      *values,
               gint64           item_id)
{
  g_autoptr(GkField) body = gk_field_new ("body", _("Summary"), GK_FIELD_LONGTEXT);

  clear_editors (self);

  for (guint i = 0; schema != NULL && i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);

      if (field->kind == GK_FIELD_TABLE)
        continue;
      /* A retired field is shown only where it holds an old value. */
      if (field->retired && (values == NULL || !json_object_has_member (values, field->id)))
        continue;
      g_ptr_array_add (self->editors, add_editor (self, field));
    }

  body->help = g_strdup (_("A summary of the information as it is published"));
  self->body_editor = add_editor (self, body);
  self->item_id = item_id;
}

/* The retired fields @values holds: they decide the rows as much as the schema does. */
static char *
dup_retired_shown (GkSchema   *schema,
                   JsonObject *values)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; schema != NULL && values != NULL && i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);

      if (field->retired && field->kind != GK_FIELD_TABLE && json_object_has_member (values, field->id))
        g_string_append_printf (ids, "%s ", field->id);
    }
  return g_string_free (ids, FALSE);
}

static void
gk_fields_section_set_record (GkEditorSection *section,
                              GkStore         *store,
                              GkRecord        *record,
                              GkItem          *item)
{
  GkFieldsSection *self = GK_FIELDS_SECTION (section);
  GkSchema *schema = item != NULL ? gk_item_get_schema (item) : NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *values = NULL;

  g_clear_object (&self->record);
  gtk_widget_set_visible (GTK_WIDGET (self), record != NULL);
  if (record == NULL)
    {
      clear_editors (self);
      g_clear_pointer (&self->retired_shown, g_free);
      return;
    }

  values = gk_record_get_values (record);


  /* The rows depend on the item's schema (which the catalog editor may
   * have changed since) and on the retired fields the record holds: another
   * record of the same item and schema reuses them. */
  if (schema == NULL || gk_record_get_item_id (record) != self->item_id || self->body_editor == NULL ||
      self->schema == NULL || (schema != self->schema && !gk_schema_equal (schema, self->schema)))
    {
      if (schema == NULL)
        g_warning ("Could not read the fields of item %" G_GINT64_FORMAT, gk_record_get_item_id (record));
      g_clear_pointer (&self->schema, gk_schema_unref);
      self->schema = schema != NULL ? gk_schema_ref (schema) : NULL;
      g_clear_pointer (&self->retired_shown, g_free);
    }

  {
    g_autofree char *retired_shown = dup_retired_shown (self->schema, values);

    if (self->retired_shown == NULL || g_strcmp0 (retired_shown, self->retired_shown) != 0)
      {
        build_editors (self, self->schema, values, gk_record_get_item_id (record));
        g_free (self->retired_shown);
        self->retired_shown = g_steal_pointer (&retired_shown);
      }
  }

  for (guint i = 0; i < self->editors->len; i++)
    {
      GkFieldEditor *editor = g_ptr_array_index (self->editors, i);
      const GkField *field = gk_field_editor_get_field (editor);

      gk_field_editor_set_value (editor, gk_record_get_value (record, field->id));
    }

  {
    g_autoptr(JsonNode) body = json_node_new (JSON_NODE_VALUE);

    json_node_set_string (body, gk_record_get_body (record) != NULL ? gk_record_get_body (record) : "");
    gk_field_editor_set_value (self->body_editor, body);
  }

  self->record = g_object_ref (record);
}

static void
gk_fields_section_refresh (GkEditorSection *section,
                           GkRecord        *record)
{
  GkFieldsSection *self = GK_FIELDS_SECTION (section);

  /* The editor went on to a fresh copy of the same record: what is typed
   * from now on goes there. */
  if (self->record != NULL && record != NULL)
    g_set_object (&self->record, record);
}

static GPtrArray *
gk_fields_section_get_issues (GkEditorSection *section)
{
  GkFieldsSection *self = GK_FIELDS_SECTION (section);
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  for (guint i = 0; i < self->editors->len; i++)
    {
      GkFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (gk_field_editor_get_severity (editor) != GK_SEVERITY_OK)
        g_ptr_array_add (issues, gk_issue_new (gk_field_editor_get_field (editor)->id, -1, NULL,
                                               gk_field_editor_get_severity (editor),
                                               gk_field_editor_get_message (editor)));
    }

  return issues;
}

static void
gk_fields_section_focus_issue (GkEditorSection *section,
                               const GkIssue   *issue)
{
  GkFieldEditor *editor = gk_fields_section_get_editor (GK_FIELDS_SECTION (section), issue->field_id);
  GtkWidget *row;

  if (editor == NULL)
    {
      gtk_widget_child_focus (GTK_WIDGET (section), GTK_DIR_TAB_FORWARD);
      return;
    }
  /* An entry row hands the focus to its text; other rows to their first control. */
  row = gk_field_editor_get_row (editor);
  if (!ADW_IS_ENTRY_ROW (row) || !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

static void
gk_fields_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_fields_section_set_record;
  iface->refresh = gk_fields_section_refresh;
  iface->get_issues = gk_fields_section_get_issues;
  iface->focus_issue = gk_fields_section_focus_issue;
}

static void
gk_fields_section_class_init (GkFieldsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_fields_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-fields-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkFieldsSection, group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_fields_section_init (GkFieldsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
}

GkFieldEditor *
gk_fields_section_get_editor (GkFieldsSection *self,
                              const char      *id)
{
  g_return_val_if_fail (GK_IS_FIELDS_SECTION (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      GkFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_strcmp0 (gk_field_editor_get_field (editor)->id, id) == 0)
        return editor;
    }
  return NULL;
}
