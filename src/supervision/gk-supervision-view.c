/* gk-supervision-view.c: the supervision (督查) report: each unit's timeliness, domain by domain. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gk-a11y-value.h"
#include "gk-calendar.h"
#include "gk-exchange.h"
#include "gk-plan-section.h"
#include "gk-supervision-export.h"
#include "gk-supervision-print.h"
#include "gk-supervision-view.h"

struct _GkSupervisionView
{
  AdwBin parent_instance;

  /* Template children */
  GtkLabel *range_label;
  GtkDropDown *period_dropdown;
  GtkLabel *missing_label;
  GtkWidget *report_box;
  GtkWidget *summary_box;
  GtkLabel *due_label;
  GtkLabel *on_time_label;
  GtkLabel *late_label;
  GtkLabel *overdue_label;
  GtkLabel *rate_label;
  GtkBox *domains_box;
  GtkWidget *empty_page;
  GkPlanSection *plan_section;
  GtkWidget *export_button;
  GtkWidget *header_box;
  GtkWidget *controls_box;

  GkStore *store;
  GkPeriod period;
  GPtrArray *report;      /* of GkSupervisionRow, as shown */
  GPtrArray *row_widgets; /* the GtkListBoxRow of each report row but the overall total, in order */
  GPtrArray *headers;     /* each domain's column titles: beside its title, then as its first row */
  char *from;             /* the period counted */
  char *to;
  char *today;            /* the day the report was counted on */
  GtkPrintOperation *print_operation;  /* the last one, kept while the print dialog runs */
  gboolean dirty;         /* the ledger changed while the view was hidden */
  gboolean narrow;        /* numbers under the names: see update_narrow() */
  guint narrow_idle_id;
};

G_DEFINE_FINAL_TYPE (GkSupervisionView, gk_supervision_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UNIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The columns of every domain's table, in order. */
enum {
  COLUMN_DUE,
  COLUMN_ON_TIME,
  COLUMN_LATE,
  COLUMN_OVERDUE,
  COLUMN_PENDING,
  COLUMN_RATE,
  N_COLUMNS
};

/* Narrow enough for a 360-pixel phone-sized window; the size groups keep
 * the columns apart by their widest header anyway. */
#define COLUMN_SPACING 6
/* Below this width a row puts its numbers under the unit's name: side by
 * side, a name and six columns need about 470 pixels. */
#define NARROW_WIDTH 560

static char *
format_rate (const GkSupervisionRow *row)
{
  double rate = gk_supervision_row_get_rate (row);

  /* Nothing was due yet: a rate would claim more than we know. */
  if (isnan (rate))
    return g_strdup ("—");
  /* Translators: an on-time rate in percent, e.g. 92.5% */
  return g_strdup_printf (_("%.1f%%"), rate * 100);
}

/* The rate's band, one colour per band (gk_rate_get_band()). */
static void
style_rate_label (GtkWidget              *label,
                  const GkSupervisionRow *row)
{
  static const char *classes[] = { "error", "warning", "success", "dim-label" };
  const char *wanted;

  switch (gk_rate_get_band (gk_supervision_row_get_rate (row)))
    {
    case GK_RATE_BAND_GOOD:
      wanted = "success";
      break;
    case GK_RATE_BAND_FAIR:
      wanted = "warning";
      break;
    case GK_RATE_BAND_POOR:
      wanted = "error";
      break;
    case GK_RATE_BAND_NONE:
    default:
      wanted = "dim-label";
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, wanted);
}

static char *
describe_row (const GkSupervisionRow *row,
              const char             *name)
{
  g_autofree char *rate = format_rate (row);

  /* Translators: read by screen readers for one row of the supervision
   * report: a unit (or "All units"), its counts and its on-time rate */
  return g_strdup_printf (_("%s: %u due, %u on time, %u late, %u overdue, %u not yet due, on-time rate %s"),
                          name, row->due, row->on_time, row->late, row->overdue, row->pending, rate);
}

/* What the numbers do not show: days late, a guessed calendar, 不予公开. */
static char *
describe_details (const GkSupervisionRow *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (row->late_workdays > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u working day late in all",
                                                       "%u working days late in all",
                                                       row->late_workdays),
                                             row->late_workdays));
  if (row->missing_year != 0)
    g_ptr_array_add (parts, gk_calendar_describe_missing_year (row->missing_year));
  /* 不予公开 is no lateness, yet counted, with its grounds (条例 第十四–十六条). */
  if (row->withheld > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u not disclosed: %s", "%u not disclosed: %s", row->withheld),
                                             row->withheld, row->grounds != NULL ? row->grounds : "—"));

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
create_cell (GtkSizeGroup *group,
             const char   *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  gtk_size_group_add_widget (group, label);
  return label;
}

