package dashboards

import (
	"fmt"
	"strings"

	sdktable "github.com/grafana/grafana-foundation-sdk/go/table"

	"github.com/wardpulse/wardpulse/dashboards/followup"
)

// "You said, we did": concerns followed to their actions and outcome. Every
// figure comes from followup.StatusSQL, where status and age are derived
// (docs/events.md); the day the status is taken at is the end of the
// dashboard's range, so a past range shows what was known then.

// asOf is the day statuses and ages are taken at: the end of the range.
const asOf = "toDate($__toTime)"

// statusLabel turns a derived status into words.
func statusLabel(expr string) string {
	return transform(expr, followup.Statuses, []string{"Open", "Actioned", "Ongoing", "Referred", "Resolved", "No further action"})
}

// themesLabel turns a themes array into its labels, comma-separated.
func (g *Generator) themesLabel(expr string) string {
	return "arrayStringConcat(arrayMap(t -> " + g.themeLabel("t") + ", " + expr + "), ', ')"
}

// youSaidWeDid lists the concerns raised in the range that have a follow-up,
// newest first: what was said, what was done (the actions, or schema v1's
// free-text action), the latest outcome and the status.
func (g *Generator) youSaidWeDid(where string) string {
	return `SELECT c_day AS raised, c_ward_name AS Ward, c_lad_name AS Authority, ` + g.themesLabel("c_themes") + ` AS Themes,
    c_text AS you_said, if(f_actions > 0, f_did, c_legacy_action) AS we_did,
    if(o_outcomes > 0, concat(toString(o_day), ' ', ` + statusLabel("o_status") + `, if(o_note = '', '', concat(': ', o_note))), '') AS outcome,
    ` + statusLabel("status") + ` AS Status
FROM ` + followup.StatusSQL(asOf, where) + `
WHERE $__dateFilter(c_day) AND status != 'open'
ORDER BY raised DESC, Ward, toString(concern_id)
LIMIT 500`
}

// ageBands counts open concerns per age band (followup.AgeBands).
func ageBands() string {
	var cols []string
	for _, b := range followup.AgeBands {
		cond := fmt.Sprintf("age_days >= %d", b.From)
		if b.To >= 0 {
			cond += fmt.Sprintf(" AND age_days <= %d", b.To)
		}
		cols = append(cols, fmt.Sprintf("countIf(%s) AS `%s`", cond, b.Label))
	}
	return strings.Join(cols, ", ")
}

// timesTo is the columns of the time-to-action and time-to-outcome table.
const timesTo = `count() AS concerns,
    countIf(f_actions > 0) AS actioned,
    quantileExactIf(0.5)(days_to_action, days_to_action >= 0) AS median_days_to_action,
    quantileExactIf(0.9)(days_to_action, days_to_action >= 0) AS p90_days_to_action,
    countIf(o_closed > 0) AS closed,
    quantileExactIf(0.5)(days_to_outcome, days_to_outcome >= 0) AS median_days_to_outcome,
    quantileExactIf(0.9)(days_to_outcome, days_to_outcome >= 0) AS p90_days_to_outcome`

