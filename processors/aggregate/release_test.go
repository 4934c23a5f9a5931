package aggregate

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

// TestReleaseThenBuild: a batch built after another was released (into its
// reused buffers) is exactly the batch a fresh aggregator builds, and
// Release leaves nothing of the released result.
func TestReleaseThenBuild(t *testing.T) {
	ctx := context.Background()
	msgs := demoMessages(t, 3000)
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	a := newAggFrom(t, v)
	first, err := a.Build(ctx, 0, msgs[:2000], &fakeLookup{})
	require.NoError(t, err)
	require.NotEmpty(t, first.Batch.Concerns)
	a.Release(&first)
	require.Equal(t, Result{}, first)

	got, err := a.Build(ctx, 0, msgs[2000:], &fakeLookup{})
	require.NoError(t, err)
	want, err := newAggFrom(t, v).Build(ctx, 0, msgs[2000:], &fakeLookup{})
	require.NoError(t, err)
	require.Equal(t, want.Batch, got.Batch)
	require.Equal(t, []int{want.Processed, want.Duplicates, len(want.DeadLetters)}, []int{got.Processed, got.Duplicates, len(got.DeadLetters)})
	a.Release(&got)
	a.Release(&got) // a second Release of the emptied result does nothing
}
