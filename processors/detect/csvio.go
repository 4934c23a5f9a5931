package detect

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The columns of the detect contract.
var (
	inputColumns  = []string{"series_id", "week_start", "count"}
	outputColumns = []string{"series_id", "week_start", "alarm", "score", "expected", "threshold", "pvalue", "qvalue", "tier"}
)

// inputSeries is one series as read, before sorting.
type inputSeries struct {
	id    string
	weeks []time.Time
	count []int
	line  []int // input line of each row, for error messages
}

// RunDetect is the offline `wardpulse detect` contract. It reads series.csv
// from in (header series_id,week_start,count; one row per series per week;
// week_start an ISO date that is a Monday; weeks contiguous per series;
// rows in any order), judges every series with the GLM detector built from
// cfg on at most workers goroutines (<= 0: GOMAXPROCS), and writes
// alarms.csv to out: header series_id,week_start,alarm,score,expected,
// threshold,pvalue,qvalue,tier, one row per judged week (alarm 0 or 1),
// sorted by series_id then week_start. qvalue is the week's
// Benjamini-Hochberg q-value over every series judged that week and tier
// is "force" for alarms with qvalue <= FDR, "ward" for the other alarms and
// empty otherwise (see ForceTier). Nothing is written unless the whole input is valid;
// bad input returns an *InputError naming the line and column. The whole
// input is held in memory (2,000 series of 7 years is about 30 MB).
func RunDetect(ctx context.Context, in io.Reader, out io.Writer, cfg Config, workers int) error {
	d, err := New(cfg)
	if err != nil {
		return err
	}
	series, err := readSeries(in)
	if err != nil {
		return fmt.Errorf("reading series: %w", err)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results, err := judgeAll(ctx, d, series, workers)
	if err != nil {
		return err
	}
	ForceTier(results, cfg, 0)
	if err := writeAlarms(out, series, results); err != nil {
		return fmt.Errorf("writing alarms: %w", err)
	}
	return nil
}

// readSeries parses and checks series.csv and returns its series sorted by
// id, each sorted by week.
func readSeries(in io.Reader) ([]*inputSeries, error) {
	r := csv.NewReader(bufio.NewReaderSize(in, 1<<16))
	r.ReuseRecord = true
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, &InputError{Line: 1, Reason: "empty file: want a header " + strings.Join(inputColumns, ",")}
	}
	if err != nil {
		return nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup {
			return nil, &InputError{Line: 1, Column: h, Reason: "duplicate column"}
		}
		col[h] = i
	}
	for _, c := range inputColumns {
		if _, ok := col[c]; !ok {
			return nil, &InputError{Line: 1, Column: c, Reason: fmt.Sprintf("missing column (header is %q)", strings.Join(header, ","))}
		}
	}
	iID, iWeek, iCount := col["series_id"], col["week_start"], col["count"]
	byID := map[string]*inputSeries{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := r.FieldPos(0)
		id := strings.TrimSpace(rec[iID])
		if id == "" {
			return nil, &InputError{Line: line, Column: "series_id", Reason: "empty series id"}
		}
		wk, err := time.Parse(time.DateOnly, strings.TrimSpace(rec[iWeek]))
		if err != nil {
			return nil, &InputError{Line: line, Column: "week_start", Reason: fmt.Sprintf("%q is not an ISO date (YYYY-MM-DD)", rec[iWeek])}
		}
		if wk.Weekday() != time.Monday {
			return nil, &InputError{Line: line, Column: "week_start", Reason: fmt.Sprintf("%s is a %s, not a Monday", rec[iWeek], wk.Weekday())}
		}
		n, err := strconv.Atoi(strings.TrimSpace(rec[iCount]))
		if err != nil || n < 0 {
			return nil, &InputError{Line: line, Column: "count", Reason: fmt.Sprintf("%q is not a non-negative integer", rec[iCount])}
		}
		s := byID[id]
		if s == nil {
			s = &inputSeries{id: id}
			byID[id] = s
		}
		s.weeks = append(s.weeks, wk)
		s.count = append(s.count, n)
		s.line = append(s.line, line)
	}
	if len(byID) == 0 {
		return nil, &InputError{Line: 2, Reason: "no rows after the header"}
	}
	out := make([]*inputSeries, 0, len(byID))
	for _, s := range byID {
		if err := s.sortAndCheck(); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *inputSeries) int { return strings.Compare(a.id, b.id) })
	return out, nil
}

