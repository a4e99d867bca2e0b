-- Schema version 1: the ledger. Organisation, units, catalog, projects,
-- records with their channels, attachments, changes and history.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One organisation per database; its code is the 索引号 prefix.
CREATE TABLE organisation (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  code TEXT NOT NULL
);

CREATE TABLE units (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE domains (
  key      TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL
) WITHOUT ROWID;

-- Catalog items are the item types: each decides its fields and deadline rule.
CREATE TABLE catalog_items (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE,
  domain        TEXT NOT NULL REFERENCES domains (key),
  level1        TEXT NOT NULL,
  level2        TEXT NOT NULL,
  contents      TEXT NOT NULL DEFAULT '',
  basis         TEXT NOT NULL DEFAULT '',
  time_limit    TEXT NOT NULL DEFAULT '',
  deadline_rule TEXT NOT NULL DEFAULT 'proactive',
  units         TEXT NOT NULL DEFAULT '',
  channels      TEXT NOT NULL DEFAULT '[]',
  audience      TEXT NOT NULL DEFAULT '',
  mode          TEXT NOT NULL DEFAULT '',
  level         TEXT NOT NULL DEFAULT '',
  supervision   TEXT NOT NULL DEFAULT '',
  fields        TEXT NOT NULL DEFAULT '[]',
  project_kind  TEXT,
  stage         INTEGER NOT NULL DEFAULT 0,
  position      INTEGER NOT NULL DEFAULT 0,
  retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE projects (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('procurement', 'tender', 'housing')),
  name            TEXT NOT NULL,
  code            TEXT NOT NULL DEFAULT '',
  investment_code TEXT NOT NULL DEFAULT '',
  unit_id         INTEGER REFERENCES units (id),
  created_at      TEXT NOT NULL
);

-- Dates are ISO 8601 strings (YYYY-MM-DD); timestamps are ISO 8601 with offset.
CREATE TABLE records (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  item_id          INTEGER NOT NULL REFERENCES catalog_items (id),
  domain           TEXT NOT NULL REFERENCES domains (key),
  project_id       INTEGER REFERENCES projects (id) ON DELETE SET NULL,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL DEFAULT '',
  fields           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (fields)),
  unit_id          INTEGER REFERENCES units (id),
  index_no         TEXT NOT NULL UNIQUE,
  doc_no           TEXT NOT NULL DEFAULT '',
  formed_on        TEXT,
  due_on           TEXT,
  due_missing_year INTEGER NOT NULL DEFAULT 0,
  published_on     TEXT,
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'pending', 'published', 'withdrawn')),
  mode             TEXT NOT NULL DEFAULT 'proactive'
                   CHECK (mode IN ('proactive', 'on-request', 'exempt')),
  exemption        TEXT NOT NULL DEFAULT '',
  exemption_reason TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  -- 不予公开 needs its legal ground, and such a record is never published.
  CHECK (mode <> 'exempt' OR exemption <> ''),
  CHECK (mode <> 'exempt' OR status <> 'published')
);

CREATE INDEX records_domain_formed ON records (domain, formed_on);
CREATE INDEX records_formed ON records (formed_on);
CREATE INDEX records_item ON records (item_id);
CREATE INDEX records_project ON records (project_id);
CREATE INDEX records_unit ON records (unit_id);
CREATE INDEX records_due_open ON records (domain, due_on) WHERE published_on IS NULL AND due_on IS NOT NULL;
-- What is still open across all domains: supervision's overdue and due-soon lists.
CREATE INDEX records_open_due ON records (due_on) WHERE published_on IS NULL AND due_on IS NOT NULL;
-- Covers the timeliness report of a period (督查) without reading records.
CREATE INDEX records_due ON records (due_on, domain, unit_id, published_on) WHERE due_on IS NOT NULL;

CREATE TABLE record_channels (
  record_id    INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  channel      TEXT NOT NULL,
  published_on TEXT,
  address      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (record_id, channel)
) WITHOUT ROWID;

-- Files live in a content-addressed folder beside the database.
CREATE TABLE attachments (
  id         INTEGER PRIMARY KEY,
  record_id  INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  added_at   TEXT NOT NULL
);
CREATE INDEX attachments_record ON attachments (record_id);

-- 变更: each change of a published record opens a new disclosure period.
CREATE TABLE record_changes (
  id                INTEGER PRIMARY KEY,
  record_id         INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  changed_on        TEXT NOT NULL,
  note              TEXT NOT NULL DEFAULT '',
  prev_formed_on    TEXT,
  prev_published_on TEXT,
  created_at        TEXT NOT NULL
);
CREATE INDEX record_changes_record ON record_changes (record_id);

-- History outlives the record it describes, so it keys on the UUID.
CREATE TABLE history (
  id          INTEGER PRIMARY KEY,
  record_uuid TEXT NOT NULL,
  at          TEXT NOT NULL,
  user        TEXT NOT NULL,
  action      TEXT NOT NULL,
  field       TEXT NOT NULL DEFAULT '',
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX history_record ON history (record_uuid, id);

-- One 索引号 serial per prefix and year; a number once issued is never reused.
CREATE TABLE index_serials (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
) WITHOUT ROWID;
