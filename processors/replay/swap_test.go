package replay

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// refusing is a server that refuses the RENAMEs refuse picks, as a server
// that went down in the middle of a cluster's swap would.
type refusing struct {
	driver.Conn
	refuse func(query string) bool
}

func (s refusing) Exec(ctx context.Context, query string, args ...any) error {
	if strings.HasPrefix(query, "RENAME TABLE") && s.refuse(query) {
		return errors.New("connection refused")
	}
	return s.Conn.Exec(ctx, query, args...)
}

// TestSwapOnServersIsUndoneWhenOneRefuses: a swap over several servers (a
// cluster shard's replicas) whose RENAME fails on one server renames the
// tables back on the servers already swapped, bumps no generation and
// clears the pause; when renaming back fails too, the pause request stays
// in place and the error names the server left swapped.
func TestSwapOnServersIsUndoneWhenOneRefuses(t *testing.T) {
	for _, e := range chtest.Engines {
		t.Run(string(e), func(t *testing.T) {
			ctx := context.Background()
			a, b := chtest.NewOn(t, e), chtest.NewOn(t, e)
			live := chsink.LiveTables()
			for _, db := range []*chtest.DB{a, b} {
				_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
				require.NoError(t, err)
				for _, tb := range live.All() {
					require.NoError(t, db.Conn.Exec(ctx, "CREATE TABLE "+tb+"_rebuild AS "+tb))
				}
				// One marker per table generation: 1 in the live table, 2
				// in the rebuilt one.
				for n, tb := range map[int64]string{1: "concern_daily", 2: "concern_daily_rebuild"} {
					require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO "+tb+" (day, theme, src_partition, concerns, next_offset)",
						time.Unix(0, 0).UTC(), "", uint32(0), int64(0), n))
				}
			}
			liveMarker := func(conn driver.Conn) int64 {
				var n int64
				require.NoError(t, conn.QueryRow(ctx, "SELECT sum(next_offset) FROM concern_daily").Scan(&n))
				return n
			}
			never := func(string) bool { return false }
			always := func(string) bool { return true }
			undo := func(q string) bool { return strings.Contains(q, "events TO events_rebuild") }
			shard := func(first, second func(string) bool) *rebuild {
				tg := &target{label: "shard 1", conn: a.Conn, servers: []server{
					{name: "shard 1 replica 1", conn: refusing{a.Conn, first}},
					{name: "shard 1 replica 2", conn: refusing{b.Conn, second}}}}
				return newRebuild([]*target{tg}, nil, Config{}, nil)
			}

			// The second replica refuses: the first is renamed back.
			r := shard(never, always)
			err := r.swap(ctx)
			require.ErrorContains(t, err, "swapping rebuilt tables in on shard 1 replica 2")
			require.ErrorContains(t, err, "undone on the 1 servers already swapped")
			require.False(t, r.rep.Swapped)
			require.False(t, r.keepPaused)
			require.EqualValues(t, 1, liveMarker(a.Conn), "replica 1's live tables are the live ones again")
			require.EqualValues(t, 1, liveMarker(b.Conn))
			st, err := chsink.ReadState(ctx, a.Conn)
			require.NoError(t, err)
			require.Empty(t, st.Generation, "no generation bumped")

			// Renaming back fails too: the processors stay paused.
			r = shard(undo, always)
			r.targets[0].signed = "a pause request"
			require.NoError(t, chsink.SetState(ctx, a.Conn, chsink.StateKeyPause, r.targets[0].signed))
			err = r.swap(ctx)
			require.ErrorContains(t, err, "undoing it failed on shard 1 replica 1")
			require.True(t, r.keepPaused)
			r.releasePause(ctx)
			st, err = chsink.ReadState(ctx, a.Conn)
			require.NoError(t, err)
			require.Equal(t, "a pause request", st.Pause, "the pause request stays")
			require.EqualValues(t, 2, liveMarker(a.Conn), "replica 1 holds the rebuilt tables, as the error says")
			require.EqualValues(t, 1, liveMarker(b.Conn))

			// Every server swaps: both hold the rebuilt tables, the
			// generation is bumped.
			require.NoError(t, a.Conn.Exec(ctx, "RENAME TABLE "+renameList(live, "", "_rebuild")+", "+renameList(live, "_old", "")))
			r = shard(never, never)
			require.NoError(t, r.swap(ctx))
			require.True(t, r.rep.Swapped)
			require.Equal(t, 2, r.rep.Servers)
			require.EqualValues(t, 2, liveMarker(a.Conn))
			require.EqualValues(t, 2, liveMarker(b.Conn))
			st, err = chsink.ReadState(ctx, a.Conn)
			require.NoError(t, err)
			require.Equal(t, r.token, st.Generation)
		})
	}
}

// renameList is "t<from> TO t<to>, ..." over every table.
func renameList(t chsink.Tables, from, to string) string {
	var out []string
	for _, tb := range t.All() {
		out = append(out, tb+from+" TO "+tb+to)
	}
	return strings.Join(out, ", ")
}
