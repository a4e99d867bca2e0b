/* gk-disclosure-section.c: mode, the legal ground and reason of 不予公开, and the channels with dates and addresses. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-a11y-value.h"
#include "gk-catalog.h"
#include "gk-channel-row.h"
#include "gk-date.h"
#include "gk-disclosure-section.h"
#include "gk-field-editor.h"
#include "gk-message-row.h"
#include "gk-settings.h"

static const char *modes[] = { GK_MODE_PROACTIVE, GK_MODE_ON_REQUEST, GK_MODE_EXEMPT };

struct _GkDisclosureSection
{
  GtkWidget parent_instance;

  GtkWidget *box;
  AdwPreferencesGroup *mode_group;
  AdwComboRow *mode_row;
  AdwComboRow *ground_row;
  GkMessageRow *ground_message_row;
  AdwEntryRow *reason_row;
  GkMessageRow *reason_message_row;
  AdwPreferencesGroup *channels_group;

  GkCatalog *catalog;
  GPtrArray *ground_keys;   /* char *, parallel to the ground combo; NULL first = none chosen */
  GPtrArray *channels;      /* GkChannelRow, in the group's order */
  char *status;             /* of the record shown */
  gboolean touched;         /* the clerk chose 不予公开 here: show what it still needs */
  GkRecord *record;          /* the record shown, once the rows show it */
};

static void gk_disclosure_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkDisclosureSection, gk_disclosure_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_disclosure_section_editor_section_init))

static void
gk_disclosure_section_dispose (GObject *object)
{
  GkDisclosureSection *self = GK_DISCLOSURE_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_DISCLOSURE_SECTION);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (gk_disclosure_section_parent_class)->dispose (object);
}

static void
gk_disclosure_section_finalize (GObject *object)
{
  GkDisclosureSection *self = GK_DISCLOSURE_SECTION (object);

  g_clear_pointer (&self->catalog, gk_catalog_unref);
  g_clear_pointer (&self->ground_keys, g_ptr_array_unref);
  g_free (self->status);

  G_OBJECT_CLASS (gk_disclosure_section_parent_class)->finalize (object);
}

static const char *
selected_mode (GkDisclosureSection *self)
{
  guint selected = adw_combo_row_get_selected (self->mode_row);

  return selected < G_N_ELEMENTS (modes) ? modes[selected] : GK_MODE_PROACTIVE;
}

static const char *
selected_ground (GkDisclosureSection *self)
{
  guint selected = adw_combo_row_get_selected (self->ground_row);

  return selected < self->ground_keys->len ? g_ptr_array_index (self->ground_keys, selected) : NULL;
}

static char *
dup_reason (GkDisclosureSection *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
}

static const char *
ground_problem (GkDisclosureSection *self)
{
  if (g_strcmp0 (selected_mode (self), GK_MODE_EXEMPT) != 0)
    return NULL;
  if (g_strcmp0 (self->status, GK_STATUS_PUBLISHED) == 0)
    return _("A published record cannot be marked “not disclosed”: withdraw it first");
  if (selected_ground (self) == NULL)
    return _("Choose the legal ground for not disclosing it (articles 14 to 16 of the Regulations)");
  return NULL;
}

static const char *
reason_problem (GkDisclosureSection *self)
{
  g_autofree char *reason = dup_reason (self);

  if (g_strcmp0 (selected_mode (self), GK_MODE_EXEMPT) == 0 && *reason == '\0')
    return _("Give the reason it is not disclosed: the applicant and the annual report need it");
  return NULL;
}

static void
update_exemption_rows (GkDisclosureSection *self)
{
  gboolean exempt = g_strcmp0 (selected_mode (self), GK_MODE_EXEMPT) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->ground_row), exempt);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), exempt);
  gk_message_row_show_error (self->ground_message_row, GTK_WIDGET (self->ground_row), exempt ? ground_problem (self) : NULL);
  /* The reason is asked for once the clerk chose 不予公开 here, not on every old record. */
  gk_message_row_show_error (self->reason_message_row, GTK_WIDGET (self->reason_row),
                             exempt && self->touched ? reason_problem (self) : NULL);
  /* Nothing is published through channels of a record that is not disclosed. */
  gtk_widget_set_visible (GTK_WIDGET (self->channels_group), !exempt && self->channels->len > 0);
}

