package alerting

import (
	"context"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

func alertMsg(t *testing.T, offset int64, id, status string) kafka.Message {
	t.Helper()
	b, err := json.Marshal(Event{AlertID: id, Status: status, WardCode: ward, Theme: theme, Severity: Warning, EpisodeStart: "2026-03-09",
		WeekStart: "2026-03-09", Observed: 7, DecidedAt: time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	return kafka.Message{Partition: 1, Offset: offset, Key: []byte(id), Value: b}
}

// TestSinkExactlyOncePerOffset: repeats of a batch (a retry, a restart, a
// rebalance) store nothing twice, bad messages are skipped without
// stopping the rest, and Covers follows what was handled.
func TestSinkExactlyOncePerOffset(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		rows := func() (n uint64) {
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM alerts").Scan(&n))
			return n
		}

		s := NewSink(db.Conn, nil)
		from, err := s.Assign(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, kafka.FirstOffset, from, "an empty table starts at the beginning of the log")
		ok, err := s.Covers(ctx, map[int]int64{0: 0, 1: 3})
		require.NoError(t, err)
		require.False(t, ok)

		bad := []kafka.Message{
			{Partition: 1, Offset: 1, Value: []byte("not json")},
			alertMsg(t, 2, "x", "pending"),
		}
		batch := append([]kafka.Message{alertMsg(t, 0, "a", Firing)}, bad...)
		batch = append(batch, alertMsg(t, 3, "a", Resolved))
		require.NoError(t, s.Handle(ctx, 1, batch))
		require.EqualValues(t, 2, rows())
		require.NoError(t, s.Handle(ctx, 1, batch), "a retried batch")
		require.EqualValues(t, 2, rows())

		ok, err = s.Covers(ctx, map[int]int64{0: 0, 1: 4})
		require.NoError(t, err)
		require.True(t, ok)
		ok, err = s.Covers(ctx, map[int]int64{1: 5})
		require.NoError(t, err)
		require.False(t, ok)

		// A restarted sink resumes after the table's last offset and skips
		// the overlap of a re-read batch.
		s2 := NewSink(db.Conn, nil)
		from, err = s2.Assign(ctx, 1)
		require.NoError(t, err)
		require.EqualValues(t, 4, from)
		require.NoError(t, s2.Handle(ctx, 1, append(batch, alertMsg(t, 4, "b", Firing))))
		require.EqualValues(t, 3, rows())

		var status string
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT argMax(status, src_offset) FROM alerts WHERE alert_id = 'a'").Scan(&status))
		require.Equal(t, Resolved, status)
	})
}
