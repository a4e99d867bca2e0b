/* gk-catalog-item-row.c: one catalog item in the window's catalog list: its name and time limit, dimmed once retired. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-item-row.h"

struct _GkCatalogItemRow
{
  AdwActionRow parent_instance;

  GkItem *item;
};

G_DEFINE_FINAL_TYPE (GkCatalogItemRow, gk_catalog_item_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_ITEM_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_texts (GkCatalogItemRow *self)
{
  GkItem *item = self->item;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), item != NULL ? gk_item_get_level2 (item) : "");
  if (item == NULL)
    return;
  /* A retired item stays listed, so that it can be brought back. */
  if (gk_item_get_retired (item))
    /* Translators: the time limit of a catalog item that takes no new records */
    subtitle = g_strdup_printf (_("Retired · %s"), gk_item_get_time_limit (item) != NULL ? gk_item_get_time_limit (item) : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : gk_item_get_time_limit (item));
  if (gk_item_get_retired (item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
}

static void
gk_catalog_item_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GkCatalogItemRow *self = GK_CATALOG_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_ITEM_KEY:
      g_value_set_string (value, gk_catalog_item_row_get_item_key (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_item_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GkCatalogItemRow *self = GK_CATALOG_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gk_catalog_item_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_item_row_dispose (GObject *object)
{
  GkCatalogItemRow *self = GK_CATALOG_ITEM_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (gk_catalog_item_row_parent_class)->dispose (object);
}

static void
gk_catalog_item_row_class_init (GkCatalogItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_catalog_item_row_dispose;
  object_class->get_property = gk_catalog_item_row_get_property;
  object_class->set_property = gk_catalog_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GK_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_KEY] =
    g_param_spec_string ("item-key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_catalog_item_row_init (GkCatalogItemRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
gk_catalog_item_row_new (GkItem *item)
{
  return g_object_new (GK_TYPE_CATALOG_ITEM_ROW, "item", item, NULL);
}

GkItem *
gk_catalog_item_row_get_item (GkCatalogItemRow *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM_ROW (self), NULL);
  return self->item;
}

void
gk_catalog_item_row_set_item (GkCatalogItemRow *self,
                              GkItem           *item)
{
  g_autofree char *old_key = NULL;

  g_return_if_fail (GK_IS_CATALOG_ITEM_ROW (self));
  g_return_if_fail (item == NULL || GK_IS_ITEM (item));

  old_key = g_strdup (gk_catalog_item_row_get_item_key (self));
  /* The same key with new texts is still a new item object: show it. */
  g_set_object (&self->item, item);
  update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (g_strcmp0 (old_key, gk_catalog_item_row_get_item_key (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_KEY]);
}

const char *
gk_catalog_item_row_get_item_key (GkCatalogItemRow *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM_ROW (self), NULL);
  return self->item != NULL ? gk_item_get_key (self->item) : NULL;
}
