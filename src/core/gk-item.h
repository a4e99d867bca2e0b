/* gk-item.h: one catalog item (公开目录 row), as the shipped catalog describes it and the ledger keeps it. */
#pragma once

#include <glib-object.h>

#include "gk-schema.h"

G_BEGIN_DECLS

/* Deadline rules beyond gk_deadline_rule_parse(): a request's statutory
 * reply period, and no deadline at all (review and litigation cases). */
#define GK_ITEM_RULE_REQUEST "request"
#define GK_ITEM_RULE_NONE    "none"

#define GK_TYPE_ITEM (gk_item_get_type ())
G_DECLARE_FINAL_TYPE (GkItem, gk_item, GK, ITEM, GObject)

/* A catalog item is typed data, serialised only where the ledger stores it.
 *
 * Units and channels are *names*: "区住建局", "政府门户网站". The shipped
 * catalog file refers to its units and channels by key; gk_catalog_new_*()
 * resolves those keys, so an item read from the file and the same item in
 * the ledger hold the same names. A unit name may stand for a group or a
 * role rather than a unit of the ledger ("各街镇", "采购人"): the ledger's
 * units are rows with names, and a record's unit is the ledger unit of the
 * same name (gk_store_find_unit()).
 *
 * The items a GkStore or a GkCatalog hands out are shared, schema included:
 * read them, and gk_item_copy() one to edit it. */

GkItem             *gk_item_new                (const char          *key,
                                                const char          *domain);
/* A copy to edit: every text and list copied, the schema shared (replace
 * it with gk_item_set_schema() rather than change it). */
GkItem             *gk_item_copy               (GkItem              *self);

/* The ledger's row id; 0 for an item of the catalog file or not yet saved. */
gint64              gk_item_get_id             (GkItem              *self);
void                gk_item_set_id             (GkItem              *self,
                                                gint64               id);
/* procurement.result; the key starts with the domain's. */
const char         *gk_item_get_key            (GkItem              *self);
const char         *gk_item_get_domain         (GkItem              *self);
/* 一级事项 */
const char         *gk_item_get_level1         (GkItem              *self);
void                gk_item_set_level1         (GkItem              *self,
                                                const char          *level1);
/* 二级事项: the item's name. */
const char         *gk_item_get_level2         (GkItem              *self);
void                gk_item_set_level2         (GkItem              *self,
                                                const char          *level2);
/* 公开内容（要素） as the catalog words it. */
const char         *gk_item_get_contents       (GkItem              *self);
void                gk_item_set_contents       (GkItem              *self,
                                                const char          *contents);
/* 公开依据: one rule each. */
const char * const *gk_item_get_basis          (GkItem              *self);
void                gk_item_set_basis          (GkItem              *self,
                                                const char * const  *basis);
/* The rules joined by "；", as the catalog shows them on one line. */
char               *gk_item_dup_basis_text     (GkItem              *self);
/* proactive, decision, workdays:N (gk_deadline_rule_parse()),
 * GK_ITEM_RULE_REQUEST or GK_ITEM_RULE_NONE. */
const char         *gk_item_get_deadline_rule  (GkItem              *self);
void                gk_item_set_deadline_rule  (GkItem              *self,
                                                const char          *rule);
/* Whether the law makes the item's records proactive: the catalog says
 * 主动公开 and gives a deadline (a record of it cannot be left to requests). */
gboolean            gk_item_is_proactive       (GkItem              *self);
/* 公开时限 as the catalog shows it. */
const char         *gk_item_get_time_limit     (GkItem              *self);
void                gk_item_set_time_limit     (GkItem              *self,
                                                const char          *time_limit);
/* 公开主体: unit names, the likely one first. */
const char * const *gk_item_get_units          (GkItem              *self);
void                gk_item_set_units          (GkItem              *self,
                                                const char * const  *units);
/* 公开渠道和载体: channel names; none means the ledger's default channels. */
const char * const *gk_item_get_channels       (GkItem              *self);
void                gk_item_set_channels       (GkItem              *self,
                                                const char * const  *channels);
/* 公开对象, 公开方式, 公开层级, 监督渠道 */
const char         *gk_item_get_audience       (GkItem              *self);
void                gk_item_set_audience       (GkItem              *self,
                                                const char          *audience);
const char         *gk_item_get_mode           (GkItem              *self);
void                gk_item_set_mode           (GkItem              *self,
                                                const char          *mode);
const char         *gk_item_get_level          (GkItem              *self);
void                gk_item_set_level          (GkItem              *self,
                                                const char          *level);
const char         *gk_item_get_supervision    (GkItem              *self);
void                gk_item_set_supervision    (GkItem              *self,
                                                const char          *supervision);
/* The fields of the item's records; NULL when the ledger's copy of them
 * cannot be read. */
GkSchema           *gk_item_get_schema         (GkItem              *self);
void                gk_item_set_schema         (GkItem              *self,
                                                GkSchema            *schema);
/* The disclosure chain it belongs to (procurement, tender, housing) and
 * its 1-based place there; NULL and 0 for an item outside any chain. */
const char         *gk_item_get_project_kind   (GkItem              *self);
int                 gk_item_get_stage          (GkItem              *self);
void                gk_item_set_stage          (GkItem              *self,
                                                const char          *project_kind,
                                                int                  stage);
/* A project lacking this stage is incomplete; one that skips an optional
 * stage (资格审查结果, 交易过程信息) is not. */
gboolean            gk_item_get_stage_required (GkItem              *self);
void                gk_item_set_stage_required (GkItem              *self,
                                                gboolean             required);
/* Retired: kept for its records, offered for no new one. */
gboolean            gk_item_get_retired        (GkItem              *self);
void                gk_item_set_retired        (GkItem              *self,
                                                gboolean             retired);

/* Whether @unit is one of the item's units. */
gboolean            gk_item_has_unit           (GkItem              *self,
                                                const char          *unit);
/* What the catalog editor compares to know whether anything changed:
 * every text, list and the schema, not the id. */
gboolean            gk_item_equal              (GkItem              *a,
                                                GkItem              *b);

G_END_DECLS
