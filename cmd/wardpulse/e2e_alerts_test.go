package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/alerting"
	"github.com/wardpulse/wardpulse/processors/alerting/promtest"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

type amAlert struct {
	Labels map[string]string `json:"labels"`
}

func activeAMAlerts(t *testing.T, url string) []amAlert {
	t.Helper()
	resp, err := http.Get(url + "/api/v2/alerts?active=true&silenced=false&inhibited=false")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out []amAlert
	require.NoError(t, json.Unmarshal(b, &out), "%s", b)
	return out
}

// TestSurgeThroughIngestAlertsOnce posts three years of occasional
// off-road-bike concerns in Grangetown and then a surge, all through ingest;
// the processor counts them, the alerter fires exactly one alert, through
// the Kafka alerts topic into the alerts table and into a real
// Alertmanager with the right labels; a full replay of the events log does
// not fire it again; three quiet weeks later it resolves.
func TestSurgeThroughIngestAlertsOnce(t *testing.T) {
	onEngines(t, 2, func(t *testing.T, env *testEnv) {
		url, token := runServices(t, env)
		am, err := promtest.StartAlertmanager(context.Background(), promtest.AlertmanagerConfig{Dir: t.TempDir()})
		require.NoError(t, err, "a real Alertmanager is required")
		t.Cleanup(func() { _ = am.Stop() })

		now := time.Now().UTC()
		var lines []string
		n := 0
		add := func(at time.Time, text string) {
			n++
			lines = append(lines, fmt.Sprintf(`{"event_id":"5e000000-0000-4000-8000-%012d","type":"concern","schema_version":1,"occurred_at":%q,"ward":"Grangetown","concern":{"text":%q}}`,
				n, at.Format(time.RFC3339), text))
		}
		for w := 3 * 52; w >= 2; w -= 3 {
			add(now.AddDate(0, 0, -7*w), "Off-road bikes on the playing fields")
		}
		for i := 0; i < 7; i++ {
			add(now.Add(-time.Duration(i+1)*time.Second), "Scramblers and quad bikes on the estate again")
		}
		code, body := postNDJSON(t, url, token, lines...)
		require.Equal(t, 202, code, "%v", body)
		waitFor(t, "the history and the surge counted", 30*time.Second, func() bool { return concernCount(t, env, "E05012442", "off_road_bikes") == int64(n) })

		// The alerter with a clock the test moves; its events go through the
		// real alerts topic and the alerts sink.
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		t.Cleanup(func() { cancel(); wg.Wait() })
		sink, err := consume.New(consume.Config{Brokers: env.brokers, Topic: "wardpulse.alerts", GroupID: "alerts-sink", BatchSize: 100,
			BatchWait: 50 * time.Millisecond}, alerting.NewSink(env.db.Conn, nil), nil, nil)
		require.NoError(t, err)
		wg.Add(1)
		go func() { defer wg.Done(); _ = sink.Run(ctx) }()
		clock := now
		kcfg := kafkaOf(env)
		producer, err := kcfg.Writer("wardpulse.alerts")
		require.NoError(t, err)
		t.Cleanup(func() { producer.Close() })
		newAlerter := func() *alerting.Alerter {
			a, err := alerting.New(alerting.Config{Detector: detect.DefaultConfig()}, alerting.Deps{Conn: env.db.Conn, Producer: producer,
				Notifier: &alerting.Alertmanager{URLs: []string{am.URL()}}, Gazetteer: gazetteer.Default(), Taxonomy: taxonomy.Default(),
				Now: func() time.Time { return clock }}, nil, nil)
			require.NoError(t, err)
			return a
		}
		alertRows := func(status string) uint64 {
			var c uint64
			_ = env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM alerts WHERE status = ?", status).Scan(&c)
			return c
		}
		alertsOnLog := func() int64 {
			n, err := logSize(context.Background(), env.brokers, "wardpulse.alerts")
			require.NoError(t, err)
			return n
		}

		a := newAlerter()
		require.NoError(t, a.RunOnce(ctx))
		waitFor(t, "the firing alert stored from the alerts topic", 30*time.Second, func() bool { return alertRows("firing") == 1 })
		got := activeAMAlerts(t, am.URL())
		require.Len(t, got, 1)
		require.Equal(t, "WardThemeSpike", got[0].Labels["alertname"])
		require.Equal(t, "Grangetown", got[0].Labels["ward"])
		require.Equal(t, "E05012442", got[0].Labels["ward_code"])
		require.Equal(t, "Redcar and Cleveland", got[0].Labels["lad"])
		require.Equal(t, "off_road_bikes", got[0].Labels["theme"])
		require.NotEmpty(t, got[0].Labels["severity"])

		// Replaying the events log rebuilds the same counts: no second alert,
		// from this alerter or a restarted one.
		agg, err := newAggregator("")
		require.NoError(t, err)
		_, err = replay.Rebuild(context.Background(), env.db.Conn, agg, replay.Config{Brokers: env.brokers, Topic: env.topic, PauseWait: 2 * time.Second, PauseKey: testPauseKey(t)}, discard())
		require.NoError(t, err)
		require.NoError(t, a.RunOnce(ctx))
		require.NoError(t, newAlerter().RunOnce(ctx))
		require.EqualValues(t, 1, alertsOnLog(), "one alert event on the alerts topic")
		// A consumer nobody here wrote (librdkafka) reads the alert as
		// docs/kafka.md documents it: keyed by alert_id, a JSON value.
		onLog := kcatConsume(t, env.brokers, "wardpulse.alerts")
		require.Len(t, onLog, 1)
		require.NotNil(t, onLog[0].Payload)
		dec := json.NewDecoder(strings.NewReader(*onLog[0].Payload))
		dec.DisallowUnknownFields()
		var fired alerting.Event
		require.NoError(t, dec.Decode(&fired), "the alert value as kcat read it")
		require.Equal(t, fired.AlertID, *onLog[0].Key)
		require.Equal(t, alerting.Firing, fired.Status)
		require.Equal(t, "E05012442", fired.WardCode)
		require.Equal(t, "off_road_bikes", fired.Theme)
		require.Len(t, activeAMAlerts(t, am.URL()), 1)

		// Three quiet weeks later the episode resolves.
		clock = now.AddDate(0, 0, 21)
		require.NoError(t, newAlerter().RunOnce(ctx))
		waitFor(t, "the resolve stored", 30*time.Second, func() bool { return alertRows("resolved") == 1 })
		require.Empty(t, activeAMAlerts(t, am.URL()))
		require.NoError(t, newAlerter().RunOnce(ctx))
		require.EqualValues(t, 2, alertsOnLog(), "one firing and one resolved event, nothing more")
	})
}
