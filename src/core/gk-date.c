/* gk-date.c: dates as clerks type them (2025-3-7, 2025/03/07, 2025年3月7日 …), as the ledger stores them (ISO), and today. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-date.h"
#include "gk-validate.h"

G_DEFINE_QUARK (gk-date-error-quark, gk_date_error)

/* Reads 1 to @max digits; returns the number read. */
static guint
read_number (const char **p,
             guint        max,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  return n;
}

/* Skips @sep if it is next; the separators of one date must match. */
static gboolean
skip (const char **p,
      const char  *sep)
{
  gsize len = strlen (sep);

  if (strncmp (*p, sep, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

static gboolean
check_dmy (const char  *text,
           guint        year,
           guint        month,
           guint        day,
           GDate       *date,
           GError     **error)
{
  if (year < 1 || year > 9999)
    {
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE, _("%u is not a valid year"), year);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE,
                   _("“%s” does not exist: there is no month %u"), text, month);
      return FALSE;
    }

  if (day < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      guint8 n_days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%04u-%02u-%02u does not exist: that month has %u day",
                                "%04u-%02u-%02u does not exist: that month has %u days",
                                n_days),
                   year, month, day, (guint) n_days);
      return FALSE;
    }

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

gboolean
gk_date_parse (const char  *text,
               GDate       *date,
               GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  guint year, month, day;

  /* Removing every space also joins "2025 年 3 月 7 日". */
  s = gk_normalize_code (text);
  p = s;

  if (*p == '\0')
    {
      g_set_error_literal (error, GK_DATE_ERROR, GK_DATE_ERROR_EMPTY, _("No date was entered"));
      return FALSE;
    }

  if (strlen (s) == 8 && strspn (s, "0123456789") == 8)
    {
      read_number (&p, 4, &year);
      read_number (&p, 2, &month);
      read_number (&p, 2, &day);
      return check_dmy (text, year, month, day, date, error);
    }

  if (read_number (&p, 4, &year) != 4 || g_ascii_isdigit (*p))
    goto invalid;

  if (skip (&p, "年"))
    {
      if (read_number (&p, 2, &month) == 0 || !skip (&p, "月") ||
          read_number (&p, 2, &day) == 0)
        goto invalid;
      if (!skip (&p, "日"))
        skip (&p, "号");
    }
  else
    {
      char sep[2] = { *p, '\0' };

      if (strchr ("-/.", sep[0]) == NULL || sep[0] == '\0')
        goto invalid;
      p++;
      if (read_number (&p, 2, &month) == 0 || !skip (&p, sep) ||
          read_number (&p, 2, &day) == 0)
        goto invalid;
    }

  if (*p != '\0')
    goto invalid;

  return check_dmy (text, year, month, day, date, error);

invalid:
  g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID,
               _("“%s” is not a date: type it as 2025-3-7 or 2025年3月7日"), text);
  return FALSE;
}

/* The separators a clerk writes between the two ends of a range; after
 * gk_normalize_code() a full-width tilde is already "~". */
static const char *range_separators[] = { "..", "至", "到", "~", "—", "–" };

/* The end of a range written short after its start: "13日" or "13" (same
 * month), "2月13日" or "2-13" (same year), or a whole date. */
static gboolean
parse_range_end (const char  *text,
                 const GDate *first,
                 GDate       *last)
{
  const char *p = text;
  guint a = 0, b = 0;
  guint n = read_number (&p, 2, &a);

  if (n > 0 && (*p == '\0' || strcmp (p, "日") == 0 || strcmp (p, "号") == 0))
    return check_dmy (text, g_date_get_year (first), g_date_get_month (first), a, last, NULL);
  if (n > 0 && (skip (&p, "月") || skip (&p, "-") || skip (&p, "/") || skip (&p, ".")) &&
      read_number (&p, 2, &b) > 0 && (*p == '\0' || strcmp (p, "日") == 0 || strcmp (p, "号") == 0))
    return check_dmy (text, g_date_get_year (first), a, b, last, NULL);
  return gk_date_parse (text, last, NULL);
}

gboolean
gk_date_parse_range (const char  *text,
                     GDate       *first,
                     GDate       *last,
                     GError     **error)
{
  g_autofree char *s = gk_normalize_code (text != NULL ? text : "");
  g_autofree char *first_text = NULL;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  const char *end = NULL;
  gsize separator_len = 0;

  if (*s == '\0')
    {
      g_set_error_literal (error, GK_DATE_ERROR, GK_DATE_ERROR_EMPTY, _("No date was entered"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (range_separators) && end == NULL; i++)
    if ((end = strstr (s, range_separators[i])) != NULL)
      separator_len = strlen (range_separators[i]);

  first_text = end != NULL ? g_strndup (s, end - s) : g_strdup (s);
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  if (!gk_date_parse (first_text, first, NULL) ||
      (end != NULL ? !parse_range_end (end + separator_len, first, last) : !gk_date_parse (first_text, last, NULL)))
    {
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID,
                   _("“%s” is not a day or a range of days: type 2027-02-06 or 2027年2月6日, "
                     "a range as 2027-02-06至2027-02-13 or 2027年2月6日至13日"), text);
      return FALSE;
    }

  if (g_date_compare (first, last) > 0)
    {
      first_iso = gk_date_format_chinese (first);
      last_iso = gk_date_format_chinese (last);
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE,
                   _("The range ends (%s) before it begins (%s)"), last_iso, first_iso);
      return FALSE;
    }

  return TRUE;
}

char *
gk_date_parse_to_iso (const char  *text,
                      GError     **error)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!gk_date_parse (text, &date, error))
    return NULL;
  return gk_date_format_iso (&date);
}

