/* gk-catalog-editor.c: the content pane for a catalog item (公开目录): its texts, rule, channels and fields, saved as the clerk works. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-editor.h"
#include "gk-deadline.h"
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

/* One channel: its name and the problem under it. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *message_row;
} ChannelRow;

struct _GkCatalogEditor
{
  GtkWidget parent_instance;

  /* Template children */
  GtkScrolledWindow *scrolled;
  GtkLabel *save_label;
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  GkMessageRow *name_message_row;
  AdwEntryRow *level1_row;
  GtkWidget *contents_row;
  GtkTextView *contents_view;
  AdwEntryRow *basis_row;
  GtkWidget *retired_row;
  GtkSwitch *retired_switch;
  AdwComboRow *rule_row;
  GtkStringList *rule_names;
  GtkWidget *workdays_row;
  GtkSpinButton *workdays_spin;
  AdwEntryRow *time_limit_row;
  AdwEntryRow *units_row;
  GtkMenuButton *units_button;
  AdwEntryRow *supervision_row;
  AdwPreferencesGroup *channels_group;
  AdwPreferencesGroup *fields_group;
  AdwEntryRow *new_label_row;
  GkMessageRow *new_label_message_row;
  AdwComboRow *new_kind_row;
  GtkStringList *new_kind_names;

  GkStore *store;
  GkItem *item;              /* as last saved or loaded */
  GkSchema *schema;          /* the item's fields with the edits so far; NULL if unreadable */
  GPtrArray *field_rows;     /* FieldRow, schema order */
  GPtrArray *channel_rows;   /* ChannelRow */
  GArray *new_kinds;         /* GkFieldKind per new_kind_row position */
  guint save_timeout_id;
  gboolean modified;
  gboolean updating;         /* filling the widgets: not an edit */
};

