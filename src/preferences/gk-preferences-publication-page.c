/* gk-preferences-publication-page.c: Preferences: the default channels and the disclosure guide's contacts. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-message-row.h"
#include "gk-preferences-publication-page.h"
#include "gk-settings.h"

static const struct
{
  GkGuideField field;
  const char *title;
  GtkInputPurpose purpose;
} guide_fields[] = {
  { GK_GUIDE_OFFICE, N_("Accepting Office"), GTK_INPUT_PURPOSE_FREE_FORM },
  { GK_GUIDE_ADDRESS, N_("Address"), GTK_INPUT_PURPOSE_FREE_FORM },
  { GK_GUIDE_POSTCODE, N_("Postal Code"), GTK_INPUT_PURPOSE_DIGITS },
  { GK_GUIDE_PHONE, N_("Phone"), GTK_INPUT_PURPOSE_PHONE },
  { GK_GUIDE_FAX, N_("Fax"), GTK_INPUT_PURPOSE_PHONE },
  { GK_GUIDE_EMAIL, N_("Email"), GTK_INPUT_PURPOSE_EMAIL },
  { GK_GUIDE_HOURS, N_("Office Hours"), GTK_INPUT_PURPOSE_FREE_FORM },
  { GK_GUIDE_WEBSITE, N_("Website"), GTK_INPUT_PURPOSE_URL },
};

struct _GkPreferencesPublicationPage
{
  AdwPreferencesPage parent_instance;

  AdwPreferencesGroup *channels_group;
  AdwEntryRow *new_channel_row;
  AdwPreferencesGroup *guide_group;

  GkStore *store;
  GPtrArray *channel_rows;
  AdwEntryRow *guide_rows[GK_GUIDE_N_FIELDS];
  GkMessageRow *guide_messages[GK_GUIDE_N_FIELDS];
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (GkPreferencesPublicationPage, gk_preferences_publication_page, ADW_TYPE_PREFERENCES_PAGE)

static void
add_toast (GkPreferencesPublicationPage *self,
           AdwToast          *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ------------------------------------------------------------------ */
/* Default channels                                                    */

static void fill_channels (GkPreferencesPublicationPage *self);

static gboolean
save_channels (GkPreferencesPublicationPage  *self,
               const char * const *channels)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = gk_store_set_default_channels (self->store, channels, &error);

  if (!saved)
    add_toast (self, adw_toast_new (error->message));
  fill_channels (self);
  return saved;
}

static GStrv
dup_channels (GkPreferencesPublicationPage *self)
{
  g_autoptr(GError) error = NULL;
  GStrv channels = gk_store_get_default_channels (self->store, &error);

  if (channels == NULL)
    {
      add_toast (self, adw_toast_new (error->message));
      channels = g_new0 (char *, 1);
    }
  return channels;
}

static guint
row_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gk-index"));
}

static void
on_channel_apply_cb (GkPreferencesPublicationPage *self,
                     AdwEntryRow       *row)
{
  g_auto(GStrv) channels = dup_channels (self);
  guint index = row_index (GTK_WIDGET (row));

  if (index >= g_strv_length (channels))
    return;
  g_free (channels[index]);
  channels[index] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  save_channels (self, (const char * const *) channels);
}

