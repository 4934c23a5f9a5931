package extract

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

// fakeIngest answers POST /v1/events as ingest does: accepted the first
// time an id is seen, duplicate after; it can be told to fail first.
type fakeIngest struct {
	mu        sync.Mutex
	seen      map[string]bool
	requests  int
	failFirst int    // answer 503 to this many requests first
	reject    string // event id to reject
	status    int    // if set, answer this status with no results
}

func (f *fakeIngest) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	if r.Method != http.MethodPost || r.URL.Path != "/v1/events" || r.Header.Get("Authorization") != "Bearer s3cret" || r.Header.Get("Content-Type") != "application/x-ndjson" {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"results":null,"error":"missing or unknown bearer token"}`))
		return
	}
	if f.status != 0 {
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(`{"results":null,"error":"batch has too many events"}`))
		return
	}
	if f.failFirst > 0 {
		f.failFirst--
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"error":"kafka unavailable"}`))
		return
	}
	type result struct {
		Index   int                  `json:"index"`
		EventID string               `json:"event_id"`
		Status  string               `json:"status"`
		Errors  []schemas.FieldError `json:"errors,omitempty"`
	}
	var out struct {
		Results []result `json:"results"`
	}
	sc := bufio.NewScanner(r.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for i := 0; sc.Scan(); i++ {
		var ev schemas.Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			out.Results = append(out.Results, result{Index: i, Status: "rejected", Errors: []schemas.FieldError{{Reason: err.Error()}}})
			continue
		}
		switch {
		case ev.EventID == f.reject:
			out.Results = append(out.Results, result{Index: i, EventID: ev.EventID, Status: "rejected", Errors: []schemas.FieldError{{Field: "date", Reason: "is before the oldest date accepted"}}})
		case f.seen[ev.EventID]:
			out.Results = append(out.Results, result{Index: i, EventID: ev.EventID, Status: "duplicate"})
		default:
			f.seen[ev.EventID] = true
			out.Results = append(out.Results, result{Index: i, EventID: ev.EventID, Status: "accepted"})
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	_ = json.NewEncoder(w).Encode(out)
}

func fixtureEvents(t *testing.T) []schemas.Event {
	t.Helper()
	x := newExtractor(t, Config{})
	var all []schemas.Event
	// The blind Panel reports and "you said, we did" pages carry events of
	// month and period precision: ingest must take them too.
	for _, name := range []string{"report_2016.txt", "report_2019.md", "news_2017.html", "tune/poe_2018_apr.pdf", "heldout/yousaid_2016_hartlepool.md", "heldout/news_2015_southbank.txt"} {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		require.NoError(t, err)
		res, err := x.Extract(name, b)
		require.NoError(t, err)
		all = append(all, res.Events...)
	}
	return all
}

func TestPublishIsIdempotent(t *testing.T) {
	ing := &fakeIngest{seen: map[string]bool{}}
	srv := httptest.NewServer(ing)
	t.Cleanup(srv.Close)
	events := fixtureEvents(t)
	p, err := NewPublisher(PublishConfig{URL: srv.URL + "/", Token: "s3cret", BatchSize: 4, Backoff: time.Millisecond}, srv.Client())
	require.NoError(t, err)

	rep, err := p.Publish(t.Context(), events)
	require.NoError(t, err)
	require.Equal(t, PublishReport{Accepted: len(events)}, rep)
	require.Equal(t, (len(events)+3)/4, ing.requests, "batches of 4")

	// Extracting and publishing again changes nothing.
	rep, err = p.Publish(t.Context(), fixtureEvents(t))
	require.NoError(t, err)
	require.Equal(t, PublishReport{Duplicates: len(events)}, rep)
}

func TestPublishRetriesAndReports(t *testing.T) {
	events := fixtureEvents(t)[:5]
	t.Run("503 then success", func(t *testing.T) {
		ing := &fakeIngest{seen: map[string]bool{}, failFirst: 2}
		srv := httptest.NewServer(ing)
		t.Cleanup(srv.Close)
		p, err := NewPublisher(PublishConfig{URL: srv.URL, Token: "s3cret", Backoff: time.Millisecond}, srv.Client())
		require.NoError(t, err)
		rep, err := p.Publish(t.Context(), events)
		require.NoError(t, err)
		require.Equal(t, 5, rep.Accepted)
		require.Equal(t, 3, ing.requests)
	})
	t.Run("503 for ever gives up", func(t *testing.T) {
		ing := &fakeIngest{seen: map[string]bool{}, failFirst: 100}
		srv := httptest.NewServer(ing)
		t.Cleanup(srv.Close)
		p, err := NewPublisher(PublishConfig{URL: srv.URL, Token: "s3cret", MaxAttempts: 3, Backoff: time.Millisecond}, srv.Client())
		require.NoError(t, err)
		_, err = p.Publish(t.Context(), events)
		require.ErrorContains(t, err, "kafka unavailable")
		require.Equal(t, 3, ing.requests)
	})
	t.Run("bad token is permanent", func(t *testing.T) {
		ing := &fakeIngest{seen: map[string]bool{}}
		srv := httptest.NewServer(ing)
		t.Cleanup(srv.Close)
		p, err := NewPublisher(PublishConfig{URL: srv.URL, Token: "wrong", Backoff: time.Millisecond}, srv.Client())
		require.NoError(t, err)
		_, err = p.Publish(t.Context(), events)
		require.ErrorContains(t, err, "401")
		require.Equal(t, 1, ing.requests, "not retried")
	})
	t.Run("rejections are reported with their paragraph", func(t *testing.T) {
		ing := &fakeIngest{seen: map[string]bool{}, reject: events[1].EventID}
		srv := httptest.NewServer(ing)
		t.Cleanup(srv.Close)
		p, err := NewPublisher(PublishConfig{URL: srv.URL, Token: "s3cret"}, srv.Client())
		require.NoError(t, err)
		rep, err := p.Publish(t.Context(), events)
		require.NoError(t, err)
		require.Equal(t, 4, rep.Accepted)
		require.Equal(t, 1, rep.Rejected)
		require.Equal(t, events[1].EventID, rep.Rejections[0].EventID)
		require.Equal(t, events[1].Source.Paragraph, rep.Rejections[0].Paragraph)
		require.Equal(t, "date", rep.Rejections[0].Errors[0].Field)
	})
	t.Run("config is checked", func(t *testing.T) {
		_, err := NewPublisher(PublishConfig{URL: "localhost:8080", Token: "x"}, nil)
		require.ErrorContains(t, err, "http(s) URL")
		_, err = NewPublisher(PublishConfig{URL: "http://localhost:8080"}, nil)
		require.ErrorContains(t, err, "token")
	})
}
