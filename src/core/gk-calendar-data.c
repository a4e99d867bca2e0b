/* gk-calendar-data.c: the calendar's text format (data/calendar/README.md): notices read into sections and written back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gk-calendar-private.h"

static void
special_day_clear (gpointer data)
{
  GkSpecialDay *day = data;

  g_clear_pointer (&day->name, g_free);
}

static GkCalendarSection *
section_new (int year)
{
  GkCalendarSection *section = g_new0 (GkCalendarSection, 1);

  section->year = year;
  section->days = g_array_new (FALSE, FALSE, sizeof (GkSpecialDay));
  g_array_set_clear_func (section->days, special_day_clear);
  return section;
}

void
gk_calendar_section_free (GkCalendarSection *section)
{
  g_strfreev (section->notices);
  g_array_unref (section->days);
  g_free (section);
}

static int
compare_special_days (gconstpointer a,
                      gconstpointer b)
{
  const GkSpecialDay *da = a;
  const GkSpecialDay *db = b;

  return (da->julian > db->julian) - (da->julian < db->julian);
}

static void G_GNUC_PRINTF (4, 5)
set_line_error (GError     **error,
                int          code,
                guint        line,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %u is a line number of a calendar file, %s what is wrong with it */
  g_set_error (error, GK_CALENDAR_ERROR, code, _("Line %u: %s"), line, message);
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static char *
skip_blanks (char *p)
{
  while (is_blank (*p))
    p++;
  return p;
}

