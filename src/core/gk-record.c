/* gk-record.c: one disclosure record: typed properties that notify, and its field values as a JsonObject. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-record.h"

struct _GkRecord
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 item_id;
  char *item_key;
  char *item_name;
  char *domain;
  gint64 project_id;
  char *title;
  char *body;
  gint64 unit_id;
  char *unit_name;
  char *index_no;
  char *doc_no;
  char *formed_on;
  char *due_on;
  int due_missing_year;
  char *published_on;
  char *public_on;          /* the earlier publication, still public while a 变更 is prepared */
  char *status;
  char *mode;
  char *exemption;
  char *exemption_reason;
  char *created_at;
  char *updated_at;

  JsonObject *values;     /* the item's field values, keyed by field id */
};

G_DEFINE_FINAL_TYPE (GkRecord, gk_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_ITEM_ID,
  PROP_ITEM_KEY,
  PROP_ITEM_NAME,
  PROP_DOMAIN,
  PROP_PROJECT_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_UNIT_ID,
  PROP_UNIT_NAME,
  PROP_INDEX_NO,
  PROP_DOC_NO,
  PROP_FORMED_ON,
  PROP_DUE_ON,
  PROP_DUE_MISSING_YEAR,
  PROP_PUBLISHED_ON,
  PROP_PUBLIC_ON,
  PROP_STATUS,
  PROP_MODE,
  PROP_EXEMPTION,
  PROP_EXEMPTION_REASON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  VALUE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  g_free (self->unit_name);
  g_free (self->index_no);
  g_free (self->doc_no);
  g_free (self->formed_on);
  g_free (self->due_on);
  g_free (self->published_on);
  g_free (self->public_on);
  g_free (self->status);
  g_free (self->mode);
  g_free (self->exemption);
  g_free (self->exemption_reason);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_clear_pointer (&self->values, json_object_unref);

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
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    case PROP_ITEM_KEY:
      g_value_set_string (value, self->item_key);
      break;
    case PROP_ITEM_NAME:
      g_value_set_string (value, self->item_name);
      break;
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;
    case PROP_INDEX_NO:
      g_value_set_string (value, self->index_no);
      break;
    case PROP_DOC_NO:
      g_value_set_string (value, self->doc_no);
      break;
    case PROP_FORMED_ON:
      g_value_set_string (value, self->formed_on);
      break;
    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;
    case PROP_DUE_MISSING_YEAR:
      g_value_set_int (value, self->due_missing_year);
      break;
    case PROP_PUBLISHED_ON:
      g_value_set_string (value, self->published_on);
      break;
    case PROP_PUBLIC_ON:
      g_value_set_string (value, self->public_on);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    case PROP_EXEMPTION:
      g_value_set_string (value, self->exemption);
      break;
    case PROP_EXEMPTION_REASON:
      g_value_set_string (value, self->exemption_reason);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
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
    case PROP_ID:
      gk_record_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      gk_record_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_ITEM_ID:
      gk_record_set_item_id (self, g_value_get_int64 (value));
      break;
    case PROP_ITEM_KEY:
      gk_record_set_item_key (self, g_value_get_string (value));
      break;
    case PROP_ITEM_NAME:
      gk_record_set_item_name (self, g_value_get_string (value));
      break;
    case PROP_DOMAIN:
      gk_record_set_domain (self, g_value_get_string (value));
      break;
    case PROP_PROJECT_ID:
      gk_record_set_project_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      gk_record_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      gk_record_set_body (self, g_value_get_string (value));
      break;
    case PROP_UNIT_ID:
      gk_record_set_unit_id (self, g_value_get_int64 (value));
      break;
    case PROP_UNIT_NAME:
      gk_record_set_unit_name (self, g_value_get_string (value));
      break;
    case PROP_INDEX_NO:
      gk_record_set_index_no (self, g_value_get_string (value));
      break;
    case PROP_DOC_NO:
      gk_record_set_doc_no (self, g_value_get_string (value));
      break;
    case PROP_FORMED_ON:
      gk_record_set_formed_on (self, g_value_get_string (value));
      break;
    case PROP_DUE_ON:
      gk_record_set_due_on (self, g_value_get_string (value));
      break;
    case PROP_DUE_MISSING_YEAR:
      gk_record_set_due_missing_year (self, g_value_get_int (value));
      break;
    case PROP_PUBLISHED_ON:
      gk_record_set_published_on (self, g_value_get_string (value));
      break;
    case PROP_PUBLIC_ON:
      gk_record_set_public_on (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      gk_record_set_status (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      gk_record_set_mode (self, g_value_get_string (value));
      break;
    case PROP_EXEMPTION:
      gk_record_set_exemption (self, g_value_get_string (value));
      break;
    case PROP_EXEMPTION_REASON:
      gk_record_set_exemption_reason (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      gk_record_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_UPDATED_AT:
      gk_record_set_updated_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_class_init (GkRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gk_record_finalize;
  object_class->get_property = gk_record_get_property;
  object_class->set_property = gk_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ITEM_KEY] =
    g_param_spec_string ("item-key", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_NAME] =
    g_param_spec_string ("item-name", NULL, NULL, NULL, flags);
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL, flags);
  properties[PROP_INDEX_NO] =
    g_param_spec_string ("index-no", NULL, NULL, NULL, flags);
  properties[PROP_DOC_NO] =
    g_param_spec_string ("doc-no", NULL, NULL, NULL, flags);
  properties[PROP_FORMED_ON] =
    g_param_spec_string ("formed-on", NULL, NULL, NULL, flags);
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  properties[PROP_DUE_MISSING_YEAR] =
    g_param_spec_int ("due-missing-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_PUBLISHED_ON] =
    g_param_spec_string ("published-on", NULL, NULL, NULL, flags);
  properties[PROP_PUBLIC_ON] =
    g_param_spec_string ("public-on", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, NULL, flags);
  properties[PROP_EXEMPTION] =
    g_param_spec_string ("exemption", NULL, NULL, NULL, flags);
  properties[PROP_EXEMPTION_REASON] =
    g_param_spec_string ("exemption-reason", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A field value changed; the detail is the field's id, so that a
   * section can follow only its own fields. */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
gk_record_init (GkRecord *self)
{
  self->values = json_object_new ();
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

/* json_node_copy() shares the objects and arrays a node holds; a copied
 * record must not see the original's later edits. */
static JsonNode *
deep_copy_node (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObject *object_copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          json_object_set_member (object_copy, name, deep_copy_node (member));
        copy = json_node_init_object (json_node_alloc (), object_copy);
        json_object_unref (object_copy);
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *array_copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (array_copy, deep_copy_node (json_array_get_element (array, i)));
        copy = json_node_init_array (json_node_alloc (), array_copy);
        json_array_unref (array_copy);
        return copy;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

GkRecord *
gk_record_copy (GkRecord *self)
{
  GkRecord *copy;

  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  copy = gk_record_new ();
  gk_record_set_id (copy, self->id);
  gk_record_set_uuid (copy, self->uuid);
  gk_record_set_item_id (copy, self->item_id);
  gk_record_set_item_key (copy, self->item_key);
  gk_record_set_item_name (copy, self->item_name);
  gk_record_set_domain (copy, self->domain);
  gk_record_set_project_id (copy, self->project_id);
  gk_record_set_title (copy, self->title);
  gk_record_set_body (copy, self->body);
  gk_record_set_unit_id (copy, self->unit_id);
  gk_record_set_unit_name (copy, self->unit_name);
  gk_record_set_index_no (copy, self->index_no);
  gk_record_set_doc_no (copy, self->doc_no);
  gk_record_set_formed_on (copy, self->formed_on);
  gk_record_set_due_on (copy, self->due_on);
  gk_record_set_due_missing_year (copy, self->due_missing_year);
  gk_record_set_published_on (copy, self->published_on);
  gk_record_set_public_on (copy, self->public_on);
  gk_record_set_status (copy, self->status);
  gk_record_set_mode (copy, self->mode);
  gk_record_set_exemption (copy, self->exemption);
  gk_record_set_exemption_reason (copy, self->exemption_reason);
  gk_record_set_created_at (copy, self->created_at);
  gk_record_set_updated_at (copy, self->updated_at);
  /* Each value is copied deeply as it is set. */
  gk_record_set_values (copy, self->values);
  return copy;
}

static void
set_string (GkRecord    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

gint64
gk_record_get_id (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);
  return self->id;
}

void
gk_record_set_id (GkRecord   *self,
                   gint64      value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
gk_record_get_uuid (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->uuid;
}

void
gk_record_set_uuid (GkRecord   *self,
                     const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->uuid, value, PROP_UUID);
}

gint64
gk_record_get_item_id (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);
  return self->item_id;
}

void
gk_record_set_item_id (GkRecord   *self,
                        gint64      value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  if (self->item_id == value)
    return;
  self->item_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

const char *
gk_record_get_item_key (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->item_key;
}

void
gk_record_set_item_key (GkRecord   *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->item_key, value, PROP_ITEM_KEY);
}

const char *
gk_record_get_item_name (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->item_name;
}

void
gk_record_set_item_name (GkRecord   *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->item_name, value, PROP_ITEM_NAME);
}

const char *
gk_record_get_domain (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->domain;
}

void
gk_record_set_domain (GkRecord   *self,
                       const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->domain, value, PROP_DOMAIN);
}

gint64
gk_record_get_project_id (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);
  return self->project_id;
}

void
gk_record_set_project_id (GkRecord   *self,
                           gint64      value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  if (self->project_id == value)
    return;
  self->project_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_ID]);
}

const char *
gk_record_get_title (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->title;
}

void
gk_record_set_title (GkRecord   *self,
                      const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->title, value, PROP_TITLE);
}

