package detect

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"
	"syscall"
	"testing"
)

// series2000x7 builds series.csv for 2,000 ward-like series of 7 years.
func series2000x7(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("series_id,week_start,count\n")
	weeks := weeksFrom(7 * 52)
	for s := range 2000 {
		level := 0.1 + 3*float64(s%97)/97
		counts := poissonSeries(uint64(s), len(weeks), func(i int) float64 {
			return level * math.Exp(0.5*math.Sin(2*math.Pi*float64(i)/weeksPerYear+float64(s)))
		})
		for i, w := range weeks {
			fmt.Fprintf(&b, "s%04d,%s,%d\n", s, w.Format("2006-01-02"), counts[i])
		}
	}
	return b.String()
}

// BenchmarkJudge2000Series times the offline contract end to end (parse,
// judge on 2 workers, write) on 2,000 series x 7 years. Besides the wall
// time it reports cpu-s/op, the process's user+system CPU seconds per
// run, and cpu-ms/series, the same per series: on a shared machine the
// wall time depends on the neighbours, and cpu-s/op / 2 is the wall time
// on 2 idle cores.
func BenchmarkJudge2000Series(b *testing.B) {
	in := series2000x7(b)
	b.ResetTimer()
	c0 := cpuSeconds(b)
	n := 0
	for b.Loop() {
		var out bytes.Buffer
		if err := RunDetect(context.Background(), strings.NewReader(in), &out, DefaultConfig(), 2); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu := (cpuSeconds(b) - c0) / float64(n)
	b.ReportMetric(cpu, "cpu-s/op")
	b.ReportMetric(cpu/2000*1000, "cpu-ms/series")
}

func cpuSeconds(tb testing.TB) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
