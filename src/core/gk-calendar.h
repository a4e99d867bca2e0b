/* gk-calendar.h: the official working-day calendar (State Council holiday notices). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_CALENDAR_ERROR (gk_calendar_error_quark ())

typedef enum
{
  GK_CALENDAR_ERROR_PARSE,       /* a line of calendar data is malformed */
  GK_CALENDAR_ERROR_INVALID,     /* well-formed data that cannot be right */
} GkCalendarError;

typedef enum
{
  GK_CALENDAR_DAY_HOLIDAY,       /* a day off set by a notice */
  GK_CALENDAR_DAY_WORKDAY,       /* a make-up working day (调休) */
} GkCalendarDayKind;

/* One day a notice lists, as Preferences shows it. */
typedef struct
{
  GDate              date;
  GkCalendarDayKind  kind;
  char              *name;       /* the festival as the notice names it, or NULL */
} GkCalendarDay;

/* Counts larger than this are refused: they would run past any year a date can hold. */
#define GK_CALENDAR_MAX_WORKDAYS 36500

/* The notice for year Y may still move days of December Y−1 from this day on. */
#define GK_CALENDAR_DECEMBER_TAIL_DAY 25

#define GK_TYPE_CALENDAR_DAY_KIND (gk_calendar_day_kind_get_type ())
#define GK_TYPE_CALENDAR_DAY (gk_calendar_day_get_type ())
#define GK_TYPE_CALENDAR (gk_calendar_get_type ())
G_DECLARE_FINAL_TYPE (GkCalendar, gk_calendar, GK, CALENDAR, GObject)

GQuark              gk_calendar_error_quark         (void);
GType               gk_calendar_day_kind_get_type   (void);
GType               gk_calendar_day_get_type        (void);
GkCalendarDay      *gk_calendar_day_copy            (const GkCalendarDay *day);
void                gk_calendar_day_free            (GkCalendarDay       *day);

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
GPtrArray          *gk_calendar_list_days           (GkCalendar          *self,
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

gboolean            gk_calendar_parse_date          (const char          *text,
                                                     GDate               *date,
                                                     GError             **error);
char               *gk_calendar_format_date         (const GDate         *date);
char               *gk_calendar_describe_missing_year (int                year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCalendarDay, gk_calendar_day_free)

G_END_DECLS
