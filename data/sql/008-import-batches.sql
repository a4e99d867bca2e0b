-- Import batches: the records one import of a clerk's spreadsheet brought
-- in, undone together; and each row's key, so that importing the same rows
-- again adds nothing.

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES catalog_items (id),
  file_name   TEXT NOT NULL,
  sheet       TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  user        TEXT NOT NULL DEFAULT ''
);

-- One row per imported record. The key is "key:" and the key column's
-- value when the clerk picked one (文号), else "row:" and a hash of the
-- row's values. A record deleted later takes its row with it.
CREATE TABLE import_rows (
  record_id INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
  batch_id  INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  item_id   INTEGER NOT NULL REFERENCES catalog_items (id),
  row_key   TEXT NOT NULL,
  UNIQUE (item_id, row_key)
);

CREATE INDEX import_rows_batch ON import_rows (batch_id);
