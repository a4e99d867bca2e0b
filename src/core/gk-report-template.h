/* gk-report-template.h: the annual report workbook's Chinese labels, kept as data in the core's resources. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GK_REPORT_TEMPLATE_RESOURCE "/io/github/gongkai/Gongkai/core/report/report-template.json"

typedef struct _GkReportTemplate GkReportTemplate;

/* The template built into the core; gk_core_init() first. */
GkReportTemplate *gk_report_template_new_default (GError          **error);
void              gk_report_template_free        (GkReportTemplate *self);

/* The text at @path ("notes.heading"); a path the template lacks is a
 * programming error and gives "". */
const char       *gk_report_template_get         (GkReportTemplate *self,
                                                  const char       *path);
/* The array at @path, or NULL. */
JsonArray        *gk_report_template_get_array   (GkReportTemplate *self,
                                                  const char       *path);

/* @pattern with each "{name}" replaced by the value that follows the name
 * in the NULL-terminated list of name, value pairs. */
char             *gk_report_expand               (const char       *pattern,
                                                  ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReportTemplate, gk_report_template_free)

G_END_DECLS
