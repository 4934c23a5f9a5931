package dates

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestResolve(t *testing.T) {
	pub := time.Date(2017, 3, 15, 0, 0, 0, 0, time.UTC) // a Wednesday
	period := Anchors{PeriodStart: time.Date(2013, 10, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2014, 1, 31, 0, 0, 0, 0, time.UTC)}
	term := Anchors{TermWho: "Barry Coppinger", TermFrom: 2012, TermTo: 2020}
	tests := []struct {
		name, text string
		a          Anchors
		future     bool
		want       string // "start end precision"; "" means an error
	}{
		{"full date", "on Monday 14th April 2014", Anchors{}, false, "2014-04-14 2014-04-14 day"},
		{"American order", "on April 14, 2014", Anchors{}, false, "2014-04-14 2014-04-14 day"},
		{"numeric UK", "on 14/04/2014", Anchors{}, false, "2014-04-14 2014-04-14 day"},
		{"numeric UK, two-digit year", "on 14/04/14", Anchors{}, false, "2014-04-14 2014-04-14 day"},
		{"a year of two figures ending a cell", "Library - Weds 17th May 23 | Cars", Anchors{}, false, "2023-05-17 2023-05-17 day"},
		{"two figures after a date in a sentence are no year", "on 3rd May 23 residents came", Anchors{}, false, ""},
		{"two figures before a time's dash are no year", "on 3rd May 10 - 12 noon", Anchors{}, false, ""},
		{"numeric UK with dots", "Date: 5.6.2019", Anchors{}, false, "2019-06-05 2019-06-05 day"},
		{"a weekday and a numeric day and month, no year", "Wheatlands (Tues 7/3) - burglaries", Anchors{Published: pub}, false, "2017-03-07 2017-03-07 day"},
		{"numeric UK with hyphens, four-figure year", "Date: 12-03-2019", Anchors{}, false, "2019-03-12 2019-03-12 day"},
		{"weekday contradicts the date", "on Tuesday 14th April 2014", Anchors{}, false, ""},
		{"no such day", "on 31st February 2014", Anchors{}, false, ""},
		{"last night", "last night", Anchors{Published: pub}, false, "2017-03-14 2017-03-14 day"},
		{"last night's, its apostrophe left out", "round up of last nights meeting at the hall", Anchors{Published: pub}, false, "2017-03-14 2017-03-14 day"},
		{"last night without a publication date", "last night", Anchors{}, false, ""},
		{"on Monday, past", "on Monday", Anchors{Published: pub}, false, "2017-03-13 2017-03-13 day"},
		{"on Monday, future", "on Monday", Anchors{Published: pub}, true, "2017-03-20 2017-03-20 day"},
		{"last Thursday", "last Thursday evening", Anchors{Published: pub}, false, "2017-03-09 2017-03-09 day"},
		// a relative weekday with its day of the month beside it
		// (weekdayDayRE): the day picks the weekday, checked
		{"a weekday with its day in brackets", "On Friday (3rd) we walked the estate", Anchors{Published: pub}, false, "2017-03-03 2017-03-03 day"},
		{"last weekday with its day in brackets", "last Tuesday (the 28th) the group met", Anchors{Published: pub}, false, "2017-02-28 2017-02-28 day"},
		{"a weekday with its ordinal, no month", "on Monday 6th we met the tenants", Anchors{Published: pub}, false, "2017-03-06 2017-03-06 day"},
		{"a weekday with its day, to come", "on Saturday (18th) there is a surgery", Anchors{Published: pub}, true, "2017-03-18 2017-03-18 day"},
		{"a weekday on no such day near the publication", "On Friday (4th) we walked the estate", Anchors{Published: pub}, false, ""},
		{"a weekday with its day and month is a written date", "on Friday 3rd March", Anchors{Published: pub}, false, "2017-03-03 2017-03-03 day"},
		{"a weekday with a count after it is no day", "on Friday 3 of us walked the estate", Anchors{Published: pub}, false, "2017-03-10 2017-03-10 day"},
		// written on a Friday: "on Thursday" is the day before, "last
		// Thursday" the week before's
		{"on Thursday, written on a Friday", "on Thursday", Anchors{Published: time.Date(2025, 7, 18, 0, 0, 0, 0, time.UTC)}, false, "2025-07-17 2025-07-17 day"},
		{"last Thursday, written on a Friday", "last Thursday", Anchors{Published: time.Date(2025, 7, 18, 0, 0, 0, 0, time.UTC)}, false, "2025-07-10 2025-07-10 day"},
		{"a weekday as a sentence's subject", "Monday started in Marton East, at the ward meeting", Anchors{Published: time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC)}, false, "2025-02-10 2025-02-10 day"},
		{"on a weekday of last week", "On Wednesday of last week he walked round the ward", Anchors{Published: time.Date(2014, 11, 21, 0, 0, 0, 0, time.UTC)}, false, "2014-11-12 2014-11-12 day"},
		{"on a weekday, this week", "On Wednesday he walked round the ward", Anchors{Published: time.Date(2014, 11, 21, 0, 0, 0, 0, time.UTC)}, false, "2014-11-19 2014-11-19 day"},
		{"last Friday, written on a Friday", "last Friday", Anchors{Published: time.Date(2025, 7, 18, 0, 0, 0, 0, time.UTC)}, false, "2025-07-11 2025-07-11 day"},
		{"last Sunday, written on a Monday", "last Sunday", Anchors{Published: time.Date(2025, 7, 21, 0, 0, 0, 0, time.UTC)}, false, "2025-07-20 2025-07-20 day"},
		{"next Wednesday", "next Wednesday", Anchors{Published: pub}, false, "2017-03-22 2017-03-22 day"},
		{"a weekday's evening without 'on'", "packed the hall Monday evening", Anchors{Published: pub}, false, "2017-03-13 2017-03-13 day"},
		{"a weekday's night, possessive", "Monday night's meeting", Anchors{Published: pub}, false, "2017-03-13 2017-03-13 day"},
		{"a weekday, possessive", "turned out for Monday's PACT meeting", Anchors{Published: pub}, false, "2017-03-13 2017-03-13 day"},
		{"a weekday, curly possessive", "Monday’s meeting", Anchors{Published: pub}, false, "2017-03-13 2017-03-13 day"},
		{"the year a title gives", "on Saturday 15 September", Anchors{Year: 2018}, false, "2018-09-15 2018-09-15 day"},
		{"the year a title gives, the weekday wrong", "on Sunday 15 September", Anchors{Year: 2018}, false, ""},
		{"December within a period spanning the new year", "On 10th December", period, false, "2013-12-10 2013-12-10 day"},
		{"January within that period", "On 10th January", period, false, "2014-01-10 2014-01-10 day"},
		{"outside the period: no year is guessed", "On 10th June", period, false, ""},
		{"a future meeting after the period", "10th March", period, true, "2014-03-10 2014-03-10 day"},
		{"day and month near the publication date", "on 10 March", Anchors{Published: pub}, false, "2017-03-10 2017-03-10 day"},
		{"no anchor at all", "on 10 March", Anchors{}, false, ""},
		{"weekday within a PCC's term", "Monday, February 26", term, true, "2018-02-26 2018-02-26 day"},
		{"weekday fitting two years of a term", "Monday, March 2", term, true, ""},
		{"earlier this month: the month before the publication day", "Earlier this month the PCC", Anchors{Published: pub}, false, "2017-03-01 2017-03-14 period"},
		{"earlier in the month", "earlier in the month the PCC", Anchors{Published: pub}, false, "2017-03-01 2017-03-14 period"},
		{"earlier this month, published on the 1st", "Earlier this month the PCC", Anchors{Published: time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC)}, false, "2017-03-01 2017-03-31 month"},
		{"this month", "this month the PCC", Anchors{Published: pub}, false, "2017-03-01 2017-03-31 month"},
		{"later this month", "later this month", Anchors{Published: pub}, true, "2017-03-01 2017-03-31 month"},
		{"last month", "last month", Anchors{Published: pub}, false, "2017-02-01 2017-02-28 month"},
		{"a month of the report's period", "in December", period, false, "2013-12-01 2013-12-31 month"},
		{"a month and year", "in June 2016", Anchors{}, false, "2016-06-01 2016-06-30 month"},
		{"two months without a year", "During February and March", Anchors{PeriodStart: time.Date(2018, 2, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2018, 3, 31, 0, 0, 0, 0, time.UTC)}, false, "2018-02-01 2018-03-31 period"},
		{"a range of days with weekdays", "Between Wednesday 4 and Friday 6 September", Anchors{Published: time.Date(2019, 9, 11, 0, 0, 0, 0, time.UTC)}, false, "2019-09-04 2019-09-06 period"},
		{"a range across months", "30 April - 2 May 2019", Anchors{}, false, "2019-04-30 2019-05-02 period"},
		{"a range whose start weekday is wrong", "Between Monday 4 and Friday 6 September 2019", Anchors{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Find(tt.text)
			require.Len(t, ds, 1, "%+v", ds)
			got, _, err := tt.a.Resolve(ds[0], tt.future)
			if tt.want == "" {
				require.Error(t, err)
				require.Contains(t, err.Error(), ds[0].Text, "the error quotes the date as written")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got.Start.Format(time.DateOnly)+" "+got.End.Format(time.DateOnly)+" "+got.Precision)
		})
	}
}

