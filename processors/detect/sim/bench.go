package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/wardpulse/wardpulse/processors/detect"
	"golang.org/x/sync/errgroup"
)

// BenchConfig sets up RunBench.
type BenchConfig struct {
	Series  int    // number of simulated series; default 500
	Years   int    // years per series; default 7
	Seed    uint64 // simulation seed; the same seed gives the same table
	Workers int    // parallel series; default GOMAXPROCS
	// ScoreFrom is the first week index scored: weeks before it only feed
	// the baselines. Default max(52, (Years-2)·52+4): the last two years of
	// a 7-year series, the weeks Farrington's b = 5, w = 3 can judge.
	ScoreFrom int
	// Detect configures the GLM detector; the zero value means
	// detect.DefaultConfig().
	Detect detect.Config
	// EARSMinSigma floors the EARS baseline sd (0: the reference
	// behaviour).
	EARSMinSigma float64
	// NoEARS leaves the EARS peers out.
	NoEARS bool
	// References are other methods' judgements of the same series, read
	// from files (see ReadReference), scored beside the built-in ones.
	References []Reference
	// MatchFPR are the false-alarm rates at which every method is compared
	// with its cut-off moved; default 0.005 and 0.01.
	MatchFPR []float64
	// Sim overrides the simulated population; nil means
	// DefaultSimConfig(Years).
	Sim *SimConfig
}

