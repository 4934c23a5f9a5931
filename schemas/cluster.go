package schemas

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// The cluster schema is generated from the same migration files as the
// single-node one, never written twice:
//
//   - every MergeTree-family table becomes its Replicated twin, with the
//     ZooKeeper path /clickhouse/tables/{shard}/<database>/<table> and the
//     replica name {replica} taken from each server's macros;
//   - statements that copy data (INSERT ... SELECT) run on the first replica
//     of each shard only: the copy reaches the other replicas by replication,
//     and a second copy from another replica would be a different block and
//     could double a summing table;
//   - database <database>_all gets a Distributed table for every table, with
//     the same name, so readers (dashboards, briefing, alerting, audit) point
//     at <database>_all and run their queries unchanged.
//
// Each shard holds the rows of the Kafka partitions it owns (partition mod
// shards), written by that shard's processors into its local tables, so
// watermarks and progress markers stay per shard exactly as on one server.

// ClusterNode is one server of a cluster as system.clusters lists it. Conn,
// set by the caller, is connected to the database being migrated (create it
// first with EnsureDatabase).
type ClusterNode struct {
	Shard, Replica int
	Addr           string
	Conn           driver.Conn
}

var (
	createTableName = regexp.MustCompile(`(?is)^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*)`)
	mergeTreeEngine = regexp.MustCompile(`(?s)ENGINE\s*=\s*((?:Replacing|Summing|Aggregating|Collapsing|VersionedCollapsing|Graphite)?MergeTree)\b(\s*\()?`)
	copiesData      = regexp.MustCompile(`(?is)^\s*INSERT\s+INTO\b`)
	altersTable     = regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\b`)
)

// ReplicatedStatement rewrites one migration statement for a replicated
// cluster: a MergeTree-family CREATE TABLE gets its Replicated engine; other
// statements are returned unchanged.
func ReplicatedStatement(stmt, database string) string {
	m := createTableName.FindStringSubmatch(stmt)
	if m == nil {
		return stmt
	}
	loc := mergeTreeEngine.FindStringSubmatchIndex(stmt)
	if loc == nil {
		return stmt
	}
	engine := stmt[loc[2]:loc[3]]
	args := fmt.Sprintf("'%s', '{replica}'", ReplicatedPath(database, m[1]))
	if loc[4] >= 0 { // the engine has parameters: put the path first
		rest := stmt[loc[5]:]
		if strings.HasPrefix(strings.TrimSpace(rest), ")") {
			return stmt[:loc[0]] + "ENGINE = Replicated" + engine + "(" + args + rest
		}
		return stmt[:loc[0]] + "ENGINE = Replicated" + engine + "(" + args + ", " + rest
	}
	return stmt[:loc[0]] + "ENGINE = Replicated" + engine + "(" + args + ")" + stmt[loc[1]:]
}

// ReplicatedPath is the ZooKeeper path of table in database: the one place
// that knows the cluster's paths ({shard} is each server's macro, so the
// replicas of one shard share it and the shards do not).
func ReplicatedPath(database, table string) string {
	return fmt.Sprintf("/clickhouse/tables/{shard}/%s/%s", database, table)
}

var (
	// SHOW CREATE TABLE's head: CREATE TABLE [db.]name, names plain or
	// quoted with backticks (current versions quote only when needed).
	shownTableName = regexp.MustCompile("(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?((?:`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\\.)?(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)")
	// A Replicated engine's first parameter, the ZooKeeper path.
	replicatedPathArg = regexp.MustCompile(`(ENGINE\s*=\s*Replicated[A-Za-z]*MergeTree\s*\(\s*)'(?:[^'\\]|\\.)*'`)
)

// ReplicatedCopyStatement turns create, the CREATE TABLE statement of a
// replicated table of database as SHOW CREATE TABLE prints it, into the
// statement that creates an empty table named table, same columns, engine
// and sort, with its own ZooKeeper path ReplicatedPath(database, table+"_"+
// token): the copy's replicas on a shard replicate each other, never the
// original (CREATE TABLE copy AS original would join the original's path).
// token makes the path unique to one use (a replay), so a copy dropped on
// some replicas only never meets a later copy of the same name.
func ReplicatedCopyStatement(create, database, table, token string) (string, error) {
	if !validIdent.MatchString(database) || !validIdent.MatchString(table) {
		return "", fmt.Errorf("copy of a replicated table: database %q and table %q must be plain identifiers", database, table)
	}
	if token == "" || strings.ContainsAny(token, "'\\/{}") {
		return "", fmt.Errorf("copy of a replicated table: token %q must be non-empty, without quotes, slashes or braces", token)
	}
	name := shownTableName.FindStringSubmatchIndex(create)
	if name == nil {
		return "", fmt.Errorf("copy of a replicated table: not a CREATE TABLE statement: %.80q", create)
	}
	path := replicatedPathArg.FindStringSubmatchIndex(create)
	if path == nil {
		return "", fmt.Errorf("copy of a replicated table: no Replicated*MergeTree engine with a ZooKeeper path in %.200q", create)
	}
	return "CREATE TABLE " + database + "." + table + create[name[1]:path[0]] +
		create[path[2]:path[3]] + "'" + ReplicatedPath(database, table+"_"+token) + "'" + create[path[1]:], nil
}

// ReaderDatabase is where a cluster's Distributed tables live: point every
// reader at it.
func ReaderDatabase(database string) string { return database + "_all" }

