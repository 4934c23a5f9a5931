package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// fakePublisher records what would reach Kafka. The real publisher is
// exercised against the embedded broker in cmd/wardpulse's end-to-end tests;
// here the seam keeps validation tests fast and exact.
type fakePublisher struct {
	mu   sync.Mutex
	msgs []publish.Message
	err  error
	fail map[int]bool // by attempt number across calls
	n    int
}

func (f *fakePublisher) Publish(_ context.Context, msgs []publish.Message) ([]error, error) {
	if f.err != nil {
		return nil, f.err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]error, len(msgs))
	for i, m := range msgs {
		f.n++
		if f.fail[f.n-1] {
			out[i] = errors.New("kafka: leader not available")
			continue
		}
		f.msgs = append(f.msgs, m)
	}
	return out, nil
}

func (f *fakePublisher) Ready(context.Context) error { return nil }

const token = "s3cret-token"

func newTestAPI(t *testing.T, pub Publisher, cfg Config) (*API, *prometheus.Registry) {
	t.Helper()
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	toks, err := NewTokens([]Token{{Source: "ywyv-staff", SHA256: HashToken(token)}})
	require.NoError(t, err)
	if cfg.MaxBodyBytes == 0 {
		cfg = Config{MaxBodyBytes: 1 << 20, MaxBatchEvents: 100, MaxFutureSkew: 10 * time.Minute, OldestEvent: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), RecentIDs: 100}
	}
	if cfg.MaxEventBytes == 0 {
		cfg.MaxEventBytes = 64 << 10
	}
	if cfg.MaxInflightBytes == 0 {
		cfg.MaxInflightBytes = 4 * cfg.MaxBodyBytes
	}
	reg := prometheus.NewRegistry()
	now := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	api, err := New(cfg, Deps{Publisher: pub, Tokens: toks, Validator: v, Places: gazetteer.Default(), Themes: taxonomy.Default(),
		Now: func() time.Time { return now }}, nil, reg)
	require.NoError(t, err)
	return api, reg
}

func post(t *testing.T, api *API, auth, contentType, body string) (int, Response, http.Header) {
	t.Helper()
	mux := http.NewServeMux()
	api.Routes(mux)
	req := httptest.NewRequest(http.MethodPost, "/v1/events", strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	var resp Response
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &resp), rec.Body.String())
	return rec.Code, resp, rec.Header()
}

const good = `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T19:00:00Z","ward":"Grangetown","concern":{"text":"off-road bikes on the field"}}`

func TestPerEventResults(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantCode  int
		wantField string
		wantIn    string
	}{
		{"accepted", good, 202, "", ""},
		{"malformed json", `{"type":"concern",`, 400, "", "malformed JSON"},
		{"wrong type", strings.Replace(good, `"schema_version":1`, `"schema_version":"1"`, 1), 400, "schema_version", ""},
		{"unknown field", strings.Replace(good, `"type"`, `"colour":"red","type"`, 1), 400, "", "colour"},
		{"unknown ward", strings.Replace(good, "Grangetown", "Atlantis", 1), 400, "ward", "Atlantis"},
		{"ward not in force", strings.Replace(good, `"ward":"Grangetown"`, `"ward_code":"E05001509"`, 1), 400, "ward_code", ""},
		{"unknown theme", strings.Replace(good, `"ward"`, `"themes":["aliens"],"ward"`, 1), 400, "themes.0", "aliens"},
		{"clock skew", strings.Replace(good, "2024-02-20T19", "2024-03-02T19", 1), 400, "occurred_at", "future"},
		{"too old", strings.Replace(good, "2024-02-20T19", "1999-02-20T19", 1), 400, "occurred_at", "oldest"},
		{"missing text", strings.Replace(good, `"text":"off-road bikes on the field"`, `"action":"x"`, 1), 400, "concern", "text"},
		{"bad uuid", strings.Replace(good, "0b8e2a52-", "zz", 1), 400, "event_id", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := &fakePublisher{}
			api, _ := newTestAPI(t, pub, Config{})
			code, resp, _ := post(t, api, "Bearer "+token, "application/x-ndjson", tt.body)
			require.Equal(t, tt.wantCode, code, "%+v", resp)
			require.Len(t, resp.Results, 1)
			if tt.wantCode == 202 {
				require.Equal(t, StatusAccepted, resp.Results[0].Status)
				require.Len(t, pub.msgs, 1)
				var ev schemas.Event
				require.NoError(t, json.Unmarshal(pub.msgs[0].Value, &ev))
				require.Equal(t, ev.EntityID(), string(pub.msgs[0].Key), "keyed by the meeting or concern the event is about")
				require.Equal(t, "ywyv-staff", ev.Source.Name)
				require.Equal(t, "E05012442", ev.WardCode)
				require.NotNil(t, ev.RecordedAt)
				return
			}
			require.Equal(t, StatusRejected, resp.Results[0].Status)
			require.Empty(t, pub.msgs, "nothing rejected reaches kafka")
			msg := ""
			found := tt.wantField == ""
			for _, e := range resp.Results[0].Errors {
				msg += e.Error() + "; "
				if e.Field == tt.wantField {
					found = true
				}
			}
			require.True(t, found, "want an error on field %q, got %s", tt.wantField, msg)
			require.Contains(t, msg, tt.wantIn)
		})
	}
}

