// Package httpapi is ingest's HTTP API: it authenticates sources by bearer
// token, validates single events and NDJSON batches against the event schema
// and the gazetteer, answers per event, and returns 202 only once Kafka has
// acknowledged what it accepted.
//
// Memory is bounded: NDJSON is read line by line and checked a chunk at a
// time (the raw body is never held whole), a request reserves its body's
// bytes from a shared budget before reading it, and slow bodies are cut (see
// Config and docs/ingest.md).
//
// Status codes: 202 when at least one event was accepted or acknowledged
// again as a duplicate and none failed in Kafka; 400 when every event was
// rejected; 401 without a valid token; 408 when the body did not arrive in
// time; 413 over the body, event or batch limit (the line is named); 429
// when too many request bytes or events are in flight (retry after the
// Retry-After seconds); 503 when Kafka did not acknowledge (the failed events
// say so; resending them is safe, their ids are kept) or while the duplicate
// index is read from the log at start.
package httpapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"golang.org/x/sync/semaphore"

	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// Config holds the API's limits. Memory is bounded per request by
// MaxBodyBytes, MaxBatchEvents and MaxEventBytes, and across requests by
// MaxInflightBytes (see docs/ingest.md for the arithmetic).
type Config struct {
	MaxBodyBytes   int64         `yaml:"max_body_bytes"`
	MaxBatchEvents int           `yaml:"max_batch_events"`
	MaxEventBytes  int           `yaml:"max_event_bytes"`
	MaxFutureSkew  time.Duration `yaml:"max_future_skew"`
	OldestEvent    time.Time     `yaml:"oldest_event"`
	RecentIDs      int           `yaml:"recent_ids"`
	// MaxInflightBytes bounds the request bodies held at once, across all
	// requests: a request reserves its Content-Length (MaxBodyBytes when it
	// has none) before reading and keeps it until answered; one that cannot
	// within AcquireWait gets 429 with Retry-After.
	MaxInflightBytes int64         `yaml:"max_inflight_bytes"`
	AcquireWait      time.Duration `yaml:"acquire_wait"`
	// BodyReadTimeout is how long a request may take to send its body,
	// counted from when its handler starts; a slower one gets 408 and its
	// connection is closed. 0 leaves it to the server's ReadTimeout.
	BodyReadTimeout time.Duration `yaml:"body_read_timeout"`
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
	// Log, when set, is read by RebuildIndex at start; requests wait for it.
	Log Log
}

// API serves ingest's endpoints. Build it with New.
type API struct {
	cfg    Config
	d      Deps
	logger *slog.Logger
	recent *recentIDs
	bytes  *semaphore.Weighted // request body bytes in flight
	m      *metrics
}

type metrics struct {
	events        *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	inflightBytes prometheus.Gauge
	busy          prometheus.Counter
}

// Status is what became of one event of a request.
type Status string

// The statuses ingest answers, per event.
const (
	StatusAccepted  Status = "accepted"  // published, and acknowledged by Kafka
	StatusDuplicate Status = "duplicate" // this id with the same content was taken before: not published again
	StatusRejected  Status = "rejected"  // invalid, or the id was used for other content; Errors say why
	StatusFailed    Status = "failed"    // valid, but Kafka did not acknowledge it: send it again
)

