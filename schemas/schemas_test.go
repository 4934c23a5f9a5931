package schemas_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

func jsonFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

func schemaProps(t *testing.T, node map[string]any) []string {
	t.Helper()
	props, ok := node["properties"].(map[string]any)
	require.True(t, ok)
	var out []string
	for k := range props {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestEventMatchesSchema keeps the Go types and event.v1.json in step.
func TestEventMatchesSchema(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(schemas.EventSchemaV1(), &doc))
	require.Equal(t, schemaProps(t, doc), jsonFields(reflect.TypeOf(schemas.Event{})))
	props := doc["properties"].(map[string]any)
	for name, typ := range map[string]reflect.Type{
		"source": reflect.TypeOf(schemas.Source{}), "meeting": reflect.TypeOf(schemas.Meeting{}),
		"concern": reflect.TypeOf(schemas.Concern{}), "withdrawal": reflect.TypeOf(schemas.Withdrawal{}),
		"period": reflect.TypeOf(schemas.Period{}), "action": reflect.TypeOf(schemas.Action{}), "outcome": reflect.TypeOf(schemas.Outcome{}),
	} {
		require.Equal(t, schemaProps(t, props[name].(map[string]any)), jsonFields(typ), name)
	}
}

func TestValidatorNamesFields(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	tests := []struct {
		name, in, field, reason string
	}{
		{"ok action", `{"type":"action","schema_version":1,"date":"2019-12-20","action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","by":"police","text":"Patrols on the playing fields"}}`, "", ""},
		{"ok outcome", `{"type":"outcome","schema_version":1,"occurred_at":"2020-02-01T10:00:00Z","outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"resolved","note":"Two bikes seized"}}`, "", ""},
		{"ok outcome without note", `{"type":"outcome","schema_version":1,"date":"2020-02-01","outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"no_further_action"}}`, "", ""},
		{"ok withdrawal of a follow-up without place", `{"type":"withdrawal","schema_version":1,"date":"2020-02-02","supersedes":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002"}`, "", ""},
		{"action without concern", `{"type":"action","schema_version":1,"date":"2019-12-20","action":{"by":"police","text":"Patrols"}}`, "action", "concern_id"},
		{"action bad concern id", `{"type":"action","schema_version":1,"date":"2019-12-20","action":{"concern_id":"42","by":"police","text":"Patrols"}}`, "action.concern_id", "uuid"},
		{"action bad agency", `{"type":"action","schema_version":1,"date":"2019-12-20","action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","by":"army","text":"Patrols"}}`, "action.by", "police"},
		{"action without who", `{"type":"action","schema_version":1,"date":"2019-12-20","action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","text":"Patrols"}}`, "action", "by"},
		{"action empty text", `{"type":"action","schema_version":1,"date":"2019-12-20","action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","by":"council","text":""}}`, "action.text", ""},
		{"action without date", `{"type":"action","schema_version":1,"action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","by":"council","text":"x"}}`, "-", ""},
		{"action with a ward", `{"type":"action","schema_version":1,"date":"2019-12-20","ward":"Eston","action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","by":"council","text":"x"}}`, "ward", "concern's place"},
		{"outcome with themes", `{"type":"outcome","schema_version":1,"date":"2019-12-20","themes":["drugs"],"outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"resolved"}}`, "themes", "concern's place"},
		{"outcome bad status", `{"type":"outcome","schema_version":1,"date":"2019-12-20","outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"closed"}}`, "outcome.status", "resolved"},
		{"outcome with action body", `{"type":"outcome","schema_version":1,"date":"2019-12-20","action":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","by":"police","text":"x"},"outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"resolved"}}`, "action", "only its own body"},
		{"outcome note too long", `{"type":"outcome","schema_version":1,"date":"2019-12-20","outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"resolved","note":"` + strings.Repeat("x", 501) + `"}}`, "outcome.note", ""},
		{"outcome unknown member", `{"type":"outcome","schema_version":1,"date":"2019-12-20","outcome":{"concern_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","status":"resolved","owner":"x"}}`, "outcome", "owner"},
		{"ok meeting", `{"type":"meeting","schema_version":1,"date":"2019-12-10","ward":"Grangetown","meeting":{"kind":"community_meeting","attendance":12}}`, "", ""},
		{"ok withdrawal", `{"type":"withdrawal","schema_version":1,"date":"2019-12-10","ward":"E05012442","supersedes":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001"}`, "", ""},
		{"no date", `{"type":"meeting","schema_version":1,"ward":"x","meeting":{"kind":"board"}}`, "-", ""},
		{"bad kind", `{"type":"meeting","schema_version":1,"date":"2019-12-10","ward":"x","meeting":{"kind":"party"}}`, "meeting.kind", ""},
		{"negative attendance", `{"type":"meeting","schema_version":1,"date":"2019-12-10","ward":"x","meeting":{"kind":"board","attendance":-3}}`, "meeting.attendance", ""},
		{"concern without body", `{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x"}`, "-", ""},
		{"bad date", `{"type":"concern","schema_version":1,"date":"10/12/2019","ward":"x","concern":{"text":"t"}}`, "date", ""},
		{"version 2", `{"type":"concern","schema_version":2,"date":"2019-12-10","ward":"x","concern":{"text":"t"}}`, "schema_version", ""},
		{"no place", `{"type":"concern","schema_version":1,"date":"2019-12-10","concern":{"text":"t"}}`, "-", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := v.Decode([]byte(tt.in))
			if tt.field == "" {
				require.NoError(t, err)
				require.NotNil(t, ev)
				return
			}
			var ie *schemas.InvalidEventError
			require.ErrorAs(t, err, &ie)
			if tt.field == "-" {
				return
			}
			var fields []string
			for _, f := range ie.Fields {
				fields = append(fields, f.Field)
			}
			require.Contains(t, fields, tt.field, ie.Error())
			require.Contains(t, ie.Error(), tt.reason)
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x","concern":{"text":"t"}}`))
	f.Add([]byte(`{"type":`))
	f.Add([]byte(`{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x","ward":"y","concern":{"text":"t","text":"u"}}`))
	f.Add([]byte("{\"type\":\"concern\",\"schema_version\":1,\"date\":\"2019-12-10\",\"ward\":\"x\",\"concern\":{\"text\":\"\xff\"}}"))
	v, err := schemas.NewValidator()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := v.Decode(b)
		if err == nil && ev == nil {
			t.Fatal("nil event without error")
		}
	})
}

// TestMigrateIsIdempotent applies the migrations twice on the real server.
func TestMigrateIsIdempotent(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		log := slog.New(slog.DiscardHandler)
		applied, err := schemas.Migrate(ctx, db.Conn, log)
		require.NoError(t, err)
		ms, err := schemas.Migrations()
		require.NoError(t, err)
		require.Len(t, applied, len(ms))
		applied, err = schemas.Migrate(ctx, db.Conn, log)
		require.NoError(t, err)
		require.Empty(t, applied)
		for _, table := range []string{"events", "meetings", "concerns", "concern_daily", "pipeline_state", "alerts"} {
			var n uint64
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM system.tables WHERE database = ? AND name = ?", db.Database, table).Scan(&n))
			require.Equal(t, uint64(1), n, table)
		}
	})
}

