/* gk-catalog-fields.c: the fields of a catalog item in its editor: rename, move, retire and add them. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-field-row.h"
#include "gk-catalog-fields.h"
#include "gk-item-edit.h"
#include "gk-message-row.h"
#include "gk-schema.h"
#include "gk-undo-toast.h"

struct _GkCatalogFields
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;
  AdwPreferencesGroup *fields_group;
  AdwEntryRow *new_label_row;
  GkMessageRow *new_label_message_row;
  AdwComboRow *new_kind_row;
  GtkStringList *new_kind_names;
  AdwEntryRow *new_parts_row;

  GkStore *store;
  gint64 item_id;
  GkSchema *schema;          /* the item's fields with the edits so far; NULL if none or unreadable */
  GPtrArray *field_rows;     /* GkCatalogFieldRow, schema order */
  GArray *new_kinds;         /* GkFieldKind per new_kind_row position */
  GkSchema *undo_schema;     /* before the last move or retirement, while its toast shows */
  AdwToast *undo_toast;      /* weak */
};

G_DEFINE_FINAL_TYPE (GkCatalogFields, gk_catalog_fields, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GkCatalogFieldRow *
find_field_row (GkCatalogFields *self,
                const char      *id)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GkCatalogFieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      if (g_strcmp0 (gk_catalog_field_row_get_field_id (field_row), id) == 0)
        return field_row;
    }
  return NULL;
}

/* A label is taken into the schema only when it is valid: a bad one is
 * shown at its row and the field keeps the label it had. */
static void
show_label_check (GtkWidget          *row,
                  GkMessageRow       *message_row,
                  const GkValidation *check)
{
  gboolean bad = check != NULL && check->severity != GK_SEVERITY_OK;

  gk_message_row_show_error (message_row, row, bad ? check->message : NULL);
}

static void
on_field_row_changed_cb (GkCatalogFieldRow *field_row,
                         GkCatalogFields   *self)
{
  const char *id = gk_catalog_field_row_get_field_id (field_row);
  g_autoptr(GkValidation) check = NULL;

  if (self->schema == NULL)
    return;

  check = gk_schema_check_label (self->schema, id, gtk_editable_get_text (GTK_EDITABLE (field_row)));
  gk_catalog_field_row_show_check (field_row, check);
  if (check->severity == GK_SEVERITY_OK)
    {
      const GkField *field = gk_schema_lookup_field (self->schema, id);

      if (g_strcmp0 (field->label, check->normalized) != 0)
        {
          gk_schema_rename_field (self->schema, id, check->normalized, NULL);
          g_signal_emit (self, signals[CHANGED], 0);
        }
    }
}

static void
clear_field_rows (GkCatalogFields *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GkCatalogFieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      g_signal_handlers_disconnect_by_data (field_row, self);
      adw_preferences_group_remove (self->fields_group, gk_catalog_field_row_get_message_row (field_row));
      adw_preferences_group_remove (self->fields_group, GTK_WIDGET (field_row));
    }
  g_ptr_array_set_size (self->field_rows, 0);
}

static GkCatalogFieldRow *
add_field_row (GkCatalogFields *self,
               const GkField   *field,
               guint            position,
               const char      *text)
{
  GtkWidget *row = gk_catalog_field_row_new (field, position, gk_schema_get_n_fields (self->schema), text);

  g_signal_connect (row, "changed", G_CALLBACK (on_field_row_changed_cb), self);
  adw_preferences_group_add (self->fields_group, row);
  adw_preferences_group_add (self->fields_group, gk_catalog_field_row_get_message_row (GK_CATALOG_FIELD_ROW (row)));
  g_ptr_array_add (self->field_rows, row);
  return GK_CATALOG_FIELD_ROW (row);
}

/* Builds a row per field, keeping what was typed in the rows before. */
static void
fill_field_rows (GkCatalogFields *self,
                 gboolean         keep_typed)
{
  g_autoptr(GHashTable) typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; keep_typed && i < self->field_rows->len; i++)
    {
      GkCatalogFieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      g_hash_table_insert (typed, g_strdup (gk_catalog_field_row_get_field_id (field_row)),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row))));
    }

  clear_field_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), self->schema != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.add-field", self->schema != NULL);
  if (self->schema == NULL)
    return;

  for (guint i = 0; i < gk_schema_get_n_fields (self->schema); i++)
    {
      const GkField *field = gk_schema_get_field (self->schema, i);
      GkCatalogFieldRow *field_row = add_field_row (self, field, i, g_hash_table_lookup (typed, field->id));
      g_autoptr(GkValidation) check = gk_schema_check_label (self->schema, field->id,
                                                             gtk_editable_get_text (GTK_EDITABLE (field_row)));

      gk_catalog_field_row_show_check (field_row, check);
    }
}

