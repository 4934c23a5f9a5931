package normalise

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// columnBreakRE: a line that ends mid-sentence, a blank line, and a line
// that goes on in lower case.
var columnBreakRE = regexp.MustCompile(`([^.!?:\s])[ \t]*\n[ \t]*\n[ \t]*([a-z])`)

// columnPages are the text, read column by column, of the pages (1-based)
// of a PDF laid out in two columns of running text (a newsletter, a report
// printed from CSS columns): many lines of the page hold two pieces of
// prose apart at one gutter, or many lines start at the margin and many at
// one place well right of it. The layout text puts both columns on each
// line, so a sentence would run from the left column into the right. A
// table is no such page: its rows have several wide gaps, and a page where
// pdfTables found a table of three rows or three columns (not of two cells
// of running text each) is left as it is.
func columnPages(tsv string, tables []pdfTable) map[int]string {
	lines := pdfLinesOf(parseTSV(tsv))
	tabled := map[int]bool{}
	for _, t := range tables {
		// (two lines of two long cells are the columns themselves, which
		// the word boxes took for a table's rows; so are many rows of two
		// cells of running text)
		if (len(t.rows) >= 3 || len(t.rows) > 0 && len(t.rows[0]) >= 3) && !proseRows(t.rows) && !labelRows(t.rows) && !runsOn(t.rows) {
			tabled[t.page] = true
		}
	}
	out := map[int]string{}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		if gutter, ok := twoColumns(lines[i:j]); ok && !tabled[lines[i].page] {
			// (split at the middle of the white between the columns, not
			// where most right-hand lines start: a box at the top of the
			// right column sets its text in by its padding, and the story
			// under it, starting further left, would read as lines across
			// the page, run into the left column's)
			out[lines[i].page] = columnText(lines[i:j], midGutter(lines[i:j], gutter))
		}
		i = j
	}
	return out
}

// columnHead is the text, read column by column, of the lines of a page
// above its first table, and that table's first line: a report whose
// paragraphs run in two columns above a table of meetings ("3.1 ... Table
// A below lists ..." beside "3.3 On 12 July the Commissioner spoke ...").
type columnHead struct {
	text  string
	until string // the table's first line, as pdfLine.key gives it
}

// columnHeads are the pages (1-based) whose lines above their first table
// are two columns of running text (twoColumns), read column by column;
// the table and what follows it stay as the layout text has them.
func columnHeads(tsv string, tables []pdfTable) map[int]columnHead {
	lines := pdfLinesOf(parseTSV(tsv))
	first := map[int]pdfTable{}
	for _, t := range tables {
		if _, ok := first[t.page]; ok || len(t.lines) == 0 || proseRows(t.rows) || labelRows(t.rows) || !(len(t.rows) >= 3 || len(t.rows[0]) >= 3) {
			continue
		}
		first[t.page] = t
	}
	out := map[int]columnHead{}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		if t, ok := first[lines[i].page]; ok {
			for k := i; k < j; k++ {
				if lines[k].key() != t.lines[0] {
					continue
				}
				if gutter, ok := twoColumns(lines[i:k]); ok && k-i >= 6 {
					out[lines[i].page] = columnHead{text: columnText(lines[i:k], midGutter(lines[i:k], gutter)), until: t.lines[0]}
				} else {
					// (the report's title and purpose across the page above
					// its two columns: the columns from where they start)
					for s := i + 1; k-s >= 12; s++ {
						if gutter, ok := twoColumns(lines[s:k]); ok {
							out[lines[i].page] = columnHead{text: columnText(lines[i:s], math.Inf(1)) + "\n\n" + columnText(lines[s:k], midGutter(lines[s:k], gutter)), until: t.lines[0]}
							break
						}
					}
				}
				break
			}
		}
		i = j
	}
	return out
}