/* One line of a domain's table: a unit, or the domain's total. The size
 * groups line the numbers up under the headers across every domain. */
static GtkWidget *
create_table_row (const GkSupervisionRow *row,
                  GtkSizeGroup          **columns)
{
  g_autofree char *name = NULL;
  g_autofree char *details = describe_details (row);
  g_autofree char *description = NULL;
  g_autofree char *rate = format_rate (row);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, COLUMN_SPACING);
  GtkWidget *name_label;
  GtkWidget *rate_cell;
  const guint counts[] = { row->due, row->on_time, row->late, row->overdue, row->pending };

  if (row->kind == GK_SUPERVISION_ROW_DOMAIN_TOTAL)
    name = g_strdup (_("All units"));
  else if (row->unit_name != NULL)
    name = g_strdup (row->unit_name);
  else
    name = g_strdup (_("No responsible unit"));

  /* Activating a row shows its unit's records in the list beside. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), TRUE);
  gtk_widget_set_tooltip_text (list_row, _("Show the unit’s records"));
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Unit names such as 区政府办公室（区政务公开办公室） are cut short,
   * whole in the tooltip, rather than squeeze the numbers or wrap a
   * character a line in a narrow window. */
  name_label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name_label, name);
  if (row->kind == GK_SUPERVISION_ROW_DOMAIN_TOTAL)
    gtk_widget_add_css_class (name_label, "heading");
  gtk_box_append (GTK_BOX (name_box), name_label);
  if (details != NULL)
    {
      GtkWidget *details_label = gtk_label_new (details);

      gtk_label_set_xalign (GTK_LABEL (details_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (details_label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (details_label, details);
      gtk_widget_add_css_class (details_label, "caption");
      gtk_widget_add_css_class (details_label, "dim-label");
      gtk_box_append (GTK_BOX (name_box), details_label);
    }
  gtk_widget_set_hexpand (name_box, TRUE);
  /* Room for the start of a unit's name however narrow the window. */
  gtk_widget_set_size_request (name_box, 96, -1);
  gtk_widget_set_valign (name_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), name_box);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", counts[i]);
      GtkWidget *cell = create_cell (columns[i], text);

      if (row->kind == GK_SUPERVISION_ROW_DOMAIN_TOTAL)
        gtk_widget_add_css_class (cell, "heading");
      gtk_box_append (GTK_BOX (cells), cell);
    }
  rate_cell = create_cell (columns[COLUMN_RATE], rate);
  /* Room for "100.0%" and a gap, so the rate never reads as part of the count before it. */
  gtk_label_set_width_chars (GTK_LABEL (rate_cell), 8);
  style_rate_label (rate_cell, row);
  gtk_widget_add_css_class (rate_cell, "heading");
  gtk_box_append (GTK_BOX (cells), rate_cell);
  gtk_box_append (GTK_BOX (box), cells);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  description = describe_row (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return list_row;
}

static GtkWidget *
create_table_header (GtkSizeGroup **columns)
{
  const char *titles[N_COLUMNS] = { _("Due"), _("On Time"), C_("records published after their deadline", "Late"), _("Overdue"), _("Not Yet Due"), _("Rate") };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, COLUMN_SPACING);
  g_autofree char *tooltip = NULL;

  /* Lines up with the rows' end margin inside the boxed list. */
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *label = create_cell (columns[i], titles[i]);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  /* Translators: the bands of the on-time rate, in percent */
  tooltip = g_strdup_printf (_("Published on time, of all that were due by today. "
                               "Green: %.0f%% or more; amber: %.0f%% to %.0f%%; red: below %.0f%%."),
                             GK_RATE_GOOD * 100, GK_RATE_FAIR * 100, GK_RATE_GOOD * 100, GK_RATE_FAIR * 100);
  gtk_widget_set_tooltip_text (gtk_widget_get_last_child (box), tooltip);
  return box;
}

