package publish

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"
)

// newCluster starts kfake (one broker, a free port) with the broker
// configs given, and creates topic with the topic configs given.
func newCluster(t *testing.T, brokerCfg map[string]string, topic string, partitions int, topicCfg map[string]string) []string {
	t.Helper()
	opts := []kfake.Opt{kfake.NumBrokers(1)}
	if brokerCfg != nil {
		opts = append(opts, kfake.BrokerConfigs(brokerCfg))
	}
	c, err := kfake.NewCluster(opts...)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	tc := kafka.TopicConfig{Topic: topic, NumPartitions: partitions, ReplicationFactor: 1}
	for k, v := range topicCfg {
		tc.ConfigEntries = append(tc.ConfigEntries, kafka.ConfigEntry{ConfigName: k, ConfigValue: v})
	}
	cl := &kafka.Client{Addr: kafka.TCP(c.ListenAddrs()...), Timeout: 10 * time.Second}
	resp, err := cl.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{tc}})
	require.NoError(t, err)
	for _, e := range resp.Errors {
		require.NoError(t, e)
	}
	return c.ListenAddrs()
}

func TestReadLimit(t *testing.T) {
	tests := []struct {
		name      string
		brokerCfg map[string]string
		topicCfg  map[string]string
		want      int
		from      string
	}{
		{"topic setting", nil, map[string]string{"max.message.bytes": "65536"}, 65536, "topic max.message.bytes"},
		{"inherited from the broker", map[string]string{"message.max.bytes": "200000"}, nil, 200000, "broker message.max.bytes"},
		{"topic below the broker", map[string]string{"message.max.bytes": "200000"}, map[string]string{"max.message.bytes": "100000"}, 100000, "topic max.message.bytes"},
		{"kafka's default", nil, nil, 1048588, "topic max.message.bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			brokers := newCluster(t, tt.brokerCfg, "events", 1, tt.topicCfg)
			l, err := ReadLimit(context.Background(), brokers, "events")
			require.NoError(t, err)
			require.Equal(t, tt.want, l.MaxMessageBytes)
			require.Equal(t, tt.from, l.From)
			require.Equal(t, int64(tt.want-batchOverhead), l.BatchBytes())
		})
	}
}

// event returns an event-sized value (about 1.6 KB, as in issue 14).
func event(i int) Message {
	id := fmt.Sprintf("6f1c7a3e-0000-4000-8000-%012d", i)
	v := `{"event_id":"` + id + `","type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","ward":"Grangetown","concern":{"text":"` +
		strings.Repeat("off-road bikes on the field ", 56) + `"}}`
	return Message{Key: id, Value: []byte(v)}
}

// TestBatchesFitTheBrokerLimit publishes 10,000 events of about 1.6 KB
// (16 MB, the documented largest request) to a topic that takes at most
// 64 KiB per batch, with a real kafka-go writer: every event is acknowledged.
// The writer as it was (16 MiB batches) fails on the same topic, so the test
// would catch a regression.
func TestBatchesFitTheBrokerLimit(t *testing.T) {
	brokers := newCluster(t, nil, "events", 3, map[string]string{"max.message.bytes": "65536"})
	ctx := context.Background()
	limit, err := ReadLimit(ctx, brokers, "events")
	require.NoError(t, err)
	msgs := make([]Message, 10000)
	total := 0
	for i := range msgs {
		msgs[i] = event(i)
		total += len(msgs[i].Value)
	}
	require.Greater(t, total, 16_000_000)

	publish := func(batchBytes int64) []error {
		p, err := New(Config{Brokers: brokers, Topic: "events", MaxInFlight: 20000, AcquireWait: time.Second,
			BatchBytes: batchBytes, MaxEventBytes: 4096, WriteTimeout: 30 * time.Second}, nil, nil)
		require.NoError(t, err)
		defer func() { require.NoError(t, p.Close()) }()
		per, err := p.Publish(ctx, msgs)
		require.NoError(t, err)
		return per
	}
	for i, e := range publish(limit.BatchBytes()) {
		require.NoError(t, e, "event %d", i)
	}
	failed := 0
	for _, e := range publish(16 << 20) {
		if e != nil {
			failed++
			require.ErrorContains(t, e, "Message Size Too Large")
		}
	}
	require.Positive(t, failed, "16 MiB batches should exceed a 64 KiB limit")

	// Tail reads them back: the newest n, split over the partitions.
	n := 0
	require.NoError(t, Tail(ctx, brokers, "events", 300, func([]byte) error { n++; return nil }))
	require.Equal(t, 300, n)
}

func TestConfigRefusesABatchThatCannotHoldAnEvent(t *testing.T) {
	tests := []struct {
		name       string
		batchBytes int64
		maxEvent   int
		wantErr    string
	}{
		{"default", 0, 256 << 10, ""},
		{"fits", 65536 - batchOverhead, 16 << 10, ""},
		{"too small", 65536 - batchOverhead, 256 << 10, "cannot hold one event of 262144 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Config{Brokers: []string{"x:1"}, Topic: "t", MaxInFlight: 1, BatchBytes: tt.batchBytes, MaxEventBytes: tt.maxEvent}.Validate()
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrLimitTooSmall)
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}
