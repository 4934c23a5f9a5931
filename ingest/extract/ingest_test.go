package extract

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// kafkaStub stands in for Kafka at ingest's Publisher seam only; the HTTP
// API, schema validation, place resolution and dedupe are ingest's own.
type kafkaStub struct {
	mu   sync.Mutex
	msgs []publish.Message
}

func (k *kafkaStub) Publish(_ context.Context, msgs []publish.Message) ([]error, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.msgs = append(k.msgs, msgs...)
	return make([]error, len(msgs)), nil
}

func (k *kafkaStub) Ready(context.Context) error { return nil }

// TestPublishThroughIngest sends every fixture's events through the real
// ingest handler twice: all accepted the first time (they are valid, their
// places resolve at their dates, their themes exist), all duplicates the
// second, and nothing more reaches Kafka.
func TestPublishThroughIngest(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	toks, err := httpapi.NewTokens([]httpapi.Token{{Source: "backfill", SHA256: httpapi.HashToken("s3cret")}})
	require.NoError(t, err)
	kafka := &kafkaStub{}
	api, err := httpapi.New(httpapi.Config{MaxBodyBytes: 1 << 20, MaxBatchEvents: 100, MaxFutureSkew: 10 * time.Minute,
		OldestEvent: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), RecentIDs: 1000,
		MaxEventBytes: 64 << 10, MaxInflightBytes: 4 << 20},
		httpapi.Deps{Publisher: kafka, Tokens: toks, Validator: v, Places: gazetteer.Default(), Themes: taxonomy.Default()}, nil, nil)
	require.NoError(t, err)
	mux := http.NewServeMux()
	api.Routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	events := fixtureEvents(t)
	precise := 0
	for _, e := range events {
		if !e.DayPrecise() {
			precise++
		}
	}
	require.Positive(t, precise, "some events of month or period precision")
	p, err := NewPublisher(PublishConfig{URL: srv.URL, Token: "s3cret", BatchSize: 7}, srv.Client())
	require.NoError(t, err)
	rep, err := p.Publish(t.Context(), events)
	require.NoError(t, err)
	require.Empty(t, rep.Rejections)
	require.Equal(t, len(events), rep.Accepted)
	require.Len(t, kafka.msgs, len(events))

	rep, err = p.Publish(t.Context(), fixtureEvents(t))
	require.NoError(t, err)
	require.Equal(t, PublishReport{Duplicates: len(events)}, rep)
	require.Len(t, kafka.msgs, len(events), "publishing again changes nothing")
}
