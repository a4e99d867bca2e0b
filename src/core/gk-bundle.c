/* gk-bundle.c: the publication bundle: selects, renders and writes the site and its data, rewriting only what changed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-bundle-private.h"
#include "gk-date.h"
#include "gk-item.h"
#include "gk-settings.h"
#include "gk-store-private.h"

#define PAGE_SIZE 50
#define MANIFEST ".gongkai-bundle"

void
gk_bundle_held_free (GkBundleHeld *held)
{
  if (held == NULL)
    return;
  g_free (held->index_no);
  g_free (held->title);
  g_free (held->item_name);
  g_free (held);
}

void
gk_bundle_summary_free (GkBundleSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->held, g_ptr_array_unref);
  g_free (summary);
}

typedef struct
{
  GkStore *store;
  GkBundleConfig *config;
  GkMaskPolicy policy;
  GkBundleSite site;
  char *org_name;
  char *org_code;
  char *today;
  char *ocid_prefix;
  GPtrArray *rows;       /* GkBundleRow */
  GPtrArray *entries;    /* GkBundleEntry, newest first */
  GPtrArray *lists;      /* GkBundleList */
  GHashTable *chains;    /* project id → GPtrArray of GkBundleEntry, lifecycle order */
  GArray *report_years;  /* years with annual report figures */
  GkBundleSummary *summary;
} Build;

static void
list_free (GkBundleList *list)
{
  g_free (list->base);
  g_free (list->title);
  g_free (list->domain);
  g_ptr_array_unref (list->entries);
  g_free (list);
}

