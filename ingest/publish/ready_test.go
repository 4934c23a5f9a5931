package publish_test

import (
	"context"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// TestReadyFollowsTheBroker stops the broker and starts it again on the
// same port: Ready must say so within the cache period plus one check, not
// keep answering from cached metadata (it stayed ready 45 s with the broker
// down).
func TestReadyFollowsTheBroker(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b, err := kafkatest.Start(kafkatest.Config{DataDir: dir}, nil)
	require.NoError(t, err)
	addr := b.Addrs()[0]
	defer func() { b.Close() }()
	const topic = "events"
	c := &kafka.Client{Addr: kafka.TCP(addr), Timeout: 10 * time.Second}
	_, err = c.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{Topic: topic, NumPartitions: 2, ReplicationFactor: 1}}})
	require.NoError(t, err)

	p, err := publish.New(publish.Config{Brokers: []string{addr}, Topic: topic, MaxInFlight: 10, AcquireWait: time.Second,
		ReadyTimeout: 500 * time.Millisecond, ReadyCache: 200 * time.Millisecond}, nil, nil)
	require.NoError(t, err)
	defer p.Close()
	// Warm the writer's transport (and its metadata cache) the way traffic would.
	perMsg, err := p.Publish(ctx, []publish.Message{{Key: "k", Value: []byte("{}")}})
	require.NoError(t, err)
	require.NoError(t, perMsg[0])
	require.NoError(t, p.Ready(ctx))

	b.Close()
	down := time.Now()
	require.Eventually(t, func() bool { return p.Ready(ctx) != nil }, 5*time.Second, 20*time.Millisecond, "ready with the broker down")
	t.Logf("not ready %s after the broker stopped: %v", time.Since(down).Round(time.Millisecond), p.Ready(ctx))
	require.Less(t, time.Since(down), 2*time.Second)

	b, err = kafkatest.Start(kafkatest.Config{ListenAddr: addr, DataDir: dir}, nil)
	require.NoError(t, err)
	require.Eventually(t, func() bool { return p.Ready(ctx) == nil }, 10*time.Second, 20*time.Millisecond, "not ready after the broker came back")

	// A topic that does not exist is not ready either.
	q, err := publish.New(publish.Config{Brokers: []string{addr}, Topic: "missing", MaxInFlight: 10}, nil, nil)
	require.NoError(t, err)
	defer q.Close()
	require.Error(t, q.Ready(ctx))
}
