-- 013-search-pending.sql: records whose text is in records_search but not yet in the two
-- full-text indexes.
--
-- A large import commits its records with their search text and leaves the indexes, the larger
-- part of its work, to a later pass: the window's worker, or the next command that opens the
-- ledger. Until then a search reads these records' text itself, so it finds what it would find
-- in the index. A record's row goes with the record, or when the pass has indexed it.

CREATE TABLE search_pending (
  id INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE
);
