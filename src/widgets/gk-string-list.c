/* gk-string-list.c: a preferences group of entry rows, one per name, with buttons to move and remove each. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-message-row.h"
#include "gk-string-list.h"

/* The widgets of one name, owned by the group. */
typedef struct
{
  GtkWidget *entry;
  GtkWidget *message;
  GtkWidget *up;
  GtkWidget *down;
  GtkWidget *remove;
} Row;

struct _GkStringList
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *rows;               /* Row, in order */
  GtkWidget *adding_row;         /* owned; NULL without "adding-title" */
  char *row_title;
  gboolean reorderable;
  gboolean apply_each;
};

G_DEFINE_FINAL_TYPE (GkStringList, gk_string_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STRINGS,
  PROP_ROW_TITLE,
  PROP_REORDERABLE,
  PROP_APPLY_EACH,
  PROP_ADDING_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void label_row (GkStringList *self,
                       guint         index);

static void
emit_changed (GkStringList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRINGS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The index of the row that @widget (an entry row or one of its buttons) belongs to. */
static guint
find_row (GkStringList *self,
          GtkWidget    *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (widget == row->entry || gtk_widget_is_ancestor (widget, row->entry))
        return i;
    }
  return G_MAXUINT;
}

static void
on_entry_changed_cb (GkStringList *self,
                     GtkWidget    *entry)
{
  guint index = find_row (self, entry);

  if (index < self->rows->len)
    label_row (self, index);
  if (!self->apply_each)
    emit_changed (self);
}

static void
on_entry_apply_cb (GkStringList *self)
{
  emit_changed (self);
}

static void
focus_row (GkStringList *self,
           guint         index,
           const char   *button)
{
  GtkWidget *target;

  if (index >= self->rows->len)
    {
      if (self->adding_row != NULL)
        gtk_widget_grab_focus (self->adding_row);
      return;
    }
  target = button != NULL ? gk_string_list_get_button (self, index, button) : NULL;
  if (target == NULL || !gtk_widget_get_sensitive (target))
    target = ((Row *) g_ptr_array_index (self->rows, index))->entry;
  gtk_widget_grab_focus (target);
}

static void
move_row (GkStringList *self,
          guint         index,
          int           delta)
{
  g_auto(GStrv) strings = gk_string_list_dup_strings (self);
  guint other = index + delta;
  char *swap;

  if (index >= self->rows->len || other >= self->rows->len)
    return;
  swap = strings[index];
  strings[index] = strings[other];
  strings[other] = swap;
  gk_string_list_set_strings (self, (const char * const *) strings);
  /* The keyboard stays on the button that moved the name. */
  focus_row (self, other, delta < 0 ? "up" : "down");
  emit_changed (self);
}

static void
on_up_clicked_cb (GkStringList *self,
                  GtkWidget    *button)
{
  move_row (self, find_row (self, button), -1);
}

static void
on_down_clicked_cb (GkStringList *self,
                    GtkWidget    *button)
{
  move_row (self, find_row (self, button), +1);
}

static void
on_remove_clicked_cb (GkStringList *self,
                      GtkWidget    *button)
{
  g_auto(GStrv) strings = gk_string_list_dup_strings (self);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;
  guint index = find_row (self, button);

  if (index >= self->rows->len)
    return;
  for (guint i = 0; strings[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (kept, strings[i]);
  remaining = g_strv_builder_end (kept);

  gk_string_list_set_strings (self, (const char * const *) remaining);
  /* Focus stays near: on the name that took its place, or the one above. */
  focus_row (self, self->rows->len > 0 ? MIN (index, self->rows->len - 1) : 0, NULL);
  g_signal_emit (self, signals[REMOVED], 0, index, strings[index]);
  emit_changed (self);
}

static void
on_adding_apply_cb (GkStringList *self)
{
  g_auto(GStrv) strings = gk_string_list_dup_strings (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->adding_row))));

  if (*name == '\0')
    return;
  g_strv_builder_addv (builder, (const char **) strings);
  g_strv_builder_add (builder, name);
  wanted = g_strv_builder_end (builder);
  gk_string_list_set_strings (self, (const char * const *) wanted);
  gtk_editable_set_text (GTK_EDITABLE (self->adding_row), "");
  emit_changed (self);
}

