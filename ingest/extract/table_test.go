package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRowWardOverItsLocation: a table row whose place or location column
// gives a town or an authority and whose meeting cell names a ward of it is
// that ward's meeting, however the title and the location are written; a
// row naming two wards, or a ward of another authority, keeps the place
// column's authority.
func TestRowWardOverItsLocation(t *testing.T) {
	head := "Report to the Police and Crime Panel, 2 April 2019\n\n"
	tests := []struct {
		name, table string
		want        []string
	}{
		{"ward title, town and authority as location",
			"| Date | Meeting | Location | Issues raised |\n|---|---|---|---|\n| 11 March | Seaton Ward Community Meeting | Seaton Carew, Hartlepool | Cars racing along the sea front late at night |\n",
			[]string{"meeting 2019-03-11 E05008951 speeding", "concern 2019-03-11 E05008951 speeding"}},
		{"ward title, authority as location",
			"| Date | Meeting | Location | Issues raised |\n|---|---|---|---|\n| 8 March | Hardwick and Salters Lane Ward Meeting | Stockton-on-Tees | Groups of youths causing a nuisance |\n",
			[]string{"meeting 2019-03-08 E05001536 antisocial_behaviour", "concern 2019-03-08 E05001536 antisocial_behaviour"}},
		{"a place column, the ward in the title without the word ward",
			"| When | Event | Area | Topics |\n|---|---|---|---|\n| 12 March | PACT meeting for Hartburn residents | Stockton-on-Tees | Speeding on the main road |\n",
			[]string{"meeting 2019-03-12 E05001537 speeding", "concern 2019-03-12 E05001537 speeding"}},
		{"a venue column naming the town",
			"| Date | Engagement | Venue | Concerns |\n|---|---|---|---|\n| 5 March | Park End & Beckfield ward surgery | Middlesbrough | Tools stolen from vans |\n",
			[]string{"meeting 2019-03-05 E05009870 burglary_theft", "concern 2019-03-05 E05009870 burglary_theft"}},
		{"two wards named: the authority",
			"| Date | Meeting | Location | Issues raised |\n|---|---|---|---|\n| 19 March | Yarm and Eaglescliffe joint meeting | Stockton-on-Tees | Speeding on the main road |\n",
			[]string{"meeting 2019-03-19  speeding", "concern 2019-03-19  speeding"}},
		{"a ward of another authority: the location's authority",
			"| Date | Meeting | Location | Issues raised |\n|---|---|---|---|\n| 26 March | Seaton Ward Community Meeting | Middlesbrough | Speeding on the main road |\n",
			[]string{"meeting 2019-03-26  speeding", "concern 2019-03-26  speeding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := newExtractor(t, Config{}).Extract("report.md", []byte(head+tt.table))
			require.NoError(t, err)
			var got []string
			for _, e := range res.Events {
				got = append(got, e.Type+" "+e.Date+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
			}
			require.Equal(t, tt.want, got)
		})
	}
}
