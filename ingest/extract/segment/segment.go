// Package segment is the second stage of ingest/extract: it splits the
// normalised text of a document into blocks (paragraphs, headings, list
// items, numbered report paragraphs, table rows), the units that events
// point back to (source.paragraph is a block's number).
package segment

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
)

// Block is one paragraph of a document.
type Block struct {
	N       int      // 1-based number in the document
	Text    string   // whitespace-collapsed text, list marks and numbers kept
	Heading bool     // a heading: it names the section that follows
	Bullet  bool     // a list item ("•", "-", "1.", "(a)")
	Section bool     // a numbered report paragraph ("3.1"): starts afresh
	Cells   []string // table row cells, when the block is a table row
	Header  bool     // a table header row
}

var (
	// BulletRE is a list item's mark. A social media post numbers its
	// list with keycap emoji ("1️⃣ Vans speeding past the school" over
	// "2️⃣ Litter by the shops"): a digit, an emoji selector and the keycap,
	// the emoji form of "1.".
	BulletRE = regexp.MustCompile(`^\s*(?:[•●▪◦·*\-–→►➤✅✔]\x{FE0F}?|➡\x{FE0F}?|[0-9]\x{FE0F}?\x{20E3}|\x{1F51F}|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\((?:ii|iii|iv|vi|vii|viii|ix)\))\s+`)
	// SectionRE is a numbered report paragraph's number ("4.3", "2.1.1").
	SectionRE  = regexp.MustCompile(`^\s*[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?\.?\s+`)
	numberedRE = regexp.MustCompile(`^\s*[0-9]{1,2}\.(?:0)?\s+`)
	mdHeadRE   = regexp.MustCompile(`^\s{0,3}#{1,6}\s+`)
	mdLinkRE   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphRE   = regexp.MustCompile(`(\*\*|__|\*|` + "`" + `)`)
	// textRuleRE: a line drawn with one mark over and over ("=====",
	// "-----", "* * *"): a plain-text masthead's box or a heading's
	// underline, no words of the paragraph beside it.
	textRuleRE = regexp.MustCompile(`^(?:={3,}|-{3,}|_{3,}|~{3,}|\*{3,}|(?:\*\s){2,}\*)$`)
	mdRuleRE   = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	dateLineRE = regexp.MustCompile(`(?i)^\s*(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[a-z]+|[a-z]+\s+[0-9]{1,2})`)
)

