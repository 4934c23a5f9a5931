package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"testing"

	"github.com/wardpulse/wardpulse/dashboards/followup"
	"github.com/wardpulse/wardpulse/schemas"
)

// followUpWant is what the follow-up tables must hold after the log of
// withFollowUps is processed, once, however often the processor crashed.
type followUpWant struct {
	liveActions, actionIDs, outcomes int
	statuses                              map[string]int // derived, as of today
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
