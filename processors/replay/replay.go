// Package replay rebuilds every ClickHouse table from the Kafka log and
// audits that the tables hold exactly the log.
//
// Rebuild (for example after a taxonomy change) writes into new tables
// beside the live ones (suffix _rebuild) with the processor's own code
// (processors/aggregate + processors/chsink), so dashboards keep reading the
// complete old tables until the swap:
//
//	create *_rebuild ─► replay [first, end) ─► pause live processors (they ack)
//	  ─► catch up to the live watermarks ─► check ─► RENAME swap + bump generation
//	  ─► unpause (processors reload watermarks from the new tables) ─► drop *_old
//
// Dead letters are not sent again: the live processor already did.
//
// RebuildCluster runs the same steps on a replicated cluster, every shard
// at once: each shard replays the partitions it owns into rebuilt tables
// created on every replica with their own ZooKeeper path, its processors
// pause through its own pipeline_state, and the swap renames the tables on
// every server of every shard before any shard's generation is bumped
// (docs/cluster.md, "Replay on a cluster").
package replay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/schollz/progressbar/v3"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/pause"
	"github.com/wardpulse/wardpulse/schemas"
)

// Config configures a rebuild.
type Config struct {
	Brokers []string
	// Dialer and Transport carry TLS and SASL settings (wiring.Kafka);
	// nil: plain TCP.
	Dialer    *kafka.Dialer
	Transport kafka.RoundTripper
	Topic     string
	BatchSize int
	PauseWait time.Duration // longest wait for live processors to acknowledge the pause
	// PauseKey signs the pause request (processors/pause): the live
	// processors honour only a request signed with the secret they share.
	// Required unless NoSwap.
	PauseKey *pause.Key
	KeepOld  bool      // keep the replaced tables as *_old
	NoSwap   bool      // build and check only
	Progress io.Writer // progress bar output; nil for none
}

// Report summarises a rebuild.
type Report struct {
	Messages, Events, Duplicates, DeadLetters int
	Partitions                                []Bounds
	Swapped                                   bool
	Servers                                   int // where the tables were swapped in
	Generation                                string
	Took                                      time.Duration
	Diff                                      []ThemeDiff
}

// ThemeDiff compares total concerns per theme, live versus rebuilt.
type ThemeDiff struct {
	Theme         string
	Live, Rebuilt int64
}

// Rebuild replays the log into new tables and swaps them in, on one
// server. It reads as the sequence of its steps (run); each step is a
// method of rebuild below.
func Rebuild(ctx context.Context, conn driver.Conn, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) (Report, error) {
	one := &target{conn: conn, servers: []server{{conn: conn}}, copyStmt: func(_ context.Context, _ driver.Conn, live, next, _ string) (string, error) {
		return fmt.Sprintf("CREATE TABLE %s AS %s", next, live), nil
	}}
	return run(ctx, []*target{one}, agg, cfg, logger)
}

// Shard is one shard of a replicated ClickHouse cluster as RebuildCluster
// reaches it.
type Shard struct {
	Number int // from 1, as consume.ShardOf numbers the shards
	// Conn reaches the shard's replicas, failing over between them, with
	// the processors' insert quorum: reads then see only quorum-written
	// rows, and the rebuilt tables and pipeline_state are written so.
	Conn driver.Conn
	// Replicas reach each replica on its own: the rebuilt tables are
	// created, swapped in and dropped on every one.
	Replicas []driver.Conn
}

// Cluster is the replicated cluster RebuildCluster rebuilds.
type Cluster struct {
	Database string  // the database of the shards' local tables (ZooKeeper paths name it)
	Shards   []Shard // every shard, numbered 1..len(Shards), as the processors' -shards
}

