/* gk-preferences-masks-page.c: Preferences: how much of an ID number, a phone number and a name public outputs show. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-preferences-masks-page.h"
#include "gk-message-row.h"
#include "gk-settings.h"

/* Examples for the previews: DOMAIN.md §6's own. */
#define SAMPLE_IDCARD   "11010519491231002X"
#define SAMPLE_MOBILE   "13856781234"
#define SAMPLE_LANDLINE "0311-86012345"
#define SAMPLE_NAME     "张三丰"

struct _GkPreferencesMasksPage
{
  AdwPreferencesPage parent_instance;

  GtkSpinButton *idcard_head_spin;
  GtkSpinButton *idcard_tail_spin;
  GkMessageRow *idcard_message_row;
  GtkLabel *idcard_preview;
  GtkSpinButton *phone_head_spin;
  GtkSpinButton *phone_tail_spin;
  GkMessageRow *phone_message_row;
  GtkLabel *mobile_preview;
  GtkLabel *landline_preview;
  GtkSpinButton *name_head_spin;
  GtkSpinButton *name_tail_spin;
  GkMessageRow *name_message_row;
  GtkLabel *name_preview;
  AdwEntryRow *mask_char_row;
  GkMessageRow *mask_char_message_row;

  GkStore *store;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (GkPreferencesMasksPage, gk_preferences_masks_page, ADW_TYPE_PREFERENCES_PAGE)

static void
set_preview (GtkLabel *label,
             char     *masked)
{
  gtk_label_set_text (label, masked);
  g_free (masked);
}

/* The previews show what public outputs use: the saved policy. */
static void
update_previews (GkPreferencesMasksPage *self)
{
  GkMaskPolicy policy;

  if (!gk_store_get_mask_policy (self->store, &policy, NULL))
    gk_mask_policy_init_default (&policy);

  set_preview (self->idcard_preview, gk_mask_idcard (SAMPLE_IDCARD, &policy));
  set_preview (self->mobile_preview, gk_mask_phone (SAMPLE_MOBILE, &policy));
  set_preview (self->landline_preview, gk_mask_phone (SAMPLE_LANDLINE, &policy));
  set_preview (self->name_preview, gk_mask_value (GK_FIELD_TEXT, SAMPLE_NAME, &policy));
}

static void
show_problem (GkPreferencesMasksPage  *self,
              GkMessageRow *message_row,
              GtkWidget    *first,
              GtkWidget    *second,
              const char   *problem)
{
  g_autofree char *message = NULL;
  GtkAccessibleInvalidState invalid = problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE;

  if (problem != NULL)
    message = g_strdup_printf (_("%s. Not saved until it is corrected."), problem);
  gk_message_row_set_message (message_row, message, GK_SEVERITY_ERROR);
  gtk_accessible_update_state (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_STATE_INVALID, invalid, -1);
  if (second != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_STATE_INVALID, invalid, -1);
  if (problem != NULL)
    gtk_widget_add_css_class (first, "error");
  else
    gtk_widget_remove_css_class (first, "error");
}

/* Checks one group's values against the saved policy, which passes: a
 * refusal is then that group's own. */
static gboolean
check_group (GkPreferencesMasksPage        *self,
             const GkMaskPolicy *candidate,
             GkMessageRow       *message_row,
             GtkWidget          *first,
             GtkWidget          *second)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_mask_policy_check (candidate, &error);

  show_problem (self, message_row, first, second, ok ? NULL : error->message);
  return ok;
}

static guint
spin_value (GtkSpinButton *spin)
{
  return (guint) gtk_spin_button_get_value_as_int (spin);
}

