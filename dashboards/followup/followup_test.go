package followup_test

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards/followup"
	"github.com/wardpulse/wardpulse/dashboards/internal/fixture"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// derived is what StatusSQL says of one concern.
type derived struct {
	status                  string
	age, toAction, toClosed int64 // toAction, toClosed: -1 when none
	did                     string
}

// expected derives every concern's status from the fixture's rows in Go,
// following docs/events.md, as of asOf: the oracle the SQL is held to.
func expected(d fixture.Data, asOf time.Time) map[string]derived {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	days := func(a, b time.Time) int64 { return int64(day(b).Sub(day(a)).Hours() / 24) }
	latestC := map[uuid.UUID]fixture.Concern{}
	for _, c := range d.Concerns {
		if l, ok := latestC[c.ID]; !ok || c.Offset > l.Offset {
			latestC[c.ID] = c
		}
	}
	latestF := map[uuid.UUID]fixture.FollowUp{}
	for _, f := range d.FollowUps {
		if l, ok := latestF[f.ID]; !ok || f.Offset > l.Offset {
			latestF[f.ID] = f
		}
	}
	acts := map[uuid.UUID][]fixture.FollowUp{}
	outs := map[uuid.UUID][]fixture.FollowUp{}
	for _, f := range latestF {
		if f.Withdrawn || day(f.At).After(asOf) {
			continue
		}
		if f.Kind == "action" {
			acts[f.ConcernID] = append(acts[f.ConcernID], f)
		} else {
			outs[f.ConcernID] = append(outs[f.ConcernID], f)
		}
	}
	out := map[string]derived{}
	for id, c := range latestC {
		if c.Withdrawn || day(c.At).After(asOf) {
			continue
		}
		r := derived{status: "open", age: days(c.At, asOf), toAction: -1, toClosed: -1}
		var did []string
		for _, a := range acts[id] {
			did = append(did, fmt.Sprintf("%s %s: %s", day(a.At).Format(time.DateOnly), a.Agency, a.Text))
			if n := days(c.At, a.At); r.toAction < 0 || n < r.toAction {
				r.toAction = n
			}
		}
		sort.Strings(did)
		r.did = strings.Join(did, "; ")
		if len(acts[id]) > 0 || c.Action != "" {
			r.status = "actioned"
		}
		var last *fixture.FollowUp
		for i, o := range outs[id] {
			if last == nil || o.At.After(last.At) || o.At.Equal(last.At) && o.Offset > last.Offset {
				last = &outs[id][i]
			}
			if slices.Contains(followup.Closing, o.Status) {
				if n := days(c.At, o.At); r.toClosed < 0 || n < r.toClosed {
					r.toClosed = n
				}
			}
		}
		if last != nil {
			r.status = last.Status
		}
		out[id.String()] = r
	}
	return out
}

// TestStatusIsDerivedAsDocumented runs StatusSQL on both engines over the
// fixture (actions corrected and withdrawn, outcomes superseded by later
// ones, an orphan action, withdrawn concerns) at two dates, and compares
// every concern's status, age, times and actions with the Go derivation.
func TestStatusIsDerivedAsDocumented(t *testing.T) {
	d, err := fixture.Generate(1)
	require.NoError(t, err)
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		require.NoError(t, fixture.Load(ctx, db.Conn, d))
		for _, asOf := range []time.Time{time.Date(2018, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)} {
			want := expected(d, asOf)
			q := "SELECT toString(concern_id), status, age_days, days_to_action, days_to_outcome, f_did FROM " +
				followup.StatusSQL("toDate('"+asOf.Format(time.DateOnly)+"')", "")
			rows, err := db.Conn.Query(ctx, q)
			require.NoError(t, err)
			got := map[string]derived{}
			statuses := map[string]int{}
			for rows.Next() {
				var id string
				var r derived
				require.NoError(t, rows.Scan(&id, &r.status, &r.age, &r.toAction, &r.toClosed, &r.did))
				got[id] = r
				statuses[r.status]++
			}
			require.NoError(t, rows.Err())
			rows.Close()
			require.Equal(t, want, got, "as of %s", asOf.Format(time.DateOnly))
			t.Logf("as of %s: %d concerns, statuses %v", asOf.Format(time.DateOnly), len(got), statuses)
			for _, s := range followup.Statuses {
				if asOf.Year() == 2020 {
					require.Positive(t, statuses[s], "the fixture exercises status %s", s)
				}
			}
		}
	})
}

// TestRoughDatesAreNotTimed: a concern known only to a period (a "you said,
// we did" page's quarter) is actioned by its action but gives no time to
// action; a day-precise concern with an action known only to a month
// neither.
func TestRoughDatesAreNotTimed(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		var rows driver.Rows
		d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
		c := "INSERT INTO concerns (concern_id, day, ward_code, text, withdrawn, precision, period_start, period_end)"
		require.NoError(t, schemas.InsertRow(ctx, db.Conn, c, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001", d("2020-07-01"), "E05012442", "Speeding", uint8(0), "period", d("2020-07-01"), d("2020-09-30")))
		require.NoError(t, schemas.InsertRow(ctx, db.Conn, c, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002", d("2020-07-10"), "E05012442", "Drugs", uint8(0), "day", d("2020-07-10"), d("2020-07-10")))
		a := "INSERT INTO concern_actions (action_id, concern_id, day, agency, text, precision, period_start, period_end)"
		require.NoError(t, schemas.InsertRow(ctx, db.Conn, a, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c00a1", "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001", d("2020-07-01"), "police", "Speed checks", "period", d("2020-07-01"), d("2020-09-30")))
		require.NoError(t, schemas.InsertRow(ctx, db.Conn, a, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c00a2", "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002", d("2020-08-01"), "police", "Warrant", "month", d("2020-08-01"), d("2020-08-31")))
		rows, err = db.Conn.Query(ctx, "SELECT status, days_to_action FROM "+followup.StatusSQL("toDate('2020-12-31')", "")+" ORDER BY toString(concern_id)")
		require.NoError(t, err)
		defer rows.Close()
		var got []string
		for rows.Next() {
			var s string
			var d int64
			require.NoError(t, rows.Scan(&s, &d))
			got = append(got, fmt.Sprint(s, " ", d))
		}
		require.NoError(t, rows.Err())
		require.Equal(t, []string{"actioned -1", "actioned -1"}, got)
	})
}
