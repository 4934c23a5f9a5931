package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/briefing"
	"github.com/wardpulse/wardpulse/dashboards/expand"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// personal is what the events below hold and no stored row, dashboard
// query or briefing may show.
var personal = []string{"Jane", "Doe", "jane", "example", "07700", "900456", "01642", "301653", "TS6 7AB", "AB12", "ab12",
	"QQ", "1980", "High Street", "Station Road", "Smith"}

// TestPersonalDataStaysOut posts a meeting and concerns with personal data
// in every free-text field (title, location, place, text, action; the line
// the briefing printed in issue 14 among them) through ingest and the
// processor into ClickHouse, then reads every column of every table, runs
// every dashboard query and prints the briefing (HTML and PDF): none shows
// any of it, and the masks are there instead.
func TestPersonalDataStaysOut(t *testing.T) {
	onEngines(t, 2, testPersonalDataStaysOut)
}

func testPersonalDataStaysOut(t *testing.T, env *testEnv) {
	url, token := runServices(t, env)
	const issue14 = "Called resident Jane Doe on 07700 900456, jane.doe@example.com, TS6 7AB, car AB12 CDE"
	ev := func(v map[string]any) string {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	meetingID := "6f1c7a3e-0000-4000-8000-00000000a001"
	lines := []string{
		ev(map[string]any{"event_id": meetingID, "type": "meeting", "schema_version": 1, "occurred_at": "2020-01-03T18:30:00Z", "ward": "Grangetown",
			"place": "Community centre, 14 Station Road, TS6 7AB",
			"meeting": map[string]any{"kind": "community_meeting", "title": "Grangetown surgery with Mrs Jane Doe (07700 900456)",
				"location": "14 Station Road, Grangetown TS6 7AB, ring 01642 301653", "attendance": 20}}),
		ev(map[string]any{"event_id": "6f1c7a3e-0000-4000-8000-00000000a002", "type": "concern", "schema_version": 1, "occurred_at": "2020-01-03T19:00:00Z",
			"ward": "Grangetown", "place": "outside 12 High Street, jane dot doe at example dot com",
			"concern": map[string]any{"meeting_id": meetingID, "text": issue14 + ", about off-road bikes", "action": issue14}}),
		ev(map[string]any{"event_id": "6f1c7a3e-0000-4000-8000-00000000a003", "type": "concern", "schema_version": 1, "occurred_at": "2020-01-03T19:05:00Z",
			"ward": "Grangetown", "place": "Mr Smith's house",
			"concern": map[string]any{"meeting_id": meetingID, "text": "Speeding; NI QQ 12 34 56 C, DOB 01/02/1980, car ab12-cde, 0044 7700 900456",
				"action": "PCSO called Jane Doe back on 07700.900.456 (jane＠example.com)"}}),
		ev(map[string]any{"type": "withdrawal", "schema_version": 1, "occurred_at": "2020-01-04T10:00:00Z", "ward": "Grangetown",
			"supersedes": "6f1c7a3e-0000-4000-8000-00000000a003", "withdrawal": map[string]any{"reason": "Jane Doe asked, 07700 900456"}}),
	}
	code, body := postNDJSON(t, url, token, lines...)
	require.Equal(t, 202, code, "%v", body)
	ctx := context.Background()
	waitFor(t, "the meeting, both concerns and the withdrawal stored", 60*time.Second, func() bool {
		var m, c uint64
		_ = env.db.Conn.QueryRow(ctx, "SELECT count() FROM meetings").Scan(&m)
		_ = env.db.Conn.QueryRow(ctx, "SELECT count() FROM concerns FINAL WHERE withdrawn = 1").Scan(&c)
		return m == 1 && c == 1
	})

	// Every column of every table.
	tables := queryStrings(t, env, "SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name")
	require.Contains(t, tables, "concerns")
	var stored strings.Builder
	for _, tbl := range tables {
		for _, row := range queryRows(t, env, "SELECT * FROM "+tbl) {
			stored.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	noPersonal(t, "stored rows", stored.String())
	for _, mask := range []string{"[name]", "[phone]", "[email]", "[postcode]", "[vrm]", "[address]", "[nino]", "[dob]"} {
		require.Contains(t, stored.String(), mask, "the stored rows hold the masks")
	}
	require.Contains(t, stored.String(), "Called resident [name] on [phone], [email], [postcode], car [vrm]")

	// Every dashboard query, over the period.
	from, to := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 31, 23, 59, 59, 0, time.UTC)
	var shown strings.Builder
	queries := 0
	choose := map[string]string{"lad": "E06000003", "ward": "E05012442"} // Redcar and Cleveland, Grangetown
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	for _, d := range ds {
		vars := map[string]expand.Value{}
		for _, v := range d.Templating.List {
			switch v.Type {
			case "custom":
				vars[v.Name] = expand.Single(*v.Current.Value.String)
			case "query":
				sql, err := expand.Expand(expand.Query{SQL: *v.Query.String, From: from, To: to, Vars: vars})
				require.NoError(t, err)
				var values []string
				for _, row := range queryRows(t, env, sql) {
					values = append(values, row[0])
				}
				switch {
				case v.IncludeAll != nil && *v.IncludeAll || len(values) == 0:
					vars[v.Name] = expand.Multi(values...)
				case slicesContain(values, choose[v.Name]):
					vars[v.Name] = expand.Single(choose[v.Name])
				default:
					vars[v.Name] = expand.Single(values[0])
				}
			}
		}
		for _, pr := range d.Panels {
			for _, q := range pr.Panel.Targets {
				tg, ok := q.(*dashboards.ClickHouseQuery)
				if !ok {
					continue
				}
				sql, err := expand.Expand(expand.Query{SQL: tg.RawSQL, From: from, To: to, Vars: vars})
				require.NoError(t, err, "%s panel %q", dashboards.UID(d), *pr.Panel.Title)
				queries++
				for _, row := range queryRows(t, env, sql) {
					shown.WriteString(strings.Join(row, "\t") + "\n")
				}
			}
		}
	}
	noPersonal(t, "dashboard queries", shown.String())
	require.Contains(t, shown.String(), "[phone]", "the ward dashboard's concern table shows the redacted text")
	t.Logf("ClickHouse %s: %d tables, %d dashboard queries: no personal data", queryStrings(t, env, "SELECT version()")[0], len(tables), queries)

	// The printed briefing.
	dir := t.TempDir()
	if env.db.ProtocolName() == "native" { // the command, as the PCC's office runs it
		var out, errb strings.Builder
		require.NoError(t, runBriefing(ctx, []string{"-from", "2020-01-01", "-to", "2020-01-31", "-out", dir,
			"-clickhouse-addr", env.db.Addr, "-clickhouse-db", env.db.Database}, &out, &errb), errb.String())
	} else { // the command speaks only the native protocol; chDB is reached over HTTP
		chromium, err := briefing.FindChromium("")
		require.NoError(t, err)
		src := briefing.Source{Conn: env.db.Conn, Themes: taxonomy.Default(), Wards: gazetteer.Default()}
		_, _, err = briefing.Write(ctx, src, from, to, dir, chromium)
		require.NoError(t, err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "briefing.html"))
	require.NoError(t, err)
	text, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "briefing.pdf"), "-").Output()
	require.NoError(t, err, "pdftotext (poppler-utils)")
	for what, s := range map[string]string{"briefing.html": string(page), "briefing.pdf": string(text)} {
		noPersonal(t, what, s)
		require.Contains(t, s, "[phone]", "%s shows the redacted action", what)
	}
	require.Contains(t, string(page), "Called resident [name] on [phone], [email], [postcode], car [vrm]", "the 'What was done' row of issue 14")
}

