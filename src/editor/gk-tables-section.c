/* gk-tables-section.c: the item's table fields (中标候选人, 分配结果 …), generated from its schema. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gk-tables-section.h"

struct _GkTablesSection
{
  GtkWidget parent_instance;

  GtkBox *box;

  gint64 item_id;
  GkSchema *schema;         /* the item's schema the editors were built for */
  char *retired_shown;      /* the retired tables given an editor (they held rows) */
  GPtrArray *editors;       /* GkTableEditor, not owned: children of box */
  gboolean built;
  GkRecord *record;         /* the record shown, once the editors show it */
};

static void gk_tables_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkTablesSection, gk_tables_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_tables_section_editor_section_init))

/* What the clerk edits goes into the record at once, table by table (the
 * scalar fields are the fields section's); the section still reports the
 * change, for the problems it shows. Filling the tables comes before
 * showing the record (no record yet). */
static void
on_table_changed_cb (GkTablesSection *self,
                     GkTableEditor   *editor)
{
  g_autoptr(JsonNode) rows = NULL;

  if (self->record == NULL)
    return;
  rows = gk_table_editor_dup_rows (editor);
  gk_record_set_value (self->record, gk_table_editor_get_field (editor)->id, rows);
  gk_editor_section_changed (GK_EDITOR_SECTION (self));
}

static void
clear_editors (GkTablesSection *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    gtk_box_remove (self->box, g_ptr_array_index (self->editors, i));
  g_ptr_array_set_size (self->editors, 0);
  self->item_id = 0;
  self->built = FALSE;
}

static void
gk_tables_section_dispose (GObject *object)
{
  GkTablesSection *self = GK_TABLES_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_TABLES_SECTION);
  if (self->editors != NULL)
    g_ptr_array_set_size (self->editors, 0);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (gk_tables_section_parent_class)->dispose (object);
}

static void
gk_tables_section_finalize (GObject *object)
{
  GkTablesSection *self = GK_TABLES_SECTION (object);

  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->schema, gk_schema_unref);
  g_clear_pointer (&self->retired_shown, g_free);

  G_OBJECT_CLASS (gk_tables_section_parent_class)->finalize (object);
}

static void
build_editors (GkTablesSection *self,
               GkSchema        *schema,
               JsonObject      *values,
               gint64           item_id)
{
  clear_editors (self);

  for (guint i = 0; schema != NULL && i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);
      GtkWidget *editor;

      if (field->kind != GK_FIELD_TABLE)
        continue;
      if (field->retired && (values == NULL || !json_object_has_member (values, field->id)))
        continue;

      editor = gk_table_editor_new (field);
      g_signal_connect_object (editor, "changed", G_CALLBACK (on_table_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->box, editor);
      g_ptr_array_add (self->editors, editor);
    }

  self->item_id = item_id;
  self->built = TRUE;
}

static void
gk_tables_section_set_record (GkEditorSection *section,
                              GkStore         *store,
                              GkRecord        *record,
                              GkItem          *item)
{
  GkTablesSection *self = GK_TABLES_SECTION (section);
  JsonObject *values;

  g_clear_object (&self->record);
  if (record == NULL)
    {
      clear_editors (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  values = gk_record_get_values (record);

  /* Rebuilt when the item, its schema (the catalog editor may have changed
   * it) or the retired tables this record holds differ. */
  {
    GkSchema *schema = item != NULL ? gk_item_get_schema (item) : NULL;
    g_autoptr(GString) retired_shown = g_string_new (NULL);

    if (schema == NULL)
      g_warning ("Could not read the fields of item %" G_GINT64_FORMAT, gk_record_get_item_id (record));

    for (guint i = 0; schema != NULL && values != NULL && i < gk_schema_get_n_fields (schema); i++)
      {
        const GkField *field = gk_schema_get_field (schema, i);

        if (field->kind == GK_FIELD_TABLE && field->retired && json_object_has_member (values, field->id))
          g_string_append_printf (retired_shown, "%s ", field->id);
      }

    if (!self->built || gk_record_get_item_id (record) != self->item_id ||
        schema == NULL || self->schema == NULL ||
        (schema != self->schema && !gk_schema_equal (schema, self->schema)) ||
        g_strcmp0 (retired_shown->str, self->retired_shown) != 0)
      {
        build_editors (self, schema, values, gk_record_get_item_id (record));
        g_clear_pointer (&self->schema, gk_schema_unref);
        self->schema = schema != NULL ? gk_schema_ref (schema) : NULL;
        g_free (self->retired_shown);
        self->retired_shown = g_strdup (retired_shown->str);
      }
  }

  for (guint i = 0; i < self->editors->len; i++)
    {
      GkTableEditor *editor = g_ptr_array_index (self->editors, i);

      gk_table_editor_set_rows (editor, gk_record_get_value (record, gk_table_editor_get_field (editor)->id));
    }

  self->record = g_object_ref (record);
  gtk_widget_set_visible (GTK_WIDGET (self), self->editors->len > 0);
}

static void
gk_tables_section_refresh (GkEditorSection *section,
                           GkRecord        *record)
{
  GkTablesSection *self = GK_TABLES_SECTION (section);

  /* The editor went on to a fresh copy of the same record: what is edited
   * from now on goes there. */
  if (self->record != NULL && record != NULL)
    g_set_object (&self->record, record);
}

static GPtrArray *
gk_tables_section_get_issues (GkEditorSection *section)
{
  GkTablesSection *self = GK_TABLES_SECTION (section);
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  for (guint i = 0; i < self->editors->len; i++)
    {
      g_autoptr(GPtrArray) table_issues = gk_table_editor_get_issues (g_ptr_array_index (self->editors, i));

      g_ptr_array_extend_and_steal (issues, g_steal_pointer (&table_issues));
    }

  return issues;
}

static void
gk_tables_section_focus_issue (GkEditorSection *section,
                               const GkIssue   *issue)
{
  GkTableEditor *editor = gk_tables_section_get_editor (GK_TABLES_SECTION (section), issue->field_id);

  gtk_widget_child_focus (editor != NULL ? GTK_WIDGET (editor) : GTK_WIDGET (section), GTK_DIR_TAB_FORWARD);
}

static void
gk_tables_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_tables_section_set_record;
  iface->refresh = gk_tables_section_refresh;
  iface->get_issues = gk_tables_section_get_issues;
  iface->focus_issue = gk_tables_section_focus_issue;
}

static void
gk_tables_section_class_init (GkTablesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_tables_section_dispose;
  object_class->finalize = gk_tables_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-tables-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkTablesSection, box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_tables_section_init (GkTablesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_ptr_array_new ();
}

GkTableEditor *
gk_tables_section_get_editor (GkTablesSection *self,
                              const char      *id)
{
  g_return_val_if_fail (GK_IS_TABLES_SECTION (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      GkTableEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_strcmp0 (gk_table_editor_get_field (editor)->id, id) == 0)
        return editor;
    }
  return NULL;
}
