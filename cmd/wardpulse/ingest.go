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
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

type ingestConfig struct {
	Listen string `yaml:"listen"`
	// MetricsListen serves /metrics (and /healthz, /readyz) off the
	// public port.
	MetricsListen string         `yaml:"metrics_listen"`
	TokensFile    string         `yaml:"tokens_file"`
	LogLevel      string         `yaml:"log_level"`
	Kafka         wiring.Kafka   `yaml:"kafka"`
	API           httpapi.Config `yaml:"api"`
	MaxInFlight   int64          `yaml:"max_inflight_events"`
	AcquireWait   time.Duration  `yaml:"acquire_wait"`
	KafkaLinger   time.Duration  `yaml:"kafka_linger"`
	HTTP          httpTimeouts   `yaml:"http"`
	// RebuildIndex reads the newest events on the log at start so that a
	// restart does not forget which ids are taken (see httpapi.RebuildIndex).
	RebuildIndex bool `yaml:"rebuild_index"`
	oldestString string
}

// httpTimeouts cut slow or idle connections: a client that trickles its
// headers or body holds a connection and, for a body, its reserved bytes.
type httpTimeouts struct {
	ReadHeaderTimeout time.Duration `yaml:"read_header_timeout"`
	ReadTimeout       time.Duration `yaml:"read_timeout"`
	IdleTimeout       time.Duration `yaml:"idle_timeout"`
}

