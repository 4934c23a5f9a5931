// Package consume runs a Kafka consumer group with one goroutine per
// assigned partition, each reading batches in offset order and handing them
// to a Handler, then committing the offset after the batch.
//
// Delivery: at least once into the Handler. A batch is retried (with a
// bounded, context-bound backoff) until the Handler succeeds, so a partition
// never skips a message; the Handler makes repeats harmless (processors/chsink
// watermarks). Offsets are committed only after the Handler returned nil, and
// where a partition resumes is the Handler's call (Assign), not Kafka's.
//
// Lifecycle: Run joins the group and returns when ctx is cancelled, after
// every partition goroutine has finished its current batch. On a rebalance
// kafka-go cancels the generation's context; a partition goroutine then
// abandons its batch (the next owner will redo it) and exits.
package consume

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"
)

// Handler processes the batches of one partition.
type Handler interface {
	// Assign is called when the partition is assigned (and again after
	// ErrReload or a failed read, in the same generation: ClaimFrom(ctx)
	// says which). It returns the offset to read from: an absolute
	// offset, kafka.FirstOffset, or UseCommitted to start from the
	// group's committed offset (the first offset when none is).
	Assign(ctx context.Context, partition int) (int64, error)
	// Handle makes the batch durable. msgs are consecutive, in offset
	// order. An error wrapping ErrReload asks for Assign to be called
	// again and reading to restart where it says.
	Handle(ctx context.Context, partition int, msgs []kafka.Message) error
}

// IdleNotifier is implemented by a Handler that wants to know when a
// partition has caught up and is waiting for new messages (idle) and when a
// new batch has begun (not idle): a group commit need not wait for an idle
// partition.
type IdleNotifier interface {
	PartitionIdle(partition int, idle bool)
}

// ErrReload is returned (wrapped) by Handler.Handle when the partition must
// be re-assigned, for instance after a replay swapped the tables.
var ErrReload = errors.New("consume: partition must be reloaded")

// UseCommitted, returned by Handler.Assign, starts from the group's
// committed offset.
const UseCommitted int64 = -1000

// Config configures the consumer group.
type Config struct {
	Brokers       []string
	Dialer        *kafka.Dialer // TLS and SASL settings; nil: plain TCP (kafka-go's default dialer)
	Topic         string
	GroupID       string
	BatchSize     int           // most messages in one batch
	BatchWait     time.Duration // longest wait to fill a batch once it has a message
	LagReadyBound int64         // a partition is caught up when its lag is at most this
	// Group timings; zero means kafka-go's defaults.
	SessionTimeout, RebalanceTimeout, HeartbeatInterval, JoinGroupBackoff time.Duration
	MaxBackoff                                                            time.Duration // longest wait between retries of a failed batch
	// Shard and Shards (from 1) restrict the group to the partitions one
	// ClickHouse shard owns (ShardOf); Shards 0 or 1 consumes them all.
	Shard, Shards int
}

// Validate reports what is missing or out of range.
func (c Config) Validate() error {
	var errs []error
	if len(c.Brokers) == 0 {
		errs = append(errs, errors.New("consume: no brokers"))
	}
	if c.Topic == "" {
		errs = append(errs, errors.New("consume: no topic"))
	}
	if c.GroupID == "" {
		errs = append(errs, errors.New("consume: no group id"))
	}
	if c.BatchSize <= 0 {
		errs = append(errs, fmt.Errorf("consume: batch size %d must be positive", c.BatchSize))
	}
	if c.BatchWait <= 0 {
		errs = append(errs, fmt.Errorf("consume: batch wait %s must be positive", c.BatchWait))
	}
	if c.Shards > 1 && (c.Shard < 1 || c.Shard > c.Shards) {
		errs = append(errs, fmt.Errorf("consume: shard %d is not in 1..%d", c.Shard, c.Shards))
	}
	return errors.Join(errs...)
}

