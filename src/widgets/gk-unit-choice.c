/* gk-unit-choice.c: a combo row offering the ledger's units, as the record header and the project dialog use it. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-unit-choice.h"

void
gk_unit_choice_fill (AdwComboRow *row,
                     GArray      *ids,
                     GkStore     *store,
                     gint64       unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = gk_store_list_units (store, TRUE, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, _("No unit"));
  g_array_append_val (ids, none);

  if (units == NULL)
    g_warning ("Could not list the units: %s", error->message);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const GkUnit *unit = g_ptr_array_index (units, i);

      if (unit->retired && unit->id != unit_id)
        continue;
      if (unit->id == unit_id)
        selected = ids->len;
      gtk_string_list_append (names, unit->name);
      g_array_append_val (ids, unit->id);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

gint64
gk_unit_choice_get (AdwComboRow *row,
                    GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}
