/* gk-history-section.c: the record's history as rows "what changed (old → new)" over "who · when", newest first. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-catalog.h"
#include "gk-history-section.h"
#include "gk-schema.h"

/* Older entries are counted, not shown: a record edited for years stays quick to open. */
#define MAX_ROWS 200
#define MAX_VALUE_CHARS 60

struct _GkHistorySection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;

  GkStore *store;
  GkSchema *schema;
  GkCatalog *catalog;
  char *uuid;
  GPtrArray *rows;           /* GtkWidget, in the group */
};

static void gk_history_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkHistorySection, gk_history_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_history_section_editor_section_init))

static void
gk_history_section_dispose (GObject *object)
{
  GkHistorySection *self = GK_HISTORY_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_HISTORY_SECTION);
  g_clear_object (&self->store);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  G_OBJECT_CLASS (gk_history_section_parent_class)->dispose (object);
}

static void
gk_history_section_finalize (GObject *object)
{
  GkHistorySection *self = GK_HISTORY_SECTION (object);

  g_clear_pointer (&self->schema, gk_schema_unref);
  g_clear_pointer (&self->catalog, gk_catalog_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->uuid);

  G_OBJECT_CLASS (gk_history_section_parent_class)->finalize (object);
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\n\r\t", ' ');
  g_autofree char *head = NULL;

  if (g_utf8_strlen (flat, -1) <= MAX_VALUE_CHARS)
    return g_steal_pointer (&flat);
  head = g_utf8_substring (flat, 0, MAX_VALUE_CHARS - 1);
  return g_strconcat (head, "…", NULL);
}

static const GkField *
lookup_field (GkHistorySection *self,
              const char       *name)
{
  if (self->schema == NULL || !g_str_has_prefix (name, "fields."))
    return NULL;
  return gk_schema_lookup_field (self->schema, name + strlen ("fields."));
}

/* The label of what changed: the schema's for item fields, ours for the record's own. */
static char *
dup_field_label (GkHistorySection *self,
                 const char       *name)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "title", N_("Title") },
    { "body", N_("Summary") },
    { "doc_no", N_("Document Number") },
    { "formed_on", N_("Formed or Changed On") },
    { "mode", N_("Disclosure Mode") },
    { "exemption", N_("Legal Ground") },
    { "exemption_reason", N_("Reason for Not Disclosing") },
    { "unit", N_("Responsible Unit") },
    { "project", N_("Project") },
    { "status", N_("Status") },
    { "published_on", N_("Published On") },
    { "attachments", N_("Attachments") },
  };
  const GkField *field = lookup_field (self, name);

  if (field != NULL)
    return g_strdup (field->label);
  if (g_str_has_prefix (name, "channels."))
    /* Translators: %s is a publication channel (政府门户网站) */
    return g_strdup_printf (_("Channel %s"), name + strlen ("channels."));
  if (g_str_has_prefix (name, "fields."))
    return g_strdup (name + strlen ("fields."));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, name) == 0)
      return g_strdup (_(labels[i].label));
  return g_strdup (name);
}

/* A stored value as the clerk reads it: 1,234.56 for fen, a choice's
 * label, a row count for a table. */
static char *
dup_value_text (GkHistorySection *self,
                const char       *name,
                const char       *value)
{
  const GkField *field;

  if (value == NULL || *value == '\0')
    return g_strdup ("—");

  if (g_strcmp0 (name, "mode") == 0)
    return g_strdup (gk_mode_to_label (value));
  /* The ledger keeps the project's number; the clerk knows it by name. */
  if (g_strcmp0 (name, "project") == 0 && self->store != NULL)
    {
      gint64 id = g_ascii_strtoll (value, NULL, 10);
      g_autoptr(GkProject) project = id > 0 ? gk_store_get_project (self->store, id, NULL) : NULL;

      if (id <= 0)
        return g_strdup ("—");
      if (project != NULL && project->name != NULL)
        return shorten (project->name);
      /* Translators: a project that is no longer in the ledger */
      return g_strdup (_("a removed project"));
    }
  if (g_strcmp0 (name, "status") == 0)
    return g_strdup (gk_status_to_label (value));
  if (g_strcmp0 (name, "exemption") == 0 && self->catalog != NULL)
    {
      const GkCatalogExemption *ground = gk_catalog_lookup_exemption (self->catalog, value);

      if (ground != NULL)
        return shorten (ground->text);
    }

  field = lookup_field (self, name);
  if (field == NULL)
    return shorten (value);

  if (field->kind == GK_FIELD_TABLE)
    {
      g_autoptr(JsonNode) rows = json_from_string (value, NULL);

      if (rows != NULL && JSON_NODE_HOLDS_ARRAY (rows))
        {
          guint n = json_array_get_length (json_node_get_array (rows));

          return g_strdup_printf (ngettext ("%u row", "%u rows", n), n);
        }
      return shorten (value);
    }

  if (field->kind == GK_FIELD_MONEY || field->kind == GK_FIELD_INTEGER || field->kind == GK_FIELD_DECIMAL)
    {
      /* Numbers are stored as JSON numbers; a draft's invalid text as it was typed. */
      g_autoptr(JsonNode) node = json_from_string (value, NULL);
      g_autofree char *shown = node != NULL ? gk_field_format_value (field, node) : NULL;

      return shown != NULL ? g_steal_pointer (&shown) : shorten (value);
    }

  if (field->kind == GK_FIELD_CHOICE)
    {
      const GkChoice *choice = gk_field_lookup_choice (field, value);

      if (choice != NULL)
        return g_strdup (choice->label);
    }

  return shorten (value);
}

