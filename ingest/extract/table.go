package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
	"github.com/wardpulse/wardpulse/ingest/extract/segment"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// rowWard is the ward a table row's cells name when its place column gives
// only a town or an authority: a Panel report's "Meeting | Location" table
// writes the ward in the meeting's title ("Seaton Ward Community Meeting |
// Seaton Carew, Hartlepool", "Hardwick and Salters Lane Ward Meeting |
// Stockton-on-Tees") and the town or authority it lies in as the location.
// The ward is taken only when the row names exactly one ward and it lies in
// the authority the place column resolved to; two wards, or a ward of
// another authority, leave the place as it was (base).
func (r *run) rowWard(base *gazetteer.Resolution, at time.Time, cells ...string) *gazetteer.Resolution {
	if base == nil || base.Kind == "ward" {
		return base
	}
	var ward *gazetteer.Resolution
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if ms := r.find(c, at); len(ms) > 1 && ms[0].Kind == "ward" && strings.Trim(c[:ms[0].Start], "| ") == "" && ms[0].LADCode == base.LADCode {
			if ds := dates.Find(c[ms[0].End:]); len(ds) > 0 && weekdayOnlyRE.MatchString(c[ms[0].End:ms[0].End+ds[0].Start]) {
				// "Belmont Thu 16 June, Guisborough Quaker Meeting House"
				// under "Ward meeting (date / venue)": the ward, its day,
				// then its venue (in a town that is a ward too)
				res := ms[0].Resolution
				return &res
			}
		}
		if named := calledWard(c, r.find(c, at)); named != nil && named.LADCode == base.LADCode {
			res := named.Resolution
			return &res
		}
		for _, m := range r.find(c, at) {
			if m.Kind != "ward" {
				continue
			}
			if ward != nil && ward.WardCode != m.WardCode {
				return base // two wards: which one is the row's is not said
			}
			res := m.Resolution
			ward = &res
		}
	}
	if ward == nil {
		// "Victoria, Hartlepool" in a ward/area column: the name before
		// the town is the ward, though the name is a word too.
		for _, c := range cells {
			name, _, ok := strings.Cut(c, ",")
			if name = strings.TrimSpace(name); !ok || name == "" || strings.EqualFold(name, base.Text) {
				continue
			}
			for _, m := range r.find(name+" ward", at) {
				if m.Kind == "ward" && m.Start == 0 {
					res := m.Resolution
					ward = &res
					break
				}
			}
			if ward != nil {
				break
			}
		}
	}
	if ward == nil {
		// "Hardwick PACT | Hardwick Community Centre, Stockton": a
		// meeting or venue named for part of a ward of the authority
		for _, c := range cells {
			if w := r.partWard(c, base.LADCode, at); w != nil {
				ward = w
				break
			}
		}
	}
	if ward == nil || ward.LADCode != base.LADCode {
		return base
	}
	return ward
}

// calledWard is the one ward a cell calls a ward, the cell's other wards
// all named after a comma after it, as an address's town is ("Hillside
// ward community meeting, Normanby": a meeting of the ward the cell names
// as one, at a venue in a town whose name is another ward's), or nil: two
// wards called wards, or a ward joined to another ("Fairfield and
// Grangefield wards"), or another ward named before it or with no comma
// between, leave the cell's wards as they were.
func calledWard(c string, ms []gazetteer.Mention) *gazetteer.Mention {
	var named *gazetteer.Mention
	for i, m := range ms {
		if m.Kind == "ward" && wardWordAfterRE.MatchString(c[m.End:]) {
			if named != nil {
				return nil
			}
			named = &ms[i]
		}
	}
	if named == nil || joinedBeforeRE.MatchString(c[:named.Start]) {
		return nil
	}
	for _, m := range ms {
		if m.Kind != "ward" || m.WardCode == named.WardCode {
			continue
		}
		if m.Start < named.End || !strings.Contains(c[named.End:m.Start], ",") {
			return nil
		}
	}
	return named
}

