package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas"
)

// runDemo writes the seeded demo events as NDJSON, or sends them to ingest.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", 1, "generator seed (same seed, same events, same ids)")
	from := fs.String("from", "2012-05-03", "first day (YYYY-MM-DD)")
	to := fs.String("to", "", "day after the last (YYYY-MM-DD; default today)")
	scale := fs.Float64("scale", 1, "multiplies every concern rate (benchmarks use more)")
	url := fs.String("ingest-url", "", "send to this ingest instead of writing NDJSON to stdout")
	token := fs.String("token", "", "bearer token for -ingest-url (or env WARDPULSE_TOKEN)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := demo.Config{Seed: *seed, Scale: *scale}
	var err error
	if cfg.From, err = time.Parse(time.DateOnly, *from); err != nil {
		return fmt.Errorf("-from %q: want YYYY-MM-DD", *from)
	}
	if *to != "" {
		if cfg.To, err = time.Parse(time.DateOnly, *to); err != nil {
			return fmt.Errorf("-to %q: want YYYY-MM-DD", *to)
		}
	}
	if *url == "" {
		w := bufio.NewWriter(stdout)
		enc := json.NewEncoder(w)
		if err := demo.Generate(cfg, func(e schemas.Event) error { return enc.Encode(&e) }); err != nil {
			return err
		}
		return w.Flush()
	}
	if *token == "" {
		*token = envOr("WARDPULSE_TOKEN", "")
	}
	if *token == "" {
		return errors.New("-token (or WARDPULSE_TOKEN) is required with -ingest-url")
	}
	return sendDemo(ctx, client.New(*url, *token, nil), cfg, stderr)
}

// sendDemo streams the demo events to ingest in batches of 2,000 and
// reports the totals. Reloading is harmless: the ids are the same.
func sendDemo(ctx context.Context, c *client.Client, cfg demo.Config, stderr io.Writer) error {
	start := time.Now()
	var batch []schemas.Event
	var accepted, dups, rejected int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		resp, err := c.Send(ctx, batch)
		if err != nil {
			return fmt.Errorf("sending demo events: %w", err)
		}
		accepted, dups, rejected = accepted+resp.Accepted, dups+resp.Duplicates, rejected+resp.Rejected
		for _, r := range resp.Results {
			if r.Status == httpapi.StatusRejected && rejected <= 5 {
				fmt.Fprintf(stderr, "demo event rejected: %+v\n", r.Errors)
			}
		}
		batch = batch[:0]
		return nil
	}
	err := demo.Generate(cfg, func(e schemas.Event) error {
		batch = append(batch, e)
		if len(batch) == 2000 {
			return flush()
		}
		return ctx.Err()
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "demo data: %d events accepted, %d already there, %d rejected, in %s\n", accepted, dups, rejected, time.Since(start).Round(time.Millisecond))
	return nil
}
