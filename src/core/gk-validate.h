/* gk-validate.h: checks of identifiers and typed values as clerks type them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GK_SEVERITY_OK,
  GK_SEVERITY_WARNING,  /* shown, but the clerk may keep the value */
  GK_SEVERITY_ERROR,    /* the value cannot be published */
} GkSeverity;

/* The kinds of value a catalog field holds. The names in the catalog JSON
 * are those of gk_field_kind_to_string(). */
typedef enum
{
  GK_FIELD_TEXT,
  GK_FIELD_LONGTEXT,
  GK_FIELD_MONEY,        /* integer 分 */
  GK_FIELD_DATE,         /* ISO 8601 date string */
  GK_FIELD_INTEGER,
  GK_FIELD_DECIMAL,      /* plain decimal string, e.g. "89.50" */
  GK_FIELD_CHOICE,
  GK_FIELD_USCC,         /* 统一社会信用代码 */
  GK_FIELD_IDCARD,       /* 居民身份证号码 */
  GK_FIELD_ORGCODE,      /* 组织机构代码 */
  GK_FIELD_PROJECTCODE,  /* 投资项目统一代码 */
  GK_FIELD_PHONE,
  GK_FIELD_URL,
  GK_FIELD_TABLE,        /* array of rows; columns are fields of scalar kinds */
  GK_FIELD_DATETIME,     /* ISO 8601 local date and time, "2025-03-07T09:30" */
} GkFieldKind;

#define GK_FIELD_KIND_INVALID ((GkFieldKind) -1)

const char  *gk_field_kind_to_string     (GkFieldKind  kind);
GkFieldKind  gk_field_kind_from_string   (const char  *name);

/* The outcome of one check. @normalized is the value as it should be
 * stored (upper-cased, spaces stripped, …) and is set even on error, as
 * far as the input allowed; @message is NULL when @severity is OK. */
typedef struct
{
  GkSeverity  severity;
  char       *message;
  char       *normalized;
} GkValidation;

GkValidation *gk_validation_new          (GkSeverity           severity,
                                          const char          *normalized,
                                          const char          *message);
void          gk_validation_free         (GkValidation        *validation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkValidation, gk_validation_free)

/* Full-width letters, digits and punctuation (U+FF01–FF5E) to ASCII, the
 * ideographic space to a space: what Chinese input methods produce. */
char         *gk_fold_full_width         (const char  *text);
/* Folds widths, strips every kind of space, and upper-cases ASCII. */
char         *gk_normalize_code          (const char  *text);

char          gk_uscc_compute_check      (const char  *first17);
char          gk_idcard_compute_check    (const char  *first17);
char          gk_orgcode_compute_check   (const char  *first8);

GkValidation *gk_validate_uscc           (const char  *value);
GkValidation *gk_validate_idcard         (const char  *value);
GkValidation *gk_validate_orgcode        (const char  *value);
GkValidation *gk_validate_project_code   (const char  *value);
/* The 前段码 of an organisation's 索引号: its 统一社会信用代码 (18) or its
 * 组织机构代码 (9), either with a right check character. */
GkValidation *gk_validate_index_prefix   (const char  *value);
GkValidation *gk_validate_phone          (const char  *value);
GkValidation *gk_validate_url            (const char  *value);
GkValidation *gk_validate_required       (const char  *value);
/* The check of a code-like kind (uscc, idcard, orgcode, projectcode, phone,
 * url); for the other kinds, only trims. */
GkValidation *gk_validate_by_kind        (GkFieldKind  kind,
                                          const char  *value);

G_END_DECLS
