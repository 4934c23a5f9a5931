package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/segmentio/kafka-go"
)

// Tail calls fn with the value of each of about the newest n messages of
// topic (n split evenly over its partitions), oldest first within a
// partition, up to the end offsets the partitions had when Tail started. Ingest uses it at start
// to learn which event ids the log already holds (see httpapi.Deps.Log).
func Tail(ctx context.Context, brokers []string, topic string, n int, fn func(value []byte) error) error {
	return TailVia(ctx, &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}, topic, n, fn)
}

// TailVia is Tail through c, whose Transport carries TLS and SASL settings.
func TailVia(ctx context.Context, c *kafka.Client, topic string, n int, fn func(value []byte) error) error {
	meta, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return fmt.Errorf("reading metadata of topic %s: %w", topic, err)
	}
	var reqs []kafka.OffsetRequest
	for _, t := range meta.Topics {
		if t.Name != topic {
			continue
		}
		if t.Error != nil {
			return fmt.Errorf("reading metadata of topic %s: %w", topic, t.Error)
		}
		for _, p := range t.Partitions {
			reqs = append(reqs, kafka.FirstOffsetOf(p.ID), kafka.LastOffsetOf(p.ID))
		}
	}
	if len(reqs) == 0 {
		return fmt.Errorf("topic %s has no partitions", topic)
	}
	offs, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	if err != nil {
		return fmt.Errorf("listing offsets of topic %s: %w", topic, err)
	}
	perPartition := (n + len(reqs)/2 - 1) / (len(reqs) / 2)
	for _, po := range offs.Topics[topic] {
		if po.Error != nil {
			return fmt.Errorf("listing offsets of %s/%d: %w", topic, po.Partition, po.Error)
		}
		from := max(po.FirstOffset, po.LastOffset-int64(perPartition))
		if err := readRange(ctx, c, topic, po.Partition, from, po.LastOffset, fn); err != nil {
			return err
		}
	}
	return nil
}

// readRange calls fn for the messages of one partition in [from, end).
func readRange(ctx context.Context, c *kafka.Client, topic string, partition int, from, end int64, fn func([]byte) error) error {
	for off := from; off < end; {
		resp, err := c.Fetch(ctx, &kafka.FetchRequest{Topic: topic, Partition: partition, Offset: off,
			MinBytes: 1, MaxBytes: 8 << 20, MaxWait: time.Second})
		if err == nil {
			err = resp.Error
		}
		if err != nil {
			return fmt.Errorf("reading %s/%d at offset %d: %w", topic, partition, off, err)
		}
		start := off
		for off < end {
			rec, err := resp.Records.ReadRecord()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return fmt.Errorf("reading %s/%d at offset %d: %w", topic, partition, off, err)
			}
			if rec.Offset < off { // a batch may start before the offset asked for
				continue
			}
			var val []byte
			if rec.Value != nil {
				if val, err = io.ReadAll(rec.Value); err != nil {
					return fmt.Errorf("reading %s/%d offset %d: %w", topic, partition, rec.Offset, err)
				}
			}
			off = rec.Offset + 1
			if err := fn(val); err != nil {
				return err
			}
		}
		if off == start {
			// Nothing readable below end (transaction markers, or
			// records compacted away): what is there has been read.
			return nil
		}
	}
	return nil
}