static GtkWidget *
suffix_button (GkStringList *self,
               Row          *row,
               const char   *icon_name,
               GCallback     callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->entry), button);
  return button;
}

static Row *
append_row (GkStringList *self)
{
  Row *row = g_new0 (Row, 1);

  row->entry = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->entry), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row->entry), self->apply_each);
  if (self->reorderable)
    {
      row->up = suffix_button (self, row, "go-up-symbolic", G_CALLBACK (on_up_clicked_cb));
      row->down = suffix_button (self, row, "go-down-symbolic", G_CALLBACK (on_down_clicked_cb));
    }
  row->remove = suffix_button (self, row, "user-trash-symbolic", G_CALLBACK (on_remove_clicked_cb));
  row->message = gk_message_row_new ();
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (GK_MESSAGE_ROW (row->message)), NULL, -1);
  g_signal_connect_object (row->entry, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->entry, "apply", G_CALLBACK (on_entry_apply_cb), self, G_CONNECT_SWAPPED);

  /* The adding row stays last. */
  if (self->adding_row != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->adding_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->entry);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->message);
  if (self->adding_row != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->adding_row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* Surplus rows go, kept alive until the click that removed them has finished. */
static void
drop_last_row (GkStringList *self)
{
  Row *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);

  g_idle_add_once ((GSourceOnceFunc) g_object_unref, g_object_ref (row->entry));
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->entry);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->message);
  g_free (row);
}

static void
label_button (GtkWidget  *button,
              const char *format,
              const char *name)
{
  g_autofree char *label = NULL;

  if (button == NULL)
    return;
  label = g_strdup_printf (format, name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Titles and button names follow the rows' places and names. */
static void
label_row (GkStringList *self,
           guint         index)
{
  Row *row = g_ptr_array_index (self->rows, index);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry));
  /* Translators: the name of a list's rows (Channel), then the row's 1-based number */
  g_autofree char *title = g_strdup_printf (_("%s %u"), self->row_title != NULL ? self->row_title : "", index + 1);
  const char *name = *text != '\0' ? text : title;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->entry), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->message), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  label_button (row->up, _("Move “%s” up"), name);
  label_button (row->down, _("Move “%s” down"), name);
  label_button (row->remove, _("Remove “%s”"), name);
  if (row->up != NULL)
    gtk_widget_set_sensitive (row->up, index > 0);
  if (row->down != NULL)
    gtk_widget_set_sensitive (row->down, index + 1 < self->rows->len);
}

static void
gk_string_list_dispose (GObject *object)
{
  GkStringList *self = GK_STRING_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->adding_row);

  G_OBJECT_CLASS (gk_string_list_parent_class)->dispose (object);
}

static void
gk_string_list_finalize (GObject *object)
{
  GkStringList *self = GK_STRING_LIST (object);

  g_free (self->row_title);

  G_OBJECT_CLASS (gk_string_list_parent_class)->finalize (object);
}

static void
set_adding_title (GkStringList *self,
                  const char   *title)
{
  if (title == NULL)
    {
      if (self->adding_row != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->adding_row);
      g_clear_object (&self->adding_row);
      return;
    }
  if (self->adding_row == NULL)
    {
      /* Owned, as it leaves the group and comes back after each new row. */
      self->adding_row = g_object_ref_sink (adw_entry_row_new ());
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->adding_row), TRUE);
      g_signal_connect_object (self->adding_row, "apply", G_CALLBACK (on_adding_apply_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->adding_row);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->adding_row), title);
}

static void
gk_string_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkStringList *self = GK_STRING_LIST (object);

  switch (prop_id)
    {
    case PROP_STRINGS:
      g_value_take_boxed (value, gk_string_list_dup_strings (self));
      break;
    case PROP_ROW_TITLE:
      g_value_set_string (value, self->row_title);
      break;
    case PROP_REORDERABLE:
      g_value_set_boolean (value, self->reorderable);
      break;
    case PROP_APPLY_EACH:
      g_value_set_boolean (value, self->apply_each);
      break;
    case PROP_ADDING_TITLE:
      g_value_set_string (value, self->adding_row != NULL
                                   ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->adding_row)) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_string_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkStringList *self = GK_STRING_LIST (object);

  switch (prop_id)
    {
    case PROP_STRINGS:
      gk_string_list_set_strings (self, g_value_get_boxed (value));
      break;
    case PROP_ROW_TITLE:
      g_free (self->row_title);
      self->row_title = g_value_dup_string (value);
      break;
    case PROP_REORDERABLE:
      self->reorderable = g_value_get_boolean (value);
      break;
    case PROP_APPLY_EACH:
      self->apply_each = g_value_get_boolean (value);
      break;
    case PROP_ADDING_TITLE:
      set_adding_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gk_string_list_add (GK_STRING_LIST (widget));
}

