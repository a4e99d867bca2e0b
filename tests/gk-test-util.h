/* gk-test-util.h: small helpers the tests share. */
#pragma once

#include <glib.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* Removes @path and everything below it. */
void gk_test_remove_tree (const char *path);
/* Overwrites @n_bytes of the file at @path from @offset with garbage, as a
 * failing disk would, and returns the damaged contents (their length in
 * @length). Fails the test if the file is not longer than that. */
char *gk_test_damage_file (const char *path,
                           goffset     offset,
                           gsize       n_bytes,
                           gsize      *length);

/* Adds (or replaces) catalog item @key of @domain with no field at all, so
 * that its records publish as they are. */
void gk_test_add_plain_item (GkStore    *store,
                             const char *key,
                             const char *domain);

/* The state of the stage of @item_key among @stages
 * (gk_store_project_stages()); fails the test when it is not there. */
GkStageState gk_test_stage_state (GPtrArray  *stages,
                                  const char *item_key);

/* A date the test writes as YYYY-MM-DD; a malformed one fails the test. */
GDate gk_test_date        (const char  *iso);
/* Fails unless @date is set and is @expected (YYYY-MM-DD). */
void  gk_test_assert_date (const GDate *date,
                           const char  *expected);

/* How many records a search of @text finds; first fails the test unless
 * the trigram index agrees with the text it was built from. */
guint gk_test_search_count (GkStore    *store,
                            const char *text);

/* The ledger at @path, created if need be; fails the test if it cannot be opened. */
/* Opens (creating) the ledger at @path, set up with a test organisation
 * when it has none, so that records can be given 索引号. */
GkStore *gk_test_open_store (const char *path);
/* The test organisation's code. */
#define GK_TEST_ORG_CODE "11130102000014349N"

/* A fresh ledger in a temporary folder, for g_test_add() fixtures. */
typedef struct
{
  char *dir;
  char *path;
  GkStore *store;
} GkTestLedger;

void gk_test_ledger_set_up    (GkTestLedger  *ledger,
                               gconstpointer  data);
void gk_test_ledger_tear_down (GkTestLedger  *ledger,
                               gconstpointer  data);

G_END_DECLS
