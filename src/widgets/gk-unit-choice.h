/* gk-unit-choice.h: a searchable drop-down offering the ledger's units (a GkUnitModel), as the record header and the project dialog use it. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* Offers "No unit" and the ledger's units in @drop_down (whose expression
 * gives a GkUnitItem's name, for its search), whole names that a search
 * finds by any part, selecting @unit_id. A
 * retired unit is offered only when it is @unit_id: it stays on what already
 * names it. The drop-down keeps its model while @store stays the same. */
void        gk_unit_choice_fill     (GtkDropDown *drop_down,
                                     GkStore     *store,
                                     gint64       unit_id);
/* The unit chosen in @drop_down, 0 for none. */
gint64      gk_unit_choice_get      (GtkDropDown *drop_down);
/* Its name, or NULL for none. */
const char *gk_unit_choice_get_name (GtkDropDown *drop_down);

G_END_DECLS
