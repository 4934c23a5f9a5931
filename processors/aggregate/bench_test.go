package aggregate

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/schemas"
)

// demoMessages are n demo events as ingest writes them to Kafka.
func demoMessages(tb testing.TB, n int) []kafka.Message {
	tb.Helper()
	var out []kafka.Message
	errEnough := errors.New("enough")
	err := demo.Generate(demo.Config{Seed: 42, Scale: 1.2, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		func(e schemas.Event) error {
			v, err := e.Marshal()
			if err != nil {
				return err
			}
			out = append(out, kafka.Message{Offset: int64(len(out)), Value: v})
			if len(out) == n {
				return errEnough
			}
			return nil
		})
	if err != nil && !errors.Is(err, errEnough) {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkBuild is the processor's CPU and allocations per batch of 10,000
// demo events, ClickHouse lookups left out (ns/op and B/op are per batch).
// Each batch is released after it is built, as the pipeline does once it is
// stored; BenchmarkBuild/unreleased does not.
func BenchmarkBuild(b *testing.B) {
	b.Run("released", func(b *testing.B) { benchmarkBuild(b, true) })
	b.Run("unreleased", func(b *testing.B) { benchmarkBuild(b, false) })
}

func benchmarkBuild(b *testing.B, release bool) {
	msgs := demoMessages(b, 10000)
	v, err := schemas.NewValidator()
	if err != nil {
		b.Fatal(err)
	}
	a := newAggFrom(b, v)
	look := &fakeLookup{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := a.Build(context.Background(), 0, msgs, look)
		if err != nil {
			b.Fatal(err)
		}
		if res.Processed == 0 {
			b.Fatal("nothing processed")
		}
		if release {
			a.Release(&res)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/event")
}

// BenchmarkRedact is the redaction's share of an event's cost: every
// free-text field the processor stores (concern text and action, meeting
// title and location, place) of 10,000 demo events, redacted as Build does
// (ns/event).
func BenchmarkRedact(b *testing.B) {
	msgs := demoMessages(b, 10000)
	v, err := schemas.NewValidator()
	if err != nil {
		b.Fatal(err)
	}
	a := newAggFrom(b, v)
	var texts []string
	for _, m := range msgs {
		ev, err := v.Decode(m.Value)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, ev.Place)
		if ev.Concern != nil {
			texts = append(texts, ev.Concern.Text, ev.Concern.Action)
		}
		if ev.Meeting != nil {
			texts = append(texts, ev.Meeting.Title, ev.Meeting.Location)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			a.red.Redact(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/event")
}
