package csvimport

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

type emitted struct {
	lines []int
	evs   []schemas.Event
}

func readFile(t *testing.T, name string) (emitted, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "csvimport", name))
	require.NoError(t, err)
	defer f.Close()
	return read(t, f, name)
}

func read(t *testing.T, r interface{ Read([]byte) (int, error) }, name string) (emitted, error) {
	t.Helper()
	var out emitted
	err := Read(r, name, func(line int, e []schemas.Event) error {
		out.lines = append(out.lines, line)
		out.evs = append(out.evs, e...)
		return nil
	})
	return out, err
}

func TestExample(t *testing.T) {
	got, err := readFile(t, "meetings-example.csv")
	require.NoError(t, err)
	require.Equal(t, []int{2, 3, 4}, got.lines)
	evs := got.evs
	require.Len(t, evs, 3+4)
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	for _, e := range evs {
		b, err := e.Marshal()
		require.NoError(t, err)
		_, err = v.Decode(b)
		require.NoError(t, err, "%s", b)
		require.Equal(t, "csv-import", e.Source.Name)
		require.Equal(t, "meetings-example.csv", e.Source.Document)
	}
	first := evs[0]
	require.Equal(t, schemas.KindCommunityMeeting, first.Meeting.Kind)
	require.Equal(t, 23, first.Meeting.Attendance)
	require.Equal(t, "Grangetown", first.Ward)
	require.Equal(t, time.Date(2019, 12, 10, 18, 30, 0, 0, time.UTC), *first.OccurredAt, "December: London is UTC")
	require.Equal(t, 2, first.Source.Line)
	require.Equal(t, first.EventID, evs[1].Concern.MeetingID)
	require.Equal(t, "Off-road bikes on the playing fields", evs[1].Concern.Text)
	require.Equal(t, "Operation Endurance deployed", evs[1].Concern.Action)
	require.Equal(t, "Intelligence passed to the drugs team", evs[2].Concern.Action)
	require.Equal(t, "2019-12-12", evs[3].Date, "a date without a time is a day")
	require.Nil(t, evs[3].OccurredAt)
	require.Equal(t, "2019-12-12", evs[4].Date)
	require.Empty(t, evs[4].Concern.Action)
	require.Equal(t, schemas.KindPartnerMeeting, evs[5].Meeting.Kind)
	require.Zero(t, evs[5].Meeting.Attendance)

	again, err := readFile(t, "meetings-example.csv")
	require.NoError(t, err)
	require.Equal(t, evs, again.evs, "the same file gives the same ids")
}

func TestIDs(t *testing.T) {
	const h = "date,ward,kind,title,location,attendance,concerns,actions\n"
	const r = "2020-07-01 18:30,Eston,,Eston community meeting,Eston Library,30,Quad bikes|Litter,\n"
	base, err := read(t, strings.NewReader(h+r), "a.csv")
	require.NoError(t, err)
	for _, tc := range []struct{ name, doc, body string }{
		{"another document", "b.csv", h + r},
		{"another line", "a.csv", h + "\n" + r},
		{"edited content", "a.csv", h + strings.Replace(r, "Litter", "Fly-tipping", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := read(t, strings.NewReader(tc.body), tc.doc)
			require.NoError(t, err)
			require.Len(t, got.evs, 3)
			for i := range got.evs {
				require.NotEqual(t, base.evs[i].EventID, got.evs[i].EventID)
			}
		})
	}
	require.Equal(t, time.Date(2020, 7, 1, 17, 30, 0, 0, time.UTC), *base.evs[0].OccurredAt, "18:30 in a Cleveland July is 17:30 UTC")
}

func TestActionsMatchConcernsByPosition(t *testing.T) {
	for _, tc := range []struct {
		name              string
		concerns, actions string
		want              [][2]string // text, action
	}{
		{"same length", "A|B", "x|y", [][2]string{{"A", "x"}, {"B", "y"}}},
		{"shorter", "A|B", "x", [][2]string{{"A", "x"}, {"B", ""}}},
		{"empty first action", "A|B", "|y", [][2]string{{"A", ""}, {"B", "y"}}},
		{"no actions", "A|B|", "", [][2]string{{"A", ""}, {"B", ""}}},
		{"empty concern keeps positions", "A||C", "x||z", [][2]string{{"A", "x"}, {"C", "z"}}},
		{"no concerns", "", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := "date,ward,concerns,actions\n2020-01-01,Eston,\"" + tc.concerns + "\",\"" + tc.actions + "\"\n"
			got, err := read(t, strings.NewReader(body), "p.csv")
			require.NoError(t, err)
			var pairs [][2]string
			for _, e := range got.evs[1:] {
				pairs = append(pairs, [2]string{e.Concern.Text, e.Concern.Action})
			}
			require.Equal(t, tc.want, pairs)
		})
	}
}

