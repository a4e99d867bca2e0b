/* gk-catalog.h: the default catalog (公开目录) and the fixed lists it carries, read from JSON. */
#pragma once

#include <glib-object.h>

#include "gk-item.h"
#include "gk-schema.h"

G_BEGIN_DECLS

#define GK_CATALOG_ERROR (gk_catalog_error_quark ())

typedef enum
{
  GK_CATALOG_ERROR_PARSE,         /* not JSON */
  GK_CATALOG_ERROR_INVALID,       /* JSON, but not a catalog */
  GK_CATALOG_ERROR_NEWER_FORMAT,  /* written for a newer Gongkai */
} GkCatalogError;

#define GK_CATALOG_FORMAT 1
#define GK_CATALOG_DEFAULT_RESOURCE "/io/github/gongkai/Gongkai/core/catalog/default-catalog.json"

typedef enum
{
  GK_DOMAIN_KIND_DISCLOSURE,  /* proactive disclosure items */
  GK_DOMAIN_KIND_BLACKLIST,   /* 黑名单: items with the blacklist's fields */
  GK_DOMAIN_KIND_REQUEST,     /* 依申请公开: no items; request_schema */
} GkDomainKind;

typedef struct
{
  char         *key;    /* housing-construction, …, request */
  char         *name;   /* 保障性安居工程建设 */
  GkDomainKind  kind;
  GStrv         units;  /* default responsible unit keys */
} GkCatalogDomain;

typedef struct
{
  char *key;
  char *name;   /* 区住建局 */
  char *kind;   /* office, department, branch, street, town, group (各街镇) or role (采购人 …) */
} GkCatalogUnit;

/* A key and its exact Chinese text, in an optional group: channels,
 * applicant types, request outcomes and their groups, case kinds and results. */
typedef struct
{
  char *key;
  char *name;
  char *group;  /* applicant types: 法人或其他组织; outcomes: a group key; case kinds: 行政诉讼; or NULL */
} GkCatalogTerm;

typedef struct
{
  char *key;         /* procurement, tender, housing */
  char *name;
  char *code_label;  /* 采购项目编号 … */
} GkCatalogProjectKind;

/* A legal ground for 不予公开 (条例 第十四条 to 第十六条). */
typedef struct
{
  char *key;
  char *article;  /* 第十四条 */
  char *text;
  char *kind;     /* must-not, third-party or may-withhold */
  char *outcome;  /* the request outcome key it is counted under */
} GkCatalogExemption;

/* The exact labels of table 三 of the annual report (DOMAIN.md §3). */
typedef struct
{
  char *balance_note;
  char *applicants;
  char *organisations;
  char *sum;
  char *received;
  char *carried_in;
  char *results;
  char *total;
  char *carried_over;
} GkCatalogRequestReport;

typedef struct
{
  int                     format;
  char                   *title;
  char                   *source;
  GPtrArray              *domains;          /* GkCatalogDomain */
  GPtrArray              *units;            /* GkCatalogUnit */
  GPtrArray              *channels;         /* GkCatalogTerm */
  GPtrArray              *project_kinds;    /* GkCatalogProjectKind */
  GPtrArray              *exemptions;       /* GkCatalogExemption */
  GPtrArray              *applicant_types;  /* GkCatalogTerm, annual-report column order */
  GPtrArray              *outcome_groups;   /* GkCatalogTerm: （三）不予公开 … */
  GPtrArray              *outcomes;         /* GkCatalogTerm, annual-report row order */
  GkCatalogRequestReport  request_report;
  GPtrArray              *case_kinds;       /* GkCatalogTerm */
  GPtrArray              *case_results;     /* GkCatalogTerm */
  GkSchema               *request_schema;   /* fields of a 依申请公开 request */
  GkSchema               *case_schema;      /* fields of a 行政复议/行政诉讼 case */
  GPtrArray              *items;            /* GkItem, in catalog order */
} GkCatalog;

#define GK_TYPE_CATALOG (gk_catalog_get_type ())

/* The items of the request domain, built from the catalog's field sets. */
#define GK_ITEM_KEY_REQUEST "request.application"
#define GK_ITEM_KEY_CASE    "request.case"

GQuark                       gk_catalog_error_quark     (void);
GType                        gk_catalog_get_type        (void) G_GNUC_CONST;

/* The catalog built into the core's GResource; gk_core_init() first. */
GkCatalog                   *gk_catalog_new_default     (GError          **error);
GkCatalog                   *gk_catalog_new_from_data   (const char       *data,
                                                         gssize            length,
                                                         GError          **error);
GkCatalog                   *gk_catalog_new_from_file   (const char       *path,
                                                         GError          **error);
GkCatalog                   *gk_catalog_ref             (GkCatalog        *catalog);
void                         gk_catalog_unref           (GkCatalog        *catalog);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalog, gk_catalog_unref)

const GkCatalogDomain       *gk_catalog_lookup_domain   (GkCatalog        *catalog,
                                                         const char       *key);
GkItem                      *gk_catalog_lookup_item     (GkCatalog        *catalog,
                                                         const char       *key);
const GkCatalogUnit         *gk_catalog_lookup_unit     (GkCatalog        *catalog,
                                                         const char       *key);
const GkCatalogTerm         *gk_catalog_lookup_channel  (GkCatalog        *catalog,
                                                         const char       *key);
const GkCatalogExemption    *gk_catalog_lookup_exemption (GkCatalog       *catalog,
                                                         const char       *key);
const GkCatalogTerm         *gk_catalog_lookup_outcome  (GkCatalog        *catalog,
                                                         const char       *key);
const GkCatalogProjectKind  *gk_catalog_lookup_project_kind (GkCatalog    *catalog,
                                                         const char       *key);
/* The items of @domain_key in catalog order (NULL: all); the array does
 * not own them. */
GPtrArray                   *gk_catalog_list_items      (GkCatalog        *catalog,
                                                         const char       *domain_key);

/* A new item for requests (GK_ITEM_KEY_REQUEST) or review and litigation
 * cases (GK_ITEM_KEY_CASE), built from the catalog's field sets; NULL for
 * any other key. */
GkItem                      *gk_catalog_new_request_item (GkCatalog      *catalog,
                                                         const char     *key);

/* Names joined by "、" ("区住建局、各街镇"); unknown keys are shown as they are. */
char                        *gk_catalog_dup_unit_names  (GkCatalog        *catalog,
                                                         const char * const *keys);
char                        *gk_catalog_dup_channel_names (GkCatalog      *catalog,
                                                         const char * const *keys);


G_END_DECLS
