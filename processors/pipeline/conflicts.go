package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
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
	// ContentHash returns the schemas.Event.ContentHash of the event stored
	// at partition/offset of the events topic, or ErrOriginalGone when the
	// log no longer holds it.
	ContentHash(ctx context.Context, partition int, offset int64) (uint64, error)
}

// ErrOriginalGone is returned by Originals when the offset is no longer on
// the log (retention removed it) or does not decode.
var ErrOriginalGone = errors.New("first occurrence no longer readable on the log")

// LogOriginals reads originals from the events topic with kafka-go's Client.
// A fetch returns whole record batches; the hashes of every event in them
// are kept (up to maxCached), since the duplicates of one resent request
// have their originals side by side. It is safe for concurrent use.
type LogOriginals struct {
	client    *kafka.Client
	topic     string
	validator *schemas.Validator

	mu     sync.Mutex
	hashes map[loc]uint64 // 0: the offset does not decode
}

type loc struct {
	partition int
	offset    int64
}

// maxCached bounds LogOriginals' cache (about 5 MB of entries); it is
// emptied when full.
const maxCached = 100_000

// NewLogOriginals returns an Originals reading topic on brokers.
func NewLogOriginals(brokers []string, topic string, v *schemas.Validator) *LogOriginals {
	return &LogOriginals{client: &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}, topic: topic, validator: v,
		hashes: map[loc]uint64{}}
}

// ContentHash implements Originals.
func (o *LogOriginals) ContentHash(ctx context.Context, partition int, offset int64) (uint64, error) {
	key := loc{partition, offset}
	o.mu.Lock()
	h, ok := o.hashes[key]
	o.mu.Unlock()
	if !ok {
		if err := o.fetch(ctx, partition, offset); err != nil {
			return 0, err
		}
		o.mu.Lock()
		h, ok = o.hashes[key]
		o.mu.Unlock()
	}
	if !ok || h == 0 {
		return 0, fmt.Errorf("%w: %s/%d offset %d missing or not a valid event", ErrOriginalGone, o.topic, partition, offset)
	}
	return h, nil
}

// fetch reads the batches from offset on (about 1 MB) and caches the
// hashes of the events in them.
func (o *LogOriginals) fetch(ctx context.Context, partition int, offset int64) error {
	got := map[loc]uint64{}
	err := o.records(ctx, partition, offset, func(off int64, val []byte) bool {
		var h uint64
		if val != nil {
			if ev, err := o.validator.Decode(val); err == nil {
				h, _ = ev.ContentHash()
			}
		}
		got[loc{partition, off}] = h
		return true
	})
	if err != nil {
		return err
	}
	o.mu.Lock()
	if len(o.hashes)+len(got) > maxCached {
		clear(o.hashes)
	}
	for k, v := range got {
		o.hashes[k] = v
	}
	o.mu.Unlock()
	return nil
}

// Message returns the value of the message at partition/offset of the
// events topic (aggregate.Log): the aggregator reads a version back when a
// table is ahead of the batch it redoes. It is not cached: that happens
// only for the corrections and withdrawals of a batch redone after a crash.
func (o *LogOriginals) Message(ctx context.Context, partition int, offset int64) ([]byte, error) {
	var value []byte
	found := false
	err := o.records(ctx, partition, offset, func(off int64, val []byte) bool {
		if off < offset {
			return true // the batch holding offset starts before it
		}
		value, found = val, off == offset && val != nil
		return false
	})
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("%w: %s/%d offset %d not in the fetched records", ErrOriginalGone, o.topic, partition, offset)
	}
	return value, nil
}

// records fetches the batches from offset on (about 1 MB) and hands each
// record's offset and value (nil for none) to each until it returns false.
// An offset the log no longer holds is ErrOriginalGone.
func (o *LogOriginals) records(ctx context.Context, partition int, offset int64, each func(off int64, val []byte) bool) error {
	resp, err := o.client.Fetch(ctx, &kafka.FetchRequest{Topic: o.topic, Partition: partition, Offset: offset,
		MinBytes: 1, MaxBytes: 1 << 20, MaxWait: time.Second})
	if err == nil {
		err = resp.Error
	}
	if errors.Is(err, kafka.OffsetOutOfRange) {
		return fmt.Errorf("%w: %s/%d offset %d: %v", ErrOriginalGone, o.topic, partition, offset, err)
	}
	if err != nil {
		return fmt.Errorf("reading %s/%d offset %d: %w", o.topic, partition, offset, err)
	}
	for {
		rec, err := resp.Records.ReadRecord()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s/%d offset %d: %w", o.topic, partition, offset, err)
		}
		var val []byte
		if rec.Value != nil {
			if val, err = io.ReadAll(rec.Value); err != nil {
				return fmt.Errorf("reading %s/%d offset %d: %w", o.topic, partition, rec.Offset, err)
			}
		}
		if !each(rec.Offset, val) {
			return nil
		}
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
		a, err := d.Event.ContentHash()
		if err != nil {
			return nil, fmt.Errorf("checking duplicate event %s at offset %d: %w", d.Event.EventID, d.Message.Offset, err)
		}
		var b uint64
		switch {
		case d.Earlier != nil:
			if b, err = d.Earlier.ContentHash(); err != nil {
				return nil, fmt.Errorf("checking duplicate event %s at offset %d: %w", d.Event.EventID, d.Message.Offset, err)
			}
		case p.originals == nil:
			p.m.dupChecks.WithLabelValues("unverified").Inc()
			continue
		default:
			b, err = p.originals.ContentHash(ctx, d.First.Partition, d.First.Offset)
			if errors.Is(err, ErrOriginalGone) {
				p.m.dupChecks.WithLabelValues("unverified").Inc()
				p.logger.Warn("duplicate event id not checked: its first occurrence is gone from the log",
					"event_id", d.Event.EventID, "offset", d.Message.Offset, "err", err)
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("checking duplicate event %s at offset %d: %w", d.Event.EventID, d.Message.Offset, err)
			}
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
