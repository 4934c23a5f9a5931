package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/ingest/extract"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// runExtract is `wardpulse extract [flags] FILE...`: it reads plain text,
// Markdown, HTML or PDF (with pdftotext from poppler-utils) documents ("-" is stdin), writes their meeting and
// concern events to stdout as NDJSON, one event per line, and a summary to
// stderr: counts per document, then every place, date or theme that could
// not be resolved, with the paragraph it was found in. With --publish it
// also posts the events to ingest; event ids are deterministic, so running
// it again on the same documents changes nothing (ingest answers
// "duplicate"). A document that cannot be read (empty, binary, too large) is
// reported and skipped; the command then fails after doing the others.
func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wardpulse extract [flags] FILE...  (FILE may be - for stdin)")
		fs.PrintDefaults()
	}
	publish := fs.Bool("publish", false, "also send the events to ingest (POST <ingest-url>/v1/events)")
	ingestURL := fs.String("ingest-url", "http://localhost:8080", "base URL of the ingest API, for --publish")
	token := fs.String("token", "", "bearer token for --publish (default: $WARDPULSE_TOKEN)")
	batch := fs.Int("batch", 100, "events per ingest request, for --publish")
	maxBytes := fs.Int64("max-bytes", extract.DefaultMaxBytes, "largest document accepted, in bytes")
	quiet := fs.Bool("quiet", false, "print only the counts on stderr, not each unresolved item")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) of documents that give none: relative and year-less dates are read against it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var pubDate time.Time
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			return fmt.Errorf("-published %q: not a date (YYYY-MM-DD): %w", *published, err)
		}
		pubDate = t
	}
	files := fs.Args()
	if len(files) == 0 {
		fs.Usage()
		return errors.New("no documents given")
	}
	x, err := extract.New(gazetteer.Default(), taxonomy.Default(), extract.Config{MaxBytes: *maxBytes, Published: pubDate})
	if err != nil {
		return err
	}
	var pub *extract.Publisher
	if *publish {
		tok := *token
		if tok == "" {
			tok = os.Getenv("WARDPULSE_TOKEN")
		}
		if pub, err = extract.NewPublisher(extract.PublishConfig{URL: *ingestURL, Token: tok, BatchSize: *batch}, nil); err != nil {
			return err
		}
	}

	out := bufio.NewWriter(stdout)
	var all []schemas.Event
	var unreadable []string
	meetings, concerns, problems := 0, 0, 0
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := extractFile(ctx, x, name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "%s: skipped: %v\n", name, err)
			unreadable = append(unreadable, name)
			continue
		}
		for i := range res.Events {
			b, err := res.Events[i].Marshal()
			if err != nil {
				return err
			}
			out.Write(b)
			out.WriteByte('\n')
		}
		all = append(all, res.Events...)
		meetings += res.Meetings
		concerns += res.Concerns
		problems += len(res.Problems)
		fmt.Fprintf(stderr, "%s: %d meetings, %d concerns, %d planned (%s%s)\n", name, res.Meetings, res.Concerns, len(res.Planned), res.Format, anchorNote(res))
		if !*quiet {
			for _, p := range res.Planned {
				fmt.Fprintf(stderr, "  planned %s %s %q ¶%d (forthcoming: not an event)\n", p.Date, p.Place, p.Title, p.Paragraph)
			}
			for _, p := range res.Problems {
				fmt.Fprintf(stderr, "  unresolved %s\n", p)
			}
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	fmt.Fprintf(stderr, "total: %d documents, %d meetings, %d concerns, %d unresolved items, %d unreadable documents\n",
		len(files)-len(unreadable), meetings, concerns, problems, len(unreadable))

	if pub != nil {
		rep, err := pub.Publish(ctx, all)
		fmt.Fprintf(stderr, "publish: %d accepted, %d duplicates (already ingested), %d rejected, %d not sent (held outside Cleveland)\n", rep.Accepted, rep.Duplicates, rep.Rejected, len(rep.NotSent))
		for _, ev := range rep.NotSent {
			where := ev.Place
			if ev.Source != nil {
				where = fmt.Sprintf("%s, %s ¶%d", ev.Place, ev.Source.Document, ev.Source.Paragraph)
			}
			fmt.Fprintf(stderr, "  not sent %s %s (%s): outside the Cleveland force area\n", ev.Type, ev.EventID, where)
		}
		for _, r := range rep.Rejections {
			var why []string
			for _, e := range r.Errors {
				why = append(why, e.Error())
			}
			fmt.Fprintf(stderr, "  rejected %s (%s ¶%d): %s\n", r.EventID, r.Document, r.Paragraph, strings.Join(why, "; "))
		}
		if err != nil {
			return err
		}
		if rep.Rejected > 0 {
			return fmt.Errorf("ingest rejected %d of %d events", rep.Rejected, len(all))
		}
	}
	if len(unreadable) > 0 {
		return fmt.Errorf("%d of %d documents could not be read: %s", len(unreadable), len(files), strings.Join(unreadable, ", "))
	}
	return nil
}

func extractFile(ctx context.Context, x *extract.Extractor, name string, stdin io.Reader) (*extract.Result, error) {
	if name == "-" {
		return x.ExtractReader(ctx, "stdin", stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	defer f.Close()
	return x.ExtractReader(ctx, name, f)
}

// anchorNote says what the document's dates were resolved against.
func anchorNote(r *extract.Result) string {
	var parts []string
	if !r.Published.IsZero() {
		parts = append(parts, "published "+r.Published.Format("2006-01-02"))
	}
	if !r.PeriodFrom.IsZero() {
		parts = append(parts, "period "+r.PeriodFrom.Format("2006-01-02")+" to "+r.PeriodTo.Format("2006-01-02"))
	}
	if len(parts) == 0 {
		return ", no publication date or period"
	}
	return ", " + strings.Join(parts, ", ")
}
