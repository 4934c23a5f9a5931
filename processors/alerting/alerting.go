// Package alerting runs the spike detector (processors/detect) on the
// ClickHouse aggregates and turns what it finds into alerts: one episode per
// ward x theme, opened at the first alarm week and resolved after quiet
// weeks.
//
// Every state change is an alert event on the Kafka alerts topic (so alerts
// are replayable like everything else); Sink stores them in the alerts table
// exactly once per offset; the notifier (Alertmanager) pushes open alerts to
// Alertmanager's v2 API every run (Alertmanager expires alerts that are not
// re-sent) and pushes resolves with an end time.
//
//	concern_daily ─► Alerter (detect, episodes) ─► alerts topic ─► Sink ─► alerts table
//	                    │        ▲                                            │
//	                    │        └──────── open episodes (argMax status) ─────┘
//	                    └─► Alertmanager /api/v2/alerts
//
// # What is judged
//
// Each run reads weekly counts (toMonday(day), sum(concerns)) per ward x
// theme from concern_daily, zero-filled from the ward's first week with any
// concern (not the theme's: a theme raised for the first time ever in a
// ward is exactly the news an alert is for, and a series starting at its
// first concern would be too young to judge), over BaselineYears+1 years.
// The detector judges each of the last LookbackWeeks weeks with only the
// data up to that week, including the current week to date: a partial week
// can only under-count, so an alarm on it is never premature, and waiting
// for the week to end would delay every alert by up to 7 days. Weeks with
// fewer than the detector's MinCount concerns cannot alarm and are not
// fitted.
//
// # Episodes
//
// The judged weeks go through a state machine (decideEpisode): an episode
// opens at the first alarm week, stays open while alarms continue, and
// resolves after ResolveWeeks consecutive complete weeks without alarm; the
// current, partial week can open or extend an episode but never counts as
// quiet. Because the state is recomputed from the counts on every run, an
// episode whose alarm weeks disappear (concerns withdrawn or corrected)
// resolves on the next run. The alert id is ward_code/theme/start week, a
// function of the counts alone, so a replay of the events log computes the
// same id. An id is used for one firing and one resolve only; an episode
// that opens again at the same start week after its resolve (a withdrawal,
// then a new concern, in the same week) gets the suffix /2, /3, ...
//
// # Delivery
//
// The open episodes come from the alerts table (argMax(status, src_offset)
// per alert_id) plus the events this process produced that the sink may not
// have stored yet. Before its first decision the alerter waits (at most
// StateWait) for Deps.StateSynced to report that the table holds every event
// already on the alerts topic, so a restart does not fire an episode a
// second time because the sink was behind. Events are produced before the
// notifier is called: a failed produce leaves the state unchanged and the
// next run decides again; a failed notification is retried next run.
package alerting

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// Event is one alert state change, as it travels on the alerts topic (JSON,
// key alert_id) and is stored in the alerts table.
type Event struct {
	AlertID  string `json:"alert_id"`
	Status   string `json:"status"` // Firing or Resolved
	WardCode string `json:"ward_code"`
	WardName string `json:"ward_name"`
	LADCode  string `json:"lad_code"`
	LADName  string `json:"lad_name"`
	Theme    string `json:"theme"`
	// ThemeLabel is the theme's display name ("Off-road bikes").
	ThemeLabel string `json:"theme_label"`
	// Severity is warning for an episode of ward-tier alarms (per-series
	// false-alarm rate Alpha), critical when one of its alarm weeks was
	// in the force tier (it survived the week's false-discovery-rate step
	// over all the force's series, detect.ForceTier); a resolve repeats
	// the firing's, so Alertmanager sees the same labels.
	Severity     string `json:"severity"`
	EpisodeStart string `json:"episode_start"` // YYYY-MM-DD, a Monday
	// WeekStart and the figures are the judged week's: the latest alarm
	// week for a firing, the current week for a resolve.
	WeekStart       string    `json:"week_start"`
	Observed        int       `json:"observed"`
	Expected        float64   `json:"expected"`
	Threshold       float64   `json:"threshold"`
	Score           float64   `json:"score"`
	Summary         string    `json:"summary"`
	DetectorVersion string    `json:"detector_version"`
	DecidedAt       time.Time `json:"decided_at"`
	// FiredAt, on a resolve, is when the episode fired: Alertmanager's
	// startsAt for both pushes.
	FiredAt *time.Time `json:"fired_at,omitempty"`
}

