package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
)

func concern(t *testing.T, v *schemas.Validator, id, text, recorded string) (*schemas.Event, []byte) {
	t.Helper()
	raw := []byte(fmt.Sprintf(`{"event_id":%q,"type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","recorded_at":%q,"ward":"Grangetown","concern":{"text":%q}}`, id, recorded, text))
	ev, err := v.Decode(raw)
	require.NoError(t, err)
	return ev, raw
}

type fakeOriginals map[chsink.Loc]uint64

func (f fakeOriginals) ContentHash(_ context.Context, p int, off int64) (uint64, error) {
	if h, ok := f[chsink.Loc{Partition: p, Offset: off}]; ok {
		return h, nil
	}
	if off < 0 {
		return 0, errors.New("broker down")
	}
	return 0, ErrOriginalGone
}

func TestCheckDuplicates(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	const id = "6f1c7a3e-0000-4000-8000-00000000d001"
	first, _ := concern(t, v, id, "bikes on the field", "2020-01-04T00:00:00Z")
	same, _ := concern(t, v, id, "bikes on the field", "2021-06-01T00:00:00Z") // resubmitted later
	other, _ := concern(t, v, id, "cars on the road", "2020-01-04T00:00:00Z")
	h, err := first.ContentHash()
	require.NoError(t, err)
	stored := fakeOriginals{{Partition: 1, Offset: 7}: h}
	msg := &kafka.Message{Partition: 1, Offset: 20}
	tests := []struct {
		name      string
		originals Originals
		dup       aggregate.Duplicate
		result    string // the duplicate_checks_total label counted
		dead      bool
		wantErr   string
	}{
		{"same content in the batch", nil, aggregate.Duplicate{Message: msg, Event: same, First: chsink.Loc{Partition: 1, Offset: 19}, Earlier: first}, "same", false, ""},
		{"other content in the batch", nil, aggregate.Duplicate{Message: msg, Event: other, First: chsink.Loc{Partition: 1, Offset: 19}, Earlier: first}, "conflict", true, ""},
		{"same content stored earlier", stored, aggregate.Duplicate{Message: msg, Event: same, First: chsink.Loc{Partition: 1, Offset: 7}}, "same", false, ""},
		{"other content stored earlier", stored, aggregate.Duplicate{Message: msg, Event: other, First: chsink.Loc{Partition: 1, Offset: 7}}, "conflict", true, ""},
		{"first occurrence gone", stored, aggregate.Duplicate{Message: msg, Event: other, First: chsink.Loc{Partition: 1, Offset: 3}}, "unverified", false, ""},
		{"no log reader", nil, aggregate.Duplicate{Message: msg, Event: other, First: chsink.Loc{Partition: 1, Offset: 7}}, "unverified", false, ""},
		{"log unreachable", stored, aggregate.Duplicate{Message: msg, Event: other, First: chsink.Loc{Partition: 1, Offset: -1}}, "", false, "broker down"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Processor{m: newMetrics(prometheus.NewRegistry()), logger: slog.New(slog.DiscardHandler), originals: tt.originals}
			dl, err := p.checkDuplicates(context.Background(), []aggregate.Duplicate{tt.dup})
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, 1.0, testutil.ToFloat64(p.m.dupChecks.WithLabelValues(tt.result)))
			if !tt.dead {
				require.Empty(t, dl)
				return
			}
			require.Len(t, dl, 1)
			require.Equal(t, int64(20), dl[0].Message.Offset)
			require.Contains(t, dl[0].Reason, "event_id "+id+" reused for a different event (first stored from partition 1 offset ")
		})
	}
}

// TestLogOriginals reads first occurrences back from a kfake topic written
// by a real kafka-go writer.
func TestLogOriginals(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "events"))
	require.NoError(t, err)
	t.Cleanup(c.Close)
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	w := &kafka.Writer{Addr: kafka.TCP(c.ListenAddrs()...), Topic: "events", RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
	var want []uint64
	var msgs []kafka.Message
	for i := 0; i < 50; i++ {
		ev, raw := concern(t, v, fmt.Sprintf("6f1c7a3e-0000-4000-8000-%012d", i), fmt.Sprint("text ", i), "2020-01-04T00:00:00Z")
		h, err := ev.ContentHash()
		require.NoError(t, err)
		want = append(want, h)
		msgs = append(msgs, kafka.Message{Value: raw})
	}
	msgs = append(msgs, kafka.Message{Value: []byte(`{"not":"an event"}`)})
	require.NoError(t, w.WriteMessages(context.Background(), msgs...))
	require.NoError(t, w.Close())

	o := NewLogOriginals(c.ListenAddrs(), "events", v)
	for _, off := range []int64{10, 0, 49, 11} {
		h, err := o.ContentHash(context.Background(), 0, off)
		require.NoError(t, err)
		require.Equal(t, want[off], h, "offset %d", off)
	}
	_, err = o.ContentHash(context.Background(), 0, 50)
	require.ErrorIs(t, err, ErrOriginalGone, "not an event")
	_, err = o.ContentHash(context.Background(), 0, 1000)
	require.ErrorIs(t, err, ErrOriginalGone, "past the end")

	// Message reads one value back, from inside a fetched batch too.
	for _, off := range []int64{0, 11, 49} {
		got, err := o.Message(context.Background(), 0, off)
		require.NoError(t, err)
		require.Equal(t, msgs[off].Value, got, "offset %d", off)
	}
	_, err = o.Message(context.Background(), 0, 1000)
	require.ErrorIs(t, err, ErrOriginalGone, "past the end")
}