// Result is the outcome for one event of a request.
type Result struct {
	Index   int                  `json:"index"`
	Line    int                  `json:"line,omitempty"` // 1-based line of the body (NDJSON)
	EventID string               `json:"event_id,omitempty"`
	Status  Status               `json:"status"`
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
	if cfg.MaxBodyBytes <= 0 || cfg.MaxBatchEvents <= 0 || cfg.MaxEventBytes <= 0 {
		errs = append(errs, fmt.Errorf("httpapi: body limit %d, batch limit %d and event limit %d must be positive",
			cfg.MaxBodyBytes, cfg.MaxBatchEvents, cfg.MaxEventBytes))
	}
	if cfg.MaxInflightBytes < cfg.MaxBodyBytes {
		errs = append(errs, fmt.Errorf("httpapi: in-flight bytes %d must be at least the body limit %d, or a largest request never gets in",
			cfg.MaxInflightBytes, cfg.MaxBodyBytes))
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
	recent := newRecentIDs(cfg.RecentIDs)
	if d.Log != nil {
		recent.setPending(errRebuilding)
	}
	a := &API{cfg: cfg, d: d, logger: logger, recent: recent, bytes: semaphore.NewWeighted(cfg.MaxInflightBytes), m: &metrics{
		events: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_ingest_events_total",
			Help: "Events received, by result (accepted, duplicate, rejected, failed).",
		}, []string{"result"}),
		duration: f.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wardpulse_ingest_request_duration_seconds",
			Help:    "Time to answer POST /v1/events, by status code.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}, []string{"code"}),
		inflightBytes: f.NewGauge(prometheus.GaugeOpts{
			Name: "wardpulse_ingest_inflight_request_bytes",
			Help: "Request body bytes reserved by requests being read, checked or published.",
		}),
		busy: f.NewCounter(prometheus.CounterOpts{
			Name: "wardpulse_ingest_request_bytes_busy_total",
			Help: "Requests answered 429 because the in-flight request bytes limit stayed full.",
		}),
	}}
	return a, nil
}

// Routes registers the API's endpoints on mux.
func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /v1/events", a.postEvents)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", a.ready)
}