// Statuses of an Event.
const (
	Firing   = "firing"
	Resolved = "resolved"
)

// Severities of an Event.
const (
	Warning  = "warning"
	Critical = "critical"
)

// DetectorVersion names the method on every alert, so an alert can be
// traced to the detector that raised it when the method changes.
const DetectorVersion = "nbglm/2"

// Config configures the alerter. Zero fields get the defaults named.
type Config struct {
	Interval      time.Duration // run at least this often; default 1m
	PollInterval  time.Duration // look for newly landed events this often; default 5s
	ResolveWeeks  int           // consecutive complete quiet weeks that resolve an episode; default 2
	LookbackWeeks int           // weeks replayed through the episode state machine; default 13
	SummaryWeeks  int           // weeks the summary counts over; default 4
	// StateWait bounds the wait for Deps.StateSynced at start: after it
	// the alerter decides anyway (and logs why). Default 2m.
	StateWait time.Duration
	// ResendResolved is how long a resolve is pushed again on every run,
	// in case a push was lost (Prometheus does the same for 15m).
	// Default 15m.
	ResendResolved time.Duration
	Detector       detect.Config
}

func (c *Config) defaults() error {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&c.Interval, time.Minute)
	def(&c.PollInterval, 5*time.Second)
	def(&c.StateWait, 2*time.Minute)
	def(&c.ResendResolved, 15*time.Minute)
	if c.ResolveWeeks == 0 {
		c.ResolveWeeks = 2
	}
	if c.LookbackWeeks == 0 {
		c.LookbackWeeks = 13
	}
	if c.SummaryWeeks == 0 {
		c.SummaryWeeks = 4
	}
	var errs []error
	if c.Interval < 0 || c.PollInterval < 0 || c.StateWait < 0 || c.ResendResolved < 0 {
		errs = append(errs, errors.New("intervals must not be negative"))
	}
	if c.ResolveWeeks < 1 {
		errs = append(errs, fmt.Errorf("resolve weeks %d: must be >= 1", c.ResolveWeeks))
	}
	if c.LookbackWeeks <= c.ResolveWeeks {
		errs = append(errs, fmt.Errorf("lookback weeks %d: must be more than resolve weeks (%d)", c.LookbackWeeks, c.ResolveWeeks))
	}
	if c.SummaryWeeks < 1 {
		errs = append(errs, fmt.Errorf("summary weeks %d: must be >= 1", c.SummaryWeeks))
	}
	return errors.Join(errs...)
}

// Producer is the part of kafka.Writer the alerter needs. A kafka.Writer
// must hash the key (alert_id) or not care: the sink needs no ordering
// beyond a partition's.
type Producer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Notifier receives, after every run, the open alerts and the resolves to
// (re)send. It must be idempotent: the same alerts come every run.
type Notifier interface {
	Notify(ctx context.Context, open, resolved []Event) error
}

// Deps are the alerter's collaborators. Conn, Producer, Gazetteer and
// Taxonomy are required.
type Deps struct {
	Conn      driver.Conn
	Producer  Producer
	Notifier  Notifier // nil: no notifications
	Gazetteer *gazetteer.Gazetteer
	Taxonomy  *taxonomy.Taxonomy
	Now       func() time.Time // nil: time.Now
	// StateSynced reports whether the alerts table holds every event
	// already on the alerts topic (see Sink.Covers). nil: do not wait.
	StateSynced func(ctx context.Context) (bool, error)
}

