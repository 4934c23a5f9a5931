package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/processors/detect/sim"
)

// runDetect is `wardpulse detect --input series.csv --output alarms.csv`:
// the offline contract other tools call (see detect.RunDetect for the file
// formats). "-" reads stdin or writes stdout. The output file is written
// beside its final name and renamed into place, so a failed run never
// leaves a half-written alarms.csv.
func runDetect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("detect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wardpulse detect --input series.csv --output alarms.csv [flags]")
		fs.PrintDefaults()
	}
	input := fs.String("input", "", "series CSV (series_id,week_start,count); - for stdin")
	output := fs.String("output", "-", "alarms CSV to write; - for stdout")
	workers := fs.Int("workers", 2, "series judged in parallel")
	var cfg detect.Config
	cfg.RegisterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *input == "" {
		fs.Usage()
		return errors.New("no --input given")
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *workers < 1 {
		return fmt.Errorf("--workers %d: must be >= 1", *workers)
	}
	in := stdinFrom(ctx)
	if *input != "-" {
		f, err := os.Open(*input)
		if err != nil {
			return fmt.Errorf("opening input: %w", err)
		}
		defer f.Close()
		in = f
	}
	if *output == "-" {
		if err := detect.RunDetect(ctx, in, stdout, cfg, *workers); err != nil {
			return fmt.Errorf("%s: %w", *input, err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(*output), "."+filepath.Base(*output)+".*")
	if err != nil {
		return fmt.Errorf("creating output: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := detect.RunDetect(ctx, in, tmp, cfg, *workers); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", *input, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", *output, err)
	}
	if err := os.Rename(tmp.Name(), *output); err != nil {
		return fmt.Errorf("moving output into place: %w", err)
	}
	return nil
}

// runDetectBench is `wardpulse detect-bench`: it simulates ward-like
// series with injected spikes (the Noufaily et al. 2013 design) and prints
// the GLM detector's, EARS C1/C2/C3's and any reference method's
// false-alarm rate, probability of detection, sensitivity and delay, at
// their defaults and at matched false-alarm rates, broken down by mean and
// spike size, plus the force-wide alarms a week; then the same figures as
// one JSON line. --export writes the simulated series for outside tools
// (the R reference script), --reference scores their judgements, and
// --calibrate measures the false-alarm rate on spike-free series instead.
func runDetectBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("detect-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	series := fs.Int("series", 1000, "simulated series")
	years := fs.Int("years", 7, "years per series")
	seed := fs.Uint64("seed", 1, "simulation seed (the detector was tuned on seeds 1-3; 101 and up are held out)")
	quick := fs.Bool("quick", false, "a quick run: 200 series of 5 years")
	workers := fs.Int("workers", 2, "series simulated and judged in parallel")
	scoreFrom := fs.Int("score-from", 0, "first week index scored (0: the last two years, (years-2)*52+4)")
	minSigma := fs.Float64("ears-min-sigma", 0, "floor on the EARS baseline sd (0 = reference EARS)")
	noEARS := fs.Bool("no-ears", false, "leave the EARS peers out")
	eachWeek := fs.Bool("spike-each-week", false, "variant design: spikes add k sds in every spike week (default: k sds in all, Noufaily's outbreaks)")
	lognormal := fs.Bool("spike-lognormal", false, "variant design: a spike's cases fall floor(exp(N(0, 0.5²))) weeks after its start, as in Noufaily et al. (default: uniformly over 1-4 weeks)")
	export := fs.String("export", "", "write the simulated series (series.csv, truth.csv) to this directory and exit")
	calibrate := fs.Bool("calibrate", false, "measure the false-alarm rate on spike-free series of every mean and seasonality")
	demoRun := fs.Bool("demo", false, "count the alarms a week over the last year of the demo data (wardpulse demo) instead")
	demoSeed := fs.Int64("demo-seed", 1, "seed of the demo data for --demo")
	demoNow := fs.String("demo-now", "", "date the demo data ends for --demo (YYYY-MM-DD; default today)")
	var refs refFlags
	fs.Var(&refs, "reference", "name=path of another method's judgements (series_id,week_start,alarm,pvalue) to score beside; repeatable")
	var cfg detect.Config
	cfg.RegisterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *quick {
		*series, *years = 200, 5
	}
	if *series < 1 || *years < 1 || *workers < 1 {
		return fmt.Errorf("--series %d, --years %d, --workers %d: must all be >= 1", *series, *years, *workers)
	}
	bc := sim.BenchConfig{
		Series: *series, Years: *years, Seed: *seed, Workers: *workers, ScoreFrom: *scoreFrom,
		Detect: cfg, EARSMinSigma: *minSigma, NoEARS: *noEARS,
	}
	if *eachWeek || *lognormal {
		if *eachWeek && *lognormal {
			return fmt.Errorf("--spike-each-week and --spike-lognormal: choose one")
		}
		sc := sim.DefaultSimConfig(*years)
		sc.SpreadTotal = !*eachWeek
		sc.Lognormal = *lognormal
		bc.Sim = &sc
	}
	if *export != "" {
		if err := sim.Export(ctx, bc, *export); err != nil {
			return fmt.Errorf("exporting the simulated series: %w", err)
		}
		fmt.Fprintf(stdout, "wrote %s/series.csv and %s/truth.csv (%d series x %d years, seed %d)\n", *export, *export, *series, *years, *seed)
		return nil
	}
	if *demoRun {
		now := time.Now().UTC()
		if *demoNow != "" {
			t, err := time.Parse(time.DateOnly, *demoNow)
			if err != nil {
				return fmt.Errorf("--demo-now: %w", err)
			}
			now = t
		}
		return demoVolume(ctx, stdout, *demoSeed, now, 10, cfg)
	}
	if *calibrate {
		_, err := sim.Calibrate(ctx, bc, stdout)
		return err
	}
	for _, r := range refs {
		name, path, _ := strings.Cut(r, "=")
		ref, err := sim.ReadReference(name, path)
		if err != nil {
			return err
		}
		bc.References = append(bc.References, ref)
	}
	_, err := sim.RunBench(ctx, bc, stdout)
	return err
}

// refFlags collects repeated --reference name=path flags.
type refFlags []string

func (r *refFlags) String() string { return strings.Join(*r, ",") }

func (r *refFlags) Set(v string) error {
	name, path, ok := strings.Cut(v, "=")
	if !ok || name == "" || path == "" {
		return fmt.Errorf("reference %q: want name=path", v)
	}
	*r = append(*r, v)
	return nil
}
