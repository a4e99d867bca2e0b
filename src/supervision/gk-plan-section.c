/* gk-plan-section.c: the supervision of what the plan asks yearly and at once: reports, credit pushes, work plans. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-plan-section.h"
#include "gk-plan.h"

/* A long backlog of pushes is worked through in the record list and
 * `gongkai-cli check`; the supervision page shows its head. */
#define MAX_PUSH_ROWS 100

struct _GkPlanSection
{
  GtkWidget parent_instance;

  GtkWidget *box;
  AdwPreferencesGroup *duties_group;
  AdwPreferencesGroup *pushes_group;
  AdwPreferencesGroup *plans_group;

  GkStore *store;
  char *today_override;   /* the day to judge on, for tests; NULL: the real today */
  char *today;            /* the day the section was filled on */
  gboolean dirty;         /* the ledger changed while the section was hidden */
  GPtrArray *duties;      /* GkDuty, as shown */
  GPtrArray *rows[3];     /* the rows of each group, in order */
  GPtrArray *states[3];   /* what each row's state label says (static strings), or "" */
};

G_DEFINE_FINAL_TYPE (GkPlanSection, gk_plan_section, GTK_TYPE_WIDGET)

enum { GROUP_DUTIES, GROUP_PUSHES, GROUP_PLANS };

static AdwPreferencesGroup *
group_of (GkPlanSection *self,
          guint          which)
{
  AdwPreferencesGroup *groups[] = { self->duties_group, self->pushes_group, self->plans_group };

  return groups[which];
}

static GtkWidget *
add_row (GkPlanSection *self,
         guint          which,
         const char    *title,
         const char    *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group_of (self, which), row);
  g_ptr_array_add (self->rows[which], row);
  g_ptr_array_add (self->states[which], (gpointer) "");
  return row;
}