// Consumer runs the group. Create it with New and call Run once.
type Consumer struct {
	cfg     Config
	handler Handler
	logger  *slog.Logger
	m       *metrics
	// fillWait bounds how long a batch waits to fill (BatchWait); a test
	// seam (export_test.go) so tests end the wait on cue, not on a clock.
	fillWait func(context.Context) (context.Context, context.CancelFunc)

	mu       sync.Mutex
	assigned map[int]*partitionState
}

type partitionState struct {
	lag      int64
	caughtUp bool
}

type metrics struct {
	fetchDur  prometheus.Histogram
	lag       *prometheus.GaugeVec
	batchSize prometheus.Histogram
	errors    *prometheus.CounterVec
	messages  prometheus.Counter
	assigned  prometheus.Gauge
	anomalies *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	f := promauto.With(reg)
	return &metrics{
		fetchDur: f.NewHistogram(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_fetch_duration_seconds",
			Help:    "Time to gather one batch from the partition (waiting for its first message included).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}),
		lag: f.NewGaugeVec(prometheus.GaugeOpts{
			Name: "wardpulse_processor_consumer_lag",
			Help: "Messages between the last batch handled and the partition's high watermark.",
		}, []string{"partition"}),
		batchSize: f.NewHistogram(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_batch_size",
			Help:    "Messages per batch handed to the sink.",
			Buckets: prometheus.ExponentialBuckets(1, 4, 8),
		}),
		errors: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_errors_total",
			Help: "Errors by stage (fetch, handle, commit, assign); each failed batch is retried.",
		}, []string{"stage"}),
		messages: f.NewCounter(prometheus.CounterOpts{
			Name: "wardpulse_processor_messages_total",
			Help: "Messages handled and committed.",
		}),
		assigned: f.NewGauge(prometheus.GaugeOpts{
			Name: "wardpulse_processor_assigned_partitions",
			Help: "Partitions this processor owns in the current generation.",
		}),
		anomalies: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_lag_anomalies_total",
			Help: "Lag readings below zero (the read position past the partition's end: stored progress that the log does not have), by partition; the gauge shows 0 for them.",
		}, []string{"partition"}),
	}
}

// New validates cfg and returns a Consumer. reg may be nil.
func New(cfg Config, handler Handler, logger *slog.Logger, reg prometheus.Registerer) (*Consumer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if handler == nil {
		return nil, errors.New("consume: nil handler")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 10 * time.Second
	}
	c := &Consumer{cfg: cfg, handler: handler, logger: logger, m: newMetrics(reg), assigned: map[int]*partitionState{}}
	c.fillWait = func(ctx context.Context) (context.Context, context.CancelFunc) {
		return context.WithTimeout(ctx, cfg.BatchWait)
	}
	return c, nil
}

// Ready reports whether the consumer owns partitions and every one has
// caught up to within the lag bound since it was assigned.
func (c *Consumer) Ready() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.assigned) == 0 {
		return false
	}
	for _, p := range c.assigned {
		if !p.caughtUp {
			return false
		}
	}
	return true
}

