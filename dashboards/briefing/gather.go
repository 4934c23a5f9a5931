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

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/followup"
	"github.com/wardpulse/wardpulse/schemas"
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
	Concerns, ActedOn                         int // concerns of its ward and theme raised during the spike; acted on by the period's end
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
	Action  string // what was done: the actions ("YYYY-MM-DD by: text") or the legacy action text
	Outcome string // the latest outcome's note, if any
	Status  string // derived status (followup.Statuses)
}

// OpenConcern is a concern still open at the period's end.
type OpenConcern struct {
	Day                          time.Time
	Ward, Theme, Concern, Status string
	Age                          int64 // days
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
	Months           []time.Time        // the first days of the TrendMonths months ending with the period's last
	Trends           []Series           // themes raised in the period or the one before, most raised first
	Unvisited        []Compare          // wards in force with no meeting in the 12 months to the period's end (Label ward, Sub authority)
	ByWard           map[string]Compare // every ward's counts in the three periods, by ward code (the ward map)
	Tiles            []Tile             // the ward map
	OpenLong         int                // concerns open at the period's end, raised more than 90 days before
	Oldest           []OpenConcern      // the oldest of them
	InForce          []Compare          // wards in force at the period's end per authority (Label authority, Previous count)
}

// TrendMonths is how many months the trends cover: three years.
const TrendMonths = 36

// Series is a theme's mentions per month (Report.Months).
type Series struct {
	Theme, Label string
	Counts       []int64
	// ByAuthority splits Counts by local authority, one entry per
	// authority of the force (by code) whether or not it raised the theme,
	// so every theme's small multiples line up.
	ByAuthority []AuthoritySeries
}

