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

// TestDatePrecisionStored: a concern and a meeting whose day is unknown are
// stored with their precision and span (the lookup a correction uses reads
// them back), a day-precise row stores its own day as its span.
func TestDatePrecisionStored(t *testing.T) {
	ctx := context.Background()
	db := chtest.New(t)
	_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
	require.NoError(t, err)
	_, err = s.Load(ctx, 0)
	require.NoError(t, err)

	sep, oct := time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2019, 10, 31, 0, 0, 0, 0, time.UTC)
	period := chsink.DatePrecision{Precision: "period", PeriodStart: sep, PeriodEnd: oct}
	day := time.Date(2019, 9, 3, 18, 30, 0, 0, time.UTC)
	ids := []string{"00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000003"}
	b := chsink.Batch{Partition: 0, Next: 3,
		Events: []chsink.EventRow{
			{EventID: ids[0], Type: "concern", SchemaVersion: 1, OccurredAt: sep, RecordedAt: sep, WardCode: "E05009860", Offset: 0},
			{EventID: ids[1], Type: "concern", SchemaVersion: 1, OccurredAt: day, RecordedAt: day, WardCode: "E05009860", Offset: 1},
			{EventID: ids[2], Type: "meeting", SchemaVersion: 1, OccurredAt: sep, RecordedAt: sep, WardCode: "E05009860", Offset: 2},
		},
		Concerns: []chsink.ConcernRow{
			{ConcernID: ids[0], OccurredAt: sep, WardCode: "E05009860", Themes: []string{"drugs"}, Offset: 0, DatePrecision: period},
			{ConcernID: ids[1], OccurredAt: day, WardCode: "E05009860", Themes: []string{"speeding"}, Offset: 1},
		},
		Meetings: []chsink.MeetingRow{{MeetingID: ids[2], OccurredAt: sep, WardCode: "E05009860", Kind: "event", Offset: 2,
			DatePrecision: chsink.DatePrecision{Precision: "month", PeriodStart: sep, PeriodEnd: sep.AddDate(0, 1, -1)}}},
		Cells: []chsink.CellDelta{{Day: day, WardCode: "E05009860", Theme: "speeding", Delta: 1, Offset: 1}},
	}
	require.NoError(t, s.Write(ctx, b))

	got, err := s.PreviousConcern(ctx, 0, ids[0], 10, "E05009860")
	require.NoError(t, err)
	require.Equal(t, period, got.DatePrecision)
	require.False(t, got.DayPrecise())
	got, err = s.PreviousConcern(ctx, 0, ids[1], 10, "E05009860")
	require.NoError(t, err)
	require.True(t, got.DayPrecise())
	require.Equal(t, "2019-09-03", got.PeriodStart.Format(time.DateOnly), "a day-precise row's span is its day")
	m, err := s.PreviousMeeting(ctx, 0, ids[2], 10)
	require.NoError(t, err)
	require.Equal(t, "month", m.Precision)
	require.Equal(t, "2019-09-30", m.PeriodEnd.Format(time.DateOnly))

	var n int64
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(concerns) FROM concern_daily WHERE theme != ''").Scan(&n))
	require.Equal(t, int64(1), n, "only the day-precise concern has a daily cell")
}
