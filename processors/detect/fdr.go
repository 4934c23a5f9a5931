package detect

import (
	"math"
	"slices"
	"time"
)

// The tiers of an alarm (Judgement.Tier).
const (
	// TierWard is an alarm at the per-series Alpha: news for the ward's
	// team, about Alpha of a quiet series' weeks.
	TierWard = "ward"
	// TierForce is an alarm that also survives the week's false-discovery
	// step over all the force's series: at most FDR of these are expected
	// to be false, whatever the number of series.
	TierForce = "force"
)

// ForceTier sets QValue and Tier on every judged week of results, the
// judgements of the series of one force (results[s][w]): for each week,
// the p-values of every series judged that week (1 for weeks below
// MinCount, which cannot alarm), padded with p-values of 1 up to
// atLeast series (the force's series that the caller did not judge that
// week because nothing in them could alarm, as the alerter does), go
// through BHAdjust, and an alarm whose
// q-value is at most cfg.FDR is TierForce, any other alarm TierWard. It
// only reads weeks up to each judged one, so it is as causal as Judge;
// it is what `wardpulse detect` and the alerter both apply.
func ForceTier(results [][]Judgement, cfg Config, atLeast int) {
	type ref struct{ s, w int }
	byWeek := map[time.Time][]ref{}
	for s, js := range results {
		for w, j := range js {
			if j.Judged {
				byWeek[j.WeekStart] = append(byWeek[j.WeekStart], ref{s, w})
			}
		}
	}
	var ps []float64
	for _, refs := range byWeek {
		ps = ps[:0]
		for _, r := range refs {
			j := results[r.s][r.w]
			p := j.PValue
			if j.Count < cfg.MinCount {
				p = 1
			}
			ps = append(ps, p)
		}
		for len(ps) < atLeast {
			ps = append(ps, 1)
		}
		qs := BHAdjust(ps)
		for k, r := range refs {
			j := &results[r.s][r.w]
			j.QValue = qs[k]
			switch {
			case j.Alarm && qs[k] <= cfg.FDR:
				j.Tier = TierForce
			case j.Alarm:
				j.Tier = TierWard
			}
		}
	}
}

// BHAdjust returns the Benjamini-Hochberg adjusted p-values (q-values) of
// ps, in the same order: rejecting every test with q <= Q keeps the
// expected share of false discoveries among the rejections at most Q when
// the tests are independent or positively dependent (Benjamini and
// Hochberg 1995; Benjamini and Yekutieli 2001), which ward x theme series
// of one force in one week are taken to be. A series that cannot alarm
// this week still counts in len(ps), with a p-value of 1: the step is over
// every series judged, not only the candidates. NaN p-values are treated
// as 1.
func BHAdjust(ps []float64) []float64 {
	m := len(ps)
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	p := func(i int) float64 {
		if math.IsNaN(ps[i]) {
			return 1
		}
		return ps[i]
	}
	slices.SortFunc(order, func(a, b int) int {
		switch pa, pb := p(a), p(b); {
		case pa < pb:
			return -1
		case pa > pb:
			return 1
		}
		return a - b
	})
	q := make([]float64, m)
	run := 1.0
	for r := m - 1; r >= 0; r-- {
		i := order[r]
		run = math.Min(run, p(i)*float64(m)/float64(r+1))
		q[i] = run
	}
	return q
}
