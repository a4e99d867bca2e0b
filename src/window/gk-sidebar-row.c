/* gk-sidebar-row.c: a sidebar section with its record count and overdue badge. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-sidebar-row.h"

struct _GkSidebarRow
{
  GtkListBoxRow parent_instance;

  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *count_label;
  GtkLabel *overdue_label;

  char *key;
  guint count;
  guint overdue;
};

G_DEFINE_FINAL_TYPE (GkSidebarRow, gk_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_COUNT,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (GkSidebarRow *self)
{
  g_autofree char *label = NULL;
  const char *title = gtk_label_get_text (self->title_label);

  if (self->overdue > 0)
    /* Translators: sidebar row for screen readers: section, record count, overdue count */
    label = g_strdup_printf (ngettext ("%s, %u record, %u overdue", "%s, %u records, %u overdue", self->count),
                             title, self->count, self->overdue);
  else
    label = g_strdup_printf (ngettext ("%s, %u record", "%s, %u records", self->count), title, self->count);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
gk_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkSidebarRow *self = GK_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->title_label));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->icon));
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_OVERDUE:
      g_value_set_uint (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkSidebarRow *self = GK_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      gtk_label_set_text (self->title_label, g_value_get_string (value));
      update_accessible_label (self);
      break;
    case PROP_ICON_NAME:
      gtk_image_set_from_icon_name (self->icon, g_value_get_string (value));
      break;
    case PROP_COUNT:
      gk_sidebar_row_set_count (self, g_value_get_uint (value));
      break;
    case PROP_OVERDUE:
      gk_sidebar_row_set_overdue (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_sidebar_row_finalize (GObject *object)
{
  GkSidebarRow *self = GK_SIDEBAR_ROW (object);

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (gk_sidebar_row_parent_class)->finalize (object);
}

static void
gk_sidebar_row_class_init (GkSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gk_sidebar_row_finalize;
  object_class->get_property = gk_sidebar_row_get_property;
  object_class->set_property = gk_sidebar_row_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_uint ("overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, GkSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GkSidebarRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkSidebarRow, overdue_label);
}

static void
gk_sidebar_row_init (GkSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_sidebar_row_new (const char *key,
                    const char *title,
                    const char *icon_name)
{
  return g_object_new (GK_TYPE_SIDEBAR_ROW,
                       "key", key,
                       "title", title,
                       "icon-name", icon_name,
                       NULL);
}

const char *
gk_sidebar_row_get_key (GkSidebarRow *self)
{
  g_return_val_if_fail (GK_IS_SIDEBAR_ROW (self), NULL);

  return self->key;
}

const char *
gk_sidebar_row_get_title (GkSidebarRow *self)
{
  g_return_val_if_fail (GK_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
gk_sidebar_row_set_count (GkSidebarRow *self,
                          guint         count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GK_IS_SIDEBAR_ROW (self));

  if (self->count == count && gtk_label_get_text (self->count_label)[0] != '\0')
    return;

  self->count = count;
  text = g_strdup_printf ("%u", count);
  gtk_label_set_text (self->count_label, text);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

guint
gk_sidebar_row_get_count (GkSidebarRow *self)
{
  g_return_val_if_fail (GK_IS_SIDEBAR_ROW (self), 0);

  return self->count;
}

void
gk_sidebar_row_set_overdue (GkSidebarRow *self,
                            guint         overdue)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (GK_IS_SIDEBAR_ROW (self));

  if (self->overdue == overdue)
    return;

  self->overdue = overdue;
  text = g_strdup_printf ("%u", overdue);
  tooltip = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);
  gtk_label_set_text (self->overdue_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue_label), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue > 0);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

guint
gk_sidebar_row_get_overdue (GkSidebarRow *self)
{
  g_return_val_if_fail (GK_IS_SIDEBAR_ROW (self), 0);

  return self->overdue;
}
