package alerting

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/detect"
)

// weeksOf turns a pattern into judgements, one week per rune from the
// Monday w0: 'A' an alarm (score 3, ward tier), 'C' a critical alarm (score
// 5, force tier), '.' a
// week without alarm, '-' a week the detector could not judge. The last rune is the current, partial week.
func weeksOf(w0 time.Time, pattern string) []detect.Judgement {
	js := make([]detect.Judgement, len(pattern))
	for i, c := range pattern {
		js[i] = detect.Judgement{WeekStart: w0.AddDate(0, 0, 7*i), Judged: true}
		switch c {
		case '-':
			js[i].Judged = false
		case 'A':
			js[i].Alarm, js[i].Score, js[i].Count, js[i].Tier = true, 3, 4, detect.TierWard
		case 'C':
			js[i].Alarm, js[i].Score, js[i].Count, js[i].Tier = true, 5, 9, detect.TierForce
		}
	}
	return js
}

func TestDecideEpisode(t *testing.T) {
	w0 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	week := func(i int) time.Time { return w0.AddDate(0, 0, 7*i) }
	for _, tc := range []struct {
		name    string
		pattern string
		resolve int
		open    bool
		start   time.Time
		peak    float64
	}{
		{name: "never an alarm", pattern: "..........", resolve: 2},
		{name: "alarm in the current week opens", pattern: ".........A", resolve: 2, open: true, start: week(9), peak: 3},
		{name: "alarm last week, current week quiet so far", pattern: "........A.", resolve: 2, open: true, start: week(8), peak: 3},
		{name: "one quiet complete week is not enough", pattern: ".......A..", resolve: 2, open: true, start: week(7), peak: 3},
		{name: "two quiet complete weeks resolve", pattern: "......A...", resolve: 2},
		{name: "the current week never counts as quiet", pattern: ".......A..", resolve: 1},
		{name: "resolve after one week when configured", pattern: "......A...", resolve: 1},
		{name: "a gap shorter than the resolve keeps one episode", pattern: "...A.A.C..", resolve: 2, open: true, start: week(3), peak: 5},
		{name: "a gap as long as the resolve starts a new episode", pattern: ".A..A.....", resolve: 2},
		{name: "second episode after a resolved one has its own start", pattern: "A...AA....A", resolve: 2, open: true, start: week(10), peak: 3},
		{name: "alarms through the whole lookback start at its first week", pattern: "AAAAAAAAAA", resolve: 2, open: true, start: week(0), peak: 3},
		{name: "not judged weeks are quiet weeks", pattern: "....A--.", resolve: 2},
		{name: "empty", pattern: "", resolve: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ep := decideEpisode(weeksOf(w0, tc.pattern), tc.resolve)
			require.Equal(t, tc.open, ep.Open)
			if tc.open {
				require.Equal(t, tc.start, ep.Start)
				require.Equal(t, tc.peak, ep.Peak.Score)
				require.True(t, ep.Last.Alarm)
				// Critical iff a week of the open episode was in the force tier.
				require.Equal(t, tc.peak == 5, ep.Force)
			}
		})
	}
}

// TestDecideEpisodeIsStable: judging the same counts a week later (one more
// week at the end, the first dropped from the lookback) keeps the start, so
// the alert id does not depend on when the alerter ran.
func TestDecideEpisodeIsStable(t *testing.T) {
	w0 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	a := decideEpisode(weeksOf(w0, "......A.A"), 2)
	b := decideEpisode(weeksOf(w0.AddDate(0, 0, 7), ".....A.A."), 2)
	require.True(t, a.Open)
	require.True(t, b.Open)
	require.Equal(t, a.Start, b.Start)
}
