/* gk-unit-choice.h: a combo row offering the ledger's units, as the record header and the project dialog use it. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

/* Offers "No unit" and the ledger's units in @row, selecting @unit_id; @ids
 * (gint64) receives the unit of each position, 0 first. A retired unit is
 * offered only when it is @unit_id: it stays on what already names it. */
void   gk_unit_choice_fill (AdwComboRow *row,
                            GArray      *ids,
                            GkStore     *store,
                            gint64       unit_id);
/* The unit chosen in @row, 0 for none. */
gint64 gk_unit_choice_get  (AdwComboRow *row,
                            GArray      *ids);

G_END_DECLS
