/* gk-import-dialog.c: "Import Spreadsheet": a workbook's or CSV's columns mapped to an item's fields, previewed, then imported as one batch. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-import-dialog.h"

/* Data rows the preview shows. */
#define N_SHOWN_ROWS 5

struct _GkImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  AdwComboRow *item_row;
  AdwComboRow *sheet_row;
  GtkSpinButton *header_spin;
  AdwComboRow *key_row;
  GtkSwitch *skip_switch;
  AdwPreferencesGroup *columns_group;
  GtkGrid *preview_grid;
  GtkListBox *problems_list;

  GkStore *store;
  GkImport *import;
  GPtrArray *items;          /* GkItem, in the item row's order */
  GPtrArray *column_rows;    /* AdwComboRow, one per column */
  GHashTable *preview_cells; /* "row:column" → GtkLabel */
  guint n_problems;
  gboolean updating;         /* the rows are being filled from the import */
};

G_DEFINE_FINAL_TYPE (GkImportDialog, gk_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (GkImportDialog *self,
            const GError   *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static void
add_problem_row (GkImportDialog        *self,
                 const GkImportProblem *problem)
{
  g_autofree char *text = gk_import_problem_format (problem);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_append (self->problems_list, label);
  self->n_problems++;
}

static void
show_problems (GkImportDialog *self,
               GPtrArray      *problems)
{
  clear_children (GTK_WIDGET (self->problems_list));
  self->n_problems = 0;
  for (guint i = 0; i < problems->len; i++)
    add_problem_row (self, g_ptr_array_index (problems, i));
}

static void
attach_label (GkImportDialog *self,
              const char     *text,
              int             column,
              int             row,
              gboolean        heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->preview_grid, label, column, row, 1, 1);
  if (!heading && row > 0)
    g_hash_table_insert (self->preview_cells, g_strdup_printf ("%d:%d", row - 1, column), label);
}

/* The preview: a heading per imported column, then the first rows as the
 * ledger will hold them, and their problems. */
static void
update_preview (GkImportDialog *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_import_problem_free);
  guint n_columns = gk_import_get_n_columns (self->import);
  guint n_rows = MIN (gk_import_get_n_preview_rows (self->import), N_SHOWN_ROWS);

  clear_children (GTK_WIDGET (self->preview_grid));
  g_hash_table_remove_all (self->preview_cells);

  attach_label (self, _("Row"), 0, 0, TRUE);
  for (guint c = 0; c < n_columns; c++)
    {
      GPtrArray *targets = gk_import_get_targets (self->import);
      const char *target = gk_import_get_column_target (self->import, c);

      for (guint t = 0; target != NULL && t < targets->len; t++)
        {
          GkImportTarget *candidate = g_ptr_array_index (targets, t);

          if (g_strcmp0 (candidate->id, target) == 0)
            attach_label (self, candidate->label, (int) c + 1, 0, TRUE);
        }
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) values = gk_import_dup_preview_row (self->import, r, problems);
      g_autofree char *number = g_strdup_printf ("%u", gk_import_get_preview_row_number (self->import, r));

      attach_label (self, number, 0, (int) r + 1, FALSE);
      for (guint c = 0; c < n_columns; c++)
        if (values[c] != NULL)
          attach_label (self, values[c], (int) c + 1, (int) r + 1, FALSE);
    }
  show_problems (self, problems);
}

/* Column rows */

static GtkStringList *
create_target_model (GkImportDialog *self,
                     const char     *none)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GPtrArray *targets = gk_import_get_targets (self->import);

  gtk_string_list_append (model, none);
  for (guint t = 0; t < targets->len; t++)
    gtk_string_list_append (model, ((GkImportTarget *) g_ptr_array_index (targets, t))->label);
  return model;
}

/* The position of @target in a model of create_target_model(). */
static guint
target_position (GkImportDialog *self,
                 const char     *target)
{
  GPtrArray *targets = gk_import_get_targets (self->import);

  for (guint t = 0; target != NULL && t < targets->len; t++)
    if (g_strcmp0 (((GkImportTarget *) g_ptr_array_index (targets, t))->id, target) == 0)
      return t + 1;
  return 0;
}

