-- Date precision (issue 15): a meeting or concern whose day its source does
-- not give (a report's "during the period", a quarter's "you said, we did",
-- "earlier this month") is stored with precision 'month' or 'period' and the
-- span it lies in; its day column holds the span's first day and stands for
-- the whole span. Nothing invents a day:
--   - concern_daily (and so the alerter's weekly series) counts only
--     day-precise concerns; the processor writes no cells for the others;
--   - concern_monthly counts both: day-precise concerns by their month,
--     month-precise ones in their month;
--   - concern_periods lists the month- and period-precise concerns per span,
--     for period views (a Panel briefing covering the span).
-- Rows stored before this migration read precision 'day' and a span of their
-- own day.
--
-- The new tables keep 0005's write-fence columns (lease_until is not copied:
-- the copies are unfenced history, see 0005).
--
-- The columns are added by copying concerns and meetings into tables that
-- have them (as 0003 and 0004 do), not by ALTER TABLE ... ADD COLUMN: on a
-- replicated cluster every replica replays the migrations from 0001, and a
-- replica created after an ALTER would not match the structure the others
-- registered in ZooKeeper. Re-runnable: a crash at any step is repaired by
-- running the migration again (a repeated copy only adds identical versions,
-- which FINAL merges). Stop the processors while it runs.
DROP TABLE IF EXISTS concerns_p6;

CREATE TABLE concerns_p6 (
    concern_id UUID,
    occurred_at DateTime('UTC'),
    day Date,
    ward_code String,
    ward_name String,
    lad_code String,
    lad_name String,
    place String,
    meeting_id String,
    text String,
    themes Array(String),
    staff_themes Array(String),
    matched Array(String),
    action String,
    taxonomy_version String,
    source String,
    withdrawn UInt8,
    src_partition UInt32,
    src_offset UInt64,
    precision String DEFAULT 'day',
    period_start Date DEFAULT day,
    period_end Date DEFAULT day,
    lease_until UInt32 DEFAULT 0,
    fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until)
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY (ward_code, concern_id);

INSERT INTO concerns_p6 (concern_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, place, meeting_id, text, themes,
    staff_themes, matched, action, taxonomy_version, source, withdrawn, src_partition, src_offset, precision, period_start, period_end)
SELECT concern_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, place, meeting_id, text, themes,
    staff_themes, matched, action, taxonomy_version, source, withdrawn, src_partition, src_offset, 'day', day, day
FROM concerns;

DROP TABLE IF EXISTS concerns_p5;

RENAME TABLE concerns TO concerns_p5, concerns_p6 TO concerns;

DROP TABLE IF EXISTS concerns_p5;

DROP TABLE IF EXISTS meetings_p6;

CREATE TABLE meetings_p6 (
    meeting_id UUID,
    occurred_at DateTime('UTC'),
    day Date,
    ward_code String,
    ward_name String,
    lad_code String,
    lad_name String,
    place String,
    kind String,
    title String,
    location String,
    attendance UInt32,
    themes Array(String),
    source String,
    withdrawn UInt8,
    src_partition UInt32,
    src_offset UInt64,
    precision String DEFAULT 'day',
    period_start Date DEFAULT day,
    period_end Date DEFAULT day,
    lease_until UInt32 DEFAULT 0,
    fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until)
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY meeting_id;

INSERT INTO meetings_p6 (meeting_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, place, kind, title, location,
    attendance, themes, source, withdrawn, src_partition, src_offset, precision, period_start, period_end)
SELECT meeting_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, place, kind, title, location,
    attendance, themes, source, withdrawn, src_partition, src_offset, 'day', day, day
FROM meetings;

DROP TABLE IF EXISTS meetings_p5;

RENAME TABLE meetings TO meetings_p5, meetings_p6 TO meetings;

DROP TABLE IF EXISTS meetings_p5;

CREATE VIEW IF NOT EXISTS concern_periods AS
SELECT ward_code, lad_code, theme, precision, period_start, period_end, toInt64(count()) AS concerns
FROM concerns FINAL
ARRAY JOIN if(empty(themes), ['unclassified'], themes) AS theme
WHERE withdrawn = 0 AND precision != 'day'
GROUP BY ward_code, lad_code, theme, precision, period_start, period_end;

CREATE VIEW IF NOT EXISTS concern_monthly AS
SELECT toStartOfMonth(day) AS month, ward_code, lad_code, theme, sum(concerns) AS concerns
FROM concern_daily
WHERE theme != ''
GROUP BY month, ward_code, lad_code, theme
UNION ALL
SELECT period_start AS month, ward_code, lad_code, theme, toInt64(count()) AS concerns
FROM concerns FINAL
ARRAY JOIN if(empty(themes), ['unclassified'], themes) AS theme
WHERE withdrawn = 0 AND precision = 'month'
GROUP BY month, ward_code, lad_code, theme;
