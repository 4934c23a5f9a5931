package normalise

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A PDF's tables, read from pdftotext's word boxes (-tsv) rather than from
// its layout text. The layout text places words on a grid of characters,
// and a proportional font drifts from it: a date cell run into the next
// cell with one space ("Tues 5 Ingleby Barwick"), a row whose columns
// stand four characters left of the others', a cell wrapped over two lines
// whose second line looks like a new row ("Wed" over "17 Jan"). The word
// boxes give each word's exact left edge and baseline, so by design:
//
//   - a column is a left edge that several lines share, each time after a
//     gap wider than a word space (or at the line's start);
//   - a table is a run of lines with words at such columns, two of them at
//     least with two cells, and the line above it when it too has cells
//     apart by wide gaps (the header, whose cells may be centred);
//   - a word belongs to the last column whose edge is at or before it;
//   - a row ends where the space between two lines is wider than the
//     table's line spacing (cell padding, a rule): "Wed" and "17 Jan" one
//     line apart are one cell, whatever either holds. In a table whose
//     lines are evenly spaced, a row is a line when every line fills the
//     first column, else, in a table of dates, a line whose first cell
//     opens a day once the row before has its day ("Wed" over "17 Jan",
//     "Tues 5" over "Dec"); any other is left to the layout text's rules.
//
// Each table found is written as "| a | b |" rows in place of its lines of
// the layout text (spliceTables); a table whose lines cannot be found
// there is left as it was.

// pdfWord is one word box of pdftotext -tsv.
type pdfWord struct {
	page                     int
	left, right, top, height float64
	text                     string
}

// pdfLine is the words on one baseline of a page, left to right.
type pdfLine struct {
	page   int
	top    float64
	height float64
	words  []pdfWord
	starts []int // indexes of the words that follow a wide gap (and 0)
}

func (l pdfLine) key() string {
	ws := make([]string, len(l.words))
	for i, w := range l.words {
		ws[i] = w.text
	}
	return strings.Join(ws, " ")
}

// pdfTable is a table found in the word boxes: its lines as they are in
// the layout text (to find them) and its rows.
type pdfTable struct {
	page  int
	lines []string
	rows  [][]string
}

// parseTSV reads the word boxes (level 5 rows) of pdftotext -tsv.
func parseTSV(tsv string) []pdfWord {
	var out []pdfWord
	for _, l := range strings.Split(tsv, "\n") {
		f := strings.Split(l, "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		page, err1 := strconv.Atoi(f[1])
		left, err2 := strconv.ParseFloat(f[6], 64)
		top, err3 := strconv.ParseFloat(f[7], 64)
		width, err4 := strconv.ParseFloat(f[8], 64)
		height, err5 := strconv.ParseFloat(f[9], 64)
		text := strings.TrimSpace(strings.Join(f[11:], "\t"))
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil || text == "" {
			continue
		}
		out = append(out, pdfWord{page: page, left: left, right: left + width, top: top, height: height, text: text})
	}
	return out
}

// pdfLinesOf groups words by page and baseline.
func pdfLinesOf(ws []pdfWord) []pdfLine {
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].page != ws[j].page {
			return ws[i].page < ws[j].page
		}
		return ws[i].top < ws[j].top
	})
	var out []pdfLine
	for _, w := range ws {
		if n := len(out); n > 0 && out[n-1].page == w.page && math.Abs(out[n-1].top-w.top) <= 1.5 {
			out[n-1].words = append(out[n-1].words, w)
			out[n-1].height = math.Max(out[n-1].height, w.height)
			continue
		}
		out = append(out, pdfLine{page: w.page, top: w.top, height: w.height, words: []pdfWord{w}})
	}
	for i := range out {
		l := &out[i]
		sort.SliceStable(l.words, func(a, b int) bool { return l.words[a].left < l.words[b].left })
		l.starts = []int{0}
		for j := 1; j < len(l.words); j++ {
			if l.words[j].left-l.words[j-1].right >= cellGap(l.height) {
				l.starts = append(l.starts, j)
			}
		}
	}
	return out
}

// cellGap is the narrowest gap between two cells: wider than any word
// space of the line's font (about a quarter of its size; justified lines
// stretch it a little).
func cellGap(height float64) float64 { return 0.5 * height }

