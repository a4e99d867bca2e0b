/* gk-catalog-channels.c: the channels of a catalog item in its editor: add, rename and remove them. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-channels.h"
#include "gk-item-edit.h"
#include "gk-message-row.h"

/* One channel: its name and the problem under it. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *message_row;
} ChannelRow;

struct _GkCatalogChannels
{
  GtkWidget parent_instance;

  /* Template children */
  AdwPreferencesGroup *channels_group;

  GPtrArray *channel_rows;   /* ChannelRow */
  gboolean has_item;         /* there is an item whose channels these are */
};

G_DEFINE_FINAL_TYPE (GkCatalogChannels, gk_catalog_channels, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The channel names typed, in order. */
static GStrv
dup_channel_names (GkCatalogChannels *self)
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
check_channels (GkCatalogChannels *self)
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

static void
on_channel_row_changed_cb (GkCatalogChannels *self)
{
  check_channels (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_channel_rows (GkCatalogChannels *self)
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
add_channel_row (GkCatalogChannels *self,
                 const char        *name)
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
fill_channel_rows (GkCatalogChannels  *self,
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
  GkCatalogChannels *self = GK_CATALOG_CHANNELS (widget);
  ChannelRow *channel_row;

  if (!self->has_item)
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
  GkCatalogChannels *self = GK_CATALOG_CHANNELS (widget);
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
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gk_catalog_channels_set_channels (GkCatalogChannels  *self,
                                  const char * const *names)
{
  g_return_if_fail (GK_IS_CATALOG_CHANNELS (self));

  self->has_item = names != NULL;
  fill_channel_rows (self, names);
}

GStrv
gk_catalog_channels_dup_channels (GkCatalogChannels *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_CHANNELS (self), NULL);

  if (!self->has_item || !check_channels (self))
    return NULL;
  return dup_channel_names (self);
}

GtkWidget *
gk_catalog_channels_get_row (GkCatalogChannels *self,
                             guint              index)
{
  g_return_val_if_fail (GK_IS_CATALOG_CHANNELS (self), NULL);

  if (index >= self->channel_rows->len)
    return NULL;
  return ((ChannelRow *) g_ptr_array_index (self->channel_rows, index))->row;
}

static void
gk_catalog_channels_dispose (GObject *object)
{
  GkCatalogChannels *self = GK_CATALOG_CHANNELS (object);

  if (self->channel_rows != NULL)
    clear_channel_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_CHANNELS);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_catalog_channels_parent_class)->dispose (object);
}

static void
gk_catalog_channels_class_init (GkCatalogChannelsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_channels_dispose;

  /* A channel was named, renamed or removed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-channels.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogChannels, channels_group);

  gtk_widget_class_install_action (widget_class, "catalog.add-channel", NULL, add_channel_action);
  gtk_widget_class_install_action (widget_class, "catalog.remove-channel", "u", remove_channel_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_catalog_channels_init (GkCatalogChannels *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->channel_rows = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
gk_catalog_channels_new (void)
{
  return g_object_new (GK_TYPE_CATALOG_CHANNELS, NULL);
}
