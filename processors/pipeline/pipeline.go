// Package pipeline is the processor service: it consumes the events topic
// with processors/consume, builds rows with processors/aggregate, sends
// messages it cannot process to the dead-letter topic, and stores the rest
// with processors/chsink, exactly once per offset.
//
// Per batch: check the coordination state (a replay may ask to pause while it
// swaps tables, and a swap means reloading watermarks) -> build -> write dead
// letters (at least once: a crash may repeat one) -> write ClickHouse ->
// commit the Kafka offset.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/pause"
)

// Dead-letter message headers.
const (
	HeaderReason    = "wardpulse-reason"
	HeaderTopic     = "wardpulse-source-topic"
	HeaderPartition = "wardpulse-source-partition"
	HeaderOffset    = "wardpulse-source-offset"
)

// DeadLetterWriter is the part of kafka.Writer the processor needs.
type DeadLetterWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Processor handles the batches of the partitions it is assigned. It
// implements consume.Handler.
type Processor struct {
	topic     string
	conn      driver.Conn
	sink      *chsink.Sink
	agg       *aggregate.Aggregator
	dlq       DeadLetterWriter
	logger    *slog.Logger
	m         *metrics
	pausePoll time.Duration
	pauseKey  *pause.Key    // nil: no pause request is honoured
	pauseAge  time.Duration // oldest pause request honoured
	originals Originals     // nil: stored duplicates are not compared (SetOriginals)

	mu      sync.Mutex
	gens    map[int]string        // generation each partition's watermarks belong to
	settled map[int]consume.Claim // the claim whose assignment of the partition was settled (chsink Load)
	// rejected is the last pause value rejected, so a forged row is
	// logged once, not on every batch (the counter counts every time).
	rejected string
}

// Option configures a Processor.
type Option func(*Processor)

// WithPauseKey makes the processor honour pause requests signed with k
// (by `wardpulse replay`) and made at most maxAge ago (0: one hour).
// Without it every pause request is refused, logged and counted, so a
// replay cannot swap tables under it.
func WithPauseKey(k *pause.Key, maxAge time.Duration) Option {
	return func(p *Processor) {
		p.pauseKey = k
		if maxAge > 0 {
			p.pauseAge = maxAge
		}
	}
}

type metrics struct {
	dlq        *prometheus.CounterVec
	duplicates prometheus.Counter
	dupChecks  *prometheus.CounterVec
	processed  prometheus.Counter
	buildDur   prometheus.Histogram
	stageDur   *prometheus.HistogramVec
	rejected   *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	f := promauto.With(reg)
	return &metrics{
		dlq: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_dlq_total",
			Help: "Messages sent to the dead-letter topic, by source partition.",
		}, []string{"partition"}),
		duplicates: f.NewCounter(prometheus.CounterOpts{
			Name: "wardpulse_processor_duplicates_total",
			Help: "Messages whose event id was already stored from an earlier offset; counted once.",
		}),
		dupChecks: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_duplicate_checks_total",
			Help: "Duplicate event ids compared with their first occurrence, by result: same (a resubmission, counted once), conflict (the id reused for other content: sent to the dead-letter topic), unverified (the first occurrence could not be read).",
		}, []string{"result"}),
		processed: f.NewCounter(prometheus.CounterOpts{
			Name: "wardpulse_processor_events_total",
			Help: "Events turned into rows.",
		}),
		buildDur: f.NewHistogram(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_build_duration_seconds",
			Help:    "Time to validate, resolve and classify one batch.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}),
		stageDur: f.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_stage_duration_seconds",
			Help:    "Time one batch spends in each stage: gate (coordination state), build (validate, look up, classify), dead_letters, write (ClickHouse).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"stage"}),
		rejected: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_pause_rejected_total",
			Help: "Pause requests in pipeline_state ignored because they were not signed by replay's secret, by reason (unsigned, bad_signature, expired, no_key), counted each time a batch or a readiness check reads one.",
		}, []string{"reason"}),
	}
}