// Alerter decides episodes and emits alert events. Run and RunOnce must not
// be called concurrently.
type Alerter struct {
	cfg    Config
	d      Deps
	det    *detect.Detector
	logger *slog.Logger
	m      *metrics

	started time.Time
	synced  bool
	mark    string // progress markers as of the last successful run

	mu       sync.Mutex
	produced map[string]Event // latest event produced by this process, by alert_id
	resolves map[string]Event // resolves produced by this process, resent for ResendResolved
	ready    bool             // a run has completed
}

type metrics struct {
	open      *prometheus.GaugeVec
	events    *prometheus.CounterVec
	notify    prometheus.Counter
	runErrors prometheus.Counter
	duration  prometheus.Histogram
	series    prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) *metrics {
	f := promauto.With(reg)
	return &metrics{
		open: f.NewGaugeVec(prometheus.GaugeOpts{Name: "wardpulse_alerts_open",
			Help: "Open spike episodes: 1 per ward x theme with an episode open after the last run."}, []string{"ward_code", "theme"}),
		events: f.NewCounterVec(prometheus.CounterOpts{Name: "wardpulse_alerts_events_total",
			Help: "Alert events produced to the alerts topic, by status (firing, resolved)."}, []string{"status"}),
		notify: f.NewCounter(prometheus.CounterOpts{Name: "wardpulse_alerts_notify_errors_total",
			Help: "Pushes to Alertmanager that failed (any of its URLs); retried next run."}),
		runErrors: f.NewCounter(prometheus.CounterOpts{Name: "wardpulse_alerts_run_errors_total",
			Help: "Runs that could not decide (ClickHouse or Kafka unavailable); retried next interval."}),
		duration: f.NewHistogram(prometheus.HistogramOpts{Name: "wardpulse_alerts_run_duration_seconds",
			Help: "Time of one run: read the counts and state, judge, produce, notify.", Buckets: prometheus.ExponentialBuckets(0.01, 2, 12)}),
		series: f.NewGauge(prometheus.GaugeOpts{Name: "wardpulse_alerts_series_judged",
			Help: "Ward x theme series judged in the last run (those with a count that could alarm, or an open episode)."}),
	}
}

// New validates cfg and returns an Alerter. logger and reg may be nil.
func New(cfg Config, d Deps, logger *slog.Logger, reg prometheus.Registerer) (*Alerter, error) {
	if d.Conn == nil || d.Producer == nil || d.Gazetteer == nil || d.Taxonomy == nil {
		return nil, errors.New("creating alerter: conn, producer, gazetteer and taxonomy are required")
	}
	if err := cfg.defaults(); err != nil {
		return nil, fmt.Errorf("creating alerter: %w", err)
	}
	det, err := detect.New(cfg.Detector)
	if err != nil {
		return nil, fmt.Errorf("creating alerter: %w", err)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Alerter{cfg: cfg, d: d, det: det, logger: logger, m: newMetrics(reg), started: time.Now(),
		produced: map[string]Event{}, resolves: map[string]Event{}}, nil
}

// Ready reports whether a run has completed since the alerter started, so
// its state has been read and its open alerts pushed.
func (a *Alerter) Ready() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ready
}

// Run decides at once, then every Interval, and whenever concern_daily's
// progress markers (sum(next_offset) of the theme = ” rows, which move
// with every processed batch) have changed and then held still for one
// PollInterval: a burst of batches, or a replay, triggers one run at its
// end instead of one per poll. A failed run is logged and retried at the
// next interval. Run returns nil when ctx ends; it starts no goroutines.
func (a *Alerter) Run(ctx context.Context) error {
	tick := time.NewTicker(a.cfg.Interval)
	defer tick.Stop()
	poll := time.NewTicker(a.cfg.PollInterval)
	defer poll.Stop()
	var seen string
	pending := true // decide at start
	markerFailing := false
	for {
		if pending {
			pending = a.tryRun(ctx)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			pending = true // the week may have turned; alerts need re-pushing
		case <-poll.C:
			mark, err := a.marker(ctx)
			if err != nil {
				if ctx.Err() == nil && !markerFailing {
					a.logger.Warn("polling concern_daily for new events", "err", err)
				}
				markerFailing = true
				continue
			}
			markerFailing = false
			if mark != seen {
				// Still moving: wait for it to hold still.
				seen = mark
				continue
			}
			if !pending && a.mark != mark {
				pending = true
			}
		}
	}
}

