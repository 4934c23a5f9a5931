package alerting

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// daily inserts concern_daily rows (day, theme, concerns) for the
// Grangetown fixture ward.
func daily(t *testing.T, db *chtest.DB, rows ...any) {
	t.Helper()
	b, err := db.Conn.PrepareBatch(context.Background(), "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
	require.NoError(t, err)
	for i := 0; i < len(rows); i += 3 {
		require.NoError(t, b.Append(rows[i].(time.Time), ward, "E06000003", rows[i+1].(string), "t", uint32(0), int64(rows[i+2].(int)), int64(0)))
	}
	require.NoError(t, b.Send())
}

func newAlerterReg(t *testing.T, db *chtest.DB, p Producer, n Notifier, now *time.Time, reg prometheus.Registerer) *Alerter {
	t.Helper()
	a, err := New(Config{Detector: detect.DefaultConfig()}, Deps{Conn: db.Conn, Producer: p, Notifier: n, Gazetteer: gazetteer.Default(),
		Taxonomy: taxonomy.Default(), Now: func() time.Time { return *now }}, nil, reg)
	require.NoError(t, err)
	return a
}

// TestNewThemeInWardFires: drugs were never raised in the ward before, but
// the ward has three years of concerns on other themes; five in one week
// is judged against that history (all zeros) and fires.
func TestNewThemeInWardFires(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, now) // off_road_bikes history and surge
		daily(t, db, monday(now).AddDate(0, 0, 1), "drugs", 5)
		p := &memProducer{}
		require.NoError(t, newAlerter(t, db, p, nil, &now).RunOnce(context.Background()))
		ids := map[string]string{}
		for _, e := range p.events(t) {
			ids[e.AlertID] = e.Status
		}
		require.Equal(t, map[string]string{
			"E05012442/off_road_bikes/2026-03-09": Firing,
			"E05012442/drugs/2026-03-09":          Firing,
		}, ids)
	})
}

// TestWithdrawnSurgeResolvesAndReopens: when the concerns behind an open
// episode are withdrawn, it resolves on the next run; when the surge comes
// back in the same week, the new episode has its own id (one firing and one
// resolve per id), and the figures and metrics follow.
func TestWithdrawnSurgeResolvesAndReopens(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, now)
		p := &memProducer{}
		reg := prometheus.NewPedanticRegistry()
		a := newAlerterReg(t, db, p, nil, &now, reg)
		ctx := context.Background()

		require.NoError(t, a.RunOnce(ctx))
		require.Len(t, p.events(t), 1)
		require.Equal(t, 1.0, testutil.ToFloat64(a.m.open.WithLabelValues(ward, theme)))

		daily(t, db, monday(now), theme, -7) // withdrawn
		require.NoError(t, a.RunOnce(ctx))
		evs := p.events(t)
		require.Len(t, evs, 2)
		require.Equal(t, Resolved, evs[1].Status)
		require.Equal(t, evs[0].AlertID, evs[1].AlertID)
		require.Equal(t, evs[0].Severity, evs[1].Severity, "a resolve keeps the firing's labels")
		require.NotNil(t, evs[1].FiredAt)
		require.Equal(t, evs[0].DecidedAt, *evs[1].FiredAt)
		require.Contains(t, evs[1].Summary, "back to its usual level")
		require.Equal(t, 0, testutil.CollectAndCount(reg, "wardpulse_alerts_open"))

		daily(t, db, monday(now).AddDate(0, 0, 2), theme, 6) // raised again
		store(t, db, p)                                      // and a restart in between
		a = newAlerterReg(t, db, p, nil, &now, prometheus.NewRegistry())
		require.NoError(t, a.RunOnce(ctx))
		evs = p.events(t)
		require.Len(t, evs, 3)
		require.Equal(t, Firing, evs[2].Status)
		require.Equal(t, evs[0].AlertID+"/2", evs[2].AlertID)
		require.Equal(t, 6, evs[2].Observed)

		require.NoError(t, a.RunOnce(ctx))
		require.Len(t, p.events(t), 3, "nothing new while nothing changes")

		require.NoError(t, testutil.GatherAndCompare(reg, strings.NewReader(`
# HELP wardpulse_alerts_events_total Alert events produced to the alerts topic, by status (firing, resolved).
# TYPE wardpulse_alerts_events_total counter
wardpulse_alerts_events_total{status="firing"} 1
wardpulse_alerts_events_total{status="resolved"} 1
`), "wardpulse_alerts_events_total"))
	})
}

// TestResolveAfterQuietWeeks walks the clock week by week after a surge:
// the episode stays open while its alarms are in the last complete weeks
// and resolves at the first run after ResolveWeeks complete quiet weeks.
func TestResolveAfterQuietWeeks(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		surge := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, surge)
		p := &memProducer{}
		now := surge
		a := newAlerter(t, db, p, nil, &now)
		ctx := context.Background()
		var log []string
		for day := 0; day <= 21; day++ {
			now = surge.AddDate(0, 0, day)
			require.NoError(t, a.RunOnce(ctx))
			for _, e := range p.events(t)[len(log):] {
				log = append(log, now.Format(time.DateOnly)+" "+e.Status)
			}
		}
		// Surge week 9 Mar; complete quiet weeks 16 and 23 Mar; resolved on
		// the first run of the week after (30 Mar).
		require.Equal(t, []string{"2026-03-12 firing", "2026-03-30 resolved"}, log)
	})
}

