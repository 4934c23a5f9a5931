package sim

import (
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/stretchr/testify/require"
)

// TestCeilingFollowUp bounds, on tuning seed 1, what issue 19's untried
// ideas could add, before building them into the detector:
//
//   - a pooled baseline across the wards of a theme can at best tell each
//     ward its true seasonal and trend shape; "shape" below knows it
//     exactly and estimates only the ward's scale from its own last four
//     years (weeks t-211..t-4, the detector's window and guard), the limit
//     of a pooled baseline over infinitely many wards;
//   - "+pp" carries the scale's uncertainty into the threshold
//     (posterior-predictive: a gamma posterior on the scale widens the
//     negative binomial);
//   - "+robust" down-weights past weeks whose residual exceeds 2.58
//     (Noufaily's rule), "+exclude" drops the true past spike weeks (a
//     perfect down-weighting);
//   - "cusum" combines the one-week test with a negative-binomial CUSUM
//     for a shift of delta baseline sds a week: first on one evidence
//     scale (max of the one-week z and c times the CUSUM), then
//     calibrated (the CUSUM's own null tail, simulated or bounded by
//     exp(-S), and the smaller p-value), plain, restarted after a week
//     that would alarm, counted only while the week is high, and
//     windowed (no state); the cut-off moved to FPR 0.005 as the bench
//     does for every method.
//
// The figures are logged for docs/detection.md and pinned loosely.
func TestCeilingFollowUp(t *testing.T) {
	cfg := BenchConfig{Series: 540, Seed: ceilingSeed}
	cfg.defaults()
	sc := cfg.simConfig()
	var series []Series
	for i := range cfg.Series {
		series = append(series, Simulate(sc, cfg.Seed, i))
	}
	z := func(p float64) float64 {
		p = math.Max(p, 1e-300)
		return -distuv.UnitNormal.Quantile(math.Min(p, 1-1e-16))
	}
	run := func(name string, ev func(s Series) []float64) float64 {
		var ms methodSeries
		for _, s := range series {
			addEvidence(&ms, s, ev(s), cfg.ScoreFrom)
		}
		o := atFPR(ms, 0.005)
		t.Logf("%-40s POD at FPR 0.005: %.3f  weeks %.3f  by mean %v", name, o.POD, o.Sensitivity, cells(o.ByMean))
		return o.POD
	}
	oracle := run("oracle (true mean, phi)", func(s Series) []float64 {
		e := make([]float64, len(s.Counts))
		for w := range e {
			e[w] = z(nbTail(s.Counts[w], s.Mean[w], s.Phi))
		}
		return e
	})
	// shape: the true shape, the ward's scale from its own past.
	shape := func(pp, robust, exclude bool, phiOf func(Series) float64) func(s Series) []float64 {
		return func(s Series) []float64 {
			phi := phiOf(s)
			e := make([]float64, len(s.Counts))
			for w := range e {
				lo, hi := max(0, w-4*52), w-3 // guard 3 weeks
				if hi-lo < 52 {
					e[w] = math.Inf(-1)
					continue
				}
				var sy, sm float64
				for k := lo; k < hi; k++ {
					if exclude && s.InSpike[k] >= 0 {
						continue
					}
					sy += float64(s.Counts[k])
					sm += s.Mean[k]
				}
				r := (sy + 0.5) / sm
				if robust {
					// two passes of Noufaily's reweighting on the scale
					for range 2 {
						var wy, wm float64
						for k := lo; k < hi; k++ {
							m := s.Mean[k] * r
							res := (float64(s.Counts[k]) - m) / math.Sqrt(phi*m)
							wt := 1.0
							if res > 2.58 {
								wt = 1 / (res * res)
							}
							wy += wt * float64(s.Counts[k])
							wm += wt * s.Mean[k]
						}
						r = (wy + 0.5) / wm
					}
				}
				m := s.Mean[w] * r
				p := phi
				if pp {
					// Var(r) of a gamma posterior with quasi-likelihood phi:
					// r·phi/sm; the predictive variance phi·m + m²·Var(r).
					p = phi + m*phi/sm
				}
				e[w] = z(nbTail(s.Counts[w], m, p))
			}
			return e
		}
	}
	truePhi := func(s Series) float64 { return s.Phi }
	prior := func(Series) float64 { return 2 }
	// The figures docs/detection.md quotes, pinned on the fixed seed.
	pin := func(quoted, got float64, what string) {
		if ceilingSeed == 1 {
			require.InDelta(t, quoted, got, 0.0015, "%s: POD at FPR 0.005", what)
		}
	}
	pin(0.340, oracle, "oracle")
	pin(0.342, run("shape (true shape, own scale)", shape(false, false, false, truePhi)), "shape")
	pin(0.343, run("shape +pp", shape(true, false, false, truePhi)), "shape +pp")
	pin(0.324, run("shape +pp +robust", shape(true, true, false, truePhi)), "shape +pp +robust")
	pin(0.342, run("shape +pp +exclude", shape(true, false, true, truePhi)), "shape +pp +exclude")
	pin(0.281, run("shape +pp +robust, phi = prior 2", shape(true, true, false, prior)), "shape, phi prior")

	cusum := func(delta, c float64) func(s Series) []float64 {
		return func(s Series) []float64 {
			e := make([]float64, len(s.Counts))
			var S float64
			for w := range e {
				mu0, phi := s.Mean[w], s.Phi
				mu1 := mu0 + delta*math.Sqrt(phi*mu0)
				y := float64(s.Counts[w])
				var llr float64
				if phi <= 1+1e-9 {
					llr = y*math.Log(mu1/mu0) - (mu1 - mu0)
				} else {
					r := mu0 / (phi - 1) // the same size for both: the shift is in the mean
					llr = y*math.Log(mu1*(r+mu0)/(mu0*(r+mu1))) + r*math.Log((r+mu0)/(r+mu1))
				}
				S = math.Max(0, S+llr)
				e[w] = math.Max(z(nbTail(s.Counts[w], mu0, phi)), c*S)
			}
			return e
		}
	}
	// Weights c below 0.1 leave the one-week test deciding every alarm
	// (0.340, checked down to 0.03); above it the CUSUM's alarms after a
	// spike and in high-mean series cost more than they find.
	best := 0.0
	for _, delta := range []float64{1, 3} {
		for _, c := range []float64{0.1, 0.2, 0.3} {
			best = math.Max(best, run("oracle + cusum delta "+ftoa(delta)+" c "+ftoa(c), cusum(delta, c)))
		}
	}
	// The calibrated combination: the CUSUM turned into a p-value against
	// its own null distribution (each series simulated 50 times with no
	// spike, with its true mean and dispersion), the week's evidence the
	// smaller of the two p-values, the cut-off moved to FPR 0.005 as
	// always (min-p: one threshold for both tests).
	nbDraw := func(rng *rand.Rand, mu, phi float64) float64 {
		if phi <= 1+1e-9 {
			return distuv.Poisson{Lambda: mu, Src: rng}.Rand()
		}
		size := mu / (phi - 1)
		return distuv.Poisson{Lambda: distuv.Gamma{Alpha: size, Beta: size / mu, Src: rng}.Rand(), Src: rng}.Rand()
	}
	llrOf := func(y, mu0, phi, delta float64) float64 {
		mu1 := mu0 + delta*math.Sqrt(phi*mu0)
		if phi <= 1+1e-9 {
			return y*math.Log(mu1/mu0) - (mu1 - mu0)
		}
		r := mu0 / (phi - 1)
		return y*math.Log(mu1*(r+mu0)/(mu0*(r+mu1))) + r*math.Log((r+mu0)/(r+mu1))
	}
	calCusum := func(delta float64, onlyUp, reset, surge bool) func(s Series) []float64 {
		return func(s Series) []float64 {
			ville := false
			if delta < 0 {
				delta, ville = -delta, true
			}
			rng := rand.New(rand.NewPCG(7, uint64(len(s.Counts))*1000+uint64(s.Level*1e6)))
			var null []float64
			for range 50 {
				var S float64
				for w := range s.Counts {
					S = math.Max(0, S+llrOf(nbDraw(rng, s.Mean[w], s.Phi), s.Mean[w], s.Phi, delta))
					if w >= cfg.ScoreFrom {
						null = append(null, S)
					}
				}
			}
			slices.Sort(null)
			e := make([]float64, len(s.Counts))
			var S float64
			for w := range e {
				S = math.Max(0, S+llrOf(float64(s.Counts[w]), s.Mean[w], s.Phi, delta))
				// P0(S' >= S), at least one null draw's worth
				k, _ := slices.BinarySearch(null, S)
				pc := math.Max(float64(len(null)-k), 0.5) / float64(len(null))
				if ville {
					// Ville's inequality: exp(-S) bounds the null tail of a
					// likelihood-ratio CUSUM whatever the weeks' means.
					pc = math.Exp(-S)
				}
				if onlyUp && float64(s.Counts[w]) <= s.Mean[w] {
					pc = 1 // as the surge test: only while this week is high
				}
				p1 := nbTail(s.Counts[w], s.Mean[w], s.Phi)
				if surge && w >= 1 && float64(s.Counts[w]) > s.Mean[w] {
					p1 = math.Min(p1, nbTail(s.Counts[w]+s.Counts[w-1], s.Mean[w]+s.Mean[w-1], s.Phi))
				}
				e[w] = -math.Min(p1, pc)
				if reset && -e[w] <= 0.0025 {
					S = 0 // restart after a week that would alarm near the target rate
				}
			}
			return e
		}
	}
	surge := run("oracle + 2-week surge (the detector's)", func(s Series) []float64 {
		e := make([]float64, len(s.Counts))
		for w := range e {
			p := nbTail(s.Counts[w], s.Mean[w], s.Phi)
			if w >= 1 && float64(s.Counts[w]) > s.Mean[w] {
				p = math.Min(p, nbTail(s.Counts[w]+s.Counts[w-1], s.Mean[w]+s.Mean[w-1], s.Phi))
			}
			e[w] = -p
		}
		return e
	})
	// Simulated null (checked at deltas 1-12 on seeds 1 and 2: exp(-S)
	// ranks the weeks the same): without a restart the CUSUM stays high
	// for weeks after every past spike and loses; restarted, it gains.
	run("oracle + calibrated cusum (min-p) delta 3", calCusum(3, false, false, false))
	run("  the same, restarted after p <= 0.0025", calCusum(3, false, true, false))
	run("  only while high, and restarted", calCusum(3, true, true, false))
	run("  only while high, restarted, + surge", calCusum(3, true, true, true))
	for _, delta := range []float64{3, 5, 8} {
		best = math.Max(best, run("  only while high, restarted, exp(-S), delta "+ftoa(delta), calCusum(-delta, true, true, false)))
	}
	// The windowed CUSUM: the largest sum of log likelihood ratios over the
	// weeks ending at this one within the last W (the detector's guard
	// band plus this week: the weeks its fit leaves out), so it needs no
	// state carried from week to week; only while this week is high.
	winCusum := func(delta float64, win int) func(s Series) []float64 {
		return func(s Series) []float64 {
			e := make([]float64, len(s.Counts))
			for w := range e {
				p := nbTail(s.Counts[w], s.Mean[w], s.Phi)
				if float64(s.Counts[w]) > s.Mean[w] {
					var sum, best float64
					for k := w; k > w-win && k >= 0; k-- {
						sum += llrOf(float64(s.Counts[k]), s.Mean[k], s.Phi, delta)
						best = math.Max(best, sum)
					}
					p = math.Min(p, math.Exp(-best))
				}
				e[w] = -p
			}
			return e
		}
	}
	for _, win := range []int{2, 4} {
		for _, delta := range []float64{3, 5, 8} {
			best = math.Max(best, run("windowed cusum W "+ftoa(float64(win))+" delta "+ftoa(delta), winCusum(delta, win)))
		}
	}
	t.Logf("2-week surge oracle %.3f, best CUSUM %.3f", surge, best)
	// docs/detection.md: the restarted CUSUM (delta 5, only while high)
	// is the one idea with headroom at the oracle, and the 2-week surge
	// none on this seed; in the detector the CUSUM did not pay (see there).
	pin(0.373, best, "best oracle CUSUM")
	pin(0.324, surge, "oracle 2-week surge")
	t.Logf("oracle one-week %.3f, best oracle+CUSUM %.3f", oracle, best)

}

