package main

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas/chcluster"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// TestExactlyOnceOnAReplicatedCluster runs the real processors against a
// 2-shard x 2-replica ClickHouse 18.16 cluster (ZooKeeper 3.8): one
// processor group per shard, each consuming the partitions its shard owns
// and writing that shard's local replicated tables with an insert quorum of
// both replicas. Events stream in while one replica is SIGKILLed and
// restarted and while a whole shard is unreachable for a minute; afterwards
// every ward x theme count read through the Distributed tables equals the
// log, the events table holds each distinct event once, and audit passes on
// the cluster.
func TestExactlyOnceOnAReplicatedCluster(t *testing.T) {
	ctx := context.Background()
	cp := startClusterPipeline(t, 8)
	cl, db, reader := cp.cl, cp.db, cp.reader

	msgs, want, distinct := testEvents(4000)
	keyByEventID(msgs)
	total := int64(len(msgs))
	procs := []*exec.Cmd{cp.startShard(t, 1), cp.startShard(t, 2)}

	third := len(msgs) / 3
	require.NoError(t, cp.produceSlowly(ctx, msgs[:third]))
	waitFor(t, "first third stored", 2*time.Minute, func() bool { return cp.progress(ctx) >= int64(third)/2 })

	// The replica shard 1's processor is connected to crashes mid-stream and
	// comes back: the driver fails over to the other replica, whose reads
	// (sequential consistency) see every quorum-written batch.
	cl.Kill(1, 1)
	require.NoError(t, cp.produceSlowly(ctx, msgs[third:2*third]))
	time.Sleep(3 * time.Second)
	require.NoError(t, cl.Restart(ctx, 1, 1))

	// Shard 2 is unreachable for a minute: both replicas stopped.
	require.NoError(t, cl.Stop(2, 1))
	require.NoError(t, cl.Stop(2, 2))
	require.NoError(t, cp.produceSlowly(ctx, msgs[2*third:]))
	time.Sleep(60 * time.Second)
	require.NoError(t, cl.Restart(ctx, 2, 1))
	require.NoError(t, cl.Restart(ctx, 2, 2))

	waitFor(t, "every offset stored on the cluster", 4*time.Minute, func() bool { return cp.progress(ctx) == total })
	for _, p := range procs {
		require.NoError(t, p.Process.Signal(syscall.SIGTERM))
		_, _ = p.Process.Wait()
	}
	// Each replica of a shard holds the same rows (quorum inserts).
	for shard := 1; shard <= 2; shard++ {
		var a, b uint64
		ra := dialNode(t, cl.Addr(shard, 1), db)
		rb := dialNode(t, cl.Addr(shard, 2), db)
		waitFor(t, "replicas agree", time.Minute, func() bool {
			_ = ra.QueryRow(ctx, "SELECT count() FROM events").Scan(&a)
			_ = rb.QueryRow(ctx, "SELECT count() FROM events").Scan(&b)
			return a == b && a > 0
		})
	}
	require.Equal(t, want, cp.cellCounts(t), "ward x theme counts through the Distributed tables")
	var events uint64
	require.NoError(t, reader.QueryRow(ctx, "SELECT count() FROM events").Scan(&events))
	require.Equal(t, uint64(distinct), events, "one events row per distinct event id across the shards")

	rep, err := replay.Audit(ctx, reader, cp.env.brokers, cp.env.topic, cp.env.dlq, nil)
	require.NoError(t, err)
	require.True(t, rep.OK(), "audit on the cluster: %+v", rep)
	require.Equal(t, distinct, rep.DistinctEvents)
}

// clusterPipeline is a 2-shard x 2-replica ClickHouse 18.16 cluster
// (ZooKeeper 3.8) with the cluster schema applied by `wardpulse migrate
// -cluster`, and an embedded broker, for tests that run the real processors
// on it.
type clusterPipeline struct {
	cl  *chcluster.Cluster
	env *testEnv
	db  string // the shards' local tables; readers use db_all
	// reader reads through the Distributed tables. A shard that is down
	// makes its queries fail (never a partial answer), so polls retry.
	reader driver.Conn
}