// pdfTables finds the tables of a PDF in its word boxes.
func pdfTables(tsv string) []pdfTable {
	lines := pdfLinesOf(parseTSV(tsv))
	var out []pdfTable
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		out = append(out, pageTables(lines[i:j])...)
		i = j
	}
	return headedOverPages(out)
}

// headLike reports whether a row reads as a table's header: every cell
// a few words, no figure in any (a row of data has its date, its count).
func headLike(row []string) bool {
	for _, c := range row {
		if len(strings.Fields(c)) > 6 || strings.ContainsAny(c, "0123456789") {
			return false
		}
	}
	return len(row) >= 2
}

// headedOverPages gives a table that goes on over a page break its header
// again: the first table of a page, with as many columns as the last
// table of the page before and no header row of its own, is that table's
// rest ("Norton North | Dealing of drugs ... | Stockton-on-Tees" at the
// top of page 2 under "Ward meeting (date / venue) | Issues raised by
// residents | Authority" on page 1). Without it the rows would be read as
// a table with no columns named.
func headedOverPages(tables []pdfTable) []pdfTable {
	for k := 1; k < len(tables); k++ {
		prev, t := tables[k-1], &tables[k]
		if t.page != prev.page+1 || (k+1 < len(tables) && tables[k+1].page == prev.page) || len(t.rows) == 0 || len(prev.rows) < 2 {
			continue
		}
		head := prev.rows[0]
		if len(t.rows[0]) != len(head) || !headLike(head) || headLike(t.rows[0]) {
			continue
		}
		t.rows = append([][]string{head}, t.rows...)
	}
	return tables
}

