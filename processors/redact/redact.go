// Package redact masks personal data in the free text that enters the
// pipeline (concern text and action, meeting title and location, place,
// dead-letter reasons) before it is stored in ClickHouse or printed:
// analytics needs none of it, and staff and residents write it anyway.
//
// It recognises UK forms: phone numbers (mobiles, landlines, +44 and 0044,
// spaced, dotted, dashed, split, bracketed; a six- to eight-digit local
// number after "tel", "ring", "call"...), e-mail addresses (also with a
// full-width at sign and spelt out, "jane dot doe at example dot com"),
// postcodes (full units and partial ones of two-letter areas), vehicle
// registrations (current, prefix, suffix and dateless; lower case, spaced,
// hyphenated), National Insurance numbers, dates of birth after "DOB",
// "date of birth" or "born", house-number + street addresses, and names
// after a title (Mr, Mrs, Ms, Miss, Mx, Dr) or after "resident", "called",
// "named", "neighbour"... unless every word of the name is a known place or
// theme word. What it does not catch is listed in docs/redaction.md.
package redact

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Redactor masks personal data. It is immutable after New and safe for
// concurrent use.
type Redactor struct {
	keep map[string]struct{} // lower-case words that are never a name after "resident", "called"...
}

// New returns a Redactor that never takes a run of capitalised words made
// only of the words of keep (ward and place names, theme phrases) for a
// name after "resident", "called" and the like; a name after a title is
// masked whatever its words. Words common in the names of organisations
// (Police, Council, Crimestoppers...) are always kept.
func New(keep []string) *Redactor {
	r := &Redactor{keep: map[string]struct{}{}}
	for _, s := range append(keep, orgWords...) {
		for _, w := range strings.FieldsFunc(s, func(c rune) bool { return !isWordRune(c) }) {
			a, b := keyWords(w)
			r.keep[a], r.keep[b] = struct{}{}, struct{}{}
		}
	}
	return r
}

// orgWords are words of the organisations, places and programmes residents
// name after "called" or "contacted": never taken for a person's name.
var orgWords = []string{
	"Police", "Cleveland", "Teesside", "Tees Valley", "Council", "Crimestoppers", "Community", "Centre", "Center",
	"Station", "School", "Academy", "College", "Church", "Hall", "Club", "Team", "Partnership", "Operation", "Watch",
	"Neighbourhood", "Neighborhood", "PCSO", "PCSOs", "PCC", "Commissioner", "Fire", "Brigade", "Service", "Services",
	"NHS", "Trust", "Housing", "Ward", "Street", "Road", "Lane", "Park", "Court", "Office", "Panel", "Forum", "Board",
	"Assembly", "Youth", "Safer", "Streets", "Environment", "Agency", "RSPCA", "Highways", "England", "Northumbria",
	"Durham", "Hartlepool", "Middlesbrough", "Stockton", "Redcar", "Thirteen", "Beat", "Victim", "Care", "Network",
}

// rule is one pattern and its mask. can is a necessary condition for a
// match on the text's counts: the regexps are most of the cost and most
// texts cannot match most of them. Masks only ever remove digits, capitals
// and the characters counted, never add them, so counts taken before any
// replacement stay necessary after (TestCountsNeverSkipAMatch, FuzzCounts).
type rule struct {
	name string
	re   *regexp.Regexp
	mask string
	can  func(c counts) bool
	// group, when not 0, is the submatch replaced; the rest of the match
	// stays (the "tel:" before a local number).
	group int
	// trim, when set, narrows a match (a phone number's opening bracket
	// that the number never closes stays in the text).
	trim func(m string) (skipStart int)
	// skip, when set, keeps a match that is not personal data after all
	// (an ordinal taken for a postcode's inward code, a word for a plate's
	// letters).
	skip func(text string, start, end int) bool
}

const (
	sep       = `[ .\-]?`                           // between the digits of a phone number
	dotWord   = `(?:\s+dot\s+|\s*[(\[]dot[)\]]\s*)` // "jane dot doe", "jane (dot) doe"
	atWord    = `(?:\s+at\s+|\s*[(\[]at[)\]]\s*)`   // "jane at example", "jane[at]example"
	monthName = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
)