static void
focus_field_button (GkCatalogFields *self,
                    const char      *id,
                    gboolean         up)
{
  GkCatalogFieldRow *field_row = find_field_row (self, id);
  GtkWidget *button;

  if (field_row == NULL)
    return;
  button = gk_catalog_field_row_get_move_button (field_row, up);
  /* At an end the button is off: keep the focus on the row instead. */
  gtk_widget_grab_focus (gtk_widget_get_sensitive (button) ? button : GTK_WIDGET (field_row));
}

/* The editor changes its own copy: the item's schema is shared. */
static GkSchema *
copy_schema (GkSchema *schema)
{
  g_autoptr(JsonNode) node = gk_schema_to_json_node (schema);

  return gk_schema_new_from_json_node (node, NULL);
}

static void
forget_undo (GkCatalogFields *self)
{
  g_clear_pointer (&self->undo_schema, gk_schema_unref);
  gk_undo_toast_forget (&self->undo_toast);
}

/* Moving and retiring take effect at once and are saved: the toast that
 * says so takes them back (the latest, when one follows another). */
static void
offer_undo (GkCatalogFields *self,
            GkSchema        *before,
            const char      *title)
{
  g_clear_pointer (&self->undo_schema, gk_schema_unref);
  self->undo_schema = before;
  gk_undo_toast_offer (GTK_WIDGET (self), &self->undo_toast, title, G_CALLBACK (gk_catalog_fields_undo));
}

static void
move_field (GkCatalogFields *self,
            const char      *id,
            int              delta)
{
  g_autofree char *title = NULL;
  int position;

  if (self->schema == NULL)
    return;
  position = gk_schema_find_field (self->schema, id);
  if (position < 0 || position + delta < 0)
    return;

  /* Translators: a field's label */
  title = g_strdup_printf (delta < 0 ? _("“%s” moved up") : _("“%s” moved down"),
                           gk_schema_lookup_field (self->schema, id)->label);
  offer_undo (self, copy_schema (self->schema), title);
  gk_schema_move_field (self->schema, id, position + delta, NULL);
  fill_field_rows (self, TRUE);
  focus_field_button (self, id, delta < 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
move_field_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_field (GK_CATALOG_FIELDS (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_field_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_field (GK_CATALOG_FIELDS (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
set_field_retired (GkCatalogFields *self,
                   const char      *id,
                   gboolean         retired)
{
  GkCatalogFieldRow *field_row;
  g_autoptr(GkSchema) before = NULL;
  g_autofree char *title = NULL;

  if (self->schema == NULL)
    return;
  before = copy_schema (self->schema);
  if (!gk_schema_set_field_retired (self->schema, id, retired, NULL))
    return;
  title = g_strdup_printf (retired ? _("“%s” retired") : _("“%s” offered again"),
                           gk_schema_lookup_field (self->schema, id)->label);
  offer_undo (self, g_steal_pointer (&before), title);

  fill_field_rows (self, TRUE);
  field_row = find_field_row (self, id);
  if (field_row != NULL)
    gtk_widget_grab_focus (gk_catalog_field_row_get_retire_button (field_row));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
retire_field_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_field_retired (GK_CATALOG_FIELDS (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
restore_field_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_field_retired (GK_CATALOG_FIELDS (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* While the label is typed only a clash is shown; an empty label is an
 * error only when the field is added. */
static void
on_new_label_row_changed_cb (GkCatalogFields *self)
{
  g_autoptr(GkValidation) check = NULL;

  if (self->schema == NULL || gtk_editable_get_text (GTK_EDITABLE (self->new_label_row))[0] == '\0')
    {
      show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, NULL);
      return;
    }

  check = gk_schema_check_label (self->schema, NULL, gtk_editable_get_text (GTK_EDITABLE (self->new_label_row)));
  show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, check);
}

static void
add_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (widget);
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_label_row));
  guint selected = adw_combo_row_get_selected (self->new_kind_row);
  g_autoptr(GkValidation) check = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) taken = NULL;
  g_auto(GStrv) parts = NULL;
  const GkField *field;
  GkFieldKind kind;

  if (self->schema == NULL || self->store == NULL || selected >= self->new_kinds->len)
    return;

  check = gk_schema_check_label (self->schema, NULL, label);
  show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, check);
  if (check->severity != GK_SEVERITY_OK)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->new_label_row));
      return;
    }

  /* Keys that old records hold are never given to a new field. */
  taken = gk_store_list_item_value_keys (self->store, self->item_id, &error);
  if (taken == NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }

  kind = g_array_index (self->new_kinds, GkFieldKind, selected);
  if (gk_field_kind_needs_parts (kind))
    parts = gk_item_split_list (gtk_editable_get_text (GTK_EDITABLE (self->new_parts_row)), GK_ITEM_UNIT_SEPARATORS);
  field = gk_schema_append_field_with_parts (self->schema, label, kind, (const char * const *) parts,
                                             (const char * const *) taken, &error);
  if (field == NULL)
    {
      g_autoptr(GkValidation) failure = gk_validation_new (GK_SEVERITY_ERROR, label, error->message);

      show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, failure);
      return;
    }

  fill_field_rows (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_parts_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_label_row));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_new_label_row_activated_cb (GkCatalogFields *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "catalog.add-field", NULL);
}