// TestFindNamedDays: a day known by its name after "on" is its calendar
// day, its year resolved as a day and month without one; before, around or
// every such day names none.
func TestFindNamedDays(t *testing.T) {
	nov := Anchors{Published: time.Date(2023, 11, 22, 0, 0, 0, 0, time.UTC)}
	jan := Anchors{Published: time.Date(2017, 1, 9, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		text string
		a    Anchors
		want string // "" when no day is found
	}{
		{"On Bonfire Night the inspector walked the estate with tenants", nov, "2023-11-05"},
		{"a surgery held on Guy Fawkes Night in the library", nov, "2023-11-05"},
		{"Residents met on Halloween at the church hall", nov, "2023-10-31"},
		{"the hall was opened on Hallowe'en for a drop-in", nov, "2023-10-31"},
		{"Officers knocked on doors on Boxing Day after the break-ins", jan, "2016-12-26"},
		{"the PACT met on New Year’s Eve", jan, "2016-12-31"},
		{"a walkabout on christmas eve", jan, "2016-12-24"},
		{"calls rise in the run-up to Bonfire Night", nov, ""},
		{"every Halloween the shops close early", nov, ""},
		{"Christmas Day is quiet", jan, ""},
		{"the Bonfire Night patrols were funded", nov, ""},
	}
	for _, tt := range tests {
		var days []Mention
		for _, m := range Find(tt.text) {
			if m.IsDay() {
				days = append(days, m)
			}
		}
		if tt.want == "" {
			require.Empty(t, days, tt.text)
			continue
		}
		require.Len(t, days, 1, tt.text)
		got, _, err := tt.a.Resolve(days[0], false)
		require.NoError(t, err, tt.text)
		require.Equal(t, tt.want, got.Start.Format(time.DateOnly), tt.text)
		require.Equal(t, Day, got.Precision, tt.text)
	}
}

func TestFindIgnoresVerbsAndYears(t *testing.T) {
	for _, s := range []string{"we may 2 times", "on the last nights of the fair", "the last nights of June", "re-elected in 2016", "the march was on", "in 2014/2015", "section 4.2", "we may and march"} {
		var days []Mention
		for _, m := range Find(s) {
			if m.IsDay() || m.IsRange() {
				days = append(days, m)
			}
		}
		require.Empty(t, days, s)
	}
}

func TestFindPeriod(t *testing.T) {
	tests := []struct{ text, from, to string }{
		{"meetings attended by the PCC from October 2013 – January 2014.", "2013-10-01", "2014-01-31"},
		{"from May 2013 – 1 July 2013", "2013-05-01", "2013-07-01"},
		{"covering the period 1 December 2015 to 31 January 2016", "2015-12-01", "2016-01-31"},
		{"between September and October 2019", "2019-09-01", "2019-10-31"},
		{"activity during September and October 2019.", "2019-09-01", "2019-10-31"},
		{"January to March 2016", "2016-01-01", "2016-03-31"},
		{"April – June 2019", "2019-04-01", "2019-06-30"},
		{"This report sets out the Commissioner's engagement in December 2017 and January 2018.", "2017-12-01", "2018-01-31"},
		{"PROGRAMME OF ENGAGEMENT: AUGUST - SEPTEMBER 2020", "2020-08-01", "2020-09-30"},
		{"Period: 1 June 2016 to 31 July 2016", "2016-06-01", "2016-07-31"},
		{"Period covered: 27 June 2016 to 31 August 2016 Status: For information", "2016-06-27", "2016-08-31"},
		{"Reporting period: 1 June 2016 to 31 July 2016", "2016-06-01", "2016-07-31"},
	}
	for _, tt := range tests {
		from, to, ok := FindPeriod(tt.text)
		require.True(t, ok, tt.text)
		require.Equal(t, tt.from, from.Format(time.DateOnly), tt.text)
		require.Equal(t, tt.to, to.Format(time.DateOnly), tt.text)
	}
	for _, s := range []string{"from the 2014 plan to the 2015 plan", "We said that January to March 2016 was busy and much more besides this",
		"Residents raised speeding in May and June 2019."} {
		_, _, ok := FindPeriod(s)
		require.False(t, ok, s)
	}
}

func BenchmarkFind(b *testing.B) {
	s := "2.1 On 6th February the Commissioner attended the Eston ward meeting and on 15th February the Newport ward meeting in Middlesbrough. At Eston, residents complained about nuisance motorbikes on the hills."
	for b.Loop() {
		Find(s)
	}
}

func TestNumericNotADate(t *testing.T) {
	for _, s := range []string{"paragraphs 4.3 and 2.1.1", "3/4.19", "13/13/2019", "version 1.2.3"} {
		require.Empty(t, Find(s), s)
	}
}

func TestTwoDaysNotARange(t *testing.T) {
	ds := Find("On 22nd and 30th May the Commissioner held surgeries")
	require.Len(t, ds, 2, "%+v", ds)
	require.Equal(t, []int{22, 30}, []int{ds[0].Day, ds[1].Day})
	require.Equal(t, []time.Month{time.May, time.May}, []time.Month{ds[0].Month, ds[1].Month})
	require.True(t, ds[0].IsDay() && ds[1].IsDay())
	require.Equal(t, "30th May", ds[1].Text)
	ds = Find("on Monday 30 April and Wednesday 2 May 2018")
	require.Len(t, ds, 2, "%+v", ds)
	require.Equal(t, time.April, ds[0].Month)
	require.Equal(t, 2018, ds[1].Year)
	// "between ... and ..." stays a range.
	ds = Find("between 4 and 6 September")
	require.Len(t, ds, 1)
	require.True(t, ds[0].IsRange())
}

func TestRecurringWeekdayIsNoDay(t *testing.T) {
	require.Empty(t, Find("the youth club meets every Monday evening"))
	require.Empty(t, Find("motorbikes tearing up the moorland tracks on Sunday mornings"))
	require.Len(t, Find("the meeting on Sunday morning"), 1)
	require.Empty(t, Find("You can't walk the dog on a Sunday morning without one of them"))
	require.Empty(t, Find("agreed to step up patrols on Friday and Saturday evenings"))
	// a meal's time of a weekday, in the plural, is every such day too
	require.Empty(t, Find("the PCSOs held drop-ins at the market hall on Tuesday lunchtimes"))
	require.Empty(t, Find("a stall by the bus station on Friday tea-times"))
	require.Len(t, Find("we met the traders on Tuesday lunchtime"), 1, "one lunchtime is that day")
	// "the last Friday of the month" is a weekday of a month, not "last
	// Friday"; "last Friday" alone still is.
	require.Empty(t, Find("the surgery falls on the last Friday of the month"))
	require.Empty(t, Find("we walked the estate on the last Tuesday of June"), "a month with no day is no relative day either")
	require.Len(t, Find("we walked the estate last Friday with the councillors"), 1)
	require.Len(t, Find("on the last Friday, the councillors came"), 1)
}

// TestFromAMonthThenItsDay: "from February, when the ward held its last
// meeting on the 11th" gives the month, then the day in it.
func TestFromAMonthThenItsDay(t *testing.T) {
	ds := Find("It is a far cry from February, when the old ward held its last ever meeting on the 11th.")
	require.Len(t, ds, 2)
	require.Equal(t, 11, ds[1].Day)
	require.Equal(t, time.February, ds[1].Month)
	require.True(t, Find("from February to April 2019")[0].IsMonths())
}

// TestBareOrdinalDays: "on the 6th" takes the month written last before it
// in the paragraph, or January after "in the new year"; with no month
// before it, it is no date.
func TestBareOrdinalDays(t *testing.T) {
	ds := Find("The PCC was at the Park End ward meeting on the 5th September and at the Ladgate ward meeting on the 6th.")
	require.Len(t, ds, 2)
	require.Equal(t, 6, ds[1].Day)
	require.Equal(t, time.September, ds[1].Month)

	ds = Find("Two surgeries were held during October: at the library on the 10th, and in the town centre on the 24th.")
	require.Len(t, ds, 3)
	require.Equal(t, []int{0, 10, 24}, []int{ds[0].Day, ds[1].Day, ds[2].Day})
	require.Equal(t, time.October, ds[2].Month)

	ds = Find("After the 3 December meeting, in the new year, meetings followed in Dormanstown on the 12th.")
	require.Len(t, ds, 2)
	require.Equal(t, time.January, ds[1].Month)

	require.Empty(t, Find("The team met on the 12th."), "no month before it: no date")
}

// TestListedBareOrdinalDays: a list of ordinals alone after a month
// written once before them ("In June the inspector ran coffee mornings at
// the church, on the 3rd, 10th and 24th") is each day of that month; a
// list that does not go up, a day with its own month, or days with no
// month before them give nothing more.
func TestListedBareOrdinalDays(t *testing.T) {
	days := func(s string) []string {
		var out []string
		for _, d := range Find(s) {
			if d.Day > 0 {
				out = append(out, fmt.Sprintf("%d %s", d.Day, d.Month))
			}
		}
		return out
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"In June the inspector ran coffee mornings at the church, on the 3rd, 10th and 24th.", []string{"3 June", "10 June", "24 June"}},
		{"During November the team held surgeries at the leisure centre on the 2nd and the 16th.", []string{"2 November", "16 November"}},
		{"In March the PCSOs were at the market on the 7th & 21st, and at the school gates.", []string{"7 March", "21 March"}},
		{"In April the group met on the 9th, 23rd, and 30th in the hall.", []string{"9 April", "23 April", "30 April"}},
		// must not fire:
		{"The team met on the 12th, 19th and 26th.", nil},
		{"In May the panel sat on the 20th and 6th June.", []string{"20 May", "6 June"}},
		{"In October a walkabout was held on the 14th, 3 officers attending.", []string{"14 October"}},
		{"In September we met on the 18th and 4th floors of the civic centre.", []string{"18 September"}},
		{"In February the drop-in ran on the 20th and 31st.", []string{"20 February"}},
	} {
		require.Equal(t, c.want, days(c.text), c.text)
	}
}

