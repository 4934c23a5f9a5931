package briefing

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
	"time"
)

// Charts are drawn here as inline SVG so the document needs no network and
// prints the same everywhere. They must read in black and white: the three
// periods are told apart by fill (solid black, diagonal hatching, white
// with an outline), never by colour alone, and every bar carries its value.

// barSeries is one period in a grouped bar chart.
type barSeries struct {
	name string
	fill string // an SVG fill: a colour or url(#hatch)
}

var periodsSeries = []barSeries{{"This period", "#111"}, {"Previous period", "url(#hatch)"}, {"Same period a year before", "#fff"}}

const svgDefs = `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
	`<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#111" stroke-width="2.2"/></pattern></defs>`

// groupedBars draws horizontal grouped bars: one group per row, one bar per
// series value.
func groupedBars(title string, rows []Compare, series []barSeries, max int) template.HTML {
	if len(rows) > max {
		rows = rows[:max]
	}
	var peak int64 = 1
	for _, r := range rows {
		for _, v := range []int64{r.Now, r.Previous, r.YearAgo} {
			peak = max64(peak, v)
		}
	}
	const labelW, chartW, barH, gap = 210.0, 430.0, 9.0, 10.0
	groupH := float64(len(series))*barH + gap
	legendH := 26.0
	h := legendH + float64(len(rows))*groupH + 6
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="%s" viewBox="0 0 %.0f %.0f" width="100%%" xmlns="http://www.w3.org/2000/svg">`,
		html.EscapeString(title), labelW+chartW+50, h)
	b.WriteString(svgDefs)
	x := labelW
	for _, s := range series {
		fmt.Fprintf(&b, `<rect x="%.0f" y="6" width="12" height="12" fill="%s" stroke="#111"/><text x="%.0f" y="16" class="legend">%s</text>`,
			x, s.fill, x+16, html.EscapeString(s.name))
		x += 16 + float64(len(s.name))*6.2 + 18
	}
	for i, r := range rows {
		y0 := legendH + float64(i)*groupH
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" class="label" text-anchor="end">%s</text>`, labelW-8, y0+groupH/2, html.EscapeString(r.Label))
		for j, v := range []int64{r.Now, r.Previous, r.YearAgo}[:len(series)] {
			y := y0 + float64(j)*barH
			w := chartW * float64(v) / float64(peak)
			fmt.Fprintf(&b, `<rect class="bar" x="%.0f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#111" stroke-width="0.8"/>`,
				labelW, y, w, barH-1.5, series[j].fill)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="value">%d</text>`, labelW+w+4, y+barH-2.5, v)
		}
	}
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#111"/>`, labelW, legendH-4, labelW, h-4)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// change is "+3 (+50%)", "−2 (−40%)", "no change" or "new" for a count
// against an earlier one; words as well as signs, for print.
func change(now, before int64) string {
	d := now - before
	switch {
	case d == 0:
		return "no change"
	case before == 0:
		return fmt.Sprintf("+%d (none before)", d)
	case d > 0:
		return fmt.Sprintf("+%d (+%.0f%%)", d, 100*float64(d)/float64(before))
	default:
		return fmt.Sprintf("−%d (−%.0f%%)", -d, 100*float64(-d)/float64(before))
	}
}

func day(t time.Time) string { return t.Format("Mon 2 Jan 2006") }

// when prints a row's date: its day (layout), or, for a row whose day is
// unknown, its span ("Sep 2019", "Sep–Oct 2019", "Dec 2019–Jan 2020").
func when(layout string) func(from, until time.Time) string {
	return func(from, until time.Time) string {
		if until.Year() <= 1970 {
			return from.Format(layout)
		}
		switch {
		case from.Year() == until.Year() && from.Month() == until.Month():
			return from.Format("Jan 2006")
		case from.Year() == until.Year():
			return from.Format("Jan") + "–" + until.Format("Jan 2006")
		}
		return from.Format("Jan 2006") + "–" + until.Format("Jan 2006")
	}
}

func span(from, to time.Time) string {
	return from.Format("2 January 2006") + " to " + to.Format("2 January 2006")
}

