package sim

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/processors/detect"
)

// Reference is another method's judgements of the simulated series, read
// from a file that an outside tool wrote (the R surveillance script in
// processors/detect/reference), keyed by series id and week.
type Reference struct {
	Name string
	rows map[string]map[time.Time]refRow
}

type refRow struct {
	alarm bool
	p     float64 // NaN: the method could not alarm this week
}

// ReadReference reads a reference judgement file: a CSV with header
// series_id,week_start,alarm,pvalue (alarm 0/1, or NA; pvalue the upper
// tail probability, NA when the method could not alarm that week, such as
// Farrington's 5-in-4 rule). Weeks absent from the file are unjudged.
func ReadReference(name, path string) (Reference, error) {
	f, err := os.Open(path)
	if err != nil {
		return Reference{}, fmt.Errorf("opening reference %s: %w", name, err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	header, err := r.Read()
	if err != nil {
		return Reference{}, fmt.Errorf("reading %s line 1: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range []string{"series_id", "week_start", "alarm", "pvalue"} {
		if _, ok := col[c]; !ok {
			return Reference{}, fmt.Errorf("reading %s line 1: no column %q (want series_id,week_start,alarm,pvalue)", path, c)
		}
	}
	ref := Reference{Name: name, rows: map[string]map[time.Time]refRow{}}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Reference{}, fmt.Errorf("reading %s line %d: %w", path, line, err)
		}
		wk, err := time.Parse(time.DateOnly, rec[col["week_start"]])
		if err != nil {
			return Reference{}, fmt.Errorf("reading %s line %d column week_start: %w", path, line, err)
		}
		row := refRow{alarm: rec[col["alarm"]] == "1" || rec[col["alarm"]] == "TRUE", p: math.NaN()}
		if v := strings.TrimSpace(rec[col["pvalue"]]); v != "NA" && v != "" {
			if row.p, err = strconv.ParseFloat(v, 64); err != nil {
				return Reference{}, fmt.Errorf("reading %s line %d column pvalue: %w", path, line, err)
			}
		}
		id := rec[col["series_id"]]
		if ref.rows[id] == nil {
			ref.rows[id] = map[time.Time]refRow{}
		}
		ref.rows[id][wk] = row
	}
	return ref, nil
}

// judgements lays the reference's rows for one series out as Judgements.
func (r Reference) judgements(id string, weeks []time.Time, counts []int) []detect.Judgement {
	js := make([]detect.Judgement, len(weeks))
	rows := r.rows[id]
	for i, w := range weeks {
		js[i] = detect.Judgement{WeekStart: w, Count: counts[i]}
		if row, ok := rows[w]; ok {
			js[i].Judged, js[i].Alarm, js[i].PValue = true, row.alarm, row.p
		}
	}
	return js
}

// Export writes the simulated series of cfg to dir: series.csv in the
// `wardpulse detect` input format (series ids SeriesID(i)) and truth.csv
// with each series' level and harmonics and its spikes (one row per spike,
// start as a week index and date), so outside tools judge exactly the
// series the benchmark scores.
func Export(ctx context.Context, cfg BenchConfig, dir string) error {
	cfg.defaults()
	simCfg := cfg.simConfig()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	sf, err := os.Create(filepath.Join(dir, "series.csv"))
	if err != nil {
		return fmt.Errorf("creating series.csv: %w", err)
	}
	defer sf.Close()
	tf, err := os.Create(filepath.Join(dir, "truth.csv"))
	if err != nil {
		return fmt.Errorf("creating truth.csv: %w", err)
	}
	defer tf.Close()
	sw, tw := bufio.NewWriter(sf), bufio.NewWriter(tf)
	fmt.Fprintln(sw, "series_id,week_start,count")
	fmt.Fprintln(tw, "series_id,level,harmonics,spike_start,spike_week_start,spike_weeks,spike_k")
	for i := range cfg.Series {
		if err := ctx.Err(); err != nil {
			return err
		}
		s := Simulate(simCfg, cfg.Seed, i)
		id := SeriesID(i)
		for w, c := range s.Counts {
			fmt.Fprintf(sw, "%s,%s,%d\n", id, s.Weeks[w].Format(time.DateOnly), c)
		}
		for _, sp := range s.Spikes {
			fmt.Fprintf(tw, "%s,%.4f,%d,%d,%s,%d,%.3f\n", id, s.Level, s.Harmonics, sp.Start, s.Weeks[sp.Start].Format(time.DateOnly), sp.Weeks, sp.K)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("writing series.csv: %w", err)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing truth.csv: %w", err)
	}
	return errors.Join(sf.Close(), tf.Close())
}
