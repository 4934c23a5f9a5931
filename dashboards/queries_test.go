package dashboards_test

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/expand"
	"github.com/wardpulse/wardpulse/dashboards/internal/fixture"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// result is what a query returned: column names and ClickHouse types, and
// the rows as strings.
type result struct {
	names, types []string
	rows         [][]string
}

func run(ctx context.Context, t *testing.T, conn driver.Conn, sql string) result {
	t.Helper()
	rows, err := conn.Query(ctx, sql)
	require.NoError(t, err, "query:\n%s", sql)
	defer rows.Close()
	var r result
	cts := rows.ColumnTypes()
	for _, c := range cts {
		r.names = append(r.names, c.Name())
		r.types = append(r.types, c.DatabaseTypeName())
	}
	for rows.Next() {
		dst := make([]any, len(cts))
		for i, c := range cts {
			dst[i] = reflect.New(c.ScanType()).Interface()
		}
		require.NoError(t, rows.Scan(dst...))
		row := make([]string, len(dst))
		for i, v := range dst {
			e := reflect.ValueOf(v).Elem()
			for e.Kind() == reflect.Pointer {
				if e.IsNil() {
					break
				}
				e = e.Elem()
			}
			if e.Kind() == reflect.Pointer {
				row[i] = "NULL"
			} else {
				row[i] = fmt.Sprint(e.Interface())
			}
		}
		r.rows = append(r.rows, row)
	}
	require.NoError(t, rows.Err())
	return r
}

var (
	timeType    = regexp.MustCompile(`^(Nullable\()?(Date|DateTime)(\(.*\))?\)?$`)
	numericType = regexp.MustCompile(`^(Nullable\()?(U?Int\d+|Float\d+|Decimal.*)\)?$`)
	stringType  = regexp.MustCompile(`^(Nullable\()?(LowCardinality\()?String\)?\)?$`)
)

// checkShape fails when a result would not draw in its panel.
func checkShape(t *testing.T, what string, shape dashboards.Shape, r result) {
	t.Helper()
	require.NotEmpty(t, r.rows, "%s returned no rows", what)
	switch shape {
	case dashboards.ShapeTimeSeries:
		require.Equal(t, "time", r.names[0], "%s: the first column must be the time", what)
		require.Regexp(t, timeType, r.types[0], "%s: time column type", what)
		numeric := 0
		for i, typ := range r.types[1:] {
			switch {
			case numericType.MatchString(typ):
				numeric++
			case stringType.MatchString(typ):
			default:
				t.Fatalf("%s: column %s has type %s: a time series takes numbers and string labels", what, r.names[i+1], typ)
			}
		}
		require.Positive(t, numeric, "%s: no numeric column", what)
		require.True(t, slices.IsSortedFunc(r.rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) }), "%s: rows must be in time order", what)
	case dashboards.ShapeTable:
		require.GreaterOrEqual(t, len(r.names), 2, "%s: a table needs named columns", what)
		for _, n := range r.names {
			require.NotContains(t, n, "(", "%s: column %q has no alias", what, n)
		}
	case dashboards.ShapeStat:
		require.Len(t, r.rows, 1, "%s: a stat needs one row", what)
		require.Len(t, r.names, 1, "%s: a stat needs one column", what)
		require.Regexp(t, numericType, r.types[0], "%s: a stat needs a number", what)
	case dashboards.ShapeVariable:
		require.True(t, len(r.names) == 1 || len(r.names) == 2, "%s: a variable query returns value[, text]", what)
	case dashboards.ShapeAnnotation:
		require.Equal(t, "time", r.names[0], "%s", what)
		require.Regexp(t, timeType, r.types[0], "%s", what)
		require.Contains(t, r.names, "text", "%s", what)
	default:
		t.Fatalf("%s: no shape to check", what)
	}
}

// choices are the variable values the test runs the dashboards with, where
// a variable has no Default: places and themes the fixture fills.
var choices = map[string]string{"lad": "E06000003", "ward": "E05012442", "theme": "off_road_bikes"}

// engines holds the fixture loaded into a fresh database on each engine;
// run sends a query to every one and requires the same answer from each.
type engines struct {
	dbs []*chtest.DB
}

func loadEngines(ctx context.Context, t *testing.T) *engines {
	t.Helper()
	data, err := fixture.Generate(1)
	require.NoError(t, err)
	var es engines
	for _, e := range chtest.Engines {
		db := chtest.NewOn(t, e)
		require.NoError(t, fixture.Load(ctx, db.Conn, data), "loading the fixture on %s", e)
		es.dbs = append(es.dbs, db)
	}
	es.dbs = append(es.dbs, fixture.OnCluster(ctx, t, data))
	return &es
}

