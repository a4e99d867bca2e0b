/* gk-disclosure-section.h: how a record is disclosed: mode, legal ground of 不予公开, and channels. */
#pragma once

#include <adwaita.h>

#include "gk-editor-section.h"

G_BEGIN_DECLS

#define GK_TYPE_DISCLOSURE_SECTION (gk_disclosure_section_get_type ())
G_DECLARE_FINAL_TYPE (GkDisclosureSection, gk_disclosure_section, GK, DISCLOSURE_SECTION, GtkWidget)

GtkWidget  *gk_disclosure_section_new           (void);

/* As the clerk would choose in the rows (each emits "changed"). */
void        gk_disclosure_section_set_mode      (GkDisclosureSection *self,
                                                 const char          *mode);
/* A ground by its catalog key (NULL: none chosen). */
void        gk_disclosure_section_set_ground    (GkDisclosureSection *self,
                                                 const char          *key);
void        gk_disclosure_section_set_reason    (GkDisclosureSection *self,
                                                 const char          *reason);
/* Uses channel @name with @date (as typed) and @address; NULL for both: not used. */
void        gk_disclosure_section_set_channel   (GkDisclosureSection *self,
                                                 const char          *name,
                                                 const char          *date,
                                                 const char          *address);
/* The channels offered, in order. */
GStrv       gk_disclosure_section_dup_channel_names (GkDisclosureSection *self);
/* Whether channel @name is used, and its date and address as typed. */
gboolean    gk_disclosure_section_get_channel   (GkDisclosureSection *self,
                                                 const char          *name,
                                                 char               **date,
                                                 char               **address);
/* The message the legal ground row shows, or NULL. */
const char *gk_disclosure_section_get_ground_message (GkDisclosureSection *self);

G_END_DECLS