static void
add_state (GkPlanSection *self,
           guint          which,
           GtkWidget     *row,
           const char    *text,
           const char    *style)
{
  GtkWidget *label = gtk_label_new (text);

  g_ptr_array_index (self->states[which], self->states[which]->len - 1) = (gpointer) text;
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
clear (GkPlanSection *self)
{
  for (guint g = 0; g < G_N_ELEMENTS (self->rows); g++)
    {
      for (guint i = 0; i < self->rows[g]->len; i++)
        adw_preferences_group_remove (group_of (self, g), g_ptr_array_index (self->rows[g], i));
      g_ptr_array_set_size (self->rows[g], 0);
      g_ptr_array_set_size (self->states[g], 0);
    }
  g_clear_pointer (&self->duties, g_ptr_array_unref);
}

static void
show_toast (GkPlanSection *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_submit_clicked_cb (GtkButton     *button,
                      GkPlanSection *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gk-duty-index"));

  if (!gk_plan_section_submit_duty (self, index, &error))
    show_toast (self, error->message);
}

static char *
describe_duty (const GkDuty *duty)
{
  if (gk_duty_is_done (duty))
    /* Translators: a yearly report's state: the day it was submitted */
    return g_strdup_printf (_("Submitted on %s (due %s)"), duty->submitted_on, duty->due_on);
  if (duty->exported_at != NULL)
    /* Translators: a yearly report's state, with its due date */
    return g_strdup_printf (_("Due %s · exported, not yet marked submitted"), duty->due_on);
  /* Translators: a yearly report's state, with its due date */
  return g_strdup_printf (_("Due %s · not yet exported"), duty->due_on);
}

static void
fill_duties (GkPlanSection *self)
{
  g_autoptr(GError) error = NULL;

  self->duties = gk_store_list_duties (self->store, self->today, TRUE, &error);
  if (self->duties == NULL)
    {
      g_warning ("Could not read the yearly reports: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->duties->len; i++)
    {
      GkDuty *duty = g_ptr_array_index (self->duties, i);
      /* Translators: a yearly report and the year it reports on: "Annual Report 2026" */
      g_autofree char *title = g_strdup_printf (_("%s %d"), gk_duty_kind_to_label (duty->kind), duty->year);
      g_autofree char *subtitle = describe_duty (duty);
      GtkWidget *row = add_row (self, GROUP_DUTIES, title, subtitle);

      if (duty->info.status == GK_TIMELINESS_OVERDUE)
        add_state (self, GROUP_DUTIES, row, _("Overdue"), "error");
      else if (duty->info.status == GK_TIMELINESS_LATE)
        add_state (self, GROUP_DUTIES, row, _("Late"), "warning");
      else if (duty->info.status == GK_TIMELINESS_ON_TIME)
        add_state (self, GROUP_DUTIES, row, _("On Time"), "success");

      if (duty->exported_at != NULL && duty->submitted_on == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark as _Submitted"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("The exported report went to the office and the public today"));
          g_object_set_data (G_OBJECT (button), "gk-duty-index", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (on_submit_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
  if (self->duties->len == 0)
    add_row (self, GROUP_DUTIES, _("No report due now"), _("The reports of a year show from 1 December on."));
}

static void
on_push_row_activated_cb (AdwActionRow  *row,
                          GkPlanSection *self)
{
  const char *uuid = gtk_widget_get_name (GTK_WIDGET (row));

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", uuid))
    g_debug ("No window to open record %s in", uuid);
}

static void
fill_pushes (GkPlanSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pushes = NULL;
  g_autofree char *description = NULL;
  guint workdays = gk_store_get_credit_push_workdays (self->store, NULL);

  /* Translators: %u is a number of working days, set in Preferences */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Credit information and blacklist entries go to the credit site within %u working day of the decision (Preferences).",
                                              "Credit information and blacklist entries go to the credit site within %u working days of the decision (Preferences).",
                                              workdays), workdays);
  adw_preferences_group_set_description (self->pushes_group, description);

  pushes = gk_store_list_credit_pushes (self->store, TRUE, self->today, GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS, &error);
  if (pushes == NULL)
    {
      g_warning ("Could not read the credit pushes: %s", error->message);
      return;
    }
  for (guint i = 0; i < MIN (pushes->len, MAX_PUSH_ROWS); i++)
    {
      GkCreditPush *push = g_ptr_array_index (pushes, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (push->due_on != NULL)
        /* Translators: a record's 索引号 and the day it must reach the credit site */
        subtitle = g_strdup_printf (_("%s · push due %s"), gk_record_get_index_no (push->record), push->due_on);
      else
        /* Translators: a record's 索引号; its decision date is not entered */
        subtitle = g_strdup_printf (_("%s · no decision date entered"), gk_record_get_index_no (push->record));
      row = add_row (self, GROUP_PUSHES, gk_record_get_title (push->record), subtitle);
      if (push->info.status == GK_TIMELINESS_OVERDUE)
        add_state (self, GROUP_PUSHES, row, _("Overdue"), "error");
      else if (push->info.status == GK_TIMELINESS_DUE_SOON)
        add_state (self, GROUP_PUSHES, row, _("Due Soon"), "warning");
      gtk_widget_set_name (row, gk_record_get_uuid (push->record));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_push_row_activated_cb), self);
    }
  if (pushes->len > MAX_PUSH_ROWS)
    {
      /* Translators: more credit records than the page lists */
      g_autofree char *more = g_strdup_printf (_("%u more not yet pushed"), pushes->len - MAX_PUSH_ROWS);

      add_row (self, GROUP_PUSHES, more, _("gongkai-cli check lists them all"));
    }
  if (pushes->len == 0)
    add_row (self, GROUP_PUSHES, _("Everything is pushed"), _("No credit information waits for 信用石家庄."));
}

static void
fill_plans (GkPlanSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *title = NULL;
  GDate today;
  int year;

  gk_date_from_iso (self->today, &today, NULL);
  year = g_date_get_year (&today);
  /* Translators: %d is a year */
  title = g_strdup_printf (_("Work Plans of the Units, %d"), year);
  adw_preferences_group_set_title (self->plans_group, title);

  rows = gk_store_work_plan_status (self->store, year, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read the work plans: %s", error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      GkWorkPlanRow *plan = g_ptr_array_index (rows, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (plan->record != NULL)
        /* Translators: the day a unit's work plan was published */
        subtitle = g_strdup_printf (_("Published on %s"), gk_record_get_published_on (plan->record));
      else
        subtitle = g_strdup (_("Not yet published"));
      row = add_row (self, GROUP_PLANS, plan->unit_name, subtitle);
      if (plan->record != NULL)
        {
          gtk_widget_set_name (row, gk_record_get_uuid (plan->record));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (on_push_row_activated_cb), self);
          add_state (self, GROUP_PLANS, row, _("Published"), "success");
        }
      else
        add_state (self, GROUP_PLANS, row, _("Missing"), "warning");
    }
}

void
gk_plan_section_refresh (GkPlanSection *self)
{
  g_return_if_fail (GK_IS_PLAN_SECTION (self));

  clear (self);
  self->dirty = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), self->store != NULL);
  if (self->store == NULL)
    return;
  /* Also a new day when the window stayed open past midnight. */
  g_free (self->today);
  self->today = self->today_override != NULL ? g_strdup (self->today_override) : gk_today ();
  fill_duties (self);
  fill_pushes (self);
  fill_plans (self);
}

static void
on_store_changed_cb (GkPlanSection *self)
{
  /* Hidden, the section waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gk_plan_section_refresh (self);
  else
    self->dirty = TRUE;
}

static void
gk_plan_section_map (GtkWidget *widget)
{
  GkPlanSection *self = GK_PLAN_SECTION (widget);

  g_autofree char *today = gk_today ();

  GTK_WIDGET_CLASS (gk_plan_section_parent_class)->map (widget);
  if (self->dirty || (self->today_override == NULL && g_strcmp0 (today, self->today) != 0))
    gk_plan_section_refresh (self);
}

static void
gk_plan_section_dispose (GObject *object)
{
  GkPlanSection *self = GK_PLAN_SECTION (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  for (guint g = 0; g < G_N_ELEMENTS (self->rows); g++)
    if (self->rows[g] != NULL)
      g_ptr_array_set_size (self->rows[g], 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PLAN_SECTION);
  g_clear_object (&self->store);
  g_clear_pointer (&self->duties, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_plan_section_parent_class)->dispose (object);
}

static void
gk_plan_section_finalize (GObject *object)
{
  GkPlanSection *self = GK_PLAN_SECTION (object);

  for (guint g = 0; g < G_N_ELEMENTS (self->rows); g++)
    {
      g_clear_pointer (&self->rows[g], g_ptr_array_unref);
      g_clear_pointer (&self->states[g], g_ptr_array_unref);
    }
  g_free (self->today);
  g_free (self->today_override);

  G_OBJECT_CLASS (gk_plan_section_parent_class)->finalize (object);
}

static void
gk_plan_section_class_init (GkPlanSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_plan_section_dispose;
  object_class->finalize = gk_plan_section_finalize;
  widget_class->map = gk_plan_section_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/supervision/gk-plan-section.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPlanSection, box);
  gtk_widget_class_bind_template_child (widget_class, GkPlanSection, duties_group);
  gtk_widget_class_bind_template_child (widget_class, GkPlanSection, pushes_group);
  gtk_widget_class_bind_template_child (widget_class, GkPlanSection, plans_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_plan_section_init (GkPlanSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint g = 0; g < G_N_ELEMENTS (self->rows); g++)
    {
      self->rows[g] = g_ptr_array_new ();
      self->states[g] = g_ptr_array_new ();
    }
  self->dirty = TRUE;
}

GtkWidget *
gk_plan_section_new (void)
{
  return g_object_new (GK_TYPE_PLAN_SECTION, NULL);
}

void
gk_plan_section_set_store (GkPlanSection *self,
                           GkStore       *store)
{
  g_return_if_fail (GK_IS_PLAN_SECTION (self));
  g_return_if_fail (store == NULL || GK_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "records-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "settings-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
    }
  on_store_changed_cb (self);
}

void
gk_plan_section_set_today (GkPlanSection *self,
                           const char    *today)
{
  g_return_if_fail (GK_IS_PLAN_SECTION (self));

  g_free (self->today_override);
  self->today_override = g_strdup (today);
  on_store_changed_cb (self);
}

static GStrv
dup_texts (GkPlanSection *self,
           guint          which)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->rows[which]->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows[which], i);
      g_autofree char *text = g_strdup_printf ("%s\t%s\t%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                               adw_action_row_get_subtitle (row),
                                               (const char *) g_ptr_array_index (self->states[which], i));

      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

GStrv
gk_plan_section_dup_duty_texts (GkPlanSection *self)
{
  g_return_val_if_fail (GK_IS_PLAN_SECTION (self), NULL);
  return dup_texts (self, GROUP_DUTIES);
}

GStrv
gk_plan_section_dup_push_texts (GkPlanSection *self)
{
  g_return_val_if_fail (GK_IS_PLAN_SECTION (self), NULL);
  return dup_texts (self, GROUP_PUSHES);
}

GStrv
gk_plan_section_dup_plan_texts (GkPlanSection *self)
{
  g_return_val_if_fail (GK_IS_PLAN_SECTION (self), NULL);
  return dup_texts (self, GROUP_PLANS);
}

gboolean
gk_plan_section_submit_duty (GkPlanSection  *self,
                             guint           index,
                             GError        **error)
{
  GkDuty *duty;
  GkDutyKind kind;
  int year;

  g_return_val_if_fail (GK_IS_PLAN_SECTION (self), FALSE);
  g_return_val_if_fail (self->duties != NULL && index < self->duties->len, FALSE);

  duty = g_ptr_array_index (self->duties, index);
  kind = duty->kind;
  year = duty->year;
  /* The store says so through "settings-changed": the rows follow. */
  return gk_store_submit_duty (self->store, kind, year, self->today, error);
}