G_DEFINE_FINAL_TYPE (GkCatalogEditor, gk_catalog_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_KEY,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_row_free (FieldRow *field_row)
{
  g_free (field_row->id);
  g_free (field_row);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static void
set_modified (GkCatalogEditor *self,
              gboolean         modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_contents_text (GkCatalogEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->contents_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* The channel names typed, in order. */
static GStrv
dup_channel_names (GkCatalogEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->channel_rows->len; i++)
    {
      ChannelRow *channel_row = g_ptr_array_index (self->channel_rows, i);

      g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (channel_row->row)));
    }
  return g_strv_builder_end (builder);
}

/* Checks every channel at its row. An empty one is simply left out. */
static gboolean
check_channels (GkCatalogEditor *self)
{
  g_auto(GStrv) names = dup_channel_names (self);
  gboolean valid = TRUE;

  for (guint i = 0; i < self->channel_rows->len; i++)
    {
      ChannelRow *channel_row = g_ptr_array_index (self->channel_rows, i);
      g_autoptr(GkValidation) check = gk_item_check_channel ((const char * const *) names, i);
      gboolean bad = check->severity != GK_SEVERITY_OK && *check->normalized != '\0';

      gk_message_row_set_message (GK_MESSAGE_ROW (channel_row->message_row), bad ? check->message : NULL,
                                  GK_SEVERITY_ERROR);
      gtk_accessible_update_state (GTK_ACCESSIBLE (channel_row->row), GTK_ACCESSIBLE_STATE_INVALID,
                                   bad ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
      valid &= !bad;
    }

  return valid;
}

static char *
build_rule (GkCatalogEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->rule_row);

  if (selected >= GK_ITEM_RULE_N_CHOICES)
    return g_strdup (self->item->deadline_rule);
  return gk_item_rule_build ((GkItemRuleChoice) selected, (guint) gtk_spin_button_get_value_as_int (self->workdays_spin));
}

/* The item as the widgets show it; what is invalid keeps its saved value. */
static GkItem *
compose_item (GkCatalogEditor *self)
{
  GkItem *item = gk_item_copy (self->item);
  g_autofree char *name = dup_entry_text (self->name_row);

#define TAKE(member, text) G_STMT_START { g_free (item->member); item->member = (text); } G_STMT_END

  if (*name != '\0')
    TAKE (level2, g_steal_pointer (&name));
  TAKE (level1, dup_entry_text (self->level1_row));
  TAKE (contents, dup_contents_text (self));
  TAKE (basis, dup_entry_text (self->basis_row));
  TAKE (time_limit, dup_entry_text (self->time_limit_row));
  TAKE (deadline_rule, build_rule (self));
  TAKE (units, dup_entry_text (self->units_row));
  TAKE (supervision, dup_entry_text (self->supervision_row));
  if (check_channels (self))
    {
      g_auto(GStrv) channels = dup_channel_names (self);

      TAKE (channels, gk_item_channels_to_json ((const char * const *) channels));
    }
  if (self->schema != NULL)
    TAKE (fields, gk_schema_to_json (self->schema, FALSE));
  item->retired = gtk_switch_get_active (self->retired_switch);

#undef TAKE

  return item;
}

static gboolean
items_equal (const GkItem *a,
             const GkItem *b)
{
  return g_strcmp0 (a->level1, b->level1) == 0 &&
         g_strcmp0 (a->level2, b->level2) == 0 &&
         g_strcmp0 (a->contents, b->contents) == 0 &&
         g_strcmp0 (a->basis, b->basis) == 0 &&
         g_strcmp0 (a->time_limit, b->time_limit) == 0 &&
         g_strcmp0 (a->deadline_rule, b->deadline_rule) == 0 &&
         g_strcmp0 (a->units, b->units) == 0 &&
         g_strcmp0 (a->channels, b->channels) == 0 &&
         g_strcmp0 (a->supervision, b->supervision) == 0 &&
         g_strcmp0 (a->fields, b->fields) == 0 &&
         a->retired == b->retired;
}

static void
show_error (GkCatalogEditor *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
gk_catalog_editor_flush (GkCatalogEditor  *self,
                         GError          **error)
{
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (!self->modified || self->item == NULL || self->store == NULL)
    return TRUE;

  item = compose_item (self);
  if (!items_equal (item, self->item))
    {
      g_autoptr(GkItem) before = self->item;

      /* The item is the saved one already while the store tells the
       * window, which shows its name, that the catalog changed. */
      self->item = g_steal_pointer (&item);
      if (!gk_store_save_item (self->store, self->item, &local_error))
        {
          g_autofree char *message = g_strdup_printf (_("The last changes could not be saved: %s"), local_error->message);

          gk_item_free (self->item);
          self->item = g_steal_pointer (&before);
          show_error (self, message);
          gtk_label_set_text (self->save_label, _("Not saved"));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  show_error (self, NULL);
  gtk_label_set_text (self->save_label, _("All changes saved"));
  set_modified (self, FALSE);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (user_data);

  self->save_timeout_id = 0;
  /* A failure shows above the form; the edits stay pending. */
  gk_catalog_editor_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (GkCatalogEditor *self)
{
  if (self->updating || self->item == NULL)
    return;

  set_modified (self, TRUE);
  gtk_label_set_text (self->save_label, _("Editing…"));
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (GK_CATALOG_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ------------------------------------------------------------------ */
/* The item's own rows                                                 */

static void
check_name (GkCatalogEditor *self)
{
  g_autofree char *name = dup_entry_text (self->name_row);
  gboolean bad = self->item != NULL && *name == '\0';

  gk_message_row_set_message (self->name_message_row,
                              bad ? _("An item needs a name: the last name stays saved until one is typed.") : NULL,
                              GK_SEVERITY_ERROR);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_row), GTK_ACCESSIBLE_STATE_INVALID,
                               bad ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
on_name_row_changed_cb (GkCatalogEditor *self)
{
  check_name (self);
  schedule_save (self);
}

static void
on_entry_changed_cb (GkCatalogEditor *self)
{
  schedule_save (self);
}

static void
on_rule_row_selected_cb (GkCatalogEditor *self)
{
  gtk_widget_set_visible (self->workdays_row,
                          adw_combo_row_get_selected (self->rule_row) == GK_ITEM_RULE_CHOICE_WORKDAYS);
  schedule_save (self);
}

/* ------------------------------------------------------------------ */
/* Channels                                                            */

static void
on_channel_row_changed_cb (GkCatalogEditor *self)
{
  check_channels (self);
  schedule_save (self);
}

static void
clear_channel_rows (GkCatalogEditor *self)
{
  for (guint i = 0; i < self->channel_rows->len; i++)
    {
      ChannelRow *channel_row = g_ptr_array_index (self->channel_rows, i);

      g_signal_handlers_disconnect_by_data (channel_row->row, self);
      adw_preferences_group_remove (self->channels_group, channel_row->row);
      adw_preferences_group_remove (self->channels_group, channel_row->message_row);
    }
  g_ptr_array_set_size (self->channel_rows, 0);
}

static ChannelRow *
add_channel_row (GkCatalogEditor *self,
                 const char      *name)
{
  ChannelRow *channel_row = g_new0 (ChannelRow, 1);
  guint index = self->channel_rows->len;
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = g_strdup_printf (_("Channel %u"), index + 1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove channel %u"), index + 1);

  channel_row->row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (channel_row->row), title);
  gtk_editable_set_text (GTK_EDITABLE (channel_row->row), name);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove Channel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove_button), "catalog.remove-channel");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove_button), "u", index);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (channel_row->row), remove_button);

  channel_row->message_row = gk_message_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (channel_row->message_row), title);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (channel_row->row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (GK_MESSAGE_ROW (channel_row->message_row)), NULL, -1);

  g_signal_connect_swapped (channel_row->row, "changed", G_CALLBACK (on_channel_row_changed_cb), self);
  adw_preferences_group_add (self->channels_group, channel_row->row);
  adw_preferences_group_add (self->channels_group, channel_row->message_row);
  g_ptr_array_add (self->channel_rows, channel_row);
  return channel_row;
}

static void
fill_channel_rows (GkCatalogEditor    *self,
                   const char * const *names)
{
  clear_channel_rows (self);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_channel_row (self, names[i]);
  check_channels (self);
}

static void
add_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (widget);
  ChannelRow *channel_row;

  if (self->item == NULL)
    return;
  channel_row = add_channel_row (self, "");
  gtk_widget_grab_focus (channel_row->row);
  /* An empty channel is left out until it is named: nothing to save yet. */
}

