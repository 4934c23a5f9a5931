package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/schemas"
)

// PublishConfig says where and how to send extracted events.
type PublishConfig struct {
	URL         string // ingest's base URL; events go to URL + "/v1/events"
	Token       string // bearer token of a source allowed to write
	BatchSize   int    // events per request; 0 means 100 (ingest's usual batch limit)
	MaxAttempts int    // tries per batch on 429, 5xx and network errors; 0 means 4
	Backoff     time.Duration
}

// Publisher posts events to ingest as NDJSON. Sending the same events again
// is harmless: their ids are deterministic and ingest answers "duplicate".
type Publisher struct {
	cfg    PublishConfig
	client *http.Client
}

// NewPublisher checks the configuration. client nil means a client with a
// 30-second timeout.
func NewPublisher(cfg PublishConfig, client *http.Client) (*Publisher, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("publish: ingest URL %q must be an http(s) URL", cfg.URL)
	}
	if cfg.Token == "" {
		return nil, errors.New("publish: a bearer token is required (--token)")
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 100
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 4
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 250 * time.Millisecond
	}
	cfg.URL = strings.TrimSuffix(cfg.URL, "/")
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	return &Publisher{cfg: cfg, client: client}, nil
}

// PublishReport counts ingest's answers.
type PublishReport struct {
	Accepted, Duplicates, Rejected int
	Rejections                     []Rejection
}

// Rejection is an event ingest refused, with its reasons.
type Rejection struct {
	EventID   string
	Document  string
	Paragraph int
	Errors    []schemas.FieldError
}

// ingestResponse mirrors the body of POST /v1/events.
type ingestResponse struct {
	Results []struct {
		Index   int                  `json:"index"`
		EventID string               `json:"event_id"`
		Status  string               `json:"status"`
		Errors  []schemas.FieldError `json:"errors"`
	} `json:"results"`
	Error string `json:"error"`
}

// Publish sends events in batches and returns what ingest made of them. It
// stops at the first batch that cannot be delivered after its retries.
func (p *Publisher) Publish(ctx context.Context, events []schemas.Event) (PublishReport, error) {
	var rep PublishReport
	for start := 0; start < len(events); start += p.cfg.BatchSize {
		batch := events[start:min(start+p.cfg.BatchSize, len(events))]
		if err := p.send(ctx, batch, &rep); err != nil {
			return rep, fmt.Errorf("publishing events %d-%d of %d: %w", start, start+len(batch)-1, len(events), err)
		}
	}
	return rep, nil
}

// send posts one batch, retrying what is worth retrying: the whole batch on
// 429, 5xx or a network error, and only the events ingest answered "failed".
func (p *Publisher) send(ctx context.Context, batch []schemas.Event, rep *PublishReport) error {
	pending := batch
	var lastErr error
	for attempt := 1; attempt <= p.cfg.MaxAttempts && len(pending) > 0; attempt++ {
		if attempt > 1 {
			wait := p.cfg.Backoff << (attempt - 2)
			var ra *retryAfterError
			if errors.As(lastErr, &ra) && ra.after > wait {
				wait = ra.after
			}
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
		}
		resp, err := p.post(ctx, pending)
		if err != nil {
			var perm *permanentError
			if errors.As(err, &perm) {
				return err
			}
			lastErr = err
			continue
		}
		if len(resp.Results) != len(pending) {
			return fmt.Errorf("ingest answered %d results for %d events", len(resp.Results), len(pending))
		}
		var failed []schemas.Event
		for i, r := range resp.Results {
			ev := pending[i]
			switch r.Status {
			case "accepted":
				rep.Accepted++
			case "duplicate":
				rep.Duplicates++
			case "rejected":
				rep.Rejected++
				rj := Rejection{EventID: ev.EventID, Errors: r.Errors}
				if ev.Source != nil {
					rj.Document, rj.Paragraph = ev.Source.Document, ev.Source.Paragraph
				}
				rep.Rejections = append(rep.Rejections, rj)
			default: // "failed": ingest could not hand it to Kafka; try again
				failed = append(failed, ev)
			}
		}
		pending = failed
		lastErr = fmt.Errorf("ingest could not store %d events", len(failed))
	}
	if len(pending) > 0 {
		return fmt.Errorf("after %d attempts: %w", p.cfg.MaxAttempts, lastErr)
	}
	return nil
}

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

type retryAfterError struct {
	status int
	after  time.Duration
	msg    string
}

func (e *retryAfterError) Error() string {
	return fmt.Sprintf("ingest answered %d: %s", e.status, e.msg)
}

func (p *Publisher) post(ctx context.Context, events []schemas.Event) (*ingestResponse, error) {
	var body bytes.Buffer
	for i := range events {
		b, err := events[i].Marshal()
		if err != nil {
			return nil, &permanentError{err}
		}
		body.Write(b)
		body.WriteByte('\n')
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.cfg.URL+"/v1/events", &body)
	if err != nil {
		return nil, &permanentError{fmt.Errorf("building request: %w", err)}
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+p.cfg.Token)
	res, err := p.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &permanentError{ctx.Err()}
		}
		return nil, fmt.Errorf("posting to %s: %w", p.cfg.URL, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("reading ingest's answer: %w", err)
	}
	var out ingestResponse
	jerr := json.Unmarshal(raw, &out)
	msg := out.Error
	if msg == "" {
		msg = strings.TrimSpace(string(raw[:min(len(raw), 300)]))
	}
	switch {
	case res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500:
		after := time.Duration(0)
		if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && s > 0 && s < 60 {
			after = time.Duration(s) * time.Second
		}
		// A 5xx with per-event results ("failed" for some) is handled per event.
		if jerr == nil && len(out.Results) == len(events) {
			return &out, nil
		}
		return nil, &retryAfterError{status: res.StatusCode, after: after, msg: msg}
	case res.StatusCode >= 400 && (jerr != nil || len(out.Results) != len(events)):
		return nil, &permanentError{fmt.Errorf("ingest answered %d: %s", res.StatusCode, msg)}
	case jerr != nil:
		return nil, &permanentError{fmt.Errorf("decoding ingest's answer (%d): %w", res.StatusCode, jerr)}
	}
	return &out, nil
}
