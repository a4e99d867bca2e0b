-- 012-cheaper-revisions.sql: the bundle's revision triggers as one upsert each, not an UPDATE and an
-- INSERT … WHERE NOT EXISTS with three subqueries.
--
-- The meaning is 010-bundle-revisions.sql's: one row per record (0 for what every page shows), its
-- revision above every revision before the change. An upsert's DO UPDATE holds whatever conflict
-- clause the statement firing the trigger has (INSERT OR REPLACE, an upsert of settings), unlike
-- INSERT OR REPLACE in a trigger. Each max (revision) is one step down the revision index.

DROP TRIGGER record_revisions_insert;
CREATE TRIGGER record_revisions_insert AFTER INSERT ON records BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (NEW.id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_update;
CREATE TRIGGER record_revisions_update AFTER UPDATE ON records BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (NEW.id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_delete;
CREATE TRIGGER record_revisions_delete AFTER DELETE ON records BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (OLD.id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;

-- Attachments and 变更 notes show on the record's page and in the data files.
DROP TRIGGER record_revisions_attachment_insert;
CREATE TRIGGER record_revisions_attachment_insert AFTER INSERT ON attachments BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_attachment_update;
CREATE TRIGGER record_revisions_attachment_update AFTER UPDATE ON attachments BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_attachment_delete;
CREATE TRIGGER record_revisions_attachment_delete AFTER DELETE ON attachments BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (OLD.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_change_insert;
CREATE TRIGGER record_revisions_change_insert AFTER INSERT ON record_changes BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_change_update;
CREATE TRIGGER record_revisions_change_update AFTER UPDATE ON record_changes BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (NEW.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_change_delete;
CREATE TRIGGER record_revisions_change_delete AFTER DELETE ON record_changes BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (OLD.record_id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;

-- A project's name and code and a unit's name show on the pages of their records. (A SELECT
-- before ON CONFLICT needs its WHERE, or the parser takes ON for a join's.)
DROP TRIGGER record_revisions_project_update;
CREATE TRIGGER record_revisions_project_update AFTER UPDATE ON projects BEGIN
  INSERT INTO record_revisions (record_id, revision)
    SELECT id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) FROM records WHERE project_id = NEW.id
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_unit_update;
CREATE TRIGGER record_revisions_unit_update AFTER UPDATE ON units BEGIN
  INSERT INTO record_revisions (record_id, revision)
    SELECT id, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions) FROM records WHERE unit_id = NEW.id
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;

-- Row 0: the catalog, its domains and Preferences show on every page.
DROP TRIGGER record_revisions_items_insert;
CREATE TRIGGER record_revisions_items_insert AFTER INSERT ON catalog_items BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_items_update;
CREATE TRIGGER record_revisions_items_update AFTER UPDATE ON catalog_items BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_items_delete;
CREATE TRIGGER record_revisions_items_delete AFTER DELETE ON catalog_items BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_domains_insert;
CREATE TRIGGER record_revisions_domains_insert AFTER INSERT ON domains BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_domains_update;
CREATE TRIGGER record_revisions_domains_update AFTER UPDATE ON domains BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_domains_delete;
CREATE TRIGGER record_revisions_domains_delete AFTER DELETE ON domains BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_settings_insert;
CREATE TRIGGER record_revisions_settings_insert AFTER INSERT ON settings BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_settings_update;
CREATE TRIGGER record_revisions_settings_update AFTER UPDATE ON settings BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
DROP TRIGGER record_revisions_settings_delete;
CREATE TRIGGER record_revisions_settings_delete AFTER DELETE ON settings BEGIN
  INSERT INTO record_revisions (record_id, revision)
    VALUES (0, (SELECT coalesce (max (revision), 0) + 1 FROM record_revisions))
    ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision;
END;
