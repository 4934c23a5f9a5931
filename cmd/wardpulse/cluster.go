//go:build dev

package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chcluster"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

type clusterConfig struct {
	Dir        string `yaml:"dir"`
	Shards     int    `yaml:"shards"`
	Replicas   int    `yaml:"replicas"`
	Partitions int    `yaml:"partitions"`
	From       string `yaml:"from"`
	Rate       int    `yaml:"rate"`
	Seed       int64  `yaml:"seed"`
	LogLevel   string `yaml:"log_level"`
}

func (c *clusterConfig) RegisterFlags(fs *flag.FlagSet) {
	home, _ := os.UserHomeDir()
	fs.StringVar(&c.Dir, "dir", filepath.Join(home, ".wardpulse", "cluster"), "directory for ZooKeeper's and the servers' files (emptied on every start: each run is a fresh cluster)")
	fs.IntVar(&c.Shards, "shards", 2, "ClickHouse shards")
	fs.IntVar(&c.Replicas, "replicas", 2, "replicas per shard")
	fs.IntVar(&c.Partitions, "partitions", 8, "partitions of the events topic")
	fs.StringVar(&c.From, "from", "2025-01-01", "first day of the demo events streamed in (YYYY-MM-DD)")
	fs.IntVar(&c.Rate, "rate", 100, "events per second streamed into ingest")
	fs.Int64Var(&c.Seed, "seed", 1, "seed of the demo events")
	fs.StringVar(&c.LogLevel, "log.level", "warn", "debug, info, warn or error")
}

func (c *clusterConfig) Validate() error {
	var errs []error
	if c.Dir == "" {
		errs = append(errs, errors.New("-dir is required"))
	}
	if c.Shards < 1 || c.Replicas < 1 || c.Partitions < c.Shards {
		errs = append(errs, fmt.Errorf("-shards %d, -replicas %d, -partitions %d: want at least one shard and replica and a partition per shard", c.Shards, c.Replicas, c.Partitions))
	}
	if c.Rate <= 0 {
		errs = append(errs, fmt.Errorf("-rate %d must be positive", c.Rate))
	}
	if _, err := time.Parse(time.DateOnly, c.From); err != nil {
		errs = append(errs, fmt.Errorf("-from %q: want YYYY-MM-DD", c.From))
	}
	return errors.Join(errs...)
}

