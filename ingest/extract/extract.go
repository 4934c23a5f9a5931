// Package extract turns published text about the PCC's engagement
// (Programme of Engagement reports to the Police and Crime Panel, news
// items) into meeting and concern events for backfill, so the pipeline has
// real history from day one. It favours precision over recall: a concern
// needs a concern cue ("residents raised concerns about ...") and a theme of
// the taxonomy, every event needs a day the document states or lets be
// worked out, and whatever cannot be resolved is reported as a Problem
// rather than guessed.
package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/processors/classify"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
	"github.com/wardpulse/wardpulse/schemas"
)

// DefaultMaxBytes bounds a document: a year of reports is well under a
// megabyte of text, so anything past this is a mistake (a log, a dump).
const DefaultMaxBytes = 8 << 20

// Sentinel errors for documents that cannot be read; a *DocumentError
// wraps them and names the document.
var (
	// ErrEmpty is returned when a document has no text at all.
	ErrEmpty = errors.New("document is empty")
	// ErrBinary is returned when a document is not text (NUL bytes, not UTF-8).
	ErrBinary = errors.New("document is not text")
	// ErrTooLarge is returned when a document is over the size limit.
	ErrTooLarge = errors.New("document is too large")
)

// DocumentError is a document that could not be read at all.
type DocumentError struct {
	Document string
	Err      error
}

func (e *DocumentError) Error() string { return "extracting " + e.Document + ": " + e.Err.Error() }
func (e *DocumentError) Unwrap() error { return e.Err }

// Problem is something in a document that could not be turned into an
// event field, with where it was found: the stderr summary lists them.
type Problem struct {
	Document  string
	Paragraph int
	What      string // "place", "date", "theme" or "event"
	Text      string // as written
	Reason    string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s ¶%d: %s %q: %s", p.Document, p.Paragraph, p.What, p.Text, p.Reason)
}

// Result is what one document gave.
type Result struct {
	Document   string
	Format     string
	Published  time.Time // zero if the document gives none
	PeriodFrom time.Time // the period a report covers; zero if none
	PeriodTo   time.Time
	Events     []schemas.Event // meetings before their concerns, in document order
	Meetings   int
	Concerns   int
	Problems   []Problem
}

