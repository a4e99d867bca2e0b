/* gk-plan-section.h: the supervision of what the plan asks yearly and at once: reports, credit pushes, work plans. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PLAN_SECTION (gk_plan_section_get_type ())
G_DECLARE_FINAL_TYPE (GkPlanSection, gk_plan_section, GK, PLAN_SECTION, GtkWidget)

GtkWidget  *gk_plan_section_new          (void);
void        gk_plan_section_set_store    (GkPlanSection *self,
                                          GkStore       *store);
/* The day the section judges on (ISO); NULL: the real today. */
void        gk_plan_section_set_today    (GkPlanSection *self,
                                          const char    *today);
/* Reads the ledger again. */
void        gk_plan_section_refresh      (GkPlanSection *self);

/* What the rows say, for tests: one text per row ("title\tsubtitle\tstate"). */
GStrv       gk_plan_section_dup_duty_texts  (GkPlanSection *self);
GStrv       gk_plan_section_dup_push_texts  (GkPlanSection *self);
GStrv       gk_plan_section_dup_plan_texts  (GkPlanSection *self);
/* Marks the duty of row @index submitted today (the row's button). */
gboolean    gk_plan_section_submit_duty     (GkPlanSection *self,
                                             guint          index,
                                             GError       **error);

G_END_DECLS