// runCluster runs the pipeline on a replicated ClickHouse cluster on this
// machine (ZooKeeper and shards x replicas of clickhouse-server, as the
// suite's cluster tests do), streams demo events in, and reads commands
// from standard input, so that a person can kill, stop and restart servers
// by hand while events flow and then check the counts against the log.
func runCluster(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg clusterConfig
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", cfg.Dir, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	fmt.Fprintf(stdout, "starting ZooKeeper and %d x %d clickhouse-server processes in %s ...\n", cfg.Shards, cfg.Replicas, cfg.Dir)
	cl, err := chcluster.Start(ctx, chcluster.Config{Dir: filepath.Join(cfg.Dir, "servers"), Shards: cfg.Shards, Replicas: cfg.Replicas}, logger.With("service", "clickhouse"))
	if err != nil {
		return fmt.Errorf("starting the ClickHouse cluster (ZooKeeper and clickhouse-server must be installed: make setup): %w", err)
	}
	defer cl.Close()
	const db = "wardpulse"
	nodes, _, err := cl.Migrate(ctx, db)
	if err != nil {
		return fmt.Errorf("applying the cluster schema: %w", err)
	}
	for _, n := range nodes {
		n.Conn.Close()
	}
	b, err := kafkatest.Start(kafkatest.Config{}, logger.With("service", "broker"))
	if err != nil {
		return err
	}
	defer b.Close()
	kafkaCfg := wiring.Kafka{}
	kafkaCfg.RegisterFlags(flag.NewFlagSet("k", flag.ContinueOnError))
	kafkaCfg.Brokers = b.Addrs()
	if err := wiring.CreateTopics(ctx, kafkaCfg.Brokers, cfg.Partitions, kafkaCfg.Topic, kafkaCfg.DLQTopic, kafkaCfg.AlertsTopic); err != nil {
		return err
	}
	token, tokensFile, err := localToken(cfg.Dir)
	if err != nil {
		return err
	}
	pauseFile, err := localPauseSecret(cfg.Dir)
	if err != nil {
		return err
	}

	icfg, tokens, err := localIngest(tokensFile, "127.0.0.1:0", "127.0.0.1:0", kafkaCfg)
	if err != nil {
		return err
	}

	g, gctx := errgroup.WithContext(ctx)
	ingestReady := make(chan net.Addr, 1)
	g.Go(func() error {
		return serveIngest(gctx, icfg, tokens, logger.With("service", "ingest"), newRegistry(), func(a net.Addr) { ingestReady <- a })
	})
	// One processor group per shard, each writing its shard's replicas
	// with an insert quorum of all of them (docs/cluster.md).
	for shard := 1; shard <= cfg.Shards; shard++ {
		var pcfg processConfig
		pfs := flag.NewFlagSet("process", flag.ContinueOnError)
		pcfg.RegisterFlags(pfs)
		if err := pfs.Parse([]string{"-listen", "127.0.0.1:0", "-shards", strconv.Itoa(cfg.Shards), "-shard", strconv.Itoa(shard)}); err != nil {
			return err
		}
		pcfg.Kafka = kafkaCfg
		pcfg.ClickHouse = wiring.ClickHouse{Addr: strings.Join(cl.ShardAddrs(shard), ","), Database: db, Username: "default", InsertQuorum: cfg.Replicas}
		pcfg.Pause.File = pauseFile
		plog := logger.With("service", "process", "shard", shard)
		conn, err := pcfg.ClickHouse.Open(ctx, false, plog)
		if err != nil {
			return err
		}
		defer conn.Close()
		if err := schemas.CheckReplicated(ctx, conn); err != nil {
			return err
		}
		g.Go(func() error { return serveProcess(gctx, pcfg, conn, plog, newRegistry(), nil) })
	}
	var all []string
	for shard := 1; shard <= cfg.Shards; shard++ {
		all = append(all, cl.ShardAddrs(shard)...)
	}
	readerCfg := wiring.ClickHouse{Addr: strings.Join(all, ","), Database: schemas.ReaderDatabase(db), Username: "default"}
	reader, err := readerCfg.Dial(ctx, readerCfg.Addr, readerCfg.Database)
	if err != nil {
		return err
	}
	defer reader.Close()

	var ingestAddr net.Addr
	select {
	case ingestAddr = <-ingestReady:
	case <-gctx.Done():
		return g.Wait()
	}
	ingestURL := "http://" + ingestAddr.String()
	con := &clusterConsole{cl: cl, reader: reader, kafka: kafkaCfg, logger: logger, out: stdout}
	con.printLayout(cfg, ingestURL, token)
	from, _ := time.Parse(time.DateOnly, cfg.From)
	g.Go(func() error {
		return con.stream(gctx, client.New(ingestURL, token, nil), demo.Config{Seed: cfg.Seed, From: from}, cfg.Rate)
	})
	// Standard input is read outside the group: a read cannot be
	// interrupted, and the end of input must not stop the cluster.
	go func() {
		if con.commands(gctx, os.Stdin) {
			cancel()
		}
	}()
	err = g.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}

// clusterConsole is what the commands read from standard input act on.
type clusterConsole struct {
	cl     *chcluster.Cluster
	reader driver.Conn // the Distributed tables
	kafka  wiring.Kafka
	logger *slog.Logger

	mu         sync.Mutex // serialises output
	out        io.Writer
	sent, want atomic.Int64
}

func (c *clusterConsole) printf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.out, format, args...)
}

