package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
	"github.com/wardpulse/wardpulse/ingest/extract/segment"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// run is the state of one extraction.
type run struct {
	officialsMet   map[int]bool      // blocks telling a meeting between officials (mpMeetsPCCRE), which no later "The meeting ..." takes as the public's
	leadPlace      bool              // the concerns being read are a news item's opening, placed by the meeting told after it
	themeHint      []string          // a forum's themes for the concern being emitted (forumThemes)
	topicsSaid     []topicSaid       // themes a community meeting's own sentence names (topicConcerns)
	recordAnchored bool              // a.Published is a record's meeting day (recordAnchor), not the document's
	postDays       map[int]time.Time // a listing's "Posted on" lines by block: each post's own day (postLines)
	postStart      map[int]time.Time // a listing's posts dated by a line at their foot or head, by each post's first block (postDateLines)
	postDateLine   map[int]bool      // those date lines
	x              *Extractor
	blocks         []segment.Block
	published      string // the publication date markup gave, "" if none
	// chromeLines are the site header's and footer's short lines, dropped
	// from the text as chrome, which may say when the page was published.
	chromeLines []string
	hash        string
	res         *Result
	a           dates.Anchors
	// dates are each block's date mentions, tagged once (the find stage
	// asks for them many times).
	dates [][]dates.Mention
	// titlePlace is the one ward the document's title names ("NORTON
	// SOUTH WARD COMMUNITY MEETING"), for minutes whose meeting line names
	// only a venue; nil if none or several.
	titlePlace *gazetteer.Resolution
	// docLAD is the document's local authority when every place it names
	// lies in one, as a news item about one town does; nil otherwise.
	docLAD     *gazetteer.Resolution
	docLADDone bool
	// cleveland: some block names a Cleveland place (namesCleveland).
	cleveland, clevelandDone bool
	perPara                  map[int]int   // events emitted so far per paragraph: the index in the id
	held                     []*meetingCtx // meetings emitted so far, so one told twice is one event
	recordDay                time.Time     // the day of the meeting a record (minutes, notes) with no publication date records
	rowHeld                  []*meetingCtx // meetings of table rows, so a meeting cell spanning rows is one event
	said                     bool          // walking the paragraphs under a "You said" heading
	tableMonth               string        // the month a table's spanning row gave ("September 2019"), for rows that give only the day
	tableWeek                dates.Mention // the week a spanning row began ("w/c 29 August"): a row's day before its day is in the next month
	rowMonth                 time.Month    // the month of the last table row dated with a day and month, for a row that gives the day alone ("Weds 4th")
	tableMeeting             *meetingCtx   // the meeting a table's spanning row told ("Guisborough PACT – Wednesday 10th January 2024"), for the rows under it
	rowAbove                 *meetingCtx   // the meeting the table row just above told or went on with (rowAboveN its block)
	rowAboveN                int
	record                   bool // a heading said "Minutes" or "Notes" and named no meeting: the first meeting after it is the record's
	topic                    bool // walking the paragraphs under a heading of residents' issues ("Issues raised", "You said")
	secQuiet                 bool // walking the paragraphs under a heading of the police's or the council's own ("Police update", "We did")
	meetSec                  bool // walking the paragraphs under a heading of meetings held ("Ward meetings held online")
	logSec                   bool // meetSec under the title of a log of meetings ("Surgery diary"): an entry's day makes it one, named place or not
	partnerSec               bool // under a heading or lead-in of meetings with partners ("6. Partnership and strategic meetings"): none is with the public
	quiet                    bool // secQuiet, or the block is an item so labelled ("Item 2 - Police report ...")
	business                 bool // walking a council's own business (planning, finance): nothing in it is a concern
	findCache                map[findKey][]gazetteer.Mention

	// headDays: the day a weekday heading gives the paragraphs under it,
	// by block index (weekdayHeadDays).
	headDays map[int]dates.Mention
	// leadDays: the day a paragraph of a week told day by day opens with
	// ("Tuesday was my surgery in ..."), by block index (weekdayHeadDays).
	leadDays map[int]dates.Mention

	// committeeSitting: the document is a council committee's page for
	// one sitting (committeeSittingTitle): a meeting it tells that names
	// no place of its own is the committee's, not one with the public.
	committeeSitting bool
	// partnersListed: the report said it lists its partnership meetings
	// or boards for completeness (partnersListedRE): their rows are no
	// meetings with the public.
	partnersListed bool
	// membersPublic: the document is a residents' or tenants' association's
	// own (residentsGroupRE in its first blocks, groupImprintRE in its
	// last): its "members" are the residents who belong to it
	// (membersSaid).
	membersPublic bool
	// secPlaces are the wards a heading names for the paragraphs under it
	// ("**Newtown ward**" under "### August 2022"; "All three wards": the
	// wards the page says it covers), for concerns that name none.
	secPlaces []gazetteer.Resolution
	// cardPlace is the place the last heading was by itself ("Loftus"
	// over a "You said, we did" card); cardLine is set while the line
	// right under it is read for its meeting.
	cardPlace *gazetteer.Resolution
	cardLine  bool
	// secLAD is the authority the last heading named alone ("3.
	// Stockton-on-Tees"), placing its entries that name no known place
	// (authorityHeading).
	secLAD *gazetteer.Resolution

	// placeUnsaid holds the meetings whose sentence names no place of
	// theirs (placed by a fall-back), for dropMonthRetold.
	placeUnsaid map[string]bool
}

type findKey struct {
	text string
	day  string
}

var (
	// postedRE: a line opening with a label of when the document was
	// published or written ("Posted on", "Last updated:", the minute-taker's
	// "(typed up 14/5/23 - M.C.)" at the foot of a volunteer's minutes, a
	// newsletter's imprint "Printed 3rd May 2024 and delivered by
	// volunteers": a printed issue goes out when it is printed).
	postedRE = regexp.MustCompile(`(?i)^[\s_*(\[|=—–-]*(?:(?:this )?(?:page|article|story|post|item|news item)\s+)?(?:printed (?:and|&) )?(?:update added|entry added|added|posted|published|first published|last updated|updated|last reviewed|reviewed|last modified|modified|date(?:d)?|issued|released|for (?:immediate )?release|release date|prepared|typed(?: up)?|report date|date of report|printed)\b(?:\s+on)?\s*:?\s*`)
	// pubLineRE: a short line that says when the page was published
	// with the verb inside it ("This article was published on 24 June
	// 2021", "For immediate release: Friday 10 July 2015"): the full date
	// must follow the verb directly.
	// ("Sent to members on Monday 2nd October 2023": a newsletter
	// emailed to its members.)
	pubLineRE = regexp.MustCompile(`(?i)\b(?:posted|published|updated|issued|released|circulated|for (?:immediate )?release|release date|(?:sent|e-?mailed)(?:\s+out)?(?:\s+to\s+(?:all\s+)?(?:our\s+)?(?:members|subscribers|residents|households))?)\b(?:\s+(?:on|at))?\s*:?\s*`)
	// mailSentRE: an e-mail's headers pasted at its top, opening with
	// "From:" or, in a message saved whole (an .eml file), with the
	// fields its servers add before it (see mailTransportRE); its date
	// field ("Sent:" in Outlook's, "Date:" in a raw message's) is found by
	// mailDateEnd.
	mailSentRE = regexp.MustCompile(`^(?:From|` + mailTransportFields + `):\s`)
	reportRE   = regexp.MustCompile(`(?i)\breport (?:to|of|for)\b|\bpanel\b`)
	lastWeekRE = regexp.MustCompile(`(?i)\blast week\b`)
	// seasonYearRE: "Autumn 2018", "Summer newsletter 2019".
	seasonYearRE = regexp.MustCompile(`(?i)\b(?:spring|summer|autumn|winter)\b[^0-9]{0,20}\b((?:19|20)[0-9]{2})\b`)
	// reportHeadRE: a heading that names the report, whose span is its
	// period ("Programme of Engagement: August - September 2020"); other
	// dated headings are sections' spans.
	reportHeadRE = regexp.MustCompile(`(?i)\b(?:engagement|report)\b`)
)

// tag runs the date tagger over every block once.
func (r *run) tag() {
	r.dates = make([][]dates.Mention, len(r.blocks))
	headMonth := "" // the heading over the paragraph, when it is a month and its year ("January 2022")
	aboutMeeting := false
	for i := range r.blocks {
		b := &r.blocks[i]
		if i < 4 && strongMeetingRE.MatchString(b.Text) {
			aboutMeeting = true
		}
		if aboutMeeting && i >= 2 {
			b.Text = oneMeetingRE.ReplaceAllString(b.Text, "${1}${2} meeting")
			b.Text = dayResidentsRE.ReplaceAllString(b.Text, "${1}at the ${2} meeting, residents ${3}")
		} else {
			b.Text = seriesOne(b.Text)
		}
		if b.Heading {
			headMonth = ""
			if t := strings.Trim(b.Text, " *#:"); monthYearRE.MatchString(t) {
				headMonth = t
			}
		} else if headMonth != "" {
			b.Text = headMonthDay(b.Text, headMonth)
		}
		b.Text = monthMeetingDay(b.Text)
		r.dates[i] = dates.Find(b.Text)
	}
}

// oneMeetingRE: "one" standing for a meeting after "at the" and a
// place's name or "last" ("Was at the Teesville one last Thursday", "I
// said at the last one in July"), in a post whose opening names the
// meeting it is about: that place's meeting, told as a meeting would be.
var oneMeetingRE = regexp.MustCompile(`\b((?i:at|to) the )((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}) one\b`)

// seriesOne reads "one" after "at the" and a name (oneMeetingRE) as the
// meeting the sentence right before it names, in a post that is not
// about a meeting as a whole (a newsletter's item on the PCSO's monthly
// drop-ins: "The PCSO holds a surgery at the library each month. At the
// March one (Tues 12th) people asked about ..."): that meeting, told as a
// meeting would be. With no meeting word in the sentence before ("We
// bought new chairs. At the March one ...") it is left as written.
func seriesOne(text string) string {
	locs := oneMeetingRE.FindAllStringSubmatchIndex(text, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		l := locs[k]
		before := strings.TrimRight(text[:l[0]], " ")
		if !strings.HasSuffix(before, ".") {
			continue // the sentence before must end right before this one opens
		}
		prev := before[:len(before)-1]
		if j := strings.LastIndexAny(prev, ".!?"); j >= 0 {
			prev = prev[j+1:]
		}
		if !strongMeetingRE.MatchString(prev) {
			continue
		}
		text = text[:l[5]] + " meeting" + text[l[1]:]
	}
	return text
}

// dayResidentsRE: a day opening a clause whose subject is a place's
// residents raising something ("The following evening, Wednesday 10th,
// Loftus residents raised thefts of quad bikes"), in a document about
// meetings: that place's meeting on that day, told without the word.
var dayResidentsRE = regexp.MustCompile(`((?:^|[.;]\s+|,\s+)(?:[A-Z][a-z]+\s+(?:[a-z]+\s+){0,2})?(?:,\s*)?(?:[Oo]n\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th)?(?:\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))?,?\s+)((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})\s+residents\s+(raised|talked about|spoke about|complained about|told)\b`)

// monthYearRE: a month and its year alone; weekdayDayRE: a weekday and a
// day of the month without the month ("on Wednesday 19th", "Tuesday the
// 9th"), group 3 what follows.
var (
	monthYearRE  = regexp.MustCompile(`(?i)^(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+[0-9]{4}$`)
	weekdayDayRE = regexp.MustCompile(`\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)?\b([,.;:!?)]|\s+[a-z]+|\s*$)`)
	// rangeNextRE: the word after a day that makes it a range's first
	// ("Monday 5 to Friday 9 September"), whose month is the range's.
	rangeNextRE = regexp.MustCompile(`^\s+(?:to|and|until|till|through|or|of)$`)
)

// headMonthDay gives a weekday's day of the month the month and year of
// the heading it stands under ("January 2022" over "Later in the month,
// on Wednesday 19th, I joined ..." is Wednesday 19th January 2022): a
// diary told month by month names the month once, in its heading. Only a
// day followed by no month of its own (punctuation, or a word in lower
// case); the resolver still checks that the weekday is that day's.
func headMonthDay(text, month string) string {
	locs := weekdayDayRE.FindAllStringSubmatchIndex(text, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		l := locs[k]
		if rangeNextRE.MatchString(text[l[6]:l[7]]) {
			continue
		}
		text = text[:l[0]] + text[l[2]:l[3]] + " " + text[l[4]:l[5]] + " " + month + text[l[6]:]
	}
	return text
}