// Segment splits canonical text into blocks: blank lines separate them, and
// so does a line that starts a list item, a numbered section ("4.2") or a
// date, because reports put each meeting on such a line; other lines of a
// block are joined, which undoes hard wrapping.
func Segment(s string) []Block {
	var out []Block
	var cur []string
	curBullet, curSection := false, false
	add := func(b Block) {
		b.Text = collapse(b.Text)
		if b.Text == "" || !hasWord(b.Text) {
			return
		}
		if !b.Heading && !b.Bullet && b.Cells == nil && (isHeadingLike(SectionRE.ReplaceAllString(b.Text, "")) || upperLine(b.Text)) {
			b.Heading = true
		}
		if b.Bullet && numberedRE.MatchString(b.Text) {
			// "5. FUTURE ENGAGEMENT", "6. Date of next meeting": a
			// numbered line that reads as a title heads a section.
			if t := numberedRE.ReplaceAllString(b.Text, ""); isHeadingLike(t) && !strings.ContainsAny(t, ",;") {
				b.Heading, b.Bullet = true, false
			}
		}
		b.N = len(out) + 1
		out = append(out, b)
	}
	curDefn := false // cur is a definition of a Markdown definition list
	markAt := 0      // where the current list item's mark stands, when indented
	firstAt := 0     // the indent of the current block's first line
	flush := func() {
		if len(cur) > 0 {
			add(Block{Text: strings.Join(cur, " "), Bullet: curBullet, Section: curSection})
		}
		cur, curBullet, curSection, curDefn = nil, false, false, false
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for li, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
			continue
		}
		if textRuleRE.MatchString(trimmed) {
			// A rule ends the block above. Under one short line it
			// underlines that line, a heading ("From the chair" over
			// "--------------"), as Markdown's setext heading is.
			if len(cur) == 1 && !curBullet && !curSection && isHeadingLike(cur[0]) {
				add(Block{Text: cur[0], Heading: true})
				cur = nil
			}
			flush()
			continue
		}
		if hangingHead(lines, li, len(cur) == 0) {
			// "Burglary and theft" at the margin over "   Grangetown
			// (break-ins at garages) and Marton West (...)" indented under
			// it: a report's issues grouped by subject, each subject a
			// short line the text under it hangs from, is a heading over
			// that text, not its first words.
			flush()
			add(Block{Text: clean(trimmed), Heading: true})
			continue
		}
		if strings.HasPrefix(trimmed, "|") {
			flush()
			if mdRuleRE.MatchString(trimmed) {
				if n := len(out); n > 0 && out[n-1].Cells != nil {
					out[n-1].Header = true // the row above was the header
				}
				continue
			}
			cells := splitCells(trimmed)
			add(Block{Text: strings.Join(cells, " | "), Cells: cells})
			continue
		}
		if mdHeadRE.MatchString(trimmed) {
			flush()
			add(Block{Text: clean(mdHeadRE.ReplaceAllString(trimmed, "")), Heading: true})
			continue
		}
		if strings.HasPrefix(trimmed, ": ") {
			// A Markdown definition list ("**Marton East**" over ": *You
			// said:* ..." and ": *We did:* ..."): the term on its line is
			// a heading over its definitions, each a block of its own.
			if len(cur) == 1 && len(cur[0]) <= 80 && !curBullet && !curSection && !curDefn {
				add(Block{Text: cur[0], Heading: true})
				cur = nil
			}
			flush()
			trimmed = strings.TrimSpace(trimmed[2:])
			curDefn = true // (a definition after it is no term)
		}
		if strings.HasPrefix(trimmed, "* ") || strings.HasPrefix(trimmed, "+ ") {
			// A Markdown list item written with "*" or "+": its marker is
			// a bullet, not emphasis for clean to drop.
			trimmed = "- " + strings.TrimSpace(trimmed[2:])
		}
		at := len(line) - len(strings.TrimLeft(line, " "))
		trimmed = clean(trimmed)
		if len(cur) > 0 && curBullet && markAt > 0 && at <= markAt && !BulletRE.MatchString(trimmed) {
			// "   - cars racing along Redcar Road West ... Asked" / "     for
			// speed checks." / "   PCSO to pass both to the Sgt.": a line
			// back at the indented mark, with none of its own, is the
			// paragraph after the list, not more of its last item
			flush()
		}
		if len(cur) > 0 && (upperLine(trimmed) != upperLine(cur[len(cur)-1]) || postedLineRE.MatchString(trimmed)) {
			// A title in capitals ("HEMLINGTON NEIGHBOURHOOD POLICING
			// TEAM", "YOU SAID - WE DID") is not the first line of the
			// paragraph under it, nor is a "Posted 3 September 2020" line
			// the last of the one above.
			flush()
		}
		if BulletRE.MatchString(trimmed) || SectionRE.MatchString(trimmed) || (len(cur) > 0 && !continues(cur[len(cur)-1]) && dateLineRE.MatchString(trimmed) && dates.StartsWithDate(trimmed)) {
			flush()
			curBullet, curSection = BulletRE.MatchString(trimmed), SectionRE.MatchString(trimmed)
			markAt = at
		}
		if len(cur) == 1 && !curBullet && !curSection && at > firstAt && datedHead(cur[0]) && startsUpper(trimmed) {
			// "14/03/22  Northfield Residents' Meeting, Redcar" over
			// "          Cars racing along the back lane at night.": a
			// dated entry's head (its day, then a name and place in
			// title case) on a line of its own, what was raised there
			// indented under it, is the entry "head: text".
			cur[0] += ":"
		}
		if len(cur) == 0 {
			firstAt = at
		}
		cur = append(cur, trimmed)
	}
	flush()
	return mergeStrayDateCells(out)
}

// hangingHead reports whether line, at the margin, is a short title
// ("Police visibility") over text indented under it ("   Eston: residents
// would like ..."): the subject of a report's issues grouped by subject,
// whose entries hang from it. The line must start a block or come back to
// the margin from the indented text of the subject before; a line with
// a list mark or a section number, one ending as a sentence does, or one
// over a line that is no deeper (a paragraph's first line, a centred title
// over a wider line) is none.
func hangingHead(lines []string, i int, starts bool) bool {
	line := lines[i]
	if line == "" || line[0] == ' ' || line[0] == '\t' || i+1 >= len(lines) {
		return false
	}
	trimmed := strings.TrimSpace(line)
	if BulletRE.MatchString(trimmed) || SectionRE.MatchString(trimmed) || numberedRE.MatchString(trimmed) || !isHeadingLike(trimmed) {
		return false
	}
	// (a subject's name: a capital first, a few words, no comma or colon,
	// not a line that stops mid-phrase or holds two columns: "1 Cliffland
	// Way, Hemlington" over an address, "Also present: Inspector ...",
	// "Meeting of the" over the day, a column's "of teenagers gathering
	// around the recreation" are none)
	if !unicode.IsUpper([]rune(trimmed)[0]) || strings.ContainsAny(trimmed, ",:;|") || len(strings.Fields(trimmed)) > 5 || strings.Contains(trimmed, "   ") || continues(trimmed) {
		return false
	}
	next := lines[i+1]
	if indent(next) < 2 || strings.TrimSpace(next) == "" || BulletRE.MatchString(strings.TrimSpace(next)) {
		return false
	}
	// (the paragraph before, if any, was indented: the entries of the
	// subject before this one)
	return starts || (i > 0 && indent(lines[i-1]) >= 2)
}