static void
clear_domains (GkSupervisionView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->domains_box))) != NULL)
    gtk_box_remove (self->domains_box, child);
}

static void
show_summary (GkSupervisionView      *self,
              const GkSupervisionRow *total)
{
  g_autofree char *due = g_strdup_printf ("%u", total->due);
  g_autofree char *on_time = g_strdup_printf ("%u", total->on_time);
  g_autofree char *late = g_strdup_printf ("%u", total->late);
  g_autofree char *overdue = g_strdup_printf ("%u", total->overdue);
  g_autofree char *rate = format_rate (total);
  g_autofree char *description = describe_row (total, _("All units and domains"));

  gtk_label_set_text (self->due_label, due);
  gtk_label_set_text (self->on_time_label, on_time);
  gtk_label_set_text (self->late_label, late);
  gtk_label_set_text (self->overdue_label, overdue);
  gtk_label_set_text (self->rate_label, rate);
  style_rate_label (GTK_WIDGET (self->rate_label), total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  if (total->missing_year != 0)
    {
      g_autofree char *missing = gk_calendar_describe_missing_year (total->missing_year);
      g_autofree char *text = NULL;

      /* Translators: %s is “Calendar for YYYY missing” */
      text = g_strdup_printf (_("%s: some due dates were counted on Monday to Friday less the fixed-date holidays. Add the year’s holiday notice in Preferences."),
                              missing);
      gtk_label_set_text (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), total->missing_year != 0);
}

/* A district's ledger holds its departments' records: which ones, and
 * from which file and when each last came. Nothing for a single one. */
static gboolean
show_organisations (GkSupervisionView *self)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *list;

  organisations = gk_store_list_organisations (self->store, &error);
  if (organisations == NULL)
    {
      g_warning ("Could not list the organisations: %s", error->message);
      return FALSE;
    }
  if (organisations->len < 2)
    return FALSE;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Organisations"));
  adw_preferences_group_set_description (group, _("Where each organisation’s records came from"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organisations"), -1);
  for (guint i = 0; i < organisations->len; i++)
    {
      GkOrganisation *organisation = g_ptr_array_index (organisations, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *records = g_strdup_printf (ngettext ("%u record", "%u records", organisation->n_records),
                                                  organisation->n_records);
      g_autofree char *subtitle = NULL;

      if (organisation->id == 0)
        /* Translators: the organisation's code, its records */
        subtitle = g_strdup_printf (_("%s · %s · this ledger’s own"), organisation->code, records);
      else
        {
          g_autofree char *when = g_strndup (organisation->imported_at != NULL ? organisation->imported_at : "", 10);

          /* Translators: the organisation's code, its records, the exchange file's name, the day it was imported */
          subtitle = g_strdup_printf (_("%s · %s · imported from %s on %s"), organisation->code, records,
                                      organisation->source, when);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), organisation->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_preferences_group_add (group, list);
  gtk_box_append (self->domains_box, GTK_WIDGET (group));
  return TRUE;
}

static void
on_list_row_activated_cb (GkSupervisionView *self,
                          GtkListBoxRow     *list_row)
{
  for (guint i = 0; self->report != NULL && i < self->row_widgets->len; i++)
    if (g_ptr_array_index (self->row_widgets, i) == (gpointer) list_row)
      {
        const GkSupervisionRow *row = g_ptr_array_index (self->report, i);

        g_signal_emit (self, signals[UNIT_ACTIVATED], 0, row->unit_id, row->domain);
        return;
      }
}

/* Each row, and the header, as wide or narrow as the view is. */
static void
update_narrow (GkSupervisionView *self)
{
  GtkOrientation orientation = self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->header_box), orientation);
  gtk_widget_set_halign (self->controls_box, self->narrow ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  for (guint i = 0; i + 1 < self->headers->len; i += 2)
    {
      GtkWidget *titles[] = { g_ptr_array_index (self->headers, i),
                              gtk_list_box_row_get_child (g_ptr_array_index (self->headers, i + 1)) };

      gtk_widget_set_visible (g_ptr_array_index (self->headers, i), !self->narrow);
      gtk_widget_set_visible (g_ptr_array_index (self->headers, i + 1), self->narrow);
      /* Narrow, a title may take two lines ("Not Yet / Due") rather than
       * widen the window; the hidden titles too, which share the size groups. */
      for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
        for (GtkWidget *label = gtk_widget_get_first_child (titles[t]); label != NULL; label = gtk_widget_get_next_sibling (label))
          gtk_label_set_wrap (GTK_LABEL (label), self->narrow);
    }
  for (guint i = 0; i < self->row_widgets->len; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (g_ptr_array_index (self->row_widgets, i));

      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), orientation);
      gtk_box_set_spacing (GTK_BOX (box), self->narrow ? 6 : 12);
      gtk_widget_set_halign (gtk_widget_get_last_child (box), self->narrow ? GTK_ALIGN_END : GTK_ALIGN_FILL);
    }
}

static gboolean
update_narrow_idle_cb (gpointer data)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (data);

  self->narrow_idle_id = 0;
  update_narrow (self);
  return G_SOURCE_REMOVE;
}

