package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

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

// gauge reads an unlabelled metric of a live processor (-1 when it does
// not answer).
func gauge(p *faultProc, name string) float64 {
	resp, err := http.Get("http://" + p.listen + "/metrics")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return -1
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
// then it is resumed; later the other one of the pair is stalled too. The
// lease fence refuses the resumed writers' stale batches (on the shard's
// replicas, with insert quorum): afterwards every ward x theme count read
// through wpc_all equals the log, the progress markers of every partition
// sum to its log end, and `wardpulse audit` passes on the cluster.
func TestFencingOnACluster(t *testing.T) {
	const partitions = 8
	r := newClusterRig(t, partitions, "-session-timeout", "6s", "-write-lease", "2s")
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

	close(stopStream)
	require.NoError(t, <-produced)
	waitFor(t, "every offset processed", 4*time.Minute, func() bool { return processedOffsets(t, env) >= total })
	time.Sleep(3 * time.Second) // anything still in flight lands now
	r.requireExactlyOnce(total, want, distinct)
}