func (a *API) ready(w http.ResponseWriter, r *http.Request) {
	if err := a.recent.readyErr(); err != nil {
		http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
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
	code, resp := a.handle(w, r)
	switch code {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", "1")
	case http.StatusRequestTimeout, http.StatusRequestEntityTooLarge:
		// The rest of the body is not read: the connection cannot carry
		// another request.
		w.Header().Set("Connection", "close")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(resp)
	a.m.duration.WithLabelValues(strconv.Itoa(code)).Observe(a.d.Now().Sub(start).Seconds())
}

// chunkEvents and chunkBytes bound how much raw NDJSON is held before it is
// checked: the raw lines of one chunk are dropped once their events are
// encoded, so a request holds its encoded events plus one chunk.
const (
	chunkEvents = 512
	chunkBytes  = 1 << 20
)

func (a *API) handle(w http.ResponseWriter, r *http.Request) (int, Response) {
	source, ok := a.auth(r)
	if !ok {
		return http.StatusUnauthorized, Response{Error: "missing or unknown bearer token (send Authorization: Bearer TOKEN)"}
	}
	if err := a.recent.readyErr(); err != nil {
		return http.StatusServiceUnavailable, Response{Error: "not ready: " + err.Error()}
	}
	if r.ContentLength > a.cfg.MaxBodyBytes {
		return http.StatusRequestEntityTooLarge, Response{Error: fmt.Sprintf("body is %d bytes, larger than %d bytes: split the batch", r.ContentLength, a.cfg.MaxBodyBytes)}
	}
	// Reserve the body's bytes before reading any of it.
	reserve := a.cfg.MaxBodyBytes
	if r.ContentLength >= 0 {
		reserve = max(r.ContentLength, 1)
	}
	if err := a.acquire(r.Context(), reserve); err != nil {
		if r.Context().Err() != nil {
			return http.StatusServiceUnavailable, Response{Error: "request cancelled while waiting for room"}
		}
		a.m.busy.Inc()
		return http.StatusTooManyRequests, Response{Error: fmt.Sprintf("too many request bytes in flight (limit %d): retry after a second", a.cfg.MaxInflightBytes)}
	}
	a.m.inflightBytes.Add(float64(reserve))
	defer func() {
		a.m.inflightBytes.Sub(float64(reserve))
		a.bytes.Release(reserve)
	}()
	rc := http.NewResponseController(w)
	if a.cfg.BodyReadTimeout > 0 {
		// ErrNotSupported only from test recorders: the server's
		// ReadTimeout still applies.
		_ = rc.SetReadDeadline(time.Now().Add(a.cfg.BodyReadTimeout))
	}
	body := http.MaxBytesReader(w, r.Body, reserve)

	req := &request{a: a, source: source, now: a.d.Now().UTC(), inRequest: map[string]uint64{}}
	if code, msg := a.read(body, r.Header.Get("Content-Type"), req); code != 0 {
		return code, Response{Error: msg}
	}
	if len(req.results) == 0 {
		return http.StatusBadRequest, Response{Error: "no events in the body (send one JSON object, or NDJSON: one event per line)"}
	}
	resp := Response{Results: req.results}
	code := http.StatusAccepted
	if len(req.msgs) > 0 {
		perMsg, err := a.d.Publisher.Publish(r.Context(), req.msgs)
		switch {
		case errors.Is(err, publish.ErrBusy):
			a.m.events.WithLabelValues("busy").Add(float64(len(req.results)))
			return http.StatusTooManyRequests, Response{Error: "too many events in flight: retry after a second"}
		case err != nil:
			return http.StatusServiceUnavailable, Response{Error: "publishing to kafka: " + err.Error()}
		}
		for j, e := range perMsg {
			res := &resp.Results[req.msgIdx[j]]
			if e != nil {
				res.Status, res.Errors = StatusFailed, []schemas.FieldError{{Reason: e.Error()}}
				code = http.StatusServiceUnavailable
				continue
			}
			res.Status = StatusAccepted
			a.recent.add(res.EventID, req.hashes[j])
		}
	}
	for _, res := range resp.Results {
		switch res.Status {
		case StatusAccepted:
			resp.Accepted++
		case StatusDuplicate:
			resp.Duplicates++
		case StatusRejected:
			resp.Rejected++
		case StatusFailed:
			resp.Failed++
		}
	}
	for status, n := range map[Status]int{StatusAccepted: resp.Accepted, StatusDuplicate: resp.Duplicates, StatusRejected: resp.Rejected, StatusFailed: resp.Failed} {
		if n > 0 {
			a.m.events.WithLabelValues(string(status)).Add(float64(n))
		}
	}
	if code == http.StatusAccepted && resp.Accepted+resp.Duplicates == 0 {
		code = http.StatusBadRequest
	}
	return code, resp
}

// acquire reserves n request bytes, waiting at most AcquireWait.
func (a *API) acquire(ctx context.Context, n int64) error {
	if a.bytes.TryAcquire(n) {
		return nil
	}
	if a.cfg.AcquireWait <= 0 {
		return errors.New("no room")
	}
	actx, cancel := context.WithTimeout(ctx, a.cfg.AcquireWait)
	defer cancel()
	return a.bytes.Acquire(actx, n)
}

// request is what one POST has read so far: a result per event and the
// encoded events to publish. The raw body is never held whole.
type request struct {
	a         *API
	source    string
	now       time.Time
	results   []Result
	msgs      []publish.Message
	msgIdx    []int // msgs[j] is the event of results[msgIdx[j]]
	hashes    []uint64
	inRequest map[string]uint64
}

// read streams the body: one JSON object, or NDJSON read line by line and
// checked a chunk at a time. It returns a status code and message when the
// request as a whole is refused.
func (a *API) read(body io.Reader, contentType string, req *request) (int, string) {
	if strings.HasPrefix(contentType, "application/json") {
		doc, err := io.ReadAll(io.LimitReader(body, int64(a.cfg.MaxEventBytes)+1))
		if err != nil {
			return bodyError(err, a.cfg)
		}
		if len(doc) > a.cfg.MaxEventBytes {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("the event is larger than %d bytes", a.cfg.MaxEventBytes)
		}
		if doc = bytes.TrimSpace(doc); len(doc) > 0 {
			req.addChunk([][]byte{doc}, []int{1})
		}
		return 0, ""
	}
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, min(64<<10, a.cfg.MaxEventBytes+1)), a.cfg.MaxEventBytes+1)
	var (
		arena []byte // the chunk's lines, copied out of the scanner's buffer
		ends  []int
		lines []int
		line  int
		n     int
	)
	flush := func() {
		docs := make([][]byte, len(ends))
		from := 0
		for i, e := range ends {
			docs[i] = arena[from:e:e]
			from = e
		}
		req.addChunk(docs, lines)
		arena, ends, lines = arena[:0], ends[:0], lines[:0]
	}
	for sc.Scan() {
		line++
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		if len(l) > a.cfg.MaxEventBytes {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("line %d is longer than %d bytes, the limit for one event", line, a.cfg.MaxEventBytes)
		}
		if n++; n > a.cfg.MaxBatchEvents {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("batch has more than %d events (line %d); the limit is %d", a.cfg.MaxBatchEvents, line, a.cfg.MaxBatchEvents)
		}
		arena = append(arena, l...)
		ends, lines = append(ends, len(arena)), append(lines, line)
		if len(ends) >= chunkEvents || len(arena) >= chunkBytes {
			flush()
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("line %d is longer than %d bytes, the limit for one event", line+1, a.cfg.MaxEventBytes)
		}
		return bodyError(err, a.cfg)
	}
	if len(ends) > 0 {
		flush()
	}
	return 0, ""
}

