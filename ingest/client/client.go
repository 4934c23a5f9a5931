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

// Client posts events to one ingest.
type Client struct {
	base, token string
	http        *http.Client
	// MaxAttempts bounds the tries of one batch (default 8); MaxBackoff
	// bounds the wait between them (default 10 s).
	MaxAttempts int
	MaxBackoff  time.Duration
}

// New returns a client; httpClient nil means a client with a 60 s timeout.
func New(baseURL, token string, httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), token: token, http: httpClient, MaxAttempts: 8, MaxBackoff: 10 * time.Second}
}

// ErrRejected is returned (wrapped) when ingest refused the whole request
// (400, 401, 413): sending it again would not help.
var ErrRejected = errors.New("ingest refused the request")

// Send posts events as one NDJSON request and returns ingest's answer. A
// 202 with some events rejected is not an error: the caller reads
// Response.Results.
func (c *Client) Send(ctx context.Context, events []schemas.Event) (httpapi.Response, error) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	for i := range events {
		if err := enc.Encode(&events[i]); err != nil {
			return httpapi.Response{}, fmt.Errorf("encoding event %d: %w", i, err)
		}
	}
	return c.SendNDJSON(ctx, body.Bytes())
}

// SendNDJSON posts an NDJSON body as it is.
func (c *Client) SendNDJSON(ctx context.Context, ndjson []byte) (httpapi.Response, error) {
	backoff := 200 * time.Millisecond
	var last error
	for attempt := 1; attempt <= c.MaxAttempts; attempt++ {
		resp, wait, err := c.post(ctx, ndjson)
		if err == nil {
			return resp, nil
		}
		if errors.Is(err, ErrRejected) || ctx.Err() != nil {
			return resp, err
		}
		last = err
		if wait <= 0 {
			wait = backoff
			backoff = min(backoff*2, c.MaxBackoff)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return httpapi.Response{}, ctx.Err()
		case <-t.C:
		}
	}
	return httpapi.Response{}, fmt.Errorf("sending to %s after %d attempts: %w", c.base, c.MaxAttempts, last)
}

func (c *Client) post(ctx context.Context, body []byte) (httpapi.Response, time.Duration, error) {
	var out httpapi.Response
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/events", bytes.NewReader(body))
	if err != nil {
		return out, 0, fmt.Errorf("building request: %w: %w", err, ErrRejected)
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
	_ = json.Unmarshal(b, &out)
	switch {
	case resp.StatusCode == http.StatusAccepted:
		return out, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return out, time.Duration(secs) * time.Second, fmt.Errorf("ingest is busy (429)")
	case resp.StatusCode >= 500:
		return out, 0, fmt.Errorf("ingest answered %d: %s", resp.StatusCode, firstLine(b))
	default:
		return out, 0, fmt.Errorf("ingest answered %d: %s: %w", resp.StatusCode, firstLine(b), ErrRejected)
	}
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
