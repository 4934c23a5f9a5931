package schemas

import (
	"context"
	"fmt"
	"maps"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Server is what the project needs to know of the ClickHouse server behind a
// connection, asked once (Probe) by each component that writes, because
// the versions it supports differ (docs/clickhouse-versions.md): ClickHouse
// 18.16 rejects a setting it does not know, so a setting only newer
// versions have is sent only to a server that lists it.
type Server struct {
	Version string
	// OptimizeOnInsert is true when the server has the optimize_on_insert
	// setting (20.x on, 1 by default): rows with equal sorting keys inside
	// one INSERT into a Replacing- or SummingMergeTree are then collapsed
	// on the way in, where 18.16 stores every row and only merges collapse.
	OptimizeOnInsert bool
}

// Probe asks the server its version and which of the settings above it has.
func Probe(ctx context.Context, conn driver.Conn) (Server, error) {
	var s Server
	var n uint64
	if err := conn.QueryRow(ctx, "SELECT version(), (SELECT count() FROM system.settings WHERE name = 'optimize_on_insert')").Scan(&s.Version, &n); err != nil {
		return s, fmt.Errorf("asking the clickhouse server its version and settings: %w", err)
	}
	s.OptimizeOnInsert = n > 0
	return s, nil
}

// InsertSettings are the settings every INSERT into the project's tables
// sends, merged into extra (which may be nil). optimize_on_insert = 0 where
// the server has it: the exactly-once design counts on an INSERT storing
// every row it sends, as 18.16 does (a correction and the version it
// replaces, sent in one INSERT, must both stay until a merge: a batch
// re-read after a crash with other boundaries looks the older one up in
// the table; see processors/chsink).
func (s Server) InsertSettings(extra clickhouse.Settings) clickhouse.Settings {
	out := clickhouse.Settings{}
	maps.Copy(out, extra)
	if s.OptimizeOnInsert {
		out["optimize_on_insert"] = 0
	}
	return out
}

// InsertContext returns ctx carrying InsertSettings(extra) for the driver.
func (s Server) InsertContext(ctx context.Context, extra clickhouse.Settings) context.Context {
	return clickhouse.Context(ctx, clickhouse.WithSettings(s.InsertSettings(extra)))
}
