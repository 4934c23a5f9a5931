package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVariantDesigns checks the two variant designs' truth: with
// SpikesFrom no spike starts earlier, and with Lognormal a spike lasts to
// its last case, at most MaxSpikeWeeks, InSpike marks exactly its weeks,
// and most spikes are shorter than under the uniform spread.
func TestVariantDesigns(t *testing.T) {
	sc := DefaultSimConfig(7)
	sc.Lognormal = true
	sc.SpikesFrom = 264
	var spikes, oneOrTwo int
	for i := range 200 {
		s := Simulate(sc, 9, i)
		marked := 0
		for _, v := range s.InSpike {
			if v >= 0 {
				marked++
			}
		}
		total := 0
		for k, sp := range s.Spikes {
			require.GreaterOrEqual(t, sp.Start, 264, "series %d: a spike before SpikesFrom", i)
			require.True(t, sp.Weeks >= 1 && sp.Weeks <= sc.MaxSpikeWeeks, "series %d: spike of %d weeks", i, sp.Weeks)
			for w := sp.Start; w < sp.Start+sp.Weeks; w++ {
				require.Equal(t, k, s.InSpike[w], "series %d week %d", i, w)
			}
			total += sp.Weeks
			spikes++
			if sp.Weeks <= 2 {
				oneOrTwo++
			}
		}
		require.Equal(t, total, marked, "series %d: InSpike marks only the spikes' weeks", i)
	}
	require.Greater(t, spikes, 200, "about 1.7 spikes a series in the last two years")
	// Half the cases fall in the first week and 41 % in the second, so
	// most spikes end by their second week (uniform: half of them).
	require.Greater(t, float64(oneOrTwo)/float64(spikes), 0.7)
}