static void
move_channel (GkPreferencesPublicationPage *self,
              guint              index,
              int                delta)
{
  g_auto(GStrv) channels = dup_channels (self);
  guint n = g_strv_length (channels);
  guint other = index + delta;
  char *swap;

  if (index >= n || other >= n)
    return;
  swap = channels[index];
  channels[index] = channels[other];
  channels[other] = swap;
  if (save_channels (self, (const char * const *) channels))
    {
      /* Keep the keyboard on the button that moved the channel. */
      AdwEntryRow *row = g_ptr_array_index (self->channel_rows, other);
      GtkWidget *button = g_object_get_data (G_OBJECT (row), delta < 0 ? "gk-up" : "gk-down");

      if (gtk_widget_get_sensitive (button))
        gtk_widget_grab_focus (button);
      else
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
on_up_clicked_cb (GkPreferencesPublicationPage *self,
                  GtkButton         *button)
{
  move_channel (self, row_index (GTK_WIDGET (button)), -1);
}

static void
on_down_clicked_cb (GkPreferencesPublicationPage *self,
                    GtkButton         *button)
{
  move_channel (self, row_index (GTK_WIDGET (button)), 1);
}

static void
on_removal_undo_cb (AdwToast          *toast,
                    GkPreferencesPublicationPage *self)
{
  GStrv before = g_object_get_data (G_OBJECT (toast), "gk-before");

  save_channels (self, (const char * const *) before);
}

static void
on_remove_clicked_cb (GkPreferencesPublicationPage *self,
                      GtkButton         *button)
{
  g_auto(GStrv) channels = dup_channels (self);
  g_autoptr(GStrvBuilder) after = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;
  guint index = row_index (GTK_WIDGET (button));
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (index >= g_strv_length (channels))
    return;
  for (guint i = 0; channels[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (after, channels[i]);
  remaining = g_strv_builder_end (after);

  if (!save_channels (self, (const char * const *) remaining))
    return;

  title = g_strdup_printf (_("Removed the channel “%s”"), channels[index]);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "gk-before", g_steal_pointer (&channels), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_removal_undo_cb), self, 0);
  add_toast (self, toast);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_channel_row));
}

static GtkWidget *
suffix_button (GkPreferencesPublicationPage *self,
               const char        *icon_name,
               GCallback          callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
new_channel_row (GkPreferencesPublicationPage *self,
                 guint              index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up = suffix_button (self, "go-up-symbolic", G_CALLBACK (on_up_clicked_cb));
  GtkWidget *down = suffix_button (self, "go-down-symbolic", G_CALLBACK (on_down_clicked_cb));
  GtkWidget *remove = suffix_button (self, "user-trash-symbolic", G_CALLBACK (on_remove_clicked_cb));
  g_autofree char *title = g_strdup_printf (_("Channel %u"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "gk-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "gk-up", up);
  g_object_set_data (G_OBJECT (row), "gk-down", down);
  g_object_set_data (G_OBJECT (row), "gk-remove", remove);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_channel_apply_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
label_button (GtkWidget  *button,
              const char *format,
              const char *channel)
{
  g_autofree char *label = g_strdup_printf (format, channel);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Rows are kept and relabelled, so that a move keeps the keyboard where it
 * was; only surplus rows go, kept alive until the click that removed them
 * has finished. */
static void
fill_channels (GkPreferencesPublicationPage *self)
{
  g_auto(GStrv) channels = dup_channels (self);
  guint n = g_strv_length (channels);

  while (self->channel_rows->len > n)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->channel_rows, self->channel_rows->len - 1);

      g_idle_add_once ((GSourceOnceFunc) g_object_unref, g_object_ref (row));
      adw_preferences_group_remove (self->channels_group, row);
    }
  while (self->channel_rows->len < n)
    {
      GtkWidget *row = new_channel_row (self, self->channel_rows->len);

      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->channel_rows, row);
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->channel_rows, i);
      GtkWidget *up = g_object_get_data (G_OBJECT (row), "gk-up");
      GtkWidget *down = g_object_get_data (G_OBJECT (row), "gk-down");

      gtk_editable_set_text (GTK_EDITABLE (row), channels[i]);
      label_button (up, _("Move “%s” up"), channels[i]);
      label_button (down, _("Move “%s” down"), channels[i]);
      label_button (g_object_get_data (G_OBJECT (row), "gk-remove"), _("Remove “%s”"), channels[i]);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < n);
    }
}

static void
on_new_channel_apply_cb (GkPreferencesPublicationPage *self,
                         AdwEntryRow       *row)
{
  g_auto(GStrv) channels = dup_channels (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;

  g_strv_builder_addv (builder, (const char **) channels);
  g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (row)));
  wanted = g_strv_builder_end (builder);

  if (save_channels (self, (const char * const *) wanted))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_reset_channels_clicked_cb (GkPreferencesPublicationPage *self)
{
  g_auto(GStrv) before = dup_channels (self);
  AdwToast *toast;

  if (!save_channels (self, NULL))
    return;

  toast = adw_toast_new (_("The built-in channels are back"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "gk-before", g_steal_pointer (&before), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_removal_undo_cb), self, 0);
  add_toast (self, toast);
}

