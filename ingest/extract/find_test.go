package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// summary lists a result's events as "type date ward themes".
func summary(t *testing.T, doc string) []string {
	t.Helper()
	return summaryFile(t, "find.txt", doc)
}

// outsideSummary writes the events with no ward or authority code (held
// outside Cleveland) as "type date place themes".
func outsideSummary(t *testing.T, name, doc string) []string {
	t.Helper()
	res, err := newExtractor(t, Config{}).Extract(name, []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		if e.WardCode == "" && e.LADCode == "" {
			got = append(got, e.Type+" "+e.Date+" "+e.Place+" "+strings.Join(e.Themes, ","))
		}
	}
	return got
}

// summaryFile extracts doc read as the file name says (its format) and
// writes each event as "type date ward themes".
func summaryFile(t *testing.T, name, doc string) []string {
	t.Helper()
	res, err := newExtractor(t, Config{}).Extract(name, []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	return got
}

func TestNounDated(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"Residents packed into the town hall on Thursday 5 July 2018 for the Yarm ward community meeting.", true},
		{"On 12 March 2019, the Brotton ward meeting heard from residents.", true},
		{"The community meeting, 12 March 2019, was busy.", true},
		// A day far from the meeting word, or across a colon, is not its day.
		{"The community meeting was busy and long and everyone who came said so, as they did on 12 March 2019.", false},
		{"Community meeting: the police reported on arrests made on 12 March 2019.", false},
		{"The community meeting in March 2019 was busy.", false}, // a month, not a day
		{"At the Kader ward meeting in Middlesbrough (12 March 2019) residents raised speeding.", true},
		{"At the Kader ward meeting (see the minutes of 12 March 2019) residents raised speeding.", false},
		// A place alone in brackets between the meeting and its day is the
		// venue's area; brackets saying more are a clause of their own.
		{"Our street briefing on Crossley Avenue (North Ormesby) on Friday 15 March 2019 heard about needles.", true},
		{"The surgery at the library (Park End) on 12 March 2019 was busy.", true},
		{"The surgery at the library (closed for repairs since the flood) on 12 March 2019 was busy.", false},
		{"The surgery at the library (which Park End residents use) on 12 March 2019 was busy.", false},
		// A day in brackets restating the time before it ("Two days later
		// (14 March 2019)") is the day of the meeting after it; a bracket
		// saying more is not.
		{"Two days later (14 March 2019) the Commissioner held a street surgery in Brotton.", true},
		{"Later (14 March 2019) she ran a drop-in at the library.", true},
		{"Two days later (and again on 14 March 2019) there was more damage; the ward meeting heard of it.", false},
		{"Two days later (14 March 2019) the police made three arrests after a long inquiry that the community meeting had asked for.", false},
		// a place before the bracket: an entry's head, not a time restated
		{"Skelton (14 March 2019) – a joint meeting for residents of both Skelton wards.", false},
		// The council as who did something is no council's meeting.
		{"The needles were cleared by the council the next day, 13 March 2019.", false},
		{"The parish council on 12 March 2019 heard from residents.", true},
		{"Syringes were found in one alley, which the council removed the next day, 13 March 2019.", false},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			require.Equal(t, tt.want, nounDated(tt.sent, dates.Find(tt.sent)))
		})
	}
}

// TestMeetingWithoutAttendVerb: a meeting told with its day beside it is a
// meeting whatever the verb; told again later, it is the same meeting, and
// the concerns raised there go to it.
func TestMeetingWithoutAttendVerb(t *testing.T) {
	doc := `Posted on 20 July 2018

More than forty people packed into the hall on Thursday 5 July for the Yarm ward community meeting.

At the meeting on 5 July, residents raised concerns about speeding on the High Street.
`
	require.Equal(t, []string{
		"meeting 2018-07-05 E05001552 speeding",
		"concern 2018-07-05 E05001552 speeding",
	}, summary(t, doc))
}

func TestRealignRow(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	r.a.Published = time.Date(2017, 2, 10, 0, 0, 0, 0, time.UTC)
	header := []string{"Date", "Meeting", "Area", "Issues discussed"}
	require.Equal(t, []string{"26 January", "Hate Crime Partnership", "Middlesbrough", "Under-reporting of hate incidents"},
		r.realign([]string{"26 January", "Hate Crime Partnership Middlesbrough Under-reporting of hate incidents"}, header))
	// No place to split at, or a header without a place column: as it was.
	require.Equal(t, []string{"26 January", "Hate Crime Partnership"}, r.realign([]string{"26 January", "Hate Crime Partnership"}, header))
	require.Equal(t, []string{"26 January", "Forum Middlesbrough x"}, r.realign([]string{"26 January", "Forum Middlesbrough x"}, []string{"Date", "Meeting", "Issues"}))
}

func TestSpeakerCue(t *testing.T) {
	for _, s := range []string{"A dog walker described needles left on the path.", "One mother told the meeting that cars speed past the school.",
		"Several shop owners said shoplifting had got worse.", "A group of older residents explained that they felt unsafe."} {
		require.True(t, speakerCue(s), s)
		require.True(t, isConcern(s, false), s)
	}
	for _, s := range []string{"A police officer said patrols had increased.", "One PCSO explained the new scheme.", "The meeting said goodbye to its chair.",
		"A spokesperson for the Commissioner said the plan was working."} {
		require.False(t, speakerCue(s), s)
	}
}

// TestMinutesIssueTable: minutes' table of issues is what was raised at
// the meeting the minutes record (its day, the title's ward); a "you said"
// table under a dated heading keeps its section's span.
func TestMinutesIssueTable(t *testing.T) {
	doc := `YARM WARD COMMUNITY MEETING

Minutes of the meeting held on Tuesday 12th March 2019 at Yarm Town Hall

3. Issues raised by residents

| Issue | Raised by | Action |
|---|---|---|
| Speeding on the High Street at night | Resident | Speed watch to be set up |
| Nothing else | Chair | None |
`
	require.Equal(t, []string{
		"meeting 2019-03-12 E05001552 speeding",
		"concern 2019-03-12 E05001552 speeding",
	}, summary(t, doc))
}

// TestMinutesHeadingAndAgreedMinutes: minutes whose date is in a heading
// record that meeting; "the minutes of the meeting held on ... were
// agreed" is an earlier meeting's record, not an event; a day in a row's
// action column dates nothing.
func TestMinutesHeadingAndAgreedMinutes(t *testing.T) {
	doc := `# Yarm Ward Community Council

## Minutes of the meeting held on Wednesday 7 February 2018 at Yarm Town Hall

**2. Minutes of the last meeting**

2.1 The minutes of the meeting held on 8 November 2017 were agreed as a correct record.

| Issue | Raised by | Action agreed |
|---|---|---|
| Youths gathering at the bus shelter | Resident | Patrols on Friday evenings |
`
	require.Equal(t, []string{
		"meeting 2018-02-07 E05001552 antisocial_behaviour",
		"concern 2018-02-07 E05001552 antisocial_behaviour",
	}, summary(t, doc))
}

// TestSeveralMeetingsInOneSentence: each meeting of a sentence that tells
// several in turn takes the concerns told after it; a concern of the
// period naming two wards is each ward's.
func TestSeveralMeetingsInOneSentence(t *testing.T) {
	doc := `Report to the Police and Crime Panel, 4 October 2016

1.1 This report covers meetings attended between 1 August and 23 September 2016.

2.3 The Commissioner attended the Loftus ward meeting on 30 August, where doorstep scams were the main topic, and the Brotton ward meeting on 6 September, at which residents spoke about heavy lorries.

4.1 Over the period, concerns about drug dealing were raised in North Ormesby and in Newport ward.
`
	require.Equal(t, []string{
		"meeting 2016-08-30 E05001514 fraud_scams",
		"meeting 2016-09-06 E05001505 parking_traffic",
		"concern 2016-08-30 E05001514 fraud_scams",
		"concern 2016-09-06 E05001505 parking_traffic",
		"concern 2016-08-01 E05009867 drugs",
		"concern 2016-08-01 E05009866 drugs",
	}, summary(t, doc))
}

func TestConcernCues(t *testing.T) {
	for _, s := range []string{
		"Nuisance motorbikes came up again, with one resident saying riders were out every weekend.",
		"Doorstep scams were the main topic.",
		"Speeding was the main topic of discussion.",
		"People saying the park was full of needles.",
		// (what was raised at another meeting, told as the same as at this one)
		"Was at the Grangetown one last Thursday and it was the same story, youths letting fireworks off at the buses.",
		// (residents named by the meeting they were at, however long its name)
		"Residents at the Hartburn ward meeting at the Holy Trinity church hall told him that vans had been broken into.",
		// (what people wrote or rang to the writer about)
		"Between March and May I also had a steady stream of emails about the shelter on the green, which was smashed three times.",
		"We've had lots of calls about vans parked across the dropped kerbs.",
		// (however many words say what came in, and reports from the shops)
		"In June we also had a lot of phone calls and emails about vans racing round the estate.",
		"All through May we had reports from the corner shops on the parade about shoplifting.",
	} {
		require.True(t, isConcern(s, false), s)
	}
	for _, s := range []string{"The sun came out.", "No concerns were raised about speeding.", "We had reports from the shops on the parade printed in the autumn leaflet."} {
		require.False(t, isConcern(s, false), s)
	}
}

// TestMostCommonQuestionAndAmpersandWard: what "the most common question"
// put to the writer was is what people raised ("the main question, by
// far, was why no one patrols the park"), and e-mails from residents of a
// ward whose name has "&" in it are their concern as any ward's are; a
// question of the writer's own, or the first question on a form, is not.
func TestMostCommonQuestionAndAmpersandWard(t *testing.T) {
	for _, s := range []string{
		"The main question, by far, was why nobody patrols the rec any more.",
		"The most common question put to me was about the speed of traffic on the bypass.",
		"All through June I had e-mails from Hill & Dale residents about rubbish dumped in the alleys.",
	} {
		require.True(t, isConcern(s, false), s)
	}
	for _, s := range []string{
		"My question to the panel was whether the budget covers patrols.",
		"The first question on the survey asks about the speed of traffic.",
		"E-mails from Hill & Dale Councillors about the fair went out in June.",
	} {
		require.False(t, isConcern(s, false), s)
	}
}

// TestReaderAppealIsNoConcern: a sentence telling the reader how to raise
// something ("You can report concerns to ... on 101") raises nothing,
// though its cue word is a concern's; a resident's quotation opening "You
// can" and a concern told otherwise still are concerns.
func TestReaderAppealIsNoConcern(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"You can report concerns about speeding to the local team on 101.", false},
		{"Residents said you can report concerns about speeding but nothing ever changes.", true},
		{"Did you know? You can pass on concerns about drug dealing anonymously.", false},
		{"\"You can ring about speeding all night and nobody comes,\" one resident complained.", true},
		{"Residents raised concerns about speeding on the bypass.", true},
	} {
		require.Equal(t, tt.want, isConcern(tt.s, false), tt.s)
	}
}

// TestDiaryDayCues: how a diary's day tells what was raised at its
// meeting: a "where" clause naming the meeting's subject ("where the
// subject was ..."), and, at a meeting, the writer and those who came
// talking about something ("We chatted mostly about ..."); not a talk
// given ("we talked to the pupils about ..."), a "where" clause of who
// spoke, or either outside a meeting.
func TestDiaryDayCues(t *testing.T) {
	for _, tt := range []struct {
		s         string
		inMeeting bool
		want      bool
	}{
		{"I ended up at the Kader ward meeting, where the subject was cars speeding past the school.", true, true},
		{"We chatted mostly about cold callers and bogus workmen.", true, true},
		{"We walked round the estate and talked about the broken street lights.", true, true},
		{"We talked to the pupils about knife crime.", true, false},
		{"I ended up at the Kader ward meeting, where the speaker was the sergeant on speeding.", true, false},
		{"We chatted mostly about cold callers and bogus workmen.", false, false},
	} {
		require.Equal(t, tt.want, isConcern(tt.s, tt.inMeeting), tt.s)
	}
	// A safety walk with residents is a meeting, as a walkabout is; a
	// sponsored walk is none.
	require.Equal(t, []string{"meeting 2018-11-12 E05009862 "}, summary(t, "Published: 17 November 2018\n\nOn Monday I crossed into Linthorpe for a women's safety walk.\n"))
	require.Nil(t, summary(t, "Published: 17 November 2018\n\nOn Monday I went on a sponsored walk in Linthorpe.\n"))
}

// TestWhereClausesOfAVisit: a visit told with the meeting it was for and
// a "where" clause ("was in Linthorpe for the Linthorpe residents'
// association, where ... came up", a long name putting the day far from
// the association) is a meeting; a "where" clause telling
// what those who came had had stolen or damaged is what they raised.
// Neither for a visit to something else, nor for what they had had done
// for them.
func TestWhereClausesOfAVisit(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"He held a surgery in Hartburn on 5 May, where two residents had had their bikes stolen from their sheds.", true},
		{"He held a surgery in Hartburn on 5 May, where some tenants have had windows smashed.", true},
		{"He held a surgery in Hartburn on 5 May, where several residents had had new locks fitted.", false},
	} {
		require.Equal(t, tt.want, isConcern(tt.s, true), tt.s)
	}
	pub := "Published: 17 November 2018\n\n"
	require.Equal(t, []string{"meeting 2018-11-16 E05001537 speeding", "concern 2018-11-16 E05001537 speeding"},
		summary(t, pub+"Last night she was in Hartburn for the Hartburn & Fairfield Road residents' association, where the speed of traffic on the estate came up.\n"))
	require.Nil(t, summary(t, pub+"Last night he was in Linthorpe for the Christmas lights switch-on, where crowds gathered.\n"))
}

// TestResidentsTellingVerbs: verbs of telling by those who came that are
// cues: the public pointing something out (right before the verb or as a
// "who" clause on it), those at a meeting asking for something a long
// name after their subject, a meeting's "where" clause whose subject is
// its members or those present telling something. Not the object of what
// was pointed out ("the things people pointed out were ..."), not a
// panel's members, not members being told or agreeing.
func TestResidentsTellingVerbs(t *testing.T) {
	for _, tt := range []struct {
		s         string
		inMeeting bool
		want      bool
	}{
		{"He walked the Grove estate with the ward councillor and a few tenants, who pointed out the garages where lads set fires.", true, true},
		{"Villagers pointed out the verges where vans dump rubbish every weekend.", false, true},
		{"Tenants who came on the walk round pointed out broken fencing and needles in the alley.", true, true},
		// a negation in the next clause is that clause's
		{"In Linthorpe, residents described late-night noise from shared houses; no new policing issues were raised at the Acklam meeting.", true, true},
		{"No new concerns were raised; residents described late-night noise from shared houses.", true, false},
		{"The sergeant walked the lanes with members of the Ashdale Tenants Group, who pointed out needles left in the alley.", true, true},
		{"Last month residents at the Marsh Lane and Brackenhill community meeting asked for firmer action against drivers parking on the verges.", false, true},
		{"Villagers at the Wolviston and Newton Bewley village hall PACT meeting told officers that vans race through at night.", false, true},
		{"She went on to the parish council, where members reported a run of quad bikes stolen from farm yards.", true, true},
		{"The forum met at the library, where those present described cars racing on the bypass at night.", true, true},
		{"Others questioned whether the village still had enough officers after the shift changes.", true, true},
		{"A few people queried why the van parked on the verge every night had never been moved.", true, true},
		// must not fire
		{"The main things people pointed out were litter and dog fouling.", false, false},
		{"Panel members pointed out that burglary figures had fallen.", false, false},
		{"She went on to the parish council, where members were told about a scam doing the rounds.", false, false},
		{"She went on to the parish council, where members agreed the budget for the speed signs.", false, false},
		{"Last month residents at the Marsh Lane and Brackenhill community meeting were asked to lock their sheds.", false, false},
		{"Last month residents at the Marsh Lane and Brackenhill community meeting were told the team was back to full strength.", false, false},
	} {
		require.Equal(t, tt.want, isConcern(tt.s, tt.inMeeting), tt.s)
	}
}

// TestWasTheMainThing: what someone reports was "the main thing" at a
// meeting ("she said vandalism at the park was the main thing there") is
// what was raised there, as "the main thing raised was ..." is; the main
// thing to do, or the main thing the police did, is not.
func TestWasTheMainThing(t *testing.T) {
	for _, tt := range []struct {
		s         string
		inMeeting bool
		want      bool
	}{
		{"Our chair went along to the Stainsby ward meeting and said burglaries from garden sheds were the biggest thing there.", true, true},
		{"He reported that cars racing on the bypass was the main thing at the forum.", true, true},
		// must not fire
		{"The main thing is to report cars racing on the bypass on 101.", true, false},
		{"He reported that the new speed camera was fitted on the bypass.", true, false},
	} {
		require.Equal(t, tt.want, isConcern(tt.s, tt.inMeeting), tt.s)
	}
}

// TestYouSaidCardAtMeetingInMonth: a "you said, we did" card's "You
// said:" label before "At our surgery in <place> in <month>, residents
// reported ..." leaves the sentence opening at that meeting, told by its
// month; a card with no meeting, or a meeting only planned, gives none.
func TestYouSaidCardAtMeetingInMonth(t *testing.T) {
	pub := "Last updated: 4 October 2021\n\n"
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"You said: At our surgery in Norton in September, several residents reported vans speeding on the High Street.", true},
		{"You told us: At the PACT meeting in Hartburn in August, people reported bikes stolen from their sheds.", true},
		// must not fire
		{"You said: In September, several residents reported vans speeding on the High Street in Norton.", false},
		{"You said: Residents in Hartburn reported bikes stolen from sheds in August.", false},
	} {
		got := strings.Join(summary(t, pub+tc.s+"\n"), "\n")
		require.Equal(t, tc.want, strings.Contains(got, "meeting "), tc.s+"\n"+got)
	}
}

// TestGroupImprintAtFoot: a residents' association naming itself at the
// foot of its newsletter, as an imprint does, makes the document its own,
// so its "members" asking for something at a meeting are residents; a
// page naming a group at its foot without telling what it is is not the
// group's own.
func TestGroupImprintAtFoot(t *testing.T) {
	body := "# Winter news\n\nPosted on 3 February 2025\n\nAt our December meeting in Nunthorpe members asked for Community Speed Watch on Marton Road.\n\nOur next meeting is in March.\n\n"
	got := summary(t, body+"Ashdale Residents' Association is run by volunteers. Membership is free.\n")
	require.Contains(t, got, "concern 2024-12-01 E05015469 speeding", got)
	require.NotContains(t, strings.Join(summary(t, body+"Contact the Ashdale Residents' Association on our website.\n"), "\n"), "concern")
}

// TestOfficersWhoWalked: officers who led a walk are no concern of
// visible policing; officers residents say they never see walking still
// are.
func TestOfficersWhoWalked(t *testing.T) {
	head := "# Out and about\n\nPosted on Friday 21st November 2014\n\n"
	require.Equal(t, []string{"meeting 2014-11-19 E05001548 environmental", "concern 2014-11-19 E05001548 environmental"},
		summaryFile(t, "news.md", head+"On Wednesday PCSOs and councillors walked the streets of Stainsby Hill with residents, who pointed out dog mess on the paths.\n"))
	require.Contains(t, summaryFile(t, "news.md", head+"On Wednesday residents at the Stainsby Hill ward meeting complained that PCSOs never walked the streets any more.\n"), "concern 2014-11-19 E05001548 visible_policing")
}

// TestOfficersPresent: officers named as the ones who came to, were at,
// led or held a meeting are its company, no concern of visible policing;
// officers residents want, miss or complain of still are.
func TestOfficersPresent(t *testing.T) {
	tax := newExtractor(t, Config{}).tax
	for _, tt := range []struct {
		s    string
		want bool // dropped as the officers present
	}{
		{"Sgt Pryce and three PCSOs from the east neighbourhood team came along too", true},
		{"PC Ward was with us and has put the lane on his patrol route", true},
		{"Two PCSOs were also there to answer questions", true},
		{"On Friday we joined a PCSO-led street surgery outside the shops", true},
		{"PCSO Reed has been holding weekly surgeries at the church hall, where people mostly raised doorstep callers", true},
		{"Our neighbourhood officers joined us for the walk round the flats", true},
		{"Two neighbourhood officers met residents at the Grove Hill ward meeting in the library to hear their worries", true},
		{"Two PCSOs attended the Park End residents' meeting on Monday", true},
		// must not fire
		{"Residents said officers had not met residents at any meeting for a year and want a PCSO back", false},
		{"Officers met with the council about the parking on Acklam Road", false},
		{"Residents said PCSOs are never seen on the estate after dark", false},
		{"PCSOs came along and heard that people want more officers on foot", false},
		{"Officers turned up two hours after the break-in was reported", false},
		{"Police said residents came along with worries about patrols at night", false},
		{"Several people asked for more patrols near the school", false},
		{"The PCSO took so long to come that the youths had gone", false},
	} {
		got := false
		for _, m := range tax.Classify(tt.s).Matches {
			if m.Theme == "visible_policing" && officersPresent(tt.s, m) {
				got = true
			}
		}
		require.Equal(t, tt.want, got, tt.s)
	}
	doc := "STAINSBY HILL NEWS\nIssue 3 - Friday 21 November 2014\n\nWHAT YOU TOLD US\n~~~~~~~~~~~~~~~~\n" +
		"About 30 of you came to the Stainsby Hill residents meeting on Wednesday 19 November at the community hall. Sgt Pryce and three PCSOs from the east neighbourhood team came along too.\n\n" +
		"We also did a street surgery on Cotton Road on Saturday 15th November, which was mainly about youths kicking footballs at windows. PCSO Grant was with us and has put the green on the patrol plan.\n"
	require.Equal(t, []string{"meeting 2014-11-19 E05001548 ", "meeting 2014-11-15 E05001548 antisocial_behaviour", "concern 2014-11-15 E05001548 antisocial_behaviour"},
		summaryFile(t, "news.txt", doc))
}

// TestReaderAppeal101: the 101 number the reader is asked to ring beside a
// matter raised ("please ring 101", "anyone with details should call 101
// or Crimestoppers", "ring 101 - you needn't give a name") is an appeal,
// not the 101 service raised; a complaint of ringing 101 still is.
func TestReaderAppeal101(t *testing.T) {
	x := newExtractor(t, Config{})
	r := &run{x: x}
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"drug dealing by the bus shelter (police want car numbers, so please ring 101)", []string{"drugs"}},
		{"cannabis being grown in a flat over the shop (the team have asked for details, ring 101 - you needn't give your name)", []string{"drugs"}},
		{"dealing from a car outside the park, and anyone with information should call 101 or Crimestoppers", []string{"drugs"}},
		{"vans racing down the lane late at night, ring 101 or report it online", []string{"speeding"}},
		// must not fire
		{"people said when they ring 101 nobody answers for an hour", []string{"visible_policing"}},
		{"residents who ring 101 wait ages to get through", []string{"visible_policing"}},
		{"a pensioner said she had to ring 101 three times before anyone came", []string{"visible_policing"}},
	} {
		require.Equal(t, tt.want, r.themes(tt.s), tt.s)
	}
}

// TestPatrolsDone: patrols that officers or partners run, have run or
// will run ("the team has since done late patrols", "foot patrols started
// in March") are a report of what was done, not the public asking for
// patrols; a request for patrols still counts.
func TestPatrolsDone(t *testing.T) {
	x := newExtractor(t, Config{})
	r := &run{x: x}
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"graffiti on the bus shelter, and the wardens have since carried out a number of night patrols", []string{"criminal_damage"}},
		{"shop staff spoke of shoplifting, so the team is now doing targeted foot patrols at lunchtime", []string{"burglary_theft"}},
		{"the sergeant has agreed to step up weekend patrols along the canal", nil},
		{"things had been quieter since the high-visibility patrols started in March", nil},
		{"Operation Nightjar patrols continue on the estate", nil},
		{"needles found behind the flats (officers are aware, please keep calling 101 with car numbers)", []string{"drugs"}},
		{"Those not at the meeting can still report graffiti to the team by ringing 101 or at the mobile police station on Tuesdays.", []string{"criminal_damage"}},
		// must not fire
		{"residents asked the team to run more patrols near the school", []string{"visible_policing"}},
		{"people want regular foot patrols on the estate after dark", []string{"visible_policing"}},
		{"residents said patrols never began despite promises", []string{"visible_policing"}},
		{"they hardly ever see a patrol car on the estate", []string{"visible_policing"}},
		{"a pensioner said she kept ringing 101 and nobody answered", []string{"visible_policing"}},
		{"residents want the mobile police station to come more often now the town station has shut", []string{"visible_policing"}},
		{"people said they could not report anything by ringing 101 because nobody answered", []string{"visible_policing"}},
	} {
		require.Equal(t, tt.want, r.themes(tt.s), tt.s)
	}
}

// TestPolicingTeamPassedOrActing: a policing team named as where a matter
// was passed ("we sent it on to the neighbourhood police team"), or
// officers leading a clause and saying or promising something ("the PCSO
// will chase the speed van"), are no policing raised; officers missed or
// wanted still are.
func TestPolicingTeamPassedOrActing(t *testing.T) {
	x := newExtractor(t, Config{})
	r := &run{x: x}
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"The litter and the fly-tipping were sent on to the council and to the neighbourhood police team.", []string{"environmental"}},
		{"All of these complaints have been shared with the Thornaby neighbourhood policing team.", nil},
		{"PCSO Marsh asked residents to write down number plates and said a van had been seized", nil},
		{"Parking on the verges was noted and the PCSO will ask the council for bollards.", []string{"parking_traffic"}},
		{"Neighbourhood officers also gave out leaflets after complaints about dog fouling on the green.", []string{"environmental"}},
		// must not fire
		{"Residents want a neighbourhood policing team back in the village.", []string{"visible_policing"}},
		{"PCSOs said they need more officers on foot to cover the estate", []string{"visible_policing"}},
		{"Residents said the PCSO never comes round any more.", []string{"visible_policing"}},
		{"people told us they rarely see PCSOs on the estate", []string{"visible_policing"}},
	} {
		require.Equal(t, tt.want, r.themes(tt.s), tt.s)
	}
}

// TestRaisedEarlier: a matter referred back to as raised at an earlier
// meeting, as minutes' matters arising do, is not raised again at the
// meeting the minutes are of; a meeting told with what it raised still
// gives its concern.
func TestRaisedEarlier(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Matters arising - the dog fouling that members raised at the last meeting has gone to the council, no answer yet.", true},
		{"The parking which residents brought up in January is still with the highways team.", true},
		{"The speeding we mentioned last time has been passed on to the police.", true},
		{"Matters arising - the quad bikes on the allotments that people complained about at the Oct meeting: two were seized.", true},
		{"The graffiti which residents reported in Sept has been cleaned off.", true},
		// must not fire
		{"Speeding on Marton Road was raised at the January meeting.", false},
		{"Members raised dog fouling on the school path again.", false},
		{"Residents brought up parking outside the school at this meeting.", false},
		{"Residents complained about the Jan sales traffic on the High Street.", false},
	} {
		require.Equal(t, tt.want, raisedEarlierRE.MatchString(tt.s), tt.s)
	}
	doc := "# Minutes\n\n## Grove Hill Residents' Association\n\nMinutes of the meeting held Monday 9th April 2018, 7pm, Grove Hill Library.\n\n" +
		"1. Matters arising\n\nThe vans parked on the pavement that members brought up in March have been passed to the council, no reply yet.\n\n" +
		"2. Police update\n\nMembers raised:\n\n- Dog mess along the path by the school.\n"
	got := strings.Join(summaryFile(t, "minutes.md", doc), "\n")
	require.Contains(t, got, "concern 2018-04-09")
	require.NotContains(t, got, "parking_traffic", got)
}

// TestCameToSeeAbout: people who came to see someone about a matter raised
// it ("two tenants came to see me about cars parked across their drives",
// "a farmer called in to speak to the sergeant about sheep worrying");
// someone who came to see a thing, or came about nothing the sentence
// names, raised nothing.
func TestCameToSeeAbout(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Two tenants came to see me about cars parked across their drives.", true},
		{"A farmer called in to speak to the sergeant about sheep worrying in the top fields.", true},
		{"Several parents dropped in to talk to Sam about speeding outside the school.", true},
		// came in about a matter (at a surgery, an office)
		{"Two tenants came in about vans parked on the verges.", true},
		{"A shopkeeper popped in about graffiti on his shutters, and another about shoplifting.", true},
		// must not fire
		{"Families came to see the new play area on the green.", false},
		{"The sergeant came to see us on Tuesday.", false},
		{"The sergeant came in about 8pm after the speeding operation on the bypass.", false},
		{"The new speed signs came in about the same time as the bus gate.", false},
	} {
		require.Equal(t, tt.want, isConcern(tt.s, false), tt.s)
	}
}

// TestPurposeClauseIsNoConcern: a clause saying what an arrangement is for,
// what may be raised through it ("so that worries can be taken to the
// team"), names no concern anyone raised, so a concern word there is no
// cue; a cue outside the clause still counts, and "so" that is no purpose
// ("so often", "so bad") is read as before.
func TestPurposeClauseIsNoConcern(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"The Commissioner goes to parish and ward meetings in every town so that residents' worries can be taken straight to the local policing team.", false},
		{"A surgery is held each month in order that concerns about parking could be heard by the council's officers.", false},
		{"Officers hold a drop-in at the library to make sure people's complaints about speeding can be logged the same day.", false},
		{"The Office keeps a log so problems with nuisance motorbikes may be passed on to the right sergeant.", false},
		// a cue outside the clause
		{"Residents complained about speeding on the bypass so that the council could put the case for a camera.", true},
		{"Dog fouling was raised so often that the chair asked for a leaflet drop.", true},
		{"People said the parking was so bad that buses could not get through.", true},
		{"Concerns were raised about youths on bikes, so the sergeant can now send a patrol.", true},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, isConcern(tt.sent, false), tt.sent)
	}
	// a Panel report's account of what its engagement is for: no concern
	// of its period at every authority it names
	require.Empty(t, summary(t, "Report to the Police and Crime Panel\n\n14 March 2023\n\n1.1 This report sets out the engagement carried out in January and February 2023.\n\n2.1 The Commissioner attends residents' meetings across Hartlepool and Middlesbrough so that local concerns can be passed directly to neighbourhood policing teams.\n"))
}

// TestCalledInOnAClub: "called in on the youth club" with its day is an
// engagement where the concern told there was raised.
func TestCalledInOnAClub(t *testing.T) {
	doc := `Posted on Friday 15th March 2019

Yesterday the Commissioner also called in on the weekly youth club in Stainsby Hill, where a group of teenagers told him they were worried about friends carrying knives.
`
	require.Equal(t, []string{
		"meeting 2019-03-14 E05001548 serious_violence",
		"concern 2019-03-14 E05001548 serious_violence",
	}, summary(t, doc))
}

func TestStolenThingsAreNotThemes(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	themes := func(s string) []string {
		var out []string
		for _, m := range r.concernMatches(s) {
			out = sortedUnion(out, []string{m.Theme})
		}
		return out
	}
	require.Equal(t, []string{"rural_crime"}, themes("hare coursing and thefts of quad bikes from farmyards"), "farm theft is rural crime")
	require.Equal(t, []string{"burglary_theft"}, themes("two motorbikes were stolen from a garage"))
	require.Equal(t, []string{"burglary_theft"}, themes("quad bikes and trailers being taken from sheds"), "a list of things taken")
	// Two auxiliaries before the theft ("were being taken"), and a farm's
	// theft the taxonomy reads as rural crime: the bikes are what was taken.
	require.Equal(t, []string{"rural_crime"}, themes("that scramblers and quad bikes were being taken from farmyards up the valley"))
	require.Equal(t, []string{"burglary_theft"}, themes("mountain bikes are being stolen from sheds"))
	require.Equal(t, []string{"rural_crime"}, themes("and that red diesel and quad bikes are being taken from farmyards at night"))
	// ridden, not taken, in the same words: still the bikes
	require.Equal(t, []string{"off_road_bikes"}, themes("quad bikes were being ridden along the beck"))
	// Without a theft, or ridden rather than stolen, the bikes are the concern.
	require.Equal(t, []string{"off_road_bikes"}, themes("quad bikes ridden on the field"))
	require.Equal(t, []string{"burglary_theft", "off_road_bikes"}, themes("quad bikes on the field and a theft from a shed"))
	// A second item with its own article is what was stolen, not the first.
	require.Equal(t, []string{"burglary_theft", "rural_crime"}, themes("men with dogs after dark, which he believed to be hare coursing, and a trailer stolen from a driveway"))
	require.Equal(t, []string{"rural_crime"}, themes("hare coursing, and a trailer stolen from a field gateway"), "a field gateway is a farm's")
	// A window smashed to break in is the break-in's; one smashed besides is damage.
	require.Equal(t, []string{"burglary_theft"}, themes("three cars broken into on their road in the past fortnight, one with a window smashed"))
	require.Equal(t, []string{"burglary_theft", "criminal_damage"}, themes("a car stolen and a window smashed at the school"))
	// ... and so is a bare plural joined by "and" (andBareGapRE), but not
	// the break-in's own windows.
	require.Equal(t, []string{"burglary_theft", "criminal_damage"}, themes("a spate of break-ins along the close and windows broken at the chapel"))
	require.Equal(t, []string{"burglary_theft", "criminal_damage"}, themes("sheds burgled in the allotments and some windows smashed at the pavilion"))
	require.Equal(t, []string{"burglary_theft"}, themes("two vans broken into overnight, their windows smashed"))
	require.Equal(t, []string{"burglary_theft"}, themes("vans broken into overnight with windows smashed"))
	// Bikes ridden at speed are the bikes.
	require.Equal(t, []string{"off_road_bikes"}, themes("bikes being ridden at speed along the footpaths by the beck"))
	require.Equal(t, []string{"speeding"}, themes("cars being driven at speed along the seafront"))
	// Bikes ridden that are stolen are the bikes; stolen bikes reported are a theft.
	require.Equal(t, []string{"off_road_bikes"}, themes("lads on scramblers and quad bikes, some of them believed stolen, racing across the fields"))
	require.Equal(t, []string{"off_road_bikes"}, themes("youths riding stolen scramblers on the cycle path"))
	require.Equal(t, []string{"burglary_theft"}, themes("residents reported stolen scramblers taken from their garages"))
	// Children drawn into carrying drugs for county lines: the exploitation.
	require.Equal(t, []string{"exploitation"}, themes("her fear that older teenagers were drawing younger children into carrying drugs for dealers from outside the area - what police call 'county lines'"))
	// ... but a second worry "and about" drug dealing is its own concern.
	require.Equal(t, []string{"drugs", "exploitation"}, themes("worries about young people being drawn into county lines and about drug dealing on the estate"))
	require.Equal(t, []string{"exploitation"}, themes("worries about young people being drawn into county lines drug dealing on the estate"))
}

// TestFarmTheftIsRuralCrime: a theft from farms, or one farmers tell of,
// is rural crime (DOMAIN.md: "farm theft"), not a second theme of theft; a
// theft the same sentence tells apart from its farm words is theft.
func TestFarmTheftIsRuralCrime(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	tests := []struct{ text, want string }{
		{"Farmers described thefts of quad bikes and diesel from farm yards", "rural_crime"},
		{"thefts of tools, diesel and quad bikes from farms in the surrounding countryside", "rural_crime"},
		{"tools and a trailer stolen from farms", "rural_crime"},
		{"Farmers raised thefts of machinery and hare coursing on land near the A689", "rural_crime"},
		{"worries about thefts from outbuildings and about hare coursing on farmland near Hilton", "burglary_theft,rural_crime"},
		{"shoplifting at the farm shop", "burglary_theft"},
		{"thefts from garden sheds; farmers also spoke about hare coursing", "burglary_theft,rural_crime"},
		{"burglaries in the village, while farmers want more patrols", "burglary_theft,visible_policing"},
		{"a run of thefts of red diesel and quad bikes from farms on the edge of the ward", "rural_crime"},
		// What was taken in farm thefts, told after them, is the same theft.
		{"more thefts from farms, a generator and fencing taken from one yard", "rural_crime"},
		{"thefts from farms, two quads stolen from the top field", "rural_crime"},
		// Not a theft told as another matter, nor past a full stop.
		{"thefts from farms and the bikes stolen from outside the shop", "burglary_theft,rural_crime"},
		{"thefts from farms. A car was stolen from the square", "burglary_theft,rural_crime"},
		{"burglaries on the estate, a bike taken from a shed", "burglary_theft"},
		// Farm animals taken are farm theft; a pet, or a theft near a
		// field, is not.
		{"three thefts of ewes from the moor above the village", "rural_crime"},
		{"a spate of thefts of lambs from the hill grazing", "rural_crime"},
		{"a dog stolen from a garden near the fields", "burglary_theft"},
		{"thefts from cars parked by the cow pasture", "burglary_theft"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range r.concernMatches(tt.text) {
			got = sortedUnion(got, []string{m.Theme})
		}
		require.Equal(t, tt.want, strings.Join(got, ","), tt.text)
	}
}

// TestTextTableOfMeetings: a plain-text report's space-aligned table of
// meetings gives its meetings and their issues.
func TestTextTableOfMeetings(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 2 April 2019\n\n" +
		"   Date          Meeting                 Issues raised\n" +
		"   5 March       Hartburn ward meeting   Speeding near the\n" +
		"                                         primary school\n" +
		"   12 March      Yarm ward meeting       None\n"
	require.Equal(t, []string{
		"meeting 2019-03-05 E05001537 speeding",
		"concern 2019-03-05 E05001537 speeding",
		"meeting 2019-03-12 E05001552 ",
	}, summary(t, doc))
}

// TestMinutesDateLine: minutes dated by a line "Minutes – <day>, <venue>"
// record that meeting (the title's ward).
func TestMinutesDateLine(t *testing.T) {
	doc := `# YARM WARD COMMUNITY COUNCIL

**Minutes – Wednesday 14 June 2017, 7pm, Yarm Town Hall**

Residents raised concerns about speeding on the High Street.
`
	require.Equal(t, []string{
		"meeting 2017-06-14 E05001552 speeding",
		"concern 2017-06-14 E05001552 speeding",
	}, summary(t, doc))
}

// TestMeetingDaysAndMonths: two days joined by "and" are two meetings,
// and a concern said of "both" is each one's; a meeting "last month" is
// dated by its month.
func TestMeetingDaysAndMonths(t *testing.T) {
	doc := `Posted on 12 June 2018

On 22nd and 30th May the Commissioner held drop-in surgeries in Hartlepool. Domestic abuse was the main subject at both.

At a drop-in at the community centre in Yarm last month, residents told him that fly-tipping had got worse.
`
	require.Equal(t, []string{
		"meeting 2018-05-22  domestic_abuse",
		"meeting 2018-05-30  domestic_abuse",
		"concern 2018-05-22  domestic_abuse",
		"concern 2018-05-30  domestic_abuse",
		"meeting 2018-05-01 E05001552 environmental",
		"concern 2018-05-01 E05001552 environmental",
	}, summary(t, doc))
}

// TestConcernHeadings: list items under a "Residents' issues" heading are
// concerns though their lead-in has no cue; paragraphs under a "You said"
// heading are what residents said, and a "We did" heading ends them; a
// label heading keeps its section's span.
func TestConcernHeadings(t *testing.T) {
	minutes := `# YARM WARD COMMUNITY COUNCIL

**Minutes – Wednesday 14 June 2017, Yarm Town Hall**

### Item 3 – Police report
PC Moran reported two burglaries since March.

### Item 4 – Residents' issues
Residents put the following to the Commissioner:

- speeding on the High Street;
- the new bus timetable.
`
	require.Equal(t, []string{
		"meeting 2017-06-14 E05001552 speeding",
		"concern 2017-06-14 E05001552 speeding",
	}, summary(t, minutes))

	cards := `<html><body><h1>Yarm neighbourhood team</h1><h2>April to June 2019</h2>
<div><h3>You said</h3><p>Teenagers are riding motorbikes along the cycle paths.</p><h3>We did</h3><p>We carried out patrols to stop speeding drivers.</p></div>
</body></html>`
	res, err := newExtractor(t, Config{}).Extract("cards.html", []byte(cards))
	require.NoError(t, err)
	require.Len(t, res.Events, 1)
	e := res.Events[0]
	require.Equal(t, []string{"off_road_bikes"}, e.Themes)
	require.Equal(t, "E05001552", e.WardCode)
	require.Equal(t, "period", e.Precision)
	require.Equal(t, "2019-04-01", e.Period.Start)
	require.Equal(t, "2019-06-30", e.Period.End)
}

func TestQuoteAndSubjectCues(t *testing.T) {
	for _, s := range []string{
		`Jean Walker, who has lived on the estate for 30 years, said: "Every night there are lads on motorbikes."`,
	} {
		require.True(t, quoteCue(s), s)
		require.True(t, isConcern(s, true), s)
		require.False(t, isConcern(s, false), "a quotation counts only at a meeting: %s", s)
	}
	for _, s := range []string{
		`Barry Coppinger said: "Off-road bikes make people's lives a misery."`,
		`Inspector Dave Clarke said: "A bike team will be working here."`,
		`Cllr Lee said: "Speeding is down."`,
	} {
		require.False(t, quoteCue(s), s)
	}
	for _, s := range []string{"Others at the meeting brought up a spate of burglaries.", "Traders talked about the cost of shop theft."} {
		require.True(t, isConcern(s, false), s)
	}
}

// TestCuelessConcern: at a meeting, a sentence with a theme and no cue word
// is a concern unless it is the police's, the council's or the PCC's own
// account, action or promise, or the sentence telling the meeting.
func TestCuelessConcern(t *testing.T) {
	for _, s := range []string{"Youngsters riding motorbikes through the estate took up most of the evening.",
		"Top of the list was the speed of traffic on Dalby Way.",
		"Others wanted to know why the police station had closed."} {
		require.True(t, cuelessConcern(s), s)
	}
	for _, s := range []string{"Mr Coppinger said he would ask for speed checks.",
		"The neighbourhood inspector explained that extra patrols had been put on at night.",
		"Inspector Clarke said a dedicated off-road bike team would be working in the area.",
		"Patrols have been stepped up on Southfield Road.",
		"He will raise drug dealing with the Chief Constable.",
		"There were no concerns about speeding.",
		"On 4 July the Commissioner attended the Hemlington ward meeting on drugs.",
		"Residents were told that burglaries had fallen over the summer.",
		"Speaking afterwards, Inspector Jane Hall said drug dealing was a priority.",
		"Figures showed anti-social behaviour down 12% on last year.",
		"The evening began with a presentation on the force's work against county lines.",
		"Burglaries in the ward fell by a third last year.",
		"If you want to report drug dealing, call 101 or Crimestoppers anonymously."} {
		require.False(t, cuelessConcern(s), s)
	}
}

// TestFundedIsNoConcern: what an official has funded or paid for, even in
// a clause after a place ("X is one of the estates where the council has
// funded ..."), is their provision, not a concern raised; residents'
// own complaints about patrols stay concerns.
func TestFundedIsNoConcern(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Eston is one of the areas where the PCC has funded additional patrols over the summer.", false},
		{"Thornaby was among the towns where the force had already paid for more officers on foot.", false},
		{"Extra patrols on the estate were funded by the Commissioner's office.", false},
		{"Residents in Park End feel they never see a patrol after dark.", true},
		{"Several people wanted more patrols on the estate at weekends.", true},
		{"Kids on bikes are a nuisance on the estate, and nobody has paid any attention.", true},
	} {
		require.Equal(t, tt.want, cuelessConcern(tt.s), tt.s)
	}
}

// TestCrimeFiguresAreNoConcern: the police's count of crimes recorded in
// an area ("Sam told us 14 crimes had been recorded in the village in
// June, including two burglaries") and a comparison with a period before
// ("fewer than in June last year") are figures, not what residents raised;
// residents' own counts and comparisons stay concerns.
func TestCrimeFiguresAreNoConcern(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Sam told us that 14 crimes had been recorded in the village in June, including two burglaries.", false},
		{"Twenty-two incidents of anti-social behaviour were logged in May, which is lower than in May last year.", false},
		{"8 burglaries were reported on the estate over the summer.", false},
		{"Shed break-ins were up on the same period last year.", false},
		// the public's own numbers and comparisons
		{"One couple said their car had been broken into 3 times since Easter.", true},
		{"Residents said the speeding was worse than last year.", true},
		{"Parents counted more than 20 cars parked on the zigzags outside the school.", true},
	} {
		require.Equal(t, tt.want, cuelessConcern(tt.s), tt.s)
	}
}

// TestLaterInTheMonthIsTheStorysMonth: in a report written after its
// period, "Later in the month he went to the Fairfield PACT meeting on the
// 26th" after a meeting told on 9 February is February's (the 26th, or the
// month without a day), not the month the report is dated in. "Later this
// month" is the writer's own month and is not moved.
func TestLaterInTheMonthIsTheStorysMonth(t *testing.T) {
	const head = "Report of the Commissioner to the Panel, 4 April 2013\n\n"
	const hartburn = "On 9 February the Commissioner attended the Hartburn ward meeting, where residents raised speeding.\n\n"
	tests := []struct{ body, want string }{
		{hartburn + "Later in the month he went to the Fairfield PACT meeting on the 26th, where residents raised burglary.", "meeting 2013-02-26 E05001534 burglary_theft"},
		{hartburn + "Later in the month he went to the Fairfield PACT meeting, where residents raised burglary.", "meeting 2013-02-01 E05001534 burglary_theft"},
		{"In February the Commissioner attended the Hartburn ward meeting, where residents raised speeding.\n\nLater in the month he went to the Fairfield PACT meeting, where residents raised burglary.", "meeting 2013-02-01 E05001534 burglary_theft"},
		// (must not fire: the writer's own month)
		{hartburn + "Later this month he went to the Fairfield PACT meeting, where residents raised burglary.", "meeting 2013-04-01 E05001534 burglary_theft"},
	}
	for _, tt := range tests {
		require.Contains(t, summary(t, head+tt.body+"\n"), tt.want, tt.body)
	}
}

// TestWardMeetingClauseOwnMonth: of two ward meetings a sentence tells, one
// written with a month of its own ("at the Eston ward meeting in March and
// again at the Normanby ward meeting on 2 April") is that month's, not the
// other's day; the ones naming no date of their own share the sentence's day.
func TestWardMeetingClauseOwnMonth(t *testing.T) {
	tests := []struct {
		sent string
		want []string
	}{
		{"Residents spoke to the Commissioner at the Eston ward meeting in March and again at the Normanby ward meeting on 2 April.",
			[]string{"meeting 2019-03-01 E05001508 ", "meeting 2019-04-02 E05001517 "}},
		// (no month of its own: the sentence's day for both)
		{"Residents spoke to the Commissioner at the Eston ward meeting and again at the Normanby ward meeting on 2 April.",
			[]string{"meeting 2019-04-02 E05001508 ", "meeting 2019-04-02 E05001517 "}},
		// (the month is the day's own: one day for both)
		{"Residents spoke to the Commissioner at the Eston ward meeting and at the Normanby ward meeting on 2 April, as every April.",
			[]string{"meeting 2019-04-02 E05001508 ", "meeting 2019-04-02 E05001517 "}},
	}
	for _, tt := range tests {
		got := summary(t, "Posted on Friday 12 April 2019\n\n"+tt.sent+"\n")
		require.Equal(t, tt.want, got, tt.sent)
	}
}

// TestGeneralisationRules: a sentence naming two ward meetings on its one
// day is two meetings; "earlier that afternoon" is the day of the meeting
// told before; under a bare "MINUTES" heading the first meeting is the
// record's, so the numbered issues after it are its concerns, with no cue.
func TestGeneralisationRules(t *testing.T) {
	doc := `Report to the Police and Crime Panel, 5 September 2017

1.1 This report covers July and August 2017.

2.2 He attended two meetings on the evening of 11 July: the Dormanstown ward meeting, where drivers speed along Westfield Way, and the Kirkleatham ward meeting, at which break-ins to garden sheds were the main subject.
`
	require.Equal(t, []string{
		"meeting 2017-07-11 E05001507 speeding",
		"meeting 2017-07-11 E05001512 burglary_theft",
		"concern 2017-07-11 E05001507 speeding",
		"concern 2017-07-11 E05001512 burglary_theft",
	}, summary(t, doc))

	news := `Saltburn meeting hears of scams

Posted 14 November 2019

Thirty people came to the Saltburn ward community meeting on Tuesday 12 November.

Earlier that afternoon the Commissioner had called in at the Skelton coffee morning, where older residents told him about people pretending to be from their bank.
`
	got := summary(t, news)
	require.Contains(t, got, "meeting 2019-11-12  fraud_scams")
	require.Contains(t, got, "concern 2019-11-12  fraud_scams")

	minutes := `PARK WARD RESIDENTS' ASSOCIATION

MINUTES

Meeting held on Thursday 11 March 2021 at 6.30pm

4. Residents' issues

a) Cars blocking the footpath on Parliament Road.
b) Teenagers hanging about outside the shop.

5. Police update

Patrols have been stepped up on Southfield Road.
`
	require.Equal(t, []string{
		"meeting 2021-03-11 E05009869 antisocial_behaviour,parking_traffic",
		"concern 2021-03-11 E05009869 parking_traffic",
		"concern 2021-03-11 E05009869 antisocial_behaviour",
	}, summary(t, minutes))
}

// TestRelativeDayOpensMeeting: a sentence opening with a relative day
// tells a meeting when it names one surely ("community meeting"), not when
// its only meeting-like word is "a group".
func TestRelativeDayOpensMeeting(t *testing.T) {
	doc := `Hemlington residents quiz the Commissioner

Posted on Friday 7 July 2017

On Tuesday, more than forty residents crammed into St Mary's church hall to quiz Police and Crime Commissioner Barry Coppinger at the Hemlington ward community meeting.

On Wednesday a group of teenagers smashed the windows of the shop.
`
	require.Equal(t, []string{"meeting 2017-07-04 E05009859 "}, summary(t, doc))
}

// TestRecordAndTitlePlaces: the minutes' own line names their venue, not
// whose meeting it was; a day told as "the following evening" is the day
// after the meeting told before.
func TestRecordAndTitlePlaces(t *testing.T) {
	minutes := `HUTTON WARD POLICE AND COMMUNITY MEETING

Minutes of the meeting held on Wednesday 18 September 2019 at Sunnyfield House, Guisborough

Item 3 - Matters raised by residents
- Motorbikes tearing up the bridleways at weekends.
`
	require.Equal(t, []string{
		"meeting 2019-09-18 E05012444 off_road_bikes",
		"concern 2019-09-18 E05012444 off_road_bikes",
	}, summary(t, minutes))

	news := `Grangetown meeting

Friday 13 March 2015

Drug dealing was the main concern when around 50 people attended Grangetown's community meeting with the Commissioner on Tuesday night.

The following evening the Commissioner was in South Bank for a meeting of the traders' association, where shopkeepers complained about shoplifting.
`
	require.Equal(t, []string{
		"meeting 2015-03-10 E05001509 drugs",
		"concern 2015-03-10 E05001509 drugs",
		"meeting 2015-03-11 E05001522 burglary_theft",
		"concern 2015-03-11 E05001522 burglary_theft",
	}, summary(t, news))
}

// TestProbe2Rules: a heading ending "– Minutes" and a "Date:" line make the
// record's meeting; a venue named after a town places a meeting in it; a
// concern told again at its meeting is one concern; "met X ward
// councillors" is a meeting; a petition is a concern.
func TestProbe2Rules(t *testing.T) {
	minutes := `# Village Ward Residents' Forum – Minutes

**Date:** Tuesday 8 November 2022 **Venue:** Thornaby Library

## 3. Residents' questions

1. Fireworks are being let off in the street until late at night.
`
	require.Equal(t, []string{
		"meeting 2022-11-08 E05001550 antisocial_behaviour",
		"concern 2022-11-08 E05001550 antisocial_behaviour",
	}, summary(t, minutes))

	report := `Report to the Police and Crime Panel, 12 April 2016

1.1 This report covers February and March 2016.

3.2 On 16th February he held a surgery at Redcar Library. Two residents came to see him about repeated thefts from their allotments.

3.3 On 1st March he met Kader ward councillors, who said residents were worried about drug dealing. Another councillor said dealing from a house on the estate was the main worry.

3.4 During March the Commissioner also received a petition from Ormesby residents about off-road bikes along the beck.
`
	require.Equal(t, []string{
		"meeting 2016-02-16  burglary_theft",
		"concern 2016-02-16  burglary_theft",
		"meeting 2016-03-01 E05009860 drugs",
		"concern 2016-03-01 E05009860 drugs",
		"concern 2016-03-01 E05001518 off_road_bikes",
	}, summary(t, report))
}

// TestPoliceItemsAndTitles: in minutes, an item labelled as the police's
// report is quiet (no concern without a cue) but a cue in it still counts;
// a title naming a police team is no police update.
func TestPoliceItemsAndTitles(t *testing.T) {
	minutes := `LINTHORPE COMMUNITY COUNCIL

Minutes of meeting, Monday 4th June 2018, 7.00pm

2. POLICE MATTERS PC Field gave the crime figures. Speed checks on the main road found 14 drivers over the limit. Members raised concerns about drug dealing in the back alleys.
`
	require.Equal(t, []string{
		"meeting 2018-06-04 E05009862 drugs",
		"concern 2018-06-04 E05009862 drugs",
	}, summary(t, minutes))

	post := `Ormesby Neighbourhood Police Team

Posted 3 September 2020 at 18:42

Thanks to everyone who came to our street surgery outside Ormesby Library yesterday afternoon! You told us about:

- cars speeding down Church Lane when the school is out
`
	require.Equal(t, []string{
		"meeting 2020-09-02 E05012451 speeding",
		"concern 2020-09-02 E05012451 speeding",
	}, summary(t, post))
}

// TestSummaryColumnAndCouncillorTitle: a table's "Summary" column gives the
// concerns it states (not "Discussion of ..."); "X ward councillor" names
// whom a speaker represents, not the concern's place.
func TestSummaryColumnAndCouncillorTitle(t *testing.T) {
	report := `Report of the Police and Crime Commissioner, 12 July 2022

The table below summarises engagement between May and June 2022.

| Date | Engagement | Summary |
|---|---|---|
| 10 May | Normanby ward community meeting | Speeding on Normanby Road was the main subject. |
| 7 June | Normanby ward surgery | Discussion of the new neighbourhood team. |
`
	require.Equal(t, []string{
		"meeting 2022-05-10 E05012450 speeding",
		"concern 2022-05-10 E05012450 speeding",
		"meeting 2022-06-07 E05012450 ",
	}, summary(t, report))

	news := `Thornaby meeting

16 June 2021

Dozens of residents turned up to a public meeting at Thornaby Town Hall on Monday 14 June to meet the Commissioner.

Mandale and Victoria ward councillor Sam Jones said residents were fed up with drivers parking on the pavements.
`
	require.Equal(t, []string{
		"meeting 2021-06-14  parking_traffic",
		"concern 2021-06-14  parking_traffic",
	}, summary(t, news))
}

// TestLabelledCardsAndColumns: a card of labelled fields is a table row;
// "Main points" and "Feedback from residents" columns hold the concerns.
func TestLabelledCardsAndColumns(t *testing.T) {
	doc := `Report to the Police and Crime Panel, 5 February 2019

**Ward:** Hutton
**Date:** 8 January 2019
**Issues:** speeding on Hutton Lane

| Ward | When | Main points |
|---|---|---|
| Eston | 29 January | Youths on quad bikes on the hills |

| Meeting | Date | Feedback from residents |
|---|---|---|
| Grangetown ward meeting | 30 January | Drug dealing from a flat |
`
	require.Equal(t, []string{
		"meeting 2019-01-08 E05001511 speeding",
		"concern 2019-01-08 E05001511 speeding",
		"meeting 2019-01-29 E05001508 off_road_bikes",
		"concern 2019-01-29 E05001508 off_road_bikes",
		"meeting 2019-01-30 E05001509 drugs",
		"concern 2019-01-30 E05001509 drugs",
	}, summary(t, doc))
}

// TestMeetingHeadings: a heading that names a meeting and its day is that
// meeting and the paragraphs under it its story; a ward heading with its
// day on the line under it likewise; a document's title over its date line
// is no meeting.
func TestMeetingHeadings(t *testing.T) {
	doc := `Cleveland Police and Crime Panel

5 February 2019

### Hutton ward meeting – 8 January

Speeding on Hutton Lane was the main concern. Two residents came to talk about drug dealing near the shops.

### Eston ward

22 January

Residents raised nuisance motorbikes on the hills.
`
	require.Equal(t, []string{
		"meeting 2019-01-08 E05001511 drugs,speeding",
		"concern 2019-01-08 E05001511 speeding",
		"concern 2019-01-08 E05001511 drugs",
		"meeting 2019-01-22 E05001508 off_road_bikes",
		"concern 2019-01-22 E05001508 off_road_bikes",
	}, summary(t, doc))
}

// TestOfficialsOwnView: an official's sentence with a cue word is his own
// view, unless it tells what the public raised.
func TestOfficialsOwnView(t *testing.T) {
	require.False(t, isConcern("Steve Turner, Cleveland's Police and Crime Commissioner, said anti-social behaviour was his top concern.", true))
	require.True(t, isConcern("Speaking afterwards, Mr Turner said residents had raised concerns about speeding.", true))
	require.False(t, cuelessConcern("Steve Turner, Cleveland's Police and Crime Commissioner, said anti-social behaviour was his priority."))
}

// TestProbe4Rules: a title naming a ward's meeting makes its "Date:" line
// the meeting; a report heading's one month is its period, and an entry
// after it with no verb of attending is planned; a heading's year dates
// its months ("Summer 2017 (July – September)").
func TestProbe4Rules(t *testing.T) {
	notes := `NEWCOMEN WARD RESIDENTS' MEETING
Held via Microsoft Teams

Date: Thursday 15 October 2020, 6pm

Residents raised:
1) motorbikes being ridden along the promenade at night
`
	require.Equal(t, []string{
		"meeting 2020-10-15 E05012449 off_road_bikes",
		"concern 2020-10-15 E05012449 off_road_bikes",
	}, summary(t, notes))

	report := `**Police and Crime Panel – 23 June 2015**

# Programme of Engagement: May 2015

- **12 May** – Grangetown ward meeting

## June

- 9 June – Park End & Beckfield ward meeting
`
	require.Equal(t, []string{"meeting 2015-05-12 E05001509 "}, summary(t, report))

	cards := `# Stainton and Thornton ward

Last updated 6 October 2017

## Summer 2017 (July – September)

### You said

Garden equipment and tools being stolen from sheds.
`
	require.Equal(t, []string{"concern 2017-07-01 E05009871 burglary_theft"}, summary(t, cards))
}

// TestMonthRowsInTables: a table row that spans the table with a month
// dates the rows under it that give only the day.
func TestMonthRowsInTables(t *testing.T) {
	doc := `Report to the Police and Crime Panel, 14 November 2019

| Date | Meeting | Issues |
|---|---|---|
| September 2019 | | |
| 10th | Hutton ward meeting | Speeding on Hutton Lane |
| October 2019 | | |
| 8th | Zetland ward meeting | Graffiti on the seafront |
`
	require.Equal(t, []string{
		"meeting 2019-09-10 E05012444 speeding",
		"concern 2019-09-10 E05012444 speeding",
		"meeting 2019-10-08 E05012460 criminal_damage",
		"concern 2019-10-08 E05012460 criminal_damage",
	}, summary(t, doc))
}

// TestSeasonYearAndWhatYouToldUs: a newsletter's "Autumn 2018" dates its
// days written without a year; "What you told us:" is a cue.
func TestSeasonYearAndWhatYouToldUs(t *testing.T) {
	newsletter := `WESTWORTH WARD NEWSLETTER
Autumn 2018

Our last ward surgery, on Saturday 15 September at the Westworth Community Centre, was the busiest yet. The main complaints were cars parked on the grass verges along Broadway.
`
	require.Equal(t, []string{
		"meeting 2018-09-15 E05001525 parking_traffic",
		"concern 2018-09-15 E05001525 parking_traffic",
	}, summary(t, newsletter))

	rows := `# Coulby Newham

## October to December 2021

What you told us: burglaries at homes on the Parkway estate. What we're doing: crime prevention visits.
`
	require.Equal(t, []string{"concern 2021-10-01 E05009858 burglary_theft"}, summary(t, rows))
}

// TestPublicationLines: a page states its publication date in a line of its
// own that need not open with the verb ("This article was published on ...")
// or in a press release's "For immediate release:" line under the sender;
// relative days are anchored on it. A long sentence that mentions
// publishing is no publication line.
func TestPublicationLines(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"Commissioner visits Throston\n\nYesterday the Commissioner met residents at the Throston ward meeting.\n\nThis article was published on 24 June 2021\n", "2021-06-24"},
		{"PRESS RELEASE\nOffice of the Police and Crime Commissioner\nFor immediate release: Friday 10 July 2015\n\nYesterday the Commissioner met residents at the Saltburn ward meeting.\n", "2015-07-10"},
		{"Saltburn news\n\nThe council published its plan on 3 March 2015 after residents asked for it at the Saltburn ward meeting yesterday.\n", ""},
	} {
		res, err := newExtractor(t, Config{}).Extract("pub.txt", []byte(tt.doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tt.want, got, tt.doc)
	}
}

// TestMessageOwnDatesAreNoMeetings: the days a message gives itself are
// no meeting's, whatever meeting it names beside them: a blog's byline with
// its writer and category, an e-mail's pasted headers (sent date and a
// subject naming the meeting the body tells), a quoted reply's attribution
// with its time. A "Date:" line of minutes (no From/To fields), and "On
// <day>, X wrote:" with no time, keep their day.
func TestMessageOwnDatesAreNoMeetings(t *testing.T) {
	for _, tt := range []struct{ doc, gone, kept string }{
		{"Saltburn residents' page\n\nPosted by Jan Orde on 3rd March 2019 in Meetings\n\nThe Saltburn ward meeting was held on Monday 25th February 2019 at the library, where residents raised speeding on the coast road.\n", "2019-03-03", "2019-02-25"},
		{"# Saltburn round-up\n\n*Posted by Cllr Jan Orde, Saltburn ward, Redcar and Cleveland Borough Council - 3 March 2019*\n\nThe Saltburn ward meeting was held on Monday 25th February 2019 at the library, where residents raised speeding on the coast road.\n", "2019-03-03", "2019-02-25"},
		{"From: Jan Orde <jan@example.org>\nTo: Members <members@example.org>\nDate: Tue, 5 Mar 2019 09:10:00 +0000\nSubject: Notes from Monday's meeting\n\nHi all,\n\nAt the Saltburn ward meeting on Monday 4th March, residents raised dog fouling on the promenade.\n", "2019-03-05", "2019-03-04"},
		{"Hi all, see the reminder below.\n\nJan\n\nOn Fri, 1 Mar 2019 at 17:45, Jan Orde <jan@example.org> wrote:\n> Reminder: the Saltburn ward meeting is on Monday 4th March 2019 at the library.\n", "2019-03-01", "2019-03-04"},
		{"On 01/03/2019 17:45, Saltburn Residents' Association wrote:\n> Dear all,\n", "2019-03-01", ""},
		// not fired: minutes' own date line, and a chair's words with no time
		{"Minutes of the Saltburn ward meeting\n\nDate: Monday 4 March 2019 Venue: Saltburn Library\n\nResidents raised speeding on the coast road.\n", "", "2019-03-04"},
		{"Saltburn news, 6 March 2019\n\nOn Monday 4th March 2019, the chair of the Saltburn ward meeting wrote: residents want more patrols on the promenade.\n", "", "2019-03-04"},
	} {
		var meetings []string
		for _, s := range summary(t, tt.doc) {
			if strings.HasPrefix(s, "meeting ") {
				meetings = append(meetings, strings.Fields(s)[1])
			}
		}
		if tt.gone != "" {
			require.NotContains(t, meetings, tt.gone, tt.doc)
		}
		if tt.kept != "" {
			require.Contains(t, meetings, tt.kept, tt.doc)
		}
	}
}

// TestNotesFromTheMeetingHeld: a post whose opening paragraph, under its
// title and byline, says it gives "the notes from the <meeting> held on
// <day>" is that meeting's record: the items under its later headings are
// raised there. Deeper in a page, or "notes from" no meeting held, it is
// not.
func TestNotesFromTheMeetingHeld(t *testing.T) {
	body := "Police update\n\nThe sergeant gave the figures for December.\n\nWhat people raised\n\n- Cars racing along the main road late at night.\n- Dog mess all over the school field.\n"
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{"Hartburn Residents Group\n\nPosted by Jo Bell on 2nd February 2016\n\nHere are the notes from the Hartburn ward community meeting held on Thursday 28th January at the church hall.\n\n" + body,
			[]string{"meeting 2016-01-28 E05001537 environmental,speeding", "concern 2016-01-28 E05001537 speeding", "concern 2016-01-28 E05001537 environmental"}},
		// not fired: the same line after three paragraphs of other news
		{"Hartburn Residents Group\n\nPosted by Jo Bell on 2nd February 2016\n\nThe hall roof is mended.\n\nThe new bins are in.\n\nHere are the notes from the Hartburn ward community meeting held on Thursday 28th January at the church hall.\n\n" + body,
			[]string{"meeting 2016-01-28 E05001537 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.doc)
	}
}

// TestSinceClauseAndMetNamedResidents: "met Throston residents" is a
// meeting (a place's name between "met" and "residents"), and a month in a
// "since" clause ("since being elected in May") dates something else, not
// the meeting the next paragraph calls "the meeting".
func TestSinceClauseAndMetNamedResidents(t *testing.T) {
	doc := `Commissioner hears from Throston

Speeding drivers were top of the list when the Commissioner met Throston residents earlier this month.

The meeting, held outdoors at the community garden, was one of the first events the Commissioner has attended since being elected in May.

This article was published on 24 June 2021
`
	require.Equal(t, []string{
		"meeting 2021-06-01 E05013048 speeding",
		"concern 2021-06-01 E05013048 speeding",
	}, summary(t, doc))
	require.Len(t, sinceDropped("attended since being elected in May", dates.Find("attended since being elected in May")), 0)
	require.Len(t, sinceDropped("met on 5 May, since elected", dates.Find("met on 5 May, since elected")), 1)
	// an election's or a boundary change's month in its own clause
	for _, s := range []string{
		"the first meetings held on the new ward boundaries, which came into force at the elections in May",
		"meetings in the new wards, created at the council elections in May, as part of the programme",
		"Ropner is one of the wards created in May when the boundaries were redrawn",
		"the town's ward boundaries were changed in May 2019",
		"meeting residents in two of the wards created at last month's boundary changes",
		"the first meeting since May's council elections",
	} {
		require.Len(t, sinceDropped(s, dates.Find(s)), 0, s)
	}
	for _, s := range []string{
		"the ward meeting in May, after the elections",
		"the new boundaries came in, and the ward meeting was held in May",
		"the wards created in 2023 met again on 5 May",
		"the new ward met in May",
		"he met residents last month, before the boundary changes",
	} {
		require.Len(t, sinceDropped(s, dates.Find(s)), 1, s)
	}
}

// TestOfficeStartDropped: a clause telling when someone took office or
// was sworn in, or when a rule came into force ("the Commissioner, who
// took office on 3 May, ..."; "since the new wards came into force in
// May") dates that start, not a meeting; a meeting's own date in the same
// sentence, after it, is kept.
func TestOfficeStartDropped(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"The new Commissioner, who took office on 9 May, chaired a forum at the library on Friday 20 June.", 1},
		{"the mayor took up office in May", 0},
		{"She was sworn in on 14 November", 0},
		{"the first ward meeting held since the revised boundaries came into force in May", 0},
		{"the dispersal order, which is coming into effect on 2 March", 0},
		// not a start of office or of a rule: kept
		{"the office meeting took place on 9 May", 1},
		{"the ward forum came together on 9 May", 1},
		{"residents met in force on 9 May at the hall", 1},
	} {
		require.Len(t, sinceDropped(tt.s, dates.Find(tt.s)), tt.want, tt.s)
	}
	doc := `Commissioner meets Hemlington residents

Cleveland's Commissioner, who took office on 16th May, held her first community meeting at Hemlington Community Centre on Wednesday 4th June.

Residents raised speeding cars on the main road.

Published 10 June 2025
`
	require.Equal(t, []string{
		"meeting 2025-06-04 E05009859 speeding",
		"concern 2025-06-04 E05009859 speeding",
	}, summary(t, doc))
}

// TestFollowingNightAndAcrossTheWeek: "The following night, at the Loftus
// ward meeting, ..." in the paragraph of the meeting before is the day
// after it; "the talk was of ..." is what residents raised; a paragraph
// that opens "Across the week" speaks of the range the document gave, not
// of the meeting told last.
func TestFollowingNightAndAcrossTheWeek(t *testing.T) {
	doc := `PRESS RELEASE
For immediate release: Friday 10 July 2015

The Commissioner has spent this week, from Monday 6 to Friday 10 July, in Redcar and Cleveland.

On Monday he met the Brotton ward community group, where residents complained about speeding on the main road. The following night, at the Loftus ward meeting, the talk was of a family whose noise and late-night parties had made neighbours' lives a misery.

Yesterday he held a surgery at Saltburn library for Saltburn ward residents, who complained about drug dealing.

Across the week, the point people came back to was that they rarely see police officers in Redcar and Cleveland.
`
	require.Equal(t, []string{
		"meeting 2015-07-06 E05001505 speeding",
		"meeting 2015-07-07 E05001514 antisocial_behaviour",
		"concern 2015-07-06 E05001505 speeding",
		"concern 2015-07-07 E05001514 antisocial_behaviour",
		"meeting 2015-07-09 E05001520 drugs",
		"concern 2015-07-09 E05001520 drugs",
		"concern 2015-07-06  visible_policing",
	}, summary(t, doc))
}

// TestOrdinalDaysAndMeetingsInOrder: a head that gives only the month of
// the days written after it is no entry; a clause naming no place of its
// own takes the sentence's authority, not a ward another clause names; a
// venue ("Middleton Grange shopping centre") is no place outside
// Cleveland; "at the first", "at the second" link concerns in order; a
// day as an ordinal alone takes the month before it.
func TestOrdinalDaysAndMeetingsInOrder(t *testing.T) {
	doc := `Report of the Police and Crime Commissioner, 7 November 2017

1.1 This report covers engagement between 1 September and 31 October 2017.

3.1 The Commissioner was at the Park End & Beckfield ward meeting on the 5th September and at the Ladgate ward meeting on the 6th. At the first of these, scrambler bikes on the old railway line dominated the evening; at Ladgate, people were most worried about cannabis being grown.

3.5 Two drop-in surgeries were held in Hartlepool during October: at Seaton Carew library, in Seaton ward, on the 10th, and at Middleton Grange shopping centre in the town centre on the 24th. Fly-tipping in the back lanes was the topic at the first. At the second, shoppers told him about shoplifting.
`
	require.Equal(t, []string{
		"meeting 2017-09-05 E05009870 off_road_bikes",
		"meeting 2017-09-06 E05009861 drugs",
		"concern 2017-09-05 E05009870 off_road_bikes",
		"concern 2017-09-06 E05009861 drugs",
		"meeting 2017-10-10 E05008951 environmental",
		"meeting 2017-10-24  burglary_theft",
		"concern 2017-10-10 E05008951 environmental",
		"concern 2017-10-24  burglary_theft",
	}, summary(t, doc))
}

// TestOrdinalOfALengthOfTime: "in the last month", "for the first few
// weeks" are lengths of time, no meeting named by its order, so a clause
// naming its meeting's place keeps that meeting; "at the last of these",
// "at the second" still pick by order.
func TestOrdinalOfALengthOfTime(t *testing.T) {
	a := &meetingCtx{name: "Linthorpe"}
	b := &meetingCtx{name: "Park End"}
	c := &meetingCtx{name: "Hemlington"}
	ms := []*meetingCtx{a, b, c}
	for _, tt := range []struct {
		clause string
		want   *meetingCtx
	}{
		{"In Linthorpe, residents raised three sheds broken into in the last month.", a},
		{"In Park End, tenants said lads had gathered by the shops for the last few weeks.", b},
		{"In Hemlington people said vans had been parked on verges for the first time.", c},
		// still an order
		{"At the last of these, speeding came up.", c},
		{"At the second, people spoke about litter.", b},
		{"In Park End the talk at the first meeting was of litter.", a},
	} {
		got, ok := link(tt.clause, "", ms)
		require.True(t, ok, tt.clause)
		require.Same(t, tt.want, got, tt.clause)
	}
}

// TestConcernsInTheParagraphAfterSeveralMeetings: a paragraph listing
// meetings by place with their days in brackets, then one telling each
// meeting's concerns by its place: each concern is its named meeting's
// (the common-word ward "Kader" read where only a place can stand).
func TestConcernsInTheParagraphAfterSeveralMeetings(t *testing.T) {
	doc := `REPORT OF THE POLICE AND CRIME COMMISSIONER

2 February 2016

PROGRAMME OF ENGAGEMENT: DECEMBER 2015 TO JANUARY 2016

2.1 Before Christmas the PCC attended meetings in Kader (1st December) and Stockton Town Centre (10th December).

2.2 Kader residents were unhappy about a group of teenagers who gather at the shops. At the Stockton Town Centre meeting, traders spoke about people injecting drugs in the doorways.
`
	require.Equal(t, []string{
		"meeting 2015-12-01 E05009860 antisocial_behaviour",
		"meeting 2015-12-10 E05001549 drugs",
		"concern 2015-12-01 E05009860 antisocial_behaviour",
		"concern 2015-12-10 E05001549 drugs",
	}, summary(t, doc))
}

// TestMinutesOfTheLastMeetingAndAttendees: in minutes, an item "Minutes of
// the last meeting (13 June 2019)" is the earlier meeting's record, not a
// meeting, so the residents' issues stay the record's own meeting's; the
// "Present:" list is who came, not a concern; "Mrs K. Ward described ..."
// under a heading of residents' issues is a resident's concern.
func TestMinutesOfTheLastMeetingAndAttendees(t *testing.T) {
	doc := `COATHAM WARD COMMUNITY MEETING

Minutes of the meeting held on Thursday 12th September 2019 at 6.30pm in the Coatham Community Hall, Redcar

Present: Cllr J. Arnott (Chair), PC Dawson and PCSO Heslop, 17 residents

2. MINUTES OF THE LAST MEETING (13 June 2019)

The minutes of the meeting held on 13th June 2019 were agreed as a true record.

4. RESIDENTS' ISSUES

4.1 Mrs K. Ward described the parking during the summer as a free-for-all.

4.2 Concern was expressed about the amount of litter in the back alleys.
`
	require.Equal(t, []string{
		"meeting 2019-09-12 E05012439 environmental,parking_traffic",
		"concern 2019-09-12 E05012439 parking_traffic",
		"concern 2019-09-12 E05012439 environmental",
	}, summary(t, doc))
}

// TestForumNotesPoints: the "In attendance:" list is no concern; traffic
// "far faster than the 30 limit" is speeding only (the bare word
// "traffic" is no second theme); a point a visitor makes about a place
// "over the boundary in North Yorkshire" is no Cleveland concern.
func TestForumNotesPoints(t *testing.T) {
	doc := `Nunthorpe Ward Residents' Forum

## Notes of the meeting on Tuesday 21st January 2020, 7.00pm, St Mary's Church Hall

In attendance: Forum committee (8), ward councillors (2), PCSO Karen Lowe, around 35 residents.

Residents put the following points to the Commissioner:

- Traffic comes through on Stokesley Road far faster than the 30 limit, especially near the school crossing.

A visitor from Great Ayton, just over the boundary in North Yorkshire, said that quad bikes and trailers had been stolen from farms there.
`
	require.Equal(t, []string{
		"meeting 2020-01-21 E05009868 speeding",
		"concern 2020-01-21 E05009868 speeding",
	}, summary(t, doc))
}

// TestYouSaidDefinitionListUnderPageChrome: a force page whose menus come
// before its title ("South Bank Neighbourhood Policing Team") still has
// that title's ward, which places the "You said" entries of a definition
// list for the quarter; drugs dealt "from cars parked near the school"
// are no parking concern.
func TestYouSaidDefinitionListUnderPageChrome(t *testing.T) {
	page := `<html><body>
<div class="header"><a href="/">Cleveland Police</a>
<ul><li><a href="/report">Report it</a></li><li><a href="/contact">Contact us</a></li><li><a href="/apply">Apply for it</a></li><li><a href="/jobs">Join us</a></li></ul></div>
<h1>South Bank Neighbourhood Policing Team</h1>
<ul><li><a href="#team">Your team</a></li><li><a href="#p">Priorities</a></li></ul>
<h2>You said, we did: January to March 2018</h2>
<p>Each quarter we ask people living and working in the area what matters most to them, at our street surgeries, online and at community meetings.</p>
<dl><dt>You said</dt><dd>People are dealing drugs from cars parked near the primary school.</dd>
<dt>We did</dt><dd>Three vehicles were stopped and searched.</dd></dl>
<p>Page last updated: 9 April 2018</p>
</body></html>`
	res, err := newExtractor(t, Config{}).Extract("ysywd.html", []byte(page))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"concern period:2018-01-01/2018-03-31 E05001522 drugs"}, got)
}

// TestYouSaidByMonthAndWardHeadings: "you said" items under a month
// heading and a bold ward name keep the month's span and take the ward;
// "All three wards" is each ward the page covers; "Page updated:" is the
// publication line.
func TestYouSaidByMonthAndWardHeadings(t *testing.T) {
	doc := `# Stockton Central Neighbourhood Team: You Said, We Did

Our team covers **Stockton Town Centre**, **Newtown** and **Parkfield and Oxbridge** wards. Below are the issues people have brought to us, ward by ward.

### August 2022

**Newtown ward**

*You said:* lads on motorbikes are tearing up the grass at the park.

*We did:* officers patrolled the park on six evenings.

**All three wards**

*You said:* you would like to see us more often.

Page updated: 11 October 2022
`
	res, err := newExtractor(t, Config{}).Extract("ysywd.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"concern month:2022-08-01/2022-08-31 E05001541 off_road_bikes",
		"concern month:2022-08-01/2022-08-31 E05001549 visible_policing",
		"concern month:2022-08-01/2022-08-31 E05001541 visible_policing",
		"concern month:2022-08-01/2022-08-31 E05001546 visible_policing",
	}, got)
	require.Equal(t, "2022-10-11", res.Published.Format(time.DateOnly))
}

// TestResidentsToldTheCommissioner: residents telling the Commissioner
// something on a day is a meeting, and what they told him its concern;
// over months of letters ("During December and January, residents told
// the Commissioner ...") it is no meeting.
func TestResidentsToldTheCommissioner(t *testing.T) {
	doc := `# Drug dealers outside Hardwick shops, crime chief told

Published 06:00, Wednesday, 2 March 2016

Residents of the Hardwick and Salters Lane ward in Stockton told Cleveland's Police and Crime Commissioner last night that drug dealers were using the car park outside their shops.
`
	require.Equal(t, []string{
		"meeting 2016-03-01 E05001536 drugs",
		"concern 2016-03-01 E05001536 drugs",
	}, summary(t, doc))
	report := `Report of the Police and Crime Commissioner, 4 February 2014

4.1 During December and January, residents in several Hartlepool wards told the Commissioner about fireworks being let off in the streets.
`
	for _, e := range summary(t, report) {
		require.NotContains(t, e, "meeting")
	}
}

// TestConcernNamedBeforeItsMeeting: "X were the first thing people wanted
// to talk about at last Wednesday's Guisborough ward community meeting"
// is the meeting's concern; catalytic converters cut "off cars parked
// overnight" are theft, not parking.
func TestConcernNamedBeforeItsMeeting(t *testing.T) {
	doc := `# Moor tracks turned into a racetrack

Quads and scrambler bikes on the moor were the first thing people wanted to talk about at last Wednesday's Guisborough ward community meeting, which the Commissioner attended.

Several people also mentioned catalytic converters being cut off cars parked overnight on Westgate.

Posted on Monday 5th March 2018 by eastclevelandnews
`
	require.Equal(t, []string{
		"meeting 2018-02-28 E05001510 burglary_theft,off_road_bikes",
		"concern 2018-02-28 E05001510 off_road_bikes",
		"concern 2018-02-28 E05001510 burglary_theft",
	}, summary(t, doc))
}

// TestPutTheirQuestionsToTheCommissioner: people who "squeezed into" a
// centre "to put their questions to" the Commissioner met him; "the
// burning issue" is a cue; "Others were frustrated that they hardly ever
// see a police officer" is the public speaking of officers, not an
// officer speaking.
func TestPutTheirQuestionsToTheCommissioner(t *testing.T) {
	doc := `Grangetown residents meet Commissioner

Around thirty people squeezed into Grangetown Youth and Community Centre on Tuesday evening to put their questions to Police and Crime Commissioner Barry Coppinger.

Fires were the burning issue for most of those in the room. Wheelie bins have been set alight on several streets.

Others were frustrated that they hardly ever see a police officer walking through the estate, and asked where the extra officers promised for the area had gone.

Posted on Thursday 14th November 2019
`
	require.Equal(t, []string{
		"meeting 2019-11-12 E05012442 criminal_damage,visible_policing",
		"concern 2019-11-12 E05012442 criminal_damage",
		"concern 2019-11-12 E05012442 visible_policing",
	}, summary(t, doc))
}

// TestQuarterInBracketsAndPartnerList: a report's period in brackets
// ("the first quarter of 2023/24 (April to June 2023)") dates its days
// without a year; "* " Markdown bullets are list entries; a partner
// meeting before publication is held though its concern speaks of an
// operation "planned"; "met worshippers" is a meeting, and what they
// "described" its concern.
func TestQuarterInBracketsAndPartnerList(t *testing.T) {
	doc := `**Cleveland Police and Crime Panel** &middot; Agenda item 8 &middot; 18<sup>th</sup> July 2023

# Programme of Engagement

1.1 To let the Panel know about the Commissioner's engagement during the first quarter of 2023/24 (April to June&nbsp;2023).

3.4 On Tuesday 23<sup>rd</sup> May he met worshippers at a mosque in Hartlepool, who described being racially abused on their way to prayers.

## 4. Partnership meetings

* 3 May &ndash; APCC general meeting, London.
* 8 June &ndash; Safer Stockton-on-Tees Partnership, Stockton: knife crime among young people and the knife arch operation planned for the town centre.
`
	require.Equal(t, []string{
		"meeting 2023-05-23  hate_crime",
		"concern 2023-05-23  hate_crime",
		"meeting 2023-06-08  serious_violence",
		"concern 2023-06-08  serious_violence",
	}, summary(t, doc))
}

// TestThroughoutThePeriodHeardFromResidents: "Throughout the period the
// office heard from residents of X ward and Y ward about ..." is a concern
// of the report's period in each ward.
func TestThroughoutThePeriodHeardFromResidents(t *testing.T) {
	doc := `Report of the Police and Crime Commissioner, 7 November 2017

1.1 This report covers engagement between 1 September and 31 October 2017.

3.6 Throughout the period the office also heard from residents of Hemlington ward and Coulby Newham ward about cars being broken into overnight.
`
	require.Equal(t, []string{
		"concern 2017-09-01 E05009859 burglary_theft",
		"concern 2017-09-01 E05009858 burglary_theft",
	}, summary(t, doc))
}

// TestOutsideMarksAndPublicLeads: "Durham Road" and "York Road" are
// streets, not places outside Cleveland; "Some officers said ..." is
// officers speaking, not the public.
func TestOutsideMarksAndPublicLeads(t *testing.T) {
	require.True(t, outsideMarked("a visitor from Great Ayton, over the boundary in North Yorkshire"))
	require.False(t, outsideMarked("cars speeding along Durham Road and York Road at night"))
	require.True(t, publicLeadRE.MatchString("Others were frustrated"))
	require.True(t, publicLeadRE.MatchString("Some residents said"))
	require.False(t, publicLeadRE.MatchString("Some officers said"))
	// One of the crowd speaking, after a quotation or before it.
	require.True(t, subjectCueRE.MatchString(`"Nobody ever answers 101," one woman told the meeting.`))
	require.True(t, subjectCueRE.MatchString("Another older man said the lane was used as a rat run."))
	require.False(t, subjectCueRE.MatchString("A man was arrested near the shops, police said."))
	require.False(t, subjectCueRE.MatchString("One officer said patrols would be stepped up."))
}

// TestMeetingMarkedOutside: a meeting whose place the writer sets off as
// over the border (", a mile over the border in North Yorkshire") is
// outside Cleveland whatever the gazetteer has the place as, and what
// its paragraph tells was raised there, not at the meeting told before;
// an aside after a Cleveland meeting's place that marks nothing outside
// (", in the library on Westbury Street") changes nothing.
func TestMeetingMarkedOutside(t *testing.T) {
	yarm := "Published: 5 June 2023\n\nOn Monday 22 May we held the Yarm ward meeting at the library, where residents raised speeding on the High Street.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"marked outside", yarm + "The same week I went to a farm watch meeting in Kirklevington, a mile over the border in North Yorkshire, where farmers talked about hare coursing.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding"}},
		{"unknown place outside", yarm + "On Wednesday 24 May I went to a rural crime meeting in Great Ayton, across the county boundary. Farmers there were angry about hare coursing.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding", "meeting 2023-05-24  rural_crime", "concern 2023-05-24  rural_crime"}}, // (Great Ayton's, no code)
		// the place first, the meeting held there after it (placeForMeetingRE)
		{"place before meeting", yarm + "Not strictly Stockton business, but I also joined farmers over the border in Kildale for their rural watch meeting with North Yorkshire Police on the 24th, since we share many of the same problems – chiefly tractors and tools being stolen from farms round the village.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding", "meeting 2023-05-24  rural_crime", "concern 2023-05-24  rural_crime"}}, // (Kildale's, no code)
		// must not fire: a Cleveland place before its meeting, or no mark outside
		{"place before meeting inside", yarm + "On Wednesday 24 May I also joined residents in Thornaby for their ward meeting, mostly about shoplifting in the town centre.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding", "meeting 2023-05-24  burglary_theft", "concern 2023-05-24  burglary_theft"}}, // (what it was mostly about: topicConcerns)
		{"place before meeting unmarked", yarm + "Afterwards we stayed on in Yarm for the meeting's tea, where residents spoke about speeding on the High Street again.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding"}},
		// A meeting at a venue named for a place the gazetteer does not
		// know ("at Picton village hall"), in a sentence marking the
		// border, is outside, though the sentence names a Cleveland
		// town besides; what was raised there is not the Yarm meeting's.
		{"at a village venue outside", yarm + "On Thursday 25 May, with colleagues from North Yorkshire Police, we held a surgery at Picton village hall, as many Yarm farmers work land on both sides. Thefts of diesel from farms were raised.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding", "meeting 2023-05-25  rural_crime", "concern 2023-05-25  rural_crime"}}, // (Picton's, no code)
		{"at a village venue outside, one paragraph", "Published: 5 June 2023\n\nOn Monday 22 May we held the Yarm ward meeting at the library, where residents raised speeding on the High Street. On Thursday 25 May, with colleagues from North Yorkshire Police, we held a surgery at Picton village hall. Thefts of diesel from farms were raised.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding"}},
		// must not fire: the venue's place is a Cleveland one
		{"at a village venue inside", yarm + "On Thursday 25 May, with colleagues from North Yorkshire Police, we held a surgery at Thornaby community centre. Thefts of diesel from vans were raised.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding", "meeting 2023-05-25  burglary_theft", "concern 2023-05-25  burglary_theft"}},
		{"an aside inside", yarm + "On Wednesday 24 May we held a drop-in meeting in Thornaby, in the library on Westbury Street, where people spoke about shoplifting.\n",
			[]string{"meeting 2023-05-22 E05014884 speeding", "concern 2023-05-22 E05014884 speeding", "meeting 2023-05-24  burglary_theft", "concern 2023-05-24  burglary_theft"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPublicationDateCandidates: the publication date is the best scored
// of the lines that may give it: a byline's date, a "Posted on" line in a
// site footer normalise drops as chrome, a published line over a "last
// updated" one, a date alone at the foot; never a date of an entry in a
// list of related pages, nor a <time> inside one.
func TestPublicationDateCandidates(t *testing.T) {
	for _, tt := range []struct{ name, doc, want string }{
		{"byline.md", "# Residents tell PCC of drug fears\n\nBy Courier reporter · Thursday, 12 October 2017 · 3 min read\n\nResidents packed into a hub last night for the Berwick Hills and Pallister ward meeting.\n", "2017-10-12"},
		{"byline-dash.md", "# Residents meet the PCC\n\nWords by Jo Bloggs | 5 May 2019\n\nThe Commissioner met residents yesterday.\n", "2019-05-05"},
		{"footer.html", `<html><body><main><article><h1>Residents in Ropner</h1><p>On Tuesday evening the Commissioner joined residents at the Ropner ward community meeting.</p></article>
<aside class="related"><h2>Related news</h2><ul><li><a href="#">Visit</a> <time datetime="2024-03-01">1 March 2024</time></li></ul></aside></main>
<footer><p class="published">Posted on Friday 8 March 2024 in <a href="#">Community</a></p><ul><li>Posted on 1 January 2020</li></ul></footer></body></html>`, "2024-03-08"},
		{"related.md", "# Ward news\n\nThe Commissioner met residents at the Grangetown ward meeting last night.\n\n## Related news\n\n- Speed watch volunteers recognised, 26 January 2024\n- Budget agreed, 7 February 2024\n", ""},
		{"dated-list.md", "# Ward news\n\nThe Commissioner met residents at the Grangetown ward meeting last night.\n\n- Speed watch volunteers recognised\n- 26 January 2024\n- 7 February 2024\n", ""},
		{"updated.md", "# Ward news\n\nLast updated: 20 May 2019\n\nThe Commissioner met residents at the Grangetown ward meeting last night.\n\nPublished: 14 May 2019\n", "2019-05-14"},
		{"foot.md", "# Ward news\n\nThe Commissioner met residents at the Grangetown ward meeting last night, and heard about speeding on the main road and other matters of local interest.\n\nThe meeting was well attended by the community and its councillors.\n\nMore meetings follow in the autumn.\n\n14 May 2019\n", "2019-05-14"},
		{"wordpress-foot.html", `<html><body><main><article><h1>Loftus has its say</h1><p>The Commissioner came to Loftus last night for the community meeting in the Town Hall, where residents raised fireworks thrown in the street.</p>
<footer class="entry-meta">This entry was posted in News and tagged police on Wednesday 6 November 2013 by editor.</footer></article></main></body></html>`, "2013-11-06"},
		{"wordpress-foot.md", "# Loftus has its say\n\nThe Commissioner came to Loftus last night for the community meeting.\n\nThis entry was posted in Community News, Police and tagged Loftus, meetings on 6th November 2013.\n", "2013-11-06"},
		{"byline-run-on.md", "# Residents have their say\n\nBy Kirsty Pallister, Community Reporter 12:30, 11 SEP 2019 Updated 14:05, 12 SEP 2019\n\nThe Commissioner met residents at the Grangetown ward meeting last night.\n", "2019-09-11"},
		// a byline with its date on the line under it, month first,
		// run into one line when the text's hard wraps are undone
		{"byline-date-under.txt", "Speeding fears aired in Norton\n\nBy Post Staff Writer\nMonday, April 3, 2017\n\nResidents told the Norton North ward meeting last night about speeding.\n", "2017-04-03"},
		{"byline-date-under-role.txt", "Speeding fears aired in Norton\n\nBy Jo Bell, Chief Reporter\nApril 3rd, 2017 7:15 pm\n\nResidents told the Norton North ward meeting last night about speeding.\n", "2017-04-03"},
		// a sentence opening with "By", its words no name, or a byline
		// whose line goes on past the date: no byline date
		{"by-sentence.txt", "Ward news\n\nBy the end of the meeting on April 3, 2017 residents had left.\n\nResidents told the Norton North ward meeting about speeding.\n", ""},
		{"byline-date-more.txt", "Ward news\n\nBy Jo Bell\nMonday, April 3, 2017 at Norton library, a meeting\n\nResidents told the Norton North ward meeting about speeding.\n", ""},
		{"reviewed.html", "<html><body><main><h1>You said, we did</h1><p>Residents told us about speeding on the main road through the Ingleby Barwick East ward.</p><p class=\"review\">Page last reviewed: 10 July 2019</p></main></body></html>", "2019-07-10"},
		{"next-meeting.txt", "LOFTUS WARD COMMUNITY MEETING\n\nMinutes of meeting held on Wednesday 10 February 2016, Loftus Town Hall\n\nResidents complained about vandalism.\n\nNext meeting: Wednesday 11 May 2016\n", ""},
		{"date-of-next.txt", "Minutes of the General Meeting held on Thursday 7 April 2016 at the hall\n\nResidents complained about vandalism.\n\nDate of next meeting: Thursday 2 June 2016\n", ""},
		{"typed-up.txt", "MINUTES of the meeting held Tues 9th May, 7pm\n\nResidents complained about vandalism.\n\nDate of next meeting: Tues 13th June\n\n(typed up 12/5/23 by the secretary)\n", "2023-05-12"},
		{"taken-by.txt", "Minutes of meeting held Tues 8th Oct, 6.30pm\n\nResidents complained about vandalism.\n\nMinutes typed up by K. Ashby 14/10/13 - any corrections to the chair before the next meeting please.\n", "2013-10-14"},
		{"notes-taken-by.txt", "Notes of the meeting held Weds 9th May\n\nResidents complained about vandalism.\n\nNotes taken by Jo Bell (secretary) on 12 May 2023\n", "2023-05-12"},
		{"typed-by-next.txt", "Minutes of meeting held Tues 8th Oct\n\nResidents complained about vandalism.\n\nNext meeting typed up by the clerk: 12 November 2013\n", ""},
		{"issue-dash.txt", "BURN VALLEY WARD NEWS\nIssue 9 - June 2013\nNews from your ward councillors\n\nAt our meeting on Thursday 6th June residents raised speeding.\n", "2013-06-30"},
		// an issue's number and its day, run into the masthead's other
		// lines (issueDayRE); a season, or a day that does not follow
		// the number, is not the issue's day
		{"issue-day-run-on.txt", "GREATHAM WARD NEWS\nfrom your ward councillors\nCllr A. Bell * Cllr R. Hume\nIssue 7 -- 3 June 2016\n------------\n\nAt our meeting on Thursday 26th May residents raised speeding.\n", "2016-06-03"},
		{"issue-day-bar.txt", "GREATHAM WARD NEWS | Edition 22 | Friday 3 June 2016\n\nAt our meeting on Thursday 26th May residents raised speeding.\n", "2016-06-03"},
		// a typed masthead boxed by rules, its issue's day set apart by
		// spaces alone; an issue's number with words after it is not
		{"issue-day-spaced.txt", "==========\n   NUNTHORPE RESIDENTS' ASSOCIATION - NEWSLETTER\n   Issue 38                                    Monday 7 April 2025\n==========\n\nFROM THE CHAIR\n--------------\nAt our AGM in February residents raised speeding.\n", "2025-04-07"},
		{"issue-bracket-spaced.txt", "=====\n  PALLISTER TENANTS' NEWSLETTER\n  Spring 2025  (issue 14)      24 March 2025\n=====\n\nAt our meeting on Thursday 13th February residents raised speeding.\n", "2025-03-24"},
		{"issue-words-spaced.txt", "RESIDENTS' NEWSLETTER\nIssue 38 went to print late, before 7 April 2025\n\nAt our AGM in February residents raised speeding.\n", ""},
		// "Posted on" right under a related list's heading, the list's
		// entries (links alone) gone as chrome: the page's own line
		{"posted-under-related.html", "<html><body><main><article><h1>Ropner residents meet officers</h1><p>Officers met residents at the Ropner ward PACT meeting on Tuesday evening. People raised cannabis being dealt from parked cars.</p><h2>Related</h2><ul><li><a href=\"#\">Week of action</a></li><li><a href=\"#\">Catalytic converter thefts</a></li></ul></article><p class=\"published\">Posted on Friday 13 October 2023, 11:42</p></main></body></html>", "2023-10-13"},
		{"posted-entry-under-related.html", "<html><body><main><article><h1>Ropner residents meet officers</h1><p>Officers met residents at the Ropner ward PACT meeting on Tuesday evening.</p></article><h2>Related</h2><p>Officers in Norton spent a week of action on the town's estates.</p><p>Posted on Friday 13 October 2023</p></main></body></html>", ""},
		{"issue-season.txt", "GREATHAM WARD NEWS\nIssue 7 -- Summer 2016\n\nAt our meeting on Thursday 26th May residents raised speeding.\n", ""},
		{"issue-day-later.txt", "GREATHAM WARD NEWS\nIssue 7 -- out before the meeting of 3 June 2016\n\nAt our meeting on Thursday 26th May residents raised speeding.\n", ""},
		{"issue-no-number.txt", "BURN VALLEY WARD NEWS\nSummer - June 2013\n\nAt our meeting on Thursday 6th June residents raised speeding.\n", ""},
		{"foot-next.md", "# Ward news\n\nThe Commissioner met residents at the Grangetown ward meeting last night, and heard about speeding on the main road and other matters of local interest.\n\nThe meeting was well attended by the community and its councillors.\n\n## Next meeting\n\n14 June 2019\n", ""},
		{"mail-headers.txt", "From: Community Alerts <alerts@example.org>\nSent: Thursday, 13 June 2019 09:12\nTo: Watch coordinators\nSubject: June update\n\nThe Commissioner met residents at the Grangetown ward meeting last night.\n", "2019-06-13"},
		{"mail-date.txt", "From: Community Alerts <alerts@example.org>\nDate: Thu, 13 Jun 2019 09:12:00 +0100\nSubject: June update\n\nThe Commissioner met residents at the Grangetown ward meeting last night.\n", "2019-06-13"},
		// A raw message whose recipients and copies run its "Date:"
		// field far past the sender's (its fields walked one by one);
		// a paragraph that only opens with "From:" has no header date
		// far into its text.
		{"mail-raw-recipients.eml", "From: \"Lowe, Ann (PS 1187)\" <ann.lowe@example-police.uk>\nTo: \"Norton, Roseworth and Hardwick ward members\" <north-members@example-council.gov.uk>, \"Stockton North residents' forum\" <forum@example.org>\nCc: \"Stockton North NPT\" <north.npt@example-police.uk>, \"Community safety team\" <csafety@example-council.gov.uk>\nSubject: Stockton North NPT - July update\nDate: Tue, 4 Jul 2023 08:55:10 +0100\nMessage-ID: <a1b2.20230704@example-police.uk>\n\nThe Norton North ward meeting last night heard about speeding.\n", "2023-07-04"},
		{"mail-subject-colon.eml", "From: Ward Watch <watch@example.org>\nTo: Members\nSubject: RE: FW: Bike thefts\nDate: Wed, 9 Aug 2023 19:02:44 +0100\n\nThe Hardwick ward meeting last night heard about bike thefts.\n", "2023-08-09"},
		{"from-paragraph.txt", "From: the chair's notes. The Norton North ward meeting heard about speeding on the main road, parking on the pavements near the school, litter dropped around the shops on the parade, dogs off their leads on the playing field, and a long list of other matters that residents of the estate wanted passed to the council and to the neighbourhood team before the summer holidays began. Date: 4 May 2019 was suggested for a walkabout.\n", ""},
		{"mail-subject-diary.txt", "From: Hartburn Residents <hello@example.org>\nTo: Members\nSubject: News, next meeting and dates for your diary\nDate: Wed, 4 Jun 2025 20:10:03 +0100\n\nWe met the ward councillors at the Hartburn ward meeting last night.\n", "2025-06-04"},
		{"subject-diary-no-headers.txt", "News, next meeting and dates for your diary\n\nNext meeting: Wed, 4 Jun 2025\n\nWe met the ward councillors at the Hartburn ward meeting.\n", ""},
		{"edition.txt", "Norton & Hardwick edition / Tuesday 8 May 2018\n\nResidents told the Norton North ward meeting last night about speeding.\n", "2018-05-08"},
		// a blog's or a column's name beside its date
		{"blog-byline.md", "# My week\n\n*Commissioner's blog — Sunday 20 November 2016*\n\nOn Tuesday I was at the Dormanstown ward meeting, where residents raised speeding.\n", "2016-11-20"},
		// the page's own "last updated" line under an "Other news" heading
		{"page-updated-other-news.html", "<html><body><main><h1>NPT</h1><p>Grangetown PACT, Tuesday 12 June, Grangetown Youth Centre: residents told us about drug dealing.</p><h2>Other news</h2><p>Crime fell.</p><p class=\"updated\">Page last updated: 14 August 2018</p></main></body></html>", "2018-08-14"},
		{"entry-updated-other-news.html", "<html><body><main><h1>NPT</h1><p>Grangetown PACT, Tuesday 12 June, Grangetown Youth Centre: residents told us about drug dealing.</p><h2>Other news</h2><p>Bike marking in Eston, last updated 14 August 2018</p></main></body></html>", ""},
		// the kind of piece and its writer beside the date
		{"blog-post-by.md", "# My week\n\n*Blog post by the Police and Crime Commissioner for Cleveland, Ann Lowe — Saturday 15 March 2025*\n\nOn Tuesday I was at the Dormanstown ward meeting, where residents raised speeding.\n", "2025-03-15"},
		{"post-by-sentence.md", "# My week\n\nA post by the team — Saturday 15 March 2025 and the week after it were busy ones for us all here.\n\nOn Tuesday I was at the Dormanstown ward meeting, where residents raised speeding.\n", ""},
		{"blog-word-sentence.md", "# My week\n\nThe new blog went live — Sunday 20 November 2016 was the day we started writing it up.\n\nOn Tuesday I was at the Dormanstown ward meeting, where residents raised speeding.\n", ""},
		// an issue line's field saying when the issue was delivered
		{"issue-delivered.txt", "Grove Hill Residents' Newsletter – Issue 4 – Spring 2021 – delivered week beginning Monday 12 April 2021\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", "2021-04-12"},
		{"issue-delivered-later.txt", "Grove Hill Residents' Newsletter – Issue 4 – Spring 2021 – delivered to every house before the AGM on 12 April 2021\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", ""},
		// an issue line's aside saying when it went to print
		{"issue-printed-aside.txt", "KADER WARD ROUNDUP\nYour Kader councillors\nIssue 3 - Spring 2019      (printed 2 April 2019)\n\nThe Kader ward meeting last month heard about speeding.\n", "2019-04-02"},
		{"printed-aside-no-issue.txt", "KADER WARD ROUNDUP\n\nThe leaflet (printed 2 April 2019) was late. The Kader ward meeting last month heard about speeding.\n", ""},
		// delivered, by whom, then the day, then more in the brackets
		{"issue-delivered-aside.txt", "ACKLAM GREEN RESIDENTS\nNewsletter No. 12 -- Spring 2024\n(delivered by our volunteers, 8th April 2024 - ask Jo for a copy by email)\n\nThe Acklam ward meeting last month heard about speeding.\n", "2024-04-08"},
		// must not fire: delivered, not on an issue line
		{"delivered-aside-no-issue.txt", "ACKLAM GREEN RESIDENTS\n\nThe parcels (delivered by our volunteers, 8th April 2024) were late. The Acklam ward meeting last month heard about speeding.\n", ""},
		// the aside gives the day without its year, the masthead the
		// issue's month and year (printedAsideInIssueMonth); the day must
		// fall in that month or the one before, its weekday checked
		{"printed-aside-yearless.txt", "GROVE HILL RESIDENTS\n   -- Newsletter : March 2022 --\n  (printed Fri 25th March, one per door)\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", "2022-03-25"},
		{"printed-aside-month-before.txt", "GROVE HILL RESIDENTS\nNewsletter - January 2020 (printed 30th December)\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", "2019-12-30"},
		{"printed-aside-wrong-weekday.txt", "GROVE HILL RESIDENTS\nNewsletter - March 2022 (printed Mon 25th March)\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", ""},
		{"printed-aside-other-month.txt", "GROVE HILL RESIDENTS\nNewsletter - March 2022 (printed 2nd May)\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", ""},
		{"printed-aside-no-year.txt", "GROVE HILL RESIDENTS\nNewsletter - Spring edition (printed Fri 25th March)\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", ""},
		{"printed-aside-not-opening.txt", "GROVE HILL RESIDENTS\nNewsletter - March 2022 (printed for the 25th March fun day)\n\nThe Grove Hill meeting last Tuesday heard about speeding.\n", ""},
		{"date-table.txt", "Report of the Police and Crime Commissioner to the Panel\n\n4th February 2014\n\n4.1 Key meetings attended in the period:\n\nDate\tMeeting\n02/12/13\tSafer Hartlepool Partnership\n15/01/14\tLocal Criminal Justice Board\n", "2014-02-04"},
		// a newsletter's imprint: printed on the day it went out
		{"imprint.txt", "Hart Village News - Summer 2024\n\nOur open meeting on Tuesday 4th June heard about speeding through the village.\n\nPrinted 12th June 2024 and delivered by hand. Please pass it on.\n", "2024-06-12"},
		{"imprint-colon.txt", "Hart Village News - Summer 2024\n\nOur open meeting on Tuesday 4th June heard about speeding through the village.\n\nPrinted: 12/06/2024\n", "2024-06-12"},
		// no date after the word: no imprint
		{"printed-by.txt", "Hart Village News - Summer 2024\n\nOur open meeting on Tuesday 4th June heard about speeding through the village.\n\nPrinted by Tees Print Ltd on recycled paper, 14 Station Road.\n", ""},
		{"printed-in-text.txt", "Hart Village News\n\nThe leaflet printed after the 14 May 2024 meeting listed the dates of the litter picks for the summer, and residents took them home.\n", ""},
		// an imprint in words of its own, inside the foot's notes
		// (footImprint): when the issue was made up
		{"imprint-put-together.txt", "Grove Estate Residents - Spring 2024\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nThe association is run by volunteers. Spring news was put together on 9/3/24 by Sue and Kath. Paper donated by the corner shop.\n", "2024-03-09"},
		{"imprint-going-to-press.txt", "Grove Estate Residents - Spring 2024\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nAll details correct at the time of going to press, 11 March 2024. Printed by Tees Print Ltd.\n", "2024-03-11"},
		{"imprint-compiled.txt", "Grove Estate Residents - Spring 2024\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nThis issue compiled 10th March 2024 by the committee.\n", "2024-03-10"},
		// an imprint that unwrapping ran into the contact line above it,
		// after a sentence closed inside its bracket
		{"imprint-run-in.txt", "GROVE WARD NEWS\nWinter 2019 - from your Grove councillors\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nWrite to us: grovecllrs@example.org (or find us at the market!)\nPrinted and published 11 March 2019 by the Grove ward councillors,\nc/o Town Hall, Stockton.\n", "2019-03-11"},
		{"imprint-run-in-plain.txt", "GROVE WARD NEWS\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nWrite to us at the Town Hall. Printed and published 11 March 2019 by the Grove ward councillors.\n", "2019-03-11"},
		// a date not right after the words, or a bracket closing mid-page: none
		{"imprint-run-in-later.txt", "GROVE WARD NEWS\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nWrite to us (or find us at the market!) Printed and published for the fun day of 11 March 2019 by the Grove ward councillors.\n", ""},
		{"imprint-run-in-up-page.txt", "GROVE WARD NEWS\n\nWrite to us (or find us at the market!) Printed and published 11 March 2019 by the Grove ward councillors.\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nThe bins are now emptied on Fridays.\n\nThe hall is being repainted.\n\nThanks to the shop for the paper.\n", ""},
		{"imprint-other-news.txt", "Grove Estate Residents - Spring 2024\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nOther news\n\nThe bins are now emptied on Fridays.\n\nInformation correct as at 11 March 2024. Printed by Tees Print Ltd.\n", "2024-03-11"},
		// words that are not the issue's, a date that does not follow
		// them, or a sentence far up the page: no imprint
		{"put-together-thing.txt", "Grove Estate Residents - Spring 2024\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nThe new planters were put together by volunteers on 2 March 2024 in the rain.\n", ""},
		{"compiled-date-later.txt", "Grove Estate Residents - Spring 2024\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nCompiled by the committee for the meeting of 9 April 2024.\n", ""},
		{"imprint-up-the-page.txt", "Grove Estate Residents - Spring 2024\n\nSpring news was put together on 9/3/24 by Sue and Kath.\n\nAt our meeting on Monday 4th March residents raised speeding on the estate road.\n\nThe bins are now emptied on Fridays.\n\nThe hall is being repainted.\n\nThanks to the shop for the paper.\n", ""},
		{"foot-colon.md", "# Ward news\n\nThe Commissioner met residents at the Grangetown ward meeting last night, and heard about speeding on the main road and other matters of local interest.\n\nThe meeting was well attended by the community and its councillors.\n\nThe next meeting will be held on:\n\n14 June 2019\n", ""},
	} {
		res, err := newExtractor(t, Config{}).Extract(tt.name, []byte(tt.doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestCommitteeSittingPage: a council committee's page for one sitting
// ("<Committee> - <weekday>, <day> <month>, <year> <time>", as committee
// systems title it) is dated by its title, so an officer's account of the
// meetings held with the public in the months before reads; the
// committee's own sitting, the earlier sitting whose minutes it received,
// figures presented to it and the Members' questions after the account
// are no meetings with the public. A neighbourhood forum's page titled
// the same way is a meeting with the public, and a headline with a dash
// and a date is no body's title.
func TestCommitteeSittingPage(t *testing.T) {
	for _, tt := range []struct {
		name, doc, published string
		want                 []string
	}{
		{"committee", "Agenda and minutes\n\nLicensing and Community Safety Committee - Tuesday, 7th March, 2023 2.00 pm\n\nVenue: Council Chamber, Town Hall, Middlesbrough\n\n12. Minutes of the meeting held on 7th February 2023\n\nMinutes: Received.\n\n13. Neighbourhood Policing Update\n\nMinutes:\n\nThe Inspector updated Members on the team's work.\n\nIn February officers had attended the Park End & Beckfield PACT meeting on 15 February, where residents complained about drug dealing near the shops.\n\nA Member asked about response times to 999 calls.\n\nThe Partnership Manager presented the performance figures for October to December 2022.\n",
			"2023-03-07", []string{"meeting 2023-02-15 E05009870 drugs", "concern 2023-02-15 E05009870 drugs"}},
		{"forum", "Agenda and minutes\n\nCentral Area Neighbourhood Forum - Monday, 6th March, 2023 6.30 pm\n\nVenue: Newport Hub, Middlesbrough\n\nResidents at the forum raised drug dealing on the back streets of the Newport ward.\n",
			"2023-03-06", []string{"meeting 2023-03-06  drugs", "concern 2023-03-06 E05009866 drugs"}},
		{"headline", "Speeding on Acklam Road - Thursday, 9th March, 2023\n\nResidents told the Kader ward meeting last night about speeding.\n", "", nil},
	} {
		res, err := newExtractor(t, Config{}).Extract(tt.name+".txt", []byte(tt.doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tt.published, got, tt.name)
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestLaterDayOpensItsClause: in a sentence telling two meetings, a later
// day written before its meeting ("..., and, on the Thursday, the Manor
// House ward meeting in Hartlepool") takes the place named after it, not
// the town of the clause before.
func TestLaterDayOpensItsClause(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 9 July 2019\n\n4.1 In early June the Commissioner was at two ward meetings in the same week: the Newtown ward meeting in Stockton on Tuesday 4th June, where people spoke about drug dealing from a flat, and, on the Thursday, the Manor House ward meeting in Hartlepool, where the main topic was bus shelters with their glass panels smashed.\n")
	require.Equal(t, []string{"meeting 2019-06-04 E05001541 drugs", "meeting 2019-06-06 E05008949 criminal_damage", "concern 2019-06-04 E05001541 drugs", "concern 2019-06-06 E05008949 criminal_damage"}, got)
}

// TestDaysLaterAndConcernsToldInTurn: "Two days later he was at the
// Rossmere ward meeting" is two days after the meeting told before; a
// sentence naming no meeting, in a paragraph telling its meetings one
// sentence each, is the meeting told before it.
func TestDaysLaterAndConcernsToldInTurn(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 23rd November 2021\n\n4.2 On Tuesday 7th September he attended the Throston ward residents' meeting at the community centre. Those present were worried about cars speeding on the distributor road. Two days later he was at the Rossmere ward meeting, where residents' concerns focused on drug use in the back alleys.\n")
	require.Equal(t, []string{"meeting 2021-09-07 E05013048 speeding", "meeting 2021-09-09 E05013045 drugs", "concern 2021-09-07 E05013048 speeding", "concern 2021-09-09 E05013045 drugs"}, got)
}

// TestVillageNamesItsWardsMeeting: of several meetings told in one
// paragraph, a sentence naming a village inside one meeting's ward ("At
// Boosbeck ...", after the Lockwood ward surgery) is that meeting's, not
// the one the sentence before named; a village of a ward none of them was
// held in names none of them.
func TestVillageNamesItsWardsMeeting(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 April 2023\n\n4.2 In March the team held ward surgeries in the Hutton ward on 5 March and in the Lockwood ward, at the Boosbeck village hall, on 7 March. In Hutton people raised speeding on the main road. "
	got := summary(t, head+"At Boosbeck the worry was drug dealing behind the shops.\n")
	require.Contains(t, got, "concern 2023-03-07 E05012446 drugs")
	require.NotContains(t, got, "concern 2023-03-05 E05012444 drugs")
	got = summary(t, head+"At Skinningrove the worry was drug dealing behind the shops.\n")
	require.NotContains(t, got, "concern 2023-03-07 E05012446 drugs")
}

// TestYouSaidDefinitionListsUnderMonths: "you said, we did" as definition
// lists under month headings: a term that is a ward's name alone places
// its items, the month dates them, a "We did:" definition is the police's
// own account (no meeting on "Friday and Saturday nights"), and a term
// outside Cleveland places nothing.
func TestYouSaidDefinitionListsUnderMonths(t *testing.T) {
	doc := "# South Middlesbrough Neighbourhood Team: You said, we did\n\n## September 2023\n\n**Marton East**\n: *You said:* drivers are going far too fast.\n: *We did:* extra patrols on Friday and Saturday nights.\n\n**Great Ayton**\n: *You said:* thefts from farm buildings.\n\n*Last updated 3 November 2023*\n"
	res, err := newExtractor(t, Config{}).Extract("dl.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"concern month:2023-09-01/2023-09-30 E05015468 speeding"}, got)
}

// TestWardColumnOverTownInItsRow: in a "you said, we did" table with a
// ward column, a town the row's text names inside that ward ("Seaton
// Carew" in the Seaton row) is the row's ward; a row whose place is no
// ward ("Town centre") keeps the town's authority.
func TestWardColumnOverTownInItsRow(t *testing.T) {
	doc := "<html><body><h1>You said, we did</h1><p>Your Hartlepool Neighbourhood Policing Team reports back. This update covers October to December 2016.</p>" +
		"<table><tr><th>Ward</th><th>You said</th><th>We did</th></tr>" +
		"<tr><td>Seaton</td><td>Cars were racing along the sea front road in Seaton Carew late at night.</td><td>We ran speed checks.</td></tr>" +
		"<tr><td>Town centre</td><td>Shop owners in Hartlepool town centre said shoplifting had increased.</td><td>Patrols.</td></tr></table>" +
		"<p>Page last updated: 18 January 2017</p></body></html>"
	res, err := newExtractor(t, Config{}).Extract("ysywd.html", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+"/"+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"concern period:2016-10-01/2016-12-31 E05008951/E06000001 speeding",
		"concern period:2016-10-01/2016-12-31 /E06000001 burglary_theft",
	}, got)
}

// TestRaceTrackOfBikesAndCarsDealtFrom: "race track" in the clause of
// off-road bikes is theirs (in another clause it is speeding), a car
// something is dealt from is no parking concern, and a theme word that
// opens a name ("the Neighbourhood Policing Teams received") is no theme.
func TestRaceTrackOfBikesAndCarsDealtFrom(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	require.Equal(t, []string{"off_road_bikes"}, r.themes("Young men on scramblers using the old railway path as a race track."))
	require.Equal(t, []string{"off_road_bikes", "speeding"}, r.themes("Scramblers on the field; the bypass used as a race track."))
	require.Equal(t, []string{"drugs"}, r.themes("suspected dealing from a car parked near the shops"))
	require.Equal(t, []string{"burglary_theft"}, r.themes("break-ins to cars parked on driveways overnight"))
	require.Equal(t, []string{"criminal_damage"}, r.themes("damage to cars parked along the front"))
	require.Equal(t, []string{"burglary_theft", "parking_traffic"}, r.themes("break-ins at the shop, and cars parked on the pavement outside"))
	require.Equal(t, []string{"parking_traffic"}, r.themes("a car parked across the driveway every night"))
	require.Equal(t, []string{"drugs"}, r.themes("the Neighbourhood Policing Teams across Middlesbrough received reports from residents concerned about so-called legal highs"))
	require.Equal(t, []string{"visible_policing"}, r.themes("residents asked for more neighbourhood policing"))
}

// TestOnTheDayAfterTheMeetingBefore: "held on the 13th" in a paragraph
// with no date of its own takes the month of the meeting told last when
// the day comes after it; before it, nothing is guessed.
func TestOnTheDayAfterTheMeetingBefore(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 October 2016\n\nThis report covers August and September 2016.\n\n3.4 At the Linthorpe community meeting on 1 September residents raised drug dealing in the back streets.\n\n"
	got := summary(t, head+"3.5 The De Bruce ward meeting was held on the 13th. Residents reported rowdy behaviour outside the shops.\n")
	require.Contains(t, got, "meeting 2016-09-13 E05008943 antisocial_behaviour")
	got = summary(t, strings.Replace(head, "1 September", "20 September", 1)+"3.5 The De Bruce ward meeting was held on the 13th. Residents reported rowdy behaviour outside the shops.\n")
	for _, g := range got {
		require.NotContains(t, g, "E05008943")
	}
}

// TestThenOnTheDayDespitePluperfect: a sentence opening "Then on the 3rd"
// tells a day after the last meeting's, so a pluperfect later in it ("cars
// that had been used for dealing") does not make it an earlier day: the
// day alone is the next month's, as nextMonthDay counts it. Without the
// opening "Then", or with an earlier day said outright, nothing is guessed.
func TestThenOnTheDayDespitePluperfect(t *testing.T) {
	const head = "Posted 12 June 2025\n\nOn Tuesday 27 May I did a street surgery in Ingleby Barwick North, where speeding came up.\n\n"
	tests := []struct {
		name, para, want string
	}{
		{"then on the day", "Then on the 3rd I went to the PACT meeting in Ingleby Barwick South, where residents said cars had been used for drug dealing.", "meeting 2025-06-03 E05014871 drugs"},
		{"after that, on the day", "After that, on the 3rd, I sat in on the PACT meeting in Ingleby Barwick South, where people told us a car had been used for drug dealing.", "meeting 2025-06-03 E05014871 drugs"},
		// must not fire
		{"no then", "I went to the PACT meeting in Ingleby Barwick South on the 3rd, where residents said cars had been used for drug dealing.", ""},
		{"earlier said", "Then, a week earlier, on the 3rd, I went to the PACT meeting in Ingleby Barwick South, where residents raised drug dealing.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(t, head+tc.para+"\n")
			if tc.want != "" {
				require.Contains(t, got, tc.want)
				return
			}
			for _, g := range got {
				require.NotContains(t, g, "-06-03") // (the earlier day of May, as before)
			}
		})
	}
}

// TestOnTheDayIntoTheNextMonth: a day alone smaller than the last
// meeting's, told after it, is the next month's when that is within a
// fortnight of it and no later than the publication; a longer jump, a
// day after the publication, or no publication date guess nothing.
func TestOnTheDayIntoTheNextMonth(t *testing.T) {
	doc := func(pub, last string) string {
		return pub + "On Saturday " + last + " I did a street surgery in Ingleby Barwick North, where speeding came up.\n\n" +
			"I also popped along to the PACT meeting in Ingleby Barwick South on the 3rd, where drug dealing from cars was the main concern.\n"
	}
	tests := []struct {
		name, pub, last, want string
	}{
		{"across the month's end", "Posted 12 June 2025\n\n", "31 May", "meeting 2025-06-03 E05014871 drugs"},
		{"a long jump back", "Posted 12 June 2025\n\n", "17 May", ""},
		{"after the publication", "Posted 2 June 2025\n\n", "31 May", ""},
		{"no publication date", "", "31 May 2025", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(t, doc(tc.pub, tc.last))
			if tc.want != "" {
				require.Contains(t, got, tc.want)
				return
			}
			for _, g := range got {
				require.NotContains(t, g, "-06-03")
				require.NotContains(t, g, "meeting 2025-05-03")
			}
		})
	}
}

// TestBareOrdinalDayMeetings: after a meeting of the month, a meeting
// word with an ordinal day alone beside it ("we did a street surgery on
// Ragpath Lane on the 17th") is a meeting that day, whatever the verb; an
// ordinal day before the last one told ("On the 4th we also joined a
// walkabout") is that month's only under a heading that is the month
// ("MAY"); without one, or with no meeting told before, nothing is
// guessed.
func TestBareOrdinalDayMeetings(t *testing.T) {
	head := "Published: 5 June 2023\n\nMAY\n\nThe Newtown ward meeting on Tuesday 9 May heard about speeding on Bishopton Road.\n\n"
	surgery := "In Roseworth we did a street surgery on Ragpath Lane on the 17th, where people complained about drug dealing.\n\n"
	walkabout := "On the 4th we also joined a walkabout in the Norton South ward, where residents complained about dog fouling.\n"
	got := summary(t, head+surgery+walkabout)
	require.Contains(t, strings.Join(got, "\n"), "meeting 2023-05-17 E05014879 drugs")
	require.Contains(t, got, "meeting 2023-05-04 E05014877 environmental")
	got = summary(t, strings.Replace(head, "MAY\n\n", "", 1)+surgery+walkabout)
	require.Contains(t, strings.Join(got, "\n"), "meeting 2023-05-17 E05014879 drugs")
	require.NotContains(t, got, "meeting 2023-05-04 E05014877 environmental")
	got = summary(t, "Published: 5 June 2023\n\n"+surgery)
	require.Empty(t, got)
}

// TestEarlierMeetingOfASeries: "It was the third such meeting ... At the
// first, in January, ...": the earlier meeting the sentence names by its
// order alone is one of the same place, in the month it gives; without a
// sentence counting the series, or without a month, nothing.
func TestEarlierMeetingOfASeries(t *testing.T) {
	head := "Published 20th June 2019\n\nAbout 40 people came to a public meeting in Hemlington last night, where residents complained about speeding on Cass House Road.\n\n"
	got := summary(t, head+"It was the third such meeting on the estate this year. At the first, in January, the talk was mostly of the new bus route.\n")
	require.Contains(t, got, "meeting 2019-01-01 E05009859 ")
	got = summary(t, head+"At the first, in January, the talk was mostly of the new bus route.\n")
	require.NotContains(t, strings.Join(got, "\n"), "2019-01-01")
	got = summary(t, head+"It was the third such meeting on the estate this year. At the first, the talk was mostly of the new bus route.\n")
	require.NotContains(t, strings.Join(got, "\n"), "2019-01-01")
}

// TestBothRaised: two meetings told in one sentence whose people "both
// raised" a theme: a concern at each, in each meeting's ward.
func TestBothRaised(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 23rd November 2021\n\n4.3 Residents at the Park End & Beckfield meeting (21st September) and at North Ormesby's community meeting on the 23rd both raised anti-social behaviour by groups of young people.\n")
	require.Contains(t, got, "concern 2021-09-21 E05009870 antisocial_behaviour")
	require.Contains(t, got, "concern 2021-09-23 E05009867 antisocial_behaviour")
}

// TestPlannedSpanIsNoPeriod: a span of months in a paragraph that starts
// after the document's publication ("The scheme will run from May to
// August") is what is planned, not the period the document reports on, so
// a concern told without a day takes no date from it; a span before the
// publication still dates it.
func TestPlannedSpanIsNoPeriod(t *testing.T) {
	head := "Report to the Police and Crime Panel\n\nPublished: Tuesday 23 November 2021\n\n"
	concern := "4.7 Over the period, a number of older residents in Billingham reported being targeted by telephone scams.\n"
	got := summary(t, head+"1.1 The new scam-awareness sessions will run from January to March 2022.\n\n"+concern)
	require.Empty(t, got)
	got = summary(t, head+"1.1 This report covers September and October 2021.\n\n"+concern)
	require.Equal(t, []string{"concern 2021-09-01  fraud_scams"}, got)
}

// TestSharedLead: a sentence opening with two meetings joined by "and",
// then the public telling what they raised after a comma, tells it of
// each; a sentence whose meetings each have their own clause, or whose
// telling names one of them, is left to the other rules.
func TestSharedLead(t *testing.T) {
	head := "# News\n\nPublished: Friday 29 March 2019\n\n"
	got := summary(t, head+"At the Kader ward meeting on 11 March and the Park End & Beckfield meeting two days later, on 13 March, people described drug dealing from a flat above the shops.\n")
	require.Contains(t, got, "concern 2019-03-11 E05009860 drugs")
	require.Contains(t, got, "concern 2019-03-13 E05009870 drugs")
	got = summary(t, head+"At the Kader ward meeting on 11 March residents were told about the new team, and at the Park End & Beckfield meeting on 13 March, people described drug dealing from a flat above the shops.\n")
	require.NotContains(t, got, "concern 2019-03-11 E05009860 drugs")
	require.Contains(t, got, "concern 2019-03-13 E05009870 drugs")
}

// TestMeetingNamedInTheSentenceBefore: "It was his second community
// meeting of the week. On Monday he was in Thornaby, where residents
// complained about ..." is a meeting on Monday in Thornaby; without
// residents speaking there, a day and a place are no meeting.
func TestMeetingNamedInTheSentenceBefore(t *testing.T) {
	head := "# PCC hears from residents\n\nBy Courier reporter · Thursday, 12 October 2017 · 3 min read\n\n"
	got := summary(t, head+"It was his second community meeting of the week. On Monday he was in Thornaby, where residents complained about drivers racing along the main roads at night.\n")
	require.Equal(t, []string{"meeting 2017-10-09  speeding", "concern 2017-10-09  speeding"}, got)
	got = summary(t, head+"It was his second community meeting of the week. On Monday he was in Thornaby to open a new library.\n")
	require.Empty(t, got)
}

// TestResidentsReported: "residents in Billingham reported being targeted
// by telephone scams" over the report's period is a period concern in the
// town's authority.
func TestResidentsReported(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 23rd November 2021\n\n1.1 This report covers September and October 2021.\n\n4.7 Across September and October, a number of older residents in Billingham reported being targeted by telephone scams.\n")
	require.Equal(t, []string{"concern 2021-09-01  fraud_scams"}, got)
}

// TestMembersOfTheForumDescribed: what "members of the forum described" at
// a forum is a concern.
func TestMembersOfTheForumDescribed(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 9 July 2019\n\n4.2 On 18th June he joined the Middlesbrough Hate Crime Forum. Members of the forum described an increase in racially motivated verbal abuse aimed at taxi drivers.\n")
	require.Contains(t, got, "concern 2019-06-18  hate_crime")
	// verbal abuse aimed at worshippers is the hate crime alone
	got = summary(t, "Report to the Police and Crime Panel, 12 November 2019\n\n15 October - Central ward meeting, Middlesbrough Town Hall. Members of the church committee described verbal abuse aimed at worshippers leaving the Sunday service.\n")
	require.Contains(t, got, "concern 2019-10-15 E05009857 hate_crime")
	require.NotContains(t, got, "concern 2019-10-15 E05009857 antisocial_behaviour")
}

// TestYouSaidHTMLDefinitionListUnderMonths: the HTML form of the same
// layout, <dt> ward names over <dd> "You said" / "We did".
func TestYouSaidHTMLDefinitionListUnderMonths(t *testing.T) {
	doc := `<html><body><main><h1>South Middlesbrough Neighbourhood Team: You said, we did</h1><h2>September 2023</h2>
<dl><dt>Marton East</dt><dd>You said: drivers are going far too fast.</dd><dd>We did: extra patrols on Friday and Saturday nights.</dd>
<dt>Coulby Newham</dt><dd>You said: rubbish has been dumped on the path behind the health centre.</dd></dl>
<p>Last updated 3 November 2023</p></main></body></html>`
	res, err := newExtractor(t, Config{}).Extract("dl.html", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"concern month:2023-09-01/2023-09-30 E05015468 speeding", "concern month:2023-09-01/2023-09-30 E05009858 environmental"}, got)
}

// TestYouSaidCellTellsADatedMeeting: a "you said, we did" table with no
// date column whose "You said" cell tells a meeting and its day ("at the
// Eston ward surgery on Thursday 12th March people said ...") is that
// meeting and its concern, not a concern over the report's period; the
// period comes from a heading whose last part is a span ("... – January
// to March 2020").
func TestYouSaidCellTellsADatedMeeting(t *testing.T) {
	doc := "# Neighbourhood update – January to March 2020\n\n| You said | We did |\n|---|---|\n" +
		"| **Eston** – at the Eston ward meeting on Thursday 12<sup>th</sup> March residents complained about drug dealing near the shops. | Warrants executed. |\n\n" +
		"Our next meeting is on **Tuesday 14 April**.\n"
	res, err := newExtractor(t, Config{}).Extract("ys.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"meeting 2020-03-12 E06000003 drugs", "concern 2020-03-12 E06000003 drugs"}, got)
	require.Equal(t, "2020-01-01", res.PeriodFrom.Format(time.DateOnly))
}

// TestRecordsYearAndPassingMeetings: minutes with no publication date take
// the year of the meeting they record for days written without one, a
// record's date wrapped after its weekday stays one date, and a paragraph
// that mentions another meeting in passing leaves the items after it with
// the recorded meeting.
func TestRecordsYearAndPassingMeetings(t *testing.T) {
	doc := `HUTTON WARD RESIDENTS' ASSOCIATION

Notes of the meeting held on Thursday
9th May 2019 at 7pm, Hutton Village Hall

1. Residents' concerns
Residents complained about speeding on Hutton Lane. Members noted that the Guisborough ward meeting on 2nd May had heard the same about speeding.

2. Other matters
Concern was raised about drug dealing near the shops.
`
	require.Equal(t, []string{
		"meeting 2019-05-09 E05012444 drugs,speeding",
		"meeting 2019-05-02 E05012443 speeding",
		"concern 2019-05-09 E05012444 speeding",
		"concern 2019-05-09 E05012444 drugs",
		"concern 2019-05-02 E05012443 speeding", // (what the meeting in passing had heard: topicConcerns)
	}, summary(t, doc))
}

// TestMeetingToldInTheParagraphBefore: a news paragraph that opens on "the
// meeting" (or "At the ward's ... meeting") with no date of its own is the
// meeting of the day and ward the paragraph before gave.
func TestMeetingToldInTheParagraphBefore(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"the meeting", "Residents of Kader ward packed the church hall on Monday night to quiz Cleveland's police commissioner.\n\nThe meeting, one of a series across Middlesbrough, was taken up with complaints about drug dealing near the shops."},
		{"at the ward's", "People living in Kader ward spoke to the police on Monday evening about their streets.\n\nAt the ward's residents' meeting in the community centre, several described drug dealing near the shops."},
		{"during the session", "Kader ward residents met officers and Cleveland's Police and Crime Commissioner on Monday.\n\nDuring the session at the library, people complained about drug dealing near the shops."},
	} {
		doc := "# Residents speak out\n\nPublished: Wednesday 6 March 2019\n\n" + tc.body + "\n"
		got := summary(t, doc)
		require.Contains(t, got, "concern 2019-03-04 E05009860 drugs", tc.name)
		for _, e := range got {
			require.NotContains(t, e, "  ", "%s: an event without its ward: %v", tc.name, got)
		}
	}
}

// TestOrdinalDaysListedAfterAMeeting: "on the 15th and ... on the 22nd"
// after a dated meeting are days of its month, each its own meeting; a
// list of ward meetings names a later ward without the word "ward"; and
// joining residents of a ward is a meeting.
func TestOrdinalDaysListedAfterAMeeting(t *testing.T) {
	doc := `# Programme of Engagement

3 April 2019

1.1 This report covers the Commissioner's engagement between 1 February and 31 March 2019.

3.1 On Monday 4th February the Commissioner joined residents of Kader ward at the church hall. Residents raised drug dealing near the shops.

3.2 He travelled to Hartlepool for meetings in Jesmond ward on the 12th and Seaton on the 19th. In Jesmond residents complained about speeding on the main road. In Seaton people raised off-road bikes on the beach.
`
	require.Equal(t, []string{
		"meeting 2019-02-04 E05009860 drugs",
		"concern 2019-02-04 E05009860 drugs",
		"meeting 2019-02-12 E05008948 speeding",
		"meeting 2019-02-19 E05008951 off_road_bikes",
		"concern 2019-02-12 E05008948 speeding",
		"concern 2019-02-19 E05008951 off_road_bikes",
	}, summary(t, doc))
}

// TestMeetingPlacedByTheNextParagraph: a meeting first told in a town is
// the ward's whose meeting the next (undated) paragraph names (or whose
// councillors or residents' group it says organised it), and so are the
// concerns already placed with it; a ward of another authority, or two
// wards, leave it where it was.
func TestMeetingPlacedByTheNextParagraph(t *testing.T) {
	head := "# Residents speak out\n\nPublished: Friday 8 March 2019\n\nPeople from across Middlesbrough complained about drug dealing at a community meeting on Wednesday evening.\n\n"
	for _, tc := range []struct{ name, next, ward string }{
		{"ward meeting", "Around forty residents came to the Kader ward meeting in the church hall.", "E05009860"},
		{"meeting of", "It was the first meeting of Kader ward this year, and the hall was full.", "E05009860"},
		{"another authority", "Around forty residents came to the Jesmond ward meeting in the church hall.", ""},
		{"two wards", "Residents came to the Kader ward meeting from Acklam ward too.", ""},
		{"same day told again", "The Commissioner was at the Kader ward meeting in the church hall on Wednesday evening.", "E05009860"},
		{"came to a meeting named without ward", "Around forty residents came to the Kader Community Council meeting in the church hall.", "E05009860"},
		{"came to a meeting of two wards", "Around forty residents came to the Linthorpe and Acklam community council meeting.", ""},
		{"came to a meeting of no ward", "Around forty residents came to the community council meeting in the church hall.", ""},
		{"the public attended a meeting named without ward", "Some thirty people attended the Kader Community Council meeting in the church hall.", "E05009860"},
		{"an official attended a meeting named without ward", "The Commissioner attended the Kader Community Council meeting in the church hall.", ""},
		{"the public attended a meeting of two wards", "Some thirty people attended the Linthorpe and Acklam community council meeting.", ""},
		// (a meeting organised by a ward's councillors or group is the ward's)
		{"organised by a ward's councillors", "The meeting, called by the Kader ward councillors at the church hall, ran for two hours.", "E05009860"},
		{"hosted by a ward's residents' group", "The meeting was hosted by the Kader ward residents' group in the church hall.", "E05009860"},
		{"organised by another authority's ward councillors", "The meeting, called by the Jesmond ward councillors at the church hall, ran for two hours.", ""},
		{"organised by councillors of no ward", "The meeting, called by local councillors at the church hall, ran for two hours.", ""},
		{"councillors of a ward not organising", "The Kader ward councillors said the meeting had run for two hours.", ""},
	} {
		got := summary(t, head+tc.next+"\n")
		require.Equal(t, []string{"meeting 2019-03-06 " + tc.ward + " drugs", "concern 2019-03-06 " + tc.ward + " drugs"}, got, tc.name)
	}
}

// TestNameHeadingIsAWard: in a "you said" page of one authority, a heading
// that is only a ward's name is that ward, though the name is also a word
// ("Newport"); a name that is no ward leaves the authority.
func TestNameHeadingIsAWard(t *testing.T) {
	doc := func(head string) string {
		return "# Middlesbrough neighbourhood policing: You said, We did\n\n## April to June 2019\n\nWhat Middlesbrough residents told us this quarter.\n\n### " + head + "\n\nYou said: drug dealing in the alleys behind the shops.\n\nWe did: two warrants executed.\n\nPublished by the neighbourhood team, 15 July 2019.\n"
	}
	require.Equal(t, []string{"concern 2019-04-01 E05009866 drugs"}, summary(t, doc("Newport")))
	for _, e := range summary(t, doc("Hillside")) {
		require.Equal(t, "concern 2019-04-01  drugs", e, "a name that is no ward")
	}
}

// TestSentenceNamingTwoMeetings: a sentence after the one that told two
// meetings, naming both, gives each the part from its name to the next.
func TestSentenceNamingTwoMeetings(t *testing.T) {
	doc := `# Programme of Engagement

3 September 2019

1.1 This report covers the Commissioner's engagement between 1 July and 31 August 2019.

2.1 In Middlesbrough he met residents of Kader ward on the 9th and Hemlington ward on the 16th of July. People at the Kader meeting complained about speeding on Acklam Road, whereas in Hemlington residents raised drug dealing behind the shops.
`
	require.Equal(t, []string{
		"meeting 2019-07-09 E05009860 speeding",
		"meeting 2019-07-16 E05009859 drugs",
		"concern 2019-07-09 E05009860 speeding",
		"concern 2019-07-16 E05009859 drugs",
	}, summary(t, doc))
}

// TestCaptionUnderTheByline: a picture caption naming the meeting under a
// byline is not a meeting on the byline's (publication) day.
func TestCaptionUnderTheByline(t *testing.T) {
	doc := `# Kader residents quiz the commissioner

Posted on Friday 8 March 2019 by A. Reporter

Residents turned out at the Kader ward meeting (Photo: Courier)

Around thirty people attended the Kader ward meeting on Wednesday night, where residents complained about drug dealing behind the shops.
`
	require.Equal(t, []string{"meeting 2019-03-06 E05009860 drugs", "concern 2019-03-06 E05009860 drugs"}, summary(t, doc))
}

// TestVisitedAWard: visiting a ward on a day is a meeting there.
func TestVisitedAWard(t *testing.T) {
	doc := `# Programme of Engagement

3 September 2019

1.1 This report covers the Commissioner's engagement between 1 July and 31 August 2019.

2.1 On 6 August the Commissioner visited the Kader ward in Middlesbrough, where drug dealing behind the shops was the main topic.
`
	require.Equal(t, []string{"meeting 2019-08-06 E05009860 drugs", "concern 2019-08-06 E05009860 drugs"}, summary(t, doc))
}

// TestRecordLooksBackOverAYear: minutes whose Chair's report looks back
// over the year before the meeting keep the meeting's own day as their
// anchor: the meeting is emitted, and a day the items give without a year
// is in the meeting's year.
func TestRecordLooksBackOverAYear(t *testing.T) {
	doc := "Fairfield Residents' Association Minutes of the Annual Meeting held on Tuesday 9 April 2019 at Fairfield Library Present: the committee and 18 residents.\n\n" +
		"1. Secretary's report. Looking back over the year from April 2018 to March 2019, the issue members raised most was dog fouling on the playing field. She also went to the Hartburn ward surgery on 30 March, where residents raised inconsiderate parking outside the school.\n\n" +
		"2. Police questions. A resident said cars were speeding on Bishopton Road West.\n"
	require.Equal(t, []string{
		"meeting 2019-04-09 E05001534 speeding",
		"meeting 2019-03-30 E05001537 parking_traffic",
		"concern 2018-04-01 E05001534 environmental",
		"concern 2019-03-30 E05001537 parking_traffic",
		"concern 2019-04-09 E05001534 speeding",
	}, summary(t, doc))
}

// TestHeaderDatesAndPeriods: a document's date and period from header
// lines written in other ways than "Posted on": a dateline with a time and
// an update, labelled fields run together or parted by "|", a title that
// ends with its span of months.
func TestHeaderDatesAndPeriods(t *testing.T) {
	for _, tc := range []struct{ name, doc, published, from, to string }{
		{"dateline", "NEWS | Stockton\n\nResidents speak out\n\nFriday 15 March 2024, 7.10am | Updated 9.02am\n\nResidents met the commissioner.\n", "2024-03-15", "", ""},
		{"fields", "**Police and Crime Panel**\n\n*Report date: 3rd May 2016 | Period covered: March and April 2016*\n\nText.\n", "2016-05-03", "2016-03-01", "2016-04-30"},
		{"run together", "Report to: Cleveland Police and Crime Panel Meeting date: 4th October 2021 Report of: the Commissioner\n\nEngagement Update August – September 2021\n\nText.\n", "2021-10-04", "2021-08-01", "2021-09-30"},
		{"title span", "NEIGHBOURHOOD TEAM\n\nYOU SAID, WE DID: UPDATE, APRIL TO JUNE 2023\n\nText.\n", "", "2023-04-01", "2023-06-30"},
		{"a record's item looking back over a year before its day", "Fairfield Residents' Association Minutes of the Annual Meeting held on Tuesday 9 April 2019 at the library\n\n1. Secretary's report. Looking back over the year from April 2018 to March 2019, the issue members raised most was dog fouling on the field.\n", "", "", ""},
		{"a record's span that holds its day", "Minutes of the meeting held on Tuesday 9 April 2019 at the library\n\n1. The police report covered February to April 2019.\n", "", "2019-02-01", "2019-04-30"},
		{"a span in a page that is no record", "Fairfield news\n\nLooking back over the year from April 2018 to March 2019, the issue members raised most was dog fouling on the field.\n", "", "2018-04-01", "2019-03-31"},
		{"a meeting date in minutes is not read as a report's", "MINUTES of the residents' meeting held in the hall. Meeting date: 4th October 2021, 7pm, chaired by the secretary of the association\n\nText.\n", "", "", ""},
	} {
		res, err := newExtractor(t, Config{}).Extract("h.txt", []byte(tc.doc))
		require.NoError(t, err)
		day := func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(time.DateOnly)
		}
		require.Equal(t, []string{tc.published, tc.from, tc.to}, []string{day(res.Published), day(res.PeriodFrom), day(res.PeriodTo)}, tc.name)
	}
}

// TestIssuesColumnHeaders: the column of what people raised has many
// names; the police's answer and the place are other columns.
func TestIssuesColumnHeaders(t *testing.T) {
	for h, want := range map[string]string{
		"Matters brought to the Commissioner": "issues",
		"What we heard":                       "issues",
		"Residents' worries":                  "issues",
		"Complaints received":                 "issues",
		"Priorities set by residents":         "issues",
		"Issues raised":                       "issues",
		"What we did":                         "action",
		"Where":                               "place",
		"Date":                                "date",
	} {
		require.Equal(t, want, colKind(h), h)
	}
}

// TestCommissionerWasToldInATown: "the commissioner was told last night"
// is a meeting; placed in a town, it is the ward of that town a sentence
// of the meeting names ("speaking to residents ... in the Billingham East
// ward"), not a ward of another town.
func TestCommissionerWasToldInATown(t *testing.T) {
	head := "# Residents speak out\n\nPublished: Thursday 7 March 2019\n\nCleveland's police commissioner was told last night that drug dealing in Billingham is getting worse.\n\n"
	got := summary(t, head+"He was speaking to around forty residents at the community centre, in the Billingham East ward, at one of his listening events.\n")
	require.NotEmpty(t, got)
	require.Equal(t, "meeting 2019-03-06 E05001528 drugs", got[0])
	got = summary(t, head+"He was speaking to around forty residents who had come from the Ingleby Barwick East ward.\n")
	for _, e := range got {
		require.NotContains(t, e, "E05001538", "a ward of another town")
	}
}

// TestMonthSummaryIsNoMeeting: a sentence summing up a month's meetings
// ("his round of community meetings ... this month, with two sessions") is
// not a meeting of that month; a series over a range of days still is.
func TestMonthSummaryIsNoMeeting(t *testing.T) {
	doc := "# Round-up\n\nPublished: Friday 29 March 2019\n\nThe Commissioner has continued his round of community meetings in Middlesbrough this month, with two busy sessions.\n\nOn Monday 11th March he met residents of Kader ward at the church hall, who complained about speeding.\n"
	require.Equal(t, []string{"meeting 2019-03-11 E05009860 speeding", "concern 2019-03-11 E05009860 speeding"}, summary(t, doc))
}

// TestWardColumnNameBeforeItsTown: "Victoria, Hartlepool" in a table's
// ward column is Victoria ward, though "Victoria" is a word too; a name
// that is no ward keeps the town.
func TestWardColumnNameBeforeItsTown(t *testing.T) {
	doc := func(place string) string {
		return "# Programme of Engagement\n\n4 February 2014\n\n1.1 This report covers the Commissioner's engagement between 1 December 2013 and 31 January 2014.\n\n| Date | Ward / area | Issues raised |\n|---|---|---|\n| Wed 8th January | " + place + " | Residents complained about drug dealing near the shops. |\n"
	}
	require.Equal(t, []string{"meeting 2014-01-08 E05008952 drugs", "concern 2014-01-08 E05008952 drugs"}, summary(t, doc("Victoria, Hartlepool")))
	require.Equal(t, []string{"meeting 2014-01-08  drugs", "concern 2014-01-08  drugs"}, summary(t, doc("Headland Hall, Hartlepool")))
}

// TestOneDayWrittenTwice: "On Monday (11th March)" is one day: one
// meeting, placed in the ward the sentence names.
func TestOneDayWrittenTwice(t *testing.T) {
	doc := "# Out and about\n\nPublished: Wednesday 13 March 2019\n\nOn Monday (11th March) the Commissioner held a surgery at the library in Kader ward, Middlesbrough, where residents complained about speeding.\n"
	require.Equal(t, []string{"meeting 2019-03-11 E05009860 speeding", "concern 2019-03-11 E05009860 speeding"}, summary(t, doc))
}

// TestCancelledMeetings: a meeting postponed or called off was not held.
func TestCancelledMeetings(t *testing.T) {
	for _, s := range []string{
		"The Kader ward meeting arranged for 11 March was postponed because of the snow.",
		"Sadly the Kader ward meeting on 11 March had to be cancelled.",
		"The Kader ward meeting due on 11 March has been called off.",
		"No surgery in March at the Kader ward library – it was closed for repairs.",
		"Mon 11 Mar: Kader ward meeting postponed at the request of the organisers.",
	} {
		require.Empty(t, summary(t, "# Report\n\nPublished: Friday 29 March 2019\n\n"+s+"\n"), s)
	}
	require.Equal(t, []string{"meeting 2019-03-11 E05009860 speeding", "concern 2019-03-11 E05009860 speeding"},
		summary(t, "# Report\n\nPublished: Friday 29 March 2019\n\nThe Kader ward meeting on 11 March went ahead; residents complained about speeding.\n"))
}

// TestCountedMeetings: a sentence counting the writer's meetings by their
// order ("That made it her fourth residents' meeting this month") with no
// day of its own counts the meetings told around it and is none itself; a
// first meeting, or a counted one with its day, is left to the rules.
func TestCountedMeetings(t *testing.T) {
	head := "# News\n\nPublished: Friday 29 March 2019\n\n"
	for _, s := range []string{
		"That made it the fourth Middlesbrough meeting the Commissioner has attended this month.",
		"It was her second residents' meeting in Kader ward this month.",
		"This was his 3rd ward surgery in Kader earlier this month.",
	} {
		got := summary(t, head+s+"\n")
		require.Empty(t, got, s)
	}
	for _, tt := range []struct{ s, want string }{
		{"It was the second Kader ward meeting of the year, held on 11 March, and residents complained about speeding.", "meeting 2019-03-11 E05009860 speeding"},
		{"The Commissioner attended the Kader ward meeting on 11 March, where residents complained about speeding.", "meeting 2019-03-11 E05009860 speeding"},
	} {
		require.Contains(t, summary(t, head+tt.s+"\n"), tt.want, tt.s)
	}
}

// TestWalkedRoundWithResidents: walking round an estate with residents or
// the neighbourhood team on a day is a meeting (a walkabout); walking
// round alone is not.
func TestWalkedRoundWithResidents(t *testing.T) {
	head := "# Engagement Update\n\nPublished: Friday 29 March 2019\n\n"
	require.Equal(t, []string{"meeting 2019-03-11 E05009860 drugs", "concern 2019-03-11 E05009860 drugs"},
		summary(t, head+"On 11 March I walked round the estate in Kader ward with the neighbourhood team and residents, who complained about drug dealing behind the shops.\n"))
	require.Empty(t, summary(t, head+"On 11 March I walked round Middlesbrough town centre to see the new lighting.\n"))
}

// TestWalkedRoundWithAnOfficer: a team's post thanking those who walked
// round a place with one officer named by rank ("with PCSO Khan", "with
// PC Dale") on a day tells a walkabout, as walking round with the team
// does; walking round alone or with a thing is none.
func TestWalkedRoundWithAnOfficer(t *testing.T) {
	head := "# Engagement Update\n\nPublished: Friday 29 March 2019\n\n"
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"Thanks to everyone who walked round Hemlington with PCSO Khan on Sunday morning.", []string{"meeting 2019-03-24 E05009859 "}},
		{"A dozen neighbours walked around Hemlington with PC Dale and a council warden on Sunday.", []string{"meeting 2019-03-24 E05009859 "}},
		{"On Sunday the Commissioner walked the Grove estate in Hemlington with the ward sergeant and two councillors.", []string{"meeting 2019-03-24 E05009859 "}},
		{"On Sunday PCSO Khan walked round Hemlington on her own.", nil},
		{"On Sunday the Commissioner walked the dog round Hemlington with his wife.", nil},
		{"On Sunday our PCSO walked round Hemlington with the new speed gun.", nil},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.s+"\n"), tt.s)
	}
}

// TestWalkedRoundWithAHousingOfficer: an estate walked round on a day with
// its housing officer or estate manager ("we walked round the Grove estate
// with the housing officer; tenants showed us ...") is a walkabout too; the
// housing office's own visit with no walk, or a walk with a thing, is none.
func TestWalkedRoundWithAHousingOfficer(t *testing.T) {
	head := "# Engagement Update\n\nPublished: Friday 29 March 2019\n\n"
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"On Sunday we walked round Hemlington with the housing officer.", []string{"meeting 2019-03-24 E05009859 "}},
		{"On Sunday our PCSO walked through Hemlington with an estate manager from the council.", []string{"meeting 2019-03-24 E05009859 "}},
		{"On Sunday the housing officer phoned us about Hemlington.", nil},
		{"On Sunday our PCSO walked round Hemlington with the housing plans.", nil},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.s+"\n"), tt.s)
	}
}

// TestOfficialQuoteOverSentences: every sentence of a quotation an official
// opens is the official's, not a resident's concern; a resident's quotation
// is still theirs.
func TestOfficialQuoteOverSentences(t *testing.T) {
	head := "# Residents speak out\n\nPublished: Friday 8 March 2019\n\nResidents of Kader ward met the Commissioner on Wednesday night and complained about drug dealing behind the shops.\n\n"
	want := []string{"meeting 2019-03-06 E05009860 drugs", "concern 2019-03-06 E05009860 drugs"}
	for _, q := range []string{
		"The Commissioner, who took office in May, said: \"It was good to listen. Speeding of this kind wears people down and I have asked for extra patrols.\"",
		"Inspector Jones said: “Thank you all for coming. Speeding on the main road is something we will look at.”",
	} {
		require.Equal(t, want, summary(t, head+q+"\n"), q)
	}
}

// TestMinutesTellAnotherMeetingFirst: in minutes, what a paragraph says
// after it tells another meeting is that meeting's ("those who came on the
// walkabout on ... pointed out graffiti"); before it, the recorded one's.
func TestMinutesTellAnotherMeetingFirst(t *testing.T) {
	doc := `HUTTON WARD RESIDENTS' ASSOCIATION

Notes of the meeting held on Thursday 9th May 2019 at 7pm, Hutton Village Hall

1. Walkabout
Members complained about speeding on the main road. The Chair thanked those who came on the walkabout in Hutton ward on Thursday 2nd May. Residents walking with the group complained about graffiti on the underpass walls.

2. Other matters
Concern was raised about drug dealing near the shops.
`
	got := summary(t, doc)
	require.Contains(t, got, "concern 2019-05-02 E05012444 criminal_damage")
	require.Contains(t, got, "concern 2019-05-09 E05012444 drugs")
	require.Contains(t, got, "concern 2019-05-09 E05012444 speeding", "said before the walkabout is told: the recorded meeting's")
}

// TestSpeakerOfTheSayingClause: the one who speaks is the subject of the
// verb's own clause, not the official the sentence opened with.
func TestSpeakerOfTheSayingClause(t *testing.T) {
	for s, want := range map[string]bool{
		"Mr Coppinger went to a PACT meeting in Hemlington, where a mother said she feared youngsters were being groomed.": false,
		"The Commissioner visited the estate, and a pensioner told him that cars were speeding past the school.":           false,
		"Steve Turner, Cleveland's Police and Crime Commissioner, said speeding was his priority.":                         true,
		"The Commissioner, who took office in May, said the force would act.":                                              true,
	} {
		require.Equal(t, want, officialSpeaker(s), s)
	}
}

// TestSatDownWithResidents: sitting down with residents of a ward in a
// month is a meeting of that month.
func TestSatDownWithResidents(t *testing.T) {
	doc := "# Out and about\n\nPublished: Wednesday 12 June 2019\n\nAt the end of May he sat down with residents of Kader ward, who complained about speeding on the main road.\n"
	require.Equal(t, []string{"meeting 2019-05-01 E05009860 speeding", "concern 2019-05-01 E05009860 speeding"}, summary(t, doc))
}

// TestIssueAndDiscussionColumns: an issue's name and what was said of it,
// in two columns, are one issue.
func TestIssueAndDiscussionColumns(t *testing.T) {
	doc := "# Kader Ward Community Meeting – Notes\n\n**Date:** Thursday 9 May 2019, 6pm\n\n## Issues raised by residents\n\n| Issue | Discussion | Action |\n|---|---|---|\n| The back lanes | Drug dealing from parked cars most evenings. | PCSO to patrol. |\n"
	got := summary(t, doc)
	require.Contains(t, got, "concern 2019-05-09 E05009860 drugs")
}

// TestCallsAndEmailsFromPeopleAbout: the office receiving calls, emails or
// letters from people about something is their concern, for the span.
func TestCallsAndEmailsFromPeopleAbout(t *testing.T) {
	for _, s := range []string{
		"Between the 4th and the 15th of March the office received a steady stream of emails from residents across Middlesbrough about cars driven far too fast.",
		"Between the 4th and the 15th of March we had many calls from people in Middlesbrough about cars driven far too fast.",
	} {
		got := summary(t, "# Engagement report\n\nPublished: Friday 29 March 2019\n\n"+s+"\n")
		require.Equal(t, []string{"concern 2019-03-04  speeding"}, got, s)
	}
	require.True(t, isConcern("received letters from residents about speeding", false))
	require.False(t, isConcern("a phone call from someone claiming to be a police officer", false))
}

// TestResidentsMetToDiscuss: what a residents' or community meeting was
// held to discuss is their concern; partners meeting to discuss something
// are agencies at work.
func TestResidentsMetToDiscuss(t *testing.T) {
	head := "# Residents meet police\n\nPublished: Friday 8 March 2019\n\n"
	for _, s := range []string{
		"About 30 people came to a meeting of the residents' association in Kader ward on Wednesday to discuss drug dealing behind the shops.",
		"Residents of Kader ward held a community meeting on Wednesday evening to talk about drug dealing on the estate.",
	} {
		require.Equal(t, []string{"meeting 2019-03-06 E05009860 drugs", "concern 2019-03-06 E05009860 drugs"}, summary(t, head+s+"\n"), s)
	}
	for _, s := range []string{
		"On Wednesday the Commissioner met council officers and partner agencies in Kader ward to discuss drug dealing behind the shops.",
		"About 30 people came to a meeting of the residents' association in Kader ward on Wednesday to discuss the summer fair.",
	} {
		for _, e := range summary(t, head+s+"\n") {
			require.NotContains(t, e, "concern", s)
		}
	}
}

// TestQuestionsPutAtAMeeting: on a page of questions put at meetings and
// their answers, each question is what was raised there, whatever its
// grammatical subject; the answer is not, nor is a question an official
// asks in a quotation.
func TestQuestionsPutAtAMeeting(t *testing.T) {
	head := "Community Meetings: Your Questions Answered\n\nThese are the questions residents put to the Commissioner and the answers given.\n\n 12/03/2015 - Hartlepool Tenants Forum\n\n"
	for q, want := range map[string]string{
		"Do PCSOs patrol the estates at weekends? - Yes, on a rota with the response teams.":                                          "visible_policing",
		"Given the cut in neighbourhood staff, how will the town cope this winter? - Resources are drawn from across the force area.": "visible_policing",
		"Will the police station on York Road stay open? - No decision has been made yet.":                                            "visible_policing",
		"Does anyone deal with the quad bikes on the beach? - Yes, an operation runs every weekend.":                                  "off_road_bikes",
		"Do PCSOs work through the night on the estates? - No, but response officers do.":                                             "visible_policing",
	} {
		if got := summary(t, head+q+"\n"); !slices.Contains(got, "concern 2015-03-12  "+want) {
			t.Errorf("%s: got %v, want a concern of %s", q, got, want)
		}
	}
	require.Equal(t, []string{"meeting 2015-03-12  "}, summary(t, head+"Who chaired the interview panel? - The Commissioner and two independent members.\n"),
		"a question with no theme raises nothing")
	require.Equal(t, []string{"meeting 2015-03-12  "}, summary(t, head+"The Commissioner asked: \"How do we get more PCSOs onto the estates?\"\n"),
		"an official's question in a quotation is not a resident's")
}

// TestQuestionWordOpensNoName: a capitalised question word starts a
// sentence, not a name, so the phrase after it is a concern's.
func TestQuestionWordOpensNoName(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"Do PCSOs work at night?", "PCSOs", false},
		{"Why PCSOs left the estate", "PCSOs", false},
		{"Will PCSOs be cut?", "PCSOs", false},
		{"the Safer Hartlepool Partnership", "Partnership", true},
		{"at the Hate Crime Forum last week", "Crime", true},
	} {
		require.Equal(t, c.want, inName(c.s, strings.Index(c.s, c.word)), c.s)
	}
}

// TestRunInItemLabel: a minutes item's one-word label run into its first
// sentence ("3. Highways Cars parked on both pavements ...") is no name the
// phrase after it is part of (runInLabel); a title-cased name after it, or
// one inside a sentence, still is.
func TestRunInItemLabel(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"3. Highways Cars parked on both pavements near the chemist.", "Cars", false},
		{"Environment Dog mess all along the riverside path.", "Dog", false},
		{"3. Community Speed Watch volunteers wanted.", "Speed", true},  // a name, title-cased
		{"They went to the Hate Crime Forum on Monday.", "Crime", true}, // a name inside the sentence
	} {
		require.Equal(t, c.want, inName(c.s, strings.Index(c.s, c.word)), c.s)
	}
	doc := "# Brotton Residents' Association\n\n**Minutes of the meeting held Wednesday 9th October 2019, 7pm, at the Civic Hall, Brotton**\n\n1. **Apologies** - none.\n\n2. **Environment**\n   Dog mess on the footpath by the allotments. Cllr Dale to ask the council for a bin.\n"
	require.Contains(t, summary(t, doc), "concern 2019-10-09 E05012438 environmental")
}

// TestApologiesLineIsNoQuietHeading: a record's "Apologies: names" line,
// taken for a heading, quiets no section (apologiesLineRE): the items
// after it are still the meeting's; an "Apologies" heading with nothing
// on its line still quiets what follows it.
func TestApologiesLineIsNoQuietHeading(t *testing.T) {
	head := "# Brotton Residents' Association\n\n**Minutes of the meeting held Wednesday 9th October 2019, 7pm, at the Civic Hall, Brotton**\n\n"
	item := "2. **Litter**\n   Bags of rubbish left by the garages on Coronation Rd. Cllr Dale to ask the council to clear them.\n"
	require.Contains(t, summary(t, head+"Apologies: P. Ward, Mr & Mrs Kay\n\n"+item), "concern 2019-10-09 E05012438 environmental")
	require.NotContains(t, summary(t, head+"## Apologies\n\n"+item), "concern 2019-10-09 E05012438 environmental")
	require.True(t, apologiesLineRE.MatchString("Apologies: B. Hunt"))
	require.False(t, apologiesLineRE.MatchString("Apologies"))
	// the last minutes and matters arising, a label past 30 characters, is quiet too
	require.True(t, quietItem("2. Minutes of the previous meeting & matters arising The gate has been mended."))
	require.False(t, quietItem("2. Minutes of the previous meeting were agreed. Bags of rubbish by the garages."))
}

// TestMeasuresListIsNoConcern: a list the police or council announce as
// their measures holds actions; a list of what residents raised holds
// concerns.
func TestMeasuresListIsNoConcern(t *testing.T) {
	for lead, want := range map[string]bool{
		"Cleveland Police were taking all incidents seriously and implementing a number of measures including:": true,
		"The force said it was implementing the following steps:":                                               true,
		"Actions taken since the meeting:":                                                                      true,
		"What the police are doing:":                                                                            true,
		"Residents raised the following concerns:":                                                              false,
		"Residents complained about the steps behind the shops:":                                                false,
	} {
		require.Equal(t, want, measuresLead(lead), lead)
	}
}

// TestPoliceInformedIsNoConcern: what the police told or informed someone
// at a meeting is information given, not a concern raised.
func TestPoliceInformedIsNoConcern(t *testing.T) {
	for s, want := range map[string]bool{
		"In Kader, where a dispersal order was in place, Cleveland Police informed the MP that youths throwing stones at cars had been identified.": false,
		"Officers told the meeting that speeding checks would continue.":                                                                            false,
		"Residents told police that youths were throwing stones at cars.":                                                                           true,
	} {
		require.Equal(t, want, cuelessConcern(s), s)
	}
}

// TestWardOfAnotherAuthority: a ward the text puts in another authority
// ("Park ward in Hartlepool": Park is Middlesbrough's) is not taken; the
// authority the text names is.
func TestWardOfAnotherAuthority(t *testing.T) {
	head := "# News\n\nPublished: Friday 8 March 2019\n\n"
	for s, want := range map[string]string{
		"On Wednesday the Commissioner met residents of Park ward in Hartlepool, who complained about speeding.":     "meeting 2019-03-06  speeding",
		"On Wednesday the Commissioner met residents of Kader ward, Stockton, who complained about speeding.":        "meeting 2019-03-06  speeding",
		"On Wednesday the Commissioner met residents of Kader ward in Middlesbrough, who complained about speeding.": "meeting 2019-03-06 E05009860 speeding",
	} {
		got := summary(t, head+s+"\n")
		require.NotEmpty(t, got, s)
		require.Equal(t, want, got[0], s)
	}
}

// TestRecordTitleWithoutHeadingMarks: a PDF's minutes lose their heading
// marks: a first paragraph saying the document is minutes, then a line
// opening with the day, is the recorded meeting, and its items are its
// concerns; the same day line under a title that is no record, or after
// another meeting, is no meeting of its own.
func TestRecordTitleWithoutHeadingMarks(t *testing.T) {
	record := `Nunthorpe Community Council Minutes of the Community Council meeting (with ward councillors and Cleveland Police)

Thursday 20 January 2022 at 7.00pm, St Mary's Church Hall, Church Lane, Nunthorpe

3.1 Speed of traffic. Members of the public again raised the speed of vehicles on Guisborough Road.

3.2 Sheds and garages. Two residents of Connaught Road reported garden sheds being forced and power tools taken.
`
	require.Equal(t, []string{
		"meeting 2022-01-20 E05009868 burglary_theft,speeding",
		"concern 2022-01-20 E05009868 speeding",
		"concern 2022-01-20 E05009868 burglary_theft",
	}, summary(t, record))
	notRecord := strings.Replace(record, "Minutes of the Community Council meeting", "Annual report of the Community Council", 1)
	require.Empty(t, summary(t, notRecord))
}

// TestCountedDaysAndVisitsWhereResidentsSpoke: a second meeting dated by
// counting from the first in the same sentence ("two days later", "the
// following evening") takes that day; a visit to a named place "where"
// residents raised something, or with the public's telling after a colon
// ("visited X: people there talked about ..."), is a meeting there, one
// per day when the sentence tells two; a visit that says nothing raised
// is no meeting.
func TestCountedDaysAndVisitsWhereResidentsSpoke(t *testing.T) {
	head := "Report to the Police and Crime Panel, 1 September 2015\n\n"
	tests := []struct {
		name, para string
		want       []string
	}{
		{"two days later",
			"4.1 The Commissioner was at the Grangetown ward meeting on 2nd June and at the South Bank ward meeting two days later, where residents complained about wheelie bins being set alight.",
			[]string{"meeting 2015-06-02 E05001509 ", "meeting 2015-06-04 E05001522 criminal_damage", "concern 2015-06-04 E05001522 criminal_damage"}},
		{"the following evening",
			"4.1 The Commissioner was at the Grangetown ward meeting on 2nd June and at the South Bank ward meeting the following evening, where residents complained about wheelie bins being set alight.",
			[]string{"meeting 2015-06-02 E05001509 ", "meeting 2015-06-03 E05001522 criminal_damage", "concern 2015-06-03 E05001522 criminal_damage"}},
		{"went to a place where residents spoke, twice",
			"4.3 On 16th June the Commissioner went to Hemlington, where the key area highlighted was speeding along Hemlington Lane, and on 23rd June to Park End and Beckfield, where residents shared their concern that drug dealing was taking place from a small number of houses.",
			[]string{"meeting 2015-06-16 E05009859 speeding", "meeting 2015-06-23 E05009870 drugs", "concern 2015-06-16 E05009859 speeding", "concern 2015-06-23 E05009870 drugs"}},
		{"a visit with nothing raised",
			"4.3 On 16th June the Commissioner went to Hemlington, where he opened the new community hub.",
			nil},
		// the public's telling after a colon, as after "where"
		{"visited a place: what its residents said after a colon",
			"4.3 Two days later, on Thursday 18th June, he visited Park End and Beckfield: people there talked about drug dealing from a small number of houses.",
			[]string{"meeting 2015-06-18 E05009870 drugs", "concern 2015-06-18 E05009870 drugs"}},
		{"visited a place: a colon with no public after it",
			"4.3 On Thursday 18th June he visited Park End and Beckfield: drug dealing from a small number of houses is being tackled by the neighbourhood team.",
			nil},
		{"visited a place: a colon before a list of his own tasks",
			"4.3 On Thursday 18th June he visited Park End and Beckfield: the new hub, the police base and the library, where drug dealing was discussed with staff.",
			nil},
		// visitedListRE, with the month written once before the colon
		// (dates.sentenceMonth): one meeting a place and day.
		{"wards called on after a colon, the month written once",
			"4.4 The Commissioner called on two Middlesbrough wards in the first half of June: Hemlington on Tuesday 9th, where residents complained about motorbikes on the fields, and Park End and Beckfield on Thursday 11th, where the issue was drug dealing.",
			[]string{"meeting 2015-06-09 E05009859 off_road_bikes", "meeting 2015-06-11 E05009870 drugs", "concern 2015-06-09 E05009859 off_road_bikes", "concern 2015-06-11 E05009870 drugs"}},
		{"wards called on: a weekday that is not the day's",
			"4.4 The Commissioner called on two Middlesbrough wards in June: Hemlington on Wednesday 9th, where residents complained about motorbikes on the fields.",
			nil},
		{"wards called on in two months: no month for the days",
			"4.4 The Commissioner called on two Middlesbrough wards in May and June: Hemlington on Tuesday 9th, where residents complained about motorbikes on the fields.",
			nil},
		{"wards called on with nothing said there",
			"4.4 The Commissioner called on two Middlesbrough wards in June: Hemlington on Tuesday 9th and Park End and Beckfield on Thursday 11th.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, head+tt.para+"\n"))
		})
	}
}

// TestPublisherDateLineAndRecentMonths: a page's date line naming its
// publisher under the title is its publication date, not a meeting, and
// "over September, October and November" dates its table's undated rows
// by those months just gone, each at its area's ward.
func TestPublisherDateLineAndRecentMonths(t *testing.T) {
	doc := `# Hartlepool community priorities: autumn 2020 update

Friday 4 December 2020 – Safer Hartlepool Partnership

The table below sets out what residents in each area told us over September, October and November, and what has been done.

| Area | What residents told us | What has been done |
|---|---|---|
| Rossmere | Drivers speeding along Catcote Road. | Speed enforcement van deployed. |
| Whole of Hartlepool | Scam texts and doorstep callers. | Leaflets sent. |
`
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	require.Equal(t, "2020-12-04", res.Published.Format(time.DateOnly))
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"concern period:2020-09-01/2020-11-30 E05013045 E06000001 speeding",
		"concern period:2020-09-01/2020-11-30  E06000001 fraud_scams",
	}, got)
}

// TestResidentsWroteAbout: residents writing in about something over
// months is their concern for those months, at the authority a lower-case
// "borough" names (not dropped as a place outside Cleveland).
func TestResidentsWroteAbout(t *testing.T) {
	doc := `PROGRAMME OF ENGAGEMENT - NOVEMBER AND DECEMBER 2021

Report to the Police and Crime Panel, 1 February 2022

6.3 Residents from across Stockton borough wrote to the Office in November and December about fireworks being set off in the streets.
`
	res, err := newExtractor(t, Config{}).Extract("report.txt", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"concern period:2021-11-01/2021-12-31  E06000004 antisocial_behaviour"}, got)

}

// TestPairedWardsAndDays: "X and Y ward meetings ... 9 and 10 November"
// is X's meeting on the 9th and Y's on the 10th (the day wrapped onto a
// line of its own after a comma still belongs to the sentence), and each
// ward's concerns go to its own meeting; a town among the places leaves
// the pairing unsaid.
func TestPairedWardsAndDays(t *testing.T) {
	head := "PROGRAMME OF ENGAGEMENT - NOVEMBER AND DECEMBER 2021\n\nReport to the Police and Crime Panel, 1 February 2022\n\n"
	para := "5.1 Coatham and Skelton East ward meetings were held on consecutive nights,\n    9 and 10 November. In Coatham the concerns were about cars racing along the sea front at night.\n    Skelton East residents complained of cold callers offering roofing work.\n"
	require.Equal(t, []string{
		"meeting 2021-11-09 E05012439 speeding",
		"meeting 2021-11-10 E05012454 fraud_scams",
		"concern 2021-11-09 E05012439 speeding",
		"concern 2021-11-10 E05012454 fraud_scams",
	}, summary(t, head+para))
}

// TestElectionDayIsNoMeeting: the day of the local elections, told beside
// the word "meetings", is no meeting; a meeting attended on it is.
func TestElectionDayIsNoMeeting(t *testing.T) {
	head := "Report to the Police and Crime Panel, 2 June 2023\n\n"
	require.Empty(t, summary(t, head+"2.1 New ward boundaries took effect in Stockton-on-Tees at the local elections on 4 May, and meetings after that date are listed under the new ward names.\n"))
	require.Equal(t, []string{"meeting 2023-05-04 E05014869 "},
		summary(t, head+"2.1 On the day of the local elections on 4 May the Commissioner attended the Hartburn ward meeting.\n"))
}

// TestMinutesItemsAfterTheLastMeetingsRecord: in the minutes of January's
// meeting, an item heading "Minutes of the meeting of 11th December" is
// about the last meeting's record: the public session after it is
// January's; a meeting the minutes mention after their own day is one to
// come, not a held one.
func TestMinutesItemsAfterTheLastMeetingsRecord(t *testing.T) {
	doc := `# Nunthorpe Community Council

## Minutes of the ordinary meeting held on Monday 15th January 2024

### 3. Minutes of the meeting of 11th December 2023

Approved and signed.

### 5. Public session

Members of the public raised the following:

* Speeding on Guisborough Road - a resident said cars regularly exceed 50mph past the school.

### 6. Correspondence

* Invitation to the Commissioner's community meeting for Nunthorpe at the Marton Hotel on Wednesday 21st February.
`
	res, err := newExtractor(t, Config{}).Extract("minutes.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"meeting 2024-01-15 E05015469 speeding", "concern 2024-01-15 E05015469 speeding"}, got)
	require.Len(t, res.Planned, 1)
	require.Equal(t, "2024-02-21", res.Planned[0].Date)
}

// TestWardHeadingOverItsMeetingsList: a heading naming the ward of the
// one meeting the page told there ("## North Ormesby" after "the ward
// surgeries held last week: North Ormesby on Tuesday 28th January, and
// Brambles & Thorntree on Thursday 30th January") heads that meeting's
// concerns; a ward heading with no meeting told there dates nothing.
func TestWardHeadingOverItsMeetingsList(t *testing.T) {
	doc := `# Community priorities

*Posted 3rd February 2025 by the East Middlesbrough Neighbourhood Team*

Our priorities were chosen by you at the two ward surgeries held last week: North Ormesby on Tuesday 28th January at the hub, and Brambles & Thorntree on Thursday 30th January at Thorntree Hub.

## North Ormesby

1. Drug dealing around Market Place - residents told us dealing is happening openly.

## Brambles & Thorntree

1. Off-road bikes on the Thorntree playing fields.

## Berwick Hills & Pallister

1. Off-road bikes on the playing fields.
`
	require.Equal(t, []string{
		"meeting 2025-01-28 E05009867 drugs",
		"meeting 2025-01-30 E05009856 off_road_bikes",
		"concern 2025-01-28 E05009867 drugs",
		"concern 2025-01-30 E05009856 off_road_bikes",
	}, summary(t, doc))
}

// TestBylinePublishedAndTheWeeksMonday: a byline piece labelled
// "Published:" dates the page; "On Monday he was at the Thorntree
// Community Hub, where residents told him ..." after "the second ward
// meeting of the week" is this week's Monday, though the paragraph before
// mentions a warrant executed "last week".
func TestBylinePublishedAndTheWeeksMonday(t *testing.T) {
	doc := `# Drug dealing tops the list as North Ormesby residents quiz PCC

By Carl Ridley, Local Democracy Reporter · Published: Thursday 18 February 2016, 06:00

Inspector Dave Bowes said officers had executed a drugs warrant in the ward last week.

It was the second ward meeting of the week for the Commissioner. On Monday he was at the Thorntree Community Hub, where Brambles and Thorntree residents told him about a spate of cars being broken into on the estate.
`
	require.Equal(t, []string{
		"meeting 2016-02-15 E05009856 burglary_theft",
		"concern 2016-02-15 E05009856 burglary_theft",
	}, summary(t, doc))
}

// TestVillageRecordAndItsWardCouncillor: a parish council's notes with no
// publication date are anchored on their own meeting's day, so the
// village of their title places them; their attendance naming the ward
// councillor's ward makes that ward the meeting's. Without the ward
// councillor, the village's authority.
func TestVillageRecordAndItsWardCouncillor(t *testing.T) {
	doc := `# Greatham Parish Council

## Notes of the Parish Council meeting – Tuesday 19th September 2017

Held at Greatham Community Centre, Front Street, at 7.15pm.

| Attending | Role |
|---|---|
| Cllr R. Sayer | Ward councillor, Rural West (Hartlepool Borough Council) |

### 2. Police update and questions to the Commissioner

Residents then put their issues to the Commissioner:

- Fly-tipping in the lanes, where builders' waste had been dumped three times since June.
`
	require.Equal(t, []string{
		"meeting 2017-09-19 E05008950 environmental",
		"concern 2017-09-19 E05008950 environmental",
	}, summary(t, doc))
	named := strings.Replace(doc, "| Cllr R. Sayer | Ward councillor, Rural West (Hartlepool Borough Council) |", "| Cllr R. Sayer, Rural West ward (Hartlepool Borough Council) | In attendance |", 1)
	require.Equal(t, []string{
		"meeting 2017-09-19 E05008950 environmental",
		"concern 2017-09-19 E05008950 environmental",
	}, summary(t, named), "a councillor named with the ward")
	noCllr := strings.Replace(doc, "| Cllr R. Sayer | Ward councillor, Rural West (Hartlepool Borough Council) |", "| Cllr R. Sayer | Chair |", 1)
	require.Equal(t, []string{
		"meeting 2017-09-19  environmental",
		"concern 2017-09-19  environmental",
	}, summary(t, noCllr))
}

// TestMeetingNotesHeadingWithItsMonth: "Meeting notes — April 2018" over
// "Monday 23rd April, 7pm – Linthorpe Village Hall" is the record of the
// meeting of that day (the heading's year), and its items are its
// concerns; the chair's "Rev." is no revving engine.
func TestMeetingNotesHeadingWithItsMonth(t *testing.T) {
	doc := `# Meeting notes — April 2018

**Monday 23rd April, 7pm – Linthorpe Village Hall, Thornfield Road**

Chair: Rev. P. Wardell · Notes: S. Khan (secretary)

## 2. Police update

PC Armitage reported on the period since the last meeting. Residents then raised:

- Break-ins – a number of houses in The Avenues had been burgled while people were at work.
`
	require.Equal(t, []string{
		"meeting 2018-04-23 E05009862 burglary_theft",
		"concern 2018-04-23 E05009862 burglary_theft",
	}, summary(t, doc))
}

// TestResidentsPackedInToTellTheCommissioner: residents who came "to tell
// Police and Crime Commissioner Barry Coppinger what was worrying them"
// met him there on that day, and what they told him in the paragraphs
// after is their concern at that meeting.
func TestResidentsPackedInToTellTheCommissioner(t *testing.T) {
	doc := `# Bikes and burglaries: Hart residents have their say

Published: February 6, 2020 by Maureen Greaves

Residents from across the Hart ward packed into the Clavering community centre last night to tell Police and Crime Commissioner Barry Coppinger what was worrying them.

Top of the list were youngsters on motorbikes using the fields around Clavering as a racetrack.
`
	require.Equal(t, []string{
		"meeting 2020-02-05 E05008946 off_road_bikes",
		"concern 2020-02-05 E05008946 off_road_bikes",
	}, summary(t, doc))
}

// TestWholeAuthorityHeading: under "Across Hartlepool" on a ward's "you
// said" page, a concern that names no place is the authority's, not the
// page's ward's; a month named in it ("in February") is no place outside
// Cleveland.
func TestWholeAuthorityHeading(t *testing.T) {
	doc := `# Fens and Rossmere: you said, we did

Posted 2 April 2018

## Fens and Rossmere

### You said

Residents told us in February about cars speeding on Catcote Road.

## Across Hartlepool

### You said

Older residents across the town told us in February about phone calls from people pretending to be from their bank.
`
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"concern month:2018-02-01/2018-02-28 E05008944 E06000001 speeding",
		"concern month:2018-02-01/2018-02-28  E06000001 fraud_scams",
	}, got)
}

// TestMonthIsNoPlaceOutside: "at least four on the estate in August"
// names a month, not a place outside Cleveland, nor does "from HMRC"; "in
// Durham" does.
func TestMonthIsNoPlaceOutside(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	at := time.Date(2023, time.September, 14, 0, 0, 0, 0, time.UTC)
	require.False(t, r.outside("Catalytic converters cut off cars - at least four on the estate in August.", at))
	require.True(t, r.outside("Thefts of quad bikes were raised at the forum in Durham.", at))
	require.False(t, r.outside("phone calls from people pretending to be from their bank or from HMRC.", at), "initials")
}

// TestCardHeadedByItsPlace: a "you said, we did" card headed by its place
// alone, its first line the meeting's kind, venue and day ("Coffee
// morning, Thursday 14 March"), is that place's meeting (a ward, or a
// town's authority), and its "You said" label does not end it: what is
// said under it was said there. A heading that is no place ("Around the
// area") or a line naming its own place ("... at Thornaby Library") gives
// no place to the meeting.
func TestCardHeadedByItsPlace(t *testing.T) {
	doc := `# You said, we did – Stockton North, March 2024

Published 5 April 2024

## Norton South

Ward surgery, church hall, Saturday 9 March

### You said

Cars are racing along the High Street late at night.

### We did

Speed checks were carried out on two evenings.

## Billingham (Wolviston Court and Roseberry)

Coffee morning, Thursday 14 March

### You said

Dog fouling on the paths behind the shops.

## Around the area

Street briefing, Thursday 21 March

### You said

Shops are being targeted by shoplifters.

## Hardwick and Salters Lane

Drop-in at Thornaby Library, Tuesday 26 March

### You said

Vans parked on the pavements.
`
	require.Equal(t, []string{
		"meeting 2024-03-09 E05014877 speeding",
		"concern 2024-03-09 E05014877 speeding",
		"meeting 2024-03-14  environmental",
		"concern 2024-03-14  environmental",
		"meeting 2024-03-21 E05014877 ", // (the page's first ward, as before: not the rule's)
		"meeting 2024-03-26  parking_traffic",
		"concern 2024-03-26  parking_traffic",
	}, summary(t, doc))
}

// TestDuringTheMonthJustGone: "everyone who got in touch with us during
// October" on a page posted in November dates its "You said" entries to
// that month (month precision), each at its heading's ward.
func TestDuringTheMonthJustGone(t *testing.T) {
	doc := `# You said, we did – Stockton South and Thornaby

*Posted: Monday 6th November 2023 by the Stockton South Neighbourhood Policing Team*

Thank you to everyone who got in touch with us during **October**. The new ward names introduced in May are used below.

### Yarm

**You said:** the High Street is gridlocked at school times and delivery vans are parking on the cobbles.

**We did:** we have raised this with the council's highways team.
`
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{"concern month:2023-10-01/2023-10-31 E05014884 parking_traffic"}, got)
}

// TestTitleIsBeforeTheBody: a ward heading after the page's first
// paragraph of running text heads a section, it is not the page's title:
// a drop-in "at Thornaby Library" told later is Thornaby's (the
// authority), not that ward's; "the ward meeting" under a ward's heading
// is that ward's.
func TestTitleIsBeforeTheBody(t *testing.T) {
	doc := `# You said, we did – Stockton South and Thornaby

*Posted: Monday 6th November 2023 by the Stockton South Neighbourhood Policing Team*

Thank you to everyone who got in touch with us during October. Here is what you raised and what we have done.

### Eaglescliffe East

**You said:** cars left at Allens West station have been broken into.

At the ward meeting on Tuesday 10th October, residents asked us to make officers more visible after dark.

## Meetings and drop-ins

On Saturday 21st October we held a drop-in at Thornaby Library, where several older residents told us about phone calls from people pretending to be from their bank.
`
	require.Equal(t, []string{
		"concern 2023-10-01 E05014864 burglary_theft",
		"meeting 2023-10-10 E05014864 visible_policing",
		"concern 2023-10-10 E05014864 visible_policing",
		"meeting 2023-10-21  fraud_scams",
		"concern 2023-10-21  fraud_scams",
	}, summary(t, doc))
}

// TestMeetingHeardOfAndConcentratedOn: "the Acklam ward meeting heard of
// cars being broken into", "The Coatham ward meeting concentrated on
// anti-social behaviour" say what residents raised; a partnership's name
// is no partnership theme.
func TestMeetingHeardOfAndConcentratedOn(t *testing.T) {
	head := "Programme of Engagement: December 2020 - January 2021\n\nReport to the Police and Crime Panel, 9 February 2021\n\n"
	require.Equal(t, []string{
		"meeting 2021-01-14 E05009853 burglary_theft",
		"concern 2021-01-14 E05009853 burglary_theft",
	}, summary(t, head+"3.1 In the new year, on 14th January, the Acklam ward meeting heard of cars being broken into overnight on Green Lane.\n"))
	require.Equal(t, []string{
		"meeting 2020-12-10 E05012439 antisocial_behaviour",
		"concern 2020-12-10 E05012439 antisocial_behaviour",
	}, summary(t, head+"4.1 The Coatham ward meeting on 10th December concentrated on anti-social behaviour along the sea front.\n"))
	require.Equal(t, []string{
		"meeting 2021-01-26  exploitation",
		"concern 2021-01-26  exploitation",
	}, summary(t, head+"5.3 On 26th January the Commissioner attended the Safer Stockton Partnership, where partners discussed county lines activity.\n"))
}

// TestOtherTimeEndsTheMeetingsStory: a paragraph opening "Last week" tells
// another time than the meeting before it: its concern is not that
// meeting's but one of last week (Monday to Sunday before the publication
// week, period precision), at the meeting "he was in Ingleby Barwick,
// where residents ... raised concerns" tells.
func TestOtherTimeEndsTheMeetingsStory(t *testing.T) {
	doc := `# Shop thefts raised with Commissioner

Published: Wednesday 13 March 2024

Steve Turner was at the Fellowship Hall on Tuesday evening for the Yarm ward's community meeting. Shopkeepers described the same faces coming back week after week to take goods from their shelves.

Last week he was in Ingleby Barwick, where residents of the Ingleby Barwick North ward raised concerns about cannabis being sold from parked cars.
`
	require.Equal(t, []string{
		"meeting 2024-03-12 E05014884 burglary_theft",
		"concern 2024-03-12 E05014884 burglary_theft",
		"meeting 2024-03-04 E05014870 drugs",
		"concern 2024-03-04 E05014870 drugs",
	}, summary(t, doc))
	res, err := newExtractor(t, Config{}).Extract("news.md", []byte(doc))
	require.NoError(t, err)
	require.Equal(t, "period:2024-03-04/2024-03-10", eventWhen(res.Events[2]))
	require.Equal(t, "period:2024-03-04/2024-03-10", eventWhen(res.Events[3]))
}

// TestMeetingsOfAMonth: a sentence that opens with a month and says
// meetings were held then, or what they were about, tells meetings of
// that month (month precision, no day invented), one per ward named
// before "ward meetings", each with the concern; a month far from a
// meeting word in a sentence that holds nothing is no meeting's.
func TestMeetingsOfAMonth(t *testing.T) {
	head := "PROGRAMME OF ENGAGEMENT: 1 JUNE TO 31 JULY 2015\n\nReport to the Police and Crime Panel, 1 September 2015\n\n"
	res, err := newExtractor(t, Config{}).Extract("report.txt", []byte(head+"4.2 During July, off-road motorcycles were the main topic at the Eston and Normanby ward meetings, where people described bikes being ridden across Eston Hills.\n"))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"meeting month:2015-07-01/2015-07-31 E05001508 off_road_bikes",
		"meeting month:2015-07-01/2015-07-31 E05001517 off_road_bikes",
		"concern month:2015-07-01/2015-07-31 E05001508 off_road_bikes",
		"concern month:2015-07-01/2015-07-31 E05001517 off_road_bikes",
	}, got)
	require.Empty(t, summary(t, head+"4.3 In July the council published its plan for ward meetings across the borough.\n"))

	// A venue written in lower case ("at Loftus library") places it.
	require.Equal(t, []string{
		"meeting 2015-07-01 E05001514 domestic_abuse",
		"concern 2015-07-01 E05001514 domestic_abuse",
	}, summary(t, head+"5.2 Throughout July the Commissioner held weekly drop-in sessions at Loftus library. Residents who came raised domestic abuse support for women.\n"))
}

// TestPoliceReportLabelAndImpostors: in minutes, a paragraph labelled
// "Police Report:" is the police's figures, not concerns; a resident's
// report of "someone claiming to be a police officer" is the resident's
// concern, not an official speaking; "causing distress to residents" is
// anti-social behaviour.
func TestPoliceReportLabelAndImpostors(t *testing.T) {
	doc := `Stainton & Thornton Community Council

Minutes of the Annual General Meeting of the Community Council held in the Memorial Hall, Stainton on Tuesday, 21 May 2019 at 7pm

Police Report: PCSO Mark Ballinger was in attendance to give the report. Criminal damage had risen sharply to 11 incidents (previously 3).

Concern was expressed about a known drug addict in the Vernon Court area causing distress to residents.

An elderly resident reported that her neighbour had been visited by a “courier” after a phone call from someone claiming to be a police officer, and asked that residents be warned about this type of fraud.
`
	require.Equal(t, []string{
		"meeting 2019-05-21 E05009871 antisocial_behaviour,drugs,fraud_scams",
		"concern 2019-05-21 E05009871 antisocial_behaviour,drugs",
		"concern 2019-05-21 E05009871 fraud_scams",
	}, summary(t, doc))
}

// TestVisitWithNoMeetingHeld: "where he walked the area with the
// Neighbourhood Policing Team on 10 October, no public meeting was held"
// tells no meeting.
func TestVisitWithNoMeetingHeld(t *testing.T) {
	head := "Commissioner's engagement update: September – October 2023\n\nReport to the Police and Crime Panel, 21 November 2023\n\n"
	require.Empty(t, summary(t, head+"8. In Eaglescliffe, where he walked the area with the Neighbourhood Policing Team on 10 October, no public meeting was held and the visit is not reported as one.\n"))
	require.NotEmpty(t, summary(t, head+"8. In Eaglescliffe he walked the area with the Neighbourhood Policing Team on 10 October; a public meeting was held at the library, where residents raised speeding.\n"))
}

// TestYouSaidUnderASubjectHeading: on a "you said, we did" page whose
// entries are headed by their subject ("Shop theft"), a "You said:" with
// no theme of its own takes the heading's; streets joined by "and" ("in
// Wellington Square and the High Street") are no place outside Cleveland.
func TestYouSaidUnderASubjectHeading(t *testing.T) {
	doc := `# Stockton Town Centre: you said, we did

Page last updated: 2 July 2021

## You said, we did: April to June 2021

### Shop theft

You said: shops in Wellington Square and the High Street were being targeted by the same people again and again.

We did: a dedicated officer now visits the larger stores daily.

### Vulnerable people in flats

You said: tenants in flats off Bishop Street were being visited by people from outside the area.
`
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		if e.Type == "concern" {
			got = append(got, eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
		}
	}
	require.Equal(t, []string{"period:2021-04-01/2021-06-30 E05001549 burglary_theft"}, got)
}

// TestMonthHeadingsAndBlockquotes: on a quarter's "you said, we did"
// page, a heading that is a month alone dates the entries under it; a
// Markdown blockquote's "You said" and "We did" are paragraphs of their
// own; "you said that" at a meeting tells a concern.
func TestMonthHeadingsAndBlockquotes(t *testing.T) {
	doc := `# You said – We did (January to March 2025)

*Updated 2 April 2025*

**February**

> **You said:** parents on the Headland were fed up with cars parked on the pavements outside the school.
>
> **We did:** joint patrols with the council's parking team; 31 penalty notices issued.

**March**

> At the **Headland Residents' Forum** on Tuesday 11th March at the Borough Hall, you said that motorbikes were being ridden on the beach.
`
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"concern month:2025-02-01/2025-02-28 parking_traffic",
		"meeting 2025-03-11 off_road_bikes",
		"concern 2025-03-11 off_road_bikes",
	}, got)
}

// TestJoiningResidentsOnARelativeDay: "On Wednesday evening the
// commissioner crossed the border into Middlesbrough, joining Nunthorpe
// residents at the Nunthorpe Community Hub" is a meeting that day; GPS
// units "taken from tractors" are farm theft (rural crime).
func TestJoiningResidentsOnARelativeDay(t *testing.T) {
	doc := `# Rural thefts and speeding top the bill as PCC meets villagers

By Rachel Hindmarsh, Local Democracy Reporter · Published: Friday 8 March 2024

On Wednesday evening the commissioner crossed the border into Middlesbrough, joining Nunthorpe residents at the Nunthorpe Community Hub. There the conversation turned to a run of car thefts from driveways.
`
	require.Equal(t, []string{
		"meeting 2024-03-06 E05015469 burglary_theft",
		"concern 2024-03-06 E05015469 burglary_theft",
	}, summary(t, doc))
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	var themes []string
	for _, m := range r.concernMatches("GPS units being taken from tractors") {
		themes = append(themes, m.Theme)
	}
	require.Equal(t, []string{"rural_crime"}, themes)
}

// TestAtAVenueResidentsRaised: a sentence opening at a venue on a day,
// where members of a ward's community asked for something, is a meeting
// there; quad bikes "racing along the cycle path" are the bikes, not a
// second theme of speeding.
func TestAtAVenueResidentsRaised(t *testing.T) {
	doc := "PROGRAMME OF ENGAGEMENT: JANUARY AND FEBRUARY 2016\n\nReport to the Police and Crime Panel, 1 March 2016\n\n" +
		"4.2 A week later the Commissioner travelled to East Cleveland. At Loftus Town Hall on Thursday 11th February, members of the Loftus ward community asked for more to be done about vehicles speeding through Carlin How.\n"
	require.Equal(t, []string{
		"meeting 2016-02-11 E05001514 speeding",
		"concern 2016-02-11 E05001514 speeding",
	}, summary(t, doc))
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	var themes []string
	for _, m := range r.concernMatches("Scramblers and quad bikes coming down from the hills and racing along the cycle path.") {
		themes = sortedUnion(themes, []string{m.Theme})
	}
	require.Equal(t, []string{"off_road_bikes"}, themes)
}

// TestWeDidHeadingIsThePolicesAccount: under a "We did" heading, "Joint
// patrols ... took place during May and June" is the police's account, no
// meeting; "residents told us they would like to see officers out on foot
// more often" at a PACT meeting is visible policing.
func TestWeDidHeadingIsThePolicesAccount(t *testing.T) {
	doc := `# You said, we did: Hartlepool South, May and June 2017

Posted 3 July 2017

## Foggy Furze

### You said

Parents were parking on the zig-zag lines outside the primary schools.

### We did

Joint patrols with the council's parking enforcement officers took place during May and June.

## Your PACT meetings

At the Manor House PACT meeting on Wednesday 14 June at Owton Manor Community Centre, residents told us they would like to see officers out on foot more often.
`
	res, err := newExtractor(t, Config{}).Extract("page.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"concern period:2017-05-01/2017-06-30 E05008945 parking_traffic",
		"meeting 2017-06-14 E05008949 visible_policing",
		"concern 2017-06-14 E05008949 visible_policing",
	}, got)
}

// TestMinutesPointsResidentsReported: under a police update in minutes,
// residents who "reported" something, "had received calls" from
// fraudsters, or "pressed for action on speeding" at another forum tell
// concerns; motorbikes "ridden at speed" are the bikes.
func TestMinutesPointsResidentsReported(t *testing.T) {
	doc := `GUISBOROUGH WARD COMMUNITY FORUM
Minutes of the meeting held on Tuesday 12th November 2019 at Sunnyfield House, Guisborough

2. MATTERS ARISING
Cllr Halton said that at the Belmont ward forum on 8th October residents there had pressed for action on speeding along Hutton Lane.

3. POLICE UPDATE
Sgt Ellerby introduced the team. Points raised in discussion:

 3.2 Off-road motorcycles - residents of the estates reported motorbikes being ridden at speed on the forest tracks.
 3.4 Telephone scams - two older residents had received calls from people claiming to be from their bank.
`
	require.Equal(t, []string{
		"meeting 2019-11-12 E05012443 fraud_scams,off_road_bikes",
		"meeting 2019-10-08 E05012437 speeding",
		"concern 2019-10-08 E05012437 speeding",
		"concern 2019-11-12 E05012443 off_road_bikes",
		"concern 2019-11-12 E05012443 fraud_scams",
	}, summary(t, doc))
}

// TestMinutesHeldOnLineAndPolicingReport: under a minutes title the line
// "Held on <day> at <venue>" (no "Date:" label, no colon) is the recorded
// meeting's; what the neighbourhood policing report says under its own
// heading is the police's account, not a resident's concern.
func TestMinutesHeldOnLineAndPolicingReport(t *testing.T) {
	doc := `Kader Residents' Group

Minutes of the Meeting

Held on Tuesday 3rd October 2017 at Kader Community Centre

Neighbourhood Policing Report

Helen read out the ASB figures, 12 incidents in September 2017 compared to 20 in September 2016.

Any Other Business

Residents complained about motorbikes being ridden across the playing field.
`
	require.Equal(t, []string{
		"meeting 2017-10-03 E05009860 off_road_bikes",
		"concern 2017-10-03 E05009860 off_road_bikes",
	}, summary(t, doc))
}

// TestListedMonths: months listed with "and" or commas are one meeting
// each; a range says nothing of how many meetings it held.
func TestListedMonths(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"in January and February 2021", []string{"2021-01", "2021-02"}},
		{"in March, April and May 2019", []string{"2019-03", "2019-04", "2019-05"}},
		{"in June and August 2018", []string{"2018-06", "2018-08"}},
		{"from January to March 2021", nil},
		{"between June and August 2018", nil},
		{"in January 2021", nil},
	} {
		ds := dates.Find(tc.in)
		require.Len(t, ds, 1, tc.in)
		var got []string
		for _, m := range listedMonths(ds[0]) {
			got = append(got, fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)))
		}
		require.Equal(t, tc.want, got, tc.in)
	}
}

// TestMeetingsOneAMonth: "held meetings in January and February" is a
// meeting in each month; what the report says after it, not saying at
// which, is said of the two months. A town council whose town spans
// several wards is its authority's, not the ward named after the town.
func TestMeetingsOneAMonth(t *testing.T) {
	doc := `Guisborough Town Council held its meetings online in March and April 2021.

Speeding on Westgate. - Residents of Guisborough complained about cars racing along Westgate at night.
`
	require.Equal(t, []string{
		"meeting 2021-03-01  ",
		"meeting 2021-04-01  ",
		"concern 2021-03-01 E05012443 speeding",
	}, summary(t, doc))
}

// TestIssuesListUnderMeetingsTable: "Issues raised at these meetings
// included:" under a table of meetings, then one item a place: each item
// is the meeting of the place it names (its day and ward), even a ward
// name too common to take alone ("Newport"); the sentence that points to
// the table is no meeting of its own.
func TestIssuesListUnderMeetingsTable(t *testing.T) {
	doc := `The table below lists the community meetings the Commissioner attended in Middlesbrough in July and August 2017.

| Date | Meeting | Location |
|---|---|---|
| Tues 4 July 2017 | Community meeting | Hemlington |
| Wed 12 July 2017 | Residents' association | Newport, Middlesbrough |

Issues raised at these meetings included:

- Hemlington – off-road bikes on the lake paths.
- Newport – drug dealing in the back alleys.
`
	require.Equal(t, []string{
		"meeting 2017-07-04 E05009859 off_road_bikes",
		"meeting 2017-07-12 E05009866 drugs",
		"concern 2017-07-04 E05009859 off_road_bikes",
		"concern 2017-07-12 E05009866 drugs",
	}, summary(t, doc))
}

// TestPlaceLedBeforeTheNextMeeting: after a table of meetings, a paragraph
// whose first sentence tells what was raised at one table meeting's place,
// with no day of its own, before a sentence telling the next meeting by
// its place and a relative day (placeLedBefore), gives the first
// sentence's concerns to that place's meeting and day, not the next
// sentence's; a lead naming a day of its own, or no table meeting's
// place, is read as before.
func TestPlaceLedBeforeTheNextMeeting(t *testing.T) {
	table := `CLEVELAND POLICE AND CRIME PANEL

12 SEPTEMBER 2017

1.1 To inform Members of the Commissioner's engagement with the public during the period 1 June to 31 July 2017.

3.1 Meetings attended in the period are listed in the table below.

| Date | Engagement | Local authority |
|---|---|---|
| 27 June 2017 | Acklam ward meeting | Middlesbrough |
| 4 July 2017 | Hemlington community meeting | Middlesbrough |
| 11 July 2017 | Linthorpe residents' association | Middlesbrough |

4. ISSUES RAISED BY RESIDENTS

4.1 Residents in Acklam raised littering in the park.

`
	for _, tt := range []struct {
		para string
		want []string
	}{
		{"4.2 In Hemlington, concerns centred on motorbikes tearing along the lake paths. At Linthorpe the following Tuesday the main issue was drug dealing in the back alleys.\n",
			[]string{"meeting 2017-06-27 E05009853 environmental", "meeting 2017-07-04 E05009859 off_road_bikes", "meeting 2017-07-11 E05009862 drugs",
				"concern 2017-06-27 E05009853 environmental", "concern 2017-07-04 E05009859 off_road_bikes", "concern 2017-07-11 E05009862 drugs"}},
		// must not fire: the lead names no table meeting's place, or names a day of its own
		{"4.2 Across the town, concerns centred on motorbikes tearing along the lake paths. At Linthorpe the following Tuesday the main issue was drug dealing in the back alleys.\n",
			[]string{"meeting 2017-06-27 E05009853 environmental", "meeting 2017-07-04 E05009859 ", "meeting 2017-07-11 E05009862 drugs,off_road_bikes",
				"concern 2017-06-27 E05009853 environmental", "concern 2017-07-11 E05009862 off_road_bikes", "concern 2017-07-11 E05009862 drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, table+tt.para), tt.para)
	}
}

// TestInPlaceToListenToResidents: "was in Hemlington on Wednesday evening
// to listen to residents" is a meeting on that day, though it says no
// meeting word and no verb of attending.
func TestInPlaceToListenToResidents(t *testing.T) {
	doc := `Published: Friday 22 March 2024

The Commissioner was in Hemlington on Wednesday evening to listen to residents at the community hub.

Many spoke about motorbikes tearing along the footpaths by the school.
`
	require.Equal(t, []string{
		"meeting 2024-03-20 E05009859 off_road_bikes",
		"concern 2024-03-20 E05009859 off_road_bikes",
	}, summary(t, doc))
}

// TestMonthColumnAndCarsBrokenInto: a "You said" table whose first column
// is headed "Month" dates each row by its month (of the publication's
// year: the months just gone); cars "parked overnight ... were broken
// into" are what was broken into, not a parking complaint.
func TestMonthColumnAndCarsBrokenInto(t *testing.T) {
	doc := `Posted on Tuesday 5 March 2024

| Month | Where | You said | We did |
|---|---|---|---|
| January | Hartburn | Cars parked overnight on the streets off the Avenue were broken into. | Extra patrols. |
| February | Hartburn | Drug dealing from a flat. | Warrant executed. |
`
	require.Equal(t, []string{
		"concern 2024-01-01 E05014869 burglary_theft",
		"concern 2024-02-01 E05014869 drugs",
	}, summary(t, doc))
}

// TestWalkaboutCarsRacingAndFarmersClause: "walked Stockton High Street
// ... with the neighbourhood sergeant" is a walkabout; "nuisance
// motorbikes ... and cars racing on Hart Lane" is speeding too (the cars
// race, not the bikes); the farmers of one clause do not make the
// burglaries of the next farm theft.
func TestWalkaboutCarsRacingAndFarmersClause(t *testing.T) {
	doc := `Published: Friday 18 July 2025

On Tuesday he walked Stockton High Street with the town centre neighbourhood sergeant, in Stockton Town Centre ward. Traders told him that shoplifting had become a daily event.

On Wednesday he held a surgery in Throston ward. The main worries were nuisance motorbikes being ridden along the cycle paths late into the evening, and cars racing on Hart Lane.

On Thursday he was at a drop-in in Nunthorpe ward, where people described lurchers on the farmland at night, which farmers believe is hare coursing, and a run of burglaries from garages and garden sheds.
`
	require.Equal(t, []string{
		"meeting 2025-07-15 E05014882 burglary_theft",
		"concern 2025-07-15 E05014882 burglary_theft",
		"meeting 2025-07-16 E05013048 off_road_bikes,speeding",
		"concern 2025-07-16 E05013048 off_road_bikes,speeding",
		"meeting 2025-07-17 E05015469 burglary_theft,rural_crime",
		"concern 2025-07-17 E05015469 burglary_theft,rural_crime",
	}, summary(t, doc))
}

// TestReportingWaitAndLitterPick: a member who "waited forty minutes to
// report a break-in next door and nobody came out" complains of the
// police's answer, not of a burglary; "the Easter litter pick had filled
// 40 bags" is the residents' own clean-up, no concern.
func TestReportingWaitAndLitterPick(t *testing.T) {
	doc := `# Roseworth Residents' Association

Minutes of the monthly meeting, Thursday 21st April 2016, Roseworth Community Centre

One member asked whether the 101 line would ever get answered quicker: she had waited forty minutes to report a break-in next door and nobody came out until the next day.

Ray reported that the Easter litter pick had filled 40 bags.
`
	require.Equal(t, []string{
		"meeting 2016-04-21 E05001547 visible_policing",
		"concern 2016-04-21 E05001547 visible_policing",
	}, summary(t, doc))
}

// TestTwoRecordsInOneDocumentAndCouncillorsSpeech: a page holding two
// sets of minutes reads the second title as the next meeting held (not as
// a meeting the first minutes speak of as to come, even under their "Date
// of next meeting"), and its items are its own; a councillor's words as
// minutes report them ("Cllr Rennison said that ...", not quoted) raise a
// concern even under the police's item.
func TestTwoRecordsInOneDocumentAndCouncillorsSpeech(t *testing.T) {
	doc := `ELWICK PARISH COUNCIL

MINUTES OF THE ORDINARY MEETING OF ELWICK PARISH COUNCIL HELD ON MONDAY 10TH FEBRUARY 2014 AT 7.00PM IN ELWICK VILLAGE HALL

14/12 POLICE MATTERS

PCSO Grainger gave the crime figures for January. A resident complained about vans speeding through the village.

14/15 DATE OF NEXT MEETING

Monday 10th March 2014 at 7.00pm in the Village Hall.

MINUTES OF THE ORDINARY MEETING OF ELWICK PARISH COUNCIL HELD ON MONDAY 10TH MARCH 2014 AT 7.00PM IN ELWICK VILLAGE HALL

14/19 POLICE MATTERS

Cllr Rennison said that two homes on the edge of the village had had oil stolen from their heating tanks.
`
	require.Equal(t, []string{
		"meeting 2014-02-10 E05008950 speeding", // (Elwick: in Rural West ward)
		"concern 2014-02-10 E05008950 speeding",
		"meeting 2014-03-10 E05008950 burglary_theft",
		"concern 2014-03-10 E05008950 burglary_theft",
	}, summary(t, doc))
}

// TestTwoMeetingsTheSecondsOwnPlace: in "the Ayresome ward community
// meeting ... on Thursday 10th May, where people asked why officers are
// rarely seen round Ayresome Park, and the Newport ward meeting ... on
// Tuesday 12th June, where ..." the second meeting is Newport's (its own
// words after ", and"), not the park the first one's concern named; racist
// abuse shouted in the street is hate crime, not anti-social behaviour too.
func TestTwoMeetingsTheSecondsOwnPlace(t *testing.T) {
	doc := `Published Friday 6th July 2018

We attended the Ayresome ward community meeting at the Neptune Centre on Thursday 10th May, where people asked why officers are so rarely seen walking round Ayresome Park, and the Newport ward meeting at the Newport Hub on Tuesday 12th June, where two families described racist abuse shouted at them in the street.
`
	require.Equal(t, []string{
		"meeting 2018-05-10 E05009854 visible_policing",
		"meeting 2018-06-12 E05009866 hate_crime",
		"concern 2018-05-10 E05009854 visible_policing",
		"concern 2018-06-12 E05009866 hate_crime",
	}, summary(t, doc))
}

// TestSpeedWatchSessionIsNoMeeting: in minutes, "the Community Speed Watch
// group, which ran its first session on Saturday 28th August" tells
// enforcement work, not a meeting; villagers who ask for a Speed Watch at a
// meeting still tell theirs.
func TestSpeedWatchSessionIsNoMeeting(t *testing.T) {
	doc := `# Stainton and Thornton Parish Council

Minutes of the meeting held on Tuesday 14 September 2021 at the Methodist Church Hall, Stainton

Several residents said that drivers use Thornton Road as a race track. PCSO Arkle said that the Community Speed Watch group, which ran its first session on Saturday 28th August, would welcome more volunteers.
`
	require.Equal(t, []string{
		"meeting 2021-09-14 E05009871 speeding",
		"concern 2021-09-14 E05009871 speeding",
	}, summary(t, doc))
	doc = `Published: Wednesday 13 March 2013

On Monday the Commissioner was at the Greatham community meeting, where villagers asked for a Community Speed Watch scheme to stop drivers racing along the main street.
`
	require.Equal(t, []string{
		"meeting 2013-03-11  speeding",
		"concern 2013-03-11  speeding",
	}, summary(t, doc))
}

// TestDatelineRunIntoTheFirstParagraph: a publication dateline run into
// the first paragraph ("17 November 2021 Billingham North councillor ...
// raised concerns ... at a meeting on Tuesday") is no meeting's day; the
// sentence's own day is.
func TestDatelineRunIntoTheFirstParagraph(t *testing.T) {
	doc := `17 November 2021 Billingham North councillor Chris Barlow raised concerns about bad behaviour in High Grange Park at a meeting on Tuesday.

Published 17 November 2021
`
	require.Equal(t, []string{
		"meeting 2021-11-16 E05001529 antisocial_behaviour",
		"concern 2021-11-16 E05001529 antisocial_behaviour",
	}, summary(t, doc))
}

// TestPackedTheHallToTellTheCommissioner: "villagers packed Loftus Town
// Hall last night to tell the county's police commissioner that thieves
// and quad bikers are running rings around them" is a meeting and what they
// told him its concern (farm thieves: rural crime); a farmer's quoted "when
// you ring, it's an hour before anyone comes" is the police's response, not
// an appeal to the reader; "a string of wheelie bin fires" is criminal
// damage; residents who "have asked for a meeting of their own" raise
// nothing at this one.
func TestPackedTheHallToTellTheCommissioner(t *testing.T) {
	doc := `By Karen Wilde · Thursday, 22 June 2017

FARMERS and villagers packed Loftus Town Hall last night to tell the county's police commissioner that thieves and quad bikers are running rings around them.

"We feel forgotten out here," one farmer said. "When you ring, it's an hour before anyone comes, if they come at all."

It was a different picture on Monday at the Grangetown meeting, where the talk was of a string of wheelie bin fires in back lanes.

Residents in Marske have asked for a meeting of their own after a spate of car break-ins.
`
	require.Equal(t, []string{
		"meeting 2017-06-21 E05001514 off_road_bikes,rural_crime,visible_policing",
		"concern 2017-06-21 E05001514 off_road_bikes,rural_crime",
		"concern 2017-06-21 E05001514 visible_policing",
		"meeting 2017-06-19 E05001509 criminal_damage",
		"concern 2017-06-19 E05001509 criminal_damage",
	}, summary(t, doc))
}

// TestAWeekEarlierOnTheFourth: "It was the second of the Commissioner's
// Hartlepool meetings this month" sums up (no meeting of its own), and "A
// week earlier, on the 4th, he was at the Borough Hall for the Headland and
// Harbour meeting" is a meeting before the one told last; "drivers using
// Station Lane as a racetrack ... were the second big worry" is speeding.
func TestAWeekEarlierOnTheFourth(t *testing.T) {
	doc := `Posted on Friday 14 March 2014

More than forty people squeezed into the Seaton Carew community hall on Tuesday evening for the Commissioner's meeting for the Seaton ward. Drivers using Station Lane as a racetrack after dark were the second big worry.

It was the second of the Commissioner's Hartlepool meetings this month. A week earlier, on the 4th, he was at the Borough Hall for the Headland and Harbour meeting, where people spoke about dealing going on openly near the Town Wall and the mess left by dog owners along the promenade.
`
	require.Equal(t, []string{
		"meeting 2014-03-11 E05008951 speeding",
		"concern 2014-03-11 E05008951 speeding",
		"meeting 2014-03-04 E05008947 drugs,environmental",
		"concern 2014-03-04 E05008947 drugs,environmental",
	}, summary(t, doc))
}

// TestJointMeetingAndReportsFromFarmers: "a joint Teesville and Normanby
// residents' meeting" is one meeting of two wards, so its authority's;
// "cars and camper vans blocking the seafront road" is parking; "the rural
// crime team took reports from farmers in the villages of East Cleveland
// about dogs being used to course hares" is a rural crime concern of the
// month, in Redcar and Cleveland.
func TestJointMeetingAndReportsFromFarmers(t *testing.T) {
	doc := `Posted on Friday 8 November 2024 by the Communications Team

The Commissioner joined ward councillors for a joint Teesville and Normanby residents' meeting at Normanby Methodist Church on Tuesday. Fireworks were top of the list.

At the Coatham ward meeting in Redcar Library on 22 October, residents told us about cars and camper vans blocking the seafront road at weekends.

Throughout October the rural crime team took reports from farmers in the villages of East Cleveland about dogs being used to course hares on their land at night.
`
	require.Equal(t, []string{
		"meeting 2024-11-05  antisocial_behaviour",
		"concern 2024-11-05  antisocial_behaviour",
		"meeting 2024-10-22 E05012439 parking_traffic",
		"concern 2024-10-22 E05012439 parking_traffic",
		"concern 2024-10-01  rural_crime",
	}, summary(t, doc))
}

// TestBracketedAuthorityAndCallsFromPlaceResidents: a place cell with its
// authority in brackets ("Ladgate (Middlesbrough)") is the ward, though
// "Ladgate" alone is too common a word to take; "calls and e-mails from
// Hemlington residents about motorbikes" throughout two months is a concern
// of those months in Hemlington.
func TestBracketedAuthorityAndCallsFromPlaceResidents(t *testing.T) {
	doc := `Report of the Police and Crime Commissioner, 12 November 2019

| Date | Ward | Venue | Issues raised |
|---|---|---|---|
| Thursday 3 October 2019 | Ladgate (Middlesbrough) | Pallister Park Community Hub | People dealing from cars in the park car park. |

Throughout September and October 2019 his office has also received a steady run of calls and e-mails from Hemlington residents about motorbikes being ridden on the fields.
`
	require.Equal(t, []string{
		"meeting 2019-10-03 E05009861 drugs",
		"concern 2019-10-03 E05009861 drugs",
		"concern 2019-09-01 E05009859 off_road_bikes",
	}, summary(t, doc))
}

// TestWaterBoardIsNoMeeting: "visited by men claiming to be from the water
// board" told at a meeting is a scam raised there, not a board meeting.
func TestWaterBoardIsNoMeeting(t *testing.T) {
	doc := `Report of the Police and Crime Commissioner, 8 March 2022

3.5 Marton East ward, Middlesbrough (Tuesday 8 February 2022, St Cuthbert's Church Hall). Two households had been visited by men claiming to be from the water board.
`
	require.Equal(t, []string{
		"meeting 2022-02-08 E05009864 fraud_scams",
		"concern 2022-02-08 E05009864 fraud_scams",
	}, summary(t, doc))
}

// TestNotesCountFromTheirMeetingDay: notes of a meeting that give no
// publication date count their relative dates from the meeting's day
// ("had attended the Billingham community forum last month"
// in the notes of 2 October 2013 is September's); a police report's "crime
// in the ward ... last month" names no ward meeting of its own.
func TestNotesCountFromTheirMeetingDay(t *testing.T) {
	doc := `NORTON SOUTH WARD - RESIDENTS' POLICE AND COMMUNITY MEETING
Notes of meeting, Wednesday 2 October 2013, 6pm

2) Neighbourhood policing update

Crime in the ward remains low compared with the rest of the borough last month.

3) Open session

Syringes are being left in the alley behind the High Street shops. The Commissioner said he had attended the Billingham community forum last month.
`
	require.Equal(t, []string{
		"meeting 2013-10-02 E05001544 drugs",
		"meeting 2013-09-01  ",
		"concern 2013-10-02 E05001544 drugs",
	}, summary(t, doc))
}

// TestWishAndTheOfficialsReply: "Residents would like to see officers
// walking through the village more often; the PCC said he would pass this
// on": a resident's wish, not a promise, and the official's reply after the
// semicolon is no part of what was raised.
func TestWishAndTheOfficialsReply(t *testing.T) {
	doc := `# Eaglescliffe West Ward Meeting

Minutes of the meeting held on Tuesday 14 November 2023 at the Eaglescliffe Community Centre

- Residents would like to see officers walking through the village more often; the PCC said he would pass this on.
`
	require.Equal(t, []string{
		"meeting 2023-11-14 E05014865 visible_policing",
		"concern 2023-11-14 E05014865 visible_policing",
	}, summary(t, doc))
}

// TestThemedForumsConcern: what a forum named for a theme raises without a
// theme word of its own ("Forum members told the Commissioner that victims
// are waiting too long for cases to come to court") is of its theme.
func TestThemedForumsConcern(t *testing.T) {
	doc := `Report of the Police and Crime Commissioner, 8 March 2022

4.3 A meeting with the Hartlepool Domestic Abuse Forum took place at the Civic Centre on 3 February 2022. Forum members told the Commissioner that victims are waiting too long for cases to come to court.
`
	require.Equal(t, []string{
		"meeting 2022-02-03  domestic_abuse",
		"concern 2022-02-03  domestic_abuse",
	}, summary(t, doc))
}

// TestLastWeekHeWasInWhereResidentsRaised: "Last week he was in Ingleby
// Barwick, where residents of the Ingleby Barwick North ward raised
// concerns about ..." is a meeting of last week (a period), in that ward.
func TestLastWeekHeWasInWhereResidentsRaised(t *testing.T) {
	doc := `Published: Thursday 14 March 2024

Last week he was in Ingleby Barwick, where residents of the Ingleby Barwick North ward raised concerns about cannabis being sold from parked cars near the play areas.
`
	require.Equal(t, []string{
		"meeting 2024-03-04 E05014870 drugs",
		"concern 2024-03-04 E05014870 drugs",
	}, summary(t, doc))
}

// TestHadBeenOnTheEleventh: in the notes of a meeting on the 16th, "drug
// dealing had been the main topic at the Ayresome ward meeting on the
// 11th" tells an earlier meeting of the same month.
func TestHadBeenOnTheEleventh(t *testing.T) {
	doc := `# Linthorpe Community Council

Notes of the meeting held on Monday 16 April 2018 at Linthorpe Community Centre

Two residents from Ayresome said that drug dealing had been the main topic at the Ayresome ward meeting on the 11th.
`
	got := summary(t, doc)
	require.Contains(t, got, "meeting 2018-04-11 E05009854 drugs")
}

// TestRouteThroughTheNextWard: a concern told at a ward's meeting naming the
// next ward only as the way riders or drivers go ("quad bikes were being
// ridden across Linthorpe", told at the Ayresome meeting) is the meeting's;
// one naming the other ward as where it happens ("burglaries in Linthorpe")
// stays that ward's.
func TestRouteThroughTheNextWard(t *testing.T) {
	const head = "Posted on Friday 10 March 2017\n\nAbout thirty people came to the Ayresome ward community meeting last night.\n\n"
	tests := []struct{ body, want string }{
		{"Residents said quad bikes were being ridden across Linthorpe late at night.", "concern 2017-03-09 E05009854 off_road_bikes"},
		{"Residents said vans kept racing up and down the Linthorpe side streets.", "concern 2017-03-09 E05009854 speeding"},
		// (must not fire: where it happens, not a route)
		{"Residents said burglaries in Linthorpe had doubled.", "concern 2017-03-09 E05009862 burglary_theft"},
	}
	for _, tt := range tests {
		require.Contains(t, summary(t, head+tt.body+"\n"), tt.want, tt.body)
	}
}

// TestNewsLeadBeforeItsMeeting: a news item's opening tells what was raised
// ("Residents ... have told Cleveland's Police and Crime Commissioner that
// quad bikes and scramblers ... are making their lives a misery") before the
// paragraph that tells the meeting: it is that meeting's concern, in the
// meeting's ward, not lost for want of a day.
func TestNewsLeadBeforeItsMeeting(t *testing.T) {
	doc := `Posted on Friday 6 March 2020

Residents in south Middlesbrough have told Cleveland's Police and Crime Commissioner that quad bikes and scramblers tearing around the lake are making their lives a misery.

Barry Coppinger was speaking to around forty people at the Hemlington ward community meeting at the Viewley Centre last night.
`
	require.Equal(t, []string{
		"meeting 2020-03-05 E05009859 off_road_bikes",
		"concern 2020-03-05 E05009859 off_road_bikes",
	}, summary(t, doc))
}

// TestOpeningNamesTheMeetingsWard: a news item's opening tells whose
// meeting it was, with no day ("Residents of Hemlington had their say at a
// busy public meeting this week"); the next paragraph gives the day and the
// venue but no place: the meeting is the opening's ward's, not the
// authority's. An opening naming two wards, or telling no meeting, or a
// paragraph naming its own ward or another authority, does not move it.
func TestOpeningNamesTheMeetingsWard(t *testing.T) {
	const hall = "Some thirty people filled the Viewley Centre on Tuesday 3rd March to put questions to the Commissioner. Speeding on Cass House Road was raised."
	tests := []struct{ lead, next, want string }{
		{"Residents of Hemlington had their say at a busy public meeting this week.", hall, "E05009859"},
		{"Tenants from Hemlington spoke up at the residents' forum this week.", hall, "E05009859"},
		// (two wards: no telling which)
		{"People in Hemlington and Coulby Newham had their say at a busy public meeting this week.", hall, ""},
		// (no meeting told in the opening)
		{"Residents of Hemlington have complained for months about the state of the roads.", hall, ""},
		// (the paragraph names its own ward, or a place of another authority)
		{"Residents of Hemlington had their say at a busy public meeting this week.", "Some thirty people filled the church hall in Coulby Newham ward on Tuesday 3rd March to put questions to the Commissioner. Speeding on Cass House Road was raised.", "E05009858"},
		{"Residents of Hemlington had their say at a busy public meeting this week.", "Some thirty people filled the church hall in Hartlepool on Tuesday 3rd March to put questions to the Commissioner. Speeding on Cass House Road was raised.", ""},
	}
	for _, tt := range tests {
		got := summary(t, "Posted on Friday 6 March 2020\n\n"+tt.lead+"\n\n"+tt.next+"\n")
		require.Contains(t, got, "meeting 2020-03-03 "+tt.want+" speeding", tt.lead+" / "+tt.next)
	}
}

// TestRoundLeadIsNoOneMeetings: an opening that sums up a round of meetings
// it does not count ("... were among the concerns put to the Commissioner at
// a run of community meetings over the past month") tells what the
// paragraphs after it tell meeting by meeting: its themes are not the first
// meeting's. One that counts them ("at two packed meetings this week") is
// read as before, and so is the lead of one meeting.
func TestRoundLeadIsNoOneMeetings(t *testing.T) {
	const meeting = "\n\nYesterday evening the Commissioner met around 40 residents at the Marton East ward meeting in St Cuthbert's church hall. Residents asked for speed checks on Stokesley Road.\n"
	tests := []struct{ lead, want string }{
		{"Speeding, scams and county lines drug dealing were among the concerns put to the Commissioner at a run of community meetings over the past month.", "speeding"},
		{"Speeding, scams and drug dealing were raised with the Commissioner at several ward meetings this month.", "speeding"},
		{"Residents have told the Commissioner that scams and drug dealing are their biggest worries, at two packed meetings this week.", "drugs,fraud_scams,speeding"},
		{"Residents in Marton have told the Commissioner that scams and drug dealing are their biggest worries.", "drugs,fraud_scams,speeding"},
	}
	for _, tt := range tests {
		got := summary(t, "Posted on Wednesday 12 March 2025\n\n"+tt.lead+meeting)
		require.Contains(t, got, "meeting 2025-03-11 E05015468 "+tt.want, tt.lead)
	}
}

// TestInsideAResidentsQuotation: the second sentence of a resident's
// quotation ("... said: “We used to have a bobby we all knew by name. Now if
// you ring, you are lucky if anyone comes out the same day.”") is still
// theirs: its "if you" is the speaker's, not an appeal to the reader.
func TestInsideAResidentsQuotation(t *testing.T) {
	doc := `Posted on Friday 6 March 2020

Barry Coppinger was speaking to residents at the Hemlington ward community meeting last night.

One resident, who has lived in the area for thirty years, said: “We used to have a bobby we all knew by name. Now if you ring, you are lucky if anyone comes out the same day.”
`
	require.Equal(t, []string{
		"meeting 2020-03-05 E05009859 visible_policing",
		"concern 2020-03-05 E05009859 visible_policing",
	}, summary(t, doc))
}

// TestCouncillorsMetWithPolice: "Last night Borough and Parish councillors
// from the south of the Borough (Thornaby, Ingleby Barwick, Yarm &
// Eaglescliffe) met with police for an update on neighbourhood policing" is
// a meeting of all four places, so the authority's; the update is what the
// police told them, no concern; what the writer "didn't have the
// opportunity to explore" was not raised.
func TestCouncillorsMetWithPolice(t *testing.T) {
	doc := `Friday, April 04, 2008

Last night Borough and Parish councillors from the south of the Borough (Thornaby, Ingleby Barwick, Yarm & Eaglescliffe) met with police for an update on neighbourhood policing. But that meant that we didn't have the opportunity to explore ways to reduce the very real problems we have with anti-social behaviour.
`
	require.Equal(t, []string{"meeting 2008-04-03  "}, summary(t, doc))
}

// TestGatheringTopicIsNoConcern: the topic of a gathering of officials
// told beside a meeting ("a regional workshop on anti-social behaviour for
// housing officers") is what that gathering was about, not a concern
// residents raised (briefingRE); the same theme raised by residents, or a
// workshop asked for because of it, stays a concern.
func TestGatheringTopicIsNoConcern(t *testing.T) {
	head := "# Out and about\n\nPublished: 17 November 2018\n\nOn Wednesday evening I was at the Linthorpe ward meeting, where residents complained about speeding on the main road. "
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"an officials' workshop's topic", head + "Earlier I had joined a regional workshop on anti-social behaviour for housing officers.\n",
			[]string{"meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"a Home Office roundtable's topic", head + "That morning I sat at a Home Office roundtable about drug dealing.\n",
			[]string{"meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"raised by residents", head + "Residents also raised anti-social behaviour near the shops.\n",
			[]string{"meeting 2018-11-14 E05009862 antisocial_behaviour,speeding", "concern 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 antisocial_behaviour"}},
		{"a workshop asked for because of it", head + "Parents asked for a workshop at the school, as anti-social behaviour near the shops had got worse.\n",
			[]string{"meeting 2018-11-14 E05009862 antisocial_behaviour,speeding", "concern 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 antisocial_behaviour"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMinutesItemBesideANextMeeting: an item of minutes that names another
// body's next meeting among its business ("The next meeting of the
// Neighbourhood Plan Group was scheduled for next Tuesday (29.10.19). b) Fly
// Tipping Problems – ...") is not dropped whole as a list of meetings to
// come, and "b) ..." after a stop starts an item of its own.
func TestMinutesItemBesideANextMeeting(t *testing.T) {
	doc := `Minutes of the 247th meeting of the Stainton & Thornton Parish Council held on Tuesday, 22 October 2019 at 7pm in the Memorial Hall, Stainton

70/19. Matters arising from the above Minutes.

a) Neighbourhood Plan – The plan was almost complete. The next meeting of the Neighbourhood Plan Group was scheduled for next Tuesday (29.10.19). b) Fly Tipping Problems – It was noted that recent instances of rubbish being dumped on Seamer Road were quickly removed.
`
	require.Equal(t, []string{
		"meeting 2019-10-22 E05009871 environmental",
		"concern 2019-10-22 E05009871 environmental",
	}, summary(t, doc))
}

// TestFutureOfSomethingElse: "which will see him visit every ward over the
// coming year" is the programme's future, not the meeting's: a meeting
// residents "turned out at" on Monday was held. Without the past verb the
// sentence tells a plan.
func TestFutureOfSomethingElse(t *testing.T) {
	head := "Posted on Friday 14th March 2014\n\n"
	got := summary(t, head+"Around forty residents turned out at the Seaton ward meeting on Monday evening, held as part of the Commissioner's programme, which will see him visit every ward in Hartlepool over the coming year. Several people described riders on unregistered motorbikes using the dunes as a racetrack.\n")
	require.Equal(t, []string{"meeting 2014-03-10 E05008951 off_road_bikes", "concern 2014-03-10 E05008951 off_road_bikes"}, got)
	got = summary(t, head+"The Seaton ward meeting on Monday 17 March, which will be the first of the programme, is open to all.\n")
	require.Empty(t, got)
}

// TestFutureAfterASemicolon: a promise after a semicolon past the day of
// a meeting told as held ("the surgery held at the library on Saturday
// 8th March, where ...; the team will patrol ...") is the police's, not a
// meeting to come (heldPart). With no word that it was held, or with the
// future before the day, the sentence tells a plan.
func TestFutureAfterASemicolon(t *testing.T) {
	head := "Posted on Friday 14th March 2014\n\n"
	for _, text := range []string{
		"The PCSO told us about the ward surgery held at Seaton library on Saturday 8th March, where the big complaint was quad bikes on the dunes; the team will patrol there at weekends.\n",
		"Residents turned out at the Seaton ward surgery on Saturday 8th March and complained about quad bikes on the dunes; the council will put up new signs.\n",
	} {
		got := summary(t, head+text)
		require.NotEmpty(t, got, text)
		require.True(t, strings.HasPrefix(got[0], "meeting 2014-03-08 E05008951 off_road_bikes"), got[0])
	}
	// must not fire
	require.Empty(t, summary(t, head+"The PCSO will hold a ward surgery at Seaton library on Saturday 22nd March; residents can raise quad bikes on the dunes.\n"))
	require.Empty(t, summary(t, head+"A ward surgery is to be held at Seaton library on Saturday 22nd March; officers will take questions about quad bikes.\n"))
}

// TestArrangedInThePresentProgressive: a meeting told in the present
// progressive of an arrangement ("Kath is stepping down as chair at the
// AGM in October", "the PCSO is holding a drop-in meeting on Friday 21st
// June") is one to come (arrangedRE): its month or day without a year is
// the next one, a plan, not last year's meeting. A meeting told in the
// past, or with a present progressive that is no arrangement ("residents
// are still complaining about ... raised at the May meeting"), stays held.
func TestArrangedInThePresentProgressive(t *testing.T) {
	head := "Published: 12 June 2019\n\n"
	for _, tt := range []struct {
		name, text string
		want       []string
		planned    string
	}{
		{"stepping down", "Kath is stepping down as chair at the AGM in October, so nominations please.", nil, "2019-10-01"},
		{"holding a drop-in", "PCSO Ward is also holding a drop-in meeting at the library on Friday 21st June.", nil, "2019-06-21"},
		{"we're running", "We're running a public meeting in Grangetown in September with the neighbourhood team.", nil, "2019-09-01"},
		// must not fire
		{"past", "Kath stood down as chair at the AGM in October, and residents raised speeding in Grangetown.", []string{"meeting month:2018-10-01/2018-10-31 E05001509 speeding", "concern month:2018-10-01/2018-10-31 E05001509 speeding"}, ""},
		{"idiom", "Residents in Grangetown say quad bikers are running rings around them, as the public meeting heard in May.", []string{"meeting month:2019-05-01/2019-05-31 E05001509 off_road_bikes", "concern month:2019-05-01/2019-05-31 E05001509 off_road_bikes"}, ""}, // (what the meeting heard: topicConcerns)
		{"complaining", "Residents in Grangetown are still complaining about speeding, as at the public meeting in May.", []string{"meeting month:2019-05-01/2019-05-31 E05001509 speeding", "concern month:2019-05-01/2019-05-31 E05001509 speeding"}, ""},
	} {
		res, err := newExtractor(t, Config{}).Extract("notes.txt", []byte(head+tt.text+"\n"))
		require.NoError(t, err, tt.name)
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
		}
		require.Equal(t, tt.want, got, tt.name)
		planned := ""
		if len(res.Planned) > 0 {
			planned = res.Planned[0].Date
		}
		require.Equal(t, tt.planned, planned, tt.name)
	}
}

// TestWasInPlaceLastNightWhere: "was in Ingleby Barwick last night, where
// more than sixty residents squeezed into the Community Hub to put their
// questions to him" is a meeting: the day may stand between the place and
// "where", and the public gathering there is what makes it one.
func TestWasInPlaceLastNightWhere(t *testing.T) {
	got := summary(t, "Published: 17/11/2021\n\nThe Commissioner was in Ingleby Barwick last night, where more than sixty residents squeezed into the Community Hub to put their questions to him.\n\nSpeeding along Ingleby Way was raised again and again.\n")
	require.Equal(t, []string{"meeting 2021-11-16  speeding", "concern 2021-11-16  speeding"}, got)
	got = summary(t, "Published: 17/11/2021\n\nThe Commissioner was in Ingleby Barwick last night, where he opened the new library.\n")
	require.Empty(t, got)
}

// TestConcernsListedBelowByAuthority: "The concerns are listed below by
// local authority" makes the lists under the authority headings after it
// concerns, with no cue of their own; "STOCKTON-ON-TEES" in capitals is
// the authority's heading as "HARTLEPOOL" is. A list under "What we did"
// stays the police's.
func TestConcernsListedBelowByAuthority(t *testing.T) {
	doc := "What you told the Commissioner: July to September 2017\n\nThe concerns are listed below by local authority.\n\nHARTLEPOOL\n\n* Drug dealing in the parks.\n\nSTOCKTON-ON-TEES\n\n* Burglary, including thefts from sheds and garages.\n\n* Youths causing a nuisance around shopping parades.\n\nWHAT WE DID\n\n* Patrols against drug dealing in Hartlepool.\n"
	require.Equal(t, []string{
		"concern 2017-07-01 E06000001 drugs",
		"concern 2017-07-01 E06000004 burglary_theft",
		"concern 2017-07-01 E06000004 antisocial_behaviour",
	}, lads(t, doc))
	require.Empty(t, lads(t, strings.Replace(doc, "The concerns are listed below by local authority.", "Our quarterly summary.", 1)))
}

// lads lists a result's events as "type date lad themes".
func lads(t *testing.T, doc string) []string {
	t.Helper()
	res, err := newExtractor(t, Config{}).Extract("find.txt", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	return got
}

// TestConcernToldBeforeItsMeeting: a news item's opening concern with its
// own day ("on Thursday"), then the meeting of that day, then what people
// said there: the themes told again at the meeting are the same concerns,
// not second ones; a theme the opening did not tell is added.
func TestConcernToldBeforeItsMeeting(t *testing.T) {
	got := summary(t, "Posted 24 March 2014\n\nDrug dealing and thefts from garden sheds were among the worries residents of Thornaby's Village ward shared with the Commissioner on Thursday.\n\nThe Commissioner joined around 25 residents at the ward's regular community meeting, which was held at Thornaby Pavilion.\n\nPeople said they were concerned about drug dealing. A number of residents also reported that bikes had been taken from sheds, and one complained about cars across dropped kerbs.\n")
	require.Equal(t, []string{
		"concern 2014-03-20 E05001550 burglary_theft,drugs",
		"meeting 2014-03-20 E05001550 burglary_theft,drugs,parking_traffic",
		"concern 2014-03-20 E05001550 parking_traffic",
	}, got)
}

// TestFirstMeetingOfANewWard: "for the first meeting of the new Wheatlands
// ward" is that ward's first meeting ever, not "the first" of the
// paragraph's meetings: its concern is its own meeting's.
func TestFirstMeetingOfANewWard(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 3 September 2019\n\n4.1 The Commissioner joined residents of the new Skelton West ward at the Skelton Civic Hall on Monday 10th June. Riders of off-road bikes dominated the discussion. On 13th June he was in Redcar for the first meeting of the new Wheatlands ward, at which several residents reported that cars parked overnight on their driveways had been broken into.\n")
	require.Equal(t, []string{
		"meeting 2019-06-10 E05012455 off_road_bikes",
		"meeting 2019-06-13 E05012459 burglary_theft",
		"concern 2019-06-10 E05012455 off_road_bikes",
		"concern 2019-06-13 E05012459 burglary_theft",
	}, got)
}

// TestWasAtAVenueWithResidents: "the Commissioner was at Kirklevington
// Memorial Hall with residents of the Southern Villages ward" is a meeting
// with no meeting word; "two days later, on the 7th" dates it.
func TestWasAtAVenueWithResidents(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 3 February 2024\n\n2.1 The period opened on Tuesday 5th December with a meeting of residents from Ingleby Barwick North ward at the Community Hub. Speeding was the issue. Two days later, on the 7th, the Commissioner was at Kirklevington Memorial Hall with residents of the Southern Villages ward, where farmers described trailers and machinery being stolen from fields.\n")
	require.Equal(t, []string{
		"meeting 2023-12-05 E05014870 speeding",
		"meeting 2023-12-07 E05014880 rural_crime",
		"concern 2023-12-05 E05014870 speeding",
		"concern 2023-12-07 E05014880 rural_crime",
	}, got)
}

// TestParishMinutesNumbersAndBoroughCouncillor: a village's minutes whose
// attendance names "Borough Cllr R. Marley (Rural West)" are that ward's;
// an item under a council's minute number "79/14 Planning" is no concern
// ("subject to adequate parking" is a planning condition).
func TestParishMinutesNumbersAndBoroughCouncillor(t *testing.T) {
	doc := "ELWICK PARISH COUNCIL\n\nMinutes of the Ordinary Meeting of the Parish Council held in Elwick Village Hall on Monday 3rd November 2014 at 7.00 pm\n\nIn attendance: Mrs C. Elstob (Clerk); Borough Cllr R. Marley (Rural West); 6 members of the public\n\n77/14 Police matters\n\nMembers of the public said that traffic coming off the A19 still comes through the village far too fast.\n\n79/14 Planning (a) H/2014/0437 Change of use of agricultural building to holiday let, North Farm: no objection, subject to adequate parking.\n"
	require.Equal(t, []string{"meeting 2014-11-03 E05008950 speeding", "concern 2014-11-03 E05008950 speeding"}, summary(t, doc))
}

// TestPublicationSentenceAndPostDateLine: "This story was published on
// Friday 14 February 2025." after the publisher's sentence, and a social
// post's "14 November 2023 at 21:07 · 🌐", date the relative days; a
// meeting across the North Yorkshire border is no Cleveland meeting.
func TestPublicationSentenceAndPostDateLine(t *testing.T) {
	got := summary(t, "# Nunthorpe parents voice fears at packed police meeting\n\nMore than 80 people attended the Nunthorpe ward community meeting at the Nunthorpe Institute on Wednesday. Residents also raised burglaries at detached houses.\n\nResidents of Great Ayton, a few miles away across the North Yorkshire border, raised much the same worries about burglary at a meeting with North Yorkshire Police last month.\n\n*Tees Voice is a not-for-profit newsroom. This story was published on Friday 14 February 2025.*\n")
	require.Equal(t, []string{"meeting 2025-02-12 E05015469 burglary_theft", "concern 2025-02-12 E05015469 burglary_theft"}, got)
	got = summary(t, "Norton Residents Together (Stockton)\n\nSue Collingwood\n\n14 November 2023 at 21:07 · 🌐\n\nThanks to everyone who came last night for the Norton Central ward PACT meeting at the Norton Community Centre! Residents complained about drug dealing on the green.\n")
	require.Equal(t, []string{"meeting 2023-11-13 E05014875 drugs", "concern 2023-11-13 E05014875 drugs"}, got)
}

// TestPostedLineAfterRelatedNews: "Posted on Friday 10th March 2017" at the
// foot, after a "Related news" list, is the page's own date line; the
// list's entries are not.
func TestPostedLineAfterRelatedNews(t *testing.T) {
	doc := "# North Ormesby residents\n\nAround thirty people packed into the North Ormesby Neighbourhood Centre last night to meet the Commissioner. Residents complained about burglary.\n\n**Related news**\n- [Commissioner announces funding](/news/a)\n\nPosted on Friday 10<sup>th</sup> March 2017\n"
	require.Equal(t, []string{"meeting 2017-03-09 E05009867 burglary_theft", "concern 2017-03-09 E05009867 burglary_theft"}, summary(t, doc))
}

// TestIssuedFieldIsThePublication: "· Issued 27 March 2015" in a summary's
// header line is its publication date (no colon after the label): it
// gives the year of "Tues 13 Jan", and is no meeting's day, neither in its
// own line nor borrowed by the paragraph under it.
func TestIssuedFieldIsThePublication(t *testing.T) {
	// a masthead's issue line with its day, run into the line above,
	// tells the issue, no meeting of the ward the newsletter is for
	got := summary(t, "SEATON WARD NEWS\nfrom your Labour & Independent ward councillors\nIssue 7 - Friday 3 October 2014\n-----------\n\nHello again.\n\nAround 40 of you came to the Seaton residents meeting on Tuesday 9 September. Residents complained about speeding.\n")
	require.Equal(t, []string{"meeting 2014-09-09 E05008951 speeding", "concern 2014-09-09 E05008951 speeding"}, got)

	doc := "Stockton South Neighbourhood Policing Team · Summary of PACT meetings, January – March 2015 · Issued 27 March 2015\n\nThis sheet summarises the issues residents brought to the three PACT meetings held in the Stockton South area this quarter.\n\nAt the Yarm PACT on Tues 13 Jan residents complained about double parking outside the shops.\n"
	require.Equal(t, []string{"meeting 2015-01-13 E05001552 parking_traffic", "concern 2015-01-13 E05001552 parking_traffic"}, summary(t, doc))
}

// TestForumMinutesItemsAndNotesOfADay: a forum's minutes under "MINUTES"
// and their day keep their items though item "43. MINUTES OF THE MEETING
// HELD ON 22 FEBRUARY 2012" names the last meeting's record; a sergeant
// "moving to the Stockton district" does not make the Hartlepool document
// two authorities'. "Skelton residents' meeting: notes of 14th June" is
// the record of that day's meeting.
func TestForumMinutesItemsAndNotesOfADay(t *testing.T) {
	doc := "HARTLEPOOL BOROUGH COUNCIL\n\nSOUTH NEIGHBOURHOOD CONSULTATIVE FORUM\n\nMINUTES\n\n18 April 2012\n\nThe meeting commenced at 10.00 am in Owton Manor Community Centre, Wynyard Road, Hartlepool\n\n" +
		"43. MINUTES OF THE MEETING HELD ON 22 FEBRUARY 2012\n\nConfirmed.\n\n46. RESIDENTS' QUESTIONS\n\nA resident of Seaton Carew said that riders on scramblers and quads had been on the dunes again.\n\n" +
		"47. ANY OTHER BUSINESS\n\nThe Chair thanked Sergeant Dowse, who was moving to the Stockton district, for his work. Owton Manor residents will miss him, as will those in Rossmere.\n"
	got := lads(t, doc)
	require.Contains(t, got, "concern 2012-04-18 E06000001 off_road_bikes")
	for _, g := range got {
		require.NotContains(t, g, "concern 2012-02-22")
	}
	got = summary(t, "*Posted on 19 June 2017 by the Secretary*\n\n## Skelton residents' meeting: notes of 14<sup>th</sup> June\n\nThanks to the thirty-odd people who came. The notes of the meeting on 12<sup>th</sup> April were agreed.\n\n### What residents raised\n\n- Two cars were torched on the estate behind the High Street.\n")
	require.Contains(t, got, "concern 2017-06-14 E05001521 criminal_damage")
}

// TestYouSaidCellsTellTheirMeetings: in a "You said | We did" table, a cell
// that tells its meeting with its venue and day in brackets ("the Roseworth
// PACT (Roseworth Community Centre, 10th May)") is that meeting and what
// residents said there, though the same sentence tells the meeting; "At
// the same meeting you told us ..." in the next row is that meeting's.
func TestYouSaidCellsTellTheirMeetings(t *testing.T) {
	doc := "<html><body><h1>You said, we did</h1><p>Published: 12/08/2016</p><p>This update covers April to June 2016.</p><h2>Roseworth</h2><table><tr><th>You said</th><th>We did</th></tr>" +
		"<tr><td>Residents at the Roseworth PACT (Roseworth Community Centre, 10th May) said cars were being driven up and down Redhill Road late at night at ridiculous speeds.</td><td>We ran speed checks.</td></tr>" +
		"<tr><td>At the same meeting you told us that bags of household rubbish keep appearing on the grass verges.</td><td>Cleared.</td></tr></table></body></html>"
	require.Equal(t, []string{
		"meeting 2016-05-10 E05001547 environmental,speeding",
		"concern 2016-05-10 E05001547 speeding",
		"concern 2016-05-10 E05001547 environmental",
	}, summary(t, doc))
}

// TestMeetingNamedForItsWardAtAVenueOfAnother: "the Ayresome residents
// meeting held at the Pallister Park Community Hub" is Ayresome's meeting,
// though its venue is named for an area of another ward.
func TestMeetingNamedForItsWardAtAVenueOfAnother(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 9 August 2016\n\n4.1 On 13 July the Commissioner attended the Ayresome residents meeting held at the Pallister Park Community Hub. Residents complained about fly-tipping in the back lanes.\n")
	require.Equal(t, []string{"meeting 2016-07-13 E05009854 environmental", "concern 2016-07-13 E05009854 environmental"}, got)
	// Another meeting named before the one told is no venue's ward.
	got = summary(t, "Posted on Friday 11 August 2023\n\nThe Loftus meeting followed a village meeting in Brotton on Thursday 10th August, where speeding on the main road was the main complaint.\n")
	require.Equal(t, []string{"meeting 2023-08-10 E05012438 speeding", "concern 2023-08-10 E05012438 speeding"}, got)
}

// TestSaidTableUnderItsMeetingsLead: a "You said | We did" table right
// under a paragraph that tells one meeting and ends in ":" ("Priorities set
// at the last PACT meeting, held on 9 March 2016, and what happened:") is
// what residents raised at that meeting.
func TestSaidTableUnderItsMeetingsLead(t *testing.T) {
	doc := "<html><body><h1>Hemlington</h1><p>Page last updated: 20/04/2016</p><h2>You said, we did</h2><p>Priorities set at the last PACT meeting, held on 9 March 2016, and what happened:</p><table><tr><th>You said</th><th>We did</th></tr>" +
		"<tr><td>Cars parked on the pavements outside the school at home time</td><td>Parking patrols.</td></tr>" +
		"<tr><td>Graffiti sprayed on the underpass</td><td>Removed.</td></tr></table></body></html>"
	require.Equal(t, []string{
		"meeting 2016-03-09 E05009859 criminal_damage,parking_traffic",
		"concern 2016-03-09 E05009859 parking_traffic",
		"concern 2016-03-09 E05009859 criminal_damage",
	}, summary(t, doc))
}

// TestMinutesItemsOfOtherMeetingsAndOtherDays: in a meeting's minutes, an
// item that says it was raised at an earlier meeting ("At the February
// meeting several residents reported ...", "Also from February: ...") is
// that meeting's (its month's: TestEarlierMeetingInMinutes), not this
// one's; an item telling an
// event to come ("Spring litter pick: Saturday 9th April") and the
// treasurer's report are no concerns; what residents raised is.
func TestMinutesItemsOfOtherMeetingsAndOtherDays(t *testing.T) {
	doc := "Coulby Newham Community Council\n\nMinutes of the meeting held on Tuesday 8th March 2016 at 7pm\n\n3. Matters arising\n\n3a. Cars taken from driveways. At the February meeting several residents reported that cars had been taken overnight from driveways.\n\n3b. Stainton Way. Also from February: residents said cars were using Stainton Way as a race track after 10pm.\n\n" +
		"5. Residents' issues\n\n5a. A shop worker at the Parkway Centre said a group of teenagers had been hanging around the precinct most nights, swearing at staff and customers.\n\n6. Treasurer's report\n\nGrant received for the spring litter pick.\n\n7. Any other business\n\n7b. Spring litter pick: Saturday 9th April, meet at the Parkway Centre at 10am.\n"
	require.Equal(t, []string{"meeting 2016-03-08 E05009858 antisocial_behaviour", "meeting 2016-02-01 E05009858 burglary_theft,speeding", "concern 2016-02-01 E05009858 burglary_theft", "concern 2016-02-01 E05009858 speeding", "concern 2016-03-08 E05009858 antisocial_behaviour"}, summary(t, doc))
}

// TestPACTNotesRaceTrackAndAlsoRaised: "It's like living next to a race
// track." after lads on scramblers is the bikes' track, not speeding; an
// item "Also raised in January: ..." is January's meeting's.
func TestPACTNotesRaceTrackAndAlsoRaised(t *testing.T) {
	doc := "SOUTH BANK POLICE AND COMMUNITIES TOGETHER (PACT)\n\nNotes of the meeting held on Thursday 21st March 2013, 6.30pm\n\n2.3 Bins set alight in the back alleys. Also raised in January: wheelie bins being pushed into the alleys and set on fire most weekends.\n\n" +
		"4.1 A resident from Bennett Street said the same three or four lads go up and down the back lanes on scramblers with no lights every night. \"It's like living next to a race track.\" Others agreed.\n\n4.3 Mothers at the meeting complained about cars left on both pavements on Middlesbrough Road at home time.\n"
	require.Equal(t, []string{
		"meeting 2013-03-21 E05001522 off_road_bikes,parking_traffic",
		"meeting 2013-01-01 E05001522 criminal_damage",
		"concern 2013-01-01 E05001522 criminal_damage",
		"concern 2013-03-21 E05001522 off_road_bikes",
		"concern 2013-03-21 E05001522 parking_traffic",
	}, summary(t, doc))
}

// TestParagraphsAfterAListOfMeetings: "Meetings attended in the period
// were:" then one meeting an item; the paragraphs after tell each by its
// place ("At Jesmond ..."; "Residents at Ladgate ...", a ward the
// gazetteer does not know, named so by its item), and a sentence naming
// none goes on with the meeting its paragraph named.
func TestParagraphsAfterAListOfMeetings(t *testing.T) {
	doc := "CLEVELAND POLICE AND CRIME PANEL\n\n4 FEBRUARY 2014\n\n3.1 Meetings attended in the\n    period were:\n\n    Tues 3 Dec   - Jesmond Ward, Hartlepool (Clavering Community\n                   Centre)\n    Thurs 12 Dec - Ladgate Ward, Middlesbrough (Marton Community\n                   Room)\n\n" +
		"3.2 At Jesmond the discussion centred on a run of house burglaries. Older residents also told the Commissioner about cold callers selling roofing work.\n\n3.3 Residents at Ladgate raised racist name-calling directed at the family who run the convenience store.\n"
	require.Equal(t, []string{
		"meeting 2013-12-03 E05008948 burglary_theft,fraud_scams",
		"meeting 2013-12-12  hate_crime",
		"concern 2013-12-03 E05008948 burglary_theft",
		"concern 2013-12-03 E05008948 fraud_scams",
		"concern 2013-12-12  hate_crime",
	}, summary(t, doc))
}

// TestYouSaidSummaryTableAfterMeetings: a quarterly update's table of
// meetings, then a paragraph about the whole quarter, then a "You said |
// We did" table restating the meetings' issues: the quarter's paragraph is
// the quarter's, not the last meeting's, and a row told at a meeting
// already is not counted again.
func TestYouSaidSummaryTableAfterMeetings(t *testing.T) {
	doc := "<html><body><h1>Ingleby Barwick and Yarm Neighbourhood Policing Team Quarterly update – October to December 2017</h1><p>Issued Friday 5 January 2018</p>" +
		"<h2>2. Community meetings attended this quarter</h2><table><tr><th>Date</th><th>Meeting</th><th>Issues raised by residents</th></tr>" +
		"<tr><td>Thu 12 Oct</td><td>Ingleby Barwick East PACT, Myton Park Primary School</td><td>Vehicles speeding along Ingleby Way.</td></tr></table>" +
		"<ol start=\"3\"><li>Recurring issues across the quarter. Throughout October, November and December, residents in Ingleby Barwick contacted us about damage to parked cars.</li></ol>" +
		"<h2>4. You said, we did</h2><table><tr><th>You said</th><th>We did</th></tr><tr><td>Speeding on Ingleby Way</td><td>Speed enforcement on five occasions.</td></tr></table></body></html>"
	require.Equal(t, []string{
		"meeting 2017-10-12 E05001538 speeding",
		"concern 2017-10-12 E05001538 speeding",
		"concern 2017-10-01  criminal_damage",
	}, summary(t, doc))
}

// TestEntriesUnderAMeetingsHeading: under "2 Ward meetings held online",
// an entry "Tuesday 23rd February - Kader (Middlesbrough). Speeding ..." is
// a meeting though its head names only the place, and "Kader" before its
// authority in brackets is that authority's Kader ward; "At the Headland &
// Harbour meeting people were unhappy about litter ..., and at the
// Rossmere meeting the concern was drug use" is each ward's own clause.
func TestEntriesUnderAMeetingsHeading(t *testing.T) {
	doc := "Cleveland Police and Crime Panel\n\n11 March 2021\n\nCommunity Engagement Update - January and February 2021\n\n2  Ward meetings held online\n\n2.7  Tuesday 23rd February - Kader (Middlesbrough). Speeding on Stokesley Road\n     and a number of thefts of catalytic converters from driveways.\n\n" +
		"2.8  In addition, the Commissioner dialled in to two smaller residents'\n     association meetings in Hartlepool in January. At the Headland & Harbour\n     meeting people were unhappy about litter on the Town Moor, and at the\n     Rossmere meeting the concern was drug use in and around the park.\n"
	require.Equal(t, []string{
		"meeting 2021-02-23 E05009860 burglary_theft,speeding",
		"concern 2021-02-23 E05009860 burglary_theft,speeding",
		"concern 2021-01-01 E05013043 environmental",
		"concern 2021-01-01 E05013045 drugs",
	}, summary(t, doc))
}

// TestNumberedEntriesCountingFromTheMeetingBefore: under "Ward meetings in
// November", "7. The following week I was at Hemlington on the 23rd and
// at Marton West on the 25th" and "6. Two days later, at Coatham ward in
// Redcar, a group of young women told me ..." are meetings: a numbered
// paragraph's "6. " is no end of its head, and its days count from the
// meeting told before.
func TestNumberedEntriesCountingFromTheMeetingBefore(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 3 February 2022\n\nWard meetings in November\n\n5. On Tuesday 16th November I attended Norton North ward meeting. A serious assault outside a pub had shaken residents.\n\n" +
		"6. Two days later, at Coatham ward in Redcar, a group of young women told me that they are regularly harassed on their way home from the town centre at night. Others mentioned noisy groups on the Esplanade.\n\n" +
		"7. The following week I was at Hemlington on the 23rd and at Marton West on the 25th. In Hemlington the issue was once again off-road bikes around the lake, while Marton West residents wanted to know what was being done about a spate of house burglaries.\n"
	got := summary(t, doc)
	for _, want := range []string{
		"meeting 2021-11-18 E05012439 antisocial_behaviour,domestic_abuse",
		"meeting 2021-11-23 E05009859 off_road_bikes",
		"meeting 2021-11-25 E05009865 burglary_theft",
		"concern 2021-11-18 E05012439 domestic_abuse",
		"concern 2021-11-23 E05009859 off_road_bikes",
		"concern 2021-11-25 E05009865 burglary_theft",
	} {
		require.Contains(t, got, want)
	}
}

// TestBodyNamedAfterItsWard: "Newport Community Council in Middlesbrough"
// is Middlesbrough's Newport ward ("Newport" alone is no place: the Welsh
// city, a street).
func TestBodyNamedAfterItsWard(t *testing.T) {
	got := summary(t, "Report to the Police and Crime Panel, 13 September 2016\n\n4.4 On 21st July the Commissioner attended Newport Community Council in Middlesbrough, where members raised drug use in the ward.\n")
	require.Equal(t, []string{"meeting 2016-07-21 E05009866 drugs", "concern 2016-07-21 E05009866 drugs"}, got)
}

// TestTableRowRunOnAcrossAPage: a table broken across pages gives its last
// row as two ("Thursday 27 | North Ormesby | ..." then "June | Community
// Hub | ..."): one meeting, on 27 June, with the issues of both lines.
func TestTableRowRunOnAcrossAPage(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 16 July 2019\n\n| Date | Venue | Ward | Issues raised |\n|---|---|---|---|\n| Tuesday 25 June | Belmont community rooms | Belmont, Redcar & Cleveland | Rubbish dumped on the country lanes |\n| Thursday 27 | North Ormesby | North Ormesby, | Open drug dealing in the market |\n| June | Community Hub | Middlesbrough | square; the front counter at the local police office being closed |\n"
	got := summary(t, doc)
	require.Contains(t, got, "meeting 2019-06-27 E05009867 drugs,visible_policing")
	require.Len(t, got, 4)
}

// TestJointWardMeetingsAndAtWardOnADay: "The Eaglescliffe East and
// Eaglescliffe West ward meetings were held jointly on 20th July" is one
// meeting of both wards (their authority's); "At Norton Central on Tuesday
// 8th August, concerns were vandalism ..." is Norton Central's meeting.
func TestJointWardMeetingsAndAtWardOnADay(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 12 September 2023\n\n2.3 The Eaglescliffe East and Eaglescliffe West ward meetings were held jointly on 20th July at Egglescliffe & Eaglescliffe Community Centre, as is now the practice. Commuter parking around Eaglescliffe station filled most of the evening.\n\n" +
		"2.4 At Norton Central on Tuesday 8th August, concerns were vandalism to the new planters on Norton High Street.\n"
	require.Equal(t, []string{
		"meeting 2023-07-20  parking_traffic",
		"concern 2023-07-20  parking_traffic",
		"meeting 2023-08-08 E05014875 criminal_damage",
		"concern 2023-08-08 E05014875 criminal_damage",
	}, summary(t, doc))
}

// TestAtWardDayInBrackets: a report's round told by place with the day in
// brackets ("In Hardwick (14 May) the talk was mostly about ...", "At Park
// End (3rd June), people said ...") is that ward's meeting on that day,
// when what was raised follows. Not a place that is no single ward, not a
// sentence with nothing raised, not a day in brackets far from the name.
func TestAtWardDayInBrackets(t *testing.T) {
	head := "Report to the Police and Crime Panel, 10 July 2018\n\n"
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"in a ward (day)", "3.1 In Hemlington (14 May) the talk was mostly about drug dealing behind the shops.", []string{"meeting 2018-05-14 E05009859 drugs", "concern 2018-05-14 E05009859 drugs"}},
		{"at a ward (day)", "3.1 At Park End (3rd June), people said drug dealing behind the shops was worse.", []string{"meeting 2018-06-03 E05009870 drugs", "concern 2018-06-03 E05009870 drugs"}},
		{"no ward of that name", "3.1 In Teesside (14 May) the talk was mostly about drug dealing behind the shops.", nil},
		{"nothing raised", "3.1 In Hemlington (14 May) the new police office opened its doors.", nil},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.text+"\n"), tt.name)
	}
}

// TestAtJoinedWardOnADayAndTheNextNight: a press release telling a round
// of meetings by ward and night. "At Brambles & Thorntree on Tuesday (8
// October), residents described ..." is that ward's meeting though its name
// joins two with "&"; "The next night at Kader, people complained about
// ..." is Kader's meeting on the day after (only after a meeting told, only
// at one ward, and only with what was raised there).
func TestAtJoinedWardOnADayAndTheNextNight(t *testing.T) {
	const pub = "Published 10 October 2019\n\n"
	const brambles = "At Brambles & Thorntree on Tuesday (8 October), residents described drug dealing outside the shops on the parade.\n\n"
	tests := []struct {
		name, doc string
		want      []string // the meetings
	}{
		{"joined ward on a day", pub + brambles, []string{"meeting 2019-10-08 E05009856 drugs"}},
		{"next night at a ward", pub + brambles + "The next night at Kader, people complained about speeding on the main road.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "meeting 2019-10-09 E05009860 speeding"}},
		{"following evening in a ward", pub + brambles + "The following evening in Kader, people complained about speeding on the main road.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "meeting 2019-10-09 E05009860 speeding"}},
		{"a day later at a drop-in in a ward", pub + brambles + "A day later he was at a drop-in in Kader, where people complained about speeding on the main road.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "meeting 2019-10-09 E05009860 speeding"}},
		{"a day earlier at a drop-in in a ward", pub + brambles + "A day earlier he was at a drop-in in Kader, where people complained about speeding on the main road.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "meeting 2019-10-07 E05009860 speeding"}},
		// must not fire: two wards, no ward, no meeting told before
		{"two wards joined", pub + "At Kader and Acklam on Monday (7 October), residents described speeding on the main road.\n", nil},
		{"a venue, not a ward", pub + "At Hartlepool & District Hospice on Monday (7 October), people described speeding on the main road.\n", nil},
		{"next night at a farm", pub + brambles + "The next night at Kader Farm, people complained about speeding on the main road.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs,speeding"}},
		{"next night with nothing before", pub + "The next night at Kader, people complained about speeding on the main road.\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range summary(t, tc.doc) {
				if strings.HasPrefix(e, "meeting ") {
					got = append(got, e)
				}
			}
			require.Equal(t, tc.want, got)
		})
	}
}

// TestFiguresFromMeetingsAreNoMeetings: "Feedback collected from ward
// meetings across Middlesbrough during September and October shows that
// ..." sums up a round of meetings: no meeting a month, and not a concern
// of the meeting told before it. A sentence with its own day, or no
// finding, is left to the other rules.
func TestFiguresFromMeetingsAreNoMeetings(t *testing.T) {
	const pub = "Published 10 October 2019\n\n"
	const brambles = "At the Brambles & Thorntree ward meeting on Tuesday (8 October), residents described drug dealing outside the shops on the parade.\n\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"feedback shows", pub + brambles + "Feedback collected from ward meetings across Middlesbrough during September and October shows that speeding is raised most often.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "concern 2019-10-08 E05009856 drugs"}},
		{"figures reveal", pub + brambles + "Figures from the Commissioner's surgeries in September and October reveal that speeding is the commonest complaint.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "concern 2019-10-08 E05009856 drugs"}},
		// must not fire: a day of its own; meetings held, no figures
		{"feedback from a meeting on a day", pub + brambles + "Feedback from the Kader ward meeting on 9 October shows that residents are worried about speeding.\n",
			[]string{"meeting 2019-10-08 E05009856 drugs", "concern 2019-10-08 E05009856 drugs", "meeting 2019-10-09 E05009860 speeding", "concern 2019-10-09 E05009860 speeding"}},
		{"meetings held over months", pub + "The Commissioner held ward meetings across Middlesbrough during August and September, where speeding was raised most often.\n",
			[]string{"meeting 2019-08-01  speeding", "meeting 2019-09-01  speeding"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, summary(t, tc.doc))
		})
	}
}

// TestWardVenueEntry: a Panel report's list of meetings by ward whose entry
// names the ward, then the hall and the day, with no meeting word
// ("Hartburn – St Luke's Church Hall, 12 October. Cars parked on the
// zigzags ..."): that ward's meeting on that day, and what follows its
// concern (not the entry before's). Not with no theme after the head, nor
// with a town, two wards or no place before the hall, nor with no day.
func TestWardVenueEntry(t *testing.T) {
	const lead = "Report to the Police and Crime Panel, 14 December 2021\n\n## Stockton-on-Tees\n\n- **Bishopsgarth and Elm Tree** – residents' meeting, 4 October. Dog fouling on the school path.\n"
	const bishopsgarth = "meeting 2021-10-04 E05001532 environmental"
	tests := []struct {
		name, entry string
		want        []string // the meetings
	}{
		{"ward, church hall, day", "- **Hartburn** – St Luke's Church Hall, 12 October. Cars parked on the zigzags outside the school.\n",
			[]string{bishopsgarth, "meeting 2021-10-12 E05001537 parking_traffic"}},
		{"ward, library, day", "- **Fairfield** – Fairfield Library, 20 October. Burglaries from sheds on the allotments.\n",
			[]string{bishopsgarth, "meeting 2021-10-20 E05001534 burglary_theft"}},
		// must not fire
		{"no theme after the head", "- **Hartburn** – St Luke's Church Hall, 12 October. The new lighting was switched on.\n", []string{bishopsgarth}},
		{"the hall's news, no entry", "- **Hartburn** – St Luke's Church Hall reopened on 12 October after repairs.\n", []string{bishopsgarth}},
		{"a town, not a ward", "- **Stockton** – St Luke's Church Hall, 12 October. Cars parked on the zigzags outside the school.\n", []string{"meeting 2021-10-04 E05001532 environmental,parking_traffic"}},
		{"two wards", "- **Hartburn and Grangefield** – St Luke's Church Hall, 12 October. Cars parked on the zigzags outside the school.\n", []string{"meeting 2021-10-04 E05001532 environmental,parking_traffic"}},
		{"no place before the hall", "- St Luke's Church Hall, 12 October. Cars parked on the zigzags outside the school.\n", []string{"meeting 2021-10-04 E05001532 environmental,parking_traffic"}},
		{"no day", "- **Hartburn** – St Luke's Church Hall. Cars parked on the zigzags outside the school.\n", []string{"meeting 2021-10-04 E05001532 environmental,parking_traffic"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range summary(t, lead+tc.entry) {
				if strings.HasPrefix(e, "meeting ") {
					got = append(got, e)
				}
			}
			require.Equal(t, tc.want, got)
		})
	}
}

// TestAuthorityHeadingPlacesItsEntries: a report grouping its meetings by
// authority under numbered headings ("2. Middlesbrough") lists an entry at
// a venue the gazetteer does not know ("Town centre – drop-in at Captain
// Cook Square, 5 October"): the heading's authority. Not a paragraph of
// running text under it, nor under a heading naming two places or none.
func TestAuthorityHeadingPlacesItsEntries(t *testing.T) {
	const lead = "Report to the Police and Crime Panel, 14 December 2021\n\n## 1. Redcar and Cleveland\n\n- **Coatham** – residents' meeting, 2 October. Speeding on the Coatham Road.\n\n"
	const coatham = "meeting 2021-10-02 E05012439E06000003 speeding"
	tests := []struct {
		name, rest string
		want       []string // the meetings
	}{
		{"a bullet entry", "## 2. Middlesbrough\n\n- **Town centre** – drop-in at Captain Cook Square, 5 October. Shop staff reported shoplifting.\n",
			[]string{coatham, "meeting 2021-10-05 E06000002 burglary_theft"}},
		{"a numbered paragraph", "## 2. Middlesbrough\n\n4.1 Town centre drop-in at Captain Cook Square, 5 October. Shop staff reported shoplifting.\n",
			[]string{coatham, "meeting 2021-10-05 E06000002 burglary_theft"}},
		// must not fire
		{"running text", "## 2. Middlesbrough\n\nOn 5 October the Commissioner held a drop-in at Captain Cook Square. Shop staff reported shoplifting.\n", []string{coatham}},
		{"two places in the heading", "## 2. Middlesbrough and Stockton\n\n- **Town centre** – drop-in at Captain Cook Square, 5 October. Shop staff reported shoplifting.\n", []string{coatham}},
		{"a later heading naming none", "## 2. Middlesbrough\n\n## 3. Other engagement\n\n- **Town centre** – drop-in at Captain Cook Square, 5 October. Shop staff reported shoplifting.\n", []string{coatham}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range summaryLAD(t, lead+tc.rest) {
				if strings.HasPrefix(e, "meeting ") {
					got = append(got, e)
				}
			}
			require.Equal(t, tc.want, got)
		})
	}
}

// TestItWasTheTurnOf: "A fortnight or so later, on Thursday 14th March, it
// was the turn of the (old) Skelton ward at the Civic Hall." is a meeting,
// and the list its lead-in announces its concerns.
func TestItWasTheTurnOf(t *testing.T) {
	doc := "# The Villager, Summer 2019\n\n*Published 1 July 2019*\n\n**Skelton.** A fortnight or so later, on Thursday 14<sup>th</sup> March, it was the turn of the (old) Skelton ward at the Civic Hall. Almost the whole evening was taken up with three things:\n\n- off-road bikes roaring up and down the old railway line;\n- sheds and garages being broken into on the Hollybush estate.\n"
	require.Equal(t, []string{
		"meeting 2019-03-14 E05001521 burglary_theft,off_road_bikes",
		"concern 2019-03-14 E05001521 off_road_bikes",
		"concern 2019-03-14 E05001521 burglary_theft",
	}, summary(t, doc))
}

// TestAppealIsNoConcern: "Anyone affected by domestic abuse can contact
// Harbour on ..." after a meeting is the police's appeal, not a concern.
func TestAppealIsNoConcern(t *testing.T) {
	got := summary(t, "Published 18 September 2020\n\nOn Monday the Greatham Parish Council held its first meeting back in the village hall. Others raised rubbish being tipped on the farm lanes.\n\nAnyone affected by domestic abuse can contact Harbour on 03000 202 525.\n")
	for _, g := range got {
		require.NotContains(t, g, "domestic_abuse")
	}
}

// TestWasInNeighbouringPlaceWhere: "Yesterday the Commissioner was in
// neighbouring South Bank, where residents raised needles ..." is a
// meeting, and the sentence after it its concern.
func TestWasInNeighbouringPlaceWhere(t *testing.T) {
	got := summary(t, "First published Thursday, October 24, 2013\n\nYesterday the Commissioner was in neighbouring South Bank, where residents raised needles and drug paraphernalia being found in the park. Parents also voiced fears that teenage girls were being approached by older men in cars outside the school.\n")
	require.Equal(t, []string{
		"meeting 2013-10-23 E05001522 drugs,exploitation",
		"concern 2013-10-23 E05001522 drugs",
		"concern 2013-10-23 E05001522 exploitation",
	}, got)
}

// TestResidentsToldASimilarMeeting: "Last month residents in neighbouring
// Brambles and Thorntree told a similar meeting that dealing was going on
// openly" is last month's meeting in that ward, and its concern.
func TestResidentsToldASimilarMeeting(t *testing.T) {
	got := summary(t, "Posted on 8 November 2019\n\nLast month residents in neighbouring Brambles and Thorntree told a similar meeting that dealing was going on openly near the shops on Pallister Avenue, he added.\n")
	require.Equal(t, []string{"meeting 2019-10-01 E05009856 drugs", "concern 2019-10-01 E05009856 drugs"}, got)
}

// TestSurgeryLogTable: a councillors' surgery log whose first line (no
// heading marks) names its ward ("Park End & Beckfield Ward – Councillors'
// Surgery Log"), with a venue column of places the gazetteer does not
// know: each row is a surgery in that ward; its first row's date is no
// publication date; a header repeated on the next page is no row; a row
// that says "Cancelled" is no meeting.
func TestSurgeryLogTable(t *testing.T) {
	doc := "Park End & Beckfield Ward – Councillors' Surgery Log\n\nMiddlesbrough Council · January to June 2018\n\n| Date | Venue | Residents | Issues raised |\n|---|---|---|---|\n" +
		"| 06/01/2018 | Beckfield Community Centre | 3 | Gang of youths in the back alley most evenings, shouting. |\n" +
		"| 03/03/2018 | Beckfield Community Centre | – | Cancelled – snow, centre closed. |\n" +
		"| Date | Venue | Residents | Issues raised |\n" +
		"| 21/04/2018 | Park End Primary School | 3 | Cars on the grass verges on Pennyman Way. |\n\nPrepared by Democratic Services, 29/06/2018.\n"
	require.Equal(t, []string{
		"meeting 2018-01-06 E05009870 antisocial_behaviour",
		"concern 2018-01-06 E05009870 antisocial_behaviour",
		"meeting 2018-04-21 E05009870 parking_traffic",
		"concern 2018-04-21 E05009870 parking_traffic",
	}, summary(t, doc))
}

// TestCoordinatorsNoteCirculatedAndNoteOf: a Neighbourhood Watch note
// "Note of the meeting held Wed 3rd Nov" under "ROSSMERE & OWTON MANOR
// NEIGHBOURHOOD WATCH" is the record of that meeting (a "note", not only
// "notes"), its year from "(Notes: I. Grey, secretary. Circulated
// 5/11/21.)" at its foot, its ward the title's.
func TestCoordinatorsNoteCirculatedAndNoteOf(t *testing.T) {
	doc := "ROSSMERE & OWTON MANOR NEIGHBOURHOOD WATCH\n\nCoordinators' Meeting - Note of the meeting held Wed 3rd Nov, 7pm,\nOwton Manor Community Centre, Hartlepool\n\n3. Round the streets - what coordinators are hearing\n\n - Irene: the usual - people not picking up after their dogs on the green.\n\n(Notes: I. Grey, secretary. Circulated 5/11/21.)\n"
	require.Equal(t, []string{"meeting 2021-11-03 E05013045 environmental", "concern 2021-11-03 E05013045 environmental"}, summary(t, doc))
}

// TestMPNewsDateLineAndVenueWard: an MP's page whose date line sits among
// its category links ("15 July 2022 · <a>Local News</a>, <a>Crime &
// Policing</a>") dates "Last Friday"; a surgery "at Loftus Town Hall" for
// people of several villages is held in the ward its hall is named for.
func TestMPNewsDateLineAndVenueWard(t *testing.T) {
	doc := `<html><body><article><h1>Farmers raise rural crime at joint surgery with PCC</h1><p class="meta">15 July 2022 &middot; <a href="/c/local">Local News</a>, <a href="/c/crime">Crime &amp; Policing</a></p>` +
		`<p>Last Friday I held a joint surgery at Loftus Town Hall with the Police and Crime Commissioner, so that people in Loftus, Carlin How, Skinningrove and Easington could raise policing issues with both of us at once.</p>` +
		`<p>Farmers from the surrounding area told us about quads and tools stolen from farm buildings overnight.</p></article></body></html>`
	require.Equal(t, []string{"meeting 2022-07-08 E05012447 rural_crime", "concern 2022-07-08 E05012447 rural_crime"}, summary(t, doc))
}

// TestNewsletterIssueMonth: a newsletter's masthead "Your newsletter |
// Issue 14 | March 2021" anchors its "last month" (February).
func TestNewsletterIssueMonth(t *testing.T) {
	doc := "COASTLINE HOMES - TENANT VOICE\n\nYour newsletter | Issue 14 | March 2021\n\nLast month tenants in Hartlepool told us that fly-tipping behind the garages had got worse.\n"
	require.Equal(t, []string{"concern 2021-02-01  environmental"}, summary(t, doc))
}

// TestAGMReport: a residents' association's "Report of the Annual General
// Meeting" is the record of that meeting: the items under its numbered
// headings are the AGM's; what members reported "over the winter, from
// roughly the beginning of November to the end of February" is a concern
// of those months, not of the AGM; a committee meeting told in passing
// keeps what members "told him plainly" there; a councillor saying she
// would ask for a survey is her promise, not a concern.
func TestAGMReport(t *testing.T) {
	doc := "# Hartburn Residents' Association\n\n## Report of the Annual General Meeting, Monday 24th March 2014\n\n*Posted on 2nd April 2014*\n\n" +
		"The Annual General Meeting was held at Hartburn Village Hall on Monday 24th March 2014.\n\n### 3. Chairman's report\n\n" +
		"The Commissioner had come to our committee meeting on 14th October. Members had told him plainly that “you can go months without seeing a police car on Hartburn Lane”, and the Commissioner had promised to take that back.\n\n" +
		"Over the winter, from roughly the beginning of November to the end of February, a number of members had reported sheds and garages being forced and power tools taken.\n\n" +
		"### 7. Open forum\n\nMembers then raised the following:\n\n- Traffic on Darlington Road “treated like a race track” after 10pm. Cllr Fenwick said she would ask the council's road safety team for a traffic survey.\n"
	require.Equal(t, []string{
		"meeting 2014-03-24 E05001537 speeding",
		"meeting 2013-10-14 E05001537 visible_policing",
		"concern 2013-10-14 E05001537 visible_policing",
		"concern 2013-11-01 E05001537 burglary_theft",
		"concern 2014-03-24 E05001537 speeding",
	}, summary(t, doc))
}

// TestPlaceDayHeadingEvent: a heading that is only a place and a day
// ("South Bank – Thursday 17 June") over a paragraph telling a stall where
// people stopped to talk is an event there that day; a clause that tells a
// concern before its colon keeps it ("spoke about groups of young people
// gathering ..., and about damage: windows ..."); the partnership's
// tasking group meets for the whole authority, not for the ward the next
// sentence names.
func TestPlaceDayHeadingEvent(t *testing.T) {
	doc := "<html><head><title>Community engagement events: what you told us | Safer Redcar &amp; Cleveland</title></head><body><h1>Community engagement events: what you told us</h1>" +
		"<h2>South Bank – Thursday 17 June</h2><p>The stall at the Market Square in South Bank ran from 11am to 3pm and around 60 people stopped to talk to officers. Several older people told us they wanted to see officers walking round.</p>" +
		"<h2>Grangetown – Thursday 24 June</h2><p>At Grangetown the event was held on the green outside the Hub. People mostly spoke about groups of young people gathering around the square, drinking and being abusive to passers-by, and about damage: windows at the youth club put through and the new planters set on fire.</p>" +
		"<h2>What happens now</h2><p>All comments have been shared with the partnership's tasking group, which met on 29 June. The neighbourhood teams for the Greater Eston area have stepped up patrols.</p>" +
		"<p>Posted on Friday 2nd July 2021</p></body></html>"
	require.Equal(t, []string{
		"meeting 2021-06-17 E05012456 visible_policing",
		"concern 2021-06-17 E05012456 visible_policing",
		"meeting 2021-06-24 E05012442 antisocial_behaviour,criminal_damage",
		"concern 2021-06-24 E05012442 antisocial_behaviour,criminal_damage",
		"meeting 2021-06-29  partnership", // (at the authority: E06000003)
	}, summary(t, doc))
}

// TestDayPlaceEntries: a Programme of Engagement whose "Period: 1 June
// 2016 to 31 July 2016" gives the year, and whose entries open with a day
// and a place only ("Tuesday 7th June – Park End & Beckfield. Around forty
// people came ..."): each is a meeting there, also when the numbered
// paragraph's hanging indent was read as a table's two cells; a stream
// named for another village ("near Ormesby Beck") does not place the
// concern there.
func TestDayPlaceEntries(t *testing.T) {
	doc := "Commissioner's Programme of Engagement\n\nPeriod: 1 June 2016 to 31 July 2016\n\nPrepared: 24 August 2016\n\n" +
		"| 2.2 | Tuesday 7th June – Park End & Beckfield. Around forty people came to the community centre on Penrith Road. Residents raised the problem of youths on off-road motorbikes tearing across the playing fields near Ormesby Beck. |\n\n" +
		"2.4 Wednesday 29th June – Hardwick and Salters Lane. In the week after the EU referendum, members of the community shared their concern that neighbours from Eastern Europe had been subjected to abuse in the street because of their nationality.\n\n" +
		"2.7 Tuesday 26th July – Ingleby Barwick West. Officers will hold a speed check.\n"
	require.Equal(t, []string{
		"meeting 2016-06-07 E05009870 off_road_bikes",
		"concern 2016-06-07 E05009870 off_road_bikes",
		"meeting 2016-06-29 E05001536 hate_crime",
		"concern 2016-06-29 E05001536 hate_crime",
	}, summary(t, doc))
}

// TestRecurringMattersTable: a table of "the recurring matters raised"
// after the meetings that raised them tells them again (no second
// concern); a matter only the table tells is a concern of the period;
// "a steady stream of contacts from older residents ... about cold
// callers" is what residents raised, for its month.
func TestRecurringMattersTable(t *testing.T) {
	doc := "PROGRAMME OF ENGAGEMENT\nCovering December 2019 and January 2020\n\nDate of report: 30 January 2020\n\n" +
		"4.3 On 3 December the Commissioner attended the Grangetown ward meeting. Residents raised the number of scramblers being ridden along the old railway line.\n\n" +
		"5.1 Throughout January the office received a steady stream of contacts from older residents across Stockton-on-Tees about cold callers claiming to be from their bank.\n\n" +
		"5.2 The table below summarises the recurring matters raised.\n\n" +
		"    Matter                  | Where raised\n    ------------------------+--------------\n    Off-road motorbikes     | Grangetown\n    Speeding / racing       | Billingham East\n"
	require.Equal(t, []string{
		"meeting 2019-12-03 E05012442 off_road_bikes",
		"concern 2019-12-03 E05012442 off_road_bikes",
		"concern 2020-01-01  fraud_scams",
		"concern 2019-12-01 E05001528 speeding",
	}, summary(t, doc))
}

// TestWrappedDateCellsAndPoliceInIssues: a table whose date cells wrap
// over three lines ("Wednesday" over "12th" over "October", a row's empty
// end cells missing) is a row a date; the police's report in an issues
// cell is no issue; "no specific policing issues were raised" is none; the
// office's own action is no concern.
func TestWrappedDateCellsAndPoliceInIssues(t *testing.T) {
	doc := "Programme of Engagement\n\nPeriod: 1 October 2022 to 30 November 2022\n\n" +
		"| Date | Meeting / venue | Issues raised by residents |\n|---|---|---|\n" +
		"| Thursday | Throston Ward Residents' | Speeding vehicles on the main roads into the estate. The |\n" +
		"| 20th | Meeting, Throston Grange, | Neighbourhood Inspector presented crime figures, which showed a fall in reported burglary. |\n" +
		"| October | Hartlepool | |\n" +
		"| Tuesday | Saltburn Community | Inconsiderate parking near the seafront and schools. |\n" +
		"| 22nd | Forum, Saltburn-by-the- | |\n" +
		"| November | Sea |\n\n" +
		"4.1 In November residents from across Redcar and Cleveland contacted the office to report doorstep callers and telephone calls from people claiming to be bank staff. The office has shared scam awareness material with the Community Safety Partnership.\n\n" +
		"4.2 The Commissioner also attended meetings of the Rossmere Residents' Association (26 October) and Loftus Town Council (24 November), at which no specific policing issues were raised beyond the update given by the local PCSOs.\n"
	require.Equal(t, []string{
		"meeting 2022-10-20 E05013048 speeding", // (its "Meeting / venue" cell is its title: the police's burglary figure is no topic of it)
		"concern 2022-10-20 E05013048 speeding",
		"meeting 2022-11-22 E05012453 parking_traffic",
		"concern 2022-11-22 E05012453 parking_traffic",
		"concern 2022-11-01  fraud_scams",
		"meeting 2022-10-26 E05013045 ",
		"meeting 2022-11-24 E05012447 ",
	}, summary(t, doc))
}

// TestNewsStoryHeadingAndReply: "**What residents told us**" under a news
// item's meeting heads that meeting's list; the Commissioner's reply
// joined to a question with ", and the Commissioner outlined ..." is no
// part of it.
func TestNewsStoryHeadingAndReply(t *testing.T) {
	doc := "# Commissioner hears from Ingleby Barwick North residents\n\nPosted on Thursday 17th October 2024\n\n" +
		"Steve Turner came to Ingleby Barwick on Tuesday evening to meet residents of the Ingleby Barwick North ward.\n\nJust over forty people filled the community room at Ingleby Barwick Library for the meeting.\n\n" +
		"**What residents told us**\n\n* Shoplifting at the shopping centre, where staff say the same people return again and again.\n" +
		"* A youth worker asked what was being done to protect teenagers from being groomed, and the Commissioner outlined the work of the multi-agency partnership.\n"
	require.Equal(t, []string{
		"meeting 2024-10-15 E05014870 burglary_theft,exploitation",
		"concern 2024-10-15 E05014870 burglary_theft",
		"concern 2024-10-15 E05014870 exploitation",
	}, summary(t, doc))
}

// TestCouncilOfficersReply: a council officer's promise joined to what
// residents raised ("..., and the council's neighbourhood manager, who
// was at the meeting, agreed to arrange extra patrols by enforcement
// officers") is no part of it: no visible policing for the patrols.
func TestCouncilOfficersReply(t *testing.T) {
	head := "# Seaton residents meet the Commissioner\n\nPosted on Thursday 14th November 2013\n\nThe Commissioner came to the Seaton ward meeting on Tuesday evening. "
	for _, tt := range []struct{ text, want string }{
		{"Dog fouling on the promenade was also raised, and the council's neighbourhood manager, who was at the meeting, agreed to arrange extra patrols by enforcement officers.", "concern 2013-11-12 E05008951 environmental"},
		{"Dog fouling on the promenade was also raised, and the dog warden promised more patrols.", "concern 2013-11-12 E05008951 environmental"},
		{"Dog fouling on the promenade was also raised, and residents said they never see police patrols.", "concern 2013-11-12 E05008951 environmental,visible_policing"},
	} {
		got := summary(t, head+tt.text+"\n")
		require.Contains(t, got, tt.want, tt.text)
	}
}

// TestPoliceReplyAfterADash: the police's reply told after a dash in what
// residents raised ("Cars broken into on the estate - PC Shaw advised
// people to ring 101 with anything suspicious") is no part of it
// (policeReplyDashRE): no visible policing for the 101 or the patrols. A
// complaint about the police after a dash stays one.
func TestPoliceReplyAfterADash(t *testing.T) {
	head := "Posted on Thursday 14th November 2013\n\nMinutes of the Seaton residents' meeting held on Tuesday 12th November 2013\n\nResidents raised:\n\n"
	for _, tt := range []struct{ text, want string }{
		{"- Cars broken into on the estate - PC Shaw advised people to ring 101 with anything suspicious.", "concern 2013-11-12 E05008951 burglary_theft"},
		{"- Dog fouling on the promenade – officers said they would pass it on and step up patrols.", "concern 2013-11-12 E05008951 environmental"},
		// a minute's action for the officer ("PCSO to pass to ..."), the same
		{"- Graffiti sprayed on the bus shelter again – PCSO to pass to the evening patrol team; clerk to write to the council.", "concern 2013-11-12 E05008951 criminal_damage"},
		// a minute's action after a comma, for a named person or a role
		// (minuteActionRE)
		{"- Members raised youths gathering outside the shops late at night, Jo to increase patrols.", "concern 2013-11-12 E05008951 antisocial_behaviour"},
		{"- Cars broken into on the estate, police to step up patrols.", "concern 2013-11-12 E05008951 burglary_theft"},
		// must not fire: a complaint after the comma
		{"- Cars broken into on the estate, and police are never seen on patrol.", "concern 2013-11-12 E05008951 burglary_theft,visible_policing"},
		// must not fire: the complaint after the dash is the residents'
		{"- Dog fouling on the promenade - and police are never seen on patrol.", "concern 2013-11-12 E05008951 environmental,visible_policing"},
	} {
		got := summary(t, head+tt.text+"\n")
		require.Contains(t, got, tt.want, tt.text)
		require.Len(t, got, 2, tt.text) // the meeting and its one concern
	}
}

// TestMinuteForPoliceAndPublic: a council's minute laid out as two columns
// ("21/44 | Police matters / public participation ...") is read as its
// paragraph, and one whose label gives the item to the police and the
// public together is not quiet: the points residents raised under it are
// concerns, each of them, while the police's figures are not. A minute for
// the police alone stays quiet.
func TestMinuteForPoliceAndPublic(t *testing.T) {
	head := "GREATHAM PARISH COUNCIL\n\nMinutes of the Parish Council meeting held on Tuesday 9th March 2021 at 7pm in the Community Centre\n\n"
	tests := []struct{ item, want string }{
		{"19/12 | Police matters / public participation PC Dunn gave the report for February: three crimes recorded (one theft from a shed, two criminal damage). Residents present raised: (a) vans going far too fast past the school at home time; (b) a pile of tyres dumped in the lay-by on the A689.",
			"concern 2021-03-09 E05013040 environmental|concern 2021-03-09 E05013040 speeding"},
		{"19/12 | Police report & residents' matters PC Dunn gave the report for February: three crimes recorded (one theft from a shed, two criminal damage). Residents raised: (a) vans going far too fast past the school at home time; (b) a pile of tyres dumped in the lay-by.",
			"concern 2021-03-09 E05013040 environmental|concern 2021-03-09 E05013040 speeding"},
		// must not fire: the police's own item
		{"19/12 | Police report PC Dunn gave the report for February: three crimes recorded (one theft from a shed, two criminal damage).", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range summary(t, head+tt.item+"\n\nMinutes issued 15 March 2021.\n") {
			if strings.HasPrefix(e, "concern") {
				got = append(got, e)
			}
		}
		slices.Sort(got)
		require.Equal(t, tt.want, strings.Join(got, "|"), tt.item)
	}
}

// TestAdviceNoConcern: advice given at a meeting ("Residents were asked to
// ... ring 101", "If you see needles, don't touch them") is no concern;
// a complaint about 101, or a sentence that also says what was raised, is.
func TestAdviceNoConcern(t *testing.T) {
	head := "Posted on 20 April 2016\n\nAt the Stainton ward meeting on 13 April 2016 residents raised dog fouling. "
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Residents were asked to note vehicle details and ring 101 at the time.", nil},
		{"If you see needles, don't touch them and ring the police on 101.", nil},
		{"Residents complained that nobody answers when they ring 101.", []string{"concern 2016-04-13 E05009871 visible_policing"}},
		{"Residents were asked to raise their concerns and complained about speeding.", []string{"concern 2016-04-13 E05009871 speeding"}},
	} {
		var got []string
		for _, e := range summary(t, head+tt.text+"\n") {
			if strings.HasPrefix(e, "concern") && !strings.HasSuffix(e, "environmental") {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.text)
	}
}

// TestOfficeActionNoConcern: the office's own action in a report's
// period ("The office has shared scam awareness material ...") is no
// concern of the period.
func TestOfficeActionNoConcern(t *testing.T) {
	doc := "Programme of Engagement\n\nPeriod: 1 October 2022 to 30 November 2022\n\n4. Other issues\n\n4.1 The office has shared scam awareness material with the Redcar and Cleveland Community Safety Partnership.\n"
	require.Empty(t, summary(t, doc))
}

// TestRaisedAtColumn: a "You said, we did" sheet whose "Raised at" column
// names a meeting told above it by its day ("PACT 17/01", "Street surgery
// 07/02") makes each row a concern of that meeting.
func TestRaisedAtColumn(t *testing.T) {
	doc := "Hemlington Neighbourhood Policing Team: You Said, We Did\n\nWhere you told us:\n\n" +
		"- PACT meeting, Hemlington Library – Wednesday 17th January 2018\n- Street surgery outside the Viewley Centre shops, Hemlington – Wednesday 7th February 2018\n\n" +
		"| Raised at | You said | We did |\n|---|---|---|\n" +
		"| PACT 17/01 | Scramblers and quads are being ridden round Hemlington Lake. | Two evening operations with the off-road bike team. |\n" +
		"| Street surgery 07/02 | Parents parking on the pavements at school pick-up time. | PCSOs attended at home time. |\n\n" +
		"Issued 28/02/2018 – Hemlington NPT\n"
	require.Equal(t, []string{
		"meeting 2018-01-17 E05009859 off_road_bikes",
		"meeting 2018-02-07 E05009859 parking_traffic",
		"concern 2018-01-17 E05009859 off_road_bikes",
		"concern 2018-02-07 E05009859 parking_traffic",
	}, summary(t, doc))
}

// TestNewsOpeningAndPlaces: a news item's opening concern told with its
// day ("... topped the list of worries when residents met the
// Commissioner last night") is the concern of the meeting the next
// paragraph tells, in its place, once; "to hear directly from people
// living in the Ropner ward" tells a meeting; a concern naming the
// meeting's own place among others ("between Marske and Saltburn") is the
// meeting's place.
func TestNewsOpeningAndPlaces(t *testing.T) {
	seaton := "<html><body><h1>Seaton residents put seafront concerns to Commissioner</h1>" +
		"<p>Cars being driven at speed along the seafront at Seaton Carew topped the list of worries when residents met Cleveland's Police and Crime Commissioner, Barry Coppinger, last night.</p>" +
		"<p>Around 40 people came along to the Seaton ward meeting at Seaton Carew Community Centre.</p>" +
		"<p>Several residents told him that groups of drivers were racing along the Coronation Drive stretch.</p>" +
		"<p>Posted on Thursday 20th March 2014</p></body></html>"
	require.Equal(t, []string{"concern 2014-03-19 E05008951 speeding", "meeting 2014-03-19 E05008951 speeding"}, summary(t, seaton))

	ropner := "<html><body><h1>PCC meets Ropner residents</h1><p>Published 17 October 2024</p>" +
		"<p>The Commissioner was in Stockton on Monday evening to hear directly from people living in the Ropner ward.</p>" +
		"<p>Shopkeepers on the local parade told the Commissioner that repeat shoplifting was now a weekly problem.</p></body></html>"
	require.Equal(t, []string{"meeting 2024-10-14 E05014878 burglary_theft", "concern 2024-10-14 E05014878 burglary_theft"}, summary(t, ropner))

	marske := "# Marske residents tell police chief about beach bikers\n\nBy our reporter | Friday 11th October 2019\n\n" +
		"IT was standing room only in Marske on Tuesday as more than 60 people squeezed into St Mark's church hall to tell the police and crime commissioner what they think.\n\n" +
		"Resident after resident described scramblers and quad bikes being ridden flat out along the sands between Marske and Saltburn.\n"
	require.Equal(t, []string{"meeting 2019-10-08  off_road_bikes", "concern 2019-10-08  off_road_bikes"}, summary(t, marske))
}

// TestWeekOpeningRetoldWithItsDay: a news item's opening that tells a
// meeting by its week ("heard from people in Marton last week about ...")
// and the paragraph after it that tells the meeting on a day of that week
// at a ward of that town, raising what the opening said, are one meeting
// (dropWeekRetold). Not when the opening raised something the day's
// meeting did not, when the day is outside the week, or when the day's
// meeting is at a ward that is not of the town the opening names.
func TestWeekOpeningRetoldWithItsDay(t *testing.T) {
	lead := "Posted on Monday 11 March 2019\n\nThe Commissioner heard from people in Marton last week about cars racing along the main road"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"retold", lead + " and rubbish dumped in the back lanes.\n\nHe joined the Marton West ward meeting on Wednesday 6 March at the church hall.\n\n" +
			"Residents said drivers were speeding along the main road at night, and fly-tipping in the back lanes was getting worse.\n",
			[]string{"meeting 2019-03-06 E05009865 environmental,speeding", "concern 2019-03-06 E05009865 environmental,speeding"}},
		{"a theme of its own", lead + " and burglaries from sheds.\n\nHe joined the Marton West ward meeting on Wednesday 6 March at the church hall.\n\n" +
			"Residents said drivers were speeding along the main road at night.\n",
			[]string{"meeting 2019-03-04  burglary_theft,speeding", "concern 2019-03-04  burglary_theft,speeding", "meeting 2019-03-06 E05009865 speeding", "concern 2019-03-06 E05009865 speeding"}},
		{"day outside the week", lead + ".\n\nHe joined the Marton West ward meeting on Wednesday 27 February at the church hall.\n\n" +
			"Residents said drivers were speeding along the main road at night.\n",
			[]string{"meeting 2019-03-04  speeding", "concern 2019-03-04  speeding", "meeting 2019-02-27 E05009865 speeding", "concern 2019-02-27 E05009865 speeding"}},
		{"another ward", lead + ".\n\nHe joined the Park End ward meeting on Wednesday 6 March at the church hall.\n\n" +
			"Residents said drivers were speeding along the main road at night.\n",
			[]string{"meeting 2019-03-04  speeding", "concern 2019-03-04  speeding", "meeting 2019-03-06 E05009870 speeding", "concern 2019-03-06 E05009870 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestBareWeekMeeting: a meeting told only by its week, at no ward, with
// nothing raised at it is not emitted (dropBareWeek): a news item's sum-up
// of the visits it told with their days ("one of three she held in the
// borough last week") or a quote's aside ("nothing beats listening to
// the people of the town"). Rows that must not fire: the week's meeting
// raised something, or it is at a ward.
func TestBareWeekMeeting(t *testing.T) {
	pub := "# Commissioner on the road\n\nPosted on Wednesday 13 March 2019\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"sum-up of the week's visits", pub + "Dog fouling on the playing fields was the main complaint when the Commissioner held a surgery in Park End on Thursday 7 March.\n\n" +
			"That surgery was one of three meetings the Commissioner held with residents in Middlesbrough last week.\n",
			[]string{"meeting 2019-03-07 E05009870 environmental", "concern 2019-03-07 E05009870 environmental"}},
		{"a quote's aside", pub + "Dog fouling on the playing fields was the main complaint when the Commissioner held a surgery in Park End on Tuesday 12 March.\n\n" +
			"She said: \"I spent last week at a seminar in Manchester, but nothing beats hearing directly from the people of Middlesbrough.\"\n",
			[]string{"meeting 2019-03-12 E05009870 environmental", "concern 2019-03-12 E05009870 environmental"}},
		{"the week's meeting raised something", pub + "Last week the Commissioner met residents in Middlesbrough, who told her about drivers speeding near the schools.\n",
			[]string{"meeting 2019-03-04  speeding", "concern 2019-03-04  speeding"}},
		{"the week's meeting at a ward", pub + "Last week the Commissioner joined the Park End ward meeting at the community centre.\n",
			[]string{"meeting 2019-03-04 E05009870 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMeetingInANamedWard: a meeting said to be held in a ward named as
// one ("a drop-in in the new Hutton ward") is that ward's, not the town's
// (a ward too) the sentence opened on (meetingOfWardRE). Rows that must
// not fire: the ward named only for who came, and a meeting in a town.
func TestMeetingInANamedWard(t *testing.T) {
	pub := "# Out and about\n\nPosted on Friday 12 July 2019\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"held in the named ward", pub + "Over in Guisborough, officers ran a drop-in in the new Hutton ward on Monday 8 July. Residents raised drivers speeding past the school.\n",
			[]string{"meeting 2019-07-08 E05012444 speeding", "concern 2019-07-08 E05012444 speeding"}},
		{"the ward only who came", pub + "Over in Guisborough, officers ran a drop-in on Monday 8 July for people from the Hutton ward. Residents raised drivers speeding past the school.\n",
			[]string{"meeting 2019-07-08 E05012443 speeding", "concern 2019-07-08 E05012443 speeding"}},
		{"held in a town", pub + "Officers ran a drop-in in Guisborough on Monday 8 July. Residents raised drivers speeding past the school.\n",
			[]string{"meeting 2019-07-08 E05012443 speeding", "concern 2019-07-08 E05012443 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestRecordsOwnBusiness: in minutes, a sentence whose only date is a
// since's ("the first meeting held in person since March 2020") tells no
// meeting; a resident's email read out under "Correspondence" is a
// concern, the other letters of the item are not; a request for patrols
// after the matter it is for is no second concern.
func TestRecordsOwnBusiness(t *testing.T) {
	doc := "Greatham Parish Council\n\nMinutes of the Parish Council meeting held at Greatham Community Centre on Monday 13 September 2021\n\n" +
		"This was the Council's first meeting held in person since March 2020.\n\n" +
		"3. Public forum\n\nResidents said the bus shelter had been repeatedly damaged and sprayed with graffiti, and asked for more patrols.\n\n" +
		"7. Correspondence\n\nThe Clerk read an email from a resident of Hill View reporting that men in a van had been calling door to door offering to tarmac driveways. E-mail from Hartlepool Borough Council about speeding on the A689 and the 20mph consultation. Noted.\n"
	require.Equal(t, []string{
		"meeting 2021-09-13 E05013040 criminal_damage,fraud_scams",
		"concern 2021-09-13 E05013040 criminal_damage",
		"concern 2021-09-13 E05013040 fraud_scams",
	}, summary(t, doc))
}

// TestRowsOfOneMeetingAndWhenWhere: a "When and where | You said | We did"
// table whose rows repeat one meeting's cell for each matter is one
// meeting; its month row's place is the one its date cell names; bikes
// "ridden at speed along footpaths" are the bikes, not speeding.
func TestRowsOfOneMeetingAndWhenWhere(t *testing.T) {
	doc := "# Redcar Neighbourhood Policing Team – You said, we did\n\n" +
		"| When and where | You said | We did |\n|---|---|---|\n" +
		"| March 2023 – online survey, Kirkleatham | Cars are speeding along Kirkleatham Lane. | Speed enforcement on four occasions. |\n" +
		"| Tue 18th April 2023 – PACT meeting, Newcomen | Parents are parking on the pavements outside the schools. | PCSOs attended. |\n" +
		"| Tue 18th April 2023 – PACT meeting, Newcomen | Bikes being ridden at speed along the footpaths by the beck. | Patrols with the bike team. |\n\n" +
		"*Page last updated: 2 May 2023*\n"
	require.Equal(t, []string{
		"concern 2023-03-01 E05012445 speeding",
		"meeting 2023-04-18 E05012449 off_road_bikes,parking_traffic",
		"concern 2023-04-18 E05012449 parking_traffic",
		"concern 2023-04-18 E05012449 off_road_bikes",
	}, summary(t, doc))
}

// TestCountedCrowdAtAHall: a counted crowd of the public that came to a
// public hall named with its place on a day ("on Monday 8 July, around 50
// residents turned up to Eston Community Centre") is a public meeting
// there, and what the next sentence says was raised is its. Not an
// uncounted crowd, a crowd at an event, nor a crowd at a venue that is no
// public hall.
func TestCountedCrowdAtAHall(t *testing.T) {
	head := "Posted on 20 July 2024\n\n"
	raised := " Dealing from parked cars was raised by almost everyone.\n"
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"counted crowd at a hall", "On Monday 8 July, around 50 residents turned up to Grangetown Community Centre.", []string{"meeting 2024-07-08 E05012442 drugs", "concern 2024-07-08 E05012442 drugs"}},
		{"crowd came to a town hall", "On Monday 8 July more than 60 people came to Billingham Town Hall.", []string{"meeting 2024-07-08  drugs", "concern 2024-07-08  drugs"}},
		{"uncounted crowd", "On Monday 8 July residents came to Grangetown Community Centre.", nil},
		{"crowd at an event", "On Monday 8 July more than 60 people came to the summer fair.", nil},
		{"crowd at a shop", "On Monday 8 July more than 60 people came to Grangetown Pet Supplies.", nil},
		{"crowd at a hall for something else", "On Monday 8 July more than 60 people came to Grangetown Community Centre to watch the match.", nil},
	} {
		var got []string
		for _, e := range summary(t, head+tt.text+raised) {
			if strings.HasPrefix(e, "meeting") || strings.HasPrefix(e, "concern 2024-07-08") {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestCrowdFilledAHall: a crowd that crowded into a hall, or packed or
// filled it, on its day to tell those in charge something is a meeting
// ("Forty tenants crowded into the Grove community centre on Monday to
// tell the inspector ...", "Residents filled the church hall on Monday
// night to demand ..."), and a "will" in what they came to say ("their
// fear that the station will close") is theirs, not a meeting to come. Not
// a crowd that filled a hall for something else, nor one still to come.
// (The meeting is what is checked: its themes are the crowd's errand.)
func TestCrowdFilledAHall(t *testing.T) {
	head := "Posted on 20 July 2024\n\n"
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"crowded into", "About forty tenants crowded into the Grangetown community centre on Monday 8 July to tell the inspector about drug dealing behind the shops.", []string{"meeting 2024-07-08 E05012442 drugs"}},
		{"packed a hall", "Residents packed a Grangetown church hall on Monday night to demand action on drug dealing behind the shops.", []string{"meeting 2024-07-15 E05012442 drugs"}},
		{"their fear of the future", "About forty tenants crowded into the Grangetown community centre on Monday 8 July to tell the inspector about drug dealing and their fear that the estate will be left with no PCSO.", []string{"meeting 2024-07-08 E05012442 drugs"}},
		{"filled a hall for a show", "Families filled the Grangetown community centre on Monday 8 July to watch the talent show.", nil},
		{"a crowd to come", "Tenants will pack the Grangetown community centre on Monday 29 July to tell the inspector about drug dealing.", nil},
	} {
		var got []string
		for _, e := range summary(t, head+tt.text+"\n") {
			if strings.HasPrefix(e, "meeting 2024-07") {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestCrowdAndQuotes: "It was standing room only at the community hub on
// Tuesday night, as more than sixty South Bank residents squeezed in to
// tell police ..." is a meeting; the Commissioner's "What I heard tonight"
// inside his quotation is that meeting, not another on the day of
// publication; his quoted promise ("I'll be speaking to ... the Safer
// Roads partnership") is no concern.
func TestCrowdAndQuotes(t *testing.T) {
	doc := "Posted on Friday 15th November 2019\n\n" +
		"It was standing room only at the Golden Boy Green community hub on Tuesday night, as more than sixty South Bank residents squeezed in to tell police and councillors what life is like on their streets.\n\n" +
		"People described drug dealing on street corners near Normanby Road.\n\n" +
		"Mr Coppinger said: \"South Bank is a proud community. I'll be speaking to the Chief Constable and to the Safer Roads partnership about what more can be done, and I want residents to know that what they told me tonight won't just be written down and forgotten.\"\n"
	require.Equal(t, []string{"meeting 2019-11-12 E05012456 drugs", "concern 2019-11-12 E05012456 drugs"}, summary(t, doc))
}

// TestCrowdPressingForAction: a crowd that piles into a hall on a day "to
// demand action on" something is a public meeting though the sentence has
// no meeting word, and what it pressed for is the meeting's concern; a
// crowd with no such purpose, or action demanded in a letter, is none.
func TestCrowdPressingForAction(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"piled into a hall to demand action", "Posted on Thursday 10 October 2019\n\n" +
			"Around fifty tenants piled into the Grangetown Hub on Tuesday evening to demand action on speeding along Birchington Avenue.\n\n" +
			"Several described teenagers throwing stones at buses.\n",
			[]string{"meeting 2019-10-08 E05012442 antisocial_behaviour,speeding", "concern 2019-10-08 E05012442 speeding", "concern 2019-10-08 E05012442 antisocial_behaviour"}},
		{"crammed in to call for something to be done", "Posted on Friday 8 March 2019\n\n" +
			"More than forty villagers crammed into Hart Village Hall on Wednesday night to call for something to be done about hare coursing on the farms.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"came to a hub to raise concerns", "Posted on Friday 8 March 2019\n\n" +
			"On Wednesday about thirty villagers came to Hart Village Hall to raise their worries about hare coursing with the Commissioner.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"came to a hall for a quiz", "Posted on Friday 8 March 2019\n\n" +
			"On Wednesday about thirty villagers came to Hart Village Hall to enjoy the annual quiz.\n",
			nil},
		{"crowd with no purpose of its own", "Posted on Friday 8 March 2019\n\n" +
			"More than forty villagers crammed into Hart Village Hall on Wednesday night for the annual quiz.\n",
			nil},
		{"demanded in a letter, no crowd", "Posted on Friday 8 March 2019\n\n" +
			"Residents of Hart wrote to the council on Wednesday to demand action on speeding along the Hartlepool road.\n",
			nil},
		// a crowd come to tell the police they are fed up with something:
		// that is the meeting's concern (tellFedUpRE)
		{"squeezed in to tell officers they had had enough", "Posted on Friday 8 March 2019\n\n" +
			"Some sixty villagers squeezed into Hart Village Hall on Wednesday night to tell officers they had had enough of hare coursing on the farms.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"packed in to tell the Commissioner they are sick of it", "Posted on Friday 8 March 2019\n\n" +
			"Villagers packed into Hart Village Hall on Wednesday to tell the Commissioner that they are sick of hare coursing on the farms.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"told the police of a quiz, not fed up: the meeting, no concern", "Posted on Friday 8 March 2019\n\n" +
			"More than forty villagers crammed into Hart Village Hall on Wednesday night to tell police they had enjoyed the annual quiz.\n",
			[]string{"meeting 2019-03-06 E05008946 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestVisitorAndHeardThat: a visitor who went to a meeting "and heard
// that" something goes on heard it raised there (andHeardThatRE); a
// panel's "heard that" a figure fell is a briefing, and "heard that" with
// no meeting before it in the sentence is left alone.
func TestVisitorAndHeardThat(t *testing.T) {
	pub := "Posted on Friday 8 March 2019\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"went to the ward meeting and heard that", pub + "On Wednesday the inspector went to the Hart ward meeting at the village hall and heard that hare coursers were crossing the farms at night.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"a panel's briefing: a figure, no concern", pub + "On Wednesday the panel met at Hart Village Hall and heard that burglaries had fallen by ten per cent.\n",
			[]string{"meeting 2019-03-06 E05008946 burglary_theft"}},
		{"no meeting: a statement heard", pub + "The council said on Wednesday it had heard that the Hart road would be resurfaced.\n",
			nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestTimeSpentWithCountedPublic: a part of a day spent at a place with a
// counted group of the public ("spent Tuesday evening at the church hall
// with around forty tenants") is their meeting though no meeting word is
// written; not time spent with officers, nor with one resident.
func TestTimeSpentWithCountedPublic(t *testing.T) {
	pub := "Posted on Friday 8 March 2019\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"an evening with forty tenants", pub + "The inspector spent the evening of Wednesday 6 March at Hart Village Hall with around forty villagers, who complained about hare coursing on the farms.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"a weekday's morning with a dozen parents", pub + "The sergeant spent Wednesday morning at Hart Village Hall with a dozen parents, who complained about hare coursing on the farms.\n",
			[]string{"meeting 2019-03-06 E05008946 rural_crime", "concern 2019-03-06 E05008946 rural_crime"}},
		{"with officers", pub + "The inspector spent the evening of Wednesday 6 March at Hart Village Hall with around forty officers, planning the response to hare coursing on the farms.\n", nil},
		{"with one resident", pub + "The inspector spent the evening of Wednesday 6 March at Hart Village Hall with a resident, who complained about hare coursing on the farms.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPrioritiesAgreedAtAMeeting: a record saying which priorities the
// meeting agreed for the police ("The new priorities agreed at the meeting
// are shed break-ins and off-road bikes") gives that meeting a concern of
// each, even in the police's item and with no cue; a theme it raised
// already stays one concern. Priorities "set out in the Police and Crime
// Plan", or agreed with no meeting told, are none.
func TestPrioritiesAgreedAtAMeeting(t *testing.T) {
	head := "NUNTHORPE PARISH COUNCIL\n\nMinutes of the meeting held on Monday 9th October 2023 at Nunthorpe Village Hall\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"agreed in the police item", head +
			"61/23 POLICE REPORT\n       The PC gave the crime figures for September. The new priorities agreed at the meeting are shed break-ins and off-road bikes.\n",
			[]string{"meeting 2023-10-09 E05015469 burglary_theft,off_road_bikes", "concern 2023-10-09 E05015469 burglary_theft,off_road_bikes"}},
		{"one raised already is one concern", head +
			"60/23 PUBLIC FORUM\n       A resident reported off-road bikes on the bridleway.\n\n" +
			"61/23 POLICE REPORT\n       Priorities set for the coming month: off-road bikes and speeding on the main road.\n",
			[]string{"meeting 2023-10-09 E05015469 off_road_bikes,speeding", "concern 2023-10-09 E05015469 off_road_bikes", "concern 2023-10-09 E05015469 speeding"}},
		{"the plan's priorities", head +
			"61/23 POLICE REPORT\n       The PC said the priorities set out in the Police and Crime Plan are burglary and anti-social behaviour.\n",
			[]string{"meeting 2023-10-09 E05015469 "}},
		{"no meeting told", "Posted on 2 May 2017\n\n" +
			"The priorities agreed for Guisborough this year are burglary and speeding.\n",
			nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPrioritiesAgreedForTheMonthsAhead: a list whose lead-in says the
// meeting agreed its priorities "for the next three months" is what was
// chosen there, not a list of what is to come; a lead-in saying the
// priorities will be set at the next meeting still is.
func TestPrioritiesAgreedForTheMonthsAhead(t *testing.T) {
	head := "Posted on 9 June 2021\n\nThank you to everyone who came to the Park End PACT meeting at the community centre last night.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"agreed for the months ahead", head +
			"We agreed our priorities for the next three months:\n\n- Fly-tipping in the back alleys\n- Youths on quad bikes on the playing fields\n",
			[]string{"meeting 2021-06-08 E05009870 environmental,off_road_bikes", "concern 2021-06-08 E05009870 environmental", "concern 2021-06-08 E05009870 off_road_bikes"}},
		{"residents chose them for the coming quarter", head +
			"Residents chose three priorities for the coming quarter:\n\n- Speeding on Penistone Road\n",
			[]string{"meeting 2021-06-08 E05009870 speeding", "concern 2021-06-08 E05009870 speeding"}},
		{"to be set at the next meeting", head +
			"We will set new priorities at the next PACT on 7 September:\n\n- Fly-tipping in the back alleys\n",
			[]string{"meeting 2021-06-08 E05009870 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestQuietItemTellingAPublicMeeting: in minutes, an item of business
// that is otherwise quiet (matters arising, the police report) but tells
// another meeting held with residents on its own day ("reported on the
// walkabout held on Thursday 8 March with residents ... Graffiti on the
// underpass was the main problem found") gives that meeting what it heard
// or found; what the item said before (the police's figures) stays quiet,
// and a meeting with officers only gets nothing.
func TestQuietItemTellingAPublicMeeting(t *testing.T) {
	head := "ACKLAM COMMUNITY COUNCIL\n\nMINUTES OF THE MEETING HELD ON TUESDAY 13 MARCH 2018 AT ACKLAM LIBRARY, MIDDLESBROUGH\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a walkabout under matters arising", head +
			"3. MATTERS ARISING\n\n3.1 Walkabout: Cllr Avery reported on the walkabout held on Thursday 8 March with residents and the neighbourhood team. Graffiti on the underpass was the main problem found.\n",
			[]string{"meeting 2018-03-13 E05009853 ", "meeting 2018-03-08 E05009853 criminal_damage", "concern 2018-03-08 E05009853 criminal_damage"}},
		{"a surgery after the police's figures", head +
			"4. POLICE REPORT\n\n4.1 PCSO Hill gave the figures for February: three burglaries and two thefts from cars. Cllr Avery reported on the street surgery held on Wednesday 7 March with residents, where speeding on Acklam Road was the main issue.\n",
			[]string{"meeting 2018-03-13 E05009853 ", "meeting 2018-03-07 E05009853 speeding", "concern 2018-03-07 E05009853 speeding"}},
		{"a meeting with officers only", head +
			"3. MATTERS ARISING\n\n3.1 Cllr Avery reported on the tasking meeting held on Thursday 8 March with council officers. Graffiti on the underpass was the main problem found.\n",
			[]string{"meeting 2018-03-13 E05009853 "}}, // (a tasking meeting is agencies', no meeting at all: TestAgencyMeetingIsNoPublicMeeting)
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMinutesPoliceItemAndRequests: in minutes, a police report item's
// sentences led by officers are the police's, though they name "concerns";
// "Advised by PCSO to ring 999" is advice; "He asked whether patrols could
// be increased overnight" after the matter he raised is its remedy; a
// venue named for a ward ("Newport Hub, Middlesbrough") places a row's
// meeting in that ward.
func TestMinutesPoliceItemAndRequests(t *testing.T) {
	doc := "NUNTHORPE PARISH COUNCIL\n\nMinutes of the meeting held on Monday 11th September 2023 at Nunthorpe Village Hall\n\n" +
		"56/23 PUBLIC FORUM\n       A resident reported that catalytic converters had been cut from two vehicles near his home in August. He asked whether patrols could be increased overnight.\n\n" +
		"57/23 POLICE REPORT\n       The PC presented the report. Officers would carry out speed checks with the mobile safety camera partnership and would pass the parking concerns to the council.\n\n" +
		"58/23 ELWICK ITEM\n       Two residents: men with lurchers seen on farmland near the village, believed to be hare coursing. Advised by PCSO to ring 999 while it is happening.\n"
	require.Equal(t, []string{
		"meeting 2023-09-11 E05015469 burglary_theft,rural_crime",
		"concern 2023-09-11 E05015469 burglary_theft",
		"concern 2023-09-11 E05015469 rural_crime",
	}, summary(t, doc))

	table := "Programme of Engagement\n\nPeriod covered: December 2021 and January 2022\n\n| Date | Engagement | Key issues raised |\n|---|---|---|\n" +
		"| Thursday 20 January | Women's safety listening event, Newport Hub, Middlesbrough | Women shared their concern about harassment in the street. |\n"
	require.Equal(t, []string{"meeting 2022-01-20 E05009866 domestic_abuse", "concern 2022-01-20 E05009866 domestic_abuse"}, summary(t, table))
}

// TestOfficialQuoteTonightAndPromise: in the Commissioner's quotation,
// "What I heard tonight" is the meeting the item told, not one more on
// its day of publication, and "I'll be speaking to the Chief Constable and
// to the Safer Roads partnership" is his promise, no concern.
func TestOfficialQuoteTonightAndPromise(t *testing.T) {
	owton := "Posted on Friday 8th March 2013\n\n" +
		"Cleveland's Police and Crime Commissioner Barry Coppinger met residents in Hartlepool last night to listen to their views on policing in the Manor House ward.\n\n" +
		"Residents told Mr Coppinger that gangs of teenagers hanging around the Wynyard Road shops after dark were leaving older people afraid.\n\n" +
		"Mr Coppinger said: \"I promised when I was elected that I would get out into every ward and hear from people directly. What I heard tonight is that people want something done about the groups at the shops.\n\n" +
		"\"I will come back to Owton Manor to tell residents what has been done.\"\n"
	require.Equal(t, []string{"meeting 2013-03-07 E05008949 antisocial_behaviour", "concern 2013-03-07 E05008949 antisocial_behaviour"}, summary(t, owton))

	ingleby := "Posted on Friday 15th November 2024\n\n" +
		"Speeding drivers dominated the conversation when the Commissioner met people from the northern half of Ingleby Barwick yesterday evening.\n\n" +
		"The Commissioner was invited to the Ingleby Barwick North ward community meeting, held at All Saints Academy.\n\n" +
		"Matt said: \"Ingleby Barwick is a big community, and it's clear the speed of traffic worries people here. I'll be speaking to the Chief Constable and to the Safer Roads partnership about what more can be done, and I want residents to know that what they told me tonight won't just be written down and forgotten.\"\n"
	require.Equal(t, []string{"meeting 2024-11-14 E05014870 speeding", "concern 2024-11-14 E05014870 speeding"}, summary(t, ingleby))
}

// TestQuotationOpeningInItsSentence: a speaker's "tonight" in a quotation
// that opens inside its sentence ("The Sergeant said: \"Tonight's meeting
// showed ...\"") is the meeting just told, neither one more on the day of
// publication nor a day for the meeting the next paragraph names without
// one; the writer's own "tonight" and a quotation's dated day stay as they
// are.
func TestQuotationOpeningInItsSentence(t *testing.T) {
	const head = "Posted on Thursday 13th October 2016\n\n" +
		"The Commissioner met residents at the Hemlington ward meeting last night, where people complained about dog fouling on the school field.\n\n"
	told := []string{"meeting 2016-10-12 E05009859 environmental", "concern 2016-10-12 E05009859 environmental"}
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"speaker's tonight in a quotation opened mid-sentence", head +
			"The Commissioner said: \"What I heard in tonight's meeting is what matters to people here.\"\n\n" +
			"The Inspector told the meeting that the team would be patrolling the field.\n", told},
		{"speaker's today, quotation mid-sentence, dates nothing after it", head +
			"Speaking afterwards, the chair said: \"Today was a good start.\"\n\n" +
			"At the meeting, the sergeant said the team would be out on the field.\n", told},
		{"a quotation's own dated day is left as it is", head +
			"The Commissioner said: \"I was at the Kader ward meeting on Monday 3rd October too.\"\n",
			append(append([]string{}, told...), "meeting 2016-10-03 E05009860 ")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestFarPublishers: a mosque's noticeboard dated only by its breadcrumb's
// date archive ("2017 › 08 › 14"); a school newsletter whose meeting was
// with officers "from the Redcar neighbourhood team" (whose officers, not
// where: the school's title places it), a quotation that ends a sentence
// before the police's next; a regional daily's opening "Residents in
// Grangetown say ... because of gangs of youths on scrambler bikes and
// open drug dealing", told after a cookie bar and bylines, raised at the
// meeting the next paragraph tells.
func TestFarPublishers(t *testing.T) {
	mosque := `<html><body><nav class="crumbs"><a href="/">Home</a> &rsaquo; <a href="/noticeboard/2017/">2017</a> &rsaquo; <a href="/noticeboard/2017/08/">08</a> &rsaquo; <a href="/noticeboard/2017/08/14/">14</a></nav>` +
		`<h1>Community safety meeting with Cleveland Police</h1><p>Thank you to all who stayed behind last Friday for the Newport ward community meeting in our main hall.</p>` +
		`<p>One brother said his daughter had her scarf pulled on Parliament Road.</p></body></html>`
	require.Equal(t, []string{"meeting 2017-08-11 E05009866 hate_crime", "concern 2017-08-11 E05009866 hate_crime"}, summary(t, mosque))

	school := "WESTFIELD PRIMARY ACADEMY - DORMANSTOWN\nWeekly Newsletter\nFriday 14th March 2025\n\nROAD SAFETY MEETING\nThank you to the 26 parents who came to our road safety meeting in the school hall on Wednesday afternoon with PC Hill from the Redcar neighbourhood team. " +
		"A number of parents told us that some drivers go much too fast along the main road. One mum said, \"I still don't feel safe.\" The police will be carrying out patrols at the start and end of the day.\n"
	require.Equal(t, []string{"meeting 2025-03-12 E05012440 speeding", "concern 2025-03-12 E05012440 speeding"}, summary(t, school)) // (a "road safety" meeting: its name gives no theme since taxonomy 2027.02.24)

	daily := "<html><body><p>We and our partners use cookies. I accept</p><h1>Grangetown residents tell crime commissioner of bike and drug misery</h1>" +
		"<p>More than 60 people packed into a community centre</p><p>Community Affairs Reporter</p><p>Published 07:00, 10 MAR 2016</p><p>Updated 11:42, 10 MAR 2016</p>" +
		"<p>Residents in Grangetown say they feel like prisoners in their own homes because of gangs of youths on scrambler bikes and open drug dealing on their streets.</p>" +
		"<p>The claims were made at a packed public meeting at the Grangetown Youth and Community Centre last night.</p></body></html>"
	require.Equal(t, []string{"meeting 2016-03-09 E05001509 drugs,off_road_bikes", "concern 2016-03-09 E05001509 drugs,off_road_bikes"}, summary(t, daily))
}

// TestRecordsOwnTimes: in minutes, "Minutes of meeting of 9th September
// 2013 approved" is the last meeting's record (no meeting); what residents
// phoned the chair about "during January" is January's, told at the
// February meeting (oil stolen "during February" and told at the March
// meeting stays the meeting's); a blog's "residents also emailed me last
// week" after last night's meeting is last week's; "I've passed this on to
// the council's parking team" is the writer's action.
func TestRecordsOwnTimes(t *testing.T) {
	loftus := "LOFTUS TOWN COUNCIL\n\nMINUTES OF THE ORDINARY MEETING OF THE COUNCIL HELD AT LOFTUS TOWN HALL ON MONDAY 14TH OCTOBER 2013\n\n" +
		"13/103  MINUTES\n        Minutes of meeting of 9th September 2013 approved and signed as a true record.\n\n" +
		"13/105  PUBLIC PARTICIPATION\n        (a) Resident complained of dog fouling on the footpath by the school.\n"
	require.Equal(t, []string{"meeting 2013-10-14 E05001514 environmental", "concern 2013-10-14 E05001514 environmental"}, summary(t, loftus))

	hemlington := "HEMLINGTON COMMUNITY COUNCIL\n\nMinutes of the meeting held on Wednesday 7th February 2024 at Hemlington Library\n\n" +
		"6. Chair's report\nMaureen said that during January several residents had phoned her about a man going door to door offering roofing work, asking for money up front.\n\n" +
		"7. Other matters\nA resident said oil had been stolen from heating tanks during January.\n"
	require.Equal(t, []string{
		"meeting 2024-02-07 E05009859 burglary_theft",
		"concern 2024-01-01 E05009859 fraud_scams",
		"concern 2024-02-07 E05009859 burglary_theft",
	}, summary(t, hemlington))

	blog := "<html><body><h1>Busy PACT meeting in Eston</h1><p>Posted on 28 February 2018</p>" +
		"<p>Last night I went along to the Eston ward PACT meeting at the Eston Library.</p>" +
		"<p>As usual it was the motorbikes that got everybody going.</p>" +
		"<p>A couple of residents also emailed me last week about cars parked right across the pavement on the High Street. I've passed this on to the council's parking team as well as the police.</p></body></html>"
	require.Equal(t, []string{"meeting 2018-02-27 E05001508 off_road_bikes", "concern 2018-02-27 E05001508 off_road_bikes", "concern 2018-02-19 E05001508 parking_traffic"}, summary(t, blog))
}

// TestTitleOfSeveralPlaces: minutes of "Saltburn, Marske and New Marske
// Parish Council" are of a body of three places, no one ward's: placed at
// their authority; "the Headland" in 2013 is in Headland and Harbour ward.
func TestTitleOfSeveralPlaces(t *testing.T) {
	doc := "Saltburn, Marske and New Marske Parish Council\n\nMINUTES OF THE ORDINARY MEETING OF THE COUNCIL\nheld on Tuesday, 19 October 2021, commencing at 6.30 pm\n\n" +
		"5. PUBLIC FORUM\nResidents raised off-road bikes being ridden on the beach.\n"
	require.Equal(t, []string{"meeting 2021-10-19  off_road_bikes", "concern 2021-10-19  off_road_bikes"}, summary(t, doc))
}

// TestTitleOfJointCouncil: a town or parish council named for two places
// ("Loftus and Brotton Parish Council", invented) spans both places'
// wards: its title places its meetings in neither, and the meeting takes
// the place of its venue (a ward, or a town split between wards: the
// authority). A title naming one place, or two places not run into the
// council's name, still places the meeting (rows that must not fire).
func TestTitleOfJointCouncil(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"two places' council, venue in a split town", "SKELTON & LOFTUS PARISH COUNCIL\n\nMinutes of the meeting of the Council held on Wednesday 6 October 2021 at 7pm at Skelton Civic Hall.\n\n12. Public forum\nResidents raised quad bikes ridden on the cliff path.\n",
			[]string{"meeting 2021-10-06  off_road_bikes", "concern 2021-10-06  off_road_bikes"}},
		{"two places' council, venue in a ward", "Loftus and Brotton Parish Council\n\nMinutes of the meeting of the Council held on Wednesday 6 October 2021 at 7pm in Loftus Town Hall.\n\n12. Public forum\nResidents raised quad bikes ridden on the cliff path.\n",
			[]string{"meeting 2021-10-06 E05012447 off_road_bikes", "concern 2021-10-06 E05012447 off_road_bikes"}},
		{"one place's council still places it", "BROTTON PARISH COUNCIL\n\nMinutes of the meeting of the Council held on Wednesday 6 October 2021 at 7pm.\n\n12. Public forum\nResidents raised quad bikes ridden on the cliff path.\n",
			[]string{"meeting 2021-10-06 E05012438 off_road_bikes", "concern 2021-10-06 E05012438 off_road_bikes"}},
		{"two places, no council of both", "Brotton ward meeting and Skelton update\n\nMinutes of the meeting held on Wednesday 6 October 2021 at 7pm.\n\n12. Public forum\nResidents raised quad bikes ridden on the cliff path.\n",
			[]string{"meeting 2021-10-06 E05012438 off_road_bikes", "concern 2021-10-06 E05012438 off_road_bikes"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestMeetingToldAfterItsVisit: a meeting named without a day after the
// sentence telling the visit on its day is that day's ("came to Loftus
// last night ... was guest at the community meeting"); where a meeting was
// is the place its noun governs, not a run-in head's ("Not just Yarm –
// ... a meeting in neighbouring Eaglescliffe"); a venue named for one of
// the places a ward joins is in that ward ("Hardwick Community Centre");
// "in Guisborough for the first meeting of the new Belmont ward" is
// Belmont's, though the town is a ward too.
func TestMeetingToldAfterItsVisit(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"visit, then its meeting", "# Loftus has its say\n\nPosted on Wednesday 6 November 2013\n\nThe Commissioner got a taste of what worries East Cleveland when he came to Loftus last night. He was guest at the community meeting in Loftus Town Hall. Parents described fireworks being thrown at people in the street.\n",
			[]string{"meeting 2013-11-05 E05001514 antisocial_behaviour", "concern 2013-11-05 E05001514 antisocial_behaviour"}},
		{"the meeting's own place", "# Yarm meeting\n\nPosted on 20 July 2016\n\n**Not just Yarm** - Earlier this month a similar meeting in neighbouring Eaglescliffe heard residents' worries about suspected cannabis farms in rented houses.\n",
			[]string{"meeting 2016-07-01 E05001533 drugs", "concern 2016-07-01 E05001533 drugs"}},
		{"the meeting's own place, words between held and in", "# Eaglescliffe meeting\n\nPosted on 20 July 2016\n\nThe Eaglescliffe meeting comes after a similar forum held just down the road in Yarm earlier this month, where residents also raised suspected cannabis farms in rented houses.\n",
			[]string{"meeting 2016-07-01 E05001552 drugs", "concern 2016-07-01 E05001552 drugs"}},
		{"a venue named for part of a ward", "Report to the Police and Crime Panel, 8 December 2015\n\n4.3 On 13 October the Commissioner attended the residents' forum held at Hardwick Community Centre, Stockton. Residents raised drug dealing on the estate.\n",
			[]string{"meeting 2015-10-13 E05001536 drugs", "concern 2015-10-13 E05001536 drugs"}},
		{"squeezed into the meeting the paragraph before dated", "Billingham residents vent fury\n\n12:41, 17 NOV 2022\n\nTempers flared in a crowded church hall on Tuesday as residents told police what they thought of life on their estate.\n\nMore than 60 people squeezed into St Luke's Church Hall for the Billingham East ward meeting.\n\nOthers spoke of lads on scramblers racing along the cycle paths.\n",
			[]string{"meeting 2022-11-15 E05001528 off_road_bikes", "concern 2022-11-15 E05001528 off_road_bikes"}},
		{"a village near the meeting is the meeting's ward", "Report to the Police and Crime Panel, 9 July 2019\n\n3.4 The first meeting in the new Belmont ward took place on 4 June in Guisborough. Farmers said hare coursing on the fields around Hutton Lowcross had got worse since the spring.\n",
			[]string{"meeting 2019-06-04 E05012437 rural_crime", "concern 2019-06-04 E05012437 rural_crime"}},
		{"a ward named beats the town the meeting was in", "Report to the Police and Crime Panel, 6 September 2022\n\n2.2 On Tuesday 14th June I was a guest at the Belmont ward community forum in Guisborough. The discussion centred on vehicles travelling at excessive speed on Hutton Lane.\n",
			[]string{"meeting 2022-06-14 E05012437 speeding", "concern 2022-06-14 E05012437 speeding"}},
		{"the meeting of a ward beats the town it was in", "# Belmont meets\n\nPosted on 12 July 2019\n\nOn Thursday 4 July he was in Guisborough for the first meeting of the new Belmont ward, where people told him about break-ins at homes on the edge of town.\n",
			[]string{"meeting 2019-07-04 E05012437 burglary_theft", "concern 2019-07-04 E05012437 burglary_theft"}},
		// wardOwnMeetingRE: "in <town>, attending the <ward> ward ... meeting"
		{"in a town, attending a ward's own meeting", "Report to the Police and Crime Panel, 6 September 2022\n\n2.3 The Commissioner spent the evening of 21 June in Guisborough, attending the Belmont ward residents' forum at the community hall, where people raised cars racing along Hutton Lane.\n",
			[]string{"meeting 2022-06-21 E05012437 speeding", "concern 2022-06-21 E05012437 speeding"}},
		{"in a town, the ward only named: the town's", "Report to the Police and Crime Panel, 6 September 2022\n\n2.3 On 21 June the Commissioner held a meeting in Guisborough, where residents of Belmont ward raised cars racing along Hutton Lane.\n",
			[]string{"meeting 2022-06-21 E05012443 speeding", "concern 2022-06-21 E05012443 speeding"}},
		{"a ward named in passing is not whose meeting", "# Belmont meets\n\nPosted on 12 July 2019\n\nOn Thursday 4 July he was in Guisborough for a meeting where people from the Belmont ward told him about break-ins at homes on the edge of town.\n",
			[]string{"meeting 2019-07-04 E05012443 burglary_theft", "concern 2019-07-04 E05012443 burglary_theft"}},
		{"a venue named for a ward beats the item's village", "ELWICK PARISH COUNCIL\n\nMinutes of the meeting held on Monday 3rd November 2014 at Elwick Village Hall\n\n78/14 Hart PACT. The Clerk attended the Hart PACT meeting at Hart Village Hall on Wednesday 15th October. Residents there spoke about farm thefts around Hart.\n",
			[]string{"meeting 2014-11-03 E05008950 ", "meeting 2014-10-15 E05008946 rural_crime", "concern 2014-10-15 E05008946 rural_crime"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestResidentsInAPlaceOfAToldMeeting: "Residents in X were worried
// about ..." in a paragraph that goes on to name another meeting is what
// was raised at the meeting the document told in X, on its day, not at the
// meeting named last; with no verb of raising or worry after the place
// ("residents in X have since written"), or no "residents in" before it,
// it is read as before.
func TestResidentsInAPlaceOfAToldMeeting(t *testing.T) {
	const head = "Report to the Police and Crime Panel, 13 June 2016\n\n3.1 On 4 May the Commissioner attended the Fairfield ward meeting.\n\n3.2 On 18 May he attended the Hartburn ward drop-in.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"residents in a place with a meeting told", head + "3.3 Both were small. Residents in Fairfield were worried about thefts from sheds; at the Hartburn drop-in people asked about parking outside the school.\n",
			[]string{"meeting 2016-05-04 E05001534 burglary_theft", "meeting 2016-05-18 E05001537 parking_traffic", "concern 2016-05-04 E05001534 burglary_theft", "concern 2016-05-18 E05001537 parking_traffic"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
	require.True(t, residentsOfBeforeRE.MatchString("Some people from the ") && residentsOfAfterRE.MatchString(" also complained about"))
	require.False(t, residentsOfAfterRE.MatchString(" have since written to the office"))
	require.False(t, residentsOfBeforeRE.MatchString("thefts from sheds near "))
}

// TestMeetingInTheSameWard: a meeting put "in the same ward" as the one
// told before it is in that ward, not the document's authority; with the
// meeting before placed only in a town, or a place of its own named, the
// reference changes nothing.
func TestMeetingInTheSameWard(t *testing.T) {
	const head = "# Speeding on the agenda\n\nPosted on 20 July 2016\n\nOn Tuesday 12 July the Commissioner attended the Kader ward meeting, where residents complained about speeding on Stokesley Road.\n\n"
	kader := []string{"meeting 2016-07-12 E05009860 speeding", "concern 2016-07-12 E05009860 speeding"}
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"the same ward as the meeting before", head + "That meeting came after a street surgery held by the local team in the same ward in June, where people complained about drug dealing in the alleys.\n",
			append(append([]string{}, kader...), "meeting 2016-06-01 E05009860 drugs", "concern 2016-06-01 E05009860 drugs")},
		{"the meeting before placed in a town only: no ward", "# Speeding on the agenda\n\nPosted on 20 July 2016\n\nOn Tuesday 12 July the Commissioner attended a residents' meeting in Thornaby, where residents complained about speeding on the high street.\n\nThat meeting came after a street surgery held by the local team in the same ward in June, where people complained about drug dealing in the alleys.\n",
			[]string{"meeting 2016-07-12  speeding", "concern 2016-07-12  speeding", "meeting 2016-06-01  drugs", "concern 2016-06-01  drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
	require.True(t, sameWardRE.MatchString("a walkabout on the same estate"))
	require.False(t, sameWardRE.MatchString("the same problems in the ward"))
	require.False(t, sameWardRE.MatchString("at the same time"))
}

// TestMeetingHeldWordsBeforeItsPlace: meetingInRE takes a few words of the
// way there or of who held it between "held" and the place, and no others.
func TestMeetingHeldWordsBeforeItsPlace(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"a similar meeting in neighbouring ", true},
		{"a similar meeting held just up the road in ", true},
		{"a drop-in held by the local team at ", true},
		{"a public meeting held over the county boundary in ", true},
		{"the meeting was held and people complained about speeding in ", false},
		{"a meeting held on Tuesday in ", false},
		{"a meeting held with Thornaby councillors in ", false},
	} {
		require.Equal(t, tt.want, meetingInRE.MatchString(tt.s), tt.s)
	}
}

// TestMeetingNamedByItsWard: a meeting named by a ward's name with no
// "ward" between ("the Normanby residents' surgery", wardNamedMeetingRE)
// is that ward's, not the ward the sentence names in passing; a
// paragraph's run-in label "<ward> residents' meeting." (labelWard) places
// its meeting in that ward, not the town its venue is named after. Rows
// that must not fire: another word between the ward and the meeting
// ("shopkeepers meeting him"), a meeting the sentence says was held in
// another ward, a label naming more than the ward and its meeting.
func TestMeetingNamedByItsWard(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a ward's surgery beats the area named in passing", "# Commissioner in Greater Eston\n\nPosted on 28 March 2017\n\nIt was his third trip to Greater Eston this year; on 14 March he called in to the Normanby residents' surgery at the church hall, where shopkeepers raised shoplifting from the parade.\n",
			[]string{"meeting 2017-03-14 E05001517 burglary_theft", "concern 2017-03-14 E05001517 burglary_theft"}},
		{"a ward not naming the meeting: the first ward", "# Commissioner in Greater Eston\n\nPosted on 28 March 2017\n\nIt was his third trip to Greater Eston this year; on 14 March he held a surgery where Normanby shopkeepers meeting him raised shoplifting from the parade.\n",
			[]string{"meeting 2017-03-14 E05001508 burglary_theft", "concern 2017-03-14 E05001517 burglary_theft"}},
		{"a meeting said held in another ward keeps that ward", "# East Cleveland round-up\n\nPosted on 30 June 2017\n\nThe Normanby meeting came after a residents' meeting in Saltburn on Tuesday 20th June, at the library, where parking on the seafront was the main complaint.\n",
			[]string{"meeting 2017-06-20 E05001520 parking_traffic", "concern 2017-06-20 E05001520 parking_traffic"}},
		{"a run-in label names the ward's meeting", "---\ntitle: \"My week\"\ndate: 2023-05-19 20:00:00 +0000\n---\n\n**Norton North residents' meeting.** On Wednesday about thirty of us turned up to the meeting in the Norton Methodist Hall. People raised drug dealing from a flat above the shops.\n",
			[]string{"meeting 2023-05-17 E05014876 drugs", "concern 2023-05-17 E05014876 drugs"}},
		{"a label naming more than the meeting: the town", "---\ntitle: \"My week\"\ndate: 2023-05-19 20:00:00 +0000\n---\n\n**Norton North residents' meeting and a walk.** On Wednesday about thirty of us turned up to the meeting in the Norton Methodist Hall. People raised drug dealing from a flat above the shops.\n",
			[]string{"meeting 2023-05-17  drugs", "concern 2023-05-17  drugs"}},
	} {
		require.Equal(t, tt.want, summaryFile(t, "post.md", tt.doc), tt.name)
	}
}

// TestPlaceWithItsAuthority: a name the gazetteer does not hold alone,
// written with its authority after a comma or in brackets as an address is
// ("a walk round Salters Lane, Stockton-on-Tees"), is a place, and when
// one ward of that authority joins it with another's ("Hardwick and
// Salters Lane") the meeting is in that ward; a ward of another authority
// that joins the name, or a name not written with its authority, leaves
// the meeting at the authority. So is a place whose people were at their
// ward's meeting in that authority ("residents of Salters Lane at their
// ward meeting in Stockton").
func TestPlaceWithItsAuthority(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"after a comma", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner joined councillors on a walkabout in Salters Lane, Stockton-on-Tees. Residents raised drug dealing on the estate.\n",
			[]string{"meeting 2016-11-09 E05001536 drugs", "concern 2016-11-09 E05001536 drugs"}},
		{"in brackets", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner joined councillors on a walkabout in Hardwick (Stockton-on-Tees). Residents raised drug dealing on the estate.\n",
			[]string{"meeting 2016-11-09 E05001536 drugs", "concern 2016-11-09 E05001536 drugs"}},
		{"a ward of another authority joins the name", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner joined councillors on a walkabout in Beckfield, Stockton-on-Tees. Residents raised drug dealing on the estate.\n",
			[]string{"meeting 2016-11-09  drugs", "concern 2016-11-09  drugs"}},
		{"a person's name, not an address", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner joined Councillor Hardwick on a walkabout in the estates of Stockton-on-Tees. Residents raised drug dealing on the estate.\n",
			[]string{"meeting 2016-11-09  drugs", "concern 2016-11-09  drugs"}},
		// The people of a place at their ward's meeting in an authority:
		// that authority's ward of the place.
		{"people of a place at their ward meeting", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner sat down with tenants from Salters Lane at their ward meeting in Stockton-on-Tees. Drug dealing on the estate was the main worry.\n",
			[]string{"meeting 2016-11-09 E05001536 drugs", "concern 2016-11-09 E05001536 drugs"}},
		{"people of a place at a meeting, not theirs", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner sat down with tenants from Salters Lane at a public meeting in Stockton-on-Tees. Drug dealing on the estate was the main worry.\n",
			[]string{"meeting 2016-11-09  drugs", "concern 2016-11-09  drugs"}},
		{"a person of that name at the ward meeting", "Report to the Police and Crime Panel, 6 December 2016\n\n4.2 On 9 November the Commissioner sat down with Mrs Hardwick at their ward meeting in Stockton-on-Tees. Drug dealing on the estate was the main worry.\n",
			[]string{"meeting 2016-11-09  drugs", "concern 2016-11-09  drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMonthRowTellingItsMeeting: in a "Month | You said | We did" table a
// row whose "You said" cell tells its own dated meeting is that meeting,
// and every event is placed in the ward in force on its own date, not the
// page's (Grangetown was re-coded at the May 2019 elections).
func TestMonthRowTellingItsMeeting(t *testing.T) {
	doc := "# Grangetown Neighbourhood Policing Team – You Said, We Did\n\n| Month | You said | We did |\n|---|---|---|\n" +
		"| January 2019 | Drug dealing from a house off Birchington Avenue. | A warrant was executed. |\n" +
		"| February 2019 | At our PACT meeting on Tuesday 12th February you told us motorbikes were being ridden on the field behind the shops. | Patrols on four weekends. |\n" +
		"| June 2019 | PACT meeting, Tuesday 11th June: wheelie bins being set on fire in the back lanes. | A bin-collection blitz. |\n\n" +
		"Page last updated: 2 August 2019\n"
	require.Equal(t, []string{
		"concern 2019-01-01 E05001509 drugs",
		"meeting 2019-02-12 E05001509 off_road_bikes",
		"concern 2019-02-12 E05001509 off_road_bikes",
		"meeting 2019-06-11 E05012442 criminal_damage",
		"concern 2019-06-11 E05012442 criminal_damage",
	}, summary(t, doc))
}

// TestIssuesYouRaisedHeading: in a post that told one meeting, a heading
// "Issues you raised" ("Concerns residents raised", "Matters we
// discussed") is over what that meeting heard, as "Issues raised" is; a
// post of two meetings, or a heading naming another audience, is not read
// so.
func TestIssuesYouRaisedHeading(t *testing.T) {
	const one = "# June round-up\n\nPosted on 24 June 2022\n\nThanks to all who came on Tuesday night to our Rossmere residents' meeting at the church hall.\n\n## %s\n\n- Speeding - vans far too fast past the school.\n- Dog fouling on the playing field.\n"
	for _, tc := range []struct {
		head string
		want []string
	}{
		{"Issues you raised", []string{"meeting 2022-06-21 E05013045 environmental,speeding", "concern 2022-06-21 E05013045 speeding", "concern 2022-06-21 E05013045 environmental"}},
		{"Concerns residents raised", []string{"meeting 2022-06-21 E05013045 environmental,speeding", "concern 2022-06-21 E05013045 speeding", "concern 2022-06-21 E05013045 environmental"}},
		// must not fire
		{"Issues you raised with the council this year", []string{"meeting 2022-06-21 E05013045 "}},
	} {
		require.Equal(t, tc.want, summary(t, fmt.Sprintf(one, tc.head)), tc.head)
	}
	two := "# June round-up\n\nPosted on 24 June 2022\n\nThanks to all who came on Tuesday night to our Rossmere residents' meeting at the church hall, and to the Seaton ward meeting on Thursday 16 June.\n\n## Issues you raised\n\n- Speeding - vans far too fast past the school.\n"
	for _, e := range summary(t, two) {
		require.NotContains(t, e, "concern", "two meetings: whose list is not told")
	}
}

// TestPostsAboutOneMeeting: a blog's "Ward update" title is no police
// update (its sentences are what residents said); a heading over what the
// one meeting heard ("The big three") keeps the meeting; a record's title
// and its first lines telling the same meeting are one meeting.
func TestPostsAboutOneMeeting(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"ward update", "# Ward update\n\n*Thursday 14 March 2024*\n\nResidents packed into the Norton Central ward meeting on Tuesday night.\n\nGroups of teenagers hang around the Green after dark.\n",
			[]string{"meeting 2024-03-12 E05014875 antisocial_behaviour", "concern 2024-03-12 E05014875 antisocial_behaviour"}},
		{"the big three", "# What you told the police\n\n*Thursday 14 March 2024*\n\nThanks to all who came on Tuesday night to our Norton Central residents' meeting at the Norton Community Centre.\n\n## The big three\n\n**1. Young people on the Green.** Several of you described groups of teenagers hanging around the Green after dark.\n",
			[]string{"meeting 2024-03-12 E05014875 antisocial_behaviour", "concern 2024-03-12 E05014875 antisocial_behaviour"}},
		{"what you raised", "## Ward news\n\n## Ward meeting round-up\n\nPosted on 9 June 2021\n\nThank you to everybody who came along to the Marton East ward community meeting on Monday evening at the Marton Community Hub.\n\n### What you raised\n\nScams. A number of older residents have had phone calls from people claiming to be from their bank.\n",
			[]string{"meeting 2021-06-07 E05009864 fraud_scams", "concern 2021-06-07 E05009864 fraud_scams"}},
		{"a record told twice", "*Posted on 19 June 2017 by the Secretary*\n\n## Skelton residents' meeting: notes of 14th June\n\nThanks to the thirty-odd people who squeezed into the Skelton Civic Hall on Wednesday night, and to Jo Bates from the Council's community safety team.\n\n### What residents raised\n\n- Two cars were torched on the estate behind the High Street.\n",
			[]string{"meeting 2017-06-14 E05001521 criminal_damage", "concern 2017-06-14 E05001521 criminal_damage"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPublicMattersUnderThePoliceItem: in minutes, the public's matters
// under the police's item ("b) Matters raised by members of the public:")
// are concerns though the item is the police's; an item's label sentence
// ("Traffic through the village.") is read with what it heads; "Minutes of
// 11th October 2021 approved" is the last meeting's record, no meeting.
func TestPublicMattersUnderThePoliceItem(t *testing.T) {
	doc := "WYNYARD PARISH COUNCIL\n\nMinutes of the Meeting of the Parish Council held on Monday 8th November 2021 at 7.00pm in the Village Hall, Thorpe Thewles\n\n" +
		"139/21  MINUTES\n        Minutes of 11th October 2021 approved and signed as a true record.\n\n" +
		"140/21  POLICE MATTERS\n        a) PCSO report: 6 crimes recorded in the parish for October. Noted.\n        b) Matters raised by members of the public / councillors:\n" +
		"           - Traffic through the village. Cllr Hall on behalf of residents: vans far exceeding the 30 limit on the main street.\n" +
		"           - Fly-tipping in the lay-by again. Clerk to report it.\n"
	require.Equal(t, []string{
		"meeting 2021-11-08 E05001542 environmental,speeding",
		"concern 2021-11-08 E05001542 speeding",
		"concern 2021-11-08 E05001542 environmental",
	}, summary(t, doc))
	require.True(t, quietItem("FC/22/105  Police update The Inspector summarised activity since the last meeting: speed enforcement on Ingleby Way"), "a committee's minute number before the police's item")
	require.True(t, quietItem("57/23 POLICE REPORT Officers would carry out speed checks"))
}

// TestActionGroupTitle: a residents' group that calls itself an action
// group (or team, or partnership) titles its notes with that name; the
// word "action" there is no "Actions" heading, so what residents raised
// under the title is heard. A heading of actions still quiets what is
// under it.
func TestActionGroupTitle(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"an action group's notes",
			"NORMANBY RESIDENTS' ACTION GROUP\n\nNotes of the meeting held on Tuesday 3rd March 2020 at the Methodist Church, Normanby\n\n- vans racing down the back lane most evenings\n- someone dumped a fridge and a mattress by the garages\n",
			[]string{"meeting 2020-03-03 E05012450 environmental,speeding", "concern 2020-03-03 E05012450 speeding", "concern 2020-03-03 E05012450 environmental"}},
		{"an action team's notes",
			"Eston Community Action Team\n\nNotes of the meeting held on Monday 9th March 2020 at Eston Library\n\nKids on quad bikes tearing up the hills behind the estate.\n",
			[]string{"meeting 2020-03-09 E05012441 off_road_bikes", "concern 2020-03-09 E05012441 off_road_bikes"}},
		{"a heading of actions is still the group's own",
			"NORMANBY RESIDENTS' ACTION GROUP\n\nNotes of the meeting held on Tuesday 3rd March 2020 at the Methodist Church, Normanby\n\nAction log\n\nVans racing down the back lane most evenings - speed survey requested.\n",
			[]string{"meeting 2020-03-03 E05012450 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
	for h, want := range map[string]bool{
		"SKELTON RESIDENTS' ACTION GROUP":             false,
		"Grangetown Neighbourhood Action Partnership": false,
		"Action points": true,
		"Action log":    true,
		"Police update": true,
	} {
		require.Equal(t, want, notConcernHead(h), h)
	}
}

// TestWardFirstInItsMeetingCell: a "Ward meeting (date / venue)" cell
// that opens with the ward, then its day, then a venue in a town that is
// a ward too, is the first ward's; an "Authority" column is the row's
// place.
func TestWardFirstInItsMeetingCell(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 6 September 2022\n\nProgramme of Engagement – June and July 2022\n\n" +
		"| Ward meeting (date / venue) | Issues raised by residents | Authority |\n|---|---|---|\n" +
		"| Belmont Thu 16 June, Guisborough Quaker Meeting House | Hare coursing on farmland off the A171 | Redcar & Cleveland |\n" +
		"| Throston Tue 7 June, West View Community Centre | Vehicles speeding on Merlin Way | Hartlepool |\n" +
		"| Thu 21 July, Quaker Meeting House | Thefts from sheds by men from Stockton | Redcar & Cleveland |\n"
	require.Equal(t, []string{
		"meeting 2022-06-16 E05012437 rural_crime", "concern 2022-06-16 E05012437 rural_crime",
		"meeting 2022-06-07 E05013048 speeding", "concern 2022-06-07 E05013048 speeding",
		"meeting 2022-07-21  burglary_theft", "concern 2022-07-21  burglary_theft",
	}, summary(t, doc))
	res, err := newExtractor(t, Config{}).Extract("t.md", []byte(doc))
	require.NoError(t, err)
	require.Equal(t, "E06000003", res.Events[len(res.Events)-1].LADCode, "the Authority column places the row")
}

// TestLettersToTheOfficeAndMastheads: what residents wrote to the office
// over the report's period ("received letters and emails from residents
// of Redcar and Cleveland asking why ...", "the single most common subject
// in letters and emails to the office from Middlesbrough residents has
// been ...") is a concern of the period; a newsletter's masthead ("· Issue
// 22 · April 2019 ·") tells no meeting.
func TestLettersToTheOfficeAndMastheads(t *testing.T) {
	report := "Report to the Police and Crime Panel, 5 April 2022\n\nProgramme of Engagement, February and March 2022\n\n"
	require.Equal(t, []string{"concern 2022-02-01 E06000003 visible_policing"}, summaryLAD(t, report+"2.7 Separately, over February and March the office received letters and emails from residents of Redcar and Cleveland asking why the public enquiry desk at Redcar police station is no longer open every day, and wanting more officers seen on foot in the town.\n"))
	require.Equal(t, []string{"concern 2022-02-01 E06000002 off_road_bikes"}, summaryLAD(t, report+"3.4 Across both months, the single most common subject in letters and emails to the office from Middlesbrough residents has been nuisance off-road bikes.\n"))
	require.Empty(t, summaryLAD(t, "Thorntree TARA Bulletin\n\nThorntree Tenants' & Residents' Association · Issue 22 · April 2019 · Free to every household\n\nSpring is here at last.\n"))
}

// summaryLAD is summary with each event's authority besides its ward.
func summaryLAD(t *testing.T, doc string) []string {
	t.Helper()
	return summaryFileLAD(t, "find.txt", doc)
}

// summaryFileLAD is summaryFile with the authority after the ward.
func summaryFileLAD(t *testing.T, name, doc string) []string {
	t.Helper()
	res, err := newExtractor(t, Config{}).Extract(name, []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.WardCode+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	return got
}

// TestYouSaidPerMeeting: a "You said, we did" page told meeting by
// meeting, whether a table's spanning row or a heading names each
// meeting, gives each row to its meeting; a PACT record titled in
// capitals is its meeting's record (its venue in capitals placing it),
// its police update and matters arising are no concerns.
func TestYouSaidPerMeeting(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"spanning rows", "# You said, we did\n\nGuisborough, Belmont and Hutton Neighbourhood Policing Team — January to March 2024\n\n| You said | We did |\n|---|---|\n" +
			"| Guisborough PACT – Wednesday 10th January 2024, Guisborough Town Hall |  |\n| Shops on Westgate are being hit by shoplifters. | Three offenders charged. |\n" +
			"| Hutton PACT – Thursday 7th March 2024, Hutton Lowcross Pavilion |  |\n| Off-road bikes tearing up the tracks in Guisborough Forest. | Two bikes seized. |\n\nPage last updated: 15 April 2024\n",
			[]string{"meeting 2024-01-10 E05012443 burglary_theft", "concern 2024-01-10 E05012443 burglary_theft", "meeting 2024-03-07 E05012444 off_road_bikes", "concern 2024-03-07 E05012444 off_road_bikes"}},
		{"headings", "# Greater Eston Neighbourhood Policing Team\n\nYou Said, We Did – January to March 2018\n\nUpdated 10/04/2018\n\n# Tuesday 9th January 2018 – South Bank PACT, Community Room, Normanby Road\n\n| You said | We did |\n|---|---|\n| People are dealing drugs from cars parked near the shops. | Plain clothes patrols. |\n\n# Wednesday 14th March 2018 – Eston PACT, Eston Library\n\n| You said | We did |\n|---|---|\n| Parents are parking on the pavement at school times. | Letters sent home. |\n",
			[]string{"meeting 2018-01-09 E05001522 drugs", "concern 2018-01-09 E05001522 drugs", "meeting 2018-03-14 E05001508 parking_traffic", "concern 2018-03-14 E05001508 parking_traffic"}},
		{"a PACT record in capitals", "HARDWICK PACT (POLICE AND COMMUNITIES TOGETHER)\n\nMINUTES OF MEETING HELD WEDNESDAY 16 JANUARY 2013, 6.30PM\nHARDWICK COMMUNITY CENTRE\n\n2.  MATTERS ARISING\n    2.1 Harrowgate Lane speed checks (Nov. priority). Checks done on 3 dates in Dec. Priority closed.\n\n3.  NEIGHBOURHOOD UPDATE (POLICE)\n    PC Hill gave figures for Dec.: 4 dwelling burglaries. Two drugs warrants executed.\n\n4.  RESIDENTS' ISSUES\n    4.1 Youths gathering at the shop parade most nights, drinking, shouting.\n",
			[]string{"meeting 2013-01-16 E05001536 antisocial_behaviour", "concern 2013-01-16 E05001536 antisocial_behaviour"}},
		{"a PACT record's date line", "PARK END & BECKFIELD\nPOLICE AND COMMUNITIES TOGETHER (PACT) MEETING\n\nDate:   Wednesday 6th March 2019, 6.00pm - 7.30pm\nVenue:  Park End Community Centre, Middlesbrough\n\n4. Open forum - issues from residents\n   4.1 Several residents reported that drug dealing is still going on openly from an address on the estate.\n",
			[]string{"meeting 2019-03-06 E05009870 drugs", "concern 2019-03-06 E05009870 drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWhenAndWhereCellsAndPlaceDayHeads: a "When / where you told us"
// column is the date's, its cell's "Tues 14/1" a day and "Online survey,
// Feb" a month; a row's issues saying what residents fear "will" happen
// are no meeting to come; a report's entry headed by a place and its day
// in brackets ("2.1 Belmont, Guisborough (8 June).") tells a meeting
// there; reports from residents to the office about a matter are a
// concern of their month.
func TestWhenAndWhereCellsAndPlaceDayHeads(t *testing.T) {
	doc := "# You Said, We Did – Stockton Town Centre\n\n*Quarter: January to March 2025 · Updated 2 April 2025*\n\n| When / where you told us | You said | We did |\n|---|---|---|\n" +
		"| PACT meeting, Tues 14/1, Stockton Central Library | Shoplifting from the chemist getting worse | Retail crime patrols |\n" +
		"| Online survey, Feb | \"Never see a bobby in the town centre after teatime\" | Evening foot patrols |\n" +
		"| Street surgery, Tues 11/3, Yarm Lane end of the High Street | Needles and foil found in the alley – worried kids will pick them up | Needle sweep |\n"
	require.Equal(t, []string{
		"meeting 2025-01-14 E05014882 burglary_theft", "concern 2025-01-14 E05014882 burglary_theft",
		"concern 2025-02-01 E05014882 visible_policing",
		"meeting 2025-03-11 E05014882 drugs", "concern 2025-03-11 E05014882 drugs",
	}, summary(t, doc))
	report := "Report to the Police and Crime Panel · 2 August 2021 · Period covered: June and July 2021\n\n" +
		"2.1 Belmont, Guisborough (8 June). The first meeting back in person took place at the Sunnyfield House hall. Residents shared their concern that vehicles regularly exceed the limit on the approach roads.\n\n" +
		"2.6 During July, the Commissioner's office received a number of reports from Hartlepool residents about courier scams aimed at older people.\n"
	require.Equal(t, []string{
		"meeting 2021-06-08 E05012437 speeding", "concern 2021-06-08 E05012437 speeding",
		"concern 2021-07-01  fraud_scams",
	}, summary(t, report))
}

// TestNewsHeadlinesAndHeldLines: a headline quoting a resident ("'We
// don't see a bobby from one month to the next' - ...") opens no section
// of things to come; "On Tuesday it was Thorntree's turn." dates the
// meeting the next sentence names; minutes' "Held:" line is the record's
// day; "a similar meeting in Park End" is in Park End & Beckfield ward.
func TestNewsHeadlinesAndHeldLines(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a quoted headline", "# 'We don't see a bobby from one month to the next' - Dormanstown residents have their say\n\nPosted on 11 September 2019\n\nResidents packed into the Dormanstown ward meeting last night.\n\nParents also talked about gangs of teenagers hanging round the green late into the night, shouting and kicking footballs against people's windows.\n",
			[]string{"meeting 2019-09-10 E05012440 antisocial_behaviour", "concern 2019-09-10 E05012440 antisocial_behaviour"}},
		{"the day said first", "# Thorntree fed up with nuisance bikers\n\nPosted on 8 March 2019\n\nOn Tuesday it was Thorntree's turn. More than fifty people squeezed into the Brambles and Thorntree ward community meeting at the Thorntree Community Hub. People were angry about smashed bus shelters.\n",
			[]string{"meeting 2019-03-05 E05009856 criminal_damage", "concern 2019-03-05 E05009856 criminal_damage"}},
		{"an entry's day and ward, then its meeting", "Report to the Police and Crime Panel, 5 April 2022\n\n2.1 Tuesday 8 February – Skelton West ward, Redcar and Cleveland. The Commissioner joined a residents' meeting at Skelton Civic Hall. Those present described a run of wheelie bins being set alight on the estate.\n",
			[]string{"meeting 2022-02-08 E05012455 criminal_damage", "concern 2022-02-08 E05012455 criminal_damage"}},
		{"folk quizzing the Commissioner, a police station named for a town", "# Guisborough residents put questions to crime commissioner\n\nPosted on 15 November 2019\n\nIt was standing room only at Belmont Community Hall on Tuesday as Guisborough folk turned out in force to quiz Cleveland's Police and Crime Commissioner.\n\nThere was also plenty of frustration that the front counter at Guisborough police station now keeps such limited hours, and one woman said she had given up trying to find an officer in the town.\n",
			[]string{"meeting 2019-11-12 E05012437 visible_policing", "concern 2019-11-12 E05012437 visible_policing"}},
		{"officers who arrive from a town", "# Loftus residents confront police\n\nPosted on 11 August 2017\n\nMore than 60 people squeezed into the Loftus Town Hall function room on Wednesday night to put their questions to the Police and Crime Commissioner.\n\nSeveral speakers said they never see a bobby and that officers took too long to arrive from Guisborough.\n",
			[]string{"meeting 2017-08-09 E05001514 visible_policing", "concern 2017-08-09 E05001514 visible_policing"}},
		{"officers who turn up from a town", "# Loftus residents confront police\n\nPosted on 11 August 2017\n\nMore than 60 people squeezed into the Loftus Town Hall function room on Wednesday night to put their questions to the Police and Crime Commissioner.\n\nSeveral speakers grumbled about how long they wait for the police to turn up from Guisborough.\n",
			[]string{"meeting 2017-08-09 E05001514 visible_policing", "concern 2017-08-09 E05001514 visible_policing"}},
		// must not fire: no police before the verb
		{"lads who turn up from a town", "# Loftus residents confront police\n\nPosted on 11 August 2017\n\nMore than 60 people squeezed into the Loftus Town Hall function room on Wednesday night to put their questions to the Police and Crime Commissioner.\n\nSeveral speakers complained about the lads on scramblers who turn up from Guisborough every weekend.\n",
			[]string{"meeting 2017-08-09 E05001514 off_road_bikes", "concern 2017-08-09 E05001510 off_road_bikes"}},
		{"the place a concern is about, after from", "# Loftus residents confront police\n\nPosted on 11 August 2017\n\nMore than 60 people squeezed into the Loftus Town Hall function room on Wednesday night to put their questions to the Police and Crime Commissioner.\n\nSeveral speakers complained about the lads on scramblers riding over from Guisborough.\n",
			[]string{"meeting 2017-08-09 E05001514 off_road_bikes", "concern 2017-08-09 E05001510 off_road_bikes"}},
		{"a police station named for a town, with no meeting", "Report to the Police and Crime Panel, 6 April 2018\n\nProgramme of Engagement, February and March 2018\n\nThroughout the period residents also contacted the Commissioner's office about the closure of the front counter at Guisborough police station.\n",
			[]string{"concern 2018-02-01 E05001510 visible_policing"}},
		{"a meeting over the boundary, a Cleveland ward named besides", "# Nunthorpe residents speak out\n\nPosted on 17 January 2024\n\nThe Nunthorpe meeting came two days after the commissioner crossed the county boundary to join North Yorkshire's commissioner at a rural crime meeting in Great Ayton village hall, on Monday. Farmers from both sides of the border told them hare coursing gangs were driving onto fields at night.\n",
			[]string{"meeting 2024-01-15  rural_crime", "concern 2024-01-15  rural_crime"}}, // (Great Ayton's, no code: TestMeetingOutsideCleveland)
		{"a rat-run driven at speed", "# Nunthorpe residents speak out\n\nPosted on 17 January 2024\n\nMore than 60 people crammed into Nunthorpe Community Hall yesterday evening to put their concerns to the police and crime commissioner.\n\nOthers complained that drivers were using Nunthorpe as a rat-run to avoid the A172 and were flying through the village well over 30mph.\n",
			[]string{"meeting 2024-01-16 E05015469 speeding", "concern 2024-01-16 E05015469 speeding"}},
		{"a get-together", "# Commissioner hears Headland worries\n\nPosted on 17 October 2013\n\nCleveland's Police and Crime Commissioner got an earful from Headland folk last night when he dropped in on their regular residents' get-together at the Borough Hall. Others complained that the sea wall had been daubed with graffiti over the summer.\n",
			[]string{"meeting 2013-10-16 E05008947 criminal_damage", "concern 2013-10-16 E05008947 criminal_damage"}},
		// a reporter's "gathering" is a meeting; youths gathering, or a
		// gathering of them, is what was complained of
		{"a similar gathering last month", "# Hartburn residents speak out\n\nPosted on 17 October 2014\n\nResidents packed into the Grangefield ward meeting last night.\n\nAt a similar gathering in Hartburn last month people complained about cars racing along the main road.\n",
			[]string{"meeting 2014-10-16 E05001535 ", "meeting 2014-09-01 E05001537 speeding", "concern 2014-09-01 E05001537 speeding"}},
		{"youths gathering", "# Hartburn residents speak out\n\nPosted on 17 October 2014\n\nLast month a gathering of youths in Hartburn park kept people awake, and teenagers gathering in the shop doorway were a nuisance too.\n",
			nil},
		{"an evening spent where residents turned out", "# New commissioner hears South Bank's worries\n\nPosted on 8 March 2013\n\nYesterday Mr Coppinger spent the evening at the South Bank Community Centre on Normanby Road, where about fifty residents turned out to tell him what life is like on their streets. Drug dealing was the big one.\n",
			[]string{"meeting 2013-03-07 E05001522 drugs", "concern 2013-03-07 E05001522 drugs"}},
		{"held line", "Nunthorpe Parish Council\nMinutes - Ordinary Meeting\n\nHeld: Tuesday 12th March 2024, 7pm, Nunthorpe Community Centre (Main Hall)\n\n4. Policing and community safety\nResidents then put a number of matters to the Sergeant:\n - A resident on Connaught Road said three vehicles on her street had had catalytic converters taken since Christmas.\n",
			[]string{"meeting 2024-03-12 E05015469 burglary_theft", "concern 2024-03-12 E05015469 burglary_theft"}},
		{"an estate a ward joins", "# Nuisance bikers\n\nPosted on 8 March 2019\n\nOn 12 February a similar meeting in Park End heard complaints about bikes racing round the fields behind the houses.\n",
			[]string{"meeting 2019-02-12 E05009870 off_road_bikes", "concern 2019-02-12 E05009870 off_road_bikes"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestTableBeforeItsParagraphs: a report whose table of meetings comes
// before the paragraphs that tell them again gives each meeting once: a
// paragraph naming the row's ward, or only towns of the row's authority
// ("At Loftus on 20 January ... from Guisborough or Redcar"), on the row's
// day is the row's meeting, in the row's ward.
func TestTableBeforeItsParagraphs(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 3 February 2015\n\nProgramme of Engagement, December 2014 and January 2015\n\n" +
		"| Date | Meeting / venue | Ward |\n|---|---|---|\n" +
		"| Wed 3 Dec | Seaton Carew Community Forum, Seaton Carew Library | Seaton (Hartlepool) |\n" +
		"| Tue 20 Jan | Loftus Town Council open session, Loftus Town Hall | Loftus (Redcar & Cleveland) |\n\n" +
		"4.2 On 3 December the Commissioner attended the Seaton Carew Community Forum. Residents raised the speed of traffic along The Front.\n\n" +
		"4.7 At Loftus on 20 January areas of interest included how long it takes for a patrol to arrive from Guisborough or Redcar. Members of the public also reported dog fouling on the paths.\n"
	require.Equal(t, []string{
		"meeting 2014-12-03 E05008951 speeding", "meeting 2015-01-20 E05001514 environmental,visible_policing",
		"concern 2014-12-03 E05008951 speeding", "concern 2015-01-20 E05001514 visible_policing", "concern 2015-01-20 E05001514 environmental",
	}, summary(t, doc))
}

// TestClerksMinutes: a terse clerk's minutes. "Minutes of 10th Oct 2017.
// Agreed & signed." and "Notes of last meeting (21st October)" are the
// last meeting's record, no meeting (its own record would count it again);
// "Res of Station Rd reported ..." is residents speaking; "(ii)", "(iii)"
// are items of their own; the residents' "Public session" that ends the
// police's report opens what they raised, the report itself still the
// police's.
func TestClerksMinutes(t *testing.T) {
	doc := "LOCKWOOD PARISH COUNCIL\n\nMINUTES of the Ordinary Meeting held Tues 14th Nov 2017 at 7.00pm, Boosbeck Methodist Church Hall.\n\n" +
		"119/17 Minutes of 10th Oct 2017. Agreed & signed.\n\n" +
		"120/17 Police report.\n (i) PCSO gave crime figures for Oct: 9 recorded crimes.\n" +
		" (ii) Res of Station Rd reported cars coming off the A171 at speed thro' the village, asked re Speed Watch.\n" +
		" (iii) A shopkeeper asked what could be done about repeated shoplifting from the Co-op.\n"
	require.Equal(t, []string{
		"meeting 2017-11-14 E05001513 burglary_theft,speeding",
		"concern 2017-11-14 E05001513 speeding",
		"concern 2017-11-14 E05001513 burglary_theft",
	}, summary(t, doc))

	notes := "Acklam Community Council\nNotes of the meeting held online (Zoom) - Wednesday 18th November 2020, 6.30pm\n\n" +
		"2. Notes of last meeting (21st October)\nAgreed.\n\n" +
		"3. POLICE REPORT\nPC Dunn reported 3 dwelling burglaries and 5 thefts from vehicles. Speed checks done on Acklam Road - 6 drivers reported.\n" +
		"Public session (Standing Orders suspended 7.12pm):\n" +
		"- Parents' cars blocking Hall Drive and the junction at school times.\n"
	require.Equal(t, []string{
		"meeting 2020-11-18 E05009853 parking_traffic",
		"concern 2020-11-18 E05009853 parking_traffic",
	}, summary(t, notes))
}

// TestWardNamedForTheMeetingAfterIt: "The meeting, for the Fens and
// Rossmere ward, was one of ..." places the meeting the paragraph before
// told in the town ("the Fens community hall").
func TestWardNamedForTheMeetingAfterIt(t *testing.T) {
	doc := "Fens residents tell Commissioner about bikes\n\nPosted on Friday 14 March 2014\n\n" +
		"Residents packed into the Fens community hall in Hartlepool last night to put their questions to the Commissioner.\n\n" +
		"The meeting, for the Fens and Rossmere ward, was one of the Commissioner's regular sessions.\n\n" +
		"Others complained about dog fouling on footpaths leading to local schools.\n"
	require.Equal(t, []string{
		"meeting 2014-03-13 E05008944 environmental",
		"concern 2014-03-13 E05008944 environmental",
	}, summary(t, doc))
}

// TestMonthRowRepeatsItsParagraph: a summary table's row dated by a month
// ("March | Yarm Town Forum | ... | Shoplifting") is the month's meeting
// the paragraphs told ("During March the Commissioner also met traders
// and residents at the Yarm Town Forum"), not a concern of the meeting
// told last.
func TestMonthRowRepeatsItsParagraph(t *testing.T) {
	doc := "Programme of Engagement\nReport of the Police and Crime Commissioner – February and March 2018\n\n" +
		"2.4 During March the Commissioner also met traders and residents at the Yarm Town Forum. The key area highlighted was shoplifting from premises on Yarm High Street.\n\n" +
		"2.5 On 21 March the Commissioner attended the Victoria ward meeting in Hartlepool. Residents raised concerns about domestic abuse.\n\n" +
		"| Date | Meeting | Local authority | Issues |\n|---|---|---|---|\n" +
		"| March | Yarm Town Forum | Stockton-on-Tees | Shoplifting |\n" +
		"| 21/03 | Victoria ward | Hartlepool | Domestic abuse |\n"
	require.Equal(t, []string{
		"meeting 2018-03-01 E05001552 burglary_theft",
		"concern 2018-03-01 E05001552 burglary_theft",
		"meeting 2018-03-21 E05008952 domestic_abuse",
		"concern 2018-03-21 E05008952 domestic_abuse",
	}, summary(t, doc))
}

// TestListingOfPosts: a news page listing several posts, each under its
// own "Posted on" line, dates each post's "last night" and "on Monday"
// from its own day; "joined around forty residents" tells a meeting.
func TestListingOfPosts(t *testing.T) {
	doc := "Latest news\n\nCommissioner hears Pallister residents' frustration over bikes\n\nPosted on Friday 11 March 2022 in Community\n\n" +
		"Last night the Commissioner joined around forty residents at the Pallister Park community hub in Berwick Hills. Almost every hand that went up was about off-road bikes being ridden through the park.\n\n" +
		"Read more\n\nSouth Bank meeting puts drugs top of the list\n\nPosted on Wednesday 2 March 2022 in Community\n\n" +
		"On Monday evening the Commissioner was in South Bank for the ward's Your Force Your Voice meeting at the Golden Boot community centre. Residents told him that drug dealing on Normanby Road was happening in plain sight.\n"
	require.Equal(t, []string{
		"meeting 2022-03-10 E05009855 off_road_bikes",
		"concern 2022-03-10 E05009855 off_road_bikes",
		"meeting 2022-02-28 E05012456 drugs",
		"concern 2022-02-28 E05012456 drugs",
	}, summary(t, doc))
}

// TestQuotedMailChain: a forwarded e-mail quoting the reply it forwards,
// its lines behind "> " marks and its own "-----Original Message-----"
// headers: the quoted reply's "last night" counts from when the reply was
// sent, not from the forward's date.
func TestQuotedMailChain(t *testing.T) {
	doc := "From: Town Clerk\nSent: 14 March 2019 10:02\nTo: Members\nSubject: FW: meeting\n\nSee below.\n\n" +
		"-----Original Message-----\nFrom: PC Smith\nSent: Tuesday, March 12, 2019 9:15 AM\nTo: Town Clerk\nSubject: meeting\n\n" +
		"> Hi,\n>\n> Round up of last night's ward meeting at the Grangetown Youth and\n> Community Centre: residents raised off-road bikes on the\n> old railway line.\n>\n> PC Smith\n"
	require.Equal(t, []string{
		"meeting 2019-03-11 E05001509 off_road_bikes",
		"concern 2019-03-11 E05001509 off_road_bikes",
	}, summary(t, doc))
}

// TestWeekdayAndDayWithoutMonth: a news item's "on Thursday 5th" and
// "(Tues 10th)" name the day of the month in which that day is that
// weekday, near the publication date; "on Thursday" alone would be the
// Thursday before it.
func TestWeekdayAndDayWithoutMonth(t *testing.T) {
	doc := "Posted on Thursday 19 October 2023\n\n" +
		"Greatham Parish Council invited the Commissioner to its meeting on Thursday 5th. Farmers told him about hare coursing on the fields.\n\n" +
		"The week before (Tues 10th) the Commissioner joined the Throston ward surgery, where the talk was of cars speeding past the schools.\n"
	require.Equal(t, []string{
		"meeting 2023-10-05 E05013040 rural_crime",
		"concern 2023-10-05 E05013040 rural_crime",
		"meeting 2023-10-10 E05013048 speeding",
		"concern 2023-10-10 E05013048 speeding",
	}, summary(t, doc))
	pub := time.Date(2023, 10, 19, 0, 0, 0, 0, time.UTC)
	_, ok := dates.NearWeekdayDay(pub, time.Tuesday, 26, 0) // 26 September and 26 December
	require.False(t, ok)
	d, ok := dates.NearWeekdayDay(pub, time.Thursday, 5, 0)
	require.True(t, ok)
	require.Equal(t, "2023-10-05", d.Format(time.DateOnly))
	// A day two months share with its weekday is the publication's own
	// month's when that is one of them; with neither being it, no guess.
	for _, tc := range []struct {
		pub  string
		wd   time.Weekday
		day  int
		want string
	}{
		{"2025-03-14", time.Monday, 3, "2025-03-03"},     // 3 February and 3 March: March's
		{"2025-03-14", time.Monday, 17, "2025-03-17"},    // 17 February and 17 March: March's, though to come
		{"2023-10-19", time.Tuesday, 26, ""},             // 26 September and 26 December, not October's
		{"2025-04-02", time.Monday, 3, ""},               // 3 February and 3 March, April's 3rd a Thursday
		{"2023-10-19", time.Wednesday, 18, "2023-10-18"}, // October's alone
	} {
		p, _ := time.Parse(time.DateOnly, tc.pub)
		d, ok := dates.NearWeekdayDay(p, tc.wd, tc.day, 0)
		got := ""
		if ok {
			got = d.Format(time.DateOnly)
		}
		require.Equal(t, tc.want, got, "%s %v %d", tc.pub, tc.wd, tc.day)
	}
	roundUp := "From: Hartburn Residents <hello@example.org>\nSubject: This week\nDate: Fri, 14 Mar 2025 18:00:00 +0000\n\n" +
		"Jo was at the Hartburn ward meeting on Monday the 3rd, where several people brought up vans parked on the pavements.\n"
	require.Equal(t, []string{
		"meeting 2025-03-03 E05014869 parking_traffic",
		"concern 2025-03-03 E05014869 parking_traffic",
	}, summary(t, roundUp))
}

// TestTitleMonthDays: a monthly post's days written without their month
// ("on the 4th and the 18th", "the second Tuesday of the month", a
// heading's "Saturday 8th" when March's 8th is a Saturday) are in
// the month its title names; several days listed after the one ward the
// sentence names are all that ward's. Without a month in the title, in a
// sentence of what recurs, or after the publication, no day is guessed.
func TestTitleMonthDays(t *testing.T) {
	post := func(title, body string) string {
		return "# " + title + "\n\nPosted on 3 April 2025\n\n" + body + "\n"
	}
	body := "We ran two pop-up surgeries in Hartburn, on the 4th and the 18th. At the first, neighbours spoke of vans parked across driveways. " +
		"At the second, the talk was of shed break-ins.\n\n" +
		"On the second Tuesday of the month PCSO Reed walked round Hartburn with a few residents, who pointed out graffiti on the bus shelter."
	for _, tc := range []struct {
		title, body string
		want        []string
	}{
		{"March round-up from the Hartburn team", body, []string{
			"meeting 2025-03-04 E05014869 parking_traffic",
			"meeting 2025-03-18 E05014869 burglary_theft",
			"concern 2025-03-04 E05014869 parking_traffic",
			"concern 2025-03-18 E05014869 burglary_theft",
			"meeting 2025-03-11 E05014869 criminal_damage,visible_policing",
			"concern 2025-03-11 E05014869 criminal_damage",
		}},
		// the team's name before a dash, then the month and the word of the post
		{"Hartburn Neighbourhood Team – March update", "We ran pop-up surgeries in Hartburn on the 4th and the 18th for anyone with a worry.", []string{
			"meeting 2025-03-04 E05014869 ",
			"meeting 2025-03-18 E05014869 ",
		}},
		// a day with its weekday and no month, in a heading, is the title month's when the weekday fits
		{"Hartburn team – March update", "## Hartburn ward surgery - Saturday 8th\n\nResidents told us about vans parked across driveways.", []string{
			"meeting 2025-03-08 E05014869 parking_traffic",
			"concern 2025-03-08 E05014869 parking_traffic",
		}},
		{"Hartburn team – March update", "## Hartburn ward surgery - Friday 8th\n\nResidents told us about vans parked across driveways.", nil},
		{"Hartburn team – March update", "## Hartburn ward surgery - Saturday 8th April\n\nResidents told us about vans parked across driveways.", nil},
		// a name before a bare month is no monthly post
		{"Hartburn residents' meeting – March", "We ran pop-up surgeries in Hartburn on the 4th and the 18th for anyone with a worry.", nil},
		{"Newsletter - March 2025", "We ran pop-up surgeries in Hartburn on the 4th and the 18th for anyone with a worry.", []string{
			"meeting 2025-03-04 E05014869 ",
			"meeting 2025-03-18 E05014869 ",
		}},
		// no month in the title: no day guessed
		{"Latest from the Hartburn team", body, nil},
		// what recurs is no day
		{"March round-up from the Hartburn team", "Our surgeries in Hartburn are held on the last Friday of the month, where neighbours raise vans parked across driveways.", nil},
		// a day after the publication is none of the month's meetings held
		{"April round-up from the Hartburn team", "We ran a pop-up surgery in Hartburn on the 20th, where neighbours spoke of vans parked across driveways.", nil},
		// "this month" in a post about March, posted in April, is March
		{"March round-up from the Hartburn team", "A pop-up surgery in Hartburn this month heard about vans parked across driveways.", []string{
			"meeting 2025-03-01 E05014869 parking_traffic",
			"concern 2025-03-01 E05014869 parking_traffic",
		}},
		// ... but not what is to come this month
		{"March round-up from the Hartburn team", "We will hold a pop-up surgery in Hartburn this month for neighbours worried about vans parked across driveways.", nil},
	} {
		require.Equal(t, tc.want, summaryFile(t, "post.md", post(tc.title, tc.body)), tc.title+": "+tc.body)
	}
	// Days with a place of their own each keep theirs.
	places := "# March round-up\n\nPosted on 3 April 2025\n\nWe ran pop-up surgeries in Hartburn on the 4th, and at the library in Norton South on the 18th, where neighbours spoke of vans parked across driveways.\n"
	got := strings.Join(summaryFile(t, "post.md", places), "\n")
	require.NotContains(t, got, "2025-03-18 E05014869", "the 18th's surgery is Norton's, not Hartburn's")
}

// TestYouSaidTitleMonth: a "you said, we did" page titled by its month
// ("You said, we did – March 2025", "You Said We Did: March") is that
// month's post, so a meeting heading's "Saturday 8th" is March's 8th when
// the weekday fits; and a day and month in figures without a year ("–
// 08/03" in a heading, "on 8.3" in a sentence) is the title month's day
// when its month is the title's. A month in figures of another month, a
// bare pair not after "on" in a sentence, a weekday that does not fit,
// and a title naming a meeting before its month are not read.
func TestYouSaidTitleMonth(t *testing.T) {
	page := func(title, body string) string {
		return "# " + title + "\n\nPosted on 3 April 2025\n\n" + body + "\n"
	}
	said := "\n\nYou said: vans are being parked across driveways on the estate.\n\nWe did: letters to the owners."
	held := []string{
		"meeting 2025-03-08 E05014869 parking_traffic",
		"concern 2025-03-08 E05014869 parking_traffic",
	}
	monthOnly := []string{"concern 2025-03-01 E05014869 parking_traffic"}
	for _, tc := range []struct {
		title, body string
		want        []string
	}{
		{"You said, we did – March 2025", "## Hartburn ward meeting – Saturday 8th" + said, held},
		{"You Said We Did: March", "## Hartburn ward meeting – Saturday 8th" + said, held},
		{"You said & we did - March 2025", "## Hartburn drop-in at the library – 08/03" + said, held},
		{"You said, we did – March 2025", "We held a drop-in at the library in Hartburn on 8.3, where neighbours spoke of vans parked across driveways.", held},
		// the weekday does not fit March's 8th: no meeting, the concern
		// keeps the page's month
		{"You said, we did – March 2025", "## Hartburn ward meeting – Friday 8th" + said, monthOnly},
		// figures of another month than the title's
		{"You said, we did – March 2025", "## Hartburn drop-in at the library – 08/02" + said, nil},
		// a pair of figures in a sentence, not after "on", is no day (the
		// concern keeps the page's month)
		{"You said, we did – March 2025", "We held a drop-in at the library in Hartburn (room 8/3), where neighbours spoke of vans parked across driveways.", monthOnly},
		// a meeting's name before a bare month is no monthly post
		{"Hartburn residents' meeting – March", "## Hartburn ward meeting – Saturday 8th" + said, nil},
		// no month in the title
		{"You said, we did", "## Hartburn drop-in at the library – 08/03" + said, nil},
	} {
		require.Equal(t, tc.want, summaryFile(t, "page.md", page(tc.title, tc.body)), tc.title+": "+tc.body)
	}
}

// TestStallIsMeeting: a stall or stand the team or its officers held ("we
// had a stall outside the shops last Saturday", "PCSOs ran a crime
// prevention stand") is a meeting with the public, dated and placed as
// one, and so is one the writer held with the team ("my team and I had a
// stall"); a stall that is only a thing (a market stall broken into) or
// someone else's (traders who had a stall) is none.
func TestStallIsMeeting(t *testing.T) {
	doc := func(body string) string {
		return "# Hartburn team news\n\nPosted on Monday 7 April 2025\n\n" + body + "\n"
	}
	require.Equal(t, []string{
		"meeting 2025-04-05 E05014869 parking_traffic",
		"concern 2025-04-05 E05014869 parking_traffic",
	}, summary(t, doc("Last Saturday we had a stall outside the shops in Hartburn. Vans parked across driveways came up again and again.")))
	require.Equal(t, []string{
		"meeting 2025-04-04 E05014869 parking_traffic",
		"concern 2025-04-04 E05014869 parking_traffic",
	}, summary(t, doc("On Friday 4 April the team ran an advice stand in Hartburn, where neighbours told us about vans parked across driveways.")))
	// the writer with the team ("my team and I had a stall")
	require.Equal(t, []string{
		"meeting 2025-04-05 E05014869 parking_traffic",
		"concern 2025-04-05 E05014869 parking_traffic",
	}, summary(t, doc("Last Saturday my team and I had a stall outside the shops in Hartburn. Vans parked across driveways came up again and again.")))
	for _, body := range []string{
		"Last Saturday my neighbour and I had a stall in Hartburn and spoke of vans parked across driveways.",
		"Last Saturday a market stall in Hartburn was broken into and its stock taken.",
		"Last Saturday traders had a stall in Hartburn and spoke of vans parked across driveways.",
		"Our stall in Hartburn is back next month if you want to talk about vans parked across driveways.",
	} {
		require.NotContains(t, strings.Join(summary(t, doc(body)), "\n"), "meeting", body)
	}
}

// TestGroupPostWard: a post copied from a community group's page names
// its ward only in the group's name ("Grangetown Residents Noticeboard",
// over "Public group" and after the poster's "▸"): its meeting "at the
// Hub" is that ward's; a group named for two wards places it in neither.
func TestGroupPostWard(t *testing.T) {
	post := func(group string) string {
		return group + "\nPublic group · 1.1K members\nJoin group\n\nAnn Lee ▸ " + group + "\nAdmin · 14 November 2018 at 21:37\n\nTONIGHTS COMMUNITY MEETING\n\n" +
			"Thank you to everyone who turned out tonight at the Hub. The main things people brought up were fly tipping in the back lanes again.\n"
	}
	require.Equal(t, []string{
		"meeting 2018-11-14 E05001509 environmental",
		"concern 2018-11-14 E05001509 environmental",
	}, summary(t, post("Grangetown Residents Noticeboard")))
	require.NotContains(t, strings.Join(summary(t, post("Normanby & Eston Residents Noticeboard")), "\n"), "E05") // two wards: neither
	require.False(t, groupNameRE.MatchString("Home ▸ Your area ▸ Grangetown"), "a breadcrumb's last step is no group")
}

// TestBracketedSentence: "(Police figures: 14 burglaries ...)" after the
// inspector's sentence is a sentence of its own, the police's; run into
// the one before, "told the meeting that" made both a concern.
func TestBracketedSentence(t *testing.T) {
	require.Equal(t, []string{"Insp. Ahmed told the meeting that crime was down.", "(Police figures: 14 burglaries in the ward, against 21 the year before.)"},
		sentences("Insp. Ahmed told the meeting that crime was down. (Police figures: 14 burglaries in the ward, against 21 the year before.)"))
	require.Equal(t, []string{"It was said (by some) that it was fine."}, sentences("It was said (by some) that it was fine."))
}

// TestMinuteLabelsHeadTheirLines: a council minute's label ("13/66
// Planning") opens the council's business, under which nothing is a
// concern ("Comments: concerns re
// speeding delivery vans to be raised w/ planning officer"). A town council meeting at Sunnyfield
// House is in Guisborough ward.
func TestMinuteLabelsHeadTheirLines(t *testing.T) {
	doc := "GUISBOROUGH TOWN COUNCIL\n\nMinutes of the Ordinary Meeting held on Monday 9th Sept 2013 at 7.00pm in the Council Chamber, Sunnyfield House\n\n" +
		"13/64  Police matters\n" +
		"       b) Public raised: HGVs parking o/night on The Green & Front St, blocking views at junction.\n\n" +
		"13/66  Planning\n" +
		"       R/2013/0712 - single storey ext., 4 Margrove Rd. No objection.\n" +
		"       R/2013/0745 - change of use, former Co-op, Westgate. Comments: concerns re speeding delivery vans to be raised w/ planning officer.\n\n" +
		"13/67  Finance\n       Payments approved.\n"
	require.Equal(t, []string{
		"meeting 2013-09-09 E05001510 parking_traffic",
		"concern 2013-09-09 E05001510 parking_traffic",
	}, summary(t, doc))
}

// TestNuisanceCausedByBikes: "the nuisance caused by scrambler bikes" is
// the bikes, not a second concern of anti-social behaviour; "the nuisance
// from youths gathering" is still anti-social behaviour.
func TestNuisanceCausedByBikes(t *testing.T) {
	x := newExtractor(t, Config{})
	r := &run{x: x}
	require.Equal(t, []string{"off_road_bikes"}, r.themes("Residents raised the nuisance caused by scrambler bikes being ridden across the open land."))
	require.Equal(t, []string{"antisocial_behaviour"}, r.themes("Residents raised the nuisance from youths gathering at the shops."))
	require.Equal(t, []string{"antisocial_behaviour", "off_road_bikes"}, r.themes("Residents raised the noise nuisance at night, and scrambler bikes on the field."))
	// ("cars and motorbikes racing along Guisborough Road": the road's
	// speeding; motorbikes on the fields are still the bikes)
	require.Equal(t, []string{"speeding"}, r.themes("Resident said cars and motorbikes racing along Guisborough Road after 10pm most weekends."))
	require.Equal(t, []string{"off_road_bikes", "speeding"}, r.themes("Cars speeding on the main road, and motorbikes on the playing fields."))
}

// TestContactsRowIsNoMeeting: a summary table's row whose "meeting" is
// contacts to the office ("Dec - Jan | Contacts to the Office | Eston |
// Scams / fraud") is no meeting; what it tells is the period's concern,
// once with the paragraph that told it; "Newcomen (emails and calls to the
// team during September)" places its row.
func TestContactsRowIsNoMeeting(t *testing.T) {
	doc := "Programme of Engagement – December 2020 and January 2021\n\n" +
		"4.8 In addition, throughout the period a number of older residents in Eston contacted the Office about telephone and doorstep scams.\n\n" +
		"| Date | Meeting | Ward / area | Issues raised |\n|---|---|---|---|\n" +
		"| Dec - Jan | Contacts to the Office | Eston | Scams / fraud |\n"
	require.Equal(t, []string{"concern 2020-12-01 E05012441 fraud_scams"}, summary(t, doc))

	ysyd := "Redcar: You said, we did\n\nPage last updated: 8 October 2019\n\n" +
		"| Meeting | You said | We did |\n|---|---|---|\n" +
		"| Newcomen (emails and calls to the team during September) | Rubbish and old furniture dumped in the back lanes. | Locations shared with the Council. |\n"
	require.Equal(t, []string{"concern 2019-09-01 E05012449 environmental"}, summary(t, ysyd))
}

// TestQuestionsAndADedicatedOfficer: "There were also questions about dog
// fouling" states a concern; "asked for a dedicated officer on the high
// street" is visible policing.
func TestQuestionsAndADedicatedOfficer(t *testing.T) {
	doc := "Issued: Thursday 20 March 2025\n\n" +
		"Traders and residents filled the Sunnyfield House function room yesterday evening for a public meeting with the Police and Crime Commissioner.\n\n" +
		"Shopkeepers on Westgate said several of them wanted a dedicated officer on the high street on market days.\n\n" +
		"There were also questions about dog fouling and litter along the footpath to the Priory, which the council's environment team agreed to pick up.\n"
	require.Equal(t, []string{
		"meeting 2025-03-19 E05012443 environmental,visible_policing",
		"concern 2025-03-19 E05012443 visible_policing",
		"concern 2025-03-19 E05012443 environmental",
	}, summary(t, doc))
}

// TestPrioritiesToBeSetAtTheNextPACT: "to be set at the next PACT on
// Monday 24 April 2017" is a meeting to come, not one held.
func TestPrioritiesToBeSetAtTheNextPACT(t *testing.T) {
	doc := "# Seaton: you said, we did\n\n" +
		"| Meeting | You said | We did |\n|---|---|---|\n" +
		"| Mon 16 Jan 2017 | Cars are being raced along The Front late at night. | Speed checks on 9 evenings. |\n\n" +
		"*Your priorities for April: to be set at the next PACT on Monday 24 April 2017 (moved back a week because of Easter Monday).*\n"
	res, err := newExtractor(t, Config{}).Extract("find.md", []byte(doc))
	require.NoError(t, err)
	var held []string
	for _, e := range res.Events {
		if e.Type == "meeting" {
			held = append(held, e.Date)
		}
	}
	require.Equal(t, []string{"2017-01-16"}, held)
	require.Len(t, res.Planned, 1)
	require.Equal(t, "2017-04-24", res.Planned[0].Date)
}

// TestCouncillorsNewsletter: a printed newsletter's imprint ("Printed and
// published on 1 December 2015 by ...") dates it; "our ward meeting at
// Emmanuel Church Hall" is at a venue, not a place outside Cleveland, and
// the newsletter's ward places it; "Members of the public raised the
// following:" under the police's item opens what residents said.
func TestCouncillorsNewsletter(t *testing.T) {
	doc := "SALTBURN WARD NEWS\nWinter -- from your councillors\n\n" +
		"We were delighted that the Police and Crime Commissioner came to our ward meeting at Emmanuel Church Hall on Monday 16th November.\n\n" +
		"The two things we heard most about were:\n\n  * cars parked on the double yellows at the bottom of Marine Parade; and\n\n  * graffiti sprayed on the shelters in the Valley Gardens.\n\n" +
		"Printed and published on 1 December 2015 by P. Thomson, 14 Ruby Street, Saltburn.\n"
	require.Equal(t, []string{
		"meeting 2015-11-16 E05001520 criminal_damage,parking_traffic",
		"concern 2015-11-16 E05001520 parking_traffic",
		"concern 2015-11-16 E05001520 criminal_damage",
	}, summary(t, doc))

	minutes := "ELWICK PARISH COUNCIL\n\nMINUTES OF THE ORDINARY MEETING OF THE PARISH COUNCIL HELD ON MONDAY 5TH MARCH 2018\n\n" +
		"18/24  POLICE MATTERS\n       PC Askew reported that six incidents had been recorded in the parish.\n\n" +
		"       Members of the public raised the following:\n" +
		"       (a) Vehicles coming off the A19 at the Elwick junction and travelling through the\n           village well above the 30 mph limit, especially at school times. The Chairman\n           noted the Council's earlier request for a vehicle activated sign.\n"
	require.Equal(t, []string{
		"meeting 2018-03-05 E05008950 speeding",
		"concern 2018-03-05 E05008950 speeding",
	}, summary(t, minutes))
}

// TestMonthMeetingOfAWardCommunity: "In March the Commissioner also met
// members of the Lockwood ward community in Boosbeck" is that month's
// meeting, which the table's "March 2016 | Lockwood ward (Boosbeck)" row
// tells again ("Rural theft" is rural crime); a row of "Various" meetings
// over the period is the period's concern, no meeting.
func TestMonthMeetingOfAWardCommunity(t *testing.T) {
	doc := "Programme of Engagement\nPeriod covered: February and March 2016\n\n" +
		"4.7 In March the Commissioner also met members of the Lockwood ward community in Boosbeck; the exact date was not recorded by the ward clerk. Farmers and residents raised thefts of quad bikes and machinery from farms between Boosbeck and Margrove Park.\n\n" +
		"  Date            | Meeting                          | Local authority        | Main issues\n" +
		"  ----------------+----------------------------------+------------------------+------------------------------\n" +
		"  March 2016      | Lockwood ward (Boosbeck)         | Redcar and Cleveland   | Rural theft\n" +
		"  Feb - Mar 2016  | Various (Redcar and Cleveland)   | Redcar and Cleveland   | Scams / cold callers\n"
	require.Equal(t, []string{
		"meeting 2016-03-01 E05001513E06000003 rural_crime",
		"concern 2016-03-01 E05001513E06000003 rural_crime",
		"concern 2016-02-01 E06000003 fraud_scams",
	}, summaryLAD(t, doc))
}

// TestCaptionRetellsTheMeeting: "Residents at last night's meeting.
// Picture by Frank Reid" is a photograph's caption, not a second meeting
// of the day beside the story's (heldout66's local paper page, whose
// chrome and byline are part of how it reads).
func TestCaptionRetellsTheMeeting(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtures, "heldout66", "news_gazette_2017.html"))
	require.NoError(t, err)
	require.Equal(t, []string{
		"meeting 2017-10-11 E05008942 drugs,off_road_bikes",
		"concern 2017-10-11 E05008942 drugs",
		"concern 2017-10-11 E05008942 off_road_bikes",
		"meeting 2017-10-01 E05008952 burglary_theft",
		"concern 2017-10-01 E05008952 burglary_theft",
	}, summary(t, string(b)))
}

// TestMeetingCellEndsWithItsMonth: "Loftus, Town Hall – February (date
// tbc)" in a table with no date column is a meeting in February, its day
// not given.
func TestMeetingCellEndsWithItsMonth(t *testing.T) {
	doc := "## You said, we did\n\n*Page last updated Thursday 1 March 2018*\n\n| PACT meeting | You said | We did |\n|---|---|---|\n" +
		"| Skelton, Civic Hall – Wed 10th Jan | Off-road bikes being ridden on the Skelton Beck footpath | Patrols on three weekends |\n" +
		"| Loftus, Town Hall – February (date tbc) | People dealing drugs from a car in the Market Place car park | One arrest for possession with intent |\n"
	require.Equal(t, []string{
		"meeting 2018-01-10 E05001521 off_road_bikes",
		"concern 2018-01-10 E05001521 off_road_bikes",
		"meeting 2018-02-01 E05001514 drugs",
		"concern 2018-02-01 E05001514 drugs",
	}, summary(t, doc))
}

// TestCallsToTheOffice: "6. During November the office received a number
// of calls from Hartlepool residents about rogue traders" after a
// meeting's paragraph is the month's concern of contacts to the office,
// not what that meeting heard; "in October and November" is no place
// outside Cleveland.
func TestCallsToTheOffice(t *testing.T) {
	doc := "Commissioner's Programme of Engagement\nOctober – November 2014\n\n" +
		"5. On 20th November the Commissioner attended Brotton ward's meeting in the Brotton Methodist hall. Residents raised scrambler bikes being ridden along the old railway line.\n\n" +
		"6. During November the office received a number of calls from Hartlepool residents about rogue traders and cold callers. These have been shared with Trading Standards and the force.\n"
	require.Equal(t, []string{
		"meeting 2014-11-20 E05001505E06000003 off_road_bikes",
		"concern 2014-11-20 E05001505E06000003 off_road_bikes",
		"concern 2014-11-01 E06000001 fraud_scams",
	}, summaryLAD(t, doc))
	plain := strings.ReplaceAll(strings.ReplaceAll(doc, "5. On", "On"), "6. During", "During")
	require.Equal(t, []string{
		"meeting 2014-11-20 E05001505E06000003 off_road_bikes",
		"concern 2014-11-20 E05001505E06000003 off_road_bikes",
		"concern 2014-11-01 E06000001 fraud_scams",
	}, summaryLAD(t, plain))
	require.True(t, monthsOnly("October and November"))
	require.False(t, monthsOnly("May and Baker"))
	r := &run{x: newExtractor(t, Config{})}
	require.False(t, r.outside("the meetings attended in October and November", time.Date(2014, 11, 1, 0, 0, 0, 0, time.UTC)))
}

// TestUpdatesAddedAndMembersOfACommunity: a page of updates, each under
// "Update added: <date>", dates each from its own day; "met members of
// the Park End and Beckfield community" tells a meeting; "and asked
// whether patrols could be stepped up" is the remedy asked for the
// burglaries told, no second concern.
func TestUpdatesAddedAndMembersOfACommunity(t *testing.T) {
	doc := "You said, we did\n\nRoseworth\n\nUpdate added: Monday 20 January 2020\n\n" +
		"You said: At the Roseworth PACT meeting last Tuesday several of you told us drugs were being sold from a car parked up near the shops.\n\n" +
		"Newtown\n\nUpdate added: Tuesday 16 February 2021\n\n" +
		"You said: At the virtual Newtown PACT on Tuesday 9th February you raised back yards and sheds being broken into.\n"
	require.Equal(t, []string{
		"meeting 2020-01-14 E05001547 drugs",
		"concern 2020-01-14 E05001547 drugs",
		"meeting 2021-02-09 E05001541 burglary_theft",
		"concern 2021-02-09 E05001541 burglary_theft",
	}, summary(t, doc))

	report := "Programme of Engagement\nFebruary and March 2018\n\n" +
		"4.4 On 1 March the Commissioner met members of the Park End and Beckfield community at the Neptune Centre. The key area highlighted was groups of youths gathering outside the Beckfield shops.\n"
	require.Equal(t, []string{
		"meeting 2018-03-01 E05009870 antisocial_behaviour",
		"concern 2018-03-01 E05009870 antisocial_behaviour",
	}, summary(t, report))

	r := &run{x: newExtractor(t, Config{})}
	require.Equal(t, []string{"burglary_theft"}, r.themes("A resident said three houses in her street had been burgled in the past month, and asked whether patrols could be stepped up at night."))
}

// TestElectedInMayAndADayToBeConfirmed: "Steve Turner, who was elected in
// May, was at the Brambles & Thorntree ward meeting" is yesterday's
// meeting, not one in May; a table row dated "July (date tbc)" is July's
// meeting.
func TestElectedInMayAndADayToBeConfirmed(t *testing.T) {
	doc := "# Thorntree residents put PCC on the spot\n\n*Wednesday, 20 October 2021*\n\n" +
		"Around fifty people squeezed into the Thorntree community hub yesterday evening to tell the Police and Crime Commissioner what is wrong with their streets.\n\n" +
		"Steve Turner, who was elected in May, was at the Brambles & Thorntree ward meeting as part of a tour of Middlesbrough's wards.\n\n" +
		"Fly-tipping was the big gripe of the night: mattresses dumped on the grass verges.\n"
	require.Equal(t, []string{
		"meeting 2021-10-19 E05009856 environmental",
		"concern 2021-10-19 E05009856 environmental",
	}, summary(t, doc))

	report := "Programme of Engagement – June and July 2022\n\n| Date | Meeting | Area | Issues raised |\n|---|---|---|---|\n" +
		"| July (date tbc) | Meeting with members of the Abingdon Road mosque congregation | Middlesbrough | Verbal abuse of worshippers and hate incidents on the way to prayers |\n"
	require.Equal(t, []string{
		"meeting 2022-07-01 E06000002 hate_crime",
		"concern 2022-07-01 E06000002 hate_crime",
	}, summaryLAD(t, report))
}

// TestRowGoesOnWithTheMeetingAbove: a "You said, we did" row whose meeting
// cell is empty goes on with the meeting of the row above it.
func TestRowGoesOnWithTheMeetingAbove(t *testing.T) {
	doc := "# You Said, We Did\n\nLast updated: 20/03/2020\n\n## February & March 2020\n\n| Meeting | You said | We did |\n|---|---|---|\n" +
		"| South Bank ward meeting, Tues 4th Feb 2020, South Bank Library | Drug dealing from cars parked up on Normanby Road | 3 drug warrants executed |\n" +
		"| | Off-road bikes being ridden across the old Bolckow field | 2 bikes seized under s59 |\n" +
		"| Eston ward meeting, Tues 3rd March 2020, Eston Community Centre | Cars speeding up and down the High Street | Speed checks done on 6 dates |\n" +
		"| | Vehicles parked on the pavements outside the school at home time | Joint patrols with the Council |\n"
	require.Equal(t, []string{
		"meeting 2020-02-04 E05012456 drugs,off_road_bikes",
		"concern 2020-02-04 E05012456 drugs",
		"concern 2020-02-04 E05012456 off_road_bikes",
		"meeting 2020-03-03 E05012441 parking_traffic,speeding",
		"concern 2020-03-03 E05012441 speeding",
		"concern 2020-03-03 E05012441 parking_traffic",
	}, summary(t, doc))
}

// TestResidentsNewsletter: a residents' association's newsletter. "our
// February meeting! Thank you to the 31 of you who braved the rain on
// Tuesday the 9th to come to the Mandale Community Centre" is a meeting on
// Tuesday 9th February (the year from "Spring Newsletter 2016"); under
// "What you told us", the PCSO's "asked anyone who sees anything to ring
// 101" is not what residents said.
func TestResidentsNewsletter(t *testing.T) {
	doc := "MANDALE & VICTORIA RESIDENTS' ASSOCIATION\n~~~ Spring Newsletter 2016 ~~~\n\n" +
		"Well, what a turnout for our February meeting! Thank you to the 31 of you who braved the rain on Tuesday the 9th to come to the Mandale Community Centre. We were joined by our PCSO.\n\n" +
		"WHAT YOU TOLD US\n" +
		"* A few of you mentioned dealing going on behind the parade of shops in the evenings. The PCSO asked anyone who sees anything to ring 101 or Crimestoppers.\n"
	require.Equal(t, []string{
		"meeting 2016-02-09 E05001540 drugs",
		"concern 2016-02-09 E05001540 drugs",
	}, summary(t, doc))
	require.Equal(t, "our February meeting! on Tuesday 9 February to come", monthMeetingDay("our February meeting! on Tuesday the 9th to come"))
	require.Equal(t, "on Tuesday the 9th", monthMeetingDay("on Tuesday the 9th"), "no month named for the meeting")
}

// TestMonthMeetingDayInBrackets: a newsletter naming its meeting by the
// month, possessive or not, with the weekday and day in brackets ("At
// October's surgery (Saturday 2nd) ...") gives the day that month; a day
// with its month, a meeting with no month, or two days, are left alone.
func TestMonthMeetingDayInBrackets(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"At October's surgery (Saturday 2nd) people asked about the bins.", "At October's surgery (Saturday 2 October) people asked about the bins."},
		{"Our May drop-in, Wednesday 12th, was busy.", "Our May drop-in, Wednesday 12 May, was busy."},
		{"At October's surgery (Saturday 2nd October) people came.", "At October's surgery (Saturday 2nd October) people came."},
		{"At our surgery (Saturday 2nd) people came.", "At our surgery (Saturday 2nd) people came."},
		{"October's surgery (Saturday 2nd) and the one on Saturday 6th were quiet.", "October's surgery (Saturday 2nd) and the one on Saturday 6th were quiet."},
	} {
		require.Equal(t, tt.want, monthMeetingDay(tt.in), tt.in)
	}
	doc := "Burn Valley ward news, Autumn 2018\n\nWe hold a surgery at the Burn Valley community hall every month. At November's surgery (Saturday 3rd) residents told us about cars speeding along the park road.\n\nPrinted 20/11/2018 by Tees Print, Hartlepool.\n"
	require.Equal(t, []string{
		"meeting 2018-11-03 E05008942 speeding",
		"concern 2018-11-03 E05008942 speeding",
	}, summary(t, doc))
}

// TestMonthAndTwoFigureYear: "Nov 22" in the date column of a report on
// October and November 2022 is November 2022, not the 22nd.
func TestMonthAndTwoFigureYear(t *testing.T) {
	doc := "Commissioner's Programme of Engagement (October and November 2022)\n\n" +
		"| Date | Meeting | Authority | Main matters raised |\n|---|---|---|---|\n" +
		"| 03/11/22 | Seaton residents' meeting | Hartlepool | Parking on The Front |\n" +
		"| Nov 22 | Loftus Town Team | Redcar & Cleveland | Theft from vans and outbuildings |\n"
	got := summary(t, doc)
	require.Contains(t, got, "meeting 2022-11-01 E05012447 burglary_theft")
}

// TestFacebookPostCopied: a community group's Facebook post copied to its
// site: the post's header ("Thorntree & Brambles Community Group · 17 Jan
// · 🌎") is when it was posted, not a meeting; "➡️" marks list items;
// "What you told them" opens what residents said.
func TestFacebookPostCopied(t *testing.T) {
	doc := "Copied from our Facebook page:\n\nThorntree & Brambles Community Group · 17 Jan · 🌎\n\n" +
		"Big THANK YOU to everyone who came to the PACT meeting on Monday night at the Thorntree Hub!!\n\n" +
		"What you told them (we wrote it all down!!):\n\n" +
		"➡️ when you ring 101 nobody answers and when you ring 999 it takes ages for anyone to come out\n\n" +
		"Posted on Wednesday 17 January 2024 by admin\n"
	require.Equal(t, []string{
		"meeting 2024-01-15 E05009856 visible_policing",
		"concern 2024-01-15 E05009856 visible_policing",
	}, summary(t, doc))
}

// TestReportByTheme: a Panel report grouped by theme tells its meetings by
// where and when a theme was raised ("raised at Hemlington on 3 May and at
// Park End on 11 May": a meeting each, the theme at each), and names them
// again by their place in later paragraphs ("at the Grangetown meeting",
// "At Hemlington several residents ..."): those concerns are those meetings..
func TestReportByTheme(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 4 July 2017\n\nPROGRAMME OF ENGAGEMENT: APRIL AND MAY 2017\n\nOff-road motorcycles\n\n" +
		"4.1 Off-road bikes were raised at Hemlington on 3 May and at Park End on 11 May.\n\nDrugs\n\n" +
		"4.2 Drug dealing was raised at Grangetown on 9 May and at Park End on 11 May.\n\nBurglary\n\n" +
		"4.3 Shed break-ins were the main complaint at the Grangetown meeting. At Hemlington several residents also told the Commissioner about garage burglaries.\n"
	res, err := newExtractor(t, Config{}).Extract("poe.txt", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.ElementsMatch(t, []string{
		"meeting 2017-05-03 E05009859 burglary_theft,off_road_bikes", "meeting 2017-05-11 E05009870 drugs,off_road_bikes", "meeting 2017-05-09 E05001509 burglary_theft,drugs",
		"concern 2017-05-03 E05009859 off_road_bikes", "concern 2017-05-11 E05009870 off_road_bikes",
		"concern 2017-05-09 E05001509 drugs", "concern 2017-05-11 E05009870 drugs",
		"concern 2017-05-09 E05001509 burglary_theft", "concern 2017-05-03 E05009859 burglary_theft",
	}, got)
}

// TestReportByThemeDaysInBrackets: a report grouped by theme may give each
// place's day in brackets ("raised at Hemlington (3 May) and again at Park
// End (11 May)"): a meeting each, the theme at each, as with "on 3 May".
// A bracket that is no day ("at Hemlington (twice) during May") tells no
// meeting: the theme is May's.
func TestReportByThemeDaysInBrackets(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 July 2017\n\nPROGRAMME OF ENGAGEMENT: APRIL AND MAY 2017\n\n"
	for _, tt := range []struct {
		body string
		want []string
	}{
		{"4.1 Fly-tipping was raised at Hemlington (3 May) and again at Park End (11 May), where residents named the back lanes.\n",
			[]string{"meeting 2017-05-03 E05009859 environmental", "meeting 2017-05-11 E05009870 environmental", "concern 2017-05-03 E05009859 environmental", "concern 2017-05-11 E05009870 environmental"}},
		{"4.1 Fly-tipping was raised at Hemlington (Wednesday 3 May).\n",
			[]string{"meeting 2017-05-03 E05009859 environmental", "concern 2017-05-03 E05009859 environmental"}},
		{"4.1 Fly-tipping was raised at Hemlington (twice) during May.\n",
			[]string{"concern 2017-05-01 E05009859 environmental"}}, // (a concern of May, no meeting)
	} {
		res, err := newExtractor(t, Config{}).Extract("poe.txt", []byte(head+tt.body))
		require.NoError(t, err)
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Type+" "+e.Date+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
		}
		require.ElementsMatch(t, tt.want, got, tt.body)
	}
}

// TestSinceMonthEndsMeetingStory: a news item's paragraph opening on a
// span from a month ("Since September, ...") after a paragraph that told
// a meeting is not what that meeting heard: its own concern, at its own
// place, over the span from that month to the publication ("the office
// has received regular complaints" tells people getting in touch); a
// paragraph going on with the meeting is still the meeting's.
func TestSinceMonthEndsMeetingStory(t *testing.T) {
	head := "NEWS RELEASE\nIssued: Friday 13 December 2019\n\nOn Tuesday 10 December the Commissioner attended the Kader ward meeting in Middlesbrough, where residents complained about speeding on Stokesley Road.\n\n"
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{head + "Since September, families across Thornaby have contacted the Commissioner about drug dealing near the schools.\n",
			[]string{"meeting 2019-12-10 E05009860 speeding", "concern 2019-12-10 E05009860 speeding", "concern period:2019-09-01/2019-12-13  drugs"}},
		{head + "Since July, a string of people from Thornaby have contacted the Commissioner about drug dealing near the schools.\n",
			[]string{"meeting 2019-12-10 E05009860 speeding", "concern 2019-12-10 E05009860 speeding", "concern period:2019-07-01/2019-12-13  drugs"}},
		{head + "Since August, the Commissioner's office has received regular complaints from Thornaby parents about drug dealing near the schools.\n",
			[]string{"meeting 2019-12-10 E05009860 speeding", "concern 2019-12-10 E05009860 speeding", "concern period:2019-08-01/2019-12-13  drugs"}},
		{head + "Separately, since September the office has had a steady stream of e-mails from Thornaby parents about drug dealing near the schools.\n",
			[]string{"meeting 2019-12-10 E05009860 speeding", "concern 2019-12-10 E05009860 speeding", "concern period:2019-09-01/2019-12-13  drugs"}},
		// (no month opening the paragraph: the meeting's story goes on)
		{head + "Several people also spoke about drug dealing near the schools.\n",
			[]string{"meeting 2019-12-10 E05009860 drugs,speeding", "concern 2019-12-10 E05009860 speeding", "concern 2019-12-10 E05009860 drugs"}},
	} {
		res, err := newExtractor(t, Config{}).Extract("news.txt", []byte(tt.doc))
		require.NoError(t, err)
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
		}
		require.Equal(t, tt.want, got, tt.doc)
	}
}

// TestNewsletterQuestionsAndAnswers: a residents' group's emailed
// newsletter dated by its "Sent to members on" line; "our AGM" is a
// meeting; an answer opening on another month ("During August ...") is
// that month's concern, not the meeting told before; a committee's
// briefing "not open to members" is no meeting, and a date after the
// newsletter was sent is no meeting held.
func TestNewsletterQuestionsAndAnswers(t *testing.T) {
	doc := "NUNTHORPE RESIDENTS' GROUP\nNewsletter No. 12 - Autumn 2023\nSent to members on Monday 2nd October 2023\n\n" +
		"Q: When did we last see the police?\n\nA: At our AGM on Thursday 14th September in Nunthorpe Community Hall. Members told the sergeant that drivers were speeding on Guisborough Road.\n\n" +
		"Q: I keep getting odd phone calls. Is it just me?\n\nA: During August a dozen members told the committee about calls from fake bank staff, a scam aimed at older people.\n\n" +
		"Q: Does the committee meet the police privately?\n\nA: On 5th September the chair had a short briefing with the sergeant about burglary. That meeting is not open to members.\n\n" +
		"OTHER NEWS\nChristmas lights switch-on: Friday 1st December, The Avenue, Nunthorpe.\n"
	res, err := newExtractor(t, Config{}).Extract("newsletter.txt", []byte(doc))
	require.NoError(t, err)
	require.Equal(t, "2023-10-02", res.Published.Format(time.DateOnly))
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"meeting 2023-09-14 E05015469 speeding", "concern 2023-09-14 E05015469 speeding",
		"concern month:2023-08-01/2023-08-31 E05015469 fraud_scams",
	}, got)
}

// TestNextSentencePrivateOfItsOwnMeeting: "not open to the public" in the
// sentence after a meeting closes that meeting only when it points back
// ("That meeting ...", "It was ..."); when the next sentence names a
// meeting of its own, the closed one is that.
func TestNextSentencePrivateOfItsOwnMeeting(t *testing.T) {
	pub := "NORTON GREEN RESIDENTS' GROUP\nNewsletter, sent to members on Monday 2nd October 2023\n\n"
	for _, tc := range []struct {
		name string
		next string
		want []string
	}{
		{"own named board", "Our treasurer sat on the Stockton Community Safety board at the Municipal Buildings (not open to the public) and has nothing to pass on.",
			[]string{"meeting 2023-09-01 E05014876 burglary_theft"}},
		{"own named forum, held in private", "The chair also attended the town's Business Crime forum, which is held in private.",
			[]string{"meeting 2023-09-01 E05014876 burglary_theft"}},
		// Must not fire: the next sentence points back to the meeting told.
		{"that meeting", "That meeting is not open to the public.", nil},
		{"the meeting", "The meeting was held in private.", nil},
		{"it", "It is not open to residents.", nil},
		{"it, described", "It's a formal committee, not a public meeting as such.", nil},
		{"unnamed", "Afterwards she stayed on for a short session with officers (not open to the public).", nil},
	} {
		doc := pub + "Our secretary went to the Norton North ward meeting last month and said shed break-ins were the main worry there. " + tc.next + "\n"
		got := summary(t, doc)
		var meetings []string
		for _, g := range got {
			if strings.HasPrefix(g, "meeting ") {
				meetings = append(meetings, g)
			}
		}
		require.Equal(t, tc.want, meetings, tc.name)
	}
}

// TestRecordKindPublishedPiece: a masthead piece naming the record's kind
// before its verb ("Draft minutes, published <date>") dates the document,
// as "Published: <date>" does; a piece that tells something else is not.
func TestRecordKindPublishedPiece(t *testing.T) {
	for _, tc := range []struct {
		top, want string
	}{
		{"Eaglesmoor Parish Council · Clerk: Ms T. Brack · Draft minutes, published 9 March 2020", "2020-03-09"},
		{"Eaglesmoor Parish Council | Approved notes - issued 9 March 2020", "2020-03-09"},
		// must not fire: the piece tells of something else done on the day
		{"Eaglesmoor Parish Council · Clerk: Ms T. Brack · Draft minutes, read out on 9 March 2020", ""},
		{"Eaglesmoor Parish Council · Clerk: Ms T. Brack · Planning report, approved 9 March 2020", ""},
	} {
		doc := tc.top + "\n\nAt our meeting at the community centre on Monday residents complained about drug dealing by the shops.\n"
		res, err := newExtractor(t, Config{}).Extract("minutes.txt", []byte(doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tc.want, got, tc.top)
	}
}

// TestHeldLineUnderMinutesHeading: a record's heading over a line that
// opens "held ... on <day>" is the record's own meeting on that day, so
// what the public raised at it is dated to it; a "held" line with no day,
// or a line under no record's heading, is not.
func TestHeldLineUnderMinutesHeading(t *testing.T) {
	pub := "Norton Parish Council · Clerk: Ms T. Brack · Draft minutes, published 15 March 2021\n\n"
	body := "\n\nPresent: five councillors; PCSO D. Rudd (Cleveland Police); 9 members of the public.\n\nA resident said cars were speeding through Norton High Street late at night.\n"
	for _, tc := range []struct {
		head, held string
		want       bool
	}{
		{"MINUTES OF THE MEETING OF THE PARISH COUNCIL", "held online by Teams on Tuesday 9th March 2021 at 7 pm", true},
		{"Minutes of the Annual Parish Meeting", "held at the Village Hall, Norton, on 9 March 2021", true},
		// must not fire
		{"MINUTES OF THE MEETING OF THE PARISH COUNCIL", "held online by Teams, as in recent months", false},
		{"PARISH NEWS", "held online by Teams on Tuesday 9th March 2021 at 7 pm: the quiz night", false},
	} {
		got := strings.Join(summary(t, pub+tc.head+"\n\n"+tc.held+body), "\n")
		require.Equal(t, tc.want, strings.Contains(got, "meeting 2021-03-09"), tc.head+" / "+tc.held+"\n"+got)
	}
}

// TestMastheadPublicationSentence: a typed newsletter's masthead lines
// run together by unwrapping still give its date line ("Dated ..."), so its
// relative days resolve; a sentence that only mentions posting or a long
// one is no such line.
func TestMastheadPublicationSentence(t *testing.T) {
	for _, tc := range []struct {
		top, want string
	}{
		{"GROVE HILL RESIDENTS\nSpring bulletin (No. 7)\nRun off on the church copier.\nDated 9th April 2019.", "2019-04-09"},
		{"GROVE HILL RESIDENTS\nSpring bulletin (No. 7)\nCopies left at the shop. Issued 9 April 2019.", "2019-04-09"},
		// posting told as news, not the sheet's own line
		{"GROVE HILL RESIDENTS\nSpring bulletin (No. 7)\nLeaflets were posted on 9 April 2019 to every house.", ""},
		// a date that does not end its sentence is what the sentence tells of
		{"GROVE HILL RESIDENTS\nSpring bulletin (No. 7)\nRun off on the church copier.\nDate: 9 April 2019 was picked for the walkabout.", ""},
		// a long sentence that opens with the label is a story, not a masthead line
		{"GROVE HILL RESIDENTS\nSpring bulletin (No. 7)\nThanks. Dated 9th April 2019 but we only found the box of leaflets in the hall cupboard last week.", ""},
	} {
		doc := tc.top + "\n\nOUR MEETING\n\nAt our meeting at the community centre on Monday residents complained about drug dealing by the shops.\n"
		res, err := newExtractor(t, Config{}).Extract("bulletin.txt", []byte(doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tc.want, got, tc.top)
	}
}

// TestMastheadDatelineAndIssueDash: a newspaper story saved as text whose
// masthead and dateline unwrapping ran into one line ("Wearside Weekly
// Gazette" over "Tuesday, March 5, 2019") is dated by it, and a typed
// newsletter's issue line with its date after a dash ("AUTUMN NEWSLETTER
// – 2nd October 2017") by its date; a line that tells something besides
// the name and the date, or is lower down the page, is neither.
func TestMastheadDatelineAndIssueDash(t *testing.T) {
	for _, tc := range []struct {
		top, want string
	}{
		{"Wearside Weekly Gazette\nTuesday, March 5, 2019", "2019-03-05"},
		{"The Moorside Herald\n5 March 2019, 7:15am", "2019-03-05"},
		{"Tuesday 5 March 2019\nThe Moorside Herald", "2019-03-05"},
		{"OAKVALE RESIDENTS GROUP\nAUTUMN NEWSLETTER – 5th March 2019", "2019-03-05"},
		{"OAKVALE RESIDENTS GROUP\nNewsletter No. 12 - 5/3/2019", "2019-03-05"},
		// a name that is no publisher's, or a line that tells more
		{"Wearside weekly readers met\nTuesday, March 5, 2019 to plan the fete", ""},
		{"Herald readers met on 5 March 2019", ""},
		// a dash before what the line tells, not a date alone
		{"OAKVALE RESIDENTS GROUP\nNewsletter - meeting at the hall on 5 March 2019 with the police", ""},
		// a masthead and date line below the top is none
		{"A word from the editor\n\nThanks to all our helpers this year.\n\nWearside Weekly Gazette\nTuesday, March 5, 2019", ""},
	} {
		doc := tc.top + "\n\nAt the residents' meeting at the community centre on Monday people complained about drug dealing by the shops.\n"
		res, err := newExtractor(t, Config{}).Extract("story.txt", []byte(doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tc.want, got, tc.top)
	}
}

// TestNewsOpeningOfARound: a news item's opening that tells what was
// raised "at the third of three meetings he has attended there this month"
// is the meeting the next paragraph tells, not a month's concern; deals
// "done from parked cars" are drugs, not parking; "two bikes travelling at
// speed" are the bikes, not speeding.
func TestNewsOpeningOfARound(t *testing.T) {
	doc := "Posted on Thursday 15th March 2018\n\n" +
		"People in Thornaby have told the Commissioner that drug dealing and off-road bikes are spoiling the town, at the third of three meetings he has attended there this month.\n\n" +
		"Around sixty people came to the town council's community forum at Thornaby Pavilion last night. Several said they had watched deals being done from parked cars near the shops.\n\n" +
		"Scramblers on the riverside path were the other big subject. A dog walker described being forced into a hedge by two bikes travelling at speed.\n"
	res, err := newExtractor(t, Config{}).Extract("news.txt", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+eventWhen(e)+" "+e.LADCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"meeting 2018-03-14 E06000004 drugs,off_road_bikes", "concern 2018-03-14 E06000004 drugs,off_road_bikes",
	}, got)
}

// TestSectionWardPlacesRows: a poster's tables under headings that are
// ward names alone ("Norton North") place their rows' meetings and
// concerns, which name no place of their own ("PACT meeting, Tuesday 9
// July, church hall"), in the heading's ward, not the team's authority.
func TestSectionWardPlacesRows(t *testing.T) {
	doc := `# You Said, We Did

Stockton Neighbourhood Team · July – September 2024

Thank you to everyone who came to a meeting this summer. Here is what you raised with us, ward by ward, and what we did about it. Issued 1 October 2024.

## Norton North

| When and where | You said | We did |
|---|---|---|
| PACT meeting, Tuesday 9 July, church hall | Cars racing along the high street late at night. | Speed checks on four evenings. |

## Norton South

| When and where | You said | We did |
|---|---|---|
| Drop-in, Thursday 22 August, the library | Sheds broken into and tools taken. | Crime prevention visits. |
`
	require.Equal(t, []string{
		"meeting 2024-07-09 E05014876 speeding",
		"concern 2024-07-09 E05014876 speeding",
		"meeting 2024-08-22 E05014877 burglary_theft",
		"concern 2024-08-22 E05014877 burglary_theft",
	}, summary(t, doc))
}

// TestSiteHeaderWard: a ward's own site names its ward only in the site's
// header ("Councillor for Seaton ward, Hartlepool"), dropped as chrome: a
// meeting the page tells with no place of its own is that ward's; a
// town's body said to cover both of its wards stays the town's.
func TestSiteHeaderWard(t *testing.T) {
	page := func(header, body string) string {
		return `<html><head><title>Surgery notes</title></head><body><header class="site-header"><p class="site-title">Pat Example</p><p class="site-description">` + header +
			`</p></header><main><article><h1>Surgery notes</h1><p>Posted on Monday 14 March 2022</p>` + body + `</article></main></body></html>`
	}
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"the header's ward places the surgery",
			page("Councillor for Seaton ward, Hartlepool", `<p>On Saturday 5th March I held my surgery in the community room, where residents told me about cars speeding along the sea front.</p>`),
			[]string{"meeting 2022-03-05 E05013047E06000001 speeding", "concern 2022-03-05 E05013047E06000001 speeding"}},
		{"a body covering both wards of its town is the town's",
			page("Working for Marton East ward, Middlesbrough", `<p>Earlier this month I went along to the Marton Residents' Association meeting, which covers both Marton wards. Residents complained about parking on the grass verges.</p>`),
			[]string{"meeting period:2022-03-01/2022-03-13 E06000002 parking_traffic", "concern period:2022-03-01/2022-03-13 E06000002 parking_traffic"}},
		{"a forum covering the whole town is the town's",
			page("Councillor for Billingham East ward, Stockton-on-Tees", `<p>On 3rd March I went along to the Billingham community forum run by the Town Council, which covers the whole town. Residents complained about speeding on Marsh House Avenue.</p>`),
			[]string{"meeting 2022-03-03 E06000004 speeding", "concern 2022-03-03 E06000004 speeding"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := newExtractor(t, Config{}).Extract("page.html", []byte(tt.doc))
			require.NoError(t, err)
			var got []string
			for _, e := range res.Events {
				got = append(got, e.Type+" "+eventWhen(e)+" "+e.WardCode+e.LADCode+" "+strings.Join(e.Themes, ","))
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestHeadMonthDay: a diary told month by month names the month only in
// its heading; a weekday and day under it ("on Wednesday 19th") is that
// day of the heading's month, not the weekday before publication.
func TestHeadMonthDay(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Later in the month, on Wednesday 19th, I joined them.", "Later in the month, on Wednesday 19 January 2022, I joined them."},
		{"On Tuesday the 11th we met.", "On Tuesday 11 January 2022 we met."},
		{"A cold morning on Saturday 8th January.", "A cold morning on Saturday 8th January."},
		{"From Monday 10 to Friday 14 January we ran stalls.", "From Monday 10 to Friday 14 January we ran stalls."},
	} {
		require.Equal(t, tt.want, headMonthDay(tt.in, "January 2022"), tt.in)
	}
	doc := "# Surgery diary\n\nPublished: 14 March 2022\n\n## January 2022\n\nLater in the month, on Wednesday 19th, I held a surgery at the library in Kader ward, where residents complained about speeding.\n"
	require.Equal(t, []string{"meeting 2022-01-19 E05009860 speeding", "concern 2022-01-19 E05009860 speeding"}, summary(t, doc))
}

// TestWeekdayHeadingsDateTheirParagraphs: a post telling its week day by
// day under headings that name only the weekday ("## Monday", "## Wednesday
// – Linthorpe") dates each paragraph's meetings by its heading, in the week
// that ends nearest before the post; not a timetable (headings out of the
// week's order), a lone weekday heading, a week still to come, or a
// sentence under the heading telling what is to come.
func TestWeekdayHeadingsDateTheirParagraphs(t *testing.T) {
	week := "## Monday\n\nA quiet start. In the evening I sat in on the Kader ward residents' meeting at the church hall. Most of the talk was about drug dealing near the shops.\n\n" +
		"## Wednesday – Linthorpe\n\nOff to Linthorpe for the ward meeting. People complained about speeding on the main road.\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"posted the Saturday after", "# My week\n\nPublished: 17 November 2018\n\n" + week,
			[]string{"meeting 2018-11-12 E05009860 drugs", "concern 2018-11-12 E05009860 drugs", "meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"posted on the Tuesday: the week before", "# My week\n\nPublished: 13 November 2018\n\n" + week,
			[]string{"meeting 2018-11-05 E05009860 drugs", "concern 2018-11-05 E05009860 drugs", "meeting 2018-11-07 E05009862 speeding", "concern 2018-11-07 E05009862 speeding"}},
		{"a timetable, out of the week's order", "# Surgeries\n\nPublished: 17 November 2018\n\n## Wednesday\n\nThe Linthorpe ward meeting at the library.\n\n## Monday\n\nThe Kader residents' meeting at the church hall.\n", nil},
		{"one weekday heading", "# Update\n\nPublished: 17 November 2018\n\n## Monday\n\nIn the evening I sat in on the Kader ward residents' meeting at the church hall.\n", nil},
		{"a week still to come", "# Out and about\n\nPublished: 17 November 2018\n\nHere is where I will be next week.\n\n" + week, nil},
		{"what is to come under the heading", "# My week\n\nPublished: 17 November 2018\n\n## Monday\n\nI will go to the Kader ward residents' meeting at the church hall.\n\n## Tuesday\n\nA day in the office.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWeekdayLeadsDateTheirParagraphs: a post telling its week day by day
// in paragraphs that each open with the weekday ("Tuesday was the ...",
// "Thursday evening I ...", often in bold) dates each paragraph by it, in
// the week that ends nearest before the post, as weekday headings do; not
// one such paragraph alone, not out of the week's order, not a week still
// to come, not "Tuesday will be ...".
func TestWeekdayLeadsDateTheirParagraphs(t *testing.T) {
	pub := "# Seven days\n\nPublished: 17 November 2018\n\n"
	tue := "**Tuesday** was the Kader ward residents' meeting at the church hall. Most of the talk was about drug dealing near the shops.\n\n"
	thu := "**Thursday** was my surgery in Linthorpe. People complained about speeding on the main road.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"two days in order", pub + tue + thu,
			[]string{"meeting 2018-11-13 E05009860 drugs", "concern 2018-11-13 E05009860 drugs", "meeting 2018-11-15 E05009862 speeding", "concern 2018-11-15 E05009862 speeding"}},
		{"one day alone", pub + tue, nil},
		{"out of the week's order", pub + thu + tue, nil},
		{"a week still to come", pub + "Here is where I will be next week.\n\n" + tue + thu, nil},
		{"what is to come", pub + "Tuesday will be the Kader ward residents' meeting at the church hall.\n\nThursday will be a surgery in Linthorpe.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWeekTurnsToWeekAhead: a post telling its week day by day that
// turns to the week to come under a heading ("## Coming up") or with a
// paragraph opening on it ("Next week I'm at ...") still dates the days
// it told: the weekdays after the turn are the next week's, no break of
// the week's order. Not the turn before the days (the whole post is to
// come), and not a day's account saying it goes on next week.
func TestWeekTurnsToWeekAhead(t *testing.T) {
	pub := "# Seven days\n\nPublished: 17 November 2018\n\n"
	tue := "**Tuesday** was the Kader ward residents' meeting at the church hall. Most of the talk was about drug dealing near the shops.\n\n"
	thu := "**Thursday** was my surgery in Linthorpe. People complained about speeding on the main road.\n\n"
	told := []string{"meeting 2018-11-13 E05009860 drugs", "concern 2018-11-13 E05009860 drugs", "meeting 2018-11-15 E05009862 speeding", "concern 2018-11-15 E05009862 speeding"}
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a heading turns to next week", pub + tue + thu + "## Coming up\n\n**Monday** I'm at a surgery in Acklam, as ever.\n", told},
		{"a paragraph turns to next week", pub + tue + thu + "Next week: **Monday** I'm at a surgery in Acklam, as ever.\n", told},
		{"the turn before the days", pub + "## Next week\n\n" + tue + thu, nil},
		{"a day that says next week inside it", pub + tue + "**Wednesday** was my surgery in Acklam. People complained about burglary on the estate, and I said I would be back next week.\n\n" + thu,
			[]string{told[0], told[1], "meeting 2018-11-14 E05009853 burglary_theft", "concern 2018-11-14 E05009853 burglary_theft", told[2], told[3]}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWeekdayOffLead: in a week told day by day, a paragraph that opens
// on a day when nothing was held and says the week began on a later
// weekday ("**Monday** was a bank holiday, so nothing happened until
// Tuesday, when ...") tells that later day, not the day off; a day off
// whose own meeting went ahead (no later weekday named) keeps its day.
func TestWeekdayOffLead(t *testing.T) {
	pub := "# Last week\n\nPublished: 19 November 2018\n\n"
	wed := "And on **Wednesday** I was at the Linthorpe ward meeting, where people complained about speeding on the main road.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"until the later day", pub + "**Monday** was a bank holiday, so nothing happened until **Tuesday**, when I went to the Kader ward residents' meeting at the church hall. People complained about drug dealing near the shops.\n\n" + wed,
			[]string{"meeting 2018-11-13 E05009860 drugs", "concern 2018-11-13 E05009860 drugs", "meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"a day off and then the later day", pub + "**Monday** was my day off and on Tuesday I went to the Kader ward residents' meeting at the church hall. People complained about drug dealing near the shops.\n\n" + wed,
			[]string{"meeting 2018-11-13 E05009860 drugs", "concern 2018-11-13 E05009860 drugs", "meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"the day off's own meeting", pub + "**Monday** was a bank holiday, but I went to the Kader ward residents' meeting at the church hall all the same. People complained about drug dealing near the shops.\n\n" + wed,
			[]string{"meeting 2018-11-12 E05009860 drugs", "concern 2018-11-12 E05009860 drugs", "meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestDayCountOpening: in a week told day by day, a day's paragraph that
// opens by counting its meetings ("Two meetings on Tuesday.") and then
// tells each in a sentence of its own: what was raised at each is that
// meeting's, the count is no meeting of its own. Not a count with a verb
// of its own ("Two meetings on Tuesday were cancelled.").
func TestDayCountOpening(t *testing.T) {
	pub := "# My week\n\nPublished: 17 November 2018\n\n## Monday\n\nI was at the Kader ward residents' meeting at the church hall, where people complained about drug dealing near the shops.\n\n## Tuesday\n\n"
	both := []string{"meeting 2018-11-12 E05009860 drugs", "concern 2018-11-12 E05009860 drugs", "meeting 2018-11-13 E05009862 speeding", "meeting 2018-11-13 E05009853 burglary_theft", "concern 2018-11-13 E05009862 speeding", "concern 2018-11-13 E05009853 burglary_theft"}
	two := "In the afternoon I was at the Linthorpe ward meeting, where residents told me about speeding on the main road. In the evening I went to the Acklam ward meeting, where people complained about burglary on the estate.\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a count, then each meeting", pub + "Two meetings on Tuesday. " + two, both},
		{"a count with a verb", pub + "Two meetings on Tuesday were cancelled. " + two, both},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWeekdayVisitIsMeeting: in a week told day by day, a paragraph whose
// weekday lead-in only takes the writer to a place ("**Monday** took me to
// Linthorpe.", "**Wednesday** was Kader.") and then tells what the people
// there raised is a meeting in that place on that day; not a day that names
// a board or partnership, not one where nobody of the public raised
// anything (an office day, a catch-up), not a place outside Cleveland, not
// one such paragraph alone.
func TestWeekdayVisitIsMeeting(t *testing.T) {
	pub := "# Seven days\n\nPublished: 17 November 2018\n\n"
	mon := "**Monday** took me to Linthorpe. The hall was full and people were angry about cars speeding on the main road.\n\n"
	wed := "**Wednesday** was Acklam. Residents asked me about drug dealing near the shops.\n\n"
	both := []string{"meeting 2018-11-12 E05009862 speeding", "concern 2018-11-12 E05009862 speeding", "meeting 2018-11-14 E05009853 drugs", "concern 2018-11-14 E05009853 drugs"}
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"two days at places where people spoke", pub + mon + wed, both},
		{"a board on one day", pub + mon + "**Wednesday** was the Safer Middlesbrough Partnership board in Acklam, where partners discussed drug dealing near the shops.\n\n",
			[]string{"meeting 2018-11-12 E05009862 speeding", "concern 2018-11-12 E05009862 speeding"}},
		{"no public on either day", pub + "**Monday** took me to Linthorpe for a catch-up with the inspector.\n\n**Wednesday** was Acklam, and an afternoon of paperwork.\n\n", nil},
		{"a place outside Cleveland", pub + "**Monday** took me to Durham. People were angry about cars speeding on the main road.\n\n" + wed,
			// (no meeting in Durham; what people said there is the concern
			// reader's, outside Cleveland)
			[]string{"concern 2018-11-12  speeding", "meeting 2018-11-14 E05009853 drugs", "concern 2018-11-14 E05009853 drugs"}},
		{"one day alone", pub + wed, nil},
		// an aside between the days about what reached the office is not
		// the day before's
		{"an office aside between the days", pub + mon + "I have also heard about burglary from people who contacted my office in October.\n\n" + wed,
			[]string{both[0], both[1], "concern 2018-10-01  burglary_theft", both[2], both[3]}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWeekdayOnLeadsDateTheirParagraphs: the days of a week told day by
// day whose paragraphs open "On Monday I ...", "And on Wednesday we ..."
// are the days of the week before a post written on its Monday (the
// Monday told is the week's first, not the day of the post), as
// "Monday started at ..." is; not a lone paragraph so opened.
func TestWeekdayOnLeadsDateTheirParagraphs(t *testing.T) {
	pub := "# Last week\n\nPublished: 19 November 2018\n\n"
	mon := "On **Monday** I went to the Kader ward residents' meeting at the church hall. People complained about drug dealing near the shops.\n\n"
	wed := "And on **Wednesday** I was at the Linthorpe ward meeting, where people complained about speeding on the main road.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"on-leads in order", pub + mon + wed,
			[]string{"meeting 2018-11-12 E05009860 drugs", "concern 2018-11-12 E05009860 drugs", "meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"an entry's weekday", pub + "**Monday** started at the Kader ward residents' meeting. People complained about drug dealing near the shops.\n\n" + wed,
			[]string{"meeting 2018-11-12 E05009860 drugs", "concern 2018-11-12 E05009860 drugs", "meeting 2018-11-14 E05009862 speeding", "concern 2018-11-14 E05009862 speeding"}},
		{"one on-lead alone", pub + mon,
			[]string{"meeting 2018-11-19 E05009860 drugs", "concern 2018-11-19 E05009860 drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestWeekdayLabelsDateTheirParagraphs: a post telling its week day by day
// in paragraphs labelled by the weekday alone and a full stop or colon
// ("Tuesday. Off to ...", "**Thursday:** I dropped in ...") dates each
// paragraph by its label, in the week that ends nearest before the post;
// not a timetable of the week set out the same way (nothing told as done),
// not what is to come, not one label alone, not out of the week's order.
func TestWeekdayLabelsDateTheirParagraphs(t *testing.T) {
	pub := "# Seven days\n\nPublished: 17 November 2018\n\n"
	tue := "**Tuesday.** Off to the Kader ward residents' meeting at the church hall, where people talked to me about drug dealing near the shops.\n\n"
	thu := "Thursday: I dropped in on the Linthorpe ward meeting. Speeding on the main road was the worry.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"two labelled days in order", pub + tue + thu,
			[]string{"meeting 2018-11-13 E05009860 drugs", "concern 2018-11-13 E05009860 drugs", "meeting 2018-11-15 E05009862 speeding", "concern 2018-11-15 E05009862 speeding"}},
		{"one label alone", pub + tue, nil},
		{"out of the week's order", pub + thu + tue, nil},
		{"a timetable: nothing told as done", pub + "Monday: Kader ward residents' meeting at the church hall, 6pm.\n\nWednesday: Linthorpe ward meeting at the library, 7pm.\n", nil},
		{"what is to come", pub + "Tuesday. I will be at the Kader ward residents' meeting at the church hall.\n\n" + thu, nil},
		// a day told as done, then a plan: still a day done
		{"done, then a plan", pub + strings.Replace(tue, "shops.", "shops. I have asked the inspector to come back to the next meeting.", 1) + thu,
			[]string{"meeting 2018-11-13 E05009860 drugs", "concern 2018-11-13 E05009860 drugs", "meeting 2018-11-15 E05009862 speeding", "concern 2018-11-15 E05009862 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMonthSoFarDays: a day written as an ordinal alone ("On the 6th") in
// a paragraph that says, before it, it tells the publication's month so
// far ("It's been a hectic month", "this month") is that month's day; not
// without those words, not a day after the publication's, not a sentence
// of what recurs, and a month written before it keeps its own.
func TestMonthSoFarDays(t *testing.T) {
	pub := "# News\n\nPublished: 17 November 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a busy month so far", pub + "It's been a hectic month for the neighbourhood team. On the 6th the inspector was at the Kader ward residents' meeting, where people complained about drug dealing near the shops.\n",
			[]string{"meeting 2018-11-06 E05009860 drugs", "concern 2018-11-06 E05009860 drugs"}},
		{"this month", pub + "Two ward meetings this month. On the 6th the inspector was at the Kader ward residents' meeting, where people complained about drug dealing near the shops.\n",
			[]string{"meeting 2018-11-06 E05009860 drugs", "concern 2018-11-06 E05009860 drugs"}},
		{"no words of the month", pub + "The inspector keeps busy. On the 6th she was at the Kader ward residents' meeting, where people complained about drug dealing near the shops.\n", nil},
		{"a day after the publication", pub + "It's been a hectic month for the team. On the 26th the inspector was at the Kader ward residents' meeting, where people complained about drug dealing near the shops.\n", nil},
		{"what recurs", pub + "It's been a hectic month for the team. The Kader ward residents' meeting is held on the 6th, and people usually complain about drug dealing near the shops.\n", nil},
		{"a month written before", pub + "It's been a hectic month for the team, after October's meetings. In October, on the 6th, the inspector was at the Kader ward residents' meeting, where people complained about drug dealing near the shops.\n",
			[]string{"meeting 2018-10-06 E05009860 drugs", "concern 2018-10-06 E05009860 drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMonthLeadDatesMeetingsAfter: a short sentence telling a month as a
// stretch of time ("... came after a busy October") dates the meetings the
// next sentence opens at by their places with what residents raised and no
// date of its own ("At ward meetings in Ayresome and in Linthorpe, residents
// raised the same problem: ..."): one meeting of that month in each ward,
// the concern at each. Not without the month before, nor for a sentence
// telling no concern.
func TestMonthLeadDatesMeetingsAfter(t *testing.T) {
	pub := "# News\n\nPublished: 17 November 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a busy October before", pub + "These visits came after a busy October. At ward meetings in Ayresome and in Linthorpe, residents raised the same problem: drug dealing near the shops.\n",
			[]string{"meeting 2018-10-01 E05009854 drugs", "meeting 2018-10-01 E05009862 drugs", "concern 2018-10-01 E05009854 drugs", "concern 2018-10-01 E05009862 drugs"}},
		{"no month before", pub + "These visits came after a busy time. At ward meetings in Ayresome and in Linthorpe, residents raised the same problem: drug dealing near the shops.\n", nil},
		{"no concern told", pub + "These visits came after a busy October. At ward meetings in Ayresome and in Linthorpe, the Commissioner set out his plan.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestSameDayGoesOnWithItsMeeting: a paragraph whose only day is the
// meeting's own ("here's what went on tonight" after "tonight's ward
// meeting") goes on with that meeting; what the paragraphs after it
// raise is that meeting's.
func TestSameDayGoesOnWithItsMeeting(t *testing.T) {
	doc := "Posted 14 November 2018 at 22:04\n\nROUND-UP FROM TONIGHT'S KADER WARD MEETING (long post sorry)\n\nFor everyone who couldn't make it down to the community hall tonight, here's what went on.\n\nBIKES. Several residents complained about scramblers on the fields again.\n"
	require.Equal(t, []string{"meeting 2018-11-14 E05009860 off_road_bikes", "concern 2018-11-14 E05009860 off_road_bikes"}, summary(t, doc))
}

// TestPlaceOneIsItsMeeting: in a post about a meeting, "one" after "at
// the" and a place's name stands for that place's meeting ("Was at the
// Linthorpe one last Thursday"); "the Linthorpe one is on the 28th" (no
// "at") is left alone.
func TestPlaceOneIsItsMeeting(t *testing.T) {
	head := "Posted 14 November 2018 at 22:04\n\nROUND-UP FROM TONIGHT'S KADER WARD MEETING\n\nAbout 40 of us there tonight.\n\n"
	require.Equal(t, []string{"meeting 2018-11-14 E05009860 ", "meeting 2018-11-08 E05009862 drugs", "concern 2018-11-08 E05009862 drugs"},
		summary(t, head+"Was at the Linthorpe one last Thursday and residents complained about drug dealing behind the shops.\n"))
	require.Equal(t, []string{"meeting 2018-11-14 E05009860 "},
		summary(t, head+"The Linthorpe one is on the 28th at the community centre.\n"))
}

// TestSeriesOneIsItsMeeting: in a newsletter not about one meeting,
// "one" after "at the" and a month stands for the meeting the sentence
// right before names ("PC Lowe holds a drop-in at the library every month.
// At the March one (Tues 12th) people talked about ..."); with no meeting
// word in the sentence before, it is left alone.
func TestSeriesOneIsItsMeeting(t *testing.T) {
	head := "---\ntitle: Hemlington Residents' News - Spring 2019\npublished: 2019-04-19\n---\n\n# HEMLINGTON RESIDENTS' NEWS\n\nHello again from the committee.\n\n## Police\n\n"
	for _, c := range []struct {
		text string
		want []string
	}{
		{"PC Lowe holds a drop-in at Hemlington library on the second Tuesday of every month. At the March one (Tuesday 12th) people mostly talked about drug dealing by the shops.\n",
			[]string{"meeting 2019-03-12 E05009859 drugs", "concern 2019-03-12 E05009859 drugs"}},
		{"The sergeant runs a surgery at the Hemlington community centre every few weeks. At the April one (Tuesday 9th) residents complained about drug dealing by the shops.\n",
			[]string{"meeting 2019-04-09 E05009859 drugs", "concern 2019-04-09 E05009859 drugs"}},
		// must not fire: no meeting word in the sentence before
		{"We bought new chairs for the Hemlington community house. At the March one (Tuesday 12th) people mostly talked about drug dealing by the shops.\n", nil},
		{"PC Lowe holds a drop-in at Hemlington library every month, and at the March one (Tues 12th) she handed out leaflets.\n", nil},
	} {
		require.Equal(t, c.want, summaryFile(t, "news.md", head+c.text), c.text)
	}
}

// TestPlaceCommaDayHeads: a diary's entry headed by a place, a comma and
// its day ("Greatham, Saturday 5th February.") tells a meeting there when
// the rest says what residents raised.
func TestPlaceCommaDayHeads(t *testing.T) {
	doc := "# Surgery diary\n\nPage last updated: 14 March 2022\n\n## February 2022\n\nGreatham, Saturday 5th February. Two older residents told me they had had calls from someone claiming to be from their bank.\n"
	require.Equal(t, []string{"meeting 2022-02-05 E05013040 fraud_scams", "concern 2022-02-05 E05013040 fraud_scams"}, summary(t, doc))
}

// TestItemsRaisedAtEachMeeting: under "The main concerns raised at each
// meeting were as follows:", an item headed by a place and its day in
// brackets ("Norton North (22nd June) – ...") is that meeting, with what
// the item says was raised; a day written "Tues. 5th July" is read with
// its weekday, and "(Weds 13th)" under it is in July. An item heading a
// meeting that cannot be dated to a day ("Brambles Farm (August)") is not
// the meeting of the item before it.
func TestItemsRaisedAtEachMeeting(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 13 September 2016\n\n4. Issues raised\n\n4.1 The main concerns raised at each meeting were as follows:\n\n" +
		"· Norton North (22nd June) – residents spoke about cars racing along the road by the green.\n" +
		"· Thornaby (Tues. 5th July) – shop staff reported repeat shoplifting.\n" +
		"· Grangetown (Weds 13th) – rubbish dumped on the back lanes.\n" +
		"· At the Coulby Newham ward meeting on Tuesday 26th July residents said speeding on the main road was the worry.\n" +
		"· Brambles Farm (August) – two households described problems with noisy neighbours.\n"
	require.Equal(t, []string{
		"meeting 2016-06-22 E05001543 speeding", "concern 2016-06-22 E05001543 speeding",
		"meeting 2016-07-05  burglary_theft", "concern 2016-07-05  burglary_theft",
		"meeting 2016-07-13 E05001509 environmental", "concern 2016-07-13 E05001509 environmental",
		"meeting 2016-07-26 E05009858 speeding", "concern 2016-07-26 E05009858 speeding",
	}, summary(t, doc))
}

// TestItemsOfAVisitedList: under a lead-in saying the writer visited or
// attended several wards or meetings ("In May the Commissioner went round
// four of Stockton's wards:"), an item headed by a place and its day in
// brackets is that place's meeting, a bare day taking the lead-in's month;
// not under a lead-in of visits to come or of partnership meetings.
func TestItemsOfAVisitedList(t *testing.T) {
	const items = "\n\n- Hartburn (3rd) – dog mess on the paths and bins left out for days.\n- Roseworth (Tuesday 13 May) – off-road bikes on the playing field at night.\n"
	tests := []struct {
		name, lead string
		want       []string
	}{
		{"visited with a count and a month", "In May the Commissioner went round four of the borough's wards:",
			[]string{"meeting 2014-05-03 E05001537 environmental", "concern 2014-05-03 E05001537 environmental",
				"meeting 2014-05-13 E05001547 off_road_bikes", "concern 2014-05-13 E05001547 off_road_bikes"}},
		{"attended the following meetings", "She also attended the following residents' meetings:",
			[]string{"meeting 2014-05-13 E05001547 off_road_bikes", "concern 2014-05-13 E05001547 off_road_bikes"}},
		{"visits to come", "Next month the Commissioner will visit three more wards:", nil},
		{"partnership meetings", "In May she attended three partnership meetings:", nil},
		{"no count", "The Commissioner visited wards:", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "Published: 30 May 2014\n\n" + tt.lead + items
			require.Equal(t, tt.want, summary(t, doc))
		})
	}
}

// TestLastMeetingInAMonth: "the last meeting in January" is a meeting
// held in that month, though the sentence says only what was said at it;
// told at a later meeting ("At the last meeting in November we told them
// ...", quoted from last night's), it is recalled there, and the
// paragraphs after it are still the later meeting's.
func TestLastMeetingInAMonth(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"a report's paragraph",
			"Report to the Police and Crime Panel, 16 July 2019\n\n" +
				"4.1 At Foggy Furze a resident said she had stopped letting her grandchildren cycle to school because of the speed of traffic, and that she had \"said exactly this at the last meeting in January\".\n",
			[]string{"meeting 2019-01-01 E05008945 speeding", "concern 2019-01-01 E05008945 speeding"}},
		{"recalled at a later meeting",
			"Posted on Friday 11 March 2022\n\n" +
				"More than 50 residents came to the Yarm community meeting last night.\n\n" +
				"\"At the last meeting in November we told them about the bikes,\" she said.\n\n" +
				"Several people complained about drug dealing from parked cars.\n",
			[]string{"meeting 2022-03-10 E05001552 drugs", "meeting 2021-11-01  ", "concern 2022-03-10 E05001552 drugs"}}, // (the recalled meeting in the document's authority: its sentence names no place)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestPartnerMeetingsAreNotPublic: under a heading or a lead-in naming
// meetings with partners, a board or partnership the Commissioner sat on
// is no meeting with the public; one that says what was raised there is
// read as a meeting (writers differ on these).
func TestPartnerMeetingsAreNotPublic(t *testing.T) {
	head := "Report to the Police and Crime Panel, 17 November 2015\n\n"
	for _, doc := range []string{
		head + "6. Partnership and strategic meetings\n\n• Safer Middlesbrough Partnership - 16 September\n• Stockton Health and Wellbeing Board - 30 September\n",
		head + "6. Other business\n\n6.1 The Commissioner also attended the following meetings with partners during the period:\n\n• Safer Middlesbrough Partnership - 16 September\n",
		head + "Appendix A: Partnership meetings attended A.1 Cleveland Local Criminal Justice Board (11 November); Safer Hartlepool Partnership (20 November).\n",
		head + "6.0 Partner and strategic meetings\n\n| Date | Meeting |\n|---|---|\n| 4 November 2015 | Safer Hartlepool Partnership |\n| 8 October 2015 | Middlesbrough Community Safety Partnership |\n",
		head + "6.0 Partner and stakeholder meetings\n\nDate Meeting\n\n| 4 November 2015 | Safer Hartlepool Partnership |\n| 8 October 2015 | Middlesbrough Community Safety Partnership |\n",
	} {
		require.Empty(t, summary(t, doc), doc)
	}
	require.Equal(t, []string{"meeting 2015-06-08  serious_violence", "concern 2015-06-08  serious_violence"},
		summary(t, head+"## 4. Partnership meetings\n\n* 8 June – Safer Stockton-on-Tees Partnership, Stockton: knife crime among young people.\n"))
}

// TestWhatHasBeenDone: a report's numbered "5.0 What has been done" section
// is the police's own account: its paragraphs are no concerns.
func TestWhatHasBeenDone(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 4 February 2014\n\nProgramme of Engagement – December 2013 to January 2014\n\n" +
		"5.0 What has been done\n\n5.5 Middlesbrough town centre: the Commissioner has raised the traders' request for more foot patrols, and a shop theft operation ran over Christmas.\n"
	require.Empty(t, summary(t, doc))
}

// TestIssuesByAreaRecap: a report's summary by area that lists themes with
// the places of their meetings in brackets is no new concern: each theme
// goes to the meeting the report told at that place (once per meeting), a
// place with no meeting told gives nothing, and the paragraph's other
// sentences are read as usual.
func TestIssuesByAreaRecap(t *testing.T) {
	doc := "Report to the Police and Crime Panel, 13 March 2018\n\nPROGRAMME OF ENGAGEMENT: JANUARY AND FEBRUARY 2018\n\n" +
		"3.1 The Commissioner attended the Hart ward residents' meeting at Hart Village Hall on Tuesday 16 January, where residents said drivers were speeding on the A179.\n\n" +
		"4. Issues raised, by area\n\nHartlepool\n\n" +
		"4.1 Speeding (Hart), shed break-ins (Hart) and graffiti (Headland) were the issues raised at meetings. Separately, throughout February the Office took calls from residents across Hartlepool about fly-tipping.\n"
	require.Equal(t, []string{
		"meeting 2018-01-16 E05008946E06000001 burglary_theft,speeding", "concern 2018-01-16 E05008946E06000001 speeding",
		"concern 2018-01-16 E05008946E06000001 burglary_theft", "concern 2018-02-01 E06000001 environmental",
	}, summaryLAD(t, doc))
}

// TestRecapInPlaces: a report's summary sentence that lists themes each
// with the places of meetings it told before after "in" or "at", with no
// brackets ("Dog fouling was again raised in Kader and Linthorpe"), says
// again what those meetings heard: no concern for the period at each
// place; a theme the meeting's own account did not name goes to that
// meeting (as with a recap's brackets). A sentence naming a ward with no
// meeting told, or giving its own day, is read as before.
func TestRecapInPlaces(t *testing.T) {
	head := "Report to the Police and Crime Panel, 9 May 2019\n\nPROGRAMME OF ENGAGEMENT: MARCH AND APRIL 2019\n\n" +
		"3.1 On Monday 4 March the Commissioner attended the Kader ward meeting, where residents complained about dog fouling on the school field.\n\n" +
		"3.2 On Tuesday 9 April he attended the Linthorpe ward meeting. Residents said dealers were selling drugs outside the off-licence.\n\n" +
		"4. Themes\n\n"
	held := []string{
		"meeting 2019-03-04 E05009860 environmental", "concern 2019-03-04 E05009860 environmental",
		"meeting 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 drugs",
	}
	table := "Report to the Police and Crime Panel, 9 May 2019\n\nPROGRAMME OF ENGAGEMENT: MARCH AND APRIL 2019\n\n" +
		"| Date | Meeting | Ward | Issues raised |\n|---|---|---|---|\n" +
		"| 04/03/19 | Kader ward meeting | Kader | Dog fouling on the school field |\n" +
		"| 09/04/19 | Linthorpe ward meeting | Linthorpe | Drugs sold outside the off-licence |\n\n" +
		"4. Themes\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"themes spread onto the places of meetings told before",
			head + "4.1 Dog fouling was raised in Kader, and drug dealing and speeding at Linthorpe. These are the meetings listed above.\n",
			[]string{"meeting 2019-03-04 E05009860 environmental", "concern 2019-03-04 E05009860 environmental",
				"meeting 2019-04-09 E05009862 drugs,speeding", "concern 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 speeding"}},
		{"again, after a table of meetings",
			table + "4.1 Dog mess was again raised in Kader and Linthorpe.\n",
			[]string{"meeting 2019-03-04 E05009860 environmental", "concern 2019-03-04 E05009860 environmental", "meeting 2019-04-09 E05009862 drugs,environmental", "concern 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 environmental"}},
		// must not fire: a ward where no meeting was told
		{"a ward with no meeting told",
			head + "4.1 Dog fouling was raised in Kader and Hemlington.\n",
			append(slices.Clone(held), "concern 2019-03-01 E05009859 environmental")},
		// must not fire: the sentence gives its own day
		{"a sentence with a day of its own",
			head + "4.1 Speeding was raised at Kader on Friday 12 April, by letter.\n",
			append(slices.Clone(held), "concern 2019-04-12  speeding")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestPartnershipRowsListedForCompleteness: a report that says it lists
// its partnership meetings or boards for completeness ("Board meetings are
// included in the table for information") shows the Commissioner's time
// in their rows: a row naming a partnership or board is no meeting with
// the public, even with its business in the issues column. Without that
// sentence such a row is read as before, and the community rows of a
// report with it still are.
func TestPartnershipRowsListedForCompleteness(t *testing.T) {
	head := "Report to the Police and Crime Panel, 10 October 2018\n\nPROGRAMME OF ENGAGEMENT: AUGUST AND SEPTEMBER 2018\n\n"
	rows := "| Date | Meeting | Ward / area | Issues raised |\n|---|---|---|---|\n" +
		"| 07/08/18 | Marton West ward meeting | Marton West, Middlesbrough | Cars racing along the main road at night |\n" +
		"| 15/08/18 | Safer Middlesbrough Partnership Board | Middlesbrough | Refresh of the anti-social behaviour strategy |\n"
	community := []string{"meeting 2018-08-07 E05009865E06000002 speeding", "concern 2018-08-07 E05009865E06000002 speeding"}
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"boards listed for completeness",
			head + "2.1 The table below lists the meetings attended. Partnership meetings are shown for completeness.\n\n" + rows,
			community},
		{"said in another sentence",
			head + "2.1 The Commissioner also sits on several boards. These are included in the table for information.\n\n" + rows,
			community},
		// must not fire: the report does not say so
		{"no such sentence",
			head + "2.1 The table below lists the meetings attended.\n\n" + rows,
			append(slices.Clone(community), "meeting 2018-08-15 E06000002 antisocial_behaviour", "concern 2018-08-15 E06000002 antisocial_behaviour")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestPartnershipRowNoPublicBusiness: a partnership's or board's row
// whose issues cell says the body had its own business and no questions
// from the public ("Board business only; no public questions") is no
// meeting with the public, even with no sentence saying boards are listed
// for completeness. A community meeting's row saying so, and a board's
// row telling what residents raised, are read as before.
func TestPartnershipRowNoPublicBusiness(t *testing.T) {
	head := "Report to the Police and Crime Panel, 10 October 2018\n\nPROGRAMME OF ENGAGEMENT: AUGUST AND SEPTEMBER 2018\n\n" +
		"| Date | Meeting | Ward / area | Issues raised |\n|---|---|---|---|\n" +
		"| 07/08/18 | Marton West ward meeting | Marton West, Middlesbrough | Cars racing along the main road at night |\n"
	community := []string{"meeting 2018-08-07 E05009865E06000002 speeding", "concern 2018-08-07 E05009865E06000002 speeding"}
	for _, tt := range []struct {
		name, row string
		want      []string
	}{
		{"board business, no public questions",
			"| 15/08/18 | Safer Middlesbrough Partnership Board | Middlesbrough | Partnership business (no public questions) |\n", community},
		{"no questions from the public",
			"| 15/08/18 | Community Safety Board | Middlesbrough | Information sharing between agencies; no questions from the public |\n", community},
		{"board row telling only agencies' joint working",
			"| 15/08/18 | Safer Middlesbrough Partnership Board | Middlesbrough | Joint working between agencies on referrals of vulnerable adults |\n", community},
		{"community safety board sharing information",
			"| 15/08/18 | Community Safety Board | Middlesbrough | Information sharing between partner agencies on repeat victims |\n", community},
		// must not fire: a board's row telling residents' business, and a
		// community meeting with nothing raised
		{"board with residents' issues",
			"| 15/08/18 | Safer Middlesbrough Partnership Board | Middlesbrough | Residents' deputation about cars racing in Acklam |\n",
			append(slices.Clone(community), "meeting 2018-08-15 E06000002 speeding", "concern 2018-08-15 E06000002 speeding")},
		{"board with a crime theme beside the agencies' working",
			"| 15/08/18 | Safer Middlesbrough Partnership Board | Middlesbrough | Joint working between agencies on cars racing in Acklam |\n",
			append(slices.Clone(community), "meeting 2018-08-15 E06000002 partnership,speeding", "concern 2018-08-15 E06000002 partnership,speeding")},
		{"ward meeting telling agencies' joint working",
			"| 15/08/18 | Kader ward meeting | Kader, Middlesbrough | Joint working between agencies on repeat victims |\n",
			append(slices.Clone(community), "meeting 2018-08-15 E05009860E06000002 partnership", "concern 2018-08-15 E05009860E06000002 partnership")},
		{"ward meeting, no public questions",
			"| 15/08/18 | Kader ward meeting | Kader, Middlesbrough | No public questions |\n",
			append(slices.Clone(community), "meeting 2018-08-15 E05009860E06000002 ")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, head+tt.row))
		})
	}
}

// TestConcernAcrossPlaces: a finding told of people "across" two places or
// more of one authority ("Parents across Thornaby and Village ward") is the
// authority's, not the one ward among them; "across" one place, places of
// two authorities, or two places not listed after "across" are read as
// before.
func TestConcernAcrossPlaces(t *testing.T) {
	head := "You said, we did\n\nLast updated: 9 December 2021\n\n| Where and when | You said | We did |\n|---|---|---|\n"
	for _, tt := range []struct {
		name, row string
		want      []string
	}{
		{"across a town and a ward",
			"| Street survey (September to November) | Parents across Thornaby and Village ward said cars go far too fast outside the schools. | Speed checks at school times. |\n",
			[]string{"concern 2021-09-01 E06000004 speeding"}},
		// must not fire
		{"across one ward",
			"| Street survey (September to November) | Parents across Village ward said cars go far too fast outside the schools. | Speed checks at school times. |\n",
			[]string{"concern 2021-09-01 E05001550E06000004 speeding"}},
		{"no across",
			"| Street survey (September to November) | Parents in Village ward said cars go far too fast outside the schools in Thornaby. | Speed checks at school times. |\n",
			[]string{"concern 2021-09-01 E05001550E06000004 speeding"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, head+tt.row))
		})
	}
}

// TestJointMeetingRow: a row whose meeting cell says it was one joint
// meeting of two wards ("Joint residents' meeting, Hart and Seaton wards")
// is their authority's, wherever its venue is; a row naming two wards
// without "joint" keeps its venue's ward.
func TestJointMeetingRow(t *testing.T) {
	head := "Report to the Police and Crime Panel, 10 October 2018\n\nPROGRAMME OF ENGAGEMENT: AUGUST AND SEPTEMBER 2018\n\n" +
		"| Date | Meeting | Venue | Issues raised |\n|---|---|---|---|\n"
	for _, tt := range []struct {
		name, row string
		want      []string
	}{
		{"joint, the wards after a comma",
			"| 07/08/18 | Joint public meeting, Hart and Seaton wards | Seaton Carew Library, Hartlepool | Cars racing along the sea front |\n",
			[]string{"meeting 2018-08-07 E06000001 speeding", "concern 2018-08-07 E06000001 speeding"}},
		// must not fire: no "joint"
		{"two wards, not joint",
			"| 07/08/18 | Hart and Seaton public meeting | Seaton Carew Library, Hartlepool | Cars racing along the sea front |\n",
			[]string{"meeting 2018-08-07 E05008951E06000001 speeding", "concern 2018-08-07 E05008951E06000001 speeding"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, head+tt.row))
		})
	}
}

// TestDaysThenWardsInTurn: days listed first and wards after them with a
// word of order ("On 9 and 10 March he went on walkabouts in Kader
// (Middlesbrough) and then Brotton (Redcar and Cleveland)") are one
// meeting a day, each in its ward in turn; a ward's authority in brackets
// is its address. Without the word of order, which day was whose is not
// said, and the sentence is read as before.
func TestDaysThenWardsInTurn(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 April 2018\n\nPROGRAMME OF ENGAGEMENT: FEBRUARY AND MARCH 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"and then, authorities in brackets",
			head + "On 13 and 14 March the Commissioner went on walkabouts with PCSOs in Kader (Middlesbrough) and then Brotton (Redcar and Cleveland). At both, people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009860E06000002 off_road_bikes", "meeting 2018-03-14 E05001505E06000003 off_road_bikes",
				"concern 2018-03-13 E05009860E06000002 off_road_bikes", "concern 2018-03-14 E05001505E06000003 off_road_bikes"}},
		{"respectively",
			head + "On 13 and 14 March he held surgeries at Hemlington and Brotton respectively, where people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009859E06000002 ", "meeting 2018-03-14 E05001505E06000003 off_road_bikes", "concern 2018-03-14 E05001505E06000003 off_road_bikes"}},
		// A ward named with an everyday word ("Newport") is its ward in its
		// clause, as in the sentence.
		{"respectively, a ward of an everyday word's name",
			head + "On 6 and 13 March the Commissioner attended meetings of the North Ormesby and Newport community councils respectively, where residents spoke about drug dealing.\n",
			[]string{"meeting 2018-03-06 E05009867E06000002 ", "meeting 2018-03-13 E05009866E06000002 drugs", "concern 2018-03-13 E05009866E06000002 drugs"}},
		// A run-in head naming the places before the days, and each
		// ward's venue in brackets after it, leave the pairing as it is.
		{"respectively, a run-in head and venues in brackets",
			head + "4.2 Hemlington and Brotton – On the 13th and 14th of March the Commissioner attended the community meetings in Hemlington (Hemlington Library) and Brotton (the church hall) respectively. In Brotton people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009859E06000002 ", "meeting 2018-03-14 E05001505E06000003 off_road_bikes", "concern 2018-03-14 E05001505E06000003 off_road_bikes"}},
		// Each meeting named with its ward and a venue that names the
		// ward again: the venue is the meeting's, not a ward of the list.
		{"respectively, each meeting's venue naming its ward",
			head + "On 13 March and 14 March respectively, the Commissioner attended the Hemlington ward community meeting at Hemlington Library and the Brotton ward PACT at the church hall. At Brotton people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009859E06000002 ", "meeting 2018-03-14 E05001505E06000003 off_road_bikes", "concern 2018-03-14 E05001505E06000003 off_road_bikes"}},
		// The wards' authority after them is their address.
		{"respectively, both in their authority",
			head + "On 13 March and 20 March the Commissioner attended the Hemlington ward residents' meeting and the Kader ward PACT meeting respectively, both in Middlesbrough. At Kader people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009859E06000002 ", "meeting 2018-03-20 E05009860E06000002 off_road_bikes", "concern 2018-03-20 E05009860E06000002 off_road_bikes"}},
		// One clause per meeting, each attending its own: read in order.
		{"a clause per meeting",
			head + "On 13 March and 20 March the Commissioner held a drop-in at the Hemlington ward community centre, Middlesbrough, and attended the Brotton ward meeting. At Brotton people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009859E06000002 ", "meeting 2018-03-20 E05001505E06000003 off_road_bikes", "concern 2018-03-20 E05001505E06000003 off_road_bikes"}},
		// must not fire: an authority that is not the wards' is not their
		// address (read as before)
		{"respectively, another authority after the wards",
			head + "On 13 March and 20 March the Commissioner attended the Hemlington ward residents' meeting and the Kader ward PACT meeting respectively, both in Hartlepool.\n",
			[]string{"meeting 2018-03-13 E06000001 ", "meeting 2018-03-20 E05009859E06000002 "}},
		// Days, then a plural meeting noun, then as many wards: a reader
		// pairs them in order without a word of order.
		{"days, surgeries, wards",
			head + "On 20 and 27 March the Commissioner held surgeries in Hemlington and in Brotton. At both, residents raised doorstep scams.\n",
			[]string{"meeting 2018-03-20 E05009859E06000002 fraud_scams", "meeting 2018-03-27 E05001505E06000003 fraud_scams",
				"concern 2018-03-20 E05009859E06000002 fraud_scams", "concern 2018-03-27 E05001505E06000003 fraud_scams"}},
		// must not fire: as many wards as days but no plural meeting noun
		// between them, nor a word of order
		{"no word of order",
			head + "On 13 and 14 March the Commissioner went on walkabouts with PCSOs in Hemlington and Brotton.\n",
			[]string{"meeting 2018-03-14 E05009859E06000002 "}},
		// must not fire: a list of three places of which two are found
		// as wards is not two wards in order (read as before)
		{"surgeries, a list longer than its wards",
			head + "On 20 and 27 March the Commissioner held surgeries in Hemlington, Kader and Brotton.\n",
			[]string{"meeting 2018-03-27 E05009859E06000002 "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestTopicConcerns: a residents' or ward meeting whose own sentence names
// what it was about, with no concern cue, has that as a concern raised
// there; not a partners' meeting's business, not the officers who came,
// and not a theme a concern of the meeting already carries.
func TestTopicConcerns(t *testing.T) {
	head := "Posted on 20 March 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"what a residents' meeting was about",
			head + "At the Hemlington residents' meeting on 1 March in the community room, it was mainly about gangs of youths hanging about outside the off-licence.\n",
			[]string{"meeting 2018-03-01 E05009859E06000002 antisocial_behaviour", "concern 2018-03-01 E05009859E06000002 antisocial_behaviour"}},
		// must not fire: a partners' meeting names its business
		{"partners' business",
			head + "On 3 March the Commissioner met partners at Middlesbrough Council to discuss fly-tipping in Hemlington.\n",
			[]string{"meeting 2018-03-03 E05009859E06000002 environmental"}},
		// must not fire: the officers who came
		{"officers at the meeting",
			head + "On 3 March PCSOs and police officers joined the Hemlington residents' meeting at the library.\n",
			[]string{"meeting 2018-03-03 E05009859E06000002 visible_policing"}},
		// must not fire twice: a concern already carries the theme
		{"told as a concern",
			head + "On 3 March the Hemlington ward meeting heard residents complain about drug dealing from a flat.\n",
			[]string{"meeting 2018-03-03 E05009859E06000002 drugs", "concern 2018-03-03 E05009859E06000002 drugs"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestWeekFramingDays: "the week of 12 March" before the days each meeting
// of the sentence was held on frames them; each meeting takes its own day.
// A week alone dates its meeting to the week.
func TestWeekFramingDays(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 April 2018\n\nPROGRAMME OF ENGAGEMENT: FEBRUARY AND MARCH 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a week, then each meeting's day",
			head + "4.2 The Commissioner went to two meetings in the week of 12 March: the Hemlington ward meeting on 13 March, where residents described drug dealing from a flat; and, on 15 March, the Brotton community forum, where people complained about off-road bikes.\n",
			[]string{"meeting 2018-03-13 E05009859E06000002 drugs", "meeting 2018-03-15 E05001505E06000003 off_road_bikes",
				"concern 2018-03-13 E05009859E06000002 drugs", "concern 2018-03-15 E05001505E06000003 off_road_bikes"}},
		// must not fire: the week is the only date
		{"a week alone",
			head + "4.2 In the week of 12 March the Commissioner held a surgery in Hemlington, where residents described drug dealing from a flat.\n",
			[]string{"meeting 2018-03-12 E05009859E06000002 drugs", "concern 2018-03-12 E05009859E06000002 drugs"}}, // (the summary shows a span's first day)
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestPlacesThenDaysRespectively: meetings named for their places by a
// kind other than "ward" ("the Hemlington and Brotton PACT meetings took
// place on 5 and 19 March respectively") are one meeting a day, each in
// its place in turn, with what its own clause says was raised. Without
// "respectively" which day was whose is not said, and the sentence is read
// as before.
func TestPlacesThenDaysRespectively(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 April 2018\n\nPROGRAMME OF ENGAGEMENT: FEBRUARY AND MARCH 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"PACT meetings, respectively",
			head + "The Hemlington and Brotton PACT meetings took place on 5 and 19 March respectively. In Hemlington people described drug dealing from a flat; in Brotton off-road bikes on the playing field were the worry.\n",
			[]string{"meeting 2018-03-05 E05009859E06000002 drugs", "meeting 2018-03-19 E05001505E06000003 off_road_bikes",
				"concern 2018-03-05 E05009859E06000002 drugs", "concern 2018-03-19 E05001505E06000003 off_road_bikes"}},
		{"residents' meetings, respectively",
			head + "He then went to the Hemlington and Brotton residents' meetings, held on 6 and 20 March respectively.\n",
			[]string{"meeting 2018-03-06 E05009859E06000002 ", "meeting 2018-03-20 E05001505E06000003 "}},
		// must not fire: no "respectively", which day was whose is not said
		{"PACT meetings, no word of order",
			head + "The Hemlington and Brotton PACT meetings took place on 5 and 19 March.\n",
			[]string{"meeting 2018-03-05 E05001505E06000003 "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestAgencyBodyNotPublic: a meeting the next sentence (or words set off
// after its name) says is one of partner agencies ("It is a meeting of
// partner agencies and landowners") is no meeting with the public, and
// nothing it dealt with is a concern; one said to be of partners and
// residents, or a plain forum, is read as before.
func TestAgencyBodyNotPublic(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 April 2018\n\nPROGRAMME OF ENGAGEMENT: FEBRUARY AND MARCH 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"next sentence says agencies",
			head + "On 8 March the Commissioner chaired the Tees Farm Crime Forum in Brotton. It is a meeting of partner agencies and landowners and is reported to the Panel separately.\n",
			nil},
		{"appositive says agencies",
			head + "On 8 March the Commissioner chaired the Tees Farm Crime Forum, a group of statutory partners, in Brotton.\n",
			nil},
		// must not fire: residents among those who meet
		{"partners and residents",
			head + "On 8 March the Commissioner chaired the Brotton Community Forum. It is a meeting of partner agencies and residents, who raised speeding on the high street.\n",
			[]string{"meeting 2018-03-08 E05001505E06000003 partnership,speeding", "concern 2018-03-08 E05001505E06000003 partnership,speeding"}},
		// must not fire: a forum, nothing said of whose
		{"a plain forum",
			head + "On 8 March the Commissioner attended the Brotton Community Forum, where residents raised speeding on the high street.\n",
			[]string{"meeting 2018-03-08 E05001505E06000003 speeding", "concern 2018-03-08 E05001505E06000003 speeding"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestEarlierMeetingInOutcomes: a report's outcomes from meetings of an
// earlier period ("Following complaints raised at the Hemlington ward
// meeting in October 2017 about dealing, a warrant was executed in
// January") names a meeting held in that month and what was raised there
// (not the month of what was done after). A month inside the report's
// period, or a meeting named with no month, is read as before.
func TestEarlierMeetingInOutcomes(t *testing.T) {
	head := "Report to the Police and Crime Panel, 6 March 2018\n\nPROGRAMME OF ENGAGEMENT: JANUARY AND FEBRUARY 2018\n\n" +
		"1.1 This report covers engagement between 1 January 2018 and 28 February 2018.\n\n5. Outcomes from earlier meetings\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a month before the period",
			head + "5.1 Following complaints raised at the Hemlington ward meeting in October 2017 about drug dealing near the shops, officers executed a warrant in January.\n",
			[]string{"meeting 2017-10-01 E05009859E06000002 drugs", "concern 2017-10-01 E05009859E06000002 drugs"}},
		// must not fire: the month is the period's
		{"a month of the period (read as before)",
			head + "5.1 Following complaints raised at the Hemlington ward meeting in February 2018 about drug dealing near the shops, officers executed a warrant.\n",
			[]string{"meeting 2018-02-01 E05009859E06000002 drugs", "concern 2018-02-01 E05009859E06000002 drugs"}},
		// must not fire: no month
		{"no month",
			head + "5.1 Following complaints raised at the Hemlington ward meeting about drug dealing near the shops, officers executed a warrant.\n",
			[]string{"concern 2018-01-01 E05009859E06000002 drugs"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summaryLAD(t, tt.doc))
		})
	}
}

// TestImprintNamingAnAssociation: a newsletter's imprint names its
// publisher and the day it went to print ("Printed and published by the
// Saltburn Residents' Association, 4th April 2013"): the issue's date,
// not a meeting of the association.
func TestImprintNamingAnAssociation(t *testing.T) {
	doc := "SALTBURN RESIDENTS' NEWS\n\n" +
		"The Commissioner came to our ward meeting at Emmanuel Church Hall on Thursday 21st March. Residents complained about cars parked on the double yellows in Marine Parade.\n\n" +
		"Printed and published by Saltburn Residents' Association, 4th April 2013.\n"
	require.Equal(t, []string{
		"meeting 2013-03-21 E05001520 parking_traffic",
		"concern 2013-03-21 E05001520 parking_traffic",
	}, summary(t, doc))
}

// TestSinceContactedPeriod: people getting in touch "since April" or
// "since the new year", with no meeting, tell a concern for the stretch
// from then to the publication date, in the place the sentence names:
// not the concern of a meeting the paragraph before told.
func TestSinceContactedPeriod(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"since a month, after a meeting",
			"Commissioner meets Yarm residents\n\nPublished: 9 June 2016\n\n" +
				"On Friday the Commissioner was at the Yarm ward meeting, where residents raised speeding on the High Street.\n\n" +
				"Since April residents of Hartburn ward have also been writing to the Commissioner's office about drug dealing near the shops.\n",
			[]string{
				"meeting 2016-06-03 E05001552 speeding",
				"concern 2016-06-03 E05001552 speeding",
				"concern period 2016-04-01/2016-06-09 E05001537 drugs",
			}},
		{"since a month, later in the sentence",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"Complaints about vans parked on the grass verges in Hartburn have gone up every month since January, residents told the office.\n",
			[]string{"concern period 2013-01-01/2013-04-04 E05001537 parking_traffic"}},
		{"in a month, no since: the month",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"Complaints about vans parked on the grass verges in Hartburn went up in January, residents told the office.\n",
			[]string{"concern month 2013-01-01/2013-01-31 E05001537 parking_traffic"}},
		{"since the new year, a newsletter's",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"Since the new year we have had more complaints about vans parked on the grass verges than about anything else.\n",
			[]string{"concern period 2013-01-01/2013-04-04 E05001537 parking_traffic"}},
		{"since the start of a month, people reporting",
			"Hartburn neighbourhood update\n\nPublished: 20 October 2022\n\n## Your concerns\n\n" +
				"Since the start of September residents in Hartburn have been reporting lads on scramblers tearing across the playing fields.\n",
			[]string{"concern period 2022-09-01/2022-10-20 E05001537 off_road_bikes"}},
		{"since the beginning of the year",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"Since the beginning of the year we have had more complaints about vans parked on the grass verges than about anything else.\n",
			[]string{"concern period 2013-01-01/2013-04-04 E05001537 parking_traffic"}},
		{"since a month, in the writer's inbox",
			"Hartburn neighbourhood update\n\nPublished: 20 October 2022\n\n" +
				"Since August, graffiti on the underpass in Hartburn has come up week after week in my inbox.\n",
			[]string{"concern period 2022-08-01/2022-10-20 E05001537 criminal_damage"}},
		{"since the new year, a steady stream of messages",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"Since the new year the office has had a steady stream of messages from Hartburn residents about vans parked on the grass verges.\n",
			[]string{"concern period 2013-01-01/2013-04-04 E05001537 parking_traffic"}},
		{"since the end of a month: no first day, the month's",
			"Hartburn neighbourhood update\n\nPublished: 20 October 2022\n\n## Your concerns\n\n" +
				"Since the end of September residents in Hartburn have been reporting lads on scramblers tearing across the playing fields.\n",
			[]string{"concern month 2022-09-01/2022-09-30 E05001537 off_road_bikes"}},
		// The "since" clause as what someone reported: still the
		// stretch, not the meeting told before; not when what was
		// reported is the police's own work since then, nor when the
		// reported clause opens on something else.
		{"since a month, reported",
			"Commissioner meets Yarm residents\n\nPublished: 9 June 2016\n\n" +
				"On Friday the Commissioner was at the Yarm ward meeting, where residents raised speeding on the High Street.\n\n" +
				"Councillor Dale told the meeting that since March tenants in the Hartburn ward had been ringing her about drug dealing near the shops.\n",
			[]string{
				"meeting 2016-06-03 E05001552 speeding",
				"concern 2016-06-03 E05001552 speeding",
				"concern period 2016-03-01/2016-06-09 E05001537 drugs",
			}},
		{"since a month, the police's figures",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"The sergeant reported that since January officers had seized four off-road bikes.\n",
			nil},
		{"since inside the reported clause",
			"HARTBURN WARD NEWS\n\nPublished 4 April 2013\n\n" +
				"Councillor Dale said that tenants had rung her since January.\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := newExtractor(t, Config{}).Extract("find.txt", []byte(tt.doc))
			require.NoError(t, err)
			var got []string
			for _, e := range res.Events {
				when := e.Date
				if e.Period != nil {
					when = e.Precision + " " + e.Period.Start + "/" + e.Period.End
				}
				got = append(got, e.Type+" "+when+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestPoliceReportOfResidentsPriorities: in a parish council's police
// item (the police's own account), the sergeant reporting back on "the
// priorities set by residents at the PACT meeting held in February: ..."
// tells what residents raised at that PACT, its concerns; what officers
// did about them stays the police's.
func TestPoliceReportOfResidentsPriorities(t *testing.T) {
	doc := "ESTON PARISH COUNCIL\n\nMINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON MONDAY 9TH MARCH 2015\n\n" +
		"12/15  POLICE UPDATE\n" +
		"        The Sergeant reported back on the priorities set by residents at the PACT meeting held in Eston in February: parking on the pavements outside the school, and motorcycles being ridden on the old railway line. Officers have attended the school on four mornings.\n"
	require.Equal(t, []string{
		"meeting 2015-03-09 E05001508 ",
		"meeting 2015-02-01 E05001508 off_road_bikes,parking_traffic",
		"concern 2015-02-01 E05001508 off_road_bikes,parking_traffic",
	}, summary(t, doc))
}

// TestMeetingThatSetItsPriorities: a meeting named with only its month
// that "agreed", "set" or "chose" its priorities was held that month (a
// newsletter's "In March the PACT meeting at the library set three
// priorities for the local team: ..."); the priorities after the colon
// are its concerns, the officers they were set for no concern of visible
// policing. A meeting that will set priorities, or an officer setting his
// team's with no meeting, is none.
func TestMeetingThatSetItsPriorities(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"set its priorities in a month", "Posted on 2 May 2017\n\n" +
			"In March the Grangetown PACT meeting at the library set three priorities for our neighbourhood officers: cars speeding on Birchington Avenue and drug dealing near the shops.\n",
			[]string{"meeting 2017-03-01 E05001509 drugs,speeding,visible_policing", "concern 2017-03-01 E05001509 drugs,speeding"}},
		{"voted for new priorities", "Posted on 2 May 2017\n\n" +
			"During April the Grangetown PACT voted for new priorities: fly-tipping in the back lanes.\n",
			[]string{"meeting 2017-04-01 E05001509 environmental", "concern 2017-04-01 E05001509 environmental"}},
		{"will set priorities", "Posted on 2 May 2017\n\n" +
			"In June the Grangetown PACT meeting will set new priorities for the local officers.\n",
			nil},
		{"an officer's priorities, no meeting", "Posted on 2 May 2017\n\n" +
			"In March the Grangetown sergeant set three priorities for the team: speeding and drug dealing near the shops.\n",
			nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestJointMeetingOfAWardAndATown: "the Hemlington and Marton PACT" is one
// meeting of a ward and of a town of other wards (Marton East and West):
// the authority's, not the ward's; two wards so joined were already.
func TestJointMeetingOfAWardAndATown(t *testing.T) {
	for _, tt := range []struct{ places, want string }{
		{"Hemlington and Marton", "E06000002"},
		{"Hemlington and Coulby Newham", "E06000002"},
		{"Hemlington", "E05009859E06000002"},
	} {
		doc := "Community news\n\nPublished 30 May 2023\n\nAt the " + tt.places + " PACT meeting on Wednesday 24th May at the library, residents raised groups of youths gathering near the shops and being abusive to staff.\n"
		got := summaryLAD(t, doc)
		require.NotEmpty(t, got, tt.places)
		require.Equal(t, "meeting 2023-05-24 "+tt.want+" antisocial_behaviour", got[0], tt.places)
	}
}

// TestSurgeryDiaryByMonth: a councillor's page titled as a log of one kind
// of meeting ("Surgery diary"), with a heading a month, tells each surgery
// by its day alone ("Back in Greatham on Saturday 6th November. This time
// it was scramblers ...", "A cold morning at the Fens on Saturday 8th
// January ..."): each is a meeting, what follows its concerns.
func TestSurgeryDiaryByMonth(t *testing.T) {
	doc := "# Fens & Greatham ward: surgery diary\n\nPage last updated: 14 March 2022\n\n" +
		"## November 2021\n\nBack in Greatham on Saturday 6th November. This time it was scramblers on the paths out towards the creek.\n\n" +
		"## January 2022\n\nA cold morning at the Fens on Saturday 8th January. Residents told me about dealing from a parked car in the shops car park.\n"
	res, err := newExtractor(t, Config{}).Extract("diary.md", []byte(doc))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.Precision+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
	}
	require.Equal(t, []string{
		"meeting 2021-11-06  E05013040 off_road_bikes",
		"concern 2021-11-06  E05013040 off_road_bikes",
		"meeting 2022-01-08  E05013040 drugs",
		"concern 2022-01-08  E05013040 drugs",
	}, got)
}

// TestPostsDatedAtTheirFootOrHead: a page of several posts, each dated by
// a line at its foot or head (a blog's "<date> Posted in <category>", a
// thread's "<time> · <date> · <n> views", the headers of an e-mail and of
// the one it forwards), counts each post's relative days from its own
// date, and the date lines are no meetings.
func TestPostsDatedAtTheirFootOrHead(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"blog posts",
			"# Bikes on the green\n\nThanks to everyone who came to Tuesday night's Yarm ward meeting. People complained about drug dealing by the shops.\n\n9th March 2017 Posted in Community safety\n\n" +
				"# Surgery news\n\nAt my surgery in Yarm on Saturday morning residents complained about dog fouling on the paths.\n\n20th February 2017 Posted in Surgeries\n",
			[]string{"meeting 2017-03-07 E05001552 drugs", "concern 2017-03-07 E05001552 drugs", "meeting 2017-02-18 E05001552 environmental", "concern 2017-02-18 E05001552 environmental"}},
		{"thread posts",
			"Thread: ward meetings\n\n1/ Tonight the Commissioner was at the Yarm ward meeting. Residents complained about drug dealing by the shops.\n\n21:40 · 4 Mar 2019 · 310 views\n\n" +
				"2/ Yesterday evening she met residents at the Norton North ward meeting, who complained about speeding cars.\n\n09:15 · 7 Mar 2019 · 205 views\n",
			[]string{"meeting 2019-03-04 E05001552 drugs", "concern 2019-03-04 E05001552 drugs", "meeting 2019-03-06 E05001543 speeding", "concern 2019-03-06 E05001543 speeding"}},
		{"a forwarded e-mail",
			"From: Residents' Association <sec@example.org>\nSent: Wednesday, June 14, 2023 7:42 PM\nTo: Members\nSubject: FW: Update\n\nHi all, see the update below.\n\n" +
				"-----Original Message-----\nFrom: Beat team <beat@example.org>\nSent: Friday, June 9, 2023 4:05 PM\nTo: sec@example.org\n\n> Good afternoon,\n>\n> Yesterday evening we met residents at the Yarm ward meeting, who complained\n> about drug dealing by the shops.\n",
			[]string{"meeting 2023-06-08 E05014884 drugs", "concern 2023-06-08 E05014884 drugs"}},
		{"dated at their heads",
			"21:40 · 4 Mar 2019 · 310 views\n\n1/ Last night the Commissioner was at the Yarm ward meeting. Residents complained about drug dealing by the shops.\n\n" +
				"09:15 · 7 Mar 2019 · 205 views\n\n2/ Last night she met residents at the Norton North ward meeting, who complained about speeding cars.\n",
			[]string{"meeting 2019-03-03 E05001552 drugs", "concern 2019-03-03 E05001552 drugs", "meeting 2019-03-06 E05001543 speeding", "concern 2019-03-06 E05001543 speeding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestMeetingToldByItsMonth: a sentence that opens at a meeting told by its
// month ("At the ... meeting in September, people ... told police that
// ...") tells that meeting, with month precision, and what residents said
// there, however many words say where they live.
func TestMeetingToldByItsMonth(t *testing.T) {
	doc := "Posted on 10 November 2016\n\nAt the Norton North ward residents' meeting in September, people living near the station and the old school told police that drivers were regularly breaking the 30mph limit.\n"
	require.Equal(t, []string{"meeting 2016-09-01 E05001543 speeding", "concern 2016-09-01 E05001543 speeding"}, summary(t, doc))
}

// TestMeanwhileEndsTheMeetingsStory: a paragraph that opens "Meanwhile" or
// "In <place>, meanwhile," (or "Separately,", "In a separate matter,")
// tells another story beside the meeting's: its concerns are not the
// meeting's.
func TestMeanwhileEndsTheMeetingsStory(t *testing.T) {
	head := "Posted on 10 November 2016\n\nAt the Norton North ward meeting on Tuesday 8 November, residents complained about speeding on the High Street.\n\n"
	for _, next := range []string{
		"In Yarm, meanwhile, residents have been telling the council about scrambler bikes on the old railway path.\n",
		"Meanwhile, residents have been telling the council about scrambler bikes on the old railway path.\n",
		"Separately, residents have been telling the council about scrambler bikes on the old railway path.\n",
		"In a separate matter, residents have been telling the council about scrambler bikes on the old railway path.\n",
	} {
		require.Equal(t, []string{"meeting 2016-11-08 E05001543 speeding", "concern 2016-11-08 E05001543 speeding"}, summary(t, head+next), next)
	}
	// must not fire: "separate" inside the meeting's story
	require.Equal(t, []string{"meeting 2016-11-08 E05001543 off_road_bikes,speeding", "concern 2016-11-08 E05001543 speeding", "concern 2016-11-08 E05001543 off_road_bikes"},
		summary(t, head+"Two separate groups of residents also complained about scrambler bikes on the old railway path.\n"))
}

// TestAsideBeforeAnotherTime: a writer's aside before another time ("To
// be fair, last year ...", "Mind you, last summer ...") still opens the
// paragraph on that time (otherTimeRE): what it says came up then is not
// the meeting's. An aside with no other time after it goes on with the
// meeting.
func TestAsideBeforeAnotherTime(t *testing.T) {
	head := "Posted on 10 November 2016\n\nAt the Norton North ward meeting on Tuesday 8 November, residents complained about speeding on the High Street.\n\n"
	for _, next := range []string{
		"To be fair, last year it was scrambler bikes on the old railway path that came up at every meeting in Norton.\n",
		"Mind you, last summer the big worry at these meetings was scrambler bikes on the old railway path.\n",
	} {
		require.Equal(t, []string{"meeting 2016-11-08 E05001543 speeding", "concern 2016-11-08 E05001543 speeding"}, summary(t, head+next), next)
	}
	// must not fire: the aside with no other time is the meeting's
	require.Equal(t, []string{"meeting 2016-11-08 E05001543 off_road_bikes,speeding", "concern 2016-11-08 E05001543 speeding", "concern 2016-11-08 E05001543 off_road_bikes"},
		summary(t, head+"To be fair, scrambler bikes on the old railway path came up as well.\n"))
}

// TestHostCouncilPlacesMeeting: a meeting placed by nothing but the
// council that held it ("held by Stockton Borough Council at the Town
// Hall") is in that council's authority (hostCouncil); a town or parish
// council, or a council outside Cleveland, places nothing.
func TestHostCouncilPlacesMeeting(t *testing.T) {
	head := "Commissioner's engagement report, Hartlepool and Stockton-on-Tees\n\nPolice and Crime Panel, 10 December 2013\n\n"
	for _, tt := range []struct {
		para, lad string
	}{
		{"4.1 On 19 November he went to a public safety evening held by Stockton Borough Council at the Town Hall, where people asked about needles left in alleyways.", "E06000004"},
		{"4.1 On 19 November he went to a public safety evening hosted by Redcar and Cleveland Council at the leisure centre, where people asked about needles left in alleyways.", "E06000003"},
		// must not fire: a town council, a council outside Cleveland
		{"4.1 On 19 November he went to a public safety evening held by Brackenfield Town Council at the Sunnyfield hall, where people asked about needles left in alleyways.", ""},
		{"4.1 On 19 November he went to a public safety evening held by Durham County Council at the Town Hall, where people asked about needles left in alleyways.", ""},
	} {
		res, err := newExtractor(t, Config{}).Extract("report.txt", []byte(head+tt.para+"\n"))
		require.NoError(t, err)
		var lads []string
		for _, e := range res.Events {
			if e.Type == "meeting" && e.Date == "2013-11-19" {
				lads = append(lads, e.LADCode)
			}
		}
		if tt.lad == "" {
			require.Empty(t, lads, tt.para)
		} else {
			require.Equal(t, []string{tt.lad}, lads, tt.para)
		}
	}
}

// TestOtherPlaceMeetingEndsStory: a paragraph after a meeting that tells
// another meeting of its own, at another place, though the walk does not
// read it as a meeting (otherPlaceMeeting: "the coffee morning we ran for
// Grove Hill residents", "the police drop in at Hemlington", "a gathering
// in Stockton town centre"), is not the meeting before's: what it says
// came up is not emitted at that meeting's place and day. A paragraph that
// refers back to the meeting, names the meeting's own place or names only
// the authority goes on with the meeting.
func TestOtherPlaceMeetingEndsStory(t *testing.T) {
	head := "Posted on 10 November 2016\n\nAt the Norton North ward meeting on Tuesday 8 November, residents complained about speeding on the High Street.\n\n"
	for _, tt := range []struct {
		next, theme string
		fires       bool
	}{
		{"The coffee morning we ran for Roseworth residents at the church hall was quieter, but a couple of people mentioned needles left in the alley.\n", "drugs", true},
		{"A few of us also popped along to the police drop in at Roseworth, where people were fed up with sheds being broken into.\n", "burglary_theft", true},
		{"At a gathering in Billingham town centre, shopkeepers complained about windows being smashed.\n", "criminal_damage", true},
		// must not fire: the same meeting, its own place, the authority only, a drop in numbers
		{"At the same meeting a couple of people from Roseworth mentioned needles left in the alley.\n", "drugs", false},
		{"The meeting in Norton North also heard about needles left in the alley.\n", "drugs", false},
		{"It was the busiest meeting in Stockton-on-Tees this year, and a couple of people mentioned needles left in the alley.\n", "drugs", false},
		{"There has been a drop in burglaries in Roseworth, but residents complained about sheds being broken into.\n", "burglary_theft", false},
	} {
		// (the meeting's day: told at the meeting before, wherever placed)
		atMeeting := slices.ContainsFunc(summary(t, head+tt.next), func(e string) bool {
			return strings.HasPrefix(e, "concern 2016-11-08 ") && strings.HasSuffix(e, " "+tt.theme)
		})
		require.Equal(t, !tt.fires, atMeeting, tt.next)
	}
	// A meeting placed only by its town, named again with its ward ("The
	// public meeting, organised by Roseworth ward councillors ..."), is
	// the same meeting: its story goes on.
	town := "Posted on 10 November 2016\n\nAngry residents crammed into a Stockton church hall on Tuesday night to demand action on drug dealing.\n\n"
	got := summary(t, town+"The public meeting, organised by Roseworth ward councillors, heard that sheds were being broken into.\n")
	require.True(t, slices.ContainsFunc(got, func(e string) bool {
		return strings.HasPrefix(e, "concern 2016-11-08 ") && strings.HasSuffix(e, " burglary_theft")
	}), "%v", got)
}

// TestNotOurIssueDropped: a matter the record disowns as its place's
// (notOurIssue: "not a local issue", "(Not a Norton matter.)" after it) is
// not a concern raised at the meeting; "not a new problem" and "not a
// police matter" still are.
func TestNotOurIssueDropped(t *testing.T) {
	head := "Posted on 10 November 2016\n\nAt the Norton North ward meeting on Tuesday 8 November, residents complained about speeding on the High Street.\n\n"
	for _, tt := range []struct {
		next, theme string
		fires       bool
	}{
		{"One man said his cousin in Leeds had lost money to a doorstep scam. (Not a Norton North matter, and no action taken.)\n", "fraud_scams", true},
		{"A member spoke of graffiti on a bridge in Darlington, which was not a local issue.\n", "criminal_damage", true},
		{"Someone mentioned drug dealing near her daughter's flat in York. This was not a Norton problem.\n", "drugs", true},
		// must not fire: raised again, passed to the council, disowned of the sentence after only
		{"A couple of people mentioned needles left in the alley. This is not a new problem.\n", "drugs", false},
		{"A couple of people mentioned needles left in the alley, not a police matter but the council's.\n", "drugs", false},
		{"A couple of people mentioned needles left in the alley. The scams are not a Norton problem.\n", "drugs", false},
	} {
		got := summary(t, head+tt.next)
		at := slices.ContainsFunc(got, func(e string) bool {
			return strings.HasPrefix(e, "concern 2016-11-08 ") && strings.HasSuffix(e, " "+tt.theme)
		})
		require.Equal(t, !tt.fires, at, "%s: %v", tt.next, got)
	}
}

// TestRunInDiaryHead: a heading of what is to come that pdftotext ran into
// its first item ("Dates for your diary AGM – Tuesday 19th November ...")
// makes the paragraph's meetings planned, as the heading would; a
// paragraph that only mentions a diary tells what was held.
func TestRunInDiaryHead(t *testing.T) {
	head := "Posted on 14 October 2019\n\n"
	// (no publication date: only the head says the AGM is to come)
	res, err := newExtractor(t, Config{}).Extract("news.txt", []byte("Dormanstown residents\n\nDates for your diary AGM – Tuesday 19th November 2019, 7pm, Dormanstown community centre. The PCSO will attend.\n"))
	require.NoError(t, err)
	require.Empty(t, res.Events)
	require.Len(t, res.Planned, 1)
	require.Equal(t, []string{"meeting 2019-10-08 E05012440 speeding", "concern 2019-10-08 E05012440 speeding"},
		summary(t, head+"Diary of a busy week: on Tuesday 8 October residents at the Dormanstown community centre meeting raised speeding.\n"))
}

// TestMonthMeetingsInPlaces: a sentence with its own month and meetings in
// the plural at two places ("During January the Commissioner held open
// surgeries in Loftus and in Brotton") is one meeting at each place that
// month, and "At both" is said at each; one surgery in one place is one.
func TestMonthMeetingsInPlaces(t *testing.T) {
	head := "Posted on 20 February 2014\n\n"
	require.Equal(t, []string{
		"meeting 2014-01-01 E05001514 speeding",
		"meeting 2014-01-01 E05001505 speeding",
		"concern 2014-01-01 E05001514 speeding",
		"concern 2014-01-01 E05001505 speeding",
	}, summary(t, head+"During January the Commissioner held open surgeries in Loftus and in Brotton. At both, residents raised the speed of traffic on the coast road.\n"))
	require.Equal(t, []string{
		"meeting 2014-01-01 E05001514 speeding",
		"concern 2014-01-01 E05001514 speeding",
	}, summary(t, head+"During January the Commissioner held an open surgery in Loftus, where residents raised the speed of traffic on the road to Brotton.\n"))
}

// TestSpacedDropIn: "the police drop in at Throston", written without its
// hyphen, is a drop-in as "drop-in" is; "a drop in burglaries" is none.
func TestSpacedDropIn(t *testing.T) {
	head := "Posted on 30 March 2022\n\n"
	require.Equal(t, []string{"meeting 2022-03-15 E05013048 burglary_theft", "concern 2022-03-15 E05013048 burglary_theft"},
		summary(t, head+"On 15 March a few of us went along to the police drop in at Throston, where people were worried about sheds being broken into.\n"))
	require.Equal(t, []string{"concern 2022-03-15 E05013048 burglary_theft"},
		summary(t, head+"On 15 March police reported a drop in burglaries in Throston, though residents complained about sheds being broken into.\n"))
}

// TestContractedWillIsToCome: a meeting told with "will" contracted ("they'll
// do a street surgery in July, date to follow") is one to come, as with
// "will" (futureRE): its month without a year is the next, not last
// year's (willBefore: the contraction before the day). A meeting told in
// the past with another contraction, or with "we'll" only after its day,
// stays held.
func TestContractedWillIsToCome(t *testing.T) {
	head := "Published: 12 June 2019\n\n"
	res, err := newExtractor(t, Config{}).Extract("notes.txt", []byte(head+"- The PCSOs say they'll do a street surgery in Grangetown in July, date to follow.\n"))
	require.NoError(t, err)
	require.Empty(t, res.Events)
	require.Len(t, res.Planned, 1)
	require.Equal(t, "2019-07-01", res.Planned[0].Date)
	// must not fire
	require.Equal(t, []string{"meeting 2019-05-01 E05001509 speeding", "concern 2019-05-01 E05001509 speeding"},
		summary(t, head+"At the public meeting in Grangetown in May, residents said they'd had enough of speeding.\n"))
	require.Equal(t, []string{"meeting 2019-06-08 E05012442 burglary_theft", "concern 2019-06-08 E05012442 burglary_theft"},
		summary(t, head+"On Saturday 8 June I joined the ward councillors on a walkabout in Grangetown, where residents told us about sheds being broken into, and we'll come back with bike marking for them.\n"))
}

// TestDaysMeetingToldAgainByItsPossessive: "Tuesday's meeting" after the
// meeting told on that Tuesday is the same meeting, though the sentence
// names a team by its town ("the Stockton South team"); a ward named there
// would be another meeting's.
func TestDaysMeetingToldAgainByItsPossessive(t *testing.T) {
	doc := "Posted on Friday 10 March 2017\n\nOn Tuesday evening residents packed the Norton North ward community meeting, complaining about speeding on the High Street.\n\n" +
		"Neighbourhood officers from the Stockton South team attended Tuesday's meeting and have agreed to hold surgeries at the library.\n"
	require.Equal(t, []string{"meeting 2017-03-07 E05001543 speeding", "concern 2017-03-07 E05001543 speeding"}, summary(t, doc))
}

// TestNextDoorIsNoTimeToCome: a heading that says "next door" (a visit to
// the neighbouring ward) is no heading of meetings to come.
func TestNextDoorIsNoTimeToCome(t *testing.T) {
	doc := "Posted on Saturday 28 January 2017\n\n## A visit next door\n\nOn Wednesday I went along to the Norton North ward meeting, where residents complained about speeding on the High Street.\n"
	require.Equal(t, []string{"meeting 2017-01-25 E05001543 speeding", "concern 2017-01-25 E05001543 speeding"}, summary(t, doc))
}

// TestCoffeeAndChat: a "coffee and chat" with residents is a meeting, as a
// coffee morning is.
func TestCoffeeAndChat(t *testing.T) {
	doc := "Posted on 12 March 2024\n\nThis morning: coffee and chat with older residents at the Norton North community centre. Lots of questions about scam texts.\n"
	require.Equal(t, []string{"meeting 2024-03-12 E05014876 fraud_scams", "concern 2024-03-12 E05014876 fraud_scams"}, summary(t, doc))
}

// TestCuppaWithACopper: the police's "cuppa with a copper" (or "coffee
// with a cop") is a meeting with the public, and one a note says is
// "coming to" a place is one to come, not held; "a cop" alone is none.
func TestCuppaWithACopper(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"held", "Cuppa with a copper at the Norton North community centre on Monday 11 March. Most of the chat was about scam texts.",
			[]string{"meeting 2024-03-11 E05014876 fraud_scams", "concern 2024-03-11 E05014876 fraud_scams"}},
		{"coffee with a cop", "Coffee with a Cop at the Norton North community centre on Monday 11 March: people asked about scam texts.",
			[]string{"meeting 2024-03-11 E05014876 fraud_scams", "concern 2024-03-11 E05014876 fraud_scams"}},
		{"coming, in a note", "- Police \"Cuppa with a Copper\" coming to the Norton North community centre some time in May, date tbc.", nil},
		{"a cop alone", "A cop at the Norton North community centre on Monday 11 March was asked about scam texts.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(t, "Posted on 14 March 2024\n\n"+tc.body+"\n")
			if tc.want == nil {
				for _, g := range got {
					require.NotContains(t, g, "meeting")
				}
				return
			}
			require.Equal(t, tc.want, got)
		})
	}
}

// TestTownsWardNamedAtATownsMeeting: told at a meeting placed by its town,
// a concern naming one of the town's wards ("Stockton Town Centre ward,
// Stockton Central Library: ...") is of that ward, though the town's name
// is among the places it names.
func TestTownsWardNamedAtATownsMeeting(t *testing.T) {
	doc := "Posted on 14 March 2024\n\nTwo meetings in Stockton tonight:\n\n- Stockton Town Centre ward, Stockton Central Library: shoplifting from High Street stores.\n"
	require.Equal(t, []string{"meeting 2024-03-14  burglary_theft", "concern 2024-03-14 E05014882 burglary_theft"}, summary(t, doc))
}

// TestPoliceToldAreNoPolicingConcern: officers whom residents told or met
// ("told our PCSOs they had found ...", "met their neighbourhood police
// team") are no concern about policing; officers residents asked to see
// more of still are.
func TestPoliceToldAreNoPolicingConcern(t *testing.T) {
	head := "Posted on 10 June 2023\n\nAt the Norton North ward meeting on Thursday 8 June, "
	require.Equal(t, []string{"meeting 2023-06-08 E05014876 drugs", "concern 2023-06-08 E05014876 drugs"},
		summary(t, head+"residents told our PCSOs they had found drug paraphernalia in the car park.\n"))
	// the officers residents went round with on a walkabout: company,
	// not policing raised
	walk := "Posted on 10 June 2023\n\nOn Thursday 8 June members of the Norton North residents' group joined the PCSO for a walkabout round the flats. "
	require.Equal(t, []string{"meeting 2023-06-08 E05014876 criminal_damage", "concern 2023-06-08 E05014876 criminal_damage"},
		summary(t, walk+"Graffiti on the garages was what everyone pointed out.\n"))
	require.Equal(t, []string{"meeting 2023-06-08 E05014876 visible_policing", "concern 2023-06-08 E05014876 visible_policing"},
		summary(t, walk+"Residents complained that they never see PCSOs on the estate.\n"))
	require.Equal(t, []string{"meeting 2023-06-08 E05014876 visible_policing", "concern 2023-06-08 E05014876 visible_policing"},
		summary(t, head+"residents complained that they never see PCSOs on the estate.\n"))
}

// TestRemedyWantedAfterTheMatter: a matter raised without a cue, then the
// remedy residents want after a comma ("vans going too fast past the
// school, they're wanting a Speed Watch"), is the matter's concern: the
// remedy wanted is no action taken. An action the police took, or a
// remedy wanted with no matter before it, is none.
func TestRemedyWantedAfterTheMatter(t *testing.T) {
	head := "Posted on 10 June 2023\n\nJean went to the Norton North ward meeting on Thursday 8 June. "
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"Main thing was vans going too fast past the school, they're wanting a Speed Watch.",
			[]string{"meeting 2023-06-08 E05014876 speeding", "concern 2023-06-08 E05014876 speeding"}},
		{"Lots of dog mess on the paths - people are calling for more bins.",
			[]string{"meeting 2023-06-08 E05014876 environmental", "concern 2023-06-08 E05014876 environmental"}},
		{"Officers have set up a Speed Watch on the main road.",
			[]string{"meeting 2023-06-08 E05014876 "}},
		{"Residents are wanting a Speed Watch.",
			[]string{"meeting 2023-06-08 E05014876 "}},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.s+"\n"), tt.s)
	}
}

// TestHeardLoudAndClearAbout: "we heard loud and clear about ...", "we
// heard a lot about ..." in a team's post after its meeting is what
// residents raised there, as "heard about" is; hearing from the council
// about its own plans is not.
func TestHeardLoudAndClearAbout(t *testing.T) {
	head := "Posted on 10 June 2023\n\nThanks to all who came to the Norton North ward meeting on Thursday 8 June. "
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"We heard loud and clear about parking on the pavements outside the school.",
			[]string{"meeting 2023-06-08 E05014876 parking_traffic", "concern 2023-06-08 E05014876 parking_traffic"}},
		{"We heard a lot about drug dealing behind the parade.",
			[]string{"meeting 2023-06-08 E05014876 drugs", "concern 2023-06-08 E05014876 drugs"}},
		{"We heard loud and clear from the council that the new speed cameras are working.",
			[]string{"meeting 2023-06-08 E05014876 "}},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.s+"\n"), tt.s)
	}
}

// TestMainThingThereWas: "the main thing there was ...", "main thing found
// was ..." in a record of a meeting or walkabout tells what was raised or
// found there, even when the sentence names a place of its own ("on the
// main road through Norton"); "the main thing is to ..." (advice) is no
// concern.
func TestMainThingThereWas(t *testing.T) {
	head := "Minutes of the monthly meeting held Monday 14th November 2022, Community House\n\nPat and Ron went to the PACT meeting for Norton North on Tuesday 1st November at Norton Community Centre as some of the problems cross over. "
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"The main thing there was speeding on the main road through Norton, the residents want a speed watch.",
			[]string{"meeting 2022-11-14  ", "meeting 2022-11-01 E05001543 speeding", "concern 2022-11-01 E05001543 speeding"}},
		{"Main thing found was fly tipping behind the shops and bags left by the garages.",
			[]string{"meeting 2022-11-14  ", "meeting 2022-11-01 E05001543 environmental", "concern 2022-11-01 E05001543 environmental"}},
		{"The main thing is to ring 101 if you see fly tipping behind the shops.",
			[]string{"meeting 2022-11-14  ", "meeting 2022-11-01 E05001543 "}},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.s+"\n"), tt.s)
	}
}

// TestHostTeamIsNoPolicingConcern: the neighbourhood police team named as
// the one that held or ran the meeting ("our neighbourhood policing team
// hosted a drop-in ... after complaints about ...") is the host, not a
// concern about policing; residents asking for the team back still are.
func TestHostTeamIsNoPolicingConcern(t *testing.T) {
	head := "Posted on 10 June 2023\n\n"
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"On Thursday 8 June our neighbourhood policing team hosted a drop-in at Norton North library after residents complained about drug dealing in the car park.",
			[]string{"meeting 2023-06-08 E05014876 drugs", "concern 2023-06-08 E05014876 drugs"}},
		{"On Thursday 8 June the neighbourhood police team ran a street briefing in Norton North ward after complaints about cars racing at night.",
			[]string{"meeting 2023-06-08 E05014876 speeding", "concern 2023-06-08 E05014876 speeding"}},
		{"At the Norton North ward meeting on Thursday 8 June residents complained that they want a neighbourhood policing team back on the estate.",
			[]string{"meeting 2023-06-08 E05014876 visible_policing", "concern 2023-06-08 E05014876 visible_policing"}},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.s+"\n"), tt.s)
	}
}

// TestJointMeetingOfQuarters: "Eaglescliffe East & West joint meeting"
// names two wards, the second by its quarter alone: one meeting of both,
// placed by the authority, and so are the concerns told at it.
func TestJointMeetingOfQuarters(t *testing.T) {
	doc := "Posted on 9 June 2023\n\nEAGLESCLIFFE EAST & WEST JOINT MEETING - 25 May, Egglescliffe Village Hall\nThe main concerns were speeding along Yarm Road.\n"
	require.Equal(t, []string{"meeting 2023-05-25  speeding", "concern 2023-05-25  speeding"}, summary(t, doc))
}

// TestRecapOfMeetingsDropped: a report's summary that a theme was raised
// in a ward over the period retells that ward's meeting; a ward with no
// such meeting, a theme the meeting did not raise, and a concern told for
// the whole authority are concerns of their own.
func TestRecapOfMeetingsDropped(t *testing.T) {
	head := "Programme of Engagement report to the Police and Crime Panel, 14 November 2020, covering September and October 2020.\n\n" +
		"On 12 September 2020 the Commissioner attended the Grangetown ward meeting, where residents raised off-road bikes on the cinder tracks.\n\n"
	tests := []struct {
		name, recap string
		want        []string
	}{
		{"ward recap", "Off-road bikes stayed the issue most often raised with the Commissioner in the period, above all in Grangetown.",
			[]string{"meeting 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-12 E05012442 off_road_bikes"}},
		{"other ward", "Off-road bikes stayed the issue most often raised with the Commissioner in the period, above all in Eston.",
			[]string{"meeting 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-01 E05012441 off_road_bikes"}},
		{"other theme", "Residents in Grangetown wrote to the office throughout the period about drug dealing.",
			[]string{"meeting 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-01 E05012442 drugs"}},
		{"authority", "Across Redcar and Cleveland, off-road bikes were raised with the Commissioner throughout the period.",
			[]string{"meeting 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-01  off_road_bikes"}},
		// A ranking of what was raised ("remains the most common
		// complaint raised") recaps the meetings for the authority too
		// (mostRaisedRE); not for a theme no meeting there raised.
		{"authority ranking", "Off-road bikes remain the most common complaint raised with the Commissioner in Redcar and Cleveland.",
			[]string{"meeting 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-12 E05012442 off_road_bikes"}},
		{"authority ranking, another theme", "Drug dealing was again the most frequent concern raised with the Commissioner in Redcar and Cleveland.",
			[]string{"meeting 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-12 E05012442 off_road_bikes", "concern 2020-09-01  drugs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, head+"5. RECURRING THEMES\n\n5.1 "+tt.recap+"\n"))
		})
	}
}

// TestRecordOpeningLineIsSticky: minutes whose title, day and venue run
// together in their first lines are one meeting's record: the items under
// its numbered headings are that meeting's concerns. A news item that
// opens by telling a meeting is no record: a heading ends its story.
func TestRecordOpeningLineIsSticky(t *testing.T) {
	minutes := "GRANGETOWN RESIDENTS GROUP (monthly)\nMinutes of meeting held Weds 9th Oct, 7pm\nVenue: the library\n\n" +
		"3. Issues raised by residents\n - Motorbikes ridden on the cinder track most evenings. Neighbours frightened. PCSO to pass on.\n - Dog mess on the paths by the school.\n\n" +
		"Minutes written up by J. Moore 15/10/19.\n"
	require.Equal(t, []string{"meeting 2019-10-09 E05012442 environmental,off_road_bikes", "concern 2019-10-09 E05012442 off_road_bikes", "concern 2019-10-09 E05012442 environmental"},
		summaryFile(t, "minutes.txt", minutes))
	news := "Commissioner meets Grangetown residents\nPosted on 15 October 2019\n\nThe Commissioner met residents at the Grangetown ward meeting on 9 October 2019.\n\n" +
		"Other news\n - Motorbikes ridden on the cinder track most evenings. Neighbours frightened. PCSO to pass on.\n"
	require.Equal(t, []string{"meeting 2019-10-09 E05012442 "}, summaryFile(t, "news.txt", news))
}

// TestMeetingsRoundup: a round-up of a week's ward meetings. A joint
// meeting "for the X and Y wards" is its authority's; "The following
// evening, Wednesday 10th, Loftus residents raised ..." is Loftus's meeting
// that day; a place's residents telling something in a document about no
// meeting are no meeting.
func TestMeetingsRoundup(t *testing.T) {
	head := "Online ward meetings\n\nPosted on Monday 22nd March 2021\n\nSix online ward meetings have been held over the fortnight.\n\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"joint for wards", head + "The first, on Tuesday 9 March, was a joint online meeting for the Coatham and Zetland wards, where residents talked about drug dealing.\n",
			[]string{"meeting 2021-03-09  drugs", "concern 2021-03-09  drugs"}},
		{"joint for two wards, then its venue", head + "The first, on Tuesday 9 March, was a joint residents' meeting for Coatham and Zetland, held at the Coatham Memorial Hall, where residents talked about drug dealing.\n",
			[]string{"meeting 2021-03-09  drugs", "concern 2021-03-09  drugs"}},
		{"joint for a ward and its town's street", head + "The first, on Tuesday 9 March, was a joint residents' meeting for Coatham and Zetland Road residents, where residents talked about drug dealing.\n",
			[]string{"meeting 2021-03-09 E05012439 drugs", "concern 2021-03-09 E05012439 drugs"}},
		{"joint of one ward", head + "The first, on Tuesday 9 March, was an online meeting for the Coatham ward, where residents talked about drug dealing.\n",
			[]string{"meeting 2021-03-09 E05012439 drugs", "concern 2021-03-09 E05012439 drugs"}},
		{"residents raised", head + "The first, on Tuesday 9 March, was the Coatham ward meeting, where residents talked about drug dealing. The following evening, Wednesday 10th, Loftus residents raised thefts of quad bikes from farms.\n",
			[]string{"meeting 2021-03-09 E05012439 drugs", "meeting 2021-03-10 E05012447 rural_crime", "concern 2021-03-09 E05012439 drugs", "concern 2021-03-10 E05012447 rural_crime"}},
		{"no meeting document", "Rural thefts\n\nPosted on Monday 22nd March 2021\n\nPolice are appealing for witnesses. On Wednesday 10 March Loftus residents told officers that quad bikes had been taken from farms.\n",
			[]string{"concern 2021-03-10 E05012447 rural_crime"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestHeldNamedAfterTable: paragraphs under a table of a month's
// surgeries and briefings name them again by place: "At the X street
// briefing", "At both X surgeries" (each of the two), "In X, residents at
// the drop-in told us"; a place with no meeting in the table, or "In X"
// with no meeting after it, gives no meeting's concern.
// TestTableMeetingDayCountedAgain: after a table of meetings, "The X
// meeting a week later was dominated by ..." tells the table's X meeting
// again, a week after the one the paragraph before told
// (toldAgainApart), not a meeting a week after the table's last row; a
// day that fits no two of the table's meetings is not read as X's.
func TestTableMeetingDayCountedAgain(t *testing.T) {
	head := "<html><body><h1>Report of the Commissioner: engagement, April to May 2019</h1><p>Police and Crime Panel, 11 June 2019</p><h2>3. MEETINGS</h2>" +
		"<table><tr><th>Date</th><th>Engagement</th><th>Local authority</th></tr>" +
		"<tr><td>7 May 2019</td><td>Loftus ward meeting, Loftus Town Hall</td><td>Redcar &amp; Cleveland</td></tr>" +
		"<tr><td>14 May 2019</td><td>Brotton ward meeting, Brotton Library</td><td>Redcar &amp; Cleveland</td></tr>" +
		"<tr><td>24 May 2019</td><td>Guisborough police surgery, Market Place</td><td>Redcar &amp; Cleveland</td></tr></table>" +
		"<h2>4. WHAT RESIDENTS RAISED</h2><p>4.1 At Loftus on 7 May people spoke about drug dealing near the bus stops.</p>"
	for _, tt := range []struct {
		para  string
		fires bool
	}{
		{"The Brotton meeting a week later was dominated by tools taken from vans overnight.", true},
		{"The Brotton meeting, a week later, heard about tools taken from vans overnight.", true},
		// must not fire: no meeting of the table is that far before Brotton's
		{"The Brotton meeting two days later was dominated by tools taken from vans overnight.", false},
		{"The Brotton meeting the following day was dominated by tools taken from vans overnight.", false},
	} {
		got := summaryFile(t, "report.html", head+"<p>4.2 "+tt.para+"</p></body></html>")
		require.Equal(t, tt.fires, slices.Contains(got, "concern 2019-05-14 E05012438 burglary_theft"), "%s: %v", tt.para, got)
	}
}

func TestHeldNamedAfterTable(t *testing.T) {
	head := "# Neighbourhood team - May update\n\nPosted on 3 June 2019\n\n## Surgeries and street briefings\n\n| When | What | Where |\n|---|---|---|\n" +
		"| Sat 11 May | Street briefing | Loftus, outside the Co-op |\n| Fri 10 May and Fri 24 May | Police surgery | Guisborough, Market Place |\n| Tue 21 May | PCSO drop-in | Brotton library |\n\n"
	tests := []struct {
		name, para string
		want       []string
	}{
		{"street briefing", "At the Loftus street briefing people mainly wanted to talk about drug dealing near the bus stops.",
			[]string{"concern 2019-05-11 E05012447 drugs"}},
		{"both surgeries", "At both Guisborough surgeries we were asked about shoplifting from the shops on Westgate.",
			[]string{"concern 2019-05-10 E05012443 burglary_theft", "concern 2019-05-24 E05012443 burglary_theft"}},
		{"in place residents at", "In Brotton, residents at the drop-in told us about thefts from vans parked overnight.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"no meeting there", "At the Skelton street briefing people mainly wanted to talk about drug dealing near the bus stops.", nil},
		{"in place no meeting", "In Brotton, thefts from vans parked overnight have gone up.", nil},
		// "In X the issues were", "X residents raised", "The X drop-in was
		// concerned with", "The X drop-in, which ..., heard": the meeting
		// the table told there.
		{"in place the issues were", "In Brotton the issues were vans broken into overnight and tools taken.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"in place the main concern was", "In Brotton, the main concern was tools taken from vans overnight.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"place residents raised", "Loftus residents raised drug dealing near the bus stops.",
			[]string{"concern 2019-05-11 E05012447 drugs"}},
		{"meeting was concerned with", "The Brotton drop-in was mostly concerned with tools taken from vans overnight.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"meeting which clause heard", "The Brotton drop-in, which is held in the library, heard about tools taken from vans overnight.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"residents raised, no meeting there", "Skelton residents raised drug dealing near the bus stops.", nil},
		{"residents since written (not the meeting)", "Loftus residents have since written to us about drug dealing near the bus stops.", nil},
		{"the issues, no meeting there", "In Skelton the issues were vans broken into overnight and tools taken.", nil},
		// "In X, residents described", "Members at X reported", "In X, ...
		// was the main item": the meeting the table told there.
		{"in place, residents described", "In Brotton, residents described tools taken from vans overnight.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"members at place reported", "Members at Loftus reported drug dealing near the bus stops.",
			[]string{"concern 2019-05-11 E05012447 drugs"}},
		{"in place, issue the main item", "In Brotton, tools taken from vans overnight were the main item.",
			[]string{"concern 2019-05-21 E05012438 burglary_theft"}},
		{"in place, residents described, no meeting there", "In Skelton, residents described tools taken from vans overnight.", nil},
		{"in place, main item, no meeting there", "In Skelton, tools taken from vans overnight were the main item.", nil},
		{"members at place, no meeting there", "Members at Skelton reported drug dealing near the bus stops.", nil},
		{"in place, residents have written (not the meeting)", "In Brotton, residents have written to us about tools taken from vans overnight.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range summaryFile(t, "update.md", head+tt.para+"\n") {
				if strings.HasPrefix(e, "concern") {
					got = append(got, e)
				}
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestResidentsAssociationMembers: in a residents' or tenants'
// association's own newsletter, "Members told the sergeant about ..." and
// "members also contacted the committee about ..." are its residents
// raising concerns; in a Panel report (no association's title) "Members"
// are the Panel's, and "members" not telling or raising anything, or
// "members of the panel", are no residents.
func TestResidentsAssociationMembers(t *testing.T) {
	assoc := "# Linthorpe Tenants' Association - Spring Bulletin 2019\n\nPublished: 2 April 2019\n\n# Police news\n\n"
	panel := "# Report to the Police and Crime Panel\n\nPublished: 2 April 2019\n\n# Police news\n\n"
	meeting := "Our neighbourhood sergeant, Amy Cole, came to the Linthorpe ward meeting in Middlesbrough on Tuesday 12 March. "
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"members told, at a meeting", assoc + meeting + "Members told her about drug dealing from a flat above the launderette. She said she would pass it on.\n",
			[]string{"concern 2019-03-12 E05009862 drugs"}},
		{"members contacted, in a month", assoc + meeting + "\n\nDuring February, members also contacted the committee about vans parked on the pavements in Linthorpe.\n",
			[]string{"concern 2019-02-01 E05009862 parking_traffic"}},
		{"a panel's members (not fired)", panel + meeting + "Members told her about drug dealing from a flat above the launderette. She said she would pass it on.\n", nil},
		{"members of the panel (not fired)", assoc + meeting + "Members of the panel told her about drug dealing in other towns. She said she would pass it on.\n", nil},
		{"members not telling (not fired)", assoc + meeting + "Members helped her hand out leaflets on drug dealing. She said she would pass it on.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range summaryFile(t, "bulletin.md", tt.doc) {
				if strings.HasPrefix(e, "concern") {
					got = append(got, e)
				}
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestHeldNamedBeforeTable: a Panel report tells in its narrative what was
// raised at meetings it names by place without their days ("At the Loftus
// ward meeting ...", "In Guisborough, the PACT meeting raised ..."), then
// lists the meetings with their days in a table: each concern is the
// meeting the table dated there. A place with no meeting in the table, a
// table with no date column, or a place not named as a meeting's gives no
// meeting's concern.
func TestHeldNamedBeforeTable(t *testing.T) {
	head := "Report of the Commissioner to the Police and Crime Panel\n\n2 July 2019\n\n1.0 Community meetings\n\n"
	table := "\n\n2.0 Meetings attended\n\n| Date | Meeting | Location |\n|---|---|---|\n" +
		"| 14 May | Loftus Ward Meeting | Loftus |\n| 21 May | Guisborough PACT | Guisborough |\n| 4 June | Brotton Residents' Forum | Brotton |\n"
	undated := "\n\n2.0 Meetings attended\n\n| Meeting | Location |\n|---|---|\n" +
		"| Loftus Ward Meeting | Loftus |\n| Guisborough PACT | Guisborough |\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"at the ward meeting", head + "1.1 At the Loftus ward meeting residents complained about drug dealing behind the parade." + table,
			[]string{"concern 2019-05-14 E05012447 drugs"}},
		{"the PACT meeting raised", head + "1.1 In East Cleveland, the Guisborough PACT meeting raised shoplifting from the shops on Westgate." + table,
			[]string{"concern 2019-05-21 E05012443 burglary_theft"}},
		{"at place, the worry was", head + "1.1 Drug dealing came up twice. At Brotton the worry was dealing from a flat above the shops." + table,
			[]string{"concern 2019-06-04 E05012438 drugs"}},
		{"no meeting there (not fired)", head + "1.1 At the Skelton ward meeting residents complained about drug dealing behind the parade." + table, nil},
		{"table without days (not fired)", head + "1.1 At the Loftus ward meeting residents complained about drug dealing behind the parade." + undated, nil},
		{"place not named as a meeting's (not fired)", head + "1.1 Drug dealing in Loftus has been the subject of several letters." + table, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range summaryFile(t, "poe.md", tt.doc) {
				if strings.HasPrefix(e, "concern") {
					got = append(got, e)
				}
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestIssuesGroupedBySubject: a report's issues grouped by subject, each
// subject a short line over entries naming the places of the meetings at
// which it was raised: the subject's theme at the one meeting the report's
// table told in each place (a day in brackets picks among several); a
// place with no meeting, or several and no day, gives nothing; a sentence
// with its own month is read as usual; an entry that does not open with
// its places, or text under a heading that names no subject, is not such
// an entry.
func TestIssuesGroupedBySubject(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 July 2017\n\nPROGRAMME OF ENGAGEMENT: APRIL AND MAY 2017\n\n" +
		"| Date | Meeting | Ward | Type |\n|---|---|---|---|\n" +
		"| 3 May 2017 | Hemlington residents' meeting | Hemlington | Community |\n" +
		"| 9 May 2017 | Grangetown ward meeting | Grangetown | Community |\n" +
		"| 11 May 2017 | Park End & Beckfield ward meeting | Park End & Beckfield | Community |\n" +
		"| 23 May 2017 | Hemlington residents' meeting | Hemlington | Community |\n\n" +
		"Issues raised, by subject, with the meetings where they came up:\n\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{"two places, each at its meeting", "Burglary\n   Grangetown (sheds forced open on the allotments) and Park End & Beckfield (tools taken from\n   garages).\n",
			[]string{"2017-05-09 E05001509 burglary_theft", "2017-05-11 E05009870 burglary_theft"}},
		{"the day in brackets picks among several", "Dog fouling\n   Hemlington (23 May), along the paths by the school.\n",
			[]string{"2017-05-23 E05009859 environmental"}},
		{"the heading's theme, not the entry's words", "Anti-social behaviour\n   Park End & Beckfield: teenagers throwing eggs and smashing windows.\n",
			[]string{"2017-05-11 E05009870 antisocial_behaviour"}},
		{"several meetings there and no day: none", "Speeding\n   Hemlington, on the road past the shops.\n", nil},
		{"no meeting there: none; a sentence with its own month is read as usual", "Drug dealing\n   Marton, where buyers wait in the car park.\n   During April the office also had letters from Grangetown tenants about dealing on\n   their street.\n",
			[]string{"month:2017-04-01/2017-04-30 E05001509 drugs"}},
		{"an entry that does not open with its places (not fired)", "Scams\n   Grangetown residents described calls from fake bank staff.\n",
			nil},
		{"a heading that names no subject (not fired)", "Other matters\n   Grangetown (sheds forced open on the allotments).\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := newExtractor(t, Config{}).Extract("poe.txt", []byte(head+tt.body))
			require.NoError(t, err)
			var got []string
			for _, e := range res.Events {
				if e.Type == "concern" {
					got = append(got, eventWhen(e)+" "+e.WardCode+" "+strings.Join(e.Themes, ","))
				}
			}
			require.ElementsMatch(t, tt.want, got)
		})
	}
}

// TestTypeColumnPartnerRows: a table of engagements whose "Type" column
// tells meetings open to residents from the rest: a row of partners, of
// governance or internal is no meeting with the public, though its place
// column names a ward.
func TestTypeColumnPartnerRows(t *testing.T) {
	tests := []struct {
		kind string
		want bool
	}{
		{"Community", true},
		{"Residents' forum", true},
		{"Community / partner", true},
		{"Partner", false},
		{"Partner / governance", false},
		{"Internal", false},
		{"Statutory board", false},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			doc := "Report to the Police and Crime Panel, 4 July 2017\n\nEngagement in April and May 2017\n\n| Date | Meeting | Ward / Area | Type |\n|---|---|---|---|\n" +
				"| 9 May 2017 | Grangetown gathering | Grangetown | " + tt.kind + " |\n"
			got := summary(t, doc)
			if tt.want {
				require.Equal(t, []string{"meeting 2017-05-09 E05001509 "}, got)
			} else {
				require.Empty(t, got)
			}
		})
	}
}

// TestMeetingCellPartnerBracket: with no Type column, a meeting's cell
// that says in brackets whom it was with ("Farm Watch group (partner
// agencies)", "(partners only)", "(multi-agency)") tells a meeting with
// partners, which the row lists for the Commissioner's time: none with the
// public, though its name gives a theme and its place column a ward. A
// bracket naming anything else (a venue, the public) leaves the meeting.
func TestMeetingCellPartnerBracket(t *testing.T) {
	for _, tt := range []struct {
		meeting, issues string
		want            []string
	}{
		{"Tees Farm Watch group (partner agencies)", "", nil},
		{"Tees Farm Watch group (partners only)", "", nil},
		{"Anti-social behaviour tasking (multi-agency)", "Quarterly figures.", nil},
		{"Hate Crime Forum (partner meeting)", "", nil},
		{"Grangetown gathering (St Matthew's church hall)", "", []string{"meeting 2017-05-09 E05001509 "}},
		{"Grangetown gathering (residents and partners)", "", []string{"meeting 2017-05-09 E05001509 "}},
		{"Grangetown gathering", "Youths causing a nuisance outside the shops.", []string{"meeting 2017-05-09 E05001509 antisocial_behaviour", "concern 2017-05-09 E05001509 antisocial_behaviour"}},
	} {
		doc := "Report to the Police and Crime Panel, 4 July 2017\n\nEngagement in April and May 2017\n\n| Date | Meeting | Ward / Area | Issues raised |\n|---|---|---|---|\n" +
			"| 9 May 2017 | " + tt.meeting + " | Grangetown | " + tt.issues + " |\n"
		require.Equal(t, tt.want, summary(t, doc), tt.meeting)
	}
}

// TestIssuesCellActionNote: in an "Issues raised / action" cell, a
// sentence noting what was done with the issues, its doer left out
// ("Referred to the NPT; extra patrols agreed"), is the office's action,
// no issue raised; a sentence that opens with the issue keeps it.
func TestIssuesCellActionNote(t *testing.T) {
	for _, tt := range []struct {
		issues string
		want   []string
	}{
		{"Scrambler bikes on the cricket field. Referred to the NPT; more patrols agreed.", []string{"meeting 2017-05-09 E05001509 off_road_bikes", "concern 2017-05-09 E05001509 off_road_bikes"}},
		{"Scrambler bikes on the cricket field. Passed on to the council, with a request for foot patrols.", []string{"meeting 2017-05-09 E05001509 off_road_bikes", "concern 2017-05-09 E05001509 off_road_bikes"}},
		// must not fire: the issue opens the sentence
		{"Scrambler bikes on the cricket field. Residents want foot patrols back.", []string{"meeting 2017-05-09 E05001509 off_road_bikes,visible_policing", "concern 2017-05-09 E05001509 off_road_bikes,visible_policing"}},
	} {
		doc := "Report to the Police and Crime Panel, 4 July 2017\n\nEngagement in April and May 2017\n\n| Date | Meeting | Area | Issues raised / action |\n|---|---|---|---|\n" +
			"| 9 May 2017 | Grangetown gathering | Grangetown | " + tt.issues + " |\n"
		require.Equal(t, tt.want, summary(t, doc), tt.issues)
	}
}

// TestMeetingBracketIssues: brackets right after a meeting that name
// themes, and no day or meeting, are what was raised there ("the Oakfield
// ward meeting (dog fouling on the green, and cars parked across
// drives)"); brackets of attendance, venue, a day or a body are not.
func TestMeetingBracketIssues(t *testing.T) {
	tests := []struct {
		bracket string
		want    []string
	}{
		{"(cars racing along the bypass, and vans left parked on the pavement)", []string{"concern 2017-05-09 E05001509 parking_traffic,speeding"}},
		{"(graffiti on the bus shelters)", []string{"concern 2017-05-09 E05001509 criminal_damage"}},
		{"(around thirty residents)", nil},
		{"(held in the library)", nil},
		{"(9 May)", nil},
		{"(the Rural Crime Forum's)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.bracket, func(t *testing.T) {
			doc := "Report to the Police and Crime Panel, 4 July 2017\n\n3.1 On 9 May 2017 he attended the Grangetown ward meeting in Eston " + tt.bracket + ", and went on to a partnership board.\n"
			var got []string
			for _, e := range summary(t, doc) {
				if strings.HasPrefix(e, "concern") {
					got = append(got, e)
				}
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestPoliceAbsentConcern: the police as the subject of their own absence
// ("officers are hardly ever seen") is what residents say of them, a
// concern with no cue; the police's account of what officers are doing is
// not.
func TestPoliceAbsentConcern(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"People in the flats felt that officers are hardly ever seen on the estate now.", true},
		{"Police are never around after the shops shut, one couple said.", true},
		{"Several thought PCSOs were no longer seen on foot in the village.", true},
		{"Officers are patrolling the park on Friday nights.", false},
		{"Officers are working with the council on the empty houses.", false},
		{"The police are seen as slow to answer 101 calls.", false},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			require.Equal(t, tt.want, cuelessConcern(tt.s))
		})
	}
}

// TestCouncillorsOwnWard: a councillor's blog that tells readers near its
// top which ward the writer represents ("your councillor for Fairfield")
// places the writer's surgeries held at venues the gazetteer does not know
// in that ward, not in a town a later item names in passing; without such
// a line, or when it names two wards or only a town, the authority as
// before. A residents' group's first person plural ("we're still in
// Fairfield ward") says the same of its readers.
func TestCouncillorsOwnWard(t *testing.T) {
	const post = `---
title: "Notes from my Friday drop-in"
date: 2024-03-11T09:00:00Z
---

Morning everyone. As some of you know, %s Thanks for reading.

### Friday's drop-in

Last Friday's drop-in at the Oakleaf Rooms was well attended. Residents wanted to talk about:

- Vans parked on the pavements all along Beacon Crescent.
- A man said the counter at Billingham police station had shut early twice when he went to report a theft.
`
	for _, tc := range []struct {
		intro string
		ward  string
	}{
		{"since the by-election I'm one of your two ward councillors for Fairfield.", "E05014866"},
		{"I am your local councillor for the Fairfield ward, in Stockton.", "E05014866"},
		// must not fire
		{"I was elected in May and this blog is where I keep people up to date.", ""},
		{"Cllr Dent is the councillor for Fairfield and spoke at the launch.", ""},
		{"I'm your councillor for Fairfield, and my colleague is your councillor for Hartburn.", ""},
		{"I'm one of your councillors for Thornaby.", ""},
		// a residents' group telling its readers their ward
		// (groupOwnWardRE)
		{"after all the boundary changes we're still in Fairfield ward.", "E05014866"},
		{"we are now part of the Fairfield ward, so the councillors have changed.", "E05014866"},
		// must not fire: no ward word, no name, or a town
		{"we are still in Fairfield, just.", ""},
		{"we are your ward councillors and we hold a drop-in each month.", ""},
		{"we're still in Thornaby ward, whatever the map says.", ""},
		{"our estate is in Fairfield ward since the boundary changes.", "E05014866"},
		{"our estate is near Fairfield ward.", ""},
		{"their estate is in Fairfield ward.", ""},
	} {
		got := summaryFile(t, "post.md", fmt.Sprintf(post, tc.intro))
		require.NotEmpty(t, got, tc.intro)
		require.Equal(t, "meeting 2024-03-08 "+tc.ward+" parking_traffic,visible_policing", got[0], tc.intro)
	}
	// a group's aside saying where its readers live, at the foot
	got := summaryFile(t, "post.md", fmt.Sprintf(post, "the AGM is coming up.")+"\n### Other news\n\nThe bins go out on Thursdays.\n\nThe hall is booked for May.\n\nThe raffle raised £40.\n\n(Our estate is in Fairfield ward since the boundary changes in 2023, in case you wondered why the councillors are different.)\n")
	require.Equal(t, "meeting 2024-03-08 E05014866 parking_traffic,visible_policing", got[0])
}

// TestSignedWard: a newsletter or post signed as one ward's writers' in
// its imprint ("published ... on behalf of the Fairfield ward
// councillors"), its writer's line about themselves at its foot ("X is a
// councillor for Fairfield ward") or a residents' association's name
// alone in its masthead or sign-off places the meetings it tells by venue
// only in that ward, and a town the meeting's paragraph names in passing
// in another sentence ("a firm from Billingham") does not move it there;
// a sign-off naming a town, two wards, or a ward inside a sentence keeps
// the authority.
func TestSignedWard(t *testing.T) {
	const doc = `%s

Thanks to everyone who came to our spring meeting at the Oakleaf Rooms on Tuesday 5th March 2024. Residents raised vans parked on the pavements all along Beacon Crescent. The vans belong to a firm from Billingham.

A reminder that the bins go out on Thursdays now.

%s
`
	for _, tc := range []struct {
		top, foot string
		ward      string
	}{
		{"RIVERSIDE ROUNDUP - from your ward councillors", "Printed and published by J. Rowe on behalf of the Fairfield ward councillors, 12th March 2024.", "E05014866"},
		{"Notes from the spring meeting", "Sam Hale is an independent councillor for Fairfield ward, Stockton-on-Tees.", "E05014866"},
		{"Notes from the spring meeting", "Thanks, Jo (secretary)\n\nFairfield Residents' Association", "E05014866"},
		{"Fairfield Tenants & Residents Association", "Thanks, Jo (secretary)", "E05014866"},
		// an association named for one of the places a joint ward's name
		// joins ("Salters Lane" in "Hardwick & Salters Lane") is that ward's
		{"Salters Lane Tenants & Residents Association", "Thanks, Jo (secretary)", "E05014868"},
		{"Notes from the spring meeting", "Thanks, Jo (secretary)\n\nSalters Lane Residents' Association", "E05014868"},
		// must not fire
		{"Oakleaf Tenants & Residents Association", "Thanks, Jo (secretary)", ""},
		{"Notes from the spring meeting", "We thanked the Salters Lane Residents' Association for the tea and cakes.", ""},
		{"Notes from the spring meeting", "Printed and published by J. Rowe, 4 Beacon Crescent, 12th March 2024.", ""},
		{"Notes from the spring meeting", "The Fairfield ward councillors came along too and stayed for tea.", ""},
		{"Notes from the spring meeting", "The next meeting was called for by the Fairfield ward councillors.", ""},
		{"Notes from the spring meeting", "Printed and published by J. Rowe for the Fairfield ward councillors.", "E05014866"},
		{"Notes from the spring meeting", "Printed and published on behalf of the Fairfield and Hartburn ward councillors.", ""},
		{"Notes from the spring meeting", "Sam Hale is an independent councillor for Billingham.", ""},
		{"Notes from the spring meeting", "Thanks, Jo (secretary)\n\nBillingham Residents' Association", ""},
		{"Notes from the spring meeting", "We thanked the Fairfield Residents' Association for the tea and cakes.", ""},
	} {
		got := summaryFile(t, "news.txt", fmt.Sprintf(doc, tc.top, strings.ReplaceAll(tc.foot, `\n`, "\n")))
		require.NotEmpty(t, got, tc.foot)
		require.Equal(t, "meeting 2024-03-05 "+tc.ward+" parking_traffic", got[0], tc.top+" / "+tc.foot)
	}
}

// TestCouncillorsSiteTagline: a councillor's own site whose header gives
// the councillor's name and a tagline naming the ward after "for"
// ("Standing up for Hartburn") places the writer's surgery, told with no
// place, in that ward; a tagline under no councillor's name, or naming a
// town, leaves it at the authority.
func TestCouncillorsSiteTagline(t *testing.T) {
	const page = `<html><head><title>Saturday surgery</title></head><body>
<header class="site-header"><p class="site-title">%s</p><p class="site-description">%s</p></header>
<main><article><p class="posted-on">Posted on 11 March 2024</p><h1>Saturday surgery</h1>
<p>At my surgery on Saturday morning two residents came to see me about vans parked on the pavements all along Beacon Crescent.</p>
<p>The council's offices in Stockton-on-Tees open again on Monday.</p></article></main>
<footer class="site-footer"><p>Proudly powered by WordPress</p></footer></body></html>`
	for _, tc := range []struct {
		title, tagline, ward string
	}{
		{"Cllr Sam Hale", "Standing up for Hartburn", "E05014869"},
		{"Councillor Sam Hale", "Working for the people of Hartburn", "E05014869"},
		// must not fire
		{"Hartburn Matters", "Standing up for Hartburn", ""},
		{"Cllr Sam Hale", "Standing up for Stockton-on-Tees", ""},
	} {
		got := summaryFile(t, "post.html", fmt.Sprintf(page, tc.title, tc.tagline))
		require.NotEmpty(t, got, tc.tagline)
		require.Equal(t, "meeting 2024-03-09 "+tc.ward+" parking_traffic", got[0], tc.title+" / "+tc.tagline)
	}
}

// TestAgencyMeetingIsNoPublicMeeting: a tasking meeting, a joint action
// group or a case conference is the agencies' working meeting, no meeting
// with the public, though the team "attended" it on a day; a sentence that
// tells a public meeting besides keeps that one.
func TestAgencyMeetingIsNoPublicMeeting(t *testing.T) {
	const page = "Posted on 14 June 2022\n\n%s\n"
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Our sergeant went along to the Hartlepool multi-agency tasking meeting on 7 June, where the fly-tipping reports were handed to the council.", nil},
		{"On 8 June we took the complaints about scramblers to the monthly partners' tasking meeting.", nil},
		{"PCSO Dale attended a joint action group meeting on Thursday 9 June about the empty houses on Avenue Road.", nil},
		// must not fire
		{"Residents at the Rossmere ward meeting on 6 June complained about scramblers, and the team passed this to the tasking meeting.", []string{"meeting 2022-06-06 E05013045 off_road_bikes", "concern 2022-06-06 E05013045 off_road_bikes"}},
		{"Around twenty residents attended the Rossmere community meeting on 6 June to talk about scramblers.", []string{"meeting 2022-06-06 E05013045 off_road_bikes", "concern 2022-06-06 E05013045 off_road_bikes"}},
	} {
		require.Equal(t, tc.want, summary(t, fmt.Sprintf(page, tc.text)), tc.text)
	}
}

// TestConcernAtTownMeetingPlacedAsIt: a concern told at a meeting placed
// by its town or authority is placed as the meeting is, though it names a
// ward ("why Dormanstown never sees a police car" at the meeting for the
// whole of Redcar); a ward called so, or named for its own meeting ("At
// the Park End & Beckfield Community Council ..."), is that ward's.
func TestConcernAtTownMeetingPlacedAsIt(t *testing.T) {
	head := "Posted on 25 June 2018\n\nA few of us went along to the Commissioner's public meeting in Redcar town centre on Thursday 7th June 2018. It was for the whole of Redcar so it was packed. "
	tests := []struct {
		name, text string
		want       []string
	}{
		{"ward named", "Our secretary asked why Dormanstown hardly ever sees a police car any more.",
			[]string{"meeting 2018-06-07  visible_policing", "concern 2018-06-07  visible_policing"}},
		{"ward called so", "Our secretary asked why Dormanstown ward hardly ever sees a police car any more.",
			[]string{"meeting 2018-06-07  visible_policing", "concern 2018-06-07 E05001507 visible_policing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, head+tt.text+"\n"))
		})
	}
	got := summary(t, "Report to the Police and Crime Panel, 20 March 2018\n\n3.3 On the evening of 24 January 2018 the Commissioner attended two Middlesbrough meetings. At the Park End & Beckfield Community Council the main complaint was scramblers ridden across the playing fields.\n")
	require.Contains(t, got, "concern 2018-01-24 E05009870 off_road_bikes")
}

// TestPoliceOfAPlaceIsNotWhere: "the Stockton South neighbourhood
// inspector" at a residents' association's meeting is whose officer came,
// not where the meeting was: the association's town (its title) stands.
func TestPoliceOfAPlaceIsNotWhere(t *testing.T) {
	doc := "# Spring Newsletter 2024\n\n# Yarm Residents' Association\n\nPosted on 2 April 2024\n\n" +
		"Around 45 residents came to our public meeting on Thursday 7 March at the Methodist Church hall, where the Stockton South neighbourhood inspector and our PCSO answered questions.\n\n" +
		"Speeding was the issue most people wanted to talk about, especially on Leven Road.\n"
	require.Equal(t, []string{"meeting 2024-03-07 E05014884 speeding,visible_policing", "concern 2024-03-07 E05014884 speeding"}, summaryFile(t, "news.md", doc))
}

// TestTravelledOutside: a meeting the Commissioner travelled to, in a
// place the gazetteer does not know ("travelled to Barnard Castle"), is
// outside the force area: not placed at the document's area, emitted with
// no code.
func TestTravelledOutside(t *testing.T) {
	head := "# East Cleveland meetings\n\nPosted on 15 October 2021\n\nThe Commissioner has been meeting residents across East Cleveland.\n\n"
	require.Equal(t, []string{"meeting 2021-10-14 Barnard Castle rural_crime", "concern 2021-10-14 Barnard Castle rural_crime"},
		outsideSummary(t, "news.md", head+"Yesterday he travelled to Barnard Castle to sit alongside neighbouring commissioners at a public meeting for farmers, where thefts of machinery were discussed.\n"))
	require.Contains(t, summaryFile(t, "news.md", head+"Yesterday he travelled to Loftus to sit alongside residents at a public meeting for farmers, where thefts of machinery were discussed.\n"),
		"meeting 2021-10-14 E05012447 rural_crime")
}

// TestMeetingInUnknownEstateGoesOn: a later paragraph naming the meeting
// again at an estate's hall the gazetteer does not know ("Residents at the
// meeting in Oakfield Community Centre also complained of ...") goes on
// with the meeting told before; only one said to be over the border is a
// meeting of its own.
func TestMeetingInUnknownEstateGoesOn(t *testing.T) {
	doc := "# Residents meet police\n\nPosted on 10 September 2021\n\nAbout forty people came to a meeting of the Seaton Residents' Association on Thursday afternoon to talk about anti-social behaviour.\n\n" +
		"Two men were charged after an incident last week.\n\n" +
		"Residents at the meeting in Owton Rise Community Centre also complained of drug dealing in the back lanes.\n"
	require.Contains(t, summary(t, doc), "concern 2021-09-09 E05013047 drugs") // (Seaton, the 2020 ward)
}

// TestMonthNamedMeetingJoined: "joined us at our May residents' meeting"
// is a meeting in May, in a newsletter dated by its issue line; "as
// promised at our September meeting" is not one.
func TestMonthNamedMeetingJoined(t *testing.T) {
	head := "BURN VALLEY WARD NEWS\nIssue 9 - June 2013\n\n"
	require.Equal(t, []string{"meeting 2013-05-01 E05008942 visible_policing", "concern 2013-05-01 E05008942 visible_policing"},
		summary(t, head+"The Commissioner joined us at our May residents' meeting in the Grange Road Community Hall. Residents said they hardly ever see an officer walking round the ward.\n"))
	require.Empty(t, summary(t, head+"The Secretary reported that the Commissioner had written to us, as promised at our May meeting.\n"))
}

// TestOfficersAlongAndQuoteGoingOn: PCSOs named among who walked round
// with the Commissioner are no concern of visible policing ("fewer PCSOs"
// is); an official's quotation going on in the next paragraph, opened by
// its mark, is still the official speaking.
func TestOfficersAlongAndQuoteGoingOn(t *testing.T) {
	head := "# Commissioner in Thornaby\n\nPosted on Friday 21st November 2014\n\n"
	walk := "On Wednesday of last week he walked round Stainsby Hill ward with the ward councillors, PCSOs and a group of residents, who pointed out dog fouling and litter on the paths near the shops.\n\n"
	require.Equal(t, []string{"meeting 2014-11-12 E05001548 environmental", "concern 2014-11-12 E05001548 environmental"}, summaryFile(t, "news.md", head+walk))
	fewer := "On Wednesday of last week he walked round Stainsby Hill ward with residents, who said there were fewer PCSOs on the paths near the shops.\n\n"
	require.Contains(t, summaryFile(t, "news.md", head+fewer), "concern 2014-11-12 E05001548 visible_policing")
	quote := "Mr Coppinger said: \"Residents were very clear with me about what matters to them. I will pass their concerns on.\n\n\"Neighbourhood policing is the backbone of the service, and despite the cuts I am determined to protect it.\"\n"
	require.Equal(t, []string{"meeting 2014-11-12 E05001548 environmental", "concern 2014-11-12 E05001548 environmental"}, summaryFile(t, "news.md", head+walk+quote))
}

// TestCountOfMeetingsSummed: "attended eight community meetings across
// Middlesbrough and Redcar and Cleveland during July and August" sums up
// the months' meetings, no meeting of its own; "a series of walkabouts in
// Roseworth" between two days is one.
func TestCountOfMeetingsSummed(t *testing.T) {
	require.Empty(t, summary(t, "Report to the Police and Crime Panel, 19 September 2017\n\n3.2 The Commissioner attended eight community meetings across Middlesbrough and Redcar and Cleveland during July and August, in addition to his partnership commitments.\n"))
	require.NotEmpty(t, summary(t, "# A busy week\n\nPublished Wednesday 11 September 2019\n\nBetween Wednesday 4 and Friday 6 September he joined the neighbourhood team for a series of walkabouts in Roseworth; residents complained about off-road bikes on the playing fields.\n"))
}

// TestBarePartnershipMeetingDropped: a partnership's, board's or council
// committee's meeting the report says nothing more of is no meeting with the public; one told
// with what it dealt with stays.
func TestBarePartnershipMeetingDropped(t *testing.T) {
	head := "Report to the Police and Crime Panel, 12 July 2022\n\n"
	require.Empty(t, summary(t, head+"4.1 In the same period the Commissioner attended the Safer Hartlepool Partnership (12 May) and the Stockton Health and Wellbeing Board (25 May).\n"))
	require.Equal(t, []string{"meeting 2022-05-12  hate_crime", "concern 2022-05-12  hate_crime"},
		summary(t, head+"4.1 On 12 May the Commissioner attended the Hartlepool Hate Crime Partnership, where members raised the under-reporting of racist abuse.\n"))
	// A council's committee by its name, with nothing said of it, likewise.
	blog := "Posted on 19 October 2018\n\nThanks to everyone at the Rossmere residents' meeting last night, where people complained about off-road bikes.\n\n" +
		"(I also sat on the council's Audit and Governance Committee on Wednesday, which I won't bore you with.)\n"
	require.Equal(t, []string{"meeting 2018-10-18 E05008944 off_road_bikes", "concern 2018-10-18 E05008944 off_road_bikes"}, summary(t, blog))
	// The theme a body's own name gives ("Partnership") says nothing of
	// what was raised there: bare still. A theme told of it keeps it.
	post := "Posted on 21 June 2024\n\n"
	for _, c := range []struct {
		doc  string
		want []string
	}{
		{post + "## Thursday in Stockton\n\nThursday meant the Community Safety Partnership board and then an afternoon of paperwork.\n", nil},
		{post + "## Thursday in Stockton\n\nOn Thursday I sat through the Community Safety Partnership meeting, all figures and slides.\n", nil},
		{post + "## Thursday in Stockton\n\nOn Thursday I chaired the Redcar Community Safety Partnership board, where members raised shoplifting in the town centre.\n", []string{"meeting 2024-06-20  burglary_theft", "concern 2024-06-20  burglary_theft"}},
		// must not fire: the paragraph tells what the body dealt with
		{post + "## Thursday in Stockton\n\nOn Thursday I chaired the Community Safety Partnership board to agree better information sharing between agencies.\n", []string{"meeting 2024-06-20  partnership"}},
		// (a public meeting's theme of partnership working is its own)
		{post + "## Thursday in Stockton\n\nOn Thursday residents at the Norton ward meeting asked for better partnership working on fly-tipping.\n", []string{"meeting 2024-06-20  environmental,partnership", "concern 2024-06-20  environmental,partnership"}},
	} {
		require.Equal(t, c.want, summary(t, c.doc), c.doc)
	}
}

// TestBracketedDaysListJointHostsAndRecaps: a report's list of meetings
// naming its month once and each meeting's day in brackets after its
// place ("In June ... ward meetings in Kader (4th), Park (11th) and
// Ladgate (25th)") is one meeting a day, each at its own place, though
// "Park" is a word too; one joint meeting that two wards' councillors
// hosted is their authority's; a paragraph saying its meetings were
// partnership meetings gives none; a summary sentence referring back to
// a paragraph ("(see 3.1)") adds no concern of its own.
func TestBracketedDaysListJointHostsAndRecaps(t *testing.T) {
	const head = "Report to the Police and Crime Panel, 10 July 2019\n\n1.1 To update Members on the Commissioner's engagement between May and June 2019.\n\n"
	const list = "3.1 In June the Commissioner attended ward meetings in Linthorpe (4th), Newport (11th) and Acklam (25th). Speeding was raised at all three. At Newport, residents also spoke of drug dealing.\n\n"
	listed := []string{
		"meeting 2019-06-04 E05009862 speeding", "meeting 2019-06-11 E05009866 drugs,speeding", "meeting 2019-06-25 E05009853 speeding",
		"concern 2019-06-04 E05009862 speeding", "concern 2019-06-11 E05009866 speeding", "concern 2019-06-25 E05009853 speeding", "concern 2019-06-11 E05009866 drugs"}
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"bracketed days of one month, each its place", head + list, listed},
		{"no month before the brackets: no meetings", "Report to the Police and Crime Panel, 10 July 2019\n\n" + strings.Replace(list, "In June the", "The", 1), nil},
		{"joint meeting hosted by two wards' councillors", head + "3.2 On 5 June the Parkfield and Oxbridge and Newtown ward councillors hosted a joint community meeting at the library, where residents raised dog fouling.\n",
			[]string{"meeting 2019-06-05  environmental", "concern 2019-06-05  environmental"}},
		{"one ward's councillors hosting: that ward's", head + "3.2 On 5 June the Newtown ward councillors hosted a community meeting at the library, where residents raised dog fouling.\n",
			[]string{"meeting 2019-06-05 E05001541 environmental", "concern 2019-06-05 E05001541 environmental"}},
		{"a lead-in's brackets say its list is not community meetings", head + "3.4 Other meetings attended in June (not community meetings): the Youth Forum on 12 June; the Safer Middlesbrough Partnership (Middlesbrough) on 19 June.\n", nil},
		{"partnership meetings listed for information", head + "3.3 The Commissioner also attended the Youth Forum (12 June) and the Safer Stockton Partnership (19 June). These were partnership meetings, listed for information only.\n", nil},
		{"a recap referring back", head + list + "4.1 Speeding was again the commonest complaint raised at community meetings in Middlesbrough (see 3.1).\n", listed},
		{"a paragraph to come is no recap", head + "4.1 Residents at the Kader ward meeting on 4 June raised speeding (see 5.1 below).\n",
			[]string{"meeting 2019-06-04 E05009860 speeding", "concern 2019-06-04 E05009860 speeding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
}

// TestJointHostsPartnersOnlyAndSeeParaRules: the wordings of the three
// rules, and those they must not take.
func TestJointHostsPartnersOnlyAndSeeParaRules(t *testing.T) {
	for _, tt := range []struct {
		re   string
		text string
		want bool
	}{
		{"joint", " ward councillors hosted a joint PACT meeting at the hall", true},
		{"joint", " residents met at a joint community forum", true},
		{"joint", " residents held meetings of their own", false},
		{"joint", " councillors attended the joint action group", false},
		{"joint", " councillors, with the joint meeting", false},
		{"partners", "These were partnership meetings, listed for information only.", true},
		{"partners", "Both were governance meetings.", true},
		{"partners", "They are not public meetings.", true},
		{"partners", "These are not community meetings and no local issues are recorded against them.", true},
		{"partners", "These are not the only community meetings the team holds.", false},
		{"partners", "5.2 Further meetings she went to (not public meetings): the Safer Redcar board on 3 March; the Victims' Forum on 9 March.", true},
		{"partners", "Also attended (partnership meetings): Youth Forum, 12 June.", true},
		{"partners", "He went to the Safer Stockton board (not a public meeting) and the Hardwick ward meeting on 4 May.", false},
		{"partners", "She attended three meetings (not community meetings) in May, and one ward meeting.", false},
		{"partners", "Meetings attended (community meetings): Park ward on 4 May.", false},
		{"partners", "He also sat on the Safer Redcar board on 3 May; those meetings are partner meetings and are left out of the table.", true},
		{"partners", "These two were governance meetings, not open to residents.", true},
		{"partners", "Those meetings are usually well attended by residents.", false},
		{"partners", "Those meetings were community meetings in every ward.", false},
		{"partners", "Partnership meetings will be reported separately.", false},
		{"partners", "The partnership meeting heard from residents about speeding.", false},
		{"agencies", "He went to the Tees Farm Watch group in Stokesley, a meeting of the police, the water company and council officers, which agreed a plan.", true},
		{"agencies", "She chaired the county lines group, a gathering of partner agencies.", true},
		{"agencies", "He went to the Hutton forum, a meeting of about forty people, where speeding came up.", false},
		{"agencies", "A meeting of officers was held.", false},
		{"see", "Fly-tipping came up again (see 3.4).", true},
		{"see", "as set out at 3.2 above", true},
		{"see", "(see paragraphs 4.1 and 4.3)", true},
		{"see", "the speed limit was cut to 20 (2.5 miles of road)", false},
		{"see", "(see 6.1 below)", false},
		{"see", "(see page 4)", false},
	} {
		re := map[string]*regexp.Regexp{"joint": jointHeldByRE, "partners": partnersOnlyRE, "see": seeParaRE, "agencies": agenciesMeetingRE}[tt.re]
		require.Equal(t, tt.want, re.MatchString(tt.text), "%s: %q", tt.re, tt.text)
		if tt.re == "agencies" {
			require.Equal(t, tt.want, agenciesOnlyMeeting(tt.text), "%q", tt.text)
		}
	}
	// residents in the paragraph keep its meeting one with the public
	require.False(t, agenciesOnlyMeeting("He went to the Hutton forum, a meeting of the police and council officers; residents asked about speeding."))
}

// TestWhereResidentsHadBeenTargeted: a meeting's "where" clause telling
// what had happened to the residents who came is a concern raised there;
// victims told outside a meeting are not.
func TestWhereResidentsHadBeenTargeted(t *testing.T) {
	const head = "Report to the Police and Crime Panel, 10 July 2019\n\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"victims at the meeting", head + "2.3 On 9 June he went to the Linthorpe residents' forum, where two pensioners had been targeted by doorstep sellers.\n",
			[]string{"meeting 2019-06-09 E05009862 fraud_scams", "concern 2019-06-09 E05009862 fraud_scams"}},
		{"victims told outside a meeting: nothing", head + "2.3 In Linthorpe, pensioners who have been targeted by doorstep sellers should ring 101.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
	require.False(t, whereVictimsRE.MatchString("People who have been targeted should ring 101."))
	require.True(t, whereVictimsRE.MatchString("the forum on the 9th, where several older residents had been targeted by bogus callers"))
}

// TestHeardFromVictims: a meeting hearing from, or the writer meeting,
// people said to have been victims of a crime ("heard from tenants whose
// sheds had been broken into") is a concern raised there; people so
// described without a hearing, or told of something other than a crime,
// are none.
func TestHeardFromVictims(t *testing.T) {
	const head = "Report to the Police and Crime Panel, 10 July 2019\n\n"
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{head + "2.3 The Linthorpe residents' forum on 9 June heard from a few tenants whose garden sheds had been broken into.\n",
			[]string{"meeting 2019-06-09 E05009862 burglary_theft", "concern 2019-06-09 E05009862 burglary_theft"}},
		// must not fire: no hearing or meeting of the victims
		{head + "2.3 In Linthorpe, tenants whose sheds have been broken into should ring 101.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.doc)
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"the forum heard from several residents whose cars had been broken into overnight", true},
		{"she met two pensioners who had been targeted by doorstep callers", true},
		{"he spoke with traders whose shop windows had been smashed", true},
		{"listened to families who had had their bikes stolen from the garages", true},
		// must not fire
		{"the forum heard from residents who had been told about the new scheme", false},
		{"he met tenants whose homes had been fitted with new locks", false},
		{"residents whose cars have been broken into should ring 101", false},
		{"the forum heard from the PCSO about cars broken into overnight", false},
	} {
		require.Equal(t, tt.want, heardFromVictimsRE.MatchString(tt.text), tt.text)
	}
}

// TestWherePropertyHadBeenDamaged: a meeting's "where" clause telling what
// had been done to the things of those who came ("where several sheds had
// been broken into") is a concern raised there; such a clause outside a
// meeting, or one of things mended, is none.
func TestWherePropertyHadBeenDamaged(t *testing.T) {
	const head = "Report to the Police and Crime Panel, 10 July 2019\n\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"at the meeting", head + "2.3 On 9 June he went to the Linthorpe residents' forum, where a spate of garden sheds had been broken into.\n",
			[]string{"meeting 2019-06-09 E05009862 burglary_theft", "concern 2019-06-09 E05009862 burglary_theft"}},
		{"outside a meeting: nothing", head + "2.3 Linthorpe has streets where several garages have been broken into, the council says.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, tt.doc))
		})
	}
	require.True(t, wherePropertyRE.MatchString("the PACT, where two bus shelters had been smashed"))
	require.False(t, wherePropertyRE.MatchString("the PACT, where two new locks had been fitted"))
	require.False(t, wherePropertyRE.MatchString("the hall where the meeting had been held"))
}

// TestShownWhereOnAWalkabout: on a walkabout, the places the writer and
// those with him looked at, told with what happens there, are what was
// raised there; the same words outside a meeting, or a look at something
// with no "where", are none.
func TestShownWhereOnAWalkabout(t *testing.T) {
	const head = "Report to the Police and Crime Panel, 10 July 2019\n\n"
	got := summary(t, head+"2.3 On 9 June he joined the neighbourhood team for a walkabout in Linthorpe. We looked at the back lane where drug dealing goes on most evenings.\n")
	require.Contains(t, got, "concern 2019-06-09 E05009862 drugs")
	require.Empty(t, summary(t, head+"2.3 In Linthorpe we looked at the back lane where drug dealing goes on, the council says.\n"))
	require.False(t, shownWhereRE.MatchString("We looked at the plans for the new drug service."))
	require.True(t, shownWhereRE.MatchString("we were shown the garages where cars keep being broken into"))
}

// TestMonthNamesMeeting: a month written as a meeting's name ("our
// October meeting", "the November surgery") dates that meeting, whatever
// the verb; the body's own earlier meeting in a record ("raised at the
// October meeting" in minutes) is its month's, made by earlierRaised; a
// meeting named for what it decided ("as agreed
// at our October meeting") and one the document told on a day of that
// month are no meeting of their own.
func TestMonthNamesMeeting(t *testing.T) {
	meetings := func(doc string) []string {
		res, err := newExtractor(t, Config{}).Extract("news.md", []byte(doc))
		require.NoError(t, err)
		var got []string
		for _, e := range res.Events {
			if e.Type == "meeting" {
				got = append(got, eventWhen(e))
			}
		}
		return got
	}
	const front = "---\ntitle: \"Residents' news\"\ndate: 2023-11-20\n---\n\n# Residents' news\n\n"
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"newsletter", front + "Our thanks to the two councillors who came along to our October meeting at the library in Grangetown. Most people there were worried about drug dealing near the park.\n",
			[]string{"month:2023-10-01/2023-10-31"}},
		{"another kind in minutes", "# Grangetown Residents' Forum\n\nMinutes of the meeting held on Thursday 9 November 2023 at the library, Grangetown.\n\n4. The PCSO said the October surgery at the library had gone well and most questions were about scams.\n",
			[]string{"2023-11-09", "month:2023-10-01/2023-10-31"}},
		{"own meeting in minutes", "# Grangetown Residents' Forum\n\nMinutes of the meeting held on Thursday 9 November 2023 at the library, Grangetown.\n\n3. Speeding on Low Lane (raised at the October meeting). The PCSO said a speed check had been done.\n",
			[]string{"2023-11-09", "month:2023-10-01/2023-10-31"}}, // (the earlier meeting, once: TestEarlierMeetingInMinutes)
		{"possessive", front + "At October's meeting of the Grangetown residents' forum, people raised drug dealing near the park.\n",
			[]string{"month:2023-10-01/2023-10-31"}},
		{"a bare month before meetings", front + "October meetings in Grangetown are held at the library.\n", nil},
		{"what it decided", front + "As agreed at our October meeting in Grangetown, the committee has written to the council about the parking on the estate.\n", nil},
		{"told on its day", front + "Around 40 people came to our public meeting in Grangetown on Tuesday 10 October 2023.\n\nFollowing the October meeting in Grangetown, we have set up a speed watch group.\n",
			[]string{"2023-10-10"}},
	} {
		require.Equal(t, tc.want, meetings(tc.doc), tc.name)
	}
}

// TestSavedMessageHeaders: a message saved whole (an .eml file) opens
// with the fields its servers add ("Return-Path:", "Received:",
// "X-...:") before its sender's "From:"; its "Date:" is still when it was
// sent, and dates the body's days written without a year. A block opening
// with such a field but naming no sender is no message's headers.
func TestSavedMessageHeaders(t *testing.T) {
	body := "\n\nHello everyone,\n\nAt the Saltburn ward meeting on Tuesday 9 April, residents raised dog fouling on the cliff path.\n"
	for _, tt := range []struct{ doc, want string }{
		{"Return-Path: <team@police.example.net>\nReceived: from relay.example.net (relay.example.net [198.51.100.7])\n\tby inbox.example.org with ESMTP id 77AbCd\n\tfor <list@example.org>; Fri, 12 Apr 2019 08:01:15 +0100\nDate: Fri, 12 Apr 2019 08:01:02 +0100\nFrom: East Cleveland Team <team@police.example.net>\nTo: list@example.org\nSubject: April news\nMIME-Version: 1.0" + body, "2019-04-12"},
		{"Delivered-To: list@example.org\nX-Mailer: Webmail 4.2\nFrom: East Cleveland Team <team@police.example.net>\nTo: list@example.org\nSubject: April news\nDate: Fri, 12 Apr 2019 08:01:02 +0100" + body, "2019-04-12"},
		// a message saved as text by hand, its subject first
		{"Subject: East Cleveland team - April update\nFrom: East Cleveland Team\nDate: Fri, 12 Apr 2019 16:05:12 +0000" + body, "2019-04-12"},
		// not fired: a log's "Received:" line with a date field, no sender
		{"Received: letter from a Saltburn resident Date: 12 April 2019 Logged by the clerk" + body, ""},
		{"Subject: minutes of the meeting Date: 12 April 2019, typed by the clerk" + body, ""},
	} {
		res, err := newExtractor(t, Config{}).Extract("update.eml", []byte(tt.doc))
		require.NoError(t, err)
		got := ""
		if !res.Published.IsZero() {
			got = res.Published.Format(time.DateOnly)
		}
		require.Equal(t, tt.want, got, tt.doc)
	}
}

// TestPromiseAfterPastMeeting: a promise or plan in the future that
// follows from a meeting told in the past in an "after"/"following"
// clause ("... will be acted on after sixty people attended the meeting
// last night (Monday 4 June)") is that meeting, held; a future told after
// the past clause, before the day, keeps the day to come.
func TestPromiseAfterPastMeeting(t *testing.T) {
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{"Commissioner pledges action\n\nPosted on Tuesday 5 June 2018\n\nThe Commissioner has pledged that every complaint will be looked into after some sixty people attended the Grangetown ward meeting last night (Monday 4 June). Residents complained about drug dealing.\n",
			[]string{"meeting 2018-06-04 E05001509 drugs", "concern 2018-06-04 E05001509 drugs"}},
		{"Commissioner pledges action\n\nPosted on Tuesday 5 June 2018\n\nThe Commissioner will write to every household following the Grangetown ward meeting held on Monday 4 June. Residents complained about drug dealing.\n",
			[]string{"meeting 2018-06-04 E05001509 drugs", "concern 2018-06-04 E05001509 drugs"}},
		// not fired: the future comes after the past clause, before the day
		{"Commissioner pledges action\n\nPosted on Tuesday 5 June 2018\n\nAfter residents attended a drop-in last month, the Commissioner will hold a Grangetown ward meeting on Monday 18 June.\n",
			nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.doc)
	}
}

// TestMonthOfALaterClause: a sentence telling a meeting on a day and, in
// a later clause opened by ", and", another meeting with only its
// month ("and earlier this month he went on a walkabout in X", "and a
// meeting in Y in April") is two meetings: the month is the second's. A
// month in a later clause naming no meeting, or before any day, is no
// meeting of its own.
func TestMonthOfALaterClause(t *testing.T) {
	pre := "Commissioner in Redcar\n\nPosted on Friday 15th March 2019\n\n"
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{pre + "On Tuesday he met the Dormanstown residents' group, who raised a spate of burglaries, and earlier this month he went on a walkabout in Kirkleatham ward, where speeding drivers were the biggest worry.\n",
			[]string{"meeting 2019-03-12 E05001507 burglary_theft", "meeting 2019-03-01 E05001512 speeding", "concern 2019-03-12 E05001507 burglary_theft", "concern 2019-03-01 E05001512 speeding"}},
		{pre + "The visit follows a session in Dormanstown ward on 7 March, where traders raised shoplifting, and a meeting in Kirkleatham ward in February, where speeding was the main topic.\n",
			[]string{"meeting 2019-03-07 E05001507 burglary_theft", "meeting 2019-02-01 E05001512 speeding", "concern 2019-03-07 E05001507 burglary_theft", "concern 2019-02-01 E05001512 speeding"}},
		// not fired: the later clause names no meeting
		{pre + "On Tuesday he met the Dormanstown residents' group, who raised a spate of burglaries, and the team's newsletter went out in February.\n",
			[]string{"meeting 2019-03-12 E05001507 burglary_theft", "concern 2019-03-12 E05001507 burglary_theft"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.doc)
	}
}

// TestQuotedMessageTellsTheSameMeeting: a reply's quoted message naming
// the meeting the reply reports ("Thanks to everyone who came to the AGM"
// over the quoted "our annual meeting is next Tuesday") tells the same
// meeting (its day and place), whatever it calls it (here the reply's
// words make it a committee's, the reminder's a community meeting): one
// event. A meeting
// on another day in the quoted message is its own.
func TestQuotedMessageTellsTheSameMeeting(t *testing.T) {
	head := "Date: Mon, 10 Jun 2019 18:00:00 +0100\nFrom: Saltburn Residents <sec@example.org>\nTo: members@example.org\nSubject: Re: AGM\n\nDear all,\n\nThanks to everyone who came to the AGM last Tuesday (4th) at Saltburn library, where the committee was re-elected. Members raised dog fouling on the cliff path.\n\nJo\n\nOn 28/05/2019 19:02, Saltburn Residents wrote:\n> Dear all,\n>\n"
	for _, tt := range []struct {
		quoted string
		want   []string
	}{
		{"> Just a reminder that our annual meeting is next Tuesday, 4th June,\n> at 7pm in Saltburn library. Bring anything you want to raise.\n>\n> Jo\n",
			[]string{"meeting 2019-06-04 E05012453 environmental", "concern 2019-06-04 E05012453 environmental"}},
		// not fired: another day's meeting in the quoted message
		{"> Thank you to all who came to the Saltburn ward meeting\n> on Monday 27th May at the library, where residents raised speeding.\n>\n> Jo\n",
			[]string{"meeting 2019-06-04 E05012453 environmental", "concern 2019-06-04 E05012453 environmental", "meeting 2019-05-27 E05012453 speeding", "concern 2019-05-27 E05012453 speeding"}},
	} {
		require.Equal(t, tt.want, summaryFile(t, "reply.eml", head+tt.quoted), tt.quoted)
	}
}

// TestFrontMatterDayInWords: a post's front matter may give its day in
// words ("published: 12 March 2025") as well as in ISO form; either dates
// "on Tuesday" in its body. A field that is no one day ("March 2025", a
// range) dates nothing, and the body's days stay unresolved.
func TestFrontMatterDayInWords(t *testing.T) {
	body := "\n---\n\n# My week\n\nOn Tuesday I was at the Norton North ward meeting, where residents raised drug dealing behind the shops.\n"
	for _, tt := range []struct {
		field string
		want  []string
	}{
		{"date: 2025-03-12", []string{"meeting 2025-03-11 E05014876 drugs", "concern 2025-03-11 E05014876 drugs"}},
		{"published: 12 March 2025", []string{"meeting 2025-03-11 E05014876 drugs", "concern 2025-03-11 E05014876 drugs"}},
		{"published: Wednesday 12th March 2025", []string{"meeting 2025-03-11 E05014876 drugs", "concern 2025-03-11 E05014876 drugs"}},
		{"published: March 2025", nil},
		{"published: 10-12 March 2025", nil},
	} {
		require.Equal(t, tt.want, summaryFile(t, "post.md", "---\ntitle: \"My week\"\n"+tt.field+body), tt.field)
	}
}

// TestMPMeetsCommissioner: a Member of Parliament's meeting with the
// Commissioner or the chief officers is a meeting between officials, and
// "The meeting was called by ..." after it does not make it the public's;
// an MP at a residents' meeting with the Commissioner still tells one.
func TestMPMeetsCommissioner(t *testing.T) {
	pub := "Published: 14 November 2017\n\n"
	require.Nil(t, summary(t, pub+"Thornaby MP Jane Doyle has called for more patrols following a meeting with Police and Crime Commissioner Sam Reed on Friday 10 November.\n\nThe meeting was called by Jane after a number of constituents had come to her with concerns about the rise in anti-social behaviour across Thornaby, including Mandale and Village.\n"))
	require.Nil(t, summary(t, pub+"On Friday 10 November the MP met the Chief Constable to talk about speeding on the A66.\n"))
	// must still tell a meeting
	require.Equal(t, []string{"meeting 2017-11-10 E05001540 antisocial_behaviour", "concern 2017-11-10 E05001540 antisocial_behaviour"},
		summary(t, pub+"On Friday 10 November the MP joined residents at the Mandale and Victoria ward meeting with the Police and Crime Commissioner, where people complained about anti-social behaviour.\n"))
}

// TestPanelReportOutcomes: in a Panel report whose year is only in its
// "Period covered:" line, what a concern led to is its outcome, not one
// more concern; a concern passed on to a team is of its own matter, not of
// the team that took it; meetings the report calls partner meetings are
// none; "over the course of January" is January.
func TestPanelReportOutcomes(t *testing.T) {
	head := "REPORT OF THE POLICE AND CRIME COMMISSIONER TO THE POLICE AND CRIME PANEL\n\nPeriod covered: 27 June 2016 to 31 August 2016\n\n"
	got := summary(t, head+"2.2 During the period he attended the North East PCCs' collaboration board in Durham on 14 July 2016 and the Hartlepool Safer Partnership on 26 July 2016. These are partner meetings and are not included below.\n\n"+
		"3.1 On Wednesday 20 July he attended the Roseworth PACT, where residents raised suspected drug dealing from a flat.\n\n"+
		"4.1 Throughout July and August his office received calls from residents of Norton North ward about bikes being ridden on the green spaces, and this has been passed to the Stockton North Neighbourhood Policing Team, which has increased patrols.\n\n"+
		"4.3 The Roseworth concerns led to a warrant being executed on 3 August, with cannabis recovered.\n\n"+
		"4.4 Over the course of August the office received messages from Grangetown residents about fly-tipping in alleyways.\n")
	require.Equal(t, []string{
		"meeting 2016-07-20 E05001547 drugs",
		"concern 2016-07-20 E05001547 drugs",
		"concern 2016-07-01 E05001543 off_road_bikes",
		"concern 2016-08-01 E05001509 environmental",
	}, got)
}

// TestActionInResponseToConcerns: what was done "in response to the
// concerns about" a matter (inResponseRE) is the action, its reason the
// concerns told before, not one more concern of the report's period; a
// sentence telling concerns raised at a meeting, or what residents raised,
// is still a concern.
func TestActionInResponseToConcerns(t *testing.T) {
	head := "REPORT OF THE POLICE AND CRIME COMMISSIONER TO THE POLICE AND CRIME PANEL\n\nPeriod covered: 27 June 2016 to 31 August 2016\n\n"
	for _, tt := range []struct {
		text  string
		fires bool
	}{
		{"4.2 Neighbourhood patrols have been stepped up across Thornaby in response to the concerns about drug dealing.\n", true},
		{"4.2 A dispersal order was authorised in Thornaby as a result of residents' complaints over drug dealing.\n", true},
		// must not fire
		{"4.2 Throughout July residents of Mandale and Victoria ward contacted the office with concerns about drug dealing.\n", false},
	} {
		got := summary(t, head+tt.text)
		drugs := slices.ContainsFunc(got, func(e string) bool { return strings.HasPrefix(e, "concern ") && strings.HasSuffix(e, " drugs") })
		require.Equal(t, !tt.fires, drugs, "%s: %v", tt.text, got)
	}
}

// TestPanelReportPartnersAndRecaps: a table row whose type says
// "Partner" is no meeting with the public even with business in its issues
// cell; "These meetings are not public" after a list of boards; a report's
// passive summary of where themes were raised ("Drugs were raised at two
// community meetings, in Redcar and in Hartlepool") retells its meetings
// for a whole authority too, but letters to the office over the period
// are the period's own.
func TestPanelReportPartnersAndRecaps(t *testing.T) {
	head := "Report of the Police and Crime Commissioner to the Police and Crime Panel\n\nProgramme of Engagement: March and April 2018\n\n"
	table := "| Date | Type | Meeting | Location | Issues raised |\n|---|---|---|---|---|\n" +
		"| 06.03.18 | Community | Throston Ward Meeting | Throston, Hartlepool | Dealing from a house on the estate |\n" +
		"| 13.03.18 | Partner | Safer Hartlepool Partnership | Hartlepool | Update on the drugs strategy |\n" +
		"| 10.04.18 | Community | Coulby Newham Ward PACT | Coulby Newham, Middlesbrough | Cars speeding past the school |\n\n"
	got := summaryFile(t, "report.md", head+table+
		"4.1 In Hartlepool the Commissioner also attended the Safer Hartlepool Partnership (20 March) and the Violence Against Women and Girls strategic group (24 April). These meetings are not public.\n\n"+
		"5.1 Drugs were raised at two community meetings in the period, in Hartlepool. Speeding was raised in Middlesbrough.\n")
	require.Equal(t, []string{
		"meeting 2018-03-06  drugs", "concern 2018-03-06  drugs",
		"meeting 2018-04-10 E05009858 speeding", "concern 2018-04-10 E05009858 speeding",
	}, got)
	// must stay: the office's own letters for the period
	got = summaryFile(t, "report.md", head+table+"5.2 Speeding was raised in Middlesbrough in letters and calls to the office throughout the period.\n")
	require.Contains(t, got, "concern 2018-03-01  speeding", got)
}

// TestPACTThenWardMeetingSameDay: a ward's PACT and another ward's meeting
// on one day in one sentence ("the Rossmere PACT in the afternoon, ...,
// and then went on to the Fens & Greatham community meeting that
// evening") are two meetings, each with its own concern.
func TestPACTThenWardMeetingSameDay(t *testing.T) {
	pub := "Published: 20 October 2021\n\n"
	require.Equal(t, []string{
		"meeting 2021-09-14 E05013047 drugs", "meeting 2021-09-14 E05013040 speeding",
		"concern 2021-09-14 E05013047 drugs", "concern 2021-09-14 E05013040 speeding",
	}, summary(t, pub+"On Tuesday 14 September she went to the Seaton PACT at lunchtime, where people raised drug dealing behind the shops, and then on to the Fens & Greatham ward meeting in the evening, where villagers complained of cars speeding on the Front Street.\n"))
	// must stay one: a PACT named once
	require.Equal(t, []string{"meeting 2021-09-14 E05013047 drugs", "concern 2021-09-14 E05013047 drugs"},
		summary(t, pub+"On Tuesday 14 September she went to the Seaton PACT, where people raised drug dealing behind the shops.\n"))
}

// TestRouteNamePlaces: two places joined by a hyphen as a path's or a
// road's name are a route, not where a concern was raised: a concern under
// a ward's meeting stays that ward's. A place written alone stays a place.
func TestRouteNamePlaces(t *testing.T) {
	head := "Published: 20 October 2021\n\n05/10/21 Loftus ward meeting\n\n"
	require.Equal(t, []string{"meeting 2021-10-05 E05012447 off_road_bikes", "concern 2021-10-05 E05012447 off_road_bikes"},
		summary(t, head+"- Scrambler bikes on the Skelton-Brotton path and the old railway line\n"))
	require.Equal(t, []string{"meeting 2021-10-05 E05012447 off_road_bikes", "concern 2021-10-05 E05012447 off_road_bikes"},
		summary(t, head+"- Scrambler bikes on the Brotton–Skelton cycleway every weekend\n"))
	// must stay: a place named alone
	got := summary(t, head+"- Scrambler bikes on the fields in Brotton every weekend\n")
	require.Contains(t, got, "concern 2021-10-05 E05012438 off_road_bikes", got)
}

// TestRoadAsRaceTrackAndOfficeReports: drivers treating a road "as a
// racetrack" are speeding beside bikes on the fields in the same sentence
// (bikes "racing" there stay the bikes); a matter "reported to the Office
// repeatedly" over the period is raised by the public, though no one is
// named (not the Commissioner's own report to someone).
func TestRoadAsRaceTrackAndOfficeReports(t *testing.T) {
	pub := "Published: 19 November 2013\n\n"
	require.Equal(t, []string{"meeting 2013-09-03 E05001521 off_road_bikes,speeding", "concern 2013-09-03 E05001521 off_road_bikes,speeding"},
		summary(t, pub+"On Tuesday 3 September the Skelton ward PACT met at the Civic Hall. Residents described scramblers on the fields behind the school, and motorists treating the high street as a racetrack.\n"))
	require.Equal(t, []string{"meeting 2013-09-03 E05001521 off_road_bikes", "concern 2013-09-03 E05001521 off_road_bikes"},
		summary(t, pub+"On Tuesday 3 September the Skelton ward PACT met at the Civic Hall. Residents described scramblers using the fields behind the school as a racetrack.\n"))
	head := "Report to the Police and Crime Panel, 19 November 2013\n\nPeriod covered: September and October 2013\n\n"
	require.Equal(t, []string{"concern 2013-09-01 E05001521 environmental"},
		summary(t, head+"6.1 Dumped rubbish in the lanes of Skelton has been reported to the Office regularly throughout the period.\n"))
	require.Nil(t, summary(t, head+"6.1 The Commissioner has reported to the Panel on the dumped rubbish strategy for Skelton.\n"))
}

// TestResidentsGroupNewsletter: a residents' group's newsletter. Its own
// committee meeting is no meeting with the public (unless the
// Commissioner came to it); a meeting thanked for by its month and then
// told with its day is one meeting, but a month's meeting named at
// another place is another.
func TestResidentsGroupNewsletter(t *testing.T) {
	head := "LINTHORPE RESIDENTS' GROUP\nNEWSLETTER - SPRING 2019\nPrinted 2 May 2019.\n\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{"committee", "A PCSO dropped in to our April committee meeting to tell us how the patrols were going.\n",
			nil},
		{"committee with the commissioner", "The Commissioner came to our committee meeting on Tuesday 9th April, and members told him about drug dealing behind the shops.\n",
			[]string{"meeting 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 drugs"}},
		{"general meeting", "Our general meeting on Tuesday 9th April at the church hall heard about drug dealing behind the shops.\n",
			[]string{"meeting 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 drugs"}},
		{"month then day", "Thank you to the forty of you who came out in the rain to our April open meeting.\n\n" +
			"OPEN MEETING\nOur open meeting on Tuesday 9th April at the church hall (Linthorpe ward) heard about drug dealing behind the shops.\n",
			[]string{"meeting 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 drugs"}},
		{"month elsewhere", "Some of us went to the Acklam ward meeting in April.\n\n" +
			"OPEN MEETING\nOur open meeting on Tuesday 9th April at the church hall (Linthorpe ward) heard about drug dealing behind the shops.\n",
			[]string{"meeting 2019-04-01 E05009853 ", "meeting 2019-04-09 E05009862 drugs", "concern 2019-04-09 E05009862 drugs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, head+tt.body))
		})
	}
}

// TestDayRetoldTeaser: a post that opens by saying people asked about
// "last night's community meeting" (placed only by the document's
// authority, nothing raised) and, after a break, tells "the Park End ward
// community meeting" of the same night with what was raised there tells
// one meeting (dropDayRetold), not a second one at the authority. The
// first mention stays when the day's other meeting is of another kind, in
// another authority, or when it raised something of its own.
func TestDayRetoldTeaser(t *testing.T) {
	head := "---\ntitle: \"Ward news\"\ndate: 2019-03-14T09:00:00+00:00\ntags: [\"ward news\", \"Acklam\", \"Linthorpe\"]\n---\n\n"
	teaser := "Writing this over breakfast since several of you have asked what happened at last night's community meeting.\n\n<!-- more -->\n\n"
	tests := []struct {
		name, body string
		fires      bool
	}{
		{"ward meeting the same night", teaser + "About thirty people came to the Park End ward community meeting at the library last night, and most of them wanted to talk about drug dealing behind the shops.\n", true},
		{"residents' meeting the same night", "Just a short note, as a couple of neighbours wanted to know what happened at last night's community meeting.\n\n<!-- more -->\n\nThe Linthorpe residents' meeting at the church hall last night was packed, and people mainly complained about cars speeding on the main road.\n", true},
		// must not fire: another kind, another authority, something raised
		{"forum", teaser + "About thirty people came to the Linthorpe community forum at the library last night, and most of them wanted to talk about drug dealing behind the shops.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summaryFile(t, "post.md", head+tt.body)
			require.Equal(t, !tt.fires, slices.Contains(got, "meeting 2019-03-13  "), "%v", got)
		})
	}
	// The rule on its own: the first mention (id "a", its place unsaid,
	// at the authority) against the day's other meeting ("b").
	meeting := func(id, day, kind, ward, lad string, themes ...string) schemas.Event {
		return schemas.Event{EventID: id, Type: schemas.TypeMeeting, Date: day, WardCode: ward, LADCode: lad, Themes: themes, Meeting: &schemas.Meeting{Kind: kind}}
	}
	const mbro, stockton, cm = "E06000002", "E06000004", schemas.KindCommunityMeeting
	full := meeting("b", "2019-03-13", cm, "E05009870", mbro, "drugs")
	for _, tt := range []struct {
		name   string
		first  schemas.Event
		unsaid bool
		other  schemas.Event
		linked []string
		fires  bool
	}{
		{"teaser", meeting("a", "2019-03-13", cm, "", mbro), true, full, nil, true},
		// must not fire
		{"place said", meeting("a", "2019-03-13", cm, "", mbro), false, full, nil, false},
		{"own ward", meeting("a", "2019-03-13", cm, "E05009862", mbro), true, full, nil, false},
		{"another day", meeting("a", "2019-03-12", cm, "", mbro), true, full, nil, false},
		{"another kind", meeting("a", "2019-03-13", schemas.KindForum, "", mbro), true, full, nil, false},
		{"another authority", meeting("a", "2019-03-13", cm, "", stockton), true, full, nil, false},
		{"raised something", meeting("a", "2019-03-13", cm, "", mbro, "speeding"), true, full, nil, false},
		{"a concern linked", meeting("a", "2019-03-13", cm, "", mbro), true, full, []string{"speeding"}, false},
		{"other has no ward", meeting("a", "2019-03-13", cm, "", mbro), true, meeting("b", "2019-03-13", cm, "", mbro, "drugs"), nil, false},
	} {
		got := dropDayRetold([]schemas.Event{tt.first, tt.other}, map[string][]string{"a": tt.linked}, map[string]bool{"a": tt.unsaid})
		require.Equal(t, tt.fires, len(got) == 1, tt.name)
	}
}

// TestQuarterTeamIsNoPlace: a police team named for the quarter of a town
// it covers ("the Hartlepool South team") names whose officers came, not
// where they met people, with or without "neighbourhood"; a ward or a
// building named with a quarter's word is still a place.
func TestQuarterTeamIsNoPlace(t *testing.T) {
	tests := []struct {
		after string
		want  bool
	}{
		{" South team put up their stand", true},
		{" North police team", true},
		{" East neighbourhood team", true},
		{" neighbourhood policing team", true},
		{" Central ward meeting", false},
		{" West library on Tuesday", false},
		{" team captain", false},

		{" Southern team", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, teamAfterRE.MatchString(tt.after), tt.after)
	}
	// an area's team by what it did: not the meeting's place when the
	// sentence names another (areaTeamAfterRE); alone, it is
	got := summary(t, "Posted on Friday 22 November 2019\n\nNeighbourhood officers from the East Cleveland team met residents on Tuesday evening at the Skelton West PACT (Police and Communities Together) meeting at Skelton Civic Hall. Residents complained about thefts from sheds.\n")
	require.Contains(t, got, "concern 2019-11-19 E05012455 burglary_theft")
	got = summary(t, "Posted on Friday 16 June 2017\n\nNeighbourhood officers from Middlesbrough's North Ormesby team met residents on Tuesday at the Pavilion on Derwent Street. Residents complained about thefts from sheds.\n")
	require.Contains(t, got, "concern 2017-06-13 E05009867 burglary_theft")
	doc := "# Street surgery in Marton East hears of thefts\n\nPosted on 20 March 2024\n\n" +
		"Thefts from vans were among the worries raised with officers at a street surgery in Marton East on Saturday.\n\n" +
		"PCSOs from the Middlesbrough East team parked their van by the parade of shops on Saturday 16 March and chatted to about thirty residents.\n\n" +
		"Several residents also complained about speeding on the main road.\n"
	got = summaryLAD(t, doc)
	for _, e := range got {
		require.NotContains(t, e, " E06000002 ", "the team's town is no place: %v", got) // (authority only would be Middlesbrough's)
	}
	require.Contains(t, got, "concern 2024-03-16 E05015468E06000002 speeding")
}

// TestOtherTimeSentenceEndsStory: a later sentence of a paragraph that
// opens on another time ("Last week she was in Park End, where ...") is
// not the story of the meeting told before it; a paragraph's first
// sentence (the paragraph rule's), a time inside a sentence, and a
// sentence opening on no time leave the paragraph whole.
func TestOtherTimeSentenceEndsStory(t *testing.T) {
	tests := []struct {
		text string
		want string // the part kept for the meeting told before
	}{
		{"She has been busy in the town. Last week she was in Park End, where people spoke about needles in the alleys.", "She has been busy in the town."},
		{"Parents asked about the crossing. Earlier this month a similar session in Hemlington heard about speeding.", "Parents asked about the crossing."},
		{"Last week she was in Park End, where people spoke about needles.", ""},
		{"Parents said they had complained last week about the crossing. They want a lollipop warden.", ""},
		{"Parents asked about the crossing. The council will look at it next month.", ""},
	}
	for _, tt := range tests {
		got := ""
		if k := otherTimeSentence(tt.text); k > 0 {
			got = strings.TrimSpace(tt.text[:k])
		}
		require.Equal(t, tt.want, got, tt.text)
	}
	doc := "# Commissioner hears of bike nuisance\n\nPosted on Friday 15 March 2024\n\n" +
		"Residents told the Commissioner about off-road bikes on the playing fields when he met them in Thornaby on Wednesday evening.\n\n" +
		"He has been out and about a lot since the new year. Earlier this month he called in at a coffee morning in Hemlington ward, and last month a meeting in Coulby Newham heard about vandalism at the bus shelters.\n"
	got := summary(t, doc)
	for _, e := range got {
		require.NotContains(t, e, "2024-03-13 E0", "the other visits' concerns are not Wednesday's meeting's: %v", got)
	}
	require.Contains(t, got, "concern 2024-03-13  off_road_bikes")
}

// TestCountedMeetingsToldByDay: a team's or a councillor's update that
// counts its meetings over a span ("We ran three street surgeries last
// month") and then tells each on its day, a sentence each, the day first
// and no meeting word ("On Tuesday 4 March we stood outside the Co-op in
// X, where ..."): each day is one of the meetings, at its own place, and
// the count is no meeting of the whole month. Not when the day-led
// sentences are not as many as the count says (one of them may be of
// something else), nor when the count names its day.
func TestCountedMeetingsToldByDay(t *testing.T) {
	pub := "Posted on 3 April 2025\n\n"
	got := summary(t, pub+"We ran two street surgeries last month. On Tuesday 4 March we stood outside the Co-op in Hartburn, where people told us about vans parked across driveways. "+
		"Then on Thursday 13 March we set up by the shops in Norton North, where residents raised drug dealing in the back lanes.\n")
	require.Equal(t, []string{
		"meeting 2025-03-04 E05014869 parking_traffic",
		"meeting 2025-03-13 E05014876 drugs",
		"concern 2025-03-04 E05014869 parking_traffic",
		"concern 2025-03-13 E05014876 drugs",
	}, got)
	// must not fire: three day-led sentences for a count of two
	got = summary(t, pub+"We ran two street surgeries last month. On Tuesday 4 March we stood outside the Co-op in Hartburn, where people told us about vans parked across driveways. "+
		"Then on Thursday 13 March we set up by the shops in Norton North, where residents raised drug dealing in the back lanes. On Friday 21 March our new sergeant started in Hartburn.\n")
	require.NotContains(t, strings.Join(got, "\n"), "2025-03-21", got)
	require.NotContains(t, strings.Join(got, "\n"), "meeting 2025-03-13", got)
	// must not fire: a count with no meeting word
	got = summary(t, pub+"We made two arrests last month. On Tuesday 4 March we stood outside the Co-op in Hartburn. Then on Thursday 13 March we set up by the shops in Norton North.\n")
	require.Nil(t, got)
}

// TestTradeOnlyMeetingIsNotPublic: a meeting said to be for a trade or
// for agencies only ("(business only)", "an agencies-only briefing") is
// not one with the public; a business forum where traders raised
// something still is.
func TestTradeOnlyMeetingIsNotPublic(t *testing.T) {
	pub := "Posted on 3 April 2025\n\n"
	require.Nil(t, summary(t, pub+"We also went to the Stockton town centre retailers' forum (business only) on 14 March.\n"))
	require.Nil(t, summary(t, pub+"On 14 March we attended an agencies-only briefing on the Hartburn estate.\n"))
	// must still tell a meeting
	require.Equal(t, []string{"meeting 2025-03-14 E05014869 burglary_theft", "concern 2025-03-14 E05014869 burglary_theft"},
		summary(t, pub+"On 14 March we attended the Hartburn ward meeting, where traders raised shoplifting.\n"))
}

// TestDidAWalkaboutInAMonth: "did a walkabout" (or a surgery, a drop-in)
// tells a meeting held; a month before the one who did it ("Back in
// January Sam did ...") is a month, not a place outside Cleveland.
func TestDidAWalkaboutInAMonth(t *testing.T) {
	pub := "Posted on 3 April 2025\n\n"
	got := summary(t, pub+"Back in January Sam did a walkabout with the PCSOs round Hartburn, where residents pointed out graffiti on the bus shelter.\n")
	require.Contains(t, got, "meeting 2025-01-01 E05014869 criminal_damage", got)
	// placed by the newsletter's ward, the sentence naming none
	news := "HARTBURN WARD NEWS\nSpring 2025 -- printed 3 April 2025, delivered by volunteers\n\nHello again from your Hartburn ward councillors.\n\n"
	require.Equal(t, []string{"meeting 2025-01-01 E05014869 criminal_damage", "concern 2025-01-01 E05014869 criminal_damage"},
		summary(t, news+"Back in January Sam did a walkabout with the PCSOs round the Green, where residents pointed out graffiti on the bus shelter.\n"))
	// must not fire
	require.Nil(t, summary(t, pub+"Back in January Sam did a lot of leafleting round Hartburn.\n"))
	require.Nil(t, summary(t, pub+"Back in January Sam did a walkabout with the PCSOs in Newcastle.\n"))
}

// TestHeadingVenueByItsKind: a meeting's heading names its venue by a name
// the gazetteer does not know ("Drop-in at Broadgate Mall - Saturday 8 March"),
// and the paragraph under it says what and where it is ("at the shopping
// centre in Stockton"): the meeting is in that place, not outside
// Cleveland. An unknown name with no such paragraph, or one whose place is
// itself unknown, stays outside (not emitted: what is outside is the
// heading's unknown venue, and nothing says where it is).
func TestHeadingVenueByItsKind(t *testing.T) {
	head := "---\ntitle: \"Stockton team - March update\"\ndate: 2025-04-03\n---\n\n"
	got := summaryFile(t, "post.md", head+"## Drop-in at Broadgate Mall - Saturday 8 March\n\nWe had a stall at the shopping centre in Stockton town centre. Shoppers told us about shoplifting from the market stalls.\n")
	require.Equal(t, []string{"meeting 2025-03-08  burglary_theft", "concern 2025-03-08  burglary_theft"}, got)
	// must not fire
	require.Nil(t, summaryFile(t, "post.md", head+"## Drop-in at Broadgate Mall - Saturday 8 March\n\nShoppers told us about shoplifting from the market stalls.\n"))
	require.Nil(t, summaryFile(t, "post.md", head+"## Drop-in at Broadgate Mall - Saturday 8 March\n\nWe had a stall at the shopping centre in Great Ayton. Shoppers told us about shoplifting from the market stalls.\n"))
}

// TestImpostorsAreNoPolicing: whom fraudsters pose as ("callers pretending
// to be bank staff or police officers") is no policing raised; the scam is
// the concern. Officers asked for stay policing.
func TestImpostorsAreNoPolicing(t *testing.T) {
	pub := "Published: 14 March 2024\n\n"
	require.Equal(t, []string{"meeting 2024-03-12 E05013045 fraud_scams", "concern 2024-03-12 E05013045 fraud_scams"},
		summary(t, pub+"On Tuesday 12 March the Rossmere ward meeting heard from older residents worried about doorstep scams by men posing as council workers or PCSOs.\n"))
	require.Equal(t, []string{"meeting 2024-03-12 E05013045 fraud_scams,visible_policing", "concern 2024-03-12 E05013045 fraud_scams", "concern 2024-03-12 E05013045 visible_policing"},
		summary(t, pub+"On Tuesday 12 March the Rossmere ward meeting heard from older residents worried about doorstep scams. Others said they never see an officer on the estate.\n"))
}

// TestCouncillorsOwnBusiness: councillors or officials doing their own
// business at a meeting is no meeting with the public; councillors meeting
// residents, or residents at the meeting, still are.
func TestCouncillorsOwnBusiness(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	require.Nil(t, summary(t, pub+"Redcar councillors also debated the cost of CCTV at a meeting in Guisborough on Tuesday.\n"))
	require.Nil(t, summary(t, pub+"On Tuesday cabinet members approved the new dispersal order at the cabinet meeting in Middlesbrough.\n"))
	// must still tell a meeting
	require.Equal(t, []string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"},
		summary(t, pub+"On Tuesday Guisborough councillors discussed speeding at a meeting with residents in Guisborough.\n"))
}

// TestFullCouncilSitting: a councillor going to a sitting of the full
// council (fullCouncilRE) is the council's own business, no meeting with
// the public, whatever was discussed; one where residents or the public
// spoke still tells a meeting, and so does a meeting told otherwise.
func TestFullCouncilSitting(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Cllr Moss popped along to full council in Guisborough on Tuesday, where the new budget was agreed.\n", nil},
		{"On Tuesday we sat through the full Town Council meeting in Guisborough, where speeding barely got a mention.\n", nil},
		{"Sam attended the full Council in Guisborough on Tuesday to hear the precept set.\n", nil},
		// must not fire: residents or the public spoke there, or a meeting of another kind
		{"On Tuesday Sam went to full council in Guisborough, where residents complained about speeding.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
		{"On Tuesday Sam attended full council in Guisborough; in public questions speeding on the high street came up again.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
		{"On Tuesday Sam went to the Guisborough ward meeting, where people complained about speeding.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, pub+tt.text), tt.text)
	}
}

// TestCouncilCommitteeSitting: a councillor sitting on one of the
// council's own committees named by its business (councilCommitteeRE:
// planning, licensing, cabinet) is the council's business, no meeting with
// the public; one where residents or the public spoke still tells a
// meeting, and so does a community safety committee or a ward meeting.
func TestCouncilCommitteeSitting(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"I was also on the planning committee in Guisborough on Tuesday, which ran very late.\n", nil},
		{"On Tuesday Sam sat on the council's licensing sub-committee in Guisborough to hear a pub's appeal.\n", nil},
		{"On Tuesday Sam was at cabinet in Guisborough, where the leisure centre plans were agreed.\n", nil},
		// must not fire: residents or the public spoke there, or a meeting of another kind
		{"On Tuesday the planning committee in Guisborough heard residents complain about speeding lorries.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
		{"On Tuesday Sam went to the Guisborough ward meeting, where people complained about speeding and the planning of the new estate.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, pub+tt.text), tt.text)
	}
}

// TestPublicMeetingAfterCommittee: a sentence that names the council's own
// committee or sitting, then turns with "but" or "then" to a public meeting
// the writer went to (publicAfterBody), tells that meeting; the committee
// alone, or a turn to no public meeting, still tells none.
func TestPublicMeetingAfterCommittee(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"On Tuesday I spent the day on the audit committee at the civic centre, but that evening I went to the Guisborough ward meeting, where people complained about speeding.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
		{"On Tuesday Sam sat on the licensing sub-committee in the morning, then went along to the Guisborough community meeting, where people complained about speeding.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
		// must not fire: no public meeting after the turn, or no turn
		{"On Tuesday Sam sat on the planning committee in Guisborough, but the speeding item was deferred.\n", nil},
		{"On Tuesday Sam sat on the planning committee in Guisborough, then went to the finance committee.\n", nil},
		{"On Tuesday the audit committee met after the Guisborough ward meeting to talk about speeding.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, pub+tt.text), tt.text)
	}
}

// TestPartnersAppositive: a body the sentence says, set off by a comma, is
// made up of agencies or businesses (partnersAppositiveRE: "the Town
// Centre Shopwatch, a partnership of retailers, the council and the
// police") meets as that body, not with the public; a body said to be of
// residents, or residents named there, still tells a meeting.
func TestPartnersAppositive(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"On Tuesday the Commissioner joined the Guisborough Shopwatch Forum, a partnership of retailers, the council and the police, to talk about shoplifting.\n", nil},
		{"On Tuesday the Commissioner met the Guisborough Rural Watch, a network of farmers and agencies, in Guisborough to talk about farm thefts.\n", nil},
		// must not fire: a body of residents, or residents there
		{"On Tuesday the Commissioner joined the Guisborough Forum, a group of residents and officers, to talk about speeding.\n",
			[]string{"meeting 2012-12-04 E05001510 speeding", "concern 2012-12-04 E05001510 speeding"}},
		{"On Tuesday the Commissioner joined the Guisborough Shopwatch Forum, a partnership of retailers and the police, where residents also complained about speeding.\n",
			[]string{"meeting 2012-12-04 E05001510 partnership,speeding", "concern 2012-12-04 E05001510 partnership,speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, pub+tt.text), tt.text)
	}
}

// TestPlaceInAsideIsNotTheMeetings: a place named only in a bracketed
// aside of the writer's own after the meeting's place (outsideAsides: "(not
// my ward, though ... people shop there)", "(which is where ... people do
// their shopping)") does not place the meeting; the place outside the
// brackets does. A bracket that is no clause ("(Dormanstown end)"), or an
// aside holding every place the sentence names, is read as before.
func TestPlaceInAsideIsNotTheMeetings(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	for _, tt := range []struct {
		text, want string
	}{
		{"On Tuesday I joined PCSO Ann on a walkabout in Redcar (not my ward, though plenty of Dormanstown people shop there), where traders said youths were being abusive outside.\n", "meeting 2012-12-04  antisocial_behaviour"},
		{"On Tuesday I joined PCSO Ann on a walkabout in Marske (which is where most Saltburn people do their shopping), where traders said youths were being abusive outside.\n", "meeting 2012-12-04  antisocial_behaviour"},
		// must not fire
		{"On Tuesday I joined PCSO Ann on a walkabout in Redcar (Dormanstown end), where traders said youths were being abusive outside.\n", "meeting 2012-12-04 E05001507 antisocial_behaviour"},
		{"On Tuesday I joined PCSO Ann on a walkabout (not in Redcar but in Dormanstown), where traders said youths were being abusive outside.\n", "meeting 2012-12-04 E05001507 antisocial_behaviour"},
	} {
		got := summary(t, pub+tt.text)
		require.NotEmpty(t, got, tt.text)
		require.Equal(t, tt.want, got[0], tt.text)
	}
}

// TestNegatedPlaceIsNotTheMeetings: a place a sentence names only to say
// the meeting had little for it (negatedPlaces: "useful, but nothing
// about Redcar", "not a lot for Thornaby") does not place the meeting, so
// the place it was held that the gazetteer does not know keeps it outside
// Cleveland (not emitted). A place named without the negation, or the
// meeting's own place after "not much" said of something else, is read
// as before.
func TestNegatedPlaceIsNotTheMeetings(t *testing.T) {
	pub := "Published: 6 December 2012\n\n"
	for _, tt := range []struct {
		text, want string
	}{
		{"Cllr Bell attended a regional housing summit in Leeds in November – useful, but nothing about Redcar.\n", ""},
		{"In November Cllr Bell went to a rural policing conference in York, though not a lot for Thornaby sadly.\n", ""},
		{"Cllr Bell attended a regional housing summit in Leeds in November. Not much about the Dormanstown estate either.\n", ""},
		// must not fire
		{"Cllr Bell attended a community safety meeting in Redcar in November about speeding on the seafront.\n", "meeting 2012-11-01  speeding"},
		{"In November Cllr Bell went to the Dormanstown residents' meeting, not much about anything but speeding on the estate road.\n", "meeting 2012-11-01 E05001507 speeding"},
	} {
		got := summary(t, pub+tt.text)
		first := ""
		if len(got) > 0 {
			first = got[0]
		}
		require.Equal(t, tt.want, first, tt.text)
	}
}

// TestAllThroughAMonthEndsTheMeetingsStory: a paragraph opening on "all
// through" another month than the meeting told before's ("You said: all
// through March lots of you rang us about ...") speaks of that month
// (monthOpensRE, otherMonth), not of the meeting: its concern is not
// emitted at the meeting's day. The meeting's own month goes on with it.
func TestAllThroughAMonthEndsTheMeetingsStory(t *testing.T) {
	head := "Last updated: 20 May 2019\n\nYou said: at the Norton North ward meeting on Tuesday 16 April, residents complained about speeding on the High Street.\n\n"
	for _, tt := range []struct {
		next  string
		fires bool
	}{
		{"You said: all through March lots of you rang us about drug dealing behind the shops.\n", true},
		{"All throughout February people told us about drug dealing behind the shops.\n", true},
		// must not fire: the meeting's own month, or no month
		{"You said: all through April lots of you rang us about drug dealing behind the shops.\n", false},
		{"You said: a couple of people also mentioned drug dealing behind the shops.\n", false},
	} {
		atMeeting := slices.Contains(summary(t, head+tt.next), "concern 2019-04-16 E05001543 drugs")
		require.Equal(t, !tt.fires, atMeeting, tt.next)
	}
}

// TestVenueAfterDayAndInBrackets: a sentence that opens with its day and
// then a venue ("On 8 October, at the Grove Community Hub, residents spoke
// about ...") or gives residents a day and a venue in brackets ("Norton
// residents (24 September, Norton Library) asked for ...") tells a meeting
// there, when residents say something; a venue named without anyone
// speaking does not.
func TestVenueAfterDayAndInBrackets(t *testing.T) {
	head := "Report to the Police and Crime Panel, 19 November 2019\n\nPeriod covered: September and October 2019\n\n"
	require.Equal(t, []string{"meeting 2019-10-08 E05009870 serious_violence", "concern 2019-10-08 E05009870 serious_violence"},
		summary(t, head+"3.5 On 8 October, at the Park End Community Centre, residents spoke about two stabbings near the shops.\n"))
	require.Equal(t, []string{"meeting 2019-09-24 E05001537 speeding", "concern 2019-09-24 E05001537 speeding"},
		summary(t, head+"3.4 Hartburn residents (24 September, Hartburn Village Hall) asked for a Speed Watch scheme on the main road.\n"))
	// must not fire: a venue and a day, nobody speaking
	require.Nil(t, summary(t, head+"3.6 On 8 October, at the Park End Community Centre, the new CCTV cameras were switched on.\n"))
}

// TestWeekCommencingRow: a table row dated by its week ("w/c 11/09/2023")
// whose Type cell is a meeting with the public is that meeting, for the
// week; a row of another type stays a concern of the span.
func TestWeekCommencingRow(t *testing.T) {
	head := "# Programme of engagement, September and October 2023\n\nPublished 14 November 2023\n\n| Date | Ward / area | Type | What residents told us | Action |\n|---|---|---|---|---|\n"
	require.Equal(t, []string{"meeting 2023-09-11 E05014875 antisocial_behaviour", "concern 2023-09-11 E05014875 antisocial_behaviour"},
		summaryFile(t, "r.md", head+"| w/c 11/09/2023 | Norton Central, Stockton | Street briefing | Youths causing anti-social behaviour on the High Street | Patrols |\n"))
	require.Equal(t, []string{"concern 2023-09-11 E05014875 antisocial_behaviour"},
		summaryFile(t, "r.md", head+"| w/c 11/09/2023 | Norton Central, Stockton | Online survey | Youths causing anti-social behaviour on the High Street | Patrols |\n"))
}

// TestHeldPartJoinedFuture: a clause joined after the meeting's day that
// opens on someone's future ("and I will be asking ...") is cut from what
// says whether the meeting was held, when the part before tells something
// in the past and has no future of its own.
func TestHeldPartJoinedFuture(t *testing.T) {
	tests := []struct {
		sent, want string
	}{
		{`I heard the same worries about drugs at a Normanby residents' meeting last month, and I will be raising them with the Chief Constable.`,
			`I heard the same worries about drugs at a Normanby residents' meeting last month`},
		{`He met residents at the Normanby ward meeting last month, but they'll want more patrols.`,
			`He met residents at the Normanby ward meeting last month`},
		// No past before the future: the meeting itself may be to come.
		{`The Commissioner's next engagement is in Normanby last month, and he will also be at the council.`,
			`The Commissioner's next engagement is in Normanby last month, and he will also be at the council.`},
		// A future before the day: kept whole.
		{`As we said, we will hold a meeting in Normanby next month, and we will report back.`,
			`As we said, we will hold a meeting in Normanby next month, and we will report back.`},
	}
	for _, tc := range tests {
		ds := dates.Find(tc.sent)
		require.NotEmpty(t, ds, tc.sent)
		require.Equal(t, tc.want, heldPart(tc.sent, ds[0]))
	}
	doc := "Posted on 8 March 2018\n\nResidents told the Commissioner about drug dealing at the Grangetown ward meeting on Tuesday.\n\n" +
		"He said: \"I heard similar worries about drugs at a South Bank residents' meeting last month, and I will be asking the Chief Constable what more can be done.\"\n"
	require.Contains(t, summary(t, doc), "meeting 2018-02-01 E05001522 drugs")
}

// TestSeriesBeganIn: a round of meetings that "began in" a place on a day,
// "where" residents raised something, is a meeting there; a series that
// began with no one there saying anything, or something else that began,
// is none.
func TestSeriesBeganIn(t *testing.T) {
	head := "Posted on 20 March 2024\n\nThe Commissioner has finished a month of community meetings across Stockton.\n\n"
	tests := []struct {
		body, want string
	}{
		{"The series began in Norton North on 5 March, where residents raised speeding on the High Street.", "meeting 2024-03-05 E05014876 speeding"},
		{"The round started in Norton North on 5 March, where residents complained about speeding on the High Street.", "meeting 2024-03-05 E05014876 speeding"},
		{"The roadworks began in Norton North on 5 March, where the High Street is closed.", ""},
	}
	for _, tc := range tests {
		got := summary(t, head+tc.body+"\n")
		if tc.want == "" {
			for _, g := range got {
				require.NotContains(t, g, "meeting", tc.body)
			}
			continue
		}
		require.Contains(t, got, tc.want, tc.body)
	}
}

// TestWhereToFindUsIsToCome: a team's heading "Where to find us in April"
// (or "Where we'll be", "Dates for your diary") heads what is to come,
// not meetings held or concerns raised, though a month entry under it
// spans the publication.
func TestWhereToFindUsIsToCome(t *testing.T) {
	for _, head := range []string{"Where to find us in April", "Where we'll be in April", "Dates for your diary"} {
		doc := "# Hartburn team: March update\n\nPosted on 4 April 2022\n\n## " + head + "\n\nHartburn PACT: later in April, at the church hall, for anyone worried about speeding.\n"
		require.Empty(t, summaryFile(t, "post.md", doc), head)
	}
	// Under a heading of a place the same entry is read as before.
	doc := "# Hartburn team: March update\n\nPosted on 4 April 2022\n\n## In Hartburn\n\nHartburn PACT: later in April, at the church hall, for anyone worried about speeding.\n"
	require.NotEmpty(t, summaryFile(t, "post.md", doc))
}

// TestBikesNoiseAndOfficersOnFoot: the noise and speed "of the bikes" are
// the bikes', no nuisance or speeding of their own; after another matter,
// a request for patrols is the remedy asked, but officers asked to be
// seen ("more officers on foot", "on the beat") are policing raised.
func TestBikesNoiseAndOfficersOnFoot(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"she kept the children in because of the noise and speed of the bikes", nil},
		{"the speed of those scramblers on the field", []string{"off_road_bikes"}},
		{"the noise from the pub and the speed of the traffic on the bypass", []string{"antisocial_behaviour", "speeding"}},
		{"cars pulling up outside houses linked to drug dealing, and several asked for more officers on foot", []string{"drugs", "visible_policing"}},
		{"traders told him about shoplifting and asked for more police on the beat", []string{"burglary_theft", "visible_policing"}},
		{"the shelter had been sprayed with graffiti, and they asked for more patrols", []string{"criminal_damage"}},
	} {
		require.Equal(t, tc.want, r.themes(tc.text), tc.text)
	}
}

// TestBikesWearingTheGround: grass, verges or paths damaged by bikes being
// ridden over them are the bikes' nuisance, not criminal damage; damage to
// property beside the bikes, or ground damaged with no bikes told, stays.
func TestBikesWearingTheGround(t *testing.T) {
	r := &run{x: newExtractor(t, Config{}), res: &Result{}}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"scramblers tearing round the recreation ground and damaging the turf", []string{"off_road_bikes"}},
		{"quads on the nature reserve, causing damage to the footpaths", []string{"off_road_bikes"}},
		{"motorbikes racing up the lane and damaging the grass verges outside the school", []string{"off_road_bikes"}},
		{"scramblers on the field, and the bus shelter damaged again", []string{"criminal_damage", "off_road_bikes"}},
		{"quad bikes on the estate and damage to cars parked on the street", []string{"criminal_damage", "off_road_bikes"}},
		{"youths damaging the turf at the cricket club", []string{"criminal_damage"}},
	} {
		require.Equal(t, tc.want, r.themes(tc.text), tc.text)
	}
}

// TestNewsletterMastheadNotMeeting: a newsletter's masthead, its name with
// the ward in it ("HOLLYBANK WARD NEWS") and its issue line with a season
// or month ("Issue 3 - Spring 2019"), is neither a meeting nor the title of
// a meeting's record; the meetings are those its sections tell.
func TestNewsletterMastheadNotMeeting(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string // meetings' days
	}{
		{"masthead", "KADER WARD ROUNDUP\nYour Kader ward councillors, here for you\nIssue 3 - Spring 2019      (printed 2 April 2019)\n\nNEWS\n\nOur ward surgery was at the Kader community hub on Saturday 9 March. Residents raised dog fouling on the field.\n\nThe ward PACT met on 15 January and again on 26 March (both Tuesdays, at the hub). Speeding was raised.\n", []string{"2019-01-15", "2019-03-09", "2019-03-26"}},
		{"masthead-month", "KADER WARD ROUNDUP\nYour Kader ward councillors\nNo. 12, March 2019\n\nThe ward PACT met on 15 January at the hub, and residents raised speeding.\n", []string{"2019-01-15"}},
		// must not fire: a title naming a ward meeting is its record; an
		// issue named in a sentence of a meeting is no masthead
		{"record-title", "KADER WARD RESIDENTS' MEETING\n\nDate: Thursday 14 March 2019\n\nResidents raised speeding on the main road.\n", []string{"2019-03-14"}},
		{"issue-in-sentence", "Kader news\n\nThe Kader ward meeting on 14 March 2019 discussed issue 3 - March 2019 of the newsletter, and residents raised speeding.\n", []string{"2019-03-14"}},
	} {
		res, err := newExtractor(t, Config{}).Extract(tt.name+".txt", []byte(tt.doc))
		require.NoError(t, err)
		var got []string
		for _, e := range res.Events {
			if e.Meeting != nil {
				got = append(got, eventWhen(e))
			}
		}
		slices.Sort(got)
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestLetterToABodyIsNoMeeting: a letter or reply sent to a body named
// like a meeting ("a reply was sent to the residents' association on 4
// May") is no meeting of it, and a concern whose only day is that
// letter's is not dated by it; the body's own meeting on a day is.
func TestLetterToABodyIsNoMeeting(t *testing.T) {
	head := "Report to the Police and Crime Panel, 1 September 2015\n\n"
	tests := []struct {
		name, para string
		want       []string
	}{
		{"a reply sent to the body",
			"5.2 Worries about litter raised at Hemlington were passed to the council, and a written reply was sent to the Hemlington Community Council on 14 July.",
			nil},
		{"the office wrote to the association",
			"5.3 The office wrote to the Park End residents' association on 14 July.",
			nil},
		// must NOT fire: the body's meeting, attended
		{"the body's meeting attended",
			"5.2 On 14 July the Commissioner attended the Hemlington Community Council, where residents complained about litter.",
			[]string{"meeting 2015-07-14 E05009859 environmental", "concern 2015-07-14 E05009859 environmental"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, summary(t, head+tt.para+"\n"))
		})
	}
}

// TestTownPartWard: a meeting named for a part of a town just named ("Over
// to Stockton for the Town Centre PACT") is in the ward the town and the
// part together name; a part that with the town names no ward, or a ward
// of another authority, leaves the town.
func TestTownPartWard(t *testing.T) {
	pub := "Posted on 18 October 2013\n\n"
	for _, tt := range []struct{ body, want string }{
		{"On Tuesday it was over to Stockton for the Town Centre PACT, where shopkeepers told me about shoplifting.", "meeting 2013-10-15 E05001549 burglary_theft"},
		{"On Tuesday it was over to Stockton for the Riverside PACT, where shopkeepers told me about shoplifting.", "meeting 2013-10-15  burglary_theft"},
	} {
		require.Contains(t, summary(t, pub+tt.body+"\n"), tt.want, tt.body)
	}
}

// TestCrowdedIntoVenueForWardMeeting: a report opening with a meeting
// "in" a town ("a police office in Redcar") is placed in the ward the next
// paragraph names when the public crowded into a venue there "for" the
// meeting ("squeezed into Grangetown Community Hub for the ward's policing
// meeting"); and what "others complained about" as happening "last week"
// is still raised at that meeting. A crowd in for a quiz moves nothing,
// and an email sent last week about something stays last week's.
func TestCrowdedIntoVenueForWardMeeting(t *testing.T) {
	pub := "Posted on Thursday 12 March 2015\n\n" +
		"Residents aired their anger over plans to shut a Redcar police office at a public meeting last night.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"squeezed into a hub for the ward's meeting", pub +
			"About fifty people squeezed into Grangetown Community Hub for the ward's policing meeting, worried there would be fewer officers on the beat.\n\n" +
			"Others complained about graffiti sprayed across the shop shutters on two nights last week.\n",
			[]string{"meeting 2015-03-11 E05001509 criminal_damage,visible_policing", "concern 2015-03-11 E05001509 visible_policing", "concern 2015-03-11 E05001509 criminal_damage"}},
		{"packed into a hall for the PACT meeting", pub +
			"Around forty residents packed into Grangetown Community Hub for the PACT meeting, worried there would be fewer officers on the beat.\n",
			[]string{"meeting 2015-03-11 E05001509 visible_policing", "concern 2015-03-11 E05001509 visible_policing"}},
		// must not fire
		{"crowd in for a quiz", pub +
			"Earlier, about fifty people squeezed into Grangetown Community Hub for the annual quiz.\n",
			[]string{"meeting 2015-03-11  visible_policing"}},
		{"emailed last week about", pub +
			"About fifty people squeezed into Grangetown Community Hub for the ward's policing meeting, worried there would be fewer officers on the beat.\n\n" +
			"A resident also emailed me last week about graffiti sprayed across the shop shutters.\n",
			[]string{"meeting 2015-03-11 E05001509 visible_policing", "concern 2015-03-11 E05001509 visible_policing", "concern 2015-03-02 E05001509 criminal_damage"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestOneMeetingPartOfASeries: a sentence telling one meeting in a month
// ("at a Hart ward meeting ... earlier this month") that adds it was "part
// of a round of meetings" still tells that meeting; a sentence summing up
// the series itself, with no one meeting, stays a summary.
func TestOneMeetingPartOfASeries(t *testing.T) {
	pub := "Posted on 26 March 2019\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"one meeting, part of a round", pub +
			"The Commissioner heard from villagers at a Hart ward meeting in the village hall earlier this month, as part of his round of meetings across Hartlepool this spring.\n",
			[]string{"meeting 2019-03-01 E05008946 "}},
		// must not fire
		{"the round itself", pub +
			"The Commissioner has held eight community meetings across Hartlepool earlier this month, as part of his round of meetings this spring.\n",
			nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMonthSawMeetingsAndHeldIn: "June saw ward meetings in South Bank
// (6th), Teesville (13th) and ..." tells a meeting at each place on its
// day in brackets, with what each raised; "a street briefing was held in
// Newport the next day" is in Newport ward, though its name is an
// everyday word.
func TestMonthSawMeetingsAndHeldIn(t *testing.T) {
	const head = "POLICE AND CRIME PANEL\n\n11 July 2017\n\nCOMMISSIONER'S PROGRAMME OF ENGAGEMENT, MAY - JUNE 2017\n\n"
	got := summary(t, head+"- June saw ward meetings in Grangetown (7th) and Eston (14th). At Grangetown burglary was the main issue; Eston residents spoke about speeding on the High Street.\n")
	require.Equal(t, []string{
		"meeting 2017-06-07 E05001509 burglary_theft",
		"meeting 2017-06-14 E05001508 speeding",
		"concern 2017-06-07 E05001509 burglary_theft",
		"concern 2017-06-14 E05001508 speeding",
	}, got)
	got = summary(t, head+"- On 10 May he met residents at the Linthorpe Community Centre about burglary. A street briefing was held in Newport the next day, at which residents raised fly-tipping in back lanes.\n")
	require.Contains(t, got, "concern 2017-05-11 E05009866 environmental")
	// must not fire: a month that is someone's name
	got = summary(t, head+"- June Smith saw ward meetings in Grangetown (7th) as her job.\n")
	require.Empty(t, got)
}

// TestKindPlaceHeading: a section headed by a meeting's kind, a dash and
// its place ("Street surgery – Grangetown") places the meeting the
// paragraph under it tells by its street or venue alone; a heading of a
// kind alone, or a place with other words, does not.
func TestKindPlaceHeading(t *testing.T) {
	for _, tt := range []struct {
		head, want string
	}{
		{"Street surgery – Grangetown", "Grangetown"},
		{"Drop-in: Eston", "Eston"},
		{"PACT - Grangetown", "Grangetown"},
		{"Street surgery", ""},
		{"Grangetown news – latest", ""},
		{"Results - Grangetown and Eston", ""},
	} {
		got := ""
		if m := kindPlaceHeadRE.FindStringSubmatch(tt.head); m != nil {
			got = m[1]
		}
		require.Equal(t, tt.want, got, tt.head)
	}
	doc := "# Greater Eston team: May update\n\nPosted 3 June 2022\n\n" +
		"## Street surgery – Grangetown\n\n" +
		"On Tuesday 17th May we held a street surgery on Birchington Avenue. Several neighbours told us about off-road bikes tearing across the playing field.\n"
	require.Equal(t, []string{
		"meeting 2022-05-17 E05012442 off_road_bikes",
		"concern 2022-05-17 E05012442 off_road_bikes",
	}, summary(t, doc))
}

// TestWardCouncillorBesideItsWard: a record's attendance names the ward
// of its ward councillor beside the words ("Ward councillor, Rural
// West", "Cllr S. Tennant, Headland & Harbour ward"); a ward told before
// "ward councillors" in a story of the body ("a walk round Kader ward
// with the ward councillors") is where that happened, not the
// councillor's ward.
func TestWardCouncillorBesideItsWard(t *testing.T) {
	x := newExtractor(t, Config{})
	at := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Cllr R. Sayer | Ward councillor, Rural West (Hartlepool Borough Council)", true},
		{"Cllr S. Tennant, Headland & Harbour ward", true},
		{"Borough Cllr R. Marley (Rural West)", true},
		{"On Friday we did a walk round Kader ward with the ward councillors and wardens.", false},
		{"Ward councillors came along. Later the team went to Rural West for a surgery.", false},
	} {
		locs := wardCllrRE.FindAllStringIndex(tt.text, -1)
		got := false
		for _, m := range x.gaz.Find(tt.text, at) {
			if m.Kind == "ward" && besideCllr(tt.text, m, locs) {
				got = true
			}
		}
		require.Equal(t, tt.want, got, tt.text)
	}
}

// TestTitleOtherPartTown: minutes titled by a village that shares its
// ward's name with a town spanning several wards ("Billingham West &
// Wolviston") keep a meeting the writer went to in the town at the
// town's place (its authority), not the village's ward; a title naming
// the town's own ward ("NORTON SOUTH WARD") keeps its venue's town as the
// title's.
func TestTitleOtherPartTown(t *testing.T) {
	bw := &gazetteer.Resolution{Kind: "ward", WardName: "Billingham West & Wolviston", Text: "Wolviston"}
	ns := &gazetteer.Resolution{Kind: "ward", WardName: "Norton South", Text: "Norton South"}
	require.True(t, titleOtherPart("Billingham", bw))
	require.False(t, titleOtherPart("Norton", ns))
	require.False(t, titleOtherPart("Billingham", &gazetteer.Resolution{Kind: "ward", WardName: "Billingham West & Wolviston", Text: "Billingham West & Wolviston"}))
	doc := "WOLVISTON PARISH COUNCIL\n\nMinutes of the meeting of the Parish Council held on Monday 6th November 2023 at 7pm in Wolviston Village Hall\n\n" +
		"Police matters. Cllr Lowe told members she had gone to the police drop-in at Billingham Forum on Friday 3rd November, where people spoke mostly of shoplifting from the shops.\n"
	got := summaryLAD(t, doc)
	require.Contains(t, got, "meeting 2023-11-03 E06000004 burglary_theft")
}

// TestEarlierVisitWhen: a sentence opening on an earlier visit with its
// own date ("When the Commissioner last visited Skelton, in March this
// year, residents' main concern had been ...") is that visit, a meeting
// of its month, and what was raised there is not the meeting told before
// it; without a date of its own it stays that meeting's.
func TestEarlierVisitWhen(t *testing.T) {
	head := "Posted on Friday 14 June 2019\n\nOn Wednesday (12 June) he attended the Loftus ward meeting at the town hall. Residents told him that off-road bikes were tearing along the old mineral line.\n\n"
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"visit in March", "When the Commissioner last visited Loftus, in March this year, residents' main concern had been a run of break-ins to garden sheds.",
			[]string{"meeting 2019-06-12 E05012447 off_road_bikes", "concern 2019-06-12 E05012447 off_road_bikes", "meeting 2019-03-01 E05001514 burglary_theft", "concern 2019-03-01 E05001514 burglary_theft"}},
		// must not fire: no date of its own
		{"no date", "When he was in Loftus, residents complained about break-ins to garden sheds.",
			[]string{"meeting 2019-06-12 E05012447 burglary_theft,off_road_bikes", "concern 2019-06-12 E05012447 off_road_bikes", "concern 2019-06-12 E05012447 burglary_theft"}},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.text+"\n"), tt.name)
	}
}

// TestNoMeetingsSaid: a sentence saying a day had no meeting ("No
// public meetings today.", "There were no surgeries that week") tells
// none, whatever place the page names; a sentence denying something else
// at a meeting ("no concerns were raised at the meeting") keeps its
// meeting. (noMeetingsSaidRE)
func TestNoMeetingsSaid(t *testing.T) {
	head := "# Report\n\nPublished: Friday 29 March 2019\n\n"
	for _, s := range []string{
		"Friday was paperwork at the office. No public meetings today.",
		"The inspector was on leave, so there were no surgeries that week.",
		"No ward meetings on Friday - an office day.",
		"We had no residents' meetings this week.",
	} {
		require.Empty(t, summary(t, head+s+"\n"), s)
	}
	// a week told day by day, its quiet day placed by the title
	week := "# My week from Hemlington to Kader\n\nPublished: Friday 29 March 2019\n\n**Monday 25 March** – the Hemlington ward meeting, where people complained about speeding.\n\n**Wednesday** – paperwork at the office. No public meetings today.\n\n**Thursday** – two meetings. In the evening I was at the Linthorpe ward meeting, where people complained about drug dealing.\n"
	require.Equal(t, []string{"meeting 2019-03-25 E05009859 speeding", "concern 2019-03-25 E05009859 speeding", "meeting 2019-03-28 E05009862 drugs", "concern 2019-03-28 E05009862 drugs"}, summary(t, week))
	for _, tt := range []struct{ s, want string }{
		{"On 11 March the Kader ward meeting heard complaints about speeding; no other meetings were held that week.", "meeting 2019-03-11 E05009860 speeding"},
		{"No ward meeting had been held for a year, so the Kader ward meeting on 11 March was packed; residents complained about speeding.", "meeting 2019-03-11 E05009860 speeding"},
	} {
		require.Contains(t, summary(t, head+tt.s+"\n"), tt.want, tt.s)
	}
}

// TestNextUpIsPlanned: a post that closes on "Next up:" (or "Up next:",
// "Still to come:") lists what is to come, planned, not held, though its
// weekday reads as the one just past.
func TestNextUpIsPlanned(t *testing.T) {
	head := "# My week\n\nPublished: Friday 29 March 2019\n\n"
	for _, s := range []string{
		"Next up: the Kader ward residents' meeting on Tuesday.",
		"Up next: Linthorpe ward meeting on Monday, and the Kader PACT in April.",
		"Still to come: the Kader ward meeting on Tuesday.",
	} {
		res, err := newExtractor(t, Config{}).Extract("find.txt", []byte(head+s+"\n"))
		require.NoError(t, err)
		require.Empty(t, res.Events, s)
		require.NotEmpty(t, res.Planned, s)
	}
	// not a lead of what is to come: the day is one held
	require.Equal(t, []string{"meeting 2019-03-26 E05009860 speeding", "concern 2019-03-26 E05009860 speeding"},
		summary(t, head+"Next, on Tuesday 26 March, the Kader ward residents' meeting heard complaints about speeding.\n"))
}

// TestWeekdayDashLabels: in a week told day by day, a paragraph labelled
// by its weekday and a dash ("Tuesday – Kader. Residents ...", often in
// bold) is that day's, as a label with a full stop or colon is; the label
// with a place alone and what its public raised is a visit there
// (weekdayVisit). Not a label on its own, not out of the week's order.
func TestWeekdayDashLabels(t *testing.T) {
	pub := "# My week\n\nPublished: 17 November 2018\n\n"
	tue := "**Tuesday** – Hemlington, Middlesbrough. Residents are fed up with drug dealing behind the shops.\n\n"
	thu := "**Thursday** – a busy one. In the evening I was at the Linthorpe ward meeting, where people complained about speeding on the main road.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"two dash labels in order", pub + tue + thu,
			[]string{"meeting 2018-11-13 E05009859 drugs", "concern 2018-11-13 E05009859 drugs", "meeting 2018-11-15 E05009862 speeding", "concern 2018-11-15 E05009862 speeding"}},
		{"one label alone", pub + tue, nil},
		{"out of the week's order", pub + thu + tue, []string{}},
	} {
		got := summary(t, tt.doc)
		if tt.want != nil && len(tt.want) == 0 {
			for _, g := range got {
				require.NotContains(t, g, "2018-11-13", tt.name) // (no Tuesday of this week read from the label)
			}
			continue
		}
		require.Equal(t, tt.want, got, tt.name)
	}
	// a dash label may go on in small letters; a colon label may not
	// ("Thursday: a coffee morning at ...", among weekday lead-ins, is
	// no label of the week's days)
	require.True(t, weekdayLabelRE.MatchString("Wednesday – a morning at the Panel"))
	require.False(t, weekdayLabelRE.MatchString("Thursday: a coffee morning at the community centre"))
}

// TestWeekdayWentToVisit: in a week told day by day, a paragraph whose
// weekday lead-in takes the writer to a place in the first person ("On
// Thursday we went to Hemlington.", "Friday I visited Grangetown.") and then
// tells what the public raised, or names the place's problem "there"
// ("The trouble there is ..."), is a visit there (weekdayVisit), as
// "Thursday took me to Hemlington" is. Not a place outside Cleveland, not a
// visit where nothing is raised, not a problem told of somewhere else.
func TestWeekdayWentToVisit(t *testing.T) {
	pub := "# Seven days\n\nPublished: 17 November 2018\n\n"
	mon := "Monday started at the Linthorpe ward meeting, where people complained about speeding on the main road.\n\n"
	for _, tt := range []struct {
		name, thu string
		want      []string
	}{
		{"went to a place: the trouble there",
			"On Thursday we went to Hemlington. The trouble there is drug dealing behind the shops.\n\n",
			[]string{"meeting 2018-11-15 E05009859 drugs", "concern 2018-11-15 E05009859 drugs"}},
		{"visited a place: residents complained",
			"Thursday I visited Hemlington. Residents complained about drug dealing behind the shops.\n\n",
			[]string{"meeting 2018-11-15 E05009859 drugs", "concern 2018-11-15 E05009859 drugs"}},
		{"went to a place outside Cleveland",
			"On Thursday we went to Whitby. The trouble there is drug dealing behind the shops.\n\n",
			nil},
		{"went to a place, nothing raised",
			"On Thursday we went to Hemlington. The new hub there is open and the team have moved in.\n\n",
			nil},
		{"went to a place, a problem of elsewhere",
			"On Thursday we went to Hemlington. The trouble with the budget is that it is too small.\n\n",
			nil},
	} {
		got := summary(t, pub+mon+tt.thu)
		want := append([]string{"meeting 2018-11-12 E05009862 speeding", "concern 2018-11-12 E05009862 speeding"}, tt.want...)
		require.Equal(t, want, got, tt.name)
	}
}

// TestBriefingHeldOutside: a street briefing or surgery "held in" a place
// the writer puts outside Cleveland ("held in Seaham, County Durham") is
// that place's meeting (emitted with no code), though the sentence names a
// Cleveland town after it; one held in a Cleveland place is placed there.
func TestBriefingHeldOutside(t *testing.T) {
	head := "# News\n\nPublished: Friday 29 March 2019\n\n"
	require.Equal(t, []string{"meeting 2019-03-20 E05009860 speeding", "concern 2019-03-20 E05009860 speeding"},
		summary(t, head+"A packed Kader ward meeting on Wednesday heard residents complain about speeding. Sergeant Ali told the meeting that a similar street briefing held in Seaham, County Durham, last week had led to arrests, and he hoped to try it in Middlesbrough.\n"))
	require.Equal(t, []string{"meeting 2019-03-01 Consett "}, outsideSummary(t, "find.txt", head+"A surgery held in Consett, County Durham, earlier this month drew a crowd, and Middlesbrough may follow.\n"))
	require.Equal(t, []string{"meeting 2019-03-12 E05009860 drugs", "concern 2019-03-12 E05009860 drugs"},
		summary(t, head+"A street briefing held in Kader on 12 March heard residents complain about drug dealing, as in Durham Road.\n"))
}

// TestPartnershipNameIsNoConcern: a partnership's meeting the writer
// took residents' concerns to, with nothing said of what was raised there
// ("We took your concerns to the Community Safety Partnership meeting on
// 1 October"), is no meeting, and the body's name is no "partnership"
// concern of it either; one that says what it dealt with keeps both.
func TestPartnershipNameIsNoConcern(t *testing.T) {
	head := "# Ward news\n\nPublished: Friday 29 March 2019\n\n"
	require.Empty(t, summary(t, head+"We also took your worries to the Community Safety Partnership meeting on 12 March, held in Stockton this time.\n"))
	got := summary(t, head+"On 12 March the Kader ward residents' meeting heard complaints about speeding and asked for partnership working with the council.\n")
	require.Contains(t, got, "concern 2019-03-12 E05009860 partnership,speeding")
}

// TestPartOfJointWardNamed: a meeting, its venue or its group named for one
// of the places a joint ward's name joins ("Salters Lane Residents' Group",
// "the Rossmere PACT" while the ward was Fens and Rossmere) is in that ward,
// not the authority the line or document names (partWard); a street named
// for the place ("Hardwick Road"), or a name the gazetteer holds alone,
// keeps the reading it had.
func TestPartOfJointWardNamed(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"minutes held at a youth club named for part of a ward", "SALTERS LANE RESIDENTS' GROUP\n\nMinutes of the meeting held on Tuesday 5th March 2019 at Hardwick Youth Club\n\nResidents raised cars speeding along the estate road.\n",
			[]string{"meeting 2019-03-05 E05001536 speeding", "concern 2019-03-05 E05001536 speeding"}},
		{"a group named for part of a ward, with its town", "Report to the Police and Crime Panel, 8 December 2015\n\n4.3 On 13 October the Commissioner spent the evening in Stockton with the Hardwick Tenants' Group. Residents raised drug dealing near the shops.\n",
			[]string{"meeting 2015-10-13 E05001536 drugs", "concern 2015-10-13 E05001536 drugs"}},
		{"a table row's meeting named for part of a ward", "Report to the Police and Crime Panel, 8 December 2015\n\n| Date | Meeting | Location | Issues raised |\n| --- | --- | --- | --- |\n| Tue 13 Oct | Hardwick PACT | St Mary's church hall, Stockton | Drug dealing near the shops |\n",
			[]string{"meeting 2015-10-13 E05001536 drugs", "concern 2015-10-13 E05001536 drugs"}},
		// must not fire
		{"a street named for the place: the authority", "Report to the Police and Crime Panel, 8 December 2015\n\n4.3 On 13 October the Commissioner attended a residents' forum on Hardwick Road, Stockton. Residents raised drug dealing near the shops.\n",
			[]string{"meeting 2015-10-13  drugs", "concern 2015-10-13  drugs"}},
		{"a town the gazetteer holds alone keeps its reading", "Report to the Police and Crime Panel, 8 December 2015\n\n4.3 On 13 October the Commissioner attended the Thornaby PACT, Stockton. Residents raised drug dealing near the shops.\n",
			[]string{"meeting 2015-10-13  drugs", "concern 2015-10-13  drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestIssuesSectionInAWardOfOneMeeting: a report's "Issues raised"
// section going over its table's meetings ward by ward ("In Loftus,
// farmers described ...") tells the concerns of the one meeting held at
// that ward in the period; a ward with two meetings, its one meeting
// before the period, or a sentence not opening on the ward ("Farmers in
// Loftus ...", "Near Loftus, ...") keeps the report's period (its start:
// the summary writes a period by its first day).
func TestIssuesSectionInAWardOfOneMeeting(t *testing.T) {
	head := "# Programme of Engagement\n\nPosted on Thursday 1 September 2016\n\n1.1 To inform the Panel of the Commissioner's engagement with the public during June and July 2016.\n\n" +
		"| Date | Meeting |\n|---|---|\n" +
		"| Tue 10 May 2016 | Brotton ward meeting (last period's, told late) |\n" +
		"| Tue 7 June 2016 | Loftus ward residents' meeting, Loftus Town Hall |\n" +
		"| Tue 14 June 2016 | Guisborough ward meeting, Sunnyfield House |\n" +
		"| Tue 12 July 2016 | Guisborough ward meeting, Sunnyfield House |\n\n" +
		"## Issues raised\n\n"
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"the ward's one meeting", "5.1 In Loftus, farmers described thefts of quad bikes from outlying farms.\n",
			[]string{"meeting 2016-05-10 E05001505 ", "meeting 2016-06-07 E05001514 rural_crime", "meeting 2016-06-14 E05001510 ", "meeting 2016-07-12 E05001510 ", "concern 2016-06-07 E05001514 rural_crime"}},
		{"a ward of two meetings", "5.1 In Guisborough, farmers described thefts of quad bikes from outlying farms.\n",
			[]string{"meeting 2016-05-10 E05001505 ", "meeting 2016-06-07 E05001514 ", "meeting 2016-06-14 E05001510 ", "meeting 2016-07-12 E05001510 ", "concern 2016-06-01 E05001510 rural_crime"}},
		{"not opening on its ward", "5.1 Farmers in Loftus described thefts of quad bikes from outlying farms.\n",
			[]string{"meeting 2016-05-10 E05001505 ", "meeting 2016-06-07 E05001514 ", "meeting 2016-06-14 E05001510 ", "meeting 2016-07-12 E05001510 ", "concern 2016-06-01 E05001514 rural_crime"}},
		{"opening on another word", "5.1 Near Loftus, farmers described thefts of quad bikes from outlying farms.\n",
			[]string{"meeting 2016-05-10 E05001505 ", "meeting 2016-06-07 E05001514 ", "meeting 2016-06-14 E05001510 ", "meeting 2016-07-12 E05001510 ", "concern 2016-06-01 E05001514 rural_crime"}},
		{"the ward's one meeting before the period", "5.1 In Brotton, farmers described thefts of quad bikes from outlying farms.\n",
			[]string{"meeting 2016-05-10 E05001505 ", "meeting 2016-06-07 E05001514 ", "meeting 2016-06-14 E05001510 ", "meeting 2016-07-12 E05001510 ", "concern 2016-06-01 E05001505 rural_crime"}},
	} {
		require.Equal(t, tt.want, summary(t, head+tt.text), tt.name)
	}
}

// TestSaidRowsByPlaceOfListedMeetings: a "Where | You said | We did"
// table with no date after a team's list of its month's meetings is read
// row by row as the one meeting listed at each row's place; a place with
// no meeting listed, two meetings there, or a cell saying more than the
// place leaves the row undated, as before (no period: not emitted).
func TestSaidRowsByPlaceOfListedMeetings(t *testing.T) {
	head := "# Stockton West neighbourhood team: May 2022\n\n*Posted 9 June 2022*\n\nOur meetings in May:\n\n" +
		"* **Wednesday 4 May** - Fairfield ward meeting, Bishopsgarth School\n" +
		"* **Thursday 19 May** - Hartburn residents' meeting, St Mary's hall\n"
	table := "\n## What you told us\n\n| Where | You said | We did |\n|---|---|---|\n"
	for _, tt := range []struct {
		name, extra, row string
		want             []string
	}{
		{"place of one listed meeting", "", "| Fairfield | Youths spraying graffiti on the bus shelters | Shelters cleaned; patrols after school. |\n| Hartburn | Cars racing along the main road at night | Speed checks on three evenings. |\n",
			[]string{"concern 2022-05-04 E05001534 criminal_damage", "concern 2022-05-19 E05001537 speeding"}},
		{"place with no meeting listed", "", "| Grangefield | Youths spraying graffiti on the bus shelters | Shelters cleaned. |\n", []string{"concern 2022-05-01 E05001535 criminal_damage"}},
		{"two meetings at the place", "* **Tuesday 24 May** - Fairfield street surgery, Fairfield Road shops\n", "| Fairfield | Youths spraying graffiti on the bus shelters | Shelters cleaned. |\n", []string{"concern 2022-05-01 E05001534 criminal_damage"}},
		{"cell says more than the place", "", "| Fairfield and Hartburn | Youths spraying graffiti on the bus shelters | Shelters cleaned. |\n", []string{"concern 2022-05-01 E05001534 criminal_damage"}},
	} {
		var got []string
		for _, e := range summary(t, head+tt.extra+table+tt.row) {
			if strings.HasPrefix(e, "concern") {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.name)
	}
	// under a heading of another period the row is that period's
	var got []string
	for _, e := range summary(t, head+"\n## Looking back: January to March 2022\n\n| Where | You said | We did |\n|---|---|---|\n| Fairfield | Youths spraying graffiti on the bus shelters | Shelters cleaned. |\n") {
		if strings.HasPrefix(e, "concern") {
			got = append(got, e)
		}
	}
	require.Equal(t, []string{"concern 2022-01-01 E05001534 criminal_damage"}, got, "heading of another period")
}

// TestPublicKeepTellingTheTeam: a team's update saying the public "have
// been telling us about" a matter over a month it names is a concern of
// that month, with no meeting; the police's or partners' telling, a
// one-off "told us", or a negated one is not.
func TestPublicKeepTellingTheTeam(t *testing.T) {
	head := "# Stockton town centre team: update\n\n*Posted 6 May 2022*\n\n"
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"people have been telling us", "Right through April, people across Stockton have been telling us about shoplifters targeting the High Street chemists.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"residents keep telling us", "During April, residents keep telling us that cars are being broken into on the multi-storey car park.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"a lot of you contacted us", "During April a lot of you contacted us about shoplifters targeting the High Street chemists.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"we contacted a lot of you", "During April we contacted a lot of you about shoplifters targeting the High Street chemists.", nil},
		{"officers telling", "Right through April, officers across Stockton have been telling us about shoplifters targeting the High Street chemists.", nil},
		{"partners contacting", "Right through April, the council has been contacting us about shoplifters targeting the High Street chemists.", nil},
		{"negated", "Right through April, nobody has been telling us about shoplifters targeting the High Street chemists.", nil},
		// (an aside of how they told; an association's members reporting;
		// the one who received the reports telling it in the first person)
		{"aside between us and about", "Right through April, shopkeepers have been telling us - on the phone and over the counter - about shoplifters targeting the High Street chemists.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"members have reported", "Right through April our members have reported shoplifters targeting the High Street chemists.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"I was getting emails", "Right through April I was getting e-mails about shoplifters targeting the High Street chemists.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"we have been receiving complaints", "Right through April we have been receiving complaints from traders about shoplifters targeting the High Street chemists.", []string{"concern 2022-04-01 E05001549 burglary_theft"}},
		{"the police have reported", "Right through April the police have reported shoplifters targeting the High Street chemists.", nil},
		{"one e-mail", "Right through April I got an e-mail about shoplifters targeting the High Street chemists.", nil},
		{"I was sending emails", "Right through April I was sending e-mails about shoplifters targeting the High Street chemists.", nil},
	} {
		var got []string
		for _, e := range summary(t, head+tt.text+"\n") {
			if strings.HasPrefix(e, "concern") {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestReportsOverASeason: the public's reports over a season written with
// no year ("Over the summer lots of you told us about ...") are a concern
// of the last such season ended before the document; not a season still
// running, not a season with no cue of reports, not one with its own date.
func TestReportsOverASeason(t *testing.T) {
	for _, tt := range []struct {
		name, posted, text string
		want               []string
	}{
		{"summer, told in the autumn", "6 October 2022", "Over the summer lots of you told us about shoplifters targeting the High Street chemists.", []string{"concern 2022-06-01 E05001549 burglary_theft"}},
		{"winter, across the new year", "2 April 2023", "Throughout the winter months shopkeepers have been telling us about shoplifters targeting the High Street chemists.", []string{"concern 2022-12-01 E05001549 burglary_theft"}},
		{"summer still running", "20 July 2022", "Over the summer lots of you told us about shoplifters targeting the High Street chemists.", nil},
		{"no cue of reports", "6 October 2022", "Over the summer the team targeted shoplifters at the High Street chemists.", nil},
	} {
		var got []string
		for _, e := range summary(t, "# Stockton town centre team: update\n\n*Posted "+tt.posted+"*\n\n"+tt.text+"\n") {
			if strings.HasPrefix(e, "concern") {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.name)
	}
	r := &run{}
	r.a.Published = time.Date(2022, time.October, 6, 0, 0, 0, 0, time.UTC)
	sp, ok := r.reportsSeasonSpan("Over the summer lots of you told us about shoplifters.")
	require.True(t, ok)
	require.Equal(t, "2022-06-01/2022-08-31", sp.Start.Format(time.DateOnly)+"/"+sp.End.Format(time.DateOnly))
}

// TestMeetingCellWithItsMonthInBrackets: a "Meeting | You said | We did"
// table's meeting cell closing on its month in brackets ("Yarm police
// surgery (March)") is that meeting in that month; brackets that are no
// month, or a cell naming no meeting, are not read so.
func TestMeetingCellWithItsMonthInBrackets(t *testing.T) {
	head := "# You said, we did\n\nLast updated: 2 May 2016\n\n| Meeting | You said | We did |\n|---|---|---|\n"
	for _, tt := range []struct {
		name, row string
		want      []string
	}{
		{"month in brackets", "| Yarm police surgery (March) | Vans parked on the pavements by the school. | Letters to the owners. |\n", []string{"meeting 2016-03-01 E05001552 parking_traffic", "concern 2016-03-01 E05001552 parking_traffic"}},
		{"no month in brackets", "| Yarm police surgery (library) | Vans parked on the pavements by the school. | Letters to the owners. |\n", nil},
		{"several meetings", "| Yarm police surgeries (March) | Vans parked on the pavements by the school. | Letters to the owners. |\n", nil},
		{"no meeting named", "| Yarm High Street (March) | Vans parked on the pavements by the school. | Letters to the owners. |\n", nil},
	} {
		var got []string
		for _, e := range summary(t, head+tt.row) {
			if strings.HasPrefix(e, "meeting") {
				got = append(got, e)
			} else if strings.HasPrefix(e, "concern") && len(got) > 0 {
				got = append(got, e)
			}
		}
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestMeetingVenueWard: a news item's lead tells a meeting with no place
// but its town, and the next paragraph says where the public came to "the
// meeting": a venue named for a ward of that town's authority (or for one
// part of a joint ward's name) places the meeting and its concerns there.
// A venue not said to be the meeting's, a name without a venue's word or a
// venue of another authority leaves the meeting at the authority.
func TestMeetingVenueWard(t *testing.T) {
	tests := []struct {
		second string
		want   string
	}{
		{"Around forty residents came to the meeting at Salters Lane Community Centre in Stockton.", "E05001536"},
		{"Some twenty people turned up to the meeting at Hartburn Village Hall.", "E05001537"},
		{"About fifty residents packed into the meeting at the Hartburn Library, Stockton.", "E05001537"},
		// must not fire
		{"Afterwards some residents went along to Salters Lane Community Centre for tea.", ""},
		{"Around forty residents came to the meeting at Salters Lane in Stockton.", ""},
		{"Around forty residents came to the meeting at Hardwick Road in Stockton.", ""},
	}
	for _, tt := range tests {
		doc := "Posted on 7 March 2015\n\n" +
			"The Commissioner went to a PACT meeting in Stockton last night.\n\n" +
			tt.second + "\n\n" +
			"Residents told him that speeding cars on the main road were a worry.\n"
		got := summary(t, doc)
		require.Equal(t, []string{
			"meeting 2015-03-06 " + tt.want + " speeding",
			"concern 2015-03-06 " + tt.want + " speeding",
		}, got, tt.second)
	}
}

// TestOtherDaysBlanked: a paragraph telling several meetings, each in a
// sentence with its own day, does not lend one meeting's place to another
// whose sentence names none; an undated sentence (or one on the meeting's
// own day) still places it.
func TestOtherDaysBlanked(t *testing.T) {
	tests := []struct {
		para string
		want []string
	}{
		{"Our police drop-in at the community hall on Tuesday 3rd March was busy, mostly about dog fouling. Two members then went to the ward meeting in Seaton on 12th March.",
			[]string{"meeting 2015-03-03  environmental", "meeting 2015-03-12 E05008951 ", "concern 2015-03-03  environmental"}},
		// must not fire: the place is in an undated sentence, or on the same day
		{"Our police drop-in on Tuesday 3rd March was busy, mostly about dog fouling. It was held at the library in Seaton.",
			[]string{"meeting 2015-03-03 E05008951 environmental", "concern 2015-03-03 E05008951 environmental"}},
		{"Our police drop-in on Tuesday 3rd March was busy, mostly about dog fouling. On 3rd March the hall in Seaton was full.",
			[]string{"meeting 2015-03-03 E05008951 environmental", "concern 2015-03-03 E05008951 environmental"}},
	}
	for _, tt := range tests {
		doc := "Hartlepool Tenants' Federation – March update\n\nPublished 20 March 2015\n\n" + tt.para + "\n"
		require.Equal(t, tt.want, summary(t, doc), tt.para)
	}
}

// TestWrittenDayNear: "A week later, on the 30th" after a meeting on the
// 24th is the 30th: the day written beats the rough count of "a week"
// (and may fall in the next month); a day written far from the count,
// or two days written, leave the count.
func TestWrittenDayNear(t *testing.T) {
	tests := []struct {
		second string
		want   string
	}{
		{"A week later, on the 30th, the Hartburn ward meeting heard about speeding cars.", "2016-03-30"},
		{"Two days later, on the 27th, the Hartburn ward meeting heard about speeding cars.", "2016-03-27"},
		{"A week earlier, on the 16th, the Hartburn ward meeting heard about speeding cars.", "2016-03-16"},
		// must not fire
		{"A week later the Hartburn ward meeting heard about speeding cars.", "2016-03-31"},
		{"A week later, on the 9th, the Hartburn ward meeting heard about speeding cars.", "2016-03-31"},
	}
	for _, tt := range tests {
		doc := "Posted on 20 April 2016\n\n" +
			"On Thursday 24 March 2016 the Commissioner was at the Newtown ward meeting, where residents spoke about litter.\n\n" +
			tt.second + "\n"
		got := summary(t, doc)
		require.Contains(t, got, "meeting "+tt.want+" E05001537 speeding", tt.second)
	}
}

// TestOfficialQuotedToday: an official's "today" inside their own
// quotation, looking back on what a meeting heard ("I have seen today how
// much ... matters," the Sergeant said), is the day they spoke, not a
// concern raised on the publication day; residents' words dated today
// still are.
func TestOfficialQuotedToday(t *testing.T) {
	tests := []struct {
		para string
		want []string
	}{
		{`"I have seen today how much speeding worries people here," the Sergeant said.`, nil},
		{`"What struck me today is how strongly people feel about drug dealing," said the Commissioner.`, nil},
		// must not fire
		{`Residents told the council today that speeding on the main road was getting worse.`, []string{"meeting 2016-06-10  speeding", "concern 2016-06-10  speeding"}},
	}
	for _, tt := range tests {
		doc := "Posted on 10 June 2016\n\n" +
			"The Commissioner met residents at last night's Hartburn ward meeting, where litter was the main topic.\n\n" +
			tt.para + "\n"
		got := summary(t, doc)
		want := append([]string{"meeting 2016-06-09 E05001537 environmental", "concern 2016-06-09 E05001537 environmental"}, tt.want...)
		require.Equal(t, want, got, tt.para)
	}
}

// TestBareBodyByKind: a meeting whose words make it a board's or an
// event's, with nothing raised at it and no ward, is the Commissioner's
// time even when its title is cut at a list's brackets or is a clause:
// not emitted. A meeting titled as the public's beside a committee's
// words, one where something was raised, and one at a ward, stay.
func TestBareBodyByKind(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a list cut at its brackets", "Posted on 1 September 2017\n\n2.6 Other meetings attended in the period: the Tees Valley Transport Board (14 July), the APCC summer conference in London (2-3 August) and the Hartlepool Youth Council (16 August).\n", nil},
		{"a clause for a title", "Posted on 1 September 2017\n\nThe Commissioner also spoke at a victims conference in Darlington on 19 August and met the Stockton Youth Council on 10 August, where young people asked about his plans.\n", nil},
		{"the public's meeting beside a committee", "Posted on 1 April 2013\n\nThe Commissioner held one of his public meetings in Billingham in March. The committee hopes he will come to Norton later in the year.\n",
			[]string{"meeting 2013-03-01  "}},
		{"something raised", "Posted on 1 September 2017\n\nThe Commissioner attended the Hartlepool Youth Council on 16 August, where young people raised drug dealing near the college.\n",
			[]string{"meeting 2017-08-16  drugs", "concern 2017-08-16  drugs"}},
		{"an event where something was raised", "Posted on 1 September 2017\n\nAt the Hartlepool business crime conference on 16 August, traders raised shoplifting from the chemists in the town.\n",
			[]string{"meeting 2017-08-16  burglary_theft", "concern 2017-08-16  burglary_theft"}},
		{"an event at a ward", "Posted on 1 September 2017\n\nThe Commissioner went to the open day at the Grangetown Youth Centre on 16 August.\n",
			[]string{"meeting 2017-08-16 E05001509 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestCrowdCameToMeetOfficers: a newsletter's counted readers packed into
// a hall on a day to meet the police is their meeting, and what they
// raised its concerns; a crowd come to meet friends, or to meet the
// police on no day, is none.
func TestCrowdCameToMeetOfficers(t *testing.T) {
	pub := "Posted on 14 November 2016\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"readers to meet the police", pub + "On Tuesday 25th Oct about forty of you squeezed into the church hall in Seaton to meet PCSO Lee and Sgt Ward from the neighbourhood team. The big issue was scrambler bikes on the dunes.\n",
			[]string{"meeting 2016-10-25 E05008951 off_road_bikes", "concern 2016-10-25 E05008951 off_road_bikes"}},
		{"residents to meet councillors", pub + "On Tuesday 25th Oct dozens of residents packed into the church hall in Seaton to meet their councillors. The big issue was scrambler bikes on the dunes.\n",
			[]string{"meeting 2016-10-25 E05008951 off_road_bikes", "concern 2016-10-25 E05008951 off_road_bikes"}},
		{"to meet friends", pub + "On Tuesday 25th Oct about forty of you squeezed into the church hall in Seaton to meet friends for the quiz.\n", nil},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPartnerMeetingsLeadIn: a paragraph that leads by its colon into a
// run-on list of meetings with partners ("the following partnership
// meetings, which were not open to the public: ...") lists boards, not
// meetings with the public; a list that tells what residents raised is
// still read.
func TestPartnerMeetingsLeadIn(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"5.1 The Commissioner also went to the following partner meetings, at which no members of the public were present: Redcar Hate Crime Partnership (4 March); Youth Justice Board (11 March).", true},
		{"He attended these partnership meetings: Safer Hartlepool Partnership (2 May); Cleveland Reducing Reoffending Board (19 May).", true},
		{"3.4 Other strategic meetings, not open to the public: Thornaby Community Safety Partnership (8 June).", true},
		// not a lead-in into partners, or residents told after the colon
		{"The following partner meetings: Hartburn partnership meeting (3 May), where residents raised parking near the school.", false},
		{"The following ward meetings took place: Hartburn (3 May); Norton (9 May).", false},
		{"Partnership meetings are listed in the appendix.", false},
		{"At the Safer Stockton Partnership meeting on 8 June residents raised knife crime.", false},
	} {
		require.Equal(t, tt.want, partnerLeadInList(tt.s), tt.s)
	}
	got := summary(t, "Report of the Commissioner to the Panel, 2 April 2019\n\n"+
		"2.1 On 12 March the Commissioner attended the Yarm ward meeting, where residents raised speeding.\n\n"+
		"2.2 He also went to the following partner meetings, at which no members of the public were present: Redcar Hate Crime Partnership (4 March); Middlesbrough Drugs Partnership (14 March).\n")
	for _, g := range got {
		require.NotContains(t, g, "hate_crime", got)
		require.NotContains(t, g, "drugs", got)
	}
	require.Contains(t, got, "meeting 2019-03-12 E05001552 speeding", got)
}

// TestPoliceWorksVisit: a visit to the police's own working premises (a
// custody suite, a control room, a contact centre) is no meeting with the
// public; a surgery at a police station, or a visit where residents are
// told, still is.
func TestPoliceWorksVisit(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"She also toured the refurbished custody suite at Hartlepool police station (9 May) with two Panel members.", true},
		{"On 3 March the Commissioner visited the force control room to see how 101 calls are handled.", true},
		{"He was shown round the new contact centre on 12 April.", true},
		{"On 4 June he visited the dog section at Ladgate Lane.", true},
		// not the police's own works
		{"On 4 June he held a surgery at Guisborough police station, where residents raised speeding.", false},
		{"He visited the Eston ward on 4 June.", false},
		{"Residents complained that the custody suite had moved out of town.", false},
	} {
		require.Equal(t, tt.want, policeWorksVisitRE.MatchString(tt.s) && !residentsRE.MatchString(tt.s), tt.s)
	}
	got := summary(t, "Report of the Commissioner to the Panel, 2 July 2019\n\n"+
		"2.1 On 12 June the Commissioner attended the Yarm ward meeting, where residents raised speeding.\n\n"+
		"2.2 She also toured the new custody suite at Middlesbrough police station (20 June) with Panel members.\n")
	require.Equal(t, []string{"meeting 2019-06-12 E05001552 speeding", "concern 2019-06-12 E05001552 speeding"}, got)
}

// TestQuoteResumed: a quotation resumed in the sentence after an
// official's attribution is still the official's words; one after a
// resident's, or one with a speaker of its own, is not.
func TestQuoteResumed(t *testing.T) {
	for _, tt := range []struct {
		prev, s string
		want    bool
	}{
		{`"We know the bikes are a menace," said the Commissioner.`, `"The neighbourhood officers now have a list of what residents want done about them."`, true},
		{`"It was a useful evening," Inspector Hall added.`, `"People want to see more patrols on the estate."`, true},
		{`"Nobody is listening," said one pensioner.`, `"We want more patrols on the estate."`, false},
		{`The Commissioner said the evening had been useful.`, `"We want more patrols," residents told him.`, false},
		{`"Thanks for coming," said the Commissioner.`, `"We want more patrols," said one mother.`, false},
		{`"Thanks for coming," said the Commissioner.`, `Residents want more patrols on the estate.`, false},
	} {
		require.Equal(t, tt.want, quoteResumed(tt.prev, tt.s), tt.s)
	}
	got := summary(t, "Commissioner hears from Yarm\n\n5 July 2019\n\n"+
		"Last month the Commissioner also held a drop-in at Yarm library where people raised speeding on the high street.\n\n"+
		`"Yarm is a busy market town and people here want to know the police are listening," said the Commissioner. "The traffic unit and the neighbourhood officers now know which streets residents want patrolled."`+"\n")
	for _, g := range got {
		require.NotContains(t, g, "visible_policing", got)
	}
	require.Contains(t, got, "concern 2019-06-01 E05001552 speeding", got)
}

// TestSeeRunsOn: a cross-reference cut in two by a page's line break
// ("...; see" over "2.1 above.") refers back as a whole one does; a
// paragraph ending on "see" over anything else is read.
func TestSeeRunsOn(t *testing.T) {
	for _, tt := range []struct {
		s, next string
		want    bool
	}{
		{"Dog fouling remains the complaint most often made across Hartlepool; see", "2.3 above.", true},
		{"Speeding was raised again (see paragraph", "3.4 above).", true},
		{"Speeding was raised again; see", "the attached map.", false},
		{"Residents asked the Commissioner to come and see", "2 streets where cars race at night.", false},
		{"Dog fouling was raised across Hartlepool.", "2.3 above.", false},
	} {
		require.Equal(t, tt.want, seeEndRE.MatchString(tt.s) && aboveOpensRE.MatchString(tt.next), tt.s)
	}
	const head = "Report of the Commissioner to the Panel, 2 April 2019\n\n1. This report covers the Commissioner's engagement in February and March 2019.\n\n" +
		"2.1 On 12 March the Commissioner attended the Yarm ward meeting, where residents raised speeding.\n\n"
	got := summary(t, head+"3.1 Off-road bikes remain the issue most often raised across Stockton-on-Tees; see\n\n2.1 above.\n")
	require.Equal(t, []string{"meeting 2019-03-12 E05001552 speeding", "concern 2019-03-12 E05001552 speeding"}, got)
}

// TestMailboxFullOverAMonthAfterMeeting: after a blog's account of a
// meeting, "all through <month>" the writer's inbox or postbag "was full
// of" people's complaints is a concern of that month (letters, not what
// the meeting heard), as "rang" or "emailed" over a month already is. A
// month that is not over before the meeting, a month with no one getting
// in touch, and an inbox that is only mentioned, stay the meeting's.
func TestMailboxFullOverAMonthAfterMeeting(t *testing.T) {
	pub := "Posted on 5 April 2016\n\n" +
		"A quick note on last night's Grangetown residents' meeting at the community hub: people were mainly worried about speeding on Bolckow Road.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"postbag full of, over March", pub +
			"Changing the subject, all through March our postbag was full of complaints from people in the ward about dealing behind the shops.\n",
			[]string{"meeting 2016-04-04 E05001509 speeding", "concern 2016-04-04 E05001509 speeding", "concern 2016-03-01 E05001509 drugs"}},
		{"mailbag bursting, over February", pub +
			"Meanwhile, all through February my mailbag was bursting with letters from people in the ward about dealing behind the shops.\n",
			[]string{"meeting 2016-04-04 E05001509 speeding", "concern 2016-04-04 E05001509 speeding", "concern 2016-02-01  drugs"}},
		// must not fire
		{"no one got in touch", pub +
			"Changing the subject, all through March people spoke about dealing behind the shops.\n",
			[]string{"meeting 2016-04-04 E05001509 drugs,speeding", "concern 2016-04-04 E05001509 speeding", "concern 2016-04-04 E05001509 drugs"}},
		{"inbox only mentioned", pub +
			"Changing the subject, all through March my inbox was open to anyone, and people in the ward were worried about dealing behind the shops.\n",
			[]string{"meeting 2016-04-04 E05001509 drugs,speeding", "concern 2016-04-04 E05001509 speeding", "concern 2016-04-04 E05001509 drugs"}},
		{"the meeting's own month", pub +
			"Changing the subject, all through April our postbag was full of complaints about dealing behind the shops.\n",
			[]string{"meeting 2016-04-04 E05001509 drugs,speeding", "concern 2016-04-04 E05001509 speeding", "concern 2016-04-04 E05001509 drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestOtherWardLastMonthAfterMeeting: after a paragraph telling this
// week's meeting, a concern placed in another ward and told with "last
// month" (or "last week") of its own sentence is not raised at that
// meeting on its day: it is not emitted (precision first). A concern of
// the meeting's own ward that mentions last month, and one of another
// ward with no earlier time, are untouched.
func TestOtherWardLastMonthAfterMeeting(t *testing.T) {
	pub := "Posted on Friday 11 March 2016\n\n" +
		"On Wednesday the Commissioner met residents of Grangetown at the community hub, where people spoke about dealing behind the shops.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a round that began last month", pub +
			"The visit rounds off a tour of the borough that started last month: in Dormanstown on the 12th people raised speeding on the main road.\n",
			[]string{"meeting 2016-03-09 E05001509 drugs", "concern 2016-03-09 E05001509 drugs"}},
		// must not fire
		{"the meeting's own ward, last month", pub +
			"Grangetown residents also said the speeding raised last month on Bolckow Road has not stopped.\n",
			[]string{"meeting 2016-03-09 E05001509 drugs,speeding", "concern 2016-03-09 E05001509 drugs", "concern 2016-03-09 E05001509 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMeetingOutsideCleveland: a Cleveland document's public meeting held
// across the border (a rural crime meeting in Great Ayton, North
// Yorkshire) is emitted with its place and no ward or authority code, with
// what was raised there; a conference or the commissioners' regional
// meeting is not, nor any meeting of a document that names no Cleveland
// place (another force's page).
func TestMeetingOutsideCleveland(t *testing.T) {
	head := "Report to the Police and Crime Panel, 5 October 2022\n\nProgramme of Engagement, August and September 2022\n\n4.1 On 6 September the Commissioner attended the Kader ward meeting in Middlesbrough, where residents raised speeding on Stainton Way.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a public meeting across the border", head + "4.2 On 21 September the Commissioner attended a public meeting on rural crime in Great Ayton, North Yorkshire. Farmers raised hare coursing and thefts of quad bikes.\n",
			[]string{"meeting 2022-09-21 Great Ayton rural_crime", "concern 2022-09-21 Great Ayton rural_crime"}},
		{"a village across the border, unmarked", head + "4.2 On 21 September the Commissioner joined residents at a drop-in in Stokesley about rural crime.\n",
			[]string{"meeting 2022-09-21 Stokesley rural_crime", "concern 2022-09-21 Stokesley rural_crime"}},
		// must not fire
		{"a conference", head + "4.2 On 21 September the Commissioner spoke at a national conference on rural crime in London, where the public's view of policing was discussed.\n", nil},
		{"the regional meeting", head + "4.2 On 22 September the Commissioner attended the North East regional meeting of commissioners in Durham, where residents' priorities were discussed.\n", nil},
		{"another force's page", "Posted on 23 September 2022\n\nOn Wednesday 21 September the Commissioner attended a public meeting on rural crime in Great Ayton, North Yorkshire. Farmers raised hare coursing.\n", nil},
	} {
		require.Equal(t, tt.want, outsideSummary(t, "report.txt", tt.doc), tt.name)
	}
	for name, want := range map[string]bool{"Great Ayton": true, "Middleton St George": true, "Middleton-in-Teesdale": true, "Barnard Castle": true,
		"Wednesday's": false, "North Yorkshire Police": false, "Appendix": false, "Thursday 21st March – North East regional": false, "Durham Constabulary": false} {
		require.Equal(t, want, outsideNameRE.MatchString(name) && !outsideNotPlaceRE.MatchString(name), name)
	}
}

// TestEarlierMeetingInMinutes: an item of minutes raised at the body's
// earlier meeting gives that meeting, with what was raised: on the day the
// record's item on the last meeting's minutes gives ("MINUTES OF THE LAST
// MEETING (16/11/2023)", "The minutes of the meeting held on 8th October
// were approved"), else in the month named; not a meeting to come, nor the
// record's own month, nor an item with no theme.
func TestEarlierMeetingInMinutes(t *testing.T) {
	head := "NORTON CENTRAL PACT\n\nMINUTES OF THE MEETING HELD ON THURSDAY 18/01/2024, 6.30PM\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"the last meeting's item", head + "2. MINUTES OF THE LAST MEETING (16/11/2023) AND MATTERS ARISING\n\nOff-road bikes on the riverside path, raised at the last meeting: officers have seized one bike.\n",
			[]string{"meeting 2024-01-18 E05014875 ", "meeting 2023-11-16 E05014875 off_road_bikes", "concern 2023-11-16 E05014875 off_road_bikes"}},
		{"approved, the month named", "Dormanstown Residents' Association\n\nMinutes of the meeting held on Tuesday 12th November 2019\n\nThe minutes of the meeting held on 8th October 2019 were approved.\n\nCllr Baxby reported back on the parking around the school gates that residents raised at the October meeting.\n",
			[]string{"meeting 2019-11-12 E05012440 ", "meeting 2019-10-08 E05012440 parking_traffic", "concern 2019-10-08 E05012440 parking_traffic"}},
		{"no approval: the month", head + "3. Speeding on Station Road (raised at the November meeting). A speed check was done.\n",
			[]string{"meeting 2024-01-18 E05014875 ", "meeting 2023-11-01 E05014875 speeding", "concern 2023-11-01 E05014875 speeding"}},
		// must not fire
		{"a meeting to come", head + "3. Speeding on Station Road will be taken up at the March meeting.\n",
			[]string{"meeting 2024-01-18 E05014875 "}},
		{"no theme", head + "3. The raffle, raised at the November meeting, made £40.\n",
			[]string{"meeting 2024-01-18 E05014875 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestBriefingInItsPlace: "a street briefing in Redcar town centre" after
// "the Police and Crime Panel in Middlesbrough" in one sentence is
// Redcar's: where a briefing or walkabout was is the place its noun
// governs (meetingInRE), as for a meeting.
func TestBriefingInItsPlace(t *testing.T) {
	res, err := newExtractor(t, Config{}).Extract("week.md", []byte("# My week\n\nPosted on Friday 15 November 2019\n\nThursday morning was the Police and Crime Panel in Middlesbrough, then in the evening I joined PCSOs for a street briefing in Redcar town centre. Shopkeepers showed me broken windows and graffiti on the shutters.\n"))
	require.NoError(t, err)
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Type+" "+e.Date+" "+e.LADCode+" "+e.Place)
	}
	require.Equal(t, []string{"meeting 2019-11-14 E06000003 Redcar", "concern 2019-11-14 E06000003 Redcar"}, got)
}

// TestPartnerBriefingIsNoMeeting: a briefing an agency or partnership gave
// the Commissioner ("received a briefing from the Hartlepool Safer
// Partnership on the new Community Safety Plan") is no meeting with the
// public, whatever it dealt with; a street or residents' briefing is.
func TestPartnerBriefingIsNoMeeting(t *testing.T) {
	head := "Report to the Police and Crime Panel, 2 December 2014\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a partnership's briefing", head + "4.4 On 16 October the Commissioner received a briefing from the Hartlepool Safer Partnership on the new Community Safety Plan. Partners discussed night-time economy data and drug dealing in the town centre.\n", nil},
		{"a partnership briefing", head + "4.4 On 20 October the Commissioner received a partnership briefing on the autumn night-time economy plan in Middlesbrough.\n", nil},
		{"a briefing for town and parish clerks", head + "4.4 The Clerk attended the Redcar and Cleveland Community Safety briefing for town and parish clerks on 6 October in Redcar.\n", nil},
		{"a briefing with the council's team and the inspector", head + "4.4 On 21 October the Commissioner had a useful briefing with the council's community safety team and the neighbourhood inspector in Hartlepool about littering and patrols.\n", nil},
		// must not fire
		{"a street briefing", head + "4.4 On 16 October the Commissioner attended a street briefing in Seaton Carew, Hartlepool, where residents raised drug dealing near the front.\n",
			[]string{"meeting 2014-10-16 E05008951 drugs", "concern 2014-10-16 E05008951 drugs"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestFestivityIsNoMeeting: a sentence telling only celebrations the
// Commissioner attended (a lights switch-on, an awards evening, a bonfire
// event) tells no meeting; one telling a briefing or a residents' meeting
// on Bonfire Night does.
func TestFestivityIsNoMeeting(t *testing.T) {
	head := "Report to the Police and Crime Panel, 4 December 2018\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a switch-on and an awards evening", head + "4.11 The Commissioner attended the Christmas lights switch-on at the Middlehaven Police Station on 29 November and the Stockton Youth Assembly awards evening on 22 November.\n", nil},
		{"a bonfire event", head + "4.12 The Commissioner attended the Eston Bonfire Night community event on 5 November.\n", nil},
		// must not fire
		{"a briefing on Bonfire Night", head + "4.12 On Bonfire Night, 5 November, the Commissioner joined officers for a street briefing with residents in Eston, after fireworks were thrown at cars.\n",
			[]string{"meeting 2018-11-05 E05001508 antisocial_behaviour", "concern 2018-11-05 E05001508 antisocial_behaviour"}},
		{"a briefing after a bonfire display", head + "4.12 On 5 November, after the bonfire display, the Commissioner joined officers for a street briefing with residents in Eston, where fireworks thrown at cars were raised.\n",
			[]string{"meeting 2018-11-05 E05001508 antisocial_behaviour", "concern 2018-11-05 E05001508 antisocial_behaviour"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPairedDaysItems: days listed first, then a plural meeting noun and,
// after a colon, as many items each naming its meeting: each day is its
// item's meeting, with what was raised there; a list of another length
// is not paired.
func TestPairedDaysItems(t *testing.T) {
	head := "Report to the Police and Crime Panel, 8 December 2015\n\n"
	item := "4.3 On 13 October and 15 October the Commissioner attended meetings in East Cleveland: the Loftus ward meeting at the Loftus Town Hall annexe, where farmers spoke about hare coursing on the moor edge, and the Skelton ward residents' meeting at the Skelton Civic Hall, where the key area highlighted was a run of thefts from garages and sheds"
	require.Equal(t, []string{
		"meeting 2015-10-13 E05001514 rural_crime", "meeting 2015-10-15 E05001521 burglary_theft",
		"concern 2015-10-13 E05001514 rural_crime", "concern 2015-10-15 E05001521 burglary_theft",
	}, summary(t, head+item+".\n"))
	require.Nil(t, pairedDaysItems("On 13 October and 15 October he attended meetings: the Loftus ward meeting, the Skelton ward meeting and the Brotton ward meeting.", dates.Find("On 13 October and 15 October he attended meetings: the Loftus ward meeting, the Skelton ward meeting and the Brotton ward meeting.")), "three items, two days")
	require.Nil(t, pairedDaysItems("On 13 October and 15 October he attended meetings in Loftus and Skelton.", dates.Find("On 13 October and 15 October he attended meetings in Loftus and Skelton.")), "no colon")
}

// TestRecallIsNotFuture: "Some of you will remember that back in March
// ... I went along to a residents' meeting" looks back: the meeting was
// held; "a residents' meeting will be held in March" is one to come.
func TestRecallIsNotFuture(t *testing.T) {
	front := "---\ndate: 2023-11-20\n---\n\n# News\n\n"
	require.Equal(t, []string{"meeting 2023-03-01 E05009868 burglary_theft", "concern 2023-03-01 E05009868 burglary_theft"},
		summary(t, front+"Some of you will remember that back in March, before the boundary changes, I went along to a Nunthorpe residents' meeting where people shared their concern that burglaries of garden sheds were on the rise.\n"))
	require.Nil(t, summary(t, front+"A Nunthorpe residents' meeting will be held in March, where people can raise burglaries of garden sheds.\n"))
}

// TestBareOccasion: a bike-marking day, a police operation's briefing or an
// agencies' rural crime forum with nothing said of what was raised there
// is no meeting with the public, and a theme its own name gives is not a
// concern; the same forum where farmers raised something is counted,
// and a meeting's clause that mentions days of action is that meeting's.
func TestBareOccasion(t *testing.T) {
	const pub = "POLICE AND CRIME PANEL\n\n14 November 2023\n\nCOMMISSIONER'S PROGRAMME OF ENGAGEMENT, SEPTEMBER - OCTOBER 2023\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a bike-marking day", "Posted on 16 October 2023\n\nThank you to everyone who came to our bike marking day at Seaton Carew on Saturday 14 October.\n", nil},
		{"an operation's briefing, its theme in the operation's description", pub + "4.2 On 19 October the Commissioner joined officers for a briefing on Operation Endurance, the force's operation against the misuse of off-road bikes. Since April it has seized 80 bikes, 30 of them in Hartlepool.\n", nil},
		{"a rural crime forum", pub + "4.3 On 12 October the Commissioner attended the Cleveland Rural Crime Forum in Guisborough.\n", nil},
		// must not fire
		{"a rural crime forum where farmers raised something", pub + "4.3 On 12 October the Commissioner attended the Cleveland Rural Crime Forum in Guisborough, where farmers raised concerns about speeding on the moor roads.\n",
			[]string{"meeting 2023-10-12 E05012443 rural_crime,speeding", "concern 2023-10-12 E05012443 speeding"}},
		{"a ward meeting that mentions days of action", pub + "4.4 At the Newport ward meeting on 17 October residents raised off-road bikes on the beck path; the team has since carried out two days of action.\n",
			[]string{"meeting 2023-10-17 E05009866 off_road_bikes", "concern 2023-10-17 E05009866 off_road_bikes"}},
		{"a clause of a ward's last meeting that mentions days of action", "Posted on 14 June 2019\n\nAt the last meeting of the Kirkleatham ward back in April, residents raised problems with quad bikes, and the neighbourhood team has since carried out two days of action.\n",
			[]string{"meeting 2019-04-01 E05001512 off_road_bikes", "concern 2019-04-01 E05001512 off_road_bikes"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestPanelsOwnMinutes: the Police and Crime Panel's minutes record the
// Panel's sitting, which is no meeting with the public, nor is what its
// members said there a concern; the engagement they report is counted.
// A residents' association's minutes record its meeting.
func TestPanelsOwnMinutes(t *testing.T) {
	body := "MINUTES of the meeting held at Hartlepool Civic Centre on Tuesday 2 July 2013\n\n" +
		"Members raised concerns about partnership working with the council.\n\n" +
		"3. The Commissioner reported that at the Rossmere ward meeting on 8 May residents raised speeding on Catcote Road.\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"the Panel's minutes", "CLEVELAND POLICE AND CRIME PANEL\n\n" + body,
			[]string{"meeting 2013-05-08 E05008944 speeding", "concern 2013-05-08 E05008944 speeding"}},
		// must not fire
		{"a residents' association's minutes", "ROSSMERE RESIDENTS' ASSOCIATION\n\n" + body,
			[]string{"meeting 2013-07-02 E05008944 partnership", "concern 2013-07-02 E05008944 partnership", "meeting 2013-05-08 E05008944 speeding", "concern 2013-05-08 E05008944 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestMeetingMonthHeadings: a "you said, we did" page that heads each
// section with a meeting and the month and year it was held ("Acklam
// drop-in, May 2017") tells that meeting in that month, with what its
// "You said" gives; a heading with no public meeting's noun, or a month
// without its year, is not a meeting.
func TestMeetingMonthHeadings(t *testing.T) {
	page := func(h2 string) string {
		return `<html><body><h1>You said, we did</h1><p>Updated <time datetime="2017-06-20">20 June 2017</time></p><section><h2>` + h2 +
			`</h2><h3>You said</h3><p>Residents raised a number of garden shed break-ins.</p><h3>We did</h3><p>We handed out shed alarms.</p></section></body></html>`
	}
	for _, tt := range []struct {
		name, h2 string
		want     []string
	}{
		{"a drop-in and its month", "Acklam drop-in, May 2017",
			[]string{"meeting 2017-05-01 E05009853 burglary_theft", "concern 2017-05-01 E05009853 burglary_theft"}},
		// must not fire
		{"no meeting's noun", "Online survey, Acklam ward, May 2017",
			[]string{"concern 2017-05-01 E05009853 burglary_theft"}},
	} {
		got := summaryFile(t, "page.html", page(tt.h2))
		var kept []string
		for _, g := range got {
			if !strings.HasPrefix(g, "action ") {
				kept = append(kept, g)
			}
		}
		require.Equal(t, tt.want, kept, tt.name)
	}
}

// TestReportedBefore: a Programme of Engagement's sentence saying the
// meeting it names was told in the report before ("was reported to the
// Panel at its last meeting and is not repeated here") gives no meeting;
// a meeting of the period beside it is counted.
func TestReportedBefore(t *testing.T) {
	const head = "POLICE AND CRIME PANEL\n\n14 December 2024\n\nCOMMISSIONER'S PROGRAMME OF ENGAGEMENT, OCTOBER - NOVEMBER 2024\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"reported at the last meeting", head + "3.2 The Saltburn ward meeting attended in September was reported to the Panel at its last meeting and is not repeated here.\n", nil},
		{"recalled from the previous report", head + "3.2 Members will recall from the previous report that actions from the September meetings in Yarm and Eaglescliffe were still being progressed.\n", nil},
		// must not fire
		{"a meeting of the period", head + "3.3 The Saltburn ward meeting on 8 October heard about speeding on the coast road.\n",
			[]string{"meeting 2024-10-08 E05012453 speeding", "concern 2024-10-08 E05012453 speeding"}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}

// TestQuotedThisMonthIsTheSpeakers: after a meeting told on its day, a
// sentence naming the meeting again whose only date is a speaker's "this
// month" inside a quotation ("had found needles \"three times this
// month\"") is that meeting, not another dated by the month; a quotation
// that names an earlier meeting with its month keeps it.
func TestQuotedThisMonthIsTheSpeakers(t *testing.T) {
	const head = "Posted on Thursday 9 May 2013\n\nResidents packed into a South Bank church hall on Tuesday night to tell police they had had enough of drug dealing.\n\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"the speaker's month", head + "More than 60 people turned out for the South Bank ward meeting at St Peter's hall, where one grandmother said she had found used needles in the back lane \"three times this month\".\n",
			[]string{"meeting 2013-05-07 E05001522 drugs", "concern 2013-05-07 E05001522 drugs"}},
		// must not fire: the quotation names its own earlier meeting
		{"a quoted earlier meeting", head + "The Commissioner said: \"I heard the same about drugs at a Grangetown residents' meeting last month.\"\n",
			[]string{"meeting 2013-05-07 E05001522 drugs", "concern 2013-05-07 E05001522 drugs", "meeting 2013-04-01 E05001509 "}},
	} {
		require.Equal(t, tt.want, summary(t, tt.doc), tt.name)
	}
}
