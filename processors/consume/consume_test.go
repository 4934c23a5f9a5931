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

// recorder is a Handler and IdleNotifier that records what it is given.
type recorder struct {
	mu      sync.Mutex
	batches []handled
	idle    []bool
	next    int64 // offset after the last message handled
}

type handled struct {
	first int64
	n     int
	at    time.Time
}

func (r *recorder) Assign(context.Context, int) (int64, error) { return kafka.FirstOffset, nil }

func (r *recorder) Handle(_ context.Context, _ int, msgs []kafka.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, handled{first: msgs[0].Offset, n: len(msgs), at: time.Now()})
	r.next = msgs[len(msgs)-1].Offset + 1
	return nil
}

func (r *recorder) PartitionIdle(_ int, idle bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.idle = append(r.idle, idle)
}

func (r *recorder) snapshot() ([]handled, []bool, int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]handled(nil), r.batches...), append([]bool(nil), r.idle...), r.next
}

func produce(t *testing.T, w *kafka.Writer, from, n int) {
	t.Helper()
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		msgs[i] = kafka.Message{Value: []byte(strconv.Itoa(from + i))}
	}
	require.NoError(t, w.WriteMessages(context.Background(), msgs...))
}

func waitNext(t *testing.T, r *recorder, want int64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, _, next := r.snapshot(); next >= want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the consumer did not reach offset %d", want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBatching: a backlog is read in full batches and its last, partial
// batch is handed over as soon as it reaches the high watermark (not after
// the batch wait); the partition then says it is idle. A trickle after that
// waits the batch wait to fill a batch, and the partition is busy again
// while it does.
func TestBatching(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	require.NoError(t, err)
	defer b.Close()
	const topic = "events"
	c := &kafka.Client{Addr: kafka.TCP(b.Addrs()...), Timeout: 10 * time.Second}
	_, err = c.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{Topic: topic, NumPartitions: 1, ReplicationFactor: 1}}})
	require.NoError(t, err)
	w := &kafka.Writer{Addr: kafka.TCP(b.Addrs()...), Topic: topic, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	produce(t, w, 0, 25)

	const batchWait = 3 * time.Second
	r := &recorder{}
	cons, err := consume.New(consume.Config{Brokers: b.Addrs(), Topic: topic, GroupID: "g", BatchSize: 10, BatchWait: batchWait,
		SessionTimeout: 10 * time.Second, RebalanceTimeout: 10 * time.Second, HeartbeatInterval: time.Second, JoinGroupBackoff: time.Second}, r, nil, nil)
	require.NoError(t, err)
	runDone := make(chan error, 1)
	go func() { runDone <- cons.Run(ctx) }()

	waitNext(t, r, 25)
	got, idle, _ := r.snapshot()
	require.Equal(t, []int{10, 10, 5}, []int{got[0].n, got[1].n, got[2].n})
	require.Less(t, got[2].at.Sub(got[1].at), batchWait/2, "the backlog's last batch must not wait to fill")
	require.Eventually(t, func() bool { _, idle, _ = r.snapshot(); return len(idle) > 0 && idle[len(idle)-1] }, 10*time.Second, 10*time.Millisecond,
		"caught up: the partition is idle")

	// A trickle: two messages 300 ms apart make one batch.
	produce(t, w, 25, 1)
	require.Eventually(t, func() bool { _, idle, _ = r.snapshot(); return !idle[len(idle)-1] }, 10*time.Second, 10*time.Millisecond,
		"a new message: the partition is busy")
	time.Sleep(300 * time.Millisecond)
	produce(t, w, 26, 1)
	waitNext(t, r, 27)
	got, _, _ = r.snapshot()
	require.Len(t, got, 4)
	require.Equal(t, handled{first: 25, n: 2}, handled{first: got[3].first, n: got[3].n})

	cancel()
	require.NoError(t, <-runDone)
}