// New returns a Processor. conn is used for the coordination state; sink
// decides which tables are written. reg may be nil.
func New(topic string, conn driver.Conn, sink *chsink.Sink, agg *aggregate.Aggregator, dlq DeadLetterWriter, logger *slog.Logger, reg prometheus.Registerer, opts ...Option) (*Processor, error) {
	if topic == "" || conn == nil || sink == nil || agg == nil || dlq == nil {
		return nil, errors.New("pipeline: topic, conn, sink, aggregator and dead-letter writer are required")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	p := &Processor{topic: topic, conn: conn, sink: sink, agg: agg, dlq: dlq, logger: logger, m: newMetrics(reg),
		pausePoll: 200 * time.Millisecond, pauseAge: time.Hour, gens: map[int]string{}, settled: map[int]consume.Claim{}}
	for _, o := range opts {
		o(p)
	}
	return p, nil
}

// Assign loads the partition's watermarks from ClickHouse and resumes from
// concern_daily's: the tables, not Kafka's committed offset, say what is done.
// The first Assign of a consumer-group generation waits out earlier owners
// (chsink Load, when fenced); a reload within the same generation need not.
func (p *Processor) Assign(ctx context.Context, partition int) (int64, error) {
	st, err := chsink.ReadState(ctx, p.conn)
	if err != nil {
		return 0, err
	}
	claim, claimed := consume.ClaimFrom(ctx)
	p.mu.Lock()
	last, ok := p.settled[partition]
	p.mu.Unlock()
	load := p.sink.Load
	if claimed && ok && last == claim {
		load = p.sink.Reload
	}
	wm, err := load(ctx, partition)
	if err != nil {
		return 0, err
	}
	p.mu.Lock()
	p.gens[partition] = st.Generation
	if claimed {
		p.settled[partition] = claim
	} else {
		delete(p.settled, partition)
	}
	p.mu.Unlock()
	if wm.Daily == 0 {
		return kafka.FirstOffset, nil
	}
	return wm.Daily, nil
}

// PartitionIdle tells the sink's group commit whether to wait for the
// partition's next batch (see consume.IdleNotifier).
func (p *Processor) PartitionIdle(partition int, idle bool) { p.sink.SetIdle(partition, idle) }

// Handle makes one batch durable.
func (p *Processor) Handle(ctx context.Context, partition int, msgs []kafka.Message) error {
	t0 := time.Now()
	start := t0
	if err := p.gate(ctx, partition); err != nil {
		return err
	}
	p.m.stageDur.WithLabelValues("gate").Observe(time.Since(start).Seconds())
	start = time.Now()
	var look aggregate.Lookup = p.sink
	if l, ok := p.originals.(aggregate.Log); ok {
		look = logLookup{p.sink, l} // a batch redone after a crash rebuilds versions from the log
	}
	res, err := p.agg.Build(ctx, partition, msgs, look)
	defer p.agg.Release(&res) // at return the sink's Write has returned: it holds no rows of it
	if err != nil {
		return fmt.Errorf("building batch at offset %d: %w", msgs[0].Offset, err)
	}
	p.m.buildDur.Observe(time.Since(start).Seconds())
	p.m.stageDur.WithLabelValues("build").Observe(time.Since(start).Seconds())
	conflicts, err := p.checkDuplicates(ctx, res.Dups)
	if err != nil {
		return err
	}
	res.DeadLetters = append(res.DeadLetters, conflicts...)
	start = time.Now()
	if len(res.DeadLetters) > 0 {
		dl := make([]kafka.Message, len(res.DeadLetters))
		for i, d := range res.DeadLetters {
			dl[i] = kafka.Message{Key: d.Message.Key, Value: d.Message.Value, Headers: []kafka.Header{
				{Key: HeaderReason, Value: []byte(d.Reason)},
				{Key: HeaderTopic, Value: []byte(d.Message.Topic)},
				{Key: HeaderPartition, Value: []byte(strconv.Itoa(d.Message.Partition))},
				{Key: HeaderOffset, Value: []byte(strconv.FormatInt(d.Message.Offset, 10))},
			}}
			p.logger.Warn("dead letter", "partition", partition, "offset", d.Message.Offset, "reason", d.Reason)
		}
		if err := p.dlq.WriteMessages(ctx, dl...); err != nil {
			return fmt.Errorf("writing %d dead letters: %w", len(dl), err)
		}
		p.m.dlq.WithLabelValues(strconv.Itoa(partition)).Add(float64(len(dl)))
	}
	p.m.stageDur.WithLabelValues("dead_letters").Observe(time.Since(start).Seconds())
	start = time.Now()
	if claim, ok := consume.ClaimFrom(ctx); ok {
		res.Batch.Owner = claim // the sink proves it before writing (when fenced)
	}
	if err := p.sink.Write(ctx, res.Batch); err != nil {
		return err
	}
	p.m.stageDur.WithLabelValues("write").Observe(time.Since(start).Seconds())
	p.logger.Debug("batch stored", "partition", partition, "first_offset", msgs[0].Offset, "messages", len(msgs),
		"handle", time.Since(t0), "write", time.Since(start))
	p.m.duplicates.Add(float64(res.Duplicates - len(conflicts)))
	p.m.processed.Add(float64(res.Processed))
	return nil
}

// gate honours a replay's pause request (acknowledging it, so the replay
// knows no write of ours is in flight) and asks for a reload when the table
// generation changed under us. A pause request that is not signed with the
// pause key is ignored (see Paused).
func (p *Processor) gate(ctx context.Context, partition int) error {
	st, err := chsink.ReadState(ctx, p.conn)
	if err != nil {
		return err
	}
	acked := ""
	for {
		req, paused := p.Paused(st)
		if !paused {
			break
		}
		if acked != req.Token {
			if err := chsink.SetState(ctx, p.conn, chsink.AckKey(partition), req.Token); err != nil {
				return err
			}
			acked = req.Token
			p.logger.Info("paused for replay swap", "partition", partition, "token", req.Token, "generation", req.Generation)
		}
		t := time.NewTimer(p.pausePoll)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		if st, err = chsink.ReadState(ctx, p.conn); err != nil {
			return err
		}
	}
	p.mu.Lock()
	gen := p.gens[partition]
	p.mu.Unlock()
	if st.Generation != gen {
		return fmt.Errorf("table generation changed from %q to %q: %w", gen, st.Generation, consume.ErrReload)
	}
	return nil
}

// Paused reports whether st holds a pause request this processor honours:
// one signed with its pause key for the live generation, made within the
// maximum age. A request whose token is already the live generation
// belongs to a replay that has swapped its tables in and is about to clear
// it: not a pause, and not a forgery either. Any other pause value is
// logged (once per value) and counted, and ignored. Readiness calls it too,
// so a paused processor reports "paused by replay generation <token>".
func (p *Processor) Paused(st chsink.State) (pause.Request, bool) {
	if st.Pause == "" || pause.Token(st.Pause) == st.Generation && st.Generation != "" {
		return pause.Request{}, false
	}
	var req pause.Request
	err := errors.New("no pause key configured (-pause.secret-file)")
	reason := "no_key"
	if p.pauseKey != nil {
		if req, err = p.pauseKey.Verify(st.Pause, st.Generation, time.Now(), p.pauseAge); err == nil {
			return req, true
		}
		reason = pause.Reason(err)
	}
	p.m.rejected.WithLabelValues(reason).Inc()
	p.mu.Lock()
	first := p.rejected != st.Pause
	p.rejected = st.Pause
	p.mu.Unlock()
	if first {
		p.logger.Warn("ignoring a pause request in pipeline_state that replay did not sign: processing goes on", "value", st.Pause, "generation", st.Generation, "err", err)
	}
	return pause.Request{}, false
}

// logLookup is the sink's lookup with the log behind it (aggregate.Log).
type logLookup struct {
	*chsink.Sink
	aggregate.Log
}