func TestBatchMixedDuplicatesAndLimits(t *testing.T) {
	pub := &fakePublisher{}
	api, reg := newTestAPI(t, pub, Config{})
	other := strings.Replace(good, "c0001", "c0002", 1)
	bad := strings.Replace(good, "Grangetown", "Atlantis", 1)
	code, resp, _ := post(t, api, "Bearer "+token, "application/x-ndjson", good+"\n\n"+other+"\n"+good+"\n"+bad+"\n")
	require.Equal(t, 202, code)
	require.Equal(t, []string{"accepted", "accepted", "duplicate", "rejected"}, statuses(resp))
	require.Len(t, pub.msgs, 2)

	// Resubmitting is harmless: acknowledged again, not published again.
	code, resp, _ = post(t, api, "Bearer "+token, "application/json", good)
	require.Equal(t, 202, code)
	require.Equal(t, []string{"duplicate"}, statuses(resp))
	require.Len(t, pub.msgs, 2)

	// The same id with other content is refused.
	code, resp, _ = post(t, api, "Bearer "+token, "application/json", strings.Replace(good, "field", "road", 1))
	require.Equal(t, 400, code)
	require.Equal(t, "event_id", resp.Results[0].Errors[0].Field)
	require.Equal(t, 2.0, testutil.ToFloat64(api.m.events.WithLabelValues("accepted")))
	_ = reg

	// Auth and limits.
	code, resp, _ = post(t, api, "Bearer wrong", "application/json", good)
	require.Equal(t, 401, code)
	require.NotEmpty(t, resp.Error)
	code, _, _ = post(t, api, "", "application/json", good)
	require.Equal(t, 401, code)
	small, _ := newTestAPI(t, pub, Config{MaxBodyBytes: 100, MaxBatchEvents: 1, MaxFutureSkew: time.Minute})
	code, resp, _ = post(t, small, "Bearer "+token, "application/json", good)
	require.Equal(t, 413, code)
	require.Contains(t, resp.Error, "100 bytes")
	one, _ := newTestAPI(t, pub, Config{MaxBodyBytes: 1 << 20, MaxBatchEvents: 1, MaxFutureSkew: time.Minute})
	code, resp, _ = post(t, one, "Bearer "+token, "application/x-ndjson", good+"\n"+other)
	require.Equal(t, 413, code)
	require.Contains(t, resp.Error, "limit is 1")
}

func TestBackpressureAndKafkaFailures(t *testing.T) {
	api, _ := newTestAPI(t, &fakePublisher{err: publish.ErrBusy}, Config{})
	code, _, h := post(t, api, "Bearer "+token, "application/json", good)
	require.Equal(t, 429, code)
	require.Equal(t, "1", h.Get("Retry-After"))

	pub := &fakePublisher{fail: map[int]bool{1: true}}
	api, _ = newTestAPI(t, pub, Config{})
	other := strings.Replace(good, "c0001", "c0002", 1)
	code, resp, _ := post(t, api, "Bearer "+token, "application/x-ndjson", good+"\n"+other)
	require.Equal(t, 503, code)
	require.Equal(t, []string{"accepted", "failed"}, statuses(resp))
	// The failed event was not remembered: resending it is accepted.
	code, resp, _ = post(t, api, "Bearer "+token, "application/json", other)
	require.Equal(t, 202, code)
	require.Equal(t, []string{"accepted"}, statuses(resp))
}

func statuses(r Response) []string {
	out := make([]string, len(r.Results))
	for i, x := range r.Results {
		out[i] = string(x.Status)
	}
	return out
}

func TestTokensFile(t *testing.T) {
	_, err := LoadTokens(strings.NewReader("tokens:\n  - source: a\n    sha256: nothex\n"))
	require.ErrorContains(t, err, "tokens[0] (a): sha256 must be 64")
	_, err = LoadTokens(strings.NewReader("tokens:\n  - source: a\n    sha: x\n"))
	require.ErrorContains(t, err, "field sha not found")
	toks, err := LoadTokens(strings.NewReader("tokens:\n  - source: a\n    sha256: " + HashToken("t1") + "\n"))
	require.NoError(t, err)
	src, ok := toks.Source("t1")
	require.True(t, ok)
	require.Equal(t, "a", src)
	_, ok = toks.Source("t2")
	require.False(t, ok)
}

// TestLargeBatchKeepsOrder sends a batch big enough to be checked on every
// core: results stay in request order and the in-batch duplicate is found.
func TestLargeBatchKeepsOrder(t *testing.T) {
	pub := &fakePublisher{}
	api, _ := newTestAPI(t, pub, Config{MaxBodyBytes: 1 << 20, MaxBatchEvents: 1000, MaxFutureSkew: time.Minute, RecentIDs: 1000})
	var lines []string
	for i := 0; i < 300; i++ {
		lines = append(lines, strings.Replace(good, "c0001", fmt.Sprintf("%05x", i), 1))
	}
	lines = append(lines, lines[7], strings.Replace(good, "Grangetown", "Atlantis", 1))
	code, resp, _ := post(t, api, "Bearer "+token, "application/x-ndjson", strings.Join(lines, "\n"))
	require.Equal(t, 202, code)
	require.Equal(t, 300, resp.Accepted)
	require.Equal(t, 1, resp.Duplicates)
	require.Equal(t, 1, resp.Rejected)
	for i, r := range resp.Results {
		require.Equal(t, i, r.Index)
	}
	require.Equal(t, StatusDuplicate, resp.Results[300].Status)
	require.Equal(t, resp.Results[7].EventID, resp.Results[300].EventID)
	require.Len(t, pub.msgs, 300)
}
