package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/schemas"
)

// Originals reads the first occurrence of an event id back from the log, so
// that a later message with the same id can be told apart: a resubmission
// (same content: dropped, counted once) or an id reused for something else
// (a conflict: dead-lettered, never dropped unseen). The tables cannot
// answer this: they keep no copy of what an event said (the raw payload,
// with its unredacted text, stays on the log).
type Originals interface {
	// Original returns the event stored at partition/offset of the events
	// topic, or ErrOriginalGone when the log no longer holds it.
	Original(ctx context.Context, partition int, offset int64) (*schemas.Event, error)
}

// ErrOriginalGone is returned by Originals when the offset is no longer on
// the log (retention removed it) or does not decode.
var ErrOriginalGone = errors.New("first occurrence no longer readable on the log")

// LogOriginals reads originals from the events topic with kafka-go's Client.
// It is safe for concurrent use.
type LogOriginals struct {
	client    *kafka.Client
	topic     string
	validator *schemas.Validator
}

// NewLogOriginals returns an Originals reading topic on brokers.
func NewLogOriginals(brokers []string, topic string, v *schemas.Validator) *LogOriginals {
	return &LogOriginals{client: &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}, topic: topic, validator: v}
}

// Original implements Originals.
func (o *LogOriginals) Original(ctx context.Context, partition int, offset int64) (*schemas.Event, error) {
	resp, err := o.client.Fetch(ctx, &kafka.FetchRequest{Topic: o.topic, Partition: partition, Offset: offset,
		MinBytes: 1, MaxBytes: 1, MaxWait: time.Second}) // a broker returns at least one whole batch (KIP-74)
	if err == nil {
		err = resp.Error
	}
	if errors.Is(err, kafka.OffsetOutOfRange) {
		return nil, fmt.Errorf("%w: %s/%d offset %d: %v", ErrOriginalGone, o.topic, partition, offset, err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s/%d offset %d: %w", o.topic, partition, offset, err)
	}
	for {
		rec, err := resp.Records.ReadRecord()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: %s/%d offset %d not returned", ErrOriginalGone, o.topic, partition, offset)
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s/%d offset %d: %w", o.topic, partition, offset, err)
		}
		if rec.Offset < offset {
			continue
		}
		if rec.Offset > offset || rec.Value == nil {
			return nil, fmt.Errorf("%w: %s/%d offset %d", ErrOriginalGone, o.topic, partition, offset)
		}
		val, err := io.ReadAll(rec.Value)
		if err != nil {
			return nil, fmt.Errorf("reading %s/%d offset %d: %w", o.topic, partition, offset, err)
		}
		ev, err := o.validator.Decode(val)
		if err != nil {
			return nil, fmt.Errorf("%w: %s/%d offset %d does not decode: %v", ErrOriginalGone, o.topic, partition, offset, err)
		}
		return ev, nil
	}
}

// SetOriginals lets the processor read first occurrences from the log to
// check stored duplicates' content. Call it before the processor handles
// batches. Without it, duplicates within a batch are still checked, and
// those of earlier batches are counted as unverified.
func (p *Processor) SetOriginals(o Originals) { p.originals = o }

// checkDuplicates compares each duplicate with its first occurrence, on
// canonical content (schemas.Event.ContentHash: key order, spacing, time
// zones and recorded_at do not matter). The ones that differ are returned as
// dead letters saying so: ingest refuses such a reuse while it remembers
// the id, and this catches the rest (an id older than ingest's index, or a
// producer other than ingest) instead of dropping it silently.
func (p *Processor) checkDuplicates(ctx context.Context, dups []aggregate.Duplicate) ([]aggregate.DeadLetter, error) {
	var out []aggregate.DeadLetter
	for _, d := range dups {
		first := d.Earlier
		if first == nil {
			if p.originals == nil {
				p.m.dupChecks.WithLabelValues("unverified").Inc()
				continue
			}
			ev, err := p.originals.Original(ctx, d.First.Partition, d.First.Offset)
			if errors.Is(err, ErrOriginalGone) {
				p.m.dupChecks.WithLabelValues("unverified").Inc()
				p.logger.Warn("duplicate event id not checked: its first occurrence is gone from the log",
					"event_id", d.Event.EventID, "offset", d.Message.Offset, "err", err)
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("checking duplicate event %s at offset %d: %w", d.Event.EventID, d.Message.Offset, err)
			}
			first = ev
		}
		a, err1 := d.Event.ContentHash()
		b, err2 := first.ContentHash()
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("checking duplicate event %s at offset %d: %w", d.Event.EventID, d.Message.Offset, err)
		}
		if a == b {
			p.m.dupChecks.WithLabelValues("same").Inc()
			continue
		}
		p.m.dupChecks.WithLabelValues("conflict").Inc()
		out = append(out, aggregate.DeadLetter{Message: *d.Message, Reason: fmt.Sprintf(
			"event_id %s reused for a different event (first stored from partition %d offset %d); not counted: a correction needs a new event_id and supersedes",
			d.Event.EventID, d.First.Partition, d.First.Offset)})
	}
	return out, nil
}
