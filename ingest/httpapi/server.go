// Package httpapi is ingest's HTTP API: it authenticates sources by bearer
// token, validates single events and NDJSON batches against the event schema
// and the gazetteer, answers per event, and returns 202 only once Kafka has
// acknowledged what it accepted.
//
// Status codes: 202 when at least one event was accepted or acknowledged
// again as a duplicate and none failed in Kafka; 400 when every event was
// rejected; 401 without a valid token; 413 over the body or batch limit; 429
// when too many events are in flight (retry after the Retry-After seconds);
// 503 when Kafka did not acknowledge (the failed events say so; resending
// them is safe, their ids are kept).
package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
	"github.com/wardpulse/wardpulse/schemas"
)

// Config holds the API's limits.
type Config struct {
	MaxBodyBytes   int64         `yaml:"max_body_bytes"`
	MaxBatchEvents int           `yaml:"max_batch_events"`
	MaxFutureSkew  time.Duration `yaml:"max_future_skew"`
	OldestEvent    time.Time     `yaml:"oldest_event"`
	RecentIDs      int           `yaml:"recent_ids"`
}

// Publisher is what the API needs from ingest/publish.
type Publisher interface {
	Publish(ctx context.Context, msgs []publish.Message) ([]error, error)
	Ready(ctx context.Context) error
}

// Places resolves a ward code, ward name or place at a date.
type Places interface {
	Resolve(place string, at time.Time) (gazetteer.Resolution, error)
}

// Themes says whether a theme id exists.
type Themes interface {
	Has(id string) bool
}

// Deps are the API's collaborators.
type Deps struct {
	Publisher Publisher
	Tokens    *Tokens
	Validator *schemas.Validator
	Places    Places
	Themes    Themes
	Now       func() time.Time // nil: time.Now
}

// API serves ingest's endpoints. Build it with New.
type API struct {
	cfg    Config
	d      Deps
	logger *slog.Logger
	recent *recentIDs
	m      *metrics
}

type metrics struct {
	events   *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// Result is the outcome for one event of a request.
type Result struct {
	Index   int                  `json:"index"`
	EventID string               `json:"event_id,omitempty"`
	Status  string               `json:"status"` // accepted | duplicate | rejected | failed
	Errors  []schemas.FieldError `json:"errors,omitempty"`
}

// Response is the body of every answer to POST /v1/events.
type Response struct {
	Results    []Result `json:"results"`
	Accepted   int      `json:"accepted"`
	Duplicates int      `json:"duplicates"`
	Rejected   int      `json:"rejected"`
	Failed     int      `json:"failed"`
	Error      string   `json:"error,omitempty"`
}

// New validates the configuration and returns the API. reg may be nil.
func New(cfg Config, d Deps, logger *slog.Logger, reg prometheus.Registerer) (*API, error) {
	var errs []error
	if d.Publisher == nil || d.Tokens == nil || d.Validator == nil || d.Places == nil || d.Themes == nil {
		errs = append(errs, errors.New("httpapi: publisher, tokens, validator, places and themes are required"))
	}
	if cfg.MaxBodyBytes <= 0 || cfg.MaxBatchEvents <= 0 {
		errs = append(errs, fmt.Errorf("httpapi: body limit %d and batch limit %d must be positive", cfg.MaxBodyBytes, cfg.MaxBatchEvents))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	f := promauto.With(reg)
	return &API{cfg: cfg, d: d, logger: logger, recent: newRecentIDs(cfg.RecentIDs), m: &metrics{
		events: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_ingest_events_total",
			Help: "Events received, by result (accepted, duplicate, rejected, failed).",
		}, []string{"result"}),
		duration: f.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wardpulse_ingest_request_duration_seconds",
			Help:    "Time to answer POST /v1/events, by status code.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}, []string{"code"}),
	}}, nil
}

// Routes registers the API's endpoints on mux.
func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /v1/events", a.postEvents)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", a.ready)
}

func (a *API) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	if err := a.d.Publisher.Ready(ctx); err != nil {
		http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	_, _ = io.WriteString(w, "ready\n")
}

func (a *API) postEvents(w http.ResponseWriter, r *http.Request) {
	start := a.d.Now()
	code, resp := a.handle(r)
	if code == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "1")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(resp)
	a.m.duration.WithLabelValues(strconv.Itoa(code)).Observe(a.d.Now().Sub(start).Seconds())
}

