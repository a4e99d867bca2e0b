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
#define FEED_SIZE 50

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
  g_clear_pointer (&summary->held_attachments, g_ptr_array_unref);
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
  char *site_key;          /* checksum of what every page shows */
  gint64 revision;         /* of the ledger, -1 when it keeps none */
  guint n_threads;         /* that make the record pages, 0: one per processor */
  gboolean full;           /* every record read and rendered */
  GkBundleManifest *old;   /* what the last publish wrote and read */
  GHashTable *old_stubs;   /* id → GkBundleStub of @old */
  GPtrArray *owned;        /* GkBundleStub read this time */
  GHashTable *stubs;       /* id → GkBundleStub: the published records now */
  GHashTable *held;        /* id → GkBundleHold: the others */
  GHashTable *touched;     /* ids read again: changed, gone or new */
  GHashTable *report_touched; /* years whose annual report a change may alter */
  gboolean reports_touched;   /* every year's */
  GPtrArray *sorted;       /* GkBundleStub, newest first */
  GPtrArray *lists;        /* GkBundleList */
  GHashTable *chains;      /* project id → GPtrArray of GkBundleStub, lifecycle order */
  GArray *report_years;    /* years with annual report figures */
  GPtrArray *months;       /* GkBundleMonth, newest first */
  GHashTable *attachments; /* "files/…" the stubs carry */
  GHashTable *ocds;        /* ids of the projects of the OCDS kinds */
  GHashTable *ocds_pending;  /* project id → GPtrArray of its chain's entries, NULL where not read yet */
  GHashTable *ocds_releases; /* project id → its release, made while its pages were */
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
month_free (GkBundleMonth *month)
{
  g_free (month->month);
  g_free (month);
}