// TestConcurrentMigratorsApplyEachMigrationOnce starts four migrators at
// once on a fresh database (a Deployment's replicas starting together):
// without the migration lock one renamed a table another was copying
// ("Table ...concerns_v3 doesn't exist") and the process exited.
func TestConcurrentMigratorsApplyEachMigrationOnce(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ms, err := schemas.Migrations()
		require.NoError(t, err)
		var wg sync.WaitGroup
		applied := make([][]int, 4)
		errs := make([]error, 4)
		for i := range applied {
			wg.Add(1)
			go func() {
				defer wg.Done()
				applied[i], errs[i] = schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
			}()
		}
		wg.Wait()
		total := 0
		for i := range applied {
			require.NoError(t, errs[i], "migrator %d", i)
			total += len(applied[i])
		}
		require.Equal(t, len(ms), total, "each migration applied by exactly one migrator")
		var versions, locks uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM schema_migrations").Scan(&versions))
		require.Equal(t, uint64(len(ms)), versions)
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM system.tables WHERE database = ? AND name = ?", db.Database, schemas.MigrationLock).Scan(&locks))
		require.Zero(t, locks, "the lock is released")
	})
}

// TestMigrationLockLeftByACrashNamesItsHolder: a lock whose holder died is
// not broken by guesswork; the error names the holder and the way out.
func TestMigrationLockLeftByACrashNamesItsHolder(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		log := slog.New(slog.DiscardHandler)
		release, err := schemas.LockMigrations(ctx, db.Conn, time.Second, log)
		require.NoError(t, err)
		_, err = schemas.LockMigrations(ctx, db.Conn, 500*time.Millisecond, log)
		require.Error(t, err)
		require.Contains(t, err.Error(), "pid ")
		require.Contains(t, err.Error(), "DROP TABLE "+schemas.MigrationLock)
		release()
		release2, err := schemas.LockMigrations(ctx, db.Conn, time.Second, log)
		require.NoError(t, err, "free again once released")
		release2()
	})
}

