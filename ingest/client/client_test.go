package client

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

func TestSendRetriesThenSucceeds(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "Bearer tok", r.Header.Get("Authorization"))
		require.Equal(t, "application/x-ndjson", r.Header.Get("Content-Type"))
		b, _ := io.ReadAll(r.Body)
		require.Equal(t, 2, strings.Count(string(b), "\n"))
		switch calls.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(429)
		case 2:
			w.WriteHeader(503)
		default:
			w.WriteHeader(202)
			_, _ = io.WriteString(w, `{"results":[{"index":0,"status":"accepted"},{"index":1,"status":"duplicate"}],"accepted":1,"duplicates":1}`)
		}
	}))
	defer srv.Close()
	c := New(srv.URL, "tok", nil)
	c.MaxBackoff = 10 * time.Millisecond
	at := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	evs := []schemas.Event{{Type: "meeting", SchemaVersion: 1, OccurredAt: &at}, {Type: "meeting", SchemaVersion: 1, OccurredAt: &at}}
	resp, err := c.Send(context.Background(), evs)
	require.NoError(t, err)
	require.Equal(t, 1, resp.Accepted)
	require.Equal(t, 1, resp.Duplicates)
	require.EqualValues(t, 3, calls.Load())
}

func TestSendDoesNotRetryRejections(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(401)
		_, _ = io.WriteString(w, `{"error":"missing or unknown bearer token"}`)
	}))
	defer srv.Close()
	_, err := New(srv.URL, "bad", nil).SendNDJSON(context.Background(), []byte("{}\n"))
	require.ErrorIs(t, err, ErrRejected)
	require.ErrorContains(t, err, "401")
	require.EqualValues(t, 1, calls.Load())
}

func TestSendGivesUpAfterMaxAttempts(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	c := New(srv.URL, "t", nil)
	c.MaxAttempts, c.MaxBackoff = 3, time.Millisecond
	_, err := c.SendNDJSON(context.Background(), []byte("{}\n"))
	require.ErrorContains(t, err, "after 3 attempts")
}
