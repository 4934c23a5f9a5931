package replay

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/segmentio/kafka-go"
)

// Bounds are a partition's first and next (one past the last) offsets.
type Bounds struct {
	Partition   int
	First, Next int64
}

// LogBounds lists every partition of topic with its offsets, over plain
// TCP (LogBoundsVia takes a client with TLS and SASL settings).
func LogBounds(ctx context.Context, brokers []string, topic string) ([]Bounds, error) {
	return LogBoundsVia(ctx, Client(brokers, nil), topic)
}

// Client returns a kafka-go client for brokers through transport (nil:
// plain TCP), for LogBoundsVia.
func Client(brokers []string, transport kafka.RoundTripper) *kafka.Client {
	return &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second, Transport: transport}
}

// LogBoundsVia lists every partition of topic with its offsets, through c.
func LogBoundsVia(ctx context.Context, c *kafka.Client, topic string) ([]Bounds, error) {
	md, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return nil, fmt.Errorf("reading metadata of %s: %w", topic, err)
	}
	var reqs []kafka.OffsetRequest
	for _, t := range md.Topics {
		if t.Name != topic {
			continue
		}
		if t.Error != nil {
			return nil, fmt.Errorf("topic %s: %w", topic, t.Error)
		}
		for _, p := range t.Partitions {
			reqs = append(reqs, kafka.FirstOffsetOf(p.ID), kafka.LastOffsetOf(p.ID))
		}
	}
	if len(reqs) == 0 {
		return nil, fmt.Errorf("topic %s has no partitions", topic)
	}
	resp, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	if err != nil {
		return nil, fmt.Errorf("listing offsets of %s: %w", topic, err)
	}
	var out []Bounds
	for _, po := range resp.Topics[topic] {
		if po.Error != nil {
			return nil, fmt.Errorf("listing offsets of %s partition %d: %w", topic, po.Partition, po.Error)
		}
		out = append(out, Bounds{Partition: po.Partition, First: max(po.FirstOffset, 0), Next: max(po.LastOffset, 0)})
	}
	sortBounds(out)
	return out, nil
}

func sortBounds(b []Bounds) {
	for i := 1; i < len(b); i++ {
		for j := i; j > 0 && b[j].Partition < b[j-1].Partition; j-- {
			b[j], b[j-1] = b[j-1], b[j]
		}
	}
}

// readRange calls fn with batches of the messages of one partition in
// [from, to), in order, over plain TCP.
func readRange(ctx context.Context, brokers []string, topic string, partition int, from, to int64, batchSize int, fn func([]kafka.Message) error) error {
	return readRangeVia(ctx, nil, brokers, topic, partition, from, to, batchSize, fn)
}

// readRangeVia is readRange through dialer (TLS and SASL; nil: plain TCP).
func readRangeVia(ctx context.Context, dialer *kafka.Dialer, brokers []string, topic string, partition int, from, to int64, batchSize int, fn func([]kafka.Message) error) error {
	if from >= to {
		return nil
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Dialer: dialer, Topic: topic, Partition: partition, MinBytes: 1, MaxBytes: 16 << 20, MaxWait: 100 * time.Millisecond})
	defer r.Close()
	if err := r.SetOffset(from); err != nil {
		return fmt.Errorf("seeking %s/%d to %d: %w", topic, partition, from, err)
	}
	batch := make([]kafka.Message, 0, batchSize)
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return fmt.Errorf("reading %s/%d at %d: %w", topic, partition, from, err)
		}
		if m.Offset >= to {
			break
		}
		batch = append(batch, m)
		if len(batch) == batchSize || m.Offset == to-1 {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
		if m.Offset == to-1 {
			break
		}
	}
	if len(batch) > 0 {
		return fn(batch)
	}
	return nil
}
