// Package sim simulates ward-like weekly concern counts with injected
// spikes of known timing, duration and size, and benchmarks the detect
// package's GLM detector against EARS C1/C2/C3 on them.
//
// The simulation follows the design of Noufaily et al. (2013): a
// log-linear mean with trend and annual seasonality, negative binomial
// noise, and outbreaks whose size scales with the baseline standard
// deviation, at the means of ward concerns (0.1 to 10 a week) rather than
// laboratory reports.
package sim

import (
	"math"
	"math/rand/v2"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

// SimConfig describes the population of series to simulate. Every series
// draws its own parameters uniformly from these ranges.
type SimConfig struct {
	Years    int       // length of every series in years (52 weeks each)
	Start    time.Time // Monday of the first week
	MinMean  float64   // lowest baseline mean a week (log-uniform draw)
	MaxMean  float64   // highest baseline mean a week
	MaxTrend float64   // |log-scale trend| per year, at most
	MaxAmp   float64   // seasonal amplitude of each harmonic on the log scale, at most
	// Every series draws MinHarmonics..MaxHarmonics annual sine terms
	// (Noufaily et al.'s m = 0, 1, 2). MaxHarmonics 0 means exactly 1.
	MinHarmonics, MaxHarmonics int
	MaxPhi                     float64 // dispersion (variance/mean) at most; at least 1
	// SpikesPerYear is the mean number of spikes injected per series-year.
	SpikesPerYear float64
	MaxSpikeWeeks int     // spikes last 1..MaxSpikeWeeks weeks
	MinK, MaxK    float64 // spike size k in baseline standard deviations
	// SpreadTotal selects Noufaily et al.'s outbreaks: a spike's extra
	// cases number Poisson(k·sd) in all (sd of the baseline count at its
	// first week), spread at random over its weeks. Otherwise every spike
	// week gets Poisson(max(1, k·sd)) extra cases (a stronger spike).
	SpreadTotal bool
	// SpikesFrom, when > 0, places spikes only from this week index on
	// (at SpikesPerYear over those weeks), so the baselines before it are
	// spike-free: a variant design for the ceiling analysis, not the
	// bench's default (0: anywhere).
	SpikesFrom int
	// Lognormal spreads a spike's Poisson(k·sd) cases as Noufaily et al.
	// did: each case falls floor(exp(N(0, 0.5²))) weeks after the start
	// (about half in the first week, 41 % in the second), capped at
	// MaxSpikeWeeks-1, and the spike lasts to its last case. A variant
	// design for the ceiling analysis; needs SpreadTotal.
	Lognormal bool
}

// DefaultSimConfig is the population the benchmark uses: the Noufaily et
// al. (2013) design at ward means. Each series has a level of 0.1 to 10 a
// week (log-uniform), a trend of up to ±15 % a year, 0, 1 or 2 annual
// harmonics of amplitude up to 0.6 each, negative binomial noise of
// variance/mean 1 to 3, and spikes of 1 to 10 baseline standard
// deviations (in all, spread over the spike: Noufaily et al.'s outbreaks)
// lasting 1 to 4 weeks, one a year on average, over the whole series (so
// past spikes sit in the baselines, as in real data).
func DefaultSimConfig(years int) SimConfig {
	return SimConfig{
		Years:         years,
		Start:         time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC),
		MinMean:       0.1,
		MaxMean:       10,
		MaxTrend:      0.15,
		MaxAmp:        0.6,
		MaxHarmonics:  2,
		MaxPhi:        3,
		SpikesPerYear: 1,
		MaxSpikeWeeks: 4,
		MinK:          1,
		MaxK:          10,
		SpreadTotal:   true,
	}
}

// Spike is one injected spike.
type Spike struct {
	Start, Weeks int     // first week index and duration
	K            float64 // size in baseline standard deviations
}

// Series is one simulated series with its truth.
type Series struct {
	Level     float64 // the series' mean level a week (trend and season aside)
	Phi       float64 // its dispersion (variance/mean)
	Harmonics int     // annual harmonics in its mean
	Weeks     []time.Time
	Counts    []int
	Mean      []float64 // baseline mean, spikes excluded
	Spikes    []Spike
	InSpike   []int // for each week, the index into Spikes, or -1
}

