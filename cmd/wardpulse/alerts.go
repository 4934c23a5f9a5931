package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"slices"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/alerting"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// alertsConfig configures `wardpulse alerts`: the alerter, the alerts sink
// and their ops endpoints, in one process (the sink's state is what keeps
// the alerter from firing an episode twice).
type alertsConfig struct {
	Listen           string            `yaml:"listen"`
	LogLevel         string            `yaml:"log_level"`
	Interval         time.Duration     `yaml:"interval"`
	PollInterval     time.Duration     `yaml:"poll_interval"`
	ResolveWeeks     int               `yaml:"resolve_weeks"`
	LookbackWeeks    int               `yaml:"lookback_weeks"`
	AlertmanagerURLs config.StringList `yaml:"alertmanager_urls"`
	GroupID          string            `yaml:"group_id"`
	ReaderDatabase   string            `yaml:"reader_database"`
	Detector         detect.Config     `yaml:"detector"`
	Kafka            wiring.Kafka      `yaml:"kafka"`
	ClickHouse       wiring.ClickHouse `yaml:"clickhouse"`
}

// RegisterFlags binds every field to a flag; the flag defaults are the only defaults.
func (c *alertsConfig) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8082", "address of /metrics, /healthz and /readyz")
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
	fs.DurationVar(&c.Interval, "interval", time.Minute, "judge every series at least this often")
	fs.DurationVar(&c.PollInterval, "poll-interval", 5*time.Second, "look for newly landed events this often (a change triggers a run)")
	fs.IntVar(&c.ResolveWeeks, "resolve-weeks", 2, "consecutive complete weeks without alarm that resolve an episode")
	fs.IntVar(&c.LookbackWeeks, "lookback-weeks", 13, "weeks judged on every run to find where an open episode started")
	fs.Var(&urlList{dst: &c.AlertmanagerURLs}, "alertmanager-url", "Alertmanager base URL; repeat the flag or separate with commas for several (none: no notifications)")
	fs.StringVar(&c.GroupID, "group-id", "wardpulse-alerts-sink", "consumer group of the alerts sink")
	fs.StringVar(&c.ReaderDatabase, "reader-database", "", "on a ClickHouse cluster: the database of Distributed tables (<database>_all) the alerter reads counts and alert state from; the sink then stores alerts in -clickhouse.database's replicated alerts table on -clickhouse.addr (one shard's replicas, with -clickhouse.insert-quorum), see docs/cluster.md")
	c.Detector.RegisterFlags(fs)
	c.Kafka.RegisterFlags(fs)
	c.ClickHouse.RegisterFlags(fs)
}

// Validate checks what the flags cannot.
func (c *alertsConfig) Validate() error {
	var errs []error
	if c.Interval <= 0 || c.PollInterval <= 0 {
		errs = append(errs, fmt.Errorf("interval %s and poll interval %s must be positive", c.Interval, c.PollInterval))
	}
	if c.ResolveWeeks < 1 || c.LookbackWeeks <= c.ResolveWeeks {
		errs = append(errs, fmt.Errorf("resolve weeks %d must be >= 1 and lookback weeks %d more than that", c.ResolveWeeks, c.LookbackWeeks))
	}
	if c.ReaderDatabase != "" && c.ReaderDatabase == c.ClickHouse.Database {
		errs = append(errs, fmt.Errorf("reader database %s: give the cluster's Distributed tables' database, not -clickhouse.database, where the sink writes", c.ReaderDatabase))
	}
	for _, u := range c.AlertmanagerURLs {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			errs = append(errs, fmt.Errorf("alertmanager url %q: want http(s)://host:port", u))
		}
	}
	return errors.Join(append(errs, c.Kafka.Validate(), c.ClickHouse.Validate(), c.Detector.Validate())...)
}

// urlList is a flag that collects URLs from repeats and comma lists. The
// first value given on the command line replaces the file's list (flags win
// over the file, and config.Parse parses the command line twice);
// duplicates are dropped.
type urlList struct {
	dst  *config.StringList
	mine []string // the list as the flags last left it
}

func (l *urlList) String() string {
	if l.dst == nil {
		return ""
	}
	return l.dst.String()
}

func (l *urlList) Set(v string) error {
	if !slices.Equal(*l.dst, l.mine) {
		*l.dst = nil // defaults or the file: the command line replaces them
	}
	var add config.StringList
	if err := add.Set(v); err != nil {
		return err
	}
	for _, u := range add {
		if !slices.Contains(*l.dst, u) {
			*l.dst = append(*l.dst, u)
		}
	}
	l.mine = slices.Clone(*l.dst)
	return nil
}