// joinedBeforeRE: a place name joined to the one before it ("X and ", "X & ").
var joinedBeforeRE = regexp.MustCompile(`(?i)(?:\band|&)\s*$`)

// weekdayOnlyRE: nothing but a weekday, whole or short ("Thu ").
var weekdayOnlyRE = regexp.MustCompile(`(?i)^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$`)

// periodRow reads a row dated by a month or a span and not by a day, in a
// table with no meeting column ("Month | You said | We did", "Quarter |
// Issue | Action"): a row of what was raised over that month, not a
// meeting. Its issues are a concern of the span, placed as an undated
// row's are; it reports whether it read the row so.
func (r *run) periodRow(b *segment.Block, sp dates.Span, col map[string]string, issues string) bool {
	if sp.Precision == dates.Day || (col["meeting"] != "" && !noMeetingCell(col["meeting"])) {
		return false
	}
	if col["meeting"] == "" && strongMeetingRE.MatchString(col["date"]) {
		// "PACT meeting, June" in a "When and where" column: the date
		// cell names the meeting the row's issues were raised at, its
		// day not given.
		return false
	}
	if col["meeting"] == "" && col["date"] == "" && monthMeetingCell(b.Cells, issues, col["action"]) {
		// The same in a column whose header names neither ("Where / when
		// | You said | We did" over "Fairfield residents meeting, June"):
		// the cell the row's month came from names its meeting.
		return false
	}
	if issues == "" || negationRE.MatchString(issues) || len(r.themes(issues)) == 0 {
		return true
	}
	extra := col["place"]
	if extra == "" {
		// "March 2023 – online 'Have your say' survey, Kirkleatham": the
		// place the date cell gives after its month
		if ms := r.find(col["date"], sp.Start); len(ms) == 1 {
			extra = ms[0].Text
		} else if ms := r.find(col["meeting"], sp.Start); len(ms) == 1 {
			extra = ms[0].Text // "Newcomen (emails and calls to the team during September)"
		}
	}
	if res := r.concernPlace(b, issues, nil, sp.Start, extra); res != nil && !r.toldInSpan(issues, *res, sp) {
		r.concern(b, nil, issues, col["action"], *res, sp)
	}
	return true
}

// monthMeetingCell reports whether a row's cell other than its issues and
// action names a meeting and ends on a month alone, after its place
// ("Fairfield residents meeting, June", "Hardwick PACT – May"), in a
// table whose headers give no date or meeting column ("Where / when"):
// the row is that meeting, held in that month, not what was raised over
// the month without one.
func monthMeetingCell(cells []string, issues, action string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" || c == strings.TrimSpace(issues) || c == strings.TrimSpace(action) {
			continue
		}
		if m := placeMonthRE.FindStringSubmatchIndex(c); m != nil && loneMonthRE.MatchString(c[m[4]:m[5]]) && strongMeetingRE.MatchString(c[:m[0]]) {
			return true
		}
	}
	return false
}

// noMeetingCell reports whether a table's "meeting" cell names no one
// meeting: contacts to the office, or meetings in general.
func noMeetingCell(cell string) bool {
	return (contactsRE.MatchString(cell) && !meetingNounRE.MatchString(cell)) || variousRE.MatchString(cell)
}

// variousRE: a table's "meeting" cell that names no one meeting
// ("Feb - Mar 2016 | Various (Redcar and Cleveland) | ... | Scams").
var variousRE = regexp.MustCompile(`(?i)^\W*(?:various|several|many|all|across|throughout)\b`)

// contactsRE: a table's "meeting" cell that tells contacts to the office,
// not a meeting ("Dec - Jan | Contacts to the Office | Eston | Scams").
var contactsRE = regexp.MustCompile(`(?i)\b(?:contacts?|correspondence|letters?|e-?mails?|calls?|casework|enquiries)\b`)