static void
build_clear (Build *build)
{
  g_clear_pointer (&build->config, gk_bundle_config_free);
  g_free (build->org_name);
  g_free (build->org_code);
  g_free (build->today);
  g_free (build->ocid_prefix);
  g_free (build->site_key);
  g_clear_pointer (&build->chains, g_hash_table_unref);
  g_clear_pointer (&build->report_years, g_array_unref);
  g_clear_pointer (&build->months, g_ptr_array_unref);
  g_clear_pointer (&build->lists, g_ptr_array_unref);
  g_clear_pointer (&build->sorted, g_ptr_array_unref);
  g_clear_pointer (&build->attachments, g_hash_table_unref);
  g_clear_pointer (&build->ocds, g_hash_table_unref);
  g_clear_pointer (&build->ocds_pending, g_hash_table_unref);
  g_clear_pointer (&build->ocds_releases, g_hash_table_unref);
  g_clear_pointer (&build->touched, g_hash_table_unref);
  g_clear_pointer (&build->report_touched, g_hash_table_unref);
  g_clear_pointer (&build->held, g_hash_table_unref);
  g_clear_pointer (&build->stubs, g_hash_table_unref);
  g_clear_pointer (&build->old_stubs, g_hash_table_unref);
  g_clear_pointer (&build->owned, g_ptr_array_unref);
  g_clear_pointer (&build->old, gk_bundle_manifest_free);
  g_clear_pointer (&build->summary, gk_bundle_summary_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

const char *
gk_bundle_stub_month (const GkBundleStub *stub)
{
  char month[8];

  if (stub->published_on == NULL || strlen (stub->published_on) < 7)
    return "undated";
  memcpy (month, stub->published_on, 7);
  month[7] = '\0';
  return g_intern_string (month);
}

int
gk_bundle_stub_compare_newest (gconstpointer a,
                               gconstpointer b)
{
  const GkBundleStub *x = *(GkBundleStub **) a;
  const GkBundleStub *y = *(GkBundleStub **) b;
  int order = g_strcmp0 (y->published_on, x->published_on);

  if (order == 0)
    order = g_strcmp0 (y->formed_on, x->formed_on);
  return order != 0 ? order : g_strcmp0 (x->index_no, y->index_no);
}

/* Sorts @stubs newest first, unless they are already: the manifest keeps
 * them so. */
static void
sort_newest (GPtrArray *stubs)
{
  for (guint i = 1; i < stubs->len; i++)
    if (gk_bundle_stub_compare_newest (&stubs->pdata[i - 1], &stubs->pdata[i]) > 0)
      {
        g_ptr_array_sort (stubs, gk_bundle_stub_compare_newest);
        return;
      }
}

/* The published records newest first. After a few changes, the last
 * publish's order with the records read again merged in. */
static GPtrArray *
arrange_newest (Build *build)
{
  GPtrArray *sorted = g_ptr_array_sized_new (g_hash_table_size (build->stubs));
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint k = 0, f = 0;

  /* Every record read (or a plan, which reads every record and keeps no
   * manifest): sorted whole. */
  if (build->full || build->old == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, build->stubs);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (sorted, value);
      g_ptr_array_sort (sorted, gk_bundle_stub_compare_newest);
      return sorted;
    }
  kept = g_ptr_array_sized_new (build->old->stubs->len);
  fresh = g_ptr_array_new ();
  for (guint i = 0; i < build->old->stubs->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (build->old->stubs, i);

      if (g_hash_table_lookup (build->stubs, &stub->id) == stub)
        g_ptr_array_add (kept, stub);
    }
  for (guint i = 0; i < build->owned->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (build->owned, i);

      if (g_hash_table_lookup (build->stubs, &stub->id) == stub)
        g_ptr_array_add (fresh, stub);
    }
  sort_newest (kept);
  g_ptr_array_sort (fresh, gk_bundle_stub_compare_newest);
  while (k < kept->len || f < fresh->len)
    {
      if (f == fresh->len ||
          (k < kept->len && gk_bundle_stub_compare_newest (&kept->pdata[k], &fresh->pdata[f]) <= 0))
        g_ptr_array_add (sorted, kept->pdata[k++]);
      else
        g_ptr_array_add (sorted, fresh->pdata[f++]);
    }
  return sorted;
}

static int
compare_lifecycle (gconstpointer a,
                   gconstpointer b)
{
  const GkBundleStub *x = *(GkBundleStub **) a;
  const GkBundleStub *y = *(GkBundleStub **) b;

  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (g_strcmp0 (x->formed_on, y->formed_on) != 0)
    return g_strcmp0 (x->formed_on, y->formed_on);
  return g_strcmp0 (x->index_no, y->index_no);
}

static int
compare_held (gconstpointer a,
              gconstpointer b)
{
  const GkBundleHeld *x = *(GkBundleHeld **) a;
  const GkBundleHeld *y = *(GkBundleHeld **) b;
  int order = g_strcmp0 (x->index_no, y->index_no);

  return order != 0 ? order : g_strcmp0 (x->title, y->title);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* ---- what is public: the stubs ---- */

static GkBundleStub *
stub_new (Build             *build,
          const GkBundleRow *row)
{
  GkBundleStub *stub = g_new0 (GkBundleStub, 1);
  g_autofree char *name = gk_bundle_safe_name (row->index_no);

  stub->id = row->id;
  stub->project_id = row->project_id;
  stub->item_id = row->item_id;
  stub->stage = row->stage;
  stub->domain = g_intern_string (row->domain);
  stub->item_name = g_intern_string (row->item_name != NULL ? row->item_name : "");
  stub->project_kind = row->project_kind != NULL ? g_intern_string (row->project_kind) : NULL;
  stub->index_no = g_strdup (row->index_no);
  stub->title = gk_bundle_mask_text (row->title, &build->policy);
  stub->published_on = g_strdup (row->published_on);
  stub->formed_on = g_strdup (row->formed_on);
  stub->page = g_strdup_printf ("record/%s.html", name);
  stub->dirty = TRUE;
  g_ptr_array_add (build->owned, stub);
  return stub;
}

static void
set_held (Build             *build,
          const GkBundleRow *row,
          GkBundleHold       hold)
{
  g_hash_table_insert (build->held, g_memdup2 (&row->id, sizeof row->id), GINT_TO_POINTER (hold));
  /* Applications name people: they are only counted. */
  if (build->summary->held != NULL && hold != GK_BUNDLE_HOLD_REQUEST)
    {
      GkBundleHeld *held = g_new0 (GkBundleHeld, 1);

      held->index_no = g_strdup (row->index_no);
      held->title = gk_bundle_mask_text (row->title, &build->policy);
      held->item_name = g_strdup (row->item_name);
      held->hold = hold;
      g_ptr_array_add (build->summary->held, held);
    }
}

/* A row of the ledger takes its place: a stub when it is public. */
static void
take_row (Build             *build,
          const GkBundleRow *row)
{
  GkBundleHold hold = gk_bundle_classify (build->config, row, build->today);

  g_hash_table_remove (build->stubs, &row->id);
  g_hash_table_remove (build->held, &row->id);
  if (hold != GK_BUNDLE_HOLD_NONE)
    set_held (build, row, hold);
  else
    {
      GkBundleStub *stub = stub_new (build, row);

      g_hash_table_insert (build->stubs, &stub->id, stub);
    }
}

static void
on_brief_row (GkBundleRow *row,
              gpointer     user_data)
{
  take_row (user_data, row);
}

static void
note_held_attachment (Build      *build,
                      const char *index_no,
                      const char *item_name,
                      const char *name)
{
  GkBundleHeld *held;

  build->summary->n_held_attachments++;
  if (build->summary->held_attachments == NULL)
    return;
  held = g_new0 (GkBundleHeld, 1);
  held->index_no = g_strdup (index_no);
  held->title = g_strdup (name);
  held->item_name = g_strdup (item_name);
  held->hold = GK_BUNDLE_HOLD_NONE;
  g_ptr_array_add (build->summary->held_attachments, held);
}

typedef struct
{
  Build *build;
  GkBundleStub *stub;
  GPtrArray *paths;
} AttachmentScan;

static void
finish_stub_attachments (AttachmentScan *scan)
{
  if (scan->stub != NULL && scan->paths->len > 0)
    {
      g_ptr_array_add (scan->paths, NULL);
      scan->stub->attachments = (char **) g_ptr_array_free (g_steal_pointer (&scan->paths), FALSE);
    }
  g_clear_pointer (&scan->paths, g_ptr_array_unref);
  scan->stub = NULL;
}

/* The stub's files: what gk_bundle_entry_new() will publish of them. */
static void
add_stub_attachment (Build              *build,
                     GkBundleStub       *stub,
                     GPtrArray          *paths,
                     const GkAttachment *attachment)
{
  g_autofree char *name = gk_bundle_mask_text (attachment->name, &build->policy);

  if (gk_bundle_attachment_kind (build->config, stub->domain, name) == GK_BUNDLE_ATTACHMENT_HELD)
    note_held_attachment (build, stub->index_no, stub->item_name, name);
  else
    g_ptr_array_add (paths, gk_bundle_attachment_path (build->config, attachment->sha256, name));
}

static void
on_attachment (GkAttachment *attachment,
               gpointer      user_data)
{
  AttachmentScan *scan = user_data;

  if (scan->stub == NULL || scan->stub->id != attachment->record_id)
    {
      finish_stub_attachments (scan);
      scan->stub = g_hash_table_lookup (scan->build->stubs, &attachment->record_id);
      if (scan->stub == NULL)
        return;
      scan->paths = g_ptr_array_new_with_free_func (g_free);
    }
  add_stub_attachment (scan->build, scan->stub, scan->paths, attachment);
}

/* Every record of the ledger, briefly. */
static gboolean
scan_ledger (Build   *build,
             GError **error)
{
  AttachmentScan scan = { build, NULL, NULL };

  if (!gk_store_foreach_bundle_row (build->store, build->config, on_brief_row, build, error))
    return FALSE;
  if (!gk_store_foreach_bundle_attachment (build->store, on_attachment, &scan, error))
    {
      g_clear_pointer (&scan.paths, g_ptr_array_unref);
      return FALSE;
    }
  finish_stub_attachments (&scan);
  return TRUE;
}

/* The annual reports count by the dates of a record (and compare a year
 * with the last): those of a changed record, before and after, decide
 * which reports are counted again. A request keeps its dates in its
 * fields, and a record gone leaves none: every report is. */
static void
touch_report_years (Build             *build,
                    const GkBundleRow *row,
                    const GkBundleStub *old)
{
  const char *dates[] = {
    row != NULL ? row->formed_on : NULL,
    row != NULL ? row->published_on : NULL,
    row != NULL ? row->changed_on : NULL,
    row != NULL ? row->prev_published_on : NULL,
    old != NULL ? old->formed_on : NULL,
    old != NULL ? old->published_on : NULL,
  };

  if ((row == NULL && old == NULL) ||
      (row != NULL && (g_str_has_prefix (row->item_key, "request.") ||
                       g_strv_contains ((const char * const *) build->config->never_published_domains, row->domain))))
    {
      build->reports_touched = TRUE;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      int year = dates[i] != NULL ? (int) g_ascii_strtoll (dates[i], NULL, 10) : 0;

      if (year <= 0)
        continue;
      g_hash_table_add (build->report_touched, GINT_TO_POINTER (year));
      g_hash_table_add (build->report_touched, GINT_TO_POINTER (year + 1));
    }
}

/* The records changed since the last publish, read again whole. */
static gboolean
read_changes (Build   *build,
              GArray  *ids,
              GError **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GkBundleRow) row = gk_store_get_bundle_row (build->store, id, &local_error);
      GkBundleStub *stub;

      g_hash_table_add (build->touched, g_memdup2 (&id, sizeof id));
      touch_report_years (build, row, g_hash_table_lookup (build->old_stubs, &id));
      if (row == NULL)
        {
          if (!g_error_matches (local_error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_hash_table_remove (build->stubs, &id);
          g_hash_table_remove (build->held, &id);
          continue;
        }
      take_row (build, row);
      stub = g_hash_table_lookup (build->stubs, &id);
      if (stub != NULL && row->attachments->len > 0)
        {
          g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

          for (guint a = 0; a < row->attachments->len; a++)
            add_stub_attachment (build, stub, paths, g_ptr_array_index (row->attachments, a));
          if (paths->len > 0)
            {
              g_ptr_array_add (paths, NULL);
              stub->attachments = (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
            }
        }
    }
  return TRUE;
}

/* What every page shows besides the records: when it changes, every page
 * is rendered again. The catalog and Preferences are in the ledger's
 * revision 0 (data/sql/010-bundle-revisions.sql). */
static char *
dup_site_key (Build *build)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *hidden = gk_store_dup_hidden_json (build->store);
  g_autofree char *policy = g_strdup_printf ("%u %u %u %u %u %u %u", build->policy.idcard_head,
                                             build->policy.idcard_tail, build->policy.phone_head,
                                             build->policy.phone_tail, build->policy.text_head,
                                             build->policy.text_tail, build->policy.mask_char);
  const char *parts[] = {
    PACKAGE_VERSION, build->config->checksum, build->org_name, build->org_code,
    build->ocid_prefix, policy, hidden,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (checksum, (const guchar *) (parts[i] != NULL ? parts[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
load_state (Build                 *build,
            GkStore               *store,
            const GkBundleOptions *options,
            GError               **error)
{
  build->store = store;
  build->summary = g_new0 (GkBundleSummary, 1);
  build->config = gk_bundle_config_load (error);
  if (build->config == NULL ||
      !gk_store_get_mask_policy (store, &build->policy, error) ||
      !gk_store_get_organisation (store, &build->org_name, &build->org_code, error))
    return FALSE;

  if (options != NULL && options->today != NULL)
    build->today = g_strdup (options->today);
  else
    build->today = gk_today ();
  build->n_threads = options != NULL ? options->n_threads : 0;
  build->ocid_prefix = g_strdup (options != NULL && options->ocid_prefix != NULL
                                 ? options->ocid_prefix : build->config->ocid_prefix);
  build->site.config = build->config;
  build->site.org_name = build->org_name;
  build->site.site_title = json_object_get_string_member (build->config->root, "site_title");
  build->site.policy = &build->policy;
  build->site_key = dup_site_key (build);

  build->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_stub_free);
  build->stubs = g_hash_table_new (g_int64_hash, g_int64_equal);
  build->old_stubs = g_hash_table_new (g_int64_hash, g_int64_equal);
  build->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  build->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  build->report_touched = g_hash_table_new (g_direct_hash, g_direct_equal);
  build->attachments = g_hash_table_new (g_str_hash, g_str_equal);
  build->ocds = g_hash_table_new (g_int64_hash, g_int64_equal);
  build->ocds_pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  build->ocds_releases = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  return TRUE;
}

/* The last publish's state, when this one may build on it. */
static gboolean
take_manifest (Build       *build,
               const char  *dir,
               GArray     **changes,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  build->old = gk_bundle_manifest_read (dir, error);
  if (build->old == NULL)
    return FALSE;
  build->revision = gk_store_get_bundle_revision (build->store, &local_error);
  /* A ledger opened read-only before its update keeps no revisions: every
   * record is read. */
  if (build->revision < 0)
    return TRUE;
  if (build->old->site == NULL || !g_str_equal (build->old->site, build->site_key) ||
      build->old->revision < 0 || build->old->revision > build->revision ||
      g_strcmp0 (build->old->today, build->today) != 0)
    return TRUE;

  *changes = gk_store_list_bundle_changes (build->store, build->old->revision, error);
  if (*changes == NULL)
    return FALSE;
  for (guint i = 0; i < (*changes)->len; i++)
    if (g_array_index (*changes, gint64, i) == 0)
      {
        g_clear_pointer (changes, g_array_unref);
        return TRUE;
      }
  return TRUE;
}

/* ---- arranging: lists, chains, months ---- */

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

/* The domains and items to list, in catalog order, each with its stubs
 * newest first. */
static gboolean
collect_lists (Build   *build,
               GError **error)
{
  g_autoptr(GPtrArray) domains = gk_store_list_domains (build->store, error);

  if (domains == NULL)
    return FALSE;
  for (guint d = 0; d < domains->len; d++)
    {
      const char *domain = g_intern_string (g_ptr_array_index (domains, d));
      g_autofree char *name = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
      GkBundleList *domain_list;

      if (g_strv_contains ((const char * const *) build->config->never_published_domains, domain))
        continue;
      name = gk_store_dup_domain_name (build->store, domain, error);
      items = name != NULL ? gk_store_list_items (build->store, domain, TRUE, error) : NULL;
      if (items == NULL)
        return FALSE;

      domain_list = add_list (build, "domain", domain, name, domain, FALSE);
      for (guint e = 0; e < build->sorted->len; e++)
        {
          GkBundleStub *stub = g_ptr_array_index (build->sorted, e);
          GPtrArray *of_item;

          if (stub->domain != domain)
            continue;
          g_ptr_array_add (domain_list->entries, stub);
          of_item = g_hash_table_lookup (by_item, &stub->item_id);
          if (of_item == NULL)
            {
              of_item = g_ptr_array_new ();
              g_hash_table_insert (by_item, &stub->item_id, of_item);
            }
          g_ptr_array_add (of_item, stub);
        }
      for (guint i = 0; i < items->len; i++)
        {
          GkItem *item = g_ptr_array_index (items, i);
          gint64 item_id = gk_item_get_id (item);
          GPtrArray *of_item = g_hash_table_lookup (by_item, &item_id);
          GkBundleList *item_list;

          if (of_item == NULL)
            continue;
          item_list = add_list (build, "item", gk_item_get_key (item), gk_item_get_level2 (item), domain, TRUE);
          g_ptr_array_extend (item_list->entries, of_item, NULL, NULL);
        }
    }
  return TRUE;
}

static guint
count_pages (guint n_entries)
{
  return MAX (1, (n_entries + PAGE_SIZE - 1) / PAGE_SIZE);
}

static gboolean
arrange (Build   *build,
         GError **error)
{
  GHashTableIter iter;
  gpointer value;
  GkBundleMonth *month = NULL;

  build->sorted = arrange_newest (build);
  build->chains = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < build->sorted->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (build->sorted, i);

      for (guint a = 0; stub->attachments != NULL && stub->attachments[a] != NULL; a++)
        g_hash_table_add (build->attachments, stub->attachments[a]);
      if (stub->project_id != 0)
        {
          GPtrArray *chain = g_hash_table_lookup (build->chains, &stub->project_id);

          if (chain == NULL)
            {
              chain = g_ptr_array_new ();
              g_hash_table_insert (build->chains, &stub->project_id, chain);
            }
          g_ptr_array_add (chain, stub);
        }
    }
  g_hash_table_iter_init (&iter, build->chains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_lifecycle);

  build->months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  for (guint i = 0; i < build->sorted->len; i++)
    {
      const char *of = gk_bundle_stub_month (g_ptr_array_index (build->sorted, i));

      if (month == NULL || !g_str_equal (month->month, of))
        {
          month = g_new0 (GkBundleMonth, 1);
          month->month = g_strdup (of);
          g_ptr_array_add (build->months, month);
        }
      month->count++;
    }

  build->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  if (!collect_lists (build, error))
    return FALSE;
  build->report_years = gk_bundle_report_years (build->store, build->today, error);
  if (build->report_years == NULL)
    return FALSE;

  if (build->summary->held != NULL)
    g_ptr_array_sort (build->summary->held, compare_held);
  if (build->summary->held_attachments != NULL)
    g_ptr_array_sort (build->summary->held_attachments, compare_held);
  g_hash_table_iter_init (&iter, build->held);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    build->summary->n_held[GPOINTER_TO_INT (value)]++;
  build->summary->n_records = build->sorted->len;
  build->summary->n_attachments = g_hash_table_size (build->attachments);
  /* index, 公开目录, 黑名单, 公开指南, the annual reports, the records,
   * every list page. */
  build->summary->n_pages = 4 + build->report_years->len + build->sorted->len;
  for (guint i = 0; i < build->lists->len; i++)
    {
      GkBundleList *list = g_ptr_array_index (build->lists, i);

      build->summary->n_pages += count_pages (list->entries->len);
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

  if (!load_state (&build, store, options, error))
    return NULL;
  build.summary->held = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_held_free);
  build.summary->held_attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_held_free);
  if (!scan_ledger (&build, error) || !arrange (&build, error))
    return NULL;
  return g_steal_pointer (&build.summary);
}

/* ---- writing ---- */

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

/* The public view of @row, which it takes. Touches nothing of the store
 * but its attachments' files: a worker thread makes it. */
static GkBundleEntry *
make_entry (Build               *build,
            const GkBundleStub  *stub,
            GkBundleRow         *row,
            GkSchema            *schema)
{
  GkBundleEntry *entry;

  /* The project's name and code and the unit's name are typed by a
   * clerk like any other text, and shown beside the record's own. */
  {
    char **texts[] = { &row->project_name, &row->project_code, &row->unit_name };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (*texts[i] != NULL)
        {
          char *masked = gk_bundle_mask_text (*texts[i], &build->policy);

          g_free (*texts[i]);
          *texts[i] = masked;
        }
  }
  entry = gk_bundle_entry_new (build->config, build->store, row, schema, &build->policy, stub->page);
  /* The entry keeps the row: it shows its dates and names. */
  entry->owned_row = row;
  return entry;
}

static GkBundleEntry *
load_entry (Build               *build,
            const GkBundleStub  *stub,
            GError             **error)
{
  GkBundleRow *row = gk_store_get_bundle_row (build->store, stub->id, error);

  if (row == NULL)
    return NULL;
  return make_entry (build, stub, row, gk_store_lookup_schema (build->store, row->item_id));
}

/* The record's page; safe in a worker thread. */
static gboolean
write_record_page (Build            *build,
                   GkBundleWriter   *writer,
                   GString          *page,
                   GkBundleStub     *stub,
                   GkBundleEntry    *entry,
                   GError          **error)
{
  GPtrArray *chain = stub->project_id != 0 ? g_hash_table_lookup (build->chains, &stub->project_id) : NULL;

  gk_bundle_html_record (page, &build->site, entry, chain);
  return put_page (writer, stub->page, page, error);
}

/* The files the record's page links to. In the order of the records, from
 * one thread: two records may carry the same file. */
static gboolean
write_record_attachments (Build            *build,
                          GkBundleWriter   *writer,
                          GkBundleEntry    *entry,
                          GError          **error)
{
  for (guint a = 0; a < entry->attachments->len; a++)
    {
      GkAttachment *attachment = g_ptr_array_index (entry->attachments, a);
      GBytes *text = g_ptr_array_index (entry->attachment_texts, a);
      const char *path = g_ptr_array_index (entry->attachment_paths, a);

      if (text != NULL)
        {
          if (!gk_bundle_writer_has (writer, path) &&
              !gk_bundle_writer_put (writer, path, g_bytes_get_data (text, NULL), g_bytes_get_size (text), error))
            return FALSE;
        }
      else
        {
          g_autoptr(GFile) source = gk_store_get_attachment_file (build->store, attachment);

          if (!gk_bundle_writer_copy (writer, path, source, attachment->size, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The lines of a data file the last publish wrote, one per stub of
 * @stubs in order, kept for the stubs that did not change. */
typedef struct
{
  GMappedFile *mapped;
  const char *at;
  const char *end;
  GPtrArray *stubs;       /* the last publish's, in the file's order */
  guint next;
  gboolean csv;
} OldLines;

static void
old_lines_clear (OldLines *lines)
{
  g_clear_pointer (&lines->mapped, g_mapped_file_unref);
  g_clear_pointer (&lines->stubs, g_ptr_array_unref);
  lines->at = lines->end = NULL;
}

/* The end of the record that starts at @at: a line, or for CSV a row whose
 * quoted cells may hold line breaks. */
static const char *
record_end (const OldLines *lines,
            const char     *at)
{
  gboolean quoted = FALSE;

  if (!lines->csv)
    {
      const char *newline = memchr (at, '\n', lines->end - at);

      return newline != NULL ? newline + 1 : NULL;
    }
  for (const char *p = at; p < lines->end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\n' && !quoted)
        return p + 1;
    }
  return NULL;
}

/* Opens the old file at @path for @stubs, skipping its head; FALSE when it
 * does not hold as many records as they are (changed by hand, or gone). */
static gboolean
old_lines_open (OldLines   *lines,
                const char *path,
                GPtrArray  *stubs,
                gboolean    csv)
{
  const char *p;
  guint n = 0;

  lines->csv = csv;
  lines->mapped = path != NULL ? g_mapped_file_new (path, FALSE, NULL) : NULL;
  if (lines->mapped == NULL)
    return FALSE;
  lines->at = g_mapped_file_get_contents (lines->mapped);
  lines->end = lines->at + g_mapped_file_get_length (lines->mapped);
  if (lines->at == NULL)
    {
      old_lines_clear (lines);
      return FALSE;
    }
  /* The head: one line of JSON, or the CSV's header row. */
  lines->at = record_end (lines, lines->at);
  for (p = lines->at; p != NULL && p < lines->end; p = record_end (lines, p))
    {
      /* The JSON's closing line is not a record. */
      if (!csv && p[0] == ']')
        break;
      n++;
    }
  if (lines->at == NULL || n != stubs->len)
    {
      old_lines_clear (lines);
      return FALSE;
    }
  lines->stubs = g_ptr_array_ref (stubs);
  lines->next = 0;
  return TRUE;
}

/* The old line of @stub, unchanged since: without its JSON separator
 * (",\n" or "\n"), or the whole CSV row. FALSE when the file does not hold
 * it where it should. */
static gboolean
old_lines_take (OldLines           *lines,
                Build              *build,
                const GkBundleStub *stub,
                const char        **text,
                gsize              *length)
{
  while (lines->mapped != NULL && lines->next < lines->stubs->len)
    {
      const GkBundleStub *old = g_ptr_array_index (lines->stubs, lines->next);
      const char *end = record_end (lines, lines->at);

      if (end == NULL)
        break;
      lines->next++;
      if (old != stub)
        {
          /* A record changed or gone since: its line is left behind. */
          lines->at = end;
          continue;
        }
      *text = lines->at;
      *length = end - lines->at;
      if (!lines->csv)
        *length -= (end - 2 >= lines->at && end[-2] == ',') ? 2 : 1;
      lines->at = end;
      return TRUE;
    }
  old_lines_clear (lines);
  return FALSE;
}

/* One month's data files, written while the records are walked newest
 * first. */
typedef struct
{
  GkBundleStream *json;
  GkBundleStream *csv;
  OldLines old_json;
  OldLines old_csv;
  gboolean first;
} MonthFiles;

static void
month_files_clear (MonthFiles *files)
{
  g_clear_pointer (&files->json, gk_bundle_stream_free);
  g_clear_pointer (&files->csv, gk_bundle_stream_free);
  old_lines_clear (&files->old_json);
  old_lines_clear (&files->old_csv);
}

static gboolean
stream_string (GkBundleStream  *stream,
               const char      *text,
               GError         **error)
{
  return gk_bundle_stream_write (stream, text, strlen (text), error);
}

/* The last publish's stubs of @month, in its files' order. */
static GPtrArray *
old_month_stubs (Build      *build,
                const char *month)
{
  GPtrArray *stubs = g_ptr_array_new ();

  month = g_intern_string (month);
  for (guint i = 0; i < build->old->stubs->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (build->old->stubs, i);

      if (gk_bundle_stub_month (stub) == month)
        g_ptr_array_add (stubs, stub);
    }
  sort_newest (stubs);
  return stubs;
}

static gboolean
month_files_open (MonthFiles      *files,
                 Build           *build,
                 GkBundleWriter  *writer,
                 const char      *month,
                 GError         **error)
{
  g_autofree char *json_path = gk_bundle_data_month_path (month, "json");
  g_autofree char *csv_path = gk_bundle_data_month_path (month, "csv");
  g_autofree char *head = gk_bundle_data_records_head (&build->site, build->org_code, month);
  g_autofree char *csv_head = gk_bundle_data_csv_head (&build->site);

  files->first = TRUE;
  if (!build->full)
    {
      g_autoptr(GPtrArray) old = old_month_stubs (build, month);
      g_autofree char *old_json = gk_bundle_writer_dup_trusted (writer, json_path);
      g_autofree char *old_csv = gk_bundle_writer_dup_trusted (writer, csv_path);

      old_lines_open (&files->old_json, old_json, old, FALSE);
      old_lines_open (&files->old_csv, old_csv, old, TRUE);
    }
  files->json = gk_bundle_writer_open (writer, json_path, error);
  files->csv = files->json != NULL ? gk_bundle_writer_open (writer, csv_path, error) : NULL;
  return files->csv != NULL &&
         stream_string (files->json, head, error) &&
         stream_string (files->csv, csv_head, error);
}

static gboolean
month_files_close (MonthFiles      *files,
                  GkBundleWriter  *writer,
                  GError         **error)
{
  gboolean ok = stream_string (files->json, files->first ? "]}\n" : "\n]}\n", error) &&
                gk_bundle_writer_close (writer, g_steal_pointer (&files->json), error) &&
                gk_bundle_writer_close (writer, g_steal_pointer (&files->csv), error);

  month_files_clear (files);
  return ok;
}

static gboolean
month_files_add (MonthFiles      *files,
                const char      *json,
                gsize            json_length,
                const char      *csv,
                gsize            csv_length,
                GError         **error)
{
  gboolean ok = (files->first || gk_bundle_stream_write (files->json, ",\n", 2, error)) &&
                gk_bundle_stream_write (files->json, json, json_length, error) &&
                gk_bundle_stream_write (files->csv, csv, csv_length, error);

  files->first = FALSE;
  return ok;
}

/* TRUE when the stub's record must be rendered: a full publish, a change
 * of its own, or a change in its project (its page lists the others). */
static gboolean
needs_page (Build              *build,
            GHashTable         *projects,
            const GkBundleStub *stub)
{
  return build->full || stub->dirty ||
         (stub->project_id != 0 && g_hash_table_contains (projects, &stub->project_id));
}

/* The projects and months whose records changed, before and after. */
static void
collect_touched (Build      *build,
                 GHashTable *projects,
                 GHashTable *months,
                 gboolean   *blacklist)
{
  GHashTableIter iter;
  gpointer key;
  const char *blacklist_domain = build->config->blacklist_domain;

  g_hash_table_iter_init (&iter, build->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GkBundleStub *stubs[] = {
        g_hash_table_lookup (build->old_stubs, key),
        g_hash_table_lookup (build->stubs, key),
      };

      for (guint i = 0; i < G_N_ELEMENTS (stubs); i++)
        {
          if (stubs[i] == NULL)
            continue;
          if (stubs[i]->project_id != 0)
            g_hash_table_add (projects, &stubs[i]->project_id);
          g_hash_table_add (months, (gpointer) gk_bundle_stub_month (stubs[i]));
          *blacklist |= g_strcmp0 (stubs[i]->domain, blacklist_domain) == 0;
        }
    }
}

/* TRUE when the OCDS release of the record's project is made again, from
 * its chain's entries. */
static gboolean
wanted_for_ocds (Build              *build,
                 GHashTable         *projects,
                 const GkBundleStub *stub)
{
  return stub->project_id != 0 && g_hash_table_contains (build->ocds, &stub->project_id) &&
         (build->full || g_hash_table_contains (projects, &stub->project_id));
}

/* A release shows no body, attachment or stored text: what the chain's
 * other records wait for is kept small. */
static void
trim_for_ocds (GkBundleEntry *entry)
{
  g_clear_pointer (&entry->body, g_free);
  g_clear_pointer (&entry->attachment_texts, g_ptr_array_unref);
  if (entry->owned_row != NULL)
    {
      g_clear_pointer (&entry->owned_row->body, g_free);
      g_clear_pointer (&entry->owned_row->fields, g_free);
    }
}

/* A project's OCDS release is made from the entries of its whole chain:
 * those the walk over the records reads anyway are kept until the last
 * of the chain comes, rather than read again for the OCDS package.
 * Takes @entry; returns the chain's entries when it was the last. */
static GPtrArray *
keep_for_ocds (Build         *build,
               GHashTable    *projects,
               GkBundleStub  *stub,
               GkBundleEntry *entry)
{
  GPtrArray *chain, *entries;
  guint at, n = 0;

  if (!wanted_for_ocds (build, projects, stub))
    {
      gk_bundle_entry_free (entry);
      return NULL;
    }
  chain = g_hash_table_lookup (build->chains, &stub->project_id);
  entries = g_hash_table_lookup (build->ocds_pending, &stub->project_id);
  if (entries == NULL)
    {
      entries = g_ptr_array_new_full (chain->len, (GDestroyNotify) gk_bundle_entry_free);
      g_ptr_array_set_size (entries, chain->len);
      g_hash_table_insert (build->ocds_pending, &stub->project_id, entries);
    }
  for (at = 0; at < chain->len && g_ptr_array_index (chain, at) != stub; at++)
    ;
  if (at == chain->len || g_ptr_array_index (entries, at) != NULL)
    {
      gk_bundle_entry_free (entry);
      return NULL;
    }
  trim_for_ocds (entry);
  g_ptr_array_index (entries, at) = entry;
  for (guint i = 0; i < entries->len; i++)
    n += g_ptr_array_index (entries, i) != NULL;
  if (n < chain->len)
    return NULL;
  g_hash_table_steal (build->ocds_pending, &stub->project_id);
  return entries;
}

/* What is made of one record while the others are: in a worker thread,
 * its entry, its page and its lines of the data files; then, in the order
 * of the records, what must be in that order. Or, once a project's chain
 * has all its entries, its OCDS release. */
typedef struct
{
  Build *build;
  GkBundleWriter *writer;
  GHashTable *projects;      /* whose records changed */
  GkBundleStub *stub;
  GkBundleRow *row;          /* read from the ledger, taken by the entry */
  GkSchema *schema;
  gboolean page;             /* its page is written */
  gboolean lines;            /* its lines of the data files are made */
  const char *json;          /* its lines: the last publish's, or new_json */
  gsize json_length;
  const char *csv;
  gsize csv_length;
  GkBundleEntry *entry;
  char *new_json;
  char *new_csv;
  GPtrArray *chain;          /* GkBundleEntry of @stub's project, for its release */
  char *release;
  GError *error;
} RecordJob;

static void
record_job_free (RecordJob *job)
{
  g_clear_pointer (&job->row, gk_bundle_row_free);
  g_clear_pointer (&job->schema, gk_schema_unref);
  g_clear_pointer (&job->entry, gk_bundle_entry_free);
  g_free (job->new_json);
  g_free (job->new_csv);
  g_clear_pointer (&job->chain, g_ptr_array_unref);
  g_free (job->release);
  g_clear_error (&job->error);
  g_free (job);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecordJob, record_job_free)

/* In a worker thread: reads nothing of the store, and writes only the
 * record's own page. */
static void
run_record_job (gpointer  data,
                GString  *page,
                gpointer  user_data)
{
  RecordJob *job = data;

  if (job->chain != NULL)
    {
      job->release = gk_bundle_data_ocds_release (&job->build->site, job->build->ocid_prefix, job->chain);
      g_clear_pointer (&job->chain, g_ptr_array_unref);
      return;
    }
  job->entry = make_entry (job->build, job->stub, g_steal_pointer (&job->row), job->schema);
  if (job->page && !write_record_page (job->build, job->writer, page, job->stub, job->entry, &job->error))
    return;
  if (job->lines)
    {
      job->new_json = gk_bundle_data_record_json (&job->build->site, job->entry);
      job->new_csv = gk_bundle_data_record_csv (&job->build->site, job->entry);
      job->json = job->new_json;
      job->json_length = strlen (job->new_json);
      job->csv = job->new_csv;
      job->csv_length = strlen (job->new_csv);
    }
  /* Freed in the thread that made it, where its memory came from, unless
   * its attachments are still to be written or its release to be made. */
  if (!job->page || job->entry->attachments->len == 0)
    {
      if (wanted_for_ocds (job->build, job->projects, job->stub))
        trim_for_ocds (job->entry);
      else
        g_clear_pointer (&job->entry, gk_bundle_entry_free);
    }
}

/* A record done, in the records' order: its attachments, its lines of
 * the month's data files, and its entry kept for the OCDS release, which
 * is queued when the entry is the last of its chain. */
static gboolean
finish_record_job (RecordJob       *job,
                   GkBundleQueue   *queue,
                   MonthFiles      *files,
                   GHashTable      *projects,
                   GError         **error)
{
  Build *build = job->build;

  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  /* A worker frees an entry without attachments. */
  if (job->page && job->entry != NULL && !write_record_attachments (build, job->writer, job->entry, error))
    return FALSE;
  if (job->json != NULL &&
      !month_files_add (files, job->json, job->json_length, job->csv, job->csv_length, error))
    return FALSE;
  if (job->entry != NULL)
    {
      GPtrArray *chain = keep_for_ocds (build, projects, job->stub, g_steal_pointer (&job->entry));

      if (chain != NULL)
        {
          RecordJob *release = g_new0 (RecordJob, 1);

          release->build = build;
          release->stub = job->stub;
          release->chain = chain;
          gk_bundle_queue_push (queue, release, TRUE);
        }
    }
  if (job->release != NULL)
    g_hash_table_insert (build->ocds_releases, &job->stub->project_id, g_steal_pointer (&job->release));
  return TRUE;
}

/* Takes back the records done, in order, waiting for the first ones
 * while more than @max_queued are left (0: waits for every one). */
static gboolean
finish_record_jobs (GkBundleQueue   *queue,
                    guint            max_queued,
                    MonthFiles      *files,
                    GHashTable      *projects,
                    GError         **error)
{
  for (;;)
    {
      RecordJob *job = gk_bundle_queue_pop (queue, gk_bundle_queue_get_length (queue) > max_queued);
      gboolean ok;

      if (job == NULL)
        return TRUE;
      ok = finish_record_job (job, queue, files, projects, error);
      record_job_free (job);
      if (!ok)
        return FALSE;
    }
}

/* The record pages and the data files of each month, walking the records
 * newest first: a record is read from the ledger only when its page or
 * its line in a data file must be made again. The ledger is read in this
 * thread; masking, rendering and writing the pages run on every core. */
static gboolean
write_records (Build            *build,
               GkBundleWriter   *writer,
               GHashTable       *projects,
               GHashTable       *months,
               GkBundleProgress  progress,
               gpointer          progress_data,
               GCancellable     *cancellable,
               GError          **error)
{
  MonthFiles files = { 0 };
  const char *month = NULL;
  gboolean rewrite_month = FALSE;
  g_autoptr(GkBundleQueue) queue = NULL;
  guint n_workers = build->n_threads > 0 ? build->n_threads : g_get_num_processors ();
  /* Enough waiting to keep every worker busy, few enough to keep memory
   * low: a job holds a record's texts. */
  guint max_queued = 32 * n_workers;

  queue = gk_bundle_queue_new (run_record_job, NULL, (GDestroyNotify) record_job_free, n_workers, error);
  if (queue == NULL)
    return FALSE;
  for (guint i = 0; i < build->sorted->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (build->sorted, i);
      g_autoptr(RecordJob) job = g_new0 (RecordJob, 1);
      gboolean run;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      if (month == NULL || !g_str_equal (month, gk_bundle_stub_month (stub)))
        {
          /* The month's lines are all in its files before they close. */
          if (!finish_record_jobs (queue, 0, &files, projects, error) ||
              (files.json != NULL && !month_files_close (&files, writer, error)))
            goto failed;
          month = gk_bundle_stub_month (stub);
          rewrite_month = build->full || g_hash_table_contains (months, month);
          if (rewrite_month && !month_files_open (&files, build, writer, month, error))
            goto failed;
        }

      job->build = build;
      job->writer = writer;
      job->projects = projects;
      job->stub = stub;
      job->page = needs_page (build, projects, stub);
      if (rewrite_month && !stub->dirty &&
          old_lines_take (&files.old_json, build, stub, &job->json, &job->json_length) &&
          old_lines_take (&files.old_csv, build, stub, &job->csv, &job->csv_length))
        ;
      else if (rewrite_month)
        {
          job->json = NULL;
          job->lines = TRUE;
        }
      if (!job->page && !job->lines && job->json == NULL)
        continue;

      run = job->page || job->lines;
      if (run)
        {
          GkSchema *schema;

          job->row = gk_store_get_bundle_row (build->store, stub->id, error);
          if (job->row == NULL)
            goto failed;
          schema = gk_store_lookup_schema (build->store, job->row->item_id);
          job->schema = schema != NULL ? gk_schema_ref (schema) : NULL;
        }
      gk_bundle_queue_push (queue, g_steal_pointer (&job), run);
      if (!finish_record_jobs (queue, max_queued, &files, projects, error))
        goto failed;

      if (progress != NULL && i % 64 == 0)
        progress (0.85 * i / build->sorted->len, progress_data);
    }
  if (!finish_record_jobs (queue, 0, &files, projects, error) ||
      (files.json != NULL && !month_files_close (&files, writer, error)))
    goto failed;
  return TRUE;

failed:
  /* The workers stop before the files they may still write to close. */
  g_clear_pointer (&queue, gk_bundle_queue_free);
  month_files_clear (&files);
  return FALSE;
}

/* The last publish's lists, newest first: by domain (interned) and by
 * item id. */
static void
old_lists (Build      *build,
           GHashTable *by_domain,
           GHashTable *by_item)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (build->old->stubs->len);

  /* Not g_ptr_array_copy(): the copy would free the manifest's stubs. */
  g_ptr_array_extend (sorted, build->old->stubs, NULL, NULL);
  sort_newest (sorted);
  for (guint i = 0; i < sorted->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (sorted, i);
      GPtrArray *of_domain = g_hash_table_lookup (by_domain, stub->domain);
      GPtrArray *of_item = g_hash_table_lookup (by_item, &stub->item_id);

      if (of_domain == NULL)
        {
          of_domain = g_ptr_array_new ();
          g_hash_table_insert (by_domain, (gpointer) stub->domain, of_domain);
        }
      if (of_item == NULL)
        {
          of_item = g_ptr_array_new ();
          g_hash_table_insert (by_item, &stub->item_id, of_item);
        }
      g_ptr_array_add (of_domain, stub);
      g_ptr_array_add (of_item, stub);
    }
}

/* Every page of every list whose records changed; a page whose records
 * (and their count) are those of the last publish stays. */
static gboolean
write_lists (Build           *build,
             GkBundleWriter  *writer,
             GString         *page,
             GHashTable      *keep,
             GError         **error)
{
  g_autoptr(GHashTable) by_domain = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);

  if (!build->full)
    old_lists (build, by_domain, by_item);
  for (guint i = 0; i < build->lists->len; i++)
    {
      GkBundleList *list = g_ptr_array_index (build->lists, i);
      guint n_pages = count_pages (list->entries->len);
      GPtrArray *old = NULL;
      guint old_pages;

      if (!build->full)
        old = list->is_item
              ? g_hash_table_lookup (by_item, &((GkBundleStub *) g_ptr_array_index (list->entries, 0))->item_id)
              : g_hash_table_lookup (by_domain, g_intern_string (list->domain));
      old_pages = old != NULL ? count_pages (old->len) : 0;

      for (guint p = 1; p <= n_pages; p++)
        {
          g_autofree char *path = gk_bundle_list_path (list->base, p);
          gboolean same = old != NULL && old_pages == n_pages && gk_bundle_writer_has (writer, path);

          for (guint e = (p - 1) * PAGE_SIZE; same && e < p * PAGE_SIZE && (e < list->entries->len || e < old->len); e++)
            same = e < old->len && e < list->entries->len &&
                   g_ptr_array_index (old, e) == g_ptr_array_index (list->entries, e);
          g_hash_table_add (keep, g_steal_pointer (&path));
          if (same)
            continue;
          path = gk_bundle_list_path (list->base, p);
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
                  gboolean         blacklist_changed,
                  GHashTable      *keep,
                  GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  char *guide[GK_GUIDE_N_FIELDS] = { NULL };
  gboolean ok;

  gk_bundle_html_index (page, &build->site, build->lists, build->sorted, build->report_years,
                        build->months, with_ocds);
  if (!put_page (writer, "index.html", page, error))
    return FALSE;

  /* 政府信息公开工作年度报告: counted by the workbook's own code. */
  for (guint i = 0; i < build->report_years->len; i++)
    {
      int year = g_array_index (build->report_years, int, i);
      g_autofree char *path = g_strdup_printf ("report-%d.html", year);

      if (!build->full && !build->reports_touched && gk_bundle_writer_has (writer, path) &&
          !g_hash_table_contains (build->report_touched, GINT_TO_POINTER (year)))
        {
          g_hash_table_add (keep, g_steal_pointer (&path));
          continue;
        }
      if (!gk_bundle_html_report (page, &build->site, build->store, year, build->today, error) ||
          !put_page (writer, path, page, error))
        return FALSE;
      g_hash_table_add (keep, g_steal_pointer (&path));
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

  if (build->full || blacklist_changed || !gk_bundle_writer_has (writer, "blacklist.html"))
    {
      g_autoptr(GPtrArray) blacklist = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_entry_free);

      for (guint i = 0; i < build->sorted->len; i++)
        {
          GkBundleStub *stub = g_ptr_array_index (build->sorted, i);
          GkBundleEntry *entry;

          if (g_strcmp0 (stub->domain, build->config->blacklist_domain) != 0)
            continue;
          entry = load_entry (build, stub, error);
          if (entry == NULL)
            return FALSE;
          g_ptr_array_add (blacklist, entry);
        }
      gk_bundle_html_blacklist (page, &build->site, blacklist);
      if (!put_page (writer, "blacklist.html", page, error))
        return FALSE;
    }

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

static gboolean
write_feed (Build           *build,
            GkBundleWriter  *writer,
            GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_entry_free);

  for (guint i = 0; i < build->sorted->len && i < FEED_SIZE; i++)
    {
      GkBundleEntry *entry = load_entry (build, g_ptr_array_index (build->sorted, i), error);

      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (entries, entry);
    }
  return put_text (writer, "feed.atom", gk_bundle_data_feed (&build->site, build->org_code, entries), error);
}

/* The projects of the OCDS kinds, by id, each with its chain. */
static GArray *
ocds_projects (Build      *build,
               GHashTable *chains)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, chain;

  g_hash_table_iter_init (&iter, chains);
  while (g_hash_table_iter_next (&iter, &key, &chain))
    {
      GkBundleStub *first = g_ptr_array_index ((GPtrArray *) chain, 0);

      if (first->project_kind != NULL &&
          g_strv_contains ((const char * const *) build->config->ocds_project_kinds, first->project_kind))
        g_array_append_val (ids, *(gint64 *) key);
    }
  /* Hash order is not stable: the projects in the order they were made. */
  g_array_sort (ids, compare_ids);
  return ids;
}

/* TRUE when the file at @path begins with @head. */
static gboolean
starts_with (const char *path,
             const char *head)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  gsize length = strlen (head);

  return mapped != NULL && g_mapped_file_get_length (mapped) >= length &&
         memcmp (g_mapped_file_get_contents (mapped), head, length) == 0;
}

static GHashTable *
old_chains (Build *build)
{
  GHashTable *chains = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < build->old->stubs->len; i++)
    {
      GkBundleStub *stub = g_ptr_array_index (build->old->stubs, i);
      GPtrArray *chain;

      if (stub->project_id == 0)
        continue;
      chain = g_hash_table_lookup (chains, &stub->project_id);
      if (chain == NULL)
        {
          chain = g_ptr_array_new ();
          g_hash_table_insert (chains, &stub->project_id, chain);
        }
      g_ptr_array_add (chain, stub);
    }
  return chains;
}

/* The OCDS release package: a release a line, one per project, by project;
 * the lines of projects that did not change are kept. */
static gboolean
write_ocds (Build           *build,
            GkBundleWriter  *writer,
            GArray          *projects,
            GHashTable      *touched_projects,
            GError         **error)
{
  const char *path = "data/ocds-releases.json";
  const char *latest = build->sorted->len > 0 ? ((GkBundleStub *) g_ptr_array_index (build->sorted, 0))->published_on : NULL;
  g_autofree char *head = gk_bundle_data_ocds_head (&build->site, build->org_code, latest);
  g_autoptr(GkBundleStream) stream = NULL;
  OldLines old = { 0 };
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GArray) old_projects = NULL;
  g_autoptr(GPtrArray) old_firsts = g_ptr_array_new ();

  if (!build->full)
    {
      g_autofree char *old_path = gk_bundle_writer_dup_trusted (writer, path);
      gboolean touched = FALSE;

      /* A project's line is found by the first record of its chain. */
      before = old_chains (build);
      old_projects = ocds_projects (build, before);
      for (guint i = 0; !touched && i < old_projects->len; i++)
        touched = g_hash_table_contains (touched_projects, &g_array_index (old_projects, gint64, i));
      for (guint i = 0; !touched && i < projects->len; i++)
        touched = g_hash_table_contains (touched_projects, &g_array_index (projects, gint64, i));
      /* Nothing of it changed: the file stays as it is. */
      if (!touched && old_path != NULL && old_projects->len == projects->len && starts_with (old_path, head))
        return TRUE;
      for (guint i = 0; i < old_projects->len; i++)
        {
          GPtrArray *chain = g_hash_table_lookup (before, &g_array_index (old_projects, gint64, i));

          g_ptr_array_sort (chain, compare_lifecycle);
          g_ptr_array_add (old_firsts, g_ptr_array_index (chain, 0));
        }
      old_lines_open (&old, old_path, old_firsts, FALSE);
    }

  stream = gk_bundle_writer_open (writer, path, error);
  if (stream == NULL || !stream_string (stream, head, error))
    goto failed;
  for (guint i = 0; i < projects->len; i++)
    {
      gint64 project_id = g_array_index (projects, gint64, i);
      GPtrArray *chain = g_hash_table_lookup (build->chains, &project_id);
      const char *text = NULL;
      gsize length = 0;
      g_autofree char *release = NULL;

      if (i > 0 && !gk_bundle_stream_write (stream, ",\n", 2, error))
        goto failed;
      text = g_hash_table_lookup (build->ocds_releases, &project_id);
      if (text != NULL)
        length = strlen (text);
      else if (build->full || g_hash_table_contains (touched_projects, &project_id) ||
               !old_lines_take (&old, build, g_ptr_array_index (chain, 0), &text, &length))
        {
          g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_entry_free);

          for (guint c = 0; c < chain->len; c++)
            {
              GkBundleEntry *entry = load_entry (build, g_ptr_array_index (chain, c), error);

              if (entry == NULL)
                goto failed;
              g_ptr_array_add (entries, entry);
            }
          release = gk_bundle_data_ocds_release (&build->site, build->ocid_prefix, entries);
          text = release;
          length = strlen (release);
        }
      if (!gk_bundle_stream_write (stream, text, length, error))
        goto failed;
    }
  if (!stream_string (stream, projects->len > 0 ? "\n]}\n" : "]}\n", error) ||
      !gk_bundle_writer_close (writer, g_steal_pointer (&stream), error))
    goto failed;
  old_lines_clear (&old);
  return TRUE;

failed:
  old_lines_clear (&old);
  return FALSE;
}

static GkBundleSummary *
publish_in_snapshot (GkStore               *store,
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
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) projects = NULL;
  g_autoptr(GHashTable) touched_projects = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) touched_months = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) data_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GkBundleManifest) state = g_new0 (GkBundleManifest, 1);
  gboolean blacklist_changed = FALSE;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (!load_state (&build, store, options, error) ||
      !take_manifest (&build, dir, &changes, error))
    return NULL;

  build.full = changes == NULL;
  if (build.full)
    {
      /* Every record is read again: the last publish's are not needed, only
       * its list of files. */
      g_ptr_array_set_size (build.old->stubs, 0);
      g_hash_table_remove_all (build.old->held);
      build.summary->held = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_held_free);
      build.summary->held_attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_bundle_held_free);
      if (!scan_ledger (&build, error))
        return NULL;
    }
  else
    {
      /* The last publish's records stand, but for those changed since. */
      for (guint i = 0; i < build.old->stubs->len; i++)
        {
          GkBundleStub *stub = g_ptr_array_index (build.old->stubs, i);

          stub->dirty = FALSE;
          g_hash_table_insert (build.old_stubs, &stub->id, stub);
          g_hash_table_insert (build.stubs, &stub->id, stub);
        }
      {
        GHashTableIter iter;
        gpointer key, hold;

        g_hash_table_iter_init (&iter, build.old->held);
        while (g_hash_table_iter_next (&iter, &key, &hold))
          g_hash_table_insert (build.held, g_memdup2 (key, sizeof (gint64)), hold);
      }
      if (!read_changes (&build, changes, error))
        return NULL;
      collect_touched (&build, touched_projects, touched_months, &blacklist_changed);
    }
  if (!arrange (&build, error))
    return NULL;

  writer = gk_bundle_writer_new (dir, build.old, !build.full, error);
  if (writer == NULL)
    return NULL;
  projects = ocds_projects (&build, build.chains);
  for (guint i = 0; i < projects->len; i++)
    g_hash_table_add (build.ocds, &g_array_index (projects, gint64, i));

  if (!gk_bundle_writer_put (writer, "assets/style.css",
                             g_bytes_get_data (build.config->stylesheet, NULL),
                             g_bytes_get_size (build.config->stylesheet), error) ||
      !write_records (&build, writer, touched_projects, touched_months,
                      progress, progress_data, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !write_lists (&build, writer, page, keep, error) ||
      !write_site_pages (&build, writer, page, projects->len > 0, blacklist_changed, keep, error) ||
      !write_feed (&build, writer, error) ||
      !put_text (writer, "data/records.json",
                 gk_bundle_data_records_index (&build.site, build.org_code, build.months), error))
    return NULL;
  if (projects->len > 0 &&
      !write_ocds (&build, writer, projects, touched_projects, error))
    return NULL;

  /* What is no longer in the bundle goes: the pages of records no longer
   * public, the list pages past a list's end, files no record carries. */
  for (guint i = 0; i < build.sorted->len; i++)
    g_hash_table_add (keep, g_strdup (((GkBundleStub *) g_ptr_array_index (build.sorted, i))->page));
  g_hash_table_add (data_files, g_strdup ("data/records.json"));
  if (projects->len > 0)
    g_hash_table_add (data_files, g_strdup ("data/ocds-releases.json"));
  for (guint i = 0; i < build.months->len; i++)
    {
      const GkBundleMonth *month = g_ptr_array_index (build.months, i);

      g_hash_table_add (data_files, gk_bundle_data_month_path (month->month, "json"));
      g_hash_table_add (data_files, gk_bundle_data_month_path (month->month, "csv"));
    }
  {
    const char *prefixes[] = { "record/", "list/", "report-", "files/", "data/", NULL };
    GHashTable *keeps[] = { keep, keep, keep, build.attachments, data_files };

    gk_bundle_writer_forget_unless (writer, prefixes, keeps);
  }

  state->site = g_strdup (build.site_key);
  state->today = g_strdup (build.today);
  state->revision = build.revision;
  state->files = NULL;
  state->stubs = g_ptr_array_ref (build.sorted);
  state->held = g_hash_table_ref (build.held);
  if (!gk_bundle_writer_finish (writer, build.summary, state, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&build.summary);
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
  GkDb *db;
  GkBundleSummary *summary;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  /* One snapshot for the whole bundle: what it shows is the ledger at one
   * moment, and the hundred thousand reads of a large one share one lock
   * rather than taking and checking it each. */
  db = gk_store_get_db (store);
  if (!gk_db_begin_read (db, error))
    return NULL;
  summary = publish_in_snapshot (store, options, dir, progress, progress_data, cancellable, error);
  if (summary == NULL)
    gk_db_rollback (db);
  else if (!gk_db_commit (db, error))
    g_clear_pointer (&summary, gk_bundle_summary_free);
  return summary;
}
