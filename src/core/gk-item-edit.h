/* gk-item-edit.h: a catalog item as its editor shows it: the deadline rule as a choice, channels checked one by one, field kinds in words. */
#pragma once

#include <glib.h>

#include "gk-schema.h"
#include "gk-item.h"
#include "gk-validate.h"

G_BEGIN_DECLS

/* The deadline rules a catalog item can have, in the order offered. */
typedef enum
{
  GK_ITEM_RULE_CHOICE_PROACTIVE,  /* "proactive": 20 working days */
  GK_ITEM_RULE_CHOICE_DECISION,   /* "decision": 7 working days */
  GK_ITEM_RULE_CHOICE_WORKDAYS,   /* "workdays:N" */
  GK_ITEM_RULE_CHOICE_DAYS,       /* "days:N": calendar days, a rest day moves the last one */
  GK_ITEM_RULE_CHOICE_REQUEST,    /* GK_ITEM_RULE_REQUEST */
  GK_ITEM_RULE_CHOICE_NONE,       /* GK_ITEM_RULE_NONE */
  GK_ITEM_RULE_N_CHOICES,
} GkItemRuleChoice;

/* Reads a stored rule; @workdays is the count of a custom rule, or the
 * count the law fixes (0 for request and none). */
gboolean     gk_item_rule_read              (const char          *rule,
                                             GkItemRuleChoice    *choice,
                                             guint               *workdays,
                                             GError             **error);
/* The rule string gk_store_save_item() accepts; @workdays counts for
 * GK_ITEM_RULE_CHOICE_WORKDAYS and _DAYS only and is clamped to what the
 * parser takes. */
char        *gk_item_rule_build             (GkItemRuleChoice     choice,
                                             guint                workdays);
/* The same, keeping what @previous says beyond its kind (the field the
 * period runs from, a publication period): the editor changes the count,
 * not the legal start date. */
char        *gk_item_rule_build_from        (GkItemRuleChoice     choice,
                                             guint                workdays,
                                             const char          *previous);
/* The label of the field @item's deadline runs from (决定日期), which the
 * record's formation date follows; NULL when it is the formation date. */
char        *gk_item_dup_start_label        (GkItem              *item);
/* The choice in words, for a list of choices. */
const char  *gk_item_rule_choice_describe   (GkItemRuleChoice     choice);

/* Whether channel @index of @channels may stand: a name, not listed before. */
GkValidation *gk_item_check_channel         (const char * const  *channels,
                                             guint                index);

/* A list typed on one line: @text cut at any of the characters of
 * @separators (whole characters, not bytes: "、；" never cuts a Chinese
 * character), each part trimmed, empty parts dropped. The catalog editor
 * shows units as "区住建局、各街镇" and basis rules separated by "；". */
GStrv        gk_item_split_list             (const char          *text,
                                             const char          *separators);
#define GK_ITEM_UNIT_SEPARATORS  "、，,；;"
#define GK_ITEM_BASIS_SEPARATORS "；"

/* A field kind in words (“Money”, “Date”…). */
const char  *gk_field_kind_describe         (GkFieldKind          kind);
/* Whether a field of @kind can be added by label and kind alone (choices
 * and tables need more than that). */
gboolean     gk_field_kind_can_add          (GkFieldKind          kind);

G_END_DECLS