// TestBracketedOrdinalDays: a list of meetings that names its month once
// and gives each meeting's day as an ordinal alone in brackets ("In May
// she went to Kader (2nd) and Ladgate (16th)") dates each in that month;
// a bracketed ordinal with no month alone before it in the sentence is no
// date.
func TestBracketedOrdinalDays(t *testing.T) {
	days := func(s string) []string {
		var out []string
		for _, d := range Find(s) {
			if d.Day > 0 {
				out = append(out, fmt.Sprintf("%s=%d %s %d", d.Text, d.Day, d.Month, d.Year))
			}
		}
		return out
	}
	tests := []struct {
		text string
		want []string
	}{
		{"In May she sat in on meetings at Kader (2nd), Ladgate (16th) and Park (30th).", []string{"(2nd)=2 May 0", "(16th)=16 May 0", "(30th)=30 May 0"}},
		{"During October 2018 the team held surgeries in Grangetown ( 3rd ) and Eston (11th).", []string{"( 3rd )=3 October 2018", "(11th)=11 October 2018"}},
		{"Later in June, the Yarm residents' forum (9th) asked about parking.", []string{"(9th)=9 June 0"}},
		// no month before it, or not one month alone: no date
		{"She sat in on meetings at Kader (2nd) and Ladgate (16th).", nil},
		{"In May she chaired the panel. The Kader meeting (2nd) went well.", nil},
		{"During June and July the meetings at Kader (2nd) were full.", nil},
		{"In February the forum (30th) met.", nil},
		{"On 4 May the Kader meeting (2nd of the year) was held.", []string{"4 May=4 May 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			require.Equal(t, tt.want, days(tt.text))
		})
	}
}