func (a *API) handle(r *http.Request) (int, Response) {
	source, ok := a.auth(r)
	if !ok {
		return http.StatusUnauthorized, Response{Error: "missing or unknown bearer token"}
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, a.cfg.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return http.StatusRequestEntityTooLarge, Response{Error: fmt.Sprintf("body is larger than %d bytes: split the batch", a.cfg.MaxBodyBytes)}
		}
		return http.StatusBadRequest, Response{Error: "reading body: " + err.Error()}
	}
	lines := splitEvents(body, r.Header.Get("Content-Type"))
	if len(lines) == 0 {
		return http.StatusBadRequest, Response{Error: "no events in the body (send one JSON object, or NDJSON: one event per line)"}
	}
	if len(lines) > a.cfg.MaxBatchEvents {
		return http.StatusRequestEntityTooLarge, Response{Error: fmt.Sprintf("batch has %d events; the limit is %d", len(lines), a.cfg.MaxBatchEvents)}
	}

	resp := Response{Results: make([]Result, len(lines))}
	now := a.d.Now().UTC()
	checked := a.checkAll(lines, source, now)
	var msgs []publish.Message
	var msgIdx []int
	var hashes []uint64
	inRequest := map[string]uint64{}
	for i, c := range checked {
		res := &resp.Results[i]
		res.Index = i
		if c.ev != nil {
			res.EventID = c.ev.EventID
		}
		if len(c.errs) > 0 {
			res.Status, res.Errors = "rejected", c.errs
			continue
		}
		prev, seen := inRequest[c.ev.EventID]
		if !seen {
			prev, seen = a.recent.lookup(c.ev.EventID)
		}
		if seen {
			if prev == c.hash {
				res.Status = "duplicate"
			} else {
				res.Status, res.Errors = "rejected", []schemas.FieldError{{Field: "event_id", Reason: "already used for a different event; corrections need a new event_id and supersedes"}}
			}
			continue
		}
		inRequest[c.ev.EventID] = c.hash
		msgs = append(msgs, c.msg)
		msgIdx = append(msgIdx, i)
		hashes = append(hashes, c.hash)
	}

	code := http.StatusAccepted
	if len(msgs) > 0 {
		perMsg, err := a.d.Publisher.Publish(r.Context(), msgs)
		switch {
		case errors.Is(err, publish.ErrBusy):
			a.m.events.WithLabelValues("busy").Add(float64(len(lines)))
			return http.StatusTooManyRequests, Response{Error: "too many events in flight: retry after a second"}
		case err != nil:
			return http.StatusServiceUnavailable, Response{Error: "publishing to kafka: " + err.Error()}
		}
		for j, e := range perMsg {
			res := &resp.Results[msgIdx[j]]
			if e != nil {
				res.Status, res.Errors = "failed", []schemas.FieldError{{Reason: e.Error()}}
				code = http.StatusServiceUnavailable
				continue
			}
			res.Status = "accepted"
			a.recent.add(res.EventID, hashes[j])
		}
	}
	for _, res := range resp.Results {
		switch res.Status {
		case "accepted":
			resp.Accepted++
		case "duplicate":
			resp.Duplicates++
		case "rejected":
			resp.Rejected++
		case "failed":
			resp.Failed++
		}
	}
	for status, n := range map[string]int{"accepted": resp.Accepted, "duplicate": resp.Duplicates, "rejected": resp.Rejected, "failed": resp.Failed} {
		if n > 0 {
			a.m.events.WithLabelValues(status).Add(float64(n))
		}
	}
	if code == http.StatusAccepted && resp.Accepted+resp.Duplicates == 0 {
		code = http.StatusBadRequest
	}
	return code, resp
}

type checkedEvent struct {
	ev   *schemas.Event
	errs []schemas.FieldError
	msg  publish.Message
	hash uint64
}

