// Package briefing writes the PCC's Panel briefing for a period: a
// self-contained HTML document (inline CSS, SVG charts drawn here, no
// network) and its PDF printed by headless Chromium, in the spirit of the
// bi-monthly "Programme of Engagement" report to the Police and Crime Panel.
//
// Its figures come from the same tables as the dashboards, read the same
// way: meetings and concerns with FINAL and withdrawn = 0, concern_daily
// without its progress markers (theme != ”), alerts at their latest state.
package briefing

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// Meeting is a meeting attended (or ahead).
type Meeting struct {
	Day                                    time.Time
	Until                                  time.Time // a meeting whose day is unknown: its span's end (Day is its start); zero otherwise
	Ward, Authority, Title, Kind, Location string
	Attendance                             uint32
	Concerns                               int
}

// Compare is a count in the period, the previous period of equal length
// and the same period a year before.
type Compare struct {
	Label, Sub             string
	Now, Previous, YearAgo int64
}

// Alert is a spike alerted in or open during the period, with its outcome.
type Alert struct {
	Ward, Authority, Theme, Severity, Summary string
	Since                                     time.Time
	Open                                      bool
	Decided                                   time.Time
	Observed                                  uint32
	Expected                                  float64
}

// Action is what was done about a concern under one of the main themes.
// untilColumn is the end of a month- or period-precise row's span, or
// 1970-01-01 (read as "a day") for a day-precise one: the briefing prints a
// span, never an invented day (migration 0006).
const untilColumn = "if(precision = 'day', toDate('1970-01-01'), period_end)"

// Action is a concern with what was done about it.
type Action struct {
	Theme   string
	Day     time.Time
	Until   time.Time // a concern whose day is unknown: its span's end (Day is its start); zero otherwise
	Ward    string
	Concern string
	Action  string
}

// Report is everything the briefing shows.
type Report struct {
	From, To         time.Time // inclusive days
	PrevFrom, PrevTo time.Time
	YearFrom, YearTo time.Time
	Generated        time.Time
	Meetings         []Meeting
	Attendance       int
	ByAuthority      []Compare // meetings per authority (Now only)
	Concerns         Compare   // distinct concerns
	Themes           []Compare // theme mentions, most raised first
	Places           []Compare // wards, most raised first
	Alerts           []Alert
	MainThemes       []string
	Actions          []Action
	Ahead            []Meeting
}

// Source is where Gather reads from.
type Source struct {
	Conn   driver.Conn
	Themes *taxonomy.Taxonomy
	Wards  *gazetteer.Gazetteer
}

func d(t time.Time) string { return "toDate('" + t.Format(time.DateOnly) + "')" }

func between(col string, from, to time.Time) string {
	return fmt.Sprintf("%s >= %s AND %s <= %s", col, d(from), col, d(to))
}

// Periods returns the previous period of equal length (ending the day
// before from) and the same period a year before. A period of whole
// calendar months (the Panel's bi-monthly cycle) is compared with the same
// number of whole months before it, so December-January is set against
// October-November rather than 30 September-30 November.
func Periods(from, to time.Time) (prevFrom, prevTo, yearFrom, yearTo time.Time) {
	prevTo = from.AddDate(0, 0, -1)
	if months := (to.Year()-from.Year())*12 + int(to.Month()-from.Month()) + 1; from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 {
		prevFrom = from.AddDate(0, -months, 0)
	} else {
		days := int(to.Sub(from).Hours()/24) + 1
		prevFrom = prevTo.AddDate(0, 0, -(days - 1))
	}
	yearFrom = from.AddDate(-1, 0, 0)
	yearTo = to.AddDate(-1, 0, 0)
	if to.AddDate(0, 0, 1).Day() == 1 { // keep month ends: 29 February 2020 a year before is 28 February 2019
		yearTo = to.AddDate(0, 0, 1).AddDate(-1, 0, 0).AddDate(0, 0, -1)
	}
	return prevFrom, prevTo, yearFrom, yearTo
}

