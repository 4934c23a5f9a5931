package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// deadLetters records what the processor sends to the dead-letter topic.
type deadLetters struct{ msgs []kafka.Message }

// reasons are the dead letters' offsets and reasons.
func (d *deadLetters) reasons() []string {
	var out []string
	for _, m := range d.msgs {
		var off, why string
		for _, h := range m.Headers {
			switch h.Key {
			case HeaderOffset:
				off = string(h.Value)
			case HeaderReason:
				why = string(h.Value)
			}
		}
		out = append(out, off+": "+why)
	}
	return out
}

func (d *deadLetters) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	d.msgs = append(d.msgs, msgs...)
	return nil
}

// TestRedoAfterCrashBetweenTablesWithMergedVersions is the crash the e2e
// test met by chance (a withdrawal dead-lettered, yet stored): a processor
// dies after the row tables took a batch and before concern_daily did; a
// merge then replaces the versions that batch's correction and withdrawal
// replace (ReplacingMergeTree keeps the latest src_offset); the next owner
// redoes the batch. It must find those versions all the same (rebuilt from
// the log), so nothing is dead-lettered and every count is exact.
func TestRedoAfterCrashBetweenTablesWithMergedVersions(t *testing.T) {
	const (
		ward      = "E05012442"
		concernA  = "0c000000-0000-4000-8000-00000000000a"
		correctA  = "0c000000-0000-4000-8000-0000000000a2"
		actionX   = "0c000000-0000-4000-8000-00000000000b"
		withdrawX = "0c000000-0000-4000-8000-0000000000b2"
		concernB  = "0c000000-0000-4000-8000-00000000000c"
	)
	lines := []string{
		fmt.Sprintf(`{"event_id":%q,"type":"concern","schema_version":1,"occurred_at":"2020-07-01T19:00:00Z","ward_code":%q,"concern":{"text":"Speeding cars on the main road"}}`, concernA, ward),
		fmt.Sprintf(`{"event_id":%q,"type":"action","schema_version":1,"date":"2020-07-08","action":{"concern_id":%q,"by":"police","text":"Speed checks"}}`, actionX, concernA),
		fmt.Sprintf(`{"event_id":%q,"type":"concern","schema_version":1,"occurred_at":"2020-07-01T19:00:00Z","ward_code":%q,"supersedes":%q,"concern":{"text":"Inconsiderate parking on the pavement"}}`, correctA, ward, concernA),
		fmt.Sprintf(`{"event_id":%q,"type":"withdrawal","schema_version":1,"date":"2020-07-09","supersedes":%q}`, withdrawX, actionX),
		fmt.Sprintf(`{"event_id":%q,"type":"concern","schema_version":1,"occurred_at":"2020-07-02T19:00:00Z","ward_code":%q,"concern":{"text":"Drug dealing near the shops"}}`, concernB, ward),
	}
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "events"))
		require.NoError(t, err)
		t.Cleanup(c.Close)
		w := &kafka.Writer{Addr: kafka.TCP(c.ListenAddrs()...), Topic: "events", RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
		var msgs []kafka.Message
		for i, l := range lines {
			require.NoError(t, w.WriteMessages(ctx, kafka.Message{Value: []byte(l)}), "producing message %d", i)
			msgs = append(msgs, kafka.Message{Topic: "events", Partition: 0, Offset: int64(i), Value: []byte(l)})
		}
		require.NoError(t, w.Close())

		_, err = schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		v, err := schemas.NewValidator()
		require.NoError(t, err)
		agg, err := aggregate.New(gazetteer.Default(), taxonomy.Default(), v)
		require.NoError(t, err)
		dlq := &deadLetters{}
		processor := func() *Processor {
			sink, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
			require.NoError(t, err)
			p, err := New("events", db.Conn, sink, agg, dlq, nil, prometheus.NewRegistry())
			require.NoError(t, err)
			p.SetOriginals(NewLogOriginals(c.ListenAddrs(), "events", v))
			_, err = p.Assign(ctx, 0)
			require.NoError(t, err)
			return p
		}

		first := processor()
		require.NoError(t, first.Handle(ctx, 0, msgs[:2]))
		// The crash between tables: concern_daily refuses the batch after
		// the row tables took it.
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concern_daily TO concern_daily_away"))
		require.Error(t, first.Handle(ctx, 0, msgs[2:]))
		require.NoError(t, db.Conn.Exec(ctx, "RENAME TABLE concern_daily_away TO concern_daily"))
		// The merge: only the latest version of A and X is left.
		for _, table := range []string{"concerns", "concern_actions"} {
			require.NoError(t, db.Conn.Exec(ctx, "OPTIMIZE TABLE "+table+" FINAL"))
		}
		var n uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concerns WHERE concern_id = '"+concernA+"'").Scan(&n))
		require.Equal(t, uint64(1), n, "the merge left one version of concern A")
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concern_actions WHERE action_id = '"+actionX+"'").Scan(&n))
		require.Equal(t, uint64(1), n, "the merge left one version of action X")

		// The next owner resumes at concern_daily's marker and redoes it.
		second := processor()
		require.NoError(t, second.Handle(ctx, 0, msgs[2:]))
		require.Empty(t, dlq.reasons(), "nothing is a dead letter")

		rows, err := db.Conn.Query(ctx, "SELECT theme, sum(concerns) FROM concern_daily WHERE theme != '' GROUP BY theme")
		require.NoError(t, err)
		got := map[string]int64{}
		for rows.Next() {
			var th string
			var s int64
			require.NoError(t, rows.Scan(&th, &s))
			if s != 0 {
				got[th] = s
			}
		}
		require.NoError(t, rows.Err())
		rows.Close()
		require.Equal(t, map[string]int64{"parking_traffic": 1, "drugs": 1}, got, "A counted once, under its corrected theme")

		rep, err := replay.Audit(ctx, db.Conn, c.ListenAddrs(), "events", "", nil)
		require.NoError(t, err)
		require.True(t, rep.OK(), "audit: %+v", rep)
		require.Equal(t, 5, rep.Stored)
	})
}
