/* gk-project-section.c: the record's project: its stages in lifecycle order, each marked present, late, missing, due, overdue or not yet; the next stage's record. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-project-section.h"
#include "gk-stage-row.h"

struct _GkProjectSection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget *next_button;

  GkStore *store;
  gint64 project_id;
  char *record_uuid;         /* the record the editor shows */
  char *next_item_key;       /* what "Create Next Stage" makes, or NULL */
  GPtrArray *rows;           /* GkStageRow, in the group */
};

static void gk_project_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkProjectSection, gk_project_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_project_section_editor_section_init))

static void
show_toast (GkProjectSection *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
open_record (GkProjectSection *self,
             const char       *uuid)
{
  /* The window opens it, saving what was typed in this one first. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", uuid))
    g_debug ("No window to open record %s in", uuid);
}

static void
on_row_activated_cb (GkStageRow       *row,
                     GkProjectSection *self)
{
  g_autofree char *uuid = g_strdup (gk_stage_row_get_record_uuid (row));

  if (uuid != NULL)
    open_record (self, uuid);
}

static void
clear_rows (GkProjectSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
fill (GkProjectSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) project = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autofree char *description = NULL;
  GkStage *next;

  clear_rows (self);
  g_clear_pointer (&self->next_item_key, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self), self->store != NULL && self->project_id != 0);
  if (self->store == NULL || self->project_id == 0)
    return;

  project = gk_store_get_project (self->store, self->project_id, &error);
  if (project != NULL)
    stages = gk_store_project_stages (self->store, self->project_id, NULL, &error);
  if (stages == NULL)
    {
      g_warning ("Could not read the stages of project %" G_GINT64_FORMAT ": %s", self->project_id, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  if (project->code != NULL && *project->code != '\0')
    /* Translators: a project's name, then its code */
    description = g_strdup_printf (_("%s · %s"), project->name, project->code);
  else
    description = g_strdup (project->name);
  adw_preferences_group_set_description (self->group, description);

  for (guint i = 0; i < stages->len; i++)
    {
      GtkWidget *row = gk_stage_row_new (g_ptr_array_index (stages, i), self->record_uuid);

      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  next = gk_project_stages_get_next (stages);
  gtk_widget_set_sensitive (self->next_button, next != NULL);
  if (next != NULL)
    {
      g_autofree char *tooltip = NULL;

      self->next_item_key = g_strdup (gk_item_get_key (next->item));
      /* Translators: %s is a stage of a project, e.g. 采购结果 */
      tooltip = g_strdup_printf (_("Create the record of “%s”, filled in from the project"), gk_item_get_level2 (next->item));
      gtk_widget_set_tooltip_text (self->next_button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (self->next_button, _("Every stage so far has its record"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Every stage so far has its record"), -1);
    }
}

gboolean
gk_project_section_create_next (GkProjectSection  *self,
                                GError           **error)
{
  g_autoptr(GkRecord) record = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_SECTION (self), FALSE);

  if (self->store == NULL || self->next_item_key == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Every stage so far has its record"));
      return FALSE;
    }

  record = gk_store_create_stage_record (self->store, self->project_id, self->next_item_key, error);
  if (record == NULL)
    return FALSE;

  /* Translators: %s is the title of a new record */
  message = g_strdup_printf (_("“%s” created"), gk_record_get_title (record));
  show_toast (self, message);
  fill (self);
  open_record (self, gk_record_get_uuid (record));
  return TRUE;
}

static void
on_next_button_clicked_cb (GkProjectSection *self)
{
  g_autoptr(GError) error = NULL;

  if (!gk_project_section_create_next (self, &error))
    show_toast (self, error->message);
}

static void
gk_project_section_set_record (GkEditorSection *section,
                               GkStore         *store,
                               GkRecord        *record,
                               GkItem          *item)
{
  GkProjectSection *self = GK_PROJECT_SECTION (section);

  g_set_object (&self->store, store);
  g_free (self->record_uuid);
  self->record_uuid = record != NULL ? g_strdup (gk_record_get_uuid (record)) : NULL;
  self->project_id = record != NULL ? gk_record_get_project_id (record) : 0;
  fill (self);
}

/* After a save: the record may have joined or left a project, or its own
 * stage may now be published. */
static void
gk_project_section_refresh (GkEditorSection *section,
                            GkRecord        *record)
{
  GkProjectSection *self = GK_PROJECT_SECTION (section);

  if (record == NULL || self->store == NULL)
    return;
  self->project_id = gk_record_get_project_id (record);
  fill (self);
}

static void
gk_project_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_project_section_set_record;
  iface->refresh = gk_project_section_refresh;
}

static void
gk_project_section_dispose (GObject *object)
{
  GkProjectSection *self = GK_PROJECT_SECTION (object);

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PROJECT_SECTION);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_project_section_parent_class)->dispose (object);
}

static void
gk_project_section_finalize (GObject *object)
{
  GkProjectSection *self = GK_PROJECT_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->record_uuid);
  g_free (self->next_item_key);

  G_OBJECT_CLASS (gk_project_section_parent_class)->finalize (object);
}

static void
gk_project_section_class_init (GkProjectSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_project_section_dispose;
  object_class->finalize = gk_project_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-project-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkProjectSection, group);
  gtk_widget_class_bind_template_child (widget_class, GkProjectSection, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_next_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_project_section_init (GkProjectSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
gk_project_section_get_row (GkProjectSection *self,
                            const char       *item_key)
{
  g_return_val_if_fail (GK_IS_PROJECT_SECTION (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GkStageRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (gk_stage_row_get_item_key (row), item_key) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}

const char *
gk_project_section_get_state_text (GkProjectSection *self,
                                   const char       *item_key)
{
  GtkWidget *row = gk_project_section_get_row (self, item_key);

  return row != NULL ? gk_stage_row_get_state_text (GK_STAGE_ROW (row)) : NULL;
}

GtkWidget *
gk_project_section_get_next_button (GkProjectSection *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_SECTION (self), NULL);
  return self->next_button;
}

const char *
gk_project_section_get_next_item (GkProjectSection *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_SECTION (self), NULL);
  return self->next_item_key;
}
