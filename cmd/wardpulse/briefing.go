package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/dashboards/briefing"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// runBriefing writes the Panel briefing for a period: briefing.html
// (self-contained) and briefing.pdf (printed by headless Chromium) in --out.
func runBriefing(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("briefing", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ch wiring.ClickHouse
	fromS := fs.String("from", "", "first day of the period, YYYY-MM-DD")
	toS := fs.String("to", "", "last day of the period, YYYY-MM-DD (inclusive)")
	out := fs.String("out", "", "directory for briefing.html and briefing.pdf")
	chromiumPath := fs.String("chromium", "", "chromium binary (default /usr/bin/chromium)")
	fs.StringVar(&ch.Addr, "clickhouse-addr", "127.0.0.1:9000", "ClickHouse native protocol address (host:port)")
	fs.StringVar(&ch.Database, "clickhouse-db", "wardpulse", "ClickHouse database")
	fs.StringVar(&ch.Username, "clickhouse-user", "default", "ClickHouse user (password from env WARDPULSE_CLICKHOUSE_PASSWORD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *fromS == "" || *toS == "" || *out == "" {
		return errors.New("--from, --to and --out are required")
	}
	from, err := time.Parse(time.DateOnly, *fromS)
	if err != nil {
		return fmt.Errorf("reading --from: %w", err)
	}
	to, err := time.Parse(time.DateOnly, *toS)
	if err != nil {
		return fmt.Errorf("reading --to: %w", err)
	}
	chromium, err := briefing.FindChromium(*chromiumPath)
	if err != nil {
		return err
	}
	logger, err := wiring.Logger("warn")
	if err != nil {
		return err
	}
	conn, err := ch.Open(ctx, false, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	src := briefing.Source{Conn: conn, Themes: taxonomy.Default(), Wards: gazetteer.Default()}
	htmlPath, pdfPath, err := briefing.Write(ctx, src, from, to, *out, chromium)
	if htmlPath != "" {
		fmt.Fprintln(stdout, "wrote", htmlPath)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "wrote", pdfPath)
	return nil
}
