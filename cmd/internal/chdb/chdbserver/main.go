// Command chdbserver serves a current ClickHouse engine (chDB, see
// cmd/internal/chdb) on ClickHouse's HTTP interface, for tests: it installs
// the library into the cache when missing, opens its storage in -path,
// listens on a free loopback port and prints "listening on HOST:PORT" on
// stdout; it stops on SIGTERM or SIGINT.
//
// The tests' helper (schemas/chtest) builds and starts it as a child
// process, as it starts clickhouse-server: the engine gets a process of its
// own (one storage path per process is the engine's rule, and its 559 MB
// library stays out of the test binaries).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/wardpulse/wardpulse/cmd/internal/chdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "chdbserver:", err)
		os.Exit(1)
	}
}

func run() error {
	path := flag.String("path", "", "storage directory (required)")
	lib := flag.String("lib", "", "libchdb.so to load (default: install into the cache and use that)")
	flag.Parse()
	if *path == "" {
		return fmt.Errorf("-path is required")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if *lib == "" {
		dir, err := chdb.CacheDir()
		if err != nil {
			return err
		}
		ictx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		*lib, err = chdb.Install(ictx, dir)
		cancel()
		if err != nil {
			return err
		}
	}
	en, err := chdb.Open(*lib, *path)
	if err != nil {
		return err
	}
	defer en.Close()
	srv, err := chdb.Serve(en, *path, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	fmt.Printf("listening on %s\n", srv.Addr())
	<-ctx.Done()
	return srv.Close()
}
