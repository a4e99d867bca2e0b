/* gk-record.c: one disclosure record as plain data with a few notifying properties. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-record.h"

G_DEFINE_FINAL_TYPE (GkRecord, gk_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_ITEM_NAME,
  PROP_UNIT_NAME,
  PROP_STATUS,
  PROP_DUE_ON,
  PROP_INDEX_NO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_record_finalize (GObject *object)
{
  GkRecord *self = GK_RECORD (object);

  g_free (self->uuid);
  g_free (self->item_key);
  g_free (self->item_name);
  g_free (self->domain);
  g_free (self->title);
  g_free (self->body);
  g_free (self->fields);
  g_free (self->unit_name);
  g_free (self->index_no);
  g_free (self->doc_no);
  g_free (self->formed_on);
  g_free (self->due_on);
  g_free (self->published_on);
  g_free (self->status);
  g_free (self->mode);
  g_free (self->exemption);
  g_free (self->exemption_reason);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (gk_record_parent_class)->finalize (object);
}

static void
gk_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkRecord *self = GK_RECORD (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ITEM_NAME:
      g_value_set_string (value, self->item_name);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;
    case PROP_INDEX_NO:
      g_value_set_string (value, self->index_no);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GkRecord *self = GK_RECORD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gk_record_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_class_init (GkRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_record_finalize;
  object_class->get_property = gk_record_get_property;
  object_class->set_property = gk_record_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_NAME] =
    g_param_spec_string ("item-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX_NO] =
    g_param_spec_string ("index-no", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_record_init (GkRecord *self)
{
  self->fields = g_strdup ("{}");
  self->body = g_strdup ("");
  self->doc_no = g_strdup ("");
  self->status = g_strdup (GK_STATUS_DRAFT);
  self->mode = g_strdup (GK_MODE_PROACTIVE);
  self->exemption = g_strdup ("");
  self->exemption_reason = g_strdup ("");
}

GkRecord *
gk_record_new (void)
{
  return g_object_new (GK_TYPE_RECORD, NULL);
}

GkRecord *
gk_record_copy (GkRecord *self)
{
  GkRecord *copy = gk_record_new ();

  copy->id = self->id;
  copy->item_id = self->item_id;
  copy->project_id = self->project_id;
  copy->unit_id = self->unit_id;
  copy->due_missing_year = self->due_missing_year;
#define COPY(f) gk_record_set_string (copy, &copy->f, self->f)
  COPY (uuid); COPY (item_key); COPY (item_name); COPY (domain); COPY (title);
  COPY (body); COPY (fields); COPY (unit_name); COPY (index_no); COPY (doc_no);
  COPY (formed_on); COPY (due_on); COPY (published_on); COPY (status); COPY (mode);
  COPY (exemption); COPY (exemption_reason); COPY (created_at); COPY (updated_at);
#undef COPY
  return copy;
}

void
gk_record_set_string (GkRecord    *self,
                      char       **field,
                      const char  *value)
{
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

const char *
gk_record_get_uuid (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->uuid;
}

const char *
gk_record_get_title (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->title;
}

void
gk_record_set_title (GkRecord   *self,
                     const char *title)
{
  g_return_if_fail (GK_IS_RECORD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  gk_record_set_string (self, &self->title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
gk_record_get_status (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->status;
}

const char *
gk_record_get_due_on (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->due_on;
}

/* Overdue: a disclosure deadline has passed and nothing was published. */
gboolean
gk_record_is_overdue (GkRecord   *self,
                      const char *today)
{
  g_return_val_if_fail (GK_IS_RECORD (self), FALSE);

  return self->due_on != NULL && self->published_on == NULL &&
         g_strcmp0 (self->due_on, today) < 0;
}

const char *
gk_status_to_label (const char *status)
{
  if (g_strcmp0 (status, GK_STATUS_DRAFT) == 0)
    return _("Draft");
  if (g_strcmp0 (status, GK_STATUS_PENDING) == 0)
    return _("Pending Review");
  if (g_strcmp0 (status, GK_STATUS_PUBLISHED) == 0)
    return _("Published");
  if (g_strcmp0 (status, GK_STATUS_WITHDRAWN) == 0)
    return _("Withdrawn");
  return status;
}

const char *
gk_mode_to_label (const char *mode)
{
  if (g_strcmp0 (mode, GK_MODE_PROACTIVE) == 0)
    return _("Proactive Disclosure");
  if (g_strcmp0 (mode, GK_MODE_ON_REQUEST) == 0)
    return _("Disclosure on Request");
  if (g_strcmp0 (mode, GK_MODE_EXEMPT) == 0)
    return _("Not Disclosed");
  return mode;
}

gboolean
gk_status_is_valid (const char *status)
{
  return g_strcmp0 (status, GK_STATUS_DRAFT) == 0 ||
         g_strcmp0 (status, GK_STATUS_PENDING) == 0 ||
         g_strcmp0 (status, GK_STATUS_PUBLISHED) == 0 ||
         g_strcmp0 (status, GK_STATUS_WITHDRAWN) == 0;
}

gboolean
gk_mode_is_valid (const char *mode)
{
  return g_strcmp0 (mode, GK_MODE_PROACTIVE) == 0 ||
         g_strcmp0 (mode, GK_MODE_ON_REQUEST) == 0 ||
         g_strcmp0 (mode, GK_MODE_EXEMPT) == 0;
}