// datedHead reports whether a line is a dated entry's head: a day first,
// then only a name and place in title case ("07/03/22 Eastfield Ward
// Meeting, Hartlepool", "Tues 8 March Walkabout with the PCSOs, Hutton"),
// no sentence ("12/03/22 Residents at the meeting asked for ...").
func datedHead(l string) bool {
	if !dates.StartsWithDate(l) || strings.ContainsAny(l[len(l)-1:], ".:;!?,") {
		return false
	}
	ds := dates.Find(l)
	rest := strings.Fields(l[ds[0].End:])
	if len(rest) == 0 || len(rest) > 10 {
		return false
	}
	for _, w := range rest {
		w = strings.TrimLeft(w, "(\"“'‘")
		switch {
		case w == "" || !unicode.IsLetter([]rune(w)[0]) || unicode.IsUpper([]rune(w)[0]):
		case headLinkWords[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return true
}

// headLinkWords: the small words a title in title case leaves lower case.
var headLinkWords = map[string]bool{"with": true, "the": true, "of": true, "and": true, "at": true, "for": true, "in": true, "on": true, "to": true, "a": true}

// startsUpper reports whether a line opens with a capital letter.
func startsUpper(l string) bool {
	r := []rune(l)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// indent is the number of spaces a line opens with.
func indent(l string) int {
	return len(l) - len(strings.TrimLeft(l, " "))
}

// mergeStrayDateCells puts back a date cell's last part that a PDF's
// layout left on a line of its own between two rows of a table ("Tues
// 17th" in a row, "Dec" alone under it, the next row after): a block that
// is only a month, a weekday or a day, between two rows of as many cells,
// ends the first cell of the row above. Blocks are numbered again.
func mergeStrayDateCells(bs []Block) []Block {
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if n := len(out); n > 0 && i+1 < len(bs) && b.Cells == nil && strayDateRE.MatchString(strings.TrimSpace(b.Text)) &&
			out[n-1].Cells != nil && !out[n-1].Header && len(out[n-1].Cells) == len(bs[i+1].Cells) {
			above := &out[n-1]
			above.Cells[0] = strings.TrimSpace(above.Cells[0] + " " + strings.TrimSpace(b.Text))
			above.Text = strings.Join(above.Cells, " | ")
			continue
		}
		out = append(out, b)
	}
	for i := range out {
		out[i].N = i + 1
	}
	return out
}

// strayDateRE: a month, weekday or day alone.
var strayDateRE = regexp.MustCompile(`(?i)^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|[0-9]{1,2}(?:st|nd|rd|th)?)\.?$`)

// upperLine reports whether a line is written in capitals (three letters
// or more, none lower case) and short enough to be a title.
func upperLine(l string) bool {
	if len(l) > 100 {
		return false
	}
	n := 0
	for _, r := range l {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			n++
		}
	}
	return n >= 3
}

// postedLineRE: a line giving the publication date ("Posted 3 September
// 2020", "For immediate release: Friday 10 July 2015", a press release's
// "Issued 4 May").
var postedLineRE = regexp.MustCompile(`(?i)^\W*(?:posted|published|first published|last updated|updated|issued|released|for (?:immediate )?release|sent to (?:all )?(?:our )?(?:members|subscribers|residents|households)\b)\b`)

// continues reports whether a line stops mid-phrase ("... held on"), so
// that the next line, even one opening with a date, goes on with it.
func continues(line string) bool {
	if strings.HasSuffix(line, ",") {
		return true // "... held on consecutive nights," over "9 and 10 November."
	}
	i := strings.LastIndexByte(line, ' ')
	switch strings.ToLower(line[i+1:]) {
	case "on", "of", "at", "the", "held", "from", "to", "and", "by", "in", "until", "between", "dated":
		return true
	}
	// "... held on Wednesday" over "14th October 2015 at 7pm", "... on
	// Tuesday 5th" over "March 2019": a date broken by the wrap goes on.
	return wrappedDateRE.MatchString(line)
}

// wrappedDateRE: a line that ends with a weekday, or a weekday and its
// day, so the date it starts goes on over the next line.
var wrappedDateRE = regexp.MustCompile(`(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?(?:\s+[0-9]{1,2}(?:st|nd|rd|th)?)?$`)

// clean drops Markdown links (keeping their text) and emphasis marks,
// including a line in _italics_.
func clean(s string) string {
	if len(s) > 2 && strings.HasPrefix(s, "_") && strings.HasSuffix(s, "_") && !strings.HasPrefix(s, "__") {
		s = s[1 : len(s)-1]
	}
	if strings.ContainsAny(s, "[*_`") {
		s = mdLinkRE.ReplaceAllString(s, "$1")
		s = mdEmphRE.ReplaceAllString(s, "")
	}
	return s
}

func splitCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	parts := strings.Split(row, "|")
	for i := range parts {
		parts[i] = collapse(clean(parts[i]))
	}
	return parts
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isHeadingLike: a short line without a sentence's final full stop, such
// as "Future Meetings" or "4.0 Meetings", and without a day in it ("11th
// September – Coulby Newham community meeting" is an entry).
func isHeadingLike(s string) bool {
	if s == "" || len(s) > 60 || strings.ContainsAny(s[len(s)-1:], ".:;,!?\"”'’") {
		return false
	}
	if len(dates.Days(dates.Find(s))) > 0 {
		return false
	}
	return strings.Count(s, " ") < 8
}

func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }), " ")
}
