/* gk-money.h: exact amounts of money in integer 分 (fen), parsed from 元 and formatted in 元 or 万元. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_MONEY_ERROR (gk_money_error_quark ())

typedef enum
{
  GK_MONEY_ERROR_EMPTY,
  GK_MONEY_ERROR_INVALID,            /* not a number */
  GK_MONEY_ERROR_TOO_MANY_DECIMALS,
  GK_MONEY_ERROR_NEGATIVE,
  GK_MONEY_ERROR_GROUPING,           /* thousands separators in the wrong places */
  GK_MONEY_ERROR_OVERFLOW,
} GkMoneyError;

typedef enum /*< flags >*/
{
  GK_MONEY_PARSE_NONE           = 0,
  GK_MONEY_PARSE_ALLOW_NEGATIVE = 1 << 0,
} GkMoneyParseFlags;

#define GK_FEN_PER_YUAN 100
#define GK_FEN_PER_WAN  1000000

GQuark    gk_money_error_quark   (void);

/* A plain decimal number with at most @decimals decimals, returned scaled
 * by 10^@decimals: "89.5" with 2 decimals gives 8950. Accepts full-width
 * digits, spaces and correctly placed thousands separators. */
gboolean  gk_decimal_parse       (const char         *text,
                                  guint               decimals,
                                  GkMoneyParseFlags   flags,
                                  gint64             *out_scaled,
                                  GError            **error);
/* @scaled / 10^@decimals with exactly @decimals decimals. */
char     *gk_decimal_format      (gint64              scaled,
                                  guint               decimals,
                                  gboolean            group_thousands);

/* An amount typed in 元 ("1,234.56", "￥1 234.5", "１２３４．５", "1234元")
 * or in 万元 ("35万", "35.5 万元") to 分. No floating point is involved. */
gboolean  gk_money_parse         (const char         *text,
                                  GkMoneyParseFlags   flags,
                                  gint64             *out_fen,
                                  GError            **error);
/* "1,234.56" (元, two decimals, thousands separators). */
char     *gk_money_format_yuan   (gint64              fen);
/* "1234.56": for data files and search text. */
char     *gk_money_format_yuan_plain (gint64          fen);
/* 万元 with @decimals decimals (0–6), rounded half away from zero:
 * 123456789 分 with 2 decimals gives "123.46". */
char     *gk_money_format_wan    (gint64              fen,
                                  guint               decimals,
                                  gboolean            group_thousands);
/* For spreadsheet cells only, which hold doubles. */
double    gk_money_to_yuan_double (gint64             fen);
double    gk_money_to_wan_double  (gint64             fen);

G_END_DECLS