// pageTables finds the tables of one page.
func pageTables(lines []pdfLine) []pdfTable {
	var out []pdfTable
	for i := 0; i < len(lines); {
		// A candidate: consecutive lines, close together, of two cells or
		// more, or of one cell starting where a cell of a line near it
		// starts (the rest of a wrapped cell).
		if len(lines[i].starts) < 2 || justified(lines[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j].top-lines[j-1].top <= 3*lines[j-1].height &&
			(len(lines[j].starts) >= 2 || alignsNear(lines, j, i) || firstColumnRest(lines, j, i) || suffixesOnly(lines[j], lines[j-1].height)) && !tableHead(lines, j, i) && !tableFoot(lines, j, i) && !justified(lines[j]) {
			j++
		}
		out = append(out, tablesIn(lines[i:j])...)
		i = j
	}
	return out
}

// justified reports whether a line is running text set justified, its
// word spaces stretched wider than a cell gap: four "cells" or more of a
// word or two each ("Thirty-one engagements took place in the"), no
// figure among them, and every space between its words of one width (a
// justified line stretches them evenly; a table's gaps differ, cell to
// cell).
func justified(l pdfLine) bool {
	if len(l.starts) < 4 || len(l.words) > 2*len(l.starts) {
		return false
	}
	lo, hi := math.Inf(1), 0.0
	for i, w := range l.words {
		if strings.ContainsAny(w.text, "0123456789") {
			return false
		}
		if i > 0 {
			g := w.left - l.words[i-1].right
			lo, hi = math.Min(lo, g), math.Max(hi, g)
		}
	}
	return hi-lo <= 0.25*l.height
}

// tableHead reports whether line j, in a candidate from line i, is the
// header of a table of its own: three short cells or more right under a
// line of running text that runs across where its cells start ("Date
// Meeting  Issues raised" under numbered paragraphs whose number stands in
// a column of its own). The paragraphs' text column lies inside the
// table's first column, and read as one the table's first cells would run
// across it. (A wrapped cell's rest above a row stays within its column.)
func tableHead(lines []pdfLine, j, i int) bool {
	if j <= i || len(lines[j].starts) < 3 || len(lines[j-1].starts) >= 3 || !shortCells(lines[j]) {
		return false
	}
	for _, s := range lines[j].starts[1:] {
		x := lines[j].words[s].left
		for _, w := range lines[j-1].words {
			if w.left < x-2 && w.right > x+2 {
				return true
			}
		}
	}
	return false
}

// tableFoot reports whether line j, in a candidate from line i, is running
// text after the table, not a row of it: it starts left of the table's
// left edge (the body text's margin, outside the cells' padding) and a
// cell of it starts inside a word of the lines above ("4.2   In October
// the Commissioner also joined ..." right under a table whose first column
// holds "Wednesday" over "26 October"). It mirrors tableHead: a numbered
// paragraph's text column lies inside the table's first column, and read
// as one with the table it would cut every first cell in two, so the
// table's rows, and those of a table going on from the page before, would
// be lost.
func tableFoot(lines []pdfLine, j, i int) bool {
	l := lines[j]
	if j <= i || len(l.starts) < 2 || l.words[0].left >= lines[i].words[0].left-2 {
		return false
	}
	for _, s := range l.starts[1:] {
		x := l.words[s].left
		for k := i; k < j; k++ {
			for _, w := range lines[k].words {
				if w.left < x-2 && w.right > x+2 {
					return true
				}
			}
		}
	}
	return false
}

// alignsNear reports whether line j's first word starts where a cell of a
// line of the candidate (from i on) starts: after a wide gap, or first on
// its line right of the candidate's left edge (a cell set lower than its
// row's first, "Stockton-on-Tees" beside "Tue 7" and "June"). A line of a
// table whose cells are set in the middle of their rows may also start
// where a cell of the lines just after it does: the first line of a
// row's tallest cell stands above the row's other cells.
func alignsNear(lines []pdfLine, j, i int) bool {
	x := lines[j].words[0].left
	left := math.Inf(1)
	for k := i; k < j; k++ {
		left = math.Min(left, lines[k].words[0].left)
	}
	at := func(k int) bool {
		for _, s := range lines[k].starts {
			if (s > 0 || lowerCell(lines[k], left)) && math.Abs(lines[k].words[s].left-x) <= 2 {
				return true
			}
		}
		return false
	}
	for k := i; k < j; k++ {
		if at(k) {
			return true
		}
	}
	for k := j + 1; k < len(lines) && k <= j+3 && lines[k].page == lines[j].page && centred(lines, k); k++ {
		if at(k) {
			return true
		}
	}
	return false
}

// centred reports whether line k stands closer under the line before it
// than a line's height: the two are of cells set at different heights.
func centred(lines []pdfLine, k int) bool {
	return k > 0 && lines[k].top-lines[k-1].top < centredPitch*lines[k-1].height
}

// firstColumnRest reports whether line j is the rest of a first column's
// cell wrapped onto a line of its own ("Tues 19" over "March"): a word or
// three at the candidate's left edge, right under the line before it.
func firstColumnRest(lines []pdfLine, j, i int) bool {
	l := lines[j]
	return len(l.words) <= 3 && math.Abs(l.words[0].left-lines[i].words[0].left) <= 2 &&
		l.top-lines[j-1].top <= 1.5*lines[j-1].height
}

// tablesIn cuts a candidate into tables: its columns are the left edges
// at which two lines or more start a cell after a wide gap; a table line
// starts each cell after its first at a column and has no word across a
// column; a run of them with two lines of two cells or more is a
// table, the line before it its header when it has two cells or more and
// no word across a column (a header's cells may be centred).
func tablesIn(cand []pdfLine) []pdfTable {
	uses := map[int]map[int]bool{}
	var xs []float64
	left := math.Inf(1)
	for _, l := range cand {
		left = math.Min(left, l.words[0].left)
	}
	for i, l := range cand {
		for _, s := range l.starts {
			x := l.words[s].left
			if s == 0 && (!lowerCell(l, left) || !centredNear(cand, i)) {
				// a line's first word opens a column only where cells
				// stand at different heights (alignsNear)
				continue
			}
			k := slices.IndexFunc(xs, func(c float64) bool { return math.Abs(c-x) <= 2 })
			if k < 0 {
				xs = append(xs, x)
				k = len(xs) - 1
				uses[k] = map[int]bool{}
			}
			uses[k][i] = true
		}
	}
	var cols []float64
	for k, x := range xs {
		if len(uses[k]) >= 2 && x > left+2 {
			cols = append(cols, x)
		}
	}
	if len(cols) == 0 {
		return nil
	}
	sort.Float64s(cols)
	at := func(x float64) bool {
		if math.Abs(x-left) <= 2 {
			return true
		}
		for _, c := range cols {
			if math.Abs(x-c) <= 2 {
				return true
			}
		}
		return false
	}
	across := func(l pdfLine) bool {
		for _, w := range l.words {
			for _, c := range cols {
				if w.left < c-2 && w.right > c+2 {
					return true
				}
			}
		}
		return false
	}
	fits := func(l pdfLine) bool {
		if across(l) {
			return false
		}
		for _, s := range l.starts[1:] {
			if !at(l.words[s].left) {
				return false
			}
		}
		return true
	}
	var out []pdfTable
	for i := 0; i < len(cand); {
		if !fits(cand[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(cand) && fits(cand[j]) {
			j++
		}
		first := i
		if i > 0 && len(cand[i-1].starts) >= 2 && !across(cand[i-1]) && shortCells(cand[i-1]) {
			first = i - 1
		}
		if t, ok := buildTable(cand[first:j], cand[i:j], cols); ok {
			out = append(out, t)
		}
		i = j
	}
	return out
}

// ordinalSuffix reports whether w is a day's ordinal suffix set as a
// superscript ("th" of "4<sup>th</sup>"): smaller than its line's font, it
// stands on a baseline of its own, and read as a word it lands before or
// after the wrong word of its cell ("th Tuesday 4").
func ordinalSuffix(w pdfWord, h float64) bool {
	switch w.text {
	case "st", "nd", "rd", "th":
		return w.height < 0.9*h
	}
	return false
}

// suffixesOnly reports whether a line holds only superscript suffixes (in
// a text whose font is h high).
func suffixesOnly(l pdfLine, h float64) bool {
	for _, w := range l.words {
		if !ordinalSuffix(w, h) {
			return false
		}
	}
	return true
}

// lowerCell reports whether a line's first word opens a cell right of
// the table's left edge, in the line's own font: a superscript ("th" of
// "4th", set smaller and higher than its day) has a line of its own in the
// word boxes and opens nothing.
func lowerCell(l pdfLine, left float64) bool {
	return l.words[0].left > left+2 && l.words[0].height >= 0.9*l.height && !suffixesOnly(l, math.Inf(1))
}

// centredNear reports whether line i of a candidate is beside a line of a
// cell set at another height (centred).
func centredNear(cand []pdfLine, i int) bool {
	return centred(cand, i) || i+1 < len(cand) && centred(cand, i+1)
}

// shortCells reports whether a line's cells are short enough to be a
// header's ("Date", "What residents told us"), not a numbered paragraph's
// first line ("2.1   The table below records the meetings held in ...").
func shortCells(l pdfLine) bool {
	for k, s := range l.starts {
		end := len(l.words)
		if k+1 < len(l.starts) {
			end = l.starts[k+1]
		}
		if end-s > 5 {
			return false
		}
	}
	return true
}

// buildTable makes the rows of a table from its lines (body: its lines
// after the header, if any), or reports that they are not one.
func buildTable(all, body []pdfLine, inner []float64) (pdfTable, bool) {
	t := pdfTable{page: all[0].page}
	for _, l := range all {
		t.lines = append(t.lines, l.key())
	}
	h := 0.0 // the table's font
	for _, l := range all {
		h = math.Max(h, l.height)
	}
	left := math.Inf(1)
	for _, l := range all {
		left = math.Min(left, l.words[0].left)
	}
	multi := 0
	for _, l := range body {
		if len(l.starts) >= 2 {
			multi++
		}
	}
	if multi < 2 || len(body) < 2 {
		return pdfTable{}, false
	}
	cols := []float64{left}
	for _, x := range inner {
		if x > left+2 {
			cols = append(cols, x)
		}
	}
	cellsOf := func(l pdfLine) []string {
		cells := make([]string, len(cols))
		k := 0
		for i, w := range l.words {
			if slices.Contains(l.starts, i) {
				// a cell goes to the last column at or before its start
				for c := range cols {
					if w.left >= cols[c]-2 {
						k = c
					}
				}
			}
			if ordinalSuffix(w, h) {
				continue
			}
			cells[k] = joinWrapped(cells[k], w.text)
		}
		return cells
	}
	// Rows from the spacing of the body's lines.
	pitch := math.Inf(1)
	for k := 1; k < len(body); k++ {
		pitch = math.Min(pitch, body[k].top-body[k-1].top)
	}
	if pitch < centredPitch*body[0].height {
		// Lines closer than a line's height: cells set in the middle of
		// their rows, so a row's cells of one, two and three lines stand
		// on baselines half a line apart. Read each column's cells by
		// their own line spacing and make a row of the cells beside each
		// other.
		t.rows = centredRows(body, cellsOf)
		if len(all) > len(body) {
			t.rows = append([][]string{cellsOf(all[0])}, t.rows...)
		}
		return t, len(t.rows) >= 2
	}
	spaced := false
	for k := 2; k < len(body); k++ {
		// (not the space under the first line: a header's, often wider)
		if body[k].top-body[k-1].top > rowGap*pitch {
			spaced = true
		}
	}
	// A table of dates: its first column's header says so, or most of its
	// lines open that column with a day.
	datesTable, days, firsts := false, 0, 0
	for k, l := range all {
		c := cellsOf(l)[0]
		if k == 0 && dateHeaderRE.MatchString(c) {
			datesTable = true
		}
		if c != "" {
			firsts++
		}
		if opensDay(c) && hasDigit(c) {
			days++
		}
	}
	datesTable = datesTable || days*2 > firsts
	var rows [][]string
	header := len(all) > len(body)
	if header {
		rows = append(rows, cellsOf(all[0]))
	}
	for k, l := range body {
		cells := cellsOf(l)
		newRow := k == 0 || (spaced && l.top-body[k-1].top > rowGap*pitch)
		if !spaced {
			// Evenly spaced: one line a row, or, in a table of dates, a
			// row a day (a line whose first cell opens a day, once the
			// row before has its day: "Wed" over "17 Jan" is one cell,
			// "Tues 5" over "Dec" too). Otherwise which line is whose row
			// is not shown.
			switch {
			case k == 0 || (cells[0] != "" && !datesTable):
				newRow = true
			case datesTable && cells[0] != "" && opensDay(cells[0]) && (hasDigit(rows[len(rows)-1][0]) || len(rows) == 1 && dateHeaderRE.MatchString(rows[0][0])):
				newRow = true
			case datesTable && monthOnlyRE.MatchString(cells[0]) && hasDigit(rows[len(rows)-1][0]) && filled(cells) >= 3:
				// "July | Dormanstown | Residents' meeting | Speeding" under
				// "24/07 | Northallerton | ...": a row dated by its month
				// alone, its other cells filled ("Tues 5" over "Dec" fills
				// the first only)
				newRow = true
			case !datesTable:
				return pdfTable{}, false
			}
		}
		if newRow {
			rows = append(rows, cells)
			continue
		}
		last := rows[len(rows)-1]
		for c := range cells {
			if cells[c] != "" {
				last[c] = joinWrapped(last[c], cells[c])
			}
		}
	}
	if !header && sectionNumbered(rows) {
		return pdfTable{}, false
	}
	t.rows = rows
	return t, true
}

// centredPitch is the line spacing, as a share of a line's height, under
// which a table's lines cannot be lines of one cell: baselines that close
// are of cells set at different heights.
const centredPitch = 0.75

// centredRows reads a table whose cells are set in the middle of their
// rows (an HTML table's default, printed to PDF): in each column, lines
// one line's spacing apart are one cell, and a row is the cells whose
// heights overlap. A cell of three lines beside one of a single line
// starts above it and ends below it:
//
//	Tues 5   Hardwick ward   | Gangs outside the shops;
//	Dec      meeting         | drug dealing from a flat;
//	                         | bins set alight
//
// each of which the lines' own spacing, half a line, would cut apart.
func centredRows(body []pdfLine, cellsOf func(pdfLine) []string) [][]string {
	type cell struct {
		col            int
		top, end, last float64 // last: the top of its last line
		text           string
	}
	lines := make([][]string, len(body))
	for k, l := range body {
		lines[k] = cellsOf(l)
	}
	ncols := len(lines[0])
	// the spacing of one cell's lines: the least step between two lines
	// of one column
	step := math.Inf(1)
	for c := 0; c < ncols; c++ {
		prev := math.NaN()
		for k, l := range body {
			if lines[k][c] == "" {
				continue
			}
			if !math.IsNaN(prev) {
				step = math.Min(step, l.top-prev)
			}
			prev = l.top
		}
	}
	var cells []cell
	for c := 0; c < ncols; c++ {
		open := -1
		for k, l := range body {
			text := lines[k][c]
			if text == "" {
				continue
			}
			if open >= 0 && l.top-cells[open].last <= rowGap*step {
				cells[open].text = joinWrapped(cells[open].text, text)
				cells[open].last, cells[open].end = l.top, l.top+l.height
				continue
			}
			cells = append(cells, cell{col: c, top: l.top, end: l.top + l.height, last: l.top, text: text})
			open = len(cells) - 1
		}
	}
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].top < cells[j].top })
	var rows [][]string
	end := math.Inf(-1)
	for _, c := range cells {
		if len(rows) == 0 || c.top >= end {
			rows = append(rows, make([]string, ncols))
		}
		r := rows[len(rows)-1]
		r[c.col] = joinWrapped(r[c.col], c.text)
		end = math.Max(end, c.end)
	}
	return rows
}

