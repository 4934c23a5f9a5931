package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/publish"
)

func TestAuthorizationScheme(t *testing.T) {
	api, _ := newTestAPI(t, &fakePublisher{}, Config{})
	tests := []struct {
		header string
		code   int
	}{
		{"Bearer " + token, 202},
		{"bearer " + token, 202},
		{"BEARER  " + token + " ", 202},
		{"Basic " + token, 401},
		{"Bearer", 401},
		{token, 401},
		{"Bearer wrong", 401},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			code, resp, _ := post(t, api, tt.header, "application/json", good)
			require.Equal(t, tt.code, code, resp.Error)
		})
	}
}

// TestStreamedLimits: a body is refused as soon as it breaks a limit, with
// the line named, without reading (or holding) the rest.
func TestStreamedLimits(t *testing.T) {
	cfg := Config{MaxBodyBytes: 1 << 20, MaxBatchEvents: 3, MaxEventBytes: 300, MaxFutureSkew: time.Minute, MaxInflightBytes: 1 << 20}
	api, _ := newTestAPI(t, &fakePublisher{}, cfg)
	other := strings.Replace(good, "c0001", "c0002", 1)
	long := strings.Replace(good, "off-road bikes", strings.Repeat("x", 200), 1)
	bad := "{\"type\":\"concern\",\"schema_version\":1,\"date\":\"2024-02-01\",\"ward\":\"Grangetown\",\"concern\":{\"text\":\"bikes \xff\"}}"
	tests := []struct {
		name, body string
		code       int
		wantIn     string
	}{
		{"tiny lines past the batch limit", strings.Repeat("{}\n", 100000), 413, "more than 3 events (line 4)"},
		{"blank lines are not events", good + "\n\n\n" + other, 202, ""},
		{"a line over the event limit", good + "\n" + long, 413, "line 2 is longer than 300 bytes"},
		{"bad utf-8 named with its line", good + "\n\n" + bad, 202, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, resp, _ := post(t, api, "Bearer "+token, "application/x-ndjson", tt.body)
			require.Equal(t, tt.code, code, "%+v", resp)
			require.Contains(t, resp.Error, tt.wantIn)
		})
	}
	code, resp, _ := post(t, api, "Bearer "+token, "application/x-ndjson", good+"\n\n"+bad)
	require.Equal(t, 202, code)
	require.Equal(t, StatusRejected, resp.Results[1].Status)
	require.Equal(t, 3, resp.Results[1].Line)
	require.Equal(t, "concern.text", resp.Results[1].Errors[0].Field)
	require.Contains(t, resp.Results[1].Errors[0].Reason, "invalid UTF-8")
}

// TestInflightBytes: requests reserve their Content-Length; past the total
// they get 429 with Retry-After, and the bytes come back when answered.
func TestInflightBytes(t *testing.T) {
	pub := &fakePublisher{}
	cfg := Config{MaxBodyBytes: 1000, MaxBatchEvents: 10, MaxEventBytes: 1000, MaxFutureSkew: time.Minute, MaxInflightBytes: 1200}
	api, reg := newTestAPI(t, pub, cfg)
	srv := serve(t, api, nil)

	// A request that sent its headers and part of its body holds its
	// Content-Length (900 bytes) while it is read.
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/x-ndjson\r\nContent-Length: 900\r\n\r\n{", token)
	require.NoError(t, err)
	waitGauge(t, func() float64 { return gaugeValue(t, reg, "wardpulse_ingest_inflight_request_bytes") }, 900)

	sendNDJSON := func(body string) (int, string, Response) { return send(t, srv.URL, "application/x-ndjson", body) }
	big := good + "\n" + strings.Replace(good, "c0001", "c0002", 1) + "\n" + strings.Replace(good, "c0001", "c0003", 1) // over 300 bytes
	code, retry, r := sendNDJSON(big)
	require.Equal(t, 429, code, "%+v", r)
	require.Equal(t, "1", retry)
	require.Contains(t, r.Error, "request bytes in flight")
	code, _, r = sendNDJSON(good) // small enough to fit beside it
	require.Equal(t, 202, code, "%+v", r)

	// The held request finishes; its bytes are released.
	rest := strings.Repeat(" ", 899-len(good)+1)
	_, err = io.WriteString(conn, good[1:]+rest)
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 202, resp.StatusCode)
	waitGauge(t, func() float64 { return gaugeValue(t, reg, "wardpulse_ingest_inflight_request_bytes") }, 0)
	code, _, r = sendNDJSON(big)
	require.Equal(t, 202, code, "%+v", r)
}

