-- Schema version 5: while a 变更 is prepared, the earlier publication stays
-- public. Each change keeps what was public before it (text, channels) and
-- the date the changed version was published; NULL while it is prepared.

ALTER TABLE record_changes ADD COLUMN published_on TEXT;
ALTER TABLE record_changes ADD COLUMN prev_channels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE record_changes ADD COLUMN prev_title TEXT;
ALTER TABLE record_changes ADD COLUMN prev_body TEXT;
ALTER TABLE record_changes ADD COLUMN prev_fields TEXT;
ALTER TABLE record_changes ADD COLUMN prev_doc_no TEXT;

-- A change followed by another was published when that one superseded it.
UPDATE record_changes
SET published_on = (SELECT n.prev_published_on FROM record_changes n
                    WHERE n.record_id = record_changes.record_id AND n.id > record_changes.id
                    ORDER BY n.id LIMIT 1)
WHERE EXISTS (SELECT 1 FROM record_changes n
              WHERE n.record_id = record_changes.record_id AND n.id > record_changes.id);

-- The last change was published with the record, unless it is still prepared.
UPDATE record_changes
SET published_on = (SELECT r.published_on FROM records r WHERE r.id = record_changes.record_id)
WHERE published_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM record_changes n
                  WHERE n.record_id = record_changes.record_id AND n.id > record_changes.id);

-- A change still prepared has not touched the channels: they are the
-- earlier publication's.
UPDATE record_changes
SET prev_channels = (SELECT json_group_array (json_object ('channel', c.channel,
                                                           'published_on', c.published_on,
                                                           'address', c.address))
                     FROM record_channels c WHERE c.record_id = record_changes.record_id)
WHERE published_on IS NULL;

-- At most one change is prepared at a time; the list looks it up per row.
CREATE UNIQUE INDEX record_changes_pending ON record_changes (record_id) WHERE published_on IS NULL;