// sortAndCheck orders a series by week and rejects duplicate and missing
// weeks, naming the line of the later row.
func (s *inputSeries) sortAndCheck() error {
	idx := make([]int, len(s.weeks))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return s.weeks[a].Compare(s.weeks[b]) })
	weeks, count, lines := make([]time.Time, len(idx)), make([]int, len(idx)), make([]int, len(idx))
	for k, i := range idx {
		weeks[k], count[k], lines[k] = s.weeks[i], s.count[i], s.line[i]
	}
	s.weeks, s.count, s.line = weeks, count, lines
	for k := 1; k < len(weeks); k++ {
		gap := weeks[k].Sub(weeks[k-1]) / (7 * 24 * time.Hour)
		switch {
		case gap == 0:
			return &InputError{Line: max(lines[k], lines[k-1]), Column: "week_start",
				Reason: fmt.Sprintf("series %q: week %s repeated (also on line %d)", s.id, weeks[k].Format(time.DateOnly), min(lines[k], lines[k-1]))}
		case gap > 1:
			return &InputError{Line: lines[k], Column: "week_start",
				Reason: fmt.Sprintf("series %q: gap of %d missing week(s) before %s (previous week %s); weeks must be contiguous, zero counts included", s.id, gap-1, weeks[k].Format(time.DateOnly), weeks[k-1].Format(time.DateOnly))}
		}
	}
	return nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &InputError{Line: pe.Line, Reason: "malformed CSV", Err: pe.Err}
	}
	return &InputError{Reason: "reading CSV", Err: err}
}

// judgeAll judges the series on a bounded pool of workers; results[i]
// belongs to series[i].
func judgeAll(ctx context.Context, d *Detector, series []*inputSeries, workers int) ([][]Judgement, error) {
	results := make([][]Judgement, len(series))
	next := make(chan int)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j, err := d.Judge(series[i].weeks, series[i].count)
				if err != nil {
					errs[w] = fmt.Errorf("judging series %q: %w", series[i].id, err)
					return
				}
				results[i] = j
			}
		}()
	}
	var cerr error
feed:
	for i := range series {
		select {
		case next <- i:
		case <-ctx.Done():
			cerr = fmt.Errorf("judging series: %w", ctx.Err())
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := errors.Join(append(errs, cerr)...); err != nil {
		return nil, err
	}
	return results, nil
}

func writeAlarms(out io.Writer, series []*inputSeries, results [][]Judgement) error {
	bw := bufio.NewWriterSize(out, 1<<16)
	w := csv.NewWriter(bw)
	if err := w.Write(outputColumns); err != nil {
		return err
	}
	rec := make([]string, len(outputColumns))
	for i, s := range series {
		for _, j := range results[i] {
			if !j.Judged {
				continue
			}
			alarm := "0"
			if j.Alarm {
				alarm = "1"
			}
			rec[0], rec[1], rec[2] = s.id, j.WeekStart.Format(time.DateOnly), alarm
			rec[3] = strconv.FormatFloat(j.Score, 'f', 4, 64)
			rec[4] = strconv.FormatFloat(j.Expected, 'f', 4, 64)
			rec[5] = strconv.FormatFloat(j.Threshold, 'f', -1, 64)
			rec[6] = strconv.FormatFloat(j.PValue, 'g', 6, 64)
			rec[7] = strconv.FormatFloat(j.QValue, 'g', 6, 64)
			rec[8] = j.Tier
			if err := w.Write(rec); err != nil {
				return err
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