// AuthoritySeries is one local authority's monthly counts of a theme.
type AuthoritySeries struct {
	Authority string
	Counts    []int64
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

// Gather reads the report for the days from..to (inclusive, UTC): one
// small step per section, in the order the later ones need (the main
// themes before their actions and trends).
func Gather(ctx context.Context, src Source, from, to time.Time) (*Report, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("gathering briefing: period ends (%s) before it starts (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	g := &gatherer{ctx: ctx, src: src, r: &Report{From: from, To: to, Generated: time.Now().UTC()}}
	g.r.PrevFrom, g.r.PrevTo, g.r.YearFrom, g.r.YearTo = Periods(from, to)
	for _, step := range []func() error{g.meetings, g.concerns, g.themes, g.places, g.tiles, g.alerts, g.actions, g.openLong, g.monthly, g.unvisited} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return g.r, nil
}

// gatherer holds what the steps of Gather share.
type gatherer struct {
	ctx context.Context
	src Source
	r   *Report
}

func (g *gatherer) query(what, sql string, row func(scan func(...any) error) error) error {
	return query(g.ctx, g.src.Conn, what, sql, row)
}

// wardLabel names a ward with its boundary period, "Grangetown (2019-)".
func (g *gatherer) wardLabel(code, name string) string {
	if w, ok := g.src.Wards.Ward(code); ok {
		return w.Name + " (" + w.Period() + ")"
	}
	return name
}

// meetings reads the period's meetings (with their concerns counted), the
// meetings ahead, attendance and meetings per authority.
func (g *gatherer) meetings() error {
	r := g.r
	perMeeting := map[string]int{}
	if err := g.query("counting concerns per meeting", `SELECT meeting_id, count() FROM concerns FINAL
WHERE withdrawn = 0 AND meeting_id != '' AND `+between("day", r.From, r.To)+` GROUP BY meeting_id`, func(scan func(...any) error) error {
		var id string
		var n uint64
		if err := scan(&id, &n); err != nil {
			return err
		}
		perMeeting[id] = int(n)
		return nil
	}); err != nil {
		return err
	}
	read := func(what, where, order string) ([]Meeting, error) {
		var out []Meeting
		err := g.query(what, `SELECT toString(meeting_id), day, `+untilColumn+`, ward_code, ward_name, lad_name, title, kind, location, attendance
FROM meetings FINAL WHERE withdrawn = 0 AND `+where+` ORDER BY `+order, func(scan func(...any) error) error {
			var m Meeting
			var id, code string
			if err := scan(&id, &m.Day, &m.Until, &code, &m.Ward, &m.Authority, &m.Title, &m.Kind, &m.Location, &m.Attendance); err != nil {
				return err
			}
			m.Ward = g.wardLabel(code, m.Ward)
			m.Concerns = perMeeting[id]
			out = append(out, m)
			return nil
		})
		return out, err
	}
	var err error
	if r.Meetings, err = read("reading the period's meetings", between("day", r.From, r.To), "day, ward_name, title, toString(meeting_id)"); err != nil {
		return err
	}
	if r.Ahead, err = read("reading the meetings ahead", "day > "+d(r.To), "day, ward_name, title, toString(meeting_id) LIMIT 40"); err != nil {
		return err
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
	return nil
}

// three sums col over the period, the previous period and the year before.
func (g *gatherer) three(col string) string {
	r := g.r
	return fmt.Sprintf("sumIf(%[1]s, %[2]s), sumIf(%[1]s, %[3]s), sumIf(%[1]s, %[4]s)", col,
		between("day", r.From, r.To), between("day", r.PrevFrom, r.PrevTo), between("day", r.YearFrom, r.YearTo))
}

// anyPeriod keeps the rows of the three periods.
func (g *gatherer) anyPeriod() string {
	r := g.r
	return "(" + between("day", r.YearFrom, r.YearTo) + " OR " + between("day", r.PrevFrom, r.To) + ")"
}

// concerns counts distinct concerns in the three periods.
func (g *gatherer) concerns() error {
	c := &g.r.Concerns
	return g.query("counting concerns", `SELECT `+g.three("c")+` FROM (SELECT day, toInt64(1) AS c FROM concerns FINAL WHERE withdrawn = 0 AND `+g.anyPeriod()+`)`,
		func(scan func(...any) error) error { return scan(&c.Now, &c.Previous, &c.YearAgo) })
}

// themes counts theme mentions in the three periods and picks the main
// themes (up to five raised in the period, most raised first).
func (g *gatherer) themes() error {
	r := g.r
	if err := g.query("counting concerns by theme", `SELECT theme, `+g.three("concerns")+` FROM concern_daily
WHERE theme != '' AND `+g.anyPeriod()+` GROUP BY theme`, func(scan func(...any) error) error {
		var c Compare
		var id string
		if err := scan(&id, &c.Now, &c.Previous, &c.YearAgo); err != nil {
			return err
		}
		c.Label, c.Sub = g.src.Themes.Label(id), id
		if c.Now != 0 || c.Previous != 0 || c.YearAgo != 0 {
			r.Themes = append(r.Themes, c)
		}
		return nil
	}); err != nil {
		return err
	}
	sortCompare(r.Themes)
	for i, t := range r.Themes {
		if i == 5 || t.Now == 0 {
			break
		}
		r.MainThemes = append(r.MainThemes, t.Sub)
	}
	return nil
}

// places counts concerns by ward in the three periods.
func (g *gatherer) places() error {
	r := g.r
	if err := g.query("counting concerns by ward", `SELECT ward_code, lad_code, `+g.three("concerns")+` FROM concern_daily
WHERE theme != '' AND `+g.anyPeriod()+` GROUP BY ward_code, lad_code`, func(scan func(...any) error) error {
		var c Compare
		var code, lad string
		if err := scan(&code, &lad, &c.Now, &c.Previous, &c.YearAgo); err != nil {
			return err
		}
		c.Label = g.wardLabel(code, code)
		if l, ok := g.src.Wards.LAD(lad); ok {
			c.Sub = l.Name
		}
		if r.ByWard == nil {
			r.ByWard = map[string]Compare{}
		}
		r.ByWard[code] = c
		if c.Now > 0 {
			r.Places = append(r.Places, c)
		}
		return nil
	}); err != nil {
		return err
	}
	sortCompare(r.Places)
	return nil
}

// alerts reads the spikes started by the end of the period that were open
// during it, from the dashboards' subquery of alerts at their latest state,
// and how many of the concerns of each spike's ward and theme raised during
// it were acted on by the period's end (the dashboards' count).
func (g *gatherer) alerts() error {
	r := g.r
	where := `a_episode_start <= ` + d(r.To) + ` AND (state != 'resolved' OR a_decided_at >= toDateTime('` + r.From.Format(time.DateOnly) + ` 00:00:00', 'UTC'))`
	at := map[string]int{}
	if err := g.query("reading spike alerts", `SELECT toString(alert_id), a_ward_code, a_ward_name, a_lad_name, a_theme, a_severity, a_first_summary, a_episode_start, state, a_decided_at, a_first_observed, a_first_expected
FROM `+dashboards.CurrentAlerts()+`
WHERE `+where+`
ORDER BY a_episode_start, a_ward_name, a_theme, alert_id`, func(scan func(...any) error) error {
		var a Alert
		var id, code, theme, state string
		if err := scan(&id, &code, &a.Ward, &a.Authority, &theme, &a.Severity, &a.Summary, &a.Since, &state, &a.Decided, &a.Observed, &a.Expected); err != nil {
			return err
		}
		a.Ward = g.wardLabel(code, a.Ward)
		a.Theme = g.src.Themes.Label(theme)
		a.Open = state != "resolved"
		at[id] = len(r.Alerts)
		r.Alerts = append(r.Alerts, a)
		return nil
	}); err != nil {
		return err
	}
	return g.query("counting spikes' concerns acted on", `SELECT toString(alert_id), countIf(in_episode), countIf(in_episode AND status != 'open')
FROM `+dashboards.AlertEpisodeConcerns(d(r.To), where)+`
GROUP BY alert_id`, func(scan func(...any) error) error {
		var id string
		var n, acted uint64
		if err := scan(&id, &n, &acted); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			r.Alerts[i].Concerns, r.Alerts[i].ActedOn = int(n), int(acted)
		}
		return nil
	})
}

// actions reads "you said, we did": up to four concerns raised in the
// period per main theme that were followed up (an action, a legacy action
// text or an outcome, as of the period's end), through the one definition
// of follow-up status the dashboards use (followup.StatusSQL).
func (g *gatherer) actions() error {
	r := g.r
	main := map[string]bool{}
	for _, t := range r.MainThemes {
		main[t] = true
	}
	perTheme := map[string]int{}
	if err := g.query("reading what was done about the main concerns", `SELECT c_day, c_until, c_ward_code, c_ward_name, c_themes, c_text,
    if(f_actions > 0, f_did, c_legacy_action) AS we_did, if(o_outcomes > 0, o_note, '') AS note, status
FROM `+followup.StatusSQL(d(r.To), between("day", r.From, r.To))+` AS s
ALL LEFT JOIN (SELECT concern_id, `+untilColumn+` AS c_until FROM concerns FINAL WHERE withdrawn = 0 AND `+between("day", r.From, r.To)+`) AS u USING concern_id
WHERE status != 'open'
ORDER BY c_day, c_ward_name, c_text, toString(concern_id)`, func(scan func(...any) error) error {
		var a Action
		var code string
		var themes []string
		if err := scan(&a.Day, &a.Until, &code, &a.Ward, &themes, &a.Concern, &a.Action, &a.Outcome, &a.Status); err != nil {
			return err
		}
		a.Ward = g.wardLabel(code, a.Ward)
		a.Action = actors.Replace(a.Action)
		for _, t := range themes {
			if main[t] && perTheme[t] < 4 {
				perTheme[t]++
				a.Theme = g.src.Themes.Label(t)
				r.Actions = append(r.Actions, a)
				break
			}
		}
		return nil
	}); err != nil {
		return err
	}
	order := map[string]int{}
	for i, t := range r.MainThemes {
		order[g.src.Themes.Label(t)] = i
	}
	sort.SliceStable(r.Actions, func(i, j int) bool { return order[r.Actions[i].Theme] < order[r.Actions[j].Theme] })
	return nil
}

// actors writes StatusSQL's "YYYY-MM-DD by: text" in words: every By value
// but other_agency already is one.
var actors = strings.NewReplacer(" "+schemas.ByOtherAgency+": ", " other agency: ")

// openLong counts the concerns still open at the period's end that were
// raised more than 90 days before it, and keeps the oldest few.
func (g *gatherer) openLong() error {
	r := g.r
	return g.query("reading concerns open longer than 90 days", `SELECT c_day, c_ward_code, c_ward_name, c_themes, c_text, status, age_days
FROM `+followup.StatusSQL(d(r.To), "")+`
WHERE is_open = 1 AND age_days > 90
ORDER BY c_day, c_ward_name, c_text, toString(concern_id)`, func(scan func(...any) error) error {
		var o OpenConcern
		var code string
		var themes []string
		if err := scan(&o.Day, &code, &o.Ward, &themes, &o.Concern, &o.Status, &o.Age); err != nil {
			return err
		}
		r.OpenLong++
		if len(r.Oldest) < oldestShown {
			o.Ward = g.wardLabel(code, o.Ward)
			var labels []string
			for _, t := range themes {
				labels = append(labels, g.src.Themes.Label(t))
			}
			o.Theme = strings.Join(labels, ", ")
			r.Oldest = append(r.Oldest, o)
		}
		return nil
	})
}

// oldestShown is how many of the concerns open longer than 90 days the
// summary lists.
const oldestShown = 3

// monthly reads theme mentions per calendar month over the three years
// ending with the period's last month, for every theme raised in the
// period or the one before: the trends and the summary's sparklines.
func (g *gatherer) monthly() error {
	r := g.r
	last := time.Date(r.To.Year(), r.To.Month(), 1, 0, 0, 0, 0, time.UTC)
	first := last.AddDate(0, -(TrendMonths - 1), 0)
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		r.Months = append(r.Months, m)
	}
	index := map[string]int{}
	for _, t := range r.Themes {
		if t.Now == 0 && t.Previous == 0 {
			continue
		}
		index[t.Sub] = len(r.Trends)
		r.Trends = append(r.Trends, Series{Theme: t.Sub, Label: t.Label, Counts: make([]int64, TrendMonths)})
	}
	lads := g.src.Wards.LADs()
	ladIndex := map[string]int{}
	for i, l := range lads {
		ladIndex[l.Code] = i
	}
	for i := range r.Trends {
		for _, l := range lads {
			r.Trends[i].ByAuthority = append(r.Trends[i].ByAuthority, AuthoritySeries{Authority: l.Name, Counts: make([]int64, TrendMonths)})
		}
	}
	return g.query("counting concerns by theme, authority and month", `SELECT theme, lad_code, toStartOfMonth(day) AS m, sum(concerns) FROM concern_daily
WHERE theme != '' AND `+between("day", first, r.To)+` GROUP BY theme, lad_code, m`, func(scan func(...any) error) error {
		var theme, lad string
		var m time.Time
		var n int64
		if err := scan(&theme, &lad, &m, &n); err != nil {
			return err
		}
		i, ok := index[theme]
		k := (m.Year()-first.Year())*12 + int(m.Month()-first.Month())
		if !ok || k < 0 || k >= TrendMonths {
			return nil
		}
		r.Trends[i].Counts[k] += n
		if j, ok := ladIndex[lad]; ok {
			r.Trends[i].ByAuthority[j].Counts[k] += n
		}
		return nil
	})
}

// unvisited lists the wards in force at the end of the period with no
// meeting in the twelve months up to it, by authority and name.
func (g *gatherer) unvisited() error {
	r := g.r
	met := map[string]bool{}
	if err := g.query("reading the wards visited in twelve months", `SELECT DISTINCT ward_code FROM meetings FINAL
WHERE withdrawn = 0 AND `+between("day", r.To.AddDate(-1, 0, 1), r.To), func(scan func(...any) error) error {
		var code string
		if err := scan(&code); err != nil {
			return err
		}
		met[code] = true
		return nil
	}); err != nil {
		return err
	}
	at := map[string]int{}
	for _, w := range g.src.Wards.WardsAt(r.To) {
		if _, ok := at[w.LADName]; !ok {
			at[w.LADName] = len(r.InForce)
			r.InForce = append(r.InForce, Compare{Label: w.LADName})
		}
		r.InForce[at[w.LADName]].Previous++
		if !met[w.Code] {
			r.Unvisited = append(r.Unvisited, Compare{Label: w.Name, Sub: w.LADName})
		}
	}
	sort.Slice(r.InForce, func(i, j int) bool { return r.InForce[i].Label < r.InForce[j].Label })
	sort.SliceStable(r.Unvisited, func(i, j int) bool {
		if r.Unvisited[i].Sub != r.Unvisited[j].Sub {
			return r.Unvisited[i].Sub < r.Unvisited[j].Sub
		}
		return r.Unvisited[i].Label < r.Unvisited[j].Label
	})
	return nil
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
