package alerting

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
)

// state returns the latest event of every alert id: the alerts table's
// (argMax by src_offset) overlaid with what this process produced.
func (a *Alerter) state(ctx context.Context) (map[string]Event, error) {
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
	return a.merged(state), nil
}

// merged overlays the events this process produced on state: each is the
// latest for its id (only this process produces while it runs), and the
// sink may not have stored it yet.
func (a *Alerter) merged(state map[string]Event) map[string]Event {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, e := range a.produced {
		state[id] = e
	}
	return state
}

// weekly reads the weekly counts per ward x theme over BaselineYears+1
// years up to the current week, and each ward's first week with any
// concern (the start of all its series).
func (a *Alerter) weekly(ctx context.Context, current time.Time) (map[seriesKey]map[time.Time]int, map[string]time.Time, error) {
	from := current.AddDate(-(a.cfg.Detector.BaselineYears + 1), 0, 0)
	// NOTE(alerting): concern_daily holds day-precise concerns only: a
	// concern whose source gives only its month or a period (schemas
	// precision) has no cells, so it can never make a weekly spike.
	// NOTE(alerting): dates are bound as strings inside toDate(): a
	// time.Time bound against a Date column on 18.16 silently matches
	// nothing.
	rows, err := a.d.Conn.Query(ctx, `SELECT ward_code, theme, toMonday(day) AS week, sum(concerns) AS n
FROM concern_daily WHERE theme != '' AND ward_code != '' AND day >= toDate(?) AND day < toDate(?)
GROUP BY ward_code, theme, week`, from.Format(time.DateOnly), current.AddDate(0, 0, 7).Format(time.DateOnly))
	if err != nil {
		return nil, nil, fmt.Errorf("reading weekly counts: %w", err)
	}
	defer rows.Close()
	series := map[seriesKey]map[time.Time]int{}
	wardStart := map[string]time.Time{}
	for rows.Next() {
		var ward, theme string
		var week time.Time
		var n int64
		if err := rows.Scan(&ward, &theme, &week, &n); err != nil {
			return nil, nil, fmt.Errorf("scanning weekly counts: %w", err)
		}
		w := monday(week)
		if s, ok := wardStart[ward]; !ok || w.Before(s) {
			wardStart[ward] = w
		}
		if n <= 0 { // everything withdrawn (or corrected away)
			continue
		}
		k := seriesKey{ward, theme}
		if series[k] == nil {
			series[k] = map[time.Time]int{}
		}
		series[k][w] += int(n)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("reading weekly counts: %w", err)
	}
	return series, wardStart, nil
}

// firstRaised says when, and at what kind of meeting, the first concern of
// the episode (on or after from) was raised, for the summary.
func (a *Alerter) firstRaised(ctx context.Context, k seriesKey, from time.Time) (string, error) {
	// The concern is found (FINAL, filtered, ordered, cut) in a subquery and
	// only then joined to its meeting: current ClickHouse's analyzer (26.5)
	// fails FINAL on the left table with WHERE and ORDER BY ... LIMIT over
	// the join itself (NOT_FOUND_COLUMN_IN_BLOCK), and every joined subquery
	// needs an alias there. Ties on the time go to the lower concern id as
	// a string (the engines break ties in their own ways; UUIDs compare by
	// their 64-bit halves on both, toString keeps the rule readable).
	rows, err := a.d.Conn.Query(ctx, `SELECT first_at, kind FROM (
    SELECT occurred_at AS first_at, meeting_id FROM concerns FINAL
    WHERE ward_code = ? AND has(themes, ?) AND withdrawn = 0 AND precision = 'day' AND day >= toDate(?)
    ORDER BY occurred_at, toString(concern_id) LIMIT 1) AS first
ANY LEFT JOIN (SELECT toString(meeting_id) AS meeting_id, kind FROM meetings FINAL WHERE withdrawn = 0) AS held USING meeting_id`, k.ward, k.theme, from.Format(time.DateOnly))
	if err != nil {
		return "", fmt.Errorf("finding the first concern of %s %s: %w", k.ward, k.theme, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", fmt.Errorf("finding the first concern of %s %s: %w", k.ward, k.theme, err)
		}
		return "", nil
	}
	var at time.Time
	var kind string
	if err := rows.Scan(&at, &kind); err != nil {
		return "", fmt.Errorf("scanning the first concern of %s %s: %w", k.ward, k.theme, err)
	}
	s := "; first raised " + at.UTC().Format("2 Jan")
	if kind != "" {
		s += " at the " + strings.ReplaceAll(kind, "_", " ")
	}
	return s, nil
}

// produce writes the events to the alerts topic and records those Kafka
// acknowledged (all of them, or those a kafka.WriteErrors leaves nil), so
// a partial failure is neither lost nor produced twice next run.
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
	err := a.d.Producer.WriteMessages(ctx, msgs...)
	var werrs kafka.WriteErrors
	partial := errors.As(err, &werrs) && len(werrs) == len(evs)
	a.mu.Lock()
	for i, e := range evs {
		if err != nil && (!partial || werrs[i] != nil) {
			continue
		}
		a.produced[e.AlertID] = e
		if e.Status == Resolved {
			a.resolves[e.AlertID] = e
		}
		a.m.events.WithLabelValues(e.Status).Inc()
	}
	a.mu.Unlock()
	if err != nil {
		return fmt.Errorf("producing %d alert events: %w", len(msgs), err)
	}
	return nil
}
