//go:build dev

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/provision"
	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/processors/alerting/promtest"
)

// startLocalExtras starts what local mode runs beside ingest and the
// processor: the alerter with a local Alertmanager, and the dashboards.
func startLocalExtras(ctx context.Context, g *errgroup.Group, cfg localConfig, k wiring.Kafka, ch wiring.ClickHouse, conn driver.Conn, logger *slog.Logger) (localExtras, error) {
	var ex localExtras
	// Grafana cannot run here; write its provisioning so a Grafana pointed
	// at this directory (or `wardpulse dashboards push`) shows the dashboards.
	gdir := filepath.Join(cfg.Dir, "grafana")
	all, err := dashboards.Default().All()
	if err != nil {
		return ex, fmt.Errorf("generating dashboards: %w", err)
	}
	if _, err := provision.WriteFiles(gdir, provision.Config{ClickHouseAddr: ch.Addr, ClickHouseDB: ch.Database, ClickHouseUser: "default",
		PrometheusURL: "http://127.0.0.1:9090"}, filepath.Join(gdir, "dashboards"), all); err != nil {
		return ex, fmt.Errorf("writing grafana provisioning: %w", err)
	}
	ex.lines = append(ex.lines,
		fmt.Sprintf("grafana provisioning   %s  (or: wardpulse dashboards push --grafana-url URL --token T --clickhouse-addr %s)", gdir, ch.Addr))

	// A real Alertmanager (Debian's package) and the alerter.
	am, err := promtest.StartAlertmanager(ctx, promtest.AlertmanagerConfig{Dir: filepath.Join(cfg.Dir, "alertmanager"), Port: cfg.AlertmanagerPort})
	if err != nil {
		return ex, fmt.Errorf("starting alertmanager: %w", err)
	}
	g.Go(func() error { <-ctx.Done(); return am.Stop() })
	var acfg alertsConfig
	afs := flag.NewFlagSet("alerts", flag.ContinueOnError)
	acfg.RegisterFlags(afs)
	if err := afs.Parse([]string{"-listen", cfg.AlertsListen, "-alertmanager-url", am.URL()}); err != nil {
		return ex, err
	}
	acfg.Kafka, acfg.ClickHouse = k, ch
	g.Go(func() error {
		return serveAlerts(ctx, acfg, conn, conn, logger.With("service", "alerts"), newRegistry())
	})
	ex.lines = append(ex.lines,
		fmt.Sprintf("alerter metrics        http://%s/metrics  /healthz  /readyz", cfg.AlertsListen),
		fmt.Sprintf("alertmanager           %s  (curl %s/api/v2/alerts)", am.URL(), am.URL()))
	return ex, nil
}

// loadDemo sends the demo data through ingest, like any other source.
func loadDemo(ctx context.Context, ingestURL, token string, seed int64, stdout, stderr io.Writer) error {
	return sendDemo(ctx, client.New(ingestURL, token, nil), demo.Config{Seed: seed}, stdout)
}
