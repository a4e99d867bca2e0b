/* gk-unit-choice.c: a searchable drop-down offering the ledger's units, as the record header and the project dialog use it. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-compat.h"
#include "gk-unit-choice.h"
#include "gk-unit-model.h"

/* Names wrap rather than end in "…": 区政府办公室（区政务公开办公室）
 * is told from 区政府办公室 only by its end. */
static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GkUnitItem *unit = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gk_unit_item_get_name (unit));
}

void
gk_unit_choice_fill (GtkDropDown *drop_down,
                     GkStore     *store,
                     gint64       unit_id)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  g_autoptr(GError) error = NULL;

  if (!GK_IS_UNIT_MODEL (model) || gk_unit_model_get_store (GK_UNIT_MODEL (model)) != store)
    {
      g_autoptr(GkUnitModel) units = gk_unit_model_new (store, _("No unit"), FALSE);

      /* The first fill sets the drop-down up (it has a factory of its own). */
      if (model == NULL)
        {
          g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

          g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
          gtk_drop_down_set_factory (drop_down, factory);
          gk_drop_down_search_anywhere (drop_down);
        }
      gtk_drop_down_set_model (drop_down, G_LIST_MODEL (units));
      model = G_LIST_MODEL (units);
    }
  if (!gk_unit_model_reload (GK_UNIT_MODEL (model), unit_id, &error))
    g_warning ("Could not list the units: %s", error->message);
  gtk_drop_down_set_selected (drop_down, gk_unit_model_find (GK_UNIT_MODEL (model), unit_id));
}

gint64
gk_unit_choice_get (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  if (!GK_IS_UNIT_MODEL (model))
    return 0;
  return gk_unit_model_get_id (GK_UNIT_MODEL (model), gtk_drop_down_get_selected (drop_down));
}

const char *
gk_unit_choice_get_name (GtkDropDown *drop_down)
{
  GkUnitItem *item = gtk_drop_down_get_selected_item (drop_down);

  if (!GK_IS_UNIT_ITEM (item) || gk_unit_item_get_id (item) == 0)
    return NULL;
  return gk_unit_item_get_name (item);
}
