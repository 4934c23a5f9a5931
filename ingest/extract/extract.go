// Package extract turns published text about the PCC's engagement
// (Programme of Engagement reports to the Police and Crime Panel, news
// items) into meeting and concern events for backfill, so the pipeline has
// real history from day one. It favours precision over recall: a concern
// needs a concern cue ("residents raised concerns about ...") and a theme of
// the taxonomy, every event needs a day the document states or lets be
// worked out, and whatever cannot be resolved is reported as a Problem
// rather than guessed.
package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/ingest/extract/normalise"
	"github.com/wardpulse/wardpulse/ingest/extract/segment"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// DefaultMaxBytes bounds a document: a year of reports is well under a
// megabyte of text, so anything past this is a mistake (a log, a dump).
const DefaultMaxBytes = 8 << 20

// Sentinel errors for documents that cannot be read; a *DocumentError
// wraps them and names the document.
var (
	// ErrEmpty is returned when a document has no text at all.
	ErrEmpty = errors.New("document is empty")
	// ErrBinary is returned when a document is not text (NUL bytes, not UTF-8).
	ErrBinary = errors.New("document is not text")
	// ErrTooLarge is returned when a document is over the size limit.
	ErrTooLarge = errors.New("document is too large")
)

// DocumentError is a document that could not be read at all.
type DocumentError struct {
	Document string
	Err      error
}

func (e *DocumentError) Error() string { return "extracting " + e.Document + ": " + e.Err.Error() }
func (e *DocumentError) Unwrap() error { return e.Err }

// Problem is something in a document that could not be turned into an
// event field, with where it was found: the stderr summary lists them.
type Problem struct {
	Document  string
	Paragraph int
	What      string // "place", "date", "theme" or "event"
	Text      string // as written
	Reason    string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s ¶%d: %s %q: %s", p.Document, p.Paragraph, p.What, p.Text, p.Reason)
}

// Result is what one document gave.
type Result struct {
	Document   string
	Format     string
	Published  time.Time // zero if the document gives none
	PeriodFrom time.Time // the period a report covers; zero if none
	PeriodTo   time.Time
	Events     []schemas.Event // meetings before their concerns, in document order
	Meetings   int
	Concerns   int
	// Planned are meetings the document lists as coming up: they had not
	// happened when it was written, so they are not events (a later report
	// says whether they were held).
	Planned  []Planned
	Problems []Problem
}

// Planned is a forthcoming meeting a document lists.
type Planned struct {
	Date      string // YYYY-MM-DD
	Place     string // as written; "" if none resolved
	Title     string
	Paragraph int
}

// Config tunes the extractor. The zero value is usable.
type Config struct {
	// MaxBytes is the largest document accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// PDFToText is the pdftotext binary (poppler-utils) PDFs are read
	// with; "" means "pdftotext" on PATH.
	PDFToText string
	// Published is the publication date of a document that gives none
	// (a news item saved without its date line): "last night" and dates
	// without a year are read against it. A date the document gives wins.
	// Zero: none.
	Published time.Time
}

// Extractor extracts events from documents. It is immutable and safe for
// concurrent use.
type Extractor struct {
	gaz       *gazetteer.Gazetteer
	tax       *taxonomy.Taxonomy
	val       *schemas.Validator
	maxBytes  int64
	pdftotext string
	published time.Time // Config.Published, at midnight UTC
	ns        uuid.UUID
}

// New returns an Extractor resolving places with gaz and themes with tax.
func New(gaz *gazetteer.Gazetteer, tax *taxonomy.Taxonomy, cfg Config) (*Extractor, error) {
	if gaz == nil || tax == nil {
		return nil, errors.New("extract: a gazetteer and a taxonomy are required")
	}
	if cfg.MaxBytes < 0 {
		return nil, fmt.Errorf("extract: max bytes %d is negative", cfg.MaxBytes)
	}
	if cfg.MaxBytes == 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	val, err := schemas.NewValidator()
	if err != nil {
		return nil, fmt.Errorf("extract: building the event validator: %w", err)
	}
	var published time.Time
	if !cfg.Published.IsZero() {
		y, m, d := cfg.Published.Date()
		published = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return &Extractor{gaz: gaz, tax: tax, val: val, maxBytes: cfg.MaxBytes, pdftotext: cfg.PDFToText, published: published,
		ns: uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/wardpulse/wardpulse/ingest/extract"))}, nil
}

// ExtractReader reads at most the size limit from r and extracts from it;
// ctx bounds the PDF conversion.
func (x *Extractor) ExtractReader(ctx context.Context, document string, r io.Reader) (*Result, error) {
	b, err := io.ReadAll(io.LimitReader(r, x.maxBytes+1))
	if err != nil {
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("reading: %w", err)}
	}
	return x.ExtractContext(ctx, document, b)
}

// Extract is ExtractContext without a deadline.
func (x *Extractor) Extract(document string, content []byte) (*Result, error) {
	return x.ExtractContext(context.Background(), document, content)
}

// ExtractContext finds the meetings and concerns in one document, stage by
// stage: normalise (markup, PDF, chrome) -> segment (blocks) -> tag dates
// and places -> find meetings and concerns and link them -> emit. Event ids
// are UUID v5 of the document's content hash, paragraph and index, so the
// same content always gives the same ids, whatever the file is called. ctx
// bounds the PDF conversion.
func (x *Extractor) ExtractContext(ctx context.Context, document string, content []byte) (*Result, error) {
	switch {
	case int64(len(content)) > x.maxBytes:
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: over the %d-byte limit", ErrTooLarge, x.maxBytes)}
	case len(bytes.TrimSpace(content)) == 0:
		return nil, &DocumentError{Document: document, Err: ErrEmpty}
	}
	f := normalise.Sniff(document, content)
	if f != normalise.PDF {
		if why := normalise.Binary(content); why != "" {
			return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: %s", ErrBinary, why)}
		}
	}
	nd, err := normalise.Normalise(ctx, document, content, normalise.Options{PDFToText: x.pdftotext})
	if err != nil {
		return nil, &DocumentError{Document: document, Err: err}
	}
	blocks := segment.Segment(nd.Text)
	if len(blocks) == 0 {
		if nd.Format == normalise.PDF {
			// A scanned report is pictures of pages: pdftotext finds no text.
			return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: the PDF has no text layer (a scanned image?): run it through OCR (for example ocrmypdf) first", ErrEmpty)}
		}
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: no text once the %s markup is removed", ErrEmpty, nd.Format)}
	}
	sum := sha256.Sum256(content)
	r := &run{x: x, blocks: blocks, published: nd.Published, chromeLines: nd.ChromeLines, hash: hex.EncodeToString(sum[:]),
		res: &Result{Document: document, Format: string(nd.Format)}}
	r.tag()
	r.anchor()
	r.walk()
	r.finish()
	return r.res, nil
}