// TestRunTriggersOnNewEvents: Run decides at start, then again when the
// progress markers move (not waiting for the interval), and returns with
// its goroutines done when ctx ends.
func TestRunTriggersOnNewEvents(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, now.AddDate(0, 0, -7*52)) // history, and a surge long over
		defer goleak.VerifyNone(t, append(chtest.IgnoredGoroutines(), goleak.IgnoreCurrent())...)
		p := &memProducer{}
		synced := make(chan bool, 1)
		synced <- false
		a, err := New(Config{Interval: time.Hour, PollInterval: 20 * time.Millisecond, Detector: detect.DefaultConfig()},
			Deps{Conn: db.Conn, Producer: p, Gazetteer: gazetteer.Default(), Taxonomy: taxonomy.Default(), Now: func() time.Time { return now },
				StateSynced: func(context.Context) (bool, error) {
					select {
					case ok := <-synced:
						return ok, nil
					default:
						return true, nil
					}
				}}, nil, nil)
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- a.Run(ctx) }()
		waitFor(t, "the first run", a.Ready)
		require.Empty(t, p.events(t))

		daily(t, db, monday(now), theme, 8)
		b, err := db.Conn.PrepareBatch(context.Background(), "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
		require.NoError(t, err)
		require.NoError(t, b.Append(time.Unix(0, 0).UTC(), "", "", "", "t", uint32(0), int64(0), int64(9))) // a progress marker moves (the sink writes them on day 1970-01-01)
		require.NoError(t, b.Send())
		waitFor(t, "a run triggered by the new events", func() bool { return len(p.events(t)) == 1 })
		cancel()
		require.NoError(t, <-done)
	})
}

// TestRunWaitsForTheSink: until StateSynced says the alerts table has
// caught up, nothing is decided (the table may not show an open episode
// yet); after StateWait the alerter decides anyway.
func TestRunWaitsForTheSink(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, now)
		p := &memProducer{}
		var mu sync.Mutex
		asked := 0
		a, err := New(Config{Interval: time.Hour, PollInterval: 10 * time.Millisecond, StateWait: 300 * time.Millisecond, Detector: detect.DefaultConfig()},
			Deps{Conn: db.Conn, Producer: p, Gazetteer: gazetteer.Default(), Taxonomy: taxonomy.Default(), Now: func() time.Time { return now },
				StateSynced: func(context.Context) (bool, error) {
					mu.Lock()
					defer mu.Unlock()
					asked++
					return false, errors.New("sink behind")
				}}, nil, nil)
		require.NoError(t, err)
		require.True(t, a.tryRun(context.Background()), "not synced: the run is still pending")
		require.Empty(t, p.events(t))
		require.False(t, a.Ready())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- a.Run(ctx) }()
		waitFor(t, "a run after StateWait", a.Ready)
		require.Len(t, p.events(t), 1)
		cancel()
		require.NoError(t, <-done)
		mu.Lock()
		require.Greater(t, asked, 1)
		mu.Unlock()
	})
}

// flakyProducer acknowledges the first message of a write and fails the
// others, as kafka.Writer reports a partial failure.
type flakyProducer struct {
	memProducer
	fail bool
}

func (p *flakyProducer) WriteMessages(ctx context.Context, msgs ...kafka.Message) error {
	if !p.fail {
		return p.memProducer.WriteMessages(ctx, msgs...)
	}
	werrs := make(kafka.WriteErrors, len(msgs))
	for i := range msgs {
		if i > 0 {
			werrs[i] = fmt.Errorf("message %d: %w", i, kafka.RequestTimedOut)
		}
	}
	_ = p.memProducer.WriteMessages(ctx, msgs[0])
	return werrs
}

// TestPartialProduceIsNotRepeated: what Kafka acknowledged of a failed
// write counts as produced; the rest is produced by the next run, once.
func TestPartialProduceIsNotRepeated(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, now)
		daily(t, db, monday(now).AddDate(0, 0, 1), "drugs", 5)
		p := &flakyProducer{fail: true}
		a := newAlerterReg(t, db, p, nil, &now, nil)
		require.Error(t, a.RunOnce(context.Background()))
		require.Len(t, p.events(t), 1)
		p.fail = false
		require.NoError(t, a.RunOnce(context.Background()))
		evs := p.events(t)
		require.Len(t, evs, 2)
		require.NotEqual(t, evs[0].AlertID, evs[1].AlertID)
	})
}

// TestNotifyErrorsAreCounted: an unreachable Alertmanager does not fail the
// run (the events are on Kafka) but is counted, for the
// WardpulseAlertmanagerUnreachable rule.
func TestNotifyErrorsAreCounted(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC)
		load(t, db, now)
		p := &memProducer{}
		reg := prometheus.NewRegistry()
		a := newAlerterReg(t, db, p, &Alertmanager{URLs: []string{"http://127.0.0.1:1"}}, &now, reg)
		require.NoError(t, a.RunOnce(context.Background()))
		require.Len(t, p.events(t), 1)
		require.Equal(t, 1.0, testutil.ToFloat64(a.m.notify))
		require.Equal(t, 1, testutil.CollectAndCount(reg, "wardpulse_alerts_run_duration_seconds"))
	})
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
