package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chcluster"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// clusterRig is a fault rig whose processors write a 2 x 2 ClickHouse
// cluster (database wpc, one processor group per shard, insert quorum 2)
// and whose checks read through the Distributed tables (wpc_all).
type clusterRig struct {
	*faultRig
	cl *chcluster.Cluster
}

func newClusterRig(t *testing.T, partitions int, extra ...string) *clusterRig {
	t.Helper()
	ctx := context.Background()
	cl := chcluster.StartMigrated(ctx, t, "wpc")
	reader, err := chcluster.Dial(ctx, cl.Addr(1, 2)+","+cl.Addr(2, 2), schemas.ReaderDatabase("wpc"), nil)
	require.NoError(t, err)
	t.Cleanup(func() { reader.Close() })
	r := &clusterRig{faultRig: newRig(t, extra), cl: cl}
	r.startBroker(partitions, &chtest.DB{Conn: reader, Database: schemas.ReaderDatabase("wpc"), Addr: cl.Addr(1, 2) + "," + cl.Addr(2, 2)})
	return r
}

// startShard runs a processor of shard's group. Its INSERTs go to the
// shard's first replica (the first of -clickhouse.addr) while it answers.
func (r *clusterRig) startShard(name string, shard int) *faultProc {
	ch := dialNode(r.t, r.cl.Addr(shard, 1), "wpc")
	return r.startOn(name, ch, "-shards", fmt.Sprint(r.cl.Shards()), "-shard", fmt.Sprint(shard),
		"-clickhouse.addr", strings.Join(r.cl.ShardAddrs(shard), ","), "-clickhouse.database", "wpc", "-clickhouse.insert-quorum", fmt.Sprint(r.cl.Replicas()))
}

// gauge reads a metric of a live processor (-1 when it does not answer).
func gauge(p *faultProc, name string) float64 {
	code, body := httpGet("http://" + p.listen + "/metrics")
	if code != http.StatusOK {
		return -1
	}
	return metricSum(body, name)
}

// keyByEventID keys each event by its id, as ingest does, so that events
// spread over every partition (and both shards) and a resubmitted event
// lands in its first copy's partition.
func keyByEventID(msgs []kafka.Message) {
	for i := range msgs {
		var ev struct {
			EventID string `json:"event_id"`
		}
		if json.Unmarshal(msgs[i].Value, &ev) == nil && ev.EventID != "" {
			msgs[i].Key = []byte(ev.EventID)
		}
	}
}

