package normalise

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// joinedTables turns back into table rows a table a web page lost its cell
// breaks in when it was scraped to text: each cell runs into the next
// ("Where and whenYou saidWe did", "Library - 22/03/23Cars racing ...
// weekends.Speed checks ..."), the rows hard-wrapped. Such a table shows
// itself by its header, a line of three to six short capitalised titles
// joined so; each row opens on a line where a cell ends without a space
// before the next one's capital, and has one such join between each of its
// cells. A run of lines that does not split into rows of the header's
// number of cells is left as it was.
func joinedTables(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		head := joinedHeader(lines[i])
		if head == nil {
			out = append(out, lines[i])
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			j++
		}
		rows, ok := joinedRows(lines[i+1:j], len(head))
		if !ok {
			out = append(out, lines[i])
			continue
		}
		if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "" {
			out = append(out, "")
		}
		out = append(out, "| "+strings.Join(head, " | ")+" |", "|"+strings.Repeat("---|", len(head)))
		for _, r := range rows {
			out = append(out, "| "+strings.Join(r, " | ")+" |")
		}
		i = j - 1
	}
	return strings.Join(out, "\n")
}

// joinedHeader splits a run-together header line into its titles, or
// returns nil: three to six titles of a few words each, each opening with
// a capital, no digits or sentence marks.
func joinedHeader(l string) []string {
	t := strings.TrimSpace(l)
	if len(t) > 80 || strings.ContainsAny(t, "0123456789.,;:!?|()") {
		return nil
	}
	at := cellJoins(t)
	if len(at) < 2 || len(at) > 5 {
		return nil
	}
	cells := splitAt(t, at)
	for _, c := range cells {
		first, _ := utf8.DecodeRuneInString(c)
		if !unicode.IsUpper(first) || strings.Count(c, " ") > 3 {
			return nil
		}
	}
	return cells
}

// joinedRows reads a table's body lines as rows of n cells run together:
// a line with a join, while the row before has all its cells, opens a row
// (its text before the join is the first cell); any other join ends a
// cell; lines without one go on with the cell they wrap.
func joinedRows(body []string, n int) (rows [][]string, ok bool) {
	for _, l := range body {
		t := strings.TrimSpace(l)
		at := cellJoins(t)
		parts := splitAt(t, at)
		if len(at) > 0 && (len(rows) == 0 || len(rows[len(rows)-1]) == n) {
			rows = append(rows, []string{parts[0]})
			parts = parts[1:]
		} else if len(rows) == 0 {
			return nil, false // text before the first row
		} else {
			r := rows[len(rows)-1]
			r[len(r)-1] = strings.TrimSpace(r[len(r)-1] + " " + parts[0])
			parts = parts[1:]
		}
		r := rows[len(rows)-1]
		r = append(r, parts...)
		if len(r) > n {
			return nil, false
		}
		rows[len(rows)-1] = r
	}
	if len(rows) < 2 {
		return nil, false
	}
	for _, r := range rows {
		if len(r) != n {
			return nil, false
		}
		for k := range r {
			r[k] = strings.ReplaceAll(r[k], "|", "/")
		}
	}
	return rows, true
}

// cellJoins finds where one cell runs into the next: a capital opening a
// word straight after a letter, digit, full stop or closing bracket that
// ends another, as in "whenYou", "22/03/23Cars", "weekends.Speed",
// "2024)Sheds". A name written with an inner capital ("McDonald",
// "iPhone") is no join: the letters before the capital must be three or
// more, or end in a digit or mark.
func cellJoins(t string) []int {
	var at []int
	r := []rune(t)
	off := 0 // byte offset of r[i]
	for i := 0; i < len(r); i++ {
		if i > 0 && i+1 < len(r) && unicode.IsUpper(r[i]) && unicode.IsLower(r[i+1]) {
			p := r[i-1]
			switch {
			case unicode.IsDigit(p), p == '.', p == ')':
				at = append(at, off)
			case unicode.IsLower(p):
				k := i - 1
				for k > 0 && unicode.IsLetter(r[k-1]) {
					k--
				}
				if i-k >= 3 {
					at = append(at, off)
				}
			}
		}
		off += utf8.RuneLen(r[i])
	}
	return at
}

// splitAt cuts t at the byte offsets at, trimming each piece.
func splitAt(t string, at []int) []string {
	var out []string
	from := 0
	for _, a := range at {
		out = append(out, strings.TrimSpace(t[from:a]))
		from = a
	}
	return append(out, strings.TrimSpace(t[from:]))
}
