package dashboards

import (
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// The dashboards. Conventions every query keeps (see the tables' comments
// in schemas/migrations): concern_daily rows with theme = '' are progress
// markers, so every read filters theme != ''; meetings and concerns are
// ReplacingMergeTree, read with FINAL and withdrawn = 0; an alert's current
// state is argMax(status, src_offset). Counts in concern_daily are theme
// mentions: a concern raised under two themes counts once in each.

// spanDate shows a row's day, or, for a meeting or concern whose day is
// unknown (migration 0006), its span ("2019-09-01 to 2019-10-31"): a table
// never shows an invented day. ISO dates sort as the days did.
const spanDate = "if(precision = 'day', toString(day), concat(toString(period_start), ' to ', toString(period_end)))"

func (g *Generator) alertAnnotation(filter string) cog.Builder[dashboard.AnnotationQuery] {
	sql := `SELECT toDateTime(min(episode_start)) AS time,
    toDateTime(max(week_start)) + 7 * 86400 - 1 AS timeEnd,
    concat('Spike: ', ` + g.themeLabel("any(theme)") + `, ' in ', any(ward_name), ' (', argMax(status, src_offset), '). ', argMax(summary, src_offset)) AS text,
    [any(theme), argMax(status, src_offset)] AS tags
FROM alerts
WHERE $__dateFilter(episode_start)` + filter + `
GROUP BY alert_id
ORDER BY time`
	t := chTarget(sql, ShapeAnnotation)
	t.RefID = "Anno"
	return dashboard.NewAnnotationQueryBuilder().Name("Spike alerts").Datasource(ClickHouseRef()).Enable(true).Hide(false).IconColor("red").Target(t)
}

func (g *Generator) overview() (Dashboard, error) {
	var l grid
	l.add(24, 3, text("Concerns raised at community meetings across the Cleveland force area. Counts are **theme mentions**: "+
		"a concern raised under two themes counts once in each. Red marks are spike alerts. Use *Bucket* for week, month or quarter."))
	l.add(16, 10, timeseries("Concerns by theme", "Theme mentions per bucket across the force area.", `SELECT $bucket(day) AS time, `+g.themeLabel("theme")+` AS Theme, sum(concerns) AS concerns
FROM concern_daily
WHERE theme != '' AND $__dateFilter(day)
GROUP BY time, Theme
ORDER BY time`, labelled("Theme")))
	l.add(8, 4, stat("Open spike alerts", "Alerts whose latest state is not resolved, whatever the time range.", `SELECT count() AS open_alerts
FROM `+CurrentAlerts()+`
WHERE state != 'resolved'`))
	rising := table("Themes rising fastest", "Theme mentions in the selected range against the same range a year before, ranked by the increase.", `SELECT `+g.themeLabel("theme")+` AS Theme,
    sumIf(concerns, day >= toDate($__fromTime) AND day <= toDate($__toTime)) AS this_period,
    sumIf(concerns, day >= `+lastYear("$__fromTime")+` AND day <= `+lastYear("$__toTime")+`) AS year_before,
    this_period - year_before AS change,
    if(year_before = 0, NULL, `+roundHalfUp("100 * (this_period - year_before) / year_before", 0)+`) AS change_pct
FROM concern_daily
WHERE theme != '' AND day >= `+lastYear("$__fromTime")+` AND day <= toDate($__toTime)
GROUP BY Theme
ORDER BY change DESC, this_period DESC, Theme
LIMIT 10`)
	l.add(8, 6, rising)
	l.add(14, 10, sparklines("Ward × theme: the 25 busiest pairs",
		"Theme mentions per month for the ward and theme pairs raised most in the range, with a sparkline of the trend.",
		// One pass over the range: each pair's months and counts travel as
		// arrays until the 25 busiest are picked (a second scan to find
		// them doubled the time over a large table).
		`SELECT time, `+g.wardLabel("ward_code")+` AS Ward, `+g.themeLabel("theme")+` AS Theme, concerns
FROM (
    SELECT ward_code, theme, groupArray(month) AS months, groupArray(n) AS counts, sum(n) AS total
    FROM (
        SELECT ward_code, theme, toStartOfMonth(day) AS month, sum(concerns) AS n
        FROM concern_daily
        WHERE theme != '' AND $__dateFilter(day)
        GROUP BY ward_code, theme, month)
    GROUP BY ward_code, theme
    ORDER BY total DESC, ward_code, theme
    LIMIT 25)
ARRAY JOIN months AS time, counts AS concerns
ORDER BY time`))
	l.add(10, 10, table("Open spike alerts", "Each ward × theme episode whose latest state is open.", `SELECT a_ward_name AS Ward, a_lad_name AS Authority, `+g.themeLabel("a_theme")+` AS Theme,
    a_episode_start AS since, a_last_week AS last_week, a_observed AS observed, `+roundHalfUp("a_expected", 1)+` AS expected, a_severity AS severity
FROM `+CurrentAlerts()+`
WHERE state != 'resolved'
ORDER BY since DESC, Ward, Theme, toString(alert_id)`))
	return base("wardpulse-overview", "wardpulse / Force overview",
		"Concern themes across the force area over time, what is rising against last year, the busiest ward × theme pairs and open spike alerts.",
		page{vars: vars(bucketVar()), annotations: anns(g.alertAnnotation("")), grid: &l})
}

func (g *Generator) ladVar() *dashboard.QueryVariableBuilder {
	return queryVar("lad", "Local authority", "SELECT code, name FROM "+g.ladRows()+" ORDER BY name", false)
}

func (g *Generator) wardDrillDown() (Dashboard, error) {
	ward := queryVar("ward", "Ward", "SELECT code, label FROM "+g.wardRows()+" WHERE lad_code = '$lad' ORDER BY name, valid_from DESC", false)
	ward.Description("Wards of the authority in every boundary period, named with their period: a concern is counted in the ward that was in force when it was raised.")
	theme := queryVar("theme", "Theme", "SELECT id, label FROM "+g.themeRows()+" ORDER BY pos", true)
	vs := vars(g.ladVar(), ward, theme, bucketVar())
	inWard := "ward_code = '$ward'"
	var l grid
	l.add(6, 4, stat("Concerns raised", "Concerns recorded in the ward in the range (with any of the chosen themes).", `SELECT count() AS concerns
FROM concerns FINAL
WHERE withdrawn = 0 AND `+inWard+` AND $__dateFilter(day) AND hasAny(themes, [$theme])`))
	l.add(6, 4, stat("Meetings", "Meetings held in the ward in the range.", `SELECT count() AS meetings
FROM meetings FINAL
WHERE withdrawn = 0 AND `+inWard+` AND $__dateFilter(day)`))
	l.add(6, 4, stat("Attendance", "People at the ward's meetings in the range.", `SELECT sum(attendance) AS people
FROM meetings FINAL
WHERE withdrawn = 0 AND `+inWard+` AND $__dateFilter(day)`))
	l.add(6, 4, stat("Open spike alerts", "Alerts open now in this ward.", `SELECT count() AS open_alerts
FROM `+CurrentAlerts()+`
WHERE state != 'resolved' AND a_ward_code = '$ward'`))
	l.add(16, 9, bars("Concerns in the ward by theme", "Theme mentions per bucket.", `SELECT $bucket(day) AS time, `+g.themeLabel("theme")+` AS Theme, sum(concerns) AS concerns
FROM concern_daily
WHERE theme != '' AND theme IN ($theme) AND `+inWard+` AND $__dateFilter(day)
GROUP BY time, Theme
ORDER BY time`, "Theme"))
	l.add(8, 9, table("Themes raised in the ward", "Theme mentions in the range, most raised first.", `SELECT `+g.themeLabel("theme")+` AS Theme, sum(concerns) AS mentions
FROM concern_daily
WHERE theme != '' AND theme IN ($theme) AND `+inWard+` AND $__dateFilter(day)
GROUP BY Theme
HAVING mentions > 0
ORDER BY mentions DESC, Theme`))
	l.add(24, 10, table("Meetings and what was raised", "Each meeting in the ward, newest first, with the concerns raised at it.", `SELECT `+spanDate+` AS date, title AS meeting, kind, location, attendance, raised,
    arrayStringConcat(arrayMap(x -> `+g.themeLabel("x")+`, raised_themes), ', ') AS themes_raised, raised_text AS what_was_raised
FROM (
    SELECT toString(meeting_id) AS mid, day, precision, period_start, period_end, title, kind, location, attendance
    FROM meetings FINAL
    WHERE withdrawn = 0 AND `+inWard+` AND $__dateFilter(day)) AS held
ALL LEFT JOIN (
    SELECT meeting_id AS mid, count() AS raised, arraySort(groupUniqArrayArray(themes)) AS raised_themes,
        arrayStringConcat(arrayMap(x -> tupleElement(x, 3), arraySort(groupArray((occurred_at, toString(concern_id), text)))), ' | ') AS raised_text
    FROM concerns FINAL
    WHERE withdrawn = 0 AND meeting_id != '' AND `+inWard+`
    GROUP BY mid) AS raised_at USING mid
ORDER BY date DESC, meeting, mid`))
	l.add(24, 10, table("Concerns raised and what was done", "Every concern in the ward in the range with the action taken, newest first.", `SELECT `+spanDate+` AS date, place, arrayStringConcat(arrayMap(x -> `+g.themeLabel("x")+`, themes), ', ') AS concern_themes, text AS concern, action
FROM concerns FINAL
WHERE withdrawn = 0 AND `+inWard+` AND $__dateFilter(day) AND hasAny(themes, [$theme])
ORDER BY date DESC, place, toString(concern_id)
LIMIT 500`))
	return base("wardpulse-ward", "wardpulse / Ward drill-down",
		"One ward: its concerns by theme, its meetings and what was raised at each, what was done, and its spike alerts.",
		page{vars: vs, annotations: anns(g.alertAnnotation(" AND ward_code = '$ward'")), grid: &l})
}

func (g *Generator) themeAcrossWards() (Dashboard, error) {
	ids := g.themes.IDs()
	theme := queryVar("theme", "Theme", "SELECT id, label FROM "+g.themeRows()+" ORDER BY pos", false).
		Current(current(g.themes.Label(ids[0]), ids[0]))
	lad := queryVar("lad", "Local authority", "SELECT code, name FROM "+g.ladRows()+" ORDER BY name", true)
	vs := vars(theme, lad, bucketVar())
	where := "theme = '$theme' AND lad_code IN ($lad)"
	var l grid
	l.add(24, 10, timeseries("$theme: the eight wards raising it most", "Theme mentions per bucket in the eight wards that raised the theme most in the range.", `SELECT $bucket(day) AS time, `+g.wardLabel("ward_code")+` AS Ward, sum(concerns) AS concerns
FROM concern_daily
WHERE `+where+` AND $__dateFilter(day)
    AND ward_code IN (
        SELECT ward_code FROM concern_daily
        WHERE `+where+` AND $__dateFilter(day)
        GROUP BY ward_code
        ORDER BY sum(concerns) DESC, ward_code
        LIMIT 8)
GROUP BY time, Ward
ORDER BY time`, labelled("Ward")))
	l.add(12, 12, table("Wards ranked", "Every ward that raised the theme, most first, against the same range a year before.", `SELECT `+g.wardLabel("ward_code")+` AS Ward, `+g.ladLabel("lad_code")+` AS Authority,
    sumIf(concerns, day >= toDate($__fromTime) AND day <= toDate($__toTime)) AS this_period,
    sumIf(concerns, day >= `+lastYear("$__fromTime")+` AND day <= `+lastYear("$__toTime")+`) AS year_before,
    this_period - year_before AS change
FROM concern_daily
WHERE `+where+` AND day >= `+lastYear("$__fromTime")+` AND day <= toDate($__toTime)
GROUP BY Ward, Authority
HAVING this_period > 0 OR year_before > 0
ORDER BY this_period DESC, change DESC, Ward`))
	season := barchart("Seasonality: mentions by month of year",
		"The theme's mentions by calendar month in the year of the range's end and the two years before: a theme that peaks in the same months every year is seasonal.",
		"month", `SELECT transform(m, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'], '') AS month,
    two_years_before, year_before, final_year
FROM (
    SELECT toMonth(day) AS m,
        sumIf(concerns, toYear(day) = toYear(toDate($__toTime)) - 2) AS two_years_before,
        sumIf(concerns, toYear(day) = toYear(toDate($__toTime)) - 1) AS year_before,
        sumIf(concerns, toYear(day) = toYear(toDate($__toTime))) AS final_year
    FROM concern_daily
    WHERE `+where+` AND day >= addYears(toStartOfYear(toDate($__toTime)), -2) AND day <= toDate($__toTime)
    GROUP BY m)
ORDER BY m`)
	l.add(12, 12, season)
	l.add(24, 9, bars("$theme: force-wide trend by local authority", "Theme mentions per bucket, stacked by local authority.", `SELECT $bucket(day) AS time, `+g.ladLabel("lad_code")+` AS Authority, sum(concerns) AS concerns
FROM concern_daily
WHERE `+where+` AND $__dateFilter(day)
GROUP BY time, Authority
ORDER BY time`, "Authority"))
	return base("wardpulse-theme", "wardpulse / Theme across wards",
		"One theme across the wards: which raise it most, ranked against last year, and its seasonality.",
		page{vars: vs, annotations: anns(g.alertAnnotation(" AND theme = '$theme'")), grid: &l})
}

// wardsInForceWithLastMeeting lists the wards in force at the end of the
// range with the date of their last meeting up to then (1970-01-01 when
// never: LEFT JOIN fills defaults on both 18.16 and current ClickHouse).
func (g *Generator) wardsInForceWithLastMeeting() string {
	return `(SELECT code, label, lad_name, last_met
FROM (
    SELECT code, label, lad_name, valid_from, valid_to FROM ` + g.wardRows() + `
    WHERE valid_from <= toDate($__toTime) AND toDate($__toTime) < valid_to) AS in_force
ALL LEFT JOIN (
    SELECT ward_code AS code, max(day) AS last_met
    FROM meetings FINAL
    WHERE withdrawn = 0 AND day <= toDate($__toTime)
    GROUP BY code) AS met USING code)`
}

func (g *Generator) engagement() (Dashboard, error) {
	cutoff := "addMonths(toDate($__toTime), -12)"
	var l grid
	l.add(24, 2, text("The commitment: a meeting in **every ward every year**. Coverage is judged at the end of the selected range, against the wards in force then."))
	l.add(6, 4, stat("Wards in force", "Wards in force at the end of the range.", "SELECT count() AS wards FROM "+g.wardsInForceWithLastMeeting()))
	l.add(6, 4, stat("Wards not visited in 12 months", "Wards in force at the end of the range with no meeting in the 12 months before it.",
		"SELECT countIf(last_met < "+cutoff+") AS not_visited FROM "+g.wardsInForceWithLastMeeting()))
	l.add(6, 4, stat("Meetings in range", "Meetings held in the range, all kinds.", `SELECT count() AS meetings FROM meetings FINAL WHERE withdrawn = 0 AND $__dateFilter(day)`))
	l.add(6, 4, stat("Average attendance", "Mean attendance of the range's meetings that recorded it.", `SELECT `+roundHalfUp("avgIf(attendance, attendance > 0)", 0)+` AS average_attendance FROM meetings FINAL WHERE withdrawn = 0 AND $__dateFilter(day)`))
	l.add(12, 11, table("Wards not visited in the last 12 months", "Wards in force at the end of the range with no meeting in the 12 months before it, and their last meeting.", `SELECT label AS ward, lad_name AS authority, code,
    if(last_met = toDate('1970-01-01'), 'never', toString(last_met)) AS last_meeting
FROM `+g.wardsInForceWithLastMeeting()+`
WHERE last_met < `+cutoff+`
ORDER BY authority, ward`))
	l.add(12, 11, table("Coverage by local authority", "Share of the wards in force visited in the 12 months to the end of the range.", `SELECT lad_name AS authority, count() AS wards_in_force, countIf(last_met >= `+cutoff+`) AS visited,
    `+roundHalfUp("100 * visited / wards_in_force", 0)+` AS visited_pct
FROM `+g.wardsInForceWithLastMeeting()+`
GROUP BY authority
ORDER BY authority`))
	l.add(12, 9, bars("Meetings per month", "Meetings held each month, by kind.", `SELECT toStartOfMonth(day) AS time, kind AS Kind, count() AS meetings
FROM meetings FINAL
WHERE withdrawn = 0 AND $__dateFilter(day)
GROUP BY time, Kind
ORDER BY time`, "Kind"))
	l.add(12, 9, timeseries("Attendance per month", "People at meetings each month, and the mean per meeting.", `SELECT toStartOfMonth(day) AS time, sum(attendance) AS people, `+roundHalfUp("avg(attendance)", 1)+` AS mean_per_meeting
FROM meetings FINAL
WHERE withdrawn = 0 AND $__dateFilter(day)
GROUP BY time
ORDER BY time`, nil))
	return base("wardpulse-engagement", "wardpulse / Engagement coverage",
		"Is every ward visited every year? Wards not visited in the last 12 months, meetings per month and attendance.",
		page{grid: &l})
}

func (g *Generator) alertsDashboard() (Dashboard, error) {
	var l grid
	l.add(8, 4, stat("Open now", "Alerts whose latest state is not resolved.", "SELECT count() AS open_alerts FROM "+CurrentAlerts()+" WHERE state != 'resolved'"))
	l.add(8, 4, stat("Raised in range", "Alert episodes that started in the range.", "SELECT count() AS raised FROM "+CurrentAlerts()+" WHERE $__dateFilter(a_episode_start)"))
	l.add(8, 4, stat("Resolved in range", "Alert episodes that started in the range and are resolved.", "SELECT count() AS resolved FROM "+CurrentAlerts()+" WHERE $__dateFilter(a_episode_start) AND state = 'resolved'"))
	l.add(24, 9, bars("Concerns by theme, with spike alerts", "Theme mentions per month; the red marks are the spike alerts (dashboard annotations).", `SELECT toStartOfMonth(day) AS time, `+g.themeLabel("theme")+` AS Theme, sum(concerns) AS concerns
FROM concern_daily
WHERE theme != '' AND $__dateFilter(day)
GROUP BY time, Theme
ORDER BY time`, "Theme"))
	l.add(12, 8, bars("Alerts raised per month", "Alert episodes by month of their start and by their state now.", `SELECT toStartOfMonth(a_episode_start) AS time, state AS State, count() AS alerts
FROM `+CurrentAlerts()+`
WHERE $__dateFilter(a_episode_start)
GROUP BY time, State
ORDER BY time`, "State"))
	l.add(12, 8, table("Alerts by theme", "Alert episodes started in the range, by theme and state now.", `SELECT `+g.themeLabel("a_theme")+` AS theme, countIf(state != 'resolved') AS open, countIf(state = 'resolved') AS resolved, count() AS total
FROM `+CurrentAlerts()+`
WHERE $__dateFilter(a_episode_start)
GROUP BY theme
ORDER BY total DESC, theme`))
	l.add(24, 11, table("Spike alerts in range", "Every alert episode started in the range, newest first, with its state now.", `SELECT a_episode_start AS since, a_last_week AS last_week, state, a_severity AS severity, a_ward_name AS ward, a_lad_name AS authority,
    `+g.themeLabel("a_theme")+` AS theme, a_observed AS observed, `+roundHalfUp("a_expected", 1)+` AS expected, a_summary AS summary, a_decided_at AS decided_at
FROM `+CurrentAlerts()+`
WHERE $__dateFilter(a_episode_start)
ORDER BY since DESC, ward, theme, toString(alert_id)`))
	l.add(24, 9, g.alertFollowUps())
	return base("wardpulse-alerts", "wardpulse / Spike alerts",
		"Spikes of a theme in a ward flagged by the detector: open and resolved, and where they fall on the trend.",
		page{annotations: anns(g.alertAnnotation("")), grid: &l})
}

// PipelineMetrics are the metric names the pipeline dashboard reads; the
// services register exactly these.
func PipelineMetrics() []string {
	return []string{"wardpulse_ingest_events_total", "wardpulse_ingest_request_duration_seconds",
		"wardpulse_processor_consumer_lag", "wardpulse_processor_write_duration_seconds",
		"wardpulse_processor_batch_size", "wardpulse_processor_errors_total", "wardpulse_processor_dlq_total"}
}

func (g *Generator) pipeline() (Dashboard, error) {
	var l grid
	q := func(metric, agg string) string {
		return strings.NewReplacer("M", metric).Replace(agg)
	}
	l.add(12, 8, promPanel("Ingest rate by result", "Events per second accepted or rejected by ingest.", "ops",
		[2]string{"sum by (result) (rate(wardpulse_ingest_events_total[$__rate_interval]))", "{{result}}"}))
	l.add(12, 8, promPanel("Ingest request latency", "Ingest HTTP request duration quantiles.", "s",
		[2]string{q("wardpulse_ingest_request_duration_seconds", "histogram_quantile(0.5, sum by (le) (rate(M_bucket[$__rate_interval])))"), "p50"},
		[2]string{q("wardpulse_ingest_request_duration_seconds", "histogram_quantile(0.95, sum by (le) (rate(M_bucket[$__rate_interval])))"), "p95"}))
	l.add(12, 8, promPanel("Consumer lag", "Messages on the log not yet processed, summed over partitions.", "short",
		[2]string{"sum(wardpulse_processor_consumer_lag)", "lag"}))
	l.add(12, 8, promPanel("ClickHouse write latency", "Processor batch write duration quantiles.", "s",
		[2]string{q("wardpulse_processor_write_duration_seconds", "histogram_quantile(0.5, sum by (le) (rate(M_bucket[$__rate_interval])))"), "p50"},
		[2]string{q("wardpulse_processor_write_duration_seconds", "histogram_quantile(0.99, sum by (le) (rate(M_bucket[$__rate_interval])))"), "p99"}))
	l.add(8, 8, promPanel("Batch size", "Mean rows per processor batch.", "short",
		[2]string{"sum(rate(wardpulse_processor_batch_size_sum[$__rate_interval])) / sum(rate(wardpulse_processor_batch_size_count[$__rate_interval]))", "mean"}))
	l.add(8, 8, promPanel("Processor errors", "Processor errors per second.", "ops",
		[2]string{"sum(rate(wardpulse_processor_errors_total[$__rate_interval]))", "errors"}))
	l.add(8, 8, promPanel("Dead-lettered events", "Events sent to the dead-letter queue in each interval.", "short",
		[2]string{"sum(increase(wardpulse_processor_dlq_total[$__rate_interval]))", "dlq"}))
	return base("wardpulse-pipeline", "wardpulse / Pipeline health",
		"Ingest rate and latency, consumer lag, ClickHouse write latency, batch sizes, errors and dead-lettered events, from Prometheus.",
		page{grid: &l, timeFrom: "now-6h", refresh: "30s"})
}
