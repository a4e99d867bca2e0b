/* gk-channel-row.c: one channel of a record as an expander row whose switch says whether the record appears there. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-channel-row.h"
#include "gk-field-editor.h"

struct _GkChannelRow
{
  AdwExpanderRow parent_instance;

  char *channel;
  gboolean asks_date;
  GtkSwitch *toggle;             /* used or not */
  GkFieldEditor *date;           /* NULL unless asks_date */
  GkFieldEditor *address;
  char *stored_date;             /* kept while the typed date is impossible */
};

G_DEFINE_FINAL_TYPE (GkChannelRow, gk_channel_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CHANNEL,
  PROP_ASKS_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_stripped_text (GkFieldEditor *editor)
{
  return editor != NULL ? g_strstrip (gk_field_editor_dup_text (editor)) : g_strdup ("");
}

static void
update_subtitle (GkChannelRow *self)
{
  g_autofree char *date = dup_stripped_text (self->date);
  g_autofree char *address = dup_stripped_text (self->address);
  g_autofree char *subtitle = NULL;

  if (!gk_channel_row_get_used (self))
    subtitle = g_strdup (_("Not used"));
  else if (*date == '\0' && *address == '\0')
    subtitle = g_strdup (self->asks_date ? _("Enter the date or the address") : "");
  else if (*address == '\0')
    subtitle = g_strdup (date);
  else if (*date == '\0')
    subtitle = g_strdup (address);
  else
    /* Translators: a channel's publication date, then its address */
    subtitle = g_strdup_printf (_("%s · %s"), date, address);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
on_editor_changed_cb (GkChannelRow *self)
{
  update_subtitle (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_toggle_active_cb (GkChannelRow *self)
{
  /* Switching a channel on opens its date and address; off folds them. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), gtk_switch_get_active (self->toggle));
  update_subtitle (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_expanded_cb (GkChannelRow *self)
{
  /* Opening an unused channel chooses it: there is nothing to fill in otherwise. */
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)) && !gtk_switch_get_active (self->toggle))
    gtk_switch_set_active (self->toggle, TRUE);
}

static void
add_editor (GkChannelRow  *self,
            GkFieldEditor *editor)
{
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), gk_field_editor_get_row (editor));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), gk_field_editor_get_message_row (editor));
}

static void
gk_channel_row_constructed (GObject *object)
{
  GkChannelRow *self = GK_CHANNEL_ROW (object);
  g_autoptr(GkField) date_field = gk_field_new ("published_on", _("Published On"), GK_FIELD_DATE);
  g_autoptr(GkField) address_field = gk_field_new ("address", _("Web Address (https://…) or Place"), GK_FIELD_TEXT);
  g_autofree char *switch_name = NULL;

  G_OBJECT_CLASS (gk_channel_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->channel);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  /* Not the expander's own enable switch: libadwaita greys the row while it
   * is off, and a clerk reads a greyed channel as one that cannot be chosen.
   * A channel is not used until the record says so. */
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  /* The switch alone says "on" or "off": its name says which channel. */
  /* Translators: the accessible name of a channel's switch; %s is the channel (政府门户网站) */
  switch_name = g_strdup_printf (_("Published in %s"), self->channel);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_name, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->toggle));
  g_signal_connect_object (self->toggle, "notify::active", G_CALLBACK (on_toggle_active_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_cb), NULL);

  if (self->asks_date)
    {
      self->date = gk_field_editor_new (date_field);
      add_editor (self, self->date);
    }
  self->address = gk_field_editor_new (address_field);
  gk_channel_row_set_known_address (self, NULL);
  add_editor (self, self->address);
  update_subtitle (self);
}

static void
gk_channel_row_dispose (GObject *object)
{
  GkChannelRow *self = GK_CHANNEL_ROW (object);

  g_clear_object (&self->date);
  g_clear_object (&self->address);

  G_OBJECT_CLASS (gk_channel_row_parent_class)->dispose (object);
}

static void
gk_channel_row_finalize (GObject *object)
{
  GkChannelRow *self = GK_CHANNEL_ROW (object);

  g_free (self->channel);
  g_free (self->stored_date);

  G_OBJECT_CLASS (gk_channel_row_parent_class)->finalize (object);
}

static void
gk_channel_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkChannelRow *self = GK_CHANNEL_ROW (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;
    case PROP_ASKS_DATE:
      g_value_set_boolean (value, self->asks_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_channel_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkChannelRow *self = GK_CHANNEL_ROW (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      self->channel = g_value_dup_string (value);
      break;
    case PROP_ASKS_DATE:
      self->asks_date = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_channel_row_class_init (GkChannelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gk_channel_row_constructed;
  object_class->dispose = gk_channel_row_dispose;
  object_class->finalize = gk_channel_row_finalize;
  object_class->get_property = gk_channel_row_get_property;
  object_class->set_property = gk_channel_row_set_property;

  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASKS_DATE] =
    g_param_spec_boolean ("asks-date", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkChannelRow::changed:
   *
   * The channel was switched on or off, or its date or address changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_channel_row_init (GkChannelRow *self)
{
}

GtkWidget *
gk_channel_row_new (const char *channel,
                    gboolean    asks_date)
{
  g_return_val_if_fail (channel != NULL, NULL);

  return g_object_new (GK_TYPE_CHANNEL_ROW, "channel", channel, "asks-date", asks_date, NULL);
}

const char *
gk_channel_row_get_channel (GkChannelRow *self)
{
  g_return_val_if_fail (GK_IS_CHANNEL_ROW (self), NULL);
  return self->channel;
}

GkChannelRow *
gk_channel_row_find (GPtrArray  *rows,
                     const char *channel)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GkChannelRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->channel, channel) == 0)
        return row;
    }
  return NULL;
}