// Config tunes the extractor. The zero value is usable.
type Config struct {
	// MaxBytes is the largest document accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Extractor extracts events from documents. It is immutable and safe for
// concurrent use.
type Extractor struct {
	gaz      *gazetteer.Gazetteer
	tax      *classify.Taxonomy
	val      *schemas.Validator
	maxBytes int64
	ns       uuid.UUID
}

// New returns an Extractor resolving places with gaz and themes with tax.
func New(gaz *gazetteer.Gazetteer, tax *classify.Taxonomy, cfg Config) (*Extractor, error) {
	if gaz == nil || tax == nil {
		return nil, errors.New("extract: a gazetteer and a taxonomy are required")
	}
	if cfg.MaxBytes < 0 {
		return nil, fmt.Errorf("extract: max bytes %d is negative", cfg.MaxBytes)
	}
	if cfg.MaxBytes == 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	val, err := schemas.NewValidator()
	if err != nil {
		return nil, fmt.Errorf("extract: building the event validator: %w", err)
	}
	return &Extractor{gaz: gaz, tax: tax, val: val, maxBytes: cfg.MaxBytes,
		ns: uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/wardpulse/wardpulse/ingest/extract"))}, nil
}

// ExtractReader reads at most the size limit from r and extracts from it.
func (x *Extractor) ExtractReader(document string, r io.Reader) (*Result, error) {
	b, err := io.ReadAll(io.LimitReader(r, x.maxBytes+1))
	if err != nil {
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("reading: %w", err)}
	}
	return x.Extract(document, b)
}

// Extract finds the meetings and concerns in one document. Event ids are
// UUID v5 of the document's content hash, paragraph and index, so the same
// content always gives the same ids, whatever the file is called.
func (x *Extractor) Extract(document string, content []byte) (*Result, error) {
	switch {
	case int64(len(content)) > x.maxBytes:
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: over the %d-byte limit", ErrTooLarge, x.maxBytes)}
	case len(bytes.TrimSpace(content)) == 0:
		return nil, &DocumentError{Document: document, Err: ErrEmpty}
	}
	if why := binary(content); why != "" {
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: %s", ErrBinary, why)}
	}
	f := sniff(document, content)
	var d doc
	switch f {
	case formatHTML:
		var err error
		if d, err = parseHTML(content); err != nil {
			return nil, &DocumentError{Document: document, Err: err}
		}
	default:
		d = parseText(string(bytes.TrimPrefix(content, []byte("\ufeff"))), f == formatMarkdown)
	}
	if len(d.Blocks) == 0 {
		return nil, &DocumentError{Document: document, Err: fmt.Errorf("%w: no text once the %s markup is removed", ErrEmpty, f)}
	}
	sum := sha256.Sum256(content)
	r := &run{x: x, d: d, hash: hex.EncodeToString(sum[:]), res: &Result{Document: document, Format: string(f)}}
	r.anchor()
	r.walk()
	r.finish()
	return r.res, nil
}

// run is the state of one extraction.
type run struct {
	x    *Extractor
	d    doc
	hash string
	res  *Result
	a    anchors
	// docPlaces caches docPlace by day: it reads the whole document.
	docPlaces map[string]*gazetteer.Resolution
	perPara   map[int]int // events emitted so far per paragraph: the index in the id
}

var (
	postedRE = regexp.MustCompile(`(?i)^\s*(?:posted|published|first published|last updated|updated|date(?:d)?|issued)\b(?:\s+on)?\s*:?\s*`)
	// A paragraph that is a meeting names one and says it happened or will.
	meetingNounRE = regexp.MustCompile(`(?i)\b(meetings?|forums?|boards?|assembl(?:y|ies)|surger(?:y|ies)|drop-in|walkabouts?|panels?|conferences?|launch|events?|fairs?|open day|partnerships?|committees?|networks?|groups?|councils?|consultations?|briefings?|summits?|workshops?|vigils?|ceremon(?:y|ies)|awards)\b`)
	attendRE      = regexp.MustCompile(`(?i)\b(attended|attends|attend|attending|met|meets|held|hosted|hosts|visited|visit|took place|takes place|take place|spoke|speaks|presented|chaired|joined|addressed|opened|launched|went to|was at|will be at|is due|are due|due to)\b`)
	futureRE      = regexp.MustCompile(`(?i)\b(will|shall|is due|are due|due to|is to be|are to be|forthcoming|upcoming|coming up|next week|next month|planned for|scheduled)\b`)
	futureHeadRE  = regexp.MustCompile(`(?i)\b(future|forthcoming|upcoming|coming up|planned|diary|next)\b`)
	concernCueRE  = regexp.MustCompile(`(?i)\b(concerns?|concerned|complain(?:ed|ts?|ing)?|worried|worries|fed up|frustrat\w*|raised|highlighted|reported (?:problems|issues|incidents)|problems? (?:with|of|caused)|issues? (?:with|of|around|raised|included|discussed)|main issues?|key issues?|residents (?:said|told|described|spoke)|(?:a|one|another) (?:local )?resident\b[^.]{0,60}\b(?:said|told|asked|added))\b`)
	topicCueRE    = regexp.MustCompile(`(?i)\b(issues?|raised|discussed|topics?|concerns?|complaints?|problems?|priorit(?:y|ies)|included)\b`)
	negationRE    = regexp.MustCompile(`(?i)\b(no (?:concerns|issues|problems|complaints)|not raised|none (?:were|was) raised|nothing (?:was )?raised)\b|^\s*(?:none|nothing|n/?a|nil|[-–—])\s*\.?$`)
	planRE        = regexp.MustCompile(`(?i)\b(police and crime plan|my plan|the plan|pledged?|priorities|strategy|manifesto|key objective)\b`)
	actionRE      = regexp.MustCompile(`(?i)\b(operation\s+[A-Z]\w+|in response|as a result|(?:was|were|has been|have been|will be|is being|are being)\s+(?:set up|introduced|arranged|launched|installed|carried out|increased|deployed|referred|passed|targeted|tackled|addressed|put in place|organised)|(?:has|have|had)\s+(?:since\s+)?(?:increased|stepped up|carried out|set up|introduced|launched|begun|started|arrested|seized|issued)|speed watch|the police (?:have|will|are)|officers (?:have|will|are))`)
	attendanceRE  = regexp.MustCompile(`(?i)\b(?:attended by|attendance of|with|of)\s+(?:around|about|approximately|over|some|nearly|almost)?\s*([0-9]{1,5})\s+(?:local\s+)?(?:people|residents|members of the public|attendees|participants)\b|\b([0-9]{1,5})\s+(?:local\s+)?(?:people|residents|members of the public)\s+(?:attended|came|turned up|turned out|were present|took part)`)
	titleRE       = regexp.MustCompile(`(?:(?:[A-Z0-9][\w'’&.-]*|of|the|and|for|on|&|in|de|ward|community|residents'?|public|safety|youth|neighbourhood|partnership|crime)\s+){1,8}(?i:meeting|forum|board|assembly|surgery|event|panel|partnership|group|council|conference|fair|launch|committee|network|walkabout|drop-in|day|summit|workshop|vigil|ceremony|awards|consultation|briefing)s?\b`)
	locationRE    = regexp.MustCompile(`\bat\s+(?:the\s+)?((?:[A-Z][\w'’&.-]*\s+){0,5}(?:Centre|Center|Hall|Church|Library|School|Academy|College|Club|House|Station|Hub|Rooms?|Chapel|Institute|Pavilion|Café|Cafe|Hotel|Stadium|Headquarters|Offices?))\b`)
	reportRE      = regexp.MustCompile(`(?i)\breport (?:to|of|for)\b`)
	placeHintRE   = regexp.MustCompile(`\b(?:in|at|of|from|around)\s+((?:[A-Z][\w'’&-]+)(?:\s+(?:[A-Z][\w'’&-]+|and|&)){0,3})`)
)

// anchor reads the publication date, the period a report covers and the
// named PCC, which dates without a year are resolved against.
func (r *run) anchor() {
	if r.d.Published != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", time.DateOnly} {
			s := r.d.Published
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
	for i, b := range r.d.Blocks {
		all.WriteString(b.Text)
		all.WriteString("\n")
		if r.a.Published.IsZero() {
			if loc := postedRE.FindStringIndex(b.Text); loc != nil && loc[1] > 0 {
				if t, ok := r.fullDate(b.Text[loc[1]:]); ok {
					r.a.Published = t
				}
			} else if i < 20 && (len(b.Text) < 40 || (len(b.Text) < 120 && reportRE.MatchString(b.Text))) {
				// A report's date on a line of its own near the top, or in
				// its title line ("Report to the Police and Crime Panel, 12
				// November 2019").
				if ds := findDates(b.Text); len(ds) == 1 && ds[0].Year != 0 && (len(ds[0].Text)*10 >= len(b.Text)*7 || reportRE.MatchString(b.Text)) {
					if t, ok := r.fullDate(b.Text); ok {
						r.a.Published = t
					}
				}
			}
		}
		if r.a.PeriodStart.IsZero() {
			if from, to, ok := findPeriod(b.Text); ok {
				r.a.PeriodStart, r.a.PeriodEnd = from, to
			}
		}
	}
	r.a.TermWho, r.a.TermFrom, r.a.TermTo = pccTerm(all.String())
	r.res.Published, r.res.PeriodFrom, r.res.PeriodTo = r.a.Published, r.a.PeriodStart, r.a.PeriodEnd
}

func (r *run) fullDate(s string) (time.Time, bool) {
	for _, m := range findDates(s) {
		if m.Year == 0 {
			continue
		}
		if t, _, err := r.a.resolve(m, false); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// meetingCtx is the meeting the paragraphs being read belong to.
type meetingCtx struct {
	ev    *schemas.Event
	date  time.Time
	place *gazetteer.Resolution
	para  int
}

// walk reads the paragraphs in order, tracking the section (future
// meetings or not), the current meeting and table headers.
func (r *run) walk() {
	future := false
	var cur *meetingCtx
	var leadIn *block // a paragraph ending in ":" that introduces a list of concerns
	var header []string
	var prev *block // the paragraph before, when it had a day and no meeting
	for i := range r.d.Blocks {
		b := &r.d.Blocks[i]
		if b.Heading {
			future = futureHeadRE.MatchString(b.Text) && !strings.Contains(strings.ToLower(b.Text), "purpose")
			cur, leadIn, header, prev = nil, nil, nil, nil
			continue
		}
		before := prev
		prev = nil
		if b.Cells != nil {
			if b.Header || (header == nil && looksLikeHeader(b.Cells)) {
				header = b.Cells
				continue
			}
			if header != nil {
				r.row(b, header, future)
				continue
			}
		} else {
			header = nil
		}
		text := b.Text
		if b.Bullet {
			text = bulletRE.ReplaceAllString(text, "")
		}
		if b.Section {
			text = sectionRE.ReplaceAllString(text, "")
		}
		m := r.meeting(b, text, future)
		if m == nil && cur == nil && before != nil && !b.Section && !b.Bullet {
			m = r.meetingDated(b, text, future, before)
		}
		if m != nil {
			cur, leadIn = m, nil
			r.concerns(b, text, cur)
			if strings.HasSuffix(b.Text, ":") {
				leadIn = b
			}
			continue
		}
		if b.Bullet && (cur != nil || leadIn != nil) {
			ctx := ""
			if leadIn != nil {
				ctx = leadIn.Text
			}
			r.bullet(b, text, cur, ctx)
			continue
		}
		leadIn = nil
		// A meeting's story goes on in the paragraphs after it (news items
		// tell the meeting, then what residents raised) until a new section,
		// a heading or a paragraph with a day of its own.
		if cur != nil && (b.Section || len(dayMentions(findDates(b.Text))) > 0) {
			cur = nil
		}
		r.concerns(b, text, cur)
		if strings.HasSuffix(b.Text, ":") && (cur != nil || concernCueRE.MatchString(b.Text)) {
			leadIn = b
		}
		if cur == nil && len(dayMentions(findDates(b.Text))) > 0 {
			prev = b
		}
	}
}

// looksLikeHeader: a first table row naming columns such as "Date" and
// "Meeting" rather than holding data.
func looksLikeHeader(cells []string) bool {
	n := 0
	for _, c := range cells {
		if colKind(c) != "" {
			n++
		}
		if len(findDates(c)) > 0 {
			return false
		}
	}
	return n >= 2
}

// colKind names what a table column holds, from its header.
func colKind(h string) string {
	h = strings.ToLower(h)
	switch {
	case strings.Contains(h, "date") || h == "when" || h == "day":
		return "date"
	case strings.Contains(h, "issue") || strings.Contains(h, "concern") || strings.Contains(h, "raised") || strings.Contains(h, "topic") || strings.Contains(h, "discuss"):
		return "issues"
	case strings.Contains(h, "action") || strings.Contains(h, "outcome") || strings.Contains(h, "response") || strings.Contains(h, "result"):
		return "action"
	case strings.Contains(h, "ward") || strings.Contains(h, "area") || strings.Contains(h, "place") || h == "where" || h == "town":
		return "place"
	case strings.Contains(h, "location") || strings.Contains(h, "venue"):
		return "venue"
	case strings.Contains(h, "meeting") || strings.Contains(h, "event") || strings.Contains(h, "engagement") || strings.Contains(h, "group") || strings.Contains(h, "title"):
		return "meeting"
	case strings.Contains(h, "attend") || strings.Contains(h, "number"):
		return "attendance"
	}
	return ""
}

// row reads one data row of a table whose header names the columns.
func (r *run) row(b *block, header []string, future bool) {
	col := map[string]string{}
	for i, c := range b.Cells {
		if i < len(header) {
			if k := colKind(header[i]); k != "" && col[k] == "" {
				col[k] = c
			}
		}
	}
	dateText := col["date"]
	if dateText == "" {
		dateText = b.Text
	}
	ds := dayMentions(findDates(dateText))
	if len(ds) == 0 {
		if col["issues"] != "" || col["meeting"] != "" {
			r.problem(b, "date", strings.TrimSpace(dateText), "no day in the row's date column")
		}
		return
	}
	date, ok := r.resolveDate(b, ds[0], future || futureRE.MatchString(b.Text))
	if !ok {
		return
	}
	title := col["meeting"]
	if title == "" {
		title = b.Text
	}
	placeText := col["place"]
	if placeText == "" {
		placeText = col["venue"]
	}
	var res *gazetteer.Resolution
	if placeText != "" {
		if got, err := r.x.gaz.Resolve(placeText, date); err == nil {
			res = &got
		} else if ms := r.x.gaz.Find(placeText, date); len(ms) > 0 {
			res = &ms[0].Resolution
		} else {
			r.problem(b, "place", placeText, err.Error())
			return
		}
	} else {
		res = r.placeIn(b, title, date)
		if res == nil {
			return
		}
	}
	attendance, _ := strconv.Atoi(strings.TrimSpace(col["attendance"]))
	location := col["venue"]
	if location == placeText && res.Kind == "lad" {
		location = "" // "Location: Hartlepool" is the place, not a venue
	}
	ev := r.newMeeting(b, date, title, location, attendance, *res, nil)
	mc := &meetingCtx{ev: ev, date: date, place: res, para: b.N}
	if issues := strings.TrimSpace(col["issues"]); issues != "" && !future && !negationRE.MatchString(issues) {
		r.concern(b, mc, issues, col["action"], *res, date)
	}
}

// dayMentions keeps the mentions that name a day (not just a month).
func dayMentions(ds []dateMention) []dateMention {
	var out []dateMention
	for _, d := range ds {
		if d.Day > 0 || d.Rel != "" {
			out = append(out, d)
		}
	}
	return out
}

func (r *run) resolveDate(b *block, m dateMention, future bool) (time.Time, bool) {
	t, _, err := r.a.resolve(m, future)
	if err != nil {
		r.problem(b, "date", m.Text, err.Error())
		return time.Time{}, false
	}
	return t, true
}

// meeting reads a paragraph as a meeting if it names one, says it took (or
// will take) place and gives its day. Concerns in the paragraph and the list
// after it belong to it.
func (r *run) meeting(b *block, text string, future bool) *meetingCtx {
	return r.meetingDated(b, text, future, nil)
}

// entryHead is the head of a list-style entry, "Thornaby Town Council – 5
// June 2018." or "Norton North ward meeting (24th July):": the text up to
// the first colon or full stop, when short.
func entryHead(text string) string {
	end := len(text)
	if i := strings.Index(text, ": "); i >= 0 && i < end {
		end = i
	}
	if i := strings.Index(text, ". "); i >= 0 && i < end {
		end = i
	}
	if end > 100 {
		return ""
	}
	return text[:end]
}

// meetingDated is meeting with, when the paragraph has no day of its own,
// the day of the paragraph before it (news items date the evening in one
// paragraph and say "the meeting" in the next).
func (r *run) meetingDated(b *block, text string, future bool, prev *block) *meetingCtx {
	head := entryHead(text)
	entry := head != "" && meetingNounRE.MatchString(head) && len(dayMentions(findDates(head))) > 0
	if !meetingNounRE.MatchString(text) || !(attendRE.MatchString(text) || startsWithDate(text) || entry) {
		return nil
	}
	ds := dayMentions(findDates(text))
	if len(ds) == 0 && prev != nil {
		ds = dayMentions(findDates(prev.Text))
		if len(ds) != 1 {
			return nil
		}
		// The meeting sentence is this paragraph's, the date the previous one's.
		ds[0].Start = -1
	}
	if len(ds) == 0 {
		return nil
	}
	// The sentence with the date says whether the meeting is to come. A
	// sentence giving the report's period ("meetings attended from 1
	// September to 31 October") is about the report, not a meeting.
	var sent string
	switch {
	case ds[0].Start < 0:
		sent = firstMatchSentence(text, meetingNounRE)
	case entry:
		sent = head
	default:
		sent = sentenceAround(text, ds[0].Start)
	}
	if !meetingNounRE.MatchString(sent) || !(attendRE.MatchString(sent) || startsWithDate(text) || entry) {
		return nil
	}
	if _, _, ok := findPeriod(sent); ok {
		return nil
	}
	if reportRE.MatchString(sent) {
		return nil // the report's own title line, not a meeting
	}
	fut := future || futureRE.MatchString(sent)
	date, ok := r.resolveDate(b, ds[0], fut)
	if !ok {
		return nil
	}
	title := meetingTitle(sent, ds[0])
	res := r.placeIn(b, sent, date)
	if res == nil {
		return nil
	}
	attendance := 0
	if m := attendanceRE.FindStringSubmatch(text); m != nil {
		attendance, _ = strconv.Atoi(m[1] + m[2])
	}
	ev := r.newMeeting(b, date, title, locationIn(sent), attendance, *res, r.themes(beforeColon(sent)))
	return &meetingCtx{ev: ev, date: date, place: res, para: b.N}
}

// meetingTitle is the longest run of capitalised words ending in a meeting
// word ("Safer Hartlepool Partnership Face the Public event"), else the
// sentence without its leading date, bounded.
func meetingTitle(sent string, date dateMention) string {
	best := ""
	for _, m := range titleRE.FindAllString(sent, -1) {
		m = strings.TrimSpace(m)
		for _, w := range []string{"the ", "of ", "and ", "for ", "on ", "& ", "in ", "The "} {
			m = strings.TrimPrefix(m, w)
		}
		if len(m) > len(best) && strings.Contains(m, " ") && len(findDates(m)) == 0 {
			best = m
		}
	}
	if best == "" {
		best = sent
		if i := strings.Index(sent, date.Text); i >= 0 && i < 3 {
			best = sent[i+len(date.Text):]
		}
		best = strings.Trim(best, " –—-:,.")
	}
	return clip(best, 300)
}

// beforeColon is s up to ": ", where an entry's concerns begin.
func beforeColon(s string) string {
	head, _, _ := strings.Cut(s, ": ")
	return head
}

// firstMatchSentence is the first sentence of s that re matches, or s.
func firstMatchSentence(s string, re *regexp.Regexp) string {
	for _, sent := range sentences(s) {
		if re.MatchString(sent) {
			return sent
		}
	}
	return s
}

func locationIn(sent string) string {
	if m := locationRE.FindStringSubmatch(sent); m != nil {
		return clip(m[1], 300)
	}
	return ""
}

func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut]
}

// placeIn resolves where a paragraph happened: a place named in the
// preferred text, else in the paragraph, else the document's one local
// authority when every place it names lies in it. It reports a Problem and
// returns nil when none resolves.
func (r *run) placeIn(b *block, prefer string, at time.Time) *gazetteer.Resolution {
	for _, s := range []string{prefer, b.Text} {
		if ms := r.x.gaz.Find(s, at); len(ms) > 0 {
			best := ms[0]
			for _, m := range ms {
				if m.Kind == "ward" && best.Kind != "ward" {
					best = m
				}
			}
			return &best.Resolution
		}
	}
	if res := r.docPlace(at); res != nil {
		return res
	}
	hint := ""
	reason := "no ward, town or local authority of the Cleveland area is named in the paragraph or the document"
	if m := placeHintRE.FindStringSubmatch(b.Text); m != nil {
		hint = m[1]
		if _, err := r.x.gaz.Resolve(hint, at); err != nil {
			reason = err.Error()
		}
	}
	r.problem(b, "place", hint, reason)
	return nil
}

// docPlace is the document's local authority when every place the
// document names at `at` lies in one, as a news item about one town does;
// the place as written is the first town or authority name.
func (r *run) docPlace(at time.Time) *gazetteer.Resolution {
	key := at.Format(time.DateOnly)
	if res, ok := r.docPlaces[key]; ok {
		return res
	}
	if r.docPlaces == nil {
		r.docPlaces = map[string]*gazetteer.Resolution{}
	}
	res := r.docPlaceUncached(at)
	r.docPlaces[key] = res
	return res
}

func (r *run) docPlaceUncached(at time.Time) *gazetteer.Resolution {
	var lad string
	var first *gazetteer.Resolution
	for _, b := range r.d.Blocks {
		for _, m := range r.x.gaz.Find(b.Text, at) {
			if lad != "" && m.LADCode != lad {
				return nil
			}
			lad = m.LADCode
			if first == nil && m.Kind == "lad" {
				res := m.Resolution
				first = &res
			}
		}
	}
	return first
}

// newMeeting emits a meeting. Its themes are those its name says it
// discusses plus topics (extra) the sentence names ("to discuss information
// sharing"); its concerns add theirs in finish.
func (r *run) newMeeting(b *block, date time.Time, title, location string, attendance int, res gazetteer.Resolution, extra []string) *schemas.Event {
	ev := r.event(b, schemas.TypeMeeting, date, res)
	ev.Meeting = &schemas.Meeting{Kind: meetingKind(title + " " + b.Text), Title: clip(title, 500), Location: clip(location, 500)}
	if attendance > 0 && attendance <= 100000 {
		ev.Meeting.Attendance = attendance
	}
	// A meeting's name says what it discusses ("Rural Crime Forum",
	// "Hate Crime Partnership"), except "Partnership", which is what the
	// body is, not a theme of the meeting.
	for _, th := range r.x.tax.Classify(title).Themes {
		if th != "partnership" {
			ev.Themes = append(ev.Themes, th)
		}
	}
	ev.Themes = sortedUnion(ev.Themes, extra)
	if len(ev.Themes) == 0 {
		ev.Themes = nil
	}
	r.emit(b, ev)
	return ev
}

// meetingKind sorts a meeting into the schema's kinds from its words.
func meetingKind(s string) string {
	l := strings.ToLower(s)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("your force your voice", "community meeting", "residents", "ward meeting", "community council", "tenants", "neighbourhood meeting", "community forum meeting"):
		return schemas.KindCommunityMeeting
	case has("board", "panel", "committee"):
		return schemas.KindBoard
	case has("forum", "assembly", "advisory group", "network"):
		return schemas.KindForum
	case has("event", "launch", "fair", "conference", "ceremony", "awards", "open day", "vigil", "summit", "face the public"):
		return schemas.KindEvent
	case has("partnership", "partner", "agencies", "council", "trust", "service"):
		return schemas.KindPartnerMeeting
	}
	return schemas.KindCommunityMeeting
}

