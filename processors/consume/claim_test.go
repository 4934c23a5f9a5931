package consume_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// claimer is a Handler that proves its claim in every Handle and keeps the
// last claim; Assign starts at from.
type claimer struct {
	from   int64
	mu     sync.Mutex
	claims []consume.Claim
	proofs []error
}

func (c *claimer) Assign(context.Context, int) (int64, error) { return c.from, nil }

func (c *claimer) Handle(ctx context.Context, _ int, msgs []kafka.Message) error {
	cl, ok := consume.ClaimFrom(ctx)
	if !ok {
		panic("no claim in the handler's context")
	}
	err := cl.ProveOwnership(ctx, msgs[0].Offset)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.claims = append(c.claims, cl)
	c.proofs = append(c.proofs, err)
	return nil
}

func (c *claimer) last() (consume.Claim, error, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.claims) == 0 {
		return consume.Claim{}, nil, 0
	}
	return c.claims[len(c.claims)-1], c.proofs[len(c.proofs)-1], len(c.claims)
}

func startBroker(t *testing.T, topic string, partitions int) (*kafkatest.Broker, *kafka.Writer) {
	t.Helper()
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	c := &kafka.Client{Addr: kafka.TCP(b.Addrs()...), Timeout: 10 * time.Second}
	_, err = c.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{Topic: topic, NumPartitions: partitions, ReplicationFactor: 1}}})
	require.NoError(t, err)
	w := &kafka.Writer{Addr: kafka.TCP(b.Addrs()...), Topic: topic, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	t.Cleanup(func() { w.Close() })
	return b, w
}

func groupConfig(b *kafkatest.Broker, topic string) consume.Config {
	return consume.Config{Brokers: b.Addrs(), Topic: topic, GroupID: "g", BatchSize: 10, BatchWait: 50 * time.Millisecond,
		SessionTimeout: 6 * time.Second, RebalanceTimeout: 6 * time.Second, HeartbeatInterval: 500 * time.Millisecond, JoinGroupBackoff: 500 * time.Millisecond}
}

// TestClaimProvesOwnershipUntilTheGenerationEnds: a handler's claim proves
// ownership while its generation is current, and no longer once another
// member has joined and the partitions were assigned anew.
func TestClaimProvesOwnershipUntilTheGenerationEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const topic = "events"
	b, w := startBroker(t, topic, 2)
	produce(t, w, 0, 20)

	first := &claimer{from: kafka.FirstOffset}
	c1, err := consume.New(groupConfig(b, topic), first, nil, nil)
	require.NoError(t, err)
	done1 := make(chan error, 1)
	go func() { done1 <- c1.Run(ctx) }()
	require.Eventually(t, func() bool { _, _, n := first.last(); return n > 0 }, 30*time.Second, 10*time.Millisecond)
	old, proof, _ := first.last()
	require.NoError(t, proof, "the current generation proves its claim")

	second := &claimer{from: kafka.FirstOffset}
	c2, err := consume.New(groupConfig(b, topic), second, nil, nil)
	require.NoError(t, err)
	done2 := make(chan error, 1)
	go func() { done2 <- c2.Run(ctx) }()
	require.Eventually(t, func() bool { produce(t, w, 20, 4); _, _, n := second.last(); return n > 0 }, 60*time.Second, 500*time.Millisecond,
		"the second member is assigned a partition")
	require.Error(t, old.ProveOwnership(ctx, 0), "a claim of an ended generation proves nothing")
	cancel()
	require.NoError(t, <-done1)
	require.NoError(t, <-done2)
}

// TestLagNeverNegative: a partition read from past its end (stored progress
// the log does not have) shows a lag of 0 and counts the anomaly.
func TestLagNeverNegative(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const topic = "events"
	b, w := startBroker(t, topic, 1)
	produce(t, w, 0, 5)
	reg := prometheus.NewRegistry()
	c, err := consume.New(groupConfig(b, topic), &claimer{from: 40}, nil, reg)
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	require.Eventually(t, func() bool {
		n, err := testutil.GatherAndCount(reg, "wardpulse_processor_lag_anomalies_total")
		return err == nil && n > 0
	}, 30*time.Second, 20*time.Millisecond, "the negative lag is counted")
	require.NoError(t, testutil.GatherAndCompare(reg, strings.NewReader(`
# HELP wardpulse_processor_consumer_lag Messages between the last batch handled and the partition's high watermark.
# TYPE wardpulse_processor_consumer_lag gauge
wardpulse_processor_consumer_lag{partition="0"} 0
`), "wardpulse_processor_consumer_lag"))
	cancel()
	require.NoError(t, <-done)
}