func (c *BenchConfig) defaults() {
	if c.Series <= 0 {
		c.Series = 500
	}
	if c.Years <= 0 {
		c.Years = 7
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.ScoreFrom <= 0 {
		c.ScoreFrom = max(52, (c.Years-2)*52+4)
	}
	if c.Detect == (detect.Config{}) {
		c.Detect = detect.DefaultConfig()
	}
	if len(c.MatchFPR) == 0 {
		c.MatchFPR = []float64{0.005, 0.01}
	}
}

func (c BenchConfig) simConfig() SimConfig {
	sc := DefaultSimConfig(c.Years)
	if c.Sim != nil {
		sc = *c.Sim
		sc.Years = c.Years
	}
	return sc
}

// Cell is one stratum of a breakdown: spikes of a range of baseline means
// or of sizes, and the share detected.
type Cell struct {
	Label    string  `json:"label"`
	Spikes   int     `json:"spikes"`
	Detected float64 `json:"detected"` // share of the cell's spikes detected
}

// Operating is a method's figures at one cut-off.
type Operating struct {
	// FPR: alarms in non-spike weeks / non-spike weeks.
	FPR float64 `json:"fpr"`
	// AlarmsPerSeriesYear: false alarms per series per 52 weeks (FPR·52).
	AlarmsPerSeriesYear float64 `json:"false_alarms_per_series_year"`
	// POD: spikes with at least one alarm during the spike / spikes.
	POD float64 `json:"pod"`
	// Sensitivity: alarmed spike weeks / spike weeks.
	Sensitivity float64 `json:"sensitivity"`
	// MeanDelay: weeks from a spike's first week to its first alarm, over
	// detected spikes.
	MeanDelay float64 `json:"mean_delay_weeks"`
	ByMean    []Cell  `json:"by_mean"`
	BySize    []Cell  `json:"by_size"`
}

// MethodResult is one method's figures on the simulated series. Rates are
// over the scored weeks judged by every method, so all methods are scored
// on the same weeks; spikes count when their first week is among them.
type MethodResult struct {
	Method string `json:"method"`
	// Default is the method at its own configured threshold.
	Default Operating `json:"default"`
	// Matched[i] is the method with its cut-off moved so that its FPR is
	// at most BenchConfig.MatchFPR[i].
	Matched []Operating `json:"matched"`
	// Seconds of wall time spent judging, summed over workers (0 for
	// references).
	JudgeSeconds float64 `json:"judge_seconds"`
}

// ForceWide is the alarm volume when all simulated series are one force.
type ForceWide struct {
	// Series judged in a week, averaged over the scored weeks.
	Series float64 `json:"series"`
	// Alarms per week at the detector's defaults, mean and max, and the
	// same after the false-discovery-rate step (the force tier).
	MeanAlarms    float64 `json:"mean_alarms_per_week"`
	MaxAlarms     float64 `json:"max_alarms_per_week"`
	MeanForceTier float64 `json:"mean_force_tier_per_week"`
	MaxForceTier  float64 `json:"max_force_tier_per_week"`
	// FalseShare is the share of alarms (and of force-tier alarms) in
	// non-spike weeks: the realised false discovery proportion.
	FalseShare      float64 `json:"false_share"`
	FalseShareForce float64 `json:"false_share_force_tier"`
}

// BenchResult is what RunBench measured.
type BenchResult struct {
	Series         int            `json:"series"`
	Years          int            `json:"years"`
	Seed           uint64         `json:"seed"`
	ScoreFrom      int            `json:"score_from_week"`
	Spikes         int            `json:"spikes"`
	NonSpikeWeeks  int            `json:"non_spike_weeks"`
	MatchFPR       []float64      `json:"match_fpr"`
	Methods        []MethodResult `json:"methods"` // the GLM detector first
	Force          ForceWide      `json:"force_wide"`
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
	e     []float64 // evidence of each of its weeks
	alarm []bool    // alarm at the method's default
	mean  float64   // baseline mean at its first week
	k     float64   // size in baseline sds
}

// methodSeries is one method's raw outcome on one or more series.
type methodSeries struct {
	nonSpikeE []float64 // evidence of every non-spike week
	fp        int
	spikes    []spikeRec
	dur       time.Duration
}

// evidence maps a judgement to a number that orders weeks by how readily
// the method would alarm on them, so cut-offs can be moved: the GLM
// detector (and a reference with p-values) alarms iff -PValue >= -Alpha
// and the count is at least MinCount; EARS alarms iff Score > threshold.
func evidence(j detect.Judgement, pvalued bool, minCount int) float64 {
	if !pvalued {
		return j.Score
	}
	if j.Count < minCount || math.IsNaN(j.PValue) {
		return math.Inf(-1)
	}
	return -j.PValue
}

// scored is one method's judgements of one series with how to read them.
type scored struct {
	js       []detect.Judgement // indexed by week; nil entries unjudged
	pvalued  bool
	minCount int
}

// RunBench simulates cfg.Series series, judges them with the GLM detector,
// EARS C1, C2 and C3 and any references, prints a table and one JSON line
// to out, and returns the figures. Series are spread over cfg.Workers
// goroutines; the result does not depend on their number.
func RunBench(ctx context.Context, cfg BenchConfig, out io.Writer) (BenchResult, error) {
	cfg.defaults()
	simCfg := cfg.simConfig()
	glm, err := detect.New(cfg.Detect)
	if err != nil {
		return BenchResult{}, fmt.Errorf("building the detector: %w", err)
	}
	methods := []detect.Method{glm}
	if !cfg.NoEARS {
		for _, v := range []detect.EARSVariant{detect.C1, detect.C2, detect.C3} {
			e, err := detect.NewEARS(v, 0, cfg.EARSMinSigma)
			if err != nil {
				return BenchResult{}, fmt.Errorf("building ears: %w", err)
			}
			methods = append(methods, e)
		}
	}
	nm := len(methods) + len(cfg.References)

	start := time.Now()
	results := make([][]methodSeries, cfg.Series)
	pvals := make([][]float64, cfg.Series) // the detector's p-values by scored week (NaN: cannot alarm)
	spikeWeek := make([][]bool, cfg.Series)
	err = forEach(ctx, cfg.Series, cfg.Workers, func(i int) error {
		s := Simulate(simCfg, cfg.Seed, i)
		sc := make([]scored, 0, nm)
		durs := make([]time.Duration, nm)
		for m, meth := range methods {
			t0 := time.Now()
			var js []detect.Judgement
			var err error
			if d, ok := meth.(*detect.Detector); ok {
				js, err = d.JudgeFrom(s.Weeks, s.Counts, cfg.ScoreFrom)
			} else {
				js, err = meth.Judge(s.Weeks, s.Counts)
			}
			if err != nil {
				return fmt.Errorf("series %d: judging with %s: %w", i, meth.Name(), err)
			}
			durs[m] = time.Since(t0)
			sc = append(sc, scored{js: js, pvalued: m == 0, minCount: cfg.Detect.MinCount})
		}
		for _, ref := range cfg.References {
			sc = append(sc, scored{js: ref.judgements(SeriesID(i), s.Weeks, s.Counts), pvalued: true, minCount: 0})
		}
		results[i] = scoreSeries(s, sc, durs, cfg.ScoreFrom)
		pv := make([]float64, len(s.Counts)-min(cfg.ScoreFrom, len(s.Counts)))
		sw := make([]bool, len(pv))
		for w := range pv {
			j := sc[0].js[cfg.ScoreFrom+w]
			pv[w] = math.NaN()
			if j.Judged {
				pv[w] = 1
				if j.Count >= cfg.Detect.MinCount {
					pv[w] = j.PValue
				}
			}
			sw[w] = s.InSpike[cfg.ScoreFrom+w] >= 0
		}
		pvals[i], spikeWeek[i] = pv, sw
		return nil
	})
	if err != nil {
		return BenchResult{}, fmt.Errorf("running the benchmark: %w", err)
	}

	res := BenchResult{Series: cfg.Series, Years: cfg.Years, Seed: cfg.Seed, ScoreFrom: cfg.ScoreFrom, MatchFPR: cfg.MatchFPR}
	merged := make([]methodSeries, nm)
	for _, r := range results {
		for m := range nm {
			merged[m].nonSpikeE = append(merged[m].nonSpikeE, r[m].nonSpikeE...)
			merged[m].fp += r[m].fp
			merged[m].spikes = append(merged[m].spikes, r[m].spikes...)
			merged[m].dur += r[m].dur
		}
	}
	res.Spikes = len(merged[0].spikes)
	res.NonSpikeWeeks = len(merged[0].nonSpikeE)
	names := make([]string, 0, nm)
	for _, meth := range methods {
		names = append(names, meth.Name())
	}
	for _, ref := range cfg.References {
		names = append(names, ref.Name)
	}
	for m, name := range names {
		mr := MethodResult{Method: name, Default: atDefault(merged[m]), JudgeSeconds: merged[m].dur.Seconds()}
		for _, f := range cfg.MatchFPR {
			mr.Matched = append(mr.Matched, atFPR(merged[m], f))
		}
		res.Methods = append(res.Methods, mr)
	}
	res.Force = forceWide(pvals, spikeWeek, cfg.Detect)
	res.ElapsedSeconds = time.Since(start).Seconds()
	if err := printBench(out, res); err != nil {
		return res, fmt.Errorf("writing the benchmark table: %w", err)
	}
	return res, nil
}

// forEach runs f(0..n-1) on at most workers goroutines and returns the
// first error (f's or ctx's); the rest are not started once one failed.
func forEach(ctx context.Context, n, workers int, f func(int) error) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i := range n {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error { return f(i) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}

// SeriesID names simulated series i in exported and reference files.
func SeriesID(i int) string { return fmt.Sprintf("s%05d", i) }

// scoreSeries records every method's outcome on one series over the
// scored weeks that every method judged.
func scoreSeries(s Series, sc []scored, durs []time.Duration, from int) []methodSeries {
	all := func(w int) bool {
		for _, m := range sc {
			if !m.js[w].Judged {
				return false
			}
		}
		return true
	}
	out := make([]methodSeries, len(sc))
	for m, ms := range sc {
		o := &out[m]
		o.dur = durs[m]
		for w := from; w < len(s.Counts); w++ {
			if s.InSpike[w] < 0 && all(w) {
				o.nonSpikeE = append(o.nonSpikeE, evidence(ms.js[w], ms.pvalued, ms.minCount))
				if ms.js[w].Alarm {
					o.fp++
				}
			}
		}
		for _, sp := range s.Spikes {
			if sp.Start < from || !all(sp.Start) {
				continue
			}
			rec := spikeRec{mean: s.Mean[sp.Start], k: sp.K}
			for w := sp.Start; w < sp.Start+sp.Weeks; w++ {
				e := math.Inf(-1)
				if ms.js[w].Judged {
					e = evidence(ms.js[w], ms.pvalued, ms.minCount)
				}
				rec.e = append(rec.e, e)
				rec.alarm = append(rec.alarm, ms.js[w].Alarm)
			}
			o.spikes = append(o.spikes, rec)
		}
	}
	return out
}

// Strata of the breakdowns: spikes by the baseline mean at their start
// and by their size in baseline standard deviations.
var (
	meanEdges  = []float64{0.5, 2, 5}
	meanLabels = []string{"mean <0.5", "0.5-2", "2-5", ">=5"}
	sizeEdges  = []float64{3, 5, 7.5}
	sizeLabels = []string{"k 1-3", "3-5", "5-7.5", "7.5-10"}
)

func stratum(v float64, edges []float64) int {
	i := 0
	for i < len(edges) && v >= edges[i] {
		i++
	}
	return i
}

// operating computes the figures when a week alarms as alarmed(spike
// index, week in spike) says, given the FPR.
func operating(ms methodSeries, fpr float64, alarmed func(sp spikeRec, w int) float64) Operating {
	o := Operating{FPR: fpr, AlarmsPerSeriesYear: fpr * 52}
	mc := make([]Cell, len(meanLabels))
	kc := make([]Cell, len(sizeLabels))
	for i := range mc {
		mc[i].Label = meanLabels[i]
	}
	for i := range kc {
		kc[i].Label = sizeLabels[i]
	}
	var det, weeks, alarmedWeeks, delaySum float64
	for _, sp := range ms.spikes {
		// P(detected) and the expected delay when tied weeks alarm at
		// random (see atFPR); at the default every week is 0 or 1.
		miss := 1.0
		var d float64
		for w := range sp.e {
			a := alarmed(sp, w)
			alarmedWeeks += a
			d += miss * a * float64(w)
			miss *= 1 - a
		}
		p := 1 - miss
		det += p
		delaySum += d
		weeks += float64(len(sp.e))
		mi, ki := stratum(sp.mean, meanEdges), stratum(sp.k, sizeEdges)
		mc[mi].Spikes++
		mc[mi].Detected += p
		kc[ki].Spikes++
		kc[ki].Detected += p
	}
	if n := len(ms.spikes); n > 0 {
		o.POD = det / float64(n)
	}
	if weeks > 0 {
		o.Sensitivity = alarmedWeeks / weeks
	}
	if det > 0 {
		o.MeanDelay = delaySum / det
	}
	for _, cs := range [][]Cell{mc, kc} {
		for i := range cs {
			if cs[i].Spikes > 0 {
				cs[i].Detected /= float64(cs[i].Spikes)
			}
		}
	}
	o.ByMean, o.BySize = mc, kc
	return o
}

func atDefault(ms methodSeries) Operating {
	fpr := 0.0
	if n := len(ms.nonSpikeE); n > 0 {
		fpr = float64(ms.fp) / float64(n)
	}
	return operating(ms, fpr, func(sp spikeRec, w int) float64 {
		if sp.alarm[w] {
			return 1
		}
		return 0
	})
}

// atFPR moves a method's cut-off so that at most fpr of the non-spike
// weeks alarm and returns its figures there. When the cut-off falls
// inside a run of tied evidence (EARS scores +Inf on every count above a
// flat baseline; small counts give few distinct p-values), the tied weeks
// alarm at random with the probability that uses up the allowance
// exactly: the usual randomised-test interpolation, without which a
// method full of ties could only be cut to zero.
func atFPR(ms methodSeries, fpr float64) Operating {
	e := slices.Clone(ms.nonSpikeE)
	slices.SortFunc(e, func(a, b float64) int { return -cmpF(a, b) })
	n := len(e)
	if n == 0 || len(ms.spikes) == 0 {
		return Operating{}
	}
	k := int(math.Floor(fpr * float64(n)))
	if k >= n {
		return operating(ms, 1, func(spikeRec, int) float64 { return 1 })
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
	if math.IsInf(cut, -1) {
		q = 0 // weeks that cannot alarm stay silent
	}
	return operating(ms, float64(k)/float64(n), func(sp spikeRec, w int) float64 {
		switch {
		case sp.e[w] > cut:
			return 1
		case sp.e[w] == cut:
			return q
		}
		return 0
	})
}

// forceWide counts, week by week, the detector's alarms over all the
// simulated series taken as one force, at its defaults and after the
// false-discovery-rate step over the week's series.
func forceWide(pvals [][]float64, spikeWeek [][]bool, cfg detect.Config) ForceWide {
	var f ForceWide
	if len(pvals) == 0 || len(pvals[0]) == 0 {
		return f
	}
	nw := len(pvals[0])
	var alarms, force, falseA, falseF, judged float64
	for w := range nw {
		var ps []float64
		var idx []int
		for s := range pvals {
			if w < len(pvals[s]) && !math.IsNaN(pvals[s][w]) {
				ps = append(ps, pvals[s][w])
				idx = append(idx, s)
			}
		}
		judged += float64(len(ps))
		qs := detect.BHAdjust(ps)
		var a, fa float64
		for i, p := range ps {
			if p > cfg.Alpha {
				continue
			}
			a++
			isFalse := !spikeWeek[idx[i]][w]
			if isFalse {
				falseA++
			}
			if qs[i] <= cfg.FDR {
				fa++
				if isFalse {
					falseF++
				}
			}
		}
		alarms += a
		force += fa
		f.MaxAlarms = math.Max(f.MaxAlarms, a)
		f.MaxForceTier = math.Max(f.MaxForceTier, fa)
	}
	f.Series = judged / float64(nw)
	f.MeanAlarms = alarms / float64(nw)
	f.MeanForceTier = force / float64(nw)
	if alarms > 0 {
		f.FalseShare = falseA / alarms
	}
	if force > 0 {
		f.FalseShareForce = falseF / force
	}
	return f
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
	fmt.Fprintf(tw, "%d series x %d years, seed %d, weeks %d on scored: %d spikes, %d non-spike weeks judged by every method\n",
		r.Series, r.Years, r.Seed, r.ScoreFrom, r.Spikes, r.NonSpikeWeeks)
	row := func(name, at string, o Operating) {
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.2f\t%.3f\t%.3f\t%.2f\t", name, at, o.FPR, o.AlarmsPerSeriesYear, o.POD, o.Sensitivity, o.MeanDelay)
		for _, c := range o.ByMean {
			fmt.Fprintf(tw, "%.2f\t", c.Detected)
		}
		for _, c := range o.BySize {
			fmt.Fprintf(tw, "%.2f\t", c.Detected)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprint(tw, "method\tcut-off\tFPR\tfalse/series-yr\tPOD\tsens/week\tmean delay\t")
	if len(r.Methods) > 0 {
		for _, c := range r.Methods[0].Default.ByMean {
			fmt.Fprintf(tw, "%s\t", c.Label)
		}
		for _, c := range r.Methods[0].Default.BySize {
			fmt.Fprintf(tw, "%s\t", c.Label)
		}
	}
	fmt.Fprintln(tw)
	for _, m := range r.Methods {
		row(m.Method, "default", m.Default)
		for i, o := range m.Matched {
			row(m.Method, fmt.Sprintf("FPR<=%g", r.MatchFPR[i]), o)
		}
	}
	if len(r.Methods) > 0 && len(r.Methods[0].Default.ByMean) > 0 {
		fmt.Fprint(tw, "spikes per stratum\t\t\t\t\t\t\t")
		for _, c := range r.Methods[0].Default.ByMean {
			fmt.Fprintf(tw, "%d\t", c.Spikes)
		}
		for _, c := range r.Methods[0].Default.BySize {
			fmt.Fprintf(tw, "%d\t", c.Spikes)
		}
		fmt.Fprintln(tw)
	}
	f := r.Force
	fmt.Fprintf(tw, "\nforce-wide (all %d series as one force, %.0f judged a week): alarms a week at the default: mean %.2f, max %.0f (%.0f%% in non-spike weeks); force tier after the FDR step: mean %.2f, max %.0f (%.0f%% in non-spike weeks)\n",
		r.Series, f.Series, f.MeanAlarms, f.MaxAlarms, 100*f.FalseShare, f.MeanForceTier, f.MaxForceTier, 100*f.FalseShareForce)
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
