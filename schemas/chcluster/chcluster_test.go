package chcluster_test

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chcluster"
)

// TestClusterSchemaReplicatesAndDistributes starts ZooKeeper and a 2 x 2
// cluster of real 18.16 servers, applies the cluster schema generated from
// the migrations, and checks what the design leans on: a row written on one
// replica reaches the other, the same block sent again (a retried INSERT) is
// stored once, Distributed tables read every shard (FINAL included), and a
// second migrate changes nothing.
func TestClusterSchemaReplicatesAndDistributes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c, err := chcluster.Start(ctx, chcluster.Config{Dir: t.TempDir()}, nil)
	require.NoError(t, err, "a real ZooKeeper and four clickhouse-server processes are required")
	t.Cleanup(c.Close)

	nodes := migrateCluster(t, ctx, c, "wp")
	ms, err := schemas.Migrations()
	require.NoError(t, err)
	conn := func(shard, replica int) driver.Conn {
		for _, n := range nodes {
			if n.Shard == shard && n.Replica == replica {
				return n.Conn
			}
		}
		t.Fatalf("no node %d/%d", shard, replica)
		return nil
	}
	var engine string
	require.NoError(t, conn(2, 2).QueryRow(ctx, "SELECT engine FROM system.tables WHERE database = 'wp' AND name = 'concern_daily'").Scan(&engine))
	require.Equal(t, "ReplicatedSummingMergeTree", engine)

	insert := func(n driver.Conn, partition uint32, offset uint64, ward string) {
		t.Helper()
		b, err := n.PrepareBatch(ctx, "INSERT INTO wp.concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
		require.NoError(t, err)
		require.NoError(t, b.Append(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), ward, "E06000001", "speeding", "1", partition, int64(1), int64(0)))
		require.NoError(t, b.Append(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), "", "", "", "", partition, int64(0), int64(offset)))
		require.NoError(t, b.Send())
	}
	insert(conn(1, 1), 0, 1, "E05000001")
	insert(conn(2, 1), 1, 1, "E05000002")
	// The same block again on the other replica: replicated deduplication.
	insert(conn(1, 2), 0, 1, "E05000001")
	sum := func(n driver.Conn, table string) int64 {
		var s int64
		require.NoError(t, n.QueryRow(ctx, "SELECT sum(concerns) FROM "+table).Scan(&s))
		return s
	}
	waitFor(t, "replication to shard 1 replica 2", func() bool { return sum(conn(1, 2), "wp.concern_daily") == 1 })
	// The Distributed table may read shard 2 from either replica: both
	// must hold its block first.
	waitFor(t, "replication to shard 2 replica 2", func() bool { return sum(conn(2, 2), "wp.concern_daily") == 1 })
	require.EqualValues(t, 1, sum(conn(1, 1), "wp.concern_daily"), "a repeated identical block is stored once")
	require.EqualValues(t, 2, sum(conn(1, 2), "wp_all.concern_daily"), "the Distributed table reads both shards")

	// FINAL through a Distributed table, on a ReplacingMergeTree.
	for _, sh := range []int{1, 2} {
		id := uuid.New()
		for _, off := range []uint64{1, 2} {
			b, err := conn(sh, 1).PrepareBatch(ctx, "INSERT INTO wp.concerns (concern_id, ward_code, src_partition, src_offset)")
			require.NoError(t, err)
			require.NoError(t, b.Append(id, "E05000001", uint32(sh-1), off))
			require.NoError(t, b.Send())
		}
	}
	// Read from a second replica once replication has caught up: one
	// version per concern across the two shards.
	waitFor(t, "one live version per concern through wp_all", func() bool {
		var live, versions uint64
		require.NoError(t, conn(2, 2).QueryRow(ctx, "SELECT count() FROM wp_all.concerns").Scan(&versions))
		require.NoError(t, conn(2, 2).QueryRow(ctx, "SELECT count() FROM wp_all.concerns FINAL").Scan(&live))
		return versions == 4 && live == 2
	})

	// A replay's copy of a table (schemas.ReplicatedCopyStatement), made on
	// both replicas of shard 1: the copies replicate each other and not the
	// live table, which keeps its rows.
	for _, r := range []int{1, 2} {
		var create string
		require.NoError(t, conn(1, r).QueryRow(ctx, "SHOW CREATE TABLE concern_daily").Scan(&create))
		stmt, err := schemas.ReplicatedCopyStatement(create, "wp", "concern_daily_rebuild", "t1")
		require.NoError(t, err)
		require.NoError(t, conn(1, r).Exec(ctx, stmt))
	}
	var copyPath string
	require.NoError(t, conn(1, 2).QueryRow(ctx, "SELECT zookeeper_path FROM system.replicas WHERE database = 'wp' AND table = 'concern_daily_rebuild'").Scan(&copyPath))
	require.Equal(t, "/clickhouse/tables/1/wp/concern_daily_rebuild_t1", copyPath)
	b, err := conn(1, 1).PrepareBatch(ctx, "INSERT INTO wp.concern_daily_rebuild (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
	require.NoError(t, err)
	require.NoError(t, b.Append(time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC), "E05000003", "E06000001", "drugs", "1", uint32(0), int64(5), int64(0)))
	require.NoError(t, b.Send())
	waitFor(t, "the copy replicated to shard 1 replica 2", func() bool { return sum(conn(1, 2), "wp.concern_daily_rebuild") == 5 })
	require.EqualValues(t, 1, sum(conn(1, 2), "wp.concern_daily"), "the live table does not receive the copy's rows")
	require.EqualValues(t, 1, sum(conn(1, 1), "wp.concern_daily"))
	for _, r := range []int{1, 2} {
		require.NoError(t, conn(1, r).Exec(ctx, "DROP TABLE wp.concern_daily_rebuild"))
	}

	again, err := schemas.MigrateCluster(ctx, nodes, c.Name(), "wp", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.Zero(t, again)
	var versions uint64
	require.NoError(t, conn(2, 2).QueryRow(ctx, "SELECT count() FROM wp.schema_migrations").Scan(&versions))
	require.EqualValues(t, len(ms), versions)

	// A processor checks the schema before writing a shard: a server that
	// lacks this release's last migration is refused, naming it.
	require.NoError(t, schemas.CheckReplicated(ctx, conn(2, 2)))
	last := ms[len(ms)-1].Version
	for _, q := range []string{
		"RENAME TABLE wp.schema_migrations TO wp.schema_migrations_saved",
		"CREATE TABLE wp.schema_migrations AS wp.schema_migrations_saved",
		fmt.Sprintf("INSERT INTO wp.schema_migrations SELECT * FROM wp.schema_migrations_saved WHERE version < %d", last),
	} {
		require.NoError(t, conn(2, 2).Exec(ctx, q), q)
	}
	err = schemas.CheckReplicated(ctx, conn(2, 2))
	require.ErrorContains(t, err, fmt.Sprintf("lacks migration(s) %04d", last))
	require.ErrorContains(t, err, "wardpulse migrate -cluster")
}

// migrateCluster applies the cluster schema to database and checks every
// migration ran on every server.
func migrateCluster(t *testing.T, ctx context.Context, c *chcluster.Cluster, database string) []schemas.ClusterNode {
	t.Helper()
	nodes, applied, err := c.Migrate(ctx, database)
	require.NoError(t, err)
	for _, n := range nodes {
		conn := n.Conn
		t.Cleanup(func() { conn.Close() })
	}
	require.Len(t, nodes, c.Shards()*c.Replicas())
	ms, err := schemas.Migrations()
	require.NoError(t, err)
	require.Equal(t, len(ms)*len(nodes), applied)
	return nodes
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
