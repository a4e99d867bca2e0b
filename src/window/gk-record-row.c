/* gk-record-row.c: a record in the list: title, item and unit, status, due date, overdue or due-soon badge. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-record-row.h"

struct _GkRecordRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *match_label;
  GtkLabel *status_label;
  GtkLabel *notes_label;
  GtkLabel *due_label;
  GtkLabel *overdue_label;
  GtkLabel *due_soon_label;

  GkRecord *record;
  GBinding *status_binding;
  GStrv search_terms;   /* the search's words, lower-cased; NULL when not searching */
  char *today;
  char *due_soon_by;
};

G_DEFINE_FINAL_TYPE (GkRecordRow, gk_record_row, GTK_TYPE_WIDGET)

static void
unbind_record (GkRecordRow *self)
{
  g_clear_pointer (&self->status_binding, g_binding_unbind);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_clear_object (&self->record);
}

static void
gk_record_row_dispose (GObject *object)
{
  GkRecordRow *self = GK_RECORD_ROW (object);

  unbind_record (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_RECORD_ROW);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->due_soon_by, g_free);
  g_clear_pointer (&self->search_terms, g_strfreev);

  G_OBJECT_CLASS (gk_record_row_parent_class)->dispose (object);
}

static void
gk_record_row_class_init (GkRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, box);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, match_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, GkRecordRow, due_soon_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_record_row_init (GkRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_record_row_new (void)
{
  return g_object_new (GK_TYPE_RECORD_ROW, NULL);
}


static void
update_subtitle (GkRecordRow *self)
{
  g_autofree char *subtitle = NULL;
  const char *unit_name = gk_record_get_unit_name (self->record);

  if (unit_name != NULL)
    subtitle = g_strdup_printf ("%s · %s", gk_record_get_item_name (self->record), unit_name);
  else
    subtitle = g_strdup (gk_record_get_item_name (self->record));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/* Where in @lower (@text lower-cased) the first of the terms occurs from
 * @from on, and which term (the longest of those starting there). */
static const char *
find_term (const char  *lower,
           gsize        from,
           GStrv        terms,
           gsize       *term_len)
{
  const char *first = NULL;

  *term_len = 0;
  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *at = strstr (lower + from, terms[i]);
      gsize len = strlen (terms[i]);

      if (at != NULL && (first == NULL || at < first || (at == first && len > *term_len)))
        {
          first = at;
          *term_len = len;
        }
    }
  return first;
}

/* @text as Pango markup, escaped, with every occurrence of a term in bold.
 * ASCII letters match either case, as in the store's search. */
static char *
markup_matches (const char *text,
                GStrv       terms)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  GString *out = g_string_new (NULL);
  g_autofree char *rest = NULL;
  gsize pos = 0, term_len;
  const char *at;

  while ((at = find_term (lower, pos, terms, &term_len)) != NULL)
    {
      gsize start = at - lower;
      g_autofree char *before = g_markup_escape_text (text + pos, start - pos);
      g_autofree char *match = g_markup_escape_text (text + start, term_len);

      g_string_append_printf (out, "%s<b>%s</b>", before, match);
      pos = start + term_len;
    }
  rest = g_markup_escape_text (text + pos, -1);
  g_string_append (out, rest);
  return g_string_free (out, FALSE);
}

/* A few characters around the first match in @text, marked up, or NULL
 * when no term occurs in it. */
static char *
markup_snippet (const char *text,
                GStrv       terms)
{
  g_autofree char *lower = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *markup = NULL;
  const char *at, *start, *end;
  gsize term_len;

  if (text == NULL || *text == '\0')
    return NULL;
  lower = g_ascii_strdown (text, -1);
  at = find_term (lower, 0, terms, &term_len);
  if (at == NULL)
    return NULL;

  start = text + (at - lower);
  for (int i = 0; i < 8 && start > text; i++)
    start = g_utf8_prev_char (start);
  end = text + (at - lower) + term_len;
  for (int i = 0; i < 24 && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  snippet = g_strndup (start, end - start);
  g_strdelimit (snippet, "\n\t", ' ');
  markup = markup_matches (snippet, terms);
  return g_strconcat (start > text ? "…" : "", markup, *end != '\0' ? "…" : "", NULL);
}

/* The first string in @node (a record's values) in which a term occurs. */
static char *
markup_values_snippet (JsonNode *node,
                       GStrv     terms)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          {
            char *found = markup_values_snippet (member, terms);
            if (found != NULL)
              return found;
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            char *found = markup_values_snippet (json_array_get_element (array, i), terms);
            if (found != NULL)
              return found;
          }
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return markup_snippet (json_node_get_string (node), terms);
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return NULL;
}

