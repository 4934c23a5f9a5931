// Package chcluster runs a real replicated ClickHouse cluster on this
// machine for tests: one ZooKeeper (Debian's zookeeper package, 3.8) and
// shards x replicas clickhouse-server processes (Debian's 18.16), each with
// its own data directory, ports picked free at run time, macros {shard} and
// {replica}, and one remote_servers cluster naming them all. Servers can be
// killed, stopped and restarted on their own ports and data, so tests can
// take a replica or a whole shard away mid-stream.
package chcluster

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chserver"
)

// Config says what to run.
type Config struct {
	Dir              string // required: ZooKeeper's and every server's files go under it, emptied on Start
	Shards, Replicas int    // default 2 x 2
	Name             string // the cluster's name in remote_servers; default "wardpulse"
}

// Cluster is a running ZooKeeper and its ClickHouse servers.
type Cluster struct {
	cfg    Config
	logger *slog.Logger
	zk     *exec.Cmd
	zkDone chan struct{}
	zkPort int

	mu    sync.Mutex
	nodes [][]*chserver.Server // [shard-1][replica-1]
	confs [][]chserver.Config
}

// Start runs ZooKeeper and every server and returns once all answer.
func Start(ctx context.Context, cfg Config, logger *slog.Logger) (*Cluster, error) {
	if cfg.Dir == "" {
		return nil, errors.New("chcluster: Dir is required")
	}
	if cfg.Shards <= 0 {
		cfg.Shards = 2
	}
	if cfg.Replicas <= 0 {
		cfg.Replicas = 2
	}
	if cfg.Name == "" {
		cfg.Name = "wardpulse"
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &Cluster{cfg: cfg, logger: logger}
	if err := c.startZooKeeper(ctx); err != nil {
		return nil, err
	}
	// Ports are picked free before the servers start, and another process
	// (a parallel test package) may take one in between: start again with
	// new ports, up to three times.
	for attempt := 1; ; attempt++ {
		err := c.startServers(ctx)
		if err == nil {
			return c, nil
		}
		c.stopServers()
		if attempt == 3 || !strings.Contains(err.Error(), "port already in use") || ctx.Err() != nil {
			c.Close()
			return nil, err
		}
		logger.Warn("a clickhouse-server port was taken; starting the cluster again with new ports", "attempt", attempt)
	}
}

// startServers picks every server's ports, writes their configurations and
// starts them one by one.
func (c *Cluster) startServers(ctx context.Context) error {
	cfg := c.cfg
	// Every server's ports are picked before any starts: remote_servers
	// names them all.
	type ports struct{ tcp, http, inter int }
	ps := make([][]ports, cfg.Shards)
	for s := range ps {
		ps[s] = make([]ports, cfg.Replicas)
		for r := range ps[s] {
			for _, p := range []*int{&ps[s][r].tcp, &ps[s][r].http, &ps[s][r].inter} {
				var err error
				if *p, err = chserver.FreePort("127.0.0.1"); err != nil {
					return err
				}
			}
		}
	}
	var remote strings.Builder
	fmt.Fprintf(&remote, "<remote_servers><%s>", cfg.Name)
	for s := range ps {
		remote.WriteString("<shard><internal_replication>true</internal_replication>")
		for r := range ps[s] {
			fmt.Fprintf(&remote, "<replica><host>127.0.0.1</host><port>%d</port></replica>", ps[s][r].tcp)
		}
		remote.WriteString("</shard>")
	}
	fmt.Fprintf(&remote, "</%s></remote_servers>", cfg.Name)

	c.nodes = make([][]*chserver.Server, cfg.Shards)
	c.confs = make([][]chserver.Config, cfg.Shards)
	for s := range ps {
		c.nodes[s] = make([]*chserver.Server, cfg.Replicas)
		c.confs[s] = make([]chserver.Config, cfg.Replicas)
		for r := range ps[s] {
			extra := fmt.Sprintf(`<interserver_http_host>127.0.0.1</interserver_http_host><interserver_http_port>%d</interserver_http_port>
<zookeeper><node><host>127.0.0.1</host><port>%d</port></node><session_timeout_ms>10000</session_timeout_ms></zookeeper>
<macros><shard>%d</shard><replica>replica%d</replica></macros>
<distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
%s`, ps[s][r].inter, c.zkPort, s+1, r+1, remote.String())
			dir := filepath.Join(cfg.Dir, fmt.Sprintf("s%dr%d", s+1, r+1))
			_ = os.RemoveAll(dir) // a failed attempt's files
			c.confs[s][r] = chserver.Config{DataDir: dir,
				TCPPort: ps[s][r].tcp, HTTPPort: ps[s][r].http, ExtraConfig: extra,
				// Readers join distributed tables with subqueries over
				// others: run those subqueries once, globally (as the
				// deployment's reader profile must, docs/cluster.md).
				ProfileSettings: "<distributed_product_mode>global</distributed_product_mode>"}
		}
	}
	// Servers start one at a time: 2 cores, and each start is CPU-bound.
	for s := range c.confs {
		for r := range c.confs[s] {
			srv, err := chserver.Start(ctx, c.confs[s][r], c.logger)
			if err != nil {
				return fmt.Errorf("starting shard %d replica %d: %w", s+1, r+1, err)
			}
			c.mu.Lock()
			c.nodes[s][r] = srv
			c.mu.Unlock()
		}
	}
	return nil
}

// startZooKeeper runs ZooKeeper's standalone server from Debian's package
// on a free port and waits until it answers "imok".
func (c *Cluster) startZooKeeper(ctx context.Context) error {
	jar := "/usr/share/java/zookeeper.jar"
	if _, err := os.Stat(jar); err != nil {
		return fmt.Errorf("ZooKeeper is required for the ClickHouse cluster: install Debian's zookeeper package (apt-get install zookeeper): %w", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return fmt.Errorf("ZooKeeper needs java (Debian's zookeeper package brings it): %w", err)
	}
	if c.zkPort, err = chserver.FreePort("127.0.0.1"); err != nil {
		return err
	}
	dir := filepath.Join(c.cfg.Dir, "zookeeper")
	// A fresh cluster each start, as the servers' directories are: an
	// earlier run's znodes would name replicas that no longer exist.
	_ = os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	logf, err := os.Create(filepath.Join(dir, "zookeeper.log"))
	if err != nil {
		return err
	}
	c.zk = exec.Command(java, "-Xmx256m", "-Dzookeeper.admin.enableServer=false", "-Dzookeeper.4lw.commands.whitelist=ruok",
		"-cp", "/etc/zookeeper/conf:"+jar, "org.apache.zookeeper.server.ZooKeeperServerMain", strconv.Itoa(c.zkPort), filepath.Join(dir, "data"))
	c.zk.Stdout, c.zk.Stderr = logf, logf
	c.zk.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := c.zk.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("starting ZooKeeper: %w", err)
	}
	c.zkDone = make(chan struct{})
	go func() { _ = c.zk.Wait(); logf.Close(); close(c.zkDone) }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if ruok(c.zkPort) {
			c.logger.Info("zookeeper ready", "port", c.zkPort)
			return nil
		}
		select {
		case <-c.zkDone:
			b, _ := os.ReadFile(filepath.Join(dir, "zookeeper.log"))
			return fmt.Errorf("ZooKeeper exited at start: %s", chserver.Tail(string(b)))
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("ZooKeeper did not answer on port %d within 60 s", c.zkPort)
		}
	}
}

