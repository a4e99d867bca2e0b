/* gk-record.h: one disclosure record (公开信息): typed properties that notify, and its item's field values. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GK_TYPE_RECORD (gk_record_get_type ())
G_DECLARE_FINAL_TYPE (GkRecord, gk_record, GK, RECORD, GObject)

/* Values as stored; the editor shows them translated. */
#define GK_STATUS_DRAFT     "draft"
#define GK_STATUS_PENDING   "pending"
#define GK_STATUS_PUBLISHED "published"
#define GK_STATUS_WITHDRAWN "withdrawn"

#define GK_MODE_PROACTIVE  "proactive"
#define GK_MODE_ON_REQUEST "on-request"
#define GK_MODE_EXEMPT     "exempt"

GkRecord   *gk_record_new                  (void);
/* A deep copy: the copy's field values are its own. */
GkRecord   *gk_record_copy                 (GkRecord   *self);

/* Each setter notifies its property only when the value changes.
 * formed-on is the ISO date the information was formed or last changed;
 * due-on is computed by the store from it and the item's rule, and
 * due-missing-year is a year the calendar did not know (0: none). */
gint64      gk_record_get_id               (GkRecord   *self);
void        gk_record_set_id               (GkRecord   *self,
                                            gint64      value);
const char *gk_record_get_uuid             (GkRecord   *self);
void        gk_record_set_uuid             (GkRecord   *self,
                                            const char *value);
gint64      gk_record_get_item_id          (GkRecord   *self);
void        gk_record_set_item_id          (GkRecord   *self,
                                            gint64      value);
const char *gk_record_get_item_key         (GkRecord   *self);
void        gk_record_set_item_key         (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_item_name        (GkRecord   *self);
void        gk_record_set_item_name        (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_domain           (GkRecord   *self);
void        gk_record_set_domain           (GkRecord   *self,
                                            const char *value);
gint64      gk_record_get_project_id       (GkRecord   *self);
void        gk_record_set_project_id       (GkRecord   *self,
                                            gint64      value);
const char *gk_record_get_title            (GkRecord   *self);
void        gk_record_set_title            (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_body             (GkRecord   *self);
void        gk_record_set_body             (GkRecord   *self,
                                            const char *value);
gint64      gk_record_get_unit_id          (GkRecord   *self);
void        gk_record_set_unit_id          (GkRecord   *self,
                                            gint64      value);
const char *gk_record_get_unit_name        (GkRecord   *self);
void        gk_record_set_unit_name        (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_index_no         (GkRecord   *self);
void        gk_record_set_index_no         (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_doc_no           (GkRecord   *self);
void        gk_record_set_doc_no           (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_formed_on        (GkRecord   *self);
void        gk_record_set_formed_on        (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_due_on           (GkRecord   *self);
void        gk_record_set_due_on           (GkRecord   *self,
                                            const char *value);
int         gk_record_get_due_missing_year (GkRecord   *self);
void        gk_record_set_due_missing_year (GkRecord   *self,
                                            int         value);
const char *gk_record_get_published_on     (GkRecord   *self);
void        gk_record_set_published_on     (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_public_on        (GkRecord   *self);
void        gk_record_set_public_on        (GkRecord   *self,
                                            const char *value);
gboolean    gk_record_is_public            (GkRecord   *self);
const char *gk_record_get_status_label     (GkRecord   *self);
gboolean    gk_record_transform_status_label (GBinding     *binding,
                                              const GValue *from,
                                              GValue       *to,
                                              gpointer      user_data);
gboolean    gk_record_is_request           (GkRecord   *self);
const char *gk_record_get_number_label     (GkRecord   *self);
const char *gk_record_get_status           (GkRecord   *self);
void        gk_record_set_status           (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_mode             (GkRecord   *self);
void        gk_record_set_mode             (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_exemption        (GkRecord   *self);
void        gk_record_set_exemption        (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_exemption_reason (GkRecord   *self);
void        gk_record_set_exemption_reason (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_created_at       (GkRecord   *self);
void        gk_record_set_created_at       (GkRecord   *self,
                                            const char *value);
const char *gk_record_get_updated_at       (GkRecord   *self);
void        gk_record_set_updated_at       (GkRecord   *self,
                                            const char *value);

/* The item's field values, keyed by field id. get_value returns the
 * record's own node (NULL when unset): read it, do not change it.
 * set_value copies @value (NULL removes the key) and emits
 * "value-changed::<key>" when the value differs. */
JsonNode   *gk_record_get_value            (GkRecord   *self,
                                            const char *key);
void        gk_record_set_value            (GkRecord   *self,
                                            const char *key,
                                            JsonNode   *value);
/* The value as a string, or NULL when unset or not a string. */
const char *gk_record_get_value_string     (GkRecord   *self,
                                            const char *key);
void        gk_record_set_value_string     (GkRecord   *self,
                                            const char *key,
                                            const char *value);
/* Every value, read-only. */
JsonObject *gk_record_get_values           (GkRecord   *self);
/* Replaces every value, emitting "value-changed" for each key that differs. */
void        gk_record_set_values           (GkRecord   *self,
                                            JsonObject *values);
/* The values as the ledger keeps them: a JSON object. */
char       *gk_record_dup_values_json      (GkRecord   *self);
gboolean    gk_record_set_values_json      (GkRecord   *self,
                                            const char *json,
                                            GError    **error);

gboolean    gk_record_is_overdue           (GkRecord   *self,
                                            const char *today);

const char *gk_status_to_label             (const char *status);
const char *gk_mode_to_label               (const char *mode);
gboolean    gk_status_is_valid             (const char *status);
gboolean    gk_mode_is_valid               (const char *mode);

G_END_DECLS
