/* gk-search-text.h: the text of the character index, and how a search term matches a record's texts as the indexes match it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text the character index holds: one token per character, folded,
 * punctuation and spaces written as " . " (no token). */
char     *gk_text_to_chars              (const char   *text);

/* @c folded as FTS5 folds case (its tables are of an older Unicode than
 * GLib's). */
gunichar  gk_search_fold_char           (gunichar      c);
/* TRUE when no other character folds to @c: a search finds it byte for byte. */
gboolean  gk_search_is_caseless_char    (gunichar      c);
/* Whether the character index holds @c as a token, and which (*@token). */
gboolean  gk_search_token_char          (gunichar      c,
                                         gunichar     *token);

/* What a search term matches in a record's texts, as the index it is
 * asked of would: for the records not yet in the indexes. */
typedef struct
{
  gboolean trigram;      /* three characters or more: within one text */
  gboolean caseless;     /* nothing to fold: compared byte for byte */
  char *needle;          /* trigram: the term folded */
  char *anchor;          /* its longest run without case, or NULL */
  gboolean ascii;        /* the term is ASCII */
  char **tokens;         /* otherwise: its characters' tokens */
  guint n_tokens;
  char first_bytes[4];   /* an ASCII letter's bytes to look for, or "" */
} GkTextMatcher;

/* @trigram: the trigram index's term (three characters or more), else the
 * character index's. */
GkTextMatcher *gk_text_matcher_new      (const char          *term,
                                         gboolean             trigram);
void      gk_text_matcher_free          (GkTextMatcher       *matcher);
gboolean  gk_text_matcher_matches       (const GkTextMatcher *matcher,
                                         const char          *title,
                                         const char          *body,
                                         const char          *fields);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkTextMatcher, gk_text_matcher_free)

G_END_DECLS