/* The title, with the search's words in bold; and when some word is not in
 * it, a line saying where the record holds it (索引号, 文号, text, fields). */
static void
update_title (GkRecordRow *self)
{
  const char *title = gk_record_get_title (self->record) != NULL ? gk_record_get_title (self->record) : "";
  g_autofree char *title_markup = NULL;
  g_autofree char *match = NULL;
  g_autofree char *lower_title = NULL;
  g_autoptr(GStrvBuilder) missing = NULL;
  g_auto(GStrv) others = NULL;

  if (self->search_terms == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      gtk_label_set_markup (self->title_label, escaped);
      gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
      return;
    }

  title_markup = markup_matches (title, self->search_terms);
  gtk_label_set_markup (self->title_label, title_markup);

  lower_title = g_ascii_strdown (title, -1);
  missing = g_strv_builder_new ();
  for (guint i = 0; self->search_terms[i] != NULL; i++)
    if (strstr (lower_title, self->search_terms[i]) == NULL)
      g_strv_builder_add (missing, self->search_terms[i]);
  others = g_strv_builder_end (missing);

  if (others[0] != NULL)
    {
      g_autofree char *snippet = NULL;
      g_autoptr(JsonNode) values = json_node_init_object (json_node_alloc (), gk_record_get_values (self->record));
      const char *label = NULL;

      if ((snippet = markup_snippet (gk_record_get_index_no (self->record), others)) != NULL)
        label = _("Index Number");
      else if ((snippet = markup_snippet (gk_record_get_doc_no (self->record), others)) != NULL)
        label = _("Document Number");
      else if ((snippet = markup_snippet (gk_record_get_body (self->record), others)) != NULL ||
               (snippet = markup_values_snippet (values, others)) != NULL)
        label = _("Contents");

      if (snippet != NULL)
        /* Translators: where a search matched: "索引号：…/2026-<b>00016</b>" */
        match = g_strdup_printf (_("%s: %s"), label, snippet);
    }

  gtk_label_set_markup (self->match_label, match != NULL ? match : "");
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), match != NULL);
}

/* The due date and the urgency badges depend on two dates and the day. */
static void
update_due (GkRecordRow *self)
{
  GkRecord *record = self->record;
  const char *published_on = gk_record_get_published_on (record);
  const char *due_on = gk_record_get_due_on (record);
  g_autofree char *due = NULL;
  gboolean overdue, due_soon;

  overdue = gk_record_is_overdue (record, self->today);
  due_soon = !overdue && self->due_soon_by != NULL && published_on == NULL &&
             due_on != NULL && g_strcmp0 (due_on, self->due_soon_by) <= 0;

  /* Beside the status tag 已公开 (已答复) the date says enough. */
  if (published_on != NULL && (g_strcmp0 (gk_record_get_status (record), GK_STATUS_PUBLISHED) == 0 ||
                               gk_record_is_request (record)))
    due = g_strdup (published_on);
  else if (due_on != NULL && gk_record_is_request (record))
    /* Translators: %s is a date: a request's reply deadline (答复期限) */
    due = g_strdup_printf (_("Reply due %s"), due_on);
  else if (published_on != NULL)
    /* Translators: %s is a date */
    due = g_strdup_printf (_("Published %s"), published_on);
  else if (due_on != NULL)
    /* Translators: %s is a date */
    due = g_strdup_printf (_("Due %s"), due_on);
  /* A request's status follows its reply date as well. */
  gtk_label_set_text (self->status_label, gk_record_get_status_label (record));
  gtk_label_set_text (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->due_soon_label), due_soon);

  /* The row's own classes let the list tint it, and tests read them. */
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
  if (due_soon)
    gtk_widget_add_css_class (GTK_WIDGET (self), "due-soon");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "due-soon");
}

