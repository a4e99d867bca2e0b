/* gk-preferences-window.c: Preferences: the organisation and its code, units, calendar years; the other pages in their own files. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-calendar.h"
#include "gk-calendar-year-dialog.h"
#include "gk-plan.h"
#include "gk-preferences-masks-page.h"
#include "gk-plan.h"
#include "gk-preferences-window.h"
#include "gk-preferences-publication-page.h"
#include "gk-preferences-report-page.h"
#include "gk-unit-model.h"
#include "gk-validate.h"

struct _GkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *code_row;
  AdwComboRow *level_row;
  AdwPreferencesGroup *units_group;
  AdwEntryRow *new_unit_row;
  AdwPreferencesGroup *calendar_group;
  GtkSpinButton *due_soon_spin;
  GtkSpinButton *credit_push_spin;
  GkPreferencesPublicationPage *publication_page;
  GkPreferencesMasksPage *masks_page;
  GkPreferencesReportPage *report_page;

  GkStore *store;
  GkUnitModel *units;        /* every unit, retired too: one row each, in order */
  GPtrArray *unit_rows;      /* AdwEntryRow, in the order of units */
  GPtrArray *unit_switches;  /* GtkSwitch "in use" of each row */
  GPtrArray *calendar_rows;
  GSettings *settings;
  gboolean filling;          /* the rows are being set from the ledger, not by the clerk */
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

/* A code that could not start a 索引号 is marked as it is typed. */
static void
on_code_changed_cb (GkPreferencesWindow *self)
{
  g_autoptr(GkValidation) check = gk_validate_index_prefix (gtk_editable_get_text (GTK_EDITABLE (self->code_row)));

  if (check->severity == GK_SEVERITY_ERROR)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->code_row), check->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->code_row), NULL);
    }
}

static void
on_level_selected_cb (GkPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *level = adw_combo_row_get_selected (self->level_row) == 1
                      ? GK_ORGANISATION_DEPARTMENT : GK_ORGANISATION_DISTRICT;

  if (self->filling || self->store == NULL)
    return;
  if (!gk_store_set_organisation_level (self->store, level, &error))
    show_error (self, error);
}

static void fill_units (GkPreferencesWindow *self);

static void
on_unit_renamed_cb (GkPreferencesWindow *self,
                    AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  guint index;
  gint64 id;
  GtkSwitch *toggle;

  if (!g_ptr_array_find (self->unit_rows, row, &index))
    return;
  id = gk_unit_model_get_id (self->units, index);
  toggle = g_ptr_array_index (self->unit_switches, index);
  if (!gk_store_update_unit (self->store, id, gtk_editable_get_text (GTK_EDITABLE (row)),
                             !gtk_switch_get_active (toggle), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_error (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gk_unit_model_reload (self->units, 0, NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Unit renamed")));
}

static void
on_unit_retired_cb (GkPreferencesWindow *self,
                    GParamSpec          *pspec,
                    GtkSwitch           *toggle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkUnitItem) unit = NULL;
  guint index;
  gint64 id;

  if (!g_ptr_array_find (self->unit_switches, toggle, &index))
    return;
  id = gk_unit_model_get_id (self->units, index);
  /* The stored name: a rename typed but not applied is not taken along. */
  unit = g_list_model_get_item (G_LIST_MODEL (self->units), index);
  if (!gk_store_update_unit (self->store, id, gk_unit_item_get_name (unit),
                             !gtk_switch_get_active (toggle), &error))
    show_error (self, error);
  else
    gk_unit_model_reload (self->units, 0, NULL);
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
  guint n;

  for (guint i = 0; i < self->unit_rows->len; i++)
    adw_preferences_group_remove (self->units_group, g_ptr_array_index (self->unit_rows, i));
  g_ptr_array_set_size (self->unit_rows, 0);
  g_ptr_array_set_size (self->unit_switches, 0);

  if (self->units == NULL || gk_unit_model_get_store (self->units) != self->store)
    {
      g_clear_object (&self->units);
      self->units = gk_unit_model_new (self->store, NULL, TRUE);
    }
  if (!gk_unit_model_reload (self->units, 0, &error))
    {
      show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkUnitItem) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);
      const char *name = gk_unit_item_get_name (unit);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *in_use = g_strdup_printf (_("%s in use"), name);

      /* The name is edited in place; retiring is the switch. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Unit Name"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_switch_set_active (GTK_SWITCH (toggle), !gk_unit_item_get_retired (unit));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("In use"));
      /* The row says the unit, its switch what it turns. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, in_use, -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_unit_retired_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_unit_renamed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->units_group, row);
      g_ptr_array_add (self->unit_rows, row);
      g_ptr_array_add (self->unit_switches, toggle);
    }
}

static void
fill_calendar (GkPreferencesWindow *self)
{
  GkCalendar *calendar = gk_store_get_calendar (self->store);
  g_autoptr(GArray) years = gk_calendar_list_years (calendar);
  g_autofree char *today_iso = gk_today ();
  GDate today;
  int missing;

  for (guint i = 0; i < self->calendar_rows->len; i++)
    adw_preferences_group_remove (self->calendar_group, g_ptr_array_index (self->calendar_rows, i));
  g_ptr_array_set_size (self->calendar_rows, 0);

  /* In December next year's notice is due, in January this year's. */
  g_date_clear (&today, 1);
  gk_date_from_iso (today_iso, &today, NULL);
  missing = gk_calendar_get_year_to_enter (calendar, &today);
  if (missing != 0)
    {
      g_autofree char *title = g_strdup_printf (_("The holiday notice for %d is not entered yet"), missing);
      g_autofree char *subtitle = NULL;
      g_autoptr(GError) error = NULL;
      guint guessed = 0;

      if (!gk_store_count_calendar_guesses (self->store, missing, &guessed, &error))
        g_warning ("Cannot count the due dates counted over %d: %s", missing, error->message);
      subtitle = g_strdup_printf (ngettext ("Due dates that reach into %d are counted on Monday to Friday less its "
                                            "fixed-date holidays, and flagged until its notice is added: %u record "
                                            "relies on it now.",
                                            "Due dates that reach into %d are counted on Monday to Friday less its "
                                            "fixed-date holidays, and flagged until its notice is added: %u records "
                                            "rely on it now.", guessed),
                                  missing, guessed);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->calendar_group, row);
      g_ptr_array_add (self->calendar_rows, row);
    }

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
      g_ptr_array_add (self->calendar_rows, row);
    }
}

