package detect

import (
	"math"
	"time"

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

// eventsPerCoef is how many concerns a baseline needs for each
// coefficient beyond the intercept (see judge).
const eventsPerCoef = 40

// calibration divides the posterior-predictive p-value before it is
// reported and compared with Alpha. The p-values
// are still somewhat too small at means near 1 a week (the dispersion and
// the mean are estimated, and the tail is convex in both), by about a
// third on the detect-bench calibration grid; this margin, measured there
// (see docs/detection.md), keeps the false-alarm rate at or below Alpha
// in every cell of the grid.
const calibration = 0.6

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
	d     *Detector
	weeks []time.Time
	y     []int
	yf    []float64 // y as float64
	// x holds every week's covariates, row j at x[j*stride:]: 1, the
	// sin/cos pairs, then the trend in years since the series' first week.
	// A model shape uses a prefix of the seasonal columns and, optionally,
	// the trend column, so rows are built once per series.
	x      []float64
	stride int
	w      []float64 // prior weights of the current baseline, by week
	mu     []float64 // fitted means of the current baseline, by week
	warm   map[shape][]float64
	row    []float64 // one shaped row, scratch
}

// shape names a model: how many seasonal columns, and whether it has a
// trend. The intercept is always column 0, the trend (when present) last.
type shape struct {
	nSeason int
	trend   bool
	// weighted marks the refit after the down-weighting: it is the same
	// model, but keeps its own warm start, since last week's weighted fit
	// is closer to this week's weighted fit than this week's unweighted
	// one is.
	weighted bool
}

func (sh shape) p() int {
	p := 1 + sh.nSeason
	if sh.trend {
		p++
	}
	return p
}

// maxP bounds the number of coefficients (1 + 2·4 harmonics + trend).
const maxP = 10

func newSeriesFit(d *Detector, weeks []time.Time, counts []int) *seriesFit {
	n := len(counts)
	h := d.cfg.Harmonics
	stride := 2*h + 2
	s := &seriesFit{
		d: d, weeks: weeks, y: counts,
		yf:     make([]float64, n),
		x:      make([]float64, n*stride),
		stride: stride,
		w:      make([]float64, n),
		mu:     make([]float64, n),
		warm:   make(map[shape][]float64, 4),
		row:    make([]float64, stride),
	}
	for j, wk := range weeks {
		s.yf[j] = float64(counts[j])
		yy, mm, dd := wk.Date()
		days := float64(time.Date(yy, mm, dd, 0, 0, 0, 0, time.UTC).Unix()) / 86400
		ang := 2 * math.Pi * days / 365.2425
		row := s.x[j*stride : (j+1)*stride]
		row[0] = 1
		for k := 0; k < h; k++ {
			row[1+2*k] = math.Sin(float64(k+1) * ang)
			row[2+2*k] = math.Cos(float64(k+1) * ang)
		}
		row[stride-1] = float64(j) / weeksPerYear
	}
	return s
}

// features returns week j's covariates for model shape sh. The slice is
// scratch, valid until the next call.
func (s *seriesFit) features(sh shape, j int) []float64 {
	full := s.x[j*s.stride : (j+1)*s.stride]
	if sh.nSeason == s.stride-2 && sh.trend {
		return full
	}
	x := s.row[:sh.p()]
	copy(x, full[:1+sh.nSeason])
	if sh.trend {
		x[sh.p()-1] = full[s.stride-1]
	}
	return x
}

// fitResult is a fitted baseline: coefficients, their covariance
// (dispersion included, p x p row-major) and the dispersion.
type fitResult struct {
	sh   shape
	beta []float64
	cov  []float64
	phi  float64
}

// cholesky factorises the p x p symmetric positive definite a (upper
// triangle read) in place into its lower factor L (a = L Lᵀ); ok is false
// when a is not positive definite. Hand-written because the models have at
// most maxP coefficients and a general library factorisation (with its
// condition estimate) cost more than the fit itself.
func cholesky(a []float64, p int) bool {
	for j := 0; j < p; j++ {
		d := a[j*p+j]
		for k := 0; k < j; k++ {
			d -= a[j*p+k] * a[j*p+k]
		}
		if !(d > 1e-12) {
			return false
		}
		d = math.Sqrt(d)
		a[j*p+j] = d
		for i := j + 1; i < p; i++ {
			v := a[j*p+i] // upper triangle holds the input
			for k := 0; k < j; k++ {
				v -= a[i*p+k] * a[j*p+k]
			}
			a[i*p+j] = v / d
		}
	}
	return true
}

// cholSolve solves L Lᵀ x = b in place in b.
func cholSolve(l []float64, p int, b []float64) {
	for i := 0; i < p; i++ {
		v := b[i]
		for k := 0; k < i; k++ {
			v -= l[i*p+k] * b[k]
		}
		b[i] = v / l[i*p+i]
	}
	for i := p - 1; i >= 0; i-- {
		v := b[i]
		for k := i + 1; k < p; k++ {
			v -= l[k*p+i] * b[k]
		}
		b[i] = v / l[i*p+i]
	}
}

