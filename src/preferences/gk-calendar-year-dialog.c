/* gk-calendar-year-dialog.c: a year's holiday notice, checked line by line as it is typed so that nothing typed is lost to an error. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-calendar.h"
#include "gk-calendar-year-dialog.h"

struct _GkCalendarYearDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *year_row;
  AdwEntryRow *notice_row;
  GtkLabel *title_error;
  GtkTextView *holidays_view;
  GtkLabel *holidays_error;
  GtkTextView *workdays_view;
  GtkLabel *workdays_error;
};

G_DEFINE_FINAL_TYPE (GkCalendarYearDialog, gk_calendar_year_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Appends each non-empty line of @view to @data as "@statement\t…";
 * FALSE, with the error under the view, at the first line that is not a
 * day or range of @year. */
static gboolean
append_lines (GString     *data,
              const char  *statement,
              GtkTextView *view,
              GtkLabel    *error_label,
              int          year)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      line = gk_calendar_normalize_day_line (lines[i], year, &error);
      if (line == NULL)
        {
          /* Translators: %u is a line of the text the clerk typed, %s what is wrong with it */
          g_autofree char *message = g_strdup_printf (_("Line %u: %s"), i + 1, error->message);

          show_error (error_label, message);
          return FALSE;
        }
      g_string_append_printf (data, "%s\t%s\n", statement, line);
    }

  show_error (error_label, NULL);
  return TRUE;
}

static char *
compose (GkCalendarYearDialog *self)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GkCalendar) scratch = gk_calendar_new ();
  g_autoptr(GError) error = NULL;
  const char *notice = gtk_editable_get_text (GTK_EDITABLE (self->notice_row));
  int year = gk_calendar_year_dialog_get_year (self);
  gboolean holidays_ok, workdays_ok;

  if (year == 0)
    {
      show_error (self->title_error, _("Type the year as four digits, such as 2027"));
      return NULL;
    }
  show_error (self->title_error, NULL);
  /* An empty title is plain to see in its row: 添加 only stays off. */
  if (*notice == '\0')
    return NULL;

  g_string_append_printf (data, "year\t%d\nnotice\t%s\n", year, notice);
  holidays_ok = append_lines (data, "holiday", self->holidays_view, self->holidays_error, year);
  workdays_ok = append_lines (data, "workday", self->workdays_view, self->workdays_error, year);
  if (!holidays_ok || !workdays_ok)
    return NULL;

  /* A day listed twice (a holiday also a working day) only shows in the
   * whole notice; it is said under the working days. */
  if (!gk_calendar_load_data (scratch, data->str, &error))
    {
      show_error (self->workdays_error, error->message);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&data), FALSE);
}

static void
on_changed_cb (GkCalendarYearDialog *self)
{
  g_autofree char *data = compose (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", data != NULL);
}

static void
gk_calendar_year_dialog_class_init (GkCalendarYearDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/preferences/gk-calendar-year-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, notice_row);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, holidays_view);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, holidays_error);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, workdays_view);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarYearDialog, workdays_error);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
gk_calendar_year_dialog_init (GkCalendarYearDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_calendar_year_dialog_new (GtkWindow *parent,
                             int        year)
{
  GkCalendarYearDialog *self = g_object_new (GK_TYPE_CALENDAR_YEAR_DIALOG,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             NULL);
  g_autofree char *text = g_strdup_printf ("%d", year);

  gtk_editable_set_text (GTK_EDITABLE (self->year_row), text);
  return GTK_WIDGET (self);
}

int
gk_calendar_year_dialog_get_year (GkCalendarYearDialog *self)
{
  guint64 year = 0;

  g_return_val_if_fail (GK_IS_CALENDAR_YEAR_DIALOG (self), 0);

  if (!g_ascii_string_to_unsigned (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), 10, 1990, 2200, &year, NULL))
    return 0;
  return (int) year;
}

char *
gk_calendar_year_dialog_dup_data (GkCalendarYearDialog *self)
{
  g_return_val_if_fail (GK_IS_CALENDAR_YEAR_DIALOG (self), NULL);

  return compose (self);
}
