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

// followUpBatch is n events at offsets first..first+n-1 of partition p,
// alternately an action and an outcome of one concern.
func followUpBatch(p int, first, n int64) chsink.Batch {
	b := chsink.Batch{Partition: p, Next: first + n}
	at := time.Date(2019, 8, 1, 10, 0, 0, 0, time.UTC)
	concern := "00000000-0000-4000-8000-00000000c0de"
	for off := first; off < first+n; off++ {
		id := "00000000-0000-4000-9000-" + pad12(off)
		typ := "action"
		if off%2 == 1 {
			typ = "outcome"
			b.Outcomes = append(b.Outcomes, chsink.OutcomeRow{OutcomeID: id, ConcernID: concern, OccurredAt: at, Status: "ongoing", Note: "n", Offset: off})
		} else {
			b.Actions = append(b.Actions, chsink.ActionRow{ActionID: id, ConcernID: concern, OccurredAt: at, Agency: "police", Text: "t", Offset: off})
		}
		b.Events = append(b.Events, chsink.EventRow{EventID: id, Type: typ, SchemaVersion: 1, OccurredAt: at, RecordedAt: at, Offset: off})
	}
	return b
}

func followUpCounts(t *testing.T, db *chtest.DB) (events, actions, outcomes uint64, marker int64) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM events").Scan(&events))
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concern_actions").Scan(&actions))
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concern_outcomes").Scan(&outcomes))
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(next_offset) FROM concern_daily WHERE "+chsink.Markers).Scan(&marker))
	return events, actions, outcomes, marker
}

// TestFollowUpsWriteExactlyOnce is TestWriteIsIdempotentPerTable for the
// follow-up tables: a repeated batch adds nothing, and a batch interrupted
// after some tables (concern_actions unavailable) is completed by a restarted
// sink from each table's own watermark, without doubling what the other
// tables already hold.
func TestFollowUpsWriteExactlyOnce(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		_, err = s.Load(ctx, 0)
		require.NoError(t, err)
		require.NoError(t, s.Write(ctx, followUpBatch(0, 0, 4)))
		e, a, o, m := followUpCounts(t, db)
		require.Equal(t, []any{uint64(4), uint64(2), uint64(2), int64(4)}, []any{e, a, o, m})

		// A restart re-reads from an older Kafka commit (0).
		s2, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		wm, err := s2.Load(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, chsink.Watermarks{Events: 4, Actions: 3, Outcomes: 4, Daily: 4}, wm)
		require.NoError(t, s2.Write(ctx, followUpBatch(0, 0, 4)))
		e, a, o, m = followUpCounts(t, db)
		require.Equal(t, []any{uint64(4), uint64(2), uint64(2), int64(4)}, []any{e, a, o, m})

		// concern_actions is away: events and outcomes are written, the
		// write fails, the marker stays.
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concern_actions TO concern_actions_away"))
		require.Error(t, s2.Write(ctx, followUpBatch(0, 4, 6)))
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concern_actions_away TO concern_actions"))
		e, a, o, m = followUpCounts(t, db)
		require.Equal(t, []any{uint64(10), uint64(2), uint64(5), int64(4)}, []any{e, a, o, m}, "some tables hold the batch, the marker does not")

		s3, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
		require.NoError(t, err)
		wm, err = s3.Load(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, int64(4), wm.Daily, "resumes at the marker")
		require.NoError(t, s3.Write(ctx, followUpBatch(0, 4, 6)))
		e, a, o, m = followUpCounts(t, db)
		require.Equal(t, []any{uint64(10), uint64(5), uint64(5), int64(10)}, []any{e, a, o, m})
	})
}

// TestPreviousFollowUp: the lookup a correction or withdrawal of a follow-up
// uses finds the latest version stored from the partition before the given
// offset, with every field read back, and nothing on another partition or
// at or after the offset.
func TestPreviousFollowUp(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) { previousFollowUp(t, db) })
}

func previousFollowUp(t *testing.T, db *chtest.DB) {
	ctx := context.Background()
	_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
	require.NoError(t, err)
	_, err = s.Load(ctx, 0)
	require.NoError(t, err)

	sep := time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC)
	month := chsink.DatePrecision{Precision: "month", PeriodStart: sep, PeriodEnd: sep.AddDate(0, 1, -1)}
	concern, action, outcome := "00000000-0000-4000-8000-00000000c0de", "00000000-0000-4000-9000-00000000000a", "00000000-0000-4000-9000-00000000000b"
	b := chsink.Batch{Partition: 0, Next: 3,
		Actions: []chsink.ActionRow{
			{ActionID: action, ConcernID: concern, OccurredAt: sep, Agency: schemas.ByCouncil, Text: "first", Offset: 0, DatePrecision: month},
			{ActionID: action, ConcernID: concern, OccurredAt: sep, Agency: schemas.ByPolice, Text: "corrected", Offset: 1, Withdrawn: true, DatePrecision: month},
		},
		Outcomes: []chsink.OutcomeRow{{OutcomeID: outcome, ConcernID: concern, OccurredAt: sep, Status: schemas.StatusReferred, Note: "to the council", Offset: 2, DatePrecision: month}},
	}
	for _, r := range b.Actions {
		b.Events = append(b.Events, chsink.EventRow{EventID: "00000000-0000-4000-9000-" + pad12(r.Offset), Type: "action", SchemaVersion: 1, OccurredAt: sep, RecordedAt: sep, Offset: r.Offset})
	}
	b.Events = append(b.Events, chsink.EventRow{EventID: outcome, Type: "outcome", SchemaVersion: 1, OccurredAt: sep, RecordedAt: sep, Offset: 2})
	require.NoError(t, s.Write(ctx, b))

	a, err := s.PreviousAction(ctx, 0, action, 10)
	require.NoError(t, err)
	require.Equal(t, chsink.ActionRow{ActionID: action, ConcernID: concern, OccurredAt: sep, Agency: schemas.ByPolice, Text: "corrected", Offset: 1, Withdrawn: true, DatePrecision: month}, *a)
	a, err = s.PreviousAction(ctx, 0, action, 1)
	require.NoError(t, err)
	require.Equal(t, "first", a.Text, "the version before offset 1")
	a, err = s.PreviousAction(ctx, 0, action, 0)
	require.NoError(t, err)
	require.Nil(t, a, "nothing before the first version")
	a, err = s.PreviousAction(ctx, 1, action, 10)
	require.NoError(t, err)
	require.Nil(t, a, "nothing from another partition")

	o, err := s.PreviousOutcome(ctx, 0, outcome, 10)
	require.NoError(t, err)
	require.Equal(t, chsink.OutcomeRow{OutcomeID: outcome, ConcernID: concern, OccurredAt: sep, Status: schemas.StatusReferred, Note: "to the council", Offset: 2, DatePrecision: month}, *o)
	o, err = s.PreviousOutcome(ctx, 0, outcome, 2)
	require.NoError(t, err)
	require.Nil(t, o)
}
