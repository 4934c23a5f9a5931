package extract

import (
	"regexp"
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
	x         *Extractor
	blocks    []segment.Block
	published string // the publication date markup gave, "" if none
	hash      string
	res       *Result
	a         dates.Anchors
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
	perPara    map[int]int   // events emitted so far per paragraph: the index in the id
	held       []*meetingCtx // meetings emitted so far, so one told twice is one event
	said       bool          // walking the paragraphs under a "You said" heading
	tableMonth string        // the month a table's spanning row gave ("September 2019"), for rows that give only the day
	record     bool          // a heading said "Minutes" or "Notes" and named no meeting: the first meeting after it is the record's
	topic      bool          // walking the paragraphs under a heading of residents' issues ("Issues raised", "You said")
	secQuiet   bool          // walking the paragraphs under a heading of the police's or the council's own ("Police update", "We did")
	quiet      bool          // secQuiet, or the block is an item so labelled ("Item 2 - Police report ...")
	findCache  map[findKey][]gazetteer.Mention
}

type findKey struct {
	text string
	day  string
}

var (
	postedRE   = regexp.MustCompile(`(?i)^[\s_*(\[|=—–-]*(?:posted|published|first published|last updated|updated|date(?:d)?|issued)\b(?:\s+on)?\s*:?\s*`)
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
	for i := range r.blocks {
		r.dates[i] = dates.Find(r.blocks[i].Text)
	}
}

// datesOf is block b's date mentions.
func (r *run) datesOf(b *segment.Block) []dates.Mention { return r.dates[b.N-1] }

// anchor reads the publication date (from markup, a "Posted on" line at
// the top or the foot, or a report's date line near its top), the period a
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
	}
	var all strings.Builder
	for i := range r.blocks {
		b := &r.blocks[i]
		all.WriteString(b.Text)
		all.WriteString("\n")
		if r.a.Published.IsZero() {
			if loc := postedRE.FindStringIndex(b.Text); loc != nil && loc[1] > 0 {
				if t, ok := r.fullDate(b.Text[loc[1]:]); ok {
					r.a.Published = t
				}
			} else if i < 8 && (len(b.Text) < 40 || (len(b.Text) < 120 && reportRE.MatchString(b.Text))) {
				// A report's date on a line of its own near the top, or in
				// its title line ("Report to the Police and Crime Panel, 12
				// November 2019").
				if ds := r.datesOf(b); len(ds) == 1 && ds[0].Year != 0 && ds[0].IsDay() && (len(ds[0].Text)*10 >= len(b.Text)*6 || reportRE.MatchString(b.Text)) {
					if t, ok := r.fullDate(b.Text); ok {
						r.a.Published = t
					}
				}
			}
		}
		if r.a.PeriodStart.IsZero() && (!b.Heading || reportHeadRE.MatchString(b.Text)) {
			if from, to, ok := dates.FindPeriod(b.Text); ok {
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
	r.a.TermWho, r.a.TermFrom, r.a.TermTo = dates.Term(all.String())
	if r.a.Published.IsZero() && r.a.PeriodStart.IsZero() {
		// "WESTWORTH WARD NEWSLETTER / Autumn 2018": a season and year
		// near the top date the days written without a year.
		for i := 0; i < len(r.blocks) && i < 4; i++ {
			if m := seasonYearRE.FindStringSubmatch(r.blocks[i].Text); m != nil {
				r.a.Year, _ = strconv.Atoi(m[1])
				break
			}
		}
	}
	r.res.Published, r.res.PeriodFrom, r.res.PeriodTo = r.a.Published, r.a.PeriodStart, r.a.PeriodEnd
	r.titlePlace = r.findTitlePlace()
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
	for i := 0; i < len(r.blocks) && i < 4; i++ {
		b := &r.blocks[i]
		if !b.Heading {
			continue
		}
		var wards []gazetteer.Mention
		for _, m := range r.find(titleCase(b.Text), at) {
			if m.Kind == "ward" {
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
	return nil
}

// anchorDay is the day the document is anchored on: its publication date,
// else its period's start; zero if neither.
func (r *run) anchorDay() time.Time {
	if !r.a.Published.IsZero() {
		return r.a.Published
	}
	return r.a.PeriodStart
}

// titleCase turns an upper-case title line into title case, so the
// gazetteer (which wants names capitalised as written) reads it.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if w != "and" && w != "of" && w != "the" && w != "on" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
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
	ms := r.x.gaz.Find(text, at)
	r.findCache[k] = ms
	return ms
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
