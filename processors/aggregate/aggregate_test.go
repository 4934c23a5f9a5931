package aggregate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// fakeLookup stands for what earlier batches stored; the real one
// (chsink.Sink) is exercised against ClickHouse in chsink and cmd tests.
type fakeLookup struct {
	locs     map[string]chsink.Loc
	concerns map[string]*chsink.ConcernRow
	actions  map[string]*chsink.ActionRow
	// ahead makes every table ahead of the batch (a batch redone after a
	// crash between tables): versions and log then stand for the events
	// table and the topic.
	ahead    bool
	versions map[string][]chsink.Version
	log      map[int64][]byte
}

func (f *fakeLookup) Ahead(int, chsink.Table, int64) bool { return f.ahead }

func (f *fakeLookup) Versions(_ context.Context, _ int, id string, before int64) ([]chsink.Version, error) {
	var out []chsink.Version
	for _, v := range f.versions[id] {
		if v.Offset < before {
			out = append(out, v)
		}
	}
	return out, nil
}

func (f *fakeLookup) Message(_ context.Context, _ int, off int64) ([]byte, error) {
	if b, ok := f.log[off]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("offset %d not on the fake log", off)
}

func (f *fakeLookup) EventLocations(_ context.Context, ids []string) (map[string]chsink.Loc, error) {
	out := map[string]chsink.Loc{}
	for _, id := range ids {
		if l, ok := f.locs[id]; ok {
			out[id] = l
		}
	}
	return out, nil
}

func (f *fakeLookup) PreviousConcern(_ context.Context, _ int, id string, _ int64, _ string) (*chsink.ConcernRow, error) {
	return f.concerns[id], nil
}

func (f *fakeLookup) PreviousMeeting(context.Context, int, string, int64) (*chsink.MeetingRow, error) {
	return nil, nil
}

func (f *fakeLookup) PreviousAction(_ context.Context, _ int, id string, _ int64) (*chsink.ActionRow, error) {
	return f.actions[id], nil
}

func (f *fakeLookup) PreviousOutcome(context.Context, int, string, int64) (*chsink.OutcomeRow, error) {
	return nil, nil
}

func newAgg(t *testing.T) *Aggregator {
	t.Helper()
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	return newAggFrom(t, v)
}

func newAggFrom(tb testing.TB, v *schemas.Validator) *Aggregator {
	tb.Helper()
	a, err := New(gazetteer.Default(), taxonomy.Default(), v)
	require.NoError(tb, err)
	return a
}

func msgs(lines ...string) []kafka.Message {
	out := make([]kafka.Message, len(lines))
	for i, l := range lines {
		out[i] = kafka.Message{Offset: int64(10 + i), Value: []byte(l)}
	}
	return out
}

const (
	idA = "11111111-1111-4111-8111-111111111111"
	idB = "22222222-2222-4222-8222-222222222222"
)

func concern(id, text, extra string) string {
	return `{"event_id":"` + id + `","type":"concern","schema_version":1,"occurred_at":"2020-07-01T19:00:00Z","ward_code":"E05012442"` + extra + `,"concern":{"text":"` + text + `"}}`
}

