-- Schema version 4: a 变更 is a new publication event of the same record.
-- The earlier publication keeps its deadline, so that its timeliness is
-- still counted in the period it was due in.

ALTER TABLE record_changes ADD COLUMN prev_due_on TEXT;
ALTER TABLE record_changes ADD COLUMN prev_due_missing_year INTEGER NOT NULL DEFAULT 0;
CREATE INDEX record_changes_prev_due ON record_changes (prev_due_on);
