/* gk-corrections-section.c: the correction notices (更正公告) of a record, or the record a correction corrects, each a link. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-corrections-section.h"
#include "gk-plan.h"

struct _GkCorrectionsSection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;

  GkStore *store;
  GPtrArray *rows;     /* AdwActionRow, in the group */
};

static void gk_corrections_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkCorrectionsSection, gk_corrections_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_corrections_section_editor_section_init))

static void
on_row_activated_cb (AdwActionRow         *row,
                     GkCorrectionsSection *self)
{
  const char *uuid = gtk_widget_get_name (GTK_WIDGET (row));

  /* The window opens it, saving what was typed in this one first. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", uuid))
    g_debug ("No window to open record %s in", uuid);
}

static void
add_row (GkCorrectionsSection *self,
         const char           *label,
         GkRecord             *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a link to a record: "更正公告: <its title>", or "Corrects: <title>" */
  title = g_strdup_printf (_("%s: %s"), label, gk_record_get_title (record));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (gk_record_get_formed_on (record) != NULL)
    /* Translators: a record's 索引号, then its date */
    subtitle = g_strdup_printf (_("%s · %s"), gk_record_get_index_no (record), gk_record_get_formed_on (record));
  else
    subtitle = g_strdup (gk_record_get_index_no (record));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The row's name carries the record it opens: the row is a plain
   * AdwActionRow with nothing else to hold it. */
  gtk_widget_set_name (row, gk_record_get_uuid (record));
  gtk_widget_set_tooltip_text (row, _("Open this record"));
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
fill (GkCorrectionsSection *self,
      GkRecord             *record,
      GkItem               *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GkRecord) corrected = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store != NULL && record != NULL)
    {
      if (item != NULL && gk_item_is_correction (item))
        {
          corrected = gk_store_get_corrected_record (self->store, record, &error);
          if (corrected != NULL)
            add_row (self, _("Corrects"), corrected);
        }
      else
        {
          corrections = gk_store_list_corrections (self->store, record, &error);
          /* The notice's own name, as the catalog calls it. */
          for (guint i = 0; corrections != NULL && i < corrections->len; i++)
            {
              GkRecord *correction = g_ptr_array_index (corrections, i);

              add_row (self, gk_record_get_item_name (correction), correction);
            }
        }
      if (error != NULL)
        g_warning ("Could not read the corrections of %s: %s", gk_record_get_uuid (record), error->message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static void
gk_corrections_section_set_record (GkEditorSection *section,
                                   GkStore         *store,
                                   GkRecord        *record,
                                   GkItem          *item)
{
  GkCorrectionsSection *self = GK_CORRECTIONS_SECTION (section);

  g_set_object (&self->store, store);
  fill (self, record, item);
}

/* After a save: the 索引号 a correction names may have changed. */
static void
gk_corrections_section_refresh (GkEditorSection *section,
                                GkRecord        *record)
{
  GkCorrectionsSection *self = GK_CORRECTIONS_SECTION (section);
  g_autoptr(GkItem) item = NULL;

  if (record == NULL || self->store == NULL)
    return;
  item = gk_store_get_item_by_id (self->store, gk_record_get_item_id (record), NULL);
  fill (self, record, item);
}

static void
gk_corrections_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_corrections_section_set_record;
  iface->refresh = gk_corrections_section_refresh;
}

static void
gk_corrections_section_dispose (GObject *object)
{
  GkCorrectionsSection *self = GK_CORRECTIONS_SECTION (object);

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CORRECTIONS_SECTION);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_corrections_section_parent_class)->dispose (object);
}

static void
gk_corrections_section_finalize (GObject *object)
{
  GkCorrectionsSection *self = GK_CORRECTIONS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_corrections_section_parent_class)->finalize (object);
}

static void
gk_corrections_section_class_init (GkCorrectionsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_corrections_section_dispose;
  object_class->finalize = gk_corrections_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-corrections-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCorrectionsSection, group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_corrections_section_init (GkCorrectionsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GPtrArray *
gk_corrections_section_get_rows (GkCorrectionsSection *self)
{
  g_return_val_if_fail (GK_IS_CORRECTIONS_SECTION (self), NULL);
  return self->rows;
}
