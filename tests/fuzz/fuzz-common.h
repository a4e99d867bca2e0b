/* fuzz-common.h: what the fuzz targets share: the core set up once, the input as a string. */
#pragma once

#include <glib.h>
#include <stdint.h>

#include "gk-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The input as a NUL-terminated string; NULL when @utf8 asks for valid
 * UTF-8 (what GTK hands over) and it is not. */
static inline char *
fuzz_input_string (const uint8_t *data,
                   size_t         size,
                   gboolean       utf8)
{
  static gboolean initialized;

  if (!initialized)
    {
      /* Problems are reported as GErrors, never logged: a warning would be a finding. */
      g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
      gk_core_init ();
      initialized = TRUE;
    }
  if (utf8 && !g_utf8_validate ((const char *) data, size, NULL))
    return NULL;
  return g_strndup ((const char *) data, size);
}
