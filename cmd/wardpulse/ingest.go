package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/processors/classify"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
	"github.com/wardpulse/wardpulse/schemas"
)

type ingestConfig struct {
	Listen        string         `yaml:"listen"`
	MetricsListen string         `yaml:"metrics_listen"`
	TokensFile    string         `yaml:"tokens_file"`
	LogLevel      string         `yaml:"log_level"`
	Kafka         wiring.Kafka   `yaml:"kafka"`
	API           httpapi.Config `yaml:"api"`
	MaxInFlight   int64          `yaml:"max_inflight_events"`
	AcquireWait   time.Duration  `yaml:"acquire_wait"`
	KafkaLinger   time.Duration  `yaml:"kafka_linger"`
	oldestString  string
}

func (c *ingestConfig) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8080", "public address of the ingest HTTP API (/v1/events), /healthz and /readyz")
	fs.StringVar(&c.MetricsListen, "metrics.listen", "127.0.0.1:9080", "internal address of /metrics (and /healthz, /readyz), kept off the public port")
	fs.StringVar(&c.TokensFile, "tokens-file", "", "YAML file of bearer-token hashes per source (see `wardpulse hash-token`)")
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
	c.Kafka.RegisterFlags(fs)
	fs.Int64Var(&c.API.MaxBodyBytes, "max-body-bytes", 16<<20, "largest request body accepted")
	fs.IntVar(&c.API.MaxBatchEvents, "max-batch-events", 10000, "most events in one NDJSON request")
	fs.DurationVar(&c.API.MaxFutureSkew, "max-future-skew", 10*time.Minute, "how far in the future occurred_at may be before it is refused as clock skew")
	fs.StringVar(&c.oldestString, "oldest-event", "2000-01-01", "events dated before this day are refused")
	fs.IntVar(&c.API.RecentIDs, "recent-ids", 200000, "accepted event ids remembered to answer resubmissions as duplicates")
	fs.Int64Var(&c.MaxInFlight, "max-inflight-events", 100000, "events awaiting a Kafka ack before requests get 429")
	fs.DurationVar(&c.AcquireWait, "acquire-wait", 200*time.Millisecond, "how long a request waits for in-flight room before 429")
	fs.DurationVar(&c.KafkaLinger, "kafka.linger", 2*time.Millisecond, "how long the producer waits to fill a batch")
}

func (c *ingestConfig) Validate() error {
	var errs []error
	if c.TokensFile == "" {
		errs = append(errs, errors.New("-tokens-file is required"))
	}
	if c.MetricsListen == "" || c.MetricsListen == c.Listen && !strings.HasSuffix(c.Listen, ":0") {
		errs = append(errs, fmt.Errorf("-metrics.listen %q must be set and differ from -listen: /metrics stays off the public port", c.MetricsListen))
	}
	if t, err := time.Parse(time.DateOnly, c.oldestString); err != nil {
		errs = append(errs, fmt.Errorf("-oldest-event %q: want YYYY-MM-DD", c.oldestString))
	} else {
		c.API.OldestEvent = t
	}
	errs = append(errs, c.Kafka.Validate())
	return errors.Join(errs...)
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg ingestConfig
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger := wiring.Logger(cfg.LogLevel).With("service", "ingest")
	f, err := os.Open(cfg.TokensFile)
	if err != nil {
		return fmt.Errorf("opening tokens file: %w", err)
	}
	tokens, err := httpapi.LoadTokens(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", cfg.TokensFile, err)
	}
	reg := newRegistry()
	return serveIngest(ctx, cfg, tokens, logger, reg, nil)
}

// serveIngest runs the ingest service until ctx ends: the HTTP server stops
// taking requests and finishes those in flight (each waits for its Kafka
// ack), then the producer flushes and closes. The API listens on
// cfg.Listen; /metrics on cfg.MetricsListen only. It refuses to start
// without a token: a deployment must make its own (local mode does).
func serveIngest(ctx context.Context, cfg ingestConfig, tokens *httpapi.Tokens, logger *slog.Logger, reg *prometheus.Registry, ready func(net.Addr)) error {
	if tokens == nil || tokens.Len() == 0 {
		return fmt.Errorf("tokens file %s holds no token: ingest does not start open; add one (`wardpulse hash-token`), only `wardpulse local` makes its own", cfg.TokensFile)
	}
	validator, err := schemas.NewValidator()
	if err != nil {
		return err
	}
	transport, err := cfg.Kafka.Transport()
	if err != nil {
		return err
	}
	dialer, err := cfg.Kafka.Dialer()
	if err != nil {
		return err
	}
	pub, err := publish.New(publish.Config{Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topic, MaxInFlight: cfg.MaxInFlight,
		AcquireWait: cfg.AcquireWait, BatchTimeout: cfg.KafkaLinger, Transport: transport, Dialer: dialer}, logger, reg)
	if err != nil {
		return err
	}
	api, err := httpapi.New(cfg.API, httpapi.Deps{Publisher: pub, Tokens: tokens, Validator: validator,
		Places: gazetteer.Default(), Themes: classify.Default()}, logger, reg)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	api.Routes(mux)
	ops := wiring.OpsMux(reg, func() error { return pub.Ready(ctx) })
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return wiring.Serve(gctx, cfg.Listen, mux, logger, ready) })
	g.Go(func() error { return wiring.Serve(gctx, cfg.MetricsListen, ops, logger, nil) })
	serveErr := g.Wait()
	return errors.Join(serveErr, pub.Close())
}

func runHashToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: wardpulse hash-token TOKEN")
	}
	fmt.Fprintln(stdout, httpapi.HashToken(args[0]))
	return nil
}
