/* gk-bundle.h: the publication bundle: a static site and open data files of what the ledger has published. */
#pragma once

#include <gio/gio.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* Why a record stays out of the bundle. */
typedef enum
{
  GK_BUNDLE_HOLD_NONE,
  GK_BUNDLE_HOLD_DRAFT,
  GK_BUNDLE_HOLD_PENDING,
  GK_BUNDLE_HOLD_WITHDRAWN,
  GK_BUNDLE_HOLD_EXEMPT,             /* 不予公开 */
  GK_BUNDLE_HOLD_ON_REQUEST,         /* 依申请公开: answered to the applicant */
  GK_BUNDLE_HOLD_REQUEST,            /* an application or a review case */
  GK_BUNDLE_HOLD_PUBLICITY_ENDED,    /* an allocation list after its 公示期 */
  GK_BUNDLE_HOLD_REVOKED,            /* a blacklist entry revoked */
  GK_BUNDLE_HOLD_EXPIRED,            /* a blacklist entry past its period */
  GK_BUNDLE_N_HOLDS,
} GkBundleHold;

/* "draft", "exempt": stable names for scripts. */
const char *gk_bundle_hold_to_key   (GkBundleHold hold);
/* Translated, for the clerk. */
const char *gk_bundle_hold_to_label (GkBundleHold hold);

typedef struct
{
  char *index_no;
  char *title;          /* masked like the bundle would */
  char *item_name;
  GkBundleHold hold;
} GkBundleHeld;

void gk_bundle_held_free (GkBundleHeld *held);

/* What a publish writes (or would write), and what it holds back. */
typedef struct
{
  guint n_records;
  guint n_pages;
  guint n_attachments;
  guint n_files;            /* every file of the bundle */
  guint n_written;          /* files written this time: the others were unchanged */
  guint n_removed;          /* files of an earlier publish no longer in the bundle */
  guint n_held[GK_BUNDLE_N_HOLDS];
  GPtrArray *held;          /* of GkBundleHeld, by 索引号; requests only counted. Only when
                             * every record was read: always by gk_bundle_plan() */
  guint n_held_attachments;
  GPtrArray *held_attachments; /* of GkBundleHeld whose title is the attachment's name; as @held */
} GkBundleSummary;

void gk_bundle_summary_free (GkBundleSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBundleSummary, gk_bundle_summary_free)

typedef struct
{
  const char *today;        /* ISO date deciding 公示期 and blacklist periods; NULL: today */
  const char *ocid_prefix;  /* NULL: the default of data/bundle/bundle.json */
  guint n_threads;          /* that make the record pages; 0: one per processor */
} GkBundleOptions;

/* Called now and then with the share done, 0 to 1. */
typedef void (*GkBundleProgress) (double   fraction,
                                  gpointer user_data);

/* Counts and lists what gk_bundle_publish() would do, writing nothing. */
GkBundleSummary *gk_bundle_plan    (GkStore                *store,
                                    const GkBundleOptions  *options,
                                    GError                **error);
/* Writes the bundle into the folder @dir (created if needed). A manifest
 * (.gongkai-bundle) of what an earlier publish wrote there lets this one
 * rewrite only the files whose content changed and remove those no longer
 * in the bundle; files it did not write are left alone. */
GkBundleSummary *gk_bundle_publish (GkStore                *store,
                                    const GkBundleOptions  *options,
                                    const char             *dir,
                                    GkBundleProgress        progress,
                                    gpointer                progress_data,
                                    GCancellable           *cancellable,
                                    GError                **error);
/* Packs the bundle in @dir (as its manifest lists it) into the zip file
 * @zip_path, with fixed times so that the same bundle gives the same bytes. */
gboolean         gk_bundle_write_zip (const char           *dir,
                                      const char           *zip_path,
                                      GError              **error);

G_END_DECLS
