-- alerts: spike alerts, one row per state change of a ward x theme episode,
-- written from the Kafka "alerts" topic (so alerts are replayable). alert_id
-- is deterministic (ward_code, theme, first week of the episode); a resolve
-- is a second row with status 'resolved'. Current state: argMax(status, src_offset).
CREATE TABLE IF NOT EXISTS alerts (
    alert_id String,
    status String,
    ward_code String,
    ward_name String,
    lad_code String,
    lad_name String,
    theme String,
    severity String,
    episode_start Date,
    week_start Date,
    observed UInt32,
    expected Float64,
    threshold Float64,
    score Float64,
    summary String,
    detector_version String,
    decided_at DateTime('UTC'),
    src_partition UInt32,
    src_offset UInt64
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY (alert_id, status);