// streetName reports whether a capitalised name is a street's ("High
// Street", "Bolckow Road", "Station Lane"): a street somewhere in the page's
// own area, not a place outside Cleveland.
func streetName(name string) bool {
	f := strings.Fields(name)
	return len(f) >= 2 && isStreet(f[len(f)-1])
}

// loneMonthRE is a date cell that holds a month alone, its year or not
// ("January", "Sept", "May 2022").
var loneMonthRE = regexp.MustCompile(`(?i)^\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?:\s+[0-9]{4})?\s*$`)

// monthCell reads a date column's cell that is a month alone as the month
// ("January" in a "Month | You said | We did" table: "in January"); the
// date tagger leaves a lone month name in running text alone ("May" is
// also a verb), but in a date column it can be nothing else. It is used
// only in tables with no meeting column: in a table of meetings a month
// alone is more often the rest of a day's cell wrapped over two lines
// ("Tues 5" over "Dec") than a meeting's date.
func monthCell(s string) string {
	if t := tbcRE.ReplaceAllString(s, ""); t != s && loneMonthRE.MatchString(t) {
		s = t // "July (date tbc)": the month, its day to be confirmed
	}
	if loneMonthRE.MatchString(s) {
		return "in " + strings.TrimSpace(s)
	}
	if pieces := strings.Split(s, ","); len(pieces) > 1 {
		// "Online survey, Feb": the month among the cell's pieces; "PACT
		// meeting, June (carried over from last quarter)": with a note
		// in brackets after it
		for i, p := range pieces {
			if loneMonthRE.MatchString(p) || loneMonthRE.MatchString(noteRE.ReplaceAllString(p, "")) {
				pieces[i] = " in " + strings.TrimSpace(p)
				return strings.Join(pieces, ",")
			}
		}
	}
	return s
}

// noteRE: a note in brackets closing a cell's piece.
var noteRE = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// monYYRE: a date cell of a month and two figures ("Nov 22").
var monYYRE = regexp.MustCompile(`(?i)^\s*((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?\s+([0-9]{2})\s*$`)

// monthYearCell reads "Nov 22" in a report of 2022 as November 2022 (a
// British writer puts the day first, "22 Nov"; a month and the period's
// two-figure year is that month); other cells are returned as they are.
func (r *run) monthYearCell(s string) string {
	m := monYYRE.FindStringSubmatch(s)
	if m == nil || r.a.PeriodStart.IsZero() {
		return s
	}
	if yy, err := strconv.Atoi(m[2]); err == nil && (yy == r.a.PeriodStart.Year()%100 || yy == r.a.PeriodEnd.Year()%100) {
		return m[1] + " " + strconv.Itoa(r.a.PeriodStart.Year()/100*100+yy)
	}
	return s
}

// tbcRE: a day still to be confirmed ("(date tbc)", "(TBC)"), or not
// known ("(day not recorded)").
var tbcRE = regexp.MustCompile(`(?i)\s*` + tbc + `\s*$`)

// tbc is a day's note that it is still to be confirmed, or that the
// report does not know it ("June (day not recorded)": a meeting in June).
const tbc = `\((?:(?:date\s+)?(?:tbc|tba|to be confirmed)|(?:day|date)\s+(?:not\s+(?:recorded|known|noted|given)|unknown))\)`

// placeMonthRE: a month standing alone after a cell's place ("Loftus, Town
// Hall – February (date tbc)").
var placeMonthRE = regexp.MustCompile(`(?i)([,–—-]\s*)((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)(\s*` + tbc + `)?\s*$`)

// cellMonth reads a month that ends a cell after its place as that month
// ("Loftus, Town Hall – February (date tbc)": a meeting in February, its
// day not given); other text is returned as it is.
func cellMonth(s string) string {
	cells := strings.Split(s, " | ")
	for i, c := range cells {
		if m := placeMonthRE.FindStringSubmatchIndex(c); m != nil && loneMonthRE.MatchString(c[m[4]:m[5]]) {
			cells[i] = c[:m[4]] + "in " + c[m[4]:m[5]]
		}
	}
	return strings.Join(cells, " | ")
}

