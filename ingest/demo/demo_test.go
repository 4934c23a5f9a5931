package demo

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/classify"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
	"github.com/wardpulse/wardpulse/schemas"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func collect(t *testing.T, cfg Config) []schemas.Event {
	t.Helper()
	var out []schemas.Event
	require.NoError(t, Generate(cfg, func(e schemas.Event) error { out = append(out, e); return nil }))
	return out
}

var now = d("2024-01-01")

func TestDeterministic(t *testing.T) {
	cfg := Config{Seed: 7, From: d("2019-01-01"), To: d("2019-07-01"), Now: now}
	a, b := collect(t, cfg), collect(t, cfg)
	require.Equal(t, a, b)
	c := collect(t, Config{Seed: 8, From: d("2019-01-01"), To: d("2019-07-01"), Now: now})
	require.NotEqual(t, a[len(a)-1].EventID, c[len(c)-1].EventID)
}

// TestEventsAreValidAndResolve checks every generated event against the
// schema, the gazetteer (ward in force on the day) and the taxonomy.
func TestEventsAreValidAndResolve(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	gaz, tax := gazetteer.Default(), classify.Default()
	evs := collect(t, Config{Seed: 1, From: d("2018-06-01"), To: d("2020-06-01"), Now: now})
	require.NotEmpty(t, evs)
	meetings := map[string]schemas.Event{}
	agree, concerns := 0, 0
	for _, ev := range evs {
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		_, err = v.Decode(b)
		require.NoError(t, err, "%s", b)
		_, err = gaz.Resolve(ev.WardCode, *ev.OccurredAt)
		require.NoError(t, err)
		switch ev.Type {
		case schemas.TypeMeeting:
			meetings[ev.EventID] = ev
		case schemas.TypeConcern:
			concerns++
			if m, ok := meetings[ev.Concern.MeetingID]; ev.Concern.MeetingID != "" {
				require.True(t, ok, "a concern's meeting comes before it")
				require.Equal(t, m.WardCode, ev.WardCode)
			}
			if len(tax.Classify(ev.Concern.Text).Themes) > 0 {
				agree++
			}
		}
	}
	require.Greater(t, float64(agree)/float64(concerns), 0.95, "the taxonomy recognises the generated texts")
	require.InDelta(t, 2*3400, concerns, 1500, "about 3,000 concerns a year")
}

// TestTextsClassifyToTheirTheme: every template classifies to its theme.
func TestTextsClassifyToTheirTheme(t *testing.T) {
	tax := classify.Default()
	for theme, ts := range templates {
		for _, tpl := range ts {
			text := fmt.Sprintf(tpl, "Grangetown")
			require.Contains(t, tax.Classify(text).Themes, theme, text)
		}
	}
}

func TestCoverageSeasonalityAndSurges(t *testing.T) {
	evs := collect(t, Config{Seed: 3, From: d("2016-01-01"), To: d("2020-01-01"), Now: now})
	gaz := gazetteer.Default()
	visited := map[string]bool{}
	summer, winter, surge := 0, 0, 0
	for _, ev := range evs {
		at := *ev.OccurredAt
		if ev.Type == schemas.TypeMeeting && ev.Meeting.Kind == schemas.KindCommunityMeeting && at.Year() == 2017 {
			visited[ev.WardCode] = true
		}
		if ev.Type != schemas.TypeConcern || ev.Concern.Text == "" {
			continue
		}
		isOffRoad := false
		for _, tpl := range templates["off_road_bikes"] {
			w, _ := gaz.Ward(ev.WardCode)
			if fmt.Sprintf(tpl, w.Name) == ev.Concern.Text {
				isOffRoad = true
			}
		}
		if !isOffRoad {
			continue
		}
		switch at.Month() {
		case time.June, time.July, time.August:
			summer++
		case time.December, time.January, time.February:
			winter++
		}
		if ev.WardCode == "E05012442" && at.Year() == 2019 && at.Month() >= time.June && at.Month() <= time.August {
			surge++
		}
	}
	inForce := len(gaz.WardsAt(d("2017-07-01")))
	require.Less(t, len(visited), inForce, "some wards are missed in a year")
	require.Greater(t, len(visited), inForce*85/100, "most wards are visited every year")
	require.Greater(t, summer, 2*winter, "off-road bikes peak in summer")
	require.GreaterOrEqual(t, surge, 10, "the Grangetown surge of summer 2019")
}