// Simulate draws series number idx of the population. It is a pure
// function of (cfg, seed, idx), so results do not depend on worker order.
func Simulate(cfg SimConfig, seed uint64, idx int) Series {
	rng := rand.New(rand.NewPCG(seed, uint64(idx)*0x9E3779B97F4A7C15+1))
	n := cfg.Years * 52
	s := Series{
		Weeks:   make([]time.Time, n),
		Counts:  make([]int, n),
		Mean:    make([]float64, n),
		InSpike: make([]int, n),
	}
	m0 := math.Exp(math.Log(cfg.MinMean) + rng.Float64()*(math.Log(cfg.MaxMean)-math.Log(cfg.MinMean)))
	trend := (2*rng.Float64() - 1) * cfg.MaxTrend
	maxH := cfg.MaxHarmonics
	if maxH <= 0 {
		maxH = 1
	}
	minH := min(max(cfg.MinHarmonics, 0), maxH)
	nh := minH + rng.IntN(maxH-minH+1)
	if cfg.MaxHarmonics <= 0 {
		nh = 1
	}
	amp := make([]float64, nh)
	phase := make([]float64, nh)
	for h := range nh {
		amp[h] = rng.Float64() * cfg.MaxAmp
		phase[h] = rng.Float64() * 2 * math.Pi
	}
	phi := 1 + rng.Float64()*(cfg.MaxPhi-1)
	s.Level, s.Harmonics, s.Phi = m0, nh, phi
	// Centre the trend so the mean level over the series is m0.
	mid := float64(n) / 2
	for i := range n {
		s.Weeks[i] = cfg.Start.AddDate(0, 0, 7*i)
		t := float64(i)
		season := 0.0
		for h := range nh {
			season += amp[h] * math.Sin(2*math.Pi*float64(h+1)*t/52.1775+phase[h])
		}
		s.Mean[i] = m0 * math.Exp(trend*(t-mid)/52+season)
		s.InSpike[i] = -1
	}
	// Spikes: a Poisson number, placed at random, not overlapping and at
	// least 4 weeks apart so each has its own onset.
	nSpikes := 0.0
	if cfg.SpikesPerYear > 0 {
		span := float64(cfg.Years)
		if cfg.SpikesFrom > 0 {
			span = float64(n-cfg.SpikesFrom) / 52
		}
		nSpikes = distuv.Poisson{Lambda: cfg.SpikesPerYear * span, Src: rng}.Rand()
	}
	for range int(nSpikes) {
		d := 1 + rng.IntN(cfg.MaxSpikeWeeks)
		lo := min(max(cfg.SpikesFrom, 0), n-d)
		st := lo + rng.IntN(n-d+1-lo)
		free := true
		for k := max(0, st-4); k < min(n, st+d+4); k++ {
			if s.InSpike[k] >= 0 {
				free = false
			}
		}
		if !free {
			continue
		}
		s.Spikes = append(s.Spikes, Spike{Start: st, Weeks: d, K: cfg.MinK + rng.Float64()*(cfg.MaxK-cfg.MinK)})
		for k := st; k < st+d; k++ {
			s.InSpike[k] = len(s.Spikes) - 1
		}
	}
	for i := range n {
		mu := s.Mean[i]
		var y float64
		if phi > 1+1e-9 {
			size := mu / (phi - 1)
			lam := distuv.Gamma{Alpha: size, Beta: size / mu, Src: rng}.Rand()
			y = distuv.Poisson{Lambda: lam, Src: rng}.Rand()
		} else {
			y = distuv.Poisson{Lambda: mu, Src: rng}.Rand()
		}
		if sp := s.InSpike[i]; sp >= 0 && !cfg.SpreadTotal {
			extra := math.Max(1, s.Spikes[sp].K*math.Sqrt(phi*mu))
			y += distuv.Poisson{Lambda: extra, Src: rng}.Rand()
		}
		s.Counts[i] = int(y)
	}
	if cfg.SpreadTotal {
		for i, sp := range s.Spikes {
			mu := s.Mean[sp.Start]
			total := distuv.Poisson{Lambda: sp.K * math.Sqrt(phi*mu), Src: rng}.Rand()
			last := 0
			for range int(total) {
				off := rng.IntN(sp.Weeks)
				if cfg.Lognormal {
					off = min(int(math.Exp(0.5*rng.NormFloat64())), sp.Weeks-1)
				}
				last = max(last, off)
				s.Counts[sp.Start+off]++
			}
			if cfg.Lognormal {
				for w := sp.Start + last + 1; w < sp.Start+sp.Weeks; w++ {
					s.InSpike[w] = -1
				}
				s.Spikes[i].Weeks = last + 1
			}
		}
	}
	return s
}