/* The layout follows the width the view shows, which is its scrolled
 * window's page: changed after the allocation that set it, never during it. */
static void
on_page_size_cb (GkSupervisionView *self,
                 GParamSpec        *pspec,
                 GtkAdjustment     *adjustment)
{
  double width = gtk_adjustment_get_page_size (adjustment);
  gboolean narrow = width > 0 && width < NARROW_WIDTH;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle_id == 0)
        self->narrow_idle_id = g_idle_add (update_narrow_idle_cb, self);
    }
}

static void
show_report (GkSupervisionView *self)
{
  GtkSizeGroup *columns[N_COLUMNS];
  AdwPreferencesGroup *group = NULL;
  GtkWidget *list = NULL;
  /* Several organisations: each domain's table says whose it is. */
  gboolean several = show_organisations (self);

  for (guint i = 0; i < N_COLUMNS; i++)
    columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  /* A domain's unit rows, then its total: one boxed list per domain. */
  for (guint i = 0; i + 1 < self->report->len; i++)
    {
      const GkSupervisionRow *row = g_ptr_array_index (self->report, i);

      if (group == NULL)
        {
          /* Translators: an organisation, then a domain of its records */
          g_autofree char *title = several ? g_strdup_printf (_("%s · %s"), row->organisation_name, row->domain_name)
                                           : g_strdup (row->domain_name);
          GtkWidget *header_row = gtk_list_box_row_new ();

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* The organisation below the domain: the columns' header leaves
           * the title little room. */
          adw_preferences_group_set_title (group, row->domain_name);
          if (several)
            adw_preferences_group_set_description (group, row->organisation_name);
          adw_preferences_group_set_header_suffix (group, create_table_header (columns));
          /* Narrow, the titles leave the domain's name its room and head the list instead. */
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (header_row), create_table_header (columns));
          gtk_widget_set_margin_top (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (header_row)), 6);
          gtk_widget_set_margin_bottom (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (header_row)), 6);
          gtk_widget_set_halign (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (header_row)), GTK_ALIGN_END);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (header_row), FALSE);
          gtk_widget_set_focusable (header_row, FALSE);
          g_ptr_array_add (self->headers, adw_preferences_group_get_header_suffix (group));
          g_ptr_array_add (self->headers, header_row);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          g_signal_connect_object (list, "row-activated", G_CALLBACK (on_list_row_activated_cb), self, G_CONNECT_SWAPPED);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          title, -1);
          gtk_list_box_append (GTK_LIST_BOX (list), header_row);
          adw_preferences_group_add (group, list);
          gtk_box_append (self->domains_box, GTK_WIDGET (group));
        }

      {
        GtkWidget *list_row = create_table_row (row, columns);

        gtk_list_box_append (GTK_LIST_BOX (list), list_row);
        g_ptr_array_add (self->row_widgets, list_row);
      }
      if (row->kind == GK_SUPERVISION_ROW_DOMAIN_TOTAL)
        group = NULL;
    }

  /* The widgets hold the groups now. */
  for (guint i = 0; i < N_COLUMNS; i++)
    g_object_unref (columns[i]);
  update_narrow (self);
}

/* Two boxes rather than a stack: a stack would measure the hidden page at
 * the other's height and widen the window's minimum. */
static void
show_empty (GkSupervisionView *self,
            gboolean           empty)
{
  gtk_widget_set_visible (self->report_box, !empty);
  gtk_widget_set_visible (self->empty_page, empty);
}

