/* gk-catalog-channels.c: the channels of a catalog item in its editor: add, rename and remove them. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-channels.h"
#include "gk-item-edit.h"
#include "gk-string-list.h"

struct _GkCatalogChannels
{
  GtkWidget parent_instance;

  /* Template children */
  GkStringList *channels_list;

  gboolean has_item;         /* there is an item whose channels these are */
};

G_DEFINE_FINAL_TYPE (GkCatalogChannels, gk_catalog_channels, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Checks every channel at its row. An empty one is simply left out. */
static gboolean
check_channels (GkCatalogChannels *self)
{
  g_auto(GStrv) names = gk_string_list_dup_strings (self->channels_list);
  gboolean valid = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GkValidation) check = gk_item_check_channel ((const char * const *) names, i);
      gboolean bad = check->severity != GK_SEVERITY_OK && *check->normalized != '\0';

      gk_string_list_set_problem (self->channels_list, i, bad ? check->message : NULL);
      valid &= !bad;
    }

  return valid;
}

static void
on_channels_changed_cb (GkCatalogChannels *self)
{
  check_channels (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GkCatalogChannels *self = GK_CATALOG_CHANNELS (widget);

  if (self->has_item)
    gk_string_list_add (self->channels_list);
}

void
gk_catalog_channels_set_channels (GkCatalogChannels  *self,
                                  const char * const *names)
{
  g_return_if_fail (GK_IS_CATALOG_CHANNELS (self));

  self->has_item = names != NULL;
  gk_string_list_set_strings (self->channels_list, names);
  check_channels (self);
}

GStrv
gk_catalog_channels_dup_channels (GkCatalogChannels *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_CHANNELS (self), NULL);

  if (!self->has_item || !check_channels (self))
    return NULL;
  return gk_string_list_dup_strings (self->channels_list);
}

GtkWidget *
gk_catalog_channels_get_row (GkCatalogChannels *self,
                             guint              index)
{
  g_return_val_if_fail (GK_IS_CATALOG_CHANNELS (self), NULL);

  return gk_string_list_get_row (self->channels_list, index);
}

static void
gk_catalog_channels_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_CATALOG_CHANNELS);

  G_OBJECT_CLASS (gk_catalog_channels_parent_class)->dispose (object);
}

static void
gk_catalog_channels_class_init (GkCatalogChannelsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_channels_dispose;

  /* A channel was named, renamed or removed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-channels.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogChannels, channels_list);
  gtk_widget_class_bind_template_callback (widget_class, on_channels_changed_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-channel", NULL, add_channel_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_STRING_LIST);
}

static void
gk_catalog_channels_init (GkCatalogChannels *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_catalog_channels_new (void)
{
  return g_object_new (GK_TYPE_CATALOG_CHANNELS, NULL);
}
