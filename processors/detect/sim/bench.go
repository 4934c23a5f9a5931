package sim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/wardpulse/wardpulse/processors/detect"
)

// BenchConfig sets up RunBench.
type BenchConfig struct {
	Series  int    // number of simulated series; default 500
	Years   int    // years per series; default 7
	Seed    uint64 // simulation seed; the same seed gives the same table
	Workers int    // parallel series; default GOMAXPROCS
	// Detect configures the GLM detector; the zero value means
	// detect.DefaultConfig().
	Detect detect.Config
	// EARSMinSigma floors the EARS baseline sd (0: the reference
	// behaviour).
	EARSMinSigma float64
	// Sim overrides the simulated population; nil means
	// DefaultSimConfig(Years).
	Sim *SimConfig
}

// MethodResult is one method's figures on the simulated series. Rates are
// over weeks judged by every method, so all methods are scored on the same
// weeks; spikes count when their first week is judged by every method.
type MethodResult struct {
	Method string `json:"method"`
	// FPR: alarms in non-spike weeks / non-spike weeks.
	FPR float64 `json:"fpr"`
	// POD: spikes with at least one alarm during the spike / spikes.
	POD float64 `json:"pod"`
	// Sensitivity: alarmed spike weeks / spike weeks.
	Sensitivity float64 `json:"sensitivity"`
	// Delays in weeks from a spike's first week to its first alarm, over
	// detected spikes.
	MedianDelay float64 `json:"median_delay_weeks"`
	MeanDelay   float64 `json:"mean_delay_weeks"`
	// Seconds of wall time spent judging, summed over workers.
	JudgeSeconds float64 `json:"judge_seconds"`
}

// Matched compares the GLM detector and one EARS method at equal false
// alarm rates: each is held to an FPR no higher than the other's, by
// raising its alarm cut-off (ties at the cut-off do not alarm), and its
// POD there is reported.
type Matched struct {
	EARS string `json:"ears"`
	// GLMPODAtEARSFPR is the GLM detector's POD when its FPR is held to at
	// most the EARS method's FPR at the EARS method's own threshold.
	GLMFPRAtEARSFPR float64 `json:"glm_fpr_at_ears_fpr"`
	GLMPODAtEARSFPR float64 `json:"glm_pod_at_ears_fpr"`
	// EARSPODAtGLMFPR is the EARS method's POD when its FPR is held to at
	// most the GLM detector's FPR at its configured Alpha.
	EARSFPRAtGLMFPR float64 `json:"ears_fpr_at_glm_fpr"`
	EARSPODAtGLMFPR float64 `json:"ears_pod_at_glm_fpr"`
}

// BenchResult is what RunBench measured.
type BenchResult struct {
	Series         int            `json:"series"`
	Years          int            `json:"years"`
	Seed           uint64         `json:"seed"`
	Spikes         int            `json:"spikes"`
	NonSpikeWeeks  int            `json:"non_spike_weeks"`
	Methods        []MethodResult `json:"methods"` // the GLM detector first, then EARS C1, C2, C3
	Matched        []Matched      `json:"matched"`
	ElapsedSeconds float64        `json:"elapsed_seconds"`
}

// Method returns the result of the named method, or nil.
func (r BenchResult) Method(name string) *MethodResult {
	for i := range r.Methods {
		if r.Methods[i].Method == name {
			return &r.Methods[i]
		}
	}
	return nil
}

// spikeRec is one spike as one method saw it.
type spikeRec struct {
	maxE    float64 // highest evidence over the spike's weeks
	delay   int     // weeks to first alarm, -1 if none
	weeks   int
	alarmed int
}

// methodSeries is one method's raw outcome on one series.
type methodSeries struct {
	nonSpikeE []float64 // evidence of every non-spike week
	fp        int
	spikes    []spikeRec
	dur       time.Duration
}

// evidence maps a judgement to a number that orders weeks by how readily
// the method would alarm on them, so cut-offs can be moved: the GLM
// detector alarms iff -PValue >= -Alpha (and the count is at least
// MinCount); EARS alarms iff Score > threshold.
func evidence(j detect.Judgement, glm bool, minCount int) float64 {
	if !glm {
		return j.Score
	}
	if j.Count < minCount {
		return math.Inf(-1)
	}
	return -j.PValue
}

