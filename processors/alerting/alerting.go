// Package alerting runs the spike detector (processors/detect) on the
// ClickHouse aggregates and turns what it finds into alerts: one episode per
// ward x theme, opened at the first alarm and resolved after quiet weeks.
//
// Every state change is an alert event on the Kafka alerts topic (so alerts
// are replayable like everything else); a sink (Sink) stores them in the
// alerts table exactly once per offset; the notifier pushes open alerts to
// Alertmanager's v2 API (and re-pushes them every run, because Alertmanager
// expires alerts that are not re-sent) and resolves closed ones.
//
// Episodes (decided on each run, on a schedule and when new events land):
//
//   - judged weeks: the current week to date and the last complete week,
//     each with only the data up to it. A partial week can only under-count,
//     so an alarm on it is never premature;
//   - an episode opens when either week alarms and the ward x theme has no
//     open episode; its id is ward_code/theme/first alarm week, so the same
//     data always names the same episode;
//   - it resolves when the last ResolveWeeks complete weeks and the current
//     week all judge without alarm;
//   - the state (which episodes are open) is read from the alerts table,
//     plus what this process produced and the sink has not stored yet, so
//     a restart, or a replay of the events log (which rebuilds the same
//     counts), never fires an episode twice.
package alerting

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/classify"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
)

// Event is one alert state change, as it travels on the alerts topic.
type Event struct {
	AlertID         string    `json:"alert_id"`
	Status          string    `json:"status"` // firing | resolved
	WardCode        string    `json:"ward_code"`
	WardName        string    `json:"ward_name"`
	LADCode         string    `json:"lad_code"`
	LADName         string    `json:"lad_name"`
	Theme           string    `json:"theme"`
	ThemeLabel      string    `json:"theme_label"`
	Severity        string    `json:"severity"`
	EpisodeStart    string    `json:"episode_start"` // YYYY-MM-DD, a Monday
	WeekStart       string    `json:"week_start"`
	Observed        int       `json:"observed"`
	Expected        float64   `json:"expected"`
	Threshold       float64   `json:"threshold"`
	Score           float64   `json:"score"`
	Summary         string    `json:"summary"`
	DetectorVersion string    `json:"detector_version"`
	DecidedAt       time.Time `json:"decided_at"`
}

// Statuses.
const (
	Firing   = "firing"
	Resolved = "resolved"
)

// DetectorVersion names the method and its settings on every alert.
const DetectorVersion = "nbglm/1"

// Config configures the alerter.
type Config struct {
	Interval     time.Duration // run at least this often (default 1 m)
	PollInterval time.Duration // look for newly landed events this often (default 5 s)
	ResolveWeeks int           // quiet complete weeks that resolve an episode (default 2)
	SummaryWeeks int           // weeks the summary counts over (default 4)
	Detector     detect.Config
}

// Producer is the part of kafka.Writer the alerter needs.
type Producer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Notifier receives the open and resolved alerts of a run.
type Notifier interface {
	Notify(ctx context.Context, open, resolved []Event) error
}

// Deps are the alerter's collaborators; Now defaults to time.Now.
type Deps struct {
	Conn      driver.Conn
	Producer  Producer
	Notifier  Notifier // may be nil
	Gazetteer *gazetteer.Gazetteer
	Taxonomy  *classify.Taxonomy
	Now       func() time.Time
}

// Alerter decides episodes and emits alert events.
type Alerter struct {
	cfg    Config
	d      Deps
	det    *detect.Detector
	logger *slog.Logger
	m      *metrics

	mu       sync.Mutex
	produced map[string]Event // alert_id+status produced by this process
}

type metrics struct {
	open     *prometheus.GaugeVec
	events   *prometheus.CounterVec
	notify   prometheus.Counter
	duration prometheus.Histogram
}

