package main

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
)

// TestReplayOnAReplicatedCluster runs the real `wardpulse replay -cluster`
// on the 2 x 2 cluster while both shards' processors run and events keep
// arriving. Afterwards: every ward x theme count through wpc_all equals the
// log; on all four servers the live tables are the rebuilt ones, each with
// the ZooKeeper path of this replay (its replicas replicate each other,
// not the replaced tables), no *_old or *_rebuild table is left and the
// replaced tables' ZooKeeper nodes are gone; each shard's generation is the
// replay's; the replicas of each shard agree table by table; each shard
// holds only the partitions it owns; audit passes; and the processors,
// reloaded from the new tables, store the events sent after the replay.
func TestReplayOnAReplicatedCluster(t *testing.T) {
	ctx := context.Background()
	cp := startClusterPipeline(t, 8)
	cl, db := cp.cl, cp.db

	msgs, want, distinct := testEvents(3000)
	keyByEventID(msgs)
	n := len(msgs)
	before, during, after := msgs[:n/2], msgs[n/2:3*n/4], msgs[3*n/4:]
	procs := []*exec.Cmd{cp.startShard(t, 1), cp.startShard(t, 2)}
	produce(t, cp.env.brokers, cp.env.topic, before)
	waitFor(t, "the first half stored", 3*time.Minute, func() bool { return cp.progress(ctx) == int64(len(before)) })

	servers := map[string]driver.Conn{} // "shard/replica" -> that server alone
	for shard := 1; shard <= 2; shard++ {
		for replica := 1; replica <= 2; replica++ {
			servers[fmt.Sprintf("%d/%d", shard, replica)] = dialNode(t, cl.Addr(shard, replica), db)
		}
	}
	live := chsink.LiveTables().All()
	oldPaths := map[string]string{} // "shard/replica table" -> ZooKeeper path
	for name, conn := range servers {
		for table, path := range zkPaths(t, conn, db) {
			oldPaths[name+" "+table] = path
		}
	}
	require.Len(t, oldPaths, 4*len(live))
	oldGen := map[string]string{}
	for name, conn := range servers {
		st, err := chsink.ReadState(ctx, conn)
		require.NoError(t, err)
		oldGen[name] = st.Generation
	}

	// Events keep arriving, ten every 100ms, while the replay runs: the
	// processors are writing when it asks them to pause.
	stop := make(chan struct{})
	sent := make(chan error, 1)
	go func() { sent <- streamEvents(cp.env.brokers, cp.env.topic, during, 10, 100*time.Millisecond, stop) }()
	args := append([]string{"replay", "-cluster", cl.Name(), "-shards", "2", "-clickhouse.addr", cl.Addr(1, 1), "-clickhouse.database", db,
		"-pause.secret", testPauseSecret, "-pause-wait", "30s", "-batch-size", "500", "-log.level", "info"}, cp.env.kafkaFlags()...)
	out, err := exec.Command(wardpulseBinary(t), args...).CombinedOutput()
	close(stop) // the rest of them at once
	require.NoError(t, err, "%s", out)
	require.NoError(t, <-sent)
	t.Logf("replay: %s", out)
	require.Contains(t, string(out), "swapped the rebuilt tables in on 4 servers of 2 shards")
	m := regexp.MustCompile(`\(generation ([0-9a-f-]{36})\)`).FindStringSubmatch(string(out))
	require.NotNil(t, m, "the replay prints its generation")
	token := m[1]

	// Events sent after the replay: the processors reloaded their
	// watermarks from the rebuilt tables and go on from there.
	produce(t, cp.env.brokers, cp.env.topic, after)
	waitFor(t, "every offset stored after the replay", 3*time.Minute, func() bool { return cp.progress(ctx) == int64(n) })
	time.Sleep(time.Second) // nothing more arrives: nothing doubled
	require.EqualValues(t, n, cp.progress(ctx))
	for _, p := range procs {
		require.NoError(t, p.Process.Signal(syscall.SIGTERM))
		_, _ = p.Process.Wait()
	}
	require.Equal(t, want, cp.cellCounts(t), "ward x theme counts through the Distributed tables")
	var events uint64
	require.NoError(t, cp.reader.QueryRow(ctx, "SELECT count() FROM events").Scan(&events))
	require.Equal(t, uint64(distinct), events, "one events row per distinct event id across the shards")

	for name, conn := range servers {
		shard := name[:1]
		// The live tables are the rebuilt ones: this replay's own paths,
		// replicated between the shard's two replicas.
		paths := zkPaths(t, conn, db)
		require.Len(t, paths, len(live), "%s: the live tables are replicated", name)
		for _, table := range live {
			wantPath := strings.Replace(schemas.ReplicatedPath(db, table+"_rebuild_"+token), "{shard}", shard, 1)
			require.Equal(t, wantPath, paths[table], "%s %s", name, table)
			require.NotEqual(t, oldPaths[name+" "+table], paths[table])
			var total, active uint8
			require.NoError(t, conn.QueryRow(ctx, "SELECT toUInt8(total_replicas), toUInt8(active_replicas) FROM system.replicas WHERE database = currentDatabase() AND table = ?", table).Scan(&total, &active))
			require.Equal(t, [2]uint8{2, 2}, [2]uint8{total, active}, "%s %s: both replicas of the shard share the rebuilt table", name, table)
		}
		var leftovers []string
		require.NoError(t, conn.QueryRow(ctx, "SELECT groupArray(name) FROM system.tables WHERE database = currentDatabase() AND match(name, '_(old|rebuild)$')").Scan(&leftovers))
		require.Empty(t, leftovers, "%s: replaced and rebuilt tables are gone", name)
		st, err := chsink.ReadState(ctx, conn)
		require.NoError(t, err)
		require.Equal(t, token, st.Generation, "%s: the shard's generation is the replay's", name)
		require.NotEqual(t, oldGen[name], st.Generation)
		require.Empty(t, st.Pause, "%s: the pause request is cleared", name)
		// Each shard holds only the partitions it owns (partition mod 2).
		var foreign uint64
		require.NoError(t, conn.QueryRow(ctx, "SELECT count() FROM events WHERE src_partition % 2 != "+shard+" - 1").Scan(&foreign))
		require.Zero(t, foreign, "%s: rows of another shard's partitions", name)
	}
	// The replaced tables are dropped on both replicas of each shard, so
	// their ZooKeeper nodes are gone too.
	for key, path := range oldPaths {
		conn := servers[key[:3]]
		parent, node := path[:strings.LastIndex(path, "/")], path[strings.LastIndex(path, "/")+1:]
		var left uint64
		require.NoError(t, conn.QueryRow(ctx, "SELECT count() FROM system.zookeeper WHERE path = ? AND name = ?", parent, node).Scan(&left))
		require.Zero(t, left, "%s: ZooKeeper still holds the replaced table's %s", key, path)
	}
	// The replicas of each shard agree, table by table.
	for shard := 1; shard <= 2; shard++ {
		a, b := servers[fmt.Sprintf("%d/1", shard)], servers[fmt.Sprintf("%d/2", shard)]
		waitFor(t, fmt.Sprintf("shard %d's replicas agree", shard), time.Minute, func() bool {
			ca, cb := tableFigures(ctx, a), tableFigures(ctx, b)
			return ca != nil && fmt.Sprint(ca) == fmt.Sprint(cb)
		})
		figures := tableFigures(ctx, a)
		require.Positive(t, figures["events"], "shard %d holds events", shard)
		t.Logf("shard %d, both replicas: %v", shard, figures)
	}

	rep, err := replay.Audit(ctx, cp.reader, cp.env.brokers, cp.env.topic, cp.env.dlq, nil)
	require.NoError(t, err)
	require.True(t, rep.OK(), "audit on the cluster: %+v", rep)
	require.Equal(t, distinct, rep.DistinctEvents)
}