static void
remove_channel_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_auto(GStrv) names = dup_channel_names (self);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;

  if (index >= g_strv_length (names))
    return;

  for (guint i = 0; names[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (kept, names[i]);
  remaining = g_strv_builder_end (kept);

  fill_channel_rows (self, (const char * const *) remaining);
  /* Focus stays near: on the channel that took its place, or the one above. */
  if (self->channel_rows->len > 0)
    {
      ChannelRow *next = g_ptr_array_index (self->channel_rows, MIN (index, self->channel_rows->len - 1));

      gtk_widget_grab_focus (next->row);
    }
  schedule_save (self);
}

/* ------------------------------------------------------------------ */
/* Units                                                               */

static void
fill_units_menu (GkCatalogEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    units = gk_store_list_units (self->store, FALSE, &error);
  if (units == NULL && error != NULL)
    g_warning ("Could not list the units: %s", error->message);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const GkUnit *unit = g_ptr_array_index (units, i);
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (unit->name, NULL);

      g_menu_item_set_action_and_target_value (menu_item, "catalog.add-unit", g_variant_new_string (unit->name));
      g_menu_append_item (menu, menu_item);
    }

  gtk_menu_button_set_menu_model (self->units_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->units_button), units != NULL && units->len > 0);
}

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (widget);
  g_autofree char *units = gk_item_add_unit (gtk_editable_get_text (GTK_EDITABLE (self->units_row)),
                                             g_variant_get_string (parameter, NULL));

  gtk_editable_set_text (GTK_EDITABLE (self->units_row), units);
  gtk_editable_set_position (GTK_EDITABLE (self->units_row), -1);
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */

