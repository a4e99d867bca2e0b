/* gk-catalog-fields.c: the fields of a catalog item in its editor: rename, move, retire and add them. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-fields.h"
#include "gk-item-edit.h"
#include "gk-message-row.h"
#include "gk-schema.h"

/* One field of the item: its label to edit, the problem under it, and the
 * buttons that move and retire it. */
typedef struct
{
  char *id;
  GtkWidget *row;
  GtkWidget *message_row;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *retire_button;
} FieldRow;

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

  GkStore *store;
  gint64 item_id;
  GkSchema *schema;          /* the item's fields with the edits so far; NULL if none or unreadable */
  GPtrArray *field_rows;     /* FieldRow, schema order */
  GArray *new_kinds;         /* GkFieldKind per new_kind_row position */
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

static void
field_row_free (FieldRow *field_row)
{
  g_free (field_row->id);
  g_free (field_row);
}

static FieldRow *
find_field_row (GkCatalogFields *self,
                const char      *id)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      if (g_strcmp0 (field_row->id, id) == 0)
        return field_row;
    }
  return NULL;
}

/* The rows' own record of which field each edits: nothing is hung on the widget. */
static FieldRow *
find_field_row_of_widget (GkCatalogFields *self,
                          GtkWidget       *row)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      if (field_row->row == row)
        return field_row;
    }
  return NULL;
}

static void
show_label_check (GtkWidget          *row,
                  GkMessageRow       *message_row,
                  const GkValidation *check)
{
  gboolean bad = check != NULL && check->severity != GK_SEVERITY_OK;

  gk_message_row_set_message (message_row, bad ? check->message : NULL, GK_SEVERITY_ERROR);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               bad ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (bad)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* A label is taken into the schema only when it is valid: a bad one is
 * shown at its row and the field keeps the label it had. */
static void
on_field_row_changed_cb (GtkEditable     *row,
                         GkCatalogFields *self)
{
  FieldRow *field_row = find_field_row_of_widget (self, GTK_WIDGET (row));
  const char *id;
  g_autoptr(GkValidation) check = NULL;

  if (field_row == NULL || self->schema == NULL)
    return;
  id = field_row->id;

  check = gk_schema_check_label (self->schema, id, gtk_editable_get_text (row));
  show_label_check (field_row->row, GK_MESSAGE_ROW (field_row->message_row), check);
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
      FieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      g_signal_handlers_disconnect_by_data (field_row->row, self);
      adw_preferences_group_remove (self->fields_group, field_row->row);
      adw_preferences_group_remove (self->fields_group, field_row->message_row);
    }
  g_ptr_array_set_size (self->field_rows, 0);
}

/* @action_name NULL: a button that does nothing here (the first field
 * cannot move up), shown off. An action would turn it back on. */
static GtkWidget *
add_field_button (FieldRow   *field_row,
                  const char *icon_name,
                  const char *tooltip,
                  const char *accessible_label,
                  const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", field_row->id);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field_row->row), button);
  return button;
}

static FieldRow *
add_field_row (GkCatalogFields *self,
               const GkField   *field,
               guint            position,
               const char      *text)
{
  FieldRow *field_row = g_new0 (FieldRow, 1);
  guint n_fields = gk_schema_get_n_fields (self->schema);
  const char *kind = gk_field_kind_describe (field->kind);
  g_autofree char *title = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *retire = NULL;

  field_row->id = g_strdup (field->id);

  /* The label is what is edited; the title says what kind of value it holds. */
  if (field->retired)
    /* Translators: the kind of a field (Money, Date…) that is retired */
    title = g_strdup_printf (_("%s · Retired"), kind);
  else if (field->required)
    /* Translators: the kind of a field (Money, Date…) that must be filled */
    title = g_strdup_printf (_("%s · Required"), kind);
  else
    title = g_strdup (kind);

  field_row->row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row->row), title);
  gtk_editable_set_text (GTK_EDITABLE (field_row->row), text != NULL ? text : field->label);
  if (field->retired)
    gtk_widget_add_css_class (field_row->row, "dim-label");

  up = g_strdup_printf (_("Move “%s” up"), field->label);
  down = g_strdup_printf (_("Move “%s” down"), field->label);
  field_row->up_button = add_field_button (field_row, "go-up-symbolic", _("Move Up"), up,
                                           position > 0 ? "catalog.move-field-up" : NULL);
  field_row->down_button = add_field_button (field_row, "go-down-symbolic", _("Move Down"), down,
                                             position + 1 < n_fields ? "catalog.move-field-down" : NULL);
  if (field->retired)
    {
      retire = g_strdup_printf (_("Offer “%s” again"), field->label);
      field_row->retire_button = add_field_button (field_row, "edit-undo-symbolic", _("Offer Again"), retire,
                                                   "catalog.restore-field");
    }
  else
    {
      retire = g_strdup_printf (_("Retire “%s”"), field->label);
      field_row->retire_button = add_field_button (field_row, "action-unavailable-symbolic", _("Retire"), retire,
                                                   "catalog.retire-field");
    }

  field_row->message_row = gk_message_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row->message_row), field->label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field_row->row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (GK_MESSAGE_ROW (field_row->message_row)), NULL, -1);

  g_signal_connect (field_row->row, "changed", G_CALLBACK (on_field_row_changed_cb), self);
  adw_preferences_group_add (self->fields_group, field_row->row);
  adw_preferences_group_add (self->fields_group, field_row->message_row);
  g_ptr_array_add (self->field_rows, field_row);
  return field_row;
}

