package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
)

// kcat runs Debian's kcat (librdkafka, the reference C client) against the
// embedded broker. The suite installs it (`make setup`); a missing binary
// fails the test, it never skips.
func kcat(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath("kcat")
	if err != nil {
		path, err = exec.LookPath("kafkacat")
	}
	require.NoError(t, err, "kcat (Debian package kcat) is required: run `make setup` as root")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "kcat %s: %s", strings.Join(args, " "), stderr.String())
	return out
}

// kcatMessage is one line of `kcat -C -J`: librdkafka's own view of a
// record.
type kcatMessage struct {
	Topic     string  `json:"topic"`
	Partition int     `json:"partition"`
	Offset    int64   `json:"offset"`
	Key       *string `json:"key"`
	Payload   *string `json:"payload"`
}

// kcatConsume reads a whole topic from the beginning with kcat and exits at
// its end.
func kcatConsume(t *testing.T, brokers []string, topic string) []kcatMessage {
	t.Helper()
	out := kcat(t, nil, "-C", "-b", strings.Join(brokers, ","), "-t", topic, "-o", "beginning", "-e", "-J", "-q")
	var msgs []kcatMessage
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var m kcatMessage
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "kcat line %q", sc.Text())
		msgs = append(msgs, m)
	}
	require.NoError(t, sc.Err())
	return msgs
}

// TestKcatProducesEventsAProcessorCounts writes the events topic with a
// client nobody here wrote (librdkafka through kcat), keyed and partitioned
// as docs/kafka.md tells other producers to, and checks that ingest's own
// partitioner would have chosen the same partition for every key, that the
// real processor counts every event exactly once, and that kcat reads back
// the dead letters with the headers the processor documents.
func TestKcatProducesEventsAProcessorCounts(t *testing.T) {
	env := newEnv(t, 4)
	msgs, want, distinct := testEvents(1200)
	var in bytes.Buffer
	for _, m := range msgs {
		require.NotContains(t, string(m.Value), "\t")
		fmt.Fprintf(&in, "%s\t%s\n", m.Key, m.Value)
	}
	// murmur2_random is the Java client's (and kafka-go's Murmur2Balancer's)
	// partitioner; librdkafka's default (consistent_random, CRC32) is not.
	kcat(t, in.Bytes(), "-P", "-b", strings.Join(env.brokers, ","), "-t", env.topic, "-K", "\t",
		"-X", "partitioner=murmur2_random", "-X", "acks=all")

	// Every key landed where ingest would have put it.
	parts := []int{0, 1, 2, 3}
	bal := &kafka.Murmur2Balancer{}
	read := kcatConsume(t, env.brokers, env.topic)
	require.Len(t, read, len(msgs))
	for _, m := range read {
		require.NotNil(t, m.Key)
		want := bal.Balance(kafka.Message{Key: []byte(*m.Key)}, parts...)
		require.Equal(t, want, m.Partition, "key %s: librdkafka chose partition %d, ingest chooses %d", *m.Key, m.Partition, want)
	}

	startProcessor(t, env)
	total := int64(len(msgs))
	waitFor(t, "every offset processed", 4*time.Minute, func() bool { return processedOffsets(t, env) == total })
	require.Equal(t, want, cellCounts(t, env), "concern_daily counts")
	var events uint64
	require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM events").Scan(&events))
	require.Equal(t, uint64(distinct), events)

	// The poison messages are on the dead-letter topic, readable by kcat
	// with the documented headers.
	dead := kcat(t, nil, "-C", "-b", strings.Join(env.brokers, ","), "-t", env.dlq, "-o", "beginning", "-e", "-q",
		"-f", "%h\n")
	lines := strings.Split(strings.TrimSpace(string(dead)), "\n")
	require.Len(t, lines, 6, "i%%211 == 0 for i < 1200") // 0, 211, 422, 633, 844, 1055
	for _, l := range lines {
		for _, h := range []string{"wardpulse-reason=", "wardpulse-source-partition=", "wardpulse-source-offset="} {
			require.Contains(t, l, h)
		}
	}
}