/* The mode as chosen goes into the record at once. 不予公开 without its
 * ground is refused by the ledger: the ground and reason typed so far are
 * kept, the mode follows once the ground is chosen. */
static void
write_mode (GkDisclosureSection *self)
{
  const char *mode = selected_mode (self);
  g_autofree char *reason = dup_reason (self);

  if (g_strcmp0 (mode, GK_MODE_EXEMPT) != 0)
    {
      gk_record_set_mode (self->record, mode);
      gk_record_set_exemption (self->record, "");
      gk_record_set_exemption_reason (self->record, "");
      return;
    }

  gk_record_set_exemption_reason (self->record, reason);
  if (ground_problem (self) == NULL)
    {
      gk_record_set_exemption (self->record, selected_ground (self));
      gk_record_set_mode (self->record, GK_MODE_EXEMPT);
    }
}

/* An edit by the clerk: into the record, and the problems shown again.
 * Filling the rows for a record comes before showing it (no record yet). */
static void
edited (GkDisclosureSection *self,
        gboolean             touched)
{
  if (self->record == NULL)
    return;
  self->touched |= touched;
  write_mode (self);
  update_exemption_rows (self);
  gk_editor_section_changed (GK_EDITOR_SECTION (self));
}

static void
on_mode_row_selected_cb (GkDisclosureSection *self)
{
  edited (self, TRUE);
}

static void
on_ground_row_selected_cb (GkDisclosureSection *self)
{
  edited (self, FALSE);
}

static void
on_reason_row_changed_cb (GkDisclosureSection *self)
{
  edited (self, TRUE);
}

/* ------------------------------------------------------------------ */
/* Channels                                                            */

/* Channels are stored beside the record, when it is saved. */
static void
on_channel_changed_cb (GkDisclosureSection *self)
{
  if (self->record != NULL)
    gk_editor_section_changed (GK_EDITOR_SECTION (self));
}

static void
add_channel (GkDisclosureSection *self,
             const char          *name)
{
  GtkWidget *row = gk_channel_row_new (name, TRUE);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_channel_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->channels_group, row);
  g_ptr_array_add (self->channels, row);
}

static void
clear_channels (GkDisclosureSection *self)
{
  for (guint i = 0; i < self->channels->len; i++)
    adw_preferences_group_remove (self->channels_group, g_ptr_array_index (self->channels, i));
  g_ptr_array_set_size (self->channels, 0);
}

/* The item's channels first, in its order, then any other the record used.
 * Records of one item share the rows: only their values change. */
static void
fill_channels (GkDisclosureSection *self,
               GkStore             *store,
               GkRecord            *record,
               GkItem              *item)
{
  const char * const *item_names = item != NULL ? gk_item_get_channels (item) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = gk_store_get_record_channels (store, gk_record_get_uuid (record), &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean same = TRUE;

  if (stored == NULL)
    g_warning ("Could not read the channels of %s: %s", gk_record_get_uuid (record), error->message);

  for (guint i = 0; item_names != NULL && item_names[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (names, item_names[i], g_str_equal, NULL))
      g_ptr_array_add (names, g_strdup (item_names[i]));
  /* An item that names no channel offers the ledger's defaults (Preferences). */
  if (item != NULL && gk_item_takes_default_channels (item))
    {
      g_auto(GStrv) defaults = gk_store_get_default_channels (store, NULL);

      for (guint i = 0; defaults != NULL && defaults[i] != NULL; i++)
        if (!g_ptr_array_find_with_equal_func (names, defaults[i], g_str_equal, NULL))
          g_ptr_array_add (names, g_strdup (defaults[i]));
    }
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      const GkRecordChannel *used = g_ptr_array_index (stored, i);

      if (!g_ptr_array_find_with_equal_func (names, used->channel, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (used->channel));
    }

  same = names->len == self->channels->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (g_ptr_array_index (names, i),
                      gk_channel_row_get_channel (g_ptr_array_index (self->channels, i))) == 0;
  if (!same)
    {
      clear_channels (self);
      for (guint i = 0; i < names->len; i++)
        add_channel (self, g_ptr_array_index (names, i));
    }

  for (guint i = 0; i < self->channels->len; i++)
    {
      GkChannelRow *row = g_ptr_array_index (self->channels, i);
      const GkRecordChannel *used = NULL;

      for (guint j = 0; stored != NULL && j < stored->len; j++)
        if (g_strcmp0 (((GkRecordChannel *) g_ptr_array_index (stored, j))->channel, gk_channel_row_get_channel (row)) == 0)
          used = g_ptr_array_index (stored, j);
      gk_channel_row_set_stored (row, used != NULL ? used->published_on : NULL, used != NULL ? used->address : NULL);
    }
}

/* ------------------------------------------------------------------ */
/* The section contract                                                */

static void
fill_grounds (GkDisclosureSection *self,
              const char          *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->ground_keys, 0);
  gtk_string_list_append (labels, _("Not chosen"));
  g_ptr_array_add (self->ground_keys, NULL);

  for (guint i = 0; self->catalog != NULL && i < self->catalog->exemptions->len; i++)
    {
      const GkCatalogExemption *ground = g_ptr_array_index (self->catalog->exemptions, i);
      /* Translators: an article of the Regulations (第十四条), then the ground's text */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), ground->article, ground->text);

      if (g_strcmp0 (ground->key, current) == 0)
        selected = self->ground_keys->len;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->ground_keys, g_strdup (ground->key));
    }

  /* A ground this catalog does not know is shown as stored, not dropped. */
  if (selected == 0 && current != NULL && *current != '\0')
    {
      selected = self->ground_keys->len;
      gtk_string_list_append (labels, current);
      g_ptr_array_add (self->ground_keys, g_strdup (current));
    }

  adw_combo_row_set_model (self->ground_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->ground_row, selected);
}

