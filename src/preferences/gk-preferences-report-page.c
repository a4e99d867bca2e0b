/* gk-preferences-report-page.c: Preferences: the annual report's figures the ledger cannot count, per year. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-message-row.h"
#include "gk-preferences-report-page.h"
#include "gk-settings.h"

#define FIGURE(member) G_STRUCT_OFFSET (GkReportFigures, member)
#define CARRIED(column) (G_STRUCT_OFFSET (GkReportFigures, carried_over) + (column) * sizeof (gint64))

/* Section 二's captions (国办公开办函〔2021〕30号), one group each. */
static const char *proactive_captions[] = {
  N_("Article 20, Item (1)"),
  N_("Article 20, Item (5)"),
  N_("Article 20, Item (6)"),
  N_("Article 20, Item (8)"),
};

static const struct
{
  guint caption;
  const char *row;
  const char *column;
  gsize offset;
  gboolean fees;
} proactive_figures[] = {
  { 0, N_("Regulations"), N_("Issued This Year"), FIGURE (rules_issued), FALSE },
  { 0, N_("Regulations"), N_("Repealed This Year"), FIGURE (rules_repealed), FALSE },
  { 0, N_("Regulations"), N_("Currently in Force"), FIGURE (rules_in_force), FALSE },
  { 0, N_("Administrative Normative Documents"), N_("Issued This Year"), FIGURE (normative_issued), FALSE },
  { 0, N_("Administrative Normative Documents"), N_("Repealed This Year"), FIGURE (normative_repealed), FALSE },
  { 0, N_("Administrative Normative Documents"), N_("Currently in Force"), FIGURE (normative_in_force), FALSE },
  { 1, N_("Administrative Licensing"), N_("Decisions This Year"), FIGURE (licensing_decisions), FALSE },
  { 2, N_("Administrative Penalties"), N_("Decisions This Year"), FIGURE (penalty_decisions), FALSE },
  { 2, N_("Administrative Coercion"), N_("Decisions This Year"), FIGURE (coercion_decisions), FALSE },
  { 3, N_("Administrative Fees"), N_("Fees This Year (10,000 Yuan)"), FIGURE (fees_fen), TRUE },
};

/* Section 三's applicant columns, the total aside. */
static const char *applicant_columns[GK_APPLICANT_TOTAL] = {
  N_("Natural Persons"),
  N_("Commercial Enterprises"),
  N_("Research Institutions"),
  N_("Social Welfare Organisations"),
  N_("Legal Service Institutions"),
  N_("Others"),
};

typedef enum
{
  TEXT_OVERVIEW,
  TEXT_PROBLEMS,
  TEXT_OTHER,
  N_TEXTS,
} TextSection;

static const char *text_titles[N_TEXTS] = {
  N_("I. Overview"),
  N_("V. Main Problems and Improvements"),
  N_("VI. Other Matters to Report"),
};

/* One figure typed in a row: where it goes in GkReportFigures, and how. */
typedef struct
{
  GtkWidget *row;               /* AdwEntryRow */
  GkMessageRow *message_row;
  gsize offset;
  gboolean fees;                /* 万元 with decimals, not a count */
} Figure;

struct _GkPreferencesReportPage
{
  AdwPreferencesPage parent_instance;

  AdwPreferencesGroup *year_group;
  AdwComboRow *year_row;
  GkMessageRow *year_message_row;