static void
build_clear (Build *build)
{
  g_clear_pointer (&build->config, gk_bundle_config_free);
  g_free (build->org_name);
  g_free (build->org_code);
  g_free (build->today);
  g_free (build->ocid_prefix);
  g_clear_pointer (&build->chains, g_hash_table_unref);
  g_clear_pointer (&build->report_years, g_array_unref);
  g_clear_pointer (&build->lists, g_ptr_array_unref);
  g_clear_pointer (&build->entries, g_ptr_array_unref);
  g_clear_pointer (&build->rows, g_ptr_array_unref);
  g_clear_pointer (&build->summary, gk_bundle_summary_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const GkBundleEntry *x = *(GkBundleEntry **) a;
  const GkBundleEntry *y = *(GkBundleEntry **) b;
  int order = g_strcmp0 (y->row->published_on, x->row->published_on);

  if (order == 0)
    order = g_strcmp0 (y->row->formed_on, x->row->formed_on);
  return order != 0 ? order : g_strcmp0 (x->row->index_no, y->row->index_no);
}

static int
compare_lifecycle (gconstpointer a,
                   gconstpointer b)
{
  const GkBundleEntry *x = *(GkBundleEntry **) a;
  const GkBundleEntry *y = *(GkBundleEntry **) b;

  if (x->row->stage != y->row->stage)
    return x->row->stage < y->row->stage ? -1 : 1;
  if (g_strcmp0 (x->row->formed_on, y->row->formed_on) != 0)
    return g_strcmp0 (x->row->formed_on, y->row->formed_on);
  return g_strcmp0 (x->row->index_no, y->row->index_no);
}

static int
compare_held (gconstpointer a,
              gconstpointer b)
{
  const GkBundleHeld *x = *(GkBundleHeld **) a;
  const GkBundleHeld *y = *(GkBundleHeld **) b;

  return g_strcmp0 (x->index_no, y->index_no);
}

static GkBundleList *
add_list (Build      *build,
          const char *prefix,
          const char *key,
          const char *title,
          const char *domain,
          gboolean    is_item)
{
  GkBundleList *list = g_new0 (GkBundleList, 1);
  g_autofree char *safe = gk_bundle_safe_name (key);

  list->base = g_strdup_printf ("%s-%s", prefix, safe);
  list->title = g_strdup (title);
  list->domain = g_strdup (domain);
  list->is_item = is_item;
  list->entries = g_ptr_array_new ();
  g_ptr_array_add (build->lists, list);
  return list;
}

/* The domains and items to list, in catalog order, each with its entries. */
static gboolean
collect_lists (Build   *build,
               GError **error)
{
  g_autoptr(GPtrArray) domains = gk_store_list_domains (build->store, error);

  if (domains == NULL)
    return FALSE;
  for (guint d = 0; d < domains->len; d++)
    {
      const char *domain = g_ptr_array_index (domains, d);
      g_autofree char *name = NULL;
      g_autoptr(GPtrArray) items = NULL;
      GkBundleList *domain_list;

      if (g_strv_contains ((const char * const *) build->config->never_published_domains, domain))
        continue;
      name = gk_store_dup_domain_name (build->store, domain, error);
      items = name != NULL ? gk_store_list_items (build->store, domain, TRUE, error) : NULL;
      if (items == NULL)
        return FALSE;

      domain_list = add_list (build, "domain", domain, name, domain, FALSE);
      for (guint e = 0; e < build->entries->len; e++)
        {
          GkBundleEntry *entry = g_ptr_array_index (build->entries, e);

          if (g_str_equal (entry->row->domain, domain))
            g_ptr_array_add (domain_list->entries, entry);
        }
      for (guint i = 0; i < items->len; i++)
        {
          GkItem *item = g_ptr_array_index (items, i);
          GkBundleList *item_list = NULL;

          for (guint e = 0; e < domain_list->entries->len; e++)
            {
              GkBundleEntry *entry = g_ptr_array_index (domain_list->entries, e);

              if (entry->row->item_id != gk_item_get_id (item))
                continue;
              if (item_list == NULL)
                item_list = add_list (build, "item", gk_item_get_key (item), gk_item_get_level2 (item), domain, TRUE);
              g_ptr_array_add (item_list->entries, entry);
            }
        }
    }
  return TRUE;
}

static void
mask_in_place (char               **text,
               const GkMaskPolicy  *policy)
{
  char *masked;

  if (*text == NULL)
    return;
  masked = gk_bundle_mask_text (*text, policy);
  g_free (*text);
  *text = masked;
}

static gboolean
collect (Build                 *build,
         GkStore               *store,
         const GkBundleOptions *options,
         GError               **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  build->store = store;
  build->summary = g_new0 (GkBundleSummary, 1);
  build->summary->held = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_held_free);
  build->config = gk_bundle_config_load (error);
  if (build->config == NULL ||
      !gk_store_get_mask_policy (store, &build->policy, error) ||
      !gk_store_get_organisation (store, &build->org_name, &build->org_code, error))
    return FALSE;

  if (options != NULL && options->today != NULL)
    build->today = g_strdup (options->today);
  else
    build->today = gk_today ();
  build->ocid_prefix = g_strdup (options != NULL && options->ocid_prefix != NULL
                                 ? options->ocid_prefix : build->config->ocid_prefix);
  build->site.config = build->config;
  build->site.org_name = build->org_name;
  build->site.site_title = json_object_get_string_member (build->config->root, "site_title");
  build->site.policy = &build->policy;

  build->rows = gk_store_list_bundle_rows (store, error);
  if (build->rows == NULL)
    return FALSE;

  build->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_entry_free);
  build->chains = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < build->rows->len; i++)
    {
      GkBundleRow *row = g_ptr_array_index (build->rows, i);
      GkBundleHold hold = gk_bundle_classify (build->config, row, build->today);
      g_autofree char *name = NULL;
      g_autofree char *page = NULL;
      GkBundleEntry *entry;

      if (hold != GK_BUNDLE_HOLD_NONE)
        {
          build->summary->n_held[hold]++;
          /* Applications name people: they are only counted. */
          if (hold != GK_BUNDLE_HOLD_REQUEST)
            {
              GkBundleHeld *held = g_new0 (GkBundleHeld, 1);

              held->index_no = g_strdup (row->index_no);
              held->title = gk_bundle_mask_text (row->title, &build->policy);
              held->item_name = g_strdup (row->item_name);
              held->hold = hold;
              g_ptr_array_add (build->summary->held, held);
            }
          continue;
        }

      /* The project's name and code and the unit's name are typed by a
       * clerk like any other text, and shown beside the record's own. */
      mask_in_place (&row->project_name, &build->policy);
      mask_in_place (&row->project_code, &build->policy);
      mask_in_place (&row->unit_name, &build->policy);

      name = gk_bundle_safe_name (row->index_no);
      /* Two 索引号 that differ only where '/' and '_' stand would meet. */
      while (g_hash_table_contains (names, name))
        {
          char *longer = g_strdup_printf ("%s-%" G_GINT64_FORMAT, name, row->id);

          g_free (name);
          name = longer;
        }
      g_hash_table_add (names, g_strdup (name));
      page = g_strdup_printf ("record/%s.html", name);
      entry = gk_bundle_entry_new (build->config, row, gk_store_lookup_schema (store, row->item_id),
                                   &build->policy, page);
      g_ptr_array_add (build->entries, entry);
      /* The entry holds their masked copies: a large ledger need not hold both. */
      g_clear_pointer (&row->body, g_free);
      g_clear_pointer (&row->fields, g_free);

      if (row->project_id != 0)
        {
          GPtrArray *chain = g_hash_table_lookup (build->chains, &row->project_id);

          if (chain == NULL)
            {
              chain = g_ptr_array_new ();
              g_hash_table_insert (build->chains, &row->project_id, chain);
            }
          g_ptr_array_add (chain, entry);
        }
    }
  g_ptr_array_sort (build->entries, compare_newest_first);
  g_ptr_array_sort (build->summary->held, compare_held);
  {
    GHashTableIter iter;
    gpointer chain;

    g_hash_table_iter_init (&iter, build->chains);
    while (g_hash_table_iter_next (&iter, NULL, &chain))
      g_ptr_array_sort (chain, compare_lifecycle);
  }

  build->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  if (!collect_lists (build, error))
    return FALSE;

  build->report_years = gk_bundle_report_years (store, build->today, error);
  if (build->report_years == NULL)
    return FALSE;

  build->summary->n_records = build->entries->len;
  {
    g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < build->entries->len; i++)
      {
        GkBundleEntry *entry = g_ptr_array_index (build->entries, i);

        for (guint a = 0; a < entry->attachment_paths->len; a++)
          g_hash_table_add (files, g_ptr_array_index (entry->attachment_paths, a));
      }
    build->summary->n_attachments = g_hash_table_size (files);
  }
  /* index, 公开目录, 黑名单, 公开指南, the annual reports, the records,
   * every list page. */
  build->summary->n_pages = 4 + build->report_years->len + build->entries->len;
  for (guint i = 0; i < build->lists->len; i++)
    {
      GkBundleList *list = g_ptr_array_index (build->lists, i);

      build->summary->n_pages += MAX (1, (list->entries->len + PAGE_SIZE - 1) / PAGE_SIZE);
    }
  return TRUE;
}

