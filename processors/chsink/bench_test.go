package chsink_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// BenchmarkGroupWrite stores one group commit of four partitions' batches of
// 2,500 events per op, unfenced and fenced (a lease per write round, an
// Owner whose proof costs nothing: the broker round trip is not in it), and
// reports events/s. The fenced figure prices the clock read and the lease
// column and its server-side check.
func BenchmarkGroupWrite(b *testing.B) {
	for _, bc := range []struct {
		name  string
		lease time.Duration
	}{{"unfenced", 0}, {"fenced", 5 * time.Second}} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := context.Background()
			db := chtest.New(b)
			_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
			require.NoError(b, err)
			s, err := chsink.New(db.Conn, chsink.LiveTables(), nil, nil, chsink.WithGroupWait(time.Second), chsink.WithLease(bc.lease))
			require.NoError(b, err)
			const parts, per = 4, 2500
			for p := 0; p < parts; p++ {
				_, err := s.Load(ctx, p)
				require.NoError(b, err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var wg sync.WaitGroup
				for p := 0; p < parts; p++ {
					bt := batch(p, int64(i*per), per, "E05001509")
					bt.Owner = &owner{}
					wg.Add(1)
					go func() { defer wg.Done(); require.NoError(b, s.Write(ctx, bt)) }()
				}
				wg.Wait()
			}
			b.ReportMetric(float64(b.N*parts*per)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
