package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateMention is a date as written in a paragraph: a full date, a day and
// month without a year, or a relative day ("last night", "on Monday").
type dateMention struct {
	Start, End int // byte offsets in the paragraph
	Text       string
	Day        int
	Month      time.Month
	Year       int // 0 when not written
	Weekday    time.Weekday
	HasWeekday bool
	Rel        string // "", "yesterday", "today", "tomorrow", "last", "next", "on"
}

const (
	monthPat   = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`
	weekdayPat = `(monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
)

// dateRules are compiled once; they are read-only.
var (
	dmRE      = regexp.MustCompile(`(?i)\b(?:` + weekdayPat + `,?\s+)?(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPat + `\.?(?:,?\s+([0-9]{4}))?\b`)
	mdRE      = regexp.MustCompile(`(?i)\b(?:` + weekdayPat + `,?\s+)?` + monthPat + `\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?\b(?:,?\s+([0-9]{4})\b)?`)
	numericRE = regexp.MustCompile(`\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\b`)
	isoRE     = regexp.MustCompile(`\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b`)
	relRE     = regexp.MustCompile(`(?i)\b(last night|yesterday|today|this morning|this afternoon|this evening|tonight|tomorrow)\b`)
	relDayRE  = regexp.MustCompile(`(?i)\b(last|next|this|on)\s+` + weekdayPat + `\b`)
	periodRE  = regexp.MustCompile(`(?i)\b(?:from|between|period(?:\s+of)?|covering|covers)\s+(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?` + monthPat + `(?:\s+([0-9]{4}))?\s*(?:–|-|—|to|and|until)\s*(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?` + monthPat + `\s+([0-9]{4})\b`)
	monthYrRE = regexp.MustCompile(`(?i)\b` + monthPat + `\s+([0-9]{4})\b`)
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

func weekdayOf(s string) (time.Weekday, bool) {
	s = strings.ToLower(s)
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == s {
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

// findDates lists the dates written in s, in order, without overlaps (the
// longest reading wins: "Monday 14th April 2014" is one date).
func findDates(s string) []dateMention {
	var all []dateMention
	for _, m := range dmRE.FindAllStringSubmatchIndex(s, -1) {
		dm := dateMention{Start: m[0], End: m[1], Text: s[m[0]:m[1]]}
		if m[2] >= 0 {
			dm.Weekday, dm.HasWeekday = weekdayOf(s[m[2]:m[3]])
		}
		dm.Day, _ = strconv.Atoi(s[m[4]:m[5]])
		if !capital(s[m[6]:m[7]]) {
			continue
		}
		dm.Month = monthOf(s[m[6]:m[7]])
		if m[8] >= 0 {
			dm.Year, _ = strconv.Atoi(s[m[8]:m[9]])
		}
		all = append(all, dm)
	}
	for _, m := range mdRE.FindAllStringSubmatchIndex(s, -1) {
		dm := dateMention{Start: m[0], End: m[1], Text: s[m[0]:m[1]]}
		if m[2] >= 0 {
			dm.Weekday, dm.HasWeekday = weekdayOf(s[m[2]:m[3]])
		}
		if !capital(s[m[4]:m[5]]) {
			continue
		}
		dm.Month = monthOf(s[m[4]:m[5]])
		dm.Day, _ = strconv.Atoi(s[m[6]:m[7]])
		if m[8] >= 0 {
			dm.Year, _ = strconv.Atoi(s[m[8]:m[9]])
		}
		all = append(all, dm)
	}
	for _, m := range numericRE.FindAllStringSubmatchIndex(s, -1) {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		all = append(all, dateMention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: d, Month: time.Month(mo), Year: y})
	}
	for _, m := range isoRE.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		all = append(all, dateMention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Day: d, Month: time.Month(mo), Year: y})
	}
	for _, m := range relRE.FindAllStringSubmatchIndex(s, -1) {
		rel := strings.ToLower(s[m[2]:m[3]])
		switch rel {
		case "last night", "yesterday":
			rel = "yesterday"
		case "tomorrow":
		default:
			rel = "today"
		}
		all = append(all, dateMention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Rel: rel})
	}
	for _, m := range relDayRE.FindAllStringSubmatchIndex(s, -1) {
		if !capital(s[m[4]:m[5]]) {
			continue
		}
		wd, _ := weekdayOf(s[m[4]:m[5]])
		all = append(all, dateMention{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Rel: strings.ToLower(s[m[2]:m[3]]), Weekday: wd, HasWeekday: true})
	}
	// "on Monday, February 26" is one date, not a relative day and a date:
	// drop a relative weekday whose weekday starts a written date.
	kept := all[:0]
	for _, d := range all {
		if d.Rel != "" && d.HasWeekday && d.Day == 0 {
			inside := false
			for _, o := range all {
				if o.Rel == "" && o.Start > d.Start && o.Start < d.End {
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
	var out []dateMention
	end := -1
	for _, d := range all {
		if d.Start < end {
			continue
		}
		out = append(out, d)
		end = d.End
	}
	return out
}

// startsWithDate reports whether a line opens with a day-level date, as a
// report's list of meetings does ("10th December – Grangetown ...").
func startsWithDate(s string) bool {
	ds := findDates(s)
	return len(ds) > 0 && ds[0].Start == 0 && ds[0].Rel == "" && ds[0].Day > 0
}

// anchors are what the document says about when it was written: the
// publication date, the period a report covers, and the years its named
// Police and Crime Commissioner was in office. Dates written without a year
// are resolved against them, in that order of trust.
type anchors struct {
	Published   time.Time // zero if unknown
	PeriodStart time.Time // zero if unknown
	PeriodEnd   time.Time
	TermFrom    int // years of the named PCC's term; 0 if unknown
	TermTo      int
	TermWho     string
}

// resolve turns a written date into a day, or says why it cannot. future
// is true for a meeting listed as coming up (a "Future meetings" section,
// "will", "is due to"), which moves unanchored years forward.
func (a anchors) resolve(m dateMention, future bool) (time.Time, string, error) {
	if m.Rel != "" {
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
		// A named weekday: "last Monday" or a past "on Monday" is the most
		// recent one up to the publication day; "next Monday" or a future
		// "on Monday" is the first one after it.
		back := (int(p.Weekday()) - int(m.Weekday) + 7) % 7
		switch {
		case m.Rel == "next" || (m.Rel != "last" && future):
			fwd := (int(m.Weekday) - int(p.Weekday()) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			return p.AddDate(0, 0, fwd), "the " + m.Weekday.String() + " after the publication date", nil
		case m.Rel == "last" && back == 0:
			back = 7
		}
		return p.AddDate(0, 0, -back), "the " + m.Weekday.String() + " before the publication date", nil
	}
	if m.Month < time.January || m.Month > time.December || m.Day < 1 {
		return time.Time{}, "", fmt.Errorf("%q is not a date", m.Text)
	}
	if m.Year != 0 {
		t, err := day(m.Year, m.Month, m.Day)
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
			t, err := day(y, m.Month, m.Day)
			if err != nil || (m.HasWeekday && t.Weekday() != m.Weekday) || !ok(t) {
				continue
			}
			out = append(out, t)
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

// day builds a date, rejecting days the month does not have.
func day(y int, m time.Month, d int) (time.Time, error) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m || y < 1900 || y > 2200 {
		return time.Time{}, fmt.Errorf("%d %s %d is not a day", d, m, y)
	}
	return t, nil
}

// pccTerm knows the Cleveland Police and Crime Commissioners by name, so a
// news item that names one and writes "Monday, February 26" can be dated:
// within a term, a day and weekday usually fit a single year. Terms are
// whole calendar years, inclusive, so a boundary year may fit two names.
func pccTerm(text string) (who string, from, to int) {
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

// findPeriod reads a report's period from a sentence such as "meetings
// attended by the PCC from October 2013 – January 2014".
func findPeriod(s string) (from, to time.Time, ok bool) {
	m := periodRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, time.Time{}, false
	}
	m1, m2 := monthOf(m[2]), monthOf(m[5])
	y2, _ := strconv.Atoi(m[6])
	y1 := y2
	if m[3] != "" {
		y1, _ = strconv.Atoi(m[3])
	} else if m1 > m2 {
		y1 = y2 - 1
	}
	d1, d2 := 1, 0
	if m[1] != "" {
		d1, _ = strconv.Atoi(m[1])
	}
	from, err := day(y1, m1, d1)
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	if m[4] != "" {
		d2, _ = strconv.Atoi(m[4])
		if to, err = day(y2, m2, d2); err != nil {
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