// RunBench simulates cfg.Series series, judges them with the GLM detector
// and EARS C1, C2 and C3, prints a table and one JSON line to out, and
// returns the figures. Series are spread over cfg.Workers goroutines; the
// result does not depend on their number.
func RunBench(ctx context.Context, cfg BenchConfig, out io.Writer) (BenchResult, error) {
	if cfg.Series <= 0 {
		cfg.Series = 500
	}
	if cfg.Years <= 0 {
		cfg.Years = 7
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Detect == (detect.Config{}) {
		cfg.Detect = detect.DefaultConfig()
	}
	simCfg := DefaultSimConfig(cfg.Years)
	if cfg.Sim != nil {
		simCfg = *cfg.Sim
		simCfg.Years = cfg.Years
	}
	glm, err := detect.New(cfg.Detect)
	if err != nil {
		return BenchResult{}, fmt.Errorf("building the detector: %w", err)
	}
	methods := []detect.Method{glm}
	for _, v := range []detect.EARSVariant{detect.C1, detect.C2, detect.C3} {
		e, err := detect.NewEARS(v, 0, cfg.EARSMinSigma)
		if err != nil {
			return BenchResult{}, fmt.Errorf("building ears: %w", err)
		}
		methods = append(methods, e)
	}

	start := time.Now()
	results := make([][]methodSeries, cfg.Series)
	idx := make(chan int)
	errs := make([]error, cfg.Workers)
	var wg sync.WaitGroup
	for w := range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				r, err := benchSeries(simCfg, cfg.Seed, i, methods, cfg.Detect.MinCount)
				if err != nil {
					errs[w] = fmt.Errorf("series %d: %w", i, err)
					return
				}
				results[i] = r
			}
		}()
	}