// MigrateCluster applies the migrations to every node of cluster (each has
// its own schema_migrations and migration lock), first replicas first, then
// (re)creates the Distributed tables in ReaderDatabase(database) on every
// node. Re-running it is harmless.
func MigrateCluster(ctx context.Context, nodes []ClusterNode, cluster, database string, logger *slog.Logger) (applied int, err error) {
	if !validIdent.MatchString(cluster) {
		return 0, fmt.Errorf("cluster name %q: use letters, digits and underscores", cluster)
	}
	ordered := append([]ClusterNode(nil), nodes...)
	// First replicas first: they copy data; the others then only rename.
	for i := range ordered {
		for j := i + 1; j < len(ordered); j++ {
			a, b := ordered[i], ordered[j]
			if b.Replica < a.Replica || (b.Replica == a.Replica && b.Shard < a.Shard) {
				ordered[i], ordered[j] = b, a
			}
		}
	}
	changed := false
	ms, err := Migrations()
	if err != nil {
		return 0, err
	}
	// Migration by migration, every node before the next migration: a
	// replica that created a table from 0001 after another had altered it
	// (0005) would find the table's structure in ZooKeeper too different.
	for _, m := range ms {
		for _, n := range ordered {
			first := n.Replica == 1
			done, err := migrate(ctx, n.Conn, logger.With("node", n.Addr), func(stmt string) (string, bool) {
				// Data copies and ALTERs of replicated tables run on the
				// first replica; replication brings them to the others.
				if (copiesData.MatchString(stmt) || altersTable.MatchString(stmt)) && !first {
					return "", false
				}
				return ReplicatedStatement(stmt, database), true
			}, m.Version)
			if err != nil {
				return applied, fmt.Errorf("node %s (shard %d replica %d): %w", n.Addr, n.Shard, n.Replica, err)
			}
			applied += len(done)
			changed = changed || len(done) > 0
		}
	}
	readers := ReaderDatabase(database)
	for _, n := range ordered {
		if err := distributedTables(ctx, n.Conn, cluster, database, readers, changed); err != nil {
			return applied, fmt.Errorf("node %s: Distributed tables: %w", n.Addr, err)
		}
	}
	return applied, nil
}

// distributedTables creates, in readers, a Distributed table over each
// replicated table of database; recreate drops existing ones first (a
// migration may have changed their columns).
func distributedTables(ctx context.Context, conn driver.Conn, cluster, database, readers string, recreate bool) error {
	if err := EnsureDatabase(ctx, conn, readers); err != nil {
		return err
	}
	rows, err := conn.Query(ctx, "SELECT name FROM system.tables WHERE database = ? AND engine LIKE 'Replicated%'", database)
	if err != nil {
		return fmt.Errorf("listing tables of %s: %w", database, err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range tables {
		if recreate {
			if err := conn.Exec(ctx, fmt.Sprintf("DROP TABLE IF EXISTS %s.%s", readers, t)); err != nil {
				return fmt.Errorf("dropping %s.%s: %w", readers, t, err)
			}
		}
		q := fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s.%s AS %s.%s ENGINE = Distributed(%s, %s, %s)", readers, t, database, t, cluster, database, t)
		if err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("creating %s.%s: %w", readers, t, err)
		}
	}
	return nil
}

// ClusterNodes lists the servers of cluster as the server behind conn knows
// them (system.clusters), with their native-protocol addresses.
func ClusterNodes(ctx context.Context, conn driver.Conn, cluster string) ([]ClusterNode, error) {
	rows, err := conn.Query(ctx, "SELECT shard_num, replica_num, host_address, port FROM system.clusters WHERE cluster = ? ORDER BY shard_num, replica_num", cluster)
	if err != nil {
		return nil, fmt.Errorf("reading system.clusters: %w", err)
	}
	defer rows.Close()
	var out []ClusterNode
	for rows.Next() {
		var shard, replica uint32
		var host string
		var port uint16
		if err := rows.Scan(&shard, &replica, &host, &port); err != nil {
			return nil, fmt.Errorf("reading system.clusters: %w", err)
		}
		out = append(out, ClusterNode{Shard: int(shard), Replica: int(replica), Addr: fmt.Sprintf("%s:%d", host, port)})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading system.clusters: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("cluster %q is not in system.clusters (remote_servers) of this server", cluster)
	}
	return out, nil
}

// CheckReplicated reports an error unless the connection's database holds
// the cluster schema (replicated tables): a processor told it writes a shard
// must not write unreplicated tables.
func CheckReplicated(ctx context.Context, conn driver.Conn) error {
	var engine string
	err := conn.QueryRow(ctx, "SELECT engine FROM system.tables WHERE database = currentDatabase() AND name = 'concern_daily'").Scan(&engine)
	if err != nil {
		return fmt.Errorf("the cluster schema is missing (run wardpulse migrate -cluster NAME first): reading concern_daily's engine: %w", err)
	}
	if !strings.HasPrefix(engine, "Replicated") {
		return fmt.Errorf("concern_daily is %s, not replicated: this database holds the single-server schema, not the cluster one (wardpulse migrate -cluster NAME)", engine)
	}
	// A processor never migrates a cluster, so a release whose migrations
	// were not applied yet must not write: schema first, then code.
	ms, err := Migrations()
	if err != nil {
		return err
	}
	todo, err := pending(ctx, conn, ms)
	if err != nil {
		return err
	}
	if len(todo) > 0 {
		names := make([]string, len(todo))
		for i, m := range todo {
			names[i] = fmt.Sprintf("%04d", m.Version)
		}
		return fmt.Errorf("the cluster schema lacks migration(s) %s of this release: run wardpulse migrate -cluster NAME first", strings.Join(names, ", "))
	}
	return nil
}
