// Package publish writes accepted events to the Kafka events topic and
// returns only when Kafka has acknowledged them (acks=all), with a bound on
// the events in flight so a slow broker turns into back-pressure (ErrBusy)
// rather than unbounded memory.
package publish

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/semaphore"
)

// ErrBusy is returned by Publish when the in-flight limit stayed full for
// longer than AcquireWait: the caller should answer 429 and let the client
// retry.
var ErrBusy = errors.New("publish: too many events in flight")

// Config configures the publisher.
type Config struct {
	Brokers      []string
	Topic        string
	MaxInFlight  int64         // events awaiting a Kafka ack, across all requests
	AcquireWait  time.Duration // how long a request waits for room before ErrBusy
	BatchTimeout time.Duration // kafka-go's linger: how long to wait to fill a produce batch
	WriteTimeout time.Duration // longest wait for one produce to be acknowledged
	// Transport and Dialer carry TLS and SASL settings (wiring.Kafka);
	// nil means plain TCP.
	Transport kafka.RoundTripper
	Dialer    *kafka.Dialer
	// ReadyTimeout bounds Ready's live check (default 2 s); ReadyCache is
	// how long its answer is reused (default 1 s).
	ReadyTimeout, ReadyCache time.Duration
	// BatchBytes caps one produced record batch (kafka-go's
	// Writer.BatchBytes). Set it from ReadLimit: a batch over the broker's
	// max.message.bytes is refused whole ("Message Size Too Large"), and
	// resending builds the same batch. 0 means DefaultMaxMessageBytes'.
	BatchBytes int64
	// MaxEventBytes is the largest encoded event the caller will publish;
	// New refuses a BatchBytes that could not hold one.
	MaxEventBytes int
}

// Validate reports what is missing or out of range.
func (c Config) Validate() error {
	var errs []error
	if len(c.Brokers) == 0 {
		errs = append(errs, errors.New("publish: no brokers"))
	}
	if c.Topic == "" {
		errs = append(errs, errors.New("publish: no topic"))
	}
	if c.MaxInFlight <= 0 {
		errs = append(errs, fmt.Errorf("publish: max in-flight %d must be positive", c.MaxInFlight))
	}
	if c.BatchBytes != 0 && c.BatchBytes < int64(c.MaxEventBytes)+eventOverhead {
		errs = append(errs, fmt.Errorf("publish: %w: batches of at most %d bytes cannot hold one event of %d bytes; raise the topic's max.message.bytes or lower -max-event-bytes",
			ErrLimitTooSmall, c.BatchBytes, c.MaxEventBytes))
	}
	return errors.Join(errs...)
}

// Message is one event to publish, keyed so a ward's events stay in one
// partition, in order.
type Message struct {
	Key   string
	Value []byte
}

// Publisher is safe for concurrent use; kafka-go batches concurrent
// requests' messages together.
type Publisher struct {
	w        *kafka.Writer
	sem      *semaphore.Weighted
	cfg      Config
	m        *metrics
	inflight prometheus.Gauge

	readyMu  sync.Mutex // held through a check: concurrent probes share one
	readyAt  time.Time
	readyErr error
}

type metrics struct {
	writeDur prometheus.Histogram
	busy     prometheus.Counter
	errors   prometheus.Counter
}