// midGutter is the middle of the white between two columns whose second
// starts at about `at`: a numbered paragraph's number stands left of its
// hanging lines ("3.3 On 12 July ..." over "at the North East ..."), so
// the most common start of the right column is not its leftmost. It is
// halfway between the rightmost end of a left column's line and the
// leftmost start of a right one, on the lines that hold both.
func midGutter(page []pdfLine, at float64) float64 {
	maxL, minR := 0.0, math.Inf(1)
	for _, l := range page {
		k, widest := 0, 0.0
		for i := 1; i < len(l.words); i++ {
			if g := l.words[i].left - l.words[i-1].right; g > widest {
				k, widest = i, g
			}
		}
		if k == 0 || widest < 1.5*l.height || math.Abs(l.words[k].left-at) > 8*l.height {
			continue
		}
		maxL, minR = math.Max(maxL, l.words[k-1].right), math.Min(minR, l.words[k].left)
	}
	if maxL == 0 || maxL >= minR {
		return at
	}
	return (maxL + minR) / 2
}

// replaceHeads puts each page's column head in place of its layout lines
// above the table's first line.
func replaceHeads(text string, heads map[int]columnHead) string {
	tp := strings.Split(text, "\f")
	for i := range tp {
		h, ok := heads[i+1]
		if !ok {
			continue
		}
		ls := strings.Split(tp[i], "\n")
		for k, l := range ls {
			if strings.Join(strings.Fields(l), " ") == h.until {
				tp[i] = h.text + "\n\n" + strings.Join(ls[k:], "\n")
				break
			}
		}
	}
	return strings.Join(tp, "\f")
}

// labelRows reports whether a table is a cover's labels and values
// ("Report to: | Cleveland Police and Crime Panel", "Status: | For
// information"): two cells a row, each label a few words ending in a
// colon. Such a block above a page's two columns does not make the page
// a table's.
func labelRows(rows [][]string) bool {
	for _, r := range rows {
		if len(r) != 2 || !strings.HasSuffix(strings.TrimSpace(r[0]), ":") || len(strings.Fields(r[0])) > 4 {
			return false
		}
	}
	return len(rows) > 0
}

// runsOn reports whether a table's first cell goes on with a sentence
// in lower case: no table starts mid-sentence, but a column of running
// text does, where its lines stand level with a box of short lines in
// the other column (a newsletter's "Dates for your diary" beside the
// story they interrupt), which the word boxes took for a table's rows.
func runsOn(rows [][]string) bool {
	if len(rows) == 0 || len(rows[0]) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(rows[0][0]))
	return unicode.IsLower(r)
}

// proseRows reports whether a table's rows are two cells of running text
// each (a page's two columns, taken for a table): no table has cells of
// six words and more on most of its rows.
func proseRows(rows [][]string) bool {
	long := 0
	for _, r := range rows {
		if len(r) != 2 {
			return false
		}
		if len(strings.Fields(r[0])) >= 6 && len(strings.Fields(r[1])) >= 6 {
			long++
		}
	}
	return long*3 >= len(rows)*2
}

// twoColumns reports whether a page's lines are mostly two pieces of
// prose apart at one gutter, and where the second column starts: on six
// lines or more, and on a third of its lines of eight words or more, the
// widest gap between words (justified text stretches the others) ends at
// the same place, with four words or more on each side.
func twoColumns(page []pdfLine) (float64, bool) {
	var xs []float64
	prose := 0
	for _, l := range page {
		if len(l.words) < 8 {
			continue
		}
		prose++
		k, widest, second := 0, 0.0, 0.0
		for i := 1; i < len(l.words); i++ {
			g := l.words[i].left - l.words[i-1].right
			switch {
			case g > widest:
				second, k, widest = widest, i, g
			case g > second:
				second = g
			}
		}
		// (one wide gap: a table's row has several, between its cells)
		// (justified text stretches its spaces, evenly: the gutter is
		// still far the widest gap of its line)
		if k >= 4 && len(l.words)-k >= 4 && widest >= 1.5*l.height && (second < 1.2*l.height || widest >= 3*second) {
			xs = append(xs, l.words[k].left)
		}
	}
	best, at := 0, 0.0
	for _, x := range xs {
		n := 0
		for _, y := range xs {
			if math.Abs(x-y) <= 3 {
				n++
			}
		}
		if n > best {
			best, at = n, x
		}
	}
	if best >= 6 && best*3 >= prose {
		return at, true
	}
	return apartColumns(page)
}

