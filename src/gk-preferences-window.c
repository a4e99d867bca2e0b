/* gk-preferences-window.c: Preferences: the organisation and its code, units, calendar years. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-calendar.h"
#include "gk-preferences-window.h"

struct _GkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *code_row;
  AdwPreferencesGroup *units_group;
  AdwEntryRow *new_unit_row;
  AdwPreferencesGroup *calendar_group;

  GkStore *store;
  GPtrArray *unit_rows;
};

G_DEFINE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (GkPreferencesWindow *self,
            const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_organisation_apply_cb (GkPreferencesWindow *self,
                          AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;

  if (!gk_store_set_organisation (self->store,
                                  gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                  &error))
    {
      show_error (self, error);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Organisation saved; new index numbers use the new code")));
}

static void fill_units (GkPreferencesWindow *self);

static void
on_unit_retired_cb (GkPreferencesWindow *self,
                    GParamSpec          *pspec,
                    GtkSwitch           *toggle)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_ACTION_ROW);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "gk-unit-id"));

  if (!gk_store_update_unit (self->store, id,
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                             !gtk_switch_get_active (toggle), &error))
    show_error (self, error);
}

static void
on_new_unit_apply_cb (GkPreferencesWindow *self,
                      AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;

  if (gk_store_add_unit (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), &error) == 0)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  fill_units (self);
}

static void
fill_units (GkPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = gk_store_list_units (self->store, TRUE, &error);

  for (guint i = 0; i < self->unit_rows->len; i++)
    adw_preferences_group_remove (self->units_group, g_ptr_array_index (self->unit_rows, i));
  g_ptr_array_set_size (self->unit_rows, 0);

  if (units == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < units->len; i++)
    {
      GkUnit *unit = g_ptr_array_index (units, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_switch_set_active (GTK_SWITCH (toggle), !unit->retired);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("In use"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, unit->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data (G_OBJECT (row), "gk-unit-id", GSIZE_TO_POINTER (unit->id));
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_unit_retired_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->units_group, row);
      g_ptr_array_add (self->unit_rows, row);
    }
}

static void
fill_calendar (GkPreferencesWindow *self)
{
  GkCalendar *calendar = gk_store_get_calendar (self->store);
  g_autoptr(GArray) years = gk_calendar_list_years (calendar);

  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      const char * const *notices = gk_calendar_get_notices (calendar, year);
      g_autofree char *title = g_strdup_printf ("%d", year);
      g_autofree char *subtitle = notices != NULL ? g_strjoinv ("\n", (char **) notices) : NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
      adw_preferences_group_add (self->calendar_group, row);
    }
}

static void
gk_preferences_window_dispose (GObject *object)
{
  GkPreferencesWindow *self = GK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->unit_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_preferences_window_parent_class)->dispose (object);
}

static void
gk_preferences_window_class_init (GkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, units_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, new_unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, calendar_group);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_unit_apply_cb);
}

static void
gk_preferences_window_init (GkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit_rows = g_ptr_array_new ();
}

GtkWidget *
gk_preferences_window_new (GtkWindow *parent,
                           GkStore   *store)
{
  GkPreferencesWindow *self;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  self = g_object_new (GK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);

  if (gk_store_get_organisation (store, &name, &code, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
    }
  fill_units (self);
  fill_calendar (self);

  return GTK_WIDGET (self);
}
