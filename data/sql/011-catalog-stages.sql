-- Migration 011: a stage of a project's chain says whether a project may go
-- without it (资格审查结果, 交易过程信息 and 采购项目预算金额 may), and the
-- procurement and tender chains make room for the qualification and process
-- stages of the plan's section 五(二).
--
-- An item of an older ledger keeps what "missing" meant for it before: every
-- stage required. The store then sets the shipped items' flags from the
-- catalog and adds the items the ledger lacks (gk-store-upgrade.c).

ALTER TABLE catalog_items ADD COLUMN stage_required INTEGER NOT NULL DEFAULT 1
  CHECK (stage_required IN (0, 1));

-- The shipped items take their new place in the chain; an item whose chain
-- or place is not the one shipped before is left where it is. Records point
-- at their item, so each keeps its stage.
WITH renumbered (key, project_kind, old_stage, new_stage) AS (VALUES
  ('procurement.result',   'procurement', 4, 6),
  ('procurement.contract', 'procurement', 5, 7),
  ('bidding.candidates',   'tender',      3, 5),
  ('bidding.result',       'tender',      4, 6),
  ('bidding.contract',     'tender',      5, 7))
UPDATE catalog_items
   SET stage = (SELECT new_stage FROM renumbered WHERE renumbered.key = catalog_items.key)
 WHERE EXISTS (SELECT 1 FROM renumbered
                WHERE renumbered.key = catalog_items.key
                  AND renumbered.project_kind = catalog_items.project_kind
                  AND renumbered.old_stage = catalog_items.stage);