// event starts an event with the fields every extracted event has.
func (r *run) event(b *block, typ string, date time.Time, res gazetteer.Resolution) *schemas.Event {
	ev := &schemas.Event{Type: typ, SchemaVersion: schemas.CurrentVersion, Date: date.Format(time.DateOnly),
		Source: &schemas.Source{Document: clip(r.res.Document, 2000), Paragraph: b.N},
		Place:  clip(res.Text, 500), LADCode: res.LADCode, WardCode: res.WardCode}
	return ev
}

// concerns finds concern sentences in a paragraph: a concern cue and a
// theme, not negated and not the PCC's plans.
func (r *run) concerns(b *block, text string, cur *meetingCtx) {
	sents := sentences(text)
	for i, s := range sents {
		cue := concernCueRE.MatchString(s)
		if !cue && cur != nil {
			cue = topicCueRE.MatchString(s) // "Issues discussed: speeding, litter"
		}
		if !cue || negationRE.MatchString(s) || planRE.MatchString(s) {
			continue
		}
		// "Norton North ward meeting (24th July): residents raised ..." -
		// the concern is what follows the entry's head.
		if head, rest, ok := strings.Cut(s, ": "); ok && (meetingNounRE.MatchString(head) || len(findDates(head)) > 0) && concernCueRE.MatchString(rest) {
			s = rest
		}
		if len(r.themes(s)) == 0 {
			continue
		}
		if cur != nil && futureRE.MatchString(s) && cur.ev.Date > r.a.PeriodEnd.Format(time.DateOnly) && !r.a.PeriodEnd.IsZero() {
			continue // a future meeting has no concerns yet
		}
		action := ""
		if i+1 < len(sents) && actionRE.MatchString(sents[i+1]) && !concernCueRE.MatchString(sents[i+1]) {
			action = sents[i+1]
		}
		r.standalone(b, cur, s, action, "")
	}
}

