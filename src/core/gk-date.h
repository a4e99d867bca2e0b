/* gk-date.h: dates as clerks type them (2025-3-7, 2025/03/07, 2025年3月7日 …), as the ledger stores them (ISO), and today. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_DATE_ERROR (gk_date_error_quark ())

typedef enum
{
  GK_DATE_ERROR_EMPTY,
  GK_DATE_ERROR_INVALID,     /* not written as a date */
  GK_DATE_ERROR_IMPOSSIBLE,  /* written as a date that does not exist: 2025-02-30 */
} GkDateError;

GQuark    gk_date_error_quark      (void);

/* Accepts 2025-3-7, 2025/03/07, 2025.3.7, 20250307, 2025年3月7日 (日 or 号
 * optional), with full-width digits and spaces anywhere. */
gboolean  gk_date_parse            (const char   *text,
                                    GDate        *date,
                                    GError      **error);
/* The same, returning "2025-03-07". */
char     *gk_date_parse_to_iso     (const char   *text,
                                    GError      **error);
/* Exactly YYYY-MM-DD, as values are stored: a ledger date never depends
 * on the locale. @date may be NULL to only check. */
gboolean  gk_date_from_iso         (const char   *iso,
                                    GDate        *date,
                                    GError      **error);
char     *gk_date_format_iso       (const GDate  *date);
/* "2025年3月7日" */
char     *gk_date_format_chinese   (const GDate  *date);
/* An ISO date to "2025年3月7日"; NULL when @iso is not a stored date. */
char     *gk_date_iso_to_chinese   (const char   *iso);
/* Today in the local time zone, as YYYY-MM-DD. */
char     *gk_today                 (void);

G_END_DECLS