feed:
	for i := range cfg.Series {
		select {
		case idx <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(idx)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return BenchResult{}, fmt.Errorf("running the benchmark: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return BenchResult{}, fmt.Errorf("running the benchmark: %w", err)
	}

	res := BenchResult{Series: cfg.Series, Years: cfg.Years, Seed: cfg.Seed}
	merged := make([]methodSeries, len(methods))
	for _, r := range results {
		for m := range methods {
			merged[m].nonSpikeE = append(merged[m].nonSpikeE, r[m].nonSpikeE...)
			merged[m].fp += r[m].fp
			merged[m].spikes = append(merged[m].spikes, r[m].spikes...)
			merged[m].dur += r[m].dur
		}
	}
	res.Spikes = len(merged[0].spikes)
	res.NonSpikeWeeks = len(merged[0].nonSpikeE)
	for m, meth := range methods {
		res.Methods = append(res.Methods, summarise(meth.Name(), merged[m]))
	}
	for m := 1; m < len(methods); m++ {
		var mt Matched
		mt.EARS = methods[m].Name()
		mt.GLMFPRAtEARSFPR, mt.GLMPODAtEARSFPR = atFPR(merged[0], res.Methods[m].FPR)
		mt.EARSFPRAtGLMFPR, mt.EARSPODAtGLMFPR = atFPR(merged[m], res.Methods[0].FPR)
		res.Matched = append(res.Matched, mt)
	}
	res.ElapsedSeconds = time.Since(start).Seconds()
	if err := printBench(out, res); err != nil {
		return res, fmt.Errorf("writing the benchmark table: %w", err)
	}
	return res, nil
}

// benchSeries simulates series i and records every method's outcome on it.
func benchSeries(simCfg SimConfig, seed uint64, i int, methods []detect.Method, minCount int) ([]methodSeries, error) {
	s := Simulate(simCfg, seed, i)
	js := make([][]detect.Judgement, len(methods))
	durs := make([]time.Duration, len(methods))
	for m, meth := range methods {
		t0 := time.Now()
		j, err := meth.Judge(s.Weeks, s.Counts)
		if err != nil {
			return nil, fmt.Errorf("judging with %s: %w", meth.Name(), err)
		}
		durs[m] = time.Since(t0)
		js[m] = j
	}
	all := func(w int) bool {
		for m := range methods {
			if !js[m][w].Judged {
				return false
			}
		}
		return true
	}
	out := make([]methodSeries, len(methods))
	for m := range methods {
		ms := &out[m]
		ms.dur = durs[m]
		for w, j := range js[m] {
			if s.InSpike[w] < 0 && all(w) {
				ms.nonSpikeE = append(ms.nonSpikeE, evidence(j, m == 0, minCount))
				if j.Alarm {
					ms.fp++
				}
			}
		}
		for _, sp := range s.Spikes {
			if !all(sp.Start) {
				continue
			}
			rec := spikeRec{maxE: math.Inf(-1), delay: -1, weeks: sp.Weeks}
			for w := sp.Start; w < sp.Start+sp.Weeks; w++ {
				j := js[m][w]
				rec.maxE = math.Max(rec.maxE, evidence(j, m == 0, minCount))
				if j.Alarm {
					rec.alarmed++
					if rec.delay < 0 {
						rec.delay = w - sp.Start
					}
				}
			}
			ms.spikes = append(ms.spikes, rec)
		}
	}
	return out, nil
}

func summarise(name string, ms methodSeries) MethodResult {
	r := MethodResult{Method: name, JudgeSeconds: ms.dur.Seconds()}
	if n := len(ms.nonSpikeE); n > 0 {
		r.FPR = float64(ms.fp) / float64(n)
	}
	var det, weeks, alarmed int
	var delays []float64
	for _, sp := range ms.spikes {
		weeks += sp.weeks
		alarmed += sp.alarmed
		if sp.delay >= 0 {
			det++
			delays = append(delays, float64(sp.delay))
		}
	}
	if len(ms.spikes) > 0 {
		r.POD = float64(det) / float64(len(ms.spikes))
	}
	if weeks > 0 {
		r.Sensitivity = float64(alarmed) / float64(weeks)
	}
	if len(delays) > 0 {
		slices.Sort(delays)
		r.MedianDelay = delays[len(delays)/2]
		if len(delays)%2 == 0 {
			r.MedianDelay = (delays[len(delays)/2-1] + delays[len(delays)/2]) / 2
		}
		var s float64
		for _, d := range delays {
			s += d
		}
		r.MeanDelay = s / float64(len(delays))
	}
	return r
}

// atFPR moves a method's cut-off so that at most fpr of the non-spike
// weeks alarm and returns the FPR and POD there. When the cut-off falls
// inside a run of tied evidence (EARS scores +Inf on every count above a
// flat baseline), the tied weeks alarm at random with the probability that
// uses up the allowance exactly: the usual randomised-test interpolation,
// without which a method full of ties could only be cut to zero.
func atFPR(ms methodSeries, fpr float64) (gotFPR, pod float64) {
	e := slices.Clone(ms.nonSpikeE)
	slices.SortFunc(e, func(a, b float64) int { return -cmpF(a, b) })
	n := len(e)
	if n == 0 || len(ms.spikes) == 0 {
		return 0, 0
	}
	k := int(math.Floor(fpr * float64(n)))
	if k >= n {
		return 1, 1
	}
	cut := e[k]
	above, tied := 0, 0
	for _, v := range e {
		switch {
		case v > cut:
			above++
		case v == cut:
			tied++
		}
	}
	q := float64(k-above) / float64(tied) // probability a tied week alarms
	var det float64
	for _, sp := range ms.spikes {
		switch {
		case sp.maxE > cut:
			det++
		case sp.maxE == cut:
			det += q
		}
	}
	return float64(k) / float64(n), det / float64(len(ms.spikes))
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func printBench(out io.Writer, r BenchResult) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%d series x %d years, seed %d: %d spikes, %d non-spike weeks judged by every method\n", r.Series, r.Years, r.Seed, r.Spikes, r.NonSpikeWeeks)
	fmt.Fprintln(tw, "method\tFPR\tPOD\tsens/week\tmedian delay\tmean delay\tjudge s\t")
	for _, m := range r.Methods {
		fmt.Fprintf(tw, "%s\t%.4f\t%.3f\t%.3f\t%.1f\t%.2f\t%.2f\t\n", m.Method, m.FPR, m.POD, m.Sensitivity, m.MedianDelay, m.MeanDelay, m.JudgeSeconds)
	}
	fmt.Fprintln(tw, "\nat matched false-alarm rates (cut-off moved until FPR <= the other's):")
	fmt.Fprintln(tw, "vs\tnbglm FPR\tnbglm POD\t(EARS POD)\tEARS FPR\tEARS POD\t(nbglm POD)\t")
	for i, m := range r.Matched {
		fmt.Fprintf(tw, "%s\t%.4f\t%.3f\t(%.3f)\t%.4f\t%.3f\t(%.3f)\t\n", m.EARS, m.GLMFPRAtEARSFPR, m.GLMPODAtEARSFPR, r.Methods[i+1].POD, m.EARSFPRAtGLMFPR, m.EARSPODAtGLMFPR, r.Methods[0].POD)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "%s\n", b)
	return err
}
