package normalise

import (
	"strings"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
)

// cellLineTables rebuilds a table a page scrape flattened to one cell per
// line: a paragraph of short column labels ("Meeting" / "You said" / "We
// did") over two or more paragraphs of as many lines each, one per cell.
// A row may give its first cell on two lines, the second a date alone
// ("Billingham East PACT" over "09/04/2019"): the two are that cell. The
// rows become a Markdown table, which the table reader reads by its
// header; paragraphs that do not fit end it.
func cellLineTables(s string) string {
	paras := strings.Split(s, "\n\n")
	var out []string
	for i := 0; i < len(paras); i++ {
		head := paraLines(paras[i])
		if !labelLines(head) {
			out = append(out, paras[i])
			continue
		}
		var rows [][]string
		j := i + 1
		for ; j < len(paras); j++ {
			row, ok := cellRow(paraLines(paras[j]), len(head))
			if !ok {
				break
			}
			rows = append(rows, row)
		}
		if len(rows) < 2 {
			out = append(out, paras[i])
			continue
		}
		var b strings.Builder
		b.WriteString("| " + strings.Join(head, " | ") + " |\n|" + strings.Repeat("---|", len(head)))
		for _, r := range rows {
			b.WriteString("\n| " + strings.Join(r, " | ") + " |")
		}
		out = append(out, b.String())
		i = j - 1
	}
	return strings.Join(out, "\n\n")
}

// paraLines are a paragraph's lines, trimmed, without empty ones.
func paraLines(p string) []string {
	var ls []string
	for _, l := range strings.Split(p, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ls = append(ls, l)
		}
	}
	return ls
}

// labelLines reports whether lines are a table's column labels: two to
// six short lines of a few words, none ending a sentence or a lead-in.
func labelLines(ls []string) bool {
	if len(ls) < 2 || len(ls) > 6 {
		return false
	}
	for _, l := range ls {
		if len(l) > 30 || len(strings.Fields(l)) > 4 || strings.ContainsAny(l[len(l)-1:], ".:;,!?|") {
			return false
		}
	}
	return true
}

// cellRow reads a paragraph as a row of n cells, one per line, or with
// its first cell on two lines when the second is a date alone.
func cellRow(ls []string, n int) ([]string, bool) {
	if len(ls) == n+1 && dateAlone(ls[1]) {
		ls = append([]string{ls[0] + " " + ls[1]}, ls[2:]...)
	}
	if len(ls) != n || len(ls[0]) > 80 {
		return nil, false
	}
	row := make([]string, n)
	for k, l := range ls {
		row[k] = strings.ReplaceAll(l, "|", "/")
	}
	return row, true
}

// dateAlone reports whether a line is a date and nothing much else.
func dateAlone(l string) bool {
	ds := dates.Find(l)
	return len(ds) == 1 && len(ds[0].Text)*10 >= len(l)*7
}