// TestDayOfRelativeMonth: "on the 22nd of last month" is a day of the
// month before the publication date.
func TestDayOfRelativeMonth(t *testing.T) {
	ds := Find("he joined residents of Skelton ward on the 22nd of last month")
	require.Len(t, ds, 1)
	require.Equal(t, 22, ds[0].Day)
	require.Equal(t, "last", ds[0].RelMonth)
	a := Anchors{Published: time.Date(2018, 3, 5, 0, 0, 0, 0, time.UTC)}
	sp, _, err := a.Resolve(ds[0], false)
	require.NoError(t, err)
	require.Equal(t, DaySpan(time.Date(2018, 2, 22, 0, 0, 0, 0, time.UTC)), sp)
	_, _, err = a.Resolve(Find("on the 31st of last month")[0], false)
	require.Error(t, err, "31 February is no date")
}

// TestPeriodInBrackets: a report's span in brackets after words about its
// engagement is its period.
func TestPeriodInBrackets(t *testing.T) {
	from, to, ok := FindPeriod("engagement during the first quarter of 2023/24 (April to June 2023), and the meetings planned")
	require.True(t, ok)
	require.Equal(t, time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC), from)
	require.Equal(t, time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC), to)
}

// TestWeekdayAfterADay: "on the Thursday" after "Tuesday 4th June" is the
// first Thursday after it; a day whose weekday is unknown (no weekday, no
// year) gives none, and so does one with no day before it.
func TestWeekdayAfterADay(t *testing.T) {
	ds := Find("the Newtown ward meeting on Tuesday 4th June, where people spoke, and, on the Thursday, the Manor House ward meeting")
	require.Len(t, ds, 2)
	require.Equal(t, []int{4, 6}, []int{ds[0].Day, ds[1].Day})
	require.Equal(t, time.June, ds[1].Month)

	ds = Find("the forum on 29 April 2019 and, the following Friday, the ward meeting")
	require.Len(t, ds, 2)
	require.Equal(t, 3, ds[1].Day)
	require.Equal(t, time.May, ds[1].Month)
	require.Equal(t, 2019, ds[1].Year)

	ds = Find("Wednesday 30th April and, on the Friday, the surgery")
	require.Len(t, ds, 2)
	require.Equal(t, []int{2}, []int{ds[1].Day})
	require.Equal(t, time.May, ds[1].Month)

	require.Len(t, Find("the meeting on 4 June and, on the Thursday, the forum"), 1, "no weekday or year: no day")
	require.Empty(t, Find("on the Thursday the team met"))
}

