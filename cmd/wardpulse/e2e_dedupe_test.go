package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/processors/pipeline"
	"github.com/wardpulse/wardpulse/schemas"
)

// startIngest runs ingest in-process on the test broker and returns its URL
// and a function that stops it (and waits for it).
func startIngest(t *testing.T, env *testEnv, token string, args ...string) (string, func()) {
	t.Helper()
	tokens, err := httpapi.NewTokens([]httpapi.Token{{Source: "e2e", SHA256: httpapi.HashToken(token)}})
	require.NoError(t, err)
	tf := filepath.Join(t.TempDir(), "tokens.yaml")
	require.NoError(t, os.WriteFile(tf, []byte("tokens: []\n"), 0o600))
	var cfg ingestConfig
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	cfg.RegisterFlags(fs)
	require.NoError(t, fs.Parse(append([]string{"-listen", "127.0.0.1:0", "-metrics.listen", "127.0.0.1:0", "-tokens-file", tf}, args...)))
	require.NoError(t, cfg.Validate())
	cfg.Kafka = wiring.Kafka{Brokers: env.brokers, Topic: env.topic, DLQTopic: env.dlq}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- serveIngest(ctx, cfg, tokens, discard(), newRegistry(), func(a net.Addr) { ready <- a })
	}()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			require.NoError(t, <-done)
		}
	}
	t.Cleanup(stop)
	select {
	case a := <-ready:
		return "http://" + a.String(), stop
	case err := <-done:
		t.Fatalf("ingest stopped at start: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("ingest did not start")
	}
	return "", nil
}

