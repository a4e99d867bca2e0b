/* gk-calendar.c: which days are working days, from the State Council's yearly holiday notices. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "gk-calendar-private.h"
#include "gk-core.h"

/*
 * Days are kept as the notices give them (one section per notice year), and
 * turned into one table per calendar year: a workday flag per day plus a
 * running count, so that "the N-th working day after" and "working days
 * between" are a binary search and a subtraction, not a walk over days.
 * Queries never modify the object; only loading does.
 */

#define SHIPPED_PATH GK_CORE_RESOURCE_BASE "/calendar/"

typedef struct
{
  int     year;
  guint32 first_julian;
  guint   n_days;
  guint   tail_start;    /* index of 25 December: the next notice may still move it and after */
  int     missing_head;  /* the year itself when its notice is not loaded, else 0 */
  int     missing_tail;  /* year + 1 when that notice is not loaded, else 0 */
  guint8  workday[366];
  guint16 before[367];   /* before[i]: working days among the days with index < i */
} YearTable;

struct _GkCalendar
{
  GObject     parent_instance;

  GHashTable *sections;  /* year → GkCalendarSection */
  GHashTable *tables;    /* year → YearTable, for every year a section touches */
};

G_DEFINE_FINAL_TYPE (GkCalendar, gk_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (gk-calendar-error-quark, gk_calendar_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GkCalendarSection *
lookup_section (GkCalendar *self,
                int         year)
{
  return g_hash_table_lookup (self->sections, GINT_TO_POINTER (year));
}

static void
apply_section (YearTable               *table,
               const GkCalendarSection *section)
{
  if (section == NULL)
    return;

  for (guint i = 0; i < section->days->len; i++)
    {
      const GkSpecialDay *day = &g_array_index (section->days, GkSpecialDay, i);

      if (day->julian >= table->first_julian && day->julian < table->first_julian + table->n_days)
        table->workday[day->julian - table->first_julian] = day->kind == GK_CALENDAR_DAY_WORKDAY;
    }
}

/* 元旦 1 January; 劳动节 1 May, and 2 May since the 2024 revision (国务院令
 * 第795号, from 2025); 国庆节 1–3 October. The lunar holidays and the make-up
 * days need the notice. */
static void
apply_fixed_holidays (YearTable *table,
                      int        year)
{
  static const struct { GDateMonth month; GDateDay day; int from_year; } holidays[] = {
    { G_DATE_JANUARY, 1, 0 },
    { G_DATE_MAY, 1, 0 },
    { G_DATE_MAY, 2, 2025 },
    { G_DATE_OCTOBER, 1, 0 },
    { G_DATE_OCTOBER, 2, 0 },
    { G_DATE_OCTOBER, 3, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      GDate date;

      if (year < holidays[i].from_year)
        continue;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, holidays[i].day, holidays[i].month, year);
      table->workday[g_date_get_julian (&date) - table->first_julian] = FALSE;
    }
}

static void
year_table_fill (YearTable               *table,
                 int                      year,
                 const GkCalendarSection *own,
                 const GkCalendarSection *next)
{
  GDate date;
  GDateWeekday first_weekday;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  first_weekday = g_date_get_weekday (&date);

  table->year = year;
  table->first_julian = g_date_get_julian (&date);
  table->n_days = g_date_is_leap_year (year) ? 366 : 365;
  table->tail_start = table->n_days - 1 - (31 - GK_CALENDAR_DECEMBER_TAIL_DAY);
  table->missing_head = own != NULL ? 0 : year;
  table->missing_tail = next != NULL ? 0 : year + 1;

  for (guint i = 0; i < table->n_days; i++)
    table->workday[i] = ((first_weekday - 1 + i) % 7) < 5;

  /* Without the year's notice its fixed-date holidays are still known
   * (全国年节及纪念日放假办法): they are applied, and the year stays flagged. */
  if (own == NULL)
    apply_fixed_holidays (table, year);

  /* The following year's notice is applied last: it is the later word on
   * the 元旦 days it sets at the end of this December. */
  apply_section (table, own);
  apply_section (table, next);

  table->before[0] = 0;
  for (guint i = 0; i < table->n_days; i++)
    table->before[i + 1] = table->before[i] + table->workday[i];
}

/* Years no section touches are plain Monday–Friday weeks, built on the stack
 * so that queries stay read-only. */
static const YearTable *
get_table (GkCalendar *self,
           int         year,
           YearTable  *scratch)
{
  const YearTable *table = g_hash_table_lookup (self->tables, GINT_TO_POINTER (year));

  if (table != NULL)
    return table;

  year_table_fill (scratch, year, NULL, NULL);
  return scratch;
}

static void
rebuild_tables (GkCalendar *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_remove_all (self->tables);

  g_hash_table_iter_init (&iter, self->sections);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int section_year = GPOINTER_TO_INT (key);

      /* A section can reach back into the December before its year. */
      for (int year = section_year - 1; year <= section_year; year++)
        {
          YearTable *table;

          if (g_hash_table_contains (self->tables, GINT_TO_POINTER (year)))
            continue;

          table = g_new (YearTable, 1);
          year_table_fill (table, year, lookup_section (self, year), lookup_section (self, year + 1));
          g_hash_table_insert (self->tables, GINT_TO_POINTER (year), table);
        }
    }
}

/* The first missing year among the days of @table from any index up to @to:
 * the head of a year is decided by its own notice, its tail by the next one too. */
static int
table_missing (const YearTable *table,
               guint            to)
{
  if (table->missing_head != 0)
    return table->missing_head;
  if (table->missing_tail != 0 && to >= table->tail_start)
    return table->missing_tail;
  return 0;
}

static void
gk_calendar_finalize (GObject *object)
{
  GkCalendar *self = GK_CALENDAR (object);

  g_clear_pointer (&self->tables, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_hash_table_unref);

  G_OBJECT_CLASS (gk_calendar_parent_class)->finalize (object);
}

static void
gk_calendar_class_init (GkCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_calendar_finalize;

  /**
   * GkCalendar::changed:
   *
   * Data were loaded: every due date computed before may have moved.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
gk_calendar_init (GkCalendar *self)
{
  self->sections = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gk_calendar_section_free);
  self->tables = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * gk_calendar_new:
 *
 * Returns: (transfer full): a calendar that knows no year: every date counts
 *   on the Monday–Friday week and is reported missing.
 */
GkCalendar *
gk_calendar_new (void)
{
  return g_object_new (GK_TYPE_CALENDAR, NULL);
}

/**
 * gk_calendar_new_default:
 *
 * Returns: (transfer full): a calendar holding every year shipped with the
 *   application, or %NULL if the shipped data cannot be read.
 */
GkCalendar *
gk_calendar_new_default (GError **error)
{
  g_autoptr(GkCalendar) self = gk_calendar_new ();

  if (!gk_calendar_load_shipped (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Warnings                                                           */

/**
 * gk_calendar_merge_missing_year:
 * @missing: (inout): the earliest missing year so far, or 0
 * @year: a year a count relied on without its notice, or 0
 *
 * Keeps the earliest of the two: the notice a clerk has to enter first.
 */
void
gk_calendar_merge_missing_year (int *missing,
                                int  year)
{
  g_return_if_fail (missing != NULL);

  if (year != 0 && (*missing == 0 || year < *missing))
    *missing = year;
}

/**
 * gk_calendar_describe_missing_year:
 *
 * Returns: (transfer full): the warning shown wherever a count relied on a
 *   year without a notice.
 */
char *
gk_calendar_describe_missing_year (int year)
{
  /* Translators: %d is a year whose holiday notice has not been entered */
  return g_strdup_printf (_("Calendar for %d missing"), year);
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

/**
 * gk_calendar_load_data:
 * @text: calendar data in the shipped format (data/calendar/README.md)
 *
 * Every year @text defines replaces what was known about that year, so the
 * clerk's data, loaded after the shipped files, win. On error nothing changes.
 */
gboolean
gk_calendar_load_data (GkCalendar  *self,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) sections = NULL;

  g_return_val_if_fail (GK_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  sections = gk_calendar_parse_sections (text, error);
  if (sections == NULL)
    return FALSE;

  /* The calendar takes the sections over. */
  g_ptr_array_set_free_func (sections, NULL);
  for (guint i = 0; i < sections->len; i++)
    {
      GkCalendarSection *section = g_ptr_array_index (sections, i);

      g_hash_table_replace (self->sections, GINT_TO_POINTER (section->year), section);
    }

  rebuild_tables (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * gk_calendar_load_shipped:
 *
 * Loads every year shipped in the core resource, in year order.
 */
gboolean
gk_calendar_load_shipped (GkCalendar  *self,
                          GError     **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (GK_IS_CALENDAR (self), FALSE);

  gk_core_init ();

  names = g_resources_enumerate_children (SHIPPED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;

  /* File names are years: sorted, a later notice is loaded after an earlier one. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".txt"))
        continue;

      path = g_strconcat (SHIPPED_PATH, names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      /* Resource data always end with a NUL byte, so they can be read as a string. */
      if (bytes == NULL ||
          !gk_calendar_load_data (self, g_bytes_get_data (bytes, NULL), error))
        {
          g_prefix_error (error, "%s: ", names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* What is known                                                      */

/**
 * gk_calendar_has_year:
 *
 * Returns: whether the notice for @year is loaded.
 */
gboolean
gk_calendar_has_year (GkCalendar *self,
                      int         year)
{
  g_return_val_if_fail (GK_IS_CALENDAR (self), FALSE);

  return lookup_section (self, year) != NULL;
}

int
gk_calendar_get_year_to_enter (GkCalendar  *self,
                               const GDate *today)
{
  int year;

  g_return_val_if_fail (GK_IS_CALENDAR (self), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  year = g_date_get_year (today);
  if (g_date_get_month (today) == G_DATE_DECEMBER && !gk_calendar_has_year (self, year + 1))
    return year + 1;
  if (g_date_get_month (today) == G_DATE_JANUARY && !gk_calendar_has_year (self, year))
    return year;
  return 0;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int ia = *(const int *) a;
  int ib = *(const int *) b;

  return (ia > ib) - (ia < ib);
}

/**
 * gk_calendar_list_years:
 *
 * Returns: (transfer full) (element-type int): the years whose notice is
 *   loaded, in order.
 */
GArray *
gk_calendar_list_years (GkCalendar *self)
{
  GArray *years;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GK_IS_CALENDAR (self), NULL);

  years = g_array_sized_new (FALSE, FALSE, sizeof (int), g_hash_table_size (self->sections));
  g_hash_table_iter_init (&iter, self->sections);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int year = GPOINTER_TO_INT (key);
      g_array_append_val (years, year);
    }
  g_array_sort (years, compare_ints);
  return years;
}

/**
 * gk_calendar_get_notices:
 *
 * Returns: (transfer none) (nullable): the titles of the notices @year's data
 *   come from (the yearly notice first, then any amendment), or %NULL when
 *   the year is not known.
 */
const char * const *
gk_calendar_get_notices (GkCalendar *self,
                         int         year)
{
  GkCalendarSection *section;

  g_return_val_if_fail (GK_IS_CALENDAR (self), NULL);

  section = lookup_section (self, year);
  return section != NULL ? (const char * const *) section->notices : NULL;
}

/**
 * gk_calendar_serialize_year:
 *
 * Writes @year in the shipped format, consecutive days of one kind and name
 * joined into ranges, so that loading the text gives back the same year.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the year is not known.
 */
char *
gk_calendar_serialize_year (GkCalendar *self,
                            int         year)
{
  GkCalendarSection *section;

  g_return_val_if_fail (GK_IS_CALENDAR (self), NULL);

  section = lookup_section (self, year);
  return section != NULL ? gk_calendar_section_serialize (section) : NULL;
}

/* ------------------------------------------------------------------ */
/* Counting                                                           */

/**
 * gk_calendar_is_workday:
 * @known: (out) (optional): whether the notices that decide @date are loaded
 *
 * Returns: whether @date is a working day; for a date of a year without its
 *   notice, whether it is Monday to Friday and none of the fixed-date
 *   holidays (1 January, 1 May (and 2 May from 2025), 1–3 October).
 */
gboolean
gk_calendar_is_workday (GkCalendar  *self,
                        const GDate *date,
                        gboolean    *known)
{
  YearTable scratch;
  const YearTable *table;
  guint index;

  g_return_val_if_fail (GK_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  table = get_table (self, g_date_get_year (date), &scratch);
  index = g_date_get_day_of_year (date) - 1;
  if (known != NULL)
    *known = table_missing (table, index) == 0;
  return table->workday[index];
}

/**
 * gk_calendar_add_workdays:
 * @start: the day the period starts from; it does not count
 * @n: the number of working days, at most %GK_CALENDAR_MAX_WORKDAYS
 * @due: (out caller-allocates): the @n-th working day after @start (@start
 *   itself when @n is 0); may be @start
 * @missing_year: (out) (optional): the first year without a notice among the
 *   days examined (after @start up to @due), or 0
 *
 * A year without its notice is counted on the Monday–Friday week less its
 * fixed-date holidays, so that a due date is always given, but it is
 * reported so that it is never silently trusted.
 *
 * Returns: %TRUE when every day examined is known.
 */
gboolean
gk_calendar_add_workdays (GkCalendar  *self,
                          const GDate *start,
                          guint        n,
                          GDate       *due,
                          int         *missing_year)
{
  guint32 start_julian;
  int year;
  guint position;
  guint remaining = n;
  int missing = 0;

  g_return_val_if_fail (GK_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (g_date_get_year (start) <= 9999, FALSE);
  g_return_val_if_fail (n <= GK_CALENDAR_MAX_WORKDAYS, FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  /* Read @start before writing @due: callers may pass the same date for both. */
  start_julian = g_date_get_julian (start);
  year = g_date_get_year (start);
  /* Index (0-based) of the day after @start: the first day that counts. */
  position = g_date_get_day_of_year (start);

  g_date_clear (due, 1);
  g_date_set_julian (due, start_julian);

  while (remaining > 0)
    {
      YearTable scratch;
      const YearTable *table = get_table (self, year, &scratch);

      if (position < table->n_days)
        {
          guint available = table->before[table->n_days] - table->before[position];

          if (remaining <= available)
            {
              guint target = table->before[position] + remaining;
              guint low = position;
              guint high = table->n_days - 1;

              /* The first day whose running count reaches the target. */
              while (low < high)
                {
                  guint middle = low + (high - low) / 2;

                  if (table->before[middle + 1] >= target)
                    high = middle;
                  else
                    low = middle + 1;
                }

              gk_calendar_merge_missing_year (&missing, table_missing (table, low));
              g_date_set_julian (due, table->first_julian + low);
              break;
            }

          remaining -= available;
          gk_calendar_merge_missing_year (&missing, table_missing (table, table->n_days - 1));
        }

      year++;
      position = 0;
    }

  if (missing_year != NULL)
    *missing_year = missing;
  return missing == 0;
}

/**
 * gk_calendar_workdays_between:
 * @from: the first date; it does not count
 * @to: the second date; it counts
 * @missing_year: (out) (optional): the first year without a notice among the
 *   days counted, or 0
 *
 * Counts the working days after @from up to and including @to, so that
 * gk_calendar_workdays_between (a, gk_calendar_add_workdays (a, n)) is n.
 * When @to is before @from the count is negative: minus the working days
 * after @to up to and including @from.
 *
 * Returns: the number of working days in (@from, @to].
 */
int
gk_calendar_workdays_between (GkCalendar  *self,
                              const GDate *from,
                              const GDate *to,
                              int         *missing_year)
{
  int year, last_year;
  guint position, last_index;
  int missing = 0;
  int count = 0;

  g_return_val_if_fail (GK_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (from, to) > 0)
    return -gk_calendar_workdays_between (self, to, from, missing_year);

  year = g_date_get_year (from);
  position = g_date_get_day_of_year (from);
  last_year = g_date_get_year (to);
  last_index = g_date_get_day_of_year (to) - 1;

  for (; year <= last_year; year++, position = 0)
    {
      YearTable scratch;
      const YearTable *table = get_table (self, year, &scratch);
      guint last = year == last_year ? last_index : table->n_days - 1;

      if (position > last)
        continue;

      count += table->before[last + 1] - table->before[position];
      gk_calendar_merge_missing_year (&missing, table_missing (table, last));
    }

  if (missing_year != NULL)
    *missing_year = missing;
  return count;
}
