package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/lagwatch"
	"github.com/wardpulse/wardpulse/processors/pipeline"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

type processConfig struct {
	Listen     string             `yaml:"listen"`
	LogLevel   string             `yaml:"log_level"`
	GroupID    string             `yaml:"group_id"`
	BatchSize  int                `yaml:"batch_size"`
	BatchWait  time.Duration      `yaml:"batch_wait"`
	GroupWait  time.Duration      `yaml:"write_group_wait"`
	WriteLease time.Duration      `yaml:"write_lease"`
	Session    time.Duration      `yaml:"session_timeout"`
	ReadyLag   int64              `yaml:"ready_lag"`
	Taxonomy   string             `yaml:"taxonomy_file"`
	Pprof      bool               `yaml:"debug_pprof"`
	Shard      int                `yaml:"shard"`
	Shards     int                `yaml:"shards"`
	LagPoll    time.Duration      `yaml:"lag_poll_interval"`
	Pause      wiring.PauseSecret `yaml:"pause"`
	PauseAge   time.Duration      `yaml:"pause_max_age"`
	Kafka      wiring.Kafka       `yaml:"kafka"`
	ClickHouse wiring.ClickHouse  `yaml:"clickhouse"`
}

func (c *processConfig) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8081", "address of /metrics, /healthz and /readyz")
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
	fs.StringVar(&c.GroupID, "group-id", "wardpulse-processor", "Kafka consumer group")
	fs.IntVar(&c.BatchSize, "batch-size", 10000, "most messages per ClickHouse batch")
	fs.DurationVar(&c.BatchWait, "batch-wait", 200*time.Millisecond, "longest wait to fill a batch")
	fs.DurationVar(&c.GroupWait, "write-group-wait", 300*time.Millisecond, "longest wait for the other partitions' batches, to store them all in one INSERT per table (0: one INSERT per batch)")
	fs.DurationVar(&c.WriteLease, "write-lease", 5*time.Second, "fencing: each write must reach ClickHouse within this long of its ownership proof, and a newly assigned partition waits this long plus 1s before loading (whole seconds; 0 disables fencing: unsafe with more than one processor, see docs/exactly-once.md)")
	fs.DurationVar(&c.Session, "session-timeout", 10*time.Second, "Kafka consumer-group session (and rebalance) timeout: a member silent this long loses its partitions")
	fs.Int64Var(&c.ReadyLag, "ready-lag", 1000, "a partition counts as caught up (for /readyz) at or under this lag")
	fs.StringVar(&c.Taxonomy, "taxonomy-file", "", "taxonomy YAML to classify with (default: the built-in one)")
	fs.BoolVar(&c.Pprof, "debug.pprof", false, "serve Go profiles under /debug/pprof/ on the -listen address")
	fs.IntVar(&c.Shards, "shards", 0, "on a ClickHouse cluster: the number of shards (0 or 1: one server)")
	fs.IntVar(&c.Shard, "shard", 0, "on a ClickHouse cluster: the shard (from 1) this processor writes; it consumes only the partitions that shard owns (partition mod shards), in group <group-id>-shard<N>, and -clickhouse.addr lists that shard's replicas")
	fs.DurationVar(&c.LagPoll, "lag-poll-interval", time.Second, "how often the lag is measured from the broker's log ends and ClickHouse's stored offsets (independently of writes)")
	c.Pause.RegisterFlags(fs)
	fs.DurationVar(&c.PauseAge, "pause.max-age", time.Hour, "oldest signed pause request honoured (a replay's pause lasts while it catches up and swaps)")
	c.Kafka.RegisterFlags(fs)
	c.ClickHouse.RegisterFlags(fs)
}

func (c *processConfig) Validate() error {
	var errs []error
	if c.Shards > 1 && (c.Shard < 1 || c.Shard > c.Shards) {
		errs = append(errs, fmt.Errorf("-shard %d: give the shard this processor writes, 1..%d", c.Shard, c.Shards))
	}
	if c.WriteLease < 0 || (c.WriteLease > 0 && c.WriteLease%time.Second != 0) {
		errs = append(errs, fmt.Errorf("write-lease %s: use 0 or whole seconds", c.WriteLease))
	}
	if c.Session < time.Second {
		errs = append(errs, fmt.Errorf("session-timeout %s: at least 1s", c.Session))
	}
	if c.Pause.Secret != "" && c.Pause.File != "" {
		errs = append(errs, errors.New("-pause.secret and -pause.secret-file: give one"))
	}
	return errors.Join(append(errs, c.Kafka.Validate(), c.ClickHouse.Validate())...)
}

