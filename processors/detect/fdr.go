package detect

import (
	"math"
	"slices"
)

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
