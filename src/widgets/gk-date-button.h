/* gk-date-button.h: a calendar popover that fills a date entry. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_DATE_BUTTON (gk_date_button_get_type ())
G_DECLARE_FINAL_TYPE (GkDateButton, gk_date_button, GK, DATE_BUTTON, GtkWidget)

GtkWidget   *gk_date_button_new          (GtkEditable  *editable);
void         gk_date_button_set_editable (GkDateButton *self,
                                          GtkEditable  *editable);
/* Names the date for screen readers and the tooltip ("Choose a date for 公示期（起）"). */
void         gk_date_button_set_field_label (GkDateButton *self,
                                          const char   *label);

G_END_DECLS
