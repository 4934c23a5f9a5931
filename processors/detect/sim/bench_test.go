package sim

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGLMBeatsEARS is a quality test, not a timing test: on a fixed seed
// and enough series that the figures are stable, the GLM detector at its
// default Alpha must raise fewer false alarms than every EARS method, and,
// held to each EARS method's false-alarm rate, detect at least as many
// spikes.
func TestGLMBeatsEARS(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation benchmark skipped in -short mode")
	}
	var buf bytes.Buffer
	res, err := RunBench(context.Background(), BenchConfig{Series: 300, Years: 6, Seed: 1}, &buf)
	require.NoError(t, err)
	t.Log("\n" + buf.String())
	glm := res.Methods[0]
	require.Greater(t, res.Spikes, 1000, "too few spikes for a stable comparison")
	for i, m := range res.Matched {
		ears := res.Methods[i+1]
		require.LessOrEqual(t, glm.FPR, ears.FPR, "FPR vs %s", ears.Method)
		require.LessOrEqual(t, m.GLMFPRAtEARSFPR, ears.FPR, "matched FPR vs %s", ears.Method)
		require.GreaterOrEqual(t, m.GLMPODAtEARSFPR, ears.POD, "POD at %s's FPR", ears.Method)
	}
}
