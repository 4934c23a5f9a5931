package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/expand"
	"github.com/wardpulse/wardpulse/dashboards/followup"
	"github.com/wardpulse/wardpulse/schemas"
)

// followUpWant is what the follow-up tables must hold after the log of
// withFollowUps is processed, once, however often the processor crashed.
type followUpWant struct {
	liveActions, actionIDs, outcomes int
	statuses                         map[string]int // derived, as of today
}

var e2eStatuses = []string{schemas.StatusResolved, schemas.StatusOngoing, schemas.StatusNoFurtherAction, schemas.StatusReferred}

// withFollowUps adds follow-ups of testEvents' concerns to its messages,
// spread through the log (so some reach their partition before their
// concern does, and a crash can fall anywhere among them): an action for
// every fifth concern, corrected for every fiftieth and then withdrawn for
// every hundredth (keyed by the action's id, as ingest keys them), and an
// outcome for every tenth. It returns the messages, the follow-up events
// added (distinct ids) and what the tables must hold.
func withFollowUps(msgs []kafka.Message, n int) ([]kafka.Message, int, followUpWant) {
	want := followUpWant{statuses: map[string]int{}}
	var fus []kafka.Message
	add := func(ev schemas.Event) {
		b, _ := json.Marshal(ev)
		fus = append(fus, kafka.Message{Key: []byte(ev.EntityID()), Value: b})
	}
	id := func(kind string, i int) string {
		return uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprint("e2e-", kind, i))).String()
	}
	start := time.Date(2020, 6, 1, 19, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		concern := uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprint("e2e", i))).String()
		at := start.Add(time.Duration(i%500) * 24 * time.Hour)
		status := schemas.StatusOpen
		if i%5 == 0 {
			actAt := at.Add(3 * 24 * time.Hour)
			add(schemas.Event{EventID: id("action", i), Type: schemas.TypeAction, SchemaVersion: 1, OccurredAt: &actAt,
				Action: &schemas.Action{ConcernID: concern, By: schemas.ByPolice, Text: "Patrols; PC Jones on 07700 900123"}})
			want.actionIDs++
			want.liveActions++
			status = schemas.StatusActioned
			if i%50 == 0 {
				add(schemas.Event{EventID: id("correction", i), Type: schemas.TypeAction, SchemaVersion: 1, OccurredAt: &actAt, Supersedes: id("action", i),
					Action: &schemas.Action{ConcernID: concern, By: schemas.ByCouncil, Text: "Cleared by the council"}})
			}
			if i%100 == 0 {
				add(schemas.Event{EventID: id("withdrawal", i), Type: schemas.TypeWithdrawal, SchemaVersion: 1, OccurredAt: &actAt, Supersedes: id("action", i)})
				want.liveActions--
				status = schemas.StatusOpen
			}
		}
		if i%10 == 0 {
			outAt := at.Add(10 * 24 * time.Hour)
			status = e2eStatuses[(i/10)%len(e2eStatuses)]
			add(schemas.Event{EventID: id("outcome", i), Type: schemas.TypeOutcome, SchemaVersion: 1, OccurredAt: &outAt,
				Outcome: &schemas.Outcome{ConcernID: concern, Status: status, Note: "As agreed at the meeting"}})
			want.outcomes++
		}
		want.statuses[status]++
	}
	out := make([]kafka.Message, 0, len(msgs)+len(fus))
	every := max(1, len(msgs)/len(fus))
	j := 0
	for k, m := range msgs {
		out = append(out, m)
		if k%every == 0 && j < len(fus) {
			out = append(out, fus[j])
			j++
		}
	}
	out = append(out, fus[j:]...)
	return out, len(fus), want
}

