package consume_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// recorder is a Handler and IdleNotifier that records what it is given and
// signals every change, so tests wait on conditions rather than on time.
type recorder struct {
	mu      sync.Mutex
	batches []handled
	idle    []bool
	next    int64         // offset after the last message handled
	changed chan struct{} // one pending signal after any change
}

func newRecorder() *recorder { return &recorder{changed: make(chan struct{}, 1)} }

type handled struct {
	first int64
	n     int
}

func (r *recorder) Assign(context.Context, int) (int64, error) { return kafka.FirstOffset, nil }

func (r *recorder) Handle(_ context.Context, _ int, msgs []kafka.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, handled{first: msgs[0].Offset, n: len(msgs)})
	r.next = msgs[len(msgs)-1].Offset + 1
	r.signal()
	return nil
}

func (r *recorder) PartitionIdle(_ int, idle bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.idle = append(r.idle, idle)
	r.signal()
}

func (r *recorder) signal() {
	select {
	case r.changed <- struct{}{}:
	default:
	}
}

func (r *recorder) snapshot() ([]handled, []bool, int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]handled(nil), r.batches...), append([]bool(nil), r.idle...), r.next
}

// waitFor blocks until cond holds on what the recorder has seen. It checks
// after every change; the only clock is the guard against a consumer that
// never gets there, which fails the test rather than measuring it.
func (r *recorder) waitFor(t *testing.T, what string, cond func(batches []handled, idle []bool, next int64) bool) {
	t.Helper()
	guard := time.NewTimer(time.Minute)
	defer guard.Stop()
	for {
		if cond(r.snapshot()) {
			return
		}
		select {
		case <-r.changed:
		case <-guard.C:
			b, idle, next := r.snapshot()
			t.Fatalf("waiting for %s: batches %v, idle %v, next %d", what, b, idle, next)
		}
	}
}

func produce(t *testing.T, w *kafka.Writer, from, n int) {
	t.Helper()
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		msgs[i] = kafka.Message{Value: []byte(strconv.Itoa(from + i))}
	}
	require.NoError(t, w.WriteMessages(context.Background(), msgs...))
}

// fillGate bounds the consumer's waits to fill a batch: they last until
// the test calls expire, and every wait after that ends at once.
type fillGate struct {
	mu      sync.Mutex
	expired bool
	cancels []context.CancelFunc
}

func (g *fillGate) wait(ctx context.Context) (context.Context, context.CancelFunc) {
	fill, cancel := context.WithCancel(ctx)
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.expired {
		cancel()
	}
	g.cancels = append(g.cancels, cancel)
	return fill, cancel
}

func (g *fillGate) expire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.expired = true
	for _, cancel := range g.cancels {
		cancel()
	}
}

// runConsumer consumes topic with batches of 10 into a new recorder until
// the test ends; the waits to fill a batch last until gate expires.
func runConsumer(t *testing.T, b *kafkatest.Broker, topic string, gate *fillGate) *recorder {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := newRecorder()
	cons, err := consume.New(consume.Config{Brokers: b.Addrs(), Topic: topic, GroupID: "g", BatchSize: 10, BatchWait: 100 * time.Millisecond,
		SessionTimeout: 10 * time.Second, RebalanceTimeout: 10 * time.Second, HeartbeatInterval: time.Second, JoinGroupBackoff: time.Second}, r, nil, nil)
	require.NoError(t, err)
	consume.SetFillWait(cons, gate.wait)
	runDone := make(chan error, 1)
	go func() { runDone <- cons.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-runDone)
	})
	return r
}

func lastIdle(idle []bool) bool { return len(idle) > 0 && idle[len(idle)-1] }

// TestBatching: a backlog is read in full batches and its last, partial
// batch is handed over as soon as it reaches the high watermark (the waits
// to fill never end by themselves here, so reaching the end shows it did
// not wait); the partition then says it is idle. A trickle after that
// waits to fill a batch, and the partition is busy while it does: the
// message goes with the nine that fill its batch, not alone. After a full
// batch the next one that reaches the high watermark goes at once again;
// after a partial one, a lone message waits until the wait to fill ends.
func TestBatching(t *testing.T) {
	const topic = "events"
	b, w := startBroker(t, topic, 1)
	produce(t, w, 0, 25)
	gate := &fillGate{}
	r := runConsumer(t, b, topic, gate)

	r.waitFor(t, "the backlog, then idle", func(_ []handled, idle []bool, next int64) bool { return next >= 25 && lastIdle(idle) })
	got, _, _ := r.snapshot()
	require.Equal(t, []handled{{0, 10}, {10, 10}, {20, 5}}, got, "full batches, then the backlog's last without waiting to fill")

	// A trickle: one message makes the partition busy, and it is handed
	// over with the nine that fill its batch.
	produce(t, w, 25, 1)
	r.waitFor(t, "a new message: the partition is busy", func(_ []handled, idle []bool, _ int64) bool { return !lastIdle(idle) })
	produce(t, w, 26, 9)
	r.waitFor(t, "the trickle's batch", func(_ []handled, _ []bool, next int64) bool { return next >= 35 })

	// After that full batch, a message at the high watermark goes at once.
	produce(t, w, 35, 1)
	r.waitFor(t, "the message after a full batch", func(_ []handled, _ []bool, next int64) bool { return next >= 36 })

	// After a partial batch, a lone message waits until the wait ends.
	produce(t, w, 36, 1)
	r.waitFor(t, "a lone message: the partition is busy", func(_ []handled, idle []bool, _ int64) bool { return !lastIdle(idle) })
	gate.expire()
	r.waitFor(t, "the lone message, once the wait ends", func(_ []handled, _ []bool, next int64) bool { return next >= 37 })
	got, _, _ = r.snapshot()
	require.Equal(t, []handled{{0, 10}, {10, 10}, {20, 5}, {25, 10}, {35, 1}, {36, 1}}, got)
}
