/* gk-record-row.h: one record in the record list. */
#pragma once

#include <gtk/gtk.h>

#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_RECORD_ROW (gk_record_row_get_type ())
G_DECLARE_FINAL_TYPE (GkRecordRow, gk_record_row, GK, RECORD_ROW, GtkWidget)

GtkWidget *gk_record_row_new        (void);
/* @due_soon_by: the last day an unpublished record counts as due soon, or NULL. */
void       gk_record_row_set_record (GkRecordRow *self,
                                     GkRecord    *record,
                                     const char  *today,
                                     const char  *due_soon_by);
GkRecord  *gk_record_row_get_record (GkRecordRow *self);
/* The search the row's list shows, or NULL: its words are set in bold,
 * and a line says where the record holds those its title does not. */
void        gk_record_row_set_search_text  (GkRecordRow *self,
                                            const char  *text);
const char *gk_record_row_get_title_markup (GkRecordRow *self);
/* The match line's markup, or NULL when it is hidden. */
const char *gk_record_row_get_match_markup (GkRecordRow *self);
/* A request's deadline state and warnings, shown under its title; a new
 * record clears them. */
void        gk_record_row_set_notes        (GkRecordRow        *self,
                                            const char * const *notes);
const char *gk_record_row_get_notes        (GkRecordRow *self);

G_END_DECLS
