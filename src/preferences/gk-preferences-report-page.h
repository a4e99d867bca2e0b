/* gk-preferences-report-page.h: Preferences: the annual report's figures the ledger cannot count, per year. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_REPORT_PAGE (gk_preferences_report_page_get_type ())
G_DECLARE_FINAL_TYPE (GkPreferencesReportPage, gk_preferences_report_page, GK, PREFERENCES_REPORT_PAGE, AdwPreferencesPage)

void gk_preferences_report_page_set_store (GkPreferencesReportPage *self,
                               GkStore      *store);
/* The report year shown; the page starts at last year. */
int  gk_preferences_report_page_get_year  (GkPreferencesReportPage *self);
void gk_preferences_report_page_set_year  (GkPreferencesReportPage *self,
                               int           year);

G_END_DECLS
