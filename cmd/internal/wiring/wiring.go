// Package wiring holds the configuration blocks and constructors the
// wardpulse subcommands share: Kafka and ClickHouse connection settings, the
// ops HTTP server, and logging.
package wiring

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/schemas"
)

// Kafka is where the log lives.
type Kafka struct {
	Brokers     config.StringList `yaml:"brokers"`
	Topic       string            `yaml:"topic"`
	DLQTopic    string            `yaml:"dlq_topic"`
	AlertsTopic string            `yaml:"alerts_topic"`
	TLS         TLS               `yaml:"tls"`
	SASL        SASL              `yaml:"sasl"`
}

// RegisterFlags binds the block to flags with their defaults.
func (k *Kafka) RegisterFlags(fs *flag.FlagSet) {
	k.Brokers = config.StringList{"127.0.0.1:9092"}
	fs.Var(&k.Brokers, "kafka.brokers", "comma-separated Kafka bootstrap brokers")
	fs.StringVar(&k.Topic, "kafka.topic", "wardpulse.events", "topic of meeting, concern and withdrawal events")
	fs.StringVar(&k.DLQTopic, "kafka.dlq-topic", "wardpulse.events.dlq", "dead-letter topic for events the processor cannot process")
	fs.StringVar(&k.AlertsTopic, "kafka.alerts-topic", "wardpulse.alerts", "topic of spike alert events")
	k.TLS.RegisterFlags(fs, "kafka.", "Kafka")
	k.SASL.RegisterFlags(fs)
}

// Validate reports missing settings, and TLS or SASL settings that do not
// build (a missing certificate file, an unknown mechanism).
func (k *Kafka) Validate() error {
	var errs []error
	if len(k.Brokers) == 0 || k.Topic == "" {
		errs = append(errs, errors.New("kafka: brokers and topic are required"))
	}
	if _, err := k.Dialer(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Writer returns a synchronous writer (acks=all) for topic, with the
// block's TLS and SASL settings.
func (k *Kafka) Writer(topic string) (*kafka.Writer, error) {
	t, err := k.Transport()
	if err != nil {
		return nil, err
	}
	return &kafka.Writer{Addr: kafka.TCP(k.Brokers...), Topic: topic, Balancer: &kafka.Murmur2Balancer{}, Transport: t,
		RequiredAcks: kafka.RequireAll, BatchTimeout: 2 * time.Millisecond, WriteTimeout: 10 * time.Second}, nil
}

// CreateTopics creates topics that do not exist yet (for local mode and
// tests; in production they are created by deploy/).
func CreateTopics(ctx context.Context, brokers []string, partitions int, topics ...string) error {
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	req := &kafka.CreateTopicsRequest{}
	for _, t := range topics {
		req.Topics = append(req.Topics, kafka.TopicConfig{Topic: t, NumPartitions: partitions, ReplicationFactor: 1})
	}
	resp, err := c.CreateTopics(ctx, req)
	if err != nil {
		return fmt.Errorf("creating topics %v: %w", topics, err)
	}
	for t, e := range resp.Errors {
		if e != nil && !errors.Is(e, kafka.TopicAlreadyExists) {
			return fmt.Errorf("creating topic %s: %w", t, e)
		}
	}
	return nil
}

// ClickHouse is where the tables live.
type ClickHouse struct {
	Addr         string        `yaml:"addr"`
	Protocol     string        `yaml:"protocol"`
	Database     string        `yaml:"database"`
	Username     string        `yaml:"username"`
	Password     config.Secret `yaml:"password"`
	PasswordFile string        `yaml:"password_file"`
	TLS          TLS           `yaml:"tls"`
	// InsertQuorum, on a replicated cluster, is how many replicas of the
	// shard must hold an INSERT before it succeeds (all of them, for the
	// processor: see docs/cluster.md); reads then see only quorum-written
	// data. 0 or 1: plain inserts.
	InsertQuorum int `yaml:"insert_quorum"`
}

// RegisterFlags binds the block to flags with their defaults.
func (c *ClickHouse) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "clickhouse.addr", "127.0.0.1:9000", "ClickHouse address (host:port) for -clickhouse.protocol")
	fs.StringVar(&c.Protocol, "clickhouse.protocol", "native", "ClickHouse protocol: native (every version; ClickHouse 18.16 accepts only this) or http (current versions: the tests reach chDB so)")
	fs.StringVar(&c.Database, "clickhouse.database", "wardpulse", "ClickHouse database")
	fs.StringVar(&c.Username, "clickhouse.username", "default", "ClickHouse user")
	fs.Var(config.SecretFlag{S: &c.Password}, "clickhouse.password", "ClickHouse password (prefer -clickhouse.password-file or env WARDPULSE_CLICKHOUSE_PASSWORD)")
	fs.StringVar(&c.PasswordFile, "clickhouse.password-file", "", "file holding the ClickHouse password (a Compose or Kubernetes secret)")
	c.TLS.RegisterFlags(fs, "clickhouse.", "ClickHouse")
	fs.IntVar(&c.InsertQuorum, "clickhouse.insert-quorum", 0, "on a replicated cluster: replicas of the shard that must hold each INSERT (set it to the shard's replica count for the processor)")
}

