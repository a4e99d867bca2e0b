/* gk-demo.h: a realistic, deterministic sample ledger, for trying Gongkai and for benchmarks. */
#pragma once

#include "gk-store.h"

G_BEGIN_DECLS

/* The organisation of a sample ledger that has none. */
#define GK_DEMO_ORGANISATION_NAME "示例单位（石家庄市长安区人民政府）"
#define GK_DEMO_ORGANISATION_CODE "11130102MB00000006"

/* Adds @n_records records (and their projects) drawn from @seed: the same
 * seed on an empty ledger gives the same ledger. */
gboolean gk_demo_fill (GkStore  *store,
                       guint     n_records,
                       guint32   seed,
                       GError  **error);

/* The setting that marks a ledger as the sample, shown as such in the window. */
#define GK_SAMPLE_LEDGER_KEY "sample-ledger"

/* "<dir>/<name>.sample.db" beside the ledger at @ledger_path. */
char    *gk_demo_sample_path (const char  *ledger_path);
/* Opens the sample ledger beside @ledger_path, filling it with
 * @n_records records when it is new. */
GkStore *gk_demo_open_sample (const char  *ledger_path,
                              guint        n_records,
                              GError     **error);

G_END_DECLS
