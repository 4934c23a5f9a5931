package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/alerting"
	"github.com/wardpulse/wardpulse/processors/alerting/promtest"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// TestAlertsFlags pins how Alertmanager URLs are given: repeated, comma
// separated, from the file, the command line winning over the file.
func TestAlertsFlags(t *testing.T) {
	file := filepath.Join(t.TempDir(), "alerts.yaml")
	require.NoError(t, os.WriteFile(file, []byte("alertmanager_urls: [http://file:9093]\ninterval: 30s\n"), 0o644))
	for _, tc := range []struct {
		name string
		args []string
		urls []string
		err  string
	}{
		{name: "none", args: nil, urls: nil},
		{name: "repeated", args: []string{"-alertmanager-url", "http://a:9093", "-alertmanager-url", "http://b:9093"}, urls: []string{"http://a:9093", "http://b:9093"}},
		{name: "comma list", args: []string{"-alertmanager-url", "http://a:9093, http://b:9093,http://a:9093"}, urls: []string{"http://a:9093", "http://b:9093"}},
		{name: "file", args: []string{"-config.file", file}, urls: []string{"http://file:9093"}},
		{name: "flags win over the file", args: []string{"-config.file", file, "-alertmanager-url", "http://a:9093", "-alertmanager-url", "http://b:9093"},
			urls: []string{"http://a:9093", "http://b:9093"}},
		{name: "not a URL", args: []string{"-alertmanager-url", "alertmanager:9093"}, err: `alertmanager url "alertmanager:9093"`},
		{name: "lookback too short", args: []string{"-lookback-weeks", "2"}, err: "lookback weeks 2"},
		{name: "detector flags", args: []string{"-detect.alpha", "0.7"}, err: "alpha 0.7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cfg alertsConfig
			fs := flag.NewFlagSet("alerts", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			cfg.RegisterFlags(fs)
			err := config.Parse(fs, tc.args, &cfg)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.urls, []string(cfg.AlertmanagerURLs))
		})
	}
}

// TestAlertmanagerRouting asks the real amtool where the example
// configuration sends a spike alert of each local authority.
func TestAlertmanagerRouting(t *testing.T) {
	cfg := filepath.Join("..", "..", "deploy", "alertmanager", "alertmanager.yml")
	for _, tc := range []struct {
		labels []string
		want   string
	}{
		{[]string{"alertname=WardThemeSpike", "lad=Hartlepool", "severity=warning"}, "webhook,hartlepool"},
		{[]string{"alertname=WardThemeSpike", "lad=Middlesbrough", "severity=critical"}, "webhook,middlesbrough"},
		{[]string{"alertname=WardThemeSpike", "lad=Redcar and Cleveland"}, "webhook,redcar-and-cleveland"},
		{[]string{"alertname=WardThemeSpike", "lad=Stockton-on-Tees"}, "webhook,stockton-on-tees"},
		{[]string{"alertname=WardThemeSpike", "lad=Darlington"}, "webhook"},
		{[]string{"alertname=WardpulseServiceDown", "component=pipeline"}, "operators"},
	} {
		t.Run(strings.Join(tc.labels, ","), func(t *testing.T) {
			out, err := promtest.Amtool(context.Background(), append([]string{"config", "routes", "test", "--config.file", cfg}, tc.labels...)...)
			require.NoError(t, err, out)
			// amtool may warn first (on the same output); the routes are
			// its last line.
			lines := strings.Split(strings.TrimSpace(out), "\n")
			require.Equal(t, tc.want, lines[len(lines)-1], out)
		})
	}
}

