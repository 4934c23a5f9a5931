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
		// (calledWard) the one name the title calls a ward, the town of its
		// venue after a comma named like another ward
		{"a ward called a ward, the venue's town after a comma",
			"| Date | Meeting | Borough | Issues raised |\n|---|---|---|---|\n| 14 March | Hutton ward residents' meeting, Guisborough | Redcar & Cleveland | Lorries speeding through the village |\n",
			[]string{"meeting 2019-03-14 E05001511 speeding", "concern 2019-03-14 E05001511 speeding"}},
		{"a ward called a ward with its town and venue after commas",
			"| Date | Meeting | Borough | Issues raised |\n|---|---|---|---|\n| 15 March | Kader ward surgery, Acklam, library | Middlesbrough | Lorries speeding past the school |\n",
			[]string{"meeting 2019-03-15 E05009860 speeding", "concern 2019-03-15 E05009860 speeding"}},
		// must not fire: another ward before it, or joined to it
		{"another ward before the one called a ward: the authority",
			"| Date | Meeting | Borough | Issues raised |\n|---|---|---|---|\n| 16 March | Acklam residents at the Kader ward meeting | Middlesbrough | Lorries speeding past the school |\n",
			[]string{"meeting 2019-03-16  speeding", "concern 2019-03-16  speeding"}},
		{"two wards joined, one called a ward: the authority",
			"| Date | Meeting | Borough | Issues raised |\n|---|---|---|---|\n| 17 March | Linthorpe and Ayresome ward meeting | Middlesbrough | Lorries speeding past the school |\n",
			[]string{"meeting 2019-03-17  speeding", "concern 2019-03-17  speeding"}},
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

