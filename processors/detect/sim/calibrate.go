package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/wardpulse/wardpulse/processors/detect"
)

// CalibCell is the detector's false-alarm rate on spike-free series of one
// mean level and number of harmonics.
type CalibCell struct {
	Mean      float64 `json:"mean"`
	Harmonics int     `json:"harmonics"`
	Weeks     int     `json:"weeks"`
	Alarms    int     `json:"alarms"`
	FPR       float64 `json:"fpr"`
}

// CalibResult is what Calibrate measured.
type CalibResult struct {
	Alpha  float64     `json:"alpha"`
	Cells  []CalibCell `json:"cells"`
	MaxFPR float64     `json:"max_fpr"`
	// Calibrated is MaxFPR <= Alpha.
	Calibrated bool `json:"calibrated"`
}

// CalibMeans and CalibHarmonics are the strata Calibrate covers: the
// benchmark's range of means and of seasonality.
var (
	CalibMeans     = []float64{0.1, 0.3, 1, 3, 10}
	CalibHarmonics = []int{0, 1, 2}
)

// Calibrate simulates spike-free series at every mean in CalibMeans and
// every seasonality in CalibHarmonics (cfg.Series spread over the cells;
// trend, amplitude and dispersion drawn as in the benchmark), judges their
// scored weeks with the detector at cfg.Detect and reports each cell's
// false-alarm rate against Alpha.
func Calibrate(ctx context.Context, cfg BenchConfig, out io.Writer) (CalibResult, error) {
	cfg.defaults()
	det, err := detect.New(cfg.Detect)
	if err != nil {
		return CalibResult{}, fmt.Errorf("building the detector: %w", err)
	}
	per := max(20, cfg.Series/(len(CalibMeans)*len(CalibHarmonics)))
	res := CalibResult{Alpha: cfg.Detect.Alpha, Calibrated: true}
	for _, m := range CalibMeans {
		for _, h := range CalibHarmonics {
			sc := cfg.simConfig()
			sc.MinMean, sc.MaxMean = m, m
			sc.MinHarmonics, sc.MaxHarmonics = h, h
			if h == 0 {
				sc.MaxAmp = 0 // MaxHarmonics 0 means 1 harmonic: silence it
				sc.MinHarmonics, sc.MaxHarmonics = 1, 1
			}
			sc.SpikesPerYear = 0
			weeks := make([]int, per)
			alarms := make([]int, per)
			err := forEach(ctx, per, cfg.Workers, func(i int) error {
				s := Simulate(sc, cfg.Seed, i)
				js, err := det.JudgeFrom(s.Weeks, s.Counts, cfg.ScoreFrom)
				if err != nil {
					return fmt.Errorf("series %d: %w", i, err)
				}
				for _, j := range js {
					if j.Judged {
						weeks[i]++
						if j.Alarm {
							alarms[i]++
						}
					}
				}
				return nil
			})
			if err != nil {
				return res, fmt.Errorf("calibrating at mean %g, %d harmonics: %w", m, h, err)
			}
			c := CalibCell{Mean: m, Harmonics: h}
			for i := range per {
				c.Weeks += weeks[i]
				c.Alarms += alarms[i]
			}
			if c.Weeks > 0 {
				c.FPR = float64(c.Alarms) / float64(c.Weeks)
			}
			res.MaxFPR = max(res.MaxFPR, c.FPR)
			res.Cells = append(res.Cells, c)
		}
	}
	res.Calibrated = res.MaxFPR <= res.Alpha
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "calibration: spike-free series, %d per cell, seed %d, weeks %d on, alpha %g\n", per, cfg.Seed, cfg.ScoreFrom, res.Alpha)
	fmt.Fprint(tw, "mean\t")
	for _, h := range CalibHarmonics {
		fmt.Fprintf(tw, "%d harmonics\t", h)
	}
	fmt.Fprintln(tw)
	for i, m := range CalibMeans {
		fmt.Fprintf(tw, "%g\t", m)
		for k := range CalibHarmonics {
			fmt.Fprintf(tw, "%.4f\t", res.Cells[i*len(CalibHarmonics)+k].FPR)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(tw, "max FPR %.4f: calibrated (max <= alpha) %v\n", res.MaxFPR, res.Calibrated)
	if err := tw.Flush(); err != nil {
		return res, err
	}
	b, err := json.Marshal(res)
	if err != nil {
		return res, err
	}
	_, err = fmt.Fprintf(out, "%s\n", b)
	return res, err
}
