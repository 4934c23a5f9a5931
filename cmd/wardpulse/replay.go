package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
)

type replayConfig struct {
	LogLevel   string             `yaml:"log_level"`
	Taxonomy   string             `yaml:"taxonomy_file"`
	BatchSize  int                `yaml:"batch_size"`
	PauseWait  time.Duration      `yaml:"pause_wait"`
	KeepOld    bool               `yaml:"keep_old"`
	NoSwap     bool               `yaml:"no_swap"`
	Cluster    string             `yaml:"cluster"`
	Shards     int                `yaml:"shards"`
	Pause      wiring.PauseSecret `yaml:"pause"`
	Kafka      wiring.Kafka       `yaml:"kafka"`
	ClickHouse wiring.ClickHouse  `yaml:"clickhouse"`
}

func (c *replayConfig) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
	fs.StringVar(&c.Taxonomy, "taxonomy-file", "", "taxonomy YAML to classify with (default: the built-in one)")
	fs.IntVar(&c.BatchSize, "batch-size", 5000, "messages per ClickHouse batch")
	fs.DurationVar(&c.PauseWait, "pause-wait", 10*time.Second, "longest wait for live processors to acknowledge the pause before the swap")
	fs.BoolVar(&c.KeepOld, "keep-old", false, "keep the replaced tables as *_old")
	fs.BoolVar(&c.NoSwap, "no-swap", false, "build and check the *_rebuild tables, do not swap them in")
	fs.StringVar(&c.Cluster, "cluster", "", "rebuild on every server of this remote_servers cluster (as the server at -clickhouse.addr lists it in system.clusters): each shard replays the partitions it owns into tables of its own on every replica, and all shards swap together (docs/cluster.md)")
	fs.IntVar(&c.Shards, "shards", 0, "with -cluster: the processors' -shards, which must be the cluster's shard count (partition p belongs to shard p mod shards + 1)")
	c.Pause.RegisterFlags(fs)
	c.Kafka.RegisterFlags(fs)
	c.ClickHouse.RegisterFlags(fs)
}

func (c *replayConfig) Validate() error {
	var errs []error
	if k, err := c.Pause.Key(); err != nil {
		errs = append(errs, err)
	} else if k == nil && !c.NoSwap {
		errs = append(errs, errors.New("-pause.secret-file (or env WARDPULSE_PAUSE_SECRET) is required to pause the processors for the swap; the processors must share it"))
	}
	if c.Cluster != "" && c.Shards < 2 {
		errs = append(errs, fmt.Errorf("-cluster %s: give -shards, the processors' shard count (at least 2)", c.Cluster))
	}
	if c.Cluster == "" && c.Shards > 1 {
		errs = append(errs, errors.New("-shards: give -cluster too, the remote_servers cluster whose shards the processors write"))
	}
	return errors.Join(append(errs, c.Kafka.Validate(), c.ClickHouse.Validate())...)
}

func runReplay(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg replayConfig
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	logger = logger.With("service", "replay")
	agg, err := newAggregator(cfg.Taxonomy)
	if err != nil {
		return err
	}
	pauseKey, err := cfg.Pause.Key()
	if err != nil {
		return err
	}
	dialer, transport, err := cfg.Kafka.Connectors()
	if err != nil {
		return err
	}
	rcfg := replay.Config{Brokers: cfg.Kafka.Brokers, Dialer: dialer, Transport: transport, Topic: cfg.Kafka.Topic, BatchSize: cfg.BatchSize,
		PauseWait: cfg.PauseWait, PauseKey: pauseKey, KeepOld: cfg.KeepOld, NoSwap: cfg.NoSwap, Progress: stderr}
	var rep replay.Report
	if cfg.Cluster != "" {
		cluster, closeAll, err := replayCluster(ctx, cfg.ClickHouse, cfg.Cluster, cfg.Shards)
		if err != nil {
			return err
		}
		defer closeAll()
		rep, err = replay.RebuildCluster(ctx, cluster, agg, rcfg, logger)
		if err != nil {
			return err
		}
	} else {
		conn, err := cfg.ClickHouse.Open(ctx, true, logger)
		if err != nil {
			return err
		}
		defer conn.Close()
		if rep, err = replay.Rebuild(ctx, conn, agg, rcfg, logger); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "replayed %d messages from %d partitions in %s: %d events, %d duplicates, %d dead letters (taxonomy %s)\n",
		rep.Messages, len(rep.Partitions), rep.Took.Round(time.Millisecond), rep.Events, rep.Duplicates, rep.DeadLetters, agg.TaxonomyVersion())
	if len(rep.Diff) > 0 {
		fmt.Fprintf(stdout, "%-24s %10s %10s\n", "theme", "before", "after")
		for _, d := range rep.Diff {
			fmt.Fprintf(stdout, "%-24s %10d %10d\n", d.Theme, d.Live, d.Rebuilt)
		}
	}
	if rep.Swapped && cfg.Cluster != "" {
		fmt.Fprintf(stdout, "swapped the rebuilt tables in on %d servers of %d shards (generation %s)\n", rep.Servers, cfg.Shards, rep.Generation)
	} else if rep.Swapped {
		fmt.Fprintf(stdout, "swapped the rebuilt tables in (generation %s)\n", rep.Generation)
	} else {
		fmt.Fprintln(stdout, "built *_rebuild tables; not swapped (-no-swap)")
	}
	return nil
}

