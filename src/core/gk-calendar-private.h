/* gk-calendar-private.h: the notices as the calendar keeps them, shared by the calendar and its text format. */
#pragma once

#include "gk-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  GK_CALENDAR_DAY_HOLIDAY,       /* a day off set by a notice */
  GK_CALENDAR_DAY_WORKDAY,       /* a make-up working day (调休) */
} GkCalendarDayKind;

/* One day a notice sets. */
typedef struct
{
  guint32            julian;
  GkCalendarDayKind  kind;
  char              *name;
} GkSpecialDay;

/* What the notices of one year say: one "year" section of the text format. */
typedef struct
{
  int     year;
  GStrv   notices;
  GArray *days;          /* GkSpecialDay, sorted by date */
} GkCalendarSection;

void       gk_calendar_section_free      (GkCalendarSection        *section);
/* Returns: (element-type GkCalendarSection): every section of @text, or
 * NULL with @error set when any line is wrong. */
GPtrArray *gk_calendar_parse_sections    (const char               *text,
                                          GError                  **error);
char      *gk_calendar_section_serialize (const GkCalendarSection  *section);

G_END_DECLS