static void
on_add_year_response_cb (GkCalendarYearDialog *dialog,
                         const char           *response,
                         GkPreferencesWindow  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  int year = gk_calendar_year_dialog_get_year (dialog);

  if (g_strcmp0 (response, "add") != 0)
    return;

  /* 添加 is only on while the notice reads; what remains is the ledger
   * failing to write. */
  data = gk_calendar_year_dialog_dup_data (dialog);
  g_return_if_fail (data != NULL);
  if (!gk_store_save_calendar_year (self->store, year, data, &error))
    {
      show_error (self, error);
      return;
    }

  fill_calendar (self);
  message = g_strdup_printf (_("The calendar of %u is saved; due dates were recomputed"), (guint) year);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_add_year_clicked_cb (GkPreferencesWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *dialog = gk_calendar_year_dialog_new (GTK_WINDOW (self), g_date_time_get_year (now) + 1);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_year_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
import_calendar_file (GkPreferencesWindow  *self,
                      GFile                *file,
                      GArray              **years_out,
                      GError              **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, error))
    return FALSE;

  return gk_store_import_calendar (self->store, contents, years_out, error);
}

static void
on_import_response_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       GkPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  if (!import_calendar_file (self, file, &years, &error))
    {
      show_error (self, error);
      return;
    }

  fill_calendar (self);
  {
    g_autofree char *message = g_strdup_printf (ngettext ("Imported %u year", "Imported %u years", years->len), years->len);
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
  }
}

static void
on_import_clicked_cb (GkPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* The portal's chooser: the Flatpak has no broad file access. */
  chooser = gtk_file_chooser_native_new (_("Import a Working-Day Calendar"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
gk_preferences_window_dispose (GObject *object)
{
  GkPreferencesWindow *self = GK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->unit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->unit_switches, g_ptr_array_unref);
  g_clear_pointer (&self->calendar_rows, g_ptr_array_unref);
  g_clear_object (&self->units);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_preferences_window_parent_class)->dispose (object);
}

/* The push deadline is the district's rule: kept in the ledger, not per user. */
static void
on_credit_push_changed_cb (GkPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint workdays = gtk_spin_button_get_value_as_int (self->credit_push_spin);

  if (self->store == NULL || workdays == gk_store_get_credit_push_workdays (self->store, NULL))
    return;
  if (!gk_store_set_credit_push_workdays (self->store, workdays, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
gk_preferences_window_class_init (GkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/preferences/gk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, level_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, units_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, new_unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, credit_push_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, publication_page);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, masks_page);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, report_page);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_level_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_unit_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_year_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_credit_push_changed_cb);

  g_type_ensure (GK_TYPE_PREFERENCES_PUBLICATION_PAGE);
  g_type_ensure (GK_TYPE_PREFERENCES_MASKS_PAGE);
  g_type_ensure (GK_TYPE_PREFERENCES_REPORT_PAGE);
}

static void
gk_preferences_window_init (GkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "due-soon-workdays",
                   gtk_spin_button_get_adjustment (self->due_soon_spin), "value", G_SETTINGS_BIND_DEFAULT);
  self->unit_rows = g_ptr_array_new ();
  self->unit_switches = g_ptr_array_new ();
  self->calendar_rows = g_ptr_array_new ();
}

GtkWidget *
gk_preferences_window_new (GtkWindow *parent,
                           GkStore   *store)
{
  GkPreferencesWindow *self;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *level = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  self = g_object_new (GK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);

  self->filling = TRUE;
  if (gk_store_get_organisation (store, &name, &code, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
    }
  level = gk_store_dup_organisation_level (store, NULL);
  adw_combo_row_set_selected (self->level_row, g_strcmp0 (level, GK_ORGANISATION_DEPARTMENT) == 0 ? 1 : 0);
  self->filling = FALSE;
  fill_units (self);
  fill_calendar (self);
  gtk_spin_button_set_value (self->credit_push_spin, gk_store_get_credit_push_workdays (store, NULL));
  gk_preferences_publication_page_set_store (self->publication_page, store);
  gk_preferences_masks_page_set_store (self->masks_page, store);
  gk_preferences_report_page_set_store (self->report_page, store);

  return GTK_WIDGET (self);
}