// Gather reads the report for the days from..to (inclusive, UTC).
func Gather(ctx context.Context, src Source, from, to time.Time) (*Report, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("gathering briefing: period ends (%s) before it starts (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	r := &Report{From: from, To: to, Generated: time.Now().UTC()}
	r.PrevFrom, r.PrevTo, r.YearFrom, r.YearTo = Periods(from, to)
	wardLabel := func(code, name string) string {
		if w, ok := src.Wards.Ward(code); ok {
			return w.Name + " (" + w.Period() + ")"
		}
		return name
	}

	perMeeting := map[string]int{}
	if err := query(ctx, src.Conn, "counting concerns per meeting", `SELECT meeting_id, count() FROM concerns FINAL
WHERE withdrawn = 0 AND meeting_id != '' AND `+between("day", from, to)+` GROUP BY meeting_id`, func(scan func(...any) error) error {
		var id string
		var n uint64
		if err := scan(&id, &n); err != nil {
			return err
		}
		perMeeting[id] = int(n)
		return nil
	}); err != nil {
		return nil, err
	}
	meetings := func(what, where, order string) ([]Meeting, error) {
		var out []Meeting
		err := query(ctx, src.Conn, what, `SELECT toString(meeting_id), day, `+untilColumn+`, ward_code, ward_name, lad_name, title, kind, location, attendance
FROM meetings FINAL WHERE withdrawn = 0 AND `+where+` ORDER BY `+order, func(scan func(...any) error) error {
			var m Meeting
			var id, code string
			if err := scan(&id, &m.Day, &m.Until, &code, &m.Ward, &m.Authority, &m.Title, &m.Kind, &m.Location, &m.Attendance); err != nil {
				return err
			}
			m.Ward = wardLabel(code, m.Ward)
			m.Concerns = perMeeting[id]
			out = append(out, m)
			return nil
		})
		return out, err
	}
	var err error
	if r.Meetings, err = meetings("reading the period's meetings", between("day", from, to), "day, ward_name, title, toString(meeting_id)"); err != nil {
		return nil, err
	}
	if r.Ahead, err = meetings("reading the meetings ahead", "day > "+d(to), "day, ward_name, title, toString(meeting_id) LIMIT 40"); err != nil {
		return nil, err
	}
	byLAD := map[string]int64{}
	for _, m := range r.Meetings {
		r.Attendance += int(m.Attendance)
		byLAD[m.Authority]++
	}
	for l, n := range byLAD {
		r.ByAuthority = append(r.ByAuthority, Compare{Label: l, Now: n})
	}
	sort.Slice(r.ByAuthority, func(i, j int) bool { return r.ByAuthority[i].Label < r.ByAuthority[j].Label })

	three := func(col string) string {
		return fmt.Sprintf("sumIf(%[1]s, %[2]s), sumIf(%[1]s, %[3]s), sumIf(%[1]s, %[4]s)", col,
			between("day", from, to), between("day", r.PrevFrom, r.PrevTo), between("day", r.YearFrom, r.YearTo))
	}
	anyPeriod := "(" + between("day", r.YearFrom, r.YearTo) + " OR " + between("day", r.PrevFrom, to) + ")"
	if err := query(ctx, src.Conn, "counting concerns", `SELECT `+three("c")+` FROM (SELECT day, toInt64(1) AS c FROM concerns FINAL WHERE withdrawn = 0 AND `+anyPeriod+`)`,
		func(scan func(...any) error) error {
			return scan(&r.Concerns.Now, &r.Concerns.Previous, &r.Concerns.YearAgo)
		}); err != nil {
		return nil, err
	}
	if err := query(ctx, src.Conn, "counting concerns by theme", `SELECT theme, `+three("concerns")+` FROM concern_daily
WHERE theme != '' AND `+anyPeriod+` GROUP BY theme`, func(scan func(...any) error) error {
		var c Compare
		var id string
		if err := scan(&id, &c.Now, &c.Previous, &c.YearAgo); err != nil {
			return err
		}
		c.Label, c.Sub = src.Themes.Label(id), id
		if c.Now != 0 || c.Previous != 0 || c.YearAgo != 0 {
			r.Themes = append(r.Themes, c)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	sortCompare(r.Themes)
	for i, t := range r.Themes {
		if i == 5 || t.Now == 0 {
			break
		}
		r.MainThemes = append(r.MainThemes, t.Sub)
	}
	if err := query(ctx, src.Conn, "counting concerns by ward", `SELECT ward_code, lad_code, `+three("concerns")+` FROM concern_daily
WHERE theme != '' AND `+anyPeriod+` GROUP BY ward_code, lad_code`, func(scan func(...any) error) error {
		var c Compare
		var code, lad string
		if err := scan(&code, &lad, &c.Now, &c.Previous, &c.YearAgo); err != nil {
			return err
		}
		c.Label = wardLabel(code, code)
		if l, ok := src.Wards.LAD(lad); ok {
			c.Sub = l.Name
		}
		if c.Now > 0 {
			r.Places = append(r.Places, c)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	sortCompare(r.Places)

	if err := query(ctx, src.Conn, "reading spike alerts", `SELECT a_ward_code, a_ward_name, a_lad_name, a_theme, a_severity, a_summary, first_summary, a_episode_start, state, a_decided_at, first_observed, first_expected
FROM (
    SELECT alert_id,
        argMax(status, src_offset) AS state,
        argMax(ward_code, src_offset) AS a_ward_code,
        argMax(ward_name, src_offset) AS a_ward_name,
        argMax(lad_name, src_offset) AS a_lad_name,
        argMax(theme, src_offset) AS a_theme,
        argMax(severity, src_offset) AS a_severity,
        argMax(summary, src_offset) AS a_summary,
        argMin(summary, src_offset) AS first_summary,
        argMin(observed, src_offset) AS first_observed,
        argMin(expected, src_offset) AS first_expected,
        min(episode_start) AS a_episode_start,
        max(decided_at) AS a_decided_at
    FROM alerts GROUP BY alert_id)
WHERE a_episode_start <= `+d(to)+` AND (state != 'resolved' OR a_decided_at >= toDateTime('`+from.Format(time.DateOnly)+` 00:00:00', 'UTC'))
ORDER BY a_episode_start, a_ward_name, a_theme, alert_id`, func(scan func(...any) error) error {
		var a Alert
		var code, theme, state, last string
		if err := scan(&code, &a.Ward, &a.Authority, &theme, &a.Severity, &last, &a.Summary, &a.Since, &state, &a.Decided, &a.Observed, &a.Expected); err != nil {
			return err
		}
		a.Ward = wardLabel(code, a.Ward)
		a.Theme = src.Themes.Label(theme)
		a.Open = state != "resolved"
		r.Alerts = append(r.Alerts, a)
		return nil
	}); err != nil {
		return nil, err
	}

	main := map[string]bool{}
	for _, t := range r.MainThemes {
		main[t] = true
	}
	perTheme := map[string]int{}
	if err := query(ctx, src.Conn, "reading actions on the main concerns", `SELECT day, `+untilColumn+`, ward_code, ward_name, themes, text, action FROM concerns FINAL
WHERE withdrawn = 0 AND action != '' AND `+between("day", from, to)+` ORDER BY day, ward_name, text, toString(concern_id)`, func(scan func(...any) error) error {
		var a Action
		var code string
		var themes []string
		if err := scan(&a.Day, &a.Until, &code, &a.Ward, &themes, &a.Concern, &a.Action); err != nil {
			return err
		}
		a.Ward = wardLabel(code, a.Ward)
		for _, t := range themes {
			if main[t] && perTheme[t] < 4 {
				perTheme[t]++
				a.Theme = src.Themes.Label(t)
				r.Actions = append(r.Actions, a)
				break
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, t := range r.MainThemes {
		order[src.Themes.Label(t)] = i
	}
	sort.SliceStable(r.Actions, func(i, j int) bool { return order[r.Actions[i].Theme] < order[r.Actions[j].Theme] })
	return r, nil
}

func sortCompare(cs []Compare) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Now != cs[j].Now {
			return cs[i].Now > cs[j].Now
		}
		return strings.Compare(cs[i].Label, cs[j].Label) < 0
	})
}

// query runs sql and calls row for each result row; what names the step in errors.
func query(ctx context.Context, conn driver.Conn, what, sql string, row func(scan func(...any) error) error) error {
	rows, err := conn.Query(ctx, sql)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return fmt.Errorf("%s: reading a row: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