// sectionNumbered reports whether rows with no header are a report's
// numbered paragraphs set with a hanging indent, not a table: each opens
// with a section number alone in its first cell ("4.2" beside "In October
// the Commissioner also joined ...", its next lines under the text, not
// the number). Read as a table, the paragraphs' numbers would be taken for
// the day and month of a table of dates above them ("4.2" as 4 February).
func sectionNumbered(rows [][]string) bool {
	for _, r := range rows {
		if !sectionNumberRE.MatchString(r[0]) {
			return false
		}
	}
	return len(rows) > 0
}

// sectionNumberRE is a report's paragraph number ("4.2", "3.1.2", "5.1.").
var sectionNumberRE = regexp.MustCompile(`^[0-9]{1,2}(?:\.[0-9]{1,2})+\.?$`)

// monthOnlyRE is a cell that holds a month alone ("July", "Sept 2019").
var monthOnlyRE = regexp.MustCompile(`(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+(?:[0-9]{4}|[0-9]{2}))?$`)

// filled counts a row's non-empty cells.
func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// rowGap is how much wider than the table's line spacing the space
// between two lines must be to end a row: cell padding and a rule, even
// the 1px of an HTML table's defaults, add a fifth of a line or more.
const rowGap = 1.15

// dateHeaderRE is a first column's header that says it holds dates.
var dateHeaderRE = regexp.MustCompile(`(?i)^\s*(?:date|day|when|month)\b`)

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// joinWrapped joins a cell's text and its next piece: with a space, or
// with none after a hyphen that ends a word ("Stockton-" "on-Tees").
func joinWrapped(a, b string) string {
	switch {
	case a == "":
		return b
	case strings.HasSuffix(a, "-") && len(a) > 1 && a[len(a)-2] != ' ':
		return a + b
	}
	return a + " " + b
}