// peopleSaidHeaderRE is a column header naming what people told whoever
// met them ("What residents told us", "What we heard", "Residents said",
// "Points people made"): the row's issues.
var peopleSaidHeaderRE = regexp.MustCompile(`\b(?:told (?:us|the commissioner|him|her|them|officers)|we heard|(?:residents|people|public|community) (?:said|told|made|asked|wanted)|(?:residents|people)'s? (?:views|points|questions))\b`)

// peopleSaidHeader reports whether a lower-cased header names what people
// said.
func peopleSaidHeader(h string) bool { return peopleSaidHeaderRE.MatchString(h) }

// cellWeekdayRE is the weekday a table's date cell opens with, written
// whole or short ("Tues 5 Dec", "Wed. 17th", "Thursday 4").
var cellWeekdayRE = regexp.MustCompile(`^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+[0-9]`)

// weekdayClash reports whether a date cell's weekday is not the weekday of
// the day it was resolved to ("Wed 19th" under "February 2019", a
// Tuesday): the day or the month is wrong, so the row is not dated.
func weekdayClash(cell string, sp dates.Span) bool {
	m := cellWeekdayRE.FindStringSubmatch(cell)
	if m == nil || sp.Precision != dates.Day {
		return false
	}
	return sp.Start.Weekday().String()[:3] != m[1]
}

// rowMeeting is the meeting a dated table row tells: the one a row above
// told already when the row is its next line (a meeting cell spanning two
// rows of issues in HTML, the same date, place, kind and title), the one
// the report's prose told already (a Panel report's "summary of meetings"
// table after its paragraphs), else a new one.
func (r *run) rowMeeting(b *segment.Block, sp dates.Span, title, location string, attendance int, res *gazetteer.Resolution) *meetingCtx {
	for _, m := range r.rowHeld {
		if m.span == sp && m.place.WardCode == res.WardCode && m.place.LADCode == res.LADCode && m.ev.Meeting.Title == clip(title, 500) {
			return m
		}
	}
	if m := r.toldInProse(sp, res); m != nil {
		return m
	}
	ev := r.newMeeting(b, sp, title, location, attendance, *res, nil)
	mc := &meetingCtx{ev: ev, span: sp, place: res, name: placeName(res.Text)}
	r.rowHeld = append(r.rowHeld, mc)
	return mc
}

// rowConcern emits a table row's issues as a concern of meeting m, told
// elsewhere (a spanning row, the row above, a "Raised at" reference), at
// the row's place if it gives one.
func (r *run) rowConcern(b *segment.Block, m *meetingCtx, issues string, col map[string]string) {
	if issues == "" || negationRE.MatchString(issues) || len(r.themes(issues)) == 0 {
		return
	}
	if res := r.concernPlace(b, issues, m, m.span.Start, col["place"]); res != nil {
		r.concern(b, m, issues, col["action"], *res, m.span)
	}
}

// goesOn reports whether a table row goes on with the meeting of the row
// just above it: its first cell, which names the meeting and its day in
// the rows that tell one, is empty ("| South Bank ward meeting, Tues 4th
// Feb 2020 | Drug dealing ... |" over "| | Off-road bikes ... |").
func (r *run) goesOn(b *segment.Block) *meetingCtx {
	if r.rowAbove == nil || r.rowAboveN != b.N-1 || len(b.Cells) < 2 || strings.TrimSpace(b.Cells[0]) != "" {
		return nil
	}
	return r.rowAbove
}

