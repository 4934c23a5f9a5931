//go:build dev

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas/chserver"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

type localConfig struct {
	Dir              string `yaml:"dir"`
	KafkaAddr        string `yaml:"kafka_addr"`
	ClickHousePort   int    `yaml:"clickhouse_port"`
	IngestListen     string `yaml:"ingest_listen"`
	IngestMetrics    string `yaml:"ingest_metrics_listen"`
	ProcessListen    string `yaml:"process_listen"`
	AlertsListen     string `yaml:"alerts_listen"`
	AlertmanagerPort int    `yaml:"alertmanager_port"`
	Partitions       int    `yaml:"partitions"`
	Demo             bool   `yaml:"demo"`
	DemoSeed         int64  `yaml:"demo_seed"`
	LogLevel         string `yaml:"log_level"`
}

func (c *localConfig) RegisterFlags(fs *flag.FlagSet) {
	home, _ := os.UserHomeDir()
	fs.StringVar(&c.Dir, "dir", filepath.Join(home, ".wardpulse", "local"), "directory for the broker's log, ClickHouse's data, tokens and generated files (kept across runs)")
	fs.StringVar(&c.KafkaAddr, "kafka-addr", "127.0.0.1:9092", "address of the embedded Kafka-protocol broker")
	fs.IntVar(&c.ClickHousePort, "clickhouse-port", 9000, "native port of the local ClickHouse server")
	fs.StringVar(&c.IngestListen, "ingest-listen", "127.0.0.1:8080", "ingest API address")
	fs.StringVar(&c.IngestMetrics, "ingest-metrics-listen", "127.0.0.1:8083", "ingest /metrics address (kept off the API port)")
	fs.StringVar(&c.ProcessListen, "process-listen", "127.0.0.1:8081", "processor /metrics address")
	fs.StringVar(&c.AlertsListen, "alerts-listen", "127.0.0.1:8082", "alerter /metrics address")
	fs.IntVar(&c.AlertmanagerPort, "alertmanager-port", 9093, "port of the local Alertmanager")
	fs.IntVar(&c.Partitions, "partitions", 4, "partitions of the events topic")
	fs.BoolVar(&c.Demo, "demo", true, "load the generated demo data (idempotent: reloading changes nothing)")
	fs.Int64Var(&c.DemoSeed, "demo-seed", 1, "seed of the demo data generator")
	fs.StringVar(&c.LogLevel, "log.level", "info", "debug, info, warn or error")
}

func (c *localConfig) Validate() error {
	if c.Dir == "" || c.Partitions <= 0 {
		return errors.New("-dir is required and -partitions must be positive")
	}
	return nil
}

// runLocal runs the whole system on this machine until interrupted:
// embedded broker (its log kept in -dir), a ClickHouse server of its own,
// ingest, the processor and the alerter, then loads the demo data.
func runLocal(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg localConfig
	fs := flag.NewFlagSet("local", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.RegisterFlags(fs)
	if err := config.Parse(fs, args, &cfg); err != nil {
		return err
	}
	logger, err := wiring.Logger(cfg.LogLevel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", cfg.Dir, err)
	}
	token, tokensFile, err := localToken(cfg.Dir)
	if err != nil {
		return err
	}
	pauseFile, err := localPauseSecret(cfg.Dir)
	if err != nil {
		return err
	}

	b, err := kafkatest.Start(kafkatest.Config{ListenAddr: cfg.KafkaAddr, DataDir: filepath.Join(cfg.Dir, "kafka")}, logger.With("service", "broker"))
	if err != nil {
		return err
	}
	defer b.Close()
	ch, err := chserver.Start(ctx, chserver.Config{DataDir: filepath.Join(cfg.Dir, "clickhouse"), TCPPort: cfg.ClickHousePort, InstallIfMissing: true}, logger.With("service", "clickhouse"))
	if err != nil {
		return err
	}
	defer ch.Stop()

	kafkaCfg := wiring.Kafka{}
	kfs := flag.NewFlagSet("k", flag.ContinueOnError)
	kafkaCfg.RegisterFlags(kfs)
	kafkaCfg.Brokers = b.Addrs()
	if err := wiring.CreateTopics(ctx, kafkaCfg.Brokers, cfg.Partitions, kafkaCfg.Topic, kafkaCfg.DLQTopic, kafkaCfg.AlertsTopic); err != nil {
		return err
	}
	chCfg := wiring.ClickHouse{Addr: ch.Addr(), Database: "wardpulse", Username: "default"}
	conn, err := chCfg.Open(ctx, true, logger)
	if err != nil {
		return err
	}
	defer conn.Close()

	icfg, tokens, err := localIngest(tokensFile, cfg.IngestListen, cfg.IngestMetrics, kafkaCfg)
	if err != nil {
		return err
	}
	var pcfg processConfig
	pfs := flag.NewFlagSet("process", flag.ContinueOnError)
	pcfg.RegisterFlags(pfs)
	if err := pfs.Parse([]string{"-listen", cfg.ProcessListen}); err != nil {
		return err
	}
	pcfg.Kafka, pcfg.ClickHouse = kafkaCfg, chCfg
	pcfg.Pause.File = pauseFile

	g, gctx := errgroup.WithContext(ctx)
	ingestReady := make(chan net.Addr, 1)
	g.Go(func() error {
		return serveIngest(gctx, icfg, tokens, logger.With("service", "ingest"), newRegistry(), func(a net.Addr) { ingestReady <- a })
	})
	g.Go(func() error {
		return serveProcess(gctx, pcfg, conn, logger.With("service", "process"), newRegistry(), nil)
	})
	extra, err := startLocalExtras(gctx, g, cfg, kafkaCfg, chCfg, conn, logger)
	if err != nil {
		return err
	}
	var ingestAddr net.Addr
	select {
	case ingestAddr = <-ingestReady:
	case <-gctx.Done():
		return g.Wait()
	}
	ingestURL := "http://" + ingestAddr.String()
	printEndpoints(stdout, cfg, ingestURL, token, b.Addrs(), ch.Addr(), extra)
	if cfg.Demo {
		if n, err := logSize(gctx, kafkaCfg.Brokers, kafkaCfg.Topic); err == nil && n > 0 {
			fmt.Fprintf(stdout, "\nthe log already holds %d messages: demo data not sent again (`wardpulse demo -ingest-url ...` would be harmless: same ids)\n", n)
			cfg.Demo = false
		}
	}
	if cfg.Demo {
		g.Go(func() error {
			if err := loadDemo(gctx, ingestURL, token, cfg.DemoSeed, stdout, stderr); err != nil {
				logger.Error("loading demo data", "err", err)
				return nil // the system keeps running without demo data
			}
			return nil
		})
	}
	fmt.Fprintln(stdout, "\nrunning; press Ctrl-C to stop")
	err = g.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}

// localToken makes (once) a random bearer token for local mode and a tokens
// file holding its hash.
func localToken(dir string) (token, file string, err error) {
	tf := filepath.Join(dir, "token")
	file = filepath.Join(dir, "tokens.yaml")
	if b, err := os.ReadFile(tf); err == nil && len(strings.TrimSpace(string(b))) > 0 {
		token = strings.TrimSpace(string(b))
	} else {
		raw := make([]byte, 18)
		if _, err := rand.Read(raw); err != nil {
			return "", "", fmt.Errorf("making a token: %w", err)
		}
		token = hex.EncodeToString(raw)
		if err := os.WriteFile(tf, []byte(token+"\n"), 0o600); err != nil {
			return "", "", fmt.Errorf("writing %s: %w", tf, err)
		}
	}
	doc := fmt.Sprintf("tokens:\n  - source: local\n    sha256: %s\n", httpapi.HashToken(token))
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		return "", "", fmt.Errorf("writing %s: %w", file, err)
	}
	return token, file, nil
}

