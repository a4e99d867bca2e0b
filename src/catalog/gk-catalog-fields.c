/* gk-catalog-fields.c: the fields of a catalog item in its editor: rename, move, retire and add them. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-field-row.h"
#include "gk-catalog-fields.h"
#include "gk-item-edit.h"
#include "gk-message-row.h"
#include "gk-schema.h"

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
  GPtrArray *field_rows;     /* GkCatalogFieldRow, schema order */
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
  GkCatalogFieldRow *field_row;

  if (self->schema == NULL || !gk_schema_set_field_retired (self->schema, id, retired, NULL))
    return;

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

  self->field_rows = g_ptr_array_new ();
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