/* Cuts the next field off @p (NUL-terminating it) and returns what follows. */
static char *
cut_field (char *p)
{
  while (*p != '\0' && !is_blank (*p))
    p++;
  if (*p != '\0')
    *p++ = '\0';
  return skip_blanks (p);
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  if (strlen (text) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  *year = atoi (text);
  return *year >= 1000;
}

/* A notice for @year sets days from the December before to its December. */
static gboolean
check_notice_window (int          year,
                     const GDate *first,
                     const GDate *last,
                     GError     **error)
{
  GDate window_start, window_end;

  g_date_clear (&window_start, 1);
  g_date_clear (&window_end, 1);
  g_date_set_dmy (&window_start, 1, G_DATE_DECEMBER, year - 1);
  g_date_set_dmy (&window_end, 31, G_DATE_DECEMBER, year);
  if (g_date_compare (first, &window_start) < 0 || g_date_compare (last, &window_end) > 0)
    {
      g_set_error (error, GK_CALENDAR_ERROR, GK_CALENDAR_ERROR_INVALID,
                   _("the notice for %d can only set days from December %d to December %d"),
                   year, year - 1, year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_day_line (GkCalendarSection  *section,
                GHashTable         *seen,
                GkCalendarDayKind   kind,
                char               *rest,
                guint               line,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate first, last;
  char *range_end;
  char *name;

  name = cut_field (rest);
  g_strchomp (name);

  if (*rest == '\0')
    {
      set_line_error (error, GK_CALENDAR_ERROR_PARSE, line, _("a date is missing"));
      return FALSE;
    }

  range_end = strstr (rest, "..");
  if (range_end != NULL)
    {
      *range_end = '\0';
      range_end += 2;
    }

  if (!gk_date_from_iso (rest, &first, &local_error) ||
      !gk_date_from_iso (range_end != NULL ? range_end : rest, &last, &local_error))
    {
      set_line_error (error, GK_CALENDAR_ERROR_PARSE, line, "%s", local_error->message);
      return FALSE;
    }

  if (g_date_compare (&first, &last) > 0)
    {
      set_line_error (error, GK_CALENDAR_ERROR_PARSE, line,
                      _("the range %s..%s ends before it begins"), rest, range_end);
      return FALSE;
    }

  if (!check_notice_window (section->year, &first, &last, &local_error))
    {
      set_line_error (error, GK_CALENDAR_ERROR_INVALID, line, "%s", local_error->message);
      return FALSE;
    }

  for (guint32 julian = g_date_get_julian (&first); julian <= g_date_get_julian (&last); julian++)
    {
      GkSpecialDay day = { julian, kind, NULL };
      guint earlier_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER (julian)));

      if (earlier_line != 0)
        {
          GDate date;
          g_autofree char *text = NULL;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, julian);
          text = gk_date_format_iso (&date);
          set_line_error (error, GK_CALENDAR_ERROR_INVALID, line,
                          _("%s is already listed on line %u"), text, earlier_line);
          return FALSE;
        }
      g_hash_table_insert (seen, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (line));

      day.name = *name != '\0' ? g_strdup (name) : NULL;
      g_array_append_val (section->days, day);
    }

  return TRUE;
}

/* Parses all of @text before anything is used: a bad line rejects the file. */
GPtrArray *
gk_calendar_parse_sections (const char  *text,
                            GError     **error)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_calendar_section_free);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) lines = NULL;
  GkCalendarSection *current = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, GK_CALENDAR_ERROR, GK_CALENDAR_ERROR_PARSE,
                           _("The calendar data are not UTF-8 text"));
      return NULL;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line = i + 1;
      char *keyword = skip_blanks (lines[i]);
      char *rest;

      /* Files edited on Windows keep their carriage returns. */
      g_strchomp (keyword);
      if (*keyword == '\0' || *keyword == '#')
        continue;

      rest = cut_field (keyword);

      if (g_str_equal (keyword, "year"))
        {
          int year;

          if (!parse_year (rest, &year))
            {
              set_line_error (error, GK_CALENDAR_ERROR_PARSE, line,
                              _("“%s” is not a four-digit year"), rest);
              return NULL;
            }
          for (guint j = 0; j < sections->len; j++)
            {
              if (((GkCalendarSection *) g_ptr_array_index (sections, j))->year == year)
                {
                  set_line_error (error, GK_CALENDAR_ERROR_INVALID, line,
                                  _("the year %d appears twice"), year);
                  return NULL;
                }
            }

          if (current != NULL)
            {
              g_ptr_array_add (notices, NULL);
              current->notices = (GStrv) g_ptr_array_free (g_steal_pointer (&notices), FALSE);
            }
          current = section_new (year);
          g_ptr_array_add (sections, current);
          notices = g_ptr_array_new_with_free_func (g_free);
          g_clear_pointer (&seen, g_hash_table_unref);
          seen = g_hash_table_new (NULL, NULL);
        }
      else if (current == NULL)
        {
          set_line_error (error, GK_CALENDAR_ERROR_PARSE, line,
                          _("“%s” comes before any “year” line"), keyword);
          return NULL;
        }
      else if (g_str_equal (keyword, "notice"))
        {
          if (*rest == '\0')
            {
              set_line_error (error, GK_CALENDAR_ERROR_PARSE, line, _("the notice has no title"));
              return NULL;
            }
          g_ptr_array_add (notices, g_strdup (rest));
        }
      else if (g_str_equal (keyword, "holiday") || g_str_equal (keyword, "workday"))
        {
          GkCalendarDayKind kind = g_str_equal (keyword, "holiday") ? GK_CALENDAR_DAY_HOLIDAY
                                                                    : GK_CALENDAR_DAY_WORKDAY;

          if (!parse_day_line (current, seen, kind, rest, line, error))
            return NULL;
        }
      else
        {
          set_line_error (error, GK_CALENDAR_ERROR_PARSE, line,
                          _("unknown statement “%s” (expected year, notice, holiday or workday)"),
                          keyword);
          return NULL;
        }
    }

  if (current == NULL)
    {
      g_set_error_literal (error, GK_CALENDAR_ERROR, GK_CALENDAR_ERROR_INVALID,
                           _("The calendar data contain no “year” line"));
      return NULL;
    }
  g_ptr_array_add (notices, NULL);
  current->notices = (GStrv) g_ptr_array_free (g_steal_pointer (&notices), FALSE);

  for (guint i = 0; i < sections->len; i++)
    {
      GkCalendarSection *section = g_ptr_array_index (sections, i);

      /* Every day must be traceable to the notice that set it. */
      if (section->notices[0] == NULL)
        {
          g_set_error (error, GK_CALENDAR_ERROR, GK_CALENDAR_ERROR_INVALID,
                       _("The year %d has no “notice” line naming its notice"), section->year);
          return NULL;
        }
      g_array_sort (section->days, compare_special_days);
    }

  return g_steal_pointer (&sections);
}