// runAlerts is the alerts subcommand: flags and -config.file, then
// serveAlerts until ctx ends.
func runAlerts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg alertsConfig
	fs := flag.NewFlagSet("alerts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	logger = logger.With("service", "alerts")
	// On a cluster the schema is `wardpulse migrate -cluster`'s: a plain
	// migration here would create unreplicated tables.
	sharded := cfg.ReaderDatabase != ""
	conn, err := cfg.ClickHouse.Open(ctx, !sharded, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	reader := conn
	if sharded {
		if err := schemas.CheckReplicated(ctx, conn); err != nil {
			return err
		}
		// Reads go through the Distributed tables, without the writer's
		// quorum settings (sequential consistency is for the sink's
		// own watermark reads).
		rc := cfg.ClickHouse
		rc.InsertQuorum = 0
		if reader, err = rc.Dial(ctx, rc.Addr, cfg.ReaderDatabase); err != nil {
			return err
		}
		defer reader.Close()
	}
	return serveAlerts(ctx, cfg, conn, reader, logger, newRegistry())
}

// serveAlerts runs the alerter, the alerts sink (alerts topic -> alerts
// table) and the ops endpoints (/metrics, /healthz, /readyz: ready once a
// run has decided) until ctx ends, and returns after all three stopped. The
// sink writes over conn, the alerter reads over reader (the same connection
// on one server; the Distributed tables on a cluster). Local mode calls it
// with its own connection and registry.
func serveAlerts(ctx context.Context, cfg alertsConfig, conn, reader driver.Conn, logger *slog.Logger, reg *prometheus.Registry) (err error) {
	producer, err := cfg.Kafka.Writer(cfg.Kafka.AlertsTopic)
	if err != nil {
		return err
	}
	// Closed last, after the alerter stopped producing.
	defer func() { err = errors.Join(err, producer.Close()) }()
	transport, err := cfg.Kafka.Transport()
	if err != nil {
		return err
	}
	logClient := replay.Client(cfg.Kafka.Brokers, transport)
	var notifier alerting.Notifier
	if len(cfg.AlertmanagerURLs) > 0 {
		// Open alerts stay active for three runs without a re-push (and
		// at least Alertmanager's default resolve_timeout), so a slow
		// interval does not make them flap.
		notifier = &alerting.Alertmanager{URLs: cfg.AlertmanagerURLs, Validity: max(3*cfg.Interval, 5*time.Minute)}
	}
	sinkHandler := alerting.NewSink(conn, logger)
	alerter, err := alerting.New(alerting.Config{Interval: cfg.Interval, PollInterval: cfg.PollInterval, ResolveWeeks: cfg.ResolveWeeks,
		LookbackWeeks: cfg.LookbackWeeks, Detector: cfg.Detector},
		alerting.Deps{Conn: reader, Producer: producer, Notifier: notifier, Gazetteer: gazetteer.Default(), Taxonomy: taxonomy.Default(),
			StateSynced: func(ctx context.Context) (bool, error) {
				return alertsStored(ctx, logClient, cfg.Kafka.AlertsTopic, sinkHandler)
			}},
		logger, reg)
	if err != nil {
		return fmt.Errorf("starting the alerter: %w", err)
	}
	dialer, err := cfg.Kafka.Dialer()
	if err != nil {
		return err
	}
	sink, err := consume.New(consume.Config{Brokers: cfg.Kafka.Brokers, Dialer: dialer, Topic: cfg.Kafka.AlertsTopic, GroupID: cfg.GroupID, BatchSize: 1000,
		BatchWait: 200 * time.Millisecond, SessionTimeout: 10 * time.Second, RebalanceTimeout: 10 * time.Second, HeartbeatInterval: time.Second,
		JoinGroupBackoff: time.Second}, sinkHandler, logger, prometheus.WrapRegistererWith(prometheus.Labels{"consumer": "alerts_sink"}, reg))
	if err != nil {
		return fmt.Errorf("starting the alerts sink: %w", err)
	}
	mux := wiring.OpsMux(reg, func() error {
		if !alerter.Ready() {
			return errors.New("no run has completed yet (waiting for the alerts sink, or ClickHouse)")
		}
		return nil
	})
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return sink.Run(gctx) })
	g.Go(func() error { return alerter.Run(gctx) })
	g.Go(func() error { return wiring.Serve(gctx, cfg.Listen, mux, logger, nil) })
	return g.Wait()
}

// alertsStored reports whether the sink (or, for partitions it has not
// handled, the alerts table) holds every event on the alerts topic. A topic
// that does not exist yet holds nothing to wait for.
func alertsStored(ctx context.Context, client *kafka.Client, topic string, sink *alerting.Sink) (bool, error) {
	bounds, err := replay.LogBoundsVia(ctx, client, topic)
	if errors.Is(err, kafka.UnknownTopicOrPartition) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	ends := map[int]int64{}
	for _, b := range bounds {
		ends[b.Partition] = b.Next
	}
	return sink.Covers(ctx, ends)
}