// tryRun runs once unless the state is not synced yet; it reports whether
// a run is still pending.
func (a *Alerter) tryRun(ctx context.Context) (pending bool) {
	if !a.stateSynced(ctx) {
		return true
	}
	mark, _ := a.marker(ctx)
	if err := a.RunOnce(ctx); err != nil {
		if ctx.Err() == nil {
			a.m.runErrors.Inc()
			a.logger.Warn("deciding spike alerts", "err", err)
		}
		return false // retried on the next tick
	}
	a.mark = mark
	return false
}

// stateSynced asks Deps.StateSynced until it says yes once, or StateWait
// has passed.
func (a *Alerter) stateSynced(ctx context.Context) bool {
	if a.synced || a.d.StateSynced == nil {
		return true
	}
	ok, err := a.d.StateSynced(ctx)
	switch {
	case ok:
		a.synced = true
	case time.Since(a.started) > a.cfg.StateWait:
		a.logger.Warn("deciding without knowing that the alerts table is up to date with the alerts topic", "waited", a.cfg.StateWait, "err", err)
		a.synced = true
	case err != nil:
		a.logger.Info("waiting for the alerts sink to catch up", "err", err)
	default:
		a.logger.Debug("waiting for the alerts sink to catch up")
	}
	return a.synced
}

func (a *Alerter) marker(ctx context.Context) (string, error) {
	p, err := chsink.ReadProgress(ctx, a.d.Conn, "concern_daily")
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(p.Total(), 10), nil
}

type seriesKey struct{ ward, theme string }

// RunOnce decides every series once, produces the state changes and
// notifies. It is what Run calls; tests call it with a moved clock.
func (a *Alerter) RunOnce(ctx context.Context) error {
	start := time.Now()
	defer func() { a.m.duration.Observe(time.Since(start).Seconds()) }()
	now := a.d.Now().UTC()
	current := monday(now)

	state, err := a.state(ctx)
	if err != nil {
		return err
	}
	open := map[seriesKey]Event{}
	for _, e := range state {
		if e.Status == Firing {
			open[seriesKey{e.WardCode, e.Theme}] = e
		}
	}
	series, wardStart, err := a.weekly(ctx, current)
	if err != nil {
		return err
	}
	keys := a.candidates(series, open, current)
	a.m.series.Set(float64(len(keys)))

	type judged struct {
		weeks  []time.Time
		counts []int
		js     []detect.Judgement
	}
	all := make([]judged, len(keys))
	lookbacks := make([][]detect.Judgement, len(keys))
	for n, k := range keys {
		weeks, counts := detect.Weekly(series[k], wardStart[k.ward], current)
		js, err := a.judgeLookback(weeks, counts)
		if err != nil {
			return fmt.Errorf("judging %s %s: %w", k.ward, k.theme, err)
		}
		all[n] = judged{weeks, counts, js}
		lookbacks[n] = js
	}
	// The force tier, as `wardpulse detect` sets it: each week's
	// Benjamini-Hochberg step over every series of the force (every ward x
	// theme with concerns), the weeks not judged (nothing in them could
	// alarm) counting with p-value 1.
	detect.ForceTier(lookbacks, a.cfg.Detector, len(series))

	var changes []Event
	for n, k := range keys {
		weeks, counts, js := all[n].weeks, all[n].counts, all[n].js
		ep := decideEpisode(js, a.cfg.ResolveWeeks)
		stored, isOpen := open[k]
		switch {
		case ep.Open && !isOpen:
			e, err := a.firing(ctx, k, ep, weeks, counts, now, state)
			if err != nil {
				return err
			}
			changes = append(changes, e)
		case !ep.Open && isOpen:
			e, err := a.resolve(k, stored, js[len(js)-1], weeks, counts, now)
			if err != nil {
				return err
			}
			changes = append(changes, e)
		}
	}
	produceErr := a.produce(ctx, changes)

	// What is open now: the stored state plus what was produced (produce
	// records only what Kafka acknowledged).
	state = a.merged(state)
	var openList, resolvedList []Event
	a.m.open.Reset()
	for _, e := range state {
		if e.Status == Firing {
			openList = append(openList, e)
			a.m.open.WithLabelValues(e.WardCode, e.Theme).Set(1)
		}
	}
	a.mu.Lock()
	for id, e := range a.resolves {
		if now.Sub(e.DecidedAt) > a.cfg.ResendResolved {
			delete(a.resolves, id)
			continue
		}
		resolvedList = append(resolvedList, e)
	}
	a.mu.Unlock()
	sortEvents(openList)
	sortEvents(resolvedList)
	if a.d.Notifier != nil && len(openList)+len(resolvedList) > 0 {
		if err := a.d.Notifier.Notify(ctx, openList, resolvedList); err != nil {
			a.m.notify.Inc()
			a.logger.Warn("notifying alertmanager", "open", len(openList), "resolved", len(resolvedList), "err", err)
		}
	}
	if produceErr != nil {
		return produceErr
	}
	a.mu.Lock()
	a.ready = true
	a.mu.Unlock()
	if len(changes) > 0 {
		a.logger.Info("alerts decided", "changes", len(changes), "open", len(openList))
	}
	return nil
}

