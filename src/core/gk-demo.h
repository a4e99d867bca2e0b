/* gk-demo.h: a realistic, deterministic sample ledger, for trying Gongkai and for benchmarks. */
#pragma once

#include "gk-store.h"

G_BEGIN_DECLS

/* Adds @n_records records (and their projects) drawn from @seed: the same
 * seed on an empty ledger gives the same ledger. */
gboolean gk_demo_fill (GkStore  *store,
                       guint     n_records,
                       guint32   seed,
                       GError  **error);

G_END_DECLS