// bullet reads a list item under a meeting or a lead-in such as "Residents
// raised the following concerns:" as a concern when it has a theme.
func (r *run) bullet(b *block, text string, cur *meetingCtx, leadIn string) {
	if negationRE.MatchString(text) || len(r.themes(text)) == 0 {
		return
	}
	r.standalone(b, cur, text, "", leadIn)
}

// standalone emits a concern found in running text: its date is its
// meeting's, else one written in the sentence or paragraph; its place is
// one named in the sentence, else the meeting's, else the paragraph's.
//
// Outside a meeting the day must be in the concern's own sentence (or the
// lead-in of its list): "Police seized drugs on 3 May. Residents had
// complained about dealing." does not say residents complained on 3 May.
func (r *run) standalone(b *block, cur *meetingCtx, text, action, leadIn string) {
	var date time.Time
	switch {
	case cur != nil:
		date = cur.date
	default:
		ds := dayMentions(findDates(text))
		if len(ds) == 0 && leadIn != "" {
			ds = dayMentions(findDates(leadIn))
		}
		if len(ds) == 0 {
			r.problem(b, "date", clip(text, 120), "a concern with no day in its sentence or a meeting to take it from: not emitted")
			return
		}
		var ok bool
		if date, ok = r.resolveDate(b, ds[0], false); !ok {
			return
		}
	}
	// Where the concern counts: a ward named in it, else its meeting's
	// place (a concern about "the Eston Hills" raised at the Grangetown
	// meeting stays in Grangetown), else a town named in it, else the
	// paragraph's or the document's place.
	var res gazetteer.Resolution
	ms := r.x.gaz.Find(text, date)
	ward := -1
	for i, m := range ms {
		if m.Kind == "ward" {
			ward = i
			break
		}
	}
	switch {
	case ward >= 0:
		res = ms[ward].Resolution
	case cur != nil:
		res = *cur.place
	case len(ms) > 0:
		res = ms[0].Resolution
	case leadIn != "" && len(r.x.gaz.Find(leadIn, date)) > 0:
		res = r.x.gaz.Find(leadIn, date)[0].Resolution // "residents in Hemlington raised the following concerns:"
	default:
		p := r.placeIn(b, text, date)
		if p == nil {
			return
		}
		res = *p
	}
	r.concern(b, cur, text, action, res, date)
}

