package client

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas"
)

// answer is one scripted reply of the fake ingest.
type answer struct {
	code       int
	retryAfter string
	body       string // "" means a per-event Response like ingest's
}

// fakeIngest answers like ingest: it checks the headers, reads NDJSON and
// replies from script, then 202 with every event accepted.
type fakeIngest struct {
	t      *testing.T
	mu     sync.Mutex
	script []answer
	calls  int
	lines  []int
}

func (f *fakeIngest) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	require.Equal(f.t, "POST", r.Method)
	require.Equal(f.t, "/v1/events", r.URL.Path)
	require.Equal(f.t, "Bearer tok", r.Header.Get("Authorization"))
	require.Equal(f.t, "application/x-ndjson", r.Header.Get("Content-Type"))
	var resp Response
	sc := bufio.NewScanner(r.Body)
	for i := 0; sc.Scan(); i++ {
		var ev schemas.Event
		require.NoError(f.t, json.Unmarshal(sc.Bytes(), &ev))
		resp.Results = append(resp.Results, httpapi.Result{Index: i, EventID: ev.EventID, Status: "accepted"})
		resp.Accepted++
	}
	f.mu.Lock()
	a := answer{code: http.StatusAccepted}
	if f.calls < len(f.script) {
		a = f.script[f.calls]
	}
	f.calls++
	f.lines = append(f.lines, len(resp.Results))
	f.mu.Unlock()
	if a.retryAfter != "" {
		w.Header().Set("Retry-After", a.retryAfter)
	}
	w.WriteHeader(a.code)
	if a.body != "" {
		_, _ = io.WriteString(w, a.body)
		return
	}
	if a.code == http.StatusAccepted {
		_ = json.NewEncoder(w).Encode(resp)
	}
}

func newTestClient(t *testing.T, script ...answer) (*Client, *fakeIngest, *[]time.Duration) {
	t.Helper()
	f := &fakeIngest{t: t, script: script}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c := New(srv.URL+"/", "tok", nil)
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return ctx.Err() }
	return c, f, &waits
}

func events(n int) []schemas.Event {
	at := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]schemas.Event, n)
	for i := range out {
		out[i] = schemas.Event{EventID: fmt.Sprintf("00000000-0000-5000-8000-%012d", i), Type: schemas.TypeMeeting, SchemaVersion: 1, OccurredAt: &at,
			Ward: "Eston", Meeting: &schemas.Meeting{Kind: schemas.KindCommunityMeeting}}
	}
	return out
}

func TestSend(t *testing.T) {
	rejected400 := `{"results":[{"index":0,"event_id":"x","status":"rejected","errors":[{"field":"ward","reason":"unknown place"}]}],"rejected":1}`
	for _, tc := range []struct {
		name     string
		script   []answer
		calls    int
		waits    []time.Duration
		err      string
		rejected bool
		accepted int
	}{
		{name: "accepted", calls: 1, accepted: 2},
		{name: "429 with Retry-After, 503, then 202", script: []answer{{code: 429, retryAfter: "3"}, {code: 503}},
			calls: 3, waits: []time.Duration{3 * time.Second, 400 * time.Millisecond}, accepted: 2},
		{name: "Retry-After as an HTTP date, bounded", script: []answer{{code: 429, retryAfter: "Wed, 21 Oct 2099 07:28:00 GMT"}},
			calls: 2, waits: []time.Duration{time.Minute}, accepted: 2},
		{name: "backoff doubles up to the bound", script: []answer{{code: 503}, {code: 502}, {code: 500}, {code: 503}, {code: 503}, {code: 503}, {code: 503}},
			calls: 8, waits: []time.Duration{200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, 1600 * time.Millisecond,
				3200 * time.Millisecond, 6400 * time.Millisecond, 10 * time.Second}, accepted: 2},
		{name: "gives up after MaxAttempts", script: []answer{{code: 503}, {code: 503}, {code: 503}, {code: 503}, {code: 503}, {code: 503}, {code: 503}, {code: 503}},
			calls: 8, err: "after 8 attempts: ingest answered 503", waits: []time.Duration{200 * time.Millisecond, 400 * time.Millisecond,
				800 * time.Millisecond, 1600 * time.Millisecond, 3200 * time.Millisecond, 6400 * time.Millisecond, 10 * time.Second}},
		{name: "400: every event rejected, not retried, results kept", script: []answer{{code: 400, body: rejected400}},
			calls: 1, err: "ingest answered 400", rejected: true},
		{name: "401 not retried", script: []answer{{code: 401, body: `{"error":"missing or unknown bearer token"}`}},
			calls: 1, err: "ingest answered 401: missing or unknown bearer token", rejected: true},
		{name: "413 not retried", script: []answer{{code: 413, body: `{"error":"batch has 2 events; the limit is 1"}`}},
			calls: 1, err: "the limit is 1", rejected: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, f, waits := newTestClient(t, tc.script...)
			resp, err := c.Send(context.Background(), events(2))
			require.Equal(t, tc.calls, f.calls)
			require.Equal(t, tc.waits, *waits)
			for _, n := range f.lines {
				require.Equal(t, 2, n, "every attempt sends the whole batch")
			}
			if tc.err == "" {
				require.NoError(t, err)
				require.Equal(t, tc.accepted, resp.Accepted)
				require.Len(t, resp.Results, 2)
				return
			}
			require.ErrorContains(t, err, tc.err)
			require.Equal(t, tc.rejected, errors.Is(err, ErrRejected))
			var se *StatusError
			require.True(t, errors.As(err, &se))
			if tc.script[0].code == http.StatusBadRequest {
				require.Equal(t, 1, resp.Rejected)
				require.Equal(t, "unknown place", resp.Results[0].Errors[0].Reason)
			}
		})
	}
}

func TestSendStopsWithContext(t *testing.T) {
	c, f, _ := newTestClient(t, answer{code: 429, retryAfter: "30"})
	c.sleep = sleepCtx
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := c.Send(ctx, events(1)); done <- err }()
	require.Eventually(t, func() bool { f.mu.Lock(); defer f.mu.Unlock(); return f.calls == 1 }, 5*time.Second, time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.ErrorIs(t, err, context.Canceled)
		require.ErrorContains(t, err, "waiting to retry")
	case <-time.After(5 * time.Second):
		t.Fatal("Send did not return when its context ended")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		h    string
		want time.Duration
	}{
		{"", 0}, {"0", 0}, {"5", 5 * time.Second}, {" 2 ", 2 * time.Second}, {"soon", 0}, {"-1", 0},
		{"Fri, 01 Mar 2024 12:00:30 GMT", 30 * time.Second}, {"Fri, 01 Mar 2024 11:00:00 GMT", 0},
	} {
		require.Equal(t, tc.want, retryAfter(tc.h, now), tc.h)
	}
}