// replayCluster connects to every shard of cluster for a replay: the
// shard's replicas together, failing over, with an insert quorum of all of
// them unless -clickhouse.insert-quorum says otherwise (the processors'
// writes and reads are quorum ones: a replay's must be too, or they would
// not see its pause request), and each replica on its own for the tables'
// CREATE, RENAME and DROP. The shards must be the processors' (-shards) and
// hold the cluster schema.
func replayCluster(ctx context.Context, ch wiring.ClickHouse, cluster string, shards int) (replay.Cluster, func(), error) {
	var conns []driver.Conn
	closeAll := func() {
		for _, c := range conns {
			c.Close()
		}
	}
	fail := func(err error) (replay.Cluster, func(), error) {
		closeAll()
		return replay.Cluster{}, nil, err
	}
	boot, err := ch.Dial(ctx, ch.Addr, ch.Database)
	if err != nil {
		return fail(err)
	}
	nodes, err := schemas.ClusterNodes(ctx, boot, cluster)
	boot.Close()
	if err != nil {
		return fail(err)
	}
	addrs := map[int][]string{}
	for _, n := range nodes {
		addrs[n.Shard] = append(addrs[n.Shard], n.Addr)
	}
	if len(addrs) != shards {
		return fail(fmt.Errorf("cluster %s has %d shards, -shards says %d: the partitions' owners (partition mod shards) would not be the processors'", cluster, len(addrs), shards))
	}
	out := replay.Cluster{Database: ch.Database}
	for shard := 1; shard <= shards; shard++ {
		if len(addrs[shard]) == 0 {
			return fail(fmt.Errorf("cluster %s: no shard %d in system.clusters", cluster, shard))
		}
		sc := ch
		if sc.InsertQuorum == 0 {
			sc.InsertQuorum = len(addrs[shard])
		}
		conn, err := sc.Dial(ctx, strings.Join(addrs[shard], ","), ch.Database)
		if err != nil {
			return fail(fmt.Errorf("shard %d: %w", shard, err))
		}
		conns = append(conns, conn)
		if err := schemas.CheckReplicated(ctx, conn); err != nil {
			return fail(fmt.Errorf("shard %d: %w", shard, err))
		}
		sh := replay.Shard{Number: shard, Conn: conn}
		for r, addr := range addrs[shard] {
			c, err := sc.Dial(ctx, addr, ch.Database)
			if err != nil {
				return fail(fmt.Errorf("shard %d replica %d: %w", shard, r+1, err))
			}
			conns = append(conns, c)
			sh.Replicas = append(sh.Replicas, c)
		}
		out.Shards = append(out.Shards, sh)
	}
	return out, closeAll, nil
}

func runAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg struct {
		LogLevel   string            `yaml:"log_level"`
		Wait       time.Duration     `yaml:"wait"`
		Kafka      wiring.Kafka      `yaml:"kafka"`
		ClickHouse wiring.ClickHouse `yaml:"clickhouse"`
	}
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.LogLevel, "log.level", "warn", "debug, info, warn or error")
	fs.DurationVar(&cfg.Wait, "wait", replay.DefaultAuditWait, "longest wait for the broker to deliver the next messages of a partition before the audit gives up (it never waits for offsets past the end of the log)")
	cfg.Kafka.RegisterFlags(fs)
	cfg.ClickHouse.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	logger = logger.With("service", "audit")
	conn, err := cfg.ClickHouse.Open(ctx, false, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	if cfg.Wait <= 0 {
		return fmt.Errorf("audit: -wait %s must be positive", cfg.Wait)
	}
	dialer, transport, err := cfg.Kafka.Connectors()
	if err != nil {
		return err
	}
	rep, err := replay.AuditVia(ctx, conn, replay.AuditKafka{Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topic, DLQTopic: cfg.Kafka.DLQTopic,
		Dialer: dialer, Transport: transport}, cfg.Wait, logger)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "log: %d messages below the stored offsets, %d dead letters, %d distinct events\n", rep.Messages, rep.DeadLetters, rep.DistinctEvents)
	fmt.Fprintf(stdout, "clickhouse: %d event rows; missing %d, doubled %d, foreign %d; concern_daily cells disagreeing with concerns: %d; partitions whose stored progress is past the log's end: %d\n",
		rep.Stored, rep.Missing, rep.Doubled, rep.Foreign, rep.CellMismatches, rep.PastEnd)
	fmt.Fprintf(stdout, "follow-ups: %d rows in concern_actions and concern_outcomes, %d disagreeing with the events; %d live follow-ups name a concern that is not stored (kept, shown nowhere)\n",
		rep.FollowUpRows, rep.FollowUpMismatches, rep.OrphanFollowUps)
	for _, e := range rep.Examples {
		fmt.Fprintln(stdout, "  "+e)
	}
	if !rep.OK() {
		return replay.ErrAudit
	}
	fmt.Fprintln(stdout, "OK: ClickHouse holds exactly the events on the log up to the stored offsets")
	return nil
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg struct {
		ClickHouse wiring.ClickHouse `yaml:"clickhouse"`
		Cluster    string            `yaml:"cluster"`
	}
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.ClickHouse.RegisterFlags(fs)
	fs.StringVar(&cfg.Cluster, "cluster", "", "apply the cluster schema (replicated tables, Distributed tables in <database>_all) to every server of this remote_servers cluster, as -clickhouse.addr lists them")
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger("info")
	if err != nil {
		return err
	}
	ms, err := schemas.Migrations()
	if err != nil {
		return err
	}
	if cfg.Cluster != "" {
		return migrateCluster(ctx, cfg.ClickHouse, cfg.Cluster, stdout, logger)
	}
	conn, err := cfg.ClickHouse.Open(ctx, true, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	fmt.Fprintf(stdout, "database %s is at migration %04d\n", cfg.ClickHouse.Database, ms[len(ms)-1].Version)
	return nil
}

// migrateCluster applies the cluster schema on every server of cluster.
func migrateCluster(ctx context.Context, ch wiring.ClickHouse, cluster string, stdout io.Writer, logger *slog.Logger) error {
	boot, err := ch.Dial(ctx, ch.Addr, "default")
	if err != nil {
		return err
	}
	nodes, err := schemas.ClusterNodes(ctx, boot, cluster)
	boot.Close()
	if err != nil {
		return err
	}
	for i := range nodes {
		n := &nodes[i]
		b, err := ch.Dial(ctx, n.Addr, "default")
		if err != nil {
			return fmt.Errorf("shard %d replica %d: %w", n.Shard, n.Replica, err)
		}
		err = schemas.EnsureDatabase(ctx, b, ch.Database)
		b.Close()
		if err != nil {
			return fmt.Errorf("shard %d replica %d: %w", n.Shard, n.Replica, err)
		}
		if n.Conn, err = ch.Dial(ctx, n.Addr, ch.Database); err != nil {
			return fmt.Errorf("shard %d replica %d: %w", n.Shard, n.Replica, err)
		}
		defer n.Conn.Close()
	}
	applied, err := schemas.MigrateCluster(ctx, nodes, cluster, ch.Database, logger)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "cluster %s: %d servers, %d migration steps applied; readers use database %s\n", cluster, len(nodes), applied, schemas.ReaderDatabase(ch.Database))
	return nil
}