const char *
gk_record_get_body (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->body;
}

void
gk_record_set_body (GkRecord   *self,
                     const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->body, value, PROP_BODY);
}

gint64
gk_record_get_unit_id (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);
  return self->unit_id;
}

void
gk_record_set_unit_id (GkRecord   *self,
                        gint64      value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  if (self->unit_id == value)
    return;
  self->unit_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

const char *
gk_record_get_unit_name (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->unit_name;
}

void
gk_record_set_unit_name (GkRecord   *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->unit_name, value, PROP_UNIT_NAME);
}

const char *
gk_record_get_index_no (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->index_no;
}

void
gk_record_set_index_no (GkRecord   *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->index_no, value, PROP_INDEX_NO);
}

const char *
gk_record_get_doc_no (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->doc_no;
}

void
gk_record_set_doc_no (GkRecord   *self,
                       const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->doc_no, value, PROP_DOC_NO);
}

const char *
gk_record_get_formed_on (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->formed_on;
}

void
gk_record_set_formed_on (GkRecord   *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->formed_on, value, PROP_FORMED_ON);
}

const char *
gk_record_get_due_on (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->due_on;
}

void
gk_record_set_due_on (GkRecord   *self,
                       const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->due_on, value, PROP_DUE_ON);
}

int
gk_record_get_due_missing_year (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);
  return self->due_missing_year;
}