// TestConcernsResortedByWard applies 0001-0002, stores concerns in the old
// layout, then migrates: 0003 keeps every row and sorts by ward, and running
// its statements again (a crash before it was recorded) loses nothing.
func TestConcernsResortedByWard(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		v3 := applyBefore(t, db, 3)
		// One INSERT, so one part that no merge touches: with a correction
		// of concern 0 in the same ward, whose two versions the copy must
		// keep (processors look earlier versions up), also on a server that
		// would collapse them within the copying INSERT.
		srv, err := schemas.Probe(ctx, db.Conn)
		require.NoError(t, err)
		b, err := db.Conn.PrepareBatch(srv.InsertContext(ctx, nil), "INSERT INTO concerns (concern_id, ward_code, text, src_offset)")
		require.NoError(t, err)
		for i, ward := range []string{"E05001509", "E05001510", "E05001509"} {
			require.NoError(t, b.Append(fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i), ward, "bikes", uint64(i)))
		}
		require.NoError(t, b.Append("00000000-0000-4000-8000-000000000000", "E05001509", "bikes, corrected", uint64(3)))
		require.NoError(t, b.Send())
		applied, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		require.Contains(t, applied, 3)
		var versions uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concerns WHERE concern_id = '00000000-0000-4000-8000-000000000000'").Scan(&versions))
		require.EqualValues(t, 2, versions, "both versions of concern 0 copied")
		check := func() {
			t.Helper()
			var n uint64
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count() FROM concerns FINAL WHERE ward_code = 'E05001509'").Scan(&n))
			require.Equal(t, uint64(2), n)
			require.Equal(t, "ward_code, concern_id", sortingKey(t, db, "concerns"))
		}
		check()
		rerun(t, db, v3)
		check()
	})
}

// TestConcernDailySortedByDay applies 0001-0003, stores cells and progress
// markers in the old layout, then migrates: 0004 keeps every count, sorts
// the table by day first, and running its statements again (a crash before
// it was recorded) adds nothing twice.
func TestConcernDailySortedByDay(t *testing.T) {
	ctx := context.Background()
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		v4 := applyBefore(t, db, 4)
		cols := "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)"
		for _, r := range []struct {
			day          time.Time
			theme        string
			concerns, nx int64
		}{
			{time.Unix(0, 0).UTC(), "", 0, 7}, // progress marker
			{time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), "speeding", 2, 0},
			{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "speeding", 3, 0},
			{time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), "off_road_bikes", 1, 0},
		} {
			require.NoError(t, schemas.InsertRow(ctx, db.Conn, cols, r.day, "E05001509", "E06000003", r.theme, "t", uint32(0), r.concerns, r.nx))
		}
		applied, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		require.Contains(t, applied, 4)
		check := func() {
			t.Helper()
			var concerns2025, concerns, next int64
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sumIf(concerns, day >= '2025-01-01'), sum(concerns), sum(next_offset) FROM concern_daily").Scan(&concerns2025, &concerns, &next))
			require.Equal(t, []int64{4, 6, 7}, []int64{concerns2025, concerns, next})
			require.Equal(t, "day, theme, ward_code, taxonomy_version, src_partition", sortingKey(t, db, "concern_daily"))
		}
		check()
		rerun(t, db, v4)
		check()
	})
}

