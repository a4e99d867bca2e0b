/* fuzz-validate.c: the code validators (USCC, ID card, organisation, project, phone, URL) on any text. */
#include "fuzz-common.h"
#include "gk-validate.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_string (data, size, TRUE);
  g_autofree char *folded = NULL;
  g_autofree char *normalized = NULL;
  GkValidation *(*validators[]) (const char *) = {
    gk_validate_uscc, gk_validate_idcard, gk_validate_orgcode, gk_validate_project_code,
    gk_validate_phone, gk_validate_url, gk_validate_required,
  };

  if (text == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    {
      g_autoptr(GkValidation) validation = validators[i] (text);
      g_assert_nonnull (validation);
    }
  for (int kind = GK_FIELD_TEXT; kind <= GK_FIELD_TABLE; kind++)
    {
      g_autoptr(GkValidation) validation = gk_validate_by_kind (kind, text);
      g_assert_nonnull (validation);
    }

  folded = gk_fold_full_width (text);
  normalized = gk_normalize_code (text);
  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_utf8_validate (normalized, -1, NULL));

  /* The check characters take the first 17 (or 8) ASCII characters. */
  if (strlen (normalized) >= 17)
    {
      gk_uscc_compute_check (normalized);
      gk_idcard_compute_check (normalized);
    }
  if (strlen (normalized) >= 8)
    gk_orgcode_compute_check (normalized);
  return 0;
}