gboolean
gk_date_from_iso (const char  *iso,
                  GDate       *date,
                  GError     **error)
{
  const char *p = iso;
  guint year, month, day;

  if (iso == NULL || *iso == '\0')
    {
      g_set_error_literal (error, GK_DATE_ERROR, GK_DATE_ERROR_EMPTY, _("No date was entered"));
      return FALSE;
    }

  if (strlen (iso) != 10 ||
      read_number (&p, 4, &year) != 4 || !skip (&p, "-") ||
      read_number (&p, 2, &month) != 2 || !skip (&p, "-") ||
      read_number (&p, 2, &day) != 2)
    {
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID,
                   _("“%s” is not a date in the form YYYY-MM-DD"), iso);
      return FALSE;
    }

  return check_dmy (iso, year, month, day, date, error);
}

char *
gk_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
gk_date_format_chinese (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u年%u月%u日",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
gk_date_iso_to_chinese (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!gk_date_from_iso (iso, &date, NULL))
    return NULL;
  return gk_date_format_chinese (&date);
}

/* The time after a date: 9:30, 09:30:00, 9时30分, 9点30分, 9点. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute,
            int        *second)
{
  g_autoptr(GRegex) regex = g_regex_new ("^([0-9]{1,2})(?:(?::|时|点)([0-9]{1,2})(?:(?::|分)([0-9]{1,2})秒?|分)?|时|点)$",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *h = NULL, *m = NULL, *sec = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  h = g_match_info_fetch (match, 1);
  m = g_match_info_fetch (match, 2);
  sec = g_match_info_fetch (match, 3);
  *hour = atoi (h);
  *minute = m != NULL && *m != '\0' ? atoi (m) : 0;
  *second = sec != NULL && *sec != '\0' ? atoi (sec) : 0;
  return *hour <= 23 && *minute <= 59 && *second <= 59;
}

static char *
format_time (int hour,
             int minute,
             int second)
{
  if (second != 0)
    return g_strdup_printf ("%02d:%02d:%02d", hour, minute, second);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

char *
gk_datetime_parse_to_iso (const char  *text,
                          GError     **error)
{
  g_autofree char *folded = gk_fold_full_width (text != NULL ? text : "");
  g_autofree char *date_iso = NULL;
  g_autofree char *time = NULL;
  char *stripped = g_strstrip (folded);
  char *split = NULL;
  int hour, minute, second;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, GK_DATE_ERROR, GK_DATE_ERROR_EMPTY, _("No date was entered"));
      return NULL;
    }

  /* The time follows the date after a space, a "T" or 日/号. */
  for (char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == ' ' || *p == 'T' || *p == 't' || g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号"))
      split = p;
  if (split != NULL)
    {
      gboolean mark = *split != ' ' && *split != 'T' && *split != 't';
      char *time_start = mark ? split + strlen ("日") : split + 1;
      g_autofree char *time_text = g_strdup (time_start);
      /* 日 and 号 belong to the date; a space or "T" to neither. */
      g_autofree char *date_text = g_strndup (stripped, (mark ? time_start : split) - stripped);

      g_strstrip (time_text);
      g_strdelimit (time_text, " ", ':');
      if (*time_text != '\0')
        {
          if (!parse_time (time_text, &hour, &minute, &second))
            {
              g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID,
                           _("“%s” is not a time of day: write it as 09:30"), time_text);
              return NULL;
            }
          date_iso = gk_date_parse_to_iso (date_text, error);
          if (date_iso == NULL)
            return NULL;
          time = format_time (hour, minute, second);
          return g_strconcat (date_iso, "T", time, NULL);
        }
    }

  date_iso = gk_date_parse_to_iso (stripped, error);
  if (date_iso == NULL)
    return NULL;
  g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_NO_TIME,
               _("Add the time of day after the date, e.g. %s 09:30"), date_iso);
  return NULL;
}

gboolean
gk_datetime_from_iso (const char  *iso,
                      gboolean    *has_time,
                      GError     **error)
{
  g_autofree char *date = NULL;
  int hour, minute, second;
  const char *t;

  if (has_time != NULL)
    *has_time = FALSE;
  if (iso == NULL || (t = strchr (iso, 'T')) == NULL)
    return gk_date_from_iso (iso, NULL, error);

  date = g_strndup (iso, t - iso);
  if (!gk_date_from_iso (date, NULL, error))
    return FALSE;
  /* As stored: two digits each, colons. */
  if ((strlen (t + 1) != 5 && strlen (t + 1) != 8) || !g_ascii_isdigit (t[1]) || !g_ascii_isdigit (t[2]) ||
      t[3] != ':' ||
      !parse_time (t + 1, &hour, &minute, &second))
    {
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID,
                   _("“%s” is not a stored date and time (YYYY-MM-DDTHH:MM)"), iso);
      return FALSE;
    }
  if (has_time != NULL)
    *has_time = TRUE;
  return TRUE;
}

char *
gk_datetime_iso_to_display (const char *iso)
{
  char *shown = g_strdup (iso);
  char *t = shown != NULL ? strchr (shown, 'T') : NULL;

  if (t != NULL)
    *t = ' ';
  return shown;
}

char *
gk_datetime_iso_to_chinese (const char *iso)
{
  g_autofree char *date = NULL;
  g_autofree char *chinese = NULL;
  const char *t;

  if (!gk_datetime_from_iso (iso, NULL, NULL))
    return NULL;
  t = strchr (iso, 'T');
  if (t == NULL)
    return gk_date_iso_to_chinese (iso);
  date = g_strndup (iso, t - iso);
  chinese = gk_date_iso_to_chinese (date);
  return g_strdup_printf ("%s %s", chinese, t + 1);
}

char *
gk_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
