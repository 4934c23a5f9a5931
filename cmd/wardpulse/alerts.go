package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/alerting"
	"github.com/wardpulse/wardpulse/processors/classify"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
)

type alertsConfig struct {
	Listen           string            `yaml:"listen"`
	LogLevel         string            `yaml:"log_level"`
	Interval         time.Duration     `yaml:"interval"`
	PollInterval     time.Duration     `yaml:"poll_interval"`
	ResolveWeeks     int               `yaml:"resolve_weeks"`
	AlertmanagerURLs config.StringList `yaml:"alertmanager_urls"`
	GroupID          string            `yaml:"group_id"`
	Detector         detect.Config     `yaml:"detector"`
	Kafka            wiring.Kafka      `yaml:"kafka"`
	ClickHouse       wiring.ClickHouse `yaml:"clickhouse"`
}

func (c *alertsConfig) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8082", "address of /metrics, /healthz and /readyz")
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
	fs.DurationVar(&c.Interval, "interval", time.Minute, "judge every series at least this often")
	fs.DurationVar(&c.PollInterval, "poll-interval", 5*time.Second, "look for newly landed events this often (a change triggers a run)")
	fs.IntVar(&c.ResolveWeeks, "resolve-weeks", 2, "quiet complete weeks that resolve an episode")
	fs.Var(&c.AlertmanagerURLs, "alertmanager-url", "comma-separated Alertmanager base URLs (empty: no notifications)")
	fs.StringVar(&c.GroupID, "group-id", "wardpulse-alerts-sink", "consumer group of the alerts sink")
	c.Detector.RegisterFlags(fs)
	c.Kafka.RegisterFlags(fs)
	c.ClickHouse.RegisterFlags(fs)
}

func (c *alertsConfig) Validate() error {
	return errors.Join(c.Kafka.Validate(), c.ClickHouse.Validate(), c.Detector.Validate())
}

func runAlerts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg alertsConfig
	fs := flag.NewFlagSet("alerts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger := wiring.Logger(cfg.LogLevel).With("service", "alerts")
	conn, err := cfg.ClickHouse.Open(ctx, true, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	return serveAlerts(ctx, cfg, conn, logger, newRegistry())
}

// serveAlerts runs the alerter, the alerts sink (alerts topic -> alerts
// table) and the ops endpoints until ctx ends.
func serveAlerts(ctx context.Context, cfg alertsConfig, conn driver.Conn, logger *slog.Logger, reg *prometheus.Registry) error {
	producer := cfg.Kafka.Writer(cfg.Kafka.AlertsTopic)
	var notifier alerting.Notifier
	if len(cfg.AlertmanagerURLs) > 0 {
		notifier = &alerting.Alertmanager{URLs: cfg.AlertmanagerURLs}
	}
	alerter, err := alerting.New(alerting.Config{Interval: cfg.Interval, PollInterval: cfg.PollInterval, ResolveWeeks: cfg.ResolveWeeks, Detector: cfg.Detector},
		alerting.Deps{Conn: conn, Producer: producer, Notifier: notifier, Gazetteer: gazetteer.Default(), Taxonomy: classify.Default()}, logger, reg)
	if err != nil {
		return err
	}
	sink, err := consume.New(consume.Config{Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.AlertsTopic, GroupID: cfg.GroupID, BatchSize: 1000,
		BatchWait: 200 * time.Millisecond, SessionTimeout: 10 * time.Second, RebalanceTimeout: 10 * time.Second, HeartbeatInterval: time.Second,
		JoinGroupBackoff: time.Second}, alerting.NewSink(conn, logger), logger, prometheus.WrapRegistererWith(prometheus.Labels{"consumer": "alerts_sink"}, reg))
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !sink.Ready() {
			http.Error(w, "not ready: the alerts sink has not caught up", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ready\n")
	})
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return sink.Run(gctx) })
	g.Go(func() error { return alerter.Run(gctx) })
	g.Go(func() error { return wiring.Serve(gctx, cfg.Listen, mux, logger, nil) })
	err = g.Wait()
	return errors.Join(err, producer.Close())
}