// spliceTables writes each table found in the word boxes as table rows in
// place of its lines of the layout text (pages apart by form feeds). A
// table whose lines are not found there, one after the other as the word
// boxes have them, is left as the layout text has it.
func spliceTables(text string, tables []pdfTable) string {
	if len(tables) == 0 {
		return text
	}
	pages := strings.Split(text, "\f")
	for _, t := range tables {
		if t.page < 1 || t.page > len(pages) {
			continue
		}
		ls := strings.Split(pages[t.page-1], "\n")
		keys := make([]string, len(ls))
		for i, l := range ls {
			keys[i] = strings.Join(strings.Fields(l), " ")
		}
		from, to := findLines(keys, t.lines)
		if from < 0 {
			continue
		}
		var rows []string
		for _, r := range t.rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = strings.ReplaceAll(c, "|", "/")
			}
			rows = append(rows, "| "+strings.Join(cells, " | ")+" |")
		}
		ls = slices.Replace(ls, from, to, rows...)
		pages[t.page-1] = strings.Join(ls, "\n")
	}
	return strings.Join(pages, "\f")
}

// findLines finds want in keys, in order, blank lines between them
// allowed, and gives the range of keys it covers (from -1 when it is not
// there).
func findLines(keys, want []string) (from, to int) {
	for i := range keys {
		if keys[i] != want[0] {
			continue
		}
		k, j := 1, i+1
		for ; j < len(keys) && k < len(want); j++ {
			if keys[j] == "" {
				continue
			}
			if keys[j] != want[k] {
				break
			}
			k++
		}
		if k == len(want) {
			return i, j
		}
	}
	return -1, -1
}