// checkFollowUps compares the follow-up tables and the derived statuses
// with want, and the audit's view of them.
func checkFollowUps(t *testing.T, env *testEnv, want followUpWant, when string) {
	t.Helper()
	ctx := context.Background()
	// Versions are not counted: merges drop the replaced ones (the audit
	// checks that the latest of each id is the log's latest).
	var live, ids, outcomes uint64
	require.NoError(t, env.db.Conn.QueryRow(ctx, "SELECT count() FROM concern_actions FINAL WHERE withdrawn = 0").Scan(&live))
	require.NoError(t, env.db.Conn.QueryRow(ctx, "SELECT uniqExact(action_id) FROM concern_actions").Scan(&ids))
	require.NoError(t, env.db.Conn.QueryRow(ctx, "SELECT count() FROM concern_outcomes FINAL WHERE withdrawn = 0").Scan(&outcomes))
	require.Equal(t, []uint64{uint64(want.liveActions), uint64(want.actionIDs), uint64(want.outcomes)}, []uint64{live, ids, outcomes},
		"%s: live actions, action ids, outcomes", when)
	rows, err := env.db.Conn.Query(ctx, "SELECT status, count() FROM "+followup.StatusSQL("today()", "")+" GROUP BY status")
	require.NoError(t, err)
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var s string
		var n uint64
		require.NoError(t, rows.Scan(&s, &n))
		got[s] = int(n)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, want.statuses, got, "%s: derived statuses", when)
}

// curlNDJSON posts NDJSON to ingest with the curl binary, as docs/events.md
// shows, and returns the HTTP status and the decoded answer.
func curlNDJSON(t *testing.T, url, token string, lines ...string) (int, map[string]any) {
	t.Helper()
	cmd := exec.Command("curl", "-sS", "-w", "\n%{http_code}", "-H", "Authorization: Bearer "+token, "-H", "Content-Type: application/x-ndjson",
		"--data-binary", "@-", url+"/v1/events")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	out, err := cmd.Output()
	require.NoError(t, err, "curl: %s", out)
	all := strings.TrimSpace(string(out))
	i := strings.LastIndex(all, "\n")
	require.Positive(t, i, "curl: %s", out)
	body, code := all[:i], all[i+1:]
	var ans map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &ans), "body: %s", body)
	n, err := strconv.Atoi(code)
	require.NoError(t, err)
	return n, ans
}

// dashboardQuery is a panel's query of the "You said, we did" dashboard,
// expanded as the Grafana plugin would for 2020 and the given variables.
func dashboardQuery(t *testing.T, uid, title string, vars map[string]string) string {
	t.Helper()
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	vs := map[string]expand.Value{"bucket": expand.Single("toStartOfMonth")}
	for k, v := range vars {
		vs[k] = expand.Single(v)
	}
	for _, d := range ds {
		if dashboards.UID(d) != uid {
			continue
		}
		for _, p := range d.Panels {
			if p.Panel == nil || p.Panel.Title == nil || *p.Panel.Title != title {
				continue
			}
			q := p.Panel.Targets[0].(*dashboards.ClickHouseQuery)
			sql, err := expand.Expand(expand.Query{SQL: q.RawSQL, From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2020, 12, 31, 23, 59, 59, 0, time.UTC), Vars: vs})
			require.NoError(t, err)
			return sql
		}
	}
	t.Fatalf("no panel %q in dashboard %s", title, uid)
	return ""
}

// panelRows runs sql and joins each row's cells with " | ".
func panelRows(t *testing.T, env *testEnv, sql string) []string {
	t.Helper()
	var out []string
	for _, row := range queryRows(t, env, sql) {
		out = append(out, strings.Join(row, " | "))
	}
	return out
}

