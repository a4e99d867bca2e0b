/* gk-catalog-editor.c: the content pane for a catalog item (公开目录): its texts, rule, channels and fields, saved as the clerk works. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-channels.h"
#include "gk-catalog-editor.h"
#include "gk-catalog-fields.h"
#include "gk-deadline.h"
#include "gk-item-edit.h"
#include "gk-message-row.h"
#include "gk-undo-toast.h"

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
  GkCatalogChannels *channels;
  GkCatalogFields *fields;

  GkStore *store;
  GkItem *item;              /* as last saved or loaded; never changed in place */
  guint save_timeout_id;
  gboolean modified;
  gboolean updating;         /* filling the widgets: not an edit */
  gboolean undoing;          /* the retired switch set back by its toast */
  AdwToast *retired_toast;   /* weak; offers to take back the last retirement */
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

static char *
build_rule (GkCatalogEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->rule_row);

  if (selected >= GK_ITEM_RULE_N_CHOICES)
    return g_strdup (gk_item_get_deadline_rule (self->item));
  return gk_item_rule_build_from ((GkItemRuleChoice) selected, (guint) gtk_spin_button_get_value_as_int (self->workdays_spin),
                                  gk_item_get_deadline_rule (self->item));
}

/* The item as the widgets show it; what is invalid keeps its saved value. */
static GkItem *
compose_item (GkCatalogEditor *self)
{
  GkItem *item = gk_item_copy (self->item);
  g_autofree char *name = dup_entry_text (self->name_row);
  g_autofree char *level1 = dup_entry_text (self->level1_row);
  g_autofree char *contents = dup_contents_text (self);
  g_autofree char *time_limit = dup_entry_text (self->time_limit_row);
  g_autofree char *rule = build_rule (self);
  g_autofree char *supervision = dup_entry_text (self->supervision_row);
  g_auto(GStrv) basis = gk_item_split_list (gtk_editable_get_text (GTK_EDITABLE (self->basis_row)),
                                            GK_ITEM_BASIS_SEPARATORS);
  g_auto(GStrv) units = gk_item_split_list (gtk_editable_get_text (GTK_EDITABLE (self->units_row)),
                                            GK_ITEM_UNIT_SEPARATORS);
  g_auto(GStrv) channels = gk_catalog_channels_dup_channels (self->channels);
  g_autoptr(GkSchema) schema = gk_catalog_fields_dup_schema (self->fields);

  if (*name != '\0')
    gk_item_set_level2 (item, name);
  gk_item_set_level1 (item, level1);
  gk_item_set_contents (item, contents);
  gk_item_set_basis (item, (const char * const *) basis);
  gk_item_set_time_limit (item, time_limit);
  gk_item_set_deadline_rule (item, rule);
  gk_item_set_units (item, (const char * const *) units);
  gk_item_set_supervision (item, supervision);
  if (channels != NULL)
    gk_item_set_channels (item, (const char * const *) channels);
  if (schema != NULL)
    gk_item_set_schema (item, schema);
  gk_item_set_retired (item, gtk_switch_get_active (self->retired_switch));

  return item;
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
  if (!gk_item_equal (item, self->item))
    {
      g_autoptr(GkItem) before = self->item;

      /* The item is the saved one already while the store tells the
       * window, which shows its name, that the catalog changed. */
      self->item = g_steal_pointer (&item);
      if (!gk_store_save_item (self->store, self->item, &local_error))
        {
          g_autofree char *message = g_strdup_printf (_("The last changes could not be saved: %s"), local_error->message);

          g_object_unref (self->item);
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

/* Undo of the retired switch: set back, saved, without a toast of its own. */
static void
undo_retired (GkCatalogEditor *self)
{
  self->undoing = TRUE;
  gtk_switch_set_active (self->retired_switch, !gtk_switch_get_active (self->retired_switch));
  self->undoing = FALSE;
}

/* Retiring or restoring a whole item takes effect at once, as a field's
 * retirement does: it is saved now, and its toast takes it back. */
static void
on_retired_switch_cb (GkCatalogEditor *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  schedule_save (self);
  if (self->updating || self->item == NULL)
    return;
  /* A failure shows above the form, and the edit stays pending. */
  if (!gk_catalog_editor_flush (self, &error) || self->undoing)
    return;

  title = g_strdup_printf (gk_item_get_retired (self->item) ? _("“%s” retired") : _("“%s” offered again"),
                           gk_item_get_level2 (self->item));
  gk_undo_toast_offer (GTK_WIDGET (self), &self->retired_toast, title, G_CALLBACK (undo_retired));
}

static void
on_rule_row_selected_cb (GkCatalogEditor *self)
{
  gtk_widget_set_visible (self->workdays_row,
                          adw_combo_row_get_selected (self->rule_row) == GK_ITEM_RULE_CHOICE_WORKDAYS ||
                          adw_combo_row_get_selected (self->rule_row) == GK_ITEM_RULE_CHOICE_DAYS);
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
  const char *unit = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) units = gk_item_split_list (gtk_editable_get_text (GTK_EDITABLE (self->units_row)),
                                            GK_ITEM_UNIT_SEPARATORS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) listed = NULL;
  g_autofree char *text = NULL;

  if (g_strv_contains ((const char * const *) units, unit))
    return;
  g_strv_builder_addv (builder, (const char **) units);
  g_strv_builder_add (builder, unit);
  listed = g_strv_builder_end (builder);
  text = g_strjoinv ("、", listed);
  gtk_editable_set_text (GTK_EDITABLE (self->units_row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->units_row), -1);
}

static void
on_fields_error_cb (GkCatalogEditor *self,
                    const char      *message)
{
  show_error (self, message);
}

/* ------------------------------------------------------------------ */
/* Showing an item                                                     */

static void
show_item (GkCatalogEditor *self)
{
  GkItem *item = self->item;
  GkItemRuleChoice choice = GK_ITEM_RULE_CHOICE_PROACTIVE;
  guint workdays = GK_DEADLINE_PROACTIVE_WORKDAYS;
  g_autofree char *basis = item != NULL ? gk_item_dup_basis_text (item) : NULL;
  g_autofree char *units = item != NULL ? g_strjoinv ("、", (GStrv) gk_item_get_units (item)) : NULL;
  g_autoptr(GError) error = NULL;

#define TEXT_OF(getter) (item != NULL && gk_item_get_##getter (item) != NULL ? gk_item_get_##getter (item) : "")

  self->updating = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), TEXT_OF (level2));
  gtk_editable_set_text (GTK_EDITABLE (self->level1_row), TEXT_OF (level1));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->contents_view), TEXT_OF (contents), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->basis_row), basis != NULL ? basis : "");
  gtk_switch_set_active (self->retired_switch, item != NULL && gk_item_get_retired (item));
  gtk_editable_set_text (GTK_EDITABLE (self->time_limit_row), TEXT_OF (time_limit));
  gtk_editable_set_text (GTK_EDITABLE (self->units_row), units != NULL ? units : "");
  gtk_editable_set_text (GTK_EDITABLE (self->supervision_row), TEXT_OF (supervision));