static FieldRow *
find_field_row (GkCatalogEditor *self,
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
                         GkCatalogEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "gk-field-id");
  FieldRow *field_row = find_field_row (self, id);
  g_autoptr(GkValidation) check = NULL;

  if (self->updating || field_row == NULL || self->schema == NULL)
    return;

  check = gk_schema_check_label (self->schema, id, gtk_editable_get_text (row));
  show_label_check (field_row->row, GK_MESSAGE_ROW (field_row->message_row), check);
  if (check->severity == GK_SEVERITY_OK)
    {
      const GkField *field = gk_schema_lookup_field (self->schema, id);

      if (g_strcmp0 (field->label, check->normalized) != 0)
        {
          gk_schema_rename_field (self->schema, id, check->normalized, NULL);
          schedule_save (self);
        }
    }
}

static void
clear_field_rows (GkCatalogEditor *self)
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
add_field_row (GkCatalogEditor *self,
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
  g_object_set_data_full (G_OBJECT (field_row->row), "gk-field-id", g_strdup (field->id), g_free);
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
fill_field_rows (GkCatalogEditor *self,
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
focus_field_button (GkCatalogEditor *self,
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
move_field (GkCatalogEditor *self,
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
  schedule_save (self);
}

static void
move_field_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_field (GK_CATALOG_EDITOR (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_field_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_field (GK_CATALOG_EDITOR (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
set_field_retired (GkCatalogEditor *self,
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
  schedule_save (self);
}

static void
retire_field_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_field_retired (GK_CATALOG_EDITOR (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
restore_field_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_field_retired (GK_CATALOG_EDITOR (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* While the label is typed only a clash is shown; an empty label is an
 * error only when the field is added. */
static void
on_new_label_row_changed_cb (GkCatalogEditor *self)
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
  GkCatalogEditor *self = GK_CATALOG_EDITOR (widget);
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_label_row));
  guint selected = adw_combo_row_get_selected (self->new_kind_row);
  g_autoptr(GkValidation) check = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) taken = NULL;
  const GkField *field;

  if (self->schema == NULL || self->item == NULL || selected >= self->new_kinds->len)
    return;

  check = gk_schema_check_label (self->schema, NULL, label);
  show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, check);
  if (check->severity != GK_SEVERITY_OK)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->new_label_row));
      return;
    }

  /* Keys that old records hold are never given to a new field. */
  taken = gk_store_list_item_value_keys (self->store, self->item->id, &error);
  if (taken == NULL)
    {
      show_error (self, error->message);
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
  schedule_save (self);
}

static void
on_new_label_row_activated_cb (GkCatalogEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "catalog.add-field", NULL);
}

/* ------------------------------------------------------------------ */
/* Showing an item                                                     */

static void
show_item (GkCatalogEditor *self)
{
  const GkItem *item = self->item;
  GkItemRuleChoice choice = GK_ITEM_RULE_CHOICE_PROACTIVE;
  guint workdays = GK_DEADLINE_PROACTIVE_WORKDAYS;
  g_auto(GStrv) channels = NULL;
  g_autoptr(GError) error = NULL;

  self->updating = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), item != NULL ? item->level2 : "");
  gtk_editable_set_text (GTK_EDITABLE (self->level1_row), item != NULL && item->level1 != NULL ? item->level1 : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->contents_view),
                            item != NULL && item->contents != NULL ? item->contents : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->basis_row), item != NULL && item->basis != NULL ? item->basis : "");
  gtk_switch_set_active (self->retired_switch, item != NULL && item->retired);
  gtk_editable_set_text (GTK_EDITABLE (self->time_limit_row),
                         item != NULL && item->time_limit != NULL ? item->time_limit : "");
  gtk_editable_set_text (GTK_EDITABLE (self->units_row), item != NULL && item->units != NULL ? item->units : "");
  gtk_editable_set_text (GTK_EDITABLE (self->supervision_row),
                         item != NULL && item->supervision != NULL ? item->supervision : "");

  if (item != NULL && !gk_item_rule_read (item->deadline_rule, &choice, &workdays, &error))
    {
      /* An unreadable rule is shown as it is and left alone. */
      g_warning ("Catalog item “%s”: %s", item->key, error->message);
      g_clear_error (&error);
    }
  adw_combo_row_set_selected (self->rule_row, choice);
  gtk_spin_button_set_value (self->workdays_spin, MAX (workdays, 1));
  gtk_widget_set_visible (self->workdays_row, choice == GK_ITEM_RULE_CHOICE_WORKDAYS);

  channels = item != NULL ? gk_item_dup_channels (item) : NULL;
  fill_channel_rows (self, (const char * const *) channels);

  g_clear_pointer (&self->schema, gk_schema_unref);
  if (item != NULL)
    {
      self->schema = gk_schema_new_from_json (item->fields, &error);
      if (self->schema == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The fields of this item cannot be read, so they cannot be edited: %s"),
                                                      error->message);

          show_error (self, message);
        }
    }
  fill_field_rows (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
  show_label_check (GTK_WIDGET (self->new_label_row), self->new_label_message_row, NULL);
  check_name (self);

  gtk_label_set_text (self->save_label, item != NULL ? _("Changes are saved as you type") : "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);

  self->updating = FALSE;
}

void
gk_catalog_editor_set_item_key (GkCatalogEditor *self,
                                const char      *key)
{
  g_autoptr(GError) error = NULL;
  GkItem *item = NULL;

  g_return_if_fail (GK_IS_CATALOG_EDITOR (self));

  if (self->item != NULL && g_strcmp0 (self->item->key, key) == 0)
    return;

  /* Whatever was typed in the item shown is saved before it goes. */
  if (!gk_catalog_editor_flush (self, &error))
    {
      g_warning ("Could not save catalog item “%s”: %s", self->item->key, error->message);
      g_clear_error (&error);
    }

  if (key != NULL && self->store != NULL)
    {
      item = gk_store_get_item (self->store, key, &error);
      if (item == NULL)
        g_warning ("Could not read catalog item “%s”: %s", key, error->message);
    }

  g_clear_pointer (&self->item, gk_item_free);
  self->item = item;
  set_modified (self, FALSE);
  show_error (self, NULL);
  fill_units_menu (self);
  show_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_KEY]);
}

