package dashboards

import (
	"fmt"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// SQL building blocks shared by the dashboards. Everything here must run,
// and give the same rows, on ClickHouse 18.16 and on current ClickHouse
// (docs/clickhouse-versions.md; queries_test.go runs every query on both):
// no CTEs, no window functions, no toStartOfInterval; joins are written
// `(...) AS a ALL LEFT JOIN (...) AS b USING col`, with an alias on every
// joined subquery (current ClickHouse rejects a joined subquery without
// one, code 206); aliases never reuse a column name (18.16 reports a cyclic
// alias for `f(x) AS x`); every ORDER BY that a table shows or a LIMIT
// cuts is total (ties broken by a label or toString of an id: the engines
// return tied rows in different orders).

// quote is a ClickHouse string literal.
func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// transform maps expr through a literal lookup table, falling back to expr
// itself: this is how ids become labels without a dictionary, which 18.16
// would need a config file for.
func transform(expr string, from, to []string) string {
	return fmt.Sprintf("transform(%s, %s, %s, %s)", expr, quoteAll(from), quoteAll(to), expr)
}

// themeLabel turns a theme id expression into its label.
func (g *Generator) themeLabel(expr string) string {
	ids := g.themes.IDs()
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = g.themes.Label(id)
	}
	return transform(expr, ids, labels)
}

// WardLabel is how a ward is named everywhere a ward can be ambiguous:
// its name and boundary period, e.g. "Grangetown (2019-)".
func WardLabel(w gazetteer.Ward) string { return w.Name + " (" + w.Period() + ")" }

// wardLabel turns a ward code expression into its boundary-aware label.
func (g *Generator) wardLabel(expr string) string {
	ws := g.gaz.Wards()
	codes := make([]string, len(ws))
	labels := make([]string, len(ws))
	for i, w := range ws {
		codes[i], labels[i] = w.Code, WardLabel(w)
	}
	return transform(expr, codes, labels)
}

// ladLabel turns a local authority code expression into its name.
func (g *Generator) ladLabel(expr string) string {
	ls := g.gaz.LADs()
	codes := make([]string, len(ls))
	names := make([]string, len(ls))
	for i, l := range ls {
		codes[i], names[i] = l.Code, l.Name
	}
	return transform(expr, codes, names)
}

// wardRows is a subquery listing every ward of the gazetteer with columns
// code, name, label, lad_code, lad_name, valid_from, valid_to (Dates: the
// election days bounding the ward's life; 2100-01-01 when still in force).
// The list is generated from the gazetteer, so the dashboards know wards no
// meeting has been held in yet, which coverage needs.
func (g *Generator) wardRows() string {
	ws := g.gaz.Wards()
	cols := make([][]string, 7)
	for _, w := range ws {
		to := "2100-01-01"
		if w.ValidTo != 0 {
			to = gazetteer.ElectionDay(w.ValidTo).Format(time.DateOnly)
		}
		for i, v := range []string{w.Code, w.Name, WardLabel(w), w.LADCode, w.LADName, gazetteer.ElectionDay(w.ValidFrom).Format(time.DateOnly), to} {
			cols[i] = append(cols[i], quote(v))
		}
	}
	return literalRows(len(ws), []string{"code", "name", "label", "lad_code", "lad_name", "toDate(%s) AS valid_from", "toDate(%s) AS valid_to"}, cols)
}

// ladRows is a subquery listing the local authorities: code, name.
func (g *Generator) ladRows() string {
	ls := g.gaz.LADs()
	cols := make([][]string, 2)
	for _, l := range ls {
		cols[0], cols[1] = append(cols[0], quote(l.Code)), append(cols[1], quote(l.Name))
	}
	return literalRows(len(ls), []string{"code", "name"}, cols)
}

// themeRows is a subquery listing the themes: id, label, in taxonomy order.
func (g *Generator) themeRows() string {
	ids := g.themes.IDs()
	cols := make([][]string, 3)
	for i, id := range ids {
		cols[0] = append(cols[0], fmt.Sprint(i))
		cols[1], cols[2] = append(cols[1], quote(id)), append(cols[2], quote(g.themes.Label(id)))
	}
	return literalRows(len(ids), []string{"pos", "id", "label"}, cols)
}

// literalRows is a subquery of n rows built from one literal array per
// column, indexed by row number. One array of tuples would read more
// naturally, but ClickHouse 18.16 analyses every tuple of such a literal as
// a function call: 150 ms per query for the wards, against 7 ms for arrays
// of plain literals. names are column names, or expressions with %s for the
// element and their own alias.
func literalRows(n int, names []string, cols [][]string) string {
	exprs := make([]string, len(names))
	for i, name := range names {
		elem := "[" + strings.Join(cols[i], ", ") + "][i]"
		if strings.Contains(name, "%s") {
			exprs[i] = fmt.Sprintf(name, elem)
		} else {
			exprs[i] = elem + " AS " + name
		}
	}
	return fmt.Sprintf("(SELECT %s FROM (SELECT arrayJoin(range(%d)) + 1 AS i))", strings.Join(exprs, ", "), n)
}

// lastYear shifts a macro time expression back a year, as a Date.
func lastYear(expr string) string { return "addYears(toDate(" + expr + "), -1)" }

// CurrentAlerts is a subquery with one row per alert and its latest state
// (argMax over src_offset, as the alerts table's comment prescribes), and
// what was first seen (argMin). The dashboards and the briefing share it.
func CurrentAlerts() string {
	return `(SELECT alert_id,
        argMax(status, src_offset) AS state,
        argMax(ward_code, src_offset) AS a_ward_code,
        argMax(ward_name, src_offset) AS a_ward_name,
        argMax(lad_code, src_offset) AS a_lad_code,
        argMax(lad_name, src_offset) AS a_lad_name,
        argMax(theme, src_offset) AS a_theme,
        argMax(severity, src_offset) AS a_severity,
        min(episode_start) AS a_episode_start,
        max(week_start) AS a_last_week,
        argMax(observed, src_offset) AS a_observed,
        argMax(expected, src_offset) AS a_expected,
        argMax(summary, src_offset) AS a_summary,
        argMin(summary, src_offset) AS a_first_summary,
        argMin(observed, src_offset) AS a_first_observed,
        argMin(expected, src_offset) AS a_first_expected,
        max(decided_at) AS a_decided_at
    FROM alerts
    GROUP BY alert_id)`
}

// roundHalfUp rounds expr to digits decimals, halves up. round() cannot be
// used: ClickHouse 18.16 rounds a float's halves away from zero (22.25 ->
// 22.3) and current ClickHouse to even (22.25 -> 22.2), so the same data
// showed different figures; this is the same float arithmetic on both.
func roundHalfUp(expr string, digits int) string {
	if digits == 0 {
		return "floor((" + expr + ") + 0.5)"
	}
	scale := "1" + strings.Repeat("0", digits)
	return "floor((" + expr + ") * " + scale + " + 0.5) / " + scale
}