/* ------------------------------------------------------------------ */
/* The disclosure guide                                                */

static void
show_problem (GtkWidget    *row,
              GkMessageRow *message_row,
              const char   *message,
              GkSeverity    severity)
{
  gk_message_row_set_message (message_row, message, severity);
  if (severity == GK_SEVERITY_ERROR)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               severity == GK_SEVERITY_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
on_guide_changed_cb (GkPreferencesPublicationPage *self,
                     AdwEntryRow       *row)
{
  GkGuideField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gk-field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GkValidation) check = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->store == NULL)
    return;

  check = gk_guide_validate (field, text);
  if (check->severity == GK_SEVERITY_ERROR)
    {
      /* Translators: a problem with a typed value, then what happens to it */
      g_autofree char *message = g_strdup_printf (_("%s. Not saved until it is corrected."), check->message);

      show_problem (GTK_WIDGET (row), self->guide_messages[field], message, GK_SEVERITY_ERROR);
      return;
    }

  if (!gk_store_set_guide (self->store, field, text, &error))
    {
      show_problem (GTK_WIDGET (row), self->guide_messages[field], error->message, GK_SEVERITY_ERROR);
      return;
    }
  show_problem (GTK_WIDGET (row), self->guide_messages[field], check->message, check->severity);
}

static void
build_guide_rows (GkPreferencesPublicationPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (guide_fields); i++)
    {
      GkGuideField field = guide_fields[i].field;
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *message = gk_message_row_new ();
      const char *title = _(guide_fields[i].title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), guide_fields[i].purpose);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      gk_message_row_get_label (GK_MESSAGE_ROW (message)), NULL, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message), title);
      g_object_set_data (G_OBJECT (row), "gk-field", GUINT_TO_POINTER (field));
      g_signal_connect_object (row, "changed", G_CALLBACK (on_guide_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->guide_group, row);
      adw_preferences_group_add (self->guide_group, message);
      self->guide_rows[field] = ADW_ENTRY_ROW (row);
      self->guide_messages[field] = GK_MESSAGE_ROW (message);
    }
}

static void
fill_guide (GkPreferencesPublicationPage *self)
{
  self->filling = TRUE;
  for (guint field = 0; field < GK_GUIDE_N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = gk_store_get_guide (self->store, field, &error);

      gtk_editable_set_text (GTK_EDITABLE (self->guide_rows[field]), value != NULL ? value : "");
      show_problem (GTK_WIDGET (self->guide_rows[field]), self->guide_messages[field],
                    error != NULL ? error->message : NULL, error != NULL ? GK_SEVERITY_ERROR : GK_SEVERITY_OK);
    }
  self->filling = FALSE;
}

/* ------------------------------------------------------------------ */

static void
gk_preferences_publication_page_dispose (GObject *object)
{
  GkPreferencesPublicationPage *self = GK_PREFERENCES_PUBLICATION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_PUBLICATION_PAGE);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_preferences_publication_page_parent_class)->dispose (object);
}

static void
gk_preferences_publication_page_class_init (GkPreferencesPublicationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_preferences_publication_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/preferences/gk-preferences-publication-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesPublicationPage, channels_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesPublicationPage, new_channel_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesPublicationPage, guide_group);
  gtk_widget_class_bind_template_callback (widget_class, on_new_channel_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_channels_clicked_cb);
}

static void
gk_preferences_publication_page_init (GkPreferencesPublicationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->channel_rows = g_ptr_array_new ();
  build_guide_rows (self);
}

void
gk_preferences_publication_page_set_store (GkPreferencesPublicationPage *self,
                               GkStore           *store)
{
  g_return_if_fail (GK_IS_PREFERENCES_PUBLICATION_PAGE (self));
  g_return_if_fail (GK_IS_STORE (store));

  g_set_object (&self->store, store);
  fill_channels (self);
  fill_guide (self);
}
