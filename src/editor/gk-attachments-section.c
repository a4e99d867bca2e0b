/* gk-attachments-section.c: the files attached to a record: add (chooser or drop), open, remove with undo. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-attachment-row.h"
#include "gk-attachments-section.h"

struct _GkAttachmentsSection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget *add_button;

  GkStore *store;
  GkRecord *record;          /* a copy of what the editor shows, for the store calls */
  GPtrArray *rows;           /* GkAttachmentRow, in the group */
};

static void gk_attachments_section_editor_section_init (GkEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkAttachmentsSection, gk_attachments_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GK_TYPE_EDITOR_SECTION,
                                                      gk_attachments_section_editor_section_init))

static void
show_toast (GkAttachmentsSection *self,
            AdwToast             *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (GkAttachmentsSection *self,
            const GError         *error)
{
  show_toast (self, adw_toast_new (error->message));
}

static void fill (GkAttachmentsSection *self);

static void
on_row_open_cb (GkAttachmentRow      *row,
                GkAttachmentsSection *self)
{
  g_autoptr(GFile) file = gk_store_get_attachment_file (self->store, gk_attachment_row_get_attachment (row));
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  /* The stored copy is named by its hash; the clerk's program opens it as it is. */
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_error (self, error);
}

typedef struct
{
  GkAttachmentsSection *self;
  GkAttachment *attachment;
  GkRecord *record;
  gboolean undone;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->self);
  gk_attachment_free (removal->attachment);
  g_object_unref (removal->record);
  g_free (removal);
}

static void
on_removal_undo_cb (AdwToast *toast,
                    Removal  *removal)
{
  removal->undone = TRUE;
  fill (removal->self);
}

/* Removed for real only when the toast goes without Undo. */
static void
on_removal_dismissed_cb (AdwToast *toast,
                         Removal  *removal)
{
  g_autoptr(GError) error = NULL;

  if (removal->undone || removal->self->store == NULL)
    return;

  if (!gk_store_remove_attachment (removal->self->store, removal->record, removal->attachment, &error))
    show_error (removal->self, error);
  else
    gk_editor_section_changed (GK_EDITOR_SECTION (removal->self));
}

static void
on_row_remove_cb (GkAttachmentRow      *row,
                  GkAttachmentsSection *self)
{
  Removal *removal = g_new0 (Removal, 1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  removal->self = g_object_ref (self);
  removal->record = g_object_ref (self->record);
  removal->attachment = gk_attachment_row_dup_attachment (row);

  gtk_widget_set_visible (GTK_WIDGET (row), FALSE);

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("“%s” removed"), removal->attachment->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_removal_undo_cb), removal);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_removal_dismissed_cb), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  show_toast (self, toast);
}

static void
fill (GkAttachmentsSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_set_sensitive (self->add_button, self->record != NULL);
  if (self->store == NULL || self->record == NULL)
    return;

  attachments = gk_store_list_attachments (self->store, self->record, &error);
  if (attachments == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < attachments->len; i++)
    {
      GtkWidget *row = gk_attachment_row_new (g_ptr_array_index (attachments, i));

      g_signal_connect (row, "open", G_CALLBACK (on_row_open_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (on_row_remove_cb), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

gboolean
gk_attachments_section_add_file (GkAttachmentsSection  *self,
                                 GFile                 *file,
                                 GError               **error)
{
  g_autoptr(GkAttachment) attachment = NULL;

  g_return_val_if_fail (GK_IS_ATTACHMENTS_SECTION (self), FALSE);

  if (self->store == NULL || self->record == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No record is open"));
      return FALSE;
    }

  attachment = gk_store_add_attachment (self->store, self->record, file, error);
  if (attachment == NULL)
    return FALSE;

  fill (self);
  gk_editor_section_changed (GK_EDITOR_SECTION (self));
  return TRUE;
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        GkAttachmentsSection *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!gk_attachments_section_add_file (self, file, &error))
        show_error (self, error);
    }
}

static void
on_add_clicked_cb (GkAttachmentsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  /* The portal's chooser: the Flatpak has no broad file access. */
  chooser = gtk_file_chooser_native_new (_("Add Attachments"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            GkAttachmentsSection *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (!gk_attachments_section_add_file (self, l->data, &error))
        show_error (self, error);
    }
  return TRUE;
}

static void
gk_attachments_section_set_record (GkEditorSection *section,
                                   GkStore         *store,
                                   GkRecord        *record,
                                   GkItem          *item)
{
  GkAttachmentsSection *self = GK_ATTACHMENTS_SECTION (section);

  g_autofree char *description = NULL;

  g_set_object (&self->store, store);
  g_clear_object (&self->record);
  if (record != NULL)
    self->record = gk_record_copy (record);

  /* The files of this item, named by the catalog: not 采购文件 in every domain. */
  if (item != NULL)
    /* Translators: %s is a catalog item (采购结果, 分配结果 …) */
    description = g_strdup_printf (_("The files of this %s: drop them here or add them; the ledger keeps its own copy."),
                                   gk_item_get_level2 (item));
  else
    description = g_strdup (_("Drop files here or add them; the ledger keeps its own copy."));
  adw_preferences_group_set_description (self->group, description);
  fill (self);
}

static GPtrArray *
gk_attachments_section_get_issues (GkEditorSection *section)
{
  return g_ptr_array_new ();
}

static void
gk_attachments_section_editor_section_init (GkEditorSectionInterface *iface)
{
  iface->set_record = gk_attachments_section_set_record;
  iface->get_issues = gk_attachments_section_get_issues;
}

static void
gk_attachments_section_dispose (GObject *object)
{
  GkAttachmentsSection *self = GK_ATTACHMENTS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_ATTACHMENTS_SECTION);
  g_clear_object (&self->store);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (gk_attachments_section_parent_class)->dispose (object);
}

static void
gk_attachments_section_finalize (GObject *object)
{
  GkAttachmentsSection *self = GK_ATTACHMENTS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_attachments_section_parent_class)->finalize (object);
}

static void
gk_attachments_section_class_init (GkAttachmentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_attachments_section_dispose;
  object_class->finalize = gk_attachments_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/editor/gk-attachments-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkAttachmentsSection, group);
  gtk_widget_class_bind_template_child (widget_class, GkAttachmentsSection, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_attachments_section_init (GkAttachmentsSection *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

guint
gk_attachments_section_get_n_rows (GkAttachmentsSection *self)
{
  g_return_val_if_fail (GK_IS_ATTACHMENTS_SECTION (self), 0);

  guint n = 0;
  for (guint i = 0; i < self->rows->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (self->rows, i)))
      n++;
  return n;
}
