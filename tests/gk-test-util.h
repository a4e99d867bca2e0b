/* gk-test-util.h: small helpers the tests share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and everything below it. */
void gk_test_remove_tree (const char *path);

G_END_DECLS