// New returns a Publisher; reg may be nil.
func New(cfg Config, logger *slog.Logger, reg prometheus.Registerer) (*Publisher, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.BatchTimeout <= 0 {
		cfg.BatchTimeout = 2 * time.Millisecond
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 10 * time.Second
	}
	if cfg.Dialer == nil {
		cfg.Dialer = &kafka.Dialer{Timeout: 5 * time.Second, DualStack: true}
	}
	if cfg.ReadyTimeout <= 0 {
		cfg.ReadyTimeout = 2 * time.Second
	}
	if cfg.ReadyCache <= 0 {
		cfg.ReadyCache = time.Second
	}
	if cfg.BatchBytes == 0 {
		cfg.BatchBytes = Limit{MaxMessageBytes: DefaultMaxMessageBytes}.BatchBytes()
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	f := promauto.With(reg)
	p := &Publisher{
		w: &kafka.Writer{
			Addr:         kafka.TCP(cfg.Brokers...),
			Transport:    cfg.Transport,
			Topic:        cfg.Topic,
			Balancer:     &kafka.Murmur2Balancer{}, // same partition for a key as Java clients
			RequiredAcks: kafka.RequireAll,
			BatchTimeout: cfg.BatchTimeout,
			BatchSize:    1000,
			BatchBytes:   cfg.BatchBytes,
			WriteTimeout: cfg.WriteTimeout,
			MaxAttempts:  3,
			ErrorLogger:  kafka.LoggerFunc(func(f string, a ...any) { logger.Warn(fmt.Sprintf(f, a...)) }),
		},
		sem: semaphore.NewWeighted(cfg.MaxInFlight),
		cfg: cfg,
		m: &metrics{
			writeDur: f.NewHistogram(prometheus.HistogramOpts{
				Name:    "wardpulse_ingest_kafka_write_duration_seconds",
				Help:    "Time from handing a request's events to Kafka to their acknowledgement.",
				Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
			}),
			busy: f.NewCounter(prometheus.CounterOpts{
				Name: "wardpulse_ingest_backpressure_total",
				Help: "Requests turned away because too many events were in flight.",
			}),
			errors: f.NewCounter(prometheus.CounterOpts{
				Name: "wardpulse_ingest_kafka_errors_total",
				Help: "Produce calls that Kafka did not acknowledge.",
			}),
		},
		inflight: f.NewGauge(prometheus.GaugeOpts{
			Name: "wardpulse_ingest_inflight_events",
			Help: "Events handed to Kafka and not yet acknowledged.",
		}),
	}
	return p, nil
}

// Publish writes msgs and waits for Kafka's acknowledgement. The returned
// slice has one error (or nil) per message; err is ErrBusy, or non-nil when
// nothing could be attempted.
func (p *Publisher) Publish(ctx context.Context, msgs []Message) (perMessage []error, err error) {
	n := int64(len(msgs))
	if n == 0 {
		return nil, nil
	}
	if n > p.cfg.MaxInFlight {
		return nil, fmt.Errorf("publishing %d events: more than the in-flight limit %d", n, p.cfg.MaxInFlight)
	}
	actx, cancel := context.WithTimeout(ctx, p.cfg.AcquireWait)
	err = p.sem.Acquire(actx, n)
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p.m.busy.Inc()
		return nil, ErrBusy
	}
	defer p.sem.Release(n)
	p.inflight.Add(float64(n))
	defer p.inflight.Sub(float64(n))

	kms := make([]kafka.Message, len(msgs))
	for i, m := range msgs {
		kms[i] = kafka.Message{Key: []byte(m.Key), Value: m.Value}
	}
	start := time.Now()
	werr := p.w.WriteMessages(ctx, kms...)
	p.m.writeDur.Observe(time.Since(start).Seconds())
	perMessage = make([]error, len(msgs))
	if werr == nil {
		return perMessage, nil
	}
	p.m.errors.Inc()
	var we kafka.WriteErrors
	if errors.As(werr, &we) && len(we) == len(msgs) {
		for i, e := range we {
			if e != nil {
				perMessage[i] = fmt.Errorf("kafka: %w", e)
			}
		}
		return perMessage, nil
	}
	for i := range perMessage {
		perMessage[i] = fmt.Errorf("kafka: %w", werr)
	}
	return perMessage, nil
}

// Ready reports whether a broker answers now: it dials a broker afresh
// and reads the topic's partitions, with a timeout of ReadyTimeout. It does
// not ask the writer's transport, whose cached metadata kept answering for
// 45 s after the broker went down. The answer is reused for ReadyCache, so
// frequent probes do not turn into a dial each; concurrent callers wait
// for one check.
func (p *Publisher) Ready(ctx context.Context) error {
	p.readyMu.Lock()
	defer p.readyMu.Unlock()
	if !p.readyAt.IsZero() && time.Since(p.readyAt) < p.cfg.ReadyCache {
		return p.readyErr
	}
	p.readyErr = BrokerReady(ctx, p.cfg.Dialer, p.cfg.Brokers, p.cfg.Topic, p.cfg.ReadyTimeout)
	p.readyAt = time.Now()
	return p.readyErr
}

// BrokerReady dials the brokers in turn with d (a fresh connection: no
// cached metadata) until one returns the partitions of topic within
// timeout. It returns nil when the topic has partitions.
func BrokerReady(ctx context.Context, d *kafka.Dialer, brokers []string, topic string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var errs []error
	for _, b := range brokers {
		conn, err := d.DialContext(ctx, "tcp", b)
		if err != nil {
			errs = append(errs, fmt.Errorf("dialling broker %s: %w", b, err))
			continue
		}
		if dl, ok := ctx.Deadline(); ok {
			_ = conn.SetDeadline(dl)
		}
		parts, err := conn.ReadPartitions(topic)
		conn.Close()
		if err != nil {
			errs = append(errs, fmt.Errorf("reading partitions of topic %s from broker %s: %w", topic, b, err))
			continue
		}
		if len(parts) == 0 {
			return fmt.Errorf("topic %s has no partitions", topic)
		}
		return nil
	}
	return errors.Join(errs...)
}

// Close flushes and closes the writer. Call it after the HTTP server has
// stopped handing it events.
func (p *Publisher) Close() error {
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("closing kafka writer: %w", err)
	}
	return nil
}