// TestMonthRowsAreNotMeetings: a table whose rows are dated by a month, a
// quarter or a span and which has no meeting column ("Month | You said |
// We did", in HTML, Markdown or a plain-text layout) tells what was raised
// over each span: a concern of that span for each row, no meeting. A table
// of meetings whose date column gives only a month keeps its meetings.
func TestMonthRowsAreNotMeetings(t *testing.T) {
	tests := []struct {
		name, file, doc string
		want            []string
	}{
		{"HTML month, you said, we did", "page.html",
			"<html><body><h1>Stockton Town Centre ward: you said, we did</h1><p>Page last updated: 4 August 2022</p>" +
				"<table><tr><th>Month</th><th>You said</th><th>We did</th></tr>" +
				"<tr><td>May 2022</td><td>People drinking in the street and being abusive to shoppers.</td><td>Daily patrols.</td></tr>" +
				"<tr><td>June 2022</td><td>Shoplifting from High Street stores.</td><td>Six people charged.</td></tr></table></body></html>",
			[]string{"concern month:2022-05-01/2022-05-31 E05001549 antisocial_behaviour", "concern month:2022-06-01/2022-06-30 E05001549 burglary_theft"}},
		{"Markdown, months without a year under a dated page", "page.md",
			"# Yarm ward: what you told us\n\nPublished: 10 April 2019\n\n| When | What you told us | What we did |\n|---|---|---|\n| January | Speeding on the High Street | Speed checks |\n| February | Cars broken into overnight | Leaflets |\n",
			[]string{"concern month:2019-01-01/2019-01-31 E05001552 speeding", "concern month:2019-02-01/2019-02-28 E05001552 burglary_theft"}},
		{"a span of months in the date column", "page.md",
			"# Yarm ward: priorities\n\nPublished: 10 April 2019\n\n| Period | Issue | Action |\n|---|---|---|\n| January to March 2019 | Drug dealing near the park | Warrant executed |\n",
			[]string{"concern period:2019-01-01/2019-03-31 E05001552 drugs"}},
		{"a table of meetings dated by a month keeps its meeting", "report.md",
			"Report to the Police and Crime Panel, 2 April 2019\n\n| Date | Meeting | Issues raised |\n|---|---|---|\n| March 2019 | Yarm ward meeting | Speeding on the High Street |\n",
			[]string{"meeting month:2019-03-01/2019-03-31 E05001552 speeding", "concern month:2019-03-01/2019-03-31 E05001552 speeding"}},
		{"a when-and-where cell naming a meeting and its month is that meeting", "page.md",
			"# Yarm ward: you said, we did\n\nPublished: 10 April 2019\n\n| When and where | You said | We did |\n|---|---|---|\n| PACT meeting, March | Speeding on the High Street | Speed checks |\n",
			[]string{"meeting month:2019-03-01/2019-03-31 E05001552 speeding", "concern month:2019-03-01/2019-03-31 E05001552 speeding"}},
		{"a where-and-when cell naming a meeting, its ward and its month", "page.md",
			"# Your area: you said, we did\n\nPublished: 10 April 2019\n\n| Where and when | You said | We did |\n|---|---|---|\n| Yarm PACT, Town Hall - March 2019 | Speeding on the High Street | Speed checks |\n",
			[]string{"meeting month:2019-03-01/2019-03-31 E05001552 speeding", "concern month:2019-03-01/2019-03-31 E05001552 speeding"}},
		{"a where / when cell (no date or meeting header) naming a meeting and its month is that meeting", "page.md",
			"# Our wards: you said, we did\n\nPublished: 10 July 2019\n\n| Where / when | You said | We did |\n|---|---|---|\n| Stainsby Hill residents meeting, June | Cannabis being sold from a van by the shops | Warrant executed |\n",
			[]string{"meeting month:2019-06-01/2019-06-30 E05001548 drugs", "concern month:2019-06-01/2019-06-30 E05001548 drugs"}},
		{"a where / when cell with a month and a place but no meeting stays a concern of the month", "page.md",
			"# Our wards: you said, we did\n\nPublished: 10 July 2019\n\n| Where / when | You said | We did |\n|---|---|---|\n| Stainsby Hill, June | Cannabis being sold from a van by the shops | Warrant executed |\n",
			[]string{"concern month:2019-06-01/2019-06-30  drugs"}}, // (no meeting; its place as before the rule)
		{"the month with a note in brackets after it", "page.md",
			"# Yarm ward: you said, we did\n\nPublished: 10 April 2019\n\n| When and where | You said | We did |\n|---|---|---|\n| PACT meeting, March (held in the library this time) | Speeding on the High Street | Speed checks |\n",
			[]string{"meeting month:2019-03-01/2019-03-31 E05001552 speeding", "concern month:2019-03-01/2019-03-31 E05001552 speeding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := newExtractor(t, Config{}).Extract(tt.file, []byte(tt.doc))
			require.NoError(t, err)
			var got []string
			for _, e := range res.Events {
				if e.Type == "action" {
					continue
				}
				got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestStreetIsNotAPlaceOutside: a street's name ("High Street", "Bolckow
// Road") after "in", "from" or "near" is no place outside Cleveland.
func TestStreetIsNotAPlaceOutside(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"High Street", true}, {"Bolckow Road", true}, {"Station Lane", true}, {"Marton Avenue", true},
		{"Newcastle", false}, {"Street", false}, {"Durham", false}, {"Great Ayton", false},
	} {
		require.Equal(t, tt.want, streetName(tt.name), tt.name)
	}
}

// TestPeopleSaidHeaders: a column header naming what people told whoever
// met them is the row's issues, however it is worded; what was done is not.
func TestPeopleSaidHeaders(t *testing.T) {
	for _, tt := range []struct {
		h, want string
	}{
		{"What residents told us", "issues"}, {"What we heard", "issues"}, {"Residents said", "issues"},
		{"Points people made", "issues"}, {"What people told the Commissioner", "issues"}, {"Residents' views", "issues"},
		{"What we did", "action"}, {"Meeting", "meeting"},
	} {
		require.Equal(t, tt.want, colKind(tt.h), tt.h)
	}
}

// TestHTMLTableSpansAndMonthRows: an HTML table's cell spanning rows dates
// each row under it; a one-cell row across the table ("<th
// colspan=3>February 2019</th>") is the month of the rows under it, whose
// date cells give a day with its weekday or not ("Tues 19th", "26"); a
// weekday that is not the day's leaves the row undated.
func TestHTMLTableSpansAndMonthRows(t *testing.T) {
	head := `<html><body><h1>Report to the Police and Crime Panel, 2 April 2019</h1><table><tr><th>Date</th><th>Meeting</th><th>Issues raised</th></tr>`
	tests := []struct {
		name, rows string
		want       []string
	}{
		{"a date spanning two rows",
			`<tr><td rowspan="2">5 March</td><td>Hartburn ward meeting</td><td>Speeding near the school</td></tr><tr><td>Yarm ward meeting</td><td>Cars broken into overnight</td></tr>`,
			[]string{"meeting 2019-03-05 E05001537 speeding", "concern 2019-03-05 E05001537 speeding", "meeting 2019-03-05 E05001552 burglary_theft", "concern 2019-03-05 E05001552 burglary_theft"}},
		{"a meeting spanning two rows of issues, the date before it",
			`<tr><td rowspan="2">12 March</td><td rowspan="2">Kader ward meeting</td><td>Drug dealing in the park</td></tr><tr><td>Speeding on Stokesley Road</td></tr>`,
			[]string{"meeting 2019-03-12 E05009860 drugs,speeding", "concern 2019-03-12 E05009860 drugs", "concern 2019-03-12 E05009860 speeding"}},
		{"a month row across the table, short weekday",
			`<tr><th colspan="3">February 2019</th></tr><tr><td>Tues 19th</td><td>Kader ward<br>meeting</td><td>Drug dealing in the park</td></tr>`,
			[]string{"meeting 2019-02-19 E05009860 drugs", "concern 2019-02-19 E05009860 drugs"}},
		{"a month row in a td, a bare day",
			`<tr><td colspan="3"><strong>March 2019</strong></td></tr><tr><td>26</td><td>Yarm ward meeting</td><td>Speeding on the High Street</td></tr>`,
			[]string{"meeting 2019-03-26 E05001552 speeding", "concern 2019-03-26 E05001552 speeding"}},
		{"a weekday that is not the day's",
			`<tr><th colspan="3">February 2019</th></tr><tr><td>Wed 19th</td><td>Kader ward meeting</td><td>Drug dealing in the park</td></tr>`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := newExtractor(t, Config{}).Extract("report.html", []byte(head+tt.rows+"</table></body></html>"))
			require.NoError(t, err)
			var got []string
			for _, e := range res.Events {
				got = append(got, e.Type+" "+e.Date+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestSummaryTableRowsJoinTheirParagraphs: a Panel report that describes
// its meetings in paragraphs and lists them again in a summary table tells
// each meeting once; a row the paragraphs did not tell, or a row of
// another day or ward, is a meeting of its own, and a row's theme the
// paragraph did not give is a concern of the same meeting.
func TestSummaryTableRowsJoinTheirParagraphs(t *testing.T) {
	doc := `PROGRAMME OF ENGAGEMENT: MAY AND JUNE 2019

Report to the Police and Crime Panel, 23 July 2019

3.1 On Wednesday 12 June the Commissioner went to the Headland and Harbour ward meeting in Hartlepool. Residents complained about teenagers causing trouble on the Town Moor.

3.2 The Roseworth ward meeting on 22 May heard complaints about rubbish dumped in the back alleys.

5. Summary of meetings

| Date | Meeting | Ward / Area | Issues raised by residents |
|---|---|---|---|
| 22/05/2019 | Ward meeting | Roseworth, Stockton-on-Tees | Fly-tipping; speeding |
| 12/06/2019 | Ward meeting | Headland and Harbour, Hartlepool | ASB |
| 13/06/2019 | Ward meeting | Headland and Harbour, Hartlepool | ASB |
| 20/06/2019 | Ward meeting | Kader, Middlesbrough | Cold callers |
`
	require.Equal(t, []string{
		"meeting 2019-06-12 E05008947 antisocial_behaviour",
		"concern 2019-06-12 E05008947 antisocial_behaviour",
		"meeting 2019-05-22 E05001547 environmental,speeding",
		"concern 2019-05-22 E05001547 environmental",
		"concern 2019-05-22 E05001547 speeding",
		"meeting 2019-06-13 E05008947 antisocial_behaviour",
		"concern 2019-06-13 E05008947 antisocial_behaviour",
		"meeting 2019-06-20 E05009860 fraud_scams",
		"concern 2019-06-20 E05009860 fraud_scams",
	}, summary(t, doc))
}

// TestNumericDayCellsAndHeaderMonths: a date column's "06/08" is 6 August
// of the report's year; an "Update from partners" column is what was
// done, not a date column; "Priority set in June" dates its rows to June.
func TestNumericDayCellsAndHeaderMonths(t *testing.T) {
	require.Equal(t, "6 August", numericDayCell("06/08"))
	require.Equal(t, "13/13", numericDayCell("13/13"))
	require.Equal(t, "5 March 2019", numericDayCell("5 March 2019"))
	require.Equal(t, "Kirkleatham PACT, 30 January", numericDayCell("Kirkleatham PACT, 30/01"))
	require.Equal(t, "Kirkleatham PACT, 30/13", numericDayCell("Kirkleatham PACT, 30/13"))
	require.Equal(t, "Dormanstown residents' meeting in February", numericDayCell("Dormanstown residents' meeting (February)"))
	require.Equal(t, "Dormanstown residents' meeting (see February's notes)", numericDayCell("Dormanstown residents' meeting (see February's notes)"))
	require.Equal(t, "action", colKind("Update from partners"))
	require.Equal(t, "date", colKind("Meeting date"))

	doc := "COMMUNITY ENGAGEMENT: AUGUST AND SEPTEMBER 2024\n\nReport to the Police and Crime Panel, 8 October 2024\n\n" +
		"| Date | Ward / venue | Issues raised by residents |\n|---|---|---|\n" +
		"| 06/08 | Ropner ward, Stockton-on-Tees | Suspected drug dealing near the bowling green |\n"
	require.Equal(t, []string{"meeting 2024-08-06 E05014878 drugs", "concern 2024-08-06 E05014878 drugs"}, summary(t, doc))

	res, err := newExtractor(t, Config{}).Extract("notes.md", []byte("# Hardwick & Salters Lane Ward: PACT meeting notes\n\nDate: Thursday 14th September 2023, 6pm\n\n"+
		"| Priority set in June | Update from partners |\n|---|---|\n"+
		"| Off-road bikes on the green space behind the estate | Two bikes seized in August. |\n"))
	require.NoError(t, err)
	require.Len(t, res.Events, 2)
	require.Equal(t, "meeting 2023-09-14", res.Events[0].Type+" "+eventWhen(res.Events[0]))
	require.Equal(t, "concern month:2023-06-01/2023-06-30 E05014868", res.Events[1].Type+" "+eventWhen(res.Events[1])+" "+res.Events[1].WardCode)
}

// TestRowVenueUnknownMeetingNamesWard: a row whose place column holds a
// venue the gazetteer does not know ("Microsoft Teams", a school hall) is
// placed by its meeting column when that names one ward.
func TestRowVenueUnknownMeetingNamesWard(t *testing.T) {
	doc := "Programme of Engagement: June and July 2021\n\nReport to the Police and Crime Panel, 3 August 2021\n\n" +
		"| Date | Meeting | Venue | Issues raised |\n|---|---|---|---|\n" +
		"| 15 June | Wheatlands Ward Meeting | Microsoft Teams | Cars speeding on the main road |\n" +
		"| 22 June | Residents' meeting | Microsoft Teams | Cars speeding on the main road |\n"
	require.Equal(t, []string{"meeting 2021-06-15 E05012459 speeding", "concern 2021-06-15 E05012459 speeding"}, summary(t, doc))
}

// TestYouSaidCellsWithTheirOwnMonth: in a "You said | We did" table with
// no date column, a cell that says its month ("In September, people ...
// told us", "Throughout October, ...") dates its concern to that month;
// under minutes, a row of their issue table is their meeting's, whatever
// month its cell names.
func TestYouSaidCellsWithTheirOwnMonth(t *testing.T) {
	doc := "# You said, we did: September to November 2019\n\nPage last updated: 2 December 2019\n\n" +
		"| You said | We did |\n|---|---|\n" +
		"| In September, people living in North Ormesby told us drugs were being sold in the back alleys. | Plain clothes patrols and two drugs warrants. |\n"
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	require.Len(t, res.Events, 1)
	require.Equal(t, "month:2019-09-01/2019-09-30 E05009867 drugs", eventWhen(res.Events[0])+" "+res.Events[0].WardCode+" "+strings.Join(res.Events[0].Themes, ","))

	minutes := "# Ropner ward residents' meeting - notes\n\n**Date:** Thursday 12 October 2023, 6pm, Ropner Park Pavilion, Stockton\n\n" +
		"| Issue | Discussion | Action |\n|---|---|---|\n" +
		"| Graffiti | Tags sprayed on the bandstand, twice in September. | Removal arranged. |\n"
	require.Equal(t, []string{"meeting 2023-10-12 E05014878 criminal_damage", "concern 2023-10-12 E05014878 criminal_damage"}, summary(t, minutes))
}

// TestRowPlaceNamedAsWard: a place cell naming a venue after one ward and
// calling another the ward ("Acklam Green Centre, Kader ward,
// Middlesbrough") is that ward's.
func TestRowPlaceNamedAsWard(t *testing.T) {
	doc := "Programme of Engagement: June and July 2016\n\nReport to the Police and Crime Panel, 6 September 2016\n\n" +
		"| Date | Meeting | Location | Issues raised |\n|---|---|---|---|\n" +
		"| 2nd June | Community meeting | Acklam Green Centre, Kader ward, Middlesbrough | Cars racing along Acklam Road late at night |\n"
	require.Equal(t, []string{"meeting 2016-06-02 E05009860 speeding", "concern 2016-06-02 E05009860 speeding"}, summary(t, doc))
}

// TestRowPlaceCellIsAMeetingsName: a "Ward / meeting" cell that names the
// meeting by its place and kind ("Park community meeting") is that ward's,
// though the name is an everyday word too; a cell naming something else
// of that name is no place.
func TestRowPlaceCellIsAMeetingsName(t *testing.T) {
	head := "Programme of Engagement: September and October 2022\n\nReport to the Police and Crime Panel, 15 November 2022\n\n" +
		"| Date | Ward / meeting | Local authority | Matters raised |\n|---|---|---|---|\n"
	for _, tt := range []struct {
		name, row string
		want      []string
	}{
		{"a meeting named for its ward", "| 14 Sept | Park community meeting | Middlesbrough | Scrambler bikes ridden on the playing fields at night |\n",
			[]string{"meeting 2022-09-14 E05009869 off_road_bikes", "concern 2022-09-14 E05009869 off_road_bikes"}},
		{"a residents' forum", "| 14 Sept | Newport residents' forum | Middlesbrough | Scrambler bikes ridden on the playing fields at night |\n",
			[]string{"meeting 2022-09-14 E05009866 off_road_bikes", "concern 2022-09-14 E05009866 off_road_bikes"}},
		{"not a meeting's name", "| 14 Sept | Park community centre | Middlesbrough | Scrambler bikes ridden on the playing fields at night |\n",
			nil},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.row), tt.name)
	}
}

// TestSummaryRowOfAWeekOfDropIns: a summary table's row for a drop-in held
// each day of a week the report's prose already told is that meeting (the
// same days, the same ward), not a second one.
func TestSummaryRowOfAWeekOfDropIns(t *testing.T) {
	doc := `Report of the Police and Crime Commissioner, 21 November 2023

The Commissioner held a drop-in at Yarm library each day from Monday 9 to Friday 13 October; the comments received there were mostly about cars racing on the A67 at night.

| Date | Meeting | Ward | Issues |
|---|---|---|---|
| 9-13 October 2023 | Drop-in | Yarm | Speeding |
`
	require.Equal(t, []string{
		"meeting 2023-10-09 E05014884 speeding",
		"concern 2023-10-09 E05014884 speeding",
	}, summary(t, doc))
}

// TestWeekByWeekDiary: a Panel report's diary of engagements, its rows
// giving the weekday and day alone under "w/c" lines, dates each row in
// its week (a day before the week's first is in the next month); a row of
// two engagements of one day, its issues labelled with their places, is
// two meetings; an engagement closed to the public is none; an issue
// recapped later in the report is raised once.
func TestWeekByWeekDiary(t *testing.T) {
	doc := "Report to the Police and Crime Panel\n\n13 September 2016\n\nPROGRAMME OF ENGAGEMENT: JULY AND AUGUST 2016\n\n" +
		"Day\tEngagement\tIssues put to the Commissioner\n\n" +
		"w/c 4 July\nTue 5\tEston Ward Community Meeting, Eston Community Hub\tQuad bikes being ridden across the hills.\n" +
		"Wed 6\tPartners briefing, Middlesbrough\tOfficers-only briefing. No public attendance.\n\n" +
		"w/c 8 August\nTue 9\ta.m. Loftus ward drop-in, Loftus Library; p.m. Brotton ward meeting, Brotton Library\tLoftus: off-road motorbikes on the cliff paths. Brotton: cars parked on double yellows.\n\n" +
		"w/c 29 August\nThu 1\tSeaton ward meeting, Seaton Carew Community Centre, Hartlepool\tBoy racers on the coast road.\n\n" +
		"4. What has been done\n\n4.1 Eston: patrols were stepped up and three off-road bikes were seized.\n"
	got := summaryFile(t, "poe.txt", doc)
	require.Equal(t, []string{
		"meeting 2016-07-05 E05001508 off_road_bikes", "concern 2016-07-05 E05001508 off_road_bikes",
		"meeting 2016-08-09 E05001514 off_road_bikes", "concern 2016-08-09 E05001514 off_road_bikes",
		"meeting 2016-08-09 E05001505 parking_traffic", "concern 2016-08-09 E05001505 parking_traffic",
		"meeting 2016-09-01 E05008951 speeding", "concern 2016-09-01 E05008951 speeding",
	}, got)
}

// TestWeekByWeekTwoDays: a diary row of two days whose issues do not say
// which was raised on which is no meeting, nor a concern of the period.
func TestWeekByWeekTwoDays(t *testing.T) {
	doc := "Report to the Police and Crime Panel\n\n13 September 2016\n\nPROGRAMME OF ENGAGEMENT: JULY AND AUGUST 2016\n\n" +
		"Day\tEngagement\tIssues put to the Commissioner\n\n" +
		"w/c 4 July\nTue 5\tEston Ward Community Meeting, Eston Community Hub\tQuad bikes being ridden across the hills.\n\n" +
		"w/c 11 July\nTue 12 / Thu 14\tNorton North ward meeting (Tuesday) and Norton South ward meeting (Thursday), both at Norton Methodist Church Hall, Stockton\tResidents complained of speeding along Norton High Street at both meetings.\n"
	got := summaryFile(t, "poe.txt", doc)
	require.Equal(t, []string{"meeting 2016-07-05 E05001508 off_road_bikes", "concern 2016-07-05 E05001508 off_road_bikes"}, got)
}

// TestEngagementDiaryTable: a Panel report's "Engagement diary" whose
// table has columns for the issues raised and the outcome is a log of
// meetings held, not a diary of meetings to come; its rows marked as not
// public (internal boards, partners' briefings) give nothing; a row whose
// date cell holds two days is two meetings, each with the points its
// issues cell labels by that day; and the Panel the report goes to, on its
// day, is not a meeting.
func TestEngagementDiaryTable(t *testing.T) {
	head := "Report to the Police and Crime Panel, 13 December 2022\n\n## 3. Engagement diary\n\n"
	log := "| Date | Engagement | Issues raised | Outcome |\n|---|---|---|---|\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"a diary with issues and outcome columns is a log of meetings held",
			head + log + "| Tue 4 Oct | Yarm ward meeting, Yarm | Speeding on the High Street | Speed checks in October |\n",
			[]string{"meeting 2022-10-04 E05001552 speeding", "concern 2022-10-04 E05001552 speeding"}},
		{"a diary without them is meetings to come",
			"Report to the Police and Crime Panel, 13 December 2022\n\n## Dates for your diary\n\n| Date | Engagement |\n|---|---|\n| Tue 10 Jan | Yarm ward meeting, Yarm |\n",
			nil},
		{"rows that say they were not public give nothing",
			head + log + "| Thu 6 Oct | Force Performance Board (internal), Stockton-on-Tees | Residents worried about speeding in the performance pack | None |\n" +
				"| Wed 12 Oct | Stockton Community Safety Partnership, partners briefing, Stockton-on-Tees | Speeding on the main roads | Not a public meeting. |\n",
			nil},
		{"a row whose issues end on a bracket saying it was not public gives nothing",
			head + log + "| Tue 18 Oct | Safer Stockton Partnership Board, Stockton-on-Tees | Partnership update: domestic abuse services (officer briefing, not public) | None |\n",
			nil},
		// must not fire: a resident's word "public" inside a bracket of an issue
		{"a bracket about a public place is an issue",
			head + log + "| Tue 4 Oct | Yarm ward meeting, Yarm | Speeding on the High Street (near the public toilets) | Speed checks in October |\n",
			[]string{"meeting 2022-10-04 E05001552 speeding", "concern 2022-10-04 E05001552 speeding"}},
		{"two days in the date cell: two meetings, the points by their day",
			head + log + "| Tue 11 Oct, Tue 25 Oct | Yarm ward surgery, Yarm | 11 Oct: off-road motorbikes on the playing fields. 25 Oct: shoplifting at the store on the parade. | Bikes seized |\n",
			[]string{"meeting 2022-10-11 E05001552 off_road_bikes", "concern 2022-10-11 E05001552 off_road_bikes", "meeting 2022-10-25 E05001552 burglary_theft", "concern 2022-10-25 E05001552 burglary_theft"}},
		{"the Panel the report goes to, on its day, is no meeting",
			"Cleveland Community Safety Hub, Hemlington, Middlesbrough. Cleveland Police and Crime Panel, Tuesday 13 December 2022\n\n# Programme of Engagement\n\nReport of the Commissioner.\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaryFile(t, "report.md", tt.doc)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestPanelReportLetterheadAndMonthRows: a letterhead's postal address is
// where the office is, not the ward the report is about, so a row whose
// place is not in the area takes nothing from it; a date cell whose month
// carries a note that the day is not known ("June (day not recorded)") is
// a meeting in that month; and a "Meeting and venue" column is the
// meeting's, not a venue column that leaves the row without a meeting.
func TestPanelReportLetterheadAndMonthRows(t *testing.T) {
	head := "Report to the Police and Crime Panel, 16 July 2019\n\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"a letterhead address is not the report's ward",
			"# Office of the Commissioner\n\n## 1 Cliffland Way, Hemlington\n\n" + head +
				"| Date | Meeting | Ward / area | Matters raised |\n|---|---|---|---|\n| Tue 18 June | Joint meeting with a neighbouring force, Sedgefield | Outside Cleveland | Quads stolen from farms |\n",
			nil},
		{"a month whose day was not recorded",
			head + "| Date | Meeting | Ward / area | Matters raised |\n|---|---|---|---|\n| June (day not recorded) | Coffee morning, church hall, Yarm | Yarm | Older residents targeted by courier fraud callers |\n",
			[]string{"meeting 2019-06-01 E05001552 fraud_scams", "concern 2019-06-01 E05001552 fraud_scams"}},
		{"a meeting and venue column",
			head + "| Date | Meeting and venue | Ward / area | Matters raised |\n|---|---|---|---|\n| June (day not recorded) | Coffee morning, church hall, Yarm | Yarm | Older residents targeted by courier fraud callers |\n",
			[]string{"meeting 2019-06-01 E05001552 fraud_scams", "concern 2019-06-01 E05001552 fraud_scams"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaryFile(t, "report.md", tt.doc)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestRowDayUnderRowAbove: a table row dated by its day alone ("Weds 4th")
// takes the month of the row above; a row whose place column says the
// meeting was for the whole borough is placed by the meeting's own name,
// and one for the whole force is not placed at all.
func TestRowDayUnderRowAbove(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 12 November 2019\n\n| Date | Meeting / venue | Ward | Main issues raised |\n|---|---|---|---|\n" +
		"| Tues 3rd Sept | Belmont ward residents' meeting, Guisborough | Belmont | Items stolen from cars parked on driveways |\n" +
		"| Weds 4th | Rossmere Residents' Association, Rossmere Youth Centre | Fens and Rossmere | Suspected dealing from a flat above the shops |\n" +
		"| Tues 8th Oct | Hartlepool Youth Council, Civic Centre | (borough-wide) | Young people spoke about friends carrying knives |\n" +
		"| Tue 15th Oct | Local Criminal Justice Board, Thornaby | Force-wide | Court recovery and victim care updates |\n"
	got := summaryFileLAD(t, "report.md", doc)
	require.Equal(t, []string{
		"meeting 2019-09-03 E05012437E06000003 burglary_theft", "concern 2019-09-03 E05012437E06000003 burglary_theft",
		"meeting 2019-09-04 E05008944E06000001 drugs", "concern 2019-09-04 E05008944E06000001 drugs",
		"meeting 2019-10-08 E06000001 serious_violence", "concern 2019-10-08 E06000001 serious_violence",
	}, got)
}

// TestLeadDayMonth: the lead of a "You said" cell naming its meeting and
// its day as figures, or a few words and a month alone, dates the cell;
// figures after no meeting word, a count, a day/month in the middle of a
// sentence, and "May" are left alone.
func TestLeadDayMonth(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Street surgery by the post office, 21/11 – Hartburn Bins were set alight behind the flats.", "Street surgery by the post office, 21 November – Hartburn Bins were set alight behind the flats."},
		{"Coffee morning, 03/02 – Neighbours said cars are speeding.", "Coffee morning, 3 February – Neighbours said cars are speeding."},
		{"Online survey, October Dog mess on the field by the school.", "Online survey, in October Dog mess on the field by the school."},
		{"Phone calls, November Scam callers claiming to be the bank.", "Phone calls, in November Scam callers claiming to be the bank."},
		// must not fire
		{"Bus shelter, 21/11 – Hartburn Bins were set alight.", "Bus shelter, 21/11 – Hartburn Bins were set alight."},
		{"Drop-in at the library, 32/11 – Hartburn Bins set alight.", "Drop-in at the library, 32/11 – Hartburn Bins set alight."},
		{"Residents told us the score was 3, 21/11 at the match.", "Residents told us the score was 3, 21/11 at the match."},
		{"Online survey, May Residents are worried.", "Online survey, May Residents are worried."},
		{"Cars are speeding, October and November saw more complaints than ever before in the village.", "Cars are speeding, October and November saw more complaints than ever before in the village."},
		{"We heard from people living near the shops, September Road is a problem.", "We heard from people living near the shops, September Road is a problem."},
	} {
		require.Equal(t, tt.want, leadDayMonth(tt.in), tt.in)
	}
}
