package chsink_test

import (
	"context"
	"fmt"
	"log/slog"
	"testing"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// TestCorrectionMovesWard: concerns is sorted by (ward_code, concern_id), so
// a correction into another ward must leave no live row behind in the old
// ward, and a later withdrawal (naming either ward) must remove the concern
// once, in concerns and in concern_daily, before and after merges.
func TestCorrectionMovesWard(t *testing.T) {
	for _, withdrawIn := range []string{"E05012442", "E05012444"} {
		t.Run("withdrawal names "+withdrawIn, func(t *testing.T) {
			ctx := context.Background()
			chtest.Run(t, func(t *testing.T, db *chtest.DB) {
				_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
				require.NoError(t, err)
				v, err := schemas.NewValidator()
				require.NoError(t, err)
				agg, err := aggregate.New(gazetteer.Default(), taxonomy.Default(), v)
				require.NoError(t, err)
				sink, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil)
				require.NoError(t, err)
				_, err = sink.Load(ctx, 0)
				require.NoError(t, err)

				const id = "0b8e2a52-0000-4000-8000-000000000001"
				msgs := []string{
					fmt.Sprintf(`{"event_id":%q,"type":"concern","schema_version":1,"date":"2024-03-01","ward_code":"E05012442","concern":{"text":"Off-road bikes on the field"}}`, id),
					fmt.Sprintf(`{"event_id":"0b8e2a52-0000-4000-8000-000000000002","type":"concern","schema_version":1,"date":"2024-03-01","ward_code":"E05012444","supersedes":%q,"concern":{"text":"Off-road bikes on the field by the school"}}`, id),
					fmt.Sprintf(`{"event_id":"0b8e2a52-0000-4000-8000-000000000003","type":"withdrawal","schema_version":1,"date":"2024-03-01","ward_code":%q,"supersedes":%q}`, withdrawIn, id),
				}
				state := func() (w1, w2 uint64, d1, d2 int64) {
					t.Helper()
					q := "SELECT countIf(ward_code = 'E05012442'), countIf(ward_code = 'E05012444') FROM concerns FINAL WHERE withdrawn = 0"
					require.NoError(t, db.Conn.QueryRow(ctx, q).Scan(&w1, &w2))
					q = "SELECT sumIf(concerns, ward_code = 'E05012442'), sumIf(concerns, ward_code = 'E05012444') FROM concern_daily WHERE theme != ''"
					require.NoError(t, db.Conn.QueryRow(ctx, q).Scan(&d1, &d2))
					return
				}
				want := [][4]int64{{1, 0, 1, 0}, {0, 1, 0, 1}, {0, 0, 0, 0}}
				for off, m := range msgs {
					res, err := agg.Build(ctx, 0, []kafka.Message{{Partition: 0, Offset: int64(off), Value: []byte(m)}}, sink)
					require.NoError(t, err)
					require.Empty(t, res.DeadLetters)
					require.NoError(t, sink.Write(ctx, res.Batch))
					for _, optimize := range []bool{false, true} {
						if optimize {
							require.NoError(t, db.Conn.Exec(ctx, "OPTIMIZE TABLE concerns FINAL"))
							require.NoError(t, db.Conn.Exec(ctx, "OPTIMIZE TABLE concern_daily FINAL"))
						}
						w1, w2, d1, d2 := state()
						require.Equal(t, want[off], [4]int64{int64(w1), int64(w2), d1, d2}, "after message %d (merged: %v)", off, optimize)
					}
				}
			})
		})
	}
}
