package detect

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat/distuv"
)

var monday = time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC)

func weeksFrom(n int) []time.Time {
	w := make([]time.Time, n)
	for i := range w {
		w[i] = monday.AddDate(0, 0, 7*i)
	}
	return w
}

// poissonSeries draws n weeks with mean mean(i), reproducibly.
func poissonSeries(seed uint64, n int, mean func(i int) float64) []int {
	rng := rand.New(rand.NewPCG(seed, 7))
	c := make([]int, n)
	for i := range c {
		c[i] = int(distuv.Poisson{Lambda: mean(i), Src: rng}.Rand())
	}
	return c
}

func newDetector(t *testing.T) *Detector {
	t.Helper()
	d, err := New(DefaultConfig())
	require.NoError(t, err)
	return d
}

func alarms(js []Judgement) []int {
	var out []int
	for i, j := range js {
		if j.Alarm {
			out = append(out, i)
		}
	}
	return out
}

func TestJudge(t *testing.T) {
	flat := func(m float64) func(int) float64 { return func(int) float64 { return m } }
	withSpikes := func(c []int, at map[int]int) []int {
		c = append([]int(nil), c...)
		for i, v := range at {
			c[i] = v
		}
		return c
	}
	tests := []struct {
		name       string
		counts     []int
		wantAlarm  []int // weeks that must alarm
		maxAlarms  int   // total alarms allowed (including wantAlarm)
		firstJudge int
	}{
		{name: "zeros only", counts: make([]int, 300), maxAlarms: 0, firstJudge: 8},
		{name: "a lone concern after years of zeros is not a spike", counts: withSpikes(make([]int, 300), map[int]int{250: 1}), maxAlarms: 0, firstJudge: 8},
		{name: "two concerns after years of zeros are", counts: withSpikes(make([]int, 300), map[int]int{250: 3}), wantAlarm: []int{250}, maxAlarms: 1, firstJudge: 8},
		{name: "too short to judge", counts: []int{0, 1, 0, 2, 9}, maxAlarms: 0, firstJudge: 5},
		{name: "short history, clear spike", counts: []int{0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 10, 0}, wantAlarm: []int{10}, maxAlarms: 1, firstJudge: 8},
		{name: "clear spike on a steady series", counts: withSpikes(poissonSeries(1, 200, flat(1)), map[int]int{150: 9}), wantAlarm: []int{150}, maxAlarms: 3, firstJudge: 8},
		{
			name:      "past spikes do not mask the next",
			counts:    withSpikes(poissonSeries(2, 260, flat(0.5)), map[int]int{120: 8, 121: 7, 170: 9, 220: 7}),
			wantAlarm: []int{120, 170, 220}, maxAlarms: 6, firstJudge: 8,
		},
	}
	d := newDetector(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js, err := d.Judge(weeksFrom(len(tc.counts)), tc.counts)
			require.NoError(t, err)
			require.Len(t, js, len(tc.counts))
			for i, j := range js {
				require.Equal(t, i >= tc.firstJudge, j.Judged, "week %d judged", i)
				require.Equal(t, tc.counts[i], j.Count)
				if j.Judged {
					require.False(t, math.IsNaN(j.Score) || math.IsNaN(j.Expected), "week %d", i)
					require.Equal(t, j.Alarm, j.PValue <= d.cfg.Alpha && j.Count >= d.cfg.MinCount, "week %d", i)
				}
			}
			got := alarms(js)
			require.Subset(t, got, tc.wantAlarm)
			require.LessOrEqual(t, len(got), tc.maxAlarms, "alarms at %v", got)
		})
	}
}

// Summer peaks three times the winter level must be learnt, not flagged
// every summer.
func TestSeasonalityDoesNotFireEverySummer(t *testing.T) {
	n := 6 * 52
	seasonal := func(i int) float64 { return 1.2 * math.Exp(0.8*math.Sin(2*math.Pi*float64(i)/weeksPerYear)) }
	d := newDetector(t)
	for seed := uint64(1); seed <= 5; seed++ {
		counts := poissonSeries(seed, n, seasonal)
		js, err := d.Judge(weeksFrom(n), counts)
		require.NoError(t, err)
		// From year 3 on the model has seen two summers.
		var judged, n2 int
		for _, j := range js[2*52+4:] {
			judged++
			if j.Alarm {
				n2++
			}
		}
		require.LessOrEqual(t, float64(n2)/float64(judged), 0.02, "seed %d: %d alarms in %d weeks", seed, n2, judged)
	}
}

func TestJudgeDeterministicAndOnline(t *testing.T) {
	counts := poissonSeries(3, 300, func(i int) float64 { return 0.3 + float64(i)/300 })
	weeks := weeksFrom(len(counts))
	d := newDetector(t)
	a, err := d.Judge(weeks, counts)
	require.NoError(t, err)
	b, err := d.Judge(weeks, counts)
	require.NoError(t, err)
	require.Equal(t, a, b)
	// Week i's verdict uses only weeks up to i: judging a prefix, or
	// only the last week, gives the same answer.
	for _, n := range []int{9, 60, 110, 200, 300} {
		last, err := d.JudgeLast(weeks[:n], counts[:n])
		require.NoError(t, err)
		requireClose(t, a[n-1], last)
		pre, err := d.Judge(weeks[:n], counts[:n])
		require.NoError(t, err)
		for i := range pre {
			requireClose(t, a[i], pre[i])
		}
	}
}

