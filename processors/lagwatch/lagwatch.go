// Package lagwatch measures each partition's lag from outside the
// processing path: it polls the broker for the partitions' log ends (high
// watermarks) and ClickHouse for the stored progress (the next offset the
// tables hold, from concern_daily's progress markers), on its own timer.
//
// The consumer's own lag gauge moves only after a successful write, so it
// stayed 0 through a 60 s ClickHouse outage with 12,800 events waiting.
// Here a failed progress read keeps the last progress read (nothing can be
// stored while ClickHouse is down), so the lag grows with the log, and a
// failed broker poll makes Current report the broker unreachable.
package lagwatch

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

	"github.com/wardpulse/wardpulse/processors/chsink"
)

// LogEnds returns each partition's next offset on the log (its high
// watermark).
type LogEnds interface {
	LogEnds(ctx context.Context) (map[int]int64, error)
}

// Progress returns each partition's stored next offset.
type Progress interface {
	Progress(ctx context.Context) (map[int]int64, error)
}

// Config configures a Watcher.
type Config struct {
	Interval time.Duration // between polls; default 1 s
	Timeout  time.Duration // per poll of each source; default 1 s
	// StaleAfter is how old the last successful broker poll may be for
	// Current to call the lag current; default 3 × Interval + Timeout.
	StaleAfter time.Duration
	// Owns says which partitions this processor's tables hold (on a
	// sharded cluster, its shard's: consume.ShardOf); nil: all. The
	// others are not reported, so their lag is not counted twice.
	Owns func(partition int) bool
}

// Watcher polls and exports the lag. Create it with New, call Run once;
// Current and Lag are safe for concurrent use.
type Watcher struct {
	cfg    Config
	ends   LogEnds
	prog   Progress
	logger *slog.Logger
	now    func() time.Time
	m      *metrics

	mu         sync.Mutex
	end, done  map[int]int64
	brokerAt   time.Time // last successful broker poll
	brokerErr  error     // last broker poll's error
	progressAt time.Time
	chErr      error
}

type metrics struct {
	end, stored, lag *prometheus.GaugeVec
	errors           *prometheus.CounterVec
	success          *prometheus.GaugeVec
}

