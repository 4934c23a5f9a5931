// Package bench holds the measuring tools of `wardpulse bench`: latency
// recorders with percentiles, a peak-memory sampler, and the result type
// printed as a table and one JSON line.
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Latencies records durations; safe for concurrent use.
type Latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

// Add records one duration.
func (l *Latencies) Add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

// Len is the number of durations recorded.
func (l *Latencies) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.d)
}

// Quantile returns the q-quantile (nearest rank) in milliseconds, 0 when empty.
func (l *Latencies) Quantile(q float64) float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), l.d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q*float64(len(s))+0.999999) - 1
	i = max(0, min(i, len(s)-1))
	return float64(s[i].Microseconds()) / 1000
}

// PeakRSS samples this process's resident set size every interval until
// ctx ends and returns the peak in MiB. The services run in-process in the
// bench, so each phase's peak is the service under load plus the bench's
// own clients.
func PeakRSS(ctx context.Context, interval time.Duration) func() float64 {
	var mu sync.Mutex
	peak := 0.0
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			if v := rssMiB(); v > 0 {
				mu.Lock()
				peak = max(peak, v)
				mu.Unlock()
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() float64 {
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

func rssMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

// Result is every figure of one bench run.
type Result struct {
	Mode                  string  `json:"mode"`
	Events                int     `json:"events"`
	IngestEventsPerSec    float64 `json:"ingest_events_per_s"`
	IngestP50Ms           float64 `json:"ingest_p50_ms"`
	IngestP99Ms           float64 `json:"ingest_p99_ms"`
	ProcessEventsPerSec   float64 `json:"processing_events_per_s"`
	KafkaEngineRowsPerSec float64 `json:"kafka_engine_rows_per_s"`
	BulkInsertRowsPerSec  float64 `json:"bulk_insert_rows_per_s"`
	RatioVsKafkaEngine    float64 `json:"ratio_processing_vs_kafka_engine"`
	RatioVsBulkInsert     float64 `json:"ratio_processing_vs_bulk_insert"`
	FreshnessP50Ms        float64 `json:"freshness_p50_ms"`
	FreshnessP99Ms        float64 `json:"freshness_p99_ms"`
	FreshnessRate         float64 `json:"freshness_events_per_s"`
	ReplaySeconds         float64 `json:"replay_s"`
	ReplayMessages        int     `json:"replay_messages"`
	QueryRows             int     `json:"query_concerns"`
	QueryCount            int     `json:"queries"`
	QueryP50Ms            float64 `json:"query_p50_ms"`
	QueryP95Ms            float64 `json:"query_p95_ms"`
	IngestPeakMiB         float64 `json:"ingest_peak_rss_mib"`
	ProcessPeakMiB        float64 `json:"processing_peak_rss_mib"`
}

// Print writes the table, the targets and the JSON line.
func (r Result) Print(w io.Writer) {
	check := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	fmt.Fprintf(w, "\nwardpulse bench (%s mode, %d events)\n", r.Mode, r.Events)
	fmt.Fprintf(w, "  %-44s %12s   %s\n", "figure", "value", "target")
	row := func(name string, v float64, unit, target string) {
		fmt.Fprintf(w, "  %-44s %12.1f %-5s %s\n", name, v, unit, target)
	}
	row("ingest (HTTP NDJSON -> Kafka ack)", r.IngestEventsPerSec, "ev/s", ">= 50,000: "+check(r.IngestEventsPerSec >= 50000))
	row("ingest request latency p50", r.IngestP50Ms, "ms", "")
	row("ingest request latency p99", r.IngestP99Ms, "ms", "")
	row("processing (Kafka -> ClickHouse)", r.ProcessEventsPerSec, "ev/s", "")
	row("peer: ClickHouse Kafka engine + MV", r.KafkaEngineRowsPerSec, "row/s", "")
	row("peer: clickhouse-client bulk insert", r.BulkInsertRowsPerSec, "row/s", "")
	row("ratio processing / Kafka engine", r.RatioVsKafkaEngine, "x", ">= 1: "+check(r.RatioVsKafkaEngine >= 1))
	row("ratio processing / bulk insert", r.RatioVsBulkInsert, "x", ">= 0.5: "+check(r.RatioVsBulkInsert >= 0.5))
	row(fmt.Sprintf("freshness p50 at %.0f ev/s", r.FreshnessRate), r.FreshnessP50Ms, "ms", "")
	row(fmt.Sprintf("freshness p99 at %.0f ev/s", r.FreshnessRate), r.FreshnessP99Ms, "ms", "< 2,000: "+check(r.FreshnessP99Ms > 0 && r.FreshnessP99Ms < 2000))
	row(fmt.Sprintf("replay of %d messages", r.ReplayMessages), r.ReplaySeconds, "s", "")
	row(fmt.Sprintf("dashboard queries p50 (%d queries, %d concerns)", r.QueryCount, r.QueryRows), r.QueryP50Ms, "ms", "")
	row("dashboard queries p95", r.QueryP95Ms, "ms", "< 100: "+check(r.QueryP95Ms > 0 && r.QueryP95Ms < 100))
	row("peak RSS, ingest phase", r.IngestPeakMiB, "MiB", "")
	row("peak RSS, processing phase", r.ProcessPeakMiB, "MiB", "")
	b, _ := json.Marshal(r)
	fmt.Fprintf(w, "%s\n", b)
}