#undef TEXT_OF

  if (item != NULL && !gk_item_rule_read (gk_item_get_deadline_rule (item), &choice, &workdays, &error))
    {
      /* An unreadable rule is shown as it is and left alone. */
      g_warning ("Catalog item “%s”: %s", gk_item_get_key (item), error->message);
      g_clear_error (&error);
    }
  adw_combo_row_set_selected (self->rule_row, choice);
  gtk_spin_button_set_value (self->workdays_spin, MAX (workdays, 1));
  gtk_widget_set_visible (self->workdays_row, choice == GK_ITEM_RULE_CHOICE_WORKDAYS || choice == GK_ITEM_RULE_CHOICE_DAYS);

  gk_catalog_channels_set_channels (self->channels, item != NULL ? gk_item_get_channels (item) : NULL);

  gk_catalog_fields_set_schema (self->fields, item != NULL ? gk_item_get_id (item) : 0,
                                item != NULL ? gk_item_get_schema (item) : NULL);
  if (item != NULL && gk_item_get_schema (item) == NULL)
    show_error (self, _("The fields of this item cannot be read, so they cannot be edited."));
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

  if (self->item != NULL && g_strcmp0 (gk_item_get_key (self->item), key) == 0)
    return;

  /* Whatever was typed in the item shown is saved before it goes. */
  if (!gk_catalog_editor_flush (self, &error))
    {
      g_warning ("Could not save catalog item “%s”: %s", gk_item_get_key (self->item), error->message);
      g_clear_error (&error);
    }

  if (key != NULL && self->store != NULL)
    {
      item = gk_store_get_item (self->store, key, &error);
      if (item == NULL)
        g_warning ("Could not read catalog item “%s”: %s", key, error->message);
    }

  /* Undo speaks of the item shown. */
  gk_undo_toast_forget (&self->retired_toast);
  g_clear_object (&self->item);
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

  return self->item != NULL ? gk_item_get_key (self->item) : NULL;
}

GkItem *
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
  };

  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset);
  return gk_catalog_fields_get_row (self->fields, name);
}

const char *
gk_catalog_editor_get_message (GkCatalogEditor *self,
                               const char      *name)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  if (g_strcmp0 (name, "name") == 0)
    return gk_message_row_get_message (self->name_message_row);
  return gk_catalog_fields_get_message (self->fields, name);
}

GtkWidget *
gk_catalog_editor_get_field_row (GkCatalogEditor *self,
                                 const char      *id)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return gk_catalog_fields_get_field_row (self->fields, id);
}

const char *
gk_catalog_editor_get_field_message (GkCatalogEditor *self,
                                     const char      *id)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return gk_catalog_fields_get_field_message (self->fields, id);
}

GtkWidget *
gk_catalog_editor_get_channel_row (GkCatalogEditor *self,
                                   guint            index)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return gk_catalog_channels_get_row (self->channels, index);
}

GkCatalogFields *
gk_catalog_editor_get_fields (GkCatalogEditor *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return self->fields;
}

GkCatalogChannels *
gk_catalog_editor_get_channels (GkCatalogEditor *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_EDITOR (self), NULL);

  return self->channels;
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
    g_warning ("Could not save catalog item “%s”: %s", gk_item_get_key (self->item), error->message);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  gk_undo_toast_forget (&self->retired_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_EDITOR);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_catalog_editor_parent_class)->dispose (object);
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
      gk_catalog_fields_set_store (self->fields, self->store);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-editor.ui");
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
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, channels);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogEditor, fields);

  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retired_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_error_cb);

  gtk_widget_class_install_action (widget_class, "catalog.add-unit", "s", add_unit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
  g_type_ensure (GK_TYPE_CATALOG_CHANNELS);
  g_type_ensure (GK_TYPE_CATALOG_FIELDS);
}

static void
gk_catalog_editor_init (GkCatalogEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (GkItemRuleChoice choice = 0; choice < GK_ITEM_RULE_N_CHOICES; choice++)
    gtk_string_list_append (self->rule_names, gk_item_rule_choice_describe (choice));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->contents_view), "changed",
                            G_CALLBACK (on_entry_changed_cb), self);
}

GtkWidget *
gk_catalog_editor_new (GkStore *store)
{
  return g_object_new (GK_TYPE_CATALOG_EDITOR, "store", store, NULL);
}
