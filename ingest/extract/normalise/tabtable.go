package normalise

import (
	"strings"
)

// tabTables turns a table laid out with tabs into table rows. A table typed
// in a word processor and pasted as text keeps the tabs between its cells,
// but not the word processor's tab stops: a cell's next piece lands one or
// two tab stops further than the header's (a header "\tDate\t\tMeeting\t\t\t\tIssues
// raised" over "\t2 Mar\t\tEston ward meeting, the Library\tLitter in the
// park"), so that no column lines up once the tabs are widened to spaces.
// The header (three pieces or more parted by tabs) says where each column
// starts, at tab stops eight wide; every later piece belongs to the last
// column starting at or before it, and in order: a line whose first column
// is written opens a row, one that leaves it empty ("\t\t\tcommunity centre,
// Normanby\t\tnear the school") goes on with the row above, each piece with
// its cell. A page break inside the table (a page number alone, a form feed
// and the page's running header) is dropped, so the rows after it stay in
// the table. The table ends at a line with no tab, a piece too long for a
// cell (a numbered paragraph: "3.3\tIn March the Commissioner ..."), or a
// piece left of the first column.
func tabTables(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		head := tabPieces(lines[i])
		if len(head) < 3 || !allShort(head) || strings.Contains(lines[i], "\f") {
			out = append(out, lines[i])
			continue
		}
		starts := make([]int, len(head))
		cells := make([]string, len(head))
		for k, p := range head {
			starts[k], cells[k] = p.col, p.text
		}
		rows := [][]string{cells}
		j, last := i+1, i // last: the last line of the table
		for ; j < len(lines); j++ {
			l := strings.TrimRight(lines[j], "\r")
			t := strings.TrimSpace(strings.ReplaceAll(l, "\f", ""))
			if t == "" || pageNoRE.MatchString(t) || strings.Contains(l, "\f") && runningHeader(lines, t) {
				continue // a blank line or a page break's furniture: kept only between rows
			}
			row, opens, ok := tabRow(l, starts)
			if !ok || !opens && len(rows) == 1 {
				break
			}
			if opens {
				rows = append(rows, row)
			} else {
				prev := rows[len(rows)-1]
				for k, c := range row {
					if c != "" {
						prev[k] = strings.TrimSpace(prev[k] + " " + c)
					}
				}
			}
			last = j
		}
		if len(rows) < 3 { // a header and two rows at least
			out = append(out, lines[i])
			continue
		}
		for _, r := range rows {
			for k := range r {
				r[k] = strings.ReplaceAll(r[k], "|", "/")
			}
			out = append(out, "| "+strings.Join(r, " | ")+" |")
		}
		i = last
	}
	return strings.Join(out, "\n")
}

// tabPiece is a piece of a tab-laid line and the column it starts at, tabs
// widened to stops eight wide.
type tabPiece struct {
	col  int
	text string
}

// tabPieces splits a line at its runs of tabs; a line with no tab has none.
func tabPieces(l string) []tabPiece {
	l = strings.TrimRight(strings.ReplaceAll(l, "\f", ""), "\r \t")
	if !strings.Contains(l, "\t") {
		return nil
	}
	var out []tabPiece
	col := 0
	var cur strings.Builder
	start := -1
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, tabPiece{col: start, text: t})
		}
		cur.Reset()
		start = -1
	}
	for _, r := range l {
		if r == '\t' {
			flush()
			col = (col/8 + 1) * 8
			continue
		}
		if start < 0 {
			if r == ' ' {
				col++
				continue
			}
			start = col
		}
		cur.WriteRune(r)
		col++
	}
	flush()
	return out
}

// maxTabCell is the longest piece a line of a tab-laid table's cell holds.
const maxTabCell = 60

func allShort(ps []tabPiece) bool {
	for _, p := range ps {
		if len([]rune(p.text)) > maxTabCell {
			return false
		}
	}
	return true
}

// tabRow places a line's pieces in the header's columns (starts). It
// reports whether the line opens a row (its first column written) and
// whether it belongs to the table at all.
func tabRow(l string, starts []int) (row []string, opens, ok bool) {
	ps := tabPieces(l)
	if len(ps) == 0 || !allShort(ps) || ps[0].col < starts[0]-1 {
		return nil, false, false
	}
	row = make([]string, len(starts))
	prev := -1
	for _, p := range ps {
		k := 0
		for c, s := range starts {
			if s <= p.col+1 {
				k = c
			}
		}
		if k <= prev {
			k = prev + 1
		}
		if k >= len(starts) {
			return nil, false, false
		}
		row[k] = p.text
		prev = k
	}
	return row, row[0] != "", true
}

// runningHeader reports whether a page's first line (after its form feed)
// recurs after another form feed: the page's running header.
func runningHeader(lines []string, t string) bool {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, "\f") && strings.TrimSpace(strings.ReplaceAll(l, "\f", "")) == t {
			n++
		}
	}
	return n >= 2
}
