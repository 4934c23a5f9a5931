package normalise

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// rowSpans carries the cells of an HTML table that span rows down to the
// rows under them, so that every row has its cells in its header's
// columns: a date cell with rowspan="2" over two meetings of one day is
// each meeting's date, not a missing cell that moves the others left.
type rowSpans struct {
	pending map[int]spanCell // column -> cell still spanning
}

type spanCell struct {
	text string
	left int // rows still to fill
}

// row lays out one <tr>'s cells (their texts and elements) in columns:
// cells spanning down from rows above take their columns first, a cell
// with colspan="n" takes n columns (its text in the first, the rest
// empty), and a cell with rowspan="n" is kept for the n-1 rows under it.
func (s *rowSpans) row(texts []string, cells []*html.Node) []string {
	if s.pending == nil {
		s.pending = map[int]spanCell{}
	}
	var out []string
	fill := func() {
		for {
			p, ok := s.pending[len(out)]
			if !ok || p.left <= 0 {
				return
			}
			out = append(out, p.text)
			if p.left--; p.left == 0 {
				delete(s.pending, len(out)-1)
			} else {
				s.pending[len(out)-1] = p
			}
		}
	}
	for i, c := range cells {
		fill()
		col := len(out)
		out = append(out, texts[i])
		for k := 1; k < spanAttr(c, "colspan"); k++ {
			out = append(out, "")
		}
		if n := spanAttr(c, "rowspan"); n > 1 {
			s.pending[col] = spanCell{text: texts[i], left: n - 1}
		}
	}
	fill()
	return out
}

// spanAttr is a cell's colspan or rowspan, 1 when absent or not a small
// number.
func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v >= 1 && v <= 50 {
				return v
			}
		}
	}
	return 1
}

// headerRow reports whether a row of cells, some of them <th>, heads
// columns: two cells or more with text. One cell across the table ("<th
// colspan=3>February 2019</th>") names a part of the table (its month),
// not its columns.
func headerRow(cells []string) bool {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n >= 2
}
