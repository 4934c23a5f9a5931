package alerting

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/alerting/promtest"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// memProducer keeps what would go to the alerts topic; the sink then
// stores it as the consumer would. The Kafka path itself is exercised in
// cmd/wardpulse's end-to-end test.
type memProducer struct {
	mu   sync.Mutex
	msgs []kafka.Message
}

func (p *memProducer) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range msgs {
		m.Offset = int64(len(p.msgs))
		p.msgs = append(p.msgs, m)
	}
	return nil
}

func (p *memProducer) events(t *testing.T) []Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Event
	for _, m := range p.msgs {
		var e Event
		require.NoError(t, json.Unmarshal(m.Value, &e))
		out = append(out, e)
	}
	return out
}

const ward, theme = "E05012442", "off_road_bikes" // Grangetown

// load writes three years of quiet weeks and a surge in the week of now.
func load(t *testing.T, db *chtest.DB, now time.Time) {
	t.Helper()
	ctx := context.Background()
	_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	b, err := db.Conn.PrepareBatch(ctx, "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
	require.NoError(t, err)
	cur := monday(now)
	for w := cur.AddDate(0, 0, -7*156); w.Before(cur); w = w.AddDate(0, 0, 7) {
		if w.Unix()/604800%3 == 0 { // one concern every third week
			require.NoError(t, b.Append(w.AddDate(0, 0, 2), ward, "E06000003", theme, "t", uint32(0), int64(1), int64(0)))
		}
	}
	require.NoError(t, b.Append(cur, ward, "E06000003", theme, "t", uint32(0), int64(7), int64(0)))
	require.NoError(t, b.Send())
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO concerns (concern_id, occurred_at, day, ward_code, themes, meeting_id, src_partition, src_offset)",
		"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001", cur.Add(19*time.Hour), cur, ward, []string{theme}, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002", uint32(0), uint64(1)))
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO meetings (meeting_id, occurred_at, day, ward_code, kind, src_partition, src_offset)",
		"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002", cur.Add(18*time.Hour), cur, ward, "community_meeting", uint32(0), uint64(0)))
}

func newAlerter(t *testing.T, db *chtest.DB, p *memProducer, n Notifier, now *time.Time) *Alerter {
	t.Helper()
	a, err := New(Config{Detector: detect.DefaultConfig()}, Deps{Conn: db.Conn, Producer: p, Notifier: n, Gazetteer: gazetteer.Default(),
		Taxonomy: taxonomy.Default(), Now: func() time.Time { return *now }}, nil, nil)
	require.NoError(t, err)
	return a
}

// store runs the sink over what was produced, as the alerts consumer would.
func store(t *testing.T, db *chtest.DB, p *memProducer) {
	t.Helper()
	s := NewSink(db.Conn, nil)
	_, err := s.Assign(context.Background(), 0)
	require.NoError(t, err)
	p.mu.Lock()
	msgs := append([]kafka.Message(nil), p.msgs...)
	p.mu.Unlock()
	require.NoError(t, s.Handle(context.Background(), 0, msgs))
}

// activeAlerts is what a real Alertmanager holds for the spike alerts.
func activeAlerts(t *testing.T, url string) []AMAlert {
	t.Helper()
	out, err := Alerts(context.Background(), nil, url, `alertname="WardThemeSpike"`)
	require.NoError(t, err)
	return out
}

// TestSurgeFiresOnceAndResolves: a surge ends as exactly one firing alert in
// a real Alertmanager with the right labels, a restart fires nothing new,
// and the alert resolves when the surge is over.
func TestSurgeFiresOnceAndResolves(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC) // a Thursday
		load(t, db, now)
		am, err := promtest.StartAlertmanager(context.Background(), promtest.AlertmanagerConfig{Dir: t.TempDir()})
		require.NoError(t, err, "a real Alertmanager is required")
		defer am.Stop()
		notifier := &Alertmanager{URLs: []string{am.URL()}}
		p := &memProducer{}

		a := newAlerter(t, db, p, notifier, &now)
		require.NoError(t, a.RunOnce(context.Background()))
		evs := p.events(t)
		require.Len(t, evs, 1)
		e := evs[0]
		require.Equal(t, Firing, e.Status)
		require.Equal(t, "E05012442/off_road_bikes/2026-03-09", e.AlertID)
		require.Equal(t, "Grangetown", e.WardName)
		require.Equal(t, "Redcar and Cleveland", e.LADName)
		require.Contains(t, e.Summary, "Off-road bikes, Grangetown: ")
		require.Contains(t, e.Summary, "first raised 9 Mar at the community meeting")
		require.Equal(t, 7, e.Observed)

		// Running again, before and after the sink stored the event, and after
		// a restart: nothing new.
		require.NoError(t, a.RunOnce(context.Background()))
		store(t, db, p)
		require.NoError(t, newAlerter(t, db, p, notifier, &now).RunOnce(context.Background()))
		require.Len(t, p.events(t), 1)

		alerts := activeAlerts(t, am.URL())
		require.Len(t, alerts, 1)
		require.Equal(t, map[string]string{"alertname": "WardThemeSpike", "ward": "Grangetown", "ward_code": ward, "lad": "Redcar and Cleveland",
			"theme": theme, "severity": e.Severity}, alerts[0].Labels)
		require.Equal(t, e.Summary, alerts[0].Annotations["summary"])

		// Three quiet weeks later the episode resolves, once.
		now = now.AddDate(0, 0, 21)
		require.NoError(t, a.RunOnce(context.Background()))
		evs = p.events(t)
		require.Len(t, evs, 2)
		require.Equal(t, Resolved, evs[1].Status)
		require.Equal(t, e.AlertID, evs[1].AlertID)
		store(t, db, p)
		require.NoError(t, newAlerter(t, db, p, notifier, &now).RunOnce(context.Background()))
		require.Len(t, p.events(t), 2)
		require.Empty(t, activeAlerts(t, am.URL()))

		var rows uint64
		require.NoError(t, db.Conn.QueryRow(context.Background(), "SELECT count() FROM alerts").Scan(&rows))
		require.EqualValues(t, 2, rows, "one firing and one resolved row")
		// The sink is idempotent: storing the same offsets again adds nothing.
		store(t, db, p)
		require.NoError(t, db.Conn.QueryRow(context.Background(), "SELECT count() FROM alerts").Scan(&rows))
		require.EqualValues(t, 2, rows)
	})
}
