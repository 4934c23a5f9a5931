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
package replay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
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
	"github.com/wardpulse/wardpulse/processors/pause"
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
	Generation                                string
	Took                                      time.Duration
	Diff                                      []ThemeDiff
}

// ThemeDiff compares total concerns per theme, live versus rebuilt.
type ThemeDiff struct {
	Theme         string
	Live, Rebuilt int64
}

// Rebuild replays the log into new tables and swaps them in. It reads as
// the sequence of its steps; each step is a method of rebuild below.
func Rebuild(ctx context.Context, conn driver.Conn, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) (Report, error) {
	r := newRebuild(conn, agg, cfg, logger)
	if err := r.prepareTables(ctx); err != nil {
		return r.rep, err
	}
	if err := r.consumeToLogEnd(ctx); err != nil {
		return r.rep, err
	}
	if cfg.NoSwap {
		return r.finish(), nil
	}
	if err := r.requestPause(ctx); err != nil {
		return r.rep, err
	}
	defer r.releasePause(ctx)
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

// rebuild is one Rebuild in progress: what its steps share.
type rebuild struct {
	conn   driver.Conn
	agg    *aggregate.Aggregator
	cfg    Config
	logger *slog.Logger
	start  time.Time

	live, next chsink.Tables
	sink       *chsink.Sink // writes next
	client     *kafka.Client
	bounds     []Bounds // the log's partitions when the replay began
	bar        *progressbar.ProgressBar
	token      string // this replay's id: the pause token and the next generation
	signed     string // the signed pause request written to pipeline_state

	mu   sync.Mutex // guards rep's counters, done and bar while partitions replay
	rep  Report
	done map[int]int64 // per partition, the next offset not yet replayed
}

func newRebuild(conn driver.Conn, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) *rebuild {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 5000
	}
	live := chsink.LiveTables()
	return &rebuild{conn: conn, agg: agg, cfg: cfg, logger: logger, start: time.Now(),
		live: live, next: live.WithSuffix("_rebuild"), done: map[int]int64{}}
}

// prepareTables creates the *_rebuild tables empty, shaped like the live
// ones, so the replay writes beside the live tables and dashboards keep
// reading complete data until the swap. A leftover from a failed rebuild
// is dropped first: its content is of unknown completeness.
func (r *rebuild) prepareTables(ctx context.Context) error {
	for i, t := range r.next.All() {
		if err := r.conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
			return fmt.Errorf("dropping leftover %s: %w", t, err)
		}
		if err := r.conn.Exec(ctx, fmt.Sprintf("CREATE TABLE %s AS %s", t, r.live.All()[i])); err != nil {
			return fmt.Errorf("creating %s: %w", t, err)
		}
	}
	sink, err := chsink.New(r.conn, r.next, r.logger, nil)
	if err != nil {
		return err
	}
	r.sink = sink
	return nil
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
	r.bounds = bounds
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
		if _, err := r.sink.Load(ctx, b.Partition); err != nil {
			return err
		}
		r.done[b.Partition] = b.First
		g.Go(func() error {
			if err := r.replayRange(gctx, b.Partition, b.First, b.Next); err != nil {
				return fmt.Errorf("replaying partition %d: %w", b.Partition, err)
			}
			return nil
		})
	}
	return g.Wait()
}