/* A choice field is added with its choices, a table with its columns. */
static void
on_new_kind_row_selected_cb (GkCatalogFields *self)
{
  guint selected = adw_combo_row_get_selected (self->new_kind_row);
  GkFieldKind kind = selected < self->new_kinds->len ? g_array_index (self->new_kinds, GkFieldKind, selected) : GK_FIELD_TEXT;

  gtk_widget_set_visible (GTK_WIDGET (self->new_parts_row), gk_field_kind_needs_parts (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_parts_row),
                                 kind == GK_FIELD_TABLE ? _("Columns, separated by 、")
                                                        : _("Choices, separated by 、"));
}

/* ------------------------------------------------------------------ */
/* A field's kind, required flag and choices                           */

gboolean
gk_catalog_fields_edit_field (GkCatalogFields  *self,
                              const char       *id,
                              gboolean          required,
                              GkFieldKind       kind,
                              const char       *choices,
                              GError          **error)
{
  g_autoptr(GkSchema) changed = NULL;
  g_autoptr(GPtrArray) used = NULL;
  const GkField *field;
  GkCatalogFieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), FALSE);
  g_return_val_if_fail (self->schema != NULL && self->store != NULL, FALSE);

  field = gk_schema_lookup_field (self->schema, id);
  g_return_val_if_fail (field != NULL, FALSE);

  /* What old records hold decides which kinds and choices are possible. */
  used = gk_store_list_field_values (self->store, self->item_id, id, error);
  if (used == NULL)
    return FALSE;

  changed = copy_schema (self->schema);
  if (!gk_schema_set_field_required (changed, id, required, error) ||
      !gk_schema_set_field_kind (changed, id, kind, used, error))
    goto refused;
  if (field->kind == GK_FIELD_CHOICE && choices != NULL)
    {
      g_auto(GStrv) labels = gk_item_split_list (choices, GK_ITEM_UNIT_SEPARATORS);

      if (!gk_schema_set_field_choices (changed, id, (const char * const *) labels, used, error))
        goto refused;
    }

  g_clear_pointer (&self->schema, gk_schema_unref);
  self->schema = g_steal_pointer (&changed);
  fill_field_rows (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;

refused:
  field_row = find_field_row (self, id);
  if (field_row != NULL)
    gk_message_row_show_error (GK_MESSAGE_ROW (gk_catalog_field_row_get_message_row (field_row)),
                               GTK_WIDGET (field_row), (*error)->message);
  return FALSE;
}

