package detect

import (
	"fmt"
	"math"
	"time"
)

// EARSVariant selects one of the three EARS statistics.
type EARSVariant int

// The EARS variants of Hutwagner et al. (2003), on weeks instead of days.
const (
	// C1: baseline = the 7 weeks just before the judged week.
	C1 EARSVariant = iota + 1
	// C2: baseline = 7 weeks ending 3 weeks back (a 2-week guard band).
	C2
	// C3: the sum of max(0, C2-1) over the judged week and the two before.
	C3
)

// EARS is an EARS C1/C2/C3 detector (Hutwagner et al. 2003; Fricker et
// al. 2008), the reference peer for the GLM detector. It is safe for
// concurrent use.
type EARS struct {
	variant   EARSVariant
	threshold float64
	minSigma  float64
}

// NewEARS returns the given variant with the customary threshold (3 for C1
// and C2, 2 for C3) when threshold is 0. minSigma floors the baseline
// standard deviation; 0 is the reference behaviour (R surveillance's earsC
// default): a count above an all-equal baseline then scores +Inf, which is
// reported as 99.
func NewEARS(v EARSVariant, threshold, minSigma float64) (*EARS, error) {
	if v < C1 || v > C3 {
		return nil, fmt.Errorf("ears variant %d: must be C1, C2 or C3", v)
	}
	if threshold < 0 || minSigma < 0 {
		return nil, fmt.Errorf("ears threshold %v, min sigma %v: must be >= 0", threshold, minSigma)
	}
	if threshold == 0 {
		threshold = 3
		if v == C3 {
			threshold = 2
		}
	}
	return &EARS{variant: v, threshold: threshold, minSigma: minSigma}, nil
}

// Name implements Method.
func (e *EARS) Name() string { return [...]string{"", "ears-c1", "ears-c2", "ears-c3"}[e.variant] }

// earsBaseline is 7 weeks, the EARS baseline of 7 days applied to weeks.
const earsBaseline = 7

// cStat returns the C statistic of week i with the baseline ending lag
// weeks before it, its baseline mean and sd, and whether there was enough
// history.
func (e *EARS) cStat(counts []int, i, lag int) (c, mean, sd float64, ok bool) {
	end := i - lag // exclusive
	start := end - earsBaseline
	if start < 0 {
		return 0, 0, 0, false
	}
	var s, ss float64
	for _, y := range counts[start:end] {
		s += float64(y)
	}
	mean = s / earsBaseline
	for _, y := range counts[start:end] {
		d := float64(y) - mean
		ss += d * d
	}
	sd = math.Max(math.Sqrt(ss/(earsBaseline-1)), e.minSigma)
	d := float64(counts[i]) - mean
	switch {
	case sd > 0:
		c = d / sd
	case d > 0:
		c = math.Inf(1)
	}
	return c, mean, sd, true
}

// Judge implements Method. A week is judged once its baseline (and, for
// C3, the two previous C2 values) exists: from week 7 (C1), 9 (C2), 11 (C3).
func (e *EARS) Judge(weeks []time.Time, counts []int) ([]Judgement, error) {
	if err := checkSeries(weeks, counts); err != nil {
		return nil, err
	}
	out := make([]Judgement, len(counts))
	c2 := make([]float64, len(counts))
	for i := range counts {
		j := Judgement{WeekStart: weeks[i], Count: counts[i]}
		switch e.variant {
		case C1:
			c, m, sd, ok := e.cStat(counts, i, 0)
			if ok {
				j.Judged, j.Score, j.Expected, j.Threshold = true, c, m, m+e.threshold*sd
			}
		case C2:
			c, m, sd, ok := e.cStat(counts, i, 2)
			if ok {
				j.Judged, j.Score, j.Expected, j.Threshold = true, c, m, m+e.threshold*sd
			}
		case C3:
			c, m, sd, ok := e.cStat(counts, i, 2)
			c2[i] = c
			if ok && i >= earsBaseline+2+2 {
				prev := math.Max(0, c2[i-1]-1) + math.Max(0, c2[i-2]-1)
				// The count at which this week's term lifts C3 to the threshold.
				j.Judged, j.Score, j.Expected = true, prev+math.Max(0, c-1), m
				j.Threshold = m + sd*(1+math.Max(0, e.threshold-prev))
			}
		}
		if j.Judged {
			j.Alarm = j.Score > e.threshold
			j.Score = clampScore(j.Score)
		}
		out[i] = j
	}
	return out, nil
}