// Run joins the group and consumes until ctx is cancelled.
func (c *Consumer) Run(ctx context.Context) error {
	var balancers []kafka.GroupBalancer
	if c.cfg.Shards > 1 {
		balancers = []kafka.GroupBalancer{shardBalancer{shard: c.cfg.Shard, shards: c.cfg.Shards, inner: kafka.RangeGroupBalancer{}}}
	}
	group, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{
		GroupBalancers:        balancers,
		ID:                    c.cfg.GroupID,
		Brokers:               c.cfg.Brokers,
		Dialer:                c.cfg.Dialer,
		Topics:                []string{c.cfg.Topic},
		StartOffset:           kafka.FirstOffset,
		SessionTimeout:        c.cfg.SessionTimeout,
		RebalanceTimeout:      c.cfg.RebalanceTimeout,
		HeartbeatInterval:     c.cfg.HeartbeatInterval,
		JoinGroupBackoff:      c.cfg.JoinGroupBackoff,
		WatchPartitionChanges: true,
	})
	if err != nil {
		return fmt.Errorf("joining consumer group %s: %w", c.cfg.GroupID, err)
	}
	defer group.Close()
	for {
		gen, err := group.Next(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, kafka.ErrGroupClosed) {
				return nil
			}
			c.m.errors.WithLabelValues("join").Inc()
			c.logger.Warn("consumer group generation", "err", err)
			if !sleep(ctx, time.Second) {
				return nil
			}
			continue
		}
		c.mu.Lock()
		c.assigned = map[int]*partitionState{}
		for _, pa := range gen.Assignments[c.cfg.Topic] {
			c.assigned[pa.ID] = &partitionState{}
		}
		c.m.assigned.Set(float64(len(c.assigned)))
		c.mu.Unlock()
		c.logger.Info("partitions assigned", "generation", gen.ID, "member", gen.MemberID, "partitions", len(gen.Assignments[c.cfg.Topic]))
		for _, pa := range gen.Assignments[c.cfg.Topic] {
			pa := pa
			gen.Start(func(gctx context.Context) {
				// Stop this partition on shutdown too, not only on rebalance.
				pctx, cancel := context.WithCancel(gctx)
				defer cancel()
				stop := context.AfterFunc(ctx, cancel)
				defer stop()
				c.runPartition(pctx, gen, pa)
			})
		}
	}
}

func (c *Consumer) runPartition(ctx context.Context, gen *kafka.Generation, pa kafka.PartitionAssignment) {
	log := c.logger.With("partition", pa.ID)
	claimCtx := WithClaim(ctx, Claim{gen: gen, topic: c.cfg.Topic, partition: pa.ID})
	for ctx.Err() == nil {
		start, err := c.handler.Assign(claimCtx, pa.ID)
		if err != nil {
			c.m.errors.WithLabelValues("assign").Inc()
			log.Warn("assigning partition", "err", err)
			if !sleep(ctx, time.Second) {
				return
			}
			continue
		}
		if start == UseCommitted {
			start = pa.Offset
		}
		err = c.readLoop(ctx, gen, pa.ID, start, log)
		if ctx.Err() != nil {
			return
		}
		if errors.Is(err, ErrReload) {
			log.Info("reloading partition", "reason", err)
			continue
		}
		c.m.errors.WithLabelValues("read").Inc()
		log.Warn("reading partition", "err", err)
		if !sleep(ctx, time.Second) {
			return
		}
	}
}

