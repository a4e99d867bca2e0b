/* gk-unit-choice.h: a combo row offering the ledger's units (a GkUnitModel), as the record header and the project dialog use it. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* Offers "No unit" and the ledger's units in @row, selecting @unit_id. A
 * retired unit is offered only when it is @unit_id: it stays on what already
 * names it. The row keeps its model while @store stays the same. */
void        gk_unit_choice_fill     (AdwComboRow *row,
                                     GkStore     *store,
                                     gint64       unit_id);
/* The unit chosen in @row, 0 for none. */
gint64      gk_unit_choice_get      (AdwComboRow *row);
/* Its name, or NULL for none. */
const char *gk_unit_choice_get_name (AdwComboRow *row);

G_END_DECLS