// TestWeekdayOrdinalWithoutMonth: "on Monday 11th and ... on Thursday 14th
// October" gives Monday 11th the month written next in its sentence (else
// the one before), its weekday kept so resolving checks it; no month
// anywhere: no date.
func TestWeekdayOrdinalWithoutMonth(t *testing.T) {
	ds := Find("the Grangetown ward community meeting on Monday 11th and the Loftus ward surgery on Thursday 14th October.")
	require.Len(t, ds, 2)
	require.Equal(t, 11, ds[0].Day)
	require.Equal(t, time.October, ds[0].Month)
	require.True(t, ds[0].HasWeekday)
	require.Empty(t, ds[0].Rel, "not a relative 'on Monday'")

	ds = Find("On 4 June 2019 the forum met. The ward meeting followed on Thursday 6th.")
	require.Len(t, ds, 2)
	require.Equal(t, time.June, ds[1].Month)
	require.Equal(t, 2019, ds[1].Year)

	a := Anchors{PeriodStart: time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2021, 10, 31, 0, 0, 0, 0, time.UTC)}
	bad := Find("the meeting on Tuesday 11th and the surgery on Thursday 14th October.")
	_, _, err := a.Resolve(bad[0], false)
	require.Error(t, err, "11 October 2021 was a Monday")
}

// TestWeekdayOrdinalInSentenceMonth: a weekday and ordinal with no day
// and month near it take the one month written alone earlier in its
// sentence ("in May: X on Tuesday 9th"); a span of months, two months, or
// a month in the sentence before give none.
func TestWeekdayOrdinalInSentenceMonth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want time.Month // 0: no month given
	}{
		{"He called on three wards in May: Westfield on Tuesday 9th, where bins were set alight, and Oakdale on Tuesday 23rd.", time.May},
		{"During the first half of March she visited Norbeck on Thursday 2nd, where parents spoke of speeding.", time.March},
		// must NOT fire
		{"He called on wards in May and June: Westfield on Tuesday 9th.", 0},
		{"He called on wards in May, then in June: Westfield on Tuesday 9th.", 0},
		{"Visits resumed in May. Westfield residents met him on Tuesday 9th.", 0},
	} {
		var got time.Month
		for _, m := range Find(tc.s) {
			if m.Day > 0 && m.HasWeekday && m.Rel == "" {
				got = m.Month
				break
			}
		}
		require.Equal(t, tc.want, got, tc.s)
	}
}

