package publish

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"
)

// DefaultMaxMessageBytes is the produce limit assumed when the broker does
// not say: Kafka's own default for message.max.bytes, rounded down.
const DefaultMaxMessageBytes = 1 << 20

// batchOverhead is what a produced record batch holds beyond what kafka-go
// counts against Writer.BatchBytes. kafka-go counts each message as
// 22 + len(key) + len(value) + its headers, more than a v2 record's own
// overhead (attributes, varint lengths and deltas: at most 19 bytes for the
// sizes ingest sends); the batch adds a 61-byte header. 1 KiB covers the
// header with room to spare.
const batchOverhead = 1024

// Limit is the largest record batch the events topic accepts, and where that
// figure came from (for the log line at start).
type Limit struct {
	MaxMessageBytes int
	From            string // "topic max.message.bytes", "broker message.max.bytes" or "default"
}

// BatchBytes is the Writer.BatchBytes that keeps every produced batch under
// the limit.
func (l Limit) BatchBytes() int64 { return int64(l.MaxMessageBytes - batchOverhead) }

// ReadLimit asks the cluster for the topic's max.message.bytes and the
// broker's message.max.bytes and keeps the smaller, falling back to
// DefaultMaxMessageBytes when neither can be read (a broker that refuses
// DescribeConfigs, say). Only a metadata (network) error is returned.
func ReadLimit(ctx context.Context, brokers []string, topic string) (Limit, error) {
	return ReadLimitVia(ctx, &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}, topic)
}

// ReadLimitVia is ReadLimit through c, whose Transport carries TLS and
// SASL settings.
func ReadLimitVia(ctx context.Context, c *kafka.Client, topic string) (Limit, error) {
	meta, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return Limit{}, fmt.Errorf("reading metadata of topic %s: %w", topic, err)
	}
	// Both are read and the smaller wins: a topic's max.message.bytes is
	// reported even when unset, and not every broker reports the inherited
	// value (kfake reports Kafka's default), so the smaller is the one
	// certainly accepted. A topic set above its broker's limit only costs
	// smaller batches. The broker's config is asked of that broker, as
	// Kafka wants.
	l := Limit{}
	if n, err := describeInt(ctx, c, nil, kafka.ResourceTypeTopic, topic, "max.message.bytes"); err == nil && n > 0 {
		l = Limit{MaxMessageBytes: n, From: "topic max.message.bytes"}
	}
	for _, b := range meta.Brokers {
		addr := kafka.TCP(net.JoinHostPort(b.Host, strconv.Itoa(b.Port)))
		if n, err := describeInt(ctx, c, addr, kafka.ResourceTypeBroker, strconv.Itoa(b.ID), "message.max.bytes"); err == nil && n > 0 &&
			(l.MaxMessageBytes == 0 || n < l.MaxMessageBytes) {
			l = Limit{MaxMessageBytes: n, From: "broker message.max.bytes"}
		}
		break // one broker's answer is the cluster's default
	}
	if l.MaxMessageBytes == 0 {
		l = Limit{MaxMessageBytes: DefaultMaxMessageBytes, From: "default"}
	}
	return l, nil
}

// describeInt reads one integer config of one resource.
func describeInt(ctx context.Context, c *kafka.Client, addr net.Addr, typ kafka.ResourceType, name, config string) (int, error) {
	resp, err := c.DescribeConfigs(ctx, &kafka.DescribeConfigsRequest{Addr: addr, Resources: []kafka.DescribeConfigRequestResource{{
		ResourceType: typ, ResourceName: name, ConfigNames: []string{config},
	}}})
	if err != nil {
		return 0, fmt.Errorf("describing %s of %s: %w", config, name, err)
	}
	for _, r := range resp.Resources {
		if r.Error != nil {
			return 0, fmt.Errorf("describing %s of %s: %w", config, name, r.Error)
		}
		for _, e := range r.ConfigEntries {
			if e.ConfigName == config {
				n, err := strconv.Atoi(e.ConfigValue)
				if err != nil {
					return 0, fmt.Errorf("%s of %s is %q, not a number", config, name, e.ConfigValue)
				}
				return n, nil
			}
		}
	}
	return 0, fmt.Errorf("%s of %s: not reported", config, name)
}

// eventOverhead is what kafka-go adds to an event's key and value when it
// counts it against BatchBytes: 22 bytes, and the key (a UUID, 36 bytes).
const eventOverhead = 22 + 36

// ErrLimitTooSmall is returned by New when the broker's limit leaves no room
// for one event of the largest size ingest accepts.
var ErrLimitTooSmall = errors.New("broker limit too small")
