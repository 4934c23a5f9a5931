// Package bench holds the measuring tools of `wardpulse bench`: latency
// recorders with percentiles, /proc memory readings, and the result type
// printed as a table and one JSON line.
package bench

import (
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

// ProcMiB reads a process's memory from /proc: its resident set now
// (VmRSS) and its peak over its life so far (VmHWM), in MiB. pid 0 means this
// process.
func ProcMiB(pid int) (rss, peak float64) {
	path := "/proc/self/status"
	if pid > 0 {
		path = "/proc/" + strconv.Itoa(pid) + "/status"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return rss, peak
}

// ProcCPU is the CPU time (user + system) a process has used so far, in
// seconds; pid 0 means this process. It assumes the usual 100 ticks/s.
func ProcCPU(pid int) float64 {
	path := "/proc/self/stat"
	if pid > 0 {
		path = "/proc/" + strconv.Itoa(pid) + "/stat"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses and may
	// hold spaces: state is field 3, utime 14, stime 15.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (u + st) / 100
}

// QueryTiming is one dashboard query's latency.
type QueryTiming struct {
	Panel string  `json:"panel"`
	P95Ms float64 `json:"p95_ms"`
}

// Round is one round's events/s of processing and its peers, measured one
// after the other on the same messages.
type Round struct {
	Processing  float64 `json:"processing_events_per_s"`
	KafkaEngine float64 `json:"kafka_engine_events_per_s"`
	BulkInsert  float64 `json:"bulk_insert_events_per_s"`
}

// Summarise sets the processing and peer rates to their medians over the
// rounds, and each ratio to the median of the rounds' ratios (a ratio of
// figures taken seconds apart, so drift of the machine's speed cancels).
func (r *Result) Summarise() {
	var proc, ke, bulk, rke, rbulk []float64
	for _, rd := range r.Rounds {
		proc = append(proc, rd.Processing)
		if rd.KafkaEngine > 0 {
			ke = append(ke, rd.KafkaEngine)
			rke = append(rke, rd.Processing/rd.KafkaEngine)
		}
		if rd.BulkInsert > 0 {
			bulk = append(bulk, rd.BulkInsert)
			rbulk = append(rbulk, rd.Processing/rd.BulkInsert)
		}
	}
	r.ProcessEventsPerSec, r.KafkaEngineEventsPerSec, r.BulkInsertEventsPerSec = median(proc), median(ke), median(bulk)
	r.RatioVsKafkaEngine, r.RatioVsBulkInsert = median(rke), median(rbulk)
}

// median is the middle value (the mean of the two middle ones for an even
// count), 0 for none.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// Result is every figure of one bench run.
type Result struct {
	Mode                     string             `json:"mode"`
	Events                   int                `json:"events"`
	Partitions               int                `json:"partitions"`
	IngestEventsPerSec       float64            `json:"ingest_events_per_s"`
	IngestP50Ms              float64            `json:"ingest_p50_ms"`
	IngestP99Ms              float64            `json:"ingest_p99_ms"`
	Rounds                   []Round            `json:"rounds"`
	ProcessEventsPerSec      float64            `json:"processing_events_per_s"`
	ProcessFirstBatchSeconds float64            `json:"processing_first_batch_s"`
	ProcessBatchesPerInsert  float64            `json:"processing_batches_per_insert"`
	ProcessStageSeconds      map[string]float64 `json:"processing_stage_s"`
	ProcessCPUSeconds        map[string]float64 `json:"processing_cpu_s"`
	KafkaEngineEventsPerSec  float64            `json:"kafka_engine_events_per_s"`
	BulkInsertEventsPerSec   float64            `json:"bulk_insert_events_per_s"`
	BulkInsertRows           int64              `json:"bulk_insert_rows"`
	RatioVsKafkaEngine       float64            `json:"ratio_processing_vs_kafka_engine"`
	RatioVsBulkInsert        float64            `json:"ratio_processing_vs_bulk_insert"`
	FreshnessP50Ms           float64            `json:"freshness_p50_ms"`
	FreshnessP99Ms           float64            `json:"freshness_p99_ms"`
	FreshnessRate            float64            `json:"freshness_events_per_s"`
	ReplaySeconds            float64            `json:"replay_s"`
	ReplayMessages           int                `json:"replay_messages"`
	QueryRows                int                `json:"query_concerns"`
	QueryCount               int                `json:"queries"`
	QueryP50Ms               float64            `json:"query_p50_ms"`
	QueryP95Ms               float64            `json:"query_p95_ms"`
	SlowestQueries           []QueryTiming      `json:"slowest_queries"`
	IngestPeakMiB            float64            `json:"ingest_peak_rss_mib"`
	ProcessPeakMiB           float64            `json:"processor_peak_rss_mib"`
	ProcessRSSQuarterMiB     float64            `json:"processor_rss_at_quarter_backlog_mib"`
	ProcessRSSEndMiB         float64            `json:"processor_rss_at_end_of_backlog_mib"`
	ClickHousePeakMiB        float64            `json:"clickhouse_peak_rss_mib"`
	BenchPeakMiB             float64            `json:"bench_and_broker_peak_rss_mib"`
}

// Print writes the table, the targets and the JSON line.
func (r Result) Print(w io.Writer) {
	check := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	fmt.Fprintf(w, "\nwardpulse bench (%s mode, %d events, %d partitions)\n", r.Mode, r.Events, r.Partitions)
	fmt.Fprintf(w, "  %-52s %12s   %s\n", "figure", "value", "target")
	row := func(name string, v float64, unit, target string) {
		fmt.Fprintf(w, "  %-52s %12.1f %-5s %s\n", name, v, unit, target)
	}
	row("ingest (HTTP NDJSON -> Kafka ack)", r.IngestEventsPerSec, "ev/s", ">= 50,000: "+check(r.IngestEventsPerSec >= 50000))
	row("ingest request latency p50", r.IngestP50Ms, "ms", "")
	row("ingest request latency p99", r.IngestP99Ms, "ms", "")
	row(fmt.Sprintf("processing (Kafka -> ClickHouse, classified), median of %d", len(r.Rounds)), r.ProcessEventsPerSec, "ev/s", "")
	for i, rd := range r.Rounds {
		fmt.Fprintf(w, "    round %d: processing %.0f, Kafka engine %.0f, bulk insert %.0f ev/s: ratios %.2f and %.2f\n",
			i+1, rd.Processing, rd.KafkaEngine, rd.BulkInsert, safeDiv(rd.Processing, rd.KafkaEngine), safeDiv(rd.Processing, rd.BulkInsert))
	}
	fmt.Fprintf(w, "    (the figures below are the last round's)\n")
	row("  from the processor's start to its first batch stored", r.ProcessFirstBatchSeconds, "s", "")
	row("  partition batches per INSERT (group commit)", r.ProcessBatchesPerInsert, "", "")
	stages := make([]string, 0, len(r.ProcessStageSeconds))
	for k := range r.ProcessStageSeconds {
		stages = append(stages, k)
	}
	sort.Strings(stages)
	for _, k := range stages {
		row("  batch time in "+k+" (summed over partitions)", r.ProcessStageSeconds[k], "s", "")
	}
	procs := make([]string, 0, len(r.ProcessCPUSeconds))
	for k := range r.ProcessCPUSeconds {
		procs = append(procs, k)
	}
	sort.Strings(procs)
	for _, k := range procs {
		row("  CPU time of "+k, r.ProcessCPUSeconds[k], "s", "")
	}
	row("peer: ClickHouse Kafka engine + MVs", r.KafkaEngineEventsPerSec, "ev/s", "")
	row(fmt.Sprintf("peer: clickhouse-client bulk insert (%d rows)", r.BulkInsertRows), r.BulkInsertEventsPerSec, "ev/s", "")
	ratio := func(name string, v float64, target string) {
		fmt.Fprintf(w, "  %-52s %12.2f %-5s %s\n", name, v, "x", target)
	}
	ratio("ratio processing / Kafka engine (median of rounds)", r.RatioVsKafkaEngine, ">= 1: "+check(r.RatioVsKafkaEngine >= 1))
	ratio("ratio processing / bulk insert (median of rounds)", r.RatioVsBulkInsert, ">= 0.5: "+check(r.RatioVsBulkInsert >= 0.5))
	row(fmt.Sprintf("freshness p50 at %.0f ev/s", r.FreshnessRate), r.FreshnessP50Ms, "ms", "")
	row(fmt.Sprintf("freshness p99 at %.0f ev/s", r.FreshnessRate), r.FreshnessP99Ms, "ms", "< 2,000: "+check(r.FreshnessP99Ms > 0 && r.FreshnessP99Ms < 2000))
	row(fmt.Sprintf("replay of %d messages", r.ReplayMessages), r.ReplaySeconds, "s", "")
	row(fmt.Sprintf("dashboard queries p50 (%d queries, %d concerns)", r.QueryCount, r.QueryRows), r.QueryP50Ms, "ms", "")
	row("dashboard queries p95", r.QueryP95Ms, "ms", "< 100: "+check(r.QueryP95Ms > 0 && r.QueryP95Ms < 100))
	for _, q := range r.SlowestQueries {
		row("  slow: "+trim(q.Panel, 44), q.P95Ms, "ms", "")
	}
	row("peak RSS: ingest service", r.IngestPeakMiB, "MiB", "")
	row("peak RSS: processor service", r.ProcessPeakMiB, "MiB", "")
	bounded := r.ProcessRSSQuarterMiB > 0 && r.ProcessRSSEndMiB <= 1.25*r.ProcessRSSQuarterMiB+16
	row("  processor RSS at 1/4 of the backlog", r.ProcessRSSQuarterMiB, "MiB", "")
	row("  processor RSS at the end of the backlog", r.ProcessRSSEndMiB, "MiB", "bounded (end <= 1.25 x quarter + 16): "+check(bounded))
	row("peak RSS: clickhouse-server (whole run)", r.ClickHousePeakMiB, "MiB", "")
	row("peak RSS: bench driver + embedded broker", r.BenchPeakMiB, "MiB", "")
	b, _ := json.Marshal(r)
	fmt.Fprintf(w, "%s\n", b)
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func trim(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
