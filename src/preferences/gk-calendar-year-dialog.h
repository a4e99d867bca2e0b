/* gk-calendar-year-dialog.h: the dialog in which a clerk copies a year's holiday notice. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_CALENDAR_YEAR_DIALOG (gk_calendar_year_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkCalendarYearDialog, gk_calendar_year_dialog, GK, CALENDAR_YEAR_DIALOG, AdwMessageDialog)

GtkWidget *gk_calendar_year_dialog_new      (GtkWindow            *parent,
                                             int                   year);
/* The year typed, or 0 while it is not a year. */
int        gk_calendar_year_dialog_get_year (GkCalendarYearDialog *self);
/* What was typed, in the calendar format; NULL while something is wrong
 * (the dialog then shows what, at the field, and 添加 is off). */
char      *gk_calendar_year_dialog_dup_data (GkCalendarYearDialog *self);

G_END_DECLS
