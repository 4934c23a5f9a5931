package normalise

import (
	"regexp"
	"strings"
	"unicode"
)

// wideGapRE: a gap between two columns of a plain-text table.
var wideGapRE = regexp.MustCompile(`\S {3,}\S`)

// pdfBulletGlyphs are the characters pdftotext gives for a word
// processor's bullets set in a symbol font (private-use code points).
var pdfBulletGlyphs = strings.NewReplacer("\uf0b7", "•", "\uf0a7", "▪", "\uf076", "•", "\uf0d8", "•", "\uf0fc", "•")

// pdfLists marks the items of a list whose bullets a PDF draws as shapes
// (a browser's or a word processor's list: pdftotext gives no character
// for them): after a line that ends with a colon ("Issues raised at these
// meetings included:"), a run of two lines or more indented deeper than
// it, each item starting where the line before ended a sentence or a
// clause ("Hemlington – off-road bikes on the lake paths.", "Newport –
// drug dealing."). Read without the marks, the items ran into one
// paragraph and the lead-in's list was lost.
func pdfLists(text string) string {
	text = pdfBulletGlyphs.Replace(text)
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		lead := strings.TrimRightFunc(lines[i], unicode.IsSpace)
		if !strings.HasSuffix(lead, ":") {
			continue
		}
		in := indent(lead)
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		k := j
		for k < len(lines) && strings.TrimSpace(lines[k]) != "" && indent(lines[k]) >= in+3 && !strings.HasPrefix(strings.TrimSpace(lines[k]), "•") {
			k++
		}
		if k-j < 2 {
			continue
		}
		starts := 0
		for n := j; n < k; n++ {
			if n == j || endsItem(lines[n-1]) {
				starts++
			}
		}
		if starts < 2 {
			continue // one paragraph indented, not a list
		}
		for n := j; n < k; n++ {
			if n == j || endsItem(lines[n-1]) {
				l := lines[n]
				lines[n] = l[:indent(l)] + "• " + l[indent(l):]
			}
		}
		i = k - 1
	}
	return strings.Join(lines, "\n")
}

// ownMarkRE: a list item's own mark ("(a)", "b)", "1.", "-").
var ownMarkRE = regexp.MustCompile(`^\s*(?:\(?[a-z0-9]{1,2}[.)]|[-–*])\s`)

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// endsItem reports whether a list line ends its item: a sentence's or a
// clause's end.
func endsItem(l string) bool {
	l = strings.TrimRightFunc(l, unicode.IsSpace)
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, ";") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, "?")
}

// textHangingLists marks the items of a plain-text list set with a
// hanging indent after a line that ends with a colon ("Meetings attended
// in the period were:" then "Tues 3 Dec   - Jesmond Ward, Hartlepool
// (Clavering Community" and its run-on line indented under the meeting's
// name): each line at the run's least indent starts an item, the deeper
// ones go on with it. Read without marks, the items ran into one
// paragraph, and its meetings into one another.
func textHangingLists(text string) string {
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		lead := strings.TrimRightFunc(lines[i], unicode.IsSpace)
		if !strings.HasSuffix(lead, ":") {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		k := j
		for k < len(lines) && strings.TrimSpace(lines[k]) != "" {
			k++
		}
		if k-j < 3 {
			continue
		}
		least := indent(lines[j])
		for n := j; n < k; n++ {
			least = min(least, indent(lines[n]))
		}
		starts, deeper, ok := 0, 0, indent(lead) <= least
		for n := j; n < k && ok; n++ {
			if strings.Contains(lines[n], "|") || len(wideGapRE.FindAllString(strings.TrimSpace(lines[n]), -1)) > 1 {
				ok = false // a table's rows (several columns apart), not a list's items
				break
			}
			switch d := indent(lines[n]); {
			case d == least:
				starts++
			case d >= least+3:
				deeper++
			default:
				ok = false
			}
		}
		if !ok || starts < 2 || deeper == 0 || strings.HasPrefix(strings.TrimSpace(lines[j]), "•") || indent(lines[j]) != least {
			continue
		}
		if ownMarkRE.MatchString(lines[j]) {
			// "(a) Vehicles coming off the A19 ...": the items carry their
			// own marks; a line at their indent without one ("PC Askew
			// undertook to ... and to arrange" over "patrols at the
			// weekend.") is the paragraph after them, not items
			i = k - 1
			continue
		}
		for n := j; n < k; n++ {
			if indent(lines[n]) == least {
				l := lines[n]
				lines[n] = l[:least] + "• " + l[least:]
			}
		}
		i = k - 1
	}
	return strings.Join(lines, "\n")
}
