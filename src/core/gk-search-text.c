/* gk-search-text.c: the text of the character index, and how a search term matches a record's texts as the indexes match it. */
#define _GNU_SOURCE  /* strcasestr */
#include "config.h"

#include <string.h>

#include "gk-search-text.h"

/* Where SQLite's FTS5 folds case other than as GLib would (its tables are
 * of an older Unicode): the characters it leaves as they are, ranges of
 * them; and, in gk_search_fold_char(), the few it folds that GLib's lower
 * case leaves. The test /store/search-fold compares every character with
 * FTS5's tokenizers. */
static const struct { gunichar first, last; } fts5_unfolded[] = {
  { 0x130, 0x131 }, { 0x37f, 0x37f }, { 0x528, 0x528 }, { 0x52a, 0x52a }, { 0x52c, 0x52c },
  { 0x52e, 0x52e }, { 0x13a0, 0x13f5 }, { 0x1c80, 0x1c88 }, { 0x1c90, 0x1cba }, { 0x1cbd, 0x1cbf },
  { 0x2c2f, 0x2c2f }, { 0xa698, 0xa698 }, { 0xa69a, 0xa69a }, { 0xa796, 0xa796 }, { 0xa798, 0xa798 },
  { 0xa79a, 0xa79a }, { 0xa79c, 0xa79c }, { 0xa79e, 0xa79e }, { 0xa7ab, 0xa7ae }, { 0xa7b0, 0xa7b4 },
  { 0xa7b6, 0xa7b6 }, { 0xa7b8, 0xa7b8 }, { 0xa7ba, 0xa7ba }, { 0xa7bc, 0xa7bc }, { 0xa7be, 0xa7be },
  { 0xa7c0, 0xa7c0 }, { 0xa7c2, 0xa7c2 }, { 0xa7c4, 0xa7c7 }, { 0xa7c9, 0xa7c9 }, { 0xa7d0, 0xa7d0 },
  { 0xa7d6, 0xa7d6 }, { 0xa7d8, 0xa7d8 }, { 0xa7f5, 0xa7f5 }, { 0x104b0, 0x104d3 }, { 0x10570, 0x1057a },
  { 0x1057c, 0x1058a }, { 0x1058c, 0x10592 }, { 0x10594, 0x10595 }, { 0x10c80, 0x10cb2 },
  { 0x118a0, 0x118bf }, { 0x16e40, 0x16e5f }, { 0x1e900, 0x1e921 },
};

static int
compare_range (const void *key,
               const void *element)
{
  gunichar c = *(const gunichar *) key;
  const gunichar *range = element;

  return c < range[0] ? -1 : c > range[1];
}

static inline gboolean
is_cjk (gunichar c)
{
  return c >= 0x4e00 && c <= 0x9fff;
}

/* Mostly the lower case of the upper case (ς and σ alike), one character
 * for one (ß stays ß). */
gunichar
gk_search_fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  if (is_cjk (c))
    return c;
  if (c == 0x345)
    return 0x3b9;
  if (c >= 0x2160 && c <= 0x216f)     /* Ⅰ… */
    return c + 0x10;
  if (c >= 0x24b6 && c <= 0x24cf)     /* Ⓐ… */
    return c + 0x1a;
  if (c == 0xfffe || c == 0xffff)
    return 0xfffd;
  if (bsearch (&c, fts5_unfolded, G_N_ELEMENTS (fts5_unfolded), sizeof fts5_unfolded[0], compare_range) != NULL)
    return c;
  return g_unichar_tolower (g_unichar_toupper (c));
}

gboolean
gk_search_is_caseless_char (gunichar c)
{
  if (c < 0x80)
    return !g_ascii_isalpha (c);
  if (is_cjk (c))
    return TRUE;
  /* What FTS5 folds Ⅰ…, Ⓐ… and two noncharacters into; ß, ẞ's. */
  if ((c >= 0x2170 && c <= 0x217f) || (c >= 0x24d0 && c <= 0x24e9) || c == 0xfffd || c == 0xdf)
    return FALSE;
  return g_unichar_tolower (c) == c && g_unichar_toupper (c) == c && gk_search_fold_char (c) == c;
}

/* Letters and digits, lower-cased; FTS5's unicode61 tokenizer takes a few
 * spacing marks that GLib counts as letters for separators. */
