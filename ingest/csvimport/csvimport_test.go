package csvimport

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

func readFile(t *testing.T, name string) ([]schemas.Event, []string, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "csvimport", name))
	require.NoError(t, err)
	defer f.Close()
	var evs []schemas.Event
	var bad []string
	err = Read(f, name, func(_ int, e []schemas.Event) error { evs = append(evs, e...); return nil }, func(e *RowError) { bad = append(bad, e.Error()) })
	return evs, bad, err
}

func TestExample(t *testing.T) {
	evs, bad, err := readFile(t, "meetings-example.csv")
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, evs, 3+4)
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	for _, e := range evs {
		b, err := e.Marshal()
		require.NoError(t, err)
		_, err = v.Decode(b)
		require.NoError(t, err, "%s", b)
	}
	require.Equal(t, "community_meeting", evs[0].Meeting.Kind)
	require.Equal(t, 23, evs[0].Meeting.Attendance)
	require.Equal(t, evs[0].EventID, evs[1].Concern.MeetingID)
	require.Equal(t, "Operation Endurance deployed", evs[1].Concern.Action)
	require.Equal(t, "Intelligence passed to the drugs team", evs[2].Concern.Action)

	again, _, err := readFile(t, "meetings-example.csv")
	require.NoError(t, err)
	require.Equal(t, evs, again, "the same file gives the same ids")
}

func TestBadRowsAreNamedAndSkipped(t *testing.T) {
	evs, bad, err := readFile(t, "bad-rows.csv")
	require.True(t, errors.Is(err, ErrBadRows))
	require.ErrorContains(t, err, "4 rows")
	require.Equal(t, []string{
		`bad-rows.csv line 2 column date: "10/12/2019" is not YYYY-MM-DD or YYYY-MM-DD HH:MM`,
		`bad-rows.csv line 3 column kind: "party" is not one of community_meeting, partner_meeting, board, forum, event`,
		`bad-rows.csv line 4 column attendance: "many" is not a whole number`,
		`bad-rows.csv line 5: 4 fields, the header has 8`,
	}, bad)
	require.Len(t, evs, 2, "the good row is still imported")
}

func TestMissingColumnAndEmptyFile(t *testing.T) {
	err := Read(strings.NewReader("when,where\n"), "x.csv", nil, nil)
	require.ErrorContains(t, err, `x.csv line 1: missing column "date"`)
	err = Read(strings.NewReader(""), "y.csv", nil, nil)
	require.ErrorContains(t, err, "y.csv: empty file")
}