func (c *clusterConsole) printLayout(cfg clusterConfig, ingestURL, token string) {
	var s strings.Builder
	fmt.Fprintf(&s, "\nwardpulse on a %d x %d ClickHouse cluster %q (ClickHouse 18.16, ZooKeeper 3.8)\n", cfg.Shards, cfg.Replicas, c.cl.Name())
	for shard := 1; shard <= cfg.Shards; shard++ {
		for r := 1; r <= cfg.Replicas; r++ {
			fmt.Fprintf(&s, "  shard %d replica %d  %s  pid %d\n", shard, r, c.cl.Addr(shard, r), c.cl.Pid(shard, r))
		}
	}
	fmt.Fprintf(&s, "  Kafka-protocol broker %s (%d partitions; partition p is shard p mod %d + 1's)\n", strings.Join(c.kafka.Brokers, ","), cfg.Partitions, cfg.Shards)
	fmt.Fprintf(&s, "  ingest %s/v1/events (bearer token %s), streaming demo events from %s at %d/s\n", ingestURL, token, cfg.From, cfg.Rate)
	fmt.Fprintf(&s, "  read through the Distributed tables: clickhouse-client --port %s -d %s\n", portOf(c.cl.Addr(1, 1)), schemas.ReaderDatabase("wardpulse"))
	fmt.Fprintf(&s, "  rebuild every shard's tables from the log, from another shell:\n    wardpulse replay -cluster %s -shards %d -clickhouse.addr %s -kafka.brokers %s -pause.secret-file %s\n",
		c.cl.Name(), cfg.Shards, c.cl.Addr(1, 1), strings.Join(c.kafka.Brokers, ","), filepath.Join(cfg.Dir, "pause-secret"))
	s.WriteString(`
commands (one per line on standard input; or kill a server's pid by hand and "restart" it):
  status            servers, events sent, offsets stored
  kill S R          SIGKILL shard S's replica R (a crash)
  stop S R          stop it cleanly
  restart S R       start it again on its ports and data
  wait              until every offset on the log is stored (at most 5 minutes)
  counts            events and concerns through the Distributed tables
  audit             check ClickHouse against the log (wardpulse audit)
  quit
`)
	c.printf("%s", s.String())
}