  GkStore *store;
  GkReportFigures *figures;     /* of the year shown; NULL when it could not be read */
  GArray *years;                /* int, parallel to the year combo */
  GPtrArray *figure_rows;       /* Figure: section 二 and the carried-over columns */
  GPtrArray *groups;            /* every group but the year's: insensitive without figures */
  GtkSwitch *carried_switch;
  GPtrArray *carried_rows;      /* shown with the switch on */
  GtkLabel *carried_total;
  GtkTextBuffer *texts[N_TEXTS];
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (GkPreferencesReportPage, gk_preferences_report_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_problem (GtkWidget    *row,
              GkMessageRow *message_row,
              const char   *problem)
{
  g_autofree char *message = NULL;

  if (problem != NULL)
    message = g_strdup_printf (_("%s. Not saved until it is corrected."), problem);
  gk_message_row_set_message (message_row, message, GK_SEVERITY_ERROR);
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
save (GkPreferencesReportPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->figures == NULL)
    return;
  if (!gk_store_set_report_figures (self->store, self->figures, &error))
    gk_message_row_set_message (self->year_message_row, error->message, GK_SEVERITY_ERROR);
  else
    gk_message_row_set_message (self->year_message_row, NULL, GK_SEVERITY_OK);
}

static void
update_carried_total (GkPreferencesReportPage *self)
{
  g_autofree char *total = NULL;
  gint64 sum = 0;

  if (self->figures == NULL)
    return;
  for (guint i = 0; i < GK_APPLICANT_TOTAL; i++)
    sum += self->figures->carried_over[i];
  self->figures->carried_over[GK_APPLICANT_TOTAL] = sum;
  total = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  gtk_label_set_text (self->carried_total, total);
}

static Figure *
find_figure (GkPreferencesReportPage *self,
             GtkWidget               *row)
{
  for (guint i = 0; i < self->figure_rows->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figure_rows, i);

      if (figure->row == row)
        return figure;
    }
  return NULL;
}

static void
on_figure_changed_cb (GkPreferencesReportPage *self,
                      AdwEntryRow  *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  Figure *figure = find_figure (self, GTK_WIDGET (row));
  gint64 value = 0;
  gboolean ok;

  if (self->filling || self->figures == NULL || figure == NULL)
    return;

  ok = figure->fees ? gk_report_parse_fees (text, &value, &error) : gk_report_parse_count (text, &value, &error);
  show_problem (GTK_WIDGET (row), figure->message_row, ok ? NULL : error->message);
  if (!ok)
    return;

  G_STRUCT_MEMBER (gint64, self->figures, figure->offset) = value;
  update_carried_total (self);
  save (self);
}

static void
on_carried_switch_cb (GkPreferencesReportPage *self)
{
  gboolean active = gtk_switch_get_active (self->carried_switch);

  for (guint i = 0; i < self->carried_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->carried_rows, i);
      Figure *figure = find_figure (self, row);

      gtk_widget_set_visible (row, active);
      /* A hidden field's problem goes with it: nothing of it is saved. */
      if (figure != NULL && !active)
        show_problem (row, figure->message_row, NULL);
    }
  if (self->filling || self->figures == NULL)
    return;
  self->figures->has_carried_over = active;
  save (self);
}

static void
on_text_changed_cb (GkPreferencesReportPage  *self,
                    GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  char **target;

  if (self->filling || self->figures == NULL)
    return;

  if (buffer == self->texts[TEXT_OVERVIEW])
    target = &self->figures->overview;
  else if (buffer == self->texts[TEXT_PROBLEMS])
    target = &self->figures->problems;
  else
    target = &self->figures->other;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (*target);
  *target = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save (self);
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

static AdwPreferencesGroup *
add_group (GkPreferencesReportPage *self,
           const char   *title,
           const char   *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_figure_row (GkPreferencesReportPage        *self,
                AdwPreferencesGroup *group,
                const char          *title,
                gsize                offset,
                gboolean             fees)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *message = gk_message_row_new ();
  Figure *figure = g_new0 (Figure, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), fees ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (GK_MESSAGE_ROW (message)), NULL, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message), title);
  figure->row = row;
  figure->message_row = GK_MESSAGE_ROW (message);
  figure->offset = offset;
  figure->fees = fees;
  g_signal_connect_object (row, "changed", G_CALLBACK (on_figure_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, message);
  g_ptr_array_add (self->figure_rows, figure);
  return row;
}

static char *
figure_title (const char *row,
              const char *column)
{
  /* Translators: a row of the annual report's table, then its column: 规章：本年制发件数 */
  return g_strdup_printf (_("%s: %s"), _(row), _(column));
}

static void
build_proactive (GkPreferencesReportPage *self)
{
  AdwPreferencesGroup *groups[G_N_ELEMENTS (proactive_captions)];

  add_group (self, _("II. Proactive Disclosure of Government Information"),
             _("Counts are whole numbers, 0 if there were none; fees are in 10,000 yuan with at most four decimals."));
  for (guint i = 0; i < G_N_ELEMENTS (proactive_captions); i++)
    groups[i] = add_group (self, _(proactive_captions[i]), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (proactive_figures); i++)
    {
      g_autofree char *title = figure_title (proactive_figures[i].row, proactive_figures[i].column);

      add_figure_row (self, groups[proactive_figures[i].caption], title,
                      proactive_figures[i].offset, proactive_figures[i].fees);
    }
}

