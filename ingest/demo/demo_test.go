package demo

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/redact"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

var now = d("2024-01-01")

// intended is one generated event and the themes its text was written for.
type intended struct {
	ev     schemas.Event
	themes []string
}

func collect(t *testing.T, cfg Config) []intended {
	t.Helper()
	var out []intended
	require.NoError(t, generate(cfg, func(e schemas.Event, th []string) error { out = append(out, intended{e, th}); return nil }))
	return out
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Seed: 7, From: d("2019-01-01"), To: d("2019-07-01"), Now: now}
	a, err := Events(cfg)
	require.NoError(t, err)
	b, err := Events(cfg)
	require.NoError(t, err)
	require.NotEmpty(t, a)
	require.Equal(t, a, b, "same seed, same events, same ids")
	ids := map[string]bool{}
	for _, e := range a {
		require.False(t, ids[e.EventID], "ids are unique")
		ids[e.EventID] = true
	}
	c, err := Events(Config{Seed: 8, From: d("2019-01-01"), To: d("2019-07-01"), Now: now})
	require.NoError(t, err)
	require.NotEqual(t, a[len(a)-1].EventID, c[len(c)-1].EventID)
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"to before from", Config{From: d("2020-01-01"), To: d("2019-01-01")}, "demo: to 2019-01-01 is not after from 2020-01-01"},
		{"negative scale", Config{Scale: -1, To: d("2020-01-01")}, "must not be negative"},
		{"unknown surge theme", Config{To: d("2020-01-01"), Surges: []Surge{{WardCode: "E05012442", Theme: "bikes"}}}, `unknown theme "bikes"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorContains(t, Generate(tc.cfg, func(schemas.Event) error { return nil }), tc.want)
		})
	}
}

// TestEventsAreValidAndResolve checks every generated event against the
// schema, the gazetteer (ward in force on the day) and its meeting.
func TestEventsAreValidAndResolve(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	gaz := gazetteer.Default()
	evs, err := Events(Config{Seed: 1, From: d("2018-06-01"), To: d("2020-06-01"), Now: now})
	require.NoError(t, err)
	meetings := map[string]schemas.Event{}
	concernAt := map[string]time.Time{}
	actioned, withOutcome := map[string]bool{}, map[string]bool{}
	statuses := map[string]int{}
	concerns, withAction, tagged, atMeetings := 0, 0, 0, 0
	for _, ev := range evs {
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		_, err = v.Decode(b)
		require.NoError(t, err, "%s", b)
		require.False(t, ev.RecordedAt.Before(*ev.OccurredAt))
		if ev.IsFollowUp() {
			c, ok := concernAt[ev.FollowedConcern()]
			require.True(t, ok, "a follow-up's concern comes before it: %s", b)
			require.True(t, ev.OccurredAt.After(c), "a follow-up is after its concern: %s", b)
			require.True(t, ev.OccurredAt.Before(d("2020-06-01")), "no follow-up on or after To: %s", b)
			if ev.Type == schemas.TypeAction {
				actioned[ev.FollowedConcern()] = true
			} else {
				withOutcome[ev.FollowedConcern()] = true
				statuses[ev.Outcome.Status]++
			}
			continue
		}
		_, err = gaz.Resolve(ev.WardCode, *ev.OccurredAt)
		require.NoError(t, err)
		switch ev.Type {
		case schemas.TypeMeeting:
			meetings[ev.EventID] = ev
		case schemas.TypeConcern:
			concerns++
			concernAt[ev.EventID] = *ev.OccurredAt
			if ev.Concern.Action != "" {
				withAction++
			}
			if len(ev.Themes) > 0 {
				tagged++
			}
			if ev.Concern.MeetingID != "" {
				atMeetings++
				m, ok := meetings[ev.Concern.MeetingID]
				require.True(t, ok, "a concern's meeting comes before it")
				require.Equal(t, m.WardCode, ev.WardCode)
				require.Equal(t, m.OccurredAt.Format(time.DateOnly), ev.OccurredAt.Format(time.DateOnly))
			}
		}
	}
	require.InDelta(t, 2*3400, concerns, 1500, "about 3,000 concerns a year")
	require.Zero(t, withAction, "what was done is an action event, not the concern's own text")
	t.Logf("%d concerns: %d acted on, %d with an outcome; outcomes %v", concerns, len(actioned), len(withOutcome), statuses)
	// Concerns of the last months are not all acted on yet: a little under
	// the long-run 60 % and 42 %.
	require.InDelta(t, 0.58, float64(len(actioned))/float64(concerns), 0.05, "about 60 % acted on")
	require.InDelta(t, 0.42, float64(len(withOutcome))/float64(concerns), 0.06, "most of those with an outcome")
	for _, s := range []string{schemas.StatusResolved, schemas.StatusOngoing, schemas.StatusNoFurtherAction, schemas.StatusReferred} {
		require.Positive(t, statuses[s], s)
	}
	require.InDelta(t, 0.1, float64(tagged)/float64(concerns), 0.03)
	require.InDelta(t, 0.12, float64(atMeetings)/float64(concerns), 0.08)
	require.InDelta(t, 200, len(meetings), 20, "about 100 meetings a year")
}

// TestTemplatesClassifyToTheirTheme holds every template, in every ward's
// name, to exactly its theme, and every unthemed text to none.
func TestTemplatesClassifyToTheirTheme(t *testing.T) {
	tax := taxonomy.Default()
	names := map[string]bool{}
	for _, w := range gazetteer.Default().Wards() {
		names[w.Name] = true
	}
	for name := range names {
		for theme, ts := range templates {
			require.Contains(t, tax.IDs(), theme)
			for _, tpl := range ts {
				text := fmt.Sprintf(tpl, name)
				require.Equal(t, []string{theme}, tax.Classify(text).Themes, text)
				for other, phrase := range alsoPhrases {
					if other != theme {
						text := text + "; also " + phrase
						require.Equal(t, sorted(theme, other), tax.Classify(text).Themes, text)
					}
				}
			}
		}
		for _, tpl := range unthemed {
			text := fmt.Sprintf(tpl, name)
			require.Empty(t, tax.Classify(text).Themes, text)
		}
	}
	require.Len(t, alsoPhrases, len(templates))
	require.ElementsMatch(t, Themes(), keys(templates))
}

// TestClassifierAgrees: the taxonomy finds exactly the intended themes in
// at least 95 % of generated texts (by construction, all of them).
func TestClassifierAgrees(t *testing.T) {
	tax := taxonomy.Default()
	red := redact.New(tax.Phrases())
	agree, concerns, two, none, personal := 0, 0, 0, 0, 0
	personalData := regexp.MustCompile(`07700 900|01642 496|NX\d{2} [A-Z]{3}`)
	for _, it := range collect(t, Config{Seed: 5, From: d("2021-01-01"), To: d("2023-01-01"), Now: now}) {
		if it.ev.Type != schemas.TypeConcern {
			continue
		}
		concerns++
		got := tax.Classify(it.ev.Concern.Text).Themes
		if slices.Equal(got, it.themes) || (len(got) == 0 && len(it.themes) == 0) {
			agree++
		}
		switch len(it.themes) {
		case 0:
			none++
		case 2:
			two++
		}
		if personalData.MatchString(it.ev.Concern.Text) {
			personal++
			require.NotRegexp(t, personalData, red.Redact(it.ev.Concern.Text), "redaction masks the personal data")
		}
	}
	require.GreaterOrEqual(t, float64(agree)/float64(concerns), 0.95)
	require.InDelta(t, 0.08, float64(two)/float64(concerns), 0.02, "some concerns have two themes")
	require.InDelta(t, 0.02, float64(none)/float64(concerns), 0.01, "a few have none")
	require.InDelta(t, 0.04, float64(personal)/float64(concerns), 0.015, "a sprinkling carry personal data")
}

// TestCoverage: every ward owed a meeting gets one each year, except the
// planned misses, and the misses are few.
func TestCoverage(t *testing.T) {
	cfg := Config{Seed: 3, From: d("2016-01-01"), To: d("2021-01-01"), Now: now}
	evs, err := Events(cfg)
	require.NoError(t, err)
	type wy struct {
		ward string
		year int
	}
	met := map[wy]int{}
	total := map[int]int{}
	for _, ev := range evs {
		if ev.Type == schemas.TypeMeeting {
			total[ev.OccurredAt.Year()]++
			if ev.Meeting.Kind == schemas.KindCommunityMeeting {
				met[wy{ev.WardCode, ev.OccurredAt.Year()}]++
			}
		}
	}
	owed, missed := 0, 0
	for y := 2016; y <= 2020; y++ {
		require.InDelta(t, 100, total[y], 8, "meetings in %d", y)
		for _, w := range gazetteer.Default().Wards() {
			if _, _, ok := OwedMeeting(w, y); !ok {
				require.Zero(t, met[wy{w.Code, y}], "%s %s not in force in %d", w.Code, w.Name, y)
				continue
			}
			owed++
			if cfg.Missed(w.Code, y) {
				missed++
				require.Zero(t, met[wy{w.Code, y}], "%s %s: a planned miss in %d", w.Code, w.Name, y)
			} else {
				require.Equal(t, 1, met[wy{w.Code, y}], "%s %s meets once in %d", w.Code, w.Name, y)
			}
		}
	}
	require.Positive(t, missed, "some ward-years are missed")
	require.Less(t, float64(missed)/float64(owed), 0.1)
}

func TestSeasonalityTrendsAndSurges(t *testing.T) {
	count := map[string]int{}
	for _, it := range collect(t, Config{Seed: 3, From: d("2013-01-01"), To: d("2023-01-01"), Now: now}) {
		ev := it.ev
		if ev.Type != schemas.TypeConcern || len(it.themes) == 0 {
			continue
		}
		at := *ev.OccurredAt
		season := map[time.Month]string{time.June: "summer", time.July: "summer", time.August: "summer",
			time.December: "winter", time.January: "winter", time.February: "winter"}[at.Month()]
		for _, th := range it.themes {
			count[fmt.Sprintf("%s/%s", th, season)]++
			count[fmt.Sprintf("%s/%d", th, at.Year())]++
			count[fmt.Sprintf("%s/%s/%d", th, ev.WardCode, at.Year())]++
			if at.Month() >= time.June && at.Month() <= time.August {
				count[fmt.Sprintf("%s/%s/%d/summer", th, ev.WardCode, at.Year())]++
			}
			if at.Month() >= time.April && at.Month() <= time.June {
				count[fmt.Sprintf("%s/%s/%d/spring", th, ev.WardCode, at.Year())]++
			}
		}
	}
	require.Greater(t, count["off_road_bikes/summer"], 2*count["off_road_bikes/winter"], "off-road bikes peak in summer")
	require.Greater(t, count["burglary_theft/winter"], count["burglary_theft/summer"], "burglary peaks in winter darkness")
	require.Greater(t, count["drugs/2022"], count["drugs/2016"]*5/4, "drugs rising")

	grangetown := "off_road_bikes/E05012442/%d/summer"
	require.GreaterOrEqual(t, count[fmt.Sprintf(grangetown, 2019)], 20, "the Grangetown surge of summer 2019")
	require.Greater(t, count[fmt.Sprintf(grangetown, 2019)], 3*count[fmt.Sprintf(grangetown, 2021)])
	central := "drugs/E05009857/%d"
	require.Greater(t, count[fmt.Sprintf(central, 2021)], 2*count[fmt.Sprintf(central, 2018)], "drugs in Middlesbrough Central, 2020-21")
	hutton := "speeding/E05012444/%d/spring"
	require.GreaterOrEqual(t, count[fmt.Sprintf(hutton, 2022)], 8, "speeding in Hutton, spring 2022")
	require.Greater(t, count[fmt.Sprintf(hutton, 2022)], 2*count[fmt.Sprintf(hutton, 2021)])
}

func TestRecentSurgeBeforeTo(t *testing.T) {
	to := d("2025-03-01")
	n := 0
	for _, it := range collect(t, Config{Seed: 9, From: to.AddDate(0, 0, -28), To: to, Now: to}) {
		if it.ev.Type == schemas.TypeConcern && it.ev.WardCode == "E05012441" && slices.Contains(it.themes, "off_road_bikes") {
			n++
		}
	}
	require.GreaterOrEqual(t, n, 5, "off-road bikes in Eston in the last four weeks")
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// BenchmarkGenerate: events a second, for sizing benchmark loads.
func BenchmarkGenerate(b *testing.B) {
	n := 0
	for b.Loop() {
		require.NoError(b, Generate(Config{Seed: 1, From: d("2019-01-01"), To: d("2020-01-01"), Now: now, Scale: 10}, func(schemas.Event) error { n++; return nil }))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}