/* Builds a row per field, keeping what was typed in the rows before. */
static void
fill_field_rows (GkCatalogFields *self,
                 gboolean         keep_typed)
{
  g_autoptr(GHashTable) typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; keep_typed && i < self->field_rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->field_rows, i);

      g_hash_table_insert (typed, g_strdup (field_row->id),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row->row))));
    }

  clear_field_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), self->schema != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.add-field", self->schema != NULL);
  if (self->schema == NULL)
    return;

  for (guint i = 0; i < gk_schema_get_n_fields (self->schema); i++)
    {
      const GkField *field = gk_schema_get_field (self->schema, i);
      FieldRow *field_row = add_field_row (self, field, i, g_hash_table_lookup (typed, field->id));
      g_autoptr(GkValidation) check = gk_schema_check_label (self->schema, field->id,
                                                             gtk_editable_get_text (GTK_EDITABLE (field_row->row)));

      show_label_check (field_row->row, GK_MESSAGE_ROW (field_row->message_row), check);
    }
}

static void
focus_field_button (GkCatalogFields *self,
                    const char      *id,
                    gboolean         up)
{
  FieldRow *field_row = find_field_row (self, id);
  GtkWidget *button;

  if (field_row == NULL)
    return;
  button = up ? field_row->up_button : field_row->down_button;
  /* At an end the button is off: keep the focus on the row instead. */
  gtk_widget_grab_focus (gtk_widget_get_sensitive (button) ? button : field_row->row);
}

static void
move_field (GkCatalogFields *self,
            const char      *id,
            int              delta)
{
  int position;

  if (self->schema == NULL)
    return;
  position = gk_schema_find_field (self->schema, id);
  if (position < 0 || position + delta < 0)
    return;

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
  FieldRow *field_row;

  if (self->schema == NULL || !gk_schema_set_field_retired (self->schema, id, retired, NULL))
    return;

  fill_field_rows (self, TRUE);
  field_row = find_field_row (self, id);
  if (field_row != NULL)
    gtk_widget_grab_focus (field_row->retire_button);
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
  const GkField *field;

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

  field = gk_schema_append_field (self->schema, label, g_array_index (self->new_kinds, GkFieldKind, selected),
                                  (const char * const *) taken, &error);
  if (field == NULL)
    {
      g_autoptr(GkValidation) failure = gk_validation_new (GK_SEVERITY_ERROR, label, error->message);

      show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, failure);
      return;
    }

  fill_field_rows (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_label_row));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_new_label_row_activated_cb (GkCatalogFields *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "catalog.add-field", NULL);
}

/* The editor changes its own copy: the item's schema is shared. */
static GkSchema *
copy_schema (GkSchema *schema)
{
  g_autoptr(JsonNode) node = gk_schema_to_json_node (schema);

  return gk_schema_new_from_json_node (node, NULL);
}

void
gk_catalog_fields_set_schema (GkCatalogFields *self,
                              gint64           item_id,
                              GkSchema        *schema)
{
  g_return_if_fail (GK_IS_CATALOG_FIELDS (self));

  self->item_id = item_id;
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

GtkWidget *
gk_catalog_fields_get_row (GkCatalogFields *self,
                           const char      *name)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  if (g_strcmp0 (name, "new-label") == 0)
    return GTK_WIDGET (self->new_label_row);
  if (g_strcmp0 (name, "new-kind") == 0)
    return GTK_WIDGET (self->new_kind_row);
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
  FieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  field_row = find_field_row (self, id);
  return field_row != NULL ? field_row->row : NULL;
}

const char *
gk_catalog_fields_get_field_message (GkCatalogFields *self,
                                     const char      *id)
{
  FieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_FIELDS (self), NULL);

  field_row = find_field_row (self, id);
  return field_row != NULL ? gk_message_row_get_message (GK_MESSAGE_ROW (field_row->message_row)) : NULL;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
gk_catalog_fields_dispose (GObject *object)
{
  GkCatalogFields *self = GK_CATALOG_FIELDS (object);

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

  gtk_widget_class_bind_template_callback (widget_class, on_new_label_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_label_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.move-field-up", "s", move_field_up_action);
  gtk_widget_class_install_action (widget_class, "catalog.move-field-down", "s", move_field_down_action);
  gtk_widget_class_install_action (widget_class, "catalog.retire-field", "s", retire_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.restore-field", "s", restore_field_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
}

static void
gk_catalog_fields_init (GkCatalogFields *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  self->new_kinds = g_array_new (FALSE, FALSE, sizeof (GkFieldKind));

  for (GkFieldKind kind = 0; gk_field_kind_to_string (kind) != NULL; kind++)
    {
      if (!gk_field_kind_can_add (kind))
        continue;
      g_array_append_val (self->new_kinds, kind);
      gtk_string_list_append (self->new_kind_names, gk_field_kind_describe (kind));
    }
}

GtkWidget *
gk_catalog_fields_new (void)
{
  return g_object_new (GK_TYPE_CATALOG_FIELDS, NULL);
}
