/* gk-record.h: one disclosure record (公开信息) as loaded from the ledger. */
#pragma once

#include <glib-object.h>

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

/* A record is plain data: the store loads and saves it, and records what
 * changed between the two in the history. */
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
  char *fields;           /* JSON object of the item's field values */
  gint64 unit_id;
  char *unit_name;
  char *index_no;
  char *doc_no;
  char *formed_on;        /* ISO date the information was formed or last changed */
  char *due_on;           /* computed from formed_on and the item's rule */
  int due_missing_year;   /* a year the calendar does not know, or 0 */
  char *published_on;
  char *status;
  char *mode;
  char *exemption;
  char *exemption_reason;
  char *created_at;
  char *updated_at;
};

GkRecord   *gk_record_new             (void);
GkRecord   *gk_record_copy            (GkRecord   *self);

const char *gk_record_get_uuid        (GkRecord   *self);
const char *gk_record_get_title       (GkRecord   *self);
void        gk_record_set_title       (GkRecord   *self,
                                       const char *title);
const char *gk_record_get_status      (GkRecord   *self);
const char *gk_record_get_due_on      (GkRecord   *self);
gboolean    gk_record_is_overdue      (GkRecord   *self,
                                       const char *today);
void        gk_record_set_string      (GkRecord   *self,
                                       char      **field,
                                       const char *value);

const char *gk_status_to_label        (const char *status);
const char *gk_mode_to_label          (const char *mode);
gboolean    gk_status_is_valid        (const char *status);
gboolean    gk_mode_is_valid          (const char *mode);

G_END_DECLS