gboolean
gk_search_token_char (gunichar  c,
                      gunichar *token)
{
  if (is_cjk (c))
    {
      *token = c;
      return TRUE;
    }
  c = c < 0x80 ? (gunichar) g_ascii_tolower (c) : g_unichar_tolower (c);
  if (c < 0x80 ? !g_ascii_isalnum (c) : !g_unichar_isalnum (c))
    return FALSE;
  if ((c >= 0x19b0 && c <= 0x19c0) || c == 0x19c8 || c == 0x19c9 || c == 0x1cf2 || c == 0x1cf3)
    return FALSE;
  *token = gk_search_fold_char (c);
  return TRUE;
}

/* A phrase of one or two tokens then finds any one- or two-character
 * substring. Written into a buffer of the largest size it can take: a
 * character of n bytes gives at most n + 2 (" . " after one byte of
 * punctuation, a folded one byte longer and a space). ASCII and the CJK
 * ideographs (most of a Chinese ledger; letters without case) take the
 * short way, the others gk_search_token_char(). */
char *
gk_text_to_chars (const char *text)
{
  char *out = g_malloc (strlen (text) * 3 + 1);
  char *o = out;

  for (const guchar *p = (const guchar *) text; *p != '\0';)
    {
      gunichar token;

      if (*p < 0x80 && g_ascii_isalnum (*p))
        {
          *o++ = g_ascii_tolower (*p++);
          *o++ = ' ';
          continue;
        }
      if (*p >= 0xe4 && *p <= 0xe9 && (*p > 0xe4 || p[1] >= 0xb8) &&
          (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
        {
          /* U+4E00 to U+9FFF. */
          memcpy (o, p, 3);
          o[3] = ' ';
          o += 4;
          p += 3;
          continue;
        }

      if (*p >= 0x80 && gk_search_token_char (g_utf8_get_char ((const char *) p), &token))
        {
          o += g_unichar_to_utf8 (token, o);
          *o++ = ' ';
        }
      else if (o > out && o[-1] != '.')
        {
          /* Punctuation and spaces break phrases, as they do in the text. */
          memcpy (o, " . ", 3);
          o += 3;
        }
      p = *p < 0x80 ? p + 1 : (const guchar *) g_utf8_next_char (p);
    }
  *o = '\0';
  return out;
}

static gboolean
is_caseless (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!gk_search_is_caseless_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
fold_text (const char *text)
{
  gsize length = strlen (text);
  /* A folded character takes at most one byte more than it did. */
  char *out = g_malloc (length * 2 + 1);
  char *o = out;

  for (const char *p = text; *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        *o++ = g_ascii_tolower (*p++);
      else
        {
          o += g_unichar_to_utf8 (gk_search_fold_char (g_utf8_get_char (p)), o);
          p = g_utf8_next_char (p);
        }
    }
  *o = '\0';
  return out;
}

/* The next token of the three texts joined, from *@p in *@text on, as
 * gk_text_to_chars() and the index make it, written to @token; FALSE at
 * the end. */
static gboolean
next_token (const char * const *texts,
            guint              *text,
            const char        **p,
            char                token[8])
{
  for (;;)
    {
      gunichar c;

      if (**p == '\0')
        {
          if (++*text == 3)
            return FALSE;
          *p = texts[*text];
          continue;
        }
      c = g_utf8_get_char (*p);
      *p = g_utf8_next_char (*p);
      if (gk_search_token_char (c, &c))
        {
          token[g_unichar_to_utf8 (c, token)] = '\0';
          return TRUE;
        }
    }
}

GkTextMatcher *
gk_text_matcher_new (const char *term,
                     gboolean    trigram)
{
  GkTextMatcher *matcher = g_new0 (GkTextMatcher, 1);

  if (trigram)
    {
      /* The trigram index: the term within one of the texts. */
      const char *best = NULL, *best_end = NULL, *run = NULL;

      matcher->trigram = TRUE;
      matcher->caseless = is_caseless (term);
      matcher->needle = fold_text (term);
      matcher->ascii = g_str_is_ascii (term);
      /* Its longest run of characters without case, which a text holding
       * the term holds as it is. */
      for (const char *p = term; !matcher->caseless; p = g_utf8_next_char (p))
        {
          if (*p != '\0' && gk_search_is_caseless_char (g_utf8_get_char (p)))
            {
              if (run == NULL)
                run = p;
              continue;
            }
          if (run != NULL && (best == NULL || p - run > best_end - best))
            best = run, best_end = p;
          run = NULL;
          if (*p == '\0')
            break;
        }
      if (best != NULL)
        matcher->anchor = g_strndup (best, best_end - best);
    }
  else
    {
      /* The character index: its tokens in a row anywhere in the texts
       * joined, punctuation between them or not (it is no token). */
      const char * const texts[3] = { term, "", "" };
      GPtrArray *kept = g_ptr_array_new ();
      const char *p = term;
      guint text = 0;
      char token[8];

      while (next_token (texts, &text, &p, token))
        g_ptr_array_add (kept, g_strdup (token));
      g_ptr_array_add (kept, NULL);
      matcher->tokens = (char **) g_ptr_array_free (kept, FALSE);
      matcher->n_tokens = g_strv_length (matcher->tokens);
      matcher->caseless = matcher->n_tokens > 0 && is_caseless (matcher->tokens[0]);
      if (matcher->n_tokens > 0 && !matcher->caseless && g_ascii_isalpha (matcher->tokens[0][0]))
        {
          char letter = matcher->tokens[0][0];

          matcher->first_bytes[0] = letter;
          matcher->first_bytes[1] = g_ascii_toupper (letter);
          /* İ (lower-cased to i before the index sees it), ſ, K */
          matcher->first_bytes[2] = letter == 'i' ? '\xc4' : letter == 's' ? '\xc5' : letter == 'k' ? '\xe2' : '\0';
        }
    }
  return matcher;
}

void
gk_text_matcher_free (GkTextMatcher *matcher)
{
  if (matcher == NULL)
    return;
  g_free (matcher->needle);
  g_free (matcher->anchor);
  g_strfreev (matcher->tokens);
  g_free (matcher);
}

static gboolean
text_has_term (const GkTextMatcher *matcher,
               const char          *text)
{
  g_autofree char *folded = NULL;

  if (matcher->caseless)
    return strstr (text, matcher->needle) != NULL;
  if (matcher->anchor != NULL && strstr (text, matcher->anchor) == NULL)
    return FALSE;
  /* An ASCII term: the text holds it in some case, unless one of the two
   * characters outside ASCII that fold into ASCII stands in (ſ K). */
  if (matcher->ascii && strcasestr (text, matcher->needle) == NULL &&
      strstr (text, "\u017f") == NULL && strstr (text, "\u212a") == NULL)
    return FALSE;
  folded = fold_text (text);
  return strstr (folded, matcher->needle) != NULL;
}

/* Where the matcher's first token may stand in @text, from @from on: as it
 * is, when it has no case; an ASCII letter in either case, or one of the
 * three characters outside ASCII that become one (İ, ſ and K begin with
 * these bytes); else any character. Each is a character's first byte. */
static const char *
find_first_token (const GkTextMatcher *matcher,
                  const char          *from)
{
  if (matcher->caseless)
    return strstr (from, matcher->tokens[0]);
  if (matcher->first_bytes[0] != '\0')
    return strpbrk (from, matcher->first_bytes);
  return *from != '\0' ? from : NULL;
}

gboolean
gk_text_matcher_matches (const GkTextMatcher *matcher,
                         const char          *title,
                         const char          *body,
                         const char          *fields)
{
  const char * const texts[3] = { title, body, fields };

  if (matcher->trigram)
    return text_has_term (matcher, title) || text_has_term (matcher, body) || text_has_term (matcher, fields);
  if (matcher->n_tokens == 0)
    return FALSE;

  /* The tokens in a row, tried where the first may stand. */
  for (guint t = 0; t < 3; t++)
    for (const char *at = find_first_token (matcher, texts[t]); at != NULL;
         at = find_first_token (matcher, g_utf8_next_char (at)))
      {
        const char *p = at;
        guint text = t, k = 0;
        char token[8];

        while (k < matcher->n_tokens && next_token (texts, &text, &p, token) &&
               strcmp (token, matcher->tokens[k]) == 0)
          k++;
        if (k == matcher->n_tokens)
          return TRUE;
      }
  return FALSE;
}