static void
refresh (GkSupervisionView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  const GkSupervisionRow *total;

  self->dirty = FALSE;
  clear_domains (self);
  g_clear_pointer (&self->report, g_ptr_array_unref);
  g_clear_object (&self->print_operation);
  g_ptr_array_set_size (self->row_widgets, 0);
  g_ptr_array_set_size (self->headers, 0);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_free (self->today);
  self->today = gk_today ();

  if (self->store == NULL)
    {
      show_empty (self, TRUE);
      return;
    }

  if (!gk_period_get_range (self->period, self->today, &from, &to, &error) ||
      (self->report = gk_store_supervision_report (self->store, from, to, self->today, &error)) == NULL)
    {
      g_warning ("Could not count timeliness: %s", error->message);
      show_empty (self, TRUE);
      return;
    }

  /* Translators: the period of the supervision report, then the day it was counted on */
  range = g_strdup_printf (_("Due from %s to %s, as of %s"), from, to, self->today);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  gtk_label_set_text (self->range_label, range);

  total = g_ptr_array_index (self->report, self->report->len - 1);
  show_summary (self, total);
  show_report (self);
  show_empty (self, total->due == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.export", total->due > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.copy", total->due > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.print", total->due > 0);
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

static void
show_toast (GkSupervisionView *self,
            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       GkSupervisionView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *done = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!gk_supervision_view_export (self, path, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: %s is the file's name */
  {
    g_autofree char *base = g_file_get_basename (file);

    done = g_strdup_printf (_("Saved “%s”"), base);
  }
  show_toast (self, done);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean xlsx = g_strcmp0 (g_variant_get_string (parameter, NULL), "xlsx") == 0;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->report == NULL)
    return;

  /* Translators: the file name offered for the supervision report; %s is the day it was counted on */
  name = g_strdup_printf (_("timeliness-%s.%s"), self->today, xlsx ? "xlsx" : "csv");
  chooser = gtk_file_chooser_native_new (_("Export the Timeliness Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gk_supervision_view_dup_text (self, &error);

  if (text == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Report copied: paste it into a spreadsheet"));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GkSupervisionView       *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_toast (self, error->message);
    }
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = gk_supervision_view_new_print (self, &error);

  if (operation == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  /* Asynchronous: the window stays responsive while the dialog (or, in a
   * sandbox, the print portal) is open. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  g_set_object (&self->print_operation, operation);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message);
}

static void
on_store_records_changed_cb (GkSupervisionView *self)
{
  /* Hidden, the report waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

static void
on_period_dropdown_selected_cb (GkSupervisionView *self,
                                GParamSpec        *pspec,
                                GtkDropDown       *dropdown)
{
  gk_supervision_view_set_period (self, (GkPeriod) gtk_drop_down_get_selected (dropdown));
}

static void
gk_supervision_view_map (GtkWidget *widget)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (widget);
  g_autofree char *today = gk_today ();

  GTK_WIDGET_CLASS (gk_supervision_view_parent_class)->map (widget);

  /* Also recount when the window stayed open past midnight. */
  if (self->dirty || g_strcmp0 (today, self->today) != 0)
    refresh (self);
}

static void
gk_supervision_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERIOD:
      g_value_set_enum (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_supervision_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      gk_supervision_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_PERIOD:
      gk_supervision_view_set_period (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_supervision_view_dispose (GObject *object)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (object);

  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  /* No refresh may reach a view whose children are gone. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_SUPERVISION_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->report, g_ptr_array_unref);
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_supervision_view_parent_class)->dispose (object);
}

static void
gk_supervision_view_finalize (GObject *object)
{
  GkSupervisionView *self = GK_SUPERVISION_VIEW (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (gk_supervision_view_parent_class)->finalize (object);
}

static void
gk_supervision_view_class_init (GkSupervisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_supervision_view_dispose;
  object_class->finalize = gk_supervision_view_finalize;
  object_class->get_property = gk_supervision_view_get_property;
  object_class->set_property = gk_supervision_view_set_property;
  widget_class->map = gk_supervision_view_map;

  /* The ledger counted; the report follows its "records-changed". */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Which due dates count: this month, quarter or year, or last year. */
  properties[PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL, GK_TYPE_PERIOD, GK_PERIOD_THIS_YEAR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkSupervisionView::unit-activated:
   * @unit_id: the unit of the row, 0 for a domain's "All units"
   * @domain: the row's domain
   *
   * The clerk activated a row: the window shows the unit's records.
   */
  signals[UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/supervision/gk-supervision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, range_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, missing_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, report_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, due_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, on_time_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, late_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, rate_label);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, domains_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, plan_section);

  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, export_button);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, header_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionView, controls_box);

  gtk_widget_class_bind_template_callback (widget_class, on_period_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "supervision.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "supervision.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "supervision.print", NULL, print_activated);

  g_type_ensure (GK_TYPE_PLAN_SECTION);
}

static void
gk_supervision_view_init (GkSupervisionView *self)
{
  GtkEventController *shortcuts;

  self->period = GK_PERIOD_THIS_YEAR;
  self->row_widgets = g_ptr_array_new ();
  self->headers = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.print", FALSE);
  /* Ctrl+P wherever the focus is in the window, while the report is shown:
   * a managed controller is run by the window, and only when mapped. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("supervision.print")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  /* The bin's own child: not a template child, which dispose would unparent under it. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))),
                           "notify::page-size",
                           G_CALLBACK (on_page_size_cb), self, G_CONNECT_SWAPPED);
  gk_a11y_value_follow (GTK_WIDGET (self->period_dropdown), _("Period"));
}

GtkWidget *
gk_supervision_view_new (void)
{
  return g_object_new (GK_TYPE_SUPERVISION_VIEW, NULL);
}

void
gk_supervision_view_set_store (GkSupervisionView *self,
                               GkStore           *store)
{
  g_return_if_fail (GK_IS_SUPERVISION_VIEW (self));
  g_return_if_fail (store == NULL || GK_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_records_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "records-changed", G_CALLBACK (on_store_records_changed_cb),
                             self, G_CONNECT_SWAPPED);

  gk_plan_section_set_store (self->plan_section, store);
  /* Counting a large ledger takes time: not before the report is shown. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GkPeriod
gk_supervision_view_get_period (GkSupervisionView *self)
{
  g_return_val_if_fail (GK_IS_SUPERVISION_VIEW (self), GK_PERIOD_THIS_YEAR);

  return self->period;
}

void
gk_supervision_view_set_period (GkSupervisionView *self,
                                GkPeriod           period)
{
  g_return_if_fail (GK_IS_SUPERVISION_VIEW (self));
  g_return_if_fail (period <= GK_PERIOD_LAST_YEAR);

  if (self->period == period)
    return;

  self->period = period;
  /* The drop-down calls back here with the same period: the check above ends it. */
  gtk_drop_down_set_selected (self->period_dropdown, period);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

GPtrArray *
gk_supervision_view_get_report (GkSupervisionView *self)
{
  g_return_val_if_fail (GK_IS_SUPERVISION_VIEW (self), NULL);

  return self->report;
}

gboolean
gk_supervision_view_export (GkSupervisionView  *self,
                            const char         *path,
                            GError            **error)
{
  GkSupervisionExportFormat format;

  g_return_val_if_fail (GK_IS_SUPERVISION_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no report to export yet"));
      return FALSE;
    }
  if (!gk_supervision_export_format_for_path (path, &format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Choose a name ending in .xlsx for a workbook or .csv for CSV"));
      return FALSE;
    }
  return gk_supervision_export_write (self->report, self->from, self->to, self->today, format, path, error);
}

char *
gk_supervision_view_dup_text (GkSupervisionView  *self,
                              GError            **error)
{
  g_return_val_if_fail (GK_IS_SUPERVISION_VIEW (self), NULL);

  if (self->report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no report to export yet"));
      return NULL;
    }
  return gk_supervision_export_dup_text (self->report, self->from, self->to, self->today, error);
}

GtkPrintOperation *
gk_supervision_view_new_print (GkSupervisionView  *self,
                               GError            **error)
{
  GkSupervisionTable *table;

  g_return_val_if_fail (GK_IS_SUPERVISION_VIEW (self), NULL);

  if (self->report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no report to export yet"));
      return NULL;
    }
  table = gk_supervision_table_new (self->report, self->from, self->to, self->today, error);
  return table != NULL ? gk_supervision_print_new (table) : NULL;
}
