/* gk-setup-page.c: the first-run setup of a new ledger: organisation, code, level, units. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-plan.h"
#include "gk-setup-page.h"
#include "gk-validate.h"

struct _GkSetupPage
{
  AdwBin parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *code_row;
  AdwComboRow *level_row;
  GtkLabel *code_message;
  AdwPreferencesGroup *units_group;
  AdwEntryRow *new_unit_row;
  GtkWidget *start_button;

  GkStore *store;
  GPtrArray *unit_rows;  /* AdwActionRow, in the order of unit_ids */
  GArray *unit_ids;      /* gint64 */
  GPtrArray *unit_checks; /* GtkCheckButton: keep the unit */
};

G_DEFINE_FINAL_TYPE (GkSetupPage, gk_setup_page, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The code is checked as it is typed: a wrong 索引号 prefix would be
 * printed on every public record. */
static gboolean
update_validity (GkSetupPage *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GkValidation) check = gk_validate_index_prefix (code);
  g_autofree char *clean_name = g_strstrip (g_strdup (name));
  gboolean code_ok = check->severity != GK_SEVERITY_ERROR;

  if (code_ok || *code == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
  gtk_label_set_label (self->code_message, code_ok || *code == '\0' ? "" : check->message);
  gtk_widget_set_visible (GTK_WIDGET (self->code_message), !code_ok && *code != '\0');
  gtk_widget_set_sensitive (self->start_button, code_ok && *clean_name != '\0');
  return code_ok && *clean_name != '\0';
}

static void
on_entry_changed_cb (GkSetupPage *self)
{
  update_validity (self);
}

static void
add_unit_row (GkSetupPage *self,
              gint64       id,
              const char  *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->units_group, row);
  g_ptr_array_add (self->unit_rows, row);
  g_ptr_array_add (self->unit_checks, check);
  g_array_append_val (self->unit_ids, id);
}

static void
fill_units (GkSetupPage *self)
{
  g_autoptr(GPtrArray) units = NULL;

  for (guint i = 0; i < self->unit_rows->len; i++)
    adw_preferences_group_remove (self->units_group, g_ptr_array_index (self->unit_rows, i));
  g_ptr_array_set_size (self->unit_rows, 0);
  g_ptr_array_set_size (self->unit_checks, 0);
  g_array_set_size (self->unit_ids, 0);

  if (self->store == NULL)
    return;
  /* The shipped starting list, as the new ledger was seeded with it. */
  units = gk_store_list_units (self->store, FALSE, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      GkUnit *unit = g_ptr_array_index (units, i);

      add_unit_row (self, unit->id, unit->name);
    }
}

static void
on_new_unit_apply_cb (GkSetupPage *self,
                      AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 id;

  if (self->store == NULL)
    return;
  id = gk_store_add_unit (self->store, name, &error);
  if (id == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  add_unit_row (self, id, name);
}

gboolean
gk_setup_page_apply (GkSetupPage  *self,
                     GError      **error)
{
  const char *level;

  g_return_val_if_fail (GK_IS_SETUP_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  level = adw_combo_row_get_selected (self->level_row) == 1 ? GK_ORGANISATION_DEPARTMENT : GK_ORGANISATION_DISTRICT;
  if (!gk_store_set_organisation (self->store,
                                  gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                  error) ||
      !gk_store_set_organisation_level (self->store, level, error))
    return FALSE;

  /* Units left out are removed: a new ledger has no record of them. */
  for (guint i = 0; i < self->unit_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->unit_checks, i);

      gint64 id = g_array_index (self->unit_ids, gint64, i);
      GError *local_error = NULL;

      if (gtk_check_button_get_active (check) || gk_store_remove_unit (self->store, id, &local_error))
        continue;
      /* A ledger that had records before its code was set keeps what is
       * attributed to a unit: the unit is retired instead. */
      if (g_error_matches (local_error, GK_DB_ERROR, GK_DB_ERROR_INVALID))
        {
          g_clear_error (&local_error);
          if (gk_store_update_unit (self->store, id,
                                    adw_preferences_row_get_title (g_ptr_array_index (self->unit_rows, i)),
                                    TRUE, &local_error))
            continue;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_signal_emit (self, signals[DONE], 0);
  return TRUE;
}

static void
on_start_clicked_cb (GkSetupPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!update_validity (self))
    return;
  if (!gk_setup_page_apply (self, &error))
    {
      gtk_label_set_label (self->code_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->code_message), TRUE);
    }
}

void
gk_setup_page_set_store (GkSetupPage *self,
                         GkStore     *store)
{
  g_return_if_fail (GK_IS_SETUP_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  /* A ledger of an earlier version may have its name and level already. */
  if (store != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *level = gk_store_dup_organisation_level (store, NULL);

      if (gk_store_get_organisation (store, &name, NULL, NULL))
        gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      adw_combo_row_set_selected (self->level_row, g_strcmp0 (level, GK_ORGANISATION_DEPARTMENT) == 0 ? 1 : 0);
    }
  fill_units (self);
  update_validity (self);
}

static void
gk_setup_page_dispose (GObject *object)
{
  GkSetupPage *self = GK_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_SETUP_PAGE);
  g_clear_pointer (&self->unit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->unit_checks, g_ptr_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_setup_page_parent_class)->dispose (object);
}

static void
gk_setup_page_class_init (GkSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_setup_page_dispose;

  /* The organisation is written: the window leaves the setup. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, code_message);
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, units_group);
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, new_unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkSetupPage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_unit_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked_cb);
}

static void
gk_setup_page_init (GkSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit_rows = g_ptr_array_new ();
  self->unit_checks = g_ptr_array_new ();
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
gk_setup_page_new (void)
{
  return g_object_new (GK_TYPE_SETUP_PAGE, NULL);
}
