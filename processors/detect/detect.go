package detect

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"time"
)

// Config tunes the negative-binomial GLM detector. Flag defaults
// (RegisterFlags) equal DefaultConfig; Validate is called by New.
type Config struct {
	// Alpha is the target false-alarm rate per judged week: a week alarms
	// when its count is in the upper Alpha tail of the predictive
	// distribution; at 0.005 a quiet series raises about one false alarm
	// every four years. Default 0.005.
	Alpha float64 `yaml:"alpha"`
	// BaselineYears is how many years of past weeks the model is fitted on
	// at most (Noufaily et al. use b = 5; on the bench 4 detects as much as
	// 5 and 3 less, and each year costs a fifth more time). Default 4.
	BaselineYears int `yaml:"baseline_years"`
	// GuardWeeks is how many weeks just before the judged week are left out
	// of the fit, so that a surge that has been building for a few weeks
	// does not raise its own baseline. Must be >= WindowWeeks-1. Default 3.
	GuardWeeks int `yaml:"guard_weeks"`
	// MinHistoryWeeks is how many past weeks a week needs before it is
	// judged at all. Default 8.
	MinHistoryWeeks int `yaml:"min_history_weeks"`
	// SeasonalMinWeeks is how many baseline weeks are needed before the
	// seasonal harmonics and the trend are fitted; below it the detector
	// falls back to a robust (down-weighted) mean of the last year. Two
	// years, so that a season is seen twice and not confused with a trend.
	// Default 104.
	SeasonalMinWeeks int `yaml:"seasonal_min_weeks"`
	// Harmonics is the number of annual sine/cosine pairs; sparse
	// baselines use fewer (see the package documentation). Default 2.
	Harmonics int `yaml:"harmonics"`
	// WindowWeeks, when > 1, adds a second test on the sum of the last
	// WindowWeeks weeks against its expected sum, for surges that build
	// over weeks; the two tests share Alpha (Bonferroni). 1 disables it.
	// Default 2: on the Noufaily-design bench a 2-week sum found more
	// spikes than the shared Alpha lost, a 3-week sum fewer.
	WindowWeeks int `yaml:"window_weeks"`
	// MinCount is the smallest count that may alarm: a single concern in a
	// ward that never sees the theme is improbable but not news. Default 2.
	MinCount int `yaml:"min_count"`
	// ReweightZ is the standardised Anscombe residual above which a past
	// week is down-weighted as a probable past spike (Noufaily et al.
	// 2013: 2.58). Default 2.58.
	ReweightZ float64 `yaml:"reweight_z"`
	// PhiPrior is the dispersion (variance/mean) that a series' own
	// estimate is shrunk towards, with the weight of PhiPriorEvents
	// concerns: a series with E expected concerns in its baseline uses
	// (E·phî + PhiPriorEvents·PhiPrior)/(E + PhiPriorEvents). Sparse series
	// cannot estimate their dispersion, and underestimating it is what
	// makes a detector alarm more often than Alpha. Defaults 2 and 30.
	PhiPrior       float64 `yaml:"phi_prior"`
	PhiPriorEvents float64 `yaml:"phi_prior_events"`
	// FDR is the false-discovery rate of the force tier: of the alarms of
	// one week across all the series judged together (a force's ward x
	// theme series), those that survive a Benjamini-Hochberg step at this
	// rate form the force tier (critical alerts; the tier column of
	// alarms.csv). The per-series Alpha still decides every alarm; FDR
	// bounds what reaches the whole force. Default 0.05.
	FDR float64 `yaml:"fdr"`
}

// DefaultConfig returns the defaults that RegisterFlags installs.
func DefaultConfig() Config {
	return Config{
		Alpha:            0.005,
		BaselineYears:    4,
		GuardWeeks:       3,
		MinHistoryWeeks:  8,
		SeasonalMinWeeks: 104,
		Harmonics:        2,
		WindowWeeks:      2,
		MinCount:         2,
		ReweightZ:        2.58,
		FDR:              0.05,
		PhiPrior:         2,
		PhiPriorEvents:   30,
	}
}