static void
gk_disclosure_section_set_record (GkEditorSection *section,
                                  GkStore         *store,
                                  GkRecord        *record,
                                  GkItem          *item)
{
  GkDisclosureSection *self = GK_DISCLOSURE_SECTION (section);
  guint mode = 0;

  g_clear_object (&self->record);
  gtk_widget_set_visible (GTK_WIDGET (self), record != NULL);
  if (record == NULL)
    {
      clear_channels (self);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_strcmp0 (modes[i], gk_record_get_mode (record)) == 0)
      mode = i;

  g_free (self->status);
  self->status = g_strdup (gk_record_get_status (record));
  self->touched = FALSE;
  adw_combo_row_set_selected (self->mode_row, mode);
  fill_grounds (self, gk_record_get_exemption (record));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), gk_record_get_exemption_reason (record) != NULL ? gk_record_get_exemption_reason (record) : "");
  fill_channels (self, store, record, item);
  self->record = g_object_ref (record);

  update_exemption_rows (self);
}

static void
gk_disclosure_section_refresh (GkEditorSection *section,
                               GkRecord        *record)
{
  GkDisclosureSection *self = GK_DISCLOSURE_SECTION (section);

  if (record == NULL)
    return;
  /* The editor may have gone on to a fresh copy of the same record: what
   * is chosen from now on goes there. */
  if (self->record != NULL)
    g_set_object (&self->record, record);
  g_free (self->status);
  self->status = g_strdup (gk_record_get_status (record));
  update_exemption_rows (self);
}

static gboolean
gk_disclosure_section_save (GkEditorSection  *section,
                            GkStore          *store,
                            GkRecord         *record,
                            gboolean         *changed,
                            GError          **error)
{
  GkDisclosureSection *self = GK_DISCLOSURE_SECTION (section);
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_record_channel_free);

  for (guint i = 0; i < self->channels->len; i++)
    {
      GkRecordChannel *channel = gk_channel_row_dup_record_channel (g_ptr_array_index (self->channels, i));

      if (channel != NULL)
        g_ptr_array_add (used, channel);
    }

  if (!gk_store_set_record_channels (store, gk_record_get_uuid (record), used, changed, error))
    return FALSE;

  for (guint i = 0; i < used->len; i++)
    {
      const GkRecordChannel *saved = g_ptr_array_index (used, i);

      gk_channel_row_set_stored_date (gk_channel_row_find (self->channels, saved->channel), saved->published_on);
    }

  return TRUE;
}

static GPtrArray *
gk_disclosure_section_get_issues (GkEditorSection *section)
{
  GkDisclosureSection *self = GK_DISCLOSURE_SECTION (section);
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);
  const char *problem;

  if ((problem = ground_problem (self)) != NULL)
    g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, problem));
  if ((problem = reason_problem (self)) != NULL)
    g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, problem));

  for (guint i = 0; i < self->channels->len && g_strcmp0 (selected_mode (self), GK_MODE_EXEMPT) != 0; i++)
    {
      GkChannelRow *row = g_ptr_array_index (self->channels, i);
      const char *date_problem = gk_channel_row_get_date_problem (row);

      if (date_problem != NULL)
        {
          /* Translators: a channel's name, then what is wrong with its date */
          g_autofree char *message = g_strdup_printf (_("%s: %s"), gk_channel_row_get_channel (row), date_problem);

          g_ptr_array_add (issues, gk_issue_new (NULL, -1, NULL, GK_SEVERITY_ERROR, message));
        }
    }

  return issues;
}