gboolean
gk_channel_row_get_used (GkChannelRow *self)
{
  g_return_val_if_fail (GK_IS_CHANNEL_ROW (self), FALSE);
  return gtk_switch_get_active (self->toggle);
}

void
gk_channel_row_set_used (GkChannelRow *self,
                         gboolean      used)
{
  g_return_if_fail (GK_IS_CHANNEL_ROW (self));
  gtk_switch_set_active (self->toggle, used);
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node;

  if (text == NULL || *text == '\0')
    return NULL;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  return node;
}

void
gk_channel_row_set_stored (GkChannelRow *self,
                           const char   *date,
                           const char   *address)
{
  g_autoptr(JsonNode) date_node = string_node (date);
  g_autoptr(JsonNode) address_node = string_node (address);

  g_return_if_fail (GK_IS_CHANNEL_ROW (self));

  g_free (self->stored_date);
  self->stored_date = g_strdup (date);
  if (self->date != NULL)
    gk_field_editor_set_value (self->date, date_node);
  gk_field_editor_set_value (self->address, address_node);
  gk_channel_row_set_used (self, date_node != NULL || address_node != NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), FALSE);
  update_subtitle (self);
}

void
gk_channel_row_set_text (GkChannelRow *self,
                         const char   *date,
                         const char   *address)
{
  g_return_if_fail (GK_IS_CHANNEL_ROW (self));

  gk_channel_row_set_used (self, date != NULL || address != NULL);
  if (self->date != NULL)
    gk_field_editor_set_text (self->date, date);
  gk_field_editor_set_text (self->address, address);
}

char *
gk_channel_row_dup_date_text (GkChannelRow *self)
{
  g_return_val_if_fail (GK_IS_CHANNEL_ROW (self), NULL);
  return self->date != NULL ? gk_field_editor_dup_text (self->date) : g_strdup ("");
}

char *
gk_channel_row_dup_address_text (GkChannelRow *self)
{
  g_return_val_if_fail (GK_IS_CHANNEL_ROW (self), NULL);
  return gk_field_editor_dup_text (self->address);
}

const char *
gk_channel_row_get_date_problem (GkChannelRow *self)
{
  g_return_val_if_fail (GK_IS_CHANNEL_ROW (self), NULL);

  if (self->date == NULL || !gk_channel_row_get_used (self) ||
      gk_field_editor_get_severity (self->date) != GK_SEVERITY_ERROR)
    return NULL;
  return gk_field_editor_get_message (self->date);
}

GkRecordChannel *
gk_channel_row_dup_record_channel (GkChannelRow *self)
{
  JsonNode *address;
  JsonNode *date;
  const char *date_text = NULL;

  g_return_val_if_fail (GK_IS_CHANNEL_ROW (self), NULL);

  if (!gk_channel_row_get_used (self))
    return NULL;

  if (self->date != NULL && gk_field_editor_get_severity (self->date) == GK_SEVERITY_ERROR)
    date_text = self->stored_date;
  else if (self->date != NULL && (date = gk_field_editor_get_value (self->date)) != NULL)
    date_text = json_node_get_string (date);
  address = gk_field_editor_get_value (self->address);
  return gk_record_channel_new (self->channel, date_text, address != NULL ? json_node_get_string (address) : NULL);
}

void
gk_channel_row_set_stored_date (GkChannelRow *self,
                                const char   *date)
{
  g_return_if_fail (GK_IS_CHANNEL_ROW (self));

  g_free (self->stored_date);
  self->stored_date = g_strdup (date);
}

void
gk_channel_row_set_known_address (GkChannelRow *self,
                                  const char   *known)
{
  GtkWidget *row;
  g_autofree char *title = NULL;
  g_autofree char *typed = NULL;

  g_return_if_fail (GK_IS_CHANNEL_ROW (self));

  /* The entry's title is its hint: what to type for this channel. */
  row = gk_field_editor_get_row (self->address);
  if (known == NULL || *known == '\0')
    /* Translators: %s is a channel (政府门户网站) */
    title = g_strdup_printf (_("Address in %s: its web page (https://…) or the place it is posted"), self->channel);
  else if (g_str_has_prefix (known, "http://") || g_str_has_prefix (known, "https://"))
    /* Translators: %s is the web site the channel's records were last published on */
    title = g_strdup_printf (_("Web page of the record on %s…"), known);
  else
    /* Translators: %s is the place the channel's records were last posted at */
    title = g_strdup_printf (_("Place where it is posted, as before: %s"), known);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (row, NULL);

  /* Known from the records before: filled in, for the clerk to complete. */
  typed = dup_stripped_text (self->address);
  if (known != NULL && *known != '\0' && *typed == '\0')
    gk_field_editor_set_text (self->address, known);
}