func runProcess(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg processConfig
	fs := flag.NewFlagSet("process", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	logger = logger.With("service", "process")
	reg := newRegistry()
	// On a cluster the schema is `wardpulse migrate -cluster`'s: a plain
	// migration here would create unreplicated tables.
	sharded := cfg.Shards > 1
	conn, err := cfg.ClickHouse.Open(ctx, !sharded, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	if sharded {
		if err := schemas.CheckReplicated(ctx, conn); err != nil {
			return err
		}
	}
	return serveProcess(ctx, cfg, conn, logger, reg, nil)
}

// loadTaxonomy returns the built-in taxonomy or the one in path.
func loadTaxonomy(path string) (*taxonomy.Taxonomy, error) {
	if path == "" {
		return taxonomy.Default(), nil
	}
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := taxonomy.Load(f)
	if err != nil {
		return nil, fmt.Errorf("loading taxonomy %s: %w", path, err)
	}
	return t, nil
}

func newAggregator(taxonomyFile string) (*aggregate.Aggregator, error) {
	tax, err := loadTaxonomy(taxonomyFile)
	if err != nil {
		return nil, err
	}
	v, err := schemas.NewValidator()
	if err != nil {
		return nil, err
	}
	return aggregate.New(gazetteer.Default(), tax, v)
}

// serveProcess runs the processor until ctx ends. Shutdown: the consumer
// stops (each partition finishes or abandons its batch; abandoned batches are
// redone by the next owner without double counting), then the dead-letter
// writer flushes, then the HTTP server stops.
func serveProcess(ctx context.Context, cfg processConfig, conn driver.Conn, logger *slog.Logger, reg *prometheus.Registry, ready func(net.Addr)) error {
	agg, err := newAggregator(cfg.Taxonomy)
	if err != nil {
		return err
	}
	if cfg.WriteLease == 0 {
		logger.Warn("write fencing is off (-write-lease 0): a processor that stalls past the session timeout can double or lose counts")
	}
	sinkOpts := []chsink.Option{chsink.WithGroupWait(cfg.GroupWait), chsink.WithLease(cfg.WriteLease)}
	if addrs := strings.Split(cfg.ClickHouse.Addr, ","); len(addrs) > 1 && cfg.WriteLease > 0 {
		// A shard's replicas: a writer that failed over may have an
		// INSERT running on any of them (docs/exactly-once.md).
		for _, a := range addrs {
			w, err := cfg.ClickHouse.Dial(ctx, strings.TrimSpace(a), cfg.ClickHouse.Database)
			if err != nil {
				logger.Warn("connecting to a replica to watch its INSERTs; not watching it", "addr", a, "err", err)
				continue
			}
			defer w.Close()
			sinkOpts = append(sinkOpts, chsink.WithSettleWatch(w))
		}
	}
	sink, err := chsink.New(conn, chsink.LiveTables(), logger, reg, sinkOpts...)
	if err != nil {
		return err
	}
	dlq, err := cfg.Kafka.Writer(cfg.Kafka.DLQTopic)
	if err != nil {
		return err
	}
	dialer, transport, err := cfg.Kafka.Connectors()
	if err != nil {
		return err
	}
	pauseKey, err := cfg.Pause.Key()
	if err != nil {
		return err
	}
	if pauseKey == nil {
		logger.Warn("no pause secret (-pause.secret-file): every pause request is ignored, so `wardpulse replay` cannot swap tables under this processor")
	}
	proc, err := pipeline.New(cfg.Kafka.Topic, conn, sink, agg, dlq, logger, reg, pipeline.WithPauseKey(pauseKey, cfg.PauseAge))
	if err != nil {
		return err
	}
	validator, err := schemas.NewValidator()
	if err != nil {
		return err
	}
	proc.SetOriginals(pipeline.NewLogOriginals(cfg.Kafka.Brokers, cfg.Kafka.Topic, validator))
	group := cfg.GroupID
	if cfg.Shards > 1 {
		group = fmt.Sprintf("%s-shard%d", cfg.GroupID, cfg.Shard)
	}
	consumer, err := consume.New(consume.Config{Brokers: cfg.Kafka.Brokers, Dialer: dialer, Topic: cfg.Kafka.Topic, GroupID: group, Shard: cfg.Shard, Shards: cfg.Shards,
		BatchSize: cfg.BatchSize, BatchWait: cfg.BatchWait, LagReadyBound: cfg.ReadyLag,
		SessionTimeout: cfg.Session, RebalanceTimeout: cfg.Session, HeartbeatInterval: min(time.Second, cfg.Session/3), JoinGroupBackoff: time.Second}, proc, logger, reg)
	if err != nil {
		return err
	}
	var owns func(int) bool
	if cfg.Shards > 1 {
		owns = func(p int) bool { return consume.ShardOf(p, cfg.Shards) == cfg.Shard }
	}
	lag, err := lagwatch.New(lagwatch.Config{Interval: cfg.LagPoll, Owns: owns},
		lagwatch.KafkaLogEnds{Client: &kafka.Client{Addr: kafka.TCP(cfg.Kafka.Brokers...), Transport: transport}, Topic: cfg.Kafka.Topic},
		lagwatch.ClickHouseProgress{Conn: conn}, logger, reg)
	if err != nil {
		return err
	}
	mux := wiring.OpsMux(reg, wiring.CachedCheck(time.Second, 2*time.Second, func(ctx context.Context) error {
		return processReady(ctx, conn, proc, lag, consumer)
	}))
	if cfg.Pprof {
		wiring.AddPprof(mux)
	}
	g, gctx := errgroup.WithContext(ctx)
	consumerCtx, stopConsumer := context.WithCancel(gctx)
	defer stopConsumer()
	g.Go(func() error {
		defer stopConsumer()
		return consumer.Run(consumerCtx)
	})
	g.Go(func() error { return wiring.Serve(gctx, cfg.Listen, mux, logger, ready) })
	g.Go(func() error { return lag.Run(consumerCtx) })
	err = g.Wait()
	return errors.Join(err, dlq.Close())
}

// processReady is the processor's /readyz: ClickHouse answers now (reading
// the coordination state), no signed pause request holds it, the broker
// answers and the lag is measured now (lagwatch), and every assigned
// partition caught up since it was assigned (consume).
func processReady(ctx context.Context, conn driver.Conn, proc *pipeline.Processor, lag *lagwatch.Watcher, consumer *consume.Consumer) error {
	st, err := chsink.ReadState(ctx, conn)
	if err != nil {
		return fmt.Errorf("clickhouse unreachable: %w", err)
	}
	if req, paused := proc.Paused(st); paused {
		return fmt.Errorf("paused by replay generation %s (asked %s)", req.Token, req.At.UTC().Format(time.RFC3339))
	}
	if err := lag.Current(); err != nil {
		return err
	}
	if !consumer.Ready() {
		return errors.New("partitions not assigned or not caught up")
	}
	return nil
}
