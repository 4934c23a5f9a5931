package extract

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

func TestAgencyNamed(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Officers on off-road bikes patrolled the area and seized two bikes", schemas.ByPolice},
		{"Operation Endurance patrols increased", schemas.ByPolice},
		{"We passed this to the council's parking team", schemas.ByCouncil},
		{"Raised with the Community Safety Partnership", ""}, // "with": not clearly one agency's doing
		{"The Community Safety Partnership funded new gates", schemas.ByPartnership},
		{"The housing association served a notice", schemas.ByOtherAgency},
		{"PCSOs left notes and the council painted new lines", ""}, // two agencies
		{"Joint patrols with the council's wardens", ""},
		{"A warrant was executed", ""}, // nobody named
		{"We carried out speed checks", ""},
	} {
		require.Equal(t, tc.want, agencyNamed(tc.text), tc.text)
	}
}

// TestYouSaidWeDidActions: on a "you said, we did" page dated to a quarter,
// a "we did" that names one agency becomes an action event for its concern,
// with the quarter as its span and no place; one that names none stays the
// concern's text; nothing is an action for a concern dated to a day.
func TestYouSaidWeDidActions(t *testing.T) {
	x := newExtractor(t, Config{})
	doc := "# Eston: you said, we did\n\n## July to September 2020\n\n| You said | We did |\n|---|---|\n" +
		"| Off-road bikes on the Eston Hills | Officers seized three bikes on the hills |\n" +
		"| Fly-tipping in the back lanes | Lanes cleared |\n"
	res, err := x.Extract("yswd.md", []byte(doc))
	require.NoError(t, err)
	var concerns, actions []schemas.Event
	for _, e := range res.Events {
		switch e.Type {
		case schemas.TypeConcern:
			concerns = append(concerns, e)
		case schemas.TypeAction:
			actions = append(actions, e)
		}
	}
	require.Len(t, concerns, 2, "%+v", res.Events)
	require.Len(t, actions, 1)
	a := actions[0]
	require.Equal(t, concerns[0].EventID, a.Action.ConcernID)
	require.Equal(t, schemas.ByPolice, a.Action.By)
	require.Equal(t, "Officers seized three bikes on the hills", a.Action.Text)
	require.Empty(t, concerns[0].Concern.Action, "not typed twice")
	require.Equal(t, "period", a.Precision)
	require.Equal(t, &schemas.Period{Start: "2020-07-01", End: "2020-09-30"}, a.Period)
	require.False(t, a.HasPlace())
	require.Equal(t, "Lanes cleared", concerns[1].Concern.Action, "no agency named: the concern's own text")
}

// TestNoActionEventAtAMonthsMeeting: what was done after a meeting known by
// its month alone stays its concern's text, as after a meeting's day: the
// month says when the meeting was, not when the action was.
func TestNoActionEventAtAMonthsMeeting(t *testing.T) {
	doc := "Posted on 10 November 2016\n\nAt the Norton North ward meeting in September, residents complained about speeding on the High Street. Police have since carried out speed checks on the road.\n"
	res, err := newExtractor(t, Config{}).Extract("month.txt", []byte(doc))
	require.NoError(t, err)
	var types []string
	for _, e := range res.Events {
		types = append(types, e.Type+" "+e.Date)
		if e.Type == schemas.TypeConcern {
			require.Equal(t, "Police have since carried out speed checks on the road.", e.Concern.Action)
		}
	}
	require.Equal(t, []string{"meeting 2016-09-01", "concern 2016-09-01"}, types)
}
