package chsink_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// groupStats reads how many flushes the group commit made and how many
// partition batches they carried.
func groupStats(t *testing.T, reg *prometheus.Registry) (flushes uint64, batches float64) {
	t.Helper()
	fams, err := reg.Gather()
	require.NoError(t, err)
	for _, f := range fams {
		if f.GetName() == "wardpulse_processor_write_group_batches" {
			h := f.GetMetric()[0].GetHistogram()
			return h.GetSampleCount(), h.GetSampleSum()
		}
	}
	t.Fatal("no wardpulse_processor_write_group_batches metric")
	return 0, 0
}

// TestGroupCommit writes batches of four partitions at once through a
// group-committing sink: they share INSERTs, every count is exact, a failed
// group is retried by every partition without doubling anything, and a
// partition that stops writing is not waited for beyond the group wait.
func TestGroupCommit(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		reg := prometheus.NewRegistry()
		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, reg, chsink.WithGroupWait(time.Second))
		require.NoError(t, err)
		require.ErrorIs(t, s.Write(ctx, batch(9, 0, 1, "E05001509")), chsink.ErrNotLoaded)
		const parts = 4
		for p := 0; p < parts; p++ {
			_, err := s.Load(ctx, p)
			require.NoError(t, err)
		}
		// round writes, from every partition at once, n rows starting at first.
		round := func(first, n int64) []error {
			errs := make([]error, parts)
			var wg sync.WaitGroup
			for p := 0; p < parts; p++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					b := batch(p, first, n, "E05001509")
					for i := range b.Events {
						// ids unique across partitions
						b.Events[i].EventID = itoa(int64(p+1)) + b.Events[i].EventID[1:]
						b.Concerns[i].ConcernID = b.Events[i].EventID
					}
					errs[p] = s.Write(ctx, b)
				}()
			}
			wg.Wait()
			return errs
		}
		for r := int64(0); r < 3; r++ {
			for _, err := range round(r*10, 10) {
				require.NoError(t, err)
			}
		}
		e, c, d, m := counts(t, db)
		require.Equal(t, []any{uint64(120), uint64(120), uint64(120), int64(120)}, []any{e, c, d, m})
		flushes, batches := groupStats(t, reg)
		require.Equal(t, float64(12), batches)
		require.Less(t, flushes, uint64(12), "some batches must share INSERTs")
		var parts3 uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'concerns' AND active").Scan(&parts3))
		require.LessOrEqual(t, parts3, flushes, "one part per flush at most (merges only lower it)")

		// concerns is away: every partition's Write fails; a second round
		// completes them, and the events already stored are not stored twice.
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concerns TO concerns_away"))
		for p, err := range round(30, 5) {
			require.Error(t, err, "partition %d", p)
		}
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concerns_away TO concerns"))
		for _, err := range round(30, 5) {
			require.NoError(t, err)
		}
		e, c, d, m = counts(t, db)
		require.Equal(t, []any{uint64(140), uint64(140), uint64(140), int64(140)}, []any{e, c, d, m})

		// Only partition 0 goes on writing: the leader waits for the other
		// three (active in the last ten seconds) no longer than the group wait.
		start := time.Now()
		require.NoError(t, s.Write(ctx, batch(0, 35, 1, "E05001509")))
		require.Less(t, time.Since(start), 5*time.Second)
		_, _, _, m = counts(t, db)
		require.Equal(t, int64(141), m)
	})
}

// TestBlocksArriveSorted: every block the sink inserts is already in its
// table's sorting-key order, so ClickHouse does not sort it again (its
// MergeTreeDataWriterBlocksAlreadySorted counter counts each one), whatever
// order the batch's rows come in.
func TestBlocksArriveSorted(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		sorted := func() (n uint64) {
			t.Helper()
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(value) FROM system.events WHERE event = 'MergeTreeDataWriterBlocksAlreadySorted'").Scan(&n))
			return n
		}
		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = s.Load(ctx, 2)
		require.NoError(t, err)
		b := batch(2, 0, 300, "E05001509")
		scrambleIDs(b)
		for i := range b.Events {
			// wards and themes mixed, some meetings
			id := b.Events[i].EventID
			if i%3 == 0 {
				b.Concerns[i].WardCode, b.Cells[i].WardCode = "E05001510", "E05001510"
			}
			if i%5 == 0 {
				b.Cells[i].Theme = "speeding"
			}
			if i%10 == 0 {
				b.Meetings = append(b.Meetings, chsink.MeetingRow{MeetingID: id, OccurredAt: b.Events[i].OccurredAt, WardCode: "E05001509", Offset: b.Events[i].Offset})
			}
		}
		before := sorted()
		require.NoError(t, s.Write(ctx, b))
		require.Equal(t, before+4, sorted(), "events, meetings, concerns and concern_daily blocks arrive sorted")
		e, c, d, m := counts(t, db)
		require.Equal(t, []any{uint64(300), uint64(300), uint64(300), int64(300)}, []any{e, c, d, m})
	})
}

