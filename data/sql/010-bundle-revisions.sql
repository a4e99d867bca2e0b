-- 010-bundle-revisions.sql: a revision number per record, raised by every change that shows in the
-- publication bundle, so that a re-publish reads only the records changed since the last one.
--
-- Triggers rather than the writers' code: a record changed by any path (the editor, an import, a
-- merge, sqlite3 by hand) is seen. A deleted record keeps its row: the next publish removes its page.
-- An UPDATE then an INSERT of the missing row, not INSERT OR REPLACE: the conflict clause of the
-- statement that fires a trigger overrides the trigger's own (an upsert of settings would abort).
CREATE TABLE record_revisions (
  record_id INTEGER PRIMARY KEY,
  revision  INTEGER NOT NULL
);
CREATE INDEX record_revisions_revision ON record_revisions (revision);

CREATE TRIGGER record_revisions_insert AFTER INSERT ON records BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = NEW.id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT NEW.id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = NEW.id);
END;
CREATE TRIGGER record_revisions_update AFTER UPDATE ON records BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = NEW.id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT NEW.id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = NEW.id);
END;
CREATE TRIGGER record_revisions_delete AFTER DELETE ON records BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = OLD.id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT OLD.id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = OLD.id);
END;

-- Attachments and 变更 notes show on the record's page and in the data files.
CREATE TRIGGER record_revisions_attachment_insert AFTER INSERT ON attachments BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = NEW.record_id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = NEW.record_id);
END;
CREATE TRIGGER record_revisions_attachment_update AFTER UPDATE ON attachments BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = NEW.record_id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = NEW.record_id);
END;
CREATE TRIGGER record_revisions_attachment_delete AFTER DELETE ON attachments BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = OLD.record_id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT OLD.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = OLD.record_id);
END;
CREATE TRIGGER record_revisions_change_insert AFTER INSERT ON record_changes BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = NEW.record_id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = NEW.record_id);
END;
CREATE TRIGGER record_revisions_change_update AFTER UPDATE ON record_changes BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = NEW.record_id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = NEW.record_id);
END;
CREATE TRIGGER record_revisions_change_delete AFTER DELETE ON record_changes BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = OLD.record_id;
  INSERT INTO record_revisions (record_id, revision)
    SELECT OLD.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = OLD.record_id);
END;

-- A project's name and code and a unit's name show on the pages of their records.
CREATE TRIGGER record_revisions_project_update AFTER UPDATE ON projects BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions)
    WHERE record_id IN (SELECT id FROM records WHERE project_id = NEW.id);
  INSERT INTO record_revisions (record_id, revision)
    SELECT id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) FROM records
    WHERE project_id = NEW.id AND id NOT IN (SELECT record_id FROM record_revisions);
END;
CREATE TRIGGER record_revisions_unit_update AFTER UPDATE ON units BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions)
    WHERE record_id IN (SELECT id FROM records WHERE unit_id = NEW.id);
  INSERT INTO record_revisions (record_id, revision)
    SELECT id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) FROM records
    WHERE unit_id = NEW.id AND id NOT IN (SELECT record_id FROM record_revisions);
END;

-- Row 0 stands for what every page shows: the catalog's names and fields, Preferences (masking,
-- the guide, the annual report's figures). A change there re-renders the whole bundle.
CREATE TRIGGER record_revisions_items_insert AFTER INSERT ON catalog_items BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_items_update AFTER UPDATE ON catalog_items BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_items_delete AFTER DELETE ON catalog_items BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_domains_insert AFTER INSERT ON domains BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_domains_update AFTER UPDATE ON domains BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_domains_delete AFTER DELETE ON domains BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_settings_insert AFTER INSERT ON settings BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_settings_update AFTER UPDATE ON settings BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
CREATE TRIGGER record_revisions_settings_delete AFTER DELETE ON settings BEGIN
  UPDATE record_revisions SET revision = (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE record_id = 0;
  INSERT INTO record_revisions (record_id, revision)
    SELECT 0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) WHERE NOT EXISTS (SELECT 1 FROM record_revisions WHERE record_id = 0);
END;