// ceilingSeed is the tuning seed of the ceiling analysis.
var ceilingSeed uint64 = 1

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func cells(cs []Cell) []float64 {
	out := make([]float64, len(cs))
	for i, c := range cs {
		out[i] = math.Round(c.Detected*1000) / 1000
	}
	return out
}

// TestDesignVariants measures, on tuning seed 1, how much the figures
// depend on two readings of the design that the bench's default
// does not take: spike-free baselines (spikes only in the scored two
// years) and spikes of k sds in every spike week instead of in all. The
// oracle one-week test and the detector, both at FPR 0.005.
func TestDesignVariants(t *testing.T) {
	for _, v := range []struct {
		name              string
		clean, each, logn bool
		oracle            float64 // quoted in docs/detection.md
	}{
		{"default (k sd in all, spikes anywhere)", false, false, false, 0.340},
		{"spike-free baselines", true, false, false, 0.333},
		{"k sd every spike week", false, true, false, 0.702},
		{"both", true, true, false, 0.721},
		{"lognormal spread (Noufaily)", false, false, true, 0.391},
	} {
		cfg := BenchConfig{Series: 540, Seed: 1, NoEARS: true}
		cfg.defaults()
		sc := cfg.simConfig()
		sc.SpreadTotal = !v.each
		sc.Lognormal = v.logn
		if v.clean {
			sc.SpikesFrom = cfg.ScoreFrom
		}
		cfg.Sim = &sc
		var ms methodSeries
		for i := range cfg.Series {
			s := Simulate(sc, cfg.Seed, i)
			e := make([]float64, len(s.Counts))
			for w := range e {
				e[w] = -nbTail(s.Counts[w], s.Mean[w], s.Phi)
			}
			addEvidence(&ms, s, e, cfg.ScoreFrom)
		}
		o := atFPR(ms, 0.005)
		r, err := RunBench(t.Context(), cfg, io.Discard)
		require.NoError(t, err)
		d := r.Method("nbglm")
		require.NotNil(t, d)
		t.Logf("%-40s spikes %d  oracle %.3f  nbglm %.3f (default: FPR %.4f POD %.3f)", v.name, r.Spikes, o.POD, d.Matched[0].POD, d.Default.FPR, d.Default.POD)
		require.InDelta(t, v.oracle, o.POD, 0.0015, "%s: the oracle figure docs/detection.md quotes", v.name)
		require.LessOrEqual(t, d.Matched[0].POD, o.POD+0.02, "the detector cannot beat the oracle by more than noise")
	}
}
