/* gk-calendar.h: the official working-day calendar (State Council holiday notices). */
#pragma once

#include <glib-object.h>

#include "gk-date.h"

G_BEGIN_DECLS

#define GK_CALENDAR_ERROR (gk_calendar_error_quark ())

typedef enum
{
  GK_CALENDAR_ERROR_PARSE,       /* a line of calendar data is malformed */
  GK_CALENDAR_ERROR_INVALID,     /* well-formed data that cannot be right */
} GkCalendarError;

/* Counts larger than this are refused: they would run past any year a date can hold. */
#define GK_CALENDAR_MAX_WORKDAYS 36500

/* The notice for year Y may still move days of December Y−1 from this day on. */
#define GK_CALENDAR_DECEMBER_TAIL_DAY 25

#define GK_TYPE_CALENDAR (gk_calendar_get_type ())
G_DECLARE_FINAL_TYPE (GkCalendar, gk_calendar, GK, CALENDAR, GObject)

GQuark              gk_calendar_error_quark         (void);

GkCalendar         *gk_calendar_new                 (void);
GkCalendar         *gk_calendar_new_default         (GError             **error);

gboolean            gk_calendar_load_data           (GkCalendar          *self,
                                                     const char          *text,
                                                     GError             **error);
gboolean            gk_calendar_load_shipped        (GkCalendar          *self,
                                                     GError             **error);

gboolean            gk_calendar_has_year            (GkCalendar          *self,
                                                     int                  year);
GArray             *gk_calendar_list_years          (GkCalendar          *self);
const char * const *gk_calendar_get_notices         (GkCalendar          *self,
                                                     int                  year);
char               *gk_calendar_serialize_year      (GkCalendar          *self,
                                                     int                  year);

gboolean            gk_calendar_is_workday          (GkCalendar          *self,
                                                     const GDate         *date,
                                                     gboolean            *known);
gboolean            gk_calendar_add_workdays        (GkCalendar          *self,
                                                     const GDate         *start,
                                                     guint                n,
                                                     GDate               *due,
                                                     int                 *missing_year);
int                 gk_calendar_workdays_between    (GkCalendar          *self,
                                                     const GDate         *from,
                                                     const GDate         *to,
                                                     int                 *missing_year);

void                gk_calendar_merge_missing_year  (int                 *missing,
                                                     int                  year);
char               *gk_calendar_describe_missing_year (int                year);
/* The year whose notice a clerk should enter now, or 0: in December next
 * year's when it is missing, in January this year's when it is missing. */
int                 gk_calendar_get_year_to_enter   (GkCalendar          *self,
                                                     const GDate         *today);
char               *gk_calendar_normalize_day_line  (const char          *line,
                                                     int                  year,
                                                     GError             **error);

G_END_DECLS
