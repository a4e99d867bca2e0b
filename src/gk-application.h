/* gk-application.h: the Gongkai application object. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_APPLICATION (gk_application_get_type ())
G_DECLARE_FINAL_TYPE (GkApplication, gk_application, GK, APPLICATION, AdwApplication)

GkApplication *gk_application_new          (void);
guint          gk_application_notify_overdue (GkApplication *self,
                                              GkStore       *store);

G_END_DECLS