// candidates lists, in a stable order, the series worth judging: those with
// a week in the lookback that could alarm (at least MinCount concerns) and
// those with an open episode (which may have to resolve).
func (a *Alerter) candidates(series map[seriesKey]map[time.Time]int, open map[seriesKey]Event, current time.Time) []seriesKey {
	from := current.AddDate(0, 0, -7*(a.cfg.LookbackWeeks-1))
	set := map[seriesKey]bool{}
	for k, weeks := range series {
		for w, n := range weeks {
			if n >= a.cfg.Detector.MinCount && !w.Before(from) {
				set[k] = true
				break
			}
		}
	}
	for k := range open {
		set[k] = true
	}
	keys := make([]seriesKey, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].ward != keys[j].ward {
			return keys[i].ward < keys[j].ward
		}
		return keys[i].theme < keys[j].theme
	})
	return keys
}

// judgeLookback judges the last LookbackWeeks weeks of the series, each
// with only the data up to it. Weeks below MinCount cannot alarm and are
// not fitted (their judgement carries only the week and count).
func (a *Alerter) judgeLookback(weeks []time.Time, counts []int) ([]detect.Judgement, error) {
	n := len(counts)
	from := max(0, n-a.cfg.LookbackWeeks)
	js := make([]detect.Judgement, 0, n-from)
	for i := from; i < n; i++ {
		if counts[i] < a.cfg.Detector.MinCount {
			js = append(js, detect.Judgement{WeekStart: weeks[i], Count: counts[i]})
			continue
		}
		j, err := a.det.JudgeLast(weeks[:i+1], counts[:i+1])
		if err != nil {
			return nil, err
		}
		js = append(js, j)
	}
	return js, nil
}