// toldInProse is the meeting a paragraph of the document told on day sp
// (or over the same days: "each day from Monday 9 to Friday 13 October")
// at the row's place, or nil: a summary table that lists again the
// meetings the report's paragraphs described ("3.5 On Wednesday 12 June
// the Commissioner went to the Headland and Harbour ward meeting", then
// the row "12/06/2019 | Ward meeting | Headland and Harbour, Hartlepool")
// tells one meeting twice, and two events would count it twice. The place
// must be the same ward, or, for a town or authority, the same name: two
// meetings on one day in one ward would be told apart by the prose.
func (r *run) toldInProse(sp dates.Span, res *gazetteer.Resolution) *meetingCtx {
	month := sp.Precision == dates.Month
	if sp.Precision != dates.Day && sp.Precision != dates.Period && !month {
		return nil
	}
	var found *meetingCtx
	for _, m := range r.held {
		if m.span != sp || m.place.LADCode != res.LADCode || m.place.WardCode != res.WardCode {
			continue
		}
		if month && (res.WardCode == "" || found != nil) {
			// (a month in a town or authority is too wide to say two
			// mentions are one meeting; so is a ward's month that held
			// two)
			return nil
		}
		if res.WardCode != "" || strings.EqualFold(placeName(m.place.Text), placeName(res.Text)) {
			if !month {
				return m
			}
			found = m // "March | Yarm Town Forum" after "2.4 During March the Commissioner also met traders and residents at the Yarm Town Forum"
		}
	}
	return found
}

// weekdayDayMonthRE: a weekday then a day/month with no year ("Tues
// 14/1"); group 4 is a year after it, which makes it no such date.
var weekdayDayMonthRE = regexp.MustCompile(`(?i)\b((?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?,?)\s+([0-9]{1,2})/([0-9]{1,2})(/[0-9]{2,4})?\b`)

// tailDayMonthRE: a date cell's day/month with no year after its
// meeting's name and a comma ("Kirkleatham PACT, 30/01").
var tailDayMonthRE = regexp.MustCompile(`,\s*([0-9]{1,2})/([0-9]{1,2})\s*$`)

// bracketMonthTailRE: a date cell's month alone in brackets after its
// meeting's name ("Dormanstown residents' meeting (February)").
var bracketMonthTailRE = regexp.MustCompile(`\s*\(\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s*\)\s*$`)

// dayMonthCellRE is a date cell written as day/month without a year
// ("06/08").
var dayMonthCellRE = regexp.MustCompile(`^\s*([0-9]{1,2})[/.]([0-9]{1,2})\s*$`)

// numericDayCell reads a date column's "06/08" as the day and month it
// writes in the British order ("6 August"), its year left to the report's
// period; the date tagger leaves such figures alone in running text
// ("paragraphs 3/4"), but in a date column they can be nothing else.
// Other cells are returned as they are.
func numericDayCell(s string) string {
	m := dayMonthCellRE.FindStringSubmatch(s)
	if t := tailDayMonthRE.FindStringSubmatchIndex(s); m == nil && t != nil {
		// "Kirkleatham PACT, 30/01" in a "Where and when" column: the
		// meeting, then its day and month after a comma, as a day alone
		// would be
		d, _ := strconv.Atoi(s[t[2]:t[3]])
		mo, _ := strconv.Atoi(s[t[4]:t[5]])
		if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
			return s[:t[0]] + fmt.Sprintf(", %d %s", d, time.Month(mo)) + s[t[1]:]
		}
	}
	if m == nil && bracketMonthTailRE.MatchString(s) {
		// "Dormanstown residents' meeting (February)": the meeting's
		// month, as "in February" would give it
		return bracketMonthTailRE.ReplaceAllString(s, " in $1")
	}
	if m == nil {
		// "PACT meeting, Tues 14/1, Stockton Central Library": a weekday
		// and day/month among the cell's other words
		return weekdayDayMonthRE.ReplaceAllStringFunc(s, func(w string) string {
			sm := weekdayDayMonthRE.FindStringSubmatch(w)
			d, _ := strconv.Atoi(sm[2])
			mo, _ := strconv.Atoi(sm[3])
			if d < 1 || d > 31 || mo < 1 || mo > 12 || sm[4] != "" {
				return w
			}
			return fmt.Sprintf("%s %d %s", sm[1], d, time.Month(mo))
		})
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return s
	}
	return fmt.Sprintf("%d %s", d, time.Month(mo))
}

