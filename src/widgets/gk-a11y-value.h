/* gk-a11y-value.h: drop-downs and combo rows tell a screen reader the value they show. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Keeps the accessible description of @widget (a GtkDropDown or an
 * AdwComboRow) at the text of its selected item, as shown. A drop-down's
 * inner button, which is what takes the focus and which GTK 4.8 names
 * after its class, is named @label (the drop-down's own name) too. */
void gk_a11y_value_follow    (GtkWidget  *widget,
                              const char *label);
/* Names @widget @label; a drop-down's inner button too. */
void gk_a11y_value_set_label (GtkWidget  *widget,
                              const char *label);

/* GTK 4.8 names a text button with a mnemonic twice ("_Save Save"): from
 * now on every such button is named by its label alone. */
void gk_a11y_name_mnemonic_buttons (void);

G_END_DECLS
