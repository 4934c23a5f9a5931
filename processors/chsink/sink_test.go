package chsink_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

func batch(p int, first, n int64, ward string) chsink.Batch {
	b := chsink.Batch{Partition: p, Next: first + n}
	day := time.Date(2019, 7, 1, 18, 0, 0, 0, time.UTC)
	for off := first; off < first+n; off++ {
		id := "00000000-0000-4000-8000-" + pad12(off)
		b.Events = append(b.Events, chsink.EventRow{EventID: id, Type: "concern", SchemaVersion: 1, OccurredAt: day, RecordedAt: day, WardCode: ward, Offset: off})
		b.Concerns = append(b.Concerns, chsink.ConcernRow{ConcernID: id, OccurredAt: day, WardCode: ward, Themes: []string{"off_road_bikes"}, Offset: off})
		b.Cells = append(b.Cells, chsink.CellDelta{Day: day, WardCode: ward, Theme: "off_road_bikes", Delta: 1, Offset: off})
	}
	return b
}

func pad12(n int64) string {
	s := "000000000000" + itoa(n)
	return s[len(s)-12:]
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func counts(t *testing.T, db *chtest.DB) (events, concerns, daily uint64, marker int64) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM events").Scan(&events))
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concerns").Scan(&concerns))
	var d int64
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(concerns) FROM concern_daily").Scan(&d))
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(next_offset) FROM concern_daily WHERE theme = ''").Scan(&marker))
	return events, concerns, uint64(d), marker
}

// TestWriteIsIdempotentPerTable writes batches, repeats them as a restarted
// processor would, and interrupts a batch between tables: every count stays
// exact and the progress marker ends at the next offset.
func TestWriteIsIdempotentPerTable(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)

		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		require.ErrorIs(t, s.Write(ctx, batch(0, 0, 3, "E05001509")), chsink.ErrNotLoaded)

		wm, err := s.Load(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, chsink.Watermarks{}, wm)
		require.NoError(t, s.Write(ctx, batch(0, 0, 3, "E05001509")))
		require.NoError(t, s.Write(ctx, batch(0, 3, 2, "E05001509")))
		e, c, d, m := counts(t, db)
		require.Equal(t, []any{uint64(5), uint64(5), uint64(5), int64(5)}, []any{e, c, d, m})

		// A restarted processor re-reads from its last Kafka commit (say 3).
		s2, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		wm, err = s2.Load(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, chsink.Watermarks{Events: 5, Meetings: 0, Concerns: 5, Daily: 5}, wm)
		require.NoError(t, s2.Write(ctx, batch(0, 3, 2, "E05001509")))
		e, c, d, m = counts(t, db)
		require.Equal(t, []any{uint64(5), uint64(5), uint64(5), int64(5)}, []any{e, c, d, m})

		// A crash between tables: concern_daily's insert fails after events
		// and concerns were written (the table is moved away for a moment).
		b := batch(0, 5, 4, "E05001509")
		onlyRows := b
		onlyRows.Cells = nil
		// Write the row tables only, as if the process died before concern_daily.
		partial, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = partial.Load(ctx, 0)
		require.NoError(t, err)
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concern_daily TO concern_daily_away"))
		require.Error(t, partial.Write(ctx, onlyRows))
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concern_daily_away TO concern_daily"))
		e, c, d, m = counts(t, db)
		require.Equal(t, []any{uint64(9), uint64(9), uint64(5), int64(5)}, []any{e, c, d, m}, "rows written, counts not yet")

		// The restarted processor resumes at the marker (5) and completes the batch.
		s4, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		wm, err = s4.Load(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, int64(5), wm.Daily)
		require.NoError(t, s4.Write(ctx, b))
		e, c, d, m = counts(t, db)
		require.Equal(t, []any{uint64(9), uint64(9), uint64(9), int64(9)}, []any{e, c, d, m})

		// Merges must not lose the marker.
		require.NoError(t, db.Conn.Exec(ctx, "OPTIMIZE TABLE concern_daily FINAL"))
		_, _, d, m = counts(t, db)
		require.Equal(t, []any{uint64(9), int64(9)}, []any{d, m})
	})
}

