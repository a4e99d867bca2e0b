-- Schema version 2: full-text search. A trigram index answers queries of
-- three or more characters; a one-character-per-token index answers the
-- shorter ones (a trigram index matches nothing below three characters).
-- The store fills both, since it knows how to turn fields into text.
--
-- The text is kept once, in records_search: the trigram index reads it as
-- external content and the character index keeps no content at all. The
-- store removes a record from both with FTS5's 'delete' command, giving the
-- text from records_search, which is exactly what was indexed.

CREATE TABLE records_search (
  id     INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
  title  TEXT NOT NULL,
  body   TEXT NOT NULL,
  fields TEXT NOT NULL
);

CREATE VIRTUAL TABLE records_fts USING fts5 (
  title, body, fields,
  content = 'records_search', content_rowid = 'id',
  tokenize = 'trigram'
);

CREATE VIRTUAL TABLE records_chars USING fts5 (
  text,
  content = '',
  tokenize = 'unicode61 remove_diacritics 0'
);
