package chtest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
)

func TestMain(m *testing.M) { Main(m) }

// TestEngines runs the driver's whole surface the project uses on both
// engines: DDL, a batch INSERT with an explicit column list, a query with
// client-side binding, per-query settings, and a server exception.
func TestEngines(t *testing.T) {
	Run(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if err := db.Conn.Exec(ctx, `CREATE TABLE t (id UUID, at DateTime('UTC'), n UInt64, s Nullable(String), tags Array(String), k Enum8('a' = 1, 'b' = 2))
			ENGINE = MergeTree ORDER BY (at, id)`); err != nil {
			t.Fatal(err)
		}
		b, err := db.Conn.PrepareBatch(ctx, "INSERT INTO t (id, at, n, s, tags, k)")
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2020, 1, 3, 18, 30, 0, 0, time.UTC)
		for i := range 3 {
			var s *string
			if i == 1 {
				v := "x'y"
				s = &v
			}
			if err := b.Append("6f1c7a3e-0000-4000-8000-00000000000"+string(rune('1'+i)), at, uint64(i), s, []string{"p", "q"}, "b"); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Send(); err != nil {
			t.Fatal(err)
		}
		sctx := clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{"max_threads": 1}))
		rows, err := db.Conn.Query(sctx, "SELECT toString(id), at, n, s, tags, k FROM t WHERE n >= ? ORDER BY n", 1)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var (
				id, k string
				a     time.Time
				n     uint64
				s     *string
				tags  []string
			)
			if err := rows.Scan(&id, &a, &n, &s, &tags, &k); err != nil {
				t.Fatal(err)
			}
			if !a.Equal(at) || len(tags) != 2 || k != "b" {
				t.Errorf("row %d: at %v tags %v k %q", n, a, tags, k)
			}
			got = append(got, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0] != "6f1c7a3e-0000-4000-8000-000000000002" {
			t.Errorf("got %v", got)
		}
		var missing *clickhouse.Exception
		err = db.Conn.Exec(ctx, "SELECT * FROM no_such_table")
		if !errors.As(err, &missing) || missing.Code != 60 {
			t.Errorf("querying a missing table: %v, want exception code 60", err)
		}
	})
}
