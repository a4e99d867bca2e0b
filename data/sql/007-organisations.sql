-- gk: foreign-keys-off
-- Schema version 7: several organisations in one ledger. The organisation
-- table's row stays the home organisation (the ledger's own, whose 索引号
-- this ledger issues); the organisations whose exchange files were imported
-- (a district office's departments) are listed here with where their data
-- came from. A record or unit with no organisation_id is the home one's.
-- Rebuilding units (a unit's name is unique within its organisation, no
-- longer across the ledger) needs the foreign keys off while the table is
-- swapped; the migration checks them before it commits.

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  imported_at TEXT
);

CREATE TABLE units_new (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER REFERENCES organisations (id),
  name            TEXT NOT NULL,
  position        INTEGER NOT NULL DEFAULT 0,
  retired         INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);
INSERT INTO units_new (id, name, position, retired) SELECT id, name, position, retired FROM units;
DROP TABLE units;
ALTER TABLE units_new RENAME TO units;
CREATE UNIQUE INDEX units_organisation_name ON units (coalesce (organisation_id, 0), name);
-- Dropping the old table dropped its trigger (010-bundle-revisions.sql): the
-- same again on the new one.
CREATE TRIGGER record_revisions_unit_update AFTER UPDATE ON units BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions)
    WHERE record_id IN (SELECT id FROM records WHERE unit_id = NEW.id);
  INSERT INTO record_revisions (record_id, revision)
    SELECT id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) FROM records
    WHERE unit_id = NEW.id AND id NOT IN (SELECT record_id FROM record_revisions);
END;

ALTER TABLE records ADD COLUMN organisation_id INTEGER REFERENCES organisations (id);
CREATE INDEX records_organisation ON records (organisation_id);

-- What a record was when it last went through an exchange file: the hash
-- of this ledger's copy and the hash the file gave. A later import tells
-- from them which side changed the record since.
CREATE TABLE exchange_bases (
  record_uuid TEXT PRIMARY KEY,
  local_hash  TEXT NOT NULL,
  remote_hash TEXT NOT NULL
) WITHOUT ROWID;
