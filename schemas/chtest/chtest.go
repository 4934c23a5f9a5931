// Package chtest gives tests a real ClickHouse: one server per engine and
// test binary (started on first use, on a free port, in a temporary
// directory), and a fresh database per test, dropped when the test ends.
//
// Two engines: Debian's ClickHouse 18.16 (a server process, native
// protocol) and a current ClickHouse, chDB 26.5 (the engine as a library,
// loaded into the test process behind cmd/internal/chdb's HTTP interface,
// reached with clickhouse-go's HTTP protocol). An engine that cannot start
// fails the test; it never skips.
//
// Set WARDPULSE_CLICKHOUSE_ADDR to use a running 18.16-compatible server
// (native protocol) instead of starting one, and WARDPULSE_CHDB_ADDR for a
// running chdbserver (or any current ClickHouse's HTTP interface).
package chtest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"go.uber.org/goleak"

	"github.com/wardpulse/wardpulse/schemas/chserver"
)

// Engine names a ClickHouse engine the tests run on.
type Engine string

const (
	// ClickHouse1816 is Debian's clickhouse-server 18.16, native protocol.
	ClickHouse1816 Engine = "clickhouse-18.16"
	// ChDB is a current ClickHouse (chDB 26.5, cmd/internal/chdb), HTTP
	// protocol.
	ChDB Engine = "chdb-26.5"
)

// Engines is every engine, for table tests that compare their answers.
var Engines = []Engine{ClickHouse1816, ChDB}

// DB is a test's own database on one engine.
type DB struct {
	Conn     driver.Conn
	Database string
	Addr     string
	Engine   Engine
	// Protocol is how Addr is reached: clickhouse.Native for 18.16,
	// clickhouse.HTTP for chDB.
	Protocol clickhouse.Protocol
}

