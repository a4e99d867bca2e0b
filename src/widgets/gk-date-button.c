/* gk-date-button.c: a calendar popover that fills a date entry, for clerks who prefer to point. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-date-button.h"

#include <string.h>

struct _GkDateButton
{
  GtkWidget parent_instance;

  GtkMenuButton *menu_button;
  GtkPopover *popover;       /* built on first use: a form has dozens of dates */
  GtkCalendar *calendar;

  GtkEditable *editable;    /* weak: the entry this button fills */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (GkDateButton, gk_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_date_button_dispose (GObject *object)
{
  GkDateButton *self = GK_DATE_BUTTON (object);

  gk_date_button_set_editable (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_DATE_BUTTON);

  G_OBJECT_CLASS (gk_date_button_parent_class)->dispose (object);
}

static void
gk_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkDateButton *self = GK_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_object (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkDateButton *self = GK_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      gk_date_button_set_editable (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What follows the date in @text when it is a time (a date-and-time
 * entry's 09:30), or NULL. */
static const char *
find_time_part (const char *text)
{
  const char *space = strpbrk (text, " T");

  if (space == NULL || (strchr (space, ':') == NULL && strstr (space, "：") == NULL &&
                        strstr (space, "时") == NULL && strstr (space, "点") == NULL))
    return NULL;
  return space + 1;
}

/* The calendar opens on the date already typed, or on today. */
static void
on_popover_show_cb (GkDateButton *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date_text = NULL;
  const char *text = self->editable != NULL ? gtk_editable_get_text (self->editable) : "";
  const char *time_part = find_time_part (text);
  GDate date;

  g_date_clear (&date, 1);
  date_text = time_part != NULL ? g_strndup (text, time_part - 1 - text) : g_strdup (text);
  if (self->editable != NULL && gk_date_parse (date_text, &date, NULL))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->updating = FALSE;
}

static void
on_calendar_day_selected_cb (GkDateButton *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;
  const char *time_part;

  if (self->updating || self->editable == NULL)
    return;

  when = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (when, "%Y-%m-%d");
  /* A time typed after the date stays. */
  time_part = find_time_part (gtk_editable_get_text (self->editable));
  text = time_part != NULL ? g_strconcat (iso, " ", time_part, NULL) : g_strdup (iso);
  gtk_editable_set_text (self->editable, text);
  gtk_popover_popdown (self->popover);
}

static void
create_popup_cb (GtkMenuButton *menu_button,
                 gpointer       user_data)
{
  GkDateButton *self = GK_DATE_BUTTON (user_data);

  if (self->popover != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), self);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);
  gtk_menu_button_set_popover (menu_button, GTK_WIDGET (self->popover));
}

static void
gk_date_button_class_init (GkDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_date_button_dispose;
  object_class->get_property = gk_date_button_get_property;
  object_class->set_property = gk_date_button_set_property;

  properties[PROP_EDITABLE] =
    g_param_spec_object ("editable", NULL, NULL, GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/widgets/gk-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, GkDateButton, menu_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_date_button_init (GkDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
}

GtkWidget *
gk_date_button_new (GtkEditable *editable)
{
  return g_object_new (GK_TYPE_DATE_BUTTON, "editable", editable, NULL);
}

void
gk_date_button_set_editable (GkDateButton *self,
                             GtkEditable  *editable)
{
  g_return_if_fail (GK_IS_DATE_BUTTON (self));
  g_return_if_fail (editable == NULL || GTK_IS_EDITABLE (editable));

  if (self->editable == editable)
    return;

  /* Weak: the entry usually contains this button. */
  if (self->editable != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->editable), (gpointer *) &self->editable);
  self->editable = editable;
  if (self->editable != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->editable), (gpointer *) &self->editable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

void
gk_date_button_set_field_label (GkDateButton *self,
                                const char   *label)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GK_IS_DATE_BUTTON (self));

  /* Translators: %s is the label of a date field */
  text = g_strdup_printf (_("Choose a date for %s"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}