func (r *run) concern(b *block, cur *meetingCtx, text, action string, res gazetteer.Resolution, date time.Time) {
	ev := r.event(b, schemas.TypeConcern, date, res)
	cls := r.x.tax.Classify(text)
	ev.Themes = cls.Themes
	if len(cls.Themes) == 0 {
		r.problem(b, "theme", clip(text, 120), "no theme of the taxonomy matches: emitted without themes")
	}
	ev.Concern = &schemas.Concern{Text: clip(text, 20000), Action: clip(strings.TrimSpace(action), 20000)}
	if cur != nil {
		ev.Concern.MeetingID = cur.ev.EventID
	}
	r.emit(b, ev)
}

// themes are the themes of text that decide whether it is a concern: a
// phrase inside a proper name ("Safer Hartlepool Partnership", "Rural Crime
// Forum") names an organisation, not a concern, so a match that is
// capitalised and follows a capitalised word does not count.
func (r *run) themes(text string) []string {
	var out []string
	for _, m := range r.x.tax.Classify(text).Matches {
		if inName(text, m.Start) {
			continue
		}
		out = sortedUnion(out, []string{m.Theme})
	}
	return out
}

func inName(text string, start int) bool {
	if start >= len(text) || !(text[start] >= 'A' && text[start] <= 'Z') {
		return false
	}
	prev := strings.TrimRight(text[:start], " ")
	if prev == "" || len(prev) == start {
		return false
	}
	i := strings.LastIndexAny(prev, " (\"“'‘") + 1
	w := prev[i:]
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, ":")
}

