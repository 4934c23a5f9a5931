package gazetteer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDefaultLoadsAndCounts(t *testing.T) {
	g := Default()
	require.Len(t, g.Wards(), 144)
	require.Len(t, g.WardsAt(day("2016-06-01")), 79, "the 79-ward set of 2015-2019")
	require.Len(t, g.WardsAt(day("2024-06-01")), 83, "the current set")
	require.Len(t, g.LADs(), 4)
	require.Equal(t, day("2019-05-02"), ElectionDay(2019))
}

func TestResolve(t *testing.T) {
	g := Default()
	tests := []struct {
		name, place, at string
		wantKind, want  string // want: ward or LAD code
		wantErr         error
	}{
		{"code in force", "E05001509", "2016-03-01", "ward", "E05001509", nil},
		{"old code after its end", "E05001509", "2024-03-01", "", "", ErrNotInForce},
		{"name follows boundaries (old)", "Grangetown", "2016-03-01", "ward", "E05001509", nil},
		{"name follows boundaries (new)", "grangetown", "2024-03-01", "ward", "E05012442", nil},
		{"the day before the 2019 election", "Grangetown", "2019-05-01", "ward", "E05001509", nil},
		{"election day itself", "Grangetown", "2019-05-02", "ward", "E05012442", nil},
		{"and versus &", "Fens & Rossmere", "2016-03-01", "ward", "E05008944", nil},
		{"a town is its LAD", "Billingham", "2020-03-01", "lad", "E06000004", nil},
		{"hills are an area", "Eston Hills", "2020-03-01", "lad", "E06000003", nil},
		{"LAD code", "E06000002", "2020-03-01", "lad", "E06000002", nil},
		{"unknown", "Atlantis", "2020-03-01", "", "", ErrUnknownPlace},
		{"foreign ward code", "E05011111", "2020-03-01", "", "", ErrUnknownPlace},
		{"Middlesbrough's Park", "Park", "2020-03-01", "ward", "E05009869", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Resolve(tt.place, day(tt.at))
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.Contains(t, err.Error(), tt.place)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantKind, r.Kind)
			if r.Kind == "ward" {
				require.Equal(t, tt.want, r.WardCode)
			} else {
				require.Equal(t, tt.want, r.LADCode)
			}
		})
	}
}

func TestFind(t *testing.T) {
	g := Default()
	text := "Residents in Grangetown and on the Eston Hills complained; Stockton Town Centre too."
	ms := g.Find(text, day("2020-03-01"))
	var got []string
	for _, m := range ms {
		got = append(got, text[m.Start:m.End]+"="+m.Kind)
	}
	require.Equal(t, []string{"Grangetown=ward", "Eston Hills=lad", "Stockton Town Centre=ward"}, got)
}

func TestLoadErrorsNameTheLine(t *testing.T) {
	_, err := Load(strings.NewReader("ward_code,ward_name,lad_code,lad_name,valid_from,valid_to\nE05000001,X,E06000001,H,20x,\n"), nil)
	require.ErrorContains(t, err, "line 2: valid_from")
	_, err = Load(strings.NewReader("code,name\nE05000001,X\n"), nil)
	require.ErrorContains(t, err, "header")
	_, err = Load(strings.NewReader("ward_code,ward_name,lad_code,lad_name,valid_from,valid_to\nE05000001,X,E06000001,H,2010,\n"), strings.NewReader("places:\n  - {name: A, lad: E06999999}\n"))
	require.ErrorContains(t, err, `places[0] "A"`)
	require.False(t, errors.Is(err, ErrUnknownPlace))
}
