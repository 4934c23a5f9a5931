-- Every statement here runs on ClickHouse 18.16 and on current ClickHouse.
-- No PARTITION BY: an INSERT of one block into an unpartitioned MergeTree is
-- atomic, which the processor's exactly-once watermarks rely on.

-- events: one row per distinct event on the log (first occurrence of an id).
CREATE TABLE IF NOT EXISTS events (
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
    processed_at DateTime('UTC')
) ENGINE = MergeTree ORDER BY event_id;

-- meetings: the latest version of each meeting (a correction replaces it).
CREATE TABLE IF NOT EXISTS meetings (
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
    src_offset UInt64
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY meeting_id;

-- concerns: the latest version of each concern, text redacted of personal data.
CREATE TABLE IF NOT EXISTS concerns (
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
    src_offset UInt64
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY concern_id;

-- concern_daily: signed concern counts per ward x theme x day. Rows whose
-- theme is '' are the processor's progress markers: next_offset sums to the
-- next Kafka offset to process in src_partition. They carry concerns = 0, so
-- sum(concerns) is right with or without a theme filter.
CREATE TABLE IF NOT EXISTS concern_daily (
    day Date,
    ward_code String,
    lad_code String,
    theme String,
    taxonomy_version String,
    src_partition UInt32,
    concerns Int64,
    next_offset Int64
) ENGINE = SummingMergeTree((concerns, next_offset)) ORDER BY (theme, ward_code, day, taxonomy_version, src_partition);

-- pipeline_state: small coordination values (table generation, pause
-- requests for a replay's swap), last write wins.
CREATE TABLE IF NOT EXISTS pipeline_state (
    key String,
    value String,
    updated_us UInt64
) ENGINE = ReplacingMergeTree(updated_us) ORDER BY key;
