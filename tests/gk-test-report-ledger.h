/* gk-test-report-ledger.h: the prepared ledger whose annual-report figures the tests know by hand. */
#pragma once

#include "gk-store.h"

G_BEGIN_DECLS

/* The report's "as of" date for that ledger. */
#define GK_TEST_REPORT_AS_OF "2025-01-15"

/* Applications, cases and public-resource records of 2023 to 2025; the
 * figures of 2024 are spelled out in gk-test-report-ledger.c. */
void gk_test_report_fill_ledger (GkStore *store);

/* Adds one record as is; NULL leaves a value unset. */
void gk_test_report_add_record  (GkStore    *store,
                                 const char *item_key,
                                 const char *unit,
                                 const char *title,
                                 const char *formed_on,
                                 const char *published_on,
                                 const char *mode,
                                 const char *exemption,
                                 const char *fields);

/* An application of request.application: received, replied (or NULL),
 * applicant type (or NULL), outcome (or NULL). */
void gk_test_report_add_application (GkStore    *store,
                                     const char *received,
                                     const char *replied,
                                     const char *applicant,
                                     const char *outcome);

G_END_DECLS
