package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Anchors are what a document says about when it was written: the
// publication date, the period a report covers, and the years its named
// Police and Crime Commissioner was in office. Dates written without a year
// are resolved against them, in that order of trust.
type Anchors struct {
	Published   time.Time // zero if unknown
	PeriodStart time.Time // zero if unknown
	PeriodEnd   time.Time
	TermFrom    int // years of the named PCC's term; 0 if unknown
	TermTo      int
	TermWho     string
	// Year is the one year the document's title gives with no day or
	// month ("Autumn 2018" on a newsletter); it dates a day written
	// without a year when nothing above does, never a span.
	Year int
}

// Span is a resolved date: one day (Precision Day, Start == End), a
// calendar month (Month) or a span of days (Period), inclusive.
type Span struct {
	Start, End time.Time
	Precision  string
}

// DaySpan is the span of one day.
func DaySpan(t time.Time) Span { return Span{Start: t, End: t, Precision: Day} }

// MonthSpan is the span of t's calendar month.
func MonthSpan(t time.Time) Span {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return Span{Start: first, End: first.AddDate(0, 1, -1), Precision: Month}
}

// Resolve turns a written date into a span, or says why it cannot. future
// is true for a meeting listed as coming up (a "Future meetings" section,
// "will", "is due to"), which moves unanchored years forward.
func (a Anchors) Resolve(m Mention, future bool) (Span, string, error) {
	switch {
	case m.Rel != "":
		t, how, err := a.relativeDay(m, future)
		return DaySpan(t), how, err
	case m.RelMonth != "" && m.Day > 0:
		// "the 22nd of last month"
		sp, how, err := a.Resolve(Mention{Text: m.Text, RelMonth: m.RelMonth}, future)
		if err != nil {
			return Span{}, "", err
		}
		t, err := date(sp.Start.Year(), sp.Start.Month(), m.Day)
		if err != nil {
			return Span{}, "", fmt.Errorf("%q is not a date", m.Text)
		}
		return DaySpan(t), how, nil
	case m.RelWeek != "":
		if a.Published.IsZero() {
			return Span{}, "", fmt.Errorf("%q is relative and the document has no publication date", m.Text)
		}
		p := a.Published
		monday := p.AddDate(0, 0, -((int(p.Weekday()) + 6) % 7))
		if m.RelWeek == "this" {
			return Span{Start: monday, End: p, Precision: Period}, "the week of the publication date " + p.Format(time.DateOnly), nil
		}
		return Span{Start: monday.AddDate(0, 0, -7), End: monday.AddDate(0, 0, -1), Precision: Period}, "the week before the publication date " + p.Format(time.DateOnly), nil
	case m.RelMonth != "":
		if a.Published.IsZero() {
			return Span{}, "", fmt.Errorf("%q is relative and the document has no publication date", m.Text)
		}
		p := a.Published
		first := time.Date(p.Year(), p.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch m.RelMonth {
		case "last":
			first = first.AddDate(0, -1, 0)
		case "next":
			first = first.AddDate(0, 1, 0)
		}
		if m.Earlier && p.Day() > 1 {
			return Span{Start: first, End: p.AddDate(0, 0, -1), Precision: Period}, "the publication month before the publication date " + p.Format(time.DateOnly), nil
		}
		return MonthSpan(first), "the month relative to the publication date " + p.Format(time.DateOnly), nil
	case m.Day == 0:
		if m.Month < time.January || m.Month > time.December {
			return Span{}, "", fmt.Errorf("%q is not a date", m.Text)
		}
		t, how, err := a.day(Mention{Text: m.Text, Day: 1, Month: m.Month, Year: m.Year}, future, true)
		if err != nil || m.EndMonth == 0 {
			return MonthSpan(t), how, err
		}
		end := MonthSpan(t).End
		for end.Month() != m.EndMonth && end.Sub(t) < 366*24*time.Hour {
			end = MonthSpan(end.AddDate(0, 0, 1)).End
		}
		return Span{Start: t, End: end, Precision: Period}, how, nil
	case m.IsRange():
		start, how, err := a.day(Mention{Text: m.Text, Day: m.Day, Month: m.Month, Year: m.Year, Weekday: m.Weekday, HasWeekday: m.HasWeekday}, future, false)
		if err != nil {
			return Span{}, "", err
		}
		y := start.Year()
		if m.EndMonth < m.Month {
			y++
		}
		end, err := date(y, m.EndMonth, m.EndDay)
		if err != nil || end.Before(start) || end.Sub(start) > 62*24*time.Hour {
			return Span{}, "", fmt.Errorf("%q is not a range of days", m.Text)
		}
		return Span{Start: start, End: end, Precision: Period}, how, nil
	}
	t, how, err := a.day(m, future, false)
	return DaySpan(t), how, err
}

func (a Anchors) relativeDay(m Mention, future bool) (time.Time, string, error) {
	if a.Published.IsZero() {
		return time.Time{}, "", fmt.Errorf("%q is relative and the document has no publication date", m.Text)
	}
	p := a.Published
	switch m.Rel {
	case "yesterday":
		return p.AddDate(0, 0, -1), "relative to the publication date " + p.Format(time.DateOnly), nil
	case "today":
		return p, "the publication date", nil
	case "tomorrow":
		return p.AddDate(0, 0, 1), "relative to the publication date " + p.Format(time.DateOnly), nil
	}
	// A named weekday: a past "on Monday" is the most recent one up to the
	// publication day; "last Thursday" is the one of the week before the
	// publication's (Monday to Sunday: written on Friday 18 July, "on
	// Thursday" is the 17th and "last Thursday" the 10th; on a Monday or a
	// Wednesday the two agree); "next Monday" or a future "on Monday" is
	// the first one after it.
	if m.Day > 0 {
		return weekdayOnDay(p, m, m.Rel == "next" || (m.Rel != "last" && future))
	}
	back := (int(p.Weekday()) - int(m.Weekday) + 7) % 7
	switch {
	case m.Rel == "next" || (m.Rel != "last" && future):
		fwd := (int(m.Weekday) - int(p.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return p.AddDate(0, 0, fwd), "the " + m.Weekday.String() + " after the publication date", nil
	case m.Rel == "last":
		monday := p.AddDate(0, 0, -((int(p.Weekday())+6)%7)-7)
		return monday.AddDate(0, 0, (int(m.Weekday)+6)%7), "the " + m.Weekday.String() + " of the week before the publication date", nil
	}
	return p.AddDate(0, 0, -back), "the " + m.Weekday.String() + " before the publication date", nil
}

// weekdayOnDay resolves a relative weekday written with its day of the
// month ("on Saturday (13th)", "last Tuesday the 3rd"): the day
// NearWeekdayDay finds before the publication date (after it, for one to
// come); the day the writer gave wins over "the most recent Saturday",
// and a weekday that falls on no one such day near the publication is no
// date.
func weekdayOnDay(p time.Time, m Mention, future bool) (time.Time, string, error) {
	dir := -1
	if future {
		dir = 1
	}
	if t, ok := NearWeekdayDay(p, m.Weekday, m.Day, dir); ok {
		return t, "the " + m.Weekday.String() + " the " + strconv.Itoa(m.Day) + " next to the publication date " + p.Format(time.DateOnly), nil
	}
	return time.Time{}, "", fmt.Errorf("%q: no one %s the %d near the publication date %s", m.Text, m.Weekday, m.Day, p.Format(time.DateOnly))
}

// NearWeekdayDay finds the one day, in the two months before p, p's month
// or the two after, that is the day-th of its month and falls on wd; ok
// is false when none or several do, unless p's own month is one of them:
// a writer leaves the month out when it is the month being written in
// ("Mike was at the town council's forum on Monday the 3rd" in a round-up
// sent on Friday 14 March is 3 March, though 3 February was a Monday too).
// dir < 0 takes only days up to p (a day told as done), dir > 0 only days
// from p on (one to come), 0 either.
func NearWeekdayDay(p time.Time, wd time.Weekday, day, dir int) (one time.Time, ok bool) {
	n := 0
	var own time.Time
	p = time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
	for dm := -2; dm <= 2; dm++ {
		first := time.Date(p.Year(), p.Month()+time.Month(dm), 1, 0, 0, 0, 0, time.UTC)
		t := first.AddDate(0, 0, day-1)
		if t.Month() != first.Month() || t.Weekday() != wd || (dir < 0 && t.After(p)) || (dir > 0 && t.Before(p)) {
			continue
		}
		one, n = t, n+1
		if dm == 0 {
			own = t
		}
	}
	if n > 1 && !own.IsZero() {
		return own, true
	}
	return one, n == 1
}

// day resolves a written day (or, with monthOnly, the first of a written
// month), taking a missing year from the anchors.
func (a Anchors) day(m Mention, future, monthOnly bool) (time.Time, string, error) {
	if m.Month < time.January || m.Month > time.December || m.Day < 1 {
		return time.Time{}, "", fmt.Errorf("%q is not a date", m.Text)
	}
	if m.Year != 0 {
		t, err := date(m.Year, m.Month, m.Day)
		if err != nil {
			return time.Time{}, "", fmt.Errorf("%q: %w", m.Text, err)
		}
		if m.HasWeekday && t.Weekday() != m.Weekday {
			return time.Time{}, "", fmt.Errorf("%q: %s was a %s", m.Text, t.Format(time.DateOnly), t.Weekday())
		}
		return t, "as written", nil
	}
	// No year: pick it from the report's period, else the publication date,
	// else the weekday within the named PCC's term; never guess otherwise.
	try := func(years []int, ok func(time.Time) bool) []time.Time {
		var out []time.Time
		for _, y := range years {
			t, err := date(y, m.Month, m.Day)
			if err != nil || (m.HasWeekday && t.Weekday() != m.Weekday) {
				continue
			}
			probe := t
			if monthOnly {
				probe = t.AddDate(0, 1, -1) // a month counts by its last day
			}
			if ok(probe) || (monthOnly && ok(t)) {
				out = append(out, t)
			}
		}
		return out
	}
	around := func(y int) []int { return []int{y - 1, y, y + 1} }
	if !a.PeriodStart.IsZero() {
		lo, hi := a.PeriodStart.AddDate(0, 0, -7), a.PeriodEnd.AddDate(0, 0, 7)
		how := "within the report's period " + a.PeriodStart.Format(time.DateOnly) + " to " + a.PeriodEnd.Format(time.DateOnly)
		if future {
			lo, hi = a.PeriodStart, a.PeriodEnd.AddDate(0, 9, 0)
			how = "after the start of the report's period " + a.PeriodStart.Format(time.DateOnly)
		}
		years := append(around(a.PeriodStart.Year()), a.PeriodEnd.Year()+1)
		if c := uniq(try(years, func(t time.Time) bool { return !t.Before(lo) && !t.After(hi) })); len(c) == 1 {
			return c[0], how, nil
		}
	}
	if !a.Published.IsZero() {
		p := a.Published
		c := try(around(p.Year()), func(t time.Time) bool {
			d := t.Sub(p)
			if future {
				return d >= 0 && d < 300*24*time.Hour
			}
			return d <= 0 && d > -300*24*time.Hour
		})
		if len(c) == 1 {
			return c[0], "the nearest to the publication date " + p.Format(time.DateOnly), nil
		}
	}
	if a.Year != 0 {
		if c := try([]int{a.Year}, func(time.Time) bool { return true }); len(c) == 1 {
			return c[0], fmt.Sprintf("the year the document's title gives (%d)", a.Year), nil
		}
	}
	if m.HasWeekday && a.TermFrom != 0 {
		var years []int
		for y := a.TermFrom; y <= a.TermTo; y++ {
			years = append(years, y)
		}
		if c := try(years, func(time.Time) bool { return true }); len(c) == 1 {
			return c[0], fmt.Sprintf("the only year of %s's term (%d-%d) in which %s %d was a %s", a.TermWho, a.TermFrom, a.TermTo, m.Month, m.Day, m.Weekday), nil
		}
		return time.Time{}, "", fmt.Errorf("%q has no year, and %s %d was a %s in more than one year of %s's term", m.Text, m.Month, m.Day, m.Weekday, a.TermWho)
	}
	return time.Time{}, "", fmt.Errorf("%q has no year, and the document gives no publication date or period to take it from", m.Text)
}

func uniq(ts []time.Time) []time.Time {
	var out []time.Time
	for _, t := range ts {
		if len(out) == 0 || !out[len(out)-1].Equal(t) {
			out = append(out, t)
		}
	}
	return out
}

// date builds a day, rejecting days the month does not have.
func date(y int, m time.Month, d int) (time.Time, error) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m || y < 1900 || y > 2200 {
		return time.Time{}, fmt.Errorf("%d %s %d is not a day", d, m, y)
	}
	return t, nil
}

// Term knows the Cleveland Police and Crime Commissioners by name, so a
// news item that names one and writes "Monday, February 26" can be dated:
// within a term, a day and weekday usually fit a single year. Terms are
// whole calendar years, inclusive, so a boundary year may fit two names.
func Term(text string) (who string, from, to int) {
	switch {
	case strings.Contains(text, "Coppinger"): // PCC from November 2012; stood down in 2020
		return "Barry Coppinger", 2012, 2020
	case strings.Contains(text, "Steve Turner"): // elected May 2021
		return "Steve Turner", 2021, 2024
	case strings.Contains(text, "Matt Storey"): // elected May 2024
		return "Matt Storey", 2024, 2028
	}
	return "", 0, 0
}

// FindPeriod reads a report's period from a sentence such as "meetings
// attended by the PCC from October 2013 – January 2014", "during September
// and October 2019", or a heading that is only a span ("January to March
// 2016").
func FindPeriod(s string) (from, to time.Time, ok bool) {
	var d1s, m1s, y1s, d2s, m2s, y2s string
	if m := periodRE.FindStringSubmatch(s); m != nil {
		d1s, m1s, y1s, d2s, m2s, y2s = m[1], m[2], m[3], m[4], m[5], m[6]
	} else if m := bareSpan.FindStringSubmatch(s); m != nil && len(s) < 60 {
		m1s, y1s, m2s, y2s = m[1], m[2], m[3], m[4]
	} else if m := periodInRE.FindStringSubmatch(s); m != nil && reportishRE.MatchString(s) {
		m1s, y1s, m2s, y2s = m[1], m[2], m[3], m[4]
	} else {
		return time.Time{}, time.Time{}, false
	}
	if !capital(m1s) || !capital(m2s) {
		return time.Time{}, time.Time{}, false
	}
	m1, m2 := monthOf(m1s), monthOf(m2s)
	y2 := atoi(y2s)
	y1 := y2
	if y1s != "" {
		y1 = atoi(y1s)
	} else if m1 > m2 {
		y1 = y2 - 1
	}
	d1 := 1
	if d1s != "" {
		d1 = atoi(d1s)
	}
	from, err := date(y1, m1, d1)
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	if d2s != "" {
		if to, err = date(y2, m2, atoi(d2s)); err != nil {
			return time.Time{}, time.Time{}, false
		}
	} else {
		to = time.Date(y2, m2+1, 0, 0, 0, 0, 0, time.UTC) // the month's last day
	}
	if to.Before(from) || to.Sub(from) > 2*366*24*time.Hour {
		return time.Time{}, time.Time{}, false
	}
	return from, to, true
}

var yearRE = regexp.MustCompile(`\b(19|20)[0-9]{2}\b`)

// HasYear reports whether s writes a year.
func HasYear(s string) bool { return yearRE.MatchString(s) }

// recentSpanRE: months written without a year after a word that makes
// them a span ("over September, October and November", "during July and
// August", "from October to December").
var recentSpanRE = regexp.MustCompile(`(?i)\b(?:over|during|throughout|across|in|from|between)\s+(?:the\s+months\s+of\s+|the\s+course\s+of\s+)?` + monthPat + `((?:\s*,\s*` + monthPat + `)*)\s*(?:,\s*)?(?:–|-|—|to|and|until)\s*` + monthPat + `\b(\s+[0-9]{4})?`)

// FindRecentPeriod reads a span of months written without a year in a
// document published on pub ("what residents told us over September,
// October and November" on a page of 4 December 2020): the span that ends
// in the publication month or the two before it, in the year that puts it
// there. The months must run in order, one after another; a span that
// writes its year is FindPeriod's.
func FindRecentPeriod(s string, pub time.Time) (from, to time.Time, ok bool) {
	if pub.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	for _, m := range recentSpanRE.FindAllStringSubmatch(s, -1) {
		if m[len(m)-1] != "" {
			continue // a year: not this
		}
		names := []string{m[1]}
		for _, n := range strings.Split(m[2], ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
		names = append(names, m[len(m)-2])
		months := make([]time.Month, len(names))
		good := true
		for i, n := range names {
			months[i] = monthOf(n)
			good = good && capital(n) && months[i] != 0
			if i > 0 && len(names) > 2 && months[i] != months[i-1]%12+1 {
				good = false // a list must name months one after another
			}
		}
		if !good {
			continue
		}
		first, last := months[0], months[len(months)-1]
		y := pub.Year()
		if last > pub.Month() {
			y--
		}
		end := time.Date(y, last+1, 0, 0, 0, 0, 0, time.UTC)
		if pub.Sub(end) > 92*24*time.Hour {
			continue // not the months just gone
		}
		fy := y
		if first > last {
			fy--
		}
		return time.Date(fy, first, 1, 0, 0, 0, 0, time.UTC), end, true
	}
	// One month: "everyone who got in touch with us during October".
	for _, loc := range recentMonthRE.FindAllStringSubmatchIndex(s, -1) {
		m := []string{s[loc[2]:loc[3]], ""}
		if loc[4] >= 0 {
			m[1] = s[loc[4]:loc[5]]
		}
		mo := monthOf(m[0])
		if m[1] != "" || !capital(m[0]) || mo == 0 || listGoesOnRE.MatchString(s[loc[1]:]) {
			continue // (a year, or one month of a list: "over September, November and December")
		}
		y := pub.Year()
		if mo > pub.Month() {
			y--
		}
		end := time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC)
		if pub.Sub(end) > 92*24*time.Hour {
			continue
		}
		return time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), end, true
	}
	return time.Time{}, time.Time{}, false
}

// recentMonthRE: one month written without a year after a word that makes
// it a span ("during October", "throughout March"; not "in May", which
// names a day's month as often as a span).
var listGoesOnRE = regexp.MustCompile(`(?i)^\s*(?:,|and|or|to|–|-)\s*` + monthPat + `\b`)

var recentMonthRE = regexp.MustCompile(`(?i)\b(?:during|throughout|over)\s+(?:the\s+month\s+of\s+|the\s+course\s+of\s+)?` + monthPat + `\b(\s+[0-9]{4})?`)