func portOf(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// stream sends the demo events to ingest at rate events a second.
func (c *clusterConsole) stream(ctx context.Context, ic *client.Client, dc demo.Config, rate int) error {
	var events []schemas.Event
	if err := demo.Generate(dc, func(e schemas.Event) error { events = append(events, e); return nil }); err != nil {
		return err
	}
	c.want.Store(int64(len(events)))
	per := max(rate/5, 1)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for i := 0; i < len(events); i += per {
		resp, err := ic.Send(ctx, events[i:min(i+per, len(events))])
		if err != nil {
			return fmt.Errorf("streaming demo events: %w", err)
		}
		c.sent.Add(int64(resp.Accepted + resp.Duplicates))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	c.printf("stream: all %d events sent\n", len(events))
	return nil
}

// commands runs the console until quit (true) or the end of input.
func (c *clusterConsole) commands(ctx context.Context, in io.Reader) (quit bool) {
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if f[0] == "quit" || f[0] == "exit" {
			return true
		}
		if err := c.run(ctx, f); err != nil {
			c.printf("%s: %v\n", f[0], err)
		}
	}
	return false
}

func (c *clusterConsole) run(ctx context.Context, f []string) error {
	node := func() (int, int, error) {
		if len(f) != 3 {
			return 0, 0, errors.New("give the shard and the replica, e.g. " + f[0] + " 1 2")
		}
		s, err1 := strconv.Atoi(f[1])
		r, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || s < 1 || s > c.cl.Shards() || r < 1 || r > c.cl.Replicas() {
			return 0, 0, fmt.Errorf("no server shard %q replica %q (shards 1..%d, replicas 1..%d)", f[1], f[2], c.cl.Shards(), c.cl.Replicas())
		}
		return s, r, nil
	}
	switch f[0] {
	case "status":
		return c.status(ctx)
	case "kill", "stop", "restart":
		s, r, err := node()
		if err != nil {
			return err
		}
		switch f[0] {
		case "kill":
			c.cl.Kill(s, r)
		case "stop":
			err = c.cl.Stop(s, r)
		case "restart":
			err = c.cl.Restart(ctx, s, r)
		}
		if err != nil {
			return err
		}
		c.printf("%s: shard %d replica %d done (pid %d, running %v)\n", f[0], s, r, c.cl.Pid(s, r), c.cl.Running(s, r))
		return nil
	case "wait":
		return c.wait(ctx)
	case "counts":
		var events, concerns uint64
		if err := c.reader.QueryRow(ctx, "SELECT count() FROM events").Scan(&events); err != nil {
			return fmt.Errorf("reading through the Distributed tables (is a whole shard down?): %w", err)
		}
		var n int64
		if err := c.reader.QueryRow(ctx, "SELECT sum(concerns) FROM concern_daily WHERE theme != ''").Scan(&n); err != nil {
			return fmt.Errorf("reading through the Distributed tables: %w", err)
		}
		concerns = uint64(max(n, 0))
		c.printf("counts: %d distinct events, %d concern x theme counts\n", events, concerns)
		return nil
	case "audit":
		rep, err := replay.AuditVia(ctx, c.reader, replay.AuditKafka{Brokers: c.kafka.Brokers, Topic: c.kafka.Topic, DLQTopic: c.kafka.DLQTopic}, replay.DefaultAuditWait, c.logger)
		if err != nil {
			return err
		}
		c.printf("audit: %d messages below the stored offsets, %d distinct events, %d rows; missing %d, doubled %d, foreign %d, cell mismatches %d\n",
			rep.Messages, rep.DistinctEvents, rep.Stored, rep.Missing, rep.Doubled, rep.Foreign, rep.CellMismatches)
		if !rep.OK() {
			return replay.ErrAudit
		}
		c.printf("audit: OK\n")
		return nil
	}
	return fmt.Errorf("unknown command (status, kill S R, stop S R, restart S R, wait, counts, audit, quit)")
}

func (c *clusterConsole) status(ctx context.Context) error {
	for s := 1; s <= c.cl.Shards(); s++ {
		for r := 1; r <= c.cl.Replicas(); r++ {
			state := "down"
			if c.cl.Running(s, r) {
				state = "running"
			}
			c.printf("status: shard %d replica %d %s pid %d %s\n", s, r, c.cl.Addr(s, r), c.cl.Pid(s, r), state)
		}
	}
	stored, end, err := c.offsets(ctx)
	if err != nil {
		c.printf("status: events sent %d of %d; offsets stored: %v\n", c.sent.Load(), c.want.Load(), err)
		return nil
	}
	c.printf("status: events sent %d of %d; offsets stored %d of %d on the log\n", c.sent.Load(), c.want.Load(), stored, end)
	return nil
}

// offsets sums the stored progress markers (every shard's) and the log's
// end offsets.
func (c *clusterConsole) offsets(ctx context.Context) (stored, end int64, err error) {
	p, err := chsink.ReadProgress(ctx, c.reader, "concern_daily")
	if err != nil {
		return 0, 0, err
	}
	bounds, err := replay.LogBounds(ctx, c.kafka.Brokers, c.kafka.Topic)
	if err != nil {
		return 0, 0, err
	}
	for _, b := range bounds {
		end += b.Next
	}
	return p.Total(), end, nil
}

func (c *clusterConsole) wait(ctx context.Context) error {
	deadline := time.Now().Add(5 * time.Minute)
	for {
		stored, end, err := c.offsets(ctx)
		if err == nil && stored == end && c.sent.Load() == c.want.Load() && end > 0 {
			c.printf("wait: every offset on the log is stored (%d)\n", end)
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after 5 minutes %d of %d offsets stored (last error: %v); a shard with a replica down takes no writes until it is back (insert quorum)", stored, end, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