static const char *
target_at (GkImportDialog *self,
           guint           position)
{
  GPtrArray *targets = gk_import_get_targets (self->import);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > targets->len)
    return NULL;
  return ((GkImportTarget *) g_ptr_array_index (targets, position - 1))->id;
}

static void
sync_column_rows (GkImportDialog *self)
{
  self->updating = TRUE;
  for (guint c = 0; c < self->column_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c),
                                target_position (self, gk_import_get_column_target (self->import, c)));
  self->updating = FALSE;
}

static void
on_column_row_selected_cb (AdwComboRow    *row,
                           GParamSpec     *pspec,
                           GkImportDialog *self)
{
  guint column;

  if (self->updating || !g_ptr_array_find (self->column_rows, row, &column))
    return;
  gk_import_set_column_target (self->import, column, target_at (self, adw_combo_row_get_selected (row)));
  /* A field takes one column: the one it had before is shown as free. */
  sync_column_rows (self);
  update_preview (self);
}

static void
rebuild_columns (GkImportDialog *self)
{
  g_autoptr(GtkStringList) keys = NULL;

  for (guint c = 0; c < self->column_rows->len; c++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, c));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < gk_import_get_n_columns (self->import); c++)
    {
      g_autoptr(GtkStringList) model = create_target_model (self, _("Not imported"));
      g_autofree char *letter = gk_table_column_name (c);
      const char *header = gk_import_get_column_header (self->import, c);
      g_autofree char *title = *header != '\0' ? g_strdup_printf (_("%s · %s"), letter, header) : g_strdup (letter);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_row_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  self->updating = TRUE;
  keys = create_target_model (self, _("The whole row"));
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (keys));
  adw_combo_row_set_selected (self->key_row, target_position (self, gk_import_get_key (self->import)));
  self->updating = FALSE;

  sync_column_rows (self);
  update_preview (self);
}

/* Source rows */

static void
on_item_row_selected_cb (GkImportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->item_row);
  g_autoptr(GError) error = NULL;

  if (self->updating || position >= self->items->len)
    return;
  if (!gk_import_set_item (self->import, gk_item_get_key (g_ptr_array_index (self->items, position)), &error))
    show_error (self, error);
  rebuild_columns (self);
}

static void
on_sheet_row_selected_cb (GkImportDialog *self)
{
  const char * const *sheets = gk_import_get_sheet_names (self->import);
  guint position = adw_combo_row_get_selected (self->sheet_row);
  g_autoptr(GError) error = NULL;

  if (self->updating || position >= g_strv_length ((char **) sheets))
    return;
  if (!gk_import_set_sheet (self->import, sheets[position], &error))
    show_error (self, error);
  rebuild_columns (self);
}

static void
on_header_spin_value_changed_cb (GkImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!gk_import_set_header_row (self->import, (guint) gtk_spin_button_get_value_as_int (self->header_spin), &error))
    show_error (self, error);
  rebuild_columns (self);
}

static void
on_key_row_selected_cb (GkImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!gk_import_set_key (self->import, target_at (self, adw_combo_row_get_selected (self->key_row)), &error))
    show_error (self, error);
}

static void
on_skip_switch_active_cb (GkImportDialog *self)
{
  gk_import_set_skip_bad_rows (self->import, gtk_switch_get_active (self->skip_switch));
}

/* Importing */

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkImportDialog *self = GK_IMPORT_DIALOG (widget);
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* 10 000 rows take about a second: the clerk waits for them, as for a save. */
  result = gk_import_run (self->import, FALSE, NULL, &error);
  if (result == NULL)
    {
      show_error (self, error);
      return;
    }
  show_problems (self, result->problems);

  if (result->n_problems > 0 && !gk_import_get_skip_bad_rows (self->import))
    message = g_strdup_printf (ngettext ("Nothing was imported: %u problem", "Nothing was imported: %u problems",
                                         result->n_problems),
                               result->n_problems);
  else if (result->batch_id == 0)
    message = g_strdup_printf (ngettext ("Nothing new to import: %u row was imported before",
                                         "Nothing new to import: %u rows were imported before",
                                         result->n_duplicates),
                               result->n_duplicates);
  if (message != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, result->batch_id, result->n_imported);
  gtk_window_close (GTK_WINDOW (self));
}