char *
gk_catalog_fields_dup_choices_text (GkCatalogFields *self,
                                    const char      *id)
{
  const GkField *field;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  field = self->schema != NULL ? gk_schema_lookup_field (self->schema, id) : NULL;
  if (field == NULL || field->choices == NULL)
    return NULL;
  for (guint i = 0; i < field->choices->len; i++)
    {
      if (i > 0)
        g_string_append (text, "、");
      g_string_append (text, ((GkChoice *) g_ptr_array_index (field->choices, i))->label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the dialog shows, kept with it until it answers. */
typedef struct
{
  GkCatalogFields *self;
  char *id;
  GtkCheckButton *required;
  GtkDropDown *kind;
  GtkEntry *choices;             /* NULL for a field without choices */
  GArray *kinds;
} FieldDialog;

static void
field_dialog_free (gpointer data)
{
  FieldDialog *dialog = data;

  g_object_unref (dialog->self);
  g_free (dialog->id);
  g_array_unref (dialog->kinds);
  g_free (dialog);
}

static void
on_field_dialog_response_cb (AdwMessageDialog *message_dialog,
                             const char       *response,
                             FieldDialog      *dialog)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dialog->kind);

  if (g_strcmp0 (response, "apply") != 0 || selected >= dialog->kinds->len)
    return;
  /* A refusal is shown under the field, with its reason. */
  gk_catalog_fields_edit_field (dialog->self, dialog->id, gtk_check_button_get_active (dialog->required),
                                g_array_index (dialog->kinds, GkFieldKind, selected),
                                dialog->choices != NULL ? gtk_editable_get_text (GTK_EDITABLE (dialog->choices)) : NULL,
                                &error);
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
edit_field_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const GkField *field = self->schema != NULL ? gk_schema_lookup_field (self->schema, id) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  FieldDialog *dialog;
  GtkWidget *message_dialog, *box, *kind_label;
  guint position = 0;

  if (field == NULL || self->store == NULL)
    return;

  dialog = g_new0 (FieldDialog, 1);
  dialog->self = g_object_ref (self);
  dialog->id = g_strdup (id);
  dialog->kinds = g_array_new (FALSE, FALSE, sizeof (GkFieldKind));
  /* Choice and table fields keep their kind: the list offers only theirs. */
  for (GkFieldKind kind = 0; gk_field_kind_to_string (kind) != NULL; kind++)
    {
      if (kind != field->kind && (gk_field_kind_needs_parts (kind) || gk_field_kind_needs_parts (field->kind)))
        continue;
      if (kind == field->kind)
        position = dialog->kinds->len;
      g_array_append_val (dialog->kinds, kind);
      gtk_string_list_append (names, gk_field_kind_describe (kind));
    }

  message_dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), field->label,
                                           _("A kind is taken only when every value that records hold reads as it."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  kind_label = gtk_label_new_with_mnemonic (_("_Kind"));
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
  gtk_box_append (GTK_BOX (box), kind_label);
  dialog->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (dialog->kind, position);
  gtk_label_set_mnemonic_widget (GTK_LABEL (kind_label), GTK_WIDGET (dialog->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->kind));
  if (gk_field_kind_needs_parts (field->kind))
    gtk_box_append (GTK_BOX (box), caption (_("Choice and table fields keep their kind: add a new field of the kind wanted and retire this one.")));

  dialog->required = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Required")));
  gtk_check_button_set_active (dialog->required, field->required);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->required));

  if (field->kind == GK_FIELD_CHOICE)
    {
      g_autofree char *text = gk_catalog_fields_dup_choices_text (self, id);
      GtkWidget *choices_label = gtk_label_new_with_mnemonic (_("C_hoices, separated by 、"));

      gtk_label_set_xalign (GTK_LABEL (choices_label), 0);
      gtk_box_append (GTK_BOX (box), choices_label);
      dialog->choices = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_text (GTK_EDITABLE (dialog->choices), text);
      gtk_label_set_mnemonic_widget (GTK_LABEL (choices_label), GTK_WIDGET (dialog->choices));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->choices));
      gtk_box_append (GTK_BOX (box), caption (_("A choice that records hold can be neither removed nor renamed.")));
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message_dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message_dialog),
                                    "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message_dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message_dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message_dialog), "cancel");
  g_signal_connect_data (message_dialog, "response", G_CALLBACK (on_field_dialog_response_cb), dialog,
                         (GClosureNotify) (void (*) (void)) field_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message_dialog));
}

void
gk_catalog_fields_set_schema (GkCatalogFields *self,
                              gint64           item_id,
                              GkSchema        *schema)
{
  g_return_if_fail (GK_IS_CATALOG_FIELDS (self));

  self->item_id = item_id;
  forget_undo (self);
  g_clear_pointer (&self->schema, gk_schema_unref);
  if (schema != NULL)
    self->schema = copy_schema (schema);
  fill_field_rows (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
  show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, NULL);
}