// TestBadInput reads each fixture in testdata/csvimport: bad rows are named
// by line and column and skipped, the good rows still emitted; a bad header
// stops the file.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		file     string
		sentinel error
		rows     []string // each bad row's message; nil for a file-level error
		fileErr  string
		good     []int // lines emitted
	}{
		{file: "bad-date.csv", sentinel: ErrBadDate, good: []int{3},
			rows: []string{`bad-date.csv line 2 column date: "2019/12/10" is not YYYY-MM-DD or YYYY-MM-DD HH:MM`}},
		{file: "unknown-kind.csv", sentinel: ErrUnknownKind, good: []int{2},
			rows: []string{`unknown-kind.csv line 3 column kind: "surgery" is not one of community_meeting, partner_meeting, board, forum, event`}},
		{file: "bad-attendance.csv", sentinel: ErrBadAttendance,
			rows: []string{`bad-attendance.csv line 2 column attendance: "about 40" is not a whole number`}},
		{file: "wrong-field-count.csv", sentinel: ErrFieldCount, good: []int{2},
			rows: []string{`wrong-field-count.csv line 3: 6 fields, the header has 8`}},
		{file: "missing-ward.csv", sentinel: ErrMissingWard,
			rows: []string{`missing-ward.csv line 2 column ward: empty; give an ONS ward code or a ward name`}},
		{file: "action-without-concern.csv", sentinel: ErrTooManyActions,
			rows: []string{`action-without-concern.csv line 2 column actions: action 2 ("Bikes seized") has no concern at the same position`}},
		{file: "bad-quoting.csv", sentinel: ErrQuoting, good: []int{3},
			rows: []string{`bad-quoting.csv line 2: bare " in non-quoted-field`}},
		{file: "bad-rows.csv", sentinel: ErrBadDate, good: []int{6}, rows: []string{
			`bad-rows.csv line 2 column date: "10/12/2019" is not YYYY-MM-DD or YYYY-MM-DD HH:MM`,
			`bad-rows.csv line 3 column kind: "party" is not one of community_meeting, partner_meeting, board, forum, event`,
			`bad-rows.csv line 4 column attendance: "many" is not a whole number`,
			`bad-rows.csv line 5: 4 fields, the header has 8`,
		}},
		{file: "unknown-column.csv", sentinel: ErrBadHeader,
			fileErr: `unknown-column.csv line 1 column 6: unknown column "atendance" (known: date,ward,kind,title,location,attendance,concerns,actions,action_by,action_dates,outcomes,outcome_dates,outcome_notes): bad header`},
		{file: "missing-date-column.csv", sentinel: ErrBadHeader,
			fileErr: `missing-date-column.csv line 1: missing column "date" (header: ward,kind,title): bad header`},
		{file: "empty.csv", sentinel: ErrBadHeader,
			fileErr: `empty.csv: empty file, expected a header row (date,ward,kind,title,location,attendance,concerns,actions,action_by,action_dates,outcomes,outcome_dates,outcome_notes): bad header`},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := readFile(t, tc.file)
			require.Error(t, err)
			require.ErrorIs(t, err, tc.sentinel)
			require.Equal(t, tc.good, got.lines, "good rows are still emitted")
			if tc.fileErr != "" {
				require.EqualError(t, err, tc.fileErr)
				require.NotErrorIs(t, err, ErrBadRows)
				return
			}
			require.ErrorIs(t, err, ErrBadRows)
			var bad *BadRowsError
			require.True(t, errors.As(err, &bad))
			var msgs []string
			for _, r := range bad.Rows {
				msgs = append(msgs, r.Error())
			}
			require.Equal(t, tc.rows, msgs)
			require.ErrorContains(t, err, tc.file+": ")
			var row *RowError
			require.True(t, errors.As(err, &row))
			require.Equal(t, tc.file, row.Document)
		})
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(strings.NewReader("date,ward\n2020-01-01,Eston\n2020-01-02,Eston\n"), "s.csv", func(int, []schemas.Event) error { n++; return stop })
	require.ErrorIs(t, err, stop)
	require.Equal(t, 1, n)
}