void
gk_record_set_due_missing_year (GkRecord   *self,
                                 int      value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  if (self->due_missing_year == value)
    return;
  self->due_missing_year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_MISSING_YEAR]);
}

const char *
gk_record_get_published_on (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->published_on;
}

void
gk_record_set_published_on (GkRecord   *self,
                             const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->published_on, value, PROP_PUBLISHED_ON);
}

/* While a 变更 is prepared the record is a draft again, yet what was
 * published before stays public: this is that publication's date. */
const char *
gk_record_get_public_on (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->public_on;
}

void
gk_record_set_public_on (GkRecord   *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->public_on, value, PROP_PUBLIC_ON);
}

/* What the record's number is called: requests and cases have a 申请编号
 * or 案号 of their own; those entered before they had keep their 索引号. */
const char *
gk_record_get_number_label (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  if (self->index_no != NULL && strstr (self->index_no, "〔") != NULL)
    {
      if (g_strcmp0 (self->item_key, "request.application") == 0)
        return _("Request Number");
      if (g_strcmp0 (self->item_key, "request.case") == 0)
        return _("Case Number");
    }
  return _("Index Number");
}

/* The status as the window shows it: a request is answered, not
 * published; a record being changed is still public. */
const char *
gk_record_get_status_label (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  if (gk_record_is_request (self))
    return self->published_on != NULL ? _("Replied") : _("Awaiting Reply");
  if (self->public_on != NULL &&
      (g_strcmp0 (self->status, GK_STATUS_DRAFT) == 0 || g_strcmp0 (self->status, GK_STATUS_PENDING) == 0))
    return _("Published · Change Being Prepared");
  return gk_status_to_label (self->status);
}

