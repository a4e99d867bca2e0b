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
  GK_DATE_ERROR_NO_TIME,     /* a date where a date and a time of day are needed */
} GkDateError;

GQuark    gk_date_error_quark      (void);

/* Accepts 2025-3-7, 2025/03/07, 2025.3.7, 20250307, 2025年3月7日 (日 or 号
 * optional), with full-width digits and spaces anywhere. */
gboolean  gk_date_parse            (const char   *text,
                                    GDate        *date,
                                    GError      **error);
/* One day or a range of days: a date as gk_date_parse() takes it, or two
 * joined by "..", 至, 到, ~ or a dash; the end may leave out the year, or
 * year and month: "2027年2月6日至13日". A single day gives @first = @last. */
gboolean  gk_date_parse_range      (const char   *text,
                                    GDate        *first,
                                    GDate        *last,
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
/* A date and a time of day, as typed: any date gk_date_parse() accepts, a
 * space or "T", then 9:30, 09:30:00, 9时30分 or 9点30分. Returns
 * "2025-03-07T09:30" (seconds kept only when not zero). A date alone is
 * GK_DATE_ERROR_NO_TIME. */
char     *gk_datetime_parse_to_iso (const char   *text,
                                    GError      **error);
/* Exactly as stored: YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS; or a date
 * alone, stored before the field held a time, which stays readable and is
 * reported with @has_time FALSE. */
gboolean  gk_datetime_from_iso     (const char   *iso,
                                    gboolean     *has_time,
                                    GError      **error);
/* A stored value as shown: "2025-03-07 09:30"; a date alone as it is. */
char     *gk_datetime_iso_to_display (const char *iso);
/* "2025年3月7日 09:30"; NULL when @iso is not a stored value. */
char     *gk_datetime_iso_to_chinese (const char *iso);
/* Today in the local time zone, as YYYY-MM-DD. */
char     *gk_today                 (void);

G_END_DECLS
