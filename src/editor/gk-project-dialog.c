/* gk-project-dialog.c: "New Project": name, code, 投资项目统一代码 checked as it is typed, unit. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-message-row.h"
#include "gk-project-dialog.h"
#include "gk-unit-choice.h"
#include "gk-unit-item.h"

struct _GkProjectDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *code_row;
  AdwEntryRow *investment_row;
  GkMessageRow *investment_message_row;
  GtkDropDown *unit_dropdown;

  GkStore *store;
  char *kind;
  char *investment_code;     /* as it will be stored, or NULL */
};

G_DEFINE_FINAL_TYPE (GkProjectDialog, gk_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_entry_changed_cb (GkProjectDialog *self)
{
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *investment = entry_text (self->investment_row);
  gboolean valid = TRUE;

  g_clear_pointer (&self->investment_code, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->investment_row), "error");
  gk_message_row_set_message (self->investment_message_row, NULL, GK_SEVERITY_OK);

  /* The code may come later; what is typed must be one. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->investment_row)) && *investment != '\0')
    {
      g_autoptr(GkValidation) validation = gk_validate_project_code (investment);

      self->investment_code = g_strdup (validation->normalized);
      if (validation->severity != GK_SEVERITY_OK)
        gk_message_row_set_message (self->investment_message_row, validation->message, validation->severity);
      if (validation->severity == GK_SEVERITY_ERROR)
        {
          valid = FALSE;
          gtk_widget_add_css_class (GTK_WIDGET (self->investment_row), "error");
        }
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->investment_row), GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", valid && *name != '\0');
}

static void
gk_project_dialog_dispose (GObject *object)
{
  GkProjectDialog *self = GK_PROJECT_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_project_dialog_parent_class)->dispose (object);
}

static void
gk_project_dialog_finalize (GObject *object)
{
  GkProjectDialog *self = GK_PROJECT_DIALOG (object);

  g_free (self->kind);
  g_free (self->investment_code);

  G_OBJECT_CLASS (gk_project_dialog_parent_class)->finalize (object);
}

static void
gk_project_dialog_class_init (GkProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_project_dialog_dispose;
  object_class->finalize = gk_project_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkProjectDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectDialog, investment_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectDialog, investment_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectDialog, unit_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
  g_type_ensure (GK_TYPE_UNIT_ITEM);
}

static void
gk_project_dialog_init (GkProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkProjectDialog *
gk_project_dialog_new (GtkWindow  *parent,
                       GkStore    *store,
                       const char *kind,
                       gint64      unit_id)
{
  GkProjectDialog *self;
  gboolean tender = g_strcmp0 (kind, "tender") == 0;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  self = g_object_new (GK_TYPE_PROJECT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), gk_project_kind_to_label (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), gk_project_kind_code_label (kind));
  /* Only construction projects have a 投资项目统一代码. */
  gtk_widget_set_visible (GTK_WIDGET (self->investment_row), tender);
  gk_unit_choice_fill (self->unit_dropdown, self->store, unit_id);
  on_entry_changed_cb (self);
  return self;
}

GtkEditable *
gk_project_dialog_get_entry (GkProjectDialog *self,
                             const char      *name)
{
  g_return_val_if_fail (GK_IS_PROJECT_DIALOG (self), NULL);

  if (g_strcmp0 (name, "name") == 0)
    return GTK_EDITABLE (self->name_row);
  if (g_strcmp0 (name, "code") == 0)
    return GTK_EDITABLE (self->code_row);
  if (g_strcmp0 (name, "investment-code") == 0)
    return GTK_EDITABLE (self->investment_row);
  g_return_val_if_reached (NULL);
}

GkProject *
gk_project_dialog_create_project (GkProjectDialog  *self,
                                  GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  gint64 unit_id = 0;

  g_return_val_if_fail (GK_IS_PROJECT_DIALOG (self), NULL);

  if (!gk_project_dialog_get_can_create (self))
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The project needs a name and a valid code"));
      return NULL;
    }

  name = entry_text (self->name_row);
  code = entry_text (self->code_row);
  unit_id = gk_unit_choice_get (self->unit_dropdown);

  return gk_store_create_project (self->store, self->kind, name, code, self->investment_code, unit_id, error);
}

gboolean
gk_project_dialog_get_can_create (GkProjectDialog *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_DIALOG (self), FALSE);

  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "create");
}