// TestServeAlertsAfterACrash runs the alerts service as deployed (flags,
// Kafka, the sink, ClickHouse, a real Alertmanager) on a surge this week,
// where a previous alerter had already put the firing event on the alerts
// topic and died before the sink stored it. The service must wait for its
// sink, find the episode open, produce nothing new, and push the open alert
// to Alertmanager; /readyz and /metrics say so.
func TestServeAlertsAfterACrash(t *testing.T) {
	for _, engine := range chtest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := chtest.NewOn(t, engine)
			b, err := kafkatest.Start(kafkatest.Config{}, nil)
			require.NoError(t, err, "starting the embedded Kafka-protocol broker")
			t.Cleanup(func() { b.Close() })
			ctx := context.Background()
			require.NoError(t, wiring.CreateTopics(ctx, b.Addrs(), 2, "wardpulse.events", "wardpulse.alerts"))
			_, err = schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
			require.NoError(t, err)
			am, err := promtest.StartAlertmanager(ctx, promtest.AlertmanagerConfig{Dir: t.TempDir()})
			require.NoError(t, err, "a real Alertmanager is required")
			t.Cleanup(func() { _ = am.Stop() })

			// Three years of one off-road-bike concern every third week in
			// Grangetown, then eight this week.
			const ward, theme = "E05012442", "off_road_bikes"
			now := time.Now().UTC()
			cur := now.Truncate(24*time.Hour).AddDate(0, 0, -((int(now.Weekday()) + 6) % 7))
			batch, err := db.Conn.PrepareBatch(ctx, "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
			require.NoError(t, err)
			for w := 156; w >= 3; w -= 3 {
				require.NoError(t, batch.Append(cur.AddDate(0, 0, -7*w), ward, "E06000003", theme, "t", uint32(0), int64(1), int64(0)))
			}
			require.NoError(t, batch.Append(cur, ward, "E06000003", theme, "t", uint32(0), int64(8), int64(0)))
			require.NoError(t, batch.Send())

			id := ward + "/" + theme + "/" + cur.Format(time.DateOnly)
			ev, err := json.Marshal(alerting.Event{AlertID: id, Status: alerting.Firing, WardCode: ward, WardName: "Grangetown", LADCode: "E06000003",
				LADName: "Redcar and Cleveland", Theme: theme, Severity: alerting.Critical, EpisodeStart: cur.Format(time.DateOnly),
				WeekStart: cur.Format(time.DateOnly), Observed: 8, Summary: "fired before the crash", DecidedAt: now.Add(-time.Minute)})
			require.NoError(t, err)
			w := &kafka.Writer{Addr: kafka.TCP(b.Addrs()...), Topic: "wardpulse.alerts", Balancer: &kafka.Murmur2Balancer{}}
			require.NoError(t, w.WriteMessages(ctx, kafka.Message{Key: []byte(id), Value: ev}))
			require.NoError(t, w.Close())

			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			listen := ln.Addr().String()
			require.NoError(t, ln.Close())
			runCtx, cancel := context.WithCancel(ctx)
			done := make(chan error, 1)
			var stderr bytes.Buffer
			go func() {
				done <- runAlerts(runCtx, []string{"-listen", listen, "-kafka.brokers", strings.Join(b.Addrs(), ","), "-clickhouse.addr", db.Addr, "-clickhouse.protocol", db.ProtocolName(),
					"-clickhouse.database", db.Database, "-alertmanager-url", am.URL(), "-poll-interval", "100ms", "-log.level", "warn"}, io.Discard, &stderr)
			}()
			t.Cleanup(func() {
				cancel()
				require.NoError(t, <-done, stderr.String())
			})

			get := func(path string) (int, string) {
				resp, err := http.Get("http://" + listen + path)
				if err != nil {
					return 0, err.Error()
				}
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, string(body)
			}
			deadline := time.Now().Add(60 * time.Second)
			for {
				if code, _ := get("/readyz"); code == http.StatusOK {
					break
				}
				require.True(t, time.Now().Before(deadline), "the alerts service never got ready: %s", stderr.String())
				time.Sleep(100 * time.Millisecond)
			}
			alerts, err := alerting.Alerts(ctx, nil, am.URL(), `alertname="WardThemeSpike"`)
			require.NoError(t, err)
			require.Len(t, alerts, 1)
			require.Equal(t, map[string]string{"alertname": "WardThemeSpike", "ward": "Grangetown", "ward_code": ward, "lad": "Redcar and Cleveland",
				"theme": theme, "severity": alerting.Critical}, alerts[0].Labels)
			require.Equal(t, "fired before the crash", alerts[0].Annotations["summary"])

			n, err := logSize(ctx, b.Addrs(), "wardpulse.alerts")
			require.NoError(t, err)
			require.EqualValues(t, 1, n, "nothing fired a second time")
			_, metrics := get("/metrics")
			require.Contains(t, metrics, `wardpulse_alerts_open{theme="off_road_bikes",ward_code="E05012442"} 1`)
			require.Contains(t, metrics, "wardpulse_alerts_notify_errors_total 0")
		})
	}
}
