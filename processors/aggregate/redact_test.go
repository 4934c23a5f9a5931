package aggregate

import (
	"context"
	"regexp"
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

// TestDemoRedactsOnlyPlantedData: over demo events, whose generator plants
// phone numbers and registrations in some concerns, redaction changes only
// the fields with planted data, and masks every planted item.
func TestDemoRedactsOnlyPlantedData(t *testing.T) {
	a := newAgg(t)
	planted := regexp.MustCompile(`07700 900\d{3}|01642 496\d{3}|NX\d{2} [A-Z]{3}`)
	var fields, changed int
	for _, m := range demoMessages(t, 20000) {
		ev, err := a.validator.Decode(m.Value)
		require.NoError(t, err)
		texts := []string{ev.Place}
		if ev.Concern != nil {
			texts = append(texts, ev.Concern.Text, ev.Concern.Action)
		}
		if ev.Meeting != nil {
			texts = append(texts, ev.Meeting.Title, ev.Meeting.Location)
		}
		for _, s := range texts {
			if s == "" {
				continue
			}
			fields++
			got := a.red.Redact(s)
			require.False(t, planted.MatchString(got), "%q left planted data in %q", s, got)
			if got != s {
				changed++
				require.True(t, planted.MatchString(s), "%q changed to %q with nothing planted", s, got)
			}
		}
	}
	require.Positive(t, changed)
	t.Logf("%d free-text fields, %d changed, all with planted data", fields, changed)
}