func ruok(port int) bool {
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err != nil {
		return false
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(time.Second))
	if _, err := conn.Write([]byte("ruok")); err != nil {
		return false
	}
	line, _ := bufio.NewReader(conn).ReadString('\n')
	return strings.HasPrefix(line, "imok")
}

// Name is the cluster's name in remote_servers.
func (c *Cluster) Name() string { return c.cfg.Name }

// Shards and Replicas give the layout.
func (c *Cluster) Shards() int   { return c.cfg.Shards }
func (c *Cluster) Replicas() int { return c.cfg.Replicas }

// Addr is the native address of a server (shard and replica from 1).
func (c *Cluster) Addr(shard, replica int) string {
	cf := c.confs[shard-1][replica-1]
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(cf.TCPPort))
}

// ShardAddrs lists one shard's replicas, for a client that fails over
// between them.
func (c *Cluster) ShardAddrs(shard int) []string {
	var out []string
	for r := 1; r <= c.cfg.Replicas; r++ {
		out = append(out, c.Addr(shard, r))
	}
	return out
}

// Dial connects to database on addr (a comma-separated list of replicas to
// fail over between) as the default user, with settings.
func Dial(ctx context.Context, addr, database string, settings clickhouse.Settings) (driver.Conn, error) {
	conn, err := clickhouse.Open(&clickhouse.Options{Addr: strings.Split(addr, ","), Auth: clickhouse.Auth{Database: database, Username: "default"},
		ConnOpenStrategy: clickhouse.ConnOpenInOrder, DialTimeout: 2 * time.Second, ReadTimeout: 5 * time.Minute, Settings: settings})
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", addr, err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("pinging %s database %s: %w", addr, database, err)
	}
	return conn, nil
}

