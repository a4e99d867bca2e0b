/* gk-field-editor.h: the row (and its message) that edits one scalar field of a schema. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_TYPE_FIELD_EDITOR (gk_field_editor_get_type ())
G_DECLARE_FINAL_TYPE (GkFieldEditor, gk_field_editor, GK, FIELD_EDITOR, GObject)

/* Not a widget: it owns two rows for a boxed list, the field's own row
 * (an AdwEntryRow, AdwComboRow or a framed text view) and the row under it
 * that says, in plain words, what is wrong or what to enter. */
GkFieldEditor *gk_field_editor_new             (const GkField  *field);
const GkField *gk_field_editor_get_field       (GkFieldEditor  *self);
GtkWidget     *gk_field_editor_get_row         (GkFieldEditor  *self);
GtkWidget     *gk_field_editor_get_message_row (GkFieldEditor  *self);
/* The widget that takes the text: the entry row, the text view or the combo row. */
GtkWidget     *gk_field_editor_get_input       (GkFieldEditor  *self);
void           gk_field_editor_add_to_group    (GkFieldEditor  *self,
                                                AdwPreferencesGroup *group);

/* Shows a stored value (NULL: empty). Emits no "changed". */
void           gk_field_editor_set_value       (GkFieldEditor  *self,
                                                JsonNode       *value);
/* The value to store, NULL when empty; kept as typed when it is invalid. */
JsonNode      *gk_field_editor_get_value       (GkFieldEditor  *self);
/* As if the clerk typed @text (or chose the choice labelled @text). */
void           gk_field_editor_set_text        (GkFieldEditor  *self,
                                                const char     *text);
char          *gk_field_editor_dup_text        (GkFieldEditor  *self);
GkSeverity     gk_field_editor_get_severity    (GkFieldEditor  *self);
const char    *gk_field_editor_get_message     (GkFieldEditor  *self);
/* The message shown under the row, or NULL when the row shows none. */
const char    *gk_field_editor_get_shown_message (GkFieldEditor *self);

/* The check of a stored value: severity and the first message of it. */
void           gk_field_check_value            (const GkField  *field,
                                                JsonNode       *value,
                                                GkSeverity     *severity,
                                                char          **message);
/* The label with a mark when the field is required. */
char          *gk_field_dup_title              (const GkField  *field);

G_END_DECLS