// TestSlowBodyIsCut: a client that sends its headers and then trickles (or
// stops sending) its body is answered 408 and its connection closed once
// BodyReadTimeout has passed, and its reserved bytes are released.
func TestSlowBodyIsCut(t *testing.T) {
	cfg := Config{MaxBodyBytes: 1000, MaxBatchEvents: 10, MaxEventBytes: 1000, MaxFutureSkew: time.Minute, MaxInflightBytes: 1000,
		BodyReadTimeout: 200 * time.Millisecond}
	api, reg := newTestAPI(t, &fakePublisher{}, cfg)
	srv := serve(t, api, nil)
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/x-ndjson\r\nContent-Length: 900\r\n\r\n{\"ty", token)
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, 408, resp.StatusCode, string(body))
	require.Contains(t, string(body), "body not received within 200ms")
	require.True(t, resp.Close, "the connection is closed")
	waitGauge(t, func() float64 { return gaugeValue(t, reg, "wardpulse_ingest_inflight_request_bytes") }, 0)
}

// TestIndexRebuiltFromTheLog: with a Log, requests wait for the index, then
// an id the log holds is a duplicate (same content) or refused (other).
func TestIndexRebuiltFromTheLog(t *testing.T) {
	pub := &fakePublisher{}
	api, _ := newTestAPI(t, pub, Config{})
	// What ingest wrote before a restart: the same event as stored.
	first, _ := newTestAPI(t, pub, Config{})
	code, _, _ := post(t, first, "Bearer "+token, "application/json", good)
	require.Equal(t, 202, code)
	stored := pub.msgs[0].Value

	release := make(chan struct{})
	api.d.Log = LogFunc(func(ctx context.Context, n int, fn func([]byte) error) error {
		<-release
		require.Equal(t, 100, n)
		return fn(stored)
	})
	api.recent.setPending(errRebuilding)
	done := make(chan error, 1)
	go func() { done <- api.RebuildIndex(context.Background()) }()
	code, resp, h := post(t, api, "Bearer "+token, "application/json", good)
	require.Equal(t, 503, code)
	require.Equal(t, "1", h.Get("Retry-After"))
	require.Contains(t, resp.Error, "reading the newest events from the log")
	close(release)
	require.NoError(t, <-done)

	// Same content, other key order and spacing.
	reordered := `{ "ward": "Grangetown", "concern": {"text": "off-road bikes on the field"}, "type": "concern", "schema_version": 1,` +
		` "occurred_at": "2024-02-20T19:00:00Z", "event_id": "0B8E2A52-5F0C-4B0E-9A51-1D7A3C1C0001" }`
	code, resp, _ = post(t, api, "Bearer "+token, "application/json", reordered)
	require.Equal(t, 202, code, "%+v", resp)
	require.Equal(t, []string{"duplicate"}, statuses(resp))
	code, resp, _ = post(t, api, "Bearer "+token, "application/json", strings.Replace(good, "field", "road", 1))
	require.Equal(t, 400, code)
	require.Equal(t, "event_id", resp.Results[0].Errors[0].Field)
	require.Len(t, pub.msgs, 1)
}

// serve runs the API on a test server and returns its URL.
func serve(t *testing.T, api *API, configure func(*http.Server)) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	api.Routes(mux)
	srv := httptest.NewUnstartedServer(mux)
	if configure != nil {
		configure(srv.Config)
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// send posts body over the network and returns the status, the
// Retry-After header and the decoded answer.
func send(t *testing.T, url, contentType, body string) (int, string, Response) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/v1/events", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", contentType)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	var r Response
	require.NoError(t, json.Unmarshal(b, &r), string(b))
	return res.StatusCode, res.Header.Get("Retry-After"), r
}

func waitGauge(t *testing.T, get func() float64, want float64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for get() != want {
		if time.Now().After(deadline) {
			t.Fatalf("gauge is %v, want %v", get(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func gaugeValue(t *testing.T, reg interface {
	Gather() ([]*dto.MetricFamily, error)
}, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	for _, mf := range mfs {
		if mf.GetName() == name {
			return mf.GetMetric()[0].GetGauge().GetValue()
		}
	}
	return -1
}

// slowPublisher acknowledges after a delay, or fails when its context ends.
type slowPublisher struct {
	fakePublisher
	delay time.Duration
}

func (s *slowPublisher) Publish(ctx context.Context, msgs []publish.Message) ([]error, error) {
	select {
	case <-time.After(s.delay):
		return s.fakePublisher.Publish(ctx, msgs)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// TestSlowAckOutlivesTheBodyDeadline: the body deadline bounds reading the
// body only; a Kafka acknowledgement that takes longer still gets its 202
// (net/http clears the read deadline when the body is in and it starts its
// background read; this pins that the deadline set here does not leak into
// the wait for Kafka).
func TestSlowAckOutlivesTheBodyDeadline(t *testing.T) {
	cfg := Config{MaxBodyBytes: 1000, MaxBatchEvents: 10, MaxEventBytes: 1000, MaxFutureSkew: time.Minute, MaxInflightBytes: 1000,
		BodyReadTimeout: 100 * time.Millisecond}
	api, _ := newTestAPI(t, &slowPublisher{delay: 400 * time.Millisecond}, cfg)
	srv := serve(t, api, func(s *http.Server) { s.ReadTimeout = 200 * time.Millisecond })
	code, _, r := send(t, srv.URL, "application/json", good)
	require.Equal(t, 202, code, "%+v", r)
}