// TestBareDayAfterRelativeMonth: an ordinal alone after "last month" or
// "next month" in the same sentence is a day of that month ("visits that
// began last month: in Norton on the 9th and at Roseworth on the 23rd");
// across a full stop, or with no relative month, it is not read.
func TestBareDayAfterRelativeMonth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"The round of visits began last month: in Norton on the 9th and at Roseworth on the 23rd.", []string{"0 last", "9 last", "23 last"}},
		{"The forum moves next month, when it meets on the 4th.", []string{"0 next", "4 next"}},
		{"It was busy last month. The forum met on the 9th.", []string{"0 last"}},
		{"The forum met on the 9th.", nil},
	} {
		var got []string
		for _, m := range Find(tc.s) {
			got = append(got, fmt.Sprintf("%d %s", m.Day, m.RelMonth))
		}
		require.Equal(t, tc.want, got, tc.s)
	}
}

// TestBareDayBeforeItsMonth: an ordinal listed before the day that writes
// the month, in the same sentence and earlier in it, takes that month;
// one after it, or across a full stop, does not.
func TestBareDayBeforeItsMonth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"He met residents of Kader ward on the 13th and Hemlington ward on the 20th of July.", []string{"13 July", "20 July"}},
		{"meetings on the 2nd and the 9th of March 2019", []string{"2 March 2019", "9 March 2019"}},
		{"on the 25th, and on the 20th of July", []string{"20 July"}},
		{"It met on the 13th. The forum met on the 20th of July.", []string{"20 July"}},
	} {
		var got []string
		for _, m := range Find(tc.s) {
			d := fmt.Sprintf("%d %s", m.Day, m.Month)
			if m.Year != 0 {
				d += fmt.Sprintf(" %d", m.Year)
			}
			got = append(got, d)
		}
		require.Equal(t, tc.want, got, tc.s)
	}
}

// TestMonthNamingMeeting: a month naming a meeting ("our October
// meeting on the 14th") gives the month of the ordinal right after it; a
// lower-case "may", a month not right before the meeting noun, or a day
// not right after it is no date.
func TestMonthNamingMeeting(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"At the group's October meeting on the 14th the sergeant came along.", []string{"14 October"}},
		{"Our March residents' forum on the 3rd was well attended.", []string{"3 March"}},
		{"We hope the June PACT on the 21st will be busier.", []string{"21 June"}},
		// the meeting's "held" between its name and its day
		{"Our March meeting, held on the 10th at the Fens Community Room, was busy.", []string{"10 March"}},
		{"The May forum was held on the 12th.", []string{"12 May"}},
		{"Our March meeting agreed the walk held on the 10th.", nil},
		{"Volunteers may meeting on the 9th be asked to help.", nil},
		{"The October newsletter said the meeting on the 14th was cancelled.", nil},
		// (an ordinal after the month naming a meeting may be its day:
		// no month is guessed for the meeting, meetingMonths)
		{"At our October meeting we heard about the 14th of the series.", nil},
	} {
		var got []string
		for _, m := range Find(tc.s) {
			got = append(got, fmt.Sprintf("%d %s", m.Day, m.Month))
		}
		require.Equal(t, tc.want, got, tc.s)
	}
}

// TestMonthNamingMeetingNoDay: a month written as a meeting's name after
// a determiner ("the November surgery", "our April PACT") is a month
// mention though no "in" comes before it; "may" in lower case, a month
// with no determiner before it or no meeting noun after it, and a month
// whose meeting has its day right after are not.
func TestMonthNamingMeetingNoDay(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"The sergeant said the November surgery at the library was busy.", []string{"0 November"}},
		{"Two councillors came to our April PACT to listen.", []string{"0 April"}},
		{"At their July residents' meeting people asked about vans.", []string{"0 July"}},
		{"Thanks to all who came to the February drop-in.", []string{"0 February"}},
		{"Our March residents' forum on the 3rd was well attended.", []string{"3 March"}},
		{"Members may meeting rooms book through the clerk.", nil},
		{"The October newsletter went to every house.", nil},
		{"June meeting notes are on the website.", nil},
		{"We hope the June PACT on 21 June will be busier.", []string{"21 June"}},
	} {
		var got []string
		for _, m := range Find(tc.s) {
			got = append(got, fmt.Sprintf("%d %s", m.Day, m.Month))
		}
		require.Equal(t, tc.want, got, tc.s)
	}
}

// TestMonthsWithoutIn: a month told with "all through", "across", "for
// most of" and the like is a month mention, and two joined months stay one
// span.
func TestMonthsWithoutIn(t *testing.T) {
	for s, want := range map[string]string{
		"All through February, people phoned us about bikes.":          "February",
		"For most of May residents reported bins set alight.":          "May",
		"Across September and October, residents reported scam calls.": "September-October",
		"Through March and April the team heard about speeding.":       "March-April",
		// a month as the subject of "saw" (monthSawRE)
		"June saw ward meetings across the town.":     "June",
		"It was busy. March 2019 also saw a surgery.": "March",
	} {
		ds := Find(s)
		require.Len(t, ds, 1, s)
		got := ds[0].Month.String()
		if ds[0].EndMonth != 0 && ds[0].EndMonth != ds[0].Month {
			got += "-" + ds[0].EndMonth.String()
		}
		require.Equal(t, want, got, s)
		require.True(t, ds[0].IsMonths(), s)
	}
}