// TestFencingOnACluster streams events through the real processors of a
// 2 x 2 ClickHouse cluster, two in shard 1's group and one in shard 2's,
// while a processor of shard 1 is SIGSTOPped in the middle of an INSERT
// past its session timeout: the other processor of its group takes its
// partitions over and writes them (checked on its assigned-partitions gauge
// and on every one of the shard's partitions' progress) while it is stopped,
// then it is resumed; later the other one of the pair is stalled in the
// middle of an INSERT, shard 2's processor, and A1 again wherever it is. The
// lease fence refuses the resumed writers' stale batches (on the shard's
// replicas, with insert quorum): afterwards every ward x theme count read
// through wpc_all equals the log, the progress markers of every partition
// sum to its log end, and `wardpulse audit` passes on the cluster.
//
// WARDPULSE_FAULT_NO_FENCE=1 runs it with fencing off (-write-lease 0), as
// TestFaultsCountExactlyOnce's control run.
func TestFencingOnACluster(t *testing.T) {
	const partitions = 8
	lease := "2s"
	if os.Getenv("WARDPULSE_FAULT_NO_FENCE") == "1" {
		lease = "0"
		t.Log("control run: fencing off (-write-lease 0); this run is expected to fail")
	}
	r := newClusterRig(t, partitions, "-session-timeout", "6s", "-write-lease", lease)
	env := r.env
	msgs, want, distinct := testEvents(20000)
	keyByEventID(msgs)
	total := int64(len(msgs))
	var mine []int // shard 1's partitions
	for p := range partitions {
		if consume.ShardOf(p, 2) == 1 {
			mine = append(mine, p)
		}
	}

	produced := make(chan error, 1)
	stopStream := make(chan struct{})
	go func() { produced <- streamEvents(env.brokers, env.topic, msgs, 100, 300*time.Millisecond, stopStream) }()
	a := r.startShard("A1", 1)
	b := r.startShard("B1", 1)
	c := r.startShard("C2", 2)
	waitFor(t, "shard 1's partitions split between A1 and B1", 2*time.Minute, func() bool {
		return gauge(a, "wardpulse_processor_assigned_partitions") == float64(len(mine)/2) &&
			gauge(b, "wardpulse_processor_assigned_partitions") == float64(len(mine)/2)
	})
	r.progress("first progress")

	// A1 stopped in the middle of an INSERT, past the session timeout: B1
	// takes all of shard 1's partitions and moves every one of them on
	// while A1 is still stopped.
	r.waitWriting(a)
	ctx := context.Background()
	before, err := chsink.ReadProgress(ctx, env.db.Conn, "concern_daily")
	require.NoError(t, err)
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGSTOP))
	t.Logf("A1: SIGSTOP")
	stopped := time.Now()
	waitFor(t, "B1 owning all of shard 1's partitions", time.Minute, func() bool {
		return gauge(b, "wardpulse_processor_assigned_partitions") == float64(len(mine))
	})
	waitFor(t, "every partition of shard 1 stored on by B1 while A1 is stopped", 2*time.Minute, func() bool {
		now, err := chsink.ReadProgress(ctx, env.db.Conn, "concern_daily")
		if err != nil {
			return false
		}
		for _, p := range mine {
			if now[p] <= before[p] {
				return false
			}
		}
		return true
	})
	t.Logf("A1 stopped %s; B1 took over and stored on all of shard 1's partitions", time.Since(stopped).Round(time.Second))
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGCONT))
	t.Logf("A1: SIGCONT")
	r.progress("progress after A1 resumed")
	waitFor(t, "A1 back in shard 1's group, sharing its partitions with B1", 2*time.Minute, func() bool {
		return gauge(a, "wardpulse_processor_assigned_partitions") > 0 && gauge(b, "wardpulse_processor_assigned_partitions") > 0
	})

	// The other way round, and shard 2's processor alone for a while.
	r.stallWhileWriting(b, 9*time.Second)
	r.progress("progress after B1's stall")
	r.stall(c, 8*time.Second)
	r.progress("progress after C2's stall")
	r.stall(a, 8*time.Second) // wherever it is: between an ownership proof and its INSERT, it may be

	close(stopStream)
	require.NoError(t, <-produced)
	waitFor(t, "every offset processed", 4*time.Minute, func() bool { return processedOffsets(t, env) >= total })
	time.Sleep(3 * time.Second) // anything still in flight lands now
	r.requireExactlyOnce(total, want, distinct)
}