// checkAll validates and encodes a request's events on every core: schema
// validation is most of ingest's CPU, and one large batch should not leave a
// core idle. Duplicate detection stays sequential, in the caller.
func (a *API) checkAll(lines [][]byte, source string, now time.Time) []checkedEvent {
	out := make([]checkedEvent, len(lines))
	one := func(i int) {
		c := &out[i]
		c.ev, c.errs = a.check(lines[i], source, now)
		if len(c.errs) > 0 {
			return
		}
		val, err := c.ev.Marshal()
		if err != nil {
			c.errs = []schemas.FieldError{{Reason: err.Error()}}
			return
		}
		// Keyed by the meeting or concern the event is about, so every
		// version of it (correction, withdrawal) and every resubmission
		// lands on one partition in order: deduplication and corrections
		// stay partition-local, and partitions fill evenly.
		c.msg, c.hash = publish.Message{Key: c.ev.EntityID(), Value: val}, contentHash(lines[i])
	}
	workers := min(runtime.GOMAXPROCS(0), (len(lines)+63)/64)
	if workers <= 1 {
		for i := range lines {
			one(i)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(lines); i = int(next.Add(1) - 1) {
				one(i)
			}
		}()
	}
	wg.Wait()
	return out
}

func (a *API) auth(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return "", false
	}
	return a.d.Tokens.Source(strings.TrimSpace(tok))
}

// splitEvents returns the event documents of a body: one JSON object, or
// NDJSON (one object per non-blank line).
func splitEvents(body []byte, contentType string) [][]byte {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil
	}
	if strings.HasPrefix(contentType, "application/json") {
		return [][]byte{trimmed}
	}
	var out [][]byte
	for _, l := range bytes.Split(trimmed, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func contentHash(b []byte) uint64 {
	h := fnv.New64a()
	_, _ = h.Write(b)
	return h.Sum64()
}

// check validates one event document and completes what ingest owns: the
// event id when absent, recorded_at, the source name and the resolved ward.
func (a *API) check(line []byte, source string, now time.Time) (*schemas.Event, []schemas.FieldError) {
	ev, err := a.d.Validator.Decode(line)
	if err != nil {
		var ie *schemas.InvalidEventError
		if errors.As(err, &ie) {
			return nil, ie.Fields
		}
		return nil, []schemas.FieldError{{Reason: err.Error()}}
	}
	var errs []schemas.FieldError
	if ev.EventID == "" {
		ev.EventID = uuid.NewString()
	} else {
		ev.EventID = strings.ToLower(ev.EventID)
	}
	at, err := ev.When()
	if err != nil {
		return ev, []schemas.FieldError{{Field: "occurred_at", Reason: err.Error()}}
	}
	field := "occurred_at"
	if ev.OccurredAt == nil {
		field = "date"
	}
	if at.After(now.Add(a.cfg.MaxFutureSkew)) && !(ev.OccurredAt == nil && at.Before(now.Add(24*time.Hour))) {
		errs = append(errs, schemas.FieldError{Field: field, Reason: fmt.Sprintf("%s is in the future (server time %s); check the sender's clock", at.Format(time.RFC3339), now.Format(time.RFC3339))})
	}
	if !a.cfg.OldestEvent.IsZero() && at.Before(a.cfg.OldestEvent) {
		errs = append(errs, schemas.FieldError{Field: field, Reason: fmt.Sprintf("%s is before %s, the oldest date accepted", at.Format(time.DateOnly), a.cfg.OldestEvent.Format(time.DateOnly))})
	}
	if ev.RecordedAt == nil {
		ev.RecordedAt = &now
	} else if ev.RecordedAt.Before(at.Add(-a.cfg.MaxFutureSkew)) && ev.OccurredAt != nil {
		errs = append(errs, schemas.FieldError{Field: "recorded_at", Reason: "is before occurred_at"})
	}
	if ev.Source == nil {
		ev.Source = &schemas.Source{}
	}
	ev.Source.Name = source
	placeField, place := "ward", ev.Ward
	for _, c := range []struct{ f, v string }{{"ward_code", ev.WardCode}, {"ward", ev.Ward}, {"lad_code", ev.LADCode}, {"place", ev.Place}} {
		if c.v != "" {
			placeField, place = c.f, c.v
			break
		}
	}
	res, err := a.d.Places.Resolve(place, at)
	if err != nil {
		errs = append(errs, schemas.FieldError{Field: placeField, Reason: err.Error()})
	} else {
		ev.WardCode, ev.LADCode = res.WardCode, res.LADCode
	}
	for i, th := range ev.Themes {
		if !a.d.Themes.Has(th) {
			errs = append(errs, schemas.FieldError{Field: fmt.Sprintf("themes.%d", i), Reason: fmt.Sprintf("unknown theme %q", th)})
		}
	}
	return ev, errs
}