GkSchema *
gk_catalog_fields_dup_schema (GkCatalogFields *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  return self->schema != NULL ? copy_schema (self->schema) : NULL;
}

void
gk_catalog_fields_set_store (GkCatalogFields *self,
                             GkStore         *store)
{
  g_return_if_fail (GK_IS_CATALOG_FIELDS (self));
  g_return_if_fail (store == NULL || GK_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
gk_catalog_fields_undo (GkCatalogFields *self)
{
  g_autoptr(GkSchema) before = NULL;

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), FALSE);

  if (self->undo_schema == NULL)
    return FALSE;
  before = g_steal_pointer (&self->undo_schema);
  forget_undo (self);
  g_clear_pointer (&self->schema, gk_schema_unref);
  self->schema = g_steal_pointer (&before);
  fill_field_rows (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

GtkWidget *
gk_catalog_fields_get_row (GkCatalogFields *self,
                           const char      *name)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  if (g_strcmp0 (name, "new-label") == 0)
    return GTK_WIDGET (self->new_label_row);
  if (g_strcmp0 (name, "new-kind") == 0)
    return GTK_WIDGET (self->new_kind_row);
  if (g_strcmp0 (name, "new-parts") == 0)
    return GTK_WIDGET (self->new_parts_row);
  return NULL;
}

const char *
gk_catalog_fields_get_message (GkCatalogFields *self,
                               const char      *name)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  if (g_strcmp0 (name, "new-label") == 0)
    return gk_message_row_get_message (self->new_label_message_row);
  return NULL;
}

GtkWidget *
gk_catalog_fields_get_field_row (GkCatalogFields *self,
                                 const char      *id)
{
  GkCatalogFieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  field_row = find_field_row (self, id);
  return GTK_WIDGET (field_row);
}

const char *
gk_catalog_fields_get_field_message (GkCatalogFields *self,
                                     const char      *id)
{
  GkCatalogFieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  field_row = find_field_row (self, id);
  return field_row != NULL ? gk_message_row_get_message (GK_MESSAGE_ROW (gk_catalog_field_row_get_message_row (field_row))) : NULL;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
gk_catalog_fields_dispose (GObject *object)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (object);

  forget_undo (self);
  if (self->field_rows != NULL)
    clear_field_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_FIELDS);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->schema, gk_schema_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_catalog_fields_parent_class)->dispose (object);
}

static void
gk_catalog_fields_finalize (GObject *object)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (object);

  g_clear_pointer (&self->new_kinds, g_array_unref);

  G_OBJECT_CLASS (gk_catalog_fields_parent_class)->finalize (object);
}

static void
gk_catalog_fields_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_fields_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gk_catalog_fields_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_fields_class_init (GkCatalogFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_fields_dispose;
  object_class->finalize = gk_catalog_fields_finalize;
  object_class->get_property = gk_catalog_fields_get_property;
  object_class->set_property = gk_catalog_fields_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A field was renamed, moved, retired, brought back or added. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A problem that belongs to no row (the ledger could not be read): the
   * editor shows it above its form. */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, box);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, fields_group);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, new_label_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, new_label_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, new_kind_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, new_kind_names);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogFields, new_parts_row);

  gtk_widget_class_bind_template_callback (widget_class, on_new_label_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_label_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_kind_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.move-field-up", "s", move_field_up_action);
  gtk_widget_class_install_action (widget_class, "catalog.move-field-down", "s", move_field_down_action);
  gtk_widget_class_install_action (widget_class, "catalog.retire-field", "s", retire_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.restore-field", "s", restore_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.edit-field", "s", edit_field_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
}

static void
gk_catalog_fields_init (GkCatalogFields *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new ();
  self->new_kinds = g_array_new (FALSE, FALSE, sizeof (GkFieldKind));

  for (GkFieldKind kind = 0; gk_field_kind_to_string (kind) != NULL; kind++)
    {
      g_array_append_val (self->new_kinds, kind);
      gtk_string_list_append (self->new_kind_names, gk_field_kind_describe (kind));
    }
}

GtkWidget *
gk_catalog_fields_new (void)
{
  return g_object_new (GK_TYPE_CATALOG_FIELDS, NULL);
}
