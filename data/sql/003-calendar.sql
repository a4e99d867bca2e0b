-- Schema version 3: working-day calendars entered by the clerks (a year's
-- notice the application does not ship). They override the shipped years.

CREATE TABLE calendar_years (
  year       INTEGER PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Values the clerk sets in Preferences (masks, due-soon window, guide contacts).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