// applyBefore applies and records the migrations before version and
// returns that one, not applied.
func applyBefore(t *testing.T, db *chtest.DB, version int) schemas.Migration {
	t.Helper()
	ctx := context.Background()
	ms, err := schemas.Migrations()
	require.NoError(t, err)
	require.NoError(t, db.Conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
    version UInt32, name String, applied_at DateTime('UTC')
) ENGINE = ReplacingMergeTree ORDER BY version`))
	var next schemas.Migration
	for _, m := range ms {
		if m.Version >= version {
			if m.Version == version {
				next = m
			}
			continue
		}
		for _, st := range m.Statements {
			require.NoError(t, db.Conn.Exec(ctx, st))
		}
		require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO schema_migrations (version, name, applied_at)", uint32(m.Version), m.Name, time.Now().UTC()))
	}
	require.NotEmpty(t, next.Statements)
	return next
}

// rerun runs a migration's statements again, as after a crash before it
// was recorded.
func rerun(t *testing.T, db *chtest.DB, m schemas.Migration) {
	t.Helper()
	for _, st := range m.Statements {
		require.NoError(t, db.Conn.Exec(context.Background(), st), st)
	}
}

// sortingKey is the table's sorting key as the server reports it.
func sortingKey(t *testing.T, db *chtest.DB, table string) string {
	t.Helper()
	var key string
	require.NoError(t, db.Conn.QueryRow(context.Background(), "SELECT sorting_key FROM system.tables WHERE database = currentDatabase() AND name = ?", table).Scan(&key))
	return key
}

// TestWriteFence applies 0001-0004, stores a row, runs 0005 up to its
// first ALTER (a crash after it), then migrates: the re-run is
// tolerated, old rows read lease_until 0 and merge, and the fence column
// refuses an INSERT whose lease has run out, storing nothing of it.
func TestWriteFence(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) { testWriteFence(t, db) })
}

func testWriteFence(t *testing.T, db *chtest.DB) {
	ctx := context.Background()
	m := applyBefore(t, db, 5)
	daily := "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset"
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, daily+")", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "E05000001", "E06000001", "drugs", "v1", uint32(0), int64(1), int64(0)))
	// A crash after 0005's first ALTER (meetings): the re-run finds its
	// columns there.
	for _, st := range m.Statements {
		require.NoError(t, db.Conn.Exec(ctx, st))
		if strings.HasPrefix(st, "ALTER TABLE meetings") {
			break
		}
	}
	_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err, "re-running 0005 after a crash")

	var now uint32
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT toUInt32(now())").Scan(&now))
	row := func(concerns int64, lease uint32) error {
		return schemas.InsertRow(ctx, db.Conn, daily+", lease_until)", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "E05000001", "E06000001", "drugs", "v1", uint32(0), concerns, int64(0), lease)
	}
	require.NoError(t, row(10, now+60), "a lease that has not run out")
	require.NoError(t, row(100, 0), "an unfenced row")
	err = row(1000, now-2)
	var exc *clickhouse.Exception
	require.ErrorAs(t, err, &exc, "a lease that ran out")
	require.EqualValues(t, 395, exc.Code)
	require.Error(t, db.Conn.Exec(ctx, "INSERT INTO concern_daily (day, theme, concerns, fence) VALUES ('2020-01-01', 'drugs', 1, 0)"), "the fence column cannot be written")

	require.NoError(t, db.Conn.Exec(ctx, "OPTIMIZE TABLE concern_daily FINAL"))
	var sum int64
	var fence uint64
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(concerns), sum(fence) FROM concern_daily").Scan(&sum, &fence))
	require.Equal(t, int64(111), sum)
	require.Zero(t, fence)
	for _, table := range []string{"events", "meetings", "concerns", "concern_daily"} {
		var kinds []string
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT groupArray(default_kind) FROM (SELECT default_kind FROM system.columns WHERE database = currentDatabase() AND table = ? AND name IN ('lease_until', 'fence') ORDER BY name)", table).Scan(&kinds))
		require.Equal(t, []string{"MATERIALIZED", "DEFAULT"}, kinds, table)
	}
}

// TestDatePrecision: a month- or period-precise event carries its span, its
// date is the span's start, and the span is checked where the JSON Schema
// cannot (calendar month, order, length); errors name the field.
func TestDatePrecision(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	base := `{"type":"concern","schema_version":1,"ward_code":"E05012442","concern":{"text":"speeding"}`
	tests := []struct {
		name, fields, wantField string // wantField "" means valid
	}{
		{"day precision named", `,"date":"2020-07-01","precision":"day"`, ""},
		{"month", `,"date":"2020-07-01","precision":"month","period":{"start":"2020-07-01","end":"2020-07-31"}`, ""},
		{"a report's two months", `,"date":"2019-09-01","precision":"period","period":{"start":"2019-09-01","end":"2019-10-31"}`, ""},
		{"period without precision", `,"date":"2020-07-01","period":{"start":"2020-07-01","end":"2020-07-31"}`, "precision"},
		{"month without its period", `,"date":"2020-07-01","precision":"month"`, "period"},
		{"a time of day for a span", `,"occurred_at":"2020-07-01T19:00:00Z","date":"2020-07-01","precision":"period","period":{"start":"2020-07-01","end":"2020-07-09"}`, "occurred_at"},
		{"date is not the start", `,"date":"2020-07-15","precision":"period","period":{"start":"2020-07-01","end":"2020-07-31"}`, "date"},
		{"end before start", `,"date":"2020-07-10","precision":"period","period":{"start":"2020-07-10","end":"2020-07-01"}`, "period.end"},
		{"longer than a year", `,"date":"2018-01-01","precision":"period","period":{"start":"2018-01-01","end":"2020-01-01"}`, "period.end"},
		{"a month that is not a calendar month", `,"date":"2020-07-02","precision":"month","period":{"start":"2020-07-02","end":"2020-08-01"}`, "period"},
		{"unknown precision", `,"date":"2020-07-01","precision":"week"`, "precision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := v.Decode([]byte(base + tt.fields + "}"))
			if tt.wantField == "" {
				require.NoError(t, err)
				require.Equal(t, ev.Precision == "" || ev.Precision == "day", ev.DayPrecise())
				return
			}
			var ie *schemas.InvalidEventError
			require.ErrorAs(t, err, &ie)
			require.Contains(t, err.Error(), tt.wantField) // a field, or a missing property named in the reason
		})
	}
}

// TestDatePrecisionMigration applies 0001-0005, stores a concern in the old
// layout, then migrates: 0006 keeps the row, now day-precise, and running
// it again (a crash before it was recorded) is harmless; then the month view
// counts day-precise concerns (from concern_daily) and month-precise ones
// (from concerns) in their month, and the period view lists the month- and
// period-precise ones.
func TestDatePrecisionMigration(t *testing.T) {
	ctx := context.Background()
	db := chtest.New(t)
	v6 := applyBefore(t, db, 6)
	jul := time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC)
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO concerns (concern_id, day, ward_code, themes, src_offset)",
		"00000000-0000-4000-8000-000000000001", jul.AddDate(0, 0, 14), "E05012442", []string{"speeding"}, uint64(1)))
	applied, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.Contains(t, applied, 6)
	old := func() {
		t.Helper()
		var precision string
		var start time.Time
		var n uint64
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT precision, period_start, count() FROM concerns FINAL WHERE src_offset = 1 GROUP BY precision, period_start").Scan(&precision, &start, &n))
		require.Equal(t, "day", precision, "a row stored before 0006 is day-precise")
		require.Equal(t, "2020-07-15", start.Format(time.DateOnly))
		require.Equal(t, uint64(1), n)
		require.Equal(t, "ward_code, concern_id", sortingKey(t, db, "concerns"))
		require.Equal(t, "meeting_id", sortingKey(t, db, "meetings"))
	}
	old()
	rerun(t, db, v6)
	old()

	cols := "INSERT INTO concerns (concern_id, day, ward_code, themes, src_offset, precision, period_start, period_end)"
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, cols, "00000000-0000-4000-8000-000000000002", jul, "E05012442", []string{"speeding"}, uint64(2), "month", jul, jul.AddDate(0, 1, -1)))
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, cols, "00000000-0000-4000-8000-000000000003", jul, "E05012442", []string{}, uint64(3), "period", jul, jul.AddDate(0, 2, -1)))
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)",
		jul.AddDate(0, 0, 14), "E05012442", "E06000003", "speeding", "t", uint32(0), int64(1), int64(0)))
	var month int64
	require.NoError(t, db.Conn.QueryRow(ctx, "SELECT sum(concerns) FROM concern_monthly WHERE month = '2020-07-01' AND theme = 'speeding'").Scan(&month))
	require.Equal(t, int64(2), month, "the day-precise and the month-precise concern")
	periods := queryStrings(t, db, "SELECT concat(theme, ' ', precision, ' ', toString(period_start), ' ', toString(period_end), ' ', toString(concerns)) FROM concern_periods ORDER BY precision")
	require.Equal(t, []string{"speeding month 2020-07-01 2020-07-31 1", "unclassified period 2020-07-01 2020-08-31 1"}, periods)
}

// queryStrings runs a query of one String column and returns its rows.
func queryStrings(t *testing.T, db *chtest.DB, query string) []string {
	t.Helper()
	var got []string
	rows, err := db.Conn.Query(context.Background(), query)
	require.NoError(t, err)
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		got = append(got, s)
	}
	require.NoError(t, rows.Err())
	return got
}

// TestMonthlyViewCountsPeriodsWithinAMonth: 0008's concern_monthly counts
// a period-precise concern whose span lies within one calendar month in
// that month ("earlier this month" before the 14th), beside day- and
// month-precise ones; a span across two months is in no month. Run again,
// as after a crash, it gives the same counts.
func TestMonthlyViewCountsPeriodsWithinAMonth(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		v8 := applyBefore(t, db, 8)
		jul := time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC)
		aug := jul.AddDate(0, 1, 0)
		cols := "INSERT INTO concerns (concern_id, day, ward_code, themes, src_offset, precision, period_start, period_end)"
		for i, r := range []struct {
			precision  string
			start, end time.Time
		}{
			{"month", jul, aug.AddDate(0, 0, -1)},
			{"period", jul, jul.AddDate(0, 0, 12)},                  // earlier this month, published 14 July
			{"period", jul.AddDate(0, 0, 24), aug.AddDate(0, 0, 4)}, // 25 July to 5 August: no one month
			{"period", aug.AddDate(0, 0, 3), aug.AddDate(0, 0, 5)},  // 4-6 August
		} {
			require.NoError(t, schemas.InsertRow(ctx, db.Conn, cols, fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i+1), r.start, "E05012442", []string{"speeding"}, uint64(i+1), r.precision, r.start, r.end))
		}
		require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)",
			jul.AddDate(0, 0, 14), "E05012442", "", "speeding", "t", uint32(0), int64(1), int64(0)))
		monthly := func() []string {
			t.Helper()
			return queryStrings(t, db, "SELECT concat(toString(month), ' ', toString(sum(concerns))) AS m FROM concern_monthly WHERE theme = 'speeding' GROUP BY month ORDER BY m")
		}
		require.Equal(t, []string{"2020-07-01 2"}, monthly(), "0006's view: day- and month-precise only; the periods are in no month")
		applied, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		require.Equal(t, []int{8}, applied)
		want := []string{"2020-07-01 3", "2020-08-01 1"}
		require.Equal(t, want, monthly(), "the day, the month and the period within July; the period within August")
		rerun(t, db, v8)
		require.Equal(t, want, monthly())
	})
}

// TestFollowUpTablesAreFenced: 0007's tables carry the write fence from the
// start, so a processor that lost its partition cannot write follow-ups
// either.
func TestFollowUpTablesAreFenced(t *testing.T) {
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		applied, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		require.Contains(t, applied, 7)
		var now uint32
		require.NoError(t, db.Conn.QueryRow(ctx, "SELECT toUInt32(now())").Scan(&now))
		for _, table := range []string{"concern_actions", "concern_outcomes"} {
			ins := fmt.Sprintf("INSERT INTO %s (%s, concern_id, occurred_at, day, src_partition, src_offset, lease_until)", table,
				map[string]string{"concern_actions": "action_id", "concern_outcomes": "outcome_id"}[table])
			at := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
			require.NoError(t, schemas.InsertRow(ctx, db.Conn, ins, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001", "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002", at, at, uint32(0), uint64(1), now+60))
			err := schemas.InsertRow(ctx, db.Conn, ins, "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0003", "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0002", at, at, uint32(0), uint64(2), now-2)
			var exc *clickhouse.Exception
			require.ErrorAs(t, err, &exc, "%s: a lease that ran out", table)
			require.EqualValues(t, 395, exc.Code)
			var n uint64
			var precision string
			require.NoError(t, db.Conn.QueryRow(ctx, "SELECT count(), any(precision) FROM "+table).Scan(&n, &precision))
			require.EqualValues(t, 1, n, "%s: the refused INSERT stored nothing", table)
			require.Equal(t, "day", precision)
		}
	})
}
