package normalise

import (
	"strings"
	"unicode"
)

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

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// endsItem reports whether a list line ends its item: a sentence's or a
// clause's end.
func endsItem(l string) bool {
	l = strings.TrimRightFunc(l, unicode.IsSpace)
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, ";") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, "?")
}
