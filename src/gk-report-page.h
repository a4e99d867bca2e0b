/* gk-report-page.h: Preferences: the annual report's figures the ledger cannot count, per year. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_REPORT_PAGE (gk_report_page_get_type ())
G_DECLARE_FINAL_TYPE (GkReportPage, gk_report_page, GK, REPORT_PAGE, AdwPreferencesPage)

void gk_report_page_set_store (GkReportPage *self,
                               GkStore      *store);
/* The report year shown; the page starts at last year. */
int  gk_report_page_get_year  (GkReportPage *self);
void gk_report_page_set_year  (GkReportPage *self,
                               int           year);

G_END_DECLS