// TestFollowUpColumns: an action whose who and when are given becomes an
// action event (and not the concern's own text), an outcome with its date
// an outcome event, both naming their concern; an action without who or
// when stays the concern's text; incomplete or impossible follow-ups are bad
// rows naming the column.
func TestFollowUpColumns(t *testing.T) {
	const header = "date,ward,concerns,actions,action_by,action_dates,outcomes,outcome_dates,outcome_notes\n"
	t.Run("events", func(t *testing.T) {
		body := header + `2020-01-08 18:30,Eston,"Fly-tipping|Speeding|Drugs","Cleared|Speed watch|","council|","2020-01-20|","resolved||ongoing","2020-02-01||2020-02-10","Lane clear||"` + "\n"
		got, err := read(t, strings.NewReader(body), "f.csv")
		require.NoError(t, err)
		var kinds []string
		byID := map[string]schemas.Event{}
		for _, e := range got.evs {
			kinds = append(kinds, e.Type)
			byID[e.EventID] = e
		}
		require.Equal(t, []string{"meeting", "concern", "action", "outcome", "concern", "concern", "outcome"}, kinds)
		fly, act, out := got.evs[1], got.evs[2], got.evs[3]
		require.Empty(t, fly.Concern.Action, "the action is an event, not typed twice")
		require.Equal(t, schemas.Action{ConcernID: fly.EventID, By: "council", Text: "Cleared"}, *act.Action)
		require.Equal(t, "2020-01-20", act.Date)
		require.Equal(t, schemas.Outcome{ConcernID: fly.EventID, Status: "resolved", Note: "Lane clear"}, *out.Outcome)
		require.Equal(t, "Speed watch", got.evs[4].Concern.Action, "no who or when: stays the concern's text")
		require.Equal(t, got.evs[5].EventID, got.evs[6].Outcome.ConcernID)
		v, err := schemas.NewValidator()
		require.NoError(t, err)
		for _, e := range got.evs {
			b, err := e.Marshal()
			require.NoError(t, err)
			_, err = v.Decode(b)
			require.NoError(t, err, "%s", b)
		}
	})
	for _, tc := range []struct {
		name, row, column, reason string
	}{
		{"who without when", `2020-01-08,Eston,A,x,police,,,,`, "action_by", "give both who did the action"},
		{"when without who", `2020-01-08,Eston,A,x,,2020-01-09,,,`, "action_by", "give both"},
		{"unknown agency", `2020-01-08,Eston,A,x,army,2020-01-09,,,`, "action_by", `"army" is not police`},
		{"who and when without an action", `2020-01-08,Eston,A,,police,2020-01-09,,,`, "action_by", "the action itself (actions) is empty"},
		{"action before the meeting", `2020-01-08,Eston,A,x,police,2020-01-07,,,`, "action_dates", "before the meeting (2020-01-08)"},
		{"bad action date", `2020-01-08,Eston,A,x,police,9 Jan,,,`, "action_dates", `"9 Jan" is not YYYY-MM-DD`},
		{"outcome without date", `2020-01-08,Eston,A,,,,resolved,,`, "outcome_dates", "together"},
		{"unknown status", `2020-01-08,Eston,A,,,,closed,2020-02-01,`, "outcomes", `"closed" is not resolved`},
		{"note without outcome", `2020-01-08,Eston,A,,,,,,Done`, "outcome_notes", "a note without an outcome"},
		{"follow-up with no concern", `2020-01-08,Eston,A,,,,"|resolved","|2020-02-01",`, "outcomes", "part 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := read(t, strings.NewReader(header+tc.row+"\n"), "f.csv")
			require.ErrorIs(t, err, ErrBadFollowUp)
			require.Empty(t, got.lines, "the bad row is skipped")
			var re *RowError
			require.ErrorAs(t, err, &re)
			require.Equal(t, tc.column, re.Column)
			require.Contains(t, re.Reason, tc.reason)
		})
	}
}