// replayRange replays partition p's offsets [from, to) into the rebuilt
// tables, counting into the report.
func (r *rebuild) replayRange(ctx context.Context, p int, from, to int64) error {
	return readRangeVia(ctx, r.cfg.Dialer, r.cfg.Brokers, r.cfg.Topic, p, from, to, r.cfg.BatchSize, func(msgs []kafka.Message) error {
		res, err := r.agg.Build(ctx, p, msgs, r.sink)
		if err != nil {
			return err
		}
		if err := r.sink.Write(ctx, res.Batch); err != nil {
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
// request is signed for the live generation: only a holder of the pause
// secret can pause. Once it returns nil, releasePause must follow.
func (r *rebuild) requestPause(ctx context.Context) error {
	if r.cfg.PauseKey == nil {
		return errors.New("replay: no pause key (-pause.secret-file): the live processors would not pause for the swap")
	}
	r.token = uuid.NewString()
	st, err := chsink.ReadState(ctx, r.conn)
	if err != nil {
		return err
	}
	r.signed = r.cfg.PauseKey.Sign(st.Generation, r.token, time.Now())
	return chsink.SetState(ctx, r.conn, chsink.StateKeyPause, r.signed)
}

// releasePause clears the pause request whatever happened, even when ctx
// is cancelled: a failed rebuild must not stop the pipeline. The
// processors then reload their watermarks if the generation changed.
func (r *rebuild) releasePause(ctx context.Context) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := chsink.SetState(cctx, r.conn, chsink.StateKeyPause, ""); err != nil {
		r.logger.Error("clearing the pause request", "err", err)
	}
}

// awaitPause makes sure our request is the one in force and waits for the
// processors to honour it. A row written with a later version (updated_us
// in the future, by a writer other than replay) would hide ours: the
// processors would not pause. Refuse rather than swap under them.
func (r *rebuild) awaitPause(ctx context.Context) error {
	st, err := chsink.ReadState(ctx, r.conn)
	if err != nil {
		return err
	}
	if st.Pause != r.signed {
		return fmt.Errorf("replay: pipeline_state's pause key reads %q, not our request: a row with a later updated_us overrides it; delete it (ALTER TABLE pipeline_state DELETE WHERE key = '%s') and run again", st.Pause, chsink.StateKeyPause)
	}
	return waitPaused(ctx, r.conn, r.client, r.cfg.Topic, r.token, r.bounds, r.cfg.PauseWait, r.logger)
}

// catchUp replays, with the live processors paused, what they wrote while
// consumeToLogEnd ran: each partition up to the live tables' watermark, so
// the rebuilt tables hold exactly what the live ones do.
func (r *rebuild) catchUp(ctx context.Context) error {
	liveSink, err := chsink.New(r.conn, r.live, r.logger, nil)
	if err != nil {
		return err
	}
	for _, b := range r.bounds {
		wm, err := liveSink.Load(ctx, b.Partition)
		if err != nil {
			return err
		}
		if wm.Daily > r.done[b.Partition] {
			if err := r.replayRange(ctx, b.Partition, r.done[b.Partition], wm.Daily); err != nil {
				return fmt.Errorf("catching up partition %d: %w", b.Partition, err)
			}
		}
	}
	return nil
}

// verify refuses to swap in rebuilt tables that disagree with themselves,
// and records, per theme, how the rebuilt counts differ from the live ones
// (the point of a rebuild after a taxonomy change).
func (r *rebuild) verify(ctx context.Context) error {
	if err := check(ctx, r.conn, r.next); err != nil {
		return err
	}
	diff, err := themeDiff(ctx, r.conn, r.live, r.next)
	r.rep.Diff = diff
	return err
}

// swap renames live to *_old and *_rebuild to live in one RENAME (the
// dashboards never see a missing table), then bumps the generation so the
// processors reload their watermarks from the new tables.
func (r *rebuild) swap(ctx context.Context) error {
	old := r.live.WithSuffix("_old")
	for _, t := range old.All() {
		if err := r.conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
			return fmt.Errorf("dropping leftover %s: %w", t, err)
		}
	}
	var renames []string
	for i, t := range r.live.All() {
		renames = append(renames, fmt.Sprintf("%s TO %s, %s TO %s", t, old.All()[i], r.next.All()[i], t))
	}
	if err := r.conn.Exec(ctx, "RENAME TABLE "+strings.Join(renames, ", ")); err != nil {
		return fmt.Errorf("swapping rebuilt tables in: %w", err)
	}
	r.rep.Swapped = true
	r.rep.Generation = r.token
	if err := chsink.SetState(ctx, r.conn, chsink.StateKeyGeneration, r.token); err != nil {
		return fmt.Errorf("tables are swapped but the generation was not bumped (restart the processors): %w", err)
	}
	return nil
}

// dropOld drops the replaced tables unless asked to keep them (KeepOld) as
// a way back.
func (r *rebuild) dropOld(ctx context.Context) error {
	if r.cfg.KeepOld {
		return nil
	}
	for _, t := range r.live.WithSuffix("_old").All() {
		if err := r.conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
			return fmt.Errorf("dropping %s: %w", t, err)
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

// allCaughtUp reports whether every partition that has not acknowledged
// the pause has its live progress marker at its log end, read twice around
// the markers so a message arriving meanwhile is noticed.
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
	if len(before) != len(after) {
		return false, nil
	}
	for i, b := range after {
		if st.Acks[chsink.AckKey(b.Partition)] == token {
			continue
		}
		if before[i].Next != b.Next || markers[b.Partition] != b.Next {
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
