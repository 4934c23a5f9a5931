// Package dates is the date-tagging stage of ingest/extract: it finds the
// dates a paragraph writes (full dates, a day and month without a year,
// relative days and months, ranges, months alone) and resolves them against
// what the document says about when it was written (its publication date,
// the period a report covers, the named Commissioner's term). A date that
// cannot be pinned down is an error naming it, never a guess; a date whose
// day is not written resolves to a span with a precision (month or period),
// never to an invented day.
//
// Why not a library: github.com/olebedev/when v1.1.0 and
// github.com/markusmobius/go-dateparser v1.4.7 were tried on the shapes of
// the fixtures. Both fill an unwritten year from the reference time (so "6th
// December" in a February report became the December after it) without
// saying the year was missing, both read "may 2" in running text as a date,
// neither reads "Between Wednesday 4 and Friday 6 September", and when
// turned "September" into a day (the 22nd) while go-dateparser turned "this
// month" into the reference day. Resolving the year from the report's
// period needs to know which parts were written, which this package keeps.
package dates

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Precisions of a resolved span (the event schema's precision values).
const (
	Day    = "day"
	Month  = "month"
	Period = "period"
)

// Mention is a date as written in a paragraph.
type Mention struct {
	Start, End int // byte offsets in the paragraph
	Text       string
	Day        int        // 0 when no day is written (a month alone, a relative month)
	Month      time.Month // 0 for relative mentions
	Year       int        // 0 when not written
	Weekday    time.Weekday
	HasWeekday bool
	// Rel is a day relative to the publication date: "yesterday", "today",
	// "tomorrow", or, with Weekday, "last", "next", "this" or "on".
	Rel string
	// RelMonth is a month relative to the publication date: "this", "last"
	// or "next" ("earlier this month", "last month").
	RelMonth string
	// Earlier marks "earlier this month" (or "earlier in the month"): the
	// part of the publication month before the publication day.
	Earlier bool
	// RelWeek is a week relative to the publication date: "last" ("last
	// week", Monday to Sunday before the publication week) or "this"
	// ("earlier this week": its Monday to the publication day).
	RelWeek string
	// EndDay and EndMonth close a range ("4-6 September", "between 30
	// April and 2 May"); EndMonth is Month when the range names one month.
	EndDay   int
	EndMonth time.Month
}

// IsDay reports whether the mention names one day (written or relative).
func (m Mention) IsDay() bool { return (m.Day > 0 && m.EndDay == 0) || m.Rel != "" }

// IsRange reports whether the mention is a range of days.
func (m Mention) IsRange() bool { return m.EndDay > 0 }

// IsMonths reports whether the mention is a month or a span of months
// without a day ("in December", "during February and March").
func (m Mention) IsMonths() bool {
	return m.Day == 0 && m.Month != 0 && m.Rel == "" && m.RelMonth == ""
}

const (
	monthPat = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`
	// (the short forms writers use in lists and diaries, "Weds 4th",
	// "Tues. 12th", "Thurs 29th Sept"; "Sun" and "Sat" too, capitalised
	// only: capital checks the written weekday where it could be a word)
	weekdayPat = `(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thurs?|thu|fri|sat|sun)\.?`
	ordPat     = `(?:st|nd|rd|th)?`
)

// The rules are compiled once and read-only.
var (
	dmRE    = regexp.MustCompile(`\b(?:` + weekdayPat + `,?\s+)?(?:the\s+)?([0-9]{1,2})` + ordPat + `\s+(?:of\s+)?` + monthPat + `\.?(?:,?\s+([0-9]{4}))?\b`)
	mdRE    = regexp.MustCompile(`\b(?:` + weekdayPat + `,?\s+)?` + monthPat + `\.?\s+([0-9]{1,2})` + ordPat + `\b(?:,?\s+([0-9]{4})\b)?`)
	rangeRE = regexp.MustCompile(`\b(?:between\s+|from\s+)?(?:` + weekdayPat + `,?\s+)?(?:the\s+)?([0-9]{1,2})` + ordPat + `(?:\s+(?:of\s+)?` + monthPat + `)?\s*(?:-|–|—|to|and|until)\s*(?:` + weekdayPat + `,?\s+)?(?:the\s+)?([0-9]{1,2})` + ordPat + `\s+(?:of\s+)?` + monthPat + `\.?(?:,?\s+([0-9]{4}))?\b`)
	// shortYearRE, after a day and month: a year of two figures that
	// ends the text, a line, a table cell or a clause ("5 March 10 - 12
	// noon" is a time).
	shortYearRE = regexp.MustCompile(`^ '?([0-9]{2})(?:\s*$|\s*\n|\s*[|,;)\]])`)
	// weekdayDayMonthRE is a weekday and a numeric day and month with no
	// year ("Weds 26/6", "Tuesday 4/11"): the weekday is what makes the
	// figures a date ("24/7", "3/4 of residents" are none). Group 1 the
	// weekday, 2 the day, 3 the month.
	weekdayDayMonthRE = regexp.MustCompile(`\b(mon|tues?|wed(?:s|nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+([0-9]{1,2})/([0-9]{1,2})\b`)
	// numericRE is a UK numeric date, day first: "12/03/2019", "12.3.19",
	// "12-03-2019" (with hyphens only a four-figure year: "10-12-14" may
	// be anything).
	numericRE = regexp.MustCompile(`\b([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{4}|[0-9]{2})\b`)
	isoRE     = regexp.MustCompile(`\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b`)
	relRE     = regexp.MustCompile(`\b(last nights?|yesterday|today|this morning|this afternoon|this evening|tonight|tomorrow)\b`)
	relDayRE  = regexp.MustCompile(`\b(last|next|this|on)\s+` + weekdayPat + `\b`)
	// weekdayDayRE: the day of the month a writer puts beside a relative
	// weekday, in brackets or as an ordinal with no month after it ("on
	// Friday (9th)", "last Tuesday (the 3rd)", "on Sunday 21st we ..."): the
	// weekday of that date, not merely the one before the publication.
	weekdayDayRE = regexp.MustCompile(`^(?:\s*\(\s*(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)?\s*\)|\s+(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)\b(?:\s+(?:of\s+)?` + monthPat + `\b)?)`)
	// weekOfRE: " of last week", " of next week" after a weekday.
	weekOfRE = regexp.MustCompile(`^ of (last|next) week\b`)
	// relPartRE: "Thursday evening" with no "on" ("packed the hall
	// Thursday evening", "Thursday night's meeting", "Tuesday's PACT
	// meeting"): as "on Thursday".
	// habitualRE, after a weekday: a part of it in the plural ("on Sunday
	// mornings", "on Friday nights"), which is every such day; a meal's
	// time of it too ("surgeries on Tuesday lunchtimes", "on Friday
	// teatimes": a run of sessions, each that weekday, not one day).
	habitualRE = regexp.MustCompile(`^(?:\s+(?:and|or|&)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)?\s+(?:mornings|afternoons|evenings|nights|lunchtimes|lunch[- ]times|teatimes|tea[- ]times)\b`)
	relPartRE  = regexp.MustCompile(`\b` + weekdayPat + `(?:(?:\s+|’s\s+|'s\s+)?(morning|afternoon|evening|night)(?:’s|'s)?|’s|'s|\s+(?:started|began|brought|took me|saw me|kicked off))\b`)
	// relWeekRE: "last week", "earlier this week" (not "every week",
	// "week after week", "the last week of May").
	relWeekRE = regexp.MustCompile(`\b(?:(?:earlier|later)\s+(?:in\s+)?(this)\s+week|(last)\s+week)\b`)
	relMonRE  = regexp.MustCompile(`\b(?:(?:earlier|later)\s+(?:in\s+)?(this|last|next)\s+month|(?:earlier|later)\s+in\s+the\s+month|(this|last|next)\s+month)\b`)
	// monthRE: a month after a word that makes it a time ("in May",
	// "over the course of January", "mid August"); "mid-August",
	// "early-September" are written joined as often as apart.
	monthRE = regexp.MustCompile(`\b(?:(?:in|from|during|since|throughout|through|all\s+through|all\s+of|(?:over|during|in)\s+the\s+course\s+of|over|across|for\s+much\s+of|for\s+most\s+of|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+(?:first|second|latter)\s+half\s+of)\s+|(?:mid|early|late)-)` + monthPat + `\b(?:\s+([0-9]{4})\b)?`)
	// monthSawRE: a month as the subject of "saw" at a sentence's start
	// ("June saw ward meetings in ...", "March 2019 also saw ..."): the
	// time of what the sentence tells, though no word such as "in" leads
	// it.
	monthSawRE = regexp.MustCompile(`(?:^|[.!?;:]\s+)\W*` + monthPat + `(?:\s+([0-9]{4}))?\s+(?:also\s+|then\s+)?saw\b`)
	// dayOfRelMonRE: "the 22nd of last month".
	dayOfRelMonRE = regexp.MustCompile(`\bthe\s+([0-9]{1,2})(?:st|nd|rd|th)?\s+of\s+(this|last|next)\s+month\b`)
	// monthListRE is three or more months as one span: "September,
	// October and November 2022".
	monthListRE = regexp.MustCompile(`\b(?:(?:in|during|over|across|through|throughout|(?:over|during|in)\s+the\s+course\s+of)\s+)?` + monthPat + `(?:\s*,\s*(?:` + monthPat[1:] + `)+\s*,?\s*(?:and|to|-|–|—)\s*` + monthPat + `\b(?:\s+([0-9]{4})\b)?`)
	// monthPairRE is two months as one span: "during February and March".
	// Either month may be hedged ("from roughly the beginning of November
	// to the end of February") and carry its year ("from November 2013 to
	// February 2014").
	monthPairRE = regexp.MustCompile(`\b(?:(?:in|during|between|from|throughout|over|through|all\s+through|across|(?:over|during|in)\s+the\s+course\s+of)\s+)?` + hedgePat + monthPat + `(?:\s+([0-9]{4}))?\s*(?:and|to|-|–|—|until)\s*` + hedgePat + monthPat + `\b(?:\s+([0-9]{4})\b)?`)
	hedgePat    = `(?:(?:roughly|about|around|approximately)\s+)?(?:the\s+(?:beginning|start|end|middle)\s+of\s+)?`
	monthYrRE   = regexp.MustCompile(`\b` + monthPat + `\s+([0-9]{4})\b`)
	periodRE    = regexp.MustCompile(`(?i)\b(?:from|between|period(?:\s+of)?|(?:reporting\s+)?period(?:\s+(?:covered|under\s+review|of\s+(?:the\s+|this\s+)?report))?\s*:|covering|covers|during|throughout)\s*(?:([0-9]{1,2})` + ordPat + `\s+)?` + monthPat + `(?:\s+([0-9]{4}))?\s*(?:–|-|—|to|and|until)\s*(?:([0-9]{1,2})` + ordPat + `\s+)?` + monthPat + `\s+([0-9]{4})\b`)
	// periodInRE: "engagement in December 2017 and January 2018",
	// "PROGRAMME OF ENGAGEMENT: AUGUST - SEPTEMBER 2020", "engagement
	// during the first quarter (April to June 2023)": a span after "in",
	// "over", "for", a colon or a bracket, read as the period only in a line
	// about the report or its engagement (reportishRE).
	periodInRE  = regexp.MustCompile(`(?i)(?:\b(?:in|over|for)\s+|:\s+|\(\s*)` + monthPat + `(?:\s+([0-9]{4}))?\s*(?:–|-|—|to|and|until)\s*` + monthPat + `\s+([0-9]{4})\b`)
	reportishRE = regexp.MustCompile(`(?i)\b(?:this report|the report|report (?:of|to|for|covers)|programme of engagement|engagement)\b`)
	bareSpan    = regexp.MustCompile(`(?i)^\W*` + monthPat + `(?:\s+([0-9]{4}))?\s*(?:–|-|—|to|and|until)\s*` + monthPat + `\s+([0-9]{4})\W*$`)
)

func monthOf(s string) time.Month {
	s = strings.ToLower(s)
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:min(3, len(s))]) {
			return m
		}
	}
	return 0
}