func (c *ingestConfig) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8080", "public address of the ingest HTTP API (/v1/events), /healthz and /readyz")
	fs.StringVar(&c.MetricsListen, "metrics.listen", "127.0.0.1:9080", "internal address of /metrics (and /healthz, /readyz), kept off the public port")
	fs.StringVar(&c.TokensFile, "tokens-file", "", "YAML file of bearer-token hashes per source (see `wardpulse hash-token`)")
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
	c.Kafka.RegisterFlags(fs)
	fs.Int64Var(&c.API.MaxBodyBytes, "max-body-bytes", 16<<20, "largest request body accepted")
	fs.IntVar(&c.API.MaxBatchEvents, "max-batch-events", 10000, "most events in one NDJSON request")
	fs.IntVar(&c.API.MaxEventBytes, "max-event-bytes", 256<<10, "largest single event (one NDJSON line) accepted; must fit the topic's max.message.bytes")
	fs.Int64Var(&c.API.MaxInflightBytes, "max-inflight-bytes", 64<<20, "request body bytes held at once across requests before requests get 429")
	fs.DurationVar(&c.API.BodyReadTimeout, "body-read-timeout", 30*time.Second, "longest time a client may take to send a request body (408 after)")
	fs.DurationVar(&c.HTTP.ReadHeaderTimeout, "http.read-header-timeout", 5*time.Second, "longest time to receive a request's headers")
	fs.DurationVar(&c.HTTP.ReadTimeout, "http.read-timeout", time.Minute, "longest time to receive a whole request, headers and body")
	fs.DurationVar(&c.HTTP.IdleTimeout, "http.idle-timeout", time.Minute, "how long an idle keep-alive connection stays open")
	fs.BoolVar(&c.RebuildIndex, "rebuild-index", true, "at start, read the newest -recent-ids events from the log so resubmissions after a restart are still recognised")
	fs.DurationVar(&c.API.MaxFutureSkew, "max-future-skew", 10*time.Minute, "how far in the future occurred_at may be before it is refused as clock skew")
	fs.StringVar(&c.oldestString, "oldest-event", "2000-01-01", "events dated before this day are refused")
	fs.IntVar(&c.API.RecentIDs, "recent-ids", 200000, "accepted event ids remembered to answer resubmissions as duplicates")
	fs.Int64Var(&c.MaxInFlight, "max-inflight-events", 100000, "events awaiting a Kafka ack before requests get 429")
	fs.DurationVar(&c.AcquireWait, "acquire-wait", 200*time.Millisecond, "how long a request waits for in-flight room (events or bytes) before 429")
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
	if c.API.MaxInflightBytes < c.API.MaxBodyBytes {
		errs = append(errs, fmt.Errorf("-max-inflight-bytes %d is below -max-body-bytes %d: a largest request would never get in", c.API.MaxInflightBytes, c.API.MaxBodyBytes))
	}
	if c.API.MaxEventBytes <= 0 || int64(c.API.MaxEventBytes) > c.API.MaxBodyBytes {
		errs = append(errs, fmt.Errorf("-max-event-bytes %d must be positive and at most -max-body-bytes", c.API.MaxEventBytes))
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
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	logger = logger.With("service", "ingest")
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
	dialer, transport, err := cfg.Kafka.Connectors()
	if err != nil {
		return err
	}
	// Batches sized to what the broker accepts: a batch over the topic's
	// max.message.bytes is refused whole, and resending rebuilds it.
	lctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	// One client with the TLS and SASL settings for the start-up reads.
	client := &kafka.Client{Addr: kafka.TCP(cfg.Kafka.Brokers...), Timeout: 10 * time.Second, Transport: transport}
	limit, err := publish.ReadLimitVia(lctx, client, cfg.Kafka.Topic)
	cancel()
	if err != nil {
		limit = publish.Limit{MaxMessageBytes: publish.DefaultMaxMessageBytes, From: "default (" + err.Error() + ")"}
		logger.Warn("reading the topic's max.message.bytes; assuming the default", "err", err)
	}
	logger.Info("producer batch limit", "max_message_bytes", limit.MaxMessageBytes, "from", limit.From, "batch_bytes", limit.BatchBytes())
	cfg.API.AcquireWait = cfg.AcquireWait
	pub, err := publish.New(publish.Config{Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topic, MaxInFlight: cfg.MaxInFlight,
		AcquireWait: cfg.AcquireWait, BatchTimeout: cfg.KafkaLinger, BatchBytes: limit.BatchBytes(), MaxEventBytes: cfg.API.MaxEventBytes,
		Transport: transport, Dialer: dialer}, logger, reg)
	if err != nil {
		return err
	}
	deps := httpapi.Deps{Publisher: pub, Tokens: tokens, Validator: validator, Places: gazetteer.Default(), Themes: taxonomy.Default()}
	if cfg.RebuildIndex {
		deps.Log = httpapi.LogFunc(func(ctx context.Context, n int, fn func([]byte) error) error {
			return publish.TailVia(ctx, client, cfg.Kafka.Topic, n, fn)
		})
	}
	api, err := httpapi.New(cfg.API, deps, logger, reg)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	api.Routes(mux)
	// The operations port: /metrics only there, /healthz and /readyz
	// answered by the API's own handlers.
	ops := http.NewServeMux()
	ops.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	ops.Handle("GET /healthz", mux)
	ops.Handle("GET /readyz", mux)
	// The index is rebuilt while the server already answers (/healthz
	// live, /readyz and POST 503 until done); ready, for tests and local
	// mode, is called once both are up.
	rctx, stopRebuild := context.WithCancel(ctx)
	rebuilt := make(chan error, 1)
	listening := make(chan net.Addr, 1)
	go func() {
		err := api.RebuildIndex(rctx)
		if err == nil && ready != nil {
			select {
			case a := <-listening:
				ready(a)
			case <-rctx.Done():
			}
		}
		rebuilt <- err
	}()
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: cfg.HTTP.ReadHeaderTimeout, ReadTimeout: cfg.HTTP.ReadTimeout,
		IdleTimeout: cfg.HTTP.IdleTimeout}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return wiring.ServeWith(gctx, cfg.Listen, srv, logger, func(a net.Addr) { listening <- a })
	})
	g.Go(func() error { return wiring.Serve(gctx, cfg.MetricsListen, ops, logger, nil) })
	serveErr := g.Wait()
	stopRebuild()
	if err := <-rebuilt; err != nil && !errors.Is(err, context.Canceled) {
		serveErr = errors.Join(serveErr, err)
	}
	return errors.Join(serveErr, pub.Close())
}

func runHashToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: wardpulse hash-token TOKEN")
	}
	fmt.Fprintln(stdout, httpapi.HashToken(args[0]))
	return nil
}
