package main

import (
	"context"
	"io"
	"log/slog"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
)

// startLocalExtras starts what local mode runs beside ingest and the
// processor: the alerter with a local Alertmanager, and the dashboards.
func startLocalExtras(ctx context.Context, g *errgroup.Group, cfg localConfig, k wiring.Kafka, ch wiring.ClickHouse, conn driver.Conn, logger *slog.Logger) (localExtras, error) {
	return localExtras{}, nil
}

func loadDemo(ctx context.Context, ingestURL, token string, seed int64, stdout, stderr io.Writer) error {
	return errPending
}