// firing builds the event that opens ep.
func (a *Alerter) firing(ctx context.Context, k seriesKey, ep episode, weeks []time.Time, counts []int, now time.Time, state map[string]Event) (Event, error) {
	id := alertID(k, ep.Start)
	for n := 2; ; n++ {
		if _, used := state[id]; !used {
			break
		}
		id = fmt.Sprintf("%s/%d", alertID(k, ep.Start), n)
	}
	e := a.base(k, id, Firing, ep.Start, ep.Last, now)
	e.Severity = Warning
	if ep.Force {
		e.Severity = Critical
	}
	sum, n, expected, err := a.window(weeks, counts, now)
	if err != nil {
		return e, err
	}
	first, err := a.firstRaised(ctx, k, ep.Start.AddDate(0, 0, -7*(a.cfg.Detector.WindowWeeks-1)))
	if err != nil {
		return e, err
	}
	e.Summary = fmt.Sprintf("%s, %s: %s in the last %d weeks, %s expected%s", e.ThemeLabel, e.WardName, plural(sum, "concern"), n, fmtExpected(expected), first)
	return e, nil
}

// resolve builds the event that closes the stored episode; its labels
// (severity included) are the firing's, or Alertmanager would see another
// alert.
func (a *Alerter) resolve(k seriesKey, stored Event, cur detect.Judgement, weeks []time.Time, counts []int, now time.Time) (Event, error) {
	if !cur.Judged && len(counts) > 0 {
		j, err := a.det.JudgeLast(weeks, counts)
		if err != nil {
			return Event{}, err
		}
		cur = j
	}
	start, err := time.Parse(time.DateOnly, stored.EpisodeStart)
	if err != nil {
		start = cur.WeekStart
	}
	e := a.base(k, stored.AlertID, Resolved, start, cur, now)
	e.Severity = stored.Severity
	fired := stored.DecidedAt
	e.FiredAt = &fired
	sum, n, expected, err := a.window(weeks, counts, now)
	if err != nil {
		return e, err
	}
	e.Summary = fmt.Sprintf("%s, %s: back to its usual level (%s in the last %d weeks, %s expected); spike since the week of %s",
		e.ThemeLabel, e.WardName, plural(sum, "concern"), n, fmtExpected(expected), start.Format("2 Jan 2006"))
	return e, nil
}

func (a *Alerter) base(k seriesKey, id, status string, start time.Time, j detect.Judgement, now time.Time) Event {
	w, _ := a.d.Gazetteer.Ward(k.ward)
	name := w.Name
	if name == "" {
		name = k.ward
	}
	return Event{AlertID: id, Status: status, WardCode: k.ward, WardName: name, LADCode: w.LADCode, LADName: w.LADName,
		Theme: k.theme, ThemeLabel: a.d.Taxonomy.Label(k.theme), EpisodeStart: start.Format(time.DateOnly),
		WeekStart: j.WeekStart.Format(time.DateOnly), Observed: j.Count, Expected: round2(j.Expected), Threshold: round2(j.Threshold),
		Score: round2(j.Score), DetectorVersion: DetectorVersion, DecidedAt: now}
}

// window sums the last SummaryWeeks weeks (the current one included) and
// their expected counts, the current week's pro rata of the part elapsed,
// for the summary a person reads.
func (a *Alerter) window(weeks []time.Time, counts []int, now time.Time) (sum, n int, expected float64, err error) {
	from := max(0, len(counts)-a.cfg.SummaryWeeks)
	for i := from; i < len(counts); i++ {
		sum += counts[i]
		j, err := a.det.JudgeLast(weeks[:i+1], counts[:i+1])
		if err != nil {
			return 0, 0, 0, err
		}
		if i == len(counts)-1 {
			elapsed := now.Sub(weeks[i]).Hours() / (7 * 24)
			expected += j.Expected * math.Min(1, math.Max(elapsed, 0))
		} else {
			expected += j.Expected
		}
	}
	return sum, len(counts) - from, expected, nil
}

// alertID is an episode's id before any reopen suffix.
func alertID(k seriesKey, start time.Time) string {
	return fmt.Sprintf("%s/%s/%s", k.ward, k.theme, start.Format(time.DateOnly))
}

func monday(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func sortEvents(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].AlertID < evs[j].AlertID })
}

func round2(f float64) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0
	}
	return math.Round(f*100) / 100
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func fmtExpected(f float64) string {
	if f < 0.5 {
		return "under 1"
	}
	return fmt.Sprintf("%.0f", f)
}