// TestDuplicatesByContentAcrossRestart: a resubmission is recognised by its
// content (not its bytes) even after ingest restarts; an id reused for other
// content is refused by ingest, and, when it reaches the log another way, is
// sent to the dead-letter topic by the processor with the reason, never
// dropped silently.
func TestDuplicatesByContentAcrossRestart(t *testing.T) {
	env := newEnv(t, 2)
	const token = "dedupe-token"
	const id = "6f1c7a3e-0000-4000-8000-00000000d001"
	original := `{"event_id":"` + id + `","type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","ward":"Grangetown","concern":{"text":"Off-road bikes on the field"}}`
	// Same content: other key order, spacing, an escape, upper-case id, the
	// same instant in another zone.
	reordered := `{ "concern": {"text": "Off-road bikes on the fi\u0065ld"}, "ward": "Grangetown", "schema_version": 1,
 "type": "concern", "occurred_at": "2020-01-03T20:00:00+01:00", "event_id": "` + strings.ToUpper(id) + `" }`
	reordered = strings.ReplaceAll(reordered, "\n", "")
	other := strings.Replace(original, "Off-road bikes", "Speeding cars", 1)

	url, stop := startIngest(t, env, token)
	code, body := postNDJSON(t, url, token, original)
	require.Equal(t, 202, code, "%v", body)
	require.EqualValues(t, 1, body["accepted"])
	code, body = postNDJSON(t, url, token, reordered)
	require.Equal(t, 202, code, "%v", body)
	require.EqualValues(t, 1, body["duplicates"], "same content, other bytes: %v", body)
	stop()

	// A new ingest process knows the id from the log.
	url, _ = startIngest(t, env, token)
	code, body = postNDJSON(t, url, token, reordered)
	require.Equal(t, 202, code, "%v", body)
	require.EqualValues(t, 1, body["duplicates"], "after a restart: %v", body)
	code, body = postNDJSON(t, url, token, other)
	require.Equal(t, 400, code, "%v", body)
	require.Contains(t, fmt.Sprint(body["results"]), "already used for a different event")

	// Another producer writes the reuse, and a true resubmission, to the
	// log: the processor counts the first, drops the resubmission and
	// dead-letters the reuse with its reason.
	stored := readTopic(t, env.brokers, env.topic)
	require.Len(t, stored, 1, "ingest wrote the event once")
	var ev schemas.Event
	require.NoError(t, json.Unmarshal([]byte(stored[0].Value), &ev))
	later := ev.RecordedAt.Add(time.Hour)
	ev.RecordedAt = &later // a resubmission gets a new recorded_at
	resubmitted, err := json.Marshal(ev)
	require.NoError(t, err)
	ev.Concern.Text = "Speeding cars on the field"
	reused, err := json.Marshal(ev)
	require.NoError(t, err)
	produce(t, env.brokers, env.topic, []kafka.Message{{Key: []byte(id), Value: reused}, {Key: []byte(id), Value: resubmitted}})
	var pcfg processConfig
	pfs := flag.NewFlagSet("process", flag.ContinueOnError)
	pcfg.RegisterFlags(pfs)
	require.NoError(t, pfs.Parse([]string{"-listen", "127.0.0.1:0", "-batch-wait", "50ms"}))
	pcfg.Kafka = wiring.Kafka{Brokers: env.brokers, Topic: env.topic, DLQTopic: env.dlq}
	pcfg.ClickHouse = wiring.ClickHouse{Addr: env.db.Addr, Database: env.db.Database, Username: "default"}
	conn, err := pcfg.ClickHouse.Open(context.Background(), true, discard())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	reg := newRegistry()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveProcess(ctx, pcfg, conn, discard(), reg, nil) }()
	t.Cleanup(func() { cancel(); require.NoError(t, <-done) })

	waitFor(t, "the reuse dead-lettered", 30*time.Second, func() bool { return len(readTopic(t, env.brokers, env.dlq)) > 0 })
	dl := readTopic(t, env.brokers, env.dlq)
	require.Len(t, dl, 1)
	require.Contains(t, dl[0].Value, "Speeding cars")
	require.Contains(t, dl[0].Headers[pipeline.HeaderReason], "event_id "+id+" reused for a different event")
	// The dead letter is written while its batch is processed, before the
	// batch's rows are stored: the count is waited for, not read at once
	// (under the full suite's load it once read 0).
	waitFor(t, "the original counted", 30*time.Second, func() bool {
		return concernCount(t, env, "E05012442", "off_road_bikes") == 1 &&
			counterValue(t, reg, "wardpulse_processor_duplicate_checks_total", "same") == 1
	})
	require.EqualValues(t, 1, concernCount(t, env, "E05012442", "off_road_bikes"))
	require.EqualValues(t, 0, concernCount(t, env, "E05012442", "speeding"))
	require.Equal(t, 1.0, counterValue(t, reg, "wardpulse_processor_duplicate_checks_total", "conflict"))
	require.Equal(t, 1.0, counterValue(t, reg, "wardpulse_processor_duplicate_checks_total", "same"))
}

type topicMessage struct {
	Value   string
	Headers map[string]string
}

// readTopic returns every message of topic, partition by partition.
func readTopic(t *testing.T, brokers []string, topic string) []topicMessage {
	t.Helper()
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	meta, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	require.NoError(t, err)
	var out []topicMessage
	for _, tp := range meta.Topics {
		for _, p := range tp.Partitions {
			resp, err := c.Fetch(ctx, &kafka.FetchRequest{Topic: topic, Partition: p.ID, Offset: 0, MinBytes: 1, MaxBytes: 8 << 20, MaxWait: 100 * time.Millisecond})
			require.NoError(t, err)
			if errors.Is(resp.Error, kafka.OffsetOutOfRange) {
				continue
			}
			require.NoError(t, resp.Error)
			for {
				rec, err := resp.Records.ReadRecord()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err)
				m := topicMessage{Headers: map[string]string{}}
				if rec.Value != nil {
					b, err := io.ReadAll(rec.Value)
					require.NoError(t, err)
					m.Value = string(b)
				}
				for _, h := range rec.Headers {
					m.Headers[h.Key] = string(h.Value)
				}
				out = append(out, m)
			}
		}
	}
	return out
}

func counterValue(t *testing.T, reg *prometheus.Registry, name, label string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetValue() == label {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}