// apartColumns finds two columns whose lines do not share baselines (each
// column set on its own, as a browser prints CSS columns with headings of
// another size): many lines start at the left margin and many at one place
// well to its right, and the left ones end before it (but for a few that
// run across: a by-line, a footer).
func apartColumns(page []pdfLine) (float64, bool) {
	starts := map[float64]int{}
	for _, l := range page {
		if len(l.words) >= 4 {
			starts[math.Round(l.words[0].left/2)*2]++
		}
	}
	x1, n1 := 0.0, 0
	for x, n := range starts {
		if n > n1 || n == n1 && x < x1 {
			x1, n1 = x, n
		}
	}
	x2, n2 := 0.0, 0
	for x, n := range starts {
		if x > x1+120 && (n > n2 || n == n2 && x < x2) {
			x2, n2 = x, n
		}
	}
	if n1 < 6 || n2 < 6 {
		return 0, false
	}
	across, left := 0, 0
	for _, l := range page {
		if len(l.words) < 4 || math.Abs(l.words[0].left-x1) > 2 {
			continue
		}
		left++
		for _, w := range l.words {
			if w.left < x2-3 && w.right > x2-1 {
				across++ // (a word over the gutter: the line runs across)
				break
			}
		}
	}
	return x2 - 1, across*10 <= left
}

// columnText reads a page of two columns from its word boxes: down the
// left column, then the right, band by band between the lines that run
// across the gutter (a title, a by-line, a footer). pdftotext's own
// reading order is no help when a column's heading sits level with the
// other column's text: it reads the heading's block out of turn. A wider
// gap than a line's or a taller line (a heading) parts paragraphs; a
// sentence that goes on at the top of the next column stays in its
// paragraph.
func columnText(page []pdfLine, gutter float64) string {
	var out []string
	var left, right []pdfLine
	body := bodyHeight(page)
	bottom := 0.0 // the lowest line of the band so far, both columns
	flush := func() {
		for _, col := range [][]pdfLine{left, right} {
			out = append(out, columnLines(col)...)
		}
		left, right, bottom = nil, nil, 0
	}
	lastAcross := -1.0 // the foot of the line across the gutter just written, if the last written
	for _, l := range page {
		if bottom > 0 && l.top-bottom > 1.5*body {
			// a strip of white across both columns: a new band (a heading
			// over the whole page, "Other news", with columns under it)
			flush()
		}
		bottom = math.Max(bottom, l.top+l.height)
		var lw, rw []pdfWord
		across := false
		for _, w := range l.words {
			switch {
			case w.right <= gutter-1:
				lw = append(lw, w)
			case w.left >= gutter-3:
				rw = append(rw, w)
			default:
				across = true
			}
		}
		if len(lw) > 0 && len(rw) > 0 && rw[0].left-lw[len(lw)-1].right < l.height {
			// "Table A – Ward meetings attended, June – July 2022": a
			// word space, not a gutter, at the column's edge
			across = true
		}
		if across {
			if lastAcross > 0 && len(left) == 0 && len(right) == 0 && l.top-lastAcross < 0.6*body && len(out) > 0 && out[len(out)-1] == "" {
				// the next line of a paragraph across the page
				out[len(out)-1] = wordsText(l.words)
				out = append(out, "")
			} else {
				flush()
				out = append(out, "", wordsText(l.words), "")
			}
			lastAcross = l.top + l.height
			continue
		}
		lastAcross = -1
		if len(lw) > 0 {
			left = append(left, sideLine(l, lw))
		}
		if len(rw) > 0 {
			right = append(right, sideLine(l, rw))
		}
	}
	flush()
	return columnBreakRE.ReplaceAllString(strings.Join(out, "\n"), "$1\n$2")
}

