package sim

import (
	"io"
	"math"
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
//     for a shift of delta baseline sds a week, on one evidence scale
//     (max of the one-week z and c times the CUSUM), the cut-off moved to
//     FPR 0.005 as the bench does for every method.
//
// The figures are logged for docs/detection.md and pinned loosely.
func TestCeilingFollowUp(t *testing.T) {
	cfg := BenchConfig{Series: 540, Seed: 1}
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
	sh := run("shape (true shape, own scale)", shape(false, false, false, truePhi))
	run("shape +pp", shape(true, false, false, truePhi))
	run("shape +pp +robust", shape(true, true, false, truePhi))
	ex := run("shape +pp +exclude", shape(true, false, true, truePhi))
	run("shape +pp +robust, phi = prior 2", shape(true, true, false, prior))
	require.LessOrEqual(t, sh, oracle+0.01)
	require.LessOrEqual(t, ex, oracle+0.01)

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
	best := 0.0
	for _, delta := range []float64{2, 3, 4} {
		for _, c := range []float64{0.12, 0.15, 0.17} {
			best = math.Max(best, run("oracle + cusum delta "+ftoa(delta)+" c "+ftoa(c), cusum(delta, c)))
		}
	}
	t.Logf("oracle one-week %.3f, best oracle+CUSUM %.3f", oracle, best)
}

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
	}{{"default (k sd in all, spikes anywhere)", false, false, false}, {"spike-free baselines", true, false, false}, {"k sd every spike week", false, true, false}, {"both", true, true, false}, {"lognormal spread (Noufaily)", false, false, true}} {
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
		require.LessOrEqual(t, d.Matched[0].POD, o.POD+0.02, "the detector cannot beat the oracle by more than noise")
	}
}
