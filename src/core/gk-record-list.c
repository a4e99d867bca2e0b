/* gk-record-list.c: records of a query as a GListModel, read from the store a page at a time. */
#include "config.h"

#include "gk-record-list.h"

/* Pages kept before the oldest are dropped: a window of a few screens. */
#define MAX_PAGES 16

struct _GkRecordList
{
  GObject parent_instance;

  GkStore *store;
  GkQuery *query;
  guint n_items;
  GHashTable *pages;      /* page number → GPtrArray of GkRecord */
  GQueue page_order;      /* oldest first, for eviction */
  guint pages_loaded;
};

static void gk_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkRecordList, gk_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, gk_record_list_model_init))

static GType
gk_record_list_get_item_type (GListModel *model)
{
  return GK_TYPE_RECORD;
}

static guint
gk_record_list_get_n_items (GListModel *model)
{
  return GK_RECORD_LIST (model)->n_items;
}

static GPtrArray *
load_page (GkRecordList *self,
           guint         page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = gk_store_query (self->store, self->query, page * GK_RECORD_LIST_PAGE_SIZE,
                            GK_RECORD_LIST_PAGE_SIZE, &error);
  if (records == NULL)
    {
      g_warning ("Could not read records: %s", error->message);
      return NULL;
    }

  if (g_queue_get_length (&self->page_order) >= MAX_PAGES)
    {
      guint oldest = GPOINTER_TO_UINT (g_queue_pop_head (&self->page_order));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest));
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  self->pages_loaded++;
  return records;
}

static gpointer
gk_record_list_get_item (GListModel *model,
                         guint       position)
{
  GkRecordList *self = GK_RECORD_LIST (model);
  guint page = position / GK_RECORD_LIST_PAGE_SIZE;
  guint index = position % GK_RECORD_LIST_PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->n_items)
    return NULL;

  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    records = load_page (self, page);
  if (records == NULL || index >= records->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (records, index));
}

static void
gk_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gk_record_list_get_item_type;
  iface->get_n_items = gk_record_list_get_n_items;
  iface->get_item = gk_record_list_get_item;
}

static void
drop_pages (GkRecordList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

void
gk_record_list_refresh (GkRecordList *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items = self->n_items;
  guint count = 0;

  g_return_if_fail (GK_IS_RECORD_LIST (self));

  drop_pages (self);
  if (!gk_store_count (self->store, self->query, &count, &error))
    g_warning ("Could not count records: %s", error->message);

  self->n_items = count;
  if (old_n_items > 0 || count > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, count);
}

GkRecord *
gk_record_list_lookup (GkRecordList *self,
                       const char   *uuid)
{
  GHashTableIter iter;
  GPtrArray *records;

  g_return_val_if_fail (GK_IS_RECORD_LIST (self), NULL);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &records))
    for (guint i = 0; i < records->len; i++)
      if (g_strcmp0 (gk_record_get_uuid (g_ptr_array_index (records, i)), uuid) == 0)
        return g_ptr_array_index (records, i);
  return NULL;
}

static void
on_store_records_changed_cb (GkRecordList *self)
{
  gk_record_list_refresh (self);
}

static void
gk_record_list_dispose (GObject *object)
{
  GkRecordList *self = GK_RECORD_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_record_list_parent_class)->dispose (object);
}

static void
gk_record_list_finalize (GObject *object)
{
  GkRecordList *self = GK_RECORD_LIST (object);

  drop_pages (self);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->query, gk_query_free);

  G_OBJECT_CLASS (gk_record_list_parent_class)->finalize (object);
}

static void
gk_record_list_class_init (GkRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_record_list_dispose;
  object_class->finalize = gk_record_list_finalize;
}

static void
gk_record_list_init (GkRecordList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->query = gk_query_new ();
  g_queue_init (&self->page_order);
}

GkRecordList *
gk_record_list_new (GkStore *store)
{
  GkRecordList *self;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  self = g_object_new (GK_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "records-changed", G_CALLBACK (on_store_records_changed_cb), self);
  return self;
}

void
gk_record_list_set_query (GkRecordList  *self,
                          const GkQuery *query)
{
  g_return_if_fail (GK_IS_RECORD_LIST (self));
  g_return_if_fail (query != NULL);

  g_clear_pointer (&self->query, gk_query_free);
  self->query = gk_query_copy (query);
  gk_record_list_refresh (self);
}

guint
gk_record_list_get_pages_loaded (GkRecordList *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST (self), 0);
  return self->pages_loaded;
}