// RebuildCluster is Rebuild on a replicated cluster, every shard at once:
// shard N replays the partitions it owns (consume.ShardOf) into rebuilt
// tables created on each of its replicas with a ZooKeeper path of their own
// (schemas.ReplicatedCopyStatement), so the replicas of a rebuilt table
// replicate each other and never the live table; its processors pause
// through its pipeline_state; once every shard is caught up and checked,
// the tables are renamed on every server of every shard, then each shard's
// generation is bumped.
func RebuildCluster(ctx context.Context, c Cluster, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) (Report, error) {
	if len(c.Shards) == 0 {
		return Report{}, errors.New("replay: a cluster without shards")
	}
	var targets []*target
	for i, sh := range c.Shards {
		if sh.Number != i+1 || sh.Conn == nil || len(sh.Replicas) == 0 {
			return Report{}, fmt.Errorf("replay: shard %d of %d: want shards numbered from 1 in order, each with its connection and replicas", sh.Number, len(c.Shards))
		}
		t := &target{label: fmt.Sprintf("shard %d", sh.Number), conn: sh.Conn, serial: true,
			owns: func(p int) bool { return consume.ShardOf(p, len(c.Shards)) == sh.Number },
			copyStmt: func(ctx context.Context, srv driver.Conn, live, next, token string) (string, error) {
				var create string
				if err := srv.QueryRow(ctx, "SHOW CREATE TABLE "+live).Scan(&create); err != nil {
					return "", fmt.Errorf("reading %s's statement: %w", live, err)
				}
				return schemas.ReplicatedCopyStatement(create, c.Database, next, token)
			}}
		for r, conn := range sh.Replicas {
			t.servers = append(t.servers, server{name: fmt.Sprintf("shard %d replica %d", sh.Number, r+1), conn: conn})
		}
		targets = append(targets, t)
	}
	return run(ctx, targets, agg, cfg, logger)
}

// run is a rebuild's steps, over one server or every shard of a cluster.
func run(ctx context.Context, targets []*target, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) (Report, error) {
	r := newRebuild(targets, agg, cfg, logger)
	if err := r.prepareTables(ctx); err != nil {
		return r.rep, err
	}
	if err := r.consumeToLogEnd(ctx); err != nil {
		return r.rep, err
	}
	if cfg.NoSwap {
		return r.finish(), nil
	}
	defer r.releasePause(ctx)
	if err := r.requestPause(ctx); err != nil {
		return r.rep, err
	}
	if err := r.awaitPause(ctx); err != nil {
		return r.rep, err
	}
	if err := r.catchUp(ctx); err != nil {
		return r.rep, err
	}
	if err := r.verify(ctx); err != nil {
		return r.rep, err
	}
	if err := r.swap(ctx); err != nil {
		return r.rep, err
	}
	if err := r.dropOld(ctx); err != nil {
		return r.rep, err
	}
	return r.finish(), nil
}

// target is where a rebuild writes: one server, or one shard of a cluster.
type target struct {
	label   string      // "" on one server; "shard N" (for messages)
	conn    driver.Conn // reads and writes the tables (a shard: its replicas, failing over)
	servers []server    // where the tables are created, renamed and dropped
	// copyStmt is the statement that creates next empty, shaped like
	// live, on srv.
	copyStmt func(ctx context.Context, srv driver.Conn, live, next, token string) (string, error)
	owns     func(partition int) bool // nil: every partition
	// serial: one write at a time (quorum INSERTs into one table are
	// taken one at a time by ClickHouse 18.16; it refuses the others).
	serial  bool
	writeMu sync.Mutex

	sink   *chsink.Sink // writes next
	bounds []Bounds     // the partitions it owns, as the log was when the replay began
	signed string       // its signed pause request, once asked
}

// server is one ClickHouse server of a target.
type server struct {
	name string // "" on one server
	conn driver.Conn
}

// wrap names the target, if it has a name, in err.
func (t *target) wrap(err error) error {
	if t.label == "" {
		return err
	}
	return fmt.Errorf("%s: %w", t.label, err)
}

// rebuild is one Rebuild in progress: what its steps share.
type rebuild struct {
	agg     *aggregate.Aggregator
	cfg     Config
	logger  *slog.Logger
	start   time.Time
	targets []*target

	live, next chsink.Tables
	client     *kafka.Client
	bar        *progressbar.ProgressBar
	token      string // this replay's id: the pause token, the next generation, the rebuilt tables' ZooKeeper paths
	// keepPaused: a swap was left half done on a cluster; the processors
	// must not write until an operator finished or undid it.
	keepPaused bool

	mu   sync.Mutex // guards rep's counters, done and bar while partitions replay
	rep  Report
	done map[int]int64 // per partition, the next offset not yet replayed
}

func newRebuild(targets []*target, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) *rebuild {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 5000
	}
	live := chsink.LiveTables()
	return &rebuild{targets: targets, agg: agg, cfg: cfg, logger: logger, start: time.Now(), token: uuid.NewString(),
		live: live, next: live.WithSuffix("_rebuild"), done: map[int]int64{}}
}

