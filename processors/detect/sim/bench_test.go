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
// at every matched false-alarm rate, detect more spikes than each of them.
func TestGLMBeatsEARS(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation benchmark skipped in -short mode")
	}
	var buf bytes.Buffer
	res, err := RunBench(context.Background(), BenchConfig{Series: 300, Years: 6, Seed: 1}, &buf)
	require.NoError(t, err)
	t.Log("\n" + buf.String())
	glm := res.Methods[0]
	require.Greater(t, res.Spikes, 300, "too few spikes for a stable comparison")
	for _, ears := range res.Methods[1:] {
		require.LessOrEqual(t, glm.Default.FPR, ears.Default.FPR, "FPR vs %s", ears.Method)
		for i, f := range res.MatchFPR {
			require.LessOrEqual(t, glm.Matched[i].FPR, f)
			require.Greater(t, glm.Matched[i].POD, ears.Matched[i].POD, "POD at FPR %g vs %s", f, ears.Method)
		}
	}
}

// TestCalibrated is a quality test on a fixed seed: at the default alpha
// the false-alarm rate on spike-free series is at most alpha in every cell
// of the calibration grid (5 means x 0-2 harmonics, 200 series each: the
// grid of docs/detection.md; 60 a cell is too noisy, one cell reads 0.0050).
func TestCalibrated(t *testing.T) {
	if testing.Short() {
		t.Skip("calibration grid skipped in -short mode")
	}
	var buf bytes.Buffer
	res, err := Calibrate(context.Background(), BenchConfig{Series: 3000, Seed: 101}, &buf)
	require.NoError(t, err)
	t.Log("\n" + buf.String())
	require.Len(t, res.Cells, len(CalibMeans)*len(CalibHarmonics))
	for _, c := range res.Cells {
		require.GreaterOrEqual(t, c.Weeks, 20000)
		require.LessOrEqual(t, c.FPR, res.Alpha, "mean %g, %d harmonics", c.Mean, c.Harmonics)
	}
}
