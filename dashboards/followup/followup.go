// Package followup holds the one definition of a concern's derived status
// and ages ("you said, we did", docs/events.md): the SQL the dashboards and
// the briefing read concerns' follow-ups through. Nothing derived is
// stored: status, age and the times to action and outcome are computed from
// concerns, concern_actions and concern_outcomes whenever a query runs, as
// of the day it asks about.
//
// The SQL runs, with the same answers, on ClickHouse 18.16 and current
// ClickHouse, and through a cluster's Distributed tables: one JOIN per
// SELECT (18.16 has no more), an alias on every joined subquery, USING
// joins, no aliases that reuse a column name.
package followup

import "strings"

// Closing statuses end a concern's life for the age views; the others
// (open, actioned, ongoing, referred) leave it open.
var Closing = []string{"resolved", "no_further_action"}

// ClosingSQL is Closing as a ClickHouse array literal.
const ClosingSQL = "['resolved', 'no_further_action']"

// Statuses in the order the dashboards list them.
var Statuses = []string{"open", "actioned", "ongoing", "referred", "resolved", "no_further_action"}

// AgeBands are the age bands of open concerns: label and the inclusive
// bounds in days (-1: no upper bound).
var AgeBands = []struct {
	Label    string
	From, To int
}{
	{"0-30 days", 0, 30}, {"31-90 days", 31, 90}, {"91-180 days", 91, 180}, {"181-365 days", 181, 365}, {"over a year", 366, -1},
}

// StatusSQL is a subquery (parenthesised, without an alias) with one row per
// live concern raised on or before asOf, a SQL Date expression such as
// "today()" or "toDate($__toTime)", and its follow-ups up to that day:
//
//	concern_id        UUID
//	c_day             Date     the concern's day (a span's first day)
//	c_ward_code, c_ward_name, c_lad_code, c_lad_name
//	c_themes          Array(String)  ['unclassified'] when it has none
//	c_text            String   redacted
//	c_legacy_action   String   schema v1's free-text concern.action
//	f_actions         UInt64   live actions up to asOf
//	f_first_action    Date     the earliest day-precise action's day (f_timed > 0)
//	f_timed           UInt64   live day-precise actions up to asOf
//	f_did             String   the actions, "YYYY-MM-DD by: text", oldest first, "; "-joined
//	o_outcomes        UInt64   live outcomes up to asOf
//	o_status          String   the latest outcome's status (by occurred_at, then Kafka position)
//	o_note            String   that outcome's note, redacted
//	o_day             Date     that outcome's day
//	o_closed          UInt64   closing outcomes (resolved, no_further_action)
//	o_first_closed    Date     the first day-precise closing outcome's day (o_timed_closed > 0)
//	o_timed_closed    UInt64   day-precise closing outcomes
//	status            String   o_status, else 'actioned' (an action or a legacy action text), else 'open'
//	is_open           UInt8    status is not closing
//	age_days          Int64    asOf - c_day
//	c_precise         UInt8    the concern's day is known (precision day)
//	days_to_action    Int64    f_first_action - c_day; -1 unless both days are known
//	days_to_outcome   Int64    o_first_closed - c_day; -1 unless both days are known
//
// A month- or period-precise date (a "you said, we did" page's quarter)
// says when only roughly: it counts for status and age (its first day), not
// for the times to action and outcome.
//
// where, if not empty, is an extra condition on concerns (columns of the
// concerns table, e.g. "ward_code = 'E05012442'").
func StatusSQL(asOf, where string) string {
	cond := "withdrawn = 0 AND day <= " + asOf
	if where != "" {
		cond += " AND (" + where + ")"
	}
	r := strings.NewReplacer("$asOf", asOf, "$cond", cond, "$closing", ClosingSQL)
	return r.Replace(`(SELECT concern_id, c_day, c_ward_code, c_ward_name, c_lad_code, c_lad_name, c_themes, c_text, c_legacy_action,
    f_actions, f_first_action, f_timed, f_did, o_outcomes, o_status, o_note, o_day, o_closed, o_first_closed, o_timed_closed, c_precise,
    if(o_outcomes > 0, o_status, if(f_actions > 0 OR c_legacy_action != '', 'actioned', 'open')) AS status,
    if(has($closing, status), 0, 1) AS is_open,
    toInt64(dateDiff('day', c_day, $asOf)) AS age_days,
    if(c_precise = 1 AND f_timed > 0, toInt64(dateDiff('day', c_day, f_first_action)), toInt64(-1)) AS days_to_action,
    if(c_precise = 1 AND o_timed_closed > 0, toInt64(dateDiff('day', c_day, o_first_closed)), toInt64(-1)) AS days_to_outcome
FROM (
    SELECT concern_id, c_day, c_ward_code, c_ward_name, c_lad_code, c_lad_name, c_themes, c_text, c_legacy_action, c_precise, f_actions, f_first_action, f_timed, f_did
    FROM (
        SELECT concern_id, day AS c_day, ward_code AS c_ward_code, ward_name AS c_ward_name, lad_code AS c_lad_code, lad_name AS c_lad_name,
            if(empty(themes), ['unclassified'], themes) AS c_themes, text AS c_text, action AS c_legacy_action, if(precision = 'day', 1, 0) AS c_precise
        FROM concerns FINAL
        WHERE $cond) AS fc
    ALL LEFT JOIN (
        SELECT concern_id, count() AS f_actions, minIf(day, precision = 'day') AS f_first_action, countIf(precision = 'day') AS f_timed,
            arrayStringConcat(arraySort(groupArray(concat(toString(day), ' ', agency, ': ', text))), '; ') AS f_did
        FROM concern_actions FINAL
        WHERE withdrawn = 0 AND day <= $asOf
        GROUP BY concern_id) AS fa
    USING concern_id) AS fca
ALL LEFT JOIN (
    SELECT concern_id, count() AS o_outcomes,
        argMax(status, (occurred_at, src_partition, src_offset)) AS o_status,
        argMax(note, (occurred_at, src_partition, src_offset)) AS o_note,
        argMax(day, (occurred_at, src_partition, src_offset)) AS o_day,
        countIf(has($closing, status)) AS o_closed,
        minIf(day, has($closing, status) AND precision = 'day') AS o_first_closed,
        countIf(has($closing, status) AND precision = 'day') AS o_timed_closed
    FROM concern_outcomes FINAL
    WHERE withdrawn = 0 AND day <= $asOf
    GROUP BY concern_id) AS fo
USING concern_id)`)
}