/* The item whose fields the headers name most; the first item when none. */
static guint
guess_item (GkImportDialog *self)
{
  guint best = 0;
  guint best_count = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      guint count = 0;

      if (!gk_import_set_item (self->import, gk_item_get_key (g_ptr_array_index (self->items, i)), NULL))
        continue;
      for (guint c = 0; c < gk_import_get_n_columns (self->import); c++)
        {
          const char *target = gk_import_get_column_target (self->import, c);

          /* Title, 文号 and the date every item has: they tell no item apart. */
          if (target != NULL && target[0] != ':')
            count++;
        }
      if (count > best_count)
        {
          best = i;
          best_count = count;
        }
    }
  return best;
}

static gboolean
load (GkImportDialog  *self,
      GError         **error)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sheets = gtk_string_list_new ((const char * const *) gk_import_get_sheet_names (self->import));
  g_autofree char *name = g_file_get_basename (gk_import_get_file (self->import));
  guint item;

  self->items = gk_store_list_items (self->store, NULL, FALSE, error);
  if (self->items == NULL)
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      GkItem *candidate = g_ptr_array_index (self->items, i);
      g_autofree char *label = g_strdup_printf (_("%s · %s"), gk_item_get_level1 (candidate), gk_item_get_level2 (candidate));

      gtk_string_list_append (items, label);
    }
  item = guess_item (self);
  if (self->items->len > 0 &&
      !gk_import_set_item (self->import, gk_item_get_key (g_ptr_array_index (self->items, item)), error))
    return FALSE;

  self->updating = TRUE;
  adw_window_title_set_subtitle (self->window_title, name);
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (items));
  adw_combo_row_set_selected (self->item_row, item);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
  /* A CSV has one sheet, named after its file: nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row),
                          g_strv_length ((char **) gk_import_get_sheet_names (self->import)) > 1);
  self->updating = FALSE;

  rebuild_columns (self);
  return TRUE;
}

/* GObject */

static void
gk_import_dialog_dispose (GObject *object)
{
  GkImportDialog *self = GK_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_cells, g_hash_table_unref);

  G_OBJECT_CLASS (gk_import_dialog_parent_class)->dispose (object);
}

static void
gk_import_dialog_class_init (GkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_import_dialog_dispose;

  /**
   * GkImportDialog::imported:
   * @batch_id: the batch, for gk_store_undo_import_batch()
   * @n_records: the records it added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/window/gk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, on_item_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_header_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_switch_active_cb);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_import_dialog_init (GkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->preview_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GkImportDialog *
gk_import_dialog_new (GtkWindow  *parent,
                      GkStore    *store,
                      GFile      *file,
                      GError    **error)
{
  GkImportDialog *self;
  GkImport *import;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  import = gk_import_new (store, file, error);
  if (import == NULL)
    return NULL;

  /* GTK's list of toplevels holds the window, until gtk_window_destroy(). */
  self = g_object_new (GK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = import;
  if (!load (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

GkImport *
gk_import_dialog_get_import (GkImportDialog *self)
{
  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

AdwComboRow *
gk_import_dialog_get_column_row (GkImportDialog *self,
                                 guint           column)
{
  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return g_ptr_array_index (self->column_rows, column);
}

AdwComboRow *
gk_import_dialog_get_item_row (GkImportDialog *self)
{
  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), NULL);
  return self->item_row;
}

guint
gk_import_dialog_get_n_problems (GkImportDialog *self)
{
  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), 0);
  return self->n_problems;
}

const char *
gk_import_dialog_get_preview_text (GkImportDialog *self,
                                   guint           row,
                                   guint           column)
{
  g_autofree char *key = g_strdup_printf ("%u:%u", row, column + 1);
  GtkLabel *label;

  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), NULL);
  label = g_hash_table_lookup (self->preview_cells, key);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