func sortedUnion(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// emit gives the event its deterministic id and keeps a copy; later
// changes to ev are not seen (finish derives meeting themes from concerns).
func (r *run) emit(b *block, ev *schemas.Event) {
	if r.perPara == nil {
		r.perPara = map[int]int{}
	}
	idx := r.perPara[b.N]
	r.perPara[b.N]++
	ev.EventID = uuid.NewSHA1(r.x.ns, fmt.Appendf(nil, "%s/%d/%d", r.hash, b.N, idx)).String()
	r.res.Events = append(r.res.Events, *ev)
}

// finish validates every event against the schema (dropping and reporting
// any that fail, and concerns of a dropped meeting lose their meeting id)
// and counts.
func (r *run) finish() {
	// A meeting carries the themes discussed there: its title's and its
	// concerns'.
	themes := map[string][]string{}
	for _, e := range r.res.Events {
		if e.Type == schemas.TypeConcern && e.Concern.MeetingID != "" {
			themes[e.Concern.MeetingID] = sortedUnion(themes[e.Concern.MeetingID], e.Themes)
		}
	}
	var kept []schemas.Event
	for _, e := range r.res.Events {
		if e.Type == schemas.TypeMeeting {
			e.Themes = sortedUnion(e.Themes, themes[e.EventID])
			if len(e.Themes) == 0 {
				e.Themes = nil
			}
		}
		raw, err := e.Marshal()
		if err == nil {
			_, err = r.x.val.Decode(raw)
		}
		if err != nil {
			r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "event", Text: e.Type, Reason: "not valid against event.v1.json: " + err.Error()})
			continue
		}
		switch e.Type {
		case schemas.TypeMeeting:
			r.res.Meetings++
		case schemas.TypeConcern:
			r.res.Concerns++
		}
		kept = append(kept, e)
	}
	r.res.Events = kept
}