func (g *Generator) followUps() (Dashboard, error) {
	ward := queryVar("ward", "Ward", "SELECT code, label FROM "+g.wardRows()+" WHERE lad_code = '$lad' ORDER BY name, valid_from DESC", false)
	ward.Description("The ward of the per-ward table, in every boundary period.")
	vs := vars(g.ladVar(), ward, bucketVar())
	inRange := followup.StatusSQL(asOf, "") + " WHERE $__dateFilter(c_day)"
	var l grid
	l.add(24, 3, text("What residents raised and what was done about it: each concern's **actions** (by the police, the council, a partnership "+
		"or another agency) and its latest **outcome**. A concern's status is its latest outcome, else *actioned* once something was done, else *open*; "+
		"*resolved* and *no further action* close it. Statuses and ages are as at the end of the time range."))
	l.add(4, 4, stat("Concerns raised", "Concerns raised in the range, across the force area.", "SELECT count() AS concerns FROM "+inRange))
	l.add(4, 4, stat("Acted on (%)", "Share of the concerns raised in the range with an action or an outcome by the end of the range.",
		"SELECT if(count() = 0, 0, "+roundHalfUp("100 * countIf(status != 'open') / count()", 0)+") AS acted_on_pct FROM "+inRange))
	l.add(4, 4, stat("Resolved", "Concerns raised in the range whose latest outcome is resolved.", "SELECT countIf(status = 'resolved') AS resolved FROM "+inRange))
	l.add(4, 4, stat("Open at the end of the range", "Concerns raised at any time up to the end of the range and not closed by then.",
		"SELECT countIf(is_open = 1) AS open_concerns FROM "+followup.StatusSQL(asOf, "")))
	l.add(4, 4, stat("Median days to first action", "For concerns raised in the range that were acted on (known days only).",
		"SELECT quantileExactIf(0.5)(days_to_action, days_to_action >= 0) AS median_days FROM "+inRange))
	l.add(4, 4, stat("Median days to outcome", "Days from a concern to its first closing outcome (resolved or no further action), for concerns raised in the range that were closed (known days only).",
		"SELECT quantileExactIf(0.5)(days_to_outcome, days_to_outcome >= 0) AS median_days FROM "+inRange))
	l.add(24, 12, table("You said, we did: force-wide", "Concerns raised in the range with a follow-up, newest first (at most 500): what was said, what was done and by whom, the latest outcome.",
		g.youSaidWeDid("")))
	l.add(24, 10, table("You said, we did: $ward", "The same for the ward chosen above.", g.youSaidWeDid("ward_code = '$ward'")))
	l.add(14, 10, table("Open concerns by age and theme", "Concerns not closed at the end of the range, by theme and by how long ago they were raised (a concern with two themes counts in both).",
		`SELECT `+g.themeLabel("theme")+` AS Theme, `+ageBands()+`, count() AS open_concerns
FROM `+followup.StatusSQL(asOf, "")+`
ARRAY JOIN c_themes AS theme
WHERE is_open = 1
GROUP BY Theme
ORDER BY open_concerns DESC, Theme`))
	l.add(10, 10, table("Status of concerns raised in the range, by theme", "Where the concerns raised in the range stood at its end.",
		`SELECT `+g.themeLabel("theme")+` AS Theme, countIf(status = 'open') AS open, countIf(status = 'actioned') AS actioned,
    countIf(status IN ('ongoing', 'referred')) AS ongoing_or_referred, countIf(has(`+followup.ClosingSQL+`, status)) AS closed, count() AS raised
FROM `+followup.StatusSQL(asOf, "")+`
ARRAY JOIN c_themes AS theme
WHERE $__dateFilter(c_day)
GROUP BY Theme
ORDER BY raised DESC, Theme`))
	l.add(14, 8, table("Time to first action and to outcome", "Days from a concern to its first action and to its first closing outcome, median and 90th percentile, for concerns raised in the range, by local authority and force-wide; a concern or follow-up known only to a month or a span is counted in actioned and closed but not timed.",
		`SELECT Authority, concerns, actioned, median_days_to_action, p90_days_to_action, closed, median_days_to_outcome, p90_days_to_outcome
FROM (
    SELECT c_lad_name AS Authority, 0 AS force, `+timesTo+`
    FROM `+inRange+`
    GROUP BY Authority
    UNION ALL
    SELECT 'Force area' AS Authority, 1 AS force, `+timesTo+`
    FROM `+inRange+`)
ORDER BY force, Authority`))
	l.add(10, 8, timeseries("Median days to first action, by month raised", "For the concerns raised in each bucket that were acted on, force-wide.",
		`SELECT $bucket(c_day) AS time, quantileExactIf(0.5)(days_to_action, days_to_action >= 0) AS to_first_action, quantileExactIf(0.5)(days_to_outcome, days_to_outcome >= 0) AS to_outcome
FROM `+inRange+`
GROUP BY time
ORDER BY time`, nil))
	l.add(24, 9, g.alertFollowUps())
	return base("wardpulse-you-said-we-did", "wardpulse / You said, we did",
		"Concerns followed to their actions and outcome: per ward and force-wide, open concerns by age and theme, time to first action and to outcome, and whether spikes' concerns were acted on.",
		page{vars: vs, grid: &l})
}

// alertFollowUps is the alert summary of follow-ups: for each spike alert
// started in the range, how many of the concerns of its ward and theme raised
// during the episode have been acted on and closed, as at the end of the range.
func (g *Generator) alertFollowUps() *sdktable.PanelBuilder {
	return table("Spike alerts: have their concerns been acted on?",
		"For each alert episode started in the range: the concerns of its ward and theme raised from its start to its last week, how many were acted on (an action or an outcome) and closed by the end of the range.",
		`SELECT a_episode_start AS since, state, a_ward_name AS ward, `+g.themeLabel("a_theme")+` AS theme,
    countIf(in_episode) AS concerns, countIf(in_episode AND status != 'open') AS acted_on, countIf(in_episode AND is_open = 0) AS closed,
    if(concerns = 0, 'no concerns recorded', if(acted_on = concerns, concat('all ', toString(concerns), ' acted on'),
        if(acted_on = 0, concat('none of ', toString(concerns), ' acted on yet'), concat(toString(acted_on), ' of ', toString(concerns), ' acted on')))) AS follow_up
FROM `+AlertEpisodeConcerns(asOf, "$__dateFilter(a_episode_start)")+`
GROUP BY alert_id, since, state, ward, theme
ORDER BY since DESC, ward, theme, toString(alert_id)`)
}

// AlertEpisodeConcerns is a subquery with a row per spike alert (at its
// latest state, CurrentAlerts) and concern of its ward and theme (status as
// of asOf, followup.StatusSQL; one row with defaults when none), in_episode
// saying whether the concern was raised from the episode's start to its
// last week. where filters the alerts. The dashboards and the briefing
// count spikes' follow-ups from it.
func AlertEpisodeConcerns(asOf, where string) string {
	return `(
    SELECT alert_id, state, a_ward_name, a_theme, a_episode_start, a_ward_code, c_day, status, is_open,
        c_day >= a_episode_start AND c_day <= a_last_week + 6 AS in_episode
    FROM ` + CurrentAlerts() + ` AS al
    ALL LEFT JOIN (
        SELECT c_ward_code AS a_ward_code, c_theme AS a_theme, c_day, status, is_open
        FROM ` + followup.StatusSQL(asOf, "") + `
        ARRAY JOIN c_themes AS c_theme) AS sc
    USING (a_ward_code, a_theme)
    WHERE ` + where + `)`
}
