package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// demoVolume is `wardpulse detect-bench --demo`: it generates the demo
// data (ingest/demo, the events `wardpulse demo` loads), classifies the
// concerns with the default taxonomy, builds the weekly ward x theme
// series with at least minConcerns concerns, judges them as `wardpulse
// detect` does (ForceTier included) and prints the alarms a week over the
// last year: all alarms (ward tier) and the force tier, mean and max,
// and which series alarmed in the demo's planned surges.
func demoVolume(ctx context.Context, out io.Writer, seed int64, now time.Time, minConcerns int, cfg detect.Config) error {
	tax := taxonomy.Default()
	dcfg := demo.Config{Seed: seed, Now: now}
	type key struct{ ward, theme string }
	counts := map[key]map[time.Time]int{}
	total := map[key]int{}
	var first, last time.Time
	err := demo.Generate(dcfg, func(e schemas.Event) error {
		if e.Type != schemas.TypeConcern || e.Concern == nil || e.OccurredAt == nil {
			return nil
		}
		themes := e.Themes
		if len(themes) == 0 {
			themes = tax.Classify(e.Concern.Text).Themes
		}
		wk := mondayOf(*e.OccurredAt)
		if first.IsZero() || wk.Before(first) {
			first = wk
		}
		if wk.After(last) {
			last = wk
		}
		for _, th := range themes {
			k := key{e.WardCode, th}
			if counts[k] == nil {
				counts[k] = map[time.Time]int{}
			}
			counts[k][wk]++
			total[k]++
		}
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("generating the demo data: %w", err)
	}
	var keys []key
	for k, n := range total {
		if n >= minConcerns {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].ward != keys[j].ward {
			return keys[i].ward < keys[j].ward
		}
		return keys[i].theme < keys[j].theme
	})
	d, err := detect.New(cfg)
	if err != nil {
		return err
	}
	results := make([][]detect.Judgement, len(keys))
	for i, k := range keys {
		// From the series' first concern to the last week of the data.
		weeks, c := detect.Weekly(counts[k], time.Time{}, last)
		if results[i], err = d.Judge(weeks, c); err != nil {
			return fmt.Errorf("judging %s %s: %w", k.ward, k.theme, err)
		}
	}
	detect.ForceTier(results, cfg, 0)
	from := last.AddDate(0, 0, -7*51)
	perWeek := map[time.Time][2]int{}
	type hit struct {
		k     key
		week  time.Time
		count int
		exp   float64
		tier  string
	}
	var hits []hit
	for i, js := range results {
		for _, j := range js {
			if j.WeekStart.Before(from) || !j.Alarm {
				continue
			}
			v := perWeek[j.WeekStart]
			v[0]++
			if j.Tier == detect.TierForce {
				v[1]++
			}
			perWeek[j.WeekStart] = v
			hits = append(hits, hit{keys[i], j.WeekStart, j.Count, j.Expected, j.Tier})
		}
	}
	var sumA, sumF, maxA, maxF int
	for w := from; !w.After(last); w = w.AddDate(0, 0, 7) {
		v := perWeek[w]
		sumA += v[0]
		sumF += v[1]
		maxA, maxF = max(maxA, v[0]), max(maxF, v[1])
	}
	fmt.Fprintf(out, "demo data (seed %d, to %s): %d ward x theme series with at least %d concerns; last 52 weeks (%s to %s):\n",
		seed, now.Format(time.DateOnly), len(keys), minConcerns, from.Format(time.DateOnly), last.Format(time.DateOnly))
	fmt.Fprintf(out, "  alarms a week (ward tier and above, alpha %g): mean %.2f, max %d\n", cfg.Alpha, float64(sumA)/52, maxA)
	fmt.Fprintf(out, "  force tier (FDR %g over each week's series): mean %.2f, max %d\n", cfg.FDR, float64(sumF)/52, maxF)
	surge := map[key]bool{}
	for _, s := range demo.DefaultSurges(now.Truncate(24 * time.Hour)) {
		surge[key{s.WardCode, s.Theme}] = true
	}
	for _, h := range hits {
		if h.tier == detect.TierForce || surge[h.k] {
			fmt.Fprintf(out, "  %s %s %s: %d concerns, %.2f expected, tier %s, planned surge %v\n",
				h.week.Format(time.DateOnly), h.k.ward, h.k.theme, h.count, h.exp, h.tier, surge[h.k])
		}
	}
	return nil
}

func mondayOf(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}