// MonthOf reads a month's name, whole or as writers shorten it to three
// letters or more ("Feb", "Sept"); false for anything else.
func MonthOf(s string) (time.Month, bool) {
	if len(s) < 3 {
		return 0, false
	}
	m := monthOf(s)
	return m, m != 0
}

// WeekdayOf reads a weekday's name, whole or as writers shorten it
// ("Tues.", "Weds", "Thurs").
func WeekdayOf(s string) (time.Weekday, bool) {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	if len(s) < 3 {
		return 0, false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if name := strings.ToLower(d.String()); name == s || (len(s) <= 5 && strings.HasPrefix(name, s)) || (s == "weds" && d == time.Wednesday) {
			return d, true
		}
	}
	return 0, false
}

// capital reports whether a month or weekday was written with a capital,
// as English writes them: "may" and "march" in lower case are verbs.
func capital(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// mayHaveDate is a cheap test that s can hold a date at all (a digit, or a
// letter that starts a month, weekday or relative word): most sentences of
// a report are ruled in, but chrome, tables of figures and fuzzed noise are
// ruled out before nine regular expressions run over them.
func mayHaveDate(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		switch c | 0x20 {
		case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd', 't', 'w', 'y', 'l', 'e':
			if i == 0 || !isLetter(s[i-1]) {
				return true
			}
		}
	}
	return false
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// lowerASCII lower-cases ASCII letters only, so byte offsets in the copy
// are offsets in s: the rules run on the copy (case-insensitive matching
// was most of their cost), the capital checks on s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

var monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

func hasMonth(low string) bool {
	for _, m := range monthStems {
		if strings.Contains(low, m) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool { return strings.IndexAny(s, "0123456789") >= 0 }

// Find lists the dates written in s, in order, without overlaps (the
// longest reading wins: "Monday 14th April 2014" is one date).
func Find(s string) []Mention {
	if !mayHaveDate(s) {
		return nil
	}
	low := lowerASCII(s)
	digit, month := hasDigit(low), hasMonth(low)
	none := func(*regexp.Regexp) [][]int { return nil }
	run := func(ok bool) func(*regexp.Regexp) [][]int {
		if !ok {
			return none
		}
		return func(re *regexp.Regexp) [][]int { return re.FindAllStringSubmatchIndex(low, -1) }
	}
	withDay, withMonth := run(digit && month), run(month)
	rel := run(strings.Contains(low, "day") || strings.Contains(low, "night") || strings.Contains(low, "this ") || strings.Contains(low, "tomorrow"))
	relMonth := run(strings.Contains(low, "month"))
	numeric := run(digit)
	var all []Mention
	add := func(m []int, dm Mention) {
		dm.Start, dm.End, dm.Text = m[0], m[1], s[m[0]:m[1]]
		all = append(all, dm)
	}
	for _, m := range withDay(rangeRE) {
		mon1, mon2 := group(s, m, 3), group(s, m, 6)
		if !capital(mon2) || (mon1 != "" && !capital(mon1)) {
			continue
		}
		dm := Mention{Day: atoi(group(s, m, 2)), EndDay: atoi(group(s, m, 5)), EndMonth: monthOf(mon2), Year: atoi(group(s, m, 7))}
		dm.Month = dm.EndMonth
		if mon1 != "" {
			dm.Month = monthOf(mon1)
		}
		if wd := group(s, m, 1); wd != "" {
			dm.Weekday, dm.HasWeekday = WeekdayOf(wd)
		}
		if dm.Month == dm.EndMonth && dm.EndDay <= dm.Day {
			continue // "2 and 2 May" or a list of numbers, not a range
		}
		if txt := low[m[0]:m[1]]; strings.Contains(txt, " and ") && !strings.HasPrefix(txt, "between") {
			// "On 22nd and 30th May" names two days; "between 4 and 6
			// September" is a range.
			first := Mention{Day: dm.Day, Month: dm.Month, Year: dm.Year, Weekday: dm.Weekday, HasWeekday: dm.HasWeekday}
			second := Mention{Day: dm.EndDay, Month: dm.EndMonth, Year: dm.Year}
			if wd := group(s, m, 4); wd != "" {
				second.Weekday, second.HasWeekday = WeekdayOf(wd)
			}
			firstEnd, secondStart := max(m[5], m[7]), m[8] // after the first month if written; at the second weekday if written
			if secondStart < 0 {
				secondStart = m[10]
			}
			add([]int{m[0], firstEnd}, first)
			add([]int{secondStart, m[1]}, second)
			continue
		}
		add(m, dm)
	}
	for _, m := range withDay(dmRE) {
		if !capital(group(s, m, 3)) {
			continue
		}
		dm := Mention{Day: atoi(group(s, m, 2)), Month: monthOf(group(s, m, 3)), Year: atoi(group(s, m, 4))}
		if wd := group(s, m, 1); wd != "" {
			dm.Weekday, dm.HasWeekday = WeekdayOf(wd)
		}
		if y := shortYearRE.FindStringSubmatchIndex(s[m[1]:]); dm.Year == 0 && y != nil {
			// "Weds 17th May 23" ending a table cell or a line: a year
			// of two figures (not "on 3rd May 23 residents came").
			dm.Year = 2000 + atoi(s[m[1]+y[2]:m[1]+y[3]])
			m = []int{m[0], m[1] + y[3]}
		}
		add(m, dm)
	}
	for _, m := range withDay(mdRE) {
		if !capital(group(s, m, 2)) {
			continue
		}
		dm := Mention{Month: monthOf(group(s, m, 2)), Day: atoi(group(s, m, 3)), Year: atoi(group(s, m, 4))}
		if wd := group(s, m, 1); wd != "" {
			dm.Weekday, dm.HasWeekday = WeekdayOf(wd)
		}
		add(m, dm)
	}
	for _, m := range numeric(numericRE) {
		if group(s, m, 2) != group(s, m, 4) {
			continue // "3/4.5" is not a date
		}
		if group(s, m, 2) == "-" && len(group(s, m, 5)) != 4 {
			continue
		}
		y := atoi(group(s, m, 5))
		if y < 100 {
			y += 2000 // the PCC's history starts in 2012
		}
		mo := atoi(group(s, m, 3))
		if mo < 1 || mo > 12 {
			continue
		}
		add(m, Mention{Day: atoi(group(s, m, 1)), Month: time.Month(mo), Year: y})
	}
	for _, m := range numeric(weekdayDayMonthRE) {
		if rest := low[m[1]:]; strings.HasPrefix(rest, "/") || (len(rest) > 1 && (rest[0] == '.' || rest[0] == '-') && rest[1] >= '0' && rest[1] <= '9') {
			continue // "Weds 26/6/2019": numericRE's
		}
		day, mo := atoi(group(s, m, 2)), atoi(group(s, m, 3))
		if day < 1 || day > 31 || mo < 1 || mo > 12 {
			continue
		}
		dm := Mention{Day: day, Month: time.Month(mo)}
		dm.Weekday, dm.HasWeekday = WeekdayOf(group(s, m, 1))
		add(m, dm)
	}
	for _, m := range numeric(isoRE) {
		add(m, Mention{Year: atoi(group(s, m, 1)), Month: time.Month(atoi(group(s, m, 2))), Day: atoi(group(s, m, 3))})
	}
	for _, m := range rel(relRE) {
		rel := strings.ToLower(group(s, m, 1))
		if rel == "last nights" && (strings.HasSuffix(low[:m[0]], "the ") || strings.HasPrefix(low[m[1]:], " of")) {
			continue // "the last nights of the festival"
		}
		switch rel {
		case "last night", "last nights", "yesterday":
			// ("last nights meeting": the possessive typed without its
			// apostrophe)
			rel = "yesterday"
		case "tomorrow":
		default:
			rel = "today"
		}
		add(m, Mention{Rel: rel})
	}
	for _, m := range rel(relDayRE) {
		if !capital(group(s, m, 2)) || habitualRE.MatchString(low[m[1]:]) {
			continue // ("on Sunday mornings": every Sunday, no day)
		}
		if strings.HasSuffix(low[:m[0]], "the ") && strings.HasPrefix(low[m[1]:], " of") {
			// "the last Friday of the month", "the last Monday of May": a
			// weekday of a month, not the one before the publication.
			continue
		}
		wd, _ := WeekdayOf(group(s, m, 2))
		rel := strings.ToLower(group(s, m, 1))
		if w := weekOfRE.FindStringSubmatch(low[m[1]:]); w != nil && rel == "on" {
			// "On Wednesday of last week": the weekday of the week
			// before the publication's, as "last Wednesday" is.
			rel, m = w[1], []int{m[0], m[1] + len(w[0])}
		}
		day := 0
		if b := weekdayDayRE.FindStringSubmatch(low[m[1]:]); b != nil && b[3] == "" {
			// "On Friday (9th) we walked round the estate": the day of
			// the month beside the weekday picks which one (with a month
			// after it, "on Friday 9th May", it is a written date).
			if day = atoi(b[1] + b[2]); day >= 1 && day <= 31 {
				m = []int{m[0], m[1] + len(b[0])}
			} else {
				day = 0
			}
		}
		add(m, Mention{Rel: rel, Weekday: wd, HasWeekday: true, Day: day})
	}
	for _, m := range rel(relPartRE) {
		if !capital(group(s, m, 1)) || everyRE.MatchString(low[:m[0]]) {
			continue // "every Thursday evening" is no day
		}
		wd, _ := WeekdayOf(group(s, m, 1))
		add(m, Mention{Rel: "on", Weekday: wd, HasWeekday: true})
	}
	for _, m := range relMonth(dayOfRelMonRE) {
		// "on the 22nd of last month": a day of the month relative to
		// the publication date.
		add(m, Mention{Day: atoi(group(s, m, 1)), RelMonth: strings.ToLower(group(s, m, 2))})
	}
	for _, m := range relMonth(relMonRE) {
		rel := strings.ToLower(group(s, m, 1) + group(s, m, 2))
		if rel == "" {
			rel = "this" // "earlier in the month"
		}
		earlier := rel == "this" && strings.HasPrefix(strings.ToLower(s[m[0]:m[1]]), "earlier")
		add(m, Mention{RelMonth: rel, Earlier: earlier})
	}
	for _, m := range run(strings.Contains(low, "week"))(relWeekRE) {
		if strings.HasSuffix(low[:m[0]], "the ") || strings.HasPrefix(low[m[1]:], " of") {
			continue // "the last week of May": a week of a month, not the one before
		}
		rel := strings.ToLower(group(s, m, 1) + group(s, m, 2))
		add(m, Mention{RelWeek: rel})
	}
	for _, m := range withMonth(monthListRE) {
		if !capital(group(s, m, 1)) || !capital(group(s, m, 2)) {
			continue
		}
		add(m, spanOfMonths(monthOf(group(s, m, 1)), monthOf(group(s, m, 2)), 0, atoi(group(s, m, 3))))
	}
	for _, m := range withMonth(monthPairRE) {
		if !capital(group(s, m, 1)) || !capital(group(s, m, 3)) {
			continue
		}
		add(m, spanOfMonths(monthOf(group(s, m, 1)), monthOf(group(s, m, 3)), atoi(group(s, m, 2)), atoi(group(s, m, 4))))
	}
	for _, m := range withMonth(monthRE) {
		if !capital(group(s, m, 1)) {
			continue
		}
		add(m, Mention{Month: monthOf(group(s, m, 1)), Year: atoi(group(s, m, 2))})
	}
	for _, m := range withMonth(monthSawRE) {
		if !capital(group(s, m, 1)) {
			continue
		}
		end := m[3]
		if m[5] >= 0 {
			end = m[5]
		}
		add([]int{m[2], end}, Mention{Month: monthOf(group(s, m, 1)), Year: atoi(group(s, m, 2))})
	}
	for _, m := range withDay(monthYrRE) {
		if !capital(group(s, m, 1)) {
			continue
		}
		add(m, Mention{Month: monthOf(group(s, m, 1)), Year: atoi(group(s, m, 2))})
	}
	for _, m := range run(strings.Contains(low, "on "))(namedDayRE) {
		if nd, ok := namedDay(low[m[2]:m[3]]); ok {
			add([]int{m[2], m[3]}, nd)
		}
	}
	if digit && month {
		all = weekdayOrdinals(s, low, all)
	}
	// "on Monday, February 26" is one date, not a relative day and a date:
	// drop a relative weekday whose weekday starts a written date.
	kept := all[:0]
	for _, d := range all {
		if d.Rel != "" && d.HasWeekday {
			inside := false
			for _, o := range all {
				if o.Rel == "" && o.Day > 0 && o.Start > d.Start && o.Start < d.End {
					inside = true
				}
			}
			if inside {
				continue
			}
		}
		kept = append(kept, d)
	}
	all = kept
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End-all[i].Start > all[j].End-all[j].Start
	})
	var out []Mention
	end := -1
	for _, d := range all {
		if d.Start < end {
			continue
		}
		out = append(out, d)
		end = d.End
	}
	if digit {
		out = bareDays(s, low, out)
		out = bracketDays(s, low, out)
		out = weekdaysAfter(s, low, out)
	}
	if month {
		out = meetingMonths(s, low, out)
	}
	return weeksCommencing(low, shortWeekdaysCapital(s, out))
}

// weekCommencingRE: the words before a day that make it the first of a
// week ("w/c 11/09/2023 | Norton Central | Street briefing", "the week
// commencing 4 March", "week beginning Monday 6th"): the week, seven days
// from it, is when the thing was done, its day unknown.
var weekCommencingRE = regexp.MustCompile(`\b(?:w/c|w\.c\.|week\s+commencing|week\s+beginning|week\s+starting|week\s+of)\s*:?\s*$`)

// weeksCommencing makes each day written after weekCommencingRE a range of
// its seven days, within its month or into the next (not across a year's
// end, nor from a day whose month has no year to tell February's length).
func weeksCommencing(low string, out []Mention) []Mention {
	for i := range out {
		d := &out[i]
		if d.Day == 0 || d.EndDay != 0 || d.Rel != "" || d.Month == 0 || !weekCommencingRE.MatchString(low[:d.Start]) {
			continue
		}
		n := daysIn[d.Month]
		if d.Year != 0 {
			n = time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		} else if d.Month == time.February {
			continue
		}
		switch end := d.Day + 6; {
		case end <= n:
			d.EndDay, d.EndMonth = end, d.Month
		case d.Month < time.December:
			d.EndDay, d.EndMonth = end-n, d.Month+1
		}
	}
	return out
}

// namedDayRE: a day of the year known by its name, after "on" ("on Bonfire
// Night she joined officers for a street briefing", "the meeting fell on
// Hallowe'en"): the calendar day it always is, its year not written (so
// resolved as "on 5 November" is). Only after "on", which tells one
// occasion: "in the run-up to Bonfire Night", "around Christmas" or
// "every Halloween" name no day.
var namedDayRE = regexp.MustCompile(`\bon\s+(bonfire night|guy fawkes night|hallowe'?en|christmas eve|christmas day|boxing day|new year's eve|new year’s eve|new year's day|new year’s day|valentine's day|valentine’s day|st\.? george's day|st\.? george’s day)\b`)

// namedDay is the day and month of a day namedDayRE reads.
func namedDay(name string) (Mention, bool) {
	name = strings.ReplaceAll(name, "’", "'")
	switch {
	case strings.HasPrefix(name, "bonfire") || strings.HasPrefix(name, "guy fawkes"):
		return Mention{Day: 5, Month: time.November}, true
	case strings.HasPrefix(name, "hallow"):
		return Mention{Day: 31, Month: time.October}, true
	case name == "christmas eve":
		return Mention{Day: 24, Month: time.December}, true
	case name == "christmas day":
		return Mention{Day: 25, Month: time.December}, true
	case name == "boxing day":
		return Mention{Day: 26, Month: time.December}, true
	case name == "new year's eve":
		return Mention{Day: 31, Month: time.December}, true
	case name == "new year's day":
		return Mention{Day: 1, Month: time.January}, true
	case strings.HasPrefix(name, "valentine"):
		return Mention{Day: 14, Month: time.February}, true
	case strings.HasPrefix(name, "st"):
		return Mention{Day: 23, Month: time.April}, true
	}
	return Mention{}, false
}

// bareDayAfterRE: a day written as an ordinal alone ("the 9th").
var bareDayAfterRE = regexp.MustCompile(`\bthe [0-9]{1,2}(?:st|nd|rd|th)\b`)

// namedMonthRE: a month written as a meeting's name, after a determiner
// and before the meeting's noun ("our May meeting", "the December
// drop-in", "the September PACT", "their March ward meeting"), or as its
// possessive ("At October's meeting of the community council").
var namedMonthRE = regexp.MustCompile(`(?:\b(?:the|our|their|its|your|his|her|my)\s+|\b)` + monthPat + `(?:['’]s)?\s+(?:[a-z'’-]+\s+){0,2}?(?:meetings?|forums?|surger(?:y|ies)|walkabouts?|drop-ins?|briefings?|sessions?|pacts?|agms?|coffee mornings?)\b`)

// meetingMonths adds a month that names a meeting ("He said the December
// drop-in had been well attended", "at the September PACT in Newcomen you
// told us about ..."): the writer dates the meeting by its month as its
// name, with no "in" before it, and that month is its date. The month
// must be capitalised (so "may" stays a verb) and the meeting have no day
// of its own right after it ("our September meeting on the 8th" is the
// 8th: bareDays), nor a date already read there.
func meetingMonths(s, low string, out []Mention) []Mention {
	// (a day written as an ordinal alone after it, with no other month
	// between, is the meeting's day: bareDayAfterRE)
	ms := namedMonthRE.FindAllStringSubmatchIndex(low, -1)
	if ms == nil {
		return out
	}
	added := false
	for _, m := range ms {
		if !capital(s[m[2]:m[3]]) {
			continue
		}
		if m[0] == m[2] && !strings.HasPrefix(low[m[3]:], "'s") && !strings.HasPrefix(low[m[3]:], "’s") {
			continue // (no determiner: only the possessive, "October's meeting")
		}
		dayAfter := false
		for _, d := range out {
			if d.Day > 0 && d.Month == monthOf(s[m[2]:m[3]]) && d.Rel == "" {
				dayAfter = true // "our February meeting! ... on Tuesday 9th February": the paragraph gives its day
			}
			if d.Start < m[1] && m[0] < d.End {
				dayAfter = true // overlaps a date read already
			}
			if d.Day > 0 && d.Start >= m[1] && d.Start-m[1] <= 40 && !sentenceBreakRE.MatchString(s[m[1]:d.Start]) {
				dayAfter = true
			}
		}
		if bare := bareDayAfterRE.FindStringIndex(low[m[1]:]); bare != nil && bare[0] <= 160 && !hasMonth(low[m[1]:m[1]+bare[0]]) {
			dayAfter = true // "our February meeting! Thank you to all who came on Tuesday the 9th": its day, told after
		}
		if dayAfter {
			continue
		}
		out = append(out, Mention{Start: m[2], End: m[3], Text: s[m[2]:m[3]], Month: monthOf(s[m[2]:m[3]])})
		added = true
	}
	if added {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// shortWeekdaysCapital drops a short weekday written in lower case from the
// front of a mention ("the sun 5 May" is 5 May): "Sat", "Sun", "Wed" are
// weekdays as a writer abbreviates them, with a capital.
func shortWeekdaysCapital(s string, ms []Mention) []Mention {
	for i, m := range ms {
		if !m.HasWeekday {
			continue
		}
		w := shortWeekdayRE.FindStringSubmatchIndex(m.Text)
		if w == nil || capital(m.Text[w[2]:w[3]]) {
			continue
		}
		m.Start += w[1]
		m.Text = s[m.Start:m.End]
		m.HasWeekday, m.Weekday = false, 0
		ms[i] = m
	}
	return ms
}

// shortWeekdayRE: a short weekday opening a mention ("sun ", "Tues. ").
var shortWeekdayRE = regexp.MustCompile(`^(?i)(mon|tues?|weds?|thurs?|thu|fri|sat|sun)\.?,?\s+`)

// spanOfMonths is a span of months from first to last. Its Year is the
// first month's: a year written only after the last month is that
// month's ("December and January 2020" begins in December 2019).
func spanOfMonths(first, last time.Month, firstYear, lastYear int) Mention {
	y := firstYear
	if y == 0 && lastYear != 0 {
		y = lastYear
		if last < first {
			y--
		}
	}
	return Mention{Month: first, EndMonth: last, Year: y}
}

// weekdayOrdRE: a weekday and an ordinal day with no month after them
// ("on Monday 11th and the Loftus ward surgery on Thursday 14th October").
var weekdayOrdRE = regexp.MustCompile(`\b` + weekdayPat + `\s+([0-9]{1,2})(?:st|nd|rd|th)\b(?:\s+(?:of\s+)?` + monthPat + `\b)?`)

// weekdayOrdinals adds the days written as a weekday and an ordinal
// without their month ("Monday 11th"), which take the month of the date
// written next in the same sentence ("... and on Thursday 14th October"),
// else of the one written last before them in the paragraph; the weekday
// is kept, so resolving checks the guess against the year (a Monday 11th
// that is no Monday is no date).
func weekdayOrdinals(s, low string, all []Mention) []Mention {
	for _, m := range weekdayOrdRE.FindAllStringSubmatchIndex(low, -1) {
		if m[6] >= 0 || !capital(group(s, m, 1)) {
			continue // its month follows: a full date, read already
		}
		day := atoi(group(s, m, 2))
		if day < 1 || day > 31 {
			continue
		}
		var next, prev *Mention
		for i := range all {
			d := &all[i]
			if d.Rel != "" || d.RelMonth != "" || d.Month == 0 || d.Day == 0 {
				continue
			}
			if d.Start >= m[1] && !strings.ContainsAny(low[m[1]:d.Start], ".;") && (next == nil || d.Start < next.Start) {
				next = d
			}
			if d.End <= m[0] && (prev == nil || d.Start > prev.Start) {
				prev = d
			}
		}
		from := next
		if from == nil {
			from = prev
		}
		if from == nil {
			from = sentenceMonth(low, m[0], all)
		}
		if from == nil {
			continue
		}
		wd, _ := WeekdayOf(group(s, m, 1))
		mon := from.Month
		if from == next && day > from.Day && from.Month > time.January {
			mon-- // "Monday 28th and Thursday 2nd October": the month before
		}
		all = append(all, Mention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: day, Month: mon, Year: from.Year, Weekday: wd, HasWeekday: true})
	}
	return all
}

// sentenceMonth is the one month written alone earlier in the sentence
// that ends at at, when no day with its month is written near a weekday
// and ordinal: a report that names the month once and then its meetings
// by weekday and day ("visited two wards in June: Northfield on Tuesday
// 10th, where ..., and Southgate on Tuesday 24th") dates them in that
// month; the weekday is kept, so one that falls on no such day of the
// month is no date. A span of months ("June and July") or two months in
// the sentence tell no one month.
func sentenceMonth(low string, at int, all []Mention) *Mention {
	var found *Mention
	for i := range all {
		d := &all[i]
		if d.End > at || strings.ContainsAny(low[d.End:at], ".;!?") {
			continue
		}
		if d.Day != 0 || d.Rel != "" || d.RelMonth != "" || d.Month == 0 {
			continue
		}
		if d.EndMonth != 0 || found != nil {
			return nil
		}
		found = d
	}
	return found
}

// theWeekdayRE: a weekday that follows a day written before it ("the
// Newtown meeting on Tuesday 4th June and, on the Thursday, the Manor
// House meeting"; "the following Saturday").
var theWeekdayRE = regexp.MustCompile(`\b(?:on the|the following)\s+` + weekdayPat + `\b`)

// daysIn is the length of each month in a year that is not a leap year.
var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// weekdaysAfter adds the weekdays written after a day in the same
// paragraph ("on Tuesday 4th June ... on the Thursday"): the first such
// weekday after the day written last before it, when that day's weekday is
// known (written, or from its year); one that would cross a month's end
// without a year (February's length) or with no day before it is left
// out: nothing guesses it.
func weekdaysAfter(s, low string, out []Mention) []Mention {
	ms := theWeekdayRE.FindAllStringSubmatchIndex(low, -1)
	if ms == nil {
		return out
	}
	for _, m := range ms {
		if !capital(group(s, m, 1)) {
			continue
		}
		wd, _ := WeekdayOf(group(s, m, 1))
		var prev *Mention
		overlap := false
		for i := range out {
			d := &out[i]
			if d.Start < m[1] && m[0] < d.End {
				overlap = true
			}
			if d.End <= m[0] && d.Rel == "" && d.RelMonth == "" && d.IsDay() && d.Month != 0 && (prev == nil || d.Start > prev.Start) {
				prev = d
			}
		}
		if overlap || prev == nil {
			continue
		}
		pwd, ok := prev.Weekday, prev.HasWeekday
		if !ok && prev.Year != 0 {
			pwd, ok = time.Date(prev.Year, prev.Month, prev.Day, 0, 0, 0, 0, time.UTC).Weekday(), true
		}
		if !ok {
			continue
		}
		off := (int(wd) - int(pwd) + 7) % 7
		if off == 0 {
			off = 7
		}
		day, mon, year := prev.Day+off, prev.Month, prev.Year
		if year != 0 {
			t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
			day, mon, year = t.Day(), t.Month(), t.Year()
		} else if day > daysIn[mon] {
			if mon == time.February || mon == time.December {
				continue // February's length (or the year's) unknown
			}
			day, mon = day-daysIn[mon], mon+1
			if mon == time.February && day > 28 {
				continue
			}
		}
		out = append(out, Mention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: day, Month: mon, Year: year, Weekday: wd, HasWeekday: true})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// bareDayRE: a day written as an ordinal alone ("on the 6th").
var bareDayRE = regexp.MustCompile(`\bon the ([0-9]{1,2})(?:st|nd|rd|th)\b`)

// monthMeetingRE: a month naming a meeting right before its day written
// as an ordinal alone ("our September meeting on the 8th", "the May
// forum on the 12th").
// ("our March meeting, held on the 10th", "the May forum was held on the
// 12th": the meeting's "held" between.)
var monthMeetingRE = regexp.MustCompile(`\b` + monthPat + `\s+(?:[a-z'’-]+\s+){0,2}?(?:meeting|forum|surgery|walkabout|drop-in|briefing|session|pact)(?:,?\s+(?:was\s+)?held)?\s+$`)

// newYearRE: "in the new year" names January.
var newYearRE = regexp.MustCompile(`\bin the new year\b`)

// bareDays adds the days written as an ordinal alone, which take their
// month (and year, if written) from the date written last before them in
// the same paragraph ("at the Park End ward meeting on the 5th September
// and at the Ladgate ward meeting on the 6th", "held in Hartlepool during
// October: ... on the 10th"), or January after "in the new year". One
// with no month before it is left out: nothing guesses it.
func bareDays(s, low string, out []Mention) []Mention {
	ms := bareDayRE.FindAllStringSubmatchIndex(low, -1)
	if ms == nil {
		return out
	}
	for _, m := range ms {
		day := atoi(group(s, m, 1))
		if day < 1 || day > 31 {
			continue
		}
		var mon time.Month
		year, at := 0, -1
		overlap := false
		for _, d := range out {
			if d.Start < m[1] && m[0] < d.End {
				overlap = true
			}
			if d.End <= m[0] && d.Rel == "" && d.RelMonth == "" && d.Month != 0 && d.Start > at {
				mon, year, at = d.Month, d.Year, d.Start
				if d.EndMonth != 0 {
					mon = d.EndMonth
				}
			}
		}
		if overlap {
			continue
		}
		if ny := newYearRE.FindAllStringIndex(low[:m[0]], -1); ny != nil && ny[len(ny)-1][0] > at {
			mon, year = time.January, 0
		}
		if mon == 0 {
			// "on the 13th and Wheatlands ward on the 20th of July": a day
			// listed before the one that writes its month, in the same
			// sentence and earlier in that month, takes it.
			for _, d := range out {
				if d.Start >= m[1] && d.Rel == "" && d.RelMonth == "" && d.Month != 0 && d.Day > day && d.EndDay == 0 &&
					d.Start-m[1] <= 80 && !strings.ContainsAny(s[m[1]:d.Start], ".;:") && strings.Contains(low[m[1]:d.Start], "and") {
					mon, year = d.Month, d.Year
					break
				}
			}
		}
		if mon == 0 {
			// "At our September meeting on the 8th": the month names the
			// meeting the ordinal dates, written as its name rather than
			// as a date ("in September"); a capital, so "may" is a month
			// only as "May".
			if mm := monthMeetingRE.FindStringSubmatchIndex(low[:m[0]]); mm != nil && capital(s[mm[2]:mm[3]]) {
				mon = monthOf(s[mm[2]:mm[3]])
			}
		}
		if mon == 0 {
			if rel := relMonthBefore(s, m[0], out); rel != "" {
				out = append(out, Mention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: day, RelMonth: rel})
			}
			continue
		}
		out = append(out, Mention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: day, Month: mon, Year: year})
		out = listedDays(s, low, m[1], day, mon, year, out)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// relMonthBefore is the relative month ("last month", "next month")
// written last before position at in the same sentence, with no month or
// day written between, that a day written as an ordinal alone after it
// belongs to: "a round of visits that began last month: in Norton on the
// 9th and at Roseworth on the 23rd" is the 9th and the 23rd of the month
// before publication. Not one a sentence before ("It was busy last month.
// We met on the 9th"), nor one a date of its own follows.
func relMonthBefore(s string, at int, out []Mention) string {
	rel, from := "", -1
	for _, d := range out {
		if d.End > at {
			continue
		}
		if d.Start > from {
			rel, from = "", d.Start
			if d.RelMonth != "" && d.Rel == "" && d.EndDay == 0 { // (or a day of it already read: "on the 9th and at Roseworth on the 23rd")
				rel = d.RelMonth
			}
		}
	}
	if (rel != "last" && rel != "next") || at-from > 200 || sentenceBreakRE.MatchString(s[from:at]) {
		// ("later in the month ... on the 26th" is the story's month,
		// read elsewhere, not the publication's)
		return ""
	}
	return rel
}

// nextListedDayRE: the next day of a list of ordinals alone after the
// first ("on the 5th, 12th and 19th", "on the 3rd and the 17th").
var nextListedDayRE = regexp.MustCompile(`^(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)\b`)

// listedDays adds the days listed after a bare ordinal that took its
// month from the date written before it: a report that names the month
// once and then the days a series was held ("In May the sergeant held
// three drop-ins at the library, on the 2nd, 9th and 23rd") means each
// day of that month, not only the first. The list must go up day by day
// in that month; a day the text already dates with its own month ("on
// the 4th and 11th June") ends it, as does anything but a comma, "and" or
// "&" between two days.
func listedDays(s, low string, at, prev int, mon time.Month, year int, out []Mention) []Mention {
	for {
		l := nextListedDayRE.FindStringSubmatchIndex(low[at:])
		if l == nil {
			return out
		}
		start, end := at+l[2], at+l[1]
		day := atoi(s[at+l[2] : at+l[3]])
		if day <= prev || day > daysIn[mon] && !(mon == time.February && day == 29) {
			return out
		}
		for _, d := range out {
			if d.Start < end+1 && start < d.End {
				return out
			}
		}
		out = append(out, Mention{Start: start, End: end, Text: s[start:end], Day: day, Month: mon, Year: year})
		at, prev = end, day
	}
}

// bracketDayRE: a day written as an ordinal alone in brackets after what
// happened on it ("Hemlington (6th)").
var bracketDayRE = regexp.MustCompile(`\(\s*([0-9]{1,2})(?:st|nd|rd|th)\s*\)`)

// sentenceBreakRE: a full stop, semicolon or the like ending a sentence or
// clause between two mentions.
var sentenceBreakRE = regexp.MustCompile(`[.;!?]\s`)

// bracketDays adds the days a report writes as an ordinal alone in
// brackets after each meeting of a list that names its month once before
// them, in the same sentence ("In May the Commissioner went to the
// Grangetown (3rd) and Eston (17th) ward meetings"; "in March he attended
// Hardwick (2nd), Billingham West (9th) and Norton (23rd)"): each is a day
// of that month (and year, if written). The month must be one month
// alone, written before the day with no sentence break between; a
// bracketed ordinal with no such month ("the Park (2nd) ward meeting",
// "during June and July: Hardwick (4th)") is left out, nothing guesses its
// month.
func bracketDays(s, low string, out []Mention) []Mention {
	ms := bracketDayRE.FindAllStringSubmatchIndex(low, -1)
	if ms == nil {
		return out
	}
	written := append([]Mention(nil), out...)
	for _, m := range ms {
		day := atoi(group(s, m, 1))
		if day < 1 || day > 31 {
			continue
		}
		var month *Mention
		for i := range written {
			d := &written[i]
			if d.Start < m[1] && m[0] < d.End {
				month = nil
				break
			}
			if d.End > m[0] {
				break
			}
			month = d
		}
		if month == nil || !month.IsMonths() || month.EndMonth != 0 || sentenceBreakRE.MatchString(s[month.End:m[0]]) {
			continue
		}
		if day > daysIn[month.Month] && !(month.Month == time.February && day == 29) {
			continue
		}
		out = append(out, Mention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: day, Month: month.Month, Year: month.Year})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// everyRE: what comes before a weekday that recurs.
var everyRE = regexp.MustCompile(`\b(?:every|each|most|some|on|last|next|this|an?)\s+$`)

// Days keeps the mentions that name one day (not a month, a span or a range).
func Days(ds []Mention) []Mention {
	var out []Mention
	for _, d := range ds {
		if d.IsDay() {
			out = append(out, d)
		}
	}
	return out
}

// StartsWithDate reports whether a line opens with a day-level date, as a
// report's list of meetings does ("10th December – Grangetown ...").
func StartsWithDate(s string) bool {
	ds := Find(s)
	return len(ds) > 0 && ds[0].Start == 0 && ds[0].Rel == "" && ds[0].Day > 0
}
