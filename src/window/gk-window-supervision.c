/* gk-window-supervision.c: the window's supervision (督查) section: due-soon window, unit filter, counts. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-calendar.h"
#include "gk-deadline.h"
#include "gk-window-private.h"

/* Today and the last day that counts as due soon, on the official calendar,
 * as `gongkai-cli check` computes them. */
gboolean
gk_window_supervision_update_today (GkWindow *self)
{
  g_autofree char *old_due_soon_by = g_steal_pointer (&self->due_soon_by);
  GDate today, until;

  g_free (self->today);
  self->today = gk_today ();
  gk_date_from_iso (self->today, &today, NULL);
  gk_calendar_add_workdays (gk_store_get_calendar (self->store), &today,
                            self->due_soon_workdays, &until, NULL);
  self->due_soon_by = gk_date_format_iso (&until);
  /* The rows mark what is overdue or due soon. */
  g_object_set (self->list_pane, "today", self->today, "due-soon-by", self->due_soon_by, NULL);

  return g_strcmp0 (old_due_soon_by, self->due_soon_by) != 0;
}

/* Counted as `gongkai-cli check` counts, over every record whatever its
 * domain, so the badge and the command always agree. */
void
gk_window_supervision_count (GkWindow *self,
                             guint    *overdue,
                             guint    *urgent)
{
  g_autoptr(GkQuery) overdue_query = gk_query_new ();
  g_autoptr(GkQuery) urgent_query = gk_query_new ();
  g_autoptr(GError) error = NULL;

  *overdue = *urgent = 0;
  overdue_query->overdue = TRUE;
  overdue_query->today = g_strdup (self->today);
  urgent_query->open_due_by = g_strdup (self->due_soon_by);
  if (!gk_store_count (self->store, overdue_query, overdue, &error) ||
      !gk_store_count (self->store, urgent_query, urgent, &error))
    g_warning ("Could not count overdue records: %s", error->message);
}

gint64
gk_window_supervision_get_unit (GkWindow *self)
{
  if (self->units == NULL)
    return 0;
  return gk_unit_model_get_id (self->units, gk_record_list_pane_get_selected_unit (self->list_pane));
}

static void
on_unit_selected_cb (GkWindow *self)
{
  gk_window_update_list (self);
}

/* The unit filter of the supervision list: every unit, retired ones too,
 * since their records can still be overdue. */
void
gk_window_supervision_fill_units (GkWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 selected_id = gk_window_supervision_get_unit (self);

  if (self->store == NULL)
    return;

  g_signal_handlers_block_by_func (self->list_pane, on_unit_selected_cb, self);
  if (self->units == NULL || gk_unit_model_get_store (self->units) != self->store)
    {
      g_clear_object (&self->units);
      self->units = gk_unit_model_new (self->store, _("All Units"), TRUE);
      g_object_set (self->list_pane, "units", self->units, NULL);
    }
  /* Most writes do not touch the units: the model, and the clerk's choice, stay as they are. */
  if (!gk_unit_model_reload (self->units, 0, &error))
    g_warning ("Could not read the units: %s", error->message);
  else if (gk_window_supervision_get_unit (self) != selected_id)
    g_object_set (self->list_pane, "selected-unit", gk_unit_model_find (self->units, selected_id), NULL);
  g_signal_handlers_unblock_by_func (self->list_pane, on_unit_selected_cb, self);

  /* The chosen unit is gone: the list goes back to every unit. */
  if (gk_window_supervision_get_unit (self) != selected_id)
    gk_window_update_list (self);
}

void
gk_window_show_report (GkWindow *self)
{
  g_return_if_fail (GK_IS_WINDOW (self));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gk_window_show_record (self, NULL);
}

/* A row of the report leads to its unit's records in the list beside it. */
static void
on_report_unit_activated_cb (GkWindow   *self,
                             gint64      unit_id,
                             const char *domain)
{
  if (self->units == NULL)
    return;
  g_object_set (self->list_pane, "selected-unit", gk_unit_model_find (self->units, unit_id), NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
}

void
gk_window_supervision_init (GkWindow *self)
{
  g_signal_connect_object (self->supervision_view, "unit-activated",
                           G_CALLBACK (on_report_unit_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_pane, "notify::selected-unit",
                           G_CALLBACK (on_unit_selected_cb), self, G_CONNECT_SWAPPED);
}
