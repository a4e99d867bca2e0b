/* gk-mask.h: masking of personal data (ID numbers, phone numbers, names) in public outputs, DOMAIN.md §6. */
#pragma once

#include <glib.h>

#include "gk-validate.h"

G_BEGIN_DECLS

/* How much of a personal value stays readable in public outputs
 * (DOMAIN.md §6). Counts are in characters. */
typedef struct
{
  guint    idcard_head;  /* 6 */
  guint    idcard_tail;  /* 4 */
  guint    phone_head;   /* 3: mobile numbers */
  guint    phone_tail;   /* 4: mobile and the subscriber part of landlines */
  guint    text_head;    /* 1: a name keeps its surname */
  guint    text_tail;    /* 0 */
  gunichar mask_char;    /* '*' */
} GkMaskPolicy;

void   gk_mask_policy_init_default       (GkMaskPolicy        *policy);
char  *gk_mask_keep                      (const char          *value,
                                          guint                head,
                                          guint                tail,
                                          gunichar             mask_char);
char  *gk_mask_idcard                    (const char          *value,
                                          const GkMaskPolicy  *policy);
char  *gk_mask_phone                     (const char          *value,
                                          const GkMaskPolicy  *policy);
char  *gk_mask_value                     (GkFieldKind          kind,
                                          const char          *value,
                                          const GkMaskPolicy  *policy);

G_END_DECLS
