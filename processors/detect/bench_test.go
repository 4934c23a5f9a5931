package detect

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"
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
// judge on 2 workers, write) on 2,000 series x 7 years.
func BenchmarkJudge2000Series(b *testing.B) {
	in := series2000x7(b)
	b.ResetTimer()
	for b.Loop() {
		var out bytes.Buffer
		if err := RunDetect(context.Background(), strings.NewReader(in), &out, DefaultConfig(), 2); err != nil {
			b.Fatal(err)
		}
	}
}
