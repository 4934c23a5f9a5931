package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	gapi "github.com/grafana/grafana-api-golang-client"

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/provision"
)

const dashboardsUsage = `usage:
  wardpulse dashboards generate [--out dashboards/json]
  wardpulse dashboards push --grafana-url URL --token TOKEN [--clickhouse-addr host:9000 --clickhouse-db wardpulse --prometheus-url URL]
  wardpulse dashboards write-provisioning --out DIR [--clickhouse-addr ... --prometheus-url ... --dashboards-path PATH]`

// runDashboards writes the dashboard JSON, pushes everything to a Grafana
// through its API (idempotent: prints what it created or updated), or
// writes Grafana file-provisioning files.
func runDashboards(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, dashboardsUsage)
		return errors.New("a subcommand is required: generate, push or write-provisioning")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("dashboards "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg provision.Config
	addDS := func() {
		fs.StringVar(&cfg.ClickHouseAddr, "clickhouse-addr", "127.0.0.1:9000", "ClickHouse native address Grafana connects to (host:port)")
		fs.StringVar(&cfg.ClickHouseDB, "clickhouse-db", "wardpulse", "ClickHouse database")
		fs.StringVar(&cfg.ClickHouseUser, "clickhouse-user", "default", "ClickHouse user of the data source")
		fs.StringVar(&cfg.PrometheusURL, "prometheus-url", "http://127.0.0.1:9090", "Prometheus URL Grafana connects to")
	}
	all, err := dashboards.Default().All()
	if err != nil {
		return fmt.Errorf("generating dashboards: %w", err)
	}
	switch sub {
	case "generate":
		out := fs.String("out", "dashboards/json", "directory for the dashboard JSON")
		if err := fs.Parse(args); err != nil {
			return err
		}
		files, err := dashboards.Write(*out, all)
		if err != nil {
			return err
		}
		for _, f := range files {
			fmt.Fprintln(stdout, "wrote", f)
		}
		return nil
	case "push":
		addDS()
		url := fs.String("grafana-url", "", "Grafana base URL, e.g. http://127.0.0.1:3000")
		token := fs.String("token", "", "Grafana service account token (or env GRAFANA_TOKEN)")
		if err := fs.Parse(args); err != nil {
			return err
		}
		cfg.ClickHousePassword = os.Getenv("WARDPULSE_CLICKHOUSE_PASSWORD")
		if *token == "" {
			*token = os.Getenv("GRAFANA_TOKEN")
		}
		if *url == "" || *token == "" {
			return errors.New("push: --grafana-url and --token are required")
		}
		client, err := gapi.New(*url, gapi.Config{APIKey: *token})
		if err != nil {
			return fmt.Errorf("creating grafana client for %s: %w", *url, err)
		}
		rep, err := provision.Push(ctx, client, cfg, all)
		for _, c := range rep {
			fmt.Fprintln(stdout, c)
		}
		if err != nil {
			return fmt.Errorf("pushing to %s: %w", *url, err)
		}
		fmt.Fprintf(stdout, "%d of %d objects created or updated\n", rep.Changed(), len(rep))
		return nil
	case "write-provisioning":
		addDS()
		out := fs.String("out", "", "directory to write provisioning/ and dashboards/ into")
		path := fs.String("dashboards-path", provision.DashboardsPath, "where Grafana will find the dashboard JSON")
		if err := fs.Parse(args); err != nil {
			return err
		}
		if *out == "" {
			return errors.New("write-provisioning: --out is required")
		}
		files, err := provision.WriteFiles(*out, cfg, *path, all)
		if err != nil {
			return err
		}
		for _, f := range files {
			fmt.Fprintln(stdout, "wrote", f)
		}
		return nil
	default:
		fmt.Fprintln(stderr, dashboardsUsage)
		return fmt.Errorf("unknown subcommand %q", sub)
	}
}
