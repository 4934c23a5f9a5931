package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/schollz/progressbar/v3"

	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/csvimport"
	"github.com/wardpulse/wardpulse/schemas"
)

// runImport sends CSV meeting logs through ingest (columns: see
// ingest/csvimport), with a progress bar over the bytes read. Bad rows are
// listed and skipped; the command then exits non-zero.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("ingest-url", "http://127.0.0.1:8080", "ingest base URL")
	token := fs.String("token", "", "bearer token (or env WARDPULSE_TOKEN)")
	batch := fs.Int("batch", 1000, "events per request")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *token == "" {
		*token = envOr("WARDPULSE_TOKEN", "")
	}
	if *token == "" || fs.NArg() == 0 {
		return errors.New("usage: wardpulse import -token T [-ingest-url URL] FILE.csv...")
	}
	c := client.New(*url, *token, nil)
	var errs []error
	for _, path := range fs.Args() {
		if err := importFile(ctx, c, path, *batch, *quiet, stdout, stderr); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func importFile(ctx context.Context, c *client.Client, path string, batchSize int, quiet bool, stdout, stderr io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if !quiet {
		st, _ := f.Stat()
		bar := progressbar.NewOptions64(st.Size(), progressbar.OptionSetWriter(stderr), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription(filepath.Base(path)), progressbar.OptionOnCompletion(func() { fmt.Fprintln(stderr) }))
		rd := progressbar.NewReader(f, bar)
		r = &rd
	}
	var pending []schemas.Event
	var accepted, dups, rejected int
	send := func() error {
		if len(pending) == 0 {
			return nil
		}
		resp, err := c.Send(ctx, pending)
		if err != nil {
			return fmt.Errorf("importing %s: %w", path, err)
		}
		accepted, dups, rejected = accepted+resp.Accepted, dups+resp.Duplicates, rejected+resp.Rejected
		for _, res := range resp.Results {
			if res.Status == "rejected" {
				src := pending[res.Index].Source
				fmt.Fprintf(stderr, "%s line %d: rejected by ingest: %v\n", path, src.Line, res.Errors)
			}
		}
		pending = pending[:0]
		return nil
	}
	rerr := csvimport.Read(r, filepath.Base(path), func(_ int, evs []schemas.Event) error {
		pending = append(pending, evs...)
		if len(pending) >= batchSize {
			return send()
		}
		return nil
	}, func(e *csvimport.RowError) { fmt.Fprintln(stderr, e.Error()) })
	if err := send(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d events accepted, %d already imported, %d rejected by ingest\n", path, accepted, dups, rejected)
	if rerr == nil && rejected > 0 {
		rerr = fmt.Errorf("%s: %d events rejected by ingest", path, rejected)
	}
	return rerr
}