static void
append_day_run (GString            *out,
                const GkSpecialDay *first,
                const GkSpecialDay *last)
{
  GDate date;
  g_autofree char *first_text = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first->julian);
  first_text = gk_date_format_iso (&date);

  g_string_append (out, first->kind == GK_CALENDAR_DAY_HOLIDAY ? "holiday\t" : "workday\t");
  g_string_append (out, first_text);
  if (last != first)
    {
      g_autofree char *last_text = NULL;

      g_date_set_julian (&date, last->julian);
      last_text = gk_date_format_iso (&date);
      g_string_append_printf (out, "..%s", last_text);
    }
  if (first->name != NULL)
    g_string_append_printf (out, "\t%s", first->name);
  g_string_append_c (out, '\n');
}

/* Consecutive days of one kind and name are joined into ranges. */
char *
gk_calendar_section_serialize (const GkCalendarSection *section)
{
  GString *out = g_string_new (NULL);
  guint run_start = 0;

  g_string_append_printf (out, "year\t%d\n", section->year);
  for (guint i = 0; section->notices[i] != NULL; i++)
    g_string_append_printf (out, "notice\t%s\n", section->notices[i]);

  for (guint i = 1; i <= section->days->len; i++)
    {
      const GkSpecialDay *start = &g_array_index (section->days, GkSpecialDay, run_start);
      const GkSpecialDay *previous = &g_array_index (section->days, GkSpecialDay, i - 1);
      const GkSpecialDay *day = i < section->days->len ? &g_array_index (section->days, GkSpecialDay, i) : NULL;

      if (day != NULL &&
          day->julian == previous->julian + 1 &&
          day->kind == start->kind &&
          g_strcmp0 (day->name, start->name) == 0)
        continue;

      append_day_run (out, start, previous);
      run_start = i;
    }

  return g_string_free (out, FALSE);
}

/**
 * gk_calendar_normalize_day_line:
 * @line: a day or range as a clerk copies it from a notice, then the
 *   festival: "2027年2月6日至13日 春节", "2027-02-06~2027-02-13 春节"
 * @year: the year of the notice
 *
 * Returns: (transfer full) (nullable): the line in the calendar format,
 *   "2027-02-06..2027-02-13\t春节", or %NULL with @error saying what is
 *   wrong with it in the clerk's terms.
 */
char *
gk_calendar_normalize_day_line (const char  *line,
                                int          year,
                                GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (line != NULL ? line : ""));
  g_autoptr(GError) first_error = NULL;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  const char *name = "";
  GDate first, last;
  gsize cut = strlen (text);

  /* The festival follows the last blank after which the rest is a name:
   * the dates themselves may hold spaces ("2027年2月6日 至 13日"). */
  for (;;)
    {
      g_autofree char *dates = g_strndup (text, cut);
      g_autoptr(GError) local_error = NULL;

      if (gk_date_parse_range (dates, &first, &last, &local_error))
        {
          name = g_strchug (text + cut);
          break;
        }
      g_clear_error (&first_error);
      first_error = g_steal_pointer (&local_error);
      while (cut > 0 && !is_blank (text[cut - 1]))
        cut--;
      while (cut > 0 && is_blank (text[cut - 1]))
        cut--;
      if (cut == 0)
        {
          g_propagate_error (error, g_steal_pointer (&first_error));
          return NULL;
        }
    }

  if (!check_notice_window (year, &first, &last, error))
    return NULL;

  first_iso = gk_date_format_iso (&first);
  last_iso = gk_date_format_iso (&last);
  if (g_date_compare (&first, &last) == 0)
    return *name != '\0' ? g_strdup_printf ("%s\t%s", first_iso, name) : g_strdup (first_iso);
  return *name != '\0' ? g_strdup_printf ("%s..%s\t%s", first_iso, last_iso, name)
                       : g_strdup_printf ("%s..%s", first_iso, last_iso);
}
