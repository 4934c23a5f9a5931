package aggregate

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRowsAreRedacted: every free-text field that reaches a row, and the
// reason of a dead letter (which quotes the place), is redacted.
func TestRowsAreRedacted(t *testing.T) {
	const pii = `Called resident Jane Doe on 07700 900456, jane.doe@example.com, TS6 7AB, car AB12 CDE`
	const want = `Called resident [name] on [phone], [email], [postcode], car [vrm]`
	meeting := `{"event_id":"` + idA + `","type":"meeting","schema_version":1,"occurred_at":"2020-07-01T18:30:00Z","ward_code":"E05012442",` +
		`"place":"` + pii + `","meeting":{"kind":"community_meeting","title":"` + pii + `","location":"` + pii + `"}}`
	concern := `{"event_id":"` + idB + `","type":"concern","schema_version":1,"occurred_at":"2020-07-01T19:00:00Z","ward_code":"E05012442",` +
		`"place":"` + pii + `","concern":{"meeting_id":"` + idA + `","text":"` + pii + `","action":"` + pii + `"}}`
	unknownPlace := `{"event_id":"33333333-3333-4333-8333-333333333333","type":"concern","schema_version":1,"occurred_at":"2020-07-01T19:00:00Z",` +
		`"place":"outside Mrs Smith's, 07700 900456","concern":{"text":"speeding"}}`

	res, err := newAgg(t).Build(context.Background(), 0, msgs(meeting, concern, unknownPlace), &fakeLookup{})
	require.NoError(t, err)
	require.Len(t, res.Batch.Meetings, 1)
	m := res.Batch.Meetings[0]
	require.Equal(t, []string{want, want, want}, []string{m.Place, m.Title, m.Location}, "meeting place, title, location")
	require.Len(t, res.Batch.Concerns, 1)
	c := res.Batch.Concerns[0]
	require.Equal(t, []string{want, want, want}, []string{c.Place, c.Text, c.Action}, "concern place, text, action")
	require.Equal(t, "E05012442", c.WardCode, "the ward is resolved from the ward code, not the redacted place")

	require.Len(t, res.DeadLetters, 1)
	reason := res.DeadLetters[0].Reason
	require.Contains(t, reason, `Mrs [name]`)
	require.Contains(t, reason, `[phone]`)
	require.NotContains(t, reason, "07700")
	require.NotContains(t, reason, "Smith")
}