// sideLine is the part ws of line l on one side of the gutter, as tall
// as its own words (a heading level with the other column's text is
// taller than that text).
func sideLine(l pdfLine, ws []pdfWord) pdfLine {
	h, top := 0.0, ws[0].top
	for _, w := range ws {
		h, top = math.Max(h, w.height), math.Min(top, w.top)
	}
	return pdfLine{page: l.page, top: top, height: h, words: ws}
}

// columnLines are one column's lines, a blank line between paragraphs.
func columnLines(col []pdfLine) []string {
	if len(col) == 0 {
		return nil
	}
	body := bodyHeight(col)
	var out []string
	for i, l := range col {
		heading := l.height > body*1.05
		if i > 0 && (heading || l.top-col[i-1].top > 1.45*body || col[i-1].height > body*1.05) {
			out = append(out, "")
		}
		out = append(out, wordsText(l.words))
	}
	return append(out, "")
}

// bodyHeight is the height most of a column's lines have.
func bodyHeight(col []pdfLine) float64 {
	n := map[float64]int{}
	best, h := 0, col[0].height
	for _, l := range col {
		k := math.Round(l.height*10) / 10
		n[k]++
		if n[k] > best {
			best, h = n[k], k
		}
	}
	return h
}

func wordsText(ws []pdfWord) string {
	t := make([]string, len(ws))
	for i, w := range ws {
		t[i] = w.text
	}
	return strings.Join(t, " ")
}

// replacePages puts the column-by-column text of the given pages (1-based)
// in place of their layout text (pages apart by form feeds).
func replacePages(text string, pages map[int]string) string {
	tp := strings.Split(text, "\f")
	for i := range tp {
		if t, ok := pages[i+1]; ok {
			tp[i] = t
		}
	}
	return strings.Join(tp, "\f")
}

// unspaceLetters writes the letter-spaced lines of a PDF's text as words
// ("F E N S & R O S S M E R E" is "FENS & ROSSMERE"): a masthead set with
// wide letter spacing prints each letter as a word box of its own, and the
// layout text puts a space between every two. On such a line (six word
// boxes or more, most of them one letter) a gap wider than the common one
// by a word space is between two words, any other within a word.
func unspaceLetters(text, tsv string) string {
	repl := map[string]string{}
	for _, l := range pdfLinesOf(parseTSV(tsv)) {
		if w, ok := spacedWords(l); ok {
			repl[l.key()] = w
		}
	}
	if len(repl) == 0 {
		return text
	}
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		if w, ok := repl[strings.Join(strings.Fields(l), " ")]; ok {
			ls[i] = l[:len(l)-len(strings.TrimLeft(l, " "))] + w
		}
	}
	return strings.Join(ls, "\n")
}

// spacedWords is a letter-spaced line's words (unspaceLetters).
func spacedWords(l pdfLine) (string, bool) {
	single := 0
	for _, w := range l.words {
		if utf8.RuneCountInString(w.text) == 1 {
			single++
		}
	}
	if len(l.words) < 6 || single*3 < len(l.words)*2 {
		return "", false
	}
	gaps := make([]float64, 0, len(l.words)-1)
	for i := 1; i < len(l.words); i++ {
		gaps = append(gaps, l.words[i].left-l.words[i-1].right)
	}
	sorted := slices.Clone(gaps)
	slices.Sort(sorted)
	common := sorted[len(sorted)/2]
	var b strings.Builder
	b.WriteString(l.words[0].text)
	for i, g := range gaps {
		if g > common+0.2*l.height {
			b.WriteByte(' ')
		}
		b.WriteString(l.words[i+1].text)
	}
	return b.String(), true
}
