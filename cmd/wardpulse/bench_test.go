package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBenchQuickSmoke runs `wardpulse bench --quick` and checks that every
// figure is there and positive. It checks no speed: the benchmark reports,
// it does not judge a slow machine.
func TestBenchQuickSmoke(t *testing.T) {
	var out, errb strings.Builder
	require.NoError(t, runBench(context.Background(), []string{"-quick", "-json-only", "-events", "5000", "-query-rows", "50000", "-freshness-seconds", "2"}, &out, &errb), errb.String())
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(out.String())), &res), out.String())
	for _, k := range []string{"ingest_events_per_s", "ingest_p50_ms", "ingest_p99_ms", "processing_events_per_s", "kafka_engine_rows_per_s",
		"bulk_insert_rows_per_s", "ratio_processing_vs_kafka_engine", "ratio_processing_vs_bulk_insert", "freshness_p50_ms", "freshness_p99_ms",
		"replay_s", "query_p50_ms", "query_p95_ms", "ingest_peak_rss_mib", "processing_peak_rss_mib"} {
		v, ok := res[k].(float64)
		require.True(t, ok, "figure %s missing", k)
		require.Greater(t, v, 0.0, "figure %s", k)
	}
	require.Greater(t, res["queries"].(float64), 10.0, "every dashboard query ran")
}
