-- Write fencing (docs/exactly-once.md). Every row the processor writes
-- carries lease_until: the second (server clock, unix time) after which the
-- writer may no longer own the row's partition. The MATERIALIZED fence column
-- is computed by the server when it takes the INSERT, and throwIf makes it
-- refuse an INSERT whose lease has run out: one INSERT is one part, so a
-- refused INSERT stores nothing. lease_until = 0 (rows written before this
-- migration, replay's rebuild tables, tools) is not fenced. Merges and
-- mutations keep the stored values; they never evaluate the expression again
-- (checked on 18.16 and chDB 26.5). A MATERIALIZED column cannot be given in
-- an INSERT, so no writer can skip the check. Never copy lease_until into
-- another table (INSERT ... SELECT): the fence would be evaluated again and
-- refuse every expired lease; copies leave it 0.
--
-- events and concern_daily get the columns by a copy into tables that have
-- them (as 0004 does), not by ALTER TABLE ... ADD COLUMN: on a replicated
-- cluster a replica created later replays the migrations from 0001, and its
-- table would not match a structure altered in ZooKeeper. meetings and
-- concerns are altered here and copied with the columns by 0006.
-- Re-runnable: a crash at any step is repaired by running the migration
-- again (a copy starts from an empty table; Migrate treats "column already
-- exists" from an ADD COLUMN as done, 18.16 having no IF NOT EXISTS there).
-- Stop the processors while it runs.
DROP TABLE IF EXISTS events_v5;

CREATE TABLE events_v5 (
    event_id UUID,
    type String,
    schema_version UInt16,
    occurred_at DateTime('UTC'),
    recorded_at DateTime('UTC'),
    source String,
    ward_code String,
    lad_code String,
    supersedes String,
    payload String,
    src_partition UInt32,
    src_offset UInt64,
    processed_at DateTime('UTC'),
    lease_until UInt32 DEFAULT 0,
    fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until)
) ENGINE = MergeTree ORDER BY event_id;

INSERT INTO events_v5 (event_id, type, schema_version, occurred_at, recorded_at, source, ward_code, lad_code, supersedes, payload, src_partition, src_offset, processed_at)
SELECT event_id, type, schema_version, occurred_at, recorded_at, source, ward_code, lad_code, supersedes, payload, src_partition, src_offset, processed_at
FROM events;

DROP TABLE IF EXISTS events_v4;

RENAME TABLE events TO events_v4, events_v5 TO events;

DROP TABLE IF EXISTS events_v4;

DROP TABLE IF EXISTS concern_daily_v5;

CREATE TABLE concern_daily_v5 (
    day Date,
    ward_code String,
    lad_code String,
    theme String,
    taxonomy_version String,
    src_partition UInt32,
    concerns Int64,
    next_offset Int64,
    lease_until UInt32 DEFAULT 0,
    fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until)
) ENGINE = SummingMergeTree((concerns, next_offset)) ORDER BY (day, theme, ward_code, taxonomy_version, src_partition);

INSERT INTO concern_daily_v5 (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)
SELECT day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset
FROM concern_daily;

DROP TABLE IF EXISTS concern_daily_v4;

RENAME TABLE concern_daily TO concern_daily_v4, concern_daily_v5 TO concern_daily;

DROP TABLE IF EXISTS concern_daily_v4;

ALTER TABLE meetings ADD COLUMN lease_until UInt32 DEFAULT 0, ADD COLUMN fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until);

ALTER TABLE concerns ADD COLUMN lease_until UInt32 DEFAULT 0, ADD COLUMN fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until);
