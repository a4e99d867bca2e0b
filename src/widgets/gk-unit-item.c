/* gk-unit-item.c: one responsible unit as a list item: its id, its name (shown by choosers through the "name" property), retired or not. */
#include "config.h"

#include "gk-unit-item.h"

struct _GkUnitItem
{
  GObject parent_instance;

  gint64 id;
  char *name;
  gboolean retired;
};

G_DEFINE_FINAL_TYPE (GkUnitItem, gk_unit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_RETIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_unit_item_finalize (GObject *object)
{
  GkUnitItem *self = GK_UNIT_ITEM (object);

  g_free (self->name);

  G_OBJECT_CLASS (gk_unit_item_parent_class)->finalize (object);
}

static void
gk_unit_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GkUnitItem *self = GK_UNIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_RETIRED:
      g_value_set_boolean (value, self->retired);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_unit_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GkUnitItem *self = GK_UNIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_RETIRED:
      self->retired = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_unit_item_class_init (GkUnitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_unit_item_finalize;
  object_class->get_property = gk_unit_item_get_property;
  object_class->set_property = gk_unit_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETIRED] =
    g_param_spec_boolean ("retired", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_unit_item_init (GkUnitItem *self)
{
}

GkUnitItem *
gk_unit_item_new (gint64      id,
                  const char *name,
                  gboolean    retired)
{
  return g_object_new (GK_TYPE_UNIT_ITEM, "id", id, "name", name, "retired", retired, NULL);
}

gint64
gk_unit_item_get_id (GkUnitItem *self)
{
  g_return_val_if_fail (GK_IS_UNIT_ITEM (self), 0);
  return self->id;
}

const char *
gk_unit_item_get_name (GkUnitItem *self)
{
  g_return_val_if_fail (GK_IS_UNIT_ITEM (self), NULL);
  return self->name;
}

gboolean
gk_unit_item_get_retired (GkUnitItem *self)
{
  g_return_val_if_fail (GK_IS_UNIT_ITEM (self), FALSE);
  return self->retired;
}
