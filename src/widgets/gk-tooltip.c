/* gk-tooltip.c: tooltips in a label wide enough for Chinese text, which GTK 4.8's own tooltip label wraps after a few characters. */
#include "config.h"

#include "gk-tooltip.h"

/* In "characters" of a Latin digit's width: a Chinese character takes two. */
#define MAX_WIDTH_CHARS 48

void
gk_tooltip_set_wide_text (GtkTooltip *tooltip,
                          const char *text)
{
  GtkWidget *label;
  int width = 0;

  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));
  g_return_if_fail (text != NULL);

  for (const char *p = text; *p != '\0' && width < MAX_WIDTH_CHARS; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  /* GTK 4.8 sizes its tooltip label at the narrowest it can wrap to, which
   * for Chinese is one character: a label that asks for its width does not. */
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), width);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || *text == '\0')
    return FALSE;
  gk_tooltip_set_wide_text (tooltip, text);
  return TRUE;
}

void
gk_tooltip_attach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_handlers_disconnect_by_func (widget, on_query_tooltip_cb, NULL);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (gtk_widget_get_tooltip_text (widget) != NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  return TRUE;
}

void
gk_tooltip_attach_everywhere (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, on_realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