func cellMap(cells []chsink.CellDelta) map[string]int64 {
	out := map[string]int64{}
	for _, c := range cells {
		out[c.Theme] += c.Delta
	}
	for k, v := range out {
		if v == 0 {
			delete(out, k)
		}
	}
	return out
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name      string
		lines     []string
		look      *fakeLookup
		wantCells map[string]int64
		wantDead  []string
		wantDups  int
	}{
		{
			name:      "classified, staff tag added, text redacted",
			lines:     []string{concern(idA, "Quad bikes on the field, ring 07700 900123", `,"themes":["visible_policing"]`)},
			wantCells: map[string]int64{"off_road_bikes": 1, "visible_policing": 1},
		},
		{
			name:      "no theme counts as unclassified",
			lines:     []string{concern(idA, "a lovely summer fair", "")},
			wantCells: map[string]int64{Unclassified: 1},
		},
		{
			name:      "the same id twice in a batch counts once",
			lines:     []string{concern(idA, "speeding", ""), concern(idA, "speeding", "")},
			wantCells: map[string]int64{"speeding": 1},
			wantDups:  1,
		},
		{
			name:     "an id stored from an earlier offset is a duplicate",
			lines:    []string{concern(idA, "speeding", "")},
			look:     &fakeLookup{locs: map[string]chsink.Loc{idA: {Partition: 0, Offset: 3}}},
			wantDups: 1,
		},
		{
			name:      "an id stored from this very offset is a re-run, not a duplicate",
			lines:     []string{concern(idA, "speeding", "")},
			look:      &fakeLookup{locs: map[string]chsink.Loc{idA: {Partition: 0, Offset: 10}}},
			wantCells: map[string]int64{"speeding": 1},
		},
		{
			name:      "a correction in the same batch replaces the original's cells",
			lines:     []string{concern(idA, "speeding", ""), concern(idB, "inconsiderate parking", `,"supersedes":"`+idA+`"`)},
			wantCells: map[string]int64{"parking_traffic": 1},
		},
		{
			name:      "a withdrawal of a stored concern subtracts it",
			lines:     []string{`{"event_id":"` + idB + `","type":"withdrawal","schema_version":1,"date":"2020-07-02","ward_code":"E05012442","supersedes":"` + idA + `"}`},
			look:      &fakeLookup{concerns: map[string]*chsink.ConcernRow{idA: {ConcernID: idA, WardCode: "E05012442", Themes: []string{"drugs"}}}},
			wantCells: map[string]int64{"drugs": -1},
		},
		{
			name:  "a concern whose day is unknown has no daily cells (left out of weekly series)",
			lines: []string{`{"event_id":"` + idA + `","type":"concern","schema_version":1,"date":"2020-07-01","precision":"month","period":{"start":"2020-07-01","end":"2020-07-31"},"ward_code":"E05012442","concern":{"text":"speeding"}}`},
		},
		{
			name:  "correcting a period concern to a known day adds its cells and subtracts none",
			lines: []string{concern(idB, "speeding", `,"supersedes":"`+idA+`"`)},
			look: &fakeLookup{concerns: map[string]*chsink.ConcernRow{idA: {ConcernID: idA, WardCode: "E05012442", Themes: []string{"speeding"},
				DatePrecision: chsink.DatePrecision{Precision: "period"}}}},
			wantCells: map[string]int64{"speeding": 1},
		},
		{
			name:     "poison messages are dead letters with a reason",
			lines:    []string{`{"type":`, concern(idA, "x", `,"themes":["aliens"]`), strings.Replace(concern(idB, "x", ""), "E05012442", "E05001509", 1)},
			wantDead: []string{"malformed JSON", `unknown theme "aliens"`, "not in force"},
		},
		{
			// After a crash between tables the batch is redone against a
			// concerns table that already holds its later versions, and a
			// merge may have dropped the one before: the table answers
			// with an older version (drugs) or none. The events table and
			// the log say what it was.
			name:  "a table ahead of the batch: the previous version is rebuilt from the log",
			lines: []string{`{"event_id":"` + idB + `","type":"withdrawal","schema_version":1,"date":"2020-07-02","supersedes":"` + idA + `"}`},
			look: &fakeLookup{ahead: true,
				concerns: map[string]*chsink.ConcernRow{idA: {ConcernID: idA, WardCode: "E05012442", Themes: []string{"drugs"}}},
				versions: map[string][]chsink.Version{idA: {{Offset: 3, Type: "concern"}, {Offset: 10, Type: "withdrawal"}}},
				log:      map[int64][]byte{3: []byte(concern(idA, "speeding on the main road", ""))}},
			wantCells: map[string]int64{"speeding": -1},
		},
		{
			name:  "a table ahead of the batch: a version withdrawn before is not subtracted again",
			lines: []string{concern(idC, "inconsiderate parking", `,"supersedes":"`+idA+`"`)},
			look: &fakeLookup{ahead: true,
				versions: map[string][]chsink.Version{idA: {{Offset: 3, Type: "concern"}, {Offset: 5, Type: "withdrawal"}}},
				log:      map[int64][]byte{3: []byte(concern(idA, "speeding", ""))}},
			wantCells: map[string]int64{"parking_traffic": 1},
		},
		{
			name:  "a table ahead of the batch: a withdrawal of an action is not a dead letter",
			lines: []string{`{"event_id":"` + idB + `","type":"withdrawal","schema_version":1,"date":"2020-07-02","supersedes":"` + idC + `"}`},
			look: &fakeLookup{ahead: true,
				versions: map[string][]chsink.Version{idC: {{Offset: 4, Type: "action"}}},
				log:      map[int64][]byte{4: []byte(action(idC, idA, ""))}},
		},
		{
			name:  "a table ahead of the batch: an entity of another kind is not a previous version",
			lines: []string{concern(idB, "speeding", `,"supersedes":"`+idC+`"`)},
			look: &fakeLookup{ahead: true,
				versions: map[string][]chsink.Version{idC: {{Offset: 4, Type: "action"}}},
				log:      map[int64][]byte{4: []byte(action(idC, idA, ""))}},
			wantDead: []string{"supersedes: concern " + idC},
		},
		{
			name:     "a correction of an unknown concern is a dead letter",
			lines:    []string{concern(idB, "x", `,"supersedes":"`+idA+`"`)},
			wantDead: []string{"supersedes: concern " + idA},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			look := tt.look
			if look == nil {
				look = &fakeLookup{}
			}
			res, err := newAgg(t).Build(context.Background(), 0, msgs(tt.lines...), look)
			require.NoError(t, err)
			require.Equal(t, int64(10+len(tt.lines)), res.Batch.Next, "the batch covers every message")
			if tt.wantCells == nil {
				tt.wantCells = map[string]int64{}
			}
			require.Equal(t, tt.wantCells, cellMap(res.Batch.Cells))
			require.Equal(t, tt.wantDups, res.Duplicates)
			require.Len(t, res.Dups, res.Duplicates, "each duplicate is handed back for its content check")
			for _, d := range res.Dups {
				require.Equal(t, d.Event.EventID, idA)
				if d.Earlier != nil { // first seen in this batch, at its first message
					require.Equal(t, chsink.Loc{Partition: 0, Offset: 10}, d.First)
				} else {
					require.Equal(t, chsink.Loc{Partition: 0, Offset: 3}, d.First)
				}
			}
			require.Len(t, res.Batch.Events, res.Processed, "an events row for each event processed, none for a dead letter or a duplicate")
			require.Len(t, res.DeadLetters, len(tt.wantDead))
			for i, want := range tt.wantDead {
				require.Contains(t, res.DeadLetters[i].Reason, want)
			}
			for _, c := range res.Batch.Concerns {
				require.NotContains(t, c.Text, "07700")
				if !c.Withdrawn { // a withdrawn version keeps the version that classified it
					require.Equal(t, taxonomy.Default().Version, c.TaxonomyVersion)
				}
			}
		})
	}
}
