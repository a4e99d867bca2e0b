/* gk-project-row.c: the project a record belongs to: a searchable list of the ledger's projects of the item's kind, "New Project…" and "Detach". */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-project-choice.h"
#include "gk-project-dialog.h"
#include "gk-project-row.h"

struct _GkProjectRow
{
  AdwActionRow parent_instance;

  GtkWidget *menu_button;
  GtkPopover *popover;
  GtkSearchEntry *search_entry;
  GtkListBox *list;
  GtkWidget *empty_label;
  GtkWidget *new_button;
  GtkWidget *detach_button;

  GkStore *store;
  char *kind;
  gint64 unit_id;
  gint64 project_id;
  char *search_key;          /* what is typed in the search entry, case-folded */
};

G_DEFINE_FINAL_TYPE (GkProjectRow, gk_project_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PROJECT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (GkProjectRow *self,
            const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static char *
describe_project (const GkProject *project)
{
  if (project->code != NULL && *project->code != '\0')
    /* Translators: a project's name, then its code */
    return g_strdup_printf (_("%s · %s"), project->name, project->code);
  return g_strdup (project->name);
}

static void
update_subtitle (GkProjectRow *self)
{
  g_autoptr(GkProject) project = NULL;
  g_autofree char *text = NULL;

  if (self->project_id != 0 && self->store != NULL)
    project = gk_store_get_project (self->store, self->project_id, NULL);
  text = project != NULL ? describe_project (project) : g_strdup (_("No project"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
  gtk_widget_set_sensitive (self->detach_button, self->project_id != 0);
  gtk_widget_set_sensitive (self->new_button, self->kind != NULL);
}

static void
choose (GkProjectRow *self,
        gint64        project_id)
{
  gtk_popover_popdown (self->popover);
  gk_project_row_set_project_id (self, project_id);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GkProjectRow *self = GK_PROJECT_ROW (user_data);

  return gk_project_choice_matches (GK_PROJECT_CHOICE (row), self->search_key);
}

static GtkListBoxRow *
first_visible_row (GkProjectRow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void
apply_filter (GkProjectRow *self)
{
  g_free (self->search_key);
  self->search_key = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_list_box_invalidate_filter (self->list);
  gtk_widget_set_visible (self->empty_label, first_visible_row (self) == NULL);
}

static void
fill_list (GkProjectRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store == NULL)
    return;

  /* A district has hundreds of projects, newest first: rows for all of
   * them are cheap enough, and the search narrows them. */
  projects = gk_store_list_projects (self->store, self->kind, &error);
  if (projects == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < projects->len; i++)
    {
      const GkProject *project = g_ptr_array_index (projects, i);

      gtk_list_box_append (self->list, gk_project_choice_new (project, project->id == self->project_id));
    }
}

static void
on_popover_show_cb (GkProjectRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fill_list (self);
  apply_filter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_entry_search_changed_cb (GkProjectRow *self)
{
  apply_filter (self);
}

/* Enter takes the first project that matches. */
static void
on_search_entry_activate_cb (GkProjectRow *self)
{
  GtkListBoxRow *row = first_visible_row (self);

  if (row != NULL)
    g_signal_emit_by_name (self->list, "row-activated", row);
}

static void
on_list_row_activated_cb (GkProjectRow  *self,
                          GtkListBoxRow *row)
{
  choose (self, gk_project_choice_get_project_id (GK_PROJECT_CHOICE (row)));
}

static void
on_detach_button_clicked_cb (GkProjectRow *self)
{
  choose (self, 0);
}

static void
on_dialog_response_cb (GkProjectDialog *dialog,
                       const char      *response,
                       GkProjectRow    *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProject) project = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  project = gk_project_dialog_create_project (dialog, &error);
  if (project == NULL)
    show_error (self, error);
  else
    gk_project_row_set_project_id (self, project->id);
}

GtkWidget *
gk_project_row_new_project (GkProjectRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GkProjectDialog *dialog;

  g_return_val_if_fail (GK_IS_PROJECT_ROW (self), NULL);
  g_return_val_if_fail (self->store != NULL && self->kind != NULL, NULL);

  gtk_popover_popdown (self->popover);
  dialog = gk_project_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->kind,
                                  self->unit_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
on_new_button_clicked_cb (GkProjectRow *self)
{
  gk_project_row_new_project (self);
}

static void
gk_project_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkProjectRow *self = GK_PROJECT_ROW (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkProjectRow *self = GK_PROJECT_ROW (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      gk_project_row_set_project_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_row_dispose (GObject *object)
{
  GkProjectRow *self = GK_PROJECT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PROJECT_ROW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_project_row_parent_class)->dispose (object);
}

static void
gk_project_row_finalize (GObject *object)
{
  GkProjectRow *self = GK_PROJECT_ROW (object);

  g_free (self->kind);
  g_free (self->search_key);

  G_OBJECT_CLASS (gk_project_row_parent_class)->finalize (object);
}

static void
gk_project_row_class_init (GkProjectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_project_row_dispose;
  object_class->finalize = gk_project_row_finalize;
  object_class->get_property = gk_project_row_get_property;
  object_class->set_property = gk_project_row_set_property;

  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-project-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, popover);
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, list);
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, new_button);
  gtk_widget_class_bind_template_child (widget_class, GkProjectRow, detach_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detach_button_clicked_cb);
}

static void
gk_project_row_init (GkProjectRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  update_subtitle (self);
}

void
gk_project_row_setup (GkProjectRow *self,
                      GkStore      *store,
                      const char   *kind,
                      gint64        unit_id,
                      gint64        project_id)
{
  g_return_if_fail (GK_IS_PROJECT_ROW (self));

  g_set_object (&self->store, store);
  g_free (self->kind);
  self->kind = g_strdup (kind);
  self->unit_id = unit_id;
  self->project_id = project_id;
  update_subtitle (self);
}

gint64
gk_project_row_get_project_id (GkProjectRow *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_ROW (self), 0);
  return self->project_id;
}

void
gk_project_row_set_project_id (GkProjectRow *self,
                               gint64        project_id)
{
  g_return_if_fail (GK_IS_PROJECT_ROW (self));

  if (self->project_id == project_id)
    return;
  self->project_id = project_id;
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}

GtkEditable *
gk_project_row_get_search (GkProjectRow *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_ROW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}
