/* gk-unit-model.c: the ledger's responsible units as a list model, read from the store when asked and changed only where they changed. */
#include "config.h"

#include "gk-unit-model.h"

struct _GkUnitModel
{
  GObject parent_instance;

  GkStore *store;
  char *none_label;
  gboolean with_retired;
  GPtrArray *items;              /* GkUnitItem */
};

static void gk_unit_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkUnitModel, gk_unit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, gk_unit_model_list_model_init))

static GType
gk_unit_model_get_item_type (GListModel *model)
{
  return GK_TYPE_UNIT_ITEM;
}

static guint
gk_unit_model_get_n_items (GListModel *model)
{
  return GK_UNIT_MODEL (model)->items->len;
}

static gpointer
gk_unit_model_get_item (GListModel *model,
                        guint       position)
{
  GkUnitModel *self = GK_UNIT_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
gk_unit_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gk_unit_model_get_item_type;
  iface->get_n_items = gk_unit_model_get_n_items;
  iface->get_item = gk_unit_model_get_item;
}

static void
gk_unit_model_dispose (GObject *object)
{
  GkUnitModel *self = GK_UNIT_MODEL (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_unit_model_parent_class)->dispose (object);
}

static void
gk_unit_model_finalize (GObject *object)
{
  GkUnitModel *self = GK_UNIT_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->none_label);

  G_OBJECT_CLASS (gk_unit_model_parent_class)->finalize (object);
}

static void
gk_unit_model_class_init (GkUnitModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_unit_model_dispose;
  object_class->finalize = gk_unit_model_finalize;
}

static void
gk_unit_model_init (GkUnitModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GkUnitModel *
gk_unit_model_new (GkStore    *store,
                   const char *none_label,
                   gboolean    with_retired)
{
  GkUnitModel *self;

  g_return_val_if_fail (store == NULL || GK_IS_STORE (store), NULL);

  self = g_object_new (GK_TYPE_UNIT_MODEL, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->none_label = g_strdup (none_label);
  self->with_retired = with_retired;
  if (none_label != NULL)
    g_ptr_array_add (self->items, gk_unit_item_new (0, none_label, FALSE));
  return self;
}

static gboolean
same_item (GkUnitItem *a,
           GkUnitItem *b)
{
  return gk_unit_item_get_id (a) == gk_unit_item_get_id (b) &&
         gk_unit_item_get_retired (a) == gk_unit_item_get_retired (b) &&
         g_strcmp0 (gk_unit_item_get_name (a), gk_unit_item_get_name (b)) == 0;
}

static gboolean
has_unit (GPtrArray *units,
          gint64     id)
{
  for (guint i = 0; i < units->len; i++)
    if (((const GkUnit *) g_ptr_array_index (units, i))->id == id)
      return TRUE;
  return FALSE;
}

gboolean
gk_unit_model_reload (GkUnitModel *self,
                      gint64       kept_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = 0, old_end, new_end;

  g_return_val_if_fail (GK_IS_UNIT_MODEL (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  units = gk_store_list_units (self->store, TRUE, error);
  if (units == NULL)
    return FALSE;

  if (self->none_label != NULL)
    g_ptr_array_add (items, gk_unit_item_new (0, self->none_label, FALSE));
  for (guint i = 0; i < units->len; i++)
    {
      const GkUnit *unit = g_ptr_array_index (units, i);

      /* A retired unit stays on what already names it. */
      if (unit->retired && !self->with_retired && unit->id != kept_id)
        continue;
      g_ptr_array_add (items, gk_unit_item_new (unit->id, unit->name, unit->retired));
    }
  /* A record of another organisation (in a district's ledger) keeps its
   * own unit, which is none of this organisation's. */
  if (kept_id != 0 && !has_unit (units, kept_id))
    {
      g_autoptr(GkUnit) kept = gk_store_get_unit (self->store, kept_id, NULL);

      if (kept != NULL)
        g_ptr_array_add (items, gk_unit_item_new (kept->id, kept->name, kept->retired));
    }

  /* Most writes do not touch the units: only what differs is replaced,
   * so a chooser keeps the clerk's choice. */
  while (first < items->len && first < self->items->len &&
         same_item (g_ptr_array_index (items, first), g_ptr_array_index (self->items, first)))
    first++;
  old_end = self->items->len;
  new_end = items->len;
  while (old_end > first && new_end > first &&
         same_item (g_ptr_array_index (items, new_end - 1), g_ptr_array_index (self->items, old_end - 1)))
    old_end--, new_end--;
  if (first == old_end && first == new_end)
    return TRUE;

  g_ptr_array_remove_range (self->items, first, old_end - first);
  for (guint i = first; i < new_end; i++)
    g_ptr_array_insert (self->items, i, g_object_ref (g_ptr_array_index (items, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), first, old_end - first, new_end - first);
  return TRUE;
}

gint64
gk_unit_model_get_id (GkUnitModel *self,
                      guint        position)
{
  g_return_val_if_fail (GK_IS_UNIT_MODEL (self), 0);

  if (position >= self->items->len)
    return 0;
  return gk_unit_item_get_id (g_ptr_array_index (self->items, position));
}

guint
gk_unit_model_find (GkUnitModel *self,
                    gint64       id)
{
  g_return_val_if_fail (GK_IS_UNIT_MODEL (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (gk_unit_item_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;
  return 0;
}

GkStore *
gk_unit_model_get_store (GkUnitModel *self)
{
  g_return_val_if_fail (GK_IS_UNIT_MODEL (self), NULL);
  return self->store;
}
