-- Schema version 2: full-text search. A trigram index answers queries of
-- three or more characters; a one-character-per-token index answers the
-- shorter ones (a trigram index matches nothing below three characters).
-- Both are filled by the store, which knows how to turn fields into text.

CREATE VIRTUAL TABLE records_fts USING fts5 (
  title, body, fields,
  tokenize = 'trigram'
);

CREATE VIRTUAL TABLE records_chars USING fts5 (
  text,
  tokenize = 'unicode61 remove_diacritics 0'
);
