-- Follow-ups (issue 16): what was done about a concern (action events) and
-- where it stands (outcome events), one row per version like meetings and
-- concerns (ReplacingMergeTree: query FINAL and withdrawn = 0). A follow-up
-- carries no place or themes: queries join concerns on concern_id for the
-- ward, the themes and whether the concern is withdrawn. A follow-up whose
-- concern is not (yet) stored is kept and shows nowhere until the concern is
-- (wardpulse audit counts them). Status and age are derived in queries,
-- never stored (docs/events.md): the latest outcome by occurred_at, else
-- 'actioned' when an action exists, else 'open'.
--
-- The write-fence columns of 0005 and the date-precision columns of 0006 are
-- there from the start. New tables only: nothing to copy, so the statements
-- are the same on one server and, through schemas.MigrateCluster, on a
-- replicated cluster (Replicated engines, Distributed tables in <db>_all).
CREATE TABLE IF NOT EXISTS concern_actions (
    action_id UUID,
    concern_id UUID,
    occurred_at DateTime('UTC'),
    day Date,
    agency String,
    text String,
    source String,
    withdrawn UInt8,
    src_partition UInt32,
    src_offset UInt64,
    precision String DEFAULT 'day',
    period_start Date DEFAULT day,
    period_end Date DEFAULT day,
    lease_until UInt32 DEFAULT 0,
    fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until)
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY action_id;

CREATE TABLE IF NOT EXISTS concern_outcomes (
    outcome_id UUID,
    concern_id UUID,
    occurred_at DateTime('UTC'),
    day Date,
    status String,
    note String,
    source String,
    withdrawn UInt8,
    src_partition UInt32,
    src_offset UInt64,
    precision String DEFAULT 'day',
    period_start Date DEFAULT day,
    period_end Date DEFAULT day,
    lease_until UInt32 DEFAULT 0,
    fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until)
) ENGINE = ReplacingMergeTree(src_offset) ORDER BY outcome_id;