/* A GBindingTransformFunc from a record's "status" to its label. */
gboolean
gk_record_transform_status_label (GBinding     *binding,
                                  const GValue *from,
                                  GValue       *to,
                                  gpointer      user_data)
{
  g_autoptr(GObject) record = g_binding_dup_source (binding);

  g_value_set_string (to, record != NULL ? gk_record_get_status_label (GK_RECORD (record))
                                         : gk_status_to_label (g_value_get_string (from)));
  return TRUE;
}

/* Requests (申请) and cases are answered or decided, never published. */
gboolean
gk_record_is_request (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), FALSE);
  return g_strcmp0 (self->domain, "request") == 0;
}

/* Public: published, or published before and being changed. */
gboolean
gk_record_is_public (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), FALSE);
  return g_strcmp0 (self->status, GK_STATUS_PUBLISHED) == 0 ||
         (self->public_on != NULL && g_strcmp0 (self->status, GK_STATUS_WITHDRAWN) != 0);
}

const char *
gk_record_get_status (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->status;
}

void
gk_record_set_status (GkRecord   *self,
                       const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->status, value, PROP_STATUS);
}

const char *
gk_record_get_mode (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->mode;
}

void
gk_record_set_mode (GkRecord   *self,
                     const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->mode, value, PROP_MODE);
}

const char *
gk_record_get_exemption (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->exemption;
}

void
gk_record_set_exemption (GkRecord   *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->exemption, value, PROP_EXEMPTION);
}

const char *
gk_record_get_exemption_reason (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->exemption_reason;
}

void
gk_record_set_exemption_reason (GkRecord   *self,
                                 const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->exemption_reason, value, PROP_EXEMPTION_REASON);
}

const char *
gk_record_get_created_at (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->created_at;
}

void
gk_record_set_created_at (GkRecord   *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->created_at, value, PROP_CREATED_AT);
}

const char *
gk_record_get_updated_at (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->updated_at;
}

void
gk_record_set_updated_at (GkRecord   *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_RECORD (self));
  set_string (self, &self->updated_at, value, PROP_UPDATED_AT);
}

JsonNode *
gk_record_get_value (GkRecord   *self,
                     const char *key)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return json_object_get_member (self->values, key);
}

void
gk_record_set_value (GkRecord   *self,
                     const char *key,
                     JsonNode   *value)
{
  g_autofree char *name = NULL;
  JsonNode *old;

  g_return_if_fail (GK_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  old = json_object_get_member (self->values, key);
  if (old == NULL && value == NULL)
    return;
  if (old != NULL && value != NULL && json_node_equal (old, value))
    return;

  /* @key may be the member's own name (gk_record_set_values() passes the
   * names it lists), which removing the member frees. */
  name = g_strdup (key);
  if (value != NULL)
    json_object_set_member (self->values, name, deep_copy_node (value));
  else
    json_object_remove_member (self->values, name);
  g_signal_emit (self, signals[VALUE_CHANGED], g_quark_from_string (name), name);
}

const char *
gk_record_get_value_string (GkRecord   *self,
                            const char *key)
{
  JsonNode *node = gk_record_get_value (self, key);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

void
gk_record_set_value_string (GkRecord   *self,
                            const char *key,
                            const char *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  gk_record_set_value (self, key, node);
}

JsonObject *
gk_record_get_values (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);
  return self->values;
}

void
gk_record_set_values (GkRecord   *self,
                      JsonObject *values)
{
  g_autoptr(GList) old_keys = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_if_fail (GK_IS_RECORD (self));

  /* Keys that are gone first, then every new or changed one. */
  old_keys = json_object_get_members (self->values);
  for (GList *l = old_keys; l != NULL; l = l->next)
    if (values == NULL || !json_object_has_member (values, l->data))
      gk_record_set_value (self, l->data, NULL);
  if (values == NULL)
    return;
  json_object_iter_init (&iter, values);
  while (json_object_iter_next (&iter, &name, &member))
    gk_record_set_value (self, name, member);
}

char *
gk_record_dup_values_json (GkRecord *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  root = json_node_init_object (json_node_alloc (), self->values);
  return json_to_string (root, FALSE);
}

gboolean
gk_record_set_values_json (GkRecord    *self,
                           const char  *json,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (GK_IS_RECORD (self), FALSE);

  if (json == NULL || *json == '\0')
    {
      gk_record_set_values (self, NULL);
      return TRUE;
    }
  root = json_from_string (json, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "The field values are not a JSON object");
      return FALSE;
    }
  gk_record_set_values (self, json_node_get_object (root));
  return TRUE;
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
