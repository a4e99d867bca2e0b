/* gk-catalog-field-row.c: one field of a catalog item in its editor: the label to edit, its kind as title, the problem under it, move and retire buttons. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-field-row.h"
#include "gk-item-edit.h"
#include "gk-message-row.h"

struct _GkCatalogFieldRow
{
  AdwEntryRow parent_instance;

  char *field_id;
  GtkWidget *message_row;    /* owned: the section puts it under this row */
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *retire_button;
  GtkWidget *edit_button;
};

G_DEFINE_FINAL_TYPE (GkCatalogFieldRow, gk_catalog_field_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_FIELD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @action_name NULL: a button that does nothing here (the first field
 * cannot move up), shown off. An action would turn it back on. */
static GtkWidget *
add_button (GkCatalogFieldRow *self,
            const char        *icon_name,
            const char        *tooltip,
            const char        *accessible_label,
            const char        *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->field_id);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
  return button;
}

static void
gk_catalog_field_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GkCatalogFieldRow *self = GK_CATALOG_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_ID:
      g_value_set_string (value, self->field_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_field_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GkCatalogFieldRow *self = GK_CATALOG_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_ID:
      self->field_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_field_row_dispose (GObject *object)
{
  GkCatalogFieldRow *self = GK_CATALOG_FIELD_ROW (object);

  g_clear_object (&self->message_row);

  G_OBJECT_CLASS (gk_catalog_field_row_parent_class)->dispose (object);
}

static void
gk_catalog_field_row_finalize (GObject *object)
{
  GkCatalogFieldRow *self = GK_CATALOG_FIELD_ROW (object);

  g_free (self->field_id);

  G_OBJECT_CLASS (gk_catalog_field_row_parent_class)->finalize (object);
}

static void
gk_catalog_field_row_class_init (GkCatalogFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_catalog_field_row_dispose;
  object_class->finalize = gk_catalog_field_row_finalize;
  object_class->get_property = gk_catalog_field_row_get_property;
  object_class->set_property = gk_catalog_field_row_set_property;

  properties[PROP_FIELD_ID] =
    g_param_spec_string ("field-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_catalog_field_row_init (GkCatalogFieldRow *self)
{
  self->message_row = g_object_ref_sink (gk_message_row_new ());
}

GtkWidget *
gk_catalog_field_row_new (const GkField *field,
                          guint          position,
                          guint          n_fields,
                          const char    *text)
{
  const char *kind = gk_field_kind_describe (field->kind);
  GkCatalogFieldRow *self;
  g_autofree char *title = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *retire = NULL;
  g_autofree char *edit = NULL;

  /* The label is what is edited; the title says what kind of value it holds. */
  if (field->retired)
    /* Translators: the kind of a field (Money, Date…) that is retired */
    title = g_strdup_printf (_("%s · Retired"), kind);
  else if (field->required)
    /* Translators: the kind of a field (Money, Date…) that must be filled */
    title = g_strdup_printf (_("%s · Required"), kind);
  else
    title = g_strdup (kind);

  self = g_object_new (GK_TYPE_CATALOG_FIELD_ROW, "field-id", field->id, "title", title, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : field->label);
  if (field->retired)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");

  up = g_strdup_printf (_("Move “%s” up"), field->label);
  down = g_strdup_printf (_("Move “%s” down"), field->label);
  self->up_button = add_button (self, "go-up-symbolic", _("Move Up"), up,
                                position > 0 ? "catalog.move-field-up" : NULL);
  self->down_button = add_button (self, "go-down-symbolic", _("Move Down"), down,
                                  position + 1 < n_fields ? "catalog.move-field-down" : NULL);
  edit = g_strdup_printf (_("Kind, required and choices of “%s”"), field->label);
  self->edit_button = add_button (self, "emblem-system-symbolic", _("Edit Field"), edit,
                                  field->retired ? NULL : "catalog.edit-field");
  if (field->retired)
    {
      retire = g_strdup_printf (_("Offer “%s” again"), field->label);
      self->retire_button = add_button (self, "edit-undo-symbolic", _("Offer Again"), retire,
                                        "catalog.restore-field");
    }
  else
    {
      retire = g_strdup_printf (_("Retire “%s”"), field->label);
      self->retire_button = add_button (self, "action-unavailable-symbolic", _("Retire"), retire,
                                        "catalog.retire-field");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->message_row), field->label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (GK_MESSAGE_ROW (self->message_row)), NULL, -1);
  return GTK_WIDGET (self);
}

const char *
gk_catalog_field_row_get_field_id (GkCatalogFieldRow *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELD_ROW (self), NULL);
  return self->field_id;
}

GtkWidget *
gk_catalog_field_row_get_message_row (GkCatalogFieldRow *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELD_ROW (self), NULL);
  return self->message_row;
}

GtkWidget *
gk_catalog_field_row_get_move_button (GkCatalogFieldRow *self,
                                      gboolean           up)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELD_ROW (self), NULL);
  return up ? self->up_button : self->down_button;
}

GtkWidget *
gk_catalog_field_row_get_retire_button (GkCatalogFieldRow *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_FIELD_ROW (self), NULL);
  return self->retire_button;
}

void
gk_catalog_field_row_show_check (GkCatalogFieldRow  *self,
                                 const GkValidation *check)
{
  gboolean bad = check != NULL && check->severity != GK_SEVERITY_OK;

  g_return_if_fail (GK_IS_CATALOG_FIELD_ROW (self));

  gk_message_row_show_error (GK_MESSAGE_ROW (self->message_row), GTK_WIDGET (self), bad ? check->message : NULL);
}
