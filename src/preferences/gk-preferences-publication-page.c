/* gk-preferences-publication-page.c: Preferences: the default channels and the disclosure guide's contacts. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-message-row.h"
#include "gk-preferences-publication-page.h"
#include "gk-settings.h"
#include "gk-string-list.h"

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

  GkStringList *channels_list;
  AdwPreferencesGroup *guide_group;

  GkStore *store;
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

/* What an Undo on a toast puts back. */
typedef struct
{
  GWeakRef page;
  GStrv before;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_strfreev (undo->before);
  g_free (undo);
}

static gboolean save_channels (GkPreferencesPublicationPage *self,
                               const char * const           *channels);

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(GkPreferencesPublicationPage) self = g_weak_ref_get (&undo->page);

  if (self != NULL)
    save_channels (self, (const char * const *) undo->before);
}

/* A toast saying what was done, whose Undo puts @before back. */
static void
add_undo_toast (GkPreferencesPublicationPage *self,
                const char                   *title,
                GStrv                         before)
{
  AdwToast *toast = adw_toast_new (title);
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->page, self);
  undo->before = before;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo, undo_free, 0);
  add_toast (self, toast);
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

static void
fill_channels (GkPreferencesPublicationPage *self)
{
  g_auto(GStrv) channels = dup_channels (self);

  gk_string_list_set_strings (self->channels_list, (const char * const *) channels);
}

/* Shows what the ledger took (trimmed, without duplicates), or kept. */
static gboolean
save_channels (GkPreferencesPublicationPage *self,
               const char * const           *channels)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = gk_store_set_default_channels (self->store, channels, &error);

  if (!saved)
    add_toast (self, adw_toast_new (error->message));
  fill_channels (self);
  return saved;
}

static void
on_channels_changed_cb (GkPreferencesPublicationPage *self)
{
  g_auto(GStrv) channels = gk_string_list_dup_strings (self->channels_list);

  save_channels (self, (const char * const *) channels);
}

/* Comes before the "changed" that saves the list without it. */
static void
on_channel_removed_cb (GkPreferencesPublicationPage *self,
                       guint                         index,
                       const char                   *name)
{
  g_autofree char *title = g_strdup_printf (_("Removed the channel “%s”"), name);

  add_undo_toast (self, title, dup_channels (self));
}

static void
on_reset_channels_clicked_cb (GkPreferencesPublicationPage *self)
{
  g_auto(GStrv) before = dup_channels (self);

  if (!save_channels (self, NULL))
    return;
  add_undo_toast (self, _("The built-in channels are back"), g_steal_pointer (&before));
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
  GkGuideField field = 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GkValidation) check = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->store == NULL)
    return;
  while (field < GK_GUIDE_N_FIELDS && self->guide_rows[field] != row)
    field++;
  g_return_if_fail (field < GK_GUIDE_N_FIELDS);

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
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesPublicationPage, channels_list);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesPublicationPage, guide_group);
  gtk_widget_class_bind_template_callback (widget_class, on_channels_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_removed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_channels_clicked_cb);

  g_type_ensure (GK_TYPE_STRING_LIST);
}

static void
gk_preferences_publication_page_init (GkPreferencesPublicationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
