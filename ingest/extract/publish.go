package extract

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas"
)

// PublishConfig says where and how to send extracted events.
type PublishConfig struct {
	URL         string        // ingest's base URL; events go to URL + "/v1/events"
	Token       string        // bearer token of a source allowed to write
	BatchSize   int           // events per request; 0 means 100 (ingest's usual batch limit)
	MaxAttempts int           // tries per batch on 429, 5xx and network errors; 0 means 4
	Backoff     time.Duration // first wait between tries, doubling; 0 means 250 ms
}

// Publisher posts events to ingest as NDJSON through ingest/client.
// Sending the same events again is harmless: their ids are deterministic
// and ingest answers "duplicate".
type Publisher struct {
	batchSize int
	client    *client.Client
}

// NewPublisher checks the configuration. httpClient nil means a client with
// a 30-second timeout.
func NewPublisher(cfg PublishConfig, httpClient *http.Client) (*Publisher, error) {
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
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 30 * time.Second}
	}
	c := client.New(cfg.URL, cfg.Token, httpClient)
	c.MaxAttempts, c.MinBackoff = cfg.MaxAttempts, cfg.Backoff
	return &Publisher{batchSize: cfg.BatchSize, client: c}, nil
}

// PublishReport counts ingest's answers.
type PublishReport struct {
	Accepted, Duplicates, Rejected int
	Rejections                     []Rejection
	// NotSent are the events held outside Cleveland (Outside) and the
	// follow-ups of their concerns, which Publish leaves out.
	NotSent []schemas.Event
}

// Outside reports whether ev is a meeting or concern the extractor placed
// outside the Cleveland force area: a place named, no ward or authority
// code (a Cleveland report's rural crime meeting in Great Ayton, North
// Yorkshire).
func Outside(ev schemas.Event) bool {
	return (ev.Type == schemas.TypeMeeting || ev.Type == schemas.TypeConcern) && ev.WardCode == "" && ev.LADCode == "" && ev.Ward == ""
}

// splitOutside separates the events Publish sends from those outside
// Cleveland and the follow-ups of their concerns.
func splitOutside(events []schemas.Event) (send, outside []schemas.Event) {
	gone := map[string]bool{}
	for _, ev := range events {
		if Outside(ev) {
			gone[ev.EventID] = true
		}
	}
	if len(gone) == 0 {
		return events, nil
	}
	for _, ev := range events {
		if gone[ev.EventID] || gone[ev.FollowedConcern()] {
			outside = append(outside, ev)
		} else {
			send = append(send, ev)
		}
	}
	return send, outside
}

// Rejection is an event ingest refused, with its reasons.
type Rejection struct {
	EventID   string
	Document  string
	Paragraph int
	Errors    []schemas.FieldError
}

// Publish sends events in batches and returns what ingest made of them. It
// stops at the first batch that cannot be delivered after its retries.
//
// Events held outside the Cleveland force area (Outside) are not sent:
// ingest resolves every meeting's and concern's place in Cleveland's
// gazetteer and would refuse them. They are counted in NotSent, with the
// follow-ups of their concerns.
func (p *Publisher) Publish(ctx context.Context, events []schemas.Event) (PublishReport, error) {
	var rep PublishReport
	events, rep.NotSent = splitOutside(events)
	for start := 0; start < len(events); start += p.batchSize {
		batch := events[start:min(start+p.batchSize, len(events))]
		if err := p.send(ctx, batch, &rep); err != nil {
			return rep, fmt.Errorf("publishing events %d-%d of %d: %w", start, start+len(batch)-1, len(events), err)
		}
	}
	return rep, nil
}

// send posts one batch and counts the answers. The client retries 429, 5xx
// (including events ingest answered "failed") and network errors; a 400,
// every event rejected, is still counted per event.
func (p *Publisher) send(ctx context.Context, batch []schemas.Event, rep *PublishReport) error {
	resp, err := p.client.Send(ctx, batch)
	if err != nil && !(errors.Is(err, client.ErrRejected) && len(resp.Results) == len(batch)) {
		return err
	}
	if len(resp.Results) != len(batch) {
		return fmt.Errorf("ingest answered %d results for %d events", len(resp.Results), len(batch))
	}
	for i, r := range resp.Results {
		ev := batch[i]
		switch r.Status {
		case httpapi.StatusAccepted:
			rep.Accepted++
		case httpapi.StatusDuplicate:
			rep.Duplicates++
		case httpapi.StatusRejected:
			rep.Rejected++
			rj := Rejection{EventID: ev.EventID, Errors: r.Errors}
			if ev.Source != nil {
				rj.Document, rj.Paragraph = ev.Source.Document, ev.Source.Paragraph
			}
			rep.Rejections = append(rep.Rejections, rj)
		default:
			return fmt.Errorf("event %s: ingest answered %q", ev.EventID, r.Status)
		}
	}
	return nil
}
