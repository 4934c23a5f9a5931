// Package sim simulates ward-like weekly concern counts with injected
// spikes of known timing, duration and size, and benchmarks the detect
// package's GLM detector against EARS C1/C2/C3 on them.
//
// The simulation follows the design of Noufaily et al. (2013): a
// log-linear mean with trend and annual seasonality, negative binomial
// noise, and outbreaks whose size scales with the baseline standard
// deviation, but at the small means of ward concerns (0.1 to 3 a week)
// rather than laboratory reports.
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
	MaxAmp   float64   // seasonal amplitude on the log scale, at most
	MaxPhi   float64   // dispersion (variance/mean) at most; at least 1
	// SpikesPerYear is the mean number of spikes injected per series-year.
	SpikesPerYear float64
	MaxSpikeWeeks int     // spikes last 1..MaxSpikeWeeks weeks
	MinK, MaxK    float64 // spike size: extra mean per week = max(1, k·sd)
}

// DefaultSimConfig is the population the benchmark uses.
func DefaultSimConfig(years int) SimConfig {
	return SimConfig{
		Years:         years,
		Start:         time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC),
		MinMean:       0.1,
		MaxMean:       3,
		MaxTrend:      0.15,
		MaxAmp:        0.8,
		MaxPhi:        2,
		SpikesPerYear: 1,
		MaxSpikeWeeks: 4,
		MinK:          2,
		MaxK:          5,
	}
}

// Spike is one injected spike.
type Spike struct {
	Start, Weeks int     // first week index and duration
	K            float64 // size in baseline standard deviations
}

// Series is one simulated series with its truth.
type Series struct {
	Weeks   []time.Time
	Counts  []int
	Mean    []float64 // baseline mean, spikes excluded
	Spikes  []Spike
	InSpike []int // for each week, the index into Spikes, or -1
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
	amp := rng.Float64() * cfg.MaxAmp
	phase := rng.Float64() * 2 * math.Pi
	phi := 1 + rng.Float64()*(cfg.MaxPhi-1)
	// Centre the trend so the mean level over the series is m0.
	mid := float64(n) / 2
	for i := range n {
		s.Weeks[i] = cfg.Start.AddDate(0, 0, 7*i)
		t := float64(i)
		s.Mean[i] = m0 * math.Exp(trend*(t-mid)/52+amp*math.Sin(2*math.Pi*t/52.1775+phase))
		s.InSpike[i] = -1
	}
	// Spikes: a Poisson number, placed at random, not overlapping and at
	// least 4 weeks apart so each has its own onset.
	nSpikes := distuv.Poisson{Lambda: cfg.SpikesPerYear * float64(cfg.Years), Src: rng}.Rand()
	for range int(nSpikes) {
		d := 1 + rng.IntN(cfg.MaxSpikeWeeks)
		st := rng.IntN(n - d + 1)
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
		if sp := s.InSpike[i]; sp >= 0 {
			extra := math.Max(1, s.Spikes[sp].K*math.Sqrt(phi*mu))
			y += distuv.Poisson{Lambda: extra, Src: rng}.Rand()
		}
		s.Counts[i] = int(y)
	}
	return s
}