// TestMonthSawNeedsItsPlace: "saw" after a month makes it a time only
// at a sentence's start, the month capitalised and written alone.
func TestMonthSawNeedsItsPlace(t *testing.T) {
	for _, s := range []string{
		"June Smith saw the PCSO.",
		"residents june saw it.",
		"The officer who saw May at the door.",
	} {
		require.Empty(t, Find(s), s)
	}
}

// TestHyphenedPartOfMonth: "mid-March", "early-June" and "late-October"
// are written joined as often as "mid March": the month. Not after
// another word ("half-March", "pre-May"), nor a month not capitalised.
func TestHyphenedPartOfMonth(t *testing.T) {
	tests := []struct {
		s    string
		want string // the month, "" for none
	}{
		{"The drop-in was held mid-March at the library.", "March"},
		{"A coffee morning in early-June drew thirty people.", "June"},
		{"Residents met again late-October, after the clocks went back.", "October"},
		{"Mid-August (community cafe session).", "August"},
		// must not fire
		{"The pre-May leaflets went out to every house.", ""},
		{"A half-March rota was agreed.", ""},
		{"The mid-may hawthorn was in flower.", ""}, // not capitalised: not a month
	}
	for _, tc := range tests {
		ds := Find(tc.s)
		if tc.want == "" {
			require.Empty(t, ds, tc.s)
			continue
		}
		require.Len(t, ds, 1, tc.s)
		require.Equal(t, tc.want, ds[0].Month.String(), tc.s)
		require.True(t, ds[0].IsMonths(), tc.s)
	}
}

// TestMonthLists: three months listed are one span, first to last.
func TestMonthLists(t *testing.T) {
	for s, want := range map[string][2]time.Month{
		"Autumn update: September, October and November 2022": {time.September, time.November},
		"during January, February, and March":                 {time.January, time.March},
	} {
		ds := Find(s)
		require.Len(t, ds, 1, s)
		require.Equal(t, want, [2]time.Month{ds[0].Month, ds[0].EndMonth}, s)
	}
}

// TestFindRecentPeriod: months without a year, after a word that makes
// them a span, are the months just gone before the publication date; a
// list must run month after month, a span long past is not taken, and a
// span with its year is FindPeriod's.
func TestFindRecentPeriod(t *testing.T) {
	pub := time.Date(2020, time.December, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		s        string
		pub      time.Time
		from, to string
	}{
		{"what residents in each area told us over September, October and November", pub, "2020-09-01", "2020-11-30"},
		{"concerns raised during October and November", pub, "2020-10-01", "2020-11-30"},
		{"from November to January", time.Date(2021, time.February, 2, 0, 0, 0, 0, time.UTC), "2020-11-01", "2021-01-31"},
		{"over December and January", time.Date(2021, time.January, 20, 0, 0, 0, 0, time.UTC), "2020-12-01", "2021-01-31"},
		{"told us over September, November and December", pub, "", ""},
		{"over March and April", pub, "", ""},
		{"over September and October 2020", pub, "", ""},
		{"over September, October and November", time.Time{}, "", ""},
		{"in may and june", pub, "", ""},
		{"everyone who got in touch with us during October", time.Date(2023, time.November, 6, 0, 0, 0, 0, time.UTC), "2023-10-01", "2023-10-31"},
		{"throughout December", time.Date(2021, time.January, 6, 0, 0, 0, 0, time.UTC), "2020-12-01", "2020-12-31"},
		{"Over the course of January the office received messages", time.Date(2022, time.February, 1, 0, 0, 0, 0, time.UTC), "2022-01-01", "2022-01-31"},
		{"In the course of January and February, the office received calls", time.Date(2022, time.March, 8, 0, 0, 0, 0, time.UTC), "2022-01-01", "2022-02-28"},
		{"the ward names introduced in May", time.Date(2023, time.November, 6, 0, 0, 0, 0, time.UTC), "", ""},
		{"during March", time.Date(2023, time.November, 6, 0, 0, 0, 0, time.UTC), "", ""},
	}
	for _, tt := range tests {
		from, to, ok := FindRecentPeriod(tt.s, tt.pub)
		if tt.from == "" {
			require.False(t, ok, tt.s)
			continue
		}
		require.True(t, ok, tt.s)
		require.Equal(t, tt.from+" "+tt.to, from.Format(time.DateOnly)+" "+to.Format(time.DateOnly), tt.s)
	}
}

// TestRelativeWeeks: "last week" is the Monday-to-Sunday week before the
// publication week, "earlier this week" its Monday to the publication
// day; "the last week of May" and "week after week" are no such week.
func TestRelativeWeeks(t *testing.T) {
	a := Anchors{Published: time.Date(2024, time.March, 13, 0, 0, 0, 0, time.UTC)} // a Wednesday
	tests := []struct{ s, want string }{
		{"Last week he was in Ingleby Barwick", "2024-03-04/2024-03-10"},
		{"residents told us earlier this week", "2024-03-11/2024-03-13"},
		{"in the last week of May", ""},
		{"coming back week after week", ""},
	}
	for _, tt := range tests {
		var got string
		for _, m := range Find(tt.s) {
			if m.RelWeek != "" {
				sp, _, err := a.Resolve(m, false)
				require.NoError(t, err)
				require.Equal(t, Period, sp.Precision)
				got = sp.Start.Format(time.DateOnly) + "/" + sp.End.Format(time.DateOnly)
			}
		}
		require.Equal(t, tt.want, got, tt.s)
	}
}