static void
gk_string_list_class_init (GkStringListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_string_list_dispose;
  object_class->finalize = gk_string_list_finalize;
  object_class->get_property = gk_string_list_get_property;
  object_class->set_property = gk_string_list_set_property;

  properties[PROP_STRINGS] =
    g_param_spec_boxed ("strings", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_TITLE] =
    g_param_spec_string ("row-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Rows are built as names come: these are fixed at construction. */
  properties[PROP_REORDERABLE] =
    g_param_spec_boolean ("reorderable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLY_EACH] =
    g_param_spec_boolean ("apply-each", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDING_TITLE] =
    g_param_spec_string ("adding-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkStringList::changed:
   *
   * The clerk renamed, added, moved or removed a name.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GkStringList::removed:
   * @index: where the name was
   * @name: the name removed
   *
   * The clerk removed a name; "changed" follows.
   */
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "string-list.add", NULL, add_activated);
}

static void
gk_string_list_init (GkStringList *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
gk_string_list_new (void)
{
  return g_object_new (GK_TYPE_STRING_LIST, NULL);
}

GStrv
gk_string_list_dup_strings (GkStringList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GK_IS_STRING_LIST (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (((Row *) g_ptr_array_index (self->rows, i))->entry)));
  return g_strv_builder_end (builder);
}

void
gk_string_list_set_strings (GkStringList       *self,
                            const char * const *strings)
{
  guint n;

  g_return_if_fail (GK_IS_STRING_LIST (self));

  n = strings != NULL ? g_strv_length ((GStrv) strings) : 0;
  while (self->rows->len > n)
    drop_last_row (self);
  while (self->rows->len < n)
    append_row (self);

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      /* Showing names is not the clerk typing them. */
      g_signal_handlers_block_by_func (row->entry, on_entry_changed_cb, self);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->entry)), strings[i]) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row->entry), strings[i]);
      g_signal_handlers_unblock_by_func (row->entry, on_entry_changed_cb, self);
      gk_message_row_set_message (GK_MESSAGE_ROW (row->message), NULL, GK_SEVERITY_OK);
      label_row (self, i);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRINGS]);
}

guint
gk_string_list_get_n_rows (GkStringList *self)
{
  g_return_val_if_fail (GK_IS_STRING_LIST (self), 0);
  return self->rows->len;
}

GtkWidget *
gk_string_list_get_row (GkStringList *self,
                        guint         index)
{
  g_return_val_if_fail (GK_IS_STRING_LIST (self), NULL);

  if (index >= self->rows->len)
    return NULL;
  return ((Row *) g_ptr_array_index (self->rows, index))->entry;
}

GtkWidget *
gk_string_list_get_button (GkStringList *self,
                           guint         index,
                           const char   *which)
{
  Row *row;

  g_return_val_if_fail (GK_IS_STRING_LIST (self), NULL);

  if (index >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, index);
  if (g_str_equal (which, "up"))
    return row->up;
  if (g_str_equal (which, "down"))
    return row->down;
  if (g_str_equal (which, "remove"))
    return row->remove;
  g_return_val_if_reached (NULL);
}

void
gk_string_list_set_problem (GkStringList *self,
                            guint         index,
                            const char   *message)
{
  Row *row;

  g_return_if_fail (GK_IS_STRING_LIST (self));
  g_return_if_fail (index < self->rows->len);

  row = g_ptr_array_index (self->rows, index);
  gk_message_row_set_message (GK_MESSAGE_ROW (row->message), message, GK_SEVERITY_ERROR);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

void
gk_string_list_add (GkStringList *self)
{
  Row *row;

  g_return_if_fail (GK_IS_STRING_LIST (self));

  row = append_row (self);
  label_row (self, self->rows->len - 1);
  if (self->rows->len > 1)
    label_row (self, self->rows->len - 2);
  gtk_widget_grab_focus (row->entry);
  /* An empty name is nothing to save yet: no "changed" until it is typed. */
}