// Validate reports missing settings and TLS settings that do not build.
func (c *ClickHouse) Validate() error {
	var errs []error
	if c.Addr == "" || c.Database == "" {
		errs = append(errs, errors.New("clickhouse: addr and database are required"))
	}
	if _, err := c.protocol(); err != nil {
		errs = append(errs, err)
	}
	if _, err := c.TLS.Config(); err != nil {
		errs = append(errs, fmt.Errorf("clickhouse %w", err))
	}
	if c.Password != "" && c.PasswordFile != "" {
		errs = append(errs, errors.New("clickhouse: give a password or a password file, not both"))
	}
	return errors.Join(errs...)
}

// protocol maps Protocol to the driver's.
func (c *ClickHouse) protocol() (clickhouse.Protocol, error) {
	switch c.Protocol {
	case "", "native":
		return clickhouse.Native, nil
	case "http":
		return clickhouse.HTTP, nil
	}
	return 0, fmt.Errorf("clickhouse: protocol %q: want native or http", c.Protocol)
}

// Open connects to the database, creating it and applying the migrations
// when migrate is true.
func (c *ClickHouse) Open(ctx context.Context, migrate bool, logger *slog.Logger) (driver.Conn, error) {
	open := func(db string) (driver.Conn, error) { return c.Dial(ctx, c.Addr, db) }
	if migrate {
		// No database on the boot connection: the server's default,
		// which a user restricted to its own database (deploy's
		// wardpulse_writer) may not name but may use to create its own.
		boot, err := open("")
		if err != nil {
			return nil, err
		}
		err = schemas.EnsureDatabase(ctx, boot, c.Database)
		boot.Close()
		if err != nil {
			return nil, err
		}
	}
	conn, err := open(c.Database)
	if err != nil {
		return nil, err
	}
	if migrate {
		if _, err := schemas.Migrate(ctx, conn, logger); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return conn, nil
}

// Dial connects to database on addr, a comma-separated list of servers
// tried in order (one shard's replicas: the driver fails over between them),
// with the block's user, password (direct, file or environment), TLS and
// insert quorum, and pings it.
func (c *ClickHouse) Dial(ctx context.Context, addr, database string) (driver.Conn, error) {
	pass, err := Password(c.Password, c.PasswordFile, "WARDPULSE_CLICKHOUSE_PASSWORD")
	if err != nil {
		return nil, fmt.Errorf("clickhouse: %w", err)
	}
	tc, err := c.TLS.Config()
	if err != nil {
		return nil, fmt.Errorf("clickhouse %w", err)
	}
	proto, err := c.protocol()
	if err != nil {
		return nil, err
	}
	var settings clickhouse.Settings
	if c.InsertQuorum > 1 {
		settings = clickhouse.Settings{"insert_quorum": c.InsertQuorum, "insert_quorum_timeout": 60000, "select_sequential_consistency": 1}
	}
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:             strings.Split(addr, ","),
		Protocol:         proto,
		ConnOpenStrategy: clickhouse.ConnOpenInOrder,
		TLS:              tc,
		Auth:             clickhouse.Auth{Database: database, Username: c.Username, Password: pass},
		Settings:         settings,
		DialTimeout:      5 * time.Second,
		ReadTimeout:      5 * time.Minute,
		MaxOpenConns:     16,
		MaxIdleConns:     8,
		ConnMaxLifetime:  time.Hour,
		// Each pooled connection keeps its send buffer, and the driver only
		// writes it out once it holds this much: at the 10 MiB default
		// every connection grew a 16 MiB buffer.
		MaxCompressionBuffer: 1 << 20,
	})
	if err != nil {
		return nil, fmt.Errorf("connecting to clickhouse at %s: %w", addr, err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("pinging clickhouse at %s database %s: %w", addr, database, err)
	}
	return conn, nil
}

// Serve runs an HTTP server on addr until ctx ends, then shuts it down,
// letting in-flight requests finish (up to 30 s). ready, when non-nil, is
// called with the bound address once listening.
func Serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger, ready func(net.Addr)) error {
	return ServeWith(ctx, addr, &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}, logger, ready)
}

// ServeWith is Serve with a server the caller configured (its timeouts,
// say); srv.Handler must be set.
func ServeWith(ctx context.Context, addr string, srv *http.Server, logger *slog.Logger, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	if ready != nil {
		ready(ln.Addr())
	}
	logger.Info("http server listening", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving http on %s: %w", addr, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down http server on %s: %w", addr, err)
	}
	<-errc
	return nil
}

// Logger returns a text logger on stderr at the given level (debug, info,
// warn or error); an unknown level is an error, not a silent info.
func Logger(level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: want debug, info, warn or error", level)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l})), nil
}

// AddPprof serves Go's profiles under /debug/pprof/ on mux, for services
// started with -debug.pprof (wardpulse bench profiles the processor so).
func AddPprof(mux *http.ServeMux) {
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
}

// OpsMux serves /metrics from reg, /healthz (alive while serving) and
// /readyz, which answers 503 with ready's error until ready returns nil.
func OpsMux(reg *prometheus.Registry, ready func() error) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if err := ready(); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ready\n")
	})
	return mux
}

// CachedCheck wraps check for /readyz: each call runs check with timeout
// unless the last answer is younger than ttl, so readiness is live (at
// most ttl old) without a probe storm becoming a query storm. Concurrent
// callers share one check.
func CachedCheck(ttl, timeout time.Duration, check func(ctx context.Context) error) func() error {
	var (
		mu  sync.Mutex
		at  time.Time
		err error
	)
	return func() error {
		mu.Lock()
		defer mu.Unlock()
		if !at.IsZero() && time.Since(at) < ttl {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		err = check(ctx)
		at = time.Now()
		return err
	}
}
