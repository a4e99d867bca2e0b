/* gk-test-util.h: small helpers the tests share. */
#pragma once

#include <glib.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* Removes @path and everything below it. */
void gk_test_remove_tree (const char *path);

/* Adds (or replaces) catalog item @key of @domain with no field at all, so
 * that its records publish as they are. */
void gk_test_add_plain_item (GkStore    *store,
                             const char *key,
                             const char *domain);

G_END_DECLS