// monthMeetingRE: a meeting named by its month ("our February meeting",
// "at September's surgery"); weekdayTheDayRE: a weekday and a day of the
// month without the month ("on Tuesday the 9th", "(Saturday 4th)").
var (
	monthMeetingRE  = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)(?:'s|’s)? (?:community |residents'? |public |ward |PACT )?(?:meeting|surgery|drop-in|forum)\b`)
	weekdayTheDayRE = regexp.MustCompile(`\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),? (?:the )?([0-9]{1,2})(?:st|nd|rd|th)\b`)
	// monthAfterRE: a month written after the day, which then has one.
	monthAfterRE = regexp.MustCompile(`^,?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`)
)

// monthMeetingDay gives a weekday's day of the month its month when the
// paragraph names its meeting by the month and tells no other date ("what
// a turnout for our February meeting! Thank you to the 31 of you who
// braved the rain on Tuesday the 9th" is Tuesday 9th February; a
// newsletter's "At October's surgery (Saturday 2nd) people asked about
// ..." is Saturday 2nd October); the resolver still checks that the
// weekday is that day's. A day with its month after it ("Saturday 4th
// September") has it already.
func monthMeetingDay(text string) string {
	ms := monthMeetingRE.FindAllStringSubmatch(text, -1)
	days := weekdayTheDayRE.FindAllStringSubmatchIndex(text, -1)
	if len(ms) != 1 || len(days) != 1 || len(dates.Find(text)) > 1 || monthAfterRE.MatchString(text[days[0][1]:]) {
		return text
	}
	d := days[0]
	return text[:d[0]] + text[d[2]:d[3]] + " " + text[d[4]:d[5]] + " " + ms[0][1] + text[d[1]:]
}

// datesOf is block b's date mentions.
func (r *run) datesOf(b *segment.Block) []dates.Mention { return r.dates[b.N-1] }

// anchor reads the publication date (from markup, else the best of the
// lines that may give it: findPublished), the period a
// report covers, the named PCC and the title's ward, which dates without a
// year and places are resolved against.
func (r *run) anchor() {
	if r.published != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", time.DateOnly} {
			s := r.published
			if len(s) > len(layout) && layout == time.DateOnly {
				s = s[:len(layout)]
			}
			if t, err := time.Parse(layout, s); err == nil {
				r.a.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
				break
			}
		}
		if ms := dates.Find(r.published); r.a.Published.IsZero() && len(ms) == 1 && ms[0].Day > 0 && ms[0].Month > 0 && ms[0].Year > 0 && ms[0].EndDay == 0 {
			// "published: 15 February 2025" in a post's front matter: a
			// day written in words is the publication day as an ISO one is.
			r.a.Published = time.Date(ms[0].Year, ms[0].Month, ms[0].Day, 0, 0, 0, 0, time.UTC)
		}
	}
	if r.a.Published.IsZero() {
		r.a.Published = r.findPublished()
		r.postDays = r.postLines()
	}
	if r.a.Published.IsZero() {
		r.a.Published = r.x.published // the caller's, for a document that gives none
	}
	// A meeting's record gives its own day ("Minutes of the Annual
	// General Meeting held on Monday 13 May 2024"): a span one of its
	// items looks back over ("the Chair's report: over the twelve months
	// from May 2023 to April 2024, residents raised ...") is what that
	// item speaks of, not the document's period, when the record's day
	// lies outside it.
	var recordDay time.Time
	if r.a.Published.IsZero() {
		recordDay = r.recordDate()
	}
	outsideRecord := func(from, to time.Time) bool {
		return !recordDay.IsZero() && (recordDay.Before(from) || recordDay.After(to))
	}
	var all strings.Builder
	for i := range r.blocks {
		b := &r.blocks[i]
		all.WriteString(b.Text)
		all.WriteString("\n")
		if r.a.PeriodStart.IsZero() && b.Heading && !reportHeadRE.MatchString(b.Text) {
			if from, to, ok := headingTailSpan(b, i); ok {
				r.a.PeriodStart, r.a.PeriodEnd = from, to
			}
		}
		if r.a.PeriodStart.IsZero() && i < 8 {
			if from, to, ok := endingSpan(b.Text); ok && (b.Heading || r.a.Published.IsZero() || !from.After(r.a.Published)) {
				// (a sentence's span that starts after the document was
				// written is a plan's: see below)
				r.a.PeriodStart, r.a.PeriodEnd = from, to
			}
		}
		if r.a.PeriodStart.IsZero() && (!b.Heading || reportHeadRE.MatchString(b.Text)) {
			if from, to, ok := dates.FindPeriod(b.Text); ok {
				if !b.Heading && outsideRecord(from, to) {
					continue
				}
				if !b.Heading && !r.a.Published.IsZero() && from.After(r.a.Published) {
					// "The operation will run initially from March to
					// September 2020" in a press release's notes of 11
					// February 2020: a span that starts after the
					// document was written is what is planned, not the
					// period it reports on.
					continue
				}
				r.a.PeriodStart, r.a.PeriodEnd = from, to
			} else if from, to, ok := headingTailSpan(b, i); ok {
				r.a.PeriodStart, r.a.PeriodEnd = from, to
			} else if b.Heading && i < 8 {
				// "Programme of Engagement: May 2015": a report heading's one
				// month is its period.
				if ds := r.datesOf(b); len(ds) == 1 && ds[0].Day == 0 && ds[0].Month != 0 && ds[0].Year != 0 && ds[0].EndMonth == 0 && ds[0].RelMonth == "" {
					if sp, _, err := r.a.Resolve(ds[0], false); err == nil {
						r.a.PeriodStart, r.a.PeriodEnd = sp.Start, sp.End
					}
				}
			}
		}
	}
	for i := 0; r.a.PeriodStart.IsZero() && i < len(r.blocks) && i < 4; i++ {
		// "The table below sets out what residents in each area told us
		// over September, October and November" on a page of 4 December
		// 2020: the months just gone.
		if from, to, ok := dates.FindRecentPeriod(r.blocks[i].Text, r.a.Published); ok {
			r.a.PeriodStart, r.a.PeriodEnd = from, to
		}
	}
	r.a.TermWho, r.a.TermFrom, r.a.TermTo = dates.Term(all.String())
	if r.a.Published.IsZero() && r.a.PeriodStart.IsZero() {
		// "WESTWORTH WARD NEWSLETTER / Autumn 2018": a season and year
		// near the top date the days written without a year.
		for i := 0; i < len(r.blocks) && i < 4; i++ {
			if m := seasonYearRE.FindStringSubmatch(r.blocks[i].Text); m != nil {
				r.a.Year, _ = strconv.Atoi(m[1])
				break
			}
			// "# Meeting notes — April 2018" over "Monday 23rd April,
			// 7pm": a heading's month and year, likewise.
			if ds := r.dates[i]; r.blocks[i].Heading && len(ds) == 1 && ds[0].Day == 0 && ds[0].Month != 0 && ds[0].Year != 0 && ds[0].EndMonth == 0 {
				r.a.Year = ds[0].Year
				break
			}
		}
	}
	if r.a.Published.IsZero() && r.a.PeriodStart.IsZero() {
		r.recordDay = r.recordDate()
		if r.a.Year == 0 && !r.recordDay.IsZero() {
			r.a.Year = r.recordDay.Year()
		}
	}
	for i := 0; i < len(r.blocks) && i < 8 && !r.committeeSitting; i++ {
		r.committeeSitting = r.committeeSittingTitle(r.blocks[i].Text)
	}
	r.res.Published, r.res.PeriodFrom, r.res.PeriodTo = r.a.Published, r.a.PeriodStart, r.a.PeriodEnd
	r.titlePlace = r.findTitlePlace()
	r.postStart, r.postDateLine = r.postDateLines()
	r.monthlessDays()
	r.titleMonthDays()
	r.monthSoFarDays()
	r.weekdayHeadDays()
}

// monthSoFarRE: words saying a paragraph tells the publication's month so
// far ("It has been a busy month for ...", "this month", "so far this
// month").
var monthSoFarRE = regexp.MustCompile(`(?i)\b(?:this month|(?:it['’]s|it has|has|have) been an? (?:[a-z-]+\s+){0,2}month)\b`)

// sentenceOrdinalsRE: bareOrdinalsRE, opening a sentence too ("On the 3rd").
var sentenceOrdinalsRE = regexp.MustCompile(`\b[Oo]` + strings.TrimPrefix(bareOrdinalsRE.String(), `\bo`))

// monthSoFarDays gives a day written as an ordinal alone ("On the 3rd")
// the publication's month when its paragraph says, before it, that it
// tells the month so far: a news item of 17 October opening "It has been a
// busy month for community meetings. On the 3rd the Commissioner was at
// ..." means 3 October. Only a day before the publication's, with no month
// written before it in the paragraph (dates' bareDays gives it that one),
// not in a sentence of what recurs or is to come, not in a table row; a
// paragraph that does not say so leaves the day unread (nothing guesses
// it).
func (r *run) monthSoFarDays() {
	pub := r.a.Published
	if pub.IsZero() {
		return
	}
	stamp := " " + pub.Format("January 2006")
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.Cells != nil || b.Heading {
			continue
		}
		text := b.Text
		so := monthSoFarRE.FindStringIndex(text)
		if so == nil {
			continue
		}
		text = stampOrdinals(text, sentenceOrdinalsRE, r.dates[i], so[1], stamp, func(d int) bool { return d >= 1 && d < pub.Day() })
		if text != b.Text {
			b.Text = text
			r.dates[i] = dates.Find(b.Text)
		}
	}
}

// weekdayHeadRE: a heading that is a weekday alone, or a weekday and a few
// words after a dash or colon ("Tuesday", "Thursday – Norton South",
// "Friday: the last stop"); group 1 is the weekday.
var weekdayHeadRE = regexp.MustCompile(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s*[–—:-]\s*[^.!?]{1,50})?$`)

// weekAheadRE: words saying the week a post tells is still to come.
var weekAheadRE = regexp.MustCompile(`(?i)\b(?:next week|the week ahead|the coming week|this coming week|the week to come)\b`)

// weekdayHeadDays dates the paragraphs of a week told day by day under
// headings that name only the weekday: a post "My week" whose "## Monday"
// stands over "In the evening I was at the residents' meeting in the
// community centre", and "## Thursday – Stockton" over "To Stockton, for
// the ward meeting": the heading is the day those paragraphs tell, as if
// each sentence opened with it. The days are those of the one week, Monday
// to Sunday, that ends nearest before the publication date with every
// heading's day on or before it (a post of Saturday 9 March about Monday
// to Friday is 4-8 March; one of Monday 11 March about Monday to Friday,
// the week before). Only two headings or more, in the week's order (a
// diary, not a weekly timetable), in a post dated, and not a week to come
// ("Next week I'll be at ..." before them); a paragraph runs to the next
// heading of any kind ("And the post bag" ends Friday's). meetings uses
// the day for a sentence that gives none of its own.
func (r *run) weekdayHeadDays() {
	pub := r.a.Published
	if pub.IsZero() {
		return
	}
	type head struct {
		i  int
		wd time.Weekday
	}
	var heads, leads []head
	ahead := false // ("Next week I'll be at ..." before the days)
	// (weekday labels, weekdayLabelRE: told as done in one at least, to
	// come in none)
	labels, labelFuture, labelPast := 0, false, false
	for i := range r.blocks {
		b := &r.blocks[i]
		if len(heads)+len(leads) > 0 && weekAheadTurn(b) {
			// (the post turns to the week to come: "## Next week" over
			// "On Tuesday I'm at ...", weekAheadTurn)
			break
		}
		if !b.Heading {
			if len(heads) == 0 && len(leads) == 0 && weekAheadRE.MatchString(b.Text) {
				ahead = true
			}
			if m := weekdayLeadRE.FindStringSubmatch(b.Text); m != nil && !b.Bullet && len(b.Cells) == 0 {
				wd, _ := dates.WeekdayOf(m[1])
				if off := dayOffLeadRE.FindStringSubmatch(b.Text); off != nil {
					wd, _ = dates.WeekdayOf(off[2]) // ("Monday was a bank holiday, so ... until Tuesday, when": dayOffLeadRE)
				}
				leads = append(leads, head{i, wd})
			} else if m := weekdayLabelRE.FindStringSubmatch(b.Text); m != nil && !b.Bullet && len(b.Cells) == 0 {
				wd, _ := dates.WeekdayOf(m[1])
				leads = append(leads, head{i, wd})
				labels++
				// (a paragraph that tells what was done and then a plan,
				// "I have asked the inspector to come back to the next
				// meeting", is a day done; one of a plan alone is to come)
				past := pastDoneRE.MatchString(b.Text)
				if futureRE.MatchString(b.Text) && !past {
					labelFuture = true
				}
				labelPast = labelPast || past
			}
			continue
		}
		m := weekdayHeadRE.FindStringSubmatch(strings.Trim(b.Text, " *#"))
		if m == nil {
			if len(heads) == 0 && len(leads) == 0 && weekAheadRE.MatchString(b.Text) {
				ahead = true
			}
			continue
		}
		wd, _ := dates.WeekdayOf(m[1])
		heads = append(heads, head{i, wd})
	}
	if ahead {
		return
	}
	// week gives each day's date, or nil when the days are not one week
	// told in its order.
	week := func(hs []head) []time.Time {
		if len(hs) < 2 {
			return nil
		}
		monFirst := func(wd time.Weekday) int { return (int(wd) + 6) % 7 }
		last := -1
		for _, h := range hs {
			if monFirst(h.wd) <= last {
				return nil // (not in the week's order: a timetable, or two weeks)
			}
			last = monFirst(h.wd)
		}
		monday := pub.AddDate(0, 0, -monFirst(pub.Weekday()))
		if monday.AddDate(0, 0, last).After(pub) {
			monday = monday.AddDate(0, 0, -7)
		}
		ts := make([]time.Time, len(hs))
		for k, h := range hs {
			ts[k] = monday.AddDate(0, 0, monFirst(h.wd))
		}
		return ts
	}
	if ts := week(heads); ts != nil {
		r.headDays = map[int]dates.Mention{}
		for k, h := range heads {
			t := ts[k]
			m := dates.Mention{Text: r.blocks[h.i].Text, Day: t.Day(), Month: t.Month(), Year: t.Year(), Weekday: h.wd, HasWeekday: true}
			for j := h.i + 1; j < len(r.blocks) && !r.blocks[j].Heading; j++ {
				r.headDays[j] = m
			}
		}
		return
	}
	if labels > 0 && (labelFuture || !labelPast) {
		return
	}
	if ts := week(leads); ts != nil {
		r.leadDays = map[int]dates.Mention{}
		for k, h := range leads {
			t := ts[k]
			r.leadDays[h.i] = dates.Mention{Text: r.blocks[h.i].Text, Day: t.Day(), Month: t.Month(), Year: t.Year(), Weekday: h.wd, HasWeekday: true}
		}
	}
}

// weekAheadTurnRE: a heading, or a paragraph's opening, that turns a
// post from the week told to the week to come ("Next week", "Looking
// ahead", "Next week I'm at the Kader ward meeting on Tuesday").
var weekAheadTurnRE = regexp.MustCompile(`(?i)^\W*(?:(?:and|so)\s+)?(?:next week|the week ahead|the coming week|this coming week|the week to come|looking ahead|coming up)\b`)

// weekAheadTurn: in a week told day by day (weekdayHeadDays), the
// heading or paragraph where the writer turns to the week to come
// ("## Next week" over "On Tuesday I'm at the Park End community
// meeting"): the days after it are the next week's, to come, not more of
// the week told, so they end its leads (a Tuesday there after the
// Friday told is no timetable of the week told). Only a short heading
// or the paragraph's own opening: a day's account saying it goes on
// next week ("they asked me back next week") does not end it.
func weekAheadTurn(b *segment.Block) bool {
	if b.Heading {
		return len(b.Text) <= 60 && weekAheadTurnRE.MatchString(strings.Trim(b.Text, " *#"))
	}
	return weekAheadTurnRE.MatchString(b.Text)
}

// dayOffLeadRE: a week told day by day whose paragraph opens on a day
// when nothing was held and says on which later weekday the week began
// ("Monday was a bank holiday, so nothing started until Tuesday, when I
// went to ...", "Friday was my day off and on Saturday we ..."): the
// paragraph tells the later day, group 2, not the day off, group 1.
// Not a day off that tells its own meeting ("Monday was a bank holiday,
// but the residents' meeting went ahead"): no later weekday after it.
var dayOffLeadRE = regexp.MustCompile(`^(?:(?:And|Then)\s+)?(?:[Oo]n\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:was|being)\s+(?:a\s+|my\s+|our\s+)?(?:(?:bank|public)\s+holiday|holiday|day off|rest day|quiet day|day of leave)\b[^.!?]*?\b(?:until|till|so|and|then)\s+(?:on\s+|the\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)

// weekdayVisitRE: a weekday lead-in that takes the writer to a place
// and says no more of what was there ("Friday took me out to Greatham",
// "Sunday was Eaglescliffe.", "Monday evening saw me back in Norton");
// or a weekday label with a dash and the place alone ("Tuesday –
// Grangetown. People there ..."); group 1 is what follows the verb or
// the dash. weekdayVisit reads it. The writer may take himself there in
// the first person ("On Tuesday I went to Grangetown.", "Thursday we
// visited Hemlington."): a blog's plain way of the same lead-in.
var weekdayVisitRE = regexp.MustCompile(`^(?:On\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:took (?:me|us)(?:\s+(?:out|back|over|up|down|across))?\s+to|saw (?:me|us)(?:\s+back)?\s+(?:in|at)|was|[–—]|(?:I|we)\s+(?:went|headed|drove|travelled)(?:\s+(?:out|back|over|up|down|across))?\s+to|(?:I|we)\s+(?:visited|was in|were in))\s+((?:the\s+)?[A-Z].*)$`)

// weekdayVisitPublicRE: the public of a place, as the writer met them.
var weekdayVisitPublicRE = regexp.MustCompile(`(?i)\b(?:residents?|people|villagers|tenants|farmers|parents|locals|the public|the room|the audience|those who came)\b`)

// weekdayVisit: in a week told day by day (leadDays, weekdayHeadDays), a
// paragraph whose weekday lead-in only takes the writer to a place of
// Cleveland, with no meeting word ("Wednesday took me to Grangetown. The
// hall was packed and people were angry about the dealing on the
// corners"), and that then tells what the public there raised: the
// writer of such a diary calls the evening by its place, and the people
// who spoke are the meeting. Not a day named for a body or a board ("was
// the Safer Stockton Partnership"), a place outside Cleveland, nor a day
// where nobody of the public is said to have raised anything (an office
// day, "Monday was Middlesbrough, catching up with the inspector"). The
// place's problem named by "there" (problemThereRE: "The trouble there is
// lorries cutting through") is what its public raised, though no one is
// said to have raised it.
func (r *run) weekdayVisit(b *segment.Block, text string) bool {
	if _, ok := r.leadDays[b.N-1]; !ok || text != b.Text || b.Heading {
		return false
	}
	sents := sentences(text)
	if len(sents) == 0 {
		return false
	}
	first := sents[0]
	m := weekdayVisitRE.FindStringSubmatch(first)
	if m == nil || partnerTypeRE.MatchString(first) || partnerBodyRE.MatchString(first) || futureRE.MatchString(first) {
		return false
	}
	place := m[1] // (the place alone: "the Southern Villages", not the villages near it that the clause after names)
	if k := strings.IndexAny(place, ",.;:("); k >= 0 {
		place = place[:k]
	}
	at := r.anchorDay()
	if len(r.find(place, at)) == 0 || r.outside(place, at) {
		return false
	}
	return ((weekdayVisitPublicRE.MatchString(text) && (concernCueRE.MatchString(text) || subjectCueRE.MatchString(text))) || problemThereRE.MatchString(text)) && len(r.themes(text)) > 0
}

// problemThereRE: the writer naming the problem of the place visited by
// "there" ("The trouble there is lorries cutting through the village",
// "the big issue there was dog fouling"): what its people raise, told as
// the place's problem, with no one said to have raised it.
var problemThereRE = regexp.MustCompile(`(?i)\b(?:the|their)\s+(?:main\s+|big\s+|biggest\s+|real\s+|one\s+)?(?:problem|issue|trouble|worry|complaint)s?\s+(?:there|here)\s+(?:is|was|are|were)\b`)

// weekdayLeadRE: a paragraph that opens with a weekday alone as its
// lead-in, its subject or its time ("Tuesday was my surgery in ...",
// "Wednesday morning I was ...", "Thursday I walked ...", "Friday — today
// — is ..."; often set in bold): not a date with its day ("Monday 4
// March"), not "Monday's meeting", not a question or a sentence on what
// is to come ("Tuesday will be ..."). Group 1 is the weekday.
var weekdayLeadRE = regexp.MustCompile(`^(?:(?:And|Then)\s+)?(?:[Oo]n\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night)\b)?(?:\s*[,—–-]\s*|\s+)(?:(?:I|we|was|were|started|began|kicked off|brought|took me|saw|it was)\b|(?:today|tonight)\s*[,—–-])`)

// weekdayLabelRE: a paragraph that opens with a weekday alone set apart
// as its label by a full stop or a colon, the day's account after it
// ("Tuesday. Off to the Hemlington residents' meeting ...", "Friday: I
// dropped in on ..."; the label often in bold, which normalise drops), or
// by a dash ("Wednesday – a morning at the Panel", "Tuesday — Throston.
// People are fed up with ..."), the same label a blog sets in bold.
// It dates its paragraph as weekdayLeadRE's lead-ins do, in a week told
// day by day; since a timetable of the week to come is set out the same
// way ("Monday: surgery at the library, 6pm"), the labelled paragraphs
// must tell something as done (pastDoneRE) in one of them at least and
// what is to come (futureRE) in none. Group 1 is the weekday.
var weekdayLabelRE = regexp.MustCompile(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?(?:\s*[.:]\s+["“‘']?[A-Z]|\s+[–—]\s+["“‘']?[A-Za-z])`)

// pastDoneRE: a verb telling what was done, in the past tense.
var pastDoneRE = regexp.MustCompile(`\b(?:I|we|he|she|they|residents|people)\s+(?:(?:then|also|first)\s+)?(?:was|were|had|went|started|began|met|heard|spent|sat|visited|attended|joined|called|walked|dropped|talked|spoke|listened|raised|asked|told|said|complained|came)\b|\b(?:was|were) (?:about|held|raised|packed|told)\b`)

// dayNoMonthRE: a weekday, whole or short, and a day of the month with
// its ordinal, no month after it ("on Thursday 5th.", "The week before
// (Tues 10th) the ..."); group 3 (empty) stands after the ordinal, group 4
// is what follows.
var dayNoMonthRE = regexp.MustCompile(`\b((?:Mon|Tues?|Wed(?:nes)?|Weds|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?),?\s+(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)\b()([,.;:!?)]|\s+[a-z]+|\s*$)`)

// monthlessDays gives a weekday and a day of the month written without
// the month ("Greatham Parish Council invited the Commissioner to its
// meeting on Thursday 5th") the month and year in which that day is that
// weekday, when only one month within two of the publication date has
// it: a news item of 19 October 2023 counts "Thursday 5th" as 5 October,
// not as "on Thursday", the 19th. Table rows keep their cells as written
// (their date column has rules of its own).
func (r *run) monthlessDays() {
	if r.a.Published.IsZero() {
		return
	}
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.Cells != nil {
			continue
		}
		locs := dayNoMonthRE.FindAllStringSubmatchIndex(b.Text, -1)
		changed := false
		for k := len(locs) - 1; k >= 0; k-- {
			l := locs[k]
			if rangeNextRE.MatchString(b.Text[l[8]:l[9]]) {
				continue // "Monday 5th to Friday 9th September"
			}
			wd, ok := dates.WeekdayOf(b.Text[l[2]:l[3]])
			day, err := strconv.Atoi(b.Text[l[4]:l[5]])
			if !ok || err != nil || day < 1 || day > 31 {
				continue
			}
			one, ok := dates.NearWeekdayDay(r.a.Published, wd, day, 0)
			if !ok {
				continue
			}
			b.Text = b.Text[:l[6]] + " " + one.Format("January 2006") + b.Text[l[6]:]
			changed = true
		}
		if changed {
			r.dates[i] = dates.Find(b.Text)
		}
	}
}

// recordDate is the date of the meeting a set of minutes or notes records,
// when the document gives no publication date: "MINUTES of the meeting ...
// held on Wednesday 14th October 2015", "Notes of the ward meeting, 6 March
// 2018", "Date of meeting: 12.10.23". Minutes are written for that meeting,
// so its year is the year of the days they give without one ("the ward
// meeting on 6th March"), as a newsletter's season is. Only a full date (day, month,
// year) in one of the first blocks that names the record counts.
func (r *run) recordDate() time.Time {
	record := false // a block so far says the document is a record
	for i := 0; i < len(r.blocks) && i < 8; i++ {
		b := &r.blocks[i]
		record = record || recordHeadRE.MatchString(b.Text) || minutesLeadRE.MatchString(b.Text)
		if !record || !(recordOfRE.MatchString(b.Text) || dateLabelRE.MatchString(b.Text)) {
			continue
		}
		for _, d := range r.datesOf(b) {
			if d.Day == 0 || d.Month == 0 || d.Year == 0 || d.EndDay != 0 || d.Rel != "" {
				continue
			}
			return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}
}

// recordOfRE: a block that says which meeting a record is of.
var recordOfRE = regexp.MustCompile(`(?i)\b(?:minutes|notes|record|summary|action notes)\s+(?:of|from)\b|\bheld\s+(?:on|at)\b|^\W*(?:date(?:\s+of\s+meeting)?|meeting date)\s*:`)

// Scores of the lines that may say when a document was published (see
// findPublished): a line that says so in words beats a byline's date,
// which beats a date alone on a line near the title, which beats one
// alone at the foot.
const (
	pubScorePosted  = 6 // "Posted on ...", "Published: ...", "This article was published on ..."
	pubScoreByline  = 6 // "By X · Thursday, 12 October 2017 · 3 min read"
	pubScoreUpdated = 5 // "Last updated ...": later than the publication, so a publication line wins
	pubScoreTop     = 4 // a date alone on a line near the title, a report's title line with its date
	pubScoreFoot    = 3 // a date alone on a line at the foot
	pubScoreIssue   = 2 // a newsletter issue's month ("Your newsletter | Issue 14 | March 2021"): its last day
)

var (
	updatedRE = regexp.MustCompile(`(?i)^\W*(?:(?:this )?(?:page|article|story|post|item|news item)\s+)?(?:last\s+)?(?:updated|reviewed|modified)\b|\b(?:was|last)\s+(?:updated|reviewed|modified)\b`)
	// saysPublishedRE: a line that says in words that the page was
	// published or posted.
	saysPublishedRE = regexp.MustCompile(`(?i)\b(?:posted|published|issued|released|circulated|for (?:immediate )?release)\b`)
	// filedUnderRE: a blog entry's foot that says where it was filed,
	// then when and by whom ("This entry was posted in News and tagged
	// police on Wednesday 6 November 2013 by editor."): the date is group 1.
	filedUnderRE = regexp.MustCompile(`(?i)^(?:this (?:entry|post|article) was )?posted in\b.{1,160}?\bon\s+(.{6,40}?)(?:\s+by\s+[^.]{1,60})?\.?$`)
	// bylineSepRE parts a byline's pieces ("By X · <date> · 3 min read").
	bylineSepRE = regexp.MustCompile(`\s*(?:·|•|\||\s[-–—]\s)\s*`)
	// bylinePieceRE is a piece that makes a short line a byline.
	// ("Commissioner's blog — Sunday 20 November 2016": a blog's or a
	// column's name, at most four words, is such a piece too; so is the
	// kind of piece and its writer, "Blog post by the Police and Crime
	// Commissioner for Cleveland, Rachel Denholm", set in italics.)
	bylinePieceRE = regexp.MustCompile(`(?i)^(?:by|words by|written by|reporter|posted by)\s|^\W*(?:an?\s+)?(?:blog(?:\s+post)?|post|article|column|update|message|letter)\s+(?:by|from)\s|\bmin(?:ute)?s?\s+read$|^(?:news|press release|community|comment)$|^(?:local |latest |community )?news\b[^.]{0,40}$|^\W*(?:[\w'’]+\s+){0,3}(?:blog|column)\W*$`)
	// publisherRE is a piece naming an organisation that publishes: on
	// the page's second line, beside a date, it makes the line the page's
	// date line ("Friday 4 December 2020 – Safer Hartlepool Partnership").
	publisherRE = regexp.MustCompile(`^[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|&|of|for|the))*\s+(?:Partnership|Council|Police|Constabulary|Commissioner|Office|Trust|Association|Network|Gazette|Mail|News|Echo|Courier|Times|Post|Herald|Chronicle|Journal|Advertiser|Press|Observer|Express|Telegraph|Argus|Recorder|Bulletin)$`)
	// relatedHeadRE is a heading over a list of other pages, whose
	// entries carry dates of their own.
	relatedHeadRE = regexp.MustCompile(`(?i)^\W*(?:related|more|latest|other|recent|most read|most popular|popular|trending|top stories|you may also|you might also|read next|see also|also in|further reading|in other news)\b`)
)

// pageLineRE: a line about the page itself ("Page last updated: ...",
// "This page was last reviewed on ...").
var pageLineRE = regexp.MustCompile(`(?i)^\W*(?:this\s+)?page\b`)

// findPublished chooses the publication date among the document's short
// lines (and its site header's and footer's, which normalise dropped as
// chrome): each line that may give it is scored (its words, its form, its
// place near the title or at the foot) and the best wins, the first of
// equals; lines under a heading of related pages and entries of a list
// whose entries carry dates of their own are not candidates, nor is a lone
// date under a heading of what is to come ("Next meeting") or after a
// line that introduces it. Zero if none.
func (r *run) findPublished() time.Time {
	var best time.Time
	bestScore := 0
	consider := func(t time.Time, score int) {
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	related, ahead := false, false
	relatedAt := -1                // the block of the last heading over related pages
	report, record := false, false // the top says the document is a report, or a meeting's record
	for i := 0; i < len(r.blocks) && i < 8; i++ {
		report = report || reportRE.MatchString(r.blocks[i].Text)
		record = record || recordHeadRE.MatchString(r.blocks[i].Text) || minutesLeadRE.MatchString(r.blocks[i].Text)
	}
	report = report && !record
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.Heading {
			related = relatedHeadRE.MatchString(b.Text)
			if related {
				relatedAt = i
			}
			ahead = futureHeadRE.MatchString(b.Text) // "Next meeting" over a lone date: not the page's
		}
		if related && !b.Bullet && !b.Heading && i >= len(r.blocks)-3 && i > 0 && (r.blocks[i-1].Bullet || i-1 == relatedAt) && saysPublishedRE.MatchString(b.Text) {
			// "Posted on Friday 10th March 2017" at the foot, after the
			// related pages' list: the page's own line, not an entry.
			// Right under the heading (the list's entries, links alone,
			// went as chrome) it is no entry either: an entry's title
			// comes before its date.
			related = false
		}
		if related && !b.Heading && pageLineRE.MatchString(b.Text) && (saysPublishedRE.MatchString(b.Text) || updatedRE.MatchString(b.Text)) {
			// "Page last updated: 14 August 2018" under "Other news": the
			// page's own line (no related entry speaks of "the page")
			related = false
		}
		if t, ok := r.footImprint(i); ok {
			// (under a heading such as "Other news" too: a newsletter's
			// own section, and no related page has an imprint)
			consider(t, pubScorePosted)
			continue
		}
		if related || r.datedListEntry(i) || len(b.Cells) > 2 {
			continue // (a table's row, "06/01/2018 | Beckfield Community Centre | ...", dates what it tells)
		}
		if m := issueMonthRE.FindStringSubmatch(b.Text); i < 4 && m != nil {
			// "Issue 9 - June 2013 News and updates from your ward
			// councillors": a newsletter's issue and its month, run
			// into the lines after it.
			if ds := dates.Find(m[1]); len(ds) == 1 && ds[0].Year != 0 && ds[0].Month != 0 {
				first := time.Date(ds[0].Year, ds[0].Month, 1, 0, 0, 0, 0, time.UTC)
				consider(first.AddDate(0, 1, -1), pubScoreIssue)
			}
		}
		if m := issueDayRE.FindStringSubmatchIndex(b.Text); i < 4 && m != nil {
			// "Issue 12 -- 10 March 2014": the issue's number and the
			// day it came out, run into the masthead's other lines.
			rest := b.Text[m[2]:]
			if ds := dates.Find(rest); len(ds) > 0 && ds[0].IsDay() && ds[0].Year != 0 && strings.HasPrefix(rest, ds[0].Text) {
				if t, ok := r.fullDate(ds[0].Text); ok {
					consider(t, pubScoreTop)
				}
			}
		}
		if m := printedAsideRE.FindStringSubmatchIndex(b.Text); i < 4 && m != nil && issueLineRE.MatchString(b.Text) {
			// "Issue 7 - Summer 2019 (printed 4 July 2019)": the issue
			// line's aside says the day it went to print, as an imprint
			// at the foot would.
			aside := strings.TrimSpace(b.Text[m[2]:m[3]])
			if t, ok := r.fullDate(aside); ok {
				consider(t, pubScorePosted)
			} else if t, ok := r.printedAsideInIssueMonth(b.Text[:m[0]], aside); ok {
				consider(t, pubScorePosted)
			} else if ds := dates.Find(aside); len(ds) > 0 && ds[0].IsDay() && ds[0].Year != 0 {
				// "(delivered by our volunteers, 6th October 2025 - if
				// you'd rather have it by email ...)": the aside's one
				// full day, after who delivered it
				if t, ok := r.fullDate(ds[0].Text); ok {
					consider(t, pubScorePosted)
				}
			}
		}
		if i < 4 && issueLineRE.MatchString(b.Text) {
			for _, f := range issueFieldRE.Split(b.Text, -1) {
				// ("Issue 12 – Autumn 2019 – delivered week beginning
				// Monday 14 October 2019": the field says when the issue
				// went out, its words before the day.)
				f = issuedFieldLeadRE.ReplaceAllString(strings.TrimSpace(f), "")
				if ds := dates.Find(strings.TrimSpace(f)); len(ds) == 1 && ds[0].IsMonths() && ds[0].Year != 0 && ds[0].EndMonth == 0 && len(ds[0].Text)+3 >= len(strings.TrimSpace(f)) {
					first := time.Date(ds[0].Year, ds[0].Month, 1, 0, 0, 0, 0, time.UTC)
					consider(first.AddDate(0, 1, -1), pubScoreIssue)
				} else if len(ds) == 1 && ds[0].IsDay() && ds[0].Year != 0 && len(ds[0].Text)+3 >= len(strings.TrimSpace(f)) {
					// "Billingham & Thornaby edition / Thursday 10
					// November 2016": an e-newsletter's issue, sent that
					// day.
					if t, ok := r.fullDate(ds[0].Text); ok {
						consider(t, pubScoreTop)
					}
				}
			}
		}
		if t, score, ok := r.pubCandidate(b.Text); ok {
			consider(t, score)
			continue
		}
		if t, ok := r.mastheadDateline(i); ok {
			consider(t, pubScoreByline)
			continue
		}
		if t, score, ok := r.mastheadPubSentence(i); ok {
			consider(t, score)
			continue
		}
		if i < 3 && i > 0 && r.blocks[i-1].Heading && b.Cells == nil && !b.Bullet {
			if t, ok := r.dateAndPiece(b.Text, publisherRE); ok {
				consider(t, pubScoreByline)
				continue
			}
		}
		if i < 8 && !ahead {
			if t, ok := r.bodyDayTitle(b.Text); ok {
				consider(t, pubScoreTop)
				continue
			}
		}
		if i < 8 && !ahead && !(i > 0 && strings.HasSuffix(r.blocks[i-1].Text, ":")) {
			// "Thursday 14 March 2024, 6.02pm | Updated 6.40pm", "*Report
			// date: 2nd April 2013 | Period covered: February and March
			// 2013*", "Meeting date: 6th September 2022" (a Panel paper's
			// header): a field near the top that is a date, alone or
			// under a label that makes it the document's.
			if t, ok := r.headerFieldDate(b.Text, report); ok {
				consider(t, pubScoreTop)
				continue
			}
		}
		ds := r.datesOf(b)
		if len(ds) != 1 || ds[0].Year == 0 || !ds[0].IsDay() {
			continue
		}
		alone := len(ds[0].Text)*10 >= len(b.Text)*6
		if ahead || futureHeadRE.MatchString(b.Text) || (i > 0 && strings.HasSuffix(r.blocks[i-1].Text, ":")) {
			continue // "Next meeting: <date>", or "Next meeting" or "... will be held on:" over it: a date to come
		}
		switch {
		case i < 8 && (len(b.Text) < 40 || (len(b.Text) < 120 && reportRE.MatchString(b.Text))) && (alone || reportRE.MatchString(b.Text)):
			// A report's date on a line of its own near the top, or in
			// its title line ("Report to the Police and Crime Panel, 12
			// November 2019").
			if t, ok := r.fullDate(b.Text); ok {
				consider(t, pubScoreTop)
			}
		case i >= len(r.blocks)-4 && len(b.Text) < 40 && alone && !b.Bullet && len(b.Cells) == 0:
			if t, ok := r.fullDate(b.Text); ok {
				consider(t, pubScoreFoot)
			}
		}
	}
	for _, l := range r.chromeLines {
		if t, score, ok := r.pubCandidate(l); ok {
			consider(t, score)
		}
	}
	return best
}

// bodyDayTitle reads the title line of a council body's agenda or
// minutes page, which names the body and then, after a dash, the day (and
// time) it sat: "Safer Communities Scrutiny Forum - Monday, 6th March,
// 2023 2.00 pm", the way committee systems title each meeting's page. The
// page is that sitting's, so its day dates the page, and the days written
// without a year in its minutes ("In October", "on 9 February") are the
// months around it. The name must end in a body's word (committee,
// board, panel, forum, ...) and the date, with its year, be all that
// follows the dash but a time of day: "Yarm Road speeding - residents
// ask for cameras" or "Committee - minutes of 6th March" are no title.
func (r *run) bodyDayTitle(s string) (time.Time, bool) {
	s = strings.Trim(strings.TrimSpace(s), "*_#")
	if len(s) > 140 {
		return time.Time{}, false
	}
	loc := titleDashRE.FindStringIndex(s)
	if loc == nil || !bodyNameEndRE.MatchString(strings.TrimSpace(s[:loc[0]])) {
		return time.Time{}, false
	}
	rest := strings.Trim(clockRE.ReplaceAllString(s[loc[1]:], ""), " ,.;")
	ds := dates.Find(rest)
	if len(ds) != 1 || ds[0].Year == 0 || !ds[0].IsDay() || ds[0].Start != 0 || len(ds[0].Text)*10 < len(rest)*9 {
		return time.Time{}, false
	}
	return r.fullDate(rest)
}

// committeeSittingTitle reports whether s is the title of a council
// committee's page for one sitting ("Licensing Sub-Committee - Tuesday,
// 7th March, 2023 2.00 pm", bodyDayTitle's line with a committee's or
// cabinet's name). Councillors sit there, not residents: the committee's
// sitting, the earlier sitting whose minutes it received and what
// officers presented to it are no meetings with the public (unlike a
// neighbourhood forum's or a parish council's, where residents speak).
func (r *run) committeeSittingTitle(s string) bool {
	if _, ok := r.bodyDayTitle(s); !ok {
		return false
	}
	s = strings.Trim(strings.TrimSpace(s), "*_#")
	return committeeNameEndRE.MatchString(strings.TrimSpace(s[:titleDashRE.FindStringIndex(s)[0]]))
}

var (
	// committeeNameEndRE: the end of a council committee's name.
	committeeNameEndRE = regexp.MustCompile(`(?i)\b(?:committee|sub-committee|cabinet)$`)
	// titleDashRE: the dash between a body's name and its sitting's day.
	titleDashRE = regexp.MustCompile(`\s[-–—]\s`)
	// bodyNameEndRE: the end of a council or partnership body's name.
	bodyNameEndRE = regexp.MustCompile(`(?i)\b(?:committee|sub-committee|board|panel|cabinet|council|forum|partnership|commission|assembly|executive)$`)
)

// headerFieldDate reads a date from a header line's fields (parted by
// "|"): a field that is a day with its year and maybe a time ("Thursday 14
// March 2024, 6.02pm"), or one labelled as the document's date ("Report
// date:", "Date of issue:", "Published:"; in a report, not a meeting's
// record, also "Meeting date:" and "Date:", the Panel meeting it is for).
func (r *run) headerFieldDate(s string, report bool) (time.Time, bool) {
	// "Report to: Cleveland Police and Crime Panel Meeting date: 6th
	// September 2022 Report of: ...": labelled fields run together on one
	// line; a label's date is the one right after it.
	for _, loc := range docDateLabelAnyRE.FindAllStringSubmatchIndex(s, -1) {
		if loc[4] >= 0 && !report {
			continue
		}
		if ds := dates.Find(s[loc[1]:]); len(ds) > 0 && ds[0].Start == 0 && ds[0].Year != 0 && ds[0].IsDay() {
			if t, ok := r.fullDate(ds[0].Text); ok {
				return t, true
			}
		}
	}
	for _, f := range headerFieldRE.Split(s, -1) {
		f = strings.Trim(f, " *_\t")
		if f == "" || futureHeadRE.MatchString(f) || updatedRE.MatchString(f) {
			continue
		}
		rest := f
		if m := docDateLabelRE.FindStringSubmatch(f); m != nil {
			if m[2] != "" && !report {
				continue
			}
			rest = f[len(m[0]):]
		} else if m := issuedRE.FindString(f); m != "" {
			rest = f[len(m):] // "· Issued 27 March 2015" (no colon)
		}
		rest = strings.Trim(clockRE.ReplaceAllString(rest, ""), " ,.;")
		ds := dates.Find(rest)
		if len(ds) != 1 || ds[0].Year == 0 || !ds[0].IsDay() || len(ds[0].Text)*10 < len(rest)*8 {
			continue
		}
		if rest == f && len(f) > 60 {
			continue
		}
		if t, ok := r.fullDate(rest); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	// docDateLabelRE: a label naming the document's date (group 1), or,
	// in a report, the meeting it is for (group 2).
	docDateLabelRE = regexp.MustCompile(`(?i)^(?:((?:report|paper|publication|issue)\s+date|date\s+of\s+(?:report|paper|publication|issue)|published(?:\s+on)?|issued(?:\s+on)?|dated)|((?:panel\s+)?meeting\s+date|date\s+of\s+(?:the\s+)?meeting|date))\s*:\s*`)
	// docDateLabelAnyRE is docDateLabelRE anywhere in a line of fields.
	docDateLabelAnyRE = regexp.MustCompile(`(?i)\b(?:((?:report|paper|publication|issue)\s+date|date\s+of\s+(?:report|paper|publication|issue))|((?:panel\s+)?meeting\s+date|date\s+of\s+(?:the\s+)?meeting))\s*:\s*`)
	// issueLineRE: a newsletter's masthead line ("Your newsletter | Issue
	// 14 | March 2021").
	issueLineRE = regexp.MustCompile(`(?i)\b(?:issue|edition|newsletter|bulletin)\b`)
	// printedAsideRE: a day in brackets saying when the issue was printed
	// or delivered ("(printed 4 July 2019)", "(printed on 12/07/2019)",
	// "(delivered by our volunteers, 6th October 2025 - ...)"); group 1
	// what follows the verb.
	printedAsideRE = regexp.MustCompile(`(?i)\(\s*(?:printed|delivered|distributed)\s+(?:on\s+)?([^()]{6,120})\)`)
	// issueMonthRE: an issue's number and its month ("Issue 9 - June
	// 2013", "No. 14, March 2021"); group 1 the month.
	issueMonthRE = regexp.MustCompile(`(?i)\b(?:issue|edition|no\.?)\s*[0-9]{1,3}\s*[-–—,|·:]\s*((?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)[0-9]{2})\b`)
	// issueDayRE: an issue's number and then, after a dash, a bar or a
	// comma, the day the issue came out ("Issue 12 -- 10 March 2014",
	// "Edition 4 | Monday 3 June 2019"): group 1 is where that day starts.
	// A newsletter's masthead dates the issue so, as a news page's
	// byline does, and its hard wraps undone run it into the lines
	// around it, so it is looked for inside the block. A typed masthead
	// may set the day apart by spaces alone, the issue in brackets
	// ("Spring 2025  (issue 14)      24 March 2025"): the day must then
	// start right after the number.
	issueDayRE = regexp.MustCompile(`(?i)\b(?:issue|edition)\s*(?:no\.?\s*)?[0-9]{1,3}(?:\s*[-–—,|·:]{1,2}\s*|\)?\s+)(\S)`)
	// issueFieldRE parts an issue line's fields: a header line's marks,
	// a slash between spaces, or a dash between spaces. A typed
	// newsletter sets its issue's name and its date apart by a dash
	// ("SPRING NEWSLETTER – 3rd April 2019", "Bulletin No. 4 - 12 May
	// 2016"): the date is the issue's, as it is after a bar. A field
	// must still be the date alone ("Newsletter - meeting on 5 May" is
	// no date field).
	issueFieldRE = regexp.MustCompile(`\s*(?:[|·•]|\s/\s|\s[-–—]\s)\s*`)
	// issuedFieldLeadRE: the words opening an issue line's field that say
	// when the issue went out, before its day ("delivered week beginning",
	// "issued on").
	issuedFieldLeadRE = regexp.MustCompile(`(?i)^(?:issued|published|posted|delivered|printed)(?:\s+on|\s+(?:in\s+)?(?:the\s+)?week\s+(?:beginning|commencing|of))?\s+`)
	// issuedRE: a field that says the document was issued or published,
	// its date right after ("Issued 27 March 2015").
	issuedRE = regexp.MustCompile(`(?i)^(?:issued|published|posted)(?:\s+on)?\s+`)
	// headerFieldRE parts a header line's fields ("14 November 2023 at
	// 21:07 · 🌐", a social post's date line).
	headerFieldRE = regexp.MustCompile(`\s*[|·•]\s*`)
	// clockRE: a time of day ("6.02pm", "18:42", "at 10am").
	clockRE = regexp.MustCompile(`(?i)(?:\bat\s+)?\b[0-9]{1,2}(?:[.:][0-9]{2})\s*(?:am|pm|a\.m\.|p\.m\.)?|\b[0-9]{1,2}\s*(?:am|pm)\b`)
)

// printedAsideInIssueMonth reads a masthead's printed aside that gives
// its day without a year, the year being the issue's month written
// before it on the same masthead: "Residents' News - March 2022 (printed
// Fri 25th March, one per door)". A typed newsletter names its month and
// year once, as the issue's, and the aside only the day it went to
// print, which is in that month or, printed ahead, the month before (a
// January issue printed on 30th December is of the year before). The
// aside must open with the day (what follows a comma is the aside's
// other news: "free to every house"), the masthead must name one month
// with its year and no other date, and a weekday written with the day
// must be the day's. head is the masthead before the aside.
func (r *run) printedAsideInIssueMonth(head, aside string) (time.Time, bool) {
	ds := dates.Find(aside)
	if len(ds) == 0 || ds[0].Start != 0 || !ds[0].IsDay() || ds[0].Rel != "" || ds[0].RelMonth != "" || ds[0].Year != 0 || ds[0].Month == 0 {
		return time.Time{}, false
	}
	hs := dates.Find(head)
	if len(hs) != 1 || !hs[0].IsMonths() || hs[0].Year == 0 || hs[0].EndMonth != 0 {
		return time.Time{}, false
	}
	issue := time.Date(hs[0].Year, hs[0].Month, 1, 0, 0, 0, 0, time.UTC)
	m := ds[0]
	switch before := issue.AddDate(0, -1, 0); m.Month {
	case issue.Month():
		m.Year = issue.Year()
	case before.Month():
		m.Year = before.Year()
	default:
		return time.Time{}, false
	}
	sp, _, err := (dates.Anchors{}).Resolve(m, false)
	if err != nil {
		return time.Time{}, false
	}
	return sp.Start, true
}

// datedListEntry reports whether block i is an entry of a list whose
// entries next to it carry dates too (related news, "most read").
func (r *run) datedListEntry(i int) bool {
	if !r.blocks[i].Bullet {
		return false
	}
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(r.blocks) && r.blocks[j].Bullet && len(r.dates[j]) > 0 {
			return true
		}
	}
	return false
}

// pubCandidate reads a line that says in words when the document was
// published ("Posted on <date> in <category>", "Published: <date>", "This
// article was published on <date>", "Last updated <date>") or a byline
// with its date ("By X · <date> · 3 min read").
// postLines finds the "Posted on <date>" lines of a page that lists
// several posts, each with its own ("Posted on Friday 11 March 2022 in
// Community" over one story, "Posted on Wednesday 2 March 2022" over the
// next): the day each post's relative dates count from. A page with one
// such line, or several giving one day, has none (its publication date
// serves).
func (r *run) postLines() map[int]time.Time {
	days := map[int]time.Time{}
	distinct := map[time.Time]bool{}
	for i := range r.blocks {
		s := r.blocks[i].Text
		if len(s) > 120 || r.blocks[i].Cells != nil {
			continue
		}
		if loc := postedRE.FindStringIndex(s); loc != nil && loc[1] > 0 {
			if t, ok := r.fullDate(s[loc[1]:]); ok {
				days[i], distinct[t] = t, true
			}
		}
	}
	if len(distinct) < 2 {
		return nil
	}
	return days
}

// postDateLines finds the date lines of each post of a page that lists
// several ("9th March 2017 Posted in Community safety, PACT 3 Comments"
// under a blog post; "21:47 · 11 Mar 2024 · 986 views" under each post of
// an unrolled thread; the headers of an e-mail and of the one it forwards):
// the day each post's relative dates count from, keyed by the post's first
// block (the one after the date line before it). They are feet when
// nothing but short lines follows the last, and heads when the last post
// runs on after it. A page with fewer than two days has none.
func (r *run) postDateLines() (map[int]time.Time, map[int]bool) {
	var at []int
	var days []time.Time
	distinct := map[time.Time]bool{}
	for i := range r.blocks {
		s := strings.TrimSpace(r.blocks[i].Text)
		if loc := mailHeadRE.FindStringIndex(s); loc != nil && mailDateEnd(s, loc[1]) >= 0 {
			// An e-mail's headers, and those of the message it forwards
			// under them: each part's relative days ("yesterday" in the
			// message forwarded) count from the day it was sent.
			if t, ok := r.fullDate(s[mailDateEnd(s, loc[1]):]); ok {
				at, days, distinct[t] = append(at, i), append(days, t), true
			}
			continue
		}
		if len(s) > 120 || r.blocks[i].Cells != nil || r.blocks[i].Bullet {
			continue // (a list of other pages, each with its date)
		}
		t, ok := r.dateAndPiece(s, postStatsRE)
		if !ok {
			if ds := dates.Find(s); len(ds) > 0 && ds[0].Start == 0 && ds[0].Year != 0 && ds[0].IsDay() && filedInRE.MatchString(s[ds[0].End:]) {
				t, ok = r.fullDate(s[:ds[0].End])
			}
		}
		if ok {
			at, days, distinct[t] = append(at, i), append(days, t), true
		}
	}
	if len(distinct) < 2 {
		return nil, nil
	}
	heads := false
	for _, b := range r.blocks[at[len(at)-1]+1:] {
		heads = heads || (!b.Heading && len(b.Text) > 80)
	}
	first, lines := map[int]time.Time{}, map[int]bool{}
	from := 0
	for k, i := range at {
		if heads {
			from = i
		}
		first[from], lines[i] = days[k], true
		from = i + 1
	}
	return first, lines
}

var (
	// postStatsRE: a piece of a post's date line that counts its readers
	// or replies ("1,204 views", "3 Comments").
	postStatsRE = regexp.MustCompile(`(?i)^[0-9][0-9,.]*[km]?\s+(?:views|likes|reposts|retweets|replies|comments|shares)$`)
	// mailHeadRE: the opening of an e-mail's headers, or of a forwarded
	// message's under its rule ("-----Original Message----- From: ...
	// Sent: Friday, June 9, 2023 4:05 PM"); mailDateEnd finds their date.
	mailHeadRE = regexp.MustCompile(`(?i)^(?:(?:-{2,}\s*[A-Za-z ]{0,30}?\s*-{2,}\s*)?From|` + mailTransportFields + `):\s`)
	// mailFieldRE: a label of an e-mail's header field (group 1).
	mailFieldRE = regexp.MustCompile(`(?i)\b(from|to|cc|bcc|subject|sent|date|reply-to|sender|organi[sz]ation|importance|priority|sensitivity|message-id|in-reply-to|references|mime-version|content-[a-z-]+|x-[a-z-]+|attachments?|return-path|received|delivered-to|envelope-to|authentication-results|dkim-signature|arc-[a-z-]+):\s`)
	// mailFromFieldRE: the sender's field among an e-mail's headers.
	mailFromFieldRE = regexp.MustCompile(`(?:^|\s)From:\s`)
	// filedInRE: what follows the date of a blog post's foot line ("Posted
	// in Surgeries", "Filed under News").
	filedInRE = regexp.MustCompile(`(?i)^\W*(?:posted|filed)\s+(?:in|under)\b`)
)

// mailTransportFields: the header fields a message saved whole (an .eml
// file, "Save as" from a mail program, or a list's archive copy) opens
// with, which its servers add before the writer's own "From:" ("Return-Path:
// <team@example.org> Received: from mail.example.org ... Date: Mon, 3 Jun
// 2024 10:14:37 +0100 From: ..."): the message's headers all the same,
// whose "Date:" is when it was sent. A block opening with one of them is
// read as headers only when its sender's "From:" field is among them too
// (mailDateEnd), so a log line "Received: 4 May" is none.
//
// A message saved as text by hand may open with its subject or recipient
// before the sender ("Subject: October update From: Marton and Nunthorpe
// NPT Date: Tue, 31 Oct 2023 16:05:12 +0000"): the same rule holds, its
// "From:" must be among its fields.
const mailTransportFields = `(?i:Return-Path|Received|Delivered-To|Envelope-To|X-[A-Za-z-]+|DKIM-Signature|ARC-[A-Za-z-]+|Authentication-Results|Subject|To)`

// mailFieldMax is the longest value of one header field mailDateEnd
// walks over (a recipient list of a few named addresses).
const mailFieldMax = 300

// mailDateEnd finds the date field of an e-mail's headers whose first
// field's value starts at from (after "From:"), and returns where the
// date itself starts; -1 if there is none. The headers are walked field by
// field, each value at most mailFieldMax long, so the date is found
// however many fields come first: a raw message puts it after the sender,
// the recipients, the copies and the subject ("From: Sgt Ann Lowe <...>
// To: "Norton ward members" <...> Cc: "Stockton North NPT" <...> Subject:
// July update Date: Tue, 4 Jul 2023 08:55:10 +0100"), which together run
// well past one field's length, while a "Date:" far into a paragraph that
// only opens with "From:" is no header.
//
// Headers opening with a server's field (mailTransportFields) must name
// their sender ("From:") too, before or after the date, within the same
// run of fields.
func mailDateEnd(s string, from int) int {
	prev := from
	transport := !mailFromFieldRE.MatchString(s[:from])
	date := -1
	for _, loc := range mailFieldRE.FindAllStringSubmatchIndex(s[from:], -1) {
		if loc[0] > prev-from+mailFieldMax {
			break
		}
		switch strings.ToLower(s[from+loc[2] : from+loc[3]]) {
		case "sent", "date":
			if date < 0 {
				date = from + loc[1]
			}
		case "from":
			transport = false
		}
		if date >= 0 && !transport {
			return date
		}
		prev = from + loc[1]
	}
	return -1
}

func (r *run) pubCandidate(s string) (time.Time, int, bool) {
	if loc := takenByRE.FindStringIndex(strings.TrimSpace(s)); loc != nil && len(s) <= 160 {
		// "Minutes typed up by K. Ashby 14/10/13 - corrections to the
		// chair before the next meeting please": the minute-taker's
		// line, dated when written (its "next meeting" no heading).
		if t, ok := r.fullDate(strings.TrimSpace(s)[loc[1]:]); ok {
			return t, pubScorePosted, true
		}
	}
	if loc := mailSentRE.FindStringIndex(s); loc != nil {
		// "From: ... Sent: Thursday, 13 June 2019 09:12 To: ...": an
		// e-mail's headers, whose date is when it was sent, whatever its
		// subject says is to come ("Subject: Round-up, dates for your
		// diary Date: Fri, 6 Jun 2025 ...": the subject is no "Next
		// meeting" line).
		if at := mailDateEnd(s, loc[1]); at >= 0 {
			if t, ok := r.fullDate(s[at:]); ok {
				return t, pubScorePosted, true
			}
		}
	}
	if futureHeadRE.MatchString(s) && !saysPublishedRE.MatchString(s) {
		return time.Time{}, 0, false // "Date of next meeting: Thursday 2 June 2016"
	}
	score := pubScorePosted
	if updatedRE.MatchString(s) {
		score = pubScoreUpdated
	}
	if m := filedUnderRE.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		if t, ok := r.fullDate(m[1]); ok {
			return t, score, true
		}
	}
	if loc := postedRE.FindStringIndex(s); loc != nil && loc[1] > 0 {
		if dateLabelOnlyRE.MatchString(s[:loc[1]]) && !opensWithFullDate(s[loc[1]:]) {
			// "Date   Meeting" over "02/12/13   Safer Hartlepool
			// Partnership": a table's header run into its first row, not a
			// "Date: <day>" line.
			return time.Time{}, 0, false
		}
		if t, ok := r.fullDate(s[loc[1]:]); ok {
			return t, score, true
		}
	} else if t, ok := r.pubLine(s); ok {
		return t, score, true
	} else if len(s) <= 160 {
		// "By Carl Ridley, Local Democracy Reporter · Published:
		// Thursday 18 February 2016, 06:00": the label opens a piece of
		// a byline, not the line.
		for _, p := range bylineSepRE.Split(s, -1)[1:] {
			if k := recordKindRE.FindStringSubmatchIndex(p); k != nil {
				p = p[k[2]:] // "Clerk: R. Lee · Draft minutes, published 25 January 2021": from its verb
			}
			if loc := postedRE.FindStringIndex(p); loc != nil && loc[1] > 0 {
				if t, ok := r.fullDate(p[loc[1]:]); ok {
					return t, score, true
				}
			}
		}
	}
	if t, ok := r.byline(s); ok {
		return t, pubScoreByline, true
	}
	if t, ok := r.bylineDateLine(s); ok {
		return t, pubScoreByline, true
	}
	if m := byDateRE.FindStringSubmatch(s); m != nil && len(s) <= 160 {
		// "By Kirsty Pallister, Community Reporter 12:30, 11 SEP 2019
		// Updated 14:05, 11 SEP 2019": a byline run into its dates, the
		// first the publication's
		if t, ok := r.fullDate(m[1]); ok {
			return t, pubScoreByline, true
		}
	}
	return time.Time{}, 0, false
}

// recordKindRE: the kind of record a publication line opens with, before
// its verb ("Draft minutes, published 25 January 2021", "Approved notes -
// issued 3 May 2016", "Newsletter, circulated 2 June 2019") as a piece of
// a masthead after its first ("Town Council · Clerk: J. Bell · Draft
// minutes, published ..."): the date after the verb is the record's
// publication, as "Published: ..." would be, when the date follows the
// verb ("published on the website 15 May" is left as it was read). (A
// line of its own is read as before, by pubLine.)
var recordKindRE = regexp.MustCompile(`(?i)^\W*(?:(?:draft|approved|agreed|confirmed|unconfirmed|final|signed)\s+)?(?:minutes|notes|action notes|newsletter|bulletin|update|report)\s*[,–—-]?\s+((?:(?:first|last)\s+)?(?:published|issued|circulated|posted))\s*:?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[0-9]`)

// takenByRE: a minute-taker's line opening with who wrote the record up
// ("Minutes typed up by K. Ashby", "Notes taken by Jo Bell on"), before
// its date.
var takenByRE = regexp.MustCompile(`(?i)^\W*(?:(?:the\s+)?(?:minutes|notes)\s+)?(?:typed(?:\s+up)?|taken|written(?:\s+up)?|compiled|recorded)\s+by\s+(?:(?-i:[A-Z])[\w'’-]*\.?\s+){1,3}(?:\(\w+\)\s+)?(?:on\s+)?`)

// byDateRE: a byline whose first date follows the writer's name and role,
// before any "Updated" (group 1: the text up to it).
var byDateRE = regexp.MustCompile(`(?i)^\W*by\s+[A-Z][^.]{2,80}?\b((?:[0-9]{1,2}[:.][0-9]{2}\s*(?:am|pm)?,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+[0-9]{4})`)

// bylineNameRE: a byline's writer and role, each word capitalised
// ("By Gazette Reporter", "By Jo Bell, Chief Reporter", "Words by Ann
// Lowe and Sam Ray"), up to the date run on after it.
var bylineNameRE = regexp.MustCompile(`^\W*(?:[Bb]y|BY|(?:[Ww]ords|[Ww]ritten|[Rr]eport) by)\s+(?:(?:[A-Z][\w'’.-]*|and|&|of|the),?\s+){1,8}$`)

// bylineDateLine reads a byline whose date the paper set on the line
// under it, run into one line by unwrapping a hard-wrapped text (a
// newspaper story saved as text, its date line written month first as
// the American style and many sites do): "By Gazette Reporter" over
// "Thursday, December 6, 2012", or "By Ann Lowe, Chief Reporter
// March 3, 2017 6:00 am". The line must be the byline and its one full
// date only (a time of day after it): "By the time of the meeting on 5
// May 2019 residents had left" is a sentence, its words not a name.
func (r *run) bylineDateLine(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 120 {
		return time.Time{}, false
	}
	ds := dates.Find(s)
	if len(ds) != 1 || ds[0].Year == 0 || !ds[0].IsDay() {
		return time.Time{}, false
	}
	if !bylineNameRE.MatchString(s[:ds[0].Start]) {
		return time.Time{}, false
	}
	if rest := strings.Trim(clockRE.ReplaceAllString(s[ds[0].End:], ""), " ,.;"); rest != "" {
		return time.Time{}, false
	}
	return r.fullDate(s[ds[0].Start:])
}

// byline reads a short line of pieces apart by "·", "|" or a dash, one of
// them a full date alone and another saying whose it is or how long it
// takes to read ("By Courier reporter · Thursday, 12 October 2017 · 3 min
// read").
func (r *run) byline(s string) (time.Time, bool) { return r.dateAndPiece(s, bylinePieceRE) }

// dateAndPiece reads a short line of pieces apart by "·", "|" or a dash,
// one of them a full date alone and another matching signed.
func (r *run) dateAndPiece(s string, signedRE *regexp.Regexp) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 120 {
		return time.Time{}, false
	}
	parts := bylineSepRE.Split(s, -1)
	if len(parts) < 2 {
		return time.Time{}, false
	}
	var at time.Time
	signed := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if signedRE.MatchString(p) {
			signed = true
			continue
		}
		ds := dates.Find(p)
		if len(ds) == 1 && ds[0].Year != 0 && ds[0].IsDay() && len(ds[0].Text)*10 >= len(p)*8 && at.IsZero() {
			if sp, _, err := r.a.Resolve(ds[0], false); err == nil {
				at = sp.Start
			}
		}
	}
	if !signed || at.IsZero() {
		return time.Time{}, false
	}
	return at, true
}

// pubLine reads a publication line that does not open with its verb
// ("This article was published on 24 June 2021"): a line of at most 80
// characters, one sentence, whose full date (with its year) follows the
// verb directly and ends the line.
func (r *run) pubLine(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) <= 200 {
		// "Tees Voice is a not-for-profit newsroom. This story was
		// published on Friday 14 February 2025.": the publisher's
		// sentence, then the publication line.
		if ss := sentences(s); len(ss) >= 2 && ss[len(ss)-1] != s {
			s = strings.TrimSpace(ss[len(ss)-1]) // ("(Notes: I. Grey, secretary. Circulated 5/11/21.)")
		}
	}
	if len(s) > 80 || strings.ContainsAny(strings.TrimRight(s, ".)"), ".!?") {
		return time.Time{}, false
	}
	for _, loc := range pubLineRE.FindAllStringIndex(s, -1) {
		rest := s[loc[1]:]
		ds := dates.Find(rest)
		if len(ds) != 1 || ds[0].Start != 0 || ds[0].Year == 0 || !ds[0].IsDay() || strings.TrimRight(strings.TrimSpace(rest[ds[0].End:]), ".)") != "" {
			continue
		}
		if sp, _, err := r.a.Resolve(ds[0], false); err == nil {
			return sp.Start, true
		}
	}
	return time.Time{}, false
}

// dateLabelOnlyRE: postedRE's match when its label is "Date" alone.
var dateLabelOnlyRE = regexp.MustCompile(`(?i)^[\s_*(\[|=—–-]*dated?\b\s*:?\s*$`)

// opensWithFullDate reports whether s opens with a date that has its year.
func opensWithFullDate(s string) bool {
	ds := dates.Find(s)
	return len(ds) > 0 && ds[0].Start == 0 && ds[0].Year != 0
}

func (r *run) fullDate(s string) (time.Time, bool) {
	for _, m := range dates.Find(s) {
		if m.Year == 0 || !m.IsDay() {
			continue
		}
		if sp, _, err := r.a.Resolve(m, false); err == nil {
			return sp.Start, true
		}
	}
	return time.Time{}, false
}

// findTitlePlace is the single ward named by the document's first
// headings (its title), at the publication date or the period's start.
func (r *run) findTitlePlace() *gazetteer.Resolution {
	at := r.anchorDay()
	if at.IsZero() {
		for i := range r.blocks {
			for _, m := range r.dates[i] {
				if m.Year != 0 && m.IsDay() {
					if sp, _, err := r.a.Resolve(m, false); err == nil {
						at = sp.Start
						break
					}
				}
			}
			if !at.IsZero() {
				break
			}
		}
	}
	for i := 0; i < len(r.blocks) && at.IsZero(); i++ {
		// No day anywhere: a span the document gives ("April to June
		// 2019") dates the ward boundaries as well.
		if from, _, ok := dates.FindPeriod(r.blocks[i].Text); ok {
			at = from
		}
	}
	if at.IsZero() {
		return nil
	}
	for i := 0; i < len(r.blocks); i++ {
		b := &r.blocks[i]
		if (i >= 4 || sentenceLike(b.Text)) && len(b.Text) >= 100 && !b.Heading {
			// The title is among the first headings, or (on a page whose
			// menus and links come first) among the headings before the
			// body's first paragraph.
			break
		}
		if !b.Heading && !(i == 0 && !sentenceLike(b.Text)) {
			continue // (a PDF's first line is its title, heading marks or not)
		}
		if postalAddress(b.Text) {
			continue // "1 Cliffland Way, Hemlington": the office's address in a letterhead, not the title
		}
		var wards []gazetteer.Mention
		text := titleCase(b.Text)
		if all := r.find(text, at); len(all) >= 3 && b.Heading || len(all) >= 3 && i == 0 {
			// "Saltburn, Marske and New Marske Parish Council": a body of
			// three places or more is no one ward's
			continue
		}
		if all := r.find(text, at); len(all) >= 2 && (b.Heading || i == 0) && namesJointCouncil(text, all) {
			continue
		}
		for _, m := range r.find(text, at) {
			if !b.Heading && !wardWordRE.MatchString(text[m.End:]) {
				continue // (a first line that is no heading names its ward as one: "Park End & Beckfield Ward – Councillors' Surgery Log")
			}
			if m.Kind == "ward" && (len(wards) == 0 || wards[len(wards)-1].WardCode != m.WardCode) {
				wards = append(wards, m)
			}
		}
		if len(wards) == 1 {
			res := wards[0].Resolution
			return &res
		}
		if len(wards) > 1 {
			return nil
		}
	}
	if w := r.groupWard(at); w != nil {
		return w
	}
	if w := r.councillorsWard(at); w != nil {
		return w
	}
	if w := r.headerWard(at); w != nil {
		return w
	}
	if w := r.ownWard(at); w != nil {
		return w
	}
	return r.signedWard(at)
}

// jointCouncilRE: a town or parish council's name after the places it
// is named for.
var jointCouncilRE = regexp.MustCompile(`(?i)^\s*(?:(?:and|&)\s+)?(?:town|parish|community)\s+council\b`)

// namesJointCouncil reports whether a title names a town or parish
// council after two places or more ("Marton and Nunthorpe Parish
// Council", "Minutes of Hilltop & Beckside Town Council"). Its area is
// the parish, which spans the wards of both places, so the title places
// the council's meetings in neither; the writers place such a meeting by
// the venue it was held at (the Civic Hall in one place's ward, or a town
// split between wards: the authority). The places must run into the
// council's name, joined by "and" or "&" only.
func namesJointCouncil(text string, all []gazetteer.Mention) bool {
	for k := 1; k < len(all); k++ {
		between := strings.TrimSpace(text[all[k-1].End:all[k].Start])
		if between != "and" && between != "&" && between != "And" {
			continue
		}
		if jointCouncilRE.MatchString(text[all[k].End:]) {
			return true
		}
	}
	return false
}

var (
	// signedCllrsRE: an imprint naming the ward whose councillors put the
	// newsletter out ("Printed and published by A. Bell for the Kader
	// ward councillors", "on behalf of the Kader ward councillors"; not
	// "a meeting called by the Kader ward councillors"): group 1 the
	// ward.
	signedCllrsRE = regexp.MustCompile(`(?i)\b(?:on behalf of|(?:printed|published|promoted)\b[^;!?]{0,80}?\b(?:for|by))\s+(?:your\s+|the\s+)?((?:(?-i:\p{Lu})[\w'’-]*\s+(?:(?:&|and)\s+)?){1,4})ward\s+(?:councillors|cllrs|members)\b`)
	// signedBioRE: a writer's line about themselves at a post's foot
	// ("Sam Hale is an independent councillor for Hartburn ward,
	// Stockton"): group 1 is what follows "for".
	signedBioRE = regexp.MustCompile(`^\W*(?:(?:Cllr|Councillor)\.?\s+)?(?-i:\p{Lu})[\w'’-]+(?:\s+(?-i:\p{Lu})[\w'’-]+){0,3}\s+(?:is|are)\s+(?:a|an|one of the|the|one of your|your)\s+(?:[\w-]+\s+){0,3}?(?:councillors?|ward members?)\s+for\s+([^.;!?]{3,60})`)
	// signedGroupRE: a residents' or tenants' association named for its
	// place, alone at the start of the document's first lines (its
	// masthead, an e-mail's sender) or at the end of its last (the
	// secretary's sign-off): group 1 or 2 the place.
	signedGroupRE = regexp.MustCompile(`^\W*(?:From:\s*)?((?:(?-i:\p{Lu})[\w'’-]*\s+){1,3})` + groupNameTail + `|((?:(?-i:\p{Lu})[\w'’-]*\s+){1,3})` + groupNameTail + `\W*$`)
)

// groupNameTail: the words that end a residents' or tenants' association's
// name ("Tenants & Residents Association", "Residents' Group").
const groupNameTail = `(?:Tenants|Residents)['’]?\s+(?:(?:&|and)\s+(?:Residents|Tenants)['’]?\s+)?(?:Association|Group)\b`

// signedWard is the one ward a newsletter or post is signed as its
// writers' in its masthead or at its foot, when its top says it no other
// way: the imprint of ward councillors' newsletter ("Printed and published
// by A. Bell for the Kader ward councillors", under a masthead "KADER
// NEWS - from your councillors"), the writer's line about themselves at
// a blog post's foot ("Sam Hale is an independent councillor for
// Hartburn ward"), or a residents' or tenants' association's name alone
// in its masthead or sign-off ("Thanks, Jo (chair), Kader Tenants &
// Residents Association"). Such writers tell their own meetings by venue
// ("our July meeting at the church hall", "the community room last
// night") and name other places only in passing or when they went
// elsewhere, so those meetings are in the ward they sign with. Nil when
// none, a town only, or two different wards are named so; a ward named
// only in the body ("the Kader ward councillors were there too") is not
// the writer's.
func (r *run) signedWard(at time.Time) *gazetteer.Resolution {
	var ward *gazetteer.Resolution
	n := len(r.blocks)
	for i := 0; i < n; i++ {
		if i >= 3 && i < n-4 {
			continue
		}
		text := r.blocks[i].Text
		var names []string
		for _, m := range signedGroupRE.FindAllStringSubmatch(text, -1) {
			name := m[1] + m[2]
			if part, ok := r.jointPart(name, at); ok {
				// residents call their estate by its own name, and a group
				// named for one of the places a joint ward's name joins is
				// the ward's ("Hardwick Tenants & Residents Association":
				// Hardwick and Salters Lane)
				name = part.WardName
			}
			names = append(names, name)
		}
		if i >= n-4 {
			for _, m := range signedCllrsRE.FindAllStringSubmatch(text, -1) {
				names = append(names, m[1]+" ward")
			}
			if m := signedBioRE.FindStringSubmatch(text); m != nil {
				name, _, _ := strings.Cut(m[1], ",") // ("for Hartburn ward, Stockton": the ward, then its town)
				names = append(names, name)
			}
		}
		for _, name := range names {
			for _, p := range r.find(name, at) {
				if p.Kind != "ward" || (ward != nil && ward.WardCode != p.WardCode) {
					return nil // (a town, or two wards: "for the Fairfield and Hartburn ward councillors")
				}
				res := p.Resolution
				ward = &res
			}
		}
	}
	return ward
}

// ownWardRE: the writer telling readers which ward they represent ("I'm
// now one of your three councillors for the new Ingleby Barwick South
// ward", "as your ward councillor for Kader"): group 1 is what follows
// "for", where the ward is named.
var ownWardRE = regexp.MustCompile(`(?i)\byour\s+(?:(?:new|local|elected|ward|borough|three|two|independent|labour|conservative)\s+)*(?:councillors?|cllrs?|ward members?)\s+for\s+([^.;!?,]{3,60})`)

// groupOwnWardRE: a residents' or tenants' group telling its readers
// which ward they live in, in the first person plural ("we're still in
// Grangetown ward after the boundary changes", "we are all Kader ward
// now", "our estate is in Ropner ward since the boundary changes"):
// group 1 is the ward's name, before the word "ward". A name must open
// with a capital ("we are your ward councillors" is ownWardRE's).
var groupOwnWardRE = regexp.MustCompile(`\b(?:[Ww]e\s+are|[Ww]e’re|[Ww]e're|[Oo]ur\s+(?:estate|street|streets|flats|block|homes|area|village|patch)\s+(?:is|are))\s+(?:(?:still|now|all|also)\s+)*(?:in\s+|part\s+of\s+)?(?:the\s+)?(\p{Lu}[^.;!?,]{2,50}?)\s+[Ww]ard\b`)

// ownWard is the ward a councillor's own blog or newsletter says near its
// top that the writer represents ("For those who haven't heard, I'm now one
// of your councillors for the Hartburn ward"): the writer's surgeries and
// walkabouts, told with a venue the gazetteer does not know ("my surgery
// at the Lakeside Centre"), are in it, not in a town the rest of the post
// names in passing ("the front desk at Thornaby police station"). The one
// ward named after "your ... councillor(s) for" (or a residents' group's
// "we are still in X ward": groupOwnWardRE) in the first paragraphs;
// nil when none, a town only, or two different wards are named so.
func (r *run) ownWard(at time.Time) *gazetteer.Resolution {
	var ward *gazetteer.Resolution
	for i := range r.blocks {
		var ms [][]string
		if i < 8 {
			ms = ownWardRE.FindAllStringSubmatch(r.blocks[i].Text, -1)
		}
		// (a group saying where its readers live says so anywhere: an
		// aside under the first item of a newsletter)
		ms = append(ms, groupOwnWardRE.FindAllStringSubmatch(r.blocks[i].Text, -1)...)
		for _, m := range ms {
			for _, p := range r.find(m[1], at) {
				if p.Kind != "ward" || (ward != nil && ward.WardCode != p.WardCode) {
					return nil
				}
				res := p.Resolution
				ward = &res
				break // (the first place after "for" is the ward: "for the Hartburn ward")
			}
		}
	}
	return ward
}

// groupNameRE: the name of the group or page a social media post was
// copied from, before "Public group · 2.4K members" or after the poster's
// "▸" and before the post's "·" ("Karen Ashby ▸ North Ormesby Community
// Noticeboard Admin · 14 November 2018"; a breadcrumb's "Home ▸ News"
// has no "·").
var groupNameRE = regexp.MustCompile(`^(\p{Lu}[^·▸]{2,80}?)\s+(?:Public|Private|Visible)\s+group\b|▸\s*(\p{Lu}[^·▸]{2,80}?)\s*(?:\s(?:Admin|Moderator|Author))?\s*·`)

// groupWard is the one ward the name of a community group names, when a
// post copied from the group's page gives it at its top (the residents of
// "North Ormesby Community Noticeboard" write of "the Community Hub" and
// "tonight's meeting", naming their ward nowhere else). Nil when the name
// names no ward, several, or only a town.
func (r *run) groupWard(at time.Time) *gazetteer.Resolution {
	var ward *gazetteer.Resolution
	for i := 0; i < len(r.blocks) && i < 6; i++ {
		m := groupNameRE.FindStringSubmatch(r.blocks[i].Text)
		if m == nil {
			continue
		}
		name := m[1] + m[2]
		for _, p := range r.find(name, at) {
			if p.Kind != "ward" || (ward != nil && ward.WardCode != p.WardCode) {
				return nil
			}
			res := p.Resolution
			ward = &res
		}
	}
	return ward
}

// headerWard is the one ward the site's header or footer names as a ward
// ("Independent councillor for Fens & Greatham ward, Hartlepool" under a
// councillor's name): a ward's own site, whose pages name the ward
// nowhere else. Nil when no line, or lines naming different wards, do.
// On a councillor's site (a header line naming a councillor) a ward named
// after "for" is named so too, without the word "ward": the site's
// tagline under the councillor's name ("Cllr Jo Bell" over "Standing up
// for Hart"), which says whose ward the writer's surgeries and meetings
// are in.
func (r *run) headerWard(at time.Time) *gazetteer.Resolution {
	var ward *gazetteer.Resolution
	cllr := slices.ContainsFunc(r.chromeLines, cllrLineRE.MatchString)
	for _, l := range r.chromeLines {
		for _, m := range r.find(l, at) {
			if m.Kind != "ward" || !(wardWordRE.MatchString(l[m.End:]) || cllr && forWardRE.MatchString(l[:m.Start])) {
				continue
			}
			if ward != nil && ward.WardCode != m.WardCode {
				return nil
			}
			res := m.Resolution
			ward = &res
		}
	}
	return ward
}

// cllrLineRE: a header line naming a councillor ("Cllr Karen Dobson",
// "Councillor Jo Bell").
var cllrLineRE = regexp.MustCompile(`^\W*(?i:cllr|councillor|coun)\.?\s+\p{Lu}`)

// forWardRE: "for" right before a name, as a councillor's tagline puts
// it ("Working hard for", "Your voice for the").
var forWardRE = regexp.MustCompile(`(?i)\bfor\s+(?:the\s+(?:people|residents)\s+of\s+|(?:the\s+)?(?:people|residents)\s+of\s+)?$`)

// postalAddress reports whether a line opens with a house number and a
// street ("1 Cliffland Way, Hemlington Middlesbrough"): a letterhead's
// address, whose ward is where the office is, not what the document is
// about.
func postalAddress(s string) bool {
	f := strings.Fields(s)
	if len(f) < 3 || !houseNumberRE.MatchString(f[0]) {
		return false
	}
	for i := 2; i < len(f) && i <= 4; i++ {
		if isStreet(f[i]) {
			return true
		}
		if strings.HasSuffix(f[i-1], ",") {
			break
		}
	}
	return false
}

// houseNumberRE: a house number ("1", "14a", "2-4").
var houseNumberRE = regexp.MustCompile(`^[0-9]{1,4}[a-zA-Z]?(?:[-–][0-9]{1,4})?,?$`)

// wardWordRE: "ward" right after a name.
var wardWordRE = regexp.MustCompile(`(?i)^\s+ward\b`)

// councillorsWard is the ward of a village's or town's record whose
// attendance names its ward councillor ("Greatham Parish Council" over
// "Cllr R. Sayer | Ward councillor, Rural West (Hartlepool Borough
// Council)"): the one ward named beside "ward councillor" near the top,
// when the title's first heading names a place of the same authority and
// no ward. Nil otherwise.
func (r *run) councillorsWard(at time.Time) *gazetteer.Resolution {
	var town *gazetteer.Mention
	for i := 0; i < len(r.blocks) && i < 3 && town == nil; i++ {
		if r.blocks[i].Heading {
			if ms := r.find(titleCase(r.blocks[i].Text), at); len(ms) > 0 && ms[0].Kind == "lad" {
				town = &ms[0]
			}
		}
	}
	if town == nil {
		return nil
	}
	var ward *gazetteer.Resolution
	for i := 0; i < len(r.blocks) && i < 15; i++ {
		b := &r.blocks[i]
		locs := wardCllrRE.FindAllStringIndex(b.Text, -1)
		if locs == nil {
			continue
		}
		for _, m := range r.find(b.Text, at) {
			if m.Kind != "ward" || !besideCllr(b.Text, m, locs) {
				continue
			}
			if (ward != nil && ward.WardCode != m.WardCode) || m.LADCode != town.LADCode {
				return nil
			}
			res := m.Resolution
			ward = &res
		}
	}
	return ward
}

// besideCllr reports whether ward mention m is the one a "ward
// councillor" match in locs names as the councillor's: inside the match
// ("Cllr S. Tennant, Headland & Harbour ward") or right after it, in the
// same entry ("Ward councillor, Rural West"). A ward told before it, in a
// story of the body ("we walked round Kader ward with the ward
// councillors"), is where something happened, not whose councillor
// attended a record, and does not make the document that ward's.
func besideCllr(text string, m gazetteer.Mention, locs [][]int) bool {
	for _, l := range locs {
		if m.Start >= l[0] && m.Start < l[1] {
			return true
		}
		if gap := text[min(l[1], m.Start):max(l[1], m.Start)]; m.Start >= l[1] && len(gap) <= 40 && !strings.ContainsAny(gap, ".;!?") {
			return true
		}
	}
	return false
}

// wardCllrRE: a ward councillor in a record's attendance ("Ward
// councillor, Rural West", "Cllr S. Tennant, Headland & Harbour ward",
// "Borough Cllr R. Marley (Rural West)").
var wardCllrRE = regexp.MustCompile(`(?i)\bward (?:councillors?|cllrs?|members?)\b|\bcllr\b[^;|,]{0,30},\s*[^.;|,]{0,30}\bward\b|\b(?:borough|ward|unitary) (?:cllrs?|councillors?)\s+[^;|,(]{0,30}\([^)]{3,40}\)`)

// anchorDay is the day the document is anchored on: its publication date,
// else its period's start; zero if neither.
func (r *run) anchorDay() time.Time {
	switch {
	case !r.a.Published.IsZero():
		return r.a.Published
	case !r.a.PeriodStart.IsZero():
		return r.a.PeriodStart
	}
	return r.recordDay // minutes with no date of their own: their meeting's
}

// titleCase turns an upper-case title line into title case, so the
// gazetteer (which wants names capitalised as written) reads it.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		// each part of a hyphenated name: "STOCKTON-ON-TEES" is
		// "Stockton-on-Tees", as the gazetteer writes it
		parts := strings.Split(w, "-")
		for j, p := range parts {
			if p != "" && p != "and" && p != "of" && p != "the" && p != "on" && p != "upon" {
				parts[j] = strings.ToUpper(p[:1]) + p[1:]
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// find is the gazetteer's Find, cached per text and day.
func (r *run) find(text string, at time.Time) []gazetteer.Mention {
	k := findKey{text, at.Format(time.DateOnly)}
	if ms, ok := r.findCache[k]; ok {
		return ms
	}
	if r.findCache == nil {
		r.findCache = map[findKey][]gazetteer.Mention{}
	}
	ms := routeNamesDropped(text, wardsOfOtherPlaces(text, r.x.gaz.Find(text, at)))
	r.findCache[k] = ms
	return ms
}

// wardInRE: what joins a ward to the town or authority it is said to be
// in ("Park ward in Hartlepool", "Victoria ward, Hartlepool").
var wardInRE = regexp.MustCompile(`(?i)^\s*(?:ward\s*)?(?:in|of|,)\s+(?:the\s+)?$`)

// wardsOfOtherPlaces drops a ward the text itself puts in another
// authority: "Park ward in Hartlepool" names no ward of Hartlepool (Park is
// Middlesbrough's), so the place is Hartlepool, never Middlesbrough's Park.
// routeAfterRE and routeBeforeRE: two places joined by a hyphen as the
// name of a path, line or road between them ("off-road bikes on the
// Skelton-Brotton path", "the Stockton-Darlington railway line"): a route,
// not where something happened, so neither end places it.
var (
	routeAfterRE  = regexp.MustCompile(`^[-–][A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?\s+(?:(?:old\s+|cycle\s+|railway\s+|bus\s+)?(?:path|paths|footpath|cycleway|cycle path|line|railway|road|way|route|bypass|greenway|trail|walk|bus|service))\b`)
	routeBeforeRE = regexp.MustCompile(`[A-Z][\w'’]*[-–]$`)
	routeTailRE   = regexp.MustCompile(`^\s+(?:(?:old\s+|cycle\s+|railway\s+|bus\s+)?(?:path|paths|footpath|cycleway|cycle path|line|railway|road|way|route|bypass|greenway|trail|walk|bus|service))\b`)
)

// routeNamesDropped leaves out the places that are the ends of a route's
// name (routeAfterRE, routeBeforeRE).
func routeNamesDropped(text string, ms []gazetteer.Mention) []gazetteer.Mention {
	out := ms[:0:0]
	for _, m := range ms {
		if routeAfterRE.MatchString(text[m.End:]) || (routeBeforeRE.MatchString(text[:m.Start]) && routeTailRE.MatchString(text[m.End:])) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func wardsOfOtherPlaces(text string, ms []gazetteer.Mention) []gazetteer.Mention {
	var out []gazetteer.Mention
	for i, m := range ms {
		if m.Kind == "ward" && i+1 < len(ms) {
			n := ms[i+1]
			if n.Kind != "ward" && n.LADCode != "" && m.LADCode != "" && n.LADCode != m.LADCode && n.Start >= m.End && wardInRE.MatchString(text[m.End:n.Start]) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

func (r *run) problem(b *segment.Block, what, text, reason string) {
	r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: b.N, What: what, Text: text, Reason: reason})
}

// event starts an event with the fields every extracted event has, and
// its date at the span's precision.
func (r *run) event(b *segment.Block, typ string, sp dates.Span, res gazetteer.Resolution) *schemas.Event {
	ev := &schemas.Event{Type: typ, SchemaVersion: schemas.CurrentVersion, Date: sp.Start.Format(time.DateOnly),
		Source: &schemas.Source{Document: clip(r.res.Document, 2000), Paragraph: b.N},
		Place:  clip(res.Text, 500), LADCode: res.LADCode, WardCode: res.WardCode}
	if sp.Precision == dates.Month || sp.Precision == dates.Period {
		ev.Precision = sp.Precision
		ev.Period = &schemas.Period{Start: sp.Start.Format(time.DateOnly), End: sp.End.Format(time.DateOnly)}
	}
	return ev
}

// endingSpan reads a period from a line near the top that ends with a span
// of months and its year: a title ("Community Engagement Update June – July
// 2022", "YOU SAID, WE DID: QUARTERLY UPDATE, JANUARY TO MARCH 2025") or a
// labelled field ("Period covered: February and March 2013").
func endingSpan(s string) (from, to time.Time, ok bool) {
	for _, f := range strings.Split(s, "|") {
		f = strings.Trim(f, " *_.:\t")
		if len(f) > 120 {
			continue
		}
		ds := dates.Find(f)
		if len(ds) == 0 {
			continue
		}
		last := ds[len(ds)-1]
		if !last.IsMonths() || last.EndMonth == 0 || last.EndMonth == last.Month || last.Year == 0 || last.End < len(f)-1 {
			continue
		}
		if from, to, ok := dates.FindPeriod(last.Text); ok {
			return from, to, true
		}
	}
	return from, to, false
}

// headingTailSpan reads the period of a report from a heading near the top
// whose last part, after a dash, is only a span of months: "You said, we
// did – October to December 2020".
func headingTailSpan(b *segment.Block, i int) (from, to time.Time, ok bool) {
	if !b.Heading || i >= 8 {
		return from, to, false
	}
	for _, sep := range []string{" – ", " — ", " - "} {
		if k := strings.LastIndex(b.Text, sep); k >= 0 {
			return dates.FindPeriod(b.Text[k+len(sep):])
		}
	}
	return from, to, false
}

// sentenceLike reports whether a block reads as running text (two
// sentences or more, each ending in a stop), not a menu or a list of
// links: the body has begun.
func sentenceLike(s string) bool {
	return strings.Count(s, ". ") >= 1 && strings.HasSuffix(strings.TrimSpace(s), ".")
}

// titleMonthRE: a post or bulletin whose title names the month it covers
// ("February update from your neighbourhood team", "Newsletter – March
// 2019", "Our June round-up"); group 1 the month, group 2 its year if
// written.
//
// The title may open with the team's or the writer's name set off by a
// dash, a colon or a bar ("Marton East Neighbourhood Team – June update",
// "Cllr Ray Dunn: May round-up"); then the month must be followed by the
// word of the post ("update", "round-up"), so that a name before a bare
// month ("Residents' meeting – March") is not read as a monthly post.
//
// A "you said, we did" page titled by its month ("You said, we did –
// June 2024", "You Said We Did: May") is a monthly post too (groups 5 and
// 6): the page is the team's account of that month's meetings, each
// under a heading such as "Marton ward meeting – Thursday 6th", so a
// bare month after it is the month covered, not a meeting's date.
var titleMonthRE = regexp.MustCompile(`(?i)^\W*(?:(?:the|our|your|ward|team|monthly|neighbourhood|police|community)\s+){0,3}(?:(?:update|round-?up|newsletter|bulletin|news|report|digest)\s*(?:for|[:–—-])\s*)?(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+([0-9]{4}))?(?:\s+(?:update|round-?up|newsletter|bulletin|news|report|digest)\b|\s*$)|^\W*[^–—:|.]{2,60}?\s*[–—:|]\s*(?:(?:the|our|your|monthly)\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+([0-9]{4}))?\s+(?:update|round-?up|newsletter|bulletin|news|report|digest)\b|^\W*you\s+said,?\s*(?:(?:and|&)\s*)?we\s+did\s*[–—:|-]\s*(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+([0-9]{4}))?\s*$`)

// titleMonth is the month a monthly post covers, from its title ("February
// update from your Marton team", published on 4 March 2024: February
// 2024): the title's month in its written year, else the last such month
// that began by the publication date; zero when the title names none.
func (r *run) titleMonth() time.Time {
	for i := 0; i < len(r.blocks) && i < 3; i++ {
		b := &r.blocks[i]
		if !b.Heading || b.Cells != nil {
			continue
		}
		m := titleMonthRE.FindStringSubmatch(b.Text)
		if m == nil {
			continue
		}
		if m[1] == "" && m[3] != "" {
			m = []string{m[0], m[3], m[4]} // ("Hartburn Team – March update")
		} else if m[1] == "" {
			m = []string{m[0], m[5], m[6]} // ("You said, we did – March 2024")
		}
		mon := time.Month(0)
		for k := time.January; k <= time.December; k++ {
			if strings.EqualFold(k.String(), m[1]) {
				mon = k
			}
		}
		if m[2] != "" {
			y, _ := strconv.Atoi(m[2])
			return time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC)
		}
		if r.a.Published.IsZero() {
			return time.Time{}
		}
		t := time.Date(r.a.Published.Year(), mon, 1, 0, 0, 0, 0, time.UTC)
		if t.After(r.a.Published) {
			t = t.AddDate(-1, 0, 0)
		}
		return t
	}
	return time.Time{}
}

// bareOrdinalsRE: days written as ordinals alone, one or a list ("on the
// 6th", "on the 3rd and the 17th", "on the 2nd, 9th and 16th"), no month
// after them (group 1 is the whole list); nthWeekdayOfMonthRE: "the last
// Friday of the month", "the first Tuesday of the month" (groups: the
// ordinal, the weekday).
var (
	bareOrdinalsRE = regexp.MustCompile(`\bon the ([0-9]{1,2}(?:st|nd|rd|th)(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th))*)\b(\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|this|last|next|each|every)\b)?`)
	bareOrdinalRE  = regexp.MustCompile(`([0-9]{1,2})(?:st|nd|rd|th)`)
	// weekdayOrdinalRE: a day written with its weekday and no month
	// ("Tuesday 6th", "Sat 24th"); groups: the weekday, the ordinal, its
	// number, a month written after it.
	weekdayOrdinalRE = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Weds?|Thu|Thurs?|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?(([0-9]{1,2})(?:st|nd|rd|th))\b(\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)?`)
	// dayMonthFiguresRE: a day and month in figures with no year
	// ("14/06", "on 3.11"); groups: "on " before it, the day, the month.
	dayMonthFiguresRE   = regexp.MustCompile(`(?:^|[^0-9/.:£$-])((?i:on)\s+)?\b([0-9]{1,2})[/.]([0-9]{1,2})\b(?:[^0-9/.:%-]|[.:]?$|[.:]\s)`)
	nthWeekdayOfMonthRE = regexp.MustCompile(`(?i)\bthe (first|second|third|fourth|last) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) of the month\b`)
	// habitualMonthRE: a sentence telling what recurs ("meets on the last
	// Friday of the month", "is held on the 1st of every month"), or is to
	// come.
	habitualMonthRE = regexp.MustCompile(`(?i)\b(?:every|each|usually|normally|always|generally|regularly|meets|meet|are held|is held|take place|takes place|will|shall|next|going to|due to|are on|is on)\b`)
)

// titleMonthDays gives the days of a monthly post written without their
// month the month its title names: a team's or a councillor's "February
// update" tells February's meetings as "two street briefings in Marton
// East, on the 6th and the 20th" or "on the last Friday of the month PCSO
// Naylor walked round", the month being the one the post is about. A day
// whose paragraph names a month before it takes that month (dates'
// bareDays), and a sentence of what recurs or is to come ("we meet on the
// last Friday of the month") is left alone; a date after the publication
// is no such day. Table rows keep their cells as written.
func (r *run) titleMonthDays() {
	tm := r.titleMonth()
	if tm.IsZero() {
		return
	}
	stamp := " " + tm.Format("January 2006")
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.Cells != nil {
			continue
		}
		text := b.Text
		if !b.Heading && !r.a.Published.IsZero() && r.a.Published.Month() != tm.Month() {
			// "Two PACTs this month." in a "March update" posted on 4
			// April: the post's month is its title's, in what it tells
			// as done (not "we will be at ... this month").
			locs := thisMonthRE.FindAllStringIndex(text, -1)
			for k := len(locs) - 1; k >= 0; k-- {
				l := locs[k]
				if futureRE.MatchString(sentenceAt(text, l[0])) {
					continue
				}
				text = text[:l[0]] + "in" + stamp + text[l[1]:]
			}
		}
		// A day with its weekday and no month ("Throston ward surgery -
		// Tuesday 6th", a heading or a sentence of the post) is the title
		// month's day when the weekday fits it.
		wlocs := weekdayOrdinalRE.FindAllStringSubmatchIndex(text, -1)
		for k := len(wlocs) - 1; k >= 0; k-- {
			l := wlocs[k]
			if l[8] >= 0 || habitualMonthRE.MatchString(sentenceAt(text, l[0])) || monthBefore(r.dates[i], l[0]) {
				continue
			}
			wd, ok := dates.WeekdayOf(text[l[2]:l[3]])
			d, _ := strconv.Atoi(text[l[6]:l[7]])
			t := tm.AddDate(0, 0, d-1)
			if !ok || d < 1 || t.Month() != tm.Month() || t.Weekday() != wd || (!r.a.Published.IsZero() && t.After(r.a.Published)) {
				continue
			}
			text = text[:l[5]] + stamp + text[l[5]:]
		}
		// A day and month in figures without a year ("Netherfields
		// drop-in – 14/06", "on 14/06") is the title month's day when its
		// month is the title's: a heading's or an "on"'s, nothing else (a
		// score or a reference number is not read).
		nlocs := dayMonthFiguresRE.FindAllStringSubmatchIndex(text, -1)
		for k := len(nlocs) - 1; k >= 0; k-- {
			l := nlocs[k]
			if !b.Heading && l[2] < 0 {
				continue
			}
			d, _ := strconv.Atoi(text[l[4]:l[5]])
			mo, _ := strconv.Atoi(text[l[6]:l[7]])
			t := tm.AddDate(0, 0, d-1)
			if time.Month(mo) != tm.Month() || d < 1 || t.Month() != tm.Month() || (!r.a.Published.IsZero() && t.After(r.a.Published)) {
				continue
			}
			if l[3] >= 0 && habitualMonthRE.MatchString(sentenceAt(text, l[0])) {
				continue
			}
			text = text[:l[4]] + t.Format("2 January 2006") + text[l[7]:]
		}
		if b.Heading {
			if text != b.Text {
				b.Text = text
				r.dates[i] = dates.Find(b.Text)
			}
			continue
		}
		text = stampOrdinals(text, bareOrdinalsRE, r.dates[i], 0, stamp, func(d int) bool {
			t := tm.AddDate(0, 0, d-1)
			return d >= 1 && t.Month() == tm.Month() && (r.a.Published.IsZero() || !t.After(r.a.Published))
		})
		locs := nthWeekdayOfMonthRE.FindAllStringSubmatchIndex(text, -1)
		for k := len(locs) - 1; k >= 0; k-- {
			l := locs[k]
			if habitualMonthRE.MatchString(sentenceAt(text, l[0])) {
				continue
			}
			wd, _ := dates.WeekdayOf(text[l[4]:l[5]])
			var days []time.Time
			for t := tm; t.Month() == tm.Month(); t = t.AddDate(0, 0, 1) {
				if t.Weekday() == wd {
					days = append(days, t)
				}
			}
			n := map[string]int{"first": 0, "second": 1, "third": 2, "fourth": 3, "last": len(days) - 1}[strings.ToLower(text[l[2]:l[3]])]
			t := days[n]
			if !r.a.Published.IsZero() && t.After(r.a.Published) {
				continue
			}
			// ("the last Friday of the month" would read as "last
			// Friday", the one before the publication.)
			text = text[:l[0]] + t.Format("Monday 2 January 2006") + text[l[1]:]
		}
		if text != b.Text {
			b.Text = text
			r.dates[i] = dates.Find(b.Text)
		}
	}
}

// thisMonthRE: "this month", the month being written about.
var thisMonthRE = regexp.MustCompile(`(?i)\bthis month\b`)

// stampOrdinals writes stamp (" March 2022") after each day of each list
// of days written as ordinals alone that re finds in text from offset from
// on (group 1 the list, "on the 4th and the 18th"; group 2 a month written
// after it), when every day of the list fits: the month the caller knows
// the days are of. A list with its month after it, with a month written
// before it (ds, the block's dates: dates' bareDays gives it that one), or
// in a sentence of what recurs ("on the 1st of each month") is left as
// written.
func stampOrdinals(text string, re *regexp.Regexp, ds []dates.Mention, from int, stamp string, fits func(day int) bool) string {
	locs := re.FindAllStringSubmatchIndex(text, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		l := locs[k]
		if l[0] < from || l[4] >= 0 || habitualMonthRE.MatchString(sentenceAt(text, l[0])) || monthBefore(ds, l[0]) {
			continue
		}
		list := text[l[2]:l[3]]
		ords := bareOrdinalRE.FindAllStringSubmatchIndex(list, -1)
		ok := true
		for _, o := range ords {
			d, _ := strconv.Atoi(list[o[2]:o[3]])
			ok = ok && fits(d)
		}
		if !ok {
			continue
		}
		for j := len(ords) - 1; j >= 0; j-- {
			list = list[:ords[j][1]] + stamp + list[ords[j][1]:]
		}
		text = text[:l[2]] + list + text[l[3]:]
	}
	return text
}

// sentenceAt is the sentence of s around offset at.
func sentenceAt(s string, at int) string { return spanAround(s, at, at, ".!?") }

// spanAround is the piece of s holding s[start:end], between the last of
// marks before it and the first after it.
func spanAround(s string, start, end int, marks string) string {
	from := strings.LastIndexAny(s[:start], marks) + 1
	to := strings.IndexAny(s[end:], marks)
	if to < 0 {
		return s[from:]
	}
	return s[from : end+to]
}

// monthBefore reports whether a date before offset at names a month.
func monthBefore(ds []dates.Mention, at int) bool {
	for _, d := range ds {
		if d.End <= at && d.Month != 0 && d.Rel == "" && d.RelMonth == "" {
			return true
		}
	}
	return false
}

// mastheadDateline reads a newspaper's masthead and its dateline that
// unwrapping a hard-wrapped text ran into one line at the very top of a
// story saved as text ("Wearside Weekly Gazette" over "Tuesday, March 5,
// 2019", joined into "Wearside Weekly Gazette Tuesday, March 5, 2019"):
// the paper's name (publisherRE: capitalised words ending in a paper's
// or publisher's word) and one full date with its year, before or after
// it, a time of day at most besides. Such a line is the issue's date, as
// a byline's is. A line with anything else ("Gazette readers met on 5
// March 2019", "Parking at the Town Council 5 March 2019 meeting") is
// none, nor is a line below the first two blocks.
func (r *run) mastheadDateline(i int) (time.Time, bool) {
	b := &r.blocks[i]
	if i >= 2 || b.Bullet || b.Cells != nil || len(b.Text) > 100 {
		return time.Time{}, false
	}
	s := strings.Trim(strings.TrimSpace(b.Text), "*_#")
	ds := dates.Find(s)
	if len(ds) != 1 || ds[0].Year == 0 || !ds[0].IsDay() {
		return time.Time{}, false
	}
	name := strings.Trim(s[:ds[0].Start], " ,|·•–—-")
	rest := strings.Trim(clockRE.ReplaceAllString(s[ds[0].End:], ""), " ,.;|·•–—-")
	switch {
	case name != "" && rest == "":
	case name == "" && rest != "":
		name = rest
	default:
		return time.Time{}, false
	}
	if !publisherRE.MatchString(name) {
		return time.Time{}, false
	}
	return r.fullDate(ds[0].Text)
}

// mastheadPubSentence reads a publication line that hard wrapping has run
// into the lines around it at the top of a typed newsletter ("NEWSLETTER -
// SUMMER 2018 (Issue 23)" over "Printed by volunteers. Delivered to every
// house." over "Dated 2nd July 2018.", joined into one block): a short
// sentence of one of the first blocks that is such a line on its own
// ("Dated ...", "Published ...", "Issued by the Clerk 13/10/2023"), the
// label opening it and the date ending it. A sentence with more to say
// ("Leaflets were posted on 3 May to every house", "Date: 4 May 2019 was
// suggested for a walkabout") is no such line.
func (r *run) mastheadPubSentence(i int) (time.Time, int, bool) {
	b := &r.blocks[i]
	if i >= 4 || b.Heading || b.Bullet || b.Cells != nil {
		return time.Time{}, 0, false
	}
	ss := sentences(b.Text)
	if len(ss) < 2 {
		return time.Time{}, 0, false
	}
	for _, s := range ss {
		s = strings.TrimRight(strings.TrimSpace(s), ".;,")
		if len(s) > 60 || !postedRE.MatchString(s) {
			continue
		}
		if ds := dates.Find(s); len(ds) == 0 || ds[len(ds)-1].End != len(s) {
			continue // "Date: 4 May 2019 was suggested for a walkabout": the date is not the line's end
		}
		if t, score, ok := r.pubCandidate(s); ok {
			return t, score, true
		}
	}
	return time.Time{}, 0, false
}

// footImprint reads the imprint at the foot of a newsletter or a
// volunteer's sheet, which says when the issue was made up rather than
// when it was posted, in words of its own and often inside a paragraph
// of other notes: "Summer news was pulled together on 3/7/24 by the
// committee. Printing paid for by ...", "All details correct at the
// time of going to press, 2 May 2022. Printed by ...". A sentence of
// one of the last three blocks (not a heading, list item or table row)
// that opens with such words (after the issue's own name: "newsletter",
// "this issue", "all details"), the one full date (with its year)
// following them directly, is such a line. A sentence with more to say
// ("The new noticeboard was put together on 3 May 2024 by volunteers"),
// a date that does not follow the words, or a block higher up the page
// is none. A typed newsletter's imprint that unwrapping ran into the
// contact line above it ("Write to us at ... (or find us at the market!)"
// over "Printed and published 3 May 2019 by the ward councillors, c/o
// ..."): its sentence opens with "Printed and published", which is such
// words too (the imprint's line alone is postedRE's), and the sentence
// may open after one that ends inside its bracket ("...!)").
func (r *run) footImprint(i int) (time.Time, bool) {
	b := &r.blocks[i]
	if i < len(r.blocks)-3 || b.Heading || b.Bullet || b.Cells != nil {
		return time.Time{}, false
	}
	var ss []string
	for _, s := range sentences(b.Text) {
		ss = append(ss, s)
		for _, m := range closedSentenceRE.FindAllStringIndex(s, -1) {
			ss = append(ss, s[m[1]:]) // "(or catch us at the market!) Printed and published ...": a sentence closed inside its bracket
		}
	}
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if len(s) > 100 {
			continue
		}
		loc := footImprintRE.FindStringIndex(s)
		if loc == nil {
			continue
		}
		ds := dates.Find(s)
		if len(ds) != 1 || ds[0].Year == 0 || !ds[0].IsDay() || ds[0].Start < loc[1] || !footImprintGapRE.MatchString(s[loc[1]:ds[0].Start]) {
			continue
		}
		if sp, _, err := r.a.Resolve(ds[0], false); err == nil {
			return sp.Start, true
		}
	}
	return time.Time{}, false
}

var (
	// footImprintRE: the words that open an imprint's sentence (footImprint),
	// after the issue's name if any.
	footImprintRE = regexp.MustCompile(`(?i)^\W*(?:(?:this|our|the)\s+)?(?:(?:spring|summer|autumn|winter|christmas|new year)\s+)?(?:(?:newsletter|news|issue|edition|bulletin|leaflet|information|details|all details|everything|contents)\s+)?(?:(?:was|were|is|are)\s+)?(?:(?:put|pulled)\s+together|printed\s+(?:and|&)\s+published|compiled|produced|edited|(?:correct|accurate)\s+(?:at|as at|as of)\s+(?:the\s+)?(?:time\s+of\s+)?(?:going\s+to\s+)?(?:print|press|printing)?|(?:went|sent)\s+to\s+(?:print|press|the printers?))`)
	// closedSentenceRE: a sentence's end inside a closing bracket or
	// quote ("(or catch us at the market!) Printed ..."), which sentences
	// does not split at.
	closedSentenceRE = regexp.MustCompile(`[.!?][)\]"”’]+\s+`)
	// footImprintGapRE: what may stand between an imprint's words and its
	// date ("put together 28/6/24", "correct at the time of going to
	// print, 2 May 2022", "compiled on").
	footImprintGapRE = regexp.MustCompile(`^[\s,:;–—-]*(?:on\s+)?$`)
)