// placeRowMeeting is the meeting a "You said | We did" row was raised at
// when the table dates nothing and its place column names only the place
// of one meeting the document told on a day before the table: a team's
// update lists its month's meetings ("Tuesday 4 May - Fairfield ward
// meeting, St Mark's hall") and then sums up by place what each raised
// ("Where | You said | We did" over "Fairfield | Cars racing along Bishop
// Road | Speed checks on three nights"), so the row is that meeting's, not
// an undated concern of the page. The cell must be the place name alone
// ("Fairfield", "Headland & Harbour"), and the document must have told
// exactly one meeting held on a day there; a place with none or several,
// or a cell saying more than its place ("Fairfield and Hartburn",
// "Fairfield (emails)"), gives nil and the row is read as before.
func (r *run) placeRowMeeting(cell string) *meetingCtx {
	cell = strings.TrimSpace(strings.Trim(strings.TrimSpace(cell), ".,:;"))
	held := slices.Concat(r.held, r.rowHeld)
	if cell == "" || len(held) == 0 {
		return nil
	}
	at := r.a.Published
	if at.IsZero() {
		at = held[len(held)-1].span.Start
	}
	ms := r.find(cell, at)
	if len(ms) != 1 || ms[0].Start != 0 || strings.TrimSpace(cell[ms[0].End:]) != "" {
		return nil
	}
	return r.heldAt(ms[0])
}

// leadDayMonthRE: a meeting's name, then its day and month as figures
// after a comma, closing the lead a "You said" cell opens with before a
// dash or the cell's end ("Drop-in at the library, 09/03 – Hartburn").
var leadDayMonthRE = regexp.MustCompile(`^([^|.]{0,80}?,\s*)([0-9]{1,2})/([0-9]{1,2})(\s*(?:[–—-]\s|$))`)

// leadMonthRE: a lead of a few words naming how the matter came to the
// team, then a month alone after a comma, before what was said opens with
// its capital ("Online survey, October Dog mess on the field ...": the
// lead was a line of its own in the cell).
var leadMonthRE = regexp.MustCompile(`^((?:[\w'’-]+\s+){0,4}[\w'’-]+,\s*)(January|February|March|April|May|June|July|August|September|October|November|December)\s+\p{Lu}`)

// leadDayMonth reads the day and month written as figures in the lead of
// a "You said" cell that names its meeting before what was said ("Drop-in
// at the library, 09/03 – Hartburn" over "Bins set alight ...") as the day
// it writes in the British order ("9 March"), as numericDayCell does in a
// date column: the lead names a meeting (strongMeetingRE) before them, so
// the figures are its day, not a count or a score. A lead of a few words
// ending on a month alone ("Online survey, October") is read as that
// month ("in October"), as monthCell reads a date column's. Other text is
// returned as it is.
func leadDayMonth(s string) string {
	if m := leadMonthRE.FindStringSubmatchIndex(s); m != nil && !strings.EqualFold(s[m[4]:m[5]], "may") {
		// "Online survey, October" over "Dog mess on the field ...": the
		// lead's month, its day not given ("May" is a word too)
		return s[:m[4]] + "in " + s[m[4]:]
	}
	m := leadDayMonthRE.FindStringSubmatchIndex(s)
	if m == nil || !strongMeetingRE.MatchString(s[m[2]:m[3]]) {
		return s
	}
	d, _ := strconv.Atoi(s[m[4]:m[5]])
	mo, _ := strconv.Atoi(s[m[6]:m[7]])
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return s
	}
	return s[:m[4]] + fmt.Sprintf("%d %s", d, time.Month(mo)) + s[m[7]:]
}