// readLoop reads and handles batches from start until ctx ends or the
// handler asks for a reload.
func (c *Consumer) readLoop(ctx context.Context, gen *kafka.Generation, partition int, start int64, log *slog.Logger) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:       c.cfg.Brokers,
		Dialer:        c.cfg.Dialer,
		Topic:         c.cfg.Topic,
		Partition:     partition,
		MinBytes:      1,
		MaxBytes:      4 << 20, // smaller first responses: with 16 MiB one partition waited behind the others' and missed the first group commit
		MaxWait:       c.cfg.BatchWait,
		QueueCapacity: min(c.cfg.BatchSize, 2000), // prefetch depth: enough to overlap fetching with a batch, without holding a second batch in memory
	})
	defer r.Close()
	if err := r.SetOffset(start); err != nil {
		return fmt.Errorf("seeking partition %d to %d: %w", partition, start, err)
	}
	log.Info("reading partition", "from", start)
	idle := idleState{partition: partition}
	idle.notify, _ = c.handler.(IdleNotifier)
	defer idle.set(true) // nothing in hand any more
	lagCtx, cancelLag := context.WithTimeout(ctx, 5*time.Second)
	if lag, err := r.ReadLag(lagCtx); err == nil {
		c.setLag(partition, lag)
		idle.set(lag == 0)
	}
	cancelLag()
	batch := make([]kafka.Message, 0, c.cfg.BatchSize)
	// draining: the next batch may be the last of a backlog (it is the
	// first one, or follows a full one). Such a batch is complete once it
	// reaches the high watermark; any other waits up to BatchWait to fill,
	// which spaces out a trickle's INSERTs.
	draining := true
	for {
		batch = batch[:0]
		fetchStart := time.Now()
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return fmt.Errorf("fetching from partition %d: %w", partition, err)
		}
		idle.set(false)
		batch = append(batch, m)
		fillCtx, cancel := c.fillWait(ctx)
		for len(batch) < c.cfg.BatchSize && !(draining && caughtUp(m)) {
			if m, err = r.FetchMessage(fillCtx); err != nil {
				break
			}
			batch = append(batch, m)
		}
		cancel()
		draining = len(batch) >= c.cfg.BatchSize
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.m.fetchDur.Observe(time.Since(fetchStart).Seconds())
		if err := c.handleWithRetry(WithClaim(ctx, Claim{gen: gen, topic: c.cfg.Topic, partition: partition}), partition, batch, log); err != nil {
			return err
		}
		last := batch[len(batch)-1].Offset
		if err := gen.CommitOffsets(map[string]map[int]int64{c.cfg.Topic: {partition: last + 1}}); err != nil {
			// The sink already holds the batch; a lost commit only means
			// the next owner re-reads it and the watermarks skip it.
			c.m.errors.WithLabelValues("commit").Inc()
			log.Warn("committing offset", "offset", last+1, "err", err)
		}
		c.m.messages.Add(float64(len(batch)))
		c.m.batchSize.Observe(float64(len(batch)))
		c.setLag(partition, r.Stats().Lag)
		idle.set(caughtUp(batch[len(batch)-1]))
	}
}

// caughtUp reports whether m was the partition's last message when it was
// fetched.
func caughtUp(m kafka.Message) bool { return m.Offset+1 >= m.HighWaterMark }

// idleState tells an IdleNotifier (if any) when a partition's idleness
// changes.
type idleState struct {
	partition int
	notify    IdleNotifier
	known     bool
	idle      bool
}

func (s *idleState) set(idle bool) {
	if s.notify == nil || (s.known && s.idle == idle) {
		return
	}
	s.known, s.idle = true, idle
	s.notify.PartitionIdle(s.partition, idle)
}

// setLag records the partition's lag. A negative lag (kafka-go reports the
// high watermark minus the read position) means the position is past the
// end of the log: stored progress the log does not have. It is counted,
// logged, and shown as 0, never as a negative gauge.
func (c *Consumer) setLag(partition int, lag int64) {
	if lag < 0 {
		c.m.anomalies.WithLabelValues(strconv.Itoa(partition)).Inc()
		c.logger.Error("read position is past the end of the partition: the stored progress points beyond the log", "partition", partition, "lag", lag)
		lag = 0
	}
	c.m.lag.WithLabelValues(strconv.Itoa(partition)).Set(float64(lag))
	c.mu.Lock()
	defer c.mu.Unlock()
	if ps, ok := c.assigned[partition]; ok {
		ps.lag = lag
		if lag <= c.cfg.LagReadyBound {
			ps.caughtUp = true
		}
	}
}

func (c *Consumer) handleWithRetry(ctx context.Context, partition int, batch []kafka.Message, log *slog.Logger) error {
	backoff := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := c.handler.Handle(ctx, partition, batch)
		if err == nil {
			return nil
		}
		if errors.Is(err, ErrReload) || ctx.Err() != nil {
			return err
		}
		c.m.errors.WithLabelValues("handle").Inc()
		log.Warn("handling batch; will retry", "first_offset", batch[0].Offset, "messages", len(batch), "attempt", attempt, "err", err)
		if !sleep(ctx, backoff) {
			return ctx.Err()
		}
		backoff = min(backoff*2, c.cfg.MaxBackoff)
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