// New returns a Watcher; reg may be nil.
func New(cfg Config, ends LogEnds, prog Progress, logger *slog.Logger, reg prometheus.Registerer) (*Watcher, error) {
	if ends == nil || prog == nil {
		return nil, errors.New("lagwatch: log ends and progress sources are required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = time.Second
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Second
	}
	if cfg.StaleAfter <= 0 {
		cfg.StaleAfter = 3*cfg.Interval + cfg.Timeout
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	f := promauto.With(reg)
	return &Watcher{cfg: cfg, ends: ends, prog: prog, logger: logger, now: time.Now, end: map[int]int64{}, done: map[int]int64{},
		m: &metrics{
			end: f.NewGaugeVec(prometheus.GaugeOpts{
				Name: "wardpulse_processor_log_end_offset",
				Help: "Next offset on the log per partition (high watermark), polled from the broker.",
			}, []string{"partition"}),
			stored: f.NewGaugeVec(prometheus.GaugeOpts{
				Name: "wardpulse_processor_stored_offset",
				Help: "Next offset ClickHouse holds per partition (sum of concern_daily's progress markers), polled from ClickHouse; the last value read while ClickHouse does not answer.",
			}, []string{"partition"}),
			lag: f.NewGaugeVec(prometheus.GaugeOpts{
				Name: "wardpulse_processor_partition_lag",
				Help: "Messages on the log not yet stored per partition (log end - stored offset, at least 0), measured from the broker independently of writes.",
			}, []string{"partition"}),
			errors: f.NewCounterVec(prometheus.CounterOpts{
				Name: "wardpulse_processor_lag_poll_errors_total",
				Help: "Failed lag polls by source (broker, clickhouse).",
			}, []string{"source"}),
			success: f.NewGaugeVec(prometheus.GaugeOpts{
				Name: "wardpulse_processor_lag_poll_success_timestamp_seconds",
				Help: "Unix time of the last successful lag poll, by source (broker, clickhouse).",
			}, []string{"source"}),
		}}, nil
}

// Run polls every Interval until ctx ends.
func (w *Watcher) Run(ctx context.Context) error {
	t := time.NewTicker(w.cfg.Interval)
	defer t.Stop()
	for {
		w.Poll(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Poll reads both sources once and updates the lag. Run calls it; tests
// may call it directly.
func (w *Watcher) Poll(ctx context.Context) {
	bctx, cancel := context.WithTimeout(ctx, w.cfg.Timeout)
	end, berr := w.ends.LogEnds(bctx)
	cancel()
	cctx, cancel := context.WithTimeout(ctx, w.cfg.Timeout)
	done, cerr := w.prog.Progress(cctx)
	cancel()
	if ctx.Err() != nil {
		return
	}
	now := w.now()
	w.mu.Lock()
	defer w.mu.Unlock()
	if berr != nil {
		w.m.errors.WithLabelValues("broker").Inc()
		if w.brokerErr == nil {
			w.logger.Warn("lag poll: the broker does not answer", "err", berr)
		}
	} else {
		if w.cfg.Owns != nil {
			for p := range end {
				if !w.cfg.Owns(p) {
					delete(end, p)
				}
			}
		}
		w.end = end
		w.brokerAt = now
		w.m.success.WithLabelValues("broker").Set(float64(now.UnixNano()) / 1e9)
	}
	w.brokerErr = berr
	if cerr != nil {
		w.m.errors.WithLabelValues("clickhouse").Inc()
		if w.chErr == nil {
			w.logger.Warn("lag poll: clickhouse does not answer; keeping the last stored offsets", "err", cerr)
		}
	} else {
		w.done = done
		w.progressAt = now
		w.m.success.WithLabelValues("clickhouse").Set(float64(now.UnixNano()) / 1e9)
	}
	w.chErr = cerr
	for p, e := range w.end {
		d := w.done[p]
		label := strconv.Itoa(p)
		w.m.end.WithLabelValues(label).Set(float64(e))
		w.m.stored.WithLabelValues(label).Set(float64(d))
		if d > e && cerr == nil && berr == nil {
			w.logger.Warn("stored progress is past the log end: a foreign writer or a recreated topic", "partition", p, "stored", d, "log_end", e)
		}
		w.m.lag.WithLabelValues(label).Set(float64(max(0, e-d)))
	}
}

// Lag returns a partition's lag as last measured, and whether it is known.
func (w *Watcher) Lag(partition int) (int64, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	e, ok := w.end[partition]
	if !ok {
		return 0, false
	}
	return max(0, e-w.done[partition]), true
}

// Current returns nil when the last broker poll succeeded within
// StaleAfter, so the lag is measured now; otherwise an error saying why.
func (w *Watcher) Current() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case w.brokerErr != nil:
		return fmt.Errorf("broker unreachable (lag not current): %w", w.brokerErr)
	case w.brokerAt.IsZero():
		return errors.New("lag not measured yet")
	case w.now().Sub(w.brokerAt) > w.cfg.StaleAfter:
		return fmt.Errorf("lag not current: last broker answer %s ago", w.now().Sub(w.brokerAt).Round(time.Millisecond))
	}
	return nil
}

// KafkaLogEnds reads a topic's high watermarks through a kafka-go client.
type KafkaLogEnds struct {
	Client *kafka.Client
	Topic  string
}

// LogEnds implements LogEnds.
func (k KafkaLogEnds) LogEnds(ctx context.Context) (map[int]int64, error) {
	md, err := k.Client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{k.Topic}})
	if err != nil {
		return nil, fmt.Errorf("reading metadata of topic %s: %w", k.Topic, err)
	}
	var req []kafka.OffsetRequest
	for _, t := range md.Topics {
		if t.Name != k.Topic {
			continue
		}
		if t.Error != nil {
			return nil, fmt.Errorf("topic %s: %w", k.Topic, t.Error)
		}
		for _, p := range t.Partitions {
			req = append(req, kafka.LastOffsetOf(p.ID))
		}
	}
	if len(req) == 0 {
		return nil, fmt.Errorf("topic %s has no partitions", k.Topic)
	}
	resp, err := k.Client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{k.Topic: req}})
	if err != nil {
		return nil, fmt.Errorf("listing log ends of topic %s: %w", k.Topic, err)
	}
	out := map[int]int64{}
	for _, po := range resp.Topics[k.Topic] {
		if po.Error != nil {
			return nil, fmt.Errorf("log end of %s/%d: %w", k.Topic, po.Partition, po.Error)
		}
		out[po.Partition] = po.LastOffset
	}
	return out, nil
}

// ClickHouseProgress reads the stored progress from concern_daily's
// progress markers (processors/chsink), the offsets a partition resumes
// from.
type ClickHouseProgress struct {
	Conn driver.Conn
}

// Progress implements Progress.
func (c ClickHouseProgress) Progress(ctx context.Context) (map[int]int64, error) {
	p, err := chsink.ReadProgress(ctx, c.Conn, "concern_daily")
	if err != nil {
		return nil, fmt.Errorf("reading stored progress: %w", err)
	}
	return p, nil
}