// requireClose compares judgements allowing for IRLS warm starts, which
// converge to the same fit within the tolerance.
func requireClose(t *testing.T, want, got Judgement) {
	t.Helper()
	require.Equal(t, want.Judged, got.Judged)
	require.Equal(t, want.Alarm, got.Alarm, "week %s", want.WeekStart)
	require.InDelta(t, want.Expected, got.Expected, 1e-4*(1+want.Expected))
	require.InDelta(t, want.Score, got.Score, 1e-3*(1+math.Abs(want.Score)))
	require.Equal(t, want.Threshold, got.Threshold)
}

func TestJudgeRejectsBadSeries(t *testing.T) {
	d := newDetector(t)
	gap := weeksFrom(10)
	gap[5] = gap[5].AddDate(0, 0, 7)
	tests := []struct {
		name   string
		weeks  []time.Time
		counts []int
		index  int
	}{
		{"lengths differ", weeksFrom(3), []int{1, 2}, -1},
		{"negative count", weeksFrom(3), []int{1, -2, 0}, 1},
		{"gap", gap, make([]int, 10), 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.Judge(tc.weeks, tc.counts)
			var se *SeriesError
			require.ErrorAs(t, err, &se)
			require.Equal(t, tc.index, se.Index)
			require.True(t, errors.Is(err, ErrBadSeries))
		})
	}
	_, err := d.JudgeLast(nil, nil)
	require.ErrorIs(t, err, ErrBadSeries)
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		mod  func(*Config)
		ok   bool
	}{
		{"defaults", func(*Config) {}, true},
		{"alpha zero", func(c *Config) { c.Alpha = 0 }, false},
		{"alpha too big", func(c *Config) { c.Alpha = 0.6 }, false},
		{"guard shorter than window", func(c *Config) { c.GuardWeeks, c.WindowWeeks = 1, 4 }, false},
		{"window off, no guard", func(c *Config) { c.GuardWeeks, c.WindowWeeks = 0, 1 }, true},
		{"min count zero", func(c *Config) { c.MinCount = 0 }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := DefaultConfig()
			tc.mod(&c)
			_, err := New(c)
			if tc.ok {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
			}
		})
	}
}

func TestEARS(t *testing.T) {
	counts := []int{1, 2, 1, 2, 1, 2, 1, 9, 1, 2, 1, 2, 1}
	weeks := weeksFrom(len(counts))
	for _, tc := range []struct {
		v          EARSVariant
		firstJudge int
		alarm      []int
	}{
		{C1, 7, []int{7}},
		{C2, 9, nil}, // the spike sits in C2's guard band or baseline from week 9 on
		{C3, 11, nil},
	} {
		e, err := NewEARS(tc.v, 0, 0)
		require.NoError(t, err)
		js, err := e.Judge(weeks, counts)
		require.NoError(t, err)
		for i, j := range js {
			require.Equal(t, i >= tc.firstJudge, j.Judged, "%s week %d", e.Name(), i)
		}
		require.Equal(t, tc.alarm, alarms(js), e.Name())
	}
	// C1 on week 7: baseline 1,2,1,2,1,2,1: mean 10/7, sd 0.5345.
	e, _ := NewEARS(C1, 0, 0)
	js, _ := e.Judge(weeks, counts)
	require.InDelta(t, (9-10.0/7)/0.534522, js[7].Score, 1e-4)
	// A flat baseline scores any rise as +Inf (reported as 99).
	js, _ = e.Judge(weeksFrom(8), []int{0, 0, 0, 0, 0, 0, 0, 1})
	require.True(t, js[7].Alarm)
	require.Equal(t, 99.0, js[7].Score)
}

func TestBHAdjust(t *testing.T) {
	tests := []struct {
		name string
		ps   []float64
		want []float64
	}{
		{name: "empty", ps: nil, want: []float64{}},
		{name: "one", ps: []float64{0.01}, want: []float64{0.01}},
		// Sorted 0.01, 0.02, 0.03, 0.5: m·p/rank = 0.04, 0.04, 0.04, 0.5.
		{name: "four, unsorted, with a NaN as 1", ps: []float64{0.03, 0.5, 0.01, 0.02, math.NaN()},
			want: []float64{0.05, 0.625, 0.05, 0.05, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := BHAdjust(tc.ps)
			require.Len(t, got, len(tc.want))
			for i := range got {
				require.InDelta(t, tc.want[i], got[i], 1e-12, "p %d", i)
			}
		})
	}
}

func TestForceTier(t *testing.T) {
	w0 := weeksFrom(1)[0]
	mk := func(p float64, count int) []Judgement {
		return []Judgement{{WeekStart: w0, Count: count, Judged: true, PValue: p, Alarm: p <= 0.005 && count >= 2}}
	}
	// 100 series: one very unusual week, one alarm at 0.004 that the
	// force-wide step does not keep, 98 quiet ones.
	res := [][]Judgement{mk(1e-6, 9), mk(0.004, 3)}
	for range 98 {
		res = append(res, mk(0.5, 0))
	}
	ForceTier(res, DefaultConfig(), 0)
	require.Equal(t, TierForce, res[0][0].Tier)
	require.InDelta(t, 1e-4, res[0][0].QValue, 1e-12)
	require.Equal(t, TierWard, res[1][0].Tier)
	require.Equal(t, "", res[2][0].Tier)
}
