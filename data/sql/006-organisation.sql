-- Schema version 6: the organisation's units as the district really has
-- them, and role-based parties as fields rather than units.
--
-- 采购人, 采购代理机构, 招标人 and 招标代理机构 are roles a project's parties
-- play, not departments of the organisation: a record names the actual
-- purchaser, tenderer or agency in a field of its item, and its unit stays
-- the responsible department. Units by those names are retired, not
-- deleted: records attributed to them keep that attribution (and their
-- history and past reports stay true) until the clerk picks the department.

UPDATE units SET retired = 1
 WHERE name IN ('采购人', '采购代理机构', '招标人', '招标代理机构');

-- Items no longer name a role among their default responsible units.
UPDATE catalog_items
   SET units = trim (replace (replace (replace (replace ('、' || units || '、',
                     '、采购人、', '、'), '、采购代理机构、', '、'), '、招标人、', '、'), '、招标代理机构、', '、'),
                     '、')
 WHERE '、' || units || '、' GLOB '*、采购人、*' OR '、' || units || '、' GLOB '*、采购代理机构、*'
    OR '、' || units || '、' GLOB '*、招标人、*' OR '、' || units || '、' GLOB '*、招标代理机构、*';

-- The role fields of the shipped chain items that lacked them, appended to
-- ledgers seeded before (an item the clerk already gave the field keeps it).
CREATE TEMP TABLE role_fields (item TEXT, id TEXT, label TEXT);
INSERT INTO role_fields VALUES
  ('procurement.documents', 'purchaser', '采购人'),
  ('procurement.documents', 'agency', '采购代理机构'),
  ('procurement.result', 'purchaser', '采购人'),
  ('procurement.result', 'agency', '采购代理机构'),
  ('bidding.candidates', 'tenderer', '招标人'),
  ('bidding.candidates', 'agency', '招标代理机构'),
  ('bidding.result', 'tenderer', '招标人'),
  ('bidding.result', 'agency', '招标代理机构');

UPDATE catalog_items
   SET fields = (SELECT json_group_array (json (value))
                   FROM (SELECT value FROM json_each (catalog_items.fields)
                         UNION ALL
                         SELECT json_object ('id', r.id, 'label', r.label, 'kind', 'text',
                                             'help', '实际的' || r.label || '名称；责任单位仍是本记录的单位') AS value
                           FROM role_fields r
                          WHERE r.item = catalog_items.key
                            AND NOT EXISTS (SELECT 1 FROM json_each (catalog_items.fields) f
                                             WHERE json_extract (f.value, '$.id') = r.id)))
 WHERE key IN (SELECT item FROM role_fields);

DROP TABLE role_fields;

-- 长安区 has 12 streets and 4 towns (石家庄市 行政区划, after the 2014
-- adjustment that moved 中山东路、阜康、建安、胜北 and 桃园镇 from 桥东区).
-- 西兴街道 is none of them: retired, so that records attributed to it keep
-- the name. The missing ones are added to ledgers that were seeded with
-- the shipped list (建北街道 is in it), after the units already there.
UPDATE units SET retired = 1 WHERE name = '西兴街道';

INSERT INTO units (name, position)
SELECT s.name, (SELECT coalesce (max (position), 0) FROM units) + s.n
  FROM (SELECT 1 AS n, '跃进街道' AS name UNION ALL SELECT 2, '河东街道' UNION ALL SELECT 3, '长丰街道'
        UNION ALL SELECT 4, '中山东路街道' UNION ALL SELECT 5, '阜康街道' UNION ALL SELECT 6, '建安街道'
        UNION ALL SELECT 7, '胜北街道' UNION ALL SELECT 8, '西兆通镇' UNION ALL SELECT 9, '高营镇'
        UNION ALL SELECT 10, '桃园镇') s
 WHERE EXISTS (SELECT 1 FROM units WHERE name = '建北街道')
   AND NOT EXISTS (SELECT 1 FROM units u WHERE u.name = s.name);

-- Earlier versions seeded a well-formed placeholder code, used at once for
-- every 索引号. Numbers already issued with it stay (a 索引号 is never
-- changed), but no more are: the code is cleared, so that the window asks
-- for the real one before the next record.
UPDATE organisation SET code = '' WHERE code = '111301020000000001';