// RegisterFlags registers the detector's flags on fs with DefaultConfig's
// values as defaults.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	d := DefaultConfig()
	fs.Float64Var(&c.Alpha, "detect.alpha", d.Alpha, "target false-alarm rate per judged week")
	fs.IntVar(&c.BaselineYears, "detect.baseline-years", d.BaselineYears, "years of past weeks the model is fitted on")
	fs.IntVar(&c.GuardWeeks, "detect.guard-weeks", d.GuardWeeks, "recent weeks left out of the fit (>= window-weeks - 1)")
	fs.IntVar(&c.MinHistoryWeeks, "detect.min-history-weeks", d.MinHistoryWeeks, "past weeks needed before a week is judged")
	fs.IntVar(&c.SeasonalMinWeeks, "detect.seasonal-min-weeks", d.SeasonalMinWeeks, "baseline weeks needed before seasonality and trend are fitted")
	fs.IntVar(&c.Harmonics, "detect.harmonics", d.Harmonics, "annual sine/cosine pairs in the model")
	fs.IntVar(&c.WindowWeeks, "detect.window-weeks", d.WindowWeeks, "weeks summed by the surge test (1 disables it)")
	fs.IntVar(&c.MinCount, "detect.min-count", d.MinCount, "smallest weekly count that may alarm")
	fs.Float64Var(&c.ReweightZ, "detect.reweight-z", d.ReweightZ, "Anscombe residual above which past weeks are down-weighted")
	fs.Float64Var(&c.PhiPrior, "detect.phi-prior", d.PhiPrior, "dispersion sparse series are shrunk towards")
	fs.Float64Var(&c.PhiPriorEvents, "detect.phi-prior-events", d.PhiPriorEvents, "weight of the dispersion prior, in expected concerns (0: none)")
	fs.Float64Var(&c.FDR, "detect.fdr", d.FDR, "false-discovery rate of the force tier over each week's series")
}

// Validate reports every invalid field at once.
func (c Config) Validate() error {
	var errs []error
	if !(c.Alpha > 0 && c.Alpha < 0.5) {
		errs = append(errs, fmt.Errorf("alpha %v: must be in (0, 0.5)", c.Alpha))
	}
	if c.BaselineYears < 1 || c.BaselineYears > 20 {
		errs = append(errs, fmt.Errorf("baseline years %d: must be in [1, 20]", c.BaselineYears))
	}
	if c.WindowWeeks < 1 || c.WindowWeeks > 8 {
		errs = append(errs, fmt.Errorf("window weeks %d: must be in [1, 8]", c.WindowWeeks))
	}
	if c.GuardWeeks < 0 || c.GuardWeeks > 52 {
		errs = append(errs, fmt.Errorf("guard weeks %d: must be in [0, 52]", c.GuardWeeks))
	} else if c.GuardWeeks < c.WindowWeeks-1 {
		errs = append(errs, fmt.Errorf("guard weeks %d: must be >= window weeks - 1 (%d) so the summed weeks stay out of the fit", c.GuardWeeks, c.WindowWeeks-1))
	}
	if c.MinHistoryWeeks < 4 {
		errs = append(errs, fmt.Errorf("min history weeks %d: must be >= 4", c.MinHistoryWeeks))
	}
	if c.SeasonalMinWeeks < 52 {
		errs = append(errs, fmt.Errorf("seasonal min weeks %d: must be >= 52", c.SeasonalMinWeeks))
	}
	if c.Harmonics < 0 || c.Harmonics > 4 {
		errs = append(errs, fmt.Errorf("harmonics %d: must be in [0, 4]", c.Harmonics))
	}
	if c.MinCount < 1 {
		errs = append(errs, fmt.Errorf("min count %d: must be >= 1", c.MinCount))
	}
	if !(c.PhiPrior >= 1) || c.PhiPriorEvents < 0 {
		errs = append(errs, fmt.Errorf("phi prior %v with %v events: want a prior >= 1 and events >= 0", c.PhiPrior, c.PhiPriorEvents))
	}
	if !(c.FDR > 0 && c.FDR < 1) {
		errs = append(errs, fmt.Errorf("fdr %v: must be in (0, 1)", c.FDR))
	}
	if !(c.ReweightZ > 1) {
		errs = append(errs, fmt.Errorf("reweight z %v: must be > 1", c.ReweightZ))
	}
	if len(errs) > 0 {
		return fmt.Errorf("validating detect config: %w", errors.Join(errs...))
	}
	return nil
}