static void
on_policy_changed_cb (GkPreferencesMasksPage *self)
{
  g_autoptr(GError) error = NULL;
  GkMaskPolicy stored;
  GkMaskPolicy wanted;
  GkMaskPolicy candidate;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  if (self->filling || self->store == NULL)
    return;

  if (!gk_store_get_mask_policy (self->store, &stored, &error))
    {
      show_problem (self, self->mask_char_message_row, GTK_WIDGET (self->mask_char_row), NULL, error->message);
      return;
    }
  wanted = stored;

  candidate = stored;
  candidate.idcard_head = wanted.idcard_head = spin_value (self->idcard_head_spin);
  candidate.idcard_tail = wanted.idcard_tail = spin_value (self->idcard_tail_spin);
  ok &= check_group (self, &candidate, self->idcard_message_row,
                     GTK_WIDGET (self->idcard_head_spin), GTK_WIDGET (self->idcard_tail_spin));

  candidate = stored;
  candidate.phone_head = wanted.phone_head = spin_value (self->phone_head_spin);
  candidate.phone_tail = wanted.phone_tail = spin_value (self->phone_tail_spin);
  ok &= check_group (self, &candidate, self->phone_message_row,
                     GTK_WIDGET (self->phone_head_spin), GTK_WIDGET (self->phone_tail_spin));

  candidate = stored;
  candidate.text_head = wanted.text_head = spin_value (self->name_head_spin);
  candidate.text_tail = wanted.text_tail = spin_value (self->name_tail_spin);
  ok &= check_group (self, &candidate, self->name_message_row,
                     GTK_WIDGET (self->name_head_spin), GTK_WIDGET (self->name_tail_spin));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mask_char_row))));
  if (g_utf8_strlen (text, -1) != 1)
    {
      show_problem (self, self->mask_char_message_row, GTK_WIDGET (self->mask_char_row), NULL,
                    _("Type one character, such as *"));
      ok = FALSE;
    }
  else
    {
      candidate = stored;
      candidate.mask_char = wanted.mask_char = g_utf8_get_char (text);
      ok &= check_group (self, &candidate, self->mask_char_message_row, GTK_WIDGET (self->mask_char_row), NULL);
    }

  if (ok && !gk_store_set_mask_policy (self->store, &wanted, &error))
    show_problem (self, self->mask_char_message_row, GTK_WIDGET (self->mask_char_row), NULL, error->message);

  update_previews (self);
}

static void
fill (GkPreferencesMasksPage *self)
{
  g_autoptr(GError) error = NULL;
  GkMaskPolicy policy;
  char mask_char[8] = { 0 };

  if (!gk_store_get_mask_policy (self->store, &policy, &error))
    gk_mask_policy_init_default (&policy);

  self->filling = TRUE;
  gtk_spin_button_set_value (self->idcard_head_spin, policy.idcard_head);
  gtk_spin_button_set_value (self->idcard_tail_spin, policy.idcard_tail);
  gtk_spin_button_set_value (self->phone_head_spin, policy.phone_head);
  gtk_spin_button_set_value (self->phone_tail_spin, policy.phone_tail);
  gtk_spin_button_set_value (self->name_head_spin, policy.text_head);
  gtk_spin_button_set_value (self->name_tail_spin, policy.text_tail);
  g_unichar_to_utf8 (policy.mask_char, mask_char);
  gtk_editable_set_text (GTK_EDITABLE (self->mask_char_row), mask_char);
  self->filling = FALSE;

  show_problem (self, self->mask_char_message_row, GTK_WIDGET (self->mask_char_row), NULL,
                error != NULL ? error->message : NULL);
  update_previews (self);
}

static void
gk_preferences_masks_page_dispose (GObject *object)
{
  GkPreferencesMasksPage *self = GK_PREFERENCES_MASKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_MASKS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_preferences_masks_page_parent_class)->dispose (object);
}

static void
gk_preferences_masks_page_class_init (GkPreferencesMasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_preferences_masks_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/preferences/gk-preferences-masks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, idcard_head_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, idcard_tail_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, idcard_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, idcard_preview);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, phone_head_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, phone_tail_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, phone_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, mobile_preview);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, landline_preview);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, name_head_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, name_tail_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, name_preview);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, mask_char_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesMasksPage, mask_char_message_row);
  gtk_widget_class_bind_template_callback (widget_class, on_policy_changed_cb);

  g_type_ensure (GK_TYPE_MESSAGE_ROW);
}

static void
describe_by (GtkWidget    *input,
             GkMessageRow *message_row)
{
  /* A screen reader reads the problem with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gk_message_row_get_label (message_row), NULL, -1);
}

static void
gk_preferences_masks_page_init (GkPreferencesMasksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  describe_by (GTK_WIDGET (self->idcard_head_spin), self->idcard_message_row);
  describe_by (GTK_WIDGET (self->idcard_tail_spin), self->idcard_message_row);
  describe_by (GTK_WIDGET (self->phone_head_spin), self->phone_message_row);
  describe_by (GTK_WIDGET (self->phone_tail_spin), self->phone_message_row);
  describe_by (GTK_WIDGET (self->name_head_spin), self->name_message_row);
  describe_by (GTK_WIDGET (self->name_tail_spin), self->name_message_row);
  describe_by (GTK_WIDGET (self->mask_char_row), self->mask_char_message_row);
}

void
gk_preferences_masks_page_set_store (GkPreferencesMasksPage *self,
                         GkStore     *store)
{
  g_return_if_fail (GK_IS_PREFERENCES_MASKS_PAGE (self));
  g_return_if_fail (GK_IS_STORE (store));

  g_set_object (&self->store, store);
  fill (self);
}
