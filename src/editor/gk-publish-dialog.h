/* gk-publish-dialog.h: publishing a record asks for its date and the channels it appears in. */
#pragma once

#include "gk-channel-row.h"

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_PUBLISH_DIALOG (gk_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkPublishDialog, gk_publish_dialog, GK, PUBLISH_DIALOG, AdwMessageDialog)

/* @date: the publication date offered (ISO), usually today. */
GkPublishDialog *gk_publish_dialog_new          (GtkWindow       *parent,
                                                 const char      *title,
                                                 const char      *date);
/* Offers channel @name, ticked when @used, with the address it has, or
 * else starting from @known (what the channel's records had before). */
void             gk_publish_dialog_add_channel  (GkPublishDialog *self,
                                                 const char      *name,
                                                 gboolean         used,
                                                 const char      *address,
                                                 const char      *known);
/* As the clerk would: tick or untick a channel, type its address. */
void             gk_publish_dialog_set_channel  (GkPublishDialog *self,
                                                 const char      *name,
                                                 gboolean         used,
                                                 const char      *address);
void             gk_publish_dialog_set_date     (GkPublishDialog *self,
                                                 const char      *text);
/* The publication date as ISO, or NULL while the typed one is impossible. */
char            *gk_publish_dialog_dup_date     (GkPublishDialog *self);
/* The channels ticked, as GkRecordChannel without a date. */
GPtrArray       *gk_publish_dialog_get_channels (GkPublishDialog *self);
/* Every channel offered, ticked or not, in order. */
GStrv            gk_publish_dialog_dup_names    (GkPublishDialog *self);

GkChannelRow    *gk_publish_dialog_get_channel_row (GkPublishDialog *self,
                                                   const char      *name);

G_END_DECLS