func (r *run) problem(b *block, what, text, reason string) {
	r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: b.N, What: what, Text: text, Reason: reason})
}

// sentences splits a paragraph at ". ", "! ", "? " before a capital, a
// digit or a quote, except after common abbreviations (Mr., St., Cllr.).
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s)-2; i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if s[i+1] != ' ' {
			continue
		}
		n := s[i+2]
		if !(n >= 'A' && n <= 'Z') && !(n >= '0' && n <= '9') && n != '"' && n != 0xE2 && n != '\'' {
			continue
		}
		word := s[strings.LastIndexAny(s[:i], " (")+1 : i]
		switch strings.ToLower(word) {
		case "mr", "mrs", "ms", "dr", "st", "cllr", "no", "insp", "sgt", "pc", "supt", "ch", "det", "rev", "prof", "etc":
			continue
		}
		if len(word) == 1 {
			continue // an initial
		}
		out = append(out, strings.TrimSpace(s[start:i+1]))
		start = i + 2
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// sentenceAround returns the sentence of s containing byte offset at.
func sentenceAround(s string, at int) string {
	pos := 0
	for _, sent := range sentences(s) {
		i := strings.Index(s[pos:], sent)
		if i < 0 {
			continue
		}
		if at >= pos+i && at < pos+i+len(sent) {
			return sent
		}
		pos += i + len(sent)
	}
	return s
}
