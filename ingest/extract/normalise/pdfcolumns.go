package normalise

import (
	"math"
	"regexp"
	"strings"
)

// columnBreakRE: a line that ends mid-sentence, a blank line, and a line
// that goes on in lower case.
var columnBreakRE = regexp.MustCompile(`([^.!?:\s])[ \t]*\n[ \t]*\n[ \t]*([a-z])`)

// columnPages are the pages (1-based) of a PDF laid out in two columns of
// running text (a newsletter): many lines of the page hold two pieces of
// prose, the second starting at one gutter. The layout text puts both
// columns on each line, so a sentence would run from the left column into
// the right; pdftotext's reading order (its default mode) reads down one
// column, then the other. A table is no such page: its rows have several
// wide gaps, and a page where pdfTables found a table of three rows or three
// columns is left as it is.
func columnPages(tsv string, tables []pdfTable) map[int]bool {
	lines := pdfLinesOf(parseTSV(tsv))
	tabled := map[int]bool{}
	for _, t := range tables {
		// (two lines of two long cells are the columns themselves, which
		// the word boxes took for a table's rows)
		if len(t.rows) >= 3 || len(t.rows) > 0 && len(t.rows[0]) >= 3 {
			tabled[t.page] = true
		}
	}
	out := map[int]bool{}
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		if !tabled[lines[i].page] && twoColumns(lines[i:j]) {
			out[lines[i].page] = true
		}
		i = j
	}
	return out
}

// twoColumns reports whether a page's lines are mostly two pieces of
// prose apart at one gutter: on six lines or more, and on a third of its
// lines of eight words or more, the widest gap between words (justified
// text stretches the others) ends at the same place, with four words or
// more on each side.
func twoColumns(page []pdfLine) bool {
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
		if k >= 4 && len(l.words)-k >= 4 && widest >= 2*l.height && second < 1.2*l.height {
			xs = append(xs, l.words[k].left)
		}
	}
	best := 0
	for _, x := range xs {
		n := 0
		for _, y := range xs {
			if math.Abs(x-y) <= 3 {
				n++
			}
		}
		best = max(best, n)
	}
	return best >= 6 && best*3 >= prose
}

// replacePages puts the reading-order text of the given pages (flow, the
// default mode's output, pages apart by form feeds as in text) in place of
// their layout text.
func replacePages(text, flow string, pages map[int]bool) string {
	tp, fp := strings.Split(text, "\f"), strings.Split(flow, "\f")
	if len(tp) != len(fp) {
		return text // (a page count that disagrees: leave the layout text)
	}
	for i := range tp {
		if pages[i+1] {
			// a sentence that runs on at the top of the next column goes on
			// in the same paragraph, not after the blank line pdftotext puts
			// between the columns
			tp[i] = columnBreakRE.ReplaceAllString(fp[i], "$1\n$2")
		}
	}
	return strings.Join(tp, "\f")
}