// TestFollowUpsThroughIngest posts a concern, then an action and an outcome
// for it with curl, as docs/events.md shows, and sees them in ClickHouse and
// in the "You said, we did" dashboard's queries; a follow-up with a place or
// a bad status is refused naming the field; withdrawing the outcome brings
// the concern back to "actioned".
func TestFollowUpsThroughIngest(t *testing.T) {
	onEngines(t, 2, func(t *testing.T, env *testEnv) {
		url, token := runServices(t, env)
		ctx := context.Background()
		const concernID = "6f1c7a3e-0000-4000-8000-000000000002"
		code, body := curlNDJSON(t, url, token,
			`{"event_id":"`+concernID+`","type":"concern","schema_version":1,"date":"2020-11-12","ward":"Grangetown","concern":{"text":"Fly-tipping in the back lane behind the shops"}}`)
		require.Equal(t, 202, code, "%v", body)
		code, body = curlNDJSON(t, url, token,
			`{"type":"action","schema_version":1,"date":"2020-11-20","action":{"concern_id":"`+concernID+`","by":"council","text":"Fly-tipping cleared from the back lane"}}`,
			`{"event_id":"6f1c7a3e-0000-4000-8000-0000000000f1","type":"outcome","schema_version":1,"date":"2020-11-27","outcome":{"concern_id":"`+concernID+`","status":"resolved","note":"Lane cleared; CCTV sign put up"}}`)
		require.Equal(t, 202, code, "%v", body)
		require.EqualValues(t, 2, body["accepted"])

		waitFor(t, "the follow-ups stored", 30*time.Second, func() bool {
			var n uint64
			_ = env.db.Conn.QueryRow(ctx, "SELECT (SELECT count() FROM concern_actions) + (SELECT count() FROM concern_outcomes)").Scan(&n)
			return n == 2
		})
		var agency, text string
		require.NoError(t, env.db.Conn.QueryRow(ctx, "SELECT agency, text FROM concern_actions FINAL WHERE concern_id = '"+concernID+"'").Scan(&agency, &text))
		require.Equal(t, []string{"council", "Fly-tipping cleared from the back lane"}, []string{agency, text})

		vars := map[string]string{"lad": "E06000003", "ward": "E05012442"}
		wardTable := dashboardQuery(t, "wardpulse-you-said-we-did", "You said, we did: $ward", vars)
		require.Equal(t, []string{"2020-11-12 00:00:00 +0000 UTC | Grangetown | Redcar and Cleveland | Environmental | Fly-tipping in the back lane behind the shops | " +
			"2020-11-20 council: Fly-tipping cleared from the back lane | 2020-11-27 Resolved: Lane cleared; CCTV sign put up | Resolved"}, panelRows(t, env, wardTable))
		require.Equal(t, panelRows(t, env, wardTable), panelRows(t, env, dashboardQuery(t, "wardpulse-you-said-we-did", "You said, we did: force-wide", vars)))
		require.Equal(t, []string{"Redcar and Cleveland | 1 | 1 | 8 | 8 | 1 | 15 | 15", "Force area | 1 | 1 | 8 | 8 | 1 | 15 | 15"},
			panelRows(t, env, dashboardQuery(t, "wardpulse-you-said-we-did", "Time to first action and to outcome", vars)))
		require.Empty(t, panelRows(t, env, dashboardQuery(t, "wardpulse-you-said-we-did", "Open concerns by age and theme", vars)), "a resolved concern is not open")

		// Refused, naming the field: a place on a follow-up, an unknown status.
		code, body = curlNDJSON(t, url, token,
			`{"type":"action","schema_version":1,"date":"2020-11-20","ward":"Grangetown","action":{"concern_id":"`+concernID+`","by":"council","text":"x"}}`,
			`{"type":"outcome","schema_version":1,"date":"2020-11-20","outcome":{"concern_id":"`+concernID+`","status":"closed"}}`)
		require.Equal(t, 400, code, "%v", body)
		answer := fmt.Sprint(body["results"])
		require.Contains(t, answer, "field:ward")
		require.Contains(t, answer, "concern's place")
		require.Contains(t, answer, "field:outcome.status")

		// Withdrawing the outcome (no place needed): the concern is actioned again,
		// and open for the age views.
		code, body = curlNDJSON(t, url, token, `{"type":"withdrawal","schema_version":1,"date":"2020-12-01","supersedes":"6f1c7a3e-0000-4000-8000-0000000000f1"}`)
		require.Equal(t, 202, code, "%v", body)
		waitFor(t, "the outcome withdrawn", 30*time.Second, func() bool {
			var n uint64
			_ = env.db.Conn.QueryRow(ctx, "SELECT count() FROM concern_outcomes FINAL WHERE withdrawn = 0").Scan(&n)
			return n == 0
		})
		rows := panelRows(t, env, wardTable)
		require.Len(t, rows, 1)
		require.True(t, strings.HasSuffix(rows[0], "|  | Actioned"), rows[0])
		require.Equal(t, []string{"Environmental | 0 | 1 | 0 | 0 | 0 | 1"}, panelRows(t, env, dashboardQuery(t, "wardpulse-you-said-we-did", "Open concerns by age and theme", vars)),
			"open 49 days at the end of 2020")
	})
}
