/* gk-stage-row.c: one stage of a project in the project section: its item, its state in words and icon, and the record to open. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-stage-row.h"

struct _GkStageRow
{
  AdwActionRow parent_instance;

  char *item_key;
  char *record_uuid;         /* NULL: nothing to open */
  const char *state_text;    /* translated, static */
};

G_DEFINE_FINAL_TYPE (GkStageRow, gk_stage_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM_KEY,
  PROP_RECORD_UUID,
  PROP_STATE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each state in words and with an icon, never by colour alone. */
static const struct {
  GkStageState state;
  const char *icon_name;
  const char *style_class;
  const char *label;
  const char *explanation;   /* for a stage without a record */
} states[] = {
  { GK_STAGE_PRESENT, "emblem-ok-symbolic", "success", N_("Present"), NULL },
  /* Late says whether the stage is published: see stage_label(). */
  { GK_STAGE_LATE, "task-past-due-symbolic", "warning", NULL, NULL },
  { GK_STAGE_MISSING, "dialog-warning-symbolic", "error", N_("Missing"),
    N_("No record, although a later stage has one") },
  { GK_STAGE_DUE, "task-due-symbolic", "accent", N_("Due"),
    N_("The next stage of the project") },
  { GK_STAGE_OVERDUE, "alarm-symbolic", "error", N_("Overdue"),
    N_("The next stage, still missing more than 20 working days after the last one") },
  { GK_STAGE_FUTURE, "content-loading-symbolic", "dim-label", N_("Not Yet"), NULL },
  { GK_STAGE_OPTIONAL, "action-unavailable-symbolic", "dim-label", N_("Optional"),
    N_("No record; a project may go without this stage") },
};

static guint
state_index (GkStageState state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (states[i].state == state)
      return i;
  g_return_val_if_reached (0);
}

static char *
describe_record (GkRecord *record)
{
  g_autofree char *status = NULL;

  if (g_strcmp0 (gk_record_get_status (record), GK_STATUS_PUBLISHED) == 0 && gk_record_get_published_on (record) != NULL)
    /* Translators: a record's status, then the date it was published */
    status = g_strdup_printf (_("%s %s"), gk_status_to_label (gk_record_get_status (record)), gk_record_get_published_on (record));
  else
    status = g_strdup (gk_status_to_label (gk_record_get_status (record)));

  /* Translators: a record's title; on the next line its index number and status */
  return g_strdup_printf (_("%s\n%s · %s"), gk_record_get_title (record), gk_record_get_index_no (record) != NULL ? gk_record_get_index_no (record) : "", status);
}

static GtkWidget *
add_caption (GkStageRow *self,
             const char *text,
             const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, style_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), label);
  return label;
}

static void
gk_stage_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GkStageRow *self = GK_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_KEY:
      g_value_set_string (value, self->item_key);
      break;
    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;
    case PROP_STATE_TEXT:
      g_value_set_string (value, self->state_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_stage_row_finalize (GObject *object)
{
  GkStageRow *self = GK_STAGE_ROW (object);

  g_free (self->item_key);
  g_free (self->record_uuid);

  G_OBJECT_CLASS (gk_stage_row_parent_class)->finalize (object);
}

static void
gk_stage_row_class_init (GkStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_stage_row_finalize;
  object_class->get_property = gk_stage_row_get_property;

  properties[PROP_ITEM_KEY] =
    g_param_spec_string ("item-key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_UUID] =
    g_param_spec_string ("record-uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_TEXT] =
    g_param_spec_string ("state-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_stage_row_init (GkStageRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

/* 逾期公开 is only for a stage published after its deadline; one still
 * unpublished past it is 逾期未公开: one English word, two msgids. */
static const char *
stage_label (GkStage *stage,
             guint    s)
{
  if (stage->state != GK_STAGE_LATE)
    return _(states[s].label);
  if (stage->record != NULL && gk_record_get_published_on (stage->record) != NULL)
    return C_("project stage published after its deadline", "Late");
  return C_("project stage past its deadline, not yet published", "Overdue");
}

GtkWidget *
gk_stage_row_new (GkStage    *stage,
                  const char *current_uuid)
{
  guint s = state_index (stage->state);
  GkStageRow *self = g_object_new (GK_TYPE_STAGE_ROW, "title", gk_item_get_level2 (stage->item), NULL);
  GtkWidget *icon;

  self->item_key = g_strdup (gk_item_get_key (stage->item));
  self->state_text = stage_label (stage, s);

  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", states[s].icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_widget_add_css_class (icon, states[s].style_class);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  gtk_widget_add_css_class (add_caption (self, self->state_text, states[s].style_class), "caption-heading");

  if (stage->record != NULL)
    {
      g_autofree char *subtitle = describe_record (stage->record);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
      if (g_strcmp0 (gk_record_get_uuid (stage->record), current_uuid) == 0)
        gtk_widget_add_css_class (add_caption (self, _("This Record"), "caption"), "dim-label");
      else
        {
          self->record_uuid = g_strdup (gk_record_get_uuid (stage->record));
          adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Open this record"));
        }
    }
  else if (states[s].explanation != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _(states[s].explanation));

  return GTK_WIDGET (self);
}

const char *
gk_stage_row_get_item_key (GkStageRow *self)
{
  g_return_val_if_fail (GK_IS_STAGE_ROW (self), NULL);
  return self->item_key;
}

const char *
gk_stage_row_get_record_uuid (GkStageRow *self)
{
  g_return_val_if_fail (GK_IS_STAGE_ROW (self), NULL);
  return self->record_uuid;
}

const char *
gk_stage_row_get_state_text (GkStageRow *self)
{
  g_return_val_if_fail (GK_IS_STAGE_ROW (self), NULL);
  return self->state_text;
}
