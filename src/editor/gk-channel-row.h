/* gk-channel-row.h: one channel (公开渠道) of a record as a row: used or not, its date and its address. */
#pragma once

#include <adwaita.h>

#include "gk-store.h"

G_BEGIN_DECLS

#define GK_TYPE_CHANNEL_ROW (gk_channel_row_get_type ())
G_DECLARE_FINAL_TYPE (GkChannelRow, gk_channel_row, GK, CHANNEL_ROW, AdwExpanderRow)

/* A row for channel @channel; with @asks_date it also asks the date the
 * record appeared there (the publish dialog asks one date for all). */
GtkWidget       *gk_channel_row_new              (const char   *channel,
                                                  gboolean      asks_date);
const char      *gk_channel_row_get_channel      (GkChannelRow *self);
/* The row of @channel among @rows (GkChannelRow), or NULL. */
GkChannelRow    *gk_channel_row_find             (GPtrArray    *rows,
                                                  const char   *channel);
gboolean         gk_channel_row_get_used         (GkChannelRow *self);
void             gk_channel_row_set_used         (GkChannelRow *self,
                                                  gboolean      used);

/* Shows what the ledger holds (ISO date, address; NULL for none): used when
 * either is set, folded. */
void             gk_channel_row_set_stored       (GkChannelRow *self,
                                                  const char   *date,
                                                  const char   *address);
/* As if the clerk typed them: used when either is set. */
void             gk_channel_row_set_text         (GkChannelRow *self,
                                                  const char   *date,
                                                  const char   *address);
char            *gk_channel_row_dup_date_text    (GkChannelRow *self);
char            *gk_channel_row_dup_address_text (GkChannelRow *self);
/* What is wrong with the date of a used channel, or NULL. */
const char      *gk_channel_row_get_date_problem (GkChannelRow *self);

/* What to store, or NULL when the channel is not used. An impossible date
 * keeps the last stored one until it is fixed. */
GkRecordChannel *gk_channel_row_dup_record_channel (GkChannelRow *self);
/* The date the ledger now holds, once saved. */
void             gk_channel_row_set_stored_date  (GkChannelRow *self,
                                                  const char   *date);

/* The address the channel's records had before (gk_store_dup_channel_address_hint()),
 * or NULL: the address entry says what to type, and starts from @known when empty. */
void            gk_channel_row_set_known_address (GkChannelRow *self,
                                                  const char   *known);

G_END_DECLS
