package pipeline

import (
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/pause"
)

// TestPaused: only a pause signed with the key for the live generation
// pauses; a forged, foreign, copied or stale one is counted by reason and
// ignored, and a finished replay's row (its token is now the generation)
// is neither.
func TestPaused(t *testing.T) {
	key, err := pause.NewKey("a shared pause secret")
	require.NoError(t, err)
	other, err := pause.NewKey("another pause secret!")
	require.NoError(t, err)
	now := time.Now()
	for _, tc := range []struct {
		name   string
		key    *pause.Key
		st     chsink.State
		paused bool
		reason string
	}{
		{"no pause", key, chsink.State{Generation: "g1"}, false, ""},
		{"signed by replay", key, chsink.State{Generation: "g1", Pause: key.Sign("g1", "g2", now)}, true, ""},
		{"signed for the first generation", key, chsink.State{Pause: key.Sign("", "g1", now)}, true, ""},
		{"forged", key, chsink.State{Generation: "g1", Pause: "9b2c2f0e-1f6a-4bb3-a0c5-7d8d2cb1f0a1"}, false, "unsigned"},
		{"another secret", key, chsink.State{Generation: "g1", Pause: other.Sign("g1", "g2", now)}, false, "bad_signature"},
		{"copied from an earlier generation", key, chsink.State{Generation: "g3", Pause: key.Sign("g1", "g2", now)}, false, "bad_signature"},
		{"stale", key, chsink.State{Generation: "g1", Pause: key.Sign("g1", "g2", now.Add(-2*time.Hour))}, false, "expired"},
		{"replay swapped, not yet cleared", key, chsink.State{Generation: "g2", Pause: key.Sign("g1", "g2", now)}, false, ""},
		{"no key configured", nil, chsink.State{Generation: "g1", Pause: key.Sign("g1", "g2", now)}, false, "no_key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Processor{logger: slog.New(slog.DiscardHandler), m: newMetrics(nil), pauseAge: time.Hour, gens: map[int]string{}}
			WithPauseKey(tc.key, 0)(p)
			req, paused := p.Paused(tc.st)
			require.Equal(t, tc.paused, paused)
			if paused {
				require.Equal(t, tc.st.Generation, req.Generation)
			}
			for _, r := range []string{"unsigned", "bad_signature", "expired", "no_key"} {
				want := 0.0
				if r == tc.reason {
					want = 1
				}
				require.Equal(t, want, testutil.ToFloat64(p.m.rejected.WithLabelValues(r)), r)
			}
		})
	}
}