/* What a screen reader says for the row: what it shows, in order. */
static void
update_accessible_label (GkRecordRow *self)
{
  GtkLabel *parts[] = { self->title_label, self->status_label, self->due_label, self->overdue_label, self->due_soon_label };
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *text = gtk_label_get_text (parts[i]);

      if (!gtk_widget_get_visible (GTK_WIDGET (parts[i])) || text == NULL || *text == '\0')
        continue;
      if (label->len > 0)
        /* Translators: between the parts of a record's name as a screen reader says it */
        g_string_append (label, _(", "));
      g_string_append (label, text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
  /* The list's own item around the row takes the focus, and GTK 4.8 gives
   * it no name of its own: it says the row's. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static void
update_due_and_label (GkRecordRow *self)
{
  update_due (self);
  update_accessible_label (self);
}

/* The row follows @record as it changes (the editor edits the same
 * record), so a new title shows in the list before it is saved. */
void
gk_record_row_set_record (GkRecordRow *self,
                          GkRecord    *record,
                          const char  *today,
                          const char  *due_soon_by)
{
  g_return_if_fail (GK_IS_RECORD_ROW (self));

  unbind_record (self);
  gk_record_row_set_notes (self, NULL);
  g_free (self->today);
  self->today = g_strdup (today);
  g_free (self->due_soon_by);
  self->due_soon_by = g_strdup (due_soon_by);
  if (record == NULL)
    {
      /* A recycled row must not keep the last record's urgency. */
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "due-soon");
      return;
    }

  self->record = g_object_ref (record);
  g_signal_connect_swapped (record, "notify::title", G_CALLBACK (update_title), self);
  self->status_binding = g_object_bind_property_full (record, "status", self->status_label, "label",
                                                      G_BINDING_SYNC_CREATE, gk_record_transform_status_label, NULL, NULL, NULL);
  g_signal_connect_swapped (record, "notify::item-name", G_CALLBACK (update_subtitle), self);
  g_signal_connect_swapped (record, "notify::unit-name", G_CALLBACK (update_subtitle), self);
  g_signal_connect_swapped (record, "notify::due-on", G_CALLBACK (update_due_and_label), self);
  g_signal_connect_swapped (record, "notify::published-on", G_CALLBACK (update_due_and_label), self);
  /* After the bindings: the labels hold the new title and status by then. */
  g_signal_connect_swapped (record, "notify::status", G_CALLBACK (update_due_and_label), self);
  g_signal_connect_swapped (record, "notify::title", G_CALLBACK (update_accessible_label), self);
  update_title (self);
  update_subtitle (self);
  update_due_and_label (self);
}

void
gk_record_row_set_search_text (GkRecordRow *self,
                               const char  *text)
{
  g_autoptr(GString) spaced = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  g_return_if_fail (GK_IS_RECORD_ROW (self));

  g_clear_pointer (&self->search_terms, g_strfreev);
  if (text != NULL)
    {
      /* Split as the store splits a search: spaces, the ideographic one too. */
      spaced = g_string_new (text);
      g_string_replace (spaced, "\u3000", " ", 0);
      words = g_strsplit_set (spaced->str, " \t\n", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
        {
          g_autofree char *lower = g_ascii_strdown (words[i], -1);
          g_strv_builder_add (builder, lower);
        }
      self->search_terms = g_strv_builder_end (builder);
      if (self->search_terms[0] == NULL)
        g_clear_pointer (&self->search_terms, g_strfreev);
    }
  if (self->record != NULL)
    update_title (self);
}

/* The title and the match line as marked up, for tests. */
/* What the row's record needs said beyond its dates (a request's state
 * and warnings), one note after another; NULL or empty for none. */
void
gk_record_row_set_notes (GkRecordRow        *self,
                         const char * const *notes)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GK_IS_RECORD_ROW (self));

  if (notes != NULL && notes[0] != NULL)
    text = g_strjoinv (" · ", (char **) notes);
  gtk_label_set_text (self->notes_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), text != NULL);
}

const char *
gk_record_row_get_notes (GkRecordRow *self)
{
  g_return_val_if_fail (GK_IS_RECORD_ROW (self), NULL);
  return gtk_label_get_text (self->notes_label);
}

const char *
gk_record_row_get_title_markup (GkRecordRow *self)
{
  g_return_val_if_fail (GK_IS_RECORD_ROW (self), NULL);
  return gtk_label_get_label (self->title_label);
}

const char *
gk_record_row_get_match_markup (GkRecordRow *self)
{
  g_return_val_if_fail (GK_IS_RECORD_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->match_label)) ? gtk_label_get_label (self->match_label) : NULL;
}

GkRecord *
gk_record_row_get_record (GkRecordRow *self)
{
  g_return_val_if_fail (GK_IS_RECORD_ROW (self), NULL);
  return self->record;
}