static void
gk_disclosure_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_disclosure_section_set_record;
  iface->refresh = gk_disclosure_section_refresh;
  iface->save = gk_disclosure_section_save;
  iface->get_issues = gk_disclosure_section_get_issues;
}

static void
gk_disclosure_section_class_init (GkDisclosureSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_disclosure_section_dispose;
  object_class->finalize = gk_disclosure_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-disclosure-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, box);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, mode_group);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, mode_row);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, ground_row);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, ground_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, reason_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkDisclosureSection, channels_group);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ground_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_row_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
}

static void
gk_disclosure_section_init (GkDisclosureSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gk_a11y_value_follow (GTK_WIDGET (self->mode_row), NULL);
  gk_a11y_value_follow (GTK_WIDGET (self->ground_row), NULL);

  self->ground_keys = g_ptr_array_new_with_free_func (g_free);
  self->channels = g_ptr_array_new ();

  /* The grounds are the regulation's, shipped with the catalog. */
  self->catalog = gk_catalog_new_default (&error);
  if (self->catalog == NULL)
    g_warning ("Could not read the legal grounds: %s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    gtk_string_list_append (labels, gk_mode_to_label (modes[i]));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (labels));
  fill_grounds (self, NULL);
}

GtkWidget *
gk_disclosure_section_new (void)
{
  return g_object_new (GK_TYPE_DISCLOSURE_SECTION, NULL);
}

void
gk_disclosure_section_set_mode (GkDisclosureSection *self,
                                const char          *mode)
{
  g_return_if_fail (GK_IS_DISCLOSURE_SECTION (self));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_strcmp0 (modes[i], mode) == 0)
      adw_combo_row_set_selected (self->mode_row, i);
}

void
gk_disclosure_section_set_ground (GkDisclosureSection *self,
                                  const char          *key)
{
  g_return_if_fail (GK_IS_DISCLOSURE_SECTION (self));

  for (guint i = 0; i < self->ground_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->ground_keys, i), key) == 0)
      adw_combo_row_set_selected (self->ground_row, i);
}

void
gk_disclosure_section_set_reason (GkDisclosureSection *self,
                                  const char          *reason)
{
  g_return_if_fail (GK_IS_DISCLOSURE_SECTION (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
}

void
gk_disclosure_section_set_channel (GkDisclosureSection *self,
                                   const char          *name,
                                   const char          *date,
                                   const char          *address)
{
  GkChannelRow *row;

  g_return_if_fail (GK_IS_DISCLOSURE_SECTION (self));

  row = gk_channel_row_find (self->channels, name);
  g_return_if_fail (row != NULL);
  gk_channel_row_set_text (row, date, address);
}

GStrv
gk_disclosure_section_dup_channel_names (GkDisclosureSection *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GK_IS_DISCLOSURE_SECTION (self), NULL);

  for (guint i = 0; i < self->channels->len; i++)
    g_strv_builder_add (builder, gk_channel_row_get_channel (g_ptr_array_index (self->channels, i)));
  return g_strv_builder_end (builder);
}

gboolean
gk_disclosure_section_get_channel (GkDisclosureSection  *self,
                                   const char           *name,
                                   char                **date,
                                   char                **address)
{
  GkChannelRow *row;

  g_return_val_if_fail (GK_IS_DISCLOSURE_SECTION (self), FALSE);

  row = gk_channel_row_find (self->channels, name);
  g_return_val_if_fail (row != NULL, FALSE);

  if (date != NULL)
    *date = gk_channel_row_dup_date_text (row);
  if (address != NULL)
    *address = gk_channel_row_dup_address_text (row);
  return gk_channel_row_get_used (row);
}

const char *
gk_disclosure_section_get_ground_message (GkDisclosureSection *self)
{
  g_return_val_if_fail (GK_IS_DISCLOSURE_SECTION (self), NULL);

  return gk_message_row_get_message (self->ground_message_row);
}