const char *
gk_catalog_editor_get_item_key (GkCatalogEditor *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return self->item != NULL ? self->item->key : NULL;
}

const GkItem *
gk_catalog_editor_get_item (GkCatalogEditor *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return self->item;
}

gboolean
gk_catalog_editor_get_modified (GkCatalogEditor *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), FALSE);

  return self->modified;
}

GtkWidget *
gk_catalog_editor_get_row (GkCatalogEditor *self,
                           const char      *name)
{
  const struct { const char *name; gsize offset; } rows[] = {
    { "name", G_STRUCT_OFFSET (GkCatalogEditor, name_row) },
    { "level1", G_STRUCT_OFFSET (GkCatalogEditor, level1_row) },
    { "contents", G_STRUCT_OFFSET (GkCatalogEditor, contents_view) },
    { "basis", G_STRUCT_OFFSET (GkCatalogEditor, basis_row) },
    { "retired", G_STRUCT_OFFSET (GkCatalogEditor, retired_switch) },
    { "rule", G_STRUCT_OFFSET (GkCatalogEditor, rule_row) },
    { "workdays", G_STRUCT_OFFSET (GkCatalogEditor, workdays_spin) },
    { "time-limit", G_STRUCT_OFFSET (GkCatalogEditor, time_limit_row) },
    { "units", G_STRUCT_OFFSET (GkCatalogEditor, units_row) },
    { "supervision", G_STRUCT_OFFSET (GkCatalogEditor, supervision_row) },
    { "new-label", G_STRUCT_OFFSET (GkCatalogEditor, new_label_row) },
    { "new-kind", G_STRUCT_OFFSET (GkCatalogEditor, new_kind_row) },
  };

  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset);
  return NULL;
}

const char *
gk_catalog_editor_get_message (GkCatalogEditor *self,
                               const char      *name)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  if (g_strcmp0 (name, "name") == 0)
    return gk_message_row_get_message (self->name_message_row);
  if (g_strcmp0 (name, "new-label") == 0)
    return gk_message_row_get_message (self->new_label_message_row);
  return NULL;
}

GtkWidget *
gk_catalog_editor_get_field_row (GkCatalogEditor *self,
                                 const char      *id)
{
  FieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  field_row = find_field_row (self, id);
  return field_row != NULL ? field_row->row : NULL;
}