static char *
dup_entry_title (GkHistorySection     *self,
                 const GkHistoryEntry *entry)
{
  g_autofree char *label = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (g_strcmp0 (entry->action, "create") == 0)
    return g_strdup (_("Created"));
  if (g_strcmp0 (entry->action, "delete") == 0)
    return g_strdup (_("Deleted"));
  if (g_strcmp0 (entry->action, "attach") == 0)
    /* Translators: the name of an attached file */
    return g_strdup_printf (_("Attachment added: %s"), entry->new_value != NULL ? entry->new_value : "");
  if (g_strcmp0 (entry->action, "detach") == 0)
    /* Translators: the name of an attached file */
    return g_strdup_printf (_("Attachment removed: %s"), entry->old_value != NULL ? entry->old_value : "");

  label = dup_field_label (self, entry->field != NULL ? entry->field : "");
  old_text = dup_value_text (self, entry->field, entry->old_value);
  new_text = dup_value_text (self, entry->field, entry->new_value);

  if (g_strcmp0 (entry->action, "change") == 0)
    /* Translators: a change (变更) was recorded: the field, its old and new value */
    return g_strdup_printf (_("Change recorded · %s: %s → %s"), label, old_text, new_text);
  /* Translators: a field, its old value and its new value */
  return g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text);
}

static char *
dup_entry_subtitle (const GkHistoryEntry *entry)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (entry->at);

  /* Translators: who made a change, then when */
  return g_strdup_printf (_("%s · %s"), entry->user, when);
}

static void
clear_rows (GkHistorySection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (GkHistorySection *self,
         const char       *title,
         const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
reload (GkHistorySection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint shown = 0;

  clear_rows (self);
  if (self->store == NULL || self->uuid == NULL)
    return;

  entries = gk_store_get_history (self->store, self->uuid, &error);
  if (entries == NULL)
    {
      add_row (self, _("The history could not be read"), error->message);
      return;
    }

  for (guint i = entries->len; i > 0 && shown < MAX_ROWS; i--, shown++)
    {
      const GkHistoryEntry *entry = g_ptr_array_index (entries, i - 1);
      g_autofree char *title = dup_entry_title (self, entry);
      g_autofree char *subtitle = dup_entry_subtitle (entry);

      add_row (self, title, subtitle);
    }

  if (entries->len > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u older change not shown", "%u older changes not shown",
                                                         entries->len - shown),
                                               entries->len - shown);
      add_row (self, more, NULL);
    }
}

static void
gk_history_section_set_record (GkEditorSection *section,
                               GkStore         *store,
                               GkRecord        *record,
                               GkItem          *item)
{
  GkHistorySection *self = GK_HISTORY_SECTION (section);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->uuid, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self), record != NULL);
  if (record == NULL)
    {
      clear_rows (self);
      return;
    }

  self->uuid = g_strdup (gk_record_get_uuid (record));
  g_clear_pointer (&self->schema, gk_schema_unref);
  if (item != NULL && gk_item_get_schema (item) != NULL)
    self->schema = gk_schema_ref (gk_item_get_schema (item));
  reload (self);
}

static void
gk_history_section_refresh (GkEditorSection *section,
                            GkRecord        *record)
{
  reload (GK_HISTORY_SECTION (section));
}

static void
gk_history_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_history_section_set_record;
  iface->refresh = gk_history_section_refresh;
}

static void
gk_history_section_class_init (GkHistorySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_history_section_dispose;
  object_class->finalize = gk_history_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-history-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkHistorySection, group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_history_section_init (GkHistorySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->catalog = gk_catalog_new_default (NULL);
}

guint
gk_history_section_get_n_rows (GkHistorySection *self)
{
  g_return_val_if_fail (GK_IS_HISTORY_SECTION (self), 0);
  return self->rows->len;
}

const char *
gk_history_section_get_row_title (GkHistorySection *self,
                                  guint             position)
{
  g_return_val_if_fail (GK_IS_HISTORY_SECTION (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return adw_preferences_row_get_title (g_ptr_array_index (self->rows, position));
}
