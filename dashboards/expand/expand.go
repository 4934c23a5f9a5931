// Package expand turns a dashboard query into the SQL the Grafana ClickHouse
// plugin would send to ClickHouse, so the queries can be run and checked in
// tests without a Grafana server.
//
// It reproduces two steps, in the plugin's order, checked against the
// plugin's source (github.com/grafana/clickhouse-datasource):
//
//  1. Template variables, in the browser: CHDatasource.applyTemplateVariables
//     (src/data/CHDatasource.ts) resolves $__conditionalAll, then calls
//     getTemplateSrv().replace(sql, scopedVars, format) with the plugin's
//     format function: an array value (a multi-value variable, or "All"
//     without a custom all value, which expands to every option) becomes
//     'a','b' (quoted, joined with commas, not escaped); a single value is
//     inserted as is, unquoted. Grafana matches $name, ${name} and
//     [[name]]; names starting with __ that are not variables (the macros)
//     are left alone.
//  2. Macros, in the plugin's Go backend: pkg/macros/macros.go (read at
//     commit 005050e232de38201aa0ff74bb583abbe66be1e5), applied by sqlds:
//     $__timeFilter(c)  -> c >= toDateTime(<from unix s>) AND c <= toDateTime(<to unix s>)
//     $__dateFilter(c)  -> c >= toDate('<from YYYY-MM-DD>') AND c <= toDate('<to YYYY-MM-DD>')
//     $__fromTime       -> toDateTime(<from unix s>)
//     $__toTime         -> toDateTime(<to unix s>)
//     $__dateTimeFilter(d, t) / $__dt(d, t) -> (date filter on d) AND (time filter on t)
//     $__interval_s     -> the interval in whole seconds (at least 1)
//     The _ms variants (DateTime64) and $__timeInterval (toStartOfInterval)
//     do not run on ClickHouse 18.16; Expand refuses them so a dashboard
//     cannot ship them by accident.
//     Dates in $__dateFilter are formatted in UTC, as the plugin formats the
//     time.Time it receives from Grafana (UTC).
package expand

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Value is a variable's current value. Multi is true for a multi-value
// variable (or "All"), whose value Grafana passes as an array.
type Value struct {
	Values []string
	Multi  bool
}

// Single is a one-value, non-multi variable value.
func Single(v string) Value { return Value{Values: []string{v}} }

// Multi is a multi-value variable value (also what "All" becomes).
func Multi(vs ...string) Value { return Value{Values: vs, Multi: true} }

// Query is what the plugin is given for one panel query.
type Query struct {
	SQL      string
	From, To time.Time
	Interval time.Duration
	Vars     map[string]Value
}

// ErrUnsupported is returned for macros that cannot run on ClickHouse 18.16.
var ErrUnsupported = errors.New("macro not supported on ClickHouse 18.16")

var varRE = regexp.MustCompile(`\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?::([^}]+))?\}`)

// Variables does step 1: template variables, as the plugin's format function
// renders them. Unknown names are left as they are (Grafana does the same).
func Variables(sql string, vars map[string]Value) (string, error) {
	var err error
	out := varRE.ReplaceAllStringFunc(sql, func(m string) string {
		sub := varRE.FindStringSubmatch(m)
		name := sub[1] + sub[2] + sub[4]
		if sub[3] != "" || sub[5] != "" {
			err = fmt.Errorf("variable %s: explicit formats are not reproduced here", name)
			return m
		}
		v, ok := vars[name]
		if !ok {
			return m
		}
		if v.Multi {
			return "'" + strings.Join(v.Values, "','") + "'"
		}
		if len(v.Values) != 1 {
			err = fmt.Errorf("variable %s: a single-value variable needs exactly one value, has %d", name, len(v.Values))
			return m
		}
		return v.Values[0]
	})
	return out, err
}

var macroRE = regexp.MustCompile(`\$__(\w+)`)

// Macros does step 2: the backend macros.
func Macros(sql string, from, to time.Time, interval time.Duration) (string, error) {
	from, to = from.UTC(), to.UTC()
	var b strings.Builder
	rest := sql
	for {
		loc := macroRE.FindStringSubmatchIndex(rest)
		if loc == nil {
			b.WriteString(rest)
			return b.String(), nil
		}
		b.WriteString(rest[:loc[0]])
		name := rest[loc[2]:loc[3]]
		after := rest[loc[1]:]
		args, n, err := macroArgs(after)
		if err != nil {
			return "", fmt.Errorf("macro $__%s: %w", name, err)
		}
		rest = after[n:]
		dt := func(t time.Time) string { return fmt.Sprintf("toDateTime(%d)", t.Unix()) }
		d := func(t time.Time) string { return fmt.Sprintf("toDate('%s')", t.Format("2006-01-02")) }
		need := func(k int) error {
			if len(args) != k {
				return fmt.Errorf("macro $__%s: expected %d arguments, received %d", name, k, len(args))
			}
			return nil
		}
		switch name {
		case "fromTime":
			b.WriteString(dt(from))
		case "toTime":
			b.WriteString(dt(to))
		case "timeFilter":
			if err := need(1); err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "%s >= %s AND %s <= %s", args[0], dt(from), args[0], dt(to))
		case "dateFilter":
			if err := need(1); err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "%s >= %s AND %s <= %s", args[0], d(from), args[0], d(to))
		case "dateTimeFilter", "dt":
			if err := need(2); err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "(%s >= %s AND %s <= %s) AND (%s >= %s AND %s <= %s)",
				args[0], d(from), args[0], d(to), args[1], dt(from), args[1], dt(to))
		case "interval_s":
			s := int(interval.Seconds())
			if s < 1 {
				s = 1
			}
			fmt.Fprintf(&b, "%d", s)
		case "fromTime_ms", "toTime_ms", "timeFilter_ms", "timeInterval", "timeInterval_ms":
			return "", fmt.Errorf("$__%s: %w", name, ErrUnsupported)
		default:
			return "", fmt.Errorf("$__%s: unknown macro", name)
		}
	}
}

// macroArgs reads "(a, b)" at the start of s, balancing parentheses, and
// returns the trimmed arguments and the bytes consumed. No parenthesis
// means no arguments.
func macroArgs(s string) ([]string, int, error) {
	if !strings.HasPrefix(s, "(") {
		return nil, 0, nil
	}
	depth, start := 0, 1
	var args []string
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				if a := strings.TrimSpace(s[start:i]); a != "" || len(args) > 0 {
					args = append(args, a)
				}
				return args, i + 1, nil
			}
		case ',':
			if depth == 1 {
				args = append(args, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return nil, 0, errors.New("unbalanced parentheses")
}

// Expand does both steps, variables first, as the plugin does.
func Expand(q Query) (string, error) {
	sql, err := Variables(q.SQL, q.Vars)
	if err != nil {
		return "", fmt.Errorf("expanding variables: %w", err)
	}
	sql, err = Macros(sql, q.From, q.To, q.Interval)
	if err != nil {
		return "", fmt.Errorf("expanding macros: %w", err)
	}
	return sql, nil
}