func startClusterPipeline(t *testing.T, partitions int) *clusterPipeline {
	t.Helper()
	ctx := context.Background()
	cl, err := chcluster.Start(ctx, chcluster.Config{Dir: t.TempDir()}, nil)
	require.NoError(t, err, "a real ZooKeeper and four clickhouse-server processes are required")
	t.Cleanup(cl.Close)
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	cp := &clusterPipeline{cl: cl, env: &testEnv{brokers: b.Addrs(), topic: "wardpulse.events", dlq: "wardpulse.events.dlq"}, db: "wpc"}
	require.NoError(t, createTopics(ctx, cp.env, partitions))

	out, err := exec.Command(wardpulseBinary(t), "migrate", "-cluster", cl.Name(), "-clickhouse.addr", cl.Addr(1, 1), "-clickhouse.database", cp.db).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "readers use database "+cp.db+"_all")

	cp.reader, err = clickhouse.Open(&clickhouse.Options{Addr: []string{cl.Addr(1, 2), cl.Addr(2, 2)}, Auth: clickhouse.Auth{Database: cp.db + "_all", Username: "default"},
		DialTimeout: 2 * time.Second})
	require.NoError(t, err)
	t.Cleanup(func() { cp.reader.Close() })
	return cp
}

// startShard runs the processor group member of one shard: its partitions
// only, its replicas, an insert quorum of both.
func (cp *clusterPipeline) startShard(t *testing.T, shard int) *exec.Cmd {
	t.Helper()
	return startWardpulse(t, append(processArgs(t, cp.env), "-shards", "2", "-shard", fmt.Sprint(shard),
		"-clickhouse.addr", strings.Join(cp.cl.ShardAddrs(shard), ","), "-clickhouse.database", cp.db, "-clickhouse.insert-quorum", "2")...)
}

// progress is the sum of the partitions' stored progress through the
// Distributed tables, -1 while a shard does not answer.
func (cp *clusterPipeline) progress(ctx context.Context) int64 {
	var n int64
	if err := cp.reader.QueryRow(ctx, "SELECT sum(next_offset) FROM concern_daily WHERE theme = ''").Scan(&n); err != nil {
		return -1
	}
	return n
}

// produceSlowly writes part in slices of 200 every 200ms, spread over the
// partitions by key as ingest spreads them.
func (cp *clusterPipeline) produceSlowly(ctx context.Context, part []kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP(cp.env.brokers...), Topic: cp.env.topic, Balancer: &kafka.Murmur2Balancer{}, RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
	defer w.Close()
	for i := 0; i < len(part); i += 200 {
		if err := w.WriteMessages(ctx, part[i:min(i+200, len(part))]...); err != nil {
			return err
		}
		time.Sleep(200 * time.Millisecond)
	}
	return nil
}

// cellCounts reads every ward x theme count through the Distributed tables.
func (cp *clusterPipeline) cellCounts(t *testing.T) map[string]int64 {
	t.Helper()
	got := map[string]int64{}
	rows, err := cp.reader.Query(context.Background(), "SELECT ward_code, theme, sum(concerns) FROM concern_daily WHERE theme != '' GROUP BY ward_code, theme")
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
		var w, th string
		var n int64
		require.NoError(t, rows.Scan(&w, &th, &n))
		if n != 0 {
			got[w+"|"+th] = n
		}
	}
	require.NoError(t, rows.Err())
	return got
}

func createTopics(ctx context.Context, env *testEnv, partitions int) error {
	return wiring.CreateTopics(ctx, env.brokers, partitions, env.topic, env.dlq, "wardpulse.alerts")
}

func dialNode(t *testing.T, addr, database string) driver.Conn {
	t.Helper()
	c, err := clickhouse.Open(&clickhouse.Options{Addr: []string{addr}, Auth: clickhouse.Auth{Database: database, Username: "default"}, DialTimeout: 2 * time.Second})
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
}
