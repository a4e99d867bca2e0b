/* gk-unit-choice.c: a combo row offering the ledger's units, as the record header and the project dialog use it. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-unit-choice.h"
#include "gk-unit-model.h"

void
gk_unit_choice_fill (AdwComboRow *row,
                     GkStore     *store,
                     gint64       unit_id)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GError) error = NULL;

  if (!GK_IS_UNIT_MODEL (model) || gk_unit_model_get_store (GK_UNIT_MODEL (model)) != store)
    {
      g_autoptr(GkUnitModel) units = gk_unit_model_new (store, _("No unit"), FALSE);
      g_autoptr(GtkExpression) name = gtk_property_expression_new (GK_TYPE_UNIT_ITEM, NULL, "name");

      adw_combo_row_set_expression (row, name);
      adw_combo_row_set_model (row, G_LIST_MODEL (units));
      model = G_LIST_MODEL (units);
    }
  if (!gk_unit_model_reload (GK_UNIT_MODEL (model), unit_id, &error))
    g_warning ("Could not list the units: %s", error->message);
  adw_combo_row_set_selected (row, gk_unit_model_find (GK_UNIT_MODEL (model), unit_id));
}

gint64
gk_unit_choice_get (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);

  if (!GK_IS_UNIT_MODEL (model))
    return 0;
  return gk_unit_model_get_id (GK_UNIT_MODEL (model), adw_combo_row_get_selected (row));
}

const char *
gk_unit_choice_get_name (AdwComboRow *row)
{
  GkUnitItem *item = adw_combo_row_get_selected_item (row);

  if (!GK_IS_UNIT_ITEM (item) || gk_unit_item_get_id (item) == 0)
    return NULL;
  return gk_unit_item_get_name (item);
}