GkBundleSummary *
gk_bundle_plan (GkStore               *store,
                const GkBundleOptions *options,
                GError               **error)
{
  g_auto(Build) build = { 0 };

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  if (!collect (&build, store, options, error))
    return NULL;
  return g_steal_pointer (&build.summary);
}

static gboolean
put_page (GkBundleWriter  *writer,
          const char      *path,
          GString         *page,
          GError         **error)
{
  gboolean ok = gk_bundle_writer_put_string (writer, path, page, error);

  g_string_truncate (page, 0);
  return ok;
}

static gboolean
put_text (GkBundleWriter  *writer,
          const char      *path,
          char            *text,
          GError         **error)
{
  gboolean ok = gk_bundle_writer_put (writer, path, text, strlen (text), error);

  g_free (text);
  return ok;
}

static gboolean
write_records (Build            *build,
               GkBundleWriter   *writer,
               GString          *page,
               GkBundleProgress  progress,
               gpointer          progress_data,
               GCancellable     *cancellable,
               GError          **error)
{
  for (guint i = 0; i < build->entries->len; i++)
    {
      GkBundleEntry *entry = g_ptr_array_index (build->entries, i);
      GPtrArray *chain = entry->row->project_id != 0
                         ? g_hash_table_lookup (build->chains, &entry->row->project_id) : NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      gk_bundle_html_record (page, &build->site, entry, chain);
      if (!put_page (writer, entry->page, page, error))
        return FALSE;

      for (guint a = 0; a < entry->row->attachments->len; a++)
        {
          GkAttachment *attachment = g_ptr_array_index (entry->row->attachments, a);
          g_autoptr(GFile) source = gk_store_get_attachment_file (build->store, attachment);

          if (!gk_bundle_writer_copy (writer, g_ptr_array_index (entry->attachment_paths, a),
                                      source, attachment->sha256, error))
            return FALSE;
        }
      if (progress != NULL && i % 64 == 0)
        progress (0.9 * i / build->entries->len, progress_data);
    }
  return TRUE;
}