// run runs sql on every engine and returns the first engine's result after
// checking that each engine's result has the panel's shape and that every
// other engine returned the same columns and the same rows. Rows must come in the same order, except in time series and
// annotations, which Grafana orders by time itself (rows of one time may
// come in any order there: series are told apart by their label column).
func (es *engines) run(ctx context.Context, t *testing.T, what string, shape dashboards.Shape, sql string) result {
	t.Helper()
	first := run(ctx, t, es.dbs[0].Conn, sql)
	checkShape(t, fmt.Sprintf("%s on %s", what, es.dbs[0].Engine), shape, first)
	for _, db := range es.dbs[1:] {
		r := run(ctx, t, db.Conn, sql)
		checkShape(t, fmt.Sprintf("%s on %s", what, db.Engine), shape, r)
		require.Equal(t, first.names, r.names, "%s: column names on %s and %s\n%s", what, es.dbs[0].Engine, db.Engine, sql)
		want, got := first.rows, r.rows
		if shape == dashboards.ShapeTimeSeries || shape == dashboards.ShapeAnnotation {
			want, got = sortedRows(want), sortedRows(got)
		}
		require.Equal(t, want, got, "%s: rows on %s and %s\n%s", what, es.dbs[0].Engine, db.Engine, sql)
	}
	return first
}

func sortedRows(rows [][]string) [][]string {
	s := slices.Clone(rows)
	slices.SortFunc(s, func(a, b []string) int { return slices.Compare(a, b) })
	return s
}

// TestEveryQueryRunsOnClickHouse expands every variable, panel and
// annotation query as the plugin would and runs it on ClickHouse 18.16 and
// on a current ClickHouse (chDB 26.5), and through the Distributed tables
// of a replicated 2 x 2 cluster of 18.16 servers, each holding the same
// fixture data (spread over the shards on the cluster),
// checking each returns rows of its panel's shape and that both engines
// return the same rows. Time series run with each bucket.
func TestEveryQueryRunsOnClickHouse(t *testing.T) {
	ctx := context.Background()
	es := loadEngines(ctx, t)
	from := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2020, 1, 31, 23, 59, 59, 0, time.UTC)

	queries := 0
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	for _, d := range ds {
		t.Run(dashboards.UID(d), func(t *testing.T) {
			vars := map[string]expand.Value{}
			buckets := []string{""}
			for _, v := range d.Templating.List {
				switch v.Type {
				case "custom":
					var all []string
					for _, o := range v.Options {
						all = append(all, *o.Value.String)
					}
					if v.Name == "bucket" {
						buckets = all
					}
					vars[v.Name] = expand.Single(*v.Current.Value.String)
				case "query":
					sql, err := expand.Expand(expand.Query{SQL: *v.Query.String, From: from, To: to, Vars: vars})
					require.NoError(t, err)
					r := es.run(ctx, t, "variable "+v.Name, dashboards.ShapeVariable, sql)
					queries++
					var values []string
					for _, row := range r.rows {
						values = append(values, row[0])
					}
					switch {
					case *v.IncludeAll:
						// "All" without a custom all value: every option, as an array.
						vars[v.Name] = expand.Multi(values...)
					default:
						want := choices[v.Name]
						if v.Current != nil && want == "" {
							want = *v.Current.Value.String
						}
						require.Contains(t, values, want, "variable %s", v.Name)
						vars[v.Name] = expand.Single(want)
					}
					if v.Name == "ward" {
						require.Contains(t, r.rows, []string{"E05012442", "Grangetown (2019-)"}, "ward labels carry the boundary period")
						require.Contains(t, r.rows, []string{"E05001509", "Grangetown (2003-2019)"})
					}
				}
			}
			for _, a := range d.Annotations.List {
				tg, ok := a.Target.(*dashboards.ClickHouseQuery)
				if !ok {
					continue
				}
				sql, err := expand.Expand(expand.Query{SQL: tg.RawSQL, From: from, To: to, Vars: vars})
				require.NoError(t, err)
				queries++
				es.run(ctx, t, "annotation "+a.Name, dashboards.ShapeAnnotation, sql)
			}
			for _, pr := range d.Panels {
				p := pr.Panel
				for _, q := range p.Targets {
					tg, ok := q.(*dashboards.ClickHouseQuery)
					if !ok {
						continue
					}
					bs := []string{""}
					if strings.Contains(tg.RawSQL, "$bucket") {
						bs = buckets
					}
					for _, b := range bs {
						vs := vars
						if b != "" {
							vs = map[string]expand.Value{}
							for k, v := range vars {
								vs[k] = v
							}
							vs["bucket"] = expand.Single(b)
						}
						sql, err := expand.Expand(expand.Query{SQL: tg.RawSQL, From: from, To: to, Vars: vs})
						require.NoError(t, err, "panel %q", *p.Title)
						r := es.run(ctx, t, fmt.Sprintf("panel %q (bucket %s)", *p.Title, b), tg.Shape, sql)
						queries++
						if *p.Title == "Wards not visited in the last 12 months" {
							require.Contains(t, fmt.Sprint(r.rows), "Stainton & Thornton (2015-)", "the fixture's lapsed ward")
							require.NotContains(t, fmt.Sprint(r.rows), "Grangetown (2019-)", "a visited ward")
						}
					}
				}
			}
		})
	}
	var names []string
	for _, db := range es.dbs {
		names = append(names, string(db.Engine))
	}
	t.Logf("%d queries run on each of %v, with the same answers", queries, names)
}
