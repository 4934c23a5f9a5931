-- concern_daily, sorted by day first. Every dashboard panel reads a date
-- range of it, and sorted by (theme, ward_code, day) the primary key could
-- not skip by date: one ward x theme run of a few years' days fits in a
-- granule or two, so each panel read the whole table (100-150 ms over the
-- bench's 10 million concerns). Sorted by (day, theme, ward_code) it reads
-- only the range's granules; a ward's or a theme's panel reads the range and
-- filters. Not PARTITION BY year, which would have done the same: an INSERT
-- spanning partitions writes one part per partition, not atomically, and the
-- processor's exactly-once writes rely on each INSERT (cells and progress
-- markers together) being one part. The progress markers (day 1970-01-01)
-- sort first.
--
-- Re-runnable: a crash at any step is repaired by running the migration
-- again (the copy starts from an empty table each time, so no count is
-- added twice). Stop the processors while it runs.
DROP TABLE IF EXISTS concern_daily_v4;

CREATE TABLE concern_daily_v4 (
    day Date,
    ward_code String,
    lad_code String,
    theme String,
    taxonomy_version String,
    src_partition UInt32,
    concerns Int64,
    next_offset Int64
) ENGINE = SummingMergeTree((concerns, next_offset)) ORDER BY (day, theme, ward_code, taxonomy_version, src_partition);

INSERT INTO concern_daily_v4 (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)
SELECT day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset
FROM concern_daily;

DROP TABLE IF EXISTS concern_daily_v3;

RENAME TABLE concern_daily TO concern_daily_v3, concern_daily_v4 TO concern_daily;

DROP TABLE IF EXISTS concern_daily_v3;
