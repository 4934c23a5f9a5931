package lagwatch

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"
)

// source is a LogEnds and Progress whose answers the test sets.
type source struct {
	offsets map[int]int64
	err     error
}

func (s *source) LogEnds(context.Context) (map[int]int64, error)  { return s.offsets, s.err }
func (s *source) Progress(context.Context) (map[int]int64, error) { return s.offsets, s.err }

// TestPoll walks one watcher through an outage of each source: the lag
// keeps growing with the log while ClickHouse does not answer, Current
// reports a broker that does not answer or answered too long ago, and a
// stored offset past the log end counts as no lag.
func TestPoll(t *testing.T) {
	ends, stored := &source{}, &source{}
	reg := prometheus.NewRegistry()
	w, err := New(Config{Interval: time.Second}, ends, stored, nil, reg)
	require.NoError(t, err)
	now := time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)
	w.now = func() time.Time { return now }
	lag := func(p string) float64 { return testutil.ToFloat64(w.m.lag.WithLabelValues(p)) }
	ctx := context.Background()
	require.ErrorContains(t, w.Current(), "not measured yet")

	steps := []struct {
		name                 string
		ends, stored         map[int]int64
		brokerErr, chErr     error
		advance              time.Duration
		lag0, lag1           float64
		currentErr           string
		brokerFails, chFails float64
	}{
		{name: "caught up", ends: map[int]int64{0: 100, 1: 50}, stored: map[int]int64{0: 100, 1: 50}},
		{name: "behind", ends: map[int]int64{0: 180, 1: 50}, stored: map[int]int64{0: 150, 1: 50}, lag0: 30},
		{name: "clickhouse down: the last stored offsets stay, the lag grows", ends: map[int]int64{0: 400, 1: 90},
			chErr: errors.New("connection refused"), lag0: 250, lag1: 40, chFails: 1},
		{name: "clickhouse back", ends: map[int]int64{0: 400, 1: 90}, stored: map[int]int64{0: 400, 1: 90}, chFails: 1},
		{name: "broker down: not current", brokerErr: errors.New("connection refused"), stored: map[int]int64{0: 400, 1: 90},
			currentErr: "broker unreachable", brokerFails: 1, chFails: 1},
		{name: "broker back", ends: map[int]int64{0: 410, 1: 90}, stored: map[int]int64{0: 400, 1: 90}, lag0: 10, brokerFails: 1, chFails: 1},
		{name: "stored past the log end: no negative lag", ends: map[int]int64{0: 410, 1: 90}, stored: map[int]int64{0: 932, 1: 90}, brokerFails: 1, chFails: 1},
	}
	for _, s := range steps {
		now = now.Add(time.Second)
		ends.offsets, ends.err = s.ends, s.brokerErr
		stored.offsets, stored.err = s.stored, s.chErr
		w.Poll(ctx)
		require.Equal(t, s.lag0, lag("0"), s.name)
		require.Equal(t, s.lag1, lag("1"), s.name)
		if s.currentErr != "" {
			require.ErrorContains(t, w.Current(), s.currentErr, s.name)
		} else {
			require.NoError(t, w.Current(), s.name)
		}
		require.Equal(t, s.brokerFails, testutil.ToFloat64(w.m.errors.WithLabelValues("broker")), s.name)
		require.Equal(t, s.chFails, testutil.ToFloat64(w.m.errors.WithLabelValues("clickhouse")), s.name)
	}
	l, ok := w.Lag(0)
	require.True(t, ok)
	require.Zero(t, l)

	// No poll for longer than StaleAfter (3 × 1 s + 1 s): not current.
	now = now.Add(5 * time.Second)
	require.ErrorContains(t, w.Current(), "last broker answer 5s ago")

	// A sharded processor reports only its shard's partitions.
	odd, err := New(Config{Owns: func(p int) bool { return p%2 == 1 }}, &source{offsets: map[int]int64{0: 10, 1: 20}}, &source{offsets: map[int]int64{}}, nil, nil)
	require.NoError(t, err)
	odd.Poll(ctx)
	_, ok = odd.Lag(0)
	require.False(t, ok, "partition 0 is another shard's")
	l, ok = odd.Lag(1)
	require.True(t, ok)
	require.EqualValues(t, 20, l)
}
