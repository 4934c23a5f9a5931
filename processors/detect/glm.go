package detect

import (
	"math"
	"time"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// weeksPerYear is the mean length of a year in weeks; trend slopes are per
// year of this length.
const weeksPerYear = 365.2425 / 7

// ridge is the precision of a weak Gaussian prior (sd 1 on the log scale)
// on every coefficient but the intercept. It costs nothing on busy series
// and keeps sparse ones (a theme raised only in summers) from driving a
// seasonal coefficient to infinity, which a plain IRLS fit would.
const ridge = 1.0

// trendZ is the Wald z a trend needs to stay in the model (Farrington et
// al. 1996 keep the trend only when significant at 5%).
const trendZ = 1.96

// Detector is the negative-binomial GLM spike detector described in the
// package documentation. It holds only its configuration and is safe for
// concurrent use.
type Detector struct {
	cfg    Config
	zAlpha float64 // -Φ⁻¹(Alpha): the score at which a week alarms
}

// New validates cfg and returns a detector.
func New(cfg Config) (*Detector, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Detector{cfg: cfg, zAlpha: -distuv.UnitNormal.Quantile(cfg.Alpha)}, nil
}

// Name implements Method.
func (d *Detector) Name() string { return "nbglm" }

// Config returns the configuration the detector was built with.
func (d *Detector) Config() Config { return d.cfg }

// Judge judges every week of one contiguous weekly series using only data
// up to that week: week i's model is fitted on weeks before i minus the
// guard band, exactly as it would have been fitted online at week i, so the
// result for week i never changes when later weeks are appended. Weeks with
// fewer than MinHistoryWeeks past weeks come back with Judged false. It
// returns a *SeriesError when the series breaks the contract.
func (d *Detector) Judge(weeks []time.Time, counts []int) ([]Judgement, error) {
	if err := checkSeries(weeks, counts); err != nil {
		return nil, err
	}
	s := newSeriesFit(d, weeks, counts)
	out := make([]Judgement, len(counts))
	for i := range counts {
		out[i] = s.judge(i)
	}
	return out, nil
}

// JudgeFrom is Judge for the weeks from index from on: earlier weeks come
// back unjudged (Judged false). Each judged week is the same as Judge's,
// since every week's fit uses only the weeks before it.
func (d *Detector) JudgeFrom(weeks []time.Time, counts []int, from int) ([]Judgement, error) {
	if err := checkSeries(weeks, counts); err != nil {
		return nil, err
	}
	s := newSeriesFit(d, weeks, counts)
	out := make([]Judgement, len(counts))
	for i := range counts {
		if i < from {
			out[i] = Judgement{WeekStart: weeks[i], Count: counts[i]}
			continue
		}
		out[i] = s.judge(i)
	}
	return out, nil
}

// JudgeLast judges only the last week of the series, as the online alerter
// does on a schedule; it equals the last element of Judge's result.
func (d *Detector) JudgeLast(weeks []time.Time, counts []int) (Judgement, error) {
	if err := checkSeries(weeks, counts); err != nil {
		return Judgement{}, err
	}
	if len(counts) == 0 {
		return Judgement{}, &SeriesError{Index: -1, Reason: "no weeks"}
	}
	s := newSeriesFit(d, weeks, counts)
	return s.judge(len(counts) - 1), nil
}

// seriesFit holds one series and the scratch space of its fits. Warm
// starts (each model shape remembers the last week's coefficients) make a
// whole-series Judge converge in two or three IRLS steps a week.
type seriesFit struct {
	d      *Detector
	weeks  []time.Time
	y      []int
	season [][]float64 // season[j] = sin/cos pairs for week j
	w      []float64   // prior weights of the current baseline, by week
	mu     []float64   // fitted means of the current baseline, by week
	warm   map[shape][]float64
	x      []float64 // features scratch
}

// shape names a model: how many seasonal columns, and whether it has a
// trend. The intercept is always column 0, the trend (when present) last.
type shape struct {
	nSeason int
	trend   bool
}

func (sh shape) p() int {
	p := 1 + sh.nSeason
	if sh.trend {
		p++
	}
	return p
}

func newSeriesFit(d *Detector, weeks []time.Time, counts []int) *seriesFit {
	n := len(counts)
	h := d.cfg.Harmonics
	s := &seriesFit{
		d: d, weeks: weeks, y: counts,
		season: make([][]float64, n),
		w:      make([]float64, n),
		mu:     make([]float64, n),
		warm:   make(map[shape][]float64, 4),
		x:      make([]float64, 2*h+2),
	}
	flat := make([]float64, n*2*h)
	for j, wk := range weeks {
		yy, mm, dd := wk.Date()
		days := float64(time.Date(yy, mm, dd, 0, 0, 0, 0, time.UTC).Unix()) / 86400
		ang := 2 * math.Pi * days / 365.2425
		row := flat[j*2*h : (j+1)*2*h]
		for k := 0; k < h; k++ {
			row[2*k] = math.Sin(float64(k+1) * ang)
			row[2*k+1] = math.Cos(float64(k+1) * ang)
		}
		s.season[j] = row
	}
	return s
}

// features fills s.x with week j's covariates for a model fitted for the
// judged week i. The trend is in years relative to week i, so that the
// intercept is the log level at the judged week and warm starts carry over
// from one week to the next.
func (s *seriesFit) features(sh shape, j, i int) []float64 {
	x := s.x[:sh.p()]
	x[0] = 1
	copy(x[1:1+sh.nSeason], s.season[j][:sh.nSeason])
	if sh.trend {
		x[sh.p()-1] = float64(j-i) / weeksPerYear
	}
	return x
}

// fitResult is a fitted baseline: coefficients, their covariance
// (dispersion included) and the dispersion.
type fitResult struct {
	sh   shape
	beta []float64
	cov  *mat.SymDense
	phi  float64
}

// fit runs IRLS for a quasi-Poisson log-linear model on weeks [lo, hi) with
// prior weights s.w, leaving fitted means in s.mu. ok is false when the
// weighted normal equations were singular.
func (s *seriesFit) fit(sh shape, lo, hi, i int) (fitResult, bool) {
	p := sh.p()
	beta := make([]float64, p)
	if wb, ok := s.warm[sh]; ok {
		copy(beta, wb)
	} else {
		var sw, swy float64
		for j := lo; j < hi; j++ {
			sw += s.w[j]
			swy += s.w[j] * float64(s.y[j])
		}
		beta[0] = math.Log((swy + 0.5) / (sw + 1))
	}
	xtwx := mat.NewSymDense(p, nil)
	rhs := mat.NewVecDense(p, nil)
	sol := mat.NewVecDense(p, nil)
	var chol mat.Cholesky
	converged := false
	for iter := 0; iter < 50 && !converged; iter++ {
		xtwx.Zero()
		rhs.Zero()
		a := xtwx.RawSymmetric().Data
		r := rhs.RawVector().Data
		for j := lo; j < hi; j++ {
			x := s.features(sh, j, i)
			eta := 0.0
			for k, xk := range x {
				eta += xk * beta[k]
			}
			eta = max(-30, min(eta, 30))
			mu := math.Exp(eta)
			s.mu[j] = mu
			wt := s.w[j] * mu
			z := eta + (float64(s.y[j])-mu)/mu
			for k := 0; k < p; k++ {
				wk := wt * x[k]
				r[k] += wk * z
				for l := k; l < p; l++ {
					a[k*p+l] += wk * x[l]
				}
			}
		}
		for k := 1; k < p; k++ {
			a[k*p+k] += ridge
		}
		if !chol.Factorize(xtwx) {
			return fitResult{}, false
		}
		if err := chol.SolveVecTo(sol, rhs); err != nil {
			return fitResult{}, false
		}
		converged = true
		for k := range beta {
			nb := sol.AtVec(k)
			if math.Abs(nb-beta[k]) > 1e-6 {
				converged = false
			}
			beta[k] = nb
		}
	}
	// Pearson dispersion (Noufaily et al.: phi >= 1), from the means of
	// the last iteration: the step since was below the tolerance, and
	// skipping a pass of exp saves a third of the work.
	var pearson, sw float64
	for j := lo; j < hi; j++ {
		if s.w[j] > 0 {
			d := float64(s.y[j]) - s.mu[j]
			pearson += s.w[j] * d * d / s.mu[j]
			sw += s.w[j]
		}
	}
	phi := 1.0
	if sw-float64(p) > 1 {
		phi = math.Max(1, pearson/(sw-float64(p)))
	}
	cov := mat.NewSymDense(p, nil)
	if err := chol.InverseTo(cov); err != nil {
		return fitResult{}, false
	}
	cov.ScaleSym(phi, cov)
	s.warm[sh] = append(s.warm[sh][:0], beta...)
	return fitResult{sh: sh, beta: beta, cov: cov, phi: phi}, true
}

// reweight sets Noufaily et al.'s weights from the current fit: weeks whose
// standardised Anscombe residual exceeds ReweightZ get weight s⁻², the
// others 1, then all are scaled to sum to the number of weeks. Past spikes
// so stop inflating the baseline that should catch the next one.
func (s *seriesFit) reweight(fr fitResult, lo, hi int) (changed bool) {
	n := float64(hi - lo)
	h := float64(fr.sh.p()) / n // mean leverage, standing in for h_jj
	den := math.Sqrt(fr.phi * math.Max(1-h, 0.1))
	var sum float64
	for j := lo; j < hi; j++ {
		w := 1.0
		if y := float64(s.y[j]); y > s.mu[j] {
			// r = 3/2 (y^(2/3) - mu^(2/3)) / mu^(1/6), with cube roots
			// (much cheaper than math.Pow).
			c := math.Cbrt(s.mu[j])
			cy := math.Cbrt(y)
			r := 1.5 * (cy*cy - c*c) / math.Sqrt(c) / den
			if r > s.d.cfg.ReweightZ {
				w = 1 / (r * r)
				changed = true
			}
		}
		s.w[j] = w
		sum += w
	}
	g := n / sum
	for j := lo; j < hi; j++ {
		s.w[j] *= g
	}
	return changed
}

// predict returns the mean at week j and the variance of its log, for a
// model fitted for judged week i.
func (s *seriesFit) predict(fr fitResult, j, i int) (mu, varEta float64) {
	x := s.features(fr.sh, j, i)
	eta := 0.0
	for k, xk := range x {
		eta += xk * fr.beta[k]
	}
	xv := mat.NewVecDense(len(x), append([]float64(nil), x...))
	varEta = mat.Inner(xv, fr.cov, xv)
	return math.Exp(math.Max(-30, math.Min(eta, 30))), varEta
}

// judge judges week i.
func (s *seriesFit) judge(i int) Judgement {
	cfg := s.d.cfg
	j := Judgement{WeekStart: s.weeks[i], Count: s.y[i]}
	if i < cfg.MinHistoryWeeks {
		return j
	}
	// The guard shrinks on short histories so that MinHistoryWeeks weeks
	// are always fitted; the surge test then needs the full guard.
	guard := min(cfg.GuardWeeks, i-cfg.MinHistoryWeeks)
	hi := i - guard
	lo := max(0, hi-cfg.BaselineYears*52)
	sh := shape{}
	if hi-lo >= cfg.SeasonalMinWeeks {
		sh = shape{nSeason: 2 * cfg.Harmonics, trend: true}
	} else {
		lo = max(0, hi-52)
	}
	n := hi - lo
	ymax, ysum := 0, 0
	for k := lo; k < hi; k++ {
		s.w[k] = 1
		ymax = max(ymax, s.y[k])
		ysum += s.y[k]
	}
	// Expected count floor: the posterior mean under a Jeffreys prior after
	// n weeks with no concern, so an all-zero baseline still gives a finite
	// tail probability instead of treating any count as infinitely unusual.
	floor := 0.5 / float64(n)

	var mu, predVar, phi float64
	var fr fitResult
	fitted := false
	if ysum > 0 {
		var ok bool
		fr, ok = s.fit(sh, lo, hi, i)
		if ok && s.reweight(fr, lo, hi) {
			fr, ok = s.fit(sh, lo, hi, i)
		}
		if ok && sh.trend {
			// Farrington's rule: keep the trend only when significant and
			// when it does not predict beyond anything seen in the baseline.
			p := sh.p()
			b, se := fr.beta[p-1], math.Sqrt(fr.cov.At(p-1, p-1))
			m, _ := s.predict(fr, i, i)
			if math.Abs(b) < trendZ*se || m > float64(ymax) {
				fr, ok = s.fit(shape{nSeason: sh.nSeason}, lo, hi, i)
			}
		}
		if ok {
			fitted = true
			var ve float64
			mu, ve = s.predict(fr, i, i)
			phi = fr.phi
			predVar = phi*mu + mu*mu*ve
		} else {
			// Singular fit: fall back to the weighted mean.
			mu, phi = float64(ysum)/float64(n), 1
			predVar = mu
		}
	}
	if mu < floor {
		mu, phi, predVar = floor, 1, floor
	}
	size := nbSize(mu, predVar)
	p1 := upperTail(s.y[i], mu, size)
	p := p1
	if cfg.WindowWeeks > 1 && fitted && guard >= cfg.WindowWeeks-1 && float64(s.y[i]) > mu {
		// Surge test: the last WindowWeeks weeks summed, against the sum of
		// their predictions; its variance adds phi per unit mean and the
		// coefficient uncertainty of the summed prediction.
		var m float64
		var obs int
		g := make([]float64, fr.sh.p())
		for k := i - cfg.WindowWeeks + 1; k <= i; k++ {
			mk, _ := s.predict(fr, k, i)
			m += mk
			obs += s.y[k]
			for c, xc := range s.features(fr.sh, k, i) {
				g[c] += mk * xc
			}
		}
		gv := mat.NewVecDense(len(g), g)
		v := phi*m + mat.Inner(gv, fr.cov, gv)
		p2 := upperTail(obs, m, nbSize(m, v))
		p = math.Min(1, 2*math.Min(p1, p2))
	} else if cfg.WindowWeeks > 1 {
		p = math.Min(1, 2*p1)
	}
	j.Judged = true
	j.Expected = mu
	j.PValue = p
	j.Score = clampScore(-distuv.UnitNormal.Quantile(math.Max(p, 1e-300)))
	a := cfg.Alpha
	if cfg.WindowWeeks > 1 {
		a /= 2
	}
	j.Threshold = float64(quantileAbove(mu, size, a))
	j.Alarm = p <= cfg.Alpha && s.y[i] >= cfg.MinCount
	return j
}

// nbSize returns the negative binomial size r whose variance mu + mu²/r
// equals v, or +Inf (Poisson) when v does not exceed the mean.
func nbSize(mu, v float64) float64 {
	if v <= mu*(1+1e-9) {
		return math.Inf(1)
	}
	return mu * mu / (v - mu)
}

// upperTail is P(Y >= y) for Y negative binomial with mean mu and size r
// (Poisson when r is +Inf), from the regularised incomplete beta and gamma
// functions so that far tails keep their precision.
func upperTail(y int, mu, r float64) float64 {
	if y <= 0 {
		return 1
	}
	if math.IsInf(r, 1) {
		return mathext.GammaIncReg(float64(y), mu)
	}
	return mathext.RegIncBeta(float64(y), r, mu/(r+mu))
}

// quantileAbove returns the smallest q with P(Y > q) <= a: a count above q
// is in the upper a tail.
func quantileAbove(mu, r, a float64) int {
	q := int(mu)
	for q > 0 && upperTail(q, mu, r) <= a {
		q--
	}
	for upperTail(q+1, mu, r) > a {
		q++
		if q > 1<<20 { // unreachable for finite mu; keeps a NaN from looping
			break
		}
	}
	return q
}
