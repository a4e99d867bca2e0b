/* fuzz-catalog.c: catalog files (the shipped default-catalog.json's format) and item field sets in JSON. */
#include "fuzz-common.h"
#include "gk-catalog.h"
#include "gk-item.h"
#include "gk-schema.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_string (data, size, FALSE);
  g_autoptr(GkCatalog) catalog = gk_catalog_new_from_data (text, size, NULL);
  g_autoptr(GkSchema) schema = gk_schema_new_from_json (text, NULL);

  if (catalog != NULL)
    {
      /* Each item's field set saves and loads again. */
      for (guint i = 0; i < catalog->items->len; i++)
        {
          GkSchema *fields = gk_item_get_schema (g_ptr_array_index (catalog->items, i));
          g_autofree char *json = fields != NULL ? gk_schema_to_json (fields, FALSE) : NULL;
          g_autoptr(GkSchema) again = json != NULL ? gk_schema_new_from_json (json, NULL) : NULL;

          g_assert_true (fields == NULL || again != NULL);
        }
    }
  if (schema != NULL)
    {
      /* What loads saves, and loads again the same. */
      g_autofree char *json = gk_schema_to_json (schema, FALSE);
      g_autoptr(GkSchema) again = gk_schema_new_from_json (json, NULL);
      g_autofree char *json_again = NULL;

      g_assert_nonnull (again);
      json_again = gk_schema_to_json (again, FALSE);
      g_assert_cmpstr (json, ==, json_again);
    }
  return 0;
}