// Judgement is one method's verdict on one week.
type Judgement struct {
	WeekStart time.Time
	Count     int
	// Judged is false when the method had too little history to judge the
	// week; the other fields are then zero.
	Judged bool
	Alarm  bool
	// Score grows with the evidence of a spike. For the GLM detector it is
	// the upper-tail p-value turned into a standard normal deviate
	// (-Φ⁻¹(PValue)), so 2.58 is p = 0.005, capped at 0 for weeks below
	// MinCount (which cannot alarm), so a cut-off on Score ranks weeks as
	// the alarm rule does; for EARS it is the C statistic.
	Score float64
	// Expected is the baseline mean for this week.
	Expected float64
	// Threshold is the count above which this week alone alarms, for EARS
	// C1/C2 exactly (alarm iff Count > Threshold). For the GLM detector it
	// is the plug-in negative binomial quantile, a guide for a reader: the
	// alarm decision uses the posterior-predictive p-value, which is wider
	// on sparse series and can need a count one or two above it, and the
	// surge test can alarm below it.
	Threshold float64
	// PValue is the GLM detector's upper-tail p-value, already corrected for
	// its two tests; Alarm == Judged && PValue <= Alpha && Count >= MinCount.
	// EARS methods leave it at 0.
	PValue float64
	// QValue and Tier are set by ForceTier, over all the series judged
	// together: the week's Benjamini-Hochberg q-value and TierForce or
	// TierWard for an alarm ("" otherwise). Judge leaves them zero.
	QValue float64
	Tier   string
}

// Method is what the benchmark and the CLI run: the GLM detector and the
// EARS C1/C2/C3 peers all implement it. Implementations are safe for
// concurrent use.
type Method interface {
	Name() string
	// Judge judges every week of one contiguous weekly series using only
	// the data up to (and including) that week.
	Judge(weeks []time.Time, counts []int) ([]Judgement, error)
}

// checkSeries enforces the Judge contract: same length, consecutive weeks
// exactly 7 calendar days apart, non-negative counts.
func checkSeries(weeks []time.Time, counts []int) error {
	if len(weeks) != len(counts) {
		return &SeriesError{Index: -1, Reason: fmt.Sprintf("%d weeks but %d counts", len(weeks), len(counts))}
	}
	for i := range weeks {
		if counts[i] < 0 {
			return &SeriesError{Index: i, Reason: fmt.Sprintf("negative count %d", counts[i])}
		}
		if i > 0 {
			y1, m1, d1 := weeks[i-1].AddDate(0, 0, 7).Date()
			y2, m2, d2 := weeks[i].Date()
			if y1 != y2 || m1 != m2 || d1 != d2 {
				return &SeriesError{Index: i, Reason: fmt.Sprintf("%s is not 7 days after %s", weeks[i].Format(time.DateOnly), weeks[i-1].Format(time.DateOnly))}
			}
		}
	}
	return nil
}

// clampScore keeps scores finite so they print and sort sanely.
func clampScore(s float64) float64 {
	switch {
	case math.IsNaN(s):
		return 0
	case s > 99:
		return 99
	case s < -99:
		return -99
	}
	return s
}

// Weekly turns sparse weekly counts (keyed by Monday) into the contiguous
// series Judge takes, from first (the alerter passes the ward's first week,
// so a theme new to a ward can alarm; zero: the series' own first week) or
// the series' own first week if earlier, to current.
func Weekly(m map[time.Time]int, first, current time.Time) ([]time.Time, []int) {
	if first.IsZero() || first.After(current) {
		first = current
	}
	for w := range m {
		if w.Before(first) {
			first = w
		}
	}
	var weeks []time.Time
	var counts []int
	for w := first; !w.After(current); w = w.AddDate(0, 0, 7) {
		weeks = append(weeks, w)
		counts = append(counts, m[w])
	}
	return weeks, counts
}