// localPauseSecret makes (once) the secret local mode's processor and
// `wardpulse replay -pause.secret-file <dir>/pause-secret` share.
func localPauseSecret(dir string) (string, error) {
	file := filepath.Join(dir, "pause-secret")
	if b, err := os.ReadFile(file); err == nil && len(strings.TrimSpace(string(b))) >= 16 {
		return file, nil
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("making the pause secret: %w", err)
	}
	if err := os.WriteFile(file, []byte(hex.EncodeToString(raw)+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("writing %s: %w", file, err)
	}
	return file, nil
}

// localIngest configures the ingest service of local and cluster mode:
// listen addresses, the local tokens file and the broker.
func localIngest(tokensFile, listen, metricsListen string, k wiring.Kafka) (ingestConfig, *httpapi.Tokens, error) {
	var icfg ingestConfig
	ifs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	icfg.RegisterFlags(ifs)
	if err := ifs.Parse([]string{"-listen", listen, "-metrics.listen", metricsListen, "-tokens-file", tokensFile}); err != nil {
		return icfg, nil, err
	}
	if err := icfg.Validate(); err != nil {
		return icfg, nil, err
	}
	icfg.Kafka = k
	f, err := os.Open(tokensFile)
	if err != nil {
		return icfg, nil, fmt.Errorf("opening tokens file: %w", err)
	}
	defer f.Close()
	tokens, err := httpapi.LoadTokens(f)
	return icfg, tokens, err
}

type localExtras struct {
	lines []string
}

func printEndpoints(w io.Writer, cfg localConfig, ingestURL, token string, brokers []string, chAddr string, extra localExtras) {
	host, port, _ := net.SplitHostPort(chAddr)
	fmt.Fprintf(w, `
wardpulse local mode (data in %s)
  Kafka-protocol broker  %s   topics wardpulse.events, wardpulse.events.dlq, wardpulse.alerts
  ClickHouse (native)    %s   database wardpulse
  ingest API             %s/v1/events   (bearer token: %s)
  ingest metrics/health  http://%s/metrics  /healthz  /readyz
  processor metrics      http://%s/metrics  /healthz  /readyz
`, cfg.Dir, strings.Join(brokers, ","), chAddr, ingestURL, token, cfg.IngestMetrics, cfg.ProcessListen)
	for _, l := range extra.lines {
		fmt.Fprintln(w, "  "+l)
	}
	fmt.Fprintf(w, `
post an event:
  curl -s -H 'Authorization: Bearer %s' -H 'Content-Type: application/x-ndjson' \
    --data-binary '{"type":"concern","schema_version":1,"occurred_at":"%s","ward":"Grangetown","concern":{"text":"Off-road bikes on the playing fields again"}}' \
    %s/v1/events
rebuild the tables from the log (the processor pauses for the swap):
  wardpulse replay -clickhouse.addr %s -kafka.brokers %s -pause.secret-file %s
count concerns per ward and theme this year:
  clickhouse-client --host %s --port %s -d wardpulse -q "SELECT ward_code, theme, sum(concerns) AS n FROM concern_daily WHERE theme != '' AND day >= toStartOfYear(today()) GROUP BY ward_code, theme ORDER BY n DESC, ward_code, theme LIMIT 10"
`, token, time.Now().UTC().Add(-time.Hour).Format(time.RFC3339), ingestURL, chAddr, strings.Join(brokers, ","), filepath.Join(cfg.Dir, "pause-secret"), host, port)
}

var _ = slog.Default