// fit runs IRLS for a quasi-Poisson log-linear model on weeks [lo, hi) with
// prior weights s.w, leaving fitted means in s.mu. ok is false when the
// weighted normal equations were singular.
func (s *seriesFit) fit(sh shape, lo, hi int) (fitResult, bool) {
	p := sh.p()
	beta := make([]float64, p)
	if wb, ok := s.warm[sh]; ok {
		copy(beta, wb)
	} else {
		var sw, swy float64
		for j := lo; j < hi; j++ {
			sw += s.w[j]
			swy += s.w[j] * s.yf[j]
		}
		beta[0] = math.Log((swy + 0.5) / (sw + 1))
	}
	var a [maxP * maxP]float64
	var r [maxP]float64
	converged := false
	for iter := 0; iter < 50 && !converged; iter++ {
		a = [maxP * maxP]float64{}
		r = [maxP]float64{}
		for j := lo; j < hi; j++ {
			if s.w[j] == 0 {
				continue
			}
			x := s.features(sh, j)
			eta := 0.0
			for k, xk := range x {
				eta += xk * beta[k]
			}
			eta = max(-30, min(eta, 30))
			mu := math.Exp(eta)
			s.mu[j] = mu
			wt := s.w[j] * mu
			z := eta + (s.yf[j]-mu)/mu
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
		if !cholesky(a[:p*p], p) {
			return fitResult{}, false
		}
		cholSolve(a[:p*p], p, r[:p])
		// Newton steps converge quadratically: after a step below 5e-3 on
		// the log scale the next would be about 3e-5, so stop without
		// another pass over the weeks (the dominant cost, one exp a week).
		// s.mu then lags beta by that last small step, which only the
		// dispersion and the residuals of the down-weighting read.
		converged = true
		for k := range beta {
			if math.Abs(r[k]-beta[k]) > 5e-3 {
				converged = false
			}
			beta[k] = r[k]
		}
	}
	// Pearson dispersion (Noufaily et al.: phi >= 1), from the means of
	// the last iteration: the step since was below the tolerance, and
	// skipping a pass of exp saves a third of the work.
	var pearson, sw float64
	for j := lo; j < hi; j++ {
		if s.w[j] > 0 {
			d := s.yf[j] - s.mu[j]
			pearson += s.w[j] * d * d / s.mu[j]
			sw += s.w[j]
		}
	}
	phi := 1.0
	if sw-float64(p) > 1 {
		phi = math.Max(1, pearson/(sw-float64(p)))
	}
	// Covariance: phi (XᵀWX + ridge)⁻¹, column by column from the factor
	// of the last iteration.
	cov := make([]float64, p*p)
	var e [maxP]float64
	for c := 0; c < p; c++ {
		e = [maxP]float64{}
		e[c] = 1
		cholSolve(a[:p*p], p, e[:p])
		for k := 0; k < p; k++ {
			cov[k*p+c] = phi * e[k]
		}
	}
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

// predict returns the mean at week j and the variance of its log.
func (s *seriesFit) predict(fr fitResult, j int) (mu, varEta float64) {
	x := s.features(fr.sh, j)
	eta := 0.0
	for k, xk := range x {
		eta += xk * fr.beta[k]
	}
	return math.Exp(math.Max(-30, math.Min(eta, 30))), quadForm(fr.cov, x)
}

// quadForm is xᵀ C x for the len(x) x len(x) row-major C.
func quadForm(c, x []float64) float64 {
	p := len(x)
	var v float64
	for k := 0; k < p; k++ {
		var row float64
		for l := 0; l < p; l++ {
			row += c[k*p+l] * x[l]
		}
		v += x[k] * row
	}
	return v
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
	if sh.trend {
		// Sparse baselines get fewer coefficients: at least
		// eventsPerCoef concerns for each beyond the intercept. Two
		// harmonics and a trend fitted to 26 concerns follow the noise,
		// and the weeks where the fit dips then alarm far more often
		// than Alpha.
		k := ysum / eventsPerCoef
		switch {
		case k < 1:
			sh = shape{}
		case k < 3:
			sh = shape{trend: true}
		case k < 5:
			sh = shape{nSeason: min(2, sh.nSeason), trend: true}
		}
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
		fr, ok = s.fit(sh, lo, hi)
		phi0 := fr.phi
		if ok && s.reweight(fr, lo, hi) {
			wsh := sh
			wsh.weighted = true
			fr, ok = s.fit(wsh, lo, hi)
		}
		if ok && sh.trend {
			// Farrington's rule against extrapolating a noisy slope: drop
			// the trend when it predicts beyond anything seen in the
			// baseline. (Farrington also drops a trend that is not
			// significant at 5 %; the bench showed that a dropped real
			// trend biases the mean low, so the alarm rate exceeds Alpha,
			// while a kept one only widens the prediction.)
			if m, _ := s.predict(fr, i); m > float64(ymax) {
				fr, ok = s.fit(shape{nSeason: sh.nSeason, weighted: fr.sh.weighted}, lo, hi)
			}
		}
		if ok {
			// Dispersion: the larger of the estimates before and after the
			// down-weighting (down-weighting the high weeks of a series
			// with no spike lowers phi and so the threshold), shrunk
			// towards PhiPrior with the weight of PhiPriorEvents expected
			// concerns: with a few dozen concerns in the baseline the
			// Pearson estimate is mostly low and now and then far too
			// high, and at means of 0.1 a week a phi of 1 instead of 2
			// turns a 0.5 % tail into 2 %.
			ph := math.Max(fr.phi, math.Sqrt(fr.phi*phi0))
			if c := s.d.cfg.PhiPriorEvents; c > 0 {
				var e float64
				for k := lo; k < hi; k++ {
					e += s.mu[k]
				}
				ph = (e*ph + c*s.d.cfg.PhiPrior) / (e + c)
			}
			scale := ph / fr.phi
			for k := range fr.cov {
				fr.cov[k] *= scale
			}
			fr.phi = ph
		}
		if ok {
			fitted = true
			var ve float64
			mu, ve = s.predict(fr, i)
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
	if fitted && p1 < 0.05 {
		// Posterior-predictive tail, only where it can matter.
		var e float64
		for k := lo; k < hi; k++ {
			e += s.mu[k]
		}
		df := math.Max(float64(n-fr.sh.p()), 1)
		p1 = s.ppTail(s.y[i], mu, phi, math.Max(predVar-phi*mu, 0)/(mu*mu), 2/df+1/math.Max(e, 1))
	}
	p := p1
	if cfg.WindowWeeks > 1 && fitted && guard >= cfg.WindowWeeks-1 && float64(s.y[i]) > mu {
		// Surge test: the last WindowWeeks weeks summed, against the sum of
		// their predictions; its variance adds phi per unit mean and the
		// coefficient uncertainty of the summed prediction.
		var m float64
		var obs int
		g := make([]float64, fr.sh.p())
		for k := i - cfg.WindowWeeks + 1; k <= i; k++ {
			mk, _ := s.predict(fr, k)
			m += mk
			obs += s.y[k]
			for c, xc := range s.features(fr.sh, k) {
				g[c] += mk * xc
			}
		}
		v := phi*m + quadForm(fr.cov, g)
		p2 := upperTail(obs, m, nbSize(m, v))
		p = math.Min(1, 2*math.Min(p1, p2))
	} else if cfg.WindowWeeks > 1 {
		p = math.Min(1, 2*p1)
	}
	p = math.Min(1, p/calibration)
	j.Judged = true
	j.Expected = mu
	j.PValue = p
	j.Score = clampScore(-distuv.UnitNormal.Quantile(math.Max(p, 1e-300)))
	if s.y[i] < cfg.MinCount {
		// A week that cannot alarm scores at most 0, so that ranking
		// weeks by score (moving a cut-off) agrees with the alarm rule.
		j.Score = math.Min(j.Score, 0)
	}
	a := cfg.Alpha * calibration
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

// Gauss-Hermite nodes and weights (probabilists', 5 points) for E f(Z),
// Z standard normal.
var ghX = [5]float64{-2.8569700138728056, -1.3556261799742659, 0, 1.3556261799742659, 2.8569700138728056}
var ghW = [5]float64{0.011257411327720691, 0.2220759220056126, 0.5333333333333333, 0.2220759220056126, 0.011257411327720691}

// Three-point Gauss-Hermite rule for the dispersion.
var gh3X = [3]float64{-1.7320508075688772, 0, 1.7320508075688772}
var gh3W = [3]float64{1.0 / 6, 2.0 / 3, 1.0 / 6}

// ppTail is the posterior-predictive P(Y >= y): the negative binomial tail
// with variance phi·m averaged over log m ~ N(log mu, varEta) and over
// log phi ~ N(log phî, varLogPhi).
func (s *seriesFit) ppTail(y int, mu, phi, varEta, varLogPhi float64) float64 {
	sd := math.Sqrt(varEta)
	sp := math.Sqrt(varLogPhi)
	var p float64
	for a, zp := range gh3X {
		ph := math.Max(1, phi*math.Exp(zp*sp-varLogPhi/2))
		for k, z := range ghX {
			m := mu * math.Exp(z*sd-varEta/2)
			r := math.Inf(1)
			if ph > 1+1e-9 {
				r = m / (ph - 1)
			}
			p += gh3W[a] * ghW[k] * upperTail(y, m, r)
		}
	}
	return p
}