const char *
gk_catalog_editor_get_field_message (GkCatalogEditor *self,
                                     const char      *id)
{
  FieldRow *field_row;

  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  field_row = find_field_row (self, id);
  return field_row != NULL ? gk_message_row_get_message (GK_MESSAGE_ROW (field_row->message_row)) : NULL;
}

GtkWidget *
gk_catalog_editor_get_channel_row (GkCatalogEditor *self,
                                   guint            index)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  if (index >= self->channel_rows->len)
    return NULL;
  return ((ChannelRow *) g_ptr_array_index (self->channel_rows, index))->row;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
gk_catalog_editor_dispose (GObject *object)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (object);
  g_autoptr(GError) error = NULL;

  /* Closing the window must not lose the last half second of typing. */
  if (self->modified && !gk_catalog_editor_flush (self, &error))
    g_warning ("Could not save catalog item “%s”: %s", self->item->key, error->message);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);

  if (self->field_rows != NULL)
    clear_field_rows (self);
  if (self->channel_rows != NULL)
    clear_channel_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_EDITOR);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);
  g_clear_pointer (&self->schema, gk_schema_unref);
  g_clear_pointer (&self->item, gk_item_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_catalog_editor_parent_class)->dispose (object);
}

static void
gk_catalog_editor_finalize (GObject *object)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (object);

  g_clear_pointer (&self->new_kinds, g_array_unref);

  G_OBJECT_CLASS (gk_catalog_editor_parent_class)->finalize (object);
}

static void
gk_catalog_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM_KEY:
      g_value_set_string (value, gk_catalog_editor_get_item_key (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GkCatalogEditor *self = GK_CATALOG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_ITEM_KEY:
      gk_catalog_editor_set_item_key (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_editor_class_init (GkCatalogEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_editor_dispose;
  object_class->finalize = gk_catalog_editor_finalize;
  object_class->get_property = gk_catalog_editor_get_property;
  object_class->set_property = gk_catalog_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The key of the catalog item shown, or NULL. */
  properties[PROP_ITEM_KEY] =
    g_param_spec_string ("item-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-catalog-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, level1_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, contents_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, contents_view);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, basis_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, retired_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, retired_switch);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, rule_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, rule_names);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, workdays_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, workdays_spin);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, time_limit_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, units_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, units_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, supervision_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, channels_group);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, new_label_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, new_label_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, new_kind_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, new_kind_names);

  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_label_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_label_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-channel", NULL, add_channel_action);
  gtk_widget_class_install_action (widget_class, "catalog.remove-channel", "u", remove_channel_action);
  gtk_widget_class_install_action (widget_class, "catalog.add-unit", "s", add_unit_action);
  gtk_widget_class_install_action (widget_class, "catalog.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.move-field-up", "s", move_field_up_action);
  gtk_widget_class_install_action (widget_class, "catalog.move-field-down", "s", move_field_down_action);
  gtk_widget_class_install_action (widget_class, "catalog.retire-field", "s", retire_field_action);
  gtk_widget_class_install_action (widget_class, "catalog.restore-field", "s", restore_field_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
}

static void
gk_catalog_editor_init (GkCatalogEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  self->channel_rows = g_ptr_array_new_with_free_func (g_free);
  self->new_kinds = g_array_new (FALSE, FALSE, sizeof (GkFieldKind));

  for (GkItemRuleChoice choice = 0; choice < GK_ITEM_RULE_N_CHOICES; choice++)
    gtk_string_list_append (self->rule_names, gk_item_rule_choice_describe (choice));

  for (GkFieldKind kind = 0; gk_field_kind_to_string (kind) != NULL; kind++)
    {
      if (!gk_field_kind_can_add (kind))
        continue;
      g_array_append_val (self->new_kinds, kind);
      gtk_string_list_append (self->new_kind_names, gk_field_kind_describe (kind));
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->contents_view), "changed",
                            G_CALLBACK (on_entry_changed_cb), self);
}

GtkWidget *
gk_catalog_editor_new (GkStore *store)
{
  return g_object_new (GK_TYPE_CATALOG_EDITOR, "store", store, NULL);
}