var kinds = map[string]string{"community_meeting": "Community meeting", "partner_meeting": "Partner meeting", "board": "Board", "forum": "Forum", "event": "Event"}

var statusWords = map[string]string{"open": "Open", "actioned": "Actioned", "ongoing": "Ongoing", "referred": "Referred", "resolved": "Resolved", "no_further_action": "No further action"}

var tmpl = template.Must(template.New("briefing").Funcs(template.FuncMap{
	"day": day, "span": span, "change": change,
	"ninety": func(t time.Time) time.Time { return t.AddDate(0, 0, -90) },
	"status": func(s string) string {
		if w, ok := statusWords[s]; ok {
			return w
		}
		return s
	},
	"kind": func(k string) string {
		if s, ok := kinds[k]; ok {
			return s
		}
		return k
	},
	"short": func(t time.Time) string { return t.Format("2 Jan 2006") },
	"when":  when("2 Jan 2006"), "whenLong": when("Mon 2 Jan 2006"),
}).Parse(page))

// view is the template's data: the report plus the charts.
type view struct {
	*Report
	ThemeChart, WardMap, AuthorityChart template.HTML
	MainThemeLabels                     string
	OpenAlerts, ResolvedAlerts          int
	Movers                              []Mover
	TrendCharts                         []template.HTML
	TopPlaces                           []Compare
	MorePlaces                          int
	SummaryAlerts                       []Alert
	UnvisitedByAuthority                []Compare // Label authority, Now wards not visited, Previous wards in force
}

// placeRows is how many wards the ward table lists (the rest are counted).
const placeRows, summaryAlerts = 15, 6

// HTML writes the briefing as one self-contained HTML document.
func (r *Report) HTML(w io.Writer) error {
	v := view{Report: r,
		ThemeChart: groupedBars("Concerns by theme in three periods", r.Themes, periodsSeries, 8),
		WardMap:    wardMap(r),
		AuthorityChart: groupedBars("Meetings attended by local authority", r.ByAuthority,
			[]barSeries{{"Meetings in the period", "#111"}}, 10),
	}
	v.Movers = movers(r)
	for _, t := range r.Trends {
		if len(v.TrendCharts) == len(r.MainThemes) {
			break
		}
		v.TrendCharts = append(v.TrendCharts, trendChart(t, r.Months, r.From))
	}
	v.TopPlaces = r.Places
	if len(v.TopPlaces) > placeRows {
		v.TopPlaces, v.MorePlaces = v.TopPlaces[:placeRows], len(r.Places)-placeRows
	}
	v.UnvisitedByAuthority = unvisitedByAuthority(r)
	v.SummaryAlerts = r.Alerts
	if len(v.SummaryAlerts) > summaryAlerts {
		v.SummaryAlerts = v.SummaryAlerts[:summaryAlerts]
	}
	for _, a := range r.Alerts {
		if a.Open {
			v.OpenAlerts++
		} else {
			v.ResolvedAlerts++
		}
	}
	if err := tmpl.Execute(w, v); err != nil {
		return fmt.Errorf("rendering briefing: %w", err)
	}
	return nil
}

