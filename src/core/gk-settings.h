/* gk-settings.h: values the clerk sets in Preferences, kept in the ledger: channels, guide, masks, report figures. */
#pragma once

#include "gk-mask.h"
#include "gk-report-figures.h"
#include "gk-store.h"
#include "gk-validate.h"

G_BEGIN_DECLS

/* Keys of the settings table; "settings-changed" carries the key as its detail. */
#define GK_SETTING_DEFAULT_CHANNELS "default-channels"
#define GK_SETTING_MASKS            "masks"
#define GK_SETTING_GUIDE_PREFIX     "guide/"
#define GK_SETTING_REPORT_PREFIX    "report/"

/* Any value: NULL with no error when @key is unset. */
char      *gk_store_get_setting              (GkStore            *self,
                                              const char         *key,
                                              GError            **error);
/* Stores @value under @key, or removes it when @value is NULL, then emits
 * "settings-changed::KEY" if anything changed. */
gboolean   gk_store_set_setting              (GkStore            *self,
                                              const char         *key,
                                              const char         *value,
                                              GError            **error);

/* Default channels (公开渠道): what a record starts with when its catalog
 * item names none. Unset: the built-in list. */
char     **gk_store_get_default_channels     (GkStore            *self,
                                              GError            **error);
/* Trims each name; refuses an empty name or one listed twice. An empty
 * list is kept as such; NULL goes back to the built-in list. */
gboolean   gk_store_set_default_channels     (GkStore            *self,
                                              const char * const *channels,
                                              GError            **error);
/* TRUE when a record of @item starts with the default channels: the item
 * names none and is published (applications and review cases are answered
 * to the applicant, not published through channels). */
gboolean   gk_item_takes_default_channels    (GkItem             *item);

/* The disclosure guide's contact details (政府信息公开指南). */
typedef enum
{
  GK_GUIDE_OFFICE,      /* 受理机构 */
  GK_GUIDE_ADDRESS,
  GK_GUIDE_POSTCODE,
  GK_GUIDE_PHONE,
  GK_GUIDE_FAX,
  GK_GUIDE_EMAIL,
  GK_GUIDE_HOURS,
  GK_GUIDE_WEBSITE,
  GK_GUIDE_N_FIELDS,
} GkGuideField;

/* Empty is OK (not filled in yet); @normalized is what would be stored. */
GkValidation *gk_guide_validate              (GkGuideField        field,
                                              const char         *value);
/* "" when unset. */
char         *gk_store_get_guide             (GkStore            *self,
                                              GkGuideField        field,
                                              GError            **error);
/* Stores the normalized value; refuses what gk_guide_validate() does. */
gboolean      gk_store_set_guide             (GkStore            *self,
                                              GkGuideField        field,
                                              const char         *value,
                                              GError            **error);

/* Masks (DOMAIN.md §6). */
#define GK_MASK_IDCARD_MIN_HIDDEN 8   /* as many characters as the birth date */
#define GK_MASK_PHONE_MIN_HIDDEN  4
#define GK_MASK_NAME_MAX_KEPT     2

/* Refuses a policy that would let a reader rebuild a value. */
gboolean   gk_mask_policy_check              (const GkMaskPolicy *policy,
                                              GError            **error);
/* The policy every public output uses: the defaults where unset; a stored
 * pair that fails the check (an edited file) falls back to its default. */
gboolean   gk_store_get_mask_policy          (GkStore            *self,
                                              GkMaskPolicy       *policy,
                                              GError            **error);
gboolean   gk_store_set_mask_policy          (GkStore            *self,
                                              const GkMaskPolicy *policy,
                                              GError            **error);

/* The annual report's figures of @year: zeros and empty texts when unset. */
GkReportFigures *gk_store_get_report_figures (GkStore            *self,
                                              int                 year,
                                              GError            **error);
/* Refuses what gk_report_figures_check() refuses. */
gboolean   gk_store_set_report_figures       (GkStore            *self,
                                              const GkReportFigures *figures,
                                              GError            **error);

G_END_DECLS
