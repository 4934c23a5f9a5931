// Package chtest gives tests a real ClickHouse: one server per test binary
// (started on first use, on a free port, in a temporary directory), and a
// fresh database per test, dropped when the test ends. A server that cannot
// start fails the test; it never skips.
//
// Set WARDPULSE_CLICKHOUSE_ADDR to use a running server instead.
package chtest

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/wardpulse/wardpulse/deploy/local/chserver"
)

// DB is a test's own database on the shared server.
type DB struct {
	Conn     driver.Conn
	Database string
	Addr     string
}

var (
	once     sync.Once
	server   *chserver.Server
	addr     string
	dir      string
	startErr error
	seq      atomic.Int64
)

func start() {
	if a := os.Getenv("WARDPULSE_CLICKHOUSE_ADDR"); a != "" {
		addr = a
		return
	}
	var err error
	dir, err = os.MkdirTemp("", "wardpulse-chtest-")
	if err != nil {
		startErr = err
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	server, startErr = chserver.Start(ctx, chserver.Config{DataDir: dir, InstallIfMissing: true}, slog.New(slog.DiscardHandler))
	if startErr == nil {
		addr = server.Addr()
	}
}

// Main runs the tests and stops the shared server afterwards. Use it from
// TestMain: func TestMain(m *testing.M) { chtest.Main(m) }.
func Main(m *testing.M) {
	code := m.Run()
	if server != nil {
		_ = server.Stop()
	}
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
	os.Exit(code)
}

// New returns a fresh database on the shared server.
func New(t testing.TB) *DB {
	t.Helper()
	once.Do(start)
	if startErr != nil {
		t.Fatalf("chtest: a real ClickHouse server is required and could not be started: %v", startErr)
	}
	ctx := context.Background()
	admin, err := chserver.Dial(ctx, addr, "default")
	if err != nil {
		t.Fatalf("chtest: %v", err)
	}
	name := fmt.Sprintf("t_%d_%d_%s", os.Getpid(), seq.Add(1), sanitize(t.Name()))
	if err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("chtest: creating database %s: %v", name, err)
	}
	conn, err := chserver.Dial(ctx, addr, name)
	if err != nil {
		t.Fatalf("chtest: %v", err)
	}
	t.Cleanup(func() {
		conn.Close()
		_ = admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name)
		admin.Close()
	})
	return &DB{Conn: conn, Database: name, Addr: addr}
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
