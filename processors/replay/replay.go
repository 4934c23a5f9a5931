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

// Rebuild replays the log into new tables and swaps them in.
func Rebuild(ctx context.Context, conn driver.Conn, agg *aggregate.Aggregator, cfg Config, logger *slog.Logger) (Report, error) {
	start := time.Now()
	var rep Report
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 5000
	}
	live := chsink.LiveTables()
	next := live.WithSuffix("_rebuild")
	for i, t := range next.All() {
		if err := conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
			return rep, fmt.Errorf("dropping leftover %s: %w", t, err)
		}
		if err := conn.Exec(ctx, fmt.Sprintf("CREATE TABLE %s AS %s", t, live.All()[i])); err != nil {
			return rep, fmt.Errorf("creating %s: %w", t, err)
		}
	}
	sink, err := chsink.New(conn, next, logger, nil)
	if err != nil {
		return rep, err
	}
	client := Client(cfg.Brokers, cfg.Transport)
	bounds, err := LogBoundsVia(ctx, client, cfg.Topic)
	if err != nil {
		return rep, err
	}
	rep.Partitions = bounds
	var total int64
	for _, b := range bounds {
		total += b.Next - b.First
	}
	var bar *progressbar.ProgressBar
	if cfg.Progress != nil {
		bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(cfg.Progress), progressbar.OptionSetDescription("replaying"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionOnCompletion(func() { fmt.Fprintln(cfg.Progress) }))
	}
	// Partitions replay in parallel (one goroutine each, at most one per
	// core): each partition's batches stay in order, which is all the
	// sink needs.
	var mu sync.Mutex
	done := map[int]int64{}
	replayTo := func(ctx context.Context, p int, from, to int64) error {
		return readRangeVia(ctx, cfg.Dialer, cfg.Brokers, cfg.Topic, p, from, to, cfg.BatchSize, func(msgs []kafka.Message) error {
			res, err := agg.Build(ctx, p, msgs, sink)
			if err != nil {
				return err
			}
			if err := sink.Write(ctx, res.Batch); err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			rep.Messages += len(msgs)
			rep.Events += res.Processed
			rep.Duplicates += res.Duplicates
			rep.DeadLetters += len(res.DeadLetters)
			done[p] = res.Batch.Next
			if bar != nil {
				_ = bar.Add(len(msgs))
			}
			return nil
		})
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, b := range bounds {
		if _, err := sink.Load(ctx, b.Partition); err != nil {
			return rep, err
		}
		done[b.Partition] = b.First
		g.Go(func() error {
			if err := replayTo(gctx, b.Partition, b.First, b.Next); err != nil {
				return fmt.Errorf("replaying partition %d: %w", b.Partition, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return rep, err
	}
	if cfg.NoSwap {
		rep.Took = time.Since(start)
		return rep, nil
	}

	// Pause the live processors so nothing writes the live tables while
	// they are caught up with and swapped. The request is signed for the
	// live generation: only a holder of the pause secret can pause.
	if cfg.PauseKey == nil {
		return rep, errors.New("replay: no pause key (-pause.secret-file): the live processors would not pause for the swap")
	}
	token := uuid.NewString()
	st, err := chsink.ReadState(ctx, conn)
	if err != nil {
		return rep, err
	}
	signed := cfg.PauseKey.Sign(st.Generation, token, time.Now())
	if err := chsink.SetState(ctx, conn, chsink.StateKeyPause, signed); err != nil {
		return rep, err
	}
	defer func() {
		// Unpause whatever happens: a failed rebuild must not stop the pipeline.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := chsink.SetState(cctx, conn, chsink.StateKeyPause, ""); err != nil {
			logger.Error("clearing the pause request", "err", err)
		}
	}()
	// A row written with a later version (updated_us in the future, by a
	// writer other than replay) would hide ours: the processors would not
	// pause. Refuse rather than swap under them.
	if st, err = chsink.ReadState(ctx, conn); err != nil {
		return rep, err
	}
	if st.Pause != signed {
		return rep, fmt.Errorf("replay: pipeline_state's pause key reads %q, not our request: a row with a later updated_us overrides it; delete it (ALTER TABLE pipeline_state DELETE WHERE key = '%s') and run again", st.Pause, chsink.StateKeyPause)
	}
	if err := waitPaused(ctx, conn, client, cfg.Topic, token, bounds, cfg.PauseWait, logger); err != nil {
		return rep, err
	}
	liveSink, err := chsink.New(conn, live, logger, nil)
	if err != nil {
		return rep, err
	}
	for _, b := range bounds {
		wm, err := liveSink.Load(ctx, b.Partition)
		if err != nil {
			return rep, err
		}
		if wm.Daily > done[b.Partition] {
			if err := replayTo(ctx, b.Partition, done[b.Partition], wm.Daily); err != nil {
				return rep, fmt.Errorf("catching up partition %d: %w", b.Partition, err)
			}
		}
	}
	if err := check(ctx, conn, next); err != nil {
		return rep, err
	}
	if rep.Diff, err = themeDiff(ctx, conn, live, next); err != nil {
		return rep, err
	}
	old := live.WithSuffix("_old")
	for _, t := range old.All() {
		if err := conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
			return rep, fmt.Errorf("dropping leftover %s: %w", t, err)
		}
	}
	var renames []string
	for i, t := range live.All() {
		renames = append(renames, fmt.Sprintf("%s TO %s, %s TO %s", t, old.All()[i], next.All()[i], t))
	}
	if err := conn.Exec(ctx, "RENAME TABLE "+strings.Join(renames, ", ")); err != nil {
		return rep, fmt.Errorf("swapping rebuilt tables in: %w", err)
	}
	rep.Swapped = true
	rep.Generation = token
	if err := chsink.SetState(ctx, conn, chsink.StateKeyGeneration, token); err != nil {
		return rep, fmt.Errorf("tables are swapped but the generation was not bumped (restart the processors): %w", err)
	}
	if !cfg.KeepOld {
		for _, t := range old.All() {
			if err := conn.Exec(ctx, "DROP TABLE IF EXISTS "+t); err != nil {
				return rep, fmt.Errorf("dropping %s: %w", t, err)
			}
		}
	}
	rep.Took = time.Since(start)
	return rep, nil
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
