//go:build dev

package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestBenchQuickSmoke runs the built `wardpulse bench --quick` (the bench
// starts ingest and the processor as processes of that binary) and checks
// that every figure is there and positive. It checks no speed: the benchmark
// reports, it does not judge a slow machine. The peer's two views are made
// two seconds apart: without awaitPeerViews the Kafka engine then fed every
// message to the first view only, and this test failed.
func TestBenchQuickSmoke(t *testing.T) {
	bin := buildWardpulse(t, "dev")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var out, errb strings.Builder
	cmd := exec.CommandContext(ctx, bin, "bench", "-quick", "-json-only", "-events", "5000", "-query-rows", "50000", "-freshness-seconds", "2", "-peer-view-gap", "2s")
	cmd.Stdout, cmd.Stderr = &out, &errb
	require.NoError(t, cmd.Run(), errb.String())
	require.NotContains(t, errb.String(), "peer:", "a peer failed")
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(out.String())), &res), out.String())
	for _, k := range []string{"ingest_events_per_s", "ingest_p50_ms", "ingest_p99_ms", "processing_events_per_s", "processing_first_batch_s", "processing_batches_per_insert", "kafka_engine_events_per_s",
		"bulk_insert_events_per_s", "bulk_insert_rows", "ratio_processing_vs_kafka_engine", "ratio_processing_vs_bulk_insert", "freshness_p50_ms",
		"freshness_p99_ms", "replay_s", "query_p50_ms", "query_p95_ms", "ingest_peak_rss_mib", "processor_peak_rss_mib",
		"processor_rss_at_quarter_backlog_mib", "processor_rss_at_end_of_backlog_mib", "clickhouse_peak_rss_mib", "bench_and_broker_peak_rss_mib"} {
		v, ok := res[k].(float64)
		require.True(t, ok, "figure %s missing", k)
		require.Greater(t, v, 0.0, "figure %s", k)
	}
	require.Greater(t, res["queries"].(float64), 10.0, "every dashboard query ran")
	stages, ok := res["processing_stage_s"].(map[string]any)
	require.True(t, ok, "processing stages missing")
	for _, st := range []string{"gate", "build", "write"} {
		require.Contains(t, stages, st)
	}
	require.Len(t, res["slowest_queries"], 3)
	require.Len(t, res["rounds"], 1, "quick mode runs one round of processing and its peers")
}

// TestIngestBenchSmoke runs `wardpulse ingest-bench` small: every scenario
// prints its row, the valid requests are accepted, the tiny lines refused,
// and the stalled bodies cut. It checks no memory figure: the bench
// reports them (docs/ingest.md), it does not judge a machine. The body
// timeout (3 s) cuts the stalled bodies before the bench looks at 5 s, and
// leaves a loaded machine time to read the 15 MiB of valid ones (at 1 s the
// full suite once answered them 408).
func TestIngestBenchSmoke(t *testing.T) {
	bin := buildWardpulse(t, "dev")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var out, errb strings.Builder
	cmd := exec.CommandContext(ctx, bin, "ingest-bench", "-requests", "2", "-ingest-args", "-body-read-timeout 3s")
	cmd.Stdout, cmd.Stderr = &out, &errb
	require.NoError(t, cmd.Run(), errb.String())
	rows := map[string]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			rows[f[0]] = line
		}
	}
	require.Contains(t, rows["events"], "202x2", out.String())
	require.Contains(t, rows["tiny"], "413x2", out.String())
	require.Contains(t, rows["slow"], "cut 250, open after 5s 0", out.String())
}

// TestSettledStagesWaitsForWrite: the bench sees a batch's rows before the
// processor observes its "write" stage, so the stages are read once every
// built batch is written, not at the first scrape.
func TestSettledStagesWaitsForWrite(t *testing.T) {
	const page = `# TYPE wardpulse_processor_stage_duration_seconds histogram
wardpulse_processor_stage_duration_seconds_bucket{stage="build",le="+Inf"} 1
wardpulse_processor_stage_duration_seconds_sum{stage="build"} 0.5
wardpulse_processor_stage_duration_seconds_count{stage="build"} 1
`
	const written = `wardpulse_processor_stage_duration_seconds_bucket{stage="write",le="+Inf"} 1
wardpulse_processor_stage_duration_seconds_sum{stage="write"} 0.25
wardpulse_processor_stage_duration_seconds_count{stage="write"} 1
`
	var scrapes atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if scrapes.Add(1) < 3 { // the write is observed from the third scrape on
			_, _ = io.WriteString(w, page)
			return
		}
		_, _ = io.WriteString(w, page+written)
	}))
	defer srv.Close()
	s := &benchService{name: "process", addr: strings.TrimPrefix(srv.URL, "http://")}
	stages, err := s.settledStages(context.Background(), time.Minute)
	require.NoError(t, err)
	require.Equal(t, map[string]float64{"build": 0.5, "write": 0.25}, stages)
	require.GreaterOrEqual(t, scrapes.Load(), int32(3))
}
