/* gk-a11y-value.c: drop-downs and combo rows tell a screen reader the value they show. */
#include "config.h"

#include "gk-a11y-value.h"

/* The selected item as its list shows it: through the widget's expression,
 * or a string object's string. */
static char *
dup_selected_text (GtkWidget *widget)
{
  GtkExpression *expression;
  gpointer item;
  char *text = NULL;

  if (GTK_IS_DROP_DOWN (widget))
    {
      item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));
      expression = gtk_drop_down_get_expression (GTK_DROP_DOWN (widget));
    }
  else
    {
      item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (widget));
      expression = adw_combo_row_get_expression (ADW_COMBO_ROW (widget));
    }

  if (item == NULL)
    return NULL;
  if (expression != NULL)
    {
      GValue value = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, item, &value))
        {
          if (G_VALUE_HOLDS_STRING (&value))
            text = g_value_dup_string (&value);
          g_value_unset (&value);
        }
    }
  else if (GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return text;
}

static void
update_description (GtkWidget *widget)
{
  g_autofree char *text = dup_selected_text (widget);
  GtkWidget *target = widget;

  /* The drop-down's button is what a screen reader is on. */
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_first_child (widget) != NULL)
    target = gtk_widget_get_first_child (widget);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
gk_a11y_value_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_first_child (widget) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (widget)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
gk_a11y_value_follow (GtkWidget  *widget,
                      const char *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget));

  if (label != NULL)
    gk_a11y_value_set_label (widget, label);
  g_signal_connect (widget, "notify::selected", G_CALLBACK (update_description), NULL);
  g_signal_connect (widget, "notify::model", G_CALLBACK (update_description), NULL);
  update_description (widget);
}

/* "_Restore from Backup…" as a screen reader should say it. */
static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (plain, *p++);
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

/* On every button's "realize": a button on a page never shown keeps its
 * name from the template (see gk-window.ui's Restore from Backup…). */
static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                      guint                  n_params,
                      const GValue          *params,
                      gpointer               data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_BUTTON (object) && gtk_button_get_use_underline (GTK_BUTTON (object)) &&
      gtk_button_get_label (GTK_BUTTON (object)) != NULL)
    {
      g_autofree char *plain = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (object)));
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (object));

      /* GTK 4.8 says the button's label and then its label widget's text:
       * the name alone is said, the label widget only shows it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
      if (GTK_IS_LABEL (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
  return TRUE;
}

void
gk_a11y_name_mnemonic_buttons (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does; buttons are made later. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_BUTTON));
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, on_realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