// zkPaths maps each replicated table of database on one server to its
// ZooKeeper path (macros expanded).
func zkPaths(t *testing.T, conn driver.Conn, database string) map[string]string {
	t.Helper()
	rows, err := conn.Query(context.Background(), "SELECT table, zookeeper_path FROM system.replicas WHERE database = ?", database)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]string{}
	live := map[string]bool{}
	for _, tb := range chsink.LiveTables().All() {
		live[tb] = true
	}
	for rows.Next() {
		var table, path string
		require.NoError(t, rows.Scan(&table, &path))
		if live[table] {
			out[table] = path
		}
	}
	require.NoError(t, rows.Err())
	return out
}

// tableFigures reads, on one server, a figure per live table that merges do
// not change: rows of the plain table, current versions of the replacing
// ones, the sums of concern_daily. nil if a query fails.
func tableFigures(ctx context.Context, conn driver.Conn) map[string]int64 {
	queries := map[string]string{
		"events":                 "SELECT toInt64(count()) FROM events",
		"meetings":               "SELECT toInt64(count()) FROM meetings FINAL",
		"concerns":               "SELECT toInt64(count()) FROM concerns FINAL",
		"concern_actions":        "SELECT toInt64(count()) FROM concern_actions FINAL",
		"concern_outcomes":       "SELECT toInt64(count()) FROM concern_outcomes FINAL",
		"concern_daily concerns": "SELECT toInt64(sum(concerns)) FROM concern_daily",
		"concern_daily offsets":  "SELECT toInt64(sum(next_offset)) FROM concern_daily",
	}
	out := map[string]int64{}
	for name, q := range queries {
		var v int64
		if err := conn.QueryRow(ctx, q).Scan(&v); err != nil {
			return nil
		}
		out[name] = v
	}
	return out
}