// prepareTables creates the *_rebuild tables empty, shaped like the live
// ones, so the replay writes beside the live tables and dashboards keep
// reading complete data until the swap. A leftover from a failed rebuild
// is dropped first: its content is of unknown completeness. On a cluster
// they are created on every replica of each shard.
func (r *rebuild) prepareTables(ctx context.Context) error {
	for _, tg := range r.targets {
		for _, srv := range tg.servers {
			for i, t := range r.next.All() {
				if err := srv.conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
					return fmt.Errorf("dropping leftover %s%s: %w", t, on(srv), err)
				}
				stmt, err := tg.copyStmt(ctx, srv.conn, r.live.All()[i], t, r.token)
				if err == nil {
					err = srv.conn.Exec(ctx, stmt)
				}
				if err != nil {
					return fmt.Errorf("creating %s%s: %w", t, on(srv), err)
				}
			}
		}
		sink, err := chsink.New(tg.conn, r.next, r.logger, nil)
		if err != nil {
			return err
		}
		tg.sink = sink
	}
	return nil
}

// on names a server of a cluster in a message.
func on(s server) string {
	if s.name == "" {
		return ""
	}
	return " on " + s.name
}

// consumeToLogEnd replays every partition from its first offset to the log
// end read now, with the processor's own code (aggregate + chsink), so the
// rebuilt tables are what the live processors would have written. The live
// processors keep running meanwhile; catchUp covers what they add.
// Partitions replay in parallel (one goroutine each, at most one per core):
// each partition's batches stay in order, which is all the sink needs.
func (r *rebuild) consumeToLogEnd(ctx context.Context) error {
	r.client = Client(r.cfg.Brokers, r.cfg.Transport)
	bounds, err := LogBoundsVia(ctx, r.client, r.cfg.Topic)
	if err != nil {
		return err
	}
	r.rep.Partitions = bounds
	var total int64
	for _, b := range bounds {
		total += b.Next - b.First
	}
	if r.cfg.Progress != nil {
		out := r.cfg.Progress
		r.bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(out), progressbar.OptionSetDescription("replaying"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionOnCompletion(func() { fmt.Fprintln(out) }))
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, b := range bounds {
		tg := r.owner(b.Partition)
		if tg == nil {
			return fmt.Errorf("replay: no shard owns partition %d", b.Partition)
		}
		tg.bounds = append(tg.bounds, b)
		if _, err := tg.sink.Load(ctx, b.Partition); err != nil {
			return err
		}
		r.done[b.Partition] = b.First
		g.Go(func() error {
			if err := r.replayRange(gctx, tg, b.Partition, b.First, b.Next); err != nil {
				return fmt.Errorf("replaying partition %d: %w", b.Partition, err)
			}
			return nil
		})
	}
	return g.Wait()
}

// owner is the target that owns partition p.
func (r *rebuild) owner(p int) *target {
	for _, tg := range r.targets {
		if tg.owns == nil || tg.owns(p) {
			return tg
		}
	}
	return nil
}

// replayRange replays partition p's offsets [from, to) into tg's rebuilt
// tables, counting into the report.
func (r *rebuild) replayRange(ctx context.Context, tg *target, p int, from, to int64) error {
	return readRangeVia(ctx, r.cfg.Dialer, r.cfg.Brokers, r.cfg.Topic, p, from, to, r.cfg.BatchSize, func(msgs []kafka.Message) error {
		res, err := r.agg.Build(ctx, p, msgs, tg.sink)
		if err != nil {
			return err
		}
		if tg.serial {
			tg.writeMu.Lock()
		}
		err = tg.sink.Write(ctx, res.Batch)
		if tg.serial {
			tg.writeMu.Unlock()
		}
		if err != nil {
			return err
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		r.rep.Messages += len(msgs)
		r.rep.Events += res.Processed
		r.rep.Duplicates += res.Duplicates
		r.rep.DeadLetters += len(res.DeadLetters)
		r.done[p] = res.Batch.Next
		if r.bar != nil {
			_ = r.bar.Add(len(msgs))
		}
		return nil
	})
}

// requestPause asks the live processors to stop writing the live tables,
// so they can be caught up with and swapped with nothing in flight. The
// request is signed for the live generation (each shard's own, on a
// cluster): only a holder of the pause secret can pause. releasePause must
// follow, whatever it returns.
func (r *rebuild) requestPause(ctx context.Context) error {
	if r.cfg.PauseKey == nil {
		return errors.New("replay: no pause key (-pause.secret-file): the live processors would not pause for the swap")
	}
	for _, tg := range r.targets {
		st, err := chsink.ReadState(ctx, tg.conn)
		if err != nil {
			return tg.wrap(err)
		}
		tg.signed = r.cfg.PauseKey.Sign(st.Generation, r.token, time.Now())
		if err := chsink.SetState(ctx, tg.conn, chsink.StateKeyPause, tg.signed); err != nil {
			return tg.wrap(err)
		}
	}
	return nil
}

// releasePause clears the pause requests made whatever happened, even when
// ctx is cancelled: a failed rebuild must not stop the pipeline. The
// processors then reload their watermarks if the generation changed. The
// one exception: a swap left half done on a cluster (keepPaused).
func (r *rebuild) releasePause(ctx context.Context) {
	if r.keepPaused {
		r.logger.Error("the pause requests stay in place: the swap is half done (see the error); clear them once the tables are right: INSERT INTO pipeline_state (key, value, updated_us) VALUES ('" + chsink.StateKeyPause + "', '', <now in µs>) on each shard")
		return
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for _, tg := range r.targets {
		if tg.signed == "" {
			continue
		}
		if err := chsink.SetState(cctx, tg.conn, chsink.StateKeyPause, ""); err != nil {
			r.logger.Error("clearing the pause request", "target", tg.label, "err", err)
		}
	}
}

// awaitPause makes sure our request is the one in force and waits for the
// processors to honour it. A row written with a later version (updated_us
// in the future, by a writer other than replay) would hide ours: the
// processors would not pause. Refuse rather than swap under them.
func (r *rebuild) awaitPause(ctx context.Context) error {
	for _, tg := range r.targets {
		st, err := chsink.ReadState(ctx, tg.conn)
		if err != nil {
			return tg.wrap(err)
		}
		if st.Pause != tg.signed {
			return tg.wrap(fmt.Errorf("replay: pipeline_state's pause key reads %q, not our request: a row with a later updated_us overrides it; delete it (ALTER TABLE pipeline_state DELETE WHERE key = '%s') and run again", st.Pause, chsink.StateKeyPause))
		}
		logger := r.logger
		if tg.label != "" {
			logger = logger.With("shard", tg.label)
		}
		if err := waitPaused(ctx, tg.conn, r.client, r.cfg.Topic, r.token, tg.bounds, r.cfg.PauseWait, logger); err != nil {
			return tg.wrap(err)
		}
	}
	return nil
}

// catchUp replays, with the live processors paused, what they wrote while
// consumeToLogEnd ran: each partition up to the live tables' watermark, so
// the rebuilt tables hold exactly what the live ones do.
func (r *rebuild) catchUp(ctx context.Context) error {
	for _, tg := range r.targets {
		liveSink, err := chsink.New(tg.conn, r.live, r.logger, nil)
		if err != nil {
			return err
		}
		for _, b := range tg.bounds {
			wm, err := liveSink.Load(ctx, b.Partition)
			if err != nil {
				return err
			}
			if wm.Daily > r.done[b.Partition] {
				if err := r.replayRange(ctx, tg, b.Partition, r.done[b.Partition], wm.Daily); err != nil {
					return fmt.Errorf("catching up partition %d: %w", b.Partition, err)
				}
			}
		}
	}
	return nil
}

// verify refuses to swap in rebuilt tables that disagree with themselves,
// and records, per theme, how the rebuilt counts differ from the live ones
// (the point of a rebuild after a taxonomy change), summed over the shards.
func (r *rebuild) verify(ctx context.Context) error {
	sums := map[string]*ThemeDiff{}
	for _, tg := range r.targets {
		if err := check(ctx, tg.conn, r.next); err != nil {
			return tg.wrap(err)
		}
		diff, err := themeDiff(ctx, tg.conn, r.live, r.next)
		if err != nil {
			return tg.wrap(err)
		}
		for _, d := range diff {
			if sums[d.Theme] == nil {
				sums[d.Theme] = &ThemeDiff{Theme: d.Theme}
			}
			sums[d.Theme].Live += d.Live
			sums[d.Theme].Rebuilt += d.Rebuilt
		}
	}
	r.rep.Diff = nil
	for _, d := range sums {
		r.rep.Diff = append(r.rep.Diff, *d)
	}
	slices.SortFunc(r.rep.Diff, func(a, b ThemeDiff) int { return strings.Compare(a.Theme, b.Theme) })
	return nil
}

// swap renames live to *_old and *_rebuild to live, in one RENAME per
// server (on one server the dashboards never see a missing table), on
// every server before any generation is bumped, then bumps the generation
// (each shard's) so the processors reload their watermarks from the new
// tables. A RENAME that fails on a cluster's server undoes the ones done;
// if that fails too the processors stay paused (keepPaused) rather than
// write tables that differ from replica to replica.
func (r *rebuild) swap(ctx context.Context) error {
	old := r.live.WithSuffix("_old")
	for _, tg := range r.targets {
		for _, srv := range tg.servers {
			for _, t := range old.All() {
				if err := srv.conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
					return fmt.Errorf("dropping leftover %s%s: %w", t, on(srv), err)
				}
			}
		}
	}
	var renames, undo []string
	for i, t := range r.live.All() {
		renames = append(renames, fmt.Sprintf("%s TO %s, %s TO %s", t, old.All()[i], r.next.All()[i], t))
		undo = append(undo, fmt.Sprintf("%s TO %s, %s TO %s", t, r.next.All()[i], old.All()[i], t))
	}
	var swapped []server
	for _, tg := range r.targets {
		for _, srv := range tg.servers {
			if err := srv.conn.Exec(ctx, "RENAME TABLE "+strings.Join(renames, ", ")); err != nil {
				return r.undoSwap(ctx, srv, err, swapped, "RENAME TABLE "+strings.Join(undo, ", "))
			}
			swapped = append(swapped, srv)
		}
	}
	r.rep.Swapped = true
	r.rep.Servers = len(swapped)
	r.rep.Generation = r.token
	r.logger.Info("rebuilt tables swapped in", "servers", len(swapped), "generation", r.token)
	var errs []error
	for _, tg := range r.targets {
		if err := chsink.SetState(ctx, tg.conn, chsink.StateKeyGeneration, r.token); err != nil {
			errs = append(errs, tg.wrap(fmt.Errorf("tables are swapped but the generation was not bumped (restart the processors): %w", err)))
		}
	}
	return errors.Join(errs...)
}

// undoSwap renames the tables back on the servers already swapped after
// the RENAME on failed did not go through.
func (r *rebuild) undoSwap(ctx context.Context, failed server, err error, swapped []server, undo string) error {
	var stuck []string
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	for _, srv := range swapped {
		if uerr := srv.conn.Exec(cctx, undo); uerr != nil {
			stuck = append(stuck, fmt.Sprintf("%s (%v)", srv.name, uerr))
		}
	}
	if len(stuck) == 0 {
		if len(swapped) > 0 {
			return fmt.Errorf("swapping rebuilt tables in%s: %w (undone on the %d servers already swapped; the live tables are unchanged)", on(failed), err, len(swapped))
		}
		return fmt.Errorf("swapping rebuilt tables in%s: %w", on(failed), err)
	}
	r.keepPaused = true
	return fmt.Errorf("swapping rebuilt tables in%s: %w; undoing it failed on %s, where the rebuilt tables are live and the replaced ones are *_old: "+
		"the processors stay paused; rename them back there (%s), or finish the swap everywhere and bump the generation, then clear the pause",
		on(failed), err, strings.Join(stuck, ", "), undo)
}

// dropOld drops the replaced tables, on every server, unless asked to keep
// them (KeepOld) as a way back.
func (r *rebuild) dropOld(ctx context.Context) error {
	if r.cfg.KeepOld {
		return nil
	}
	for _, tg := range r.targets {
		for _, srv := range tg.servers {
			for _, t := range r.live.WithSuffix("_old").All() {
				if err := srv.conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
					return fmt.Errorf("dropping %s%s: %w", t, on(srv), err)
				}
			}
		}
	}
	return nil
}

// finish stamps the report with the time taken.
func (r *rebuild) finish() Report {
	r.rep.Took = time.Since(r.start)
	return r.rep
}

// waitPaused waits until every partition acknowledged the pause token, or
// until wait passed with no live progress marker moving (no processor is
// running, or every running one is idle and will see the pause before its
// next write).
func waitPaused(ctx context.Context, conn driver.Conn, client *kafka.Client, topic, token string, bounds []Bounds, wait time.Duration, logger *slog.Logger) error {
	if wait <= 0 {
		wait = 10 * time.Second
	}
	before, err := chsink.ReadProgress(ctx, conn, "concern_daily")
	if err != nil {
		return fmt.Errorf("reading live progress: %w", err)
	}
	deadline := time.Now().Add(wait)
	for {
		st, err := chsink.ReadState(ctx, conn)
		if err != nil {
			return err
		}
		acked := 0
		for _, b := range bounds {
			if st.Acks[chsink.AckKey(b.Partition)] == token {
				acked++
			}
		}
		if acked == len(bounds) {
			logger.Info("live processors paused", "partitions", acked)
			return nil
		}
		// Partitions whose processors are idle never reach their gate to
		// acknowledge. A partition whose progress marker equals its log
		// end has no batch in flight (a batch in flight covers messages
		// past the marker), and its next batch will see the pause first.
		if caughtUp, err := allCaughtUp(ctx, conn, client, topic, bounds, st, token); err == nil && caughtUp {
			logger.Info("live processors paused or idle and caught up", "acknowledged", acked, "partitions", len(bounds))
			return nil
		}
		if time.Now().After(deadline) {
			now, err := chsink.ReadProgress(ctx, conn, "concern_daily")
			if err != nil {
				return fmt.Errorf("reading live progress: %w", err)
			}
			if now.Total() != before.Total() {
				return fmt.Errorf("live processors kept writing for %s without acknowledging the pause (%d of %d partitions acknowledged)", wait, acked, len(bounds))
			}
			logger.Info("no live processor wrote during the pause wait; going on", "acknowledged", acked, "partitions", len(bounds))
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// allCaughtUp reports whether every partition of bounds that has not
// acknowledged the pause has its live progress marker at its log end, read
// twice around the markers so a message arriving meanwhile is noticed. On
// a cluster, bounds are one shard's partitions and conn reaches that
// shard: the other shards' partitions have no marker there.
func allCaughtUp(ctx context.Context, conn driver.Conn, client *kafka.Client, topic string, bounds []Bounds, st chsink.State, token string) (bool, error) {
	before, err := LogBoundsVia(ctx, client, topic)
	if err != nil {
		return false, err
	}
	markers, err := chsink.ReadProgress(ctx, conn, "concern_daily")
	if err != nil {
		return false, err
	}
	after, err := LogBoundsVia(ctx, client, topic)
	if err != nil {
		return false, err
	}
	ends := func(bs []Bounds) map[int]int64 {
		m := map[int]int64{}
		for _, b := range bs {
			m[b.Partition] = b.Next
		}
		return m
	}
	was, is := ends(before), ends(after)
	for _, b := range bounds {
		if st.Acks[chsink.AckKey(b.Partition)] == token {
			continue
		}
		end, ok := is[b.Partition]
		if !ok || was[b.Partition] != end || markers[b.Partition] != end {
			return false, nil
		}
	}
	return true, nil
}

// check verifies the rebuilt tables agree with themselves: concern_daily's
// counts equal the concerns table's current versions, theme by theme.
func check(ctx context.Context, conn driver.Conn, t chsink.Tables) error {
	mism, err := dailyMismatches(ctx, conn, t)
	if err != nil {
		return err
	}
	if len(mism) > 0 {
		return fmt.Errorf("rebuilt %s disagrees with %s in %d cells, e.g. %s", t.Daily, t.Concerns, len(mism), mism[0])
	}
	return nil
}

func themeDiff(ctx context.Context, conn driver.Conn, live, next chsink.Tables) ([]ThemeDiff, error) {
	q := fmt.Sprintf(`SELECT theme, sumIf(concerns, src = 'live'), sumIf(concerns, src = 'rebuilt') FROM (
  SELECT theme, concerns, 'live' AS src FROM %s WHERE theme != ''
  UNION ALL
  SELECT theme, concerns, 'rebuilt' AS src FROM %s WHERE theme != ''
) GROUP BY theme ORDER BY theme`, live.Daily, next.Daily)
	rows, err := conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("comparing live and rebuilt counts: %w", err)
	}
	defer rows.Close()
	var out []ThemeDiff
	for rows.Next() {
		var d ThemeDiff
		if err := rows.Scan(&d.Theme, &d.Live, &d.Rebuilt); err != nil {
			return nil, fmt.Errorf("scanning theme counts: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ErrAudit is returned (wrapped) by Audit when the tables and the log disagree.
var ErrAudit = errors.New("audit found discrepancies")
