/* gk-project-choice.c: one project offered in the project row's searchable list: its name, code and whether it is the current one. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-project-choice.h"

struct _GkProjectChoice
{
  GtkListBoxRow parent_instance;

  gint64 project_id;
  char *name;
  char *code;
  gboolean current;
  char *search_key;          /* name and code, case-folded */
};

G_DEFINE_FINAL_TYPE (GkProjectChoice, gk_project_choice, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PROJECT_ID,
  PROP_NAME,
  PROP_CODE,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
add_label (GtkBox     *box,
           const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (box, label);
  return label;
}

static void
gk_project_choice_constructed (GObject *object)
{
  GkProjectChoice *self = GK_PROJECT_CHOICE (object);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *search = g_strconcat (self->name, "\n", self->code, NULL);

  G_OBJECT_CLASS (gk_project_choice_parent_class)->constructed (object);

  self->search_key = g_utf8_casefold (search, -1);

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (add_label (GTK_BOX (labels), self->name)), PANGO_ELLIPSIZE_END);
  if (self->code != NULL && *self->code != '\0')
    {
      GtkWidget *code = add_label (GTK_BOX (labels), self->code);

      gtk_widget_add_css_class (code, "caption");
      gtk_widget_add_css_class (code, "dim-label");
    }
  gtk_box_append (GTK_BOX (box), labels);
  if (self->current)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Current project"), -1);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

static void
gk_project_choice_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkProjectChoice *self = GK_PROJECT_CHOICE (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_choice_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GkProjectChoice *self = GK_PROJECT_CHOICE (object);

  switch (prop_id)
    {
    case PROP_PROJECT_ID:
      self->project_id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_CURRENT:
      self->current = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_choice_finalize (GObject *object)
{
  GkProjectChoice *self = GK_PROJECT_CHOICE (object);

  g_free (self->name);
  g_free (self->code);
  g_free (self->search_key);

  G_OBJECT_CLASS (gk_project_choice_parent_class)->finalize (object);
}

static void
gk_project_choice_class_init (GkProjectChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gk_project_choice_constructed;
  object_class->finalize = gk_project_choice_finalize;
  object_class->get_property = gk_project_choice_get_property;
  object_class->set_property = gk_project_choice_set_property;

  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_project_choice_init (GkProjectChoice *self)
{
}

GtkWidget *
gk_project_choice_new (const GkProject *project,
                       gboolean         current)
{
  g_return_val_if_fail (project != NULL, NULL);

  return g_object_new (GK_TYPE_PROJECT_CHOICE,
                       "project-id", project->id,
                       "name", project->name,
                       "code", project->code,
                       "current", current,
                       NULL);
}

gint64
gk_project_choice_get_project_id (GkProjectChoice *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_CHOICE (self), 0);
  return self->project_id;
}

gboolean
gk_project_choice_matches (GkProjectChoice *self,
                           const char      *casefolded_key)
{
  g_return_val_if_fail (GK_IS_PROJECT_CHOICE (self), FALSE);

  return casefolded_key == NULL || *casefolded_key == '\0' || strstr (self->search_key, casefolded_key) != NULL;
}