// Open opens another connection to the test's database (for code that
// needs a connection of its own), closed when the test ends.
func (db *DB) Open(t testing.TB) driver.Conn {
	t.Helper()
	conn, err := dial(context.Background(), db.Addr, db.Protocol, db.Database)
	if err != nil {
		t.Fatalf("chtest: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// ProtocolName is the -clickhouse.protocol flag value for Protocol.
func (db *DB) ProtocolName() string {
	if db.Protocol == clickhouse.HTTP {
		return "http"
	}
	return "native"
}

type native struct {
	once     sync.Once
	server   *chserver.Server
	addr     string
	dir      string
	startErr error
}

// embedded is the current engine: cmd/internal/chdb/chdbserver, built and
// started as a child process (Go's internal-package rule keeps this helper
// from loading the engine itself, and a process of its own keeps the
// engine's one-storage-path-per-process rule out of the test binaries).
type embedded struct {
	once     sync.Once
	cmd      *exec.Cmd
	addr     string
	dir      string
	stderr   bytes.Buffer
	startErr error
}

var (
	ch18 native
	chd  embedded
	seq  atomic.Int64
)

func (n *native) start() {
	if a := os.Getenv("WARDPULSE_CLICKHOUSE_ADDR"); a != "" {
		n.addr = a
		return
	}
	var err error
	n.dir, err = os.MkdirTemp("", "wardpulse-chtest-")
	if err != nil {
		n.startErr = err
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n.server, n.startErr = chserver.Start(ctx, chserver.Config{DataDir: n.dir, InstallIfMissing: true}, slog.New(slog.DiscardHandler))
	if n.startErr == nil {
		n.addr = n.server.Addr()
	}
}

// chdbVersion is the chDB release chdbserver installs (cmd/internal/chdb's
// Version); it is only used in messages here.
const chdbVersion = "26.5.3"

func (e *embedded) start() {
	if a := os.Getenv("WARDPULSE_CHDB_ADDR"); a != "" {
		e.addr = a
		return
	}
	var err error
	e.dir, err = os.MkdirTemp("", "wardpulse-chdb-")
	if err != nil {
		e.startErr = err
		return
	}
	bin := filepath.Join(e.dir, "chdbserver")
	build := exec.Command("go", "build", "-o", bin, "github.com/wardpulse/wardpulse/cmd/internal/chdb/chdbserver")
	if out, err := build.CombinedOutput(); err != nil {
		e.startErr = fmt.Errorf("building chdbserver: %v\n%s", err, out)
		return
	}
	e.cmd = exec.Command(bin, "-path", filepath.Join(e.dir, "data"))
	e.cmd.Stderr = &e.stderr
	// The server's time zone, as chserver's config sets it: columns and
	// functions without an explicit zone use it.
	e.cmd.Env = append(os.Environ(), "TZ=UTC")
	// The server dies with the test binary, even when that is killed.
	e.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := e.cmd.StdoutPipe()
	if err != nil {
		e.startErr = err
		return
	}
	if err := e.cmd.Start(); err != nil {
		e.startErr = fmt.Errorf("starting chdbserver: %w", err)
		return
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if addr, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on "); ok && err == nil {
		e.addr = addr
		go func() { _, _ = io.Copy(io.Discard, out) }()
		return
	}
	_ = e.cmd.Wait()
	e.startErr = fmt.Errorf("chdbserver did not start (%v): %s", err, strings.TrimSpace(e.stderr.String()))
	e.cmd = nil
}

// Main runs the tests and stops the shared servers afterwards. Use it from
// TestMain: func TestMain(m *testing.M) { chtest.Main(m) }.
func Main(m *testing.M) {
	code := m.Run()
	if ch18.server != nil {
		_ = ch18.server.Stop()
	}
	if ch18.dir != "" {
		_ = os.RemoveAll(ch18.dir)
	}
	if chd.cmd != nil {
		_ = chd.cmd.Process.Signal(syscall.SIGTERM)
		_ = chd.cmd.Wait()
	}
	if chd.dir != "" {
		_ = os.RemoveAll(chd.dir)
	}
	os.Exit(code)
}

// New returns a fresh database on ClickHouse 18.16.
func New(t testing.TB) *DB {
	t.Helper()
	return NewOn(t, ClickHouse1816)
}

// NewOn returns a fresh database on the given engine.
func NewOn(t testing.TB, e Engine) *DB {
	t.Helper()
	var (
		addr  string
		proto clickhouse.Protocol
	)
	switch e {
	case ClickHouse1816:
		ch18.once.Do(ch18.start)
		if ch18.startErr != nil {
			t.Fatalf("chtest: a real ClickHouse 18.16 server is required and could not be started: %v", ch18.startErr)
		}
		addr, proto = ch18.addr, clickhouse.Native
	case ChDB:
		chd.once.Do(chd.start)
		if chd.startErr != nil {
			t.Fatalf("chtest: the current ClickHouse engine (chDB %s, npm @chdb/lib-linux-x64-gnu) is required and could not be loaded (make setup installs it): %v", chdbVersion, chd.startErr)
		}
		addr, proto = chd.addr, clickhouse.HTTP
	default:
		t.Fatalf("chtest: unknown engine %q", e)
	}
	ctx := context.Background()
	admin, err := dial(ctx, addr, proto, "default")
	if err != nil {
		t.Fatalf("chtest: %s: %v", e, err)
	}
	name := fmt.Sprintf("t_%d_%d_%s", os.Getpid(), seq.Add(1), sanitize(t.Name()))
	if err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("chtest: %s: creating database %s: %v", e, name, err)
	}
	conn, err := dial(ctx, addr, proto, name)
	if err != nil {
		t.Fatalf("chtest: %s: %v", e, err)
	}
	t.Cleanup(func() {
		conn.Close()
		_ = admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name)
		admin.Close()
	})
	return &DB{Conn: conn, Database: name, Addr: addr, Engine: e, Protocol: proto}
}

// dial opens a connection the way the project's wiring does for the
// protocol.
func dial(ctx context.Context, addr string, proto clickhouse.Protocol, database string) (driver.Conn, error) {
	if proto == clickhouse.Native {
		return chserver.Dial(ctx, addr, database)
	}
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:        []string{addr},
		Protocol:    clickhouse.HTTP,
		Auth:        clickhouse.Auth{Database: database, Username: "default"},
		DialTimeout: 2 * time.Second,
		ReadTimeout: 5 * time.Minute,
	})
	if err != nil {
		return nil, fmt.Errorf("connecting to clickhouse over http at %s: %w", addr, err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("pinging clickhouse over http at %s: %w", addr, err)
	}
	return conn, nil
}

// IgnoredGoroutines are the goroutines a connection to the test's
// database keeps while open, for goleak.VerifyNone: over HTTP (chDB) the
// driver's pooled keep-alive connections each hold a read and a write
// loop until the connection is closed at the test's end.
func IgnoredGoroutines() []goleak.Option {
	return []goleak.Option{
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreAnyFunction("net/http.(*persistConn).readLoop"),
	}
}

// Run runs f once per engine as a subtest named after the engine, each with
// a fresh database.
func Run(t *testing.T, f func(t *testing.T, db *DB)) {
	t.Helper()
	for _, e := range Engines {
		t.Run(string(e), func(t *testing.T) { f(t, NewOn(t, e)) })
	}
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}