func noPersonal(t *testing.T, what, s string) {
	t.Helper()
	for _, p := range personal {
		if i := strings.Index(s, p); i >= 0 {
			t.Errorf("%s show %q: ...%s...", what, p, s[max(0, i-80):min(len(s), i+80)])
		}
	}
}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func queryStrings(t *testing.T, env *testEnv, sql string) []string {
	t.Helper()
	var out []string
	for _, row := range queryRows(t, env, sql) {
		out = append(out, row[0])
	}
	return out
}

// queryRows runs sql and returns every cell as text.
func queryRows(t *testing.T, env *testEnv, sql string) [][]string {
	t.Helper()
	rows, err := env.db.Conn.Query(context.Background(), sql)
	require.NoError(t, err, "query:\n%s", sql)
	defer rows.Close()
	cts := rows.ColumnTypes()
	var out [][]string
	for rows.Next() {
		dst := make([]any, len(cts))
		for i, c := range cts {
			dst[i] = reflect.New(c.ScanType()).Interface()
		}
		require.NoError(t, rows.Scan(dst...))
		row := make([]string, len(dst))
		for i, v := range dst {
			row[i] = fmt.Sprint(reflect.ValueOf(v).Elem().Interface())
		}
		out = append(out, row)
	}
	require.NoError(t, rows.Err())
	return out
}