// TestHedgedMonthSpans: a span of two months, either hedged ("from
// roughly the beginning of November to the end of February") or with its
// years ("from November 2013 to February 2014"), is one span; a year
// written only after the last month is that month's, so a span across
// the new year begins the year before.
func TestHedgedMonthSpans(t *testing.T) {
	for s, want := range map[string]string{
		"Over the winter, from roughly the beginning of November to the end of February, members had reported sheds forced.": "November-February 0",
		"from November 2013 to February 2014 residents reported":                                                             "November-February 2013",
		"between December and January 2020 members complained":                                                               "December-January 2019",
		"in May and June 2019 people phoned":                                                                                 "May-June 2019",
		"Autumn update: September, October and November 2022":                                                                "September-November 2022",
	} {
		ds := Find(s)
		require.Len(t, ds, 1, s)
		require.Equal(t, want, fmt.Sprintf("%s-%s %d", ds[0].Month, ds[0].EndMonth, ds[0].Year), s)
	}
}

// TestShortWeekdays: the short weekdays of lists and diaries ("Weds 4th",
// "Tues. 19th July", "Thurs 29th Sept") are weekdays; a short one in lower
// case is a word ("the sun 5 May" is 5 May).
func TestShortWeekdays(t *testing.T) {
	tests := []struct {
		text, written string
		day           time.Weekday
		has           bool
	}{
		{"walkabout (Tues. 19th July) then", "Tues. 19th July", time.Tuesday, true},
		{"on Thurs 29th Sept", "Thurs 29th Sept", time.Thursday, true},
		{"held on Weds 4th and Tues 10th Sept", "Weds 4th", time.Wednesday, true},
		{"Sat 5 May 2018", "Sat 5 May 2018", time.Saturday, true},
		{"the sun 5 May", "5 May", 0, false},
	}
	for _, tt := range tests {
		ms := Find(tt.text)
		require.NotEmpty(t, ms, tt.text)
		require.Equal(t, tt.written, ms[0].Text, tt.text)
		require.Equal(t, tt.has, ms[0].HasWeekday, tt.text)
		if tt.has {
			require.Equal(t, tt.day, ms[0].Weekday, tt.text)
		}
	}
}

// TestMonthOf: a month's name, whole, capitalised or not, or shortened to
// three letters or more; nothing shorter, and no word that is no month.
func TestMonthOf(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Month
		ok   bool
	}{
		{"February", time.February, true},
		{"september", time.September, true},
		{"Sept", time.September, true},
		{"Dec", time.December, true},
		{"De", 0, false},
		{"", 0, false},
		{"Monday", 0, false},
	} {
		got, ok := MonthOf(tt.in)
		require.Equal(t, tt.ok, ok, tt.in)
		require.Equal(t, tt.want, got, tt.in)
	}
}

// TestWeeksCommencing: a day after "w/c", "week commencing" or "the week
// of" is its week
// of seven days, into the next month when it runs over; not across a
// year's end, not a February day with no year, not a day written alone.
func TestWeeksCommencing(t *testing.T) {
	for _, tt := range []struct {
		s               string
		day, endDay     int
		month, endMonth time.Month
	}{
		{"w/c 11/09/2023 | Norton Central", 11, 17, time.September, time.September},
		{"in the week commencing 28 October 2019 we held three surgeries", 28, 3, time.October, time.November},
		{"w/c 29 December 2019", 29, 0, time.December, 0},
		{"week beginning 24 February", 24, 0, time.February, 0},
		{"two meetings in the week of 12 March: the first on the 13th", 12, 18, time.March, time.March},
		{"a week of patrols ended on 12 March", 12, 0, time.March, 0},
		{"on 11 September 2023 | Norton Central", 11, 0, time.September, 0},
	} {
		ms := Find(tt.s)
		require.NotEmpty(t, ms, tt.s)
		require.Equal(t, tt.day, ms[0].Day, tt.s)
		require.Equal(t, tt.month, ms[0].Month, tt.s)
		require.Equal(t, tt.endDay, ms[0].EndDay, tt.s)
		require.Equal(t, tt.endMonth, ms[0].EndMonth, tt.s)
	}
}

// TestWeekdayDayMonth: a numeric day and month with no year is a date only
// after a weekday ("Weds 26/6"); alone ("on 7/3", "24/7", "3/4 of them")
// it is none, and one with its year is numericRE's, read once.
func TestWeekdayDayMonth(t *testing.T) {
	tests := []struct {
		text string
		want string // "day month weekday" of the one mention, "" for none
	}{
		{"Wheatlands (Weds 26/6) - burglaries", "26 June Wednesday"},
		{"Tuesday 4/11: the PACT", "4 November Tuesday"},
		{"the meeting on 7/3 was busy", ""},
		{"a helpline open 24/7", ""},
		{"3/4 of residents said so", ""},
		{"on Weds 32/6 we met", ""},
		{"on Weds 26/6/2019 we met", "26 June Sunday"}, // numericRE's: no weekday read
	}
	for _, tc := range tests {
		ms := Find(tc.text)
		if tc.want == "" {
			require.Empty(t, ms, tc.text)
			continue
		}
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.want, fmt.Sprintf("%d %s %s", ms[0].Day, ms[0].Month, ms[0].Weekday), tc.text)
	}
}