// TestAlertsCommandOnACluster runs `wardpulse alerts` on a 2 x 2 cluster as
// docs/cluster.md says: the alerter reads through the Distributed tables
// (-reader-database wpc_all), the alerts sink writes shard 1's replicated
// alerts table with insert quorum. Three years of occasional off-road-bike
// concerns in Grangetown and a surge this week go through one processor per
// shard (keyed by event id, so both shards hold some of the surge); the
// alerter fires one alert with the whole surge counted, stored on both
// replicas of shard 1 only and read back through wpc_all; restarted, it
// reads that state through wpc_all and fires nothing again. (Without
// -reader-database, reading shard 1's local tables, it stored no alert
// within the minute: the control run.)
func TestAlertsCommandOnACluster(t *testing.T) {
	ctx := context.Background()
	r := newClusterRig(t, 4)
	env := r.env
	now := time.Now().UTC()
	var msgs []kafka.Message
	add := func(at time.Time, text string) {
		ev := schemas.Event{EventID: uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprint("cluster-alerts", len(msgs)))).String(), Type: schemas.TypeConcern,
			SchemaVersion: 1, OccurredAt: &at, RecordedAt: &at, Source: &schemas.Source{Name: "test"}, Ward: "Grangetown", WardCode: "E05012442",
			Concern: &schemas.Concern{Text: text}}
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		msgs = append(msgs, kafka.Message{Key: []byte(ev.EventID), Value: b})
	}
	for w := 3 * 52; w >= 2; w -= 3 {
		add(now.AddDate(0, 0, -7*w), "Off-road bikes on the playing fields")
	}
	for i := range 7 {
		add(now.Add(-time.Duration(i+1)*time.Second), "Scramblers and quad bikes on the estate again")
	}
	produce(t, env.brokers, env.topic, msgs)
	r.startShard("P1", 1)
	r.startShard("P2", 2)
	waitFor(t, "every event stored on the cluster", 2*time.Minute, func() bool { return processedOffsets(t, env) == int64(len(msgs)) })
	for s := 1; s <= 2; s++ {
		var n uint64
		require.NoError(t, dialNode(t, r.cl.Addr(s, 1), "wpc").QueryRow(ctx, "SELECT countIf(occurred_at > now() - 3600) FROM concerns").Scan(&n))
		require.Positive(t, n, "shard %d holds some of the surge", s)
	}

	alerts := func() *faultProc {
		p := &faultProc{name: "alerts", listen: freePort(t)}
		p.cmd = startWardpulse(t, append(append([]string{"alerts", "-listen", p.listen, "-interval", "2s", "-poll-interval", "1s", "-log.level", "warn"},
			env.kafkaFlags()...), "-clickhouse.addr", strings.Join(r.cl.ShardAddrs(1), ","), "-clickhouse.database", "wpc",
			"-clickhouse.insert-quorum", fmt.Sprint(r.cl.Replicas()), "-reader-database", schemas.ReaderDatabase("wpc"))...)
		waitFor(t, "the alerter ready (a run decided)", 2*time.Minute, func() bool {
			code, _ := httpGet("http://" + p.listen + "/readyz")
			return code == http.StatusOK
		})
		return p
	}
	count := func(conn driver.Conn) uint64 {
		var n uint64
		require.NoError(t, conn.QueryRow(ctx, "SELECT count() FROM alerts").Scan(&n))
		return n
	}
	a := alerts()
	waitFor(t, "one alert stored through the sink", time.Minute, func() bool { return count(env.db.Conn) == 1 })
	var id, status string
	var observed uint32
	require.NoError(t, env.db.Conn.QueryRow(ctx, "SELECT alert_id, status, observed FROM alerts").Scan(&id, &status, &observed))
	require.True(t, strings.HasPrefix(id, "E05012442/off_road_bikes/"), id)
	require.Equal(t, "firing", status)
	require.EqualValues(t, 7, observed, "the surge counted on both shards")
	require.EqualValues(t, 1, count(dialNode(t, r.cl.Addr(1, 1), "wpc")), "shard 1 replica 1")
	require.EqualValues(t, 1, count(dialNode(t, r.cl.Addr(1, 2), "wpc")), "shard 1 replica 2 (insert quorum)")
	require.EqualValues(t, 0, count(dialNode(t, r.cl.Addr(2, 1), "wpc")), "shard 2 holds no alerts")

	require.NoError(t, a.cmd.Process.Signal(syscall.SIGTERM))
	_, _ = a.cmd.Process.Wait()
	a = alerts()
	time.Sleep(5 * time.Second) // two more runs
	n, err := logSize(ctx, env.brokers, "wardpulse.alerts")
	require.NoError(t, err)
	require.EqualValues(t, 1, n, "the restarted alerter read its state through wpc_all and fired nothing again")
	require.EqualValues(t, 1, count(env.db.Conn))
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGTERM))
	_, _ = a.cmd.Process.Wait()
}