// bodyError maps an error reading the body to a status and message.
func bodyError(err error, cfg Config) (int, string) {
	var mbe *http.MaxBytesError
	var ne net.Error
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("body is larger than its Content-Length or %d bytes: split the batch", cfg.MaxBodyBytes)
	case errors.Is(err, os.ErrDeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return http.StatusRequestTimeout, fmt.Sprintf("body not received within %s", cfg.BodyReadTimeout)
	default:
		return http.StatusBadRequest, "reading body: " + err.Error()
	}
}

// addChunk checks a chunk of event documents (on every core) and files
// them: a result each, and the accepted ones encoded for Kafka. Duplicate
// detection runs here, in request order.
func (req *request) addChunk(docs [][]byte, lines []int) {
	checked := req.a.checkAll(docs, req.source, req.now)
	for i, c := range checked {
		idx := len(req.results)
		req.results = append(req.results, Result{Index: idx, Line: lines[i]})
		res := &req.results[idx]
		if c.ev != nil {
			res.EventID = c.ev.EventID
		}
		if len(c.errs) > 0 {
			res.Status, res.Errors = StatusRejected, c.errs
			continue
		}
		prev, seen := req.inRequest[c.ev.EventID]
		if !seen {
			prev, seen = req.a.recent.lookup(c.ev.EventID)
		}
		if seen {
			if prev == c.hash {
				res.Status = StatusDuplicate
			} else {
				res.Status, res.Errors = StatusRejected, []schemas.FieldError{{Field: "event_id", Reason: "already used for a different event; corrections need a new event_id and supersedes"}}
			}
			continue
		}
		req.inRequest[c.ev.EventID] = c.hash
		req.msgs = append(req.msgs, c.msg)
		req.msgIdx = append(req.msgIdx, idx)
		req.hashes = append(req.hashes, c.hash)
	}
}

type checkedEvent struct {
	ev   *schemas.Event
	errs []schemas.FieldError
	msg  publish.Message
	hash uint64
}

// checkAll validates and encodes a chunk's events on every core: schema
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
		if err == nil {
			c.hash, err = c.ev.ContentHash()
		}
		if err != nil {
			c.errs = []schemas.FieldError{{Reason: err.Error()}}
			return
		}
		// Keyed by the meeting or concern the event is about, so every
		// version of it (correction, withdrawal) and every resubmission
		// lands on one partition in order: deduplication and corrections
		// stay partition-local, and partitions fill evenly.
		c.msg = publish.Message{Key: c.ev.EntityID(), Value: val}
		c.ev = &schemas.Event{EventID: c.ev.EventID} // only the id is needed past here
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
	// The scheme is case-insensitive (RFC 9110 section 11.1): "bearer" and
	// "BEARER" are "Bearer".
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	tok = strings.TrimSpace(tok)
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return "", false
	}
	return a.d.Tokens.Source(tok)
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
	// Follow-ups carry no place (the schema refuses one: their concern's
	// applies), and a withdrawal need not give one.
	if ev.HasPlace() || !(ev.IsFollowUp() || ev.Type == schemas.TypeWithdrawal) {
		res, err := a.d.Places.Resolve(place, at)
		if err != nil {
			errs = append(errs, schemas.FieldError{Field: placeField, Reason: err.Error()})
		} else {
			ev.WardCode, ev.LADCode = res.WardCode, res.LADCode
		}
	}
	for i, th := range ev.Themes {
		if !a.d.Themes.Has(th) {
			errs = append(errs, schemas.FieldError{Field: fmt.Sprintf("themes.%d", i), Reason: fmt.Sprintf("unknown theme %q", th)})
		}
	}
	return ev, errs
}
