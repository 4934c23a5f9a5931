// Package client sends events to wardpulse ingest: NDJSON batches with a
// bearer token, retried with bounded, context-bound backoff on 429 (honouring
// Retry-After), 5xx and network errors. Resending is safe because events
// carry their ids.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas"
)

// Response is ingest's answer to POST /v1/events: one result per event
// (accepted, duplicate, rejected with field errors, or failed) and the
// counts.
type Response = httpapi.Response

// Client posts events to one ingest. It is safe for concurrent use as long
// as its fields are not changed meanwhile.
type Client struct {
	base, token string
	http        *http.Client
	// MaxAttempts bounds the tries of one batch (default 8); the wait
	// between them doubles from MinBackoff (default 200 ms) up to MaxBackoff
	// (default 10 s); MaxRetryAfter bounds how long a Retry-After is
	// honoured (default 1 min).
	MaxAttempts   int
	MinBackoff    time.Duration
	MaxBackoff    time.Duration
	MaxRetryAfter time.Duration
	sleep         func(context.Context, time.Duration) error // a test seam
}

// New returns a client for the ingest at baseURL (e.g.
// "http://127.0.0.1:8080"); httpClient nil means one with a 60 s timeout.
func New(baseURL, token string, httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), token: token, http: httpClient,
		MaxAttempts: 8, MinBackoff: 200 * time.Millisecond, MaxBackoff: 10 * time.Second, MaxRetryAfter: time.Minute, sleep: sleepCtx}
}

// ErrRejected is matched (errors.Is) when ingest refused the whole request
// (400: every event rejected; 401, 413, ...): sending it again would not
// help. The Response, when ingest sent one, still says why per event.
var ErrRejected = errors.New("ingest refused the request")

// StatusError is an answer other than 202: the status and ingest's message.
// It matches ErrRejected when retrying cannot help.
type StatusError struct {
	StatusCode int
	Message    string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("ingest answered %d: %s", e.StatusCode, e.Message)
}

// Retryable reports whether the same request may succeed later: 429 (too
// many events in flight) and 5xx (Kafka unavailable, some events failed).
func (e *StatusError) Retryable() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

// Is makes a permanent StatusError match ErrRejected.
func (e *StatusError) Is(target error) bool { return target == ErrRejected && !e.Retryable() }

// Send posts events as one NDJSON request and returns ingest's answer. A
// 202 with some events rejected is not an error: the caller reads
// Response.Results. A 400 (every event rejected) returns the Response and
// an error matching ErrRejected, so the caller can still report each
// event's errors. 429, 5xx and network errors are retried (see
// SendNDJSON).
func (c *Client) Send(ctx context.Context, events []schemas.Event) (Response, error) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	for i := range events {
		if err := enc.Encode(&events[i]); err != nil {
			return Response{}, fmt.Errorf("encoding event %d (%s): %w", i, events[i].EventID, err)
		}
	}
	return c.SendNDJSON(ctx, body.Bytes())
}

// SendNDJSON posts an NDJSON body as it is, retrying 429, 5xx and network
// errors up to MaxAttempts times: after a 429 it waits what Retry-After
// says (seconds or an HTTP date, at most MaxRetryAfter), otherwise
// MinBackoff doubling up to MaxBackoff. It blocks until an answer, a permanent
// refusal, the last attempt or ctx's end. Resending is safe: events carry
// their ids, and ingest answers "duplicate" for those it already took.
func (c *Client) SendNDJSON(ctx context.Context, ndjson []byte) (Response, error) {
	backoff := c.MinBackoff
	var last error
	for attempt := 1; attempt <= c.MaxAttempts; attempt++ {
		resp, retryAfter, err := c.post(ctx, ndjson)
		if err == nil {
			return resp, nil
		}
		if errors.Is(err, ErrRejected) {
			return resp, err
		}
		if ctx.Err() != nil {
			return Response{}, fmt.Errorf("sending to %s: %w", c.base, ctx.Err())
		}
		last = err
		if attempt == c.MaxAttempts {
			break
		}
		wait := backoff
		backoff = min(backoff*2, c.MaxBackoff)
		if retryAfter > 0 {
			wait = min(retryAfter, c.MaxRetryAfter)
		}
		if err := c.sleep(ctx, wait); err != nil {
			return Response{}, fmt.Errorf("sending to %s, waiting to retry after %v: %w", c.base, last, err)
		}
	}
	return Response{}, fmt.Errorf("sending to %s after %d attempts: %w", c.base, c.MaxAttempts, last)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *Client) post(ctx context.Context, body []byte) (Response, time.Duration, error) {
	var out Response
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/events", bytes.NewReader(body))
	if err != nil {
		return out, 0, fmt.Errorf("building the request to %s: %w: %w", c.base, err, ErrRejected)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := c.http.Do(req)
	if err != nil {
		return out, 0, fmt.Errorf("posting to %s: %w", c.base, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return out, 0, fmt.Errorf("reading ingest's answer: %w", err)
	}
	jerr := json.Unmarshal(b, &out)
	if resp.StatusCode == http.StatusAccepted {
		if jerr != nil {
			return Response{}, 0, fmt.Errorf("decoding ingest's answer %q: %w", firstLine(b), jerr)
		}
		return out, 0, nil
	}
	msg := out.Error
	if msg == "" {
		msg = firstLine(b)
	}
	return out, retryAfter(resp.Header.Get("Retry-After"), time.Now()), &StatusError{StatusCode: resp.StatusCode, Message: msg}
}

// retryAfter reads a Retry-After header: delay-seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if secs, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && secs > 0 {
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
func firstLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}
