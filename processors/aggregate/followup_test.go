package aggregate

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
)

const idC = "33333333-3333-4333-8333-333333333333"

func action(id, concernID, extra string) string {
	return `{"event_id":"` + id + `","type":"action","schema_version":1,"date":"2020-07-08"` + extra + `,"action":{"concern_id":"` + concernID + `","by":"council","text":"Cleared; call Mr Smith on 07700 900123"}}`
}

// TestBuildFollowUps: actions and outcomes become rows of their own tables
// with no place and no concern_daily cells, their text redacted; a follow-up
// of a concern never seen is kept (queries join on concerns); corrections
// and withdrawals of follow-ups work within a batch and against stored rows.
func TestBuildFollowUps(t *testing.T) {
	ctx := context.Background()
	t.Run("action and outcome of a concern in the batch", func(t *testing.T) {
		res, err := newAgg(t).Build(ctx, 0, msgs(
			concern(idA, "fly-tipping in the back lane", ""),
			action(idB, idA, ""),
			`{"event_id":"`+idC+`","type":"outcome","schema_version":1,"occurred_at":"2020-08-01T09:00:00Z","outcome":{"concern_id":"`+idA+`","status":"resolved","note":"Lane clear"}}`,
		), &fakeLookup{})
		require.NoError(t, err)
		require.Empty(t, res.DeadLetters)
		require.Equal(t, 3, res.Processed)
		require.Len(t, res.Batch.Events, 3)
		require.Equal(t, map[string]int64{"environmental": 1}, cellMap(res.Batch.Cells), "follow-ups add no counts")
		require.Len(t, res.Batch.Actions, 1)
		a := res.Batch.Actions[0]
		require.Equal(t, []any{idB, idA, "council", int64(11)}, []any{a.ActionID, a.ConcernID, a.Agency, a.Offset})
		require.NotContains(t, a.Text, "07700", "action text is redacted")
		require.Len(t, res.Batch.Outcomes, 1)
		require.Equal(t, []any{idC, idA, "resolved", "Lane clear"}, []any{res.Batch.Outcomes[0].OutcomeID, res.Batch.Outcomes[0].ConcernID, res.Batch.Outcomes[0].Status, res.Batch.Outcomes[0].Note})
		require.Equal(t, "", res.Batch.Events[1].WardCode, "a follow-up has no place of its own")
	})
	t.Run("a follow-up of an unknown concern is kept", func(t *testing.T) {
		res, err := newAgg(t).Build(ctx, 0, msgs(action(idB, idA, "")), &fakeLookup{})
		require.NoError(t, err)
		require.Empty(t, res.DeadLetters)
		require.Len(t, res.Batch.Actions, 1)
	})
	t.Run("correction and withdrawal in the batch", func(t *testing.T) {
		res, err := newAgg(t).Build(ctx, 0, msgs(
			action(idB, idA, ""),
			`{"event_id":"`+idC+`","type":"action","schema_version":1,"date":"2020-07-09","supersedes":"`+idB+`","action":{"concern_id":"`+idA+`","by":"police","text":"Patrols"}}`,
			`{"event_id":"44444444-4444-4444-8444-444444444444","type":"withdrawal","schema_version":1,"date":"2020-07-10","supersedes":"`+idB+`"}`,
		), &fakeLookup{})
		require.NoError(t, err)
		require.Empty(t, res.DeadLetters)
		require.Len(t, res.Batch.Actions, 3)
		for _, a := range res.Batch.Actions {
			require.Equal(t, idB, a.ActionID, "every version keeps the original's id")
		}
		last := res.Batch.Actions[2]
		require.True(t, last.Withdrawn)
		require.Equal(t, "police", last.Agency, "the withdrawn copy is of the corrected version")
		require.Equal(t, int64(12), last.Offset)
	})
	t.Run("withdrawal of a stored action", func(t *testing.T) {
		look := &fakeLookup{actions: map[string]*chsink.ActionRow{idB: {ActionID: idB, ConcernID: idA, Agency: "council", Text: "x", Offset: 3}}}
		res, err := newAgg(t).Build(ctx, 0, msgs(`{"event_id":"`+idC+`","type":"withdrawal","schema_version":1,"date":"2020-07-10","supersedes":"`+idB+`"}`), look)
		require.NoError(t, err)
		require.Empty(t, res.DeadLetters)
		require.Len(t, res.Batch.Actions, 1)
		require.True(t, res.Batch.Actions[0].Withdrawn)
		require.Equal(t, int64(10), res.Batch.Actions[0].Offset)
	})
	t.Run("a correction of an unknown action is a dead letter", func(t *testing.T) {
		res, err := newAgg(t).Build(ctx, 0, msgs(action(idC, idA, `,"supersedes":"`+idB+`"`)), &fakeLookup{})
		require.NoError(t, err)
		require.Len(t, res.DeadLetters, 1)
		require.Contains(t, res.DeadLetters[0].Reason, "supersedes: action "+idB)
	})
	t.Run("a withdrawal of nothing known is a dead letter", func(t *testing.T) {
		res, err := newAgg(t).Build(ctx, 0, msgs(`{"event_id":"`+idC+`","type":"withdrawal","schema_version":1,"date":"2020-07-10","supersedes":"`+idB+`"}`), &fakeLookup{})
		require.NoError(t, err)
		require.Len(t, res.DeadLetters, 1)
		require.Contains(t, res.DeadLetters[0].Reason, "no meeting, concern, action or outcome")
	})
}