// New validates cfg and returns an Alerter; reg may be nil.
func New(cfg Config, d Deps, logger *slog.Logger, reg prometheus.Registerer) (*Alerter, error) {
	if d.Conn == nil || d.Producer == nil || d.Gazetteer == nil || d.Taxonomy == nil {
		return nil, errors.New("alerting: conn, producer, gazetteer and taxonomy are required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = time.Minute
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 5 * time.Second
	}
	if cfg.ResolveWeeks <= 0 {
		cfg.ResolveWeeks = 2
	}
	if cfg.SummaryWeeks <= 0 {
		cfg.SummaryWeeks = 4
	}
	det, err := detect.New(cfg.Detector)
	if err != nil {
		return nil, fmt.Errorf("alerting: %w", err)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	f := promauto.With(reg)
	return &Alerter{cfg: cfg, d: d, det: det, logger: logger, produced: map[string]Event{}, m: &metrics{
		open: f.NewGaugeVec(prometheus.GaugeOpts{Name: "wardpulse_alerts_open", Help: "Open spike episodes (1 per open ward x theme)."}, []string{"ward_code", "theme"}),
		events: f.NewCounterVec(prometheus.CounterOpts{Name: "wardpulse_alerts_events_total",
			Help: "Alert events produced to the alerts topic, by status."}, []string{"status"}),
		notify: f.NewCounter(prometheus.CounterOpts{Name: "wardpulse_alerts_notify_errors_total", Help: "Failed pushes to Alertmanager."}),
		duration: f.NewHistogram(prometheus.HistogramOpts{Name: "wardpulse_alerts_run_duration_seconds",
			Help: "Time to judge every ward x theme series once.", Buckets: prometheus.ExponentialBuckets(0.01, 2, 12)}),
	}}, nil
}

// Run judges on every Interval and whenever concern_daily's progress
// markers move, until ctx ends.
func (a *Alerter) Run(ctx context.Context) error {
	tick := time.NewTicker(a.cfg.Interval)
	defer tick.Stop()
	poll := time.NewTicker(a.cfg.PollInterval)
	defer poll.Stop()
	last := ""
	for {
		mark, err := a.marker(ctx)
		if err == nil && mark != last {
			last = mark
			if err := a.RunOnce(ctx); err != nil && ctx.Err() == nil {
				a.logger.Warn("judging spikes", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			last = "" // force a run: the week may have turned
		case <-poll.C:
		}
	}
}

func (a *Alerter) marker(ctx context.Context) (string, error) {
	var s string
	err := a.d.Conn.QueryRow(ctx, "SELECT toString(sum(next_offset)) FROM concern_daily WHERE theme = ''").Scan(&s)
	return s, err
}

type seriesKey struct{ ward, theme string }

// RunOnce judges every series once and emits what changed.
func (a *Alerter) RunOnce(ctx context.Context) error {
	start := time.Now()
	defer func() { a.m.duration.Observe(time.Since(start).Seconds()) }()
	now := a.d.Now().UTC()
	current := monday(now)
	series, err := a.weekly(ctx, current)
	if err != nil {
		return err
	}
	open, err := a.openEpisodes(ctx)
	if err != nil {
		return err
	}
	var fired, resolved []Event
	keys := make([]seriesKey, 0, len(series))
	for k := range series {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].ward != keys[j].ward {
			return keys[i].ward < keys[j].ward
		}
		return keys[i].theme < keys[j].theme
	})
	for _, k := range keys {
		weeks, counts := zeroFill(series[k], current)
		ep, isOpen := open[k]
		j, alarmNow, err := a.judgeRecent(weeks, counts, isOpen)
		if err != nil {
			return fmt.Errorf("judging %s %s: %w", k.ward, k.theme, err)
		}
		switch {
		case !isOpen && alarmNow:
			ev, err := a.event(ctx, k, Firing, j.WeekStart, j, weeks, counts, now)
			if err != nil {
				return err
			}
			fired = append(fired, ev)
		case isOpen && !alarmNow:
			start, _ := time.Parse(time.DateOnly, ep.EpisodeStart)
			ev, err := a.event(ctx, k, Resolved, start, j, weeks, counts, now)
			if err != nil {
				return err
			}
			// Labels must match the firing alert's, or Alertmanager would
			// see a different alert: severity stays the episode's.
			ev.Severity = ep.Severity
			resolved = append(resolved, ev)
		}
	}
	if err := a.produce(ctx, append(append([]Event{}, fired...), resolved...)); err != nil {
		return err
	}
	stillOpen := map[seriesKey]Event{}
	for k, e := range open {
		stillOpen[k] = e
	}
	for _, e := range fired {
		stillOpen[seriesKey{e.WardCode, e.Theme}] = e
	}
	for _, e := range resolved {
		delete(stillOpen, seriesKey{e.WardCode, e.Theme})
	}
	a.m.open.Reset()
	var openList []Event
	for k, e := range stillOpen {
		a.m.open.WithLabelValues(k.ward, k.theme).Set(1)
		openList = append(openList, e)
	}
	sort.Slice(openList, func(i, j int) bool { return openList[i].AlertID < openList[j].AlertID })
	if a.d.Notifier != nil {
		if err := a.d.Notifier.Notify(ctx, openList, resolved); err != nil {
			a.m.notify.Inc()
			a.logger.Warn("notifying alertmanager", "err", err)
		}
	}
	if len(fired)+len(resolved) > 0 {
		a.logger.Info("alerts decided", "fired", len(fired), "resolved", len(resolved), "open", len(openList))
	}
	return nil
}

// judgeRecent judges the current week and the last complete weeks. It
// returns the judgement that decided (the alarming one, or the current
// week's) and whether the series is alarming now: for an open episode, any
// alarm in the last ResolveWeeks complete weeks or the current week keeps
// it open; otherwise the current week or the last complete week must alarm.
func (a *Alerter) judgeRecent(weeks []time.Time, counts []int, isOpen bool) (detect.Judgement, bool, error) {
	n := len(counts)
	look := 2
	if isOpen {
		look = a.cfg.ResolveWeeks + 1
	}
	var decided detect.Judgement
	alarm := false
	for back := 0; back < look && back < n; back++ {
		j, err := a.det.JudgeLast(weeks[:n-back], counts[:n-back])
		if err != nil {
			return j, false, err
		}
		if back == 0 {
			decided = j
		}
		if j.Alarm {
			alarm = true
			decided = j // the latest alarming week
			if !isOpen {
				// Open the episode at the earliest alarming week.
				continue
			}
			break
		}
	}
	return decided, alarm, nil
}

// weekly reads the weekly counts per ward x theme up to the current week,
// over the baseline the detector needs.
func (a *Alerter) weekly(ctx context.Context, current time.Time) (map[seriesKey]map[time.Time]int, error) {
	from := current.AddDate(-(a.cfg.Detector.BaselineYears + 1), 0, 0)
	rows, err := a.d.Conn.Query(ctx, `SELECT ward_code, theme, toMonday(day) AS week, sum(concerns) AS n
FROM concern_daily WHERE theme != '' AND theme != 'unclassified' AND ward_code != '' AND day >= toDate(?) AND day < toDate(?)
GROUP BY ward_code, theme, week`, from.Format(time.DateOnly), current.AddDate(0, 0, 7).Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("reading weekly counts: %w", err)
	}
	defer rows.Close()
	out := map[seriesKey]map[time.Time]int{}
	recent := map[seriesKey]bool{}
	for rows.Next() {
		var ward, theme string
		var week time.Time
		var n int64
		if err := rows.Scan(&ward, &theme, &week, &n); err != nil {
			return nil, fmt.Errorf("scanning weekly counts: %w", err)
		}
		k := seriesKey{ward, theme}
		if out[k] == nil {
			out[k] = map[time.Time]int{}
		}
		w := monday(week)
		out[k][w] += int(max(n, 0))
		if !w.Before(current.AddDate(0, 0, -7*(a.cfg.ResolveWeeks+1))) {
			recent[k] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading weekly counts: %w", err)
	}
	// A series with no concern in the recent weeks cannot alarm and, if an
	// episode is open, resolves: keep it only when an episode may be open.
	for k := range out {
		if !recent[k] {
			delete(out, k)
		}
	}
	open, err := a.openEpisodes(ctx)
	if err != nil {
		return nil, err
	}
	for k := range open {
		if out[k] == nil {
			out[k] = map[time.Time]int{}
		}
	}
	return out, nil
}

// openEpisodes are the episodes whose latest state is firing, from the
// alerts table and from what this process produced.
func (a *Alerter) openEpisodes(ctx context.Context) (map[seriesKey]Event, error) {
	rows, err := a.d.Conn.Query(ctx, `SELECT alert_id, argMax(status, src_offset), argMax(ward_code, src_offset), argMax(ward_name, src_offset),
  argMax(lad_code, src_offset), argMax(lad_name, src_offset), argMax(theme, src_offset), argMax(severity, src_offset),
  argMax(toString(episode_start), src_offset), argMax(toString(week_start), src_offset), argMax(observed, src_offset),
  argMax(expected, src_offset), argMax(threshold, src_offset), argMax(score, src_offset), argMax(summary, src_offset),
  argMax(detector_version, src_offset), argMax(decided_at, src_offset)
FROM alerts GROUP BY alert_id`)
	if err != nil {
		return nil, fmt.Errorf("reading alert state: %w", err)
	}
	defer rows.Close()
	state := map[string]Event{}
	for rows.Next() {
		var e Event
		var observed uint32
		if err := rows.Scan(&e.AlertID, &e.Status, &e.WardCode, &e.WardName, &e.LADCode, &e.LADName, &e.Theme, &e.Severity,
			&e.EpisodeStart, &e.WeekStart, &observed, &e.Expected, &e.Threshold, &e.Score, &e.Summary, &e.DetectorVersion, &e.DecidedAt); err != nil {
			return nil, fmt.Errorf("scanning alert state: %w", err)
		}
		e.Observed, e.ThemeLabel, e.DecidedAt = int(observed), a.d.Taxonomy.Label(e.Theme), e.DecidedAt.UTC()
		state[e.AlertID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading alert state: %w", err)
	}
	a.mu.Lock()
	for id, e := range a.produced {
		if prev, ok := state[id]; !ok || prev.Status == Firing {
			state[id] = e // ours is newer than what the sink has stored
		}
	}
	a.mu.Unlock()
	out := map[seriesKey]Event{}
	for _, e := range state {
		if e.Status == Firing {
			out[seriesKey{e.WardCode, e.Theme}] = e
		}
	}
	return out, nil
}

func (a *Alerter) event(ctx context.Context, k seriesKey, status string, episodeStart time.Time, j detect.Judgement, weeks []time.Time, counts []int, now time.Time) (Event, error) {
	w, _ := a.d.Gazetteer.Ward(k.ward)
	e := Event{
		AlertID: fmt.Sprintf("%s/%s/%s", k.ward, k.theme, episodeStart.Format(time.DateOnly)), Status: status,
		WardCode: k.ward, WardName: w.Name, LADCode: w.LADCode, LADName: w.LADName, Theme: k.theme, ThemeLabel: a.d.Taxonomy.Label(k.theme),
		EpisodeStart: episodeStart.Format(time.DateOnly), WeekStart: j.WeekStart.Format(time.DateOnly), Observed: j.Count,
		Expected: round2(j.Expected), Threshold: round2(j.Threshold), Score: round2(j.Score), DetectorVersion: DetectorVersion, DecidedAt: now,
	}
	e.Severity = "warning"
	if j.Score >= 4 {
		e.Severity = "critical"
	}
	// Summary over the last SummaryWeeks weeks, including the current one.
	n := len(counts)
	sum, from := 0, max(0, n-a.cfg.SummaryWeeks)
	for _, c := range counts[from:] {
		sum += c
	}
	expected := j.Expected * float64(n-from)
	first, err := a.firstRaised(ctx, k, weeks[from])
	if err != nil {
		return e, err
	}
	if status == Firing {
		e.Summary = fmt.Sprintf("%s, %s: %d concerns in the last %d weeks, %s expected%s", e.ThemeLabel, e.WardName, sum, n-from, fmtExpected(expected), first)
	} else {
		e.Summary = fmt.Sprintf("%s, %s: back to its usual level (%d concerns in the last %d weeks, %s expected)", e.ThemeLabel, e.WardName, sum, n-from, fmtExpected(expected))
	}
	return e, nil
}

// firstRaised says when and where the first concern of the window was raised.
func (a *Alerter) firstRaised(ctx context.Context, k seriesKey, from time.Time) (string, error) {
	rows, err := a.d.Conn.Query(ctx, `SELECT occurred_at, kind, title FROM concerns FINAL
ANY LEFT JOIN (SELECT toString(meeting_id) AS meeting_id, kind, title FROM meetings FINAL) USING meeting_id
WHERE ward_code = ? AND has(themes, ?) AND withdrawn = 0 AND day >= toDate(?) ORDER BY occurred_at LIMIT 1`, k.ward, k.theme, from.Format(time.DateOnly))
	if err != nil {
		return "", fmt.Errorf("finding the first concern of %s %s: %w", k.ward, k.theme, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return "", rows.Err()
	}
	var at time.Time
	var kind, title string
	if err := rows.Scan(&at, &kind, &title); err != nil {
		return "", fmt.Errorf("scanning the first concern: %w", err)
	}
	s := "; first raised " + at.Format("2 Jan")
	if kind != "" {
		s += " at the " + strings.ReplaceAll(kind, "_", " ")
	}
	return s, nil
}

func (a *Alerter) produce(ctx context.Context, evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	msgs := make([]kafka.Message, len(evs))
	for i, e := range evs {
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encoding alert %s: %w", e.AlertID, err)
		}
		msgs[i] = kafka.Message{Key: []byte(e.AlertID), Value: b}
	}
	if err := a.d.Producer.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("producing %d alert events: %w", len(msgs), err)
	}
	a.mu.Lock()
	for _, e := range evs {
		a.produced[e.AlertID] = e
		a.m.events.WithLabelValues(e.Status).Inc()
	}
	a.mu.Unlock()
	return nil
}

// zeroFill turns sparse weekly counts into a contiguous series ending at
// the current week.
func zeroFill(m map[time.Time]int, current time.Time) ([]time.Time, []int) {
	first := current
	for w := range m {
		if w.Before(first) {
			first = w
		}
	}
	var weeks []time.Time
	var counts []int
	for w := first; !w.After(current); w = w.AddDate(0, 0, 7) {
		weeks = append(weeks, w)
		counts = append(counts, m[w])
	}
	return weeks, counts
}

func monday(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func round2(f float64) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0
	}
	return math.Round(f*100) / 100
}

func fmtExpected(f float64) string {
	if f < 1 {
		return "under 1"
	}
	return fmt.Sprintf("%.0f", f)
}
