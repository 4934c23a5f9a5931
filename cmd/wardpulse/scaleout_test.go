package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/replay"
)

// progressByPartition reads each partition's stored progress (the sum of
// its markers).
func progressByPartition(t *testing.T, env *testEnv) map[int]int64 {
	t.Helper()
	out := map[int]int64{}
	rows, err := env.db.Conn.Query(context.Background(), "SELECT src_partition, sum(next_offset) FROM concern_daily WHERE theme = '' GROUP BY src_partition")
	if err != nil {
		return out // the tables are not there yet
	}
	defer rows.Close()
	for rows.Next() {
		var p uint32
		var n int64
		require.NoError(t, rows.Scan(&p, &n))
		out[int(p)] = n
	}
	return out
}

// stallMeter samples every partition's stored progress against the log's
// end and keeps, per partition, the longest time it stood still while it
// had events waiting: the rebalance pause as a user of the dashboards sees
// it.
type stallMeter struct {
	mu      sync.Mutex
	since   map[int]time.Time // when a waiting partition last moved
	last    map[int]int64
	longest map[int]time.Duration
}

func (m *stallMeter) sample(now time.Time, progress map[int]int64, ends []replay.Bounds) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, b := range ends {
		p, got := b.Partition, progress[b.Partition]
		_, seen := m.since[p]
		if !seen || got >= b.Next || got != m.last[p] {
			m.since[p], m.last[p] = now, got
			continue
		}
		if d := now.Sub(m.since[p]); d > m.longest[p] {
			m.longest[p] = d
		}
	}
}

// worst is the longest stall of any partition since the last reset, and
// resets the record.
func (m *stallMeter) worst() (time.Duration, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var d time.Duration
	part := -1
	for p, l := range m.longest {
		if l > d {
			d, part = l, p
		}
	}
	m.longest = map[int]time.Duration{}
	return d, part
}

// TestScaleOutTwelvePartitionsThreeProcessors streams events into 12
// partitions while three processor processes share them; one is killed
// (SIGKILL) and another added mid-stream. Every count must still equal the
// log, and the test prints the longest time any partition stood still with
// events waiting after each change (the rebalance pause).
func TestScaleOutTwelvePartitionsThreeProcessors(t *testing.T) {
	env := newEnv(t, 12)
	msgs, want, distinct := testEvents(9000)
	// Keyed by event id, as ingest keys them, so all 12 partitions fill
	// (testEvents keys by ward: four keys). A resubmission keeps its key.
	for i := range msgs {
		var ev struct {
			EventID string `json:"event_id"`
		}
		if json.Unmarshal(msgs[i].Value, &ev) == nil && ev.EventID != "" {
			msgs[i].Key = []byte(ev.EventID)
		}
	}
	total := int64(len(msgs))

	meter := &stallMeter{since: map[int]time.Time{}, last: map[int]int64{}, longest: map[int]time.Duration{}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // sample every 100 ms
		defer wg.Done()
		for ctx.Err() == nil {
			ends, err := replay.LogBounds(ctx, env.brokers, env.topic)
			if err == nil {
				meter.sample(time.Now(), progressByPartition(t, env), ends)
			}
			select {
			case <-ctx.Done():
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	// A steady stream: 9,000+ messages over about 30 s.
	produced := make(chan struct{})
	go func() {
		defer close(produced)
		w := &kafka.Writer{Addr: kafka.TCP(env.brokers...), Topic: env.topic, Balancer: &kafka.Murmur2Balancer{}, RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
		defer w.Close()
		for i := 0; i < len(msgs) && ctx.Err() == nil; i += 300 {
			if err := w.WriteMessages(ctx, msgs[i:min(i+300, len(msgs))]...); err != nil {
				t.Errorf("producing: %v", err)
				return
			}
			time.Sleep(time.Second)
		}
	}()

	var procs []*exec.Cmd
	for i := 0; i < 3; i++ {
		procs = append(procs, startProcessor(t, env))
	}
	waitFor(t, "all three processing", time.Minute, func() bool { return len(progressByPartition(t, env)) == 12 })
	meter.worst() // the group's start (joins, settling) is not the steady state
	time.Sleep(5 * time.Second)
	before, _ := meter.worst()

	// Kill one: its partitions wait for the session timeout (10 s), then
	// move to the others.
	require.NoError(t, procs[0].Process.Signal(syscall.SIGKILL))
	_, _ = procs[0].Process.Wait()
	time.Sleep(15 * time.Second)
	afterKill, partKill := meter.worst()

	// Add one: a join is a rebalance of the whole group.
	procs = append(procs, startProcessor(t, env))
	<-produced
	waitFor(t, "every offset processed", 3*time.Minute, func() bool { return processedOffsets(t, env) == total })
	afterAdd, partAdd := meter.worst()
	cancel()
	wg.Wait()

	fmt.Printf("scale-out: 12 partitions, 3 processors, %d messages: longest stall with events waiting: steady %s; after SIGKILL of one %s (partition %d); after adding one %s (partition %d)\n",
		total, before.Round(100*time.Millisecond), afterKill.Round(100*time.Millisecond), partKill, afterAdd.Round(100*time.Millisecond), partAdd)

	for _, p := range procs[1:] {
		require.NoError(t, p.Process.Signal(syscall.SIGTERM))
		_, _ = p.Process.Wait()
	}
	require.Equal(t, want, cellCounts(t, env), "concern_daily counts")
	var events uint64
	require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM events").Scan(&events))
	require.Equal(t, uint64(distinct), events, "one events row per distinct event id")
	rep, err := replay.Audit(context.Background(), env.db.Conn, env.brokers, env.topic, env.dlq, nil)
	require.NoError(t, err)
	require.True(t, rep.OK(), "audit: %+v", rep)
}
