/* gk-test-util.c: small helpers the tests share. */
#include <string.h>

#include "gk-test-util.h"
#include "gk-store-private.h"

#include <glib/gstdio.h>

void
gk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          gk_test_remove_tree (child);
        }
    }
  g_remove (path);
}

void
gk_test_add_plain_item (GkStore    *store,
                        const char *key,
                        const char *domain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_item_new (key, domain);
  g_autoptr(GkSchema) schema = gk_schema_new ();

  gk_item_set_level1 (item, "测试");
  gk_item_set_level2 (item, "督查测试事项");
  gk_item_set_deadline_rule (item, "proactive");
  gk_item_set_schema (item, schema);

  g_assert_true (gk_store_save_item (store, item, &error));
  g_assert_no_error (error);
}

GDate
gk_test_date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!gk_date_from_iso (iso, &date, &error))
    g_error ("bad test date %s: %s", iso, error->message);
  return date;
}

void
gk_test_assert_date (const GDate *date,
                     const char  *expected)
{
  g_autofree char *text = NULL;

  if (!g_date_valid (date))
    g_error ("got no date, expected %s", expected);
  text = gk_date_format_iso (date);
  g_assert_cmpstr (text, ==, expected);
}

GkStore *
gk_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  GkStore *store = gk_store_open (path, &error);
  g_autofree char *code = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (gk_store_get_organisation (store, NULL, &code, &error));
  if (*code == '\0')
    g_assert_true (gk_store_set_organisation (store, "石家庄市长安区人民政府", GK_TEST_ORG_CODE, &error));
  g_assert_no_error (error);
  return store;
}

void
gk_test_ledger_set_up (GkTestLedger  *ledger,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ledger->dir = g_dir_make_tmp ("gongkai-test-XXXXXX", &error);
  g_assert_no_error (error);
  ledger->path = g_build_filename (ledger->dir, "ledger.db", NULL);
  ledger->store = gk_test_open_store (ledger->path);
}

void
gk_test_ledger_tear_down (GkTestLedger  *ledger,
                          gconstpointer  data)
{
  g_clear_object (&ledger->store);
  gk_test_remove_tree (ledger->dir);
  g_free (ledger->path);
  g_free (ledger->dir);
}

char *
gk_test_damage_file (const char *path,
                     goffset     offset,
                     gsize       n_bytes,
                     gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (*length, >, offset + n_bytes);
  memset (contents + offset, 0x5a, n_bytes);
  g_assert_true (g_file_set_contents (path, contents, *length, &error));
  g_assert_no_error (error);
  return contents;
}

GkStageState
gk_test_stage_state (GPtrArray  *stages,
                     const char *item_key)
{
  for (guint i = 0; i < stages->len; i++)
    {
      GkStage *stage = g_ptr_array_index (stages, i);

      if (g_strcmp0 (gk_item_get_key (stage->item), item_key) == 0)
        return stage->state;
    }
  g_error ("No stage “%s” among the %u of the project", item_key, stages->len);
}

guint
gk_test_search_count (GkStore    *store,
                      const char *text)
{
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (gk_db_exec (gk_store_get_db (store),
                             "INSERT INTO records_fts (records_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  query->text = g_strdup (text);
  g_assert_true (gk_store_count (store, query, &count, &error));
  g_assert_no_error (error);
  return count;
}