// TestEventLocationsManyIDs looks up more ids than fit in one query.
func TestEventLocationsManyIDs(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = s.Load(ctx, 1)
		require.NoError(t, err)
		require.NoError(t, s.Write(ctx, batch(1, 0, 4500, "E05009853")))
		var ids []string
		for off := int64(0); off < 5000; off++ {
			ids = append(ids, "00000000-0000-4000-8000-"+pad12(off))
		}
		locs, err := s.EventLocations(ctx, ids)
		require.NoError(t, err)
		require.Len(t, locs, 4500)
		require.Equal(t, chsink.Loc{Partition: 1, Offset: 4321}, locs["00000000-0000-4000-8000-000000004321"])
		_, err = s.EventLocations(ctx, []string{"not-a-uuid"})
		require.ErrorContains(t, err, "not-a-uuid")
	})
}

// TestEventLocationsAfterRestart: the Bloom filter in front of the id lookup
// must still find every stored id: ids this sink wrote, ids a previous
// processor wrote (loaded on Load), ids stored from another partition, and
// ids written in upper case; and it must not invent any.
func TestEventLocationsAfterRestart(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)

		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = s.Load(ctx, 0)
		require.NoError(t, err)
		_, err = s.Load(ctx, 1)
		require.NoError(t, err)
		require.NoError(t, s.Write(ctx, batch(0, 0, 50, "E05001509")))
		b1 := batch(1, 0, 10, "E05001509")
		for i := range b1.Events {
			b1.Events[i].EventID = "10000000-0000-4000-8000-" + pad12(int64(i))
			b1.Concerns[i].ConcernID = b1.Events[i].EventID
		}
		require.NoError(t, s.Write(ctx, b1))

		stored := []string{"00000000-0000-4000-8000-000000000007", "10000000-0000-4000-8000-000000000003"}
		unknown := []string{"20000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000999"}
		check := func(s *chsink.Sink) {
			t.Helper()
			got, err := s.EventLocations(ctx, append(append([]string{}, stored...), unknown...))
			require.NoError(t, err)
			require.Equal(t, map[string]chsink.Loc{
				stored[0]: {Partition: 0, Offset: 7}, stored[1]: {Partition: 1, Offset: 3},
			}, got)
		}
		check(s)

		// A restarted processor that owns only partition 0 still sees ids
		// stored from partition 1.
		s2, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = s2.Load(ctx, 0)
		require.NoError(t, err)
		check(s2)
	})
}

// TestEveryRowOfAnInsertIsStored: a concern and its correction written in
// one INSERT share concerns' sorting key. Current ClickHouse collapses such
// rows on the way in (optimize_on_insert, 1 by default); the sink turns
// that off where the server has it, so on both engines both versions are
// stored until a merge, and the older one is found by PreviousConcern, as
// a batch re-read after a crash with other boundaries needs.
func TestEveryRowOfAnInsertIsStored(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		srv, err := schemas.Probe(ctx, db.Conn)
		require.NoError(t, err)
		require.Equal(t, db.Engine == chtest.ChDB, srv.OptimizeOnInsert, "the engine's version %s", srv.Version)

		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = s.Load(ctx, 0)
		require.NoError(t, err)
		const ward = "E05001509"
		b := batch(0, 0, 3, ward)
		b.Concerns[1].ConcernID = b.Concerns[0].ConcernID // offset 1 corrects offset 0
		b.Concerns[1].Text = "corrected"
		b.Concerns[2].ConcernID = b.Concerns[0].ConcernID // and offset 2 again
		require.NoError(t, s.Write(ctx, b))

		var rows uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concerns WHERE concern_id = ?", b.Concerns[0].ConcernID).Scan(&rows))
		require.EqualValues(t, 3, rows, "every version sent in the INSERT is stored")
		prev, err := s.PreviousConcern(ctx, 0, b.Concerns[0].ConcernID, 2, ward)
		require.NoError(t, err)
		require.NotNil(t, prev)
		require.EqualValues(t, 1, prev.Offset)
		require.Equal(t, "corrected", prev.Text)
		prev, err = s.PreviousConcern(ctx, 0, b.Concerns[0].ConcernID, 1, ward)
		require.NoError(t, err)
		require.NotNil(t, prev, "the first version, though a later one was in the same INSERT")
		require.EqualValues(t, 0, prev.Offset)
		var live uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concerns FINAL WHERE concern_id = ?", b.Concerns[0].ConcernID).Scan(&live))
		require.EqualValues(t, 1, live, "FINAL sees one version")
	})
}