const page = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Programme of Engagement: {{span .From .To}}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; background: #fff; margin: 0 auto; max-width: 190mm; line-height: 1.4; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { page-break-after: avoid; break-after: avoid; font-size: 14pt; border-bottom: 2px solid #111; padding-bottom: 1mm; margin: 8mm 0 3mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
p.lede { font-size: 11pt; }
.meta { color: #444; font-size: 9pt; }
.figures { display: flex; gap: 4mm; margin: 4mm 0; }
.figure { flex: 1; border: 1.5px solid #111; padding: 2mm 3mm; }
.figure b { display: block; font-size: 18pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8.5pt; }
th, td { border: 1px solid #666; padding: 0.7mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
td.n, th.n { text-align: right; }
td.d { white-space: nowrap; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
svg.chart { max-width: 100%; height: auto; margin: 2mm 0 4mm; page-break-inside: avoid; break-inside: avoid; }
svg.chart text { font-family: inherit; fill: #111; }
svg.chart .label { font-size: 11px; }
svg.chart .value { font-size: 9px; }
svg.chart .legend { font-size: 10px; }
.status-open { font-weight: bold; }
.empty { font-style: italic; color: #444; }
section { page-break-inside: auto; }
.figure { font-size: 9.5pt; }
svg.spark { display: block; }
svg.spark .line, svg.trend .line { stroke-linejoin: round; }
.multiples { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; }
svg.trend { width: 100%; height: auto; page-break-inside: avoid; break-inside: avoid; }
svg.trend text { font-family: inherit; fill: #111; }
svg.trend .label { font-size: 11px; font-weight: bold; }
svg.trend .value { font-size: 9px; }
svg.trend .mini { font-size: 6.5px; }
p.unvisited { font-size: 9.5pt; }
svg.wardmap { width: 100%; height: auto; page-break-inside: avoid; break-inside: avoid; }
svg.wardmap text { font-family: inherit; }
svg.wardmap .label { font-size: 10px; font-weight: bold; fill: #111; }
svg.wardmap .wname { font-size: 7px; }
svg.wardmap .wchange { font-size: 11px; font-weight: bold; }
#summary h3 { margin: 3mm 0 1mm; }
#summary table, #summary p { font-size: 9pt; margin: 1mm 0 2mm; }
#summary th, #summary td { padding: 0.6mm 1.5mm; }
#summary .figures { margin: 2mm 0; }
section.break { page-break-before: always; }
@media print { body { max-width: none; } a { color: #111; text-decoration: none; } }
</style>
</head>
<body>
<header>
<p class="meta">Police and Crime Commissioner for Cleveland · Police and Crime Panel</p>
<h1>Programme of Engagement</h1>
<p class="lede">{{span .From .To}}. Compared with the previous period ({{span .PrevFrom .PrevTo}}) and the same period a year before ({{span .YearFrom .YearTo}}).</p>
</header>

<section id="summary">
<h2>Summary</h2>
<div class="figures">
<div class="figure"><b>{{len .Meetings}}</b>meetings attended, {{.Attendance}} people attending</div>
<div class="figure"><b>{{.Concerns.Now}}</b>concerns raised: {{change .Concerns.Now .Concerns.Previous}} on the previous period ({{.Concerns.Previous}}), {{change .Concerns.Now .Concerns.YearAgo}} on the year before ({{.Concerns.YearAgo}})</div>
<div class="figure"><b>{{len .Alerts}}</b>spike alerts: {{.OpenAlerts}} open, {{.ResolvedAlerts}} resolved</div>
<div class="figure"><b>{{len .Unvisited}}</b>wards not visited in the last 12 months</div>
</div>
<h3>Themes moving most</h3>
{{if .Movers}}
<table class="movers">
<thead><tr><th>Theme</th><th class="n">This period</th><th class="n">Previous period</th><th class="n">Change</th><th class="n">Year before</th><th>Last 12 months</th></tr></thead>
<tbody>
{{range .Movers}}<tr><td>{{.Label}}</td><td class="n">{{.Now}}</td><td class="n">{{.Previous}}</td><td class="n">{{change .Now .Previous}}</td><td class="n">{{.YearAgo}}</td><td>{{.Spark}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="empty">No theme changed on the previous period.</p>{{end}}
<h3>Spikes and what was done</h3>
{{if .SummaryAlerts}}
<table class="spikes">
<thead><tr><th>Since</th><th>Ward</th><th>Theme</th><th>Alert</th><th>Concerns acted on</th></tr></thead>
<tbody>
{{range .SummaryAlerts}}<tr><td class="d">{{short .Since}}</td><td>{{.Ward}}</td><td>{{.Theme}}</td><td>{{if .Open}}<span class="status-open">Open</span>{{else}}Resolved {{short .Decided}}{{end}}</td><td>{{if .Concerns}}{{.ActedOn}} of {{.Concerns}}{{else}}none recorded{{end}}</td></tr>
{{end}}</tbody>
</table>
{{if gt (len .Alerts) (len .SummaryAlerts)}}<p>{{len .Alerts}} in all: see section 2.</p>{{end}}
{{else}}<p class="empty">No spike alerts in the period.</p>{{end}}
<h3>Concerns open longer than 90 days</h3>
{{if .OpenLong}}<p>{{.OpenLong}} concerns raised before {{short (ninety .To)}} are still open (no outcome that closes them). The oldest:</p>
<table class="oldest">
<thead><tr><th>Raised</th><th>Ward</th><th>Theme</th><th>Concern</th><th>Status</th></tr></thead>
<tbody>
{{range .Oldest}}<tr><td class="d">{{short .Day}}</td><td>{{.Ward}}</td><td>{{.Theme}}</td><td>{{.Concern}}</td><td>{{status .Status}}, {{.Age}} days</td></tr>
{{end}}</tbody>
</table>
{{else}}<p>No concern raised more than 90 days before {{short .To}} is still open.</p>{{end}}
<h3>Wards not visited in the last 12 months</h3>
{{if .Unvisited}}<p>{{range $i, $a := .UnvisitedByAuthority}}{{if $i}}; {{end}}{{$a.Label}}: {{$a.Now}} of {{$a.Previous}}{{end}}. Listed in section 3.</p>
{{else}}<p>Every ward in force was visited in the 12 months to {{short .To}}.</p>{{end}}
</section>

<section id="purpose" class="break">
<h2>1. Purpose</h2>
<p>This report tells the Police and Crime Panel about the Commissioner's engagement in the period: the meetings attended, the concerns residents raised there and where, how they compare with earlier periods, the spikes flagged and what was done, and the meetings coming up. The meetings attended are listed in full in the appendix.</p>
</section>

<section id="voice">
<h2>2. Your Force Your Voice</h2>
<p>Counts are theme mentions: a concern raised under two themes counts once under each.</p>
<h3 id="themes">Concerns by theme</h3>
{{if .Themes}}
{{.ThemeChart}}
<table>
<thead><tr><th>Theme</th><th class="n">This period</th><th class="n">Previous period</th><th class="n">Change</th><th class="n">Year before</th><th class="n">Change on year before</th></tr></thead>
<tbody>
{{range .Themes}}<tr><td>{{.Label}}</td><td class="n">{{.Now}}</td><td class="n">{{.Previous}}</td><td class="n">{{change .Now .Previous}}</td><td class="n">{{.YearAgo}}</td><td class="n">{{change .Now .YearAgo}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="empty">No concerns are recorded for these periods.</p>{{end}}
<h3 id="trends">Trends over three years</h3>
{{if .TrendCharts}}<p>Concerns per month for the main themes, force-wide and beneath in each local authority on one scale; the hatched band is this period.</p>
<div class="multiples">{{range .TrendCharts}}{{.}}{{end}}</div>
{{else}}<p class="empty">No main themes in the period.</p>{{end}}
<h3 id="places">Where concerns were raised</h3>
<p>Each square is a ward in force on {{short .To}}, grouped by authority (alphabetical, not to scale): black with +n, more concerns than the same period a year before; hatched with −n, fewer; grey with 0, the same; white, none in either.</p>
{{.WardMap}}
{{if .Places}}
<table>
<thead><tr><th>Ward</th><th>Authority</th><th class="n">This period</th><th class="n">Previous period</th><th class="n">Year before</th><th class="n">Change on year before</th></tr></thead>
<tbody>
{{range .TopPlaces}}<tr><td>{{.Label}}</td><td>{{.Sub}}</td><td class="n">{{.Now}}</td><td class="n">{{.Previous}}</td><td class="n">{{.YearAgo}}</td><td class="n">{{change .Now .YearAgo}}</td></tr>
{{end}}</tbody>
</table>
{{if .MorePlaces}}<p>And {{.MorePlaces}} more wards with fewer concerns.</p>{{end}}
{{else}}<p class="empty">No concerns were raised in the period.</p>{{end}}
<h3 id="alerts">Spikes alerted and their outcome</h3>
<p>A spike alert flags a theme raised in a ward well above that ward's usual level. Listed: alerts started by the end of the period that were open during it.</p>
{{if .Alerts}}
<table>
<thead><tr><th>Since</th><th>Ward</th><th>Theme</th><th>Severity</th><th>What was seen</th><th>Outcome</th></tr></thead>
<tbody>
{{range .Alerts}}<tr><td class="d">{{short .Since}}</td><td>{{.Ward}}<br><small>{{.Authority}}</small></td><td>{{.Theme}}</td><td>{{.Severity}}</td><td>{{.Summary}}</td><td>{{if .Open}}<span class="status-open">Open</span>{{else}}Resolved {{short .Decided}}{{end}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="empty">No spike alerts in the period.</p>{{end}}
<h3 id="actions">You said, we did</h3>
<p>Concerns raised in the period under the main themes and what was done, with their status at {{short .To}}.</p>
{{if .Actions}}
<table>
<thead><tr><th>Theme</th><th>Date</th><th>Ward</th><th>You said</th><th>We did</th><th>Status</th></tr></thead>
<tbody>
{{range .Actions}}<tr><td>{{.Theme}}</td><td class="d">{{when .Day .Until}}</td><td>{{.Ward}}</td><td>{{.Concern}}</td><td>{{.Action}}</td><td>{{status .Status}}{{if .Outcome}}: {{.Outcome}}{{end}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="empty">No actions are recorded against the period's main concerns.</p>{{end}}
</section>

<section id="meetings">
<h2>3. Meetings</h2>
<p>{{len .Meetings}} meetings were attended in the period, {{.Attendance}} people attending; each is listed in the appendix.</p>
{{if .Meetings}}{{.AuthorityChart}}{{else}}<p class="empty">No meetings are recorded for the period.</p>{{end}}
<h3 id="unvisited">Wards not visited in the 12 months to {{short .To}}</h3>
{{if .Unvisited}}<p class="unvisited">{{range $i, $w := .Unvisited}}{{if $i}}; {{end}}{{$w.Label}} ({{$w.Sub}}){{end}}.</p>
{{else}}<p>Every ward in force was visited.</p>{{end}}
</section>

<section id="ahead">
<h2>4. Forthcoming meetings</h2>
{{if .Ahead}}
<table>
<thead><tr><th>Date</th><th>Meeting</th><th>Ward</th><th>Authority</th><th>Venue</th></tr></thead>
<tbody>
{{range .Ahead}}<tr><td class="d">{{whenLong .Day .Until}}</td><td>{{.Title}}</td><td>{{.Ward}}</td><td>{{.Authority}}</td><td>{{.Location}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="empty">No meetings after the period are on the log yet.</p>{{end}}
</section>

<section id="appendix" class="break">
<h2>Appendix: meetings attended</h2>
{{if .Meetings}}
<table>
<thead><tr><th>Date</th><th>Meeting</th><th>Ward</th><th>Authority</th><th>Venue</th><th class="n">Attendance</th><th class="n">Concerns</th></tr></thead>
<tbody>
{{range .Meetings}}<tr><td class="d">{{when .Day .Until}}</td><td>{{.Title}}<br><small>{{kind .Kind}}</small></td><td>{{.Ward}}</td><td>{{.Authority}}</td><td>{{.Location}}</td><td class="n">{{if .Attendance}}{{.Attendance}}{{else}}–{{end}}</td><td class="n">{{.Concerns}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="empty">No meetings are recorded for the period.</p>{{end}}
</section>

<footer><p class="meta">Generated by wardpulse on {{.Generated.Format "2 January 2006 15:04 MST"}} from the meetings and concerns on the log. Figures can change as corrections arrive.</p></footer>
</body>
</html>
`

// unvisitedByAuthority counts, per authority, the wards not visited in the
// 12 months (Now) and the wards in force (Previous).
func unvisitedByAuthority(r *Report) []Compare {
	var out []Compare
	at := map[string]int{}
	for _, l := range r.InForce {
		at[l.Label] = len(out)
		out = append(out, l)
	}
	for _, w := range r.Unvisited {
		if i, ok := at[w.Sub]; ok {
			out[i].Now++
		}
	}
	return out
}