// TestChunkedInsertIsOnePart: an INSERT sent in several blocks (WithSendChunk)
// is squashed by the server into one block, so each table gains exactly one
// part per flush, still in sorting-key order, with every row once.
func TestChunkedInsertIsOnePart(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		// A connection whose default squashes only 10 rows: the sink's INSERT
		// must set its own threshold to stay one part.
		low, err := clickhouse.Open(&clickhouse.Options{Addr: []string{db.Addr}, Protocol: db.Protocol, Auth: clickhouse.Auth{Database: db.Database},
			Settings: clickhouse.Settings{"min_insert_block_size_rows": 10, "min_insert_block_size_bytes": 0}})
		require.NoError(t, err)
		defer low.Close()
		s, err := chsink.New(low, chsink.LiveTables(), nil, nil, chsink.WithSendChunk(64))
		require.NoError(t, err)
		_, err = s.Load(ctx, 1)
		require.NoError(t, err)
		b := batch(1, 0, 300, "E05001509")
		scrambleIDs(b)
		for i := range b.Cells { // 300 cells: concern_daily is sent in chunks too
			b.Cells[i].Day = b.Cells[i].Day.AddDate(0, 0, i)
		}
		var sorted0, sorted1 uint64
		q := "SELECT sum(value) FROM system.events WHERE event = 'MergeTreeDataWriterBlocksAlreadySorted'"
		require.NoError(t, db.Conn.QueryRow(ctx, q).Scan(&sorted0))
		require.NoError(t, db.Conn.Exec(ctx, "SYSTEM STOP MERGES"))
		require.NoError(t, s.Write(ctx, b))
		require.NoError(t, db.Conn.QueryRow(ctx, q).Scan(&sorted1))
		require.Equal(t, sorted0+3, sorted1, "events, concerns and concern_daily (one squashed block each) arrive sorted")
		for _, table := range []string{"events", "concerns"} {
			var parts, rows uint64
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count(), sum(rows) FROM system.parts WHERE database = currentDatabase() AND table = ? AND active", table).Scan(&parts, &rows))
			require.Equal(t, []uint64{1, 300}, []uint64{parts, rows}, "%s: one part of 300 rows from five blocks", table)
		}
		var dailyParts, dailyRows uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count(), sum(rows) FROM system.parts WHERE database = currentDatabase() AND table = 'concern_daily' AND active").Scan(&dailyParts, &dailyRows))
		require.Equal(t, []uint64{1, 301}, []uint64{dailyParts, dailyRows}, "concern_daily: one part of 300 cells and a marker from five blocks")
		e, c, d, m := counts(t, db)
		require.Equal(t, []any{uint64(300), uint64(300), uint64(300), int64(300)}, []any{e, c, d, m})
	})
}

// scrambleIDs gives the batch's events and concerns ids in no useful order.
func scrambleIDs(b chsink.Batch) {
	for i := range b.Events {
		id := fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", (i*7919)%4096, i%13, i%7, (i*31)%4096, (i*104729)%1000003)
		b.Events[i].EventID, b.Concerns[i].ConcernID = id, id
	}
}

// TestIdlePartitionIsNotWaitedFor: a group commit's leader does not wait for
// a partition that said it is idle, and stops waiting as soon as a partition
// it was waiting for says so (the end of a backlog: the partition with the
// most messages stores its last batch at once, not after the group wait).
func TestIdlePartitionIsNotWaitedFor(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		const wait = 20 * time.Second
		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil, chsink.WithGroupWait(wait))
		require.NoError(t, err)
		for p := 0; p < 3; p++ {
			_, err := s.Load(ctx, p)
			require.NoError(t, err)
		}
		s.SetIdle(1, true)
		s.SetIdle(2, true)
		start := time.Now()
		require.NoError(t, s.Write(ctx, batch(0, 0, 5, "E05001509")))
		require.Less(t, time.Since(start), wait/2, "partitions 1 and 2 are idle: nothing to wait for")

		// Partition 2 is busy again: the leader waits for it until it turns
		// idle, not for the whole group wait.
		s.SetIdle(2, false)
		done := make(chan error, 1)
		start = time.Now()
		go func() { done <- s.Write(ctx, batch(0, 5, 5, "E05001509")) }()
		select {
		case err := <-done:
			t.Fatalf("the leader did not wait for busy partition 2 (err %v)", err)
		case <-time.After(300 * time.Millisecond):
		}
		s.SetIdle(2, true)
		require.NoError(t, <-done)
		require.Less(t, time.Since(start), wait/2)
		_, _, _, m := counts(t, db)
		require.Equal(t, int64(10), m)
	})
}