static gboolean
write_lists (Build           *build,
             GkBundleWriter  *writer,
             GString         *page,
             GError         **error)
{
  for (guint i = 0; i < build->lists->len; i++)
    {
      GkBundleList *list = g_ptr_array_index (build->lists, i);
      guint n_pages = MAX (1, (list->entries->len + PAGE_SIZE - 1) / PAGE_SIZE);

      for (guint p = 1; p <= n_pages; p++)
        {
          g_autofree char *path = gk_bundle_list_path (list->base, p);

          gk_bundle_html_list (page, &build->site, list->title, list->entries, p, n_pages, list->base);
          if (!put_page (writer, path, page, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_site_pages (Build           *build,
                  GkBundleWriter  *writer,
                  GString         *page,
                  gboolean         with_ocds,
                  GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) blacklist = g_ptr_array_new ();
  char *guide[GK_GUIDE_N_FIELDS] = { NULL };
  gboolean ok;

  gk_bundle_html_index (page, &build->site, build->lists, build->entries, build->report_years, with_ocds);
  if (!put_page (writer, "index.html", page, error))
    return FALSE;

  /* 政府信息公开工作年度报告: counted by the workbook's own code. */
  for (guint i = 0; i < build->report_years->len; i++)
    {
      int year = g_array_index (build->report_years, int, i);
      g_autofree char *path = g_strdup_printf ("report-%d.html", year);

      if (!gk_bundle_html_report (page, &build->site, build->store, year, build->today, error) ||
          !put_page (writer, path, page, error))
        return FALSE;
    }

  /* The catalog of every domain the bundle publishes, in catalog order. */
  for (guint i = 0; i < build->lists->len; i++)
    {
      GkBundleList *list = g_ptr_array_index (build->lists, i);
      g_autoptr(GPtrArray) domain_items = NULL;

      if (list->is_item)
        continue;
      domain_items = gk_store_list_items (build->store, list->domain, FALSE, error);
      if (domain_items == NULL)
        return FALSE;
      for (guint j = 0; j < domain_items->len; j++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (domain_items, j)));
    }
  gk_bundle_html_catalog (page, &build->site, items);
  if (!put_page (writer, "catalog.html", page, error))
    return FALSE;

  for (guint i = 0; i < build->entries->len; i++)
    {
      GkBundleEntry *entry = g_ptr_array_index (build->entries, i);

      if (g_strcmp0 (entry->row->domain, build->config->blacklist_domain) == 0)
        g_ptr_array_add (blacklist, entry);
    }
  gk_bundle_html_blacklist (page, &build->site, blacklist);
  if (!put_page (writer, "blacklist.html", page, error))
    return FALSE;

  for (guint i = 0; i < GK_GUIDE_N_FIELDS; i++)
    {
      guide[i] = gk_store_get_guide (build->store, i, error);
      if (guide[i] == NULL)
        {
          for (guint j = 0; j < i; j++)
            g_free (guide[j]);
          return FALSE;
        }
      /* Preferences hold an office's numbers, but a clerk may have typed
       * a personal mobile: it is masked like any other. */
      {
        char *masked = gk_bundle_mask_text (guide[i], &build->policy);

        g_free (guide[i]);
        guide[i] = masked;
      }
    }
  gk_bundle_html_guide (page, &build->site, guide);
  for (guint i = 0; i < GK_GUIDE_N_FIELDS; i++)
    g_free (guide[i]);
  ok = put_page (writer, "guide.html", page, error);
  return ok;
}

static int
compare_chains (gconstpointer a,
                gconstpointer b)
{
  const GkBundleEntry *x = g_ptr_array_index (*(GPtrArray **) a, 0);
  const GkBundleEntry *y = g_ptr_array_index (*(GPtrArray **) b, 0);

  return x->row->project_id < y->row->project_id ? -1 : x->row->project_id > y->row->project_id;
}

static GPtrArray *
ocds_chains (Build *build)
{
  GPtrArray *chains = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer chain;

  g_hash_table_iter_init (&iter, build->chains);
  while (g_hash_table_iter_next (&iter, NULL, &chain))
    {
      GkBundleEntry *first = g_ptr_array_index ((GPtrArray *) chain, 0);

      if (g_strv_contains ((const char * const *) build->config->ocds_project_kinds, first->row->project_kind))
        g_ptr_array_add (chains, chain);
    }
  /* Hash order is not stable: the projects in the order they were made. */
  g_ptr_array_sort (chains, compare_chains);
  return chains;
}

GkBundleSummary *
gk_bundle_publish (GkStore               *store,
                   const GkBundleOptions *options,
                   const char            *dir,
                   GkBundleProgress       progress,
                   gpointer               progress_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_auto(Build) build = { 0 };
  g_autoptr(GkBundleWriter) writer = NULL;
  g_autoptr(GString) page = g_string_sized_new (16 * 1024);
  g_autoptr(GPtrArray) chains = NULL;
  const char *latest;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (!collect (&build, store, options, error))
    return NULL;
  writer = gk_bundle_writer_new (dir, error);
  if (writer == NULL)
    return NULL;

  chains = ocds_chains (&build);
  latest = build.entries->len > 0 ? ((GkBundleEntry *) g_ptr_array_index (build.entries, 0))->row->published_on : NULL;

  if (!gk_bundle_writer_put (writer, "assets/style.css",
                             g_bytes_get_data (build.config->stylesheet, NULL),
                             g_bytes_get_size (build.config->stylesheet), error) ||
      !write_records (&build, writer, page, progress, progress_data, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !write_lists (&build, writer, page, error) ||
      !write_site_pages (&build, writer, page, chains->len > 0, error) ||
      !put_text (writer, "data/records.json",
                 gk_bundle_data_records_json (&build.site, build.org_code, build.entries), error) ||
      !put_text (writer, "data/records.csv", gk_bundle_data_records_csv (&build.site, build.entries), error) ||
      !put_text (writer, "feed.atom", gk_bundle_data_feed (&build.site, build.org_code, build.entries), error))
    return NULL;
  if (chains->len > 0 &&
      !put_text (writer, "data/ocds-releases.json",
                 gk_bundle_data_ocds (&build.site, build.org_code, build.ocid_prefix, latest, chains), error))
    return NULL;
  if (!gk_bundle_writer_finish (writer, build.summary, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&build.summary);
}
