package schemas_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

// TestReplicatedCopyStatement: a replay's copy of a replicated table gets
// its own ZooKeeper path (never the live table's), whatever path the live
// table has (a re-sorting migration's _v5, or an earlier replay's), and
// keeps the columns, engine parameters and sort. The inputs are what
// SHOW CREATE TABLE prints on 18.16 (one line, macros unexpanded) and on
// current versions (several lines, backticks).
func TestReplicatedCopyStatement(t *testing.T) {
	for _, c := range []struct{ name, table, create, want string }{
		{"18.16, summing table after a re-sorting migration", "concern_daily_rebuild",
			"CREATE TABLE wp.concern_daily ( day Date,  theme String,  concerns Int64,  next_offset Int64) ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/wp/concern_daily_v5', '{replica}', (concerns, next_offset)) ORDER BY (day, theme) SETTINGS index_granularity = 8192",
			"CREATE TABLE wp.concern_daily_rebuild ( day Date,  theme String,  concerns Int64,  next_offset Int64) ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/wp/concern_daily_rebuild_tok1', '{replica}', (concerns, next_offset)) ORDER BY (day, theme) SETTINGS index_granularity = 8192"},
		{"18.16, a table an earlier replay swapped in", "events_rebuild",
			"CREATE TABLE wp.events ( event_id UUID,  src_offset UInt64) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/wp/events_rebuild_tok0', '{replica}') ORDER BY event_id SETTINGS index_granularity = 8192",
			"CREATE TABLE wp.events_rebuild ( event_id UUID,  src_offset UInt64) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/wp/events_rebuild_tok1', '{replica}') ORDER BY event_id SETTINGS index_granularity = 8192"},
		{"current versions, backticks and lines", "concerns_rebuild",
			"CREATE TABLE `wp`.`concerns`\n(\n    `concern_id` UUID,\n    `src_offset` UInt64\n)\nENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/wp/concerns_p6', '{replica}', src_offset)\nORDER BY (ward_code, concern_id)\nSETTINGS index_granularity = 8192",
			"CREATE TABLE wp.concerns_rebuild\n(\n    `concern_id` UUID,\n    `src_offset` UInt64\n)\nENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/wp/concerns_rebuild_tok1', '{replica}', src_offset)\nORDER BY (ward_code, concern_id)\nSETTINGS index_granularity = 8192"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := schemas.ReplicatedCopyStatement(c.create, "wp", c.table, "tok1")
			require.NoError(t, err)
			require.Equal(t, c.want, got)
		})
	}

	// The live tables' own statements, from the migrations, put each table
	// at ReplicatedPath; the copy of one is elsewhere.
	live := schemas.ReplicatedStatement("CREATE TABLE IF NOT EXISTS events (event_id UUID) ENGINE = MergeTree ORDER BY event_id", "wp")
	require.Contains(t, live, "'"+schemas.ReplicatedPath("wp", "events")+"'")
	require.Equal(t, "/clickhouse/tables/{shard}/wp/events", schemas.ReplicatedPath("wp", "events"))

	for _, bad := range []struct{ create, table, token string }{
		{"CREATE TABLE wp.events (x UInt8) ENGINE = MergeTree ORDER BY x", "events_rebuild", "t"}, // not replicated
		{"SELECT 1", "events_rebuild", "t"},
		{"CREATE TABLE wp.events (x UInt8) ENGINE = ReplicatedMergeTree('/p', '{replica}') ORDER BY x", "events; DROP", "t"},
		{"CREATE TABLE wp.events (x UInt8) ENGINE = ReplicatedMergeTree('/p', '{replica}') ORDER BY x", "events_rebuild", "a/b"},
		{"CREATE TABLE wp.events (x UInt8) ENGINE = ReplicatedMergeTree('/p', '{replica}') ORDER BY x", "events_rebuild", ""},
	} {
		_, err := schemas.ReplicatedCopyStatement(bad.create, "wp", bad.table, bad.token)
		require.Error(t, err, "%+v", bad)
	}
}
