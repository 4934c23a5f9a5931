package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/csvimport"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas"
)

// runImport sends CSV meeting logs through ingest (columns: see
// ingest/csvimport), with a progress bar over the bytes read on stderr. Bad
// rows are listed by line and column and skipped, the good rows are sent,
// and the command then returns an error (exit non-zero); so do events
// ingest rejects. Importing a file again sends the same ids: nothing
// changes.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("ingest-url", "http://127.0.0.1:8080", "ingest base URL")
	token := fs.String("token", "", "bearer token (or env WARDPULSE_TOKEN)")
	batch := fs.Int("batch", 1000, "events per request (at most ingest's batch limit)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wardpulse import [-ingest-url URL] [-token T] [-batch N] [-quiet] FILE.csv...")
		fmt.Fprintln(stderr, "columns: "+strings.Join(csvimport.Columns, ",")+" (see ingest/csvimport)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *token == "" {
		*token = envOr("WARDPULSE_TOKEN", "")
	}
	switch {
	case *token == "":
		return errors.New("import: -token (or WARDPULSE_TOKEN) is required")
	case fs.NArg() == 0:
		return errors.New("import: no CSV files given")
	case *batch < 1:
		return fmt.Errorf("import: -batch %d: must be at least 1", *batch)
	}
	c := client.New(*url, *token, nil)
	var errs []error
	for _, path := range fs.Args() {
		if err := importFile(ctx, c, path, *batch, *quiet, stdout, stderr); err != nil {
			if ctx.Err() != nil {
				return err
			}
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
	var bar *progressbar.ProgressBar
	if !quiet {
		size := int64(-1)
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		bar = progressbar.NewOptions64(size, progressbar.OptionSetWriter(stderr), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription(filepath.Base(path)), progressbar.OptionOnCompletion(func() { fmt.Fprintln(stderr) }))
		rd := progressbar.NewReader(f, bar)
		r = &rd
	}
	var pending []schemas.Event
	var accepted, dups, rejected int
	// send posts the first n pending events: at most -batch a request, so
	// a batch never exceeds ingest's limit.
	send := func(n int) error {
		if n == 0 {
			return nil
		}
		batch := pending[:n]
		resp, err := c.Send(ctx, batch)
		// A 400 means ingest rejected every event of the batch: say why,
		// line by line, and go on with the next batch, as for bad rows.
		if err != nil && !(errors.Is(err, client.ErrRejected) && len(resp.Results) == len(batch)) {
			return fmt.Errorf("importing %s: %w", path, err)
		}
		accepted, dups, rejected = accepted+resp.Accepted, dups+resp.Duplicates, rejected+resp.Rejected+resp.Failed
		for _, res := range resp.Results {
			if res.Status != httpapi.StatusAccepted && res.Status != httpapi.StatusDuplicate && res.Index >= 0 && res.Index < len(batch) {
				var why []string
				for _, fe := range res.Errors {
					why = append(why, strings.TrimPrefix(fe.Field+": "+fe.Reason, ": "))
				}
				fmt.Fprintf(stderr, "%s line %d: %s %s by ingest: %s\n", path, batch[res.Index].Source.Line, batch[res.Index].Type, res.Status, strings.Join(why, "; "))
			}
		}
		pending = append(pending[:0], pending[n:]...)
		return nil
	}
	rerr := csvimport.Read(r, filepath.Base(path), func(_ int, evs []schemas.Event) error {
		pending = append(pending, evs...)
		for len(pending) >= batchSize {
			if err := send(batchSize); err != nil {
				return err
			}
		}
		return nil
	})
	var bad *csvimport.BadRowsError
	if rerr != nil && !errors.As(rerr, &bad) {
		return rerr // the header, the file or ingest stopped the import
	}
	if err := send(len(pending)); err != nil {
		return err
	}
	if bar != nil {
		_ = bar.Finish()
	}
	if bad != nil {
		for _, row := range bad.Rows {
			fmt.Fprintln(stderr, row.Error())
		}
	}
	fmt.Fprintf(stdout, "%s: %d events accepted, %d already imported, %d rejected by ingest\n", path, accepted, dups, rejected)
	if rejected > 0 {
		rerr = errors.Join(rerr, fmt.Errorf("%s: %d events rejected by ingest", path, rejected))
	}
	return rerr
}