static void
build_carried_over (GkPreferencesReportPage *self)
{
  AdwPreferencesGroup *group = add_group (self, _("III. Applications Received and Handled"),
                                          _("The ledger counts this year's applications. Only when last year's were not kept in it, enter the ones carried over."));
  GtkWidget *switch_row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *total_row = adw_action_row_new ();
  GtkWidget *total = gtk_label_new ("0");
  const char *title = _("II. Applications Carried Over from Last Year");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (switch_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (switch_row), _("Entered here, not taken from last year's row IV"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switch_row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entered here"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (switch_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (switch_row), toggle);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_carried_switch_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, switch_row);
  self->carried_switch = GTK_SWITCH (toggle);

  for (guint i = 0; i < GK_APPLICANT_TOTAL; i++)
    {
      GtkWidget *row = add_figure_row (self, group, _(applicant_columns[i]), CARRIED (i), FALSE);

      g_ptr_array_add (self->carried_rows, row);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total_row), _("Total"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (total_row), _("The sum of the columns above"));
  gtk_widget_add_css_class (total, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Total"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (total_row), total);
  adw_preferences_group_add (group, total_row);
  g_ptr_array_add (self->carried_rows, total_row);
  self->carried_total = GTK_LABEL (total);
}

/* Sections 一, 五 and 六 are text, in the report's order around the tables. */
static void
build_text (GkPreferencesReportPage *self,
            TextSection   i)
{
  AdwPreferencesGroup *group = add_group (self, _(text_titles[i]), NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as everywhere else in the window. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(text_titles[i]),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  /* The view's background must not square off the card's corners. */
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_preferences_group_add (group, scrolled);

  self->texts[i] = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_object (self->texts[i], "changed", G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
build_years (GkPreferencesReportPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int this_year = g_date_time_get_year (now);

  /* Newest first: last year's report is the one being written. */
  for (int year = this_year; year >= GK_REPORT_FIRST_YEAR; year--)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (labels, label);
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (labels));
  self->filling = FALSE;
}

/* ------------------------------------------------------------------ */
/* Filling                                                             */

static void
fill (GkPreferencesReportPage *self)
{
  g_autoptr(GError) error = NULL;
  int year = gk_preferences_report_page_get_year (self);

  g_clear_pointer (&self->figures, gk_report_figures_free);
  if (self->store != NULL && year != 0)
    self->figures = gk_store_get_report_figures (self->store, year, &error);

  /* A damaged entry is shown, never overwritten by an empty one. */
  gk_message_row_set_message (self->year_message_row, error != NULL ? error->message : NULL, GK_SEVERITY_ERROR);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->groups, i), self->figures != NULL);
  if (self->figures == NULL)
    return;

  self->filling = TRUE;
  for (guint i = 0; i < self->figure_rows->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figure_rows, i);
      gint64 value = G_STRUCT_MEMBER (gint64, self->figures, figure->offset);
      g_autofree char *text = NULL;

      if (figure->fees)
        text = gk_report_format_fees (value);
      else
        text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      gtk_editable_set_text (GTK_EDITABLE (figure->row), text);
      show_problem (figure->row, figure->message_row, NULL);
    }
  gtk_switch_set_active (self->carried_switch, self->figures->has_carried_over);
  on_carried_switch_cb (self);
  update_carried_total (self);
  gtk_text_buffer_set_text (self->texts[TEXT_OVERVIEW], self->figures->overview, -1);
  gtk_text_buffer_set_text (self->texts[TEXT_PROBLEMS], self->figures->problems, -1);
  gtk_text_buffer_set_text (self->texts[TEXT_OTHER], self->figures->other, -1);
  self->filling = FALSE;
}

static void
on_year_selected_cb (GkPreferencesReportPage *self)
{
  if (self->filling)
    return;
  fill (self);
}

/* ------------------------------------------------------------------ */

static void
gk_preferences_report_page_dispose (GObject *object)
{
  GkPreferencesReportPage *self = GK_PREFERENCES_REPORT_PAGE (object);

  for (guint i = 0; i < N_TEXTS; i++)
    if (self->texts[i] != NULL)
      g_signal_handlers_disconnect_by_data (self->texts[i], self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_REPORT_PAGE);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);
  g_clear_pointer (&self->carried_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->figures, gk_report_figures_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_preferences_report_page_parent_class)->dispose (object);
}

static void
gk_preferences_report_page_class_init (GkPreferencesReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_preferences_report_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/preferences/gk-preferences-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesReportPage, year_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesReportPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesReportPage, year_message_row);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
}

static void
gk_preferences_report_page_init (GkPreferencesReportPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->figure_rows = g_ptr_array_new_with_free_func (g_free);
  self->carried_rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();

  build_years (self);
  build_text (self, TEXT_OVERVIEW);
  build_proactive (self);
  build_carried_over (self);
  build_text (self, TEXT_PROBLEMS);
  build_text (self, TEXT_OTHER);

  self->filling = TRUE;
  gk_preferences_report_page_set_year (self, g_date_time_get_year (now) - 1);
  self->filling = FALSE;
}

void
gk_preferences_report_page_set_store (GkPreferencesReportPage *self,
                          GkStore      *store)
{
  g_return_if_fail (GK_IS_PREFERENCES_REPORT_PAGE (self));
  g_return_if_fail (GK_IS_STORE (store));

  g_set_object (&self->store, store);
  fill (self);
}

int
gk_preferences_report_page_get_year (GkPreferencesReportPage *self)
{
  guint selected;

  g_return_val_if_fail (GK_IS_PREFERENCES_REPORT_PAGE (self), 0);

  selected = adw_combo_row_get_selected (self->year_row);
  return selected < self->years->len ? g_array_index (self->years, int, selected) : 0;
}

void
gk_preferences_report_page_set_year (GkPreferencesReportPage *self,
                         int           year)
{
  g_return_if_fail (GK_IS_PREFERENCES_REPORT_PAGE (self));

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      adw_combo_row_set_selected (self->year_row, i);
}