// The rules in the order they run. Order matters: e-mail first (its local
// part may hold digits and capitals), dates of birth before phone numbers
// (a date's digits), phone before National Insurance numbers and local
// numbers (neither can take a phone number's leading 0 and nine digits,
// and once it is masked their regexps need not run), phone before
// address (a phone number is not a house number), address before postcode
// and registration ("12 High Street, TS6 7AB" gives "[address],
// [postcode]"), postcode before registration (a postcode is not a plate).
var rules = []rule{
	{name: "email", mask: "[email]", can: func(c counts) bool { return c.at },
		re: regexp.MustCompile(`[A-Za-z0-9._%+\-]+\s*(?:@|＠)\s*[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)},
	{name: "spelt email", mask: "[email]", can: func(c counts) bool { return c.atWord && (c.dotWord || c.periodLetter) },
		re: regexp.MustCompile(`(?i)\b[a-z0-9_%+\-]+(?:(?:\.|` + dotWord + `)[a-z0-9_%+\-]+)*` + atWord +
			`[a-z0-9\-]+(?:(?:\.|` + dotWord + `)[a-z0-9\-]+)*(?:\.|` + dotWord + `)[a-z]{2,}\b`)},
	// DOB 01/02/1980, D.O.B. 1.2.80, date of birth 01-02-1980, born 1 Feb
	// 1980, born on 1st February 1980, born February 1, 1980, born in 1980.
	{name: "dob", mask: "[dob]", can: func(c counts) bool { return c.dobWord && c.digits >= 2 },
		re: regexp.MustCompile(`(?i)\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born)(?:\s+on)?[\s:]*(?:` +
			`\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|` +
			`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthName + `,?\s+(?:\d{4}|\d{2})|` +
			monthName + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}|\d{2})|` +
			`(?:in\s+)?(?:19|20)\d{2})\b`)},
	// 07700 900456, 07700.900.456, 0 7 7 0 0 9 0 0 4 5 6, +44 (0)1642
	// 301653, 0044 7700 900456, (01642) 301653, 0800 123 4567: 9 to 11
	// digits from the 0, or 9 or 10 after 44.
	{name: "phone", mask: "[phone]", can: func(c counts) bool { return c.span >= 9 }, trim: unclosedBracket, skip: inUUID,
		re: regexp.MustCompile(`(?:(?:\+|\b00)\s?44\s?(?:\(0\)\s?)?|\(?\b0)(?:` + sep + `\)?` + sep + `\d){8,10}`)},
	// QQ 12 34 56 C, qq123456c, QQ-12-34-56-C.
	{name: "nino", mask: "[nino]", can: func(c counts) bool { return c.span >= 6 },
		re: regexp.MustCompile(`(?i)\b[a-z]{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[a-d]\b`)},
	// A local number named as a phone number: "tel: 301653", "call him on 496 0123".
	{name: "local phone", mask: "[phone]", can: func(c counts) bool { return c.span >= 6 }, group: 1,
		re: regexp.MustCompile(`(?i)\b(?:tel(?:ephone)?|phone|mob(?:ile)?|ring|call(?:ed)?|contact|number|no)\b[^0-9\n]{0,12}?\b(\d{3}[ .\-]?\d{3,4}|\d{6,8})\b`)},
	// 12 High Street, 3a Church Lane, 14, Avenue Road.
	{name: "address", mask: "[address]", can: func(c counts) bool { return c.numCap },
		re: regexp.MustCompile(`\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Terrace|Way|Grove|Court|Ct|Place|Gardens|Walk|View|Square|Parade|Row|Mews|Green|Hill|Bank|Park)\b\.?`)},
	// TS6 7AB, ts1 2ab, TS67AB, SW1A 1AA (the inward letters are never C,
	// I, K, M, O or V); "the A66 2nd junction" is not one.
	{name: "postcode", mask: "[postcode]", can: func(c counts) bool { return c.dl }, skip: ordinalInward,
		re: regexp.MustCompile(`(?i)\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b`)},
	// Partial units of two-letter areas: TS6 7A, TS6 7 (one-letter areas
	// are left: "the A19 2 miles on").
	{name: "partial postcode", mask: "[postcode]", can: func(c counts) bool { return c.asd },
		re: regexp.MustCompile(`\b(?:[A-Z]{2}\d[A-Z\d]? \d[A-Z]?|[a-z]{2}\d[a-z\d]? \d[a-z]?)\b`)},
	// Current (2001 on): AB12 CDE, AB12CDE, AB12-CDE, AB 12 CDE, ab12 cde.
	// ("RAT RUN AT 30 MPH" in capitals is a speed, not a plate: speedAfter.)
	{name: "current vrm", mask: "[vrm]", can: func(c counts) bool { return c.dl || c.dsU || c.dsl || c.dHl }, skip: speedAfter,
		re: regexp.MustCompile(`\b(?:[A-Z]{2}\d{2}[ \-]?[A-Z]{3}|[A-Z]{2} \d{2} [A-Z]{3}|[a-z]{2}\d{2}[ \-]?[a-z]{3})\b`)},
	// Prefix (1983-2001): A123 BCD, a123bcd, a123-bcd; suffix (1963-1983):
	// ABC 123D, abc123d, ABC-123D. Lower case only without a space: "the
	// a19 and a66" is not a plate.
	{name: "prefix/suffix vrm", mask: "[vrm]", can: func(c counts) bool { return c.dl || c.dsU || c.dHl }, skip: wordLetters,
		re: regexp.MustCompile(`\b(?:[A-Z]\d{1,3}[ \-]?[A-Z]{3}|[a-z]\d{1,3}-?[a-z]{3}|[A-Z]{3}[ \-]?\d{1,3}[A-Z]|[a-z]{3}-?\d{1,3}[a-z])\b`)},
	// Dateless: ABC 123, AB 1234, 1234 AB, 123 ABC; capitals and a space or
	// hyphen only, two or three letters ("A66" is a road, "WW2" a war).
	{name: "dateless vrm", mask: "[vrm]", can: func(c counts) bool { return (c.dsU || c.Usd) && c.upper >= 2 }, skip: wordLetters,
		re: regexp.MustCompile(`\b(?:[A-Z]{2,3}[ \-]\d{1,4}|\d{1,4}[ \-][A-Z]{2,3})\b`)},
}

// inUUID reports whether a phone-shaped match is a group of a UUID
// ("6f1c7a3e-0000-4000-8000-000000000102", as dead-letter reasons quote
// event ids): it follows a hex digit and a hyphen.
func inUUID(text string, start, _ int) bool {
	if start < 2 || text[start-1] != '-' {
		return false
	}
	c := text[start-2] | 0x20
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
}

// unclosedBracket keeps the "(" before "(07700 900123)": the number's own
// brackets are "(01642) 301653".
func unclosedBracket(m string) int {
	if strings.HasPrefix(m, "(") && !strings.Contains(m, ")") {
		return 1
	}
	return 0
}

// ordinalInward reports whether a postcode match ends in an ordinal ("A66
// 2nd"): a lower-case inward code that reads 1st, 2nd, 3rd or 4th...
func ordinalInward(text string, start, end int) bool {
	in := text[end-3 : end]
	switch in[1:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// notPlateLetters are capitals that follow or precede numbers in prose: a
// road number's "A66 AND", a time's "6 PM", a month's "5 MAY", acronyms of
// the field ("ASB 2019").
var notPlateLetters = map[string]bool{
	"AND": true, "THE": true, "FOR": true, "NOT": true, "BUT": true, "WAS": true, "ARE": true, "ALL": true, "OFF": true,
	"AM": true, "PM": true, "ON": true, "IN": true, "AT": true, "TO": true, "OF": true, "OR": true, "BY": true, "UP": true,
	"NO": true, "AN": true, "IS": true, "IT": true, "AS": true, "BE": true, "WE": true, "MY": true, "SO": true,
	"ASB": true, "CSE": true, "PCC": true, "CSW": true, "NHS": true, "RTC": true, "UK": true, "EU": true, "GP": true,
	"MP": true, "MPS": true, "HMO": true, "CCTV": true, "PCSO": true, "ANPR": true, "KM": true, "MPH": true, "YRS": true,
	"JAN": true, "FEB": true, "MAR": true, "APR": true, "MAY": true, "JUN": true, "JUL": true, "AUG": true, "SEP": true,
	"OCT": true, "NOV": true, "DEC": true, "MON": true, "TUE": true, "WED": true, "THU": true, "FRI": true, "SAT": true,
	"SUN": true,
}

// wordLetters reports whether a plate-shaped match's letters are a word
// or acronym of prose.
// speedAfter reports whether a plate-shaped match ends in a unit of speed
// ("AT 30 MPH", "AT 50 KPH"): two letters of a word, a speed and its unit.
func speedAfter(text string, start, end int) bool {
	m := strings.ToUpper(text[start:end])
	return strings.HasSuffix(m, "MPH") || strings.HasSuffix(m, "KPH")
}

func wordLetters(text string, start, end int) bool {
	m := text[start:end]
	var letters []byte
	for i := 0; i < len(m); i++ {
		if c := m[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			letters = append(letters, c&^0x20)
		} else if len(letters) > 0 {
			if notPlateLetters[string(letters)] {
				return true
			}
			letters = letters[:0]
		}
	}
	return notPlateLetters[string(letters)]
}

// counts are what one pass over the text finds, for the rules' can: each
// is a shape some part of a match must have, so a text without it cannot
// match and the rule's regexp is not run (they cost about 100 ns a byte).
type counts struct {
	digits, upper int
	// span is the longest run of digits with at most maxGap of " .-()"
	// and spaces between each two ("+44 (0)1642 301653" is 13).
	span         int
	at           bool // '@' or the full-width '＠'
	atWord       bool // "at" as a word, or "(at)", "[at]"
	dotWord      bool // "dot" as a word
	periodLetter bool // a '.' between a word character and a letter ("example.com")
	dobWord      bool // "dob", "d.o.b", "birth" or "born" starting a word
	dl           bool // a digit, then a letter ("7AB", "123D", "ab12cde")
	dsU          bool // a digit, a space or hyphen, a capital ("12 CDE", "1234 AB", "12 High")
	dsl          bool // two small letters, two digits, a space, a small letter ("ab12 cde")
	dHl          bool // a digit, a hyphen, a small letter ("a123-bcd")
	asd          bool // a letter or digit, a space, a digit ("TS6 7", "TS6A 7")
	Usd          bool // a capital, a space or hyphen, a digit ("ABC 123")
	numCap       bool // a digit, maybe a letter and a comma, spaces, a capital ("3a Church", "14, Avenue")
	nonASCII     bool // a byte of a multi-byte character (a capital "É")
}

// maxGap is the most characters the phone rule allows between two digits:
// a separator, a closing bracket, a separator.
const maxGap = 3

func count(text string) counts {
	var c counts
	run, gap := 0, maxGap+1
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b >= 'a' && b <= 'z' { // most of any text: the fast way through
			gap = maxGap + 1
			if (b == 'a' || b == 'b' || b == 'd') && (i == 0 || !isWordByte(text[i-1])) {
				c.wordStart(text, i)
			}
			continue
		}
		switch {
		case b >= '0' && b <= '9':
			c.digits++
			if gap <= maxGap {
				run++
			} else {
				run = 1
			}
			gap = 0
			c.span = max(c.span, run)
			c.digitShapes(text, i)
			continue
		case b == '.' || b == '-' || b == '(' || b == ')' || isSpace(b):
			gap++
		default:
			gap = maxGap + 1
		}
		if b >= utf8.RuneSelf {
			c.nonASCII = true
		}
		switch {
		case b >= 'A' && b <= 'Z':
			c.upper++
			if n := byteAt(text, i+1); (n == ' ' || n == '-') && isDigit(byteAt(text, i+2)) {
				c.Usd = true
			}
			if b == 'A' || b == 'B' || b == 'D' {
				c.wordStart(text, i)
			}
		case b == '@':
			c.at = true
		case b == '.':
			if i > 0 && isWordByte(text[i-1]) && isLetter(byteAt(text, i+1)) {
				c.periodLetter = true
			}
		case b == 0xEF && strings.HasPrefix(text[i:], "＠"):
			c.at = true
		}
	}
	return c
}

// digitShapes sets the shapes that start at the digit text[i].
func (c *counts) digitShapes(text string, i int) {
	at := func(i int) byte { return byteAt(text, i) }
	n, n2 := at(i+1), at(i+2)
	switch {
	case isLetter(n):
		c.dl = true
	case n == ' ' || n == '-':
		switch {
		case n2 >= 'A' && n2 <= 'Z':
			c.dsU = true
		case n2 >= 'a' && n2 <= 'z' && n == ' ':
			// Only after two small letters and a digit: the spaced
			// plate "ab12 cde", not "the A174 near".
			c.dsl = c.dsl || i >= 3 && isDigit(text[i-1]) && isLower(text[i-2]) && isLower(text[i-3])
		case n2 >= 'a' && n2 <= 'z':
			c.dHl = true
		}
	}
	if i >= 2 && text[i-1] == ' ' && (isDigit(text[i-2]) || isLetter(text[i-2])) {
		c.asd = true
	}
	j := i + 1
	if isLetter(at(j)) {
		j++
	}
	if at(j) == ',' {
		j++
	}
	if isSpace(at(j)) {
		for isSpace(at(j)) {
			j++
		}
		if b := at(j); b >= 'A' && b <= 'Z' {
			c.numCap = true
		}
	}
}

// wordStart sets the word flags when a word starts at text[i].
func (c *counts) wordStart(text string, i int) {
	if i > 0 && isWordByte(text[i-1]) {
		return
	}
	switch text[i] | 0x20 {
	case 'a':
		if wordAt(text, i, "at") {
			c.atWord = true
		}
	case 'd':
		if wordAt(text, i, "dot") {
			c.dotWord = true
		} else if strings.HasPrefix(strings.ToLower(text[i:min(len(text), i+5)]), "d.o.b") || wordAt(text, i, "dob") {
			c.dobWord = true
		}
	case 'b':
		if len(text) >= i+4 && (strings.EqualFold(text[i:i+4], "born") || len(text) >= i+5 && strings.EqualFold(text[i:i+5], "birth")) {
			c.dobWord = true
		}
	}
}

// byteAt is text[i], or 0 past its end.
func byteAt(text string, i int) byte {
	if i < len(text) {
		return text[i]
	}
	return 0
}

// isSpace is the regexps' \s.
func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' }

func isLower(b byte) bool { return b >= 'a' && b <= 'z' }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// wordAt reports whether text holds the word w (any case) at i, ending there.
func wordAt(text string, i int, w string) bool {
	end := i + len(w)
	return end <= len(text) && strings.EqualFold(text[i:end], w) && (end == len(text) || !isWordByte(text[end]))
}

func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_'
}

// Redact returns text with the personal data it recognises masked:
// [phone], [email], [nino], [dob], [address], [postcode], [vrm], [name].
func (r *Redactor) Redact(text string) string {
	c := count(text)
	for i := range rules {
		if rules[i].can(c) {
			if masked := rules[i].apply(text); masked != text {
				// The masks took away shapes: the rules after this one
				// are judged on what is left ("01642 301653", once
				// [phone], is no longer a local number or a NINO).
				text, c = masked, count(masked)
			}
		}
	}
	if c.upper == 0 && !c.nonASCII {
		return text // a name needs a capital
	}
	return r.names(text)
}

func (ru *rule) apply(text string) string {
	if ru.group == 0 && ru.skip == nil && ru.trim == nil {
		return ru.re.ReplaceAllLiteralString(text, ru.mask)
	}
	ms := ru.re.FindAllStringSubmatchIndex(text, -1)
	if ms == nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		start, end := m[2*ru.group], m[2*ru.group+1]
		if ru.skip != nil && ru.skip(text, start, end) {
			continue
		}
		if ru.trim != nil {
			start += ru.trim(text[start:end])
		}
		b.WriteString(text[last:start])
		b.WriteString(ru.mask)
		last = end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isWordRune(c rune) bool {
	return c == '\'' || c == '’' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= utf8.RuneSelf
}

// keyWords are the two forms of a word the keep set holds and is looked up
// by: lower case without its apostrophes ("st germains", as the gazetteer
// normalises names) and without a possessive "'s" ("germain").
func keyWords(w string) (string, string) {
	w = strings.ToLower(w)
	bare := strings.NewReplacer("'", "", "’", "").Replace(w)
	for _, s := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, s)
	}
	return bare, w
}

// kept reports whether every hyphenated part of w is a keep word.
func (r *Redactor) kept(w string) bool {
	for _, part := range strings.Split(w, "-") {
		a, b := keyWords(part)
		_, okA := r.keep[a]
		_, okB := r.keep[b]
		if !okA && !okB {
			return false
		}
	}
	return true
}