// Migrate applies the cluster schema for database to every server, as
// `wardpulse migrate -cluster` does, and returns the nodes with connections
// to database (the caller closes them).
func (c *Cluster) Migrate(ctx context.Context, database string) ([]schemas.ClusterNode, int, error) {
	first, err := Dial(ctx, c.Addr(1, 1), "default", nil)
	if err != nil {
		return nil, 0, err
	}
	nodes, err := schemas.ClusterNodes(ctx, first, c.Name())
	first.Close()
	if err != nil {
		return nil, 0, err
	}
	closeAll := func() {
		for _, n := range nodes {
			if n.Conn != nil {
				n.Conn.Close()
			}
		}
	}
	for i := range nodes {
		boot, err := Dial(ctx, nodes[i].Addr, "default", nil)
		if err != nil {
			closeAll()
			return nil, 0, err
		}
		err = schemas.EnsureDatabase(ctx, boot, database)
		boot.Close()
		if err == nil {
			nodes[i].Conn, err = Dial(ctx, nodes[i].Addr, database, nil)
		}
		if err != nil {
			closeAll()
			return nil, 0, err
		}
	}
	applied, err := schemas.MigrateCluster(ctx, nodes, c.Name(), database, c.logger)
	if err != nil {
		closeAll()
		return nil, 0, err
	}
	return nodes, applied, nil
}

// Pid is a server's process id (0 before it started), for a person who
// wants to kill it by hand; Running says whether that process still runs.
func (c *Cluster) Pid(shard, replica int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if srv := c.nodes[shard-1][replica-1]; srv != nil {
		return srv.Pid()
	}
	return 0
}

// Running reports whether a server's process has not exited.
func (c *Cluster) Running(shard, replica int) bool {
	c.mu.Lock()
	srv := c.nodes[shard-1][replica-1]
	c.mu.Unlock()
	return srv != nil && srv.Running()
}

// Kill ends a server with SIGKILL, as a crash would.
func (c *Cluster) Kill(shard, replica int) {
	c.mu.Lock()
	srv := c.nodes[shard-1][replica-1]
	c.mu.Unlock()
	if srv != nil {
		srv.Kill()
	}
}

// Stop ends a server cleanly.
func (c *Cluster) Stop(shard, replica int) error {
	c.mu.Lock()
	srv := c.nodes[shard-1][replica-1]
	c.mu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Stop()
}

// Restart starts a stopped or killed server again on its ports and data.
func (c *Cluster) Restart(ctx context.Context, shard, replica int) error {
	c.Kill(shard, replica)
	srv, err := chserver.Start(ctx, c.confs[shard-1][replica-1], c.logger)
	if err != nil {
		return fmt.Errorf("restarting shard %d replica %d: %w", shard, replica, err)
	}
	c.mu.Lock()
	c.nodes[shard-1][replica-1] = srv
	c.mu.Unlock()
	return nil
}

// Close stops every server and ZooKeeper.
func (c *Cluster) Close() {
	c.stopServers()
	if c.zk != nil && c.zk.Process != nil {
		_ = syscall.Kill(-c.zk.Process.Pid, syscall.SIGKILL)
		<-c.zkDone
	}
}

// stopServers stops every ClickHouse server, in parallel.
func (c *Cluster) stopServers() {
	c.mu.Lock()
	nodes := c.nodes
	c.mu.Unlock()
	var wg sync.WaitGroup
	for _, shard := range nodes {
		for _, srv := range shard {
			if srv != nil {
				wg.Add(1)
				go func() { defer wg.Done(); _ = srv.Stop() }()
			}
		}
	}
	wg.Wait()
}

// StartMigrated starts a 2 x 2 cluster for a test (closed when it ends)
// and applies the cluster schema for database on every server: its local
// replicated tables and ReaderDatabase(database)'s Distributed tables.
func StartMigrated(ctx context.Context, t testing.TB, database string) *Cluster {
	t.Helper()
	c, err := Start(ctx, Config{Dir: t.TempDir()}, nil)
	if err != nil {
		t.Fatalf("a real ZooKeeper and four clickhouse-server processes are required: %v", err)
	}
	t.Cleanup(c.Close)
	nodes, _, err := c.Migrate(ctx, database)
	if err != nil {
		t.Fatalf("applying the cluster schema for %s: %v", database, err)
	}
	for _, n := range nodes {
		n.Conn.Close()
	}
	return c
}
